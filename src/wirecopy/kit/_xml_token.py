"""The limit on one token of an XML document: a tag, a comment, a processing instruction.

Expat reads a token that a feed leaves unfinished again from its start on the
next feed, and CPython's binding feeds it at most a MiB at a time however
much it is given: a start tag with one attribute of T MB costs about T²/2 MB
of scanning.  No news document has a tag of megabytes, so a token that grows
past :data:`MAX_TOKEN` ends the document (``document-too-large``), which
bounds that cost.  A parser shows it: its ``CurrentByteIndex`` stays at the
start of a token it has not finished, while text and CDATA move it on.
"""

from __future__ import annotations

from typing import Any

from ._xml_cursor import Bytes

__all__ = ["MAX_TOKEN", "parse"]

#: The most bytes of one tag, comment or processing instruction: ten million,
#: libxml2's own default limit on one attribute value or text node.  A data
#: URI of a picture in an attribute may take a few MB.
MAX_TOKEN = 10_000_000
# What CPython's binding hands expat at a time.
_STEP = 1 << 20


def parse(parser: Any, piece: Bytes, final: bool, fed: int) -> bool:
    """Feed *piece* to *parser* a MiB at a time; whether a token grew past :data:`MAX_TOKEN` (the rest not fed).

    *fed* is how many bytes the parser was given before *piece*.  The
    parser's exceptions go through.
    """
    size = len(piece)
    if size <= _STEP:
        parser.Parse(piece, final)
        return not final and fed + size - parser.CurrentByteIndex > MAX_TOKEN
    view = memoryview(piece)
    for start in range(0, size, _STEP):
        end = min(start + _STEP, size)
        last = end == size
        parser.Parse(view[start:end], final and last)
        if not (final and last) and fed + end - parser.CurrentByteIndex > MAX_TOKEN:
            return True
    return False
