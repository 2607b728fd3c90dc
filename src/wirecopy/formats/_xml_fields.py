"""The fields the XML formats share: dates, datelines, and the values writers take from ``extra``.

Private to ``nitf``, ``newsml-g2``, ``newsml-1`` and ``rcv1-xml``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from .. import _text
from ..article import Dateline, DateValue
from ..context import Document
from ..datelines import parse_dateline
from ..dates import parse_date
from ..errors import ParseError
from ..policy import Policy

__all__ = [
    "add_repeated",
    "dateline_parts",
    "element_dateline",
    "extra_str",
    "is_byline",
    "is_nmtoken",
    "is_preamble",
    "read_date",
    "str_items",
    "take_dateline",
    "try_date",
    "unique",
    "wrap",
]


# -- dates and datelines -----------------------------------------------------


def try_date(
    text: str | None, policy: Policy, *, reference: _dt.date | None = None, dayfirst: bool = False
) -> DateValue | None:
    """Parse *text* as a date with the *policy*'s zones; ``None`` (and no defect) when it is not one."""
    if not text:
        return None
    try:
        return parse_date(
            text,
            default_tz=policy.default_tz,
            reference=reference if reference is not None else policy.reference,
            tzinfos=policy.zones,
            dayfirst=dayfirst,
        )
    except ParseError:
        return None


def read_date(
    text: str | None,
    document: Document,
    *,
    where: tuple[int | None, int | None] | Callable[[], tuple[int | None, int | None]] = (None, None),
) -> DateValue | None:
    """Parse a date field; when it is not a date, report it on *document* placed at *where*.

    *where* may be a function, called only when there is something to report.
    """
    if text is None:
        return None
    found = try_date(text, document.context.policy)
    if found is not None:
        return found
    line, column = where() if callable(where) else where
    return document.date(text, line=line, column=column)


def element_dateline(
    text: str,
    policy: Policy,
    *,
    place: str | None = None,
    region: str | None = None,
    date: DateValue | None = None,
    reference: _dt.date | None = None,
) -> Dateline | None:
    """A dateline from a dateline field; see :func:`_read_dateline`.

    Memoised: a feed repeats the same few thousand datelines, and a
    :class:`Dateline` is immutable.  A text met for the first time is read
    against the story's date and remembered with it.  Most datelines
    (``NEW YORK``) carry no date that the story's date would resolve, so
    their result does not depend on *reference*: when a text comes again
    with another date, that is found out once, by reading it against two
    far-apart references, and such a text is then looked up without its
    reference.
    """
    field = (text, place, region, date)
    key = (field, policy.default_tz, policy.tzinfos, policy.reference)
    try:
        found = _DATELINES.get(key, _UNSEEN)
    except TypeError:  # an unhashable zone in the policy: no memo
        return _read_dateline(field, policy, reference)
    if found is _UNSEEN:
        result = _read_dateline(field, policy, reference)
        _remember(key, _Seen(reference, result))
        return result
    if isinstance(found, _Seen):
        if _same(found.reference, reference):
            return found.result
        found = _fixed(field, policy)
        _remember(key, found)
    if found is not _RELATIVE:
        return found  # type: ignore[return-value]
    return _read_dateline(field, policy, reference)


class _Seen:
    """A dateline text met once: the story's date it was read against, and what it gave."""

    __slots__ = ("reference", "result")

    def __init__(self, reference: _dt.date | None, result: Dateline | None) -> None:
        self.reference = reference
        self.result = result


def _same(one: _dt.date | None, other: _dt.date | None) -> bool:
    """Whether two story dates are the same for reading a dateline: same type, day and time, same offset."""
    if one is other:
        return True
    if type(one) is not type(other) or one != other:
        return False
    return not isinstance(one, _dt.datetime) or one.utcoffset() == other.utcoffset()  # type: ignore[union-attr]


def _fixed(field: tuple[str, str | None, str | None, DateValue | None], policy: Policy) -> object:
    """What a dateline field reads as whatever the story's date, or ``_RELATIVE`` when that date matters."""
    if "/" in field[0]:  # numeric dates are read nearest the reference
        return _RELATIVE
    first = _read_dateline(field, policy, _FAR[0])
    second = _read_dateline(field, policy, _FAR[1])
    if first != second or (first is not None and first.date != second.date):  # type: ignore[union-attr]
        return _RELATIVE
    fixed = _read_dateline(field, policy, None)
    return fixed if fixed == first else _RELATIVE


def _remember(key: Any, found: object) -> None:
    if len(_DATELINES) >= 4096:
        _DATELINES.clear()
    _DATELINES[key] = found


_UNSEEN = object()
_RELATIVE = object()
# Two references far apart, on different weekdays and months.
_FAR = (_dt.date(2001, 1, 6), _dt.date(2012, 8, 15))
_DATELINES: dict[Any, object] = {}


def _read_dateline(
    field: tuple[str, str | None, str | None, DateValue | None], policy: Policy, reference: _dt.date | None
) -> Dateline | None:
    """A dateline from a dateline field: its (text, place, region, date), read against *reference*.

    The text is read with :func:`~wirecopy.datelines.parse_dateline`; a
    structured *place* and *region* (a NITF ``location``), where given, are
    more exact than the text and win; *date* (a ``story.date``) fills a date
    the text lacks.  A text the dateline parser cannot
    read is kept as written, with the structure it came with; a text that is
    a timestamp (``2014-07-17 00:24:11 GMT+00:00``) is a date, not a place.
    """
    text, place, region, date = field
    if not text and place is None and date is None:
        return None
    if text:
        try:
            parsed = parse_dateline(text, reference=reference)
        except ParseError:
            parsed = None
        if parsed is not None:
            # parse_dateline reads a bare numeric date (ANA-MPA's "4/4/2018")
            # in the order nearer the story's own date.
            found = parsed.date
            return attrs.evolve(
                parsed,
                place=place if place is not None else parsed.place,
                region=region if region is not None else parsed.region,
                date=found if found is not None else date,
            )
        if date is None and any(char.isdigit() for char in text):
            rest = text
            if place is not None and text.casefold().startswith(place.casefold()):
                rest = text[len(place) :].strip(" ,-")
            if rest:
                date = try_date(rest, policy, reference=reference)
    return Dateline(text=text or place or "", place=place, region=region, date=date)


#: A byline paragraph: ``By`` and a name or two, not a sentence (``By then, ...``).
_BYLINE = re.compile(r"(?:By|BY)\s+[A-Z\u00c0-\u024f][^\n]{0,78}(?<![.!?])")
# What a wire puts before the story's first paragraph: an editor's note in
# parentheses ("(Adds comments, detail)"), a bullet, a byline.
_NOTE = re.compile(r"\([^()]*(?:\([^()]*\)[^()]*)*\)")
_BULLET = re.compile(r"[*\u2022]\s")


def is_byline(paragraph: str) -> bool:
    """Whether a paragraph is a byline (``By Joseph Ax``), not a sentence."""
    return _BYLINE.fullmatch(paragraph) is not None and paragraph.count(" ") < 12


def is_preamble(paragraph: str) -> bool:
    """Whether a paragraph is what a wire puts before the story: an editor's note, a bullet, a byline."""
    return _NOTE.fullmatch(paragraph) is not None or _BULLET.match(paragraph) is not None or is_byline(paragraph)


def take_dateline(
    paragraphs: list[str], field: Dateline | None, *, reference: _dt.date | None = None
) -> Dateline | None:
    """Split a dateline off the head of the story, and reconcile it with the dateline field.

    The dateline is looked for as :func:`~wirecopy.datelines.find_dateline`
    looks for it: in the first paragraph, or past a byline, a note or a
    teaser.  The dateline written at the head of the story wins (it has the
    agency); the field only lends it a date it lacks.  *paragraphs* loses
    the dateline in place.
    """
    found = _text.take_dateline(paragraphs, reference)
    if found is None:
        return field
    if found.date is None and field is not None and field.date is not None:
        found = attrs.evolve(found, date=field.date)
    return found


def dateline_parts(dateline: Dateline) -> list[tuple[str, str | None]]:
    """Cut a dateline's text into runs, marking the place and the region where they occur.

    Returns ``[(text, role)]`` with role ``"place"``, ``"region"`` or
    ``None``; joined, the runs give the text back.
    """
    text = dateline.text
    runs: list[tuple[str, str | None]] = []
    position = 0
    for role, part in (("place", dateline.place), ("region", dateline.region)):
        if not part:
            continue
        found = text.find(part, position)
        if found < 0:
            continue
        if found > position:
            runs.append((text[position:found], None))
        runs.append((part, role))
        position = found + len(part)
    if position < len(text):
        runs.append((text[position:], None))
    return runs


# -- values from extra -------------------------------------------------------


_NMTOKEN = re.compile(r"[\w.:\-]+")


def is_nmtoken(text: str) -> bool:
    """Whether *text* is an XML NMTOKEN (attribute types the IPTC schemas use)."""
    return bool(_NMTOKEN.fullmatch(text))


def str_items(value: Any) -> list[str] | None:
    """A sequence of str from ``extra``, or ``None`` when it is not one."""
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return list(value)
    return None


def extra_str(extra: Mapping[str, Any], key: str) -> str | None:
    """A str value from ``extra``, or ``None`` when absent or not a str."""
    found = extra.get(key)
    return found if isinstance(found, str) else None


def add_repeated(found: dict[str, Any], key: str, text: str) -> None:
    """Put *text* under *key*; a key given again holds a list of its texts, in order."""
    previous = found.get(key)
    if previous is None:
        found[key] = text
    elif isinstance(previous, list):
        previous.append(text)
    else:
        found[key] = [previous, text]


def unique(items: Iterable[str]) -> list[str]:
    """*items* without repeats, in first-seen order."""
    return list(dict.fromkeys(items))


def wrap(pad: str, name: str, lines: list[str]) -> list[str]:
    """*lines* inside ``<name>`` and ``</name>`` lines at *pad*; nothing when there are no lines."""
    return [f"{pad}<{name}>\n", *lines, f"{pad}</{name}>\n"] if lines else []
