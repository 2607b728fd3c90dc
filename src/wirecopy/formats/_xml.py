"""Safe, streaming XML for the news formats.

Private to ``nitf``, ``newsml-g2``, ``newsml-1`` and ``rcv1-xml``.  Three jobs:

* **Decoding**, done here rather than by the parser, so that one rule covers
  every case: a ``str`` input is read in the encoding it was turned into
  bytes with, whatever the XML declaration says; otherwise a BOM, then the
  declaration, then UTF-8 decide.  ISO-8859-1 labels are read as cp1252 (as
  browsers do: the bytes 0x80-0x9F are curly quotes and dashes, never C1
  controls), bytes that are not valid in the declared encoding are read as
  cp1252 with a defect, and characters XML 1.0 forbids are dropped with a
  defect instead of failing the whole document.

* **Refusing what a feed must never make us do.**  XML from a wire is
  untrusted.  The standard library's C parser never fetches a DTD or an
  external entity (expat does no I/O and ElementTree installs no resolver),
  but it does expand internal entities, which is what entity bombs ("billion
  laughs", quadratic blow-up) and XXE payloads are made of.  So each
  document's prolog is first read by a small expat parser that raises on the
  first entity declaration of any kind; only then does the fast C parser see
  the document.  Entity declarations can only appear in the prolog, so
  nothing after the root element needs checking.  Expat's own amplification
  limit (expat 2.4.1 and later) stays as a second line of defence.  This
  keeps the runtime dependencies at attrs and python-dateutil; defusedxml
  would do the same job as a new dependency.

* **Streaming.**  Input is decoded and fed in 64 KiB chunks.  A file may hold
  several documents one after another (the ``nitf`` writer writes them so):
  a document ends where expat reports "junk after document element", and a
  fresh parser starts there.

The text and body helpers (NITF, XHTML and plain-text paragraphs, datelines,
dates, the ``wirecopy-article`` overrides, the escaping the two writers use)
are here too, shared by the four formats.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as _dt
import html.parser
import json
import re
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, BinaryIO
from xml.parsers import expat

import attrs

from .. import _text
from ..article import Article, Dateline, DateValue, Defect
from ..context import ReadContext
from ..datelines import parse_dateline
from ..dates import parse_date
from ..errors import ParseError

_CHUNK = 1 << 16
#: A prolog (declaration, comments, DOCTYPE) longer than this is refused:
#: no real document needs it, and it would have to be held in memory.
_PROLOG_LIMIT = 1 << 20

_JUNK_AFTER_ROOT = 9  # expat's XML_ERROR_JUNK_AFTER_DOC_ELEMENT

# ---------------------------------------------------------------------------
# Decoding


_DECLARED = re.compile(rb"""\A\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._:-]*)["']""")
# Labels that mean "one byte, one character, ASCII below 0x80": read as cp1252.
_SINGLE_BYTE = frozenset(
    {
        "iso-8859-1",
        "iso8859-1",
        "iso_8859-1",
        "latin-1",
        "latin1",
        "l1",
        "cp819",
        "iso-ir-100",
        "ibm819",
        "us-ascii",
        "ascii",
        "windows-1252",
        "cp1252",
        "x-cp1252",
    }
)
# cp1252 for the bytes 0x80-0x9F where it defines a character; the five it
# leaves undefined stay as Latin-1 decodes them.
_C1_AS_CP1252 = {}
for _byte in range(0x80, 0xA0):
    with contextlib.suppress(UnicodeDecodeError):
        _C1_AS_CP1252[_byte] = bytes([_byte]).decode("cp1252")
del _byte

_ESCAPED = re.compile("[\udc80-\udcff]")
# Characters XML 1.0 cannot carry, not even as references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _escaped_to_cp1252(match: re.Match[str]) -> str:
    return chr(ord(match.group()) - 0xDC00).translate(_C1_AS_CP1252)


# Every byte XML 1.0 allows below 0x20 (tab, LF, CR) and every byte from
# 0x20 up: deleting them leaves only the control bytes XML forbids.  In UTF-8
# and the single-byte codecs a control character is that one byte.
_ALLOWED_BYTES = bytes(range(0x20, 0x100)) + b"\t\n\r"
_NOT_C1 = bytes(range(0x80)) + bytes(range(0xA0, 0x100))


class _Decoder:
    """Turn the raw chunks of one stream into text, reporting what it had to repair.

    UTF-8 (by far the common case) is decoded strictly first, which is fast;
    only a chunk with a bad byte takes the slow, repairing path.
    """

    def __init__(self, head: bytes, text_encoding: str | None) -> None:
        self.problems: list[tuple[str, str, int]] = []
        self.skip = 0  # bytes of BOM to drop from the first chunk
        self.single_byte = False
        #: Whether the last chunk may hold characters XML forbids.
        self.suspect = False
        label = None
        if text_encoding is not None:
            # The bytes came from a str: its encoding wins over any declaration.
            codec = text_encoding
            if head.startswith(codecs.BOM_UTF8) and _codec_name(codec) == "utf-8":
                self.skip = 3
        elif head.startswith(codecs.BOM_UTF8):
            codec, self.skip = "utf-8", 3
        elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            codec = "utf-16"
        elif head.startswith(b"<\x00") or head.startswith(b"\x00<"):
            codec = "utf-16-le" if head[0] == 0x3C else "utf-16-be"
        else:
            codec = "utf-8"
            declared = _DECLARED.match(head)
            if declared is not None:
                label = declared.group(1).decode("ascii")
                name = label.lower()
                if name in _SINGLE_BYTE:
                    codec, self.single_byte = "latin-1", True
                else:
                    try:
                        codec = codecs.lookup(name).name if name not in _CODEC_NAMES else _CODEC_NAMES[name]
                    except LookupError:
                        self.problems.append(
                            (
                                "unknown-encoding",
                                f"unknown encoding {name!r} declared; the document was read as UTF-8",
                                0,
                            )
                        )
                        label = None
                    if codec.startswith(("utf-16", "utf-32")):
                        # A declaration readable as ASCII cannot be in UTF-16: it lies.
                        codec, label = "utf-8", None
        self.codec = _codec_name(codec)
        self.label = label or {"utf-8": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}.get(
            self.codec, self.codec
        )
        self._ascii_compatible = self.codec == "utf-8" or self.single_byte
        self._incremental = (
            None if self._ascii_compatible else codecs.getincrementaldecoder(self.codec)("surrogateescape")
        )
        self._tail = b""
        self._reported = False
        # A Latin-1 label on UTF-8 bytes is a common mislabelling: decided on
        # the first chunk that has bytes above 0x7F.
        self._undecided = self.single_byte

    def decode(self, data: bytes, final: bool = False) -> str:
        """Decode the next raw chunk; *final* for the last one."""
        if self.skip:
            data, self.skip = data[self.skip :], 0
        if self._undecided and not data.isascii():
            self._undecided = False
            try:
                data[: _complete_utf8(data)].decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                self.problems.append(
                    ("wrong-encoding", f"{self.label} is declared but the bytes are UTF-8; they were read as UTF-8", 0)
                )
                self.single_byte = False
                self.codec, self.label = "utf-8", "UTF-8"
        if self.single_byte:
            self.suspect = bool(data.translate(None, _ALLOWED_BYTES))
            if data.isascii():
                return data.decode("ascii")
            text = data.decode("latin-1")
            # Only bytes 0x80-0x9F differ between Latin-1 and cp1252.
            return text.translate(_C1_AS_CP1252) if data.translate(None, _NOT_C1) else text
        if self.codec == "utf-8":
            if self._tail:
                data = self._tail + data
            cut = len(data) if final else _complete_utf8(data)
            self._tail = data[cut:]
            if cut < len(data):
                data = data[:cut]
            self.suspect = bool(data.translate(None, _ALLOWED_BYTES))
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("utf-8", "surrogateescape")
                self.suspect = True
            else:
                # U+FFFE and U+FFFF are UTF-8 but not XML; a one-character
                # search of the text is much faster than a byte search.
                if not self.suspect and ("\uffff" in text or "\ufffe" in text):
                    self.suspect = True
                return text
        else:
            assert self._incremental is not None
            self.suspect = True
            try:
                text = self._incremental.decode(data, final)
            except UnicodeDecodeError as err:
                # Some codecs (UTF-16's surrogates) refuse even surrogateescape.
                if not self._reported:
                    self._reported = True
                    self.problems.append(
                        ("bad-encoding", f"bytes that are not {self.label} ({err.reason}) were replaced", 0)
                    )
                self._incremental = codecs.getincrementaldecoder(self.codec)("replace")
                return self._incremental.decode(data, final)
        first = _ESCAPED.search(text)
        if first is not None:
            if not self._reported:
                self._reported = True
                byte = ord(first.group()) - 0xDC00
                kind = "not-utf8" if self.codec == "utf-8" else "bad-encoding"
                self.problems.append(
                    (kind, f"byte 0x{byte:02x} is not {self.label}; such bytes were read as cp1252", first.start())
                )
            text = _ESCAPED.sub(_escaped_to_cp1252, text)
        return text

    def byte_length(self, text: str) -> int:
        """How many input bytes *text* came from (exact but for repaired bytes)."""
        if self.single_byte or text.isascii():
            return len(text)
        return len(text.encode(self.codec, "surrogatepass"))


_CODEC_NAMES: dict[str, str] = {}


def _codec_name(name: str) -> str:
    """The codec's canonical name (``"utf-8"`` for an unknown one), memoised."""
    found = _CODEC_NAMES.get(name)
    if found is None:
        try:
            found = codecs.lookup(name).name
        except LookupError:
            found = "utf-8"
        if len(_CODEC_NAMES) < 64:
            _CODEC_NAMES[name] = found
    return found


def _complete_utf8(data: bytes) -> int:
    """The length of *data* without a UTF-8 sequence cut off at its end."""
    size = len(data)
    for back in range(1, min(4, size) + 1):
        byte = data[size - back]
        if byte < 0x80:
            return size
        if byte >= 0xC0:
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return size - back if need > back else size
    return size


# ---------------------------------------------------------------------------
# Refusing entity declarations


class _RootSeen(Exception):
    """Raised from the probe's handler at the first start tag: the prolog is over."""


class _EntityDeclared(Exception):
    """Raised from the probe's handler at the first entity declaration."""

    def __init__(self, name: str, line: int, column: int) -> None:
        super().__init__(name)
        self.name = name
        self.line = line
        self.column = column


class _Probe:
    """Read a document's prolog with expat, and refuse any entity declaration in it."""

    def __init__(self) -> None:
        parser = expat.ParserCreate()
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.EntityDeclHandler = self._entity
        parser.UnparsedEntityDeclHandler = self._unparsed
        parser.StartElementHandler = self._start
        self._parser = parser
        self.done = False

    def _entity(self, name: str, *args: Any) -> None:
        raise _EntityDeclared(name, self._parser.CurrentLineNumber, self._parser.CurrentColumnNumber)

    def _unparsed(self, name: str, *args: Any) -> None:
        raise _EntityDeclared(name, self._parser.CurrentLineNumber, self._parser.CurrentColumnNumber)

    def _start(self, name: str, attributes: Any) -> None:
        raise _RootSeen

    def feed(self, text: str) -> None:
        """Read more of the prolog; sets :attr:`done` once the root element starts.

        Raises:
            _EntityDeclared: The prolog declares an entity.
        """
        try:
            self._parser.Parse(text, False)
        except _RootSeen:
            self.done = True
        except expat.ExpatError:
            # A syntax error before the root: the main parser reports it in
            # its own words, before it reaches any content.
            self.done = True
        if self.done:
            self._parser = None  # type: ignore[assignment]


# ---------------------------------------------------------------------------
# The stream of documents


class XMLProblem:
    """A document (or the rest of the input) that could not be parsed."""

    __slots__ = ("column", "fatal", "kind", "line", "message")

    def __init__(self, message: str, line: int | None, column: int | None, kind: str, *, fatal: bool = True) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.kind = kind
        self.fatal = fatal

    def error(self, context: ReadContext) -> ParseError:
        """The :class:`ParseError` to report, placed in the context's file."""
        return context.error(self.message, line=self.line, column=self.column, kind=self.kind)


class XMLStream:
    """The XML documents of one byte stream, parsed safely and incrementally.

    Iterate :meth:`events`.  In ``"document"`` mode it yields
    ``("document", (line, offset))`` when a document starts and
    ``("root", element)`` when it is complete; in ``"events"`` mode it
    yields ``("document", ...)`` and then ``("start", element)`` and
    ``("end", element)`` for every element, so that a format can handle and
    drop the items of a large message one at a time.  A problem is yielded
    as ``("error", XMLProblem)``; no document follows a fatal one.  An input
    with no document at all yields ``("empty", None)``.

    Repairs made while decoding (bytes that were not in the declared
    encoding, characters XML forbids) collect in :meth:`take_defects`.
    """

    def __init__(
        self,
        stream: BinaryIO,
        context: ReadContext,
        *,
        mode: str = "document",
        items: re.Pattern[str] | None = None,
    ) -> None:
        self._stream = stream
        self._context = context
        self._events_mode = mode == "events"
        self._items = items
        self._defects: list[Defect] = []
        self._positions: deque[tuple[int, int]] = deque()
        self._reported_control = False
        # Where the text not yet fed to a parser starts.
        self._line = 1
        self._column = 1
        self._offset = 0
        self._decoder: _Decoder | None = None
        self._current: _Document | None = None

    # -- what formats call -------------------------------------------------

    def take_defects(self) -> list[Defect]:
        """Return and forget the decoding defects found so far."""
        defects, self._defects = self._defects, []
        return defects

    def locate(self, needle: str, after: str = "") -> tuple[int | None, int | None]:
        """The (line, column) of *needle* (after *after*) in the current document (``"document"`` mode only)."""
        if self._current is None or not needle:
            return None, None
        return self._current.locate(needle, after)

    def item_position(self) -> tuple[int | None, int | None]:
        """The (line, byte offset) of the next item start tag the ``items`` pattern found."""
        if self._positions:
            return self._positions.popleft()
        return None, None

    def documents(self, root: str, *, what: str, noun: str) -> Iterator[tuple[ET.Element, int, int]]:
        """Yield ``(element, line, offset)`` for each document whose root is *root*.

        ``"document"`` mode only.  A document with another root, a broken
        one and an empty input are reported through the context, so a format
        with one document type per file needs no loop of its own.  *what*
        names a document in the messages (``"a NITF document"``), *noun* what
        an empty input lacks (``"NITF document"``).
        """
        context = self._context
        line, offset = 1, 0
        for kind, payload in self.events():
            if kind == "document":
                line, offset = payload
            elif kind == "root":
                name = local(payload.tag)
                if name == root:
                    yield payload, line, offset
                else:
                    message = f"not {what}: the root element is <{name}>, not <{root}>"
                    context.skip(context.error(message, line=line, column=1, kind="wrong-root"))
            elif kind == "error":
                context.skip(payload.error(context))
            elif kind == "empty":
                context.skip(context.error(f"empty input: no {noun} found", line=1, column=1, kind="empty-input"))

    # -- the loop ----------------------------------------------------------

    def events(self) -> Iterator[tuple[str, Any]]:
        """Yield the events described in the class docstring."""
        head = self._stream.read(_CHUNK)
        self._decoder = _Decoder(head, self._context.text_encoding)
        self._offset = self._decoder.skip  # a BOM is not text, but it is bytes
        eof = not head
        if not eof and not self._events_mode and len(head) < _CHUNK:
            rest = self._stream.read(_CHUNK)
            if rest:
                head += rest
            else:
                eof = True
        pending = self._decode(head, final=eof)
        if eof and not self._events_mode:
            # The whole input is in hand, and one small document is the
            # common case (RCV1, NITF): read it in one go.
            whole = self._whole(pending)
            if whole is not None:
                yield from whole
                return
        started = False
        doc: _Document | None = None
        while True:
            while pending:
                if doc is None:
                    if pending[0] in " \t\r\n":
                        stripped = pending.lstrip(" \t\r\n")
                        self._advance(pending[: len(pending) - len(stripped)])
                        pending = stripped
                    if not pending:
                        break
                    started = True
                    doc = self._current = _Document(self, self._line, self._column, self._offset)
                    yield "document", (self._line, self._offset)
                pending, outcome = doc.feed(pending)
                yield from doc.drain()
                if outcome == "fatal":
                    return
                if outcome == "ended":
                    doc = None
            if eof:
                break
            data = self._stream.read(_CHUNK)
            eof = not data
            pending = self._decode(data, final=eof)
        if doc is not None:
            doc.finish()
            yield from doc.drain()
        if not started:
            yield "empty", None

    def _whole(self, text: str) -> list[tuple[str, Any]] | None:
        """The events of *text*, the whole input, when it is one document with no DTD.

        ``None`` sends the caller down the general path (a DTD to probe,
        several documents, nothing at all).
        """
        start = len(text) - len(text.lstrip(" \t\r\n"))
        if start == len(text) or _prolog_state(text[start:] if start else text) != "root":
            return None
        problem: ET.ParseError | None = None
        parser = ET.XMLParser()
        try:
            parser.feed(text[start:] if start else text)
            root = parser.close()
        except ET.ParseError as err:
            if getattr(err, "code", None) == _JUNK_AFTER_ROOT:
                return None  # several documents: the general path splits them
            problem = err
        self._advance(text[:start])
        document = self._current = _Document(self, self._line, self._column, self._offset, parse=False)
        document.keep(text[start:] if start else text)
        events: list[tuple[str, Any]] = [("document", (self._line, self._offset))]
        if problem is None:
            events.append(("root", root))
        else:
            code = getattr(problem, "code", None)
            line, column = document._absolute(problem.position[0], problem.position[1] + 1)
            reason = expat.ErrorString(code) if isinstance(code, int) else str(problem)
            events.append(("error", XMLProblem(f"invalid XML: {reason}", line, column, "bad-xml")))
        return events

    def _decode(self, data: bytes, *, final: bool) -> str:
        assert self._decoder is not None
        text = self._decoder.decode(data, final)
        if self._decoder.problems:
            for kind, message, index in self._decoder.problems:
                line, column = self._where(text, index)
                self._defects.append(self._context.defect(kind, message, line=line, column=column))
            self._decoder.problems.clear()
        bad = _NOT_XML.search(text) if self._decoder.suspect else None
        if bad is not None:
            if not self._reported_control:
                self._reported_control = True
                line, column = self._where(text, bad.start())
                self._defects.append(
                    self._context.defect(
                        "control-character",
                        f"character {bad.group()!r}, which XML cannot carry, was dropped",
                        line=line,
                        column=column,
                    )
                )
            text = _NOT_XML.sub("", text)
        return text

    def _where(self, text: str, index: int) -> tuple[int, int]:
        # Positions in text that has not been fed yet: relative to the
        # stream's running position, which is exact at chunk boundaries.
        newlines = text.count("\n", 0, index)
        if newlines:
            return self._line + newlines, index - text.rfind("\n", 0, index)
        return self._line, self._column + index

    def _advance(self, text: str) -> None:
        """Move the running position past *text*."""
        if not text:
            return
        newlines = text.count("\n")
        if newlines:
            self._line += newlines
            self._column = len(text) - text.rfind("\n")
        else:
            self._column += len(text)
        assert self._decoder is not None
        self._offset += self._decoder.byte_length(text)

    def _scan_items(self, text: str, carry: str) -> None:
        """Record the position of each item start tag in *text* (preceded by *carry*)."""
        assert self._items is not None and self._decoder is not None
        joined = carry + text
        for match in self._items.finditer(joined):
            if match.end() <= len(carry):
                continue  # wholly in the previous piece: already counted
            start = match.start() - len(carry)
            if start >= 0:
                line = self._where(text, start)[0]
                offset = self._offset + self._decoder.byte_length(text[:start])
            else:
                back = carry[start:]
                line = self._line - back.count("\n")
                offset = self._offset - self._decoder.byte_length(back)
            self._positions.append((line, offset))


def _index_of(text: str, line: int, column: int) -> int | None:
    """The index in *text* of a 1-based line and 0-based column, or ``None``."""
    index = 0
    for _ in range(line - 1):
        index = text.find("\n", index) + 1
        if index == 0:
            return None
    return index + column if index + column <= len(text) else None


_SPACE_RUN = re.compile(r"[ \t\r\n]*")


def _prolog_state(text: str) -> str:
    """Whether *text* reaches its root element (``"root"``), has a DTD first
    (``"doctype"``), or needs more text to tell (``"more"``).

    Comments and processing instructions are stepped over exactly as expat
    does (they end at the first ``-->`` and ``?>``), so a DOCTYPE cannot hide
    from this scan.
    """
    position = 0
    size = len(text)
    while True:
        position = _SPACE_RUN.match(text, position).end()  # type: ignore[union-attr]
        if position >= size:
            return "more"
        if text.startswith("<?", position):
            end = text.find("?>", position + 2)
            if end < 0:
                return "more"
            position = end + 2
        elif text.startswith("<!--", position):
            end = text.find("-->", position + 4)
            if end < 0:
                return "more"
            position = end + 3
        elif text.startswith("<!", position) or size - position < 4:
            return "doctype" if text.startswith("<!", position) else "more"
        else:
            return "root"


class _Document:
    """One document of the stream: the probe, the parser, and the events waiting."""

    def __init__(self, owner: XMLStream, line: int, column: int, offset: int, *, parse: bool = True) -> None:
        self._owner = owner
        self._line = line
        self._column = column
        self._offset = offset
        if not parse:
            # Only a record of the text, for locate(): XMLStream._whole parsed it.
            self._text: list[str] | None = []
            return
        # Text held until the prolog is known to declare no entity.
        self._held: list[str] | None = []
        self._held_size = 0
        self._probe: _Probe | None = None
        self._parser: Any = ET.XMLPullParser(events=("start", "end")) if owner._events_mode else ET.XMLParser()
        self._queue: list[tuple[str, Any]] = []
        self._depth = 0
        self._root_done = False
        # The last pieces fed, with the (line, column) each started at
        # relative to this document, to find where a following document starts.
        self._recent: deque[tuple[str, int, int]] = deque(maxlen=4)
        self._rel_line = 1
        self._rel_column = 0
        self._carry = ""
        # The whole text, kept in "document" mode (documents are small) to
        # place defects on the line of the value they are about.
        self._text = None if owner._events_mode else []

    def drain(self) -> Iterator[tuple[str, Any]]:
        """Yield and forget the events queued so far."""
        queue, self._queue = self._queue, []
        yield from queue

    def feed(self, text: str) -> tuple[str, str]:
        """Feed *text*; return (text left for the next document, outcome).

        The outcome is ``"more"`` (feed more), ``"ended"`` (a document
        followed; the text returned belongs to it) or ``"fatal"``.
        """
        if self._held is not None:
            self._held.append(text)
            self._held_size += len(text)
            if self._probe is None:
                held = "".join(self._held)
                self._held = [held]
                state = _prolog_state(held)
                if state == "more":
                    return self._hold()
                if state == "doctype":
                    # Only a document with a DTD can declare entities: read
                    # its prolog with the probe first.
                    self._probe = _Probe()
                    text = held
            if self._probe is not None:
                try:
                    self._probe.feed(text)
                except _EntityDeclared as err:
                    # Expat places the event inside the declaration; point at
                    # its start, "<!ENTITY", which is what a reader looks for.
                    held = "".join(self._held)
                    index = _index_of(held, err.line, err.column)
                    start = held.rfind("<!ENTITY", 0, index + 1) if index is not None else -1
                    if start >= 0:
                        err.line = 1 + held.count("\n", 0, start)
                        err.column = start - (held.rfind("\n", 0, start) + 1)
                    line, column = self._absolute(err.line, err.column + 1)
                    self._queue.append(
                        (
                            "error",
                            XMLProblem(
                                f"entity declarations are refused (entity {err.name!r}): "
                                "XML from a feed is untrusted, and entities can expand without bound "
                                "or read local files",
                                line,
                                column,
                                "entity-declaration",
                            ),
                        )
                    )
                    return "", "fatal"
                if not self._probe.done:
                    return self._hold()
                self._probe = None
            pieces, self._held = self._held, None
        else:
            pieces = [text]
        for index, piece in enumerate(pieces):
            rest, outcome = self._feed_piece(piece)
            if outcome != "more":
                return rest + "".join(pieces[index + 1 :]), outcome
        return "", "more"

    def _hold(self) -> tuple[str, str]:
        if self._held_size > _PROLOG_LIMIT:
            self._queue.append(
                (
                    "error",
                    XMLProblem(
                        f"no root element in the first {_PROLOG_LIMIT} characters of the document",
                        self._line,
                        self._column,
                        "no-root",
                    ),
                )
            )
            return "", "fatal"
        return "", "more"

    def _feed_piece(self, piece: str) -> tuple[str, str]:
        owner = self._owner
        if owner._items is not None:
            owner._scan_items(piece, self._carry)
            self._carry = piece[-64:]
        self._recent.append((piece, self._rel_line, self._rel_column))
        if self._text is not None:
            self._text.append(piece)
        newlines = piece.count("\n")
        if newlines:
            column = len(piece) - piece.rfind("\n") - 1
            self._rel_line += newlines
            self._rel_column = column
            owner._line += newlines
            owner._column = column + 1
        else:
            self._rel_column += len(piece)
            owner._column += len(piece)
        owner._offset += owner._decoder.byte_length(piece)  # type: ignore[union-attr]
        try:
            self._parser.feed(piece)
            if owner._events_mode:
                self._pull()
        except ET.ParseError as err:
            return self._failed(err)
        return "", "more"

    def _pull(self) -> None:
        for event, element in self._parser.read_events():
            if event == "start":
                self._depth += 1
            else:
                self._depth -= 1
                if self._depth == 0:
                    self._root_done = True
            self._queue.append((event, element))

    def _failed(self, err: ET.ParseError) -> tuple[str, str]:
        code = getattr(err, "code", None)
        line, column = err.position
        if code == _JUNK_AFTER_ROOT and (self._root_done or not self._owner._events_mode):
            rest = self._text_from(line, column)
            if rest is not None:
                self._complete()
                self._rewind(rest)
                return rest, "ended"
        where_line, where_column = self._absolute(line, column + 1)
        reason = expat.ErrorString(code) if isinstance(code, int) else str(err)
        self._queue.append(("error", XMLProblem(f"invalid XML: {reason}", where_line, where_column, "bad-xml")))
        return "", "fatal"

    def _complete(self) -> None:
        if not self._owner._events_mode:
            self._queue.append(("root", self._parser.target.close()))

    def _text_from(self, line: int, column: int) -> str | None:
        """The text fed from relative (line, 0-based column) onwards, if still held."""
        for position in range(len(self._recent) - 1, -1, -1):
            piece, start_line, start_column = self._recent[position]
            if (start_line, start_column) > (line, column):
                continue
            if line == start_line:
                index = column - start_column
            else:
                index = -1
                for _ in range(line - start_line):
                    index = piece.find("\n", index + 1)
                    if index < 0:
                        return None
                index += 1 + column
            if index > len(piece):
                return None
            later = [entry[0] for entry in list(self._recent)[position + 1 :]]
            return piece[index:] + "".join(later)
        return None

    def _rewind(self, rest: str) -> None:
        """Move the stream's running position back to the start of *rest*."""
        owner = self._owner
        assert owner._decoder is not None
        newlines = rest.count("\n")
        owner._offset -= owner._decoder.byte_length(rest)
        if newlines:
            owner._line -= newlines
            # The column where rest starts: count back to the previous newline
            # in the text that preceded it.
            before = "".join(entry[0] for entry in self._recent)
            before = before[: len(before) - len(rest)]
            cut = before.rfind("\n")
            owner._column = len(before) - cut if cut >= 0 else self._column + len(before)
        else:
            owner._column -= len(rest)
        if owner._items is not None:
            # Item tags found in text that now belongs to the next document
            # will be found again when it is fed.
            while owner._positions and owner._positions[-1][1] >= owner._offset:
                owner._positions.pop()

    def finish(self) -> None:
        """The input ended: close the parser and queue the root or the error."""
        if self._held is not None:
            # The prolog never ended: let the parser say what is wrong.
            self._probe = None
            pieces, self._held = self._held, None
            for piece in pieces:
                if self._feed_piece(piece)[1] != "more":
                    return
        try:
            if self._owner._events_mode:
                self._parser.close()
                self._pull()
            else:
                self._queue.append(("root", self._parser.close()))
        except ET.ParseError as err:
            code = getattr(err, "code", None)
            line, column = err.position
            where_line, where_column = self._absolute(line, column + 1)
            reason = expat.ErrorString(code) if isinstance(code, int) else str(err)
            self._queue.append(("error", XMLProblem(f"invalid XML: {reason}", where_line, where_column, "bad-xml")))

    def keep(self, text: str) -> None:
        """Keep *text* as this document's, for :meth:`locate`."""
        self._text = [text]

    def locate(self, needle: str, after: str) -> tuple[int | None, int | None]:
        """The (line, column) in the file of *needle*, searched from *after*."""
        if not self._text or not needle:
            return None, None
        if len(self._text) > 1:
            self._text = ["".join(self._text)]
        text = self._text[0]
        start = text.find(after) if after else 0
        index = text.find(needle, max(start, 0))
        if index < 0:
            return None, None
        newlines = text.count("\n", 0, index)
        if newlines:
            return self._line + newlines, index - text.rfind("\n", 0, index)
        return self._line, self._column + index

    def _absolute(self, line: int, column: int) -> tuple[int, int]:
        """Turn a (line, 1-based column) relative to this document into one in the file."""
        if line <= 1:
            return self._line, self._column + column - 1
        return self._line + line - 1, column


# ---------------------------------------------------------------------------
# Sniffing


_HEAD_SKIP = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->)", re.S)
_DOCTYPE = re.compile(r"\s*<!DOCTYPE\s+([\w.:-]+)")
_START_TAG = re.compile(r"\s*<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)([^>]*)")


class Root:
    """What the head of an input says about its root element."""

    __slots__ = ("attributes", "doctype", "name", "prefix")

    def __init__(self, name: str, prefix: str | None, attributes: str, doctype: str | None) -> None:
        self.name = name
        self.prefix = prefix
        self.attributes = attributes
        self.doctype = doctype


def root_of(head: bytes) -> Root | None:
    """Find the root element's name in the first bytes of an input, or ``None``.

    Never raises: sniffing must not.
    """
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head[:2] in (b"<\x00", b"\x00<"):
        codec = (
            "utf-16"
            if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
            else ("utf-16-le" if head[:1] == b"<" else "utf-16-be")
        )
        text = head[: len(head) // 2 * 2].decode(codec, "replace")
    else:
        text = head.decode("latin-1")
    position = 0
    doctype = None
    for _ in range(64):
        match = _HEAD_SKIP.match(text, position)
        if match is not None:
            position = match.end()
            continue
        match = _DOCTYPE.match(text, position)
        if match is not None:
            doctype = match.group(1)
            end = _doctype_end(text, match.end())
            if end < 0:
                return Root("", None, "", doctype)
            position = end
            continue
        break
    match = _START_TAG.match(text, position)
    if match is None:
        return Root("", None, "", doctype) if doctype else None
    return Root(match.group(2), match.group(1), match.group(3), doctype)


def _doctype_end(text: str, position: int) -> int:
    """The index after a DOCTYPE's closing ``>``, stepping over quotes and the internal subset."""
    depth = 0
    quote = ""
    for index in range(position, len(text)):
        char = text[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == ">" and depth <= 0:
            return index + 1
    return -1


# ---------------------------------------------------------------------------
# Elements and text


_LOCAL_NAMES: dict[Any, str] = {}


def local(tag: Any) -> str:
    """An element's name without its namespace; ``""`` for comments and PIs."""
    try:
        return _LOCAL_NAMES[tag]
    except (KeyError, TypeError):
        pass
    if not isinstance(tag, str):
        return ""
    name = tag[tag.index("}") + 1 :] if tag[:1] == "{" else tag
    if len(_LOCAL_NAMES) < 4096:  # bounded: tag names come from the input
        _LOCAL_NAMES[tag] = name
    return name


def children(element: ET.Element | None, name: str) -> Iterator[ET.Element]:
    """The child elements called *name*, in any namespace; none when *element* is ``None``."""
    if element is None:
        return
    for item in element:
        if local(item.tag) == name:
            yield item


def child(element: ET.Element | None, name: str) -> ET.Element | None:
    """The first child element called *name*, in any namespace, or ``None``."""
    if element is None:
        return None
    for item in element:
        if local(item.tag) == name:
            return item
    return None


def index(element: ET.Element | None) -> dict[str, ET.Element]:
    """The first child element of each name, by local name: one pass for many lookups."""
    found: dict[str, ET.Element] = {}
    if element is not None:
        for item in element:
            found.setdefault(local(item.tag), item)
    return found


def path(element: ET.Element | None, *names: str) -> ET.Element | None:
    """Follow child names down from *element*; ``None`` when a step is missing."""
    for name in names:
        element = child(element, name)
        if element is None:
            return None
    return element


_SPACES = re.compile(r"[ \t\r\n]+")


def squeeze(text: str | None) -> str:
    """Collapse runs of XML whitespace to one space and trim; other spaces (NBSP) stay."""
    if not text:
        return ""
    if (
        "\n" not in text
        and "  " not in text
        and "\t" not in text
        and "\r" not in text
        and text[0] != " "
        and text[-1] != " "
    ):
        return text
    if text.isascii():
        return " ".join(text.split())
    return _SPACES.sub(" ", text).strip(" ")


def text_of(element: ET.Element | None, *, skip: frozenset[str] = frozenset()) -> str:
    """All the text inside *element*, whitespace squeezed; a ``br`` counts as a space."""
    if element is None:
        return ""
    if not len(element):
        return squeeze(element.text)
    parts: list[str] = []
    _gather(element, parts, skip)
    return squeeze("".join(parts))


def _gather(element: ET.Element, parts: list[str], skip: frozenset[str]) -> None:
    if element.text:
        parts.append(element.text)
    for item in element:
        name = local(item.tag)
        if name == "br":
            parts.append(" ")
        elif name and name not in skip:
            _gather(item, parts, skip)
        if item.tail:
            parts.append(item.tail)


def value(text: str | None) -> str | None:
    """A squeezed string, or ``None`` when nothing is left."""
    squeezed = squeeze(text)
    return squeezed or None


def text_value(element: ET.Element | None, *, skip: frozenset[str] = frozenset()) -> str | None:
    """:func:`text_of`, or ``None`` when the element is missing or empty."""
    return text_of(element, skip=skip) or None


def attribute(element: ET.Element | None, name: str) -> str | None:
    """An attribute's squeezed value, ``None`` when absent or blank."""
    if element is None:
        return None
    return value(element.get(name))


# ---------------------------------------------------------------------------
# Body text


# Elements whose text is one paragraph.
_PARAGRAPHS = frozenset({"p", "hl2", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "dt", "dd", "lede"})
# Elements that are not body text: media, tables, notes to editors, and the
# metadata a NITF block may carry before its paragraphs.
_NOT_TEXT = frozenset(
    {
        "media",
        "table",
        "nitf-table",
        "note",
        "hr",
        "datasource",
        "byline",
        "dateline",
        "abstract",
        "tobject",
        "key-list",
        "classifier",
        "copyrite",
        "head",
        "header",
        "footer",
        "nav",
        "script",
        "style",
        "figure",
        "figcaption",
        "aside",
        "title",
        "meta",
        "link",
        "caption",
        "credit",
    }
)
# Inline elements: their text belongs to the paragraph around them.
_INLINE = frozenset(
    {
        "a",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "s",
        "span",
        "q",
        "sub",
        "sup",
        "small",
        "big",
        "abbr",
        "cite",
        "code",
        "kbd",
        "mark",
        "time",
        "font",
        "person",
        "org",
        "location",
        "city",
        "state",
        "region",
        "country",
        "chron",
        "event",
        "function",
        "money",
        "num",
        "object.title",
        "virtloc",
        "postaddr",
        "lang",
        "pronounce",
        "classifier",
        "copyrite",
        "copyrite.year",
        "copyrite.holder",
        "alt-code",
        "name.given",
        "name.family",
        "frac",
        "numer",
        "denom",
        "frac-sep",
        "sublocation",
        "br",
        "ins",
        "del",
        "var",
        "tt",
        "dfn",
        "bdi",
        "bdo",
        "wbr",
    }
)
# NYT Annotated Corpus: the lead repeats the start of the full text.
_DUPLICATE_BLOCKS = frozenset({"lead_paragraph", "online_lead_paragraph"})


def body_paragraphs(container: ET.Element | None) -> list[str]:
    """The paragraphs of a NITF ``body.content`` or an XHTML ``body``, in order.

    ``p``, ``hl2``, headings and list items are paragraphs; ``block``, lists,
    ``section`` and ``div`` are walked into; media, tables and notes are left
    out.  When a NYT ``full_text`` block is present, the ``lead_paragraph``
    blocks (which repeat its start) are left out.
    """
    out: list[str] = []
    if container is None:
        return out
    skip_duplicates = any(local(item.tag) == "block" and item.get("class") == "full_text" for item in container)
    _walk(container, out, skip_duplicates)
    return out


def _walk(element: ET.Element, out: list[str], skip_duplicates: bool) -> None:
    # Text loose in a container (not in a paragraph element) makes a
    # paragraph of its own; the white space between elements does not.
    loose: list[str] | None = None
    text = element.text
    if text and not text.isspace():
        loose = [text]
    for item in element:
        name = local(item.tag)
        if name in _INLINE:
            if loose is None:
                loose = []
            if name == "br":
                loose.append(" ")
            else:
                sub: list[str] = []
                _gather(item, sub, frozenset())
                loose.append("".join(sub))
        elif name:
            if loose is not None:
                paragraph = squeeze("".join(loose))
                if paragraph:
                    out.append(paragraph)
                loose = None
            if name in _PARAGRAPHS:
                paragraph = text_of(item)
                if paragraph:
                    out.append(paragraph)
            elif name in _NOT_TEXT or (skip_duplicates and name == "block" and item.get("class") in _DUPLICATE_BLOCKS):
                pass
            else:
                _walk(item, out, False)
        tail = item.tail
        if tail and (loose is not None or not tail.isspace()):
            if loose is None:
                loose = []
            loose.append(tail)
    if loose is not None:
        paragraph = squeeze("".join(loose))
        if paragraph:
            out.append(paragraph)


_MARKUP = re.compile(r"<(?:p|P|br|BR|div|DIV)\b")


def text_paragraphs(text: str) -> list[str]:
    """Paragraphs of text from an ``inlineData`` or a ``DataContent``: plain or HTML.

    HTML paragraphs (``<p>``, ``<br>``, ``<div>``) are split on; inside
    them, and in plain text, a blank line or an indented line after an
    unindented one starts a paragraph (the wire convention of indenting a
    paragraph's first line).
    """
    if _MARKUP.search(text):
        collector = _HTMLBlocks()
        collector.feed(text)
        collector.close()
        blocks = collector.blocks
    else:
        blocks = [text]
    out: list[str] = []
    for block in blocks:
        out.extend(_plain(block))
    return out


def _plain(text: str) -> list[str]:
    lines = text.splitlines()
    content = [line for line in lines if line.strip()]
    indented_everywhere = bool(content) and all(line[:1].isspace() for line in content)
    paragraphs: list[list[str]] = []
    current: list[str] = []
    previous_indented = False
    for line in lines:
        if not line.strip():
            if current:
                paragraphs.append(current)
                current = []
            continue
        indented = line[:1].isspace()
        if current and indented and not previous_indented and not indented_everywhere:
            paragraphs.append(current)
            current = []
        current.append(line)
        previous_indented = indented
    if current:
        paragraphs.append(current)
    return [squeeze(" ".join(paragraph)) for paragraph in paragraphs]


class _HTMLBlocks(html.parser.HTMLParser):
    """Split an HTML fragment into the text of its block elements."""

    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip = 0

    def _flush(self) -> None:
        text = "".join(self._current)
        self._current = []
        if text.strip():
            self.blocks.append(text)

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        """A block element's start ends the text before it."""
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        """A block element's end ends its text."""
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        """Text, unless inside a script or style."""
        if not self._skip:
            self._current.append(data)

    def close(self) -> None:
        """Finish, keeping the text after the last block element."""
        super().close()
        self._flush()


# ---------------------------------------------------------------------------
# Dates and datelines


def try_date(
    text: str | None, context: ReadContext, *, reference: _dt.date | None = None, dayfirst: bool = False
) -> DateValue | None:
    """Parse *text* as a date with the policy's zones; ``None`` (and no defect) when it is not one."""
    if not text:
        return None
    policy = context.policy
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
    context: ReadContext,
    defects: list[Defect],
    *,
    where: tuple[int | None, int | None] | Callable[[], tuple[int | None, int | None]] = (None, None),
) -> DateValue | None:
    """Parse a date field; when it is not a date, report it with ``context.date`` placed at *where*.

    *where* may be a function, called only when there is something to report.
    """
    if text is None:
        return None
    found = try_date(text, context)
    if found is not None:
        return found
    line, column = where() if callable(where) else where
    return context.date(text, defects, line=line, column=column)


def element_dateline(
    text: str,
    context: ReadContext,
    *,
    place: str | None = None,
    region: str | None = None,
    date: DateValue | None = None,
    reference: _dt.date | None = None,
) -> Dateline | None:
    """A dateline from a dateline field; see :func:`_element_dateline`.

    Memoised: a feed repeats the same few thousand datelines, and a
    :class:`Dateline` is immutable.  Most datelines (``NEW YORK``) carry no
    date that the story's date would resolve, so their result does not
    depend on *reference*: that is found out once per text, by reading it
    against two far-apart references, and such a text is then looked up
    without its reference.
    """
    policy = context.policy
    key = (text, place, region, date, policy.default_tz, policy.tzinfos, policy.reference)
    try:
        fixed = _DATELINES.get(key, _UNSEEN)
    except TypeError:  # an unhashable zone in the policy: no memo
        return _element_dateline(text, context, place=place, region=region, date=date, reference=reference)
    if fixed is _UNSEEN:
        fixed = _RELATIVE
        if "/" not in text:  # numeric dates are read nearest the reference
            first = _element_dateline(text, context, place=place, region=region, date=date, reference=_FAR[0])
            second = _element_dateline(text, context, place=place, region=region, date=date, reference=_FAR[1])
            if first == second and (first is None or first.date == second.date):  # type: ignore[union-attr]
                fixed = _element_dateline(text, context, place=place, region=region, date=date, reference=None)
                if fixed != first:
                    fixed = _RELATIVE
        if len(_DATELINES) >= 4096:
            _DATELINES.clear()
        _DATELINES[key] = fixed
    if fixed is not _RELATIVE:
        return fixed  # type: ignore[return-value]
    return _element_dateline(text, context, place=place, region=region, date=date, reference=reference)


_UNSEEN = object()
_RELATIVE = object()
# Two references far apart, on different weekdays and months.
_FAR = (_dt.date(2001, 1, 6), _dt.date(2012, 8, 15))
_DATELINES: dict[Any, object] = {}


def _element_dateline(
    text: str,
    context: ReadContext,
    *,
    place: str | None = None,
    region: str | None = None,
    date: DateValue | None = None,
    reference: _dt.date | None = None,
) -> Dateline | None:
    """A dateline from a dateline field: its text, and what structure came with it.

    The text is read with :func:`~wirecopy.datelines.parse_dateline`; a
    structured *place* and *region* (a NITF ``location``), where given, are
    more exact than the text and win; *date* (a ``story.date``) fills a date
    the text lacks.  A text the dateline parser cannot
    read is kept as written, with the structure it came with; a text that is
    a timestamp (``2014-07-17 00:24:11 GMT+00:00``) is a date, not a place.
    """
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
                date = try_date(rest, context, reference=reference)
    return Dateline(text=text or place or "", place=place, region=region, date=date)


def take_dateline(
    paragraphs: list[str], field: Dateline | None, *, reference: _dt.date | None = None
) -> Dateline | None:
    """Split a dateline off the first paragraph, and reconcile it with the dateline field.

    The dateline written at the head of the story wins (it has the agency);
    the field only lends it a date it lacks.  *paragraphs* loses the
    dateline in place.
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


# ---------------------------------------------------------------------------
# NITF bodies (NITF, and NITF inside NewsML-G2 and NewsML 1)


class Body:
    """What a NITF ``body`` holds, for NITF itself and for NITF inside NewsML."""

    __slots__ = ("abstract", "byline", "dateline", "distributor", "extra", "headline", "paragraphs")

    def __init__(self) -> None:
        self.headline: str | None = None
        self.byline: str | None = None
        self.distributor: str | None = None
        self.dateline: Dateline | None = None
        self.abstract: list[str] = []
        self.paragraphs: list[str] = []
        self.extra: dict[str, Any] = {}


def read_body(
    body: ET.Element | None,
    context: ReadContext,
    *,
    reference: _dt.date | None,
    field: Dateline | None = None,
) -> Body:
    """Read a NITF ``<body>``: headlines, byline, dateline, abstract, paragraphs, tagline.

    *field* is a dateline given outside the body (a NewsML ``dateline``),
    used when the body has no ``<dateline>`` of its own.
    """
    out = Body()
    if body is None:
        return out
    hedline = None
    bylines: list[ET.Element] = []
    dateline = None
    contents: list[ET.Element] = []
    end = None
    for part in body:
        name = local(part.tag)
        if name == "body.head":
            # One pass over body.head: it may hold many elements.
            for item in part:
                name = local(item.tag)
                if name == "hedline":
                    hedline = hedline if hedline is not None else item
                elif name == "byline":
                    bylines.append(item)
                elif name == "distributor":
                    out.distributor = out.distributor or text_value(item)
                elif name == "dateline":
                    dateline = dateline if dateline is not None else item
                elif name == "abstract":
                    out.abstract.extend(body_paragraphs(item))
        elif name == "body.content":
            contents.append(part)
        elif name == "body.end":
            end = part
    if hedline is not None:
        subheadlines = []
        for item in hedline:
            name = local(item.tag)
            if name == "hl1":
                out.headline = out.headline or text_value(item)
            elif name == "hl2":
                text = text_of(item)
                if text:
                    subheadlines.append(text)
        if subheadlines:
            out.extra["subheadline"] = "\n".join(subheadlines)
    if bylines:
        out.byline = text_value(bylines[0], skip=_BYTTL)
        title = text_value(child(bylines[0], "byttl"))
        if title is not None:
            out.extra["byline_title"] = title
        others = [text for other in bylines[1:] if (text := text_of(other))]
        if others:
            out.extra["other_bylines"] = others
    if dateline is not None:
        text, place, region, norm = _dateline_field(dateline)
        date = try_date(norm, context, reference=reference) if norm else None
        field = element_dateline(text, context, place=place, region=region, date=date, reference=reference)
    for content in contents:
        out.paragraphs.extend(body_paragraphs(content))
    out.dateline = take_dateline(out.paragraphs, field, reference=reference)
    tagline = text_value(child(end, "tagline"))
    if tagline is not None:
        out.extra["tagline"] = tagline
    return out


_BYTTL = frozenset({"byttl"})
_LOCATION_PLACE = ("city",)
_LOCATION_REGION = ("state", "region", "country")


def _dateline_field(dateline: ET.Element) -> tuple[str, str | None, str | None, str | None]:
    """A ``<dateline>``'s text, with the place, region and ``story.date@norm`` its elements mark."""
    pieces = [dateline.text or ""]
    place = region = norm = None
    for item in dateline:
        name = local(item.tag)
        if name == "location":
            text, found_place, found_region = _location(item)
            pieces.append(text)
            place = place or found_place
            region = region or found_region
        elif name == "story.date":
            norm = norm or attribute(item, "norm")
            pieces.append(text_of(item))
        elif name:
            pieces.append(text_of(item))
        pieces.append(item.tail or "")
    return squeeze("".join(pieces)), place, region, norm


def _location(location: ET.Element) -> tuple[str, str | None, str | None]:
    """A ``<location>``'s text; parts separated by white space only are joined with ", "."""
    pieces = [location.text or ""]
    place = region = None
    previous_was_part = False
    for item in location:
        name = local(item.tag)
        text = text_of(item)
        if previous_was_part and text and not pieces[-1].strip():
            pieces[-1] = ", "
        pieces.append(text)
        if name in _LOCATION_PLACE and place is None and text:
            place = text
        elif name in _LOCATION_REGION and region is None and text:
            region = text
        previous_was_part = bool(text)
        pieces.append(item.tail or "")
    joined = squeeze("".join(pieces))
    if place is None and len(location) == 0 and joined:
        place = joined
    return joined, place, region


# ---------------------------------------------------------------------------
# The wirecopy-article overrides


#: Where the writers keep what the format's own elements cannot hold exactly.
OVERRIDE_NAME = "wirecopy-article"
#: The namespace of the NewsML-G2 extension element that holds the overrides.
OVERRIDE_NS = "urn:wirecopy:article:1"
_FIELDS = (
    "id",
    "source",
    "headline",
    "byline",
    "published",
    "dateline",
    "paragraphs",
    "highlights",
    "subjects",
    "language",
    "extra",
)


def apply_overrides(article: Article, data: str, context: ReadContext, defects: list[Defect]) -> Article:
    """Replace the fields a writer recorded in its JSON overrides.

    *defects* is the article's list of defects: a record that cannot be
    applied adds one, and the article returned carries it.
    """
    try:
        overrides = json.loads(data)
        if not isinstance(overrides, dict) or not set(overrides) <= set(_FIELDS):
            raise ValueError("not an object of article fields")
        record = article.to_dict()
        record.update(overrides)
        return Article.from_dict(record)
    except (ValueError, TypeError) as err:
        defects.append(context.defect("bad-overrides", f"the {OVERRIDE_NAME} record was ignored: {err}"))
        return attrs.evolve(article, defects=tuple(defects))


def overrides(article: Article, again: Article | None) -> str | None:
    """The JSON of the fields *again* (the article read back) gets wrong, or ``None``."""
    wanted = article.to_dict()
    if again is None:
        differ = [name for name in _FIELDS if wanted[name] != Article(format="x").to_dict()[name]]
    else:
        got = again.to_dict()
        differ = [
            name for name in _FIELDS if getattr(article, name) != getattr(again, name) or wanted[name] != got[name]
        ]
    if not differ:
        return None
    return json.dumps({name: wanted[name] for name in differ}, ensure_ascii=True, separators=(",", ":"), sort_keys=True)


# ---------------------------------------------------------------------------
# Writing


_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ATTRIBUTE_ESCAPES = {**_ESCAPES, '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\n\r\t]')


def esc(text: str) -> str:
    """Escape character data; drops characters XML cannot carry (the overrides keep them)."""
    text = _NOT_XML.sub("", text)
    text = _strip_surrogates(text)
    return _TEXT_SPECIAL.sub(lambda m: _ESCAPES.get(m.group(), "&#13;"), text)


def attr(text: str) -> str:
    """Escape an attribute value; drops characters XML cannot carry."""
    text = _NOT_XML.sub("", text)
    text = _strip_surrogates(text)
    return _ATTRIBUTE_SPECIAL.sub(lambda m: _ATTRIBUTE_ESCAPES[m.group()], text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _strip_surrogates(text: str) -> str:
    if text.isascii():
        return text
    return _SURROGATE.sub("", text)


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


def unique(items: Iterable[str]) -> list[str]:
    """*items* without repeats, in first-seen order."""
    return list(dict.fromkeys(items))


# ---------------------------------------------------------------------------
# Writing NITF bodies (NITF, and NITF inside NewsML 1)


def norm(value: DateValue) -> str:
    """A date in the ISO 8601 basic form NITF and NewsML 1 use: ``20151210T191044+0000``, ``20151210``."""
    text = f"{value.year:04d}{value.month:02d}{value.day:02d}"
    if not isinstance(value, _dt.datetime):
        return text
    text += f"T{value.hour:02d}{value.minute:02d}{value.second:02d}"
    offset = value.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        text += f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    return text


def render_dateline_content(dateline: Dateline) -> str:
    """The content of a NITF ``<dateline>``: its text, the place and region marked, and ``story.date``."""
    runs = dateline_parts(dateline)
    out = []
    in_location = False
    roles = [role for _, role in runs]
    last_part = max((index for index, role in enumerate(roles) if role), default=-1)
    for index, (text, role) in enumerate(runs):
        if role is not None and not in_location:
            out.append("<location>")
            in_location = True
        if role == "place":
            out.append(f"<city>{esc(text)}</city>")
        elif role == "region":
            out.append(f"<state>{esc(text)}</state>")
        else:
            out.append(esc(text))
        if in_location and index == last_part:
            out.append("</location>")
            in_location = False
    if dateline.date is not None:
        out.append(f'<story.date norm="{attr(norm(dateline.date))}"/>')
    return "".join(out)


def render_body(
    article: Article,
    indent: str,
    *,
    hedline: bool = True,
    byline: bool = True,
    distributor: bool = True,
    dateline: bool = True,
) -> list[str]:
    """The lines inside a NITF ``<body>`` for *article*: ``body.head``, ``body.content``, ``body.end``.

    *indent* is the indentation of the ``<body>`` element itself.  The flags
    leave out the ``body.head`` elements that a container (NewsML 1's
    ``NewsLines``) holds in its own elements; the abstract, the paragraphs
    and the tagline are always written.  Empty when there is nothing to write.
    """
    extra = article.extra
    pad = indent + "  "
    out: list[str] = []
    head = _render_body_head(
        article, pad + "  ", hedline=hedline, byline=byline, distributor=distributor, dateline=dateline
    )
    if head:
        out.append(f"{pad}<body.head>\n")
        out.extend(head)
        out.append(f"{pad}</body.head>\n")
    if article.paragraphs:
        out.append(f"{pad}<body.content>\n")
        out.extend(f"{pad}  <p>{esc(paragraph)}</p>\n" for paragraph in article.paragraphs)
        out.append(f"{pad}</body.content>\n")
    tagline = extra_str(extra, "tagline")
    if tagline is not None:
        out.append(f"{pad}<body.end>\n{pad}  <tagline>{esc(tagline)}</tagline>\n{pad}</body.end>\n")
    return out


def _render_body_head(
    article: Article, pad: str, *, hedline: bool, byline: bool, distributor: bool, dateline: bool
) -> list[str]:
    # In the order nitf-3-6.xsd gives body.head's children.
    extra = article.extra
    out: list[str] = []
    subheadline = extra_str(extra, "subheadline")
    if hedline and (article.headline is not None or subheadline is not None):
        out.append(f"{pad}<hedline>\n")
        out.append(f"{pad}  <hl1>{esc(article.headline or '')}</hl1>\n")
        if subheadline is not None:
            out.extend(f"{pad}  <hl2>{esc(line)}</hl2>\n" for line in subheadline.split("\n"))
        out.append(f"{pad}</hedline>\n")
    if byline:
        byline_title = extra_str(extra, "byline_title")
        if article.byline is not None or byline_title is not None:
            title = f"<byttl>{esc(byline_title)}</byttl>" if byline_title is not None else ""
            out.append(f"{pad}<byline>{esc(article.byline or '')}{title}</byline>\n")
        for other in str_items(extra.get("other_bylines")) or ():
            out.append(f"{pad}<byline>{esc(other)}</byline>\n")
    if distributor and article.source is not None:
        out.append(f"{pad}<distributor>{esc(article.source)}</distributor>\n")
    if dateline and article.dateline is not None:
        out.append(f"{pad}<dateline>{render_dateline_content(article.dateline)}</dateline>\n")
    if article.highlights:
        out.append(f"{pad}<abstract>\n")
        out.extend(f"{pad}  <p>{esc(highlight)}</p>\n" for highlight in article.highlights)
        out.append(f"{pad}</abstract>\n")
    return out
