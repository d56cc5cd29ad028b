"""Keywords as the command line's arguments.

No option is declared here: the list of a command's options comes from its CLI11 registration
(``_circleplan.options``), and the arguments built here are parsed by it, with its defaults,
checks and messages. ``speed_kmh=4.5`` becomes ``--speed-kmh=4.5``, a list one ``--opt=value``
per item, ``True`` a bare flag; ``None`` leaves an option at its default.

GeoDataFrames given for a layer are written into an in-memory GeoPackage (GDAL's /vsimem/) for
the duration of the call and named ``<GeoDataFrame: N rows>`` in messages and summary.json.
"""

import contextlib
import numbers
import os

from . import _circleplan

_TABLES = {}


def options(command):
    """{keyword: is_flag} of a command's long options (cached)."""
    if command not in _TABLES:
        _TABLES[command] = dict(_circleplan.options(command))
    return _TABLES[command]


def _text(key, value):
    if isinstance(value, bool):
        raise TypeError(f"{key} takes a value, not {value!r}")
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return repr(float(value))
    if isinstance(value, (str, os.PathLike)):
        return os.fspath(value)
    raise TypeError(f"{key}: cannot pass a {type(value).__name__} (give a str, number or list)")


def check_keywords(function, command, keywords, refused=None):
    """TypeError for a keyword the command has no option for, or one this function refuses."""
    table = options(command)
    refused = refused or {}
    for key in keywords:
        if key in refused:
            raise TypeError(f"{function}() does not take {key!r}: {refused[key]}")
        if key not in table:
            raise TypeError(f"{function}() got an unexpected keyword argument {key!r} "
                            f"(not an option of 'circleplan {command}'; see docs/python.md)")


def arguments(command, keywords):
    """The argument list of `keywords` (already checked) for `command`."""
    table = options(command)
    args = []
    for key, value in keywords.items():
        if value is None:
            continue
        option = "--" + key.replace("_", "-")
        if table[key]:
            if not isinstance(value, bool):
                raise TypeError(f"{key} is a switch: give True or False, not {value!r}")
            if value:
                args.append(option)
            continue
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            args.append(f"{option}={_text(key, item)}")
    return args


def is_geodataframe(value):
    return hasattr(value, "geometry") and hasattr(value, "crs") and hasattr(value, "columns")


def _column(series):
    """(kind, values) of one column, values as int, float, str or None."""
    kind = series.dtype.kind
    values = series.tolist()
    if kind in "iub":
        return "integer", [None if v is None else int(v) for v in values]
    if kind == "f":
        return "real", [None if v is None or v != v else float(v) for v in values]
    text = []
    for v in values:
        missing = v is None or (isinstance(v, float) and v != v)
        text.append(None if missing else str(v))
    return "text", text


def _memory_layer(role, frame):
    geometry = frame.geometry
    wkb = [None if g is None else bytes(g) for g in geometry.to_wkb()]
    columns = []
    for name in frame.columns:
        if name == geometry.name:
            continue
        kind, values = _column(frame[name])
        columns.append((str(name), kind, values))
    crs = frame.crs.to_wkt() if frame.crs is not None else None
    return _circleplan.memory_layer(role, crs, wkb, columns)


@contextlib.contextmanager
def layers(command, keywords):
    """Yields (keywords with every GeoDataFrame replaced by an in-memory layer's path, labels);
    frees those layers afterwards."""
    table = options(command)
    out = dict(keywords)
    labels = {}
    try:
        for key, value in keywords.items():
            if not is_geodataframe(value):
                continue
            if f"{key}_layer" not in table:
                raise TypeError(f"{key} is not a layer: a GeoDataFrame cannot stand for it")
            path = _memory_layer(key, value)
            labels[path] = f"<GeoDataFrame: {len(value)} rows>"
            out[key] = path
        yield out, labels
    finally:
        for path in labels:
            _circleplan.drop_memory_layer(path)
