"""Documents per second for the XML formats, against a bare ElementTree pass.

Generates a few thousand RCV1-style and NITF-style documents (invented text,
one document per input, as the corpora ship them), then reads the same bytes
twice in the same run:

* **bare**: ``xml.etree.ElementTree.iterparse`` over each document, doing
  nothing with the elements (the floor any ElementTree-based reader pays);
* **wirecopy**: ``wirecopy.loads(data, format)``, which builds full
  ``Article`` records (dates parsed, datelines split, codes collected) behind
  the safety checks of ``wirecopy.kit.xml``.

Run from the repository root::

    python benchmarks/xml_formats.py            # 3000 documents per format, best of 5
    python benchmarks/xml_formats.py -n 1000 -r 3

The goal is for wirecopy to reach at least half the bare pass's rate.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable

import wirecopy

_WORDS = [
    "market",
    "shares",
    "rose",
    "fell",
    "percent",
    "index",
    "analysts",
    "said",
    "the",
    "company",
    "quarter",
    "profit",
    "bank",
    "rates",
    "government",
    "minister",
    "talks",
    "agreement",
    "officials",
    "report",
    "week",
    "year",
    "growth",
    "trade",
    "exports",
    "prices",
    "oil",
    "gold",
    "bonds",
    "dollar",
    "investors",
    "council",
    "vote",
    "election",
    "court",
    "ruling",
    "plan",
    "sources",
    "told",
]
_PLACES = ["NEW YORK", "LONDON", "TOKYO", "FRANKFURT", "SYDNEY", "PARIS", "MEXICO CITY", "SAN DIEGO"]
_COUNTRIES = ["USA", "UK", "JAPAN", "GERMANY", "AUSTRALIA", "FRANCE", "MEXICO"]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def rcv1_document(rng: random.Random, itemid: int) -> bytes:
    """One RCV1-style newsitem with invented text."""
    day = f"1996-{rng.randint(8, 12):02d}-{rng.randint(1, 28):02d}"
    place = rng.choice(_PLACES)
    country = rng.choice(_COUNTRIES)
    headline = _sentence(rng, 8)
    paragraphs = "\n".join(f"<p>{_sentence(rng, rng.randint(15, 40))}</p>" for _ in range(rng.randint(4, 12)))
    codes = "\n".join(
        f'  <code code="{code}">\n'
        f'    <editdetail attribution="Reuters BIP Coding Group" action="confirmed" date="{day}"/>\n'
        "  </code>"
        for code in rng.sample(["C15", "C151", "CCAT", "E11", "ECAT", "M11", "MCAT", "GCAT", "G15"], 4)
    )
    return (
        f'<?xml version="1.0" encoding="iso-8859-1" ?>\n'
        f'<newsitem itemid="{itemid}" id="root" date="{day}" xml:lang="en">\n'
        f"<title>{country}: {headline}</title>\n<headline>{headline}</headline>\n"
        f"<dateline>{place} {day}</dateline>\n<text>\n{paragraphs}\n</text>\n"
        f"<copyright>(c) Reuters Limited 1996</copyright>\n<metadata>\n"
        f'<codes class="bip:countries:1.0">\n  <code code="{country[:3]}"> </code>\n</codes>\n'
        f'<codes class="bip:topics:1.0">\n{codes}\n</codes>\n'
        f'<dc element="dc.date.published" value="{day}"/>\n<dc element="dc.source" value="Reuters"/>\n'
        f'<dc element="dc.creator.location" value="{place}"/>\n</metadata>\n</newsitem>\n'
    ).encode("latin-1")


def nitf_document(rng: random.Random, number: int) -> bytes:
    """One NITF 3.4-style document with invented text."""
    stamp = f"2015{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}00Z"
    place = rng.choice(_PLACES)
    headline = _sentence(rng, 9)
    first = f"<p>{place} (AP) \u2014 {_sentence(rng, 30)}</p>"
    paragraphs = "\n".join(f"        <p>{_sentence(rng, rng.randint(15, 40))}</p>" for _ in range(rng.randint(4, 12)))
    return (
        '<?xml version="1.0" encoding="utf-8" ?>\n'
        '<nitf version="-//IPTC//DTD NITF 3.4//EN">\n  <head>\n    <title>' + headline + "</title>\n"
        '    <meta name="anpa-category" content="a"/>\n'
        '    <tobject tobject.type="News"><tobject.subject tobject.subject.refnum="04000000"/></tobject>\n'
        f'    <docdata>\n      <doc-id id-string="bench.{number}" regsrc="AP"/>\n'
        f'      <date.issue norm="{stamp}"/>\n      <doc.copyright holder="AP" year="2015"/>\n    </docdata>\n'
        "  </head>\n  <body>\n    <body.head>\n"
        f"      <hedline><hl1>{headline}</hl1></hedline>\n      <byline>By A. WRITER<byttl>AP Writer</byttl></byline>\n"
        "      <distributor>The Associated Press</distributor>\n"
        f"      <dateline><location>{place}</location></dateline>\n"
        f"    </body.head>\n    <body.content>\n      <block>\n        {first}\n{paragraphs}\n      </block>\n"
        "    </body.content>\n  </body>\n</nitf>\n"
    ).encode("utf-8")


def _bare(documents: list[bytes]) -> None:
    for data in documents:
        for _ in ET.iterparse(io.BytesIO(data)):
            pass


def _wirecopy(name: str) -> Callable[[list[bytes]], None]:
    fmt = wirecopy.get_format(name)

    def run(documents: list[bytes]) -> None:
        """Read every document into articles."""
        for data in documents:
            wirecopy.loads(data, fmt)

    return run


def _best_of(runs: list[Callable[[list[bytes]], None]], documents: list[bytes], repeats: int) -> list[float]:
    """The best CPU time of each run; the runs take turns, so a busy machine slows them alike.

    CPU time (``time.process_time``) rather than wall time: on a shared
    machine, other processes then cost a run cache misses, not whole
    time slices.
    """
    best = [float("inf")] * len(runs)
    for _ in range(repeats):
        for index, run in enumerate(runs):
            start = time.process_time()
            run(documents)
            best[index] = min(best[index], time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one line per format."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=3000, help="documents per format (default 3000)")
    parser.add_argument("-r", type=int, default=5, help="repeats; the best is kept (default 5)")
    args = parser.parse_args(argv)
    rng = random.Random(20001230)
    suites = {
        "rcv1-xml": [rcv1_document(rng, 2000 + i) for i in range(args.n)],
        "nitf": [nitf_document(rng, i) for i in range(args.n)],
    }
    print(f"Python {sys.version.split()[0]}, {args.n} documents per format, best of {args.r}")
    print(f"{'format':<10} {'MB':>6} {'bare docs/s':>12} {'wirecopy docs/s':>16} {'ratio':>6}")
    for name, documents in suites.items():
        size = sum(map(len, documents)) / 1e6
        bare, ours = _best_of([_bare, _wirecopy(name)], documents, args.r)
        print(
            f"{name:<10} {size:>6.1f} {len(documents) / bare:>12,.0f} {len(documents) / ours:>16,.0f} "
            f"{bare / ours:>6.0%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
