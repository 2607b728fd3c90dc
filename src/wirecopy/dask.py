"""Reading corpora with Dask: a bag of articles, one partition per input file or group of small files.

Needs the ``dask`` extra (``pip install "wirecopy[dask]"``); on a cluster,
also ``distributed`` (``dask.distributed``, which dask-jobqueue builds on).
Dask itself is imported only when a function here is called, so ``import
wirecopy`` and ``import wirecopy.dask`` never import it.

>>> import wirecopy.dask
>>> bag = wirecopy.dask.read_articles("gigaword/**/*.gz", format="trec-sgml")  # doctest: +SKIP
>>> bag.filter(lambda a: a.dateline is not None).count().compute()  # doctest: +SKIP
>>> wirecopy.dask.write_jsonl(bag, "out/")  # doctest: +SKIP

Each task reads whole files with :func:`wirecopy.read`, so a partition holds
the articles of its files, and the workers need the input files at the same
paths (a shared file system on a cluster).  Part files are written by the
workers, so the output folder must be shared too.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from . import api
from .article import Article
from .conversion import expand_inputs
from .errors import SkippedDocumentWarning, WirecopyError
from .policy import ErrorMode, Policy, default
from .registry import Format, get_format

if TYPE_CHECKING:
    import dask.bag

__all__ = ["DEFAULT_PARTITION_SIZE", "read_articles", "write_jsonl"]

#: Small files are grouped into one partition until it holds this many bytes
#: of input; a bigger file is a partition of its own.
DEFAULT_PARTITION_SIZE = 64 << 20


def read_articles(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    format: str | Format | None = None,
    *,
    errors: ErrorMode | None = None,
    policy: Policy | None = None,
    as_dicts: bool = False,
    partition_size: int = DEFAULT_PARTITION_SIZE,
) -> dask.bag.Bag:
    """A :class:`dask.bag.Bag` of the articles of *paths*, in input order.

    Args:
        paths: Files, directories (read recursively) and glob patterns, as
            for :func:`wirecopy.convert`.
        format: The input format; detected for each file when ``None``.
        errors: ``"strict"``: a file that cannot be read fails the
            computation.  ``"warn"`` (the default): it is left out with a
            :class:`~wirecopy.errors.SkippedDocumentWarning` (in the worker's
            log).  ``"skip"``: left out quietly.  Documents inside a file are
            treated as :func:`wirecopy.read` treats them.
        policy: The full reading :class:`~wirecopy.policy.Policy`.
        as_dicts: Give :meth:`Article.to_dict` dicts rather than
            :class:`~wirecopy.article.Article` records (for
            ``bag.to_dataframe()``, say).
        partition_size: Bytes of input per partition: small files are
            grouped up to this size; 1 gives one partition per file.

    Raises:
        ImportError: Dask is not installed.
        FileNotFoundError: An input does not exist.

    .. versionadded:: 0.1
    """
    import dask.bag

    db: Any = dask.bag  # dask has no type hints to check against
    base = default if policy is None else policy
    pol = base if errors is None or errors == base.errors else base.clone(errors=errors)
    if format is not None and not isinstance(format, Format):
        get_format(format)  # an unknown name fails here, not in every task
    files = expand_inputs(paths)
    groups = _group(files, partition_size)
    bag: dask.bag.Bag = db.from_sequence(groups, partition_size=1).map_partitions(
        _read_groups, format=format, policy=pol, as_dicts=as_dicts
    )
    return bag


def _group(files: Sequence[str], limit: int) -> list[list[str]]:
    groups: list[list[str]] = []
    size = 0
    for path in files:
        try:
            length = os.stat(path).st_size
        except OSError:
            length = 0
        if not groups or size + length > limit:
            groups.append([])
            size = 0
        groups[-1].append(path)
        size += length
    return groups


def _read_groups(
    partition: Iterable[Sequence[str]], *, format: str | Format | None, policy: Policy, as_dicts: bool
) -> list[Any]:
    """Read every file of a partition; run in the workers."""
    articles: list[Any] = []
    for group in partition:
        for path in group:
            try:
                with api.read(path, format, policy=policy) as reader:
                    if as_dicts:
                        articles.extend(article.to_dict() for article in reader)
                    else:
                        articles.extend(reader)
            except (WirecopyError, OSError) as err:
                if policy.strict:
                    raise
                if policy.errors == "warn":
                    text = str(err) if path in str(err) else f"{path}: {err}"
                    warnings.warn(SkippedDocumentWarning(text), stacklevel=2)
    return articles


def write_jsonl(
    bag: dask.bag.Bag,
    directory: str | os.PathLike[str],
    *,
    name: Callable[[int], str] = "part-{:05d}.jsonl".format,
    compute: bool = True,
    **compute_options: Any,
) -> list[Any]:
    """Write a bag of articles (records or dicts) as JSON Lines, one part file per partition.

    Each part is written to a temporary name and renamed, so a part file that
    exists is complete.  The lines are those of the ``jsonl`` format, so
    ``wirecopy.read(part)`` reads the articles back.

    Args:
        bag: Articles, as :func:`read_articles` gives them.
        directory: The folder for the part files; created if missing.
        name: The file name of partition *i*.
        compute: Write now and return the paths; with ``False``, return one
            :class:`dask.delayed.Delayed` per part, to compute later.
        compute_options: Passed to :func:`dask.compute` (``scheduler=``, ...).

    .. versionadded:: 0.1
    """
    import dask.bag
    from dask.base import tokenize
    from dask.highlevelgraph import HighLevelGraph

    db: Any = dask.bag  # dask has no type hints to check against
    source: Any = bag
    folder = os.fspath(directory)
    os.makedirs(folder, exist_ok=True)
    count = source.npartitions
    layer_name = f"wirecopy-write-jsonl-{tokenize(source, folder)}"
    # Each writing task depends on its partition alone, with the path as a
    # literal, so Dask fuses it with the task that reads the partition: one
    # task per partition, and no articles (or paths) travel between workers.
    layer: dict[Any, Any] = {
        (layer_name, index): (_write_part, (source.name, index), os.path.join(folder, name(index)))
        for index in range(count)
    }
    graph = HighLevelGraph.from_collections(layer_name, layer, dependencies=[source])
    writes = db.Bag(graph, layer_name, count)
    if not compute:
        import operator

        import dask

        dk: Any = dask
        return [dk.delayed(operator.getitem)(part, 0) for part in writes.to_delayed()]
    return list(writes.compute(**compute_options))


def _write_part(articles: Iterable[Any], path: str) -> list[str]:
    """Write one partition atomically; run in the workers."""
    jsonl = get_format("jsonl")
    temporary = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.wirecopy-tmp")
    records = (item if isinstance(item, Article) else Article.from_dict(item) for item in articles)
    try:
        with open(temporary, "wb") as out:
            jsonl.write(records, out)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise
    return [path]
