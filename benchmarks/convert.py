"""Benchmark corpus conversion: ``--jobs 1`` against ``--jobs 2``, and Dask with two workers.

Usage::

    python benchmarks/convert.py               # 200 files of 1,000 documents, 3 rounds
    python benchmarks/convert.py --quick       # 40 files of 100 documents, 1 round
    python benchmarks/convert.py --files 400 --documents 200 --rounds 5

The corpus is generated once, from invented text, under
``benchmarks/_data/`` (git-ignored): Gigaword-style ``trec-sgml`` month files
made by the generator of ``benchmarks/sgml.py``.  Each round converts the
whole corpus to JSON Lines, one output file per input, in a fresh process
for each of:

- ``jobs 1``: ``wirecopy.convert(..., jobs=1)``, in the calling process;
- ``jobs 2``: ``wirecopy.convert(..., jobs=2)``, a pool of two processes
  (its start-up included in the time);
- ``dask 2``: ``wirecopy.dask.read_articles(...)`` then
  ``wirecopy.dask.write_jsonl(...)`` on a ``dask.distributed.LocalCluster``
  of two single-threaded worker processes (the cluster's start-up is
  reported apart, not included).

It prints documents per second, the speed-ups (goals: ``jobs 2`` at least
1.7 times ``jobs 1``; Dask at least 0.8 of ``jobs 2``), the peak resident
memory of each worker process, and that peak again for a corpus half the
size (it must stay flat).  On a shared machine, each run first waits
(``--wait``) until other processes leave the CPUs nearly idle, and the
figures show how busy the CPUs were just before it started and how much CPU
each of its workers got: a share well under 100% means the run competed.
The load average is printed before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"


def generate(root: Path, files: int, documents: int) -> list[Path]:
    """Write *files* Gigaword-style files of *documents* documents each, 20 to a folder, once."""
    sys.path.insert(0, str(HERE))
    from sgml import generate as month_file  # the trec-sgml benchmark's generator

    paths = [root / f"{n // 20:02d}" / f"gw_eng_{n:04d}.sgml" for n in range(files)]
    for number, path in enumerate(paths):
        if not path.exists():
            month_file(path, documents, seed=number)
    return paths


# -- measurements, each in a fresh process ------------------------------------


def _jobs(corpus: list[str], out: str, jobs: int) -> dict[str, float]:
    import wirecopy

    def cpu() -> float:
        return sum(
            usage.ru_utime + usage.ru_stime
            for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
        )

    spent = cpu()
    started = time.perf_counter()
    report = wirecopy.convert(corpus, output=out, to="jsonl", format="trec-sgml", jobs=jobs)
    seconds = time.perf_counter() - started
    assert report.ok and report.read == report.written, report.summary()
    # The pool's workers have been waited for: RUSAGE_CHILDREN holds the
    # largest of their peaks.  With one job, the work ran in this process.
    who = resource.RUSAGE_SELF if jobs == 1 else resource.RUSAGE_CHILDREN
    return {
        "documents": report.written,
        "seconds": seconds,
        "worker_mb": resource.getrusage(who).ru_maxrss / 1024,
        "cpu_share": (cpu() - spent) / (seconds * jobs),
    }


def _dask(corpus: list[str], out: str, workers: int) -> dict[str, float]:
    import distributed

    import wirecopy.dask

    started = time.perf_counter()
    with (
        distributed.LocalCluster(
            processes=True, n_workers=workers, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        startup = time.perf_counter() - started
        before = client.run(time.process_time)
        started = time.perf_counter()
        bag = wirecopy.dask.read_articles(corpus, format="trec-sgml", partition_size=1)
        parts = wirecopy.dask.write_jsonl(bag, out)
        seconds = time.perf_counter() - started
        after = client.run(time.process_time)
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    documents = 0
    for part in parts:
        with open(part, "rb") as stream:
            documents += sum(1 for _ in stream)
    cpu = sum(after[worker] - before[worker] for worker in after)
    return {
        "documents": documents,
        "seconds": seconds,
        "startup": startup,
        "worker_mb": max(peaks.values()),
        "cpu_share": cpu / (seconds * workers),
    }


def _measure_here(kind: str, corpus: str, out: str) -> None:
    name, _, count = kind.partition("-")
    inputs = corpus.split(os.pathsep)
    result = _jobs(inputs, out, int(count)) if name == "jobs" else _dask(inputs, out, int(count))
    print(json.dumps(result))


def measure(kind: str, corpus: list[Path]) -> dict[str, float]:
    """Run one conversion of the folders *corpus* in a fresh process, into a fresh folder."""
    out = DATA / "convert-out"
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run(
        [sys.executable, __file__, "--measure", kind, os.pathsep.join(map(str, corpus)), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    shutil.rmtree(out, ignore_errors=True)
    if done.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    result["docs_s"] = result["documents"] / result["seconds"]
    return result


def _others_busy(seconds: float = 1.0) -> float:
    """The share of all CPUs busy over *seconds* (Linux; 0.0 elsewhere), before a run starts."""
    try:
        with open("/proc/stat") as stat:
            first = [int(x) for x in stat.readline().split()[1:]]
        time.sleep(seconds)
        with open("/proc/stat") as stat:
            second = [int(x) for x in stat.readline().split()[1:]]
    except OSError:
        return 0.0
    delta = [b - a for a, b in zip(first, second, strict=True)]
    idle = delta[3] + delta[4]  # idle and iowait
    return 1.0 - idle / max(1, sum(delta))


def wait_quiet(limit: float, most: float = 0.1) -> float:
    """Wait up to *limit* seconds for other processes to use under *most* of the CPUs; return their share."""
    deadline = time.monotonic() + limit
    busy = _others_busy()
    while busy >= most and time.monotonic() < deadline:
        busy = _others_busy()
    return busy


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus if needed, run the rounds, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="40 files of 100 documents, one round")
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--documents", type=int, default=1000, help="documents per file")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-dask", action="store_true", help="leave Dask out")
    parser.add_argument(
        "--wait", type=float, default=120, help="seconds to wait, before each run, for other processes to calm down"
    )
    parser.add_argument("--measure", nargs=3, metavar=("KIND", "CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        _measure_here(*args.measure)
        return 0
    if args.quick:
        args.files, args.documents, args.rounds = 40, 100, 1

    corpus = DATA / f"convert-{args.files}x{args.documents}"
    print(f"generating {args.files} files of {args.documents} documents under {corpus.relative_to(HERE.parent)} ...")
    paths = generate(corpus, args.files, args.documents)
    size = sum(p.stat().st_size for p in paths)
    print(f"corpus: {len(paths)} files, {size / 1e6:.0f} MB, {len(paths) * args.documents:,} documents")
    print(f"cpus: {os.cpu_count()}, load average before: {_load()}")

    kinds = ["jobs-1", "jobs-2"] + ([] if args.no_dask else ["dask-2"])
    results: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    for number in range(args.rounds):
        for kind in kinds:
            busy = wait_quiet(args.wait)
            result = measure(kind, [corpus])
            results[kind].append(result)
            extra = f", cluster start {result['startup']:.1f} s" if "startup" in result else ""
            print(
                f"  round {number + 1} {kind:<7} {result['seconds']:6.2f} s {result['docs_s']:9,.0f} docs/s "
                f"worker peak {result['worker_mb']:5.1f} MB, CPU busy before {busy:4.0%}, "
                f"CPU per worker {result['cpu_share']:4.0%}{extra}"
            )

    def best(kind: str) -> float:
        return max(r["docs_s"] for r in results[kind])

    def median(kind: str) -> float:
        return statistics.median(r["docs_s"] for r in results[kind])

    print(f"load average after: {_load()}")
    print()
    print(f"{'':<8} {'best docs/s':>12} {'median docs/s':>14} {'worker peak':>12}")
    for kind in kinds:
        peak = max(r["worker_mb"] for r in results[kind])
        print(f"{kind:<8} {best(kind):12,.0f} {median(kind):14,.0f} {peak:10.1f} MB")
    print()
    speedup = best("jobs-2") / best("jobs-1")
    print(f"jobs 2 / jobs 1: {speedup:.2f}x best, {median('jobs-2') / median('jobs-1'):.2f}x median (goal >= 1.7x)")
    if not args.no_dask:
        ratio = best("dask-2") / best("jobs-2")
        print(f"dask 2 / jobs 2: {ratio:.2f} best, {median('dask-2') / median('jobs-2'):.2f} median (goal >= 0.8)")

    # The first half of the corpus: its folders hold 20 files each.
    half = sorted({p.parent for p in paths[: args.files // 2]})
    wait_quiet(args.wait)
    small = measure("jobs-2", half)
    large = max(r["worker_mb"] for r in results["jobs-2"])
    print(
        f"worker peak, jobs 2: {small['worker_mb']:.1f} MB for {args.files // 2} files, "
        f"{large:.1f} MB for {args.files} files (flat: each worker streams one file at a time)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
