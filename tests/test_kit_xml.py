"""wirecopy.kit.xml as a plugin author meets it: the Atom format of its docstring, read, written and kept safe."""

from __future__ import annotations

import datetime as dt
import io
import re
import tracemalloc
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
import wirecopy.kit.xml as kit
from wirecopy import Article, ParseError
from wirecopy.context import ReadContext
from wirecopy.kit import _xml_tree
from wirecopy.kit.xml import Item, XMLFormat, XMLStream, child, children, escape, text_value
from wirecopy.testing import check_format

ATOM = "http://www.w3.org/2005/Atom"
FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="{ATOM}">
  <title>Harbour news</title>
  <entry>
    <id>urn:one</id>
    <title>Ferry strike ends</title>
    <updated>2019-04-12T15:00:00Z</updated>
    <content><p>Crews voted to end the strike.</p><p>Talks resume in May.</p></content>
  </entry>
  <entry>
    <id>urn:two</id>
    <title>Bridge reopens</title>
    <updated>not a date</updated>
    <content><p>The bridge reopened.</p></content>
  </entry>
</feed>
"""


def _docstring_example() -> str:
    """The AtomFormat example of the module docstring, as a plugin author would copy it."""
    doc = kit.__doc__ or ""
    start = doc.index("    from wirecopy.kit.xml import")
    end = doc.index("Elements are matched on local names")
    return "\n".join(line[4:] for line in doc[start:end].splitlines())


def _atom_from_docs() -> type[XMLFormat]:
    namespace: dict[str, Any] = {}
    exec(compile(_docstring_example(), "kit-xml-docstring", "exec"), namespace)
    cls: type[XMLFormat] = namespace["AtomFormat"]
    return cls


AtomFormat = _atom_from_docs()


class WritableAtom(AtomFormat):  # type: ignore[misc, valid-type]
    """The docstring's Atom format, writable, with its override record in an ``<wc>`` element."""

    name = "atom-writable"

    def read_item(self, item: Item) -> Article | None:
        """Read as the docstring does, and take the record."""
        record = child(item.element, "wc")
        if record is not None:
            item.record = record.text or ""
        article: Article | None = super().read_item(item)
        return article

    def render(self, article: Article, record: str | None, **options: Any) -> str:
        """One entry, in its namespace."""
        parts = [f'<entry xmlns="{ATOM}">']
        if article.id is not None:
            parts.append(f"<id>{escape(article.id)}</id>")
        if article.headline is not None:
            parts.append(f"<title>{escape(article.headline)}</title>")
        parts.append("<content>" + "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs) + "</content>")
        if record is not None:
            parts.append(f"<wc>{escape(record)}</wc>")
        return "".join(parts) + "</entry>\n"


def test_the_docstring_example_reads_a_feed() -> None:
    """The docstring's Atom format reads a feed, one article per entry, numbered and placed."""
    fmt = AtomFormat()
    first, second = wirecopy.load(io.BytesIO(FEED.encode()), fmt, filename="feed.atom")
    assert (first.id, first.headline, first.published) == (
        "urn:one",
        "Ferry strike ends",
        dt.datetime(2019, 4, 12, 15, 0, tzinfo=dt.timezone.utc),
    )
    assert first.paragraphs == ("Crews voted to end the strike.", "Talks resume in May.")
    assert [(a.origin.line, a.origin.index) for a in (first, second)] == [(4, 0), (10, 1)]  # type: ignore[union-attr]
    assert FEED.encode()[first.origin.offset :].startswith(b"<entry>")  # type: ignore[union-attr]


def test_item_position_places_a_defect_on_its_element() -> None:
    """A bad date is reported at the line and column of its <updated> element, found by Item.position."""
    _, second = wirecopy.loads(FEED, AtomFormat())
    [defect] = second.defects
    assert (defect.kind, defect.line, defect.column) == ("bad-date", 13, 5)


def test_item_locate_finds_a_value() -> None:
    """Item.locate finds a value in the item, and falls back to the item's line."""
    seen = []

    class Locating(AtomFormat):  # type: ignore[misc, valid-type]
        def read_item(self, item: Item) -> Article | None:
            seen.append((item.locate("Talks"), item.locate("nowhere")))
            article: Article | None = super().read_item(item)
            return article

    wirecopy.loads(FEED, Locating())
    assert seen == [((8, 54), (4, None)), ((10, None), (10, None))]


def test_a_lone_entry_is_a_document() -> None:
    """A root the format declares in roots is one item: an entry file reads on its own."""
    entry = f'<entry xmlns="{ATOM}"><id>urn:x</id><title>T</title><content><p>P.</p></content></entry>'
    [article] = wirecopy.loads(entry, AtomFormat(), errors="strict")
    assert (article.id, article.paragraphs) == ("urn:x", ("P.",))


def test_the_base_class_reports_wrong_roots_and_empty_input() -> None:
    """A wrong root and an empty input are reported in the words the declarations give."""
    with pytest.raises(
        ParseError, match=re.escape("not an Atom feed: the root element is <rss> (at line 1, column 1)")
    ):
        wirecopy.loads("<rss><channel/></rss>", AtomFormat(), errors="strict")
    with pytest.raises(ParseError, match="empty input: no Atom entry found"):
        wirecopy.loads(b"  \n", AtomFormat(), errors="strict")


def test_a_plugin_gets_the_entity_refusal() -> None:
    """A plugin built on the kit refuses entity declarations as the built-ins do."""
    bomb = '<!DOCTYPE feed [<!ENTITY a "aaaaaaaa">]>' + FEED.split("?>", 1)[1].replace("Ferry", "&a;")
    with pytest.raises(ParseError) as info:
        wirecopy.loads(bomb, AtomFormat(), errors="strict")
    assert info.value.kind == "entity-declaration"


def test_a_str_is_read_in_its_own_encoding() -> None:
    """Text given as a str is read as text, whatever encoding its declaration names."""
    text = FEED.replace('encoding="utf-8"', 'encoding="iso-8859-1"').replace("Ferry", "Färja")
    first, _ = wirecopy.loads(text, AtomFormat())
    assert first.headline == "Färja strike ends"


def test_an_item_dropped_in_silence_is_reported() -> None:
    """A read_item that returns None without leaving the item out has it left out for it."""

    class Careless(AtomFormat):  # type: ignore[misc, valid-type]
        def read_item(self, item: Item) -> Article | None:
            return None

    reader = wirecopy.iter_load(io.BytesIO(FEED.encode()), Careless(), errors="skip")
    assert list(reader) == []
    assert [str(error) for error in reader.skipped] == [
        "atom: an item was neither read nor reported (at line 4, column 1)",
        "atom: an item was neither read nor reported (at line 10, column 1)",
    ]


def test_the_writer_skeleton_keeps_what_the_format_cannot_hold() -> None:
    """render() alone makes a writer; what the entry cannot hold goes in the record and reads back equal."""
    fmt = WritableAtom()
    assert fmt.can_write and not AtomFormat().can_write
    article = Article(format="atom-writable", id="urn:w", headline="H", paragraphs=("One.",), subjects=("a", "b"))
    written = wirecopy.dumps([article, article], fmt)
    assert written.count("<wc>") == 2
    assert wirecopy.loads(written, fmt, errors="strict") == [article, article]


def test_the_plugin_meets_the_contract() -> None:
    """check_format passes on the docstring's plugin: declaration, sniffing and reading damaged feeds."""
    check_format(AtomFormat, samples=[FEED.encode()], checks=("declaration", "sniff", "read"), max_examples=20)


def test_xml_stream_can_be_used_on_its_own() -> None:
    """XMLStream gives the safe documents of a stream to code that is no format at all."""
    data = b"<a><b/></a>\n<a><c/></a>"
    events = list(XMLStream(io.BytesIO(data), ReadContext()).events())
    roots = [payload for kind, payload in events if kind == "root"]
    assert [[child.tag for child in root] for root in roots] == [["b"], ["c"]]
    assert [payload for kind, payload in events if kind == "document"] == [(1, 0), (2, 12)]


def test_helpers_match_local_names() -> None:
    """child, children and text_value ignore namespaces, and text_value squeezes white space."""
    root = ET.fromstring(f'<feed xmlns="{ATOM}"><entry><title> A\n  b </title></entry><entry/></feed>')
    assert len(list(children(root, "entry"))) == 2
    assert text_value(child(child(root, "entry"), "title")) == "A b"


class Story(XMLFormat):
    """One ``<story>`` per document, read whole: no envelope."""

    name = "story"
    roots = frozenset({"story"})
    document_name = "a story"
    item_name = "story"

    def read_item(self, item: Item) -> Article | None:
        """The dated story, its date placed on its element when it is not a date."""
        date = child(item.element, "date")
        line, column = item.position(date)
        text = text_value(date)
        published = item.document.date(text, line=line, column=column) if text else None
        return item.document.article(format=self.name, published=published)


def test_item_position_in_a_whole_document() -> None:
    """In a format of whole documents, Item.position places any element, after a prolog and a first document."""
    data = '<?xml version="1.0"?>\n<story/>\n<!-- two -->\n<story>\n  <x/><date>soon</date>\n</story>\n'
    first, second = wirecopy.loads(data, Story())
    assert first.defects == ()
    [defect] = second.defects
    assert (defect.kind, defect.line, defect.column) == ("bad-date", 5, 7)
    assert second.origin.line == 4  # the comment after a root belongs to its document  # type: ignore[union-attr]


def test_names_are_elementtree_names_every_time() -> None:
    """Namespaced element and attribute names read {uri}local, on the first document and every one after."""
    tags = []

    class Tagged(Story):
        def read_item(self, item: Item) -> Article | None:
            tags.append((item.element.tag, sorted(item.element.attrib), [c.tag for c in item.element]))
            return super().read_item(item)

    document = '<s:story xmlns:s="urn:s" xml:lang="en" s:kind="k"><s:date>2019-04-12</s:date></s:story>'
    for _ in range(2):
        [article] = wirecopy.loads(document, Tagged(), errors="strict")
        assert article.published == dt.date(2019, 4, 12)
    expected = ("{urn:s}story", ["{http://www.w3.org/XML/1998/namespace}lang", "{urn:s}kind"], ["{urn:s}date"])
    assert tags == [expected, expected]


def test_a_broken_document_leaves_no_wrong_names_behind() -> None:
    """A namespaced document that breaks off does not spoil its names for the documents read after it."""
    document = '<s:story xmlns:s="urn:broken-first" s:kind="k"><s:date>2019-04-12</s:date></s:story>'
    assert wirecopy.loads(document[:-3], Story(), errors="skip") == []
    [article] = wirecopy.loads(document, Story(), errors="strict")
    assert article.published == dt.date(2019, 4, 12)


WRONG = "wrong-encoding"


@pytest.mark.parametrize(
    ("data", "kinds"),
    [
        (b"<story><date>2019-04-12</date><x>\x01</x></story>", ["control-character"]),
        (b"<story><date>2019-04-12</date><x>caf\xe9</x></story>", ["not-utf8"]),
        (b"<story><date>2019-04-12</date><x>\xef\xbf\xbf</x></story>", ["control-character"]),
        (b'<?xml version="1.0" encoding="iso-8859-1"?><story><date>2019-04-12</date><x>\xe9</x></story>', []),
        (b'<?xml version="1.0" encoding="latin1"?><story><date>2019-04-12</date><x>\xc3\xa9</x></story>', [WRONG]),
    ],
)
def test_a_whole_document_that_needs_repairs_is_repaired(data: bytes, kinds: list[str]) -> None:
    """A document in hand whole whose bytes need decoding or repair is read as one fed piece by piece is."""
    whole = wirecopy.loads(data, Story())
    pieces = list(wirecopy.load(io.BufferedReader(_Reader(data + b"\n" + b" " * 70_000, 7)), Story()))
    assert [a.published for a in whole] == [dt.date(2019, 4, 12)]
    assert [d.kind for d in whole[0].defects] == kinds
    assert [(a.published, a.defects) for a in whole] == [(a.published, a.defects) for a in pieces]


class _Reader(io.RawIOBase):
    """A stream that hands out its bytes a few at a time, as a slow pipe does."""

    def __init__(self, data: bytes, size: int) -> None:
        self._data = memoryview(data)
        self._size = size

    def readable(self) -> bool:
        """It can be read."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Copy the next few bytes."""
        piece = self._data[: min(self._size, len(buffer))]
        buffer[: len(piece)] = piece
        self._data = self._data[len(piece) :]
        return len(piece)


def _message(items: int, filler: int) -> bytes:
    item = (
        '<newsItem guid="g{n}" standard="NewsML-G2" standardversion="2.24"><itemMeta>'
        '<itemClass qcode="ninat:text"/><provider literal="p"/></itemMeta>'
        "<contentMeta><headline>Caf\u00e9 {n}</headline></contentMeta>"
        "<contentSet><inlineData>Text {n}.</inlineData></contentSet></newsItem>\n"
    )
    header = f"<header><sent>2020-01-01T00:00:00Z</sent><!-- {'x' * filler} --></header>"
    body = "".join(item.format(n=n) for n in range(items))
    return f'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">{header}\n<itemSet>\n{body}</itemSet></newsMessage>'.encode()


@pytest.mark.parametrize("filler", [0, 200_000])
def test_an_envelope_read_whole_or_streamed_gives_the_same_items(filler: int) -> None:
    """A small message (read whole) and a large one (read item by item) give the same items, placed alike."""
    data = _message(40, filler)
    whole = wirecopy.load(io.BytesIO(data), "newsml-g2", errors="strict")
    streamed = wirecopy.load(io.BufferedReader(_Reader(data, 777)), "newsml-g2", errors="strict")
    first, second = list(whole), list(streamed)
    assert [a.headline for a in first] == [f"Caf\u00e9 {n}" for n in range(40)]
    assert first == second
    assert [a.origin for a in first] == [a.origin for a in second]
    assert [a.origin.line for a in first] == list(range(3, 43))  # type: ignore[union-attr]


def test_documents_one_after_another_keep_their_places() -> None:
    """Documents concatenated across many pieces start where they are, in lines and bytes."""
    document = '<?xml version="1.0"?>\n<story><x>\u00e9t\u00e9</x><date>2019-04-12</date></story>\n'
    data = (document * 3000).encode()
    assert len(data) > 3 * (1 << 16)  # several chunks, documents cut across them
    articles = list(wirecopy.load(io.BufferedReader(_Reader(data, 1000)), Story(), errors="strict"))
    size = len(document.encode())
    assert [a.origin.offset for a in articles] == [n * size for n in range(3000)]  # type: ignore[union-attr]
    assert [a.origin.line for a in articles] == [1 + 2 * n for n in range(3000)]  # type: ignore[union-attr]


def test_documents_one_after_another_read_the_short_way_keep_their_places() -> None:
    """Documents that each open with a declaration read as those that do not, places and defects alike."""
    story = "<story>\n  <x>\u00e9t\u00e9</x> <date>{date}</date>\n</story><!-- \u00e9 --><?pi \u00e9?>{gap}"
    dates = ["2019-04-12", "soon", "2019-04-13", "later"] * 600
    gaps = [" ", "\n", "\n\n  ", ""] * 600
    declared = "".join('<?xml version="1.0"?>' + story.format(date=d, gap=g) for d, g in zip(dates, gaps, strict=True))
    plain = "".join("<!DOCTYPE story     >" + story.format(date=d, gap=g) for d, g in zip(dates, gaps, strict=True))
    assert len(declared.encode()) == len(plain.encode()) > 2 * (1 << 16)
    short = list(wirecopy.load(io.BufferedReader(_Reader(declared.encode(), 5000)), Story()))
    long = list(wirecopy.load(io.BufferedReader(_Reader(plain.encode(), 5000)), Story()))
    assert len(short) == len(long) == 2400
    assert [(a.origin, a.published, a.defects) for a in short] == [(a.origin, a.published, a.defects) for a in long]
    assert [(d.line, d.column) for d in short[1].defects] == [(short[1].origin.line + 1, 14)]  # type: ignore[union-attr]


@given(st.text(alphabet=" \t\r\n\xa0\x0cab\u00e9", max_size=200), st.integers(min_value=1, max_value=16))
def test_a_long_text_is_squeezed_as_it_would_be_whole(text: str, piece: int) -> None:
    """squeeze gives the same text when it works a piece at a time, whatever the pieces' size."""
    whole = kit.squeeze(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_xml_tree, "_LONG", piece)
        assert kit.squeeze(text) == whole


def test_squeezing_a_long_text_holds_a_few_copies_of_it() -> None:
    """Squeezing 8 MB of words in short lines costs a few times the text, not an object per word."""
    text = ("ferry  boats\n" * 700_000)[:8_000_000]
    tracemalloc.start()
    try:
        squeezed = kit.squeeze(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert squeezed == " ".join(text.split())
    assert peak < 3 * len(text)
