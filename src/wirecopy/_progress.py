"""The live progress display of a conversion, on top of tqdm when it is installed.

tqdm comes with the optional extra ``wirecopy[progress]``: it is small, has no
dependencies of its own, and already solves what a hand-written display gets
wrong (terminal width, redrawing, rates that settle, printing lines above the
bar).  Without it there is no live display; the caller still prints its
summary line at the end.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import IO, Any

__all__ = ["Progress", "make_progress", "tqdm_available"]


class Progress:
    """What the conversion tells the display; the base class shows nothing."""

    def start(self, *, files: int, size: int, done_files: int, done_size: int) -> None:
        """Begin: *files* inputs of *size* bytes in all, of which *done_*... need no work."""

    def update(self, *, files: int, documents: int, size: int) -> None:
        """Files finished, documents read and input bytes consumed so far, in all."""

    @contextlib.contextmanager
    def external(self) -> Iterator[None]:
        """Clear the display while the caller prints a line on the same stream."""
        yield

    def close(self) -> None:
        """Remove the display."""


class _TqdmProgress(Progress):
    """A byte-based bar, so that time left is right for files of any size.

    The postfix carries what people count in: files and documents, and the
    document rate.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._bar: Any = None
        self._files = 0
        self._size = 0
        self._start = time.monotonic()
        self._fresh_documents = 0
        self._base_documents = 0

    def start(self, *, files: int, size: int, done_files: int, done_size: int) -> None:
        from tqdm import tqdm

        self._files = files
        self._size = done_size
        self._bar = tqdm(
            postfix=self._postfix(done_files, 0),
            total=max(size, 1),
            initial=done_size,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            file=self._stream,
            dynamic_ncols=True,
            mininterval=0.25,
            leave=False,
            desc="converting",
            bar_format="{desc} {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}{postfix}]",
        )

    def update(self, *, files: int, documents: int, size: int) -> None:
        if self._bar is None:
            return
        self._show(files, documents)
        if size > self._size:
            self._bar.update(size - self._size)
            self._size = size

    def _show(self, files: int, documents: int) -> None:
        self._bar.set_postfix_str(self._postfix(files, documents), refresh=False)

    def _postfix(self, files: int, documents: int) -> str:
        elapsed = time.monotonic() - self._start
        rate = documents / elapsed if elapsed > 0 else 0.0
        return f"{files:,}/{self._files:,} files, {documents:,} docs, {rate:,.0f} docs/s"

    @contextlib.contextmanager
    def external(self) -> Iterator[None]:
        if self._bar is None:
            yield
            return
        with self._bar.external_write_mode(file=self._stream):
            yield

    def close(self) -> None:
        bar, self._bar = self._bar, None
        if bar is not None:
            bar.close()


def tqdm_available() -> bool:
    """Whether the ``progress`` extra (tqdm) is installed."""
    try:
        import tqdm  # noqa: F401
    except ImportError:
        return False
    return True


def make_progress(enabled: bool | None, stream: IO[str]) -> Progress:
    """The display for *stream*.

    *enabled* ``None`` means: only when *stream* is a terminal.  Without tqdm
    there is never a live display.
    """
    if enabled is None:
        isatty = getattr(stream, "isatty", None)
        enabled = bool(isatty and isatty())
    if not enabled or not tqdm_available():
        return Progress()
    return _TqdmProgress(stream)
