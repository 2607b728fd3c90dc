"""Articles as Apache Arrow tables, the columnar form that pandas, Polars, DuckDB, Spark and datasets read.

Needs the ``arrow`` extra (``pip install "wirecopy[arrow]"``), which installs
pyarrow; pandas and Polars are yours to install.  ``import wirecopy.arrow``
works without pyarrow; the functions, and :data:`ARTICLE_SCHEMA`, raise
:class:`~wirecopy.errors.FormatLoadError` (an :class:`ImportError`) saying
what to install.

>>> import wirecopy, wirecopy.arrow
>>> table = wirecopy.arrow.to_table(wirecopy.read("seeds/cnn-reuters-2000-12-30-missile-talks.txt"))
>>> table.num_rows, table["published_day"][0].as_py()  # doctest: +SKIP
(1, datetime.date(2000, 12, 30))
>>> wirecopy.arrow.from_table(table) == list(wirecopy.read("seeds/cnn-reuters-2000-12-30-missile-talks.txt"))
True

The table has one column per key of :meth:`Article.to_dict
<wirecopy.article.Article.to_dict>`, with the same names and nesting, so
that it mirrors the JSON Schema field for field (see ``docs/columnar.md``):

* ``format``, ``id``, ``source``, ``headline``, ``byline``, ``language``:
  ``string`` (``format`` never null);
* ``published``: the ISO 8601 text, exactly as in the JSON record, which
  keeps the precision (``2000-12-30`` is a day, ``2000-12-30T18:00:00`` a
  time without zone, ``2000-12-30T18:00:00+05:00`` a time with one); beside
  it ``published_utc``, a ``timestamp[us, UTC]`` that is null unless the time
  has a zone, and ``published_day``, a ``date32``, the calendar date as
  written (null only where there is no date);
* ``dateline``: a struct of ``text``, ``place``, ``region``, ``agency`` and
  ``date``, with ``date_utc`` and ``date_day`` as for ``published``;
* ``paragraphs``, ``highlights``, ``subjects``: ``list<string>``, never null;
* ``extra``: the JSON text of the mapping (``{}`` when empty), lossless
  for whatever JSON can hold;
* ``origin``: a struct of ``path``, ``line``, ``offset`` and ``index``;
* ``defects``: a list of structs of ``kind``, ``message``, ``line`` and
  ``column``.

Reading takes the ISO text as the value of a date; the ``_utc`` and
``_day`` columns are derived from it, for filtering and grouping.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import _arrow
from .article import Article
from .defects import BAD_ROW, NOT_AN_ARTICLE_TABLE
from .errors import ParseError

__all__ = ["ARTICLE_SCHEMA", "DEFAULT_BATCH_SIZE", "from_table", "to_batches", "to_table"]

#: Articles per record batch at most, by default.  A batch also ends once its
#: paragraphs hold 32 MiB of text, so that memory stays bounded whatever the
#: articles' length.
DEFAULT_BATCH_SIZE = _arrow.DEFAULT_BATCH_SIZE

_USER = "wirecopy.arrow"


def to_batches(articles: Iterable[Article], batch_size: int = DEFAULT_BATCH_SIZE) -> Any:
    """Stream *articles* as a :class:`pyarrow.RecordBatchReader` of :data:`ARTICLE_SCHEMA`.

    The articles are read from the iterable only as the batches are asked
    for, so a :class:`~wirecopy.api.Reader` streams through with memory
    bounded by one batch.  Hand the reader to anything that takes Arrow
    streams: ``pyarrow.parquet.ParquetWriter``, ``pyarrow.dataset.write_dataset``,
    ``polars.from_arrow``, DuckDB.

    Args:
        articles: The articles, in order.
        batch_size: Articles per batch at most.

    Raises:
        FormatLoadError: pyarrow is not installed.
        ValueError: *batch_size* is less than 1.
        WriteError: While reading the stream: an article holds what Arrow
            cannot, a lone surrogate in its text (no UTF-8 form), NaN or an
            infinity in ``extra`` (no JSON form), or a number beyond 64 bits.

    .. versionadded:: 0.1
    """
    pa = _arrow.load("pyarrow", _USER)
    if batch_size < 1:
        msg = f"batch_size must be at least 1 (got {batch_size})"
        raise ValueError(msg)
    return pa.RecordBatchReader.from_batches(_arrow.article_schema(), _arrow.batches(articles, batch_size))


def to_table(articles: Iterable[Article]) -> Any:
    """Return *articles* as one :class:`pyarrow.Table` of :data:`ARTICLE_SCHEMA`, one row per article.

    Raises:
        FormatLoadError: pyarrow is not installed.
        WriteError: As for :func:`to_batches`.

    .. versionadded:: 0.1
    """
    pa = _arrow.load("pyarrow", _USER)
    return pa.Table.from_batches(list(_arrow.batches(articles)), schema=_arrow.article_schema())


def from_table(table: Any) -> list[Article]:
    """Return the articles of an article table, origin and defects included.

    ``from_table(to_table(articles)) == articles``, and so are their origins
    and defects.  *table* is a :class:`pyarrow.Table` or
    :class:`pyarrow.RecordBatch`; it may come from Parquet, pandas or Polars
    (``large_string`` and ``large_list`` columns are read as well) and may
    leave out columns: their values take the defaults, as keys missing from
    :meth:`Article.from_dict <wirecopy.article.Article.from_dict>`'s dict
    do.  Only ``format`` is required.

    Raises:
        FormatLoadError: pyarrow is not installed.
        ParseError: The table is not an article table (a column is unknown,
            missing or of the wrong type), or a row is not an article; the
            error's ``lineno`` is the 1-based row.

    .. versionadded:: 0.1
    """
    _arrow.load("pyarrow", _USER)
    try:
        decoder = _arrow.Decoder(table.schema)
        articles = []
        for row, item in enumerate(decoder.decode(table), 1):
            if isinstance(item, str):
                raise ParseError(f"row {row} is not an article: {item}", lineno=row, kind=BAD_ROW)
            articles.append(item)
    except _arrow.TableError as err:
        raise ParseError(f"not an article table: {err}", kind=NOT_AN_ARTICLE_TABLE) from None
    return articles


def __getattr__(name: str) -> Any:
    # PEP 562: the schema needs pyarrow, which is imported when it is first asked for.
    if name == "ARTICLE_SCHEMA":
        return _arrow.article_schema()
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted([*globals(), "ARTICLE_SCHEMA"])


ARTICLE_SCHEMA: Any
"""The :class:`pyarrow.Schema` of an article table, as the module docstring describes it.

Built on first use (it needs pyarrow); shared, so do not change it.  Its
metadata carries ``wirecopy.article-table: 1``.
"""
