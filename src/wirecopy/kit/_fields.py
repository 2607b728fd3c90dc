"""The header fields of the wire family: :class:`Fields`, re-exported by :mod:`wirecopy.kit.wire`."""

from __future__ import annotations

import re
from collections.abc import Callable

from ._transmissions import CONTROL_NAMES, Line


class Fields:
    """Reads the fields of a fixed-layout header line one by one, reporting the first bad one.

    *report* is called once, with the message and the 0-based index of the
    bad field in the line, and every later read then gives ``None``: after a
    bad field, the position of the next one is unknown.
    :meth:`~wirecopy.kit.wire.TransmissionReader.fields` makes one that
    reports a ``bad-header`` defect.
    """

    def __init__(self, line: Line, start: int, label: str, report: Callable[[str, int], None]) -> None:
        self.text = line.text.rstrip(" \t\r")
        self.at = start
        self.label = label
        self.report = report
        self.failed = False
        """Whether a field has been reported."""

    def _fail(self, what: str) -> None:
        got = self.text[self.at : self.at + 20]
        shown = "".join(f"<{CONTROL_NAMES[c]}>" if c in CONTROL_NAMES else c for c in got)
        self.report(f"{self.label}: expected {what}, got {shown!r}", self.at)
        self.failed = True

    def take(self, pattern: re.Pattern[str], what: str) -> re.Match[str] | None:
        """Match the next field, or report it (*what* names it: ``"the priority (a digit)"``)."""
        match = self._read(pattern.match, what)
        if match is not None:
            self.at = match.end()
        return match

    def rest(self, pattern: re.Pattern[str], what: str) -> re.Match[str] | None:
        """Match the rest of the line, or report it."""
        return self._read(pattern.fullmatch, what)

    def _read(self, method: Callable[[str, int], re.Match[str] | None], what: str) -> re.Match[str] | None:
        if self.failed:
            return None
        match = method(self.text, self.at)
        if match is None:
            self._fail(what)
        return match
