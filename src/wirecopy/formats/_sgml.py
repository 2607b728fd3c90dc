"""A forgiving SGML toolkit shared by the ``trec-sgml`` and ``reuters21578-sgml`` formats.

LDC and Reuters SGML files are not XML: they have no root element, use
SGML-only entities (``&AMP;``, ``&UR;``, ``&Cx1f;``), raw ``&`` and ``>``, and
control characters written as ``&#2;``.  So nothing here parses markup in
general.  :func:`read_documents` splits a byte stream on document boundaries
(``<DOC`` ... ``</DOC>``) with :meth:`bytes.find`, chunk by chunk, and hands
each document to a format's own per-document parser together with where it
starts; :func:`decode_entities` and :func:`escape` translate text.
"""

from __future__ import annotations

import html.entities
import re
from collections.abc import Callable, Iterator
from typing import BinaryIO, NamedTuple

from ..article import Article, Defect
from ..context import ReadContext

# How much is read at a time.  Large enough that bytes.find dominates, small
# enough that memory stays flat: the buffer holds at most one document plus
# one chunk.
CHUNK_SIZE = 1 << 20

#: A document longer than this is reported and skipped rather than buffered,
#: so that a missing end tag in a huge file cannot exhaust memory.
MAX_DOCUMENT = 64 << 20

# What may stand between documents without being reported: whitespace, a
# <!DOCTYPE ...> or comment, an <?xml ...?> declaration, and the start and
# end tags of a wrapper element (the tm package's <LEWIS> root).
_GAP = re.compile(rb"(?:\s+|<!--.*?-->|<![^<>]*>|<\?[^<>]*\?>|</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?>)*", re.DOTALL)

_BOUNDARY = b" \t\r\n>"


class Raw(NamedTuple):
    """One document's bytes and where it starts."""

    data: bytes
    offset: int
    line: int
    column: int
    junk: tuple[tuple[str, int, int], ...]
    """Text outside any document next to this one: (where, line, column)."""


# Event kinds yielded by _scan.
_DOC, _JUNK, _UNCLOSED, _TRUNCATED, _TOO_BIG = range(5)


def _scan(stream: BinaryIO, open_tag: bytes, close_tag: bytes) -> Iterator[tuple[int, bytes, int, int, int]]:
    """Yield ``(kind, data, offset, line, column)`` events in input order.

    ``_DOC`` carries a whole document; ``_JUNK`` the position of unexpected
    text between documents; ``_UNCLOSED`` a document cut short by the next
    start tag; ``_TRUNCATED`` one cut short by the end of the input;
    ``_TOO_BIG`` one longer than :data:`MAX_DOCUMENT`.
    """
    state = _Buffer(stream)
    open_len = len(open_tag)
    close_len = len(close_tag)
    quiet = False  # the gap after a skipped oversized document is not junk
    start = -1  # a document start found ahead of time, or -1
    while True:
        buf = state.buf
        if start < 0:
            start = _find_open(buf, open_tag, state.pos, state.eof)
        if start < 0:
            # No document start in the buffer: check the gap so far, then
            # drop it (keeping a tail that may hold a split tag) and read on.
            pos = state.pos
            keep = len(buf) if state.eof else max(pos, len(buf) - open_len)
            tag = buf.rfind(b"<", pos, keep)
            if not state.eof and tag >= 0 and buf.find(b">", tag, keep) < 0 and keep - tag < 4096:
                keep = tag
            if keep > pos and not quiet:
                bad = _junk_at(buf, pos, keep)
                if bad >= 0:
                    yield (_JUNK, b"", *state.where(bad))
                    quiet = True
            if state.eof:
                return
            state.consume(keep)
            state.fill()
            start = -1
            continue
        pos = state.pos
        if start > pos and not quiet and not buf[pos:start].isspace():
            bad = _junk_at(buf, pos, start)
            if bad >= 0:
                yield (_JUNK, b"", *state.where(bad))
        quiet = False
        offset, line, column = state.where(start)
        close_from = open_from = start + open_len
        while True:
            close = buf.find(close_tag, close_from)
            following = buf.find(open_tag, open_from)
            if following >= 0 and (following + open_len >= len(buf) or buf[following + open_len] not in _BOUNDARY):
                following = _find_open(buf, open_tag, following, state.eof)
            if close >= 0 and (following < 0 or close < following):
                # following == -2 (a candidate cut at the buffer's end) is
                # necessarily after a complete end tag.
                end = close + close_len
                yield _DOC, buf[start:end], offset, line, column
                state.consume(end)
                start = following if following >= 0 else -1
                break
            if following >= 0:
                yield _UNCLOSED, b"", offset, line, column
                state.consume(following)
                start = following
                break
            if state.eof:
                yield _TRUNCATED, b"", offset, line, column
                state.consume(len(buf))
                start = -1
                break
            if len(buf) - start > MAX_DOCUMENT:
                yield _TOO_BIG, b"", offset, line, column
                state.consume(len(buf))
                start = -1
                quiet = True
                break
            # Read on, without scanning the old bytes again.
            close_from = max(close_from, len(buf) - close_len + 1)
            open_from = max(open_from, len(buf) - open_len)
            state.consume(start)
            shift = state.fill()
            buf = state.buf
            start -= shift
            close_from -= shift
            open_from -= shift


class _Buffer:
    """The bytes read and not yet consumed, with line counting.

    ``buf[pos:]`` is unconsumed; lines are counted up to ``counted`` so that
    the line and column of any later position can be told.
    """

    __slots__ = ("base", "buf", "counted", "eof", "line", "line_start", "pos", "stream")

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.buf = b""
        self.base = 0  # input offset of buf[0]
        self.pos = 0
        self.counted = 0
        self.line = 1  # the line at buf[counted]
        self.line_start = 0  # input offset where that line starts
        self.eof = False

    def where(self, index: int) -> tuple[int, int, int]:
        """Return (offset, line, column) of ``buf[index]``, counting lines up to it."""
        counted = self.counted
        if index > counted:
            buf = self.buf
            newlines = buf.count(b"\n", counted, index)
            if newlines:
                self.line += newlines
                self.line_start = self.base + buf.rfind(b"\n", counted, index) + 1
            self.counted = index
        offset = self.base + index
        return offset, self.line, offset - self.line_start + 1

    def consume(self, index: int) -> None:
        """Mark ``buf[:index]`` as done (lines are counted lazily, by :meth:`where`)."""
        self.pos = index

    def fill(self) -> int:
        """Drop the consumed bytes and read a chunk; return how far indices moved."""
        self.where(self.pos)
        chunk = self.stream.read(CHUNK_SIZE)
        if not chunk:
            self.eof = True
        shift = self.pos
        self.buf = self.buf[shift:] + chunk
        self.base += shift
        self.counted -= shift
        self.pos = 0
        return shift


def _find_open(buf: bytes, open_tag: bytes, at: int, eof: bool) -> int:
    """Find a start tag at or after *at*.

    ``<DOC`` also begins ``<DOCNO>``: a start tag must be followed by a
    space or ``>``.  Returns -1 for none and -2 when the byte that decides
    has not been read yet.
    """
    size = len(open_tag)
    while True:
        i = buf.find(open_tag, at)
        if i < 0:
            return -1
        j = i + size
        if j >= len(buf):
            return -1 if eof else -2
        if buf[j] in _BOUNDARY:
            return i
        at = i + 1


def _junk_at(buf: bytes, start: int, end: int) -> int:
    """Return where unexpected text starts in ``buf[start:end]``, or -1."""
    gap = buf[start:end]
    if not gap or gap.isspace():
        return -1
    match = _GAP.match(gap)
    assert match is not None  # the pattern matches the empty string
    if match.end() == len(gap):
        return -1
    return start + match.end()


def read_documents(
    stream: BinaryIO,
    context: ReadContext,
    *,
    open_tag: bytes,
    close_tag: bytes,
    parse: Callable[[Raw], Article],
) -> Iterator[Article]:
    """Split *stream* into documents and yield ``parse(raw)`` for each.

    Documents that cannot be read (no end tag before the next start tag or
    the end of the input) are reported through *context* and counted with
    :meth:`ReadContext.origin`, so indices keep their input positions.  Text
    found between documents is passed to the document after it (or, at the
    end, the one before it) to report as a defect: it is not a document, so
    it must not count as a skipped one.
    """
    name = open_tag.decode("ascii").lstrip("<")
    held: Raw | None = None
    junk: list[tuple[str, int, int]] = []
    documents = 0
    for kind, data, offset, line, column in _scan(stream, open_tag, close_tag):
        if kind == _JUNK:
            junk.append(("before", line, column))
            continue
        if held is not None:
            yield parse(held)
            held = None
        documents += 1
        if kind == _DOC:
            held = Raw(data, offset, line, column, tuple(junk))
            junk = []
            continue
        context.origin(line=line, offset=offset)
        if kind == _UNCLOSED:
            msg = f"<{name}> is not closed: another <{name}> starts before its </{name}>"
            error_kind = "unclosed-document"
        elif kind == _TRUNCATED:
            msg = f"<{name}> is not closed: the input ends before its </{name}>"
            error_kind = "truncated-document"
        else:
            msg = f"<{name}> is not closed within {MAX_DOCUMENT >> 20} MiB"
            error_kind = "document-too-large"
        context.skip(context.error(msg, line=line, column=column, kind=error_kind))
    if held is not None:
        if junk:
            held = held._replace(junk=held.junk + tuple(("after", line, column) for _, line, column in junk))
        yield parse(held)
    elif documents == 0:
        if junk:
            _, line, column = junk[0]
            msg = f"no <{name}> document found, only text that is not SGML"
            context.skip(context.error(msg, line=line, column=column, kind="empty-input"))
        else:
            msg = f"empty input: no <{name}> document found"
            context.skip(context.error(msg, line=1, column=1, kind="empty-input"))


def junk_defects(raw: Raw, context: ReadContext, name: str) -> list[Defect]:
    """Report the text found outside documents next to *raw* as defects."""
    defects = []
    for where, line, column in raw.junk:
        msg = f"text outside any <{name}> document, {where} this one"
        defects.append(context.defect("junk", msg, line=line, column=column))
    return defects


# -- attributes -------------------------------------------------------------

_ATTRIBUTE = re.compile(r"""([A-Za-z_][\w.:-]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


def attributes(text: str) -> dict[str, str]:
    """Parse ``id="X" type=story`` into a dict; names keep their case."""
    found = {}
    for match in _ATTRIBUTE.finditer(text):
        name, double, single, bare = match.groups()
        value = double if double is not None else single if single is not None else bare
        found[name] = decode_entities(value or "")
    return found


# -- entities ---------------------------------------------------------------

#: The SGML entities of LDC and TIPSTER data, decoded to sensible text.
#: ``&UR;`` and ``&LR;`` (upper and lower rail) and ``&QL;``, ``&QC;``,
#: ``&QR;`` (quad left, centre, right) are typesetting commands of the ANPA
#: feed: they carry no text.  ``&HT;`` is a tab.  Upper-case names are the
#: AQUAINT spellings; lower-case ones come from the TIPSTER disks and HTML.
ENTITIES: dict[str, str] = {
    "AMP": "&",
    "LT": "<",
    "GT": ">",
    "QUOT": '"',
    "HT": "\t",
    "UR": "",
    "LR": "",
    "QL": "",
    "QC": "",
    "QR": "",
    "MD": "\u2014",
    "blank": " ",
    "hyph": "-",
    "bull": "\u2022",
    "apos": "'",
}

# A name such as "C" or "Cxzz" is an ordinary (unknown) entity, not a control.
_CONTROL_ENTITY = re.compile(r"Cx[0-9A-Fa-f]{1,2}")
_ENTITY = re.compile(r"&(#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,6}|Cx[0-9A-Fa-f]{1,2}|[A-Za-z][A-Za-z0-9]{0,31});")


def decode_entities(text: str, unknown: list[str] | None = None) -> str:
    """Replace entity references in *text*; unknown ones are kept verbatim.

    A bare ``&`` not followed by a name and ``;`` is plain text, as LDC
    newsgroup files have it.  The names of unknown entities are appended to
    *unknown* for the caller to report.
    """
    if "&" not in text:
        return text
    if text.count("&") == text.count("&amp;"):
        # The one entity Gigaword uses.
        return text.replace("&amp;", "&")

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        value = ENTITIES.get(name)
        if value is not None:
            return value
        first = name[0]
        if first == "#":
            number = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
            if number <= 0x10FFFF and not 0xD800 <= number <= 0xDFFF:
                return chr(number)
        elif _CONTROL_ENTITY.fullmatch(name):
            # &Cx1f; is how AQUAINT writes the control character 0x1f.
            return chr(int(name[2:], 16))
        else:
            codepoint = html.entities.name2codepoint.get(name)
            if codepoint is not None:
                return chr(codepoint)
        if unknown is not None:
            unknown.append(match.group(0))
        return match.group(0)

    return _ENTITY.sub(replace, text)


_ESCAPE = re.compile(r"[&<>\x00-\x08\x0b-\x1f\x7f]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape(text: str) -> str:
    """Escape ``&``, ``<``, ``>`` and control characters (as ``&#N;``) for SGML."""
    if not _ESCAPE.search(text):
        return text
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(), f"&#{ord(m.group())};"), text)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def find_control(text: str) -> re.Match[str] | None:
    """The first control character other than tab, newline, VT, FF and CR."""
    return _CONTROL.search(text)


def remove_controls(text: str) -> str:
    """Drop control characters other than whitespace."""
    return _CONTROL.sub("", text)


# -- text -------------------------------------------------------------------


def collapse(text: str) -> str:
    """Join lines and runs of whitespace into single spaces."""
    return " ".join(text.split())


def normalize(text: str) -> str:
    """:func:`collapse`, faster on text whose only whitespace is single spaces and newlines."""
    joined = text.replace("\n", " ").strip()
    # isprintable() is False for every whitespace character but the space,
    # so this one check proves that joining lines was enough.
    if "  " not in joined and joined.isprintable():
        return joined
    return " ".join(joined.split())


def blocks(text: str) -> list[str]:
    """Split raw text into paragraphs.

    A blank line ends a paragraph, and an indented line starts one (the
    AQUAINT and Reuters bodies indent the first line of each paragraph);
    lines are joined with single spaces.
    """
    paragraphs = []
    current: list[str] = []
    for line in text.splitlines():
        if not line or line.isspace():
            if current:
                paragraphs.append(collapse(" ".join(current)))
                current = []
            continue
        if current and line[0] in " \t":
            paragraphs.append(collapse(" ".join(current)))
            current = []
        current.append(line)
    if current:
        paragraphs.append(collapse(" ".join(current)))
    return paragraphs


def position(text: str, index: int, first_line: int) -> tuple[int, int]:
    """The (line, column) of *index* in a document that starts on *first_line*."""
    line = first_line + text.count("\n", 0, index)
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


# -- elements -----------------------------------------------------------------

#: A start or end tag: ``<TEXT TYPE="BRIEF">``, ``</DOC>``.
TAG = re.compile(r"<(/?)([A-Za-z][\w.:-]*)([^<>]*)>")


class Element(NamedTuple):
    """One element of a document: its name, attributes and where its content lies."""

    #: The name as written, and upper-cased for comparisons.
    name: str
    upper: str
    #: The text between the name and the ``>`` of the start tag.
    attributes: str
    #: The content is ``text[start:end]``.
    start: int
    end: int


def elements(
    text: str, pos: int, end: int, *, containers: frozenset[str] = frozenset()
) -> Iterator[tuple[int, int, Element | None]]:
    """Walk the elements of ``text[pos:end]``, SGML-tolerantly.

    Yields ``(gap_start, gap_end, element)`` for each tag met: the loose
    text before it (``text[gap_start:gap_end]``, often empty) and the
    element, or ``None`` for a tag stepped over (an end tag, the start tag of
    one of the *containers*, upper case, or of an element whose end tag is
    missing, as SGML allows).  The loose text after the last tag comes last,
    with ``None``.  An end tag is matched case-insensitively when it is not
    written as its start tag was.
    """
    search = TAG.search
    while True:
        match = search(text, pos, end)
        stop = end if match is None else match.start()
        if match is None:
            yield pos, stop, None
            return
        slash, name, attributes = match.groups()
        upper = name.upper()
        if slash or upper in containers:
            yield pos, stop, None
            pos = match.end()
            continue
        start = match.end()
        close = text.find(f"</{name}>", start, end)
        if close < 0:
            closing = re.compile(rf"</{re.escape(name)}\s*>", re.IGNORECASE).search(text, start, end)
            if closing is None:
                yield pos, stop, None
                pos = start
                continue
            close, after = closing.start(), closing.end()
        else:
            after = close + len(name) + 3
        yield pos, stop, Element(name, upper, attributes, start, close)
        pos = after
