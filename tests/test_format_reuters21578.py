"""The reuters21578-sgml format: the real excerpts, the tm XML variants, fixtures, writing, and bad input."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from pathlib import Path

import pytest

import wirecopy
from wirecopy import Article, ParseError, SkippedDocumentWarning, WriteError
from wirecopy.formats import reuters21578
from wirecopy.kit import _sgml_scan

from .conftest import DATA, corpus_sample

FIXTURES = DATA / "reuters21578-sgml"
FOLDER = "reuters21578-sgml"

# name: (documents, NEWID, published, title, dateline place, first words of the body)
SAMPLES = {
    "reut2-000_excerpt.sgm": (
        8,
        "1",
        dt.datetime(1987, 2, 26, 15, 1, 1, 790000),
        "BAHIA COCOA REVIEW",
        "SALVADOR",
        "Showers continued",
    ),
    "reut2-010_excerpt.sgm": (
        4,
        "10017",
        dt.datetime(1987, 3, 26, 12, 33, 25, 40000),
        "TALKING POINT/CONRAIL <CRR>",
        "NEW YORK",
        "Private investors eagerly",
    ),
    "reut2-013_excerpt.sgm": (
        2,
        "13001",
        dt.datetime(1987, 4, 3, 12, 41, 43, 180000),
        "CHRYSLER <C> LATE MARCH U.S. CAR SALES UP",
        "DETROIT",
        "Chrysler Corp said",
    ),
    "tm_reuters-21578.xml": (
        10,
        "1",
        dt.datetime(1987, 2, 26, 15, 1, 1, 790000),
        "BAHIA COCOA REVIEW",
        "SALVADOR",
        "Showers continued",
    ),
    "tm_crude_reut-00001.xml": (
        1,
        "127",
        dt.datetime(1987, 2, 26, 17, 0, 56, 40000),
        "DIAMOND SHAMROCK (DIA) CUTS CRUDE PRICES",
        "NEW YORK",
        "Diamond Shamrock Corp",
    ),
}


def _corpus_sample(name: str) -> Path:
    return corpus_sample(FOLDER, name)


class TestRealSamples:
    @pytest.mark.parametrize("name", sorted(SAMPLES))
    def test_key_fields(self, name: str) -> None:
        """Each real sample reads into the expected NEWID, date, title, dateline and body."""
        count, doc_id, published, title, place, first = SAMPLES[name]
        articles = list(wirecopy.read(_corpus_sample(name), "reuters21578"))
        assert len(articles) == count
        article = articles[0]
        assert (article.id, article.published, article.headline) == (doc_id, published, title)
        assert article.dateline is not None and article.dateline.place == place
        assert article.dateline.date == published.date()
        assert article.paragraphs[0].startswith(first)
        assert article.source == "Reuters"

    @pytest.mark.parametrize("name", sorted(SAMPLES))
    def test_detected(self, name: str) -> None:
        """Detection names reuters21578-sgml for the .sgm excerpts and the tm XML files."""
        assert wirecopy.detect(_corpus_sample(name)).best == "reuters21578-sgml"

    @pytest.mark.parametrize("name", sorted(SAMPLES))
    def test_rewrite_is_a_fixed_point(self, name: str) -> None:
        """loads(dumps(loads(x))) == loads(x) for every real sample."""
        first = list(wirecopy.read(_corpus_sample(name), "reuters21578"))
        assert wirecopy.loads(wirecopy.dumps(first, "reuters21578"), "reuters21578") == first

    def test_excerpt_000(self) -> None:
        """reut2-000: topics, places, people, AUTHOR, BRIEF, UNPROC, padded dates, &#127; noise."""
        articles = list(wirecopy.read(_corpus_sample("reut2-000_excerpt.sgm")))
        assert [a.id for a in articles] == ["1", "4", "30", "99", "231", "234", "327", "419"]
        cocoa, bank, brief, unproc, poll, _, feed, brazil = articles
        assert cocoa.subjects == ("cocoa",)
        assert cocoa.extra["places"] == ("el-salvador", "usa", "uruguay")
        assert (cocoa.extra["lewissplit"], cocoa.extra["cgisplit"], cocoa.extra["oldid"]) == (
            "TRAIN",
            "TRAINING-SET",
            "5544",
        )
        assert cocoa.extra["signoff"] == "Reuter"
        assert cocoa.paragraphs[-1].endswith("carnival which ends midday on February 27.")
        assert cocoa.extra["unknown"].startswith(" \n\x05\x05\x05C T\n\x16\x16\x01f0704\x1freute")
        assert bank.byline == "by Janie Gabbett, Reuters"
        assert (brief.extra["text_type"], brief.paragraphs) == ("BRIEF", ("Blah blah blah.",))
        assert unproc.headline is None and unproc.extra["text_type"] == "UNPROC"
        assert unproc.paragraphs[0] == "FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26"
        assert poll.published == dt.datetime(1987, 3, 1, 1, 41, 26, 470000)
        assert poll.extra["people"] == ("reagan",)
        assert feed.extra["mknote"].startswith("Moved TOPICS closure")
        assert [d.kind for d in brazil.defects] == ["control-character"]
        assert [a.origin.line for a in articles][:3] == [2, 74, 143]

    def test_date_junk(self) -> None:
        """A DATE with control characters and letters after the time keeps them apart."""
        articles = list(wirecopy.read(_corpus_sample("reut2-010_excerpt.sgm")))
        assert articles[2].published == dt.datetime(1987, 3, 27, 9, 41, 54, 60000)
        assert articles[2].extra["date_junk"] == "\x05\x05\x05C L"


class TestFixtures:
    def test_norm(self) -> None:
        """A NORM document: every field, entities decoded, the dateline resolved against DATE."""
        with wirecopy.read(FIXTURES / "reut2-synthetic.sgm") as reader:
            first = next(reader)
        assert first == Article(
            format="reuters21578-sgml",
            id="501",
            source="Reuters",
            headline="HARBOUR SUGAR STOCKS <HSS> RISE IN FEBRUARY",
            byline="By Jane Doe, Reuters",
            published=dt.datetime(1987, 3, 3, 10, 15, 20, 450000),
            dateline=wirecopy.Dateline(text="LIVERPOOL, March 3 -", place="LIVERPOOL", date=dt.date(1987, 3, 3)),
            paragraphs=(
                "Sugar stocks held in the harbour warehouses rose in February, the port authority said.",
                "Stocks stood at 41,200 tonnes against 39,800 a month earlier, it said, and the A&B terminal was full.",
            ),
            subjects=("sugar", "grain"),
            extra={
                "topics_attribute": "YES",
                "lewissplit": "TRAIN",
                "cgisplit": "TRAINING-SET",
                "oldid": "7001",
                "places": ("uk",),
                "exchanges": ("lse",),
                "unknown": " \n\x05\x05\x05C G\n\x16\x16\x01f1234\x1freute\nu f BC-HARBOUR-SUGAR-STOCKS   03-03 0071",
                "signoff": "Reuter",
            },
        )
        assert first.origin == wirecopy.Origin(path=str(FIXTURES / "reut2-synthetic.sgm"), line=2, offset=36, index=0)

    def test_brief_unproc_and_noise(self) -> None:
        """BRIEF keeps its '******' prefix apart, UNPROC keeps its table lines, &#127; is removed and reported."""
        _, brief, table, ferry = wirecopy.read(FIXTURES / "reut2-synthetic.sgm")
        assert (brief.headline, brief.extra["title_prefix"], brief.extra["date_junk"]) == (
            "HARBOUR DUES TO RISE FIVE PCT FROM APRIL",
            "******",
            "\x05\x05\x05F Y",
        )
        assert table.paragraphs == (
            "HARBOUR TONNAGE FOR WEEK",
            "     INWARD  OUTWARD",
            " Mon   120      95",
            " Tue   132     101",
        )
        assert ferry.paragraphs == ("A ferry line said it would add two winter sailings a week from next month.",)
        assert ferry.defects == (
            wirecopy.Defect(
                kind="control-character", message="control character '\\x7f' in text, removed", line=81, column=27
            ),
        )

    def test_tm_xml_variant(self) -> None:
        """The tm XML re-encoding (a <LEWIS> root) reads with the same format."""
        assert wirecopy.detect(FIXTURES / "lewis-xml.xml").best == "reuters21578-sgml"
        [article] = wirecopy.read(FIXTURES / "lewis-xml.xml")
        assert (article.id, article.headline, article.subjects) == ("601", "COFFEE PORT OPENS NEW QUAY", ("coffee",))


class TestWriting:
    def test_layout(self) -> None:
        """The writer keeps the distribution's conventions: DOCTYPE, &#2;, indented paragraphs, sign-off, &#3;."""
        article = Article(
            format="reuters21578-sgml",
            id="7",
            source="Reuters",
            headline="A & B <AB> MERGE",
            published=dt.datetime(1987, 3, 1, 9, 5, 0, 120000),
            dateline=wirecopy.Dateline(text="DOVER, March 1 -", place="DOVER", date=dt.date(1987, 3, 1)),
            paragraphs=("First paragraph.", "Second one."),
            subjects=("acq",),
            extra={"signoff": "Reuter"},
        )
        text = wirecopy.dumps(article, "reuters21578")
        assert text == (
            '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'
            '<REUTERS NEWID="7">\n<DATE> 1-MAR-1987 09:05:00.12</DATE>\n<TOPICS><D>acq</D></TOPICS>\n'
            "<PLACES></PLACES>\n<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n"
            "<TEXT>&#2;\n<TITLE>A &amp; B &lt;AB&gt; MERGE</TITLE>\n"
            "<DATELINE>    DOVER, March 1 - </DATELINE><BODY>First paragraph.\n    Second one.\n Reuter\n&#3;</BODY></TEXT>\n"  # noqa: E501
            "</REUTERS>\n"
        )
        assert wirecopy.loads(text, "reuters21578") == [article]

    def test_aware_date_refused(self) -> None:
        """A date with a zone cannot be written: the format has none."""
        article = Article(
            format="reuters21578-sgml", id="7", published=dt.datetime(1987, 3, 1, 9, 5, tzinfo=dt.timezone.utc)
        )
        message = (
            r"^cannot write article '7' as reuters21578-sgml: its date 1987-03-01T09:05:00\+00:00 has a time zone$"
        )
        with pytest.raises(WriteError, match=message):
            wirecopy.dumps(article, "reuters21578")

    def test_no_id(self) -> None:
        """An article without an id cannot be written."""
        with pytest.raises(WriteError, match=r"^cannot write an article as reuters21578-sgml: it has no id for NEWID$"):
            wirecopy.dumps(Article(format="reuters21578-sgml"), "reuters21578")


class TestBadInput:
    DOC = '<REUTERS NEWID="{n}">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>&#2;\n<BODY>Text.\n&#3;</BODY></TEXT>\n</REUTERS>\n'  # noqa: E501

    def test_truncated_strict(self) -> None:
        """A document cut off by the end of the input raises under strict, with its line and column."""
        data = self.DOC.format(n=1) + '<REUTERS NEWID="2">\n<DATE>'
        with pytest.raises(ParseError) as caught:
            wirecopy.loads(data, "reuters21578", errors="strict", filename="x.sgm")
        assert (
            str(caught.value)
            == "<REUTERS> is not closed: the input ends before its </REUTERS> (at x.sgm, line 7, column 1)"
        )

    def test_missing_newid_strict(self) -> None:
        """A document without NEWID raises under strict."""
        data = '<REUTERS OLDID="5">\n<TEXT>&#2;\n<BODY>Text.\n&#3;</BODY></TEXT>\n</REUTERS>\n'
        with pytest.raises(ParseError, match=r"^document has no NEWID \(at line 1, column 1\)$"):
            wirecopy.loads(data, "reuters21578", errors="strict")

    @pytest.mark.parametrize("errors", ["warn", "skip"])
    def test_counts(self, errors: str) -> None:
        """Nested, junk and truncated documents: returned + reported == documents in the input."""
        data = (
            '<REUTERS NEWID="1">\n<TEXT>\n'
            + self.DOC.format(n=2)
            + "\x00\x01 junk\n"
            + self.DOC.format(n=3)
            + '<REUTERS NEWID="4">\n'
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedDocumentWarning)
            reader = wirecopy.iter_load(io.BytesIO(data.encode()), "reuters21578", errors=errors)  # type: ignore[arg-type]
            ids = [a.id for a in reader]
        assert ids == (["2", "3"] if errors == "warn" else ["2"])
        assert reader.returned + len(reader.skipped) == 4


class TestSniff:
    @pytest.mark.parametrize(
        ("head", "score"),
        [
            (b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS', 1.0),
            (b'<?xml version="1.0"?>\n<LEWIS>\n<REUTERS TOPICS="YES" NEWID="1">', 1.0),
            (b"<REUTERS>\n<DATE>", 0.8),
            (b"<DOC>\n", 0.0),
        ],
    )
    def test_scores(self, head: bytes, score: float) -> None:
        """sniff is sure of the lewis DOCTYPE and of <REUTERS with a NEWID."""
        assert reuters21578.Reuters21578Format().sniff(head, None) == score


class TestHostileInput:
    """Input made to be slow or big: each byte is looked at a bounded number of times."""

    def test_document_longer_than_the_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A document over the policy's size limit is left out unread, and the documents after it are read."""
        monkeypatch.setattr(_sgml_scan, "CHUNK_SIZE", 64)
        data = TestBadInput.DOC.format(n=1) + "<REUTERS>\n" + "x" * 5000 + "</REUTERS>\n" + TestBadInput.DOC.format(n=3)
        policy = wirecopy.Policy(errors="skip", max_document_size=1000)
        reader = wirecopy.iter_load(io.BytesIO(data.encode()), "reuters21578", policy=policy)
        assert [a.id for a in reader] == ["1", "3"]
        [error] = reader.skipped
        assert (error.kind, error.lineno, error.colno) == ("document-too-large", 7, 1)
        assert error.msg == "<REUTERS> is not closed within 1,000 bytes"

    def test_list_with_unclosed_codes(self) -> None:
        """100,000 <D> tags with no </D> (quadratic before) end the list: the codes before them are read."""
        data = '<REUTERS NEWID="1">\n<TOPICS><D>acq</D>' + "<D>" * 100_000 + "</TOPICS>\n</REUTERS>\n"
        [article] = wirecopy.loads(data, "reuters21578")
        assert article.subjects == ("acq",)

    def test_text_with_many_unclosed_tags(self) -> None:
        """A TEXT of 100,000 unclosed tags is stepped over tag by tag, each once."""
        data = '<REUTERS NEWID="1">\n<TEXT>' + "<P>" * 100_000 + "<TITLE>T</TITLE><BODY>B.</BODY></TEXT>\n</REUTERS>\n"
        [article] = wirecopy.loads(data, "reuters21578")
        assert (article.headline, article.paragraphs) == ("T", ("B.",))

    def test_huge_number_in_a_date(self) -> None:
        """A time with a 30-digit field is a bad-date defect (the text kept), never another exception."""
        when = "26-FEB-1987 1:" + "9" * 30
        data = f'<REUTERS NEWID="1">\n<DATE>{when}</DATE>\n<TEXT><BODY>Text.</BODY></TEXT>\n</REUTERS>\n'
        [article] = wirecopy.loads(data, "reuters21578")
        assert (article.published, article.extra["date"]) == (None, when)
        [defect] = article.defects
        assert (defect.kind, defect.line) == ("bad-date", 2)
        assert defect.column is not None and defect.column >= 7  # where the date, or its bad field, starts
        with pytest.raises(ParseError) as caught:
            wirecopy.loads(data, "reuters21578", errors="strict")
        assert (caught.value.kind, caught.value.lineno) == ("bad-date", 2)

    def test_huge_number_in_a_dateline(self) -> None:
        """A dateline with a 30-digit number is kept as written with a bad-dateline defect."""
        place = "PARIS, 1:" + "9" * 30 + " -"
        data = f'<REUTERS NEWID="1">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT><DATELINE>{place}</DATELINE><BODY>Text.</BODY></TEXT>\n</REUTERS>\n'  # noqa: E501
        [article] = wirecopy.loads(data, "reuters21578")
        assert article.dateline == wirecopy.Dateline(text=place)
        assert [d.kind for d in article.defects] == ["bad-dateline"]

    def test_control_characters_reported_once(self) -> None:
        """A document of 10,000 TEXT elements with control characters gets one defect, where the first is written."""
        data = '<REUTERS NEWID="1">\n' + "<TEXT><BODY>a&#127;b</BODY></TEXT>\n" * 10_000 + "</REUTERS>\n"
        [article] = wirecopy.loads(data, "reuters21578")
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("control-character", 2, 14)]
        assert article.paragraphs == ("ab",)

    def test_dateline_too_long_to_be_one(self) -> None:
        """A DATELINE of 2 MB is kept as written with a bad-dateline defect, not handed to the dateline parser."""
        place = "PARIS " * 350_000
        data = f'<REUTERS NEWID="1">\n<TEXT><DATELINE>{place}</DATELINE><BODY>Text.</BODY></TEXT>\n</REUTERS>\n'
        [article] = wirecopy.loads(data, "reuters21578")
        assert article.dateline == wirecopy.Dateline(text=place.strip())
        assert [(d.kind, d.message) for d in article.defects] == [
            ("bad-dateline", "a dateline of 2,099,999 characters is too long")
        ]


class TestLayoutMatch:
    """Documents in the distribution's own layout are read by one match, exactly as by the element walk."""

    def _both(self, data: bytes, errors: str = "warn") -> tuple[list[Article], list[Article]]:
        fast = wirecopy.loads(data, "reuters21578-sgml", errors=errors)  # type: ignore[arg-type]
        original = reuters21578.Reuters21578Format.read_document

        def walk(self: reuters21578.Reuters21578Format, document: object) -> Article:
            return reuters21578._Reading(document).article()  # type: ignore[arg-type]

        reuters21578.Reuters21578Format.read_document = walk  # type: ignore[method-assign,assignment]
        try:
            slow = wirecopy.loads(data, "reuters21578-sgml", errors=errors)  # type: ignore[arg-type]
        finally:
            reuters21578.Reuters21578Format.read_document = original  # type: ignore[method-assign]
        return fast, slow

    def _assert_matched_alike(self, data: bytes) -> None:
        """*data* is in the layout, and reads by the match as by the element walk: fields, extra in order, defects."""
        assert reuters21578._REUT2.fullmatch(data.decode("latin-1").rstrip("\n")) is not None
        fast, slow = self._both(data)
        assert fast == slow
        assert [list(a.extra) for a in fast] == [list(a.extra) for a in slow]
        assert [a.defects for a in fast] == [a.defects for a in slow]

    @pytest.mark.parametrize(
        "body",
        [
            "Showers continued.\n    Arrivals rose.\n Reuter\n&#3;",
            "A &lt;Texaco Inc> unit said.\n Reuter\n&#3;",
            "Noise &#127; here &zz; and there.\n\n    Second.\n REUTER\n&#3;",
            "Tabs\tand  two  spaces \n  indented\n&#3;",
            "Two  spaces, trailing \n    and  indented.\n\n  Third.\n  Reuters  \n&#3;",
            "No closing reference.\n Reuter\n",
            "",
        ],
    )
    @pytest.mark.parametrize("dateline", ["<DATELINE>    SALVADOR, Feb 26 - </DATELINE>", ""])
    @pytest.mark.parametrize("date", [" 1-MAR-1987 09:41:54.06", "27-MAR-1987 09:41:54.06&#5;&#5;&#5;C L", "junk"])
    def test_same_articles_and_defects(self, body: str, dateline: str, date: str) -> None:
        """Fields, extra (in order) and defects (with positions) are those of the element walk."""
        data = (
            '<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">\n'
            f"<DATE>{date}</DATE>\n<MKNOTE>Moved TOPICS</MKNOTE>\n<TOPICS><D>cocoa</D><D>el  salvador</D></TOPICS>\n"
            "<PLACES><D>usa</D></PLACES>\n<PEOPLE></PEOPLE>\n<ORGS><D>&amp;co</D></ORGS>\n<EXCHANGES></EXCHANGES>\n"
            "<COMPANIES></COMPANIES>\n<UNKNOWN> \n&#5;&#5;&#5;C T\n&#22;&#22;&#1;f0704&#31;reute</UNKNOWN>\n"
            "<TEXT>&#2;\n<TITLE>BAHIA &#127;COCOA</TITLE>\n<AUTHOR>    by Jane Doe, Reuters</AUTHOR>\n"
            f"{dateline}<BODY>{body}</BODY></TEXT>\n</REUTERS>\n"
        ).encode("latin-1")
        self._assert_matched_alike(data)

    @pytest.mark.parametrize(
        "text",
        [
            "&#2;\n******<TITLE>ASSETS ROSE 720.4 MLN DLRS\n</TITLE>Blah blah blah.\n&#3;\n\n",
            "&#2;\n******<TITLE>ASSETS ROSE</TITLE>\nBlah blah blah.\n&#3;\n\n",
            "&#2;\n<TITLE>NO &#127;STARS</TITLE>\nBlah &amp; blah &#1;blah.\n&#3;\n\n",
            "&#2;\n<TITLE>T</TITLE>\nBlah\x7f blah.\n&#3;\n\n",
            "&#2;\n**<TITLE></TITLE>\n \n",
            "&#2;\n*<TITLE>T</TITLE>Text\n Reuter\n&#3;\n",
        ],
    )
    def test_brief_same_articles_and_defects(self, text: str) -> None:
        """A BRIEF (a title and a line, no BODY) reads by the match exactly as by the element walk."""
        data = (
            '<REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5642" NEWID="98">\n'
            "<DATE>26-FEB-1987 16:32:37.30</DATE>\n<TOPICS></TOPICS>\n<PLACES><D>usa</D></PLACES>\n"
            "<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n"
            "<UNKNOWN> \n&#5;&#5;&#5;C T\n&#22;&#22;&#1;f0835&#31;reute</UNKNOWN>\n"
            f'<TEXT TYPE="BRIEF">{text}</TEXT>\n</REUTERS>\n'
        ).encode("latin-1")
        self._assert_matched_alike(data)
