"""wirecopy.kit.sgml: the plugin format of its docstring, the scanner, and the text helpers."""

from __future__ import annotations

import io
import textwrap
import warnings
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, ParseError, SkippedDocumentWarning, WriteError
from wirecopy.kit import _sgml_scan, _sgml_text, sgml
from wirecopy.kit.sgml import SGMLDocument, SGMLFormat, blocks, collapse, decode_entities
from wirecopy.strategies import headlines
from wirecopy.testing import check_format


def _docstring_example() -> type[SGMLFormat]:
    """The plugin format of wirecopy.kit.sgml's docstring, run as written there."""
    lines = (sgml.__doc__ or "").splitlines()
    start = next(i for i, line in enumerate(lines) if line.endswith("::")) + 1
    block = []
    for line in lines[start:]:
        if line and not line.startswith("    "):
            break
        block.append(line)
    namespace: dict[str, object] = {}
    exec(textwrap.dedent("\n".join(block)), namespace)
    story = namespace["StoryFormat"]
    assert isinstance(story, type) and issubclass(story, SGMLFormat)
    return story


StoryFormat = _docstring_example()


class ReadOnlyFormat(SGMLFormat):
    """A subclass that implements no render."""

    name = "read-only-sgml"
    element = "ITEM"

    def read_document(self, document: SGMLDocument) -> Article:
        """Nothing but the origin."""
        return document.article()


STORIES = (
    b'<STORY id="1">\n<HEADLINE>Tide &amp; time</HEADLINE>\n</STORY>\n'
    b"stray words\n"
    b"<STORY>\n<HEADLINE>No id &zz;</HEADLINE>\n</STORY>\n"
    b'<STORY id="3">\n<HEADLINE>Cut short'
)


def _read(data: bytes, errors: str = "warn") -> tuple[list[Article], wirecopy.Reader]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedDocumentWarning)
        reader = wirecopy.iter_load(io.BytesIO(data), StoryFormat(), errors=errors)  # type: ignore[arg-type]
        return list(reader), reader


def test_subclass_reads_with_positions_and_reports() -> None:
    """A subclass gets origins, entities decoded, junk and unknown-entity defects, truncated documents left out."""
    (one, two), reader = _read(STORIES)
    assert (one.id, one.headline, one.format) == ("1", "Tide & time", "story-sgml")
    assert (one.origin.line, one.origin.offset, one.origin.index) == (1, 0, 0)
    assert (two.id, two.headline, two.origin.index) == (None, "No id &zz;", 1)
    assert [(d.kind, d.line, d.column) for d in two.defects] == [
        ("junk", 4, 1),
        ("missing-id", 5, 1),
        ("unknown-entity", 6, 17),
    ]
    assert [e.kind for e in reader.skipped] == ["truncated-document"]
    assert str(reader.skipped[0]) == "<STORY> is not closed: the input ends before its </STORY> (at line 8, column 1)"


def test_subclass_writes_and_reads_back() -> None:
    """The base class's writer writes what render makes of each article, and it reads back."""
    articles = [Article(format="story-sgml", id="7", headline="A <b> & c")]
    written = wirecopy.dumps(articles, StoryFormat())
    assert written == '<STORY id="7">\n<HEADLINE>A &lt;b&gt; &amp; c</HEADLINE>\n</STORY>\n'
    assert wirecopy.loads(written, StoryFormat()) == articles


def test_subclass_passes_the_format_contract() -> None:
    """The example format keeps the contract every format keeps."""
    stories = st.builds(
        Article,
        format=st.just("story-sgml"),
        id=st.integers(1, 9999).map(str),
        headline=st.none() | headlines(),
    )
    check_format(StoryFormat, articles=stories, samples=[STORIES], max_examples=20)


def test_without_render_the_format_cannot_write() -> None:
    """A subclass that implements no render says so and refuses to write."""
    assert not ReadOnlyFormat().can_write
    assert StoryFormat().can_write
    with pytest.raises(WriteError, match=r"^format 'read-only-sgml' cannot be written$"):
        wirecopy.dumps([Article(format="read-only-sgml")], ReadOnlyFormat())


def test_strict_raises_at_the_first_problem() -> None:
    """Under strict, the first problem of a subclass's input raises with its position."""
    with pytest.raises(
        ParseError, match=r"^text outside any <STORY> document, before this one \(at line 4, column 1\)$"
    ):
        _read(STORIES, errors="strict")


_PIECES = [
    b"<DOC>",
    b'<DOC id="X">',
    b"</DOC>",
    b"<DOCNO>",
    b"<DO",
    b"C>",
    b"<",
    b">",
    b"\n",
    b"  ",
    b"text",
    b"<!-- note -->",
    b"<!--",
    b"<?xml?>",
    b"\xff",
    b"<TEXT>",
    b"</TEXT>",
]


def _outcome(data: bytes) -> tuple[list[tuple[Article, wirecopy.Origin]], list[str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedDocumentWarning)
        reader = wirecopy.iter_load(io.BytesIO(data), "trec-sgml", errors="warn")
        articles = [(a, a.origin) for a in reader]
    return articles, [str(e) for e in reader.skipped]


@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=30), chunk=st.integers(1, 9))
def test_documents_do_not_depend_on_the_read_size(pieces: list[bytes], chunk: int) -> None:
    """Whatever the bytes, the documents, their positions and the problems are the same for any chunk size."""
    data = b"".join(pieces)
    expected = _outcome(data)
    with mock.patch.object(_sgml_scan, "CHUNK_SIZE", chunk):
        assert _outcome(data) == expected


_TEXT = st.text(
    st.sampled_from(["a", "b", " ", "\t", "\n", "\r", "\x0b", "\x1c", "\x1f", "\u2028", "\xa0", "&", ";", "#"])
)
_ENTITY_TEXT = st.lists(st.sampled_from(["&amp;", "&zz;", "&#233;", "&", "x", " ", "&AMP;", "&Cx1f;", "&#x1F;"])).map(
    "".join
)


@given(text=_TEXT, piece=st.integers(1, 8))
def test_long_text_is_worked_in_pieces_with_the_same_result(text: str, piece: int) -> None:
    """Text longer than a piece is collapsed as str.split would, and cut into paragraphs as short text is."""
    expected = blocks(text)
    with mock.patch.object(_sgml_text, "_PIECE", piece):
        assert collapse(text) == " ".join(text.split())
        assert blocks(text) == expected


@given(text=_ENTITY_TEXT, piece=st.integers(1, 8))
def test_long_text_has_its_entities_decoded_in_pieces(text: str, piece: int) -> None:
    """Entities are decoded, and unknown ones noted in order, the same whether or not the text is cut into pieces."""
    whole: list[str] = []
    expected = decode_entities(text, whole.append)
    cut: list[str] = []
    with mock.patch.object(_sgml_text, "_PIECE", piece):
        assert decode_entities(text, cut.append) == expected
    assert cut == whole


@pytest.mark.parametrize("chunk", [1, 3, 1 << 20])
@pytest.mark.parametrize("gap", [b"<!--<!-- c -->", b"<!--C> a <!-- c -->", b"<!-->\n<LEWIS>\n<!-- c -->"])
def test_markup_cut_by_a_chunk_end_is_not_junk(gap: bytes, chunk: int) -> None:
    """A comment or tag between documents that a chunk's end cuts is judged whole, not reported as junk."""
    data = gap + b"\n<DOC>\n</DOC>\n"
    with mock.patch.object(_sgml_scan, "CHUNK_SIZE", chunk):
        [article] = wirecopy.loads(data, "trec-sgml")
    assert [d.kind for d in article.defects] == ["missing-id"]


@pytest.mark.parametrize(
    ("fmt", "tag", "count"), [("trec-sgml", b"<DOC>\n", 100_000), ("reuters21578-sgml", b"<REUTERS>\n", 60_000)]
)
def test_many_unclosed_start_tags(fmt: str, tag: bytes, count: int) -> None:
    """Start tags with no end tag, 600 KB of them (18 s of CPU before), are each left out in turn."""
    reader = wirecopy.iter_load(io.BytesIO(tag * count), fmt, errors="skip")
    assert list(reader) == []
    assert (reader.left_out, len(reader.skipped)) == (count, 1000)
    assert reader.context.left_out_kinds == {"unclosed-document": count - 1, "truncated-document": 1}
    assert (reader.skipped[0].lineno, reader.skipped[-1].lineno) == (1, 1000)


def _blocks_by_lines(text: str) -> list[str]:
    """blocks() as its docstring defines it, line by line."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if not line or line.isspace() or (current and line[0] in " \t"):
            if current:
                paragraphs.append(" ".join(" ".join(current).split()))
                current = []
            if not line or line.isspace():
                continue
        current.append(line)
    if current:
        paragraphs.append(" ".join(" ".join(current).split()))
    return paragraphs


_LINES = st.lists(st.sampled_from(["ab", "c", " ", "  ", "\n", "\n    ", "\t", "\x01", "\xe9"])).map("".join)


@given(text=_TEXT | _LINES)
def test_blocks_split_in_one_pass_as_line_by_line(text: str) -> None:
    """The one-pass split of printable ASCII (and of text with tabs) gives the paragraphs of the line-by-line rule."""
    assert blocks(text) == _blocks_by_lines(text)


_PLAIN_LINES = st.lists(st.sampled_from(["ab", "c", ".", " ", "  ", "\n", "\n    ", "\n\n", " \n", "\n \n"])).map(
    "".join
)


@given(text=_PLAIN_LINES)
@example("ab\n\n\nc\n    ab\nc")
@example("ab \n    c")
@example("ab\n  \nc  ab\n")
@example("\n\n  ab\nc \n")
def test_plain_text_splits_as_line_by_line(text: str) -> None:
    """Printable ASCII and newlines, with spaces anywhere, give the paragraphs of the line-by-line rule."""
    assert _sgml_text.plain_blocks(text) == _blocks_by_lines(text)
