"""The anpa-1312 format: real AP samples, the header fields, writing, and bad input."""

from __future__ import annotations

import contextlib
import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, ParseError, SkippedDocumentWarning, WriteError
from wirecopy.formats.anpa1312 import ANPA1312Format
from wirecopy.kit import _transmissions
from wirecopy.strategies import articles_for

from .conftest import DATA, corpus_files, corpus_sample

FOLDER = "anpa1312"
FIXTURES = DATA / "anpa-1312"
TWO = (FIXTURES / "two-transmissions.anpa").read_bytes()
CANONICAL = (FIXTURES / "canonical.anpa").read_bytes()
UTC = dt.timezone.utc

# (file, headline, published, dateline place, first words, paragraphs, keyword, priority)
SAMPLES = [
    (
        "superdesk_anpa-1.tst",
        "For Argentine chemo patients, mirrors can hurt",
        dt.datetime(2013, 11, 13, 15, 9, tzinfo=UTC),
        "BUENOS AIRES",
        "For cancer patients dealing",
        15,
        "BC-LT--Argentina-CancerB",
        "f",
    ),
    (
        "superdesk_anpa-3.tst",
        None,
        dt.datetime(2013, 11, 13, 7, 13, tzinfo=UTC),
        "NEW YORK",
        "Minimum and maximum temperatures",
        116,
        "BC-WEA--GlobalWeather-Fa",
        "u",
    ),
    (
        "superdesk_anpa-4.tst",
        "AP Top Entertainment News at 11:23 p.m. EST",
        dt.datetime(2016, 2, 10, 4, 23, tzinfo=UTC),
        None,
        "Ex-bodyguard testifies",
        10,
        "AP-Top-Entertainment-Hea",
        "r",
    ),
    (
        "superdesk_ap_anpa-1.tst",
        "Deng has 30 points, short-handed Heat beat Hawks 115-111",
        dt.datetime(2016, 2, 20, 3, 37, tzinfo=UTC),
        "ATLANTA",
        "Luol Deng scored 30 points",
        19,
        "BC-BKN--Heat-Hawks",
        "r",
    ),
    (
        "superdesk_ap_anpa-3.tst",
        "$210 lobster is found dead",
        dt.datetime(2016, 8, 29, 16, 26, tzinfo=UTC),
        "CHATHAM",
        "A lobster died.",
        1,
        "BC-US--GiantLobsterDeath",
        "r",
    ),
]
NAMES = [sample[0] for sample in SAMPLES]
assert len(set(NAMES)) == len(NAMES)


def test_every_sample_is_listed() -> None:
    """The table names every ANPA sample in the shared corpus, so none goes untested."""
    present = [path.name for path in corpus_files(FOLDER)]
    if not present:
        pytest.skip("the shared corpus folder anpa1312 is absent (set WIRECOPY_CORPUS)")
    assert sorted(present) == sorted(NAMES)


class TestRealSamples:
    @pytest.mark.parametrize(
        ("name", "headline", "published", "place", "first", "count", "keyword", "priority"), SAMPLES
    )
    def test_fields(
        self,
        name: str,
        headline: str | None,
        published: dt.datetime,
        place: str | None,
        first: str,
        count: int,
        keyword: str,
        priority: str,
    ) -> None:
        """Each real sample reads, under strict, into one article with the expected key fields."""
        [article] = wirecopy.read(corpus_sample(FOLDER, name), "anpa-1312", errors="strict")
        assert article.format == "anpa-1312"
        assert article.source == "AP"
        assert article.headline == headline
        assert article.published == published
        assert article.published.utcoffset() == dt.timedelta(0)  # type: ignore[union-attr]
        assert (article.dateline.place if article.dateline else None) == place
        assert article.paragraphs[0].startswith(first)
        assert len(article.paragraphs) == count
        assert article.extra["keyword"] == keyword
        assert article.extra["priority"] == priority
        assert article.extra["desk"] == "WF"
        assert article.defects == ()

    def test_header_fields(self) -> None:
        """The two header lines of a flash feature go into extra, control bytes named."""
        [article] = wirecopy.read(corpus_sample(FOLDER, "superdesk_anpa-1.tst"))
        extra = article.extra.thaw()
        assert extra == {
            "service_level": "W",
            "sequence": "2870",
            "selector": "asian",
            "priority": "f",
            "priority_name": "flash",
            "category": "l",
            "format_codes": ["DC3", "DC1"],
            "keyword": "BC-LT--Argentina-CancerB",
            "version": None,
            "filing_date": "11-13",
            "word_count": 1049,
            "slug_line": "BC-LT--Argentina-Cancer Beauty,466",
            "notes": ["AP Photo XNP101, XNP102, XNP103, XNP104, XNP105, XNP106", "Eds: With AP Photos."],
            "byline_titles": ["Associated Press"],
            "desk": "WF",
        }
        assert article.byline == "By PAUL BYRNE and ALMUDENA CALATRAVA"
        assert article.dateline == wirecopy.Dateline(
            text="BUENOS AIRES, Argentina (AP) _", place="BUENOS AIRES", region="Argentina", agency="AP"
        )

    def test_ap_dash_is_kept(self) -> None:
        """AP's ' _ ' dash stays in the text as written."""
        [article] = wirecopy.read(corpus_sample(FOLDER, "superdesk_ap_anpa-1.tst"))
        assert " _ season highs for each player _ and" in article.paragraphs[0]

    def test_writethru_version_and_byline_title(self) -> None:
        """A writethru's version field, byline and byline title are read."""
        [article] = wirecopy.read(corpus_sample(FOLDER, "superdesk_ap_anpa-1.tst"))
        assert article.extra["version"] == "1stLd-Writethru"
        assert article.byline == "By CHARLES ODUM"
        assert article.extra["byline_titles"] == ("AP Sports Writer",)

    def test_truncated_keyword_and_items_sharing_a_line(self) -> None:
        """The 24-wide keyword finds the slug line even when '^*9006< ^slug<' share a line."""
        [article] = wirecopy.read(corpus_sample(FOLDER, "superdesk_anpa-4.tst"))
        assert article.extra["slug_line"] == "AP-Top-Entertainment-Headlines,0176"
        assert article.extra["notes"] == ("*9006",)
        assert not any(paragraph.startswith("^") for paragraph in article.paragraphs)

    def test_tabular_story(self) -> None:
        """A DC4 DC2 (tabular) story keeps one paragraph per row, '<' marks removed, '^END<' last."""
        [article] = wirecopy.read(corpus_sample(FOLDER, "superdesk_anpa-3.tst"))
        assert article.extra["format_codes"] == ("DC4", "DC2")
        assert article.paragraphs[1] == ";MIN;MAX;COND;PRECIP;MIN;MAX;COND;MIN;MAX;COND"
        assert article.paragraphs[-2] == "   Source: Weather Underground"
        assert article.paragraphs[-1] == "END"

    def test_word_count_mismatch_is_not_an_error(self) -> None:
        """A header word count far from the text's (0590 for one sentence) is kept, with no defect."""
        [article] = wirecopy.read(corpus_sample(FOLDER, "superdesk_ap_anpa-3.tst"), errors="strict")
        assert article.extra["word_count"] == 590
        assert len(" ".join(article.paragraphs).split()) == 3

    @pytest.mark.parametrize("name", NAMES)
    def test_rewrite_reads_the_same(self, name: str) -> None:
        """loads(dumps(loads(x))) == loads(x) for every real sample, and the rewrite is canonical."""
        articles = wirecopy.loads(corpus_sample(FOLDER, name).read_bytes(), "anpa-1312")
        text = wirecopy.dumps(articles, "anpa-1312")
        assert wirecopy.loads(text, "anpa-1312", errors="strict") == articles
        assert wirecopy.dumps(wirecopy.loads(text, "anpa-1312"), "anpa-1312") == text

    def test_canonical_sample_is_written_back_byte_for_byte(self) -> None:
        """A real sample already in the canonical layout is written back byte for byte."""
        data = corpus_sample(FOLDER, "superdesk_ap_anpa-3.tst").read_bytes()
        assert wirecopy.dumps(wirecopy.loads(data, "anpa-1312"), "anpa-1312").encode("latin-1") == data

    @pytest.mark.parametrize("name", NAMES)
    def test_detected(self, name: str) -> None:
        """Detection names anpa-1312 for every real sample."""
        assert wirecopy.detect(corpus_sample(FOLDER, name)).best == "anpa-1312"


class TestFixture:
    def test_two_transmissions(self) -> None:
        """Two transmissions in one file, LF and CRLF mixed, read in order with their origins."""
        first, second = wirecopy.loads(TWO, "anpa", errors="strict", filename="two.anpa")
        assert first.headline == "Ferry service resumes after winter storm"
        assert first.published == dt.datetime(2017, 3, 14, 17, 45, tzinfo=UTC)
        assert first.extra["desk"] == "NY"
        assert first.extra["notes"] == ("Eds: Moves on general news services.",)
        assert first.paragraphs == (
            "Ferry service to the harbor islands resumed Tuesday after a storm kept the boats at the dock "
            "for three days.",
            "``We are glad to be running again,'' a captain said _ and the first boat left on time.",
        )
        assert first.origin == wirecopy.Origin(path="two.anpa", line=1, offset=0, index=0)
        assert second.origin == wirecopy.Origin(
            path="two.anpa", line=16, offset=TWO.index(b"\x16\x16\x01b0077"), index=1
        )

    def test_slug_with_a_space_where_the_keyword_has_a_hyphen(self) -> None:
        """The slug line is found when the keyword turned its space into a hyphen."""
        first, _ = wirecopy.loads(TWO, "anpa")
        assert first.extra["keyword"] == "BC-US--Harbor-Ferry"
        assert first.extra["slug_line"] == "BC-US--Harbor Ferry,212"

    def test_latin1_byte_and_priority_names(self) -> None:
        """An 8-bit byte reads as Latin-1 with no defect; the priority letters get their meaning."""
        first, second = wirecopy.loads(TWO, "anpa", errors="strict")
        assert "   x - clinched café title" in second.paragraphs
        assert (first.extra["priority"], first.extra["priority_name"]) == ("u", "urgent")
        assert (second.extra["priority"], second.extra["priority_name"]) == ("r", "regular")

    def test_line_ends_do_not_matter(self) -> None:
        """The same file with LF only, or CRLF only, reads into the same articles."""
        lf = TWO.replace(b"\r\n", b"\n")
        assert wirecopy.loads(lf, "anpa") == wirecopy.loads(TWO, "anpa")
        assert wirecopy.loads(lf.replace(b"\n", b"\r\n"), "anpa") == wirecopy.loads(TWO, "anpa")

    def test_canonical_file_is_written_back_byte_for_byte(self) -> None:
        """dumps(loads(x)) == x for a file the writer wrote, and it is the rewrite of the fixture."""
        assert wirecopy.dumps(wirecopy.loads(CANONICAL, "anpa"), "anpa").encode("latin-1") == CANONICAL
        assert wirecopy.dumps(wirecopy.loads(TWO, "anpa"), "anpa").encode("latin-1") == CANONICAL

    def test_str_input(self) -> None:
        """Text from dumps() reads back through loads() as the same bytes (the encoding is Latin-1)."""
        assert wirecopy.loads(CANONICAL.decode("latin-1"), "anpa") == wirecopy.loads(CANONICAL, "anpa")

    def test_stream_in_small_chunks(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Transmissions split across read chunks (even inside SYN SYN SOH) read the same."""
        monkeypatch.setattr(_transmissions, "_CHUNK", 7)
        assert wirecopy.loads(TWO, "anpa") == wirecopy.loads(CANONICAL, "anpa")


MINIMAL = Article(
    format="x",
    headline="Ferry back",
    published=dt.datetime(2017, 3, 14, 12, 45, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    paragraphs=("It runs.", "Twice a day."),
)


class TestWrite:
    @given(articles_for("anpa-1312"))
    def test_roundtrip(self, article: Article) -> None:
        """loads(dumps(a)) == [a] for generated articles the format can hold."""
        assert wirecopy.loads(wirecopy.dumps(article, "anpa-1312"), "anpa-1312", errors="strict") == [article]

    @given(st.lists(articles_for("anpa-1312"), min_size=2, max_size=3))
    def test_many_roundtrip(self, articles: list[Article]) -> None:
        """Several transmissions in one file read back in order."""
        assert wirecopy.loads(wirecopy.dumps(articles, "anpa-1312"), "anpa-1312") == articles

    def test_defaults(self) -> None:
        """An article with no ANPA header fields gets the documented defaults, in GMT, to the minute."""
        text = wirecopy.dumps([MINIMAL, MINIMAL], "anpa-1312")
        first = text[: text.index("\x04") + 1]
        assert first == (
            "\x16\x16\x01a0001\x1f-----\r\n"
            "r a\x13\x11 BC-Ferry-back     03-14 0005\r\n"
            "\x02^Ferry back<\r\n"
            "\t   It runs.\r\n"
            "\t   Twice a day.\r\n"
            "\r\n"
            "\t   \x0303-14-17 1745GMT<\r\n"
            "\r\n"
            "\x0c\r\n"
            "\x04"
        )
        assert "\x01a0002\x1f" in text
        [again, _] = wirecopy.loads(text, "anpa-1312", errors="strict")
        assert again.published == dt.datetime(2017, 3, 14, 17, 45, tzinfo=UTC)

    def test_other_formats_extra_is_ignored(self) -> None:
        """The extra of an article from another format is not read as ANPA header fields."""
        article = Article(
            format="trec-sgml",
            headline="Ferry back",
            published=MINIMAL.published,
            extra={"category": "washington", "priority": 4, "keyword": "two words"},
        )
        [again] = wirecopy.loads(wirecopy.dumps(article, "anpa-1312"), "anpa-1312", errors="strict")
        assert (again.extra["category"], again.extra["priority"], again.extra["keyword"]) == ("a", "r", "BC-Ferry-back")

    def test_quad_left_in_the_text(self) -> None:
        """A paragraph that really ends with '<' is written so that it reads back."""
        article = Article(format="anpa-1312", headline="H", published=MINIMAL.published, paragraphs=("a <",))
        [again] = wirecopy.loads(wirecopy.dumps(article, "anpa-1312"), "anpa-1312")
        assert again.paragraphs == ("a <",)

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"published": None}, "the trailer needs published as a datetime with a zone"),
            ({"published": dt.datetime(2017, 3, 14, 12, 45)}, "the trailer needs published as a datetime with a zone"),
            ({"published": dt.date(2017, 3, 14)}, "the trailer needs published as a datetime with a zone"),
            ({"published": dt.datetime(2070, 1, 1, tzinfo=UTC)}, "the trailer's two-digit year cannot hold 2070"),
            ({"headline": "two\nlines"}, "its headline spans lines"),
            ({"headline": "a\x02b"}, "its headline holds the control character STX"),
            ({"paragraphs": ("Łódź",)}, "the character 'Ł' (U+0141) has no byte in windows-1252"),
            ({"source": "Associated Press"}, "its source 'Associated Press' is not letters only, as the trailer needs"),
            (
                {"extra": {"keyword": "BC-" + "x" * 22}},
                f"its keyword {'BC-' + 'x' * 22!r} does not fit the header field",
            ),
            ({"extra": {"sequence": "12"}}, "its sequence '12' does not fit the header field"),
            (
                {"extra": {"format_codes": ["DC5"]}},
                "its format_codes ('DC5',) are not one or two of DC1, DC2, DC3, DC4",
            ),
            (
                {"headline": None, "extra": {"notes": ["n"]}},
                "it has notes but no headline, so the first note would read back as the headline",
            ),
            (
                {"extra": {"keyword": "BC-Ferry", "slug_line": None}},
                "it has no slug line, but a header line begins with the keyword 'BC-Ferry' and would read back as one",
            ),
            (
                {"extra": {"slug_line": "Other,5", "keyword": "BC-x"}},
                "its slug line 'Other,5' does not begin with the keyword 'BC-x'",
            ),
            ({"extra": {"byline_titles": ["Associated Press"]}}, "it has byline_titles but no byline"),
            ({"extra": {"word_count": 10**9}}, "its word_count 1000000000 does not fit the header field (9 digits)"),
        ],
    )
    def test_unwritable(self, changes: dict[str, object], message: str) -> None:
        """An article the layout cannot hold raises WriteError naming the article and the reason."""
        fields: dict[str, object] = {
            "format": "anpa-1312",
            "id": "x1",
            "headline": "BC Ferry",
            "published": dt.datetime(2017, 3, 14, 12, 45, tzinfo=UTC),
        }
        fields.update(changes)
        with pytest.raises(WriteError) as info:
            wirecopy.dumps(Article(**fields), "anpa-1312")  # type: ignore[arg-type]
        assert str(info.value) == f"cannot write article 'x1' as anpa-1312: {message}"


class TestBadInput:
    def test_empty(self) -> None:
        """An empty input raises under strict, warns under warn, and is counted under skip."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(b"", "anpa", errors="strict", filename="e.anpa")
        assert str(info.value) == "empty input: no ANPA-1312 transmission found (at e.anpa, line 1, column 1)"
        assert info.value.kind == "empty-input"
        with pytest.warns(SkippedDocumentWarning, match="empty input"):
            assert wirecopy.loads(b"\r\n", "anpa") == []
        reader = wirecopy.iter_load(io.BytesIO(b""), "anpa", errors="skip")
        assert list(reader) == []
        assert [e.kind for e in reader.skipped] == ["empty-input"]

    def test_text_outside_transmissions(self) -> None:
        """Text before, between or after transmissions is reported once per run, with its place."""
        data = b"junk\n" + CANONICAL + b"\r\nmore junk"
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "anpa", errors="strict", filename="j.anpa")
        assert str(info.value) == "text outside any ANPA-1312 transmission: 'junk' (at j.anpa, line 1, column 1)"
        reader = wirecopy.iter_load(io.BytesIO(data), "anpa", errors="skip", filename="j.anpa")
        assert len(list(reader)) == 2
        assert [(e.kind, e.lineno, e.colno) for e in reader.skipped] == [("stray-text", 1, 1), ("stray-text", 29, 1)]

    def test_cut_in_the_body(self) -> None:
        """A transmission cut in the body raises under strict; under warn it is returned with a defect."""
        cut = CANONICAL[: CANONICAL.index(b"Twice") if b"Twice" in CANONICAL else CANONICAL.index(b"``We")]
        with pytest.raises(ParseError) as info:
            wirecopy.loads(cut, "anpa", errors="strict", filename="c.anpa")
        assert str(info.value) == (
            "transmission cut short: the input ends before EOT closes the ANPA-1312 transmission "
            "(at c.anpa, line 9, column 5)"
        )
        [article] = wirecopy.loads(cut, "anpa")
        assert article.headline == "Ferry service resumes after winter storm"
        assert article.published is None
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("truncated", 9, 5)]

    def test_cut_by_the_next_transmission(self) -> None:
        """A transmission whose EOT is missing ends where the next one starts, with a defect."""
        second = CANONICAL.index(b"\x16\x16\x01b0077")
        data = CANONICAL[: CANONICAL.index(b"\t   \x03")] + CANONICAL[second:]
        first, other = wirecopy.loads(data, "anpa")
        assert [d.kind for d in first.defects] == ["truncated"]
        assert first.defects[0].message == (
            "transmission cut short: a new ANPA-1312 transmission starts before EOT closes this one"
        )
        assert other == wirecopy.loads(CANONICAL, "anpa")[1]

    def test_cut_in_the_header(self) -> None:
        """A transmission cut before STX cannot be read: it is reported, not returned."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(CANONICAL[:30], "anpa", errors="strict", filename="h.anpa")
        assert str(info.value) == (
            "ANPA-1312 transmission without text: the input ends before EOT closes the ANPA-1312 transmission "
            "(at h.anpa, line 2, column 16)"
        )
        with pytest.warns(SkippedDocumentWarning):
            assert wirecopy.loads(CANONICAL[:30], "anpa") == []

    @pytest.mark.parametrize(
        ("old", "new", "message", "line", "column"),
        [
            (
                b"a1234",
                b"a12x4",
                "ANPA-1312 header line 1: expected the 4-digit sequence number, got '12x4<US>natl'",
                1,
                5,
            ),
            (
                b"a1234",
                b"11234",
                "ANPA-1312 header line 1: expected the service level (a letter), got '11234<US>natl'",
                1,
                4,
            ),
            (
                b"u a\x13",
                b"u 1\x13",
                "ANPA-1312 header line 2: expected the category (a letter), got '1<DC3><DC1> BC-US--Harbor-Fe'",
                2,
                3,
            ),
            (
                b"u a\x13\x11",
                b"u a",
                "ANPA-1312 header line 2: expected the format codes (DC1 to DC4), got ' BC-US--Harbor-Ferry'",
                2,
                4,
            ),
            (
                b"03-14 0412",
                b"03-14 04x2",
                "ANPA-1312 header line 2: expected 'keyword [version] MM-DD wordcount', got 'BC-US--Harbor-Ferry '",
                2,
                7,
            ),
        ],
    )
    def test_bad_header_field(self, old: bytes, new: bytes, message: str, line: int, column: int) -> None:
        """A header field of the wrong shape raises under strict at its column, and is a defect under warn."""
        data = CANONICAL.replace(old, new, 1)
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "anpa", errors="strict", filename="b.anpa")
        assert str(info.value) == f"{message} (at b.anpa, line {line}, column {column})"
        first = wirecopy.loads(data, "anpa")[0]
        assert [(d.kind, d.line, d.column) for d in first.defects] == [("bad-header", line, column)]
        assert first.headline == "Ferry service resumes after winter storm"

    def test_bad_trailer(self) -> None:
        """A trailer of the wrong shape is a defect; published is None."""
        data = CANONICAL.replace(b"1745GMT", b"17x5GMT", 1)
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "anpa", errors="strict", filename="t.anpa")
        assert str(info.value) == (
            "ANPA-1312 trailer is not 'AGENCY-DESK-MM-DD-YY HHMMGMT' (got 'AP-NY-03-14-17 17x5GMT<') "
            "(at t.anpa, line 11, column 6)"
        )
        first = wirecopy.loads(data, "anpa")[0]
        assert first.published is None

    def test_bad_filing_date(self) -> None:
        """An impossible MM-DD in the header is a bad-date defect; the text is kept as written."""
        data = CANONICAL.replace(b"03-14 0412", b"13-45 0412", 1)
        first = wirecopy.loads(data, "anpa")[0]
        assert first.extra["filing_date"] == "13-45"
        assert [(d.kind, d.line, d.column) for d in first.defects] == [("bad-date", 2, 31)]

    def test_stray_control_character(self) -> None:
        """A stray control byte in the text is removed and reported once."""
        data = CANONICAL.replace(b"It runs", b"It\x07 runs").replace(b"three days", b"three\x00 days\x05", 1)
        first = wirecopy.loads(data, "anpa")[0]
        assert first.paragraphs[0].endswith("for three days.")
        assert [(d.kind, d.message) for d in first.defects] == [
            ("control-character", "stray control character NUL in the text; removed")
        ]

    def test_text_after_the_trailer(self) -> None:
        """Text between the trailer and EOT is a defect."""
        data = CANONICAL.replace(b"\x0c\r\n\x04", b"\x0c\r\nextra\r\n\x04", 1)
        first = wirecopy.loads(data, "anpa")[0]
        assert [(d.kind, d.message) for d in first.defects] == [
            ("stray-text", "text after the ANPA-1312 trailer: 'extra'")
        ]

    def test_too_long_without_eot(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A transmission that never ends is reported once it passes the size limit, not buffered."""
        monkeypatch.setattr(ANPA1312Format, "max_transmission", 600)
        monkeypatch.setattr(_transmissions, "_CHUNK", 64)
        data = b"\x16\x16\x01a0001\x1fx\r\n" + b"y" * 2000 + b"\x04" + CANONICAL
        reader = wirecopy.iter_load(io.BytesIO(data), "anpa", errors="skip", filename="l.anpa")
        assert len(list(reader)) == 2
        assert [str(e) for e in reader.skipped] == [
            "ANPA-1312 transmission longer than 600 bytes without EOT; left out (at l.anpa, line 1, column 1)",
        ]

    @pytest.mark.parametrize("digits", [40, 5000])
    def test_huge_word_count(self, digits: int) -> None:
        """A word count of 40 or 5000 digits is a bad-header defect (word_count None), not an exception."""
        data = CANONICAL.replace(b"03-14 0412", b"03-14 " + b"9" * digits, 1)
        message = f"ANPA-1312 header line 2: the word count {'9' * 20}... has {digits} digits, more than 9"
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "anpa", errors="strict", filename="w.anpa")
        assert str(info.value) == f"{message} (at w.anpa, line 2, column 37)"
        first = wirecopy.loads(data, "anpa")[0]
        assert first.extra["word_count"] is None
        assert first.extra["keyword"] == "BC-US--Harbor-Ferry"
        assert [(d.kind, d.message) for d in first.defects] == [("bad-header", message)]

    def test_huge_number_in_the_trailer(self) -> None:
        """A 30-digit time in the trailer is a bad-trailer defect, not an exception."""
        data = CANONICAL.replace(b"1745GMT", b"1" * 30 + b"GMT", 1)
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "anpa", errors="strict")
        assert info.value.kind == "bad-trailer"
        first = wirecopy.loads(data, "anpa")[0]
        assert (first.published, [d.kind for d in first.defects]) == (None, ["bad-trailer"])

    def test_damaged_fixture(self) -> None:
        """The damaged fixture reads into its two articles, each with its defect, and three reports left out."""
        reader = wirecopy.read(FIXTURES / "damaged.anpa", "anpa", errors="warn")
        with pytest.warns(SkippedDocumentWarning):
            first, second = reader
        assert [d.kind for d in first.defects] == ["bad-header"]
        assert [d.kind for d in second.defects] == ["bad-trailer"]
        assert (first.origin.index, second.origin.index) == (0, 2)
        assert [(e.kind, e.lineno, e.colno) for e in reader.skipped] == [
            ("stray-text", 14, 2),
            ("stray-text", 28, 2),
            ("no-text", 31, 2),
        ]

    @given(st.binary(max_size=400))
    def test_random_bytes(self, data: bytes) -> None:
        """Random bytes raise nothing but ParseError under strict, and nothing under skip."""
        with contextlib.suppress(ParseError):
            wirecopy.loads(data, "anpa-1312", errors="strict")
        wirecopy.loads(data, "anpa-1312", errors="skip")


# Bytes that matter to the structure, so that mutations hit it often.
_INTERESTING = b"\x00\x01\x02\x03\x04\x0c\x11\x12\x13\x14\x16\x1f\x7f\r\n\t ^<=-_0123456789aZ\x80\x9d\xa0\xfc"


class TestSniff:
    def test_signature(self) -> None:
        """SYN SYN SOH, a letter, four digits and US are certain; SYN SYN SOH alone is likely."""
        fmt = wirecopy.get_format("anpa-1312")
        assert fmt.sniff(CANONICAL, None) == 1.0
        assert fmt.sniff(b"\r\n" + CANONICAL, "x.txt") == 1.0
        assert fmt.sniff(b"\x16\x16\x01?", None) == 0.8
        assert fmt.sniff(b"\x01eca062 4 i 211 ccccb   dpa 061\r\n", None) == 0.0
        assert fmt.sniff(b"&#22;&#22;&#1;f0704&#31;reute", None) == 0.0

    def test_fixtures_detected(self) -> None:
        """Detection names anpa-1312 for the project's fixtures, Kyodo's without SYN SYN among them."""
        for name in ("two-transmissions.anpa", "canonical.anpa", "agate.anpa", "kyodo.anpa"):
            assert wirecopy.detect(FIXTURES / name).best == "anpa-1312"

    def test_kyodo_signature(self) -> None:
        """SOH, a letter, four digits, an agency's name and US are certain without SYN SYN."""
        assert wirecopy.get_format("anpa-1312").sniff(b"\x01a0105KYODO\x1fkoko-\r\n", None) == 1.0


class TestAgate:
    def test_equals_lines_are_headline_captions_and_byline(self) -> None:
        """In a table story the '=' lines give the headline, a caption and 'By The Associated Press'."""
        [article] = wirecopy.read(FIXTURES / "agate.anpa")
        assert article.headline == "Harbor League Standings"
        assert article.byline == "By The Associated Press"
        assert article.extra["notes"] == ("All Times EDT",)
        assert article.extra["byline_titles"] == ()
        assert article.extra["slug_line"] == "BC-SOC--Harbor League Glance"

    def test_lines_after_the_byline_head_the_table(self) -> None:
        """The '=' lines after the byline, and every row, are body paragraphs in order."""
        [article] = wirecopy.read(FIXTURES / "agate.anpa")
        assert article.paragraphs[:4] == ("NORTH DIVISION", ";W;L;Pts", "Portland;9;2;27", "Salem;7;4;21")
        assert article.paragraphs[-1] == "Eugene at Salem, 7:10 p.m."

    def test_written_back_as_read(self) -> None:
        """The table story writes in the canonical layout and reads back equal."""
        articles = list(wirecopy.read(FIXTURES / "agate.anpa"))
        assert wirecopy.loads(wirecopy.dumps(articles, "anpa-1312"), "anpa-1312", errors="strict") == articles


class TestKyodo:
    def test_fields(self) -> None:
        """Kyodo's header, slug line, '+' headline, bare-agency dateline, paragraphs and trailer in Japan time."""
        [article] = wirecopy.read(FIXTURES / "kyodo.anpa", errors="strict")
        assert (article.source, article.extra["desk"]) == ("KYODO", "KWS")
        assert article.extra["slug_line"] == "BC-Ferry-Returns"
        assert article.headline == "Ferry: Harbor service resumes after winter storm"
        assert article.published == dt.datetime(2019, 3, 14, 9, 5, tzinfo=dt.timezone(dt.timedelta(hours=9)))
        assert article.dateline is not None
        assert (article.dateline.place, article.dateline.region, article.dateline.agency) == ("KOBE", "Japan", "Kyodo")
        assert article.paragraphs == (
            "Ferry service to the harbor resumed on Thursday after a winter storm closed it for a week.",
            "The operator said all routes would run again by the weekend, weather permitting.",
        )

    def test_filing_date_is_day_first(self) -> None:
        """Kyodo's header date '14-03' is 14 March: no defect, kept as written."""
        [article] = wirecopy.read(FIXTURES / "kyodo.anpa", errors="strict")
        assert article.extra["filing_date"] == "14-03"

    @pytest.mark.parametrize(
        ("trailer", "message", "column"),
        [
            (b"KWS-25:05-14-03-19", "invalid date 'KWS-25:05-14-03-19': hour 25 is out of range", 6),
            (b"KWS-09:05-14-13-19", "invalid date 'KWS-09:05-14-13-19': month 13 is out of range", 15),
        ],
    )
    def test_bad_trailer(self, trailer: bytes, message: str, column: int) -> None:
        """A bad part of Kyodo's trailer raises under strict at its column; under warn published is None."""
        data = (FIXTURES / "kyodo.anpa").read_bytes().replace(b"KWS-09:05-14-03-19", trailer)
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "anpa-1312", errors="strict", filename="k.anpa")
        assert str(info.value) == f"{message} (at k.anpa, line 10, column {column})"
        [article] = wirecopy.loads(data, "anpa-1312")
        assert article.published is None
