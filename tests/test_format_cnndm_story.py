"""The cnndm-story format: Daily Mail samples, an invented CNN story, furniture, highlights, writing, bad input."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import tracemalloc
from pathlib import Path

import pytest

import wirecopy
from wirecopy import Article, Dateline, ParseError, SkippedDocumentWarning, WriteError
from wirecopy.formats.cnndm_story import CNNDailyMailStoryFormat

from .conftest import DATA, corpus_files, corpus_sample

FIXTURES = DATA / "cnndm-story"
FOLDER = "cnn-dailymail-story"
CNN = FIXTURES / "27923fea74e47b6979fb586ec927386547177ea3.story"
MAIL = FIXTURES / "b541624ad7c07035c6ad68d2b546e121774b5ca4.story"
OLD_MAIL = FIXTURES / "d939610118d571bc0a6eb835347151cac68acea0.story"
EST = dt.timezone(dt.timedelta(hours=-5))

# (file, id, byline, published, updated, paragraphs, first words, highlights, last highlight)
SAMPLES = [
    (
        "dm_000064fee589e5607c1534a69f852d37b4936cca.story",
        "000064fee589e5607c1534a69f852d37b4936cca",
        None,
        None,
        None,
        13,
        "Sky have won the bidding war",
        5,
        "Read how Jeff Powell broke the news of Sky's deal",
    ),
    (
        "dm_fd7d54dd2a6545cafcd1395441edc37750bd0649.story",
        "fd7d54dd2a6545cafcd1395441edc37750bd0649",
        "By Leon Watson",
        dt.datetime(2013, 1, 31, 8, 15, tzinfo=EST),
        "2013-01-31T12:00:00-05:00",
        31,
        "Vice President Joe Biden will meet",
        2,
        "It is first talks since New START arms reduction programme was agreed",
    ),
]
assert len({s[0] for s in SAMPLES}) == len(SAMPLES)


def _read(path: Path, **kwargs: object) -> list[Article]:
    return list(wirecopy.read(path, "cnndm-story", **kwargs))  # type: ignore[arg-type]


class TestRealSamples:
    @pytest.mark.parametrize(
        ("name", "id", "byline", "published", "updated", "count", "start", "highlights", "last"), SAMPLES
    )
    def test_fields(
        self,
        name: str,
        id: str,
        byline: str | None,
        published: dt.datetime | None,
        updated: str | None,
        count: int,
        start: str,
        highlights: int,
        last: str,
    ) -> None:
        """Each Daily Mail sample reads into its id, byline, dates, paragraphs and highlights, with no defect."""
        path = corpus_sample(FOLDER, name)
        [article] = _read(path)
        assert article.id == id
        assert article.byline == byline
        assert article.published == published
        assert article.extra.get("updated") == updated
        assert len(article.paragraphs) == count
        assert article.paragraphs[0].startswith(start)
        assert len(article.highlights) == highlights
        assert article.highlights[-1] == last
        assert article.dateline is None
        assert article.defects == ()

    def test_furniture_is_not_in_the_body(self) -> None:
        """The Daily Mail byline and date lines are taken out of the body, not left in it."""
        [article] = _read(corpus_sample(FOLDER, SAMPLES[1][0]))
        for word in ("PUBLISHED:", "UPDATED:", "Leon Watson", "|"):
            assert not any(p.startswith(word) for p in article.paragraphs)

    def test_hard_wraps_are_joined(self) -> None:
        """Lines wrapped inside a paragraph are joined with one space, trailing spaces dropped."""
        [article] = _read(corpus_sample(FOLDER, SAMPLES[1][0]))
        assert all("\n" not in p and p == p.strip() for p in article.paragraphs)
        assert "accusing the U.S. of meddling" in article.paragraphs[2]

    @pytest.mark.parametrize("name", [s[0] for s in SAMPLES])
    def test_detected(self, name: str) -> None:
        """Detection names cnndm-story for every real sample."""
        assert wirecopy.detect(corpus_sample(FOLDER, name)).best == "cnndm-story"

    def test_every_sample_is_listed(self) -> None:
        """The parametrized list covers every file of the corpus folder."""
        files = corpus_files(FOLDER)
        if not files:
            pytest.skip(f"the corpus folder {FOLDER} is absent")
        assert sorted(p.name for p in files) == sorted(s[0] for s in SAMPLES)

    @pytest.mark.parametrize("name", [s[0] for s in SAMPLES])
    def test_write_read_back(self, name: str) -> None:
        """loads(dumps(loads(x))) == loads(x) for every real sample, the id given back by the file name."""
        path = corpus_sample(FOLDER, name)
        [article] = _read(path)
        again = wirecopy.loads(wirecopy.dumps(article, "cnndm-story"), "cnndm-story", filename=path.name)
        assert again == [article]


class TestCNN:
    def test_fields(self) -> None:
        """The invented CNN story gives its id from the file name, the CNN dateline, paragraphs and highlights."""
        [article] = _read(CNN)
        assert article.id == "27923fea74e47b6979fb586ec927386547177ea3"
        assert article.dateline == Dateline(
            text="PORT ELLIS, Maine (CNN) --", place="PORT ELLIS", region="Maine", agency="CNN"
        )
        assert article.paragraphs[0].startswith("The harbour council of Port Ellis voted 7-2")
        assert len(article.paragraphs) == 4
        assert article.highlights == (
            "Port Ellis council votes 7-2 to buy a second ferry",
            "The boat will carry 40 cars and start in the spring",
            "Opponents say the price is too high for the town",
        )
        assert (article.byline, article.published, article.defects) == (None, None, ())

    def test_detected_by_content_and_by_name(self) -> None:
        """An @highlight line is enough for detection; so is a hash-named .story file whose head shows none."""
        assert wirecopy.detect(CNN.read_bytes()).best == "cnndm-story"
        fmt = CNNDailyMailStoryFormat()
        assert fmt.sniff(b"A long first paragraph...", "x/27923fea74e47b6979fb586ec927386547177ea3.story") == 0.9
        assert fmt.sniff(b"a dump\n\nof text\n", "AFP_ENG_20090531.0480.story") == 0.2
        assert fmt.sniff(b"a dump\n\nof text\n", "notes.txt") == 0.0

    def test_canonical_file_is_byte_exact(self) -> None:
        """dumps(loads(x)) == x for a story in the canonical layout."""
        data = CNN.read_bytes()
        assert wirecopy.dumps(wirecopy.loads(data, "cnndm-story"), "cnndm-story").encode() == data

    def test_id_needs_a_hash_name(self) -> None:
        """A story read from text, or from a file not named by a hash, has no id."""
        assert wirecopy.loads(CNN.read_bytes(), "cnndm-story")[0].id is None
        assert wirecopy.loads(CNN.read_bytes(), "cnndm-story", filename="story.story")[0].id is None


class TestDailyMail:
    def test_furniture(self) -> None:
        """'By', the name, PUBLISHED, '|' and UPDATED become the byline, published and extra['updated']."""
        [article] = _read(MAIL)
        assert article.byline == "By Marta Fenwick"
        assert article.published == dt.datetime(2013, 3, 14, 9, 40, tzinfo=EST)
        assert dict(article.extra) == {"updated": "2013-03-14T11:05:00-05:00"}
        assert article.paragraphs[0] == (
            "A town council has ordered a new ferry after the old one broke down for the third time this winter."
        )
        assert article.highlights[-1] == "The £1.8million boat was approved without a vote against"
        assert article.defects == ()

    def test_canonical_layout_is_the_scraped_one(self) -> None:
        """The writer writes the furniture exactly as the Daily Mail files have it."""
        [article] = _read(MAIL)
        assert wirecopy.dumps(article, "cnndm-story").startswith(
            "By \nMarta Fenwick\n\nPUBLISHED:\n\n09:40 EST, 14 March 2013\n\n\n| \n\nUPDATED:\n\n"
            "11:05 EST, 14 March 2013\n\nA town council"
        )

    def test_last_updated(self) -> None:
        """The older 'Last updated at 4:29 PM on 17th October 2011' goes to extra['updated']."""
        [article] = _read(OLD_MAIL)
        assert article.byline == "By Daily Mail Reporter"
        assert article.published is None
        assert dict(article.extra) == {"updated": "2011-10-17T16:29:00"}
        assert article.paragraphs[0].startswith("The keeper of the Gull Island lighthouse")

    def test_by_starting_a_story_is_not_a_byline(self) -> None:
        """A first paragraph that starts with 'By' but has no dates after it stays in the body."""
        [article] = wirecopy.loads("By now the ferry is late.\n\n@highlight\n\nLate ferry", "cnndm-story")
        assert article.byline is None
        assert article.paragraphs == ("By now the ferry is late.",)

    def test_bad_date(self) -> None:
        """An unreadable date is a defect, and its text is kept in extra['published_text']."""
        text = "PUBLISHED:\n\nyesterday\n\nBody.\n\n@highlight\n\nH"
        [article] = wirecopy.loads(text, "cnndm-story")
        assert article.published is None
        assert dict(article.extra) == {"published_text": "yesterday"}
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("bad-date", 3, 1)]
        with pytest.raises(ParseError) as info:
            wirecopy.loads(text, "cnndm-story", errors="strict", filename="d.story")
        assert str(info.value).endswith("(at d.story, line 3, column 1)")
        assert info.value.kind == "bad-date"

    def test_bad_date_round_trips(self) -> None:
        """An article with an unreadable date writes the text back where it was."""
        [article] = wirecopy.loads("PUBLISHED:\n\nyesterday\n\nBody.\n\n@highlight\n\nH", "cnndm-story")
        assert wirecopy.dumps(article, "cnndm-story") == "PUBLISHED:\n\nyesterday\n\nBody.\n\n@highlight\n\nH"


class TestWrite:
    def test_layout(self) -> None:
        """Furniture, dateline, paragraphs and highlights are written in the canonical layout, no final newline."""
        article = Article(
            format="x",
            byline="By Ada Quint",
            published=dt.date(2013, 3, 14),
            dateline=Dateline(text="(CNN) --", agency="CNN"),
            paragraphs=("First\nparagraph.", "", "Second."),
            highlights=("One", "Two"),
        )
        assert wirecopy.dumps(article, "cnndm-story") == (
            "By \nAda Quint\n\nPUBLISHED:\n\n14 March 2013\n\n(CNN) -- First paragraph.\n\nSecond."
            "\n\n@highlight\n\nOne\n\n@highlight\n\nTwo"
        )

    @pytest.mark.parametrize(
        ("value", "text"),
        [
            (dt.datetime(2013, 7, 1, 8, 5, tzinfo=dt.timezone(dt.timedelta(hours=1))), "08:05 BST, 1 July 2013"),
            (dt.datetime(2013, 7, 1, 8, 5, 30, tzinfo=dt.timezone.utc), "08:05:30 GMT, 1 July 2013"),
            (
                dt.datetime(2013, 7, 1, 8, 5, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
                "08:05 +0530, 1 July 2013",
            ),
            (dt.datetime(2013, 7, 1, 8, 5), "08:05, 1 July 2013"),
        ],
    )
    def test_dates(self, value: dt.datetime, text: str) -> None:
        """Dates are written as the Daily Mail prints them, and read back equal."""
        article = Article(format="cnndm-story", published=value, highlights=("H",))
        written = wirecopy.dumps(article, "cnndm-story")
        assert written == f"PUBLISHED:\n\n{text}\n\n@highlight\n\nH"
        assert wirecopy.loads(written, "cnndm-story") == [article]

    def test_one_story_per_file(self) -> None:
        """A second article raises WriteError: a .story file holds one story."""
        items = [Article(format="x", highlights=("a",)), Article(format="x", id="s2")]
        with pytest.raises(WriteError) as info:
            wirecopy.dumps(items, "cnndm-story")
        assert str(info.value) == (
            "cannot write article 's2' as cnndm-story: a .story file holds one story;"
            " write each article to its own file"
        )

    def test_marker_paragraph(self) -> None:
        """A paragraph that reads '@highlight' cannot be written."""
        with pytest.raises(WriteError) as info:
            wirecopy.dumps(Article(format="x", paragraphs=("@highlight",)), "cnndm-story")
        assert str(info.value) == "cannot write an article as cnndm-story: a paragraph or highlight reads '@highlight'"

    def test_written_files_are_canonical(self) -> None:
        """What the writer writes, it reads and writes again unchanged."""
        for path in sorted(FIXTURES.iterdir()):
            once = wirecopy.dumps(_read(path), "cnndm-story")
            assert wirecopy.dumps(wirecopy.loads(once, "cnndm-story"), "cnndm-story") == once, path.name


class TestBadInput:
    def test_empty_strict(self) -> None:
        """An empty input under strict raises ParseError at line 1, column 1."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(b" \n", "cnndm-story", errors="strict", filename="e.story")
        assert str(info.value) == "empty input: no story text found (at e.story, line 1, column 1)"

    def test_empty_warn_and_skip(self) -> None:
        """An empty input warns under warn, and is counted quietly under skip."""
        with pytest.warns(SkippedDocumentWarning, match="empty input"):
            assert wirecopy.loads("", "cnndm-story") == []
        reader = wirecopy.iter_load(io.BytesIO(b""), "cnndm-story", errors="skip")
        assert list(reader) == []
        assert [e.kind for e in reader.skipped] == ["empty-input"]

    def test_cut_before_the_highlights(self) -> None:
        """A story cut before its highlights has a missing-highlights defect, and raises under strict."""
        data = CNN.read_bytes()
        cut = data[: data.index(b"Opponents")]
        [article] = wirecopy.loads(cut, "cnndm-story")
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("missing-highlights", 7, 1)]
        with pytest.raises(ParseError) as info:
            wirecopy.loads(cut, "cnndm-story", errors="strict", filename="cut.story")
        assert str(info.value) == (
            "no @highlight line: the story has no summary, or was cut short (at cut.story, line 7, column 1)"
        )

    def test_cut_after_a_marker(self) -> None:
        """A story cut right after an @highlight line has an empty-highlight defect at the marker."""
        data = CNN.read_bytes()
        cut = data[: data.rindex(b"@highlight") + len(b"@highlight\n")]
        [article] = wirecopy.loads(cut, "cnndm-story")
        assert len(article.highlights) == 2
        assert [(d.kind, d.line) for d in article.defects] == [("empty-highlight", 17)]

    def test_random_bytes(self) -> None:
        """Every byte value gives defects under warn and a ParseError under strict, nothing else."""
        junk = bytes(range(256)) * 2
        [article] = wirecopy.loads(junk, "cnndm-story")
        assert {d.kind for d in article.defects} == {"not-utf8", "control-character", "missing-highlights"}
        with pytest.raises(ParseError):
            wirecopy.loads(junk, "cnndm-story", errors="strict")


class TestHostileInput:
    def test_a_decompression_bomb_is_left_out(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A .story.gz that inflates past the size limit is left out, read no further than the limit."""
        monkeypatch.setattr(CNNDailyMailStoryFormat, "max_document", 1 << 20)
        bomb = tmp_path / "bomb.story.gz"
        with gzip.open(bomb, "wb") as out:
            for _ in range(64):
                out.write(b"a" * (1 << 20))
        assert bomb.stat().st_size < 200_000
        tracemalloc.start()
        try:
            reader = wirecopy.read(bomb, "cnndm-story", errors="skip")
            assert list(reader) == []
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 8 << 20
        assert [(e.kind, e.lineno) for e in reader.skipped] == [("document-too-large", 1)]

    def test_only_white_space_over_the_limit_is_empty(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file of nothing but white space is empty input, however long."""
        monkeypatch.setattr(CNNDailyMailStoryFormat, "max_document", 1000)
        reader = wirecopy.iter_load(io.BytesIO(b" \n" * 10_000), "cnndm-story", errors="skip")
        assert list(reader) == []
        assert [e.kind for e in reader.skipped] == ["empty-input"]

    def test_many_tiny_paragraphs(self) -> None:
        """A story of 100,000 one-word paragraphs reads, every paragraph kept."""
        [article] = wirecopy.loads(b"a\n\n" * 100_000 + b"@highlight\n\nb", "cnndm-story")
        assert len(article.paragraphs) == 100_000
        assert article.highlights == ("b",)

    def test_many_empty_highlights_give_one_defect(self) -> None:
        """A story of 100,000 empty @highlight lines has one empty-highlight defect, at the first."""
        [article] = wirecopy.loads(b"body.\n\n" + b"@highlight\n\n" * 100_000, "cnndm-story")
        assert article.highlights == ()
        assert [(d.kind, d.line) for d in article.defects] == [("empty-highlight", 3)]
