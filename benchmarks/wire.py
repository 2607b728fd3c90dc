"""Benchmark the anpa-1312 and iptc-7901 readers and writers on generated transmissions.

Usage::

    python benchmarks/wire.py            # about 50 MB per format, 5 passes
    python benchmarks/wire.py --quick    # about 5 MB per format, 3 passes, for a smoke run
    python benchmarks/wire.py --json     # also write benchmarks/_data/results/wire.json

The data is written once, by wirecopy's own writers from invented text, under
``benchmarks/_data/`` (git-ignored).  Every contender runs through
``benchmarks/_harness.py`` (a fresh process per pass, passes interleaved, CPU
time, best and median), which reports MB/s, transmissions/s, peak memory and
the ratio to the floor:

- ``floor``: read the file in 1 MiB chunks and count EOT bytes, nothing else;
- ``read``: ``wirecopy.read(path, format)`` to ``Article`` objects, header
  fields, dates and datelines included;
- ``write``: ``wirecopy.dump`` of the articles read, to ``/dev/null``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

import _harness

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
MB = 1_000_000
FORMATS = ("anpa-1312", "iptc-7901")

# Invented vocabulary: the text means nothing, but its word and paragraph
# lengths are those of wire copy.
_WORDS = (  # noqa: SIM905
    "the of and to in a said for on that is was with by at as from it has its be are have an will which not "
    "were had this but been their would after more they year also government minister percent two new last "
    "first told one over other market police officials three week state people president could some about "
    "than into when million since party his up who all between talks expected against country national "
    "harbor ferry council river station bridge museum village festival weather train storm"
).split()
_PLACES = ["PORTLAND, Maine", "NEW YORK", "Koblenz", "Kiel", "BUENOS AIRES, Argentina", "Geneva"]


def _articles(count: int, seed: int = 1312) -> list:
    import wirecopy

    rng = random.Random(seed)
    start = dt.datetime(2016, 1, 1, tzinfo=dt.timezone.utc)
    result = []
    for index in range(count):

        def sentence(low: int, high: int) -> str:
            return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high)))

        place = rng.choice(_PLACES)
        agency = "AP" if place.isupper() or "," in place else "dpa"
        result.append(
            wirecopy.Article(
                format="x",
                source=agency if agency == "dpa" else "AP",
                headline=sentence(5, 10).capitalize(),
                byline=f"By {sentence(2, 2).title()}",
                published=start + dt.timedelta(minutes=7 * index),
                dateline=wirecopy.split_dateline(f"{place} ({agency}) _ x")[0],
                paragraphs=[sentence(15, 45).capitalize() + "." for _ in range(rng.randint(4, 12))],
            )
        )
    return result


def _generate(target_mb: float) -> dict[str, Path]:
    import wirecopy

    paths = {}
    for name in FORMATS:
        path = DATA / f"wire-{name}-{target_mb:g}mb.bin"
        paths[name] = path
        if path.exists():
            continue
        batch = _articles(500)
        with _harness.generating(path) as partial, open(partial, "wb") as out:
            while out.tell() < target_mb * MB:
                wirecopy.dump(batch, out, name)
    return paths


# -- the contenders, each run in a fresh process by the harness ---------------


def floor(path: str) -> int:
    """Read the file in 1 MiB chunks and count EOT bytes."""
    count = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            count += chunk.count(b"\x04")
    return count


def read(path: str, name: str) -> Callable[[], int]:
    """Read every transmission to an ``Article``."""
    import wirecopy

    fmt = wirecopy.get_format(name)  # imported before the clock starts

    def run() -> int:
        count = 0
        for _ in wirecopy.read(path, fmt):
            count += 1
        return count

    return run


def write(path: str, name: str) -> Callable[[], int]:
    """Read the articles (not timed), then write them all to ``/dev/null``."""
    import wirecopy

    articles = list(wirecopy.read(path, name))

    def run() -> int:
        with open(os.devnull, "wb") as out:
            wirecopy.dump(articles, out, name)
        return len(articles)

    return run


def main(argv: list[str] | None = None) -> int:
    """Generate the transmissions if needed and print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="about 5 MB per format, 3 passes")
    title = "anpa-1312 and iptc-7901: generated transmissions"
    args, bench = _harness.start(__file__, parser, argv, title=title, passes=5)
    paths = _generate(5 if args.quick else 50)
    for name, path in paths.items():
        size = path.stat().st_size
        group = bench.group(name, f"{path.name}, {size / MB:.0f} MB")
        group.add("floor", "floor: count EOT bytes in 1 MiB chunks", "floor", baseline=True, size=size, path=str(path))
        group.add("read", "read to Article objects", "read", size=size, path=str(path), name=name)
        group.add("write", "write the articles read (to /dev/null)", "write", size=size, path=str(path), name=name)
        bench.run(group)
    bench.finish()
    return 0


if __name__ == "__main__":
    sys.exit(main())
