"""The trec-sgml format: real LDC samples, synthetic fixtures, entities, writing, and bad input."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import io
import lzma
import tracemalloc
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, ParseError, SkippedDocumentWarning, WriteError
from wirecopy.formats import trec_sgml
from wirecopy.kit import _sgml_scan
from wirecopy.kit.sgml import decode_entities
from wirecopy.strategies import articles_for

from .conftest import DATA, corpus_sample

FIXTURES = DATA / "trec-sgml"
FOLDER = "trec-ldc-sgml"

# name: (documents, id, published, headline, dateline place, first words of the body)
SAMPLES = {
    "cogcomp_ace2004_VOA20001231.2000.3520.sgm": (
        1,
        "VOA20001231.2000.3520",
        dt.datetime(2000, 12, 31, 20, 58, 40, 200000),
        None,
        None,
        "Cuban leader Fidel",
    ),
    "cogcomp_ace2005_XIN_ENG_20030616.0274.sgm": (
        1,
        "XIN_ENG_20030616.0274",
        dt.date(2003, 6, 16),
        "EU backs stricter nuclear inspections in Iran",
        "LUXEMBOURG",
        "Foreign ministers of",
    ),
    "duc_APW19981012.0289.sgml": (
        1,
        "APW19981012.0289",
        dt.datetime(1998, 10, 12, 6, 19),
        "URGENT",
        "TEHRAN",
        "An Iranian foundation",
    ),
    "duc_APW19990707.0181.sgml": (
        1,
        "APW19990707.0181",
        dt.datetime(1999, 7, 7, 8, 30, 27),
        "Clinton Focuses on American Indians",
        "PINE RIDGE",
        "President Clinton turned",
    ),
    "duc_NYT19990512.0435.sgml": (
        1,
        "NYT19990512.0435",
        dt.datetime(1999, 5, 12, 21, 6),
        "Resignation of Treasury chief brings small blip",
        "WASHINGTON",
        "The stock market shrugged",
    ),
    "duc_NYT20000205.0294.sgml": (
        1,
        "NYT20000205.0294",
        dt.datetime(2000, 2, 5, 23, 13),
        None,
        None,
        "Gottschalt recalled that",
    ),
    "duc_XIE19990809.0160.sgml": (
        1,
        "XIE19990809.0160",
        dt.date(1999, 8, 9),
        "Yeltsin Nominates Putin as Presidential Candidate",
        "MOSCOW",
        "Russian President Boris",
    ),
    "erl_AFP_ENG_200905_excerpt.sgml": (
        8,
        "AFP_ENG_20090531.0001",
        dt.date(2009, 5, 31),
        "Chile swine flu cases jump to 276",
        "Santiago",
        "Chilean health authorities",
    ),
    "erl_eng-NG-ampersand-example.xml": (
        1,
        "eng-NG-31-150703-10646134",
        dt.datetime(2008, 4, 6, 16, 8, 59),
        "more energy",
        None,
        "Have you tried",
    ),
}
NEWSGROUP = ("usenet-rfc822", "erl_eng-NG-31-9999.ldc.sgml")


def _corpus_sample(name: str) -> Path:
    return corpus_sample(FOLDER, name)


class TestRealSamples:
    @pytest.mark.parametrize("name", sorted(SAMPLES))
    def test_key_fields(self, name: str) -> None:
        """Each real LDC sample reads into the expected id, date, headline, dateline and body."""
        count, doc_id, published, headline, place, first = SAMPLES[name]
        articles = list(wirecopy.read(_corpus_sample(name), "trec-sgml"))
        assert len(articles) == count
        article = articles[0]
        assert (article.id, article.published, article.headline) == (doc_id, published, headline)
        assert type(article.published) is type(published)
        assert (article.dateline.place if article.dateline else None) == place
        assert article.paragraphs[0].startswith(first)
        assert [a.origin.index for a in articles] == list(range(count))

    @pytest.mark.parametrize("name", sorted(SAMPLES))
    def test_detected(self, name: str) -> None:
        """Detection names trec-sgml for every real LDC sample."""
        assert wirecopy.detect(_corpus_sample(name)).best == "trec-sgml"

    @pytest.mark.parametrize("name", sorted(SAMPLES))
    def test_rewrite_is_a_fixed_point(self, name: str) -> None:
        """loads(dumps(loads(x))) == loads(x) for every real sample."""
        first = list(wirecopy.read(_corpus_sample(name), "trec-sgml"))
        again = wirecopy.loads(wirecopy.dumps(first, "trec-sgml"), "trec-sgml")
        assert again == first

    def test_gigaword_month_excerpt(self) -> None:
        """The Gigaword excerpt gives every document its id, type, agency, day, and DATELINE."""
        articles = list(wirecopy.read(_corpus_sample("erl_AFP_ENG_200905_excerpt.sgml"), "trec-sgml"))
        types = ["story", "story", "multi", "story", "advis", "other", "story", "story"]
        assert [a.extra["type"] for a in articles] == types
        assert {a.source for a in articles} == {"AFP"}
        assert {a.published for a in articles} == {dt.date(2009, 5, 31)}
        sydney = articles[1]
        assert sydney.dateline is not None
        assert (sydney.dateline.text, sydney.dateline.agency, sydney.dateline.date) == (
            "Sydney, June 1, 2009 (AFP)",
            "AFP",
            dt.date(2009, 6, 1),
        )
        assert "P&O Cruises said" in sydney.paragraphs[3]
        assert articles[3].headline == "ALERT ¥"
        assert [d.kind for d in articles[3].defects] == ["placeholder-headline"]
        assert articles[2].paragraphs[:2] == ("Duty Editor: Magan Crane", "Tel: + 1 202 414 0541")
        assert [a.origin.line for a in articles] == [1, 84, 119, 154, 164, 189, 205, 308]
        assert articles[1].origin.offset == 2849

    def test_aquaint_header_and_trailer(self) -> None:
        """An AQUAINT APW document keeps its ANPA header fields, slug, trailer and the text around TEXT."""
        [article] = wirecopy.read(_corpus_sample("duc_APW19981012.0289.sgml"), "trec-sgml")
        assert article.extra["anpa"] == {
            "transmission": "w1026",
            "selector": "wstm-",
            "priority": "u",
            "category": "i",
            "keyword": "BC-Iran-Rushdie",
            "date": "10-12",
            "words": "0083",
        }
        assert article.extra["slug"] == "BC-Iran-Rushdie"
        assert article.extra["trailer"] == "AP-NY-10-12-98 0619EDT"
        assert article.extra["preamble"] == ("Iranian foundation raises reward for killing Rushdie",)
        assert article.extra["postscript"][0] == "(PROFILE"
        path = str(_corpus_sample("duc_APW19981012.0289.sgml"))
        assert article.origin == wirecopy.Origin(path=path, line=2, offset=1, index=0)

    def test_nyt_byline_from_ht_lines(self) -> None:
        """The NYT '&HT; By ...' line between HEADLINE and TEXT becomes the byline; &AMP; is decoded."""
        [article] = wirecopy.read(_corpus_sample("duc_NYT19990512.0435.sgml"), "trec-sgml")
        assert article.byline == "By David McNaughton"
        assert "Standard & Poor's 500" in article.paragraphs[1]
        assert article.dateline is not None and article.dateline.text == "WASHINGTON _"

    def test_newsgroup_variant(self) -> None:
        """The TAC newsgroup file reads as trec-sgml: poster as byline, four documents."""
        path = corpus_sample(*NEWSGROUP)
        assert wirecopy.detect(path).best == "trec-sgml"
        articles = list(wirecopy.read(path))
        assert len(articles) == 4
        assert articles[0].byline == "zubaidacolquitetr53 <zubaidacolquitet...@gmail.com>"
        assert articles[0].published == dt.datetime(2008, 9, 9, 3, 27, 12)
        assert articles[0].extra["doctype_source"] == "usenet"
        assert wirecopy.loads(wirecopy.dumps(articles, "trec-sgml"), "trec-sgml") == articles


class TestFixtures:
    def test_gigaword(self) -> None:
        """A Gigaword-style month file: DATELINE elements, <P> and raw text, &amp;, a placeholder."""
        one, two, three = wirecopy.read(FIXTURES / "gigaword_month.sgml")
        assert one == Article(
            format="trec-sgml",
            id="AFP_ENG_20120314.0001",
            source="AFP",
            headline="Lighthouse keepers vote to keep the lamps lit",
            published=dt.date(2012, 3, 14),
            dateline=wirecopy.Dateline(
                text="Brest, March 14, 2012 (AFP)", place="Brest", agency="AFP", date=dt.date(2012, 3, 14)
            ),
            paragraphs=(
                "Lighthouse keepers on the Atlantic coast voted on Wednesday to keep the lamps lit through the "
                "winter storms, their union said.",
                "The vote, taken in a harbour hall, drew 212 of the 230 members, and the motion passed with a "
                "show of hands, according to R&D officer Anne Kerbrat.",
            ),
            extra={"type": "story"},
        )
        assert two.paragraphs == (
            "Duty Editor: Paul Morvan",
            "What's happening on the coast on Thursday:",
            "+ Ferry timetable changes",
        )
        assert three.defects == (
            wirecopy.Defect(
                kind="placeholder-headline", message="headline 'ALERT' stands in for a real one", line=35, column=11
            ),
        )

    def test_aquaint_apw(self) -> None:
        """AQUAINT APW: URGENT headline flagged, tab-indented paragraphs, dateline with '_'."""
        [article] = wirecopy.read(FIXTURES / "aquaint_apw.sgml")
        assert article.headline == "URGENT"
        assert article.published == dt.datetime(2001, 2, 3, 14, 5)
        assert article.dateline == wirecopy.Dateline(
            text="PORTLAND, Maine (AP) _", place="PORTLAND", region="Maine", agency="AP"
        )
        assert article.paragraphs == (
            "The harbor ferry stopped its crossings on Saturday as a thick fog settled over the bay.",
            "``We will wait it out,'' a deckhand said by telephone.",
            "MORE",
        )
        assert article.extra["header"] == "w0457 \x1f wstm-\nr a \x13  \x11  BC-Harbor-Ferry     02-03 0064"

    def test_aquaint_nyt(self) -> None:
        """AQUAINT NYT: the &HT; placeholder gives way to the first &HT; line; byline and copyright from the others."""
        [article] = wirecopy.read(FIXTURES / "aquaint_nyt.sgml")
        assert (article.headline, article.byline) == ("Corner bakery keeps its ovens warm", "By Martha Quill")
        assert article.extra["headline_placeholder"] == "&HT;"
        assert article.extra["copyright"] == "c.2001 Cox News Service"
        assert "preamble" not in article.extra
        assert article.paragraphs[0].endswith("night shift of Smith & Daughters.")
        assert article.extra["trailer"] == "NYT-02-03-01 0912EST"
        assert article.defects == ()

    def test_ace(self) -> None:
        """ACE: DOCID, DOCTYPE SOURCE, a compact DATETIME, a dateline on its own line."""
        [article] = wirecopy.read(FIXTURES / "ace.sgm")
        expected = ("XIN_ENG_20040107.0033", "XIN", dt.date(2004, 1, 7))
        assert (article.id, article.source, article.published) == expected
        assert article.dateline is not None
        assert (article.dateline.place, article.dateline.agency, article.dateline.date) == (
            "VALENCIA",
            "Xinhua",
            dt.date(2004, 1, 7),
        )
        assert article.paragraphs[0].startswith("Orchard growers said")
        assert article.extra == {"doctype": "NEWS STORY", "doctype_source": "newswire"}

    def test_newsgroup(self) -> None:
        """TAC newsgroup: poster with a raw '&' and &lt;&gt; as byline, &amp;amp; decoded once."""
        [article] = wirecopy.read(FIXTURES / "newsgroup.sgml")
        assert article.byline == '"Tom & Ann Reed" <reed...@example.org>'
        assert article.paragraphs == ("Which glue holds balsa best in damp weather?", "Thanks &amp; regards")
        assert article.source is None

    @pytest.mark.parametrize("chunk", [1, 5, 64, 1 << 20])
    def test_chunk_boundaries_do_not_matter(self, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
        """Documents, lines and offsets are the same whatever the read size."""
        expected = [(a, a.origin) for a in wirecopy.read(FIXTURES / "gigaword_month.sgml")]
        monkeypatch.setattr(_sgml_scan, "CHUNK_SIZE", chunk)
        assert [(a, a.origin) for a in wirecopy.read(FIXTURES / "gigaword_month.sgml")] == expected

    @pytest.mark.parametrize("opener", [gzip.open, bz2.open, lzma.open])
    def test_compressed(self, tmp_path: Path, opener: object) -> None:
        """gzip, bzip2 and xz files read like the plain file, origins included."""
        data = (FIXTURES / "gigaword_month.sgml").read_bytes()
        path = tmp_path / "afp_eng_201203"
        with opener(path, "wb") as out:  # type: ignore[operator]
            out.write(data)
        plain = list(wirecopy.read(FIXTURES / "gigaword_month.sgml"))
        packed = list(wirecopy.read(path, "gigaword"))
        assert packed == plain
        assert [a.origin.offset for a in packed] == [a.origin.offset for a in plain]


class TestEntities:
    @pytest.mark.parametrize(
        ("written", "text"),
        [
            ("A &amp; B", "A & B"),
            ("A &AMP; B", "A & B"),
            ("&lt;C&gt;", "<C>"),
            ("caf&eacute;", "café"),
            ("&#233;t&#xE9;", "été"),
            ("&HT;tab", "\ttab"),
            ("&UR;&LR;&QL;&QC;&QR;x", "x"),
            ("&Cx1f;", "\x1f"),
            ("raw & ampersand", "raw & ampersand"),
            ("&amp;amp;", "&amp;"),
        ],
    )
    def test_decoded(self, written: str, text: str) -> None:
        """Standard, numeric and LDC SGML entities decode to text; a bare '&' stays."""
        assert decode_entities(written) == text

    @pytest.mark.parametrize("name", ["&C;", "&Cx;", "&Cxzz;"])
    def test_control_lookalikes_are_unknown_entities(self, name: str) -> None:
        """A name that only starts like AQUAINT's &Cx1f; is an unknown entity, kept and reported, not a crash."""
        unknown: list[str] = []
        assert decode_entities(f"a {name} b", unknown.append) == f"a {name} b"
        assert unknown == [name]

    def test_unknown_entity_kept_and_reported(self) -> None:
        """An unknown entity is kept as written and reported as a defect."""
        doc = '<DOC id="AFP_ENG_20120314.0001" type="story">\n<TEXT>\n<P>\nA &ZZ; sign.\n</P>\n</TEXT>\n</DOC>\n'
        [article] = wirecopy.loads(doc, "trec-sgml")
        assert article.paragraphs == ("A &ZZ; sign.",)
        message = "unknown entity &ZZ; kept as written"
        assert [(d.kind, d.message) for d in article.defects] == [("unknown-entity", message)]

    @pytest.mark.parametrize("before", ["", "\n\n", "\n<!-- note -->\n"])
    def test_unknown_entity_placed_where_written(self, before: str) -> None:
        """An unknown entity is reported at the line and column of its first reference, recomputed from the input."""
        data = (
            f'{before}<DOC id="AFP_ENG_20120314.0001" type="story">\n<HEADLINE>\nA &amp; B\n</HEADLINE>\n'
            "<TEXT>\n<P>\nFirst  line, &ZZ; and &QQ; then\n&ZZ; again.\n</P>\n</TEXT>\n</DOC>\n"
        )
        [article] = wirecopy.loads(data, "trec-sgml")
        [defect] = article.defects
        at = data.index("&ZZ;")
        line = data.count("\n", 0, at) + 1
        column = at - (data.rfind("\n", 0, at) + 1) + 1
        assert (defect.kind, defect.line, defect.column) == ("unknown-entity", line, column)
        with pytest.raises(ParseError) as caught:
            wirecopy.loads(data, "trec-sgml", errors="strict")
        assert (caught.value.lineno, caught.value.colno) == (line, column)

    @pytest.mark.parametrize("written", ["\x01", "&#1;", "&#x7F;", "&Cx7f;"])
    def test_control_character_placed_where_written(self, written: str) -> None:
        """A control character in the text is reported where it is written, raw or as a reference, not in HEADER."""
        data = (
            "<DOC>\n<DOCNO> APW20010203.0117 </DOCNO>\n<HEADER>\nw0457 &Cx1f; wstm-\n</HEADER>\n"
            f"<TEXT>\n   First line.\n   Second {written}line.\n</TEXT>\n</DOC>\n"
        )
        [article] = wirecopy.loads(data, "trec-sgml")
        [defect] = article.defects
        at = data.index(written, data.index("<TEXT>"))
        assert (defect.kind, defect.line, defect.column) == (
            "control-character",
            data.count("\n", 0, at) + 1,
            at - data.rfind("\n", 0, at),
        )
        assert article.paragraphs[-1] == "Second line."


class TestBadInput:
    def _count(self, name: str) -> int:
        return (FIXTURES / name).read_bytes().count(b"<DOC ") + (FIXTURES / name).read_bytes().count(b"<DOC>")

    @pytest.mark.parametrize(
        ("name", "message"),
        [
            (
                "truncated.sgml",
                "<DOC> is not closed: the input ends before its </DOC> (at {path}, line 11, column 1)",
            ),
            (
                "nested.sgml",
                "<DOC> is not closed: another <DOC> starts before its </DOC> (at {path}, line 1, column 1)",
            ),
            ("no_id.sgml", "document has no id (at {path}, line 1, column 1)"),
            ("junk.sgml", "text outside any <DOC> document, before this one (at {path}, line 11, column 1)"),
        ],
    )
    def test_strict(self, name: str, message: str) -> None:
        """Under strict, bad input raises ParseError naming the line and column."""
        path = FIXTURES / name
        with pytest.raises(ParseError) as caught:
            list(wirecopy.read(path, "trec-sgml", errors="strict"))
        assert str(caught.value) == message.format(path=path)

    @pytest.mark.parametrize(
        ("name", "errors", "returned"),
        [
            ("truncated.sgml", "warn", ["0001"]),
            ("truncated.sgml", "skip", ["0001"]),
            ("nested.sgml", "warn", ["0002", "0003"]),
            ("nested.sgml", "skip", ["0002", "0003"]),
            # A document without an id is returned with a defect under warn.
            ("no_id.sgml", "warn", [None, "0002"]),
            ("no_id.sgml", "skip", ["0002"]),
            # Junk is reported on the document after it.
            ("junk.sgml", "warn", ["0001", "0002"]),
            ("junk.sgml", "skip", ["0001"]),
        ],
    )
    def test_every_document_is_returned_or_reported(self, name: str, errors: str, returned: list[str | None]) -> None:
        """Under warn and skip the good documents come out, and returned + reported == documents in the input."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedDocumentWarning)
            reader = wirecopy.read(FIXTURES / name, "trec-sgml", errors=errors)  # type: ignore[arg-type]
            articles = list(reader)
        assert [a.id and a.id[-4:] for a in articles] == returned
        assert reader.returned + len(reader.skipped) == self._count(name)

    def test_warn_warns(self) -> None:
        """Under warn a skipped document issues a SkippedDocumentWarning."""
        with pytest.warns(SkippedDocumentWarning, match="the input ends before its </DOC>"):
            list(wirecopy.read(FIXTURES / "truncated.sgml", "trec-sgml", errors="warn"))

    def test_empty_input(self) -> None:
        """An input with no document is reported as empty."""
        with pytest.raises(ParseError, match=r"^empty input: no <DOC> document found \(at line 1, column 1\)$"):
            wirecopy.loads(b"\n\n", "trec-sgml", errors="strict")


class TestWriting:
    def test_gigaword_layout(self) -> None:
        """An article with a Gigaword id is written in the Gigaword layout."""
        article = Article(
            format="trec-sgml",
            id="XIN_ENG_20120314.0007",
            source="XIN",
            headline="Ferry & port <reopen>",
            published=dt.date(2012, 3, 14),
            dateline=wirecopy.Dateline(text="CAIRO (Xinhua) --", place="CAIRO", agency="Xinhua"),
            paragraphs=("The port reopened.", "Ferries sailed."),
            extra={"type": "story"},
        )
        assert wirecopy.dumps(article, "trec-sgml") == (
            '<DOC id="XIN_ENG_20120314.0007" type="story">\n'
            "<HEADLINE>\nFerry &amp; port &lt;reopen&gt;\n</HEADLINE>\n"
            "<DATELINE>\nCAIRO (Xinhua) --\n</DATELINE>\n"
            "<TEXT>\n<P>\nThe port reopened.\n</P>\n<P>\nFerries sailed.\n</P>\n</TEXT>\n</DOC>\n"
        )
        assert wirecopy.loads(wirecopy.dumps(article, "trec-sgml"), "trec-sgml") == [article]

    def test_other_ids_use_docno(self) -> None:
        """Other ids go to DOCNO; a date not in the id goes to DATE_TIME; a source not in the id to SOURCE."""
        article = Article(format="trec-sgml", id="WSJ-1", source="Journal", published=dt.datetime(1990, 1, 2, 3, 4, 5))
        text = wirecopy.dumps(article, "trec-sgml")
        assert "<DOCNO> WSJ-1 </DOCNO>" in text
        assert "<SOURCE> Journal </SOURCE>" in text
        assert "<DATE_TIME> 1990-01-02T03:04:05 </DATE_TIME>" in text
        assert wirecopy.loads(text, "trec-sgml") == [article]

    def test_no_id(self) -> None:
        """An article without an id cannot be written."""
        with pytest.raises(WriteError, match=r"^cannot write article 'Hi' as trec-sgml: it has no id$"):
            wirecopy.dumps(Article(format="trec-sgml", headline="Hi"), "trec-sgml")

    @given(data=st.data())
    def test_fast_path_agrees_with_general_path(self, data: st.DataObject) -> None:
        """The Gigaword fast path reads every document exactly as the element-by-element path does."""
        article: Article = data.draw(articles_for("trec-sgml"))
        _assert_fast_path_agrees(wirecopy.dumps(article, "trec-sgml"))

    @pytest.mark.parametrize(
        "doc",
        [
            "<HEADLINE>\nTwo\nlines\n</HEADLINE>\n<TEXT>\n<P>\nOne  two\n</P>\n</TEXT>\n",
            "<HEADLINE>\nA &amp; B &#10;C\n</HEADLINE>\n<DATELINE>\nParis &amp; Co\n</DATELINE>\n"
            "<TEXT>\n<P>\nR&amp;D &lt;b&gt;\nx\n</P>\n<P>\nPARIS (AFP) -- y\n</P>\n</TEXT>\n",
            "<HEADLINE>\nH\n</HEADLINE>\n<TEXT>\n<P>\n \n</P>\n<P>\ntrailing \nspace\n</P>\n</TEXT>\n",
            "<HEADLINE>\nH\n</HEADLINE>\n<TEXT>\n<P>\na <B>b</B>\n</P>\n</TEXT>\n",
            "<HEADLINE>\nURGENT\n</HEADLINE>\n<TEXT>\n<P>\na\n</P>\n</TEXT>\n",
            "<HEADLINE>\nH &zz;\n</HEADLINE>\n<TEXT>\n<P>\na &#1; b\n</P>\n</TEXT>\n",
            "<HEADLINE>\nH\n</HEADLINE>\n<TEXT>\nBlock one\nstill.\n\nBlock two.\n</TEXT>\n",
        ],
    )
    def test_fast_paths_agree_on_edge_cases(self, doc: str) -> None:
        """Joined lines, entities, blank or padded paragraphs and inner tags read as the general path reads them."""
        text = '<DOC id="AFP_ENG_20120314.0001" type="story" >\n' + doc + "</DOC>\n"
        _assert_fast_path_agrees(text)


def _assert_fast_path_agrees(text: str) -> None:
    """Reading *text* by the Gigaword fast paths gives what the element-by-element path gives, defects included."""
    fast = wirecopy.loads(text, "trec-sgml")
    original = trec_sgml._gigaword
    trec_sgml._gigaword = lambda *args: None  # type: ignore[assignment]
    try:
        slow = wirecopy.loads(text, "trec-sgml")
    finally:
        trec_sgml._gigaword = original
    assert fast == slow
    assert [a.defects for a in fast] == [a.defects for a in slow]


class TestSniff:
    @pytest.mark.parametrize(
        ("head", "score"),
        [
            (b'<DOC id="AFP_ENG_20090531.0001" type="story" >\n<HEADLINE>', 1.0),
            (b"\n<DOC>\n<DOCNO> APW19981012.0289 </DOCNO>\n", 1.0),
            (b"<DOC>\n<TEXT>\nsome text\n</TEXT>\n</DOC>\n", 0.9),
            (b"<DOCUMENT>\n", 0.0),
            (b"<?xml version='1.0'?><nitf>", 0.0),
        ],
    )
    def test_scores(self, head: bytes, score: float) -> None:
        """sniff gives 1.0 to a <DOC> with an id, less to a bare <DOC>, nothing to other markup."""
        assert trec_sgml.TRECSGMLFormat().sniff(head, None) == score


class TestHostileInput:
    """Input made to be slow or big: each byte is looked at a bounded number of times, memory stays flat."""

    def test_many_tiny_documents(self) -> None:
        """20,000 empty documents are each read, numbered and placed."""
        articles = wirecopy.loads(b"<DOC></DOC>\n" * 20_000, "trec-sgml", errors="warn")
        assert len(articles) == 20_000
        last = articles[-1]
        assert (last.origin.index, last.origin.line, last.origin.offset) == (19_999, 20_000, 19_999 * 12)
        assert [d.kind for d in last.defects] == ["missing-id"]

    def test_memory_does_not_grow_with_documents_left_out(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Reading 4 times as many unclosed documents takes no more memory: nothing is kept per document."""
        monkeypatch.setattr(_sgml_scan, "CHUNK_SIZE", 4096)

        def peak(count: int) -> int:
            data = io.BytesIO(b"<DOC>\n" * count)
            tracemalloc.start()
            try:
                reader = wirecopy.iter_load(data, "trec-sgml", errors="skip")
                assert list(reader) == [] and reader.left_out == count
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

        small, large = peak(5_000), peak(20_000)
        assert large < small + 64 * 1024, (small, large)

    def test_long_unclosed_tag_name(self) -> None:
        """A 200 KB tag name with no '>' (a 20 KB one took 7 s) is text of the document, not a tag."""
        [article] = wirecopy.loads(b'<DOC id="AFP_ENG_20120314.0001">\n<' + b"A" * 200_000 + b"\n</DOC>\n", "trec-sgml")
        assert article.id == "AFP_ENG_20120314.0001"
        assert article.extra["preamble"] == ("<" + "A" * 200_000,)

    @pytest.mark.parametrize("tag", [b"<X>", b"<X%d>"], ids=["same", "distinct"])
    def test_many_unclosed_elements(self, tag: bytes) -> None:
        """50,000 start tags with no end tag in one document are stepped over, each once."""
        tags = b"".join(tag.replace(b"%d", str(n).encode()) for n in range(50_000))
        data = b'<DOC id="AFP_ENG_20120314.0001">\n' + tags + b"\n<HEADLINE> Found </HEADLINE>\n</DOC>\n"
        [article] = wirecopy.loads(data, "trec-sgml")
        assert article.headline == "Found"

    def test_unclosed_element_before_a_case_variant_end_tag(self) -> None:
        """An element whose end tag is written in another case, or with a space, still ends there."""
        data = b'<DOC id="AFP_ENG_20120314.0001">\n<X>\n<HEADLINE>One</headline >\n<X>\n</DOC>\n'
        [article] = wirecopy.loads(data, "trec-sgml")
        assert article.headline == "One"

    def test_header_with_a_long_run_of_separators(self) -> None:
        """A HEADER with 100,000 unit separators (cubic time before) is kept, and has no ANPA fields."""
        header = "w1 " + "\x1f" * 100_000 + " x"
        [article] = wirecopy.loads(
            f'<DOC id="AFP_ENG_20120314.0001">\n<HEADER>{header}</HEADER>\n</DOC>\n', "trec-sgml"
        )
        assert article.extra["header"] == header
        assert "anpa" not in article.extra

    def test_many_unknown_entities(self) -> None:
        """100,000 unknown entity references give one defect naming the first hundred, and the rest counted."""
        text = "".join(f"&u{n};" for n in range(150)) + "&zz;" * 100_000
        [article] = wirecopy.loads(f'<DOC id="AFP_ENG_20120314.0001">\n<TEXT>\n{text}\n</TEXT>\n</DOC>\n', "trec-sgml")
        [defect] = article.defects
        assert defect.kind == "unknown-entity"
        assert defect.message.startswith("unknown entity &u0;, &u1;, ")
        assert defect.message.endswith(", &u99; and 100050 more references kept as written")

    @pytest.mark.parametrize(
        ("data", "line"),
        [(b"<DOC>\n</DOC>\njunk\n<DOC>\n", 3), (b"junk\n<DOC>\n<DOC>\n", 1)],
        ids=["after-a-document", "before-any"],
    )
    def test_junk_followed_only_by_documents_left_out(self, data: bytes, line: int) -> None:
        """Junk with no document after it to be reported on is left out itself, not lost."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedDocumentWarning)
            reader = wirecopy.iter_load(io.BytesIO(data), "trec-sgml", errors="warn")
            list(reader)
        assert [(e.kind, e.lineno) for e in reader.skipped if e.kind == "junk"] == [("junk", line)]
        assert str(reader.skipped[-1]) == f"text outside any <DOC> document (at line {line}, column 1)"

    @pytest.mark.parametrize("element", ["DATE_TIME", "DATE"])
    def test_huge_number_in_a_date(self, element: str) -> None:
        """A time with a 30-digit field is a bad-date defect (the text kept), never another exception."""
        when = "1:" + "9" * 30
        data = f'<DOC id="AFP_ENG_20120314.0001">\n<{element}> {when} </{element}>\n<TEXT>\nWords.\n</TEXT>\n</DOC>\n'
        [article] = wirecopy.loads(data, "trec-sgml")
        assert (article.published, article.extra["date"]) == (None, when)
        assert [(d.kind, d.line) for d in article.defects] == [("bad-date", 2)]
        with pytest.raises(ParseError) as caught:
            wirecopy.loads(data, "trec-sgml", errors="strict")
        assert (caught.value.kind, caught.value.lineno) == ("bad-date", 2)

    def test_control_characters_reported_once(self) -> None:
        """Control characters in 10,000 paragraphs give one defect, not one per paragraph; all are removed."""
        text = "\n\n".join(f"Line\x7f {n}" for n in range(10_000))
        [article] = wirecopy.loads(f'<DOC id="AFP_ENG_20120314.0001">\n<TEXT>\n{text}\n</TEXT>\n</DOC>\n', "trec-sgml")
        assert [(d.kind, d.message) for d in article.defects] == [
            ("control-character", "control character '\\x7f' in text, removed")
        ]
        assert article.paragraphs[-1] == "Line 9999"

    def test_long_paragraph_without_newlines(self) -> None:
        """A 2 MB paragraph with no newline is read into one paragraph, its white space collapsed."""
        text = "word  " * 350_000
        [article] = wirecopy.loads(f'<DOC id="AFP_ENG_20120314.0001">\n<TEXT>\n{text}\n</TEXT>\n</DOC>\n', "trec-sgml")
        assert article.paragraphs == (" ".join(["word"] * 350_000),)

    @pytest.mark.parametrize("chunk", [4, 1 << 20])
    @pytest.mark.parametrize("limit", [1, 31, 100, 200])
    def test_size_limit_holds_for_every_document(self, monkeypatch: pytest.MonkeyPatch, limit: int, chunk: int) -> None:
        """Every document over Policy.max_document_size is left out, whole or cut by a chunk's end, and no other."""
        monkeypatch.setattr(_sgml_scan, "CHUNK_SIZE", chunk)
        small = b"<DOC>\n<DOCNO> S </DOCNO>\n</DOC>\n"
        large = b"<DOC>\n<DOCNO> L </DOCNO>\n<TEXT>\n" + b"Words. " * 20 + b"\n</TEXT>\n</DOC>\n"
        docs = (small, large, small)
        policy = wirecopy.Policy(errors="skip", max_document_size=limit)
        reader = wirecopy.iter_load(io.BytesIO(b"".join(docs)), "trec-sgml", policy=policy)
        returned = [a.origin.index for a in reader]
        assert returned == [i for i, doc in enumerate(docs) if len(doc.rstrip()) <= limit]
        assert {e.kind for e in reader.skipped} <= {"document-too-large"}
        assert reader.left_out == 3 - len(returned)

    def test_dateline_too_long_to_be_one(self) -> None:
        """A DATELINE of 2 MB is kept as written, not handed to the dateline parser."""
        place = "PARIS " * 350_000
        data = f'<DOC id="AFP_ENG_20120314.0001">\n<DATELINE>\n{place}\n</DATELINE>\n<TEXT>\nA.\n</TEXT>\n</DOC>\n'
        [article] = wirecopy.loads(data, "trec-sgml")
        assert article.dateline == wirecopy.Dateline(text=place.strip())
