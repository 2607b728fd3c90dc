"""wirecopy.dask: a bag of articles that equals a plain read, on a real cluster and on the local schedulers."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import wirecopy
from wirecopy.conversion import expand_inputs

from .convert_formats import write_corpus

dask = pytest.importorskip("dask", reason="the dask extra is not installed: pip install '.[test]'")
pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed", reason="distributed is not installed: pip install '.[test]'")

import wirecopy.dask as wd  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five cnn-reuters files of four stories each, in two folders."""
    root = tmp_path_factory.mktemp("dask") / "corpus"
    write_corpus(root, files=5, per_file=4)
    return root


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    """A real two-process cluster on loopback, for the whole module."""
    with (
        distributed.LocalCluster(
            processes=True, n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def plain(root: Path) -> list[wirecopy.Article]:
    """What wirecopy.read gives for every file of *root*, in order."""
    return [article for path in expand_inputs(str(root)) for article in wirecopy.read(path)]


def test_cluster_gives_what_read_gives(corpus: Path, client: distributed.Client) -> None:
    """On a two-process LocalCluster the bag holds the same articles, in order, one partition per file."""
    bag = wd.read_articles(corpus, partition_size=1)
    assert bag.npartitions == 5
    articles = bag.compute()
    expected = plain(corpus)
    assert len(articles) == bag.count().compute() == len(expected) == 20
    assert articles == expected
    assert [a.origin for a in articles] == [a.origin for a in expected]
    # Two worker processes, neither of them this one.
    pids = client.run(os.getpid)
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()


def test_cluster_writes_jsonl_parts(corpus: Path, client: distributed.Client, tmp_path: Path) -> None:
    """write_jsonl writes one complete part per partition, and the parts read back to the same articles."""
    bag = wd.read_articles(corpus, partition_size=1)
    parts = wd.write_jsonl(bag, tmp_path / "parts")
    assert [Path(p).name for p in parts] == [f"part-{i:05d}.jsonl" for i in range(5)]
    back = [article for part in parts for article in wirecopy.read(part)]
    assert back == plain(corpus)
    assert not [p for p in (tmp_path / "parts").iterdir() if p.name.startswith(".")]


def test_cluster_dataframe(corpus: Path, client: distributed.Client) -> None:
    """to_dataframe() on the cluster is the article table, every column Arrow-backed, one partition per file."""
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    import wirecopy.arrow as wa

    frame = wd.read_articles(corpus, partition_size=1).to_dataframe()
    assert frame.npartitions == 5
    assert list(frame.columns) == wa.ARTICLE_SCHEMA.names
    assert all(isinstance(dtype, pd.ArrowDtype) for dtype in frame.dtypes)
    local = frame.compute()
    assert list(local.dtypes) == list(frame.dtypes)
    back = wa.from_table(pa.Table.from_pandas(local, preserve_index=False))
    assert [a.to_dict() for a in back] == [a.to_dict() for a in plain(corpus)]
    assert frame.groupby("format").size().compute().to_dict() == {"cnn-reuters": 20}


def test_cluster_writes_parquet_parts(corpus: Path, client: distributed.Client, tmp_path: Path) -> None:
    """write_parquet writes one complete Parquet part per partition, and the parts read back to the same articles."""
    pytest.importorskip("pyarrow")
    bag = wd.read_articles(corpus, partition_size=1)
    parts = wd.write_parquet(bag, tmp_path / "parts")
    assert [Path(p).name for p in parts] == [f"part-{i:05d}.parquet" for i in range(5)]
    back = [article for part in parts for article in wirecopy.read(part)]
    assert [a.to_dict() for a in back] == [a.to_dict() for a in plain(corpus)]
    assert not [p for p in (tmp_path / "parts").iterdir() if p.name.startswith(".")]


def test_dataframe_on_the_local_schedulers(corpus: Path) -> None:
    """A bag of dicts gives the same table; a mapped bag is a plain Bag; with meta, Dask's own conversion runs."""
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    articles = wd.read_articles(corpus, partition_size=1).to_dataframe().compute(scheduler="sync")
    dicts = wd.read_articles(corpus, as_dicts=True).to_dataframe().compute(scheduler="threads")
    assert articles.reset_index(drop=True).equals(dicts.reset_index(drop=True))
    bag = wd.read_articles(corpus, as_dicts=True)
    headlines = bag.map(lambda record: {"headline": record["headline"]})
    assert type(headlines) is dask.bag.Bag and type(bag.filter(bool)) is type(bag)
    assert len(headlines.to_dataframe().compute(scheduler="sync")) == 20
    own = bag.to_dataframe(meta={"format": object, "headline": object})
    assert list(own.columns) == ["format", "headline"]


def test_dataframe_of_other_things(corpus: Path) -> None:
    """A bag of articles turned into other things by dask.bag.map says to pass meta."""
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    numbers = dask.bag.map(len, wd.read_articles(corpus).map_partitions(lambda p: p))
    assert type(numbers) is dask.bag.Bag
    odd = dask.bag.map(lambda a: a.headline, wd.read_articles(corpus))
    with pytest.raises(TypeError, match="this bag holds str: pass meta= for Dask's own conversion"):
        odd.to_dataframe().compute(scheduler="sync")


def test_article_bag_pickles(corpus: Path) -> None:
    """The bag read_articles returns survives pickling, to_dataframe() and all."""
    import pickle

    bag = pickle.loads(pickle.dumps(wd.read_articles(corpus)))
    assert type(bag).__name__ == "ArticleBag" and bag.count().compute(scheduler="sync") == 20


def test_small_files_are_grouped(corpus: Path) -> None:
    """Small files share a partition up to partition_size bytes."""
    assert wd.read_articles(corpus).npartitions == 1
    sizes = sorted(p.stat().st_size for p in corpus.rglob("*.txt"))
    assert wd.read_articles(corpus, partition_size=sizes[-1] * 2).npartitions in (2, 3)


def test_dicts_on_the_local_schedulers(corpus: Path) -> None:
    """as_dicts gives Article.to_dict() records; the synchronous and threaded schedulers agree."""
    bag = wd.read_articles(corpus, as_dicts=True, partition_size=1)
    expected = [a.to_dict() for a in plain(corpus)]
    assert bag.compute(scheduler="sync") == expected
    assert bag.compute(scheduler="threads") == expected


def test_dicts_are_written_too(corpus: Path, tmp_path: Path) -> None:
    """write_jsonl takes a bag of dicts as well, and can return the writes for later."""
    bag = wd.read_articles(corpus, as_dicts=True)
    writes = wd.write_jsonl(bag, tmp_path / "parts", compute=False, name="{}.jsonl".format)
    assert not list((tmp_path / "parts").iterdir())
    (path,) = dask.compute(*writes, scheduler="sync")
    assert list(wirecopy.read(path)) == plain(corpus)


def test_unreadable_file(tmp_path: Path) -> None:
    """Under warn a file no format claims is left out with a warning; under strict the computation fails."""
    write_corpus(tmp_path, files=2, per_file=1)
    odd = tmp_path / "notes.dat"
    odd.write_bytes(b"not news\n")
    with pytest.warns(wirecopy.SkippedDocumentWarning, match="cannot tell the format of .*notes.dat"):
        assert len(wd.read_articles(tmp_path).compute(scheduler="sync")) == 2
    with pytest.raises(wirecopy.AmbiguousFormatError):
        wd.read_articles(tmp_path, errors="strict").compute(scheduler="sync")


def test_import_is_lazy() -> None:
    """import wirecopy, and import wirecopy.dask, do not import dask."""
    code = "import sys, wirecopy, wirecopy.dask; print('dask' in sys.modules, 'distributed' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]
