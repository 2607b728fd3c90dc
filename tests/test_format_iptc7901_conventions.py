"""The iptc-7901 format on the conventions of current feeds: dpa's UTF-8 converter, stripped text, line noise."""

from __future__ import annotations

import datetime as dt
import io
import zoneinfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, ParseError
from wirecopy.formats.iptc7901 import Block, headline_block
from wirecopy.kit import _transmissions
from wirecopy.strategies import articles_for

from .conftest import DATA

FIXTURES = DATA / "iptc-7901"
UTF8 = (FIXTURES / "utf8-local-time.txt").read_bytes()
STRIPPED = (FIXTURES / "stripped.txt").read_bytes()
UTC = dt.timezone.utc


class TestDpaConverter:
    def test_urgent_story_in_local_time(self) -> None:
        """'(Eil BEL...)' is a note without a defect, '251037 Sep 24' a naive time, and 'n1' an editor's initials."""
        first = wirecopy.loads(UTF8, "iptc-7901", errors="strict")[0]
        assert first.headline == "Nachtzüge fahren wieder durch das Rheintal"
        assert first.extra["notes"] == ("(Eil)",)
        assert first.published == dt.datetime(2024, 9, 25, 10, 37)
        assert first.extra["notebook"] == ("# Notizblock", "## Redaktionelle Hinweise\n- dpa-Eilmeldung")
        assert first.extra["editors"] == ("abc", "yydd", "n1", "xyz")
        assert first.defects == ()

    def test_headline_block_in_its_parts(self) -> None:
        """A correction over two lines, a genre note, a headline wrapped at 69 columns, 'Von ...' and a photo note."""
        second = wirecopy.loads(UTF8, "iptc-7901", errors="strict")[1]
        assert second.extra["notes"] == (
            "(Berichtigung: In einer früheren Version dieses Textes hieß es, die Fähre fahre ab Montag. "
            "Richtig ist Dienstag.)",
            "(Hintergrund)",
            "(Foto Archiv)",
        )
        assert second.headline == "Die Fähre über den Rhein fährt wieder - Pendler atmen nach dem langen Winter auf"
        assert (second.byline, second.extra["kicker"], second.extra["labels"]) == ("Von Erika Muster, dpa", None, None)

    def test_dateline_after_a_teaser(self) -> None:
        """The dateline opens the paragraph after the teaser; the teaser stays the first paragraph."""
        second = wirecopy.loads(UTF8, "iptc-7901")[1]
        assert second.dateline == wirecopy.Dateline(text="Bingen (dpa) -", place="Bingen", agency="dpa")
        assert second.paragraphs[0].startswith("Monatelang lag die Fähre still.")
        assert second.paragraphs[1].startswith("Die Fähre zwischen Bingen und Rüdesheim")

    def test_german_not_for_publication_and_lower_case_month(self) -> None:
        """'Die folgenden Informationen ...' opens the not-for-publication part; 'okt' is October."""
        second = wirecopy.loads(UTF8, "iptc-7901")[1]
        assert second.extra["notebook"] == ("# Notizblock",)
        assert second.extra["not_for_publication"] == ("## Kontakte\n- Autorin: Erika Muster (Bingen)",)
        assert second.extra["editors"] == ("mus/ab", "yysw", "a3", "lön")
        assert second.published == dt.datetime(2024, 10, 6, 19, 30)

    def test_kicker(self) -> None:
        """A short line that a wrap would not have broken before the headline is the kicker."""
        third = wirecopy.loads(UTF8, "iptc-7901")[2]
        assert (third.extra["kicker"], third.headline) == ("Roundup", "Night ferries return to the Rhine")
        assert third.published == dt.datetime(2024, 10, 7, 13, 41, tzinfo=UTC)

    def test_declared_zone(self) -> None:
        """A trailer without a zone takes the policy's default_tz, at its offset on that day."""
        berlin = wirecopy.Policy(default_tz=zoneinfo.ZoneInfo("Europe/Berlin"))
        first = wirecopy.loads(UTF8, "iptc-7901", policy=berlin)[0]
        assert first.published == dt.datetime(2024, 9, 25, 10, 37, tzinfo=dt.timezone(dt.timedelta(hours=2)))

    def test_written_back_as_read(self) -> None:
        """The fixture's articles write and read back equal, the local-time trailer without a zone."""
        articles = wirecopy.loads(UTF8, "iptc-7901")
        text = wirecopy.dumps(articles, "iptc-7901")
        assert "\x03251037 Sep 24\r\n" in text
        assert "\x02(Eil)\nNachtzüge fahren wieder durch das Rheintal =\r\n" in text
        assert wirecopy.loads(text, "iptc-7901", errors="strict") == articles

    @pytest.mark.parametrize(
        ("trailer", "message", "column"),
        [
            (b"251091 Sep 24", "invalid date '251091 Sep 24': minute 91 is out of range", 6),
            (b"311037 Sep 24", "invalid date '311037 Sep 24': day 31 is out of range", 2),
            (b"251037 Xyz 24", "unknown month 'Xyz'", 9),
        ],
    )
    def test_bad_local_time(self, trailer: bytes, message: str, column: int) -> None:
        """A bad part of a trailer without a zone raises under strict at its column; under warn published is None."""
        data = UTF8.replace(b"251037 Sep 24", trailer, 1)
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "iptc-7901", errors="strict", filename="t.txt")
        assert str(info.value) == f"{message} (at t.txt, line 18, column {column})"
        first = wirecopy.loads(data, "iptc-7901")[0]
        assert (first.published, [d.kind for d in first.defects]) == (None, ["bad-date"])


class TestEncoding:
    def test_latin1_falls_back_with_a_defect(self) -> None:
        """8-bit text that is not UTF-8 reads as windows-1252, with a not-utf8 defect at the first bad byte."""
        [article] = wirecopy.read(FIXTURES / "latin-1.txt", "iptc-7901")
        assert article.headline == "Ferry back on the Rhine near Köln"
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("not-utf8", 4, 32)]

    def test_str_input_is_utf8(self) -> None:
        """A str reads as the UTF-8 text it is: loads(dumps(x)) keeps 'ü' and gives no defect."""
        article = wirecopy.loads(UTF8, "iptc-7901")[0]
        [again] = wirecopy.loads(wirecopy.dumps(article, "iptc-7901"), "iptc-7901", errors="strict")
        assert again.headline == "Nachtzüge fahren wieder durch das Rheintal"


class TestStripped:
    def test_read_by_layout(self) -> None:
        """Without any control character, transmissions are cut at their header lines and read in full."""
        first, second = wirecopy.loads(STRIPPED, "iptc-7901", errors="strict", filename="s.txt")
        assert first.extra["slug"] == "/transport/Germany/Rhine/"
        assert first.extra["labels"] == "2ND LEAD 3RD NET"
        assert (first.headline, first.byline) == ("Night trains return to the Rhine valley", "By Max Beispiel, dpa")
        assert first.published == dt.datetime(2018, 12, 10, 11, 37, tzinfo=UTC)
        assert first.dateline is not None and first.dateline.place == "Koblenz"
        assert first.extra["editors"] == ("mb", "em")
        assert second.headline == "Regatta called off for lack of wind"
        assert second.origin == wirecopy.Origin(path="s.txt", line=21, offset=STRIPPED.index(b"eca00076"), index=1)

    def test_detected(self) -> None:
        """A stripped transmission is iptc-7901 for detection, even in a file named .txt."""
        assert wirecopy.detect(FIXTURES / "stripped.txt").best == "iptc-7901"

    def test_small_chunks(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Header lines cut by the end of a read chunk are still found."""
        expected = wirecopy.loads(STRIPPED, "iptc-7901")
        monkeypatch.setattr(_transmissions, "_CHUNK", 5)
        assert wirecopy.loads(STRIPPED, "iptc-7901") == expected

    def test_no_text_after_the_header(self) -> None:
        """A stripped header line with nothing after it is left out as no-text."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(b"eca00075 3 i 510    dpa 1003\n\n/politics/\n", "iptc-7901", errors="strict")
        assert info.value.kind == "no-text"
        assert str(info.value).startswith("IPTC 7901 transmission without text: its control characters were stripped")

    def test_no_trailer(self) -> None:
        """A stripped transmission whose last line is not a trailer reports it missing."""
        data = STRIPPED[: STRIPPED.index(b"101137")]
        first = wirecopy.loads(data, "iptc-7901")[0]
        assert (first.published, [d.kind for d in first.defects]) == (None, ["missing-trailer"])

    def test_too_long(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A stripped transmission longer than the limit is left out once, and the next one read."""
        fmt = wirecopy.get_format("iptc-7901")
        monkeypatch.setattr(fmt, "max_transmission", 200)
        monkeypatch.setattr(_transmissions, "_CHUNK", 64)
        data = STRIPPED.replace(b"breakfast", b"breakfast" + b" x" * 300 + b"\n" + b"y" * 300, 1)
        reader = wirecopy.iter_load(io.BytesIO(data), fmt, errors="skip")
        assert [a.headline for a in reader] == ["Regatta called off for lack of wind"]
        assert [e.kind for e in reader.skipped] == ["too-long"]

    @given(st.binary(max_size=300))
    def test_random_bytes_after_a_header_line(self, data: bytes) -> None:
        """Any bytes after a stripped header line raise nothing but ParseError under strict."""
        try:
            wirecopy.loads(b"eca00075 3 i 510    dpa 1003\n" + data, "iptc-7901", errors="strict")
        except ParseError as err:
            assert err.lineno is not None


# Every control character the writer writes: what a relay that strips them removes.
_STRIP = dict.fromkeys([0x01, 0x02, 0x03, 0x04, 0x7F])


@given(articles_for("iptc-7901"))
def test_stripped_roundtrip(article: Article) -> None:
    """A written transmission with its control characters stripped reads back as the same article."""
    extra = article.extra
    first = next(text for text in (extra["labels"], *extra["notes"], extra["kicker"], article.headline) if text)
    # Without STX, a slug line is told from the headline block by its closing slash.
    assume(first is not None and not first.endswith("/"))
    stripped = wirecopy.dumps(article, "iptc-7901").translate(_STRIP)
    assert wirecopy.loads(stripped, "iptc-7901", errors="strict") == [article]


class TestLineNoiseBeforeSoh:
    def test_del_cr_lf_before_soh(self) -> None:
        """DEL, CR and LF before SOH (as ATS sends) are line noise: detected and read without a defect."""
        path = FIXTURES / "line-noise-before-soh.txt"
        assert wirecopy.detect(path).best == "iptc-7901"
        [article] = wirecopy.read(path, errors="strict")
        assert (article.source, article.headline) == ("sda", "Fähre fährt wieder")


class TestNoHeadline:
    def test_headline_stays_null(self) -> None:
        """A block of notes only, or a text that opens with its dateline, gives no headline: none is invented."""
        first, second = wirecopy.read(FIXTURES / "no-headline.txt", errors="strict")
        assert (first.headline, first.extra["notes"]) == (None, ("(Achtung)",))
        assert second.headline is None
        assert second.paragraphs == ("The regatta was called off for lack of wind, the organisers said.",)


# (lines of the block, the last ending " =", and the parts read from them)
BLOCKS = [
    (["REFILE", "1ST LEAD", "Headline here ="], Block("REFILE 1ST LEAD", [], None, "Headline here", None, 3)),
    (["(Eil  )", "Headline ="], Block(None, ["(Eil)"], None, "Headline", None, 2)),
    (
        ["(Berichtigung: a", "b (c) d.)", "Headline", "Von A, dpa", "(Foto) ="],
        Block(None, ["(Berichtigung: a b (c) d.)", "(Foto)"], None, "Headline", "Von A, dpa", 5),
    ),
    (["(Achtung) Headline ="], Block(None, [], None, "(Achtung) Headline", None, 1)),
    (["(unclosed", "Headline ="], Block(None, [], "(unclosed", "Headline", None, 2)),
    (["Roundup", "Headline", "By A ="], Block(None, [], "Roundup", "Headline", "By A", 3)),
    (["a" * 66, "Wrapped end ="], Block(None, [], None, "a" * 66 + " Wrapped end", None, 2)),
    (["(Achtung) ="], Block(None, ["(Achtung)"], None, None, None, 1)),
    (["By itself ="], Block(None, [], None, "By itself", None, 1)),
]


@pytest.mark.parametrize(("lines", "block"), BLOCKS)
def test_headline_block(lines: list[str], block: Block) -> None:
    """Each line of the headline block goes to its part: labels, notes, kicker, headline, byline."""
    assert headline_block(lines) == block


def test_headline_block_table_has_no_duplicates() -> None:
    """The table of headline blocks names each case once."""
    assert len({tuple(lines) for lines, _ in BLOCKS}) == len(BLOCKS)


def test_naive_trailer_written_without_zone() -> None:
    """A naive published is written as local time, without 'GMT', and read back naive."""
    article = Article(format="iptc-7901", headline="H", published=dt.datetime(2024, 9, 25, 10, 37, 59))
    text = wirecopy.dumps(article, "iptc-7901")
    assert "\x03251037 Sep 24\r\n" in text
    [again] = wirecopy.loads(text, "iptc-7901", errors="strict")
    assert again.published == dt.datetime(2024, 9, 25, 10, 37)


class TestSniff:
    def test_stripped_header(self) -> None:
        """A bare header line is certain with a headline block's end or a trailer after it, likely without."""
        fmt = wirecopy.get_format("iptc-7901")
        header = b"eca00075 3 i 510    dpa 1003\n\n/politics/\n"
        assert fmt.sniff(header + b"Headline  =\n", None) == 1.0
        assert fmt.sniff(header + b"Body\n\n101137 GMT Dez 18\n", None) == 1.0
        assert fmt.sniff(header + b"Body\n", None) == 0.7
        assert fmt.sniff(b"Headline\n\neca00075 3 i 510    dpa 1003\n", None) == 0.0

    def test_line_noise_before_soh(self) -> None:
        """DEL, CR and LF before SOH keep the signature certain."""
        assert wirecopy.get_format("iptc-7901").sniff(b"\x7f\x7f\r\n\x7f\x01abc1 4 i 12  sda 0011\r\n", None) == 1.0


class TestNotForPublication:
    @pytest.mark.parametrize(
        "sentence",
        [b"The following information is not for publication", b"THE FOLLOWING INFORMATION IS NOT FOR PUBLICATION"],
    )
    def test_the_sentence_in_any_case_opens_the_section(self, sentence: bytes) -> None:
        """Without a notebook, marker line or heading, the sentence in capitals opens the section as in lower case."""
        data = (FIXTURES / "canonical.txt").read_bytes()
        first = data[: data.index(b"\x01", 1)]
        notebook = b"# Notebook\r\n\n## Note to editors\r\n- adds departure time\r\n\n"
        bare = first.replace(notebook, b"").replace(b"* * * *\r\n", b"").replace(b"## Editorial", b"Editorial")
        bare = bare.replace(b"The following information is not for publication", sentence)
        [article] = wirecopy.loads(bare, "iptc-7901")
        assert article.extra["not_for_publication"] == (
            "Editorial contacts\n- Reporting by: Max Beispiel\n  and Erika\xa0Muster",
        )
        assert all("FOR PUBLICATION" not in p.upper() for p in article.paragraphs)
