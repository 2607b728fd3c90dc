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
    if any(c.get("clock") == "wall" for g in groups for c in g["contenders"]):
        clock = "wall-clock time"
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


def throughput(results: dict[str, Any]) -> str:
    """One row per contender: MB/s, documents/s, peak memory, ratios to each baseline."""
    lines = [
        "| Group | Contender | MB/s best | MB/s median | documents/s best | documents/s median | peak MB "
        "| ratio to each baseline, best / median |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for group in results["groups"]:
        name = group["name"]
        for row in group["contenders"]:
            label = f"{row['label']} (`{row['key']}`{', baseline' if row['baseline'] else ''})"
            if "docs_s_best" not in row:
                failure = row.get("failure") or {}
                lines.append(f"| {name} | {label} | did not finish: {failure.get('status', '?')} | | | | | |")
            else:
                lines.append(
                    f"| {name} | {label} | {_number(row.get('mb_s_best'))} | {_number(row.get('mb_s_median'))} "
                    f"| {row['docs_s_best']:,.0f} | {row['docs_s_median']:,.0f} | {row['peak_mb']:.1f} "
                    f"| {_ratios(group, row['key'])} |"
                )
            name = ""
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


def render(results: dict[str, Any]) -> str:
    """The Markdown block for one script's results."""
    if results.get("kind") == "hostile":
        body = hostile(results)
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
