#!/usr/bin/env bash
# Configures and builds circleplan. Usage: scripts/build.sh [BUILD_DIR] [BUILD_TYPE] [extra cmake args...]
# A unity build (CMake's CMAKE_UNITY_BUILD: a few .cpp files compiled as one) by default: the
# header-only libraries (CLI11, toml++, Boost.Graph, GoogleTest) are then parsed and their inline
# code compiled once per batch, not per file, which halves a build from scratch (1060 -> 483
# CPU-seconds measured, docs/dependencies.md). UNITY_BUILD=OFF for quick rebuilds of one file.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-$root/build}"
build_type="${2:-Release}"
shift $(( $# > 2 ? 2 : $# ))
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" \
  -DCMAKE_UNITY_BUILD="${UNITY_BUILD:-ON}" "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
