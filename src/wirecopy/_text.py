"""Small text helpers shared by the built-in formats."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from typing import BinaryIO, Protocol

from .article import Article, Dateline, Defect
from .context import ReadContext
from .datelines import find_dateline
from .defects import CONTROL_CHARACTER, NOT_UTF8

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class Report(Protocol):
    """Where a helper reports a defect: :meth:`wirecopy.context.Document.defect`, typically."""

    def __call__(self, kind: str, message: str, *, line: int | None = ..., column: int | None = ...) -> None:
        """Report a problem of *kind* at *line* and *column*."""


def collect(context: ReadContext, defects: list[Defect]) -> Report:
    """A :class:`Report` that appends to *defects*: for formats that do not use a Document yet."""

    def report(kind: str, message: str, *, line: int | None = None, column: int | None = None) -> None:
        defects.append(context.defect(kind, message, line=line, column=column))

    return report


def decode(data: bytes, report: Report, *, line: int) -> str:
    """Decode UTF-8, falling back to cp1252 (then Latin-1) with a defect.

    Latin-1 labels often hide cp1252 bytes (curly quotes at 0x91-0x94), so
    cp1252 is tried first; Latin-1 decodes anything, so nothing is lost.
    The defect goes to *report* (a document's :meth:`~wirecopy.context.Document.defect`).
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad_line = line + data.count(b"\n", 0, err.start)
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        try:
            text, codec = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, codec = data.decode("latin-1"), "latin-1"
        report(
            NOT_UTF8,
            f"byte 0x{data[err.start]:02x} is not UTF-8; the document was decoded as {codec}",
            line=bad_line,
            column=column,
        )
        return text


def find_control(text: str) -> re.Match[str] | None:
    """Return the first control character other than tab, newline, CR and FF."""
    return _CONTROL.search(text)


def position(text: str, index: int, first_line: int = 1) -> tuple[int, int]:
    """Return the 1-based (line, column) of *index* in *text*."""
    line = first_line + text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def blocks(lines: list[str], first_line: int = 1) -> list[tuple[int, list[str]]]:
    """Group *lines* into runs separated by blank (whitespace-only) lines.

    Returns ``(line, lines)`` pairs, *line* being the 1-based line number of
    the run's first line, counting *lines[0]* as *first_line*.
    """
    runs: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    for number, text in enumerate(lines, first_line):
        if text.strip():
            if current is None:
                current = []
                runs.append((number, current))
            current.append(text)
        else:
            current = None
    return runs


def report_control(text: str, report: Report, *, line: int) -> bool:
    """Report the first control character of *text* (whose first line is *line*), if any; say whether there was one."""
    found = _CONTROL.search(text)
    if found is None:
        return False
    where, column = position(text, found.start(), line)
    report(CONTROL_CHARACTER, f"control character {found.group()!r} in text", line=where, column=column)
    return True


# A blank line holds nothing but ASCII whitespace (what bytes.strip()
# removes) before its newline.  It is found from the newline before it: a
# pattern that starts with a literal is searched for at C speed, where one
# that starts with "^" is tried at every byte.  The lookahead lets blank
# lines follow each other.
_BLANK_LINE = re.compile(rb"\n(?=([ \t\r\x0b\x0c]*\n))")
_BLANK_FIRST_LINE = re.compile(rb"[ \t\r\x0b\x0c]*\n")


def stream_blocks(stream: BinaryIO, chunk_size: int = 1 << 16) -> Iterator[tuple[bytes, int, int]]:
    """Yield the blank-line-separated blocks of a byte stream, reading it in chunks.

    A block is a maximal run of lines (split on ``\\n`` only) that are not
    blank, a blank line being one that ``bytes.strip()`` empties.  Each is
    yielded as ``(data, line, offset)``: its bytes, newlines included, the
    1-based number of its first line, and the byte offset where it starts.
    Memory holds one chunk and one block, whatever the size of the input;
    the work per line is done by C code (a regular expression over the
    chunk), not by a Python loop.
    """
    parts: list[bytes] = []  # a block that runs on from the chunk before
    start_line = start_offset = 0
    line, offset = 1, 0  # at the start of the current chunk
    rest = b""
    while True:
        chunk = stream.read(chunk_size)
        if not chunk:
            break
        data = rest + chunk if rest else chunk
        cut = data.rfind(b"\n") + 1
        if not cut:
            rest = data
            continue
        buffer, rest = data[:cut], data[cut:]
        count = buffer.count
        pos = counted = 0
        counted_line = line
        first = _BLANK_FIRST_LINE.match(buffer)
        if first is not None:
            # The chunk opens with a blank line: it ends a block carried over.
            if parts:
                yield b"".join(parts), start_line, start_offset
                parts = []
            pos = first.end()
        # From the newline before pos, so that a blank line at pos is found.
        for blank in _BLANK_LINE.finditer(buffer, pos - 1 if pos else 0):
            start, end = blank.span(1)
            if start > pos:
                if parts:
                    parts.append(buffer[pos:start])
                    yield b"".join(parts), start_line, start_offset
                    parts = []
                else:
                    counted_line += count(b"\n", counted, pos)
                    counted = pos
                    yield buffer[pos:start], counted_line, offset + pos
            elif parts:
                yield b"".join(parts), start_line, start_offset
                parts = []
            pos = end
        if pos < cut:
            if not parts:
                start_line, start_offset = counted_line + count(b"\n", counted, pos), offset + pos
            parts.append(buffer[pos:])
        line = counted_line + count(b"\n", counted)
        offset += cut
    # The last line, when the input does not end with a newline.
    if rest.strip():
        if not parts:
            start_line, start_offset = line, offset
        parts.append(rest)
    if parts:
        yield b"".join(parts), start_line, start_offset


# Every ASCII control character but tab and newline: the control characters
# find_control() reports, and the line breaks other than "\n" that
# str.splitlines() honours ("\r", "\x0b", "\x0c", "\x1c"-"\x1e").
_NOT_PLAIN = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])


def plain_lines(data: bytes, text: str) -> bool:
    """Whether *text*, decoded from *data*, breaks lines with ``"\\n"`` only and has no control character.

    Such text can be cut into lines with ``str.split("\\n")`` and needs no
    :func:`find_control`.  The test runs at C speed on the bytes (a
    translate, no regular expression), then looks for the three non-ASCII
    line breaks in the text only when it is not ASCII.
    """
    if len(data.translate(None, _NOT_PLAIN)) != len(data):
        return False
    return data.isascii() or not ("\x85" in text or "\u2028" in text or "\u2029" in text)


def describe(article: Article) -> str:
    """Name an article in a message: by its id, else its headline, else "an article"."""
    if article.id:
        return f"article {article.id!r}"
    if article.headline:
        return f"article {article.headline[:40]!r}"
    return "an article"


def take_dateline(paragraphs: list[str], reference: _dt.date | None = None) -> Dateline | None:
    """Split the dateline off the head of the story, in place, and return it.

    The dateline is looked for as :func:`~wirecopy.datelines.find_dateline`
    does: in the first paragraph, or past a byline, a note or a teaser.  Its
    paragraph keeps what follows the dateline, or goes when nothing but
    whitespace follows.  *reference* (a date or a datetime) gives a year-less
    dateline date its year.
    """
    found = find_dateline(paragraphs, reference=reference)
    if found is None:
        return None
    index, dateline, rest = found
    rest = rest.strip()
    if rest:
        paragraphs[index] = rest
    else:
        del paragraphs[index]
    return dateline
