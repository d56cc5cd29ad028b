#!/usr/bin/python3
"""The Python module's overhead over the command (issue #15: at most 5% on Malta, 500 centers).

Runs the same evaluation REPEAT times each way, alternating: `circleplan evaluate ... --out`
as a process, and in one Python process `circleplan.evaluate(...)` then `Result.write(...)`
(the same files), and prints the median wall times and two overheads in percent: against the
command's process wall time (which includes starting the process, registering GDAL's drivers and
opening PROJ's database, paid once by a Python session), and against the C++ call alone (the
command's own timings.json total: reading to writing). Also the time to turn the blocks and
centers into GeoDataFrames (not part of the command's work, so reported apart). Inputs: the "Malta, 500 centers" files bench/scale.sh 1 keeps (OUT/n1/city.gpkg and
centers.gpkg).

Usage: PYTHONPATH=build/python bench/python_overhead.py [SCALE_DIR] [--bin build/app/circleplan]
       [--repeat 5] [--minutes 15] [--overlap per-center]
Not a test (timings depend on the machine's load); docs/python.md gives the figures.
"""

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

import circleplan


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scale", nargs="?", default=os.path.join(root, "build-release/scale"))
    parser.add_argument("--bin", default=os.path.join(root, "build-release/app/circleplan"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--minutes", default="15")
    parser.add_argument("--overlap", default=None)
    parser.add_argument("--threads", default="0")
    a = parser.parse_args()
    city = os.path.join(a.scale, "n1", "city.gpkg")
    centers = os.path.join(a.scale, "n1", "centers.gpkg")
    keywords = dict(roads=city, roads_layer="roads", blocks=city, blocks_layer="blocks",
                    centers=centers, centers_layer="centers", threads=a.threads,
                    minutes=[float(m) for m in a.minutes.split(",")])
    cli = [a.bin, "evaluate", "--roads", city, "--roads-layer", "roads", "--blocks", city,
           "--blocks-layer", "blocks", "--centers", centers, "--centers-layer", "centers",
           "--threads", a.threads, "--minutes", a.minutes]
    if a.overlap:
        keywords["overlap"] = a.overlap
        cli += ["--overlap", a.overlap]
    command, inside, binding, frames = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(a.repeat):
            start = time.perf_counter()
            subprocess.run(cli + ["--out", os.path.join(tmp, "cli.gpkg"), "--overwrite"],
                           check=True, capture_output=True)
            command.append(time.perf_counter() - start)
            with open(os.path.join(tmp, "cli.timings.json"), encoding="utf-8") as t:
                inside.append(json.load(t)["total_s"])
            start = time.perf_counter()
            result = circleplan.evaluate(**keywords)
            result.write(os.path.join(tmp, "py.gpkg"), overwrite=True)
            binding.append(time.perf_counter() - start)
            start = time.perf_counter()
            result.blocks, result.centers
            frames.append(time.perf_counter() - start)
            print(f"run {i + 1}: command {command[-1]:.3f} s (its C++ call {inside[-1]:.3f} s), "
                  f"binding {binding[-1]:.3f} s, tables {frames[-1]:.3f} s", flush=True)
    c, n, b, f = (statistics.median(x) for x in (command, inside, binding, frames))
    print(f"median: command process {c:.3f} s, its C++ call {n:.3f} s, binding (evaluate + "
          f"write) {b:.3f} s: overhead {100 * (b - c) / c:+.1f}% over the process, "
          f"{100 * (b - n) / n:+.1f}% over the C++ call; blocks and centers as GeoDataFrames "
          f"{f:.3f} s")


if __name__ == "__main__":
    main()
