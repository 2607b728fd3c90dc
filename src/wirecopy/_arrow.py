"""Articles as Arrow record batches and back: the machinery of :mod:`wirecopy.arrow` and the ``parquet`` format.

pyarrow is an optional dependency (the ``arrow`` extra), so it is imported
on first use, by :func:`load`, which says what to install when it is missing.
Everything pyarrow gives is typed ``Any`` here: the lint environment has no
pyarrow to check against.

The table has one column per key of :meth:`Article.to_dict`, with the same
names and the same nesting, plus two columns per date that keep it usable
without parsing text: ``<date>_utc`` (the instant, for a time with a zone)
and ``<date>_day`` (the calendar date, for any date).  The ISO text is the
value; the two others are derived from it, and reading ignores them.
"""

from __future__ import annotations

import datetime as _dt
import functools
import importlib
import itertools
import json
import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .article import Article, FrozenDict
from .errors import FormatLoadError, WriteError

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "MAX_BATCH_BYTES",
    "Decoder",
    "TableError",
    "article_schema",
    "batches",
    "encode",
    "load",
]

#: Articles per record batch (and per Parquet row group) at most.
DEFAULT_BATCH_SIZE = 8192
#: Characters of text per record batch at most, so that a corpus of very long
#: articles still makes batches of bounded size.
MAX_BATCH_BYTES = 32 << 20
#: Rows turned into Python objects at once when reading.
_SLICE = 1024

#: Schema metadata that marks a table as an article table, and its version.
SCHEMA_METADATA = {b"wirecopy.article-table": b"1"}

# Columns pandas writes for an index that is not a plain range: not data.
_PANDAS_INDEX = re.compile(r"__index_level_\d+__")


def load(module: str, user: str) -> Any:
    """Import *module* (``"pyarrow"``, ``"pyarrow.parquet"``) for *user*, or say what to install.

    Raises:
        FormatLoadError: pyarrow is not installed.
    """
    try:
        return importlib.import_module(module)
    except ImportError as err:
        msg = f'{user} needs pyarrow, which is not installed: pip install "wirecopy[arrow]"'
        raise FormatLoadError(msg) from err


def _pa() -> Any:
    return load("pyarrow", "wirecopy.arrow")


def _date_fields(pa: Any, name: str) -> list[Any]:
    return [
        pa.field(name, pa.string()),
        pa.field(f"{name}_utc", pa.timestamp("us", tz="UTC")),
        pa.field(f"{name}_day", pa.date32()),
    ]


def _strings(pa: Any) -> Any:
    # "element" is the item name the Parquet specification gives list items,
    # so that a table read back from Parquet has this very schema.
    return pa.list_(pa.field("element", pa.string(), nullable=False))


@functools.cache
def article_schema() -> Any:
    """The Arrow schema of an article table (``wirecopy.arrow.ARTICLE_SCHEMA``)."""
    pa = _pa()
    string = pa.string()
    dateline = pa.struct(
        [
            pa.field("text", string, nullable=False),
            pa.field("place", string),
            pa.field("region", string),
            pa.field("agency", string),
            *_date_fields(pa, "date"),
        ]
    )
    origin = pa.struct(
        [
            pa.field("path", string),
            pa.field("line", pa.int64()),
            pa.field("offset", pa.int64()),
            pa.field("index", pa.int64()),
        ]
    )
    defect = pa.struct(
        [
            pa.field("kind", string, nullable=False),
            pa.field("message", string, nullable=False),
            pa.field("line", pa.int64()),
            pa.field("column", pa.int64()),
        ]
    )
    return pa.schema(
        [
            pa.field("format", string, nullable=False),
            pa.field("id", string),
            pa.field("source", string),
            pa.field("headline", string),
            pa.field("byline", string),
            *_date_fields(pa, "published"),
            pa.field("dateline", dateline),
            pa.field("paragraphs", _strings(pa), nullable=False),
            pa.field("highlights", _strings(pa), nullable=False),
            pa.field("subjects", _strings(pa), nullable=False),
            pa.field("language", string),
            pa.field("extra", string, nullable=False),
            pa.field("origin", origin),
            pa.field("defects", pa.list_(pa.field("element", defect, nullable=False)), nullable=False),
        ],
        metadata=SCHEMA_METADATA,
    )


# -- writing ----------------------------------------------------------------


def _date_columns(pa: Any, values: list[_dt.date | None]) -> list[Any]:
    """The three columns of one date field: ISO text, UTC instant, calendar day."""
    text: list[str | None] = []
    utc: list[_dt.datetime | None] = []
    day: list[_dt.date | None] = []
    for value in values:
        if value is None:
            text.append(None)
            utc.append(None)
            day.append(None)
        elif isinstance(value, _dt.datetime):
            text.append(value.isoformat())
            # A naive time is a wall-clock reading: no instant can be given.
            utc.append(value if value.utcoffset() is not None else None)
            day.append(value.date())
        else:
            text.append(value.isoformat())
            utc.append(None)
            day.append(value)
    return [pa.array(text, pa.string()), pa.array(utc, pa.timestamp("us", tz="UTC")), pa.array(day, pa.date32())]


def _list_column(pa: Any, lists: list[tuple[Any, ...]], values: Any, kind: Any) -> Any:
    """A list column of *lists*, whose items, flattened, are the array *values*."""
    offsets = pa.array(list(itertools.accumulate(map(len, lists), initial=0)), pa.int32())
    return pa.ListArray.from_arrays(offsets, values, type=kind)


def _struct_column(pa: Any, records: list[Any], kind: Any, children: list[Any] | None = None) -> Any:
    """A struct column of *kind* from the records' attributes of the same names (``None`` for a null struct).

    *children* are arrays made elsewhere for the last fields of *kind*.
    """
    made = [] if children is None else children
    fields = list(kind)
    arrays = []
    for field in fields[: len(fields) - len(made)]:
        get = operator.attrgetter(field.name)
        # A non-nullable child needs a value even under a null parent:
        # Parquet refuses a null there, hidden or not.
        hidden = None if field.nullable else ""
        arrays.append(pa.array([hidden if r is None else get(r) for r in records], field.type))
    mask = pa.array([r is None for r in records], pa.bool_())
    return pa.StructArray.from_arrays([*arrays, *made], fields=fields, mask=mask)


def _plain(value: object) -> dict[str, Any]:
    # Called by the JSON encoder for what it does not know: only a nested
    # FrozenDict can be in extra (tuples are written as lists already).
    if isinstance(value, FrozenDict):
        return dict(value)
    msg = f"{type(value).__name__} is not JSON"
    raise TypeError(msg)


_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_plain)
_ascii_encoder = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), allow_nan=False, default=_plain)


def _extra_json(extra: FrozenDict) -> str:
    if not extra:
        return "{}"
    # dict(extra) rather than extra.thaw(): the encoder takes the nested
    # values as they are, which saves copying every extra.
    record = dict(extra)
    text = _encoder.encode(record)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate has no UTF-8 form, and Arrow text is UTF-8:
            # JSON's \u escapes carry it.
            text = _ascii_encoder.encode(record)
    return text


def encode(articles: Sequence[Article]) -> Any:
    """Build one :class:`pyarrow.RecordBatch` of the article schema from *articles*.

    Raises:
        WriteError: An article holds what the table cannot: a lone surrogate
            in a text field, NaN or an infinity in ``extra``, a number out of
            the 64-bit range.
    """
    try:
        return _encode(articles)
    except WriteError:
        raise
    except (ValueError, OverflowError, TypeError) as err:
        # pyarrow's errors are ValueError and TypeError subclasses.  Say which
        # article it is: the first that fails on its own.
        if len(articles) > 1:
            for article in articles:
                encode([article])
        raise WriteError(_cannot_write(articles[0] if len(articles) == 1 else None, _reason(err))) from None


def _cannot_write(article: Article | None, reason: str) -> str:
    if article is None:
        name = "the articles"
    elif article.id:
        name = f"article {article.id!r}"
    elif article.headline:
        name = f"article {article.headline[:60]!r}"
    else:
        name = "an article"
    return f"cannot write {name} as an Arrow table: {reason}"


def _reason(err: BaseException) -> str:
    if isinstance(err, UnicodeEncodeError):
        return f"its text holds {err.object[err.start : err.end]!r}, which UTF-8 cannot encode"
    if isinstance(err, OverflowError):
        return "a line, column, offset or index is out of the 64-bit range"
    return str(err)


def _encode(articles: Sequence[Article]) -> Any:
    # Column by column: a comprehension per field is several times faster
    # than appending every field of each article in turn.
    pa = _pa()
    schema = article_schema()
    string = pa.string()
    extras = []
    for article in articles:
        try:
            extras.append(_extra_json(article.extra))
        except ValueError:
            reason = "its extra holds NaN or an infinity, which JSON cannot"
            raise WriteError(_cannot_write(article, reason)) from None
    datelines = [a.dateline for a in articles]
    defects = [a.defects for a in articles]
    strings = schema.field("paragraphs").type
    columns = [
        pa.array([a.format for a in articles], string),
        pa.array([a.id for a in articles], string),
        pa.array([a.source for a in articles], string),
        pa.array([a.headline for a in articles], string),
        pa.array([a.byline for a in articles], string),
        *_date_columns(pa, [a.published for a in articles]),
        _struct_column(
            pa,
            datelines,
            schema.field("dateline").type,
            _date_columns(pa, [None if d is None else d.date for d in datelines]),
        ),
    ]
    for name in ("paragraphs", "highlights", "subjects"):
        lists = [getattr(a, name) for a in articles]
        values = pa.array(list(itertools.chain.from_iterable(lists)), string)
        columns.append(_list_column(pa, lists, values, strings))
    defect_type = schema.field("defects").type
    items = _struct_column(pa, list(itertools.chain.from_iterable(defects)), defect_type.value_type)
    columns += [
        pa.array([a.language for a in articles], string),
        pa.array(extras, string),
        _struct_column(pa, [a.origin for a in articles], schema.field("origin").type),
        _list_column(pa, defects, items, defect_type),
    ]
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def batches(articles: Iterable[Article], size: int = DEFAULT_BATCH_SIZE) -> Iterator[Any]:
    """Encode *articles* into record batches of at most *size* articles, lazily.

    A batch also ends once its paragraphs hold :data:`MAX_BATCH_BYTES`
    characters, so that memory stays bounded whatever the articles' length.
    No batch is empty; no article gives no batch.

    Raises:
        ValueError: *size* is less than 1.
        WriteError: As for :func:`encode`.
    """
    if size < 1:
        msg = f"batch_size must be at least 1 (got {size})"
        raise ValueError(msg)
    chunk: list[Article] = []
    weight = 0
    for article in articles:
        chunk.append(article)
        weight += sum(map(len, article.paragraphs))
        if len(chunk) >= size or weight >= MAX_BATCH_BYTES:
            yield encode(chunk)
            chunk = []
            weight = 0
    if chunk:
        yield encode(chunk)


# -- reading ----------------------------------------------------------------


class TableError(ValueError):
    """A table whose columns are not those of an article table; the message says which."""


def _read_types(pa: Any) -> dict[str, Any]:
    """The columns read back, each nullable (a null is a row's problem, not the table's)."""
    schema = article_schema()
    read: dict[str, Any] = {}
    for field in schema:
        if field.name.endswith(("_utc", "_day")):
            continue
        kind = field.type
        if field.name == "dateline":
            kind = pa.struct([child.with_nullable(True) for child in kind if not child.name.endswith(("_utc", "_day"))])
        elif pa.types.is_struct(kind):
            kind = pa.struct([child.with_nullable(True) for child in kind])
        elif field.name == "defects":
            items = pa.struct([child.with_nullable(True) for child in kind.value_type])
            kind = pa.list_(pa.field("element", items))
        elif pa.types.is_list(kind):
            kind = pa.list_(pa.field("element", pa.string()))
        read[field.name] = kind
    return read


def _fits(pa: Any, actual: Any, wanted: Any) -> str | None:
    """Why a column of type *actual* cannot be read as *wanted*, or ``None`` when it can."""
    types = pa.types
    if types.is_null(actual):
        return None
    if types.is_string(wanted):
        ok = types.is_string(actual) or types.is_large_string(actual) or _is(types, "is_string_view", actual)
        return None if ok else f"{actual}, not text"
    if types.is_integer(wanted):
        return None if types.is_integer(actual) else f"{actual}, not integers"
    if types.is_list(wanted):
        if not (types.is_list(actual) or types.is_large_list(actual) or _is(types, "is_list_view", actual)):
            return f"{actual}, not a list"
        inner = _fits(pa, actual.value_type, wanted.value_type)
        return None if inner is None else f"a list of {inner}"
    assert types.is_struct(wanted)
    if not types.is_struct(actual):
        return f"{actual}, not a struct"
    present = {child.name: child.type for child in actual}
    unknown = sorted(set(present) - {child.name for child in wanted} - _DERIVED_CHILDREN)
    if unknown:
        return f"a struct with unknown fields {', '.join(map(repr, unknown))}"
    for child in wanted:
        if child.name in present:
            inner = _fits(pa, present[child.name], child.type)
            if inner is not None:
                return f"a struct whose field {child.name!r} is {inner}"
    return None


_DERIVED_CHILDREN = frozenset({"date_utc", "date_day"})


def _is(types: Any, check: str, actual: Any) -> bool:
    # Newer pyarrow has view types that older releases lack.
    test = getattr(types, check, None)
    return bool(test is not None and test(actual))


class Decoder:
    """Reads the articles out of tables of one schema.

    Columns may be missing (their values take the defaults, as keys missing
    from a dict do for :meth:`Article.from_dict`), and may use other Arrow
    types of the same kind (``large_string``, ``large_list``, any integer),
    as Polars and pandas write them; ``format`` is required, and an unknown
    column is refused, so that nothing is dropped in silence.

    Raises:
        TableError: The schema is not that of an article table.
    """

    def __init__(self, schema: Any) -> None:
        pa = _pa()
        self._pa = pa
        read = _read_types(pa)
        known = {field.name for field in article_schema()}
        names = list(schema.names)
        if len(set(names)) != len(names):
            duplicated = sorted({name for name in names if names.count(name) > 1})
            msg = f"columns {', '.join(map(repr, duplicated))} appear twice"
            raise TableError(msg)
        unknown = [name for name in names if name not in known and not _PANDAS_INDEX.fullmatch(name)]
        if unknown:
            msg = f"unknown column{'s' * (len(unknown) > 1)} {', '.join(map(repr, unknown))}"
            raise TableError(msg)
        if "format" not in names:
            msg = "no 'format' column"
            raise TableError(msg)
        self.columns = [name for name in read if name in names]
        """The columns to read, in the article schema's order."""
        self._types = {name: read[name] for name in self.columns}
        for name, wanted in self._types.items():
            problem = _fits(pa, schema.field(name).type, wanted)
            if problem is not None:
                msg = f"column {name!r} is {problem}"
                raise TableError(msg)
        self.has_origin = "origin" in names
        """Whether the table says where each article was first read."""

    def decode(self, table: Any) -> Iterator[Article | str]:
        """Return an iterator over the rows of *table*: each an article, or the reason it is not one.

        *table* is a :class:`pyarrow.Table` or :class:`pyarrow.RecordBatch`
        with the schema the decoder was made for.  Its columns are converted
        now, the rows as they are asked for.

        Raises:
            TableError: A column cannot be converted (the whole table is unreadable).
        """
        columns = {}
        for name, wanted in self._types.items():
            column = table.column(name)
            if column.type != wanted:
                try:
                    column = column.cast(wanted)
                except (ValueError, TypeError, NotImplementedError) as err:
                    msg = f"column {name!r} cannot be read: {err}"
                    raise TableError(msg) from None
            columns[name] = column
        return _rows(self._pa.table(columns))


def _rows(table: Any) -> Iterator[Article | str]:
    # A slice at a time: the Python objects of a whole row group would take
    # several times its Arrow memory.
    for start in range(0, table.num_rows, _SLICE):
        part = table.slice(start, _SLICE)
        try:
            records = part.to_pylist()
        except _UNCONVERTIBLE:
            # Arrow does not check that text read from a file is UTF-8:
            # find the rows that are not, one by one.
            for index in range(part.num_rows):
                try:
                    [record] = part.slice(index, 1).to_pylist()
                except _UNCONVERTIBLE as err:
                    yield _unconvertible(err)
                else:
                    yield _article(record)
        else:
            for record in records:
                yield _article(record)


_UNCONVERTIBLE = (ValueError, OverflowError)


def _unconvertible(err: Exception) -> str:
    if isinstance(err, UnicodeDecodeError):
        return f"its text is not UTF-8 ({err.reason})"
    return f"a value cannot be read: {err}"


_LISTS = ("paragraphs", "highlights", "subjects", "defects")


def _article(record: dict[str, Any]) -> Article | str:
    """The article a row holds, or why it holds none."""
    for key in _LISTS:
        # pandas and Polars may write an empty list as null.
        if key in record and record[key] is None:
            record[key] = ()
    if "extra" in record:
        text = record["extra"]
        if text is None:
            record["extra"] = {}
        else:
            try:
                extra = json.loads(text)
            except (ValueError, RecursionError) as err:
                return f"extra is not JSON: {err}"
            if not isinstance(extra, dict):
                return f"extra is JSON {type(extra).__name__}, not an object"
            record["extra"] = extra
    if record.get("format") is None:
        return "format is null"
    dateline = record.get("dateline")
    if dateline is not None and dateline.get("text") is None:
        return "dateline has no text"
    try:
        return Article.from_dict(record)
    except (TypeError, ValueError) as err:
        return str(err)
