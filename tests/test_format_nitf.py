"""The nitf format: real samples, namespaces and encodings, dates and datelines, writing, and bad input."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, Dateline, ParseError, SkippedDocumentWarning
from wirecopy.cli import main
from wirecopy.strategies import articles, articles_for

from .conftest import DATA, corpus_sample

NITF = DATA / "nitf"
UTC = dt.timezone.utc


def tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


# (file, documents, id, published, headline starts, dateline place, first words of the body)
SAMPLES = [
    (
        "superdesk_aap.xml",
        1,
        "AAP.115314987.5417374",
        dt.datetime(2013, 10, 20, 19, 27, 51, tzinfo=tz(11)),
        "The main stories on today's",
        "Sydney",
        "The main stories on ABC",
    ),
    (
        "superdesk_ap-nitf.xml",
        1,
        None,
        dt.datetime(2015, 12, 10, 19, 10, 44, tzinfo=UTC),
        "Can trading pollution",
        "NEW YORK",
        "The gas produced by hog",
    ),
    (
        "superdesk_efe_nitf.xml",
        1,
        "22751909",
        dt.datetime(2017, 1, 2, 22, 28, tzinfo=UTC),
        "Honduran president announces",
        "Tegucigalpa",
        "Test body.",
    ),
    (
        "superdesk_handle_invalid_fields.xml",
        1,
        "eed713d46d74499d86b3250fa47b341b",
        dt.datetime(2020, 7, 3, 16, 51, 36, tzinfo=tz(-4)),
        "Man accused of ramming",
        "OTTAWA",
        "A Manitoba man is facing",
    ),
    (
        "superdesk_nitf-fishing.xml",
        1,
        "iptc.321656141.b",
        dt.datetime(2002, 2, 26, tzinfo=tz(-5)),
        "Weather and Tide Updates",
        "Newport News",
        "The weather was superb today",
    ),
    (
        "superdesk_nitf-ntb.xml",
        1,
        "faktisk-d9cde75b-256e-4989-b6a3-b8ad27f43a5c_47",
        dt.datetime(2020, 9, 7, 14, 45, 27),
        "Faktisk.no: Nei,",
        "Oslo",
        "Nei, dette dokumentet beskriver",
    ),
    (
        "superdesk_pa1.xml",
        1,
        "af1f7ad5-5619-49de-84cc-2e608538c77fSSS-3-1",
        dt.datetime(2015, 10, 14, 4, 30, 1, tzinfo=tz(1)),
        "PA SPORT TRIVIA",
        None,
        "ON THIS DAY IN SPORT",
    ),
]
SAMPLE_NAMES = [sample[0] for sample in SAMPLES]


class TestRealSamples:
    @pytest.mark.parametrize(
        ("name", "count", "id_", "published", "headline", "place", "first"), SAMPLES, ids=SAMPLE_NAMES
    )
    def test_key_fields(
        self,
        name: str,
        count: int,
        id_: str | None,
        published: dt.datetime,
        headline: str,
        place: str | None,
        first: str,
    ) -> None:
        """Each real sample reads into the expected id, date, headline, dateline place and body."""
        found = list(wirecopy.read(corpus_sample("nitf", name), "nitf", errors="skip"))
        found = found or list(wirecopy.read(corpus_sample("nitf", name), "nitf"))
        assert len(found) == count
        article = found[0]
        assert article.format == "nitf"
        assert article.id == id_
        assert article.published == published
        assert article.published.utcoffset() == published.utcoffset()
        assert article.headline is not None and article.headline.startswith(headline)
        assert (article.dateline.place if article.dateline else None) == place
        assert article.paragraphs[0].startswith(first)

    def test_ap_sample(self) -> None:
        """AP: the em-dash dateline leaves the body, the byline keeps its title apart, hl2 goes to extra."""
        [article] = wirecopy.read(corpus_sample("nitf", "superdesk_ap-nitf.xml"))
        assert article.dateline == Dateline(text="NEW YORK (AP) \u2014", place="NEW YORK", agency="AP")
        assert article.byline == "By BERNARD CONDON"
        assert article.extra["byline_title"] == "AP Business Writer"
        assert article.source == "The Associated Press"
        assert article.extra["regsrc"] == "AP"
        assert article.extra["subheadline"] == article.headline
        assert len(article.paragraphs) == 28

    def test_canadian_press_placeholder_dates(self) -> None:
        """The literal YYYYMMDD000000-HHMM is a bad-date defect at its place, kept raw, and date.issue is used."""
        [article] = wirecopy.read(corpus_sample("nitf", "superdesk_handle_invalid_fields.xml"))
        assert [(d.kind, d.message, d.line, d.column) for d in article.defects] == [
            ("bad-date", "not a date: 'YYYYMMDD000000-HHMM'", 13, 26),
            ("bad-date", "not a date: 'YYYYMMDD000000-HHMM'", 15, 27),
        ]
        assert article.extra["date.release"] == "YYYYMMDD000000-HHMM"
        assert article.dateline is not None
        assert article.dateline.date == dt.datetime(2020, 7, 3, 16, 51, 36, tzinfo=tz(-4))
        assert article.byline == "Mia Rabson and Jordan Press"
        assert article.extra["keywords"] == ("National", "Justice", "Politics")
        assert article.extra["urgency"] == "2"

    def test_fishing_sample(self) -> None:
        """The IPTC sample: relative DTD, structured dateline, several subjects, notes and media left out."""
        [article] = wirecopy.read(corpus_sample("nitf", "superdesk_nitf-fishing.xml"), errors="strict")
        assert article.dateline == Dateline(text="Newport News, VA", place="Newport News", region="VA")
        assert article.subjects == ("17000000", "17004000", "04001002")
        assert article.byline == "By Alan Karben"
        assert article.extra["tagline"] == "Stewart Klometers contributed to this article."
        assert article.extra["date.issue"] == "20020225T143000-0500"
        assert article.highlights[0].startswith("Superb weather in Norfolk today.")
        assert not any("sample article was created" in p for p in article.paragraphs)
        assert article.paragraphs[-1] == "Happy fishing everybody!"

    def test_ntb_sample(self) -> None:
        """NTB: ISO-8859-1 declared, numeric references, ISO extended date, metas in extra."""
        [article] = wirecopy.read(corpus_sample("nitf", "superdesk_nitf-ntb.xml"), errors="strict")
        assert article.extra["meta"]["NTBKanal"] == "A"
        assert article.extra["date.issue"] == "2020-09-07T14:45:26"
        assert any("p\u00e5" in paragraph for paragraph in article.paragraphs[:8])

    def test_efe_sample(self) -> None:
        """EFE: no XML declaration; the dateline with EFE's '.-' comes off the body."""
        [article] = wirecopy.read(corpus_sample("nitf", "superdesk_efe_nitf.xml"), errors="strict")
        assert article.dateline is not None
        assert article.dateline.text == "Tegucigalpa, Jan 2 (EFE).-"
        assert article.paragraphs == ("Test body.",)
        assert article.highlights == ("Test Abstract",)
        assert article.language == "en-US"

    @pytest.mark.parametrize("name", SAMPLE_NAMES)
    def test_roundtrip(self, name: str) -> None:
        """dumps(loads(x)) reads back equal, in NITF's own elements (no wirecopy-article record)."""
        found = list(wirecopy.read(corpus_sample("nitf", name), errors="skip")) or list(
            wirecopy.read(corpus_sample("nitf", name))
        )
        text = wirecopy.dumps(found, "nitf")
        assert "wirecopy-article" not in text
        assert wirecopy.loads(text, "nitf") == found

    @pytest.mark.parametrize("name", SAMPLE_NAMES)
    def test_detected(self, name: str) -> None:
        """Detection names nitf for every sample, DOCTYPE or not, declaration or not."""
        assert wirecopy.detect(corpus_sample("nitf", name)).best == "nitf"

    @pytest.mark.parametrize("name", SAMPLE_NAMES)
    def test_cli_convert_reads_back_equal(self, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`wirecopy convert --to nitf` writes what reads back as the articles of the sample."""
        out = tmp_path / "out.xml"
        main(["convert", str(corpus_sample("nitf", name)), "--to", "nitf", "-o", str(out)])
        capsys.readouterr()
        assert list(wirecopy.read(out)) == list(wirecopy.read(corpus_sample("nitf", name)))


class TestNamespacesAndEncodings:
    def test_inside_namespace(self) -> None:
        """A NITF 3.6 document in the IPTC namespace reads every field."""
        [article] = wirecopy.read(NITF / "inside-namespace.xml", errors="strict")
        assert article == Article(
            format="nitf",
            id="nws.2019.0412.0031",
            source="Northwind News Service",
            headline="Harbour ferry strike ends after talks",
            byline="By Ros\u00e9 Lindqvist",
            published=dt.datetime(2019, 4, 12, 17, 30, tzinfo=tz(2)),
            dateline=Dateline(
                text="KIRKWALL, Scotland (NWS) \u2014",
                place="KIRKWALL",
                region="Scotland",
                agency="NWS",
                date=dt.datetime(2019, 4, 12, 17, 0, tzinfo=tz(2)),
            ),
            paragraphs=(
                "The harbour ferry crews voted on Friday to end their \u201cwork to rule\u201d strike.",
                "The union said the caf\u00e9 on the Orcadian Star would reopen as well.",
                "What changes",
                "Two extra sailings at weekends",
                "A new timetable",
                "Talks resume in May.",
            ),
            highlights=("A two-week ferry strike is over.",),
            subjects=("09000000", "04015000"),
            language="en-GB",
            extra={
                "title": "Harbour ferry strike ends after talks",
                "meta": {"service": "Regional", "category": ["LAB", "TRN"]},
                "regsrc": "NWS",
                "urgency": "4",
                "ed_msg": "Corrects spelling of the union's name",
                "copyright_holder": "Northwind News Service",
                "copyright_year": "2019",
                "keywords": ["ferries", "strike"],
                "date.expire": "20190512T000000+0200",
                "subheadline": "Crews return on Monday",
                "byline_title": "Transport Correspondent",
                "tagline": "Reporting by the regional desk.",
            },
        )

    def test_outside_namespace_latin1_crlf(self) -> None:
        """Outside the namespace, ISO-8859-1 declared (cp1252 bytes), CRLF, a missing DTD: it reads equal."""
        inside = list(wirecopy.read(NITF / "inside-namespace.xml"))
        outside = list(wirecopy.read(NITF / "outside-namespace-latin1.xml", errors="strict"))
        assert outside == inside

    def test_bom_no_declaration_leading_whitespace(self) -> None:
        """A BOM, no declaration and blank lines before the root: the document starts on line 3, byte 7."""
        [article] = wirecopy.read(NITF / "bom-no-declaration.xml", errors="strict")
        assert article.headline == "Caf\u00e9 opens"
        assert (article.origin.line, article.origin.offset) == (3, 7)  # type: ignore[union-attr]

    def test_str_input_ignores_the_declared_encoding(self) -> None:
        """Text (a str) is read as text even when its declaration names ISO-8859-1."""
        text = (
            '<?xml version="1.0" encoding="ISO-8859-1"?>'
            "<nitf><body><body.content><p>Caf\u00e9 \u20ac5</p></body.content></body></nitf>"
        )
        [article] = wirecopy.loads(text, "nitf", errors="strict")
        assert article.paragraphs == ("Caf\u00e9 \u20ac5",)

    def test_str_input_with_a_bom(self) -> None:
        """Text starting with a BOM reads, and byte offsets count the BOM's three bytes."""
        text = '\ufeff<?xml version="1.0"?>\n<nitf><body/></nitf>\n<nitf><body/></nitf>'
        first, second = wirecopy.loads(text, "nitf", errors="strict")
        assert (first.origin.line, first.origin.offset) == (1, 3)  # type: ignore[union-attr]
        assert (second.origin.line, second.origin.offset) == (3, 46)  # type: ignore[union-attr]

    def test_bytes_that_are_not_utf8(self) -> None:
        """A byte that is not UTF-8 is read as cp1252, with a not-utf8 defect at its line and column."""
        data = b"<nitf>\n<body><body.content><p>Caf\xe9 \x93open\x94</p></body.content></body></nitf>"
        [article] = wirecopy.loads(data, "nitf")
        assert article.paragraphs == ("Caf\u00e9 \u201copen\u201d",)
        assert [(d.kind, d.message, d.line, d.column) for d in article.defects] == [
            ("not-utf8", "byte 0xe9 is not UTF-8; such bytes were read as cp1252", 2, 27)
        ]

    def test_utf8_under_a_latin1_label(self) -> None:
        """UTF-8 bytes under an ISO-8859-1 label are read as UTF-8, with a wrong-encoding defect."""
        data = (
            '<?xml version="1.0" encoding="iso-8859-1"?>'
            "<nitf><body><body.content><p>D\u00e9c\u00e8s</p></body.content></body></nitf>"
        ).encode()
        [article] = wirecopy.loads(data, "nitf")
        assert article.paragraphs == ("D\u00e9c\u00e8s",)
        assert [(d.kind, d.message) for d in article.defects] == [
            ("wrong-encoding", "iso-8859-1 is declared but the bytes are UTF-8; they were read as UTF-8")
        ]

    def test_control_characters_are_dropped(self) -> None:
        """A control character XML cannot carry is dropped with a defect, instead of failing the document."""
        data = b"<nitf><body><body.content><p>Tab\x0bbed</p></body.content></body></nitf>"
        [article] = wirecopy.loads(data, "nitf")
        assert article.paragraphs == ("Tabbed",)
        assert [(d.kind, d.message, d.line, d.column) for d in article.defects] == [
            ("control-character", "character '\\x0b', which XML cannot carry, was dropped", 1, 33)
        ]

    def test_control_character_raises_under_strict(self) -> None:
        """Under strict, the dropped control character raises with its position."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(b"<nitf>\x01</nitf>", "nitf", errors="strict", filename="c.xml")
        assert str(info.value) == "character '\\x01', which XML cannot carry, was dropped (at c.xml, line 1, column 7)"

    def test_sniff_inside_and_outside_namespace(self) -> None:
        """Detection is certain for <nitf> with or without the namespace, and for a DOCTYPE nitf."""
        for head in (
            b'<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">',
            b"<nitf>",
            b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE nitf SYSTEM "x.dtd">\n<nitf version="x">',
        ):
            assert wirecopy.detect(head).best == "nitf"
        assert wirecopy.get_format("nitf").sniff(b"<newsItem>", None) == 0.0


class TestBody:
    def test_nyt_blocks_and_dates(self) -> None:
        """NYT style: full_text without the repeated lead, the date from the publication metas, bylines kept."""
        [article] = wirecopy.read(NITF / "nyt-style.xml", errors="strict")
        assert article.paragraphs == (
            "The orchid was growing between two cracked paving stones.",
            "''We almost stepped on it,'' said one of the volunteers.",
        )
        assert article.published == dt.date(1996, 5, 14)
        assert article.byline == "By MARGARET OSEI"
        assert article.extra["other_bylines"] == ("Osei, Margaret",)
        assert article.highlights == ("Volunteer gardeners find a rare orchid growing beside a parking lot.",)

    def test_nyt_bad_date_metas(self) -> None:
        """Publication metas that are not a date give a bad-date defect, not a crash."""
        text = (
            (NITF / "nyt-style.xml")
            .read_text()
            .replace('content="5" name="publication_month"', 'content="13" name="publication_month"')
        )
        [article] = wirecopy.loads(text, "nitf")
        assert article.published is None
        assert [(d.kind, d.message) for d in article.defects] == [
            ("bad-date", "the publication_year/month/day_of_month metas 1996/13/14 are not a date")
        ]

    def test_loose_text_and_inline_markup(self) -> None:
        """Text loose in body.content is a paragraph; inline elements keep their text; br is a space."""
        text = (
            "<nitf><body><body.content>Loose <em>text</em>.<p>A<br/>B <person>C</person></p>  "
            "</body.content></body></nitf>"
        )
        [article] = wirecopy.loads(text, "nitf", errors="strict")
        assert article.paragraphs == ("Loose text.", "A B C")

    def test_structured_dateline_without_dateline_in_body(self) -> None:
        """A location's parts separated by white space only are joined with ', '."""
        text = (
            "<nitf><body><body.head><dateline><location>\n<city>Ottawa</city>\n<state>Ontario</state>\n"
            '<country>Canada</country></location><story.date norm="20200703T165136-0400"/></dateline></body.head>'
            "<body.content><p>No dateline here.</p></body.content></body></nitf>"
        )
        [article] = wirecopy.loads(text, "nitf", errors="strict")
        assert article.dateline == Dateline(
            text="Ottawa, Ontario, Canada",
            place="Ottawa",
            region="Ontario",
            date=dt.datetime(2020, 7, 3, 16, 51, 36, tzinfo=tz(-4)),
        )

    def test_timestamp_in_story_date_text(self) -> None:
        """A story.date holding a timestamp as text makes a dateline that is a date, not a place."""
        text = (
            "<nitf><body><body.head><dateline><story.date>20170102T222800+0000</story.date></dateline>"
            "</body.head></body></nitf>"
        )
        [article] = wirecopy.loads(text, "nitf", errors="strict")
        assert article.dateline == Dateline(
            text="20170102T222800+0000", date=dt.datetime(2017, 1, 2, 22, 28, tzinfo=UTC)
        )


class TestDocuments:
    def test_three_documents(self) -> None:
        """Documents one after another, even on one line, are read in order with their own origins."""
        articles = list(wirecopy.read(NITF / "three-documents.xml", errors="strict"))
        assert [a.id for a in articles] == ["first", "second", "third"]
        assert [(a.origin.line, a.origin.offset, a.origin.index) for a in articles] == [  # type: ignore[union-attr]
            (1, 0, 0),
            (3, 165, 1),
            (3, 291, 2),
        ]
        data = (NITF / "three-documents.xml").read_bytes()
        assert data[165:170] == b"<nitf" and data[291:296] == b"<nitf"

    def test_placeholder_warn(self) -> None:
        """Under warn the placeholder date is a defect at its line and column, and the article is returned."""
        [article] = wirecopy.read(NITF / "placeholder-date.xml")
        assert article.published == dt.datetime(2020, 7, 3, 16, 51, 36, tzinfo=tz(-4))
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("bad-date", 7, 27)]

    def test_placeholder_strict(self) -> None:
        """Under strict the placeholder raises ParseError naming file, line and column."""
        with pytest.raises(ParseError) as info:
            list(wirecopy.read(NITF / "placeholder-date.xml", errors="strict"))
        assert (
            str(info.value)
            == f"not a date: 'YYYYMMDD000000-HHMM' (at {NITF / 'placeholder-date.xml'}, line 7, column 27)"
        )
        assert info.value.kind == "bad-date"

    def test_placeholder_skip(self) -> None:
        """Under skip the article with the placeholder is left out and counted."""
        reader = wirecopy.read(NITF / "placeholder-date.xml", errors="skip")
        assert list(reader) == []
        assert [e.kind for e in reader.skipped] == ["bad-date"]


class TestBadInput:
    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"", "empty input: no NITF document found (at bad.xml, line 1, column 1)"),
            (b"  \n\n", "empty input: no NITF document found (at bad.xml, line 1, column 1)"),
            (b"<nitf>\n<body>\n  <p></body>", "invalid XML: mismatched tag (at bad.xml, line 3, column 8)"),
            (b"<nitf><body>", "invalid XML: no element found (at bad.xml, line 1, column 13)"),
            (b"just text", "invalid XML: syntax error (at bad.xml, line 1, column 1)"),
            (
                b"<newsItem/>",
                "not a NITF document: the root element is <newsItem>, not <nitf> (at bad.xml, line 1, column 1)",
            ),
            (b"<nitf/>\nrubbish", "invalid XML: syntax error (at bad.xml, line 2, column 1)"),
        ],
    )
    def test_strict_messages(self, data: bytes, message: str) -> None:
        """Each kind of bad input raises ParseError with the whole message and position."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "nitf", errors="strict", filename="bad.xml")
        assert str(info.value) == message

    def test_warn_leaves_out_and_warns(self) -> None:
        """Under warn a broken document is left out with a SkippedDocumentWarning."""
        with pytest.warns(SkippedDocumentWarning, match="mismatched tag"):
            assert wirecopy.loads(b"<nitf><body></nitf>", "nitf") == []

    def test_good_document_before_a_broken_one(self) -> None:
        """A broken document after a good one costs only itself."""
        reader = wirecopy.iter_load(io.BytesIO(b"<nitf><body/></nitf>\n<nitf><body></nitf>"), "nitf", errors="skip")
        assert len(list(reader)) == 1
        assert [str(e) for e in reader.skipped] == ["invalid XML: mismatched tag (at line 2, column 15)"]

    @given(st.binary(max_size=300))
    def test_random_bytes_after_a_prolog(self, data: bytes) -> None:
        """Random bytes behind a NITF start tag raise nothing but ParseError, and nothing under skip."""
        document = b'<?xml version="1.0"?>\n<nitf>' + data
        with contextlib.suppress(ParseError):
            wirecopy.loads(document, "nitf", errors="strict")
        wirecopy.loads(document, "nitf", errors="skip")


# The element order the NITF 3.6 schema (nitf-3-6.xsd) requires of the
# elements the writer emits, checked by hand rather than with a validator.
ORDER = {
    "nitf": ["head", "body"],
    "head": ["title", "meta", "tobject", "iim", "docdata", "pubdata", "revision-history"],
    "tobject": ["tobject.property", "tobject.subject"],
    "body": ["body.head", "body.content", "body.end"],
    "body.head": ["hedline", "note", "rights", "byline", "distributor", "dateline", "abstract", "series"],
    "hedline": ["hl1", "hl2"],
    "body.end": ["tagline", "bibliography"],
}
NS = "{http://iptc.org/std/NITF/2006-10-18/}"


def check_schema_order(element: ET.Element) -> None:
    """Assert the children of every element the writer emits come in the schema's order."""
    name = element.tag.removeprefix(NS)
    assert element.tag.startswith(NS), element.tag
    order = ORDER.get(name)
    if order is not None:
        positions = [order.index(child.tag.removeprefix(NS)) for child in element]
        assert positions == sorted(positions), (name, [child.tag for child in element])
    if name == "hedline":
        assert element[0].tag == NS + "hl1"
    if name == "abstract":
        assert len(element) >= 1
    for child in element:
        check_schema_order(child)


class TestWrite:
    @given(articles_for("nitf"))
    def test_native_roundtrip(self, article: Article) -> None:
        """Articles NITF can hold read back equal, without a wirecopy-article record."""
        text = wirecopy.dumps(article, "nitf")
        assert "wirecopy-article" not in text
        assert wirecopy.loads(text, "nitf", errors="strict") == [article]

    @given(articles())
    def test_any_article_roundtrip(self, article: Article) -> None:
        """Any article at all reads back equal (format aside): what NITF cannot hold goes in the record."""
        assert wirecopy.loads(wirecopy.dumps(article, "nitf"), "nitf", errors="strict") == [
            attrs.evolve(article, format="nitf")
        ]

    @given(st.lists(articles_for("nitf"), min_size=2, max_size=3))
    def test_many_roundtrip(self, many: list[Article]) -> None:
        """Several articles are written as documents one after another and read back in order."""
        assert wirecopy.loads(wirecopy.dumps(many, "nitf"), "nitf", errors="strict") == many

    @given(articles_for("nitf"))
    def test_schema_order(self, article: Article) -> None:
        """The written document is in the NITF namespace, version 3.6, in the schema's element order."""
        root = ET.fromstring(wirecopy.dumps(article, "nitf").encode())
        assert root.tag == NS + "nitf"
        assert root.get("version") == "-//IPTC//DTD NITF 3.6//EN"
        check_schema_order(root)

    def test_written_layout(self) -> None:
        """The writer's output for a typical article, element by element."""
        article = Article(
            format="nitf",
            id="x-1",
            source="Northwind",
            headline="Ferry strike ends",
            byline="By A. Writer",
            published=dt.datetime(2019, 4, 12, 17, 30, tzinfo=tz(2)),
            dateline=Dateline(text="KIRKWALL, Orkney (AP) --", place="KIRKWALL", region="Orkney", agency="AP"),
            paragraphs=("Crews voted to end the strike.",),
            subjects=("09000000",),
            language="en",
            extra={"subheadline": "Crews return"},
        )
        assert wirecopy.dumps(article, "nitf") == (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.6//EN" baselang="en">\n'
            "  <head>\n"
            "    <tobject>\n"
            '      <tobject.subject tobject.subject.refnum="09000000"/>\n'
            "    </tobject>\n"
            "    <docdata>\n"
            '      <doc-id id-string="x-1"/>\n'
            '      <date.issue norm="20190412T173000+0200"/>\n'
            "    </docdata>\n"
            "  </head>\n"
            "  <body>\n"
            "    <body.head>\n"
            "      <hedline>\n"
            "        <hl1>Ferry strike ends</hl1>\n"
            "        <hl2>Crews return</hl2>\n"
            "      </hedline>\n"
            "      <byline>By A. Writer</byline>\n"
            "      <distributor>Northwind</distributor>\n"
            "      <dateline><location><city>KIRKWALL</city>, <state>Orkney</state></location> (AP) --</dateline>\n"
            "    </body.head>\n"
            "    <body.content>\n"
            "      <p>Crews voted to end the strike.</p>\n"
            "    </body.content>\n"
            "  </body>\n"
            "</nitf>\n"
        )

    @pytest.mark.parametrize(
        ("published", "norm"),
        [
            (dt.date(2015, 12, 10), "20151210"),
            (dt.datetime(2015, 12, 10, 19, 10, 44), "20151210T191044"),
            (dt.datetime(2015, 12, 10, 19, 10, 44, tzinfo=UTC), "20151210T191044+0000"),
            (dt.datetime(2013, 10, 20, 19, 27, 51, tzinfo=tz(11)), "20131020T192751+1100"),
            (dt.datetime(2002, 2, 26, tzinfo=tz(-5)), "20020226T000000-0500"),
        ],
    )
    def test_date_norms(self, published: dt.date, norm: str) -> None:
        """Dates are written in NITF's ISO 8601 basic form and read back with their precision and zone."""
        text = wirecopy.dumps(Article(format="nitf", published=published), "nitf")
        assert f'<date.issue norm="{norm}"/>' in text
        [again] = wirecopy.loads(text, "nitf", errors="strict")
        assert again.published == published
        assert type(again.published) is type(published)
        assert again.published.utcoffset() == published.utcoffset() if isinstance(published, dt.datetime) else True

    def test_what_nitf_cannot_hold_goes_in_the_record(self) -> None:
        """A control character and an unknown extra key are kept in the wirecopy-article meta."""
        article = Article(format="nitf", headline="Bell\x07 rings", extra={"custom": [1, 2]})
        text = wirecopy.dumps(article, "nitf")
        assert "<hl1>Bell rings</hl1>" in text
        assert (
            '<meta name="wirecopy-article" content="{&quot;extra&quot;:{&quot;custom&quot;:[1,2]},'
            '&quot;headline&quot;:&quot;Bell\\u0007 rings&quot;}"/>' in text
        )
        assert wirecopy.loads(text, "nitf", errors="strict") == [article]

    def test_bad_record_is_a_defect(self) -> None:
        """A wirecopy-article meta that is not JSON is ignored with a defect."""
        text = '<nitf><head><meta name="wirecopy-article" content="{oops"/></head><body/></nitf>'
        [article] = wirecopy.loads(text, "nitf")
        assert [d.kind for d in article.defects] == ["bad-overrides"]
        assert article.extra == {}


class TestTablesAndTitles:
    def test_table_rows_are_paragraphs(self) -> None:
        """Each table row, header included, is a paragraph of its cells separated by tabs; empty rows go."""
        [article] = wirecopy.read(NITF / "table-no-hedline.xml", errors="strict")
        assert article.paragraphs == (
            "THROUGH AUGUST 14",
            "NORTHERN DIVISION",
            "\tG\tAB\tPct.",
            "Smith Riv\t98\t371\t.331",
            "Jones Jr. Lak\t101\t402\t.325",
            "Leaders need 3.1 plate appearances per game.",
        )

    def test_title_is_the_headline_without_hl1(self) -> None:
        """With no hl1, the title is the headline (and stays in extra)."""
        [article] = wirecopy.read(NITF / "table-no-hedline.xml", errors="strict")
        assert article.headline == "Top Five"
        assert article.extra["title"] == "Top Five"

    def test_no_headline_stays_none(self) -> None:
        """A document with neither hl1 nor title has no headline: none is made up from the body."""
        [article] = wirecopy.loads("<nitf><body><body.content><p>Words.</p></body.content></body></nitf>", "nitf")
        assert article.headline is None

    def test_a_row_is_written_as_a_table(self) -> None:
        """A paragraph of cells is written as a one-row table and reads back equal, without a record."""
        [article] = wirecopy.read(NITF / "table-no-hedline.xml", errors="strict")
        text = wirecopy.dumps(article, "nitf")
        assert "<table><tr><td>Smith Riv</td><td>98</td><td>371</td><td>.331</td></tr></table>" in text
        assert "wirecopy-article" not in text
        assert wirecopy.loads(text, "nitf", errors="strict") == [article]
