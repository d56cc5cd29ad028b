"""circleplan.evaluate against `circleplan evaluate` on the Porto demo: the same files byte for
byte, the same table values, the command's validation with the keywords' names."""

import json
import os
import warnings

import geopandas as gpd
import pandas as pd
import pytest

import circleplan
from conftest import run_cli


def cli_args(layers):
    args = []
    for key, value in layers.items():
        args += ["--" + key.replace("_", "-"), value]
    return args


def files_of(folder):
    return sorted(p for p in os.listdir(folder) if "timings" not in p)


def test_write_is_byte_identical_to_the_command(cli, layers, tmp_path):
    run_cli(cli, "evaluate", *cli_args(layers), "--minutes", "5,10,15", "--layers", "nodes",
            "--out", tmp_path / "cli" / "porto.gpkg")
    result = circleplan.evaluate(**layers, minutes=[5, 10, 15], layers=["nodes"])
    result.write(tmp_path / "py" / "porto.gpkg")
    assert files_of(tmp_path / "cli") == files_of(tmp_path / "py")
    assert files_of(tmp_path / "py") == ["porto.gpkg", "porto.summary.json"]
    assert os.path.exists(tmp_path / "py" / "porto.timings.json")
    for name in files_of(tmp_path / "cli"):
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "py" / name).read_bytes(), name


def test_write_a_folder_format_is_byte_identical(cli, layers, tmp_path):
    run_cli(cli, "evaluate", *cli_args(layers), "--minutes", "5,10", "--overlap", "dissolve",
            "--format", "shp", "--out", tmp_path / "cli")
    result = circleplan.evaluate(**layers, minutes=[5, 10], overlap="dissolve")
    result.write(tmp_path / "py", format="shp")
    names = files_of(tmp_path / "cli")
    assert names == files_of(tmp_path / "py") and "service_areas.shp" in names
    for name in names:
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "py" / name).read_bytes(), name


def test_tables_and_summary_equal_the_files(cli, layers, tmp_path):
    out = tmp_path / "porto.gpkg"
    run_cli(cli, "evaluate", *cli_args(layers), "--minutes", "5", "--service-areas",
            "--out", out)
    result = circleplan.evaluate(**layers, minutes=5, service_areas=True)
    with open(tmp_path / "porto.summary.json", encoding="utf-8") as f:
        assert result.summary == json.load(f)
    for name in ["blocks", "centers", "service_areas", "communities", "diagnostics"]:
        mine = result.layer(name)
        theirs = gpd.read_file(out, layer=name)
        columns = [c for c in theirs.columns if c != "geometry"]
        assert list(mine.columns)[: len(columns)] == columns and len(mine) == len(theirs)
        pd.testing.assert_frame_equal(pd.DataFrame(mine[columns]), pd.DataFrame(theirs[columns]),
                                      check_dtype=False, check_index_type=False)
        if "geometry" in mine.columns:
            assert isinstance(mine, gpd.GeoDataFrame) and len(mine) > 0 and mine.crs == theirs.crs
            assert mine.geometry.geom_equals_exact(theirs.geometry, 1e-6).all(), name
        else:
            assert theirs.geometry.isna().all()
    assert result.summary["totals"]["blocks"] == len(result.blocks)
    with pytest.raises(KeyError, match="layers=\\['nodes'\\]"):
        result.nodes


def test_a_bad_value_is_a_usage_error_worded_as_the_keyword(layers):
    with pytest.raises(circleplan.UsageError) as error:
        circleplan.evaluate(**layers, speed_kmh=100)
    assert "speed_kmh" in str(error.value) and "--speed" not in str(error.value)
    assert isinstance(error.value, ValueError)
    with pytest.raises(circleplan.UsageError, match="minutes must be strictly ascending"):
        circleplan.evaluate(**layers, minutes=[15, 5])
    with pytest.raises(circleplan.UsageError, match="overlap"):
        circleplan.evaluate(**layers, overlap="everywhere")
    with pytest.raises(circleplan.UsageError, match="^centers is required"):
        circleplan.evaluate(roads=layers["roads"], blocks=layers["blocks"])


def test_a_refused_value_never_shows_a_password(layers):
    # CLI11's conversion error repeats the value; a connection string's password is scrubbed.
    with pytest.raises(circleplan.UsageError) as error:
        circleplan.evaluate(**layers, threads="postgresql://planner:S3cret-77@localhost/city")
    assert "S3cret-77" not in str(error.value) and "***" in str(error.value)


def test_an_unknown_keyword_is_a_type_error(layers):
    with pytest.raises(TypeError, match="speed_kph"):
        circleplan.evaluate(**layers, speed_kph=4)
    with pytest.raises(TypeError, match="Result.write"):
        circleplan.evaluate(**layers, out="x.gpkg")
    with pytest.raises(TypeError, match="switch"):
        circleplan.evaluate(**layers, service_areas="yes")


def test_a_bad_file_is_an_input_error_naming_it(layers, tmp_path):
    missing = str(tmp_path / "nowhere.gpkg")
    with pytest.raises(circleplan.InputError, match="nowhere.gpkg") as error:
        circleplan.evaluate(**{**layers, "blocks": missing})
    assert str(error.value).startswith("blocks:")
    broken = tmp_path / "broken.geojson"
    broken.write_text("{ not json")
    with pytest.raises(circleplan.InputError, match="broken.geojson"):
        circleplan.evaluate(**{**layers, "centers": str(broken), "centers_layer": None})


def test_warnings_come_as_circleplan_warnings(layers):
    centers = gpd.read_file(layers["centers"], layer="centers")
    far = centers.iloc[:1].copy()
    far["center_id"] = "far-away"
    far["geometry"] = far.geometry.translate(0.2, 0.0)
    with pytest.warns(circleplan.CircleplanWarning, match="far-away.*max_snap"):
        circleplan.evaluate(**{**layers, "centers": pd.concat([centers, far]),
                               "centers_layer": None})
