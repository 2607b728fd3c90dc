"""The CNN.com story dump with wire copy: ``CNN.com -  Headline - December 30, 2000``.

The layout (see ``docs/formats/cnn-reuters.md``)::

    CNN.com -  Russia plans U.S. missile talks - December 30, 2000
    moscow, russia (reuters) -- russia plans to move swiftly to establish a
       "serious dialogue" with u.s. president-elect george w. bush and his

Line 1 is ``SITE - Headline - Month D, YYYY``; the body opens with a wire
dateline, and each paragraph's continuation lines carry a three-space hanging
indent, as ``lynx -dump`` writes them.  Articles in one file are separated by
a blank line.
"""

from __future__ import annotations

import datetime as _dt
import re
import textwrap
from typing import Any

from .._text import plain_lines
from ..article import Article
from ..context import Document
from ..dates import format_date
from ..defects import BAD_HEADER, MISSING_DATE
from ..kit.text import Part, TextFormat, decode_part, report_control, take_dateline

__all__ = ["CNNReutersFormat"]

# Runs of spaces are tolerated: the seed has two after "CNN.com -".  The
# lookbehind starts a match only at the first blank of a run, so that a long
# run without a dash is scanned once, not once from each of its blanks; a
# leading class keeps the fast search for where a match may start.
_SEPARATOR = re.compile(r"[ \t](?<![ \t][ \t])[ \t]*-[ \t]+")
_HEADER_SHAPE = re.compile(
    rb"\A\s*[^\s<{][^\n]{0,200}?[ \t]-[ \t][^\n]*[ \t]-[ \t]+[A-Za-z]+\.? \d{1,2}, \d{4}[ \t]*(?:\r?\n|\Z)"
)
_LEADING_SPACE = re.compile(rb"\s*")
_DATELINE_HINT = re.compile(rb"\n[^\n]{0,60}\([A-Za-z][^()\n]{0,30}\) ?(?:--|\xe2\x80\x94|_|-) ")
_INDENT = "   "
_WIDTH = 73


class CNNReutersFormat(TextFormat):
    """CNN.com story pages of 2000-2001 carrying wire copy, as text dumps.

    Reads the header into :attr:`~wirecopy.Article.source`,
    :attr:`~wirecopy.Article.headline` and
    :attr:`~wirecopy.Article.published` (a date), splits the dateline off the
    body, and joins the wrapped lines into paragraphs.  Writes the same
    layout: ``dumps(loads(seed), "cnn-reuters")`` gives the seed back byte
    for byte.

    .. versionadded:: 0.1
    """

    name = "cnn-reuters"
    aliases = ("cnn",)
    extensions = (".txt",)
    description = "CNN.com story text with a 'SITE - Headline - Month D, YYYY' header (2000-2001)"
    url = None
    version_added = "0.1"
    # Articles are separated by a blank line: the default framing.
    empty_message = "no cnn-reuters header found"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Score the header line, and a dateline on the line after it."""
        # The header line ends with a year: a look at its end turns most
        # text down before the pattern, which backtracks over a long line.
        start = _LEADING_SPACE.match(head).end()  # type: ignore[union-attr]
        end = head.find(b"\n", start)
        line = head[start:] if end < 0 else head[start:end]
        if not line.rstrip(b" \t\r")[-4:].isdigit() or not _HEADER_SHAPE.match(head):
            return 0.0
        return 0.9 if _DATELINE_HINT.search(head, 0, 400) else 0.6

    def parse(self, part: Part, document: Document) -> Article:
        """Read one blank-line-separated block: the header line, then the body."""
        first_line = part.line
        text = decode_part(part, document)
        if plain_lines(part.data, text):
            # Only "\n" breaks lines and nothing needs reporting: work on the
            # whole text with C string methods, not a Python loop over lines,
            # and with as few copies of it as can be (it may be megabytes).
            end = len(text) - text.endswith("\n")
            newline = text.find("\n", 0, end)
            if newline < 0:
                header, body = text[:end], ""
            else:
                header, body = text[:newline], text[newline + 1 : end]
            del text
            paragraphs = _fast_paragraphs(body) if body else []
        else:
            lines = text.splitlines() or [""]
            header = lines[0]
            paragraphs = _paragraphs(lines[1:])
            # Placed in the text as read, whose lines break at "\n" only, as
            # the file's do (splitlines() breaks at more).
            report_control(text, document, line=first_line)
        source, headline, published, extra = _header(header.rstrip(), first_line, document)
        dateline = take_dateline(paragraphs, published)
        return document.article(
            format=self.name,
            source=source,
            headline=headline,
            published=published,
            dateline=dateline,
            paragraphs=paragraphs,
            extra=extra,
        )

    def render(self, article: Article) -> str:
        """The canonical layout: header, body wrapped at 73 columns; a blank line goes between articles.

        A time of day in :attr:`~wirecopy.Article.published` is not written:
        the header holds a date.  Whitespace inside paragraphs is written as
        single spaces, as wrapping requires.

        Raises:
            WriteError: An article has no source, headline or date, or one
                of them spans lines.
        """
        if not article.source or not article.headline or article.published is None:
            missing = [name for name in ("source", "headline", "published") if not getattr(article, name)]
            raise self.refuse(article, f"no {', '.join(missing)} for the header")
        for name in ("source", "headline"):
            value = getattr(article, name)
            if "\n" in value or "\r" in value:
                raise self.refuse(article, f"its {name} spans lines")
        if _SEPARATOR.search(article.source):
            raise self.refuse(article, f"its source {article.source!r} contains ' - '")
        published = article.published
        if isinstance(published, _dt.datetime):
            published = published.date()
        lines = [f"{article.source} -  {article.headline.strip()} - {format_date(published, 'us-long')}"]
        paragraphs = list(article.paragraphs)
        if article.dateline is not None:
            head = paragraphs.pop(0) if paragraphs else ""
            paragraphs.insert(0, f"{article.dateline.text} {head}".strip())
        for paragraph in paragraphs:
            if paragraph.strip():
                lines.append(
                    textwrap.fill(
                        paragraph,
                        _WIDTH,
                        subsequent_indent=_INDENT,
                        break_on_hyphens=False,
                        break_long_words=False,
                    )
                )
        return "\n".join(lines)


def _header(
    header: str, line: int, document: Document
) -> tuple[str | None, str | None, _dt.date | None, dict[str, Any]]:
    """Split ``SITE - Headline - Month D, YYYY`` from the right: the headline keeps its own ' - '."""
    first = last = None
    for last in _SEPARATOR.finditer(header):
        first = first or last
    if first is None or last is None:
        document.defect(
            BAD_HEADER,
            "Header is not 'SITE - Headline - Month D, YYYY'",
            line=line,
            column=1,
            snippet=header[:80],
        )
        return None, header.strip() or None, None, {}
    source = header[: first.start()].strip()
    if last is first:
        document.defect(MISSING_DATE, "Missing date in header", line=line, column=len(header) + 1)
        return source, header[first.end() :].strip(), None, {}
    headline = header[first.end() : last.start()].strip()
    date_text = header[last.end() :]
    published = document.date(date_text, line=line, column=last.end() + 1)
    if published is None:
        # Keep what could not be read, rather than drop it.
        return source, headline, None, {"header_date": date_text}
    if isinstance(published, _dt.datetime):
        published = published.date()
    return source, headline, published, {}


# A line that does not start with whitespace starts a paragraph ("\s" is
# str.isspace(), as in _paragraphs).
_PARAGRAPH_START = re.compile(r"\n(?=\S)")


def _fast_paragraphs(body: str) -> list[str]:
    """_paragraphs for text whose only line break is "\n", without a Python loop per line."""
    return [" ".join(map(str.strip, chunk.split("\n"))) for chunk in _PARAGRAPH_START.split(body)]


def _paragraphs(lines: list[str]) -> list[str]:
    """Join hanging-indent lines: an unindented line starts a paragraph."""
    paragraphs: list[list[str]] = []
    for text in lines:
        if text[:1].isspace() and paragraphs:
            paragraphs[-1].append(text.strip())
        else:
            paragraphs.append([text.strip()])
    return [" ".join(words) for words in paragraphs]
