"""Benchmark the columnar output: converting to Parquet against JSON Lines, and reading Parquet back.

Usage::

    python benchmarks/columnar.py            # 98 MB file, and 4x that for the memory check
    python benchmarks/columnar.py --quick    # 20 MB, and 4x that, for a smoke run
    python benchmarks/columnar.py --repeat 5

Needs the arrow extra (``pip install -e ".[arrow]"``).  The input is the
Gigaword-style month file of ``benchmarks/sgml.py`` (invented text, 50,000
documents, about 98 MB), generated once under ``benchmarks/_data/``
(git-ignored), with a file four times as long for the memory check.  Each
measurement runs in a fresh process, so that its peak memory is its own, and
is timed in CPU seconds of that process (all its threads); the passes of the
contenders are interleaved and the best is kept, so that a busy machine
disturbs the comparison as little as possible:

- ``convert jsonl`` and ``convert parquet``: ``wirecopy.convert(file,
  output=folder, to=..., jobs=1)``, reading with ``trec-sgml`` and writing one
  output file, as ``wirecopy convert file -o out/ --to ...`` does;
- ``table``: ``pyarrow.parquet.read_table`` of that Parquet file, into one
  Arrow table (with pyarrow's threads; its wall-clock time is shown too), and
  the same with one thread, and without the body columns (``paragraphs``,
  ``highlights``);
- ``articles``: ``wirecopy.read`` of the Parquet file back into ``Article``
  records.

Imports, and pyarrow's first conversion (which imports pandas when it is
installed: about 0.25 s of CPU and 40 MB), happen before the clock starts:
they are paid once per process, not per file.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
MB = 1_000_000
_BODY = ("paragraphs", "highlights")


def _peak_mb() -> float:
    # VmHWM is this process's own high-water mark; ru_maxrss may carry a
    # parent's peak across exec on Linux.
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _output_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


# -- the measurements, each in its own process ---------------------------------------


def _convert(to: str, source: str, target: str) -> dict[str, float]:
    import wirecopy

    out = Path(target)
    shutil.rmtree(out, ignore_errors=True)
    report = wirecopy.convert(source, output=out, to=to, format="trec-sgml", jobs=1, force=True)
    return {"documents": report.written, "output": _output_size(out)}


def _table(source: str, threads: bool, body: bool) -> dict[str, float]:
    import pyarrow.parquet as pq

    columns = None
    if not body:
        columns = [name for name in pq.read_schema(source).names if name not in _BODY]
    table = pq.read_table(source, columns=columns, use_threads=threads)
    return {"documents": table.num_rows}


def _articles(source: str) -> dict[str, float]:
    import wirecopy

    count = 0
    with wirecopy.read(source, "parquet") as reader:
        for _ in reader:
            count += 1
    return {"documents": count}


# What each contender imports before the clock starts (see the docstring).
_SETUP = {
    "convert-jsonl": ("wirecopy.conversion", "wirecopy.formats.trec_sgml", "wirecopy.formats.jsonl"),
    "convert-parquet": ("wirecopy.conversion", "wirecopy.formats.trec_sgml", "wirecopy.formats.parquet", "pyarrow"),
    "articles": ("wirecopy.formats.parquet", "pyarrow.parquet"),
}
_TABLE_SETUP = ("pyarrow.parquet", "pyarrow.dataset")


def _child(kind: str, source: str, target: str) -> None:
    import importlib

    for module in _SETUP.get(kind, _TABLE_SETUP):
        importlib.import_module(module)
    if "pyarrow" in sys.modules:
        sys.modules["pyarrow"].array([])
    wall = time.perf_counter()
    cpu = time.process_time()
    if kind.startswith("convert-"):
        result = _convert(kind.removeprefix("convert-"), source, target)
    elif kind == "table":
        result = _table(source, threads=True, body=True)
    elif kind == "table-1-thread":
        result = _table(source, threads=False, body=True)
    elif kind == "table-no-body":
        result = _table(source, threads=True, body=False)
    else:
        result = _articles(source)
    result["seconds"] = time.process_time() - cpu
    result["wall"] = time.perf_counter() - wall
    result["peak_mb"] = _peak_mb()
    print(json.dumps(result))


def measure(kind: str, source: Path, target: Path) -> dict[str, float]:
    """Run one measurement in a fresh process and return what it printed."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(source), str(target)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- the report ---------------------------------------------------------------------


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    best = min(runs, key=lambda run: run["seconds"])
    return {**best, "wall": min(run["wall"] for run in runs), "peak_mb": max(run["peak_mb"] for run in runs)}


def _input(documents: int) -> Path:
    sys.path.insert(0, str(HERE))
    from sgml import generate

    path = DATA / f"gigaword-{documents}.sgml"
    if not path.exists():
        print(f"generating {path.name} ...", flush=True)
        generate(path, documents)
    return path


def main() -> int:
    """Measure, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 20 MB file (and 80 MB for memory)")
    parser.add_argument("--repeat", type=int, default=3, help="passes of each measurement; the best is kept")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "SOURCE", "TARGET"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return 0

    documents = 10_000 if args.quick else 50_000
    source = _input(documents)
    size = source.stat().st_size
    work = DATA / "columnar"
    outputs = {to: work / to for to in ("jsonl", "parquet")}
    parquet = outputs["parquet"] / f"{source.name}.parquet"
    print(f"{source.name}: {size / MB:.0f} MB, {documents:,} documents; best of {args.repeat}, CPU seconds")

    kinds = ["convert-jsonl", "convert-parquet", "table", "table-1-thread", "table-no-body", "articles"]
    runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
    for _ in range(args.repeat):
        for kind in kinds:
            to = kind.removeprefix("convert-")
            target = outputs.get(to, work / "unused")
            runs[kind].append(measure(kind, source if kind.startswith("convert-") else parquet, target))
    best = {kind: _best(found) for kind, found in runs.items()}

    print(f"{'':28} {'CPU s':>7} {'docs/s':>10} {'wall s':>7} {'output MB':>10} {'peak MB':>8}")
    labels = {
        "convert-jsonl": "convert -> jsonl",
        "convert-parquet": "convert -> parquet",
        "table": "Parquet -> Arrow table",
        "table-1-thread": "  the same, one thread",
        "table-no-body": "  without the body columns",
        "articles": "Parquet -> Article records",
    }
    for kind in kinds:
        run = best[kind]
        output = f"{run['output'] / MB:10.1f}" if "output" in run else f"{'':10}"
        print(
            f"{labels[kind]:28} {run['seconds']:7.2f} {run['documents'] / run['seconds']:10,.0f} "
            f"{run['wall']:7.2f} {output} {run['peak_mb']:8.0f}"
        )
    jsonl, pq_run = best["convert-jsonl"], best["convert-parquet"]
    print(
        f"parquet / jsonl: {pq_run['seconds'] / jsonl['seconds']:.2f}x the time, "
        f"{pq_run['output'] / jsonl['output']:.2f}x the size"
    )
    table = best["table"]
    print(
        f"Parquet -> Arrow table: {table['documents'] / table['seconds']:,.0f} articles/s of CPU, "
        f"{table['documents'] / table['wall']:,.0f} articles/s of wall-clock time"
    )

    # Flat memory: the same conversions and read of a file four times as long.
    big = _input(documents * 4)
    print(f"peak memory as the input grows from {size / MB:.0f} MB to {big.stat().st_size / MB:.0f} MB:")
    big_parquet = work / "big-parquet"
    for kind, src, target in (
        ("convert-jsonl", big, work / "big-jsonl"),
        ("convert-parquet", big, big_parquet),
        ("articles", big_parquet / f"{big.name}.parquet", work / "unused"),
    ):
        run = measure(kind, src, target)
        print(f"  {labels[kind]:28} {best[kind]['peak_mb']:6.0f} MB -> {run['peak_mb']:6.0f} MB")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
