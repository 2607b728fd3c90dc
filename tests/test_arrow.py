"""wirecopy.arrow: the article table mirrors the JSON record, keeps every field, and streams."""

from __future__ import annotations

import datetime as _dt
import json
import math
import subprocess
import sys
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, Dateline, Defect, Origin, ParseError, WriteError
from wirecopy.schema import ARTICLE_SCHEMA as JSON_SCHEMA
from wirecopy.strategies import articles

from .conftest import SEED

pa = pytest.importorskip("pyarrow", reason="the arrow extra is not installed: pip install '.[test]'")

import wirecopy.arrow as wa  # noqa: E402

UTC = _dt.timezone.utc
IST = _dt.timezone(_dt.timedelta(hours=5, minutes=30))


def same(left: list[Article], right: list[Article]) -> bool:
    """Equal articles, and equal in what Article.__eq__ leaves out: origin and defects."""
    return left == right and [a.to_dict() for a in left] == [a.to_dict() for a in right]


# -- the round trip -----------------------------------------------------------


@given(st.lists(articles(), max_size=6))
def test_round_trip(items: list[Article]) -> None:
    """from_table(to_table(a)) == a, every field, origin and defects included."""
    back = wa.from_table(wa.to_table(items))
    assert back == items
    assert [a.origin for a in back] == [a.origin for a in items]
    assert [a.defects for a in back] == [a.defects for a in items]
    assert same(back, items)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(codec=None)),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)


@given(st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=4))
def test_extra_is_lossless(extra: dict[str, object]) -> None:
    """extra keeps ints apart from floats, -0.0, integers of any size, nesting and lone surrogates."""
    article = Article(format="x", extra=extra)
    [back] = wa.from_table(wa.to_table([article]))
    assert back.extra == article.extra
    assert json.dumps(back.extra.thaw()) == json.dumps(article.extra.thaw())


def test_extra_column_is_json_text() -> None:
    """extra is stored as the JSON text of the mapping, and {} when empty."""
    table = wa.to_table([Article(format="x", extra={"b": [1, 2.5], "a": "Zürich"}), Article(format="x")])
    assert table["extra"].to_pylist() == ['{"b":[1,2.5],"a":"Zürich"}', "{}"]


def test_seed_round_trip() -> None:
    """The seed article survives the table with its origin, and its published date stays a date."""
    seed = list(wirecopy.read(SEED))
    table = wa.to_table(seed)
    assert table.num_rows == 1
    assert table["published"].to_pylist() == ["2000-12-30"]
    assert table["dateline"].to_pylist()[0]["place"] == "moscow"
    assert same(wa.from_table(table), seed)


# -- the schema ---------------------------------------------------------------


def _mirror(properties: dict[str, dict[str, object]], defs: dict[str, dict[str, object]], arrow: object) -> None:
    """Each JSON property is a field of the same name; each date value brings its _utc and _day fields."""
    names = [field.name for field in arrow]  # type: ignore[attr-defined]
    expected = []
    for name, spec in properties.items():
        expected.append(name)
        if spec.get("$ref") == "#/$defs/dateValue":
            expected += [f"{name}_utc", f"{name}_day"]
    assert names == expected
    for field in arrow:  # type: ignore[attr-defined]
        spec = properties.get(field.name)
        if spec is None:
            continue
        ref = str(spec.get("$ref", ""))
        one_of = [str(o.get("$ref", "")) for o in spec.get("oneOf", [])]  # type: ignore[attr-defined]
        if ref == "#/$defs/strings":
            assert field.type.value_type == pa.string() and not field.nullable
        elif ref == "#/$defs/optionalInteger":
            assert field.type == pa.int64() and field.nullable
        elif ref == "#/$defs/dateValue":
            assert field.type == pa.string() and field.nullable
        elif spec.get("type") == "string":
            assert field.type == pa.string() and not field.nullable
        elif spec.get("type") == ["string", "null"]:
            assert field.type == pa.string() and field.nullable
        elif spec.get("type") == "array":
            item = str(spec["items"]["$ref"]).rsplit("/", 1)[-1]  # type: ignore[index]
            assert not field.nullable
            _mirror(defs[item]["properties"], defs, field.type.value_type)  # type: ignore[arg-type]
        elif field.name == "extra":
            assert field.type == pa.string() and not field.nullable
        else:
            [target] = [o for o in one_of if o]
            assert field.nullable
            _mirror(defs[target.rsplit("/", 1)[-1]]["properties"], defs, field.type)  # type: ignore[arg-type]


def test_schema_mirrors_the_json_schema() -> None:
    """ARTICLE_SCHEMA has the JSON Schema's fields, in order, nested alike, nullable alike, plus derived dates."""
    _mirror(JSON_SCHEMA["properties"], JSON_SCHEMA["$defs"], wa.ARTICLE_SCHEMA)
    assert wa.ARTICLE_SCHEMA.field("published_utc").type == pa.timestamp("us", tz="UTC")
    assert wa.ARTICLE_SCHEMA.field("published_day").type == pa.date32()
    assert wa.ARTICLE_SCHEMA.metadata == {b"wirecopy.article-table": b"1"}


def test_tables_have_the_schema() -> None:
    """to_table and to_batches give exactly ARTICLE_SCHEMA, empty or not."""
    assert wa.to_table([]).schema.equals(wa.ARTICLE_SCHEMA, check_metadata=True)
    assert wa.to_table([]).num_rows == 0
    assert wa.to_table([Article(format="x")]).schema.equals(wa.ARTICLE_SCHEMA, check_metadata=True)
    assert wa.to_batches([]).schema.equals(wa.ARTICLE_SCHEMA, check_metadata=True)


@pytest.mark.parametrize(
    ("value", "text", "utc", "day"),
    [
        (_dt.date(2000, 12, 30), "2000-12-30", None, _dt.date(2000, 12, 30)),
        (_dt.datetime(2000, 12, 30, 18, 0), "2000-12-30T18:00:00", None, _dt.date(2000, 12, 30)),
        (
            _dt.datetime(2000, 12, 30, 2, 15, tzinfo=IST),
            "2000-12-30T02:15:00+05:30",
            _dt.datetime(2000, 12, 29, 20, 45, tzinfo=UTC),
            _dt.date(2000, 12, 30),
        ),
        (
            _dt.datetime(2000, 12, 30, 18, 0, 0, 123456, tzinfo=UTC),
            "2000-12-30T18:00:00.123456+00:00",
            _dt.datetime(2000, 12, 30, 18, 0, 0, 123456, tzinfo=UTC),
            _dt.date(2000, 12, 30),
        ),
        (None, None, None, None),
    ],
)
def test_dates_keep_their_precision(
    value: _dt.date | None, text: str | None, utc: _dt.datetime | None, day: _dt.date | None
) -> None:
    """A day, a naive time, an aware time: their ISO text, an instant only with a zone, and the day as written."""
    article = Article(format="x", published=value, dateline=Dateline(text="PARIS --", date=value))
    table = wa.to_table([article])
    row = table.to_pylist()[0]
    assert (row["published"], row["published_utc"], row["published_day"]) == (text, utc, day)
    dateline = row["dateline"]
    assert (dateline["date"], dateline["date_utc"], dateline["date_day"]) == (text, utc, day)
    [back] = wa.from_table(table)
    assert back.published == value and type(back.published) is type(value)
    assert back.dateline is not None and type(back.dateline.date) is type(value)


def test_a_day_and_midnight_differ() -> None:
    """A day, midnight without a zone, and midnight UTC are three values that come back as three."""
    values = [_dt.date(2000, 12, 30), _dt.datetime(2000, 12, 30), _dt.datetime(2000, 12, 30, tzinfo=UTC)]
    items = [Article(format="x", published=v) for v in values]
    back = wa.from_table(wa.to_table(items))
    assert [repr(a.published) for a in back] == [repr(v) for v in values]


# -- streaming ------------------------------------------------------------------


def test_batches_stream() -> None:
    """to_batches reads articles only as batches are asked for, batch_size at a time."""
    taken = []

    def source() -> Iterator[Article]:
        for number in range(5):
            taken.append(number)
            yield Article(format="x", id=str(number))

    reader = wa.to_batches(source(), batch_size=2)
    assert taken == []
    first = reader.read_next_batch()
    assert first.num_rows == 2 and len(taken) == 2
    rest = [batch.num_rows for batch in reader]
    assert rest == [2, 1]
    assert reader.schema.equals(wa.ARTICLE_SCHEMA)


def test_long_articles_end_a_batch_early() -> None:
    """A batch ends once its paragraphs hold 32 MiB of text, whatever batch_size says."""
    big = Article(format="x", paragraphs=("a" * (20 << 20),))
    sizes = [batch.num_rows for batch in wa.to_batches([big, big, big], batch_size=100)]
    assert sizes == [2, 1]


def test_batch_size_must_be_positive() -> None:
    """A batch size below 1 is refused at once."""
    with pytest.raises(ValueError, match="batch_size must be at least 1 \\(got 0\\)"):
        wa.to_batches([], batch_size=0)


# -- what cannot be written -------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "message"),
    [
        (
            Article(format="x", id="AFP.1", headline="a\ud800b"),
            "cannot write article 'AFP.1' as an Arrow table: its text holds '\\ud800', which UTF-8 cannot encode",
        ),
        (
            Article(format="x", headline="Floods", extra={"score": math.nan}),
            "cannot write article 'Floods' as an Arrow table: its extra holds NaN or an infinity, which JSON cannot",
        ),
        (
            Article(format="x", origin=Origin(line=2**70)),
            "cannot write an article as an Arrow table: a line, column, offset or index is out of the 64-bit range",
        ),
    ],
)
def test_write_errors_name_the_article(article: Article, message: str) -> None:
    """What Arrow cannot hold is a WriteError naming the article, even inside a batch of good ones."""
    with pytest.raises(WriteError) as info:
        wa.to_table([Article(format="x"), article, Article(format="x")])
    assert str(info.value) == message


# -- reading tables from elsewhere ---------------------------------------------


def test_other_arrow_types_are_read() -> None:
    """large_string, large_list and other integer types, as Polars writes them, read back the same."""
    items = [
        Article(
            format="x",
            headline="h",
            paragraphs=("a", "b"),
            dateline=Dateline(text="PARIS --", place="PARIS"),
            origin=Origin(path="p", line=3),
            defects=(Defect(kind="bad-date", message="m", line=1),),
        )
    ]
    table = wa.to_table(items)

    def widen(kind: pa.DataType) -> pa.DataType:
        if pa.types.is_string(kind):
            return pa.large_string()
        if pa.types.is_int64(kind):
            return pa.int32()
        if pa.types.is_list(kind):
            return pa.large_list(pa.field("item", widen(kind.value_type)))
        if pa.types.is_struct(kind):
            return pa.struct([pa.field(f.name, widen(f.type)) for f in kind])
        return kind

    wide = table.cast(pa.schema([pa.field(f.name, widen(f.type)) for f in table.schema]))
    assert wide.schema.field("paragraphs").type == pa.large_list(pa.field("item", pa.large_string()))
    assert same(wa.from_table(wide), items)


def test_missing_columns_take_the_defaults() -> None:
    """A table with only some columns reads as from_dict reads a dict with only some keys; null lists are empty."""
    table = pa.table({"format": ["x"], "headline": ["h"], "paragraphs": pa.array([None], pa.list_(pa.string()))})
    assert same(wa.from_table(table), [Article(format="x", headline="h")])


def test_a_record_batch_is_read_too() -> None:
    """from_table takes a RecordBatch as well as a Table."""
    [batch] = wa.to_batches([Article(format="x", id="1")])
    assert wa.from_table(batch) == [Article(format="x", id="1")]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (pa.table({"headline": ["h"]}), "not an article table: no 'format' column"),
        (pa.table({"format": ["x"], "title": ["t"]}), "not an article table: unknown column 'title'"),
        (
            pa.table({"format": ["x"], "published": [2000]}),
            "not an article table: column 'published' is int64, not text",
        ),
        (
            pa.table({"format": ["x"], "paragraphs": [[1]]}),
            "not an article table: column 'paragraphs' is a list of int64, not text",
        ),
        (
            pa.table({"format": ["x"], "origin": [{"path": "p", "page": 3}]}),
            "not an article table: column 'origin' is a struct with unknown fields 'page'",
        ),
    ],
)
def test_not_an_article_table(table: pa.Table, message: str) -> None:
    """A table whose columns are not an article table's is a ParseError saying which column."""
    with pytest.raises(ParseError) as info:
        wa.from_table(table)
    assert str(info.value) == message
    assert info.value.kind == "not-an-article-table"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("published", "30/12/2000", "row 2 is not an article: Invalid isoformat string: '30/12/2000' (at line 2)"),
        ("extra", "[1]", "row 2 is not an article: extra is JSON list, not an object (at line 2)"),
        (
            "extra",
            "{",
            "row 2 is not an article: extra is not JSON: Expecting property name enclosed in double quotes: "
            "line 1 column 2 (char 1) (at line 2)",
        ),
        ("format", None, "row 2 is not an article: format is null (at line 2)"),
    ],
)
def test_bad_row(column: str, value: object, message: str) -> None:
    """A row that is not an article is a ParseError naming its row."""
    good = {"format": "x", "published": "2000-12-30", "extra": "{}"}
    rows = [good, {**good, column: value}]
    table = pa.Table.from_pylist(
        rows, schema=pa.schema([("format", pa.string()), ("published", pa.string()), ("extra", pa.string())])
    )
    with pytest.raises(ParseError) as info:
        wa.from_table(table)
    assert str(info.value) == message
    assert (info.value.lineno, info.value.kind) == (2, "bad-row")


# -- the frames users make --------------------------------------------------------


def test_through_pandas() -> None:
    """An article table through a pandas frame of Arrow columns and back reads the same articles."""
    pd = pytest.importorskip("pandas")
    items = [*wirecopy.read(SEED), Article(format="x", published=_dt.datetime(2001, 1, 1, 9, tzinfo=IST))]
    frame = wa.to_table(items).to_pandas(types_mapper=pd.ArrowDtype)
    assert str(frame["published_utc"].dtype) == "timestamp[us, tz=UTC][pyarrow]"
    assert same(wa.from_table(pa.Table.from_pandas(frame, preserve_index=False)), items)


def test_through_polars() -> None:
    """An article table through a Polars frame and back reads the same articles."""
    pl = pytest.importorskip("polars")
    items = [*wirecopy.read(SEED), Article(format="x", subjects=("a", "b"), extra={"k": [1]})]
    frame = pl.from_arrow(wa.to_table(items))
    assert frame["dateline"].struct.field("place").to_list() == ["moscow", None]
    assert same(wa.from_table(frame.to_arrow()), items)


# -- without pyarrow --------------------------------------------------------------

_WITHOUT_PYARROW = """
import sys
sys.modules["pyarrow"] = None  # import pyarrow now raises ImportError
import wirecopy, wirecopy.arrow
print(len(wirecopy.loads(open(sys.argv[1]).read(), "cnn-reuters")))
print("parquet" in [f.name for f in wirecopy.list_formats()])
for call in (lambda: wirecopy.arrow.to_table([]), lambda: wirecopy.arrow.ARTICLE_SCHEMA,
             lambda: wirecopy.dumps([], "parquet"), lambda: wirecopy.loads(b"PAR1", "parquet")):
    try:
        call()
    except wirecopy.WirecopyError as err:
        print(type(err).__name__, err)
"""


def test_without_pyarrow() -> None:
    """Without pyarrow, wirecopy and its other formats work, and Arrow and Parquet say what to install."""
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", _WITHOUT_PYARROW, str(SEED)], capture_output=True, text=True, check=True
    )
    install = 'needs pyarrow, which is not installed: pip install "wirecopy[arrow]"'
    assert result.stdout.splitlines() == [
        "1",
        "True",
        f"FormatLoadError wirecopy.arrow {install}",
        f"FormatLoadError wirecopy.arrow {install}",
        f"FormatLoadError format 'parquet' {install}",
        f"FormatLoadError format 'parquet' {install}",
    ]
