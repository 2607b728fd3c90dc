"""Usenet news articles: RFC 1036 / RFC 5536 headers over an RFC 822 message.

The layout (see ``docs/formats/rfc822-news.md``)::

    Newsgroups: rec.sport.hockey,rec.sport.misc
    Path: news.example.net!not-for-mail
    From: jdoe@example.net (Jane Doe)
    Subject: Where did the puck go?
    Message-ID: <1993Apr23.162236.9985@example.net>
    Date: Fri, 23 Apr 93 16:22:36 GMT
    Lines: 3

    The body, paragraphs separated by blank lines.

    --
    Jane

A file holds one article, as in the 20 Newsgroups set, or several: an rnews
batch (each article announced by ``#! rnews <byte count>``) or an mbox file
(each article after a ``From `` line).  The header block is parsed with the
standard library's :mod:`email` parser (the lenient ``compat32`` policy);
encoded words (RFC 2047) are decoded.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import email.errors
import email.header
import email.message
import itertools
import quopri
import re
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO, NamedTuple

from .._text import fallback
from ..article import Article, DateValue
from ..context import Document
from ..dates import format_date
from ..defects import (
    BAD_BATCH,
    BAD_ENCODED_WORD,
    BAD_HEADER_LINE,
    BAD_LINES,
    BAD_MESSAGE_ID,
    BAD_TRANSFER_ENCODING,
    CHARSET_MISMATCH,
    CONTROL_CHARACTER,
    EMPTY_MESSAGE,
    LINES_MISMATCH,
    MISSING_BODY,
    NOT_AN_ARTICLE,
    NOT_UTF8,
    TRUNCATED,
    UNKNOWN_CHARSET,
)
from ..errors import WriteError
from ..kit.text import (
    BOM,
    Lines,
    Part,
    Problem,
    TextFormat,
    decode,
    describe,
    paragraph_runs,
    position,
    report_control,
    too_large,
)
from ._rfc822_header import header_items, header_message

__all__ = ["RFC822NewsFormat"]

# A header field starts with a name of printable ASCII other than the colon,
# then the colon: exactly what the email package's feed parser accepts.
_FIELD = re.compile(rb"[\x21-\x39\x3b-\x7e]*:")
# A header block: a field, then fields and continuation lines (which start
# with a blank), found at C speed; where it stops, a blank line or the body.
_HEADER_LINES = re.compile(rb"[\x21-\x39\x3b-\x7e]*:[^\n]*(?:\n(?:[\x21-\x39\x3b-\x7e]*:|[ \t])[^\n]*)*")
_FIELD_NAME = re.compile(r"[\x21-\x39\x3b-\x7e]+")
# A count of up to 18 digits: more is no file, and int() refuses thousands.
_BATCH = re.compile(rb"#! rnews[ \t]+(\d{1,18})[ \t]*\r?\n?")
_BATCH_START = b"#! rnews"
_MBOX_FROM = b"From "
_MBOXRD_QUOTED = re.compile(rb">+From ")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_ENCODED_WORDS = re.compile(r"=\?[^?\s]+\?[QqBb]\?[^?\s]*\?=(?:\s+=\?[^?\s]+\?[QqBb]\?[^?\s]*\?=)*")
# "<id@domain>": the "@" is looked for apart, since a pattern with one
# between two runs of the same characters backtracks in quadratic time.
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")
_FIELD_NAME_BYTES = bytes(range(0x21, 0x7F)).replace(b":", b"")
_CHARSET_PARAM = re.compile(r'(?i)(charset\s*=\s*)("?)[^";\s]*\2')
_FOLD = re.compile(r"\r?\n(?=[ \t])")

# Headers that become fields of the article, by lower-case name; from each,
# the first occurrence fills the field and any repeat goes to extra.
_MAPPED = ("from", "newsgroups", "subject", "date", "message-id", "content-language", "lines")


class RFC822NewsFormat(TextFormat):
    """Usenet articles (RFC 1036), one per file, or several in an rnews batch or mbox file.

    ``Subject`` becomes the headline, ``From`` the byline, ``Date`` the
    published date, ``Newsgroups`` the subjects, ``Message-ID`` the id and
    ``Content-Language`` the language; every other header goes to
    :attr:`~wirecopy.Article.extra` in order.  The body is split into
    paragraphs at blank lines, with quoting and signatures kept as text.

    .. versionadded:: 0.1
    """

    name = "rfc822-news"
    aliases = ("usenet",)
    extensions = ()
    description = "Usenet news articles (RFC 1036 headers and body), single, rnews batch or mbox"
    url = "https://www.rfc-editor.org/rfc/rfc1036"
    version_added = "0.1"
    empty_message = "no article found"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Score a header block that names newsgroups; an rnews batch line is certain.

        1.0 for ``#! rnews <count>``; 0.95 for a header block with
        ``Newsgroups`` and another news header; 0.6 for an e-mail style
        header block (``From``, ``Subject``, ``Date``) without newsgroups.
        """
        head = head.removeprefix(BOM)
        if _BATCH.match(head):
            return 1.0
        # The first line (after an mbox "From " line) must be a field: most
        # text is turned down here, before the head is cut into lines.
        at = head.find(b"\n") + 1 if head.startswith(_MBOX_FROM) else 0
        first = _FIELD.match(head, at)
        if first is None or first.end() == at + 1:
            return 0.0
        lines = head.split(b"\n", 60)
        if lines and lines[0].startswith(_MBOX_FROM):
            lines = lines[1:]
        names: list[bytes] = []
        for line in lines[:-1] if len(lines) > 1 else lines:
            line = line.rstrip(b"\r")
            if not line:
                break
            if line[:1] in (b" ", b"\t") and names:
                continue
            field = _FIELD.match(line)
            if field is None or field.end() == 1:
                return 0.0
            names.append(line[: field.end() - 1].lower())
        if len(names) < 2:
            return 0.0
        news = {b"path", b"message-id", b"subject", b"from", b"date", b"lines", b"xref", b"references"}
        if b"newsgroups" in names and news.intersection(names):
            return 0.95
        if len({b"from", b"subject", b"date"}.intersection(names)) >= 2:
            return 0.6
        return 0.0

    def split(self, stream: BinaryIO, limit: int) -> Iterator[Part]:
        """Cut out the article of a single-article file, or each article of an rnews batch or mbox file."""
        lines = Lines(stream, limit)
        first = lines.next()
        while first is not None and not first.strip():
            first = lines.next()
        if first is None:
            return
        # A byte-order mark may open the file; the article's parse drops it.
        head = first.removeprefix(BOM)
        if head.startswith(_BATCH_START):
            yield from _batch(head, lines)
        elif head.startswith(_MBOX_FROM):
            yield from _mbox(lines)
        else:
            line, offset = lines.line, lines.offset - len(first)
            rest = lines.rest(limit - len(first)) if len(first) <= limit else None
            yield too_large(line, offset, limit) if rest is None else Part(first + rest, line, offset)

    def parse(self, part: Part, document: Document) -> Article | None:
        """Read one article from its bytes; ``None`` (left out) when it has no header."""
        first_line = part.line
        data = part.data.removeprefix(BOM)
        head = _header_block(data, first_line, document)
        if head is None:
            return None
        header_line = first_line + head.start
        header_text = decode(b"\n".join(head.lines[head.start : head.end]) + b"\n", document.defect, line=header_line)
        header_text = _check_header_controls(header_text, header_line, document)
        items = header_items(header_text)
        # The body's transfer encoding and charset come from the Content-*
        # headers, through the email package; most articles have none.
        message = header_message(items) if "content-" in header_text.lower() else None
        places = [(first_line + index, _value_column(head.lines[index])) for index in head.fields]
        if len(items) != len(head.fields):
            # The email package split the block differently; columns are lost.
            places = [(header_line, 1)] * len(items)

        body_raw = data[head.body_offset :]
        body_lines = body_raw.count(b"\n") + (1 if body_raw and not body_raw.endswith(b"\n") else 0)
        values, extra = _fields(items, places, body_lines, document)

        body_line = first_line + head.body
        body = _decode_body(body_raw, message, body_line, document)
        del body_raw  # the body may be megabytes: one copy at a time
        report_control(body, document, line=body_line)
        runs = paragraph_runs(body, body_line, carriage_returns="one")
        newsgroups = values.get("newsgroups")
        return document.article(
            format=self.name,
            id=values.get("message-id"),
            headline=values.get("subject"),
            byline=values.get("from"),
            published=values.get("date"),
            paragraphs=[run for _, run in runs],
            subjects=() if newsgroups is None else [g.strip() for g in newsgroups.split(",") if g.strip()],
            language=values.get("content-language"),
            extra=extra,
        )

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write one article as it is, or several as an rnews batch.

        Headers come in this order: ``From``, ``Newsgroups``, ``Subject``,
        ``Date``, ``Message-ID``, ``Content-Language``, the ``extra``
        headers in their order, then ``Lines`` (computed, unless ``extra``
        holds one).  Text is UTF-8.

        Raises:
            WriteError: A header value spans lines, or a newsgroup holds a
                comma or whitespace.
        """
        items = iter(articles)
        first = next(items, None)
        if first is None:
            return
        second = next(items, None)
        if second is None:
            stream.write(_render(first))
            return
        for article in itertools.chain((first, second), items):
            data = _render(article)
            stream.write(b"#! rnews %d\n" % len(data))
            stream.write(data)


def _batch(first: bytes, lines: Lines) -> Iterator[Part]:
    """Cut an rnews batch: ``#! rnews <count>`` and exactly *count* bytes, repeatedly."""
    current: bytes | None = first
    while current is not None:
        match = _BATCH.fullmatch(current)
        if match is None:
            if current.strip():
                message = f"expected '#! rnews <byte count>', found {_snippet(current)!r}"
                problem = Problem(BAD_BATCH, message, lines.line)
                yield Part(b"", lines.line, lines.offset - len(current), unreadable=problem)
                # Resynchronise on the next batch line.
                current = lines.next()
                while current is not None and not current.startswith(_BATCH_START):
                    current = lines.next()
                continue
            current = lines.next()
            continue
        batch_line = lines.line
        size = int(match[1])
        start_offset = lines.offset
        data = lines.take(size)
        if data is None:
            yield too_large(batch_line + 1, start_offset, lines.limit)
        else:
            notes: tuple[Problem, ...] = ()
            if len(data) < size:
                message = f"the batch line announces {size} bytes but only {len(data)} follow: the article is cut short"
                notes = (Problem(TRUNCATED, message, batch_line, match.start(1) + 1),)
            yield Part(data, batch_line + 1, start_offset, notes)
        current = lines.next()


def _mbox(lines: Lines) -> Iterator[Part]:
    """Cut an mbox file: each article follows a ``From `` line; ``>From `` is unquoted (mboxrd)."""
    limit = lines.limit
    buffer: list[bytes] = []
    size = 0
    from_line = lines.line
    start_offset = lines.offset
    previous_blank = False
    while True:
        raw = lines.next()
        if raw is not None and not (previous_blank and raw.startswith(_MBOX_FROM)):
            if _MBOXRD_QUOTED.match(raw):
                raw = raw[1:]
            previous_blank = not raw.strip()
            size += len(raw)
            # Over the limit only the last line is kept, to tell whether it
            # is the blank line before a "From " line.
            if size > limit:
                buffer = [raw]
            else:
                buffer.append(raw)
            continue
        # The blank line before a "From " line separates messages.
        if raw is not None and buffer and not buffer[-1].strip():
            buffer.pop()
        if size > limit:
            yield too_large(from_line + 1, start_offset, limit)
        elif any(chunk.strip() for chunk in buffer):
            data, buffer = b"".join(buffer), []
            yield Part(data, from_line + 1, start_offset)
            del data
        else:
            problem = Problem(EMPTY_MESSAGE, "empty mbox message", from_line)
            yield Part(b"", from_line + 1, start_offset, unreadable=problem)
        if raw is None:
            return
        buffer, size = [], 0
        from_line, start_offset = lines.line, lines.offset
        previous_blank = False


class _Head(NamedTuple):
    """The header block of an article, found by :func:`_header_block`."""

    #: The article's lines (without their ``\n``) up to the end of the block, not included.
    lines: list[bytes]
    #: The index of the block's first line (blank lines before it are tolerated).
    start: int
    #: The index of the line that ends the block (not part of it).
    end: int
    #: The index of each field's first line.
    fields: list[int]
    #: The index of the body's first line, and the byte offset where it starts.
    body: int
    body_offset: int


def _header_block(data: bytes, first_line: int, document: Document) -> _Head | None:
    """Find the header block of *data*, splitting no more of it into lines than the block.

    Returns ``None``, having left the document out, when the first line is
    not a header field.  The body is not split here: it may be megabytes.
    """
    # The lines are those of data.split(b"\n") without the empty piece after
    # a last newline.
    stop = len(data) - data.endswith(b"\n")
    lines: list[bytes] = []
    pos = 0
    # Leading blank lines are tolerated.
    while pos <= stop:
        end = data.find(b"\n", pos)
        end = len(data) if end < 0 else end
        if data[pos:end].strip():
            break
        lines.append(data[pos:end])
        pos = end + 1
    start = len(lines)
    fields: list[int] = []
    block = _HEADER_LINES.match(data, pos) if pos <= stop else None
    if block is not None:
        lines.extend(data[pos : block.end()].split(b"\n"))
        fields = [i for i in range(start, len(lines)) if i == start or lines[i][:1] not in (b" ", b"\t")]
        pos = block.end() + 1
    if pos > stop:
        document.defect(
            MISSING_BODY,
            "the headers are not followed by a blank line: the article may be cut short",
            line=first_line + len(lines),
            column=1,
        )
        return _Head(lines, start, len(lines), fields, len(lines), len(data))
    # The line after the fields: a blank line, or the first line of the body.
    end = data.find(b"\n", pos)
    end = len(data) if end < 0 else end
    index = len(lines)
    raw = data[pos:end].removesuffix(b"\r")
    if not raw:
        return _Head(lines, start, index, fields, index + 1, end + 1)
    where, column = first_line + index, _bad_column(raw)
    if not fields:
        msg = f"not a news article: line {where} is not a header field ({_snippet(raw)!r})"
        document.leave_out(NOT_AN_ARTICLE, msg, line=where, column=column)
        return None
    document.defect(
        BAD_HEADER_LINE,
        f"line {where} is neither a header field nor a blank line; the body is taken to start there",
        line=where,
        column=column,
    )
    return _Head(lines, start, index, fields, index, pos)


def _fields(
    items: list[tuple[str, str]], places: list[tuple[int, int]], body_lines: int, document: Document
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Sort the headers into the article's fields (first occurrence) and extra (the rest)."""
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for (name, value), (line, column) in zip(items, places, strict=True):
        text = _value(value, line, column, document)
        key = name.lower()
        if key not in _MAPPED or key in values:
            _add(extra, name, text)
            continue
        values[key] = text
        if key == "date":
            values[key] = document.date(text, line=line, column=column) if text else None
            if text and values[key] is None:
                _add(extra, name, text)  # kept, since it could not be read
        elif key == "message-id" and not _is_message_id(text):
            document.defect(BAD_MESSAGE_ID, f"Message-ID {text!r} is not '<id@domain>'", line=line, column=column)
        elif key == "lines":
            # A Lines header that agrees with the body is derived data,
            # which the writer computes again; one that does not is kept.
            if not (text.isascii() and text.isdigit()):
                msg = f"Lines header is not a number: {text!r}"
                document.defect(BAD_LINES, msg, line=line, column=column)
                _add(extra, name, text)
            elif int(text) != body_lines:
                msg = f"Lines header says {int(text)} but the body has {body_lines} lines"
                document.defect(LINES_MISMATCH, msg, line=line, column=column)
                _add(extra, name, text)
    return values, extra


def _check_header_controls(text: str, line: int, document: Document) -> str:
    """Report control characters in the headers; a bare CR would split a field, so it becomes a space."""
    found = _CONTROL.search(text.replace("\r\n", "\n").replace("\n", " "))
    if found is not None:
        where, column = position(text.replace("\r\n", "\n"), found.start(), line)
        document.defect(
            CONTROL_CHARACTER, f"control character {found.group()!r} in the headers", line=where, column=column
        )
    return text.replace("\r\n", "\n").replace("\r", " ")


def _value(value: str, line: int, column: int, document: Document) -> str:
    """Unfold a header value and decode its encoded words."""
    text = (_FOLD.sub("", value) if "\n" in value else value).strip()
    if "=?" not in text:
        return text
    pieces: list[str] = []
    last = 0
    for match in _ENCODED_WORDS.finditer(text):
        pieces.append(text[last : match.start()])
        try:
            pieces.append(_decode_words(match.group()))
        except (email.errors.HeaderParseError, LookupError, UnicodeError, ValueError, binascii.Error) as err:
            # The first of an article is reported: a header block of thousands
            # of bad words gives one defect, not thousands.
            if not any(defect.kind == BAD_ENCODED_WORD for defect in document.defects):
                document.defect(
                    BAD_ENCODED_WORD,
                    f"encoded word {_snippet(match.group())!r} cannot be decoded: {err}",
                    line=line,
                    column=column + match.start(),
                )
            pieces.append(match.group())
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces).strip()


def _decode_body(raw: bytes, message: email.message.Message | None, line: int, document: Document) -> str:
    """Undo the transfer encoding and decode the charset the headers (*message*; ``None`` for no Content-*) declare."""
    if message is None:
        return decode(raw, document.defect, line=line).replace("\r\n", "\n")
    encoding = str(message.get("Content-Transfer-Encoding", "")).strip().lower()
    data = raw
    # After base64 or quoted-printable, byte positions no longer match the input.
    exact = True
    if encoding in ("quoted-printable", "base64") and message.get_content_maintype() != "multipart":
        try:
            data = quopri.decodestring(raw) if encoding == "quoted-printable" else base64.b64decode(raw)
            exact = False
        except (binascii.Error, ValueError) as err:
            document.defect(BAD_TRANSFER_ENCODING, f"the {encoding} body cannot be decoded: {err}", line=line, column=1)
    codec = _declared_codec(message)
    if codec is not None and codec.startswith("?"):
        document.defect(UNKNOWN_CHARSET, f"unknown charset {codec[1:]!r} in Content-Type", line=line, column=1)
        codec = None
    if codec is None and exact:
        return decode(data, document.defect, line=line).replace("\r\n", "\n")
    try:
        return data.decode(codec or "utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as err:
        text, used = fallback(data)
        where, column = line, 1
        if exact:
            where, column = position(data.decode("latin-1"), err.start, line)
        declared = "UTF-8" if codec is None else f"{codec}, as the headers declare"
        document.defect(
            NOT_UTF8 if codec is None else CHARSET_MISMATCH,
            f"byte 0x{data[err.start]:02x} of the body is not {declared}; the body was decoded as {used}",
            line=where,
            column=column,
        )
        return text.replace("\r\n", "\n")


def _declared_codec(message: email.message.Message) -> str | None:
    """The Python codec of the charset a text body declares; ``"?name"`` for an unknown one."""
    if message.get_content_maintype() != "text":
        return None
    try:
        charset = message.get_content_charset()
    except (LookupError, ValueError, UnicodeError):  # a malformed RFC 2231 parameter
        return None
    if charset is None:
        return None
    try:
        return codecs.lookup(charset).name
    except (LookupError, ValueError):
        return f"?{charset}"


def _add(extra: dict[str, Any], name: str, value: str) -> None:
    """Add a header to extra: a str, or a list of str once the name repeats."""
    if name not in extra:
        extra[name] = value
    elif isinstance(extra[name], list):
        extra[name].append(value)
    else:
        extra[name] = [extra[name], value]


def _bad_column(raw: bytes) -> int:
    """The 1-based column of the first byte that cannot be in a field name."""
    return len(raw) - len(raw.lstrip(_FIELD_NAME_BYTES)) + 1


def _value_column(raw: bytes) -> int:
    """The 1-based column of a field's value: after the colon and the blanks that follow it."""
    value = raw[raw.find(b":") + 1 :]
    return len(raw) - len(value.lstrip(b" \t")) + 1


def _is_message_id(text: str) -> bool:
    """Whether *text* is ``<id@domain>``: no space or angle bracket inside, an ``@`` with text on both sides."""
    return _MESSAGE_ID.fullmatch(text) is not None and "@" in text[2:-2]


def _decode_words(words: str) -> str:
    """Decode a run of RFC 2047 encoded words separated by white space, which goes.

    As :func:`email.header.decode_header` does, which takes time quadratic in
    the number of words: each word undone (every one, before any charset is
    used), then the bytes of neighbours in the same charset joined (a
    character may be split between two words) and decoded.
    """
    runs: list[tuple[str | None, list[bytes]]] = []
    for word in words.split():
        [(chunk, charset)] = email.header.decode_header(word)
        data = chunk if isinstance(chunk, bytes) else chunk.encode("raw-unicode-escape")
        if runs and runs[-1][0] == charset:
            runs[-1][1].append(data)
        else:
            runs.append((charset, [data]))
    return "".join(b"".join(pieces).decode(charset or "ascii") for charset, pieces in runs)


def _snippet(raw: bytes | str) -> str:
    text = raw.decode("latin-1") if isinstance(raw, bytes) else raw
    text = text.rstrip("\r\n")
    return text if len(text) <= 40 else text[:40] + "..."


# -- writing --------------------------------------------------------------


def _render(article: Article) -> bytes:
    headers: list[tuple[str, str]] = []
    for name, value in (
        ("From", article.byline),
        ("Newsgroups", _newsgroups(article)),
        ("Subject", article.headline),
        ("Date", None if article.published is None else _date(article.published)),
        ("Message-ID", article.id),
        ("Content-Language", article.language),
    ):
        if value is not None:
            headers.append((name, _header_value(article, name, value)))
        elif name in ("Newsgroups", "Date") and any(key.lower() == name.lower() for key in article.extra):
            # An empty or unreadable first header, then a repeat kept in
            # extra: the empty one keeps the repeat from taking its place.
            headers.append((name, ""))
    lines_header: str | None = None
    content_type: tuple[int, str] | None = None
    transfer: str | None = None
    for key, value in article.extra.items():
        if not _FIELD_NAME.fullmatch(key):
            continue
        values = [value] if isinstance(value, str) else value if isinstance(value, tuple) else None
        if values is None or not all(isinstance(v, str) for v in values):
            continue
        for item in values:
            item = _header_value(article, key, item)
            if key.lower() == "lines" and lines_header is None:
                lines_header = item
            if key.lower() == "content-type" and content_type is None:
                content_type = (len(headers), item)
            if key.lower() == "content-transfer-encoding" and transfer is None:
                transfer = item.strip().lower()
            headers.append((key, item))
    body = _encode_body(article, content_type, transfer or "", headers)
    if lines_header is None:
        count = body.count(b"\n")
        headers.append(("Lines", str(count)))
    head = "".join(f"{name}: {value}\n" for name, value in headers)
    return head.encode("utf-8") + b"\n" + body


def _encode_body(
    article: Article, content_type: tuple[int, str] | None, transfer: str, headers: list[tuple[str, str]]
) -> bytes:
    """Encode the body as the headers say, as the reader will decode it."""
    text = "\n\n".join(p for p in article.paragraphs if p.strip())
    if text:
        text += "\n"
    data = text.encode("utf-8")
    message = email.message.Message()
    if content_type is not None:
        message["Content-Type"] = content_type[1]
    if message.get_content_maintype() == "multipart":
        # The reader keeps a multipart body as it is: so does the writer.
        return data
    codec = _declared_codec(message)
    if content_type is not None and text and codec is not None and not codec.startswith("?") and codec != "utf-8":
        try:
            declared: bytes | None = text.encode(codec)
        except UnicodeEncodeError:
            declared = None
        # Raw 8-bit bytes must also be UTF-8 (the format's text encoding);
        # base64 and quoted-printable are ASCII on the wire, so any charset
        # that holds the text will do.
        if declared is not None and (transfer in ("quoted-printable", "base64") or declared == data):
            data = declared
        else:
            index, value = content_type
            headers[index] = (headers[index][0], _CHARSET_PARAM.sub(r"\g<1>\g<2>utf-8\g<2>", value, count=1))
    if transfer == "quoted-printable":
        data = quopri.encodestring(data)
    elif transfer == "base64":
        data = base64.encodebytes(data)
    return data


def _newsgroups(article: Article) -> str | None:
    if not article.subjects:
        return None
    for group in article.subjects:
        if not group or "," in group or any(c.isspace() for c in group):
            msg = (
                f"cannot write {describe(article)} as rfc822-news:"
                f" newsgroup {group!r} is empty or holds a comma or space"
            )
            raise WriteError(msg)
    return ",".join(article.subjects)


def _header_value(article: Article, name: str, value: str) -> str:
    if "\n" in value or "\r" in value:
        msg = f"cannot write {describe(article)} as rfc822-news: its {name} header spans lines"
        raise WriteError(msg)
    return value


def _date(value: DateValue) -> str:
    # RFC 1036 dates; a value the rfc822 style cannot hold (a day, a time
    # without zone) is written in ISO 8601, which reads back the same.
    try:
        return format_date(value, "rfc822")
    except ValueError:
        return format_date(value, "iso")
