"""The set-up an XML stream shares with its documents, and places in UTF-8 text.

The constants and limits, what the documents hold (:class:`Layout`), how
the stream's text maps to the file (:class:`Cursor`), and the counting of
characters and start tags that places a value in the file.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Collection
from typing import Any
from xml.parsers import expat

from ._xml_decode import Decoder

__all__ = [
    "CHUNK",
    "JUNK_AFTER_ROOT",
    "MAX_DOCUMENT_SIZE",
    "PROLOG_LIMIT",
    "SPACE",
    "Bytes",
    "Cursor",
    "Layout",
    "Problem",
    "char_index",
    "chars",
    "local_name",
    "start_tag",
    "tail",
]

#: How many bytes are read from the input at a time.
CHUNK = 1 << 16
#: A prolog (declaration, comments, DOCTYPE) longer than this many bytes (of
#: its UTF-8 text) is refused: no real document needs it.
PROLOG_LIMIT = 1 << 20
#: The most bytes (of its UTF-8 text: characters, for ASCII) a document may
#: hold; when streaming items, the most between the end of one item and the
#: end of the next.  A longer one is left out with the kind ``document-too-large``.
MAX_DOCUMENT_SIZE = 64 << 20
#: The white space XML allows between documents.
SPACE = " \t\r\n"

#: Expat's XML_ERROR_JUNK_AFTER_DOC_ELEMENT: where one document ends and the next may start.
JUNK_AFTER_ROOT = 9

#: UTF-8 text: bytes, or a slice of them.
Bytes = bytes | memoryview
_CONTINUATION = bytes(range(0x80, 0xC0))


def chars(data: Bytes) -> int:
    """How many characters UTF-8 *data* holds (a sequence cut at either end counts once)."""
    data = bytes(data) if isinstance(data, memoryview) else data
    return len(data) if data.isascii() else len(data.translate(None, _CONTINUATION))


class Problem:
    """A problem found in the stream, placed in the file: the kind, the message, the line and column."""

    __slots__ = ("column", "kind", "line", "message")

    def __init__(self, kind: str, message: str, line: int | None, column: int | None) -> None:
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column


class Layout:
    """What the documents of a stream hold: root elements read whole, or envelopes of items.

    With *envelopes*, an envelope's items (the elements named in *items*,
    *depth* levels below its root) are handed over one by one as
    ``("item", (element, envelope, parent, start))``; any other root is handed
    over whole.  *events* asks instead for the start and end of every
    element (the plain :class:`~wirecopy.kit.xml.XMLStream` streaming mode).
    """

    __slots__ = ("depth", "envelopes", "events", "item_tags", "items")

    def __init__(
        self, *, envelopes: Collection[str] = (), items: Collection[str] = (), depth: int = 1, events: bool = False
    ) -> None:
        self.envelopes = frozenset(envelopes)
        self.items = frozenset(items)
        self.depth = depth
        self.events = events
        self.item_tags: dict[Any, bool] = {}
        """Whether an element of this tag (namespace and all) is an item, for the tags met so far."""

    def is_item(self, tag: Any) -> bool:
        """Whether an element of *tag* is one of the items (remembered, for a bounded number of tags)."""
        found = self.item_tags.get(tag)
        if found is None:
            found = local_name(tag) in self.items
            if len(self.item_tags) < 4096:  # bounded: tags come from the input
                self.item_tags[tag] = found
        return found


class Cursor:
    """The stream's set-up, shared by the documents it feeds, and the item start tags found."""

    __slots__ = ("decoder", "items", "layout", "limit", "max_depth", "positions", "streaming", "utf8")

    def __init__(
        self,
        decoder: Decoder,
        items: re.Pattern[bytes] | None,
        *,
        streaming: bool,
        limit: int,
        layout: Layout,
        max_depth: int,
    ) -> None:
        self.decoder = decoder
        """How the input is decoded: its :meth:`~Decoder.byte_length` turns text back into file bytes."""
        self.items = items
        """What an item start tag looks like, when a document may hold items; ``None`` otherwise."""
        self.streaming = streaming
        """Whether documents are read element by element (items handed over as they end)."""
        self.limit = limit
        """The most bytes of a document (see :data:`MAX_DOCUMENT_SIZE`)."""
        self.layout = layout
        """What the documents hold."""
        self.max_depth = max_depth
        """The most levels of elements a document may nest (see :data:`~._xml_depth.MAX_DEPTH`)."""
        self.positions: deque[tuple[int, int, int]] = deque()
        """(line, file offset, byte index in its document) of each item start tag found."""
        self.utf8 = decoder.codec == "utf-8"

    def file_bytes(self, data: Bytes) -> int:
        """How many bytes of the file the UTF-8 *data* came from (exact but for repaired bytes)."""
        if self.utf8:
            return len(data)
        return self.decoder.byte_length(bytes(data).decode("utf-8", "surrogatepass"))


class _Found(Exception):
    """Raised from a handler when the start tag looked for is reached."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line = line
        self.column = column


def start_tag(text: bytes, order: int) -> tuple[int, int] | None:
    """The (line, 0-based column) in UTF-8 *text* of its *order*-th start tag, reading it with expat."""
    # No namespace processing: the text may use prefixes its ancestors declare.
    parser = expat.ParserCreate("utf-8")
    seen = [0]

    def start(name: str, attributes: Any) -> None:
        """Count start tags; stop at the one looked for."""
        if seen[0] == order:
            raise _Found(parser.CurrentLineNumber, parser.CurrentColumnNumber)
        seen[0] += 1

    parser.StartElementHandler = start
    try:
        parser.Parse(text, True)
    except _Found as found:
        return found.line, found.column
    except expat.ExpatError:
        pass
    return None


def local_name(tag: Any) -> str:
    """An element's local name, whether its namespace reads ``{uri}`` or, met first, ``uri}``."""
    if not isinstance(tag, str):
        return ""
    return tag[tag.rindex("}") + 1 :] if "}" in tag else tag


def tail(piece: Bytes) -> bytes:
    """The last 64 bytes or so of *piece*, starting on a character: where a tag cut in two may start."""
    tail = bytes(piece[-64:])
    start = 0
    while start < len(tail) and 0x80 <= tail[start] < 0xC0:
        start += 1
    return tail[start:]


def char_index(text: bytes, count: int) -> int:
    """The byte index in UTF-8 *text* after its first *count* characters."""
    if count <= 0:
        return 0
    if text.isascii():
        return count
    return len(text.decode("utf-8", "surrogatepass")[:count].encode("utf-8", "surrogatepass"))
