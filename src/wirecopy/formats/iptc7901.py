"""IPTC 7901: the text transmissions of dpa and other European agencies.

One transmission, byte by byte (see ``docs/formats/iptc-7901.md``)::

    SOH abc101 4 i 120 xyzzy   dpa 007 CRLF     service+sequence, priority, category, words, extra, agency, number
    LF
    Germany-transport/ CRLF                     slug line
    STX 1ST LEAD LF                             labels
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
    ETX 071341 GMT Okt 15 CRLF                  day, time, month, two-digit year
    DEL LF DEL EOT

The control characters are the structure, so the format reads bytes.  A file
may hold many transmissions, with CRLF, LF and CRLF LF mixed.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Mapping
from typing import Any, ClassVar

from ..datelines import split_dateline
from ..dates import format_date
from ..defects import MISSING_DATE
from ..kit.wire import ETX, STX, Line, TransmissionReader, TransmissionWriter, WireFormat, is_blank

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
_SPACE = re.compile(" ")

# A label before the headline: "1ST LEAD", "EXTRA", "REFILE" (see _is_label).
_LOWER = re.compile("[a-z]")
_UPPER_OR_DIGIT = re.compile("[A-Z0-9]")
_BYLINE = re.compile(r"(?i:by|von) \S")
_HEADING = re.compile(r"#+ ")
_NOT_FOR_PUBLICATION = re.compile(r"(?i)the following information is not (?:intended )?for publication\.?")
_STARS = "* * * *"
_NFP_MARKER = f"{_STARS}\r\nThe following information is not for publication\r\n"
_INITIALS = re.compile(r"(?P<agency>\S+)(?P<editors>(?: [A-Za-z]{1,5})+)")
# A break point for wrapping: a single space between two other characters.
_BREAK = re.compile(r"(?<=[^ \t]) (?=[^ \t])")


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
        "labels": [],
        "notebook": [],
        "not_for_publication": [],
        "editors": [],
    }

    def header(self, head: list[Line], stx_line: Line) -> None:
        """Read the SOH header line into extra and source, and the lines after it into the slug."""
        self._header_line(head[0] if head else stx_line)
        texts = [line.text.strip(" \t") for line in self.clean(head[1:]) if not is_blank(line.text)]
        self.extra["slug"] = " ".join(texts) if texts else None

    def _header_line(self, line: Line) -> None:
        fields = self.fields(line, line.text.index("\x01") + 1, "IPTC 7901 header")
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

    def trailer(self, line: Line) -> None:
        """Read ``DDHHMM GMT Mon YY`` into published."""
        text = line.text.strip(" \t")
        if not text:
            self.defect(MISSING_DATE, "the IPTC 7901 trailer after ETX has no date", line)
            return
        self.published = self.date(text, line, line.text.index(text))

    def text(self, body: list[Line], after: list[Line]) -> None:
        """Read the headline block, then the body, notebook, not-for-publication block and initials."""
        body = self.clean(body)
        labels, self.headline, self.byline, used = headline_block([line.text for line in body])
        self.extra["labels"] = labels
        self._body(body[used:])
        self.check_after_trailer(after)

    def _body(self, lines: list[Line]) -> None:
        """Split the text after the headline block into paragraphs, notes and initials."""
        blocks: list[list[str]] = []
        current: list[str] = []
        for line in lines:
            if is_blank(line.text):
                if current:
                    blocks.append(current)
                    current = []
            else:
                current.append(line.text.rstrip(" \t"))
        if current:
            blocks.append(current)
        if blocks and self.source is not None and len(blocks[-1]) == 1:
            match = _INITIALS.fullmatch(blocks[-1][0])
            if match is not None and match["agency"] == self.source:
                self.extra["editors"] = match["editors"].split()
                blocks.pop()
        paragraphs = self.paragraphs
        notebook: list[str] = []
        not_for_publication: list[str] = []
        phase = "body"
        for block in blocks:
            marker = next((n for n, text in enumerate(block) if _NOT_FOR_PUBLICATION.fullmatch(text.strip())), None)
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


def headline_block(lines: list[str]) -> tuple[list[str], str | None, str | None, int]:
    """Read the block that opens the text: labels, headline and byline, ending with ``=``.

    The block ends at the first line that ends with ``=``, or before the
    first blank line.  Returns ``(labels, headline, byline, lines used)``.
    """
    start = 0
    while start < len(lines) and is_blank(lines[start]):
        start += 1
    end = start
    block: list[str] = []
    while end < len(lines) and not is_blank(lines[end]):
        text = lines[end].strip(" \t")
        end += 1
        if text.endswith("="):
            block.append(text[:-1].rstrip(" \t"))
            break
        block.append(text)
    if not block:
        return [], None, None, end
    byline = None
    if len(block) >= 2 and _BYLINE.match(block[-1]):
        byline = block.pop()
    first = 0
    while first < len(block) - 1 and _is_label(block[first]):
        first += 1
    return block[:first], " ".join(block[first:]), byline, end


def _is_label(text: str) -> bool:
    """Whether a line of the headline block is a label: no lower-case letter (``1ST LEAD``), or ``(Achtung)``."""
    # Two searches rather than one pattern: "[^a-z]*[A-Z0-9][^a-z]*" takes
    # quadratic time to fail on a long upper-case line.
    if len(text) >= 2 and text[0] == "(" and text[-1] == ")" and "\n" not in text:
        return True
    return _LOWER.search(text) is None and _UPPER_OR_DIGIT.search(text) is not None


# -- writing ------------------------------------------------------------------

_SERVICE_CODE = re.compile(r"[A-Za-z]+")
_NUMBER = re.compile(r"\d+")
_FIELD = re.compile(r"[^\s\x00-\x1f\x7f-\x9f]+")
_AGENCY = re.compile(r"[A-Za-z][^\s\x00-\x1f\x7f-\x9f]*")
_EDITOR = re.compile(r"[A-Za-z]{1,5}")


class _Writer(TransmissionWriter):
    """Writes one article as an IPTC 7901 transmission in the canonical layout (see the docs page)."""

    strip = " \t"

    def render(self) -> str:
        """One transmission in the canonical layout."""
        article = self.article
        extra = self.extra
        gmt = self.trailer_time()
        trailer = format_date(gmt, "iptc7901")

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
        labels = [self.checked("label", label) for label in extra.get("labels") or ()]
        headline = self.checked("headline", article.headline)
        byline = None if article.byline is None else self.checked("byline", article.byline)
        block = [*labels, headline, *([] if byline is None else [byline])]
        if headline_block([*block[:-1], f"{block[-1]} ="]) != (labels, headline, byline, len(block)):
            raise self.refuse(
                "its labels, headline and byline would not read back as written "
                "(labels are upper case or in parentheses, a byline begins with 'By' or 'Von' in any case, "
                "and only the last line may end with '=')"
            )

        paragraphs = self._paragraphs(gmt.date())
        notebook = [self._block("notebook", text) for text in extra.get("notebook") or ()]
        not_for_publication = [
            self._block("not_for_publication", text) for text in extra.get("not_for_publication") or ()
        ]
        if notebook and not _HEADING.match(notebook[0]):
            raise self.refuse("its notebook must begin with a '# ' heading, or it would read back as body text")
        for what, blocks in (("notebook", notebook), ("not_for_publication", not_for_publication)):
            for text in blocks:
                if any(_NOT_FOR_PUBLICATION.fullmatch(line.strip()) for line in text.split("\r\n")):
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
            match = _INITIALS.fullmatch(last)
            if "\r\n" not in last and match is not None and match["agency"] == agency:
                raise self.refuse(f"its last block {last!r} would read back as the editors' initials")
        if editors:
            blocks.append(f"{agency} {' '.join(editors)}")

        # dpa's spacing: "120 xyzzy   dpa 007" with the extra field, "25  dpa 008" without.
        tail = (f" {header_extra}   " if header_extra is not None else "  ") + (f"{agency} " if agency else "")
        out = [f"\x01{service}{sequence} {priority} {category} {words}{tail}{number}\r\n\n"]
        if slug is not None:
            out.append(f"{slug}\r\n")
        out.append(STX + "\n".join([*block[:-1], f"{block[-1]} ="]) + "\r\n")
        for text in blocks:
            out.append(f"\n{text}\r\n")
        out.append(f"\r\n{ETX}{trailer}\r\n\x7f\n\x7f\x04")
        return "".join(out)

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
            if any(_NOT_FOR_PUBLICATION.fullmatch(line) for line in lines):
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
    the slug line, the headline block (labels, headline, byline, ending with
    ``" ="``), the wrapped body with the dateline split off, the notebook and
    "not for publication" sections (kept out of the body), the editor
    initials, and the ETX trailer ``071341 GMT Okt 15`` into an aware
    :attr:`~wirecopy.Article.published`.  Writes the canonical layout
    described in ``docs/formats/iptc-7901.md``, which it reads back byte for
    byte: header fields missing from :attr:`~wirecopy.Article.extra` get
    defaults (the sequence and message numbers are the article's position in
    the output), and an article without a headline or an aware
    ``published`` datetime, or with a field the layout cannot hold, raises
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

    # Certain on SOH, then "<service><sequence> <priority digit> <category> <words> ".
    signature = re.compile(rb"[\s\x00\x16]*\x01[A-Za-z]+\d+ \d [A-Za-z]+ \d+ ")

    def sniff_damaged(self, head: bytes) -> float:
        """Possible when the input starts with SOH and holds STX, and ETX too unless the head is long."""
        if head.lstrip()[:1] == b"\x01" and b"\x02" in head and (b"\x03" in head or len(head) >= 4096):
            return 0.6
        return 0.0
