"""The formats that ship with wirecopy, one module each.

:data:`BUILTIN_FORMATS` is a static table, so that finding a format by name
imports nothing but that format's module.  A test checks the table against
the classes it names.
"""

from __future__ import annotations

import sys
import types
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..format import Format

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
    "trec-wapo": ("wirecopy.formats.trec_wapo:TRECWashingtonPostFormat", ("wapo", "washington-post")),
    "reuters21578-sgml": ("wirecopy.formats.reuters21578:Reuters21578Format", ("reuters21578",)),
    "nitf": ("wirecopy.formats.nitf:NITFFormat", ()),
    "newsml-g2": ("wirecopy.formats.newsml_g2:NewsMLG2Format", ("newsmlg2", "g2")),
    "newsml-1": ("wirecopy.formats.newsml1:NewsML1Format", ("newsml1", "newsml")),
    "rcv1-xml": ("wirecopy.formats.rcv1:RCV1Format", ("rcv1",)),
    "parquet": ("wirecopy.formats.parquet:ParquetFormat", ()),
}


class _CallableModule(types.ModuleType):
    """This package, callable for one release as the ``wirecopy.formats()`` function was.

    Until 0.1 ``wirecopy.formats`` was a function, which hid this package
    (``import wirecopy.formats as m`` gave the function).  Calling the package
    still works, with a :class:`DeprecationWarning`, so that code written
    against the function keeps running while it moves to
    :func:`wirecopy.list_formats`.  Setting the module's class (rather than
    replacing the module in :data:`sys.modules`) keeps every import of the
    package and its submodules as it is.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> tuple[Format, ...]:
        warnings.warn(
            "wirecopy.formats() is deprecated; use wirecopy.list_formats() (wirecopy.formats is the package)",
            DeprecationWarning,
            stacklevel=2,
        )
        from ..registry import default_registry

        return default_registry.all()


sys.modules[__name__].__class__ = _CallableModule
