"""Documents per second for the XML formats, against a bare ElementTree pass.

Generates a few thousand documents of each XML format (invented text, one
document per input, as the corpora and feeds ship them; and NITF documents
again, concatenated in one input, as the ``nitf`` writer writes them), then
reads the same bytes twice in the same run:

* **bare**: ``xml.etree.ElementTree.iterparse`` over each document, doing
  nothing with the elements (the floor any ElementTree-based reader pays);
* **wirecopy**: ``wirecopy.loads(data, format)``, which builds full
  ``Article`` records (dates parsed, datelines split, codes collected) behind
  the safety checks of ``wirecopy.kit.xml``.

Both run through ``benchmarks/_harness.py``: a fresh process per pass (the
documents are generated in it before the clock starts), passes interleaved,
CPU time, best and median, peak memory, and the ratio of wirecopy to the
bare pass from the same run.  Run from the repository root::

    python benchmarks/xml_formats.py            # 3000 documents per format, 5 passes
    python benchmarks/xml_formats.py -n 1000 -r 3
    python benchmarks/xml_formats.py --quick    # 1000 documents, 3 passes
    python benchmarks/xml_formats.py --json     # also write benchmarks/_data/results/xml_formats.json
"""

from __future__ import annotations

import argparse
import io
import pyexpat
import random
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable

import _harness

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


def g2_document(rng: random.Random, number: int) -> bytes:
    """One NewsML-G2 newsItem with an XHTML body, as Reuters and dpa send them, with invented text."""
    stamp = (
        f"2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
    )
    place = rng.choice(_PLACES)
    headline = _sentence(rng, 9)
    paragraphs = "\n".join(f"          <p>{_sentence(rng, rng.randint(15, 40))}</p>" for _ in range(rng.randint(4, 12)))
    subjects = "".join(f'    <subject qcode="medtop:{rng.randint(1, 20):02d}000000"/>\n' for _ in range(4))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="tag:example.com,2019:bench'
        f'{number}" version="1" standard="NewsML-G2" standardversion="2.10" xml:lang="en">\n'
        '  <rightsInfo><copyrightHolder literal="Example"/></rightsInfo>\n'
        '  <itemMeta>\n    <itemClass qcode="ninat:text"/>\n    <provider literal="example.com"/>\n'
        f"    <versionCreated>{stamp}</versionCreated>\n    <firstCreated>{stamp}</firstCreated>\n"
        '    <pubStatus qcode="stat:usable"/>\n  </itemMeta>\n'
        f'  <contentMeta>\n    <urgency>3</urgency>\n    <language tag="en"/>\n{subjects}'
        f"    <slugline>BENCH-{number}</slugline>\n    <headline>{headline}</headline>\n"
        "    <by>By A. Writer</by>\n  </contentMeta>\n"
        '  <contentSet>\n    <inlineXML contenttype="application/xhtml+xml">\n'
        '      <html xmlns="http://www.w3.org/1999/xhtml">\n        <head><title/></head>\n        <body>\n'
        f"          <p>{place} (Example) - {_sentence(rng, 30)}</p>\n{paragraphs}\n"
        "        </body>\n      </html>\n    </inlineXML>\n  </contentSet>\n</newsItem>\n"
    ).encode()


def newsml1_document(rng: random.Random, number: int) -> bytes:
    """One NewsML 1.2 envelope of one NewsItem with a NITF body, as AFP sends them, with invented text."""
    stamp = f"2017{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}00Z"
    place = rng.choice(_PLACES).title()
    headline = _sentence(rng, 9)
    paragraphs = "\n".join(
        f"              <p>{_sentence(rng, rng.randint(15, 40))}</p>" for _ in range(rng.randint(4, 12))
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<NewsML Version="1.2">\n'
        f"  <NewsEnvelope><DateAndTime>{stamp}</DateAndTime></NewsEnvelope>\n"
        '  <NewsItem xml:lang="en">\n    <Identification><NewsIdentifier><ProviderId>afp.com</ProviderId>'
        f"<DateId>{stamp}</DateId><NewsItemId>TX-{number}</NewsItemId>"
        '<RevisionId PreviousRevision="0" Update="N">1</RevisionId>'
        f"<PublicIdentifier>urn:newsml:afp.com:{stamp}:TX-{number}:1</PublicIdentifier>"
        "</NewsIdentifier></Identification>\n"
        '    <NewsManagement><NewsItemType FormalName="News"/>'
        f'<FirstCreated>{stamp}</FirstCreated><Status FormalName="Usable"/></NewsManagement>\n'
        f"    <NewsComponent>\n      <NewsLines><HeadLine>{headline}</HeadLine>"
        f"<DateLine>{place}, Dec 20, 2017 (AFP) -</DateLine></NewsLines>\n"
        '      <AdministrativeMetadata><Provider><Party FormalName="AFP"/></Provider></AdministrativeMetadata>\n'
        '      <DescriptiveMetadata><Language FormalName="en"/><SubjectCode>'
        '<Subject FormalName="11000000"/></SubjectCode></DescriptiveMetadata>\n'
        '      <ContentItem><MediaType FormalName="Text"/><DataContent>\n'
        f"        <nitf><body><body.content>\n{paragraphs}\n        </body.content></body></nitf>\n"
        "      </DataContent></ContentItem>\n    </NewsComponent>\n  </NewsItem>\n</NewsML>\n"
    ).encode()


def _bare(documents: list[bytes]) -> None:
    for data in documents:
        for _ in ET.iterparse(io.BytesIO(data)):
            pass


def _wirecopy(case: str) -> Callable[[list[bytes]], None]:
    name, _, together = CASES[case]
    fmt = wirecopy.get_format(name)

    def run(documents: list[bytes]) -> None:
        """Read every document into articles."""
        for data in documents:
            wirecopy.loads(data, fmt)

    def run_together(documents: list[bytes]) -> None:
        """Read the documents, one after another in one input, into articles."""
        wirecopy.loads(b"".join(documents), fmt)

    return run_together if together else run


#: The cases: the format read, the documents, and whether they come in one input.
CASES = {
    "rcv1-xml": ("rcv1-xml", rcv1_document, False),
    "nitf": ("nitf", nitf_document, False),
    "nitf, concatenated": ("nitf", nitf_document, True),
    "newsml-g2": ("newsml-g2", g2_document, False),
    "newsml-1": ("newsml-1", newsml1_document, False),
}


def _documents(case: str, count: int) -> list[bytes]:
    """The documents of *case*, the same in every process: RCV1 first, then NITF (the seed's order), then the rest."""
    rng = random.Random(20001230)
    rcv1 = [rcv1_document(rng, 2000 + i) for i in range(count)]
    if case == "rcv1-xml":
        return rcv1
    make = CASES[case][1]
    return [make(rng, i) for i in range(count)]


# -- the contenders, each run in a fresh process by the harness ---------------


def bare(name: str, count: int) -> Callable[[], int]:
    """A bare ``iterparse`` pass over the documents of *name* (generated before the clock starts)."""
    documents = _documents(name, count)
    _bare(documents[:1])  # as for ours()

    def run() -> int:
        _bare(documents)
        return len(documents)

    return run


def ours(name: str, count: int) -> Callable[[], int]:
    """``wirecopy.loads`` of each document of *name* (generated before the clock starts)."""
    documents = _documents(name, count)
    read = _wirecopy(name)
    # One document read before the clock starts, so that imports and
    # compiled patterns the first read pulls in are not counted.
    read(documents[:1])

    def run() -> int:
        read(documents)
        return len(documents)

    return run


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one table per format."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=3000, help="documents per format (default 3000)")
    parser.add_argument(
        "-r", "--passes", dest="passes", type=int, default=5, help="passes; best and median are kept (default 5)"
    )
    parser.add_argument("--quick", action="store_true", help="1000 documents per format, 3 passes")
    args, bench = _harness.start(__file__, parser, argv, title="XML formats: one document per input")
    if args.quick:
        args.n = min(args.n, 1000)
    bench.note("expat", pyexpat.EXPAT_VERSION)
    for name in CASES:
        size = sum(map(len, _documents(name, args.n)))
        group = bench.group(name, f"{args.n:,} documents, {size / 1e6:.1f} MB")
        group.add("bare", "bare ElementTree.iterparse", "bare", baseline=True, size=size, name=name, count=args.n)
        group.add("wirecopy", f"wirecopy {name}", "ours", size=size, name=name, count=args.n)
        bench.run(group)
    bench.finish()
    return 0


if __name__ == "__main__":
    sys.exit(main())
