"""trec-sgml on the TREC disk sources (AP, WSJ, Ziff-Davis, FT, LA Times, FBIS, FR) and the AQUAINT &HT; preamble."""

from __future__ import annotations

import datetime as dt

import pytest

import wirecopy
from wirecopy import Article, Dateline
from wirecopy.formats.trec_sgml import id_parts

from .conftest import DATA

FIXTURES = DATA / "trec-sgml"
LAYOUT_FIXTURES = [
    "tipster_ap.sgml",
    "tipster_wsj.sgml",
    "tipster_ziff.sgml",
    "trec_ft.sgml",
    "trec_latimes.sgml",
    "trec_fbis.sgml",
    "trec_fr.sgml",
    "aquaint_ht_variants.sgml",
]


def _read(name: str) -> list[Article]:
    return list(wirecopy.read(FIXTURES / name, "trec-sgml"))


@pytest.mark.parametrize("name", LAYOUT_FIXTURES)
def test_rewrite_is_a_fixed_point(name: str) -> None:
    """Each source's documents, written in the Gigaword layout and read back, give the same articles."""
    first = _read(name)
    assert wirecopy.loads(wirecopy.dumps(first, "trec-sgml"), "trec-sgml") == first


@pytest.mark.parametrize("name", LAYOUT_FIXTURES)
def test_detected_and_clean(name: str) -> None:
    """Each source's file is detected as trec-sgml and reads without a defect."""
    assert wirecopy.detect(FIXTURES / name).best == "trec-sgml"
    assert all(article.defects == () for article in _read(name))


@pytest.mark.parametrize(
    ("doc_id", "parts"),
    [
        ("AP880212-0004", ("AP", dt.date(1988, 2, 12))),
        ("WSJ870324-0001", ("WSJ", dt.date(1987, 3, 24))),
        ("LA021390-0001", ("LA", dt.date(1990, 2, 13))),
        ("FR940104-0-00001", ("FR", dt.date(1994, 1, 4))),
        ("FT921-1", ("FT", None)),
        ("FBIS3-518", ("FBIS", None)),
        ("ZF109-601-360", ("ZF", None)),
        ("AP881399-0001", ("AP", None)),
    ],
)
def test_id_parts_of_trec_disk_ids(doc_id: str, parts: tuple[str, dt.date | None]) -> None:
    """A TREC disk DOCNO gives its source and, where it has one, its day (LA's is month, day, year)."""
    assert id_parts(doc_id) == parts


def test_ap() -> None:
    """AP: HEAD, the person's BYLINE (the stock phrase in byline_title), DATELINE, ANPA lines, day from DOCNO."""
    one, two = _read("tipster_ap.sgml")
    assert one.headline == "Late Frost Threatens Apple Blossom in Valley Orchards"
    assert (one.byline, one.extra["byline_title"]) == ("By MARGARET HOLLOWAY", "Associated Press Writer")
    assert one.published == dt.date(1988, 4, 12)
    assert one.dateline == Dateline(text="WENATCHEE, Wash. (AP)", place="WENATCHEE", region="Wash.", agency="AP")
    assert one.paragraphs[0].startswith("Orchard owners lit smudge pots")
    assert len(one.paragraphs) == 3
    assert (one.extra["fileid"], one.extra["first"], one.extra["second"]) == (
        "AP-NR-04-12-88 1523EDT",
        "r a PM-Orchard-Frost 04-12 0342",
        "PM-Orchard Frost,0351",
    )
    assert (two.byline, two.extra["byline_title"]) == (None, "Associated Press Writer")
    assert two.extra["editors_note"] == "Eds: Updates with comment from harbor board"
    assert (two.extra["first"], two.extra["second"]) == ("a f PM-Ferry-Fares 04-12 0201", "PM-Ferry Fares,0210")
    assert "preamble" not in two.extra


def test_wsj() -> None:
    """WSJ: the @ lines of HL split into headline, byline and title; DD or DATE; IN and NS codes as subjects."""
    one, two = _read("tipster_wsj.sgml")
    assert one.headline == "Harbor Cranes Maker Wins Order for 12 Units"
    assert one.byline == "By Daniel P. Whitcombe"
    assert one.extra["byline_title"] == "Staff Reporter of The Wall Street Journal"
    assert one.published == dt.date(1988, 10, 17)
    assert one.dateline is not None and (one.dateline.place, one.dateline.region) == ("ROTTERDAM", "the Netherlands")
    assert one.subjects == ("MAC", "SHP")
    assert (one.extra["so"], one.extra["companies"]) == ("WALL STREET JOURNAL (J)", ("HCM", "ZPX"))
    assert len(one.paragraphs) == 2
    assert two.headline == "Business Brief -- Orchard Growers Inc.: Quarterly Net Rose 8% On Higher Juice Prices"
    assert (two.byline, two.published, two.subjects) == (None, dt.date(1990, 4, 2), ("FOD", "ERN"))
    # The lead paragraph (LP) comes before the TEXT.
    assert two.paragraphs == (
        "Orchard Growers Inc. said net income for its fiscal first quarter rose 8% on higher prices for apple "
        "juice concentrate.",
        "The company said sales rose 5% to $212 million.",
    )
    assert two.extra["page"] == "C12"


def test_ziff() -> None:
    """Ziff-Davis: TITLE, AUTHOR, the issue date in JOURNAL, DESCRIPT's topics as subjects."""
    [article] = _read("tipster_ziff.sgml")
    assert article.headline is not None and article.headline.startswith("Tidewater ships spreadsheet")
    assert (article.byline, article.published) == ("Marsh, Ellen.", dt.date(1989, 11, 14))
    assert article.subjects == ("Spreadsheets", "Logistics", "Product Introduction")
    assert article.extra["summary"].startswith("Tidewater Software Corp releases DockCalc")
    assert len(article.paragraphs) == 2


def test_ft() -> None:
    """FT: the 'FT  27 OCT 93 / Section:' prefix leaves the headline; byline, DATELINE, page, paragraphs reflowed."""
    one, two = _read("trec_ft.sgml")
    assert one.headline == "Harbour crane maker lifts profits by a fifth"
    assert one.extra["section"] == "International Company News"
    assert (one.byline, one.extra["byline_title"]) == ("By JANE WHITBY", "Shipping Correspondent")
    assert one.published == dt.date(1993, 10, 27)
    assert one.dateline == Dateline(text="ROTTERDAM", place="ROTTERDAM")
    assert (one.extra["page"], one.extra["edition"], one.extra["pub"]) == ("31", "London", "The Financial Times")
    assert one.paragraphs == (
        "Harbour Crane Holdings, the Dutch maker of container cranes, lifted pre-tax profits by a fifth in the "
        "nine months to September, helped by orders from Asian ports.",
        "The company said its order book stood at a record level.",
        "Pre-tax profits rose to Fl 84m from Fl 70m on turnover up 12 per cent at Fl 1.1bn.",
    )
    # No DATE element: the day comes from the prefix; a headline with a colon keeps it.
    assert two.headline == "Orchard prices slide: Growers blame a glut of early apples"
    assert "section" not in two.extra
    assert two.published == dt.date(1993, 10, 27)


def test_la_times() -> None:
    """LA Times: every field in <P>; the date without weekday and edition; byline, dateline, section and page."""
    one, two = _read("trec_latimes.sgml")
    assert one.headline == "HARBOR; FERRY SERVICE TO ISLAND RESUMES AFTER STORM"
    assert (one.byline, one.extra["byline_title"]) == ("By ROSA MENDEZ", "TIMES STAFF WRITER")
    assert (one.published, one.extra["edition"]) == (dt.date(1990, 2, 13), "Home Edition")
    assert one.dateline == Dateline(text="AVALON", place="AVALON")
    assert (one.extra["section"], one.extra["page"]) == ("Metro; Part B; Page 3; Column 1; Metro Desk", "3")
    assert (one.extra["length"], one.extra["type"]) == ("412 words", "Brief")
    assert one.paragraphs == (
        "Ferry service to the island resumed Monday after four days of high seas kept the boats in harbor.",
        "About 300 passengers crossed on the first boat, the operator said.",
    )
    assert (two.headline, two.paragraphs, two.extra["graphic"]) == (
        None,
        (),
        "Photo, Gulls follow the first ferry out of the harbor.",
    )


def test_fbis() -> None:
    """FBIS: the headline in H3/TI, DATE1, the F lines by number, the TEXT preamble and its [Text] marker."""
    [article] = _read("trec_fbis.sgml")
    assert article.headline == "Harbor Authority Reopens Northern Ferry Route"
    assert (article.byline, article.published) == ("Report by K. Dahl", dt.date(1994, 3, 17))
    assert article.dateline is not None
    assert (article.dateline.place, article.dateline.agency) == ("Oslo", "NTB")
    assert article.paragraphs[0].startswith("The harbor authority reopened")
    extra = article.extra
    assert (extra["region"], extra["country"], extra["source_name"]) == ("WEST EUROPE", "NORWAY", "Oslo NTB")
    assert (extra["source_language"], extra["article_type"], extra["text_marker"]) == ("English", "BFN", "[Text]")
    assert (extra["au"], extra["document_type"], extra["ht"]) == ("FBIS-WEU-94-052", "Daily Report", "drweu052_a_94007")


def test_federal_register() -> None:
    """FR: DOCTITLE as headline, the notice's header elements in extra, typesetting comments dropped."""
    [article] = _read("trec_fr.sgml")
    assert article.headline == "Drawbridge Operation Regulations; Harbor Channel, ME"
    assert article.published == dt.date(1994, 4, 12)
    assert article.extra["usdept"] == "DEPARTMENT OF TRANSPORTATION"
    assert article.extra["frfiling"] == "[FR Doc. 94-8712 Filed 4-11-94; 8:45 am]"
    assert article.paragraphs[-1] == "The bridge owner asked for the change in January."
    assert not any("PJG" in paragraph for paragraph in article.paragraphs)


def test_ht_preamble_variants() -> None:
    """AQUAINT &HT; lines: an editors' note before the real headline, and a real HEADLINE with byline and copyright."""
    placeholder, real = _read("aquaint_ht_variants.sgml")
    assert placeholder.headline == "Old harbor ferry makes its last crossing"
    assert placeholder.byline == "By LUCAS WHITFIELD"
    assert placeholder.extra["headline_placeholder"] == "&HT;"
    assert placeholder.extra["editors_note"] == "EDITORS: This story is embargoed until 6:30 p.m. EDT."
    assert placeholder.extra["copyright"] == "c.2000 The New York Times"
    assert (real.headline, real.byline, real.extra["copyright"]) == (
        "Orchards brace for a late frost",
        "By ANNA PELLEGRINO",
        "c.2000 Cox News Service",
    )
    assert "headline_placeholder" not in real.extra


def test_layout_told_by_elements_without_docno_prefix() -> None:
    """A document whose id has no source prefix is still read by its source's elements (here AP's)."""
    data = (
        "<DOC>\n<DOCNO> X-1 </DOCNO>\n<FILEID>AP-NR-01-02-89 0101EST</FILEID>\n<HEAD>Ferry Runs Again</HEAD>\n"
        "<BYLINE>By ANN LEE</BYLINE>\n<BYLINE>Associated Press Writer</BYLINE>\n<TEXT>\n   Words.\n</TEXT>\n</DOC>\n"
    )
    [article] = wirecopy.loads(data, "trec-sgml")
    assert (article.headline, article.byline, article.extra["byline_title"]) == (
        "Ferry Runs Again",
        "By ANN LEE",
        "Associated Press Writer",
    )


def test_gigaword_bylines_unchanged() -> None:
    """Outside the TREC disk sources a BYLINE is kept whole, stock phrase and all."""
    data = (
        '<DOC id="AFP_ENG_20120314.0001" type="story">\n<BYLINE> By Ann Lee, AFP Correspondent </BYLINE>\n'
        "<TEXT>\n<P>\nWords.\n</P>\n</TEXT>\n</DOC>\n"
    )
    [article] = wirecopy.loads(data, "trec-sgml")
    assert article.byline == "By Ann Lee, AFP Correspondent"
    assert "byline_title" not in article.extra


def test_ap_editors_note_before_the_headline() -> None:
    """An AP editors' note in the first HEAD does not become the headline."""
    data = (
        "<DOC>\n<DOCNO> AP880412-0001 </DOCNO>\n<HEAD>Eds: Embargoed until 6:30 p.m.</HEAD>\n"
        "<HEAD>Ferry Fares Rise</HEAD>\n<HEAD>With Photo</HEAD>\n<TEXT>\n   Words.\n</TEXT>\n</DOC>\n"
    )
    [article] = wirecopy.loads(data, "trec-sgml")
    assert article.headline == "Ferry Fares Rise"
    assert (article.extra["editors_note"], article.extra["subheadline"]) == (
        "Eds: Embargoed until 6:30 p.m.",
        "With Photo",
    )


@pytest.mark.parametrize(
    ("doc", "written"),
    [
        (
            "<DOCNO> LA010189-0001 </DOCNO>\n<DATE>\n<P>\nFebruary 31, 1990, Tuesday, Home Edition \n</P>\n</DATE>\n",
            "February",
        ),
        ("<DOCNO> WSJ881017-0001 </DOCNO>\n<DD> 13/45/88 </DD>\n", "13/45/88"),
        ("<DOCNO> X-1 </DOCNO>\n<DATE_TIME>  not a date </DATE_TIME>\n", "not a date"),
    ],
)
def test_bad_date_placed_where_written(doc: str, written: str) -> None:
    """A date that cannot be read is reported at the line and column of its text, past tags and white space."""
    data = f"<DOC>\n{doc}<TEXT>\nWords.\n</TEXT>\n</DOC>\n"
    [article] = wirecopy.loads(data, "trec-sgml")
    [defect] = [d for d in article.defects if d.kind == "bad-date"]
    at = data.index(written)
    assert (defect.line, defect.column) == (data.count("\n", 0, at) + 1, at - data.rfind("\n", 0, at))
