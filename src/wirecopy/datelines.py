"""Datelines as fields: ``WASHINGTON (AP) --`` into place, region, agency and date.

Format-agnostic and pure: every format with a dateline at the head of its
body uses :func:`split_dateline`, every format with a dateline element uses
:func:`parse_dateline`, and no other dateline parser exists in the package.
:attr:`Dateline.text <wirecopy.article.Dateline.text>` keeps the dateline
exactly as written (without the whitespace around it), so
:func:`render_dateline` gives it back.

The conventions read (any letter case where an agency is named):

========================================  ==========================================
``WASHINGTON (AP) --``                    place, agency, dash (``--``, em dash, en
                                          dash, cp1252 ``\\x97``, ``-``, AP's ``_``)
``PINE RIDGE, S.D. (AP) --``              place, region, agency
``LONDON, Dec 30 (Reuters) -``            place, date without a year, agency
``Santiago, May 31, 2009 (AFP)``          place, full date, agency, no dash
``Tegucigalpa, Jan 2 (EFE).-``            EFE's ``.-``
``(CNN) --``                              agency only
``(CNN)Donald Trump said``                a known agency running on into the story
``(ANSA) - Rome, October 11 -``           agency first
``SALVADOR, Feb 26 -``                    Reuters-21578: place, date, no agency
``WASHINGTON _``                          place and dash only (upper case)
``NEW YORK 1996-10-07``                   RCV1: place and ISO date
========================================  ==========================================

:func:`split_dateline` is conservative, because a false dateline eats the
start of a story: a place without an agency must be written in capitals, an
agency in parentheses must be a known one (:data:`AGENCIES`) unless the place
is in capitals, and ordinary words (``said``, ``the company``) are never a
place.  :func:`parse_dateline` is told that its text is a dateline, and so
also takes a bare place (``SAN DIEGO``), a two-part region (``Ottawa,
Ontario, Canada``), a date after the region (``Kirkwall, Scotland 12
April``) or a bare date, a numeric one (``4/5/2018``) read month first or day
first, whichever is nearer the reference.
"""

from __future__ import annotations

import datetime as _dt
import re

from ._dates.limits import excerpt
from ._dates.names import ENGLISH_WEEKDAYS
from .article import Dateline, DateValue
from .dates import MONTHS, parse_date
from .errors import ParseError

__all__ = ["AGENCIES", "parse_dateline", "render_dateline", "split_dateline"]

#: Agencies recognised in parentheses in any letter case (compared
#: case-insensitively).  An agency not listed here is accepted only after a
#: place written in capitals: ``WASHINGTON (NEWSWIRE) --``.
AGENCIES: frozenset[str] = frozenset(
    name.casefold()
    for name in (
        "AP",
        "Reuters",
        "AFP",
        "dpa",
        "Xinhua",
        "CNN",
        "UPI",
        "AAP",
        "PA",
        "EFE",
        "ANSA",
        "NTB",
        "STT",
        "TT",
        "Kyodo",
        "Yonhap",
        "TASS",
        "ITAR-TASS",
        "RIA",
        "RIA Novosti",
        "Interfax",
        "Bloomberg",
        "CP",
        "KNA",
        "APA",
        "ANP",
        "Belga",
        "Ritzau",
        "SDA",
        "ATS",
        "EPA",
        "IANS",
        "PTI",
        "Bernama",
        "Antara",
        "Anadolu",
        "AA",
        "MENA",
        "WAFA",
        "KUNA",
        "SPA",
        "IRNA",
        "CNA",
        "NNA",
        "BBC",
        "NYT",
        "AP-Dow Jones",
        "Dow Jones",
        "Reuters Health",
        "CNNfn",
        "CNNSI",
        "Kyodo News",
        "Jiji",
        "PAP",
        "CTK",
        "MTI",
        "HINA",
        "Tanjug",
        "BTA",
        "Agerpres",
        "LUSA",
        "Europa Press",
        "Notimex",
        "Prensa Latina",
        "Xinhua News Agency",
        "Canadian Press",
        "Associated Press",
        "Agence France-Presse",
        "Deutsche Presse-Agentur",
    )
)

# Words that are never part of a place: they mark an ordinary sentence
# ("Officials said -- again --", "THE COMPANY SAID -- ").
_NOT_PLACE = frozenset(
    {
        "said",
        "says",
        "say",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "be",
        "been",
        "has",
        "have",
        "had",
        "and",
        "but",
        "or",
        "if",
        "when",
        "while",
        "as",
        "at",
        "in",
        "on",
        "for",
        "to",
        "with",
        "by",
        "from",
        "it",
        "its",
        "he",
        "she",
        "we",
        "they",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "not",
        "no",
        "also",
        "who",
        "which",
        "what",
        "there",
        "here",
        "after",
        "before",
        "than",
        "then",
        "now",
    }
)
# Capitalised labels and acronyms that open sentences with a dash but are not
# places ("UPDATE -- ...", "NATO -- the alliance ...").  Only consulted for a
# place with neither agency nor date.
_NOT_BARE_PLACE = frozenset(
    {
        "editors",
        "editor's",
        "note",
        "notice",
        "correction",
        "corrected",
        "corrects",
        "update",
        "updated",
        "updates",
        "breaking",
        "urgent",
        "flash",
        "bulletin",
        "advisory",
        "advance",
        "attention",
        "eds",
        "repeat",
        "repeating",
        "lead",
        "writethru",
        "embargoed",
        "exclusive",
        "analysis",
        "factbox",
        "wrapup",
        "photo",
        "photos",
        "video",
        "audio",
        "profile",
        "obituary",
        "opinion",
        "commentary",
        "interview",
        "review",
        "sports",
        "business",
        "weather",
        "summary",
        "nato",
        "nasa",
        "fbi",
        "cia",
        "un",
        "us",
        "usa",
        "uk",
        "eu",
        "ibm",
        "opec",
        "aids",
        "ceo",
        "gop",
        "cnn",
        "ap",
        "ok",
        "tv",
        "pc",
    }
)

# One punctuation mark per repetition: "[.]+[a-z]*" repeated would try every
# way of splitting a run of dots between repetitions ("Float........").
_WORD = r"[^\W\d_]+(?:['\u2019.\-][^\W\d_]*)*"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,4}}"
_MONTH = "(?i:" + "|".join(sorted((re.escape(name) for name in MONTHS), key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(?i:" + "|".join(ENGLISH_WEEKDAYS) + ")"
_DATE = rf"(?:{_MONTH}[ ]\d{{1,2}}(?:,[ ]\d{{4}})?|\d{{1,2}}[ ]{_MONTH}(?:[ ]\d{{4}})?|{_WEEKDAY})(?![^\W_])"
_DASH = r"(?P<dash>--|—|\u2013|\x97|-|_)"
_AGENCY = r"\((?P<agency>[^\W\d_][^()\n]{0,30})\)"
_HEAD = rf"(?P<place>{_NAME})(?:,[ ](?P<region>{_NAME}))??(?:,[ ](?P<date>{_DATE}))?"

# "PLACE, Region, Date (Agency) --", any part before the agency optional.
_AGENCY_FORM = re.compile(rf"\s*(?P<text>(?:{_HEAD}[ ]+)?{_AGENCY}(?:[ ]*{_DASH}|(?P<efe>\.-))?)")
# "(ANSA) - Rome, October 11 -"
_AGENCY_FIRST = re.compile(
    rf"\s*(?P<text>{_AGENCY}[ ]*(?:--|—|\u2013|\x97|-|_)[ ]+(?P<place>{_NAME})(?:,[ ](?P<region>{_NAME}))??"
    rf",[ ](?P<date>{_DATE})[ ]*{_DASH})"
)
# "SALVADOR, Feb 26 -", "WASHINGTON _"
_PLAIN_FORM = re.compile(rf"\s*(?P<text>{_HEAD}[ ]+{_DASH})")
# parse_dateline also takes a bare place ("SAN DIEGO", "MOSCOW, Monday"), a
# region of two parts ("Ottawa, Ontario, Canada") and a date after the
# region without a comma ("Kirkwall, Scotland 12 April").
_BARE_FORM = re.compile(
    rf"\s*(?P<text>(?P<place>{_NAME})(?:,[ ](?P<region>{_NAME}(?:,[ ]{_NAME})?))??"
    rf"(?:,?[ ](?P<date>{_DATE}))?(?:[ ]+{_DASH})?)"
)
# "4/4/2018": month or day first, which only the story's date can tell.
_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/\d{2,4}\s*")
# "NEW YORK 1996-10-07"
_ISO_FORM = re.compile(
    rf"\s*(?P<text>(?P<place>{_NAME})(?:,[ ](?P<region>{_NAME}))?[ ]+(?P<date>\d{{4}}-\d\d-\d\d))(?![^\s])"
)
# The forms split_dateline tries, in order, by the paragraph's first
# character: only two can open with "(", only one cannot open with a letter.
_SPLIT_FORMS = (_AGENCY_FIRST, _AGENCY_FORM, _PLAIN_FORM, _ISO_FORM)
_SPLIT_FORMS_PAREN = (_AGENCY_FIRST, _AGENCY_FORM)
_SPLIT_FORMS_LETTER = (_AGENCY_FORM, _PLAIN_FORM, _ISO_FORM)
_AGENCY_SHAPE = re.compile(r"[^\W\d_][^\W\d_.&'\-]*(?:[ ][^\W\d_][^\W\d_.&'\-]*){0,2}")
# A dateline's first word (to the first space) is a place, a part of one,
# or an agency in parentheses: never a hundred characters.  A longer one is
# no dateline, and the patterns, whose words are of any length, are not
# tried on it: a megabyte-long "word" would take them a second.
_LONGEST_FIRST_WORD = 100
_LONG_FIRST_WORD = re.compile(rf"\s*\S{{{_LONGEST_FIRST_WORD + 1}}}")
_SPACE = re.compile(r"\s*")
_FIRST_WORD = re.compile(r"\s*(\S+)")
_LINE_END = re.compile(r"[ \t]*(?:[\r\n]|\Z)")
_LONG_DASHES = ("—", "\u2013", "\x97")
_OTHER_DASHES = ("_", *_LONG_DASHES)


def split_dateline(paragraph: str, *, reference: _dt.date | None = None) -> tuple[Dateline | None, str]:
    """Split the dateline off the start of *paragraph*.

    Args:
        paragraph: The first paragraph of a story.
        reference: The story's own date, to give a dateline date without a
            year (``Dec 30``) its year, and a weekday (``Monday``) its date.
            Without it such a dateline's :attr:`~wirecopy.Dateline.date` is
            ``None``.

    Returns:
        ``(dateline, rest)``, *rest* being the paragraph after the dateline
        and the whitespace that follows it; ``(None, paragraph)`` when the
        paragraph does not open with a dateline.

    .. versionadded:: 0.1
    """
    start = paragraph[:1]
    if not start or not (start.isalpha() or start == "(" or start.isspace()):
        return None, paragraph
    # Every convention has a parenthesis or a dash (ISO dates included):
    # without one, the patterns need not be tried.
    if "(" not in paragraph and "-" not in paragraph and not any(dash in paragraph for dash in _OTHER_DASHES):
        return None, paragraph
    if _LONG_FIRST_WORD.match(paragraph):
        return None, paragraph
    forms = _SPLIT_FORMS_PAREN if start == "(" else _SPLIT_FORMS_LETTER if start.isalpha() else _SPLIT_FORMS
    for form in forms:
        match = form.match(paragraph)
        if match is None:
            continue
        end = match.end()
        if _accept(match, form, paragraph, end, strict=True):
            # One copy of the rest, which may be long: skip the space first.
            spaces = _SPACE.match(paragraph, end)
            return _dateline(match, reference), paragraph[spaces.end() if spaces else end :]
    return None, paragraph


def parse_dateline(text: str, *, reference: _dt.date | None = None) -> Dateline:
    """Parse *text*, which must be a dateline and nothing else.

    More lenient than :func:`split_dateline`, since the caller knows the text
    is a dateline (an element of its own): the dash is optional, the case is
    free, and a bare place (``SAN DIEGO``, ``MOSCOW, Monday``) or a bare date
    (``2014-07-17 00:24:11 GMT+00:00``) is a dateline too.

    Args:
        text: The dateline; whitespace around it is not kept.
        reference: As for :func:`split_dateline`.

    Raises:
        ParseError: *text* is not a dateline.

    .. versionadded:: 0.1
    """
    stripped = text.strip()
    if stripped and not _LONG_FIRST_WORD.match(stripped):
        for form in (_AGENCY_FIRST, _AGENCY_FORM, _BARE_FORM, _ISO_FORM):
            match = form.fullmatch(stripped)
            if match is not None and _accept(match, form, stripped, len(stripped), strict=False):
                return _dateline(match, reference)
        try:
            value = parse_date(stripped, reference=reference)
        except ParseError:
            pass
        else:
            return Dateline(text=stripped, date=_nearer_reading(stripped, value, reference))
    msg = f"not a dateline: {excerpt(text)}"
    raise ParseError(msg, colno=len(text) - len(text.lstrip()) + 1, snippet=text)


def _nearer_reading(text: str, value: DateValue, reference: _dt.date | None) -> DateValue:
    """For ``4/4/2018``-style dates, the reading (month or day first) nearer *reference*."""
    match = _NUMERIC_DATE.fullmatch(text)
    if match is None or reference is None or int(match[1]) > 12 or int(match[2]) > 12:
        return value
    try:
        other = parse_date(text, reference=reference, dayfirst=True)
    except ParseError:  # pragma: no cover - the other order of a valid date is valid
        return value
    return other if _days_from(other, reference) < _days_from(value, reference) else value


def _days_from(value: DateValue, reference: _dt.date) -> int:
    day = value.date() if isinstance(value, _dt.datetime) else value
    base = reference.date() if isinstance(reference, _dt.datetime) else reference
    return abs((day - base).days)


def render_dateline(dateline: Dateline) -> str:
    """Return the dateline as written, the inverse of :func:`parse_dateline`.

    .. versionadded:: 0.1
    """
    return dateline.text


def _accept(match: re.Match[str], form: re.Pattern[str], text: str, end: int, *, strict: bool) -> bool:
    """Whether a match of one of the forms is a dateline, by the rules in the module doc.

    *text* is what was matched and *end* where the match ends: what follows
    is looked at in place, without copying the rest of a long paragraph.
    """
    place = match["place"]
    groups = form.groupindex
    agency = match["agency"] if "agency" in groups else None
    dash = match["dash"] if "dash" in groups else None
    if form is _AGENCY_FORM and match["efe"]:
        dash = ".-"
    date = match["date"]
    known = agency is not None and agency.casefold() in AGENCIES
    if strict and not known and place is not None:
        # A known agency in parentheses is a strong enough sign to take any
        # place; without one, ordinary words mark an ordinary sentence.
        words = place.casefold().split()
        region = match["region"]
        if region is not None:
            words += region.casefold().split()
        if any(word in _NOT_PLACE for word in words):
            return False
    capitals = place is not None and place.upper() == place and sum(c.isalpha() for c in place) >= 2
    if agency is not None:
        if not known:
            if place is None or not _AGENCY_SHAPE.fullmatch(agency):
                return False
            if strict and not (capitals and dash):
                return False
    elif strict:
        # No agency: the place must be in capitals, and without a date it
        # must not be a label or an acronym.
        if not capitals:
            return False
        if form is _PLAIN_FORM and date is None:
            words = place.casefold().split()
            if place.casefold() in _NOT_BARE_PLACE or words[0] in _NOT_BARE_PLACE:
                return False
            # "AFP WORLD NEWS SERVICE - NO UNAUTHORIZED REPRODUCTION": an
            # agency's name in the "place", or capitals running on after the
            # dash, make a heading, not a dateline.
            if any(word in AGENCIES for word in words):
                return False
            following = _FIRST_WORD.match(text, end)
            if following is not None:
                word = following[1]
                if sum(c.isalpha() for c in word) >= 2 and word.isupper():
                    return False
    if not strict:
        return True
    if place is None and known and dash is None and end < len(text) and not text[end].isspace():
        # CNN's later house style runs the story on: "(CNN)Donald Trump said".
        return True
    # What may follow: whitespace after a dash (or a word right after a long
    # dash), and after no dash only the end of the line, unless a date makes
    # the dateline unmistakable.
    if end == len(text):
        return True
    if text[end].isspace():
        if dash is not None or date is not None:
            return True
        return _LINE_END.match(text, end) is not None
    return dash in _LONG_DASHES


def _dateline(match: re.Match[str], reference: _dt.date | None) -> Dateline:
    date_text = match["date"]
    return Dateline(
        text=match["text"],
        place=match["place"],
        region=match["region"],
        agency=match["agency"] if "agency" in match.re.groupindex else None,
        date=None if date_text is None else _resolve(date_text, reference),
    )


def _resolve(text: str, reference: _dt.date | None) -> _dt.date | None:
    """The date a dateline names, or ``None`` when it cannot be known."""
    if isinstance(reference, _dt.datetime):
        reference = reference.date()
    lowered = text.casefold()
    if lowered in ENGLISH_WEEKDAYS:
        if reference is None:
            return None
        # The day with that name nearest the story's date, within three days.
        delta = (ENGLISH_WEEKDAYS.index(lowered) - reference.weekday() + 3) % 7 - 3
        try:
            return reference + _dt.timedelta(days=delta)
        except OverflowError:
            # A reference within three days of the calendar's first or last
            # day, whose weekday falls outside it.
            return None
    try:
        value = parse_date(text, reference=reference)
    except ParseError:
        return None
    return value if not isinstance(value, _dt.datetime) else value.date()
