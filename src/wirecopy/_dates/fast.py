"""The hot path: the commonest layouts, each recognised by a cheap test.

Every shape here is a subset of a layout in ``layouts``, read to exactly the
same value, and built by C code (``fromisoformat``) where it can be.  A text
with anything unusual about it (an unknown month or zone, an impossible day,
a caller's zone table, more than one space in a row) gets ``None``, and the
caller reads it with the full layouts, which check every part and word the
error.  Digits are ASCII, names are those of the tables in the three cases
copy uses: anything else takes the full path, which reads the same shapes.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from collections.abc import Mapping

from ..article import DateValue
from .calendar import nearer_neighbour, nearest_day, two_digit_year
from .names import MONTHS, WEEKDAYS
from .zones import ISO_OFFSETS, fixed

_OFFSET_SHAPE = r"(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?"
# Hours 00-23 only: a newer Python's fromisoformat may read 24:00 as the
# next day's midnight, which the layouts refuse.
_HOUR = r"(?:[01]\d|2[0-3])"
#: ISO 8601 extended with a time, as fromisoformat reads it as the layouts do.
ISO = re.compile(r"\d{4}-\d\d-\d\d[T ]" + _HOUR + r":\d\d(?::\d\d(?:\.\d{1,6})?)?" + _OFFSET_SHAPE, re.ASCII)
#: ISO 8601 basic with a time, likewise.
BASIC = re.compile(r"\d{8}T" + _HOUR + r"\d\d(?:\d\d(?:\.\d{1,6})?)?(?:Z|[+-](?:[01]\d|2[0-3])(?:[0-5]\d)?)?", re.ASCII)
# The time of the US numeric layout: "6:30", "18:00", "17:59:03", "20:58:40.20".
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?", re.ASCII)
_REUTERS = re.compile(r"(\d\d?)-([A-Za-z]{3})-(\d{4}) (\d\d:\d\d:\d\d\.\d\d)", re.ASCII)
# The names in the three cases copy uses, so the hot path need not lower().
_MONTHS_ANY_CASE = {
    variant: number for name, number in MONTHS.items() for variant in (name, name.upper(), name.capitalize())
}
_MONTH_DIGITS = {name: f"{number:02d}" for name, number in _MONTHS_ANY_CASE.items()}
# The same with AP's dot ("Dec."), as a word of the text is written.
_MONTH_WORD_NUMBERS = {word: number for name, number in _MONTHS_ANY_CASE.items() for word in (name, f"{name}.")}
_MONTH_WORD_DASHES = {word: f"-{number:02d}-" for word, number in _MONTH_WORD_NUMBERS.items()}
_WEEKDAYS_ANY_CASE = frozenset(variant for name in WEEKDAYS for variant in (name, name.upper(), name.capitalize()))
# A weekday as the first word of the text: "Saturday,", "Saturday".
_WEEKDAY_WORDS = _WEEKDAYS_ANY_CASE | {f"{name}," for name in _WEEKDAYS_ANY_CASE}
# RFC 822's three-letter names, ASCII: "Thu,", "Nov".
_WEEKDAY_ABBRS_COMMA = frozenset(f"{name}," for name in _WEEKDAYS_ANY_CASE if len(name) == 3 and name.isascii())
_MONTH_ABBR_DIGITS = {name: digits for name, digits in _MONTH_DIGITS.items() if len(name) == 3 and name.isascii()}
# Days and months as copy writes them ("3", "03", "30"), to their two digits;
# "0", "32" and "13" are missing, so that the layouts word the error.
_DAYS = {**{str(n): f"{n:02d}" for n in range(1, 32)}, **{f"{n:02d}": f"{n:02d}" for n in range(1, 10)}}
# A day before the year in "December 30, 2000".
_DAYS_COMMA = {**_DAYS, **{f"{text},": digits for text, digits in _DAYS.items()}}
_MONTH_NUMBERS = {text: digits for text, digits in _DAYS.items() if int(digits) <= 12}
_DAY_NUMBERS = {text: int(digits) for text, digits in _DAYS.items()}
# Two-digit years without a reference, by POSIX's pivot: "93" is 1993.
_POSIX_YEARS = {f"{yy:02d}": f"{two_digit_year(yy, None):04d}" for yy in range(100)}
# Hours as fromisoformat must read them: never "24", which a newer Python
# may take for the next day's midnight.
_HOURS = frozenset(f"{hour:02d}" for hour in range(24))
_date_fromiso = _dt.date.fromisoformat
_datetime_fromiso = _dt.datetime.fromisoformat
#: Whether fromisoformat reads "Z", "+0100" and the basic format, as Python
#: 3.11's does; 3.10's reads its own isoformat() output only, so there these
#: shapes take the full path (same results, more slowly).
FROMISO_FULL = sys.version_info >= (3, 11)


def read_words(stripped: str, reference: _dt.date | None) -> _dt.date | None:
    """A date of a month name: month-day-year, day-month-year or month-day, after an optional weekday.

    ``December 30, 2000``, ``Dec. 30, 2000``, ``Saturday, December 30, 2000``,
    ``Saturday, 30 December 2000``, ``30 December 2000``; ``Dec. 30`` and
    ``30 December`` with a *reference*.  Split at single spaces and looked
    up word by word, which is cheaper than a pattern that must first try
    the weekday.  No weekday is a month, so the words tell the layout.
    """
    if "  " in stripped:
        return None
    parts = stripped.split(" ")
    if len(parts) > 2 and parts[0] in _WEEKDAY_WORDS:
        del parts[0]
    count = len(parts)
    if count == 3:
        one, two, year = parts
    elif count == 2 and reference is not None:
        one, two = parts
        year = None
    else:
        return None
    # Day first ("30 December 2000") or month first ("December 30, 2000",
    # whose day may carry a comma when a year follows).
    if one[0] <= "9":
        month_word, day_word, days = two, one, _DAYS
    else:
        month_word, day_word, days = one, two, _DAYS if year is None else _DAYS_COMMA
    if year is not None:
        dashes = _MONTH_WORD_DASHES.get(month_word)
        digits = days.get(day_word)
        if dashes is None or digits is None or len(year) != 4:
            return None
        try:
            # ISO text for the C parser, which also checks the year's digits.
            return _date_fromiso(f"{year}{dashes}{digits}")
        except ValueError:
            return None
    assert reference is not None  # a year-less date is read only against one
    month = _MONTH_WORD_NUMBERS.get(month_word)
    day = _DAY_NUMBERS.get(day_word)
    if month is None or day is None:
        return None
    # nearest_day's first guess, without the call: the day in the
    # reference's year, when it is within half a year of it.
    try:
        candidate = _dt.date(reference.year, month, day)
    except ValueError:
        return nearest_day(month, day, reference)
    distance = candidate.toordinal() - reference.toordinal()
    if -182 <= distance <= 182:
        return candidate
    return nearer_neighbour(candidate, distance, reference)


def read_slash(stripped: str, default_tz: _dt.tzinfo | None, dayfirst: bool) -> DateValue | None:
    """US numeric, month first (or day first), with a time to the second or its fraction, or none."""
    parts = stripped.split("/")
    if len(parts) != 3:
        return None
    month_text, day_text, rest = parts
    if dayfirst:
        month_text, day_text = day_text, month_text
    month = _MONTH_NUMBERS.get(month_text)
    day = _DAYS.get(day_text)
    if month is None or day is None:
        return None
    if len(rest) == 4:
        try:
            return _date_fromiso(f"{rest}-{month}-{day}")
        except ValueError:
            return None
    if len(rest) < 9 or rest[4] != " ":
        return None
    clock = rest[5:]
    size = len(clock)
    # "18:00" and "18:00:00" by a cheap test (fromisoformat checks the digits
    # and their ranges), anything else by the pattern.
    if (size == 5 or (size == 8 and clock[5] == ":")) and clock[2] == ":" and clock[:2] in _HOURS:
        pass
    elif _CLOCK.fullmatch(clock) is None:
        return None
    elif clock[1] == ":":
        clock = "0" + clock
    try:
        value = _datetime_fromiso(f"{rest[:4]}-{month}-{day}T{clock}")
    except ValueError:
        # An impossible date, or (before Python 3.11) a fraction of one or
        # two digits: the layouts word the error, or read it.
        return None
    if default_tz is not None:
        return value.replace(tzinfo=fixed(default_tz, value))
    return value


def read_reuters(stripped: str) -> _dt.datetime | None:
    """Reuters-21578's date and time to the hundredth, and the junk after it that is not part of the date."""
    match = _REUTERS.match(stripped)
    if match is None:
        return None
    end = match.end()
    if end == len(stripped) or stripped[end] == "&" or stripped[end] < " " or stripped[end] == "\x7f":
        day, mon, year, clock = match.groups()
        month = _MONTH_DIGITS.get(mon)
        if month is not None:
            try:
                return _datetime_fromiso(f"{year}-{month}-{day:0>2}T{clock}")
            except ValueError:
                return None
    return None


def minus_zero(text: str) -> bool:
    """Whether *text* ends in RFC 5322's "no zone" offset, which fromisoformat reads as UTC."""
    return text[-3:] == "-00" or text[-5:] == "-0000" or text[-6:] == "-00:00"


def read_rfc822(
    stripped: str, reference: _dt.date | None, tzinfos: Mapping[str, _dt.tzinfo] | None
) -> _dt.datetime | None:
    """An RFC 822 date of the usual shape, or ``None`` to leave it to the full path.

    ``Thu, 26 Nov 2015 10:00:02 +1100``, ``Sat, 30 Nov 91 19:43:23 GMT``,
    ``22 Apr 1993 11:51:48 GMT``: split at single spaces and looked up word
    by word, a subset of the day-month-year layout.
    """
    parts = stripped.split(" ")
    count = len(parts)
    if count == 6:
        weekday, day, mon, year, clock, zone = parts
        if weekday not in _WEEKDAY_ABBRS_COMMA:
            return None
    elif count == 5:
        day, mon, year, clock, zone = parts
    else:
        return None
    day_digits = _DAYS.get(day)
    month = _MONTH_ABBR_DIGITS.get(mon)
    if (
        day_digits is None
        or month is None
        or len(clock) != 8
        or clock[2] != ":"
        or clock[5] != ":"
        or clock[:2] not in _HOURS
    ):
        return None
    size = len(year)
    if size == 2:
        if reference is None:
            full = _POSIX_YEARS.get(year)
            if full is None:
                return None
            year = full
        elif year.isdigit() and year.isascii():
            year = f"{two_digit_year(int(year), reference):04d}"
        else:
            return None
    elif size != 4:
        return None
    if zone[0] in "+-":
        # Hours 00-23 and minutes 00-59, which older fromisoformat do not check.
        if len(zone) != 5 or zone[1:3] not in _HOURS or zone[3] > "5" or zone == "-0000":
            return None
    else:
        # A name: only the built-in table's fixed offsets are written out
        # here; a caller's table takes the full path.
        if tzinfos or not zone.isascii():
            return None
        offset = ISO_OFFSETS.get(zone.upper())
        if offset is None:
            return None
        zone = offset
    try:
        # Writing the ISO form and letting C read it (and check the digits)
        # beats six int() calls and a datetime constructor.
        return _datetime_fromiso(f"{year}-{month}-{day_digits}T{clock}{zone}")
    except ValueError:
        return None
