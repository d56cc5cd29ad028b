"""circleplan.dask on a real Dask cluster started here (`dask scheduler` and two `dask worker`
processes on 127.0.0.1, each with its nanny): it writes what `circleplan batch --jobs 1` writes,
byte for byte; a worker killed mid-batch loses nothing; a scenario with a bad variant is a failed
row while the others run; Ctrl-C in the client cancels every task and leaves no folder."""

import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

distributed = pytest.importorskip("distributed")

import circleplan.dask  # noqa: E402
from conftest import ROOT  # noqa: E402

SCENARIO = ROOT / "data" / "porto-scenario.toml"
PREFIX = "circleplan-"


def dask_command():
    """Debian 12's python3-distributed installs `dask scheduler` / `dask worker` (and the older
    dask-scheduler / dask-worker)."""
    found = shutil.which("dask") or "/usr/bin/dask"
    assert os.path.exists(found), "no dask command (python3-distributed)"
    return [found]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """The scheduler's address; the processes are stopped at the end of the module."""
    logs = tmp_path_factory.mktemp("dask-logs")
    env = dict(os.environ, DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="3")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = []

    def start(name, args):
        log = open(logs / f"{name}.log", "w")
        procs.append(subprocess.Popen(dask_command() + args, env=env, stdout=log,
                                      stderr=subprocess.STDOUT, cwd=str(logs),
                                      start_new_session=True))

    start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", str(port),
                        "--no-dashboard"])
    for n in (1, 2):
        start(f"worker{n}", ["worker", address, "--nthreads", "1", "--nworkers", "1",
                             "--no-dashboard", "--name", f"w{n}"])
    try:
        with distributed.Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for p in reversed(procs):  # workers (and their nannies) first, then the scheduler
            os.killpg(p.pid, signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory):
    """The shipped scenario, and one whose second variant adds centers from a missing file."""
    folder = tmp_path_factory.mktemp("scenarios")
    bad = folder / "porto-bad-variant.toml"
    bad.write_text(f'roads = "{ROOT / "data/osm-porto/porto-2020-07.osm.pbf"}"\n'
                   "minutes = [5, 10]\n\n"
                   '[[variant]]\nname = "slower"\nspeed-kmh = 3.0\n\n'
                   '[[variant]]\nname = "missing-centers"\n'
                   f'add-centers-layer = "{folder / "no-such-file.geojson"}"\n')
    return [str(SCENARIO), str(bad)]


@pytest.fixture(scope="module")
def reference(cli, scenarios, tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "batch"
    done = subprocess.run([cli, "batch", *scenarios, "--out", str(out), "--jobs", "1"],
                          capture_output=True, text=True)
    assert done.returncode == 1, done.stderr  # the bad scenario fails, the other is written
    return out


def files_of(folder):
    return sorted(p.relative_to(folder).as_posix() for p in pathlib.Path(folder).rglob("*")
                  if p.is_file() and p.name != "timings.json")


def assert_same_folder(expected, actual):
    names = files_of(expected)
    assert names == files_of(actual)
    assert "porto-scenario/site-two.gpkg" in names  # the `site` variant ran
    for name in names:
        assert (expected / name).read_bytes() == (actual / name).read_bytes(), name
    assert not [p for p in actual.parent.iterdir() if p.name.startswith(".")], "staging left"


def no_task_of_ours(client):
    keys = client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.tasks))
    processing = [k for ks in client.processing().values() for k in ks]
    executing = client.run(lambda dask_worker: len(dask_worker.state.executing))
    return (not [k for k in keys if str(k).startswith(PREFIX)] and not processing and
            not any(executing.values()))


def test_batch_equals_the_command_and_a_bad_variant_is_a_failed_row(cluster, scenarios,
                                                                     reference, tmp_path):
    out = tmp_path / "batch"
    with distributed.Client(cluster) as client:
        result = circleplan.dask.batch(scenarios, client, out=out)
    assert (result.failed, result.rows) == (1, 9)  # 8 Porto results and the failed row
    assert_same_folder(reference, out)
    summary = (out / "summary.csv").read_text()
    assert "porto-bad-variant,,failed," in summary and "no-such-file.geojson" in summary
    assert not (out / "porto-bad-variant").exists()
    with pytest.raises(circleplan.OutputError, match="overwrite"):
        with distributed.Client(cluster) as client:
            circleplan.dask.batch(scenarios, client, out=out)


def test_a_worker_killed_mid_batch_loses_nothing(cluster, scenarios, reference, tmp_path):
    out = tmp_path / "batch"
    with distributed.Client(cluster) as client:
        pids = client.run(os.getpid)  # worker address -> its process (the nanny restarts it)
        outcome = {}
        thread = threading.Thread(target=lambda: outcome.update(
            result=circleplan.dask.batch(scenarios, client, out=out)))
        thread.start()
        victim = None
        deadline = time.monotonic() + 30
        while victim is None and time.monotonic() < deadline:
            for worker, keys in client.processing().items():
                if any(str(k).startswith(PREFIX) for k in keys) and worker in pids:
                    victim = worker
                    break
            time.sleep(0.05)
        assert victim, "no task ever ran"
        time.sleep(0.3)  # mid-task
        assert thread.is_alive(), "the batch ended before a worker could be killed"
        os.kill(pids[victim], signal.SIGKILL)
        thread.join(timeout=120)
        assert "result" in outcome, "the batch did not complete"
        client.wait_for_workers(2, timeout=60)  # the nanny brought it back
        assert pids[victim] not in client.run(os.getpid).values()
    assert_same_folder(reference, out)


def test_ctrl_c_cancels_every_task_and_leaves_no_folder(cluster, tmp_path):
    out = tmp_path / "batch"
    client_process = subprocess.Popen(
        [sys.executable, "-m", "circleplan.dask", str(SCENARIO), "--scheduler", cluster,
         "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with distributed.Client(cluster) as client:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if any(str(k).startswith(PREFIX) for ks in client.processing().values() for k in ks):
                break
            time.sleep(0.05)
        else:
            pytest.fail("no task ever ran")
        client_process.send_signal(signal.SIGINT)
        stdout, stderr = client_process.communicate(timeout=30)
        stopped = time.monotonic()
        assert client_process.returncode != 0, stdout
        assert "cancelled" in stderr
        time.sleep(max(0.0, 5 - (time.monotonic() - stopped)))
        assert no_task_of_ours(client)
    assert list(tmp_path.iterdir()) == [], "an output or staged folder was left"
