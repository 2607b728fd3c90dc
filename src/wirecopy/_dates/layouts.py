"""The layouts of dates in wire copy, read with every part checked.

Each layout is one anchored pattern with named groups (``y``, ``yy``, ``m``,
``mon``, ``d``, ``a``/``b`` for a numeric month and day in either order,
``wd``, ``H``, ``M``, ``S``, ``f``, ``ampm``, ``zone``); :func:`build` turns
the groups of a match into a value and words the error for a bad part.
:data:`LAYOUTS` names them all, with the formats that write each.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping

from ..article import DateValue
from ..errors import ParseError
from .calendar import days_in, nearest, two_digit_year
from .fallback import parse_with_dateutil
from .limits import shown
from .names import MONTH_NAMES, MONTHS, WEEKDAYS
from .zones import fixed, read_zone

_TIME = r"(?P<H>\d\d?):(?P<M>\d\d)(?::(?P<S>\d\d)(?:[.,](?P<f>\d{1,6}))?)?"
_AMPM = r"(?:[ ]?(?P<ampm>[AaPp]\.?[Mm]\.?))?"
# A zone: Z, a numeric offset, GMT/UTC with an offset, or an abbreviation.
_ZONE = r"(?P<zone>Z|[+-]\d\d(?::?\d\d)?|(?:GMT|UTC|UT)[+-]\d\d?(?::?\d\d)?|[A-Za-z]{1,5})"
_WORD = r"[^\W\d_]+"

#: Every layout, by name, with the formats and sources that write it.
LAYOUTS: Mapping[str, re.Pattern[str]] = {
    # ISO 8601 extended (RCV1, TREC, NewsML-G2): "2000-12-30", "1999-05-12 21:06".
    "iso": re.compile(
        r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
        r"(?:[T ](?P<H>\d\d):(?P<M>\d\d)(?::(?P<S>\d\d)(?:[.,](?P<f>\d{1,6}))?)?[ ]?" + _ZONE + r"?)?"
    ),
    # ISO 8601 basic (NITF, NewsML 1): "20001230", "20151210T191044Z".
    "iso-basic": re.compile(
        r"(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)"
        r"(?:T(?P<H>\d\d)(?P<M>\d\d)(?:(?P<S>\d\d)(?:[.,](?P<f>\d{1,6}))?)?(?P<zone>Z|[+-]\d\d(?:\d\d)?)?)?"
    ),
    # US numeric (AQUAINT, ACE, NewsML 1): "12/30/2000", "4/4/2018 17:59:03".
    "us-slash": re.compile(
        r"(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<y>\d{4}|\d\d)(?:[ ]+" + _TIME + _AMPM + r"(?:[ ]?" + _ZONE + r")?)?"
    ),
    # Reuters-21578: " 1-MAR-1987 01:41:26.47", and junk after the time
    # ("27-MAR-1987 09:41:54.06&#5;&#5;&#5;C L") that is not part of the date.
    "reuters21578": re.compile(
        r"(?P<d>\d\d?)-(?P<mon>[A-Za-z]{3})-(?P<y>\d{4})"
        r"(?:[ ]+(?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d)(?:\.(?P<f>\d{1,6}))?(?P<junk>[^\w\s].*)?)?",
        re.DOTALL,
    ),
    # "30 December 2000", RFC 822's "Mon, 05 Apr 93 18:01:16 GMT", AFP's "10 juil 2024".
    "day-month-year": re.compile(
        r"(?:(?P<wd>" + _WORD + r")\.?,?[ ]+)?(?P<d>\d\d?)[ ]+(?P<mon>" + _WORD + r")\.?,?[ ]+(?P<y>\d{4}|\d\d)"
        r"(?:,?[ ]+" + _TIME + _AMPM + r"(?:[ ]+" + _ZONE + r"(?:[ ]*\([^()]*\))?)?)?"
    ),
    # The IPTC 7901 trailer: "131137 GMT Nov 13", ddHHMM zone month yy.
    "iptc7901": re.compile(
        r"(?P<d>\d\d)(?P<H>\d\d)(?P<M>\d\d)[ ]+(?P<zone>[A-Za-z]{1,5})[ ]+(?P<mon>" + _WORD + r")\.?[ ]+(?P<yy>\d\d)"
    ),
    # TREC's compact YYMMDD: "001230".
    "trec-compact": re.compile(r"(?P<yy>\d\d)(?P<m>\d\d)(?P<d>\d\d)"),
    # ANPA-1312: the header's "12-30" (no year) and the trailer's "10-12-98 0619EDT".
    "anpa": re.compile(
        r"(?P<a>\d\d?)-(?P<b>\d\d?)(?:-(?P<yy>\d\d)(?:[ ]+(?P<H>\d\d)(?P<M>\d\d)[ ]?" + _ZONE + r"?)?)?"
    ),
    # Daily Mail furniture: "08:15 EST, 31 January 2013".
    "time-first": re.compile(
        _TIME + _AMPM + r"(?:[ ]+" + _ZONE + r")?,?[ ]+(?P<d>\d\d?)[ ]+(?P<mon>" + _WORD + r")\.?,?[ ]+(?P<y>\d{4})"
    ),
    # "30 December": no year.
    "day-month": re.compile(r"(?P<d>\d\d?)[ ]+(?P<mon>" + _WORD + r")\.?"),
    # US long and AP: "December 30, 2000", "Dec. 30, 2000", "Saturday, December 30, 2000".
    "month-day-year": re.compile(
        r"(?:(?P<wd>" + _WORD + r")\.?,?[ ]+)?(?P<mon>" + _WORD + r")\.?[ ]+(?P<d>\d\d?),?[ ]+(?P<y>\d{4})"
        r"(?:,?[ ]+(?:at[ ]+)?" + _TIME + _AMPM + r"(?:[ ]+" + _ZONE + r")?)?"
    ),
    # "Dec. 30", "Feb 26", "August 9": no year.
    "month-day": re.compile(r"(?:(?P<wd>" + _WORD + r")\.?,?[ ]+)?(?P<mon>" + _WORD + r")\.?[ ]+(?P<d>\d\d?)"),
}

#: The layouts tried, in this order, on a text that opens with a digit.
DIGIT_FIRST = tuple(
    LAYOUTS[name]
    for name in (
        "iso",
        "iso-basic",
        "us-slash",
        "reuters21578",
        "day-month-year",
        "iptc7901",
        "trec-compact",
        "anpa",
        "time-first",
        "day-month",
    )
)
#: The layouts tried, in this order, on any other text.
WORD_FIRST = tuple(LAYOUTS[name] for name in ("month-day-year", "day-month-year", "month-day"))

_UNITS = {"H": "hour", "M": "minute", "S": "second"}


def parse_general(
    text: str,
    stripped: str,
    default_tz: _dt.tzinfo | None,
    reference: _dt.date | None,
    tzinfos: Mapping[str, _dt.tzinfo] | None,
    dayfirst: bool,
) -> DateValue:
    """Read *text* (*stripped* is its stripped form) with the first layout it matches in full, else dateutil."""
    if not stripped:
        msg = f"not a date: {text!r}"
        raise ParseError(msg, colno=1, snippet=text)
    for layout in DIGIT_FIRST if stripped[0].isdigit() else WORD_FIRST:
        match = layout.fullmatch(stripped)
        if match is not None:
            lead = len(text) - len(text.lstrip())
            return build(text, lead, match, default_tz, reference, tzinfos, dayfirst)
    return parse_with_dateutil(text, default_tz=default_tz, reference=reference, tzinfos=tzinfos, dayfirst=dayfirst)


def build(
    text: str,
    lead: int,
    match: re.Match[str],
    default_tz: _dt.tzinfo | None,
    reference: _dt.date | None,
    tzinfos: Mapping[str, _dt.tzinfo] | None,
    dayfirst: bool,
) -> DateValue:
    """Turn one layout's match into a date or datetime, checking every part.

    *lead* is the length of the whitespace before the match in *text*, so
    that a column points into the caller's text.
    """
    groups = match.groupdict()
    wd = groups.get("wd")
    if wd is not None and wd.lower() not in WEEKDAYS:
        msg = f"unknown weekday {wd!r}"
        raise ParseError(msg, colno=lead + match.start("wd") + 1, snippet=text)
    mon = groups.get("mon")
    if mon is not None:
        month = MONTHS.get(mon.lower())
        if month is None:
            msg = f"unknown month {mon!r}"
            raise ParseError(msg, colno=lead + match.start("mon") + 1, snippet=text)
        month_group = "mon"
    elif "a" in groups:
        # Numeric month and day in either order (12/30/2000, 30/12/2000).
        first, second = int(groups["a"]), int(groups["b"])
        if dayfirst:
            month, day, month_group = second, first, "b"
        else:
            month, day, month_group = first, second, "a"
    else:
        month, month_group = int(groups["m"]), "m"
    if "a" not in groups:
        day = int(groups["d"])
    if groups.get("y") is not None and len(groups["y"]) == 4:
        year: int | None = int(groups["y"])
    elif groups.get("y") is not None or groups.get("yy") is not None:
        year = two_digit_year(int(groups.get("y") or groups["yy"]), reference)
    else:
        year = None
    if not 1 <= month <= 12:
        msg = f"invalid date {shown(text)}: month {month} is out of range"
        raise ParseError(msg, colno=lead + match.start(month_group) + 1, snippet=text)
    if year is None:
        date = nearest(month, day, reference, text, lead + 1)
    else:
        if year == 0:
            # Only a year written 0000 can be 0: two-digit years never are.
            msg = f"invalid date {shown(text)}: year 0 is out of range (years run from 1 to 9999)"
            raise ParseError(msg, colno=lead + match.start("y") + 1, snippet=text)
        if day < 1 or day > days_in(year, month):
            msg = f"invalid date {shown(text)}: day {day} is out of range for {MONTH_NAMES[month - 1]} {year}"
            raise ParseError(msg, colno=lead + 1, snippet=text)
        date = _dt.date(year, month, day)
    hour_text = groups.get("H")
    if hour_text is None:
        return date
    hour = int(hour_text)
    minute = int(groups["M"])
    second = int(groups.get("S") or 0)
    fraction = groups.get("f")
    micro = int(fraction.ljust(6, "0")) if fraction else 0
    ampm = groups.get("ampm")
    if ampm is not None:
        if not 1 <= hour <= 12:
            msg = f"invalid date {shown(text)}: hour {hour} is out of range for a 12-hour clock"
            raise ParseError(msg, colno=lead + match.start("H") + 1, snippet=text)
        hour = hour % 12 + (12 if ampm[0] in "pP" else 0)
    for name, value, limit in (("H", hour, 23), ("M", minute, 59), ("S", second, 59)):
        if value > limit:
            msg = f"invalid date {shown(text)}: {_UNITS[name]} {value} is out of range"
            raise ParseError(msg, colno=lead + match.start(name) + 1, snippet=text)
    naive = _dt.datetime(date.year, date.month, date.day, hour, minute, second, micro)
    zone_text = groups.get("zone")
    zone = None
    if zone_text is not None:
        # None for "-0000", RFC 5322's "no zone information".
        zone = read_zone(zone_text, tzinfos, naive, text, lead + match.start("zone") + 1)
    if zone is None:
        if default_tz is None:
            return naive
        zone = fixed(default_tz, naive)
    return _dt.datetime(date.year, date.month, date.day, hour, minute, second, micro, zone)
