"""wirecopy-tidewire: the Tidewire agency feed as a wirecopy format plugin.

Tidewire is a fictional news agency; its feed is defined here as the example
of a wirecopy plugin.  A feed file is the line ``TIDEWIRE/1`` followed by
stories, each a block of ``KEY: value`` header lines, a blank line, the body
(one paragraph per line, blank lines between them, a dateline opening the
first) and a line ``%%`` that ends the story::

    TIDEWIRE/1
    ID: TW-20240301-0042
    SOURCE: Tidewire
    DATE: 2024-03-01T14:05:00+00:00
    HEAD: Dock workers vote to strike at Port Ellery
    BY: By Mara Quint
    TOPICS: labour, shipping

    PORT ELLERY (Tidewire) -- Dock workers voted on Friday to ...

    The vote follows ...
    %%

Installing the distribution is all it takes: its ``wirecopy.formats`` entry
point makes ``wirecopy.read()``, ``wirecopy formats``, ``wirecopy detect`` and
``wirecopy parse`` find the format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO, NoReturn

import wirecopy
from wirecopy import Article, Document, Format, ReadContext, WriteError
from wirecopy.defects import BAD_HEADER, EMPTY_INPUT, NOT_UTF8

__all__ = ["TidewireFormat"]

__version__ = "1.0.0"

SIGNATURE = b"TIDEWIRE/1"
END = "%%"
# Header keys that map to Article fields; any other key goes to Article.extra.
_FIELDS = {"ID", "SOURCE", "DATE", "HEAD", "BY", "TOPICS", "LANG"}
_KEY = re.compile(r"[A-Z][A-Z0-9-]*")
_EXTRA_KEY = re.compile(r"[a-z][a-z0-9-]*")


class TidewireFormat(Format):
    """The Tidewire agency feed: ``KEY: value`` headers, a dateline, one paragraph per line, ``%%`` ends a story.

    Reads every story of a feed file into an :class:`~wirecopy.Article`, and
    writes articles back in the same layout: ``loads(dumps(a)) == [a]``.
    """

    name = "tidewire"
    aliases = ("tide",)
    extensions = (".tide",)
    description = "The Tidewire agency feed (a fictional example plugin): KEY: value headers, %% ends a story"
    url = "https://github.com/wirecopy/wirecopy/tree/main/examples/tidewire"
    version_added = "1.0"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """The signature line is certain: no other format starts with it."""
        first = head.removeprefix(b"\xef\xbb\xbf")
        return 1.0 if first.startswith((SIGNATURE + b"\n", SIGNATURE + b"\r\n")) else 0.0

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield one article per story, holding one story in memory at a time."""
        first = stream.readline()
        if not first:
            context.leave_out(EMPTY_INPUT, "empty input: no TIDEWIRE/1 line", line=1, column=1)
            return
        if first.removeprefix(b"\xef\xbb\xbf").rstrip(b"\r\n") != SIGNATURE:
            # Without the signature nothing says where stories start: the
            # whole input is one document that cannot be read.
            msg = "not a Tidewire feed: the first line must be TIDEWIRE/1"
            context.leave_out("bad-signature", msg, line=1, column=1)
            return
        story: list[str] = []
        doc: Document | None = None
        line = 1
        offset = len(first)
        for raw in stream:
            line += 1
            offset += len(raw)
            if doc is None:
                if not raw.strip():
                    continue  # blank lines between stories
                # One document per story, started where its first line is:
                # the context numbers it and places every problem in it.
                doc = context.document(line=line, offset=offset - len(raw))
            text = _decode(raw, doc, line)
            if text == END:
                yield self._story(story, doc)
                story, doc = [], None
            else:
                story.append(text)
        if doc is not None:
            doc.defect("missing-end", "the last story has no %% line", line=line)
            yield self._story(story, doc)

    def _story(self, lines: list[str], doc: Document) -> Article:
        """Build the article of one story: its header lines, a blank line, its paragraphs."""
        first_line = doc.origin.line or 1
        headers: dict[str, tuple[str, int, int]] = {}
        body_at = len(lines)
        for number, text in enumerate(lines):
            line = first_line + number
            if not text.strip():
                body_at = number + 1
                break
            key, colon, value = text.partition(":")
            if not colon or not _KEY.fullmatch(key):
                doc.defect(BAD_HEADER, f"not a KEY: value header: {text!r}", line=line, column=1)
            elif key in headers:
                doc.defect("duplicate-header", f"second {key} header ignored", line=line, column=1)
            else:
                # The column of the value, for messages about it.
                column = len(key) + 2 + (len(value) - len(value.lstrip()))
                headers[key] = (value.strip(), line, column)

        def get(key: str) -> str | None:
            return headers[key][0] if key in headers else None

        published = None
        if "DATE" in headers:
            text, line, column = headers["DATE"]
            published = doc.date(text, line=line, column=column)
        if "HEAD" not in headers:
            doc.defect("missing-headline", "the story has no HEAD header", line=first_line)
        topics = get("TOPICS")
        paragraphs = [text for text in lines[body_at:] if text.strip()]
        dateline = None
        if paragraphs:
            dateline, rest = wirecopy.split_dateline(paragraphs[0], reference=published)
            if dateline is not None:
                paragraphs[0:1] = [rest] if rest else []
        return doc.article(
            format=self.name,
            id=get("ID"),
            source=get("SOURCE"),
            headline=get("HEAD"),
            byline=get("BY"),
            published=published,
            dateline=dateline,
            paragraphs=paragraphs,
            subjects=[topic.strip() for topic in topics.split(",")] if topics else [],
            language=get("LANG"),
            extra={key.lower(): value for key, (value, _, _) in headers.items() if key not in _FIELDS},
        )

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write the signature, then each article as a story.

        Raises:
            WriteError: The article has no headline, or a value would not
                read back: a line break in a header or paragraph, spaces
                around a header value, a blank or ``%%`` paragraph, or an
                ``extra`` value that is not a string.
        """
        stream.write(SIGNATURE + b"\n")
        for article in articles:
            stream.write(_story_text(article).encode("utf-8"))


def _decode(raw: bytes, doc: Document, line: int) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        doc.defect(NOT_UTF8, f"bytes that are not UTF-8: {err.reason}", line=line, column=err.start + 1)
        text = raw.decode("utf-8", "replace")
    return text.removesuffix("\n").removesuffix("\r")


def _story_text(article: Article) -> str:
    if article.headline is None:
        _refuse(article, "a story needs a headline (the HEAD header)")
    headers: list[tuple[str, str]] = []
    published = article.published
    for key, value in (
        ("ID", article.id),
        ("SOURCE", article.source),
        ("DATE", None if published is None else wirecopy.format_date(published, "iso")),
        ("HEAD", article.headline),
        ("BY", article.byline),
        ("TOPICS", ", ".join(article.subjects) if article.subjects else None),
        ("LANG", article.language),
    ):
        if value is not None:
            headers.append((key, value))
    for subject in article.subjects:
        if not subject or "," in subject or subject != subject.strip():
            _refuse(article, f"a topic cannot be empty, hold a comma or spaces at its ends: {subject!r}")
    for key, value in article.extra.items():
        if not _EXTRA_KEY.fullmatch(key) or key.upper() in _FIELDS or not isinstance(value, str):
            _refuse(article, f"extra[{key!r}] cannot be a header: keys are lower-case names, values strings")
        headers.append((key.upper(), value))
    lines = []
    for key, value in headers:
        if value != value.strip() or "\n" in value or "\r" in value:
            _refuse(article, f"the {key} header cannot hold line breaks or spaces at its ends: {value!r}")
        lines.append(f"{key}: {value}")
    paragraphs = list(article.paragraphs)
    if article.dateline is not None:
        opening = wirecopy.render_dateline(article.dateline)
        paragraphs[0:1] = [f"{opening} {paragraphs[0]}" if paragraphs else opening]
    for paragraph in paragraphs:
        if not paragraph.strip() or paragraph == END or "\n" in paragraph or "\r" in paragraph:
            _refuse(article, f"a paragraph must be one non-blank line other than %%: {paragraph!r}")
    body = "".join(f"\n{paragraph}\n" for paragraph in paragraphs)
    return "\n".join(lines) + "\n" + body + END + "\n"


def _refuse(article: Article, why: str) -> NoReturn:
    name = article.id or article.headline or "an article"
    msg = f"cannot write {name!r} as tidewire: {why}"
    raise WriteError(msg)
