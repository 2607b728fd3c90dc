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

from . import _xml_depth, _xml_token
from ._xml_cursor import Bytes, Cursor, Layout, local_name
from ._xml_depth import SMALL, deeper_than
from ._xml_guard import Boilerplate, EntityDeclared, Undefined, put_names_right, tree_parser

__all__ = ["item_events", "read_whole", "starts"]


def read_whole(cursor: Cursor, data: bytes, line: int, offset: int) -> list[tuple[str, Any]] | None:
    """The events of the whole document *data*: ``("root", element)``, or an envelope's items.

    ``None`` when it must be read the long way.  *line* and *offset* are
    where the document starts in the file.
    """
    limit = cursor.max_depth
    # A document that may nest past the depth limit goes the long way, which
    # leaves it out with its place: one too large to build first is not built.
    if len(data) > SMALL and _xml_depth.starts(data) > limit:
        return None
    builder = ET.TreeBuilder()
    parser, names = tree_parser(builder, lambda: data)
    known = len(names)
    try:
        # A MiB at a time, so that one tag cannot cost its size squared; the
        # long way leaves out a document whose tag passes the limit.
        if _xml_token.parse(parser, data, True, 0):
            return None
    except (expat.ExpatError, EntityDeclared, Undefined, Boilerplate):
        return None
    root: ET.Element = builder.close()
    # Nesting and closing a level takes at least 7 bytes: a shorter document cannot pass the limit.
    if len(data) > 7 * limit and deeper_than(root, limit):
        return None
    if len(names) != known:
        put_names_right(root, names)
    if cursor.items is not None and local_name(root.tag) in cursor.layout.envelopes:
        pattern = cursor.items
        return item_events(
            root, cursor.layout, lambda count: starts(pattern, data, line, offset, cursor.file_bytes, count)
        )
    return [("root", root)]


def starts(
    pattern: re.Pattern[bytes],
    data: bytes,
    line: int,
    offset: int,
    file_bytes: Callable[[Bytes], int],
    count: int | None = None,
) -> list[tuple[int, int, int]]:
    """The (line, file offset, byte index) of each item start tag in the whole document *data* (the first *count*).

    *line* and *offset* are the document's first line and file offset; *file_bytes*
    says how many bytes of the file some UTF-8 text came from.
    """
    found: list[tuple[int, int, int]] = []
    if count == 0:
        return found
    done = 0
    for match in pattern.finditer(data):
        index = match.start()
        segment = data[done:index]
        line += segment.count(b"\n")
        offset += file_bytes(segment)
        done = index
        found.append((line, offset, index))
        if len(found) == count:
            break
    return found


def item_events(
    root: ET.Element, layout: Layout, positions: Callable[[int], Sequence[tuple[int, int, int]]]
) -> list[tuple[str, Any]]:
    """The ``("item", ...)`` events of an envelope read whole, with their start tags' places, in document order.

    The k-th start tag the item scan finds is the k-th element of an item's
    name in the tree; *positions* gives the first so many the scan finds.
    """
    is_item = layout.is_item
    level = [(root, root)]
    for _ in range(layout.depth):
        level = [(parent, element) for _, parent in level for element in parent]
    level = [(parent, element) for parent, element in level if is_item(element.tag)]
    if not level:
        return []
    # Only the elements up to the last item count: the walk stops there.
    wanted = {id(element) for _, element in level}
    orders: dict[int, int] = {}
    named = 0
    for element in root.iter():
        if is_item(element.tag):
            if id(element) in wanted:
                orders[id(element)] = named
                if len(orders) == len(wanted):
                    break
            named += 1
    found = positions(named + 1)
    return [
        ("item", (element, root, parent, found[order] if (order := orders[id(element)]) < len(found) else None))
        for parent, element in level
    ]
