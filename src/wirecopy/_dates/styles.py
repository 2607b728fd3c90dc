"""The styles :func:`wirecopy.format_date` writes, in one table.

Each style is the layout a format (or a common house style) writes, with
the values it can hold; every style is read back by :func:`wirecopy.parse_date`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from typing import NamedTuple

from ..article import DateValue
from ..errors import WriteError
from .names import AP_MONTHS, DAY_ABBRS, MONTH_ABBRS, MONTH_NAMES
from .zones import UTC


def cannot(style: str, value: DateValue, why: str) -> WriteError:
    """The error for a *value* that *style* cannot hold, naming both."""
    return WriteError(f"style {style!r} {why} (got {value!r})")


def _aware(value: _dt.datetime) -> bool:
    # As Python has it: a tzinfo that gives no offset makes a naive time.
    return value.utcoffset() is not None


def _date_only(value: DateValue, style: str) -> _dt.date:
    if isinstance(value, _dt.datetime):
        raise cannot(style, value, "writes dates only")
    return value


def _need_datetime(value: DateValue, style: str) -> _dt.datetime:
    if not isinstance(value, _dt.datetime):
        raise cannot(style, value, "writes a time of day and needs a datetime")
    return value


def _offset_text(value: _dt.datetime, style: str, colon: bool) -> str:
    delta = value.utcoffset()
    assert delta is not None  # the callers check that value is aware
    seconds = int(delta.total_seconds())
    if seconds % 60 or delta.microseconds:
        raise cannot(style, value, "holds whole-minute UTC offsets only")
    sign = "-" if seconds < 0 else "+"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return f"{sign}{hours:02d}{':' if colon else ''}{minutes:02d}"


def _two_digit(value: _dt.date, style: str) -> str:
    if not 1969 <= value.year <= 2068:
        raise cannot(style, value, "writes two-digit years and holds 1969-2068 only")
    return f"{value.year % 100:02d}"


def _write_iso(value: DateValue, style: str) -> str:
    if isinstance(value, _dt.datetime) and _aware(value):
        # ISO 8601 has no seconds in an offset; Python would write them.
        _offset_text(value, style, colon=True)
    return value.isoformat()


def _write_iso_basic(value: DateValue, style: str) -> str:
    if not isinstance(value, _dt.datetime):
        return f"{value.year:04d}{value.month:02d}{value.day:02d}"
    text = f"{value.year:04d}{value.month:02d}{value.day:02d}T{value.hour:02d}{value.minute:02d}{value.second:02d}"
    if value.microsecond:
        text += f".{value.microsecond:06d}".rstrip("0")
    if not _aware(value):
        return text
    zone = _offset_text(value, style, colon=False)
    return text + ("Z" if zone == "+0000" else zone)


def _write_us_long(value: DateValue, style: str) -> str:
    date = _date_only(value, style)
    return f"{MONTH_NAMES[date.month - 1]} {date.day}, {date.year:04d}"


def _write_ap(value: DateValue, style: str) -> str:
    date = _date_only(value, style)
    return f"{AP_MONTHS[date.month - 1]} {date.day}, {date.year:04d}"


def _write_day_month_year(value: DateValue, style: str) -> str:
    date = _date_only(value, style)
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year:04d}"


def _write_rfc822(value: DateValue, style: str) -> str:
    moment = _need_datetime(value, style)
    if moment.microsecond:
        raise cannot(style, value, "holds whole seconds only")
    zone = _offset_text(moment, style, colon=False) if _aware(moment) else "-0000"
    return (
        f"{DAY_ABBRS[moment.weekday()]}, {moment.day:02d} {MONTH_ABBRS[moment.month - 1]} {moment.year:04d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d} {zone}"
    )


def _write_reuters21578(value: DateValue, style: str) -> str:
    moment = _need_datetime(value, style)
    if _aware(moment):
        raise cannot(style, value, "holds naive times only")
    if moment.microsecond % 10000:
        raise cannot(style, value, "holds hundredths of a second only")
    return (
        f"{moment.day:2d}-{MONTH_ABBRS[moment.month - 1].upper()}-{moment.year:04d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}.{moment.microsecond // 10000:02d}"
    )


def _write_mm_dd(value: DateValue, style: str) -> str:
    date = _date_only(value, style)
    return f"{date.month:02d}-{date.day:02d}"


def _gmt_minutes(value: DateValue, style: str) -> _dt.datetime:
    """The instant of an aware datetime in GMT, for the trailer styles that hold whole minutes."""
    moment = _need_datetime(value, style)
    if not _aware(moment):
        raise cannot(style, value, "writes GMT and needs an aware datetime")
    try:
        moment = moment.astimezone(UTC)
    except OverflowError:
        raise cannot(style, value, "writes GMT, and the instant in GMT is out of range") from None
    if moment.second or moment.microsecond:
        raise cannot(style, value, "holds whole minutes only")
    return moment


def _write_iptc7901(value: DateValue, style: str) -> str:
    moment = _gmt_minutes(value, style)
    return (
        f"{moment.day:02d}{moment.hour:02d}{moment.minute:02d} GMT "
        f"{MONTH_ABBRS[moment.month - 1]} {_two_digit(moment, style)}"
    )


def _write_anpa_trailer(value: DateValue, style: str) -> str:
    moment = _gmt_minutes(value, style)
    return f"{moment.month:02d}-{moment.day:02d}-{_two_digit(moment, style)} {moment.hour:02d}{moment.minute:02d}GMT"


def _write_us_slash(value: DateValue, style: str) -> str:
    text = f"{value.month:02d}/{value.day:02d}/{value.year:04d}"
    if not isinstance(value, _dt.datetime):
        return text
    if _aware(value):
        raise cannot(style, value, "holds naive times only")
    text += f" {value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    if value.microsecond:
        text += f".{value.microsecond:06d}".rstrip("0")
    return text


class Style(NamedTuple):
    """One style: what it writes, and the function that writes it."""

    description: str
    write: Callable[[DateValue, str], str]


#: Every style, by name: its description (with examples) and its writer.
STYLE_TABLE: Mapping[str, Style] = {
    "iso": Style(
        "ISO 8601 extended: 2000-12-30, 2000-12-30T18:00:00, 2000-12-30T18:00:00+00:00",
        _write_iso,
    ),
    "iso-basic": Style(
        "ISO 8601 basic, as NITF writes it: 20001230, 20001230T180000, 20151210T191044Z, 20131020T192751+1100",
        _write_iso_basic,
    ),
    "us-long": Style("US long form, a date only: December 30, 2000", _write_us_long),
    "ap": Style("AP style, a date only: Dec. 30, 2000; Sept. 3, 2001; March 5, 2001", _write_ap),
    "day-month-year": Style("British long form, a date only: 30 December 2000", _write_day_month_year),
    "rfc822": Style(
        "RFC 822/5322, a time to the second: Sat, 30 Dec 2000 18:00:00 +0000 (-0000 for a naive time)",
        _write_rfc822,
    ),
    "reuters21578": Style(
        "Reuters-21578 <DATE>, a naive time to the hundredth: 30-DEC-2000 18:00:00.00",
        _write_reuters21578,
    ),
    "mm-dd": Style(
        "the ANPA header's month and day, no year (read back with a reference): 12-30",
        _write_mm_dd,
    ),
    "iptc7901": Style(
        "the IPTC 7901 trailer, a time to the minute in GMT, two-digit year: 301800 GMT Dec 00",
        _write_iptc7901,
    ),
    "anpa-trailer": Style(
        "the ANPA-1312 trailer's date, a time to the minute in GMT, two-digit year: 12-30-00 1800GMT",
        _write_anpa_trailer,
    ),
    "us-slash": Style(
        "US numeric, a date or a naive time: 12/30/2000, 12/30/2000 18:00:00",
        _write_us_slash,
    ),
}
