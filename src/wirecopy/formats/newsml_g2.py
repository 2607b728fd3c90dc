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
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO
from xml.etree import ElementTree as ET

from .. import policy as _policy
from ..article import Article, DateValue
from ..defects import FRAGMENT, MISSING_ITEM_META, NOT_TEXT_ITEM
from ..kit.xml import OVERRIDE_NS, Item, Root, XMLFormat, attribute, child, index, local, path, text_value, value
from ..kit.xml import escape as esc
from ..kit.xml import escape_attribute as attr
from . import _nitf_body
from ._xml_fields import (
    add_repeated,
    element_dateline,
    extra_str,
    is_byline,
    is_preamble,
    read_date,
    str_items,
    take_dateline,
    try_date,
    unique,
    wrap,
)
from ._xml_paragraphs import body_paragraphs, text_paragraphs

__all__ = ["NewsMLG2Format"]

#: The NewsML-G2 (IPTC News Architecture) namespace.
G2_NS = "http://iptc.org/std/nar/2006-10-01/"
_NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml"
_RECORD_TAG = f"{{{OVERRIDE_NS}}}article"

_ITEMS = frozenset({"newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"})
# The parts of a newsItem that the IPTC's own examples show alone.
_FRAGMENTS = frozenset({"contentMeta", "contentSet"})
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


class NewsMLG2Format(XMLFormat):
    """IPTC NewsML-G2 news items, alone or in a news message.

    Reads the ``guid`` into :attr:`~wirecopy.Article.id`, the dates of
    ``itemMeta`` and ``contentMeta``, the provider, headline (by role),
    ``by``, dateline, language and subject codes, and the body from inline
    NITF, XHTML or plain text.  A message is read item by item, each dropped
    once read, so a message of any size reads in constant memory; picture,
    video, graphic and package items are left out as ``not-text-item``.

    Writes one ``newsItem``, or a ``newsMessage`` for several articles, with
    the body as inline NITF.  What NewsML-G2 cannot hold exactly goes into a
    ``<wc:article xmlns:wc="urn:wirecopy:article:1">`` JSON record at the end
    of ``itemMeta`` (the schema's extension point), which wirecopy reads
    back, so that every article reads back equal.  An article with no date
    is written without the ``versionCreated`` the schema requires, and one
    whose date has no time puts it in ``contentCreated`` only.

    .. versionadded:: 0.1
    """

    name = "newsml-g2"
    aliases = ("newsmlg2", "g2")
    document_name = "a NewsML-G2 document"
    item_name = "NewsML-G2 item"
    # A bare contentMeta or contentSet is a fragment, read with a defect.
    roots = _ITEMS | _FRAGMENTS
    envelopes = frozenset({"newsMessage"})
    items = _ITEMS
    item_depth = 2  # newsMessage/itemSet/newsItem
    extensions = (".xml",)
    media_types = ("application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml")
    description = "IPTC NewsML-G2 (2.x): a newsItem, or a newsMessage of items, with inline NITF or XHTML"
    url = "https://iptc.org/standards/newsml-g2/"
    version_added = "0.1"

    def sniff_root(self, root: Root) -> float:
        """A G2 item or message root is certain; a bare ``contentMeta`` fragment is likely."""
        if root.name in ("newsItem", "newsMessage", "packageItem"):
            return 1.0 if G2_NS in root.attributes else 0.9
        if root.name in _FRAGMENTS:
            return 0.8
        return 0.0

    def read_item(self, item: Item) -> Article | None:
        """Build the article of a text ``newsItem``; leave other items out."""
        element = item.element
        document = item.document
        name = local(element.tag)
        if name in _FRAGMENTS:
            missing = "content" if name == "contentMeta" else "contentMeta"
            document.defect(
                FRAGMENT,
                f"a <{name}> fragment, not a NewsML-G2 item: read without guid, itemMeta or {missing}",
                line=item.line,
                column=1,
            )
            wrapper = ET.Element("newsItem")
            wrapper.append(element)
            return read_news_item(wrapper, item, self.name)
        guid = value(element.get("guid"))
        label = f"{name} {guid!r}" if guid else name
        if name != "newsItem":
            message = f"{label} skipped: a {name} holds no story text"
            document.leave_out(NOT_TEXT_ITEM, message, line=item.line, column=1)
            return None
        item_class = attribute(path(element, "itemMeta", "itemClass"), "qcode")
        if item_class is not None and item_class.rpartition(":")[2] not in _TEXT_CLASSES:
            message = f"{label} skipped: its item class {item_class!r} is not text"
            document.leave_out(NOT_TEXT_ITEM, message, line=item.line, column=1)
            return None
        if child(element, "itemMeta") is None:
            document.defect(MISSING_ITEM_META, f"{label} has no <itemMeta>", line=item.line, column=1)
        return read_news_item(element, item, self.name)

    def render(self, article: Article, record: str | None, **options: Any) -> str:
        """One ``newsItem`` for *article*, at the indentation *options* give (``indent``)."""
        return _render(article, record, options.get("indent", ""))

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write one ``newsItem``, or a ``newsMessage`` holding one item per article."""
        iterator = iter(articles)
        first = list(itertools.islice(iterator, 2))
        if not first:
            return
        if len(first) == 1:
            stream.write(('<?xml version="1.0" encoding="UTF-8"?>\n' + self.render_item(first[0])).encode("utf-8"))
            return
        sent = _sent(first[0])
        stream.write(
            (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<newsMessage xmlns="{G2_NS}">\n'
                f"  <header>\n    <sent>{esc(sent)}</sent>\n  </header>\n"
                "  <itemSet>\n"
            ).encode()
        )
        for article in itertools.chain(first, iterator):
            stream.write(self.render_item(article, indent="    ").encode("utf-8"))
        stream.write(b"  </itemSet>\n</newsMessage>\n")


# ---------------------------------------------------------------------------
# Reading


def read_news_item(news_item: ET.Element, item: Item, format_name: str) -> Article:
    """Build the article of one ``newsItem`` element (*item*'s, or a wrapper around a fragment)."""
    document = item.document
    policy = document.context.policy
    extra: dict[str, Any] = {}
    version = value(news_item.get("version"))
    if version is not None:
        extra["version"] = version
    parts = index(news_item)
    item_meta = parts.get("itemMeta")
    content_meta = parts.get("contentMeta")
    # One pass over each: the first of each element, and those that repeat.
    meta = index(item_meta)
    notes: dict[str, Any] = {}
    for element in item_meta if item_meta is not None else ():
        if element.tag == _RECORD_TAG:
            item.record = element.text or ""
        elif local(element.tag) == "edNote":
            text = text_value(element)
            if text is not None:
                add_repeated(notes, element.get("role") or "", text)
    content: dict[str, ET.Element] = {}
    subjects: list[str] = []
    keywords: list[str] = []
    headline = subheadline = None
    summaries: list[str] = []
    description = None
    for element in content_meta if content_meta is not None else ():
        name = local(element.tag)
        content.setdefault(name, element)
        if name == "subject":
            code = attribute(element, "qcode") or attribute(element, "literal")
            if code is not None:
                subjects.append(code)
        elif name == "keyword":
            word = text_value(element)
            if word:
                keywords.append(word)
        elif name == "headline":
            text = text_value(element)
            if text is None:
                continue
            if "sub" in (element.get("role") or "").lower():
                subheadline = subheadline or text
            elif headline is None:
                headline = text
        elif name == "description":
            text = text_value(element)
            if text is None:
                continue
            if (element.get("role") or "").endswith("summary"):
                summaries.append(text)
            elif description is None:
                description = text
    _keep(extra, "title", text_value(meta.get("title")))
    rights = index(parts.get("rightsInfo"))
    _keep(extra, "copyrightHolder", _flex(rights.get("copyrightHolder")))
    _keep(extra, "copyrightNotice", text_value(rights.get("copyrightNotice")))

    raw: dict[str, str] = {}
    for block, names in ((meta, _ITEM_DATES), (content, _CONTENT_DATES)):
        for name in names:
            _keep(raw, name, text_value(block.get(name)))
    parsed = {name: read_date(text, document, where=(item.line, None)) for name, text in raw.items()}
    chosen = next((name for name in _READ_ORDER if parsed.get(name) is not None), None)
    published: DateValue | None = parsed[chosen] if chosen is not None else None
    for name in ("versionCreated", "firstCreated", "embargoed", "contentCreated", "contentModified"):
        if name in raw and name != chosen:
            extra[name] = raw[name]

    _keep(extra, "urgency", text_value(content.get("urgency")))
    for key in ("located", "infoSource", "creator"):
        _keep(extra, key, _flex(content.get(key)))
    language = attribute(content.get("language"), "tag") or value(news_item.get(_XML_LANG))
    if keywords:
        extra["keywords"] = keywords
    _keep(extra, "slugline", text_value(content.get("slugline")))
    byline = text_value(content.get("by"))
    _keep(extra, "creditline", text_value(content.get("creditline")))
    _keep(extra, "description", description)
    if summaries:
        extra["summary"] = summaries[0] if len(summaries) == 1 else summaries
    if notes:
        extra["edNote"] = notes
    dateline_text = text_value(content.get("dateline"))
    field = element_dateline(dateline_text, policy, reference=published) if dateline_text else None

    body = _content(parts.get("contentSet"), policy, field, published)
    for key, found in body.extra.items():
        extra.setdefault(key, found)
    _keep(extra, "subheadline", subheadline)
    return body.article(
        document,
        format=format_name,
        id=value(news_item.get("guid")),
        source=_flex(meta.get("provider")) or body.distributor,
        headline=headline or body.headline,
        byline=_lift_byline(body.paragraphs, byline or body.byline),
        published=published,
        subjects=unique(subjects),
        language=language,
        extra=extra,
    )


def _keep(found: dict[str, Any], key: str, text: str | None) -> None:
    """Put *text* into *found* under *key*, unless it is ``None``."""
    if text is not None:
        found[key] = text


def _lift_byline(paragraphs: list[str], byline: str | None) -> str | None:
    """The byline, lifted from a ``By ...`` paragraph before the story (Reuters) when the item has none.

    The paragraph leaves the body; so does one that repeats the byline the
    item gives (``By Dave McNary`` under ``<by>Dave McNary</by>``).
    """
    for number, paragraph in enumerate(paragraphs):
        if is_byline(paragraph):
            if byline is None:
                del paragraphs[number]
                return paragraph
            if _same_name(paragraph, byline):
                del paragraphs[number]
            return byline
        if not is_preamble(paragraph):
            break
    return byline


def _same_name(paragraph: str, byline: str) -> bool:
    def name(text: str) -> str:
        text = text.casefold()
        return " ".join((text[3:] if text.startswith("by ") else text).replace(",", " ").split())

    return name(paragraph) == name(byline)


def _flex(element: ET.Element | None) -> str | None:
    """A G2 flexible property as text: its name, else its literal, qcode or uri."""
    if element is None:
        return None
    name = text_value(child(element, "name"))
    if name is not None:
        return name
    return attribute(element, "literal") or attribute(element, "qcode") or attribute(element, "uri")


def _content(
    content_set: ET.Element | None, policy: _policy.Policy, field: Any, published: DateValue | None
) -> _nitf_body.Body:
    """The body of the first text rendition: inline NITF, XHTML, or plain text."""
    reference = published if published is not None else None
    for rendition in _all_renditions(content_set):
        name = local(rendition.tag)
        if name == "inlineXML":
            inner = next((element for element in rendition if local(element.tag)), None)
            if inner is None:
                break  # an inlineXML with only comments: an article without text
            if local(inner.tag) == "nitf":
                body = _nitf_body.read_body(child(inner, "body"), policy, reference=reference, field=field, wire=True)
                title = text_value(path(inner, "head", "title"))
                if body.headline is None and title is not None:
                    body.headline = title
                return body
            out = _nitf_body.Body()
            container = child(inner, "body") if local(inner.tag) == "html" else inner
            out.paragraphs = body_paragraphs(container, wire=True)
            out.dateline = take_dateline(out.paragraphs, field, reference=reference)
            return out
        if name == "inlineData":
            contenttype = (rendition.get("contenttype") or "text/plain").lower()
            if not contenttype.startswith("text/"):
                continue
            out = _nitf_body.Body()
            out.paragraphs = text_paragraphs(rendition.text or "")
            out.dateline = take_dateline(out.paragraphs, field, reference=reference)
            return out
    out = _nitf_body.Body()
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


def _dates_to_write(article: Article) -> dict[str, str]:
    """Each date element's text: the raw ones kept in extra, and `published` in a free slot."""
    extra = article.extra
    dates = {name: found for name in (*_ITEM_DATES, *_CONTENT_DATES) if (found := extra_str(extra, name)) is not None}
    published = article.published
    if published is not None:
        policy = _policy.default
        timed = isinstance(published, _dt.datetime)
        for slot in _WRITE_ORDER:
            if slot in dates or (slot != "contentCreated" and not timed):
                continue
            earlier = _READ_ORDER[: _READ_ORDER.index(slot)]
            if all(name not in dates or try_date(dates[name], policy) is None for name in earlier):
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
    return f'{pad}<{name} literal="{attr(text)}"/>\n'


def _render(article: Article, overrides: str | None, indent: str) -> str:
    extra = article.extra
    pad = indent + "  "
    pad2 = pad + "  "
    namespace = "" if indent else f' xmlns="{G2_NS}"'
    version = extra_str(extra, "version")
    version_attr = (
        f' version="{attr(version)}"' if version is not None and version.isdigit() and int(version) > 0 else ""
    )
    out = [
        f'{indent}<newsItem{namespace} guid="{attr(article.id or "")}"{version_attr}'
        ' standard="NewsML-G2" standardversion="2.24">\n',
        f'{pad}<catalogRef href="{_CATALOG}"/>\n',
    ]
    holder = extra_str(extra, "copyrightHolder")
    notice = extra_str(extra, "copyrightNotice")
    if holder is not None or notice is not None:
        out.append(f"{pad}<rightsInfo>\n")
        if holder is not None:
            out.append(_flex_element("copyrightHolder", holder, pad2))
        out += _line(pad2, "copyrightNotice", notice)
        out.append(f"{pad}</rightsInfo>\n")
    dates = _dates_to_write(article)
    out.append(f"{pad}<itemMeta>\n")
    out.append(f'{pad2}<itemClass qcode="ninat:text"/>\n')
    out.append(
        _flex_element("provider", article.source, pad2) if article.source is not None else f"{pad2}<provider/>\n"
    )
    for name in _ITEM_DATES:
        out += _line(pad2, name, dates.get(name))
    out += _line(pad2, "title", extra_str(extra, "title"))
    notes = extra.get("edNote")
    if isinstance(notes, Mapping):
        for role, texts in notes.items():
            role_attr = f' role="{attr(role)}"' if role and _QCODE.fullmatch(role) else ""
            if role and not role_attr:
                continue  # not a QCode: the record keeps it
            for text in [texts] if isinstance(texts, str) else str_items(texts) or []:
                out += _line(pad2, "edNote", text, role_attr)
    out += _line(pad2, "wc:article", overrides, f' xmlns:wc="{OVERRIDE_NS}"')
    out.append(f"{pad}</itemMeta>\n")
    out += wrap(pad, "contentMeta", _render_content_meta(article, dates, pad2))
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
    extra = article.extra
    out: list[str] = []
    urgency = extra_str(extra, "urgency")
    if urgency is not None and urgency.isdigit() and 1 <= int(urgency) <= 9:
        out.append(f"{pad}<urgency>{urgency}</urgency>\n")
    for name in _CONTENT_DATES:
        out += _line(pad, name, dates.get(name))
    for key in ("located", "infoSource", "creator"):
        found = extra_str(extra, key)
        if found is not None:
            out.append(_flex_element(key, found, pad))
    if article.language is not None:
        out.append(f'{pad}<language tag="{attr(article.language)}"/>\n')
    for subject in article.subjects:
        kind = "qcode" if _QCODE.fullmatch(subject) else "literal"
        out.append(f'{pad}<subject {kind}="{attr(subject)}"/>\n')
    for keyword in str_items(extra.get("keywords")) or ():
        out += _line(pad, "keyword", keyword)
    out += _line(pad, "slugline", extra_str(extra, "slugline"))
    out += _line(pad, "headline", article.headline)
    out += _line(pad, "headline", extra_str(extra, "subheadline"), ' role="hld:subHeadline"')
    out += _line(pad, "dateline", article.dateline.text if article.dateline is not None else None)
    out += _line(pad, "by", article.byline)
    out += _line(pad, "creditline", extra_str(extra, "creditline"))
    out += _line(pad, "description", extra_str(extra, "description"))
    summary = extra.get("summary")
    for text in [summary] if isinstance(summary, str) else str_items(summary) or []:
        out += _line(pad, "description", text, ' role="drol:summary"')
    return out


def _line(pad: str, name: str, text: str | None, attributes: str = "") -> list[str]:
    """``<name attributes>text</name>`` on a line of its own; nothing when *text* is ``None``."""
    return [] if text is None else [f"{pad}<{name}{attributes}>{esc(text)}</{name}>\n"]


def _render_body(article: Article, pad: str) -> list[str]:
    extra = article.extra
    byline_title = extra_str(extra, "byline_title")
    tagline = extra_str(extra, "tagline")
    if not article.paragraphs and byline_title is None and tagline is None and not article.highlights:
        return []
    inner = pad + "  "
    out = [f'{inner}<nitf xmlns="{_NITF_NS}">\n', f"{inner}  <body>\n"]
    head = []
    if byline_title is not None:
        head.append(f"<byline><byttl>{esc(byline_title)}</byttl></byline>")
    if article.highlights:
        head.append(f"<abstract>{''.join(f'<p>{esc(text)}</p>' for text in article.highlights)}</abstract>")
    if head:
        out.append(f"{inner}    <body.head>{''.join(head)}</body.head>\n")
    if article.paragraphs:
        out.append(f"{inner}    <body.content>\n")
        out.extend(
            f"{inner}      {_nitf_body.paragraph_element(paragraph, layout=True)}\n" for paragraph in article.paragraphs
        )
        out.append(f"{inner}    </body.content>\n")
    if tagline is not None:
        out.append(f"{inner}    <body.end><tagline>{esc(tagline)}</tagline></body.end>\n")
    out.append(f"{inner}  </body>\n{inner}</nitf>\n")
    return out
