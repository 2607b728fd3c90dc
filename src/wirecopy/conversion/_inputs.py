"""Which files a conversion reads, and what it names their outputs."""

from __future__ import annotations

import errno
import fnmatch
import os
import re
from collections.abc import Iterable, Iterator, Sequence

from ..format import Format

__all__ = ["expand_inputs", "is_directory_output", "output_name", "relative_names"]

_GLOB_CHARS = frozenset("*?[")


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
            matches = sorted(_glob(name))
            if not matches:
                raise FileNotFoundError(errno.ENOENT, "no file matches this pattern", name)
            paths = []
            for match in matches:
                if os.path.islink(match) and os.path.isdir(match):
                    continue  # as in a folder walk, a link to a folder is not followed
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


def _glob(pattern: str) -> Iterator[str]:
    """The names *pattern* matches, as :func:`glob.glob` with ``recursive=True`` gives them,
    but never through a symbolic link to a folder: two links that point up
    would otherwise make ``**`` run forever.  Hidden names match only a
    part that starts with ``.``.
    """
    drive, rest = os.path.splitdrive(pattern)
    parts = [p for p in re.split(r"[\\/]" if os.sep == "\\" else "/", rest) if p]
    start = drive + (rest[0] if rest[:1] in ("/", os.sep) else "")
    literal = 0
    while literal < len(parts) and not _GLOB_CHARS.intersection(parts[literal]):
        literal += 1
    top = os.path.join(start, *parts[:literal]) if literal else (start or os.curdir)
    yield from _match(top, parts[literal:], prefix=os.path.join(start, *parts[:literal]) if literal else start)


def _match(folder: str, parts: list[str], prefix: str) -> Iterator[str]:
    if not parts:
        if os.path.lexists(folder):
            yield prefix
        return
    part, rest = parts[0], parts[1:]
    if part == "**":
        yield from _match(folder, rest, prefix) if rest else iter([prefix] if prefix else [])
        for name, is_folder in _entries(folder, "*"):
            if is_folder:
                yield from _match(os.path.join(folder, name), parts, os.path.join(prefix, name))
            elif not rest:
                yield os.path.join(prefix, name)
        return
    if not _GLOB_CHARS.intersection(part):
        yield from _match(os.path.join(folder, part), rest, os.path.join(prefix, part))
        return
    for name, is_folder in _entries(folder, part):
        if is_folder or not rest:
            yield from _match(os.path.join(folder, name), rest, os.path.join(prefix, name))


def _entries(folder: str, part: str) -> list[tuple[str, bool]]:
    """The names in *folder* that *part* matches, and whether each is a folder that is not a link."""
    try:
        with os.scandir(folder) as entries:
            found = [(entry.name, entry.is_dir(follow_symlinks=False)) for entry in entries]
    except OSError:
        return []
    hidden = part.startswith(".")
    return sorted(
        (name, is_folder)
        for name, is_folder in found
        if (hidden or not name.startswith(".")) and fnmatch.fnmatch(name, part)
    )


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


def relative_names(paths: Sequence[str]) -> list[str]:
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


def is_directory_output(name: str | os.PathLike[str]) -> bool:
    """Whether :func:`~wirecopy.convert` takes *name* as a folder (one output per input) or as one file.

    A folder when it is one, when it ends with ``/``, or when it does not
    exist and has no extension (``out``, ``converted``).

    .. versionadded:: 0.1
    """
    name = os.fspath(name)
    if os.path.isdir(name):
        return True
    if name.endswith(("/", os.sep)):
        return True
    return not os.path.exists(name) and not os.path.splitext(os.path.basename(name))[1]
