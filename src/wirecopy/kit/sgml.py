"""The SGML family: collections of documents between a start and an end tag.

LDC, TREC and Reuters collections are SGML, not XML: a file is a series of
``<DOC>`` ... ``</DOC>`` documents with no root element, SGML-only entities
(``&AMP;``, ``&UR;``), raw ``&`` and ``>``, and elements whose end tag may be
left out.  :class:`SGMLFormat` carries what every such format needs, so that
a format of the family holds only its own knowledge (its element, its fields,
its layout); ``trec-sgml`` and ``reuters21578-sgml`` are written this way.

To read another collection, subclass :class:`SGMLFormat`: declare the format
(``name``, ``aliases``, ...) and :attr:`~SGMLFormat.element`, the element
that holds a document, and read one document in
:meth:`~SGMLFormat.read_document`; to write the format, implement
:meth:`~SGMLFormat.render` (and set :attr:`~SGMLFormat.prologue` if the file
starts with a DOCTYPE)::

    from wirecopy import Article
    from wirecopy.defects import MISSING_ID
    from wirecopy.kit.sgml import SGMLDocument, SGMLFormat, attributes, collapse, escape

    class StoryFormat(SGMLFormat):
        "Stories in SGML: a <STORY id=...> element each, with a HEADLINE."

        name = "story-sgml"
        extensions = (".story",)
        description = "Stories in SGML (<STORY id=...> documents)"
        version_added = "1.0"
        element = "STORY"  # <STORY id="..."> ... </STORY>

        def read_document(self, document: SGMLDocument) -> Article:
            doc_id = attributes(document.tag_attributes()).get("id")
            if doc_id is None:
                document.defect(MISSING_ID, "story has no id")  # at the start tag
            headline = None
            for element in document.children():
                if element.upper == "HEADLINE":
                    content = document.text[element.start : element.end]
                    headline = collapse(document.decode(content)) or None
            return document.article(id=doc_id, headline=headline)

        def render(self, article: Article) -> str:
            headline = "" if article.headline is None else f"<HEADLINE>{escape(article.headline)}</HEADLINE>\\n"
            return f'<STORY id="{article.id}">\\n{headline}</STORY>\\n'

The base class streams the input, a chunk at a time, in time linear in its
size whatever it holds; numbers each document through the read context
(:meth:`~wirecopy.context.ReadContext.document`); leaves out, with its
position, a document that the next start tag or the end of the input cuts
short and one longer than the policy's
:attr:`~wirecopy.policy.Policy.max_document_size`; reports text between
documents as a ``junk`` defect of the document next to it; decodes each
document (UTF-8, else cp1252 with a ``not-utf8`` defect); and writes
:attr:`~SGMLFormat.prologue` and then what :meth:`~SGMLFormat.render` makes
of each article.

The hooks, in short: a subclass sets :attr:`~SGMLFormat.element` and
implements :meth:`~SGMLFormat.read_document`; it may implement
:meth:`~SGMLFormat.render`, set :attr:`~SGMLFormat.prologue`, and override
:meth:`~SGMLFormat.sniff` (the default scores a leading start tag of the
element 0.6).  Inside :meth:`~SGMLFormat.read_document`, the
:class:`SGMLDocument` walks the elements (:meth:`~SGMLDocument.children`,
:meth:`~SGMLDocument.elements`), decodes entities
(:meth:`~SGMLDocument.decode`), reads dates (:meth:`~SGMLDocument.date`),
reports problems at a position (:meth:`~SGMLDocument.defect`), and builds the
article (:meth:`~SGMLDocument.article`).  The helpers below (escaping,
attributes, white space, paragraphs) are what the built-in formats use;
each takes time linear in its input.

.. versionadded:: 0.1
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO, ClassVar, NoReturn

from .._text import decode, describe
from ..article import Article, DateValue
from ..context import Document, ReadContext
from ..defects import DOCUMENT_TOO_LARGE, EMPTY_INPUT, JUNK, TRUNCATED_DOCUMENT, UNCLOSED_DOCUMENT, UNKNOWN_ENTITY
from ..errors import WriteError
from ..format import Format
from . import _sgml_scan
from ._sgml_text import (
    Element,
    UnknownEntities,
    attributes,
    blocks,
    collapse,
    decode_entities,
    elements,
    escape,
    escape_attribute,
    find_control,
    first_reference,
    normalize,
    remove_controls,
    strip_tags,
)

__all__ = [
    "Element",
    "SGMLDocument",
    "SGMLFormat",
    "UnknownEntities",
    "attributes",
    "blocks",
    "collapse",
    "decode_entities",
    "elements",
    "escape",
    "escape_attribute",
    "find_control",
    "normalize",
    "remove_controls",
    "strip_tags",
]


def _size(size: int) -> str:
    """``64 MiB``, or a number of bytes when that is not a whole number of MiB."""
    return f"{size >> 20} MiB" if size >= 1 << 20 and not size % (1 << 20) else f"{size:,} bytes"


@functools.lru_cache(maxsize=64)
def _opening(element: str) -> re.Pattern[bytes]:
    """What may come before the first start tag of *element*, and that start tag."""
    name = re.escape(element.encode("ascii"))
    return re.compile(rb"(?:\xef\xbb\xbf)?(?:\s|<!--.*?-->|<![^<>]*>|<\?[^<>]*\?>)*<" + name + rb"[\s>]", re.DOTALL)


class SGMLDocument:
    """One document being read: its text, where it lies in the input, and how to report on it.

    :class:`SGMLFormat` makes one for each document and hands it to
    :meth:`SGMLFormat.read_document`.  Positions are indices into
    :attr:`text`; :meth:`where` turns them into lines and columns of the
    input, and :meth:`defect` and :meth:`date` take them as *at*.

    Attributes:
        report: The :class:`~wirecopy.context.Document` of the read context:
            its origin, and its defects so far.
        text: The document decoded, from its start tag to its end tag.
        line: The line of the input (1-based) where the start tag is.
        column: The column (1-based) where the start tag is.

    .. versionadded:: 0.1
    """

    __slots__ = (
        "_at",
        "_at_line",
        "_at_start",
        "_end_tag",
        "_format_name",
        "_unknown",
        "column",
        "line",
        "report",
        "text",
    )

    def __init__(self, report: Document, text: str, line: int, column: int, format_name: str, end_tag: str) -> None:
        # Positional and few: one is made per document, on the hot path.
        self.report, self.text, self.line, self.column = report, text, line, column
        self._format_name, self._end_tag = format_name, end_tag
        self._unknown: UnknownEntities | None = None
        # where() counts lines from the last position it was asked about:
        # that index, its line, and where that line starts (as an index into
        # text; the first line starts before the document, at its column).
        self._at, self._at_line, self._at_start = 0, line, 1 - column

    @property
    def content_start(self) -> int:
        """Where the content starts: after the ``>`` of the start tag."""
        return self.text.find(">") + 1

    @property
    def content_end(self) -> int:
        """Where the content ends: where the end tag starts."""
        return len(self.text) - len(self._end_tag)

    def tag_attributes(self) -> str:
        """The attributes of the start tag, as written: ``' id="X" type="story" '``."""
        return self.text[len(self._end_tag) - 2 : self.content_start - 1]

    def where(self, index: int) -> tuple[int, int]:
        """The line and column of the input (both 1-based) of ``text[index]``."""
        text = self.text
        at = self._at
        if index >= at:
            newlines = text.count("\n", at, index)
            if newlines:
                self._at_line += newlines
                self._at_start = text.rfind("\n", at, index) + 1
        else:
            newlines = text.count("\n", index, at)
            if newlines:
                self._at_line -= newlines
                start = text.rfind("\n", 0, index) + 1
                self._at_start = start if start else 1 - self.column
        self._at = index
        return self._at_line, index - self._at_start + 1

    def defect(self, kind: str, message: str, *, at: int | None = None) -> None:
        """Report a problem the format can work around, at ``text[at]`` (by default the start tag).

        Raises:
            ParseError: Under the ``strict`` policy.
        """
        line, column = (self.line, self.column) if at is None else self.where(at)
        self.report.defect(kind, message, line=line, column=column)

    def date(self, text: str, *, at: int | None = None) -> DateValue | None:
        """Read a date, *text* being found at ``self.text[at]`` (by default the start tag).

        A date that cannot be read gives ``None`` and a ``bad-date`` defect
        (see :meth:`wirecopy.context.Document.date`).

        Raises:
            ParseError: Under the ``strict`` policy.
        """
        line, column = (self.line, self.column) if at is None else self.where(at)
        return self.report.date(text, line=line, column=column)

    def decode(self, text: str) -> str:
        """Replace entity references (:func:`decode_entities`), noting unknown ones.

        :meth:`article` reports the unknown ones, in one defect.
        """
        if "&" not in text:
            return text
        if self._unknown is None:
            self._unknown = UnknownEntities()
        return decode_entities(text, self._unknown.add)

    def children(self, *, containers: frozenset[str] = frozenset()) -> Iterator[Element]:
        """The elements of the content, without the loose text between them: see :func:`elements`."""
        for _, _, element in self.elements(containers=containers):
            if element is not None:
                yield element

    def elements(
        self,
        start: int | None = None,
        end: int | None = None,
        *,
        containers: frozenset[str] = frozenset(),
        exact: bool = False,
    ) -> Iterator[tuple[int, int, Element | None]]:
        """Walk the elements of ``text[start:end]``, by default the content: see :func:`elements`."""
        return elements(
            self.text,
            self.content_start if start is None else start,
            self.content_end if end is None else end,
            containers=containers,
            exact=exact,
        )

    def article(self, **fields: Any) -> Article:
        """Build the article from *fields*, with the format's name, the origin and the defects.

        Reports the unknown entities that :meth:`decode` met first.

        Raises:
            ParseError: Under the ``strict`` policy, when there are unknown entities.
        """
        report = self.report
        if self._unknown:
            # Placed at the first of them in the document, where it is written.
            at = first_reference(self.text, self._unknown)
            line, column = (self.line, self.column) if at < 0 else self.where(at)
            message = f"unknown entity {self._unknown} kept as written"
            report.defect(UNKNOWN_ENTITY, message, line=line, column=column)
        # As report.article() does, in one call less: this is the hot path.
        return Article(format=self._format_name, origin=report.origin, defects=report.defects, **fields)


class SGMLFormat(Format):
    """The base class of formats whose documents stand between a start and an end tag.

    A subclass sets the :class:`~wirecopy.Format` declarations and
    :attr:`element`, and implements :meth:`read_document`; to be written,
    it implements :meth:`render` and may set :attr:`prologue`.

    .. versionadded:: 0.1
    """

    #: The name of the element that holds one document, as its tags write it:
    #: ``"DOC"`` for ``<DOC ...>`` ... ``</DOC>``.  Tags of another case do
    #: not count.
    element: ClassVar[str]
    #: What the writer puts before the first document (a DOCTYPE line), or ``""``.
    prologue: ClassVar[str] = ""

    @property
    def can_write(self) -> bool:
        """Whether the format implements :meth:`render`."""
        return type(self).render is not SGMLFormat.render

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Score 0.6 when the first tag of *head* is a start tag of :attr:`element`.

        A byte-order mark, white space, comments, a DOCTYPE and an XML
        declaration may come first.  A subclass that knows more of its
        documents' shape (an id attribute, a DOCTYPE of its own) scores
        higher.
        """
        return 0.6 if _opening(self.element).match(head) is not None else 0.0

    def read_document(self, document: SGMLDocument) -> Article:
        """Read one document into an article: the hook every subclass implements.

        Report problems through *document* and build the article with
        :meth:`SGMLDocument.article`.  Raise nothing but
        :class:`~wirecopy.errors.ParseError` (which the read context raises
        under ``strict``).
        """
        raise NotImplementedError

    def render(self, article: Article) -> str:
        """Write one article as a document, end tag and final newline included: the hook of a writable subclass.

        Raises:
            WriteError: The article lacks something the format requires
                (see :meth:`refuse`).
        """
        raise NotImplementedError

    def refuse(self, article: Article, reason: str) -> NoReturn:
        """Raise the :class:`~wirecopy.errors.WriteError` that says why *article* cannot be written.

        The message reads ``cannot write article 'X' as <name>: <reason>``.
        """
        msg = f"cannot write {describe(article)} as {self.name}: {reason}"
        raise WriteError(msg)

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield one article per document, streaming.

        Every document is read with :meth:`read_document` or left out with
        its position: one that the next start tag cuts short
        (``unclosed-document``), that the end of the input cuts short
        (``truncated-document``), or that is longer than
        the policy's :attr:`~wirecopy.policy.Policy.max_document_size`
        (``document-too-large``), without holding more of it.  Text between
        documents is reported on the document after it (at the end, the one
        before it) as ``junk``: it is not a document; when only documents
        left out follow it, it is left out itself.  An input with no document
        is left out as ``empty-input``.
        """
        name = self.element
        tag = name.encode("ascii")
        end_tag = f"</{name}>"
        # A document is read when the next event comes, so that junk after
        # the last one can be reported on it.  Its bytes are held in a list
        # that _read_one empties, so that they go once decoded: a document
        # may be large.
        held: list[bytes | bytearray] | None = None
        held_offset = held_line = held_column = 0
        held_junk: list[tuple[str, int, int]] = []
        junk: list[tuple[str, int, int]] = []
        documents = 0
        doc, junk_kind = _sgml_scan.DOC, _sgml_scan.JUNK
        limit = context.policy.max_document_size
        events = _sgml_scan.scan(stream, b"<" + tag, end_tag.encode("ascii"), limit)
        for kind, data, offset, line, column in events:
            if kind == junk_kind:
                junk.append(("before", line, column))
                continue
            if held is not None:
                yield self._read_one(context, held, held_offset, held_line, held_column, held_junk, end_tag)
                held = None
            documents += 1
            if kind == doc:
                held, held_offset, held_line, held_column = [data], offset, line, column
                if junk or held_junk:
                    held_junk, junk = junk, []
                continue
            document = context.document(line=line, offset=offset)
            if kind == _sgml_scan.UNCLOSED:
                msg = f"<{name}> is not closed: another <{name}> starts before its </{name}>"
                document.leave_out(UNCLOSED_DOCUMENT, msg, line=line, column=column)
            elif kind == _sgml_scan.TRUNCATED:
                msg = f"<{name}> is not closed: the input ends before its </{name}>"
                document.leave_out(TRUNCATED_DOCUMENT, msg, line=line, column=column)
            else:
                msg = f"<{name}> is not closed within {_size(limit)}"
                document.leave_out(DOCUMENT_TOO_LARGE, msg, line=line, column=column)
        data = b""
        if held is not None:
            after = [("after", line, column) for _, line, column in junk]
            yield self._read_one(context, held, held_offset, held_line, held_column, held_junk + after, end_tag)
        elif documents == 0:
            if junk:
                _, line, column = junk[0]
                msg = f"no <{name}> document found, only text that is not SGML"
                context.leave_out(EMPTY_INPUT, msg, line=line, column=column)
            else:
                context.leave_out(EMPTY_INPUT, f"empty input: no <{name}> document found", line=1, column=1)
        else:
            # Only documents left out follow the junk: none to report it on.
            for _, line, column in junk:
                context.leave_out(JUNK, f"text outside any <{name}> document", line=line, column=column)

    def _read_one(
        self,
        context: ReadContext,
        box: list[bytes | bytearray],
        offset: int,
        line: int,
        column: int,
        junk: list[tuple[str, int, int]],
        end_tag: str,
    ) -> Article:
        report = context.document(line=line, offset=offset)
        for where, junk_line, junk_column in junk:
            msg = f"text outside any <{self.element}> document, {where} this one"
            report.defect(JUNK, msg, line=junk_line, column=junk_column)
        data = box.pop()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = decode(bytes(data), report.defect, line=line)
        del data
        return self.read_document(SGMLDocument(report, text, line, column, self.name, end_tag))

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write :attr:`prologue`, then each article as :meth:`render` makes it.

        Raises:
            WriteError: The format does not implement :meth:`render`, or an
                article lacks something the format requires.
        """
        if not self.can_write:
            super().write(articles, stream)
        encoding = self.encoding
        if self.prologue:
            stream.write(self.prologue.encode(encoding))
        for article in articles:
            stream.write(self.render(article).encode(encoding))
