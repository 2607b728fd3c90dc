"""Running the tasks of a conversion: in the calling process, or in a pool of worker processes."""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .._progress import Progress
from ..errors import ParseError
from ..report import ErrorRecord, FileReport
from ._check import OutputCheck
from ._worker import TICK, Job, Task, convert_one, init_worker, work

if TYPE_CHECKING:
    import concurrent.futures as cf

__all__ = ["Run", "batches", "cpu_count"]

_Done = list[tuple[int, FileReport, OutputCheck | None]]

#: Files per task sent to a worker at most, and bytes per task at most: small
#: files are sent in groups, so that 800,000 RCV1 files do not cost 800,000
#: round trips, while big files still spread evenly over the workers.
_MAX_BATCH = 32
_MAX_BATCH_BYTES = 16 << 20


class Run:
    """Runs the tasks, in this process or in a pool, and keeps score."""

    def __init__(
        self,
        tasks: Sequence[Task],
        job: Job,
        jobs: int,
        progress: Progress,
        strict: bool,
        on_record: Callable[[int, FileReport, OutputCheck | None], None],
        *,
        done_files: int = 0,
        on_problem: Callable[[ParseError, bool], None] | None = None,
    ) -> None:
        self.tasks = list(tasks)
        self.job = job
        self.jobs = jobs
        self.progress = progress
        self.strict = strict
        self.on_record = on_record
        self.on_problem = on_problem
        self.results: dict[int, FileReport] = {}
        self.live: dict[int, tuple[int, int]] = {}
        self.stopping = False
        self.first_failure: FileReport | None = None
        self._files = done_files
        self._documents = 0
        self._bytes = 0

    # Bookkeeping, in the main process only.

    def record(self, index: int, report: FileReport, check: OutputCheck | None = None) -> None:
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
        self.on_record(index, report, check)
        self.show()

    def message(self, item: tuple[Any, ...]) -> None:
        kind, index = item[0], item[1]
        if kind == "done":
            self.record(index, item[2], item[3])
        elif kind == "problems":
            if self.on_problem is not None:
                for error, left_out in item[2]:
                    self.on_problem(error, left_out)
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
                report, check = convert_one(task, self.job, self.message, stop)
            except KeyboardInterrupt:
                self.record(
                    task.index,
                    FileReport(input=task.name, output=self._output(task), size=task.size, status="interrupted"),
                )
                raise
            self.record(task.index, report, check)
            yield None

    def _output(self, task: Task) -> str | None:
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
            max_workers=self.jobs, mp_context=context, initializer=init_worker, initargs=(channel, stop, os.getpid())
        )
        futures: dict[cf.Future[_Done], list[Task]] = {}
        finished = False
        try:
            for batch in batches(self.tasks, self.jobs):
                futures[pool.submit(work, batch, self.job)] = batch
            waiting = set(futures)
            while waiting and not self.stopping:
                done, waiting = cf.wait(waiting, timeout=TICK, return_when=cf.FIRST_COMPLETED)
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
        futures: Mapping[cf.Future[_Done], list[Task]],
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

    def _interrupted(self, task: Task) -> FileReport:
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

    def _settle(self, future: cf.Future[_Done], batch: list[Task]) -> None:
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
        for index, report, check in done:
            self.record(index, report, check)


def batches(tasks: Sequence[Task], jobs: int) -> Iterator[list[Task]]:
    per_batch = max(1, min(_MAX_BATCH, len(tasks) // (jobs * 16)))
    batch: list[Task] = []
    size = 0
    for task in tasks:
        if batch and (len(batch) >= per_batch or size + task.size > _MAX_BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(task)
        size += task.size
    if batch:
        yield batch


def cpu_count() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(1, len(affinity(0)))
    return os.cpu_count() or 1
