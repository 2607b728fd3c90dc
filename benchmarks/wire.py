"""Benchmark the anpa-1312 and iptc-7901 readers and writers on generated transmissions.

Usage::

    python benchmarks/wire.py            # about 50 MB per format
    python benchmarks/wire.py --quick    # about 5 MB per format, for a smoke run

The data is written once, by wirecopy's own writers from invented text, under
``benchmarks/_data/`` (git-ignored).  Each measurement runs in a fresh process
so that its peak resident memory is its own, and reports MB/s,
transmissions/s and peak memory:

- ``floor``: read the file in 1 MiB chunks and count EOT bytes, nothing else;
- ``read``: ``wirecopy.read(path, format)`` to ``Article`` objects, header
  fields, dates and datelines included;
- ``write``: ``wirecopy.dump`` of the articles read, to ``/dev/null``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path

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

    DATA.mkdir(exist_ok=True)
    paths = {}
    for name in FORMATS:
        path = DATA / f"wire-{name}-{target_mb:g}mb.bin"
        paths[name] = path
        if path.exists():
            continue
        batch = _articles(500)
        with open(path, "wb") as out:
            while out.tell() < target_mb * MB:
                wirecopy.dump(batch, out, name)
    return paths


def _measure(kind: str, name: str, path: Path) -> dict[str, float]:
    code = f"""
import json, resource, sys, time
sys.path.insert(0, {str(HERE.parent / "src")!r})
import wirecopy
path, name, kind = {str(path)!r}, {name!r}, {kind!r}
started = time.perf_counter()
count = 0
if kind == "floor":
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            count += chunk.count(b"\\x04")
elif kind == "read":
    for _ in wirecopy.read(path, name):
        count += 1
else:
    articles = list(wirecopy.read(path, name))
    started = time.perf_counter()
    with open("/dev/null", "wb") as out:
        wirecopy.dump(articles, out, name)
    count = len(articles)
seconds = time.perf_counter() - started
print(json.dumps({{"seconds": seconds, "count": count,
                  "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="about 5 MB per format")
    args = parser.parse_args()
    paths = _generate(5 if args.quick else 50)
    print("| Format | Measure | MB/s | transmissions/s | peak RSS |")
    print("|---|---|---|---|---|")
    for name, path in paths.items():
        size = path.stat().st_size / MB
        for kind in ("floor", "read", "write"):
            got = _measure(kind, name, path)
            rate = size / got["seconds"]
            print(
                f"| {name} ({size:.0f} MB) | {kind} | {rate:.1f} | {got['count'] / got['seconds']:,.0f} "
                f"| {got['rss']:.1f} MB |"
            )


if __name__ == "__main__":
    main()
