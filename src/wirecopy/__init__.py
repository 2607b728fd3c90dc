"""wirecopy: news wire copy into typed ``Article`` records, and back.

>>> import wirecopy
>>> articles = wirecopy.loads(text, "cnn-reuters")  # doctest: +SKIP
>>> wirecopy.dumps(articles, "jsonl")  # doctest: +SKIP

The public API is what this module lists in ``__all__``.
"""

import typing as _typing

from .api import Reader, dump, dumps, iter_load, load, loads, read
from .article import Article, Dateline, DateValue, Defect, FrozenDict, Origin
from .context import Document, ReadContext
from .datelines import find_dateline, parse_dateline, render_dateline, split_dateline
from .dates import format_date, parse_date
from .detection import Candidate, Detection, detect, detect_text
from .errors import (
    AmbiguousFormatError,
    DuplicateFormatError,
    FormatLoadError,
    ParseError,
    SkippedDocumentWarning,
    UncountedDocumentWarning,
    UnknownFormatError,
    UnknownTimezoneError,
    WirecopyError,
    WirecopyWarning,
    WriteError,
)
from .format import Format
from .policy import Policy
from .registry import PluginWarning, get_format, list_formats, register_format
from .report import ConvertReport, ErrorRecord, FileReport

if _typing.TYPE_CHECKING:
    from .conversion import ConvertError, ConvertInterrupted, convert

# Corpus conversion brings in process pools, signals and temporary files;
# it is imported on first use so that `import wirecopy` does not pay for it.
_LAZY = {"convert", "ConvertError", "ConvertInterrupted"}

__all__ = [
    "AmbiguousFormatError",
    "Article",
    "Candidate",
    "ConvertError",
    "ConvertInterrupted",
    "ConvertReport",
    "DateValue",
    "Dateline",
    "Defect",
    "Detection",
    "Document",
    "DuplicateFormatError",
    "ErrorRecord",
    "FileReport",
    "Format",
    "FormatLoadError",
    "FrozenDict",
    "Origin",
    "ParseError",
    "PluginWarning",
    "Policy",
    "ReadContext",
    "Reader",
    "SkippedDocumentWarning",
    "UncountedDocumentWarning",
    "UnknownFormatError",
    "UnknownTimezoneError",
    "WirecopyError",
    "WirecopyWarning",
    "WriteError",
    "convert",
    "detect",
    "detect_text",
    "dump",
    "dumps",
    "find_dateline",
    "format_date",
    "get_format",
    "iter_load",
    "list_formats",
    "load",
    "loads",
    "parse_date",
    "parse_dateline",
    "read",
    "register_format",
    "render_dateline",
    "split_dateline",
]


def __getattr__(name: str) -> _typing.Any:
    if name in _LAZY:
        from . import conversion

        value = getattr(conversion, name)
        globals()[name] = value  # later lookups skip this function
        return value
    # Read from the installed metadata, lazily, so that importing wirecopy
    # does not pay for importlib.metadata.
    if name == "__version__":
        from importlib.metadata import version

        return version("wirecopy")
    msg = f"module 'wirecopy' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
