"""HTML fragments reduced to their text, in time linear in their length.

:func:`html_text` turns a fragment such as ``<a href="/x">Lee</a> said
&#8212; twice`` into ``Lee said — twice``: tags go, character references are
resolved, the content of ``script`` and ``style`` is dropped, and runs of
white space become one space.  The standard library's :mod:`html.parser`
does the work.

That parser rescans the rest of its input for every construct it cannot
close (``<a<a<a...``, ``<!--<!--...``), which makes a hostile fragment cost
time in the square of its length.  :func:`defuse` first rewrites the
fragment, in one pass, so that the parser never meets such a construct: a
``<`` that no ``>`` closes before the next ``<`` becomes ``&lt;`` (text, as
a browser reads it), and comments, declarations and processing
instructions, which hold no text, are dropped whole.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

__all__ = ["defuse", "html_text"]

# Elements that separate the words on either side of them.
_BREAKS = frozenset(
    {"br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
)
# Elements whose content is not text.
_HIDDEN = frozenset({"script", "style"})


def html_text(markup: str) -> str:
    """Return the text of the HTML fragment *markup*, white space collapsed to single spaces."""
    if "<" not in markup:
        # No tag: resolving the references is all the parser would do.
        return " ".join((html.unescape(markup) if "&" in markup else markup).split())
    parser = _TextParser()
    parser.feed(defuse(markup))
    parser.close()
    return " ".join("".join(parser.parts).split())


def defuse(markup: str) -> str:
    """Rewrite *markup* so that :mod:`html.parser` reads it in linear time, its text unchanged.

    Every ``<`` left in the result opens a tag that a ``>`` closes before any
    other ``<``; a ``<`` that does not is escaped as ``&lt;``.  Comments
    (``<!-- ... -->``, or from ``<!--`` to the end when never closed),
    declarations (``<!DOCTYPE ...>``, ``<![CDATA[...]]>``) and processing
    instructions (``<?...>``) are removed.
    """
    out: list[str] = []
    length = len(markup)
    pos = 0
    # The first ">" at or after the current "<", found once and reused: each
    # stretch of the fragment is searched for ">" at most once.
    close = -1
    while True:
        start = markup.find("<", pos)
        if start < 0:
            out.append(markup[pos:])
            break
        out.append(markup[pos:start])
        if markup.startswith("<!--", start):
            end = markup.find("-->", start + 4)
            if end < 0:
                break
            pos = end + 3
            continue
        if close <= start:
            close = markup.find(">", start + 1)
            if close < 0:
                close = length
        following = markup.find("<", start + 1, close)
        if close == length or following >= 0:
            out.append("&lt;")
            pos = start + 1
            continue
        if markup[start + 1 : start + 2] not in ("!", "?"):
            out.append(markup[start : close + 1])
        pos = close + 1
    return "".join(out)


class _TextParser(HTMLParser):
    """Collects the text of a fragment; tags that break lines give a space."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BREAKS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)
