"""Benchmark corpus conversion: ``--jobs 1`` against ``--jobs 2``, and Dask with two workers.

Usage::

    python benchmarks/convert.py               # 200 files of 1,000 documents, 3 rounds
    python benchmarks/convert.py --quick       # 40 files of 100 documents, 1 round
    python benchmarks/convert.py --json        # also write benchmarks/_data/results/convert.json
    python benchmarks/convert.py --files 400 --documents 200 --rounds 5

The corpus is generated once, from invented text, under
``benchmarks/_data/`` (git-ignored): Gigaword-style ``trec-sgml`` month files
made by the generator of ``benchmarks/sgml.py``.  Each round converts the
whole corpus to JSON Lines, one output file per input, in a fresh process
run by ``benchmarks/_harness.py`` (rounds interleaved, best and median) for
each of:

- ``jobs 1``: ``wirecopy.convert(..., jobs=1)``, in the calling process;
- ``jobs 2``: ``wirecopy.convert(..., jobs=2)``, a pool of two processes
  (its start-up included in the time);
- ``dask 2``: ``wirecopy.dask.read_articles(...)`` then
  ``wirecopy.dask.write_jsonl(...)`` on a ``dask.distributed.LocalCluster``
  of two single-threaded worker processes (the cluster's start-up is
  reported apart, not included).

This benchmark times the wall clock, not CPU time: its point is what a
second process gains.  It prints documents per second, the speed-ups (goals: ``jobs 2`` at least
1.7 times ``jobs 1``; Dask at least 0.8 of ``jobs 2``), the peak resident
memory of each worker process, and that peak again for a corpus half the
size (it must stay flat).  On a shared machine, each run first waits
(``--wait``) until other processes leave the CPUs nearly idle, and the
figures show how busy the CPUs were just before it started and how much CPU
each of its workers got: a share well under 100% means the run competed.
The load average is printed before and after.

Then, in CPU time (``--detection-only`` runs only this part), what detecting
each file's format costs: a folder of small ``.story`` files (one story each,
as the CNN/Daily Mail set has them: the case where detection weighs most)
and the Gigaword-style corpus, each converted with ``jobs=1`` once with the
format named and once without (``format=None``: every file's head goes
through every format's sniffer).  Goal: at most 5% more without it.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import _harness

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
    used = cpu() - spent
    assert report.ok and report.read == report.written, report.summary()
    # The pool's workers have been waited for: RUSAGE_CHILDREN holds the
    # largest of their peaks.  With one job, the work ran in this process.
    who = resource.RUSAGE_SELF if jobs == 1 else resource.RUSAGE_CHILDREN
    return {
        "documents": report.written,
        "seconds": seconds,
        "worker_mb": resource.getrusage(who).ru_maxrss / 1024,
        "cpu": used,
        "cpu_share": used / (seconds * jobs),
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
        "cpu": cpu,
        "cpu_share": cpu / (seconds * workers),
    }


def stories(folder: Path, count: int) -> Path:
    """Write *count* ``.story`` files into *folder*, once, with the text benchmark's generator."""
    if not folder.exists():
        sys.path.insert(0, str(HERE))
        import random

        from text import make_stories

        with _harness.generating(folder) as partial:
            shutil.rmtree(partial, ignore_errors=True)
            make_stories(partial, count, random.Random(1312))
    return folder


def convert_named(corpus: list[str], out: str, format: str | None) -> Any:
    """One conversion of *corpus* with ``jobs=1``, the format named or (``None``) detected for each file."""
    import wirecopy

    # Every format imported before the clock starts (detection imports them
    # all on its first file): what is timed is the cost per file.
    wirecopy.get_format("jsonl")
    wirecopy.detect(next(path for path in Path(corpus[0]).rglob("*") if path.is_file()))
    shutil.rmtree(out, ignore_errors=True)

    def run() -> dict[str, int]:
        report = wirecopy.convert(corpus, output=out, to="jsonl", format=format, jobs=1)
        assert report.ok and report.read == report.written, report.summary()
        return {"documents": report.written}

    return run


def convert(kind: str, corpus: list[str], out: str) -> dict[str, float]:
    """One conversion of the folders *corpus* into *out*: ``jobs-1``, ``jobs-2`` or ``dask-2``."""
    name, _, count = kind.partition("-")
    result = _jobs(corpus, out, int(count)) if name == "jobs" else _dask(corpus, out, int(count))
    # The figures are this run's own: wall-clock seconds of the conversion
    # (without a cluster's start-up), and the CPU of every process that did it.
    result["wall"] = result.pop("seconds")
    result["peak_mb"] = result.pop("worker_mb")
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


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus if needed, run the rounds, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="40 files of 100 documents, one round")
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--documents", type=int, default=1000, help="documents per file")
    parser.add_argument("--rounds", "--passes", dest="passes", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--no-dask", action="store_true", help="leave Dask out")
    parser.add_argument("--detection-only", action="store_true", help="only the cost of detecting the format")
    parser.add_argument(
        "--wait",
        type=float,
        help="seconds to wait, before each run, for other processes to calm down (default 120, 5 with --quick)",
    )
    args, bench = _harness.start(__file__, parser, argv, title="corpus conversion: jobs and Dask", quick_passes=1)
    if args.quick:
        args.files, args.documents = 40, 100
    wait = args.wait if args.wait is not None else (5 if args.quick else 120)

    corpus = DATA / f"convert-{args.files}x{args.documents}"
    print(f"generating {args.files} files of {args.documents} documents under {corpus.relative_to(HERE.parent)} ...")
    paths = generate(corpus, args.files, args.documents)
    size = sum(p.stat().st_size for p in paths)
    print(f"corpus: {len(paths)} files, {size / 1e6:.0f} MB, {len(paths) * args.documents:,} documents")
    if not args.detection_only:
        jobs_and_dask(bench, args, corpus, paths, size, wait)
    detection(bench, args, corpus, size)
    bench.finish()
    return 0


def jobs_and_dask(
    bench: _harness.Bench, args: argparse.Namespace, corpus: Path, paths: list[Path], size: int, wait: float
) -> None:
    """Run and print the wall-clock groups: jobs 1, jobs 2 and Dask, and the worker's peak on half the corpus."""
    out = DATA / "convert-out"

    def before(contender: _harness.Contender) -> dict[str, float]:
        shutil.rmtree(out, ignore_errors=True)
        return {"busy_before": wait_quiet(wait)}

    def after(contender: _harness.Contender, run: dict[str, Any]) -> None:
        shutil.rmtree(out, ignore_errors=True)
        if run["status"] != "ok":
            raise SystemExit(f"{contender.key} failed: {run}")
        extra = run["extra"]
        start = f", cluster start {extra['startup']:.1f} s" if "startup" in extra else ""
        print(
            f"  {contender.key:<7} {run['wall']:6.2f} s {run['documents'] / run['wall']:9,.0f} docs/s "
            f"worker peak {run['peak_mb']:5.1f} MB, CPU busy before {run['busy_before']:4.0%}, "
            f"CPU per worker {extra['cpu_share']:4.0%}{start}"
        )

    bench.before_run, bench.after_run = before, after
    group = bench.group("convert", f"{len(paths)} trec-sgml files, {size / 1e6:.0f} MB, to JSON Lines")
    folders = [str(corpus)]
    group.add(
        "jobs-1",
        "jobs 1",
        "convert",
        baseline=True,
        clock="wall",
        size=size,
        kind="jobs-1",
        corpus=folders,
        out=str(out),
    )
    group.add("jobs-2", "jobs 2", "convert", clock="wall", size=size, kind="jobs-2", corpus=folders, out=str(out))
    if args.no_dask:
        pass
    elif importlib.util.find_spec("distributed") is None:
        bench.skip("dask 2", "dask.distributed is not installed (pip install '.[dask]' distributed)")
    else:
        group.add("dask-2", "dask 2", "convert", clock="wall", size=size, kind="dask-2", corpus=folders, out=str(out))
        group.compare("dask-2", "jobs-2")
    bench.run(group)
    print("goals: jobs 2 / jobs 1 at least 1.7x; dask 2 / jobs 2 at least 0.8")

    # The first half of the corpus: its folders hold 20 files each.
    half = sorted({str(p.parent) for p in paths[: args.files // 2]})
    memory = bench.group("convert, half the corpus", f"{args.files // 2} files, for the worker's peak memory", passes=1)
    memory.add("jobs-2", "jobs 2", "convert", clock="wall", kind="jobs-2", corpus=half, out=str(out))
    bench.run(memory)
    print(
        f"worker peak, jobs 2: {memory['jobs-2'].get('peak_mb', 0):.1f} MB for {args.files // 2} files, "
        f"{group['jobs-2'].get('peak_mb', 0):.1f} MB for {args.files} files "
        "(flat: each worker streams one file at a time)"
    )
    bench.before_run = bench.after_run = None


def detection(bench: _harness.Bench, args: argparse.Namespace, corpus: Path, size: int) -> None:
    """Run and print the CPU-time groups: conversion with the format named, and detected for each file."""
    out = str(DATA / "convert-detect-out")
    count = 500 if args.quick else 5000
    folder = stories(DATA / f"convert-stories-{count}", count)
    story_size = sum(p.stat().st_size for p in folder.iterdir())
    cases = (
        ("cnndm-story", [str(folder)], f"{count:,} .story files, {story_size / 1e6:.0f} MB", story_size),
        ("trec-sgml", [str(corpus)], f"the {args.files} trec-sgml files above, {size / 1e6:.0f} MB", size),
    )
    for name, folders, note, total in cases:
        group = bench.group(f"detection, {name}", f"{note}, jobs 1, to JSON Lines", passes=3 if args.quick else 5)
        group.add(
            "named",
            f"--format {name}",
            "convert_named",
            baseline=True,
            size=total,
            corpus=folders,
            out=out,
            format=name,
        )
        group.add("detected", "no --format", "convert_named", size=total, corpus=folders, out=out, format=None)
        bench.run(group)
        named, detected = group["named"], group["detected"]
        if "seconds_best" in named and "seconds_best" in detected:
            print(
                f"  cost of detection: {detected['seconds_best'] / named['seconds_best'] - 1:+.1%} best, "
                f"{detected['seconds_median'] / named['seconds_median'] - 1:+.1%} median (goal: at most +5%)"
            )
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
