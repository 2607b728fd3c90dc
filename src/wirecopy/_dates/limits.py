"""The bounds on what is read as a date, and how a date is quoted in messages.

A date in wire copy is a few dozen characters, so a longer text is refused
before any pattern or helper library sees it: no input can make the layouts
or dateutil do work that grows with it, and no message quotes a megabyte.
dateutil turns a number into a ``Decimal`` and an ``int``, which cost time
that grows with its digits and fail past 28 of them, so a number longer than
any date's is refused before dateutil sees it.
"""

from __future__ import annotations

import re

from ..errors import ParseError

#: The most characters a date may have, whitespace around it not counted.
LONGEST_DATE = 256
#: The most digits in a row dateutil is given (``20001230180000`` has 14).
LONGEST_NUMBER = 14
# What a message quotes of a text too long to quote whole.
_EXCERPT = 40
_LONG_NUMBER = re.compile(rf"\d{{{LONGEST_NUMBER + 1},}}")


def excerpt(text: str) -> str:
    """*text* in quotes, cut short if it is longer than any date."""
    if len(text) <= LONGEST_DATE:
        return repr(text)
    return repr(text[:_EXCERPT]) + "..."


def shown(text: str) -> str:
    """The text of a date as a message quotes it: stripped, in quotes, cut short if too long."""
    return excerpt(text.strip())


def check_length(text: str, stripped: str) -> None:
    """Refuse a text longer than :data:`LONGEST_DATE`, pointing at the first character past it.

    Raises:
        ParseError: *stripped* (*text* stripped) is too long to be a date.
    """
    if len(stripped) > LONGEST_DATE:
        msg = f"not a date: {shown(text)} has {len(stripped)} characters, more than any date ({LONGEST_DATE})"
        lead = len(text) - len(text.lstrip())
        raise ParseError(msg, colno=lead + LONGEST_DATE + 1, snippet=stripped[:_EXCERPT])


def check_numbers(text: str) -> None:
    """Refuse a number of more than :data:`LONGEST_NUMBER` digits, pointing at it.

    Raises:
        ParseError: *text* holds such a number.
    """
    match = _LONG_NUMBER.search(text)
    if match is not None:
        digits = match.end() - match.start()
        msg = f"not a date: {shown(text)} has a number of {digits} digits, more than any date's ({LONGEST_NUMBER})"
        raise ParseError(msg, colno=match.start() + 1, snippet=text)
