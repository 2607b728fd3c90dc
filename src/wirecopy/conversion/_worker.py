"""Converting one input file into its output, in a worker process or in the calling one.

Nothing here raises but for Ctrl-C: whatever happens to a file ends in its
:class:`~wirecopy.report.FileReport`.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import pickle
import signal
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
    SkippedDocumentWarning,
    UnknownFormatError,
    WirecopyError,
    WriteError,
)
from ..format import Format
from ..policy import Policy
from ..registry import get_format
from ..report import ErrorRecord, FileReport

__all__ = [
    "TICK",
    "Flag",
    "Job",
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


@attrs.define
class _Stats:
    returned: int = 0
    defects: Counter[str] = attrs.Factory(Counter)


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


def _open_input(path: str) -> tuple[BinaryIO, _Counted]:
    """Open *path* as :func:`wirecopy.read` does, decompressing, and count the stored bytes read."""
    counted = _Counted(open(path, "rb", buffering=0))  # noqa: SIM115 - closed by the caller
    stream: Any = io.BufferedReader(counted, 1 << 16)
    return decompressed(stream, path), counted


def _counted(
    reader: api.Reader, stats: _Stats, counter: _Counted, index: int, send: Send, stop: Flag
) -> Iterator[Article]:
    defects = stats.defects
    next_tick = time.monotonic() + TICK
    for article in reader:
        stats.returned += 1
        for defect in article.defects:
            defects[defect.kind] += 1
        now = time.monotonic()
        if now >= next_tick:
            next_tick = now + TICK
            if stop.is_set():
                raise Stopped
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


def load_part(path: str) -> Iterator[Article]:
    """The articles of a part file, in order."""
    with open(path, "rb") as stream:
        unpickler = pickle.Unpickler(stream)
        while True:
            try:
                chunk = unpickler.load()
            except EOFError:
                return
            yield from chunk


def convert_one(task: Task, job: Job, send: Send, stop: Flag) -> FileReport:
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
            to = resolve(job.to)
            try:
                handle, temporary = create_temporary(task.output)
            except OSError as err:
                failure = ErrorRecord.from_exception(err, fatal=True, kind="output-error", name=task.output)
                raise
            with open(handle, "wb") as out:
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
    except Stopped:
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
_worker_stop: Flag | None = None


def init_worker(channel: Any, stop: Any) -> None:
    """Set up a worker process: its channel to the main process and the stop flag."""
    # Ctrl-C reaches every process of the terminal's foreground group; only
    # the main process decides what to do with it, and tells the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _worker_send, _worker_stop
    _worker_send = channel.put
    _worker_stop = stop


def work(batch: Sequence[Task], job: Job) -> list[tuple[int, FileReport]]:
    """Convert a group of inputs in a worker process."""
    send, stop = _worker_send, _worker_stop
    assert send is not None and stop is not None
    done = []
    for task in batch:
        if stop.is_set():
            break
        report = convert_one(task, job, send, stop)
        # Sent at once, so the main process learns of every finished file
        # even if this worker dies before the batch is over.
        send(("done", task.index, report))
        done.append((task.index, report))
        if report.status == "interrupted":
            break
    return done
