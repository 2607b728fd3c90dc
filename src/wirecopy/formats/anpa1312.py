"""ANPA-1312: the wire transmissions of AP and most US agencies.

One transmission, byte by byte (see ``docs/formats/anpa-1312.md``)::

    SYN SYN SOH a1234 US natl CRLF
    u a DC3 DC1 BC-US--Harbor-Ferry     03-14 0412 CRLF
    STX ^BC-US--Harbor Ferry,212< CRLF                 slug line
    ^Ferry service resumes after winter storm< CRLF    headline
    ^Eds: Moves on general news services.< CRLF        notes
    ^By JANE EXAMPLE= CRLF                             byline
    ^Associated Press= CRLF                            byline title
    TAB 3 spaces PORTLAND, Maine (AP) _ Ferry service to the harbor ... CRLF
    CRLF
    TAB 3 spaces ETX AP-NY-03-14-17 1745GMT< CRLF      trailer: agency, desk, date
    CRLF
    FF CRLF
    EOT

The control characters are the structure, so the format reads bytes.  A file
may hold many transmissions, with LF and CRLF mixed.

Two conventions besides AP's news stories: AP's agate (tables), whose header
lines end with ``=`` (headline, captions, ``By The Associated Press``), and
Kyodo's, which has no ``SYN SYN``, its name after the sequence number
(``SOH a0105KYODO US koko-``), a slug line and a headline ending ``+``
without ``^``, wrapped paragraphs each opened by an indent, a ``==Kyodo``
sign-off and a trailer ``KWS-21:37-09-12-18`` in Japan time.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from typing import Any, ClassVar

from ..datelines import split_dateline
from ..dates import format_date
from ..defects import BAD_HEADER, BAD_TRAILER
from ..kit.wire import (
    CONTROL_CODES,
    CONTROL_NAMES,
    EOT,
    ETX,
    STX,
    US,
    Fields,
    Line,
    Lines,
    TransmissionReader,
    TransmissionWriter,
    WireFormat,
    is_blank,
)

__all__ = ["ANPA1312Format"]

#: The priority letters and what they mean on AP's wires.  No copy of the
#: standard is public: these are the codes AP copy and the ingest systems that
#: read it use; any other letter is kept with the meaning ``None``.
PRIORITIES = {
    "f": "flash",
    "b": "bulletin",
    "u": "urgent",
    "r": "regular",
    "d": "deferred",
    "z": "ordinary",
}

#: The keyword field of the header is this wide: longer slugs are cut.
KEYWORD_WIDTH = 24

# Header line 1 after SOH: service level letter, 4-digit sequence number,
# US, then the selector code.
_LEVEL = re.compile(r"[A-Za-z]")
_SEQUENCE = re.compile(r"\d{4}")
_SELECTOR = re.compile(r"[^\s\x00-\x1f\x7f-\x9f]+")
# Header line 2: priority, space, category, format codes (DC1-DC4), space,
# then "keyword [version]   MM-DD wordcount".
_PRIORITY = re.compile(r"[A-Za-z]")
_CATEGORY = re.compile(r"[A-Za-z]")
_FORMAT_CODES = re.compile("[\x11-\x14]{1,2}")
_SLUG_FIELDS = re.compile(
    r"(?P<keyword>[^\s\x00-\x1f]+)(?: (?P<version>[^\s\x00-\x1f]+))?[ ]+(?P<date>\d\d-\d\d) (?P<words>\d+)"
)
_US = re.compile(US)
_SPACE = re.compile(" ")
# The two header lines whole, for the common case; Fields reads a line that
# does not match field by field, to report the first bad field.
_LINE1 = re.compile(
    r"\x16*\x01(?P<level>[A-Za-z])(?P<sequence>\d{4})(?P<origin>[A-Za-z]*)\x1f(?P<selector>[^\s\x00-\x1f\x7f-\x9f]+)"
)
# Kyodo names itself between the sequence number and US: "a0105KYODO".
_ORIGIN = re.compile(r"[A-Za-z]*")
_LINE2 = re.compile(r"(?P<priority>[A-Za-z]) (?P<category>[A-Za-z])(?P<codes>[\x11-\x14]{1,2}) " + _SLUG_FIELDS.pattern)
_KEYWORD_SEARCH = re.compile(r"(?:^|[ \x11-\x14])(?P<keyword>[A-Za-z]{2}-[^\s\x00-\x1f]*)")
# "AP-NY-03-14-17 1745GMT<": agency, desk, MM-DD-YY HHMM and a zone.
_TRAILER = re.compile(
    r"(?:(?P<source>[A-Za-z]+)-(?:(?P<desk>[A-Za-z]+)-)?)?"
    r"(?P<date>(?P<m>\d\d)-(?P<d>\d\d)-(?P<yy>\d\d) (?P<H>\d\d)(?P<M>\d\d) ?(?P<zone>[A-Za-z]{1,5}))<?"
)
_GMT = ("GMT", "UTC")
# Kyodo's trailer: desk, time, day, month and two-digit year, in Japan time.
_KYODO_TRAILER = re.compile(r"(?P<desk>[A-Za-z]+)-(?P<H>\d\d):(?P<M>\d\d)-(?P<d>\d\d)-(?P<m>\d\d)-(?P<yy>\d\d)")
_JAPAN = _dt.timezone(_dt.timedelta(hours=9))
# A byline among the "=" header lines.
_BY = re.compile(r"(?i)by ")
# Several "^...<" items may share a line: "^*9006< ^AP-Top-...,0176<".
_ITEM_BREAK = re.compile(r"(?<=<)[ \t]+(?=\^)")
_WORDS = re.compile(r"[A-Za-z0-9]+")
_WORD_COUNT = "ANPA-1312 header line 2: the word count"


class _Reader(TransmissionReader):
    """Reads one ANPA-1312 transmission: the two header lines, the ``^`` lines and body, the trailer."""

    # Every key is always there (None or empty when the transmission lacks
    # it), in the order of the transmission.
    extra_fields: ClassVar[Mapping[str, Any]] = {
        "service_level": None,
        "sequence": None,
        "selector": None,
        "priority": None,
        "priority_name": None,
        "category": None,
        "format_codes": [],
        "keyword": None,
        "version": None,
        "filing_date": None,
        "word_count": None,
        "slug_line": None,
        "notes": [],
        "byline_titles": [],
        "desk": None,
    }
    trailer_gives = "trailer date"
    # Header line 2, for checking its filing date against the trailer's year.
    header2: Line | None = None
    # Kyodo writes its dates day first, the filing date too.
    dayfirst = False

    # -- header --------------------------------------------------------------

    def header(self, head: Lines, stx_line: Line) -> None:
        """Read header line 1 (after SOH) and header line 2 into extra."""
        texts = head.texts
        extra = self.extra
        match = _LINE1.fullmatch((texts[0] if texts else stx_line.text).rstrip(" \r"))
        if match is not None:
            extra["service_level"], extra["sequence"], origin, extra["selector"] = match.groups()
            self.source = origin or None
        else:
            first = head[0] if texts else stx_line
            # Field by field, to say which one is wrong and where.
            soh = first.text.index("\x01") if "\x01" in first.text else -1
            fields = self.fields(first, soh + 1, "ANPA-1312 header line 1")
            level = fields.take(_LEVEL, "the service level (a letter)")
            sequence = fields.take(_SEQUENCE, "the 4-digit sequence number")
            origin = fields.take(_ORIGIN, "the agency's name")
            self.source = (origin.group() or None) if origin is not None else None
            fields.take(_US, "US (the unit separator) after the sequence number")
            selector = fields.rest(_SELECTOR, "the selector code")
            self.extra.update(
                service_level=level and level.group(),
                sequence=sequence and sequence.group(),
                selector=selector and selector.group(),
            )
        if len(texts) < 2:
            line = head[0] if texts else stx_line
            self.defect(
                BAD_HEADER,
                "ANPA-1312 header line 2 (priority, category, keyword) is missing",
                line,
                len(line.text) if texts else 0,
            )
            return
        for index in range(2, len(texts)):
            if not is_blank(texts[index]):
                self.defect(BAD_HEADER, "unexpected line between the ANPA-1312 header and STX", head[index])
                break
        line = self.header2 = head[1]
        match = _LINE2.fullmatch(line.text.rstrip(" \r"))
        if match is not None:
            priority, category, codes, keyword, version, date, words = match.groups()
            extra["priority"] = priority
            extra["priority_name"] = PRIORITIES.get(priority.lower())
            extra["category"] = category
            extra["format_codes"] = list(map(CONTROL_NAMES.__getitem__, codes))
            extra["keyword"] = keyword
            extra["version"] = version
            extra["filing_date"] = date
            extra["word_count"] = self.number(words, _WORD_COUNT, line, match.start("words"))
            return
        fields = self.fields(line, 0, "ANPA-1312 header line 2")
        self._line2(fields, line)
        if fields.failed and self.extra["keyword"] is None:
            # Keep the keyword of a damaged line if it can be found: it tells
            # the slug line from the headline.
            match = _KEYWORD_SEARCH.search(line.text)
            if match is not None:
                self.extra["keyword"] = match["keyword"]

    def _line2(self, fields: Fields, line: Line) -> None:
        priority = fields.take(_PRIORITY, "the priority (a letter)")
        if priority is not None:
            self.extra.update(priority=priority.group(), priority_name=PRIORITIES.get(priority.group().lower()))
        fields.take(_SPACE, "a space after the priority")
        category = fields.take(_CATEGORY, "the category (a letter)")
        self.extra["category"] = category and category.group()
        codes = fields.take(_FORMAT_CODES, "the format codes (DC1 to DC4)")
        if codes is not None:
            self.extra["format_codes"] = [CONTROL_NAMES[code] for code in codes.group()]
        fields.take(_SPACE, "a space after the format codes")
        match = fields.rest(_SLUG_FIELDS, "'keyword [version] MM-DD wordcount'")
        if match is not None:
            self.extra.update(
                keyword=match["keyword"],
                version=match["version"],
                filing_date=match["date"],
                word_count=self.number(match["words"], _WORD_COUNT, line, match.start("words")),
            )

    def _check_filing_date(self) -> None:
        """Check the header's MM-DD date, which is kept as written, against the trailer's year."""
        filing_date = self.extra["filing_date"]
        published = self.published
        line = self.header2
        if filing_date is None or line is None or published is None:
            return
        if filing_date == "%02d-%02d" % (published.month, published.day):  # noqa: UP031 - faster than an f-string
            return  # the trailer's own day: a real date, nothing to check
        self.date(filing_date, line, line.text.index(filing_date), reference=published.date(), dayfirst=self.dayfirst)

    # -- trailer ---------------------------------------------------------------

    def trailer(self, line: Line) -> None:
        """Read ``AGENCY-DESK-MM-DD-YY HHMMZONE`` (or Kyodo's ``DESK-HH:MM-DD-MM-YY``) into source, desk, published."""
        text = line.text.rstrip().rstrip(EOT).rstrip()
        kyodo = _KYODO_TRAILER.fullmatch(text) if ":" in text else None
        if kyodo is not None:
            self.extra["desk"] = kyodo["desk"]
            self.dayfirst = True
            self.published = self.clock(kyodo, line, zone=_JAPAN)
            return
        match = _TRAILER.fullmatch(text)
        if match is None:
            self.defect(
                BAD_TRAILER, f"ANPA-1312 trailer is not 'AGENCY-DESK-MM-DD-YY HHMMGMT' (got {text[:40]!r})", line
            )
            return
        self.extra["desk"] = match["desk"]
        if match["zone"] in _GMT and self.document.context.policy.tzinfos is None:
            self.published = self.clock(match, line, zone=_dt.timezone.utc)
        else:
            # Another zone (EDT): the date parser knows the zones and words the error.
            self.published = self.date(match["date"], line, match.start("date"))
        self.source = match["source"] or self.source

    # -- text ------------------------------------------------------------------

    def text(self, body: Lines, after: Lines) -> None:
        """Read the header lines into headline, byline and extra, the rest into paragraphs."""
        self.check_after_trailer(after)
        # clean() has removed every control character: a blank line is spaces and tabs.
        lines = [text for text in self.clean(body).texts if text.strip(" \t")]
        items, used = self._header_items(lines)
        self._paragraphs(lines[used:])
        headers = [value for kind, value in items if kind == "<"]
        bylines = [value for kind, value in items if kind == "="]
        slug = _slug_index(headers, self.extra["keyword"])
        headline = None
        notes: list[str] = []
        if slug is not None:
            self.extra["slug_line"] = headers[slug]
            notes = headers[:slug]
            if slug + 1 < len(headers):
                headline = headers[slug + 1]
            notes += headers[slug + 2 :]
        elif headers:
            headline, notes = headers[0], headers[1:]
        if headline is None:
            # Kyodo: the headline is the line that ends with "+".
            headline = next((value for kind, value in items if kind == "+"), None)
        if headline is None and bylines and not _BY.match(bylines[0]):
            # Agate: the "=" lines are the headline, captions and a byline;
            # those after the byline head the table.
            headline = bylines.pop(0)
            by = next((index for index, value in enumerate(bylines) if _BY.match(value)), len(bylines))
            notes += bylines[:by]
            self.paragraphs[:0] = bylines[by + 1 :]
            bylines = bylines[by : by + 1]
        self.headline = headline
        self.extra["notes"] = notes
        self.extra["byline_titles"] = bylines[1:]
        self.byline = bylines[0] if bylines else None
        self._check_filing_date()

    def _header_items(self, lines: list[str]) -> tuple[list[tuple[str, str]], int]:
        """The header items that open the text, ``(kind, value)``, and how many lines they take.

        ``^`` lines give items of kind ``<`` and ``=`` (their end mark); an
        unterminated one ends them.  Without ``^``, Kyodo's slug line (the
        keyword, spaced or not) is an item of kind ``<`` and its headline,
        ending ``+``, one of kind ``+``.
        """
        items: list[tuple[str, str]] = []
        keyword = self.extra["keyword"]
        marked = False
        for used, text in enumerate(lines):
            if text[:1] == "^" or text.lstrip(" ")[:1] == "^":
                text = text.strip()
                found = []
                for item in _ITEM_BREAK.split(text) if "<" in text[:-1] else (text,):
                    value = item[1:].rstrip()
                    mark = value[-1:]
                    if mark != "<" and mark != "=":
                        # Unterminated: the body has begun.
                        return items, used
                    found.append((mark, value[:-1].strip()))
                items += found
                marked = True
            elif marked or text[:1] in " \t":
                return items, used
            elif keyword and _squeeze(text).startswith(_squeeze(keyword)):
                items.append(("<", text.strip()))
            elif text.rstrip().endswith("+"):
                items.append(("+", text.rstrip()[:-1].rstrip()))
                return items, used + 1
            else:
                return items, used
        return items, len(lines)

    def _paragraphs(self, lines: list[str]) -> None:
        """The body: one paragraph per line (AP), or wrapped lines after an indent of spaces (Kyodo).

        A line loses its indent (AP's TAB and three spaces) and the ``<``
        (quad left) that closes it.
        """
        paragraphs = self.paragraphs
        joined = "\n".join(lines)
        # AP's common case: every line indented alike, no "^" item among them.
        # (Searching or splitting the whole at "\n\t   " costs more than a
        # look at each line: a search for several characters is slow.)
        if "^" not in joined:
            if "<" in joined:
                parts = [_untail(text[4:]) for text in lines if text[:4] == "\t   "]
            else:
                parts = [text[4:].rstrip() for text in lines if text[:4] == "\t   "]
            if len(parts) == len(lines):
                paragraphs += parts
                return
        wrapped = bool(lines) and lines[0][:1] == " "
        for text in lines:
            continued = False
            if text[:1] == "\t":
                text = text[4:] if text[1:4] == "   " else text[1:]
            elif text.lstrip(" ")[:1] == "^":
                paragraphs += [_body_item(item) for item in _ITEM_BREAK.split(text.strip())]
                continue
            elif text[:2] == "==" and " " not in text.strip():
                continue  # Kyodo's sign-off, "==Kyodo"
            else:
                continued = wrapped and bool(paragraphs) and text[:1] != " "
                text = text.lstrip()
            text = _untail(text)
            if continued:
                paragraphs[-1] = f"{paragraphs[-1]} {text}"
            else:
                paragraphs.append(text)


def _untail(text: str) -> str:
    """A body line without the white space that ends it and the ``<`` (quad left) that closes it."""
    text = text.rstrip()
    return text[:-1].rstrip() if text[-1:] == "<" else text


def _body_item(item: str) -> str:
    """A ``^`` line met in the body (``^END<``, a list entry): its text, marks removed."""
    text = item.strip()[1:].rstrip()
    if text.endswith(("<", "=")):
        text = text[:-1]
    return text.strip()


def _squeeze(text: str) -> str:
    # AP drops the spaces of the slug to make the keyword ("Harbor Ferry" ->
    # "HarborF" when cut); other feeds turn them into hyphens.
    return "".join(text.split()).replace("-", "")


def _slug_index(headers: list[str], keyword: str | None) -> int | None:
    """The slug line is the first header line that begins, spaces and hyphens aside, with the keyword."""
    if not keyword:
        return None
    start = _squeeze(keyword)
    for index, value in enumerate(headers):
        # Most header lines differ at once: squeeze only those that might not.
        first = value[:1]
        if start and first != start[0] and first != "-" and not first.isspace():
            continue
        if _squeeze(value).startswith(start):
            return index
    return None


# -- writing ------------------------------------------------------------------

_KEYWORD = re.compile(rf"[^\s\x00-\x1f\x7f-\x9f]{{1,{KEYWORD_WIDTH}}}")
_VERSION = re.compile(r"[^\s\x00-\x1f\x7f-\x9f]+")
_FILING_DATE = re.compile(r"\d\d-\d\d")
_LETTERS = re.compile(r"[A-Za-z]+")


class _Writer(TransmissionWriter):
    """Writes one article as an ANPA-1312 transmission in the canonical layout (see the docs page)."""

    def render(self) -> str:
        """One transmission in the canonical layout."""
        article = self.article
        extra = self.extra
        gmt = self.trailer_time()

        # Header fields: an absent or None value takes the default.
        level = self.field_from("service_level", "a", _LEVEL)
        sequence = self.field_from("sequence", f"{self.index % 10000:04d}", _SEQUENCE)
        selector = self.field_from("selector", "-----", _SELECTOR)
        priority = self.field_from("priority", "r", _PRIORITY)
        category = self.field_from("category", "a", _CATEGORY)
        codes = extra.get("format_codes") or ("DC3", "DC1")
        if (
            not isinstance(codes, (tuple, list))
            or len(codes) > 2
            or any(code not in ("DC1", "DC2", "DC3", "DC4") for code in codes)
        ):
            raise self.refuse(f"its format_codes {codes!r} are not one or two of DC1, DC2, DC3, DC4")
        headline = None if article.headline is None else self.checked("headline", article.headline)
        keyword = self.field("keyword", self.value("keyword", None) or _keyword(headline or ""), _KEYWORD)
        version = extra.get("version")
        if version is not None:
            version = self.field("version", version, _VERSION)
        filing_date = self.value("filing_date", None) or format_date(gmt.date(), "mm-dd")
        filing_date = self.field("filing_date", filing_date, _FILING_DATE)
        words = self.word_count()

        # The ^ header lines: slug line, headline, notes, then the byline lines.
        slug_line = extra.get("slug_line")
        slug = [] if slug_line is None else [self.checked("slug line", slug_line)]
        notes = [self.checked("note", note) for note in extra.get("notes") or ()]
        if headline is None and notes:
            raise self.refuse("it has notes but no headline, so the first note would read back as the headline")
        headers = slug + ([] if headline is None else [headline]) + notes
        if slug and _slug_index(slug, keyword) is None:
            raise self.refuse(f"its slug line {slug_line!r} does not begin with the keyword {keyword!r}")
        if not slug and _slug_index(headers, keyword) is not None:
            raise self.refuse(
                f"it has no slug line, but a header line begins with the keyword {keyword!r} and would read back as one"
            )
        titles = [self.checked("byline title", title) for title in extra.get("byline_titles") or ()]
        if titles and article.byline is None:
            raise self.refuse("it has byline_titles but no byline")
        bylines = ([] if article.byline is None else [self.checked("byline", article.byline)]) + titles
        for value in headers + bylines:
            if _ITEM_BREAK.search(f"{value}<"):
                raise self.refuse(f"the header line {value!r} holds '< ^', which would start a new header line")

        source = article.source
        if source is not None and not _LETTERS.fullmatch(source):
            raise self.refuse(f"its source {source!r} is not letters only, as the trailer needs")
        desk = extra.get("desk")
        if desk is not None:
            if source is None:
                raise self.refuse("it has a desk but no source for the trailer")
            self.field("desk", desk, _LETTERS)
        paragraphs = self._body(gmt.date())

        slug_fields = f"{keyword} {version}   " if version else f"{keyword}     "
        control = "".join(CONTROL_CODES[code] for code in codes)
        lines = [f"^{value}<" for value in headers] + [f"^{value}=" for value in bylines]
        lines += [f"\t   {paragraph}" for paragraph in paragraphs]
        trailer = ("" if source is None else f"{source}-") + ("" if desk is None else f"{desk}-")
        return (
            f"\x16\x16\x01{level}{sequence}\x1f{selector}\r\n"
            f"{priority} {category}{control} {slug_fields}{filing_date} {words:04d}\r\n"
            + STX
            + "".join(f"{line}\r\n" for line in lines)
            + f"\r\n\t   {ETX}{trailer}{format_date(gmt, 'anpa-trailer')}<\r\n\r\n\x0c\r\n\x04"
        )

    def _body(self, reference: _dt.date) -> list[str]:
        """The body lines, with the dateline back in front of the first paragraph."""
        paragraphs = [paragraph.rstrip() for paragraph in self.article.paragraphs]
        dateline = self.article.dateline
        if dateline is not None:
            first = paragraphs.pop(0) if paragraphs else ""
            paragraphs.insert(0, f"{dateline.text} {first}".rstrip())
        result = []
        for paragraph in paragraphs:
            if not paragraph.strip():
                continue
            self.check_text("text", paragraph)
            # The reader drops one closing "<" (quad left), so a real one is doubled.
            result.append(paragraph + "<" if paragraph.endswith("<") else paragraph)
        if dateline is not None and (not result or split_dateline(result[0], reference=reference)[0] != dateline):
            raise self.refuse(f"its dateline {dateline.text!r} would not read back as written")
        return result


def _keyword(headline: str) -> str:
    """A keyword for an article that has none: AP's ``BC-`` and the headline's words."""
    words = _WORDS.findall(headline)
    return ("BC-" + "-".join(words))[:KEYWORD_WIDTH].rstrip("-")


class ANPA1312Format(WireFormat):
    """ANPA-1312 wire transmissions (AP and most US wires), read and written.

    Reads every transmission of a file: the two header lines into
    :attr:`~wirecopy.Article.extra`, the ``^`` header lines into headline,
    byline and notes, the tab-indented body into paragraphs with the
    dateline split off, and the ETX trailer (``AP-NY-03-14-17 1745GMT``) into
    :attr:`~wirecopy.Article.source` and an aware
    :attr:`~wirecopy.Article.published`.  Writes the canonical layout
    described in ``docs/formats/anpa-1312.md``, which it reads back byte
    for byte: header fields missing from :attr:`~wirecopy.Article.extra` get
    defaults (the sequence number is the article's position in the output),
    and an article without an aware ``published`` datetime, or with a
    field the layout cannot hold, raises :class:`~wirecopy.WriteError`.

    .. versionadded:: 0.1
    """

    name = "anpa-1312"
    aliases = ("anpa",)
    description = "ANPA-1312 wire transmissions (AP): SYN SYN SOH header, ^ header lines, ETX trailer"
    version_added = "0.1"
    label = "ANPA-1312"
    reader = _Reader
    writer = _Writer

    # Certain on SOH (after SYN SYN, or none as Kyodo sends it), the service
    # level and sequence number, an agency's name or none, and US.
    signature = re.compile(rb"[\s\x00\x7f]*\x16*\x01[A-Za-z]\d{4}[A-Za-z]{0,16}\x1f")

    def sniff_damaged(self, head: bytes) -> float:
        """Likely on ``SYN SYN SOH`` alone."""
        return 0.8 if head.lstrip()[:3] == b"\x16\x16\x01" else 0.0
