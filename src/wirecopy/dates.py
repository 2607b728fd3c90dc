"""Dates as news copy writes them, parsed with no hidden inputs.

:func:`parse_date` keeps the precision of its input: ``"December 30, 2000"``
is a :class:`datetime.date`, ``"1999-05-12 21:06"`` a naive
:class:`datetime.datetime`, ``"Mon, 05 Apr 93 18:01:16 GMT"`` an aware one.
It never consults the machine's zone or the clock: zone abbreviations come
from the fixed table :data:`ZONES` (overridable per call), and a date without
a year is resolved against a *reference* date the caller gives, or refused.

Common families are parsed by a fast path of our own; the rest goes to
:func:`dateutil.parser.parse`, always with an explicit ``default`` and
``tzinfos`` so that it cannot fall back on the clock or the machine's zone.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Mapping

from dateutil import parser as _du_parser

from .article import DateValue
from .errors import ParseError, UnknownTimezoneError

__all__ = ["MONTHS", "STYLES", "ZONES", "DateValue", "format_date", "parse_date"]

def _zone(hours: float) -> _dt.timezone:
    return _dt.timezone(_dt.timedelta(hours=hours))


#: Zone abbreviations and their fixed offsets.  One answer on every machine:
#: ``BST`` is British Summer Time, never Bangladesh; ``IST`` and other
#: abbreviations with several common meanings are left out on purpose (pass
#: them in ``tzinfos`` when your source is unambiguous).
ZONES: Mapping[str, _dt.tzinfo] = {
    "UT": _dt.timezone.utc,
    "UTC": _dt.timezone.utc,
    "GMT": _dt.timezone.utc,
    "Z": _dt.timezone.utc,
    "EST": _zone(-5),
    "EDT": _zone(-4),
    "CST": _zone(-6),
    "CDT": _zone(-5),
    "MST": _zone(-7),
    "MDT": _zone(-6),
    "PST": _zone(-8),
    "PDT": _zone(-7),
    "AKST": _zone(-9),
    "AKDT": _zone(-8),
    "HST": _zone(-10),
    "AST": _zone(-4),
    "ADT": _zone(-3),
    "NST": _zone(-3.5),
    "NDT": _zone(-2.5),
    "WET": _zone(0),
    "WEST": _zone(1),
    "BST": _zone(1),
    "CET": _zone(1),
    "CEST": _zone(2),
    "MET": _zone(1),
    "MEST": _zone(2),
    "MEZ": _zone(1),
    "MESZ": _zone(2),
    "EET": _zone(2),
    "EEST": _zone(3),
    "MSK": _zone(3),
    "JST": _zone(9),
    "KST": _zone(9),
    "HKT": _zone(8),
    "SGT": _zone(8),
    "AWST": _zone(8),
    "ACST": _zone(9.5),
    "ACDT": _zone(10.5),
    "AEST": _zone(10),
    "AEDT": _zone(11),
    "NZST": _zone(12),
    "NZDT": _zone(13),
}

#: Month names and abbreviations, lower case, as wire copy spells them:
#: English (with AP's ``Sept.``), German and French.
MONTHS: Mapping[str, int] = {
    **{name: number for number, name in enumerate(
        ["january", "february", "march", "april", "may", "june", "july",
         "august", "september", "october", "november", "december"], 1)},
    **{name: number for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)},
    "sept": 9,
    # German (dpa trailers: "Okt"), French (AFP datelines: "juil").
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mär": 3, "mrz": 3,
    "juni": 6, "juli": 7, "oktober": 10, "okt": 10, "dezember": 12, "dez": 12, "mai": 5,
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
    "avril": 4, "avr": 4, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
}

_US_LONG = ("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December")

#: The styles :func:`format_date` writes, each read back by :func:`parse_date`.
STYLES: Mapping[str, str] = {
    "iso": "ISO 8601 extended: 2000-12-30, 2000-12-30T18:00:00+00:00",
    "us-long": "US long form, a date only: December 30, 2000",
}

# "Saturday, December 30, 2000", "Dec. 30, 2000", "DECEMBER 30, 2000",
# "Sept. 3, 2001".  The fast path for the seed's header and US copy.
_MONTH_DAY_YEAR = re.compile(
    r"(?:[A-Za-z]+,?\s+)??(?P<month>[A-Za-zäéû]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
)
_ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)")


def _build_date(text: str, year: int, month: int, day: int) -> _dt.date:
    try:
        return _dt.date(year, month, day)
    except ValueError as err:
        msg = f"invalid date {text.strip()!r}: {err}"
        raise ParseError(msg, colno=1, snippet=text) from None


def _month_number(name: str, text: str, column: int) -> int:
    number = MONTHS.get(name.lower().rstrip("."))
    if number is None:
        msg = f"unknown month {name!r}"
        raise ParseError(msg, colno=column, snippet=text)
    return number


def parse_date(
    text: str,
    *,
    default_tz: _dt.tzinfo | None = None,
    reference: _dt.date | None = None,
    tzinfos: Mapping[str, _dt.tzinfo] | None = None,
    dayfirst: bool = False,
) -> DateValue:
    """Parse a date or timestamp as news copy writes it.

    Args:
        text: The date, e.g. ``"December 30, 2000"`` or
            ``"2017-10-11T10:41:00+0100"``.
        default_tz: The zone for a time that carries none.  ``None`` keeps
            such a time naive.  Dates without a time stay dates.
        reference: The date to resolve a year-less date against (the story's
            own date): the year is chosen so that the result is nearest to it.
        tzinfos: Zone abbreviations that override or extend :data:`ZONES`.
        dayfirst: Read ``01/02/2000`` as 1 February rather than 2 January.

    Returns:
        A :class:`datetime.date` when the text has no time, otherwise a
        :class:`datetime.datetime`, aware when the text (or *default_tz*)
        gives a zone.

    Raises:
        UnknownTimezoneError: The text names a zone abbreviation that is not
            in the table; the error's ``partial`` attribute holds the naive
            value, so a caller may record a defect and go on.
        ParseError: The text is not a date, names an impossible date, or has
            no year and no *reference* was given.

    .. versionadded:: 0.1
    """
    stripped = text.strip()
    match = _MONTH_DAY_YEAR.fullmatch(stripped)
    if match is not None:
        month = _month_number(match["month"], text, text.index(match["month"]) + 1)
        return _build_date(text, int(match["year"]), month, int(match["day"]))
    match = _ISO_DATE.fullmatch(stripped)
    if match is not None:
        return _build_date(text, int(match["year"]), int(match["month"]), int(match["day"]))
    return _parse_with_dateutil(
        text, default_tz=default_tz, reference=reference, tzinfos=tzinfos, dayfirst=dayfirst
    )


# Two defaults that differ in every component: a component that comes out
# different in the two parses was absent from the text.  This tells a date
# from a datetime using dateutil's public API only.
_DEFAULT_A = _dt.datetime(2004, 1, 1, 0, 0, 0)
_DEFAULT_B = _dt.datetime(2005, 2, 2, 1, 1, 1)


class _UnknownZone(Exception):
    """Raised from inside dateutil to stop at a zone name we do not know."""


def _zone_lookup(zones: Mapping[str, _dt.tzinfo]) -> Callable[[str | None, int | None], _dt.tzinfo | None]:
    # A callable, not a dict: given a dict, dateutil falls back to the
    # machine's own zone (time.tzname) for names the dict lacks.
    def lookup(name: str | None, offset: int | None) -> _dt.tzinfo | None:
        if name is not None:
            zone = zones.get(name.upper())
            if zone is not None:
                return zone
            if offset is None:
                raise _UnknownZone(name)
        if offset is not None:
            return _dt.timezone(_dt.timedelta(seconds=offset))
        return None

    return lookup


def _parse_with_dateutil(
    text: str,
    *,
    default_tz: _dt.tzinfo | None,
    reference: _dt.date | None,
    tzinfos: Mapping[str, _dt.tzinfo] | None,
    dayfirst: bool,
) -> DateValue:
    zones: Mapping[str, _dt.tzinfo] = ZONES
    if tzinfos:
        zones = {**ZONES, **{name.upper(): zone for name, zone in tzinfos.items()}}
    lookup = _zone_lookup(zones)
    unknown = False
    try:
        try:
            first = _du_parser.parse(text, default=_DEFAULT_A, tzinfos=lookup, dayfirst=dayfirst)
            second = _du_parser.parse(text, default=_DEFAULT_B, tzinfos=lookup, dayfirst=dayfirst)
        except _UnknownZone:
            unknown = True
            first = _du_parser.parse(text, default=_DEFAULT_A, ignoretz=True, dayfirst=dayfirst)
            second = _du_parser.parse(text, default=_DEFAULT_B, ignoretz=True, dayfirst=dayfirst)
    except (ValueError, OverflowError) as err:
        msg = f"not a date: {text.strip()!r}"
        raise ParseError(msg, colno=1, snippet=text) from err
    if first.month != second.month or first.day != second.day:
        msg = f"incomplete date {text.strip()!r}: no month or day"
        raise ParseError(msg, colno=1, snippet=text)
    if first.year != second.year:
        if reference is None:
            msg = f"date {text.strip()!r} has no year and no reference date was given"
            raise ParseError(msg, colno=1, snippet=text)
        first = _nearest_year(first, reference, text)
    # A time in the text fixes the hour in both parses.
    if first.hour != second.hour:
        return first.date()
    if unknown:
        raise UnknownTimezoneError(text, first)
    if first.tzinfo is None and default_tz is not None:
        first = first.replace(tzinfo=default_tz)
    return first


def _nearest_year(value: _dt.datetime, reference: _dt.date, text: str) -> _dt.datetime:
    best: _dt.datetime | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = value.replace(year=year)
        except ValueError:  # 29 February in a common year
            continue
        if best is None or abs(candidate.date() - reference) < abs(best.date() - reference):
            best = candidate
    if best is None:
        msg = f"invalid date {text.strip()!r} near {reference.isoformat()}"
        raise ParseError(msg, colno=1, snippet=text)
    return best


def format_date(value: DateValue, style: str = "iso") -> str:
    """Write *value* in one of the :data:`STYLES`.

    ``parse_date(format_date(value, style)) == value`` holds for every value
    the style can represent.

    Raises:
        ValueError: *style* is unknown, or cannot hold *value* (``us-long``
            writes dates only).

    .. versionadded:: 0.1
    """
    if style == "iso":
        return value.isoformat()
    if style == "us-long":
        if isinstance(value, _dt.datetime):
            msg = f"style 'us-long' writes dates only (got {value!r})"
            raise ValueError(msg)
        return f"{_US_LONG[value.month - 1]} {value.day}, {value.year:04d}"
    msg = f"unknown date style {style!r}; known styles: {', '.join(STYLES)}"
    raise ValueError(msg)
