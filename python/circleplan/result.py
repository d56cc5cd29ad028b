"""The result of one evaluation: its tables as DataFrames, its summary, and writing it.

The tables are built from the very layers the command writes (io/run/evaluation_layers), only
when first asked for: a GeoDataFrame in the run CRS when GeoPandas imports, else a DataFrame with
the geometry as WKB in a ``wkb`` column.
"""

import json

_ASK = {
    "service_areas": "pass service_areas=True (or bands=, overlap=, ...)",
    "reach_edges": "pass service_areas=True (and not reach_edges='none')",
    "nodes": "pass layers=['nodes']",
    "grids": "pass grids=...",
    "block_tiers": "pass standard=...",
    "compliance": "pass standard=...",
}


def _values(kind, column):
    import numpy as np
    import pandas as pd

    if kind == "integer":
        if any(v is None for v in column):
            return pd.array(column, dtype="Int64")
        return np.array(column, dtype=np.int64)
    if kind == "real":
        return np.array([np.nan if v is None else v for v in column], dtype=np.float64)
    return np.array(column, dtype=object)


def frame(table, crs_wkt):
    """A DataFrame (GeoDataFrame when GeoPandas imports) of one table from _circleplan."""
    import pandas as pd

    data = {name: _values(kind, column)
            for (name, kind), column in zip(table["fields"], table["columns"])}
    columns = [name for name, _ in table["fields"]]
    wkb = table["wkb"]
    if wkb is None:
        return pd.DataFrame(data, columns=columns)
    try:
        import geopandas as gpd
    except ImportError:
        df = pd.DataFrame(data, columns=columns)
        df["wkb"] = wkb
        return df
    geometry = gpd.GeoSeries.from_wkb(wkb, crs=crs_wkt)
    return gpd.GeoDataFrame(data, columns=columns, geometry=geometry, crs=crs_wkt)


class Result:
    """One evaluation (``circleplan.evaluate`` or ``Network.evaluate``)."""

    def __init__(self, evaluation):
        self._ev = evaluation
        self._frames = {}
        self._summary = None

    @property
    def layer_names(self):
        """The layers the command would write, in its order."""
        return list(self._ev.layer_names)

    def layer(self, name):
        """Any layer by name (see layer_names), as a (Geo)DataFrame."""
        if name not in self._frames:
            if name not in self._ev.layer_names:
                hint = _ASK.get(name, "see layer_names")
                raise KeyError(f"this result has no {name!r} layer: {hint}")
            self._frames[name] = frame(self._ev.table(name), self._ev.crs_wkt)
        return self._frames[name]

    blocks = property(lambda self: self.layer("blocks"), doc="The blocks layer.")
    centers = property(lambda self: self.layer("centers"), doc="The centers layer.")
    communities = property(lambda self: self.layer("communities"), doc="The communities layer.")
    service_areas = property(lambda self: self.layer("service_areas"),
                             doc="Service-area polygons (asked with service_areas=True...).")
    reach_edges = property(lambda self: self.layer("reach_edges"), doc="Reached street lines.")
    nodes = property(lambda self: self.layer("nodes"), doc="Network nodes (layers=['nodes']).")
    diagnostics = property(lambda self: self.layer("diagnostics"), doc="Network health findings.")

    @property
    def summary(self):
        """summary.json as a dict."""
        if self._summary is None:
            self._summary = json.loads(self._ev.summary_json)
        return self._summary

    @property
    def crs(self):
        """The run CRS as WKT."""
        return self._ev.crs_wkt

    @property
    def timings(self):
        """timings.json as a dict (wall seconds per stage)."""
        return json.loads(self._ev.timings)

    def write(self, path, format=None, overwrite=False):
        """Writes exactly the files ``circleplan evaluate --out PATH [--format F]`` writes: the
        layers, summary.json, timings.json (and the compliance CSV with a standard)."""
        import os

        self._ev.write(os.fspath(path), format, overwrite)

    def __repr__(self):
        return f"<circleplan.Result: {', '.join(self.layer_names)}>"
