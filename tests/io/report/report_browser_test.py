"""The scenario report's interactive maps in a real browser (Debian's chromium, headless).

Runs `circleplan run` on the shipped Porto scenario, opens report.html in headless Chromium
through Selenium and checks that the base map drew one feature per block and per center of
base.gpkg, that toggling a layer in the layer control hides it, that a click on a block opens a
popup with that block's minutes, that every map shares one view, and that the console stays
free of errors. The page is opened from a file: nothing is served, nothing is fetched.

Usage: report_browser_test.py CIRCLEPLAN_BINARY SOURCE_DIR
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

BINARY, SOURCE = sys.argv[1], sys.argv[2]
del sys.argv[1:3]
OUT = tempfile.mkdtemp(prefix="circleplan-report-")
SCENARIO = os.path.join(OUT, "scenario")


def gpkg_rows(path, sql):
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


class ReportMapInChromium(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        run = subprocess.run([BINARY, "run", os.path.join(SOURCE, "data/porto-scenario.toml"),
                              "--out", SCENARIO], capture_output=True, text=True)
        if run.returncode != 0:
            raise AssertionError(run.stderr)
        cls.run_stderr = run.stderr
        options = Options()
        for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900",
                    "--disable-dev-shm-usage"]:
            options.add_argument(arg)
        options.binary_location = "/usr/bin/chromium"
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        cls.browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        cls.browser.get("file://" + os.path.join(SCENARIO, "report.html"))
        deadline = time.time() + 20
        while time.time() < deadline:
            if cls.browser.execute_script("return !!window.circleplanMaps && "
                                          "window.circleplanMaps.length > 0"):
                break
            time.sleep(0.1)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()

    def js(self, script, *args):
        return self.browser.execute_script(script, *args)

    def paths(self, map_id, pane):
        return self.js(f"return document.querySelectorAll('#{map_id} .leaflet-{pane}-pane path')"
                       ".length")

    def test_a_no_console_errors_and_interactive_maps_drawn(self):
        self.assertNotIn("static SVG maps", self.run_stderr)
        errors = [e for e in self.browser.get_log("browser") if e["level"] == "SEVERE"]
        self.assertEqual(errors, [])
        maps = self.js("return document.querySelectorAll('.cp-map').length")
        self.assertEqual(self.js("return window.circleplanMaps.length"), maps)
        self.assertGreaterEqual(maps, 2)

    def test_base_map_draws_every_block_and_center(self):
        base = os.path.join(SCENARIO, "base.gpkg")
        blocks = gpkg_rows(base, "SELECT count(*) FROM blocks")[0][0]
        centers = gpkg_rows(base, "SELECT count(*) FROM centers")[0][0]
        self.assertEqual(self.paths("map-0", "blocks"), blocks)
        self.assertEqual(self.paths("map-0", "centers"), centers)
        self.assertEqual(self.paths("map-0", "streets"), 1)  # every street in one path

    def test_toggling_a_layer_hides_it(self):
        self.assertGreater(self.paths("map-1", "blocks"), 0)
        box = self.js("""
            var labels = document.querySelectorAll('#map-1 .leaflet-control-layers-overlays label');
            for (var i = 0; i < labels.length; ++i)
              if (labels[i].textContent.indexOf('Blocks') >= 0)
                return labels[i].querySelector('input');
            return null;""")
        self.assertIsNotNone(box)
        box.click()
        self.assertEqual(self.paths("map-1", "blocks"), 0)
        box.click()
        self.assertGreater(self.paths("map-1", "blocks"), 0)

    def test_clicking_a_block_opens_a_popup_with_its_minutes(self):
        minutes = dict(gpkg_rows(os.path.join(SCENARIO, "base.gpkg"),
                                 "SELECT block_id, minutes FROM blocks"))
        self.js("document.getElementById('map-0').scrollIntoView()")
        # Click blocks of the base map until one is not under a center marker.
        shapes = self.browser.find_elements("css selector", "#map-0 .leaflet-blocks-pane path")
        for shape in sorted(shapes, key=lambda s: -s.size["width"] * s.size["height"]):
            try:
                shape.click()
            except WebDriverException:
                continue
            text = self.js("var p = document.querySelector('#map-0 .leaflet-popup-content');"
                           "return p ? p.innerText : null;")
            if text:
                break
        else:
            self.fail("no block could be clicked")
        rows = dict(line.split("\t", 1) for line in text.splitlines() if "\t" in line)
        block_id = rows["block 小区"]
        expected = minutes[block_id]
        shown = rows["minutes 分钟"]
        if expected is None:
            self.assertEqual(shown, "–")
        else:
            self.assertAlmostEqual(float(shown), expected, delta=0.051)

    def test_every_map_shares_one_view(self):
        zoom = self.js("var m = window.circleplanMaps; m[0].setZoom(m[0].getZoom() + 1, "
                       "{animate: false}); return m[0].getZoom();")
        views = self.js("return window.circleplanMaps.map(function (m) {"
                        "var c = m.getCenter(); return [m.getZoom(), c.lat, c.lng]; });")
        for view in views:
            self.assertEqual(view[0], zoom)
            self.assertAlmostEqual(view[1], views[0][1], places=6)
            self.assertAlmostEqual(view[2], views[0][2], places=6)

    def test_wgs84_coordinates_and_size(self):
        south, west = self.js("return window.CP.bounds[0]")
        self.assertTrue(41.0 < south < 41.3 and -8.8 < west < -8.4, (south, west))
        size = os.path.getsize(os.path.join(SCENARIO, "report.html"))
        self.assertLess(size, 10 * 1024 * 1024)


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    shutil.rmtree(OUT, ignore_errors=True)
    sys.exit(0 if result.wasSuccessful() else 1)
