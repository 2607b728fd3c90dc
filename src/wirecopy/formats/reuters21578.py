"""Reuters-21578, Distribution 1.0: ``<REUTERS>`` documents in SGML.

The layout (see ``docs/formats/reuters21578-sgml.md``)::

    <!DOCTYPE lewis SYSTEM "lewis.dtd">
    <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
    <DATE>26-FEB-1987 15:01:01.79</DATE>
    <TOPICS><D>cocoa</D></TOPICS>
    <PLACES><D>el-salvador</D><D>usa</D></PLACES>
    ...
    <TEXT>&#2;
    <TITLE>BAHIA COCOA REVIEW</TITLE>
    <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued ...
     Reuter
    &#3;</BODY></TEXT>
    </REUTERS>

The same reader takes the tm package's XML re-encodings (a ``<LEWIS>`` root
around the same elements, or one ``<REUTERS>`` per file): they differ only
in what stands between documents and in having no control references.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import textwrap
from typing import Any

from ..article import Article, Dateline
from ..datelines import parse_dateline
from ..dates import format_date
from ..defects import BAD_DATELINE, CONTROL_CHARACTER, MISSING_ID
from ..errors import ParseError
from ..kit._sgml_text import is_plain, plain_blocks
from ..kit.sgml import (
    SGMLDocument,
    SGMLFormat,
    attributes,
    blocks,
    collapse,
    escape,
    escape_attribute,
    find_control,
    remove_controls,
)
from ._sgml import SIGNOFF

__all__ = ["Reuters21578Format"]

_D_START = re.compile("<D>", re.IGNORECASE)
_D_END = re.compile("</D>", re.IGNORECASE)
_LISTS = ("PLACES", "PEOPLE", "ORGS", "EXCHANGES", "COMPANIES")
# The attributes of <REUTERS>, in the order the distribution writes them.
_ATTRIBUTES = ("TOPICS", "LEWISSPLIT", "CGISPLIT", "OLDID", "CSECS", "N", "SET")
_HEAD = re.compile(rb"(?:\xef\xbb\xbf)?(?:\s|<![^<>]*>|<\?[^<>]*\?>|<LEWIS>)*<REUTERS[\s>]")
_WIDTH = 65
_LONGEST_DATELINE = 1000

# The layout of every NORM document of the distribution, read by one match
# (see _Reading.laid_out); anything else is read element by element, with the
# same result.  No field holds a "<", so each ends at its own end tag.
_CODES = r"((?:<D>[^<]*</D>)*)"
_REUT2 = re.compile(
    r'<REUTERS TOPICS="(YES|NO|BYPASS)" LEWISSPLIT="([A-Z-]+)" CGISPLIT="([A-Z-]+)" OLDID="(\d+)" NEWID="(\d+)">\n'
    r"<DATE>([^<]*)</DATE>\n"
    r"(?:<MKNOTE>([^<]*)</MKNOTE>\n)?"
    rf"<TOPICS>{_CODES}</TOPICS>\n<PLACES>{_CODES}</PLACES>\n<PEOPLE>{_CODES}</PEOPLE>\n"
    rf"<ORGS>{_CODES}</ORGS>\n<EXCHANGES>{_CODES}</EXCHANGES>\n<COMPANIES>{_CODES}</COMPANIES>\n"
    r"<UNKNOWN>([^<]*)</UNKNOWN>\n"
    r"(?:<TEXT>&#2;\n<TITLE>([^<]*)</TITLE>\n"
    r"(?:<AUTHOR>([^<]*)</AUTHOR>\n)?"
    r"(?:<DATELINE>([^<]*)</DATELINE>)?<BODY>([^<]*)</BODY>"
    # A BRIEF: a title (after the stars of a flash) and a line of text, no BODY.
    r'|<TEXT TYPE="BRIEF">&#2;\n(\**)<TITLE>([^<]*)</TITLE>([^<]*))</TEXT>\n'
    r"</REUTERS>"
)
# Where the content of a BRIEF's TEXT starts: its "&#2;\n", before the stars.
_BRIEF_TEXT = len("&#2;\n")
# The control characters of the wire header (UNKNOWN), as the distribution writes them.
_WIRE_REFERENCES = tuple((f"&#{n};", chr(n)) for n in (1, 2, 3, 5, 22, 30, 31, 127))
# The control characters find_control finds, as bytes.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_OTHER_BREAK = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _parse_dateline(text: str, reference: _dt.date | None) -> Dateline | str:
    """The dateline, or why it is none."""
    try:
        return parse_dateline(text, reference=reference)
    except ParseError as err:
        return err.msg


# A file repeats its datelines ("NEW YORK, March 3 -" on one day); Dateline
# is immutable, so each is parsed once.  Only short ones reach it.
_cached_dateline = functools.lru_cache(maxsize=4096)(_parse_dateline)
# The extra keys of the lists the layout match reads, in the order of its groups.
_LISTS_EXTRA = tuple(name.lower() for name in _LISTS)
_D_ITEM = re.compile(r"<D>([^<]*)</D>")
_PLAIN_CODES = re.compile(r"(?:<D>[A-Za-z0-9][A-Za-z0-9_./'-]*</D>)+")

# What str.splitlines() cuts lines at ("\r\n" ends at its "\n").
_LINE_BREAKS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")

# A control character as written: a numeric reference or the raw byte.
_WRITTEN_CONTROL = re.compile(r"&#(0*(?:[0-8]|1[4-9]|2[0-9]|3[01]|127));|[\x00-\x08\x0e-\x1f\x7f]")


class Reuters21578Format(SGMLFormat):
    """The Reuters-21578 text categorisation collection (``reut2-NNN.sgm``).

    Reads NEWID into :attr:`~wirecopy.Article.id`, DATE into
    :attr:`~wirecopy.Article.published`, TOPICS into
    :attr:`~wirecopy.Article.subjects`, TITLE, AUTHOR (the byline), the
    DATELINE resolved against the document's own date, and the BODY without
    its ``Reuter`` sign-off; PLACES, PEOPLE, ORGS, EXCHANGES, COMPANIES, the
    split attributes and the wire header go to :attr:`~wirecopy.Article.extra`.
    Writes the distribution's layout back.

    .. versionadded:: 0.1
    """

    name = "reuters21578-sgml"
    aliases = ("reuters21578",)
    extensions = (".sgm",)
    description = "Reuters-21578 Distribution 1.0 SGML (<REUTERS NEWID=...> documents)"
    url = "https://archive.ics.uci.edu/dataset/137/reuters+21578+text+categorization+collection"
    version_added = "0.1"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Score the ``lewis`` DOCTYPE, or a ``<REUTERS`` start tag with its NEWID."""
        if head.lstrip().startswith(b"<!DOCTYPE lewis"):
            return 1.0
        if _HEAD.match(head) is None:
            return 0.0
        return 1.0 if b"NEWID=" in head[:4096] else 0.8

    element = "REUTERS"
    prologue = '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'

    def read_document(self, document: SGMLDocument) -> Article:
        """Read one ``<REUTERS>`` document: by one match in the distribution's own layout, else element by element."""
        reading = _Reading(document)
        match = _REUT2.fullmatch(document.text)
        if match is not None:
            return reading.laid_out(match)
        return reading.article()

    def render(self, article: Article) -> str:
        """Write one ``<REUTERS>`` document in the distribution's layout.

        Raises:
            WriteError: The article has no id, or a date with a time zone
                (the format has none).
        """
        return _render(self, article)


class _Reading:
    """The reading of one ``<REUTERS>`` document: the document, and the extra fields found so far."""

    __slots__ = ("controls_reported", "decode", "document", "extra")

    def __init__(self, document: SGMLDocument) -> None:
        self.document = document
        self.decode = document.decode
        self.extra: dict[str, Any] = {}
        self.controls_reported = False

    def article(self) -> Article:
        document = self.document
        text = document.text
        extra = self.extra
        doc_id = None
        for key, value in attributes(document.tag_attributes()).items():
            upper = key.upper()
            if upper == "NEWID":
                doc_id = value.strip() or None
            elif upper == "TOPICS":
                extra["topics_attribute"] = value
            else:
                extra[key.lower()] = value
        subjects: list[str] = []
        published = None
        date_text = None
        date_at = 0
        headline = byline = None
        dateline: Dateline | None = None
        dateline_raw = None
        dateline_at = 0
        paragraphs: list[str] = []
        for element in document.children():
            upper = element.upper
            start = element.start
            if upper == "TEXT":
                # Read in place: TEXT may be most of a large document.
                kind = attributes(element.attributes).get("TYPE")
                if kind is not None:
                    extra["text_type"] = kind
                headline, byline, dateline_raw, dateline_at, paragraphs = self.body(start, element.end, kind)
                continue
            content = text[start : element.end]
            if upper == "DATE":
                date_text = content
                date_at = start
            elif upper == "TOPICS":
                subjects = self.items(content)
            elif upper in _LISTS:
                items = self.items(content)
                if items:
                    extra[upper.lower()] = items
            elif upper == "UNKNOWN":
                extra["unknown"] = self.decode(content)
            elif upper == "MKNOTE":
                extra["mknote"] = self.decode(content)
            else:
                extra[element.name.lower()] = collapse(self.decode(content))
        if doc_id is None:
            document.defect(MISSING_ID, "document has no NEWID")
        if date_text is not None:
            published = self.date(date_text, date_at)
        if dateline_raw is not None:
            dateline = self.dateline(dateline_raw, dateline_at, published)
        return self.build(doc_id, headline, byline, published, dateline, paragraphs, subjects)

    def build(
        self,
        doc_id: str | None,
        headline: str | None,
        byline: str | None,
        published: _dt.date | None,
        dateline: Dateline | None,
        paragraphs: list[str],
        subjects: list[str],
    ) -> Article:
        """The article, from its fields and what :attr:`extra` gathered."""
        return self.document.article(
            id=doc_id,
            source="Reuters",
            headline=headline,
            byline=byline,
            published=published,
            dateline=dateline,
            paragraphs=paragraphs,
            subjects=subjects,
            extra=self.extra,
        )

    def laid_out(self, match: re.Match[str]) -> Article:
        """:meth:`article` for a document in the layout of every NORM or BRIEF document of ``reut2-NNN.sgm``.

        The same reading, in the same order (so the same defects), from the
        groups of one match instead of two walks over the elements.
        """
        decode = self.decode
        (topics, lewissplit, cgisplit, oldid, newid, date_text, mknote, subjects_content, *lists, unknown) = (
            match.groups()[:14]
        )
        extra = self.extra
        extra["topics_attribute"] = topics
        extra["lewissplit"] = lewissplit
        extra["cgisplit"] = cgisplit
        extra["oldid"] = oldid
        if mknote is not None:
            extra["mknote"] = decode(mknote)
        subjects = self.codes(subjects_content) if subjects_content else []
        for name, content in zip(_LISTS_EXTRA, lists, strict=True):
            if content:
                extra[name] = self.codes(content)
        extra["unknown"] = self.wire_header(unknown)
        title_at = match.start(15)
        byline = dateline_raw = None
        if title_at >= 0:
            title, author, dateline_raw, body = match.group(15, 16, 17, 18)
            headline = collapse(self.controls(decode(title), title_at)) or None
            byline = None if author is None else collapse(decode(author)) or None
            paragraphs = self.paragraphs(body, match.start(18), None)
        else:
            # As body() reads a BRIEF: the stars before the title are its
            # prefix, and the text after it is read from where TEXT starts.
            extra["text_type"] = "BRIEF"
            stars, title, rest = match.group(19, 20, 21)
            if stars:
                extra["title_prefix"] = stars
            headline = collapse(self.controls(decode(title), match.start(20))) or None
            text_at = match.start(19) - _BRIEF_TEXT
            paragraphs = self.paragraphs(rest, text_at, "BRIEF") if rest.strip() else []
        published = self.date(date_text, match.start(6))
        dateline = None if dateline_raw is None else self.dateline(dateline_raw, match.start(17), published)
        return self.build(newid, headline, byline, published, dateline, paragraphs, subjects)

    def codes(self, content: str) -> list[str]:
        """:meth:`items` for a list the layout match has checked: ``<D>`` elements only."""
        if not content:
            return []
        if _PLAIN_CODES.fullmatch(content):
            # Codes of letters, digits and dashes: nothing to decode or collapse.
            return content[3:-4].split("</D><D>")
        decode = self.decode
        # A code is mostly one lower-case word ("el-salvador"): nothing to do.
        return [
            code if " " not in code and "&" not in code and code.isprintable() else collapse(decode(code))
            for code in _D_ITEM.findall(content)
        ]

    def wire_header(self, content: str) -> str:
        """The UNKNOWN element decoded: the wire header, all control characters written as ``&#N;``.

        The references the distribution uses there are replaced in turn (a
        reference cannot come out of another); anything else left with an
        ``&`` is decoded as usual.
        """
        text = content
        for written, character in _WIRE_REFERENCES:
            if written in text:
                text = text.replace(written, character)
        return text if "&" not in text else self.decode(content)

    def items(self, content: str) -> list[str]:
        """The codes of a list element: ``<D>cocoa</D><D>coffee</D>``.

        A ``<D>`` with no ``</D>`` after it ends the list: searching on from
        each of many such tags would take time quadratic in their number.
        """
        codes = []
        pos = 0
        while (start := _D_START.search(content, pos)) is not None:
            end = _D_END.search(content, start.end())
            if end is None:
                break
            codes.append(collapse(self.decode(content[start.end() : end.start()])))
            pos = end.end()
        return codes

    def date(self, content: str, at: int) -> _dt.date | None:
        """The DATE element, without its padding and the junk after the time."""
        stripped = self.decode(content).strip()
        control = None if stripped.isprintable() else find_control(stripped)
        if control is not None:
            # "27-MAR-1987 09:41:54.06&#5;&#5;&#5;C L": the wire's control
            # characters and what follows them are not part of the date.
            self.extra["date_junk"] = stripped[control.start() :]
            stripped = stripped[: control.start()].strip()
        value = self.document.date(stripped, at=at + len(content) - len(content.lstrip()))
        if value is None:
            self.extra["date"] = stripped
        return value

    def dateline(self, text: str, at: int, published: _dt.date | None) -> Dateline | None:
        """The DATELINE element, its month and day resolved against the document date."""
        stripped = collapse(self.decode(text))
        if not stripped:
            return None
        if len(stripped) > _LONGEST_DATELINE:
            # Not worth the parser's time: no real dateline comes near this length.
            self.document.defect(BAD_DATELINE, f"a dateline of {len(stripped):,} characters is too long", at=at)
            return Dateline(text=stripped)
        reference = published.date() if isinstance(published, _dt.datetime) else published
        parsed = _cached_dateline(stripped, reference)
        if isinstance(parsed, str):
            self.document.defect(BAD_DATELINE, parsed, at=at)
            return Dateline(text=stripped)
        return parsed

    def body(self, at: int, end: int, kind: str | None) -> tuple[str | None, str | None, str | None, int, list[str]]:
        """Read TEXT: TITLE, AUTHOR, DATELINE, BODY, and text outside them."""
        text = self.document.text
        headline = byline = dateline = None
        dateline_at = 0
        body: str | None = None
        body_at = 0
        loose: list[str] = []
        for gap_start, gap_end, element in self.document.elements(at, end, exact=True):
            if gap_end > gap_start:
                loose.append(text[gap_start:gap_end])
            if element is None:
                continue
            start = element.start
            value = text[start : element.end]
            upper = element.upper
            if upper == "TITLE":
                prefix = "".join(loose).strip().replace("&#2;", "").strip()
                if prefix:
                    # BRIEF documents put "******" before the title.
                    self.extra["title_prefix"] = prefix
                loose = []
                headline = collapse(self.controls(self.decode(value), start)) or None
            elif upper == "AUTHOR":
                byline = collapse(self.decode(value)) or None
            elif upper == "DATELINE":
                dateline = value
                dateline_at = start
            elif upper == "BODY":
                body = value
                body_at = start
            else:
                loose.append(value)
        if body is not None:
            paragraphs = self.paragraphs(body, body_at, kind)
        else:
            rest = "".join(loose)
            paragraphs = self.paragraphs(rest, at, kind) if rest.strip() else []
        return headline, byline, dateline, dateline_at, paragraphs

    def paragraphs(self, raw: str, at: int, kind: str | None) -> list[str]:
        """Paragraphs of a body, without its &#2;, &#3; and ``Reuter`` sign-off."""
        end = len(raw) - 4 if raw.endswith("&#3;") else len(raw)
        if kind != "UNPROC" and raw.find("&", 0, end) < 0 and is_plain(raw):
            # Most bodies: no reference but the closing one, and printable
            # ASCII lines (so no control character and no other line break).
            text = raw[:end].rstrip()
            last = text.rfind("\n") + 1
            signoff = SIGNOFF.fullmatch(text, last)
            if signoff is not None:
                self.extra["signoff"] = signoff.group(1)
                text = text[:last]
            return plain_blocks(text)
        text = raw[:-4] if raw.endswith("&#3;") else raw
        if "&" in text:
            text = text.replace("&#3;", "").replace("&#2;", "")
            if "&" in text:
                # Other references than the framing: decode them all (the
                # framing's characters go below, as decoded ones would).
                text = self.decode(raw)
        # STX opens the text and ETX closes the body: transmission framing.
        if "\x02" in text or "\x03" in text:
            text = text.replace("\x02", "").replace("\x03", "")
        plain = is_plain(text)
        if not plain:
            text = self.controls(text, at, raw)
        text = text.rstrip()
        # The last line, found from the end rather than by cutting the whole
        # body into lines: the body may be most of a large document.
        last = text.rfind("\n") + 1
        if _OTHER_BREAK.search(text, last) is not None:
            last = max(text.rfind(brk) for brk in _LINE_BREAKS) + 1
        signoff = SIGNOFF.fullmatch(text, last)
        if signoff is not None:
            self.extra["signoff"] = signoff.group(1)
            text = text[:last]
        if kind == "UNPROC":
            # Tables and unprocessed copy: one paragraph per line, as laid out.
            return [line.rstrip() for line in text.splitlines() if line.strip()]
        return plain_blocks(text) if plain else blocks(text)

    def controls(self, text: str, at: int, raw: str | None = None) -> str:
        """Remove control characters (``&#127;`` line noise), reporting the first of the document where written.

        Once per document: a defect per TEXT element would grow with a
        document made of them.
        """
        if text.isascii() and len(text.encode("ascii").translate(None, _CONTROL_BYTES)) == len(text):
            # Most text has none: one pass in C tells.
            return text
        match = find_control(text)
        if match is None:
            return text
        if self.controls_reported:
            return remove_controls(text)
        self.controls_reported = True
        offset = 0
        if raw is not None:
            for written in _WRITTEN_CONTROL.finditer(raw):
                number = written.group(1)
                if number is None or int(number) not in (2, 3):
                    offset = written.start()
                    break
        message = f"control character {match.group()!r} in text, removed"
        self.document.defect(CONTROL_CHARACTER, message, at=at + offset)
        return remove_controls(text)


# -- writing ----------------------------------------------------------------


def _render(fmt: SGMLFormat, article: Article) -> str:
    esc = escape
    if not article.id:
        fmt.refuse(article, "it has no id for NEWID")
    extra = dict(article.extra)
    attributes = []
    for name in _ATTRIBUTES:
        key = "topics_attribute" if name == "TOPICS" else name.lower()
        value = extra.get(key)
        if isinstance(value, str):
            attributes.append(f' {name}="{escape_attribute(value)}"')
    attributes.append(f' NEWID="{escape_attribute(article.id)}"')
    out = [f"<REUTERS{''.join(attributes)}>\n"]
    published = article.published
    date = extra.get("date") if published is None else _format_date(fmt, article, published)
    junk = extra.get("date_junk")
    if isinstance(date, str):
        if date[1:2] == "-":
            # The distribution pads a one-digit day with a space: " 1-MAR-1987".
            date = " " + date
        out.append(f"<DATE>{esc(date)}{esc(junk) if isinstance(junk, str) else ''}</DATE>\n")
    mknote = extra.get("mknote")
    if isinstance(mknote, str):
        out.append(f"<MKNOTE>{esc(mknote)}</MKNOTE>\n")
    out.append(f"<TOPICS>{_items(article.subjects)}</TOPICS>\n")
    for name in _LISTS:
        out.append(f"<{name}>{_items(extra.get(name.lower(), ()))}</{name}>\n")
    unknown = extra.get("unknown")
    if isinstance(unknown, str):
        out.append(f"<UNKNOWN>{esc(unknown)}</UNKNOWN>\n")
    kind = extra.get("text_type")
    out.append(f'<TEXT TYPE="{escape_attribute(kind)}">&#2;\n' if isinstance(kind, str) else "<TEXT>&#2;\n")
    prefix = extra.get("title_prefix")
    if isinstance(prefix, str):
        out.append(esc(prefix))
    if article.headline is not None:
        out.append(f"<TITLE>{esc(article.headline)}</TITLE>\n")
    if article.byline is not None:
        out.append(f"<AUTHOR>    {esc(article.byline)}</AUTHOR>\n")
    if article.dateline is not None:
        out.append(f"<DATELINE>    {esc(article.dateline.text)} </DATELINE>")
    signoff = extra.get("signoff")
    lines = _body(article.paragraphs, kind == "UNPROC")
    if isinstance(signoff, str):
        lines.append(f" {esc(signoff)}")
    if kind in ("UNPROC", "BRIEF"):
        # UNPROC and BRIEF texts have no BODY element.
        out.append("\n".join(lines) + "\n&#3;\n\n</TEXT>\n")
    else:
        out.append("<BODY>" + "\n".join(lines) + "\n&#3;</BODY></TEXT>\n")
    out.append("</REUTERS>\n")
    return "".join(out)


def _body(paragraphs: tuple[str, ...], unprocessed: bool) -> list[str]:
    esc = escape
    if unprocessed:
        return [esc(p) for p in paragraphs]
    lines: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        # The first paragraph follows <BODY> directly; the others are
        # indented by four spaces, which is what marks a new paragraph.
        wrapped = textwrap.wrap(
            esc(paragraph),
            _WIDTH,
            initial_indent="" if index == 0 else "    ",
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines.extend(wrapped)
    return lines


def _format_date(fmt: SGMLFormat, article: Article, published: _dt.date) -> str:
    if isinstance(published, _dt.datetime) and published.tzinfo is not None:
        fmt.refuse(article, f"its date {published.isoformat()} has a time zone")
    if not isinstance(published, _dt.datetime):
        # A day without a time: the date part of the style, " 1-MAR-1987".
        return format_date(_dt.datetime.combine(published, _dt.time()), "reuters21578").rsplit(" ", 1)[0]
    return format_date(published, "reuters21578")


def _items(values: Any) -> str:
    if not isinstance(values, tuple):
        return ""
    return "".join(f"<D>{escape(v)}</D>" for v in values if isinstance(v, str))
