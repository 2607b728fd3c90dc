"""Dates per second: wirecopy's parse_date against dateutil.parser.parse, in one run.

Usage::

    python benchmarks/dates.py [--count N] [--repeat R] [--seed S]

Both parsers read the same mix of news date strings, family by family (the
common families of wire copy: US long and AP forms, ISO 8601 dates and
datetimes, ISO basic, RFC 822, TREC compact dates, Reuters-21578), and every
result is checked to be identical: the same value, the same precision
(a date for a date), the same UTC offset.  dateutil is called as a careful
user calls it: with an explicit ``default`` and a ``tzinfos`` table, so that
it never consults the clock or the machine's zone.

The rate is the best of R timed passes over the N strings of a family, the
passes of the two parsers interleaved, timed in CPU time of this process
(``time.process_time``) so that other work on a shared machine does not
count.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import sys
import time
from collections.abc import Callable

from dateutil import parser as du_parser

from wirecopy.dates import ZONES, format_date, parse_date

DEFAULT = dt.datetime(2000, 1, 1)
TZINFOS = dict(ZONES)


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
    "RFC 822, 2-digit year, GMT": lambda r: (
        _moment(r).replace(year=r.randrange(1987, 1999)).strftime("%a, %d %b %y %H:%M:%S GMT")
    ),
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


def _rates(texts: list[str], repeat: int) -> tuple[float, float]:
    """Strings per second for wirecopy and for dateutil: the best of *repeat* interleaved passes.

    Interleaving the two keeps a burst of load on a shared machine from
    favouring one side.
    """
    best_ours = best_theirs = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            parse_date(text)
        middle = time.process_time()
        for text in texts:
            _dateutil(text)
        end = time.process_time()
        best_ours = min(best_ours, middle - start)
        best_theirs = min(best_theirs, end - middle)
    return len(texts) / best_ours, len(texts) / best_theirs


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table; exit 1 if any result differs."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--count", type=int, default=2000, help="strings per family (default 2000)")
    options.add_argument("--repeat", type=int, default=5, help="timed passes, the best is kept (default 5)")
    options.add_argument("--seed", type=int, default=20001230)
    args = options.parse_args(argv)
    rng = random.Random(args.seed)
    print(f"Python {platform.python_version()} on {platform.machine()} ({platform.processor() or 'unknown cpu'})")
    print(f"{args.count} strings per family, best of {args.repeat} passes\n")
    print(f"{'family':28} {'example':34} {'wirecopy/s':>11} {'dateutil/s':>11} {'ratio':>7}")
    mismatches = 0
    all_texts: list[str] = []
    for name, draw in FAMILIES.items():
        texts = [draw(rng) for _ in range(args.count)]
        all_texts += texts
        for text in texts:
            if not _same(parse_date(text), _dateutil(text)):
                mismatches += 1
                if mismatches <= 10:
                    print(f"  DIFFERENT: {text!r}: {parse_date(text)!r} != {_dateutil(text)!r}")
        ours, theirs = _rates(texts, args.repeat)
        print(f"{name:28} {texts[0]:34} {ours:11,.0f} {theirs:11,.0f} {ours / theirs:6.1f}x")
    rng.shuffle(all_texts)
    ours, theirs = _rates(all_texts, args.repeat)
    print(f"\n{'the whole mix, shuffled':63} {ours:11,.0f} {theirs:11,.0f} {ours / theirs:6.1f}x")
    print(f"\nidentical results: {len(all_texts) - mismatches} of {len(all_texts)}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
