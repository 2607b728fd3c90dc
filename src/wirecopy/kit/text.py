r"""Line-oriented text: the base class of ``cnn-reuters``, ``plain-text``, ``cnndm-story``, ``rfc822-news``, ``jsonl``.

In a text format the lines are the structure: a file holds one document,
or several separated by a separator line (a blank line, a form feed), and
each document is a few lines of header over paragraphs.  The machinery is
the same from one such format to the next, so a format of the family is one
class that holds only what is its own:

.. code-block:: python

    from wirecopy.defects import EMPTY_INPUT
    from wirecopy.kit.text import TextFormat, line_runs, one_line, take_dateline

    class AcmeTextFormat(TextFormat):
        name = "acme-text"
        extensions = (".acme",)
        separator_line = rb"[ \t\r]*%%[ \t\r]*"   # a "%%" line ends a story
        write_separator = b"%%\n"
        empty_message = "no ACME story found"

        def sniff(self, head, filename): ...

        def parse(self, part, document):          # one document's bytes -> Article
            runs = line_runs(part, document)      # decoded: (line, text) runs between blank lines
            first = next(runs, None)
            if first is None:                     # nothing left once decoded
                document.leave_out(EMPTY_INPUT, "no text", line=part.line, column=1)
                return None
            headline = first[1].partition("\n")[0]
            paragraphs = [one_line(run) for _, run in runs]
            return document.article(
                format=self.name,
                headline=headline.strip(),
                dateline=take_dateline(paragraphs),
                paragraphs=paragraphs,
            )

        def render(self, article):               # one article -> its text (and its
            # dateline: a real format writes it back before the first paragraph)
            return "\n\n".join([article.headline, *article.paragraphs]) + "\n"

What :class:`TextFormat` does, so that the format does not:

* :meth:`TextFormat.read` cuts the input into documents with
  :meth:`~TextFormat.split`: at blank lines by default, at the separator
  line the format declares, or not at all (one document per file).  It reads
  in chunks, in linear time whatever the shape of the input, and holds one
  document at a time: a document over :attr:`~TextFormat.max_document` bytes
  is left out (``document-too-large``) without being held in memory.  It
  starts one document per part (:meth:`~wirecopy.context.ReadContext.document`),
  leaves out an unreadable one, hands the others to the one hook a format
  must implement, :meth:`~TextFormat.parse`, and reports an input without
  any document (``empty-input``).
* The helpers below do the steps most text formats share: decoding with the
  UTF-8, cp1252, Latin-1 fallback (:func:`decode_part`), reporting control
  characters (:func:`report_control`), grouping lines into paragraphs
  (:func:`line_runs`, :func:`one_line`) and splitting the dateline
  off the body (:func:`take_dateline`).  Each reports through the
  :class:`~wirecopy.context.Document` it is given, with a kind of
  :mod:`wirecopy.defects` and a line and column.
* :meth:`TextFormat.write` writes each article with the hook
  :meth:`~TextFormat.render`, :attr:`~TextFormat.write_separator` between
  two, or refuses a second article where a file holds one;
  :meth:`~TextFormat.refuse` builds the :class:`~wirecopy.errors.WriteError`
  that names the article.

``wirecopy/formats/plain_text.py`` is the smallest complete example,
``wirecopy/formats/rfc822_news.py`` one with a framing of its own (rnews
batches and mbox files, through :class:`Lines`).

.. versionadded:: 0.1
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO, ClassVar

from .._text import blocks as paragraph_runs
from .._text import decode, describe, position, take_dateline
from .._text import report_control as _report_control
from ..article import Article
from ..context import Document, ReadContext
from ..defects import EMPTY_INPUT
from ..errors import WriteError
from ..format import Format
from ._framing import Lines, Part, Problem, lines, split, too_large, whole

__all__ = [
    "BLANK_LINE",
    "BOM",
    "MAX_DOCUMENT",
    "Lines",
    "Part",
    "Problem",
    "TextFormat",
    "decode",
    "decode_part",
    "describe",
    "line_runs",
    "lines",
    "one_line",
    "paragraph_runs",
    "position",
    "report_control",
    "take_dateline",
    "too_large",
]

#: The largest document, in bytes, that a text format reads: a larger one is
#: left out (``document-too-large``) without being held in memory.
MAX_DOCUMENT = 64 * 1024 * 1024
# Characters of a text that one_line joins in one go; a longer one is worked in pieces.
_LONG_TEXT = 1 << 16
#: The UTF-8 byte-order mark.
BOM = b"\xef\xbb\xbf"
#: A blank line: nothing but ASCII white space (what ``bytes.strip()`` removes).
BLANK_LINE = rb"[ \t\r\x0b\x0c]*"


@functools.cache
def _separators(line: bytes) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """The patterns that find a separator line (as :func:`split` wants them) from a pattern of its text."""
    return re.compile(rb"\n(?=(" + line + rb"\n))"), re.compile(line + rb"\n")


class TextFormat(Format):
    """The base class of a line-oriented text format: one document per file, or documents between separator lines.

    A subclass declares the attributes every :class:`~wirecopy.format.Format`
    declares, says how documents are separated (:attr:`separator_line`, or
    its own :meth:`split`) and implements :meth:`parse`, and :meth:`render`
    to write.

    .. versionadded:: 0.1
    """

    #: A pattern (bytes) of the text of a line that separates two documents,
    #: without its newline: a blank line by default, ``None`` when the whole
    #: input is one document.  Lines end at ``\n``; the text before a ``\n``
    #: includes any ``\r``.
    separator_line: ClassVar[bytes | None] = BLANK_LINE
    #: The bytes written between two articles; ``None`` when a file holds
    #: one article, and :meth:`write` refuses a second.
    write_separator: ClassVar[bytes | None] = b"\n\n"
    #: Why a second article is refused when :attr:`write_separator` is ``None``.
    one_per_file: ClassVar[str] = "a file holds one article; write each article to its own file"
    #: What an empty input lacks, in its message: ``"empty input: no text found"``.
    empty_message: ClassVar[str] = "no text found"
    #: A document longer than this many bytes, or than the policy's
    #: :attr:`~wirecopy.policy.Policy.max_document_size` if that is smaller,
    #: is left out (``document-too-large``) without being held in memory.
    max_document: ClassVar[int] = MAX_DOCUMENT

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield an article per document that :meth:`split` cuts and :meth:`parse` reads."""
        empty = True
        start, parse = context.document, self.parse
        for part in self.split(stream, min(self.max_document, context.policy.max_document_size)):
            empty = False
            _, line, offset, defects, unreadable = part
            document = start(line=line, offset=offset)
            if unreadable is not None:
                document.leave_out(unreadable.kind, unreadable.message, line=unreadable.line, column=unreadable.column)
                continue
            for kind, message, at, column in defects:
                document.defect(kind, message, line=at, column=column)
            article = parse(part, document)
            if article is not None:
                yield article
        if empty:
            context.leave_out(EMPTY_INPUT, f"empty input: {self.empty_message}", line=1, column=1)

    def split(self, stream: BinaryIO, limit: int) -> Iterator[Part]:
        """Cut the input into documents, one :class:`Part` each, none over *limit* bytes.

        By default at each :attr:`separator_line` (or not at all), passing
        over documents that hold only white space.  A format with a framing
        of its own (counted bytes, a header line per document) overrides it,
        reading in bounded pieces (see :class:`Lines`) and yielding
        :func:`too_large` for a document over *limit* bytes.
        """
        if self.separator_line is None:
            return whole(stream, limit)
        separator, first = _separators(self.separator_line)
        return split(stream, separator, first, limit)

    def parse(self, part: Part, document: Document) -> Article | None:
        """Read one document into an article, reporting its problems on *document*.

        Build the article with :meth:`Document.article
        <wirecopy.context.Document.article>`, parse dates with
        :meth:`Document.date <wirecopy.context.Document.date>`, and return
        ``None`` after :meth:`Document.leave_out
        <wirecopy.context.Document.leave_out>` for a document that cannot
        be read at all.  Raise nothing.
        """
        raise NotImplementedError

    @property
    def can_write(self) -> bool:
        """Whether the format overrides :meth:`render` (or :meth:`write`)."""
        write = type(self).write
        if write is TextFormat.write:
            return type(self).render is not TextFormat.render
        return write is not Format.write

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write each article with :meth:`render`, in UTF-8, :attr:`write_separator` between two.

        Raises:
            WriteError: An article is one the format cannot hold (see
                :meth:`render`), or is a second one where a file holds one.
        """
        for index, article in enumerate(articles):
            if index:
                if self.write_separator is None:
                    raise self.refuse(article, self.one_per_file)
                stream.write(self.write_separator)
            stream.write(self.render(article).encode("utf-8"))

    def render(self, article: Article) -> str:
        """The text of one article, without the separator.

        Raises:
            WriteError: The format cannot hold the article; build it with :meth:`refuse`.
        """
        msg = f"format {self.name!r} cannot be written"
        raise WriteError(msg)

    def refuse(self, article: Article, reason: str) -> WriteError:
        """Build (not raise) the WriteError for *article*: ``cannot write article 'x' as NAME: REASON``."""
        return WriteError(f"cannot write {describe(article)} as {self.name}: {reason}")


def decode_part(part: Part, document: Document) -> str:
    """The text of *part*: UTF-8, else cp1252 or Latin-1 with a ``not-utf8`` defect; a BOM opening the input dropped."""
    text = decode(part.data, document.defect, line=part.line)
    return text.removeprefix("\ufeff") if part.offset == 0 else text


def report_control(text: str, document: Document, *, line: int) -> bool:
    """Report the first control character of *text* (whose first line is *line*) as a defect; say whether there was one.

    Control characters are those other than tab, newline, carriage return
    and form feed.
    """
    return _report_control(text, document.defect, line=line)


def line_runs(part: Part, document: Document) -> Iterator[tuple[int, str]]:
    """The lines of *part* (:func:`decode_part`) in runs between blank lines: ``(line, text)`` pairs.

    *line* is the number of the run's first line, and *text* its lines
    joined with ``"\\n"`` (:func:`paragraph_runs`).

    The first control character is reported (:func:`report_control`).
    Lines break at ``"\\n"`` only (with any ``"\\r"`` before it dropped), not
    at the form feeds, vertical tabs and U+2028 that ``str.splitlines()``
    also breaks at, so that line numbers are those of the file.
    """
    text = decode_part(part, document)
    report_control(text, document, line=part.line)
    return paragraph_runs(text, part.line)


def one_line(text: str) -> str:
    """*text* on one line: the white space around each line break becomes one space, and the ends are stripped.

    Joins the lines of a hard-wrapped paragraph (a run of
    :func:`line_runs`) as a reader does; a writer puts a paragraph on one
    line with it.
    """
    if "\n" not in text:
        return text.strip()
    # Stripping each line is the same as collapsing the white space around
    # each break, and runs at C speed (a pattern for the latter does not).
    if len(text) <= _LONG_TEXT:
        return " ".join(filter(None, map(str.strip, text.split("\n"))))
    # A long text is worked a piece at a time, each cut at a line break: a
    # list of its lines costs about twice the text again.
    pieces = []
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _LONG_TEXT)
        end = len(text) if cut < 0 else cut
        piece = " ".join(filter(None, map(str.strip, text[start:end].split("\n"))))
        if piece:
            pieces.append(piece)
        start = end + 1
    return " ".join(pieces)
