"""The XML documents of a byte stream, parsed safely and incrementally.

Decodes the input (see :mod:`._xml_decode`), steps over the white space
between documents, and has each document read by a
:class:`~._xml_document.DocumentParser` behind its :class:`~._xml_guard.Guard`;
an input that is one small document is read at once by
:func:`~._xml_guard.parse_whole`, which refuses entity declarations itself.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from ..context import ReadContext
from ..defects import CONTROL_CHARACTER
from ._xml_decode import NOT_XML as FORBIDDEN
from ._xml_decode import Decoder
from ._xml_document import CHUNK, JUNK_AFTER_ROOT, MAX_DOCUMENT_SIZE, SPACE, Cursor, DocumentParser, Problem
from ._xml_guard import EntityDeclared, parse_whole

__all__ = ["XMLStream"]


class XMLStream:
    """The XML documents of one byte stream, parsed safely and incrementally.

    Iterate :meth:`events`.  It yields ``("document", (line, offset))`` when
    a document starts, and then either ``("root", element)`` once the whole
    document is read or, with *streaming*, ``("start", element)`` and
    ``("end", element)`` for every element, so that the items of a large
    message can be read and dropped one at a time.  A document that cannot be
    read yields ``("error", Problem)`` and ends the stream; text after a
    complete document that is not XML yields ``("trailing", Problem)`` and
    ends it too.  An input with no document at all yields ``("empty", None)``.

    Repairs made while decoding (bytes that were not in the declared
    encoding, characters XML forbids) collect as problems in
    :meth:`take_problems`, to be reported on the document they belong to.

    Args:
        stream: The binary input.
        context: The read context: its ``text_encoding`` decides the
            encoding of input that was a ``str``.
        streaming: Yield every element's start and end, not whole documents.
        items: With *streaming*, the local names of the item elements whose
            start positions :meth:`item_start` gives.
        limit: The most characters of a document (see :data:`MAX_DOCUMENT_SIZE`).
    """

    __slots__ = (
        "_context",
        "_current",
        "_cursor",
        "_items",
        "_limit",
        "_problems",
        "_reported_control",
        "_stream",
        "_streaming",
    )

    def __init__(
        self,
        stream: BinaryIO,
        context: ReadContext,
        *,
        streaming: bool = False,
        items: Iterable[str] = (),
        limit: int = MAX_DOCUMENT_SIZE,
    ) -> None:
        self._stream = stream
        self._context = context
        self._streaming = streaming
        names = sorted(items)
        self._items = (
            re.compile(r"<(?:[\w.-]+:)?(?:" + "|".join(map(re.escape, names)) + r")[\s/>]")
            if streaming and names
            else None
        )
        self._limit = limit
        self._problems: list[Problem] = []
        self._reported_control = False
        self._cursor: Cursor | None = None  # made once the first bytes tell the encoding
        self._current: DocumentParser | None = None

    # -- what readers call ---------------------------------------------------

    def take_problems(self) -> Sequence[Problem]:
        """Return and forget the problems found while decoding so far."""
        if not self._problems:
            return ()
        problems, self._problems = self._problems, []
        return problems

    def item_start(self) -> tuple[int | None, int | None, int | None]:
        """The (line, byte offset, character index) of the next item start tag found, in input order.

        Call it at the start event of every element the *items* names, so
        that the starts stay in step with the elements; the character index
        is what :meth:`position` takes.
        """
        if self._cursor is not None and self._cursor.positions:
            return self._cursor.positions.popleft()
        return None, None, None

    def mark(self) -> None:
        """Say that the items read so far are done with: the size limit counts afresh from here.

        The text kept for :meth:`locate` and :meth:`position` then starts at
        the next item.
        """
        if self._current is not None and self._cursor is not None:
            positions = self._cursor.positions
            self._current.mark(positions[0][2] if positions else None)

    def locate(self, needle: str, after: str = "", start: int = 0) -> tuple[int | None, int | None]:
        """The (line, column) of *needle*, after *after*, in the current document from character *start*.

        ``(None, None)`` when it is not in the text kept.
        """
        if self._current is None or not needle:
            return None, None
        return self._current.locate(needle, after, start)

    def position(self, start: int, order: int) -> tuple[int | None, int | None]:
        """The (line, column) of the *order*-th start tag (0: the first) from character *start* of the document.

        Found by reading the kept text again, so only when asked for; ``(None,
        None)`` when that text is no longer kept.
        """
        if self._current is None:
            return None, None
        return self._current.position(start, order)

    # -- the loop ------------------------------------------------------------

    def events(self) -> Iterator[tuple[str, Any]]:
        """Yield the events described in the class docstring."""
        head = self._stream.read(CHUNK)
        decoder = Decoder(head, self._context.text_encoding)
        cursor = self._cursor = Cursor(decoder, self._items, streaming=self._streaming, limit=self._limit)
        eof = not head
        if not eof and not self._streaming and len(head) < CHUNK:
            rest = self._stream.read(CHUNK)
            if rest:
                head += rest
            else:
                eof = True
        pending = self._decode(head, final=eof)
        if eof and not self._streaming:
            # The whole input is in hand, and one small document is the
            # common case (RCV1, NITF): read it in one go.
            whole = self._whole(pending)
            if whole is not None:
                yield from whole
                return
        started = False
        doc: DocumentParser | None = None
        while True:
            while pending:
                if doc is None:
                    if pending[0] in SPACE:
                        stripped = pending.lstrip(SPACE)
                        cursor.advance(pending[: len(pending) - len(stripped)])
                        pending = stripped
                    if not pending:
                        break
                    started = True
                    doc = self._current = DocumentParser(cursor, cursor.line, cursor.column, cursor.offset)
                    yield "document", (cursor.line, cursor.offset)
                pending, outcome = doc.feed(pending)
                yield from doc.drain()
                if outcome == "fatal":
                    return
                if outcome == "ended":
                    doc = None
            if not eof:
                data = self._stream.read(CHUNK)
                eof = not data
                pending = self._decode(data, final=eof)
                continue
            if doc is None:
                break
            # The input ended: feed what was held back, then close.
            pending, outcome = doc.flush()
            yield from doc.drain()
            if outcome == "fatal":
                return
            if outcome == "ended":
                doc = None
                continue
            doc.finish()
            yield from doc.drain()
            break
        if not started:
            yield "empty", None

    def _whole(self, text: str) -> list[tuple[str, Any]] | None:
        """The events of *text*, the whole input, when it is one small document.

        ``None`` sends the caller down the general path (several documents,
        an entity declared, nothing at all), which says what is wrong.
        """
        start = len(text) - len(text.lstrip(SPACE))
        if start == len(text):
            return None
        body = text[start:] if start else text
        problem: ET.ParseError | None = None
        try:
            root = parse_whole(body)
        except EntityDeclared:
            return None  # the general path places the declaration
        except ET.ParseError as err:
            if err.code == JUNK_AFTER_ROOT:
                return None  # several documents: the general path splits them
            problem = err
        cursor = self._cursor
        assert cursor is not None
        cursor.advance(text[:start])
        document = self._current = DocumentParser(cursor, cursor.line, cursor.column, cursor.offset, parse=False)
        document.keep(body)
        events: list[tuple[str, Any]] = [("document", (cursor.line, cursor.offset))]
        if problem is None:
            events.append(("root", root))
        else:
            document.fail(problem)
            events.extend(document.drain())
        return events

    def _decode(self, data: bytes, *, final: bool) -> str:
        cursor = self._cursor
        assert cursor is not None
        decoder = cursor.decoder
        text = decoder.decode(data, final)
        if decoder.problems:
            for kind, message, index in decoder.problems:
                line, column = cursor.where(text, index)
                self._problems.append(Problem(kind, message, line, column))
            decoder.problems.clear()
        bad = FORBIDDEN.search(text) if decoder.suspect else None
        if bad is not None:
            if not self._reported_control:
                self._reported_control = True
                line, column = cursor.where(text, bad.start())
                message = f"character {bad.group()!r}, which XML cannot carry, was dropped"
                self._problems.append(Problem(CONTROL_CHARACTER, message, line, column))
            text = FORBIDDEN.sub("", text)
        return text
