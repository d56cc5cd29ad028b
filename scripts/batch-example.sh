#!/usr/bin/env bash
# A batch of scenario files on the shipped Porto sample (© OpenStreetMap contributors, ODbL):
# the example scenario in data/, plus two small ones written here (the 10-minute tier, and the
# elderly speed with the 10-minute tier), run two at a time. Prints the summary table.
# Writes out/batch/: one folder per scenario (as `circleplan run`) and summary.csv / summary.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$root/build-release}"
"$root/scripts/build.sh" "$build_dir" Release >/dev/null
bin="$build_dir/app/circleplan"
work="$root/out/batch-scenarios"
mkdir -p "$work"
pbf="$root/data/osm-porto/porto-2020-07.osm.pbf"

cat >"$work/porto-10min.toml" <<TOML
# The 10-minute tier, with a station closed.
roads = "$pbf"
minutes = [5, 10]

[[variant]]
name = "close-gaia-townhall"
close-centers = ["w196504094"]
TOML

cat >"$work/porto-elderly.toml" <<TOML
# Elderly walking speed, 15 and 10 minutes.
roads = "$pbf"
speed-kmh = 3.0

[[variant]]
name = "ten-minutes"
cover-minutes = 10
TOML

"$bin" batch "$root/data/porto-scenario.toml" "$work/porto-10min.toml" "$work/porto-elderly.toml" \
  --jobs 2 --out "$root/out/batch" --overwrite
echo
# A few columns of the table; aligned when `column` (bsdextrautils) is there.
table() { cut -d, -f1,2,3,5,7,9,12,13,18,19,20 "$root/out/batch/summary.csv"; }
if command -v column >/dev/null; then table | column -t -s,; else table; fi
echo "Map data © OpenStreetMap contributors, ODbL."
