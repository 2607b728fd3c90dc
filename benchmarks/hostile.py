"""Time and memory of every reader on hostile input, as the input doubles.

Usage::

    python benchmarks/hostile.py                 # 1, 2, 4, 8 and 16 MB per case
    python benchmarks/hostile.py --quick         # 1, 2 and 4 MB
    python benchmarks/hostile.py --format trec-sgml --case start-soup
    python benchmarks/hostile.py --json          # also write benchmarks/_data/results/hostile.json

For every format and every case below, the input is built at each size (in
the child, before the clock starts) and read with
``wirecopy.loads(data, format, errors="skip")`` in a fresh process, through
``benchmarks/_harness.py``, with a limit on CPU time (``--limit``) and on
address space (``--memory-limit``): a read that exceeds either is reported
as such, and the larger sizes of that case are not tried.  The limit on CPU
time (60 s, 20 s with ``--quick``) lets a linear reader finish 16 MB at
0.3 MB/s; a wall-clock limit four times as long stops a read that hangs
without using the CPU.

The cases (each built from a small document in the format's own layout:
its *head*, up to where the body text starts, and its *tail*, from there to
the end):

- ``many-tiny``: the small document, over and over;
- ``start-soup``: the smallest thing that starts a document, over and over
  (``<DOC>\\n`` for trec-sgml, ``\\x01`` for the wire formats, an opening
  root tag for XML, a form feed for plain-text);
- ``unclosed``: the head, then lines of words, never closed;
- ``giant-paragraph``: head, lines of words, tail: one huge paragraph (for
  XML, one huge text node);
- ``no-newlines``: head, words with no line break at all, tail (for
  cnn-reuters, the scaled-down 200 MB line);
- ``giant-token``: head, one word with no space or line break, tail;
- ``random-bytes``: bytes from a seeded generator;
- XML only: ``giant-attribute`` (the paragraph's start tag with one huge
  attribute) and ``deep-nesting`` (paragraphs nested as deep as the size
  allows, then closed).

For each case it prints the CPU time of the read at each size, the growth
per doubling (``~`` where both times are too small for their ratio to mean
anything), the peak memory the read added (the child's peak resident
size during the read, less its size before it, which holds the input), and
a verdict against the goal:

- time: at most 2.2x per doubling (steps whose larger time is under
  ``--judge-from`` seconds are too quick to judge; a step that grows too fast
  is measured again, ``--retries`` times, keeping the least CPU, since load
  only ever adds time), no limit reached, and no exception other than a
  ``WirecopyError``;
- memory: flat, that is the read's peak less what the returned articles
  still hold afterwards (its working memory) stays under 16 MB plus
  ``--memory-factor`` times the input, at every size.  Reading a 16 MB text
  node into an article must hold its text a few times over; keeping an
  error record per skipped document, or a tree many times the input, does
  not pass.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import _harness

MB = 1_000_000
GOAL = 2.2
SLACK_MB = 16.0

# -- the shapes of the formats ---------------------------------------------------


@dataclass(frozen=True)
class Shape:
    """A small document of a format, cut where its body text goes."""

    head: bytes
    tail: bytes
    start: bytes
    newline: bytes = b"\n"
    xml: bool = False

    @property
    def tiny(self) -> bytes:
        """The small document, with a short paragraph."""
        return self.head + b"Ferry service resumed on Tuesday." + self.tail


_XML = b'<?xml version="1.0" encoding="UTF-8"?>\n'
SHAPES: dict[str, Shape] = {
    "anpa-1312": Shape(
        b"\x16\x16\x01a0001\x1f-----\r\nr a\x13\x11 BC-Harbour-ferry-resumes     03-14 0009\r\n"
        b"\x02^Harbour ferry resumes<\r\n\t   ",
        b"\r\n\r\n\t   \x03AP-03-14-16 1745GMT<\r\n\r\n\x0c\r\n\x04",
        b"\x01",
        b"\r\n",
    ),
    "iptc-7901": Shape(
        b"\x01a0001 4 i 9  AP 0001\r\n\n\x02Harbour ferry resumes\r\n\n",
        b"\r\n\r\n\x03141745 GMT Mar 16\r\n\x7f\n\x7f\x04",
        b"\x01",
        b"\r\n",
    ),
    "cnn-reuters": Shape(
        b"CNN.com -  Harbour ferry resumes - March 14, 2016\nportland, maine (reuters) -- ",
        b"\n\n",
        b"CNN.com -  Ferry - March 14, 2016\n\n",
    ),
    "cnndm-story": Shape(
        b"PORTLAND, Maine (CNN) -- ",
        b"\n\n@highlight\n\nFerry service resumes\n",
        b"@highlight\n\n",
    ),
    "jsonl": Shape(
        b'{"format": "jsonl", "headline": "Harbour ferry resumes", "paragraphs": ["',
        b'"]}\n',
        b"{",
    ),
    "plain-text": Shape(b"Harbour ferry resumes\n\n", b"\n\x0c\n", b"\x0c\n"),
    "rfc822-news": Shape(
        b"From ada@example.net Tue Mar 16 01:00:00 1993\nFrom: ada@example.net (Ada Quint)\n"
        b"Newsgroups: rec.boats\nSubject: Harbour ferry resumes\nDate: Tue, 16 Mar 1993 01:00:00 GMT\n"
        b"Message-ID: <ferry@example.net>\n\n",
        b"\n\n",
        b"From ada@example.net Tue Mar 16 01:00:00 1993\n",
    ),
    "trec-sgml": Shape(
        b"<DOC>\n<DOCNO> HF-501 </DOCNO>\n<DATE_TIME> 2016-03-14T17:45:00 </DATE_TIME>\n"
        b"<HEADLINE>\nHarbour ferry resumes\n</HEADLINE>\n<TEXT>\n<P>\n",
        b"\n</P>\n</TEXT>\n</DOC>\n",
        b"<DOC>\n",
    ),
    "reuters21578-sgml": Shape(
        b'<REUTERS NEWID="501">\n<DATE>14-MAR-2016 17:45:00.00</DATE>\n<TOPICS></TOPICS>\n'
        b"<TEXT>&#2;\n<TITLE>Harbour ferry resumes</TITLE>\n<BODY>",
        b"\n&#3;</BODY></TEXT>\n</REUTERS>\n",
        b"<REUTERS>\n",
    ),
    "nitf": Shape(
        _XML + b'<nitf version="-//IPTC//DTD NITF 3.6//EN">\n<head>\n<docdata>\n'
        b'<date.issue norm="20160314T174500Z"/>\n</docdata>\n</head>\n<body>\n<body.head>\n'
        b"<hedline><hl1>Harbour ferry resumes</hl1></hedline>\n</body.head>\n<body.content>\n<p>",
        b"</p>\n</body.content>\n</body>\n</nitf>\n",
        b"<nitf>\n",
        xml=True,
    ),
    "newsml-g2": Shape(
        _XML + b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:ferry" '
        b'standard="NewsML-G2" standardversion="2.24">\n<itemMeta>\n<itemClass qcode="ninat:text"/>\n'
        b"<versionCreated>2016-03-14T17:45:00Z</versionCreated>\n</itemMeta>\n<contentMeta>\n"
        b'<headline>Harbour ferry resumes</headline>\n</contentMeta>\n<contentSet>\n<inlineXML contenttype="'
        b'application/nitf+xml">\n<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">\n<body>\n<body.content>\n<p>',
        b"</p>\n</body.content>\n</body>\n</nitf>\n</inlineXML>\n</contentSet>\n</newsItem>\n",
        b"<newsItem>\n",
        xml=True,
    ),
    "newsml-1": Shape(
        _XML + b'<NewsML Version="1.2">\n<NewsEnvelope>\n<DateAndTime>20160314T174500Z</DateAndTime>\n'
        b"</NewsEnvelope>\n<NewsItem>\n<NewsComponent>\n<NewsLines>\n<HeadLine>Harbour ferry resumes</HeadLine>\n"
        b'</NewsLines>\n<ContentItem>\n<MediaType FormalName="Text"/>\n<DataContent>\n<nitf>\n<body>\n'
        b"<body.content>\n<p>",
        b"</p>\n</body.content>\n</body>\n</nitf>\n</DataContent>\n</ContentItem>\n</NewsComponent>\n"
        b"</NewsItem>\n</NewsML>\n",
        b"<NewsML>\n",
        xml=True,
    ),
    "rcv1-xml": Shape(
        b'<?xml version="1.0" encoding="iso-8859-1" ?>\n<newsitem itemid="501" id="root" date="2016-03-14" '
        b'xml:lang="en">\n<title>Harbour ferry resumes</title>\n<headline>Harbour ferry resumes</headline>\n'
        b"<text>\n<p>",
        b"</p>\n</text>\n</newsitem>\n",
        b"<newsitem>\n",
        xml=True,
    ),
}

# -- the cases -------------------------------------------------------------------

_WORDS = b"the harbour ferry council said on Tuesday that boats would run again after the storm".split()


def _words(size: int, newline: bytes | None) -> bytes:
    """*size* bytes of words, in lines of about 70 characters (or one line if *newline* is None)."""
    rng = random.Random(20160314)
    out, width = bytearray(), 0
    while len(out) < min(size, 1 << 16):
        word = rng.choice(_WORDS)
        if newline is not None and width + len(word) > 70:
            out += newline
            width = 0
        elif width:
            out += b" "
        out += word
        width += len(word) + 1
    block = bytes(out) + (newline or b" ")
    return (block * (size // len(block) + 1))[:size]


def _repeat(piece: bytes, size: int) -> bytes:
    return piece * max(1, size // len(piece))


def _fill(shape: Shape, size: int, *, tail: bool = True) -> int:
    return max(0, size - len(shape.head) - (len(shape.tail) if tail else 0))


def _attribute(shape: Shape, size: int) -> bytes:
    # The head of every XML shape ends with the paragraph's start tag.
    value = b"x" * _fill(shape, size - 20)
    return shape.head[:-1] + b' class="' + value + b'">Ferry.' + shape.tail


def _nesting(shape: Shape, size: int) -> bytes:
    depth = _fill(shape, size) // 7
    return shape.head + b"<p>" * depth + b"Ferry." + b"</p>" * depth + shape.tail


#: case name -> (what it is, builder, whether it applies to a shape).
CASES: dict[str, tuple[str, Callable[[Shape, int], bytes], Callable[[Shape], bool]]] = {
    "many-tiny": ("the small document, over and over", lambda s, n: _repeat(s.tiny, n), lambda s: True),
    "start-soup": ("the start of a document, over and over", lambda s, n: _repeat(s.start, n), lambda s: True),
    "unclosed": (
        "a document opened and never closed",
        lambda s, n: s.head + _words(_fill(s, n, tail=False), s.newline),
        lambda s: True,
    ),
    "giant-paragraph": (
        "one paragraph (text node) of the whole size",
        lambda s, n: s.head + _words(_fill(s, n), s.newline) + s.tail,
        lambda s: True,
    ),
    "no-newlines": (
        "words with no line break at all",
        lambda s, n: s.head + _words(_fill(s, n), None) + s.tail,
        lambda s: True,
    ),
    "giant-token": ("one word of the whole size", lambda s, n: s.head + b"x" * _fill(s, n) + s.tail, lambda s: True),
    "random-bytes": ("seeded random bytes", lambda s, n: random.Random(n).randbytes(n), lambda s: True),
    "giant-attribute": ("one attribute of the whole size", _attribute, lambda s: s.xml),
    "deep-nesting": ("paragraphs nested as deep as the size allows", _nesting, lambda s: s.xml),
}


def build(name: str, case: str, size: int) -> bytes:
    """The input of *case* for the format *name*, of about *size* bytes."""
    return CASES[case][1](SHAPES[name], size)


# -- the contender, run in a fresh process by the harness ---------------------------


def read(name: str, case: str, size: int) -> Callable[[], dict[str, Any]]:
    """Build the input (not timed), then time ``wirecopy.loads(data, name, errors="skip")``."""
    import wirecopy

    fmt = wirecopy.get_format(name)  # imported before the clock starts
    data = build(name, case, size)
    kept: list[Any] = []

    def run() -> dict[str, Any]:
        try:
            # The articles are kept until the harness has measured what they hold.
            kept.append(wirecopy.loads(data, fmt, errors="skip"))
        except wirecopy.WirecopyError as err:
            return {"documents": 0, "size": len(data), "raised": f"{type(err).__name__}: {err}"[:200]}
        return {"documents": len(kept[-1]), "size": len(data)}

    return run


# -- the parent ------------------------------------------------------------------


def _measure(name: str, case: str, size: int, args: argparse.Namespace) -> dict[str, Any]:
    """The best of --passes reads of one case at one size."""
    runs = []
    for _ in range(args.passes):
        run = _harness.run_child(
            __file__,
            "read",
            {"name": name, "case": case, "size": size},
            cpu_limit=args.limit,
            timeout=4 * args.limit + 30,
            memory_limit_mb=args.memory_limit,
        )
        if run["status"] == "crashed" and run.get("error") == "MemoryError":
            run["status"] = "memory-limit"
        runs.append(run)
        if run["status"] != "ok":
            break
    ok = [run for run in runs if run["status"] == "ok"]
    if not ok:
        return {"size": size} | runs[-1]
    best = min(ok, key=lambda run: run["cpu"])
    return {
        "size": best.get("size", size),
        "status": "ok",
        "cpu": best["cpu"],
        "peak_mb": best["peak_mb"] - best["base_mb"],
        "kept_mb": max(0.0, best["after_mb"] - best["base_mb"]),
        "documents": best["documents"],
        "raised": best["extra"].get("raised"),
        "load": best["load"],
    }


def _confirm(name: str, case: str, points: list[dict[str, Any]], args: argparse.Namespace) -> None:
    """Measure again both ends of a step that grew too fast, up to --retries times, keeping the least CPU.

    Load on a shared machine only ever adds time, so a step that grew too
    fast once may be noise; one that grows too fast on every try is not.
    """
    for _ in range(args.retries):
        suspects = set()
        for index in range(1, len(points)):
            small, large = points[index - 1], points[index]
            if (
                small["status"] == large["status"] == "ok"
                and args.judge_from <= large["cpu"] < args.limit / 2
                and large["cpu"] / max(small["cpu"], 1e-6) > GOAL
            ):
                suspects |= {index - 1, index}
        if not suspects:
            return
        for index in sorted(suspects):
            again = _measure(name, case, points[index]["size"], args)
            if again["status"] == "ok" and again["cpu"] < points[index]["cpu"]:
                points[index] = again


def _failure(point: dict[str, Any], args: argparse.Namespace) -> str:
    """What stopped a read, in words."""
    at = f"at {point['size'] / MB:.0f} MB"
    status = point["status"]
    if status == "cpu-limit":
        return f"over {args.limit:g} s of CPU {at}"
    if status == "timeout":
        return f"no result after {4 * args.limit + 30:g} s {at}"
    if status == "memory-limit":
        return f"over {args.memory_limit} MB of address space {at}"
    if status == "crashed":
        return f"{point.get('error')} {at}: {point.get('message', '')}"[:160]
    return f"{status} {at} ({point.get('returncode', '')} {point.get('message', '')})"[:160]


def judge(points: list[dict[str, Any]], args: argparse.Namespace) -> dict[str, Any]:
    """Growth per doubling and the verdicts on time and memory for the points of one case."""
    growth: list[float | None] = []
    time_ok, memory_ok, crash_ok, why = True, True, True, []
    for small, large in itertools.pairwise(points):
        if small["status"] != "ok" or large["status"] != "ok":
            continue
        factor = large["cpu"] / max(small["cpu"], 1e-6)
        # Below a few hundredths of a second the ratio of two CPU times is noise.
        growth.append(factor if large["cpu"] >= args.judge_from / 4 else None)
        if large["cpu"] >= args.judge_from and factor > GOAL:
            time_ok = False
            why.append(f"{factor:.2f}x from {small['size'] / MB:.0f} to {large['size'] / MB:.0f} MB")
    for point in points:
        if point["status"] == "ok":
            working = point["peak_mb"] - point["kept_mb"]
            if working > SLACK_MB + args.memory_factor * point["size"] / MB:
                memory_ok = False
                why.append(f"{working:.0f} MB of working memory for {point['size'] / MB:.0f} MB")
            continue
        if point["status"] == "memory-limit":
            memory_ok = False
        elif point["status"] in ("crashed", "killed"):
            crash_ok = False
        else:
            time_ok = False
        why.append(_failure(point, args))
    raised = {point["raised"].partition(":")[0] for point in points if point.get("raised")}
    if raised:
        why.append("raised " + ", ".join(sorted(raised)))
    return {
        "growth": growth,
        "time_ok": time_ok,
        "memory_ok": memory_ok,
        "crash_ok": crash_ok,
        "ok": time_ok and memory_ok and crash_ok,
        "why": "; ".join(why),
    }


def _word(verdict: dict[str, Any]) -> str:
    """``ok``, or ``FAIL`` and what failed."""
    failed = [what for what in ("crash", "time", "memory") if not verdict[f"{what}_ok"]]
    return "ok" if not failed else f"FAIL ({', '.join(failed)})"


def _cell(point: dict[str, Any] | None, key: str) -> str:
    if point is None:
        return "-"
    if point["status"] != "ok":
        if key == "cpu":
            return {"cpu-limit": "limit", "memory-limit": "-", "timeout": "timeout"}.get(point["status"], "crash")
        return "mem" if point["status"] == "memory-limit" else "-"
    return f"{point[key]:.2f}" if key == "cpu" else f"{point[key]:.0f}"


def main(argv: list[str] | None = None) -> int:
    """Run every case of every format and print the table; exit 1 if any case fails its goal."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1, 2 and 4 MB instead of 1 to 16 MB")
    parser.add_argument("--format", action="append", help="only this format (repeatable)")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only this case (repeatable)")
    parser.add_argument(
        "--limit", type=float, help="CPU seconds a read's process may take (default 60, 20 with --quick)"
    )
    parser.add_argument("--memory-limit", type=int, default=2048, help="address space of a child, MB (default 2048)")
    parser.add_argument("--memory-factor", type=float, default=4.0, help="working memory allowed per MB of input")
    parser.add_argument("--judge-from", type=float, default=0.1, help="CPU seconds under which growth is not judged")
    parser.add_argument("--retries", type=int, default=2, help="new tries of a step that grew too fast (default 2)")
    _harness.add_options(parser, passes=1, name="hostile")
    args = parser.parse_args(argv)
    sizes = [MB << k for k in range(3 if args.quick else 5)]
    if args.limit is None:
        args.limit = 20.0 if args.quick else 60.0
    info, load_before = _harness.machine(), _harness.load()
    started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    print(f"hostile input, read with errors='skip'\n{_harness.describe(info)}")
    print(f"load average before: {' '.join(map(str, load_before))}; CPU limit {args.limit:g} s per read")
    head = " ".join(f"{size // MB:>5} MB" for size in sizes)
    peaks = " ".join(f"{size // MB:>4}" for size in sizes)
    print(f"\n{'format':<18} {'case':<16} {'CPU s at':>8} {head}  {'growth':<18} {'peak MB at':>10} {peaks}  verdict")
    unknown = [name for name in args.format or [] if name not in SHAPES]
    if unknown:
        parser.error(f"no shape for {', '.join(unknown)}; known: {', '.join(SHAPES)}")
    results, failed = [], 0
    for name in args.format or list(SHAPES):
        shape = SHAPES[name]
        for case in args.case or list(CASES):
            if not CASES[case][2](shape):
                continue
            points: list[dict[str, Any]] = []
            for size in sizes:
                points.append(_measure(name, case, size, args))
                if points[-1]["status"] != "ok":
                    break
            _confirm(name, case, points, args)
            verdict = judge(points, args)
            failed += not verdict["ok"]
            results.append({"format": name, "case": case, "points": points} | verdict)
            cells = points + [None] * (len(sizes) - len(points))
            growth = " ".join("~" if g is None else f"{g:.1f}" for g in verdict["growth"]) or "-"
            word = _word(verdict)
            times = " ".join(f"{_cell(p, 'cpu'):>8}" for p in cells)
            memory = " ".join(f"{_cell(p, 'peak_mb'):>4}" for p in cells)
            print(
                f"{name:<18} {case:<16} {'':>8} {times}  {growth:<18} {'':>10} {memory}  {word}"
                + (f"  {verdict['why']}" if verdict["why"] else ""),
                flush=True,
            )
    goal = f"growth <= {GOAL}x per doubling, flat memory"
    print(f"\n{len(results) - failed} of {len(results)} cases meet the goal ({goal})")
    print(f"load average after: {' '.join(map(str, _harness.load()))}")
    if args.json is not None:
        _harness.write_json(
            args.json,
            {
                "script": "hostile.py",
                "kind": "hostile",
                "argv": sys.argv[1:],
                "quick": args.quick,
                "started": started,
                "machine": info,
                "load_before": load_before,
                "load_after": _harness.load(),
                "sizes": sizes,
                "limit": args.limit,
                "memory_factor": args.memory_factor,
                "judge_from": args.judge_from,
                "passes": args.passes,
                "cases": results,
            },
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
