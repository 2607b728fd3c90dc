"""Dates as news copy writes them, parsed with no hidden inputs.

:func:`parse_date` keeps the precision of its input: ``"December 30, 2000"``
is a :class:`datetime.date`, ``"1999-05-12 21:06"`` a naive
:class:`datetime.datetime`, ``"Mon, 05 Apr 93 18:01:16 GMT"`` an aware one.
It never consults the machine's zone or the clock: zone abbreviations come
from the fixed table :data:`ZONES` (overridable per call), two-digit years
follow a fixed rule, and a date without a year is resolved against a
*reference* date the caller gives, or refused.

The families wire copy uses (see ``docs/dates.md``) are read by a fast path
of our own: one anchored regular expression per family, picked by the first
character.  Anything else goes to :func:`dateutil.parser.parse`, always with
an explicit ``default``, a callable ``tzinfos`` and a ``parserinfo`` whose
two-digit-year rule is ours, so that it cannot fall back on the clock or the
machine's zone.

:func:`format_date` writes the :data:`STYLES` the writers need, and
``parse_date(format_date(value, style)) == value`` for every value a style
can hold.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import sys
from collections.abc import Callable, Mapping
from typing import Any

from dateutil import parser as _du_parser

from .article import DateValue
from .errors import ParseError, UnknownTimezoneError

__all__ = ["MONTHS", "STYLES", "ZONES", "DateValue", "format_date", "parse_date"]

_UTC = _dt.timezone.utc
# One timezone object per offset (in seconds): building one costs more than
# the rest of a fast-path parse.
_OFFSETS: dict[int, _dt.timezone] = {0: _UTC}


def _offset(seconds: int) -> _dt.timezone:
    zone = _OFFSETS.get(seconds)
    if zone is None:
        zone = _OFFSETS[seconds] = _dt.timezone(_dt.timedelta(seconds=seconds))
    return zone


def _zone(hours: float) -> _dt.timezone:
    return _offset(round(hours * 3600))


#: Zone abbreviations and their fixed offsets.  One answer on every machine:
#: ``BST`` is British Summer Time, never Bangladesh; ``IST`` and other
#: abbreviations with several common meanings are left out on purpose (pass
#: them in ``tzinfos`` when your source is unambiguous).
ZONES: Mapping[str, _dt.tzinfo] = {
    "UT": _UTC,
    "UTC": _UTC,
    "GMT": _UTC,
    "Z": _UTC,
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

_ENGLISH_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

#: Month names and abbreviations, lower case, as wire copy spells them:
#: English (with AP's ``Sept.``), German (dpa trailers: ``Okt``) and French
#: (AFP datelines: ``juil``).
MONTHS: Mapping[str, int] = {
    **{name: number for number, name in enumerate(_ENGLISH_MONTHS, 1)},
    **{name[:3]: number for number, name in enumerate(_ENGLISH_MONTHS, 1)},
    "sept": 9,
    "januar": 1,
    "jänner": 1,
    "jän": 1,
    "februar": 2,
    "märz": 3,
    "maerz": 3,
    "mär": 3,
    "mrz": 3,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "oktober": 10,
    "okt": 10,
    "dezember": 12,
    "dez": 12,
    "janvier": 1,
    "janv": 1,
    "février": 2,
    "fevrier": 2,
    "févr": 2,
    "fevr": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    "déc": 12,
}

# Weekday names are checked (a misspelt one is an error) but a weekday that
# contradicts the date is ignored, as dateutil does: Usenet clients wrote
# wrong weekdays, and the date itself is what matters.
_WEEKDAYS: Mapping[str, int] = {
    **{
        name: number
        for number, name in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
    },
    **{name: number for number, name in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])},
    "tues": 1,
    "wednes": 2,
    "thur": 3,
    "thurs": 3,
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
}

_MONTH_NAMES = tuple(name.capitalize() for name in _ENGLISH_MONTHS)
_MONTH_ABBRS = tuple(name[:3].capitalize() for name in _ENGLISH_MONTHS)
_DAY_ABBRS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# AP style: five months are never abbreviated, September is "Sept.".
_AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")

#: The styles :func:`format_date` writes, each read back by :func:`parse_date`.
STYLES: Mapping[str, str] = {
    "iso": "ISO 8601 extended: 2000-12-30, 2000-12-30T18:00:00, 2000-12-30T18:00:00+00:00",
    "iso-basic": "ISO 8601 basic, as NITF writes it: 20001230, 20001230T180000, 20151210T191044Z, 20131020T192751+1100",
    "us-long": "US long form, a date only: December 30, 2000",
    "ap": "AP style, a date only: Dec. 30, 2000; Sept. 3, 2001; March 5, 2001",
    "day-month-year": "British long form, a date only: 30 December 2000",
    "rfc822": "RFC 822/5322, a time to the second: Sat, 30 Dec 2000 18:00:00 +0000 (-0000 for a naive time)",
    "reuters21578": "Reuters-21578 <DATE>, a naive time to the hundredth: 30-DEC-2000 18:00:00.00",
    "mm-dd": "the ANPA header's month and day, no year (read back with a reference): 12-30",
    "iptc7901": "the IPTC 7901 trailer, a time to the minute in GMT, two-digit year: 301800 GMT Dec 00",
    "anpa-trailer": "the ANPA-1312 trailer's date, a time to the minute in GMT, two-digit year: 12-30-00 1800GMT",
    "us-slash": "US numeric, a date or a naive time: 12/30/2000, 12/30/2000 18:00:00",
}


# --------------------------------------------------------------------------
# The fast path.
#
# Each family is one anchored pattern with named groups; _build turns the
# groups into a value.  Patterns are matched against the stripped text, and
# positions are shifted back by the stripped prefix so that columns in error
# messages point into the caller's text.

_TIME = r"(?P<H>\d\d?):(?P<M>\d\d)(?::(?P<S>\d\d)(?:[.,](?P<f>\d{1,6}))?)?"
_AMPM = r"(?:[ ]?(?P<ampm>[AaPp]\.?[Mm]\.?))?"
# A zone: Z, a numeric offset, GMT/UTC with an offset, or an abbreviation.
_ZONE = r"(?P<zone>Z|[+-]\d\d(?::?\d\d)?|(?:GMT|UTC|UT)[+-]\d\d?(?::?\d\d)?|[A-Za-z]{1,5})"
_WORD = r"[^\W\d_]+"

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
    r"(?:[T ](?P<H>\d\d):(?P<M>\d\d)(?::(?P<S>\d\d)(?:[.,](?P<f>\d{1,6}))?)?[ ]?" + _ZONE + r"?)?"
)
_BASIC = re.compile(
    r"(?P<y>\d{4})(?P<m>\d\d)(?P<d>\d\d)"
    r"(?:T(?P<H>\d\d)(?P<M>\d\d)(?:(?P<S>\d\d)(?:[.,](?P<f>\d{1,6}))?)?(?P<zone>Z|[+-]\d\d(?:\d\d)?)?)?"
)
_COMPACT6 = re.compile(r"(?P<yy>\d\d)(?P<m>\d\d)(?P<d>\d\d)")
_IPTC7901 = re.compile(
    r"(?P<d>\d\d)(?P<H>\d\d)(?P<M>\d\d)[ ]+(?P<zone>[A-Za-z]{1,5})[ ]+(?P<mon>" + _WORD + r")\.?[ ]+(?P<yy>\d\d)"
)
# Reuters-21578: " 1-MAR-1987 01:41:26.47", and junk after the time
# ("27-MAR-1987 09:41:54.06&#5;&#5;&#5;C L") that is not part of the date.
_REUTERS = re.compile(
    r"(?P<d>\d\d?)-(?P<mon>[A-Za-z]{3})-(?P<y>\d{4})"
    r"(?:[ ]+(?P<H>\d\d):(?P<M>\d\d):(?P<S>\d\d)(?:\.(?P<f>\d{1,6}))?(?P<junk>[^\w\s].*)?)?",
    re.DOTALL,
)
_SLASH = re.compile(
    r"(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<y>\d{4}|\d\d)(?:[ ]+" + _TIME + _AMPM + r"(?:[ ]?" + _ZONE + r")?)?"
)
# "12-30" (ANPA header, no year) and "10-12-98 0619EDT" (ANPA trailer).
_DASHED = re.compile(r"(?P<a>\d\d?)-(?P<b>\d\d?)(?:-(?P<yy>\d\d)(?:[ ]+(?P<H>\d\d)(?P<M>\d\d)[ ]?" + _ZONE + r"?)?)?")
# "30 December 2000", "Mon, 05 Apr 93 18:01:16 GMT", "10 juil 2024".
_DAY_MONTH_YEAR = re.compile(
    r"(?:(?P<wd>" + _WORD + r")\.?,?[ ]+)?(?P<d>\d\d?)[ ]+(?P<mon>" + _WORD + r")\.?,?[ ]+(?P<y>\d{4}|\d\d)"
    r"(?:,?[ ]+" + _TIME + _AMPM + r"(?:[ ]+" + _ZONE + r"(?:[ ]*\([^()]*\))?)?)?"
)
# "December 30, 2000", "Dec. 30, 2000", "Saturday, December 30, 2000".
_MONTH_DAY_YEAR = re.compile(
    r"(?:(?P<wd>" + _WORD + r")\.?,?[ ]+)?(?P<mon>" + _WORD + r")\.?[ ]+(?P<d>\d\d?),?[ ]+(?P<y>\d{4})"
    r"(?:,?[ ]+(?:at[ ]+)?" + _TIME + _AMPM + r"(?:[ ]+" + _ZONE + r")?)?"
)
# "Dec. 30", "Feb 26", "August 9", "30 December": no year.
_MONTH_DAY = re.compile(r"(?:(?P<wd>" + _WORD + r")\.?,?[ ]+)?(?P<mon>" + _WORD + r")\.?[ ]+(?P<d>\d\d?)")
_DAY_MONTH = re.compile(r"(?P<d>\d\d?)[ ]+(?P<mon>" + _WORD + r")\.?")
# "08:15 EST, 31 January 2013" (Daily Mail furniture).
_TIME_FIRST = re.compile(
    _TIME + _AMPM + r"(?:[ ]+" + _ZONE + r")?,?[ ]+(?P<d>\d\d?)[ ]+(?P<mon>" + _WORD + r")\.?,?[ ]+(?P<y>\d{4})"
)

_DIGIT_FAMILIES = (
    _ISO,
    _BASIC,
    _SLASH,
    _REUTERS,
    _DAY_MONTH_YEAR,
    _IPTC7901,
    _COMPACT6,
    _DASHED,
    _TIME_FIRST,
    _DAY_MONTH,
)
_WORD_FAMILIES = (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR, _MONTH_DAY)


# The shapes of the hot path, ASCII only (anything else takes the general
# path, which reads the same shapes).  Each is a subset of a general family.
_ASCII_DIGITS = frozenset("0123456789")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_OFFSET_SHAPE = r"(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?"
_FAST_ISO = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?" + _OFFSET_SHAPE, re.ASCII)
_FAST_BASIC = re.compile(r"\d{8}T\d{4}(?:\d\d(?:\.\d{1,6})?)?(?:Z|[+-](?:[01]\d|2[0-3])(?:[0-5]\d)?)?", re.ASCII)
# "December 30, 2000", "Dec. 30, 2000"; "Saturday, December 30, 2000".
_FAST_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.? (\d\d?),? (\d{4})", re.ASCII)
_FAST_WEEKDAY_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+),? ([A-Za-z]+)\.? (\d\d?),? (\d{4})", re.ASCII)
_FAST_RFC822 = re.compile(
    r"(?:([A-Za-z]{3}), )?(\d\d?) ([A-Za-z]{3}) (\d{4}|\d\d) (\d\d:\d\d:\d\d) "
    r"(?:([+-](?:[01]\d|2[0-3])[0-5]\d)|([A-Za-z]{1,5}))",
    re.ASCII,
)
_FAST_REUTERS = re.compile(r"(\d\d?)-([A-Za-z]{3})-(\d{4}) (\d\d:\d\d:\d\d\.\d\d)", re.ASCII)
# The names in the three cases copy uses, so the hot path need not lower().
_MONTHS_ANY_CASE = {
    variant: number for name, number in MONTHS.items() for variant in (name, name.upper(), name.capitalize())
}
_MONTH_DIGITS = {name: f"{number:02d}" for name, number in _MONTHS_ANY_CASE.items()}
_MONTH_DASHES = {name: f"-{digits}-" for name, digits in _MONTH_DIGITS.items()}
_WEEKDAYS_ANY_CASE = frozenset(variant for name in _WEEKDAYS for variant in (name, name.upper(), name.capitalize()))
_date_fromiso = _dt.date.fromisoformat
_datetime_fromiso = _dt.datetime.fromisoformat
# Python 3.11's fromisoformat reads "Z", "+0100" and the basic format; 3.10's
# reads its own isoformat() output only, so there these shapes take the
# general path (same results, more slowly).
_FROMISO_FULL = sys.version_info >= (3, 11)


def _zone_offset_text(zone: _dt.tzinfo) -> str | None:
    offset = zone.utcoffset(None)
    if offset is None or offset.seconds % 60:
        return None
    minutes = int(offset.total_seconds()) // 60
    return f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


# The table's zones as ISO offsets, for the hot path.
_ZONE_OFFSETS = {name: text for name, zone in ZONES.items() if (text := _zone_offset_text(zone)) is not None}


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
            own date): the year is chosen so that the result is nearest to
            it.  It also picks the century of a two-digit year.
        tzinfos: Zone abbreviations that override or extend :data:`ZONES`.
        dayfirst: Read ``01/02/2000`` as 1 February rather than 2 January.

    Returns:
        A :class:`datetime.date` when the text has no time, otherwise a
        :class:`datetime.datetime`, aware when the text (or *default_tz*)
        gives a zone.  Zones are returned as fixed offsets
        (:class:`datetime.timezone`); a zone with rules (a ``ZoneInfo``) in
        *tzinfos* or *default_tz* is resolved to its offset at that time.

    Raises:
        UnknownTimezoneError: The text names a zone abbreviation that is not
            in the table; the error's ``partial`` attribute holds the naive
            value, so a caller may record a defect and go on.
        ParseError: The text is not a date, names an impossible date, or has
            no year and no *reference* was given.  The message quotes the
            bad part and ``colno`` gives its 1-based column in *text*.

    .. versionadded:: 0.1
    """
    stripped = text.strip()
    size = len(stripped)
    # The hot path: the commonest shapes, each recognised by a cheap test
    # and built by C code (fromisoformat) where it can be.  A match with
    # anything unusual about it (an unknown month or zone, an impossible
    # day, a caller's zone table) falls through to the general path below,
    # which reads the same shapes, checks every part and words the error.
    if size > 7:
        first = stripped[0]
        if "0" <= first <= "9":
            if stripped[4] == "-":
                if size == 10 and stripped[7] == "-":
                    try:
                        return _date_fromiso(stripped)
                    except ValueError:
                        pass
                elif (
                    _FROMISO_FULL
                    and _FAST_ISO.fullmatch(stripped) is not None
                    and (stripped[-1] != "0" or not _minus_zero(stripped))
                ):
                    try:
                        value = _datetime_fromiso(stripped)
                    except ValueError:
                        pass
                    else:
                        if value.tzinfo is None and default_tz is not None:
                            return value.replace(tzinfo=_fixed(default_tz, value))
                        return value
            elif size == 8:
                if stripped.isdigit() and stripped.isascii():
                    try:
                        if _FROMISO_FULL:
                            return _date_fromiso(stripped)
                        return _dt.date(int(stripped[:4]), int(stripped[4:6]), int(stripped[6:]))
                    except ValueError:
                        pass
            elif stripped[8] == "T":
                if (
                    _FROMISO_FULL
                    and _FAST_BASIC.fullmatch(stripped) is not None
                    and (stripped[-1] != "0" or not _minus_zero(stripped))
                ):
                    try:
                        value = _datetime_fromiso(stripped)
                    except ValueError:
                        pass
                    else:
                        if value.tzinfo is None and default_tz is not None:
                            return value.replace(tzinfo=_fixed(default_tz, value))
                        return value
            elif _FROMISO_FULL:
                match = _FAST_REUTERS.match(stripped)
                if match is not None:
                    end = match.end()
                    if end == size or stripped[end] == "&" or stripped[end] < " " or stripped[end] == "\x7f":
                        day, mon, year, clock = match.groups()
                        month = _MONTH_DIGITS.get(mon)
                        if month is not None:
                            try:
                                return _datetime_fromiso(f"{year}-{month}-{day:0>2}T{clock}")
                            except ValueError:
                                pass
                else:
                    match = _FAST_RFC822.fullmatch(stripped)
                    if match is not None:
                        rfc822 = _fast_rfc822(match, reference, tzinfos)
                        if rfc822 is not None:
                            return rfc822
        elif "A" <= first <= "z":
            if stripped[3] == ",":
                match = _FAST_RFC822.fullmatch(stripped) if _FROMISO_FULL else None
                if match is not None:
                    rfc822 = _fast_rfc822(match, reference, tzinfos)
                    if rfc822 is not None:
                        return rfc822
            else:
                match = _FAST_MONTH_DAY_YEAR.fullmatch(stripped)
                if match is not None:
                    mon, day, year = match.groups()
                    weekday = None
                else:
                    match = _FAST_WEEKDAY_MONTH_DAY_YEAR.fullmatch(stripped)
                    if match is not None:
                        weekday, mon, day, year = match.groups()
                if match is not None:
                    month_dashes = _MONTH_DASHES.get(mon)
                    if month_dashes is not None and (weekday is None or weekday in _WEEKDAYS_ANY_CASE):
                        try:
                            # ISO text for the C parser: cheaper than two int() calls.
                            return _date_fromiso(year + month_dashes + (day if len(day) == 2 else "0" + day))
                        except ValueError:
                            pass
    return _parse_general(text, stripped, default_tz, reference, tzinfos, dayfirst)


def _minus_zero(text: str) -> bool:
    """Whether *text* ends in RFC 5322's "no zone" offset, which fromisoformat reads as UTC."""
    return text[-3:] == "-00" or text[-5:] == "-0000" or text[-6:] == "-00:00"


def _fast_rfc822(
    match: re.Match[str], reference: _dt.date | None, tzinfos: Mapping[str, _dt.tzinfo] | None
) -> _dt.datetime | None:
    """An RFC 822 date of the usual shape, or ``None`` to leave it to the general path."""
    weekday, day, mon, year, clock, offset, name = match.groups()
    month = _MONTH_DIGITS.get(mon)
    if month is None or (weekday is not None and weekday not in _WEEKDAYS_ANY_CASE):
        return None
    if len(year) == 2:
        year = str(_two_digit_year(int(year), reference))
    if offset is None:
        # A name: only the built-in table's fixed offsets are written out
        # here; a caller's table takes the general path.
        if tzinfos:
            return None
        offset = _ZONE_OFFSETS.get(name.upper())
        if offset is None:
            return None
    elif offset == "-0000":
        return None
    try:
        # Writing the ISO form and letting C read it beats six int() calls
        # and a datetime constructor.
        return _datetime_fromiso(f"{year:0>4}-{month}-{day:0>2}T{clock}{offset}")
    except ValueError:
        return None


def _parse_general(
    text: str,
    stripped: str,
    default_tz: _dt.tzinfo | None,
    reference: _dt.date | None,
    tzinfos: Mapping[str, _dt.tzinfo] | None,
    dayfirst: bool,
) -> DateValue:
    """Every family, with full checks and worded errors; then dateutil."""
    if not stripped:
        msg = f"not a date: {text!r}"
        raise ParseError(msg, colno=1, snippet=text)
    families = _DIGIT_FAMILIES if stripped[0].isdigit() else _WORD_FAMILIES
    for family in families:
        match = family.fullmatch(stripped)
        if match is not None:
            lead = len(text) - len(text.lstrip())
            return _build(text, lead, match, default_tz, reference, tzinfos, dayfirst)
    return _parse_with_dateutil(text, default_tz=default_tz, reference=reference, tzinfos=tzinfos, dayfirst=dayfirst)


def _build(
    text: str,
    lead: int,
    match: re.Match[str],
    default_tz: _dt.tzinfo | None,
    reference: _dt.date | None,
    tzinfos: Mapping[str, _dt.tzinfo] | None,
    dayfirst: bool,
) -> DateValue:
    """Turn one family's match into a date or datetime, checking every part."""
    groups = match.groupdict()
    wd = groups.get("wd")
    if wd is not None and wd.lower() not in _WEEKDAYS:
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
        year = _two_digit_year(int(groups.get("y") or groups["yy"]), reference)
    else:
        year = None
    if not 1 <= month <= 12:
        msg = f"invalid date {text.strip()!r}: month {month} is out of range"
        raise ParseError(msg, colno=lead + match.start(month_group) + 1, snippet=text)
    if year is None:
        date = _nearest(month, day, reference, text, lead + 1)
    else:
        if year == 0 or day < 1 or day > _days_in(year, month):
            msg = f"invalid date {text.strip()!r}: day {day} is out of range for {_MONTH_NAMES[month - 1]} {year}"
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
            msg = f"invalid date {text.strip()!r}: hour {hour} is out of range for a 12-hour clock"
            raise ParseError(msg, colno=lead + match.start("H") + 1, snippet=text)
        hour = hour % 12 + (12 if ampm[0] in "pP" else 0)
    for name, value, limit in (("H", hour, 23), ("M", minute, 59), ("S", second, 59)):
        if value > limit:
            unit = {"H": "hour", "M": "minute", "S": "second"}[name]
            msg = f"invalid date {text.strip()!r}: {unit} {value} is out of range"
            raise ParseError(msg, colno=lead + match.start(name) + 1, snippet=text)
    naive = _dt.datetime(date.year, date.month, date.day, hour, minute, second, micro)
    zone_text = groups.get("zone")
    zone = None
    if zone_text is not None:
        # None for "-0000", RFC 5322's "no zone information".
        zone = _read_zone(zone_text, tzinfos, naive, text, lead + match.start("zone") + 1)
    if zone is None:
        if default_tz is None:
            return naive
        zone = _fixed(default_tz, naive)
    return _dt.datetime(date.year, date.month, date.day, hour, minute, second, micro, zone)


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _two_digit_year(yy: int, reference: _dt.date | None) -> int:
    """The century of a two-digit year: nearest the reference, else POSIX's pivot."""
    if reference is None:
        # POSIX strptime's %y: 69-99 are 1969-1999, 00-68 are 2000-2068.
        return yy + (1900 if yy >= 69 else 2000)
    base = reference.year - reference.year % 100 + yy
    # The candidate nearest the reference year; ties go to the earlier one.
    return min((base - 100, base, base + 100), key=lambda year: (abs(year - reference.year), year))


def _nearest(month: int, day: int, reference: _dt.date | None, text: str, column: int) -> _dt.date:
    """Give a year-less month and day the year that puts it nearest *reference*."""
    if reference is None:
        msg = f"date {text.strip()!r} has no year and no reference date was given"
        raise ParseError(msg, colno=column, snippet=text)
    if isinstance(reference, _dt.datetime):
        reference = reference.date()
    best: _dt.date | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        if not 1 <= year <= 9999 or day < 1 or day > _days_in(year, month):
            continue
        candidate = _dt.date(year, month, day)
        # Ties (half a year either way) go to the earlier date: news refers
        # back to what happened more often than forward.
        if best is None or abs(candidate - reference) < abs(best - reference):
            best = candidate
    if best is None:
        msg = f"invalid date {text.strip()!r}: day {day} is out of range for {_MONTH_NAMES[month - 1]}"
        raise ParseError(msg, colno=column, snippet=text)
    return best


def _fixed(zone: _dt.tzinfo, naive: _dt.datetime) -> _dt.timezone:
    """The fixed offset *zone* has at the local time *naive*."""
    if isinstance(zone, _dt.timezone):
        return zone
    offset = zone.utcoffset(naive)
    if offset is None:
        msg = f"time zone {zone!r} gives no UTC offset for {naive.isoformat()}"
        raise ParseError(msg)
    return _offset(int(offset.total_seconds()))


def _lookup_zone(name: str, tzinfos: Mapping[str, _dt.tzinfo] | None) -> _dt.tzinfo | None:
    """A zone abbreviation in the caller's table, then in :data:`ZONES`."""
    key = name.upper()
    if tzinfos:
        zone = tzinfos.get(name)
        if zone is not None:
            return zone
        for other, zone in tzinfos.items():
            if other.upper() == key:
                return zone
    return ZONES.get(key)


def _signed_offset(sign: str, digits: str, text: str, column: int) -> _dt.timezone:
    """``+0100``, ``+01:00``, ``+01``, ``+3``: hours east of Greenwich are positive."""
    digits = digits.replace(":", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    if hours > 23 or minutes > 59:
        msg = f"invalid date {text.strip()!r}: UTC offset {sign}{digits} is out of range"
        raise ParseError(msg, colno=column, snippet=text)
    seconds = (hours * 3600 + minutes * 60) * (-1 if sign == "-" else 1)
    return _offset(seconds)


def _read_zone(
    zone: str, tzinfos: Mapping[str, _dt.tzinfo] | None, naive: _dt.datetime, text: str, column: int
) -> _dt.timezone | None:
    """The fixed offset a zone designator names; ``None`` for RFC 5322's ``-0000``."""
    first = zone[0]
    if first in "+-":
        if first == "-" and zone.strip("-0:") == "":
            return None
        return _signed_offset(first, zone[1:], text, column)
    for prefix in ("GMT", "UTC", "UT"):
        # "GMT+3" is three hours east of Greenwich, as people mean it (POSIX
        # TZ strings, and so dateutil, read it the other way round).
        if zone.startswith(prefix) and len(zone) > len(prefix) and zone[len(prefix)] in "+-":
            return _signed_offset(zone[len(prefix)], zone[len(prefix) + 1 :], text, column + len(prefix))
    found = _lookup_zone(zone, tzinfos)
    if found is None:
        raise UnknownTimezoneError(text, naive, colno=column)
    return _fixed(found, naive)


# --------------------------------------------------------------------------
# The fallback: dateutil, with every hidden input pinned down.

# Two defaults that differ in every component: a component that comes out
# different in the two parses was absent from the text.  This tells a date
# from a datetime using dateutil's public API only.
_DEFAULT_A = _dt.datetime(2004, 1, 1, 0, 0, 0)
_DEFAULT_B = _dt.datetime(2005, 2, 2, 1, 1, 1)


class _UnknownZone(Exception):
    """Raised from inside dateutil to stop at a zone name we do not know."""


# dateutil's month names plus ours (German, French), one tuple per month.
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
        """Apply :func:`_two_digit_year` to years written with two digits."""
        if year < 100 and not century_specified:
            return _two_digit_year(year, self._reference)
        return year


@functools.lru_cache(maxsize=256)
def _parserinfo(reference: _dt.date | None) -> _WireParserInfo:
    return _WireParserInfo(reference)


# "GMT+3" and "UTC+03:00" become "+03:00" before dateutil sees them, so that
# its POSIX reading (GMT+3 is three hours WEST) never applies.
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC|UT)(?=[+-]\d)")


def _zone_lookup(
    tzinfos: Mapping[str, _dt.tzinfo] | None,
) -> Callable[[str | None, int | None], _dt.tzinfo | None]:
    # A callable, not a dict: given a dict, dateutil falls back to the
    # machine's own zone (time.tzname) for names the dict lacks.
    def lookup(name: str | None, offset: int | None) -> _dt.tzinfo | None:
        if name is not None:
            zone = _lookup_zone(name, tzinfos)
            if zone is not None:
                return zone
            if offset is None:
                raise _UnknownZone(name)
        if offset is not None:
            return _offset(offset)
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
    info = _parserinfo(reference.date() if isinstance(reference, _dt.datetime) else reference)
    parser = _du_parser.parser(info)
    lookup = _zone_lookup(tzinfos)
    source = _GMT_OFFSET.sub("", text)
    unknown: str | None = None
    first: _dt.datetime
    second: _dt.datetime
    options: dict[str, Any] = {"dayfirst": dayfirst}
    try:
        try:
            first = parser.parse(source, default=_DEFAULT_A, tzinfos=lookup, **options)
            second = parser.parse(source, default=_DEFAULT_B, tzinfos=lookup, **options)
        except _UnknownZone as err:
            unknown = str(err)
            first = parser.parse(source, default=_DEFAULT_A, ignoretz=True, **options)
            second = parser.parse(source, default=_DEFAULT_B, ignoretz=True, **options)
    except (ValueError, OverflowError) as err:
        msg = f"not a date: {text.strip()!r}"
        raise ParseError(msg, colno=len(text) - len(text.lstrip()) + 1, snippet=text) from err
    if first.month != second.month or first.day != second.day:
        msg = f"incomplete date {text.strip()!r}: no month or day"
        raise ParseError(msg, colno=len(text) - len(text.lstrip()) + 1, snippet=text)
    if first.year != second.year:
        value = _nearest(first.month, first.day, reference, text, len(text) - len(text.lstrip()) + 1)
        first = first.replace(year=value.year)
    # A time in the text fixes the hour in both parses.
    if first.hour != second.hour:
        return first.date()
    if unknown is not None:
        column = text.find(unknown) + 1 or 1
        raise UnknownTimezoneError(text, first, colno=column)
    if first.tzinfo is not None:
        return first.replace(tzinfo=_fixed(first.tzinfo, first.replace(tzinfo=None)))
    if default_tz is not None:
        return first.replace(tzinfo=_fixed(default_tz, first))
    return first


# --------------------------------------------------------------------------
# Writing.


def format_date(value: DateValue, style: str = "iso") -> str:
    """Write *value* in one of the :data:`STYLES`.

    ``parse_date(format_date(value, style)) == value`` holds for every value
    the style can represent (for ``mm-dd``, with ``reference=value``); the
    offset of an aware value is kept too, except by ``iptc7901`` and
    ``anpa-trailer``, which write the same instant in GMT.

    Raises:
        ValueError: *style* is unknown, or cannot hold *value*: the styles
            of a date only refuse datetimes, ``rfc822`` and ``iptc7901``
            refuse dates and fractions of the second (of the minute for
            ``iptc7901``), ``reuters21578`` and ``us-slash`` refuse aware
            values, and the two-digit-year styles refuse years outside
            1969-2068.

    .. versionadded:: 0.1
    """
    writer = _WRITERS.get(style)
    if writer is None:
        msg = f"unknown date style {style!r}; known styles: {', '.join(STYLES)}"
        raise ValueError(msg)
    return writer(value, style)


def _cannot(style: str, value: DateValue, why: str) -> ValueError:
    return ValueError(f"style {style!r} {why} (got {value!r})")


def _date_only(value: DateValue, style: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        raise _cannot(style, value, "writes dates only")
    return value


def _need_datetime(value: DateValue, style: str) -> _dt.datetime:
    if not isinstance(value, _dt.datetime):
        raise _cannot(style, value, "writes a time of day and needs a datetime")
    return value


def _offset_text(value: _dt.datetime, style: str, colon: bool) -> str:
    offset = value.utcoffset()
    assert offset is not None
    seconds = int(offset.total_seconds())
    if seconds % 60 or offset.microseconds:
        raise _cannot(style, value, "holds whole-minute UTC offsets only")
    sign = "-" if seconds < 0 else "+"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return f"{sign}{hours:02d}{':' if colon else ''}{minutes:02d}"


def _two_digit(value: _dt.date, style: str) -> str:
    if not 1969 <= value.year <= 2068:
        raise _cannot(style, value, "writes two-digit years and holds 1969-2068 only")
    return f"{value.year % 100:02d}"


def _write_iso(value: DateValue, style: str) -> str:
    if isinstance(value, _dt.datetime) and value.tzinfo is not None:
        # ISO 8601 has no seconds in an offset; Python would write them.
        _offset_text(value, style, colon=True)
    return value.isoformat()


def _write_iso_basic(value: DateValue, style: str) -> str:
    if not isinstance(value, _dt.datetime):
        return f"{value.year:04d}{value.month:02d}{value.day:02d}"
    text = f"{value.year:04d}{value.month:02d}{value.day:02d}T{value.hour:02d}{value.minute:02d}{value.second:02d}"
    if value.microsecond:
        text += f".{value.microsecond:06d}".rstrip("0")
    if value.tzinfo is None:
        return text
    zone = _offset_text(value, style, colon=False)
    return text + ("Z" if zone == "+0000" else zone)


def _write_us_long(value: DateValue, style: str) -> str:
    date = _date_only(value, style)
    return f"{_MONTH_NAMES[date.month - 1]} {date.day}, {date.year:04d}"


def _write_ap(value: DateValue, style: str) -> str:
    date = _date_only(value, style)
    return f"{_AP_MONTHS[date.month - 1]} {date.day}, {date.year:04d}"


def _write_day_month_year(value: DateValue, style: str) -> str:
    date = _date_only(value, style)
    return f"{date.day} {_MONTH_NAMES[date.month - 1]} {date.year:04d}"


def _write_rfc822(value: DateValue, style: str) -> str:
    moment = _need_datetime(value, style)
    if moment.microsecond:
        raise _cannot(style, value, "holds whole seconds only")
    zone = "-0000" if moment.tzinfo is None else _offset_text(moment, style, colon=False)
    return (
        f"{_DAY_ABBRS[moment.weekday()]}, {moment.day:02d} {_MONTH_ABBRS[moment.month - 1]} {moment.year:04d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d} {zone}"
    )


def _write_reuters21578(value: DateValue, style: str) -> str:
    moment = _need_datetime(value, style)
    if moment.tzinfo is not None:
        raise _cannot(style, value, "holds naive times only")
    if moment.microsecond % 10000:
        raise _cannot(style, value, "holds hundredths of a second only")
    return (
        f"{moment.day:2d}-{_MONTH_ABBRS[moment.month - 1].upper()}-{moment.year:04d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}.{moment.microsecond // 10000:02d}"
    )


def _write_mm_dd(value: DateValue, style: str) -> str:
    date = _date_only(value, style)
    return f"{date.month:02d}-{date.day:02d}"


def _gmt_minutes(value: DateValue, style: str) -> _dt.datetime:
    """The instant of an aware datetime in GMT, for the trailer styles that hold whole minutes."""
    moment = _need_datetime(value, style)
    if moment.tzinfo is None:
        raise _cannot(style, value, "writes GMT and needs an aware datetime")
    moment = moment.astimezone(_UTC)
    if moment.second or moment.microsecond:
        raise _cannot(style, value, "holds whole minutes only")
    return moment


def _write_iptc7901(value: DateValue, style: str) -> str:
    moment = _gmt_minutes(value, style)
    return (
        f"{moment.day:02d}{moment.hour:02d}{moment.minute:02d} GMT "
        f"{_MONTH_ABBRS[moment.month - 1]} {_two_digit(moment, style)}"
    )


def _write_anpa_trailer(value: DateValue, style: str) -> str:
    moment = _gmt_minutes(value, style)
    return f"{moment.month:02d}-{moment.day:02d}-{_two_digit(moment, style)} {moment.hour:02d}{moment.minute:02d}GMT"


def _write_us_slash(value: DateValue, style: str) -> str:
    text = f"{value.month:02d}/{value.day:02d}/{value.year:04d}"
    if not isinstance(value, _dt.datetime):
        return text
    if value.tzinfo is not None:
        raise _cannot(style, value, "holds naive times only")
    text += f" {value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    if value.microsecond:
        text += f".{value.microsecond:06d}".rstrip("0")
    return text


_WRITERS: Mapping[str, Callable[[DateValue, str], str]] = {
    "iso": _write_iso,
    "iso-basic": _write_iso_basic,
    "us-long": _write_us_long,
    "ap": _write_ap,
    "day-month-year": _write_day_month_year,
    "rfc822": _write_rfc822,
    "reuters21578": _write_reuters21578,
    "mm-dd": _write_mm_dd,
    "iptc7901": _write_iptc7901,
    "anpa-trailer": _write_anpa_trailer,
    "us-slash": _write_us_slash,
}
