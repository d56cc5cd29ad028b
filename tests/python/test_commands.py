"""circleplan.run, compare and site write what their commands write; Ctrl-C stops a call."""

import os
import signal
import threading
import time

import pytest

import circleplan
from conftest import ROOT, run_cli
from test_evaluate import cli_args


def test_run_writes_what_the_command_writes(cli, tmp_path):
    scenario = ROOT / "data" / "porto-scenario.toml"
    run_cli(cli, "run", scenario, "--out", tmp_path / "cli")
    result = circleplan.run(scenario, out=tmp_path / "py")
    assert result.results == len(result.summary) > 1
    for name in ("summary.csv", "summary.json", "base.gpkg", "circleplan-manifest.txt"):
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "py" / name).read_bytes(), name
    with pytest.raises(circleplan.OutputError, match="overwrite"):
        circleplan.run(scenario, out=tmp_path / "py")
    with pytest.raises(TypeError, match="max_memory"):
        circleplan.run(scenario, out=tmp_path / "x", max_memory="1G")


def test_compare_and_site_write_what_the_commands_write(cli, layers, tmp_path):
    before = tmp_path / "before.gpkg"
    after = tmp_path / "after.gpkg"
    run_cli(cli, "evaluate", *cli_args(layers), "--minutes", "5", "--out", before)
    run_cli(cli, "evaluate", *cli_args(layers), "--minutes", "5", "--speed-kmh", "3",
            "--out", after)
    run_cli(cli, "compare", before, after, "--out", tmp_path / "cli-changes")
    counts = circleplan.compare(before, after, out=tmp_path / "py-changes")
    assert counts["newly_uncovered"] > 0 and counts["blocks"] == counts["changed"] + counts[
        "unchanged"]
    for name in ("changes.gpkg", "changes.csv", "comparison.json"):
        assert ((tmp_path / "cli-changes" / name).read_bytes() ==
                (tmp_path / "py-changes" / name).read_bytes()), name

    run_cli(cli, "site", *cli_args(layers), "--model", "mclp", "--k", "2", "--cover-minutes", "5",
            "--out", tmp_path / "cli-sites.gpkg")
    sites = circleplan.site(**layers, model="mclp", k=2, cover_minutes=5,
                            out=tmp_path / "py-sites.gpkg")
    assert len(sites.layer("sites")) == 2
    for name in ("cli-sites.gpkg", "cli-sites.summary.json"):
        theirs = (tmp_path / name).read_bytes()
        assert theirs == (tmp_path / name.replace("cli", "py")).read_bytes(), name
    with pytest.raises(circleplan.UsageError, match="model mclp needs k"):
        circleplan.site(**layers, model="mclp", out=tmp_path / "x.gpkg")


def test_ctrl_c_stops_a_call(layers):
    """SIGINT while the engine runs: KeyboardInterrupt, promptly, and the module still works."""
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    started = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        for _ in range(100):  # long enough that the signal comes during a call
            circleplan.evaluate(**layers, minutes=[5, 10, 15], overlap="per-center")
    assert time.monotonic() - started < 10
    assert circleplan.evaluate(**layers).summary["totals"]["blocks"] > 0


def test_the_gil_is_released_while_computing(layers):
    """Another Python thread runs while an evaluation computes (and two evaluations of one
    Network may run side by side)."""
    roads_blocks = {k: v for k, v in layers.items() if not k.startswith("centers")}
    net = circleplan.Network(**roads_blocks)
    results = []

    def work():
        results.append(net.evaluate(centers=layers["centers"], centers_layer="centers",
                                    minutes=[5], overlap="per-center"))

    workers = [threading.Thread(target=work) for _ in range(2)]
    ticks = 0
    for w in workers:
        w.start()
    while any(w.is_alive() for w in workers):
        ticks += 1
        time.sleep(0.002)
    assert ticks > 50  # the GIL held through the call would leave a handful at most
    assert results[0].summary == results[1].summary
