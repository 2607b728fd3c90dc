"""Small text helpers shared by the built-in formats."""

from __future__ import annotations

import re

from .article import Defect
from .context import ReadContext

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes, context: ReadContext, defects: list[Defect], *, line: int) -> str:
    """Decode UTF-8, falling back to cp1252 (then Latin-1) with a defect.

    Latin-1 labels often hide cp1252 bytes (curly quotes at 0x91-0x94), so
    cp1252 is tried first; Latin-1 decodes anything, so nothing is lost.
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
        defects.append(
            context.defect(
                "not-utf8",
                f"byte 0x{data[err.start]:02x} is not UTF-8; the document was decoded as {codec}",
                line=bad_line,
                column=column,
            )
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


def control_defect(text: str, context: ReadContext, *, line: int) -> Defect | None:
    """Report the first control character of *text* (whose first line is *line*), if any."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    where, column = position(text, found.start(), line)
    return context.defect(
        "control-character", f"control character {found.group()!r} in text", line=where, column=column
    )
