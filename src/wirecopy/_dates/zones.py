"""Zone abbreviations and offsets: one fixed table, never the machine's zone."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

from ..errors import ParseError, UnknownTimezoneError
from .limits import shown

UTC = _dt.timezone.utc
# One timezone object per offset (in seconds): building one costs more than
# the rest of a fast-path parse.
_OFFSETS: dict[int, _dt.timezone] = {0: UTC}


def offset(seconds: int) -> _dt.timezone:
    """The fixed zone *seconds* east of Greenwich, one object per offset."""
    zone = _OFFSETS.get(seconds)
    if zone is None:
        zone = _OFFSETS[seconds] = _dt.timezone(_dt.timedelta(seconds=seconds))
    return zone


def _hours(hours: float) -> _dt.timezone:
    return offset(round(hours * 3600))


# The table of wirecopy.dates.ZONES, documented there.
ZONES: Mapping[str, _dt.tzinfo] = {
    "UT": UTC,
    "UTC": UTC,
    "GMT": UTC,
    "Z": UTC,
    "EST": _hours(-5),
    "EDT": _hours(-4),
    "CST": _hours(-6),
    "CDT": _hours(-5),
    "MST": _hours(-7),
    "MDT": _hours(-6),
    "PST": _hours(-8),
    "PDT": _hours(-7),
    "AKST": _hours(-9),
    "AKDT": _hours(-8),
    "HST": _hours(-10),
    "AST": _hours(-4),
    "ADT": _hours(-3),
    "NST": _hours(-3.5),
    "NDT": _hours(-2.5),
    "WET": _hours(0),
    "WEST": _hours(1),
    "BST": _hours(1),
    "CET": _hours(1),
    "CEST": _hours(2),
    "MET": _hours(1),
    "MEST": _hours(2),
    "MEZ": _hours(1),
    "MESZ": _hours(2),
    "EET": _hours(2),
    "EEST": _hours(3),
    "MSK": _hours(3),
    "JST": _hours(9),
    "KST": _hours(9),
    "HKT": _hours(8),
    "SGT": _hours(8),
    "AWST": _hours(8),
    "ACST": _hours(9.5),
    "ACDT": _hours(10.5),
    "AEST": _hours(10),
    "AEDT": _hours(11),
    "NZST": _hours(12),
    "NZDT": _hours(13),
}


def _iso_offset(zone: _dt.tzinfo) -> str | None:
    delta = zone.utcoffset(None)
    if delta is None or delta.seconds % 60:
        return None
    minutes = int(delta.total_seconds()) // 60
    return f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


#: The table's zones as ISO offsets (``EST``: ``-0500``), for the hot path.
ISO_OFFSETS: Mapping[str, str] = {name: text for name, zone in ZONES.items() if (text := _iso_offset(zone)) is not None}


def fixed(zone: _dt.tzinfo, naive: _dt.datetime) -> _dt.timezone:
    """The fixed offset *zone* has at the local time *naive*."""
    if isinstance(zone, _dt.timezone):
        return zone
    delta = zone.utcoffset(naive)
    if delta is None:
        msg = f"time zone {zone!r} gives no UTC offset for {naive.isoformat()}"
        raise ParseError(msg)
    return offset(int(delta.total_seconds()))


def lookup(name: str, tzinfos: Mapping[str, _dt.tzinfo] | None) -> _dt.tzinfo | None:
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


def signed_offset(sign: str, digits: str, text: str, column: int) -> _dt.timezone:
    """``+0100``, ``+01:00``, ``+01``, ``+3``: hours east of Greenwich are positive."""
    digits = digits.replace(":", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    if hours > 23 or minutes > 59:
        msg = f"invalid date {shown(text)}: UTC offset {sign}{digits} is out of range"
        raise ParseError(msg, colno=column, snippet=text)
    seconds = (hours * 3600 + minutes * 60) * (-1 if sign == "-" else 1)
    return offset(seconds)


def read_zone(
    zone: str, tzinfos: Mapping[str, _dt.tzinfo] | None, naive: _dt.datetime, text: str, column: int
) -> _dt.timezone | None:
    """The fixed offset a zone designator names; ``None`` for RFC 5322's ``-0000``."""
    first = zone[0]
    if first in "+-":
        if first == "-" and zone.strip("-0:") == "":
            return None
        return signed_offset(first, zone[1:], text, column)
    for prefix in ("GMT", "UTC", "UT"):
        # "GMT+3" is three hours east of Greenwich, as people mean it (POSIX
        # TZ strings, and so dateutil, read it the other way round).
        if zone.startswith(prefix) and len(zone) > len(prefix) and zone[len(prefix)] in "+-":
            return signed_offset(zone[len(prefix)], zone[len(prefix) + 1 :], text, column + len(prefix))
    found = lookup(zone, tzinfos)
    if found is None:
        raise UnknownTimezoneError(text, naive, colno=column)
    return fixed(found, naive)
