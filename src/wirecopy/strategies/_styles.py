"""Dates in each style of wirecopy.format_date, written without loss."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from hypothesis import strategies as st

from ._common import dates, datetimes

_UTC = _dt.timezone.utc


def _to_seconds(value: _dt.datetime) -> _dt.datetime:
    return value.replace(microsecond=0)


def _centiseconds(value: _dt.datetime) -> _dt.datetime:
    return value.replace(microsecond=value.microsecond // 10_000 * 10_000)


def _naive(min_year: int = 1900, max_year: int = 2099) -> st.SearchStrategy[_dt.datetime]:
    return st.datetimes(min_value=_dt.datetime(min_year, 1, 1), max_value=_dt.datetime(max_year, 12, 31, 23, 59, 59))


def _aware_minutes(value: _dt.datetime) -> _dt.datetime:
    return value.replace(second=0, microsecond=0)


#: What :func:`dates_in_style` draws for each style of
#: :func:`wirecopy.format_date`: the values the style writes without loss.
STYLE_DOMAINS: dict[str, str] = {
    "iso": "dates, naive datetimes and aware datetimes (whole-minute offsets), to the second",
    "iso-basic": "dates, naive datetimes and aware datetimes (whole-minute offsets), to the second",
    "us-long": "dates",
    "ap": "dates",
    "day-month-year": "dates",
    "rfc822": "naive and aware datetimes (whole-minute offsets) to the second",
    "reuters21578": "naive datetimes to the hundredth of a second",
    "mm-dd": "dates; read back with reference= a date near the value",
    "iptc7901": "aware datetimes (whole-minute offsets) to the minute, 1969-2068 in GMT, read back as the same "
    "instant in GMT; read back with reference= a date near the value",
    "anpa-trailer": "aware datetimes (whole-minute offsets) to the minute, 1969-2068 in GMT, read back as the same "
    "instant in GMT",
    "us-slash": "dates and naive datetimes to the second",
}


def _gmt_trailer_values() -> st.SearchStrategy[_dt.date | _dt.datetime]:
    # The GMT instant must fall in 1969-2068, whatever the offset.
    return datetimes(aware=True).map(_aware_minutes).filter(lambda v: 1969 <= v.astimezone(_UTC).year <= 2068)


_STYLE_VALUES: dict[str, Callable[[], st.SearchStrategy[_dt.date | _dt.datetime]]] = {
    "iso": lambda: st.one_of(dates(), datetimes()),
    "iso-basic": lambda: st.one_of(dates(), datetimes()),
    "us-long": dates,
    "ap": dates,
    "day-month-year": dates,
    "rfc822": datetimes,
    "reuters21578": lambda: _naive().map(_centiseconds),
    "mm-dd": dates,
    # The GMT instant must fall in 1969-2068, whatever the offset.
    "iptc7901": lambda: _gmt_trailer_values(),
    "anpa-trailer": lambda: _gmt_trailer_values(),
    "us-slash": lambda: st.one_of(dates(), _naive().map(_to_seconds)),
}


def dates_in_style(style: str) -> st.SearchStrategy[_dt.date | _dt.datetime]:
    """Dates and datetimes that :func:`wirecopy.format_date` writes in *style* without loss.

    For every value *v* drawn, ``parse_date(format_date(v, style)) == v``;
    ``mm-dd`` and ``iptc7901``, which write no year or two digits of it,
    read back with a *reference* date near *v*.  :data:`STYLE_DOMAINS` says
    what each style draws.

    Raises:
        ValueError: *style* is not a style this module knows.

    .. versionadded:: 0.1
    """
    try:
        return _STYLE_VALUES[style]()
    except KeyError:
        msg = f"no date strategy for style {style!r}; known styles: {', '.join(_STYLE_VALUES)}"
        raise ValueError(msg) from None


def date_texts(style: str) -> st.SearchStrategy[str]:
    """Date strings in *style*, as :func:`wirecopy.format_date` writes them: ``Dec. 30, 2000`` for ``ap``.

    Raises:
        ValueError: :func:`wirecopy.format_date` has no such style.

    .. versionadded:: 0.1
    """
    from ..dates import STYLES, format_date

    if style not in STYLES:
        msg = f"format_date has no style {style!r}; its styles: {', '.join(STYLES)}"
        raise ValueError(msg)
    return dates_in_style(style).map(lambda value: format_date(value, style))
