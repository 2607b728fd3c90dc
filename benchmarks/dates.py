"""Dates per second: wirecopy's parse_date against dateutil.parser.parse, in one run.

Usage::

    python benchmarks/dates.py [--count N] [--repeat R] [--seed S]

Both parsers read the same mix of news date strings, family by family (the
common families of wire copy: US long and AP forms, British day-month-year,
ISO 8601 dates and datetimes, ISO basic, RFC 822, US numeric, TREC compact
dates, Reuters-21578, and AP's year-less ``Dec. 30``), and every result is
checked to be identical: the same value, the same precision (a date for a
date), the same UTC offset.  dateutil is called as a careful user calls it:
with an explicit ``default`` and a ``tzinfos`` table, so that it never
consults the clock or the machine's zone.  A year-less date is read by
wirecopy against a reference date (the story's date, here up to 150 days
away from it) and by dateutil with a default in the right year.

The rate is the best of R timed passes over the N strings of a family, the
passes of the two parsers interleaved, timed in CPU time of this process
(``time.process_time``) so that other work on a shared machine does not
count.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import sys
import time
from collections.abc import Callable
from typing import NamedTuple

from dateutil import parser as du_parser

from wirecopy.dates import ZONES, format_date, parse_date

DEFAULT = dt.datetime(2000, 1, 1)
TZINFOS = dict(ZONES)


def _moment(rng: random.Random) -> dt.datetime:
    start = dt.datetime(1987, 1, 1)
    return start + dt.timedelta(seconds=rng.randrange(0, 34 * 365 * 86400))


def _in_year(moment: dt.datetime, year: int) -> dt.datetime:
    """*moment* moved to *year*, 29 February to the 28th where the year has none."""
    if moment.month == 2 and moment.day == 29:
        moment = moment.replace(day=28)
    return moment.replace(year=year)


def _zone(rng: random.Random) -> dt.timezone:
    return dt.timezone(dt.timedelta(minutes=rng.choice([0, 60, 120, -300, -240, -480, 330, 600, 660])))


class Case(NamedTuple):
    """One string, with the reference wirecopy reads it against and dateutil's default."""

    text: str
    reference: dt.date | None = None
    default: dt.datetime = DEFAULT


def _year_less(rng: random.Random) -> Case:
    """AP's month and day without a year, and a story date up to 150 days away."""
    day = _moment(rng).date()
    reference = day + dt.timedelta(days=rng.randrange(-150, 151))
    return Case(format_date(day, "ap").rsplit(",", 1)[0], reference, dt.datetime(day.year, 1, 1))


#: family name -> a function that draws one string (or one Case) of that family.
FAMILIES: dict[str, Callable[[random.Random], str | Case]] = {
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
    "RFC 822, 2-digit year, GMT": lambda r: _in_year(_moment(r), r.randrange(1987, 1999)).strftime(
        "%a, %d %b %y %H:%M:%S GMT"
    ),
    "TREC compact YYYYMMDD": lambda r: _moment(r).strftime("%Y%m%d"),
    "D Month YYYY": lambda r: format_date(_moment(r).date(), "day-month-year"),
    "Weekday, D Month YYYY": lambda r: (lambda d: f"{d:%A}, {format_date(d, 'day-month-year')}")(_moment(r).date()),
    "US numeric MM/DD/YYYY": lambda r: format_date(_moment(r).date(), "us-slash"),
    "US numeric, HH:MM": lambda r: _moment(r).strftime("%m/%d/%Y %H:%M"),
    "AP Mon. D, no year": _year_less,
    "Reuters-21578": lambda r: format_date(_moment(r).replace(microsecond=r.randrange(100) * 10000), "reuters21578"),
}


def _dateutil(text: str, default: dt.datetime = DEFAULT) -> dt.datetime:
    """dateutil as a careful user calls it."""
    return du_parser.parse(text, default=default, tzinfos=TZINFOS)


def _same(ours: dt.date, theirs: dt.datetime) -> bool:
    """The same value: a date is dateutil's midnight without a zone; a time has the same offset."""
    if not isinstance(ours, dt.datetime):
        return theirs.time() == dt.time(0) and theirs.tzinfo is None and theirs.date() == ours
    return (
        ours == theirs
        and ours.utcoffset() == theirs.utcoffset()
        and ours.replace(tzinfo=None) == theirs.replace(tzinfo=None)
    )


def _rates(cases: list[Case], repeat: int) -> tuple[float, float]:
    """Strings per second for wirecopy and for dateutil: the best of *repeat* interleaved passes.

    Interleaving the two keeps a burst of load on a shared machine from
    favouring one side.
    """
    best_ours = best_theirs = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text, reference, _ in cases:
            parse_date(text, reference=reference)
        middle = time.process_time()
        for text, _, default in cases:
            _dateutil(text, default)
        end = time.process_time()
        best_ours = min(best_ours, middle - start)
        best_theirs = min(best_theirs, end - middle)
    return len(cases) / best_ours, len(cases) / best_theirs


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table; exit 1 if any result differs."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--count", type=int, default=2000, help="strings per family (default 2000)")
    options.add_argument("--repeat", type=int, default=5, help="timed passes, the best is kept (default 5)")
    options.add_argument("--seed", type=int, default=20001230)
    args = options.parse_args(argv)
    rng = random.Random(args.seed)
    print(f"Python {platform.python_version()} on {platform.machine()} ({platform.processor() or 'unknown cpu'})")
    # A loaded machine lowers the ratios: the faster parser loses more to
    # cache misses when other processes share the caches.
    if hasattr(os, "getloadavg"):
        print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{args.count} strings per family, best of {args.repeat} passes\n")
    print(f"{'family':28} {'example':34} {'wirecopy/s':>11} {'dateutil/s':>11} {'ratio':>7}")
    mismatches = 0
    all_cases: list[Case] = []
    for name, draw in FAMILIES.items():
        cases = [case if isinstance(case, Case) else Case(case) for case in (draw(rng) for _ in range(args.count))]
        all_cases += cases
        for text, reference, default in cases:
            ours, theirs = parse_date(text, reference=reference), _dateutil(text, default)
            if not _same(ours, theirs):
                mismatches += 1
                if mismatches <= 10:
                    print(f"  DIFFERENT: {text!r}: {ours!r} != {theirs!r}")
        ours_rate, theirs_rate = _rates(cases, args.repeat)
        example = cases[0].text
        print(f"{name:28} {example:34} {ours_rate:11,.0f} {theirs_rate:11,.0f} {ours_rate / theirs_rate:6.1f}x")
    rng.shuffle(all_cases)
    ours_rate, theirs_rate = _rates(all_cases, args.repeat)
    print(f"\n{'the whole mix, shuffled':63} {ours_rate:11,.0f} {theirs_rate:11,.0f} {ours_rate / theirs_rate:6.1f}x")
    print(f"\nidentical results: {len(all_cases) - mismatches} of {len(all_cases)}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
