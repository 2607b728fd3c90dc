"""wirecopy: news wire copy into typed ``Article`` records, and back.

>>> import wirecopy
>>> articles = wirecopy.loads(text, "cnn-reuters")  # doctest: +SKIP
>>> wirecopy.dumps(articles, "jsonl")  # doctest: +SKIP

The public API is what this module lists in ``__all__``.
"""

from .api import Reader, dump, dumps, load, loads, read
from .article import Article, Dateline, DateValue, Defect, FrozenDict, Origin
from .context import ReadContext
from .conversion import ConvertError, ConvertInterrupted, convert
from .datelines import parse_dateline, render_dateline, split_dateline
from .dates import format_date, parse_date
from .detection import Candidate, Detection, detect
from .errors import (
    AmbiguousFormatError,
    DuplicateFormatError,
    FormatLoadError,
    ParseError,
    SkippedDocumentWarning,
    UnknownFormatError,
    UnknownTimezoneError,
    WirecopyError,
    WirecopyWarning,
    WriteError,
)
from .policy import Policy
from .registry import Format, PluginWarning, formats, get_format, register_format
from .report import ConvertReport, ErrorRecord, FileReport

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
    "UnknownFormatError",
    "UnknownTimezoneError",
    "WirecopyError",
    "WirecopyWarning",
    "WriteError",
    "convert",
    "detect",
    "dump",
    "dumps",
    "format_date",
    "formats",
    "get_format",
    "load",
    "loads",
    "parse_date",
    "parse_dateline",
    "read",
    "register_format",
    "render_dateline",
    "split_dateline",
]


def __getattr__(name: str) -> str:
    # Read from the installed metadata, lazily, so that importing wirecopy
    # does not pay for importlib.metadata.
    if name == "__version__":
        from importlib.metadata import version

        return version("wirecopy")
    msg = f"module 'wirecopy' has no attribute {name!r}"
    raise AttributeError(msg)
