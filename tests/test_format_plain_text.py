"""The plain-text format: the BBC and Gigaword samples, the two paragraph layouts, writing, and bad input."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, ParseError, SkippedDocumentWarning, WriteError
from wirecopy.formats.plain_text import PlainTextFormat
from wirecopy.strategies import articles_for

from .conftest import DATA, corpus_files, corpus_sample

FIXTURES = DATA / "plain-text"
FOLDER = "plaintext-dateline"

# (file, headline, paragraphs, first words of the body, defect kinds)
SAMPLES = [
    ("bbc_business_001.txt", "Ad sales boost Time Warner profit", 5, "Quarterly profits at US media giant", []),
    ("bbc_sport_199_latin1.txt", "Chelsea sack Mutu", 2, "Chelsea have sacked Adrian Mutu", ["not-utf8"]),
    (
        "gilnoh_AFP_ENG_20090531.0480.story",
        "football : cup final hero lampard salutes hiddink",
        19,
        "frank lampard described guus hiddink",
        [],
    ),
    ("gilnoh_AFP_ENG_20090531.0483.story", "afp", 1, "afp world news service", []),
]
assert len({s[0] for s in SAMPLES}) == len(SAMPLES)


def _read(path: Path, **kwargs: object) -> list[Article]:
    return list(wirecopy.read(path, "plain-text", **kwargs))  # type: ignore[arg-type]


class TestRealSamples:
    @pytest.mark.parametrize(("name", "headline", "count", "start", "kinds"), SAMPLES)
    def test_fields(self, name: str, headline: str, count: int, start: str, kinds: list[str]) -> None:
        """Each real sample reads into one article with the expected headline, paragraphs and defects."""
        path = corpus_sample(FOLDER, name)
        [article] = _read(path)
        assert article.headline == headline
        assert len(article.paragraphs) == count
        assert article.paragraphs[0].startswith(start)
        assert article.dateline is None
        assert [d.kind for d in article.defects] == kinds
        assert article.origin == wirecopy.Origin(path=str(path), line=1, offset=0, index=0)

    @pytest.mark.parametrize("name", [s[0] for s in SAMPLES])
    def test_detected(self, name: str) -> None:
        """Detection names plain-text for every real sample of it, the .story dumps included."""
        assert wirecopy.detect(corpus_sample(FOLDER, name)).best == "plain-text"

    def test_every_sample_is_listed(self) -> None:
        """The parametrized list covers every file of the corpus folder."""
        files = corpus_files(FOLDER)
        if not files:
            pytest.skip(f"the corpus folder {FOLDER} is absent")
        assert sorted(p.name for p in files) == sorted(s[0] for s in SAMPLES)

    def test_latin1_is_decoded_not_mangled(self) -> None:
        """The Latin-1 BBC file reads its pound sign as £, with a not-utf8 defect placed on the byte."""
        [article] = _read(corpus_sample(FOLDER, "bbc_sport_199_latin1.txt"))
        assert "£" in article.paragraphs[1]
        assert "Ã" not in article.text
        [defect] = article.defects
        assert (defect.line, defect.column) == (5, 176)
        assert defect.message == "byte 0xa3 is not UTF-8; the document was decoded as cp1252"

    def test_latin1_strict(self) -> None:
        """Under strict, the Latin-1 byte raises ParseError with its line and column."""
        path = corpus_sample(FOLDER, "bbc_sport_199_latin1.txt")
        with pytest.raises(ParseError) as info:
            _read(path, errors="strict")
        assert (
            str(info.value)
            == f"byte 0xa3 is not UTF-8; the document was decoded as cp1252 (at {path}, line 5, column 176)"
        )

    def test_bbc_file_is_canonical(self) -> None:
        """The UTF-8 BBC file is in the canonical layout: dumps(loads(x)) gives it back byte for byte."""
        data = corpus_sample(FOLDER, "bbc_business_001.txt").read_bytes()
        assert wirecopy.dumps(wirecopy.loads(data, "plain-text"), "plain-text").encode() == data

    @pytest.mark.parametrize("name", [s[0] for s in SAMPLES])
    def test_write_read_back(self, name: str) -> None:
        """loads(dumps(loads(x))) == loads(x) for every real sample."""
        first = _read(corpus_sample(FOLDER, name))
        assert wirecopy.loads(wirecopy.dumps(first, "plain-text"), "plain-text") == first


class TestLayouts:
    def test_blank_line_paragraphs(self) -> None:
        """With blank lines in the body, each run of lines is one paragraph."""
        [article] = _read(FIXTURES / "ferry.txt")
        assert article.headline == "Island ferry order approved"
        assert article.paragraphs == (
            "The Port Ellis harbour council has approved a £2.1m order for a second ferry to Gull Island.",
            "The boat will carry 40 cars and is due to enter service next spring.",
            "Opponents said the price was too high for a town of 4,000 people.",
        )
        assert article.defects == ()

    def test_one_paragraph_per_line(self) -> None:
        """With no blank line in the body, each line is a paragraph."""
        [article] = _read(FIXTURES / "one-per-line.txt")
        assert article.paragraphs == (
            "The keeper of the Gull Island lighthouse has retired after 38 years.",
            "He lit the lamp for the last time on Sunday.",
            "An automatic beacon takes over next month.",
        )

    def test_no_blank_line_under_the_headline(self) -> None:
        """Lines straight under the headline are the body, one paragraph each."""
        [article] = wirecopy.loads("Title\nFirst.\nSecond.\n", "plain-text")
        assert (article.headline, article.paragraphs) == ("Title", ("First.", "Second."))

    def test_sentence_per_line_dump(self) -> None:
        """The lower-cased Gigaword layout (blank lines first, a sentence per line) joins sentences into paragraphs."""
        [article] = _read(FIXTURES / "gigaword.story")
        assert article.headline == "ferry : island council backs second boat"
        assert article.paragraphs[1] == (
            'council chairwoman ada quint said : " we have waited long enough .'
            ' the island deserves a service that runs on time . "'
        )
        assert len(article.paragraphs) == 3

    def test_dateline_split_off(self) -> None:
        """A wire dateline opening the body goes to Article.dateline, and hard-wrapped lines are joined."""
        [article] = _read(FIXTURES / "dateline.txt")
        assert article.dateline == wirecopy.Dateline(
            text="PORT ELLIS, Maine (AP) _", place="PORT ELLIS", region="Maine", agency="AP"
        )
        assert article.paragraphs == (
            "The harbour council voted on Tuesday to buy a second ferry for the crossing to Gull Island.",
            "The vote was 7-2.",
        )

    def test_form_feed_separates_articles(self) -> None:
        """A line holding only a form feed separates articles, each with its own origin."""
        first, second = _read(FIXTURES / "two.txt")
        assert (first.headline, second.headline) == ("Island ferry order approved", "Lighthouse keeper retires")
        assert (second.origin.line, second.origin.index) == (5, 1)  # type: ignore[union-attr]
        data = (FIXTURES / "two.txt").read_bytes()
        assert second.origin.offset == data.index(b"Lighthouse")  # type: ignore[union-attr]

    def test_crlf_and_bom(self) -> None:
        """CRLF line ends and a UTF-8 byte-order mark read the same as plain LF text."""
        data = (FIXTURES / "ferry.txt").read_bytes()
        crlf = b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")
        assert wirecopy.loads(crlf, "plain-text") == wirecopy.loads(data, "plain-text")

    def test_latin1_fixture(self) -> None:
        """A Latin-1 fixture decodes £ through the cp1252 fallback, with the defect's position."""
        [article] = _read(FIXTURES / "latin1.txt")
        assert article.paragraphs[0] == "Fares to Gull Island rise to £4.50 from Monday."
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("not-utf8", 3, 30)]


class TestSniff:
    @pytest.mark.parametrize(
        "head",
        [
            b"A headline\n\nA paragraph.\n",
            b"\n\nlower case headline\n\nfirst sentence .\n",
            b"Crisis: what next\r\n\r\nThe text.\r\n",
        ],
    )
    def test_headline_over_paragraphs(self, head: bytes) -> None:
        """A short line, a blank line and more text score 0.5: enough to win, little enough to lose."""
        assert PlainTextFormat().sniff(head, None) == 0.5

    @pytest.mark.parametrize(
        "head",
        [
            b"",
            b"one line only",
            b"<?xml version='1.0'?>\n\n<nitf/>\n",
            b'{"format": "x"}\n\n{"format": "y"}\n',
            b"Path: a!b\nFrom: x@y\n\nbody\n",
            b"#! rnews 12\n\nabc\n",
            b"Text\n\nwith a \x01 control byte\n",
            b"Story text.\n\n@highlight\n\nA highlight",
            b"\n\n\n\n\nTitle\n\nBody\n",
            b"x" * 200 + b"\n\nBody\n",
        ],
    )
    def test_leaves_other_shapes_alone(self, head: bytes) -> None:
        """Markup, JSON, header blocks, control bytes, highlights and long first lines score 0.0."""
        assert PlainTextFormat().sniff(head, "x.txt") == 0.0

    def test_steals_no_other_sample(self, corpus: Path) -> None:
        """No real sample of another format is detected as plain-text."""
        others = [p for p in corpus.glob("*/*") if p.is_file() and p.suffix != ".md" and p.parent.name != FOLDER]
        assert others
        stolen = [str(p) for p in others if wirecopy.detect(p).best == "plain-text"]
        assert stolen == []


class TestWrite:
    def test_canonical_file_is_byte_exact(self) -> None:
        """dumps(loads(x)) == x for a file in the canonical layout."""
        data = (FIXTURES / "ferry.txt").read_text(encoding="utf-8")
        assert wirecopy.dumps(wirecopy.loads(data, "plain-text"), "plain-text") == data

    def test_written_files_are_canonical(self) -> None:
        """What the writer writes, it reads and writes again unchanged."""
        for path in sorted(FIXTURES.iterdir()):
            once = wirecopy.dumps(_read_quietly(path), "plain-text")
            assert wirecopy.dumps(wirecopy.loads(once, "plain-text"), "plain-text") == once, path.name

    def test_dateline_and_wrapped_lines(self) -> None:
        """The dateline is written before the first paragraph; line breaks inside a paragraph become spaces."""
        article = Article(
            format="x",
            headline="Harbour vote",
            dateline=wirecopy.Dateline(
                text="PORT ELLIS, Maine (AP) _", place="PORT ELLIS", region="Maine", agency="AP"
            ),
            paragraphs=("The council voted\non Tuesday.", "", "The vote was 7-2."),
        )
        assert wirecopy.dumps(article, "plain-text") == (
            "Harbour vote\n\nPORT ELLIS, Maine (AP) _ The council voted on Tuesday.\n\nThe vote was 7-2.\n"
        )

    def test_form_feed_between_articles(self) -> None:
        """Several articles are written with a form-feed line between them and read back in order."""
        items = [
            Article(format="plain-text", headline="A", paragraphs=("a.",)),
            Article(format="plain-text", headline="B", paragraphs=("b.",)),
        ]
        text = wirecopy.dumps(items, "plain-text")
        assert text == "A\n\na.\n\x0c\nB\n\nb.\n"
        assert wirecopy.loads(text, "plain-text") == items

    @pytest.mark.parametrize(
        ("headline", "message"),
        [
            (None, "cannot write article 'p1' as plain-text: it has no headline for the first line"),
            ("  ", "cannot write article 'p1' as plain-text: it has no headline for the first line"),
            ("two\nlines", "cannot write article 'p1' as plain-text: its headline spans lines"),
        ],
    )
    def test_unwritable(self, headline: str | None, message: str) -> None:
        """An article without a one-line headline raises WriteError naming it and the reason."""
        with pytest.raises(WriteError) as info:
            wirecopy.dumps(Article(format="x", id="p1", headline=headline), "plain-text")
        assert str(info.value) == message

    @given(st.lists(articles_for("plain-text"), min_size=1, max_size=3))
    def test_many_roundtrip(self, articles: list[Article]) -> None:
        """Any number of generated articles read back equal, in order."""
        assert wirecopy.loads(wirecopy.dumps(articles, "plain-text"), "plain-text", errors="strict") == articles


def _read_quietly(path: Path) -> list[Article]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(wirecopy.read(path, "plain-text"))


class TestBadInput:
    def test_empty_strict(self) -> None:
        """An empty input under strict raises ParseError at line 1, column 1."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(b"", "plain-text", errors="strict", filename="e.txt")
        assert str(info.value) == "empty input: no text found (at e.txt, line 1, column 1)"
        assert info.value.kind == "empty-input"

    def test_empty_warn_and_skip(self) -> None:
        """Blank input warns under warn, and is counted quietly under skip."""
        with pytest.warns(SkippedDocumentWarning, match="empty input"):
            assert wirecopy.loads(" \n\n", "plain-text") == []
        reader = wirecopy.iter_load(io.BytesIO(b"\n"), "plain-text", errors="skip")
        assert list(reader) == []
        assert [e.kind for e in reader.skipped] == ["empty-input"]

    def test_byte_order_mark_only(self) -> None:
        """A part holding only a byte-order mark is a document with no text, reported at its line."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(b"\xef\xbb\xbf", "plain-text", errors="strict", filename="b.txt")
        assert str(info.value) == "no text in the document (at b.txt, line 1, column 1)"

    def test_cut_inside_a_character(self) -> None:
        """A file cut in the middle of a UTF-8 character raises under strict at the cut, and reads under warn."""
        data = (FIXTURES / "ferry.txt").read_bytes()
        cut = data[: data.index("£".encode()) + 1]
        with pytest.raises(ParseError) as info:
            wirecopy.loads(cut, "plain-text", errors="strict", filename="cut.txt")
        assert (
            str(info.value)
            == "byte 0xc2 is not UTF-8; the document was decoded as cp1252 (at cut.txt, line 3, column 47)"
        )
        [article] = wirecopy.loads(cut, "plain-text")
        assert [d.kind for d in article.defects] == ["not-utf8"]

    def test_control_character(self) -> None:
        """A control byte in the text is a defect with its line and column, and a ParseError under strict."""
        data = b"Title\n\nA \x01 paragraph.\n"
        [article] = wirecopy.loads(data, "plain-text")
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("control-character", 3, 3)]
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "plain-text", errors="strict", filename="c.txt")
        assert str(info.value) == "control character '\\x01' in text (at c.txt, line 3, column 3)"

    def test_random_bytes(self) -> None:
        """Every byte value gives defects under warn and a ParseError under strict, nothing else."""
        junk = bytes(range(256)) * 2
        [article] = wirecopy.loads(junk, "plain-text")
        assert {d.kind for d in article.defects} == {"not-utf8", "control-character"}
        with pytest.raises(ParseError):
            wirecopy.loads(junk, "plain-text", errors="strict")


class TestHostileInput:
    def test_a_line_of_megabytes_without_newline(self) -> None:
        """4 MB with no newline reads as one article whose headline is the whole line."""
        [article] = wirecopy.loads(b"word " * 800_000, "plain-text")
        assert article.headline is not None and len(article.headline) == 4_000_000 - 1
        assert article.paragraphs == ()

    def test_many_tiny_documents(self) -> None:
        """20,000 form-feed-separated one-line documents read as 20,000 articles."""
        articles = wirecopy.loads(b"a\n\x0c\n" * 20_000, "plain-text")
        assert len(articles) == 20_000
        assert articles[-1].origin is not None and (articles[-1].origin.line, articles[-1].origin.index) == (
            39_999,
            19_999,
        )

    def test_a_dateline_of_dashes(self) -> None:
        """A first paragraph of 200,000 'A-' pairs reads, with no dateline taken off it."""
        [article] = wirecopy.loads(b"Headline\n\n" + b"A-" * 200_000 + b" text\n", "plain-text")
        assert article.dateline is None
        assert len(article.paragraphs[0]) == 400_005

    def test_a_part_over_the_limit_is_left_out(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A form-feed-separated part over the size limit is left out; the parts around it read."""
        monkeypatch.setattr(PlainTextFormat, "max_document", 100)
        data = b"One\n\nfirst.\n\x0c\nTwo\n\n" + b"long " * 50 + b"\n\x0c\nThree\n\nthird.\n"
        reader = wirecopy.iter_load(io.BytesIO(data), "plain-text", errors="skip")
        assert [a.headline for a in reader] == ["One", "Three"]
        assert [(e.kind, e.lineno) for e in reader.skipped] == [("document-too-large", 5)]
        assert [a.origin.index for a in wirecopy.loads(data, "plain-text", errors="skip")] == [0, 2]  # type: ignore[union-attr]
