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

from ._dates import fast as _fast
from ._dates import layouts as _layouts
from ._dates import limits as _limits
from ._dates import names as _names
from ._dates import styles as _styles
from ._dates import zones as _zones
from .article import DateValue
from .errors import ParseError, WriteError

__all__ = ["MONTHS", "STYLES", "ZONES", "DateValue", "format_date", "parse_date"]

#: Zone abbreviations and their fixed offsets.  One answer on every machine:
#: ``BST`` is British Summer Time, never Bangladesh; ``IST`` and other
#: abbreviations with several common meanings are left out on purpose (pass
#: them in ``tzinfos`` when your source is unambiguous).
ZONES: Mapping[str, _dt.tzinfo] = _zones.ZONES

#: Month names and abbreviations, lower case, as wire copy spells them:
#: English (with AP's ``Sept.``), German (dpa trailers: ``Okt``) and French
#: (AFP datelines: ``juil``).
MONTHS: Mapping[str, int] = _names.MONTHS

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
    if len(stripped) > _limits.LONGEST_DATE:
        _limits.check_length(text, stripped)
    try:
        value = _fast.read_fast(stripped, default_tz, reference, tzinfos)
        if value is not None:
            return value
        return _layouts.parse_general(text, stripped, default_tz, reference, tzinfos, dayfirst)
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
