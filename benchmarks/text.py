"""Throughput and memory of the plain-text, cnndm-story and rfc822-news readers.

Usage: ``python benchmarks/text.py [--quick] [--passes N] [--json [PATH]]``

Generates invented inputs once under ``benchmarks/_data/`` (git-ignored): a
form-feed separated plain-text file, an rnews batch of Usenet articles, each
also at four times the size, and a folder of .story files.  Every reader runs
through ``benchmarks/_harness.py`` (a fresh process per pass, passes
interleaved, CPU time, best and median), which prints MB/s, documents/s,
peak resident memory and the ratio to the floor: a plain line scanner over
the same bytes, which no parser can beat.

Then writing: the articles of the rnews batch and the plain-text file, read
before the clock starts, written as JSON Lines (``wirecopy.dump(articles,
stream, "jsonl")``) to the null device, against the floor of
``json.dumps`` of the plain dict of each article (its ``to_dict()``, built
before the clock starts) with ``ensure_ascii=False``, encoded and written
the same way; and ``Article.to_dict()`` alone.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import _harness

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
MB = 1_000_000

WORDS = [
    "harbour",
    "council",
    "ferry",
    "island",
    "vote",
    "spring",
    "crossing",
    "quay",
    "boat",
    "fares",
    "fuel",
    "keeper",
    "lighthouse",
    "town",
    "chairwoman",
    "residents",
    "mainland",
    "winter",
    "service",
    "timetable",
    "passengers",
    "opponents",
    "price",
]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(2, 4)))


def make_plain(path: Path, documents: int, rng: random.Random) -> None:
    with path.open("w", encoding="utf-8") as out:
        for index in range(documents):
            if index:
                out.write("\x0c\n")
            out.write(_sentence(rng, 6)[:-1] + "\n\n")
            if index % 3 == 0:
                out.write("PORT ELLIS, Maine (AP) _ ")
            out.write("\n\n".join(_paragraph(rng) for _ in range(5)) + "\n")


def make_rnews(path: Path, documents: int, rng: random.Random) -> None:
    with path.open("wb") as out:
        for index in range(documents):
            body = "\n\n".join(_paragraph(rng) for _ in range(4)) + "\n\n-- \nAda Quint\n"
            article = (
                f"Path: news.example.net!relay.example.org!not-for-mail\n"
                f"From: ada{index}@example.net (Ada Quint)\n"
                f"Newsgroups: rec.boats,alt.islands\n"
                f"Subject: Re: {_sentence(rng, 5)}\n"
                f"Message-ID: <{index}.ferry@example.net>\n"
                f"Date: Tue, 16 Mar 93 {index % 24:02d}:00:00 GMT\n"
                f"Organization: Port Ellis Harbour Council\n"
                f"Lines: {body.count(chr(10))}\n\n{body}"
            ).encode()
            out.write(b"#! rnews %d\n" % len(article))
            out.write(article)


def make_stories(folder: Path, documents: int, rng: random.Random) -> None:
    folder.mkdir()
    for index in range(documents):
        head = (
            "By \nMarta Fenwick\n\nPUBLISHED:\n\n09:40 EST, 14 March 2013\n\n\n| \n\n"
            "UPDATED:\n\n11:05 EST, 14 March 2013"
            if index % 2
            else "PORT ELLIS, Maine (CNN) -- " + _paragraph(rng)
        )
        body = "\n\n".join(_paragraph(rng) for _ in range(12))
        highlights = "\n\n".join(f"@highlight\n\n{_sentence(rng, 10)}" for _ in range(4))
        (folder / f"{index:040x}.story").write_text(f"{head}\n\n{body}\n\n{highlights}", encoding="utf-8")


# -- the contenders, each run in a fresh process by the harness ---------------


def floor(path: str) -> dict[str, int]:
    """Scan the lines of the file for document separators, and nothing else."""
    target = Path(path)
    count = 0
    with open(target, "rb") as stream:
        for line in stream:
            count += line == b"\x0c\n" or line.startswith(b"#! rnews")
    return {"documents": count, "size": target.stat().st_size}


def read(path: str, name: str) -> Callable[[], dict[str, int]]:
    """Read the file, or every file of the folder, to ``Article`` objects."""
    import wirecopy

    fmt = wirecopy.get_format(name)  # imported before the clock starts
    target = Path(path)

    def run() -> dict[str, int]:
        count = size = 0
        for item in sorted(target.iterdir()) if target.is_dir() else [target]:
            size += item.stat().st_size
            for _ in wirecopy.read(item, fmt):
                count += 1
        return {"documents": count, "size": size}

    return run


def _articles(paths: list[str]) -> list[Any]:
    import wirecopy

    return [
        article
        for path in paths
        for article in wirecopy.read(path, "rfc822-news" if path.endswith(".rnews") else "plain-text")
    ]


def write_jsonl(paths: list[str]) -> Callable[[], dict[str, int]]:
    """Write the articles of *paths* (read before the clock starts) as JSON Lines to the null device."""
    import wirecopy

    articles = _articles(paths)
    size = len(wirecopy.dumps(articles, "jsonl").encode("utf-8"))

    def run() -> dict[str, int]:
        with open(os.devnull, "wb") as out:
            wirecopy.dump(articles, out, "jsonl")
        return {"documents": len(articles), "size": size}

    return run


def dumps_floor(paths: list[str]) -> Callable[[], dict[str, int]]:
    """``json.dumps`` of each article's plain dict (built before the clock starts), encoded and written likewise."""
    records = [article.to_dict() for article in _articles(paths)]

    size = sum(len((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")) for record in records)

    def run() -> dict[str, int]:
        with open(os.devnull, "wb") as out:
            for record in records:
                out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        return {"documents": len(records), "size": size}

    return run


def to_dict(paths: list[str]) -> Callable[[], int]:
    """``Article.to_dict()`` of each article, and nothing else."""
    articles = _articles(paths)

    def run() -> int:
        for article in articles:
            article.to_dict()
        return len(articles)

    return run


def _inputs(scale: int) -> dict[str, Path]:
    """Generate the inputs under benchmarks/_data/ once; each with its own seed."""
    folder = DATA / f"text-x{scale}"
    paths = {
        "plain": folder / "plain.txt",
        "plain4": folder / "plain4.txt",
        "rnews": folder / "batch.rnews",
        "rnews4": folder / "batch4.rnews",
        "stories": folder / "stories",
    }
    makers = {
        "plain": lambda path, rng: make_plain(path, 2_000 * scale, rng),
        "plain4": lambda path, rng: make_plain(path, 8_000 * scale, rng),
        "rnews": lambda path, rng: make_rnews(path, 2_000 * scale, rng),
        "rnews4": lambda path, rng: make_rnews(path, 8_000 * scale, rng),
        "stories": lambda path, rng: make_stories(path, 500 * scale, rng),
    }
    for seed, (key, path) in enumerate(paths.items(), 1312):
        if not path.exists():
            print(f"generating {path.relative_to(HERE.parent)} ...")
            with _harness.generating(path) as partial:
                shutil.rmtree(partial, ignore_errors=True)
                makers[key](partial, random.Random(seed))
    return paths


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.iterdir()) if path.is_dir() else path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    """Generate the inputs if needed and print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="inputs a tenth of the size, 3 passes, for a smoke run")
    args, bench = _harness.start(__file__, parser, argv, title="plain-text, rfc822-news and cnndm-story", passes=5)
    paths = _inputs(1 if args.quick else 10)
    mb = {key: _size(path) / MB for key, path in paths.items()}

    plain = bench.group("plain-text", f"{mb['plain']:.0f} MB of form-feed separated articles, and 4x that")
    plain.add("floor", "floor: line scan, no parsing", "floor", baseline=True, path=str(paths["plain"]))
    plain.add("read", "plain-text", "read", path=str(paths["plain"]), name="plain-text")
    plain.add("read4", "plain-text, 4x the input", "read", path=str(paths["plain4"]), name="plain-text")
    bench.run(plain)

    rnews = bench.group("rfc822-news", f"an rnews batch of {mb['rnews']:.0f} MB, and 4x that")
    rnews.add("floor", "floor: line scan, no parsing", "floor", baseline=True, path=str(paths["rnews"]))
    rnews.add("read", "rfc822-news (rnews batch)", "read", path=str(paths["rnews"]), name="rfc822-news")
    rnews.add("read4", "rfc822-news, 4x the input", "read", path=str(paths["rnews4"]), name="rfc822-news")
    bench.run(rnews)

    stories = bench.group("cnndm-story", f"a folder of .story files, {mb['stories']:.0f} MB")
    stories.add("read", "cnndm-story (one file per story)", "read", path=str(paths["stories"]), name="cnndm-story")
    bench.run(stories)

    sources = [str(paths["rnews"]), str(paths["plain"])]
    writing = bench.group("writing JSON Lines", "the articles of the rnews batch and the plain-text file")
    writing.add("floor", "floor: json.dumps of a plain dict per article", "dumps_floor", baseline=True, paths=sources)
    writing.add("write", "jsonl writer (Article.to_dict included)", "write_jsonl", paths=sources)
    writing.add("to_dict", "Article.to_dict() alone", "to_dict", paths=sources)
    bench.run(writing)
    bench.finish()
    return 0


if __name__ == "__main__":
    sys.exit(main())
