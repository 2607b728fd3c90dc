"""The rules no clock may decide: two-digit years, year-less dates, month lengths."""

from __future__ import annotations

import datetime as _dt

from ..errors import ParseError
from .limits import shown
from .names import MONTH_NAMES


def days_in(year: int, month: int) -> int:
    """The number of days in *month* of *year*, by the Gregorian calendar."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def two_digit_year(yy: int, reference: _dt.date | None) -> int:
    """The century of a two-digit year: nearest the reference, else POSIX's pivot."""
    if reference is None:
        # POSIX strptime's %y: 69-99 are 1969-1999, 00-68 are 2000-2068.
        return yy + (1900 if yy >= 69 else 2000)
    base = reference.year - reference.year % 100 + yy
    # The candidate nearest the reference year; ties go to the earlier one.
    # Only years 1-9999 are candidates (one of the three always is): near
    # the ends of the range, the nearest may be a century away.
    candidates = [year for year in (base - 100, base, base + 100) if 1 <= year <= 9999]
    return min(candidates, key=lambda year: (abs(year - reference.year), year))


def nearest_day(month: int, day: int, reference: _dt.date) -> _dt.date | None:
    """*month* (1-12) and *day* in the year that puts them nearest *reference*.

    Ties (half a year either way) go to the earlier date: news refers back to
    what happened more often than forward.  ``None`` if no year near the
    reference has that day (29 February, mostly).
    """
    year = reference.year
    try:
        candidate = _dt.date(year, month, day)
    except ValueError:
        return _nearest_of_three(month, day, reference)
    # toordinal() counts a datetime reference by its date.
    distance = candidate.toordinal() - reference.toordinal()
    # The same day a year earlier or later is at least 365 days from this
    # one: within 182 days of the reference, this one is the nearest.
    if -182 <= distance <= 182:
        return candidate
    return nearer_neighbour(candidate, distance, reference)


def nearer_neighbour(candidate: _dt.date, distance: int, reference: _dt.date) -> _dt.date:
    """*candidate*, in the reference's year and *distance* days after it, or the same day a year nearer, if nearer.

    Only the year on the reference's side can be nearer; ties go to the
    earlier date.
    """
    try:
        if distance > 0:
            earlier = _dt.date(candidate.year - 1, candidate.month, candidate.day)
            return earlier if reference.toordinal() - earlier.toordinal() <= distance else candidate
        later = _dt.date(candidate.year + 1, candidate.month, candidate.day)
    except ValueError:
        # 29 February, or a year outside the calendar: no such neighbour.
        return candidate
    return later if later.toordinal() - reference.toordinal() < -distance else candidate


def _nearest_of_three(month: int, day: int, reference: _dt.date) -> _dt.date | None:
    """:func:`nearest_day` the long way, for a day the reference's own year lacks."""
    if isinstance(reference, _dt.datetime):
        reference = reference.date()
    best: _dt.date | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        if not 1 <= year <= 9999 or day < 1 or day > days_in(year, month):
            continue
        candidate = _dt.date(year, month, day)
        if best is None or abs(candidate - reference) < abs(best - reference):
            best = candidate
    return best


def nearest(month: int, day: int, reference: _dt.date | None, text: str, column: int) -> _dt.date:
    """Give a year-less month and day the year that puts it nearest *reference*, or say why not.

    Raises:
        ParseError: There is no *reference*, or no year near it has that day.
    """
    if reference is None:
        msg = f"date {shown(text)} has no year and no reference date was given"
        raise ParseError(msg, colno=column, snippet=text)
    best = nearest_day(month, day, reference)
    if best is None:
        msg = f"invalid date {shown(text)}: day {day} is out of range for {MONTH_NAMES[month - 1]}"
        raise ParseError(msg, colno=column, snippet=text)
    return best
