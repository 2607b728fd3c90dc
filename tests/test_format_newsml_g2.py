"""The newsml-g2 format: real samples, messages and items, bodies, datelines, writing, and bad input."""

from __future__ import annotations

import datetime as dt
import io
import tracemalloc
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, Dateline, ParseError, SkippedDocumentWarning
from wirecopy.cli import main
from wirecopy.strategies import articles, articles_for

from .conftest import DATA, corpus_sample

G2 = DATA / "newsml-g2"
UTC = dt.timezone.utc


def tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


# (file, articles, id, published, headline starts, dateline place, first words of the body)
SAMPLES = [
    (
        "iptc_LISTING_1_A_NewsML-G2_News_Item.xml",
        1,
        "urn:newsml:acmenews.com:20161018:US-FINANCE-FED",
        dt.datetime(2016, 10, 18, 13, 12, 21, tzinfo=tz(-5)),
        'Fed to halt QE to avert "bubble"',
        None,
        None,
    ),
    ("iptc_LISTING_24_News_Message_conveying_a_complete_News_Package.xml", 4, "N1", None, None, None, None),
    (
        "iptc_LISTING_28_Illustrating_Located_Subject_and_Dateline.xml",
        1,
        None,
        dt.datetime(2016, 2, 9, 9, 17, tzinfo=tz(3)),
        None,
        "MOSCOW",
        None,
    ),
    (
        "iptc_LISTING_2_NewsML-G2_Text_Document.xml",
        1,
        "urn:newsml:acmenews.com:20161121:US-FINANCE-FED",
        dt.datetime(2018, 11, 21, 16, 25, 32, tzinfo=tz(-5)),
        'Fed to halt QE to avert "bubble"',
        None,
        "(New York, NY - October 21)",
    ),
    (
        "superdesk_ansa-newsmlg2-text.xml",
        1,
        "tag:ansa.it,2017-10-11:40e5fb1034e7e2b21942ea09718fc85a",
        dt.datetime(2017, 10, 11, 10, 41, tzinfo=tz(1)),
        "Catalan independence declaration",
        "Rome",
        "Italian Foreign Minister",
    ),
    (
        "superdesk_dpa.xml",
        1,
        "urn:newsml:dpa.com:20090101:221011-930-4303",
        dt.datetime(2022, 10, 11, 11, 14, 42, tzinfo=tz(2)),
        "Eintracht in London:",
        "London",
        "2019 gab es bittere",
    ),
    (
        "superdesk_scoop.xml",
        1,
        "BD-20160112123540",
        dt.datetime(2016, 1, 12, 12, 35, 40),
        "Dick Smith receivers install",
        None,
        "By Jonathan Underhill",
    ),
    (
        "superdesk_stt_newsml_test.xml",
        1,
        "urn:newsml:stt.fi:20171219:101801633",
        dt.datetime(2017, 12, 19, 10, 33, 4, tzinfo=tz(2)),
        "Parliament passed the Alcohol Act",
        "Helsinki",
        "*** DISCLAIMER:",
    ),
    ("superdesk_tag_reuters.com_2014_newsml_KBN0FL0NM_version_10", 0, None, None, None, None, None),
]
SAMPLE_NAMES = [sample[0] for sample in SAMPLES]


def _quiet(path: Path) -> list[Article]:
    """Every article of a file, with the items that are not text left out without a warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedDocumentWarning)
        return list(wirecopy.read(path, "newsml-g2"))


class TestRealSamples:
    @pytest.mark.parametrize(
        ("name", "count", "id_", "published", "headline", "place", "first"), SAMPLES, ids=SAMPLE_NAMES
    )
    def test_key_fields(
        self,
        name: str,
        count: int,
        id_: str | None,
        published: dt.datetime | None,
        headline: str | None,
        place: str | None,
        first: str | None,
    ) -> None:
        """Each real sample reads into the expected items, id, date, headline, dateline place and body."""
        found = _quiet(corpus_sample("newsml-g2", name))
        assert len(found) == count
        if not count:
            return
        article = found[0]
        assert article.format == "newsml-g2"
        assert article.id == id_
        assert article.published == published
        if published is not None:
            assert article.published.utcoffset() == published.utcoffset()  # type: ignore[union-attr]
        assert (article.headline or "")[: len(headline or "")] == (headline or "")
        assert (headline is None) == (article.headline is None)
        assert (article.dateline.place if article.dateline else None) == place
        assert (first is None) == (not article.paragraphs)
        assert article.paragraphs[:1] == () or article.paragraphs[0].startswith(first or "")

    def test_comments_only_inline_xml(self) -> None:
        """LISTING 1: an inlineXML holding only comments is an article with no paragraphs."""
        [article] = wirecopy.read(
            corpus_sample("newsml-g2", "iptc_LISTING_1_A_NewsML-G2_News_Item.xml"), errors="strict"
        )
        assert article.paragraphs == ()
        assert article.extra["versionCreated"] == "2018-10-21T16:25:32-05:00"
        assert article.extra["embargoed"] == "2018-10-23T12:00:00Z"
        assert article.extra["located"] == "Berlin"
        assert article.source == "nprov:REUTERS"
        assert article.language == "en-GB"

    def test_package_message(self) -> None:
        """LISTING 24: the package is left out (and counted in the index); the four items lack itemMeta."""
        reader = wirecopy.read(
            corpus_sample("newsml-g2", "iptc_LISTING_24_News_Message_conveying_a_complete_News_Package.xml"),
            errors="skip",
        )
        assert list(reader) == []
        assert [(e.kind, e.lineno) for e in reader.skipped] == [
            ("not-text-item", 21),
            ("missing-item-meta", 27),
            ("missing-item-meta", 28),
            ("missing-item-meta", 29),
            ("missing-item-meta", 30),
        ]
        with pytest.warns(SkippedDocumentWarning, match="packageItem skipped: a packageItem holds no story text"):
            found = list(
                wirecopy.read(
                    corpus_sample("newsml-g2", "iptc_LISTING_24_News_Message_conveying_a_complete_News_Package.xml")
                )
            )
        assert [a.id for a in found] == ["N1", "N2", "N3", "N4"]
        assert [(a.origin.line, a.origin.index) for a in found] == [(27, 1), (28, 2), (29, 3), (30, 4)]  # type: ignore[union-attr]

    def test_content_meta_fragment(self) -> None:
        """LISTING 28: a bare contentMeta (no namespace) is read as an article with a 'fragment' defect."""
        [article] = wirecopy.read(
            corpus_sample("newsml-g2", "iptc_LISTING_28_Illustrating_Located_Subject_and_Dateline.xml")
        )
        assert article.dateline == Dateline(
            text="MOSCOW, Monday (Reuters)", place="MOSCOW", agency="Reuters", date=dt.date(2016, 2, 8)
        )
        assert article.subjects == ("city:Tskhinvali", "city:Tblisi")
        assert article.extra == {"located": "city:Moscow", "creator": "Thomson Reuters"}
        assert [(d.kind, d.message) for d in article.defects] == [
            ("fragment", "a <contentMeta> fragment, not a NewsML-G2 item: read without guid, itemMeta or content")
        ]

    def test_reuters_package_only(self) -> None:
        """The Reuters message holds a package only: it is reported, naming its guid."""
        path = corpus_sample("newsml-g2", "superdesk_tag_reuters.com_2014_newsml_KBN0FL0NM_version_10")
        with pytest.raises(ParseError) as info:
            list(wirecopy.read(path, "newsml-g2", errors="strict"))
        assert str(info.value) == (
            "packageItem 'tag_reuters.com_2014_newsml_KBN0FL0NM' skipped: a packageItem holds no story text "
            f"(at {path}, line 16, column 1)"
        )

    def test_ansa_plain_text(self) -> None:
        """ANSA: leading white space, inlineData text with indented paragraphs, the agency-first dateline."""
        [article] = wirecopy.read(corpus_sample("newsml-g2", "superdesk_ansa-newsmlg2-text.xml"), errors="strict")
        assert article.dateline is not None
        assert (article.dateline.text, article.dateline.agency, article.dateline.date) == (
            "(ANSA) - Rome, October 11 -",
            "ANSA",
            dt.date(2017, 10, 11),
        )
        assert len(article.paragraphs) == 4
        assert article.extra["subheadline"] == "Foreign minister expresses faith in Spanish government"
        assert (article.origin.line, article.origin.offset) == (12, 502)  # type: ignore[union-attr]

    def test_dpa_xhtml(self) -> None:
        """dpa: the XHTML header is left out, the dateline span comes off the first paragraph."""
        [article] = wirecopy.read(corpus_sample("newsml-g2", "superdesk_dpa.xml"), errors="strict")
        assert article.dateline == Dateline(text="London (dpa) -", place="London", agency="dpa")
        assert not any(p.startswith("Eintracht in London") for p in article.paragraphs)
        assert article.extra["keywords"] == ("Champions League", "Frankfurt", "London")
        assert article.source == "Deutsche Presse-Agentur GmbH"

    def test_scoop_bom_and_capitals(self) -> None:
        """Scoop: a BOM, CRLF, a capitalised <Header>, a non-ISO date and the headline from inline NITF's title."""
        [article] = _quiet(corpus_sample("newsml-g2", "superdesk_scoop.xml"))
        assert article.published == dt.datetime(2016, 1, 12, 12, 35, 40)
        assert article.extra["byline_title"] == "BusinessDesk"

    @pytest.mark.parametrize("name", SAMPLE_NAMES)
    def test_roundtrip(self, name: str) -> None:
        """dumps(loads(x)) reads back equal, in NewsML-G2's own elements (no wirecopy record)."""
        found = _quiet(corpus_sample("newsml-g2", name))
        text = wirecopy.dumps(found, "newsml-g2")
        assert "urn:wirecopy" not in text
        assert wirecopy.loads(text, "newsml-g2", errors="skip" if not found else "warn") == found

    @pytest.mark.parametrize("name", SAMPLE_NAMES)
    def test_detected(self, name: str) -> None:
        """Detection names newsml-g2 for every sample: items, messages, and the contentMeta fragment."""
        assert wirecopy.detect(corpus_sample("newsml-g2", name)).best == "newsml-g2"

    @pytest.mark.parametrize("name", SAMPLE_NAMES)
    def test_cli_convert_reads_back_equal(self, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`wirecopy convert --to newsml-g2` writes what reads back as the sample's articles."""
        out = tmp_path / "out.xml"
        main(["convert", str(corpus_sample("newsml-g2", name)), "--to", "newsml-g2", "-o", str(out)])
        capsys.readouterr()
        expected = _quiet(corpus_sample("newsml-g2", name))
        assert (_quiet(out) if expected else list(wirecopy.read(out, "newsml-g2", errors="skip"))) == expected


class TestMessages:
    def test_message_items(self) -> None:
        """A message: text items become articles, the picture and the package are skipped, with their lines."""
        reader = wirecopy.read(G2 / "message.xml", errors="skip")
        ferry, bridge = list(reader)
        assert [(str(e), e.kind) for e in reader.skipped] == [
            (
                "newsItem 'urn:newsml:northwind.example:20190412:ferry-photo' skipped: its item class 'ninat:picture' "
                f"is not text (at {G2 / 'message.xml'}, line 37, column 1)",
                "not-text-item",
            ),
            (
                "packageItem 'urn:newsml:northwind.example:20190412:package' skipped: "
                "a packageItem holds no story text "
                f"(at {G2 / 'message.xml'}, line 71, column 1)",
                "not-text-item",
            ),
        ]
        assert ferry == Article(
            format="newsml-g2",
            id="urn:newsml:northwind.example:20190412:ferry",
            source="Northwind",
            headline="Harbour ferry strike ends",
            byline="By Rose Lindqvist",
            published=dt.datetime(2019, 4, 12, 15, 0, tzinfo=tz(2)),
            dateline=Dateline(
                text="KIRKWALL, Friday (Northwind)", place="KIRKWALL", agency="Northwind", date=dt.date(2019, 4, 12)
            ),
            paragraphs=("Harbour ferry crews voted on Friday to end their strike.", "Talks resume in May."),
            subjects=("medtop:09000000", "medtop:20000253"),
            language="en-GB",
            extra={
                "version": "3",
                "versionCreated": "2019-04-12T17:30:00+02:00",
                "located": "Kirkwall",
                "subheadline": "Crews return on Monday",
            },
        )
        assert bridge.dateline == Dateline(text="STROMNESS (Northwind) -", place="STROMNESS", agency="Northwind")
        assert bridge.paragraphs == ("The bridge reopened a week early.", "Traffic was light.")
        assert (ferry.origin.line, bridge.origin.line) == (8, 46)  # type: ignore[union-attr]
        data = (G2 / "message.xml").read_bytes()
        assert data[ferry.origin.offset : ferry.origin.offset + 9] == b"<newsItem"  # type: ignore[union-attr]
        assert data[bridge.origin.offset : bridge.origin.offset + 9] == b"<newsItem"  # type: ignore[union-attr]

    def test_message_versus_item_detection(self) -> None:
        """A message and a single item are both certain newsml-g2."""
        for name in ("message.xml", "item-bom-crlf.xml"):
            detection = wirecopy.detect(G2 / name)
            assert detection.best == "newsml-g2"
            assert detection.candidates[0].score == 1.0

    def test_timestamp_dateline_and_plain_text(self) -> None:
        """A BOM, CRLF, a timestamp dateline (a date, not a place) and indented plain-text paragraphs."""
        [article] = wirecopy.read(G2 / "item-bom-crlf.xml", errors="strict")
        assert article.dateline == Dateline(
            text="2014-07-17 00:24:11 GMT+00:00", date=dt.datetime(2014, 7, 17, 0, 24, 11, tzinfo=UTC)
        )
        assert article.paragraphs == (
            "Grain prices held steady on Thursday as traders waited for the harvest report.",
            '"Nobody wants to move first," one broker said.',
        )
        assert article.published == dt.datetime(2014, 7, 17, 0, 24, 11, tzinfo=UTC)
        assert (article.origin.line, article.origin.offset) == (1, 3)  # type: ignore[union-attr]

    @staticmethod
    def _peak(items: int) -> int:
        item = (
            '<newsItem guid="g{n}" standard="NewsML-G2" standardversion="2.24">'
            '<itemMeta><itemClass qcode="ninat:text"/>'
            '<provider literal="p"/><versionCreated>2020-01-01T00:00:00Z</versionCreated></itemMeta>'
            "<contentSet><inlineData>Text {n}.</inlineData></contentSet></newsItem>\n"
        )
        data = (
            '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2020-01-01T00:00:00Z</sent></header>'
            "<itemSet>\n" + "".join(item.format(n=n) for n in range(items)) + "</itemSet></newsMessage>"
        ).encode()
        tracemalloc.start()
        try:
            count = 0
            for count, article in enumerate(
                wirecopy.iter_load(io.BytesIO(data), "newsml-g2", errors="strict"), start=1
            ):
                assert article.paragraphs == (f"Text {count - 1}.",)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert count == items
        return peak

    def test_a_long_message_streams(self) -> None:
        """Items are dropped once read: five times the items take about the same memory."""
        small, large = self._peak(600), self._peak(3000)
        assert large < small * 1.3 + 100_000


class TestBadInput:
    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"", "empty input: no NewsML-G2 item found (at bad.xml, line 1, column 1)"),
            (b"<nitf/>", "not a NewsML-G2 document: the root element is <nitf> (at bad.xml, line 1, column 1)"),
            (
                b'<packageItem guid="p1"/>',
                "packageItem 'p1' skipped: a packageItem holds no story text (at bad.xml, line 1, column 1)",
            ),
            (
                b'<newsMessage><itemSet>\n<newsItem guid="a">\n</itemSet></newsMessage>',
                "invalid XML: mismatched tag (at bad.xml, line 3, column 3)",
            ),
        ],
    )
    def test_strict_messages(self, data: bytes, message: str) -> None:
        """Each kind of bad input raises ParseError with the whole message and position."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "newsml-g2", errors="strict", filename="bad.xml")
        assert str(info.value) == message

    def test_items_before_a_syntax_error_are_kept(self) -> None:
        """Items read before a syntax error are returned; the rest of the message is reported once."""
        data = (
            (G2 / "message.xml").read_bytes().replace(b"<headline>Bridge reopens early</headline>", b"<headline>Broken")
        )
        reader = wirecopy.iter_load(io.BytesIO(data), "newsml-g2", errors="skip")
        assert [a.id for a in reader] == ["urn:newsml:northwind.example:20190412:ferry"]
        assert [e.kind for e in reader.skipped] == ["not-text-item", "not-xml"]


# The element order the NewsML-G2 2.24 core schema (NewsML-G2_2.24-spec-All-Core.xsd)
# requires of the elements the writer emits, checked by hand rather than with a validator.
NAR = "{http://iptc.org/std/nar/2006-10-01/}"
ORDER = {
    "newsItem": ["catalogRef", "hopHistory", "rightsInfo", "itemMeta", "contentMeta", "contentSet"],
    "rightsInfo": ["accountable", "copyrightHolder", "copyrightNotice"],
    "itemMeta": [
        "itemClass",
        "provider",
        "versionCreated",
        "firstCreated",
        "embargoed",
        "pubStatus",
        "role",
        "fileName",
        "service",
        "title",
        "edNote",
        "link",
        "{urn:wirecopy:article:1}article",
    ],
    "contentMeta": ["icon", "urgency", "contentCreated", "contentModified", "located", "language", "description"],
    "newsMessage": ["header", "itemSet"],
    "header": ["sent", "catalogRef", "sender"],
}
# Within contentMeta the schema has two unordered groups (administrative, then descriptive).
GROUP = {
    **dict.fromkeys(["located", "infoSource", "creator", "contributor", "audience"], "located"),
    **dict.fromkeys(
        [
            "language",
            "genre",
            "keyword",
            "subject",
            "slugline",
            "headline",
            "dateline",
            "by",
            "creditline",
            "description",
        ],
        "language",
    ),
}
REQUIRED = {"itemMeta": ["itemClass", "provider"], "newsItem": ["catalogRef", "itemMeta"]}


def check_schema_order(element: ET.Element) -> None:
    """Assert the children of every element the writer emits come in the schema's order."""
    name = element.tag.removeprefix(NAR)
    order = ORDER.get(name)
    if order is not None:
        names = [child.tag.removeprefix(NAR) for child in element]
        if name == "contentMeta":
            names = [GROUP.get(child, child) for child in names]
        positions = [order.index(child) for child in names]
        assert positions == sorted(positions), (name, names)
        for required in REQUIRED.get(name, ()):
            assert required in names
    if name == "newsItem":
        assert element.get("guid") is not None
        assert element.get("standard") == "NewsML-G2"
        assert element.get("standardversion") == "2.24"
    if name == "language":
        assert element.get("tag")
    for child in element:
        if child.tag.startswith(NAR):
            check_schema_order(child)


class TestWrite:
    @given(articles_for("newsml-g2"))
    def test_native_roundtrip(self, article: Article) -> None:
        """Articles NewsML-G2 can hold read back equal, without a wirecopy record."""
        text = wirecopy.dumps(article, "newsml-g2")
        assert "urn:wirecopy" not in text
        assert wirecopy.loads(text, "newsml-g2", errors="strict") == [article]

    @settings(max_examples=50)
    @given(articles())
    def test_any_article_roundtrip(self, article: Article) -> None:
        """Any article at all reads back equal (format aside): what G2 cannot hold goes in the record."""
        assert wirecopy.loads(wirecopy.dumps(article, "newsml-g2"), "newsml-g2", errors="strict") == [
            attrs.evolve(article, format="newsml-g2")
        ]

    @settings(max_examples=30)
    @given(st.lists(articles_for("newsml-g2"), min_size=2, max_size=3))
    def test_message_roundtrip(self, many: list[Article]) -> None:
        """Several articles are written as one newsMessage and read back in order."""
        text = wirecopy.dumps(many, "newsml-g2")
        root = ET.fromstring(text.encode())
        assert root.tag == NAR + "newsMessage"
        check_schema_order(root)
        assert wirecopy.loads(text, "newsml-g2", errors="strict") == many

    @given(articles_for("newsml-g2"))
    def test_schema_order(self, article: Article) -> None:
        """The written item is in the NAR namespace, with the required attributes and the schema's element order."""
        root = ET.fromstring(wirecopy.dumps(article, "newsml-g2").encode())
        assert root.tag == NAR + "newsItem"
        check_schema_order(root)

    def test_written_layout(self) -> None:
        """The writer's output for a typical article, element by element."""
        article = Article(
            format="newsml-g2",
            id="urn:newsml:example.com:1",
            source="Northwind",
            headline="Ferry strike ends",
            published=dt.datetime(2019, 4, 12, 17, 30, tzinfo=tz(2)),
            dateline=Dateline(text="KIRKWALL (AP) --", place="KIRKWALL", agency="AP"),
            paragraphs=("Crews voted to end the strike.",),
            subjects=("medtop:09000000", "Harbours"),
            language="en",
        )
        assert wirecopy.dumps(article, "newsml-g2") == (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.com:1" '
            'standard="NewsML-G2" standardversion="2.24">\n'
            '  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml"/>\n'
            "  <itemMeta>\n"
            '    <itemClass qcode="ninat:text"/>\n'
            '    <provider literal="Northwind"/>\n'
            "    <versionCreated>2019-04-12T17:30:00+02:00</versionCreated>\n"
            "  </itemMeta>\n"
            "  <contentMeta>\n"
            '    <language tag="en"/>\n'
            '    <subject qcode="medtop:09000000"/>\n'
            '    <subject literal="Harbours"/>\n'
            "    <headline>Ferry strike ends</headline>\n"
            "    <dateline>KIRKWALL (AP) --</dateline>\n"
            "  </contentMeta>\n"
            "  <contentSet>\n"
            '    <inlineXML contenttype="application/nitf+xml">\n'
            '      <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">\n'
            "        <body>\n"
            "          <body.content>\n"
            "            <p>Crews voted to end the strike.</p>\n"
            "          </body.content>\n"
            "        </body>\n"
            "      </nitf>\n"
            "    </inlineXML>\n"
            "  </contentSet>\n"
            "</newsItem>\n"
        )

    def test_date_only_goes_to_content_created(self) -> None:
        """A date without a time is written in contentCreated (versionCreated needs a time) and reads back."""
        article = Article(format="newsml-g2", published=dt.date(1996, 8, 20))
        text = wirecopy.dumps(article, "newsml-g2")
        assert "<contentCreated>1996-08-20</contentCreated>" in text
        assert "versionCreated" not in text
        assert wirecopy.loads(text, "newsml-g2", errors="strict") == [article]

    def test_message_header_uses_the_first_date(self) -> None:
        """A message's sent time is the first item's date (the clock is never read), else the epoch."""
        dated = Article(format="newsml-g2", published=dt.datetime(2020, 5, 1, 12, 0, tzinfo=UTC))
        undated = Article(format="newsml-g2")
        assert "<sent>2020-05-01T12:00:00+00:00</sent>" in wirecopy.dumps([dated, undated], "newsml-g2")
        assert "<sent>1970-01-01T00:00:00Z</sent>" in wirecopy.dumps([undated, dated], "newsml-g2")

    def test_what_g2_cannot_hold_goes_in_the_record(self) -> None:
        """A dateline date G2's dateline text cannot carry is kept in the wirecopy extension element."""
        article = Article(
            format="newsml-g2",
            dateline=Dateline(text="KIRKWALL (AP) --", place="KIRKWALL", agency="AP", date=dt.date(2019, 4, 12)),
        )
        text = wirecopy.dumps(article, "newsml-g2")
        assert '<wc:article xmlns:wc="urn:wirecopy:article:1">' in text
        assert wirecopy.loads(text, "newsml-g2", errors="strict") == [article]


class TestWireConventions:
    def test_a_wire_body_in_one_paragraph_is_split(self) -> None:
        """One <p> of hard-wrapped lines gives a paragraph per indented line, wrapped lines joined."""
        [article] = wirecopy.read(G2 / "wire-body-in-one-paragraph.xml", errors="strict")
        assert article.paragraphs[:3] == (
            "(Adds analyst comment, updates prices)",
            "* Copper up 0.6 pct, aluminium flat",
            "* Factory orders rise for a third month",
        )
        assert article.paragraphs[3].startswith("Copper rose for a second day on Tuesday as factories")
        assert article.paragraphs[4] == '"Orders are the best sign we have," said an analyst at a London broker.'
        assert article.paragraphs[-1] == "(Reporting by Jane Example; Editing by John Sample)"

    def test_a_table_keeps_its_line_breaks(self) -> None:
        """A stretch of columns between blank lines stays one paragraph, its lines and columns kept."""
        [article] = wirecopy.read(G2 / "wire-body-in-one-paragraph.xml", errors="strict")
        assert article.paragraphs[6] == (
            "METAL           PRICE    CHANGE\n"
            "Copper          6,480     +38.5\n"
            "Aluminium       1,872      -0.5\n"
            "Zinc            2,790     +12.0"
        )

    def test_by_line_lifted_and_dateline_found_past_it(self) -> None:
        """A By paragraph after the notes and bullets becomes the byline; the dateline is found after it."""
        [article] = wirecopy.read(G2 / "wire-body-in-one-paragraph.xml", errors="strict")
        assert article.byline == "By Jane Example"
        assert not any(paragraph.startswith("By ") for paragraph in article.paragraphs)
        assert article.dateline is not None
        assert (article.dateline.place, article.dateline.agency) == ("LONDON", "Example")

    def test_by_paragraph_repeating_the_by_element_is_dropped(self) -> None:
        """'By Sam Writer' in the body under <by>Sam Writer</by> leaves the body; the byline stays as <by> says."""
        [article] = wirecopy.read(G2 / "byline-repeated-in-body.xml", errors="strict")
        assert article.byline == "Sam Writer"
        assert article.paragraphs[0].startswith("The harbour festival opened")
        assert article.dateline is not None and article.dateline.place == "HALIFAX"

    def test_a_different_by_paragraph_stays(self) -> None:
        """A By paragraph naming someone else than <by> is left in the body."""
        data = (G2 / "byline-repeated-in-body.xml").read_text(encoding="utf-8").replace("<p>By Sam", "<p>By Alex")
        [article] = wirecopy.loads(data, "newsml-g2", errors="strict")
        assert article.byline == "Sam Writer"
        assert article.paragraphs[0] == "By Alex Writer"

    def test_a_sentence_starting_with_by_is_not_a_byline(self) -> None:
        """'By then, ...' opens a story; it is not lifted."""
        data = (G2 / "byline-repeated-in-body.xml").read_text(encoding="utf-8")
        data = data.replace("<by>Sam Writer</by>", "").replace("By Sam Writer", "By then, the crowd had gone.")
        [article] = wirecopy.loads(data, "newsml-g2", errors="strict")
        assert article.byline is None
        assert article.paragraphs[0] == "By then, the crowd had gone."

    def test_editor_notes_and_summary_in_extra(self) -> None:
        """edNote texts are kept by role, and the summary description in extra."""
        [article] = wirecopy.read(G2 / "wire-body-in-one-paragraph.xml", errors="strict")
        assert article.extra["edNote"] == {
            "note:public": "Corrects the price of copper in the fourth paragraph.",
            "note:private": "Desk: check the figures with the exchange.",
        }
        assert article.extra["summary"] == "Copper rose for a second day as new orders lifted hopes of demand."
        assert article.highlights == ()

    def test_content_set_fragment(self) -> None:
        """A bare contentSet (the IPTC's NITF-in-inlineXML example) is detected and read, with a fragment defect."""
        path = G2 / "content-set-fragment.xml"
        assert wirecopy.detect(path).best == "newsml-g2"
        [article] = wirecopy.read(path)
        assert article.headline == "Harbour Hawks (12-4) at Valley Rams (9-7), 7:30 p.m."
        assert article.paragraphs == (
            "With the Rams unbeaten at home this month and the Hawks winning five in a row, "
            "tonight's game should be close.",
        )
        assert article.highlights == ("Two teams on winning runs meet tonight at the lakeside ground.",)
        assert [defect.kind for defect in article.defects] == ["fragment"]

    def test_no_headline_stays_none(self) -> None:
        """An item without a headline keeps headline None: none is made up from the body."""
        data = (G2 / "byline-repeated-in-body.xml").read_text(encoding="utf-8")
        data = data.replace("<headline>Harbour festival draws record crowds on its opening night</headline>", "")
        [article] = wirecopy.loads(data, "newsml-g2", errors="strict")
        assert article.headline is None

    def test_the_conventions_write_back(self) -> None:
        """Notes, summary, table and highlights are written in G2's own elements and read back equal."""
        [article] = wirecopy.read(G2 / "wire-body-in-one-paragraph.xml", errors="strict")
        article = attrs.evolve(article, highlights=("One highlight.",))
        text = wirecopy.dumps(article, "newsml-g2")
        assert '<edNote role="note:private">' in text
        assert '<description role="drol:summary">' in text
        assert "<pre>METAL" in text
        assert "wc:article" not in text
        assert wirecopy.loads(text, "newsml-g2", errors="strict") == [article]
