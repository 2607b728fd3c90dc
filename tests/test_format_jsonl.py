"""The jsonl format: lossless records, positions in errors, and detection."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
import wirecopy.context
from wirecopy import Article, ParseError, SkippedDocumentWarning
from wirecopy.strategies import articles

from .conftest import SEED


@given(st.lists(articles(format="nitf"), min_size=1, max_size=4))
def test_lossless(items: list[Article]) -> None:
    """Every field survives a jsonl round-trip, origin and defects included; an article without origin gets one."""
    again = wirecopy.loads(wirecopy.dumps(items, "jsonl"), "jsonl")
    records = [a.to_dict() for a in again]
    for number, (record, item) in enumerate(zip(records, items, strict=True), 1):
        if item.origin is None:
            assert record["origin"]["line"] == number
            record["origin"] = None
    assert records == [a.to_dict() for a in items]


def _plain_line(article: Article) -> bytes:
    """The line as json.dumps writes the to_dict() record: UTF-8, or escaped to ASCII where UTF-8 cannot hold it."""
    record = article.to_dict()
    try:
        return (json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record, allow_nan=False) + "\n").encode("ascii")


_AWKWARD_TEXT = st.lists(
    st.sampled_from(["a", "é", "\\", "\\u", "u", '"', "\n", "\x00", "\x7f", "\u2028", "\ud800", "😀"])
).map("".join)


@given(st.lists(articles(format="nitf"), min_size=1, max_size=4), _AWKWARD_TEXT)
def test_lines_are_json_dumps_of_to_dict(items: list[Article], text: str) -> None:
    """The writer's bytes are json.dumps of each to_dict() record, byte for byte, whatever the text holds."""
    items = [*items, Article(format="x", headline=text, paragraphs=[text, "plain"], extra={"note": text})]
    stream = io.BytesIO()
    wirecopy.dump(items, stream, "jsonl")
    assert stream.getvalue() == b"".join(map(_plain_line, items))


def test_origin_kept_from_the_record() -> None:
    """A record's own origin (where it was first read) is kept, not replaced by the jsonl line."""
    [seed] = wirecopy.read(SEED)
    [again] = wirecopy.loads(wirecopy.dumps(seed, "jsonl"), "jsonl")
    assert again.origin == seed.origin


def test_record_without_origin_gets_the_line() -> None:
    """A record without an origin gets the line and offset of the jsonl file."""
    text = '\n{"format": "x", "headline": "a"}\n'
    [article] = wirecopy.loads(text, "jsonl", filename="r.jsonl")
    assert article.origin == wirecopy.Origin(path="r.jsonl", line=2, offset=1, index=0)


def test_one_line_per_article() -> None:
    """The writer puts each record on its own line with no blank lines."""
    items = [Article(format="x", headline="a\nb"), Article(format="x")]
    lines = wirecopy.dumps(items, "jsonl").split("\n")
    assert lines[-1] == "" and len(lines) == 3
    assert json.loads(lines[0])["headline"] == "a\nb"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '{"format": "x", ',
            "invalid JSON: Expecting property name enclosed in double quotes (at b.jsonl, line 2, column 18)",
        ),
        ("[1, 2]", "expected a JSON object, got list (at b.jsonl, line 2, column 1)"),
        (
            '{"format": "x", "title": "t"}',
            "not an article record: unknown Article keys: 'title' (at b.jsonl, line 2, column 1)",
        ),
        (
            '{"format": "x", "published": "30/12/2000"}',
            "not an article record: Invalid isoformat string: '30/12/2000' (at b.jsonl, line 2, column 1)",
        ),
    ],
)
def test_bad_lines(line: str, message: str) -> None:
    """A bad line is skipped with its position under warn, and raises under strict."""
    text = '{"format": "x"}\n' + line + '\n{"format": "y"}\n'
    with pytest.warns(SkippedDocumentWarning) as record:
        assert [a.format for a in wirecopy.loads(text, "jsonl", filename="b.jsonl")] == ["x", "y"]
    assert [str(w.message) for w in record] == [message]
    with pytest.raises(ParseError) as info:
        wirecopy.loads(text, "jsonl", filename="b.jsonl", errors="strict")
    assert str(info.value) == message


def test_detected() -> None:
    """jsonl written by wirecopy is detected with certainty."""
    text = wirecopy.dumps(wirecopy.read(SEED), "jsonl")
    detection = wirecopy.detect_text(text)
    assert detection.best == "jsonl"
    assert detection.candidates[0].score == 1.0


def test_empty_input() -> None:
    """An input with no record raises under strict and is reported under warn, like every format."""
    with pytest.raises(ParseError) as info:
        wirecopy.loads("\n \n", "jsonl", errors="strict", filename="e.jsonl")
    assert str(info.value) == "empty input: no JSON record found (at e.jsonl, line 1, column 1)"
    with pytest.warns(SkippedDocumentWarning, match="empty input"):
        assert wirecopy.loads("", "jsonl") == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"format": "x", "extra": {"a": NaN}}', "invalid JSON: NaN is not JSON (at n.jsonl, line 1, column 1)"),
        (
            '{"format": "x", "extra": {"a": -Infinity}}',
            "invalid JSON: -Infinity is not JSON (at n.jsonl, line 1, column 1)",
        ),
        (
            '{"format": "x", "extra": {"a": 1e999}}',
            "invalid JSON: number 1e999 is out of range (at n.jsonl, line 1, column 1)",
        ),
        (
            '{"format": "x", "extra": {"a": ' + "9" * 5000 + "}}",
            "invalid JSON: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits;"
            " use sys.set_int_max_str_digits() to increase the limit (at n.jsonl, line 1, column 1)",
        ),
        (
            "[" * 100_000 + "]" * 100_000,
            "invalid JSON: maximum recursion depth exceeded while decoding a JSON array from a unicode string"
            " (at n.jsonl, line 1, column 1)",
        ),
    ],
)
def test_values_json_cannot_hold_are_refused(line: str, message: str) -> None:
    """NaN, infinities, over-long integers and runaway nesting are bad lines, not crashes."""
    with pytest.raises(ParseError) as info:
        wirecopy.loads(line, "jsonl", errors="strict", filename="n.jsonl")
    assert str(info.value) == message


def test_nan_in_extra_is_a_write_error() -> None:
    """An article whose extra holds NaN cannot be written, and says so with a WriteError."""
    article = Article(format="x", id="a1", extra={"ratio": float("nan")})
    with pytest.raises(wirecopy.WriteError) as info:
        wirecopy.dumps(article, "jsonl")
    assert str(info.value) == (
        "cannot write article 'a1' as jsonl: its extra holds a number JSON cannot"
        " (Out of range float values are not JSON compliant)"
    )


def test_lone_surrogate_round_trips() -> None:
    """A lone surrogate read from a \\ud800 escape is written back as an escape, not a crash."""
    [article] = wirecopy.loads('{"format": "x", "headline": "a\\ud800b"}', "jsonl")
    text = wirecopy.dumps(article, "jsonl")
    assert "\\ud800" in text
    assert wirecopy.loads(text, "jsonl") == [article]


_STORED = Article(
    format="nitf",
    headline="h",
    defects=[wirecopy.Defect(kind="bad-date", message="not a date: 'x'", line=3, column=7)],
)


def test_stored_defects_under_warn() -> None:
    """Under warn a record is returned with the defects it was stored with, as they were."""
    assert wirecopy.loads(wirecopy.dumps(_STORED, "jsonl"), "jsonl") == [_STORED]


def test_stored_defects_under_strict() -> None:
    """Under strict the first stored defect raises, with its kind, at the record's line."""
    text = '{"format": "x"}\n' + wirecopy.dumps(_STORED, "jsonl")
    with pytest.raises(ParseError) as info:
        wirecopy.loads(text, "jsonl", errors="strict", filename="d.jsonl")
    assert str(info.value) == "the record carries a defect: not a date: 'x' (at d.jsonl, line 2, column 1)"
    assert info.value.kind == "bad-date"


def test_stored_defects_under_skip() -> None:
    """Under skip a record with stored defects is left out and counted, the clean ones returned."""
    text = wirecopy.dumps([_STORED, Article(format="x", headline="clean")], "jsonl")
    reader = wirecopy.iter_load(io.BytesIO(text.encode()), "jsonl", errors="skip")
    assert [a.headline for a in reader] == ["clean"]
    assert [(e.kind, e.msg) for e in reader.skipped] == [("bad-date", "not a date: 'x'")]


def test_bad_lines_have_the_bad_record_kind() -> None:
    """A line that is no article record is left out with kind bad-record; the line after it still counts."""
    reader = wirecopy.iter_load(io.BytesIO(b'nonsense\n{"format": "x"}\n'), "jsonl", errors="skip")
    [article] = reader
    assert [e.kind for e in reader.skipped] == ["bad-record"]
    assert article.origin is not None and (article.origin.line, article.origin.index) == (2, 1)


def test_many_bad_lines() -> None:
    """20,000 bad lines are each left out, counted, and kept in full only up to the context's limit."""
    reader = wirecopy.iter_load(io.BytesIO(b"x\n" * 20_000), "jsonl", errors="skip")
    assert list(reader) == []
    assert reader.left_out == 20_000
    assert len(reader.skipped) == wirecopy.context.MAX_KEPT_ERRORS
