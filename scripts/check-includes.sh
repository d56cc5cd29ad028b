#!/usr/bin/env bash
# Checks the direction of every #include "..." line in planner/, io/, app/ and python/src/ (run by CI through
# ctest, docs/architecture.md). The engine is a stack of stages, each may include only its own
# folder and those below it:
#   planner root <- geos <- network <- search <- coverage <- {areas, siting} <- scenario
# areas and siting never include each other; planner/ includes no io/, app/ or GDAL header;
# io/ may include planner/ and io/ (io/run/ only from io/run/); app/ may include both; the Python
# binding (python/src/, a front end like app/) may include all three and its own headers.
# Prints each offending line as file:line and exits 1 if there is one.
set -euo pipefail
root="$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")/..}" && pwd)"
cd "$root"

# Everything below runs in this shell, without a subshell or a sed per include line: the
# first version forked a few processes per line and took 38 s of CI's test run for ~960 lines.

# The rank of a planner stage, in $stage_rank; areas and siting share a rank but may not see
# each other.
rank() {
  case "$1" in
    root) stage_rank=0 ;; geos) stage_rank=1 ;; network) stage_rank=2 ;; search) stage_rank=3 ;;
    coverage) stage_rank=4 ;; areas | siting) stage_rank=5 ;; scenario) stage_rank=6 ;;
    *) stage_rank=99 ;;
  esac
}

# planner/x.h -> root; planner/siting/solvers/y.h -> siting (in $stage)
planner_stage() {
  local rest="${1#planner/}"
  case "$rest" in */*) stage="${rest%%/*}" ;; *) stage=root ;; esac
}

allowed() { # source file, included path -> 0 if allowed
  local src="$1" inc="$2"
  case "$src" in
    planner/*)
      case "$inc" in
        planner/*) ;;
        *) return 1 ;;
      esac
      local from to from_rank
      planner_stage "$src"
      from="$stage"
      planner_stage "$inc"
      to="$stage"
      [ "$from" = "$to" ] && return 0
      rank "$from"
      from_rank=$stage_rank
      rank "$to"
      [ "$stage_rank" -lt "$from_rank" ] || return 1
      return 0 ;;
    io/run/*)
      case "$inc" in planner/* | io/*) return 0 ;; *) return 1 ;; esac ;;
    io/*)
      case "$inc" in io/run/*) return 1 ;; planner/* | io/*) return 0 ;; *) return 1 ;; esac ;;
    app/*)
      case "$inc" in planner/* | io/* | app/*) return 0 ;; *) return 1 ;; esac ;;
    python/src/*)
      case "$inc" in planner/* | io/* | app/*) return 0 ;; */*) return 1 ;; *) return 0 ;; esac ;;
  esac
  return 0
}

include_pattern='^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]+)"'
bad=0
checked=0
# shellcheck disable=SC2046 # the optional python/src is one word
mapfile -d '' files < <(find planner io app $([ -d python/src ] && echo python/src) -type f \
  \( -name '*.h' -o -name '*.cpp' \) -print0 | LC_ALL=C sort -z)
# One grep over all files: file:line:text for each quoted include.
while IFS=: read -r file line text; do
  [[ $text =~ $include_pattern ]] || continue
  inc="${BASH_REMATCH[1]}"
  checked=$((checked + 1))
  if ! allowed "$file" "$inc"; then
    echo "$file:$line: includes \"$inc\" against the dependency rule" >&2
    bad=1
  fi
done < <(grep -nHE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "${files[@]}" || true)
# The engine never sees GDAL, whatever the include style.
planner_files=()
for file in "${files[@]}"; do [[ $file == planner/* ]] && planner_files+=("$file"); done
if [ ${#planner_files[@]} -gt 0 ]; then
  while IFS=: read -r file line text; do
    echo "$file:$line:$text" >&2
    echo "$file: planner/ includes a GDAL header" >&2
    bad=1
  done < <(grep -nHE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](gdal|ogr|cpl_)' \
    "${planner_files[@]}" || true)
fi

if [ "$bad" -ne 0 ]; then
  echo "check-includes: the include direction is broken (docs/architecture.md)" >&2
  exit 1
fi
echo "check-includes: $checked include lines in planner/, io/, app/, python/src/ follow the dependency rule"
