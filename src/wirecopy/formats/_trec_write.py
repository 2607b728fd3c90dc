"""The trec-sgml writer: Gigaword-style documents that trec-sgml reads back unchanged."""

from __future__ import annotations

import datetime as _dt
import re
import textwrap
from typing import Any

from ..article import Article
from ..kit.sgml import SGMLFormat, escape, escape_attribute
from ._trec_ids import id_parts

__all__ = ["render"]

# Element names the writer produces itself, which an extra key must not reuse.
_RESERVED = frozenset(
    {
        "doc",
        "docno",
        "docid",
        "doctype",
        "date_time",
        "datetime",
        "date",
        "header",
        "body",
        "headline",
        "hl",
        "byline",
        "dateline",
        "text",
        "p",
        "post",
        "poster",
        "postdate",
        "source",
        "trailer",
        "slug",
        "category",
        "end_time",
    }
)

_GIGAWORD_ID = re.compile(r"[A-Z]{3}_[A-Z]{3}_\d{8}\.\d{4}")
_WIDTH = 80


def render(fmt: SGMLFormat, article: Article) -> str:
    """Write *article* as a Gigaword-style ``<DOC>`` (see :meth:`TRECSGMLFormat.render`).

    Raises:
        WriteError: The article has no id, or its id cannot be an attribute value.
    """
    if not article.id:
        fmt.refuse(article, "it has no id")
    if any(c in article.id for c in '"<>&\n\r') or article.id != article.id.strip():
        fmt.refuse(article, "the id must be plain text on one line")
    esc = escape
    extra = dict(article.extra)
    out = []
    agency, id_date = id_parts(article.id)
    doc_type = extra.pop("type", None)
    attributes = ""
    gigaword = _GIGAWORD_ID.fullmatch(article.id) is not None
    if gigaword:
        attributes += f' id="{article.id}"'
    if isinstance(doc_type, str):
        attributes += f' type="{escape_attribute(doc_type)}"'
    out.append(f"<DOC{attributes}>\n")
    if not gigaword:
        out.append(f"<DOCNO> {esc(article.id)} </DOCNO>\n")
    doctype = extra.pop("doctype", None)
    doctype_attributes = {k: extra.pop(k) for k in list(extra) if k.startswith("doctype_")}
    if doctype is not None or doctype_attributes:
        attrs = "".join(f' {k[8:].upper()}="{esc(str(v))}"' for k, v in doctype_attributes.items())
        out.append(f"<DOCTYPE{attrs}> {esc(str(doctype or ''))} </DOCTYPE>\n")
    if article.source != agency:
        out.append(f"<SOURCE> {esc(article.source or '')} </SOURCE>\n")
    published = article.published
    date_raw = extra.pop("date", None)
    if published is not None and not (type(published) is _dt.date and published == id_date and date_raw is None):
        out.append(f"<DATE_TIME> {published.isoformat()} </DATE_TIME>\n")
    elif published is None and isinstance(date_raw, str):
        out.append(f"<DATE_TIME> {esc(date_raw)} </DATE_TIME>\n")
    elif published is None and id_date is not None:
        # Without it the date in the id would be read as the date.
        out.append("<DATE_TIME> </DATE_TIME>\n")
    header = extra.pop("header", None)
    extra.pop("anpa", None)
    if isinstance(header, str):
        out.append(f"<HEADER>\n{esc(header)}\n</HEADER>\n")
    for key in ("slug", "category"):
        value = extra.pop(key, None)
        if isinstance(value, str):
            out.append(f"<{key.upper()}> {esc(value)} </{key.upper()}>\n")
    if article.headline is not None:
        out.append(f"<HEADLINE>\n{esc(article.headline)}\n</HEADLINE>\n")
    if article.byline is not None:
        out.append(f"<BYLINE> {esc(article.byline)} </BYLINE>\n")
    for line in _lines(extra.pop("preamble", ())):
        out.append(f"{esc(line)}\n")
    if article.dateline is not None:
        out.append(f"<DATELINE>\n{esc(article.dateline.text)}\n</DATELINE>\n")
    extra.pop("posters", None)
    out.append("<TEXT>\n")
    for paragraph in article.paragraphs:
        wrapped = textwrap.fill(esc(paragraph), _WIDTH, break_long_words=False, break_on_hyphens=False)
        out.append(f"<P>\n{wrapped}\n</P>\n")
    out.append("</TEXT>\n")
    for line in _lines(extra.pop("postscript", ())):
        out.append(f"{esc(line)}\n")
    for key in ("trailer", "end_time"):
        value = extra.pop(key, None)
        if isinstance(value, str):
            out.append(f"<{key.upper()}>\n{esc(value)}\n</{key.upper()}>\n")
    for key, value in extra.items():
        # Other elements of the source come back as elements of their own.
        if re.fullmatch(r"[a-z][a-z0-9_]*", key) and key not in _RESERVED and isinstance(value, str):
            out.append(f"<{key.upper()}> {esc(value)} </{key.upper()}>\n")
    out.append("</DOC>\n")
    return "".join(out)


def _lines(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        return [item for item in value if isinstance(item, str)]
    return []
