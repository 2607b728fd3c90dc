"""The override record: what a writer stores of an article that the format's own elements cannot hold.

A writer renders an article, reads it back, and when the article read back
is not equal to the one written (a character XML cannot carry, an ``extra``
key the format has no element for), stores the JSON of the fields that
differ in a record of its own (``<meta name="wirecopy-article">`` in NITF);
the reader finds the record and puts those fields back.  Other readers see
one more element or attribute, and ignore it.
"""

from __future__ import annotations

import json

import attrs

from ..article import Article
from ..context import Document
from ..defects import BAD_OVERRIDES

__all__ = ["OVERRIDE_NAME", "OVERRIDE_NS", "apply_record", "record_for"]

#: The name the built-in writers give their record (a NITF ``meta``, a
#: NewsML 1 ``Property``, an RCV1 ``dc`` element).
OVERRIDE_NAME = "wirecopy-article"
#: The namespace of the NewsML-G2 extension element that holds the record.
OVERRIDE_NS = "urn:wirecopy:article:1"
_FIELDS = (
    "id",
    "source",
    "headline",
    "byline",
    "published",
    "dateline",
    "paragraphs",
    "highlights",
    "subjects",
    "language",
    "extra",
)


def apply_record(article: Article, record: str, document: Document) -> Article:
    """Replace the fields a writer recorded in *record*, JSON of article fields.

    A record that cannot be applied is reported on *document* as a
    ``bad-overrides`` defect, and the article is returned as read.
    """
    try:
        fields = json.loads(record)
        if not isinstance(fields, dict) or not set(fields) <= set(_FIELDS):
            raise ValueError("not an object of article fields")
        data = article.to_dict()
        data.update(fields)
        return Article.from_dict(data)
    except (ValueError, TypeError) as err:
        document.defect(BAD_OVERRIDES, f"the {OVERRIDE_NAME} record was ignored: {err}")
        return attrs.evolve(article, defects=tuple(document.defects))


def record_for(article: Article, again: Article | None) -> str | None:
    """The record of the fields that *again* (the article read back) gets wrong, or ``None``.

    *again* is ``None`` when the text read back gave no single article.
    """
    wanted = article.to_dict()
    if again is None:
        differ = [name for name in _FIELDS if wanted[name] != Article(format="x").to_dict()[name]]
    else:
        got = again.to_dict()
        differ = [
            name for name in _FIELDS if getattr(article, name) != getattr(again, name) or wanted[name] != got[name]
        ]
    if not differ:
        return None
    return json.dumps({name: wanted[name] for name in differ}, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
