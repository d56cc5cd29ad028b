"""GeoDataFrame inputs and circleplan.Network: the same results as files and as evaluate."""

import geopandas as gpd
import pandas as pd
import pytest

import circleplan


def frames(layers):
    return {role: gpd.read_file(layers[role], layer=layers[role + "_layer"])
            for role in ("roads", "centers", "blocks")}


def same_result(a, b, skip_summary=()):
    sa = {k: v for k, v in a.summary.items() if k not in skip_summary}
    sb = {k: v for k, v in b.summary.items() if k not in skip_summary}
    assert sa == sb
    assert a.layer_names == b.layer_names
    for name in a.layer_names:
        pd.testing.assert_frame_equal(a.layer(name), b.layer(name), check_dtype=False)


def test_geodataframe_input_equals_file_input(layers):
    from_files = circleplan.evaluate(**layers, minutes=[5, 10, 15])
    gdfs = frames(layers)
    from_frames = circleplan.evaluate(**gdfs, minutes=[5, 10, 15])
    same_result(from_files, from_frames, skip_summary=("inputs", "layers"))
    inputs = from_frames.summary["inputs"]
    assert inputs["blocks"] == f"<GeoDataFrame: {len(gdfs['blocks'])} rows>"
    assert inputs["roads"] == f"<GeoDataFrame: {len(gdfs['roads'])} rows>"
    assert "/vsimem/" not in str(from_frames.summary)


def test_an_edited_frame_changes_the_result(layers):
    gdfs = frames(layers)
    before = circleplan.evaluate(**gdfs, minutes=5)
    fewer = gdfs["centers"].iloc[: len(gdfs["centers"]) // 2]
    after = circleplan.evaluate(**{**gdfs, "centers": fewer}, minutes=5)
    assert len(after.centers) == len(fewer)
    assert after.summary["totals"]["covered_blocks"] < before.summary["totals"]["covered_blocks"]


def test_a_frame_without_crs_is_the_error_of_a_layer_without_one(layers):
    gdfs = frames(layers)
    gdfs["blocks"] = gdfs["blocks"].copy()
    gdfs["blocks"].crs = None
    with pytest.raises(circleplan.InputError, match="blocks:.*<GeoDataFrame") as error:
        circleplan.evaluate(**gdfs)
    assert "assume_crs" in str(error.value)
    assumed = circleplan.evaluate(**gdfs, assume_crs="EPSG:4326")
    same_result(assumed, circleplan.evaluate(**frames(layers)), skip_summary=("layers",))


@pytest.mark.parametrize("speed", [3.5, 5.0])
def test_network_evaluate_equals_evaluate(layers, speed):
    roads_blocks = {k: v for k, v in layers.items() if not k.startswith("centers")}
    net = circleplan.Network(**roads_blocks)
    kw = dict(centers=layers["centers"], centers_layer="centers", minutes=[5, 10, 15])
    same_result(net.evaluate(**kw, speed_kmh=speed),
                circleplan.evaluate(**layers, minutes=[5, 10, 15], speed_kmh=speed))


def test_network_keywords_are_the_networks(layers):
    roads_blocks = {k: v for k, v in layers.items() if not k.startswith("centers")}
    with pytest.raises(TypeError, match="Network.evaluate"):
        circleplan.Network(**roads_blocks, speed_kmh=4)
    net = circleplan.Network(**roads_blocks)
    with pytest.raises(TypeError, match="network's"):
        net.evaluate(centers=layers["centers"], centers_layer="centers", max_snap=50)
    with pytest.raises(circleplan.UsageError, match="speed_kmh"):
        net.evaluate(centers=layers["centers"], centers_layer="centers", speed_kmh=0)
