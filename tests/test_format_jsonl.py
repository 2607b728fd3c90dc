"""The jsonl format: lossless records, positions in errors, and detection."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, ParseError, SkippedDocumentWarning
from wirecopy.strategies import articles

from .conftest import SEED


@given(st.lists(articles(format="nitf"), max_size=4))
def test_lossless(items: list[Article]) -> None:
    """Every field survives a jsonl round-trip, origin and defects included, whatever the format."""
    again = wirecopy.loads(wirecopy.dumps(items, "jsonl"), "jsonl")
    assert [a.to_dict() for a in again] == [a.to_dict() for a in items]


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
        ('{"format": "x", ', "invalid JSON: Expecting property name enclosed in double quotes (at b.jsonl, line 2, column 18)"),
        ("[1, 2]", "expected a JSON object, got list (at b.jsonl, line 2, column 1)"),
        ('{"format": "x", "title": "t"}', "not an article record: unknown Article keys: 'title' (at b.jsonl, line 2, column 1)"),
        ('{"format": "x", "published": "30/12/2000"}', "not an article record: Invalid isoformat string: '30/12/2000' (at b.jsonl, line 2, column 1)"),
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
    detection = wirecopy.detect(text)
    assert detection.best == "jsonl"
    assert detection.candidates[0].score == 1.0
