"""Throughput and memory of the plain-text, cnndm-story and rfc822-news readers.

Usage: ``python benchmarks/text.py [--quick]``

Generates invented inputs in a temporary folder (a form-feed separated
plain-text file, an rnews batch of Usenet articles, and a folder of .story
files), then reads each in a fresh process and prints MB/s, documents/s and
peak resident memory.  A plain line scanner over the same bytes gives the
floor that no parser can beat.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

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


MEASURE = r"""
import json, resource, sys, time
from pathlib import Path
kind, target = sys.argv[1], Path(sys.argv[2])
start = time.perf_counter()
count = 0
size = 0
if kind == "floor":
    with open(target, "rb") as stream:
        for line in stream:
            count += line == b"\x0c\n" or line.startswith(b"#! rnews")
    size = target.stat().st_size
else:
    import wirecopy
    if target.is_dir():
        for path in sorted(target.iterdir()):
            size += path.stat().st_size
            for article in wirecopy.read(path, kind):
                count += 1
    else:
        size = target.stat().st_size
        for article in wirecopy.read(target, kind):
            count += 1
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"mb": size / 1e6, "seconds": elapsed, "documents": count, "peak_mb": peak}))
"""


def measure(kind: str, target: Path) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", MEASURE, kind, str(target)], capture_output=True, check=True)
    data: dict[str, float] = json.loads(result.stdout)
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small inputs, for a smoke run")
    args = parser.parse_args()
    scale = 1 if args.quick else 10
    rng = random.Random(1312)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plain, plain2 = folder / "plain.txt", folder / "plain2.txt"
        rnews, rnews2 = folder / "batch.rnews", folder / "batch2.rnews"
        stories = folder / "stories"
        make_plain(plain, 2_000 * scale, rng)
        make_plain(plain2, 8_000 * scale, rng)
        make_rnews(rnews, 2_000 * scale, rng)
        make_rnews(rnews2, 8_000 * scale, rng)
        make_stories(stories, 500 * scale, rng)
        runs = [
            ("floor: line scan, no parsing", "floor", plain),
            ("plain-text", "plain-text", plain),
            ("plain-text, 4x the input", "plain-text", plain2),
            ("floor: line scan, no parsing", "floor", rnews),
            ("rfc822-news (rnews batch)", "rfc822-news", rnews),
            ("rfc822-news, 4x the input", "rfc822-news", rnews2),
            ("cnndm-story (one file per story)", "cnndm-story", stories),
        ]
        print("| Reader | input MB | MB/s | documents/s | peak RSS MB |")
        print("|---|---|---|---|---|")
        for label, kind, target in runs:
            result = measure(kind, target)
            rate = result["mb"] / result["seconds"]
            docs = result["documents"] / result["seconds"]
            print(f"| {label} | {result['mb']:.1f} | {rate:.1f} | {docs:,.0f} | {result['peak_mb']:.1f} |")


if __name__ == "__main__":
    main()
