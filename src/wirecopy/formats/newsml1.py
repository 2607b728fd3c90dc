"""IPTC NewsML 1.x (1.0 to 1.2): a ``NewsML`` envelope of ``NewsItem`` elements.

::

    <NewsML Version="1.2">
      <NewsEnvelope><DateAndTime>20140829T135006Z</DateAndTime>...</NewsEnvelope>
      <NewsItem>
        <Identification><NewsIdentifier>...<PublicIdentifier>urn:newsml:afp.com:...</PublicIdentifier>
        </NewsIdentifier></Identification>
        <NewsManagement><FirstCreated>20140829T134951+0000</FirstCreated>...</NewsManagement>
        <NewsComponent>
          <NewsLines><HeadLine>...</HeadLine><DateLine>STOCKHOLM, Aug 29, 2014 (AFP) -</DateLine></NewsLines>
          <ContentItem><MediaType FormalName="Text"/><DataContent><nitf>...</nitf></DataContent></ContentItem>
        </NewsComponent>
      </NewsItem>
    </NewsML>

One article per ``NewsItem`` with text; items are read one at a time and
dropped.  The writer puts every article in one envelope, its body as NITF in
the ``DataContent``, written by the same code as the ``nitf`` writer's.  See
``docs/formats/newsml-1.md``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO
from xml.etree import ElementTree as ET

import attrs

from .. import policy as _policy
from ..article import Article, DateValue
from ..defects import NOT_TEXT_ITEM
from ..kit.xml import OVERRIDE_NAME, Item, XMLFormat, attribute, child, children, index, local, text_value, value
from ..kit.xml import escape as esc
from ..kit.xml import escape_attribute as attr
from . import _nitf_body
from ._xml_fields import (
    add_repeated,
    element_dateline,
    extra_str,
    read_date,
    str_items,
    take_dateline,
    try_date,
    unique,
    wrap,
)
from ._xml_paragraphs import body_paragraphs, text_paragraphs

__all__ = ["NewsML1Format"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SUBJECT_CODES = frozenset({"Subject", "SubjectMatter", "SubjectDetail"})
# Where `published` comes from, first valid wins.
_READ_ORDER = ("FirstCreated", "ThisRevisionCreated", "DateAndTime")


class NewsML1Format(XMLFormat):
    """IPTC NewsML 1.x news items (AFP, ANA-MPA and others).

    Reads the ``PublicIdentifier`` (a ``urn:newsml:`` URN) into
    :attr:`~wirecopy.Article.id`, the ``NewsManagement`` dates, the
    ``NewsLines`` (headline, subheadline, byline, dateline, credit and
    copyright lines), the provider, language and subject codes, and the body
    from the text ``ContentItem``: NITF, bare paragraphs, or HTML and plain
    text in CDATA.  One article per ``NewsItem`` with text; items are read
    one at a time and dropped.

    Writes a NewsML 1.2 document: a ``NewsEnvelope`` and one ``NewsItem``
    per article, the body as NITF (written by the same code as the ``nitf``
    writer's).  The envelope's ``DateAndTime`` (the transmission time, which
    every item of the envelope reads as its own) is the first article's
    ``extra["DateAndTime"]`` when it is a date, or left empty: wirecopy never
    reads the clock.  What NewsML 1's elements cannot hold exactly goes into
    a ``<Property FormalName="wirecopy-article" Value="{JSON}"/>`` at the end
    of ``NewsManagement``, which wirecopy reads back and other readers see as
    one more property, so that every article reads back equal.  Nothing is
    written for no articles.

    .. versionadded:: 0.1
    """

    name = "newsml-1"
    aliases = ("newsml1", "newsml")
    document_name = "a NewsML 1 document"
    item_name = "NewsML document"
    envelopes = frozenset({"NewsML"})
    items = frozenset({"NewsItem"})
    extensions = (".xml",)
    media_types = ("text/vnd.IPTC.NewsML", "application/xml")
    description = "IPTC NewsML 1.x (1.0-1.2): NewsItems in a NewsML envelope, with NITF or HTML bodies"
    url = "https://iptc.org/standards/newsml-1/"
    version_added = "0.1"

    def render(self, article: Article, record: str | None, **options: Any) -> str:
        """One ``NewsItem`` for *article*."""
        return _render(article, record)

    def read_back_text(self, text: str, **options: Any) -> str:
        """The item in an envelope sent at ``options["sent"]``, as :meth:`write` puts it."""
        return f"<NewsML><NewsEnvelope>{_element('DateAndTime', options.get('sent'))}</NewsEnvelope>\n{text}</NewsML>"

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write a NewsML 1.2 document: a ``NewsEnvelope`` and one ``NewsItem`` per article."""
        iterator = iter(articles)
        first = next(iterator, None)
        if first is None:
            return
        sent = _raw_date(first, "DateAndTime")
        stream.write(
            (
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<NewsML Version="1.2">\n'
                "  <NewsEnvelope>\n"
                f"    {_element('DateAndTime', sent)}\n"
                "  </NewsEnvelope>\n"
            ).encode()
        )
        for article in itertools.chain((first,), iterator):
            stream.write(self.render_item(article, sent=sent).encode("utf-8"))
        stream.write(b"</NewsML>\n")

    def read_item(self, item: Item) -> Article | None:
        """Build the article of a ``NewsItem`` with text; leave out one whose content is all pictures."""
        news_item = item.element
        document = item.document
        policy = document.context.policy
        envelope = child(item.envelope, "NewsEnvelope")
        parts = index(news_item)
        identification = index(parts.get("Identification"))
        identifier = index(identification.get("NewsIdentifier"))
        public_id = text_value(identifier.get("PublicIdentifier"))
        news_item_id = text_value(identifier.get("NewsItemId"))
        label = f"NewsItem {public_id or news_item_id!r}" if public_id or news_item_id else "NewsItem"
        survey = _Survey(news_item)
        contents = survey.contents
        media = [attribute(child(content, "MediaType"), "FormalName") for content in contents]
        texts = [content for content, kind in zip(contents, media, strict=True) if _is_text(content, kind)]
        if contents and not texts:
            kinds = ", ".join(sorted({kind for kind in media if kind}))
            document.leave_out(
                NOT_TEXT_ITEM, f"{label} skipped: its content is {kinds}, not text", line=item.line, column=1
            )
            return None
        extra: dict[str, Any] = {}
        for name in ("ProviderId", "DateId", "NewsItemId", "RevisionId"):
            found = text_value(identifier.get(name))
            if found is not None:
                extra[name] = found
        for name in ("NameLabel", "DateLabel"):
            found = text_value(identification.get(name))
            if found is not None:
                extra[name] = found
        management_element = parts.get("NewsManagement")
        for prop in children(management_element, "Property"):
            if prop.get("FormalName") == OVERRIDE_NAME:
                item.record = prop.get("Value", "")
        management = index(management_element)
        for name in ("Status", "Urgency"):
            found = attribute(management.get(name), "FormalName")
            if found is not None:
                extra[name] = found
        raw = {
            name: found
            for name, found in (
                ("FirstCreated", text_value(management.get("FirstCreated"))),
                ("ThisRevisionCreated", text_value(management.get("ThisRevisionCreated"))),
                ("DateAndTime", text_value(child(envelope, "DateAndTime"))),
            )
            if found is not None
        }
        parsed = {name: read_date(text, document, where=(item.line, None)) for name, text in raw.items()}
        chosen = next((name for name in _READ_ORDER if parsed.get(name) is not None), None)
        published: DateValue | None = parsed[chosen] if chosen is not None else None
        for name in _READ_ORDER:
            if name in raw and name != chosen:
                extra[name] = raw[name]

        lines = survey.lines
        for key, name in (
            ("subheadline", "SubHeadLine"),
            ("creditline", "CreditLine"),
            ("copyright", "CopyrightLine"),
            ("slugline", "SlugLine"),
        ):
            found = lines.get(name)
            if found is not None:
                extra[key] = found
        news_lines = _news_lines(survey.news_lines)
        if news_lines:
            extra["newsline"] = news_lines
        descriptive = survey.descriptive
        language = (
            next(
                (
                    found
                    for meta in descriptive
                    for found in [attribute(child(meta, "Language"), "FormalName")]
                    if found
                ),
                None,
            )
            or value(news_item.get(_XML_LANG))
            or survey.component_language
        )
        provider = survey.provider or survey.source
        dateline = _dateline(lines, descriptive, survey.origin_city, policy, published)
        body = _nitf_body.Body()
        for content in texts:
            body = _content(content, policy, dateline, published)
            if body.paragraphs:
                break
        else:
            body.dateline = body.dateline or dateline
        for key, found in body.extra.items():
            extra.setdefault(key, found)
        return body.article(
            document,
            format=self.name,
            id=public_id or news_item_id,
            source=provider or extra.get("ProviderId"),
            headline=lines.get("HeadLine") or body.headline,
            byline=lines.get("ByLine") or body.byline,
            published=published,
            subjects=unique(survey.subjects),
            language=language,
            extra=extra,
        )


def _is_text(content: ET.Element, kind: str | None) -> bool:
    """Whether a ``ContentItem`` holds text: its ``MediaType`` says so (or nothing), or its ``MimeType`` does.

    TASS sends its NITF as ``MediaType`` ``ComplexData`` with ``MimeType``
    ``text/vnd.IPTC.NITF``.
    """
    if kind is None or kind.lower() == "text":
        return True
    mime = (attribute(child(content, "MimeType"), "FormalName") or "").lower()
    return mime.startswith("text/") or mime.endswith(("nitf+xml", "xhtml+xml", "/xml"))


# The elements _Survey.note reads; the walk passes the others by.
_NOTED = _SUBJECT_CODES | {
    "ContentItem",
    "NewsLines",
    "DescriptiveMetadata",
    "Topic",
    "Provider",
    "Source",
    "NewsComponent",
    "Location",
}


class _Survey:
    """What one walk over a ``NewsItem`` finds, down to its ``DataContent`` (the body is read apart).

    The news lines come from every ``NewsLines`` of the item, the first text
    of each kind winning: a nested item (TASS) keeps its copyright line in
    the outer component and its headline and dateline in an inner one.
    """

    __slots__ = (
        "component_language",
        "contents",
        "descriptive",
        "lines",
        "news_lines",
        "origin_city",
        "provider",
        "source",
        "subjects",
    )

    def __init__(self, news_item: ET.Element) -> None:
        self.contents: list[ET.Element] = []
        self.descriptive: list[ET.Element] = []
        self.lines: dict[str, str] = {}
        self.news_lines: list[ET.Element] = []
        self.subjects: list[str] = []
        self.provider: str | None = None
        self.source: str | None = None
        self.component_language: str | None = None
        self.origin_city: str | None = None
        noted = _NOTED
        stack = [iter(news_item)]
        while stack:
            for element in stack[-1]:
                name = local(element.tag)
                if name == "DataContent":
                    continue
                if name in noted:
                    self._note(element, name)
                if len(element):
                    stack.append(iter(element))
                    break
            else:
                stack.pop()

    def _note(self, element: ET.Element, name: str) -> None:
        if name in _SUBJECT_CODES:
            code = element.get("FormalName")
            if code:
                self.subjects.append(code.strip())
        elif name == "ContentItem":
            self.contents.append(element)
        elif name == "NewsLines":
            for line in element:
                kind = local(line.tag)
                if kind == "NewsLine":
                    self.news_lines.append(line)
                elif kind and kind not in self.lines:
                    text = text_value(line)
                    if text is not None:
                        self.lines[kind] = text
        elif name == "DescriptiveMetadata":
            self.descriptive.append(element)
        elif name == "Topic":
            code = text_value(child(element, "FormalName"))
            if code is not None:
                self.subjects.append(code)
        elif name == "Provider":
            self.provider = self.provider or attribute(child(element, "Party"), "FormalName")
        elif name == "Source":
            self.source = self.source or attribute(child(element, "Party"), "FormalName")
        elif name == "NewsComponent":
            self.component_language = self.component_language or value(element.get(_XML_LANG))
        elif name == "Location" and self.origin_city is None and element.get("HowPresent", "Origin") == "Origin":
            for prop in children(element, "Property"):
                if prop.get("FormalName") == "City":
                    city = value(prop.get("Value"))
                    if city is not None:
                        self.origin_city = city
                        break


def _news_lines(lines: list[ET.Element]) -> dict[str, Any]:
    """The ``NewsLine`` texts (an advisory, a catchword), by their ``NewsLineType``; repeated types as lists."""
    found: dict[str, Any] = {}
    for line in lines:
        text = text_value(child(line, "NewsLineText"))
        if text is None:
            continue
        add_repeated(found, attribute(child(line, "NewsLineType"), "FormalName") or "", text)
    return found


def _dateline(
    lines: dict[str, str],
    descriptive: list[ET.Element],
    city: str | None,
    policy: _policy.Policy,
    published: DateValue | None,
) -> Any:
    """The dateline of the ``NewsLines``, with the city of origin and the date ``DescriptiveMetadata`` gives.

    The city is the dateline's place where the text begins with it, or
    where the text names no place of its own (TASS: ``January 21``, city
    ``MOSCOW``).
    """
    text = lines.get("DateLine")
    dated = None
    for meta in descriptive:
        dated = dated or text_value(child(meta, "DateLineDate"))
    if text is None:
        return None
    date = try_date(dated, policy) if dated else None
    place = text[: len(city)] if city and text.casefold().startswith(city.casefold()) else None
    found = element_dateline(text, policy, place=place, date=date, reference=published)
    if found is not None and found.place is None and city is not None and place is None:
        found = attrs.evolve(found, place=city)
    return found


def _content(content: ET.Element, policy: _policy.Policy, field: Any, published: DateValue | None) -> _nitf_body.Body:
    """The body of one text ``ContentItem``: NITF, bare elements, or text (HTML or plain)."""
    data = child(content, "DataContent")
    out = _nitf_body.Body()
    if data is None:
        out.dateline = field
        return out
    nitf = child(data, "nitf")
    if nitf is not None:
        return _nitf_body.read_body(child(nitf, "body"), policy, reference=published, field=field)
    if len(data):
        out.paragraphs = body_paragraphs(data)
    else:
        out.paragraphs = text_paragraphs(data.text or "")
    out.dateline = take_dateline(out.paragraphs, field, reference=published)
    return out


# ---------------------------------------------------------------------------
# Writing


# The two NewsManagement dates (the envelope's DateAndTime is shared by every item).
_WRITE_SLOTS = ("FirstCreated", "ThisRevisionCreated")
_IDENTIFIER = ("ProviderId", "DateId", "NewsItemId", "RevisionId")
_NEWS_LINES = (
    ("SubHeadLine", "subheadline"),
    ("ByLine", None),
    ("DateLine", None),
    ("CreditLine", "creditline"),
    ("CopyrightLine", "copyright"),
    ("SlugLine", "slugline"),
)
_IPTC_CODE = re.compile(r"\d{8}")


def _element(name: str, text: str | None) -> str:
    """``<name>text</name>``, or ``<name/>`` for a required element wirecopy has nothing for."""
    return f"<{name}/>" if text is None else f"<{name}>{esc(text)}</{name}>"


def _raw_date(article: Article, name: str) -> str | None:
    """A raw date kept in extra, when it is one: a date element never holds what would fail to read."""
    found = extra_str(article.extra, name)
    if found is None or try_date(found, _policy.default) is None:
        return None  # the record keeps it
    return found


def _dates_to_write(article: Article) -> dict[str, str]:
    """The NewsManagement dates: the raw ones kept in extra, and `published` in the first free slot."""
    dates = {name: found for name in _WRITE_SLOTS if (found := _raw_date(article, name)) is not None}
    # FirstCreated is what the reader takes first; when extra keeps a raw one,
    # the record keeps `published`.
    if article.published is not None and "FirstCreated" not in dates:
        dates["FirstCreated"] = _nitf_body.norm(article.published)
    return dates


def _render(article: Article, overrides: str | None) -> str:
    extra = article.extra
    out = ["  <NewsItem>\n", "    <Identification>\n", "      <NewsIdentifier>\n"]
    # NewsML requires every part of the identifier: those wirecopy does not
    # know are written empty, which reads back as absent.
    for name in _IDENTIFIER:
        found = extra_str(extra, name)
        if name == "RevisionId":
            revision = "" if found is None else esc(found)
            out.append(f'        <RevisionId PreviousRevision="0" Update="N">{revision}</RevisionId>\n')
        else:
            out.append(f"        {_element(name, found)}\n")
    out.append(f"        {_element('PublicIdentifier', article.id)}\n")
    out.append("      </NewsIdentifier>\n")
    for name in ("NameLabel", "DateLabel"):
        found = extra_str(extra, name)
        if found is not None:
            out.append(f"      {_element(name, found)}\n")
    out.append("    </Identification>\n")
    dates = _dates_to_write(article)
    out.append("    <NewsManagement>\n")
    out.append('      <NewsItemType FormalName="News"/>\n')
    for name in _WRITE_SLOTS:
        out.append(f"      {_element(name, dates.get(name))}\n")
    out.append(f'      <Status FormalName="{attr(extra_str(extra, "Status") or "")}"/>\n')
    urgency = extra_str(extra, "Urgency")
    if urgency is not None:
        out.append(f'      <Urgency FormalName="{attr(urgency)}"/>\n')
    if overrides is not None:
        out.append(f'      <Property FormalName="{OVERRIDE_NAME}" Value="{attr(overrides)}"/>\n')
    out.append("    </NewsManagement>\n")
    out.append("    <NewsComponent>\n")
    out.extend(_render_news_lines(article))
    if article.source is not None:
        out.append(
            "      <AdministrativeMetadata>\n"
            f'        <Provider><Party FormalName="{attr(article.source)}"/></Provider>\n'
            "      </AdministrativeMetadata>\n"
        )
    out.extend(_render_descriptive(article))
    # The body is NITF, written as the nitf writer writes it; the headline,
    # byline, dateline and provider have their NewsML homes above.
    extra_bylines = extra_str(extra, "byline_title") is not None or bool(extra.get("other_bylines"))
    body = _nitf_body.render_body(
        article, " " * 12, hedline=False, byline=extra_bylines, distributor=False, dateline=False
    )
    if body:
        out.append(
            "      <ContentItem>\n"
            '        <MediaType FormalName="Text"/>\n'
            '        <Format FormalName="NITF3.1"/>\n'
            "        <DataContent>\n"
            "          <nitf>\n"
            "            <body>\n"
        )
        out.extend(body)
        out.append("            </body>\n          </nitf>\n        </DataContent>\n      </ContentItem>\n")
    out.append("    </NewsComponent>\n  </NewsItem>\n")
    return "".join(out)


def _render_news_lines(article: Article) -> list[str]:
    extra = article.extra
    lines: list[str] = []
    subheadline = extra_str(extra, "subheadline")
    if article.headline is not None or subheadline is not None:
        # A SubHeadLine follows a HeadLine, empty when there is none.
        lines.append(_element("HeadLine", article.headline))
    for name, key in _NEWS_LINES:
        if key is not None:
            found = extra_str(extra, key)
        elif name == "ByLine":
            found = article.byline
        else:
            found = article.dateline.text if article.dateline is not None else None
        if found is not None:
            lines.append(_element(name, found))
    news_lines = extra.get("newsline")
    if isinstance(news_lines, Mapping):
        for kind, texts in news_lines.items():
            kind_element = f'<NewsLineType FormalName="{attr(kind)}"/>' if kind else ""
            for text in [texts] if isinstance(texts, str) else str_items(texts) or []:
                lines.append(f"<NewsLine>{kind_element}{_element('NewsLineText', text)}</NewsLine>")
    if not lines:
        return []
    return ["      <NewsLines>\n", *(f"        {line}\n" for line in lines), "      </NewsLines>\n"]


def _render_descriptive(article: Article) -> list[str]:
    out: list[str] = []
    if article.language is not None:
        out.append(f'        <Language FormalName="{attr(article.language)}"/>\n')
    if article.subjects:
        out.append("        <SubjectCode>\n")
        out.extend(
            f'          <{_subject_element(subject)} FormalName="{attr(subject)}"/>\n' for subject in article.subjects
        )
        out.append("        </SubjectCode>\n")
    dateline = article.dateline
    if dateline is not None and dateline.date is not None:
        out.append(f"        <DateLineDate>{_nitf_body.norm(dateline.date)}</DateLineDate>\n")
    if dateline is not None and dateline.place is not None:
        out.append(
            '        <Location HowPresent="Origin">'
            f'<Property FormalName="City" Value="{attr(dateline.place)}"/></Location>\n'
        )
    return wrap("      ", "DescriptiveMetadata", out)


def _subject_element(code: str) -> str:
    """The element an IPTC subject code goes in by its level (``04000000``, ``04011000``, ``04011002``)."""
    if not _IPTC_CODE.fullmatch(code) or code.endswith("000000"):
        return "Subject"
    return "SubjectMatter" if code.endswith("000") else "SubjectDetail"
