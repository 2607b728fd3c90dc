"""What the command line prints on standard error, and the journal behind ``--report``.

Every line goes through :func:`say`, which escapes what a terminal must not
be sent: the bytes of a file name that are not UTF-8, and control
characters (a file name can hold an escape sequence or a newline).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys

from .errors import ParseError
from .report import OPERATIONAL_KINDS, ConvertReport, ErrorRecord, FileReport, plural, to_json

__all__ = ["Journal", "Teller", "escape", "say"]

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# Messages of the library name its keyword arguments; on the command line the flag is what to pass.
_PYTHON_WORDS = (("; pass format= to choose one", "; pass --format NAME to choose one"),)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code >= 0xD800:
        return f"\\u{code:04x}"
    return f"\\x{code:02x}"


def escape(text: str) -> str:
    """*text* safe to show on a terminal: control characters and undecodable bytes as ``\\xNN``."""
    return _UNSAFE.sub(_escaped, text)


def say(message: str) -> None:
    """Print one line on standard error, prefixed ``wirecopy:``."""
    for python, flag in _PYTHON_WORDS:
        message = message.replace(python, flag)
    print(f"wirecopy: {escape(message)}", file=sys.stderr, flush=True)


class Teller:
    """Tells, file by file, what went wrong: each problem on a line, and a summary line per file.

    Under ``warn`` (unless *quiet*) every defect and every document left out
    is a line with its file, line and column, and each file that had any is
    summed up.  Failures that are not the input's fault (a full disk, an
    article the target cannot hold) are always told.
    """

    def __init__(self, errors: str, *, quiet: bool) -> None:
        self.shows_problems = errors == "warn" and not quiet
        self._strict = errors == "strict"

    def problem(self, error: ParseError, left_out: bool) -> None:
        """Tell one problem found while reading (the ``on_problem`` hook)."""
        if self.shows_problems:
            what = "document left out: " if left_out else ""
            kind = f" [{error.kind}]" if error.kind else ""
            say(f"warning: {what}{error}{kind}")

    def failure(self, error: ErrorRecord) -> None:
        """Tell what stopped a file."""
        if self._strict or error.kind in OPERATIONAL_KINDS:
            say(f"error: {error.message}")
        elif self.shows_problems:
            say(f"warning: {error.message}")

    def file(self, name: str, *, read: int, written: int, defects: int, left_out: int) -> None:
        """Sum up a file that had problems."""
        if self.shows_problems and (defects or left_out):
            say(
                f"{name}: {plural(read, 'document')} read, {written:,} written, "
                f"{plural(defects, 'defect')}, {left_out:,} left out"
            )

    def report(self, report: FileReport) -> None:
        """Tell about a converted file from its report (the ``on_file`` hook of :func:`wirecopy.convert`)."""
        if report.failure is not None:
            self.failure(report.failure)
        if report.status == "converted" or (report.status == "failed" and report.read):
            self.file(
                report.input,
                read=report.read,
                written=report.written,
                defects=sum(report.defects.values()),
                left_out=report.skipped,
            )


class Journal:
    """Each file's report appended to ``PATH.journal`` as the file is done, one ``fsync``ed JSON line each.

    The ``--report`` file is built from it at the end, and when that cannot
    be written the journal stays.  When the journal itself cannot be written
    (no room, no inode), it says so once and :attr:`broken` is set: the
    caller then prints each file's errors instead.
    """

    def __init__(self, report: str) -> None:
        self.path = f"{report}.journal"
        self.broken = False
        self._handle: int | None = None
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        try:
            self._handle = os.open(self.path, flags, 0o666)
        except OSError as err:
            self._break(err)

    def _break(self, err: OSError) -> None:
        self.broken = True
        say(f"error: cannot keep the journal {self.path}: {err.strerror or err}; per-file errors follow here")

    def add(self, report: FileReport) -> bool:
        """Append *report*; say whether it is safely on disk."""
        if self._handle is None:
            return False
        try:
            os.write(self._handle, to_json(report.to_dict()).encode("utf-8") + b"\n")
            os.fsync(self._handle)
        except OSError as err:
            self.close()
            self._break(err)
            return False
        return True

    def close(self) -> None:
        """Close the journal file."""
        handle, self._handle = self._handle, None
        if handle is not None:
            with contextlib.suppress(OSError):
                os.close(handle)

    def files(self, report: ConvertReport) -> list[FileReport]:
        """The files of *report*, each as the journal recorded it when it has it."""
        recorded: dict[str, FileReport] = {}
        with contextlib.suppress(OSError, ValueError, TypeError, KeyError), open(self.path, "rb") as stream:
            for line in stream:
                file = FileReport.from_dict(json.loads(line))
                recorded[file.input] = file
        return [recorded.get(file.input, file) for file in report.files]

    def remove(self) -> None:
        """Remove the journal, once the report is written."""
        self.close()
        with contextlib.suppress(OSError):
            os.remove(self.path)
