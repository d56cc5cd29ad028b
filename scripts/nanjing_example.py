#!/usr/bin/python3
"""Builds the Chinese example's blocks and centers from the Nanjing Xuanwu OSM extract.

Called by scripts/build-nanjing-example.sh (read it first); Debian's python3-gdal only.
Inputs: the GeoPackage `circleplan osm` wrote (its `blocks` layer: the 11 landuse=residential
areas) and the OSM extract itself (buildings and named places, read through GDAL's OSM driver).
Writes, into OUT_DIR:
  nanjing-blocks.geojson       blocks: residential areas and compounds, with pop_est (ESTIMATE)
  nanjing-centers.geojson      ILLUSTRATIVE party-mass service centers (示例), WGS84
  nanjing-centers-gcj02.csv    the same centers as GCJ-02 lon/lat, as a Chinese web map gives them
The method (which footprints count, default levels, floor area per resident) is in
data/osm-nanjing-xuanwu/SOURCE.md; the constants below are the ones it names.
Usage: nanjing_example.py OSM_GPKG OSM_FILE OUT_DIR
"""
import csv
import math
import os
import re
import sys

from osgeo import gdal, ogr, osr

gdal.UseExceptions()

# Population estimate: floor area (footprint x levels) / FLOOR_M2_PER_RESIDENT.
FLOOR_M2_PER_RESIDENT = 40.0
DEFAULT_LEVELS = 6          # building:levels missing (and no height): a six-storey walk-up
METRES_PER_LEVEL = 3.0      # building:levels missing but height given: height / 3 m
COMPOUND_GAP_M = 40.0       # residential footprints this close belong to one compound
COMPOUND_MARGIN_M = 5.0     # a compound's block: the convex hull of its footprints plus this
# building=yes footprints count as housing only inside a landuse=residential area and only when
# nothing marks them as something else (a name, or one of these keys).
NON_RESIDENTIAL_KEYS = ("amenity", "shop", "office", "tourism", "leisure", "craft", "historic",
                        "man_made", "railway", "public_transport", "religion", "sport")

# The run CRS of the demo: CGCS2000 / 3-degree Gauss-Kruger CM 120E, metres.
METRIC = osr.SpatialReference()
METRIC.ImportFromEPSG(4549)
WGS84 = osr.SpatialReference()
WGS84.ImportFromEPSG(4326)
for srs in (METRIC, WGS84):
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
TO_METRIC = osr.CoordinateTransformation(WGS84, METRIC)
TO_WGS84 = osr.CoordinateTransformation(METRIC, WGS84)

# ILLUSTRATIVE centers (示例): no party-mass service center is in OSM, so each is placed at a
# named OSM building or node: (id, name, tier, OSM layer, OSM id field, OSM id).
CENTERS = [
    ("M1", "南京市党群服务中心（示例）", "市级", "multipolygons", "osm_way_id", "94327966"),
    ("D1", "玄武区党群服务中心（示例）", "区镇级", "multipolygons", "osm_id", "2171965"),
    ("D2", "秦淮区党群服务中心（示例）", "区镇级", "points", "osm_id", "2327962138"),
    ("S1", "华侨路社区党群服务站（示例）", "村社区级", "points", "osm_id", "2706952343"),
    ("S2", "五老村社区党群服务站（示例）", "村社区级", "points", "osm_id", "7174066385"),
    ("S3", "五台山社区党群服务站（示例）", "村社区级", "multipolygons", "osm_way_id", "192504824"),
    ("S4", "张府园社区党群服务站（示例）", "村社区级", "points", "osm_id", "7996788886"),
    ("S5", "石鼓路社区党群服务站（示例）", "村社区级", "multipolygons", "osm_way_id", "680512978"),
    ("S6", "苏果社区党群服务站（示例）", "村社区级", "multipolygons", "osm_way_id", "863056909"),
]


def tags(feature):
    """The OSM tags GDAL left in other_tags ("k"=>"v",...), as a dict."""
    text = feature.GetField("other_tags") or ""
    return dict(re.findall(r'"([^"]+)"=>"((?:[^"\\]|\\.)*)"', text))


def metric(geometry):
    g = geometry.Clone()
    g.Transform(TO_METRIC)
    return g


def levels_of(feature_tags):
    """building:levels when numeric; else height / 3 m; else DEFAULT_LEVELS."""
    try:
        return max(1.0, float(feature_tags["building:levels"]))
    except (KeyError, ValueError):
        pass
    try:
        return max(1.0, round(float(feature_tags["height"].rstrip(" m")) / METRES_PER_LEVEL))
    except (KeyError, ValueError):
        return float(DEFAULT_LEVELS)


def read_areas(gpkg):
    """The landuse=residential areas `circleplan osm` assembled, in metres."""
    ds = ogr.Open(gpkg)
    out = []
    for f in ds.GetLayerByName("blocks"):
        out.append({"id": f.GetField("block_id"), "name": f.GetField("name") or "",
                    "shape": metric(f.GetGeometryRef())})
    out.sort(key=lambda a: a["id"])
    return out


def read_buildings(osm):
    """Every building footprint: kind ('housing' for residential/apartments, 'yes' for a plain
    building=yes without a name or a non-residential key, else None), levels, shape (metres)."""
    ds = ogr.Open(osm)
    layer = ds.GetLayerByName("multipolygons")
    layer.SetAttributeFilter("building IS NOT NULL")
    out = []
    for f in layer:
        building = f.GetField("building")
        t = tags(f)
        if building in ("residential", "apartments"):
            kind = "housing"
        elif building == "yes" and not f.GetField("name") and not any(
                f.GetField(k) if k in ("amenity", "shop", "office", "tourism", "leisure",
                                       "craft", "historic", "man_made") else t.get(k)
                for k in NON_RESIDENTIAL_KEYS):
            kind = "yes"
        else:
            kind = None
        way = f.GetField("osm_way_id")
        out.append({"id": ("w" + way) if way else ("r" + f.GetField("osm_id")), "kind": kind,
                    "name": t.get("alt_name") or f.GetField("name") or "",
                    "levels": levels_of(t), "shape": metric(f.GetGeometryRef())})
    return out


def compound_name(members):
    """五台花园7幢, 五台花园9幢 -> 五台花园: the buildings' shared name without the number."""
    stems = sorted({re.sub(r"[0-9０-９一二三四五六七八九十A-Za-z]*[幢栋号座]$", "", m["name"])
                    for m in members if m["name"]} - {""})
    return stems[0] if stems else ""


def group(buildings):
    """Connected groups of footprints no farther than COMPOUND_GAP_M apart (union-find)."""
    parent = list(range(len(buildings)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(buildings)):
        for j in range(i + 1, len(buildings)):
            if buildings[i]["shape"].Distance(buildings[j]["shape"]) <= COMPOUND_GAP_M:
                parent[root(i)] = root(j)
    groups = {}
    for i, b in enumerate(buildings):
        groups.setdefault(root(i), []).append(b)
    return sorted(groups.values(), key=lambda g: min(int(b["id"][1:]) for b in g))


def floor_pop(buildings):
    return sum(b["shape"].GetArea() * b["levels"] for b in buildings) / FLOOR_M2_PER_RESIDENT


def make_blocks(areas, buildings):
    """The landuse areas (with the housing and plain footprints inside), then the compounds of
    housing footprints outside every area."""
    blocks = []
    inside = set()
    for a in areas:
        members = [b for b in buildings if b["kind"] is not None
                   and a["shape"].Contains(b["shape"].PointOnSurface())]
        inside.update(b["id"] for b in members)
        blocks.append({"block_id": a["id"], "name": a["name"] or compound_name(members),
                       "kind": "landuse=residential", "buildings": len(members),
                       "pop_est": round(floor_pop(members)), "shape": a["shape"]})
    rest = [b for b in buildings if b["kind"] == "housing" and b["id"] not in inside]
    land = ogr.Geometry(ogr.wkbMultiPolygon)
    for a in areas:
        land = land.Union(a["shape"])
    for n, members in enumerate(group(rest), start=1):
        hull = ogr.Geometry(ogr.wkbGeometryCollection)
        for b in members:
            hull.AddGeometry(b["shape"])
        shape = hull.ConvexHull().Buffer(COMPOUND_MARGIN_M, 4).Difference(land)
        blocks.append({"block_id": "c%d" % n, "name": compound_name(members) or "住宅组团 c%d" % n,
                       "kind": "residential buildings", "buildings": len(members),
                       "pop_est": round(floor_pop(members)), "shape": shape})
    return blocks


def place_centers(osm):
    ds = ogr.Open(osm)
    out = []
    for cid, name, tier, layer_name, field, osm_id in CENTERS:
        layer = ds.GetLayerByName(layer_name)
        layer.SetAttributeFilter("%s = '%s'" % (field, osm_id))
        feature = layer.GetNextFeature()
        if feature is None:
            sys.exit("nanjing_example.py: OSM %s %s not in the extract" % (layer_name, osm_id))
        point = feature.GetGeometryRef().PointOnSurface()
        prefix = "n" if layer_name == "points" else ("w" if field == "osm_way_id" else "r")
        out.append({"center_id": cid, "name": name, "tier": tier,
                    "osm_ref": prefix + osm_id, "osm_name": feature.GetField("name") or "",
                    # 7 decimals (about 1 cm) as written, so the GCJ-02 copy starts from the
                    # same numbers the GeoJSON holds.
                    "lon": round(point.GetX(), 7), "lat": round(point.GetY(), 7)})
    return out


# GCJ-02 forward (the published formula, as io/crs/gcj02.cpp has it).
def _offset(lon, lat):
    x, y = lon - 105.0, lat - 35.0
    pi = math.pi
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    dlat += (20.0 * math.sin(6.0 * x * pi) + 20.0 * math.sin(2.0 * x * pi)) * 2.0 / 3.0
    dlat += (20.0 * math.sin(y * pi) + 40.0 * math.sin(y / 3.0 * pi)) * 2.0 / 3.0
    dlat += (160.0 * math.sin(y / 12.0 * pi) + 320.0 * math.sin(y * pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    dlon += (20.0 * math.sin(6.0 * x * pi) + 20.0 * math.sin(2.0 * x * pi)) * 2.0 / 3.0
    dlon += (20.0 * math.sin(x * pi) + 40.0 * math.sin(x / 3.0 * pi)) * 2.0 / 3.0
    dlon += (150.0 * math.sin(x / 12.0 * pi) + 300.0 * math.sin(x / 30.0 * pi)) * 2.0 / 3.0
    a, ee = 6378245.0, 0.00669342162296594323
    rad = lat * pi / 180.0
    magic = 1.0 - ee * math.sin(rad) ** 2
    sqrt_magic = math.sqrt(magic)
    return (dlon * 180.0 / (a / sqrt_magic * math.cos(rad) * pi),
            dlat * 180.0 / (a * (1.0 - ee) / (magic * sqrt_magic) * pi))


def wgs84_to_gcj02(lon, lat):
    dlon, dlat = _offset(lon, lat)
    return lon + dlon, lat + dlat


def write_geojson(path, rows, fields, geometry_of, precision):
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName("GeoJSON").CreateDataSource(path)
    name = os.path.splitext(os.path.basename(path))[0]
    layer = ds.CreateLayer(name, WGS84, ogr.wkbUnknown,
                           ["COORDINATE_PRECISION=%d" % precision, "WRITE_NAME=YES"])
    for field, kind in fields:
        layer.CreateField(ogr.FieldDefn(field, kind))
    for row in rows:
        f = ogr.Feature(layer.GetLayerDefn())
        for field, _ in fields:
            f.SetField(field, row[field])
        f.SetGeometry(geometry_of(row))
        layer.CreateFeature(f)
    ds = None


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    gpkg, osm, out_dir = sys.argv[1:]
    areas = read_areas(gpkg)
    buildings = read_buildings(osm)
    blocks = make_blocks(areas, buildings)

    def lonlat_shape(row):
        g = row["shape"].Clone()
        g.Transform(TO_WGS84)
        return ogr.ForceToMultiPolygon(g)

    write_geojson(os.path.join(out_dir, "nanjing-blocks.geojson"), blocks,
                  [("block_id", ogr.OFTString), ("name", ogr.OFTString), ("kind", ogr.OFTString),
                   ("buildings", ogr.OFTInteger), ("pop_est", ogr.OFTInteger)],
                  lonlat_shape, 7)
    centers = place_centers(osm)

    def point(row):
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(row["lon"], row["lat"])
        return p

    write_geojson(os.path.join(out_dir, "nanjing-centers.geojson"), centers,
                  [("center_id", ogr.OFTString), ("name", ogr.OFTString), ("tier", ogr.OFTString),
                   ("osm_ref", ogr.OFTString), ("osm_name", ogr.OFTString)], point, 7)
    # GCJ-02 to 12 decimals (a web map shows 6): the example checks that the GCJ-02 run equals
    # the WGS84 one to 1e-6 minutes, which 6 decimals (about 10 cm) could not give.
    with open(os.path.join(out_dir, "nanjing-centers-gcj02.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["center_id", "name", "tier", "lon", "lat"])
        for c in centers:
            lon, lat = wgs84_to_gcj02(c["lon"], c["lat"])
            w.writerow([c["center_id"], c["name"], c["tier"], "%.12f" % lon, "%.12f" % lat])
    print("nanjing example: %d blocks (%d residential areas, %d compounds), pop_est %d, %d centers"
          % (len(blocks), len(areas), len(blocks) - len(areas),
             sum(b["pop_est"] for b in blocks), len(centers)))


if __name__ == "__main__":
    main()
