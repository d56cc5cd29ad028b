"""circleplan.Network: a city read and its walking network built once, evaluated many times.

The network keywords (the layers but the centers, their fields, the CRS and reading options,
and the snapping and diagnostics options) are given once; every evaluation gives the rest
(centers, minutes, speed_kmh, service areas...). Blocks are snapped and the network diagnosed
once (the cache ``circleplan run`` uses for its variants); each ``evaluate`` reads only its
centers (and demand points) and runs with the GIL released, so several may run from threads.
"""

from . import _arguments, _circleplan
from .evaluate import REFUSED
from .result import Result

_LAYERS = ("roads", "blocks", "entrances", "communities", "grids", "subdistricts")
_FIELDS = ("road_id_field", "source_field", "target_field", "block_id_field",
           "block_name_field", "pop_field", "entrance_block_field")
_UNITS = ("community", "grid", "subdistrict")
_READING = ("encoding", "assume_crs", "fail_on_invalid", "crs", "gcj02", "length_model",
            "node_tolerance")
_SNAPPING = ("max_snap", "sample_spacing", "island_share", "island_vertices", "long_edge_m")


def network_keywords():
    """The keywords a Network takes (and its evaluations then may not)."""
    out = set(_FIELDS) | set(_READING) | set(_SNAPPING) | {"threads"}
    for layer in _LAYERS:
        out |= {layer, f"{layer}_layer", f"{layer}_encoding"}
    for unit in _UNITS:
        out |= {f"{unit}_field", f"{unit}_id_field", f"{unit}_name_field"}
    return out


class Network:
    """``Network(roads=..., blocks=..., **network_options)``; then
    ``net.evaluate(centers=..., minutes=..., speed_kmh=...)`` gives the Result that
    ``circleplan.evaluate`` gives with the same keywords.

    The run CRS is chosen from the network's layers (unless crs= is given); centers are
    projected into it.
    """

    def __init__(self, roads=None, blocks=None, **options):
        keywords = dict(roads=roads, blocks=blocks, **options)
        keywords = {k: v for k, v in keywords.items() if v is not None}
        allowed = network_keywords()
        _arguments.check_keywords("Network", "evaluate", keywords, REFUSED)
        for key in keywords:
            if key not in allowed:
                raise TypeError(f"Network() does not take {key!r}: give it to "
                                f"Network.evaluate (the network keywords: docs/python.md)")
        with _arguments.layers("evaluate", keywords) as (given, labels):
            self._net = _circleplan.Network(_arguments.arguments("evaluate", given), labels)
        self._keywords = given
        self._labels = labels

    def evaluate(self, centers=None, minutes=None, **options):
        """Evaluates these centers on the network: every keyword of circleplan.evaluate but the
        network's own (threads may be given again)."""
        keywords = dict(centers=centers, minutes=minutes, **options)
        keywords = {k: v for k, v in keywords.items() if v is not None}
        _arguments.check_keywords("Network.evaluate", "evaluate", keywords, REFUSED)
        for key in keywords:
            if key in network_keywords() and key != "threads":
                raise TypeError(f"Network.evaluate() does not take {key!r}: it is the "
                                f"network's; build another Network to change it")
        with _arguments.layers("evaluate", keywords) as (given, labels):
            merged = {**self._keywords, **given}
            args = _arguments.arguments("evaluate", merged)
            evaluation = self._net.evaluate(args, {**self._labels, **labels})
        return Result(evaluation)

    @property
    def run_crs(self):
        """The run CRS (e.g. EPSG:32629)."""
        return self._net.run_crs

    @property
    def timings(self):
        """Seconds spent reading, projecting, building and snapping."""
        import json

        return json.loads(self._net.timings)
