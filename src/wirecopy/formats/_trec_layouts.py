"""The sources of the TREC disks, each read by its own elements: AP, WSJ, Ziff-Davis, FT, LA Times, FBIS, FR.

TREC disks 1-5 (and Robust04, which is disks 4 and 5 less the Congressional
Record) hold one collection per source, all ``<DOC>`` ... ``</DOC>`` SGML, but
each with elements of its own: AP's ``<HEAD>`` and ANPA header lines, the
Wall Street Journal's ``<HL>`` with ``@`` lines, the LA Times' fields all in
``<P>``, the FT's ``FT  27 OCT 93 /`` headline prefix, FBIS's ``<F P=...>``
lines, the Federal Register's elements inside ``<TEXT>``.  trec-sgml walks a
document's elements into a :class:`Fields`; :func:`layout` tells the source
from the DOCNO prefix (else from the elements), and :func:`apply` reads that
source's fields.  The AQUAINT ``&HT;`` preamble, which is no TREC disk
layout, is read by :func:`ht_preamble`.

What a source adds is kept so that the Gigaword-style writer writes it and
reading that back gives the same article: what is derived (subjects, a page
number) is derived again from the element kept in ``extra``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..kit.sgml import Element, SGMLDocument, attributes, blocks, collapse, strip_tags

__all__ = ["KEPT", "LAYOUTS", "MAX_KEPT", "Fields", "apply", "ht_preamble", "layout", "text_start"]

#: The sources recognised, by the prefix of their DOCNO.
LAYOUTS = ("AP", "WSJ", "ZF", "FT", "LA", "FBIS", "FR")

_PREFIX = re.compile(r"(AP|WSJ|ZF|FT|LA|FBIS|FR)\d")
# A document without a telling DOCNO is told by two elements only its source has.
_SIGNATURES = (
    ("AP", frozenset({"FILEID", "FIRST", "SECOND", "1ST_LINE", "2ND_LINE", "HEAD"})),
    ("WSJ", frozenset({"HL", "DD", "SO"})),
    ("ZF", frozenset({"JOURNAL", "DESCRIPT"})),
    ("FBIS", frozenset({"H3", "DATE1", "F"})),
    ("FT", frozenset({"PUB", "PROFILE"})),
    ("LA", frozenset({"LENGTH", "SECTION", "GRAPHIC"})),
)
# Elements whose lower-case name is no key the writer can write back.
_RENAMED = {"1ST_LINE": "first", "2ND_LINE": "second", "CORRECTION-DATE": "correction_date"}

#: The elements the layouts read or tell a source by: the walk keeps only these.
KEPT = frozenset(
    {"HEAD", "HL", "DD", "TITLE", "AUTHOR", "DESCRIPT", "HEADLINE", "HEADER", "H3", "F"}
    | set(_RENAMED)
    | {name for _, signature in _SIGNATURES for name in signature}
)
#: How many elements, and how many bylines, a document keeps for its layout:
#: real documents have a dozen; memory must not grow with a document of tags.
MAX_KEPT = 256

# What a byline says of its writer rather than who it is: "Associated Press
# Writer", "Times Staff Writer", "Special to The Times".
_ROLE = re.compile(
    r"(?i:.*\b(?:writers?|correspondents?|editors?|reporters?|columnist|critic|staff|special\s+to"
    r"|associated\s+press|news\s+service)\b.*)"
)
_BY = re.compile(r"(?i:by)\s+\S")
_EDITORS = re.compile(r"\(?(?i:eds?|editors?|editor's\s+note|note)\b\s*[:.]")


class Fields:
    """What the element walk of one document found, for a layout to read and amend.

    The walk fills in the raw values; :func:`apply` and :func:`ht_preamble`
    replace them with a source's reading; trec-sgml builds the article from
    what they leave.
    """

    __slots__ = (
        "byline",
        "bylines",
        "date_at",
        "date_text",
        "dateline_text",
        "doc_id",
        "elements",
        "extra",
        "fallback_date",
        "headline",
        "headline_at",
        "paragraphs",
        "preamble",
        "preamble_ht",
        "subjects",
        "texts",
        "title",
        "titled",
    )

    def __init__(self) -> None:
        self.doc_id: str | None = None
        #: The elements a layout reads (:data:`KEPT`), in order (not those inside another).
        self.elements: list[Element] = []
        #: The TEXT element, when there is one: read once the layout is known.
        self.texts: list[Element] = []
        #: The raw content of the headline element (HEADLINE or HL), and where it starts.
        self.headline: str | None = None
        self.headline_at = -1
        #: The headline as a layout read it, once :attr:`titled`.
        self.title: str | None = None
        self.titled = False
        #: The content of each BYLINE, collapsed.
        self.bylines: list[str] = []
        #: The byline once a layout chose it (``""`` for none).
        self.byline: str | None = None
        self.date_text: str | None = None
        self.date_at: int | None = None
        #: A date from a secondary place (the FT headline prefix), for when there is no date element.
        self.fallback_date: str | None = None
        self.dateline_text: str | None = None
        #: The paragraphs, when a layout read TEXT itself.
        self.paragraphs: list[str] | None = None
        #: Lines outside any element before TEXT, collapsed, and whether each was an &HT; line.
        self.preamble: list[str] = []
        self.preamble_ht: list[bool] = []
        self.subjects: list[str] = []
        self.extra: dict[str, Any] = {}

    def keep(self, element: Element) -> None:
        """Keep *element* for the layout, if a layout reads it (up to :data:`MAX_KEPT`)."""
        if element.upper in KEPT and len(self.elements) < MAX_KEPT:
            self.elements.append(element)

    def add_byline(self, value: str) -> None:
        """Note the content of a byline (up to :data:`MAX_KEPT`)."""
        if len(self.bylines) < MAX_KEPT:
            self.bylines.append(value)

    def set_title(self, title: str | None, at: int = -1) -> None:
        """Give the headline as the layout reads it (``None`` or ``""`` for none)."""
        self.title = title or None
        self.titled = True
        if at >= 0:
            self.headline_at = at


def layout(fields: Fields) -> str | None:
    """The TREC disk source of a document: by its DOCNO prefix, else by its elements, else None."""
    if fields.doc_id is not None:
        match = _PREFIX.match(fields.doc_id)
        if match is not None:
            return match.group(1)
    names = {element.upper for element in fields.elements}
    for name, signature in _SIGNATURES:
        if len(names & signature) >= 2:
            return name
    return None


def apply(source: str, document: SGMLDocument, fields: Fields) -> None:
    """Read the fields of a document of *source* (one of :data:`LAYOUTS`) into *fields*."""
    for element in fields.elements:
        renamed = _RENAMED.get(element.upper)
        if renamed is not None:
            fields.extra.pop(element.name.lower(), None)
            fields.extra[renamed] = _value(document, element)
    _READERS[source](document, fields)
    if fields.byline is None:
        _choose_byline(fields)


# White space and tags: what comes before the text of "<DATE>\n<P>\nFebruary 13, 1990".
_LEADING = re.compile(r"(?:\s+|<[^<>]*>)*")


def text_start(text: str, start: int, end: int) -> int:
    """Where the text of ``text[start:end]`` starts, past white space and tags: a field's position."""
    found = _LEADING.match(text, start, end)
    return start if found is None else found.end()


def _value(document: SGMLDocument, element: Element) -> str:
    """An element's content as text: tags removed, entities decoded, white space collapsed."""
    return collapse(document.decode(strip_tags(document.text[element.start : element.end])))


def _choose_byline(fields: Fields) -> None:
    """The byline is the first that names someone; the stock phrases go to ``byline_title``."""
    names: list[str] = []
    roles: list[str] = []
    for value in fields.bylines:
        if not value:
            continue
        if not names and (_BY.match(value) or not _ROLE.fullmatch(value)):
            person, comma, role = value.partition(", ")
            if comma and _ROLE.fullmatch(role):
                # "By JANE DOE, Times Staff Writer"
                names.append(person)
                roles.append(role)
            else:
                names.append(value)
        else:
            roles.append(value)
    fields.byline = names[0] if names else ""
    if roles:
        fields.extra["byline_title"] = "; ".join(roles)


def _page(text: str) -> str | None:
    match = re.search(r"(?i:\bpage)\s+([A-Z]?\d+[A-Z]?)\b", text)
    return None if match is None else match.group(1)


# -- AP (disks 1-3) --------------------------------------------------------------


# "<1ST_LINE>" is no SGML tag (a name cannot start with a digit): it is read as loose text.
_NUMBERED_LINE = re.compile(r"<(1ST|2ND)_LINE>(.*?)</\1_LINE>")


def _ap(document: SGMLDocument, fields: Fields) -> None:
    for index in range(len(fields.preamble) - 1, -1, -1):
        numbered = _NUMBERED_LINE.fullmatch(fields.preamble[index])
        if numbered is not None:
            fields.extra["first" if numbered.group(1) == "1ST" else "second"] = numbered.group(2).strip()
            del fields.preamble[index]
            del fields.preamble_ht[index]
    heads = [_value(document, e) for e in fields.elements if e.upper == "HEAD"]
    heads = [head for head in heads if head]
    fields.extra.pop("head", None)
    if not heads:
        return
    # An editors' note ("Eds: Updates with ...") may come first, or after the headline.
    notes = [head for head in heads if _EDITORS.match(head)]
    others = [head for head in heads if not _EDITORS.match(head)] or notes[:1]
    if fields.headline is None:
        fields.set_title(others[0])
    others = others[1:]
    notes = [note for note in notes if note != fields.title]
    if notes:
        fields.extra["editors_note"] = " ".join(notes)
    if others:
        fields.extra["subheadline"] = " / ".join(others)


# -- The Wall Street Journal (disks 1-2) --------------------------------------------

_RULE = re.compile(r"-{3,}")
_CODE = re.compile(r"\(([A-Z][A-Z0-9]{1,4})\)")
_SUBJECT_ELEMENTS = ("in", "ns", "ms", "g", "gv")


def _wsj(document: SGMLDocument, fields: Fields) -> None:
    for element in fields.elements:
        if element.upper == "HL":
            _hl(document, fields, document.text[element.start : element.end])
            break
    date = fields.extra.pop("dd", None)
    if fields.date_text is None and isinstance(date, str) and date:
        fields.date_text = date.lstrip("= ")
        dd = next((e for e in fields.elements if e.upper == "DD"), None)
        if dd is not None:
            fields.date_at = text_start(document.text, dd.start, dd.end)
    for key in _SUBJECT_ELEMENTS:
        value = fields.extra.get(key)
        if isinstance(value, str):
            fields.subjects.extend(code for code in _CODE.findall(value) if code not in fields.subjects)
    companies = fields.extra.get("co")
    if isinstance(companies, str) and companies:
        fields.extra["companies"] = companies.split()
    source = fields.extra.get("so")
    if isinstance(source, str):
        page = _page(source)
        if page is not None:
            fields.extra["page"] = page


def _hl(document: SGMLDocument, fields: Fields, content: str) -> None:
    """``<HL> Headline\\n@ continued\\n@ ----\\n@ By Jane Doe\\n@ Staff Reporter ... </HL>``."""
    headline: list[str] = []
    people: list[str] = []
    after_rule = False
    for raw in content.splitlines():
        line = collapse(document.decode(raw)).lstrip("@ ")
        if not line:
            continue
        if _RULE.fullmatch(line):
            after_rule = True
        elif _BY.match(line) or people or after_rule:
            people.append(line)
        else:
            headline.append(line)
    fields.set_title(" ".join(headline))
    fields.bylines = (people + fields.bylines)[:MAX_KEPT]


# -- Ziff-Davis (disks 1-3) ------------------------------------------------------

_ISSUE_DATE = re.compile(r"\b([A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})\b")
_LABEL = re.compile(r"([A-Z][A-Za-z ]{1,30}):\s*(.*)")


def _ziff(document: SGMLDocument, fields: Fields) -> None:
    for element in fields.elements:
        upper = element.upper
        if upper == "TITLE" and fields.headline is None and not fields.titled:
            fields.set_title(fields.extra.pop("title", None), element.start)
        elif upper == "AUTHOR":
            fields.add_byline(fields.extra.pop("author", ""))
        elif upper == "DESCRIPT":
            # Line by line: a label ("Topic:") starts an entry, the lines after it continue it.
            raw = document.decode(strip_tags(document.text[element.start : element.end]))
            fields.extra["descript"] = "\n".join(collapse(line) for line in raw.splitlines() if line.strip())
    journal = fields.extra.get("journal")
    if isinstance(journal, str) and fields.date_text is None:
        found = _ISSUE_DATE.search(journal)
        if found is not None:
            fields.date_text = found.group(1)
    descript = fields.extra.get("descript")
    if isinstance(descript, str):
        label = None
        for line in descript.splitlines():
            labelled = _LABEL.fullmatch(line)
            if labelled is not None:
                label, line = labelled.group(1).lower(), labelled.group(2)
            if label == "topic" and line:
                fields.subjects.append(line.rstrip("."))


# -- The Financial Times (disk 4) -------------------------------------------------

_FT_PREFIX = re.compile(r"FT\s+(\d{1,2} [A-Z]{3} \d{2})\s*/\s*(.*)", re.DOTALL)
# A section name is a short run of capitalised words ("UK Company News",
# "Survey of Spain (3)"); a headline with a colon is a sentence.
_SECTION_WORD = r"(?:[A-Z0-9(&][\w&().'-]*|of|and|the|in|on|for|to|a)"
_SECTION = re.compile(rf"{_SECTION_WORD}(?: {_SECTION_WORD}){{0,6}}")


def _ft(document: SGMLDocument, fields: Fields) -> None:
    for element in fields.elements:
        if element.upper in ("HEADLINE", "HL"):
            headline = _value(document, element)
            prefix = _FT_PREFIX.fullmatch(headline)
            if prefix is not None:
                fields.fallback_date = prefix.group(1)
                headline = prefix.group(2)
                section, colon, rest = headline.partition(": ")
                if colon and rest and section[:1].isupper() and _SECTION.fullmatch(section):
                    fields.extra["section"] = section
                    headline = rest
            fields.set_title(headline, element.start)
    page = fields.extra.get("page")
    if isinstance(page, str):
        number = _page(page)
        if number is not None:
            edition = page[: page.lower().rfind("page")].strip()
            if edition:
                fields.extra["edition"] = edition
            fields.extra["page"] = number
    fields.paragraphs = _reflow(document, fields)


def _reflow(document: SGMLDocument, fields: Fields) -> list[str] | None:
    """FT text marks no paragraph: a line ends one when it ends a sentence and the next word would have fit on it."""
    if len(fields.texts) != 1:
        return None
    element = fields.texts[0]
    content = document.text[element.start : element.end]
    if "<" in content or "\n\n" in content.strip("\n") or re.search(r"\n[ \t]", content):
        return None
    lines = [line.strip() for line in document.decode(content).splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    width = max(len(line) for line in lines)
    paragraphs: list[str] = []
    current: list[str] = []
    for index, line in enumerate(lines):
        current.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is None or (line[-1] in ".?!'\":" and len(line) + 1 + len(following.split(" ", 1)[0]) <= width):
            paragraphs.append(collapse(" ".join(current)))
            current = []
    return paragraphs


# -- The Los Angeles Times (disk 5) -----------------------------------------------

_LA_DATE = re.compile(
    r"(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})(?:, (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?"
    r"(?:, (?P<edition>.+))?"
)


def _la(document: SGMLDocument, fields: Fields) -> None:
    date = fields.date_text
    if date is not None:
        match = _LA_DATE.fullmatch(date)
        if match is not None:
            fields.date_text = match.group("date")
            if match.group("edition"):
                fields.extra["edition"] = match.group("edition")
    section = fields.extra.get("section")
    if isinstance(section, str):
        page = _page(section)
        if page is not None:
            fields.extra["page"] = page
    subject = fields.extra.get("subject")
    if isinstance(subject, str):
        fields.subjects.extend(part.strip() for part in subject.split(";") if part.strip())


# -- FBIS (disk 5) ---------------------------------------------------------------

_FBIS_F = {"100": "region", "101": "country", "102": "source_line", "103": "source_id", "104": "source_name"}
_FBIS_LABEL = re.compile(r"(Document Type|Document Title|Article Type|Language)\s*:\s*(.*)")
_FBIS_MARKER = re.compile(r"\[(?:Text|Excerpts?)\]\s*")


def _fbis_key(label: str) -> str:
    return "source_language" if label == "Language" else label.lower().replace(" ", "_")


def _fbis(document: SGMLDocument, fields: Fields) -> None:
    extra = fields.extra
    for key in ("f", "h3", "header", "anpa"):
        extra.pop(key, None)
    for element in fields.elements:
        upper = element.upper
        if upper == "HEADER":
            _fbis_block(document, fields, element.start, element.end)
        elif upper == "H3":
            _fbis_title(document, fields, element)
        elif upper == "F":
            _fbis_f(document, fields, element)
    ht = extra.get("ht")
    if isinstance(ht, str):
        extra["ht"] = ht.strip('"')
    if len(fields.texts) == 1:
        _fbis_text(document, fields, fields.texts[0])


def _fbis_text(document: SGMLDocument, fields: Fields, element: Element) -> None:
    """TEXT opens with ``Language: <F P=105> X </F>``, ``Article Type:BFN`` and an attribution, then ``[Text]``."""
    text = document.text
    kept: list[str] = []
    for gap_start, gap_end, inner in document.elements(element.start, element.end):
        for line in text[gap_start:gap_end].splitlines(keepends=True):
            label = _FBIS_LABEL.fullmatch(collapse(document.decode(line)))
            if label is not None and not "".join(kept).strip():
                if label.group(2):
                    fields.extra[_fbis_key(label.group(1))] = label.group(2)
                continue
            kept.append(line)
        if inner is None:
            continue
        if inner.upper == "F":
            _fbis_f(document, fields, inner)
        else:
            kept.append(text[inner.start : inner.end])
    body = "".join(kept)
    if "<P>" in body:
        # Written back by trec-sgml: its paragraphs are <P> elements.
        return
    paragraphs = blocks(document.decode(strip_tags(body)))
    if paragraphs:
        marker = _FBIS_MARKER.match(paragraphs[0])
        if marker is not None:
            fields.extra["text_marker"] = marker.group().strip()
            paragraphs[0] = paragraphs[0][marker.end() :]
            if not paragraphs[0]:
                del paragraphs[0]
    fields.paragraphs = paragraphs


def _fbis_block(document: SGMLDocument, fields: Fields, start: int, end: int) -> None:
    """The HEADER: ``<AU>``, ``<DATE1>``, perhaps ``<H3>``, and ``Label:value`` lines."""
    text = document.text
    for gap_start, gap_end, element in document.elements(start, end):
        for line in text[gap_start:gap_end].splitlines():
            label = _FBIS_LABEL.fullmatch(collapse(document.decode(line)))
            if label is not None and label.group(2):
                fields.extra[_fbis_key(label.group(1))] = label.group(2)
        if element is None:
            continue
        if element.upper == "DATE1":
            if fields.date_text is None:
                fields.date_text = _value(document, element)
                fields.date_at = text_start(document.text, element.start, element.end)
        elif element.upper == "H3":
            _fbis_title(document, fields, element)
        elif element.upper == "F":
            _fbis_f(document, fields, element)
        else:
            fields.extra[element.name.lower()] = _value(document, element)


def _fbis_title(document: SGMLDocument, fields: Fields, h3: Element) -> None:
    for _, _, inner in document.elements(h3.start, h3.end):
        if inner is not None and inner.upper == "TI" and not fields.titled:
            fields.set_title(_value(document, inner), inner.start)


def _fbis_f(document: SGMLDocument, fields: Fields, element: Element) -> None:
    found = {key.upper(): value for key, value in attributes(element.attributes).items()}
    number = found.get("P", "")
    value = _value(document, element)
    if not value:
        return
    if number == "106":
        # "[Report by E. van Wyk]": who wrote it.
        inner = value.strip("[]")
        if re.search(r"(?i:\bby\b)", inner):
            fields.add_byline(inner)
        else:
            fields.extra["attribution"] = inner
    elif number == "105":
        fields.extra["source_language"] = value
    elif number in _FBIS_F:
        fields.extra[_FBIS_F[number]] = value
    elif number.isdigit():
        fields.extra[f"f{number}"] = value


# -- The Federal Register (disks 1, 2, 4) -------------------------------------------

_FR_HEADER = frozenset(
    {
        "USDEPT",
        "USBUREAU",
        "CFRNO",
        "RINDOCK",
        "DOCTITLE",
        "AGENCY",
        "ACTION",
        "FRFILING",
        "BILLING",
        "SIGNER",
        "SIGNJOB",
    }
)


def _fr(document: SGMLDocument, fields: Fields) -> None:
    if len(fields.texts) != 1:
        return
    text = document.text
    element = fields.texts[0]
    kept: list[str] = []
    for gap_start, gap_end, inner in document.elements(element.start, element.end):
        kept.append(text[gap_start:gap_end])
        if inner is None:
            continue
        if inner.upper in _FR_HEADER:
            value = _value(document, inner)
            if inner.upper == "DOCTITLE" and fields.headline is None and not fields.titled:
                fields.set_title(value, inner.start)
            elif value:
                fields.extra[inner.name.lower()] = value
            kept.append("\n\n")
        else:
            # An element of the text (SUMMARY, SUPPLEM, P) is a paragraph or more of its own.
            kept.append("\n\n" + text[inner.start : inner.end] + "\n\n")
    fields.paragraphs = blocks(document.decode(strip_tags(_without_comments("".join(kept)))))


def _without_comments(text: str) -> str:
    """*text* without its comments (the Federal Register's ``<!-- PJG ITAG l=69 g=1 f=1 -->``).

    Found with :meth:`str.find`, so that a comment left open ends the search
    instead of every later ``<!--`` searching to the end again.
    """
    if "<!--" not in text:
        return text
    pieces = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        pieces.append(text[pos:start])
        pieces.append("\n")
        pos = end + 3
    pieces.append(text[pos:])
    return "".join(pieces)


_READERS: dict[str, Callable[[SGMLDocument, Fields], None]] = {
    "AP": _ap,
    "WSJ": _wsj,
    "ZF": _ziff,
    "FT": _ft,
    "LA": _la,
    "FBIS": _fbis,
    "FR": _fr,
}


# -- The AQUAINT &HT; preamble -------------------------------------------------------

_COPYRIGHT = re.compile(r"(?i:(?:c\.|\(c\)|\u00a9|copyright)\s*\d{4}\b.*)")


def ht_preamble(fields: Fields, headline: str | None, placeholder: bool) -> str | None:
    """Read the ``&HT;`` lines between HEADLINE and TEXT of AQUAINT NYT and Cox copy; return the headline.

    The copyright line and editors' notes go to ``extra``; when the headline
    element is a *placeholder* (``&HT;``), the first other ``&HT;`` line is
    the headline, and the placeholder is kept as ``headline_placeholder``.
    Byline lines stay for the byline.
    """
    if not any(fields.preamble_ht):
        return headline
    kept: list[str] = []
    notes: list[str] = []
    for line, ht in zip(fields.preamble, fields.preamble_ht, strict=True):
        if not ht or _BY.match(line):
            kept.append(line)
        elif "copyright" not in fields.extra and _COPYRIGHT.fullmatch(line):
            fields.extra["copyright"] = line
        elif _EDITORS.match(line):
            notes.append(line)
        elif placeholder:
            if headline is not None:
                fields.extra["headline_placeholder"] = headline
            headline = line
            placeholder = False
        else:
            kept.append(line)
    if notes:
        fields.extra["editors_note"] = " ".join(notes)
    fields.preamble = kept
    fields.preamble_ht = [False] * len(kept)
    return headline
