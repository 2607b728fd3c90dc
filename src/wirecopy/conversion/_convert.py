"""The entry point, :func:`convert`: its settings checked, its inputs found, and the output chosen."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from typing import IO

from .._progress import make_progress
from ..context import ProblemHandler
from ..errors import WriteError
from ..format import Format
from ..policy import ErrorMode, Policy, default
from ..report import ConvertReport, FileReport
from ._directory import into_directory
from ._inputs import expand_inputs, is_directory_output
from ._one import into_one
from ._plan import Plan
from ._pool import cpu_count
from ._worker import resolve

__all__ = ["convert"]


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
    on_problem: ProblemHandler | None = None,
    on_file: Callable[[FileReport], None] | None = None,
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
        on_problem: Called in this process with each problem found in a
            file, under ``warn`` and ``skip``, as :func:`wirecopy.read`'s
            *on_problem* is: ``on_problem(error, left_out)``.
        on_file: Called in this process with each file's
            :class:`~wirecopy.report.FileReport` once it is final: into a
            folder, as each file finishes; into one output, at the end, when
            it is known what the output holds.  The command line keeps its
            journal this way.

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
    plan = Plan(
        target=target,
        job_to=job_to,
        format=format,
        policy=pol,
        jobs=jobs,
        bar=bar,
        names=names or {},
        started=started,
        on_problem=on_problem,
        on_file=on_file,
    )
    try:
        if directory:
            return into_directory(inputs_found, out_name, plan, force=force)
        return into_one(inputs_found, output, out_name, plan)
    finally:
        bar.close()
