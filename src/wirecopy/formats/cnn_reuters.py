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
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from .._text import collect, decode, describe, find_control, plain_lines, stream_blocks, take_dateline
from ..article import Article, Defect
from ..context import ReadContext
from ..dates import format_date
from ..errors import WriteError
from ..registry import Format

__all__ = ["CNNReutersFormat"]

# Runs of spaces are tolerated: the seed has two after "CNN.com -".
_SEPARATOR = re.compile(r"[ \t]+-[ \t]+")
_HEADER_SHAPE = re.compile(
    rb"\A\s*[^\s<{][^\n]{0,200}?[ \t]-[ \t][^\n]*[ \t]-[ \t]+[A-Za-z]+\.? \d{1,2}, \d{4}[ \t]*(?:\r?\n|\Z)"
)
_MONTH_DAY_YEAR = re.compile(rb"[A-Za-z]+\.? \d{1,2}, \d{4}")
_DATELINE_HINT = re.compile(rb"\n[^\n]{0,60}\([A-Za-z][^()\n]{0,30}\) ?(?:--|\xe2\x80\x94|_|-) ")
_INDENT = "   "
_WIDTH = 73


class CNNReutersFormat(Format):
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

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Score the header line, and a dateline on the line after it."""
        if not _HEADER_SHAPE.match(head):
            return 0.0
        return 0.9 if _DATELINE_HINT.search(head, 0, 400) else 0.6

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield one article per blank-line-separated block."""
        seen = False
        for data, line, offset in stream_blocks(stream):
            seen = True
            yield self._article(data, line, offset, context)
        if not seen:
            context.skip(
                context.error("empty input: no cnn-reuters header found", line=1, column=1, kind="empty-input")
            )

    def _article(self, data: bytes, first_line: int, offset: int, context: ReadContext) -> Article:
        defects: list[Defect] = []
        text = decode(data, collect(context, defects), line=first_line)
        control = None
        if plain_lines(data, text):
            # Only "\n" breaks lines and nothing needs reporting: work on the
            # whole text with C string methods, not a Python loop over lines.
            header, _, body = text[:-1].partition("\n") if text.endswith("\n") else text.partition("\n")
            paragraphs = _fast_paragraphs(body) if body else []
        else:
            lines = text.splitlines()
            text = "\n".join(lines)
            header = lines[0]
            paragraphs = _paragraphs(lines[1:])
            control = find_control(text)
        if control is not None:
            defects.append(
                context.defect(
                    "control-character",
                    f"control character {control.group()!r} in text",
                    line=first_line + text.count("\n", 0, control.start()),
                )
            )
        source, headline, published, extra = self._header(header.rstrip(), first_line, context, defects)
        dateline = take_dateline(paragraphs, published)
        return Article(
            format=self.name,
            source=source,
            headline=headline,
            published=published,
            dateline=dateline,
            paragraphs=paragraphs,
            extra=extra,
            origin=context.origin(line=first_line, offset=offset),
            defects=defects,
        )

    def _header(
        self, header: str, line: int, context: ReadContext, defects: list[Defect]
    ) -> tuple[str | None, str | None, _dt.date | None, dict[str, Any]]:
        separators = list(_SEPARATOR.finditer(header))
        if not separators:
            defects.append(
                context.defect(
                    "bad-header",
                    "Header is not 'SITE - Headline - Month D, YYYY'",
                    line=line,
                    column=1,
                    snippet=header[:80],
                )
            )
            return None, header.strip() or None, None, {}
        source = header[: separators[0].start()].strip()
        if len(separators) == 1:
            defects.append(context.defect("missing-date", "Missing date in header", line=line, column=len(header) + 1))
            return source, header[separators[0].end() :].strip(), None, {}
        last = separators[-1]
        headline = header[separators[0].end() : last.start()].strip()
        date_text = header[last.end() :]
        published = context.date(date_text, defects, line=line, column=last.end() + 1)
        if published is None:
            # Keep what could not be read, rather than drop it.
            return source, headline, None, {"header_date": date_text}
        if isinstance(published, _dt.datetime):
            published = published.date()
        return source, headline, published, {}

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write the canonical layout: header, body wrapped at 73 columns, blank line between articles.

        A time of day in :attr:`~wirecopy.Article.published` is not written:
        the header holds a date.  Whitespace inside paragraphs is written as
        single spaces, as wrapping requires.

        Raises:
            WriteError: An article has no source, headline or date, or one
                of them spans lines.
        """
        first = True
        for article in articles:
            if not first:
                stream.write(b"\n\n")
            first = False
            stream.write(_render(article).encode("utf-8"))


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


def _render(article: Article) -> str:
    if not article.source or not article.headline or article.published is None:
        missing = [name for name in ("source", "headline", "published") if not getattr(article, name)]
        msg = f"cannot write {describe(article)} as cnn-reuters: no {', '.join(missing)} for the header"
        raise WriteError(msg)
    for name in ("source", "headline"):
        value = getattr(article, name)
        if "\n" in value or "\r" in value:
            msg = f"cannot write {describe(article)} as cnn-reuters: its {name} spans lines"
            raise WriteError(msg)
    if _SEPARATOR.search(article.source):
        msg = f"cannot write {describe(article)} as cnn-reuters: its source {article.source!r} contains ' - '"
        raise WriteError(msg)
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
