"""The paragraphs of the XML formats' bodies: NITF, XHTML, and plain or HTML text.

Private to ``nitf``, ``newsml-g2``, ``newsml-1`` and ``rcv1-xml``.
"""

from __future__ import annotations

import html.parser
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from ..kit.xml import gather, local, squeeze, text_of

__all__ = ["WIRE_LAYOUT", "body_paragraphs", "table_rows", "text_paragraphs", "wire_paragraphs"]

# Elements whose text is one paragraph.
_PARAGRAPHS = frozenset({"p", "hl2", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "dt", "dd", "lede"})
# Elements that are not body text: media, notes to editors, and the
# metadata a NITF block may carry before its paragraphs.
_NOT_TEXT = frozenset(
    {
        "media",
        "nitf-table-metadata",
        "note",
        "hr",
        "datasource",
        "byline",
        "dateline",
        "abstract",
        "tobject",
        "key-list",
        "classifier",
        "copyrite",
        "head",
        "header",
        "footer",
        "nav",
        "script",
        "style",
        "figure",
        "figcaption",
        "aside",
        "title",
        "meta",
        "link",
        "caption",
        "credit",
    }
)
# Inline elements: their text belongs to the paragraph around them.
_INLINE = frozenset(
    {
        "a",
        "em",
        "strong",
        "b",
        "i",
        "u",
        "s",
        "span",
        "q",
        "sub",
        "sup",
        "small",
        "big",
        "abbr",
        "cite",
        "code",
        "kbd",
        "mark",
        "time",
        "font",
        "person",
        "org",
        "location",
        "city",
        "state",
        "region",
        "country",
        "chron",
        "event",
        "function",
        "money",
        "num",
        "object.title",
        "virtloc",
        "postaddr",
        "lang",
        "pronounce",
        "classifier",
        "copyrite",
        "copyrite.year",
        "copyrite.holder",
        "alt-code",
        "name.given",
        "name.family",
        "frac",
        "numer",
        "denom",
        "frac-sep",
        "sublocation",
        "br",
        "ins",
        "del",
        "var",
        "tt",
        "dfn",
        "bdi",
        "bdo",
        "wbr",
    }
)
# NYT Annotated Corpus: the lead repeats the start of the full text.
_DUPLICATE_BLOCKS = frozenset({"lead_paragraph", "online_lead_paragraph"})


def body_paragraphs(container: ET.Element | None, *, wire: bool = False) -> list[str]:
    """The paragraphs of a NITF ``body.content`` or an XHTML ``body``, in order.

    ``p``, ``hl2``, headings and list items are paragraphs; ``block``, lists,
    ``section`` and ``div`` are walked into; a table gives a paragraph per
    row, header rows included, its cells separated by tabs; media and notes
    are left out.  When a NYT ``full_text`` block is present, the ``lead_paragraph``
    blocks (which repeat its start) are left out.  Text loose in a container
    (not in a paragraph element) makes a paragraph of its own; the white
    space between elements does not.  With *wire*, a ``pre``, and a ``p``
    laid out as wire text (Reuters sends a whole story in one ``p``), are
    read as :func:`wire_paragraphs` reads them.
    """
    out: list[str] = []
    if container is None:
        return out
    skip_duplicates = False
    for item in container:
        if item.get("class") == "full_text" and local(item.tag) == "block":
            skip_duplicates = True
            break
    text = container.text
    loose: list[str] | None = [text] if text and not text.isspace() else None
    kinds = _KINDS
    # The walk keeps its own stack, so that no nesting exhausts Python's:
    # each entry is the children left to read at one level, whether the NYT
    # duplicates are skipped there, and the element whose tail follows them.
    stack: list[tuple[Iterator[ET.Element], bool, ET.Element | None]] = [(iter(container), skip_duplicates, None)]
    while stack:
        items, skip, owner = stack[-1]
        for item in items:
            tag = item.tag
            kind = kinds.get(tag) if isinstance(tag, str) else _NONE
            if kind is None:
                kind = _kind(tag)
            if kind is _PARAGRAPH:
                if loose is not None:
                    paragraph = squeeze("".join(loose))
                    if paragraph:
                        out.append(paragraph)
                    loose = None
                text = item.text
                if len(item):
                    paragraph = text_of(item)
                elif not text:
                    paragraph = ""
                elif wire and "\n" in text and _laid_out(item, local(tag)):
                    out.extend(wire_paragraphs(text))
                    paragraph = ""
                else:
                    paragraph = squeeze(text)
                if paragraph:
                    out.append(paragraph)
            elif kind is _INLINE_TEXT:
                if loose is None:
                    loose = []
                if item.text or len(item):
                    sub: list[str] = []
                    gather(item, sub)
                    loose.append("".join(sub))
                else:
                    loose.append("")
            elif kind is _BREAK:
                if loose is None:
                    loose = []
                loose.append(" ")
            elif kind is not _NONE:
                if loose is not None:
                    paragraph = squeeze("".join(loose))
                    if paragraph:
                        out.append(paragraph)
                    loose = None
                if kind is _TABLE:
                    out.extend(table_rows(item))
                elif kind is _SKIP or (skip and kind is _BLOCK and item.get("class") in _DUPLICATE_BLOCKS):
                    pass
                else:
                    text = item.text
                    loose = [text] if text and not text.isspace() else None
                    stack.append((iter(item), False, item))
                    break  # into it; its tail is read once it is done
            tail = item.tail
            if tail and (loose is not None or not tail.isspace()):
                if loose is None:
                    loose = []
                loose.append(tail)
        else:
            stack.pop()
            if loose is not None:
                paragraph = squeeze("".join(loose))
                if paragraph:
                    out.append(paragraph)
            tail = owner.tail if owner is not None else None
            loose = [tail] if tail and not tail.isspace() else None
    return out


# What an element is to the walk of a body, by its tag (namespace and all).
_PARAGRAPH, _INLINE_TEXT, _BREAK, _TABLE, _SKIP, _BLOCK, _CONTAINER, _NONE = (object() for _ in range(8))
_KINDS: dict[str, object] = {}


def _kind(tag: Any) -> object:
    """What an element of this tag is to :func:`body_paragraphs`, remembered (for a bounded number of tags)."""
    name = local(tag)
    if not name:
        return _NONE
    if name == "br":
        kind = _BREAK
    elif name in _INLINE:
        kind = _INLINE_TEXT
    elif name in _PARAGRAPHS:
        kind = _PARAGRAPH
    elif name == "table":
        kind = _TABLE
    elif name in _NOT_TEXT:
        kind = _SKIP
    elif name == "block":
        kind = _BLOCK
    else:
        kind = _CONTAINER
    if len(_KINDS) < 4096:  # bounded: tags come from the input
        _KINDS[tag] = kind
    return kind


def _laid_out(item: ET.Element, name: str) -> bool:
    """Whether a paragraph element holds plain text whose line breaks and indents carry its layout.

    Wire text indents a paragraph's first line and not the lines it wraps
    onto; pretty-printed XML indents every line after the first, which says
    nothing.
    """
    text = item.text
    if len(item) or not text or name not in ("p", "pre"):
        return False
    if name == "pre":
        return True
    return WIRE_LAYOUT.search(text) is not None and _UNINDENTED_LATER.search(text) is not None


# A line after the first that starts with text, not with an indent.
_UNINDENTED_LATER = re.compile(r"\n[^\s]")


_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
_CELLS = frozenset({"td", "th"})


def table_rows(table: ET.Element) -> list[str]:
    """The rows of a (NITF or HTML) table, each its cells' text separated by tabs; empty rows left out.

    A cell's text is squeezed, so a tab in a row always separates two
    cells; an empty cell stays, as an empty string between tabs.
    """
    rows: list[str] = []
    for part in table:
        name = local(part.tag)
        for row in part if name in _ROW_GROUPS else (part,) if name == "tr" else ():
            if local(row.tag) != "tr":
                continue
            cells = [text_of(cell) for cell in row if local(cell.tag) in _CELLS]
            if any(cells):
                rows.append("\t".join(cells))
    return rows


_MARKUP = re.compile(r"<(?:p|P|br|BR|div|DIV)\b")


def text_paragraphs(text: str) -> list[str]:
    """Paragraphs of text from an ``inlineData`` or a ``DataContent``: plain or HTML.

    HTML paragraphs (``<p>``, ``<br>``, ``<div>``) are split on; inside
    them, and in plain text, paragraphs are read as :func:`wire_paragraphs`
    reads them.
    """
    if _MARKUP.search(text):
        collector = _HTMLBlocks()
        collector.feed(text)
        collector.close()
        blocks = collector.blocks
    else:
        blocks = [text]
    out: list[str] = []
    for block in blocks:
        out.extend(wire_paragraphs(block))
    return out


# A gap between two columns: a tab, or two spaces or more that do not follow
# the end of a sentence or a clause.
_COLUMN_GAP = re.compile(r"(?<=[^\s.?!:;,])(?:\t| {2,})(?=\S)")
#: Text laid out as a wire sends it: a line break, then an indented line.
WIRE_LAYOUT = re.compile(r"\n[ \t]+\S")


def wire_paragraphs(text: str) -> list[str]:
    """The paragraphs of wire text: hard-wrapped lines, each paragraph's first line indented.

    A blank line ends a paragraph, and so does an indented line that
    follows another line (unless every line is indented, when the indent
    says nothing); the lines of a paragraph are joined with a space.  A
    stretch between blank lines that is a table (most of its lines hold a
    gap between columns) is one paragraph that keeps its line breaks and its
    columns.
    """
    lines = text.splitlines()
    indented_everywhere = all(line[:1].isspace() for line in lines if line.strip())
    out: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.rstrip())
        elif block:
            out.extend(_table(block) if _is_table(block) else _wrapped(block, indented_everywhere))
            block = []
    return out


def _is_table(lines: list[str]) -> bool:
    gaps = sum(1 for line in lines if _COLUMN_GAP.search(line.strip()))
    return gaps >= 2 and 2 * gaps >= len(lines)


def _table(lines: list[str]) -> list[str]:
    indent = min(len(line) - len(line.lstrip()) for line in lines)
    return ["\n".join(line[indent:] for line in lines)]


def _wrapped(lines: list[str], indented_everywhere: bool) -> list[str]:
    paragraphs: list[list[str]] = []
    for line in lines:
        if not paragraphs or (line[:1].isspace() and not indented_everywhere):
            paragraphs.append([])
        paragraphs[-1].append(line)
    return [squeeze(" ".join(paragraph)) for paragraph in paragraphs]


class _HTMLBlocks(html.parser.HTMLParser):
    """Split an HTML fragment into the text of its block elements."""

    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "pre"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip = 0

    def _flush(self) -> None:
        text = "".join(self._current)
        self._current = []
        if text.strip():
            self.blocks.append(text)

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        """A block element's start ends the text before it."""
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        """A block element's end ends its text."""
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        """Text, unless inside a script or style."""
        if not self._skip:
            self._current.append(data)

    def close(self) -> None:
        """Finish, keeping the text after the last block element."""
        super().close()
        self._flush()
