"""How the text of a date is quoted in messages."""

from __future__ import annotations


def shown(text: str) -> str:
    """The text as a message quotes it: stripped, in quotes."""
    return repr(text.strip())
