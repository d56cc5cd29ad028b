"""Fixtures of the Python module's tests: the built command (CIRCLEPLAN_BIN, set by ctest) and
the Porto demo's layers, made once per session by `circleplan osm` as scripts/demo.sh makes them."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("CIRCLEPLAN_BIN", str(ROOT / "build" / "app" / "circleplan"))
    assert os.path.exists(path), f"no circleplan command at {path} (set CIRCLEPLAN_BIN)"
    return path


@pytest.fixture(scope="session")
def porto(cli, tmp_path_factory):
    """porto.gpkg with layers roads, centers, blocks (the demo's first step)."""
    out = tmp_path_factory.mktemp("porto") / "porto.gpkg"
    subprocess.run([cli, "osm", str(ROOT / "data/osm-porto/porto-2020-07.osm.pbf"),
                    "--out", str(out)], check=True, capture_output=True)
    return out


@pytest.fixture(scope="session")
def layers(porto):
    """The demo's keywords, as the golden test's `base` arguments."""
    p = str(porto)
    return dict(roads=p, roads_layer="roads", centers=p, centers_layer="centers",
                blocks=p, blocks_layer="blocks")


def run_cli(cli, *args):
    subprocess.run([cli, *map(str, args)], check=True, capture_output=True)
