"""The XML documents of a byte stream, parsed safely and incrementally.

Decodes the input once (see :mod:`._xml_decode`), into UTF-8 bytes, steps
over the white space between documents, and has each document read by a
:class:`~._xml_document.DocumentParser`, whose parser refuses entity
declarations itself.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from ..context import ReadContext
from ..defects import CONTROL_CHARACTER
from ._xml_cursor import CHUNK, MAX_DOCUMENT_SIZE, PROLOG_LIMIT, Bytes, Cursor, Layout, Problem, chars
from ._xml_decode import NOT_XML as FORBIDDEN
from ._xml_decode import Decoder
from ._xml_depth import MAX_DEPTH
from ._xml_document import DocumentParser
from ._xml_whole import read_whole

__all__ = ["XMLStream"]

# The bytes fed to a document after the first at once, at least: twice the
# size of the one before, doubling with every feed up to a chunk.  A file of
# many small documents hands each the rest of a short piece, not of a
# whole chunk; the first document is handed all there is.
_FIRST_FEED = 1 << 9
_SPACE = b" \t\r\n"
_TEXT = re.compile(rb"[^ \t\r\n]")
# An XML declaration, which only a document's first bytes may hold.
_DECLARATION = re.compile(rb"<\?xml[ \t\r\n?]")


class XMLStream:
    """The XML documents of one byte stream, parsed safely and incrementally.

    Iterate :meth:`events`.  It yields ``("document", (line, offset))`` when
    a document starts, and then ``("root", element)`` once the whole document
    is read; or, with *streaming*, ``("start", element)`` and ``("end",
    element)`` for every element, so that the items of a large message can
    be read and dropped one at a time; or, with *envelopes*, ``("item",
    (element, envelope, parent, start))`` for each item of a document whose
    root is one of the *envelopes* (``start`` is the line, offset and byte
    index of its start tag, for :meth:`locate` and :meth:`position`; the
    item is read, and dropped from *parent* when the next event is asked
    for).  A document that cannot be read yields ``("error", Problem)`` and
    ends the stream; text after a complete document that is not XML yields
    ``("trailing", Problem)`` and ends it too.  An input with no document at
    all yields ``("empty", None)``.

    Repairs made while decoding (bytes that were not in the declared
    encoding, characters XML forbids) collect as problems in
    :meth:`take_problems`, to be reported on the document they belong to.

    Args:
        stream: The binary input.
        context: The read context: its ``text_encoding`` decides the
            encoding of input that was a ``str``.
        streaming: Yield every element's start and end, not whole documents.
        items: With *streaming*, the local names of the item elements whose
            start positions :meth:`item_start` gives; with *envelopes*, the
            items an envelope holds.
        limit: The most bytes of a document (see :data:`MAX_DOCUMENT_SIZE`).
        envelopes: The local names of root elements that hold items.
        item_depth: How far below an envelope's root its items are.
        max_depth: The most levels of elements a document may nest (see
            :data:`MAX_DEPTH`); a deeper one yields ``("error", Problem)``
            of the kind ``too-deep``.
    """

    __slots__ = (
        "_context",
        "_current",
        "_cursor",
        "_items",
        "_layout",
        "_limit",
        "_max_depth",
        "_position",
        "_problems",
        "_reported_control",
        "_shortcut",
        "_stream",
        "_streaming",
        "_whole",
    )

    def __init__(
        self,
        stream: BinaryIO,
        context: ReadContext,
        *,
        streaming: bool = False,
        items: Iterable[str] = (),
        limit: int = MAX_DOCUMENT_SIZE,
        envelopes: Collection[str] = (),
        item_depth: int = 1,
        max_depth: int = MAX_DEPTH,
    ) -> None:
        self._stream = stream
        self._context = context
        self._streaming = streaming or bool(envelopes)
        self._layout, self._items = _setup(
            envelopes if isinstance(envelopes, frozenset) else frozenset(envelopes),
            items if isinstance(items, frozenset) else frozenset(items),
            item_depth,
            streaming and not envelopes,
        )
        if not self._streaming:
            self._items = None
        self._limit = limit
        self._max_depth = max_depth
        self._problems: list[Problem] = []
        self._reported_control = False
        self._cursor: Cursor | None = None  # made once the first bytes tell the encoding
        self._current: DocumentParser | None = None
        self._position = (1, 1)  # the line and column of the text decoded next
        # A document read whole the short way: its bytes and where it starts (line, column, offset).
        self._whole: tuple[bytes, int, int, int] | None = None
        # Whether documents may still be read whole the short way (see _short).
        self._shortcut = True

    # -- what readers call ---------------------------------------------------

    def take_problems(self) -> Sequence[Problem]:
        """Return and forget the problems found while decoding so far."""
        if not self._problems:
            return ()
        problems, self._problems = self._problems, []
        return problems

    def item_start(self) -> tuple[int | None, int | None, int | None]:
        """The (line, byte offset, index for :meth:`position`) of the next item start tag found, in input order.

        With *streaming*, call it at the start event of every element the
        *items* names, so that the starts stay in step with the elements.
        """
        if self._cursor is not None and self._cursor.positions:
            return self._cursor.positions.popleft()
        return None, None, None

    def mark(self, start: int | None = None) -> None:
        """Say that the items read so far are done with: the size limit counts afresh from here.

        The text kept for :meth:`locate` and :meth:`position` then starts at
        the next item (or at document byte *start*).
        """
        if self._current is not None and self._cursor is not None:
            if start is None:
                positions = self._cursor.positions
                start = positions[0][2] if positions else None
            self._current.mark(start)

    def locate(self, needle: str, after: str = "", start: int = 0) -> tuple[int | None, int | None]:
        """The (line, column) of *needle*, after *after*, in the current document from its byte *start*.

        ``(None, None)`` when it is not in the text kept.
        """
        current = self._document()
        if current is None or not needle:
            return None, None
        return current.locate(needle, after, start)

    def position(self, start: int, order: int) -> tuple[int | None, int | None]:
        """The (line, column) of the *order*-th start tag (0: the first) from byte *start* of the document.

        Found by reading the kept text again, so only when asked for; ``(None,
        None)`` when that text is no longer kept.
        """
        current = self._document()
        if current is None:
            return None, None
        return current.position(start, order)

    def _document(self) -> DocumentParser | None:
        """The current document; for one read the short way, made once asked for."""
        if self._current is None and self._whole is not None and self._cursor is not None:
            data, line, column, offset = self._whole
            self._current = DocumentParser(self._cursor, line, column, offset, whole=True)
            self._current.hold(data)
        return self._current

    # -- the loop ------------------------------------------------------------

    def events(self) -> Iterator[tuple[str, Any]]:
        """Yield the events described in the class docstring."""
        head = self._stream.read(CHUNK)
        decoder = Decoder(head, self._context.text_encoding)
        eof = not head
        if not eof and len(head) < CHUNK:
            more = self._stream.read(CHUNK)
            if more:
                head += more
            else:
                eof = True
        # An input read whole in one go (the common case: a file of one
        # story) need not be followed element by element.
        # An envelope over the limit is still read item by item, each item
        # within it.
        streaming = self._streaming and not (eof and self._layout.envelopes and len(head) <= self._limit)
        cursor = Cursor(
            decoder, self._items, streaming=streaming, limit=self._limit, layout=self._layout, max_depth=self._max_depth
        )
        self._cursor = cursor
        line, column, offset = 1, 1, decoder.skip  # a BOM is not text, but it is bytes
        raw = decoder.as_is(head) if eof and not streaming else None
        if raw and raw[0] not in _SPACE and len(raw) <= self._limit:
            # The common case, a file of one document in hand, the shortest
            # way: as it is, which is what decoding would give unless the
            # parser refuses it (see Decoder.as_is).
            found = read_whole(cursor, raw, line, offset)
            if found is not None:
                self._whole = (raw, line, column, offset)
                yield "document", (line, offset)
                for event in found:
                    yield event
                    if event[0] == "item":
                        _drop(event[1])
                return
        first: Bytes = self._decode(head, final=eof)
        # The first document is handed all there is, unless that is over the
        # limit: the bytes after a document count against it until it ends.
        size = 1 << 62 if len(first) <= self._limit else max(1, min(_FIRST_FEED, self._limit // 2))
        if eof and first and first[0] not in _SPACE and len(first) <= self._limit:
            # A file of one document in hand, the short way.
            doc = self._current = DocumentParser(cursor, line, column, offset, whole=True)
            yield "document", (line, offset)
            rest, outcome = doc.feed(first, final=True)
            yield from self._drain(doc)
            if outcome != "ended":
                return
            assert doc.next_start is not None
            size = max(_FIRST_FEED, min(2 * (doc.next_start[2] - offset), CHUNK))
            line, column, offset = doc.next_start
            first = rest
        yield from self._loop(cursor, first, eof, (line, column, offset), size)

    def _loop(
        self, cursor: Cursor, first: Bytes, eof: bool, place: tuple[int, int, int], size: int
    ) -> Iterator[tuple[str, Any]]:
        """The events of the documents from *first* (the input's first decoded bytes, or what a document left) on."""
        line, column, offset = place
        # What is decoded and not yet fed: the bytes a document left, then the rest of a chunk.
        pending: list[Bytes] = [first]
        started = self._current is not None
        doc: DocumentParser | None = None
        while True:
            while pending:
                if not pending[0]:
                    del pending[0]
                    continue
                if doc is None:
                    first = pending[0]
                    if first[0] in _SPACE:
                        # Only the white space is copied, never the rest of a chunk.
                        text = _TEXT.search(first)
                        space = bytes(first[: text.start() if text is not None else len(first)])
                        newlines = space.count(b"\n")
                        line += newlines
                        column = len(space) - space.rfind(b"\n") if newlines else column + len(space)
                        offset += cursor.file_bytes(space)
                        pending[0] = first[len(space) :]
                        continue
                    started = True
                    short = self._short(cursor, pending, eof, (line, column, offset))
                    if short is not None:
                        # Read whole the short way, and taken off what is pending.
                        events, following = short
                        yield "document", (line, offset)
                        for event in events:
                            yield event
                            if event[0] == "item":
                                _drop(event[1])
                        size = max(_FIRST_FEED, min(2 * (following[2] - offset), CHUNK))
                        line, column, offset = following
                        continue
                    doc = self._current = DocumentParser(cursor, line, column, offset)
                    yield "document", (line, offset)
                piece, pending[0] = _split(pending[0], size)
                size = min(size * 2, max(size, CHUNK))
                # The last bytes of the input end the document (or show what follows it).
                final = eof and len(pending) == 1 and not pending[0]
                rest, outcome = doc.feed(piece, final=final)
                if rest:
                    pending.insert(0, rest)
                yield from self._drain(doc)
                if outcome == "fatal":
                    return
                if outcome == "done":
                    doc = None
                    break
                if outcome == "ended":
                    assert doc.next_start is not None
                    size = max(_FIRST_FEED, min(2 * (doc.next_start[2] - offset), CHUNK))
                    line, column, offset = doc.next_start
                    doc = None
            if not eof:
                data = self._stream.read(CHUNK)
                eof = not data
                pending = [self._decode(data, final=eof)]
                continue
            if doc is None:
                break
            # The input ended: feed what was held back, and close.
            rest, outcome = doc.flush(final=True)
            yield from self._drain(doc)
            if outcome == "ended":
                assert doc.next_start is not None
                line, column, offset = doc.next_start
                doc = None
                pending = [rest]
                continue
            break
        if not started:
            yield "empty", None

    def _short(
        self, cursor: Cursor, pending: list[Bytes], eof: bool, place: tuple[int, int, int]
    ) -> tuple[list[tuple[str, Any]], tuple[int, int, int]] | None:
        """The document at the start of what is *pending*, read whole the short way (see :mod:`._xml_whole`).

        Documents written one after another each open with an XML
        declaration: the document is taken to end where the next
        declaration starts, in the first pending piece or the one after it
        (or with the input, at its *eof*), and is read that way if that
        reading succeeds, which it does only when the document is complete
        there, so that expat would have ended it there too.  Its bytes are
        then taken off *pending*.  Returns its events and the (line, column,
        file offset) of what follows; ``None`` when it is to be read piece
        by piece, as every document of the stream is once one that lies
        within a piece cannot be read so.  *place* is the document's own.
        """
        if not self._shortcut or cursor.streaming:
            return None
        data = pending[0]
        # The limit counts what a document is fed, which may run past its
        # end, up to the rest of what is in hand.
        if len(data) + (len(pending[1]) if len(pending) > 1 else 0) > self._limit:
            return None
        found = _DECLARATION.search(data, 1)
        if found is not None:
            parts, taken = [data[: found.start()]], 1
        elif len(pending) == 1:
            if not eof:
                return None
            parts, taken = [data], 1
        else:
            # The end of a piece fed before, then the rest of its chunk.
            found = _DECLARATION.search(pending[1])
            if found is None and not (eof and len(pending) == 2):
                return None
            parts, taken = [data, pending[1][: found.start() if found is not None else len(pending[1])]], 2
        text = b"".join(parts)
        if len(text) > PROLOG_LIMIT:
            return None  # a document fed piece by piece checks where its root starts
        line, column, offset = place
        events = read_whole(cursor, text, line, offset)
        if events is None:
            # A declaration cut in two between pieces reads as no end at all.
            self._shortcut = taken == 2
            return None
        pending[taken - 1] = pending[taken - 1][len(parts[-1]) :]
        if taken == 2:
            pending[0] = b""
        self._current = None
        self._whole = (text, line, column, offset)
        newlines = text.count(b"\n")
        if newlines:
            line, column = line + newlines, chars(text[text.rfind(b"\n") + 1 :]) + 1
        else:
            column += chars(text)
        return events, (line, column, offset + cursor.file_bytes(text))

    def _drain(self, doc: DocumentParser) -> Iterator[tuple[str, Any]]:
        """Yield the document's events; drop each item from its parent once it is read."""
        for event in doc.drain():
            yield event
            if event[0] == "item":
                _drop(event[1])
                self.mark()

    def _decode(self, data: bytes, *, final: bool) -> bytes:
        """The next chunk, decoded and repaired, as UTF-8 bytes."""
        cursor = self._cursor
        assert cursor is not None
        decoder = cursor.decoder
        text = decoder.decode(data, final)
        raw = decoder.raw
        if decoder.problems:
            for kind, message, index in decoder.problems:
                self._problems.append(Problem(kind, message, *self._where(text, index)))
            decoder.problems.clear()
        bad = FORBIDDEN.search(text) if decoder.suspect else None
        if bad is not None:
            if not self._reported_control:
                self._reported_control = True
                message = f"character {bad.group()!r}, which XML cannot carry, was dropped"
                self._problems.append(Problem(CONTROL_CHARACTER, message, *self._where(text, bad.start())))
            text = FORBIDDEN.sub("", text)
            raw = None
        if not final:
            # Where the next chunk starts, for the problems found in it.
            newlines = text.count("\n")
            line, column = self._position
            self._position = (line + newlines, len(text) - text.rfind("\n")) if newlines else (line, column + len(text))
        return raw if raw is not None else text.encode("utf-8", "surrogatepass")

    def _where(self, text: str, index: int) -> tuple[int, int]:
        """The (line, column) of index *index* of *text*, the text decoded next."""
        line, column = self._position
        newlines = text.count("\n", 0, index)
        if newlines:
            return line + newlines, index - text.rfind("\n", 0, index)
        return line, column + index


_SETUPS: dict[tuple[frozenset[str], frozenset[str], int, bool], tuple[Layout, re.Pattern[bytes] | None]] = {}


def _setup(
    envelopes: frozenset[str], items: frozenset[str], depth: int, events: bool
) -> tuple[Layout, re.Pattern[bytes] | None]:
    """The layout of these envelopes and items, and their start tags' pattern (memoised: a format asks alike)."""
    key = (envelopes, items, depth, events)
    found = _SETUPS.get(key)
    if found is None:
        names = tuple(sorted(items))
        layout = Layout(envelopes=envelopes, items=names, depth=depth, events=events)
        found = (layout, _item_pattern(names) if names else None)
        if len(_SETUPS) < 64:
            _SETUPS[key] = found
    return found


_PATTERNS: dict[tuple[str, ...], re.Pattern[bytes]] = {}


def _item_pattern(names: tuple[str, ...]) -> re.Pattern[bytes]:
    """What a start tag of one of the items *names* looks like, in any namespace prefix (memoised)."""
    found = _PATTERNS.get(names)
    if found is None:
        alternatives = b"|".join(re.escape(name.encode()) for name in names)
        found = re.compile(rb"<(?:[\w.\x80-\xff-]+:)?(?:" + alternatives + rb")[\s/>]")
        if len(_PATTERNS) < 64:
            _PATTERNS[names] = found
    return found


def _split(pending: Bytes, size: int) -> tuple[Bytes, Bytes]:
    """The next piece to feed, of about *size* bytes, and what is left, cut on a character."""
    if len(pending) <= size:
        return pending, b""
    view = memoryview(pending) if isinstance(pending, bytes) else pending
    cut = size
    while 0x80 <= view[cut] < 0xC0:
        cut -= 1
    return view[:cut], view[cut:]


def _drop(item: tuple[ET.Element, ET.Element, ET.Element, Any]) -> None:
    """Drop an item that was read from its parent."""
    element, _, parent, _ = item
    if len(parent) and parent[0] is element:
        del parent[0]
    else:
        parent.remove(element)
