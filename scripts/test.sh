#!/usr/bin/env bash
# Installs missing Debian packages, builds, and runs every test (ctest).
# Usage: scripts/test.sh            (build in build/, RelWithDebInfo)
#        BUILD_DIR=... BUILD_TYPE=... CMAKE_ARGS="..." scripts/test.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup-deps.sh"
build_dir="${BUILD_DIR:-$root/build}"
# The Python module is always built and tested here (its pytest suite runs under ctest).
# shellcheck disable=SC2086
"$root/scripts/build.sh" "$build_dir" "${BUILD_TYPE:-RelWithDebInfo}" -DCIRCLEPLAN_PYTHON=ON \
  ${CMAKE_ARGS:-}
cd "$build_dir"
ctest --output-on-failure -j"$(nproc)" ${CTEST_ARGS:-}
