"""Telling which format an input is in, or saying that we cannot.

Detection narrows by file name first, as pygments does: the formats whose
:attr:`~wirecopy.registry.Format.extensions` match the name are asked first.
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
from .registry import Format, PluginWarning, Registry, default_registry

__all__ = ["HEAD_SIZE", "MIN_MARGIN", "MIN_SCORE", "Candidate", "Detection", "detect"]

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
    """Tell the format of *data*.

    Args:
        data: The input's bytes, its text (a ``str`` is always text, never a
            path), or a :class:`pathlib.Path` to a file, which may be
            compressed.
        filename: The input's name, used to narrow the candidates, when
            *data* is not a path.
        registry: The formats to choose from; all installed ones by default.

    .. versionadded:: 0.1
    """
    if isinstance(data, os.PathLike):
        name = os.fspath(data)
        with open_path(name) as stream:
            head, _ = read_head(stream)
        return rank(head, strip_compression_suffix(name), registry, source=name)
    # A str is encoded for sniffing only: each format's own encoding is
    # applied when reading.
    head = data[:HEAD_SIZE].encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data[:HEAD_SIZE])
    stripped = None if filename is None else strip_compression_suffix(filename)
    return rank(head, stripped, registry, source=filename)


def rank(
    head: bytes, filename: str | None, registry: Registry | None = None, *, source: str | None = None
) -> Detection:
    """Score *head* with every format and pick one, as :func:`detect` does."""
    fmts = (registry or default_registry).all()
    lower = None if filename is None else os.path.basename(filename).lower()
    scored = []
    for fmt in fmts:
        score = _sniff(fmt, head, filename)
        if score > 0.0:
            by_name = lower is not None and any(lower.endswith(ext) for ext in fmt.extensions)
            scored.append(Candidate(fmt.name, score, by_name))
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


def _sniff(fmt: Format, head: bytes, filename: str | None) -> float:
    try:
        score = float(fmt.sniff(head, filename))
    except Exception as err:  # a plugin's sniff must never break detection of the others
        warnings.warn(PluginWarning(f"format {fmt.name!r} failed to sniff: {err!r}"), stacklevel=3)
        return 0.0
    if score != score:  # NaN
        return 0.0
    return min(1.0, max(0.0, score))
