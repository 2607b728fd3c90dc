"""The depth limit of XML documents: counted only where a document could pass it.

A document has no more levels than start tags, so while the start tags fed
to a document's parser stay under the limit, which is the common case, no
Python code runs per element; past that, handlers count the depth in front
of the tree builder and stop the parser one level past the limit, before
the tree grows deeper.
"""

from __future__ import annotations

import contextlib
from typing import Any
from xml.parsers import expat

from ._xml_cursor import Bytes

__all__ = ["MAX_DEPTH", "TooDeep", "depth_of", "starts"]

#: The most levels of elements a document may nest, its root counting as
#: one; a document nested deeper is left out with the kind ``too-deep``,
#: and its tree is not built past this depth.  News nests a few dozen levels
#: at most (NewsML 1 components inside components, XHTML tables inside
#: ``inlineXML``), and libxml2 refuses more than 256 by default: a thousand
#: leaves ample room, keeps the tree of a hostile document small (a few
#: hundred bytes a level), and lets documents of up to a thousand start
#: tags be read with no counting at all.
MAX_DEPTH = 1000


class TooDeep(Exception):
    """Raised from the start handler at an element one level deeper than the limit, with its place."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line = line
        self.column = column


def starts(piece: Bytes) -> int:
    """At least as many as the start tags *piece* holds: its ``<`` that no ``/`` follows (two counts)."""
    data = bytes(piece) if isinstance(piece, memoryview) else piece
    return data.count(b"<") - data.count(b"</")


def depth_of(text: bytes) -> int:
    """How many elements are open at the end of UTF-8 *text*, the start of a document, read with expat.

    *text* is what the document's own parser has read already, so it
    declares no entity (that parser refuses them); no tree is built.
    """
    parser = expat.ParserCreate("utf-8")
    depth = [0]

    def start(name: str, attributes: Any) -> None:
        """One level deeper."""
        depth[0] += 1

    def end(name: str) -> None:
        """One level up."""
        depth[0] -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    with contextlib.suppress(expat.ExpatError):
        parser.Parse(text, False)
    return depth[0]
