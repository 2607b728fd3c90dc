"""Reading corpora with Dask: a bag of articles, one partition per input file or group of small files.

Needs the ``dask`` extra (``pip install "wirecopy[dask]"``); on a cluster,
also ``distributed`` (``dask.distributed``, which dask-jobqueue builds on).
Dask itself is imported only when a function here is called, so ``import
wirecopy`` and ``import wirecopy.dask`` never import it.

>>> import wirecopy.dask
>>> bag = wirecopy.dask.read_articles("gigaword/**/*.gz", format="trec-sgml")  # doctest: +SKIP
>>> bag.filter(lambda a: a.dateline is not None).count().compute()  # doctest: +SKIP
>>> wirecopy.dask.write_jsonl(bag, "out/")  # doctest: +SKIP
>>> wirecopy.dask.write_parquet(bag, "out/")  # doctest: +SKIP
>>> frame = wirecopy.dask.read_articles("gigaword/**/*.gz").to_dataframe()  # doctest: +SKIP

Each task reads whole files with :func:`wirecopy.read`, so a partition holds
the articles of its files, and the workers need the input files at the same
paths (a shared file system on a cluster).  Part files are written by the
workers, so the output folder must be shared too.
"""

from __future__ import annotations

import contextlib
import functools
import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from . import _arrow, api
from .article import Article
from .conversion import expand_inputs
from .errors import SkippedDocumentWarning, WirecopyError
from .policy import ErrorMode, Policy, default
from .registry import Format, get_format

if TYPE_CHECKING:
    import dask.bag

__all__ = ["DEFAULT_PARTITION_SIZE", "read_articles", "write_jsonl", "write_parquet"]

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

    Returns:
        A bag whose ``to_dataframe()``, called without arguments, gives a
        :class:`dask.dataframe.DataFrame` of the article table: the columns of
        :data:`wirecopy.arrow.ARTICLE_SCHEMA`, every one Arrow-backed
        (:class:`pandas.ArrowDtype`), one dataframe partition per bag
        partition.  That needs pandas and pyarrow (``pip install
        "wirecopy[dask,arrow]" "dask[dataframe]"``).  With *meta* or
        *columns* it is :meth:`dask.bag.Bag.to_dataframe`.

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
    bag = db.from_sequence(groups, partition_size=1).map_partitions(
        _read_groups, format=format, policy=pol, as_dicts=as_dicts
    )
    articles: dask.bag.Bag = _article_bag_class()(bag.dask, bag.name, bag.npartitions)
    return articles


# Bag methods whose result holds something other than the articles: their
# result is a plain bag, whose to_dataframe() is Dask's own.
_RESHAPING = ("map", "map_partitions", "starmap", "pluck", "flatten", "join", "product", "foldby", "to_textfiles")


@functools.cache
def _article_bag_class() -> type[Any]:
    """The bag class :func:`read_articles` returns, made on first use so that dask is imported only then."""
    import dask.bag

    db: Any = dask.bag

    class ArticleBag(db.Bag):  # type: ignore[misc]
        """A :class:`dask.bag.Bag` of articles (or their dicts) whose ``to_dataframe()`` is Arrow-backed."""

        def to_dataframe(self, meta: Any = None, columns: Any = None, optimize_graph: bool = True) -> Any:
            """A dask DataFrame of the article table; with *meta* or *columns*, Dask's own conversion."""
            if meta is not None or columns is not None:
                return super().to_dataframe(meta, columns, optimize_graph)
            import dask.dataframe
            import pandas

            dd: Any = dask.dataframe
            empty = _arrow.article_schema().empty_table().to_pandas(types_mapper=pandas.ArrowDtype)
            frames = self.map_partitions(_frame).to_delayed(optimize_graph=optimize_graph)
            return dd.from_delayed(frames, meta=empty, verify_meta=False)

    def plain(method: str) -> Callable[..., Any]:
        def call(self: Any, *args: Any, **kwargs: Any) -> Any:
            result = getattr(db.Bag, method)(self, *args, **kwargs)
            return db.Bag(result.dask, result.name, result.npartitions)

        call.__name__ = method
        call.__doc__ = getattr(db.Bag, method).__doc__
        return call

    for method in _RESHAPING:
        setattr(ArticleBag, method, plain(method))
    # Pickled by reference as wirecopy.dask.ArticleBag (see __getattr__).
    ArticleBag.__module__ = __name__
    ArticleBag.__qualname__ = "ArticleBag"
    return ArticleBag


def __getattr__(name: str) -> Any:
    # The class needs dask, which is imported when the class is first asked for.
    if name == "ArticleBag":
        return _article_bag_class()
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def _frame(partition: Iterable[Any]) -> Any:
    """One partition's articles as a pandas DataFrame of Arrow columns; run in the workers."""
    import pandas

    articles = []
    for item in partition:
        if isinstance(item, Article):
            articles.append(item)
        elif isinstance(item, dict) and "format" in item:
            articles.append(Article.from_dict(item))
        else:
            msg = (
                f"to_dataframe() without meta makes a table of articles, but this bag holds {type(item).__name__}: "
                "pass meta= for Dask's own conversion"
            )
            raise TypeError(msg)
    table = _arrow.load("pyarrow", "wirecopy.dask's to_dataframe()").Table.from_batches(
        list(_arrow.batches(articles)), schema=_arrow.article_schema()
    )
    return table.to_pandas(types_mapper=pandas.ArrowDtype)


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
    return _write_parts(bag, directory, "jsonl", name, compute, compute_options)


def write_parquet(
    bag: dask.bag.Bag,
    directory: str | os.PathLike[str],
    *,
    name: Callable[[int], str] = "part-{:05d}.parquet".format,
    compute: bool = True,
    **compute_options: Any,
) -> list[Any]:
    """Write a bag of articles (records or dicts) as Parquet, one part file per partition.

    As :func:`write_jsonl`, in the ``parquet`` format: each part is an article
    table (:data:`wirecopy.arrow.ARTICLE_SCHEMA`) written in row groups as
    the partition is read, and the folder of parts is one dataset that
    pandas, Polars, DuckDB and ``dask.dataframe.read_parquet`` read whole.
    The workers need pyarrow (``pip install "wirecopy[dask,arrow]"``).  The
    arguments and the result are those of :func:`write_jsonl`; *name* gives
    ``part-00000.parquet``, ... by default.

    .. versionadded:: 0.1
    """
    return _write_parts(bag, directory, "parquet", name, compute, compute_options)


def _write_parts(
    bag: dask.bag.Bag,
    directory: str | os.PathLike[str],
    to: str,
    name: Callable[[int], str],
    compute: bool,
    compute_options: dict[str, Any],
) -> list[Any]:
    import dask.bag
    from dask.base import tokenize
    from dask.highlevelgraph import HighLevelGraph

    db: Any = dask.bag  # dask has no type hints to check against
    source: Any = bag
    folder = os.fspath(directory)
    os.makedirs(folder, exist_ok=True)
    count = source.npartitions
    layer_name = f"wirecopy-write-{to}-{tokenize(source, folder)}"
    # Each writing task depends on its partition alone, with the path as a
    # literal, so Dask fuses it with the task that reads the partition: one
    # task per partition, and no articles (or paths) travel between workers.
    layer: dict[Any, Any] = {
        (layer_name, index): (_write_part, (source.name, index), os.path.join(folder, name(index)), to)
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


def _write_part(articles: Iterable[Any], path: str, to: str) -> list[str]:
    """Write one partition atomically in format *to*; run in the workers."""
    fmt = get_format(to)
    temporary = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.wirecopy-tmp")
    records = (item if isinstance(item, Article) else Article.from_dict(item) for item in articles)
    try:
        with open(temporary, "wb") as out:
            fmt.write(records, out)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise
    return [path]
