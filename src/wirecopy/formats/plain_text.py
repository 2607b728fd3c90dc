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

import itertools
import re
from collections.abc import Iterator

from .._text import highlight_line
from ..article import Article
from ..context import Document
from ..defects import EMPTY_INPUT
from ..kit.text import Part, TextFormat, line_runs, one_line, take_dateline

__all__ = ["PlainTextFormat"]

# What a headline line looks like for sniffing: a short line of text.  Real
# headlines run to about 100 characters; 160 leaves room without taking the
# long first paragraph of a headline-less story for one.
_MAX_HEADLINE = 160
# Bytes that no plain text has: C0 controls other than tab, LF, FF and CR.
_BINARY = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
# Openings that belong to a structured format: markup, JSON, an rnews batch.
_STRUCTURED_START = re.compile(rb"[<{\[]|#!")
# A header field, "Name: value" with no space before the colon.
_FIELD = re.compile(rb"[!-9;-~]+:")


def _binary(head: bytes) -> bool:
    """Whether *head* holds a byte of :data:`_BINARY` (a translate runs at C speed; a pattern's class does not)."""
    return len(head.translate(None, _BINARY)) != len(head)


class PlainTextFormat(TextFormat):
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
    # A line holding only a form feed separates articles.
    separator_line = rb"[ \t\r]*\x0c[ \t\r]*"
    write_separator = b"\x0c\n"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Score a short first line over paragraphs; modest, so any structured format wins.

        0.5 for a headline line followed by a blank line and more text;
        0.0 for anything else, so that text of another shape is left to the
        user to name.
        """
        # The shape first: it turns most inputs down at once, where the
        # searches of the whole head for binary bytes and highlights cost
        # more than the rest of detection together.
        rest = head.lstrip(b"\xef\xbb\xbf")
        stripped = rest.lstrip(b" \t\r\n")
        if not stripped or _STRUCTURED_START.match(stripped):
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
        if len(title.decode("utf-8", "replace")) > _MAX_HEADLINE or gap.strip() or not body.strip():
            return 0.0
        if highlight_line(head) or _binary(head):
            return 0.0
        return 0.5

    def parse(self, part: Part, document: Document) -> Article | None:
        """Read one form-feed-separated part: the headline line, then paragraphs."""
        runs = line_runs(part, document)
        first = next(runs, None)
        if first is None:
            # Bytes, but no text once decoded: a byte-order mark, or spaces
            # that only Unicode calls spaces.
            document.leave_out(EMPTY_INPUT, "no text in the document", line=part.line, column=1)
            return None
        headline, newline, under = first[1].partition("\n")
        # Paragraph lines straight under the headline, with no blank line.
        paragraphs = _paragraphs(itertools.chain([(0, under)], runs) if newline else runs)
        dateline = take_dateline(paragraphs)
        return document.article(format=self.name, headline=headline.strip(), dateline=dateline, paragraphs=paragraphs)

    def render(self, article: Article) -> str:
        """The canonical layout, UTF-8; a form-feed line goes between articles.

        The headline, a blank line, then each paragraph on one line with a
        blank line between paragraphs, and a newline at the end.  Line breaks
        inside a paragraph are written as single spaces.  Only the headline,
        the dateline and the paragraphs are written.

        Raises:
            WriteError: An article has no headline, or its headline spans lines.
        """
        headline = (article.headline or "").strip()
        if not headline:
            raise self.refuse(article, "it has no headline for the first line")
        if "\n" in headline:
            raise self.refuse(article, "its headline spans lines")
        paragraphs = [one_line(p) for p in article.paragraphs]
        paragraphs = [p for p in paragraphs if p]
        if article.dateline is not None:
            head = paragraphs.pop(0) if paragraphs else ""
            paragraphs.insert(0, f"{one_line(article.dateline.text)} {head}".strip())
        return "\n\n".join([headline, *paragraphs]) + "\n"


def _paragraphs(runs: Iterator[tuple[int, str]]) -> list[str]:
    """One paragraph per run when runs are separated by blank lines, else one per line."""
    first = next(runs, None)
    if first is None:
        return []
    second = next(runs, None)
    if second is None:
        return [line.strip() for line in first[1].split("\n")]
    return [one_line(first[1]), one_line(second[1]), *[one_line(run) for _, run in runs]]
