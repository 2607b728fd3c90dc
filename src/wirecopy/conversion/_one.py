"""Converting into one output, a file or a stream, in input order.

With one process, each input is read and written straight into the output.
With several, each input is first read into a temporary part by a worker,
and the parts are written out in input order, so the output does not depend
on how many processes ran or in which order they finished.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Iterator
from typing import IO, Any

import attrs

from .._io import create_temporary, create_temporary_folder
from ..article import Article
from ..errors import WriteError
from ..report import ConvertReport, ErrorRecord, FileReport
from ._plan import Plan, pending
from ._pool import Run
from ._state import remove_stale_temporaries
from ._worker import Reading, Stopped, Task, load_part

__all__ = ["into_one"]


def into_one(paths: list[str], output: str | os.PathLike[str] | IO[bytes], out_name: str, plan: Plan) -> ConvertReport:
    """Convert every one of *paths* into the one *output*."""
    to_file = isinstance(output, (str, os.PathLike))
    folder = os.path.dirname(os.path.abspath(out_name)) if to_file else tempfile.gettempdir()
    os.makedirs(folder, exist_ok=True)
    remove_stale_temporaries(folder, recursive=False)
    reports: list[FileReport | None] = [None] * len(paths)
    tasks = []
    for index, path in enumerate(paths):
        name = plan.name(path)
        try:
            size = os.stat(path).st_size
        except OSError as err:  # vanished since it was found
            failure = ErrorRecord.from_exception(err, fatal=True, name=name)
            reports[index] = FileReport(input=name, status="failed", errors=(failure,))
            continue
        tasks.append(Task(index=index, path=path, name=name, size=size, output=""))
    workers = min(plan.jobs, len(tasks)) or 1
    direct = workers == 1
    parts: tuple[int, str] | None = None
    if not direct:
        parts = create_temporary_folder(folder, ".wirecopy-parts-")
        tasks = [attrs.evolve(t, output=os.path.join(parts[1], f"{t.index}.part")) for t in tasks]
    # Files are told about at the end, once it is known what the output holds.
    run = plan.run(tasks, workers, parts=True, done_files=len(paths) - len(tasks))
    plan.bar.start(files=len(paths), size=sum(t.size for t in tasks), done_files=len(paths) - len(tasks), done_size=0)
    temporary: str | None = None
    interrupted = False
    complete = False
    merging: list[int] = []
    reading: list[Reading] = []
    events = None if direct else run.events()
    try:
        if to_file:
            handle, temporary = create_temporary(out_name)
            sink: Any = os.fdopen(handle, "wb")
        else:
            sink = contextlib.nullcontext(output)
        with sink as out:
            articles = _direct(run, reading) if events is None else _merged(run, events, merging)
            plan.target.write(articles, out)
            out.flush()
        if temporary is not None:
            os.replace(temporary, out_name)
            temporary = None
        complete = True
    except KeyboardInterrupt:
        interrupted = True
        if reading and reading[-1].task.index not in run.results:
            run.record(reading[-1].task.index, reading[-1].interrupted())
    except Stopped:
        pass  # strict: a file failed; reported below
    except WriteError as err:
        if reading and reading[-1].task.index not in run.results:
            current = reading[-1]
            current.close()
            current.fail(err)
            run.record(current.task.index, current.report(written=0))
        elif merging:
            _fail_written(run, merging[-1], err)
    finally:
        if reading:
            reading[-1].close()
        if events is not None:
            events.close()
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.remove(temporary)
        if parts is not None:
            import shutil

            shutil.rmtree(parts[1], ignore_errors=True)
            os.close(parts[0])
    for index, path in enumerate(paths):
        result = reports[index] or run.results.get(index)
        if result is None:
            result = pending(plan.name(path), path, None)
        elif result.status in ("converted", "failed") and reports[index] is None:
            if to_file and not complete:
                # The one output was not written: nothing of this file is in it.
                result = _nothing_written(result)
            elif not to_file and not direct and result.status == "converted" and index not in merging:
                result = _nothing_written(result)
        reports[index] = result
        plan.tell(result, warn_documents=not direct)
    files = [r for r in reports if r is not None]
    return plan.finish(files, out_name, run, workers, interrupted=interrupted)


def _nothing_written(report: FileReport) -> FileReport:
    if report.status == "failed":
        return attrs.evolve(report, written=0, skipped=report.read, defects={})
    return attrs.evolve(report, status="interrupted", read=0, written=0, skipped=0, defects={}, errors=())


def _fail_written(run: Run, index: int, err: WriteError) -> None:
    """An article of file *index* cannot be written: the file fails, and the output stops there."""
    task = next(t for t in run.tasks if t.index == index)
    failure = ErrorRecord.from_exception(err, fatal=True, kind="write-error", name=task.name)
    done = run.results[index]
    failed = attrs.evolve(
        done, status="failed", written=0, skipped=done.read, errors=(*done.errors, failure), defects={}
    )
    run.results[index] = failed
    run.first_failure = failed


def _direct(run: Run, reading: list[Reading]) -> Iterator[Article]:
    """The articles of every input, read here one file after the other, straight into the output.

    A file that fails part-way keeps in the output what was written of it
    before the failure: its report counts those documents as written.
    """
    stop = threading.Event()
    for task in run.tasks:
        if run.stopping:
            raise Stopped
        current = Reading(task, run.job, run.message, stop)
        reading.append(current)
        try:
            yield from current.articles()
        except Exception as err:
            current.fail(err)
        finally:
            current.close()
        run.record(task.index, current.report(written=current.returned))
    if run.stopping:
        raise Stopped


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
