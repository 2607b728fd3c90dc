"""What a corpus conversion did, file by file: the records :func:`wirecopy.convert` returns.

Every record is a frozen attrs class with a ``to_dict()`` that gives plain
JSON (the ``--report PATH`` file of ``wirecopy convert``).  The counts add up:
for every file, and so for the totals, ``read == written + skipped``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs

from .article import FrozenDict
from .errors import ParseError, WirecopyError

__all__ = [
    "OPERATIONAL_KINDS",
    "REPORT_VERSION",
    "ConvertReport",
    "ErrorRecord",
    "FileReport",
    "FileStatus",
    "plural",
    "to_json",
]

#: The version of the JSON layout :meth:`ConvertReport.to_dict` writes; it
#: changes only when a key is removed or changes meaning.
REPORT_VERSION = 1

#: What became of one input file:
#:
#: ``"converted"``
#:     read, and its output written in full.
#: ``"up-to-date"``
#:     not read again: a previous run wrote its output from the same input
#:     with the same settings.  The counts are that run's.
#: ``"failed"``
#:     could not be converted (its format could not be told, it could not be
#:     opened, a problem under ``strict``, an article the target format cannot
#:     hold); no output was written for it.
#: ``"interrupted"``
#:     started, then stopped by Ctrl-C or by a failure elsewhere under
#:     ``strict``; no output was written for it.
#: ``"pending"``
#:     never started, because the run stopped first.
FileStatus = Literal["converted", "up-to-date", "failed", "interrupted", "pending"]

_STATUSES: tuple[FileStatus, ...] = ("converted", "up-to-date", "failed", "interrupted", "pending")

#: Kinds of failure that are not the input's fault: the command exits with an
#: error status for them whatever the error mode.
OPERATIONAL_KINDS = frozenset({"write-error", "internal-error", "worker-crashed", "output-error"})

_SURROGATE = re.compile("[\ud800-\udfff]")


def to_json(data: Any, *, indent: int | None = None) -> str:
    """*data* as JSON text that any file name survives, and that is valid UTF-8.

    File names are kept as Python gives them: a byte of a name that is not
    UTF-8 (``caf\\xe9.sgml`` from an old corpus CD) is a lone surrogate,
    ``"\\udce9"``.  Such a character cannot be written as UTF-8, so it is
    written as the JSON escape ``\\udce9``; everything else stays as it is.
    :func:`json.loads` gives the same string back, and :func:`os.fsencode`
    turns it into the name's original bytes.

    .. versionadded:: 0.1
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def plural(count: int, noun: str) -> str:
    """``"1 document"``, ``"2 documents"``, ``"1,200 documents"``: a count with its noun.

    .. versionadded:: 0.1
    """
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


_v = attrs.validators
_opt_int = _v.optional(_v.instance_of(int))
_opt_str = _v.optional(_v.instance_of(str))


def _to_errors(value: Iterable[ErrorRecord]) -> tuple[ErrorRecord, ...]:
    return tuple(value)


def _to_files(value: Iterable[FileReport]) -> tuple[FileReport, ...]:
    return tuple(value)


_NO_COUNTS = FrozenDict()


def _to_counts(value: Mapping[str, int] | Iterable[tuple[str, int]]) -> FrozenDict:
    # Sorted, so that two reports of the same run compare and serialise alike;
    # most files have no defects, and share one empty mapping.
    items = value.items() if isinstance(value, Mapping) else value
    counts = sorted((str(kind), int(count)) for kind, count in items)
    return FrozenDict(counts) if counts else _NO_COUNTS


@attrs.frozen(kw_only=True)
class ErrorRecord:
    """One problem met while converting a file, with its place in the file.

    .. versionadded:: 0.1
    """

    message: str = attrs.field(validator=_v.instance_of(str))
    """The whole message, position included:
    ``"Missing date in header (at feed/a.txt, line 1, column 23)"``."""

    kind: str | None = attrs.field(default=None, validator=_opt_str)
    """A stable name: a defect kind (``"missing-date"``), ``"parse-error"``,
    ``"unknown-format"``, ``"os-error"``, ``"write-error"``,
    ``"internal-error"`` or ``"worker-crashed"``."""

    line: int | None = attrs.field(default=None, validator=_opt_int)
    """The 1-based line in the input, when known."""

    column: int | None = attrs.field(default=None, validator=_opt_int)
    """The 1-based column in the input, when known."""

    fatal: bool = attrs.field(default=False, validator=_v.instance_of(bool))
    """Whether the problem stopped the whole file (``False``: one document was
    left out and the rest of the file was converted)."""

    @classmethod
    def from_exception(
        cls, err: BaseException, *, fatal: bool, kind: str | None = None, name: str | None = None
    ) -> ErrorRecord:
        """Describe *err*; *name* is the file, put in front of messages that lack it."""
        line = column = None
        if isinstance(err, ParseError):
            line, column = err.lineno, err.colno
            kind = kind or err.kind or "parse-error"
        elif isinstance(err, OSError) and not isinstance(err, WirecopyError):
            kind = kind or "os-error"
        elif isinstance(err, WirecopyError):
            kind = kind or "parse-error"
        message = _describe(err, name)
        return cls(message=message, kind=kind, line=line, column=column, fatal=fatal)

    def to_dict(self) -> dict[str, Any]:
        """Return the record as a JSON-ready dict."""
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ErrorRecord:
        """Build a record from what :meth:`to_dict` returns."""
        return cls(**data)


def _describe(err: BaseException, name: str | None) -> str:
    if isinstance(err, OSError) and not isinstance(err, WirecopyError):
        text = err.strerror or str(err)
        return f"{name}: {text}" if name else text
    text = str(err) or type(err).__name__
    if name is None or name in text:
        return text
    return f"{name}: {text}"


@attrs.frozen(kw_only=True)
class FileReport:
    """What became of one input file.

    ``read == written + skipped`` always holds: a document that was read and
    is not in the output is counted as skipped, and :attr:`errors` says why.

    .. versionadded:: 0.1
    """

    input: str = attrs.field(validator=_v.instance_of(str))
    """The input file, as named on the command line or found in a directory."""

    output: str | None = attrs.field(default=None, validator=_opt_str)
    """The file written for it, or ``None`` when all inputs go to one output."""

    status: FileStatus = attrs.field(default="pending", validator=_v.in_(_STATUSES))
    """``"converted"``, ``"up-to-date"``, ``"failed"``, ``"interrupted"`` or ``"pending"``."""

    format: str | None = attrs.field(default=None, validator=_opt_str)
    """The input's format, named or detected; ``None`` when it was never told."""

    size: int = attrs.field(default=0, validator=_v.instance_of(int))
    """The input's size in bytes, as stored (compressed, for a compressed file)."""

    read: int = attrs.field(default=0, validator=_v.instance_of(int))
    """Documents read: returned by the format plus left out by it."""

    written: int = attrs.field(default=0, validator=_v.instance_of(int))
    """Documents written to the output."""

    skipped: int = attrs.field(default=0, validator=_v.instance_of(int))
    """Documents read and not written."""

    defects: FrozenDict = attrs.field(factory=FrozenDict, converter=_to_counts)
    """``{kind: count}`` over the defects of the written articles."""

    errors: tuple[ErrorRecord, ...] = attrs.field(default=(), converter=_to_errors)
    """The documents left out and, last, the failure that stopped the file, in input order."""

    seconds: float = attrs.field(default=0.0, validator=_v.instance_of(float))
    """Time spent converting this file (0.0 when it was not converted in this run)."""

    @property
    def failure(self) -> ErrorRecord | None:
        """The error that stopped the file, or ``None``."""
        for error in reversed(self.errors):
            if error.fatal:
                return error
        return None

    def to_dict(self) -> dict[str, Any]:
        """Return the report as a JSON-ready dict."""
        # The fields in the order declared, three of them made JSON-ready.
        fields = attrs.asdict(self, recurse=False)
        fields["defects"] = dict(self.defects)
        fields["errors"] = [error.to_dict() for error in self.errors]
        fields["seconds"] = round(self.seconds, 6)
        return fields

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FileReport:
        """Build a report from what :meth:`to_dict` returns."""
        fields = dict(data)
        fields["errors"] = tuple(ErrorRecord.from_dict(e) for e in fields.get("errors", ()))
        fields["seconds"] = float(fields.get("seconds", 0.0))
        return cls(**fields)


@attrs.frozen(kw_only=True)
class ConvertReport:
    """What a call to :func:`wirecopy.convert` did, for each input file and in total.

    .. versionadded:: 0.1
    """

    files: tuple[FileReport, ...] = attrs.field(converter=_to_files)
    """One report per input file, in input order."""

    to: str = attrs.field(validator=_v.instance_of(str))
    """The output format's name."""

    output: str = attrs.field(validator=_v.instance_of(str))
    """The output file or directory, or ``"<stdout>"``/``"<stream>"``."""

    errors: str = attrs.field(validator=_v.in_(("strict", "warn", "skip")))
    """The error mode: ``"strict"``, ``"warn"`` or ``"skip"``."""

    jobs: int = attrs.field(validator=_v.instance_of(int))
    """How many processes converted files (1: in the calling process)."""

    seconds: float = attrs.field(validator=_v.instance_of(float))
    """Wall-clock time of the whole run."""

    interrupted: bool = attrs.field(default=False, validator=_v.instance_of(bool))
    """Whether the run was stopped by Ctrl-C."""

    @property
    def read(self) -> int:
        """Documents read, over every file."""
        return sum(f.read for f in self.files)

    @property
    def written(self) -> int:
        """Documents written, over every file."""
        return sum(f.written for f in self.files)

    @property
    def skipped(self) -> int:
        """Documents read and not written, over every file."""
        return sum(f.skipped for f in self.files)

    @property
    def defects(self) -> FrozenDict:
        """``{kind: count}`` over every file."""
        total: Counter[str] = Counter()
        for f in self.files:
            total.update(f.defects)
        return _to_counts(total)

    def count(self, status: FileStatus) -> int:
        """How many files ended with *status*."""
        return sum(1 for f in self.files if f.status == status)

    def with_status(self, status: FileStatus) -> tuple[FileReport, ...]:
        """The reports of the files that ended with *status*."""
        return tuple(f for f in self.files if f.status == status)

    @property
    def ok(self) -> bool:
        """Whether every file was converted or up to date (documents may still have been skipped)."""
        return all(f.status in ("converted", "up-to-date") for f in self.files)

    def summary(self) -> str:
        """One line for people: files by status, documents, time and rate.

        ``12 files: 10 converted, 1 up to date, 1 failed; 3,456 documents read,
        3,450 written, 6 skipped; 4.2 s, 823 documents/s``
        """
        statuses = [f"{self.count(status)} {status.replace('-', ' ')}" for status in _STATUSES if self.count(status)]
        unknown = sum(1 for f in self.files if f.failure is not None and f.failure.kind == "unknown-format")
        if unknown:
            # Most failures in a mixed folder are READMEs and the like: say so.
            at = next(i for i, text in enumerate(statuses) if text.endswith(" failed"))
            statuses[at] += f" ({unknown} of unknown format)"
        files = plural(len(self.files), "file")
        if statuses:
            files += ": " + ", ".join(statuses)
        fresh = sum(f.read for f in self.files if f.status != "up-to-date")
        rate = fresh / self.seconds if self.seconds > 0 else math.inf
        shown_rate = f"{rate:,.0f} documents/s" if math.isfinite(rate) else "- documents/s"
        line = (
            f"{files}; {plural(self.read, 'document')} read, {self.written:,} written, {self.skipped:,} skipped; "
            f"{self.seconds:.1f} s, {shown_rate}"
        )
        return f"interrupted: {line}" if self.interrupted else line

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready dict: the settings, the totals and every file."""
        totals: dict[str, Any] = {"files": len(self.files)}
        totals.update({status: self.count(status) for status in _STATUSES})
        totals.update(
            {"read": self.read, "written": self.written, "skipped": self.skipped, "defects": dict(self.defects)}
        )
        return {
            "version": REPORT_VERSION,
            "to": self.to,
            "output": self.output,
            "errors": self.errors,
            "jobs": self.jobs,
            "seconds": round(self.seconds, 6),
            "interrupted": self.interrupted,
            "totals": totals,
            "files": [f.to_dict() for f in self.files],
        }
