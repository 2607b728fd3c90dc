"""wirecopy._text: the chunked block splitter and the plain-lines test agree with the line-by-line reading."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from wirecopy._text import find_control, plain_lines, stream_blocks
from wirecopy.formats.cnn_reuters import _fast_paragraphs, _paragraphs

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
