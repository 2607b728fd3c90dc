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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO
from xml.etree import ElementTree as ET

from ..article import Article, Defect
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
    and by class into ``extra["codes"]``) and the ``dc`` elements.  Read
    only.

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

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield one article per ``<newsitem>`` document."""
        source = _xml.XMLStream(stream, context)
        line, offset = 1, 0
        for kind, payload in source.events():
            if kind == "document":
                line, offset = payload
            elif kind == "root":
                if local(payload.tag) != "newsitem":
                    context.skip(
                        context.error(
                            f"not an RCV1 document: the root element is <{local(payload.tag)}>, not <newsitem>",
                            line=line,
                            column=1,
                            kind="wrong-root",
                        )
                    )
                    continue
                yield self._article(payload, context, source, source.take_defects(), line, offset)
            elif kind == "error":
                context.skip(payload.error(context))
            elif kind == "empty":
                context.skip(context.error("empty input: no RCV1 newsitem found", line=1, column=1, kind="empty-input"))

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
        return Article(
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
