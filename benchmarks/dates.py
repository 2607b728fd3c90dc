"""Dates per second: wirecopy's parse_date against dateutil.parser.parse, in one run.

Usage::

    python benchmarks/dates.py [--count N] [--repeat R] [--seed S] [--quick] [--json [PATH]]

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
from typing import NamedTuple

import _harness
from dateutil import __version__ as du_version
from dateutil import parser as du_parser

from wirecopy.dates import ZONES, format_date, parse_date

DATA = Path(__file__).resolve().parent / "_data"
MIX = "the whole mix, shuffled"

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


# -- the contenders, each run in a fresh process by the harness ---------------


def _cases(path: str, family: str) -> list[Case]:
    # Loaded in the child, in the family's order: the strings of the shuffled
    # mix are allocated in the order they are parsed, as a real file's are.
    rows = json.loads(Path(path).read_text(encoding="utf-8"))[family]
    return [_case(row) for row in rows]


def _row(case: Case) -> list[str | None]:
    return [case.text, None if case.reference is None else case.reference.isoformat(), case.default.isoformat()]


def _case(row: list[str | None]) -> Case:
    text, reference, default = row
    assert text is not None and default is not None
    return Case(
        text, None if reference is None else dt.date.fromisoformat(reference), dt.datetime.fromisoformat(default)
    )


def ours(path: str, family: str) -> Callable[[], int]:
    """``wirecopy.parse_date`` over the strings of *family* (loaded before the clock starts)."""
    cases = _cases(path, family)

    def run() -> int:
        for text, reference, _ in cases:
            parse_date(text, reference=reference)
        return len(cases)

    return run


def theirs(path: str, family: str) -> Callable[[], int]:
    """``dateutil.parser.parse``, as a careful user calls it, over the same strings."""
    cases = _cases(path, family)

    def run() -> int:
        for text, _, default in cases:
            _dateutil(text, default)
        return len(cases)

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
    families: dict[str, list[Case]] = {}
    mismatches = 0
    for name, draw in FAMILIES.items():
        cases = families[name] = [c if isinstance(c, Case) else Case(c) for c in (draw(rng) for _ in range(args.count))]
        for text, reference, default in cases:
            mine, other = parse_date(text, reference=reference), _dateutil(text, default)
            if not _same(mine, other):
                mismatches += 1
                if mismatches <= 10:
                    print(f"  DIFFERENT: {text!r}: {mine!r} != {other!r}")
    mix = [case for cases in families.values() for case in cases]
    rng.shuffle(mix)
    families[MIX] = mix
    path = DATA / f"dates-{args.seed}-{args.count}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = {name: [_row(case) for case in cases] for name, cases in families.items()}
    path.write_text(json.dumps(rows), encoding="utf-8")
    # Each pass parses the strings over and over until it has taken this much
    # CPU time: one pass over 2,000 strings takes 2 ms, too little to time.
    least = 0.1 if args.quick else 0.3
    for name, texts in families.items():
        group = bench.group(name, "" if name == MIX else f"e.g. {texts[0].text}")
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
