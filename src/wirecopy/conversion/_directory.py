"""Converting into a folder: one output per input, and reruns that convert only what is missing."""

from __future__ import annotations

import errno
import os

from ..report import ConvertReport, ErrorRecord, FileReport
from ._check import OutputCheck
from ._inputs import output_name, relative_names
from ._plan import Plan, pending
from ._state import State, remove_stale_temporaries, settings_text
from ._worker import Task

__all__ = ["into_directory"]


def into_directory(paths: list[str], out_dir: str, plan: Plan, *, force: bool) -> ConvertReport:
    """Convert each of *paths* into its own file below *out_dir*."""
    target = plan.target
    os.makedirs(out_dir, exist_ok=True)
    state = State(out_dir, settings_text(target, plan.format, plan.policy))
    try:
        remove_stale_temporaries(out_dir)
        keys = [output_name(rel, target).replace(os.sep, "/") for rel in relative_names(paths)]
        finals = [os.path.join(out_dir, key) for key in keys]
        reports: list[FileReport | None] = [None] * len(paths)
        fingerprints: dict[int, tuple[str, int, int]] = {}
        tasks = []
        done_size = 0
        for index, (path, final) in enumerate(zip(paths, finals, strict=True)):
            name = plan.name(path)
            try:
                st = os.stat(path)
            except OSError as err:  # vanished since it was found
                failure = ErrorRecord.from_exception(err, fatal=True, name=name)
                reports[index] = FileReport(input=name, output=final, status="failed", errors=(failure,))
                continue
            fingerprint = (os.path.abspath(path), st.st_size, st.st_mtime_ns)
            previous = None if force else state.fresh(keys[index], fingerprint, name)
            if previous is not None:
                reports[index] = previous
                done_size += st.st_size
                continue
            try:
                _make_folder(out_dir, os.path.dirname(final))
            except OSError as err:
                failure = ErrorRecord.from_exception(err, fatal=True, kind="output-error", name=final)
                reports[index] = FileReport(input=name, output=final, status="failed", errors=(failure,))
                continue
            fingerprints[index] = fingerprint
            tasks.append(Task(index=index, path=path, name=name, size=st.st_size, output=final))

        def on_record(index: int, report: FileReport, check: OutputCheck | None) -> None:
            if report.status == "converted" and check is not None:
                state.add(keys[index], fingerprints[index], report, check)
            plan.tell(report)

        for report in reports:
            if report is not None:
                plan.tell(report)
        workers = min(plan.jobs, len(tasks)) or 1
        run = plan.run(tasks, workers, parts=False, done_files=len(paths) - len(tasks), on_record=on_record)
        plan.bar.start(
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
                reports[index] = run.results.get(index)
            if reports[index] is None:
                reports[index] = pending(plan.name(path), path, finals[index])
                plan.tell(reports[index])  # type: ignore[arg-type]
        files = [r for r in reports if r is not None]
        # Again at the end: workers of a run killed just before this one
        # started may have held their temporaries a moment longer.
        remove_stale_temporaries(out_dir)
    finally:
        state.close()
    return plan.finish(files, out_dir, run, workers, interrupted=interrupted)


def _make_folder(top: str, folder: str) -> None:
    """Make *folder* below *top*, refusing one that a symbolic link leads out of *top*."""
    root = os.path.realpath(top)
    for _ in range(2):  # before making it (no folder outside is made) and after (nothing raced in)
        real = os.path.realpath(folder)
        if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
            raise OSError(errno.ELOOP, "a symbolic link leads this folder out of the output folder", folder)
        os.makedirs(folder, exist_ok=True)
