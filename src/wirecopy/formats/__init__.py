"""The formats that ship with wirecopy, one module each.

:data:`BUILTIN_FORMATS` is a static table, so that finding a format by name
imports nothing but that format's module.  A test checks the table against
the classes it names.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["BUILTIN_FORMATS"]

#: ``{name: ("module:Class", aliases)}`` for every built-in format.
BUILTIN_FORMATS: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "anpa-1312": ("wirecopy.formats.anpa1312:ANPA1312Format", ("anpa",)),
    "cnn-reuters": ("wirecopy.formats.cnn_reuters:CNNReutersFormat", ("cnn",)),
    "iptc-7901": ("wirecopy.formats.iptc7901:IPTC7901Format", ("iptc7901",)),
    "jsonl": ("wirecopy.formats.jsonl:JSONLinesFormat", ("json-lines", "wirecopy-jsonl")),
    "cnndm-story": ("wirecopy.formats.cnndm_story:CNNDailyMailStoryFormat", ("story", "cnn-dailymail")),
    "rfc822-news": ("wirecopy.formats.rfc822_news:RFC822NewsFormat", ("usenet",)),
    "plain-text": ("wirecopy.formats.plain_text:PlainTextFormat", ("text", "plaintext")),
    "trec-sgml": ("wirecopy.formats.trec_sgml:TRECSGMLFormat", ("trec", "gigaword", "aquaint")),
    "reuters21578-sgml": ("wirecopy.formats.reuters21578:Reuters21578Format", ("reuters21578",)),
    "nitf": ("wirecopy.formats.nitf:NITFFormat", ()),
    "newsml-g2": ("wirecopy.formats.newsml_g2:NewsMLG2Format", ("newsmlg2", "g2")),
    "newsml-1": ("wirecopy.formats.newsml1:NewsML1Format", ("newsml1", "newsml")),
    "rcv1-xml": ("wirecopy.formats.rcv1:RCV1Format", ("rcv1",)),
}
