"""Datelines as fields: ``WASHINGTON (AP) --`` into place, region, agency and date.

Format-agnostic and pure: every format with a dateline at the head of its
body uses :func:`find_dateline` (which reads paragraphs with
:func:`split_dateline`), every format with a dateline element uses
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
``SYDNEY March 22 AAP -``                 AAP, AFP, Kyodo: a known agency without
                                          parentheses, after a date
``San Diego (tca/dpa) -``                 a composite credit (``ats afp`` too)
``Genève (ats) Le ...``                   the Swiss agencies: no dash
``MOSCOW, January 21. /TASS/.``           TASS: the agency in slashes
``Jan 30 (Reuters) -``                    a date and no place
``ROMA, 1 LUG -``, ``Lima, 21 ene``       months in Italian, Spanish, French and
                                          German, any case (``3. Okt``)
========================================  ==========================================

:func:`find_dateline` looks for the dateline past a byline, an editor's note,
bullets or a teaser: past short paragraphs without one, a credited dateline
opens the story.

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
from collections.abc import Sequence

from ._dates import dateline_words as _words
from ._dates.limits import excerpt
from ._dates.names import DATELINE_MONTHS, ENGLISH_MONTHS, ENGLISH_WEEKDAYS, MONTH_NAMES
from .article import Dateline, DateValue
from .dates import parse_date
from .errors import ParseError

__all__ = [
    "AGENCIES",
    "LONGEST_FURNITURE",
    "LOOK_PAST",
    "SHORT_LINE",
    "find_dateline",
    "parse_dateline",
    "render_dateline",
    "split_dateline",
]

#: Agencies recognised in any letter case (compared case-insensitively): in
#: parentheses, in a composite credit (``(tca/dpa)``: one known agency is
#: enough), bare before a dash after a date (``SYDNEY March 22 AAP -``) or in
#: slashes (``/TASS/.``).  An agency not listed here is accepted only in
#: parentheses after a place written in capitals: ``WASHINGTON (NEWSWIRE) --``.
AGENCIES: frozenset[str] = _words.AGENCIES

_NOT_PLACE = _words.NOT_PLACE
_NOT_BARE_PLACE = _words.NOT_BARE_PLACE
# The longest word of a place, or first word of a dateline.
_LONGEST_WORD = 100

# One punctuation mark per repetition: "[.]+[a-z]*" repeated would try every
# way of splitting a run of dots between repetitions ("Float........").  No
# word of a place has over a hundred characters: the lookahead refuses a
# longer one at once, where the pattern would read a megabyte-long "word" to
# its end and back.
_WORD = rf"(?![^\s,]{{{_LONGEST_WORD + 1}}})[^\W\d_]+(?:['\u2019.\-][^\W\d_]*)*"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,4}}"
_MONTH = "(?i:" + "|".join(sorted((re.escape(name) for name in DATELINE_MONTHS), key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(?i:" + "|".join(ENGLISH_WEEKDAYS) + ")"
# German writes the day with a dot: "3. Okt".
_MONTH_DAY = rf"(?:{_MONTH}[ ]\d{{1,2}}(?:,[ ]\d{{4}})?|\d{{1,2}}\.?[ ]{_MONTH}(?:[ ]\d{{4}})?)(?![^\W_])"
_DATE = rf"(?:{_MONTH_DAY}|{_WEEKDAY}(?![^\W_]))"
_DASH = r"(?P<dash>--|—|\u2013|\x97|-|_)"
_AGENCY = r"\((?P<agency>[^\W\d_][^()\n]{0,30})\)"
_HEAD = rf"(?P<place>{_NAME})(?:,[ ](?P<region>{_NAME}))??(?:,[ ](?P<date>{_DATE}))?"
# An agency's name written bare, one or two words: "AAP", "Kyodo", "dpa-AFX".
# Bounded, as no agency's name is long: a megabyte-long word after a date
# is not read to its end.
_AGENCY_WORD = r"[^\W\d_][^\W_]{0,20}(?:-[^\W_]{1,20}){0,2}"
_BARE_AGENCY = rf"(?P<agency>{_AGENCY_WORD}(?:[ ]{_AGENCY_WORD})?)"

# "PLACE, Region, Date (Agency) --", any part before the agency optional.
_AGENCY_FORM = re.compile(rf"\s*(?P<text>(?:{_HEAD}[ ]+)?{_AGENCY}(?:[ ]*{_DASH}|(?P<efe>\.-))?)")
# "(ANSA) - Rome, October 11 -"
_AGENCY_FIRST = re.compile(
    rf"\s*(?P<text>{_AGENCY}[ ]*(?:--|—|\u2013|\x97|-|_)[ ]+(?P<place>{_NAME})(?:,[ ](?P<region>{_NAME}))??"
    rf",[ ](?P<date>{_DATE})[ ]*{_DASH})"
)
# Reuters with no place: "Jan 30 (Reuters) -".
_DATE_FIRST = re.compile(rf"\s*(?P<text>(?P<date>{_MONTH_DAY})[ ]+{_AGENCY}[ ]*{_DASH})")
# AAP, AFP and Kyodo without parentheses, always after a date, the comma
# before it optional: "SYDNEY March 22 AAP -", "SAITAMA, Japan, Dec. 9 Kyodo -".
_BARE_AGENCY_FORM = re.compile(
    rf"\s*(?P<text>(?P<place>{_NAME})(?:,[ ](?P<region>{_NAME}))??,?[ ](?P<date>{_MONTH_DAY})[ ]+{_BARE_AGENCY}"
    rf"[ ]*{_DASH})"
)
# TASS: "MOSCOW, January 21. /TASS/.", the closing dot always there.
_SLASH_FORM = re.compile(
    rf"\s*(?P<text>(?P<place>{_NAME})(?:,[ ](?P<region>{_NAME}))??(?:,[ ](?P<date>{_DATE})\.?)?"
    rf"[ ]+/(?P<agency>{_AGENCY_WORD})/\.)"
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
# The forms parse_dateline tries, in order (split_dateline's: _forms).
_PAREN_FORMS = (_AGENCY_FIRST, _AGENCY_FORM)
_PARSE_FORMS = (_AGENCY_FIRST, _AGENCY_FORM, _DATE_FIRST, _BARE_AGENCY_FORM, _SLASH_FORM, _BARE_FORM, _ISO_FORM)
# An unknown agency's name: up to three words, or a web site ("Variety.com").
_AGENCY_SHAPE = re.compile(
    r"[^\W\d_][^\W\d_.&'\-]*(?:[ ][^\W\d_][^\W\d_.&'\-]*){0,2}|[^\W\d_][\w\-]*(?:\.[^\W\d_]{2,6}){1,2}"
)
# One agency of a composite credit: "tca", "lni", "dpa-AFX", "Reuters Health".
_CREDIT_PART = re.compile(r"[^\W\d_][^\W_]*(?:[-.&][^\W_]+)*(?:[ ][^\W\d_][^\W_]*)?")
_CREDIT_SLASH = re.compile(r"[ ]*/[ ]*")
# A dateline's first word (to the first space) is a place, a part of one,
# or an agency in parentheses: never a hundred characters.  A longer one is
# no dateline, and the patterns are not tried on it.
_LONG_FIRST_WORD = re.compile(rf"\s*\S{{{_LONGEST_WORD + 1}}}")
_SPACE = re.compile(r"\s*")
_FIRST_WORD = re.compile(r"\s*(\S+)")
_LINE_END = re.compile(r"[ \t]*(?:[\r\n]|\Z)")
# After a dateline without a dash, a Swiss story opens with a capital, a
# digit or a quotation mark: "Genève (ats) Le ...".
_STORY_START = re.compile(r"[ \t]+[^\W\d_a-z]|[ \t]+[\d«»\"“„']")
_LONG_DASHES = ("—", "\u2013", "\x97")
# No dateline is longer: five words of a place, five of a region, each of
# at most a hundred characters, a date and an agency.  Only this head of a
# paragraph is looked at to choose the forms worth trying.
_LONGEST_DATELINE = 12 * (_LONGEST_WORD + 1)
# Words a heading opens with, never a place written alone before a dash
# ("MAY -- ..."): the English month and weekday names.
_DATE_WORDS = frozenset((*ENGLISH_MONTHS, *(name[:3] for name in ENGLISH_MONTHS), *ENGLISH_WEEKDAYS, "sept"))
# The first three letters of every month word: "Jan 30 (Reuters) -" is
# worth trying only on a paragraph that opens with one.
_MONTH_PREFIXES = frozenset(name[:3] for name in DATELINE_MONTHS)
# Every dateline month word to the English name parse_date reads.
_ENGLISH_MONTH = {name: MONTH_NAMES[number - 1] for name, number in DATELINE_MONTHS.items()}

#: How many paragraphs :func:`find_dateline` looks past, at most: a byline,
#: an editor's note, bullets, a teaser, never the story.
LOOK_PAST = 6
#: How long, in characters, a paragraph :func:`find_dateline` looks past may be.
LONGEST_FURNITURE = 600
#: A paragraph past the first one this short is furniture whatever it says:
#: a byline without ``By`` (``Jane Roe, dpa``), a slug.
SHORT_LINE = 80
# What else :func:`find_dateline` looks past, after the first paragraph: a
# byline, an editor's note in parentheses or brackets, a bullet.
_FURNITURE = re.compile(r"\s*(?:[(\[*•·\-–—]|(?i:by|von|par|por|di|door|av|af)\s)")


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
    found = _split(paragraph, reference, credited=False)
    return (None, paragraph) if found is None else found


def find_dateline(paragraphs: Sequence[str], *, reference: _dt.date | None = None) -> tuple[int, Dateline, str] | None:
    """Find the dateline at the head of a story, looking past what may come before it.

    The first paragraph is read as :func:`split_dateline` reads it.  When it
    has no dateline and is short (at most :data:`LONGEST_FURNITURE`
    characters: a teaser, a notice, a note), the next is tried; and past
    that, the next again as long as the paragraph without a dateline is
    furniture: a ``By ...`` line (or ``Von``, ``Par``...), an editor's note
    in parentheses or brackets (``(Adds comments)``), a bullet (``* ...``),
    or a line of at most :data:`SHORT_LINE` characters (``Jane Roe, dpa``);
    :data:`LOOK_PAST` paragraphs at most.  Past the first paragraph only a
    dateline that credits an agency is taken (``Berlin (dpa) -``, ``SYDNEY
    March 22 AAP -``, ``MOSCOW, January 21. /TASS/.``, ``LOS ANGELES
    (Variety.com) -``): a place alone (``WASHINGTON _``) may open any
    paragraph of a story.

    Args:
        paragraphs: The story's paragraphs, in order.
        reference: As for :func:`split_dateline`.

    Returns:
        ``(index, dateline, rest)``: the paragraph the dateline opens, the
        dateline, and the rest of that paragraph as :func:`split_dateline`
        gives it; ``None`` when the story has no dateline there.

    .. versionadded:: 0.2
    """
    for index in range(min(len(paragraphs), LOOK_PAST + 1)):
        paragraph = paragraphs[index]
        found = _split(paragraph, reference, credited=index > 0)
        if found is not None:
            return index, found[0], found[1]
        size = len(paragraph)
        if size > LONGEST_FURNITURE or (index and size > SHORT_LINE and _FURNITURE.match(paragraph) is None):
            break
    return None


def _split(paragraph: str, reference: _dt.date | None, *, credited: bool) -> tuple[Dateline, str] | None:
    """The dateline at the start of *paragraph* and the rest; with *credited*, only one with an agency.

    Each form needs a mark that a look at the paragraph's head, where any
    dateline ends, tells at C speed: a parenthesis, a slash, a dash, a
    capital first.  Most paragraphs are no datelines, and a pattern tried in
    vain costs more than the look.
    """
    at = 0
    start = paragraph[:1]
    if start.isspace():
        at = _SPACE.match(paragraph).end()  # type: ignore[union-attr]
        start = paragraph[at : at + 1]
    if not start or not (start.isalpha() or start == "("):
        return None
    # The head is searched in place, within its bounds, rather than copied:
    # a paragraph may be long.  A single character is found at C speed, so
    # "/." is looked for only where there is a slash.
    find, end = paragraph.find, _LONGEST_DATELINE
    opening = find("(", 0, end)
    paren = opening >= 0
    if start == "(":
        return _first(_PAREN_FORMS, paragraph, reference) if paren else None
    hyphen = find("-", 0, end) >= 0
    dash = hyphen or find("_", 0, end) >= 0 or find("—", 0, end) >= 0 or find("\u2013", 0, end) >= 0
    dash = dash or find("\x97", 0, end) >= 0
    slash = find("/", 0, end) >= 0 and find("/.", 0, end) >= 0
    if not (paren or dash or slash):
        return None
    # A place in capitals opens with a capital and no lower-case letter or
    # space after it ("SYDNEY", "ST. LOUIS", not "A study").
    second = paragraph[at + 1 : at + 2]
    capitals = start.isupper() and not second.islower() and not second.isspace()
    if paren:
        # The first parenthesis of a dateline holds its agency: a known one,
        # or any after a place in capitals.  "The vote (in May)" is no
        # dateline, and the pattern need not be tried on it.
        closing = find(")", opening, end)
        if closing > opening and (capitals or _known(paragraph[opening + 1 : closing])):
            found = _first((_AGENCY_FORM,), paragraph, reference)
            if found is not None:
                return found
    forms = []
    # An agency without parentheses follows a place in capitals: "SYDNEY".
    if dash and capitals:
        forms.append(_BARE_AGENCY_FORM)
    # TASS's slashes close with a dot: "/TASS/.".
    if slash:
        forms.append(_SLASH_FORM)
    if paren and dash and paragraph[at : at + 3].casefold() in _MONTH_PREFIXES:
        forms.append(_DATE_FIRST)
    if dash and not credited:
        forms.append(_PLAIN_FORM)
        if hyphen:
            forms.append(_ISO_FORM)
    return _first(forms, paragraph, reference) if forms else None


def _first(forms: Sequence[re.Pattern[str]], paragraph: str, reference: _dt.date | None) -> tuple[Dateline, str] | None:
    """The dateline of the first of *forms* that reads one at the start of *paragraph*, and the rest."""
    if _LONG_FIRST_WORD.match(paragraph):
        return None
    for form in forms:
        match = form.match(paragraph)
        if match is None:
            continue
        fields = match.groupdict()
        end = match.end()
        if _accept(fields, form, paragraph, end, strict=True):
            # One copy of the rest, which may be long: skip the space first.
            spaces = _SPACE.match(paragraph, end)
            return _dateline(fields, reference), paragraph[spaces.end() if spaces else end :]
    return None


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
        for form in _PARSE_FORMS:
            match = form.fullmatch(stripped)
            if match is None:
                continue
            fields = match.groupdict()
            if _accept(fields, form, stripped, len(stripped), strict=False):
                return _dateline(fields, reference)
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


def _known(credit: str) -> bool:
    """Whether *credit* names a known agency: alone, or in a composite (``tca/dpa``, ``ats afp``)."""
    folded = credit.casefold()
    if folded in AGENCIES:
        return True
    if "/" in folded:
        # "tca/dpa", "dpa/lni": one known agency vouches for the others,
        # provided each is an agency's name, not a sentence.
        parts = _CREDIT_SLASH.split(folded)
        return any(part in AGENCIES for part in parts) and all(_CREDIT_PART.fullmatch(part) for part in parts)
    # "ats afp": agencies side by side, every one of them known.
    words = folded.split()
    return len(words) > 1 and all(word in AGENCIES for word in words)


def _dashless(credit: str) -> bool:
    """Whether *credit* is a Swiss agency's, whose datelines have no dash."""
    first = _CREDIT_SLASH.split(credit.casefold(), maxsplit=1)[0].split(maxsplit=1)
    return bool(first) and first[0] in _words.DASHLESS_AGENCIES


def _accept(fields: dict[str, str | None], form: re.Pattern[str], text: str, end: int, *, strict: bool) -> bool:
    """Whether a match of one of the forms is a dateline, by the rules in the module doc.

    *text* is what was matched and *end* where the match ends: what follows
    is looked at in place, without copying the rest of a long paragraph.
    """
    place = fields.get("place")
    region = fields.get("region")
    agency = fields.get("agency")
    dash = fields.get("dash")
    date = fields.get("date")
    if fields.get("efe"):
        dash = ".-"
    elif form is _SLASH_FORM:
        # "/TASS/." closes the dateline as a dash does.
        dash = "/"
    known = agency is not None and _known(agency)
    # Forms whose agency is not in parentheses, or that have no place: weaker
    # signs than "(Agency)" after a place, so the agency must be a known one.
    # (Told by identity: patterns compared for equality compare their text.)
    known_only = form is _BARE_AGENCY_FORM or form is _SLASH_FORM or form is _DATE_FIRST
    if known_only and not known:
        return False
    if place is not None:
        folded = place.casefold()
        words = folded.split()
        if region is not None:
            words += region.casefold().split()
        if strict:
            # An agency is never the place: "Associated Press (AP) -- the agency".
            if folded in AGENCIES:
                return False
            if not known or known_only:
                # A known agency in parentheses is a strong enough sign to
                # take any place; without one, ordinary words mark an
                # ordinary sentence.
                if not _NOT_PLACE.isdisjoint(words):
                    return False
            elif words[0] in _words.NEVER_FIRST:
                # "By Monday (AP) --": no place opens with "By".
                return False
    if form is _BARE_AGENCY_FORM and strict and not _capitals(place):
        return False
    if agency is not None:
        if not known:
            if place is None or not _AGENCY_SHAPE.fullmatch(agency):
                return False
            if strict and not (dash and _capitals(place)):
                return False
    elif strict:
        # No agency: the place must be in capitals, and without a date it
        # must not be a label, an acronym or a month.
        if not _capitals(place):
            return False
        if form is _PLAIN_FORM and date is None:
            words = place.casefold().split()  # type: ignore[union-attr]
            if place.casefold() in _NOT_BARE_PLACE or words[0] in _NOT_BARE_PLACE or words[0] in _DATE_WORDS:  # type: ignore[union-attr]
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
    # dash or EFE's ".-"), and after no dash only the end of the line, unless
    # a date makes the dateline unmistakable or a Swiss agency writes none.
    if end == len(text):
        return True
    if text[end].isspace():
        if dash is not None or date is not None:
            return True
        if known and _dashless(agency) and _STORY_START.match(text, end) is not None:  # type: ignore[arg-type]
            return True
        return _LINE_END.match(text, end) is not None
    return dash in _LONG_DASHES or dash == ".-"


def _capitals(place: str | None) -> bool:
    """Whether *place* is written in capitals, two letters at least."""
    return place is not None and place.upper() == place and sum(c.isalpha() for c in place) >= 2


def _dateline(fields: dict[str, str | None], reference: _dt.date | None) -> Dateline:
    date_text = fields.get("date")
    return Dateline(
        text=fields["text"],  # type: ignore[arg-type]
        place=fields.get("place"),
        region=fields.get("region"),
        agency=fields.get("agency"),
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
        # The month in English, which parse_date reads: "1 LUG" is "1 July",
        # "3. Okt" "3 October"; parse_date need not know the dateline-only
        # abbreviations, nor German's dot after the day.
        words = text.split(" ")
        english = " ".join(_ENGLISH_MONTH.get(word.rstrip(".").casefold(), word.rstrip(".")) for word in words)
        try:
            value = parse_date(english, reference=reference)
        except ParseError:
            return None
    return value if not isinstance(value, _dt.datetime) else value.date()
