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
import json
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


class _Dates:
    """The three columns of one date field: ISO text, UTC instant, calendar day."""

    __slots__ = ("day", "text", "utc")

    def __init__(self) -> None:
        self.text: list[str | None] = []
        self.utc: list[_dt.datetime | None] = []
        self.day: list[_dt.date | None] = []

    def add(self, value: _dt.date | None) -> None:
        if value is None:
            self.text.append(None)
            self.utc.append(None)
            self.day.append(None)
        elif isinstance(value, _dt.datetime):
            self.text.append(value.isoformat())
            # A naive time is a wall-clock reading: no instant can be given.
            self.utc.append(value if value.utcoffset() is not None else None)
            self.day.append(value.date())
        else:
            self.text.append(value.isoformat())
            self.utc.append(None)
            self.day.append(value)

    def arrays(self, pa: Any) -> list[Any]:
        return [
            pa.array(self.text, pa.string()),
            pa.array(self.utc, pa.timestamp("us", tz="UTC")),
            pa.array(self.day, pa.date32()),
        ]


class _Lists:
    """A list-of-strings column, built as one flat list of values and their offsets."""

    __slots__ = ("offsets", "values")

    def __init__(self) -> None:
        self.values: list[str] = []
        self.offsets: list[int] = [0]

    def add(self, items: tuple[str, ...]) -> None:
        self.values.extend(items)
        self.offsets.append(len(self.values))

    def array(self, pa: Any) -> Any:
        offsets = pa.array(self.offsets, pa.int32())
        return pa.ListArray.from_arrays(offsets, pa.array(self.values, pa.string()), type=_strings(pa))


class _Struct:
    """A struct column of records' attributes, built child by child, with the parents' nulls as a mask."""

    __slots__ = ("children", "null", "placeholders")

    def __init__(self, names: tuple[str, ...], placeholders: dict[str, str] | None = None) -> None:
        self.null: list[bool] = []
        self.children: dict[str, list[Any]] = {name: [] for name in names}
        # What a non-nullable child holds under a null parent: Parquet
        # refuses a null there, even hidden.
        self.placeholders = placeholders or {}

    def add(self, record: object | None) -> None:
        self.null.append(record is None)
        if record is None:
            for name, values in self.children.items():
                values.append(self.placeholders.get(name))
        else:
            for name, values in self.children.items():
                values.append(getattr(record, name))

    def arrays(self, pa: Any, types: Sequence[Any]) -> list[Any]:
        return [pa.array(values, kind) for values, kind in zip(self.children.values(), types, strict=True)]


_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
_ascii_encoder = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), allow_nan=False)


def _extra_json(extra: FrozenDict) -> str:
    if not extra:
        return "{}"
    record = extra.thaw()
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
    pa = _pa()
    schema = article_schema()
    scalars: dict[str, list[str | None]] = {name: [] for name in ("format", "id", "source", "headline", "byline")}
    published = _Dates()
    dateline = _Struct(("text", "place", "region", "agency"), placeholders={"text": ""})
    dateline_dates = _Dates()
    lists = {name: _Lists() for name in ("paragraphs", "highlights", "subjects")}
    languages: list[str | None] = []
    extras: list[str] = []
    origin = _Struct(("path", "line", "offset", "index"))
    defects = _Struct(("kind", "message", "line", "column"))
    defect_offsets = [0]
    for article in articles:
        for name, values in scalars.items():
            values.append(getattr(article, name))
        published.add(article.published)
        dateline.add(article.dateline)
        dateline_dates.add(None if article.dateline is None else article.dateline.date)
        for name, column in lists.items():
            column.add(getattr(article, name))
        languages.append(article.language)
        try:
            extras.append(_extra_json(article.extra))
        except ValueError:
            reason = "its extra holds NaN or an infinity, which JSON cannot"
            raise WriteError(_cannot_write(article, reason)) from None
        origin.add(article.origin)
        for defect in article.defects:
            defects.add(defect)
        defect_offsets.append(len(defects.null))

    string = pa.string()
    dateline_type = schema.field("dateline").type
    origin_type = schema.field("origin").type
    defects_type = schema.field("defects").type
    defect_type = defects_type.value_type
    columns = [
        *(pa.array(values, string) for values in scalars.values()),
        *published.arrays(pa),
        pa.StructArray.from_arrays(
            [*dateline.arrays(pa, [string] * 4), *dateline_dates.arrays(pa)],
            fields=list(dateline_type),
            mask=pa.array(dateline.null, pa.bool_()),
        ),
        *(column.array(pa) for column in lists.values()),
        pa.array(languages, string),
        pa.array(extras, string),
        pa.StructArray.from_arrays(
            origin.arrays(pa, [f.type for f in origin_type]),
            fields=list(origin_type),
            mask=pa.array(origin.null, pa.bool_()),
        ),
        pa.ListArray.from_arrays(
            pa.array(defect_offsets, pa.int32()),
            pa.StructArray.from_arrays(defects.arrays(pa, [f.type for f in defect_type]), fields=list(defect_type)),
            type=defects_type,
        ),
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
