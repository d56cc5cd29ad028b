#!/usr/bin/env bash
# Golden outputs: proof that a change which should not change results did not.
# Runs the demo's commands directly (not scripts/demo.sh, which installs and builds), a dissolved
# evaluate written as FlatGeobuf, `circleplan run` on the shipped scenario, and an evaluate of
# tests/data's West Oakland extract with service areas split by nearest center, once with
# --threads 1 and once with --threads 2. Each run works in its own folder with the same relative
# paths, so both must give the same bytes. Every output
# file but timings.json is hashed (SHA-256) and compared with tests/golden/expected.sha256; on a
# mismatch the differing layers are shown as an `ogrinfo -al` diff.
#
# Usage: tests/golden/run.sh BIN               check (exit 1 on any difference)
#        tests/golden/run.sh BIN --update      rewrite expected.sha256 (name each changed file
#                                              and why in the commit that does this)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
mode="${2:-check}"
expected="$here/expected.sha256"
work="${GOLDEN_WORK:-$(mktemp -d)}"
keep="${GOLDEN_KEEP:-}"
cleanup() { [ -n "$keep" ] || rm -rf "$work"; }
trap cleanup EXIT

# The same environment every time: no locale or GDAL configuration leaks in from the caller.
export LC_ALL=C.UTF-8 TZ=UTC

# Runs one command; a failure stops the whole run (set -e does not reach inside `f || ...`).
step() {
  "$bin" "$@" || { echo "golden: failed: circleplan $*" >&2; return 1; }
}

run_all() {
  local threads="$1" dir="$work/t$threads"
  mkdir -p "$dir/out"
  ln -s "$root/data" "$dir/data"
  ln -s "$root/tests/data" "$dir/testdata"
  ln -s "$here" "$dir/golden"
  cd "$dir"
  local t=(--threads "$threads")
  local base=(--roads out/porto.gpkg --roads-layer roads --centers out/porto.gpkg
              --centers-layer centers --blocks out/porto.gpkg --blocks-layer blocks)
  # The demo's commands (scripts/demo.sh), in its order.
  step osm data/osm-porto/porto-2020-07.osm.pbf --out out/porto.gpkg || return 1
  step evaluate "${base[@]}" --minutes 5,10,15 --layers nodes \
    --out out/porto-evaluation.gpkg "${t[@]}" || return 1
  step evaluate "${base[@]}" --format shp --out out/porto-evaluation-shp "${t[@]}" || return 1
  step evaluate "${base[@]}" --minutes 5,10,15 --overlap per-center \
    --out out/porto-service-areas.gpkg "${t[@]}" || return 1
  # FlatGeobuf (not a demo command): the dissolved reach, one .fgb per layer and .csv tables.
  step evaluate "${base[@]}" --minutes 5,10,15 --overlap dissolve --format fgb \
    --out out/porto-dissolve-fgb "${t[@]}" || return 1
  step evaluate "${base[@]}" --minutes 5,10,15 --standard data/standards/porto-demo.toml \
    --out out/porto-standard.gpkg "${t[@]}" || return 1
  "$root/scripts/illustrative-capacity.sh" out/porto.gpkg out/porto-illustrative.gpkg || return 1
  local ill=(--roads out/porto.gpkg --roads-layer roads
             --centers out/porto-illustrative.gpkg --centers-layer centers_illustrative
             --blocks out/porto-illustrative.gpkg --blocks-layer blocks_illustrative)
  step evaluate "${ill[@]}" --capacity-field area_m2 --access e2sfca,bfca --minutes 5,10,15 \
    --out out/porto-access.gpkg "${t[@]}" || return 1
  step site "${base[@]}" --model mclp --k 3 --out out/porto-sites.gpkg "${t[@]}" || return 1
  step site "${ill[@]}" --model cmclp --k 3 --capacity-field serves --site-capacity 300 \
    --out out/porto-sites-capacity.gpkg "${t[@]}" || return 1
  step run data/porto-scenario.toml --out out/porto-scenario "${t[@]}" || return 1
  # West Oakland (tests/data): the extract has no civic centers, so the split service areas
  # are drawn around its schools, post offices, fire station and churches (OSM nodes of the
  # same extract, golden/west-oakland-centers.geojson); the extract alone is evaluated too.
  step evaluate --roads testdata/osm-west-oakland/west-oakland-2016-07.osm \
    --minutes 5,10,15 --overlap split --layers nodes \
    --out out/west-oakland.gpkg "${t[@]}" || return 1
  step evaluate --roads testdata/osm-west-oakland/west-oakland-2016-07.osm \
    --centers golden/west-oakland-centers.geojson --minutes 5,10,15 --overlap split \
    --layers nodes --out out/west-oakland-split.gpkg "${t[@]}" || return 1
}

hash_outputs() {
  (cd "$1/out" && find . -type f ! -name 'timings.json' ! -name '*.timings.json' -print0 |
     LC_ALL=C sort -z | xargs -0 sha256sum)
}

for threads in 1 2; do
  echo "golden: running every command with --threads $threads" >&2
  (run_all "$threads") >"$work/t$threads.log" 2>&1 || {
    cat "$work/t$threads.log" >&2
    echo "golden: a command failed with --threads $threads" >&2
    exit 1
  }
  hash_outputs "$work/t$threads" >"$work/t$threads.sha256"
done

if [ "$mode" = "--update" ]; then
  cmp -s "$work/t1.sha256" "$work/t2.sha256" || {
    diff "$work/t1.sha256" "$work/t2.sha256" >&2
    echo "golden: --threads 1 and 2 differ; refusing to record hashes" >&2
    exit 1
  }
  cp "$work/t1.sha256" "$expected"
  echo "golden: wrote $(wc -l <"$expected") hashes to $expected" >&2
  exit 0
fi

# What differs in one output: an `ogrinfo -al` diff (a plain diff for text files) against the
# reference run in $GOLDEN_REFERENCE (a folder kept by GOLDEN_KEEP=1 GOLDEN_WORK=... of the
# reference binary, its t1/), else against the other thread count's output when the two differ,
# else the layer summaries of the new output (ogrinfo -so) and its first features.
dump() {
  case "$1" in
    *.gpkg | *.shp | *.dbf) ogrinfo -ro -al -q "$1" 2>&1 ;;
    *) cat "$1" ;;
  esac
}
show_difference() {
  local threads="$1" file="$2" new="$work/t$1/out/$2" other
  other="$work/t$((3 - threads))/out/$file"
  if [ -n "${GOLDEN_REFERENCE:-}" ] && [ -f "$GOLDEN_REFERENCE/t1/out/$file" ]; then
    echo "  diff against $GOLDEN_REFERENCE/t1/out/$file:"
    diff <(dump "$GOLDEN_REFERENCE/t1/out/$file") <(dump "$new") | head -80 || true
  elif [ -f "$other" ] && ! cmp -s "$other" "$new"; then
    echo "  --threads 1 and 2 differ (output depends on the thread count):"
    diff <(dump "$work/t1/out/$file") <(dump "$work/t2/out/$file") | head -80 || true
  else
    echo "  (no reference run: set GOLDEN_REFERENCE for an ogrinfo -al diff; the output now:)"
    # `|| true`: head closing the pipe early fails ogrinfo (SIGPIPE), and under pipefail that
    # ended the whole check at the first mismatched .gpkg, before the rest were reported.
    case "$file" in
      *.gpkg | *.shp | *.dbf) ogrinfo -ro -so -al "$new" 2>&1 | head -60 || true ;;
      *) head -40 "$new" || true ;;
    esac
  fi
}

status=0
checked=0
for threads in 1 2; do
  while read -r line; do
    sum="${line%% *}"
    file="${line#*  }"
    checked=$((checked + 1))
    want="$(awk -v f="$file" '{ n = $0; sub(/^[^ ]+  /, "", n) } n == f { print $1 }' "$expected")"
    if [ "$want" != "$sum" ]; then
      status=1
      echo "golden: MISMATCH --threads $threads: $file" >&2
      show_difference "$threads" "$file" >&2
    fi
  done <"$work/t$threads.sha256"
  # A file the expected list names but this run did not write is a difference too.
  missing="$(comm -23 <(sed 's/^[^ ]*  //' "$expected" | LC_ALL=C sort) \
                      <(sed 's/^[^ ]*  //' "$work/t$threads.sha256" | LC_ALL=C sort))"
  if [ -n "$missing" ]; then
    status=1
    echo "golden: --threads $threads did not write: $missing" >&2
  fi
done

if [ "$status" -eq 0 ]; then
  echo "golden: $checked outputs identical to tests/golden/expected.sha256 (threads 1 and 2)"
else
  echo "golden: outputs differ from tests/golden/expected.sha256" >&2
fi
exit "$status"
