"""The byte level of the wire family: control characters, the 8-bit charset, and transmissions.

Wire formats are byte streams in which control characters carry the
structure: SOH opens a transmission, STX opens its text, ETX closes the text
and EOT the transmission.  This module cuts a stream into transmissions at
those bytes, with their place in the input, and decodes their 8-bit text.
:mod:`wirecopy.kit.wire` builds the readers and writers on it and re-exports
what a format needs.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator, Sequence
from itertools import count, repeat
from typing import BinaryIO, NamedTuple, overload

import attrs

from ..context import ReadContext
from ..defects import EMPTY_INPUT, STRAY_TEXT, TOO_LONG

SOH = "\x01"
STX = "\x02"
ETX = "\x03"
EOT = "\x04"
TAB = "\t"
FF = "\x0c"
DC1, DC2, DC3, DC4 = "\x11", "\x12", "\x13", "\x14"
SYN = "\x16"
US = "\x1f"
DEL = "\x7f"

#: The names of the control characters, for messages and for ``extra``.
CONTROL_NAMES = {
    **{
        chr(code): name
        for code, name in enumerate(
            [
                "NUL",
                "SOH",
                "STX",
                "ETX",
                "EOT",
                "ENQ",
                "ACK",
                "BEL",
                "BS",
                "TAB",
                "LF",
                "VT",
                "FF",
                "CR",
                "SO",
                "SI",
                "DLE",
                "DC1",
                "DC2",
                "DC3",
                "DC4",
                "NAK",
                "SYN",
                "ETB",
                "CAN",
                "EM",
                "SUB",
                "ESC",
                "FS",
                "GS",
                "RS",
                "US",
            ]
        )
    },
    DEL: "DEL",
}
CONTROL_CODES = {name: char for char, name in CONTROL_NAMES.items()}


# The text is 7-bit ASCII in the standards and 8-bit in practice: dpa sends
# undeclared Latin-1 (0xFC for "ü"), and copy edited on Windows carries
# cp1252 punctuation at 0x80-0x9F, where Latin-1 has only C1 controls.  So a
# byte reads as cp1252 where cp1252 defines it and as Latin-1 elsewhere (the
# five bytes cp1252 leaves undefined become C1 controls, which are then
# reported as stray).  One byte is always one character, so byte offsets and
# string indexes agree, which keeps every reported column right.
def _charset() -> str:
    table = []
    for code in range(256):
        try:
            table.append(bytes([code]).decode("cp1252"))
        except UnicodeDecodeError:
            table.append(chr(code))
    return "".join(table)


# A decoding table for codecs.charmap_decode, which reads it in C: three
# times as fast as str.translate over a Latin-1 decoding.
_TABLE = _charset()

#: The name the docs and messages give the 8-bit text charset.
CHARSET = "windows-1252 (Latin-1 where windows-1252 leaves a byte undefined)"

# Bytes that may sit between transmissions: line noise a receiver ignores.
_NOT_FILLER = re.compile(rb"[^ \t\r\n\x0b\x0c\x00\x16\x7f]")
# A byte of text: neither a control character nor a space.  A transmission
# without one is line noise (a run of SOH bytes, SOH ETX EOT debris), not a
# document: reporting each would turn every byte of such input into an error.
_TEXT = re.compile(rb"[^\x00-\x20\x7f]")
# At most this many SYN bytes before SOH belong to its transmission; more are
# line noise, so that a run of SYNs is never held in memory.
_MAX_SYNS = 64

#: A transmission longer than this without EOT is reported rather than
#: buffered further, so that a damaged feed cannot fill memory.
MAX_TRANSMISSION = 8 * 1024 * 1024
#: A number in a header field (a word count) has at most this many digits;
#: a longer one is a ``bad-header`` defect, and the writer refuses it.
MAX_DIGITS = 9

# Control characters that have no place in text: C0 except TAB, DEL, and the
# C1 controls that the undefined cp1252 bytes decode to.  The reader removes
# them (the line splitter has already removed the line ends); the writer
# refuses them, line ends included.
CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")

_CHUNK = 1 << 16
# A header line is shorter than this: no more is read to find the first one.
_LONGEST_HEADER = 4096
# How much of a run of stray text its report quotes from.
_SAMPLE = 40


def decode(data: bytes) -> str:
    """Decode transmission bytes, one character per byte (see :data:`CHARSET`)."""
    return codecs.charmap_decode(data, "strict", _TABLE)[0]


@attrs.frozen
class Transmission:
    """One transmission cut out of the input, as raw bytes with its place."""

    data: bytes
    """From the first SYN or SOH through EOT (or to where it was cut)."""
    offset: int
    """The 0-based byte offset of :attr:`data` in the input."""
    line: int
    """The 1-based line on which it starts."""
    column: int
    """The 1-based column at which it starts."""
    cut: str | None = None
    """Why it has no EOT (a sentence), or ``None`` when it is complete."""
    bare: bool = False
    """Whether it came without control characters (stripped on the way): it
    runs from one header line to the next, and the reader finds its text and
    trailer by their layout."""


def transmissions(
    stream: BinaryIO,
    context: ReadContext,
    label: str,
    *,
    limit: int = MAX_TRANSMISSION,
    bare: re.Pattern[bytes] | None = None,
) -> Iterator[Transmission]:
    """Split *stream* into transmissions, from SOH (and the SYNs before it) through EOT.

    Reads fixed-size chunks, so memory is bounded by the longest
    transmission, not by the input.  Bytes outside any transmission that are
    not line noise, and an input with no transmission at all, are reported
    through *context* (the documents there cannot be read); a transmission
    with no EOT is yielded with :attr:`Transmission.cut` set, for the format to
    report as a defect.  One longer than *limit* bytes without EOT is reported
    as ``too-long`` and skipped up to its end without being held in memory.
    *label* names the format in messages (``"ANPA-1312"``).

    *bare*, when given, matches the first line of a transmission whose
    control characters were stripped on the way (a whole line, with
    :data:`re.MULTILINE`).  An input that opens with such a line, after any
    line noise, is cut before each line it matches instead, and its
    transmissions are :attr:`~Transmission.bare`.
    """
    chunk = stream.read(_CHUNK)
    splitter = _Splitter(context, label, limit)
    if bare is not None:
        # The first line must be whole to be matched: read on until it is.
        while chunk and b"\n" not in chunk[_filler_end(chunk) :] and len(chunk) < _LONGEST_HEADER:
            more = stream.read(_CHUNK)
            if not more:
                break
            chunk += more
        if _opens_bare(chunk, bare):
            splitter = _BareSplitter(context, label, limit, bare)
    while chunk:
        yield from splitter.feed(chunk)
        chunk = stream.read(_CHUNK)
    yield from splitter.close()


def _filler_end(head: bytes) -> int:
    """Where the line noise that opens *head* ends."""
    first = _NOT_FILLER.search(head)
    return len(head) if first is None else first.start()


def _opens_bare(head: bytes, bare: re.Pattern[bytes]) -> bool:
    """Whether *head* opens, after line noise, with a line that *bare* matches."""
    return bare.match(head, _filler_end(head)) is not None


class _Splitter:
    """The state of :func:`transmissions`: where we are, and what is pending."""

    def __init__(self, context: ReadContext, label: str, limit: int) -> None:
        self.context = context
        self.label = label
        self.limit = limit
        self.buffer = bytearray()
        # The input position of buffer[0], and the line it is on.
        self.offset = 0
        self.line = 1
        self.line_start = 0
        # (offset, line, column) of the transmission being read, or None.
        self.start: tuple[int, int, int] | None = None
        # How far into the buffer the current transmission has been searched.
        self.searched = 0
        # Whether the transmission begun is known to hold text.
        self.known = False
        self.found = False
        self.reported = False
        self.discarding = False
        self.junk: tuple[int, int, bytearray] | None = None

    def feed(self, chunk: bytes) -> Iterator[Transmission]:
        """Take the next chunk of input; yield the transmissions it completes."""
        self.buffer.extend(chunk)
        yield from self._scan(final=False)

    def close(self) -> Iterator[Transmission]:
        """The input has ended: yield what is left and report what was not read."""
        yield from self._scan(final=True)
        if self.start is not None:
            cut = f"the input ends before EOT closes the {self.label} transmission"
            transmission = self._emit(len(self.buffer), cut)
            if transmission is not None:
                yield transmission
        self._outside(len(self.buffer))
        self._report_junk()
        if not self.found and not self.reported:
            msg = f"empty input: no {self.label} transmission found"
            self.context.leave_out(EMPTY_INPUT, msg, line=1, column=1)

    def _scan(self, *, final: bool) -> Iterator[Transmission]:
        buffer = self.buffer
        while buffer:
            if self.discarding:
                # The rest of a transmission already reported as too long.
                soh = buffer.find(b"\x01")
                eot = buffer.find(b"\x04", 0, soh if soh >= 0 else len(buffer))
                if eot >= 0:
                    self._advance(eot + 1)
                elif soh >= 0:
                    self._advance(_syn_start(buffer, soh))
                else:
                    self._advance(len(buffer))
                    return
                self.discarding = False
                continue
            if self.start is None:
                soh = buffer.find(b"\x01")
                if soh < 0:
                    # Keep trailing SYNs: the SOH they announce may come in the next chunk.
                    keep = 0 if final else min(len(buffer) - len(buffer.rstrip(b"\x16")), _MAX_SYNS)
                    self._outside(len(buffer) - keep)
                    return
                after = buffer[soh + 1] if soh + 1 < len(buffer) else 0
                # The common case: text right after SOH (a header line).
                known = after > 0x20 and after != 0x7F
                if not known:
                    # Every SOH before the last one ahead of the first byte of
                    # text opens a transmission without text: skip them all at once.
                    text = _TEXT.search(buffer, soh)
                    soh = buffer.rfind(b"\x01", soh, len(buffer) if text is None else text.start())
                begin = _syn_start(buffer, soh) if soh and buffer[soh - 1] == 0x16 else soh
                if begin:
                    self._outside(begin)
                self.start = (self.offset, self.line, self.offset - self.line_start + 1)
                self.searched = soh - begin + 1
                self.known = known
            # The end is the first EOT or SOH; search for EOT only up to the
            # next SOH, so that no byte is searched twice for many transmissions.
            soh = buffer.find(b"\x01", self.searched)
            eot = buffer.find(b"\x04", self.searched, soh if soh >= 0 else len(buffer))
            if eot >= 0:
                transmission = self._emit(eot + 1, None)
            elif soh >= 0:
                cut = f"a new {self.label} transmission starts before EOT closes this one"
                transmission = self._emit(_syn_start(buffer, soh), cut)
            elif len(buffer) > self.limit:
                self._too_long(" without EOT")
                continue
            else:
                self.searched = len(buffer)
                return
            if transmission is not None:
                yield transmission

    def _emit(self, end: int, cut: str | None, *, bare: bool = False) -> Transmission | None:
        """Cut ``buffer[:end]`` off as the transmission begun; ``None`` when it holds no text (line noise)."""
        start = self.start
        assert start is not None
        self.start = None
        if not self.known and _TEXT.search(self.buffer, 0, end) is None:
            self._outside(end)
            return None
        if self.junk is not None:
            self._report_junk()
        offset, line, column = start
        # Two copies of a transmission cost less than entering and leaving
        # a memoryview (which must be released before the buffer shrinks).
        data = bytes(self.buffer[:end])
        self._advance(end)
        self.found = True
        return Transmission(data, offset, line, column, cut, bare)

    def _too_long(self, unclosed: str) -> None:
        """Leave out the transmission begun, over the limit (*unclosed* says what did not end it), and the buffer."""
        assert self.start is not None
        _, line, column = self.start
        self.start = None
        self._advance(len(self.buffer))
        self._report_junk()
        self.reported = True
        self.discarding = True
        msg = f"{self.label} transmission longer than {self.limit} bytes{unclosed}; left out"
        self.context.leave_out(TOO_LONG, msg, line=line, column=column)

    def _advance(self, count: int) -> None:
        """Drop *count* bytes from the buffer, counting the lines they end."""
        buffer = self.buffer
        newlines = buffer.count(b"\n", 0, count)
        if newlines:
            self.line += newlines
            self.line_start = self.offset + buffer.rfind(b"\n", 0, count) + 1
        del buffer[:count]
        self.offset += count

    def _where(self, index: int) -> tuple[int, int, int]:
        """(offset, line, column) of ``buffer[index]``."""
        buffer = self.buffer
        newlines = buffer.count(b"\n", 0, index)
        line, line_start = self.line, self.line_start
        if newlines:
            line += newlines
            line_start = self.offset + buffer.rfind(b"\n", 0, index) + 1
        offset = self.offset + index
        return offset, line, offset - line_start + 1

    def _outside(self, end: int) -> None:
        """Note any text in ``buffer[:end]``, which lies outside every transmission, then drop it."""
        if end <= 0:
            return
        buffer = self.buffer
        if self.junk is not None:
            sample = self.junk[2]
            if len(sample) < _SAMPLE:
                sample.extend(buffer[: min(end, _SAMPLE - len(sample))])
        else:
            match = _NOT_FILLER.search(buffer, 0, end)
            if match is not None:
                index = match.start()
                _, line, column = self._where(index)
                self.junk = (line, column, bytearray(buffer[index : min(end, index + _SAMPLE)]))
        self._advance(end)

    def _report_junk(self) -> None:
        """Report the text seen since the last transmission, if any, as one document left out."""
        if self.junk is None:
            return
        line, column, sample = self.junk
        self.junk = None
        self.reported = True
        text = decode(bytes(sample)).split("\n")[0].strip()
        msg = f"text outside any {self.label} transmission: {text!r}"
        self.context.leave_out(STRAY_TEXT, msg, line=line, column=column)


class _BareSplitter(_Splitter):
    """The state of :func:`transmissions` for input whose control characters were stripped.

    A transmission runs from a line that the *bare* pattern matches to the
    next such line, or to the end of the input.  Only whole lines are
    searched, so that a header line cut by the end of a chunk is found once
    the rest of it has come.
    """

    def __init__(self, context: ReadContext, label: str, limit: int, bare: re.Pattern[bytes]) -> None:
        super().__init__(context, label, limit)
        self.bare = bare
        # Whether buffer[0] is inside a line (the buffer was cut there), where
        # no header line can start.
        self.mid_line = False

    def _drop(self, count: int) -> None:
        """Drop *count* bytes: silently when they belong to a transmission left out, else as stray text."""
        self.mid_line = count > 0 and self.buffer[count - 1] != 0x0A
        if self.discarding:
            self._advance(count)
        else:
            self._outside(count)

    def _scan(self, *, final: bool) -> Iterator[Transmission]:
        buffer = self.buffer
        search = self.bare.search
        while buffer:
            if self.mid_line:
                newline = buffer.find(b"\n")
                self._drop(len(buffer) if newline < 0 else newline + 1)
                if newline < 0:
                    return
                continue
            whole = len(buffer) if final else buffer.rfind(b"\n") + 1
            if self.start is None:
                found = search(buffer, 0, whole)
                if found is None:
                    # A line longer than a chunk holds no header line: drop it as it comes.
                    self._drop(whole if whole or len(buffer) <= _CHUNK else len(buffer))
                    return
                self._drop(found.start())
                self.discarding = False
                self.start = self._where(0)
                self.searched = found.end()
                continue
            found = search(buffer, self.searched, whole) if self.searched < whole else None
            if found is not None:
                transmission = self._emit(found.start(), None, bare=True)
            elif final:
                transmission = self._emit(len(buffer), None, bare=True)
            elif len(buffer) > self.limit:
                self.mid_line = whole < len(buffer)
                self._too_long("")
                continue
            else:
                self.searched = max(self.searched, whole)
                return
            if transmission is not None:
                yield transmission


def _syn_start(buffer: bytearray, soh: int) -> int:
    """Where a transmission whose SOH is at *soh* begins: at the SYNs before it (at most :data:`_MAX_SYNS`)."""
    window = buffer[max(0, soh - _MAX_SYNS) : soh]
    return soh - len(window) + len(window.rstrip(b"\x16"))


class Line(NamedTuple):
    """One line of a transmission, decoded, without its line end.

    A named tuple rather than an attrs class: a transmission makes dozens,
    and a tuple is the cheapest record to build.
    """

    text: str
    number: int
    """The 1-based line number in the input."""
    column: int
    """The 1-based column of ``text[0]`` in the input."""


def _line(text: str, number: int, column: int) -> Line:
    """A :class:`Line`, built in C (the named tuple's own ``__new__`` is Python code)."""
    return tuple.__new__(Line, (text, number, column))


class Lines(Sequence[Line]):
    """Consecutive lines of a transmission: their texts, made into :class:`Line` records only when asked for.

    A transmission has dozens of lines, and most are read for their text
    alone: :attr:`texts` holds it, and indexing, slicing or iterating gives
    :class:`Line` records (and :class:`Lines`) with their places.

    Args:
        texts: The lines' texts, without line ends.
        number: The 1-based line number of the first.
        column: The 1-based column of the first one's first character (the
            others start at column 1).
    """

    __slots__ = ("column", "number", "texts")

    def __init__(self, texts: list[str], number: int, column: int = 1) -> None:
        self.texts = texts
        """The texts of the lines, in order."""
        self.number = number
        """The 1-based line number of the first line."""
        self.column = column
        """The 1-based column at which the first line starts."""

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> Lines: ...

    def __getitem__(self, index: int | slice) -> Line | Lines:
        size = len(self.texts)
        if isinstance(index, slice):
            start, stop, step = index.indices(size)
            if step != 1:
                msg = "Lines slices must be contiguous"
                raise ValueError(msg)
            return Lines(self.texts[start:stop], self.number + start, self.column if start == 0 else 1)
        if index < 0:
            index += size
        if not 0 <= index < size:
            msg = "line index out of range"
            raise IndexError(msg)
        return _line(self.texts[index], self.number + index, self.column if index == 0 else 1)

    def __iter__(self) -> Iterator[Line]:
        number = self.number
        for index, text in enumerate(self.texts):
            yield _line(text, number + index, self.column if index == 0 else 1)

    def __repr__(self) -> str:
        return f"Lines({self.texts!r}, number={self.number}, column={self.column})"


def lines(transmission: Transmission, text: str | None = None) -> list[Line]:
    """Split a transmission into lines at LF, CRLF (and so mixed endings) alike.

    *text* is the transmission decoded, when the caller has decoded it
    otherwise than with :func:`decode` (as UTF-8, say).
    """
    first = transmission.line
    if text is None:
        text = decode(transmission.data)
    parts = text.replace("\r\n", "\n").split("\n") if "\r" in text else text.split("\n")
    if parts[-1].endswith("\r"):
        parts[-1] = parts[-1][:-1]
    # tuple.__new__ builds each Line in C: a transmission makes dozens, and
    # the named tuple's own __new__ is Python code.
    result: list[Line] = list(map(tuple.__new__, repeat(Line), zip(parts, count(first), repeat(1))))
    result[0] = Line(result[0].text, first, transmission.column)
    return result
