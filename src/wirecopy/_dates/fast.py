"""The hot path: the commonest layouts, each recognised by a cheap test.

Every shape here is a subset of a layout in ``layouts``, read to exactly the
same value, and built by C code (``fromisoformat``) where it can be.  A text
with anything unusual about it (an unknown month or zone, an impossible day,
a caller's zone table) gets ``None``, and the caller reads it with the full
layouts, which check every part and word the error.  The shapes are ASCII
only: anything else takes the full path, which reads the same shapes.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from collections.abc import Mapping

from ..article import DateValue
from .calendar import two_digit_year
from .names import MONTHS, WEEKDAYS
from .zones import ISO_OFFSETS, fixed

_OFFSET_SHAPE = r"(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?"
_ISO = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?" + _OFFSET_SHAPE, re.ASCII)
_BASIC = re.compile(r"\d{8}T\d{4}(?:\d\d(?:\.\d{1,6})?)?(?:Z|[+-](?:[01]\d|2[0-3])(?:[0-5]\d)?)?", re.ASCII)
# "December 30, 2000", "Dec. 30, 2000"; "Saturday, December 30, 2000".
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.? (\d\d?),? (\d{4})", re.ASCII)
_WEEKDAY_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+),? ([A-Za-z]+)\.? (\d\d?),? (\d{4})", re.ASCII)
_RFC822 = re.compile(
    r"(?:([A-Za-z]{3}), )?(\d\d?) ([A-Za-z]{3}) (\d{4}|\d\d) (\d\d:\d\d:\d\d) "
    r"(?:([+-](?:[01]\d|2[0-3])[0-5]\d)|([A-Za-z]{1,5}))",
    re.ASCII,
)
_REUTERS = re.compile(r"(\d\d?)-([A-Za-z]{3})-(\d{4}) (\d\d:\d\d:\d\d\.\d\d)", re.ASCII)
# The names in the three cases copy uses, so the hot path need not lower().
_MONTHS_ANY_CASE = {
    variant: number for name, number in MONTHS.items() for variant in (name, name.upper(), name.capitalize())
}
_MONTH_DIGITS = {name: f"{number:02d}" for name, number in _MONTHS_ANY_CASE.items()}
_MONTH_DASHES = {name: f"-{digits}-" for name, digits in _MONTH_DIGITS.items()}
_WEEKDAYS_ANY_CASE = frozenset(variant for name in WEEKDAYS for variant in (name, name.upper(), name.capitalize()))
_date_fromiso = _dt.date.fromisoformat
_datetime_fromiso = _dt.datetime.fromisoformat
# Python 3.11's fromisoformat reads "Z", "+0100" and the basic format; 3.10's
# reads its own isoformat() output only, so there these shapes take the
# full path (same results, more slowly).
_FROMISO_FULL = sys.version_info >= (3, 11)


def read_fast(
    stripped: str,
    default_tz: _dt.tzinfo | None,
    reference: _dt.date | None,
    tzinfos: Mapping[str, _dt.tzinfo] | None,
) -> DateValue | None:
    """The value of *stripped* if it has one of the hot shapes, else ``None``."""
    size = len(stripped)
    if size <= 7:
        return None
    first = stripped[0]
    if "0" <= first <= "9":
        if stripped[4] == "-":
            if size == 10 and stripped[7] == "-":
                try:
                    return _date_fromiso(stripped)
                except ValueError:
                    return None
            return _iso_datetime(stripped, _ISO, default_tz)
        if size == 8:
            if stripped.isdigit() and stripped.isascii():
                try:
                    if _FROMISO_FULL:
                        return _date_fromiso(stripped)
                    return _dt.date(int(stripped[:4]), int(stripped[4:6]), int(stripped[6:]))
                except ValueError:
                    return None
            return None
        if stripped[8] == "T":
            return _iso_datetime(stripped, _BASIC, default_tz)
        if not _FROMISO_FULL:
            return None
        match = _REUTERS.match(stripped)
        if match is not None:
            end = match.end()
            if end == size or stripped[end] == "&" or stripped[end] < " " or stripped[end] == "\x7f":
                day, mon, year, clock = match.groups()
                month = _MONTH_DIGITS.get(mon)
                if month is not None:
                    try:
                        return _datetime_fromiso(f"{year}-{month}-{day:0>2}T{clock}")
                    except ValueError:
                        return None
            return None
        return _rfc822(stripped, reference, tzinfos)
    if "A" <= first <= "z":
        if stripped[3] == ",":
            return _rfc822(stripped, reference, tzinfos) if _FROMISO_FULL else None
        match = _MONTH_DAY_YEAR.fullmatch(stripped)
        if match is not None:
            mon, day, year = match.groups()
            weekday = None
        else:
            match = _WEEKDAY_MONTH_DAY_YEAR.fullmatch(stripped)
            if match is None:
                return None
            weekday, mon, day, year = match.groups()
        month_dashes = _MONTH_DASHES.get(mon)
        if month_dashes is not None and (weekday is None or weekday in _WEEKDAYS_ANY_CASE):
            try:
                # ISO text for the C parser: cheaper than two int() calls.
                return _date_fromiso(year + month_dashes + (day if len(day) == 2 else "0" + day))
            except ValueError:
                return None
    return None


def _iso_datetime(stripped: str, shape: re.Pattern[str], default_tz: _dt.tzinfo | None) -> _dt.datetime | None:
    """An ISO 8601 datetime (extended or basic) that ``fromisoformat`` reads as we do."""
    if not _FROMISO_FULL or shape.fullmatch(stripped) is None or (stripped[-1] == "0" and _minus_zero(stripped)):
        return None
    try:
        value = _datetime_fromiso(stripped)
    except ValueError:
        return None
    if value.tzinfo is None and default_tz is not None:
        return value.replace(tzinfo=fixed(default_tz, value))
    return value


def _minus_zero(text: str) -> bool:
    """Whether *text* ends in RFC 5322's "no zone" offset, which fromisoformat reads as UTC."""
    return text[-3:] == "-00" or text[-5:] == "-0000" or text[-6:] == "-00:00"


def _rfc822(stripped: str, reference: _dt.date | None, tzinfos: Mapping[str, _dt.tzinfo] | None) -> _dt.datetime | None:
    """An RFC 822 date of the usual shape, or ``None`` to leave it to the full path."""
    match = _RFC822.fullmatch(stripped)
    if match is None:
        return None
    weekday, day, mon, year, clock, zone_offset, name = match.groups()
    month = _MONTH_DIGITS.get(mon)
    if month is None or (weekday is not None and weekday not in _WEEKDAYS_ANY_CASE):
        return None
    if len(year) == 2:
        year = str(two_digit_year(int(year), reference))
    if zone_offset is None:
        # A name: only the built-in table's fixed offsets are written out
        # here; a caller's table takes the full path.
        if tzinfos:
            return None
        zone_offset = ISO_OFFSETS.get(name.upper())
        if zone_offset is None:
            return None
    elif zone_offset == "-0000":
        return None
    try:
        # Writing the ISO form and letting C read it beats six int() calls
        # and a datetime constructor.
        return _datetime_fromiso(f"{year:0>4}-{month}-{day:0>2}T{clock}{zone_offset}")
    except ValueError:
        return None
