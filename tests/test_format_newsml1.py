"""The newsml-1 format: real samples, Latin-1 files, NewsLines, bodies, several items, and bad input."""

from __future__ import annotations

import contextlib
import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, Dateline, ParseError, SkippedDocumentWarning

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
        """load() reads a NewsML stream lazily, item by item."""
        reader = wirecopy.load(io.BytesIO((NEWSML1 / "html-cdata-crlf.xml").read_bytes()), "newsml-1", errors="strict")
        assert next(reader).headline == "Harbour tolls to fall"

    @given(st.data())
    def test_mutated_real_samples(self, data: st.DataObject) -> None:
        """Real samples with random bytes changed raise nothing but ParseError (strict), and nothing under skip."""
        name = data.draw(st.sampled_from(SAMPLE_NAMES))
        original = bytearray(corpus_sample("newsml1", name).read_bytes())
        for _ in range(data.draw(st.integers(1, 8))):
            original[data.draw(st.integers(0, len(original) - 1))] = data.draw(st.integers(0, 255))
        with contextlib.suppress(ParseError):
            wirecopy.loads(bytes(original), "newsml-1", errors="strict")
        wirecopy.loads(bytes(original), "newsml-1", errors="skip")
