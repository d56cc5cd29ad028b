"""circleplan.dask: a batch of scenario files on a Dask cluster (docs/distributed.md).

    from distributed import Client
    import circleplan.dask
    circleplan.dask.batch(["a.toml", "b.toml"], Client("tcp://host:8786"), out="out/batch")

or ``python3 -m circleplan.dask a.toml b.toml --scheduler tcp://host:8786 --out out/batch``.

It writes what ``circleplan batch`` writes, byte for byte (timings.json aside): one folder per
scenario file and summary.csv / summary.json over all of them, staged under a hidden temporary
name beside ``out`` and moved into place at the end. Each scenario is one task for its base, one
per variant (given the base's snapshot) and one that writes its report and summaries; the workers
write their files straight into the staged folder, so ``out`` must be on a file system every
worker and the client share, at the same path (as must the scenario files and their inputs).
"""

import argparse
import os
import shutil
import sys
import time
import uuid

from . import _circleplan
from ._circleplan import Error, InternalError

_OK, _FAILED = "ok", "failed"


def _failure(error):
    """A failed task's record, worded as ``circleplan batch`` words a failed scenario's row."""
    text = str(error)
    if isinstance(error, InternalError):
        text = "internal error: " + text
    return (_FAILED, text)


# The tasks: module-level functions, so a worker finds them by name (circleplan must be
# importable on every worker). A bad scenario, bad data or a bad variant raises a circleplan
# Error: the task returns it as a failed record instead, so Dask does not retry it and the
# scenario becomes a failed row. A worker that dies is another matter: the scheduler runs its
# tasks again elsewhere (distributed.scheduler.allowed-failures).

def _base_task(scenario, folder, threads):
    try:
        return (_OK, _circleplan.base_task(scenario, folder, threads))
    except Error as e:
        return _failure(e)


def _variant_task(scenario, folder, index, base, threads):
    if base[0] != _OK:
        return base  # the scenario failed already: nothing to compare with
    try:
        return (_OK, _circleplan.variant_task(scenario, folder, index, base[1], threads))
    except Error as e:
        return _failure(e)


def _finish_task(scenario, folder, threads, base, *variants):
    for record in (base,) + variants:  # the first failure in file order, as `batch` reports it
        if record[0] != _OK:
            return record
    try:
        return (_OK, _circleplan.finish_task(scenario, folder, base[1],
                                              [v[1] for v in variants], threads))
    except Error as e:
        return _failure(e)


class BatchResult:
    """What ``batch`` wrote: ``out``, ``summary_csv`` (its path), ``rows``, ``failed`` (the
    number of failed scenarios, each a row with status 'failed' in summary.csv) and ``failures``
    (each failed scenario's file and error)."""

    def __init__(self, out, committed, failures):
        self.out = out
        self.failures = failures
        self.summary_csv = committed["summary_csv"]
        self.rows = committed["rows"]
        self.failed = committed["failed"]

    @property
    def summary(self):
        import pandas as pd

        return pd.read_csv(self.summary_csv)

    def __repr__(self):
        return (f"<circleplan.dask.BatchResult: {self.rows} rows, {self.failed} failed, "
                f"in {self.out}>")


def _remove_staging(folder, staged_root):
    """Removes the staged folder; a task still writing when it was cancelled may put a file back
    meanwhile (it stops at its next check once the folder is gone), hence the retries."""
    folder.close()
    deadline = time.monotonic() + 10
    while staged_root and os.path.exists(staged_root) and time.monotonic() < deadline:
        shutil.rmtree(staged_root, ignore_errors=True)
        time.sleep(0.2)


def batch(scenario_files, client, out, overwrite=False, threads=1):
    """Runs the scenario files on the cluster of ``client`` (a distributed.Client) into ``out``,
    as ``circleplan batch FILES --out OUT [--overwrite]`` would. ``threads``: evaluation threads
    per task (1 suits workers started with --nthreads 1). Returns a BatchResult. Raises
    UsageError / OutputError before anything runs (as the command refuses), and on
    KeyboardInterrupt cancels every task and leaves ``out`` as it was."""
    files = [os.fspath(f) for f in scenario_files]
    out = os.fspath(out)
    folder = _circleplan.BatchFolder(files, out, overwrite)
    scenarios = folder.scenarios()
    staged_root = (os.path.dirname(os.path.abspath(scenarios[0]["staged_folder"]))
                   if scenarios else None)
    token = uuid.uuid4().hex[:12]
    futures, finals = [], {}
    try:
        for i, s in enumerate(scenarios):
            if s["error"]:
                continue  # two files of one name: the second is a failed row already
            # The file as given (it is named so in the outputs, as by `circleplan batch`); the
            # staged folder absolute, whatever each worker's working directory.
            path, dest = s["file"], os.path.abspath(s["staged_folder"])
            key = f"circleplan-{token}-{i}"
            base = client.submit(_base_task, path, dest, threads, key=f"{key}-base", pure=False)
            variants = [client.submit(_variant_task, path, dest, v, base, threads,
                                      key=f"{key}-variant-{v}", pure=False)
                        for v in range(_circleplan.scenario_variant_count(path))]
            final = client.submit(_finish_task, path, dest, threads, base, *variants,
                                  key=f"{key}-finish", pure=False)
            futures += [base, *variants, final]
            finals[i] = final
        # Only the finishing tasks' rows come back; snapshots go from worker to worker.
        records = client.gather([finals[i] for i in sorted(finals)])
        for i, record in zip(sorted(finals), records):
            if record[0] == _OK:
                folder.succeed(i, record[1])
            else:
                folder.fail(i, record[1])
        failures = [(s["file"], s["error"]) for s in folder.scenarios() if s["error"]]
        return BatchResult(out, folder.commit(), failures)
    except BaseException:
        client.cancel(futures, force=True)
        _remove_staging(folder, staged_root)
        raise
    finally:
        folder.close()


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python3 -m circleplan.dask",
        description="Run scenario files on a Dask cluster, as `circleplan batch` runs them "
                    "(docs/distributed.md).")
    parser.add_argument("files", nargs="+", metavar="SCENARIO.toml", help="scenario files")
    parser.add_argument("--scheduler", required=True, help="the scheduler, tcp://HOST:PORT")
    parser.add_argument("--out", required=True, help="output folder (shared with every worker)")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace an existing output folder that circleplan wrote")
    parser.add_argument("--threads", type=int, default=1, help="evaluation threads per task")
    args = parser.parse_args(argv)
    from distributed import Client

    try:
        with Client(args.scheduler) as client:
            result = batch(args.files, client, args.out, overwrite=args.overwrite,
                           threads=args.threads)
    except KeyboardInterrupt:
        print("circleplan: stopped; every task was cancelled and nothing was written",
              file=sys.stderr)
        return 130
    except Error as e:
        print(f"circleplan: {e}", file=sys.stderr)
        return 2 if isinstance(e, ValueError) else 3 if isinstance(e, InternalError) else 1
    for file, error in result.failures:  # as `circleplan batch` prints them
        print(f"circleplan: scenario {file} failed: {error}", file=sys.stderr)
    print(f"summary: {result.summary_csv} ({result.rows} rows)")
    return 1 if result.failed else 0


if __name__ == "__main__":
    sys.exit(main())
