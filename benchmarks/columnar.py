"""Benchmark the columnar output: converting to Parquet against JSON Lines, and reading Parquet back.

Usage::

    python benchmarks/columnar.py            # 98 MB file, 5 passes, and 4x the file once
    python benchmarks/columnar.py --quick    # 20 MB file, 3 passes, and 4x the file once
    python benchmarks/columnar.py --json     # also write benchmarks/_data/results/columnar.json

Needs the arrow extra (``pip install -e ".[arrow]"``).  The input is the
Gigaword-style month file of ``benchmarks/sgml.py`` (invented text, 50,000
documents, about 98 MB), generated once under ``benchmarks/_data/``
(git-ignored), with a file four times as long for the memory check.  Every
contender runs through ``benchmarks/_harness.py`` (a fresh process per pass,
passes interleaved, best and median, ratios to the baselines of the same
run, peak memory); the groups are:

- ``convert``: ``wirecopy.convert(file, output=folder, to=..., jobs=1)``,
  reading with ``trec-sgml`` and writing one output file, as ``wirecopy
  convert file -o out/ --to ...`` does, to JSON Lines (the baseline) and to
  Parquet, with the size of each output; and the read alone, nothing
  written, which is what both conversions share.  CPU time, MB/s of input.
- ``Parquet -> Arrow table``: ``pyarrow.parquet.read_table`` of the Parquet
  file written, with pyarrow's threads (the baseline), with one thread, and
  without the body columns (``paragraphs``, ``highlights``).  Wall-clock
  time, since pyarrow's threads are the point; the CPU time of each pass is
  kept beside it.
- ``Parquet -> Article records``: ``wirecopy.read`` of the Parquet file,
  against pyarrow's own ``read_table`` of it (the baseline), the rows
  turned into Python dicts by pyarrow and nothing else (what the reader
  does before it builds an ``Article``), and ``wirecopy.read`` of the JSON
  Lines output.  CPU time.
- ``4x the input``: both conversions and the read back to records of a file
  four times as long, once, for the peak memory.

Imports, and pyarrow's first conversion (which imports pandas when it is
installed: about 0.25 s of CPU and 40 MB), happen before the clock starts:
they are paid once per process, not per file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import _harness

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
WORK = DATA / "columnar"
MB = 1_000_000
_BODY = ("paragraphs", "highlights")
# A read of the Parquet file into a table takes a few hundredths of a second:
# it is repeated until it has taken this much CPU, and the rates count every round.
_MIN_SECONDS = 1.0


def _input(documents: int) -> Path:
    path = DATA / f"gigaword-{documents}.sgml"
    if not path.exists():
        from sgml import generate

        print(f"generating {path.relative_to(HERE.parent)} ...", flush=True)
        generate(path, documents)
    return path


def _warm_up() -> Any:
    """Import pyarrow and make its first array, which imports pandas when it is installed."""
    import pyarrow as pa
    import pyarrow.parquet

    pa.array([])
    return pyarrow.parquet


def _arrow_peak(counted: dict[str, Any]) -> dict[str, Any]:
    """*counted*, with the peak of Arrow's own allocations when pyarrow is in use.

    The process's peak holds what pyarrow's allocator keeps for reuse
    besides what is in use; this says how much Arrow memory was in use at
    most, which is what a row group bounds.
    """
    pa = sys.modules.get("pyarrow")
    if pa is not None:
        pool = pa.default_memory_pool()
        counted["arrow_peak_mb"] = pool.max_memory() / MB
        counted["arrow_pool"] = pool.backend_name
    return counted


def _output(folder: Path) -> Path:
    [found] = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    return found


# -- the contenders, each run in a fresh process by the harness ---------------


def convert(source: str, target: str, to: str) -> Callable[[], dict[str, int]]:
    """Convert *source* into the folder *target*, in format *to*, in this process."""
    import wirecopy

    wirecopy.get_format("trec-sgml")
    wirecopy.get_format(to)
    if to == "parquet":
        import wirecopy.arrow

        _warm_up()
        _ = wirecopy.arrow.ARTICLE_SCHEMA
    out = Path(target)
    shutil.rmtree(out, ignore_errors=True)

    def run() -> dict[str, int]:
        report = wirecopy.convert(source, output=out, to=to, format="trec-sgml", jobs=1, force=True)
        return _arrow_peak({"documents": report.written, "output_bytes": _output(out).stat().st_size})

    return run


def read_input(source: str) -> Callable[[], int]:
    """Read *source* to ``Article`` records and write nothing: what both conversions share."""
    import wirecopy

    fmt = wirecopy.get_format("trec-sgml")

    def run() -> int:
        with wirecopy.read(source, fmt) as reader:
            return sum(1 for _ in reader)

    return run


def table(path: str, threads: bool = True, body: bool = True) -> Callable[[], int]:
    """Read the Parquet file into one Arrow table, with pyarrow's threads or one, with the body columns or not."""
    pq = _warm_up()
    columns = None if body else [name for name in pq.read_schema(path).names if name not in _BODY]

    def run() -> int:
        return int(pq.read_table(path, columns=columns, use_threads=threads).num_rows)

    return run


def dicts(path: str) -> Callable[[], int]:
    """Read the Parquet file as the reader does (row group by row group, 1,024 rows at a time) into Python dicts."""
    pq = _warm_up()
    # The columns the reader asks for: the derived date columns are not read back.
    columns = [name for name in pq.read_schema(path).names if not name.endswith(("_utc", "_day"))]

    def run() -> int:
        count = 0
        parquet = pq.ParquetFile(path)
        for group in range(parquet.num_row_groups):
            rows = parquet.read_row_group(group, columns=columns)
            for start in range(0, rows.num_rows, 1024):
                count += len(rows.slice(start, 1024).to_pylist())
        return count

    return run


def articles(path: str, name: str) -> Callable[[], dict[str, Any]]:
    """Read *path* back into ``Article`` records with ``wirecopy.read``."""
    import wirecopy

    fmt = wirecopy.get_format(name)
    if name == "parquet":
        import wirecopy.arrow

        _warm_up()
        _ = wirecopy.arrow.ARTICLE_SCHEMA

    def run() -> dict[str, Any]:
        with wirecopy.read(path, fmt) as reader:
            return _arrow_peak({"documents": sum(1 for _ in reader)})

    return run


# -- the run ------------------------------------------------------------------


def _output_mb(group: _harness.Group, key: str) -> float | None:
    row = group[key]
    runs = [run for run in row.get("runs", []) if run["status"] == "ok"]
    return runs[-1]["extra"]["output_bytes"] / MB if runs else None


def _conversions(group: _harness.Group, source: Path, folders: dict[str, Path], *, baseline: bool) -> None:
    """Add the conversions of *source* to JSON Lines (the baseline, if *baseline*) and to Parquet."""
    size = source.stat().st_size
    for to, name in (("jsonl", "JSON Lines"), ("parquet", "Parquet")):
        group.add(
            to,
            f"convert to {name}",
            "convert",
            baseline=baseline and to == "jsonl",
            size=size,
            source=str(source),
            target=str(folders[to]),
            to=to,
        )


def main(argv: list[str] | None = None) -> int:
    """Generate the input if needed and print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 20 MB file (and 80 MB for memory), 3 passes")
    title = "columnar output: Parquet against JSON Lines, and Parquet read back"
    args, bench = _harness.start(__file__, parser, argv, title=title, passes=5)
    try:
        import pyarrow
    except ImportError:
        sys.exit('columnar.py needs pyarrow: pip install -e ".[arrow]"')
    bench.note("pyarrow", pyarrow.__version__)

    documents = 10_000 if args.quick else 50_000
    source = _input(documents)
    size = source.stat().st_size
    folders = {to: WORK / to for to in ("jsonl", "parquet")}
    note = f"{source.name}, {size / MB:.0f} MB, {documents:,} documents"

    conversions = bench.group("convert", f"{note}; MB/s of input")
    _conversions(conversions, source, folders, baseline=True)
    conversions.add("read", "read the input only, nothing written", "read_input", size=size, source=str(source))
    bench.run(conversions)
    for to in folders:
        if conversions[to].get("failure"):
            sys.exit(f"the conversion to {to} did not finish: {conversions[to]['failure']}")
    sizes = {to: _output_mb(conversions, to) or 0.0 for to in folders}
    print(f"  output: JSON Lines {sizes['jsonl']:.1f} MB, Parquet {sizes['parquet']:.1f} MB")
    bench.note("parquet_size_over_jsonl", round(sizes["parquet"] / sizes["jsonl"], 3))

    parquet, jsonl = _output(folders["parquet"]), _output(folders["jsonl"])
    note = f"{parquet.name}, {parquet.stat().st_size / MB:.1f} MB, {documents:,} rows"
    tables = bench.group("Parquet -> Arrow table", note)
    timed = {"clock": "wall", "min_seconds": _MIN_SECONDS, "path": str(parquet)}
    tables.add("threads", "read_table, pyarrow's threads", "table", baseline=True, **timed)
    tables.add("one-thread", "read_table, one thread", "table", threads=False, **timed)
    tables.add("no-body", "read_table without the body columns", "table", body=False, **timed)
    bench.run(tables)

    records = bench.group("Parquet -> Article records", note)
    records.add("table", "pyarrow's read_table", "table", baseline=True, min_seconds=_MIN_SECONDS, path=str(parquet))
    records.add(
        "dicts", "pyarrow's rows as Python dicts, no records", "dicts", min_seconds=_MIN_SECONDS, path=str(parquet)
    )
    records.add("articles", "wirecopy.read of the Parquet file", "articles", path=str(parquet), name="parquet")
    records.add("jsonl", "wirecopy.read of the JSON Lines file", "articles", path=str(jsonl), name="jsonl")
    records.compare("articles", "dicts")
    records.compare("articles", "jsonl")
    bench.run(records)

    # Flat memory: the same conversions and read of a file four times as long.
    big = _input(documents * 4)
    big_size = big.stat().st_size
    bigger = {to: WORK / f"big-{to}" for to in ("jsonl", "parquet")}
    larger = bench.group("4x the input", f"{big.name}, {big_size / MB:.0f} MB, {documents * 4:,} documents", passes=1)
    _conversions(larger, big, bigger, baseline=False)
    # Runs after the conversion to Parquet in the same pass, which writes its input.
    larger.add(
        "articles",
        "wirecopy.read of the Parquet file",
        "articles",
        path=str(bigger["parquet"] / f"{big.name}.parquet"),
        name="parquet",
    )
    bench.run(larger)
    print(f"peak memory as the input grows from {size / MB:.0f} MB to {big_size / MB:.0f} MB:")
    for key, group in (("jsonl", conversions), ("parquet", conversions), ("articles", records)):
        print(f"  {key:<10} {group[key].get('peak_mb', 0):6.1f} MB -> {larger[key].get('peak_mb', 0):6.1f} MB")
    bench.finish()
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
