"""Converting whole corpora: many inputs, a process pool, a report, and reruns that resume.

:func:`convert` is what ``wirecopy convert`` runs.  Each input file is read
in full by one process and written atomically (to a temporary name, then
renamed), so an output file that exists is complete.

Into a directory, each input gets its own output file, named after the
input's path below the inputs' common folder.  A rerun skips an input whose
output exists and whose state record (``.wirecopy-convert.jsonl`` in the
output directory) shows it was made from the same input (path, size,
modification time) with the same settings; everything else is converted
again, and the rename replaces any earlier output, so a document is never
written twice.

Into one file or a stream, each input is first read into a temporary part,
and the parts are written out in input order, so the output does not depend
on how many processes ran or in which order they finished.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import hashlib
import io
import json
import os
import pickle
import queue
import shutil
import signal
import sys
import tempfile
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Protocol

import attrs

from . import api
from ._io import _MAGIC, _decompressing
from ._progress import Progress, make_progress
from .article import Article
from .errors import (
    AmbiguousFormatError,
    FormatLoadError,
    SkippedDocumentWarning,
    UnknownFormatError,
    WirecopyError,
    WriteError,
)
from .policy import ErrorMode, Policy, default
from .registry import Format, get_format
from .report import OPERATIONAL_KINDS, ConvertReport, ErrorRecord, FileReport

if TYPE_CHECKING:
    import concurrent.futures as cf

__all__ = ["STATE_FILE", "ConvertError", "ConvertInterrupted", "convert", "expand_inputs", "output_name"]

#: The state record a conversion into a directory keeps there, one JSON
#: object per line: which input made which output, with which settings.
STATE_FILE = ".wirecopy-convert.jsonl"

#: How often (seconds) a worker reports progress and looks for a stop request.
_TICK = 0.2
#: Files per task sent to a worker at most, and bytes per task at most: small
#: files are sent in groups, so that 800,000 RCV1 files do not cost 800,000
#: round trips, while big files still spread evenly over the workers.
_MAX_BATCH = 32
_MAX_BATCH_BYTES = 16 << 20
#: Articles pickled together in a part file.
_PART_CHUNK = 256
_TEMP_SUFFIX = ".wirecopy-tmp"
_GLOB_CHARS = frozenset("*?[")


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


# -- inputs ---------------------------------------------------------------


def expand_inputs(
    inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> list[str]:
    """Turn files, directories and glob patterns into the list of input files.

    A directory is read recursively, in sorted order, leaving out hidden
    files and folders (names that start with ``.``).  A name that does not
    exist and holds ``*``, ``?`` or ``[`` is a glob pattern (``**`` matches
    folders at any depth), expanded here rather than by the shell, so that
    it works on every shell and past the shell's length limit.  A file found
    twice is kept once, at its first place.

    Args:
        inputs: One name or several.
        exclude: Files or folders never to take as input (the output).

    Raises:
        FileNotFoundError: A name is neither a file, nor a folder, nor a
            pattern that matches something.

    .. versionadded:: 0.1
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    excluded = tuple(os.path.realpath(os.fspath(e)) for e in exclude)
    found: list[str] = []
    seen: set[str] = set()
    for item in inputs:
        name = os.fspath(item)
        if os.path.isdir(name):
            paths = _walk(name, excluded)
        elif os.path.exists(name):
            paths = [name]
        elif _GLOB_CHARS.intersection(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                raise FileNotFoundError(errno.ENOENT, "no file matches this pattern", name)
            paths = []
            for match in matches:
                if os.path.isdir(match):
                    paths.extend(_walk(match, excluded))
                elif not _inside(os.path.realpath(match), excluded):
                    paths.append(match)
        else:
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), name)
        for path in paths:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                found.append(path)
    return found


def _walk(top: str, excluded: tuple[str, ...]) -> list[str]:
    if _inside(os.path.realpath(top), excluded):
        return []
    files = []
    for root, dirs, names in os.walk(top):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not _inside(os.path.realpath(os.path.join(root, d)), excluded)
        )
        for name in sorted(names):
            path = os.path.join(root, name)
            if not name.startswith(".") and os.path.isfile(path) and not _inside(os.path.realpath(path), excluded):
                files.append(path)
    return files


def _inside(path: str, excluded: tuple[str, ...]) -> bool:
    return any(path == e or path.startswith(e.rstrip(os.sep) + os.sep) for e in excluded)


def _relative_names(paths: Sequence[str]) -> list[str]:
    """Each path relative to the folder all of them share, so that names stay apart."""
    absolute = [os.path.abspath(p) for p in paths]
    try:
        root = os.path.commonpath([os.path.dirname(a) for a in absolute]) if absolute else ""
    except ValueError:  # different drives: keep the whole path, drive letter included
        return [a.replace(":", "").lstrip("\\/") for a in absolute]
    return [os.path.relpath(a, root) for a in absolute]


def output_name(relative: str, to: Format) -> str:
    """The output file name for an input at *relative* path: the target's extension is added.

    ``"apw/199901.sgml.gz"`` → ``"apw/199901.sgml.gz.jsonl"``: the input's
    whole name is kept, so ``001.xml`` and ``001.sgml`` in one folder (or a
    file and its compressed copy) never share an output.

    .. versionadded:: 0.1
    """
    extension = to.extensions[0] if to.extensions else f".{to.name}"
    return relative + extension


def _is_directory_output(name: str) -> bool:
    if os.path.isdir(name):
        return True
    if name.endswith(("/", os.sep)):
        return True
    return not os.path.exists(name) and not os.path.splitext(os.path.basename(name))[1]


# -- reading one input in a worker ----------------------------------------


class _Counted(io.RawIOBase):
    """A raw file that counts the bytes read from it, for the progress display."""

    def __init__(self, raw: io.RawIOBase) -> None:
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = self._raw.readinto(buffer)
        if count:
            self.count += count
        return count or 0

    def seekable(self) -> bool:
        return self._raw.seekable()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._raw.seek(offset, whence)

    def tell(self) -> int:
        return self._raw.tell()

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()


def _open_input(path: str) -> tuple[BinaryIO, _Counted]:
    """Open *path* as :func:`wirecopy.read` does, decompressing, and count the stored bytes read."""
    counted = _Counted(open(path, "rb", buffering=0))  # noqa: SIM115 - closed by the caller
    stream: Any = io.BufferedReader(counted, 1 << 16)
    try:
        magic = stream.peek(6)[:6]
        for signature, kind in _MAGIC:
            if magic.startswith(signature):
                return _decompressing(stream, kind, path), counted
    except BaseException:
        stream.close()
        raise
    return stream, counted


class _Flag(Protocol):
    def is_set(self) -> bool: ...


Send = Callable[[tuple[Any, ...]], None]


class _Stopped(BaseException):
    """Raised inside a worker when the run is being stopped; a BaseException so no format catches it."""


@attrs.frozen
class _Task:
    """One input to convert: where it is, what to call it, where its output goes."""

    index: int
    path: str
    name: str
    size: int
    output: str


@attrs.frozen
class _Job:
    """The settings every task of a run shares; sent to each worker with its tasks."""

    format: str | Format | None
    to: str | Format
    policy: Policy
    parts: bool


@attrs.define
class _Stats:
    returned: int = 0
    defects: Counter[str] = attrs.Factory(Counter)


def _resolve(format: str | Format) -> Format:
    return format if isinstance(format, Format) else get_format(format)


def _counted(
    reader: api.Reader, stats: _Stats, counter: _Counted, index: int, send: Send, stop: _Flag
) -> Iterator[Article]:
    defects = stats.defects
    next_tick = time.monotonic() + _TICK
    for article in reader:
        stats.returned += 1
        for defect in article.defects:
            defects[defect.kind] += 1
        now = time.monotonic()
        if now >= next_tick:
            next_tick = now + _TICK
            if stop.is_set():
                raise _Stopped
            send(("tick", index, stats.returned + reader.left_out, counter.count))
        yield article


def _dump_part(articles: Iterable[Article], out: BinaryIO) -> None:
    pickler = pickle.Pickler(out, pickle.HIGHEST_PROTOCOL)
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= _PART_CHUNK:
            pickler.dump(chunk)
            pickler.clear_memo()
            chunk = []
    if chunk:
        pickler.dump(chunk)


def _load_part(path: str) -> Iterator[Article]:
    with open(path, "rb") as stream:
        unpickler = pickle.Unpickler(stream)
        while True:
            try:
                chunk = unpickler.load()
            except EOFError:
                return
            yield from chunk


def _temporary(final: str) -> str:
    head, tail = os.path.split(final)
    return os.path.join(head, f".{tail}{_TEMP_SUFFIX}")


_OUTPUT_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EROFS") if hasattr(errno, name)
)


def _convert_one(task: _Task, job: _Job, send: Send, stop: _Flag) -> FileReport:
    """Convert one input into its output (or part); never raises but for Ctrl-C."""
    started = time.perf_counter()
    send(("start", task.index))
    stats = _Stats()
    reader: api.Reader | None = None
    stream: BinaryIO | None = None
    temporary: str | None = None
    failure: ErrorRecord | None = None
    fields: dict[str, Any] = {"input": task.name, "output": None if job.parts else task.output, "size": task.size}
    try:
        with warnings.catch_warnings():
            # Documents left out are collected from the reader and reported by
            # the main process, not printed here by each worker.
            warnings.simplefilter("ignore", SkippedDocumentWarning)
            stream, counter = _open_input(task.path)
            reader = api.load(stream, job.format, policy=job.policy, filename=task.name)
            fields["format"] = reader.format.name
            to = _resolve(job.to)
            temporary = _temporary(task.output)
            try:
                out = open(temporary, "wb")  # noqa: SIM115
            except OSError as err:
                failure = ErrorRecord.from_exception(err, fatal=True, kind="output-error", name=temporary)
                raise
            with out:
                articles = _counted(reader, stats, counter, task.index, send, stop)
                if job.parts:
                    _dump_part(articles, out)
                else:
                    to.write(articles, out)
            try:
                os.replace(temporary, task.output)
            except OSError as err:
                failure = ErrorRecord.from_exception(err, fatal=True, kind="output-error", name=task.output)
                raise
            temporary = None
    except _Stopped:
        return FileReport(**fields, status="interrupted", seconds=time.perf_counter() - started)
    except WriteError as err:
        failure = ErrorRecord.from_exception(err, fatal=True, kind="write-error", name=task.name)
    except (WirecopyError, OSError) as err:
        if failure is None:
            output_problem = isinstance(err, OSError) and err.errno in _OUTPUT_ERRNOS
            kind = "output-error" if output_problem else ("unknown-format" if _is_format_error(err) else None)
            failure = ErrorRecord.from_exception(err, fatal=True, kind=kind, name=task.name)
    except Exception as err:  # a format's bug must not stop a corpus run; it is reported instead
        where = f" in format {fields['format']!r}" if "format" in fields else ""
        failure = ErrorRecord(
            message=f"{task.name}: unexpected {type(err).__name__}{where}: {err}",
            kind="internal-error",
            fatal=True,
        )
    finally:
        if reader is not None:
            reader.close()
        if stream is not None:
            stream.close()
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.remove(temporary)
    skipped = reader.skipped if reader is not None else ()
    left_out = reader.left_out if reader is not None else 0
    errors = [ErrorRecord.from_exception(e, fatal=False, name=task.name) for e in skipped]
    read = stats.returned + left_out
    seconds = time.perf_counter() - started
    if failure is not None:
        return FileReport(
            **fields, status="failed", read=read, written=0, skipped=read, errors=[*errors, failure], seconds=seconds
        )
    return FileReport(
        **fields,
        status="converted",
        read=read,
        written=stats.returned,
        skipped=left_out,
        defects=stats.defects,
        errors=errors,
        seconds=seconds,
    )


def _is_format_error(err: BaseException) -> bool:
    return isinstance(err, (AmbiguousFormatError, UnknownFormatError, FormatLoadError))


# The worker side of the process pool: set once per worker by the initializer.
_worker_send: Send | None = None
_worker_stop: _Flag | None = None


def _init_worker(channel: Any, stop: Any) -> None:
    # Ctrl-C reaches every process of the terminal's foreground group; only
    # the main process decides what to do with it, and tells the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _worker_send, _worker_stop
    _worker_send = channel.put
    _worker_stop = stop


def _work(batch: Sequence[_Task], job: _Job) -> list[tuple[int, FileReport]]:
    """Convert a group of inputs in a worker process."""
    send, stop = _worker_send, _worker_stop
    assert send is not None and stop is not None
    done = []
    for task in batch:
        if stop.is_set():
            break
        report = _convert_one(task, job, send, stop)
        # Sent at once, so the main process learns of every finished file
        # even if this worker dies before the batch is over.
        send(("done", task.index, report))
        done.append((task.index, report))
        if report.status == "interrupted":
            break
    return done


# -- the main process -------------------------------------------------------


class _Run:
    """Runs the tasks, in this process or in a pool, and keeps score."""

    def __init__(
        self,
        tasks: Sequence[_Task],
        job: _Job,
        jobs: int,
        progress: Progress,
        strict: bool,
        on_record: Callable[[int, FileReport], None],
        *,
        done_files: int = 0,
    ) -> None:
        self.tasks = list(tasks)
        self.job = job
        self.jobs = jobs
        self.progress = progress
        self.strict = strict
        self.on_record = on_record
        self.results: dict[int, FileReport] = {}
        self.live: dict[int, tuple[int, int]] = {}
        self.stopping = False
        self.first_failure: FileReport | None = None
        self._files = done_files
        self._documents = 0
        self._bytes = 0

    # Bookkeeping, in the main process only.

    def record(self, index: int, report: FileReport) -> None:
        if index in self.results:
            return
        self.results[index] = report
        self.live.pop(index, None)
        if report.status not in ("interrupted", "pending"):
            self._files += 1
            self._documents += report.read
            self._bytes += report.size
        if report.status == "failed" and self.first_failure is None:
            self.first_failure = report
        if report.status == "failed" and self.strict:
            self.stopping = True
        self.on_record(index, report)
        self.show()

    def message(self, item: tuple[Any, ...]) -> None:
        kind, index = item[0], item[1]
        if kind == "done":
            self.record(index, item[2])
        elif index not in self.results:
            self.live[index] = (item[2], item[3]) if kind == "tick" else (0, 0)
            if kind == "tick":
                self.show()

    def show(self) -> None:
        documents = self._documents + sum(d for d, _ in self.live.values())
        size = self._bytes + sum(b for _, b in self.live.values())
        self.progress.update(files=self._files, documents=documents, size=size)

    # Running.

    def events(self) -> Generator[None, None, None]:
        """Run; yield each time a file finishes (the caller may then look at :attr:`results`)."""
        if self.jobs <= 1:
            return self._serial()
        return self._parallel()

    def _serial(self) -> Generator[None, None, None]:
        stop = threading.Event()
        for task in self.tasks:
            if self.stopping:
                return
            try:
                report = _convert_one(task, self.job, self.message, stop)
            except KeyboardInterrupt:
                self.record(
                    task.index,
                    FileReport(input=task.name, output=self._output(task), size=task.size, status="interrupted"),
                )
                raise
            self.record(task.index, report)
            yield None

    def _output(self, task: _Task) -> str | None:
        return None if self.job.parts else task.output

    def _parallel(self) -> Generator[None, None, None]:
        # Imported here: most uses of wirecopy never start a pool.
        import concurrent.futures as cf
        import multiprocessing

        # spawn, not fork: forking a process that has threads (a progress bar,
        # a notebook kernel) can deadlock, and spawn behaves the same on every OS.
        context = multiprocessing.get_context("spawn")
        channel = context.Queue()
        stop = context.Event()
        pool = cf.ProcessPoolExecutor(
            max_workers=self.jobs, mp_context=context, initializer=_init_worker, initargs=(channel, stop)
        )
        futures: dict[cf.Future[list[tuple[int, FileReport]]], list[_Task]] = {}
        finished = False
        try:
            for batch in _batches(self.tasks, self.jobs):
                futures[pool.submit(_work, batch, self.job)] = batch
            waiting = set(futures)
            while waiting and not self.stopping:
                done, waiting = cf.wait(waiting, timeout=_TICK, return_when=cf.FIRST_COMPLETED)
                before = len(self.results)
                self._drain(channel)
                for future in done:
                    self._settle(future, futures[future])
                if len(self.results) != before:
                    yield None
            finished = not waiting
        finally:
            if not finished:
                self._stop_pool(pool, futures, stop, channel)
            pool.shutdown(wait=True, cancel_futures=True)
            self._drain(channel)
            channel.close()
            channel.join_thread()

    def _stop_pool(
        self,
        pool: cf.ProcessPoolExecutor,
        futures: Mapping[cf.Future[list[tuple[int, FileReport]]], list[_Task]],
        stop: Any,
        channel: Any,
    ) -> None:
        """Ask the workers to drop what they are doing, and collect what they finished."""
        import concurrent.futures as cf

        stop.set()
        for future in futures:
            future.cancel()
        running = [f for f in futures if not f.cancelled()]
        try:
            for future in cf.as_completed(running):
                self._settle(future, futures[future])
                self._drain(channel)
        except KeyboardInterrupt:
            # A second Ctrl-C: do not wait for a worker stuck in a read.
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
            for future in running:
                for task in futures[future]:
                    if task.index in self.live:
                        self.record(task.index, self._interrupted(task))

    def _interrupted(self, task: _Task) -> FileReport:
        return FileReport(input=task.name, output=self._output(task), size=task.size, status="interrupted")

    def _drain(self, channel: Any) -> None:
        while True:
            try:
                item = channel.get_nowait()
            except queue.Empty:
                return
            except (OSError, EOFError, ValueError):  # the queue broke with a dead worker
                return
            self.message(item)

    def _settle(self, future: cf.Future[list[tuple[int, FileReport]]], batch: list[_Task]) -> None:
        from concurrent.futures.process import BrokenProcessPool

        if future.cancelled():
            return
        try:
            done = future.result()
        except BrokenProcessPool:
            # A worker died (killed, out of memory): every file it or its
            # siblings had started is lost; files never started stay pending.
            self.stopping = True
            for task in batch:
                if task.index in self.live:
                    message = (
                        f"{task.name}: a worker process stopped unexpectedly (killed, or out of memory) "
                        "while this file was converted"
                    )
                    failure = ErrorRecord(message=message, kind="worker-crashed", fatal=True)
                    self.record(
                        task.index,
                        FileReport(
                            input=task.name,
                            output=self._output(task),
                            size=task.size,
                            status="failed",
                            errors=(failure,),
                        ),
                    )
            return
        except Exception as err:  # e.g. a format that cannot be pickled
            self.stopping = True
            for task in batch:
                failure = ErrorRecord(
                    message=f"{task.name}: {type(err).__name__}: {err}", kind="internal-error", fatal=True
                )
                self.record(
                    task.index,
                    FileReport(
                        input=task.name, output=self._output(task), size=task.size, status="failed", errors=(failure,)
                    ),
                )
            return
        for index, report in done:
            self.record(index, report)


def _batches(tasks: Sequence[_Task], jobs: int) -> Iterator[list[_Task]]:
    per_batch = max(1, min(_MAX_BATCH, len(tasks) // (jobs * 16)))
    batch: list[_Task] = []
    size = 0
    for task in tasks:
        if batch and (len(batch) >= per_batch or size + task.size > _MAX_BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(task)
        size += task.size
    if batch:
        yield batch


def _cpu_count() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(1, len(affinity(0)))
    return os.cpu_count() or 1


def _settings(to: Format, format: str | Format | None, policy: Policy) -> str:
    source = "detect" if format is None else _resolve(format).name
    return f"to={to.name} format={source} policy={policy!r}"


class _State:
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
            temporary = self.path + _TEMP_SUFFIX
            with open(temporary, "w", encoding="utf-8") as out:
                for key, line in sorted(self.records.items()):
                    if os.path.isfile(os.path.join(self.directory, key)):
                        out.write(line + "\n")
            os.replace(temporary, self.path)
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


# -- the entry point --------------------------------------------------------


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
) -> ConvertReport:
    """Convert many input files into *to*, in parallel, and report what became of each.

    >>> report = wirecopy.convert("corpus/", output="out/", to="jsonl")  # doctest: +SKIP
    >>> report.summary()  # doctest: +SKIP
    '200 files: 200 converted; 48,112 documents read, 48,112 written, 0 skipped; 9.8 s, 4,909 documents/s'

    Args:
        inputs: Files, directories (read recursively) and glob patterns;
            see :func:`expand_inputs`.
        output: A directory (one output file per input, see
            :func:`output_name`; reruns skip what is done), a file (every
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
    return _convert(
        inputs,
        output=output,
        to=to,
        format=format,
        jobs=jobs,
        errors=errors,
        policy=policy,
        progress=progress,
        force=force,
    )


def _convert(
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
    progress_stream: IO[str] | None = None,
) -> ConvertReport:
    """:func:`convert`, plus *names*: display names for some paths (``"<stdin>"`` for a spooled copy)."""
    started = time.monotonic()
    base = default if policy is None else policy
    pol = base if errors is None or errors == base.errors else base.clone(errors=errors)
    target = _resolve(to)
    if not target.can_write:
        msg = f"format {target.name!r} can be read but not written"
        raise WriteError(msg)
    if format is not None:
        _resolve(format)  # an unknown name fails now, not once per file
    if jobs is None:
        jobs = _cpu_count()
    elif jobs < 1:
        msg = f"jobs must be at least 1 (got {jobs})"
        raise ValueError(msg)
    # Workers look formats up by name in their own registry (entry points
    # included); an instance is sent as it is.
    job_to: str | Format = to if isinstance(to, Format) else target.name
    if isinstance(output, (str, os.PathLike)):
        out_name = os.fspath(output)
        directory = _is_directory_output(out_name)
        inputs_found = expand_inputs(inputs, exclude=[out_name])
    else:
        out_name = (
            "<stdout>" if output is getattr(sys.stdout, "buffer", None) else str(getattr(output, "name", "<stream>"))
        )
        directory = False
        inputs_found = expand_inputs(inputs)
    display = progress_stream if progress_stream is not None else sys.stderr
    bar = make_progress(progress, display)
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
    state = _State(out_dir, _settings(target, format, policy))
    try:
        keys = [output_name(rel, target).replace(os.sep, "/") for rel in _relative_names(paths)]
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
            tasks.append(_Task(index=index, path=path, name=name, size=st.st_size, output=final))

        def on_record(index: int, report: FileReport) -> None:
            if report.status == "converted":
                state.add(keys[index], fingerprints[index], report)
            _warn_about(report, policy, bar)

        for report in reports:
            if report is not None and report.status == "failed":
                _warn_about(report, policy, bar)
        workers = min(plan.jobs, len(tasks)) or 1
        job = _Job(format=format, to=plan.job_to, policy=policy, parts=False)
        run = _Run(tasks, job, workers, bar, policy.strict, on_record, done_files=len(paths) - len(tasks))
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


def _raise_for(report: ConvertReport, run: _Run | None, policy: Policy) -> None:
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
        tasks.append(_Task(index=index, path=path, name=name, size=size, output=os.path.join(parts, f"{index}.part")))
    for report in reports:
        if report is not None:
            _warn_about(report, policy, bar)
    workers = min(plan.jobs, len(tasks)) or 1
    job = _Job(format=plan.format, to=plan.job_to, policy=policy, parts=True)
    run = _Run(
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
            handle, temporary = tempfile.mkstemp(
                prefix=f".{os.path.basename(out_name)}.", suffix=_TEMP_SUFFIX, dir=folder
            )
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
    except _Stopped:
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


def _merged(run: _Run, events: Iterator[None], merging: list[int]) -> Iterator[Article]:
    """The articles of every converted input, in input order, as their parts become ready."""
    for task in run.tasks:
        while task.index not in run.results:
            if run.stopping or next(events, StopIteration) is StopIteration:
                break
        result = run.results.get(task.index)
        if result is None or run.stopping:
            raise _Stopped
        if result.status != "converted":
            continue
        merging.append(task.index)
        yield from _load_part(task.output)
        with contextlib.suppress(OSError):
            os.remove(task.output)
