"""The parquet format: lossless article tables, in row groups, from the library, convert and the command line."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, Origin, ParseError, SkippedDocumentWarning
from wirecopy.strategies import articles_for

from .conftest import SEED
from .convert_formats import write_corpus

pa = pytest.importorskip("pyarrow", reason="the arrow extra is not installed: pip install '.[test]'")
pq = pytest.importorskip("pyarrow.parquet")

import wirecopy.arrow as wa  # noqa: E402


def parquet_bytes(items: list[Article], **options: object) -> bytes:
    """The bytes the parquet format writes for *items*."""
    buffer = io.BytesIO()
    wirecopy.dump(items, buffer, "parquet")
    return buffer.getvalue()


def table_bytes(table: pa.Table, **options: object) -> bytes:
    """A Parquet file of *table* as pyarrow writes it, for tables wirecopy would not write."""
    buffer = io.BytesIO()
    pq.write_table(table, buffer, **options)
    return buffer.getvalue()


def tiny(count: int) -> list[Article]:
    """*count* small, distinct articles with origins."""
    return [
        Article(format="x", id=str(n), paragraphs=(f"p{n}",), origin=Origin(path="in.txt", line=n + 1, index=n))
        for n in range(count)
    ]


def read_warn(data: bytes, name: str = "t.parquet") -> tuple[list[Article], wirecopy.Reader]:
    """Read *data* under warn, quietly, returning the articles and the reader."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedDocumentWarning)
        reader = wirecopy.iter_load(io.BytesIO(data), "parquet", filename=name)
        return list(reader), reader


# -- round trips and the file itself -----------------------------------------------


@given(st.lists(articles_for("parquet"), max_size=5))
def test_lossless(items: list[Article]) -> None:
    """Every field survives a Parquet round-trip, origin and defects included; an article without one gets its row's."""
    back = wirecopy.loads(parquet_bytes(items), "parquet", errors="strict")
    own = [{"path": None, "line": row, "offset": None, "index": row - 1} for row in range(1, len(items) + 1)]
    expected = [
        a.to_dict() if a.origin is not None else {**a.to_dict(), "origin": o} for a, o in zip(items, own, strict=True)
    ]
    assert [b.to_dict() for b in back] == expected


def test_pyarrow_reads_the_article_schema() -> None:
    """pyarrow reads a written file as a table of exactly ARTICLE_SCHEMA, zstd-compressed."""
    data = parquet_bytes(list(wirecopy.read(SEED)))
    assert data[:4] == data[-4:] == b"PAR1"
    table = pq.read_table(io.BytesIO(data))
    assert table.schema.equals(wa.ARTICLE_SCHEMA, check_metadata=True)
    assert table["headline"].to_pylist() == ["Russia plans U.S. missile talks"]
    metadata = pq.ParquetFile(io.BytesIO(data)).metadata
    assert metadata.row_group(0).column(0).compression == "ZSTD"


def test_row_groups() -> None:
    """Articles are written in row groups of DEFAULT_BATCH_SIZE, and read back in order."""
    items = tiny(2 * wa.DEFAULT_BATCH_SIZE + 5)
    data = parquet_bytes(items)
    parquet = pq.ParquetFile(io.BytesIO(data))
    assert [parquet.metadata.row_group(g).num_rows for g in range(parquet.num_row_groups)] == [
        wa.DEFAULT_BATCH_SIZE,
        wa.DEFAULT_BATCH_SIZE,
        5,
    ]
    back = wirecopy.loads(data, "parquet")
    assert back == items and [a.origin for a in back] == [a.origin for a in items]


def test_writing_streams() -> None:
    """Each row group reaches the stream as soon as it is full; a write that fails leaves no footer."""

    def source() -> Iterator[Article]:
        yield from tiny(wa.DEFAULT_BATCH_SIZE)
        raise RuntimeError("the input broke")

    buffer = io.BytesIO()
    with pytest.raises(RuntimeError, match="the input broke"):
        wirecopy.dump(source(), buffer, "parquet")
    written = buffer.getvalue()
    assert written.startswith(b"PAR1") and len(written) > 10_000
    assert not written.endswith(b"PAR1")
    assert not buffer.closed


def test_reading_streams_row_groups() -> None:
    """Articles of a row group are returned before the next row group is read: a damaged one comes later."""
    items = tiny(2 * wa.DEFAULT_BATCH_SIZE)
    table = wa.to_table(items)
    data = bytearray(table_bytes(table, row_group_size=wa.DEFAULT_BATCH_SIZE, compression="none"))
    # Damage the page header of the second row group's first column.
    start = pq.ParquetFile(io.BytesIO(bytes(data))).metadata.row_group(1).column(0).data_page_offset
    data[start : start + 16] = b"\xff" * 16
    reader = wirecopy.iter_load(io.BytesIO(bytes(data)), "parquet", errors="strict", filename="d.parquet")
    first = [next(reader) for _ in range(wa.DEFAULT_BATCH_SIZE)]
    assert first == items[: wa.DEFAULT_BATCH_SIZE]
    with pytest.raises(ParseError) as info:
        next(reader)
    assert info.value.msg.startswith("row group 1 (rows 8193 to 16384) cannot be read: ")
    assert (info.value.source, info.value.lineno, info.value.kind) == ("d.parquet", 8193, "bad-row-group")


def test_damaged_row_group_is_left_out_whole() -> None:
    """Under warn a row group that cannot be decoded is reported once, and the others are read."""
    items = tiny(30)
    data = bytearray(table_bytes(wa.to_table(items), row_group_size=10, compression="none"))
    start = pq.ParquetFile(io.BytesIO(bytes(data))).metadata.row_group(1).column(0).data_page_offset
    data[start : start + 16] = b"\xff" * 16
    back, reader = read_warn(bytes(data))
    assert back == items[:10] + items[20:]
    [error] = reader.skipped
    assert (error.lineno, error.kind) == (11, "bad-row-group")


def test_row_groups_over_the_size_limit() -> None:
    """A row group larger than max_document_size per row is left out unread, and the others are read."""
    items = [Article(format="x", paragraphs=("a" * 3000,)), Article(format="x", id="small")]
    data = table_bytes(wa.to_table(items), row_group_size=1)
    policy = wirecopy.Policy(max_document_size=2000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedDocumentWarning)
        reader = wirecopy.iter_load(io.BytesIO(data), "parquet", policy=policy, filename="big.parquet")
        assert list(reader) == items[1:]
    [error] = reader.skipped
    assert error.kind == "document-too-large" and error.lineno == 1
    assert error.msg.startswith("row group 0 (rows 1 to 1) holds ") and error.msg.endswith(
        " bytes, more than 2,000 per row: left out unread"
    )


def test_writer_needs_no_seeking() -> None:
    """The writer writes to a stream that can only be written to, and leaves it open."""

    class Pipe:
        def __init__(self) -> None:
            self.chunks: list[bytes] = []
            self.closed = False

        def write(self, data: bytes) -> int:
            self.chunks.append(bytes(data))
            return len(data)

        def flush(self) -> None:
            pass

    pipe = Pipe()
    items = list(wirecopy.read(SEED))
    wirecopy.get_format("parquet").write(items, pipe)  # type: ignore[arg-type]
    assert wirecopy.loads(b"".join(pipe.chunks), "parquet") == items


def test_table_without_origins_gets_the_row() -> None:
    """A table without an origin column gives each article the file and its row, as line and index."""
    table = pa.table({"format": ["x", "x"], "headline": ["a", "b"]})
    back = wirecopy.loads(table_bytes(table), "parquet", filename="t.parquet")
    assert [a.origin for a in back] == [
        Origin(path="t.parquet", line=1, index=0),
        Origin(path="t.parquet", line=2, index=1),
    ]


def test_files_from_pandas_and_polars() -> None:
    """Parquet files that pandas (index column and all) and Polars write from an article table read back the same."""
    pd = pytest.importorskip("pandas")
    pl = pytest.importorskip("polars")
    items = list(wirecopy.read(SEED)) * 4
    frame = wa.to_table(items).to_pandas(types_mapper=pd.ArrowDtype).iloc[[0, 1, 3]]
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    assert "__index_level_0__" in pq.read_schema(io.BytesIO(buffer.getvalue())).names
    assert wirecopy.loads(buffer.getvalue(), "parquet") == items[:3]
    buffer = io.BytesIO()
    pl.from_arrow(wa.to_table(items)).write_parquet(buffer)
    assert wirecopy.loads(buffer.getvalue(), "parquet") == items


# -- detection and inputs ------------------------------------------------------------


def test_detected_by_magic(tmp_path: Path) -> None:
    """A Parquet file is detected by its magic bytes, with any name or none."""
    data = parquet_bytes(list(wirecopy.read(SEED)))
    assert wirecopy.detect_text(data.decode("latin-1")).best == "parquet"
    odd = tmp_path / "articles.bin"
    odd.write_bytes(data)
    assert wirecopy.detect(odd).best == "parquet"
    assert list(wirecopy.read(odd)) == list(wirecopy.read(SEED))
    fmt = wirecopy.get_format("parquet")
    assert fmt.sniff(b"PAR1\x15\x04", None) == 1.0
    assert fmt.sniff(b'{"format": "x"}', "x.parquet") == 0.0


def test_compressed_input_is_spooled(tmp_path: Path) -> None:
    """A gzipped Parquet file, which cannot seek, is read through a temporary copy."""
    items = list(wirecopy.read(SEED))
    path = tmp_path / "seed.parquet.gz"
    path.write_bytes(gzip.compress(parquet_bytes(items)))
    assert list(wirecopy.read(path)) == items


def test_text_stream_input() -> None:
    """A text stream of the file's bytes decoded as latin-1 reads as well."""
    items = list(wirecopy.read(SEED))
    text = parquet_bytes(items).decode("latin-1")
    assert list(wirecopy.load(io.StringIO(text), "parquet")) == items


# -- what cannot be read --------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind", "message"),
    [
        (b"", "empty-input", "empty input: no Parquet file (at x.parquet, line 1, column 1)"),
        (b"{}\n", "not-parquet", "not a Parquet file: it does not start with PAR1 (at x.parquet, line 1, column 1)"),
        (b"PAR1 cut short", "not-parquet", None),
        (
            table_bytes(pa.table({"title": ["t"]})),
            "not-an-article-table",
            "not an article table: unknown column 'title' (at x.parquet, line 1, column 1)",
        ),
        (
            table_bytes(pa.table({"format": [1]})),
            "not-an-article-table",
            "not an article table: column 'format' is int64, not text (at x.parquet, line 1, column 1)",
        ),
    ],
)
def test_not_an_article_file(data: bytes, kind: str, message: str | None) -> None:
    """A file that is not an article table raises under strict, naming the file; under warn it is left out."""
    with pytest.raises(ParseError) as info:
        wirecopy.loads(data, "parquet", errors="strict", filename="x.parquet")
    assert info.value.kind == kind and info.value.source == "x.parquet"
    if message is not None:
        assert str(info.value) == message
    back, reader = read_warn(data, "x.parquet")
    assert back == [] and [e.kind for e in reader.skipped] == [kind]


def test_truncated_file() -> None:
    """A file cut short (no footer) is not a readable Parquet file."""
    data = parquet_bytes(list(wirecopy.read(SEED)))
    with pytest.raises(ParseError) as info:
        wirecopy.loads(data[: len(data) // 2], "parquet", errors="strict", filename="cut.parquet")
    assert info.value.msg.startswith("not a readable Parquet file: ")
    assert (info.value.source, info.value.kind) == ("cut.parquet", "not-parquet")


def test_bad_row_is_left_out() -> None:
    """A row that is not an article is left out with its row number; the other rows are read."""
    table = pa.table({"format": ["x", "x", "x"], "published": ["2000-12-30", "yesterday", None]})
    back, reader = read_warn(table_bytes(table), "b.parquet")
    assert [a.published for a in back] == [wirecopy.parse_date("2000-12-30"), None]
    [error] = reader.skipped
    assert (
        str(error) == "row 2 is not an article: Invalid isoformat string: 'yesterday' (at b.parquet, line 2, column 1)"
    )
    assert error.kind == "bad-row"
    assert [a.origin.index for a in back if a.origin] == [0, 2]


def test_invalid_utf8_is_a_bad_row() -> None:
    """Text that is not UTF-8 (Arrow does not check it) leaves out the rows holding it, not the file."""
    table = pa.table({"format": ["x", "x"], "headline": ["fine", "Zxxxxxxxxxxxxxx"]})
    data = bytearray(table_bytes(table, compression="none", use_dictionary=False, write_statistics=False))
    at = data.find(b"Zxxxxxxxxxxxxxx")
    data[at] = 0xFF
    back, reader = read_warn(bytes(data))
    assert [a.headline for a in back] == ["fine"]
    [error] = reader.skipped
    assert error.msg == "row 2 is not an article: its text is not UTF-8 (invalid start byte)"


# -- whole corpora ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three cnn-reuters files of five stories each, in two folders."""
    root = tmp_path_factory.mktemp("parquet") / "corpus"
    write_corpus(root, files=3, per_file=5)
    return root


def records(paths: list[Path]) -> list[dict[str, object]]:
    """Every article of *paths*, in order, as to_dict() records (origin and defects included)."""
    return [article.to_dict() for path in paths for article in wirecopy.read(path)]


def test_convert_into_a_folder(corpus: Path, tmp_path: Path) -> None:
    """convert --to parquet writes one Parquet file per input, with the same records as --to jsonl."""
    inputs = sorted(corpus.rglob("*.txt"))
    wirecopy.convert(corpus, output=tmp_path / "pq", to="parquet", jobs=1)
    wirecopy.convert(corpus, output=tmp_path / "jl", to="jsonl", jobs=1)
    outputs = sorted((tmp_path / "pq").rglob("*.parquet"))
    assert [p.relative_to(tmp_path / "pq") for p in outputs] == [
        Path(f"{p.relative_to(corpus)}.parquet") for p in inputs
    ]
    jsonl = sorted(p for p in (tmp_path / "jl").rglob("*.jsonl") if not p.name.startswith("."))
    assert records(outputs) == records(jsonl) == records(inputs)


def test_convert_into_one_file_on_the_command_line(corpus: Path, tmp_path: Path) -> None:
    """wirecopy convert corpus/ -o all.parquet writes one Parquet file holding every input's articles."""
    out = tmp_path / "all.parquet"
    command = [sys.executable, "-m", "wirecopy", "convert", str(corpus), "-o", str(out), "--to", "parquet"]
    subprocess.run([*command, "--jobs", "2"], check=True, capture_output=True)
    assert pq.ParquetFile(out).metadata.num_rows == 15
    assert records([out]) == records(sorted(corpus.rglob("*.txt")))
