#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/*_fuzz.cpp) with clang, AddressSanitizer and UBSan in
# build-fuzz/, and runs each for SECONDS (default 60), one after another, on one core.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 600 matrix_csv
#        targets: matrix_csv orlib options osm_ways scenario_file (default: all)
# Installs clang and libclang-rt-14-dev (libFuzzer's runtime) when missing, like setup-deps.sh.
# New corpus entries go to build-fuzz/corpus/<target>/ (seeded from tests/fuzz/corpus/<target>/);
# a crash input is kept as build-fuzz/crashes/<target>/crash-<sha1>: fix the bug, then copy the
# file to tests/fuzz/regressions/<target>/ so ctest replays it. Each run's log (executions, cov:,
# corpus size) is build-fuzz/logs/<target>.log. See docs/robustness.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
shift $(( $# > 0 ? 1 : 0 ))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(matrix_csv orlib options osm_ways scenario_file); fi
build_dir="${BUILD_DIR:-$root/build-fuzz}"

"$root/scripts/setup-deps.sh"
missing=()
for p in clang libclang-rt-14-dev; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "circleplan: installing for fuzzing: ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCIRCLEPLAN_FUZZ=ON -DCIRCLEPLAN_TESTS=OFF -DCIRCLEPLAN_BENCH=OFF ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" --target fuzz_targets -j"${JOBS:-2}"

# Leaks inside GDAL/PROJ are not ours (tests/sanitizers/lsan.supp); ours fail the run.
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
status=0
for t in "${targets[@]}"; do
  corpus="$build_dir/corpus/$t"
  crashes="$build_dir/crashes/$t"
  mkdir -p "$corpus" "$crashes" "$build_dir/logs"
  echo "fuzzing $t for ${seconds}s (log: $build_dir/logs/$t.log)" >&2
  # One process on one core (no -jobs: with it libFuzzer forks workers that log to ./fuzz-N.log).
  # The work corpus first: new inputs go there; the checked-in seeds are only read.
  if ! "$build_dir/tests/fuzz/${t}_fuzz" "$corpus" "$root/tests/fuzz/corpus/$t" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=4096 -print_final_stats=1 -artifact_prefix="$crashes/" >"$build_dir/logs/$t.log" 2>&1; then
    echo "fuzz: $t found a problem: see $build_dir/logs/$t.log and $crashes/" >&2
    status=1
  fi
  grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|Done )' "$build_dir/logs/$t.log" >&2 || true
done
exit $status
