"""IPTC 7901: the text transmissions of dpa and other European agencies.

One transmission, byte by byte (see ``docs/formats/iptc-7901.md``)::

    SOH abc101 4 i 120 xyzzy   dpa 007 CRLF     service+sequence, priority, category, words, extra, agency, number
    LF
    Germany-transport/ CRLF                     slug line
    STX 1ST LEAD LF                             labels
    (Eil BEL BEL BEL) LF                        editorial notes in parentheses
    Night trains return to the Rhine valley LF  headline
    By Max Beispiel, dpa = CRLF                 byline; " =" ends the block
    LF
    Koblenz (dpa) - Night trains will run ... CRLF
    wrapped at 69 columns CRLF
    LF
    # Notebook CRLF                             notes for editors
    LF
    * * * * CRLF
    The following information is not for publication CRLF
    LF
    ## Editorial contacts CRLF                  kept out of the body
    LF
    dpa mb em CRLF                              editor initials
    CRLF
    ETX 071341 GMT Okt 15 CRLF                  day, time, [zone,] month, two-digit year
    DEL LF DEL EOT

The control characters are the structure, so the format reads bytes: UTF-8
as dpa's converters write it today, or 8-bit text as it was.  A file may hold
many transmissions, with CRLF, LF and CRLF LF mixed, and may have lost its
control characters on the way (as Belga receives dpa): it is then cut at its
header lines and read by its layout.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Mapping
from itertools import repeat
from typing import Any, ClassVar, NamedTuple

from .._dates.names import MONTH_ABBRS
from ..datelines import split_dateline
from ..dates import format_date
from ..defects import MISSING_DATE
from ..kit.wire import ETX, STX, Line, Lines, TransmissionReader, TransmissionWriter, WireFormat, is_blank

__all__ = ["IPTC7901Format"]

#: The wrap width of the body: dpa's lines are at most 69 characters.
WIDTH = 69

# Each field must end where a space (or the line) does, so that "12a" is a
# bad word count rather than a word count and a bad rest.
_SERVICE = re.compile(r"(?P<service>[A-Za-z]+)(?P<sequence>\d+)(?= |$)")
_PRIORITY = re.compile(r"\d(?= |$)")
_CATEGORY = re.compile(r"[A-Za-z]+(?= |$)")
_WORDS = re.compile(r"\d+(?= |$)")
# "xyzzy   dpa 007", "  dpa 0045": optional extra field, optional agency,
# message number.
_TAIL = re.compile(r"(?: (?P<extra>[^\s\x00-\x1f]+))?(?: +(?P<agency>[A-Za-z][^\s\x00-\x1f]*))? +(?P<number>\d+)")
# The whole header line, for the common case; the fields above read a line
# that does not match one by one, to report the first bad one.
_HEADER = re.compile(
    r"(?P<service>[A-Za-z]+)(?P<sequence>\d+) (?P<priority>\d) (?P<category>[A-Za-z]+) (?P<words>\d{1,9})"
    + _TAIL.pattern
)
_SPACE = re.compile(" ")
# The header line of a transmission that lost its control characters on the way.
_BARE = re.compile(
    rb"(?m)^[A-Za-z]+\d+ \d [A-Za-z]+ \d+(?: [^\s\x00-\x1f]+)?(?: +[A-Za-z][^\s\x00-\x1f]*)? +\d+[ \t]*\r?$"
)
# The trailer: day, hour and minute, a zone or none (local time), the month
# in English or German (any case) and a two-digit year.
_TRAILER = re.compile(
    r"(?P<d>\d\d)(?P<H>\d\d)(?P<M>\d\d)(?:[ ]+(?P<zone>[A-Za-z]{1,5}))?[ ]+(?P<mon>[^\W\d_]+)\.?[ ]+(?P<yy>\d\d)"
)
_GMT = ("GMT", "UTC", "UT", "Z")

# A label before the headline: "1ST LEAD", "EXTRA", "REFILE" (see _is_label).
_LOWER = re.compile("[a-z]")
_UPPER_OR_DIGIT = re.compile("[A-Z0-9]")
_BYLINE = re.compile(r"(?i:by|von) \S")
# What is_blank() strips: a line of these only is empty.
_BLANK = " \t\r\x0b\x0c\x7f\x16\x00"
# A note may run over this many lines (dpa's corrections are wrapped).
_NOTE_LINES = 12
_HEADING = re.compile(r"#+ ")
_NOT_FOR_PUBLICATION = re.compile(
    r"(?i)(?:the following information is not (?:intended )?for publication"
    r"|die folgenden informationen sind nicht zur veröffentlichung bestimmt)\.?"
)
# The lengths of the lines it matches (case aside, a character matches one
# character): a line of another length is not looked at twice.
_NOT_FOR_PUBLICATION_LENGTHS = frozenset(
    len(sentence) + dot
    for sentence in (
        "the following information is not for publication",
        "the following information is not intended for publication",
        "die folgenden informationen sind nicht zur veröffentlichung bestimmt",
    )
    for dot in (0, 1)
)
_STARS = "* * * *"
_NFP_MARKER = f"{_STARS}\r\nThe following information is not for publication\r\n"
_INITIALS = re.compile(r"(?P<agency>\S+)(?P<editors>(?: [^\W_]{1,6}(?:/[^\W_]{1,6})*)+)")
_AGENCY_PARTS = re.compile(r"[-/]")
# A break point for wrapping: a single space between two other characters.
_BREAK = re.compile(r"(?<=[^ \t]) (?=[^ \t])")
# One or more empty lines between blocks of stripped lines.
_EMPTY_LINES = re.compile(r"\n\n+")


class Block(NamedTuple):
    """The headline block, in its parts (see :func:`headline_block`)."""

    labels: str | None
    notes: list[str]
    kicker: str | None
    headline: str | None
    byline: str | None
    used: int


def _may_hold_nfp(text: str) -> bool:
    """Whether *text* may hold the "not for publication" sentence (a quick look, before the pattern)."""
    return "ublication" in text or "UBLICATION" in text or "ffentlichung" in text or "FFENTLICHUNG" in text


class _Reader(TransmissionReader):
    """Reads one IPTC 7901 transmission: header, slug, headline block, body and sections, trailer."""

    # Every key is always there (None or empty when the transmission lacks
    # it), in the order of the transmission.
    extra_fields: ClassVar[Mapping[str, Any]] = {
        "service": None,
        "sequence": None,
        "priority": None,
        "category": None,
        "word_count": None,
        "header_extra": None,
        "message_number": None,
        "slug": None,
        "labels": None,
        "notes": [],
        "kicker": None,
        "notebook": [],
        "not_for_publication": [],
        "editors": [],
    }
    # dpa rings the bell on urgent news: "(Eil BEL BEL BEL BEL BEL)".
    signals = "\x07"
    # dpa's current stories open with a teaser paragraph before the dateline.
    teasers = 1

    def header(self, head: Lines, stx_line: Line) -> None:
        """Read the header line into extra and source, and the lines after it into the slug."""
        lines = head.texts
        self._header_line(head[0] if lines else stx_line)
        if not "".join(lines[1:]):
            return  # no slug, only empty lines (or none): the common case, at once
        texts = [text.strip(" \t") for text in self.clean(head[1:]).texts if not is_blank(text)]
        self.extra["slug"] = " ".join(texts) if texts else None

    def _header_line(self, line: Line) -> None:
        at = line.text.find("\x01") + 1
        whole = _HEADER.fullmatch(line.text.rstrip(" \t\r"), at)
        if whole is not None:
            extra = self.extra
            service, sequence, priority, category, words, header_extra, agency, number = whole.groups()
            extra["service"], extra["sequence"], extra["priority"] = service, sequence, int(priority)
            extra["category"], extra["word_count"], extra["header_extra"] = category, int(words), header_extra
            extra["message_number"] = number
            self.source = agency
            return
        fields = self.fields(line, at, "IPTC 7901 header")
        service = fields.take(_SERVICE, "the service code and sequence number ('abc101')")
        if service is not None:
            self.extra.update(service=service["service"], sequence=service["sequence"])
        if fields.take(_SPACE, "a space") is None:
            return
        priority = fields.take(_PRIORITY, "the priority (a digit)")
        if priority is not None:
            self.extra["priority"] = int(priority.group())
        if fields.take(_SPACE, "a space") is None:
            return
        category = fields.take(_CATEGORY, "the category (letters)")
        if category is not None:
            self.extra["category"] = category.group()
        if fields.take(_SPACE, "a space") is None:
            return
        words = fields.take(_WORDS, "the word count (digits)")
        if words is not None:
            self.extra["word_count"] = self.number(
                words.group(), "IPTC 7901 header: the word count", line, words.start()
            )
        tail = fields.rest(_TAIL, "'[extra]   agency number'")
        if tail is not None:
            self.extra.update(header_extra=tail["extra"], message_number=tail["number"])
            self.source = tail["agency"]

    def bare_text(self, head: Lines) -> int | None:
        """After the header line and empty lines, the slug lines (ending ``/``) and then the text."""
        index = 1
        while index < len(head) and is_blank(head[index].text):
            index += 1
        while index < len(head) and head[index].text.rstrip(" \t").endswith("/"):
            index += 1
        while index < len(head) and is_blank(head[index].text):
            index += 1
        return index if index < len(head) else None

    def bare_trailer(self, text_lines: Lines) -> int | None:
        """The last line that is not empty, if it has the shape of a trailer."""
        index = len(text_lines) - 1
        while index >= 0 and is_blank(text_lines[index].text):
            index -= 1
        if index > 0 and _TRAILER.fullmatch(text_lines[index].text.strip(" \t")):
            return index
        return None

    def trailer(self, line: Line) -> None:
        """Read ``DDHHMM [zone] Mon YY`` into published: aware with a zone, naive (local time) without."""
        text = line.text.strip(" \t")
        if not text:
            self.defect(MISSING_DATE, "the IPTC 7901 trailer after ETX has no date", line)
            return
        at = line.text.index(text)
        match = _TRAILER.fullmatch(line.text, at, at + len(text))
        zone = "" if match is None else match["zone"]
        if match is not None and zone is None:
            self.published = self.clock(match, line)
        elif match is not None and zone.upper() in _GMT and self.document.context.policy.tzinfos is None:
            self.published = self.clock(match, line, zone=_dt.timezone.utc)
        else:
            # Another zone, or another shape: the date parser knows the zones and words the error.
            self.published = self.date(text, line, at)

    def text(self, body: Lines, after: Lines) -> None:
        """Read the headline block, then the body, notebook, not-for-publication block and initials."""
        texts = self.clean(body).texts
        block = headline_block(texts)
        self.headline, self.byline = block.headline, block.byline
        extra = self.extra
        extra["labels"], extra["notes"], extra["kicker"] = block.labels, block.notes, block.kicker
        self._body(texts[block.used :])
        self.check_after_trailer(after)

    def _body(self, texts: list[str]) -> None:
        """Split the lines after the headline block into paragraphs, notes and initials."""
        # The lines stripped and joined: empty lines part the blocks, and a
        # paragraph's lines join with one space.  All of it in C.
        text = "\n".join(map(str.strip, texts, repeat(" \t"))).strip("\n")
        if not text:
            return
        # Most stories have neither notebook nor markers: one look at the whole text.
        # ("*" first: a search for one character is twenty times as fast.)  The
        # "not for publication" sentence is matched in any case; its words are
        # looked for in lower case and in capitals.
        if "#" in text or ("*" in text and _STARS in text) or _may_hold_nfp(text):
            self._sections(_blocks(texts))
            return
        blocks = _EMPTY_LINES.split(text)
        if "\n" not in blocks[-1] and self._editors(blocks[-1]):
            blocks.pop()
        self.paragraphs = [block.replace("\n", " ") for block in blocks]

    def _editors(self, line: str) -> bool:
        """Read *line* into the editors if it is their initials under the agency; say whether it was."""
        if not _is_initials(line.strip(" \t"), self.source):
            return False
        self.extra["editors"] = line.split()[1:]
        return True

    def _sections(self, blocks: list[list[str]]) -> None:
        """Sort the blocks into paragraphs, the notebook and the not-for-publication section, in that order."""
        if blocks and len(blocks[-1]) == 1 and self._editors(blocks[-1][0]):
            blocks.pop()
        paragraphs = self.paragraphs
        notebook: list[str] = []
        not_for_publication: list[str] = []
        phase = "body"
        for block in blocks:
            marker = _marker(block)
            if phase != "nfp" and marker is not None:
                before = [text for text in block[:marker] if text.strip() != _STARS]
                if before:
                    notebook.append("\n".join(before))
                if block[marker + 1 :]:
                    not_for_publication.append("\n".join(block[marker + 1 :]))
                phase = "nfp"
            elif phase == "body" and _HEADING.match(block[0]):
                phase = "notebook"
                notebook.append("\n".join(block))
            elif phase == "body":
                paragraphs.append(" ".join(text.strip(" \t") for text in block))
            elif phase == "notebook":
                notebook.append("\n".join(block))
            else:
                not_for_publication.append("\n".join(block))
        self.extra["notebook"] = notebook
        self.extra["not_for_publication"] = not_for_publication


def _blocks(texts: list[str]) -> list[list[str]]:
    """The blocks of lines that empty lines part, each line without the white space it ends with."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for text in texts:
        if is_blank(text):
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(text.rstrip(" \t"))
    if current:
        blocks.append(current)
    return blocks


def _marker(block: list[str]) -> int | None:
    """The index of the "not for publication" line in *block*: the line after ``* * * *``, or that sentence."""
    if len(block) > 1 and block[0].strip() == _STARS:
        return 1
    for number, text in enumerate(block):
        text = text.strip()
        if len(text) in _NOT_FOR_PUBLICATION_LENGTHS and _NOT_FOR_PUBLICATION.fullmatch(text):
            return number
    return None


def _is_initials(text: str, source: str | None) -> bool:
    """Whether *text* is the editors' line: the agency (or a part of it, ``dpa`` of ``dpa-tns``) and initials."""
    if source is None:
        return False
    # The agency is the text up to the first space: most last paragraphs
    # fail here, before the pattern tries them.
    agency = text.partition(" ")[0]
    if agency != source and agency not in _AGENCY_PARTS.split(source):
        return False
    match = _INITIALS.fullmatch(text)
    return match is not None and (match["agency"] == source or match["agency"] in _AGENCY_PARTS.split(source))


def headline_block(lines: list[str]) -> Block:
    """Read the block that opens the text: labels, notes, kicker, headline and byline, ending with ``=``.

    The block ends at the first line that ends with ``=``, or before the
    first empty line; a first paragraph without ``=`` that opens with a
    dateline is body, and there is no block.  Its parts, in order:

    * labels: upper-case lines (``2ND LEAD``, ``3RD NET``), joined with a space;
    * notes, anywhere: lines in parentheses, each maybe run over several
      lines (``(Eil)``, ``(Berichtigung: ...)``, ``(Foto Produktion)``);
    * a byline: the last line, notes aside, if it begins with ``By`` or ``Von``;
    * a kicker: lines before the headline that a wrap at 69 columns would
      not have broken there (``Roundup``, then the headline);
    * the headline: the rest, joined with spaces.
    """
    # is_blank() and _note_end() inline: the block is read once per transmission.
    size = len(lines)
    start = 0
    while start < size and not lines[start].strip(_BLANK):
        start += 1
    end = start
    texts: list[str] = []
    closed = False
    while end < size and lines[end].strip(_BLANK):
        text = lines[end].strip(" \t")
        end += 1
        if text[-1:] == "=":
            texts.append(text[:-1].rstrip(" \t"))
            closed = True
            break
        texts.append(text)
    if not texts or (not closed and split_dateline(" ".join(texts))[0] is not None):
        return Block(None, [], None, None, None, start)
    notes: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(texts):
        text = texts[index]
        last = _note_end(texts, index) if text[:1] == "(" else None
        if last is None:
            if text:
                rest.append(text)
            index += 1
        else:
            notes.append(" ".join(" ".join(texts[index : last + 1]).split()).replace(" )", ")"))
            index = last + 1
    byline = None
    if len(rest) >= 2 and _BYLINE.match(rest[-1]):
        byline = rest.pop()
    first = 0
    while first < len(rest) - 1 and _is_label(rest[first]):
        first += 1
    labels = " ".join(rest[:first]) or None
    # The headline starts after the last break that a wrap would not have made.
    cut = first
    for number in range(first + 1, len(rest)):
        if len(rest[number - 1]) + 1 + len(rest[number].split(" ", 1)[0]) <= WIDTH:
            cut = number
    kicker = " ".join(rest[first:cut]) or None
    headline = " ".join(rest[cut:]) or None
    # tuple.__new__ builds it in C (the named tuple's own __new__ is Python code).
    return tuple.__new__(Block, (labels, notes, kicker, headline, byline, end))


def _note_end(texts: list[str], index: int) -> int | None:
    """The last line of the note in parentheses that opens at ``texts[index]``, or ``None`` if none does."""
    depth = 0
    for number in range(index, min(index + _NOTE_LINES, len(texts))):
        text = texts[number]
        depth += text.count("(") - text.count(")")
        if depth <= 0:
            return number if depth == 0 and text.endswith(")") else None
    return None


def _is_label(text: str) -> bool:
    """Whether a line of the headline block is a label: no lower-case letter (``1ST LEAD``)."""
    # Two searches rather than one pattern: "[^a-z]*[A-Z0-9][^a-z]*" takes
    # quadratic time to fail on a long upper-case line.
    return _LOWER.search(text) is None and _UPPER_OR_DIGIT.search(text) is not None


# -- writing ------------------------------------------------------------------

_SERVICE_CODE = re.compile(r"[A-Za-z]+")
_NUMBER = re.compile(r"\d+")
_FIELD = re.compile(r"[^\s\x00-\x1f\x7f-\x9f]+")
_AGENCY = re.compile(r"[A-Za-z][^\s\x00-\x1f\x7f-\x9f]*")
_EDITOR = re.compile(r"[^\W_]{1,6}(?:/[^\W_]{1,6})*")


class _Writer(TransmissionWriter):
    """Writes one article as an IPTC 7901 transmission in the canonical layout (see the docs page)."""

    strip = " \t"

    def render(self) -> str:
        """One transmission in the canonical layout."""
        article = self.article
        extra = self.extra
        moment, trailer = self._trailer()

        service = self.field_from("service", "a", _SERVICE_CODE)
        sequence = self.field_from("sequence", f"{self.index:04d}", _NUMBER)
        priority = self.value("priority", 4)
        if not isinstance(priority, int) or isinstance(priority, bool) or not 0 <= priority <= 9:
            raise self.refuse(f"its priority {priority!r} is not a digit")
        category = self.field_from("category", "i", _CATEGORY)
        words = self.word_count()
        header_extra = extra.get("header_extra")
        if header_extra is not None:
            self.field("header_extra", header_extra, _FIELD)
        agency = article.source
        if agency is not None:
            self.field("source", agency, _AGENCY)
        number = self.field_from("message_number", f"{self.index:04d}", _NUMBER)
        slug = extra.get("slug")
        if slug is not None:
            slug = self.checked("slug", slug)
            if not slug:
                raise self.refuse("its slug is blank")

        if not article.headline or not article.headline.strip():
            raise self.refuse("it has no headline")
        block = self._headline_block(headline=self.checked("headline", article.headline))
        paragraphs = self._paragraphs(moment.date())
        notebook = [self._block("notebook", text) for text in extra.get("notebook") or ()]
        not_for_publication = [
            self._block("not_for_publication", text) for text in extra.get("not_for_publication") or ()
        ]
        if notebook and not _HEADING.match(notebook[0]):
            raise self.refuse("its notebook must begin with a '# ' heading, or it would read back as body text")
        for what, blocks in (("notebook", notebook), ("not_for_publication", not_for_publication)):
            for text in blocks:
                if _marker(text.split("\r\n")) is not None:
                    raise self.refuse(f"its {what} holds the 'not for publication' line, which the writer adds itself")
        editors = [self.field("editor", editor, _EDITOR) for editor in extra.get("editors") or ()]
        if editors and agency is None:
            raise self.refuse("it has editors but no source (agency) to open their line")
        blocks = paragraphs + notebook
        if not_for_publication:
            blocks.append(_NFP_MARKER.rstrip("\r\n"))
            blocks += not_for_publication
        if agency is not None and not editors and blocks:
            last = blocks[-1]
            if "\r\n" not in last and _is_initials(last, agency):
                raise self.refuse(f"its last block {last!r} would read back as the editors' initials")
        if editors:
            blocks.append(f"{agency} {' '.join(editors)}")

        # dpa's spacing: "120 xyzzy   dpa 007" with the extra field, "25  dpa 008" without.
        tail = (f" {header_extra}   " if header_extra is not None else "  ") + (f"{agency} " if agency else "")
        out = [f"\x01{service}{sequence} {priority} {category} {words}{tail}{number}\r\n\n"]
        if slug is not None:
            out.append(f"{slug}\r\n")
        out.append(f"{STX}{block} =\r\n")
        for text in blocks:
            out.append(f"\n{text}\r\n")
        out.append(f"\r\n{ETX}{trailer}\r\n\x7f\n\x7f\x04")
        return "".join(out)

    def _trailer(self) -> tuple[_dt.datetime, str]:
        """``published`` to the minute, and the trailer: in GMT when it has a zone, as written (local) when not."""
        published = self.article.published
        if isinstance(published, _dt.datetime) and published.tzinfo is None:
            moment = published.replace(second=0, microsecond=0)
            if not 1969 <= moment.year <= 2068:
                raise self.refuse(f"the trailer's two-digit year cannot hold {moment.year}")
            return moment, f"{moment:%d%H%M} {MONTH_ABBRS[moment.month - 1]} {moment.year % 100:02d}"
        if not isinstance(published, _dt.datetime):
            raise self.refuse("the trailer needs published as a datetime (with a zone, or naive for local time)")
        gmt = self.trailer_time()
        return gmt, format_date(gmt, "iptc7901")

    def _headline_block(self, headline: str) -> str:
        """The headline block's lines, joined with LF: labels, notes, kicker, headline, byline."""
        extra = self.extra
        labels = extra.get("labels")
        if labels is not None:
            labels = self.checked("labels", labels)
        notes = [self.checked("note", note) for note in extra.get("notes") or ()]
        kicker = extra.get("kicker")
        if kicker is not None:
            kicker = self.checked("kicker", kicker)
        byline = None if self.article.byline is None else self.checked("byline", self.article.byline)
        lines = [text for text in (labels, *notes, kicker, headline, byline) if text is not None]
        if headline_block([*lines[:-1], f"{lines[-1]} ="]) != Block(
            labels, notes, kicker, headline, byline, len(lines)
        ):
            raise self.refuse(
                "its labels, notes, kicker, headline and byline would not read back as written "
                "(labels are upper case, notes in parentheses, a kicker is short enough that the headline's "
                "first word would fit after it, a byline begins with 'By' or 'Von' in any case, "
                "and only the last line may end with '=')"
            )
        return "\n".join(lines)

    def _block(self, what: str, value: object) -> str:
        """A notebook or not-for-publication block: its lines as written, CRLF between them."""
        if not isinstance(value, str):
            raise self.refuse(f"its {what} block {value!r} is not a str")
        lines = [line.rstrip(" \t") for line in value.split("\n")]
        for line in lines:
            self.check_text(what, line)
            if is_blank(line):
                raise self.refuse(f"its {what} block {value[:40]!r} holds a blank line")
        return "\r\n".join(lines)

    def _paragraphs(self, reference: _dt.date) -> list[str]:
        """The body, wrapped, with the dateline back in front of the first paragraph."""
        texts = [paragraph.strip(" \t") for paragraph in self.article.paragraphs]
        dateline = self.article.dateline
        if dateline is not None:
            first = texts.pop(0) if texts else ""
            texts.insert(0, f"{dateline.text} {first}".strip(" \t"))
        result = []
        for text in texts:
            if is_blank(text):
                continue
            self.check_text("text", text)
            lines = wrap(text)
            if _HEADING.match(lines[0]):
                raise self.refuse(f"its paragraph {text[:40]!r} would read back as a notebook heading")
            if _marker(lines) is not None:
                raise self.refuse(f"its paragraph {text[:40]!r} holds the 'not for publication' line")
            result.append("\r\n".join(lines))
        if dateline is not None and (
            not result or split_dateline(" ".join(result[0].split("\r\n")), reference=reference)[0] != dateline
        ):
            raise self.refuse(f"its dateline {dateline.text!r} would not read back as written")
        return result


@functools.lru_cache(maxsize=8)
def _line_pattern(width: int) -> re.Pattern[str]:
    return re.compile(rf"(.{{1,{width}}})(?:(?<![ \t]) (?![ \t])|\Z)", re.DOTALL)


def wrap(text: str, width: int = WIDTH) -> list[str]:
    """Wrap *text* at *width*, breaking only at single spaces between words.

    The reader joins a paragraph's lines with one space, so breaking only
    there makes wrapping exactly reversible: runs of spaces and a lone word
    longer than the width stay as written.
    """
    if len(text) <= width:
        return [text]
    # Fast path: each line is the longest run of at most *width* characters
    # that ends at a break point, found by the regex engine.
    lines = []
    position = 0
    for match in _line_pattern(width).finditer(text):
        if match.start() != position:
            break
        lines.append(match.group(1))
        position = match.end()
    if position == len(text):
        return lines
    # A word longer than the width: fill word by word.
    pieces = _BREAK.split(text)
    lines = [pieces[0]]
    for piece in pieces[1:]:
        if len(lines[-1]) + 1 + len(piece) <= width:
            lines[-1] += " " + piece
        else:
            lines.append(piece)
    return lines


class IPTC7901Format(WireFormat):
    """IPTC 7901 text transmissions (dpa and other European agencies), read and written.

    Reads every transmission of a file: the SOH header into
    :attr:`~wirecopy.Article.extra` and :attr:`~wirecopy.Article.source`,
    the slug line, the headline block (labels, editorial notes, kicker,
    headline, byline, ending with ``" ="``), the wrapped body with the
    dateline split off (after a teaser paragraph too), the notebook and "not
    for publication" sections (kept out of the body), the editor initials,
    and the ETX trailer: ``071341 GMT Okt 15`` into an aware
    :attr:`~wirecopy.Article.published`, ``251037 Sep 24`` (local time, no
    zone) into a naive one.  The text is UTF-8 when its bytes are, else
    8-bit (with a ``not-utf8`` defect).  A file whose control characters
    were stripped on the way is cut at its header lines and read by its
    layout.  Writes the canonical layout described in
    ``docs/formats/iptc-7901.md``, in UTF-8, which it reads back byte for
    byte: header fields missing from :attr:`~wirecopy.Article.extra` get
    defaults (the sequence and message numbers are the article's position in
    the output), and an article without a headline or a ``published``
    datetime, or with a field the layout cannot hold, raises
    :class:`~wirecopy.WriteError`.

    .. versionadded:: 0.1
    """

    name = "iptc-7901"
    aliases = ("iptc7901",)
    description = "IPTC 7901 text transmissions (dpa): SOH header, slug, headline block ending ' =', ETX trailer"
    version_added = "0.1"
    label = "IPTC 7901"
    reader = _Reader
    writer = _Writer
    bare = _BARE
    utf8 = True
    encoding = "utf-8"

    # Certain on SOH (after line noise: DEL, CR, LF), then
    # "<service><sequence> <priority digit> <category> <words> ".
    signature = re.compile(rb"[\s\x00\x16\x7f]*\x01[A-Za-z]+\d+ \d [A-Za-z]+ \d+ ")

    def sniff_damaged(self, head: bytes) -> float:
        """Certain on a header line without SOH and a headline block's end; possible on SOH and STX."""
        if _opens_with(head, _BARE):
            # dpa's header line and then a line that ends " =" (or a trailer
            # line) is a shape no other format has, whatever the file's name.
            return 1.0 if _BLOCK_END.search(head) or _BARE_TRAILER.search(head) else 0.7
        start = head.lstrip(b" \t\r\n\x00\x16\x7f")
        if start[:1] == b"\x01" and b"\x02" in head and (b"\x03" in head or len(head) >= 4096):
            return 0.6
        return 0.0


# For sniffing: a headline block's end, and a trailer line, each a whole line.
_BLOCK_END = re.compile(rb" =[ \t]*\r?\n")
_BARE_TRAILER = re.compile(rb"(?m)^\d{6}(?: [A-Za-z]{1,5})? [^\W\d_]+ \d\d[ \t]*\r?$")


def _opens_with(head: bytes, line: re.Pattern[bytes]) -> bool:
    """Whether *head* opens, after empty lines and line noise, with a line that *line* matches."""
    start = len(head) - len(head.lstrip(b" \t\r\n\x00\x16\x7f"))
    return line.match(head, start) is not None
