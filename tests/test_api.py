"""The json-style API: loads, load, iter_load, read, dumps, dump, and the Reader."""

from __future__ import annotations

import bz2
import gzip
import io
import itertools
import lzma
import warnings
from pathlib import Path
from typing import Any, Literal

import pytest

import wirecopy
from wirecopy import AmbiguousFormatError, ParseError, SkippedDocumentWarning
from wirecopy.defects import MISSING_ID, TRUNCATED_DOCUMENT

from .conftest import SEED

SEED_BYTES = SEED.read_bytes()


class TestLoads:
    def test_str_is_text_never_a_path(self) -> None:
        """A str naming an existing file is read as text, not opened."""
        with pytest.raises(AmbiguousFormatError):
            wirecopy.loads(str(SEED))

    def test_bytes_and_str_agree(self) -> None:
        """loads gives the same articles for the text and for its bytes."""
        assert wirecopy.loads(SEED_BYTES) == wirecopy.loads(SEED_BYTES.decode())

    def test_rejects_other_types(self) -> None:
        """A Path given to loads raises TypeError pointing to read()."""
        with pytest.raises(TypeError, match="use read\\(\\) for a path"):
            wirecopy.loads(SEED)  # type: ignore[arg-type]

    def test_format_object(self) -> None:
        """A Format instance is accepted where a name is."""
        assert wirecopy.loads(SEED_BYTES, wirecopy.get_format("cnn")) == wirecopy.loads(SEED_BYTES, "cnn-reuters")

    def test_ambiguous_message(self) -> None:
        """Undetectable input raises AmbiguousFormatError that says how to choose."""
        with pytest.raises(AmbiguousFormatError) as info:
            wirecopy.loads("hello", filename="x.dat")
        assert str(info.value).startswith("cannot tell the format of x.dat; candidates:")
        assert str(info.value).endswith("pass format= to choose one")


class TestRead:
    @pytest.mark.parametrize(
        ("suffix", "compress"),
        [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)],
    )
    def test_compressed(self, tmp_path: Path, suffix: str, compress: object) -> None:
        """gzip, bzip2 and xz files are decompressed and detected by their inner content."""
        path = tmp_path / f"seed.txt{suffix}"
        path.write_bytes(compress(SEED_BYTES))  # type: ignore[operator]
        [article] = wirecopy.read(path)
        assert article.headline == "Russia plans U.S. missile talks"
        assert article.origin is not None and article.origin.path == str(path)

    def test_corrupt_gzip(self, tmp_path: Path) -> None:
        """A truncated gzip file raises ParseError naming the file, not EOFError."""
        path = tmp_path / "cut.txt.gz"
        path.write_bytes(gzip.compress(SEED_BYTES * 50)[:-40])
        with pytest.raises(ParseError, match="corrupt gzip data") as info:
            list(wirecopy.read(path, "cnn"))
        assert info.value.source == str(path)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file raises FileNotFoundError."""
        with pytest.raises(FileNotFoundError):
            wirecopy.read(tmp_path / "none.txt")

    def test_reader_closes_its_file(self) -> None:
        """The reader closes the file it opened at the end of a with block."""
        with wirecopy.read(SEED) as reader:
            next(reader)
        assert reader._stream is None

    def test_streams_lazily(self, tmp_path: Path) -> None:
        """A reader returns the first article before reading the whole file."""
        path = tmp_path / "many.txt"
        one = SEED_BYTES + b"\n\n"
        path.write_bytes(one * 2000)
        reader = wirecopy.read(path, "cnn")
        next(reader)
        raw = reader._stream
        assert raw is not None and raw.tell() < len(one) * 200
        reader.close()


# A clean story, one with a defect (no id) and one that cannot be read (not
# closed): the three error modes give three different results.
MIXED = (
    b'<DOC id="AFP_ENG_20120314.0001" type="story" >\n<HEADLINE>\nOne\n</HEADLINE>\n'
    b"<TEXT>\n<P>\nFirst story.\n</P>\n</TEXT>\n</DOC>\n"
    b"<DOC>\n<HEADLINE>\nNo number\n</HEADLINE>\n<TEXT>\n<P>\nA story without an id.\n</P>\n</TEXT>\n</DOC>\n"
    b'<DOC id="AFP_ENG_20120314.0003">\n<HEADLINE>\nCut\n'
)


def _outcome(call: Any) -> tuple[Any, list[str], list[tuple[str | None, int | None, bool]]]:
    """What *call(on_problem)* gives: its articles or the error it raised, its warnings, its problems."""
    seen: list[tuple[str | None, int | None, bool]] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result: Any = call(lambda e, left: seen.append((e.kind, e.lineno, left)))
        except ParseError as err:
            result = (type(err), str(err))
    return result, [str(w.message) for w in caught], seen


class TestLoad:
    def test_binary_file(self) -> None:
        """A binary file object is read, and its name used."""
        with open(SEED, "rb") as fp:
            [article] = wirecopy.load(fp)
        assert article.origin is not None and article.origin.path == str(SEED)

    def test_text_file(self) -> None:
        """A text file object reads the same as the binary one."""
        with open(SEED, encoding="utf-8") as fp:
            assert wirecopy.load(fp) == list(wirecopy.read(SEED))

    def test_text_stream_with_format(self) -> None:
        """A StringIO with a named format reads."""
        [article] = wirecopy.load(io.StringIO(SEED_BYTES.decode()), "cnn")
        assert article.source == "CNN.com"

    def test_returns_a_list(self) -> None:
        """load() returns a list, as loads() does, read to the end of the file and the file left open."""
        fp = io.BytesIO(SEED_BYTES)
        articles = wirecopy.load(fp, "cnn")
        assert type(articles) is list
        assert articles[0].headline == "Russia plans U.S. missile talks"
        assert fp.tell() == len(SEED_BYTES) and not fp.closed

    @pytest.mark.parametrize("errors", ["warn", "skip", "strict"])
    @pytest.mark.parametrize("as_text", [False, True], ids=["bytes", "text"])
    def test_same_as_loads(self, errors: Literal["warn", "skip", "strict"], as_text: bool) -> None:
        """load() of a file gives what loads() gives for its content: articles, warnings, problems, or the error."""
        data: str | bytes = MIXED.decode() if as_text else MIXED
        fp = io.StringIO(data) if isinstance(data, str) else io.BytesIO(data)
        loaded = _outcome(lambda hook: wirecopy.load(fp, "trec-sgml", errors=errors, on_problem=hook))
        assert loaded == _outcome(lambda hook: wirecopy.loads(data, "trec-sgml", errors=errors, on_problem=hook))
        articles, warned, problems = loaded
        if errors == "strict":
            assert articles == (ParseError, "document has no id (at line 11, column 1)")
            return
        assert [a.headline for a in articles] == (["One", "No number"] if errors == "warn" else ["One"])
        assert problems == [(MISSING_ID, 11, False), (TRUNCATED_DOCUMENT, 21, True)]
        unclosed = "<DOC> is not closed: the input ends before its </DOC> (at line 21, column 1)"
        assert warned == ([unclosed] if errors == "warn" else [])


class _Endless(io.RawIOBase):
    """A binary stream of trec-sgml stories that never ends."""

    def __init__(self) -> None:
        self._pending = b""
        self._count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while len(self._pending) < len(buffer):
            self._pending += (
                f'<DOC id="N{self._count}">\n<HEADLINE>\nStory {self._count}\n</HEADLINE>\n</DOC>\n'.encode()
            )
            self._count += 1
        size = len(buffer)
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


class _EndlessText(io.TextIOBase):
    """The same stories as :class:`_Endless`, as a text stream."""

    def __init__(self) -> None:
        self._raw = _Endless()

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        buffer = bytearray(8192 if size is None or size < 0 else size)
        return buffer[: self._raw.readinto(buffer)].decode()


class TestIterLoad:
    def test_warn_counts_skipped(self) -> None:
        """Under warn, an unreadable input warns and is counted on the reader."""
        reader = wirecopy.iter_load(io.BytesIO(b""), "cnn")
        with pytest.warns(SkippedDocumentWarning):
            assert list(reader) == []
        assert len(reader.skipped) == 1

    @pytest.mark.parametrize("stream", [_Endless, _EndlessText])
    def test_articles_come_before_the_stream_ends(self, stream: type[io.IOBase]) -> None:
        """iter_load() returns articles from a stream that never ends, binary or text, one document at a time."""
        reader = wirecopy.iter_load(stream(), "trec-sgml", errors="strict")  # type: ignore[arg-type]
        assert isinstance(reader, wirecopy.Reader)
        assert [a.headline for a in itertools.islice(reader, 3)] == ["Story 0", "Story 1", "Story 2"]
        assert reader.returned == 3

    def test_leaves_the_file_open(self) -> None:
        """The reader does not close a file it was given, even when closed itself."""
        fp = io.BytesIO(SEED_BYTES)
        with wirecopy.iter_load(fp, "cnn") as reader:
            assert [a.headline for a in reader] == ["Russia plans U.S. missile talks"]
        assert not fp.closed
        assert reader.left_out == 0


class TestDumps:
    def test_single_article(self) -> None:
        """dumps accepts one article as well as an iterable."""
        [article] = wirecopy.read(SEED)
        assert wirecopy.dumps(article, "cnn") == wirecopy.dumps([article], "cnn")

    def test_dump_binary_and_text(self) -> None:
        """dump writes the same to a binary and to a text file."""
        articles = list(wirecopy.read(SEED))
        binary, text = io.BytesIO(), io.StringIO()
        wirecopy.dump(articles, binary, "cnn-reuters")
        wirecopy.dump(articles, text, "cnn-reuters")
        assert binary.getvalue() == SEED_BYTES
        assert text.getvalue() == SEED_BYTES.decode()

    def test_refuses_a_string(self) -> None:
        """A str given as articles raises TypeError."""
        with pytest.raises(TypeError, match="expected articles, not str"):
            wirecopy.dumps("text", "jsonl")  # type: ignore[arg-type]

    def test_unwritable_format(self) -> None:
        """Writing a read-only format raises WriteError."""
        from wirecopy.registry import Format

        class ReadOnly(Format):
            """Read only."""

            name = "read-only"

        with pytest.raises(wirecopy.WriteError, match="format 'read-only' cannot be written"):
            wirecopy.dumps([], ReadOnly())


class TestOnProblem:
    def test_each_defect_and_document_left_out_reaches_the_hook(self) -> None:
        """read(), load() and loads() hand each problem to on_problem as it is found, with its position."""
        seen: list[tuple[str | None, int | None, bool]] = []
        text = "CNN.com -  A headline with no date\nmoscow (reuters) -- text.\n"
        articles = wirecopy.loads(
            text, "cnn-reuters", filename="x.txt", on_problem=lambda e, left: seen.append((e.kind, e.lineno, left))
        )
        assert len(articles) == 1
        assert seen == [("missing-date", 1, False)]


class TestDetectTakesPaths:
    def test_a_str_is_a_path(self, tmp_path: Path) -> None:
        """detect("file.txt") opens the file, as read("file.txt") does."""
        path = tmp_path / "story.txt"
        path.write_bytes(SEED.read_bytes())
        assert wirecopy.detect(str(path)).best == "cnn-reuters"

    def test_a_missing_path_is_an_os_error(self, tmp_path: Path) -> None:
        """A str naming no file raises FileNotFoundError rather than being sniffed as text."""
        with pytest.raises(FileNotFoundError):
            wirecopy.detect(str(tmp_path / "file.txt"))

    def test_text_goes_to_detect_text(self) -> None:
        """detect_text() sniffs the text of documents."""
        assert wirecopy.detect_text(SEED.read_text(encoding="utf-8")).best == "cnn-reuters"

    def test_text_given_to_detect_is_deprecated(self) -> None:
        """detect() with text that cannot be a path still sniffs it, with a DeprecationWarning."""
        with pytest.warns(DeprecationWarning, match="detect_text"):
            detection = wirecopy.detect(SEED.read_text(encoding="utf-8"))
        assert detection.best == "cnn-reuters"


def bomb(compress: Any, size: int) -> bytes:
    """*size* lines of a MiB of spaces each, compressed a line at a time: the readers take concatenated members."""
    member = compress(b" " * ((1 << 20) - 1) + b"\n")
    return member * size


class TestDecompressionBomb:
    @pytest.mark.parametrize("compress", [gzip.compress, bz2.compress, lzma.compress], ids=["gzip", "bzip2", "xz"])
    @pytest.mark.parametrize("errors", ["strict", "warn", "skip"])
    def test_a_bomb_stops_with_a_parse_error(self, tmp_path: Path, compress: Any, errors: Any) -> None:
        """A gzip, bzip2 or xz file that expands far beyond any corpus raises ParseError (decompression-bomb)."""
        path = tmp_path / "bomb.jsonl.gz"
        path.write_bytes(bomb(compress, 80))
        with pytest.raises(ParseError) as info:
            list(wirecopy.read(path, "jsonl", errors=errors))
        assert info.value.kind == "decompression-bomb"
        assert "a decompression bomb, not a corpus" in str(info.value)
        assert str(path) in str(info.value)

    def test_the_ratio_can_be_raised(self, tmp_path: Path) -> None:
        """Policy(max_compression_ratio=...) reads a file that compresses that well."""
        path = tmp_path / "blank.jsonl.gz"
        record = wirecopy.dumps(wirecopy.read(SEED), "jsonl").encode()
        path.write_bytes(bomb(gzip.compress, 70) + gzip.compress(record))
        [article] = wirecopy.read(path, "jsonl", policy=wirecopy.Policy(max_compression_ratio=10**6))
        assert article.headline == "Russia plans U.S. missile talks"


class TestUncounted:
    def test_a_format_that_loses_a_document_is_warned_about(self) -> None:
        """A reader whose format starts a document and drops it ends with an UncountedDocumentWarning naming it."""

        class Losing(wirecopy.Format):
            """Starts two documents, returns one."""

            name = "losing-feed"

            def read(self, stream: Any, context: wirecopy.ReadContext) -> Any:
                """Lose the second document."""
                first = context.document(line=1)
                context.document(line=2)
                yield first.article(format=self.name, headline="kept")

        with pytest.warns(wirecopy.UncountedDocumentWarning, match="started 2 documents but returned 1 and left out 0"):
            articles = wirecopy.loads(b"x", Losing())
        assert [a.headline for a in articles] == ["kept"]
