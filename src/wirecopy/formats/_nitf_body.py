"""NITF bodies, read and written: NITF itself, and NITF inside NewsML-G2 and NewsML 1.

A NITF ``<body>`` holds a ``body.head`` (headlines, bylines, the
distributor, the dateline, the abstract), a ``body.content`` (the
paragraphs) and a ``body.end`` (the tagline).  The three formats that carry
NITF read and write it here, so that one body reads the same in each.
Private to ``nitf``, ``newsml-g2`` and ``newsml-1``.
"""

from __future__ import annotations

import datetime as _dt
import xml.etree.ElementTree as ET
from typing import Any

from ..article import Article, Dateline, DateValue
from ..context import Document
from ..kit.xml import attribute, child, local, squeeze, text_of, text_value
from ..kit.xml import escape as esc
from ..kit.xml import escape_attribute as attr
from ..policy import Policy
from ._xml_fields import dateline_parts, element_dateline, extra_str, str_items, take_dateline, try_date, wrap
from ._xml_paragraphs import body_paragraphs

__all__ = ["Body", "norm", "paragraph_element", "read_body", "render_body", "render_dateline_content"]


# -- reading -------------------------------------------------------------------


class Body:
    """What a NITF ``body`` holds, for NITF itself and for NITF inside NewsML."""

    __slots__ = ("abstract", "byline", "dateline", "distributor", "extra", "headline", "paragraphs")

    def __init__(self) -> None:
        self.headline: str | None = None
        self.byline: str | None = None
        self.distributor: str | None = None
        self.dateline: Dateline | None = None
        self.abstract: list[str] = []
        self.paragraphs: list[str] = []
        self.extra: dict[str, Any] = {}

    def article(self, document: Document, **fields: Any) -> Article:
        """The article of *document* with this body's text; *fields* give the rest, and replace the body's."""
        fields.setdefault("source", self.distributor)
        fields.setdefault("headline", self.headline)
        fields.setdefault("byline", self.byline)
        fields.setdefault("highlights", self.abstract)
        return document.article(dateline=self.dateline, paragraphs=self.paragraphs, **fields)


def read_body(
    body: ET.Element | None,
    policy: Policy,
    *,
    reference: _dt.date | None,
    field: Dateline | None = None,
    wire: bool = False,
) -> Body:
    """Read a NITF ``<body>``: headlines, byline, dateline, abstract, paragraphs, tagline.

    *field* is a dateline given outside the body (a NewsML ``dateline``),
    used when the body has no ``<dateline>`` of its own.  *wire* reads
    paragraphs laid out as wire text (see :func:`._xml_paragraphs.body_paragraphs`).
    """
    out = Body()
    if body is None:
        return out
    hedline = None
    bylines: list[ET.Element] = []
    dateline = None
    contents: list[ET.Element] = []
    end = None
    for part in body:
        name = local(part.tag)
        if name == "body.head":
            # One pass over body.head: it may hold many elements.
            for item in part:
                name = local(item.tag)
                if name == "hedline":
                    hedline = hedline if hedline is not None else item
                elif name == "byline":
                    bylines.append(item)
                elif name == "distributor":
                    out.distributor = out.distributor or text_value(item)
                elif name == "dateline":
                    dateline = dateline if dateline is not None else item
                elif name == "abstract":
                    out.abstract.extend(body_paragraphs(item))
        elif name == "body.content":
            contents.append(part)
        elif name == "body.end":
            end = part
    if hedline is not None:
        subheadlines = []
        for item in hedline:
            name = local(item.tag)
            if name == "hl1":
                out.headline = out.headline or text_value(item)
            elif name == "hl2":
                text = text_of(item)
                if text:
                    subheadlines.append(text)
        if subheadlines:
            out.extra["subheadline"] = "\n".join(subheadlines)
    if bylines:
        out.byline = text_value(bylines[0], skip=_BYTTL)
        title = text_value(child(bylines[0], "byttl"))
        if title is not None:
            out.extra["byline_title"] = title
        others = [text for other in bylines[1:] if (text := text_of(other))]
        if others:
            out.extra["other_bylines"] = others
    if dateline is not None:
        text, place, region, norm = _dateline_field(dateline)
        date = try_date(norm, policy, reference=reference) if norm else None
        field = element_dateline(text, policy, place=place, region=region, date=date, reference=reference)
    for content in contents:
        out.paragraphs.extend(body_paragraphs(content, wire=wire))
    out.dateline = take_dateline(out.paragraphs, field, reference=reference)
    tagline = text_value(child(end, "tagline"))
    if tagline is not None:
        out.extra["tagline"] = tagline
    return out


_BYTTL = frozenset({"byttl"})
_LOCATION_PLACE = ("city",)
_LOCATION_REGION = ("state", "region", "country")


def _dateline_field(dateline: ET.Element) -> tuple[str, str | None, str | None, str | None]:
    """A ``<dateline>``'s text, with the place, region and ``story.date@norm`` its elements mark."""
    pieces = [dateline.text or ""]
    place = region = norm = None
    for item in dateline:
        name = local(item.tag)
        if name == "location":
            text, found_place, found_region = _location(item)
            pieces.append(text)
            place = place or found_place
            region = region or found_region
        elif name == "story.date":
            norm = norm or attribute(item, "norm")
            pieces.append(text_of(item))
        elif name:
            pieces.append(text_of(item))
        pieces.append(item.tail or "")
    return squeeze("".join(pieces)), place, region, norm


def _location(location: ET.Element) -> tuple[str, str | None, str | None]:
    """A ``<location>``'s text; parts separated by white space only are joined with ", "."""
    pieces = [location.text or ""]
    place = region = None
    previous_was_part = False
    for item in location:
        name = local(item.tag)
        text = text_of(item)
        if previous_was_part and text and not pieces[-1].strip():
            pieces[-1] = ", "
        pieces.append(text)
        if name in _LOCATION_PLACE and place is None and text:
            place = text
        elif name in _LOCATION_REGION and region is None and text:
            region = text
        previous_was_part = bool(text)
        pieces.append(item.tail or "")
    joined = squeeze("".join(pieces))
    if place is None and len(location) == 0 and joined:
        place = joined
    return joined, place, region


# -- writing -----------------------------------------------------------------


def norm(value: DateValue) -> str:
    """A date in the ISO 8601 basic form NITF and NewsML 1 use: ``20151210T191044+0000``, ``20151210``."""
    text = f"{value.year:04d}{value.month:02d}{value.day:02d}"
    if not isinstance(value, _dt.datetime):
        return text
    text += f"T{value.hour:02d}{value.minute:02d}{value.second:02d}"
    offset = value.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        text += f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    return text


def paragraph_element(paragraph: str, *, layout: bool = False) -> str:
    """The element a paragraph is written as: a ``<p>``, or a one-row ``<table>`` for cells joined by tabs.

    With *layout*, a paragraph that keeps line breaks (a table read from
    wire text) is a ``<pre>``, which a reader of wire layout reads back.
    """
    if "\t" in paragraph:
        cells = "".join(f"<td>{esc(cell)}</td>" for cell in paragraph.split("\t"))
        return f"<table><tr>{cells}</tr></table>"
    if layout and "\n" in paragraph:
        return f"<pre>{esc(paragraph)}</pre>"
    return f"<p>{esc(paragraph)}</p>"


def render_dateline_content(dateline: Dateline) -> str:
    """The content of a NITF ``<dateline>``: its text, the place and region marked, and ``story.date``."""
    runs = dateline_parts(dateline)
    out = []
    in_location = False
    roles = [role for _, role in runs]
    last_part = max((index for index, role in enumerate(roles) if role), default=-1)
    for index, (text, role) in enumerate(runs):
        if role is not None and not in_location:
            out.append("<location>")
            in_location = True
        if role == "place":
            out.append(f"<city>{esc(text)}</city>")
        elif role == "region":
            out.append(f"<state>{esc(text)}</state>")
        else:
            out.append(esc(text))
        if in_location and index == last_part:
            out.append("</location>")
            in_location = False
    if dateline.date is not None:
        out.append(f'<story.date norm="{attr(norm(dateline.date))}"/>')
    return "".join(out)


def render_body(
    article: Article,
    indent: str,
    *,
    hedline: bool = True,
    byline: bool = True,
    distributor: bool = True,
    dateline: bool = True,
) -> list[str]:
    """The lines inside a NITF ``<body>`` for *article*: ``body.head``, ``body.content``, ``body.end``.

    *indent* is the indentation of the ``<body>`` element itself.  The flags
    leave out the ``body.head`` elements that a container (NewsML 1's
    ``NewsLines``) holds in its own elements; the abstract, the paragraphs
    and the tagline are always written.  Empty when there is nothing to write.
    """
    extra = article.extra
    pad = indent + "  "
    out: list[str] = []
    head = _render_body_head(
        article, pad + "  ", hedline=hedline, byline=byline, distributor=distributor, dateline=dateline
    )
    out += wrap(pad, "body.head", head)
    if article.paragraphs:
        out.append(f"{pad}<body.content>\n")
        out.extend(f"{pad}  {paragraph_element(paragraph)}\n" for paragraph in article.paragraphs)
        out.append(f"{pad}</body.content>\n")
    tagline = extra_str(extra, "tagline")
    if tagline is not None:
        out.append(f"{pad}<body.end>\n{pad}  <tagline>{esc(tagline)}</tagline>\n{pad}</body.end>\n")
    return out


def _render_body_head(
    article: Article, pad: str, *, hedline: bool, byline: bool, distributor: bool, dateline: bool
) -> list[str]:
    # In the order nitf-3-6.xsd gives body.head's children.
    extra = article.extra
    out: list[str] = []
    subheadline = extra_str(extra, "subheadline")
    if hedline and (article.headline is not None or subheadline is not None):
        out.append(f"{pad}<hedline>\n")
        out.append(f"{pad}  <hl1>{esc(article.headline or '')}</hl1>\n")
        if subheadline is not None:
            out.extend(f"{pad}  <hl2>{esc(line)}</hl2>\n" for line in subheadline.split("\n"))
        out.append(f"{pad}</hedline>\n")
    if byline:
        byline_title = extra_str(extra, "byline_title")
        if article.byline is not None or byline_title is not None:
            title = f"<byttl>{esc(byline_title)}</byttl>" if byline_title is not None else ""
            out.append(f"{pad}<byline>{esc(article.byline or '')}{title}</byline>\n")
        for other in str_items(extra.get("other_bylines")) or ():
            out.append(f"{pad}<byline>{esc(other)}</byline>\n")
    if distributor and article.source is not None:
        out.append(f"{pad}<distributor>{esc(article.source)}</distributor>\n")
    if dateline and article.dateline is not None:
        out.append(f"{pad}<dateline>{render_dateline_content(article.dateline)}</dateline>\n")
    if article.highlights:
        out.append(f"{pad}<abstract>\n")
        out.extend(f"{pad}  <p>{esc(highlight)}</p>\n" for highlight in article.highlights)
        out.append(f"{pad}</abstract>\n")
    return out
