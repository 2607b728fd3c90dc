"""wirecopy's own JSON Lines: one :meth:`Article.to_dict` record per line.

Lossless for every field of every format, origin and defects included, so
it is the format to convert a corpus into and read it back from.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import attrs

from ..article import Article
from ..context import ReadContext
from ..registry import Format

__all__ = ["JSONLinesFormat"]

_encoder = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), allow_nan=False)


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
        for raw in stream:
            line += 1
            start = offset
            offset += len(raw)
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
            except UnicodeDecodeError as err:
                context.skip(context.error(f"line is not UTF-8: {err.reason}", line=line, column=err.start + 1))
                continue
            except json.JSONDecodeError as err:
                context.skip(context.error(f"invalid JSON: {err.msg}", line=line, column=err.pos + 1))
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

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write one record per line, UTF-8, each line ending in a newline."""
        encode = _encoder.encode
        for article in articles:
            stream.write(encode(article.to_dict()).encode("utf-8"))
            stream.write(b"\n")

