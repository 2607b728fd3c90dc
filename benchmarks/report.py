"""Turn the benchmarks' JSON output into the figures of ``docs/performance.md``.

Usage::

    python benchmarks/sgml.py --json          # and the other scripts, each with --json
    python benchmarks/report.py               # print every block of figures as Markdown
    python benchmarks/report.py --write       # replace the blocks in docs/performance.md

Each script's ``--json`` writes ``benchmarks/_data/results/NAME.json``.  In
``docs/performance.md`` the figures of a script sit between the markers
``<!-- figures: NAME -->`` and ``<!-- /figures: NAME -->``; ``--write``
replaces what is between them and leaves the prose around them alone.  A
block whose JSON is missing is left as it is, with a warning.  Every block
says what machine, commit and load its figures come from, and whether they
come from a ``--quick`` run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "_data" / "results"
PAGE = HERE.parent / "docs" / "performance.md"
_BLOCK = re.compile(r"(<!-- figures: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- /figures: (?P=name) -->)", re.DOTALL)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _ratio(value: float) -> str:
    return f"{value:.2f}x" if value >= 1 else f"{value:.3f}"


def caption(results: dict[str, Any]) -> str:
    """Where and how the figures were taken, in one paragraph."""
    info = results["machine"]
    passes = results.get("passes", 1)
    clock = "CPU time of each child process"
    groups = results.get("groups", [])
    clocks = {c.get("clock", "cpu") for g in groups for c in g["contenders"]}
    if clocks == {"wall"}:
        clock = "wall-clock time"
    elif "wall" in clocks:
        clock = "CPU time of each child process, wall-clock time where a row says so"
    quick = " A `--quick` run: small inputs, figures for checking, not for quoting." if results.get("quick") else ""
    args = " ".join(results.get("argv", []))
    command = f"`python benchmarks/{results['script']}{' ' + args if args else ''}`"
    timing = (
        f"{passes} {'pass' if passes == 1 else 'passes'} per contender, each in a fresh process, interleaved; "
        f"{clock}, best and median."
        if groups
        else f"one fresh process per read, best of {passes}; CPU time of the read."
    )
    return (
        f"{command}, {results.get('started', '')[:10] or 'undated'}: {info['cpu']}, {info['cores']} cores, "
        f"Python {info['python']}, wirecopy {info['wirecopy']} (commit `{info['commit']}`); load average "
        f"{' / '.join(map(str, results['load_before']))} before and "
        f"{' / '.join(map(str, results['load_after']))} after. {timing}{quick}"
    )


def _ratios(group: dict[str, Any], key: str) -> str:
    cells = [
        f"{r['baseline']} {_ratio(r['best'])} / {_ratio(r['median'])}" for r in group["ratios"] if r["contender"] == key
    ]
    return "; ".join(cells)


def _with_notes(lines: list[str], results: dict[str, Any]) -> str:
    """The table's lines, then what the script noted (library versions, checks, contenders left out)."""
    notes = results.get("notes", {})
    extra = [f"- {key}: {value}" for key, value in notes.items() if key != "left_out"]
    extra += [f"- left out: {label} ({reason})" for label, reason in notes.get("left_out", {}).items()]
    return "\n".join([*lines, "", *extra] if extra else lines)


def _contender_rows(
    results: dict[str, Any], columns: int, cells: Callable[[dict[str, Any], dict[str, Any]], str]
) -> list[str]:
    """A table row per contender: its group (on the first row of a group), its label, then ``cells(group, row)``."""
    lines = []
    for group in results["groups"]:
        name = group["name"]
        for row in group["contenders"]:
            label = f"{row['label']} (`{row['key']}`{', baseline' if row['baseline'] else ''})"
            if "docs_s_best" not in row:
                failure = row.get("failure") or {}
                status = failure.get("status", "?")
                lines.append(f"| {name} | {label} | did not finish: {status} |" + " |" * (columns - 3))
            else:
                lines.append(f"| {name} | {label} | {cells(group, row)} |")
            name = ""
    return lines


def throughput(results: dict[str, Any]) -> str:
    """One row per contender: MB/s, documents/s, peak memory, ratios to each baseline."""
    lines = [
        "| Group | Contender | MB/s best | MB/s median | documents/s best | documents/s median | peak MB "
        "| ratio to each baseline, best / median |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    lines += _contender_rows(
        results,
        8,
        lambda group, row: (
            f"{_number(row.get('mb_s_best'))} | {_number(row.get('mb_s_median'))} "
            f"| {row['docs_s_best']:,.0f} | {row['docs_s_median']:,.0f} | {row['peak_mb']:.1f} "
            f"| {_ratios(group, row['key'])}"
        ),
    )
    return _with_notes(lines, results)


def side_by_side(results: dict[str, Any]) -> str:
    """One row per group, for groups of one contender and one baseline (the date families)."""
    lines = [
        "| Family | Example | wirecopy/s best | wirecopy/s median | baseline/s best | baseline/s median "
        "| ratio best | ratio median |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for group in results["groups"]:
        ours = next(c for c in group["contenders"] if not c["baseline"])
        theirs = next(c for c in group["contenders"] if c["baseline"])
        ratio = group["ratios"][0] if group["ratios"] else {"best": 0.0, "median": 0.0}
        example = f"`{group['note'].removeprefix('e.g. ')}`" if group["note"] else ""
        lines.append(
            f"| {group['name']} | {example} | {ours.get('docs_s_best', 0):,.0f} | {ours.get('docs_s_median', 0):,.0f} "
            f"| {theirs.get('docs_s_best', 0):,.0f} | {theirs.get('docs_s_median', 0):,.0f} "
            f"| {_ratio(ratio['best'])} | {_ratio(ratio['median'])} |"
        )
    return _with_notes(lines, results)


def hostile(results: dict[str, Any]) -> str:
    """One row per format and case: CPU time and peak memory at each size, growth, verdict."""
    sizes = [size // 1_000_000 for size in results["sizes"]]
    lines = [
        f"| Format | Case | CPU s at {', '.join(map(str, sizes))} MB | growth per doubling "
        f"| peak MB at {', '.join(map(str, sizes))} MB | verdict |",
        "|---|---|---|---|---|---|",
    ]
    cells = {"cpu-limit": "limit", "memory-limit": "mem", "timeout": "timeout"}
    for case in results["cases"]:
        times, peaks = [], []
        for point in case["points"]:
            ok = point["status"] == "ok"
            times.append(f"{point['cpu']:.2f}" if ok else cells.get(point["status"], "crash"))
            peaks.append(f"{point['peak_mb']:.0f}" if ok else "-")
        growth = " ".join("~" if g is None else f"{g:.1f}" for g in case["growth"]) or "-"
        verdict = "ok" if case["ok"] else "**fails**"
        if case["why"]:
            verdict += f": {case['why']}"
        lines.append(
            f"| {case['format']} | {case['case']} | {' '.join(times)} | {growth} | {' '.join(peaks)} | {verdict} |"
        )
    passed = sum(case["ok"] for case in results["cases"])
    lines += ["", f"{passed} of {len(results['cases'])} cases meet the goal."]
    return "\n".join(lines)


def _seconds(row: dict[str, Any], clock: str) -> float | None:
    """The best seconds of one round of a contender's passes on *clock*, whichever clock it was ranked by."""
    runs = [run for run in row.get("runs", []) if run.get("status") == "ok"]
    return min(run[clock] / run.get("rounds", 1) for run in runs) if runs else None


def _start(row: dict[str, Any]) -> float:
    """The child's resident size when the work started (imports and input loaded), at least."""
    return min(run.get("base_mb", 0.0) for run in row.get("runs", []) if run.get("status") == "ok")


def _extra(row: dict[str, Any], key: str) -> Any:
    runs = [run for run in row.get("runs", []) if run.get("status") == "ok"]
    return max((run["extra"][key] for run in runs if key in run.get("extra", {})), default=None)


def _verdict(met: bool) -> str:
    return "met" if met else "**not met**"


def _columnar_goals(groups: dict[str, dict[str, dict[str, Any]]]) -> list[str]:
    """Issue 17's goals for the benchmark, each with its figures from this run and whether it is met."""
    lines = []
    convert, tables = groups.get("convert", {}), groups.get("Parquet -> Arrow table", {})
    larger = groups.get("4x the input", {})
    jsonl, parquet = convert.get("jsonl", {}), convert.get("parquet", {})
    if "docs_s_best" in jsonl and "docs_s_best" in parquet:
        best = parquet["docs_s_best"] / jsonl["docs_s_best"]
        median = parquet["docs_s_median"] / jsonl["docs_s_median"]
        lines.append(
            f"- Converting to Parquet at least as fast as to JSON Lines: {_ratio(best)} best, {_ratio(median)} "
            f"median of JSON Lines' rate (CPU time): {_verdict(best >= 1 and median >= 1)}."
        )
    sizes = {key: _extra(row, "output_bytes") for key, row in convert.items()}
    if sizes.get("jsonl") and sizes.get("parquet"):
        share = sizes["parquet"] / sizes["jsonl"]
        lines.append(
            f"- Parquet (zstd) at most half the size of JSON Lines: {sizes['parquet'] / 1e6:.1f} MB against "
            f"{sizes['jsonl'] / 1e6:.1f} MB, {_ratio(share)} of it: {_verdict(share <= 0.5)}."
        )
    threads = tables.get("threads", {})
    if "docs_s_best" in threads:
        cells = []
        for key, what in (("threads", "with pyarrow's threads"), ("one-thread", "one thread"), ("no-body", "no body")):
            row = tables.get(key, {})
            if "docs_s_best" in row:
                cpu = row["documents"] / (_seconds(row, "cpu") or 1e-9)
                cells.append(
                    f"{what} {row['docs_s_best']:,.0f} (median {row['docs_s_median']:,.0f}; {cpu:,.0f} per CPU second)"
                )
        lines.append(
            f"- Parquet read back into an Arrow table at over 1,000,000 articles/s (wall clock, best): "
            f"{'; '.join(cells)}: {_verdict(threads['docs_s_best'] > 1_000_000)} with the body columns"
            + (
                f", {_verdict(tables['no-body'].get('docs_s_best', 0) > 1_000_000)} without them."
                if "no-body" in tables
                else "."
            )
        )
    cells = []
    for key, group in (
        ("jsonl", convert),
        ("parquet", convert),
        ("articles", groups.get("Parquet -> Article records", {})),
    ):
        small, big = group.get(key, {}), larger.get(key, {})
        if "peak_mb" in small and "peak_mb" in big:
            cell = f"{small['label']}: {small['peak_mb']:.0f} -> {big['peak_mb']:.0f} MB"
            arrow = (_extra(small, "arrow_peak_mb"), _extra(big, "arrow_peak_mb"))
            if None not in arrow:
                cell += f" (Arrow's own allocations {arrow[0]:.0f} -> {arrow[1]:.0f} MB)"
            cells.append(cell)
    if cells:
        lines.append(f"- Peak memory as the input grows 4x: {'; '.join(cells)}.")
    return lines


def columnar(results: dict[str, Any]) -> str:
    """``columnar.py``: rates on each row's clock, CPU and wall seconds, output sizes, and issue 17's goals."""
    lines = [
        "| Group | Contender | clock | articles/s best | articles/s median | MB/s of input best | CPU s / wall s, best "
        "| output MB | peak MB (at the start) | ratio to each baseline, best / median |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]

    def cells(group: dict[str, Any], row: dict[str, Any]) -> str:
        output = _extra(row, "output_bytes")
        return (
            f"{row['clock']} | {row['docs_s_best']:,.0f} | {row['docs_s_median']:,.0f} "
            f"| {_number(row.get('mb_s_best'))} | {_seconds(row, 'cpu'):.3f} / {_seconds(row, 'wall'):.3f} "
            f"| {'' if output is None else f'{output / 1e6:.1f}'} | {row['peak_mb']:.0f} ({_start(row):.0f}) "
            f"| {_ratios(group, row['key'])}"
        )

    lines += _contender_rows(results, 10, cells)
    groups = {group["name"]: {row["key"]: row for row in group["contenders"]} for group in results["groups"]}
    goals = _columnar_goals(groups)
    table = _with_notes(lines, results)
    return "\n".join([table, "", "Against the goals of issue 17, from this run:", "", *goals]) if goals else table


def render(results: dict[str, Any]) -> str:
    """The Markdown block for one script's results."""
    if results.get("kind") == "hostile":
        body = hostile(results)
    elif results.get("script") == "columnar.py":
        body = columnar(results)
    elif results["groups"] and all(
        len(g["contenders"]) == 2 and not any(c.get("size") for c in g["contenders"]) for g in results["groups"]
    ):
        body = side_by_side(results)
    else:
        body = throughput(results)
    return f"{caption(results)}\n\n{body}\n"


def main(argv: list[str] | None = None) -> int:
    """Print the blocks, or write them into the page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder of the JSON files")
    parser.add_argument("--write", nargs="?", type=Path, const=PAGE, metavar="PAGE", help="replace the blocks in PAGE")
    args = parser.parse_args(argv)
    blocks = {path.stem: render(json.loads(path.read_text("utf-8"))) for path in sorted(args.results.glob("*.json"))}
    if args.write is None:
        for name, block in blocks.items():
            print(f"<!-- figures: {name} -->\n{block}<!-- /figures: {name} -->\n")
        return 0
    page = args.write.read_text("utf-8")

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in blocks:
            print(f"warning: no {name}.json in {args.results}: its figures are left as they are", file=sys.stderr)
            return match[0]
        return f"{match[1]}{blocks[name]}{match[4]}"

    found = {match["name"] for match in _BLOCK.finditer(page)}
    for name in sorted(set(blocks) - found):
        print(f"warning: {args.write} has no block for {name}", file=sys.stderr)
    args.write.write_text(_BLOCK.sub(replace, page), encoding="utf-8")
    print(f"{args.write}: {len(found & set(blocks))} blocks written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
