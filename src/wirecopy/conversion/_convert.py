"""The entry point: :func:`convert`, into a folder or into one output."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

import attrs

from .._io import create_temporary
from .._progress import Progress, make_progress
from ..article import Article
from ..errors import SkippedDocumentWarning, WirecopyError, WriteError
from ..format import Format
from ..policy import ErrorMode, Policy, default
from ..report import OPERATIONAL_KINDS, ConvertReport, ErrorRecord, FileReport
from ._inputs import expand_inputs, is_directory_output, output_name, relative_names
from ._pool import Run, cpu_count
from ._state import State, remove_stale_temporaries, settings_text
from ._worker import Job, Stopped, Task, load_part, resolve

__all__ = ["ConvertError", "ConvertInterrupted", "convert"]


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


def convert(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    output: str | os.PathLike[str] | IO[bytes],
    to: str | Format = "jsonl",
    format: str | Format | None = None,
    jobs: int | None = None,
    errors: ErrorMode | None = None,
    policy: Policy | None = None,
    progress: bool | None = False,
    force: bool = False,
    names: Mapping[str, str] | None = None,
) -> ConvertReport:
    """Convert many input files into *to*, in parallel, and report what became of each.

    >>> report = wirecopy.convert("corpus/", output="out/", to="jsonl")  # doctest: +SKIP
    >>> report.summary()  # doctest: +SKIP
    '200 files: 200 converted; 48,112 documents read, 48,112 written, 0 skipped; 9.8 s, 4,909 documents/s'

    Args:
        inputs: Files, directories (read recursively) and glob patterns;
            see :func:`~wirecopy.conversion.expand_inputs`.
        output: A directory (one output file per input, see
            :func:`~wirecopy.conversion.output_name`; reruns skip what is done), a file (every
            article in one file), or a binary stream.  A name is taken as a
            directory when it is one, ends with ``/``, or does not exist and
            has no extension.
        to: The output format.
        format: The input format; detected for each file when ``None``.
        jobs: How many processes convert files at once; all cores by
            default, and 1 converts in this process.
        errors: ``"strict"`` stops at the first problem; ``"warn"`` (the
            default) leaves out what cannot be read, with a warning;
            ``"skip"`` leaves it out quietly.  Overrides *policy*'s.
        policy: The full reading :class:`~wirecopy.policy.Policy`.
        progress: Show a progress bar on standard error: ``True``, ``False``
            (the default), or ``None`` for "when standard error is a
            terminal".  Needs the ``progress`` extra (tqdm).
        force: Convert every input, even those whose output is up to date.
        names: The names to give some inputs in messages and in the report,
            by path (the command line converts standard input from a copy
            it names ``"<stdin>"``).

    Returns:
        The :class:`~wirecopy.report.ConvertReport`.  A file that could not
        be converted (under ``warn`` or ``skip``) is in it with status
        ``"failed"`` and its error; the others are converted all the same.

    Raises:
        FileNotFoundError: An input does not exist (nothing is converted).
        UnknownFormatError: *to* or *format* names no format.
        WriteError: *to* can be read but not written.
        ConvertError: Under ``strict``, at the first file that fails; its
            ``report`` says what finished.
        ConvertInterrupted: Ctrl-C; its ``report`` says what finished.

    .. versionadded:: 0.1
    """
    started = time.monotonic()
    base = default if policy is None else policy
    pol = base if errors is None or errors == base.errors else base.clone(errors=errors)
    target = resolve(to)
    if not target.can_write:
        msg = f"format {target.name!r} can be read but not written"
        raise WriteError(msg)
    if format is not None:
        resolve(format)  # an unknown name fails now, not once per file
    if jobs is None:
        jobs = cpu_count()
    elif jobs < 1:
        msg = f"jobs must be at least 1 (got {jobs})"
        raise ValueError(msg)
    # Workers look formats up by name in their own registry (entry points
    # included); an instance is sent as it is.
    job_to: str | Format = to if isinstance(to, Format) else target.name
    if isinstance(output, (str, os.PathLike)):
        out_name = os.fspath(output)
        directory = is_directory_output(out_name)
        inputs_found = expand_inputs(inputs, exclude=[out_name])
    else:
        out_name = (
            "<stdout>" if output is getattr(sys.stdout, "buffer", None) else str(getattr(output, "name", "<stream>"))
        )
        directory = False
        inputs_found = expand_inputs(inputs)
    bar = make_progress(progress, sys.stderr)
    plan = _Plan(
        target=target, job_to=job_to, format=format, policy=pol, jobs=jobs, bar=bar, names=names or {}, started=started
    )
    try:
        if directory:
            return _into_directory(inputs_found, out_name, plan, force=force)
        return _into_one(inputs_found, output, out_name, plan)
    finally:
        bar.close()


@attrs.frozen
class _Plan:
    """The settings of one call, as the two kinds of output need them."""

    target: Format
    job_to: str | Format
    format: str | Format | None
    policy: Policy
    jobs: int
    bar: Progress
    names: Mapping[str, str]
    started: float


def _warn_about(report: FileReport, policy: Policy, bar: Progress) -> None:
    """Under warn, tell about what was left out, as :func:`wirecopy.read` does."""
    if policy.errors != "warn":
        return
    shown = [e for e in report.errors if not (e.fatal and e.kind in OPERATIONAL_KINDS)]
    if not shown:
        return
    with bar.external():
        for error in shown:
            warnings.warn(SkippedDocumentWarning(error.message), stacklevel=4)


def _finish(
    files: list[FileReport],
    target: Format,
    out_name: str,
    policy: Policy,
    jobs: int,
    started: float,
    *,
    interrupted: bool,
) -> ConvertReport:
    return ConvertReport(
        files=files,
        to=target.name,
        output=out_name,
        errors=policy.errors,
        jobs=jobs,
        seconds=time.monotonic() - started,
        interrupted=interrupted,
    )


def _into_directory(paths: list[str], out_dir: str, plan: _Plan, *, force: bool) -> ConvertReport:
    target, format, policy, bar, names = plan.target, plan.format, plan.policy, plan.bar, plan.names
    os.makedirs(out_dir, exist_ok=True)
    state = State(out_dir, settings_text(target, format, policy))
    try:
        remove_stale_temporaries(out_dir)
        keys = [output_name(rel, target).replace(os.sep, "/") for rel in relative_names(paths)]
        finals = [os.path.join(out_dir, key) for key in keys]
        reports: list[FileReport | None] = [None] * len(paths)
        fingerprints: dict[int, tuple[str, int, int]] = {}
        tasks = []
        done_size = 0
        for index, (path, final) in enumerate(zip(paths, finals, strict=True)):
            name = names.get(path, path)
            try:
                st = os.stat(path)
            except OSError as err:
                failure = ErrorRecord.from_exception(err, fatal=True, name=name)
                reports[index] = FileReport(input=name, output=final, status="failed", errors=(failure,))
                continue
            fingerprint = (os.path.abspath(path), st.st_size, st.st_mtime_ns)
            previous = None if force else state.fresh(keys[index], fingerprint, name)
            if previous is not None:
                reports[index] = previous
                done_size += st.st_size
                continue
            os.makedirs(os.path.dirname(final), exist_ok=True)
            fingerprints[index] = fingerprint
            tasks.append(Task(index=index, path=path, name=name, size=st.st_size, output=final))

        def on_record(index: int, report: FileReport) -> None:
            if report.status == "converted":
                state.add(keys[index], fingerprints[index], report)
            _warn_about(report, policy, bar)

        for report in reports:
            if report is not None and report.status == "failed":
                _warn_about(report, policy, bar)
        workers = min(plan.jobs, len(tasks)) or 1
        job = Job(format=format, to=plan.job_to, policy=policy, parts=False)
        run = Run(tasks, job, workers, bar, policy.strict, on_record, done_files=len(paths) - len(tasks))
        bar.start(
            files=len(paths),
            size=done_size + sum(t.size for t in tasks),
            done_files=len(paths) - len(tasks),
            done_size=done_size,
        )
        interrupted = False
        try:
            for _ in run.events():
                pass
        except KeyboardInterrupt:
            interrupted = True
        for index, path in enumerate(paths):
            if reports[index] is None:
                reports[index] = run.results.get(index) or FileReport(
                    input=names.get(path, path), output=finals[index], size=_size(path), status="pending"
                )
        files = [r for r in reports if r is not None]
    finally:
        state.close()
    result = _finish(files, target, out_dir, policy, workers, plan.started, interrupted=interrupted)
    _raise_for(result, run, policy)
    return result


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _raise_for(report: ConvertReport, run: Run | None, policy: Policy) -> None:
    if report.interrupted:
        raise ConvertInterrupted(report)
    if policy.strict:
        failed = report.with_status("failed")
        if failed:
            first = run.first_failure if run is not None and run.first_failure is not None else failed[0]
            failure = first.failure
            raise ConvertError(failure.message if failure is not None else f"{first.input}: failed", report)


def _into_one(
    paths: list[str], output: str | os.PathLike[str] | IO[bytes], out_name: str, plan: _Plan
) -> ConvertReport:
    target, policy, bar, names = plan.target, plan.policy, plan.bar, plan.names
    to_file = isinstance(output, (str, os.PathLike))
    folder = os.path.dirname(os.path.abspath(out_name)) if to_file else None
    if folder is not None:
        os.makedirs(folder, exist_ok=True)
    parts = tempfile.mkdtemp(prefix=".wirecopy-parts-", dir=folder)
    reports: list[FileReport | None] = [None] * len(paths)
    tasks = []
    for index, path in enumerate(paths):
        name = names.get(path, path)
        try:
            size = os.stat(path).st_size
        except OSError as err:
            failure = ErrorRecord.from_exception(err, fatal=True, name=name)
            reports[index] = FileReport(input=name, status="failed", errors=(failure,))
            continue
        tasks.append(Task(index=index, path=path, name=name, size=size, output=os.path.join(parts, f"{index}.part")))
    for report in reports:
        if report is not None:
            _warn_about(report, policy, bar)
    workers = min(plan.jobs, len(tasks)) or 1
    job = Job(format=plan.format, to=plan.job_to, policy=policy, parts=True)
    run = Run(
        tasks,
        job,
        workers,
        bar,
        policy.strict,
        lambda index, report: _warn_about(report, policy, bar),
        done_files=len(paths) - len(tasks),
    )
    bar.start(files=len(paths), size=sum(t.size for t in tasks), done_files=len(paths) - len(tasks), done_size=0)
    temporary: str | None = None
    interrupted = False
    complete = False
    merging: list[int] = []
    events = run.events()
    try:
        if to_file:
            handle, temporary = create_temporary(out_name)
            sink: Any = os.fdopen(handle, "wb")
        else:
            sink = contextlib.nullcontext(output)
        with sink as out:
            target.write(_merged(run, events, merging), out)
            out.flush()
        if temporary is not None:
            os.replace(temporary, out_name)
            temporary = None
        complete = True
    except KeyboardInterrupt:
        interrupted = True
    except Stopped:
        pass  # strict: a file failed; reported below
    except WriteError as err:
        if merging:
            index = merging[-1]
            task = next(t for t in tasks if t.index == index)
            done = run.results[index]
            failure = ErrorRecord.from_exception(err, fatal=True, kind="write-error", name=task.name)
            run.results[index] = attrs.evolve(
                done, status="failed", written=0, skipped=done.read, errors=(*done.errors, failure), defects={}
            )
            run.first_failure = run.results[index]
    finally:
        events.close()
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.remove(temporary)
        shutil.rmtree(parts, ignore_errors=True)
    for index, path in enumerate(paths):
        if reports[index] is None:
            result = run.results.get(index)
            if result is None:
                result = FileReport(input=names.get(path, path), size=_size(path), status="pending")
            elif to_file and not complete and result.status == "converted":
                # The one output was not written: nothing of this file is in it.
                result = attrs.evolve(result, status="interrupted", read=0, written=0, skipped=0, defects={}, errors=())
            elif not to_file and result.status == "converted" and index not in merging:
                result = attrs.evolve(result, status="interrupted", read=0, written=0, skipped=0, defects={}, errors=())
            reports[index] = result
    files = [r for r in reports if r is not None]
    outcome = _finish(files, target, out_name, policy, workers, plan.started, interrupted=interrupted)
    _raise_for(outcome, run, policy)
    return outcome


def _merged(run: Run, events: Iterator[None], merging: list[int]) -> Iterator[Article]:
    """The articles of every converted input, in input order, as their parts become ready."""
    for task in run.tasks:
        while task.index not in run.results:
            if run.stopping or next(events, StopIteration) is StopIteration:
                break
        result = run.results.get(task.index)
        if result is None or run.stopping:
            raise Stopped
        if result.status != "converted":
            continue
        merging.append(task.index)
        yield from load_part(task.output)
        with contextlib.suppress(OSError):
            os.remove(task.output)
