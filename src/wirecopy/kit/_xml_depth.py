"""The depth limit of XML documents, checked at little cost where a document cannot pass it.

A document's tree is built by expat driving ElementTree's C tree builder,
with no Python code per element; counting the depth with Python handlers
costs as much as a tenth of the time of a read.  So a document's parser
(:class:`~._xml_document.DocumentParser`) counts only where it must:

* a small document (:data:`SMALL`, whose tree is small whatever its shape)
  is checked once complete, and only when it holds more elements than the
  limit allows levels;
* past that size, the start tags fed (``<`` that no ``/`` follows) bound
  the depth, and handlers count it exactly once that bound passes the limit;
* where the elements of a message's items are followed, the depth is the
  stack of open elements, checked at each start; a piece fed larger than a
  chunk is counted first, as above.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any
from xml.parsers import expat

from ._xml_cursor import Bytes

__all__ = ["MAX_DEPTH", "SMALL", "TooDeep", "deeper_than", "depth_of", "message", "starts"]

#: The most levels of elements a document may nest, its root counting as
#: one; a document nested deeper is left out with the kind ``too-deep``.
#: News nests a few dozen levels at most (NewsML 1 components inside
#: components, XHTML tables inside ``inlineXML``), and libxml2 refuses more
#: than 256 by default: a thousand leaves ample room and keeps the tree of
#: a hostile document small (a few hundred bytes a level).
MAX_DEPTH = 1000
#: Bytes of a document under which its tree is checked once complete
#: rather than as it grows: at most about 11,000 elements, a few MB.
SMALL = 1 << 15


class TooDeep(Exception):
    """Raised from a start handler one level past the limit, with the place of its start tag in the document."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line = line
        self.column = column


def message(limit: int, *, stopped: bool) -> str:
    """The message of a document left out as too deep (*stopped*: the rest of the input was not read)."""
    rest = ", and the rest of the input was not read" if stopped else ""
    return f"the document nests elements more than {limit} levels deep: left out{rest}"


def starts(piece: Bytes) -> int:
    """At least as many as the start tags *piece* holds: its ``<`` that no ``/`` follows (two counts)."""
    data = bytes(piece) if isinstance(piece, memoryview) else piece
    return data.count(b"<") - data.count(b"</")


def depth_of(text: bytes, limit: int) -> tuple[int, TooDeep | None]:
    """The depth at the end of UTF-8 *text*, the start of a document, read with expat (no tree is built).

    Also the place of the first start tag past *limit*, where the reading
    stops, or ``None``.  *text* is what the document's own parser has read
    already, so it declares no entity (that parser refuses them).
    """
    parser = expat.ParserCreate("utf-8")
    depth = [0]

    def start(name: str, attributes: Any) -> None:
        """One level deeper; stop one past the limit."""
        depth[0] += 1
        if depth[0] > limit:
            raise TooDeep(parser.CurrentLineNumber, parser.CurrentColumnNumber)

    def end(name: str) -> None:
        """One level up."""
        depth[0] -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(text, False)
    except TooDeep as err:
        return depth[0], err
    except expat.ExpatError:
        pass
    return depth[0], None


def deeper_than(root: ET.Element, limit: int) -> bool:
    """Whether the tree of *root* nests more than *limit* levels (a cheap count of its elements first)."""
    if len(list(root.iter())) <= limit:
        return False
    # The children of one element per level: they are len(stack) + 1 levels deep.
    stack = [iter(root)]
    if len(root) and limit < 2:
        return True
    while stack:
        for element in stack[-1]:
            if len(element):
                stack.append(iter(element))
                if len(stack) + 1 > limit:
                    return True
                break
        else:
            stack.pop()
    return False
