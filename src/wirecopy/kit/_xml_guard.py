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
"""

from __future__ import annotations

from typing import Any
from xml.parsers import expat

__all__ = ["EntityDeclared", "Guard"]


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


class Guard:
    """Expat reading one document until its root element starts, refusing any entity declaration.

    ElementTree's parsers, which build the tree, cannot be told to refuse
    anything; the guard reads each document first.  It is set up as
    ElementTree sets up its own expat (namespace processing, no parameter
    entities, no external entity handler), so that fed the same text the two
    cannot disagree about where the prolog ends.
    """

    __slots__ = ("_parser",)

    def __init__(self) -> None:
        parser = expat.ParserCreate(None, "}")
        parser.EntityDeclHandler = _entity_declared
        parser.UnparsedEntityDeclHandler = _entity_declared
        parser.StartElementHandler = _root_seen
        self._parser = parser

    def feed(self, text: str) -> bool:
        """Read more of the document; ``True`` once its root element has started.

        Also ``True`` when the text is not XML: the tree's parser then
        stops at the same place, and reports it in its own words.

        Raises:
            EntityDeclared: The text declares an entity.
        """
        try:
            self._parser.Parse(text, False)
        except (_RootSeen, expat.ExpatError):
            return True
        return False

    def where(self) -> tuple[int, int]:
        """The (line, 0-based column) relative to the document where the guard stopped."""
        return self._parser.CurrentLineNumber, self._parser.CurrentColumnNumber
