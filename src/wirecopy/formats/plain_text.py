"""Plain text: a headline line, then the body, as the BBC News set has it.

The layout (see ``docs/formats/plain-text.md``)::

    Ad sales boost Time Warner profit

    Quarterly profits at US media giant TimeWarner jumped 76% to ...

    The firm, which is now one of the biggest investors in Google, ...

The first non-blank line is the headline.  The body either has blank lines
between paragraphs, and then each run of lines is one paragraph (hard-wrapped
text, or one sentence per line as in tokenized Gigaword dumps), or it has none,
and then each line is a paragraph.  A wire dateline that opens the body is
split off.  Articles in one file are separated by a line holding only a form
feed.

This is the format to name when nothing else fits: it reads any text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from .._text import blocks, collect, decode, describe, report_control, take_dateline
from ..article import Article, Defect
from ..context import ReadContext
from ..errors import WriteError
from ..registry import Format

__all__ = ["PlainTextFormat"]

# What a headline line looks like for sniffing: a short line of text.  Real
# headlines run to about 100 characters; 160 leaves room without taking the
# long first paragraph of a headline-less story for one.
_MAX_HEADLINE = 160
# Bytes that no plain text has: C0 controls other than tab, LF, FF and CR.
_BINARY = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Openings that belong to a structured format: markup, JSON, an rnews batch.
_STRUCTURED_START = re.compile(rb"[<{\[]|#!")
# A header field, "Name: value" with no space before the colon.
_FIELD = re.compile(rb"[!-9;-~]+:")
_HIGHLIGHT = re.compile(rb"(?m)^@highlight[ \t]*\r?$")
_FEED = b"\x0c"


class PlainTextFormat(Format):
    """Plain text with the headline on the first line and paragraphs after it.

    Reads the headline, the paragraphs (one per line, or separated by blank
    lines: whichever the text uses) and a dateline at the head of the body.
    Writes the canonical layout: ``dumps(loads(x)) == x`` for a file in it.

    .. versionadded:: 0.1
    """

    name = "plain-text"
    aliases = ("text", "plaintext")
    extensions = (".txt",)
    description = "Plain text: a headline line, a blank line, then paragraphs (BBC News style)"
    url = None
    version_added = "0.1"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Score a short first line over paragraphs; modest, so any structured format wins.

        0.5 for a headline line followed by a blank line and more text;
        0.0 for anything else, so that text of another shape is left to the
        user to name.
        """
        if not head.strip() or _BINARY.search(head) or _HIGHLIGHT.search(head):
            return 0.0
        rest = head.lstrip(b"\xef\xbb\xbf")
        stripped = rest.lstrip(b" \t\r\n")
        if _STRUCTURED_START.match(stripped):
            return 0.0
        # Up to three blank lines may lead (the Gigaword dumps have two).
        if rest[: len(rest) - len(stripped)].count(b"\n") > 3:
            return 0.0
        lines = stripped.split(b"\n", 3)
        if len(lines) < 3:
            return 0.0
        title, gap, body = lines[0].rstrip(b"\r"), lines[1], lines[2]
        if gap.strip() and _FIELD.match(title):
            return 0.0  # a header block, as in e-mail and Usenet
        if len(title.decode("utf-8", "replace")) <= _MAX_HEADLINE and not gap.strip() and body.strip():
            return 0.5
        return 0.0

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield one article per form-feed-separated part of the input."""
        part: list[bytes] = []
        start_line = line = 1
        start_offset = offset = 0
        seen = False
        for raw in stream:
            if raw.strip(b" \t\r\n") == _FEED:
                if any(chunk.strip() for chunk in part):
                    seen = True
                    yield from self._part(part, start_line, start_offset, context)
                part = []
                start_line, start_offset = line + 1, offset + len(raw)
            else:
                part.append(raw)
            line += 1
            offset += len(raw)
        if any(chunk.strip() for chunk in part):
            seen = True
            yield from self._part(part, start_line, start_offset, context)
        if not seen:
            context.skip(context.error("empty input: no text found", line=1, column=1, kind="empty-input"))

    def _part(self, part: list[bytes], first_line: int, offset: int, context: ReadContext) -> Iterator[Article]:
        article = self._article(part, first_line, offset, context)
        if article is None:
            # Bytes, but no text once decoded: a byte-order mark, or spaces
            # that only Unicode calls spaces.
            context.skip(context.error("no text in the document", line=first_line, column=1, kind="empty-input"))
        else:
            yield article

    def _article(self, part: list[bytes], first_line: int, offset: int, context: ReadContext) -> Article | None:
        defects: list[Defect] = []
        text = decode(b"".join(part), collect(context, defects), line=first_line)
        if offset == 0:
            text = text.removeprefix("\ufeff")
        report_control(text, collect(context, defects), line=first_line)
        # split("\n"), not splitlines(): the latter also breaks at form feeds,
        # vertical tabs and U+2028, which would put line numbers off.
        lines = [line.rstrip("\r") for line in text.split("\n")]
        found_runs = blocks(lines, first_line)
        if not found_runs:
            return None
        (_, first_run), *runs = found_runs
        headline = first_run[0].strip()
        body = [run for _, run in runs]
        if len(first_run) > 1:
            # Paragraph lines straight under the headline, with no blank line.
            body.insert(0, first_run[1:])
        paragraphs = _paragraphs(body)
        dateline = take_dateline(paragraphs)
        return Article(
            format=self.name,
            headline=headline,
            dateline=dateline,
            paragraphs=paragraphs,
            origin=context.origin(line=first_line, offset=offset),
            defects=defects,
        )

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write the canonical layout, UTF-8, with a form-feed line between articles.

        The headline, a blank line, then each paragraph on one line with a
        blank line between paragraphs, and a newline at the end.  Line breaks
        inside a paragraph are written as single spaces.  Only the headline,
        the dateline and the paragraphs are written.

        Raises:
            WriteError: An article has no headline, or its headline spans lines.
        """
        first = True
        for article in articles:
            if not first:
                stream.write(b"\x0c\n")
            first = False
            stream.write(_render(article).encode("utf-8"))


def _paragraphs(runs: list[list[str]]) -> list[str]:
    """One paragraph per run when runs are separated by blank lines, else one per line."""
    if not runs:
        return []
    if len(runs) == 1:
        return [line.strip() for line in runs[0]]
    return [" ".join(line.strip() for line in run) for run in runs]


def _render(article: Article) -> str:
    headline = (article.headline or "").strip()
    if not headline:
        msg = f"cannot write {describe(article)} as plain-text: it has no headline for the first line"
        raise WriteError(msg)
    if _LINE_BREAK.search(headline):
        msg = f"cannot write {describe(article)} as plain-text: its headline spans lines"
        raise WriteError(msg)
    paragraphs = [_one_line(p) for p in article.paragraphs]
    paragraphs = [p for p in paragraphs if p]
    if article.dateline is not None:
        head = paragraphs.pop(0) if paragraphs else ""
        paragraphs.insert(0, f"{_one_line(article.dateline.text)} {head}".strip())
    return "\n\n".join([headline, *paragraphs]) + "\n"


_LINE_BREAK = re.compile(r"\n")
_SPACES = re.compile(r"\s*\n\s*")


def _one_line(text: str) -> str:
    """Join the lines of *text* with single spaces, as the reader would."""
    return _SPACES.sub(" ", text).strip()
