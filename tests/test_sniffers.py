"""The text formats' sniffers: quick rejections first, and the same scores as the plain patterns they stand for."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy._text import highlight_line

# Pieces that make each sniffer's edge cases likely: highlights at and off a
# line start, control bytes, header fields, a CNN header's date, blank lines.
_PIECES = [
    b"@highlight",
    b"@highlight \r\n",
    b"x@highlight\n",
    b"@",
    b"\n",
    b"\r\n",
    b" ",
    b"\t",
    b"\x00",
    b"\x07",
    b"\x0c",
    b"\x7f",
    b"Headline",
    b"Subject: ferry fares\n",
    b"Newsgroups: rec.boats\n",
    b"From ada Tue Mar 16 1993\n",
    b"From: ada@example.net\n",
    b" folded\n",
    b"CNN.com -  Ferry fares rise - ",
    b"December 30, 2000",
    b"\nport ellis (reuters) -- ",
    b"<",
    b"#!",
    b"\xef\xbb\xbf",
    b"\xc3\xa9",
]
_HEADS = st.lists(st.sampled_from(_PIECES), max_size=30).map(b"".join)

_HIGHLIGHT_LINE = re.compile(rb"(?m)^@highlight[ \t]*\r?$")
_BINARY = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@given(_HEADS)
def test_highlight_line_is_the_anchored_pattern(head: bytes) -> None:
    """highlight_line() finds a line that is "@highlight" exactly where the multi-line pattern does."""
    assert highlight_line(head) == bool(_HIGHLIGHT_LINE.search(head))


def _plain_text_reference(head: bytes) -> float:
    """plain-text's sniffer as first written: binary bytes and highlights looked for first."""
    if not head.strip() or _BINARY.search(head) or _HIGHLIGHT_LINE.search(head):
        return 0.0
    rest = head.lstrip(b"\xef\xbb\xbf")
    stripped = rest.lstrip(b" \t\r\n")
    if re.match(rb"[<{\[]|#!", stripped):
        return 0.0
    if rest[: len(rest) - len(stripped)].count(b"\n") > 3:
        return 0.0
    lines = stripped.split(b"\n", 3)
    if len(lines) < 3:
        return 0.0
    title, gap, body = lines[0].rstrip(b"\r"), lines[1], lines[2]
    if gap.strip() and re.match(rb"[!-9;-~]+:", title):
        return 0.0
    if len(title.decode("utf-8", "replace")) <= 160 and not gap.strip() and body.strip():
        return 0.5
    return 0.0


@given(_HEADS)
def test_plain_text_sniff_is_unchanged_by_its_order(head: bytes) -> None:
    """plain-text scores every head as it did when it searched for binary bytes and highlights first."""
    assert wirecopy.get_format("plain-text").sniff(head, None) == _plain_text_reference(head)


def _rfc822_first_line_reference(head: bytes) -> bool:
    """Whether the first line (after an mbox "From " line) is a header field, as the line loop decides."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    lines = head.split(b"\n", 60)
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]
    if not lines:
        return False
    line = lines[0].rstrip(b"\r")
    field = re.match(rb"[\x21-\x39\x3b-\x7e]*:", line)
    return bool(line) and field is not None and field.end() > 1


@given(_HEADS)
def test_rfc822_news_turns_down_only_what_the_line_loop_would(head: bytes) -> None:
    """rfc822-news gives 0.0 to a head whose first line is no field, and only batches score without one."""
    score = wirecopy.get_format("rfc822-news").sniff(head, None)
    if not _rfc822_first_line_reference(head):
        assert score in (0.0, 1.0)
        assert score == 0.0 or head.removeprefix(b"\xef\xbb\xbf").startswith(b"#! rnews")


_CNN_HEADER = re.compile(
    rb"\A\s*[^\s<{][^\n]{0,200}?[ \t]-[ \t][^\n]*[ \t]-[ \t]+[A-Za-z]+\.? \d{1,2}, \d{4}[ \t]*(?:\r?\n|\Z)"
)


@given(_HEADS)
def test_cnn_reuters_sniff_scores_what_its_header_pattern_matches(head: bytes) -> None:
    """cnn-reuters scores a head above zero exactly when its header pattern matches."""
    assert (wirecopy.get_format("cnn-reuters").sniff(head, None) > 0) == bool(_CNN_HEADER.match(head))
