#!/bin/sh
# Compiler launcher for the header check (tests/CMakeLists.txt): each generated unit only has to
# compile, so the compiler parses and checks it (-fsyntax-only) without generating code, about a
# third of the time at -O2 -g. The dependency file is still written (-MD), and the empty object
# file stands in for the one make expects; nothing links these objects.
# Usage (set by CMake): compile_syntax_only.sh COMPILER ARGS... -o OBJECT ...
set -e
object=""
previous=""
for argument in "$@"; do
  if [ "$previous" = "-o" ]; then object="$argument"; fi
  previous="$argument"
done
"$@" -fsyntax-only
: >"$object"
