"""Articles per second: the cnn-reuters format end to end, with wirecopy's dates and with dateutil's.

Usage::

    python benchmarks/cnn.py [--articles N] [--body-lines L] [--file PATH] [--keep] [--quick] [--json [PATH]]

Writes (once, under ``benchmarks/_data/``, unless ``--file`` says where) N
articles in the layout of ``seeds/cnn-reuters-2000-12-30-missile-talks.txt``
into one file (invented, lower-case text: a ``CNN.com -  Headline - Month D,
YYYY`` header, a ``place, country (reuters) --`` dateline, L body lines
wrapped at 73 columns with the three-space hanging indent, a blank line
between articles), then, in the same run, through ``benchmarks/_harness.py``
(a fresh process per pass, passes interleaved):

* reads it with ``wirecopy.read(path, "cnn-reuters")``, as shipped;
* reads it again with the header date handed to ``dateutil.parser.parse``
  (explicit ``default``, the rest of the parse unchanged);
* reads it a third time with a date parser that does nothing, to show what
  the rest of the parse costs;
* reads it with a hand-written reader, the baseline a user would write for
  this one layout: lines streamed from the file, a blank line ends an
  article, the header line split on its `` - `` separators and its date
  read with ``datetime.strptime``, the indented lines joined into
  paragraphs, a ``place (agency) --`` dateline split off with a regular
  expression, and a dict built per article (no origins, no checks);

and checks that the first two give the same articles.  It prints articles
per second and MB/s (best and median of the passes, in CPU time of the
child, so that other work on a shared machine counts as little as
possible), the ratio to the dateutil read, the share of the time in date
parsing, and the peak memory of a streaming read (each child's peak resident
size, and ``tracemalloc`` over the first 20,000 articles).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import re
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import _harness
from dateutil import parser as du_parser

import wirecopy
import wirecopy.context
from wirecopy.dates import parse_date

DATA = Path(__file__).resolve().parent / "_data"

# An invented vocabulary: no news text.
_VOCABULARY = (
    "the a of to and in said that on for with by was as at from it has have will would its be been which "
    "minister talks plans plan move swiftly establish serious dialogue team defence treaty arms control "
    "government officials statement week month year agreement council committee report budget trade "
    "market shares prices rose fell percent bank rates economy growth policy vote election party leader "
    "president director company group industry workers union strike deal proposal system network project "
    "region border city capital province state national international foreign domestic security talks "
    "expected announced warned agreed refused rejected accepted opened closed signed approved delayed"
)
_WORDS = tuple(_VOCABULARY.split())
_PLACES = (
    ("moscow", "russia"),
    ("london", "england"),
    ("paris", "france"),
    ("berlin", "germany"),
    ("washington", None),
    ("new york", None),
    ("tokyo", "japan"),
    ("beijing", "china"),
    ("cairo", "egypt"),
    ("nairobi", "kenya"),
    ("lima", "peru"),
    ("ottawa", "canada"),
)
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _body(rng: random.Random, lines: int) -> list[str]:
    out: list[str] = []
    for number in range(lines):
        words: list[str] = []
        width = 0
        while True:
            word = rng.choice(_WORDS)
            if width + len(word) + 1 > (70 if number else 45):
                break
            words.append(word)
            width += len(word) + 1
        out.append(("   " if number else "") + " ".join(words))
    return out


def generate(path: Path, articles: int, body_lines: int, seed: int = 20001230) -> int:
    """Write *articles* seed-style articles to *path*; return the number of bytes."""
    rng = random.Random(seed)
    bodies = [_body(rng, body_lines) for _ in range(500)]
    start = dt.date(2000, 1, 1)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for index in range(articles):
            day = start + dt.timedelta(days=rng.randrange(730))
            headline = " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(3, 8))).capitalize()
            place, country = rng.choice(_PLACES)
            body = rng.choice(bodies)
            dateline = f"{place}, {country} (reuters) --" if country else f"{place} (reuters) --"
            if index:
                out.write("\n\n")
            out.write(f"CNN.com -  {headline} - {_MONTHS[day.month - 1]} {day.day}, {day.year}\n")
            out.write(f"{dateline} {body[0]}\n" + "\n".join(body[1:]))
    return path.stat().st_size


_DEFAULT = dt.datetime(2004, 1, 1)


def _dateutil_date(text: str, **options: Any) -> dt.date:
    """The header date through dateutil.parser.parse, as a date (the header holds a day)."""
    return du_parser.parse(text, default=_DEFAULT, dayfirst=options.get("dayfirst", False)).date()


def _no_date(text: str, **options: Any) -> dt.date:
    """No parsing at all: the cost of everything else."""
    return _DEFAULT.date()


def _read(path: Path, date_parser: Callable[..., Any]) -> tuple[float, int, str]:
    """Time one streaming read; return (seconds, articles, digest of what was read)."""
    original = wirecopy.context.parse_date
    wirecopy.context.parse_date = date_parser  # type: ignore[assignment]
    digest = hashlib.blake2b(digest_size=16)
    try:
        start = time.process_time()
        count = 0
        for article in wirecopy.read(path, "cnn-reuters"):
            count += 1
            if count % 97 == 0:
                digest.update(repr((article.headline, article.published, article.dateline)).encode())
        seconds = time.process_time() - start
    finally:
        wirecopy.context.parse_date = original
    return seconds, count, digest.hexdigest()


# -- the contenders, each run in a fresh process by the harness ---------------

_HAND_DATELINE = re.compile(r"([^()]{1,60}?) \(([^()]{1,30})\) -- ")


def _hand_article(lines: list[str]) -> dict[str, Any]:
    """One article of the hand reader: the header split from the right, the date by strptime, the paragraphs joined."""
    source, _, rest = lines[0].partition(" - ")
    headline, _, date_text = rest.rpartition(" - ")
    published = dt.datetime.strptime(date_text.strip(), "%B %d, %Y").date()
    paragraphs: list[list[str]] = []
    for line in lines[1:]:
        if line[:1].isspace() and paragraphs:
            paragraphs[-1].append(line.strip())
        else:
            paragraphs.append([line.strip()])
    texts = [" ".join(words) for words in paragraphs]
    dateline = None
    found = _HAND_DATELINE.match(texts[0]) if texts else None
    if found is not None:
        dateline = {"text": found[0].rstrip(), "place": found[1], "agency": found[2]}
        texts[0] = texts[0][found.end() :]
    return {
        "source": source.strip(),
        "headline": headline.strip(),
        "published": published,
        "dateline": dateline,
        "paragraphs": texts,
    }


def hand(path: str) -> Callable[[], dict[str, Any]]:
    """The hand-written reader: lines streamed, a blank line ends an article, strptime for the date."""

    def run() -> dict[str, Any]:
        count = 0
        digest = hashlib.blake2b(digest_size=16)
        block: list[str] = []
        with open(path, encoding="utf-8") as stream:
            for raw in stream:
                line = raw.rstrip("\n")
                if line.strip():
                    block.append(line)
                    continue
                if block:
                    article = _hand_article(block)
                    count += 1
                    if count % 97 == 0:
                        digest.update(repr((article["headline"], article["published"])).encode())
                    block = []
        if block:
            _hand_article(block)
            count += 1
        return {"documents": count, "digest": digest.hexdigest()}

    return run


_PARSERS: dict[str, Callable[..., Any]] = {"wirecopy": parse_date, "dateutil": _dateutil_date, "none": _no_date}


def read(path: str, dates: str) -> Callable[[], dict[str, Any]]:
    """One streaming read with the date parser named *dates*; the digest lets the parent compare."""
    wirecopy.get_format("cnn-reuters")  # imported before the clock starts

    def run() -> dict[str, Any]:
        _, count, digest = _read(Path(path), _PARSERS[dates])
        return {"documents": count, "digest": digest}

    return run


def _peak_memory(path: Path, limit: int) -> int:
    """Peak traced allocation while streaming the first *limit* articles."""
    tracemalloc.start()
    try:
        reader = wirecopy.read(path, "cnn-reuters")
        for count, _ in enumerate(reader, 1):
            if count >= limit:
                reader.close()
                break
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    """Generate the file, run the passes, print the figures; exit 1 if the two parses differ."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--articles", type=int, default=100_000)
    options.add_argument("--body-lines", type=int, default=30, help="body lines per article (the seed has 30)")
    options.add_argument(
        "--repeat", "--passes", dest="passes", type=int, default=3, help="passes of each read (default 3)"
    )
    options.add_argument("--file", type=Path, help="where to write the generated file (default: benchmarks/_data/)")
    options.add_argument("--keep", action="store_true", help="keep the file given with --file")
    options.add_argument("--quick", action="store_true", help="10,000 articles, 3 passes")
    title = "cnn-reuters: seed-style articles end to end"
    args, bench = _harness.start(__file__, options, argv, title=title)
    if args.quick:
        args.articles = min(args.articles, 10_000)
    path = args.file or DATA / f"cnn-reuters-{args.articles}x{args.body_lines}.txt"
    if args.file is not None or not path.exists():
        with _harness.generating(path) as partial:
            generate(partial, args.articles, args.body_lines)
    size = path.stat().st_size
    group = bench.group(
        "cnn-reuters", f"{args.articles:,} articles, {args.body_lines} body lines each, {size / 1e6:.1f} MB"
    )
    group.add("wirecopy", "wirecopy's dates", "read", size=size, path=str(path), dates="wirecopy")
    group.add(
        "dateutil",
        "the header date through dateutil",
        "read",
        baseline=True,
        size=size,
        path=str(path),
        dates="dateutil",
    )
    group.add("none", "no date parsing (the rest of the read)", "read", size=size, path=str(path), dates="none")
    group.add("hand", "a hand-written reader with strptime", "hand", baseline=True, size=size, path=str(path))
    bench.run(group)
    ours, theirs, rest = (group[key] for key in ("wirecopy", "dateutil", "none"))
    if all("seconds_best" in row for row in (ours, theirs, rest)):
        print(
            f"\nshare of the time in date parsing: wirecopy {1 - rest['seconds_best'] / ours['seconds_best']:.0%}, "
            f"dateutil {1 - rest['seconds_best'] / theirs['seconds_best']:.0%}"
        )
    digests = {
        key: {run.get("extra", {}).get("digest") for run in group[key].get("runs", [])}
        for key in ("wirecopy", "dateutil")
    }
    same = len(digests["wirecopy"] | digests["dateutil"]) == 1 and None not in digests["wirecopy"]
    print(f"identical articles with either date parser: {'yes' if same else 'NO'}")
    bench.note("identical", same)
    limit = min(args.articles, 20_000)
    peak = _peak_memory(path, limit)
    print(f"peak traced memory streaming {limit:,} articles: {peak / 1e6:.2f} MB")
    bench.note("traced_peak_mb", round(peak / 1e6, 2))
    bench.finish()
    if args.keep:
        print(f"\nthe file: {path}")
    elif args.file is not None:
        path.unlink()
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
