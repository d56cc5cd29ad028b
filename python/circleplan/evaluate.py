"""circleplan.evaluate: `circleplan evaluate` with keywords, kept in memory."""

from . import _arguments, _circleplan
from .result import Result

# Keywords of the command that a call in memory does not take, and what to do instead.
REFUSED = {
    "out": "write the result with Result.write(path, format=..., overwrite=...)",
    "format": "write the result with Result.write(path, format=...)",
    "overwrite": "write the result with Result.write(path, overwrite=True)",
    "max_memory": "a command-line guard; a Python process's memory is its caller's",
}


def evaluate(roads=None, centers=None, blocks=None, minutes=None, **options):
    """Which blocks lie within a walk of a center: ``circleplan evaluate`` with every option as
    a keyword (``speed_kmh=4.5``, ``layers=["nodes"]``, ``service_areas=True``...).

    Layers (roads, centers, blocks, entrances, communities, grids, subdistricts, demand_points)
    are paths or GeoDataFrames. Returns a Result. Raises UsageError for a value the command
    refuses, InputError for bad input data, TypeError for an unknown keyword; what the run
    skipped or repaired comes as CircleplanWarning.
    """
    keywords = dict(roads=roads, centers=centers, blocks=blocks, minutes=minutes, **options)
    keywords = {k: v for k, v in keywords.items() if v is not None}
    _arguments.check_keywords("evaluate", "evaluate", keywords, REFUSED)
    with _arguments.layers("evaluate", keywords) as (given, labels):
        evaluation = _circleplan.evaluate(_arguments.arguments("evaluate", given), labels)
    return Result(evaluation)
