"""circleplan.run, circleplan.compare and circleplan.site: the commands of the same names, from
Python."""

import json
import os

from . import _arguments, _circleplan

_REFUSED = {"max_memory": "a command-line guard; a Python process's memory is its caller's"}


class RunResult:
    """What ``circleplan.run`` wrote: ``out`` (the folder), ``summary`` (summary.csv as a
    DataFrame) and ``summary_json`` (summary.json as a dict)."""

    def __init__(self, out, results):
        self.out = out
        self.results = results

    @property
    def summary(self):
        import pandas as pd

        return pd.read_csv(os.path.join(self.out, "summary.csv"))

    @property
    def summary_json(self):
        with open(os.path.join(self.out, "summary.json"), encoding="utf-8") as f:
            return json.load(f)

    def __repr__(self):
        return f"<circleplan.RunResult: {self.results} results in {self.out}>"


def run(scenario, out=None, **options):
    """``circleplan run SCENARIO --out OUT``: the base and every variant of a scenario file
    (docs/scenarios.md), written into the folder `out`. Keywords: overwrite, threads."""
    keywords = {k: v for k, v in dict(out=out, **options).items() if v is not None}
    _arguments.check_keywords("run", "run", keywords, _REFUSED)
    args = [os.fspath(scenario)] + _arguments.arguments("run", keywords)
    results = _circleplan.run(args)
    return RunResult(os.fspath(out), results)


def compare(before, after, out=None, **options):
    """``circleplan compare BEFORE AFTER --out OUT`` (docs/compare.md): writes changes.gpkg,
    changes.csv and comparison.json into `out` and returns the counts the command prints.
    Keywords: overwrite."""
    keywords = {k: v for k, v in dict(out=out, **options).items() if v is not None}
    _arguments.check_keywords("compare", "compare", keywords, _REFUSED)
    args = [os.fspath(before), os.fspath(after)] + _arguments.arguments("compare", keywords)
    return _circleplan.compare(args)


class SiteResult:
    """What ``circleplan.site`` wrote: ``out``, ``summary_path`` and ``summary`` (summary.json as a
    dict); ``layer(name)`` reads a written layer (sites, site_blocks, site_curve, summary) back."""

    def __init__(self, out, summary_path):
        self.out = out
        self.summary_path = summary_path

    @property
    def summary(self):
        with open(self.summary_path, encoding="utf-8") as f:
            return json.load(f)

    def layer(self, name):
        import geopandas as gpd

        if os.path.isdir(self.out):
            matches = [f for f in os.listdir(self.out) if os.path.splitext(f)[0] == name]
            if not matches:
                raise KeyError(f"no layer {name!r} in {self.out}")
            return gpd.read_file(os.path.join(self.out, sorted(matches)[0]))
        return gpd.read_file(self.out, layer=name)

    def __repr__(self):
        return f"<circleplan.SiteResult: {self.out}>"


def site(roads=None, centers=None, blocks=None, out=None, **options):
    """``circleplan site ... --out OUT`` in network mode (docs/siting.md): new stations chosen on
    the walking network, written into `out` as the command writes them. Every option of the
    command is a keyword (model="mclp", k=3, ...); layers are files. Matrix mode is
    the command's (``circleplan site --matrix ... --json``)."""
    keywords = dict(roads=roads, centers=centers, blocks=blocks, out=out, **options)
    keywords = {k: v for k, v in keywords.items() if v is not None}
    _arguments.check_keywords("site", "site", keywords, _REFUSED)
    for key, value in keywords.items():
        if _arguments.is_geodataframe(value):
            raise TypeError(f"site() takes files, not GeoDataFrames ({key}): its summary.json "
                            "names its inputs; write the frame with to_file first")
    summary = _circleplan.site(_arguments.arguments("site", keywords))
    return SiteResult(os.fspath(out), summary)
