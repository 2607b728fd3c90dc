"""Synthetic corpora and misbehaving formats for the corpus-conversion tests.

A module of its own (not a test module) so that worker processes, which
import the formats they are sent by name, can import it without pytest.
"""

from __future__ import annotations

import datetime as _dt
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import wirecopy
from wirecopy.article import Article
from wirecopy.context import ReadContext
from wirecopy.formats.cnn_reuters import CNNReutersFormat

PLACES = ("harbourtown, freedonia", "lakeside, sylvania", "north ridge, osterlich", "port ellis, grand fenwick")


def story(file: int, number: int) -> Article:
    """An invented cnn-reuters story; *file* and *number* make it unique."""
    place = PLACES[(file + number) % len(PLACES)]
    return Article(
        format="cnn-reuters",
        source="CNN.com",
        headline=f"Ferry timetable {file}-{number} changes for the winter",
        published=_dt.date(2001, 1 + number % 12, 1 + file % 28),
        paragraphs=(
            f"{place} (reuters) -- the invented ferry service number {number} will sail twice a day "
            f"from the old pier, officials of district {file} said on monday.",
            "passengers were told to expect short delays while the new landing stage is built.",
        ),
    )


def write_corpus(root: Path, files: int, per_file: int) -> list[Path]:
    """Write *files* cnn-reuters files of *per_file* stories each, in two folders that share file names."""
    paths = []
    for file in range(files):
        folder = root / ("east" if file % 2 else "west")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{file // 2:03d}.txt"
        path.write_text(wirecopy.dumps([story(file, n) for n in range(per_file)], "cnn-reuters"), encoding="utf-8")
        paths.append(path)
    return paths


class SlowFormat(CNNReutersFormat):
    """cnn-reuters that takes *delay* seconds per article, so a run can be stopped part-way."""

    def __init__(self, delay: float = 0.05) -> None:
        self.delay = delay

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Read as cnn-reuters does, slowly."""
        for article in super().read(stream, context):
            time.sleep(self.delay)
            yield article


class CrashFormat(CNNReutersFormat):
    """cnn-reuters whose process dies, as if killed, on a file called ``crash.txt``."""

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Read as cnn-reuters does, except for crash.txt."""
        if context.source is not None and context.source.endswith("crash.txt"):
            time.sleep(0.3)  # let the other worker get going first
            os._exit(3)
        yield from super().read(stream, context)


class BuggyFormat(CNNReutersFormat):
    """cnn-reuters with a bug: it fails with an IndexError on its second article."""

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Read one article, then fail as a buggy format would."""
        for count, article in enumerate(super().read(stream, context)):
            if count == 1:
                raise IndexError("list index out of range")
            yield article


AGENCIES = (("AFP", "AFP"), ("APW", "AP"), ("XIN", "Xinhua"), ("NYT", "NYT"))
WORDS = "ferry council harbour winter timetable district officials pier landing stage delays passengers".split()  # noqa: SIM905


def write_gigaword(path: Path, documents: int, seed: int = 1) -> None:
    """Write *documents* invented Gigaword-style trec-sgml documents, varied as a real month file is.

    Datelines in a tag or in the first paragraph or none, story and
    non-story types, entities, and now and then a date that cannot be read
    (a defect): many shapes of article, which the one-output path must keep.
    """
    import random

    rng = random.Random(seed)
    out = []
    for number in range(documents):
        prefix, credit = AGENCIES[number % len(AGENCIES)]
        day = 1 + number % 28
        kind = "story" if rng.random() < 0.8 else rng.choice(("multi", "advis", "other"))
        words = " ".join(rng.choices(WORDS, k=rng.randint(4, 9)))
        paragraphs = [" ".join(rng.choices(WORDS, k=rng.randint(6, 30))) + "." for _ in range(rng.randint(1, 6))]
        if rng.random() < 0.05:
            paragraphs[0] += " P&amp;O said."
        out.append(f'<DOC id="{prefix}_ENG_200905{day:02d}.{number:04d}" type="{kind}" >\n')
        out.append(f"<HEADLINE>\n{words.capitalize()} {number}\n</HEADLINE>\n")
        if prefix == "AFP":
            month = "May" if rng.random() < 0.95 else "Mayember"
            out.append(f"<DATELINE>\nHarbourtown, {month} {day}, 2009 ({credit})\n</DATELINE>\n")
        elif prefix != "NYT":
            paragraphs[0] = f"LAKESIDE ({credit}) -- {paragraphs[0]}"
        out.append("<TEXT>\n")
        if kind == "story":
            out.extend(f"<P>\n{p}\n</P>\n" for p in paragraphs)
        else:
            out.append("\n\n".join(paragraphs) + "\n")
        out.append("</TEXT>\n</DOC>\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(out), encoding="utf-8")


class VanishingFormat(CNNReutersFormat):
    """cnn-reuters that deletes the file named ``vanish.txt`` beside the first file it reads."""

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Delete vanish.txt (once), then read as cnn-reuters does."""
        if context.source is not None:
            victim = Path(context.source).parent / "vanish.txt"
            if victim.exists():
                victim.unlink()
        yield from super().read(stream, context)
