"""wirecopy's own JSON Lines: one :meth:`Article.to_dict` record per line.

Lossless for every field of every format, origin and defects included, so
it is the format to convert a corpus into and read it back from.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO

import attrs

from ..article import Article
from ..context import Document
from ..defects import BAD_RECORD
from ..kit.text import Part, TextFormat, lines
from ._json_object import json_object

__all__ = ["JSONLinesFormat"]

_encoder = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), allow_nan=False)
# Escaping to ASCII is the faster of the two at C speed, and gives the same
# line as long as nothing was written as a \u escape: text without one is
# ASCII, and the other escapes (\n, \", \\) are the same in both.  It also
# carries a lone surrogate (read from a "\ud800" escape), which has no UTF-8
# form.
_ascii_encoder = json.JSONEncoder(ensure_ascii=True, separators=(", ", ": "), allow_nan=False)
# The C encoder that _ascii_encoder.encode() builds anew for every record,
# built once (a record is a fresh tree of dicts and lists: no cycle to look
# for); the encoder itself where the C one is missing.
_make_encoder = getattr(json.encoder, "c_make_encoder", None)
_ascii_line: Callable[[dict[str, Any]], str] = _ascii_encoder.encode
if _make_encoder is not None:
    _chunks = _make_encoder(
        None, _ascii_encoder.default, json.encoder.encode_basestring_ascii, None, ": ", ", ", False, False, False
    )

    def _c_line(record: dict[str, Any]) -> str:
        return "".join(_chunks(record, 0))

    _ascii_line = _c_line


class _NotJSON(ValueError):
    """A number or constant that Python's json module accepts but JSON does not."""


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        msg = f"number {text} is out of range"
        raise _NotJSON(msg)
    return value


def _constant(name: str) -> float:
    msg = f"{name} is not JSON"
    raise _NotJSON(msg)


_decoder = json.JSONDecoder(parse_float=_finite, parse_constant=_constant)


class JSONLinesFormat(TextFormat):
    """One JSON object per line, exactly the :meth:`Article.to_dict` form.

    A record keeps the defects it was stored with: they are the problems of
    the document it was first read from, and the policy treats them as such
    (see ``docs/formats/jsonl.md``).

    .. versionadded:: 0.1
    """

    name = "jsonl"
    aliases = ("json-lines", "wirecopy-jsonl")
    extensions = (".jsonl", ".ndjson")
    description = "wirecopy's JSON Lines: one Article.to_dict() record per line, lossless"
    url = "https://jsonlines.org/"
    version_added = "0.1"
    empty_message = "no JSON record found"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """A first line that is an object with wirecopy's leading keys is certain."""
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if first.startswith(b'{"format": '):
            return 1.0
        if first.startswith(b"{") and b'"format"' in first[:200] and b'"paragraphs"' in first:
            return 0.8
        return 0.0

    def split(self, stream: BinaryIO, limit: int) -> Iterator[Part]:
        """Each line that is not blank is a document."""
        return lines(stream, limit)

    def parse(self, part: Part, document: Document) -> Article | None:
        """Read one record; ``None`` (left out) for a line that is not an article record."""
        line = part.line
        raw = part.data
        try:
            # What json.loads() does with bytes, with one decoder for every line.
            text = raw.decode(json.detect_encoding(raw), "surrogatepass")
        except UnicodeDecodeError as err:
            document.leave_out(BAD_RECORD, f"line is not UTF-8: {err.reason}", line=line, column=err.start + 1)
            return None
        data = json_object(_decoder.decode, text, document, line, _type_name)
        if data is None:
            return None
        try:
            article = Article.from_dict(data)
        except (TypeError, ValueError) as err:
            document.leave_out(BAD_RECORD, f"not an article record: {err}", line=line, column=1)
            return None
        if article.defects and document.context.policy.strict:
            # Under strict, the first problem raises: a stored one too, as
            # reading the original document would have raised it.
            first = article.defects[0]
            message = f"the record carries a defect: {first.message}"
            document.leave_out(first.kind, message, line=line, column=1)
        # Keep the origin the record carries (where the article was first
        # read); a record without one (no key, or null: an article never
        # read from a file) gets this file's position, so that every article
        # says where it came from.
        if article.origin is None:
            article = attrs.evolve(article, origin=document.origin)
        return article

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write one record per line, UTF-8, each line ending in a newline.

        Raises:
            WriteError: ``extra`` holds NaN or an infinity, which JSON cannot.
        """
        write = stream.write
        for article in articles:
            record = article.to_dict()
            try:
                line = _ascii_line(record)
            except ValueError as err:
                raise self.refuse(article, f"its extra holds a number JSON cannot ({err})") from None
            # A "\u" may also be an escaped backslash before a "u": the other
            # way then, which gives the same line.
            if "\\" in line and "\\u" in line:
                try:
                    line = _encoder.encode(record)
                    data = (line + "\n").encode("utf-8")
                except UnicodeEncodeError:
                    data = (_ascii_encoder.encode(record) + "\n").encode("ascii")
            else:
                data = (line + "\n").encode("ascii")
            write(data)


def _type_name(value: object) -> str:
    """The Python name of a JSON value's type, for a message: ``"list"``, ``"str"``."""
    return type(value).__name__
