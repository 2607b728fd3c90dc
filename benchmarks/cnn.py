"""Articles per second: the cnn-reuters format end to end, with wirecopy's dates and with dateutil's.

Usage::

    python benchmarks/cnn.py [--articles N] [--body-lines L] [--file PATH] [--keep]

Writes N articles in the layout of ``seeds/cnn-reuters-2000-12-30-missile-talks.txt``
into one file (invented, lower-case text: a ``CNN.com -  Headline - Month D,
YYYY`` header, a ``place, country (reuters) --`` dateline, L body lines
wrapped at 73 columns with the three-space hanging indent, a blank line
between articles), then, in the same run and interleaved:

* reads it with ``wirecopy.read(path, "cnn-reuters")``, as shipped;
* reads it again with the header date handed to ``dateutil.parser.parse``
  (explicit ``default``, the rest of the parse unchanged);
* reads it a third time with a date parser that does nothing, to show what
  the rest of the parse costs;

and checks that the first two give the same articles.  It prints articles
per second (best of the passes, in CPU time of this process, so that other
work on a shared machine does not count), MB/s, where the time goes, and the peak
memory of a streaming read (``tracemalloc`` over the first 20,000 articles,
and the process's peak resident size).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateutil import parser as du_parser

import wirecopy
import wirecopy.context
from wirecopy.dates import parse_date

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
    options.add_argument("--repeat", type=int, default=3, help="passes of each parse, the best is kept")
    options.add_argument("--file", type=Path, help="where to write the generated file (default: a temp dir)")
    options.add_argument("--keep", action="store_true", help="keep the generated file")
    args = options.parse_args(argv)
    folder = None
    if args.file is None:
        folder = tempfile.mkdtemp(prefix="wirecopy-bench-")
        path = Path(folder) / "cnn-reuters-bench.txt"
    else:
        path = args.file
    size = generate(path, args.articles, args.body_lines)
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores")
    print(f"{args.articles:,} articles, {args.body_lines} body lines each, {size / 1e6:.1f} MB\n")
    passes: dict[str, list[float]] = {"wirecopy dates": [], "dateutil dates": [], "no date parsing": []}
    parsers = {"wirecopy dates": parse_date, "dateutil dates": _dateutil_date, "no date parsing": _no_date}
    digests: dict[str, str] = {}
    for _ in range(args.repeat):
        for name, parser in parsers.items():
            seconds, count, digest = _read(path, parser)
            assert count == args.articles, (name, count)
            passes[name].append(seconds)
            digests[name] = digest
    print(f"{'parse':18} {'articles/s':>11} {'MB/s':>7} {'s/pass':>7}")
    best = {name: min(times) for name, times in passes.items()}
    for name, seconds in best.items():
        print(f"{name:18} {args.articles / seconds:11,.0f} {size / 1e6 / seconds:7.1f} {seconds:7.2f}")
    ours, theirs, rest = best["wirecopy dates"], best["dateutil dates"], best["no date parsing"]
    print(f"\nspeed-up over the dateutil parse: {theirs / ours:.2f}x")
    print(
        f"share of the time in date parsing: wirecopy {(ours - rest) / ours:.0%}, "
        f"dateutil {(theirs - rest) / theirs:.0%}"
    )
    same = digests["wirecopy dates"] == digests["dateutil dates"]
    print(f"identical articles with either date parser: {'yes' if same else 'NO'}")
    peak = _peak_memory(path, min(args.articles, 20_000))
    print(f"\npeak traced memory streaming {min(args.articles, 20_000):,} articles: {peak / 1e6:.2f} MB")
    print(f"peak resident size of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")
    if args.keep:
        print(f"\nthe file: {path}")
    elif folder is not None:
        shutil.rmtree(folder)
    else:
        path.unlink()
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
