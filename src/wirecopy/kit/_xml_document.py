"""One XML document of a stream, fed piece by piece as UTF-8 bytes, in linear time.

The stream decodes its input once and hands each document UTF-8 bytes, which
one expat parser reads: it refuses entity declarations itself (see
:mod:`._xml_guard`) and drives ElementTree's C tree builder, so no Python
code runs per element.  Where an envelope's items are read one at a time,
the builder lists the start and end of each element, and the list is read
once per piece fed.

Expat reads a token (a start tag, a comment) only once it is complete, and
reads an incomplete one again from its start on every feed; so while a
document (or, when items are streamed, the stretch since the last element)
grows without a result, the pieces fed to the parser grow with it, which
keeps a 48 MB attribute linear rather than quadratic.  A document, or the
stretch since the last item, longer than the size limit is left out unread.

A file may hold several documents one after another (the ``nitf`` writer
writes them so): a document ends where expat reports "junk after document
element", and the bytes from there, a slice of what was fed and never
decoded or encoded again, start the next document.  Text after a complete
document that is not a document at all (a stray ``&``, a second end tag) is
reported on its own, and the document is kept.
"""

from __future__ import annotations

import contextlib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any
from xml.parsers import expat

from ..defects import DOCUMENT_TOO_LARGE, ENTITY_DECLARATION, NO_ROOT, NOT_XML, STRAY_TEXT, TOO_DEEP
from . import _xml_guard, _xml_token
from ._xml_cursor import (
    CHUNK,
    JUNK_AFTER_ROOT,
    PROLOG_LIMIT,
    Bytes,
    Cursor,
    Problem,
    char_index,
    chars,
    local_name,
    start_tag,
    tail,
)
from ._xml_depth import SMALL, TooDeep, deeper_than, depth_of, message, starts
from ._xml_guard import Boilerplate, EntityDeclared, Undefined, parse_error, put_names_right, release, tree_parser
from ._xml_whole import item_events

__all__ = ["DocumentParser"]

_UNDEFINED_ENTITY = 11


class DocumentParser:
    """One document of a stream: its parser, the events waiting, and the bytes kept.

    Fed piece by piece with :meth:`feed`; says where a following document
    starts (:attr:`next_start`).
    """

    __slots__ = (
        "_builder",
        "_carry",
        "_column",
        "_cursor",
        "_depth",
        "_element_events",
        "_envelope",
        "_events",
        "_fed",
        "_guarded",
        "_kept",
        "_kept_column",
        "_kept_line",
        "_kept_offset",
        "_kept_start",
        "_line",
        "_mark",
        "_names",
        "_names_known",
        "_offset",
        "_parser",
        "_queue",
        "_quiet",
        "_received",
        "_root",
        "_scan",
        "_stack",
        "_started",
        "_starts",
        "_tags",
        "_unfed",
        "_unfed_size",
        "_watch",
        "_xml_parser",
        "next_start",
    )

    def __init__(self, cursor: Cursor, line: int, column: int, offset: int, *, whole: bool = False) -> None:
        self._cursor = cursor
        # Where the document starts in the file.
        self._line = line
        self._column = column
        self._offset = offset
        self._queue: list[tuple[str, Any]] = []
        # The bytes kept for locate() and position(): the whole document, or
        # when items are streamed, the pieces fed since the current item
        # started.  _kept_start is the byte index in the document of the
        # first; _kept_line, _kept_column and _kept_offset its place in the
        # document and its file offset from the document's start.
        self._kept: list[Bytes] = []
        self._kept_start = 0
        self._kept_line = 1
        self._kept_column = 0
        self._kept_offset = 0
        self._fed = 0  # bytes fed to the parser
        self._received = 0  # bytes handed to feed()
        self._mark = 0  # where the size limit counts from
        self._started = False  # whether the root element has started
        self.next_start: tuple[int, int, int] | None = None
        """Where the document that follows starts, (line, column, file offset), once this one has ended."""
        # Bytes held back so that a token growing across pieces is fed in
        # ever larger pieces (see the module docstring): while the parser has
        # produced nothing for _quiet bytes, as many are held back.
        self._unfed: list[Bytes] = []
        self._unfed_size = 0
        self._quiet = 0
        # The item scan: the end of the last piece, and its (byte index in
        # the document, line, file offset) so far.
        self._carry = b""
        self._scan = (0, line, offset)
        self._root: ET.Element | None = None
        self._stack: list[ET.Element] = []
        self._starts: dict[int, tuple[int, int, int] | None] = {}
        self._envelope = False
        self._element_events = False
        self._events: list[tuple[str, ET.Element]] = []
        self._xml_parser: ET.XMLParser | None = None
        self._guarded = False  # read by the parser that lets the NewsML 1.2 boilerplate through
        # A document handed over whole in one piece cannot have a prolog
        # over the limit: no need to watch for its root's start.
        self._watch = not whole
        # The depth limit (see ._xml_depth): at most the depth so far, once the
        # document is no longer small; and the depth while handlers count it (else -1).
        self._tags: int | None = None
        self._depth = -1
        self._parser, self._builder, self._names = self._new_parser()
        self._names_known = len(self._names)

    def hold(self, data: bytes) -> None:
        """Keep *data*, the whole document read elsewhere (:mod:`._xml_whole`), for :meth:`locate` and the like."""
        self._kept = [data]
        self._fed = self._received = len(data)

    def _new_parser(self, *, boilerplate: bool = False) -> tuple[Any, ET.TreeBuilder, dict[str, str]]:
        builder = ET.TreeBuilder()
        parser, names = tree_parser(builder, self._kept_bytes, boilerplate=boilerplate)
        if self._watch:
            parser.StartElementHandler = self._root_starts
        else:
            self._started = True
        if self._cursor.streaming:
            # ElementTree's C tree builder appends (event, element) to a list
            # as it builds, once a parser that has it as its target says so.
            self._xml_parser = ET.XMLParser(target=builder)
            self._xml_parser._setevents(self._events, ("start", "end"))  # type: ignore[attr-defined]
        if self._depth >= 0:  # read again from the start (the NewsML 1.2 boilerplate): count again
            self._count_depth(0, parser)
        return parser, builder, names

    def _root_starts(self, name: str, attributes: Any) -> None:
        """Note that the prolog is over, then leave every start tag to the tree builder."""
        self._started = True
        self._parser.StartElementHandler = self._builder.start
        self._builder.start(name, attributes)

    # -- the depth limit -----------------------------------------------------------

    def _watch_depth(self, piece: Bytes) -> TooDeep | None:
        """Have handlers count the depth if *piece* could take the document past the limit (see ._xml_depth)."""
        limit = self._cursor.max_depth
        if self._envelope or self._element_events:
            # The stack is checked at each start; a large piece is counted first.
            deep = len(piece) > CHUNK and len(self._stack) + 1 + starts(piece) > limit
            if deep and self._depth < 0:
                self._count_depth(len(self._stack), self._parser)
            elif not deep and self._depth >= 0:
                self._depth = -1
                self._parser.StartElementHandler = self._builder.start
                self._parser.EndElementHandler = self._builder.end
            return None
        if self._depth >= 0:
            return None
        if self._tags is None:
            if self._fed + len(piece) <= SMALL:
                return None  # its tree is checked once complete
            self._tags, past = depth_of(self._kept_bytes(), limit) if self._fed else (0, None)
            if past is not None:
                return past
        self._tags += starts(piece)
        if self._tags > limit:
            # What was read so far, read again without a tree: once a document.
            depth, past = depth_of(self._kept_bytes(), limit)
            if past is not None:
                return past
            self._count_depth(depth, self._parser)
        return None

    def _count_depth(self, depth: int, parser: Any) -> None:
        self._depth = depth
        parser.StartElementHandler = self._deep_start
        parser.EndElementHandler = self._deep_end

    def _deep_start(self, name: str, attributes: Any) -> None:
        """Build the element, unless it is one level too deep."""
        self._depth += 1
        if self._depth > self._cursor.max_depth:
            raise TooDeep(self._parser.CurrentLineNumber, self._parser.CurrentColumnNumber)
        self._started = True
        self._builder.start(name, attributes)

    def _deep_end(self, name: str) -> None:
        self._depth -= 1
        self._builder.end(name)

    def drain(self) -> Iterator[tuple[str, Any]]:
        """Yield and forget the events queued so far."""
        queue, self._queue = self._queue, []
        yield from queue

    # -- feeding ---------------------------------------------------------------

    def feed(self, data: Bytes, *, final: bool = False) -> tuple[Bytes, str]:
        """Feed UTF-8 *data*; return (bytes left for the next document, outcome).

        The outcome is ``"more"`` (feed more), ``"ended"`` (a document
        followed; the bytes returned belong to it), ``"done"`` (*final*: the
        input ended with the document) or ``"fatal"``.
        """
        self._received += len(data)
        if self._received - self._mark > self._cursor.limit:
            return self._too_large()
        self._unfed.append(data)
        self._unfed_size += len(data)
        if not final and self._started and self._unfed_size < self._quiet:
            return b"", "more"
        return self.flush(final=final)

    def flush(self, *, final: bool = False) -> tuple[Bytes, str]:
        """Feed the bytes held back, as :meth:`feed` does; with *final*, the input ends there."""
        unfed = self._unfed
        piece = (unfed[0] if len(unfed) == 1 else b"".join(unfed)) if unfed else b""
        self._unfed = []
        self._unfed_size = 0
        if not piece and not final:
            return b"", "more"
        rest, outcome = self._parse(piece, final)
        if outcome != "more" and (self._watch or self._guarded or self._depth >= 0):
            # Its handlers refer back to it (through this document, or its declarations).
            release(self._parser)
        if outcome == "fatal" and len(self._names) != self._names_known:
            _xml_guard.put_table_right(self._names)
        return rest, outcome

    def finish(self) -> None:
        """The input ended and all was fed: close the parser and queue the root or the error."""
        self.flush(final=True)

    def _parse(self, piece: Bytes, final: bool) -> tuple[Bytes, str]:
        if piece:
            past = self._watch_depth(piece)
            if past is not None:
                return self._too_deep(past)
            if self._cursor.items is not None and self._cursor.streaming:
                self._scan_items(piece)
            self._kept.append(piece)
            self._fed += len(piece)
        try:
            try:
                if _xml_token.parse(self._parser, piece, final, self._fed - len(piece)):
                    return self._too_large(f"a tag or comment over {_xml_token.MAX_TOKEN} bytes")
            except Boilerplate:
                # Read it all again, with the parser that lets that one through.
                self._guarded = True
                self._parser, self._builder, self._names = self._new_parser(boilerplate=True)
                self._events.clear()
                self._parser.Parse(self._kept_bytes(), final)
        except expat.ExpatError as err:
            return self._failed(err)
        except EntityDeclared as err:
            return self._refuse(err.name)
        except Undefined as err:
            return self._undefined(err.name)
        except TooDeep as err:
            return self._too_deep(err)
        if not self._started and self._fed > PROLOG_LIMIT:
            message = f"no root element in the first {PROLOG_LIMIT} characters of the document"
            self._queue.append(("error", Problem(NO_ROOT, message, self._line, self._column)))
            return b"", "fatal"
        if self._events and self._take_events():
            self._quiet = 0
            if len(self._stack) > self._cursor.max_depth:
                return self._too_deep(TooDeep(self._parser.CurrentLineNumber, self._parser.CurrentColumnNumber))
        else:
            self._quiet += len(piece)
        if final:
            self._complete()
            return b"", "done"
        return b"", "more"

    def _complete(self) -> None:
        """The root element is complete: queue it, or the items of an envelope read whole."""
        root: ET.Element = self._builder.close()
        if len(self._names) != self._names_known:
            put_names_right(root, self._names)
        positions = self._cursor.positions
        # Nesting d levels, and closing them, takes 7 bytes a level ("<a></a>") or nearly.
        if self._tags is None and self._fed > 7 * self._cursor.max_depth and deeper_than(root, self._cursor.max_depth):
            positions.clear()
            self._too_deep(depth_of(self._kept_bytes(), self._cursor.max_depth)[1] or TooDeep(1, 0), stopped=False)
            return
        if self._cursor.items is not None and not self._envelope and not self._element_events:
            if local_name(root.tag) in self._cursor.layout.envelopes:
                self._queue_items(root)
            else:
                positions.clear()  # the item tags of a root read whole: no one asks for them
                self._queue.append(("root", root))
            return
        positions.clear()
        if self._element_events or self._envelope:
            return  # its events are queued already
        self._queue.append(("root", root))

    # -- items -------------------------------------------------------------------

    def _take_events(self) -> bool:
        """Turn the builder's events into the stream's; whether there were any."""
        events = self._events
        if not events:
            return False
        layout = self._cursor.layout
        positions = self._cursor.positions
        scanning = self._cursor.items is not None
        names = self._names
        stack = self._stack
        queue = self._queue
        items = layout.items
        depth = layout.depth
        limit = self._cursor.max_depth
        for event, element in events:
            if event == "start":
                tag = element.tag
                if (tag[:1] != "{" and "}" in tag) or (element.attrib and len(names) != self._names_known):
                    _put_one_right(element, names)
                stack.append(element)
                if len(stack) > limit:
                    break  # too deep: _parse leaves the document out
                if len(stack) == 1:
                    self._root = element
                    if layout.events:
                        self._element_events = True
                    elif local_name(element.tag) in layout.envelopes:
                        self._envelope = True
                    else:
                        # A root read whole: the builder need say no more.
                        assert self._xml_parser is not None
                        self._xml_parser._setevents(events, ())  # type: ignore[attr-defined]
                if scanning and local_name(element.tag) in items:
                    # Every item tag takes its start, to keep them in step.
                    found = positions.popleft() if positions else None
                    if self._envelope and len(stack) == depth + 1:
                        self._starts[id(element)] = found
                if self._element_events:
                    queue.append(("start", element))
            else:
                stack.pop()
                if self._element_events:
                    queue.append(("end", element))
                elif self._envelope and len(stack) == depth and local_name(element.tag) in items:
                    queue.append(("item", (element, stack[0], stack[-1], self._starts.pop(id(element), None))))
        events.clear()
        return True

    def _queue_items(self, root: ET.Element) -> None:
        """Queue the items of an envelope read whole, with their start tags' places, in document order."""
        positions = self._cursor.positions
        if not self._cursor.streaming:
            # Read whole, the document was not scanned as it was fed.
            positions.clear()
            self._carry = b""
            self._scan = (0, self._line, self._offset)
            fed, self._fed = self._fed, 0
            self._scan_items(self._kept_bytes())
            self._fed = fed
        self._queue.extend(item_events(root, self._cursor.layout, lambda count: list(positions)))
        positions.clear()

    def _scan_items(self, piece: Bytes) -> None:
        """Record where each item start tag in *piece* (after the carry of the one before) is.

        The scan's place moves on to the start of the carry, the end of the
        piece that a tag cut in two may start in, so that the line and file
        offset are counted once for every byte.
        """
        cursor = self._cursor
        assert cursor.items is not None
        carry = self._carry
        base = self._fed - len(carry)  # byte index in the document of joined[0]
        joined = carry + bytes(piece) if carry else piece
        done, line, offset = self._scan
        for match in cursor.items.finditer(joined):
            index = base + match.start()
            if index < done:
                continue  # found in the piece before
            segment = bytes(joined[done - base : index - base])
            line += segment.count(b"\n")
            offset += cursor.file_bytes(segment)
            done = index
            cursor.positions.append((line, offset, index))
        carry = tail(piece)
        end = self._fed + len(piece) - len(carry)
        if end > done:
            segment = bytes(joined[done - base : end - base])
            line += segment.count(b"\n")
            offset += cursor.file_bytes(segment)
            done = end
        self._scan = (done, line, offset)
        self._carry = carry

    def mark(self, keep_from: int | None) -> None:
        """Count the size limit, and keep bytes, from document byte *keep_from* (``None``: the end) on.

        Only whole pieces are let go of, so that marking after every item of
        a message costs nothing per item.
        """
        start = self._fed - len(self._carry) if keep_from is None else min(keep_from, self._fed)
        self._mark = max(self._mark, start)
        kept = self._kept
        while kept and self._kept_start + len(kept[0]) <= start:
            piece = bytes(kept.pop(0))
            newlines = piece.count(b"\n")
            if newlines:
                self._kept_line += newlines
                self._kept_column = chars(piece[piece.rfind(b"\n") + 1 :])
            else:
                self._kept_column += chars(piece)
            self._kept_offset += self._cursor.file_bytes(piece)
            self._kept_start += len(piece)

    # -- endings -----------------------------------------------------------------

    def _failed(self, err: expat.ExpatError) -> tuple[Bytes, str]:
        parser = self._parser
        code = err.code
        line, column = parser.ErrorLineNumber, parser.ErrorColumnNumber
        if code == JUNK_AFTER_ROOT:
            index = parser.ErrorByteIndex
            rest = self._cut(index)
            if rest is not None:
                if self._events:
                    self._take_events()
                self._complete()
                self.next_start = (*self._absolute(line, column + 1), self._offset + self._offset_of(index))
                if self._cursor.items is not None:
                    # Item tags found in bytes that belong to the next document
                    # are found again when it is fed.
                    positions = self._cursor.positions
                    while positions and positions[-1][2] >= index:
                        positions.pop()
                return rest, "ended"
        if self._events:
            self._take_events()
        self._replay()
        self.fail(parse_error(code, line, column))
        return b"", "fatal"

    def _replay(self) -> None:
        """An envelope read whole is broken: read it again element by element, for the items before the break."""
        if self._cursor.streaming or self._cursor.items is None or self._kept_start:
            return
        partial = self._builder.close()
        if partial is None or local_name(partial.tag) not in self._cursor.layout.envelopes:
            return
        builder = self._builder = ET.TreeBuilder()
        self._xml_parser = ET.XMLParser(target=builder)
        self._xml_parser._setevents(self._events, ("start", "end"))  # type: ignore[attr-defined]
        parser, _ = tree_parser(builder, self._kept_bytes, boilerplate=self._guarded)
        with contextlib.suppress(expat.ExpatError, EntityDeclared, Undefined, Boilerplate):
            parser.Parse(self._kept_bytes(), True)
        release(parser)
        self._take_events()

    def _cut(self, index: int) -> Bytes | None:
        """Cut the kept bytes at document byte *index*; return the bytes after it (``None``: not kept)."""
        kept = self._kept
        end = self._fed
        for position in range(len(kept) - 1, -1, -1):
            end -= len(kept[position])
            if end <= index:
                piece = kept[position]
                view = memoryview(piece) if isinstance(piece, bytes) else piece
                head, tail = view[: index - end], view[index - end :]
                later = kept[position + 1 :]
                del kept[position:]
                kept.append(head)
                self._fed = index
                return tail if not later else b"".join([tail, *later])
        return None

    def _offset_of(self, index: int) -> int:
        """The file offset, from the document's start, of document byte *index* (kept, or counted)."""
        if self._cursor.utf8:
            return index
        return self._kept_offset + self._cursor.file_bytes(self._kept_bytes()[: index - self._kept_start])

    def _undefined(self, name: str) -> tuple[Bytes, str]:
        parser = self._parser
        # Expat is past the reference by then; ElementTree places it at its "&".
        line, column = parser.CurrentLineNumber, parser.CurrentColumnNumber - len(name) - 2
        self.fail(parse_error(_UNDEFINED_ENTITY, line, column))
        return b"", "fatal"

    def fail(self, err: ET.ParseError) -> None:
        """Queue the error that stopped the parser: the document's, or the text's after a complete one."""
        line, column = err.position
        code = err.code
        reason = expat.ErrorString(code) if isinstance(code, int) else str(err)
        text = self._kept_bytes()
        # The document ends at the last ">" before the error, if anywhere.
        index = self._index(text, line, column)
        cut = text.rfind(b">", 0, index) + 1 if index is not None and index >= 0 else 0
        root = self._root_before(text, cut)
        if root is None:
            self._queue.append(("error", Problem(NOT_XML, f"invalid XML: {reason}", *self._absolute(line, column + 1))))
            return
        if root is not True:
            self._queue.append(("root", root))
        # Point at the text after the document, not at where expat gave up.
        after = text[cut:index]
        start = cut + len(after) - len(after.lstrip(b" \t\r\n"))
        message = f"the text after the end of the document is not XML ({reason}); it was not read"
        self._queue.append(("trailing", Problem(STRAY_TEXT, message, *self._absolute(*self._relative_1(text, start)))))

    def _root_before(self, text: bytes, cut: int) -> ET.Element | bool | None:
        """Whether the document is complete in the kept *text* up to *cut*.

        Where its elements were followed, ``True`` once the root element has
        ended (its items are queued already); otherwise the root element,
        read again from that text; ``None`` when the document was not
        complete there.
        """
        if self._element_events or self._envelope:
            return True if self._root is not None and not self._stack and cut > 0 else None
        if cut <= 0 or self._kept_start:
            return None
        builder = ET.TreeBuilder()
        parser, names = tree_parser(builder, lambda: text, boilerplate=self._guarded)
        try:
            parser.Parse(text[:cut], True)
        except (expat.ExpatError, EntityDeclared, Undefined, Boilerplate):
            return None
        finally:
            release(parser)
        root: ET.Element = builder.close()
        put_names_right(root, names)
        if self._cursor.items is not None and local_name(root.tag) in self._cursor.layout.envelopes:
            self._queue_items(root)
            return True
        return root

    def _refuse(self, name: str) -> tuple[Bytes, str]:
        """Queue the error for an entity declared where the parser stopped."""
        parser = self._parser
        line, column = parser.CurrentLineNumber, parser.CurrentColumnNumber
        held = self._kept_bytes()
        # Expat places the event inside the declaration; point at its start,
        # "<!ENTITY", which is what a reader looks for.
        index = self._index(held, line, column)
        start = held.rfind(b"<!ENTITY", 0, index + 1) if index is not None else -1
        if start >= 0:
            line, column = self._relative(held, start)
        message = (
            f"entity declarations are refused (entity {name!r}): "
            "XML from a feed is untrusted, and entities can expand without bound or read local files"
        )
        self._queue.append(("error", Problem(ENTITY_DECLARATION, message, *self._absolute(line, column + 1))))
        return b"", "fatal"

    def _too_deep(self, err: TooDeep, *, stopped: bool = True) -> tuple[Bytes, str]:
        where = self._absolute(err.line, err.column + 1)
        self._queue.append(("error", Problem(TOO_DEEP, message(self._cursor.max_depth, stopped=stopped), *where)))
        if stopped:  # let go of what was read: nothing more comes of it
            self._kept = []
            self._unfed = []
        return b"", "fatal"

    def _too_large(self, what: str | None = None) -> tuple[Bytes, str]:
        if what is None:
            item = "an item (or the text between items)" if self._cursor.streaming else "the document"
            what = f"{item} is over {self._cursor.limit} characters long"
        message = f"{what}: left out, and the rest of the input was not read"
        text = self._kept_bytes()
        line, column = self._relative(text, min(max(self._mark - self._kept_start, 0), len(text)))
        self._queue.append(("error", Problem(DOCUMENT_TOO_LARGE, message, *self._absolute(line, column + 1))))
        # Let go of what was read: nothing more comes of it.
        self._kept = []
        self._unfed = []
        if len(self._names) != self._names_known:
            _xml_guard.put_table_right(self._names)
        if self._watch or self._guarded:
            release(self._parser)
        return b"", "fatal"

    # -- positions ---------------------------------------------------------------

    def _kept_bytes(self) -> bytes:
        kept = self._kept
        if len(kept) != 1 or not isinstance(kept[0], bytes):
            kept[:] = [b"".join(kept)]
        text = kept[0]
        assert isinstance(text, bytes)
        return text

    def _index(self, text: bytes, line: int, column: int) -> int | None:
        """The index in the kept *text* of a (line, 0-based column in characters) relative to the document."""
        index = 0
        if line == self._kept_line:
            column -= self._kept_column
        for _ in range(line - self._kept_line):
            index = text.find(b"\n", index) + 1
            if index == 0:
                return None
        if column < 0 or line < self._kept_line:
            return None
        end = text.find(b"\n", index)
        found = index + char_index(text[index : len(text) if end < 0 else end], column)
        return found if found <= len(text) else None

    def _relative(self, text: bytes, index: int) -> tuple[int, int]:
        """The (line, 0-based column) relative to the document of byte *index* of the kept text."""
        newlines = text.count(b"\n", 0, index)
        if newlines:
            return self._kept_line + newlines, chars(text[text.rfind(b"\n", 0, index) + 1 : index])
        return self._kept_line, self._kept_column + chars(text[:index])

    def _relative_1(self, text: bytes, index: int) -> tuple[int, int]:
        line, column = self._relative(text, index)
        return line, column + 1

    def locate(self, needle: str, after: str, start: int) -> tuple[int | None, int | None]:
        """The (line, column) in the file of *needle*, searched from *after* (from document byte *start*)."""
        text = self._kept_bytes()
        begin = max(start - self._kept_start, 0)
        if after:
            found = text.find(after.encode("utf-8", "surrogatepass"), begin)
            if found >= 0:
                begin = found
        index = text.find(needle.encode("utf-8", "surrogatepass"), begin)
        if index < 0:
            return None, None
        return self._absolute(*self._relative_1(text, index))

    def position(self, start: int, order: int) -> tuple[int | None, int | None]:
        """The (line, column) in the file of the *order*-th start tag from document byte *start*."""
        local_start = start - self._kept_start
        text = self._kept_bytes()
        if local_start < 0 or local_start > len(text):
            return None, None
        found = start_tag(text[local_start:], order)
        if found is None:
            return None, None
        line, column = self._relative(text, local_start)
        if found[0] == 1:
            return self._absolute(line, column + found[1] + 1)
        return self._absolute(line + found[0] - 1, found[1] + 1)

    def _absolute(self, line: int, column: int) -> tuple[int, int]:
        """Turn a (line, 1-based column) relative to this document into one in the file."""
        if line <= 1:
            return self._line, self._column + column - 1
        return self._line + line - 1, column


def _put_one_right(element: ET.Element, names: dict[str, str]) -> None:
    """Give one element's new names ElementTree's ``{uri}local`` form, and remember it."""
    tag = element.tag
    if "}" in tag and tag[0] != "{":
        element.tag = names[tag] = "{" + tag
    attrib = element.attrib
    for key in [key for key in attrib if "}" in key and key[0] != "{"]:
        names[key] = "{" + key
        attrib[names[key]] = attrib.pop(key)
