#!/usr/bin/env bash
# Builds circleplan with AddressSanitizer + UndefinedBehaviorSanitizer (CMake option
# CIRCLEPLAN_SANITIZE) and runs the unit and integration tests (ctest) under them. The first
# memory error, leak or undefined behaviour aborts the test that hit it, so the run fails.
# Benchmarks are left out (they time things; the sanitizers only slow them down), and so is the
# Python module (an ASan-built extension needs libasan preloaded into python3; the module's
# code is the io/ and app/ code these tests check).
# Usage: scripts/test-sanitizers.sh          (build in build-sanitize/; SANITIZE_ALL=1: every test)
#        BUILD_DIR=... CTEST_ARGS="-R io_" scripts/test-sanitizers.sh
# See docs/robustness.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup-deps.sh"
build_dir="${BUILD_DIR:-$root/build-sanitize}"

# halt_on_error/abort: the first report fails the process (ctest sees a non-zero exit).
# detect_leaks: our code must not leak; leaks inside GDAL/PROJ/GEOS/CBC are listed with a reason
# in tests/sanitizers/lsan.supp. strict_string_checks/detect_stack_use_after_return catch more
# than the defaults at little cost. print_stacktrace: UBSan says where, not only what.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:${ASAN_OPTIONS_EXTRA:-}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS_EXTRA:-}"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"

# -g1 (line tables only) instead of -g: reports still name file:line, and the second full build
# of CI spends far less time writing debug information. The test programs' own files are
# compiled at -O1 and without instrumentation (tests/CMakeLists.txt), the code they test at -O2
# with it: -O1 everywhere made the build 141 s shorter but the tests 80 s longer (2026-12-03).
# gtest_discover_tests runs each test program at build time, so the options above apply there too.
# shellcheck disable=SC2086
"$root/scripts/build.sh" "$build_dir" RelWithDebInfo -DCIRCLEPLAN_SANITIZE=ON \
  -DCIRCLEPLAN_BENCH=OFF -DCIRCLEPLAN_HEADER_CHECK=OFF -DCIRCLEPLAN_PYTHON=OFF "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" ${CMAKE_ARGS:-}
cd "$build_dir"
# Left to the first build (docs/robustness.md): four tests whose time goes to the size of their
# data, not to code the others do not reach (117 of 733 CPU-seconds under the sanitizers).
# SANITIZE_ALL=1 runs them too.
heavy='SitingAgainstBruteForce.ExactFindsOptimumHeuristicBoundHolds/pmedian_k[24]([^0-9]|$)'
heavy+='|CliOnPorto.ServiceAreasPerCenterAndSplit$|SiteCapacityCli.SanFranciscoTighterCapacities'
exclude=()
[ -n "${SANITIZE_ALL:-}" ] || exclude=(-E "$heavy")
# shellcheck disable=SC2086
ctest --output-on-failure -j"$(nproc)" "${exclude[@]}" ${CTEST_ARGS:-}
