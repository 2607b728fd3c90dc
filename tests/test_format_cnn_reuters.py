"""The cnn-reuters format: the seed, the header, the body, writing, and bad input."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, ParseError, SkippedDocumentWarning, WriteError
from wirecopy.strategies import articles_for, dates, headlines

from .conftest import SEED

SEED_BYTES = SEED.read_bytes()
SEED_TEXT = SEED_BYTES.decode("utf-8")

TWO = (
    "CNN.com - First - story - January 2, 2001\n"
    "WASHINGTON (AP) -- the first\n"
    "   story.\n"
    "A second paragraph.\n"
    "\n"
    "CNN.com - Second story - January 3, 2001\n"
    "no dateline here."
)


class TestSeed:
    def test_fields(self) -> None:
        """The seed reads into exactly the documented fields."""
        [article] = wirecopy.read(SEED)
        assert article.format == "cnn-reuters"
        assert article.source == "CNN.com"
        assert article.headline == "Russia plans U.S. missile talks"
        assert article.published == dt.date(2000, 12, 30)
        assert type(article.published) is dt.date
        assert article.dateline is not None
        assert article.dateline.text == "moscow, russia (reuters) --"
        assert (article.dateline.place, article.dateline.region, article.dateline.agency) == (
            "moscow",
            "russia",
            "reuters",
        )
        assert len(article.paragraphs) == 1
        assert article.paragraphs[0].startswith("russia plans to move swiftly")
        assert article.paragraphs[0].endswith("restoring the strategic balance.")
        assert "\n" not in article.paragraphs[0]
        assert article.defects == ()
        assert article.origin == wirecopy.Origin(path=str(SEED), line=1, offset=0, index=0)

    def test_byte_exact_roundtrip(self) -> None:
        """dumps(loads(seed)) gives the seed back byte for byte."""
        assert wirecopy.dumps(wirecopy.loads(SEED_TEXT, "cnn-reuters"), "cnn-reuters").encode() == SEED_BYTES

    def test_detected(self) -> None:
        """Detection names cnn-reuters for the seed, by content alone."""
        assert wirecopy.detect(SEED_BYTES).best == "cnn-reuters"
        assert wirecopy.detect(SEED).best == "cnn-reuters"


class TestHeader:
    @pytest.mark.parametrize(
        ("header", "source", "headline", "published"),
        [
            (
                "CNN.com -  Russia plans U.S. missile talks - December 30, 2000",
                "CNN.com",
                "Russia plans U.S. missile talks",
                dt.date(2000, 12, 30),
            ),
            ("CNN.com - A - B - C - Dec. 1, 2000", "CNN.com", "A - B - C", dt.date(2000, 12, 1)),
            (
                "CNN.com   -   Spaces  everywhere   -   Sept. 3, 2001",
                "CNN.com",
                "Spaces  everywhere",
                dt.date(2001, 9, 3),
            ),
            ("CNN.com - Müller’s “quote” - DECEMBER 30, 2000", "CNN.com", "Müller’s “quote”", dt.date(2000, 12, 30)),
        ],
    )
    def test_split_from_the_right(self, header: str, source: str, headline: str, published: dt.date) -> None:
        """The site comes off the left, the date off the right; the headline keeps its own ' - '."""
        [article] = wirecopy.loads(header + "\nbody.", "cnn-reuters")
        assert (article.source, article.headline, article.published) == (source, headline, published)

    @given(
        site=st.text("abcdefghijklmnopqrstuvwxyzABC.", min_size=1, max_size=10).filter(lambda s: s[0] != "."),
        headline=headlines(),
        date=dates(min_value=dt.date(1000, 1, 1)),
    )
    def test_header_roundtrip(self, site: str, headline: str, date: dt.date) -> None:
        """parse(render(header)) == header for generated sites, headlines and dates."""
        article = Article(format="cnn-reuters", source=site, headline=headline, published=date)
        [again] = wirecopy.loads(wirecopy.dumps(article, "cnn-reuters"), "cnn-reuters")
        assert (again.source, again.headline, again.published) == (site, headline, date)


class TestBody:
    def test_two_articles(self) -> None:
        """Articles separated by a blank line come out in order, with their own origins."""
        first, second = wirecopy.loads(TWO, "cnn-reuters", filename="two.txt")
        assert first.headline == "First - story"
        assert first.dateline is not None and first.dateline.agency == "AP"
        assert first.paragraphs == ("the first story.", "A second paragraph.")
        assert second.dateline is None
        assert second.paragraphs == ("no dateline here.",)
        assert (first.origin.line, first.origin.offset, first.origin.index) == (1, 0, 0)  # type: ignore[union-attr]
        assert (second.origin.line, second.origin.index) == (6, 1)  # type: ignore[union-attr]
        assert second.origin.offset == TWO.encode().index(b"CNN.com - Second")  # type: ignore[union-attr]

    def test_crlf(self) -> None:
        """CRLF line ends read the same as LF."""
        assert wirecopy.loads(TWO.replace("\n", "\r\n"), "cnn-reuters") == wirecopy.loads(TWO, "cnn-reuters")

    def test_no_dateline_is_allowed(self) -> None:
        """A body without a dateline reads with dateline None and no defect."""
        [article] = wirecopy.loads("CNN.com - H - January 2, 2001\nplain text.", "cnn-reuters", errors="strict")
        assert article.dateline is None
        assert article.defects == ()

    def test_header_only(self) -> None:
        """An article with a header and no body has no paragraphs."""
        [article] = wirecopy.loads("CNN.com - H - January 2, 2001", "cnn-reuters")
        assert article.paragraphs == ()

    def test_gzip(self, tmp_path: pytest.TempPathFactory) -> None:
        """A gzipped file reads the same as the plain one."""
        import gzip

        path = tmp_path / "seed.txt.gz"  # type: ignore[operator]
        path.write_bytes(gzip.compress(SEED_BYTES))
        assert list(wirecopy.read(path)) == list(wirecopy.read(SEED))


class TestWrite:
    @given(articles_for("cnn-reuters"))
    def test_roundtrip(self, article: Article) -> None:
        """loads(dumps(a)) == a for generated articles the format can hold."""
        assert wirecopy.loads(wirecopy.dumps(article, "cnn-reuters"), "cnn-reuters") == [article]

    @given(st.lists(articles_for("cnn-reuters"), min_size=2, max_size=4))
    def test_many_roundtrip(self, articles: list[Article]) -> None:
        """Several articles in one file read back in order."""
        assert wirecopy.loads(wirecopy.dumps(articles, "cnn-reuters"), "cnn-reuters") == articles

    def test_written_files_are_canonical(self) -> None:
        """dumps(loads(x)) == x for a file the writer wrote."""
        text = wirecopy.dumps(wirecopy.loads(TWO, "cnn-reuters"), "cnn-reuters")
        assert wirecopy.dumps(wirecopy.loads(text, "cnn-reuters"), "cnn-reuters") == text

    def test_a_time_is_written_as_its_date(self) -> None:
        """A datetime in published is written as its date, the header's precision."""
        article = Article(format="x", source="S", headline="H", published=dt.datetime(2001, 1, 2, 10, 30))
        assert wirecopy.dumps(article, "cnn-reuters") == "S -  H - January 2, 2001"

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"headline": None}, "cannot write article 'x1' as cnn-reuters: no headline for the header"),
            ({"published": None}, "cannot write article 'x1' as cnn-reuters: no published for the header"),
            ({"headline": "two\nlines"}, "cannot write article 'x1' as cnn-reuters: its headline spans lines"),
            ({"source": "A - B"}, "cannot write article 'x1' as cnn-reuters: its source 'A - B' contains ' - '"),
        ],
    )
    def test_unwritable(self, changes: dict[str, object], message: str) -> None:
        """An article the header cannot hold raises WriteError naming the article and the reason."""
        fields: dict[str, object] = {
            "format": "x",
            "id": "x1",
            "source": "S",
            "headline": "H",
            "published": dt.date(2001, 1, 2),
        }
        fields.update(changes)
        with pytest.raises(WriteError) as info:
            wirecopy.dumps(Article(**fields), "cnn-reuters")  # type: ignore[arg-type]
        assert str(info.value) == message


class TestBadInput:
    def test_empty_strict(self) -> None:
        """An empty input under strict raises ParseError at line 1, column 1."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads("", "cnn-reuters", errors="strict", filename="e.txt")
        assert str(info.value) == "empty input: no cnn-reuters header found (at e.txt, line 1, column 1)"

    def test_empty_warn(self) -> None:
        """An empty input under warn returns nothing and warns."""
        with pytest.warns(SkippedDocumentWarning, match="empty input"):
            assert wirecopy.loads("\n\n", "cnn-reuters") == []

    def test_empty_skip(self) -> None:
        """An empty input under skip returns nothing, quietly, and counts it."""
        reader = wirecopy.iter_load(__import__("io").BytesIO(b""), "cnn-reuters", errors="skip")
        assert list(reader) == []
        assert [e.kind for e in reader.skipped] == ["empty-input"]

    def test_missing_date_strict(self) -> None:
        """A header with no date raises ParseError naming file, line and column under strict."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(
                "CNN.com - Russia plans U.S. missile talks\nbody",
                "cnn-reuters",
                errors="strict",
                filename="seeds/x.txt",
            )
        assert str(info.value) == "Missing date in header (at seeds/x.txt, line 1, column 42)"
        assert info.value.kind == "missing-date"

    def test_missing_date_warn(self) -> None:
        """Under warn, a header with no date gives the article, published None, and a defect."""
        [article] = wirecopy.loads("CNN.com - Russia plans\nbody", "cnn-reuters")
        assert article.headline == "Russia plans"
        assert article.published is None
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("missing-date", 1, 23)]

    def test_missing_date_skip(self) -> None:
        """Under skip, the defective article is left out and reported with its position."""
        reader = wirecopy.iter_load(
            __import__("io").BytesIO(b"CNN.com - Russia plans\nbody\n\n" + SEED_BYTES), "cnn-reuters", errors="skip"
        )
        assert [a.headline for a in reader] == ["Russia plans U.S. missile talks"]
        assert [(e.kind, e.lineno, e.colno) for e in reader.skipped] == [("missing-date", 1, 23)]

    def test_bad_date_strict(self) -> None:
        """February 30 raises ParseError pointing at the date's column."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads("CNN.com - H - February 30, 2000\nx", "cnn-reuters", errors="strict", filename="b.txt")
        assert info.value.lineno == 1
        assert info.value.colno == 15
        assert str(info.value).startswith("invalid date 'February 30, 2000'")
        assert str(info.value).endswith("(at b.txt, line 1, column 15)")

    def test_bad_date_warn_keeps_the_text(self) -> None:
        """Under warn, an impossible date gives published None, a defect, and the raw text in extra."""
        [article] = wirecopy.loads("CNN.com - H - February 30, 2000\nx", "cnn-reuters")
        assert article.published is None
        assert article.extra["header_date"] == "February 30, 2000"
        assert [d.kind for d in article.defects] == ["bad-date"]

    def test_binary_junk(self) -> None:
        """Random bytes give defects under warn and a ParseError under strict, nothing else."""
        junk = bytes(range(256)) * 2
        [article] = wirecopy.loads(junk, "cnn-reuters")
        assert {d.kind for d in article.defects} >= {"not-utf8", "control-character"}
        with pytest.raises(ParseError):
            wirecopy.loads(junk, "cnn-reuters", errors="strict")

    @given(st.binary(max_size=300))
    def test_random_bytes_raise_only_parse_errors(self, data: bytes) -> None:
        """On random bytes, reading raises nothing but ParseError under strict, and nothing under skip."""
        with contextlib.suppress(ParseError):
            wirecopy.loads(data, "cnn-reuters", errors="strict")
        wirecopy.loads(data, "cnn-reuters", errors="skip")


class TestHostileInput:
    def test_long_run_of_blanks_in_the_header(self) -> None:
        """A header with 300,000 blanks and no dash between them reads (the separator search is linear)."""
        header = "CNN.com - A" + " " * 300_000 + "B - May 1, 2000"
        [article] = wirecopy.loads(header + "\nbody.", "cnn-reuters")
        assert article.headline == "A" + " " * 300_000 + "B"
        assert article.published == dt.date(2000, 5, 1)

    def test_many_separators_in_the_header(self) -> None:
        """A header of 500,000 ' - ' separators reads: only the first and the last are kept, not a list of all."""
        header = "CNN.com" + " - x" * 500_000 + " - May 1, 2000"
        [article] = wirecopy.loads(header + "\nbody.", "cnn-reuters")
        assert article.source == "CNN.com"
        assert article.headline is not None and article.headline.count(" - ") == 499_999

    def test_a_line_of_megabytes_without_newline(self) -> None:
        """4 MB with no newline reads as one article with a bad-header defect, in every mode."""
        data = b"word " * 800_000
        [article] = wirecopy.loads(data, "cnn-reuters")
        assert [d.kind for d in article.defects] == ["bad-header"]
        assert wirecopy.loads(data, "cnn-reuters", errors="skip") == []

    def test_many_tiny_documents(self) -> None:
        """20,000 one-line documents read as 20,000 articles, numbered in order."""
        data = b"a\n\n" * 20_000
        articles = wirecopy.loads(data, "cnn-reuters", errors="warn")
        assert len(articles) == 20_000
        assert articles[-1].origin is not None and articles[-1].origin.index == 19_999

    def test_byte_order_mark(self) -> None:
        """A UTF-8 byte-order mark before the header is dropped, not read into the source."""
        [article] = wirecopy.loads(b"\xef\xbb\xbf" + SEED_BYTES, "cnn-reuters")
        assert article.source == "CNN.com"
        assert article.defects == ()
