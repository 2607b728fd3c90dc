"""The document scanner of the SGML family: documents between a start and an end tag.

:func:`scan` splits a byte stream on document boundaries (``<DOC`` ...
``</DOC>``) with :meth:`bytes.find`, chunk by chunk, and reports in input
order each document with where it starts, and what stands in the way of
one: text between documents, a document the next start tag or the end of
the input cuts short, a document over the size limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

# How much is read at a time.  Large enough that bytes.find dominates, small
# enough that memory stays flat: the buffer holds at most one document plus
# one chunk.
CHUNK_SIZE = 1 << 20

# What may stand between documents without being reported: whitespace, a
# <!DOCTYPE ...> or comment, an <?xml ...?> declaration, and the start and
# end tags of a wrapper element (the tm package's <LEWIS> root).
_GAP_ITEM = re.compile(rb"\s+|<!--.*?-->|<![^<>]*>|<\?[^<>]*\?>|</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?>", re.DOTALL)

_BOUNDARY = b" \t\r\n>"


#: The kinds of event :func:`scan` yields.
DOC, JUNK, UNCLOSED, TRUNCATED, TOO_BIG = range(5)


def scan(
    stream: BinaryIO, open_tag: bytes, close_tag: bytes, max_document: int
) -> Iterator[tuple[int, bytes | bytearray, int, int, int]]:
    """Yield ``(kind, data, offset, line, column)`` events in input order.

    ``DOC`` carries a whole document; ``JUNK`` the position of unexpected
    text between documents; ``UNCLOSED`` a document cut short by the next
    start tag; ``TRUNCATED`` one cut short by the end of the input;
    ``TOO_BIG`` one longer than *max_document* bytes, which is not held in
    memory beyond that.

    Time is linear in the size of the input, whatever its shape: each byte
    is searched for a start tag once and for an end tag once (a
    :class:`_Finder` remembers how far it has looked), and the buffer grows
    by appending.  Memory holds at most one document (*max_document* bytes)
    and one chunk.
    """
    state = _Buffer(stream)
    opens = _Finder(open_tag, start_tag=True)
    closes = _Finder(close_tag, start_tag=False)
    open_len = len(open_tag)
    close_len = len(close_tag)
    quiet = False  # the gap after a skipped oversized document is not junk
    while True:
        buf = state.buf
        # The finders' memory is read here first: most often the start tag
        # of the next document was found while reading the last one.
        start = opens.found
        if start < state.pos:
            start = opens.next(buf, state.pos, state.eof)
        if start < 0:
            # No document start in the buffer: check the gap so far, then
            # drop it (keeping a tail that may hold a split tag) and read on.
            pos = state.pos
            keep = len(buf) if state.eof else max(pos, len(buf) - open_len)
            if keep > pos and not quiet:
                bad, settled = _junk_at(buf, pos, keep, complete=state.eof)
                if bad >= 0:
                    yield (JUNK, b"", *state.where(bad))
                    quiet = True
                else:
                    keep = settled
            if state.eof:
                return
            state.pos = keep
            _read_on(state, opens, closes)
            continue
        pos = state.pos
        if start > pos and not quiet and not buf[pos:start].isspace():
            bad = _junk_at(buf, pos, start, complete=True)[0]
            if bad >= 0:
                yield (JUNK, b"", *state.where(bad))
        quiet = False
        offset, line, column = state.where(start)
        while True:
            # The finders' common case, inline (a call per tag per document
            # shows in the throughput): the tag is found at once.
            after = start + open_len
            close = closes.found
            if close < after:
                frontier = closes.frontier
                close = buf.find(close_tag, frontier if frontier > after else after)
                if close >= 0:
                    closes.found = closes.frontier = close
                else:
                    close = closes.next(buf, after, state.eof)
            following = opens.found
            if following <= start:
                frontier = opens.frontier
                following = buf.find(open_tag, frontier if frontier > start else start + 1)
                if following >= 0 and following + open_len < len(buf) and buf[following + open_len] in _BOUNDARY:
                    opens.found = opens.frontier = following
                else:
                    following = opens.next(buf, start + 1, state.eof)
            if close >= 0 and (following < 0 or close < following):
                # following == -2 (a candidate cut at the buffer's end) is
                # necessarily after a complete end tag.
                end = close + close_len
                if end - start > max_document:
                    # Complete, but over the limit all the same.
                    yield TOO_BIG, b"", offset, line, column
                    state.pos = end
                    break
                # A slice (a copy, as a bytearray) is cheaper than a
                # memoryview for the small documents of most files; a large
                # one is copied once.  No local name holds the bytes: the
                # reader drops them once decoded.
                yield (
                    DOC,
                    buf[start:end] if end - start < 1 << 16 else state.take(start, end),
                    offset,
                    line,
                    column,
                )
                state.pos = end
                break
            if following >= 0:
                yield UNCLOSED, b"", offset, line, column
                state.pos = following
                break
            if state.eof:
                yield TRUNCATED, b"", offset, line, column
                state.pos = len(buf)
                break
            if len(buf) - start > max_document:
                yield TOO_BIG, b"", offset, line, column
                # Keep what may be the start of a start tag cut by the chunk's
                # end (this document's own ends before: its next byte is read).
                state.pos = len(buf) - open_len
                quiet = True
                break
            state.pos = start
            start -= _read_on(state, opens, closes)
            buf = state.buf


class _Finder:
    """Finds the next occurrence of a tag, remembering how far it has searched.

    Asked for the first occurrence at or after a position that only moves
    forward, it answers from what it found before when it can, and otherwise
    searches on from where it stopped: each byte is searched once, however
    often it is asked.
    """

    __slots__ = ("found", "frontier", "size", "start_tag", "tag")

    def __init__(self, tag: bytes, *, start_tag: bool) -> None:
        self.tag = tag
        self.size = len(tag)
        # A start tag: "<DOC" also begins "<DOCNO>", so the byte after it
        # must be a space or ">".
        self.start_tag = start_tag
        self.found = -1  # the occurrence found last, or -1
        self.frontier = 0  # no occurrence before this index is left unfound

    def next(self, buf: bytearray, start: int, eof: bool) -> int:
        """The first occurrence at or after *start*.

        Returns -1 for none in the buffer, and -2 for a start tag at the
        buffer's very end whose next byte has not been read yet.
        """
        found = self.found
        if found >= start:
            return found
        tag = self.tag
        size = self.size
        at = self.frontier
        if at < start:
            at = start
        while True:
            index = buf.find(tag, at)
            if index < 0:
                self.found = -1
                self.frontier = max(at, len(buf) - size + 1)
                return -1
            if self.start_tag:
                after = index + size
                if after >= len(buf) and not eof:
                    self.found = -1
                    self.frontier = index
                    return -2
                if after >= len(buf) or buf[after] not in _BOUNDARY:
                    at = index + 1
                    continue
            self.found = self.frontier = index
            return index

    def shift(self, by: int) -> None:
        """Move the remembered positions as the buffer drops *by* bytes from its start."""
        self.found = self.found - by if self.found >= by else -1
        self.frontier = max(0, self.frontier - by)


def _read_on(state: _Buffer, *finders: _Finder) -> int:
    """Read a chunk into *state*; return how far indices moved."""
    shift = state.fill()
    for finder in finders:
        finder.shift(shift)
    return shift


class _Buffer:
    """The bytes read and not yet consumed, with line counting.

    ``buf[pos:]`` is unconsumed (the scanner moves ``pos``; lines are counted
    lazily, by :meth:`where`); lines are counted up to ``counted`` so that
    the line and column of any later position can be told.  The buffer is a
    ``bytearray``: dropping consumed bytes from its front and appending a
    chunk cost the size of the chunk, not of the buffer, so a long document
    is read in linear time.
    """

    __slots__ = ("base", "buf", "counted", "eof", "line", "line_start", "pos", "stream")

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.buf = bytearray()
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

    def take(self, start: int, end: int) -> bytes:
        """A copy of ``buf[start:end]``, made in one copy."""
        with memoryview(self.buf) as view:
            return view[start:end].tobytes()

    def fill(self) -> int:
        """Drop the consumed bytes and read a chunk; return how far indices moved."""
        self.where(self.pos)
        chunk = self.stream.read(CHUNK_SIZE)
        if not chunk:
            self.eof = True
        shift = self.pos
        del self.buf[:shift]
        self.buf += chunk
        self.base += shift
        self.counted -= shift
        self.pos = 0
        return shift


def _junk_at(buf: bytearray, start: int, end: int, *, complete: bool) -> tuple[int, int]:
    """Check the gap ``buf[start:end]`` for text that is not markup or white space.

    Returns where such text starts (or -1), and how far the gap is settled.
    Unless the gap is *complete* (a start tag or the end of the input
    follows), what the chunk's end may have cut is not judged yet: the gap
    is settled up to a comment not yet closed, or a ``<`` with no ``>``
    after it, to be checked again with more bytes (unless it is already
    4 KiB long).  So the outcome does not depend on where chunks end.
    """
    gap = buf[start:end]
    if not gap or gap.isspace():
        return -1, end
    size = len(gap)
    # Item by item: a pattern repeating the items would keep a backtracking
    # record per item (over 100 MB for a 1 MiB chunk of short tags).
    pos = 0
    item = _GAP_ITEM.match
    while pos < size:
        if not complete and size - pos < 4096 and gap.startswith(b"<!--", pos) and gap.find(b"-->", pos + 4) < 0:
            return -1, start + pos
        found = item(gap, pos)
        if found is None:
            break
        pos = found.end()
    if pos == size:
        return -1, end
    if not complete and gap[pos] == ord("<") and size - pos < 4096 and gap.find(b">", pos) < 0:
        return -1, start + pos
    return start + pos, end
