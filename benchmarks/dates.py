"""Dates per second: wirecopy's parse_date against dateutil.parser.parse, in one run.

Usage::

    python benchmarks/dates.py [--count N] [--repeat R] [--seed S] [--quick] [--json [PATH]]

Both parsers read the same mix of news date strings, family by family (the
common families of wire copy: US long and AP forms, ISO 8601 dates and
datetimes, ISO basic, RFC 822, TREC compact dates, Reuters-21578), and every
result is checked to be identical: the same value, the same precision
(a date for a date), the same UTC offset.  dateutil is called as a careful
user calls it: with an explicit ``default`` and a ``tzinfos`` table, so that
it never consults the clock or the machine's zone.

The strings are drawn here and saved under ``benchmarks/_data/``; each
parser runs through ``benchmarks/_harness.py``: R passes per family, each in
a fresh process, the two parsers' passes interleaved, timed in CPU time of
the child (``time.process_time``) so that other work on a shared machine
counts as little as possible.  A pass parses the family's N strings over and
over until it has taken 0.3 s of CPU, and the rate is strings per second;
the best and the median of the passes are printed, with the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

import _harness
from dateutil import __version__ as du_version
from dateutil import parser as du_parser

from wirecopy.dates import ZONES, format_date, parse_date

DATA = Path(__file__).resolve().parent / "_data"
MIX = "the whole mix, shuffled"

DEFAULT = dt.datetime(2000, 1, 1)
TZINFOS = dict(ZONES)
MONTHS = (
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


def _moment(rng: random.Random) -> dt.datetime:
    start = dt.datetime(1987, 1, 1)
    return start + dt.timedelta(seconds=rng.randrange(0, 34 * 365 * 86400))


def _zone(rng: random.Random) -> dt.timezone:
    return dt.timezone(dt.timedelta(minutes=rng.choice([0, 60, 120, -300, -240, -480, 330, 600, 660])))


#: family name -> a function that draws one string of that family.
FAMILIES: dict[str, Callable[[random.Random], str]] = {
    "Month D, YYYY": lambda r: format_date(_moment(r).date(), "us-long"),
    "AP Mon. D, YYYY": lambda r: format_date(_moment(r).date(), "ap"),
    "Weekday, Month D, YYYY": lambda r: (lambda d: f"{d:%A}, {format_date(d, 'us-long')}")(_moment(r).date()),
    "ISO date": lambda r: format_date(_moment(r).date(), "iso"),
    "ISO datetime, offset": lambda r: format_date(_moment(r).replace(tzinfo=_zone(r)), "iso"),
    "ISO datetime, no colon": lambda r: _moment(r).replace(tzinfo=_zone(r)).strftime("%Y-%m-%dT%H:%M:%S%z"),
    "ISO datetime, Z and ms": lambda r: _moment(r).strftime("%Y-%m-%dT%H:%M:%S.") + f"{r.randrange(1000):03d}Z",
    "ISO datetime, naive": lambda r: _moment(r).strftime("%Y-%m-%d %H:%M"),
    "ISO basic (NITF)": lambda r: format_date(_moment(r).replace(tzinfo=_zone(r)), "iso-basic"),
    "RFC 822": lambda r: format_date(_moment(r).replace(tzinfo=_zone(r)), "rfc822"),
    # The day is capped at 28: a 29 February moved to another year does not exist.
    "RFC 822, 2-digit year, GMT": lambda r: (lambda m: m.replace(year=r.randrange(1987, 1999), day=min(m.day, 28)))(
        _moment(r)
    ).strftime("%a, %d %b %y %H:%M:%S GMT"),
    "TREC compact YYYYMMDD": lambda r: _moment(r).strftime("%Y%m%d"),
    "Reuters-21578": lambda r: format_date(_moment(r).replace(microsecond=r.randrange(100) * 10000), "reuters21578"),
}


def _dateutil(text: str) -> dt.datetime:
    """dateutil as a careful user calls it."""
    return du_parser.parse(text, default=DEFAULT, tzinfos=TZINFOS)


def _same(ours: dt.date, theirs: dt.datetime) -> bool:
    """The same value: a date is dateutil's midnight without a zone; a time has the same offset."""
    if not isinstance(ours, dt.datetime):
        return theirs.time() == dt.time(0) and theirs.tzinfo is None and theirs.date() == ours
    return (
        ours == theirs
        and ours.utcoffset() == theirs.utcoffset()
        and ours.replace(tzinfo=None) == theirs.replace(tzinfo=None)
    )


# -- the contenders, each run in a fresh process by the harness ---------------


def _texts(path: str, family: str) -> list[str]:
    strings: list[str] = json.loads(Path(path).read_text(encoding="utf-8"))[family]
    return strings


def ours(path: str, family: str) -> Callable[[], int]:
    """``wirecopy.parse_date`` over the strings of *family* (loaded before the clock starts)."""
    texts = _texts(path, family)

    def run() -> int:
        for text in texts:
            parse_date(text)
        return len(texts)

    return run


def theirs(path: str, family: str) -> Callable[[], int]:
    """``dateutil.parser.parse``, as a careful user calls it, over the same strings."""
    texts = _texts(path, family)

    def run() -> int:
        for text in texts:
            _dateutil(text)
        return len(texts)

    return run


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table; exit 1 if any result differs."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--count", type=int, default=2000, help="strings per family (default 2000)")
    options.add_argument(
        "--repeat", "--passes", dest="passes", type=int, default=5, help="passes of each parser (default 5)"
    )
    options.add_argument("--seed", type=int, default=20001230)
    options.add_argument("--quick", action="store_true", help="500 strings per family, 2 passes")
    title = "dates: wirecopy.parse_date against dateutil"
    args, bench = _harness.start(__file__, options, argv, title=title, quick_passes=2)
    if args.quick:
        args.count = min(args.count, 500)
    bench.note("dateutil", du_version)
    rng = random.Random(args.seed)
    families: dict[str, list[str]] = {}
    mismatches = 0
    for name, draw in FAMILIES.items():
        texts = families[name] = [draw(rng) for _ in range(args.count)]
        for text in texts:
            if not _same(parse_date(text), _dateutil(text)):
                mismatches += 1
                if mismatches <= 10:
                    print(f"  DIFFERENT: {text!r}: {parse_date(text)!r} != {_dateutil(text)!r}")
    mix = [text for texts in families.values() for text in texts]
    rng.shuffle(mix)
    families[MIX] = mix
    path = DATA / f"dates-{args.seed}-{args.count}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(families), encoding="utf-8")
    # Each pass parses the strings over and over until it has taken this much
    # CPU time: one pass over 2,000 strings takes 2 ms, too little to time.
    least = 0.1 if args.quick else 0.3
    for name, texts in families.items():
        group = bench.group(name, "" if name == MIX else f"e.g. {texts[0]}")
        group.add(
            "dateutil", "dateutil.parser.parse", "theirs", baseline=True, min_seconds=least, path=str(path), family=name
        )
        group.add("wirecopy", "wirecopy.parse_date", "ours", min_seconds=least, path=str(path), family=name)
        bench.run(group)
    print(f"\nidentical results: {len(mix) - mismatches} of {len(mix)}")
    bench.note("identical", [len(mix) - mismatches, len(mix)])
    bench.finish()
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
