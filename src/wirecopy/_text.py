"""Small text helpers shared by the built-in formats."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from typing import BinaryIO

from .article import Article, Dateline
from .context import Report
from .datelines import find_dateline
from .defects import CONTROL_CHARACTER, NOT_UTF8
from .kit import _framing

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


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
        text, codec = fallback(data)
        report(
            NOT_UTF8,
            f"byte 0x{data[err.start]:02x} is not UTF-8; the document was decoded as {codec}",
            line=bad_line,
            column=column,
        )
        return text


def fallback(data: bytes) -> tuple[str, str]:
    """Decode bytes not in the expected charset as cp1252, else Latin-1 (which takes anything); name the codec used."""
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def find_control(text: str) -> re.Match[str] | None:
    """Return the first control character other than tab, newline, CR and FF."""
    return _CONTROL.search(text)


def position(text: str, index: int, first_line: int = 1) -> tuple[int, int]:
    """Return the 1-based (line, column) of *index* in *text*."""
    line = first_line + text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def blocks(text: str, first_line: int = 1, *, carriage_returns: str = "all") -> Iterator[tuple[int, str]]:
    """Yield the runs of lines of *text* that blank (whitespace-only) lines separate.

    Lines break at ``"\\n"`` only.  Each run is yielded as ``(line, run)``:
    *line* is the 1-based number of its first line, counting the first line
    of *text* as *first_line*, and *run* its lines joined with ``"\\n"``,
    each without the carriage returns that end it (*carriage_returns*
    ``"all"``) or without one (``"one"``).  A run is a number and a string,
    which the garbage collector does not track.  A long text is searched
    rather than split into a list of lines, so that one of millions of tiny
    lines takes memory and time in proportion to its size; a short one is
    split, which is faster.
    """
    once = carriage_returns == "one"
    if len(text) <= _SEARCH_FROM:
        return iter(_split_runs(text, first_line, once))
    return _searched_runs(text, first_line, once)


# How long a text is before blocks() searches it rather than split it.
_SEARCH_FROM = 1 << 16


def _split_runs(text: str, first_line: int, once: bool) -> list[tuple[int, str]]:
    """blocks() by a list of lines."""
    lines = text.split("\n")
    if "\r" in text:
        lines = [line.removesuffix("\r") for line in lines] if once else [line.rstrip("\r") for line in lines]
    runs: list[tuple[int, str]] = []
    start = -1
    for index, line in enumerate(lines):
        if line.strip():
            if start < 0:
                start = index
        elif start >= 0:
            runs.append((first_line + start, "\n".join(lines[start:index])))
            start = -1
    if start >= 0:
        runs.append((first_line + start, "\n".join(lines[start:])))
    return runs


def _searched_runs(text: str, first_line: int, once: bool) -> Iterator[tuple[int, str]]:
    """blocks() by a search for blank lines, one run at a time."""
    count = text.count
    counted = 0  # text is counted up to here ...
    line = first_line  # ... where this line starts
    start = 0  # where the run being looked at starts
    blank = _BLANK_FIRST.match(text)
    if blank is not None:
        start = blank.end()
    for match in _BLANK_AFTER.finditer(text, start - 1 if start else 0):
        end = match.start()
        if end > start:
            line += count("\n", counted, start)
            counted = start
            run = text[start:end]
            yield line, _run(run, once) if "\r" in run else run
        start = end + len(match.group(1)) + 2
    if start < len(text):
        line += count("\n", counted, start)
        run = text[start:]
        yield line, _run(run, once) if "\r" in run else run


# A newline before a blank line (group 1: its text), and a blank first line.
_BLANK_AFTER = re.compile(r"\n(?=([^\S\n]*)(?:\n|\Z))")
_BLANK_FIRST = re.compile(r"[^\S\n]*(?:\n|\Z)")


def _run(text: str, once: bool) -> str:
    """The lines of a run without the carriage returns that end them."""
    if once:
        return "\n".join(line.removesuffix("\r") for line in text.split("\n"))
    return "\n".join(line.rstrip("\r") for line in text.split("\n"))


def report_control(text: str, report: Report, *, line: int) -> bool:
    """Report the first control character of *text* (whose first line is *line*), if any; say whether there was one."""
    found = _CONTROL.search(text)
    if found is None:
        return False
    where, column = position(text, found.start(), line)
    report(CONTROL_CHARACTER, f"control character {found.group()!r} in text", line=where, column=column)
    return True


def stream_blocks(stream: BinaryIO, chunk_size: int = 1 << 16) -> Iterator[tuple[bytes, int, int]]:
    """Yield the blank-line-separated blocks of a byte stream, reading it in chunks.

    A block is a maximal run of lines (split on ``\\n`` only) that are not
    blank, a blank line being one that ``bytes.strip()`` empties.  Each is
    yielded as ``(data, line, offset)``: its bytes, newlines included, the
    1-based number of its first line, and the byte offset where it starts.
    Memory holds one chunk and one block, whatever the size of the input,
    and the time is linear in it.  :class:`wirecopy.kit.text.TextFormat`
    reads the same blocks with a size limit.
    """
    for part in _framing.split(stream, _BLANK_LINE, _BLANK_FIRST_LINE, None, chunk_size):
        yield part.data, part.line, part.offset


_BLANK_LINE = re.compile(rb"\n(?=([ \t\r\x0b\x0c]*\n))")
_BLANK_FIRST_LINE = re.compile(rb"[ \t\r\x0b\x0c]*\n")


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


# What may follow "@highlight" on its line.
_HIGHLIGHT_END = re.compile(rb"[ \t]*\r?(?:\n|\Z)")
_HIGHLIGHT = b"@highlight"


def highlight_line(head: bytes) -> bool:
    """Whether *head* has a line that is ``@highlight`` (white space after it allowed): the CNN/Daily Mail mark.

    Found with ``bytes.find``: a pattern anchored at each line start (``(?m)^``)
    is tried at every byte, and costs more than all the rest of detection.
    """
    if b"@" not in head:  # memchr: the quickest no
        return False
    at = head.find(_HIGHLIGHT)
    while at >= 0:
        if (at == 0 or head[at - 1] == 0x0A) and _HIGHLIGHT_END.match(head, at + len(_HIGHLIGHT)):
            return True
        at = head.find(_HIGHLIGHT, at + len(_HIGHLIGHT))
    return False


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
