"""Wire transmissions framed by control characters: the base classes of ``anpa-1312`` and ``iptc-7901``.

In a wire format the control characters are the structure: ``SOH`` opens a
transmission, a header follows, ``STX`` opens the text, ``ETX`` closes it and
a trailer (a date, an agency) follows, and ``EOT`` closes the transmission.
A file holds any number of transmissions.  The machinery is the same from one
such format to the next, so a format of the family is three small classes
that hold only what is its own:

.. code-block:: python

    from wirecopy.kit.wire import TransmissionReader, TransmissionWriter, WireFormat

    class AcmeReader(TransmissionReader):
        extra_fields = {"service": None, "notes": []}

        def header(self, head, stx_line): ...   # the lines before STX -> extra
        def trailer(self, line): ...            # the text after ETX -> published
        def text(self, body, after): ...        # STX..ETX -> headline, paragraphs

    class AcmeWriter(TransmissionWriter):
        def render(self) -> str: ...            # one article -> one transmission

    class AcmeFormat(WireFormat):
        name = "acme-wire"
        label = "ACME"                          # names the format in messages
        reader = AcmeReader
        writer = AcmeWriter                     # leave it out for a reader only
        signature = re.compile(rb"\x01ACME")  # sniff() is certain of it

What the base classes do, so that the format does not:

* :meth:`WireFormat.read` cuts the input into transmissions at ``SOH`` (with
  the ``SYN`` bytes before it) and ``EOT``, reading in chunks so that memory
  holds one transmission at a time, in time that grows with the input alone;
  starts one document per transmission
  (:meth:`~wirecopy.context.ReadContext.document`); reports text between
  transmissions (``stray-text``), an input without any (``empty-input``) and a
  transmission longer than :attr:`WireFormat.max_transmission` bytes without
  ``EOT`` (``too-long``, skipped without being held in memory).  A
  "transmission" with no text in it at all, only control characters and
  spaces, is line noise: it joins the run of stray text around it rather
  than counting as a document.
* :meth:`TransmissionReader.article` splits a transmission into lines
  (decoded with :func:`decode`), leaves out one without ``STX``
  (``no-text``) or of more than :attr:`WireFormat.max_lines` lines
  (``document-too-large``), splits the text at ``ETX``, reports a
  transmission cut short (``truncated``) or without ``ETX``
  (``missing-trailer``), calls the three hooks, takes the dateline off the
  first paragraph and builds the article with its origin and defects.  Its
  helpers read header fields (:meth:`~TransmissionReader.fields`,
  :meth:`~TransmissionReader.number`), dates
  (:meth:`~TransmissionReader.date`) and text
  (:meth:`~TransmissionReader.clean`) within bounds, so that a huge number
  is a defect, never an exception or a slow parse.
* :class:`TransmissionWriter` makes the checks every writer needs (header
  fields that fit their slot, no control character in the text, a trailer
  time, windows-1252 bytes) and refuses an article with a
  :class:`~wirecopy.errors.WriteError` that names it.

``wirecopy/formats/anpa1312.py`` and ``wirecopy/formats/iptc7901.py`` are
complete examples.

.. versionadded:: 0.1
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, BinaryIO, ClassVar

from .._text import describe, take_dateline
from ..article import Article
from ..context import Document, ReadContext
from ..defects import (
    BAD_DATE,
    BAD_HEADER,
    CONTROL_CHARACTER,
    DOCUMENT_TOO_LARGE,
    MISSING_TRAILER,
    NO_TEXT,
    STRAY_TEXT,
    TRUNCATED,
)
from ..errors import WriteError
from ..format import Format
from ._transmissions import (
    CHARSET,
    CONTROL_CODES,
    CONTROL_NAMES,
    EOT,
    ETX,
    MAX_TRANSMISSION,
    SOH,
    STX,
    SYN,
    US,
    Line,
    Transmission,
    decode,
    lines,
    transmissions,
)

__all__ = [
    "CHARSET",
    "CONTROL_CODES",
    "CONTROL_NAMES",
    "EOT",
    "ETX",
    "MAX_DATE_LENGTH",
    "MAX_DIGITS",
    "MAX_LINES",
    "MAX_TRANSMISSION",
    "SOH",
    "STX",
    "SYN",
    "US",
    "Fields",
    "Line",
    "Transmission",
    "TransmissionReader",
    "TransmissionWriter",
    "WireFormat",
    "decode",
    "is_blank",
    "lines",
    "transmissions",
]

# Control characters that have no place in text: C0 except TAB, DEL, and the
# C1 controls that the undefined cp1252 bytes decode to.  The reader removes
# them (the line splitter has already removed the line ends); the writer
# refuses them, line ends included.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


#: A transmission of more lines than this is left out: however short, a line
#: costs about a hundred bytes once read, and 8 MiB of line ends would
#: otherwise cost a gigabyte.  Real transmissions, tables included, have a
#: few thousand at most.
MAX_LINES = 100_000
#: A number in a header field (a word count) has at most this many digits;
#: a longer one is a ``bad-header`` defect, and the writer refuses it.
MAX_DIGITS = 9
#: A date in a trailer has at most this many characters, and no number of
#: more than 14 digits (``20151007134100``); another is a ``bad-date``
#: defect, not handed to the date parser: dateutil is slow on long text, and
#: fails on some long numbers with an exception of its own.
MAX_DATE_LENGTH = 64
_LONG_NUMBER = re.compile(r"\d{15,}")


def is_blank(text: str) -> bool:
    """Whether a line holds nothing but spaces, tabs and line noise."""
    return not text.strip(" \t\r\x0b\x0c\x7f\x16\x00")


class Fields:
    """Reads the fields of a fixed-layout header line one by one, reporting the first bad one.

    *report* is called once, with the message and the 0-based index of the
    bad field in the line, and every later read then gives ``None``: after a
    bad field, the position of the next one is unknown.
    :meth:`TransmissionReader.fields` makes one that reports a ``bad-header``
    defect.
    """

    def __init__(self, line: Line, start: int, label: str, report: Callable[[str, int], None]) -> None:
        self.text = line.text.rstrip(" \t\r")
        self.at = start
        self.label = label
        self.report = report
        self.failed = False
        """Whether a field has been reported."""

    def _fail(self, what: str) -> None:
        got = self.text[self.at : self.at + 20]
        shown = "".join(f"<{CONTROL_NAMES[c]}>" if c in CONTROL_NAMES else c for c in got)
        self.report(f"{self.label}: expected {what}, got {shown!r}", self.at)
        self.failed = True

    def take(self, pattern: re.Pattern[str], what: str) -> re.Match[str] | None:
        """Match the next field, or report it (*what* names it: ``"the priority (a digit)"``)."""
        match = self._read(pattern.match, what)
        if match is not None:
            self.at = match.end()
        return match

    def rest(self, pattern: re.Pattern[str], what: str) -> re.Match[str] | None:
        """Match the rest of the line, or report it."""
        return self._read(pattern.fullmatch, what)

    def _read(self, method: Callable[[str, int], re.Match[str] | None], what: str) -> re.Match[str] | None:
        if self.failed:
            return None
        match = method(self.text, self.at)
        if match is None:
            self._fail(what)
        return match


def _shorten(text: str) -> str:
    """*text* for a message: its first 20 characters, and ``...`` if there are more."""
    return text if len(text) <= 20 else f"{text[:20]}..."


def _end(transmission: Transmission) -> tuple[int, int]:
    """The line and column just after the last character of *transmission*, its line end aside."""
    data = transmission.data
    newlines = data.count(b"\n")
    start = data.rfind(b"\n") + 1
    length = len(data) - start - data.endswith(b"\r")
    return transmission.line + newlines, (1 if newlines else transmission.column) + length


def _split_at_etx(text_lines: list[Line]) -> tuple[list[Line], Line | None, list[Line]]:
    """Split the lines after STX into the text, the trailer after ETX, and the lines after it."""
    for index, line in enumerate(text_lines):
        at = line.text.find(ETX)
        if at >= 0:
            text = text_lines[:index]
            if not is_blank(line.text[:at]):
                text = [*text, Line(line.text[:at], line.number, line.column)]
            trailer = Line(line.text[at + 1 :], line.number, line.column + at + 1)
            return text, trailer, text_lines[index + 1 :]
    return text_lines, None, []


# -- reading ------------------------------------------------------------------


class TransmissionReader:
    """Reads one transmission into an article: the skeleton, with three hooks for the format.

    :meth:`article` does the work common to every wire format (see the
    module) and calls, in this order:

    * :meth:`header` with the lines before ``STX``;
    * :meth:`trailer` with the text after ``ETX`` (not called when there is
      no ``ETX``);
    * :meth:`text` with the lines between ``STX`` and ``ETX`` and those after
      the trailer.

    The hooks fill in :attr:`extra` and the article's fields
    (:attr:`source`, :attr:`headline`, :attr:`byline`, :attr:`published`,
    :attr:`paragraphs`), and report problems with :meth:`defect` and the
    helpers below, each at its line and column.  The defects of an article
    are in the order the hooks report them, and the first raises under the
    ``strict`` policy.  One reader is made per transmission, so it may keep
    the state of that transmission in attributes.

    Args:
        format: The format being read; gives :attr:`~WireFormat.label` and
            the article's format name.
        transmission: The transmission to read.
        document: The document started for it.

    .. versionadded:: 0.1
    """

    #: The keys of :attr:`~wirecopy.Article.extra`, in order, each with its
    #: value when the transmission lacks it (``None``, or ``[]``: a list is
    #: copied for each transmission).
    extra_fields: ClassVar[Mapping[str, Any]] = {}
    #: What the trailer gives, for the message of a text without ``ETX``:
    #: "no ETX: the LABEL text is not closed, so it has no *date*".
    trailer_gives: ClassVar[str] = "date"

    # The keys of extra_fields whose values are lists, found once per class.
    _list_fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._list_fields = tuple(key for key, value in cls.extra_fields.items() if isinstance(value, list))

    def __init__(self, format: WireFormat, transmission: Transmission, document: Document) -> None:
        self.format = format
        """The format being read."""
        self.label = format.label
        """The format's name in messages (``"ANPA-1312"``)."""
        self.transmission = transmission
        """The transmission being read."""
        self.document = document
        """The document started for it: its origin and defects."""
        self.extra: dict[str, Any] = {}
        """The article's ``extra``: :attr:`extra_fields` when the hooks start."""
        self.source: str | None = None
        """The article's ``source``."""
        self.headline: str | None = None
        """The article's ``headline``."""
        self.byline: str | None = None
        """The article's ``byline``."""
        self.published: _dt.datetime | None = None
        """The article's ``published``, set by :meth:`trailer`."""
        self.paragraphs: list[str] = []
        """The article's paragraphs, the dateline still in the first."""
        self._stray = False

    def article(self) -> Article | None:
        """Read the transmission; ``None`` when it cannot be read at all (reported as left out)."""
        transmission = self.transmission
        data = transmission.data
        if b"\x02" not in data:
            line, column = _end(transmission)
            message = f"{self.label} transmission without text: {transmission.cut or 'it has no STX'}"
            self.document.leave_out(NO_TEXT, message, line=line, column=column)
            return None
        # A line costs about a hundred bytes in memory however short it is.
        limit = self.format.max_lines
        if data.count(b"\n") >= limit:
            message = f"{self.label} transmission of more than {limit} lines; left out"
            self.document.leave_out(DOCUMENT_TOO_LARGE, message, line=transmission.line, column=transmission.column)
            return None
        all_lines = lines(transmission)
        # The text runs from STX to ETX; everything before STX is header.
        stx = next(n for n, line in enumerate(all_lines) if STX in line.text)
        extra = self.extra = dict(self.extra_fields)
        for key in self._list_fields:
            extra[key] = list(extra[key])
        first = all_lines[stx]
        self.header(all_lines[:stx], first)
        at = first.text.index(STX) + 1
        text_lines = [Line(first.text[at:], first.number, first.column + at), *all_lines[stx + 1 :]]
        body, trailer, after = _split_at_etx(text_lines)
        if transmission.cut is not None:
            last = all_lines[-1]
            self.defect(TRUNCATED, f"transmission cut short: {transmission.cut}", last, len(last.text))
        if trailer is not None:
            self.trailer(trailer)
        elif transmission.cut is None:
            last = text_lines[-1]
            message = f"no ETX: the {self.label} text is not closed, so it has no {self.trailer_gives}"
            self.defect(MISSING_TRAILER, message, last, len(last.text))
        self.text(body, after)
        dateline = take_dateline(self.paragraphs, self.published)
        return self.document.article(
            format=self.format.name,
            source=self.source,
            headline=self.headline,
            byline=self.byline,
            published=self.published,
            dateline=dateline,
            paragraphs=self.paragraphs,
            extra=self.extra,
        )

    # -- the hooks ------------------------------------------------------------

    def header(self, head: list[Line], stx_line: Line) -> None:
        """Read the header: *head* is the lines before the one with ``STX``, *stx_line* that line.

        *head* is empty when ``STX`` is on the first line; its first line
        starts with the ``SOH`` (and any ``SYN`` before it).
        """
        raise NotImplementedError

    def trailer(self, line: Line) -> None:
        """Read the trailer: *line* holds what follows ``ETX`` on its line.

        Sets :attr:`published` (see :meth:`date`) and whatever else the
        trailer gives.
        """
        raise NotImplementedError

    def text(self, body: list[Line], after: list[Line]) -> None:
        """Read the text: *body* is the lines from ``STX`` to ``ETX``, *after* those after the trailer.

        Sets :attr:`headline`, :attr:`byline` and :attr:`paragraphs`.  Pass
        the lines through :meth:`clean` before reading them, and *after*
        through :meth:`check_after_trailer`, each at the point where the
        format wants their defects reported.
        """
        raise NotImplementedError

    # -- helpers for the hooks ---------------------------------------------------

    def defect(self, kind: str, message: str, line: Line, index: int = 0) -> None:
        """Report a defect of *kind* (from :mod:`wirecopy.defects`) at ``line.text[index]``."""
        self.document.defect(kind, message, line=line.number, column=line.column + index)

    def fields(self, line: Line, start: int, label: str) -> Fields:
        """A :class:`Fields` reader of *line* from index *start*, reporting a ``bad-header`` defect.

        *label* opens the message: ``"ANPA-1312 header line 2"``.
        """
        return Fields(line, start, label, lambda message, at: self.defect(BAD_HEADER, message, line, at))

    def clean(self, text_lines: list[Line]) -> list[Line]:
        """*text_lines* with stray control characters removed, the first of the transmission reported.

        A damaged transmission so gives one ``control-character`` defect
        rather than hundreds.
        """
        search = _CONTROL.search
        result = text_lines
        for index, line in enumerate(text_lines):
            match = search(line.text)
            if match is None:
                continue
            if result is text_lines:
                result = list(text_lines)
            if not self._stray:
                self._stray = True
                name = CONTROL_NAMES.get(match.group(), f"0x{ord(match.group()):02x}")
                message = f"stray control character {name} in the text; removed"
                self.defect(CONTROL_CHARACTER, message, line, match.start())
            result[index] = line._replace(text=_CONTROL.sub("", line.text))
        return result

    def date(self, text: str, line: Line, index: int, *, reference: _dt.date | None = None) -> _dt.datetime | None:
        """Parse the date *text*, found at ``line.text[index]``; ``None`` (and a defect) if it is no datetime.

        *reference* gives a year-less date its year, as in
        :meth:`Document.date <wirecopy.context.Document.date>`.  A text
        longer than :data:`MAX_DATE_LENGTH`, or with a number of more than 14
        digits, is a ``bad-date`` defect.
        """
        number = _LONG_NUMBER.search(text)
        if number is not None or len(text) > MAX_DATE_LENGTH:
            why = (
                f"a number of {len(number.group())} digits"
                if number is not None
                else f"{len(text)} characters, more than {MAX_DATE_LENGTH}"
            )
            self.defect(BAD_DATE, f"not a date: {_shorten(text)!r} has {why}", line, index)
            return None
        value = self.document.date(text, line=line.number, column=line.column + index, reference=reference)
        return value if isinstance(value, _dt.datetime) else None

    def number(self, text: str, what: str, line: Line, index: int) -> int | None:
        """The digits *text*, found at ``line.text[index]``, as an int; ``None`` if they are too many.

        More than :data:`MAX_DIGITS` digits are a ``bad-header`` defect, whose
        message begins with *what* (``"IPTC 7901 header: the word count"``).
        """
        if len(text) > MAX_DIGITS:
            message = f"{what} {_shorten(text)} has {len(text)} digits, more than {MAX_DIGITS}"
            self.defect(BAD_HEADER, message, line, index)
            return None
        return int(text)

    def check_after_trailer(self, after: list[Line]) -> None:
        """Report the first text between the trailer and ``EOT`` as a ``stray-text`` defect."""
        for line in after:
            text = line.text.replace(EOT, "")
            if not is_blank(text):
                index = len(text) - len(text.lstrip(" \t\x0c\x7f\x16\x00"))
                self.defect(STRAY_TEXT, f"text after the {self.label} trailer: {text.strip()[:40]!r}", line, index)
                return


# -- writing ------------------------------------------------------------------


class TransmissionWriter:
    """Writes one article as one transmission: the checks every wire writer makes, and a hook.

    A format implements :meth:`render`, which returns the transmission as a
    ``str`` of one character per byte; :meth:`WireFormat.write` encodes it
    with :meth:`encode`.  Every check raises the
    :class:`~wirecopy.errors.WriteError` that :meth:`refuse` builds, naming
    the article and the reason.

    Args:
        format: The format being written.
        article: The article to write.
        index: Its 1-based position in the output (a default for sequence
            numbers).

    .. versionadded:: 0.1
    """

    #: The characters :meth:`checked` strips from both ends of a field;
    #: ``None`` strips all white space.
    strip: ClassVar[str | None] = None

    def __init__(self, format: WireFormat, article: Article, index: int) -> None:
        self.format = format
        """The format being written."""
        self.article = article
        """The article to write."""
        self.index = index
        """Its 1-based position in the output."""
        # extra is format-specific: another format's "priority" or "category"
        # means something else, so only an article of this format lends its own.
        self.extra: Mapping[str, Any] = article.extra if article.format == format.name else {}
        """The article's ``extra`` if it is of this format, else empty."""

    def render(self) -> str:
        """The transmission, one character per byte."""
        raise NotImplementedError

    def refuse(self, reason: str) -> WriteError:
        """Build (not raise) the WriteError for an article the format cannot hold, for *reason*."""
        return WriteError(f"cannot write {describe(self.article)} as {self.format.name}: {reason}")

    def check_text(self, what: str, value: str) -> None:
        """Refuse a value with a line break or a control character (other than TAB)."""
        match = _CONTROL.search(value)
        if match is None:
            return
        char = match.group()
        if char in "\n\r":
            raise self.refuse(f"its {what} spans lines")
        name = CONTROL_NAMES.get(char, f"U+{ord(char):04X}")
        raise self.refuse(f"its {what} holds the control character {name}")

    def checked(self, what: str, value: object) -> str:
        """*value* stripped (see :attr:`strip`), refused unless it is a ``str`` that :meth:`check_text` accepts."""
        if not isinstance(value, str):
            raise self.refuse(f"its {what} {value!r} is not a str")
        self.check_text(what, value)
        return value.strip(self.strip)

    def value(self, key: str, default: Any) -> Any:
        """The header field *key* from :attr:`extra`; an absent or ``None`` value takes *default*."""
        value = self.extra.get(key)
        return default if value is None else value

    def field(self, key: str, value: Any, pattern: re.Pattern[str]) -> str:
        """*value*, refused unless it is a ``str`` that fills *pattern* (its fixed header field)."""
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise self.refuse(f"its {key} {value!r} does not fit the header field")
        return value

    def field_from(self, key: str, default: str, pattern: re.Pattern[str]) -> str:
        """The header field *key* from :attr:`extra` (or *default*), checked to fit *pattern*."""
        return self.field(key, self.value(key, default), pattern)

    def word_count(self) -> int:
        """The ``word_count`` of :attr:`extra`, else the words of the paragraphs, checked to be a whole number."""
        words = self.value("word_count", None)
        if words is None:
            words = sum(len(paragraph.split()) for paragraph in self.article.paragraphs)
        if not isinstance(words, int) or isinstance(words, bool) or words < 0:
            raise self.refuse(f"its word_count {words!r} is not a whole number")
        if words >= 10**MAX_DIGITS:
            raise self.refuse(f"its word_count {words!r} does not fit the header field ({MAX_DIGITS} digits)")
        return words

    def trailer_time(self) -> _dt.datetime:
        """The trailer's time: ``published`` in GMT, to the minute (seconds dropped, not rounded).

        Raises:
            WriteError: ``published`` is not an aware datetime, or its year does
                not fit a two-digit year (1969-2068).
        """
        published = self.article.published
        if not isinstance(published, _dt.datetime) or published.utcoffset() is None:
            raise self.refuse("the trailer needs published as a datetime with a zone")
        gmt = published.astimezone(_dt.timezone.utc).replace(second=0, microsecond=0)
        if not 1969 <= gmt.year <= 2068:
            raise self.refuse(f"the trailer's two-digit year cannot hold {gmt.year}")
        return gmt

    def encode(self, text: str) -> bytes:
        """Encode the rendered *text* in windows-1252, refusing a character it has no byte for."""
        try:
            return text.encode("cp1252")
        except UnicodeEncodeError as err:
            char = text[err.start]
            raise self.refuse(f"the character {char!r} (U+{ord(char):04X}) has no byte in windows-1252") from None


# -- the format -----------------------------------------------------------------


class WireFormat(Format):
    """The base class of a wire format: reads and writes transmissions with its reader and writer.

    A subclass declares :attr:`label`, :attr:`signature`, :attr:`reader`
    and (to write) :attr:`writer`, besides the attributes every
    :class:`~wirecopy.format.Format` declares; it may override
    :meth:`sniff_damaged` to recognise input that lacks the signature.

    .. versionadded:: 0.1
    """

    #: The format's name in messages: ``"ANPA-1312"``.
    label: ClassVar[str]
    #: The start of a transmission that only this format has (after any
    #: line noise): :meth:`sniff` is certain of input that matches it.
    signature: ClassVar[re.Pattern[bytes]]
    #: The :class:`TransmissionReader` subclass that reads one transmission.
    reader: ClassVar[type[TransmissionReader]]
    #: The :class:`TransmissionWriter` subclass that writes one article, or
    #: ``None`` when the format is read only.
    writer: ClassVar[type[TransmissionWriter] | None] = None
    #: A transmission longer than this many bytes without ``EOT`` is reported
    #: (``too-long``) and skipped, not held in memory.
    max_transmission: ClassVar[int] = MAX_TRANSMISSION
    #: A transmission of more lines than this is reported
    #: (``document-too-large``) and not read.
    max_lines: ClassVar[int] = MAX_LINES
    # Every byte must survive dumps() -> str -> loads().
    encoding = "latin-1"

    @property
    def can_write(self) -> bool:
        """Whether the format has a :attr:`writer`."""
        return self.writer is not None

    def sniff(self, head: bytes, filename: str | None) -> float:
        """1.0 when *head* matches :attr:`signature`, else what :meth:`sniff_damaged` says."""
        if self.signature.match(head):
            return 1.0
        return self.sniff_damaged(head)

    def sniff_damaged(self, head: bytes) -> float:
        """Score input that does not match :attr:`signature` but may still be this format; 0.0 by default."""
        return 0.0

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield one article per transmission, in input order."""
        reader = self.reader
        for transmission in transmissions(stream, context, self.label, limit=self.max_transmission):
            document = context.document(line=transmission.line, offset=transmission.offset)
            article = reader(self, transmission, document).article()
            if article is not None:
                yield article

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write each article as one transmission, with :attr:`writer`.

        Raises:
            WriteError: An article lacks something the format needs, or has
                something it cannot hold (the message says which), or the
                format has no writer.
        """
        if self.writer is None:
            super().write(articles, stream)
            return
        for index, article in enumerate(articles, 1):
            writer = self.writer(self, article, index)
            stream.write(writer.encode(writer.render()))
