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
  than counting as a document.  A format that declares :attr:`WireFormat.bare`
  also reads input whose control characters were stripped on the way: it is
  cut before each header line instead.
* :meth:`TransmissionReader.article` splits a transmission into lines
  (decoded with :func:`decode`, or as UTF-8 when :attr:`WireFormat.utf8`
  says so and the bytes are), leaves out one without ``STX``
  (``no-text``) or of more than :attr:`WireFormat.max_lines` lines
  (``document-too-large``), splits the text at ``ETX``, reports a
  transmission cut short (``truncated``) or without ``ETX``
  (``missing-trailer``), calls the three hooks, takes the dateline off the
  first paragraph (or a later one, after :attr:`~TransmissionReader.teasers`)
  and builds the article with its origin and defects.  Its
  helpers read header fields (:meth:`~TransmissionReader.fields`,
  :meth:`~TransmissionReader.number`), dates
  (:meth:`~TransmissionReader.date`, and :meth:`~TransmissionReader.clock`
  for a layout of the format's own) and text
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
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO, ClassVar

from .._dates.calendar import days_in, two_digit_year
from .._dates.zones import fixed
from .._text import take_dateline
from ..article import Article, Dateline
from ..context import Document, ReadContext
from ..dates import MONTHS
from ..defects import (
    BAD_DATE,
    BAD_HEADER,
    CONTROL_CHARACTER,
    DOCUMENT_TOO_LARGE,
    MISSING_TRAILER,
    NO_TEXT,
    NOT_UTF8,
    STRAY_TEXT,
    TRUNCATED,
)
from ..format import Format
from ._fields import Fields
from ._transmissions import (
    CHARSET,
    CONTROL_CODES,
    CONTROL_NAMES,
    EOT,
    ETX,
    MAX_DIGITS,
    MAX_TRANSMISSION,
    SOH,
    STX,
    SYN,
    US,
    Line,
    Lines,
    Transmission,
    decode,
    lines,
    transmissions,
)
from ._transmissions import CONTROL as _CONTROL
from ._wire_writer import TransmissionWriter

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
    "Lines",
    "Transmission",
    "TransmissionReader",
    "TransmissionWriter",
    "WireFormat",
    "decode",
    "is_blank",
    "lines",
    "transmissions",
]

# The same but for LF, to look at many lines joined by LF at once.
_CONTROL_IN_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])
# A CR that does not end a line.
_LONE_CR = re.compile("\r(?!\n)")


#: A transmission of more lines than this is left out: however short, a line
#: costs about a hundred bytes once read, and 8 MiB of line ends would
#: otherwise cost a gigabyte.  Real transmissions, tables included, have a
#: few thousand at most.
MAX_LINES = 100_000
#: A date in a trailer has at most this many characters, and no number of
#: more than 14 digits (``20151007134100``); another is a ``bad-date``
#: defect, not handed to the date parser: dateutil is slow on long text, and
#: fails on some long numbers with an exception of its own.
MAX_DATE_LENGTH = 64
_LONG_NUMBER = re.compile(r"\d{15,}")


def is_blank(text: str) -> bool:
    """Whether a line holds nothing but spaces, tabs and line noise."""
    return not text.strip(" \t\r\x0b\x0c\x7f\x16\x00")


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


def _split_at(text_lines: Lines, index: int, at: int) -> tuple[Lines, Line, Lines]:
    """Split the lines after STX at ``text_lines[index].text[at]`` (ETX): the text, the trailer, the lines after it."""
    texts = text_lines.texts
    text = texts[index]
    number = text_lines.number
    column = text_lines.column if index == 0 else 1
    before = texts[:index]
    if not is_blank(text[:at]):
        before.append(text[:at])
    trailer = tuple.__new__(Line, (text[at + 1 :], number + index, column + at + 1))
    return Lines(before, number, text_lines.column), trailer, Lines(texts[index + 1 :], number + index + 1)


def _take_dateline(paragraphs: list[str], reference: _dt.date | None, teasers: int) -> Dateline | None:
    """Split the dateline off the first paragraph, or off one of the *teasers* paragraphs after it, in place."""
    dateline = take_dateline(paragraphs, reference)
    if dateline is not None or not teasers:
        return dateline
    for index in range(1, min(teasers + 1, len(paragraphs))):
        rest = paragraphs[index : index + 1]
        dateline = take_dateline(rest, reference)
        if dateline is not None:
            paragraphs[index : index + 1] = rest
            return dateline
    return None


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
    #: Control characters that the format's text uses as signals (dpa's
    #: ``BEL`` on urgent news): :meth:`clean` removes them without a defect.
    signals: ClassVar[str] = ""
    #: How many paragraphs may stand before the one that opens with the
    #: dateline (a teaser): the dateline is looked for in the first paragraph,
    #: then in each of the next *teasers*.
    teasers: ClassVar[int] = 0

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
        self.paragraphs: list[str] = []
        """The article's paragraphs, the dateline still in the first."""
        # source, headline, byline and published start as the class's None:
        # a store fewer each, for every transmission.

    #: The article's ``source``.
    source: str | None = None
    #: The article's ``headline``.
    headline: str | None = None
    #: The article's ``byline``.
    byline: str | None = None
    #: The article's ``published``, set by :meth:`trailer`.
    published: _dt.datetime | None = None
    # Whether a stray control character has been reported.
    _stray = False

    def article(self) -> Article | None:
        """Read the transmission; ``None`` when it cannot be read at all (reported as left out)."""
        transmission = self.transmission
        data = transmission.data
        has_stx = b"\x02" in data
        if not has_stx and not transmission.bare:
            self._no_text(transmission.cut or "it has no STX")
            return None
        size = self.document.context.policy.max_document_size
        if len(data) > size:
            # The splitter bounds what it holds by max_transmission; a smaller
            # policy limit holds for whole transmissions too.
            message = f"{self.label} transmission of more than {size} bytes; left out"
            self.document.leave_out(DOCUMENT_TOO_LARGE, message, line=transmission.line, column=transmission.column)
            return None
        # A line costs about a hundred bytes in memory however short it is.
        limit = self.format.max_lines
        if len(data) >= limit and data.count(b"\n") >= limit:
            message = f"{self.label} transmission of more than {limit} lines; left out"
            self.document.leave_out(DOCUMENT_TOO_LARGE, message, line=transmission.line, column=transmission.column)
            return None
        # The whole text is searched and split at once, in C; the lines become
        # Line records only where a hook asks for one.
        text = self._decode(data)
        if "\r" in text:
            # Removing every CR is four times as fast as replacing CRLF, and
            # the same when each CR ends a line (a lone one is kept).
            if _LONE_CR.search(text) is None:
                text = text.replace("\r", "")
            else:
                text = text.replace("\r\n", "\n")
                if text.endswith("\r"):
                    text = text[:-1]
        texts = text.split("\n")
        # The text runs from STX to ETX; everything before STX is header.
        if has_stx:
            start = text.index(STX) + 1
            stx = text.count("\n", 0, start)
            at = start - text.rfind("\n", 0, start) - 1
        else:
            found = self.bare_text(Lines(texts, transmission.line, transmission.column))
            if found is None:
                self._no_text("its control characters were stripped, and no text follows its header")
                return None
            stx, at, start = found, 0, 0
            for _ in range(stx):
                start = text.index("\n", start) + 1
        extra = self.extra = dict(self.extra_fields)
        for key in self._list_fields:
            extra[key] = list(extra[key])
        number = transmission.line + stx
        column = transmission.column if stx == 0 else 1
        # tuple.__new__ builds the Line in C (its own __new__ is Python code).
        stx_line = tuple.__new__(Line, (texts[stx], number, column))
        self.header(Lines(texts[:stx], transmission.line, transmission.column), stx_line)
        body_texts = texts[stx:]
        body_texts[0] = body_texts[0][at:]
        text_lines = Lines(body_texts, number, column + at)
        etx = text.find(ETX, start)
        if etx >= 0:
            # Counted back from the end: the trailer is near it.
            index = len(body_texts) - 1 - text.count("\n", etx)
            column = etx - text.rfind("\n", 0, etx) - 1 - (0 if index else at)
            body, trailer, after = _split_at(text_lines, index, column)
        else:
            found = self.bare_trailer(text_lines) if transmission.bare else None
            if found is None:
                body, trailer, after = text_lines, None, text_lines[len(body_texts) :]
            else:
                body, trailer, after = text_lines[:found], text_lines[found], text_lines[found + 1 :]
        if transmission.cut is not None:
            last = Lines(texts, transmission.line, transmission.column)[-1]
            self.defect(TRUNCATED, f"transmission cut short: {transmission.cut}", last, len(last.text))
        if trailer is not None:
            self.trailer(trailer)
        elif transmission.cut is None:
            last = text_lines[-1]
            message = f"no ETX: the {self.label} text is not closed, so it has no {self.trailer_gives}"
            self.defect(MISSING_TRAILER, message, last, len(last.text))
        self.text(body, after)
        dateline = _take_dateline(self.paragraphs, self.published, self.teasers)
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

    def _no_text(self, why: str) -> None:
        """Leave the transmission out as ``no-text``, at its end."""
        line, column = _end(self.transmission)
        message = f"{self.label} transmission without text: {why}"
        self.document.leave_out(NO_TEXT, message, line=line, column=column)

    def _decode(self, data: bytes) -> str:
        """The transmission's text: UTF-8 if the format's is and the bytes are, else :func:`decode`."""
        if not self.format.utf8:
            # ASCII reads the same either way, ten times as fast.
            return data.decode("ascii") if data.isascii() else decode(data)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as err:
            transmission = self.transmission
            newlines = data.count(b"\n", 0, err.start)
            line_start = data.rfind(b"\n", 0, err.start) + 1
            column = err.start - line_start + (1 if newlines else transmission.column)
            message = f"byte 0x{data[err.start]:02x} is not UTF-8; the transmission was decoded as windows-1252"
            self.document.defect(NOT_UTF8, message, line=transmission.line + newlines, column=column)
            return decode(data)

    # -- the hooks ------------------------------------------------------------

    def header(self, head: Lines, stx_line: Line) -> None:
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

    def text(self, body: Lines, after: Lines) -> None:
        """Read the text: *body* is the lines from ``STX`` to ``ETX``, *after* those after the trailer.

        Sets :attr:`headline`, :attr:`byline` and :attr:`paragraphs`.  Pass
        the lines through :meth:`clean` before reading them, and *after*
        through :meth:`check_after_trailer`, each at the point where the
        format wants their defects reported.
        """
        raise NotImplementedError

    def bare_text(self, head: Lines) -> int | None:
        """Where the text of a :attr:`~Transmission.bare` transmission begins: the index of its first line in *head*.

        *head* is every line of the transmission; ``None`` (the default)
        leaves the transmission out as ``no-text``.  The line found is read
        as if ``STX`` opened it.
        """
        return None

    def bare_trailer(self, text_lines: Lines) -> int | None:
        """Which line of a :attr:`~Transmission.bare` transmission's text is its trailer (it has no ``ETX``).

        ``None`` (the default) reports the trailer missing.  The line found
        is handed to :meth:`trailer` whole; the lines after it are the
        *after* of :meth:`text`.
        """
        return None

    # -- helpers for the hooks ---------------------------------------------------

    def defect(self, kind: str, message: str, line: Line, index: int = 0) -> None:
        """Report a defect of *kind* (from :mod:`wirecopy.defects`) at ``line.text[index]``."""
        self.document.defect(kind, message, line=line.number, column=line.column + index)

    def fields(self, line: Line, start: int, label: str) -> Fields:
        """A :class:`Fields` reader of *line* from index *start*, reporting a ``bad-header`` defect.

        *label* opens the message: ``"ANPA-1312 header line 2"``.
        """
        return Fields(line, start, label, lambda message, at: self.defect(BAD_HEADER, message, line, at))

    def clean(self, text_lines: Lines) -> Lines:
        """*text_lines* with stray control characters removed, the first of the transmission reported.

        A damaged transmission so gives one ``control-character`` defect
        rather than hundreds.  The :attr:`signals` are removed without one.
        """
        # One look at the lines joined, in C: most transmissions are clean, and
        # most are ASCII, whose bytes translate() checks faster than a search.
        texts = text_lines.texts
        joined = "\n".join(texts)
        if joined.isascii():
            raw = joined.encode("ascii")
            if len(raw.translate(None, _CONTROL_BYTES)) == len(raw):
                return text_lines
        elif _CONTROL_IN_LINES.search(joined) is None:
            return text_lines
        search = _CONTROL.search
        signals = self.signals
        cleaned = list(texts)
        for index, text in enumerate(texts):
            if search(text) is None:
                continue
            if not self._stray:
                stray = next((found for found in _CONTROL.finditer(text) if found.group() not in signals), None)
                if stray is not None:
                    self._stray = True
                    name = CONTROL_NAMES.get(stray.group(), f"0x{ord(stray.group()):02x}")
                    message = f"stray control character {name} in the text; removed"
                    self.defect(CONTROL_CHARACTER, message, text_lines[index], stray.start())
            cleaned[index] = _CONTROL.sub("", text)
        return Lines(cleaned, text_lines.number, text_lines.column)

    def date(
        self, text: str, line: Line, index: int, *, reference: _dt.date | None = None, dayfirst: bool = False
    ) -> _dt.datetime | None:
        """Parse the date *text*, found at ``line.text[index]``; ``None`` (and a defect) if it is no datetime.

        *reference* gives a year-less date its year, and *dayfirst* reads
        ``09-12`` as 9 December, as in
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
        column = line.column + index
        value = self.document.date(text, line=line.number, column=column, reference=reference, dayfirst=dayfirst)
        return value if isinstance(value, _dt.datetime) else None

    def clock(self, match: re.Match[str], line: Line, *, zone: _dt.tzinfo | None = None) -> _dt.datetime | None:
        """The time a format's own pattern matched in ``line.text``; ``None`` (and a ``bad-date`` defect) if impossible.

        For a date layout the date parser does not know: *match* has the
        groups ``d`` (day), ``m`` (month number) or ``mon`` (month name, in
        :data:`wirecopy.dates.MONTHS`), ``yy`` (two-digit year, whose century
        is chosen as :func:`~wirecopy.parse_date` chooses it), ``H`` and
        ``M``.  The time is in *zone*, else in the policy's ``default_tz``,
        else naive.  A bad part is reported at its column; the message quotes
        the group ``date`` if the pattern has one, else the whole match.
        """
        # The groups by name, not groupdict(): a dict of every group costs
        # more than the rest of the work.
        groups = match.re.groupindex
        name = match["mon"] if "mon" in groups else None
        month = MONTHS.get(name.lower(), 0) if name is not None else int(match["m"])
        if name is not None and not month:
            self.defect(BAD_DATE, f"unknown month {name!r}", line, match.start("mon"))
            return None
        policy = self.document.context.policy
        yy, day_text, hour_text, minute_text = match.group("yy", "d", "H", "M")
        year = two_digit_year(int(yy), policy.reference)
        day, hour, minute = int(day_text), int(hour_text), int(minute_text)
        zone = zone if zone is not None else policy.default_tz
        try:
            # A fixed offset goes in at once; a zone with rules needs the local time first.
            moment = _dt.datetime(
                year, month, day, hour, minute, tzinfo=zone if isinstance(zone, _dt.timezone) else None
            )
        except ValueError:
            checks = (
                ("month", month, 1, 12, "m" if name is None else "mon"),
                ("day", day, 1, days_in(year, month), "d"),
                ("hour", hour, 0, 23, "H"),
                ("minute", minute, 0, 59, "M"),
            )
            what, value, group = next((c[0], c[1], c[4]) for c in checks if not c[2] <= c[1] <= c[3])
            quoted = match["date"] if "date" in groups else match.group()
            message = f"invalid date {quoted!r}: {what} {value} is out of range"
            self.defect(BAD_DATE, message, line, match.start(group))
            return None
        if zone is None or moment.tzinfo is not None:
            return moment
        return moment.replace(tzinfo=fixed(zone, moment))

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

    def check_after_trailer(self, after: Lines) -> None:
        """Report the first text between the trailer and ``EOT`` as a ``stray-text`` defect."""
        texts = after.texts
        # The lines are blank if they are blank joined: one look, in C.
        if is_blank("".join(texts).replace(EOT, "")):
            return
        for index, text in enumerate(texts):
            text = text.replace(EOT, "")
            if not is_blank(text):
                at = len(text) - len(text.lstrip(" \t\x0c\x7f\x16\x00"))
                self.defect(STRAY_TEXT, f"text after the {self.label} trailer: {text.strip()[:40]!r}", after[index], at)
                return


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
    #: (``too-long``) and skipped, not held in memory.  The policy's
    #: :attr:`~wirecopy.policy.Policy.max_document_size` lowers it.
    max_transmission: ClassVar[int] = MAX_TRANSMISSION
    #: A transmission of more lines than this is reported
    #: (``document-too-large``) and not read.
    max_lines: ClassVar[int] = MAX_LINES
    #: The first line of a transmission whose control characters were
    #: stripped on the way, matched as a whole line (with
    #: :data:`re.MULTILINE`); ``None`` when the format cannot be read so.
    #: An input that opens with such a line is cut before each line it
    #: matches, and the reader's :meth:`~TransmissionReader.bare_text` and
    #: :meth:`~TransmissionReader.bare_trailer` find the rest by layout.
    bare: ClassVar[re.Pattern[bytes] | None] = None
    #: Whether the text is UTF-8: read as UTF-8 when the bytes of a
    #: transmission are valid UTF-8, else as :data:`CHARSET` with a
    #: ``not-utf8`` defect.  ``False`` reads :data:`CHARSET` only.
    utf8: ClassVar[bool] = False
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
        for transmission in transmissions(
            stream,
            context,
            self.label,
            limit=min(self.max_transmission, context.policy.max_document_size),
            bare=self.bare,
        ):
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
