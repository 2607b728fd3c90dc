"""Apache Parquet files holding an article table: the columnar output that pandas, Polars, DuckDB and Spark read.

Needs the ``arrow`` extra (``pip install "wirecopy[arrow]"``).  This module
imports without it, so that the registry and detection never depend on
pyarrow; reading or writing without it raises
:class:`~wirecopy.errors.FormatLoadError` saying what to install.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any, BinaryIO

import attrs

from .. import _arrow
from ..article import Article
from ..context import ReadContext
from ..defects import BAD_ROW, BAD_ROW_GROUP, DOCUMENT_TOO_LARGE, EMPTY_INPUT, NOT_AN_ARTICLE_TABLE, NOT_PARQUET
from ..registry import Format

__all__ = ["ParquetFormat"]

_MAGIC = b"PAR1"
_USER = "format 'parquet'"
#: The compression of every column: zstd at its default level compresses news
#: text about twice as well as snappy, Parquet's usual default, at a similar
#: speed, and every Parquet reader in use (pyarrow, pandas, Polars, DuckDB,
#: Spark 3, datasets) reads it.
COMPRESSION = "zstd"
# Columns with few distinct values, where a dictionary pays; in the body
# columns it would only cost time before Parquet gives it up.
_DICTIONARY = [
    "format",
    "source",
    "language",
    "dateline.place",
    "dateline.region",
    "dateline.agency",
    "subjects.list.element",
    "origin.path",
    "defects.list.element.kind",
]
# Errors pyarrow raises on a damaged file: ArrowException's subclasses are
# also OSError, ValueError, TypeError, KeyError, IndexError or MemoryError.
_DAMAGED = (OSError, ValueError, TypeError, KeyError, IndexError, MemoryError, NotImplementedError, EOFError)


class ParquetFormat(Format):
    """Parquet files of one article table, with the schema of :data:`wirecopy.arrow.ARTICLE_SCHEMA`.

    Reading goes one row group at a time, so memory is bounded by a row
    group; writing streams the articles into row groups of
    :data:`wirecopy.arrow.DEFAULT_BATCH_SIZE` articles, zstd-compressed.
    Lossless for every field, origin and defects included; a row that
    records no origin is given its own.  For a Parquet row, "line" in
    messages and origins is its 1-based row number.

    .. versionadded:: 0.1
    """

    name = "parquet"
    extensions = (".parquet",)
    description = "Apache Parquet article tables (the wirecopy.arrow schema), in row groups; needs wirecopy[arrow]"
    url = "https://parquet.apache.org/docs/file-format/"
    version_added = "0.1"
    media_types = ("application/vnd.apache.parquet",)
    binary = True
    # Parquet is binary: latin-1 maps every byte to one character and back,
    # so that dumps() and loads() carry the file unchanged.
    encoding = "latin-1"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """A file that starts with Parquet's magic ``PAR1`` is certain."""
        return 1.0 if head.startswith(_MAGIC) else 0.0

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield the articles of each row group in turn.

        A stream that cannot seek (a compressed file, a pipe) is first copied
        to a temporary file: Parquet keeps its table of contents at the end.

        Raises:
            FormatLoadError: pyarrow is not installed.
        """
        pq = _arrow.load("pyarrow.parquet", _USER)
        source, spool = _random_access(stream)
        try:
            yield from _read(pq, source, context)
        finally:
            if spool is not None:
                spool.close()

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write one Parquet file, a row group per batch of articles, as they come.

        The stream needs no seeking, so standard output will do.  If writing
        stops on an error, the file gets no footer, so that no reader takes
        what was written for a whole table.

        Raises:
            FormatLoadError: pyarrow is not installed.
            WriteError: An article holds what the table cannot: a lone
                surrogate in its text, NaN or an infinity in ``extra``, a
                number beyond 64 bits.
        """
        pq = _arrow.load("pyarrow.parquet", _USER)
        sink = _Sink(stream)
        writer = pq.ParquetWriter(sink, _arrow.article_schema(), compression=COMPRESSION, use_dictionary=_DICTIONARY)
        try:
            for batch in _arrow.batches(articles):
                writer.write_batch(batch)
                # Let go of it before the next is built: one row group in memory, not two.
                del batch
        except BaseException:
            sink.cut()
            with contextlib.suppress(Exception):
                writer.close()
            raise
        writer.close()


def _random_access(stream: BinaryIO) -> tuple[IO[bytes], IO[bytes] | None]:
    """*stream* itself when it can seek from its start, else a temporary copy (and the copy, to close)."""
    try:
        if stream.seekable() and stream.tell() == 0:
            return stream, None
    except (OSError, ValueError):
        pass
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the reader
    try:
        shutil.copyfileobj(stream, spool, 1 << 20)
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    return spool, spool


def _read(pq: Any, source: IO[bytes], context: ReadContext) -> Iterator[Article]:
    head = source.read(len(_MAGIC))
    source.seek(0)
    if not head:
        context.leave_out(EMPTY_INPUT, "empty input: no Parquet file", line=1, column=1)
        return
    if head != _MAGIC:
        context.leave_out(NOT_PARQUET, "not a Parquet file: it does not start with PAR1", line=1, column=1)
        return
    try:
        parquet = pq.ParquetFile(source)
        schema = parquet.schema_arrow
        groups = [parquet.metadata.row_group(group) for group in range(parquet.num_row_groups)]
        counts = [group.num_rows for group in groups]
        sizes = [group.total_byte_size for group in groups]
    except _DAMAGED as err:
        context.leave_out(NOT_PARQUET, f"not a readable Parquet file: {err}", line=1, column=1)
        return
    try:
        decoder = _arrow.Decoder(schema)
    except _arrow.TableError as err:
        context.leave_out(NOT_AN_ARTICLE_TABLE, f"not an article table: {err}", line=1, column=1)
        return
    row = 0
    limit = context.policy.max_document_size
    for group, count in enumerate(counts):
        where = f"row group {group} (rows {row + 1} to {row + count})"
        if sizes[group] > limit * max(count, 1):
            # Not read at all: a damaged or hostile footer may promise any size.
            doc = context.document(line=row + 1)
            message = f"{where} holds {sizes[group]:,} bytes, more than {limit:,} per row: left out unread"
            doc.leave_out(DOCUMENT_TOO_LARGE, message, line=row + 1, column=1)
            row += max(count, 0)
            continue
        try:
            rows = decoder.decode(parquet.read_row_group(group, columns=decoder.columns))
        except (*_DAMAGED, _arrow.TableError) as err:
            # One report for the whole group: its row count comes from the
            # damaged file and may be anything.
            doc = context.document(line=row + 1)
            doc.leave_out(BAD_ROW_GROUP, f"{where} cannot be read: {err}", line=row + 1, column=1)
            row += max(count, 0)
            continue
        for item in rows:
            row += 1
            doc = context.document(line=row)
            if isinstance(item, str):
                doc.leave_out(BAD_ROW, f"row {row} is not an article: {item}", line=row, column=1)
            elif decoder.has_origin and item.origin is not None:
                # Where the article was first read, as the table records it.
                yield item
            else:
                # No origin recorded: the article comes from this row.
                yield attrs.evolve(item, origin=doc.origin)


class _Sink:
    """The stream pyarrow writes to, which can be cut off: after :meth:`cut`, writes go nowhere."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream: BinaryIO | None = stream
        self.closed = False

    def write(self, data: Any) -> int:
        if self._stream is not None:
            self._stream.write(data)
        return len(data)

    def flush(self) -> None:
        if self._stream is not None:
            self._stream.flush()

    def writable(self) -> bool:
        return True

    def close(self) -> None:
        # The stream is the caller's: pyarrow closing its writer must not close it.
        self.closed = True

    def cut(self) -> None:
        self._stream = None
