"""The state record of an output folder: which input made which output, with which settings."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
from typing import IO

from .._io import TEMPORARY_SUFFIX, atomic_file, remove_if_stale
from ..format import Format
from ..policy import Policy
from ..report import FileReport
from ._worker import resolve

__all__ = ["STATE_FILE", "State", "settings_text"]

#: The state record a conversion into a directory keeps there, one JSON
#: object per line: which input made which output, with which settings.
STATE_FILE = ".wirecopy-convert.jsonl"


def settings_text(to: Format, format: str | Format | None, policy: Policy) -> str:
    source = "detect" if format is None else resolve(format).name
    return f"to={to.name} format={source} policy={policy!r}"


class State:
    """The state record of an output directory, and the lock that keeps a second run out.

    One JSON line per output: the output's name below the directory, the
    input's absolute path, size and modification time, a digest of the
    settings, and the counts of the file's report.  Lines are kept as text
    until asked for, so that a directory of 800,000 outputs stays cheap.
    """

    def __init__(self, directory: str, settings: str) -> None:
        self.directory = directory
        self.path = os.path.join(directory, STATE_FILE)
        self.settings = hashlib.sha256(settings.encode("utf-8")).hexdigest()[:16]
        self.records: dict[str, str] = {}
        self._file = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - closed by close()
        try:
            _lock(self._file, directory)
            self._file.seek(0)
            for line in self._file:
                try:
                    key = json.loads(line)["output"]
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut short by a crash: that file is simply redone
                if isinstance(key, str):
                    self.records[key] = line.rstrip("\n")
            self._file.seek(0, io.SEEK_END)
        except BaseException:
            self._file.close()
            raise

    def fresh(self, key: str, fingerprint: tuple[str, int, int], name: str) -> FileReport | None:
        """The report of *key*'s earlier conversion, if its output exists and was made from this very input."""
        line = self.records.get(key)
        final = os.path.join(self.directory, key)
        if line is None or not os.path.isfile(final):
            return None
        try:
            record = json.loads(line)
            if (record["input"], record["size"], record["mtime_ns"], record["settings"]) != (
                *fingerprint,
                self.settings,
            ):
                return None
            return FileReport.from_dict({**record["report"], "input": name, "output": final, "status": "up-to-date"})
        except (KeyError, TypeError, ValueError):
            return None

    def add(self, key: str, fingerprint: tuple[str, int, int], report: FileReport) -> None:
        """Record that *key* was written; flushed at once, so a crash loses at most this line."""
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
        }
        line = json.dumps(record, ensure_ascii=False)
        self.records[key] = line
        self._file.write(line + "\n")
        self._file.flush()

    def close(self) -> None:
        """Rewrite the record with one line per output that still exists, then unlock."""
        try:
            with atomic_file(self.path) as out:
                for key, line in sorted(self.records.items()):
                    if os.path.isfile(os.path.join(self.directory, key)):
                        out.write(line.encode("utf-8") + b"\n")
        finally:
            self._file.close()


def _lock(file: IO[str], directory: str) -> None:
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
        for name in names:
            if name.startswith(".") and name.endswith(TEMPORARY_SUFFIX):
                removed += remove_if_stale(os.path.join(root, name))
        if not recursive:
            break
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(root, d))]
    return removed
