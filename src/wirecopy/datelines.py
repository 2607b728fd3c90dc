"""Datelines as fields: ``WASHINGTON (AP) --`` into place, region and agency.

Format-agnostic and pure: every format with a dateline at the head of its
body uses :func:`split_dateline`, and no other dateline parser exists in the
package.  :attr:`Dateline.text <wirecopy.article.Dateline.text>` keeps the
dateline exactly as written, so :func:`render_dateline` gives it back.
"""

from __future__ import annotations

import datetime as _dt
import re

from .article import Dateline
from .errors import ParseError

__all__ = ["parse_dateline", "render_dateline", "split_dateline"]

# A place starts with a letter and holds letters, spaces, dots, apostrophes
# and hyphens; the agency is a short parenthesised name.  Case is free: the
# seed writes "moscow, russia (reuters) --".
_DATELINE = re.compile(
    r"""
    (?P<text>
        (?:
            (?P<place>[^\W\d_][^\W\d_.'’ -]*(?:[ .'’-]+[^\W\d_][^\W\d_'’-]*)*\.?)
            (?:,[ ]+(?P<region>[^\W\d_][^\W\d_.'’ -]*(?:[ .'’-]+[^\W\d_][^\W\d_'’-]*)*\.?))?
            [ ]+
        )?
        \((?P<agency>[^\W\d_][^()\n]{0,30})\)
        [ ]*(?P<dash>--|—|–|\x97|-|_)
    )
    (?:[ \t]+|$)
    """,
    re.VERBOSE,
)


def split_dateline(paragraph: str, *, reference: _dt.date | None = None) -> tuple[Dateline | None, str]:
    """Split the dateline off the start of *paragraph*.

    Returns:
        ``(dateline, rest)``; ``(None, paragraph)`` when the paragraph does
        not open with a dateline.

    .. versionadded:: 0.1
    """
    match = _DATELINE.match(paragraph)
    if match is None:
        return None, paragraph
    return _dateline(match), paragraph[match.end() :]


def parse_dateline(text: str, *, reference: _dt.date | None = None) -> Dateline:
    """Parse *text*, which must be a dateline and nothing else.

    Raises:
        ParseError: *text* is not a dateline.

    .. versionadded:: 0.1
    """
    match = _DATELINE.fullmatch(text.strip())
    if match is None:
        msg = f"not a dateline: {text!r}"
        raise ParseError(msg, colno=1, snippet=text)
    return _dateline(match)


def render_dateline(dateline: Dateline) -> str:
    """Return the dateline as written, the inverse of :func:`parse_dateline`.

    .. versionadded:: 0.1
    """
    return dateline.text


def _dateline(match: re.Match[str]) -> Dateline:
    return Dateline(
        text=match["text"],
        place=match["place"],
        region=match["region"],
        agency=match["agency"],
    )
