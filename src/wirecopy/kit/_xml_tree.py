"""Elements and text: the helpers an XML format reads and writes with.

Elements are matched on their local names (:func:`local`), so that a
document read inside a namespace and the same document outside it read the
same.  Every walk over a tree here is iterative: a document nested a
hundred thousand levels deep is read, not a ``RecursionError``.
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

from ._xml_decode import NOT_XML

_LOCAL_NAMES: dict[Any, str] = {}


def local(tag: Any) -> str:
    """An element's name without its namespace; ``""`` for comments and PIs."""
    try:
        return _LOCAL_NAMES[tag]
    except (KeyError, TypeError):
        pass
    if not isinstance(tag, str):
        return ""
    name = tag[tag.index("}") + 1 :] if tag[:1] == "{" else tag
    if len(_LOCAL_NAMES) < 4096:  # bounded: tag names come from the input
        _LOCAL_NAMES[tag] = name
    return name


def children(element: ET.Element | None, name: str) -> Iterator[ET.Element]:
    """The child elements called *name*, in any namespace; none when *element* is ``None``."""
    if element is None:
        return
    for item in element:
        if local(item.tag) == name:
            yield item


def child(element: ET.Element | None, name: str) -> ET.Element | None:
    """The first child element called *name*, in any namespace, or ``None``."""
    if element is None:
        return None
    for item in element:
        if local(item.tag) == name:
            return item
    return None


def index(element: ET.Element | None) -> dict[str, ET.Element]:
    """The first child element of each name, by local name: one pass for many lookups."""
    found: dict[str, ET.Element] = {}
    if element is not None:
        for item in element:
            found.setdefault(local(item.tag), item)
    return found


def path(element: ET.Element | None, *names: str) -> ET.Element | None:
    """Follow child names down from *element*; ``None`` when a step is missing."""
    for name in names:
        element = child(element, name)
        if element is None:
            return None
    return element


_SPACES = re.compile(r"[ \t\r\n]+")
# What str.split() splits ASCII text on besides XML's white space (none of it is allowed in XML).
_OTHER_SPACES = "\x0b\x0c\x1c\x1d\x1e\x1f"


def squeeze(text: str | None) -> str:
    """Collapse runs of XML whitespace to one space and trim; other spaces (NBSP) stay."""
    if not text:
        return ""
    if "\n" not in text and "  " not in text and "\t" not in text and "\r" not in text:
        if text[0] != " " and text[-1] != " ":
            return text
        if len(text) > _LONG and not (text.isascii() and any(space in text for space in _OTHER_SPACES)):
            return text.strip(" ")  # only a space at an end to trim: one copy, not a piece at a time
    if len(text) > _LONG:
        return _squeeze_long(text)
    if text.isascii():
        return " ".join(text.split())
    return _SPACES.sub(" ", text).strip(" ")


# Longer text is squeezed a piece at a time: split whole, it would make an
# object of every word, about ten times the text (a 16 MB text node: 160 MB).
_LONG = 1 << 16
_SPACE = re.compile(r"[ \t\r\n]")


def _squeeze_long(text: str) -> str:
    """:func:`squeeze` of a long *text*, in pieces cut at white space, so that no word is cut in two."""
    ascii = text.isascii()
    parts = []
    start, size = 0, len(text)
    while start < size:
        found = _SPACE.search(text, start + _LONG) if start + _LONG < size else None
        end = found.start() if found is not None else size
        piece = " ".join(text[start:end].split()) if ascii else _SPACES.sub(" ", text[start:end]).strip(" ")
        if piece:
            parts.append(piece)
        start = end
    return " ".join(parts)


def text_of(element: ET.Element | None, *, skip: frozenset[str] = frozenset()) -> str:
    """All the text inside *element*, whitespace squeezed; a ``br`` counts as a space."""
    if element is None:
        return ""
    if not len(element):
        return squeeze(element.text)
    parts: list[str] = []
    gather(element, parts, skip)
    return squeeze("".join(parts))


def gather(element: ET.Element, parts: list[str], skip: frozenset[str] = frozenset()) -> None:
    """Append the text inside *element* to *parts*, in document order; a ``br`` gives a space.

    Elements named in *skip* are left out, but not the text that follows
    them.  The walk keeps its own stack, so no depth of nesting can exhaust
    Python's.
    """
    if element.text:
        parts.append(element.text)
    stack = [iter(element)]
    while stack:
        for item in stack[-1]:
            name = local(item.tag)
            if name == "br":
                parts.append(" ")
            elif name and name not in skip and (len(item) or item.text):
                if item.text:
                    parts.append(item.text)
                if len(item):
                    # Its tail comes after its children: the stack keeps it.
                    stack.append(_after(item, parts))
                    break
            if item.tail:
                parts.append(item.tail)
        else:
            stack.pop()


def _after(item: ET.Element, parts: list[str]) -> Iterator[ET.Element]:
    """Iterate *item*'s children, then append its tail to *parts*."""
    yield from item
    if item.tail:
        parts.append(item.tail)


def value(text: str | None) -> str | None:
    """A squeezed string, or ``None`` when nothing is left."""
    squeezed = squeeze(text)
    return squeezed or None


def text_value(element: ET.Element | None, *, skip: frozenset[str] = frozenset()) -> str | None:
    """:func:`text_of`, or ``None`` when the element is missing or empty."""
    if element is None:
        return None
    # An element of text alone (most are) is its text squeezed.
    return (squeeze(element.text) if not len(element) else text_of(element, skip=skip)) or None


def attribute(element: ET.Element | None, name: str) -> str | None:
    """An attribute's squeezed value, ``None`` when absent or blank."""
    if element is None:
        return None
    return squeeze(element.get(name)) or None


# -- sniffing ---------------------------------------------------------------


_HEAD_SKIP = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->)", re.S)
_DOCTYPE = re.compile(r"\s*<!DOCTYPE\s+([\w.:-]+)")
_START_TAG = re.compile(r"\s*<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)([^>]*)")


class Root:
    """What the head of an input says about its root element, for sniffing.

    A best guess from the first bytes, found without parsing (sniffing must
    not fail): never use it to decide anything about safety.
    """

    __slots__ = ("attributes", "doctype", "name", "prefix")

    def __init__(self, name: str, prefix: str | None, attributes: str, doctype: str | None) -> None:
        self.name = name
        """The root element's local name; ``""`` when only a DOCTYPE was found."""
        self.prefix = prefix
        """Its namespace prefix as written (``"ns2"``), or ``None``."""
        self.attributes = attributes
        """The text of its start tag after the name, attributes unparsed."""
        self.doctype = doctype
        """The name a DOCTYPE declares, or ``None``."""


def root_of(head: bytes) -> Root | None:
    """Find the root element's name in the first bytes of an input, or ``None``.

    Never raises: sniffing must not.
    """
    if head.startswith(codecs.BOM_UTF8):
        head = head[3:]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head[:2] in (b"<\x00", b"\x00<"):
        codec = (
            "utf-16"
            if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
            else ("utf-16-le" if head[:1] == b"<" else "utf-16-be")
        )
        text = head[: len(head) // 2 * 2].decode(codec, "replace")
    else:
        text = head.decode("latin-1")
    position = 0
    doctype = None
    for _ in range(64):
        match = _HEAD_SKIP.match(text, position)
        if match is not None:
            position = match.end()
            continue
        match = _DOCTYPE.match(text, position)
        if match is not None:
            doctype = match.group(1)
            end = _doctype_end(text, match.end())
            if end < 0:
                return Root("", None, "", doctype)
            position = end
            continue
        break
    match = _START_TAG.match(text, position)
    if match is None:
        return Root("", None, "", doctype) if doctype else None
    return Root(match.group(2), match.group(1), match.group(3), doctype)


def _doctype_end(text: str, position: int) -> int:
    """The index after a DOCTYPE's closing ``>``, stepping over quotes and the internal subset."""
    depth = 0
    quote = ""
    for index in range(position, len(text)):
        char = text[index]
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == ">" and depth <= 0:
            return index + 1
    return -1


# -- writing ----------------------------------------------------------------


_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ATTRIBUTE_ESCAPES = {**_ESCAPES, '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\n\r\t]')


def escape(text: str) -> str:
    """Escape character data; drops characters XML cannot carry (the overrides keep them)."""
    text = NOT_XML.sub("", text)
    text = _strip_surrogates(text)
    return _TEXT_SPECIAL.sub(lambda m: _ESCAPES.get(m.group(), "&#13;"), text)


def escape_attribute(text: str) -> str:
    """Escape an attribute value; drops characters XML cannot carry."""
    text = NOT_XML.sub("", text)
    text = _strip_surrogates(text)
    return _ATTRIBUTE_SPECIAL.sub(lambda m: _ATTRIBUTE_ESCAPES[m.group()], text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _strip_surrogates(text: str) -> str:
    if text.isascii():
        return text
    return _SURROGATE.sub("", text)
