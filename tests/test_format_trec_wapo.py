"""The trec-wapo format: the TREC Washington Post collection's JSON Lines, read, written and detected."""

from __future__ import annotations

import datetime as _dt
import html
import io
import json
import time
import tracemalloc
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, Dateline, ParseError, SkippedDocumentWarning
from wirecopy.formats._html_text import defuse, html_text
from wirecopy.strategies import articles_for

from .conftest import DATA

FIXTURES = DATA / "trec-wapo"
UTC = _dt.timezone.utc


def read_quietly(data: bytes | str, **options: object) -> list[Article]:
    """Read *data* as trec-wapo under warn, without the warnings."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wirecopy.WirecopyWarning)
        return wirecopy.loads(data, "trec-wapo", **options)  # type: ignore[arg-type]


def document(**fields: object) -> str:
    """One line of the collection with *fields* over a minimal document."""
    base: dict[str, object] = {"id": "d1", "published_date": 0, "contents": []}
    base.update(fields)
    return json.dumps(base) + "\n"


def paragraph(content: object, mime: str = "text/html") -> dict[str, object]:
    """A ``sanitized_html`` paragraph block."""
    return {"content": content, "mime": mime, "type": "sanitized_html", "subtype": "paragraph"}


def test_v2_article_fields() -> None:
    """A v2 article gives its id, headline, byline, UTC time, dateline, paragraphs and extra."""
    [first, *_] = wirecopy.read(FIXTURES / "v2-articles.jl")
    assert first == Article(
        format="trec-wapo",
        id="0a8c3f2e-4b1d-11e2-9c51-7d2f3a6b8e01",
        source="The Washington Post",
        headline="Harbor council votes for a second ferry",
        byline="By Dana Whitlock",
        published=_dt.datetime(2012, 11, 20, 16, 0, tzinfo=UTC),
        dateline=Dateline(text="PORT ELLIS, Md. —", place="PORT ELLIS", region="Md."),
        paragraphs=(
            "The harbor council voted 7 to 2 on Tuesday to buy a second ferry, ending a debate that has run"
            " since spring.",
            "“We have been turning cars away every weekend,” said council member Ruth Okafor, who proposed the"
            " purchase. The new boat will carry 40 cars & 300 passengers.",
            "Related: Ferry schedule for the winter season",
            "The vote came after three public hearings — the last of them four hours long. Opponents said the"
            " town could not afford the boat.",
            "The purchase still needs approval from the state, which pays half the cost.",
        ),
        extra={
            "url": "https://www.washingtonpost.com/local/harbor-council-votes-for-second-ferry/2012/11/20/"
            "0a8c3f2e-4b1d-11e2-9c51-7d2f3a6b8e01_story.html",
            "type": "article",
            "author": "Dana Whitlock",
            "kicker": "Local",
            "captions": ["The Port Ellis ferry leaves the slip at dawn. (Marta Quill/For The Post)"],
        },
    )
    assert first.defects == ()
    assert first.origin == wirecopy.Origin(path=str(FIXTURES / "v2-articles.jl"), line=1, offset=0, index=0)


def test_blog_post_without_byline_block() -> None:
    """A blog post without a byline block takes the author as byline; its time keeps the milliseconds."""
    blog = list(wirecopy.read(FIXTURES / "v2-articles.jl"))[1]
    assert blog.byline == "Lee Marrow"
    assert blog.published == _dt.datetime(2013, 1, 8, 12, 30, 45, 123000, tzinfo=UTC)
    assert blog.extra["type"] == "blog"
    # A text/plain block is kept as written; empty and null blocks, and the video, give no paragraph.
    assert blog.paragraphs == (
        "Dense fog covers the region this morning, with visibility under a quarter mile in spots.",
        "Highs reach the upper 50s by late afternoon. Enjoy it: colder air returns Thursday.",
    )


def test_v3_date_title_and_url_from_elsewhere() -> None:
    """Without published_date the date block gives the time; a null title gives way to the title block."""
    goal, letters = wirecopy.read(FIXTURES / "v3-date-in-contents.jl")
    assert goal.published == _dt.datetime(2019, 1, 5, 22, 0, tzinfo=UTC)
    assert goal.headline == "A late goal lifts the Rivers"
    assert goal.extra["url"] == "/sports/2019/01/05/late-goal-lifts-rivers/"
    assert "author" not in goal.extra
    assert goal.origin is not None and goal.origin.line == 1
    # An epoch written as a string of digits is read too; escaped brackets are text.
    assert letters.published == _dt.datetime(2019, 12, 1, 14, 0, tzinfo=UTC)
    assert letters.paragraphs[0].endswith("ends in a wall. <Fix it.>")
    assert letters.origin is not None and (letters.origin.line, letters.origin.index) == (2, 1)


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ('<a href="/x">Lee</a> said &#8212; twice', "Lee said — twice"),
        ("one<br>two<br/>three", "one two three"),
        ("<p>a</p><p>b</p>", "a b"),
        ("x <script>var a = 1 < 2;</script>y", "x y"),
        ("x <style>p {}</style> y", "x y"),
        ("a <!-- note --> b", "a b"),
        ("a <!-- never closed", "a"),
        ("<!DOCTYPE html>a<![CDATA[b]]>c<?pi?>d", "acd"),
        ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
        ("a<b<c>d", "a<bd"),
        ("AT&T &amp; &copy; &#x41;&nbsp;b", "AT&T & © A b"),
        ("  spaced \n\t out  ", "spaced out"),
        ("<b></b>", ""),
    ],
)
def test_html_reduced_to_text(markup: str, text: str) -> None:
    """html_text drops tags, comments and script, resolves references and collapses white space."""
    assert html_text(markup) == text


@given(st.text())
def test_escaped_text_reads_back(text: str) -> None:
    """Any text escaped as HTML reads back as itself, white space collapsed."""
    assert html_text(html.escape(text, quote=False)) == " ".join(text.split())


@given(st.text(alphabet="<>!-?ab &;/'\"=", max_size=60))
def test_defused_markup_closes_every_tag(markup: str) -> None:
    """After defuse, every '<' opens a tag that a '>' closes before the next '<', and no comment is left."""
    out = defuse(markup)
    assert "<!" not in out and "<?" not in out
    start = out.find("<")
    while start >= 0:
        close = out.find(">", start)
        following = out.find("<", start + 1)
        assert close > start and (following < 0 or close < following)
        start = following


@pytest.mark.parametrize("piece", ["<a", "<!--", "<![CDATA[", "<?", '<a b="', "</"])
def test_hostile_html_is_read_in_linear_time(piece: str) -> None:
    """Markup that makes html.parser rescan its input is read in well under the seconds a square would cost."""
    line = document(contents=[paragraph(piece * 200_000)])
    started = time.perf_counter()
    read_quietly(line)
    assert time.perf_counter() - started < 5.0


def test_damaged_file() -> None:
    """A damaged file gives its readable documents, with defects, and reports each line left out."""
    with pytest.warns(SkippedDocumentWarning):
        reader = wirecopy.read(FIXTURES / "damaged.jl")
        articles = list(reader)
    assert [a.id for a in articles] == ["aa11bb22-3c4d-11e4-8e9f-0a1b2c3d4e5f", "bad-title", "bad-bytes", None]
    assert [(e.kind, e.lineno) for e in reader.skipped] == [("bad-record", 5), ("bad-record", 6), ("bad-record", 7)]
    assert [(d.kind, d.message) for d in articles[1].defects] == [
        ("bad-field", "title is a number, not a string"),
        ("bad-field", "author is a list, not a string"),
        ("bad-field", "contents[0] is a number, not a block object (and 3 more malformed blocks)"),
        ("bad-date", "published_date '1000000000000000000000000000000' is not a time in epoch milliseconds"),
    ]
    assert articles[1].extra == {"type": "article", "kicker": "Metro", "published_text": "1" + "0" * 30}
    assert articles[2].paragraphs == ("The caf\ufffd opens at seven.",)
    assert [(d.kind, d.column) for d in articles[2].defects] == [("bad-encoding", 176)]
    assert [d.kind for d in articles[3].defects] == ["missing-id", "missing-date"]
    assert [a.origin.index for a in articles if a.origin] == [0, 1, 2, 6]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (document(published_date=10**30), "published_date '1" + "0" * 30 + "' is not a time in epoch milliseconds"),
        (document(published_date=True), "published_date is a boolean, not a time in epoch milliseconds"),
        (document(published_date=[1]), "published_date is a list, not a time in epoch milliseconds"),
        (document(published_date="2012-01-01"), "published_date '2012-01-01' is not a time in epoch milliseconds"),
        ('{"id": "d1", "published_date": 1e999}', "published_date 'inf' is not a time in epoch milliseconds"),
        ('{"id": "d1", "published_date": NaN}', "published_date 'nan' is not a time in epoch milliseconds"),
        ('{"id": "d1", "published_date": ' + "9" * 5000 + "}", "invalid JSON: Exceeds the limit (4300 digits)"),
        ('{"id": "d1", "contents": ' + "[" * 100_000 + "]" * 100_000 + "}", "invalid JSON: maximum recursion"),
        ("[" * 100_000 + "]" * 100_000, "invalid JSON: maximum recursion"),
        (document(contents={"type": "kicker"}), "contents is an object, not a list"),
        (document(contents=[paragraph(3)]), "contents[0] (sanitized_html) has a content that is a number"),
        (document(id=7), "id is a number, not a string"),
        (document(id=""), "the document has no id"),
        ('{"id": "d1"}', "the document has no published_date"),
        ('{"id": "d1", "title": "cut', "invalid JSON: Unterminated string starting at"),
        ("{}", "not a Washington Post document: no id, article_url or contents"),
        (b'{"id": "\xff"}', "bytes that are not UTF-8 (invalid start byte) were replaced with U+FFFD"),
    ],
)
def test_hostile_values_are_problems_not_crashes(line: str | bytes, message: str) -> None:
    """Huge numbers, deep nesting, wrong types and bad bytes raise ParseError under strict, nothing under warn."""
    data = line.encode() if isinstance(line, str) else line
    with pytest.raises(ParseError) as info:
        wirecopy.loads(data, "trec-wapo", errors="strict", filename="h.jl")
    assert info.value.msg.startswith(message)
    assert (info.value.source, info.value.lineno) == ("h.jl", 1)
    reader = wirecopy.iter_load(io.BytesIO(data + b"\n" + document(id="after").encode()), "trec-wapo", errors="skip")
    assert [a.id for a in reader] == ["after"]
    assert reader.left_out == 1


def test_line_over_the_size_limit_is_left_out_unread() -> None:
    """A line longer than max_document_size is left out without being held, and the next line is read."""
    giant = document(contents=[paragraph("word " * 1_000_000)]).encode()
    data = giant + document(id="next").encode()
    policy = wirecopy.Policy(max_document_size=10_000, errors="skip")
    tracemalloc.start()
    try:
        reader = wirecopy.iter_load(io.BytesIO(data), "trec-wapo", policy=policy)
        articles = list(reader)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < len(giant) // 10
    assert [a.id for a in articles] == ["next"]
    assert articles[0].origin == wirecopy.Origin(path=None, line=2, offset=len(giant), index=1)
    [error] = reader.skipped
    assert (error.kind, error.lineno) == ("document-too-large", 1)
    assert error.msg == "line longer than 10,000 bytes: left out unread"


def test_line_at_the_size_limit_is_read() -> None:
    """A line of exactly max_document_size bytes, its line break not counted, is read."""
    line = document(title="x")
    line = line[:-2] + " " * 10 + "}\n"
    policy = wirecopy.Policy(max_document_size=len(line.encode()) - 1, errors="strict")
    assert [a.headline for a in wirecopy.loads(line, "trec-wapo", policy=policy)] == ["x"]
    with pytest.raises(ParseError, match="line longer than"):
        wirecopy.loads(line, "trec-wapo", policy=policy.clone(max_document_size=len(line.encode()) - 2))


def test_empty_input() -> None:
    """An input of blank lines is reported as empty, like every format's."""
    with pytest.raises(ParseError) as info:
        wirecopy.loads("\n  \r\n", "trec-wapo", errors="strict", filename="e.jl")
    assert str(info.value) == "empty input: no Washington Post document found (at e.jl, line 1, column 1)"


def test_byte_order_mark_and_crlf() -> None:
    """A UTF-8 byte order mark before the first line and CRLF line ends are read."""
    data = b"\xef\xbb\xbf" + document(id="a").encode().replace(b"\n", b"\r\n") + document(id="b").encode()
    assert [a.id for a in wirecopy.loads(data, "trec-wapo", errors="strict")] == ["a", "b"]


@given(articles_for("trec-wapo"))
def test_roundtrip(article: Article) -> None:
    """Every article the format can represent reads back equal from what it writes."""
    assert wirecopy.loads(wirecopy.dumps(article, "trec-wapo"), "trec-wapo", errors="strict") == [article]


@pytest.mark.parametrize("name", ["v2-articles.jl", "v3-date-in-contents.jl", "damaged.jl"])
def test_fixtures_read_back_from_what_is_written(name: str) -> None:
    """What the format writes of a fixture's articles reads back into the same articles."""
    articles = read_quietly((FIXTURES / name).read_bytes())
    again = read_quietly(wirecopy.dumps(articles, "trec-wapo"))
    # A document without an id or a date is written without them, and reads back the same.
    assert again == articles


def test_what_is_written() -> None:
    """The writer keeps the collection's keys and blocks, times as epoch milliseconds."""
    article = Article(
        format="plain-text",
        id="w1",
        headline="A <b> headline",
        byline="By Someone",
        published=_dt.datetime(2012, 1, 1, 0, 9, 22, 500, tzinfo=UTC),
        dateline=Dateline(text="LONDON —", place="LONDON"),
        paragraphs=("Café & more.",),
        subjects=("not written",),
        extra={"kicker": "World", "captions": ["A photo."], "other": 1},
    )
    assert json.loads(wirecopy.dumps(article, "trec-wapo")) == {
        "id": "w1",
        "article_url": None,
        "title": "A <b> headline",
        "author": "",
        "published_date": 1325376562000,
        "contents": [
            {"content": "World", "mime": "text/plain", "type": "kicker"},
            {"content": "A <b> headline", "mime": "text/plain", "type": "title"},
            {"content": "By Someone", "mime": "text/plain", "type": "byline"},
            {"content": 1325376562000, "mime": "text/plain", "type": "date"},
            {"fullcaption": "A photo.", "mime": "image/jpeg", "type": "image"},
            {
                "content": "LONDON — Café &amp; more.",
                "mime": "text/html",
                "type": "sanitized_html",
                "subtype": "paragraph",
            },
        ],
        "type": None,
        "source": None,
    }
    assert wirecopy.dumps(article, "trec-wapo").isascii()


@pytest.mark.parametrize(
    ("published", "milliseconds"),
    [
        (_dt.date(2012, 1, 1), 1325376000000),
        (_dt.datetime(2012, 1, 1, 5, 0), 1325394000000),
        (_dt.datetime(2012, 1, 1, 5, 0, tzinfo=_dt.timezone(_dt.timedelta(hours=5))), 1325376000000),
        (_dt.datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC), -1),
    ],
)
def test_published_written_as_epoch_milliseconds(published: _dt.date, milliseconds: int) -> None:
    """A day is written as its midnight UTC, a time without zone as UTC, to the millisecond, rounded down."""
    record = json.loads(wirecopy.dumps(Article(format="x", published=published), "trec-wapo"))
    assert record["published_date"] == milliseconds


def test_detection_against_jsonl() -> None:
    """The collection's lines are detected as trec-wapo, and wirecopy's JSON Lines of the same articles as jsonl."""
    data = (FIXTURES / "v2-articles.jl").read_bytes()
    articles = read_quietly(data)
    wapo, jsonl = wirecopy.get_format("trec-wapo"), wirecopy.get_format("jsonl")
    assert wirecopy.detect(data).best == "trec-wapo"
    assert wapo.sniff(data, None) > 0.9 and jsonl.sniff(data, None) == 0.0
    own = wirecopy.dumps(articles, "jsonl").encode()
    assert wirecopy.detect(own).best == "jsonl"
    assert wapo.sniff(own, None) == 0.0
    written = wirecopy.dumps(articles, "trec-wapo").encode()
    assert wirecopy.detect(written, filename="x.jsonl").best == "trec-wapo"


def test_aliases() -> None:
    """The format answers to wapo and washington-post."""
    assert wirecopy.get_format("wapo") is wirecopy.get_format("washington-post") is wirecopy.get_format("trec-wapo")
