"""wirecopy's own JSON Lines: one :meth:`Article.to_dict` record per line.

Lossless for every field of every format, origin and defects included, so
it is the format to convert a corpus into and read it back from.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import attrs

from ..article import Article
from ..context import ReadContext
from ..errors import WriteError
from ..registry import Format

__all__ = ["JSONLinesFormat"]

_encoder = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), allow_nan=False)
# For a record holding a lone surrogate (read from a "\ud800" escape), which
# has no UTF-8 form: JSON's \u escapes carry it.
_ascii_encoder = json.JSONEncoder(ensure_ascii=True, separators=(", ", ": "), allow_nan=False)


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


class JSONLinesFormat(Format):
    """One JSON object per line, exactly the :meth:`Article.to_dict` form.

    .. versionadded:: 0.1
    """

    name = "jsonl"
    aliases = ("json-lines", "wirecopy-jsonl")
    extensions = (".jsonl", ".ndjson")
    description = "wirecopy's JSON Lines: one Article.to_dict() record per line, lossless"
    url = "https://jsonlines.org/"
    version_added = "0.1"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """A first line that is an object with wirecopy's leading keys is certain."""
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if first.startswith(b'{"format": '):
            return 1.0
        if first.startswith(b"{") and b'"format"' in first[:200] and b'"paragraphs"' in first:
            return 0.8
        return 0.0

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield one article per non-blank line."""
        offset = 0
        line = 0
        seen = False
        for raw in stream:
            line += 1
            start = offset
            offset += len(raw)
            if not raw.strip():
                continue
            seen = True
            try:
                data = json.loads(raw, parse_float=_finite, parse_constant=_constant)
            except UnicodeDecodeError as err:
                context.skip(context.error(f"line is not UTF-8: {err.reason}", line=line, column=err.start + 1))
                continue
            except json.JSONDecodeError as err:
                context.skip(context.error(f"invalid JSON: {err.msg}", line=line, column=err.pos + 1))
                continue
            except (ValueError, RecursionError) as err:
                # NaN and infinities, integers too long to convert, nesting
                # too deep to decode: none can be a record.
                context.skip(context.error(f"invalid JSON: {err}", line=line, column=1))
                continue
            if not isinstance(data, dict):
                context.skip(context.error(f"expected a JSON object, got {type(data).__name__}", line=line, column=1))
                continue
            recorded = "origin" in data
            try:
                article = Article.from_dict(data)
            except (TypeError, ValueError) as err:
                context.skip(context.error(f"not an article record: {err}", line=line, column=1))
                continue
            # Keep the origin the record carries, even null (where the article
            # was first read); a record without the key gets this file's position.
            origin = context.origin(line=line, offset=start)
            if not recorded:
                article = attrs.evolve(article, origin=origin)
            yield article
        if not seen:
            context.skip(context.error("empty input: no JSON record found", line=1, column=1, kind="empty-input"))

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write one record per line, UTF-8, each line ending in a newline.

        Raises:
            WriteError: ``extra`` holds NaN or an infinity, which JSON cannot.
        """
        for article in articles:
            record = article.to_dict()
            try:
                line = _encoder.encode(record)
            except ValueError as err:
                name = f"article {article.id!r}" if article.id else "an article"
                msg = f"cannot write {name} as jsonl: its extra holds a number JSON cannot ({err})"
                raise WriteError(msg) from None
            try:
                data = line.encode("utf-8")
            except UnicodeEncodeError:
                data = _ascii_encoder.encode(record).encode("ascii")
            stream.write(data)
            stream.write(b"\n")
