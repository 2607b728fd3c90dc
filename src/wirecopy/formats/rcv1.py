"""Reuters Corpus Volume 1 (RCV1): Reuters' own ``newsitem`` XML, one story per file.

::

    <?xml version="1.0" encoding="iso-8859-1" ?>
    <newsitem itemid="2330" id="root" date="1996-08-20" xml:lang="en">
    <title>USA: Tylan stock jumps; weighs sale of company.</title>
    <headline>Tylan stock jumps; weighs sale of company.</headline>
    <dateline>SAN DIEGO</dateline>
    <text><p>The stock of Tylan General Inc. jumped Tuesday ...</p></text>
    <copyright>(c) Reuters Limited 1996</copyright>
    <metadata>
    <codes class="bip:topics:1.0"><code code="C15"> </code></codes>
    <dc element="dc.creator.location" value="SAN DIEGO"/>
    </metadata>
    </newsitem>

Despite the ``NNNNnewsML.xml`` file names, this is not IPTC NewsML.  See
``docs/formats/rcv1-xml.md``.

The writer keeps RCV1's ``iso-8859-1`` declaration and writes ASCII bytes,
every other character as a character reference (``caf&#233;``,
``&#8364;``): the bytes are then the same in ISO-8859-1, cp1252 and UTF-8, so
every character survives, the output reads the same as bytes or as the
``str`` that :func:`wirecopy.dumps` returns, and tools that decode RCV1 files
as Latin-1 read it too.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from typing import Any

from ..article import Article, DateValue
from ..kit.xml import OVERRIDE_NAME, Item, Root, XMLFormat, attribute, index, local, text_value, value
from ..kit.xml import escape as esc
from ..kit.xml import escape_attribute as attr
from ._xml_fields import element_dateline, extra_str, read_date, str_items, unique, wrap
from ._xml_paragraphs import body_paragraphs

__all__ = ["RCV1Format"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The country prefix RCV1 titles carry: "USA: Sept U.S. layoffs ...".
TITLE_PREFIX = re.compile(r"([^:a-z]{2,40}):\s+\S")
# "bip:topics:1.0" -> "topics"
_CODE_CLASS = re.compile(r"bip:([\w-]+):[\d.]+")


class RCV1Format(XMLFormat):
    """RCV1 ``newsitem`` documents (Reuters, 1996-1997).

    Reads the item id and date, title, headline, byline, dateline (with the
    ``dc.creator.location`` as its place), paragraphs, copyright, the topic,
    country and industry codes (into :attr:`~wirecopy.Article.subjects`,
    and by class into ``extra["codes"]``) and the ``dc`` elements.

    Writes one ``newsitem`` document per article, one after another (RCV1
    has one story per file; write one article per call for one file per
    story).  What RCV1's elements cannot hold exactly (highlights, subjects
    outside ``extra["codes"]``, ``extra`` keys RCV1 has no place for,
    characters XML forbids, ...) goes into a ``<dc
    element="wirecopy-article" value="{JSON}"/>``, which wirecopy reads back
    and other RCV1 readers see as one more ``dc`` element, so that every
    article reads back equal.

    .. versionadded:: 0.1
    """

    name = "rcv1-xml"
    aliases = ("rcv1",)
    document_name = "an RCV1 document"
    item_name = "RCV1 newsitem"
    roots = frozenset({"newsitem"})
    extensions = (".xml",)
    media_types = ("application/xml",)
    description = "Reuters Corpus Volume 1 newsitem XML (RCV1, 1996-1997), one story per file"
    url = "https://trec.nist.gov/data/reuters/reuters.html"
    version_added = "0.1"

    def sniff_root(self, root: Root) -> float:
        """A lower-case ``<newsitem itemid=...>`` root is RCV1 and nothing else."""
        if root.name != "newsitem":
            return 0.0
        return 1.0 if "itemid" in root.attributes else 0.8

    def render(self, article: Article, record: str | None, **options: Any) -> str:
        """One RCV1 ``newsitem`` document for *article*, in ASCII."""
        return _render(article, record)

    def read_item(self, item: Item) -> Article:
        """Build the article of one ``<newsitem>`` document."""
        document = item.document
        newsitem = item.element
        extra: dict[str, Any] = {}
        parts = index(newsitem)
        date_text = attribute(newsitem, "date")
        published = read_date(date_text, document, where=lambda: item.locate(date_text or "", "date="))
        title = text_value(parts.get("title"))
        if title is not None:
            extra["title"] = title
            prefix = TITLE_PREFIX.match(title)
            if prefix is not None:
                extra["title_country"] = prefix.group(1).strip()
        codes: dict[str, list[str]] = {}
        subjects: list[str] = []
        dc: dict[str, Any] = {}
        for element in parts.get("metadata", ()):
            name = local(element.tag)
            if name == "codes":
                group = element.get("class") or ""
                short = _CODE_CLASS.fullmatch(group)
                found = [code.strip() for code_element in element if (code := code_element.get("code"))]
                codes.setdefault(short.group(1) if short else group, []).extend(found)
                subjects.extend(found)
            elif name == "dc":
                key = element.get("element")
                found_value = element.get("value")
                if not key or found_value is None:
                    continue
                if key == OVERRIDE_NAME:
                    item.record = found_value
                    continue
                previous = dc.get(key)
                if previous is None:
                    dc[key] = found_value
                elif isinstance(previous, list):
                    if found_value not in previous:
                        previous.append(found_value)
                elif previous != found_value:
                    dc[key] = [previous, found_value]
        if codes:
            extra["codes"] = codes
        if dc:
            extra["dc"] = dc
        copyright_ = text_value(parts.get("copyright"))
        if copyright_ is not None:
            extra["copyright"] = copyright_
        dateline = None
        dateline_text = text_value(parts.get("dateline"))
        if dateline_text is not None:
            location = dc.get("dc.creator.location")
            place = (
                dateline_text[: len(location)]
                if isinstance(location, str) and dateline_text.casefold().startswith(location.casefold())
                else None
            )
            dateline = element_dateline(dateline_text, document.context.policy, place=place, reference=published)
        source_name = dc.get("dc.source")
        return document.article(
            format=self.name,
            id=attribute(newsitem, "itemid"),
            source=source_name if isinstance(source_name, str) else None,
            headline=text_value(parts.get("headline")),
            byline=text_value(parts.get("byline")),
            published=published,
            dateline=dateline,
            paragraphs=body_paragraphs(parts.get("text")),
            subjects=unique(subjects),
            language=value(newsitem.get(_XML_LANG)),
            extra=extra,
        )


# ---------------------------------------------------------------------------
# Writing


_KNOWN_CLASS = re.compile(r"[\w-]+")


def _render(article: Article, overrides: str | None) -> str:
    extra = article.extra
    attributes = []
    if article.id is not None:
        attributes.append(f' itemid="{attr(article.id)}"')
    attributes.append(' id="root"')
    if article.published is not None:
        attributes.append(f' date="{_iso(article.published)}"')
    if article.language is not None:
        attributes.append(f' xml:lang="{attr(article.language)}"')
    out = ['<?xml version="1.0" encoding="iso-8859-1" ?>\n', f"<newsitem{''.join(attributes)}>\n"]
    title = extra_str(extra, "title")
    for name, found in (
        ("title", title),
        ("headline", article.headline),
        ("byline", article.byline),
        ("dateline", article.dateline.text if article.dateline is not None else None),
    ):
        if found is not None:
            out.append(f"<{name}>{esc(found)}</{name}>\n")
    out.append("<text>\n")
    out.extend(f"<p>{esc(paragraph)}</p>\n" for paragraph in article.paragraphs)
    out.append("</text>\n")
    copyright_ = extra_str(extra, "copyright")
    if copyright_ is not None:
        out.append(f"<copyright>{esc(copyright_)}</copyright>\n")
    out += wrap("", "metadata", _render_metadata(article, overrides))
    out.append("</newsitem>\n")
    # ASCII out: every other character as a reference, which any XML reader
    # resolves whatever the bytes are decoded as.
    return "".join(out).encode("ascii", "xmlcharrefreplace").decode("ascii")


def _iso(value: DateValue) -> str:
    """ISO 8601 as RCV1 writes its dates (``1996-08-20``); a zone to the minute, as date parsers read it."""
    offset = value.utcoffset() if isinstance(value, _dt.datetime) else None
    if offset is None:
        return value.isoformat()
    assert isinstance(value, _dt.datetime)
    # An offset with seconds (which no zone has had since 1972) is cut to
    # the minute; the record keeps the exact one.
    minutes = int(offset.total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    return f"{value.replace(tzinfo=None).isoformat()}{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _render_metadata(article: Article, overrides: str | None) -> list[str]:
    extra = article.extra
    out: list[str] = []
    codes = extra.get("codes")
    if isinstance(codes, Mapping):
        for group, found in codes.items():
            items = str_items(found)
            if not items:
                continue
            # "topics" was read from "bip:topics:1.0"; a class of another
            # shape was kept whole.
            name = f"bip:{group}:1.0" if _KNOWN_CLASS.fullmatch(group) else group
            out.append(f'<codes class="{attr(name)}">\n')
            out.extend(f'  <code code="{attr(code)}"> </code>\n' for code in items)
            out.append("</codes>\n")
    dc = extra.get("dc")
    pairs: list[tuple[str, str]] = []
    if isinstance(dc, Mapping):
        for key, found in dc.items():
            if not key or key == OVERRIDE_NAME:
                continue
            values = [found] if isinstance(found, str) else str_items(found) or []
            pairs.extend((key, item) for item in values)
    if article.source is not None and not (isinstance(dc, Mapping) and "dc.source" in dc):
        # RCV1 names its source in a dc element and nowhere else.
        pairs.append(("dc.source", article.source))
    out.extend(f'<dc element="{attr(key)}" value="{attr(item)}"/>\n' for key, item in pairs)
    if overrides is not None:
        out.append(f'<dc element="{OVERRIDE_NAME}" value="{attr(overrides)}"/>\n')
    return out
