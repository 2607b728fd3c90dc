"""The state record of an output folder: which input made which output, with which settings."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import warnings
from typing import IO

from .._io import TEMPORARY_SUFFIX, atomic_file, remove_if_stale
from ..errors import WirecopyWarning
from ..format import Format
from ..policy import Policy
from ..report import FileReport, to_json
from ._check import OutputCheck, check_file
from ._worker import resolve

__all__ = ["STATE_FILE", "State", "remove_stale_temporaries", "settings_text"]

#: The state record a conversion into a directory keeps there, one JSON
#: object per line: which input made which output, with which settings.  No
#: output can have this name: an output's name is an input's name with the
#: target format's extension (which starts with a dot) added.
STATE_FILE = ".wirecopy-convert"


def settings_text(to: Format, format: str | Format | None, policy: Policy) -> str:
    """The settings that make an output what it is, as text to digest."""
    source = "detect" if format is None else resolve(format).name
    return f"to={to.name} format={source} policy={policy!r}"


class State:
    """The state record of an output directory, and the lock that keeps a second run out.

    One JSON line per output: the output's name below the directory, the
    input's absolute path, size and modification time, a digest of the
    settings, the counts of the file's report, and the output's check (size,
    lines, last line).  Lines are kept as text until asked for, so that a
    directory of 800,000 outputs stays cheap.  Names that are not UTF-8 are
    kept as :func:`~wirecopy.report.to_json` escapes them.
    """

    def __init__(self, directory: str, settings: str) -> None:
        self.directory = directory
        self.path = os.path.join(directory, STATE_FILE)
        self.settings = hashlib.sha256(settings.encode("utf-8")).hexdigest()[:16]
        self.records: dict[str, str] = {}
        self._broken = False
        self._file = open(self.path, "a+b")  # noqa: SIM115 - closed by close()
        try:
            _lock(self._file, directory)
            self._file.seek(0)
            for raw in self._file:
                try:
                    line = raw.decode("utf-8").rstrip("\n")
                    key = json.loads(line)["output"]
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut short by a crash: that file is simply redone
                if isinstance(key, str):
                    self.records[key] = line
            self._file.seek(0, io.SEEK_END)
        except BaseException:
            self._file.close()
            raise

    def fresh(self, key: str, fingerprint: tuple[str, int, int], name: str) -> FileReport | None:
        """The report of *key*'s earlier conversion, if its output checks out and was made from this very input."""
        line = self.records.get(key)
        final = os.path.join(self.directory, key)
        if line is None or not os.path.isfile(final) or os.path.islink(final):
            return None
        try:
            record = json.loads(line)
            if (record["input"], record["size"], record["mtime_ns"], record["settings"]) != (
                *fingerprint,
                self.settings,
            ):
                return None
            expected = OutputCheck(**record["check"])
            if os.stat(final).st_size != expected.size or check_file(final) != expected:
                return None  # cut short, written twice, or replaced since
            return FileReport.from_dict({**record["report"], "input": name, "output": final, "status": "up-to-date"})
        except (KeyError, TypeError, ValueError, OSError):
            return None

    def add(self, key: str, fingerprint: tuple[str, int, int], report: FileReport, check: OutputCheck) -> None:
        """Record that *key* was written; flushed at once, so a crash loses at most this line.

        A record that cannot be written (a full disk) is not an error: the
        output is converted again by the next run.
        """
        counts = report.to_dict()
        for name in ("input", "output", "status", "seconds"):
            del counts[name]
        path, size, mtime_ns = fingerprint
        record = {
            "output": key,
            "input": path,
            "size": size,
            "mtime_ns": mtime_ns,
            "settings": self.settings,
            "report": counts,
            "check": check.to_dict(),
        }
        line = to_json(record)
        self.records[key] = line
        if self._broken:
            return
        try:
            self._file.write(line.encode("utf-8") + b"\n")
            self._file.flush()
        except OSError as err:
            self._broken = True
            _warn(f"cannot add to the state record {self.path}: {err.strerror or err}; a rerun converts those again")

    def close(self) -> None:
        """Rewrite the record with one line per output that still exists, then unlock.

        When it cannot be rewritten (no room, no inode left), the record is
        left as it was appended to, which a rerun reads just as well.
        """
        try:
            with atomic_file(self.path) as out:
                for key, line in sorted(self.records.items()):
                    if os.path.isfile(os.path.join(self.directory, key)):
                        out.write(line.encode("utf-8") + b"\n")
        except OSError as err:
            _warn(f"cannot compact the state record {self.path}: {err.strerror or err}; it is kept as it was")
        finally:
            with contextlib.suppress(OSError):
                self._file.close()


def _warn(message: str) -> None:
    warnings.warn(WirecopyWarning(message), stacklevel=3)


def _lock(file: IO[bytes], directory: str) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: no lock; run one conversion per directory at a time
        return
    try:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as err:
        raise OSError(errno.EBUSY, "another wirecopy convert is writing into this directory", directory) from err


def remove_stale_temporaries(directory: str, *, recursive: bool = True) -> int:
    """Remove the temporary files that dead runs left in *directory*; return how many.

    A temporary file that a live run holds open (and locked) is left alone.
    Symbolic links to folders are not followed.
    """
    removed = 0
    for root, dirs, names in os.walk(directory):
        for name in [*names, *dirs]:
            if name.startswith(".") and name.endswith(TEMPORARY_SUFFIX):
                removed += remove_if_stale(os.path.join(root, name))
        if not recursive:
            break
        dirs[:] = [d for d in dirs if not d.endswith(TEMPORARY_SUFFIX) and not os.path.islink(os.path.join(root, d))]
    return removed
