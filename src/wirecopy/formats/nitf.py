"""NITF, the IPTC News Industry Text Format, versions 3.1 to 3.6.

One document per file (several, one after another, are read too)::

    <nitf version="-//IPTC//DTD NITF 3.4//EN">
      <head>
        <title>...</title>
        <meta name="anpa-category" content="a"/>
        <tobject><tobject.subject tobject.subject.refnum="04011002"/></tobject>
        <docdata><doc-id id-string="..."/><date.issue norm="20151210T191044Z"/></docdata>
      </head>
      <body>
        <body.head><hedline><hl1>...</hl1></hedline><byline>By ...</byline>
          <dateline><location><city>NEW YORK</city></location></dateline></body.head>
        <body.content><p>NEW YORK (AP) -- ...</p></body.content>
      </body>
    </nitf>

Elements are matched on their local names, so documents inside the
``http://iptc.org/std/NITF/2006-10-18/`` namespace (AP's media API, NITF
inside NewsML-G2) and outside it read the same.  See ``docs/formats/nitf.md``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from typing import Any

from .. import policy as _policy
from ..article import Article, DateValue
from ..context import Document
from ..defects import BAD_DATE
from ..kit.xml import OVERRIDE_NAME, Item, XMLFormat, attribute, children, local, text_of, value
from ..kit.xml import escape as esc
from ..kit.xml import escape_attribute as attr
from . import _nitf_body
from ._xml_fields import extra_str, is_nmtoken, read_date, str_items, try_date, unique, wrap

__all__ = ["NITFFormat"]

#: The namespace of NITF 3.5 and later (and of NITF inside NewsML-G2).
NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"

# Where `published` comes from, first valid wins: the publication date, then
# the date the agency issued the story, then its release (embargo) date.
_READ_ORDER = ("date.publication", "date.issue", "date.release")
# Where the writer prefers to put `published`: date.issue, as agencies do.
_WRITE_ORDER = ("date.issue", "date.publication", "date.release")
_DATE_ELEMENTS = ("date.issue", "date.release", "date.expire")
# The NYT Annotated Corpus splits the publication date over three metas.
_NYT_DATE = ("publication_year", "publication_month", "publication_day_of_month")


class NITFFormat(XMLFormat):
    """NITF 3.x documents, with or without the NITF namespace.

    Reads the headline (``hl1``), byline, dateline (structured or text),
    the dates in ``docdata`` and ``pubdata``, subject codes, the abstract (as
    :attr:`~wirecopy.Article.highlights`) and the body paragraphs, and keeps
    ``meta`` pairs, the title, ``hl2``, copyright and other head fields in
    :attr:`~wirecopy.Article.extra`.  Writes NITF 3.6 in its namespace, one
    document per article; what NITF cannot hold exactly is kept in a
    ``<meta name="wirecopy-article">`` holding JSON, so that every article
    reads back equal (other NITF readers see a valid document and ignore
    that meta).

    .. versionadded:: 0.1
    """

    name = "nitf"
    document_name = "a NITF document"
    item_name = "NITF document"
    roots = frozenset({"nitf"})
    extensions = (".nitf", ".xml")
    media_types = ("text/vnd.IPTC.NITF", "application/xml")
    description = "IPTC News Industry Text Format (NITF) 3.1-3.6, in or out of its namespace"
    url = "https://iptc.org/standards/nitf/"
    version_added = "0.1"

    def read_item(self, item: Item) -> Article:
        """Build the article of one ``<nitf>`` document."""
        return read_nitf(item, self.name)

    def render(self, article: Article, record: str | None, **options: Any) -> str:
        """One NITF 3.6 document for *article*."""
        return _render(article, record)


# ---------------------------------------------------------------------------
# Reading


def read_nitf(item: Item, format_name: str) -> Article:
    """Build the article of one ``<nitf>`` element; defects are placed on the value they are about."""
    root = item.element
    document = item.document
    head = body_element = None
    for part in root:
        name = local(part.tag)
        if name == "head":
            head = head if head is not None else part
        elif name == "body":
            body_element = body_element if body_element is not None else part
    extra: dict[str, Any] = {}
    metas: dict[str, Any] = {}
    subjects: list[str] = []
    docdata = urgency_element = None
    raw: dict[str, str] = {}
    # One pass over <head>, which may hold many metas.
    for node in head if head is not None else ():
        name = local(node.tag)
        if name == "meta":
            key = node.get("name")
            if not key:
                continue
            content = node.get("content", "")
            if key == OVERRIDE_NAME:
                item.record = content
            elif key in metas:
                previous = metas[key]
                metas[key] = [*previous, content] if isinstance(previous, list) else [previous, content]
            else:
                metas[key] = content
        elif name == "title":
            title = text_of(node)
            if title and "title" not in extra:
                extra["title"] = title
        elif name == "tobject":
            for subject in children(node, "tobject.subject"):
                refnum = attribute(subject, "tobject.subject.refnum")
                if refnum is not None:
                    subjects.append(refnum)
        elif name == "docdata":
            docdata = docdata if docdata is not None else node
        elif name == "pubdata":
            norm_ = attribute(node, "date.publication")
            if norm_ is not None and "date.publication" not in raw:
                raw["date.publication"] = norm_
        elif name == "urgency":  # Canadian Press puts it in <head>
            urgency_element = node
    if metas:
        extra["meta"] = metas
    doc_id = None
    keywords: list[str] = []
    for node in docdata if docdata is not None else ():
        name = local(node.tag)
        if name == "doc-id":
            doc_id = doc_id if doc_id is not None else node
        elif name == "urgency":
            urgency_element = node
        elif name in _DATE_ELEMENTS:
            norm_ = attribute(node, "norm")
            if norm_ is not None and name not in raw:
                raw[name] = norm_
        elif name == "ed-msg":
            ed_msg = attribute(node, "info")
            if ed_msg is not None:
                extra.setdefault("ed_msg", ed_msg)
        elif name == "doc.copyright":
            holder = attribute(node, "holder")
            if holder is not None:
                extra.setdefault("copyright_holder", holder)
            year = attribute(node, "year")
            if year is not None:
                extra.setdefault("copyright_year", year)
        elif name == "key-list":
            keywords.extend(
                word
                for keyword in children(node, "keyword")
                if (word := attribute(keyword, "key") or value(keyword.text)) is not None
            )
    regsrc = attribute(doc_id, "regsrc")
    if regsrc is not None:
        extra["regsrc"] = regsrc
    urgency = attribute(urgency_element, "ed-urg")
    if urgency is not None:
        extra["urgency"] = urgency
    if keywords:
        extra["keywords"] = keywords

    parsed = {name: read_date(text, document, where=_placer(item, text, name)) for name, text in raw.items()}
    chosen = next((name for name in _READ_ORDER if parsed.get(name) is not None), None)
    published: DateValue | None = parsed[chosen] if chosen is not None else None
    if published is None:
        published = _nyt_date(metas, document, item.line)
    for name in ("date.publication", *_DATE_ELEMENTS):
        if name in raw and name != chosen:
            extra[name] = raw[name]

    body = _nitf_body.read_body(body_element, document.context.policy, reference=published)
    extra.update(body.extra)
    language = value(root.get("baselang")) or value(root.get(_XML_LANG))
    return body.article(
        document,
        format=format_name,
        id=attribute(doc_id, "id-string"),
        # No <hl1>: the <title> is the only headline the document has.
        headline=body.headline or extra.get("title"),
        published=published,
        subjects=unique(subjects),
        language=language,
        extra=extra,
    )


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _placer(item: Item, needle: str, after: str) -> Callable[[], tuple[int | None, int | None]]:
    """Where a date value is, found only if a defect needs it."""
    return lambda: item.locate(needle, after)


def _nyt_date(metas: Mapping[str, Any], document: Document, line: int | None) -> DateValue | None:
    parts = [metas.get(name) for name in _NYT_DATE]
    if not all(isinstance(part, str) for part in parts):
        return None
    try:
        year, month, day = (int(part) for part in parts)  # type: ignore[arg-type]
        return _dt.date(year, month, day)
    except ValueError:
        document.defect(
            BAD_DATE,
            f"the publication_year/month/day_of_month metas {'/'.join(map(str, parts))} are not a date",
            line=line,
        )
        return None


# ---------------------------------------------------------------------------
# Writing


def _render(article: Article, overrides: str | None) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    language = f' baselang="{attr(article.language)}"' if article.language is not None else ""
    out.append(f'<nitf xmlns="{NITF_NS}" version="-//IPTC//DTD NITF 3.6//EN"{language}>\n')
    out += wrap("  ", "head", _render_head(article, overrides))
    out.append("  <body>\n")
    out.extend(_nitf_body.render_body(article, "  "))
    out.append("  </body>\n</nitf>\n")
    return "".join(out)


def _render_head(article: Article, overrides: str | None) -> list[str]:
    extra = article.extra
    out: list[str] = []
    title = extra_str(extra, "title")
    if title is not None:
        out.append(f"    <title>{esc(title)}</title>\n")
    metas = extra.get("meta")
    if isinstance(metas, Mapping):
        for name, content in metas.items():
            if not is_nmtoken(name) or name == OVERRIDE_NAME:
                continue
            values = [content] if isinstance(content, str) else str_items(content) or []
            out.extend(f'    <meta name="{attr(name)}" content="{attr(item)}"/>\n' for item in values)
    if overrides is not None:
        out.append(f'    <meta name="{OVERRIDE_NAME}" content="{attr(overrides)}"/>\n')
    subjects = [subject for subject in article.subjects if is_nmtoken(subject)]
    if subjects:
        out.append("    <tobject>\n")
        out.extend(f'      <tobject.subject tobject.subject.refnum="{attr(subject)}"/>\n' for subject in subjects)
        out.append("    </tobject>\n")
    out += wrap("    ", "docdata", _render_docdata(article))
    dates = _dates_to_write(article)
    if "date.publication" in dates:
        out.append(f'    <pubdata date.publication="{attr(dates["date.publication"])}"/>\n')
    return out


def _render_docdata(article: Article) -> list[str]:
    extra = article.extra
    out: list[str] = []
    regsrc = extra_str(extra, "regsrc")
    if article.id is not None or regsrc is not None:
        parts = []
        if regsrc is not None:
            parts.append(f' regsrc="{attr(regsrc)}"')
        if article.id is not None:
            parts.append(f' id-string="{attr(article.id)}"')
        out.append(f"      <doc-id{''.join(parts)}/>\n")
    urgency = extra_str(extra, "urgency")
    if urgency is not None and is_nmtoken(urgency):
        out.append(f'      <urgency ed-urg="{attr(urgency)}"/>\n')
    dates = _dates_to_write(article)
    for name in _DATE_ELEMENTS:
        if name in dates:
            out.append(f'      <{name} norm="{attr(dates[name])}"/>\n')
    ed_msg = extra_str(extra, "ed_msg")
    if ed_msg is not None:
        out.append(f'      <ed-msg info="{attr(ed_msg)}"/>\n')
    holder = extra_str(extra, "copyright_holder")
    year = extra_str(extra, "copyright_year")
    if year is not None and not is_nmtoken(year):
        year = None
    if holder is not None or year is not None:
        parts = []
        if year is not None:
            parts.append(f' year="{attr(year)}"')
        if holder is not None:
            parts.append(f' holder="{attr(holder)}"')
        out.append(f"      <doc.copyright{''.join(parts)}/>\n")
    keywords = str_items(extra.get("keywords"))
    if keywords:
        out.append("      <key-list>\n")
        out.extend(f'        <keyword key="{attr(keyword)}"/>\n' for keyword in keywords)
        out.append("      </key-list>\n")
    return out


def _dates_to_write(article: Article) -> dict[str, str]:
    """The norm of each date element: the raw ones kept in extra, and `published` in a free slot."""
    extra = article.extra
    dates = {
        name: found for name in ("date.publication", *_DATE_ELEMENTS) if (found := extra_str(extra, name)) is not None
    }
    if article.published is not None:
        policy = _policy.default
        for slot in _WRITE_ORDER:
            if slot in dates:
                continue
            earlier = _READ_ORDER[: _READ_ORDER.index(slot)]
            if all(name not in dates or try_date(dates[name], policy) is None for name in earlier):
                dates[slot] = _nitf_body.norm(article.published)
                break
    return dates
