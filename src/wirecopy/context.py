"""What a format is handed while it reads: the policy, the file, and one way to report.

A format never decides by itself whether a problem raises, and never counts
documents itself.  For each document it reads it calls
:meth:`ReadContext.document`, which numbers the document and gives a
:class:`Document`; a problem the format can work around is reported with
:meth:`Document.defect`, and a document (or stray text) that cannot be read at
all with :meth:`Document.leave_out` or :meth:`ReadContext.leave_out`.  The
:class:`~wirecopy.policy.Policy` decides what happens, as
:meth:`email.policy.Policy.handle_defect` does for the email package:

* ``strict``: the first problem raises :class:`~wirecopy.errors.ParseError`;
* ``warn``: defects go on the article; a document left out is counted and
  warned about;
* ``skip``: the same, without warnings (and the reader drops defective
  articles).

Memory stays flat however many documents are left out: the context keeps the
first :data:`MAX_KEPT_ERRORS` errors in full and counts the rest by kind.
"""

from __future__ import annotations

import datetime as _dt
import warnings
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from .article import Article, DateValue, Defect, Origin
from .dates import parse_date
from .defects import BAD_DATE, UNKNOWN_TIMEZONE
from .errors import ParseError, SkippedDocumentWarning, UnknownTimezoneError
from .policy import Policy, default

__all__ = ["MAX_KEPT_ERRORS", "MAX_WARNINGS", "Document", "ProblemHandler", "ReadContext", "Report"]

#: How many errors of documents left out are kept in full; more are only counted.
MAX_KEPT_ERRORS = 1000
#: How many documents left out are warned about one by one under ``warn``; one
#: more warning says that the rest are only counted.
MAX_WARNINGS = 100


class Report(Protocol):
    """Where a helper reports a defect it finds: :meth:`Document.defect` fits, and is the usual one.

    The shared helpers of the format kits (decoding with a fallback, finding
    control characters) take one, so that they report without knowing the
    document or the policy.

    .. versionadded:: 0.1
    """

    def __call__(self, kind: str, message: str, *, line: int | None = ..., column: int | None = ...) -> None:
        """Report a problem of *kind* at *line* and *column*."""


#: A function called with each problem as it is found, defect or document left
#: out (see :class:`ReadContext`), under the ``warn`` and ``skip`` policies.
ProblemHandler = Callable[[ParseError, bool], None]


class ReadContext:
    """The reading state shared by a format and the reader that drives it.

    Args:
        policy: How strict to be.
        source: The file name to put in messages and origins, or ``None``.
        text_encoding: When the input was a ``str``, the encoding it was
            turned into bytes with (so an XML format knows to ignore the
            encoding its declaration names); ``None`` for byte input.
        on_problem: Called with each problem as it is found, under ``warn``
            and ``skip``: ``on_problem(error, left_out)``, where *error* is a
            :class:`~wirecopy.errors.ParseError` naming the file, line,
            column and kind, and *left_out* says whether a document was left
            out (``True``) or a defect recorded (``False``).  The command line
            prints each problem this way.

    Attributes:
        policy: The :class:`~wirecopy.policy.Policy` in force.
        source: The file name, or ``None``.
        text_encoding: ``None`` when the format reads the input's own bytes;
            the name of the encoding when the input was a ``str`` that
            :func:`wirecopy.loads` encoded for the format.  An XML format must
            then ignore the encoding that the XML declaration names, since
            the bytes are in this one (``wirecopy.kit.xml`` does so).
        on_problem: The hook given above, or ``None``.

    .. versionadded:: 0.1
    """

    __slots__ = (
        "_documents",
        "_kept",
        "_kinds",
        "_left_out",
        "_warned",
        "on_problem",
        "policy",
        "source",
        "text_encoding",
    )

    def __init__(
        self,
        policy: Policy = default,
        source: str | None = None,
        *,
        text_encoding: str | None = None,
        on_problem: ProblemHandler | None = None,
    ) -> None:
        self.policy = policy
        self.source = source
        self.text_encoding = text_encoding
        self.on_problem = on_problem
        self._kept: list[ParseError] = []
        self._kinds: Counter[str] = Counter()
        self._left_out = 0
        self._documents = 0
        self._warned = 0

    # -- what has been read -------------------------------------------------

    @property
    def documents(self) -> int:
        """How many documents have been started so far, whether returned or left out."""
        return self._documents

    @property
    def left_out(self) -> int:
        """How many documents (or runs of stray text) have been left out so far."""
        return self._left_out

    @property
    def left_out_kinds(self) -> Mapping[str, int]:
        """How many were left out, by kind (``"truncated-document"``; ``""`` for no kind)."""
        return dict(self._kinds)

    @property
    def skipped(self) -> tuple[ParseError, ...]:
        """The errors of the first :data:`MAX_KEPT_ERRORS` documents left out, in input order.

        :attr:`left_out` counts them all.
        """
        return tuple(self._kept)

    # -- reporting ----------------------------------------------------------

    def document(self, *, line: int | None = None, offset: int | None = None) -> Document:
        """Start a document at *line* (1-based) and byte *offset*, and number it.

        Call it once per document, in input order, before reporting anything
        about the document: its :class:`~wirecopy.article.Origin` index is the
        number of documents started before it, those left out included.
        """
        index = self._documents
        self._documents += 1
        return Document(self, Origin(path=self.source, line=line, offset=offset, index=index))

    def leave_out(
        self,
        kind: str | None,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        snippet: str | None = None,
    ) -> None:
        """Report input that cannot be read at all: a document, or text between documents.

        The format then moves on.  Use :meth:`Document.leave_out` for a
        document already started with :meth:`document`.

        Raises:
            ParseError: Under the ``strict`` policy.
        """
        self._documents += 1
        self._leave_out(self.error(message, line=line, column=column, snippet=snippet, kind=kind))

    def error(
        self,
        msg: str,
        *,
        line: int | None = None,
        column: int | None = None,
        snippet: str | None = None,
        kind: str | None = None,
    ) -> ParseError:
        """Build (not raise) a :class:`ParseError` that names this context's file."""
        return ParseError(msg, source=self.source, lineno=line, colno=column, snippet=snippet, kind=kind)

    def discard(self, article: Article) -> None:
        """Count a defective article as left out, as the ``skip`` policy does."""
        first = article.defects[0]
        more = len(article.defects) - 1
        msg = first.message if not more else f"{first.message} (and {more} more defect{'s' * (more > 1)})"
        self._record(self.error(msg, line=first.line, column=first.column, kind=first.kind), notify=False)

    def _leave_out(self, error: ParseError) -> None:
        if self.policy.errors == "strict":
            raise error
        self._record(error, notify=True)
        if self.policy.errors == "warn":
            self._warn(error)

    def _record(self, error: ParseError, *, notify: bool) -> None:
        self._left_out += 1
        self._kinds[error.kind or ""] += 1
        if len(self._kept) < MAX_KEPT_ERRORS:
            self._kept.append(error)
        if notify and self.on_problem is not None:
            self.on_problem(error, True)

    def _warn(self, error: ParseError) -> None:
        # Each distinct warning text stays in the warnings registry of the
        # caller's module, so an unbounded number would be a leak.
        self._warned += 1
        if self._warned <= MAX_WARNINGS:
            message = str(error)
        elif self._warned == MAX_WARNINGS + 1:
            where = f" of {self.source}" if self.source else ""
            message = (
                f"more than {MAX_WARNINGS} documents{where} left out; "
                "the rest are counted (Reader.left_out), not warned about one by one"
            )
        else:
            return
        warnings.warn(SkippedDocumentWarning(message), stacklevel=4)

    def _defect(self, kind: str, message: str, line: int | None, column: int | None, snippet: str | None) -> Defect:
        if self.policy.errors == "strict":
            raise self.error(message, line=line, column=column, snippet=snippet, kind=kind)
        if self.on_problem is not None:
            self.on_problem(self.error(message, line=line, column=column, snippet=snippet, kind=kind), False)
        return Defect(kind=kind, message=message, line=line, column=column)

    def _date(
        self,
        text: str,
        *,
        line: int | None,
        column: int | None,
        reference: _dt.date | None,
        dayfirst: bool,
        kind: str,
    ) -> tuple[DateValue | None, Defect | None]:
        policy = self.policy
        try:
            value = parse_date(
                text,
                default_tz=policy.default_tz,
                reference=reference if reference is not None else policy.reference,
                tzinfos=policy.zones,
                dayfirst=dayfirst,
            )
        except UnknownTimezoneError as err:
            moved = err.relocate(source=self.source, lineno=line, column=column)
            if policy.errors == "strict":
                raise moved from None
            partial: DateValue = err.partial
            return partial, self._defect(UNKNOWN_TIMEZONE, err.msg, line, moved.colno, None)
        except ParseError as err:
            moved = err.relocate(source=self.source, lineno=line, column=column)
            if policy.errors == "strict":
                moved.kind = kind
                raise moved from None
            return None, self._defect(kind, err.msg, line, moved.colno, None)
        return value, None


class Document:
    """One document being read: its origin, and the defects found in it so far.

    Made by :meth:`ReadContext.document`; a format reports through it and
    builds the article with :meth:`article`.

    .. versionadded:: 0.1
    """

    __slots__ = ("context", "defects", "origin")

    def __init__(self, context: ReadContext, origin: Origin) -> None:
        self.context = context
        """The :class:`ReadContext` the document is read in."""
        self.origin = origin
        """Where the document starts, and its index in the input."""
        self.defects: list[Defect] = []
        """The defects reported so far, in the order found."""

    def defect(
        self,
        kind: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        snippet: str | None = None,
    ) -> None:
        """Report a problem the format can work around; it goes on the article.

        *kind* is a name from :mod:`wirecopy.defects` (or a plugin's own);
        *line* and *column* are 1-based and place the problem in the file.

        Raises:
            ParseError: Under the ``strict`` policy.
        """
        self.defects.append(self.context._defect(kind, message, line, column, snippet))

    def leave_out(
        self,
        kind: str | None,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        snippet: str | None = None,
    ) -> None:
        """Report that this document cannot be read at all; the format must not return it.

        Raises:
            ParseError: Under the ``strict`` policy.
        """
        context = self.context
        context._leave_out(context.error(message, line=line, column=column, snippet=snippet, kind=kind))

    def date(
        self,
        text: str,
        *,
        line: int | None = None,
        column: int | None = None,
        reference: _dt.date | None = None,
        dayfirst: bool = False,
        kind: str = BAD_DATE,
    ) -> DateValue | None:
        """Parse a date with the policy's zones, reporting failure as a defect.

        *line* and *column* place the first character of *text*.  An unknown
        zone abbreviation gives the naive value and an ``unknown-timezone``
        defect; any other failure gives ``None`` and a defect of *kind*.

        Raises:
            ParseError: Under the ``strict`` policy.
        """
        value, defect = self.context._date(
            text, line=line, column=column, reference=reference, dayfirst=dayfirst, kind=kind
        )
        if defect is not None:
            self.defects.append(defect)
        return value

    def article(self, **fields: Any) -> Article:
        """Build the :class:`~wirecopy.article.Article` with this document's origin and defects."""
        return Article(origin=self.origin, defects=self.defects, **fields)
