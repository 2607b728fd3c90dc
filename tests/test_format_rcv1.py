"""The rcv1-xml format: real samples, codes and dc elements, datelines, encodings, and bad input."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, Dateline, ParseError

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

    @given(st.data())
    def test_mutated_real_samples(self, data: st.DataObject) -> None:
        """Real samples with random bytes changed raise nothing but ParseError (strict), and nothing under skip."""
        name = data.draw(st.sampled_from(SAMPLE_NAMES))
        original = bytearray(corpus_sample("rcv1-xml", name).read_bytes())
        for _ in range(data.draw(st.integers(1, 8))):
            original[data.draw(st.integers(0, len(original) - 1))] = data.draw(st.integers(0, 255))
        with contextlib.suppress(ParseError):
            wirecopy.loads(bytes(original), "rcv1-xml", errors="strict")
        wirecopy.loads(bytes(original), "rcv1-xml", errors="skip")
