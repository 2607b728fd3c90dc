"""Refusing entity declarations: the parser that builds the tree refuses them itself.

XML from a wire is untrusted.  The standard library's C parser never fetches
a DTD or an external entity (expat does no I/O, and nothing here installs a
resolver), but it does expand internal entities, which is what entity bombs
("billion laughs", quadratic blow-up) and XXE payloads are made of.  So the
expat parser that builds each document's tree (:func:`tree_parser`) has
declaration handlers that raise at the first entity declaration of any kind:
the decision rests on expat's own reading of the document, so no byte-order
mark, encoding or comment can steer a document past it, and nothing is ever
expanded.  Expat's own amplification limit stays as a second line of
defence.

One declaration is let through: the boilerplate that NewsML 1.2 feeds carry
in their DOCTYPE, an external parameter entity declared and referenced
(``<!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf;``).  A document that
declares it is read again by a parser that follows parameter entities and
reads the external ones as empty: it is never fetched, and expat goes on
reporting (and the handlers refusing) every declaration that follows it.
Any other declaration, the same one declared again included, is refused.
"""

from __future__ import annotations

import functools
import itertools
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any
from xml.parsers import expat

__all__ = [
    "Boilerplate",
    "EntityDeclared",
    "Undefined",
    "index_of",
    "parse_error",
    "put_names_right",
    "put_table_right",
    "release",
    "tree_parser",
]


class EntityDeclared(Exception):
    """Raised from the declaration handlers at an entity declaration that is refused."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class Boilerplate(Exception):
    """Raised by a plain parser at the NewsML 1.2 boilerplate: read again with *boilerplate* (:func:`tree_parser`)."""


class Undefined(Exception):
    """Raised from the handler expat calls for a reference to an entity nobody declared."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _entity_declared(name: str, *rest: Any) -> None:
    raise EntityDeclared(name)


def _skipped(name: str, is_parameter_entity: bool) -> None:
    # A parameter entity skipped in a DTD is no content; a general one is
    # content that cannot be read, as ElementTree's own parser says.
    if not is_parameter_entity:
        raise Undefined(name)


def _entity(
    declarations: _Declarations | None,
    name: str,
    is_parameter_entity: bool,
    value: str | None,
    base: str | None,
    system_id: str | None,
    public_id: str | None,
    notation: str | None,
) -> None:
    """Expat's entity declaration handler, bound to a document's *declarations* (``None`` in a plain parser).

    Only an external parameter entity (a DTD named, to be fetched: never,
    here) is the boilerplate; every other declaration is refused.  A plain
    parser raises :class:`Boilerplate` at it, for the document to be read
    again by one that lets it through once.
    """
    if not (is_parameter_entity and value is None and system_id is not None and notation is None):
        raise EntityDeclared(name)
    if declarations is None:
        raise Boilerplate
    declarations.boilerplate(name)


class _Declarations:
    """The declaration handlers of one document's parser, and what they have seen."""

    __slots__ = ("_boilerplate", "_declared", "_parser", "_prolog", "_subset")

    def __init__(self, parser: Any, prolog: Callable[[], bytes]) -> None:
        self._parser = parser
        self._prolog = prolog
        self._declared = 0
        self._boilerplate: str | None = None
        self._subset = 0

    def boilerplate(self, name: str) -> None:
        """Let the NewsML 1.2 boilerplate through the first time; refuse it declared again."""
        self._declared += 1
        if self._declared > 1:
            raise EntityDeclared(name)
        self._boilerplate = name

    def external(self, context: str | None, base: str | None, system_id: str | None, public_id: str | None) -> int:
        """Read an external entity (the DTD, a parameter entity) as empty: nothing is fetched."""
        self._parser.ExternalEntityParserCreate(context).Parse(b"", True)
        return 1

    def subset_starts(self, name: str, system_id: str | None, public_id: str | None, internal: bool) -> None:
        self._subset = self._parser.CurrentByteIndex

    def subset_ends(self) -> None:
        """Refuse the boilerplate declared again: expat keeps the first binding and reports no other."""
        if self._boilerplate is None:
            return
        text = self._prolog()
        if text.count(b"<!ENTITY", self._subset, self._parser.CurrentByteIndex) > 1:
            raise EntityDeclared(self._boilerplate)


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
        _TABLES.settled = len(table)
    elif len(table) != _TABLES.settled:
        # A parser that stopped (a broken document) left names it met as
        # expat gave them; put them right before another parser finds them
        # there and hands them on as they are.
        for name in list(itertools.islice(table, _TABLES.settled, None)):
            if isinstance(name, str) and "}" in name and name[:1] != "{":
                table[name] = "{" + name
        _TABLES.settled = len(table)
    return table


# The entity declaration handler of a plain parser: it refers to no parser.
_PLAIN_ENTITY = functools.partial(_entity, None)


def tree_parser(
    builder: ET.TreeBuilder, prolog: Callable[[], bytes], *, boilerplate: bool = False
) -> tuple[Any, dict[str, str]]:
    r"""An expat parser that builds *builder*'s tree from UTF-8 bytes, refusing entity declarations.

    Its start handler is *builder*'s; the caller may put its own in front.
    Plain, it refuses every declaration, and raises :class:`Boilerplate` at
    the NewsML 1.2 boilerplate: the document is then read again with
    *boilerplate*, a parser that follows parameter entities, reads the
    external ones as empty, and lets that one declaration through (*prolog*
    gives the bytes fed so far, to refuse it declared twice); it must be
    :func:`release`\ d once done with.  Returns the parser and its table of
    names (see :func:`put_names_right`).  The handlers raise
    :class:`EntityDeclared` and :class:`Undefined` out of ``Parse``.
    """
    names = _names()
    # The input is always UTF-8 bytes, whatever its declaration says.
    parser = expat.ParserCreate("utf-8", "}", names)
    parser.buffer_text = True
    if boilerplate:
        declarations = _Declarations(parser, prolog)
        # Parameter entities are followed so that a declaration after a
        # reference is still reported; the external ones read as empty.
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_ALWAYS)
        parser.ExternalEntityRefHandler = declarations.external
        parser.EntityDeclHandler = functools.partial(_entity, declarations)
        parser.StartDoctypeDeclHandler = declarations.subset_starts
        parser.EndDoctypeDeclHandler = declarations.subset_ends
    else:
        parser.EntityDeclHandler = _PLAIN_ENTITY
    parser.UnparsedEntityDeclHandler = _entity_declared
    parser.SkippedEntityHandler = _skipped
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    return parser, names


# The handlers that refer back to the parser (through its declarations, or
# the document that swaps its start handler or counts its depth).
_HANDLERS = (
    "ExternalEntityRefHandler",
    "EntityDeclHandler",
    "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler",
    "StartElementHandler",
    "EndElementHandler",
)


def release(parser: Any) -> None:
    """Take a finished parser's handlers off it: they refer back to it, and a cycle waits for the collector."""
    for name in _HANDLERS:
        setattr(parser, name, None)


def put_names_right(root: ET.Element, names: dict[str, str]) -> None:
    """Give names met for the first time ElementTree's ``{uri}local`` form, and remember it."""
    for element in root.iter():
        tag = element.tag
        if "}" in tag and tag[0] != "{":
            element.tag = names[tag] = "{" + tag
        attrib = element.attrib
        for key in [key for key in attrib if "}" in key and key[0] != "{"] if attrib else ():
            names[key] = "{" + key
            attrib[names[key]] = attrib.pop(key)


def put_table_right(names: dict[str, str]) -> None:
    """Give every name in the table ElementTree's ``{uri}local`` form: for a document that failed half-built.

    Its new names were never put right on its tree, and would otherwise come
    out of expat wrong in every document after it.
    """
    for key, name in list(names.items()):
        if isinstance(name, str) and "}" in name and name[0] != "{":
            names[key] = "{" + name


def parse_error(code: int, line: int, column: int) -> ET.ParseError:
    """The error ElementTree's parser raises, with its ``code`` and ``position``."""
    error = ET.ParseError(f"{expat.ErrorString(code)}: line {line}, column {column}")
    error.code = code
    error.position = (line, column)
    return error


def index_of(text: str, line: int, column: int) -> int | None:
    """The index in *text* of a 1-based line and 0-based column, or ``None``."""
    index = 0
    for _ in range(line - 1):
        index = text.find("\n", index) + 1
        if index == 0:
            return None
    return index + column if index + column <= len(text) else None
