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

#: A document longer than this is reported and skipped rather than buffered,
#: so that a missing end tag in a huge file cannot exhaust memory.
MAX_DOCUMENT = 64 << 20

# What may stand between documents without being reported: whitespace, a
# <!DOCTYPE ...> or comment, an <?xml ...?> declaration, and the start and
# end tags of a wrapper element (the tm package's <LEWIS> root).
_GAP = re.compile(rb"(?:\s+|<!--.*?-->|<![^<>]*>|<\?[^<>]*\?>|</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?>)*", re.DOTALL)

_BOUNDARY = b" \t\r\n>"


#: The kinds of event :func:`scan` yields.
DOC, JUNK, UNCLOSED, TRUNCATED, TOO_BIG = range(5)


def scan(stream: BinaryIO, open_tag: bytes, close_tag: bytes) -> Iterator[tuple[int, bytes, int, int, int]]:
    """Yield ``(kind, data, offset, line, column)`` events in input order.

    ``DOC`` carries a whole document; ``JUNK`` the position of unexpected
    text between documents; ``UNCLOSED`` a document cut short by the next
    start tag; ``TRUNCATED`` one cut short by the end of the input;
    ``TOO_BIG`` one longer than :data:`MAX_DOCUMENT`.
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
                    yield (JUNK, b"", *state.where(bad))
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
                yield (JUNK, b"", *state.where(bad))
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
                yield DOC, buf[start:end], offset, line, column
                state.consume(end)
                start = following if following >= 0 else -1
                break
            if following >= 0:
                yield UNCLOSED, b"", offset, line, column
                state.consume(following)
                start = following
                break
            if state.eof:
                yield TRUNCATED, b"", offset, line, column
                state.consume(len(buf))
                start = -1
                break
            if len(buf) - start > MAX_DOCUMENT:
                yield TOO_BIG, b"", offset, line, column
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
