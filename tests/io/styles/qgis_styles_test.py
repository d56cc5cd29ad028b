"""QGIS opens every layer circleplan writes with its default style.

Runs circleplan (osm, evaluate as GeoPackage and Shapefiles, site, compare, evaluate with a
standard and grids), then loads each output layer with geometry in QGIS (python3-qgis,
offscreen) and checks that the style came from the file (not QGIS's random single symbol), that
every field the renderer and labels name is a field of the layer, that rule-based classes put
every feature in exactly one class, and that a Shapefile picks up its .qml.

Usage: qgis_styles_test.py CIRCLEPLAN_BINARY SOURCE_DIR
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="circleplan-xdg-"))

from qgis.core import (QgsApplication, QgsExpression, QgsExpressionContext,  # noqa: E402
                       QgsExpressionContextUtils, QgsVectorLayer, QgsWkbTypes)

BINARY, SOURCE = sys.argv[1], sys.argv[2]
del sys.argv[1:3]
OUT = tempfile.mkdtemp(prefix="circleplan-qgis-")


def circleplan(*args):
    result = subprocess.run([BINARY, *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"circleplan {' '.join(args)} failed:\n{result.stderr}")


def out(name):
    return os.path.join(OUT, name)


def porto_inputs():
    city = out("porto.gpkg")
    return ["--roads", city, "--roads-layer", "roads", "--centers", city, "--centers-layer",
            "centers", "--blocks", city, "--blocks-layer", "blocks"]


def make_outputs():
    circleplan("osm", os.path.join(SOURCE, "data/osm-porto/porto-2020-07.osm.pbf"), "--out",
               out("porto.gpkg"))
    circleplan("evaluate", *porto_inputs(), "--minutes", "5,10,15", "--overlap", "per-center",
               "--layers", "nodes", "--out", out("evaluation.gpkg"))
    circleplan("evaluate", *porto_inputs(), "--minutes", "5,10,15", "--cover-minutes", "10",
               "--overlap", "dissolve", "--format", "shp", "--out", out("evaluation-shp"))
    circleplan("evaluate", *porto_inputs(), "--speed-kmh", "3.5", "--out", out("slow.gpkg"))
    circleplan("compare", out("evaluation.gpkg"), out("slow.gpkg"), "--out", out("changes"))
    circleplan("site", *porto_inputs(), "--model", "mclp", "--k", "2", "--out", out("sites.gpkg"))
    data = os.path.join(SOURCE, "tests/data")
    circleplan("evaluate", "--roads", f"{data}/scenarios/roads.geojson", "--centers",
               f"{data}/standards/centers-two-tiers.geojson", "--blocks",
               f"{data}/scenarios/blocks.geojson", "--crs", "EPSG:32631", "--standard",
               f"{data}/standards/two-tiers.toml", "--grids", f"{data}/standards/grids.geojson",
               "--out", out("standard.gpkg"))


def stored_styles(gpkg):
    """layer name -> the <qgis> element of its default style in layer_styles."""
    with sqlite3.connect(gpkg) as db:
        rows = db.execute("SELECT f_table_name, styleQML FROM layer_styles "
                          "WHERE useAsDefault = 1").fetchall()
    return {name: ET.fromstring(qml.split("\n", 1)[1]) for name, qml in rows}


def geometry_layers(gpkg):
    with sqlite3.connect(gpkg) as db:
        return [r[0] for r in db.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")]


class QgisLoadsTheDefaultStyles(unittest.TestCase):
    def check_layer(self, uri, name, style):
        layer = QgsVectorLayer(uri, name, "ogr")
        self.assertTrue(layer.isValid(), uri)
        fields = set(layer.fields().names())
        renderer = layer.renderer()
        expected = style.find("renderer-v2").get("type")
        self.assertEqual(renderer.type(), expected, f"{uri}: the stored style was not loaded")
        if expected == "categorizedSymbol":
            self.assertIn(renderer.classAttribute(), fields, uri)
            self.assertEqual(len(renderer.categories()),
                             len(style.find("renderer-v2/categories")), uri)
        if expected == "RuleRenderer":
            rules = renderer.rootRule().children()
            self.assertEqual(len(rules), len(style.find("renderer-v2/rules")), uri)
            context = QgsExpressionContext()
            context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
            expressions = []
            for rule in rules:
                e = QgsExpression(rule.filterExpression())
                self.assertFalse(e.hasParserError(), f"{uri}: {rule.filterExpression()}")
                self.assertTrue(e.referencedColumns() <= fields,
                                f"{uri}: {rule.filterExpression()} names a missing field")
                e.prepare(context)
                expressions.append(e)
            # Every feature in exactly one class: the legend adds up to the layer.
            for feature in layer.getFeatures():
                context.setFeature(feature)
                hits = sum(1 for e in expressions if e.evaluate(context))
                self.assertEqual(hits, 1, f"{uri}: feature {feature.id()} is in {hits} classes")
        if layer.labelsEnabled():
            self.assertIn(layer.labeling().settings().fieldName, fields, uri)
        return layer

    def test_every_geopackage_layer_opens_styled(self):
        checked = []
        for gpkg in ["porto.gpkg", "evaluation.gpkg", "slow.gpkg", "changes/changes.gpkg",
                     "sites.gpkg", "standard.gpkg"]:
            path = out(gpkg)
            styles = stored_styles(path)
            for name in geometry_layers(path):
                with self.subTest(gpkg=gpkg, layer=name):
                    self.assertIn(name, styles, f"{gpkg}: no default style for {name}")
                    self.check_layer(f"{path}|layername={name}", name, styles[name])
                    checked.append(f"{gpkg}:{name}")
        for must in ["evaluation.gpkg:blocks", "evaluation.gpkg:centers",
                     "evaluation.gpkg:service_areas", "evaluation.gpkg:reach_edges",
                     "evaluation.gpkg:nodes", "changes/changes.gpkg:changes",
                     "standard.gpkg:grids", "sites.gpkg:sites", "porto.gpkg:roads"]:
            self.assertIn(must, checked)

    def test_blocks_legend_follows_minutes_and_cover(self):
        layer = QgsVectorLayer(out("evaluation.gpkg") + "|layername=blocks", "blocks", "ogr")
        labels = [r.label() for r in layer.renderer().rootRule().children()]
        self.assertEqual(labels, ["covered, ≤ 5 min / 5分钟内覆盖",
                                  "covered, 5–10 min / 5–10分钟覆盖",
                                  "covered, 10–15 min / 10–15分钟覆盖",
                                  "uncovered (over 15 min) / 未覆盖（超过15分钟）",
                                  "unreachable / 无法到达"])

    def test_shapefiles_open_with_the_qml_beside_them(self):
        folder = out("evaluation-shp")
        for name in ["blocks", "centers", "service_areas", "reach_edges", "diagnostics"]:
            with self.subTest(layer=name):
                qml = os.path.join(folder, name + ".qml")
                self.assertTrue(os.path.exists(qml))
                with open(qml, encoding="utf-8") as f:
                    style = ET.fromstring(f.read().split("\n", 1)[1])
                layer = self.check_layer(os.path.join(folder, name + ".shp"), name, style)
                if name == "blocks":  # --cover-minutes 10: three covered classes end at 10
                    labels = [r.label() for r in layer.renderer().rootRule().children()]
                    self.assertEqual(labels[1], "covered, 5–10 min / 5–10分钟覆盖")
                    self.assertEqual(len(labels), 4)


if __name__ == "__main__":
    make_outputs()
    app = QgsApplication([], False)
    app.initQgis()
    result = unittest.main(exit=False, verbosity=2).result
    shutil.rmtree(OUT, ignore_errors=True)
    sys.stdout.flush()
    sys.stderr.flush()
    # QGIS 3.22's exitQgis() can crash on the way out; the verdict is already known.
    os._exit(0 if result.wasSuccessful() else 1)
