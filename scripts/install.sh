#!/usr/bin/env bash
# Builds circleplan (Release) and installs the Python module into Debian's python3:
# /usr/local/lib/python3.11/dist-packages/circleplan (sysconfig's platlib of /usr/bin/python3),
# so that `/usr/bin/python3 -c "import circleplan"` works from anywhere (docs/python.md).
# Usage: scripts/install.sh            (build in build-release/; as root or with sudo)
#        BUILD_DIR=... scripts/install.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup-deps.sh"
build_dir="${BUILD_DIR:-$root/build-release}"
"$root/scripts/build.sh" "$build_dir" Release -DCIRCLEPLAN_PYTHON=ON -DCIRCLEPLAN_TESTS=OFF \
  -DCIRCLEPLAN_BENCH=OFF
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
$SUDO cmake --install "$build_dir"
/usr/bin/python3 -c "import circleplan; print('circleplan installed in', circleplan.__path__[0])"
