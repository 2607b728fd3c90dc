"""Text and markup helpers of the SGML family: entities, escaping, attributes, elements.

Nothing here parses SGML in general: LDC and Reuters files have no root
element, SGML-only entities (``&AMP;``, ``&UR;``, ``&Cx1f;``), raw ``&`` and
``>``, and elements whose end tag SGML lets them leave out.  These helpers
read such text tolerantly, and each runs in time linear in its input,
whatever that input is.  :mod:`wirecopy.kit.sgml` makes them public.
"""

from __future__ import annotations

import html.entities
import re
from collections.abc import Callable, Container, Iterator
from typing import NamedTuple

# -- entities ---------------------------------------------------------------

#: The SGML entities of LDC and TIPSTER data, decoded to sensible text.
#: ``&UR;`` and ``&LR;`` (upper and lower rail) and ``&QL;``, ``&QC;``,
#: ``&QR;`` (quad left, centre, right) are typesetting commands of the ANPA
#: feed: they carry no text.  ``&HT;`` is a tab.  Upper-case names are the
#: AQUAINT spellings; lower-case ones come from the TIPSTER disks and HTML.
ENTITIES: dict[str, str] = {
    "AMP": "&",
    "LT": "<",
    "GT": ">",
    "QUOT": '"',
    "HT": "\t",
    "UR": "",
    "LR": "",
    "QL": "",
    "QC": "",
    "QR": "",
    "MD": "\u2014",
    "blank": " ",
    "hyph": "-",
    "bull": "\u2022",
    "apos": "'",
}

# A name such as "C" or "Cxzz" is an ordinary (unknown) entity, not a control.
_CONTROL_ENTITY = re.compile(r"Cx[0-9A-Fa-f]{1,2}")
_ENTITY = re.compile(r"&(#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,6}|Cx[0-9A-Fa-f]{1,2}|[A-Za-z][A-Za-z0-9]{0,31});")


def decode_entities(text: str, on_unknown: Callable[[str], object] | None = None) -> str:
    """Replace the entity references in *text*; unknown ones are kept as written.

    A bare ``&`` not followed by a name and ``;`` is plain text, as LDC
    newsgroup files have it.  *on_unknown* is called with each unknown
    reference as written (``"&ZZ;"``), for the caller to report.
    """
    if "&" not in text:
        return text
    if text.count("&") == text.count("&amp;"):
        # The one entity Gigaword uses.
        return text.replace("&amp;", "&")
    if len(text) <= _PIECE:
        return _decode(text, on_unknown)
    # re.sub holds every piece of its result until it joins them: a long
    # text is decoded a piece at a time, each cut before an "&" (which no
    # reference holds but at its start).
    parts = []
    start, size = 0, len(text)
    while start < size:
        end = text.find("&", start + _PIECE)
        end = size if end < 0 else end
        parts.append(_decode(text[start:end], on_unknown))
        start = end
    return "".join(parts)


def _decode(text: str, on_unknown: Callable[[str], object] | None) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        value = ENTITIES.get(name)
        if value is not None:
            return value
        first = name[0]
        if first == "#":
            number = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
            if number <= 0x10FFFF and not 0xD800 <= number <= 0xDFFF:
                return chr(number)
        elif _CONTROL_ENTITY.fullmatch(name):
            # &Cx1f; is how AQUAINT writes the control character 0x1f.
            return chr(int(name[2:], 16))
        else:
            codepoint = html.entities.name2codepoint.get(name)
            if codepoint is not None:
                return chr(codepoint)
        if on_unknown is not None:
            on_unknown(match.group(0))
        return match.group(0)

    return _ENTITY.sub(replace, text)


def first_reference(text: str, written: Container[str]) -> int:
    """Where the first entity reference of *text* that is one of *written* (``"&ZZ;"``) starts, or -1.

    References are found as :func:`decode_entities` finds them, so the
    position is that of a reference it met.
    """
    for match in _ENTITY.finditer(text):
        if match.group() in written:
            return match.start()
    return -1


class UnknownEntities(dict[str, None]):
    """The unknown entity references of one document, each once, in the order met.

    Memory stays small however many there are: the first :attr:`LIMIT`
    distinct ones are kept (as the keys), and further references only
    counted (in :attr:`more`).  ``str()`` lists them for a message.
    """

    #: How many distinct references are kept.
    LIMIT = 100
    #: How many references were met beyond those kept.
    more = 0

    def add(self, written: str) -> None:
        """Note one unknown reference, as written (``"&ZZ;"``)."""
        if written in self:
            return
        if len(self) < self.LIMIT:
            self[written] = None
        else:
            self.more += 1

    def __str__(self) -> str:
        listed = ", ".join(self)
        if self.more:
            listed += f" and {self.more} more reference{'s' * (self.more > 1)}"
        return listed


# -- escaping and control characters ------------------------------------------

_ESCAPE = re.compile(r"[&<>\x00-\x08\x0b-\x1f\x7f]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape(text: str) -> str:
    """Escape ``&``, ``<``, ``>`` and control characters (as ``&#N;``) for SGML."""
    if not _ESCAPE.search(text):
        return text
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(), f"&#{ord(m.group())};"), text)


def escape_attribute(text: str) -> str:
    """:func:`escape`, and ``"`` as ``&quot;``, for a double-quoted attribute value."""
    return escape(text).replace('"', "&quot;")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def find_control(text: str) -> re.Match[str] | None:
    """The first control character other than tab, newline, VT, FF and CR."""
    return _CONTROL.search(text)


# str.translate deletes in one pass with no list of pieces (re.sub keeps one
# per control character until it joins them).
_NO_CONTROLS = dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def remove_controls(text: str) -> str:
    """Drop control characters other than whitespace."""
    return text.translate(_NO_CONTROLS)


# -- text -------------------------------------------------------------------

# Text longer than this is worked on a piece at a time, to bound the objects
# held at once.
_PIECE = 1 << 16
_SPACE = re.compile(r"\s")
_NOT_SPACE = re.compile(r"\S")
# The line boundaries of str.splitlines.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def collapse(text: str) -> str:
    """Join lines and runs of whitespace into single spaces."""
    if len(text) <= _PIECE:
        return " ".join(text.split())
    # str.split holds every word of the text at once: a long text is
    # collapsed a piece at a time, each cut at white space.
    pieces = []
    start, size = 0, len(text)
    while start < size:
        space = _SPACE.search(text, start + _PIECE)
        end = size if space is None else space.start()
        words = text[start:end].split()
        if words:
            pieces.append(" ".join(words))
        start = end
    return " ".join(pieces)


def normalize(text: str) -> str:
    """:func:`collapse`, faster on text whose only whitespace is single spaces and newlines."""
    joined = text.replace("\n", " ").strip()
    # isprintable() is False for every whitespace character but the space,
    # so this one check proves that joining lines was enough.
    if "  " not in joined and joined.isprintable():
        return joined
    return collapse(joined)


# The ASCII white space other than space, tab and newline: str.splitlines cuts
# lines at all but \x1f, and str.isspace counts them all as blank.
_ODD_SPACE = b"\r\x0b\x0c\x1c\x1d\x1e\x1f"
_BLOCK_BREAK = re.compile(r"\n(?=[ \t\n])")
_PRINTABLE = bytes(range(0x20, 0x7F)) + b"\n"


def blocks(text: str) -> list[str]:
    """Split raw text into paragraphs.

    A blank line ends a paragraph, and an indented line starts one (the
    AQUAINT and Reuters bodies indent the first line of each paragraph);
    lines (as :meth:`str.splitlines` cuts them) are joined with single
    spaces.
    """
    if len(text) > _PIECE:
        return _long_blocks(text)
    if text.isascii():
        encoded = text.encode("ascii")
        if not encoded.translate(None, _PRINTABLE):
            return plain_blocks(text)
        if len(encoded.translate(None, _ODD_SPACE)) == len(text):
            # Tabs and control characters too, but no other white space.
            return [paragraph for paragraph in map(collapse, _BLOCK_BREAK.split(text)) if paragraph]
    paragraphs = []
    current: list[str] = []
    for line in text.splitlines():
        if not line or line.isspace():
            if current:
                paragraphs.append(collapse(" ".join(current)))
                current = []
            continue
        if current and line[0] in " \t":
            paragraphs.append(collapse(" ".join(current)))
            current = []
        current.append(line)
    if current:
        paragraphs.append(collapse(" ".join(current)))
    return paragraphs


def plain_blocks(text: str) -> list[str]:
    """:func:`blocks` for text known to be printable ASCII and newlines only (see :func:`is_plain`).

    A paragraph ends at a newline that a blank or indented line follows, so
    one split finds them, and joining a paragraph's lines collapses it
    unless two spaces meet.
    """
    paragraphs = []
    for part in _BLOCK_BREAK.split(text):
        paragraph = part.strip().replace("\n", " ")
        if paragraph:
            paragraphs.append(collapse(paragraph) if "  " in paragraph else paragraph)
    return paragraphs


def is_plain(text: str) -> bool:
    """Whether *text* is printable ASCII and newlines only: no control character, no other white space."""
    return text.isascii() and not text.encode("ascii").translate(None, _PRINTABLE)


def _long_blocks(text: str) -> list[str]:
    """:func:`blocks` line by line, by position, for a long text.

    A list of the lines, or of a paragraph's lines, would hold an object per
    line of a text that may be nothing but lines.
    """
    paragraphs = []
    start = end = -1  # the paragraph so far is text[start:end]; none when start < 0
    pos, size = 0, len(text)
    while pos < size:
        brk = _LINE_BREAK.search(text, pos)
        line_end, next_pos = (size, size) if brk is None else brk.span()
        if _NOT_SPACE.search(text, pos, line_end) is None:
            if start >= 0:
                paragraphs.append(collapse(text[start:end]))
                start = -1
        else:
            if start >= 0 and text[pos] in " \t":
                paragraphs.append(collapse(text[start:end]))
                start = -1
            if start < 0:
                start = pos
            end = line_end
        pos = next_pos
    if start >= 0:
        paragraphs.append(collapse(text[start:end]))
    return paragraphs


# -- attributes -------------------------------------------------------------

_ATTRIBUTE = re.compile(r"""([A-Za-z_][\w.:-]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


def attributes(text: str) -> dict[str, str]:
    """Parse ``id="X" type=story`` into a dict; names keep their case, values have their entities decoded."""
    found = {}
    for match in _ATTRIBUTE.finditer(text):
        name, double, single, bare = match.groups()
        value = double if double is not None else single if single is not None else bare
        found[name] = decode_entities(value or "")
    return found


# -- elements -----------------------------------------------------------------

#: A start or end tag: ``<TEXT TYPE="BRIEF">``, ``</DOC>``.  The lookahead
#: makes the name end where the attributes begin, so that a long run of name
#: characters with no ``>`` fails in linear time rather than being split
#: between name and attributes in every possible way.
TAG = re.compile(r"<(/?)([A-Za-z][\w.:-]*)((?![\w.:-])[^<>]*)>")

# An end tag, with the white space SGML allows before its ">".
_END_TAG = re.compile(r"</([A-Za-z][\w.:-]*)(\s*)>")

#: How many distinct end-tag names a walk keeps track of (see :func:`elements`).
MAX_NAMES = 1 << 16


def strip_tags(text: str) -> str:
    """Remove the start and end tags from *text*, keeping what is between them."""
    if "<" not in text:
        return text
    if len(text) <= _PIECE:
        return TAG.sub("", text)
    # A piece at a time, each cut before a "<" (which no tag holds but at its
    # start), so that re.sub's list of pieces stays short.
    parts = []
    start, size = 0, len(text)
    while start < size:
        end = text.find("<", start + _PIECE)
        end = size if end < 0 else end
        parts.append(TAG.sub("", text[start:end]))
        start = end
    return "".join(parts)


class Element(NamedTuple):
    """One element of a document: its name, attributes and where its content lies."""

    name: str
    """The name as written."""
    upper: str
    """The name upper-cased, for comparisons."""
    attributes: str
    """The text between the name and the ``>`` of the start tag."""
    start: int
    """Where the content starts: it is ``text[start:end]``."""
    end: int
    """Where the content ends (where its end tag starts)."""


class _EndTags:
    """Where each end tag occurs last in a stretch of text, found in one pass.

    A walk uses it to skip the searches that must fail: without it, each
    start tag with no end tag would search to the end of the text again.
    """

    __slots__ = ("exact", "loose")

    def __init__(self, text: str, start: int, end: int) -> None:
        exact: dict[str, int] = {}
        loose: dict[str, int] = {}
        for match in _END_TAG.finditer(text, start, end):
            name, space = match.groups()
            at = match.start()
            if not space and (name in exact or len(exact) < MAX_NAMES):
                exact[name] = at
            key = name.lower()
            if key in loose or len(loose) < MAX_NAMES:
                loose[key] = at
        self.exact = exact
        self.loose = loose


def elements(
    text: str, pos: int, end: int, *, containers: frozenset[str] = frozenset(), exact: bool = False
) -> Iterator[tuple[int, int, Element | None]]:
    """Walk the elements of ``text[pos:end]``, SGML-tolerantly.

    Yields ``(gap_start, gap_end, element)`` for each tag met: the loose
    text before it (``text[gap_start:gap_end]``, often empty) and the
    element, or ``None`` for a tag stepped over (an end tag, the start tag of
    one of the *containers*, upper case, or of an element whose end tag is
    missing, as SGML allows).  The loose text after the last tag comes last,
    with ``None``.  An element ends at the first end tag of its name: written
    as its start tag was, else (unless *exact*) in any case and with white
    space before the ``>``.

    The walk takes time linear in the text.  A start tag whose name is not
    among the first 65,536 distinct end-tag names of the text is taken to
    have no end tag.
    """
    search = TAG.search
    ends: _EndTags | None = None
    while True:
        match = search(text, pos, end)
        if match is None:
            yield pos, end, None
            return
        stop = match.start()
        slash, name, attributes = match.groups()
        upper = name.upper()
        if slash or upper in containers:
            yield pos, stop, None
            pos = match.end()
            continue
        start = match.end()
        closing = f"</{name}>"
        close = -1
        if ends is None or ends.exact.get(name, -1) >= start:
            close = text.find(closing, start, end)
            if close < 0 and ends is None:
                ends = _EndTags(text, start, end)
        if close >= 0:
            after = close + len(closing)
        elif not exact and ends is not None and ends.loose.get(name.lower(), -1) >= start:
            key = name.lower()
            for candidate in _END_TAG.finditer(text, start, end):
                if candidate.group(1).lower() == key:
                    close, after = candidate.span()
                    break
        if close < 0:
            yield pos, stop, None
            pos = start
            continue
        yield pos, stop, Element(name, upper, attributes, start, close)
        pos = after
