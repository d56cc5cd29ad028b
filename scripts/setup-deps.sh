#!/usr/bin/env bash
# Installs the Debian packages circleplan needs, only when some are missing.
# Run as root (CI) or with sudo available. See docs/dependencies.md for why each is needed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libgdal-dev gdal-bin          # GDAL/OGR: every read and write
  libgeos-dev                   # GEOS C API: snapping index, polygons, unions
  libproj-dev proj-data         # PROJ: coordinate systems, geodesic lengths
  libboost-graph-dev            # Boost.Graph: CSR graph, reference Dijkstra, components
  libcli11-dev                  # CLI11: the command line
  coinor-libcbc-dev             # COIN-OR CBC: exact siting models (lscp, mclp, pmedian, pcenter)
  libtomlplusplus-dev           # toml++: scenario files
  libosmium2-dev libprotozero-dev zlib1g-dev libbz2-dev libexpat1-dev  # OSM extracts
  libgtest-dev libgmock-dev     # tests
  libbenchmark-dev              # bench/
  libjs-leaflet                 # the report's interactive maps (Leaflet, inlined)
  postgresql-15 postgresql-15-postgis-3  # tests: a throwaway PostGIS server (tests/pg/)
  python3-qgis                  # tests: QGIS opens every output layer with its default style
  chromium chromium-driver python3-selenium  # tests: the report's maps in a real browser
  python3-gdal                  # scripts/build-nanjing-example.sh (the Chinese example's blocks)
  pybind11-dev python3-dev      # the Python module circleplan (python/, docs/python.md)
  python3-numpy python3-pandas python3-geopandas  # its tables as (Geo)DataFrames
  python3-pytest python3-matplotlib               # its tests and the docs/python.md walkthrough
  python3-dask python3-distributed  # circleplan.dask: batches on a Dask cluster, and its tests
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "circleplan: installing missing Debian packages: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "circleplan: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
