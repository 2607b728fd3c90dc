"""The newsml-1 format: real samples, Latin-1 files, NewsLines, bodies, several items, writing, and bad input."""

from __future__ import annotations

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

NEWSML1 = DATA / "newsml-1"
UTC = dt.timezone.utc


def tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


# (file, id, published, headline starts, dateline text, dateline place, first words of the body)
SAMPLES = [
    (
        "superdesk_afp.xml",
        "urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1",
        dt.datetime(2014, 8, 29, 13, 49, 51, tzinfo=UTC),
        "Sweden court accepts receivership",
        "STOCKHOLM, Aug 29, 2014 (AFP) -",
        "STOCKHOLM",
        "A Chinese-owned company set up",
    ),
    (
        "superdesk_afp20.xml",
        "urn:newsml:afp.com:20240710:240710125902.qpsp2jzk:1",
        dt.datetime(2024, 7, 10, 12, 59, 2, tzinfo=UTC),
        "D\u00e9c\u00e8s de Naomi Musenga",
        "Strasbourg, 10 juil 2024 (AFP)",
        "Strasbourg",
        "L'op\u00e9ratrice du Samu",
    ),
    (
        "superdesk_ana1.xml",
        "urn:newsml:ana-mpe.gr:20180404:19336333:1",
        dt.datetime(2018, 4, 4, 17, 58, 59, tzinfo=tz(3)),
        "Wage employment balance positive",
        "4/4/2018",
        None,
        "Wage employment in the private sector",
    ),
]
SAMPLE_NAMES = [sample[0] for sample in SAMPLES]


class TestRealSamples:
    @pytest.mark.parametrize(
        ("name", "id_", "published", "headline", "dateline", "place", "first"), SAMPLES, ids=SAMPLE_NAMES
    )
    def test_key_fields(
        self, name: str, id_: str, published: dt.datetime, headline: str, dateline: str, place: str | None, first: str
    ) -> None:
        """Each real sample reads into one article with the expected id, date, headline, dateline and body."""
        [article] = wirecopy.read(corpus_sample("newsml1", name), "newsml-1")
        assert article.format == "newsml-1"
        assert article.id == id_
        assert article.published == published
        assert article.published.utcoffset() == published.utcoffset()  # type: ignore[union-attr]
        assert article.headline is not None and article.headline.startswith(headline)
        assert article.dateline is not None
        assert (article.dateline.text, article.dateline.place) == (dateline, place)
        assert article.paragraphs[0].startswith(first)

    def test_afp(self) -> None:
        """AFP: NITF body, subject codes without repeats, the dateline's date, the other dates kept raw."""
        [article] = wirecopy.read(corpus_sample("newsml1", "superdesk_afp.xml"), errors="strict")
        assert article.subjects == ("04011002", "04016007", "04000000", "04016038", "04011000")
        assert article.dateline is not None and article.dateline.agency == "AFP"
        assert article.dateline.date == dt.date(2014, 8, 29)
        assert article.extra["ThisRevisionCreated"] == "20140829T134951+0000"
        assert article.extra["DateAndTime"] == "20140829T135006Z"
        assert article.extra["slugline"] == "Sweden-SAAB"
        assert article.source == "AFP"
        assert article.language == "en"
        assert len(article.paragraphs) == 10

    def test_afp_latin1_label_on_utf8(self) -> None:
        """AFP 2024: declared ISO-8859-1 but written in UTF-8; read as UTF-8 with a defect, French dateline read."""
        [article] = wirecopy.read(corpus_sample("newsml1", "superdesk_afp20.xml"))
        assert [(d.kind, d.message) for d in article.defects] == [
            ("wrong-encoding", "iso-8859-1 is declared but the bytes are UTF-8; they were read as UTF-8")
        ]
        assert article.dateline == Dateline(
            text="Strasbourg, 10 juil 2024 (AFP)", place="Strasbourg", agency="AFP", date=dt.date(2024, 7, 10)
        )
        assert article.extra["copyright"] == "\u00a9 2024 AFP"

    def test_ana_cdata_html(self) -> None:
        """ANA-MPA: CRLF, CDATA headline with white space, HTML body in CDATA, a bare date as dateline, Greek lines."""
        [article] = wirecopy.read(corpus_sample("newsml1", "superdesk_ana1.xml"), errors="strict")
        assert article.headline == "Wage employment balance positive in Jan-March"
        assert article.dateline == Dateline(text="4/4/2018", date=dt.date(2018, 4, 4))
        assert article.subjects == ("09003000", "09003002", "04008004")
        assert article.source == "\u0391\u03a0\u0395-\u039c\u03a0\u0395"
        assert article.language == "EN"
        assert article.extra["subheadline"].startswith("Wage employment in the private sector grew in March")
        assert len(article.paragraphs) == 4

    @pytest.mark.parametrize("name", SAMPLE_NAMES)
    def test_detected(self, name: str) -> None:
        """Detection names newsml-1 for every sample."""
        assert wirecopy.detect(corpus_sample("newsml1", name)).best == "newsml-1"

    @pytest.mark.parametrize("name", SAMPLE_NAMES)
    def test_roundtrip(self, name: str) -> None:
        """dumps(loads(x)) reads back equal, in NewsML's own elements (no wirecopy-article record), and is NewsML 1."""
        found = list(wirecopy.read(corpus_sample("newsml1", name)))
        text = wirecopy.dumps(found, "newsml-1")
        assert "wirecopy-article" not in text
        assert wirecopy.loads(text, "newsml-1", errors="strict") == found
        assert wirecopy.detect(text.encode()).best == "newsml-1"

    @pytest.mark.parametrize("name", SAMPLE_NAMES)
    def test_cli_convert_reads_back_equal(self, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`wirecopy convert --to newsml-1` writes what reads back as the article of the sample."""
        out = tmp_path / "out.xml"
        main(["convert", str(corpus_sample("newsml1", name)), "--to", "newsml-1", "-o", str(out)])
        capsys.readouterr()
        assert list(wirecopy.read(out)) == list(wirecopy.read(corpus_sample("newsml1", name)))


class TestFixtures:
    def test_latin1_two_items(self) -> None:
        """A Latin-1 file: the text item is read, the photo item is reported as skipped."""
        with pytest.warns(SkippedDocumentWarning) as caught:
            [article] = wirecopy.read(NEWSML1 / "latin1-two-items.xml")
        assert [str(w.message) for w in caught] == [
            "NewsItem 'urn:newsml:northwind.example:20210303:march-market-photo:1' skipped: its content is Photo, "
            f"not text (at {NEWSML1 / 'latin1-two-items.xml'}, line 51, column 1)"
        ]
        assert article == Article(
            format="newsml-1",
            id="urn:newsml:northwind.example:20210303:march-market:1",
            source="NWS",
            headline="Le march\u00e9 couvert rouvre ses portes",
            published=dt.datetime(2021, 3, 3, 10, 0, tzinfo=UTC),
            dateline=Dateline(text="Lyon, 3 mars 2021 (NWS)", place="Lyon", agency="NWS", date=dt.date(2021, 3, 3)),
            paragraphs=(
                "Le march\u00e9 couvert de la Croix-Rousse a rouvert mercredi.",
                "Les commer\u00e7ants \u00e9taient soulag\u00e9s.",
            ),
            subjects=("04000000", "04014000"),
            language="fr",
            extra={
                "ProviderId": "northwind.example",
                "DateId": "20210303",
                "NewsItemId": "march-market",
                "RevisionId": "1",
                "NameLabel": "march\u00e9-lyon",
                "Status": "Usable",
                "ThisRevisionCreated": "20210303T101000Z",
                "DateAndTime": "20210303T101500Z",
                "creditline": "NWS",
                "copyright": "\u00a9 2021 Northwind",
            },
        )
        assert (article.origin.line, article.origin.offset) == (6, 152)  # type: ignore[union-attr]
        assert (NEWSML1 / "latin1-two-items.xml").read_bytes()[152:161] == b"<NewsItem"

    @pytest.mark.parametrize("name", ["latin1-two-items.xml", "html-cdata-crlf.xml"])
    def test_roundtrip(self, name: str) -> None:
        """The fixtures' text items are written in NewsML's own elements and read back equal."""
        found = list(wirecopy.read(NEWSML1 / name, errors="skip"))
        assert len(found) == 1
        text = wirecopy.dumps(found, "newsml-1")
        assert "wirecopy-article" not in text
        assert wirecopy.loads(text, "newsml-1", errors="strict") == found

    def test_html_cdata_and_day_first(self) -> None:
        """HTML in CDATA makes paragraphs (entities decoded, empty ones dropped); 5/4/2018 near 4 April is 5 April."""
        [article] = wirecopy.read(NEWSML1 / "html-cdata-crlf.xml", errors="strict")
        assert article.paragraphs == (
            "Harbour tolls will fall by a fifth from June, the port said.",
            "Shipping lines welcomed the cut & asked for more.",
        )
        assert article.dateline == Dateline(text="5/4/2018", date=dt.date(2018, 4, 5))
        assert article.source == "northwind.example"

    def test_bare_paragraphs_in_data_content(self) -> None:
        """DataContent holding p elements directly (AFP's bcNITF) gives those paragraphs."""
        text = (
            '<NewsML><NewsItem><NewsComponent><ContentItem><MediaType FormalName="Text"/><DataContent>'
            "<p>One.</p><p>Two.</p></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>"
        )
        [article] = wirecopy.loads(text, "newsml-1", errors="strict")
        assert article.paragraphs == ("One.", "Two.")

    def test_items_are_read_one_by_one(self) -> None:
        """Several NewsItems in one envelope give several articles, in order, with their lines."""
        item = (
            "<NewsItem><Identification><NewsIdentifier><PublicIdentifier>urn:x:{n}</PublicIdentifier></NewsIdentifier>"
            '</Identification><NewsComponent><ContentItem><MediaType FormalName="Text"/><DataContent>Text {n}.'
            "</DataContent></ContentItem></NewsComponent></NewsItem>\n"
        )
        data = "<NewsML>\n" + "".join(item.format(n=n) for n in range(200)) + "</NewsML>"
        found = wirecopy.loads(data, "newsml-1", errors="strict")
        assert [a.id for a in found] == [f"urn:x:{n}" for n in range(200)]
        assert [a.origin.line for a in found[:3]] == [2, 3, 4]  # type: ignore[union-attr]


# The element order NewsML 1.2 requires of the elements the writer emits,
# checked by hand rather than with a validator.
ORDER = {
    "NewsML": ["Catalog", "TopicSet", "NewsEnvelope", "NewsItem"],
    "NewsEnvelope": ["TransmissionId", "SentFrom", "SentTo", "DateAndTime", "NewsService", "NewsProduct", "Priority"],
    "NewsItem": ["Comment", "Catalog", "Identification", "NewsManagement", "NewsComponent"],
    "Identification": ["NewsIdentifier", "NameLabel", "DateLabel", "Label"],
    "NewsIdentifier": ["ProviderId", "DateId", "NewsItemId", "RevisionId", "PublicIdentifier"],
    "NewsManagement": [
        "NewsItemType",
        "FirstCreated",
        "ThisRevisionCreated",
        "Status",
        "StatusWillChange",
        "Urgency",
        "RevisionHistory",
        "DerivedFrom",
        "AssociatedWith",
        "Instruction",
        "Property",
    ],
    "NewsComponent": [
        "Comment",
        "Catalog",
        "TopicSet",
        "Role",
        "BasisForChoice",
        "NewsLines",
        "AdministrativeMetadata",
        "RightsMetadata",
        "DescriptiveMetadata",
        "Metadata",
        "ContentItem",
    ],
    "AdministrativeMetadata": ["Catalog", "FileName", "SystemIdentifier", "Provider", "Creator", "Source"],
    "DescriptiveMetadata": [
        "Catalog",
        "Language",
        "Genre",
        "SubjectCode",
        "OfInterestTo",
        "DateLineDate",
        "Location",
        "TopicOccurrence",
        "Property",
    ],
    "ContentItem": [
        "Comment",
        "Catalog",
        "Encoding",
        "MediaType",
        "Format",
        "MimeType",
        "Characteristics",
        "DataContent",
    ],
    # NITF 3.x, inside DataContent.
    "body": ["body.head", "body.content", "body.end"],
    "body.head": ["hedline", "note", "rights", "byline", "distributor", "dateline", "abstract", "series"],
}
# Exactly one of each, in NewsML 1.2.
REQUIRED = {
    "NewsEnvelope": ["DateAndTime"],
    "NewsItem": ["Identification", "NewsManagement"],
    "NewsIdentifier": ["ProviderId", "DateId", "NewsItemId", "RevisionId", "PublicIdentifier"],
    "NewsManagement": ["NewsItemType", "FirstCreated", "ThisRevisionCreated", "Status"],
}


def check_schema_order(element: ET.Element) -> None:
    """Assert the children of every element the writer emits come in NewsML 1.2's order, required ones once."""
    order = ORDER.get(element.tag)
    names = [child.tag for child in element]
    if order is not None:
        positions = [order.index(name) for name in names]
        assert positions == sorted(positions), (element.tag, names)
    for name in REQUIRED.get(element.tag, ()):
        assert names.count(name) == 1, (element.tag, name, names)
    for child in element:
        check_schema_order(child)


def _nitf_parts(root: ET.Element) -> dict[str, bytes]:
    """The body.content, abstract and body.end of a document, namespace and indentation removed."""
    found = {}
    for element in root.iter():
        name = element.tag.rpartition("}")[2]
        if name in ("body.content", "abstract", "body.end", "byline"):
            for item in element.iter():
                item.tag = item.tag.rpartition("}")[2]
                item.tail = None
                if item.text is not None and not item.text.strip():
                    item.text = None
            found[name] = ET.tostring(element)
    return found


class TestWrite:
    @given(articles_for("newsml-1"))
    def test_native_roundtrip(self, article: Article) -> None:
        """Articles NewsML 1 can hold read back equal, without a wirecopy-article record."""
        text = wirecopy.dumps(article, "newsml-1")
        assert "wirecopy-article" not in text
        assert wirecopy.loads(text, "newsml-1", errors="strict") == [article]

    @given(articles())
    def test_any_article_roundtrip(self, article: Article) -> None:
        """Any article at all reads back equal (format aside): what NewsML 1 cannot hold goes in the record."""
        assert wirecopy.loads(wirecopy.dumps(article, "newsml-1"), "newsml-1", errors="strict") == [
            attrs.evolve(article, format="newsml-1")
        ]

    @given(st.lists(articles_for("newsml-1"), min_size=2, max_size=3))
    def test_many_roundtrip(self, many: list[Article]) -> None:
        """Several articles are one envelope of NewsItems, read back in order; the envelope date is the first's."""
        text = wirecopy.dumps(many, "newsml-1")
        root = ET.fromstring(text.encode())
        assert [child.tag for child in root] == ["NewsEnvelope"] + ["NewsItem"] * len(many)
        assert root.findtext("NewsEnvelope/DateAndTime") == (many[0].extra.get("DateAndTime") or "")
        assert wirecopy.loads(text, "newsml-1", errors="strict") == many

    @given(articles_for("newsml-1"))
    def test_schema_order(self, article: Article) -> None:
        """The written document is NewsML 1.2, its elements in the schema's order, the required ones present."""
        root = ET.fromstring(wirecopy.dumps(article, "newsml-1").encode())
        assert (root.tag, root.get("Version")) == ("NewsML", "1.2")
        check_schema_order(root)

    @given(articles_for("newsml-1"))
    def test_body_is_the_nitf_writers(self, article: Article) -> None:
        """DataContent's NITF holds paragraphs, abstract, byline title and tagline as the nitf writer writes them."""
        ours = _nitf_parts(ET.fromstring(wirecopy.dumps(article, "newsml-1").encode()))
        nitf = _nitf_parts(ET.fromstring(wirecopy.dumps(attrs.evolve(article, format="nitf"), "nitf").encode()))
        if "byline" in ours:
            assert ours.pop("byline") == nitf["byline"]
        nitf.pop("byline", None)
        assert ours == nitf

    def test_no_articles(self) -> None:
        """Writing no articles writes nothing."""
        assert wirecopy.dumps([], "newsml-1") == ""

    def test_written_layout(self) -> None:
        """The writer's output for a typical article, element by element."""
        article = Article(
            format="newsml-1",
            id="urn:newsml:northwind.example:20210303:market:1",
            source="NWS",
            headline="Covered market reopens",
            byline="By Anne Roux",
            published=dt.datetime(2021, 3, 3, 10, 0, tzinfo=UTC),
            dateline=Dateline(
                text="LYON, Rhone (NWS) --", place="LYON", region="Rhone", agency="NWS", date=dt.date(2021, 3, 3)
            ),
            paragraphs=("The covered market reopened on Wednesday.", "Traders were relieved."),
            highlights=("Market back.",),
            subjects=("04000000", "04014000"),
            language="en",
            extra={
                "ProviderId": "northwind.example",
                "DateId": "20210303",
                "NewsItemId": "market",
                "RevisionId": "1",
                "Status": "Usable",
                "Urgency": "4",
                "DateAndTime": "20210303T101500Z",
                "copyright": "(c) 2021 Northwind",
                "byline_title": "Markets reporter",
                "tagline": "Reporting by Anne Roux",
            },
        )
        text = wirecopy.dumps(article, "newsml-1")
        assert text == (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<NewsML Version="1.2">\n'
            "  <NewsEnvelope>\n"
            "    <DateAndTime>20210303T101500Z</DateAndTime>\n"
            "  </NewsEnvelope>\n"
            "  <NewsItem>\n"
            "    <Identification>\n"
            "      <NewsIdentifier>\n"
            "        <ProviderId>northwind.example</ProviderId>\n"
            "        <DateId>20210303</DateId>\n"
            "        <NewsItemId>market</NewsItemId>\n"
            '        <RevisionId PreviousRevision="0" Update="N">1</RevisionId>\n'
            "        <PublicIdentifier>urn:newsml:northwind.example:20210303:market:1</PublicIdentifier>\n"
            "      </NewsIdentifier>\n"
            "    </Identification>\n"
            "    <NewsManagement>\n"
            '      <NewsItemType FormalName="News"/>\n'
            "      <FirstCreated>20210303T100000+0000</FirstCreated>\n"
            "      <ThisRevisionCreated/>\n"
            '      <Status FormalName="Usable"/>\n'
            '      <Urgency FormalName="4"/>\n'
            "    </NewsManagement>\n"
            "    <NewsComponent>\n"
            "      <NewsLines>\n"
            "        <HeadLine>Covered market reopens</HeadLine>\n"
            "        <ByLine>By Anne Roux</ByLine>\n"
            "        <DateLine>LYON, Rhone (NWS) --</DateLine>\n"
            "        <CopyrightLine>(c) 2021 Northwind</CopyrightLine>\n"
            "      </NewsLines>\n"
            "      <AdministrativeMetadata>\n"
            '        <Provider><Party FormalName="NWS"/></Provider>\n'
            "      </AdministrativeMetadata>\n"
            "      <DescriptiveMetadata>\n"
            '        <Language FormalName="en"/>\n'
            "        <SubjectCode>\n"
            '          <Subject FormalName="04000000"/>\n'
            '          <SubjectMatter FormalName="04014000"/>\n'
            "        </SubjectCode>\n"
            "        <DateLineDate>20210303</DateLineDate>\n"
            '        <Location HowPresent="Origin"><Property FormalName="City" Value="LYON"/></Location>\n'
            "      </DescriptiveMetadata>\n"
            "      <ContentItem>\n"
            '        <MediaType FormalName="Text"/>\n'
            '        <Format FormalName="NITF3.1"/>\n'
            "        <DataContent>\n"
            "          <nitf>\n"
            "            <body>\n"
            "              <body.head>\n"
            "                <byline>By Anne Roux<byttl>Markets reporter</byttl></byline>\n"
            "                <abstract>\n"
            "                  <p>Market back.</p>\n"
            "                </abstract>\n"
            "              </body.head>\n"
            "              <body.content>\n"
            "                <p>The covered market reopened on Wednesday.</p>\n"
            "                <p>Traders were relieved.</p>\n"
            "              </body.content>\n"
            "              <body.end>\n"
            "                <tagline>Reporting by Anne Roux</tagline>\n"
            "              </body.end>\n"
            "            </body>\n"
            "          </nitf>\n"
            "        </DataContent>\n"
            "      </ContentItem>\n"
            "    </NewsComponent>\n"
            "  </NewsItem>\n"
            "</NewsML>\n"
        )
        assert wirecopy.loads(text, "newsml-1", errors="strict") == [article]

    def test_required_elements_written_empty(self) -> None:
        """An article with nothing but an id still has every element NewsML requires, empty where unknown."""
        text = wirecopy.dumps(Article(format="newsml-1", id="urn:x:1"), "newsml-1")
        assert text == (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<NewsML Version="1.2">\n'
            "  <NewsEnvelope>\n"
            "    <DateAndTime/>\n"
            "  </NewsEnvelope>\n"
            "  <NewsItem>\n"
            "    <Identification>\n"
            "      <NewsIdentifier>\n"
            "        <ProviderId/>\n"
            "        <DateId/>\n"
            "        <NewsItemId/>\n"
            '        <RevisionId PreviousRevision="0" Update="N"></RevisionId>\n'
            "        <PublicIdentifier>urn:x:1</PublicIdentifier>\n"
            "      </NewsIdentifier>\n"
            "    </Identification>\n"
            "    <NewsManagement>\n"
            '      <NewsItemType FormalName="News"/>\n'
            "      <FirstCreated/>\n"
            "      <ThisRevisionCreated/>\n"
            '      <Status FormalName=""/>\n'
            "    </NewsManagement>\n"
            "    <NewsComponent>\n"
            "    </NewsComponent>\n"
            "  </NewsItem>\n"
            "</NewsML>\n"
        )
        assert wirecopy.loads(text, "newsml-1", errors="strict") == [Article(format="newsml-1", id="urn:x:1")]

    @pytest.mark.parametrize(
        ("published", "first_created"),
        [
            (dt.date(2021, 3, 3), "20210303"),
            (dt.datetime(2021, 3, 3, 10, 0, 5), "20210303T100005"),
            (dt.datetime(2018, 4, 4, 17, 58, 59, tzinfo=tz(3)), "20180404T175859+0300"),
        ],
    )
    def test_dates(self, published: dt.date, first_created: str) -> None:
        """`published` is FirstCreated, ISO 8601 basic, and reads back with its precision and zone."""
        text = wirecopy.dumps(Article(format="newsml-1", published=published), "newsml-1")
        assert f"<FirstCreated>{first_created}</FirstCreated>" in text
        [again] = wirecopy.loads(text, "newsml-1", errors="strict")
        assert again.published == published
        assert type(again.published) is type(published)

    def test_what_newsml_cannot_hold_goes_in_the_record(self) -> None:
        """A control character and an unknown extra key are kept in the wirecopy-article property."""
        article = Article(format="newsml-1", headline="Bell\x07 rings", extra={"custom": [1, 2]})
        text = wirecopy.dumps(article, "newsml-1")
        assert "<HeadLine>Bell rings</HeadLine>" in text
        assert (
            '      <Property FormalName="wirecopy-article" Value="{&quot;extra&quot;:{&quot;custom&quot;:[1,2]},'
            '&quot;headline&quot;:&quot;Bell\\u0007 rings&quot;}"/>\n    </NewsManagement>'
        ) in text
        assert wirecopy.loads(text, "newsml-1", errors="strict") == [article]

    def test_raw_dates_that_are_not_dates_go_in_the_record(self) -> None:
        """Raw dates that are not dates stay out of the date elements, so the output reads under strict."""
        article = Article(
            format="newsml-1",
            published=dt.datetime(2020, 1, 1, tzinfo=UTC),
            extra={"FirstCreated": "soon", "DateAndTime": "later"},
        )
        text = wirecopy.dumps(article, "newsml-1")
        assert "<DateAndTime/>" in text
        assert "<FirstCreated>20200101T000000+0000</FirstCreated>" in text
        assert (
            '<Property FormalName="wirecopy-article" Value="{&quot;extra&quot;:'
            '{&quot;DateAndTime&quot;:&quot;later&quot;,&quot;FirstCreated&quot;:&quot;soon&quot;}}"/>'
        ) in text
        assert wirecopy.loads(text, "newsml-1", errors="strict") == [article]

    def test_envelope_date_of_a_later_item(self) -> None:
        """A later article's own DateAndTime, which the envelope cannot hold, is kept in its record."""
        first = Article(
            format="newsml-1", id="a", published=dt.date(2021, 3, 3), extra={"DateAndTime": "20210303T1015Z"}
        )
        second = Article(
            format="newsml-1", id="b", published=dt.date(2021, 3, 4), extra={"DateAndTime": "20210304T0900Z"}
        )
        text = wirecopy.dumps([first, second], "newsml-1")
        assert text.count("wirecopy-article") == 1
        assert wirecopy.loads(text, "newsml-1", errors="strict") == [first, second]

    def test_bad_record_is_a_defect(self) -> None:
        """A wirecopy-article property that is not JSON is ignored with a defect."""
        text = (
            '<NewsML><NewsItem><NewsManagement><Property FormalName="wirecopy-article" Value="[1]"/>'
            "</NewsManagement></NewsItem></NewsML>"
        )
        [article] = wirecopy.loads(text, "newsml-1")
        assert [(d.kind, d.message) for d in article.defects] == [
            ("bad-overrides", "the wirecopy-article record was ignored: not an object of article fields")
        ]
        assert article.extra == {}


class TestBadInput:
    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"", "empty input: no NewsML document found (at bad.xml, line 1, column 1)"),
            (
                b"<NewsItem/>",
                "not a NewsML 1 document: the root element is <NewsItem>, not <NewsML> (at bad.xml, line 1, column 1)",
            ),
            (b"<NewsML><NewsItem>\n</NewsML>", "invalid XML: mismatched tag (at bad.xml, line 2, column 3)"),
        ],
    )
    def test_strict_messages(self, data: bytes, message: str) -> None:
        """Each kind of bad input raises ParseError with the whole message and position."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "newsml-1", errors="strict", filename="bad.xml")
        assert str(info.value) == message

    def test_bad_date_is_a_defect(self) -> None:
        """A FirstCreated that is not a date is a defect; the envelope's date stands in."""
        text = (
            "<NewsML><NewsEnvelope><DateAndTime>20200101T000000Z</DateAndTime></NewsEnvelope><NewsItem>"
            "<NewsManagement><FirstCreated>soon</FirstCreated></NewsManagement></NewsItem></NewsML>"
        )
        [article] = wirecopy.loads(text, "newsml-1")
        assert article.published == dt.datetime(2020, 1, 1, tzinfo=UTC)
        assert [d.kind for d in article.defects] == ["bad-date"]
        assert article.extra["FirstCreated"] == "soon"

    def test_reader_streams(self) -> None:
        """iter_load() reads a NewsML stream lazily, item by item."""
        reader = wirecopy.iter_load(
            io.BytesIO((NEWSML1 / "html-cdata-crlf.xml").read_bytes()), "newsml-1", errors="strict"
        )
        assert next(reader).headline == "Harbour tolls to fall"


class TestAgencyConventions:
    def test_dtd_boilerplate_is_read(self) -> None:
        """The NewsML 1.2 DOCTYPE boilerplate (an external parameter entity) is accepted, under strict."""
        [article] = wirecopy.read(NEWSML1 / "dtd-boilerplate-latin9.xml", errors="strict")
        assert article.headline == "Une vache s'\u00e9chappe et visite la gare de Sion (VS)"
        assert article.paragraphs[1].endswith("80 \u20ac.")
        assert article.language == "FR"

    def test_news_lines_are_kept_by_type(self) -> None:
        """Each NewsLine's text is kept in extra under its NewsLineType."""
        [article] = wirecopy.read(NEWSML1 / "dtd-boilerplate-latin9.xml", errors="strict")
        assert article.extra["newsline"] == {"CatchWord": "Animaux", "storyType": "news"}

    def test_complex_data_with_a_nitf_mime_type_is_text(self) -> None:
        """A ContentItem whose MediaType is ComplexData but whose MimeType is NITF is read as the body."""
        [article] = wirecopy.read(NEWSML1 / "complexdata-nested-components.xml", errors="strict")
        assert article.paragraphs[0].startswith("Ferries to the outer islands")
        assert article.headline == "Ferry service to the islands resumes after the storm"

    def test_nested_components(self) -> None:
        """Language from a NewsComponent's xml:lang, news lines from every NewsLines, the origin city as place."""
        [article] = wirecopy.read(NEWSML1 / "complexdata-nested-components.xml", errors="strict")
        assert article.language == "en"
        assert article.extra["copyright"] == "(c) Example Agency 2020"
        assert article.extra["slugline"] == "URGENT"
        assert article.dateline == Dateline(text="March 3", place="VLADIVOSTOK", date=dt.date(2020, 3, 3))

    def test_a_picture_with_a_text_mime_type_is_still_left_out(self) -> None:
        """A ContentItem that is not text by MediaType nor by MimeType leaves the item out, as before."""
        data = (
            "<NewsML><NewsItem><NewsComponent><ContentItem><MediaType FormalName='Photo'/>"
            "<MimeType FormalName='image/jpeg'/></ContentItem></NewsComponent></NewsItem></NewsML>"
        )
        reader = wirecopy.iter_load(io.BytesIO(data.encode()), "newsml-1", errors="skip")
        assert list(reader) == []
        assert [error.kind for error in reader.skipped] == ["not-text-item"]

    def test_no_headline_stays_none(self) -> None:
        """An empty HeadLine and a body without hl1 give no headline: none is made up from the body."""
        data = (
            "<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine/></NewsLines><ContentItem>"
            "<DataContent><nitf><body><body.content><p>First words.</p></body.content></body></nitf>"
            "</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>"
        )
        [article] = wirecopy.loads(data, "newsml-1", errors="strict")
        assert article.headline is None
        assert article.paragraphs == ("First words.",)

    def test_news_lines_are_written_back(self) -> None:
        """NewsLine texts are written as NewsLine elements, and read back without a record."""
        [article] = wirecopy.read(NEWSML1 / "dtd-boilerplate-latin9.xml", errors="strict")
        text = wirecopy.dumps(article, "newsml-1")
        assert '<NewsLineType FormalName="CatchWord"/><NewsLineText>Animaux</NewsLineText>' in text
        assert "wirecopy-article" not in text
        assert wirecopy.loads(text, "newsml-1", errors="strict")[0].extra["newsline"] == article.extra["newsline"]
