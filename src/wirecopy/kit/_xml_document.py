"""One XML document of a stream, fed piece by piece, in linear time.

Input is decoded and fed in 64 KiB chunks.  Expat reads a token (a start
tag, a comment) only once it is complete, and reads an incomplete one again
from its start on every feed; so while a document (or, when streaming items,
the stretch since the parser last produced an element) grows without a
result, the chunks fed to the parser grow with it, which keeps a 48 MB
attribute linear rather than quadratic.  A document, or the stretch since
the last item, longer than the size limit is left out unread.

A file may hold several documents one after another (the ``nitf`` writer
writes them so): a document ends where expat reports "junk after document
element", and a fresh parser starts there.  Text after a complete document
that is not a document at all (a stray ``&``, a second end tag) is reported
on its own, and the document is kept.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Iterator
from typing import Any
from xml.parsers import expat

from ..defects import DOCUMENT_TOO_LARGE, ENTITY_DECLARATION, NO_ROOT, NOT_XML, STRAY_TEXT
from ._xml_decode import Decoder
from ._xml_guard import EntityDeclared, Guard, index_of

__all__ = [
    "CHUNK",
    "JUNK_AFTER_ROOT",
    "MAX_DOCUMENT_SIZE",
    "PROLOG_LIMIT",
    "SPACE",
    "Cursor",
    "DocumentParser",
    "Problem",
]

#: How many bytes are read from the input at a time.
CHUNK = 1 << 16
#: A prolog (declaration, comments, DOCTYPE) longer than this many characters
#: is refused: no real document needs it, and it has to be held in memory
#: until the guard has read it.
PROLOG_LIMIT = 1 << 20
#: The most characters a document may hold (when streaming items: the most
#: between the end of one item and the end of the next); a longer one is
#: left out with the kind ``document-too-large``.
MAX_DOCUMENT_SIZE = 64 << 20
#: The white space XML allows between documents.
SPACE = " \t\r\n"

#: Expat's XML_ERROR_JUNK_AFTER_DOC_ELEMENT: where one document ends and the next may start.
JUNK_AFTER_ROOT = 9


class Problem:
    """A problem found in the stream, placed in the file: the kind, the message, the line and column."""

    __slots__ = ("column", "kind", "line", "message")

    def __init__(self, kind: str, message: str, line: int | None, column: int | None) -> None:
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column


class Cursor:
    """Where a stream is: the place of the text not yet fed to a parser, and the item start tags found.

    Shared by the stream and the document being fed, which moves it on.
    """

    __slots__ = ("column", "decoder", "items", "limit", "line", "offset", "positions", "streaming")

    def __init__(self, decoder: Decoder, items: re.Pattern[str] | None, *, streaming: bool, limit: int) -> None:
        self.decoder = decoder
        """How the input is decoded: its :meth:`~Decoder.byte_length` turns text back into bytes."""
        self.items = items
        """What an item start tag looks like, when streaming items; ``None`` otherwise."""
        self.streaming = streaming
        """Whether documents are read element by element."""
        self.limit = limit
        """The most characters of a document (see :data:`MAX_DOCUMENT_SIZE`)."""
        self.line = 1
        """The 1-based line where the text not yet fed starts."""
        self.column = 1
        """The 1-based column where the text not yet fed starts."""
        self.offset = decoder.skip  # a BOM is not text, but it is bytes
        """The byte offset where the text not yet fed starts."""
        self.positions: deque[tuple[int, int, int]] = deque()
        """(line, byte offset, character index in its document) of each item start tag found."""

    def where(self, text: str, index: int) -> tuple[int, int]:
        """The (line, column) of index *index* of *text*, text not fed yet that starts at the cursor."""
        # Exact at chunk boundaries, where the cursor is.
        newlines = text.count("\n", 0, index)
        if newlines:
            return self.line + newlines, index - text.rfind("\n", 0, index)
        return self.line, self.column + index

    def advance(self, text: str) -> None:
        """Move the running position past *text*."""
        if not text:
            return
        newlines = text.count("\n")
        if newlines:
            self.line += newlines
            self.column = len(text) - text.rfind("\n")
        else:
            self.column += len(text)
        self.offset += self.decoder.byte_length(text)

    def scan_items(self, text: str, carry: str, fed: int) -> None:
        """Record where each item start tag in *text* (preceded by *carry*; *fed* characters before it) is."""
        assert self.items is not None
        joined = carry + text
        # The line and offset are counted on from one tag to the next, so
        # that a piece of many items is read once.
        line, offset, done = self.line, self.offset, 0
        for match in self.items.finditer(joined):
            if match.end() <= len(carry):
                continue  # wholly in the previous piece: already counted
            start = match.start() - len(carry)
            if start >= 0:
                line += text.count("\n", done, start)
                offset += self.decoder.byte_length(text[done:start])
                done = start
                self.positions.append((line, offset, fed + start))
            else:
                back = carry[start:]
                place = (self.line - back.count("\n"), self.offset - self.decoder.byte_length(back))
                self.positions.append((*place, fed + start))


class _Found(Exception):
    """Raised from a handler when the start tag looked for is reached."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line = line
        self.column = column


def start_tag(text: str, order: int) -> tuple[int, int] | None:
    """The (line, 0-based column) in *text* of its *order*-th start tag, reading it with expat."""
    # No namespace processing: the text may use prefixes its ancestors declare.
    parser = expat.ParserCreate()
    seen = [0]

    def start(name: str, attributes: Any) -> None:
        """Count start tags; stop at the one looked for."""
        if seen[0] == order:
            raise _Found(parser.CurrentLineNumber, parser.CurrentColumnNumber)
        seen[0] += 1

    parser.StartElementHandler = start
    try:
        parser.Parse(text, True)
    except _Found as found:
        return found.line, found.column
    except expat.ExpatError:
        pass
    return None


class DocumentParser:
    """One document of a stream: its guard, its parser, the events waiting, and the text kept.

    Fed piece by piece with :meth:`feed`; moves the shared :class:`Cursor` on
    as it goes, and back to where a following document starts.
    """

    __slots__ = (
        "_carry",
        "_column",
        "_cursor",
        "_depth",
        "_fed",
        "_guard",
        "_held",
        "_held_size",
        "_kept",
        "_kept_column",
        "_kept_line",
        "_kept_start",
        "_line",
        "_mark",
        "_offset",
        "_parser",
        "_queue",
        "_quiet",
        "_received",
        "_recent",
        "_rel_column",
        "_rel_line",
        "_root_done",
        "_streaming",
        "_unfed",
        "_unfed_size",
    )

    def __init__(self, cursor: Cursor, line: int, column: int, offset: int, *, parse: bool = True) -> None:
        self._cursor = cursor
        self._streaming = cursor.streaming
        # Where the document starts in the file.
        self._line = line
        self._column = column
        self._offset = offset
        self._queue: list[tuple[str, Any]] = []
        # The text kept for locate() and position(): the whole document, or
        # when streaming, the pieces fed since the current item started.
        # _kept_start is the index in the document of its first character,
        # and _kept_line and _kept_column its place relative to the document.
        self._kept: list[str] = []
        self._kept_start = 0
        self._kept_line = 1
        self._kept_column = 0
        self._fed = 0  # characters fed to the parser
        self._received = 0  # characters handed to feed()
        self._mark = 0  # where the size limit counts from (see mark())
        self._root_done = False
        if not parse:
            return
        # Text held until the guard has seen the root element start.
        self._guard: Guard | None = Guard()
        self._held: list[str] = []
        self._held_size = 0
        # Text held back so that a token growing across chunks is fed in
        # ever larger pieces (see the module docstring): while the parser has
        # produced nothing for _quiet characters, as many are held back
        # before the next feed.
        self._unfed: list[str] = []
        self._unfed_size = 0
        self._quiet = 0
        self._parser: Any = ET.XMLPullParser(events=("start", "end")) if self._streaming else ET.XMLParser()
        self._depth = 0
        # The last pieces fed, with the (line, column) each started at
        # relative to this document, to find where a following document starts.
        self._recent: deque[tuple[str, int, int]] = deque(maxlen=4)
        self._rel_line = 1
        self._rel_column = 0
        self._carry = ""

    def drain(self) -> Iterator[tuple[str, Any]]:
        """Yield and forget the events queued so far."""
        queue, self._queue = self._queue, []
        yield from queue

    def feed(self, text: str) -> tuple[str, str]:
        """Feed *text*; return (text left for the next document, outcome).

        The outcome is ``"more"`` (feed more), ``"ended"`` (a document
        followed; the text returned belongs to it) or ``"fatal"``.
        """
        self._received += len(text)
        if self._received - self._mark > self._cursor.limit:
            return self._too_large()
        if self._guard is not None:
            self._held.append(text)
            self._held_size += len(text)
            try:
                done = self._guard.feed(text)
            except EntityDeclared as err:
                return self._refuse(err.name, "".join(self._held), self._guard.where())
            if not done:
                return self._hold()
            self._guard = None
            text = "".join(self._held)
            self._held = []
        self._unfed.append(text)
        self._unfed_size += len(text)
        if self._unfed_size < self._quiet:
            return "", "more"
        return self.flush()

    def flush(self) -> tuple[str, str]:
        """Feed the text held back, as :meth:`feed` does; at the end of the input, the held prolog too."""
        if self._guard is not None:
            # The prolog never ended: let the parser say what is wrong.
            self._guard = None
            self._unfed, self._held = self._held, []
            self._unfed_size = self._held_size
        if not self._unfed:
            return "", "more"
        piece = self._unfed[0] if len(self._unfed) == 1 else "".join(self._unfed)
        self._unfed = []
        self._unfed_size = 0
        return self._feed_piece(piece)

    def _hold(self) -> tuple[str, str]:
        if self._held_size > PROLOG_LIMIT:
            message = f"no root element in the first {PROLOG_LIMIT} characters of the document"
            self._queue.append(("error", Problem(NO_ROOT, message, self._line, self._column)))
            return "", "fatal"
        return "", "more"

    def _refuse(self, name: str, held: str, where: tuple[int, int]) -> tuple[str, str]:
        """Queue the error for an entity declared at *where* (relative line, 0-based column) in *held*."""
        line, column = where
        # Expat places the event inside the declaration; point at its start,
        # "<!ENTITY", which is what a reader looks for.
        index = index_of(held, line, column)
        start = held.rfind("<!ENTITY", 0, index + 1) if index is not None else -1
        if start >= 0:
            line = 1 + held.count("\n", 0, start)
            column = start - (held.rfind("\n", 0, start) + 1)
        message = (
            f"entity declarations are refused (entity {name!r}): "
            "XML from a feed is untrusted, and entities can expand without bound or read local files"
        )
        self._queue.append(("error", Problem(ENTITY_DECLARATION, message, *self._absolute(line, column + 1))))
        return "", "fatal"

    def _too_large(self) -> tuple[str, str]:
        limit = self._cursor.limit
        what = "an item (or the text between items)" if self._streaming else "the document"
        message = f"{what} is over {limit} characters long: left out, and the rest of the input was not read"
        text = self._kept_text()
        line, column = self._relative(text, min(max(self._mark - self._kept_start, 0), len(text)))
        self._queue.append(("error", Problem(DOCUMENT_TOO_LARGE, message, *self._absolute(line, column + 1))))
        # Let go of what was read: nothing more comes of it.
        self._kept = []
        self._unfed = []
        self._parser = None
        return "", "fatal"

    def _feed_piece(self, piece: str) -> tuple[str, str]:
        cursor = self._cursor
        if cursor.items is not None:
            cursor.scan_items(piece, self._carry, self._fed)
            self._carry = piece[-64:]
        self._recent.append((piece, self._rel_line, self._rel_column))
        self._kept.append(piece)
        self._fed += len(piece)
        newlines = piece.count("\n")
        if newlines:
            column = len(piece) - piece.rfind("\n") - 1
            self._rel_line += newlines
            self._rel_column = column
            cursor.line += newlines
            cursor.column = column + 1
        else:
            self._rel_column += len(piece)
            cursor.column += len(piece)
        cursor.offset += cursor.decoder.byte_length(piece)
        try:
            self._parser.feed(piece)
            if self._streaming:
                self._quiet = 0 if self._pull() else self._quiet + len(piece)
            else:
                self._quiet += len(piece)
        except ET.ParseError as err:
            return self._failed(err)
        return "", "more"

    def _pull(self) -> bool:
        """Queue the parser's events; whether there were any."""
        produced = False
        for event, element in self._parser.read_events():
            produced = True
            if event == "start":
                self._depth += 1
            else:
                self._depth -= 1
                if self._depth == 0:
                    self._root_done = True
            self._queue.append((event, element))
        return produced

    def _failed(self, err: ET.ParseError) -> tuple[str, str]:
        line, column = err.position
        if err.code == JUNK_AFTER_ROOT and (self._root_done or not self._streaming):
            rest = self._text_from(line, column)
            if rest is not None:
                if not self._streaming:
                    self._queue.append(("root", self._parser.target.close()))
                self._rewind(rest)
                return rest, "ended"
        self.fail(err)
        return "", "fatal"

    def fail(self, err: ET.ParseError) -> None:
        """Queue the error that stopped the parser: the document's, or the text's after a complete one."""
        line, column = err.position
        code = err.code
        reason = expat.ErrorString(code) if isinstance(code, int) else str(err)
        text = self._kept_text()
        # The document ends at the last ">" before the error, if anywhere.
        if line > self._kept_line:
            index = index_of(text, line - self._kept_line + 1, column)
        else:
            index = column - self._kept_column
        cut = text.rfind(">", 0, index) + 1 if index is not None and index >= 0 else 0
        root = self._root_before(text, cut)
        if root is None:
            self._queue.append(("error", Problem(NOT_XML, f"invalid XML: {reason}", *self._absolute(line, column + 1))))
            return
        if root is not True:
            self._queue.append(("root", root))
        # Point at the text after the document, not at where expat gave up.
        after = text[cut:index]
        start = cut + len(after) - len(after.lstrip(SPACE))
        message = f"the text after the end of the document is not XML ({reason}); it was not read"
        self._queue.append(("trailing", Problem(STRAY_TEXT, message, *self._absolute(*self._relative_1(text, start)))))

    def _root_before(self, text: str, cut: int) -> ET.Element | bool | None:
        """Whether the document is complete in the kept *text* up to *cut*.

        When streaming, ``True`` once the root element has ended (its events
        are queued already); otherwise the root element, read again from that
        text; ``None`` when the document was not complete there.
        """
        if self._streaming:
            return True if self._root_done and cut > 0 else None
        if cut <= 0:
            return None
        # The text was guarded already: ElementTree's parser may read it again.
        parser = ET.XMLParser()
        try:
            parser.feed(text[:cut])
            root: ET.Element = parser.close()
        except ET.ParseError:
            return None
        return root

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
        cursor = self._cursor
        newlines = rest.count("\n")
        cursor.offset -= cursor.decoder.byte_length(rest)
        if newlines:
            cursor.line -= newlines
            # The column where rest starts: count back to the previous newline
            # in the text that preceded it.
            before = "".join(entry[0] for entry in self._recent)
            before = before[: len(before) - len(rest)]
            cut = before.rfind("\n")
            cursor.column = len(before) - cut if cut >= 0 else self._column + len(before)
        else:
            cursor.column -= len(rest)
        if cursor.items is not None:
            # Item tags found in text that now belongs to the next document
            # will be found again when it is fed.
            while cursor.positions and cursor.positions[-1][1] >= cursor.offset:
                cursor.positions.pop()

    def finish(self) -> None:
        """The input ended and all was fed: close the parser and queue the root or the error."""
        try:
            if self._streaming:
                self._parser.close()
                self._pull()
            else:
                self._queue.append(("root", self._parser.close()))
        except ET.ParseError as err:
            self.fail(err)

    def keep(self, text: str) -> None:
        """Keep *text* as this document's, for :meth:`locate` and :meth:`position`."""
        self._kept = [text]
        self._fed = len(text)

    def mark(self, keep_from: int | None) -> None:
        """Count the size limit, and keep text, from character *keep_from* (``None``: the end) on.

        Only whole pieces are let go of, so that marking after every item of
        a message costs nothing per item.
        """
        start = self._fed - len(self._carry) if keep_from is None else min(keep_from, self._fed)
        self._mark = max(self._mark, start)
        kept = self._kept
        while kept and self._kept_start + len(kept[0]) <= start:
            piece = kept.pop(0)
            newlines = piece.count("\n")
            if newlines:
                self._kept_line += newlines
                self._kept_column = len(piece) - piece.rfind("\n") - 1
            else:
                self._kept_column += len(piece)
            self._kept_start += len(piece)

    def _kept_text(self) -> str:
        if len(self._kept) > 1:
            self._kept = ["".join(self._kept)]
        return self._kept[0] if self._kept else ""

    def _relative(self, text: str, index: int) -> tuple[int, int]:
        """The (line, 0-based column) relative to the document of index *index* of the kept text."""
        newlines = text.count("\n", 0, index)
        if newlines:
            return self._kept_line + newlines, index - text.rfind("\n", 0, index) - 1
        return self._kept_line, self._kept_column + index

    def locate(self, needle: str, after: str, start: int) -> tuple[int | None, int | None]:
        """The (line, column) in the file of *needle*, searched from *after* (from character *start*)."""
        text = self._kept_text()
        begin = max(start - self._kept_start, 0)
        if after:
            begin = text.find(after, begin)
            if begin < 0:
                begin = max(start - self._kept_start, 0)
        index = text.find(needle, begin)
        if index < 0:
            return None, None
        return self._absolute(*self._relative_1(text, index))

    def _relative_1(self, text: str, index: int) -> tuple[int, int]:
        line, column = self._relative(text, index)
        return line, column + 1

    def position(self, start: int, order: int) -> tuple[int | None, int | None]:
        """The (line, column) in the file of the *order*-th start tag from document character *start*."""
        local_start = start - self._kept_start
        text = self._kept_text()
        if local_start < 0 or local_start > len(text):
            return None, None
        found = start_tag(text[local_start:], order)
        if found is None:
            return None, None
        line, column = self._relative(text, local_start)
        if found[0] == 1:
            return self._absolute(line, column + found[1] + 1)
        return self._absolute(line + found[0] - 1, found[1] + 1)

    def _absolute(self, line: int, column: int) -> tuple[int, int]:
        """Turn a (line, 1-based column) relative to this document into one in the file."""
        if line <= 1:
            return self._line, self._column + column - 1
        return self._line + line - 1, column
