"""What the two kinds of output share: the settings of a call, its exceptions, and telling about each file."""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .._progress import Progress
from ..errors import ParseError, SkippedDocumentWarning, WirecopyError
from ..format import Format
from ..policy import Policy
from ..report import OPERATIONAL_KINDS, ConvertReport, FileReport
from ._check import OutputCheck
from ._pool import Run
from ._worker import Job, Task

__all__ = ["ConvertError", "ConvertInterrupted", "Plan", "pending"]


class ConvertError(WirecopyError):
    """A conversion under ``errors="strict"`` stopped at its first failure.

    The message is the failure's.  The original exception is the
    ``__cause__``.

    Attributes:
        report: The :class:`~wirecopy.report.ConvertReport` of the run up to
            the stop: what finished, what failed, what was never started.

    .. versionadded:: 0.1
    """

    def __init__(self, message: str, report: ConvertReport) -> None:
        super().__init__(message)
        self.report = report

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.report))


class ConvertInterrupted(KeyboardInterrupt):
    """A conversion was stopped by Ctrl-C.

    A :class:`KeyboardInterrupt`, so that it stops the caller as Ctrl-C
    should, but carrying the report of what finished.  Every output that
    exists is complete; a rerun converts the rest.

    Attributes:
        report: The :class:`~wirecopy.report.ConvertReport` of the run, with
            :attr:`~wirecopy.report.ConvertReport.interrupted` set.

    .. versionadded:: 0.1
    """

    def __init__(self, report: ConvertReport) -> None:
        super().__init__("interrupted")
        self.report = report


@attrs.frozen
class Plan:
    """The settings of one call, as the two kinds of output need them."""

    target: Format
    job_to: str | Format
    format: str | Format | None
    policy: Policy
    jobs: int
    bar: Progress
    names: Mapping[str, str]
    started: float
    on_problem: Callable[[ParseError, bool], None] | None = None
    on_file: Callable[[FileReport], None] | None = None

    def name(self, path: str) -> str:
        """The name *path* goes by in messages and in the report."""
        return self.names.get(path, path)

    def problem(self, error: ParseError, left_out: bool) -> None:
        """Hand a problem found in a file to the caller's ``on_problem``, above the progress bar."""
        if self.on_problem is not None:
            with self.bar.external():
                self.on_problem(error, left_out)

    def tell(self, report: FileReport, *, warn_documents: bool = True) -> None:
        """Tell about a file whose report is final: warn (under ``warn``), and call ``on_file``.

        *warn_documents* ``False``: the reader has warned about its documents
        left out itself, only a failure of the whole file is left to warn about.
        """
        with self.bar.external():
            if self.policy.errors == "warn":
                for error in report.errors:
                    if (error.fatal and error.kind not in OPERATIONAL_KINDS) or (not error.fatal and warn_documents):
                        warnings.warn(SkippedDocumentWarning(error.message), stacklevel=5)
            if self.on_file is not None:
                self.on_file(report)

    def run(
        self,
        tasks: list[Task],
        workers: int,
        *,
        parts: bool,
        done_files: int,
        on_record: Callable[[int, FileReport, OutputCheck | None], None] | None = None,
    ) -> Run:
        """The :class:`Run` of *tasks* on *workers* processes, telling problems through :meth:`problem`."""
        job = Job(format=self.format, to=self.job_to, policy=self.policy, parts=parts)
        return Run(
            tasks,
            job,
            workers,
            self.bar,
            self.policy.strict,
            on_record or (lambda index, report, check: None),
            done_files=done_files,
            on_problem=self.problem,
        )

    def finish(
        self, files: list[FileReport], output: str, run: Run | None, jobs: int, *, interrupted: bool
    ) -> ConvertReport:
        """The report of the call, or :class:`ConvertInterrupted` or :class:`ConvertError` carrying it."""
        report = ConvertReport(
            files=files,
            to=self.target.name,
            output=output,
            errors=self.policy.errors,
            jobs=jobs,
            seconds=time.monotonic() - self.started,
            interrupted=interrupted,
        )
        if report.interrupted:
            raise ConvertInterrupted(report)
        if self.policy.strict:
            failed = report.with_status("failed")
            if failed:
                first = run.first_failure if run is not None and run.first_failure is not None else failed[0]
                failure = first.failure
                raise ConvertError(failure.message if failure is not None else f"{first.input}: failed", report)
        return report


def pending(name: str, path: str, output: str | None) -> FileReport:
    """The report of a file the run never got to."""
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0
    return FileReport(input=name, output=output, size=size, status="pending")
