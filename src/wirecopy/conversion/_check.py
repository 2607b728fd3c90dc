"""What an output file must look like to be taken as done: its size, its line count and its last line.

The worker counts while it writes; a rerun counts again what it finds, and
converts the input again when the two differ (an output cut short, written
twice, or replaced by something else since).
"""

from __future__ import annotations

import hashlib
import io
from typing import Any

import attrs

__all__ = ["OutputCheck", "Tally", "check_file"]


@attrs.frozen
class OutputCheck:
    """The size in bytes, the line count and a digest of the last line of an output file."""

    size: int
    lines: int
    last: str

    def to_dict(self) -> dict[str, Any]:
        """Return the check as the state record keeps it."""
        return {"size": self.size, "lines": self.lines, "last": self.last}


class Tally(io.RawIOBase):
    """A binary file that counts the bytes and lines written to it, and keeps the last line.

    Only the line being written is held, so memory stays within one line.
    """

    def __init__(self, raw: Any = None) -> None:
        self._raw = raw
        self._size = 0
        self._lines = 0
        self._last = b""  # the last complete line, without its newline
        self._open = bytearray()  # what follows the last newline

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        count = len(view) if self._raw is None else self._raw.write(view)
        self.feed(bytes(view[:count]))
        return count

    def feed(self, chunk: bytes) -> None:
        """Count *chunk* as written."""
        self._size += len(chunk)
        end = chunk.rfind(b"\n")
        if end < 0:
            self._open += chunk
            return
        self._lines += chunk.count(b"\n")
        start = chunk.rfind(b"\n", 0, end) + 1
        self._last = bytes(self._open) + chunk[:end] if start == 0 else chunk[start:end]
        self._open = bytearray(chunk[end + 1 :])

    def result(self) -> OutputCheck:
        """The check of what was written so far."""
        last = bytes(self._open) if self._open else self._last
        lines = self._lines + (1 if self._open else 0)
        return OutputCheck(size=self._size, lines=lines, last=hashlib.sha256(last).hexdigest()[:16])

    def close(self) -> None:
        try:
            if self._raw is not None:
                self._raw.close()
        finally:
            super().close()


def check_file(path: str) -> OutputCheck:
    """Count the file at *path* as :class:`Tally` counted it while it was written.

    Raises:
        OSError: The file cannot be read.
    """
    tally = Tally()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            tally.feed(chunk)
    return tally.result()
