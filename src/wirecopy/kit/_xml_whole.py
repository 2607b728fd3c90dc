"""A document handed over whole, read the short way; and the items of an envelope read whole.

Most inputs are one document read in one go (a file of one story).  Such a
document needs none of what :class:`~._xml_document.DocumentParser` keeps
for a document fed piece by piece (the pieces held back, the item scan, the
size limit counted as it grows), so :func:`read_whole` parses it with the
same guarded parser (:func:`~._xml_guard.tree_parser`, which refuses entity
declarations itself) and nothing else.  Anything out of the ordinary (a
broken document, the NewsML 1.2 boilerplate, text after the root) gives
``None``: the document is then read again from its start by a
``DocumentParser``, which reports it as always.  The reading is the same
either way, so the articles are too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from typing import Any
from xml.parsers import expat

from ._xml_cursor import Bytes, Cursor, Layout, local_name
from ._xml_guard import Boilerplate, EntityDeclared, Undefined, put_names_right, tree_parser

__all__ = ["item_events", "read_whole", "starts"]


def read_whole(cursor: Cursor, data: bytes, line: int, offset: int) -> list[tuple[str, Any]] | None:
    """The events of the whole document *data*: ``("root", element)``, or an envelope's items.

    ``None`` when it must be read the long way.  *line* and *offset* are
    where the document starts in the file.
    """
    builder = ET.TreeBuilder()
    parser, names = tree_parser(builder, lambda: data)
    known = len(names)
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, EntityDeclared, Undefined, Boilerplate):
        return None
    root: ET.Element = builder.close()
    if len(names) != known:
        put_names_right(root, names)
    if cursor.items is not None and local_name(root.tag) in cursor.layout.envelopes:
        found = starts(cursor.items, data, line, offset, cursor.file_bytes)
        return item_events(root, cursor.layout, found)
    return [("root", root)]


def starts(
    pattern: re.Pattern[bytes], data: bytes, line: int, offset: int, file_bytes: Callable[[Bytes], int]
) -> list[tuple[int, int, int]]:
    """The (line, file offset, byte index) of each item start tag in the whole document *data*.

    *line* and *offset* are the document's first line and file offset; *file_bytes*
    says how many bytes of the file some UTF-8 text came from.
    """
    found = []
    done = 0
    for match in pattern.finditer(data):
        index = match.start()
        segment = data[done:index]
        line += segment.count(b"\n")
        offset += file_bytes(segment)
        done = index
        found.append((line, offset, index))
    return found


def item_events(root: ET.Element, layout: Layout, positions: Sequence[tuple[int, int, int]]) -> list[tuple[str, Any]]:
    """The ``("item", ...)`` events of an envelope read whole, with their start tags' places, in document order.

    The k-th of *positions* (the start tags the item scan found) is the k-th
    element of an item's name in the tree.
    """
    items = layout.items
    kinds: dict[Any, bool] = {}
    named: dict[int, int] = {}
    for element in root.iter():
        tag = element.tag
        is_item = kinds.get(tag)
        if is_item is None:
            is_item = kinds[tag] = local_name(tag) in items
        if is_item:
            named[id(element)] = len(named)
    level = [(root, root)]
    for _ in range(layout.depth):
        level = [(parent, element) for _, parent in level for element in parent]
    events: list[tuple[str, Any]] = []
    for parent, element in level:
        if kinds.get(element.tag):
            order = named[id(element)]
            events.append(("item", (element, root, parent, positions[order] if order < len(positions) else None)))
    return events
