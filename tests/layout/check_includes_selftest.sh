#!/usr/bin/env bash
# The include-direction check must refuse what the dependency rule forbids: shown a tree with one
# upward edge (search including coverage), one sideways edge (areas including siting), an io/
# header including app/ and a planner/ file including GDAL, it must fail and name each; shown
# the same tree without them, it must pass.
set -euo pipefail
check="$1"
tree="$(mktemp -d)"
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree"/planner/{search,coverage,areas,siting/solvers} "$tree"/io/tables "$tree"/app
echo '#include "planner/ids.h"' >"$tree/planner/search/bounded_search.h"
echo '#include "planner/search/bounded_search.h"' >"$tree/planner/coverage/coverage.h"
echo '#include "planner/coverage/coverage.h"' >"$tree/planner/siting/solvers/greedy.h"
echo '#include "planner/coverage/coverage.h"' >"$tree/planner/areas/service_areas.h"
echo '#include "planner/areas/service_areas.h"' >"$tree/io/tables/result_layers.h"
echo '#include "io/tables/result_layers.h"' >"$tree/app/main.cpp"
bash "$check" "$tree" >/dev/null

echo '#include "planner/coverage/coverage.h"' >>"$tree/planner/search/bounded_search.h"
echo '#include "planner/siting/solvers/greedy.h"' >>"$tree/planner/areas/service_areas.h"
echo '#include "app/command.h"' >>"$tree/io/tables/result_layers.h"
echo '#include <ogr_api.h>' >>"$tree/planner/coverage/coverage.h"
if out="$(bash "$check" "$tree" 2>&1)"; then
  echo "check-includes accepted forbidden edges:" >&2
  echo "$out" >&2
  exit 1
fi
for expect in "planner/search/bounded_search.h:2" "planner/areas/service_areas.h:2" \
              "io/tables/result_layers.h:2" "planner/coverage/coverage.h: planner/ includes a GDAL"; do
  grep -qF "$expect" <<<"$out" || { echo "not reported: $expect" >&2; echo "$out" >&2; exit 1; }
done
echo "check-includes refuses upward, sideways, io->app and GDAL-in-planner edges"
