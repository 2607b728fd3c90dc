"""The rcv1-xml format: real samples, codes and dc elements, datelines, encodings, writing, and bad input."""

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
from wirecopy import Article, Dateline, ParseError
from wirecopy.cli import main
from wirecopy.strategies import articles, articles_for

from .conftest import DATA, corpus_sample

RCV1 = DATA / "rcv1-xml"

# (file, id, date, headline, dateline text, dateline place, dateline date, first words, subjects)
SAMPLES = [
    (
        "grobid-ner_100100newsML.xml",
        "100100",
        dt.date(1996, 10, 7),
        "Sept U.S. layoffs up from Aug but still low - report.",
        "NEW YORK 1996-10-07",
        "NEW YORK",
        dt.date(1996, 10, 7),
        "U.S. layoffs rose last month,",
        ("USA", "C42", "CCAT", "E41", "ECAT", "GCAT", "GJOB"),
    ),
    (
        "grobid-ner_2286newsML.xml",
        "2286",
        dt.date(1996, 8, 20),
        "Recovery excitement brings Mexican markets to life.",
        "MEXICO CITY",
        "MEXICO CITY",
        None,
        "Emerging evidence that Mexico's economy",
        ("MEX", "E11", "ECAT", "M11", "M12", "MCAT"),
    ),
    (
        "tm_rcv1_2330.xml",
        "2330",
        dt.date(1996, 8, 20),
        "Tylan stock jumps; weighs sale of company.",
        "SAN DIEGO",
        "SAN DIEGO",
        None,
        "The stock of Tylan General",
        ("USA", "I34420", "C15", "C152", "C18", "C181", "CCAT"),
    ),
]
SAMPLE_NAMES = [sample[0] for sample in SAMPLES]


class TestRealSamples:
    @pytest.mark.parametrize(
        ("name", "id_", "date", "headline", "dateline", "place", "dateline_date", "first", "subjects"),
        SAMPLES,
        ids=SAMPLE_NAMES,
    )
    def test_key_fields(
        self,
        name: str,
        id_: str,
        date: dt.date,
        headline: str,
        dateline: str,
        place: str,
        dateline_date: dt.date | None,
        first: str,
        subjects: tuple[str, ...],
    ) -> None:
        """Each real sample reads into the expected id, date, headline, dateline, body and codes."""
        [article] = wirecopy.read(corpus_sample("rcv1-xml", name), "rcv1", errors="strict")
        assert article.format == "rcv1-xml"
        assert article.id == id_
        assert article.published == date and type(article.published) is dt.date
        assert article.headline == headline
        assert article.dateline == Dateline(text=dateline, place=place, date=dateline_date)
        assert article.paragraphs[0].startswith(first)
        assert article.subjects == subjects
        assert article.source == "Reuters"
        assert article.language == "en"
        assert article.extra["copyright"] == "(c) Reuters Limited 1996"

    def test_crlf_sample(self) -> None:
        """2286: CRLF line ends, a byline, and codes by class in extra."""
        [article] = wirecopy.read(corpus_sample("rcv1-xml", "grobid-ner_2286newsML.xml"), errors="strict")
        assert article.byline == "Henry Tricks"
        assert article.extra["codes"] == {"countries": ("MEX",), "topics": ("E11", "ECAT", "M11", "M12", "MCAT")}
        assert article.extra["title"] == "MEXICO: Recovery excitement brings Mexican markets to life."
        assert article.extra["title_country"] == "MEXICO"
        assert "\r" not in "".join(article.paragraphs)

    def test_wrapped_paragraphs(self) -> None:
        """tm's copy: hard-wrapped lines inside a paragraph are joined with single spaces; industries kept."""
        [article] = wirecopy.read(corpus_sample("rcv1-xml", "tm_rcv1_2330.xml"), errors="strict")
        assert "\n" not in article.paragraphs[0]
        assert len(article.paragraphs) == 3
        assert article.extra["codes"]["industries"] == ("I34420",)
        assert article.extra["dc"]["dc.creator.location"] == "SAN DIEGO"

    @pytest.mark.parametrize("name", SAMPLE_NAMES)
    def test_detected(self, name: str) -> None:
        """Detection names rcv1-xml for every sample."""
        assert wirecopy.detect(corpus_sample("rcv1-xml", name)).best == "rcv1-xml"

    @pytest.mark.parametrize("name", SAMPLE_NAMES)
    def test_roundtrip(self, name: str) -> None:
        """dumps(loads(x)) reads back equal, in RCV1's own elements (no wirecopy-article record), and is RCV1."""
        found = list(wirecopy.read(corpus_sample("rcv1-xml", name), errors="strict"))
        text = wirecopy.dumps(found, "rcv1-xml")
        assert "wirecopy-article" not in text
        assert wirecopy.loads(text, "rcv1-xml", errors="strict") == found
        assert wirecopy.detect(text.encode("ascii")).best == "rcv1-xml"

    @pytest.mark.parametrize("name", SAMPLE_NAMES)
    def test_cli_convert_reads_back_equal(self, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`wirecopy convert --to rcv1` writes what reads back as the article of the sample."""
        out = tmp_path / "out.xml"
        main(["convert", str(corpus_sample("rcv1-xml", name)), "--to", "rcv1", "-o", str(out)])
        capsys.readouterr()
        assert list(wirecopy.read(out)) == list(wirecopy.read(corpus_sample("rcv1-xml", name)))


class TestFixtures:
    def test_latin1_crlf(self) -> None:
        """A Latin-1, CRLF newsitem reads every field, dc repeats folded."""
        [article] = wirecopy.read(RCV1 / "crlf-latin1.xml", errors="strict")
        assert article == Article(
            format="rcv1-xml",
            id="900001",
            source="Reuters",
            headline="Paris caf\u00e9 chain plans expansion.",
            byline="Marie Dupont",
            published=dt.date(1997, 2, 3),
            dateline=Dateline(text="PARIS 1997-02-03", place="PARIS", date=dt.date(1997, 2, 3)),
            paragraphs=(
                "A Paris caf\u00e9 chain said on Monday it would open twelve new outlets this year.",
                "The company did not give figures.",
            ),
            subjects=("FRA", "I66100", "C21", "CCAT"),
            language="en",
            extra={
                "title": "FRANCE: Paris caf\u00e9 chain plans expansion.",
                "title_country": "FRANCE",
                "codes": {"countries": ["FRA"], "industries": ["I66100"], "topics": ["C21", "CCAT"]},
                "dc": {
                    "dc.date.created": "1997-02-03",
                    "dc.publisher": "Reuters Holdings Plc",
                    "dc.source": "Reuters",
                    "dc.creator.location": "PARIS",
                    "dc.creator.location.country.name": "FRANCE",
                },
                "copyright": "(c) Reuters Limited 1997",
            },
        )

    def test_roundtrip(self) -> None:
        """The Latin-1 fixture is written in RCV1's own elements and reads back equal."""
        found = list(wirecopy.read(RCV1 / "crlf-latin1.xml", errors="strict"))
        text = wirecopy.dumps(found, "rcv1-xml")
        assert "wirecopy-article" not in text
        assert "caf&#233;" in text
        assert wirecopy.loads(text, "rcv1-xml", errors="strict") == found

    def test_str_input(self) -> None:
        """Text input is read as text even though the declaration says ISO-8859-1."""
        text = (RCV1 / "crlf-latin1.xml").read_bytes().decode("latin-1")
        assert wirecopy.loads(text, "rcv1-xml", errors="strict") == list(wirecopy.read(RCV1 / "crlf-latin1.xml"))

    def test_differing_dc_values_are_all_kept(self) -> None:
        """A dc element repeated with different values keeps them all, in order."""
        text = (
            '<newsitem itemid="1" date="1996-08-20"><metadata><dc element="dc.source" value="A"/>'
            '<dc element="dc.source" value="B"/><dc element="dc.source" value="A"/></metadata></newsitem>'
        )
        [article] = wirecopy.loads(text, "rcv1-xml", errors="strict")
        assert article.extra["dc"] == {"dc.source": ("A", "B")}
        assert article.source is None


class TestWrite:
    @given(articles_for("rcv1-xml"))
    def test_native_roundtrip(self, article: Article) -> None:
        """Articles RCV1 can hold read back equal, without a wirecopy-article record, from bytes and from text."""
        text = wirecopy.dumps(article, "rcv1-xml")
        assert "wirecopy-article" not in text
        assert wirecopy.loads(text, "rcv1-xml", errors="strict") == [article]
        assert wirecopy.loads(text.encode("ascii"), "rcv1-xml", errors="strict") == [article]

    @given(articles())
    def test_any_article_roundtrip(self, article: Article) -> None:
        """Any article at all reads back equal (format aside): what RCV1 cannot hold goes in the record."""
        assert wirecopy.loads(wirecopy.dumps(article, "rcv1-xml"), "rcv1-xml", errors="strict") == [
            attrs.evolve(article, format="rcv1-xml")
        ]

    @given(st.lists(articles_for("rcv1-xml"), min_size=2, max_size=3))
    def test_many_roundtrip(self, many: list[Article]) -> None:
        """Several articles are written as newsitem documents one after another and read back in order."""
        text = wirecopy.dumps(many, "rcv1-xml")
        assert text.count("<?xml ") == len(many)
        assert wirecopy.loads(text, "rcv1-xml", errors="strict") == many

    def test_no_articles(self) -> None:
        """Writing no articles writes nothing."""
        assert wirecopy.dumps([], "rcv1-xml") == ""

    def test_written_layout(self) -> None:
        """The writer's output for a typical article, element by element, in ASCII with character references."""
        article = Article(
            format="rcv1-xml",
            id="900002",
            source="Reuters",
            headline="Caf\u00e9 chain \u201cexpands\u201d in \u20ac zone.",
            byline="Marie Dupont",
            published=dt.date(1997, 2, 4),
            dateline=Dateline(text="PARIS 1997-02-04", place="PARIS", date=dt.date(1997, 2, 4)),
            paragraphs=("A caf\u00e9 chain said on Tuesday it would open outlets & kiosks.", "No figures."),
            subjects=("FRA", "C21", "CCAT"),
            language="en",
            extra={
                "title": "FRANCE: Caf\u00e9 chain \u201cexpands\u201d in \u20ac zone.",
                "title_country": "FRANCE",
                "codes": {"countries": ["FRA"], "topics": ["C21", "CCAT"]},
                "dc": {"dc.publisher": "Reuters Holdings Plc", "dc.source": "Reuters", "dc.creator.location": "PARIS"},
                "copyright": "(c) Reuters Limited 1997",
            },
        )
        text = wirecopy.dumps(article, "rcv1-xml")
        assert text == (
            '<?xml version="1.0" encoding="iso-8859-1" ?>\n'
            '<newsitem itemid="900002" id="root" date="1997-02-04" xml:lang="en">\n'
            "<title>FRANCE: Caf&#233; chain &#8220;expands&#8221; in &#8364; zone.</title>\n"
            "<headline>Caf&#233; chain &#8220;expands&#8221; in &#8364; zone.</headline>\n"
            "<byline>Marie Dupont</byline>\n"
            "<dateline>PARIS 1997-02-04</dateline>\n"
            "<text>\n"
            "<p>A caf&#233; chain said on Tuesday it would open outlets &amp; kiosks.</p>\n"
            "<p>No figures.</p>\n"
            "</text>\n"
            "<copyright>(c) Reuters Limited 1997</copyright>\n"
            "<metadata>\n"
            '<codes class="bip:countries:1.0">\n'
            '  <code code="FRA"> </code>\n'
            "</codes>\n"
            '<codes class="bip:topics:1.0">\n'
            '  <code code="C21"> </code>\n'
            '  <code code="CCAT"> </code>\n'
            "</codes>\n"
            '<dc element="dc.publisher" value="Reuters Holdings Plc"/>\n'
            '<dc element="dc.source" value="Reuters"/>\n'
            '<dc element="dc.creator.location" value="PARIS"/>\n'
            "</metadata>\n"
            "</newsitem>\n"
        )
        assert wirecopy.loads(text, "rcv1-xml", errors="strict") == [article]

    def test_encoding(self) -> None:
        """The output declares ISO-8859-1 and is ASCII: every character survives as bytes, as text, or as XML."""
        headline = "\u00e9\u00ff \u0153 \u20ac \u4e2d \U0001f600 \x85"
        data = wirecopy.dumps(Article(format="rcv1-xml", id="1", headline=headline), "rcv1-xml").encode("ascii")
        assert data.startswith(b'<?xml version="1.0" encoding="iso-8859-1" ?>\n')
        assert b"<headline>&#233;&#255; &#339; &#8364; &#20013; &#128512; &#133;</headline>" in data
        assert ET.fromstring(data).findtext("headline") == headline
        assert ET.fromstring(data.decode("latin-1")).findtext("headline") == headline
        [article] = wirecopy.load(io.BytesIO(data), "rcv1-xml", errors="strict")
        assert article.headline == headline

    @pytest.mark.parametrize(
        ("published", "attribute"),
        [
            (dt.date(1996, 8, 20), "1996-08-20"),
            (dt.datetime(1996, 8, 20, 14, 5, 9), "1996-08-20T14:05:09"),
            (dt.datetime(1996, 8, 20, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=-5))), "1996-08-20T14:05:00-05:00"),
            # A zone with seconds is cut to the minute; the record keeps it whole.
            (
                dt.datetime(1996, 8, 20, 14, 5, tzinfo=dt.timezone(-dt.timedelta(hours=5, minutes=30, seconds=15))),
                "1996-08-20T14:05:00-05:30",
            ),
        ],
    )
    def test_dates(self, published: dt.date, attribute: str) -> None:
        """`published` is the date attribute, ISO 8601, and reads back with its precision and zone."""
        text = wirecopy.dumps(Article(format="rcv1-xml", id="7", published=published), "rcv1-xml")
        assert f'<newsitem itemid="7" id="root" date="{attribute}">' in text
        [again] = wirecopy.loads(text, "rcv1-xml", errors="strict")
        assert again.published == published
        assert type(again.published) is type(published)
        if isinstance(published, dt.datetime):
            assert again.published.utcoffset() == published.utcoffset()  # type: ignore[union-attr]

    def test_code_classes(self) -> None:
        """A short code class is written as bip:CLASS:1.0; a class kept whole is written as it came."""
        article = Article(
            format="rcv1-xml",
            id="8",
            subjects=("X1", "Y2"),
            extra={"codes": {"regions": ["X1"], "acme:codes:v2": ["Y2"]}},
        )
        text = wirecopy.dumps(article, "rcv1-xml")
        assert '<codes class="bip:regions:1.0">' in text
        assert '<codes class="acme:codes:v2">' in text
        assert "wirecopy-article" not in text
        assert wirecopy.loads(text, "rcv1-xml", errors="strict") == [article]

    def test_source_becomes_dc_source(self) -> None:
        """A source with no dc.source is written as one, RCV1's only place for it; the record restores extra."""
        article = Article(format="rcv1-xml", id="9", source="Northwind")
        text = wirecopy.dumps(article, "rcv1-xml")
        assert '<dc element="dc.source" value="Northwind"/>' in text
        assert '<dc element="wirecopy-article" value="{&quot;extra&quot;:{}}"/>' in text
        assert wirecopy.loads(text, "rcv1-xml", errors="strict") == [article]

    def test_what_rcv1_cannot_hold_goes_in_the_record(self) -> None:
        """Highlights, a subject outside the codes and a control character are kept in the wirecopy-article dc."""
        article = Article(
            format="rcv1-xml", id="10", headline="Bell\x07 rings", highlights=("Short.",), subjects=("04000000",)
        )
        text = wirecopy.dumps(article, "rcv1-xml")
        assert "<headline>Bell rings</headline>" in text
        assert (
            '<dc element="wirecopy-article" value="{&quot;headline&quot;:&quot;Bell\\u0007 rings&quot;,'
            '&quot;highlights&quot;:[&quot;Short.&quot;],&quot;subjects&quot;:[&quot;04000000&quot;]}"/>'
        ) in text
        assert wirecopy.loads(text, "rcv1-xml", errors="strict") == [article]

    def test_bad_record_is_a_defect(self) -> None:
        """A wirecopy-article dc that is not JSON is ignored with a defect, and is not kept among the dc elements."""
        text = '<newsitem itemid="1"><metadata><dc element="wirecopy-article" value="{oops"/></metadata></newsitem>'
        [article] = wirecopy.loads(text, "rcv1-xml")
        assert [(d.kind, d.message) for d in article.defects] == [
            (
                "bad-overrides",
                "the wirecopy-article record was ignored: "
                "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
            )
        ]
        assert article.extra == {}


class TestBadInput:
    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"", "empty input: no RCV1 newsitem found (at bad.xml, line 1, column 1)"),
            (
                b"<newsItem/>",
                "not an RCV1 document: the root element is <newsItem>, not <newsitem> (at bad.xml, line 1, column 1)",
            ),
            (
                b'<?xml version="1.0" encoding="iso-8859-1" ?>\n<newsitem itemid="1" date="1996-13-45"/>',
                "invalid date '1996-13-45': month 13 is out of range (at bad.xml, line 2, column 33)",
            ),
        ],
    )
    def test_strict_messages(self, data: bytes, message: str) -> None:
        """Each kind of bad input raises ParseError with the whole message and position."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "rcv1-xml", errors="strict", filename="bad.xml")
        assert str(info.value) == message


def _dated(itemid: int, date: str, dateline: str) -> bytes:
    return (
        f'<newsitem itemid="{itemid}" date="{date}"><title>T</title><headline>H</headline>'
        f"<dateline>{dateline}</dateline><text><p>Text.</p></text></newsitem>"
    ).encode()


@pytest.mark.parametrize("place", ["ZUGSPITZE", "ZUGSPITZE, Monday"])
def test_a_dateline_met_again_reads_against_each_story_date(place: str) -> None:
    """A dateline text met over and over reads against each story's own date, as a text met once does."""
    dates = ["1996-08-20", "1996-08-20", "1996-10-07", "1996-08-20", "1996-12-30", "1996-10-07"]
    read = [wirecopy.loads(_dated(n, date, place), "rcv1-xml")[0].dateline for n, date in enumerate(dates)]
    expected = [wirecopy.parse_dateline(place, reference=dt.date.fromisoformat(date)) for date in dates]
    assert read == expected
    if "Monday" in place:
        mondays = [dt.date(1996, 8, 19), dt.date(1996, 8, 19), dt.date(1996, 10, 7), dt.date(1996, 8, 19)]
        assert [d.date for d in read if d is not None] == [*mondays, dt.date(1996, 12, 30), dt.date(1996, 10, 7)]
