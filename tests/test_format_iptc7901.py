"""The iptc-7901 format: real dpa samples, the header, the sections, writing, and bad input."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, ParseError, SkippedDocumentWarning, WriteError
from wirecopy.formats.iptc7901 import wrap
from wirecopy.strategies import articles_for, paragraphs

from .conftest import DATA, corpus_files, corpus_sample

FOLDER = "iptc7901"
FIXTURES = DATA / "iptc-7901"
TWO = (FIXTURES / "two-transmissions.txt").read_bytes()
CANONICAL = (FIXTURES / "canonical.txt").read_bytes()
UTC = dt.timezone.utc

# (file, headline, published, dateline place, first words, paragraphs, labels, notes, byline, defects)
SAMPLES = [
    (
        "superdesk_IPTC7901.txt",
        "Germany Social Democrats: Coalition talks with Merkel could fail",
        dt.datetime(2013, 11, 13, 11, 37, tzinfo=UTC),
        "Berlin",
        "Negotiations between German conservatives",
        5,
        None,
        (),
        None,
        (),
    ),
    (
        "superdesk_IPTC7901_odd_charset.txt",
        "German football saddened by illness to striker legend Mueller",
        dt.datetime(2015, 10, 7, 13, 41, tzinfo=UTC),
        "Munich",
        "German football generations past",
        21,
        "1ST LEAD",
        (),
        "By Manuel Schwarz, dpa",
        ("not-utf8",),
    ),
    (
        "superdesk_dpa_copyright.txt",
        "Impressum",
        dt.datetime(2017, 6, 24, 22, 0, tzinfo=UTC),
        None,
        "ryryryry copyright by dpa",
        1,
        None,
        ("(Achtung)",),
        None,
        (),
    ),
    (
        "superdesk_dpa_four_line.txt",
        "Switzerland joins list of countries resisting UN migration pact",
        dt.datetime(2018, 11, 21, 23, 22, tzinfo=UTC),
        "Geneva",
        "Switzerland is joining a growing number",
        15,
        "REFILE 1ST LEAD",
        (),
        "By dpa correspondents",
        ("not-utf8",),
    ),
    (
        "superdesk_dpa_two_line.txt",
        "Peace talks on Yemen to take place in Sweden next month, Mattis says",
        dt.datetime(2018, 11, 21, 21, 1, tzinfo=UTC),
        "Washington",
        "US Defence Secretary Jim Mattis says",
        4,
        "EXTRA",
        (),
        None,
        (),
    ),
]
NAMES = [sample[0] for sample in SAMPLES]
assert len(set(NAMES)) == len(NAMES)


def test_every_sample_is_listed() -> None:
    """The table names every IPTC 7901 sample in the shared corpus, so none goes untested."""
    present = [path.name for path in corpus_files(FOLDER)]
    if not present:
        pytest.skip("the shared corpus folder iptc7901 is absent (set WIRECOPY_CORPUS)")
    assert sorted(present) == sorted(NAMES)


class TestRealSamples:
    @pytest.mark.parametrize(
        ("name", "headline", "published", "place", "first", "count", "labels", "notes", "byline", "defects"), SAMPLES
    )
    def test_fields(
        self,
        name: str,
        headline: str,
        published: dt.datetime,
        place: str | None,
        first: str,
        count: int,
        labels: str | None,
        notes: tuple[str, ...],
        byline: str | None,
        defects: tuple[str, ...],
    ) -> None:
        """Each real sample reads into one article with the expected key fields, and only the expected defects."""
        [article] = wirecopy.read(corpus_sample(FOLDER, name), "iptc-7901", errors="warn")
        assert article.format == "iptc-7901"
        assert article.source == "dpa"
        assert article.headline == headline
        assert article.published == published
        assert article.published.utcoffset() == dt.timedelta(0)  # type: ignore[union-attr]
        assert (article.dateline.place if article.dateline else None) == place
        assert article.paragraphs[0].startswith(first)
        assert len(article.paragraphs) == count
        assert (article.extra["labels"], article.extra["notes"], article.extra["kicker"]) == (labels, notes, None)
        assert article.byline == byline
        assert tuple(defect.kind for defect in article.defects) == defects

    def test_header_and_sections(self) -> None:
        """The SOH header, slug, notebook, not-for-publication block and initials go into extra."""
        [article] = wirecopy.read(corpus_sample(FOLDER, "superdesk_IPTC7901.txt"))
        extra = article.extra.thaw()
        assert extra.pop("not_for_publication")[0].startswith("## dpa Contacts\n- Reporting by:")
        assert extra == {
            "service": "eca",
            "sequence": "062",
            "priority": 4,
            "category": "i",
            "word_count": 211,
            "header_extra": "ccccb",
            "message_number": "061",
            "slug": "Germany-politics/",
            "labels": None,
            "notes": [],
            "kicker": None,
            "notebook": ["# dpa NOTEBOOK"],
            "editors": ["wsz", "jln", "npr"],
        }
        assert article.dateline == wirecopy.Dateline(text="Berlin (dpa) -", place="Berlin", agency="dpa")

    def test_notes_are_not_body(self) -> None:
        """Notebook and 'not for publication' text never reaches the paragraphs."""
        for name in NAMES:
            [article] = wirecopy.read(corpus_sample(FOLDER, name))
            body = article.text
            assert "# " not in body
            assert "not for publication" not in body
            assert "not intended for publication" not in body
            assert "Reporting by" not in body

    def test_latin1_text(self) -> None:
        """Undeclared Latin-1 (0xFC, 0xA0) reads as the letters it is, with a not-utf8 defect at the first such byte."""
        [odd] = wirecopy.read(corpus_sample(FOLDER, "superdesk_IPTC7901_odd_charset.txt"))
        assert any("Thomas Müller" in paragraph for paragraph in odd.paragraphs)
        [four] = wirecopy.read(corpus_sample(FOLDER, "superdesk_dpa_four_line.txt"))
        assert "Helen\xa0Corbett" in four.extra["not_for_publication"][0]
        assert [(d.kind, d.message, d.line, d.column) for d in four.defects] == [
            ("not-utf8", "byte 0xa0 is not UTF-8; the transmission was decoded as windows-1252", 83, 12)
        ]

    def test_trailer_year_is_two_digits(self) -> None:
        """'071341 GMT Okt 15' is 7 October 2015, 13:41 GMT: the German month and the year."""
        [article] = wirecopy.read(corpus_sample(FOLDER, "superdesk_IPTC7901_odd_charset.txt"))
        assert article.published == dt.datetime(2015, 10, 7, 13, 41, tzinfo=UTC)

    @pytest.mark.parametrize("name", NAMES)
    def test_rewrite_reads_the_same(self, name: str) -> None:
        """loads(dumps(loads(x))) == loads(x) for every real sample, and the rewrite is canonical."""
        articles = wirecopy.loads(corpus_sample(FOLDER, name).read_bytes(), "iptc-7901")
        text = wirecopy.dumps(articles, "iptc-7901")
        assert wirecopy.loads(text, "iptc-7901", errors="strict") == articles
        assert wirecopy.dumps(wirecopy.loads(text, "iptc-7901"), "iptc-7901") == text

    def test_canonical_sample_is_written_back_byte_for_byte(self) -> None:
        """A real sample already in the canonical layout is written back byte for byte."""
        data = corpus_sample(FOLDER, "superdesk_dpa_two_line.txt").read_bytes()
        assert wirecopy.dumps(wirecopy.loads(data, "iptc-7901"), "iptc-7901").encode("utf-8") == data

    @pytest.mark.parametrize("name", NAMES)
    def test_detected(self, name: str) -> None:
        """Detection names iptc-7901 for every real sample."""
        assert wirecopy.detect(corpus_sample(FOLDER, name)).best == "iptc-7901"


class TestFixture:
    def test_two_transmissions(self) -> None:
        """Two transmissions, the first with an extra CRLF after EOT, read in order with their origins."""
        first, second = wirecopy.loads(TWO, "iptc7901", errors="strict", filename="two.txt")
        assert first.headline == "Night trains return to the Rhine valley"
        assert first.byline == "By Max Beispiel, dpa"
        assert first.published == dt.datetime(2015, 10, 7, 13, 41, tzinfo=UTC)
        assert first.paragraphs == (
            "Night trains will run again along the Rhine from next month, the operator said on Tuesday, "
            "after a break of two years.",
            "The first train leaves Köln at 23:10 and reaches Basel before breakfast, the company said.",
        )
        assert first.extra["notebook"] == ("# Notebook", "## Note to editors\n- adds departure time")
        assert first.extra["not_for_publication"] == (
            "## Editorial contacts\n- Reporting by: Max Beispiel\n  and Erika\xa0Muster",
        )
        assert first.extra["editors"] == ("mb", "em")
        assert second.headline == "Regatta called off for lack of wind"
        assert second.extra["labels"] == "EXTRA"
        assert second.extra["header_extra"] is None
        assert second.published == dt.datetime(2017, 6, 24, 12, 0, tzinfo=UTC)
        assert first.origin == wirecopy.Origin(path="two.txt", line=1, offset=0, index=0)
        assert second.origin == wirecopy.Origin(path="two.txt", line=32, offset=TWO.index(b"\x01abc102"), index=1)

    def test_line_ends_do_not_matter(self) -> None:
        """The same file with LF only reads into the same articles."""
        assert wirecopy.loads(TWO.replace(b"\r\n", b"\n"), "iptc7901") == wirecopy.loads(TWO, "iptc7901")

    def test_canonical_file_is_written_back_byte_for_byte(self) -> None:
        """dumps(loads(x)) == x for a file the writer wrote, and it is the rewrite of the fixture."""
        assert wirecopy.dumps(wirecopy.loads(CANONICAL, "iptc7901"), "iptc7901").encode("utf-8") == CANONICAL
        assert wirecopy.dumps(wirecopy.loads(TWO, "iptc7901"), "iptc7901").encode("utf-8") == CANONICAL

    def test_normalised_on_writing(self) -> None:
        """The writer uses English months, no indent, and one wording of the 'not for publication' line."""
        text = wirecopy.dumps(wirecopy.loads(TWO, "iptc7901"), "iptc7901")
        assert "\x03071341 GMT Oct 15\r\n" in text
        assert "\nKoblenz (dpa) - Night trains" in text
        assert "* * * *\r\nThe following information is not for publication\r\n" in text


MINIMAL = Article(
    format="x",
    headline="Ferry back",
    published=dt.datetime(2017, 3, 14, 12, 45, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    paragraphs=("It runs.", "Twice a day."),
)


BLOCK_REFUSED = (
    "its labels, notes, kicker, headline and byline would not read back as written "
    "(labels are upper case, notes in parentheses, a kicker is short enough that the headline's "
    "first word would fit after it, a byline begins with 'By' or 'Von' in any case, "
    "and only the last line may end with '=')"
)
MARKER_REFUSED = "its notebook holds the 'not for publication' line, which the writer adds itself"


class TestWrite:
    @given(articles_for("iptc-7901"))
    def test_roundtrip(self, article: Article) -> None:
        """loads(dumps(a)) == [a] for generated articles the format can hold."""
        assert wirecopy.loads(wirecopy.dumps(article, "iptc-7901"), "iptc-7901", errors="strict") == [article]

    @given(st.lists(articles_for("iptc-7901"), min_size=2, max_size=3))
    def test_many_roundtrip(self, articles: list[Article]) -> None:
        """Several transmissions in one file read back in order."""
        assert wirecopy.loads(wirecopy.dumps(articles, "iptc-7901"), "iptc-7901") == articles

    def test_defaults(self) -> None:
        """An article with no IPTC header fields gets the documented defaults, in GMT, to the minute."""
        text = wirecopy.dumps([MINIMAL, attrs.evolve(MINIMAL, source="dpa")], "iptc-7901")
        first = text[: text.index("\x04") + 1]
        assert first == (
            "\x01a0001 4 i 5  0001\r\n"
            "\n"
            "\x02Ferry back =\r\n"
            "\n"
            "It runs.\r\n"
            "\n"
            "Twice a day.\r\n"
            "\r\n"
            "\x03141145 GMT Mar 17\r\n"
            "\x7f\n"
            "\x7f\x04"
        )
        assert "\x01a0002 4 i 5  dpa 0002\r\n" in text

    def test_other_formats_extra_is_ignored(self) -> None:
        """The extra of an article from another format is not read as IPTC 7901 header fields."""
        article = Article(
            format="anpa-1312",
            headline="Ferry back",
            published=MINIMAL.published,
            extra={"priority": "f", "category": "l", "labels": ["lower case"]},
        )
        [again] = wirecopy.loads(wirecopy.dumps(article, "iptc-7901"), "iptc-7901", errors="strict")
        assert (again.extra["priority"], again.extra["category"], again.extra["labels"]) == (4, "i", None)

    def test_lower_case_byline(self) -> None:
        """A byline that begins with a lower-case 'by' is still the byline."""
        article = Article(format="iptc-7901", headline="H", byline="by Jane Doe", published=MINIMAL.published)
        [again] = wirecopy.loads(wirecopy.dumps(article, "iptc-7901"), "iptc-7901")
        assert (again.headline, again.byline) == ("H", "by Jane Doe")

    @given(paragraphs(max_words=80), st.integers(10, 80))
    def test_wrap_is_reversible(self, text: str, width: int) -> None:
        """Joining the wrapped lines with one space gives the paragraph back; lines fit where they can."""
        lines = wrap(text, width)
        assert " ".join(lines) == text
        assert all(len(line) <= width or " " not in line for line in lines)

    @given(paragraphs(max_words=80), st.integers(10, 80))
    def test_wrap_is_greedy(self, text: str, width: int) -> None:
        """Each line takes as many words as fit, as a word-by-word fill would."""
        expected = [text.split(" ")[0]]
        for word in text.split(" ")[1:]:
            if len(expected[-1]) + 1 + len(word) <= width:
                expected[-1] += " " + word
            else:
                expected.append(word)
        assert wrap(text, width) == expected

    def test_wrap_keeps_runs_of_spaces(self) -> None:
        """A run of spaces is never a break point, so it survives the round trip."""
        assert wrap("called  Mueller one of", 8) == ["called  Mueller", "one of"]

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"published": None}, "the trailer needs published as a datetime (with a zone, or naive for local time)"),
            (
                {"published": dt.date(2017, 3, 14)},
                "the trailer needs published as a datetime (with a zone, or naive for local time)",
            ),
            ({"published": dt.datetime(1968, 12, 31, tzinfo=UTC)}, "the trailer's two-digit year cannot hold 1968"),
            ({"published": dt.datetime(2069, 1, 1)}, "the trailer's two-digit year cannot hold 2069"),
            ({"headline": None}, "it has no headline"),
            ({"headline": "two\nlines"}, "its headline spans lines"),
            ({"paragraphs": ("\ud800",)}, "the character '\\ud800' (U+D800) cannot be written in UTF-8"),
            ({"source": "dpa agency"}, "its source 'dpa agency' does not fit the header field"),
            ({"extra": {"priority": 12}}, "its priority 12 is not a digit"),
            ({"extra": {"word_count": 10**9}}, "its word_count 1000000000 does not fit the header field (9 digits)"),
            ({"extra": {"editors": ["abc"]}}, "it has editors but no source (agency) to open their line"),
            ({"byline": "Jane Doe"}, BLOCK_REFUSED),
            ({"extra": {"notes": ["Achtung"]}}, BLOCK_REFUSED),
            ({"extra": {"labels": "Lead"}}, BLOCK_REFUSED),
            (
                {"extra": {"kicker": "A kicker so long that the first word of the headline would not fit"}},
                BLOCK_REFUSED,
            ),
            ({"extra": {"notebook": ["# N", "* * * *\nnot a marker"]}}, MARKER_REFUSED),
            (
                {"extra": {"notebook": ["Notes"]}},
                "its notebook must begin with a '# ' heading, or it would read back as body text",
            ),
            ({"extra": {"notebook": ["# N", "a\n\nb"]}}, "its notebook block 'a\\n\\nb' holds a blank line"),
            (
                {"paragraphs": ("# Not a heading",)},
                "its paragraph '# Not a heading' would read back as a notebook heading",
            ),
            (
                {"source": "dpa", "paragraphs": ("dpa ab cd",)},
                "its last block 'dpa ab cd' would read back as the editors' initials",
            ),
        ],
    )
    def test_unwritable(self, changes: dict[str, object], message: str) -> None:
        """An article the layout cannot hold raises WriteError naming the article and the reason."""
        fields: dict[str, object] = {
            "format": "iptc-7901",
            "id": "x1",
            "headline": "Ferry back",
            "published": dt.datetime(2017, 3, 14, 12, 45, tzinfo=UTC),
        }
        fields.update(changes)
        with pytest.raises(WriteError) as info:
            wirecopy.dumps(Article(**fields), "iptc-7901")  # type: ignore[arg-type]
        assert str(info.value) == f"cannot write article 'x1' as iptc-7901: {message}"


class TestBadInput:
    def test_empty(self) -> None:
        """An empty input raises under strict, warns under warn, and is counted under skip."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(b"", "iptc7901", errors="strict", filename="e.txt")
        assert str(info.value) == "empty input: no IPTC 7901 transmission found (at e.txt, line 1, column 1)"
        with pytest.warns(SkippedDocumentWarning, match="empty input"):
            assert wirecopy.loads(b"\r\n\x7f", "iptc7901") == []
        reader = wirecopy.iter_load(io.BytesIO(b""), "iptc7901", errors="skip")
        assert list(reader) == []
        assert [e.kind for e in reader.skipped] == ["empty-input"]

    def test_cut_in_the_body(self) -> None:
        """A transmission cut in the body raises under strict; under warn it is returned with a defect."""
        cut = CANONICAL[: CANONICAL.index(b"breakfast")]
        with pytest.raises(ParseError) as info:
            wirecopy.loads(cut, "iptc7901", errors="strict", filename="c.txt")
        assert str(info.value) == (
            "transmission cut short: the input ends before EOT closes the IPTC 7901 transmission "
            "(at c.txt, line 12, column 1)"
        )
        [article] = wirecopy.loads(cut, "iptc7901")
        assert article.headline == "Night trains return to the Rhine valley"
        assert article.published is None
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("truncated", 12, 1)]

    def test_cut_in_the_header(self) -> None:
        """A transmission cut before STX is reported, not returned."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(CANONICAL[:20], "iptc7901", errors="strict", filename="h.txt")
        assert str(info.value) == (
            "IPTC 7901 transmission without text: the input ends before EOT closes the IPTC 7901 transmission "
            "(at h.txt, line 1, column 21)"
        )

    @pytest.mark.parametrize(
        ("old", "new", "message", "column"),
        [
            (
                b"abc101",
                b"abc",
                "expected the service code and sequence number ('abc101'), got 'abc 4 i 120 xyzzy   '",
                2,
            ),
            (b"101 4 i", b"101 x i", "expected the priority (a digit), got 'x i 120 xyzzy   dpa '", 9),
            (b"4 i 120", b"4 1 120", "expected the category (letters), got '1 120 xyzzy   dpa 00'", 11),
            (b"i 120 ", b"i 12a ", "expected the word count (digits), got '12a xyzzy   dpa 007'", 13),
            (b"dpa 007", b"dpa 00x", "expected '[extra]   agency number', got ' xyzzy   dpa 00x'", 16),
        ],
    )
    def test_bad_header_field(self, old: bytes, new: bytes, message: str, column: int) -> None:
        """A header field of the wrong shape raises under strict at its column, and is a defect under warn."""
        data = CANONICAL.replace(old, new, 1)
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "iptc7901", errors="strict", filename="b.txt")
        assert str(info.value) == f"IPTC 7901 header: {message} (at b.txt, line 1, column {column})"
        first = wirecopy.loads(data, "iptc7901")[0]
        assert [(d.kind, d.line, d.column) for d in first.defects] == [("bad-header", 1, column)]
        assert first.headline == "Night trains return to the Rhine valley"

    @pytest.mark.parametrize(
        ("old", "new", "message", "kind", "column"),
        [
            (
                b"071341 GMT",
                b"071391 GMT",
                "invalid date '071391 GMT Oct 15': minute 91 is out of range",
                "bad-date",
                6,
            ),
            (b"Oct 15", b"Xyz 15", "unknown month 'Xyz'", "bad-date", 13),
            (b"071341 GMT Oct 15", b"", "the IPTC 7901 trailer after ETX has no date", "missing-date", 2),
        ],
    )
    def test_bad_trailer(self, old: bytes, new: bytes, message: str, kind: str, column: int) -> None:
        """A trailer date that cannot be read raises under strict; under warn published is None."""
        data = CANONICAL.replace(old, new, 1)
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "iptc7901", errors="strict", filename="t.txt")
        assert str(info.value) == f"{message} (at t.txt, line 28, column {column})"
        assert info.value.kind == kind
        first = wirecopy.loads(data, "iptc7901")[0]
        assert first.published is None
        assert [d.kind for d in first.defects] == [kind]

    def test_no_etx(self) -> None:
        """A text without ETX is reported first as missing its trailer."""
        data = CANONICAL.replace(b"\x03071341", b"071341", 1)
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "iptc7901", errors="strict", filename="n.txt")
        assert (
            str(info.value)
            == "no ETX: the IPTC 7901 text is not closed, so it has no date (at n.txt, line 30, column 3)"
        )

    def test_text_after_the_trailer(self) -> None:
        """Text between the trailer and EOT is a defect."""
        first = wirecopy.loads(CANONICAL.replace(b"\x7f\x04", b"\x7fzz\x04", 1), "iptc7901")[0]
        assert [(d.kind, d.line, d.column) for d in first.defects] == [("stray-text", 30, 2)]

    def test_headline_block_without_equals(self) -> None:
        """A headline block with no ' =' ends at the first blank line."""
        data = CANONICAL.replace(b"By Max Beispiel, dpa =", b"By Max Beispiel, dpa", 1)
        first = wirecopy.loads(data, "iptc7901", errors="strict")[0]
        assert (first.headline, first.byline) == ("Night trains return to the Rhine valley", "By Max Beispiel, dpa")

    @pytest.mark.parametrize("digits", [40, 5000])
    def test_huge_word_count(self, digits: int) -> None:
        """A word count of 40 or 5000 digits is a bad-header defect (word_count None), not an exception."""
        data = CANONICAL.replace(b"i 120 ", b"i " + b"9" * digits + b" ", 1)
        message = f"IPTC 7901 header: the word count {'9' * 20}... has {digits} digits, more than 9"
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "iptc7901", errors="strict", filename="w.txt")
        assert str(info.value) == f"{message} (at w.txt, line 1, column 13)"
        first = wirecopy.loads(data, "iptc7901")[0]
        assert (first.extra["word_count"], first.extra["message_number"], first.source) == (None, "007", "dpa")
        assert [(d.kind, d.message) for d in first.defects] == [("bad-header", message)]

    @pytest.mark.parametrize(
        ("trailer", "message"),
        [
            (
                b"12:123456789012345678901234567890 GMT Oct 15",
                "not a date: '12:12345678901234567...' has a number of 30 digits",
            ),
            (b"07" + b"1" * 30 + b" GMT Oct 15", "not a date: '07111111111111111111...' has a number of 32 digits"),
            (
                b"071341 GMT Oct 15 " + b"x" * 60,
                "not a date: '071341 GMT Oct 15 xx...' has 78 characters, more than 64",
            ),
        ],
    )
    def test_huge_trailer(self, trailer: bytes, message: str) -> None:
        """A trailer with a huge number, or too long for a date, is a bad-date defect, never handed to the parser."""
        data = CANONICAL.replace(b"071341 GMT Oct 15", trailer, 1)
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "iptc7901", errors="strict", filename="t.txt")
        assert str(info.value) == f"{message} (at t.txt, line 28, column 2)"
        first = wirecopy.loads(data, "iptc7901")[0]
        assert (first.published, [(d.kind, d.message) for d in first.defects]) == (None, [("bad-date", message)])

    def test_long_upper_case_lines_in_the_headline_block(self) -> None:
        """90,000 label lines, then a 200,000-character line that is not one, read at once into labels and headline."""
        long_line = "A" * 200_000 + "a"
        data = CANONICAL.replace(b"1ST LEAD\n", b"LABEL\n" * 90_000 + long_line.encode() + b"\n", 1)
        [first, _] = wirecopy.loads(data, "iptc7901", errors="strict")
        assert first.extra["labels"] == " ".join(["LABEL"] * 90_000)
        assert first.headline == f"{long_line} Night trains return to the Rhine valley"
        assert first.byline == "By Max Beispiel, dpa"

    def test_damaged_fixture(self) -> None:
        """The damaged fixture reads into its two articles, each with its defect, and two reports left out."""
        reader = wirecopy.read(FIXTURES / "damaged.txt", "iptc7901", errors="warn")
        with pytest.warns(SkippedDocumentWarning):
            first, second = reader
        assert [d.kind for d in first.defects] == ["bad-header"]
        assert [d.kind for d in second.defects] == ["bad-date"]
        assert (first.origin.index, second.origin.index) == (0, 2)
        assert [(e.kind, e.lineno, e.colno) for e in reader.skipped] == [("stray-text", 30, 3), ("no-text", 46, 2)]

    @given(st.binary(max_size=400))
    def test_random_bytes(self, data: bytes) -> None:
        """Random bytes raise nothing but ParseError under strict, and nothing under skip."""
        with contextlib.suppress(ParseError):
            wirecopy.loads(data, "iptc-7901", errors="strict")
        wirecopy.loads(data, "iptc-7901", errors="skip")


class TestSniff:
    def test_signature(self) -> None:
        """SOH and the header's first fields are certain; ANPA's SYN SYN SOH is not IPTC 7901."""
        fmt = wirecopy.get_format("iptc-7901")
        assert fmt.sniff(CANONICAL, None) == 1.0
        assert fmt.sniff(b"\x01eca0001 4 rs 46  dpa 0027\r\n", None) == 1.0
        assert fmt.sniff(b"\x01?\x02text\x03", None) == 0.6
        assert fmt.sniff(b"\x16\x16\x01a1234\x1fnatl\r\n", None) == 0.0
        assert fmt.sniff(b"Germany-politics/\r\n", None) == 0.0

    def test_fixtures_detected(self) -> None:
        """Detection names iptc-7901 for the project's fixtures."""
        for path in (FIXTURES / "two-transmissions.txt", FIXTURES / "canonical.txt"):
            assert wirecopy.detect(Path(path)).best == "iptc-7901"
