"""IPTC NewsML-G2: a single ``newsItem``, or a ``newsMessage`` of several items.

::

    <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
      <header><sent>2017-10-11T10:41:00+0100</sent>...</header>
      <itemSet>
        <newsItem guid="tag:ansa.it,2017-10-11:40e5..." version="1" standard="NewsML-G2" ...>
          <itemMeta><itemClass qcode="ninat:text"/><provider literal="ansa.it"/>
            <versionCreated>2017-10-11T10:41:00+0100</versionCreated></itemMeta>
          <contentMeta><located literal="Rome"/><language tag="it"/><subject qcode="..."/>
            <headline>...</headline><dateline>...</dateline></contentMeta>
          <contentSet><inlineXML contenttype="application/nitf+xml"><nitf>...</nitf></inlineXML></contentSet>
        </newsItem>
      </itemSet>
    </newsMessage>

A message is read item by item, each dropped once read, so a message of any
size reads in constant memory.  One article per text item; picture, video,
graphic and package items are reported as skipped.  See
``docs/formats/newsml-g2.md``.
"""

from __future__ import annotations

import datetime as _dt
import io
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO
from xml.etree import ElementTree as ET

from .. import policy as _policy
from ..article import Article, DateValue, Defect
from ..context import ReadContext
from ..registry import Format
from . import _xml
from ._xml import attribute, child, children, local, text_value, value

__all__ = ["NewsMLG2Format"]

#: The NewsML-G2 (IPTC News Architecture) namespace.
G2_NS = "http://iptc.org/std/nar/2006-10-01/"
_NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml"

_ITEMS = frozenset({"newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"})
_ITEM_TAGS = re.compile(
    r"<(?:[\w.-]+:)?(?:newsItem|packageItem|conceptItem|knowledgeItem|planningItem|catalogItem)[\s/>]"
)
# Item classes that carry text; anything else (picture, graphic, video,
# audio, composite) is not an article.
_TEXT_CLASSES = frozenset({"text"})

# Where `published` comes from, first valid wins, and where the writer puts
# it: firstCreated and versionCreated hold a date and time, contentCreated
# may hold a date alone.
_READ_ORDER = ("firstCreated", "versionCreated", "contentCreated")
_WRITE_ORDER = ("versionCreated", "firstCreated", "contentCreated")
_ITEM_DATES = ("versionCreated", "firstCreated", "embargoed")
_CONTENT_DATES = ("contentCreated", "contentModified")
_QCODE = re.compile(r"[A-Za-z][\w.\-]*:\S*")


class NewsMLG2Format(Format):
    """IPTC NewsML-G2 news items, alone or in a news message.

    Reads the ``guid`` into :attr:`~wirecopy.Article.id`, the dates of
    ``itemMeta`` and ``contentMeta``, the provider, headline (by role),
    ``by``, dateline, language and subject codes, and the body from inline
    NITF, XHTML or plain text.  Writes one ``newsItem``, or a
    ``newsMessage`` for several articles, with the body as inline NITF;
    what NewsML-G2 cannot hold exactly is kept in a ``wirecopy`` extension
    element so that every article reads back equal.

    .. versionadded:: 0.1
    """

    name = "newsml-g2"
    aliases = ("newsmlg2", "g2")
    extensions = (".xml",)
    description = "IPTC NewsML-G2 (2.x): a newsItem, or a newsMessage of items, with inline NITF or XHTML"
    url = "https://iptc.org/standards/newsml-g2/"
    version_added = "0.1"
    encoding = "utf-8"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """A G2 item or message root is certain; a bare ``contentMeta`` fragment is likely."""
        root = _xml.root_of(head)
        if root is None:
            return 0.0
        if root.name in ("newsItem", "newsMessage", "packageItem"):
            return 1.0 if G2_NS in root.attributes else 0.9
        if root.name == "contentMeta":
            return 0.8
        return 0.0

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield one article per text item, reading a message item by item."""
        source = _xml.XMLStream(stream, context, mode="events", items=_ITEM_TAGS)
        stack: list[ET.Element] = []
        line, offset = 1, 0
        item_line: int | None = None
        item_offset: int | None = None
        for kind, payload in source.events():
            if kind == "start":
                stack.append(payload)
                if local(payload.tag) in _ITEMS:
                    item_line, item_offset = source.item_position()
                continue
            if kind == "end":
                element = stack.pop()
                name = local(element.tag)
                if not stack:
                    if name in _ITEMS:
                        yield from self._item(element, context, source, line, offset)
                    elif name == "contentMeta":
                        yield self._fragment(element, context, source, line, offset)
                    elif name != "newsMessage":
                        context.skip(
                            context.error(
                                f"not a NewsML-G2 document: the root element is <{name}>",
                                line=line,
                                column=1,
                                kind="wrong-root",
                            )
                        )
                elif name in _ITEMS and len(stack) == 2 and local(stack[0].tag) == "newsMessage":
                    yield from self._item(
                        element,
                        context,
                        source,
                        item_line if item_line is not None else line,
                        item_offset if item_offset is not None else offset,
                    )
                    # Read and done: drop it, so a long message stays small.
                    # Earlier items are gone already, so this one is first.
                    parent = stack[-1]
                    if len(parent) and parent[0] is element:
                        del parent[0]
                    else:
                        parent.remove(element)
                continue
            if kind == "document":
                line, offset = payload
                stack = []
            elif kind == "error":
                context.skip(payload.error(context))
            elif kind == "empty":
                context.skip(
                    context.error("empty input: no NewsML-G2 item found", line=1, column=1, kind="empty-input")
                )

    def _item(
        self, item: ET.Element, context: ReadContext, source: _xml.XMLStream, line: int, offset: int
    ) -> Iterator[Article]:
        name = local(item.tag)
        guid = value(item.get("guid"))
        label = f"{name} {guid!r}" if guid else name
        if name != "newsItem":
            context.skip(
                context.error(
                    f"{label} skipped: a {name} holds no story text", line=line, column=1, kind="not-text-item"
                )
            )
            return
        item_class = attribute(_xml.path(item, "itemMeta", "itemClass"), "qcode")
        if item_class is not None and item_class.rpartition(":")[2] not in _TEXT_CLASSES:
            context.skip(
                context.error(
                    f"{label} skipped: its item class {item_class!r} is not text",
                    line=line,
                    column=1,
                    kind="not-text-item",
                )
            )
            return
        defects = source.take_defects()
        if child(item, "itemMeta") is None:
            defects.append(context.defect("missing-item-meta", f"{label} has no <itemMeta>", line=line, column=1))
        yield read_item(item, context, defects, self.name, line=line, offset=offset)

    def _fragment(
        self, content_meta: ET.Element, context: ReadContext, source: _xml.XMLStream, line: int, offset: int
    ) -> Article:
        defects = source.take_defects()
        defects.append(
            context.defect(
                "fragment",
                "a <contentMeta> fragment, not a NewsML-G2 item: read without guid, itemMeta or content",
                line=line,
                column=1,
            )
        )
        wrapper = ET.Element("newsItem")
        wrapper.append(content_meta)
        return read_item(wrapper, context, defects, self.name, line=line, offset=offset)

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write one ``newsItem``, or a ``newsMessage`` holding one item per article.

        The body goes in as inline NITF.  What NewsML-G2 cannot hold exactly
        goes into a ``<wc:article xmlns:wc="urn:wirecopy:article:1">`` JSON
        record at the end of ``itemMeta`` (the schema's extension point),
        which wirecopy reads back.  An article with no date is written
        without the ``versionCreated`` the schema requires, and one whose
        date has no time puts it in ``contentCreated`` only.
        """
        iterator = iter(articles)
        first = list(itertools.islice(iterator, 2))
        if not first:
            return
        if len(first) == 1:
            stream.write(('<?xml version="1.0" encoding="UTF-8"?>\n' + render_item(first[0], "")).encode("utf-8"))
            return
        sent = _sent(first[0])
        stream.write(
            (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<newsMessage xmlns="{G2_NS}">\n'
                f"  <header>\n    <sent>{_xml.esc(sent)}</sent>\n  </header>\n"
                "  <itemSet>\n"
            ).encode()
        )
        for article in itertools.chain(first, iterator):
            stream.write(render_item(article, "    ").encode("utf-8"))
        stream.write(b"  </itemSet>\n</newsMessage>\n")


# ---------------------------------------------------------------------------
# Reading


def read_item(
    item: ET.Element, context: ReadContext, defects: list[Defect], format_name: str, *, line: int, offset: int
) -> Article:
    """Build the article of one ``newsItem`` element."""
    extra: dict[str, Any] = {}
    version = value(item.get("version"))
    if version is not None:
        extra["version"] = version
    item_meta = child(item, "itemMeta")
    content_meta = child(item, "contentMeta")
    overrides = None
    if item_meta is not None:
        for element in item_meta:
            if element.tag == f"{{{_xml.OVERRIDE_NS}}}article":
                overrides = element.text or ""
    title = text_value(child(item_meta, "title"))
    if title is not None:
        extra["title"] = title
    rights = child(item, "rightsInfo")
    holder = _flex(child(rights, "copyrightHolder"))
    if holder is not None:
        extra["copyrightHolder"] = holder
    notice = text_value(child(rights, "copyrightNotice"))
    if notice is not None:
        extra["copyrightNotice"] = notice

    raw: dict[str, str] = {}
    for name in _ITEM_DATES:
        text = text_value(child(item_meta, name))
        if text is not None:
            raw[name] = text
    for name in _CONTENT_DATES:
        text = text_value(child(content_meta, name))
        if text is not None:
            raw[name] = text
    parsed = {name: _xml.read_date(text, context, defects, where=(line, None)) for name, text in raw.items()}
    chosen = next((name for name in _READ_ORDER if parsed.get(name) is not None), None)
    published: DateValue | None = parsed[chosen] if chosen is not None else None
    for name in ("versionCreated", "firstCreated", "embargoed", "contentCreated", "contentModified"):
        if name in raw and name != chosen:
            extra[name] = raw[name]

    urgency = text_value(child(content_meta, "urgency"))
    if urgency is not None:
        extra["urgency"] = urgency
    for key in ("located", "infoSource", "creator"):
        found = _flex(child(content_meta, key))
        if found is not None:
            extra[key] = found
    language = attribute(child(content_meta, "language"), "tag") or value(item.get(_XML_LANG))
    subjects = _xml.unique(
        code
        for subject in children(content_meta, "subject")
        if (code := attribute(subject, "qcode") or attribute(subject, "literal")) is not None
    )
    keywords = [word for keyword in children(content_meta, "keyword") if (word := text_value(keyword))]
    if keywords:
        extra["keywords"] = keywords
    slugline = text_value(child(content_meta, "slugline"))
    if slugline is not None:
        extra["slugline"] = slugline
    headline = None
    subheadline = None
    for element in children(content_meta, "headline"):
        role = element.get("role") or ""
        text = text_value(element)
        if text is None:
            continue
        if "sub" in role.lower():
            subheadline = subheadline or text
        elif headline is None:
            headline = text
    byline = text_value(child(content_meta, "by"))
    creditline = text_value(child(content_meta, "creditline"))
    if creditline is not None:
        extra["creditline"] = creditline
    highlights: list[str] = []
    for element in children(content_meta, "description"):
        text = text_value(element)
        if text is None:
            continue
        if (element.get("role") or "").endswith("summary"):
            highlights.append(text)
        elif "description" not in extra:
            extra["description"] = text
    dateline_text = text_value(child(content_meta, "dateline"))
    field = _xml.element_dateline(dateline_text, context, reference=published) if dateline_text else None

    body = _content(child(item, "contentSet"), context, field, published)
    for key, found in body.extra.items():
        extra.setdefault(key, found)
    if subheadline is not None:
        extra["subheadline"] = subheadline
    article = Article(
        format=format_name,
        id=value(item.get("guid")),
        source=_flex(child(item_meta, "provider")) or body.distributor,
        headline=headline or body.headline,
        byline=byline or body.byline,
        published=published,
        dateline=body.dateline,
        paragraphs=body.paragraphs,
        highlights=highlights or body.abstract,
        subjects=subjects,
        language=language,
        extra=extra,
        origin=context.origin(line=line, offset=offset),
        defects=defects,
    )
    if overrides is not None:
        article = _xml.apply_overrides(article, overrides, context, defects)
    return article


def _flex(element: ET.Element | None) -> str | None:
    """A G2 flexible property as text: its name, else its literal, qcode or uri."""
    if element is None:
        return None
    name = text_value(child(element, "name"))
    if name is not None:
        return name
    return attribute(element, "literal") or attribute(element, "qcode") or attribute(element, "uri")


def _content(
    content_set: ET.Element | None, context: ReadContext, field: Any, published: DateValue | None
) -> _xml.Body:
    """The body of the first text rendition: inline NITF, XHTML, or plain text."""
    reference = published if published is not None else None
    for rendition in _all_renditions(content_set):
        name = local(rendition.tag)
        if name == "inlineXML":
            inner = next((element for element in rendition if local(element.tag)), None)
            if inner is None:
                break  # an inlineXML with only comments: an article without text
            if local(inner.tag) == "nitf":
                body = _xml.read_body(child(inner, "body"), context, reference=reference, field=field)
                title = text_value(_xml.path(inner, "head", "title"))
                if body.headline is None and title is not None:
                    body.headline = title
                return body
            out = _xml.Body()
            container = child(inner, "body") if local(inner.tag) == "html" else inner
            out.paragraphs = _xml.body_paragraphs(container)
            out.dateline = _xml.take_dateline(out.paragraphs, field, reference=reference)
            return out
        if name == "inlineData":
            contenttype = (rendition.get("contenttype") or "text/plain").lower()
            if not contenttype.startswith("text/"):
                continue
            out = _xml.Body()
            out.paragraphs = _xml.text_paragraphs(rendition.text or "")
            out.dateline = _xml.take_dateline(out.paragraphs, field, reference=reference)
            return out
    out = _xml.Body()
    out.dateline = field
    return out


def _all_renditions(content_set: ET.Element | None) -> Iterator[ET.Element]:
    if content_set is None:
        return
    for element in content_set:
        if local(element.tag) in ("inlineXML", "inlineData"):
            yield element


# ---------------------------------------------------------------------------
# Writing


_QUIET = _policy.default.clone(errors="skip")


def render_item(article: Article, indent: str) -> str:
    """One ``newsItem`` for *article*, with overrides where it needs them."""
    text = _render(article, None, indent)
    over = _xml.overrides(article, _read_back(text))
    if over is not None:
        text = _render(article, over, indent)
    return text


def _read_back(text: str) -> Article | None:
    context = ReadContext(_QUIET, None)
    found = list(NewsMLG2Format().read(io.BytesIO(text.encode("utf-8")), context))
    return found[0] if len(found) == 1 else None


def _dates_to_write(article: Article) -> dict[str, str]:
    """Each date element's text: the raw ones kept in extra, and `published` in a free slot."""
    extra = article.extra
    dates = {
        name: found for name in (*_ITEM_DATES, *_CONTENT_DATES) if (found := _xml.extra_str(extra, name)) is not None
    }
    published = article.published
    if published is not None:
        context = ReadContext(_QUIET, None)
        timed = isinstance(published, _dt.datetime)
        for slot in _WRITE_ORDER:
            if slot in dates or (slot != "contentCreated" and not timed):
                continue
            earlier = _READ_ORDER[: _READ_ORDER.index(slot)]
            if all(name not in dates or _xml.try_date(dates[name], context) is None for name in earlier):
                dates[slot] = published.isoformat()
                break
    return dates


def _sent(article: Article) -> str:
    # The header needs a transmission time; wirecopy never reads the clock,
    # so the first item's date stands in for it (the epoch when it has none).
    dates = _dates_to_write(article)
    for name in ("versionCreated", "firstCreated"):
        if name in dates:
            return dates[name]
    return "1970-01-01T00:00:00Z"


def _flex_element(name: str, text: str, pad: str) -> str:
    return f'{pad}<{name} literal="{_xml.attr(text)}"/>\n'


def _render(article: Article, overrides: str | None, indent: str) -> str:
    esc, attr = _xml.esc, _xml.attr
    extra = article.extra
    pad = indent + "  "
    pad2 = pad + "  "
    namespace = "" if indent else f' xmlns="{G2_NS}"'
    version = _xml.extra_str(extra, "version")
    version_attr = (
        f' version="{attr(version)}"' if version is not None and version.isdigit() and int(version) > 0 else ""
    )
    out = [
        f'{indent}<newsItem{namespace} guid="{attr(article.id or "")}"{version_attr}'
        ' standard="NewsML-G2" standardversion="2.24">\n',
        f'{pad}<catalogRef href="{_CATALOG}"/>\n',
    ]
    holder = _xml.extra_str(extra, "copyrightHolder")
    notice = _xml.extra_str(extra, "copyrightNotice")
    if holder is not None or notice is not None:
        out.append(f"{pad}<rightsInfo>\n")
        if holder is not None:
            out.append(_flex_element("copyrightHolder", holder, pad2))
        if notice is not None:
            out.append(f"{pad2}<copyrightNotice>{esc(notice)}</copyrightNotice>\n")
        out.append(f"{pad}</rightsInfo>\n")
    dates = _dates_to_write(article)
    out.append(f"{pad}<itemMeta>\n")
    out.append(f'{pad2}<itemClass qcode="ninat:text"/>\n')
    out.append(
        _flex_element("provider", article.source, pad2) if article.source is not None else f"{pad2}<provider/>\n"
    )
    for name in _ITEM_DATES:
        if name in dates:
            out.append(f"{pad2}<{name}>{esc(dates[name])}</{name}>\n")
    title = _xml.extra_str(extra, "title")
    if title is not None:
        out.append(f"{pad2}<title>{esc(title)}</title>\n")
    if overrides is not None:
        out.append(f'{pad2}<wc:article xmlns:wc="{_xml.OVERRIDE_NS}">{esc(overrides)}</wc:article>\n')
    out.append(f"{pad}</itemMeta>\n")
    content = _render_content_meta(article, dates, pad2)
    if content:
        out.append(f"{pad}<contentMeta>\n")
        out.extend(content)
        out.append(f"{pad}</contentMeta>\n")
    body = _render_body(article, pad2)
    if body:
        out.append(f"{pad}<contentSet>\n")
        out.append(f'{pad2}<inlineXML contenttype="application/nitf+xml">\n')
        out.extend(body)
        out.append(f"{pad2}</inlineXML>\n")
        out.append(f"{pad}</contentSet>\n")
    out.append(f"{indent}</newsItem>\n")
    return "".join(out)


def _render_content_meta(article: Article, dates: Mapping[str, str], pad: str) -> list[str]:
    esc, attr = _xml.esc, _xml.attr
    extra = article.extra
    out: list[str] = []
    urgency = _xml.extra_str(extra, "urgency")
    if urgency is not None and urgency.isdigit() and 1 <= int(urgency) <= 9:
        out.append(f"{pad}<urgency>{urgency}</urgency>\n")
    for name in _CONTENT_DATES:
        if name in dates:
            out.append(f"{pad}<{name}>{esc(dates[name])}</{name}>\n")
    for key in ("located", "infoSource", "creator"):
        found = _xml.extra_str(extra, key)
        if found is not None:
            out.append(_flex_element(key, found, pad))
    if article.language is not None:
        out.append(f'{pad}<language tag="{attr(article.language)}"/>\n')
    for subject in article.subjects:
        kind = "qcode" if _QCODE.fullmatch(subject) else "literal"
        out.append(f'{pad}<subject {kind}="{attr(subject)}"/>\n')
    for keyword in _xml.str_items(extra.get("keywords")) or ():
        out.append(f"{pad}<keyword>{esc(keyword)}</keyword>\n")
    slugline = _xml.extra_str(extra, "slugline")
    if slugline is not None:
        out.append(f"{pad}<slugline>{esc(slugline)}</slugline>\n")
    if article.headline is not None:
        out.append(f"{pad}<headline>{esc(article.headline)}</headline>\n")
    subheadline = _xml.extra_str(extra, "subheadline")
    if subheadline is not None:
        out.append(f'{pad}<headline role="hld:subHeadline">{esc(subheadline)}</headline>\n')
    if article.dateline is not None:
        out.append(f"{pad}<dateline>{esc(article.dateline.text)}</dateline>\n")
    if article.byline is not None:
        out.append(f"{pad}<by>{esc(article.byline)}</by>\n")
    creditline = _xml.extra_str(extra, "creditline")
    if creditline is not None:
        out.append(f"{pad}<creditline>{esc(creditline)}</creditline>\n")
    description = _xml.extra_str(extra, "description")
    if description is not None:
        out.append(f"{pad}<description>{esc(description)}</description>\n")
    for highlight in article.highlights:
        out.append(f'{pad}<description role="drol:summary">{esc(highlight)}</description>\n')
    return out


def _render_body(article: Article, pad: str) -> list[str]:
    esc = _xml.esc
    extra = article.extra
    byline_title = _xml.extra_str(extra, "byline_title")
    tagline = _xml.extra_str(extra, "tagline")
    if not article.paragraphs and byline_title is None and tagline is None:
        return []
    inner = pad + "  "
    out = [f'{inner}<nitf xmlns="{_NITF_NS}">\n', f"{inner}  <body>\n"]
    if byline_title is not None:
        out.append(f"{inner}    <body.head><byline><byttl>{esc(byline_title)}</byttl></byline></body.head>\n")
    if article.paragraphs:
        out.append(f"{inner}    <body.content>\n")
        out.extend(f"{inner}      <p>{esc(paragraph)}</p>\n" for paragraph in article.paragraphs)
        out.append(f"{inner}    </body.content>\n")
    if tagline is not None:
        out.append(f"{inner}    <body.end><tagline>{esc(tagline)}</tagline></body.end>\n")
    out.append(f"{inner}  </body>\n{inner}</nitf>\n")
    return out
