"""wirecopy._text and wirecopy.kit.text: the chunked framing agrees with the line-by-line reading, within its limits."""

from __future__ import annotations

import io
import re
import tracemalloc

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import ParseError
from wirecopy._text import find_control, plain_lines, stream_blocks
from wirecopy.defects import DOCUMENT_TOO_LARGE
from wirecopy.formats.cnn_reuters import _fast_paragraphs, _paragraphs
from wirecopy.kit import text as kit_text
from wirecopy.kit.text import BLANK_LINE, TextFormat, one_line, paragraph_runs

# Pieces that make the edge cases likely: every kind of blank line, CR, the
# whitespace bytes.strip() knows, a non-ASCII space, and runs of newlines.
_PIECES = [b"a", b" ", b"\n", b"\r", b"\t", b"\x0b", b"\x0c", b"\xc2\xa0", b"x\n", b"\n\n", b"\x1f", b"\r\n", b"word "]


def _line_by_line(data: bytes) -> list[tuple[bytes, int, int]]:
    """The reference: maximal runs of lines that bytes.strip() does not empty."""
    out: list[tuple[bytes, int, int]] = []
    block: list[bytes] = []
    start_line = start_offset = offset = 0
    for line, raw in enumerate(io.BytesIO(data), 1):
        if raw.strip():
            if not block:
                start_line, start_offset = line, offset
            block.append(raw)
        elif block:
            out.append((b"".join(block), start_line, start_offset))
            block = []
        offset += len(raw)
    if block:
        out.append((b"".join(block), start_line, start_offset))
    return out


@given(st.lists(st.sampled_from(_PIECES), max_size=60).map(b"".join), st.sampled_from([1, 2, 3, 5, 8, 64, 1 << 16]))
def test_blocks_match_the_line_by_line_reading(data: bytes, chunk_size: int) -> None:
    """stream_blocks() gives the line-by-line blocks, first lines and offsets, whatever the chunk size."""
    assert list(stream_blocks(io.BytesIO(data), chunk_size)) == _line_by_line(data)


@given(st.binary(max_size=200), st.sampled_from([1, 7, 1 << 16]))
def test_blocks_on_any_bytes(data: bytes, chunk_size: int) -> None:
    """On any bytes, stream_blocks() gives the line-by-line blocks."""
    assert list(stream_blocks(io.BytesIO(data), chunk_size)) == _line_by_line(data)


def test_blocks_reads_lazily() -> None:
    """stream_blocks() yields the first block after reading one chunk, not the whole stream."""
    stream = io.BytesIO(b"first\n\n" + b"x" * 10 + b"\n" * 100_000)
    assert next(stream_blocks(stream, 64)) == (b"first\n", 1, 0)
    assert stream.tell() == 64


_TEXT = st.text(st.sampled_from(list("ab \t\u00a0\x1f\x07\n\r\x0b\x0c\x1c\x85\u2028é")), max_size=40)


@given(_TEXT)
def test_plain_lines(text: str) -> None:
    """plain_lines is true exactly when no line break but '\\n' and no control character is in the text."""
    without_newlines = text.replace("\n", "")
    expected = (
        len(without_newlines.splitlines()) <= 1
        and not without_newlines.endswith(tuple("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"))
        and find_control(text) is None
    )
    assert plain_lines(text.encode("utf-8"), text) == expected


@given(st.lists(st.text(st.sampled_from(list("ab \t\u00a0\x1f")), min_size=1, max_size=8), min_size=1, max_size=8))
def test_fast_paragraphs_match_the_line_loop(lines: list[str]) -> None:
    """On text whose only line break is '\\n', the whole-text paragraphs equal the line-by-line ones."""
    lines = [line for line in lines if line.strip(" \t")] or ["a"]
    assert _fast_paragraphs("\n".join(lines)) == _paragraphs(lines)


# -- wirecopy.kit.text: the framing with a size limit, and the base class ----------


def _reference(data: bytes, separator: re.Pattern[bytes], limit: int) -> list[tuple[bytes, int, int, bool]]:
    """The documents between separator lines, read line by line: (data, line, offset, too large).

    A line longer than the limit (newline not counted) is no separator; a
    document of nothing but white space is passed over.
    """
    out: list[tuple[bytes, int, int, bool]] = []
    document: list[bytes] = []
    start_line, start_offset, offset = 1, 0, 0
    lines = re.findall(rb"[^\n]*\n|[^\n]+\Z", data)
    for number, raw in enumerate(lines, 1):
        text = raw.removesuffix(b"\n")
        offset += len(raw)
        if separator.fullmatch(text) and len(text) <= limit:
            whole = b"".join(document)
            if whole and not whole.isspace():
                out.append((whole if len(whole) <= limit else b"", start_line, start_offset, len(whole) > limit))
            document, start_line, start_offset = [], number + 1, offset
        else:
            document.append(raw)
    whole = b"".join(document)
    if whole and not whole.isspace():
        out.append((whole if len(whole) <= limit else b"", start_line, start_offset, len(whole) > limit))
    return out


_SEPARATORS = {"blank line": BLANK_LINE, "form feed": rb"[ \t\r]*\x0c[ \t\r]*"}


@given(
    st.lists(st.sampled_from([*_PIECES, b"\x0c\n", b" \x0c \n", b"xxxxxxxx"]), max_size=60).map(b"".join),
    st.sampled_from(sorted(_SEPARATORS)),
    st.sampled_from([1, 2, 3, 7, 64]),
    st.sampled_from([1, 4, 10, 40, 10_000]),
)
def test_split_matches_the_line_by_line_reading(data: bytes, name: str, chunk_size: int, limit: int) -> None:
    """Chunked framing gives the line-by-line documents, those over the limit as too large, whatever the chunk size."""
    fmt = type("Probe", (TextFormat,), {"name": "probe", "separator_line": _SEPARATORS[name]})()
    separator = re.compile(_SEPARATORS[name])
    parts = list(fmt.split(_Chunked(data, chunk_size), limit))
    found = [(p.data, p.line, p.offset, p.unreadable is not None) for p in parts]
    assert found == _reference(data, separator, limit)
    assert all(p.unreadable is None or p.unreadable.kind == DOCUMENT_TOO_LARGE for p in parts)


class _Chunked(io.BytesIO):
    """A stream that hands out at most *size* bytes per read, as a network or decompressing stream may."""

    def __init__(self, data: bytes, size: int) -> None:
        super().__init__(data)
        self.size = size

    def read(self, size: int | None = -1) -> bytes:
        return super().read(self.size if size is None or size < 0 else min(size, self.size))


@given(st.text(st.sampled_from(list("ab \t\n\r\u00a0\u2028\x0c\x85")), max_size=40))
def test_one_line_joins_as_the_readers_do(text: str) -> None:
    """one_line() makes the white space around each line break one space, as the regular expression it replaced."""
    assert one_line(text) == re.sub(r"\s*\n\s*", " ", text).strip()


@given(st.text(st.sampled_from(list("ab \t\n\r\u00a0")), max_size=80), st.integers(min_value=1, max_value=9))
def test_one_line_on_a_long_text_joins_as_on_a_short_one(text: str, piece: int) -> None:
    """one_line() worked a piece at a time (a long text) gives what it gives in one go."""
    whole = one_line(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kit_text, "_LONG_TEXT", piece)
        assert one_line(text) == whole


def test_one_line_on_a_long_text_holds_a_few_copies_of_it() -> None:
    """Joining 8 MB of short lines costs a few times the text, not a string per line."""
    text = ("ferry  boats \n" * 600_000)[:8_000_000]
    tracemalloc.start()
    try:
        joined = one_line(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert joined == re.sub(r"\s*\n\s*", " ", text).strip()
    assert peak < 2.5 * len(text)


@pytest.mark.parametrize("name", ["cnn-reuters", "plain-text", "cnndm-story", "rfc822-news", "jsonl"])
def test_a_document_over_the_limit_is_left_out(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every text reader leaves out a document over its size limit, with kind document-too-large and its place."""
    fmt = wirecopy.get_format(name)
    monkeypatch.setattr(type(fmt), "max_document", 1000)
    reader = wirecopy.iter_load(io.BytesIO(b"x" * 5000 + b"\n"), fmt, errors="skip")
    assert list(reader) == []
    [error] = reader.skipped
    assert (error.kind, error.lineno, error.colno) == (DOCUMENT_TOO_LARGE, 1, 1)
    assert error.msg == "document larger than 1,000 bytes (the size limit): left out without being read"
    with pytest.raises(ParseError, match="document larger than 1,000 bytes"):
        next(wirecopy.iter_load(io.BytesIO(b"x" * 5000 + b"\n"), fmt, errors="strict"))


@pytest.mark.parametrize(
    ("name", "document"),
    [
        ("cnn-reuters", b"CNN.com - Headline - May 1, 2000\nbody.\n"),
        ("plain-text", b"Headline\n\nbody.\n"),
        ("cnndm-story", b"body.\n\n@highlight\n\nsummary"),
        ("rfc822-news", b"Subject: a\n\nbody.\n"),
        ("jsonl", b'{"format": "x", "headline": "a"}\n'),
    ],
)
def test_memory_stays_within_the_limit(name: str, document: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 16 MB line is read in bounded memory and left out; the documents around it still read."""
    fmt = wirecopy.get_format(name)
    monkeypatch.setattr(type(fmt), "max_document", 256 * 1024)
    separator = {"plain-text": b"\x0c\n", "rfc822-news": b"", "cnndm-story": b""}.get(name, b"\n")
    huge = b"x" * (16 << 20) + b"\n"
    data = (
        document + separator + huge
        if name in ("rfc822-news", "cnndm-story")
        else document + separator + huge + separator + document
    )
    tracemalloc.start()
    try:
        reader = wirecopy.iter_load(io.BytesIO(data), fmt, errors="skip")
        articles = list(reader)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20
    assert [error.kind for error in reader.skipped] == [DOCUMENT_TOO_LARGE]
    assert len(articles) == (0 if name in ("rfc822-news", "cnndm-story") else 2)


def test_a_line_over_the_limit_spanning_chunks_is_dropped_as_it_is_read() -> None:
    """A line longer than the limit is never held whole: the framing drops it chunk by chunk."""
    stream = _Chunked(b"a\n\n" + b"y" * 100_000 + b"\n\nb\n", 1000)
    parts = list(TextFormatForTests().split(stream, 5000))
    assert [(p.data, p.line, p.unreadable is not None) for p in parts] == [
        (b"a\n", 1, False),
        (b"", 3, True),
        (b"b\n", 5, False),
    ]


class TextFormatForTests(TextFormat):
    """The smallest text format: a headline line over paragraphs, documents between blank lines."""

    name = "text-for-tests"


def test_a_format_that_only_reads_cannot_write() -> None:
    """A TextFormat without render() says it cannot write, and write() refuses with a WriteError."""
    fmt = TextFormatForTests()
    assert not fmt.can_write
    with pytest.raises(wirecopy.WriteError, match="format 'text-for-tests' cannot be written"):
        fmt.write([wirecopy.Article(format="x")], io.BytesIO())


@pytest.mark.parametrize(
    ("name", "text", "kept"),
    [
        ("cnn-reuters", "CNN.com - H - 12:{n} May 1, 2000\nbody.", ("header_date", "12:{n} May 1, 2000")),
        ("cnndm-story", "PUBLISHED:\n\n12:{n} EST, 31 January 2013\n\nbody.\n\n@highlight\n\nx", None),
        ("rfc822-news", "Subject: a\nDate: {n}:{n}\n\nText.\n", ("Date", "{n}:{n}")),
    ],
)
def test_thirty_digit_date_fields_are_defects(name: str, text: str, kept: tuple[str, str] | None) -> None:
    """A date with 30-digit fields is a bad-date defect (its text kept) under warn, a ParseError under strict."""
    n = "1" * 30
    [article] = wirecopy.loads(text.format(n=n), name)
    assert [d.kind for d in article.defects] == ["bad-date"]
    key, value = kept or ("published_text", f"12:{n} EST, 31 January 2013")
    assert article.extra[key] == value.format(n=n)
    with pytest.raises(ParseError):
        wirecopy.loads(text.format(n=n), name, errors="strict")


def _runs_line_by_line(text: str, first_line: int, once: bool) -> list[tuple[int, str]]:
    """The reference: lines split at '\\n', carriage returns dropped, runs of lines that strip() does not empty."""
    lines = [line.removesuffix("\r") if once else line.rstrip("\r") for line in text.split("\n")]
    runs: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    for number, line in enumerate(lines, first_line):
        if line.strip():
            if current is None:
                current = []
                runs.append((number, current))
            current.append(line)
        else:
            current = None
    return [(number, "\n".join(run)) for number, run in runs]


@given(
    st.text(st.sampled_from(list("ab \t\r\n\x0b\x0c\x1c\x85\u00a0\u2028")), max_size=40),
    st.integers(1, 5),
    st.booleans(),
)
def test_paragraph_runs_match_the_line_by_line_reading(text: str, first_line: int, once: bool) -> None:
    """paragraph_runs() gives the runs, first lines and line ends of a line-by-line split, short text or long."""
    mode = "one" if once else "all"
    expected = _runs_line_by_line(text, first_line, once)
    assert list(paragraph_runs(text, first_line, carriage_returns=mode)) == expected
    # A long text is searched rather than split: the same runs.
    assert list(paragraph_runs(text + "\n" + " " * 70_000, first_line, carriage_returns=mode)) == expected


def test_paragraph_runs_are_lazy_and_linear() -> None:
    """A million one-letter runs come one by one, without a list of lines."""
    runs = paragraph_runs("a\n\n" * 1_000_000)
    assert next(runs) == (1, "a")
    assert sum(1 for _ in runs) == 999_999
