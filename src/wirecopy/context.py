"""What a format is handed while it reads: the policy, the file, and the ways to report.

A format never decides by itself whether a problem raises.  It calls
:meth:`ReadContext.defect` for a problem it can work around and
:meth:`ReadContext.skip` for a document it cannot read at all, and the
:class:`~wirecopy.policy.Policy` decides what happens.
"""

from __future__ import annotations

import datetime as _dt
import warnings

from .article import Article, DateValue, Defect, Origin
from .dates import parse_date
from .errors import ParseError, SkippedDocumentWarning, UnknownTimezoneError
from .policy import Policy, default

__all__ = ["ReadContext"]


class ReadContext:
    """The reading state shared by a format and the reader that drives it.

    Args:
        policy: How strict to be.
        source: The file name to put in messages and origins, or ``None``.
        text_encoding: When the input was a ``str``, the encoding it was
            turned into bytes with (so an XML format knows to ignore the
            encoding its declaration names); ``None`` for byte input.

    .. versionadded:: 0.1
    """

    __slots__ = ("_documents", "_skipped", "policy", "source", "text_encoding")

    def __init__(
        self, policy: Policy = default, source: str | None = None, *, text_encoding: str | None = None
    ) -> None:
        self.policy = policy
        self.source = source
        self.text_encoding = text_encoding
        self._skipped: list[ParseError] = []
        self._documents = 0

    @property
    def skipped(self) -> tuple[ParseError, ...]:
        """The errors of the documents left out so far, in input order."""
        return tuple(self._skipped)

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

    def defect(
        self, kind: str, msg: str, *, line: int | None = None, column: int | None = None, snippet: str | None = None
    ) -> Defect:
        """Report a problem the format can work around.

        Returns the :class:`Defect` to put on the article.

        Raises:
            ParseError: Under the ``strict`` policy.
        """
        if self.policy.errors == "strict":
            raise self.error(msg, line=line, column=column, snippet=snippet, kind=kind)
        return Defect(kind=kind, message=msg, line=line, column=column)

    def skip(self, error: ParseError) -> None:
        """Report a document that cannot be read at all; the format then moves on.

        Under ``strict`` the error is raised; under ``warn`` a
        :class:`SkippedDocumentWarning` is issued; in every mode the error is
        kept in :attr:`skipped`.

        Raises:
            ParseError: Under the ``strict`` policy.
        """
        if self.policy.errors == "strict":
            raise error
        self._skipped.append(error)
        if self.policy.errors == "warn":
            warnings.warn(SkippedDocumentWarning(str(error)), stacklevel=2)

    def _discard(self, article: Article) -> None:
        """Count a defective article as skipped, under the ``skip`` policy."""
        first = article.defects[0]
        more = len(article.defects) - 1
        msg = first.message if not more else f"{first.message} (and {more} more defect{'s' * (more > 1)})"
        self._skipped.append(self.error(msg, line=first.line, column=first.column, kind=first.kind))

    def origin(self, *, line: int | None = None, offset: int | None = None) -> Origin:
        """Return the :class:`Origin` of the next document and count it.

        Call it once per document, in input order: the index it records is
        the number of documents seen before.
        """
        index = self._documents
        self._documents += 1
        return Origin(path=self.source, line=line, offset=offset, index=index)

    def date(
        self,
        text: str,
        defects: list[Defect],
        *,
        line: int | None = None,
        column: int | None = None,
        reference: _dt.date | None = None,
        dayfirst: bool = False,
        kind: str = "bad-date",
    ) -> DateValue | None:
        """Parse a date with the policy's zones, reporting failure as a defect.

        An unknown zone abbreviation gives the naive value and a
        ``"unknown-timezone"`` defect; any other failure gives ``None`` and a
        defect of *kind*.  Defects are appended to *defects*.

        Raises:
            ParseError: Under the ``strict`` policy, placed at *line* and
                *column* in this context's file.
        """
        policy = self.policy
        try:
            return parse_date(
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
            defects.append(Defect(kind="unknown-timezone", message=err.msg, line=line, column=moved.colno))
            value: DateValue = err.partial
            return value
        except ParseError as err:
            moved = err.relocate(source=self.source, lineno=line, column=column)
            if policy.errors == "strict":
                moved.kind = kind
                raise moved from None
            defects.append(Defect(kind=kind, message=err.msg, line=line, column=moved.colno))
            return None
