"""Cutting a byte stream into the documents of a line-oriented text format.

Every function here reads the stream in chunks and yields one :class:`Part`
per document, in linear time whatever the shape of the input (no newline at
all, one giant line, millions of tiny documents), and holds at most one
chunk, one document and one line of *limit* bytes: a document over the limit
is yielded as an unreadable part, its bytes dropped as they are read.  The
work per line is done by C code (``bytes.find``, a regular expression over a
chunk), not by a Python loop.
"""

from __future__ import annotations

import operator
import re
import sys
from collections.abc import Iterator
from itertools import chain
from typing import BinaryIO, NamedTuple

from ..defects import DOCUMENT_TOO_LARGE

CHUNK = 1 << 16
# The most that Lines reads at once.
_PIECE = 1 << 20
# The span of a separator line in its match.
_GROUP_SPAN = operator.methodcaller("span", 1)
# Part(...) with every field given, for the loop that makes one per
# document: the named tuple's own constructor takes twice as long.
_part = tuple.__new__


class Problem(NamedTuple):
    """A problem found while cutting the input, placed at a 1-based line and column."""

    kind: str
    message: str
    line: int
    column: int = 1


class Part(NamedTuple):
    """One document as the framing cut it out of the input.

    :meth:`TextFormat.read <wirecopy.kit.text.TextFormat.read>` starts a
    document at :attr:`line` and :attr:`offset`, reports each of
    :attr:`defects` on it, then leaves it out with :attr:`unreadable` or has
    the format parse :attr:`data`.
    """

    #: The document's bytes (empty when it is unreadable).
    data: bytes
    #: The 1-based number of its first line.
    line: int
    #: The byte offset where it starts.
    offset: int
    #: Problems of the framing to report as defects of the document, in order.
    defects: tuple[Problem, ...] = ()
    #: Set when the document cannot be read at all: it is left out with this.
    unreadable: Problem | None = None


def too_large(line: int, offset: int, limit: int) -> Part:
    """The part that stands for a document over *limit* bytes, left out unread."""
    message = f"document larger than {limit:,} bytes (the size limit): left out without being read"
    return Part(b"", line, offset, unreadable=Problem(DOCUMENT_TOO_LARGE, message, line))


class _Document:
    """The document being cut: its pieces (dropped once it is over the limit), its size, whether it holds text."""

    __slots__ = ("limit", "line", "offset", "pieces", "size", "text")

    def __init__(self, line: int, offset: int, limit: int) -> None:
        self.line = line
        self.offset = offset
        self.limit = limit
        self.pieces: list[bytes] = []
        self.size = 0
        self.text = False

    def add(self, piece: bytes) -> None:
        self.size += len(piece)
        if self.size <= self.limit:
            self.pieces.append(piece)
        elif self.pieces:
            self.pieces = []
        self.text = self.text or not piece.isspace()

    def overflow(self, text: bool) -> None:
        """Take a line over the limit, which makes the document too large; *text*: whether it holds more than space."""
        self.size = self.limit + 1
        self.pieces = []
        self.text = self.text or text

    def close(self) -> Part | None:
        """The part, or ``None`` for a document of nothing but white space."""
        if not self.text:
            return None
        if self.size > self.limit:
            return too_large(self.line, self.offset, self.limit)
        pieces, self.pieces = self.pieces, []
        return Part(pieces[0] if len(pieces) == 1 else b"".join(pieces), self.line, self.offset)


def split(
    stream: BinaryIO,
    separator: re.Pattern[bytes],
    first: re.Pattern[bytes],
    limit: int | None,
    chunk_size: int = CHUNK,
) -> Iterator[Part]:
    """Yield the runs of lines between separator lines that hold more than white space.

    Lines end at ``\\n`` only.  *separator* finds a separator line from the
    newline before it: its group 1 spans the line, newline included, as
    ``\\n(?=([ \\t]*\\n))`` finds a blank line (searched for from a literal, a
    pattern runs at C speed; the lookahead lets separators follow each
    other).  *first* matches a separator line at the start of a chunk of
    lines.  A document starts just after a separator line (or at the start
    of the input) and ends at the next one; one that is only white space
    (``bytes.isspace``) is passed over.  A document over *limit* bytes gives
    :func:`too_large`, and a line longer than *limit* (newline not counted)
    is no separator: it may run on beyond what can be held to tell.  Memory
    holds a chunk, the open document and the line in progress, each within
    *limit*.
    """
    cap = sys.maxsize if limit is None else limit
    longest = cap + 1  # the longest separator line, newline included
    # The open document, once it runs on from one chunk to the next (or is
    # over the limit); while it is None, the next document starts at (line,
    # offset), or at pos within the chunk being cut.
    carried: _Document | None = None
    line, offset = 1, 0  # where the bytes not yet cut into lines start
    tail: list[bytes] = []  # a line that runs on into the next chunk
    tail_size = 0
    dropping = False  # the line in progress is over the limit: its bytes are dropped
    while chunk := stream.read(chunk_size):
        if dropping:
            end = chunk.find(b"\n") + 1
            dropped = chunk[: end - 1] if end else chunk
            if carried is not None and dropped and not carried.text and not dropped.isspace():
                carried.text = True
            offset += end or len(chunk)
            if not end:
                continue
            dropping = False
            line += 1
            chunk = chunk[end:]
        cut = chunk.rfind(b"\n") + 1
        if cut and tail:
            # The line that ran on from earlier chunks ends here: it is taken
            # whole, once, rather than copied again with the rest of the chunk.
            end = chunk.find(b"\n") + 1
            tail.append(chunk[:end])
            ended = b"".join(tail)
            tail, tail_size = [], 0
            if len(ended) <= longest and first.fullmatch(ended):
                if carried is not None:
                    part = carried.close()
                    carried = None
                    if part is not None:
                        yield part
            else:
                carried = carried or _Document(line, offset, cap)
                carried.add(ended)
            line += 1
            offset += len(ended)
            del ended
            chunk = chunk[end:]
            cut -= end
        if cut:
            # The lines are chunk[:cut]: searched within those bounds rather
            # than copied.
            count = chunk.count
            pos = counted = 0  # what is cut up to, and what is counted up to
            counted_line = line
            found = first.match(chunk, 0, cut)
            # From the newline before pos, so that a separator at pos is found.
            after = separator.finditer(chunk, found.end() - 1 if found else 0, cut)
            spans = map(_GROUP_SPAN, after) if found is None else chain([found.span()], map(_GROUP_SPAN, after))
            # Nothing in a chunk within the limit can be over it.
            fits = cut <= cap
            for sep_start, sep_end in spans:
                if not fits and sep_end - sep_start > longest:
                    continue  # a line over the limit is no separator
                if carried is not None:
                    if sep_start > pos:
                        carried.add(chunk[pos:sep_start])
                    part = carried.close()
                    carried = None
                    if part is not None:
                        yield part
                elif sep_start > pos:
                    # The whole document is in this chunk: the common case.
                    piece = chunk[pos:sep_start]
                    if not piece.isspace():
                        counted_line += count(b"\n", counted, pos)
                        counted = pos
                        if fits or len(piece) <= cap:
                            yield _part(Part, (piece, counted_line, offset + pos, (), None))
                        else:
                            yield too_large(counted_line, offset + pos, cap)
                pos = sep_end
            if pos < cut:
                if carried is None:
                    counted_line += count(b"\n", counted, pos)
                    counted = pos
                    carried = _Document(counted_line, offset + pos, cap)
                carried.add(chunk[pos:cut])
            line = counted_line + count(b"\n", counted, cut)
            offset += cut
        if cut < len(chunk):
            rest = chunk[cut:] if cut else chunk
            tail.append(rest)
            tail_size += len(rest)
            if tail_size > cap:
                carried = carried or _Document(line, offset, cap)
                carried.overflow(not all(piece.isspace() for piece in tail))
                offset += tail_size
                tail, tail_size, dropping = [], 0, True
    if tail:
        rest = b"".join(tail)
        tail = []
        if first.fullmatch(rest + b"\n") is None:
            carried = carried or _Document(line, offset, cap)
            carried.add(rest)
    if carried is not None:
        part = carried.close()
        if part is not None:
            yield part


def whole(stream: BinaryIO, limit: int, chunk_size: int = CHUNK) -> Iterator[Part]:
    """Yield the whole input as one document, unless it is only white space.

    Reading stops once the input is over *limit* bytes and holds text: the
    rest belongs to the same document, which is left out anyway.
    """
    document = _Document(1, 0, limit)
    while chunk := stream.read(chunk_size):
        document.add(chunk)
        if document.text and document.size > limit:
            break
    part = document.close()
    if part is not None:
        yield part


class Lines:
    """The lines of a binary stream, at most *limit* + 1 bytes each, with their numbers and offsets.

    A line longer than *limit* is cut to *limit* + 1 bytes, the rest of it
    read and dropped: whatever holds it is over the limit anyway.  For
    framings that go line by line (mbox) or mix lines and counted bytes
    (rnews batches).
    """

    __slots__ = ("limit", "line", "offset", "stream")

    def __init__(self, stream: BinaryIO, limit: int) -> None:
        self.stream = stream
        self.limit = limit
        self.line = 0
        """The number of the line last returned."""
        self.offset = 0
        """The byte offset just past it."""

    def next(self) -> bytes | None:
        """The next line, newline included; ``None`` at the end of the input."""
        raw = self.stream.readline(self.limit + 1)
        if not raw:
            return None
        self.line += 1
        self.offset += len(raw)
        if len(raw) > self.limit and not raw.endswith(b"\n"):
            while True:
                more = self.stream.readline(CHUNK)
                self.offset += len(more)
                if not more or more.endswith(b"\n"):
                    break
        return raw

    def take(self, size: int) -> bytes | None:
        """The next *size* bytes (fewer at the end of the input); ``None``, the bytes dropped, over the limit."""
        want = min(size, self.limit + 1)
        data = self.stream.read(min(want, _PIECE))
        if 0 < len(data) < want:
            data += self._read(want - len(data))
        self.offset += len(data)
        self.line += data.count(b"\n")
        if len(data) > self.limit:
            self.skip(size - len(data))
            return None
        return data

    def rest(self, budget: int) -> bytes | None:
        """The rest of the input if it is at most *budget* bytes, else ``None`` (and it is left unread)."""
        data = self._read(budget + 1)
        return None if len(data) > budget else self._count(data)

    def skip(self, size: int) -> None:
        """Read and drop the next *size* bytes, counting their lines."""
        while size > 0:
            chunk = self.stream.read(min(size, CHUNK))
            if not chunk:
                return
            size -= len(chunk)
            self._count(chunk)

    def _count(self, data: bytes) -> bytes:
        self.offset += len(data)
        self.line += data.count(b"\n")
        return data

    def _read(self, size: int) -> bytes:
        # In pieces: read(size) allocates size bytes at once, and a batch
        # line may announce far more than the input holds.
        chunks = []
        while size > 0:
            chunk = self.stream.read(min(size, _PIECE))
            if not chunk:
                break
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)


def lines(stream: BinaryIO, limit: int) -> Iterator[Part]:
    """Yield each line that holds more than white space as a document (JSON Lines), newline included."""
    source = Lines(stream, limit)
    while True:
        start = source.offset
        raw = source.next()
        if raw is None:
            return
        if len(raw) > limit:
            yield too_large(source.line, start, limit)
        elif raw and not raw.isspace():
            yield Part(raw, source.line, start)
