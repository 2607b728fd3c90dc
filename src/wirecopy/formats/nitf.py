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
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, BinaryIO
from xml.etree import ElementTree as ET

from .. import policy as _policy
from ..article import Article, DateValue, Defect
from ..context import ReadContext
from ..registry import Format
from . import _xml
from ._xml import attribute, children, local, text_of, value

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


class NITFFormat(Format):
    """NITF 3.x documents, with or without the NITF namespace.

    Reads the headline (``hl1``), byline, dateline (structured or text),
    the dates in ``docdata`` and ``pubdata``, subject codes, the abstract (as
    :attr:`~wirecopy.Article.highlights`) and the body paragraphs, and keeps
    ``meta`` pairs, the title, ``hl2``, copyright and other head fields in
    :attr:`~wirecopy.Article.extra`.  Writes NITF 3.6 in its namespace, one
    document per article; what NITF cannot hold exactly is kept in a
    ``<meta name="wirecopy-article">`` so that every article reads back
    equal.

    .. versionadded:: 0.1
    """

    name = "nitf"
    aliases = ()
    extensions = (".nitf", ".xml")
    description = "IPTC News Industry Text Format (NITF) 3.1-3.6, in or out of its namespace"
    url = "https://iptc.org/standards/nitf/"
    version_added = "0.1"
    encoding = "utf-8"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """A root element (or DOCTYPE) named ``nitf`` is NITF and nothing else."""
        root = _xml.root_of(head)
        if root is None:
            return 0.0
        if root.name == "nitf" or root.doctype == "nitf":
            return 1.0
        return 0.0

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield one article per ``<nitf>`` document."""
        source = _xml.XMLStream(stream, context)
        for element, line, offset in source.documents("nitf", what="a NITF document", noun="NITF document"):
            yield read_nitf(
                element, context, source.take_defects(), self.name, line=line, offset=offset, locate=source.locate
            )

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write each article as a NITF 3.6 document, one after another.

        Every article can be written: what NITF's elements cannot hold
        exactly (characters XML forbids, ``extra`` keys NITF has no place
        for, a dateline whose parts are not in its text, ...) goes into a
        ``<meta name="wirecopy-article">`` holding JSON, which wirecopy reads
        back.  Other NITF readers see a valid document and ignore that meta.
        """
        first = True
        for article in articles:
            if not first:
                stream.write(b"\n")
            first = False
            stream.write(render_document(article).encode("utf-8"))


# ---------------------------------------------------------------------------
# Reading


def read_nitf(
    root: ET.Element,
    context: ReadContext,
    defects: list[Defect],
    format_name: str,
    *,
    line: int,
    offset: int,
    locate: Callable[[str, str], tuple[int | None, int | None]] | None = None,
) -> Article:
    """Build the article of one ``<nitf>`` element.

    *locate* finds a value's (line, column) in the document, to place
    defects; without it they are placed at the document's first line.
    """

    def where(needle: str, after: str = "") -> tuple[int | None, int | None]:
        """The place of a value in the document, or its first line."""
        found = locate(needle, after) if locate is not None else (None, None)
        return found if found[0] is not None else (line, None)

    head = body_element = None
    for part in root:
        name = local(part.tag)
        if name == "head":
            head = head if head is not None else part
        elif name == "body":
            body_element = body_element if body_element is not None else part
    extra: dict[str, Any] = {}
    metas: dict[str, Any] = {}
    overrides = None
    subjects: list[str] = []
    docdata = urgency_element = None
    raw: dict[str, str] = {}
    # One pass over <head>, which may hold many metas.
    for item in head if head is not None else ():
        name = local(item.tag)
        if name == "meta":
            key = item.get("name")
            if not key:
                continue
            content = item.get("content", "")
            if key == _xml.OVERRIDE_NAME:
                overrides = content
            elif key in metas:
                previous = metas[key]
                metas[key] = [*previous, content] if isinstance(previous, list) else [previous, content]
            else:
                metas[key] = content
        elif name == "title":
            title = text_of(item)
            if title and "title" not in extra:
                extra["title"] = title
        elif name == "tobject":
            for subject in children(item, "tobject.subject"):
                refnum = attribute(subject, "tobject.subject.refnum")
                if refnum is not None:
                    subjects.append(refnum)
        elif name == "docdata":
            docdata = docdata if docdata is not None else item
        elif name == "pubdata":
            norm_ = attribute(item, "date.publication")
            if norm_ is not None and "date.publication" not in raw:
                raw["date.publication"] = norm_
        elif name == "urgency":  # Canadian Press puts it in <head>
            urgency_element = item
    if metas:
        extra["meta"] = metas
    doc_id = None
    keywords: list[str] = []
    for item in docdata if docdata is not None else ():
        name = local(item.tag)
        if name == "doc-id":
            doc_id = doc_id if doc_id is not None else item
        elif name == "urgency":
            urgency_element = item
        elif name in _DATE_ELEMENTS:
            norm_ = attribute(item, "norm")
            if norm_ is not None and name not in raw:
                raw[name] = norm_
        elif name == "ed-msg":
            ed_msg = attribute(item, "info")
            if ed_msg is not None:
                extra.setdefault("ed_msg", ed_msg)
        elif name == "doc.copyright":
            holder = attribute(item, "holder")
            if holder is not None:
                extra.setdefault("copyright_holder", holder)
            year = attribute(item, "year")
            if year is not None:
                extra.setdefault("copyright_year", year)
        elif name == "key-list":
            keywords.extend(
                word
                for keyword in children(item, "keyword")
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

    parsed = {
        name: _xml.read_date(text, context, defects, where=_placer(where, text, name)) for name, text in raw.items()
    }
    chosen = next((name for name in _READ_ORDER if parsed.get(name) is not None), None)
    published: DateValue | None = parsed[chosen] if chosen is not None else None
    if published is None:
        published = _nyt_date(metas, context, defects, line)
    for name in ("date.publication", *_DATE_ELEMENTS):
        if name in raw and name != chosen:
            extra[name] = raw[name]

    body = _xml.read_body(body_element, context, reference=published)
    extra.update(body.extra)
    language = value(root.get("baselang")) or value(root.get(_XML_LANG))
    article = Article(
        format=format_name,
        id=attribute(doc_id, "id-string"),
        source=body.distributor,
        headline=body.headline,
        byline=body.byline,
        published=published,
        dateline=body.dateline,
        paragraphs=body.paragraphs,
        highlights=body.abstract,
        subjects=_xml.unique(subjects),
        language=language,
        extra=extra,
        origin=context.origin(line=line, offset=offset),
        defects=defects,
    )
    if overrides is not None:
        article = _xml.apply_overrides(article, overrides, context, defects)
    return article


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _placer(
    where: Callable[[str, str], tuple[int | None, int | None]], needle: str, after: str
) -> Callable[[], tuple[int | None, int | None]]:
    """Where a date value is, found only if a defect needs it."""
    return lambda: where(needle, after)


def _nyt_date(metas: Mapping[str, Any], context: ReadContext, defects: list[Defect], line: int) -> DateValue | None:
    parts = [metas.get(name) for name in _NYT_DATE]
    if not all(isinstance(part, str) for part in parts):
        return None
    try:
        year, month, day = (int(part) for part in parts)  # type: ignore[arg-type]
        return _dt.date(year, month, day)
    except ValueError:
        defects.append(
            context.defect(
                "bad-date",
                f"the publication_year/month/day_of_month metas {'/'.join(map(str, parts))} are not a date",
                line=line,
            )
        )
        return None


# ---------------------------------------------------------------------------
# Writing


def render_document(article: Article) -> str:
    """One NITF 3.6 document for *article*, with overrides where it needs them."""
    text = _render(article, None)
    over = _xml.overrides(article, _read_back(text))
    if over is not None:
        text = _render(article, over)
    return text


_QUIET = _policy.default.clone(errors="skip")


def _read_back(text: str) -> Article | None:
    context = ReadContext(_QUIET, None)
    found = list(NITFFormat().read(io.BytesIO(text.encode("utf-8")), context))
    return found[0] if len(found) == 1 else None


def _render(article: Article, overrides: str | None) -> str:
    attr = _xml.attr
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    language = f' baselang="{attr(article.language)}"' if article.language is not None else ""
    out.append(f'<nitf xmlns="{NITF_NS}" version="-//IPTC//DTD NITF 3.6//EN"{language}>\n')
    head = _render_head(article, overrides)
    if head:
        out.append("  <head>\n")
        out.extend(head)
        out.append("  </head>\n")
    out.append("  <body>\n")
    out.extend(_xml.render_body(article, "  "))
    out.append("  </body>\n</nitf>\n")
    return "".join(out)


def _render_head(article: Article, overrides: str | None) -> list[str]:
    extra = article.extra
    esc, attr = _xml.esc, _xml.attr
    out: list[str] = []
    title = _xml.extra_str(extra, "title")
    if title is not None:
        out.append(f"    <title>{esc(title)}</title>\n")
    metas = extra.get("meta")
    if isinstance(metas, Mapping):
        for name, content in metas.items():
            if not _xml.is_nmtoken(name) or name == _xml.OVERRIDE_NAME:
                continue
            values = [content] if isinstance(content, str) else _xml.str_items(content) or []
            out.extend(f'    <meta name="{attr(name)}" content="{attr(item)}"/>\n' for item in values)
    if overrides is not None:
        out.append(f'    <meta name="{_xml.OVERRIDE_NAME}" content="{attr(overrides)}"/>\n')
    subjects = [subject for subject in article.subjects if _xml.is_nmtoken(subject)]
    if subjects:
        out.append("    <tobject>\n")
        out.extend(f'      <tobject.subject tobject.subject.refnum="{attr(subject)}"/>\n' for subject in subjects)
        out.append("    </tobject>\n")
    docdata = _render_docdata(article)
    if docdata:
        out.append("    <docdata>\n")
        out.extend(docdata)
        out.append("    </docdata>\n")
    dates = _dates_to_write(article)
    if "date.publication" in dates:
        out.append(f'    <pubdata date.publication="{attr(dates["date.publication"])}"/>\n')
    return out


def _render_docdata(article: Article) -> list[str]:
    extra = article.extra
    attr = _xml.attr
    out: list[str] = []
    regsrc = _xml.extra_str(extra, "regsrc")
    if article.id is not None or regsrc is not None:
        parts = []
        if regsrc is not None:
            parts.append(f' regsrc="{attr(regsrc)}"')
        if article.id is not None:
            parts.append(f' id-string="{attr(article.id)}"')
        out.append(f"      <doc-id{''.join(parts)}/>\n")
    urgency = _xml.extra_str(extra, "urgency")
    if urgency is not None and _xml.is_nmtoken(urgency):
        out.append(f'      <urgency ed-urg="{attr(urgency)}"/>\n')
    dates = _dates_to_write(article)
    for name in _DATE_ELEMENTS:
        if name in dates:
            out.append(f'      <{name} norm="{attr(dates[name])}"/>\n')
    ed_msg = _xml.extra_str(extra, "ed_msg")
    if ed_msg is not None:
        out.append(f'      <ed-msg info="{attr(ed_msg)}"/>\n')
    holder = _xml.extra_str(extra, "copyright_holder")
    year = _xml.extra_str(extra, "copyright_year")
    if year is not None and not _xml.is_nmtoken(year):
        year = None
    if holder is not None or year is not None:
        parts = []
        if year is not None:
            parts.append(f' year="{attr(year)}"')
        if holder is not None:
            parts.append(f' holder="{attr(holder)}"')
        out.append(f"      <doc.copyright{''.join(parts)}/>\n")
    keywords = _xml.str_items(extra.get("keywords"))
    if keywords:
        out.append("      <key-list>\n")
        out.extend(f'        <keyword key="{attr(keyword)}"/>\n' for keyword in keywords)
        out.append("      </key-list>\n")
    return out


def _dates_to_write(article: Article) -> dict[str, str]:
    """The norm of each date element: the raw ones kept in extra, and `published` in a free slot."""
    extra = article.extra
    dates = {
        name: found
        for name in ("date.publication", *_DATE_ELEMENTS)
        if (found := _xml.extra_str(extra, name)) is not None
    }
    if article.published is not None:
        context = ReadContext(_QUIET, None)
        for slot in _WRITE_ORDER:
            if slot in dates:
                continue
            earlier = _READ_ORDER[: _READ_ORDER.index(slot)]
            if all(name not in dates or _xml.try_date(dates[name], context) is None for name in earlier):
                dates[slot] = _xml.norm(article.published)
                break
    return dates
