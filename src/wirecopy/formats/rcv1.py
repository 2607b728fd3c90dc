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
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO
from xml.etree import ElementTree as ET

from .. import policy as _policy
from ..article import Article, DateValue, Defect
from ..context import ReadContext
from ..registry import Format
from . import _xml
from ._xml import attribute, local, text_value, value

__all__ = ["RCV1Format"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# "USA: Sept U.S. layoffs ..." -- the country prefix RCV1 titles carry.
_TITLE_PREFIX = re.compile(r"([^:a-z]{2,40}):\s+\S")
# "bip:topics:1.0" -> "topics"
_CODE_CLASS = re.compile(r"bip:([\w-]+):[\d.]+")


class RCV1Format(Format):
    """RCV1 ``newsitem`` documents (Reuters, 1996-1997).

    Reads the item id and date, title, headline, byline, dateline (with the
    ``dc.creator.location`` as its place), paragraphs, copyright, the topic,
    country and industry codes (into :attr:`~wirecopy.Article.subjects`,
    and by class into ``extra["codes"]``) and the ``dc`` elements.  Writes
    one ``newsitem`` document per article, one after another; what RCV1
    cannot hold exactly is kept in a ``<dc element="wirecopy-article">``
    so that every article reads back equal.

    .. versionadded:: 0.1
    """

    name = "rcv1-xml"
    aliases = ("rcv1",)
    extensions = (".xml",)
    description = "Reuters Corpus Volume 1 newsitem XML (RCV1, 1996-1997), one story per file"
    url = "https://trec.nist.gov/data/reuters/reuters.html"
    version_added = "0.1"
    encoding = "utf-8"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """A lower-case ``<newsitem itemid=...>`` root is RCV1 and nothing else."""
        root = _xml.root_of(head)
        if root is None or root.name != "newsitem":
            return 0.0
        return 1.0 if "itemid" in root.attributes else 0.8

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write each article as an RCV1 ``newsitem`` document, one after another.

        RCV1 has one story per file; several articles make several documents
        in a row, as the ``nitf`` writer does, which wirecopy reads back in
        order (write one article per call for one file per story).  Every
        article can be written: what RCV1's elements cannot hold exactly
        (highlights, subjects outside ``extra["codes"]``, ``extra`` keys RCV1
        has no place for, characters XML forbids, ...) goes into a
        ``<dc element="wirecopy-article" value="{JSON}"/>``, which wirecopy
        reads back and other RCV1 readers see as one more ``dc`` element.
        """
        first = True
        for article in articles:
            if not first:
                stream.write(b"\n")
            first = False
            stream.write(render_document(article).encode("ascii"))

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield one article per ``<newsitem>`` document."""
        source = _xml.XMLStream(stream, context)
        for element, line, offset in source.documents("newsitem", what="an RCV1 document", noun="RCV1 newsitem"):
            yield self._article(element, context, source, source.take_defects(), line, offset)

    def _article(
        self,
        item: ET.Element,
        context: ReadContext,
        source: _xml.XMLStream,
        defects: list[Defect],
        line: int,
        offset: int,
    ) -> Article:
        extra: dict[str, Any] = {}
        parts = _xml.index(item)
        date_text = attribute(item, "date")

        def where() -> tuple[int | None, int | None]:
            """The place of the date attribute's value, or the document's first line."""
            found = source.locate(date_text or "", "date=")
            return found if found[0] is not None else (line, None)

        published = _xml.read_date(date_text, context, defects, where=where)
        title = text_value(parts.get("title"))
        if title is not None:
            extra["title"] = title
            prefix = _TITLE_PREFIX.match(title)
            if prefix is not None:
                extra["title_country"] = prefix.group(1).strip()
        codes: dict[str, list[str]] = {}
        subjects: list[str] = []
        dc: dict[str, Any] = {}
        overrides = None
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
                if key == _xml.OVERRIDE_NAME:
                    overrides = found_value
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
            dateline = _xml.element_dateline(dateline_text, context, place=place, reference=published)
        source_name = dc.get("dc.source")
        article = Article(
            format=self.name,
            id=attribute(item, "itemid"),
            source=source_name if isinstance(source_name, str) else None,
            headline=text_value(parts.get("headline")),
            byline=text_value(parts.get("byline")),
            published=published,
            dateline=dateline,
            paragraphs=_xml.body_paragraphs(parts.get("text")),
            subjects=_xml.unique(subjects),
            language=value(item.get(_XML_LANG)),
            extra=extra,
            origin=context.origin(line=line, offset=offset),
            defects=defects,
        )
        if overrides is not None:
            article = _xml.apply_overrides(article, overrides, context, defects)
        return article


# ---------------------------------------------------------------------------
# Writing


_QUIET = _policy.default.clone(errors="skip")
_KNOWN_CLASS = re.compile(r"[\w-]+")


def render_document(article: Article) -> str:
    """One RCV1 ``newsitem`` document for *article*, in ASCII, with overrides where it needs them."""
    text = _render(article, None)
    over = _xml.overrides(article, _read_back(text))
    if over is not None:
        text = _render(article, over)
    return text


def _read_back(text: str) -> Article | None:
    context = ReadContext(_QUIET, None)
    found = list(RCV1Format().read(io.BytesIO(text.encode("ascii")), context))
    return found[0] if len(found) == 1 else None


def _render(article: Article, overrides: str | None) -> str:
    esc, attr = _xml.esc, _xml.attr
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
    title = _xml.extra_str(extra, "title")
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
    copyright_ = _xml.extra_str(extra, "copyright")
    if copyright_ is not None:
        out.append(f"<copyright>{esc(copyright_)}</copyright>\n")
    metadata = _render_metadata(article, overrides)
    if metadata:
        out.append("<metadata>\n")
        out.extend(metadata)
        out.append("</metadata>\n")
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
    attr = _xml.attr
    extra = article.extra
    out: list[str] = []
    codes = extra.get("codes")
    if isinstance(codes, Mapping):
        for group, found in codes.items():
            items = _xml.str_items(found)
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
            if not key or key == _xml.OVERRIDE_NAME:
                continue
            values = [found] if isinstance(found, str) else _xml.str_items(found) or []
            pairs.extend((key, item) for item in values)
    if article.source is not None and not (isinstance(dc, Mapping) and "dc.source" in dc):
        # RCV1 names its source in a dc element and nowhere else.
        pairs.append(("dc.source", article.source))
    out.extend(f'<dc element="{attr(key)}" value="{attr(item)}"/>\n' for key, item in pairs)
    if overrides is not None:
        out.append(f'<dc element="{_xml.OVERRIDE_NAME}" value="{attr(overrides)}"/>\n')
    return out
