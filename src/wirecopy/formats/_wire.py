"""What the two wire-transmission formats (ANPA-1312 and IPTC 7901) share.

Both are byte streams in which control characters carry the structure: SOH
opens a transmission, STX opens its text, ETX closes the text and EOT the
transmission.  This module splits a stream into transmissions at those bytes,
decodes the 8-bit text, and holds the checks the two writers have in common.
It is private: the formats are the API.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, BinaryIO, NamedTuple

import attrs

from .._text import describe
from ..article import Article, Defect
from ..context import ReadContext
from ..errors import WriteError

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


_DECODE = {code: char for code, char in enumerate(_charset()) if char != chr(code)}

#: The name the docs and messages give the 8-bit text charset.
CHARSET = "windows-1252 (Latin-1 where windows-1252 leaves a byte undefined)"

#: Bytes that may sit between transmissions: line noise a receiver ignores.
_FILLER = frozenset(b" \t\r\n\x0b\x0c\x00\x16\x7f")

#: A transmission longer than this without EOT is reported rather than
#: buffered further, so that a damaged feed cannot fill memory.
MAX_TRANSMISSION = 8 * 1024 * 1024

_CHUNK = 1 << 16

# Stray control characters in text: C0 except TAB (and the line ends, which
# the line splitter has removed), DEL, and the C1 controls that the undefined
# cp1252 bytes decode to.
_STRAY = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def decode(data: bytes) -> str:
    """Decode transmission bytes, one character per byte (see :data:`CHARSET`)."""
    return data.decode("latin-1").translate(_DECODE)


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


def transmissions(stream: BinaryIO, context: ReadContext, label: str) -> Iterator[Transmission]:
    """Split *stream* into transmissions, from SOH (and the SYNs before it) through EOT.

    Reads fixed-size chunks, so memory is bounded by the longest
    transmission, not by the input.  Bytes outside any transmission that are
    not line noise, and an input with no transmission at all, are reported
    through *context* (the documents there cannot be read); a transmission
    with no EOT is yielded with :attr:`Transmission.cut` set, for the format to
    report as a defect.
    """
    splitter = _Splitter(context, label)
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        yield from splitter.feed(chunk)
    yield from splitter.close()


class _Splitter:
    """The state of :func:`transmissions`: where we are, and what is pending."""

    def __init__(self, context: ReadContext, label: str) -> None:
        self.context = context
        self.label = label
        self.buffer = bytearray()
        # The input position of buffer[0], and the line it is on.
        self.offset = 0
        self.line = 1
        self.line_start = 0
        # (offset, line, column) of the transmission being read, or None.
        self.start: tuple[int, int, int] | None = None
        # How far into the buffer the current transmission has been searched.
        self.searched = 0
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
            yield self._emit(len(self.buffer), f"the input ends before EOT closes the {self.label} transmission")
        self._outside(len(self.buffer))
        self._report_junk()
        if not self.found and not self.reported:
            msg = f"empty input: no {self.label} transmission found"
            self.context.skip(self.context.error(msg, line=1, column=1, kind="empty-input"))

    def _scan(self, *, final: bool) -> Iterator[Transmission]:
        buffer = self.buffer
        while buffer:
            if self.discarding:
                # The rest of a transmission already reported as too long.
                ends = [at for at in (buffer.find(b"\x04"), buffer.find(b"\x01")) if at >= 0]
                if not ends:
                    self._advance(len(buffer))
                    return
                end = min(ends)
                self._advance(end + 1 if buffer[end] == 0x04 else _syn_start(buffer, end))
                self.discarding = False
                continue
            if self.start is None:
                soh = buffer.find(b"\x01")
                if soh < 0:
                    # Keep trailing SYNs: the SOH they announce may come in the next chunk.
                    keep = 0 if final else len(buffer) - len(buffer.rstrip(b"\x16"))
                    self._outside(len(buffer) - keep)
                    return
                begin = _syn_start(buffer, soh)
                self._outside(begin)
                self._report_junk()
                self.start = self._where(0)
                self.searched = soh - begin + 1
            eot = buffer.find(b"\x04", self.searched)
            soh = buffer.find(b"\x01", self.searched, eot if eot >= 0 else len(buffer))
            if soh >= 0:
                cut = f"a new {self.label} transmission starts before EOT closes this one"
                yield self._emit(_syn_start(buffer, soh), cut)
            elif eot >= 0:
                yield self._emit(eot + 1, None)
            elif len(buffer) > MAX_TRANSMISSION:
                _, line, column = self.start
                self.start = None
                self._advance(len(buffer))
                self.reported = True
                self.discarding = True
                msg = f"{self.label} transmission longer than {MAX_TRANSMISSION} bytes without EOT; left out"
                self.context.skip(self.context.error(msg, line=line, column=column, kind="too-long"))
            else:
                self.searched = len(buffer)
                return

    def _emit(self, end: int, cut: str | None) -> Transmission:
        assert self.start is not None
        offset, line, column = self.start
        data = bytes(self.buffer[:end])
        self._advance(end)
        self.start = None
        self.found = True
        return Transmission(data=data, offset=offset, line=line, column=column, cut=cut)

    def _advance(self, count: int) -> None:
        """Drop *count* bytes from the buffer, counting the lines they end."""
        consumed = self.buffer[:count]
        newlines = consumed.count(b"\n")
        if newlines:
            self.line += newlines
            self.line_start = self.offset + consumed.rfind(b"\n") + 1
        del self.buffer[:count]
        self.offset += count

    def _where(self, index: int) -> tuple[int, int, int]:
        """(offset, line, column) of ``buffer[index]``."""
        head = self.buffer[:index]
        newlines = head.count(b"\n")
        line, line_start = self.line, self.line_start
        if newlines:
            line += newlines
            line_start = self.offset + head.rfind(b"\n") + 1
        offset = self.offset + index
        return offset, line, offset - line_start + 1

    def _outside(self, end: int) -> None:
        """Note any text in ``buffer[:end]``, which lies outside every transmission, then drop it."""
        data = self.buffer[:end]
        if self.junk is not None:
            sample = self.junk[2]
            sample.extend(data[: 40 - len(sample)])
        else:
            for index, byte in enumerate(data):
                if byte not in _FILLER:
                    _, line, column = self._where(index)
                    self.junk = (line, column, bytearray(data[index : index + 40]))
                    break
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
        self.context.skip(self.context.error(msg, line=line, column=column, kind="stray-text"))


def _syn_start(buffer: bytearray, soh: int) -> int:
    """Where a transmission whose SOH is at *soh* begins: at the SYNs before it."""
    begin = soh
    while begin > 0 and buffer[begin - 1] == 0x16:
        begin -= 1
    return begin


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


def lines(transmission: Transmission) -> list[Line]:
    """Split a transmission into lines at LF, CRLF (and so mixed endings) alike."""
    first = transmission.line
    parts = decode(transmission.data).split("\n")
    result = [Line(part[:-1] if part.endswith("\r") else part, first + index, 1) for index, part in enumerate(parts)]
    result[0] = result[0]._replace(column=transmission.column)
    return result


#: The first stray control character of a string, or None: the cheap test
#: before :func:`strip_stray`, which most lines never need.
find_stray = _STRAY.search


def strip_stray(
    text: str, context: ReadContext, defects: list[Defect], found: list[int], *, line: int, column: int
) -> str:
    """Remove stray control characters from *text*, reporting the first of a transmission.

    *found* counts the controls removed so far in the transmission, so that a
    damaged transmission gives one defect rather than hundreds.
    """
    match = _STRAY.search(text)
    if match is None:
        return text
    if not found:
        name = CONTROL_NAMES.get(match.group(), f"0x{ord(match.group()):02x}")
        defects.append(
            context.defect(
                "control-character",
                f"stray control character {name} in the text; removed",
                line=line,
                column=column + match.start(),
            )
        )
    found.append(1)
    return _STRAY.sub("", text)


class Fields:
    """Reads the fields of a fixed-layout header line one by one, reporting the first bad one.

    *report* is called once, with the message and the 0-based index of the
    bad field in the line, and every later read then gives ``None``: after a
    bad field, the position of the next one is unknown.
    """

    def __init__(self, line: Line, start: int, label: str, report: Callable[[str, int], None]) -> None:
        self.text = line.text.rstrip(" \t\r")
        self.at = start
        self.label = label
        self.report = report
        self.failed = False

    def _fail(self, what: str) -> None:
        got = self.text[self.at : self.at + 20]
        shown = "".join(f"<{CONTROL_NAMES[c]}>" if c in CONTROL_NAMES else c for c in got)
        self.report(f"{self.label}: expected {what}, got {shown!r}", self.at)
        self.failed = True

    def take(self, pattern: re.Pattern[str], what: str) -> re.Match[str] | None:
        """Match the next field, or report it."""
        if self.failed:
            return None
        match = pattern.match(self.text, self.at)
        if match is None:
            self._fail(what)
            return None
        self.at = match.end()
        return match

    def rest(self, pattern: re.Pattern[str], what: str) -> re.Match[str] | None:
        """Match the rest of the line, or report it."""
        if self.failed:
            return None
        match = pattern.fullmatch(self.text, self.at)
        if match is None:
            self._fail(what)
        return match


def split_at_etx(text_lines: list[Line]) -> tuple[list[Line], Line | None, list[Line]]:
    """Split the lines after STX into the text, the trailer after ETX, and the lines after it."""
    for index, line in enumerate(text_lines):
        at = line.text.find(ETX)
        if at >= 0:
            text = text_lines[:index]
            if not is_blank(line.text[:at]):
                text = [*text, Line(line.text[:at], line.number, line.column)]
            trailer = Line(line.text[at + 1 :], line.number, line.column + at + 1)
            return text, trailer, text_lines[index + 1 :]
    return text_lines, None, []


def is_blank(text: str) -> bool:
    """Whether a line holds nothing but spaces, tabs and line noise."""
    return not text.strip(" \t\r\x0b\x0c\x7f\x16\x00")


# -- writing ----------------------------------------------------------------


def refuse(article: Article, format_name: str, reason: str) -> WriteError:
    """Build the WriteError for an article the format cannot hold."""
    return WriteError(f"cannot write {describe(article)} as {format_name}: {reason}")


_UNWRITABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def check_text(article: Article, format_name: str, what: str, value: str) -> None:
    """Refuse a value with a line break or a control character (other than TAB)."""
    match = _UNWRITABLE.search(value)
    if match is None:
        return
    char = match.group()
    if char in "\n\r":
        raise refuse(article, format_name, f"its {what} spans lines")
    name = CONTROL_NAMES.get(char, f"U+{ord(char):04X}")
    raise refuse(article, format_name, f"its {what} holds the control character {name}")


def encode(article: Article, format_name: str, text: str) -> bytes:
    """Encode written text in :data:`CHARSET`, refusing what it cannot hold."""
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError as err:
        char = text[err.start]
        raise refuse(
            article, format_name, f"the character {char!r} (U+{ord(char):04X}) has no byte in windows-1252"
        ) from None


def count_words(paragraphs: tuple[str, ...]) -> int:
    """The word count a writer puts in a header when the article gives none."""
    return sum(len(paragraph.split()) for paragraph in paragraphs)


def header_value(extra: Mapping[str, Any], key: str, default: Any) -> Any:
    """A header field from ``extra``; an absent or ``None`` value takes *default*."""
    value = extra.get(key)
    return default if value is None else value


def header_field(article: Article, format_name: str, key: str, value: Any, pattern: re.Pattern[str]) -> str:
    """*value*, checked to fit its fixed header field, else the WriteError saying so."""
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise refuse(article, format_name, f"its {key} {value!r} does not fit the header field")
    return value


def header_from(
    article: Article, format_name: str, extra: Mapping[str, Any], key: str, default: str, pattern: re.Pattern[str]
) -> str:
    """The header field *key* from ``extra`` (or *default*), checked to fit its field."""
    return header_field(article, format_name, key, header_value(extra, key, default), pattern)


def trailer_time(article: Article, format_name: str) -> _dt.datetime:
    """The trailer's time: ``published`` in GMT, to the minute (seconds dropped, not rounded).

    Raises:
        WriteError: ``published`` is not an aware datetime, or its year does
            not fit the trailer's two digits (1969-2068).
    """
    published = article.published
    if not isinstance(published, _dt.datetime) or published.utcoffset() is None:
        raise refuse(article, format_name, "the trailer needs published as a datetime with a zone")
    gmt = published.astimezone(_dt.timezone.utc).replace(second=0, microsecond=0)
    if not 1969 <= gmt.year <= 2068:
        raise refuse(article, format_name, f"the trailer's two-digit year cannot hold {gmt.year}")
    return gmt
