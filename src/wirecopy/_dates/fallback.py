"""The fallback: dateutil, with every hidden input pinned down."""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

from dateutil import parser as _du_parser

from ..article import DateValue
from ..errors import ParseError, UnknownTimezoneError
from .calendar import nearest, two_digit_year
from .limits import check_numbers, shown
from .names import MONTHS
from .zones import fixed, lookup, offset

# Two defaults that differ in every component: a component that comes out
# different in the two parses was absent from the text.  This tells a date
# from a datetime using dateutil's public API only.
_DEFAULT_A = _dt.datetime(2004, 1, 1, 0, 0, 0)
_DEFAULT_B = _dt.datetime(2005, 2, 2, 1, 1, 1)


class _UnknownZone(Exception):
    """Raised from inside dateutil to stop at a zone name we do not know."""


# dateutil's month names plus ours (German, French, Italian, Spanish), one tuple per month.
_DU_MONTHS = [
    (*names, *(name for name, number in MONTHS.items() if number == index))
    for index, names in enumerate(_du_parser.parserinfo.MONTHS, 1)
]


class _WireParserInfo(_du_parser.parserinfo):
    """dateutil's vocabulary plus wire copy's, and our two-digit-year rule.

    dateutil's own rule for two-digit years is relative to the clock
    (``time.localtime()``), a hidden input; ours depends on the reference
    date only.
    """

    MONTHS = _DU_MONTHS

    def __init__(self, reference: _dt.date | None) -> None:
        super().__init__()
        self._reference = reference

    def convertyear(self, year: int, century_specified: bool = False) -> int:
        """Apply :func:`two_digit_year` to years written with two digits."""
        if year < 100 and not century_specified:
            return two_digit_year(year, self._reference)
        return year


@functools.lru_cache(maxsize=256)
def _parserinfo(reference: _dt.date | None) -> _WireParserInfo:
    return _WireParserInfo(reference)


# A number that is not part of a time or a fraction: a year, a day, a month.
_NUMBER = re.compile(r"(?<![\d:.])\d+(?![\d:])")
# ISO 8601's expanded years ("-0001-12-30", "+12000-01-01"), which dateutil
# reads without their sign.
_SIGNED_YEAR = re.compile(r"\s*[+-]\d")

# "GMT+3" and "UTC+03:00" become "+03:00" before dateutil sees them, so that
# its POSIX reading (GMT+3 is three hours WEST) never applies.
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC|UT)(?=[+-]\d)")


def _zone_lookup(
    tzinfos: Mapping[str, _dt.tzinfo] | None,
) -> Callable[[str | None, int | None], _dt.tzinfo | None]:
    # A callable, not a dict: given a dict, dateutil falls back to the
    # machine's own zone (time.tzname) for names the dict lacks.
    def find(name: str | None, seconds: int | None) -> _dt.tzinfo | None:
        if name is not None:
            zone = lookup(name, tzinfos)
            if zone is not None:
                return zone
            if seconds is None:
                raise _UnknownZone(name)
        if seconds is not None:
            return offset(seconds)
        return None

    return find


def parse_with_dateutil(
    text: str,
    *,
    default_tz: _dt.tzinfo | None,
    reference: _dt.date | None,
    tzinfos: Mapping[str, _dt.tzinfo] | None,
    dayfirst: bool,
) -> DateValue:
    """Parse *text* with dateutil, under the same rules as the layouts."""
    info = _parserinfo(reference.date() if isinstance(reference, _dt.datetime) else reference)
    parser = _du_parser.parser(info)
    find = _zone_lookup(tzinfos)
    source = _GMT_OFFSET.sub("", text)
    column = len(text) - len(text.lstrip()) + 1
    unknown: str | None = None
    first: _dt.datetime
    second: _dt.datetime
    options: dict[str, Any] = {"dayfirst": dayfirst}
    check_numbers(text)
    if _SIGNED_YEAR.match(text):
        msg = f"invalid date {shown(text)}: a year with a sign is out of range (years run from 1 to 9999)"
        raise ParseError(msg, colno=column, snippet=text)
    try:
        try:
            first = parser.parse(source, default=_DEFAULT_A, tzinfos=find, **options)
            second = parser.parse(source, default=_DEFAULT_B, tzinfos=find, **options)
        except _UnknownZone as err:
            unknown = str(err)
            first = parser.parse(source, default=_DEFAULT_A, ignoretz=True, **options)
            second = parser.parse(source, default=_DEFAULT_B, ignoretz=True, **options)
    except Exception as err:
        # Whatever dateutil fails with (ValueError, OverflowError, and
        # decimal errors among others), the text is not a date it can read.
        msg = f"not a date: {shown(text)}"
        raise ParseError(msg, colno=column, snippet=text) from err
    if first.month != second.month or first.day != second.day:
        msg = f"incomplete date {shown(text)}: no month or day"
        raise ParseError(msg, colno=column, snippet=text)
    if first.year != second.year:
        value = nearest(first.month, first.day, reference, text, column)
        first = first.replace(year=value.year)
    else:
        first = _year_as_written(first, text, reference)
    # A time in the text fixes the hour in both parses.
    if first.hour != second.hour:
        return first.date()
    if unknown is not None:
        raise UnknownTimezoneError(text, first, colno=text.find(unknown) + 1 or 1)
    if first.tzinfo is not None:
        return first.replace(tzinfo=fixed(first.tzinfo, first.replace(tzinfo=None)))
    if default_tz is not None:
        return first.replace(tzinfo=fixed(default_tz, first))
    return first


def _year_as_written(value: _dt.datetime, text: str, reference: _dt.date | None) -> _dt.datetime:
    """*value* with the year *text* writes, where dateutil read a year written with its century as two digits.

    dateutil reads ``0099`` as 1999 and ``0000`` as 2000.  A year is read as
    written, so ``0099`` is the year 99; year 0 does not exist.

    Raises:
        ParseError: The year is written ``0000`` (or ``000``).
    """
    year = value.year
    numbers = [(match.start(), match.group()) for match in _NUMBER.finditer(text)]
    for _, digits in numbers:
        size = len(digits)
        if (size == 4 and int(digits) == year) or (size <= 2 and two_digit_year(int(digits), reference) == year):
            return value
    for start, digits in numbers:
        written = int(digits)
        if len(digits) in (3, 4) and written < 100 and two_digit_year(written, reference) == year:
            if written == 0:
                msg = f"invalid date {shown(text)}: year 0 is out of range (years run from 1 to 9999)"
                raise ParseError(msg, colno=start + 1, snippet=text)
            return value.replace(year=written)
    return value
