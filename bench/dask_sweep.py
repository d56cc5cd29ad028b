"""Benchmark (not a test) of circleplan.dask (docs/distributed.md, "Measured"): a 40-variant
sweep of walking speeds on the Porto demo, on a real local cluster (`dask scheduler` plus 1 or 2
`dask worker --nthreads 1` processes; tasks with threads = 1), against a CPU-bound control task on
the same cluster, and `circleplan batch --jobs 1 --threads 1` in one process for the overhead per
task.

    PYTHONPATH=build/python /usr/bin/python3 bench/dask_sweep.py [--bin build/app/circleplan]
"""

import argparse
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
VARIANTS = 40


def sweep_scenario(folder):
    """The base at 4.5 km/h and 40 variants from 3.0 to 4.95 km/h (speed-300 ... speed-495)."""
    lines = [f'roads = "{ROOT / "data/osm-porto/porto-2020-07.osm.pbf"}"',
             "minutes = [5, 10, 15]", "speed-kmh = 4.5", "max-snap = 300", ""]
    for i in range(VARIANTS):
        speed = 3.0 + 0.05 * i
        lines += ["[[variant]]", f'name = "speed-{round(speed * 100)}"', f"speed-kmh = {speed:.2f}", ""]
    path = folder / "porto-speeds.toml"
    path.write_text("\n".join(lines))
    return path


def spin(n):
    """The control: pure CPU, no I/O, about as long as one variant."""
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def noop(x):
    return x


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, workers, logs):
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        dask = shutil.which("dask") or "/usr/bin/dask"
        self.procs = []
        log = open(logs / f"cluster-{workers}.log", "w")
        self.procs.append(subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", str(self.port),
             "--no-dashboard"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
        for n in range(workers):
            self.procs.append(subprocess.Popen(
                [dask, "worker", self.address, "--nthreads", "1", "--nworkers", "1",
                 "--no-dashboard"], stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True))
        self.workers = workers

    def close(self):
        for p in reversed(self.procs):
            os.killpg(p.pid, signal.SIGTERM)
        for p in self.procs:
            p.wait(timeout=30)


def timed(fn):
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=str(ROOT / "build/app/circleplan"))
    parser.add_argument("--spin", type=int, default=6_000_000, help="control task's loop count")
    args = parser.parse_args()
    from distributed import Client

    import circleplan.dask

    work = pathlib.Path(tempfile.mkdtemp(prefix="dask-sweep-"))
    scenario = sweep_scenario(work)
    tasks = VARIANTS + 2  # the base, the variants, the report
    in_process = timed(lambda: subprocess.run(
        [args.bin, "batch", str(scenario), "--out", str(work / "cli"), "--jobs", "1",
         "--threads", "1"], check=True, capture_output=True))
    print(f"circleplan batch --jobs 1 --threads 1 (one process): {in_process:.2f} s")

    sweep, control, trivial = {}, {}, {}
    for workers in (1, 2):
        cluster = Cluster(workers, work)
        try:
            with Client(cluster.address, timeout=30) as client:
                client.wait_for_workers(workers, timeout=60)
                out = work / f"dask-{workers}"
                sweep[workers] = timed(lambda: circleplan.dask.batch(
                    [str(scenario)], client, out=out, threads=1))
                control[workers] = timed(lambda: client.gather(
                    [client.submit(spin, args.spin + i, pure=False) for i in range(VARIANTS)]))
                # Dask's own cost per task: 400 tasks that do nothing, submitted at once.
                trivial[workers] = timed(lambda: client.gather(
                    [client.submit(noop, i, pure=False) for i in range(400)])) / 400
        finally:
            cluster.close()
        print(f"{workers} worker(s): sweep {sweep[workers]:.2f} s, "
              f"control ({VARIANTS} tasks) {control[workers]:.2f} s")
    same = all((work / "cli" / "porto-speeds" / n).read_bytes() ==
               (work / "dask-2" / "porto-speeds" / n).read_bytes()
               for n in ("summary.csv", "report.html", "speed-300.gpkg"))
    s_sweep = sweep[1] / sweep[2]
    s_control = control[1] / control[2]
    print(f"sweep speedup 2 vs 1 worker: {s_sweep:.2f}x; control: {s_control:.2f}x; "
          f"ratio {s_sweep / s_control:.2f}")
    print(f"per variant: {in_process / (VARIANTS + 1) * 1000:.0f} ms in one process, "
          f"{sweep[1] / (VARIANTS + 1) * 1000:.0f} ms on 1 worker "
          f"(difference per task over {tasks} tasks: "
          f"{(sweep[1] - in_process) / tasks * 1000:.0f} ms)")
    print(f"no-op task: {trivial[1] * 1000:.1f} ms (1 worker), {trivial[2] * 1000:.1f} ms "
          f"(2 workers)")
    print(f"outputs byte-identical to the command's: {same}")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
