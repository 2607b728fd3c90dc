"""Refusing entity declarations: expat reads each document's prolog before ElementTree does.

XML from a wire is untrusted.  The standard library's C parser never fetches
a DTD or an external entity (expat does no I/O, and ElementTree installs no
resolver), but it does expand internal entities, which is what entity bombs
("billion laughs", quadratic blow-up) and XXE payloads are made of, and
ElementTree's parsers take no handler that could refuse them.  So every
document is first read by a :class:`Guard`: expat, set up as ElementTree
sets up its own, with declaration handlers that raise at the first entity
declaration of any kind.  The guard reads the very text the tree's parser
will read, from the document's first character until expat itself reports
the root element's start; only then does ElementTree see the document.  No
text is scanned beforehand to decide whether a document needs checking, so
no byte-order mark, encoding or comment can steer a document past the
guard; entity declarations can only come before the root element, so
nothing after its start needs checking.  Expat's own amplification limit
stays as a second line of defence.

One declaration is let through: the boilerplate that NewsML 1.2 feeds carry
in their DOCTYPE, an external parameter entity declared and referenced
(``<!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf;``).  It is never fetched:
the guard reads it as empty, which is also what keeps expat reporting (and
the guard refusing) every declaration that follows it; the tree's parser,
which reads no parameter entity, never expands it either.  Any other
declaration, a second one included, is refused.

A whole small document, the common case, needs no guard: :func:`parse_whole`
has expat build the tree itself, with the declaration handlers set.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from typing import Any
from xml.parsers import expat

__all__ = ["EntityDeclared", "Guard", "index_of", "parse_whole"]


class _RootSeen(Exception):
    """Raised from the guard's handler at the first start tag: the prolog is over."""


class EntityDeclared(Exception):
    """Raised from the guard's handlers at the first entity declaration."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _root_seen(name: str, attributes: Any) -> None:
    raise _RootSeen


def _entity_declared(name: str, *rest: Any) -> None:
    raise EntityDeclared(name)


def _is_boilerplate(is_parameter_entity: bool, value: str | None, system_id: str | None, notation: str | None) -> bool:
    """Whether a declaration is an external parameter entity: a DTD named, to be fetched (never, here)."""
    return bool(is_parameter_entity) and value is None and system_id is not None and notation is None


class Guard:
    """Expat reading one document until its root element starts, refusing any entity declaration.

    ElementTree's parsers, which build the tree, cannot be told to refuse
    anything; the guard reads each document first.  It is set up as
    ElementTree sets up its own expat (namespace processing), so that fed
    the same text the two cannot disagree about where the prolog ends; but
    it follows parameter entity references, reading external ones as empty,
    so that no declaration after such a reference escapes it.
    """

    __slots__ = ("_boilerplate", "_declared", "_fed", "_parser", "_subset")

    def __init__(self) -> None:
        parser = expat.ParserCreate(None, "}")
        # Parameter entities are followed so that a declaration after a
        # reference is still reported; the external ones read as empty.
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_ALWAYS)
        parser.ExternalEntityRefHandler = self._external
        parser.EntityDeclHandler = self._entity
        parser.UnparsedEntityDeclHandler = _entity_declared
        parser.StartDoctypeDeclHandler = self._subset_starts
        parser.EndDoctypeDeclHandler = self._subset_ends
        parser.StartElementHandler = _root_seen
        self._parser = parser
        self._declared = 0
        self._boilerplate: str | None = None
        self._fed: list[str] = []  # the prolog so far: short, and held by the caller anyway
        self._subset = (1, 0)

    def _entity(
        self,
        name: str,
        is_parameter_entity: bool,
        value: str | None,
        base: str | None,
        system_id: str | None,
        public_id: str | None,
        notation: str | None,
    ) -> None:
        """Let the one external parameter entity of the NewsML 1.2 boilerplate through; refuse anything else."""
        self._declared += 1
        if self._declared > 1 or not _is_boilerplate(is_parameter_entity, value, system_id, notation):
            raise EntityDeclared(name)
        self._boilerplate = name

    def _external(self, context: str | None, base: str | None, system_id: str | None, public_id: str | None) -> int:
        """Read an external entity (the DTD, a parameter entity) as empty: nothing is fetched."""
        self._parser.ExternalEntityParserCreate(context).Parse("", True)
        return 1

    def _subset_starts(self, name: str, system_id: str | None, public_id: str | None, internal: bool) -> None:
        self._subset = (self._parser.CurrentLineNumber, self._parser.CurrentColumnNumber)

    def _subset_ends(self) -> None:
        """Refuse the boilerplate declared again: expat keeps the first binding and reports no other."""
        if self._boilerplate is None:
            return
        text = "".join(self._fed)
        start = index_of(text, *self._subset)
        end = index_of(text, self._parser.CurrentLineNumber, self._parser.CurrentColumnNumber)
        if start is None or end is None or text.count("<!ENTITY", start, end) > 1:
            raise EntityDeclared(self._boilerplate)

    def feed(self, text: str) -> bool:
        """Read more of the document; ``True`` once its root element has started.

        Also ``True`` when the text is not XML: the tree's parser then
        stops at the same place, and reports it in its own words.

        Raises:
            EntityDeclared: The text declares an entity.
        """
        self._fed.append(text)
        try:
            self._parser.Parse(text, False)
        except (_RootSeen, expat.ExpatError):
            self._fed = []
            return True
        return False

    def where(self) -> tuple[int, int]:
        """The (line, 0-based column) relative to the document where the guard stopped."""
        return self._parser.CurrentLineNumber, self._parser.CurrentColumnNumber


def index_of(text: str, line: int, column: int) -> int | None:
    """The index in *text* of a 1-based line and 0-based column, or ``None``."""
    index = 0
    for _ in range(line - 1):
        index = text.find("\n", index) + 1
        if index == 0:
            return None
    return index + column if index + column <= len(text) else None


# ---------------------------------------------------------------------------
# A whole small document, read by a parser that refuses on its own


class _Undefined(Exception):
    """Raised from the handler expat calls for a reference to an entity nobody declared."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _skipped(name: str, is_parameter_entity: bool) -> None:
    # A parameter entity skipped in a DTD is no content; a general one is
    # content that cannot be read, as ElementTree's own parser says.
    if not is_parameter_entity:
        raise _Undefined(name)


_XML_NS = "http://www.w3.org/XML/1998/namespace}"
_TABLES = threading.local()


def _names() -> dict[str, str]:
    """This thread's table of element and attribute names, as expat hands them to the tree builder.

    Expat with namespace processing names an element ``uri}local``, which
    ElementTree's own parser turns into ``{uri}local``.  Expat looks every
    name up in this table, so a name put right here once comes out right
    from then on, at no cost per element.
    """
    table: dict[str, str] | None = getattr(_TABLES, "names", None)
    if table is None or len(table) > 8192:  # bounded: names come from the input
        table = {_XML_NS + name: "{" + _XML_NS + name for name in ("lang", "space", "base", "id")}
        _TABLES.names = table
    return table


def parse_whole(text: str) -> ET.Element:
    """Read a whole document (small: expat is handed it at once) into an ElementTree tree.

    Expat drives ElementTree's C tree builder directly, with the declaration
    handlers set: the parser that builds the tree is the one that meets any
    entity declaration, and raises there, so no guard is needed.  The tree
    and the errors are those of :class:`xml.etree.ElementTree.XMLParser`.

    Raises:
        ET.ParseError: The text is not well-formed XML (``code`` and
            ``position`` as ElementTree gives them).
        EntityDeclared: The text declares an entity.
    """
    names = _names()
    known = len(names)
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(None, "}", names)
    parser.buffer_text = True
    parser.EntityDeclHandler = _entity_declared
    parser.UnparsedEntityDeclHandler = _entity_declared
    parser.SkippedEntityHandler = _skipped
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(text, True)
    except expat.ExpatError as err:
        raise _parse_error(err.code, err.lineno, err.offset) from None
    except _Undefined as err:
        # Expat is past the reference by then; ElementTree places it at its "&".
        line, column = parser.CurrentLineNumber, parser.CurrentColumnNumber - len(err.name) - 2
        raise _parse_error(11, line, column) from None  # XML_ERROR_UNDEFINED_ENTITY
    root: ET.Element = builder.close()
    if len(names) != known:
        _put_names_right(root, names)
    return root


def _put_names_right(root: ET.Element, names: dict[str, str]) -> None:
    """Give names met for the first time ElementTree's ``{uri}local`` form, and remember it."""
    for element in root.iter():
        tag = element.tag
        if "}" in tag and tag[0] != "{":
            element.tag = names[tag] = "{" + tag
        attrib = element.attrib
        for key in [key for key in attrib if "}" in key and key[0] != "{"] if attrib else ():
            names[key] = "{" + key
            attrib[names[key]] = attrib.pop(key)


def _parse_error(code: int, line: int, column: int) -> ET.ParseError:
    """The error ElementTree's parser raises, with its ``code`` and ``position``."""
    error = ET.ParseError(f"{expat.ErrorString(code)}: line {line}, column {column}")
    error.code = code
    error.position = (line, column)
    return error
