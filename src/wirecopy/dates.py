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
from collections.abc import Mapping

from ._dates import limits as _limits
from ._dates import names as _names
from ._dates import styles as _styles
from ._dates import zones as _zones
from ._dates.fast import BASIC as _BASIC
from ._dates.fast import FROMISO_FULL as _FROMISO_FULL
from ._dates.fast import ISO as _ISO
from ._dates.fast import minus_zero as _minus_zero
from ._dates.fast import read_reuters as _read_reuters
from ._dates.fast import read_rfc822 as _read_rfc822
from ._dates.fast import read_slash as _read_slash
from ._dates.fast import read_words as _read_words
from ._dates.layouts import parse_general as _parse_general
from ._dates.zones import fixed as _fixed
from .article import DateValue
from .errors import ParseError, WriteError

__all__ = ["MONTHS", "STYLES", "ZONES", "DateValue", "format_date", "parse_date"]

#: Zone abbreviations and their fixed offsets.  One answer on every machine:
#: ``BST`` is British Summer Time, never Bangladesh; ``IST`` and other
#: abbreviations with several common meanings are left out on purpose (pass
#: them in ``tzinfos`` when your source is unambiguous).
ZONES: Mapping[str, _dt.tzinfo] = _zones.ZONES

#: Month names and abbreviations, lower case, as wire copy spells them:
#: English (with AP's ``Sept.``), German (dpa trailers: ``Okt``), French
#: (AFP datelines: ``juil``), Italian (ANSA: ``luglio``, ``ott``) and Spanish
#: (EFE: ``enero``, ``dic``).  The abbreviations that are also English words
#: (``ago``, ``set``, ``gen``, ``mag``, ``lug``, ``ene``) are left out: only a
#: dateline's date reads them (``ROMA, 1 LUG -``).
MONTHS: Mapping[str, int] = _names.MONTHS

# Bound once, here and in the imports: parse_date is the hot path of every
# reader, and a module attribute costs a lookup on every call.
_LONGEST_DATE = _limits.LONGEST_DATE
_date_fromiso = _dt.date.fromisoformat
_datetime_fromiso = _dt.datetime.fromisoformat

#: The styles :func:`format_date` writes, each read back by :func:`parse_date`.
STYLES: Mapping[str, str] = {name: style.description for name, style in _styles.STYLE_TABLE.items()}


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
    try:
        # The hot path: the commonest shapes, each told by a character or two
        # and read by C code (fromisoformat) or a reader of _dates.fast.
        # Whatever it declines goes to the layouts, which read the same
        # shapes, check every part and word the error.
        if size > 4:
            first = stripped[0]
            if "0" <= first <= "9":
                if stripped[4] == "-" or (size > 8 and stripped[8] == "T"):
                    # ISO 8601: a date, or a time (extended or basic) where
                    # fromisoformat reads it as the layouts do ("-0000" is
                    # no zone, not UTC).
                    if size == 10 and stripped[7] == "-":
                        try:
                            return _date_fromiso(stripped)
                        except ValueError:
                            pass
                    elif (
                        _FROMISO_FULL
                        and (_ISO if stripped[4] == "-" else _BASIC).fullmatch(stripped) is not None
                        and (stripped[-1] != "0" or not _minus_zero(stripped))
                    ):
                        try:
                            moment = _datetime_fromiso(stripped)
                        except ValueError:
                            pass
                        else:
                            if moment.tzinfo is None and default_tz is not None:
                                return moment.replace(tzinfo=_fixed(default_tz, moment))
                            return moment
                elif size == 8 and stripped.isdigit() and stripped.isascii():
                    # ISO 8601 basic, a date (and TREC's).
                    try:
                        if _FROMISO_FULL:
                            return _date_fromiso(stripped)
                        return _dt.date(int(stripped[:4]), int(stripped[4:6]), int(stripped[6:]))
                    except ValueError:
                        pass
                else:
                    second = stripped[1]
                    third = stripped[2]
                    if second == "/" or third == "/":
                        value = _read_slash(stripped, default_tz, dayfirst)
                    elif second == " " or third == " ":
                        # "30 December 2000", "30 December"; else RFC 822 without a weekday.
                        value = _read_words(stripped, reference)
                        if value is None and _FROMISO_FULL:
                            value = _read_rfc822(stripped, reference, tzinfos)
                    else:
                        # The only hot shape with a tail of any length (its junk).
                        value = _read_reuters(stripped) if _FROMISO_FULL and size <= _LONGEST_DATE else None
                    if value is not None:
                        return value
            elif "A" <= first <= "z":
                if stripped[3] == "," and _FROMISO_FULL:
                    value = _read_rfc822(stripped, reference, tzinfos)
                    if value is not None:
                        return value
                value = _read_words(stripped, reference)
                if value is not None:
                    return value
        # The hot shapes are all shorter than any limit; no other text
        # longer than a date is looked at.
        if size > _LONGEST_DATE:
            _limits.check_length(text, stripped)
        return _parse_general(text, stripped, default_tz, reference, tzinfos, dayfirst)
    except ParseError:
        raise
    except (ValueError, ArithmeticError) as err:
        # datetime refusing a value the checks let through (a zone of the
        # caller's whose offset is a day or more, say) is still a bad date.
        msg = f"not a date: {_limits.shown(text)}"
        raise ParseError(msg, colno=len(text) - len(text.lstrip()) + 1, snippet=text) from err


def format_date(value: DateValue, style: str = "iso") -> str:
    """Write *value* in one of the :data:`STYLES`.

    ``parse_date(format_date(value, style)) == value`` holds for every value
    the style can represent (for ``mm-dd``, with ``reference=value``); the
    offset of an aware value is kept too, except by ``iptc7901`` and
    ``anpa-trailer``, which write the same instant in GMT.

    Raises:
        WriteError: *style* is unknown, or cannot hold *value*: the styles
            of a date only refuse datetimes, ``rfc822`` and ``iptc7901``
            refuse dates and fractions of the second (of the minute for
            ``iptc7901``), ``reuters21578`` and ``us-slash`` refuse aware
            values, and the two-digit-year styles refuse years outside
            1969-2068.  :class:`~wirecopy.WriteError` is a
            :class:`ValueError`, which this function raised before.

    .. versionadded:: 0.1
    """
    style_entry = _styles.STYLE_TABLE.get(style)
    if style_entry is None:
        msg = f"unknown date style {style!r}; known styles: {', '.join(STYLES)}"
        raise WriteError(msg)
    return style_entry.write(value, style)
