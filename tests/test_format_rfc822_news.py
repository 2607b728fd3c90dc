"""The rfc822-news format: 20 Newsgroups samples, headers, bodies, batches, writing, and bad input."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, ParseError, SkippedDocumentWarning, WriteError
from wirecopy.formats.rfc822_news import RFC822NewsFormat
from wirecopy.strategies import articles_for

from .conftest import DATA, corpus_files, corpus_sample

FIXTURES = DATA / "rfc822-news"
FOLDER = "usenet-rfc822"
UTC = dt.timezone.utc
EST = dt.timezone(dt.timedelta(hours=-5))

# (file, id, headline, byline, published, newsgroups, paragraphs, first words, defect kinds)
SAMPLES = [
    (
        "20ng_alt.atheism_51121",
        "<1993Apr05.180116.43346@watson.ibm.com>",
        'Re: [soc.motss, et al.] "Princeton axes matching funds for Boy Scouts"',
        "strom@Watson.Ibm.Com (Rob Strom)",
        dt.datetime(1993, 4, 5, 18, 1, 16, tzinfo=UTC),
        ("alt.atheism", "soc.motss", "rec.scouting"),
        5,
        "In article <N4HY.93Apr5120934@harder.ccr-p.ida.org>",
        ["bad-lines"],
    ),
    (
        "20ng_comp.sys.ibm.pc.hardware_60928",
        "<1r60sk$fnk@news.cs.tu-berlin.de>",
        "QIC250 Streamer Software Prolem",
        "idler@cs.tu-berlin.de (Andreas Kuehnel)",
        dt.datetime(1993, 4, 22, 11, 51, 48, tzinfo=UTC),
        ("comp.sys.ibm.pc.hardware",),
        1,
        "I'm using a QIC-compatible 250MB streamer",
        [],
    ),
    (
        "20ng_rec.sport.baseball_104780",
        "<93105.121131RVESTERM@vma.cc.nd.edu>",
        "Re: Millitello update",
        "<RVESTERM@vma.cc.nd.edu>",
        dt.datetime(1993, 4, 15, 12, 11, 31, tzinfo=EST),
        ("rec.sport.baseball",),
        3,
        "In article <1993Apr14.175343.3431@alleg.edu>",
        [],
    ),
    (
        "20ng_rec.sport.hockey_54000",
        "<1993Apr23.162236.9985@mprgate.mpr.ca>",
        "Where's Roger?",
        "duncan@\u20ac\x08\u20ac\x08 (Nicholas Duncan)",
        dt.datetime(1993, 4, 23, 16, 22, 36, tzinfo=UTC),
        ("rec.sport.hockey",),
        4,
        "I really feel the need for a knowledgable hockey observer",
        ["not-utf8", "control-character"],
    ),
]
assert len({s[0] for s in SAMPLES}) == len(SAMPLES)
# TREC-style SGML of newsgroup posts: another format's file, in the same folder.
NOT_MINE = "erl_eng-NG-31-9999.ldc.sgml"


def _read(path: Path, **kwargs: object) -> list[Article]:
    return list(wirecopy.read(path, "rfc822-news", **kwargs))  # type: ignore[arg-type]


class TestRealSamples:
    @pytest.mark.parametrize(
        ("name", "id", "headline", "byline", "published", "groups", "count", "start", "kinds"), SAMPLES
    )
    def test_fields(
        self,
        name: str,
        id: str,
        headline: str,
        byline: str,
        published: dt.datetime,
        groups: tuple[str, ...],
        count: int,
        start: str,
        kinds: list[str],
    ) -> None:
        """Each 20 Newsgroups sample reads into the expected header fields, paragraphs and defects."""
        path = corpus_sample(FOLDER, name)
        [article] = _read(path)
        assert (article.id, article.headline, article.byline) == (id, headline, byline)
        assert article.published == published
        assert article.published.utcoffset() == published.utcoffset()  # type: ignore[union-attr]
        assert article.subjects == groups
        assert len(article.paragraphs) == count
        assert article.paragraphs[0].startswith(start)
        assert [d.kind for d in article.defects] == kinds
        assert article.origin == wirecopy.Origin(path=str(path), line=1, offset=0, index=0)

    def test_other_headers_in_order(self) -> None:
        """Every header that is not a field goes to extra, in order, with its name as written."""
        [article] = _read(corpus_sample(FOLDER, "20ng_alt.atheism_51121"))
        assert list(article.extra) == ["Xref", "Path", "Sender", "Distribution", "References", "Organization", "Lines"]
        assert article.extra["Lines"] == "dog"

    def test_non_numeric_lines(self) -> None:
        """'Lines: dog' is a defect at the value under warn, and a ParseError under strict."""
        path = corpus_sample(FOLDER, "20ng_alt.atheism_51121")
        [article] = _read(path)
        assert [(d.line, d.column) for d in article.defects] == [(12, 8)]
        with pytest.raises(ParseError) as info:
            _read(path, errors="strict")
        assert str(info.value) == f"Lines header is not a number: 'dog' (at {path}, line 12, column 8)"

    def test_folded_header(self) -> None:
        """A folded References header is unfolded into one value."""
        [article] = _read(corpus_sample(FOLDER, "20ng_rec.sport.baseball_104780"))
        assert article.extra["References"] == "<93102.154311RVESTERM@vma.cc.nd.edu> <1993Apr14.175343.3431@alleg.edu>"

    def test_binary_bytes_in_headers(self) -> None:
        """Raw 0x80 0x08 bytes in the headers are defects placed on the bytes, not a crash."""
        path = corpus_sample(FOLDER, "20ng_rec.sport.hockey_54000")
        [article] = _read(path)
        assert [(d.kind, d.line, d.column) for d in article.defects] == [
            ("not-utf8", 2, 101),
            ("control-character", 2, 102),
        ]

    def test_quoting_and_signature_kept(self) -> None:
        """Quoted lines keep their marks and line breaks; the signature stays in the body as text."""
        [article] = _read(corpus_sample(FOLDER, "20ng_alt.atheism_51121"))
        assert article.paragraphs[1].startswith("|> [1] HOWEVER")
        assert "\n|> worse than I hate this policy." in article.paragraphs[1]
        assert article.paragraphs[-1].startswith("-- \nRob Strom")

    @pytest.mark.parametrize("name", [s[0] for s in SAMPLES])
    def test_detected(self, name: str) -> None:
        """Detection names rfc822-news for every 20 Newsgroups sample."""
        assert wirecopy.detect(corpus_sample(FOLDER, name)).best == "rfc822-news"

    def test_sgml_sample_is_not_claimed(self) -> None:
        """The LDC SGML newsgroup file in the same folder scores 0: it belongs to the SGML format."""
        data = corpus_sample(FOLDER, NOT_MINE).read_bytes()
        assert RFC822NewsFormat().sniff(data[:8192], NOT_MINE) == 0.0

    def test_every_sample_is_listed(self) -> None:
        """The parametrized list covers every file of the corpus folder but the SGML one."""
        files = corpus_files(FOLDER)
        if not files:
            pytest.skip(f"the corpus folder {FOLDER} is absent")
        assert sorted(p.name for p in files) == sorted([NOT_MINE, *(s[0] for s in SAMPLES)])

    @pytest.mark.parametrize("name", [s[0] for s in SAMPLES])
    def test_write_read_back(self, name: str) -> None:
        """loads(dumps(loads(x))) == loads(x) for every real sample."""
        first = _read(corpus_sample(FOLDER, name))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedDocumentWarning)
            assert wirecopy.loads(wirecopy.dumps(first, "rfc822-news"), "rfc822-news") == first


class TestHeaders:
    def test_fixture(self) -> None:
        """Encoded words, crossposts with spaces, folded and repeated headers read into the right fields."""
        [article] = _read(FIXTURES / "folded")
        assert article.headline == "Re: Gull Island ferry à la carte"
        assert article.subjects == ("rec.boats", "misc.transport.water", "alt.islands")
        assert article.published == dt.datetime(1993, 3, 12, 10, 15, tzinfo=EST)
        assert dict(article.extra) == {
            "Path": "news.example.net!relay.example.org!not-for-mail",
            "References": "<1993Mar10.090000.1111@example.org>\t<1993Mar11.120000.2222@example.com>",
            "Organization": "Port Ellis Harbour Council",
            "X-Note": ("first", "second"),
        }
        assert article.defects == ()

    def test_language(self) -> None:
        """Content-Language becomes the article's language."""
        [article] = wirecopy.loads("Newsgroups: a.b\nContent-Language: de\n\nText.\n", "rfc822-news")
        assert article.language == "de"

    def test_repeated_field_goes_to_extra(self) -> None:
        """The first Subject is the headline; a second one is kept in extra."""
        [article] = wirecopy.loads("Subject: one\nSubject: two\n\n", "rfc822-news")
        assert (article.headline, dict(article.extra)) == ("one", {"Subject": "two"})

    def test_bad_encoded_word(self) -> None:
        """An encoded word in an unknown charset is kept as written, with a defect at its column."""
        [article] = wirecopy.loads("Subject: Hi =?x-nope?q?abc?=\n\n", "rfc822-news")
        assert article.headline == "Hi =?x-nope?q?abc?="
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("bad-encoded-word", 1, 13)]

    @pytest.mark.parametrize(
        ("header", "kind", "message"),
        [
            ("Date: yesterday", "bad-date", "not a date: 'yesterday' (at h.news, line 2, column 7)"),
            (
                "Message-ID: 1234",
                "bad-message-id",
                "Message-ID '1234' is not '<id@domain>' (at h.news, line 2, column 13)",
            ),
            (
                "Lines: 7",
                "lines-mismatch",
                "Lines header says 7 but the body has 1 lines (at h.news, line 2, column 8)",
            ),
        ],
    )
    def test_wrong_shape(self, header: str, kind: str, message: str) -> None:
        """A header value of the wrong shape is a defect under warn and a ParseError under strict."""
        text = f"Newsgroups: a.b\n{header}\n\nText.\n"
        [article] = wirecopy.loads(text, "rfc822-news")
        assert [d.kind for d in article.defects] == [kind]
        name, _, value = header.partition(": ")
        assert (article.id if name == "Message-ID" else article.extra[name]) == value
        with pytest.raises(ParseError) as info:
            wirecopy.loads(text, "rfc822-news", errors="strict", filename="h.news")
        assert str(info.value) == message

    def test_matching_lines_is_not_kept(self) -> None:
        """A Lines header that agrees with the body is not kept in extra: the writer computes it."""
        [article] = wirecopy.loads("Newsgroups: a.b\nLines: 1\n\nText.\n", "rfc822-news", errors="strict")
        assert dict(article.extra) == {}


class TestBody:
    def test_declared_latin1(self) -> None:
        """A body declared ISO-8859-1 (MIME 8bit) decodes without a defect; 8-bit header bytes get one."""
        [article] = _read(FIXTURES / "mime-latin1")
        assert article.paragraphs == ("Die Fähre fährt wieder.", "Grüße, Jens")
        assert article.byline == "jens@example.de (Jens Müller)"
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("not-utf8", 1, 30)]

    def test_quoted_printable(self) -> None:
        """A quoted-printable body in ISO-8859-1 is decoded, soft line breaks joined."""
        [article] = _read(FIXTURES / "quoted-printable")
        assert article.headline == "Fähre"
        assert article.paragraphs == ("Die Fähre fährt um sieben Uhr ab, und die Rückfahrt ist um acht Uhr am Abend.",)
        assert article.defects == ()

    def test_charset_mismatch(self) -> None:
        """Bytes that are not the declared charset are a defect at their place, decoded as cp1252."""
        text = b"Newsgroups: a.b\nContent-Type: text/plain; charset=us-ascii\n\nCaf\xe9.\n"
        [article] = wirecopy.loads(text, "rfc822-news")
        assert article.paragraphs == ("Café.",)
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("charset-mismatch", 4, 4)]
        assert (
            article.defects[0].message
            == "byte 0xe9 of the body is not ascii, as the headers declare; the body was decoded as cp1252"
        )


class TestMany:
    def test_rnews_batch(self) -> None:
        """An rnews batch gives each article, placed on the line after its batch line."""
        first, second = _read(FIXTURES / "batch.rnews")
        assert (first.id, second.id) == ("<ferry1@example.net>", "<ferry2@example.net>")
        assert second.paragraphs == ("Fares rise to £4.50 on Monday.", "The council blamed fuel.")
        data = (FIXTURES / "batch.rnews").read_bytes()
        start = data.index(b"\n", data.index(b"#! rnews", 5)) + 1
        assert (
            (second.origin.line, second.origin.offset, second.origin.index)
            == (  # type: ignore[union-attr]
                data[:start].count(b"\n") + 1,
                start,
                1,
            )
        )
        assert first.defects == second.defects == ()

    def test_mbox(self) -> None:
        """An mbox file gives each message; '>From ' lines are unquoted."""
        first, second = _read(FIXTURES / "archive.mbox")
        assert first.headline == "Ferry timetable"
        assert second.paragraphs == ("From the quay it looked late.",)
        assert (first.origin.line, second.origin.line) == (2, 12)  # type: ignore[union-attr]
        assert first.defects == second.defects == ()

    def test_rnews_cut_short(self) -> None:
        """A batch cut inside an article gives a truncated defect at the batch line's count."""
        data = (FIXTURES / "batch.rnews").read_bytes()[:-10]
        first, second = wirecopy.loads(data, "rfc822-news")
        assert first.defects == ()
        assert [(d.kind, d.column) for d in second.defects][:1] == [("truncated", 10)]
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, "rfc822-news", errors="strict", filename="b.rnews")
        start = data.index(b"\n", data.index(b"#! rnews", 5)) + 1
        got = len(data) - start
        line = data[:start].count(b"\n")
        assert str(info.value) == (
            f"the batch line announces {got + 10} bytes but only {got} follow: the article is cut short"
            f" (at b.rnews, line {line}, column 10)"
        )

    def test_rnews_count_beyond_the_file(self, tmp_path: Path) -> None:
        """A batch line announcing far more bytes than the file holds is a truncated article, not a MemoryError."""
        path = tmp_path / "big.rnews"
        path.write_bytes(b"#! rnews 99999999999999\nNewsgroups: a.b\n\nText.\n")
        [article] = _read(path)
        assert article.paragraphs == ("Text.",)
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("truncated", 1, 10)]

    def test_rnews_junk_between_articles(self) -> None:
        """Junk where a batch line should be is reported, and reading resumes at the next batch line."""
        data = (FIXTURES / "batch.rnews").read_bytes()
        split = data.index(b"#! rnews", 5)
        junk = data[:split] + b"garbage\nmore\n" + data[split:]
        with pytest.warns(SkippedDocumentWarning) as record:
            articles = wirecopy.loads(junk, "rfc822-news", filename="j.rnews")
        assert [a.id for a in articles] == ["<ferry1@example.net>", "<ferry2@example.net>"]
        line = data[:split].count(b"\n") + 1
        assert [str(w.message) for w in record] == [
            f"expected '#! rnews <byte count>', found 'garbage' (at j.rnews, line {line}, column 1)"
        ]


class TestWrite:
    def test_layout(self) -> None:
        """Fields become headers in a fixed order, extra follows, Lines is computed, the body is UTF-8."""
        article = Article(
            format="x",
            id="<a1@example.net>",
            headline="Fähre",
            byline="ada@example.net (Ada Quint)",
            published=dt.datetime(1993, 3, 16, 9, 0, tzinfo=UTC),
            subjects=("rec.boats", "alt.islands"),
            extra={"Path": "a!b", "X-Note": ("one", "two")},
            paragraphs=("> quoted\nreply", "-- \nAda"),
        )
        assert wirecopy.dumps(article, "rfc822-news") == (
            "From: ada@example.net (Ada Quint)\n"
            "Newsgroups: rec.boats,alt.islands\n"
            "Subject: Fähre\n"
            "Date: Tue, 16 Mar 1993 09:00:00 +0000\n"
            "Message-ID: <a1@example.net>\n"
            "Path: a!b\n"
            "X-Note: one\n"
            "X-Note: two\n"
            "Lines: 5\n"
            "\n"
            "> quoted\nreply\n\n-- \nAda\n"
        )

    def test_several_articles_are_an_rnews_batch(self) -> None:
        """Two or more articles are written as an rnews batch, which reads back in order."""
        items = [
            Article(format="rfc822-news", headline="One", subjects=("a.b",)),
            Article(format="rfc822-news", headline="Two", subjects=("a.b",)),
        ]
        text = wirecopy.dumps(items, "rfc822-news")
        assert text == (
            "#! rnews 39\nNewsgroups: a.b\nSubject: One\nLines: 0\n\n"
            "#! rnews 39\nNewsgroups: a.b\nSubject: Two\nLines: 0\n\n"
        )
        assert wirecopy.loads(text, "rfc822-news") == items

    def test_undeclared_charset_is_rewritten(self) -> None:
        """A Latin-1 body written as 8-bit UTF-8 names utf-8 in its Content-Type, and reads back the same text."""
        [article] = _read(FIXTURES / "mime-latin1")
        text = wirecopy.dumps(article, "rfc822-news")
        assert "Content-Type: text/plain; charset=utf-8\n" in text
        [again] = wirecopy.loads(text, "rfc822-news")
        assert again.paragraphs == article.paragraphs

    def test_quoted_printable_keeps_its_charset(self) -> None:
        """A quoted-printable body is written back in its declared charset, byte for byte."""
        data = (FIXTURES / "quoted-printable").read_bytes()
        [article] = wirecopy.loads(data, "rfc822-news")
        text = wirecopy.dumps(article, "rfc822-news")
        assert "D=E4hre" not in text and "Die F=E4hre f=E4hrt" in text
        assert wirecopy.loads(text, "rfc822-news") == [article]

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            (
                {"headline": "two\nlines"},
                "cannot write article '<n1@x>' as rfc822-news: its Subject header spans lines",
            ),
            (
                {"subjects": ("a,b",)},
                "cannot write article '<n1@x>' as rfc822-news: newsgroup 'a,b' is empty or holds a comma or space",
            ),
            (
                {"subjects": ("a b",)},
                "cannot write article '<n1@x>' as rfc822-news: newsgroup 'a b' is empty or holds a comma or space",
            ),
        ],
    )
    def test_unwritable(self, changes: dict[str, object], message: str) -> None:
        """A header that would span lines, or a newsgroup with a comma or space, raises WriteError."""
        fields: dict[str, object] = {"format": "x", "id": "<n1@x>", "subjects": ("a.b",)}
        fields.update(changes)
        with pytest.raises(WriteError) as info:
            wirecopy.dumps(Article(**fields), "rfc822-news")  # type: ignore[arg-type]
        assert str(info.value) == message

    def test_written_files_are_canonical(self) -> None:
        """What the writer writes, it reads and writes again unchanged."""
        for path in sorted(FIXTURES.iterdir()):
            once = wirecopy.dumps(_read(path), "rfc822-news")
            assert wirecopy.dumps(wirecopy.loads(once, "rfc822-news"), "rfc822-news") == once, path.name

    @given(st.lists(articles_for("rfc822-news"), min_size=1, max_size=3))
    def test_many_roundtrip(self, articles: list[Article]) -> None:
        """Any number of generated articles read back equal, in order, under strict."""
        assert wirecopy.loads(wirecopy.dumps(articles, "rfc822-news"), "rfc822-news", errors="strict") == articles


class TestBadInput:
    def test_empty_strict(self) -> None:
        """An empty input under strict raises ParseError at line 1, column 1."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(b"\n\n", "rfc822-news", errors="strict", filename="e.news")
        assert str(info.value) == "empty input: no article found (at e.news, line 1, column 1)"

    def test_empty_warn_and_skip(self) -> None:
        """An empty input warns under warn, and is counted quietly under skip."""
        with pytest.warns(SkippedDocumentWarning, match="empty input"):
            assert wirecopy.loads("", "rfc822-news") == []
        reader = wirecopy.iter_load(io.BytesIO(b""), "rfc822-news", errors="skip")
        assert list(reader) == []
        assert [e.kind for e in reader.skipped] == ["empty-input"]

    def test_not_an_article(self) -> None:
        """Text whose first line is no header field is not an article: reported with its line and column."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads("Hello world\n\nText.\n", "rfc822-news", errors="strict", filename="n.news")
        assert (
            str(info.value)
            == "not a news article: line 1 is not a header field ('Hello world') (at n.news, line 1, column 6)"
        )
        assert info.value.kind == "not-an-article"

    def test_cut_in_the_headers(self) -> None:
        """A file cut inside its header block has a missing-body defect, and raises under strict."""
        data = corpus_sample(FOLDER, "20ng_rec.sport.baseball_104780").read_bytes()
        cut = data[: data.index(b"Lines:")]
        [article] = wirecopy.loads(cut, "rfc822-news")
        assert [(d.kind, d.line) for d in article.defects] == [("missing-body", 11)]
        with pytest.raises(ParseError) as info:
            wirecopy.loads(cut, "rfc822-news", errors="strict", filename="cut")
        assert str(info.value) == (
            "the headers are not followed by a blank line: the article may be cut short (at cut, line 11, column 1)"
        )

    def test_cut_in_the_body(self) -> None:
        """A file cut inside its body disagrees with its Lines header: a lines-mismatch defect."""
        data = corpus_sample(FOLDER, "20ng_rec.sport.baseball_104780").read_bytes()
        cut = data[: data.index(b"uhhhh")]
        [article] = wirecopy.loads(cut, "rfc822-news")
        assert [(d.kind, d.message) for d in article.defects] == [
            ("lines-mismatch", "Lines header says 10 but the body has 6 lines")
        ]

    def test_bad_header_line(self) -> None:
        """A line in the headers that is no field ends them there, with a defect at the bad character."""
        [article] = wirecopy.loads("Subject: a\nnot a header\nFrom: x\n\nText.\n", "rfc822-news")
        assert article.headline == "a"
        assert article.paragraphs == ("not a header\nFrom: x", "Text.")
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("bad-header-line", 2, 4)]

    def test_random_bytes(self) -> None:
        """Every byte value is reported as not an article, never a crash."""
        junk = bytes(range(256)) * 2
        with pytest.warns(SkippedDocumentWarning):
            assert wirecopy.loads(junk, "rfc822-news") == []
        with pytest.raises(ParseError):
            wirecopy.loads(junk, "rfc822-news", errors="strict")


class TestHostileInput:
    def test_byte_order_mark_single(self) -> None:
        """An article that opens with a UTF-8 byte-order mark reads as without it, and is detected."""
        data = (FIXTURES / "folded").read_bytes()
        assert wirecopy.loads(b"\xef\xbb\xbf" + data, "rfc822-news") == wirecopy.loads(data, "rfc822-news")
        assert wirecopy.detect(b"\xef\xbb\xbf" + data).best == "rfc822-news"

    def test_byte_order_mark_batch_and_mbox(self) -> None:
        """A byte-order mark before a batch line or an mbox 'From ' line, or opening a batched article, is dropped."""
        for name in ("batch.rnews", "archive.mbox"):
            data = (FIXTURES / name).read_bytes()
            again = wirecopy.loads(b"\xef\xbb\xbf" + data, "rfc822-news")
            assert [a.headline for a in again] == [a.headline for a in wirecopy.loads(data, "rfc822-news")]
            assert all(a.defects == () for a in again)
        article = b"\xef\xbb\xbfSubject: a\n\nText.\n"
        [read] = wirecopy.loads(b"#! rnews %d\n" % len(article) + article, "rfc822-news", errors="strict")
        assert (read.headline, read.paragraphs) == ("a", ("Text.",))

    def test_long_message_id(self) -> None:
        """A Message-ID of 300,000 characters full of '@' reads (its check is linear), with its defect."""
        text = "Message-ID: <" + "a@" * 150_000 + "\n\nText.\n"
        [article] = wirecopy.loads(text, "rfc822-news")
        assert [d.kind for d in article.defects] == ["bad-message-id"]
        [good] = wirecopy.loads("Message-ID: <" + "a@" * 150_000 + ">\n\nText.\n", "rfc822-news")
        assert good.defects == ()

    def test_message_id_shapes(self) -> None:
        """'<id@domain>' needs text on both sides of an '@' and no space or angle bracket inside."""
        good = ["<a@b>", "<@a@b>", "<a@b@>", "<a@@b>"]
        bad = ["<@b>", "<a@>", "<ab>", "<a @b>", "a@b", "<a@b", "<<a@b>", "<@>"]
        for value in good + bad:
            [article] = wirecopy.loads(f"Message-ID: {value}\n\nText.\n", "rfc822-news")
            assert (article.defects == ()) == (value in good), value

    def test_many_encoded_words(self) -> None:
        """A subject of 30,000 encoded words decodes (in linear time), neighbours in one charset joined."""
        text = "Subject: " + "=?utf-8?q?a?= " * 29_999 + "=?utf-8?q?=C3?= =?utf-8?q?=A9?=\n\nText.\n"
        [article] = wirecopy.loads(text, "rfc822-news")
        assert article.headline == "a" * 29_999 + "é"
        assert article.defects == ()

    def test_encoded_words_in_two_charsets(self) -> None:
        """Encoded words in different charsets are each decoded in their own; the space between them goes."""
        text = "Subject: =?iso-8859-1?q?caf=E9?= =?utf-8?b?w6k=?= x =?bad?q?y?=\n\nText.\n"
        [article] = wirecopy.loads(text, "rfc822-news")
        assert article.headline == "caféé x =?bad?q?y?="
        assert [d.kind for d in article.defects] == ["bad-encoded-word"]

    def test_many_bad_encoded_words_give_one_defect(self) -> None:
        """Thousands of encoded words that cannot be decoded give one defect, at the first; all are kept."""
        text = "Subject: " + "=?nowhere?q?a?= x " * 10_000 + "\nX-Other: =?nowhere?q?b?=\n\nText.\n"
        [article] = wirecopy.loads(text, "rfc822-news")
        assert [(d.kind, d.line, d.column) for d in article.defects] == [("bad-encoded-word", 1, 10)]
        assert article.headline is not None and article.headline.count("=?nowhere?q?a?=") == 10_000

    def test_batch_article_over_the_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A batched article over the size limit is skipped unread; the next article reads."""
        monkeypatch.setattr(RFC822NewsFormat, "max_document", 1000)
        big = b"Subject: big\n\n" + b"x" * 5000 + b"\n"
        small = b"Subject: small\n\nText.\n"
        data = b"#! rnews %d\n" % len(big) + big + b"#! rnews %d\n" % len(small) + small
        reader = wirecopy.iter_load(io.BytesIO(data), "rfc822-news", errors="skip")
        assert [a.headline for a in reader] == ["small"]
        assert [(e.kind, e.lineno) for e in reader.skipped] == [("document-too-large", 2)]

    def test_mbox_message_over_the_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An mbox message over the size limit is skipped; the messages around it read, in order."""
        monkeypatch.setattr(RFC822NewsFormat, "max_document", 1000)
        data = (
            b"From a\nSubject: one\n\nText.\n\n"
            + b"From b\nSubject: two\n\n"
            + b"long line\n" * 500
            + b"\nFrom c\nSubject: three\n\nText.\n"
        )
        reader = wirecopy.iter_load(io.BytesIO(data), "rfc822-news", errors="skip")
        assert [a.headline for a in reader] == ["one", "three"]
        assert [(e.kind, e.lineno) for e in reader.skipped] == [("document-too-large", 7)]

    def test_a_line_over_the_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A single article with a line over the size limit is left out without the line being held."""
        monkeypatch.setattr(RFC822NewsFormat, "max_document", 1000)
        reader = wirecopy.iter_load(
            io.BytesIO(b"Subject: " + b"x" * 100_000 + b"\n\nText.\n"), "rfc822-news", errors="skip"
        )
        assert list(reader) == []
        assert [e.kind for e in reader.skipped] == ["document-too-large"]


_NAME = st.lists(st.sampled_from([*"AZaz09-_!~", "From"]), max_size=6).map("".join)
_VALUE = st.lists(st.sampled_from([*" \t:aé\x0b\x85\u2028", "=?utf-8?q?x?=", "From "]), max_size=8).map("".join)
_FIELD_LINE = st.tuples(_NAME, _VALUE).map(":".join)
_CONTINUATION = st.tuples(st.sampled_from([" ", "\t"]), _VALUE).map("".join)


@given(_FIELD_LINE, st.lists(st.one_of(_FIELD_LINE, _CONTINUATION), max_size=8))
def test_header_fields_are_read_as_the_email_package_reads_them(first: str, rest: list[str]) -> None:
    """A header block's raw fields are those the email package's compat32 parser gives, empty names included."""
    import email.parser
    import email.policy

    from wirecopy.formats._rfc822_header import header_items

    text = "\n".join([first, *rest]) + "\n"
    expected = email.parser.Parser(policy=email.policy.compat32).parsestr(text, headersonly=True)
    assert header_items(text) == list(expected.raw_items())
