"""circleplan: 15-minute walking service circles, from Python (docs/python.md).

    import circleplan
    result = circleplan.evaluate(roads="city.gpkg", roads_layer="roads",
                                 centers="city.gpkg", centers_layer="centers",
                                 blocks="city.gpkg", blocks_layer="blocks", minutes=[5, 10, 15])
    result.blocks          # GeoDataFrame
    result.summary         # summary.json as a dict
    result.write("out.gpkg")

Every option of ``circleplan evaluate`` is a keyword (``--speed-kmh`` is ``speed_kmh``), with the
command's defaults and checks; layers may be paths or GeoDataFrames.
"""

from . import _circleplan
from ._circleplan import (CircleplanWarning, Error, InputError, InternalError, OutputError,
                          UsageError)
from .network import Network
from .result import Result
from .scenarios import compare, run, site
from .evaluate import evaluate

__all__ = ["evaluate", "Network", "Result", "run", "compare", "site", "Error", "UsageError",
           "InputError", "OutputError", "InternalError", "CircleplanWarning"]
