"""TREC and LDC SGML: TIPSTER, AQUAINT, Gigaword, ACE, DUC and TAC corpora.

A file is a series of ``<DOC>`` ... ``</DOC>`` documents with no root element
(see ``docs/formats/trec-sgml.md``)::

    <DOC id="AFP_ENG_20090531.0001" type="story" >
    <HEADLINE>
    Chile swine flu cases jump to 276
    </HEADLINE>
    <DATELINE>
    Santiago, May 31, 2009 (AFP)
    </DATELINE>
    <TEXT>
    <P>
    Chilean health authorities confirmed 26 new cases ...
    </P>
    </TEXT>
    </DOC>

The families differ in which elements they use (``DOCNO`` or ``DOCID`` or an
``id`` attribute; ``DATE_TIME``, ``DATETIME``, ``DATE`` or only the date in
the id; ``HEADLINE`` or ``HL``), so each document is read element by element
and whatever is present is used.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Callable

from .._text import take_dateline
from ..article import Article, Dateline, FrozenDict
from ..datelines import parse_dateline
from ..defects import CONTROL_CHARACTER, MISSING_ID, PLACEHOLDER_HEADLINE
from ..errors import ParseError
from ..kit._sgml_text import TAG
from ..kit.sgml import (
    Element,
    SGMLDocument,
    SGMLFormat,
    attributes,
    blocks,
    collapse,
    decode_entities,
    find_control,
    normalize,
    remove_controls,
    strip_tags,
)
from . import _trec_layouts, _trec_write
from ._sgml import PLACEHOLDER
from ._trec_ids import id_parts

__all__ = ["TRECSGMLFormat"]


# Elements that only group others: their tags are stepped over.
_CONTAINERS = frozenset({"BODY", "DOC"})
_ID_ELEMENTS = frozenset({"DOCNO", "DOCID"})
_DATE_ELEMENTS = frozenset({"DATE_TIME", "DATETIME", "DATE"})
_HEADLINE_ELEMENTS = frozenset({"HEADLINE", "HL"})
# The body, and the lead paragraph some TREC disk sources (WSJ, SJM) put before it.
_TEXT_ELEMENTS = frozenset({"TEXT", "LP", "LEADPARA"})
# Elements kept verbatim-but-collapsed in extra under their lower-case name.
_EXTRA_ELEMENTS = {"SLUG": "slug", "CATEGORY": "category", "TRAILER": "trailer", "END_TIME": "end_time"}


# An AQUAINT/ANPA header: "w1026 <US> wstm-\nu i <DC3> <DC1> BC-Iran-Rushdie     10-12 0083".
# No two runs of white space touch (the unit separator <US> is white space
# to Python), so a header that does not match fails in linear time rather
# than trying every way of sharing a run between them.
_ANPA = re.compile(
    r"\s*(?P<transmission>\S+)[^\S\x1f]*\x1f[^\S\n]*(?:(?P<selector>\S+)[^\S\n]*)?\n"
    r"\s*(?P<priority>\S)\s+(?P<category>\S)\s*(?:[\x13\x14]\s*)?(?:[\x11\x12]\s*)?"
    r"(?P<keyword>\S+)\s+(?P<date>\d\d-\d\d)\s+(?P<words>\d+)\s*"
)
_BYLINE = re.compile(r"By\s+\S", re.IGNORECASE)
# A control character as the text writes it: raw, or a reference that decodes to one.
_WRITTEN_CONTROL = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f]|&#0*(?:[0-8]|1[4-9]|2[0-9]|3[01]|127);"
    r"|&#[xX]0*(?:[0-8]|[eEfF]|1[0-9a-fA-F]|7[fF]);|&Cx0?(?:[0-8]|[eEfF]|1[0-9a-fA-F]|7[fF]);"
)
# No real dateline comes near this length: a longer DATELINE is kept as written.
_LONGEST_DATELINE = 1000


# The ids of one day share their first 17 characters ("AFP_ENG_20090531.").
_id_day = functools.lru_cache(maxsize=1024)(id_parts)


class TRECSGMLFormat(SGMLFormat):
    """TREC/LDC SGML document collections: AQUAINT, Gigaword, ACE, TAC and classic TREC.

    Reads the id (``id`` attribute, ``DOCNO`` or ``DOCID``), the date
    (``DATE_TIME``, ``DATETIME``, ``DATE``, the newsgroup ``POSTDATE``, or
    else the date in the id), the agency from the id, the headline, the
    byline, the dateline (the ``DATELINE`` element, or split off the first
    paragraph) and the paragraphs (``<P>`` elements, or blank-line and
    indented blocks).  Writes Gigaword-style documents that it reads back
    unchanged.

    .. versionadded:: 0.1
    """

    name = "trec-sgml"
    aliases = ("trec", "gigaword", "aquaint")
    extensions = (".sgml", ".sgm")
    description = "TREC/LDC SGML collections: AQUAINT, Gigaword, ACE, DUC, TAC (<DOC> ... </DOC>)"
    url = "https://catalog.ldc.upenn.edu/LDC2011T07"
    version_added = "0.1"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Score a ``<DOC>`` start tag at the top followed by an id element or attribute."""
        match = _HEAD.match(head)
        if match is None:
            return 0.0
        rest = head[match.end() : match.end() + 600]
        if match.group(1).lstrip().startswith(b"id=") or b"<DOCNO>" in rest or b"<DOCID>" in rest:
            return 1.0
        if b"<TEXT>" in head or b"</DOC>" in head or b"<HEADLINE>" in head:
            return 0.9
        return 0.5

    element = "DOC"

    def read_document(self, document: SGMLDocument) -> Article:
        """Read one ``<DOC>``: by the Gigaword layout when it has it, else element by element."""
        if not document.report.defects:
            # Printable ASCII and newlines only: the common case, which lets
            # the fast path skip its per-character checks (str.isprintable
            # has no ASCII shortcut; bytes.translate is a table lookup).  The
            # same pass counts the tags: all that is left is their "<".
            text = document.text
            tags = -1
            if text.isascii():
                left = text.encode("ascii").translate(None, _PLAIN_BUT_TAGS)
                if not left.strip(b"<"):
                    tags = len(left)
            article = _gigaword(document, tags)
            if article is not None:
                return article
        return _read_elements(document)

    def render(self, article: Article) -> str:
        """Write a Gigaword-style ``<DOC>``.

        Raises:
            WriteError: The article has no id, or its id cannot be an
                attribute value.
        """
        return _trec_write.render(self, article)


_HEAD = re.compile(rb"(?:\xef\xbb\xbf)?(?:\s|<![^<>]*>|<\?[^<>]*\?>)*<DOC([\s>][^<>]*)")


# The layout of nearly every Gigaword and AQUAINT-2 document, read by one
# match instead of element by element: at corpus scale this is the hot path.
# Anything else (other elements, tags inside the headline, other spacing)
# takes the general path, which gives the same result.
_GIGAWORD_LAYOUT = re.compile(
    r'<DOC id="([A-Z]{3}_[A-Z]{3}_\d{8}\.\d{4})" type="([a-z]+)" ?>\n'
    r"<HEADLINE>\n([^<>\n]*)\n</HEADLINE>\n"
    r"(?:<DATELINE>\n([^<>\n]*)\n</DATELINE>\n)?"
    r"<TEXT>\n(.*)</TEXT>\n</DOC>",
    re.DOTALL,
)


# The head of the same layout with its lines joined by spaces, up to its
# first paragraph (see _spaced_gigaword).
_SPACED_HEAD = re.compile(
    r'<DOC id="([A-Z]{3}_[A-Z]{3}_\d{8}\.\d{4})" type="([a-z]+)" ?> '
    r"<HEADLINE> ([^<>]*) </HEADLINE> "
    r"(?:<DATELINE> ([^<>]*) </DATELINE> )?"
    r"<TEXT> <P> "
)
_SPACED_BREAK = " </P> <P> "
_SPACED_TAIL = " </P> </TEXT> </DOC>"

# re's literal search finds two spaces in running text a tenth faster than
# str's, whose skip table does little for a needle of spaces.
_TWO_SPACES = re.compile("  ")

# What bytes.translate deletes to leave only the "<" of a document of
# printable ASCII and newlines (and something else if it is not one).
_PLAIN_BUT_TAGS = bytes(range(0x20, 0x3C)) + bytes(range(0x3D, 0x7F)) + b"\n"


class _NotGigaword(Exception):
    """The document leaves the Gigaword layout: read it by the general path."""


def _unknown_entity(written: str) -> None:
    # An unknown entity sends the document to the general path, which reports it.
    raise _NotGigaword


def _gigaword(document: SGMLDocument, tags: int) -> Article | None:
    """Read a document in the standard Gigaword layout, or return None.

    *tags* is the number of ``<`` in a document of printable ASCII and
    newlines only, and -1 for any other document.
    """
    text = document.text
    plain = tags >= 0
    if plain and "<P>" in text:
        # Lines joined: with no two spaces anywhere, no line has a space at
        # either end and no line is blank, so every field is already
        # collapsed and one split reads the paragraphs.  (Text without <P>
        # has blank lines between its paragraphs: it takes the path below.)
        spaced = text.replace("\n", " ")
        if _TWO_SPACES.search(spaced) is None:
            try:
                return _spaced_gigaword(document, spaced, tags)
            except _NotGigaword:
                return None
    match = _GIGAWORD_LAYOUT.fullmatch(text)
    if match is None:
        return None
    doc_id, doc_type, headline, dateline_text, content = match.groups()
    if "\r" in text:
        return None
    try:
        if "<" in content:
            paragraphs = _p_paragraphs(content, plain)
        elif plain and "&" not in content:
            # Printable already: blocks() only joins its lines.
            paragraphs = blocks(content)
        else:
            paragraphs = blocks(decode_entities(content, _unknown_entity))
            if not all(p.isprintable() for p in paragraphs):
                return None
        if paragraphs is None:
            return None
        headline = normalize(decode_entities(headline, _unknown_entity))
        if dateline_text is not None:
            dateline_text = decode_entities(dateline_text, _unknown_entity)
    except _NotGigaword:
        return None
    if (not plain and not headline.isprintable()) or PLACEHOLDER.fullmatch(headline):
        return None
    if dateline_text is not None:
        dateline_text = normalize(dateline_text)
    return _gigaword_article(document, doc_id, doc_type, headline, dateline_text, paragraphs)


def _gigaword_article(
    document: SGMLDocument,
    doc_id: str,
    doc_type: str,
    headline: str,
    dateline_text: str | None,
    paragraphs: list[str],
) -> Article:
    """The article of a Gigaword document read by a fast path: fields decoded and collapsed."""
    agency, published = _id_day(doc_id[:17])
    if dateline_text is not None:
        dateline = _dateline(dateline_text, published)
    else:
        dateline = take_dateline(paragraphs, published)
    return document.article(
        id=doc_id,
        source=agency,
        headline=headline or None,
        published=published,
        dateline=dateline,
        paragraphs=paragraphs,
        extra=_type_extra(doc_type),
    )


# The extra of nearly every Gigaword document is one of four: built once each.
_type_extra = functools.lru_cache(maxsize=64)(lambda doc_type: FrozenDict({"type": doc_type}))


def _spaced_gigaword(document: SGMLDocument, spaced: str, tags: int) -> Article | None:
    """:func:`_gigaword` for ``<P>`` paragraphs of printable ASCII lines with no two spaces together, lines joined.

    The paragraphs are what ``" </P> <P> "`` cuts the whole document into,
    the head and the tail taken off the first and the last: one split, and
    no copy of the text they come from.  They are those of the TEXT alone
    when no cut uses a space of the head or of the tail (that cut leaves an
    empty first or last paragraph), and hold no tag when the document has no
    more ``<`` than its head, its tail and the cuts (*tags* counts them all).

    Raises:
        _NotGigaword: A field holds an unknown entity.
    """
    match = _SPACED_HEAD.match(spaced)
    if match is None or not spaced.endswith(_SPACED_TAIL):
        return None
    doc_id, doc_type, headline, dateline_text = match.groups()
    paragraphs = spaced.split(_SPACED_BREAK)
    # Head and tail: 8 tags (10 with a DATELINE), and each cut holds 2.
    if tags != 6 + 2 * len(paragraphs) + (dateline_text is not None) * 2:
        return None
    paragraphs[0] = paragraphs[0][match.end() :]
    paragraphs[-1] = paragraphs[-1][: -len(_SPACED_TAIL)]
    if not all(paragraphs):
        return None
    if "&" in spaced:
        if not _decode_paragraphs(paragraphs):
            return None
        if "&" in headline:
            headline = normalize(decode_entities(headline, _unknown_entity))
            if not headline.isprintable():
                return None
        if dateline_text is not None and "&" in dateline_text:
            dateline_text = normalize(decode_entities(dateline_text, _unknown_entity))
    if PLACEHOLDER.fullmatch(headline):
        return None
    return _gigaword_article(document, doc_id, doc_type, headline, dateline_text, paragraphs)


def _p_paragraphs(content: str, plain: bool) -> list[str] | None:
    """The paragraphs of a TEXT made of ``<P>`` elements only, or None.

    Gigaword writes ``<P>\\n`` lines ``\\n</P>\\n`` for each paragraph, with
    single spaces inside lines: the checks below prove that joining lines
    with a space gives what :func:`~wirecopy.kit.sgml.collapse` would, for
    the whole TEXT at once rather than paragraph by paragraph.

    Raises:
        _NotGigaword: A paragraph holds an unknown entity.
    """
    if not (content.startswith("<P>\n") and content.endswith("\n</P>\n")):
        return None
    parts = content[4:-6].split("\n</P>\n<P>\n")
    whole = " ".join(parts).replace("\n", " ")
    if "<" in whole or "  " in whole or whole[:1] == " " or whole[-1:] == " " or not (plain or whole.isprintable()):
        return None
    paragraphs = [part.replace("\n", " ") for part in parts]
    if "&" in whole and not _decode_paragraphs(paragraphs):
        return None
    if not all(paragraphs):
        return None
    return paragraphs


def _decode_paragraphs(paragraphs: list[str]) -> bool:
    """Decode the entities of collapsed paragraphs in place; False if one no longer is collapsed and printable.

    Raises:
        _NotGigaword: A paragraph holds an unknown entity.
    """
    for index, paragraph in enumerate(paragraphs):
        if "&" in paragraph:
            decoded = decode_entities(paragraph, _unknown_entity)
            if "  " in decoded or not decoded.isprintable() or decoded != decoded.strip():
                return False
            paragraphs[index] = decoded
    return True


def _read_elements(document: SGMLDocument) -> Article:
    """Read any document, element by element, then by its source's layout where it has one."""
    text = document.text
    decode = document.decode
    fields = _trec_layouts.Fields()
    extra = fields.extra
    attrs = document.tag_attributes().strip()
    if attrs:
        for key, value in attributes(attrs).items():
            if key.lower() == "id":
                fields.doc_id = value.strip() or None
            else:
                extra[key.lower()] = value
    postscript: list[str] = []
    source: str | None = None
    has_source = False
    seen_text = False
    # The first TEXT waits for the layout, which may read it its own way; a
    # document with more is read as they come (no layout reads those).
    paragraphs: list[str] = []
    posters: list[str] = []
    postdate: str | None = None
    waiting: Element | None = None
    read_texts = False
    text_start = -1  # where the first TEXT starts: its control characters are reported
    for gap_start, gap_end, element in document.elements(containers=_CONTAINERS):
        if gap_end > gap_start:
            loose = text[gap_start:gap_end]
            if not loose.isspace():
                for piece in loose.splitlines():
                    line = collapse(decode(piece))
                    if not line:
                        continue
                    if seen_text:
                        postscript.append(line)
                    else:
                        fields.preamble.append(line)
                        fields.preamble_ht.append(piece.lstrip().startswith("&HT;"))
        if element is None:
            continue
        fields.keep(element)
        name, upper, attributes_text, content_start, close = element
        if upper in _TEXT_ELEMENTS:
            seen_text = True
            if text_start < 0:
                text_start = content_start
            if waiting is None and not read_texts:
                waiting = element
                continue
            for each in (waiting, element):
                if each is not None:
                    postdate = _read_text(text, each, decode, paragraphs, posters, postdate)
            waiting = None
            read_texts = True
            continue
        content = text[content_start:close]
        if upper in _HEADLINE_ELEMENTS:
            fields.headline = content
            fields.headline_at = content_start
        elif upper in _ID_ELEMENTS:
            if fields.doc_id is None:
                fields.doc_id = collapse(decode(content)) or None
        elif upper in _DATE_ELEMENTS:
            if fields.date_text is None:
                fields.date_text = collapse(decode(strip_tags(content)))
                fields.date_at = _trec_layouts.text_start(text, content_start, close)
        elif upper == "DATELINE":
            fields.dateline_text = collapse(decode(strip_tags(content)))
        elif upper == "DOCTYPE":
            extra["doctype"] = collapse(decode(content))
            for key, value in attributes(attributes_text).items():
                extra[f"doctype_{key.lower()}"] = value
        elif upper == "HEADER":
            header = decode(content).strip("\n")
            extra["header"] = header
            anpa = _ANPA.fullmatch(header)
            if anpa is not None:
                extra["anpa"] = {key: value or "" for key, value in anpa.groupdict().items()}
        elif upper == "BYLINE":
            fields.add_byline(collapse(decode(strip_tags(content))))
        elif upper == "SOURCE":
            has_source = True
            source = collapse(decode(content)) or None
        elif upper in _EXTRA_ELEMENTS:
            extra[_EXTRA_ELEMENTS[upper]] = collapse(decode(content))
        else:
            extra[name.lower()] = collapse(decode(strip_tags(content)))
    doc_id = fields.doc_id
    if doc_id is None:
        document.defect(MISSING_ID, "document has no id")
    if waiting is not None:
        fields.texts.append(waiting)
    layout = _trec_layouts.layout(fields)
    if layout is not None:
        _trec_layouts.apply(layout, document, fields)
        byline = fields.byline or None
    else:
        # The last BYLINE, as the layouts of LDC collections have at most one.
        byline = (fields.bylines[-1] or None) if fields.bylines else None
    if fields.paragraphs is not None:
        paragraphs = fields.paragraphs
    elif waiting is not None:
        postdate = _read_text(text, waiting, decode, paragraphs, posters, postdate)
    agency, id_date = id_parts(doc_id) if doc_id else (None, None)
    if not has_source:
        source = agency
    if posters:
        if byline is None:
            byline = posters[0]
        if len(posters) > 1:
            extra["posters"] = posters
    headline, placeholder = _headline(document, fields)
    headline = _trec_layouts.ht_preamble(fields, headline, placeholder or headline is None)
    if placeholder and "headline_placeholder" not in extra:
        message = f"headline {headline!r} stands in for a real one"
        document.defect(PLACEHOLDER_HEADLINE, message, at=fields.headline_at)
    preamble = fields.preamble
    if byline is None:
        for index, line in enumerate(preamble):
            if _BYLINE.match(line):
                byline = line
                del preamble[index]
                break
    if preamble:
        extra["preamble"] = preamble
    if postscript:
        extra["postscript"] = postscript
    published = None
    date_text = fields.date_text
    if date_text is None:
        date_text = postdate if postdate is not None else fields.fallback_date
    if date_text:
        published = document.date(date_text, at=fields.date_at)
        if published is None:
            extra["date"] = date_text
    elif date_text is None and id_date is not None:
        # Only when there is no date element at all: an empty one says
        # the document has no date.
        published = id_date
    dateline = None
    if fields.dateline_text is not None:
        dateline = _dateline(fields.dateline_text, published)
    else:
        dateline = take_dateline(paragraphs, published)
    reported = False
    for index, paragraph in enumerate(paragraphs):
        control = find_control(paragraph)
        if control is not None:
            if not reported:
                # Once: a defect per paragraph would grow with the text.
                message = f"control character {control.group()!r} in text, removed"
                written = _WRITTEN_CONTROL.search(text, text_start)
                document.defect(CONTROL_CHARACTER, message, at=None if written is None else written.start())
                reported = True
            paragraphs[index] = collapse(remove_controls(paragraph))
    return document.article(
        id=doc_id,
        source=source,
        headline=headline,
        byline=byline,
        published=published,
        dateline=dateline,
        paragraphs=[p for p in paragraphs if p],
        subjects=fields.subjects,
        extra=extra,
    )


def _read_text(
    text: str,
    element: Element,
    decode: Callable[[str], str],
    paragraphs: list[str],
    posters: list[str],
    postdate: str | None,
) -> str | None:
    """Add the paragraphs and posters of a TEXT element; return the first post date so far."""
    found = _text(text, element.start, element.end, decode)
    paragraphs.extend(found[0])
    posters.extend(found[1])
    return found[2] if postdate is None else postdate


def _headline(document: SGMLDocument, fields: _trec_layouts.Fields) -> tuple[str | None, bool]:
    """The headline as written, and whether it is a placeholder (``URGENT``, ``&HT;``) for a real one."""
    if fields.titled:
        return fields.title, False
    content = fields.headline
    if content is None:
        return None, False
    headline = collapse(document.decode(strip_tags(content))) or collapse(content) or None
    return headline, headline is not None and PLACEHOLDER.fullmatch(headline) is not None


def _day(value: _dt.date | None) -> _dt.date | None:
    return value.date() if isinstance(value, _dt.datetime) else value


def _dateline(text: str, published: _dt.date | None) -> Dateline | None:
    """A DATELINE element: parsed when it is one, else kept as written."""
    if not text:
        return None
    if len(text) > _LONGEST_DATELINE:
        # Not a dateline, and not worth the parser's time.
        return Dateline(text=text)
    if len(text) > 200:
        return _parse_dateline(text, _day(published))
    return _cached_dateline(text, _day(published))


def _parse_dateline(text: str, reference: _dt.date | None) -> Dateline:
    try:
        return parse_dateline(text, reference=reference)
    except ParseError:
        # NYT Gigaword puts a slug such as "(BC-WIND-ARIZ-AZR)" here: keep it.
        return Dateline(text=text)


# A month file repeats the same few thousand datelines ("Paris, May 29, 2009
# (AFP)"); Dateline is immutable, so each is parsed once.  Only short ones
# are cached, so that the cache never holds a huge one.
_cached_dateline = functools.lru_cache(maxsize=4096)(_parse_dateline)


def _text(text: str, pos: int, end: int, decode: Callable[[str], str]) -> tuple[list[str], list[str], str | None]:
    """Paragraphs, posters and the first post date of a TEXT element, ``text[pos:end]``.

    Read in place rather than from a copy of the content, which may be most
    of a large document.
    """
    if text.find("<", pos, end) < 0:
        return blocks(decode(text[pos:end])), [], None
    paragraphs: list[str] = []
    posters: list[str] = []
    postdate = None
    inside_p = False
    field: str | None = None
    current: list[str] = []
    # Tag by tag rather than by re.split, whose list would hold three items
    # per tag of a TEXT that may be all tags.
    while True:
        match = TAG.search(text, pos, end)
        piece = text[pos:end] if match is None else text[pos : match.start()]
        if field is not None:
            value = collapse(decode(piece))
            if field == "POSTER":
                posters.append(value)
            elif postdate is None:
                postdate = value
            field = None
        elif piece and not (not current and piece.isspace()):
            current.append(piece)
        if match is None:
            break
        pos = match.end()
        slash, name = match.group(1), match.group(2).upper()
        if name == "P" or name == "POST" or name in ("POSTER", "POSTDATE"):
            if current:
                _paragraphs("".join(current), inside_p, decode, paragraphs)
                current = []
            if name == "P":
                inside_p = not slash
            elif not slash and name != "POST":
                field = name
    if current:
        _paragraphs("".join(current), inside_p, decode, paragraphs)
    return paragraphs, posters, postdate


def _paragraphs(text: str, inside_p: bool, decode: Callable[[str], str], paragraphs: list[str]) -> None:
    """Add the paragraphs of *text* to *paragraphs*: one inside ``<P>``, else split into blocks."""
    if inside_p:
        paragraph = collapse(decode(text))
        if paragraph:
            paragraphs.append(paragraph)
    else:
        paragraphs.extend(blocks(decode(text)))
