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

# The rank of a planner stage; areas and siting share a rank but may not see each other.
rank() {
  case "$1" in
    root) echo 0 ;; geos) echo 1 ;; network) echo 2 ;; search) echo 3 ;; coverage) echo 4 ;;
    areas | siting) echo 5 ;; scenario) echo 6 ;; *) echo 99 ;;
  esac
}

# planner/x.h -> root; planner/siting/solvers/y.h -> siting
planner_stage() {
  local rest="${1#planner/}"
  case "$rest" in */*) echo "${rest%%/*}" ;; *) echo root ;; esac
}

allowed() { # source file, included path -> 0 if allowed
  local src="$1" inc="$2"
  case "$src" in
    planner/*)
      case "$inc" in
        planner/*) ;;
        *) return 1 ;;
      esac
      local from to
      from="$(planner_stage "$src")"
      to="$(planner_stage "$inc")"
      [ "$from" = "$to" ] && return 0
      [ "$(rank "$to")" -lt "$(rank "$from")" ] || return 1
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

bad=0
checked=0
while IFS= read -r -d '' file; do
  while IFS=: read -r line text; do
    inc="$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]+)".*/\1/' <<<"$text")"
    checked=$((checked + 1))
    if ! allowed "$file" "$inc"; then
      echo "$file:$line: includes \"$inc\" against the dependency rule" >&2
      bad=1
    fi
  done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file" || true)
  # The engine never sees GDAL, whatever the include style.
  case "$file" in
    planner/*)
      if grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](gdal|ogr|cpl_)' "$file" >&2; then
        echo "$file: planner/ includes a GDAL header" >&2
        bad=1
      fi ;;
  esac
done < <(find planner io app $([ -d python/src ] && echo python/src) -type f \( -name '*.h' -o -name '*.cpp' \) -print0 | LC_ALL=C sort -z)

if [ "$bad" -ne 0 ]; then
  echo "check-includes: the include direction is broken (docs/architecture.md)" >&2
  exit 1
fi
echo "check-includes: $checked include lines in planner/, io/, app/, python/src/ follow the dependency rule"
