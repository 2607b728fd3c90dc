"""Converting one input file into its output, in a worker process or in the calling one.

Nothing here raises but for Ctrl-C: whatever happens to a file ends in its
:class:`~wirecopy.report.FileReport`.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import io
import os
import pickle
import signal
import sys
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, BinaryIO, Protocol

import attrs

from .. import api
from .._io import create_temporary, decompressed
from ..article import Article
from ..errors import (
    AmbiguousFormatError,
    FormatLoadError,
    ParseError,
    SkippedDocumentWarning,
    UnknownFormatError,
    WirecopyError,
    WriteError,
)
from ..format import Format
from ..policy import Policy
from ..registry import get_format
from ..report import ErrorRecord, FileReport
from ._check import OutputCheck, Tally

__all__ = [
    "TICK",
    "Flag",
    "Job",
    "Reading",
    "Send",
    "Stopped",
    "Task",
    "convert_one",
    "init_worker",
    "load_part",
    "resolve",
    "work",
]

#: How often (seconds) a worker reports progress and looks for a stop request.
TICK = 0.2
#: Articles pickled together in a part file.
_PART_CHUNK = 256

#: prctl's option for the signal a process gets when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1

_OUTPUT_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EROFS") if hasattr(errno, name)
)


class Flag(Protocol):
    """What a worker asks to learn whether the run is being stopped."""

    def is_set(self) -> bool:
        """Whether the run is being stopped."""


#: How a worker tells the main process about a file: ``("start", index)``,
#: ``("tick", index, documents, bytes)`` or ``("done", index, report)``.
Send = Callable[[tuple[Any, ...]], None]


class Stopped(BaseException):
    """Raised inside a worker when the run is being stopped; a BaseException so no format catches it."""


@attrs.frozen
class Task:
    """One input to convert: where it is, what to call it, where its output goes."""

    index: int
    path: str
    name: str
    size: int
    output: str


@attrs.frozen
class Job:
    """The settings every task of a run shares; sent to each worker with its tasks."""

    format: str | Format | None
    to: str | Format
    policy: Policy
    parts: bool


def resolve(format: str | Format) -> Format:
    """The format *format* names, or *format* itself."""
    return format if isinstance(format, Format) else get_format(format)


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


def _open_input(path: str, max_ratio: int) -> tuple[BinaryIO, _Counted]:
    """Open *path* as :func:`wirecopy.read` does, decompressing, and count the stored bytes read."""
    counted = _Counted(open(path, "rb", buffering=0))  # noqa: SIM115 - closed by the caller
    stream: Any = io.BufferedReader(counted, 1 << 16)
    return decompressed(stream, path, max_ratio=max_ratio), counted


class _Problems:
    """The problems a reader reports, sent to the main process in groups, a few times a second."""

    def __init__(self, index: int, send: Send) -> None:
        self._index = index
        self._send = send
        self._pending: list[tuple[ParseError, bool]] = []
        self._next = time.monotonic() + TICK

    def __call__(self, error: ParseError, left_out: bool) -> None:
        self._pending.append((error, left_out))
        if len(self._pending) >= 256 or time.monotonic() >= self._next:
            self.flush()

    def flush(self) -> None:
        """Send what is pending."""
        self._next = time.monotonic() + TICK
        if self._pending:
            pending, self._pending = self._pending, []
            self._send(("problems", self._index, pending))


class Reading:
    """One input being read: its articles as they come, and then its report.

    Used for a file converted into its own output or part, and for the files
    that ``jobs=1`` writes straight into one output.
    """

    def __init__(self, task: Task, job: Job, send: Send, stop: Flag) -> None:
        self.task = task
        self._job = job
        self._send = send
        self._stop = stop
        self._started = time.perf_counter()
        self._reader: api.Reader | None = None
        self._stream: BinaryIO | None = None
        self._problems = _Problems(task.index, send)
        self.returned = 0
        self.failure: ErrorRecord | None = None
        self._defects: Counter[str] = Counter()
        self._fields: dict[str, Any] = {
            "input": task.name,
            "output": None if job.parts else task.output,
            "size": task.size,
        }

    def articles(self) -> Iterator[Article]:
        """Open the input and yield its articles, counting them; the caller closes with :meth:`close`."""
        self._send(("start", self.task.index))
        stream, counter = _open_input(self.task.path, self._job.policy.max_compression_ratio)
        self._stream = stream
        self._reader = reader = api.iter_load(
            stream, self._job.format, policy=self._job.policy, filename=self.task.name, on_problem=self._problems
        )
        self._fields["format"] = reader.format.name
        defects = self._defects
        next_tick = time.monotonic() + TICK
        index, send, stop = self.task.index, self._send, self._stop
        for article in reader:
            self.returned += 1
            for defect in article.defects:
                defects[defect.kind] += 1
            now = time.monotonic()
            if now >= next_tick:
                next_tick = now + TICK
                if stop.is_set():
                    raise Stopped
                send(("tick", index, self.returned + reader.left_out, counter.count))
            yield article

    def fail(self, err: BaseException, *, kind: str | None = None, name: str | None = None) -> None:
        """Record *err* as what stopped the file (the first failure recorded wins)."""
        if self.failure is not None:
            return
        if isinstance(err, WriteError):
            kind = "write-error"
        elif kind is None and isinstance(err, OSError) and err.errno in _OUTPUT_ERRNOS:
            kind = "output-error"
        elif kind is None and isinstance(err, (AmbiguousFormatError, UnknownFormatError, FormatLoadError)):
            kind = "unknown-format"
        if isinstance(err, (WirecopyError, OSError)):
            self.failure = ErrorRecord.from_exception(err, fatal=True, kind=kind, name=name or self.task.name)
            return
        # A format's bug must not stop a corpus run; it is reported instead.
        where = f" in format {self._fields['format']!r}" if "format" in self._fields else ""
        self.failure = ErrorRecord(
            message=f"{self.task.name}: unexpected {type(err).__name__}{where}: {err}",
            kind="internal-error",
            fatal=True,
        )

    def close(self) -> None:
        """Close the input, and send the problems still pending."""
        if self._reader is not None:
            self._reader.close()
        if self._stream is not None:
            self._stream.close()
        self._problems.flush()

    def interrupted(self) -> FileReport:
        """The report of a file stopped part-way: nothing of it counts."""
        return FileReport(**self._fields, status="interrupted", seconds=time.perf_counter() - self._started)

    def report(self, *, written: int | None = None) -> FileReport:
        """The file's report; *written* is how many of its articles are in the output (all, unless it failed)."""
        reader = self._reader
        skipped = reader.skipped if reader is not None else ()
        left_out = reader.left_out if reader is not None else 0
        errors = [ErrorRecord.from_exception(e, fatal=False, name=self.task.name) for e in skipped]
        read = self.returned + left_out
        seconds = time.perf_counter() - self._started
        if self.failure is not None:
            kept = written or 0
            return FileReport(
                **self._fields,
                status="failed",
                read=read,
                written=kept,
                skipped=read - kept,
                defects=self._defects if kept else {},
                errors=[*errors, self.failure],
                seconds=seconds,
            )
        return FileReport(
            **self._fields,
            status="converted",
            read=read,
            written=self.returned,
            skipped=left_out,
            defects=self._defects,
            errors=errors,
            seconds=seconds,
        )


def _dump_part(articles: Iterable[Article], out: BinaryIO) -> None:
    # A pickle per chunk, each with its own memo: one Pickler whose memo is
    # cleared between chunks, read back by one Unpickler whose memo is not,
    # gives wrong objects from the second chunk on.
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= _PART_CHUNK:
            pickle.dump(chunk, out, pickle.HIGHEST_PROTOCOL)
            chunk = []
    if chunk:
        pickle.dump(chunk, out, pickle.HIGHEST_PROTOCOL)


def load_part(path: str) -> Iterator[Article]:
    """The articles of a part file, in order."""
    with open(path, "rb") as stream:
        while True:
            try:
                chunk = pickle.load(stream)
            except EOFError:
                return
            yield from chunk


def convert_one(task: Task, job: Job, send: Send, stop: Flag) -> tuple[FileReport, OutputCheck | None]:
    """Convert one input into its output (or part); never raises but for Ctrl-C.

    Returns the file's report and, when its output was written, the check of
    that output.
    """
    with warnings.catch_warnings():
        # Documents left out are in the report, which the main process warns
        # about: the reader's own warnings would tell them twice.
        warnings.simplefilter("ignore", SkippedDocumentWarning)
        return _convert_one(task, job, send, stop)


def _convert_one(task: Task, job: Job, send: Send, stop: Flag) -> tuple[FileReport, OutputCheck | None]:
    reading = Reading(task, job, send, stop)
    temporary: str | None = None
    check: OutputCheck | None = None
    try:
        articles = reading.articles()
        to = resolve(job.to)
        try:
            handle, temporary = create_temporary(task.output)
        except OSError as err:
            reading.fail(err, kind="output-error", name=task.output)
            raise
        tally = Tally(io.FileIO(handle, "wb"))
        with io.BufferedWriter(tally, 1 << 16) as out:
            if job.parts:
                _dump_part(articles, out)
            else:
                to.write(articles, out)
        try:
            os.replace(temporary, task.output)
        except OSError as err:
            reading.fail(err, kind="output-error", name=task.output)
            raise
        temporary = None
        check = tally.result()
    except Stopped:
        return reading.interrupted(), None
    except Exception as err:
        reading.fail(err)
    finally:
        reading.close()
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.remove(temporary)
    return reading.report(), check


# The worker side of the process pool: set once per worker by the initializer.
_worker_send: Send | None = None
_worker_stop: Flag | None = None


def init_worker(channel: Any, stop: Any, parent: int) -> None:
    """Set up a worker process: its channel to the main process, the stop flag, and death with *parent*."""
    # Ctrl-C reaches every process of the terminal's foreground group; only
    # the main process decides what to do with it, and tells the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)
    global _worker_send, _worker_stop
    _worker_send = channel.put
    _worker_stop = stop


def _die_with(parent: int) -> None:
    """End this worker when the main process dies, however it dies (kill -9 included).

    A worker left running would go on writing outputs that a rerun writes
    too.  Linux sends a signal when the parent dies, set here with prctl;
    everywhere, a thread waits on the pipe that the parent holds open, which
    ends when the parent does.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)
    import multiprocessing

    watched = multiprocessing.parent_process()
    if watched is not None:

        def watch() -> None:
            watched.join()
            os._exit(1)

        threading.Thread(target=watch, name="wirecopy-parent-watch", daemon=True).start()


def work(batch: Sequence[Task], job: Job) -> list[tuple[int, FileReport, OutputCheck | None]]:
    """Convert a group of inputs in a worker process."""
    send, stop = _worker_send, _worker_stop
    assert send is not None and stop is not None
    done = []
    for task in batch:
        if stop.is_set():
            break
        report, check = convert_one(task, job, send, stop)
        # Sent at once, so the main process learns of every finished file
        # even if this worker dies before the batch is over.
        send(("done", task.index, report, check))
        done.append((task.index, report, check))
        if report.status == "interrupted":
            break
    return done
