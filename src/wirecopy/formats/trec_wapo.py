"""The TREC Washington Post collection: one JSON document per line.

The collection of the TREC News track (``TREC_Washington_Post_collection.v2.jl``,
``v3``, ``v4``) holds one article or blog post per line (see
``docs/formats/trec-wapo.md``)::

    {"id": "...", "article_url": "https://www.washingtonpost.com/...",
     "title": "...", "author": "...", "published_date": 1325376562000,
     "contents": [{"content": "Colleges", "mime": "text/plain", "type": "kicker"},
                  {"content": "<b>NEW ORLEANS</b> &#8212; ...", "mime": "text/html",
                   "type": "sanitized_html", "subtype": "paragraph"},
                  {"fullcaption": "...", "imageURL": "...", "type": "image"},
                  null, ...],
     "type": "article", "source": "The Washington Post"}

The body is the ``contents`` list of typed blocks; paragraphs are the
``sanitized_html`` blocks, whose HTML is reduced to text.  Each line is read
on its own, at most :attr:`Policy.max_document_size
<wirecopy.policy.Policy.max_document_size>` bytes of it at a time, so memory
never holds more than one document however long the file or its lines.
"""

from __future__ import annotations

import datetime as _dt
import html
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO

from .._dates.limits import excerpt
from .._text import take_dateline
from ..article import Article, DateValue
from ..context import Document, ReadContext
from ..defects import (
    BAD_DATE,
    BAD_ENCODING,
    BAD_FIELD,
    BAD_RECORD,
    DOCUMENT_TOO_LARGE,
    EMPTY_INPUT,
    MISSING_DATE,
    MISSING_ID,
)
from ..registry import Format
from ._html_text import html_text
from ._json_object import json_object

__all__ = ["TRECWashingtonPostFormat"]

_UTC = _dt.timezone.utc
_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_UTC)
_MILLISECOND = _dt.timedelta(milliseconds=1)
_BOM = b"\xef\xbb\xbf"
# How much of a line over the size limit is read at a time while it is skipped.
_SKIP_CHUNK = 1 << 16
# The keys only a Washington Post document has at its top level, and the
# block type that carries its text: what sniff looks for.
_SIGNS = (b'"article_url"', b'"published_date"', b'"contents"', b'"sanitized_html"')
# An epoch in milliseconds written as a string has at most this many digits
# (year 9999 is 14); a longer one is no date.
_LONGEST_EPOCH = 18
_encoder = json.JSONEncoder(ensure_ascii=True, separators=(", ", ": "))


class TRECWashingtonPostFormat(Format):
    """The TREC Washington Post collection (TREC News and Core tracks), JSON Lines of typed content blocks.

    Reads the id, the headline, the byline, the publication time (UTC, from
    epoch milliseconds), the dateline, the paragraphs (the text of the
    ``sanitized_html`` blocks), and the URL, kicker, author, type and image
    captions into :attr:`~wirecopy.Article.extra`.  Writes the same layout,
    one document per line.

    .. versionadded:: 0.1
    """

    name = "trec-wapo"
    aliases = ("wapo", "washington-post")
    extensions = (".jl",)
    description = "TREC Washington Post collection (News track): one JSON document of typed content blocks per line"
    url = "https://trec.nist.gov/data/wapost/"
    version_added = "0.1"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """A first line that is an object with the collection's keys and blocks is near certain.

        wirecopy's own JSON Lines records (``{"format": ...``), which the
        ``jsonl`` format reads, score nothing.
        """
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if not first.startswith(b"{"):
            return 0.0
        end = first.find(b"\n")
        line = first if end < 0 else first[:end]
        if line[1:].lstrip(b" \t").startswith(b'"format"') or (b'"format"' in line and b'"paragraphs"' in line):
            return 0.0
        signs = sum(sign in line for sign in _SIGNS)
        return (0.0, 0.2, 0.6, 0.9, 0.95)[signs]

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield one article per line that is not blank; a line over the size limit is left out unread."""
        limit = context.policy.max_document_size
        number = offset = 0
        seen = False
        while True:
            raw = stream.readline(limit + 1)
            if not raw:
                break
            number += 1
            start = offset
            offset += len(raw)
            if len(raw) > limit and not raw.endswith(b"\n"):
                seen = True
                doc = context.document(line=number, offset=start)
                message = f"line longer than {limit:,} bytes: left out unread"
                doc.leave_out(DOCUMENT_TOO_LARGE, message, line=number, column=1)
                offset += _skip_rest(stream)
                continue
            if number == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM) :]
            if not raw or raw.isspace():
                continue
            seen = True
            doc = context.document(line=number, offset=start)
            article = _read_line(raw, doc, number)
            if article is not None:
                yield article
        if not seen:
            context.leave_out(EMPTY_INPUT, "empty input: no Washington Post document found", line=1, column=1)

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write one document per line, ASCII (other characters as JSON escapes), each line ending in a newline.

        Every article can be written; what the layout has no place for
        (highlights, subjects, language, other ``extra`` keys) is not.
        """
        for article in articles:
            stream.write(_encoder.encode(_record(article)).encode("ascii"))
            stream.write(b"\n")


def _skip_rest(stream: BinaryIO) -> int:
    """Read past the rest of the current line a chunk at a time; return how many bytes it had."""
    skipped = 0
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


# -- reading ------------------------------------------------------------------


def _read_line(raw: bytes, doc: Document, line: int) -> Article | None:
    """Read one line into an article, or leave it out when it is not a Washington Post document."""
    # Without its line break, a line cut inside a string reads as unterminated.
    raw = raw.rstrip(b"\r\n")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        text = raw.decode("utf-8", "replace")
        message = f"bytes that are not UTF-8 ({err.reason}) were replaced with U+FFFD"
        doc.defect(BAD_ENCODING, message, line=line, column=err.start + 1)
    data = json_object(json.loads, text, doc, line, _kind)
    if data is None:
        return None
    if not any(key in data for key in ("id", "article_url", "contents")):
        message = "not a Washington Post document: no id, article_url or contents"
        doc.leave_out(BAD_RECORD, message, line=line, column=1)
        return None
    return _Fields(doc, line).article(data)


class _Fields:
    """Reads the fields of one document, reporting each that has the wrong shape."""

    __slots__ = ("bad_blocks", "doc", "first_bad_block", "line")

    def __init__(self, doc: Document, line: int) -> None:
        self.doc = doc
        self.line = line
        self.first_bad_block: str | None = None
        self.bad_blocks = 0

    def article(self, data: Mapping[str, Any]) -> Article:
        """Build the article from the top-level fields and the blocks, read in the collection's order."""
        extra: dict[str, Any] = {}
        doc_id = self.text(data, "id")
        if doc_id is None and isinstance(data.get("id"), (str, type(None))):
            # An id of the wrong type has been reported as such.
            self.doc.defect(MISSING_ID, "the document has no id", line=self.line, column=1)
        url = self.text(data, "article_url")
        if url is not None:
            extra["url"] = url
        title = self.text(data, "title")
        author = self.text(data, "author")
        if author is not None:
            extra["author"] = author
        blocks = _Blocks()
        self.blocks(data.get("contents"), blocks)
        published = self.published(data.get("published_date"), blocks.date, extra)
        kind = self.text(data, "type")
        if kind is not None:
            extra["type"] = kind
        if blocks.kicker is not None:
            extra["kicker"] = blocks.kicker
        if blocks.captions:
            extra["captions"] = blocks.captions
        dateline = take_dateline(blocks.paragraphs, published)
        return self.doc.article(
            format=TRECWashingtonPostFormat.name,
            id=doc_id,
            source=self.text(data, "source"),
            headline=title or blocks.title,
            byline=blocks.byline or author,
            published=published,
            dateline=dateline,
            paragraphs=blocks.paragraphs,
            extra=extra,
        )

    def text(self, data: Mapping[str, Any], key: str) -> str | None:
        """A top-level text field, white space collapsed; ``None`` when absent, empty or not a string."""
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            return " ".join(value.split()) or None
        self.doc.defect(BAD_FIELD, f"{key} is {_kind(value)}, not a string", line=self.line, column=1)
        return None

    def blocks(self, contents: object, out: _Blocks) -> None:
        """Read the ``contents`` blocks into *out*; report the malformed ones in one defect."""
        if contents is None:
            return
        if not isinstance(contents, list):
            self.doc.defect(BAD_FIELD, f"contents is {_kind(contents)}, not a list", line=self.line, column=1)
            return
        for index, block in enumerate(contents):
            if block is None:
                continue
            if not isinstance(block, dict):
                self.bad_block(f"contents[{index}] is {_kind(block)}, not a block object")
                continue
            kind = block.get("type")
            if kind == "sanitized_html":
                self.paragraph(index, block, out.paragraphs)
            elif kind == "image":
                caption = self.block_text(index, block, "fullcaption")
                if caption is not None:
                    out.captions.append(caption)
            elif kind == "date":
                if out.date is None:
                    out.date = block.get("content")
            elif kind in ("kicker", "title", "byline"):
                value = self.block_text(index, block, "content")
                if value is not None and getattr(out, kind) is None:
                    setattr(out, kind, value)
            # tweet, video, gallery, author_info and other blocks carry no
            # text of the story itself.
        if self.bad_blocks:
            more = self.bad_blocks - 1
            message = self.first_bad_block or ""
            if more:
                message += f" (and {more} more malformed block{'s' * (more > 1)})"
            self.doc.defect(BAD_FIELD, message, line=self.line, column=1)

    def paragraph(self, index: int, block: Mapping[str, Any], paragraphs: list[str]) -> None:
        content = block.get("content")
        if content is None:
            return
        if not isinstance(content, str):
            self.bad_block(f"contents[{index}] (sanitized_html) has a content that is {_kind(content)}, not a string")
            return
        text = " ".join(content.split()) if block.get("mime") == "text/plain" else html_text(content)
        if text:
            paragraphs.append(text)

    def block_text(self, index: int, block: Mapping[str, Any], key: str) -> str | None:
        value = block.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.bad_block(f"contents[{index}] ({block.get('type')}) has a {key} that is {_kind(value)}, not a string")
            return None
        return " ".join(value.split()) or None

    def bad_block(self, message: str) -> None:
        if self.first_bad_block is None:
            self.first_bad_block = message
        self.bad_blocks += 1

    def published(self, top: object, block: object, extra: dict[str, Any]) -> DateValue | None:
        """The time from ``published_date``, else from the ``date`` block (v3 documents may lack the first)."""
        if top is None and block is None:
            self.doc.defect(MISSING_DATE, "the document has no published_date", line=self.line, column=1)
            return None
        for what, value in (("published_date", top), ("the date block", block)):
            if value is None:
                continue
            when = _from_epoch(value)
            if when is not None:
                return when
            shown = _shown(value)
            if shown is None:
                message = f"{what} is {_kind(value)}, not a time in epoch milliseconds"
            else:
                message = f"{what} {excerpt(shown)} is not a time in epoch milliseconds"
            self.doc.defect(BAD_DATE, message, line=self.line, column=1)
            if shown is not None and "published_text" not in extra:
                extra["published_text"] = shown
        return None


class _Blocks:
    """What the blocks of one document hold."""

    __slots__ = ("byline", "captions", "date", "kicker", "paragraphs", "title")

    def __init__(self) -> None:
        self.kicker: str | None = None
        self.title: str | None = None
        self.byline: str | None = None
        self.date: object = None
        self.paragraphs: list[str] = []
        self.captions: list[str] = []


def _from_epoch(value: object) -> _dt.datetime | None:
    """Epoch milliseconds (a number, or a string of digits) as an aware UTC time; ``None`` when it is not one."""
    if isinstance(value, str):
        digits = value.strip()
        body = digits[1:] if digits.startswith("-") else digits
        if not (body.isascii() and body.isdigit() and len(body) <= _LONGEST_EPOCH):
            return None
        value = int(digits)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return _EPOCH + _dt.timedelta(milliseconds=value)
    except (OverflowError, ValueError):
        # Out of datetime's range (an epoch of 10**30), NaN or an infinity.
        return None


def _shown(value: object) -> str | None:
    """The text of a date value, to keep in ``extra``; ``None`` for a list or an object."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _kind(value: object) -> str:
    """Name the JSON type of *value* for a message: ``"a number"``, ``"a list"``."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


# -- writing ------------------------------------------------------------------


def _record(article: Article) -> dict[str, Any]:
    """The document of *article*, its keys in the collection's order."""
    extra = article.extra
    milliseconds = _to_epoch(article.published)
    contents: list[dict[str, Any]] = []
    kicker = _extra_text(extra, "kicker")
    if kicker is not None:
        contents.append({"content": kicker, "mime": "text/plain", "type": "kicker"})
    if article.headline is not None:
        contents.append({"content": article.headline, "mime": "text/plain", "type": "title"})
    if article.byline is not None:
        contents.append({"content": article.byline, "mime": "text/plain", "type": "byline"})
    if milliseconds is not None:
        contents.append({"content": milliseconds, "mime": "text/plain", "type": "date"})
    captions = extra.get("captions")
    if isinstance(captions, tuple):
        for caption in captions:
            if isinstance(caption, str):
                contents.append({"fullcaption": caption, "mime": "image/jpeg", "type": "image"})
    paragraphs = list(article.paragraphs)
    if article.dateline is not None:
        text = article.dateline.text
        paragraphs[:1] = [f"{text} {paragraphs[0]}" if paragraphs else text]
    for paragraph in paragraphs:
        content = html.escape(paragraph, quote=False)
        contents.append({"content": content, "mime": "text/html", "type": "sanitized_html", "subtype": "paragraph"})
    return {
        "id": article.id,
        "article_url": _extra_text(extra, "url"),
        "title": article.headline,
        "author": _extra_text(extra, "author") or "",
        # A date that could not be read goes back as it was written.
        "published_date": _extra_text(extra, "published_text") if milliseconds is None else milliseconds,
        "contents": contents,
        "type": _extra_text(extra, "type"),
        "source": article.source,
    }


def _extra_text(extra: Mapping[str, Any], key: str) -> str | None:
    value = extra.get(key)
    return value if isinstance(value, str) else None


def _to_epoch(value: DateValue | None) -> int | None:
    """Epoch milliseconds of a time; a time without zone is taken as UTC, a day as its midnight UTC."""
    if value is None:
        return None
    if not isinstance(value, _dt.datetime):
        value = _dt.datetime(value.year, value.month, value.day)
    if value.utcoffset() is None:
        value = value.replace(tzinfo=_UTC)
    return (value - _EPOCH) // _MILLISECOND
