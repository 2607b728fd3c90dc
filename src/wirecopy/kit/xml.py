"""XML formats: the family base class, and a safe XML toolkit for any format.

The built-in ``nitf``, ``newsml-g2``, ``newsml-1`` and ``rcv1-xml`` are
subclasses of :class:`XMLFormat`, and a plugin reads XML with the same
guarantees by subclassing it too, or by using :class:`XMLStream` directly:

* **Safe.**  Every entity declaration (internal, external, parameter,
  unparsed) is refused by expat's own declaration handlers before the
  document is parsed, whatever byte-order marks, encodings or comments come
  first: the document is left out with the kind ``entity-declaration`` and
  nothing is expanded.  Nothing is ever fetched: no DTD, no external entity.
  The one declaration let through is the NewsML 1.2 boilerplate, an
  external parameter entity declared and referenced alone
  (``<!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf;``), read as empty.
* **Encodings.**  Bytes are decoded before parsing: a BOM, then the XML
  declaration, then UTF-8 decide; ISO-8859-1 is read as cp1252; bytes that
  are not in the declared encoding and characters XML forbids become
  defects (``not-utf8``, ``bad-encoding``, ``wrong-encoding``,
  ``control-character``) instead of failing the document.  Input given as a
  ``str`` (:func:`wirecopy.loads` with text) is read in
  :attr:`ReadContext.text_encoding <wirecopy.context.ReadContext.text_encoding>`,
  the encoding it was turned into bytes with, whatever its declaration says.
* **Positions.**  Each item carries the line and byte offset of its start
  tag; :meth:`Item.position` gives the line and column of any element in
  it, and :meth:`Item.locate` those of a value in its text.
* **Streaming and bounds.**  Input is read in 64 KiB chunks and decoded
  once, into UTF-8 bytes that one expat parser per document reads, building
  the tree in C; items inside an envelope (a message of many items) longer
  than two chunks are read and dropped one at a time, so memory stays flat
  however long the message.  Time is linear in the input, even for many
  documents one after another; a tag, comment or processing instruction over
  :data:`MAX_TOKEN` bytes (which expat would scan again on every feed) ends
  the document, and a document (or the
  stretch between two items) over :data:`MAX_DOCUMENT_SIZE` bytes of UTF-8
  text is left out with the kind ``document-too-large``.  Trees are walked
  without recursion, and a document nested more than :data:`MAX_DEPTH`
  levels deep is left out with the kind ``too-deep``, its tree never built
  much deeper.

Writing an XML format
---------------------

Declare which root elements hold articles, and implement
:meth:`XMLFormat.read_item`; the base class does the rest (streaming,
numbering each document with :meth:`ReadContext.document
<wirecopy.context.ReadContext.document>`, reporting a wrong root element, a
broken document or an empty input).  An Atom feed, whose ``entry`` elements
sit directly inside a ``feed``::

    from wirecopy.kit.xml import XMLFormat, child, children, text_value

    class AtomFormat(XMLFormat):
        "Atom 1.0 feeds (RFC 4287): one article per entry."

        name = "atom"
        extensions = (".atom", ".xml")
        description = "Atom 1.0 feeds, one article per entry"
        version_added = "1.0"
        envelopes = frozenset({"feed"})     # a root that holds items
        items = frozenset({"entry"})        # the items, one article each
        roots = frozenset({"entry"})        # a lone entry is a document too
        document_name = "an Atom feed"      # "not an Atom feed: the root element is <rss>"
        item_name = "Atom entry"            # "empty input: no Atom entry found"

        def read_item(self, item):
            entry = item.element
            updated = text_value(child(entry, "updated"))
            line, column = item.position(child(entry, "updated"))
            return item.document.article(
                format=self.name,
                id=text_value(child(entry, "id")),
                headline=text_value(child(entry, "title")),
                published=item.document.date(updated, line=line, column=column) if updated else None,
                paragraphs=[text for p in children(child(entry, "content"), "p") if (text := text_value(p))],
            )

Elements are matched on local names (:func:`child`, :func:`children` and
:func:`local` ignore namespaces), so a feed inside its namespace and one
outside it read the same.  To leave an item out (a picture, not a story),
report it with a kind from :mod:`wirecopy.defects` (or one of the plugin's
own) and return ``None``::

    item.document.leave_out(NOT_TEXT_ITEM, "a picture entry holds no text", line=item.line, column=1)
    return None

To write the format, implement :meth:`XMLFormat.render`: the base class's
:meth:`XMLFormat.write` writes one document per article, reads each back,
and where the article read back differs from the one written, renders it
again with a *record*: the JSON of the fields that differ, which the format
stores somewhere of its own; reading, :meth:`XMLFormat.read_item` sets
:attr:`Item.record` to what it finds there, and the base class puts those
fields back, so that every article reads back equal.

.. versionadded:: 0.1
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterable, Iterator
from typing import Any, BinaryIO, ClassVar

from .. import policy as _policy
from ..article import Article
from ..context import Document, ReadContext
from ..defects import EMPTY_INPUT, WRONG_ROOT
from ..format import Format
from ._xml_cursor import MAX_DOCUMENT_SIZE, PROLOG_LIMIT, Problem
from ._xml_depth import MAX_DEPTH
from ._xml_record import OVERRIDE_NAME, OVERRIDE_NS, apply_record, record_for
from ._xml_stream import XMLStream
from ._xml_token import MAX_TOKEN
from ._xml_tree import (
    Root,
    attribute,
    child,
    children,
    escape,
    escape_attribute,
    gather,
    index,
    local,
    path,
    root_of,
    squeeze,
    text_of,
    text_value,
    value,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_DOCUMENT_SIZE",
    "MAX_TOKEN",
    "OVERRIDE_NAME",
    "OVERRIDE_NS",
    "PROLOG_LIMIT",
    "Item",
    "Problem",
    "Root",
    "XMLFormat",
    "XMLStream",
    "apply_record",
    "attribute",
    "child",
    "children",
    "escape",
    "escape_attribute",
    "gather",
    "index",
    "local",
    "path",
    "record_for",
    "root_of",
    "squeeze",
    "text_of",
    "text_value",
    "value",
]

# Each format class's roots and envelopes, as given and as sets.
_NAMES: dict[type, tuple[Collection[str], Collection[str], frozenset[str], frozenset[str]]] = {}

# Reading back what a writer wrote: problems are expected, and only the
# articles matter.
_QUIET = _policy.default.clone(errors="skip")


class Item:
    """One item of an XML format, as :meth:`XMLFormat.read_item` is handed it.

    .. versionadded:: 0.1
    """

    __slots__ = ("_source", "_start", "document", "element", "envelope", "record")

    def __init__(
        self,
        element: ET.Element,
        document: Document,
        envelope: ET.Element | None,
        source: XMLStream,
        start: int | None,
    ) -> None:
        self.element = element
        """The item's element, complete with its children."""
        self.document = document
        """The :class:`~wirecopy.context.Document` to report through and build the article with."""
        self.envelope = envelope
        """The envelope's root element for an item inside one, ``None`` otherwise.

        The items before this one are removed from it; what precedes them
        (a header) is there, and, as the parser reads ahead, perhaps the
        start of what follows."""
        self.record: str | None = None
        """The override record the item holds (see :meth:`XMLFormat.render`), for
        :meth:`XMLFormat.read_item` to set when it meets one; applied to the article it returns."""
        self._source = source
        self._start = start

    @property
    def context(self) -> ReadContext:
        """The read context: the policy, the file name."""
        return self.document.context

    @property
    def line(self) -> int | None:
        """The line of the item's start tag (of its document's start, for a root element)."""
        return self.document.origin.line

    def locate(self, needle: str, after: str = "") -> tuple[int | None, int | None]:
        """The (line, column) of the text *needle* in the item, searched from the first *after*.

        For placing a defect on the value it is about.  When *needle* is not
        found, the item's first line, and no column.
        """
        if self._start is not None:
            found = self._source.locate(needle, after, self._start)
            if found[0] is not None:
                return found
        return self.line, None

    def position(self, element: ET.Element | None) -> tuple[int | None, int | None]:
        """The (line, column) of *element*'s start tag, for an element of this item.

        Found by reading the item's text again, so it costs nothing until
        asked for.  The item's first line, and no column, when *element* is
        ``None`` or not in the item.
        """
        if element is not None and self._start is not None:
            for order, node in enumerate(self.element.iter()):
                if node is element:
                    found = self._source.position(self._start, order)
                    if found[0] is not None:
                        return found
                    break
        return self.line, None


class XMLFormat(Format):
    """The base class of XML formats: one item loop, one override step, one writer skeleton.

    A subclass declares, in class attributes:

    * :attr:`roots`: root elements that are one item each;
    * :attr:`envelopes`, :attr:`items` and :attr:`item_depth`: root elements
      that hold items (a message), which items they hold and how deep;
    * :attr:`document_name` and :attr:`item_name`, for the messages.

    It implements :meth:`read_item` (required to read), and :meth:`render`
    (required to write).  It may override :meth:`sniff_root` (the default is
    certain of a declared root or envelope), :meth:`read_back_text` (for an
    item that needs its envelope to be read back) and :meth:`write` (the
    default writes one document per article).  See the module docstring for
    an example.

    .. versionadded:: 0.1
    """

    #: An XML format says so: :func:`wirecopy.testing.check_format` then
    #: checks that it refuses entity declarations.  Name the format's own
    #: media types where it has them.
    media_types: ClassVar[tuple[str, ...]] = ("application/xml",)
    #: The local names of root elements that are one item each (``{"nitf"}``).
    roots: ClassVar[Collection[str]] = frozenset()
    #: The local names of root elements that hold items (``{"newsMessage"}``):
    #: their items are read one by one and dropped, so a message of any size
    #: reads in constant memory.  Empty for a format of one item per document.
    envelopes: ClassVar[Collection[str]] = frozenset()
    #: The local names of the items an envelope holds.
    items: ClassVar[Collection[str]] = frozenset()
    #: How far below the envelope's root its items are: 1 for its children,
    #: 2 for grandchildren (``newsMessage/itemSet/newsItem``).
    item_depth: ClassVar[int] = 1
    #: A document of the format, for the message about a wrong root element:
    #: ``"a NITF document"`` gives "not a NITF document: the root element is <html>".
    document_name: ClassVar[str] = "an XML document"
    #: What an empty input lacks: ``"NITF document"`` gives "empty input: no NITF document found".
    item_name: ClassVar[str] = "XML document"
    #: The most bytes of UTF-8 text a document may hold, or in an envelope,
    #: an item and the text before it; a longer one is left out as
    #: ``document-too-large``.  The policy's
    #: :attr:`~wirecopy.policy.Policy.max_document_size` lowers it.
    max_document_size: ClassVar[int] = MAX_DOCUMENT_SIZE
    #: The most levels of elements a document may nest, its root counting
    #: as one (:data:`MAX_DEPTH`, 1,000); a document nested deeper is left
    #: out as ``too-deep``, its tree never built much deeper.
    max_depth: ClassVar[int] = MAX_DEPTH

    # -- hooks ---------------------------------------------------------------

    def read_item(self, item: Item) -> Article | None:
        """Build the article of one item; the hook every XML format implements.

        Report problems through ``item.document`` and build the article with
        ``item.document.article(format=self.name, ...)``.  Return ``None``
        only after leaving the item out with ``item.document.leave_out(...)``.
        Set ``item.record`` to the text of the item's override record, if it
        has one (see :meth:`render`).
        """
        raise NotImplementedError

    def render(self, article: Article, record: str | None, **options: Any) -> str:
        """The text of one item for *article*; the hook a writable XML format implements.

        *record*, when not ``None``, is JSON for the writer to store where
        :meth:`read_item` finds it again (setting :attr:`Item.record`).  *options* are what the format's own
        :meth:`write` passes to :meth:`render_item` (an indentation, a date).
        """
        raise NotImplementedError

    def read_back_text(self, text: str, **options: Any) -> str:
        """A whole document holding the item *text*, for reading it back; the text itself by default."""
        return text

    def sniff_root(self, root: Root) -> float:
        """Score a root element found by :meth:`sniff`: certain of a declared root or envelope, or its DOCTYPE."""
        names = {*self.roots, *self.envelopes}
        return 1.0 if root.name in names or root.doctype in names else 0.0

    # -- what the base class does ---------------------------------------------

    @property
    def can_write(self) -> bool:
        """Whether the format implements :meth:`render` (or its own :meth:`write`)."""
        cls = type(self)
        return cls.render is not XMLFormat.render or cls.write is not XMLFormat.write

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Find the root element in *head* and score it with :meth:`sniff_root`."""
        root = root_of(head)
        return 0.0 if root is None else self.sniff_root(root)

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield an article per item, reporting every document that gives none."""
        roots, envelopes = self._names()
        source = XMLStream(
            stream,
            context,
            items=self.items if envelopes else (),
            limit=min(self.max_document_size, context.policy.max_document_size),
            envelopes=envelopes,
            item_depth=self.item_depth,
            max_depth=self.max_depth,
        )
        line, offset = 1, 0
        for kind, payload in source.events():
            if kind == "item":
                element, envelope, _, found = payload
                item_line, item_offset, start = found if found is not None else (line, offset, None)
                article = self._item(source, context, element, envelope, item_line, item_offset, start)
                if article is not None:
                    yield article
            elif kind == "root":
                if local(payload.tag) in roots:
                    article = self._item(source, context, payload, None, line, offset, 0)
                    if article is not None:
                        yield article
                else:
                    self._wrong_root(source, context, payload, line, offset)
            elif kind == "document":
                line, offset = payload
            elif kind == "error":
                self._document(source, context, line, offset).leave_out(
                    payload.kind, payload.message, line=payload.line, column=payload.column
                )
            elif kind == "trailing":
                self._stray(source, context)
                context.leave_out(payload.kind, payload.message, line=payload.line, column=payload.column)
            else:  # "empty"
                self._stray(source, context)
                context.leave_out(EMPTY_INPUT, f"empty input: no {self.item_name} found", line=1, column=1)
        self._stray(source, context)

    def _names(self) -> tuple[frozenset[str], frozenset[str]]:
        """The format's roots and envelopes as sets, made once per class (they are class attributes)."""
        cls = type(self)
        found = _NAMES.get(cls)
        if found is None or found[0] is not cls.roots or found[1] is not cls.envelopes:
            found = (cls.roots, cls.envelopes, frozenset(cls.roots), frozenset(cls.envelopes))
            _NAMES[cls] = found
        return found[2], found[3]

    def _item(
        self,
        source: XMLStream,
        context: ReadContext,
        element: ET.Element,
        envelope: ET.Element | None,
        line: int,
        offset: int,
        start: int | None,
    ) -> Article | None:
        """The one place an item becomes an article: numbered, read, and its record applied."""
        document = self._document(source, context, line, offset)
        left_out = context.left_out
        item = Item(element, document, envelope, source, start)
        article = self.read_item(item)
        if article is None:
            if context.left_out == left_out:
                # Nothing may be dropped in silence, not even by a plugin's mistake.
                document.leave_out(None, f"{self.name}: an item was neither read nor reported", line=line, column=1)
            return None
        if item.record is not None:
            article = apply_record(article, item.record, document)
        return article

    def _wrong_root(self, source: XMLStream, context: ReadContext, root: ET.Element, line: int, offset: int) -> None:
        names = {*self.roots, *self.envelopes}
        name = local(root.tag)
        expected = f", not <{next(iter(names))}>" if len(names) == 1 else ""
        message = f"not {self.document_name}: the root element is <{name}>{expected}"
        self._document(source, context, line, offset).leave_out(WRONG_ROOT, message, line=line, column=1)

    @staticmethod
    def _document(source: XMLStream, context: ReadContext, line: int, offset: int) -> Document:
        """Start a document, and put on it the repairs decoding made before it ended."""
        document = context.document(line=line, offset=offset)
        for problem in source.take_problems():
            document.defect(problem.kind, problem.message, line=problem.line, column=problem.column)
        return document

    @staticmethod
    def _stray(source: XMLStream, context: ReadContext) -> None:
        """Report the repairs made to text that belongs to no document."""
        for problem in source.take_problems():
            context.leave_out(problem.kind, problem.message, line=problem.line, column=problem.column)

    # -- writing ---------------------------------------------------------------

    def render_item(self, article: Article, **options: Any) -> str:
        """The text of one item, with a record of what reading it back would get wrong.

        Renders *article* with :meth:`render`, reads the text back (inside
        :meth:`read_back_text`), and renders it again with the record when
        the article read back is not equal to *article*.
        """
        text = self.render(article, None, **options)
        found = list(self.read(io.BytesIO(self.read_back_text(text, **options).encode()), ReadContext(_QUIET)))
        record = record_for(article, found[0] if len(found) == 1 else None)
        return text if record is None else self.render(article, record, **options)

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write each article as a document of its own, one after another, a newline between them."""
        first = True
        for article in articles:
            if not first:
                stream.write(b"\n")
            first = False
            stream.write(self.render_item(article).encode(self.encoding))
