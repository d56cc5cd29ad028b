#!/usr/bin/env bash
# Before/after speed of a change, measured alternately in one session so that both sides see the
# same machine load: N rounds of {before, after} of BM_PerCenterSearches500 (1 and 2 threads,
# wall ms), BM_Polygons15/500 (the fast builder's CPU seconds, its `fast_s` counter) and
# bench/end_to_end.sh on Malta (wall seconds of each command), then the medians and the ratio
# after/before. Not part of CI.
# Usage: bench/alternate.sh BEFORE_BUILD_DIR AFTER_BUILD_DIR [ROUNDS=5]
#        (the end-to-end walls are single runs of about 1 s timed to 0.01 s: use 11 rounds or
#        more to resolve a few per cent)
#        (both Release builds with benchmarks: scripts/build.sh DIR Release)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before="$(cd "$1" && pwd)"
after="$(cd "$2" && pwd)"
rounds="${3:-5}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

measure() { # side build_dir round
  local side="$1" dir="$2" round="$3"
  "$dir/bench/service_area_bench" --benchmark_filter='BM_PerCenterSearches500|BM_Polygons15/500' \
    --benchmark_format=json >"$out/$side-$round.json" 2>/dev/null
  CIRCLEPLAN_BIN="$dir/app/circleplan" bash "$root/bench/end_to_end.sh" 2>&1 |
    grep -o 'wall [0-9.]*' | awk '{print $2}' >"$out/$side-$round.e2e"
}

# Odd rounds run before first, even rounds after first, so a drift in machine load (a build
# starting, the page cache warming) does not favour one side.
for ((r = 1; r <= rounds; r++)); do
  echo "round $r/$rounds" >&2
  if ((r % 2 == 1)); then
    measure before "$before" "$r"
    measure after "$after" "$r"
  else
    measure after "$after" "$r"
    measure before "$before" "$r"
  fi
done

python3 - "$out" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def figures(side, r):
    data = json.load(open(f"{out}/{side}-{r}.json"))["benchmarks"]
    f = {}
    for b in data:
        n = b["name"]
        if n.startswith("BM_PerCenterSearches500/1"): f["searches 1 thread (ms)"] = b["real_time"]
        if n.startswith("BM_PerCenterSearches500/2"): f["searches 2 threads (ms)"] = b["real_time"]
        if n.startswith("BM_Polygons15/500"): f["polygons fast_s (s)"] = b["fast_s"]
    walls = [float(x) for x in open(f"{out}/{side}-{r}.e2e").read().split()]
    for name, w in zip(["e2e osm (s)", "e2e evaluate pbf (s)", "e2e evaluate gpkg (s)"], walls):
        f[name] = w
    return f
sides = {s: [figures(s, r) for r in range(1, rounds + 1)] for s in ("before", "after")}
print(f"{'figure':28} {'before median':>14} {'after median':>14} {'after/before':>12}   all before | all after")
for key in sides["before"][0]:
    b = [x[key] for x in sides["before"]]
    a = [x[key] for x in sides["after"]]
    mb, ma = statistics.median(b), statistics.median(a)
    print(f"{key:28} {mb:14.3f} {ma:14.3f} {ma / mb:12.3f}   "
          f"{' '.join(f'{v:.3g}' for v in b)} | {' '.join(f'{v:.3g}' for v in a)}")
PY
