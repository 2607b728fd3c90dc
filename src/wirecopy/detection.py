"""Telling which format an input is in, or saying that we cannot.

Detection narrows by file name first, as pygments does: the formats whose
:attr:`~wirecopy.format.Format.extensions` match the name are asked first.
Then each format scores the first :data:`HEAD_SIZE` bytes from 0 to 1.  A
format is chosen only when its score reaches :data:`MIN_SCORE` and beats the
runner-up by :data:`MIN_MARGIN` (a score of 1.0, a signature no other format
can have, always wins).  Anything less is reported as ambiguous rather than
guessed: name the format instead.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence

import attrs

from ._io import HEAD_SIZE, open_path, read_head, strip_compression_suffix
from .errors import AmbiguousFormatError
from .registry import PluginWarning, Registry, default_registry

__all__ = ["HEAD_SIZE", "MIN_MARGIN", "MIN_SCORE", "Candidate", "Detection", "detect", "detect_text"]

#: The lowest score detection accepts.
MIN_SCORE = 0.5
#: How far the best score must lead the runner-up.
MIN_MARGIN = 0.1


@attrs.frozen
class Candidate:
    """A format and the score it gave an input.

    .. versionadded:: 0.1
    """

    name: str
    """The format's canonical name."""

    score: float
    """From 0.0 (not this format) to 1.0 (certainly this format)."""

    by_name: bool = False
    """Whether the file name matched one of the format's extensions."""


@attrs.frozen
class Detection:
    """The outcome of :func:`detect`.

    .. versionadded:: 0.1
    """

    best: str | None
    """The chosen format's name, or ``None`` when detection is not sure."""

    candidates: tuple[Candidate, ...]
    """Every format that scored above zero, best first."""

    source: str | None = None
    """The file name, when there was one."""

    def require(self) -> str:
        """Return :attr:`best`, or raise when there is none.

        Raises:
            AmbiguousFormatError: Detection was not sure.
        """
        if self.best is None:
            raise AmbiguousFormatError(self.source, [(c.name, c.score) for c in self.candidates])
        return self.best


def detect(
    data: bytes | str | os.PathLike[str], *, filename: str | None = None, registry: Registry | None = None
) -> Detection:
    """Tell the format of a file, or of bytes.

    Args:
        data: A path to a file (a ``str`` or :class:`os.PathLike`, as
            ``open()`` takes it; the file may be compressed), or the input's
            bytes.  Text goes to :func:`detect_text`.
        filename: The input's name, used to narrow the candidates, when
            *data* is bytes.
        registry: The formats to choose from; all installed ones by default.

    Raises:
        OSError: The file cannot be opened.

    .. versionchanged:: 0.1
        A ``str`` is a path, as for :func:`wirecopy.read`.  Text that cannot
        be a path (it holds a line break or a NUL) is still sniffed as text,
        with a :class:`DeprecationWarning`, until the next release.

    .. versionadded:: 0.1
    """
    if isinstance(data, str) and ("\n" in data or "\0" in data):
        warnings.warn(
            "detect() with the text of a document is deprecated: a str is a path; use detect_text() for text",
            DeprecationWarning,
            stacklevel=2,
        )
        return detect_text(data, filename=filename, registry=registry)
    if isinstance(data, (str, os.PathLike)):
        name = os.fspath(data)
        with open_path(name) as stream:
            head, _ = read_head(stream)
        return rank(head, strip_compression_suffix(name), registry, source=name)
    stripped = None if filename is None else strip_compression_suffix(filename)
    return rank(bytes(data[:HEAD_SIZE]), stripped, registry, source=filename)


def detect_text(text: str, *, filename: str | None = None, registry: Registry | None = None) -> Detection:
    """Tell the format of *text*, the text of documents (never a path).

    The text is encoded as UTF-8 for sniffing only: each format's own
    encoding is applied when it is read.

    Args:
        text: The input.
        filename: The input's name, used to narrow the candidates.
        registry: The formats to choose from; all installed ones by default.

    .. versionadded:: 0.1
    """
    head = text[:HEAD_SIZE].encode("utf-8", "surrogatepass")
    stripped = None if filename is None else strip_compression_suffix(filename)
    return rank(head, stripped, registry, source=filename)


def rank(
    head: bytes, filename: str | None, registry: Registry | None = None, *, source: str | None = None
) -> Detection:
    """Score *head* with every format and pick one, as :func:`detect` does."""
    fmts = (registry or default_registry).all()
    lower = None if filename is None else os.path.basename(filename).lower()
    scored = []
    # Every format's sniffer runs on every file of a corpus converted without
    # a format named: the loop is kept lean (no call around each sniffer).
    for fmt in fmts:
        try:
            score = float(fmt.sniff(head, filename))
        except Exception as err:  # a plugin's sniff must never break detection of the others
            warnings.warn(PluginWarning(f"format {fmt.name!r} failed to sniff: {err!r}"), stacklevel=2)
            continue
        if score > 0.0:  # NaN is not
            by_name = lower is not None and lower.endswith(tuple(fmt.extensions))
            scored.append(Candidate(fmt.name, min(1.0, score), by_name))
    scored.sort(key=lambda c: (-c.score, not c.by_name, c.name))
    return Detection(_choose(scored), tuple(scored), source)


def _choose(ranked: Sequence[Candidate]) -> str | None:
    if not ranked:
        return None
    if ranked[0].score >= 1.0 and (len(ranked) == 1 or ranked[1].score < 1.0):
        return ranked[0].name
    named = [c for c in ranked if c.by_name]
    for pool in (named, ranked):
        if pool and _clear_winner(pool):
            return pool[0].name
    return None


def _clear_winner(pool: Sequence[Candidate]) -> bool:
    best = pool[0].score
    runner_up = pool[1].score if len(pool) > 1 else 0.0
    return best >= MIN_SCORE and best - runner_up >= MIN_MARGIN
