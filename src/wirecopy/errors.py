"""The exceptions and warnings wirecopy raises.

Every exception derives from :class:`WirecopyError`, so ``except
WirecopyError`` catches anything wirecopy raises on bad input.  Each class also
derives from the builtin that fits it (``ValueError``, ``LookupError``), so
code that already catches those keeps working.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

__all__ = [
    "AmbiguousFormatError",
    "DuplicateFormatError",
    "FormatLoadError",
    "ParseError",
    "SkippedDocumentWarning",
    "UncountedDocumentWarning",
    "UnknownFormatError",
    "UnknownTimezoneError",
    "WirecopyError",
    "WirecopyWarning",
    "WriteError",
]


class WirecopyError(Exception):
    """The base class of every exception wirecopy raises.

    .. versionadded:: 0.1
    """


class ParseError(WirecopyError, ValueError):
    """The input could not be read.

    The message names the file, line and column:
    ``Missing date in header (at seeds/x.txt, line 1, column 40)``.

    Attributes:
        msg: The bare message, without the position.
        source: The file name, or ``None`` for in-memory text.
        lineno: The 1-based line, or ``None`` when unknown.
        colno: The 1-based column, or ``None`` when unknown.
        snippet: A short excerpt of the offending input, or ``None``.
        kind: The defect kind when the error comes from a defect under the
            ``strict`` policy (``"missing-date"``), else ``None``.

    .. versionadded:: 0.1
    """

    msg: str
    source: str | None
    lineno: int | None
    colno: int | None
    snippet: str | None
    kind: str | None

    def __init__(
        self,
        msg: str,
        *,
        source: str | None = None,
        lineno: int | None = None,
        colno: int | None = None,
        snippet: str | None = None,
        kind: str | None = None,
    ) -> None:
        self.msg = msg
        self.source = source
        self.lineno = lineno
        self.colno = colno
        self.snippet = snippet
        self.kind = kind
        super().__init__(self._render())

    def _render(self) -> str:
        where = []
        if self.source is not None:
            where.append(self.source)
        if self.lineno is not None:
            where.append(f"line {self.lineno}")
        if self.colno is not None:
            where.append(f"column {self.colno}")
        return f"{self.msg} (at {', '.join(where)})" if where else self.msg

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only arguments do not survive the default exception pickling,
        # and errors cross process boundaries in parallel conversions.
        return (_rebuild_parse_error, (type(self), self.msg, self._fields()))

    def _fields(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "lineno": self.lineno,
            "colno": self.colno,
            "snippet": self.snippet,
            "kind": self.kind,
        }

    def relocate(self, *, source: str | None, lineno: int | None, column: int | None = None) -> ParseError:
        """Return a copy placed in a file.

        Parsers of fragments (a date, a dateline) know only the column within
        the fragment; the format that called them knows where the fragment
        sits.  *column* is the 1-based column of the fragment's first
        character, and the copy's :attr:`colno` is shifted by it.
        """
        moved = copy.copy(self)
        moved.source = source
        moved.lineno = lineno
        if column is not None:
            moved.colno = column + (self.colno or 1) - 1
        moved.args = (moved._render(),)
        return moved


def _rebuild_parse_error(cls: type[ParseError], msg: str, fields: dict[str, Any]) -> ParseError:
    return cls(msg, **fields)


class UnknownTimezoneError(ParseError):
    """A timestamp names a zone abbreviation that wirecopy's table lacks.

    wirecopy never guesses a zone, and never drops one silently.  The naive
    value is kept in :attr:`partial`, so a lenient reader can record a defect
    and use it.

    Attributes:
        partial: The timestamp without its zone.

    .. versionadded:: 0.1
    """

    def __init__(self, text: str, partial: Any, **fields: Any) -> None:
        self.text = text
        self.partial = partial
        fields.setdefault("colno", 1)
        fields.setdefault("snippet", text)
        super().__init__(f"unknown time zone in {text.strip()!r}", **fields)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_unknown_tz, (self.text, self.partial, self._fields()))


def _rebuild_unknown_tz(text: str, partial: Any, fields: dict[str, Any]) -> UnknownTimezoneError:
    return UnknownTimezoneError(text, partial, **fields)


class WriteError(WirecopyError, ValueError):
    """An article cannot be written in the requested format.

    Raised, for instance, when a format needs a headline and the article has
    none.  The message names the article by its id or headline.

    .. versionadded:: 0.1
    """


class UnknownFormatError(WirecopyError, LookupError):
    """No format has the requested name or alias.

    Attributes:
        name: The name that was asked for.
        known: The names of every format that is available.

    .. versionadded:: 0.1
    """

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(f"no format for alias {name!r} found; known formats: {', '.join(self.known)}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.name, self.known))


class AmbiguousFormatError(WirecopyError, ValueError):
    """Format detection was not sure enough to pick one format.

    Attributes:
        source: The file name, or ``None``.
        candidates: ``(name, score)`` pairs, best first.

    .. versionadded:: 0.1
    """

    def __init__(self, source: str | None, candidates: Sequence[tuple[str, float]]) -> None:
        self.source = source
        self.candidates = tuple(candidates)
        shown = ", ".join(f"{name} ({score:.2f})" for name, score in self.candidates[:5]) or "none"
        where = f" of {source}" if source else ""
        super().__init__(f"cannot tell the format{where}; candidates: {shown}; pass format= to choose one")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.candidates))


class DuplicateFormatError(WirecopyError, ValueError):
    """Two formats claim the same name or alias.

    Attributes:
        name: The contested name.
        first: Where the format already registered comes from.
        second: Where the newcomer comes from.

    .. versionadded:: 0.1
    """

    def __init__(self, name: str, first: str, second: str) -> None:
        self.name = name
        self.first = first
        self.second = second
        super().__init__(f"format {name!r} from {second} is already registered by {first}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.name, self.first, self.second))


class FormatLoadError(WirecopyError, ImportError):
    """A format plugin could not be loaded.

    The message names the entry point and its distribution, so a user knows
    which installed package to fix.

    .. versionadded:: 0.1
    """


class WirecopyWarning(UserWarning):
    """The base class of the warnings wirecopy issues.

    .. versionadded:: 0.1
    """


class SkippedDocumentWarning(WirecopyWarning):
    """A document could not be read and was left out, under the ``warn`` policy.

    The warning's message is the :class:`ParseError`'s.

    .. versionadded:: 0.1
    """


class UncountedDocumentWarning(WirecopyWarning):
    """A format's count of documents does not add up: one may have been lost without a word.

    Every document a format starts with :meth:`ReadContext.document
    <wirecopy.context.ReadContext.document>` must be returned or left out
    with a report.  When a reader finishes and the documents started are not
    the documents returned plus those left out, the format has a bug (or
    does not number its documents); the warning names it.

    .. versionadded:: 0.1
    """
