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
