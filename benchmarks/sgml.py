"""Benchmark the trec-sgml reader on a generated Gigaword-style month file.

Usage::

    python benchmarks/sgml.py            # 100 MB, 5 passes, plus the 400 MB memory check
    python benchmarks/sgml.py --quick    # 20 MB, 3 passes, no 400 MB file, for a smoke run
    python benchmarks/sgml.py --json     # also write benchmarks/_data/results/sgml.json

The data is generated once, from invented text, under ``benchmarks/_data/``
(git-ignored): a file of about 100 MB (50,000 documents), a gzipped copy of
it, and a file of about 400 MB for the memory check.  Every contender runs
through ``benchmarks/_harness.py``: a fresh process per pass, passes
interleaved, CPU time, best and median, with MB/s, documents/s, peak memory
and the ratio to each baseline (floor, ir_datasets, regex readers, line scanner) printed
from the same run:

- ``floor``: read the bytes and find every document boundary with
  ``bytes.find``, and nothing else;
- ``wirecopy``: ``wirecopy.read(path, "trec-sgml")`` to ``Article`` objects,
  dates, datelines and all;
- ``ir_datasets``: ``ir_datasets.formats.TrecDocs`` (its default BS4 parser)
  over the same file, if ir_datasets is installed (it is not a dependency of
  wirecopy: ``pip install ir_datasets beautifulsoup4 lxml``); left out, with
  a message, when it is not installed;
- ``ir_datasets-text``: the same with ``parser="text"``, its fastest path;
- ``regex``: a plain regular-expression reader that builds a dict per
  document (id, type, headline, dateline, paragraphs), written as such a
  reader usually is, with lazy ``.*?`` patterns; ``regex-tuned``: the same
  with "unrolled" patterns, which Python's ``re`` runs several times faster;
- ``linescan``: a plain Python line scanner that collects each document's
  text.

A second group reads a generated file shaped like the Reuters-21578
distribution's ``reut2-NNN.sgm`` (about 1.3 KB a document) with
``reuters21578-sgml``, and compares its MB/s with trec-sgml's.  With
``--before SRC`` (the ``src`` folder of another checkout, such as ``main``),
both groups also measure that wirecopy, so that before and after come from
one run.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib.util
import os
import random
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import _harness

HERE = Path(__file__).resolve().parent
DATA = HERE / "_data"
MB = 1_000_000

# Invented vocabulary: the text means nothing, but its word and paragraph
# lengths are those of wire copy.
_WORDS = (  # noqa: SIM905
    "the of and to in a said for on that is was with by at as from it has its be are have an will which not "
    "were had this but been their would after more they year also government minister percent two new last "
    "first told one over other market police officials three week state people president could some about "
    "than into when million since party his up who all between talks expected against country national "
    "under while security group agency city report court officials billion early meeting economic deal "
    "announced plans council region spokesman statement company prices trade foreign talks increase vote "
    "leaders border project water council opposition capital airport harbour festival museum railway bridge "
    "committee union season match final league coach players result record quarter growth figures exports "
    "shares index bank budget tax reform election campaign candidate villages farmers harvest rainfall"
).split()
_CITIES = (  # noqa: SIM905
    "Paris London Berlin Madrid Rome Vienna Geneva Brussels Lisbon Athens Warsaw Prague Cairo Nairobi Lagos "
    "Dakar Tokyo Seoul Beijing Manila Jakarta Bangkok Hanoi Sydney Wellington Ottawa Washington Lima Bogota "
    "Santiago Caracas Quito Havana Moscow Kiev Ankara Tehran Baghdad Amman Beirut Riyadh Doha Dubai Karachi"
).split()
_MONTHS = "January February March April May June July August September October November December".split()  # noqa: SIM905
_AGENCIES = (("AFP", "AFP"), ("APW", "AP"), ("XIN", "Xinhua"), ("NYT", "NYT"), ("LTW", "LATWP"), ("CNA", "CNA"))


def _sentence(rng: random.Random) -> str:
    words = rng.choices(_WORDS, k=rng.randint(8, 28))
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), f"{rng.randint(2, 9999):,}")
    if rng.random() < 0.01:
        words.insert(rng.randrange(len(words)), rng.choice(("P&amp;O", "AT&amp;T", "S&amp;P")))
    return " ".join(words) + "."


def _wrap(text: str, width: int = 80) -> str:
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def _document(rng: random.Random, number: int, day: int) -> str:
    prefix, credit = _AGENCIES[number % len(_AGENCIES)]
    doc_id = f"{prefix}_ENG_2009{5 + day // 31:02d}{day % 31 + 1:02d}.{number % 10000:04d}"
    month = _MONTHS[4 + day // 31]
    kind = "story" if rng.random() < 0.85 else rng.choice(("multi", "advis", "other"))
    headline = " ".join(rng.choices(_WORDS, k=rng.randint(4, 10))).capitalize()
    city = rng.choice(_CITIES)
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(5, 10))]
    out = [f'<DOC id="{doc_id}" type="{kind}" >\n<HEADLINE>\n{headline}\n</HEADLINE>\n']
    if prefix == "AFP":
        out.append(f"<DATELINE>\n{city}, {month} {day % 31 + 1}, 2009 ({credit})\n</DATELINE>\n")
    elif prefix != "NYT":
        # The others carry their dateline in the first paragraph.
        paragraphs[0] = f"{city.upper()} ({credit}) -- {paragraphs[0]}"
    out.append("<TEXT>\n")
    if kind == "story":
        out.extend(f"<P>\n{_wrap(p)}\n</P>\n" for p in paragraphs)
    else:
        out.append("\n\n".join(_wrap(p) for p in paragraphs) + "\n")
    out.append("</TEXT>\n</DOC>\n")
    return "".join(out)


def generate(path: Path, documents: int, seed: int = 20090531) -> None:
    """Write *documents* invented Gigaword-style documents to *path*."""
    rng = random.Random(seed)
    with _harness.generating(path) as partial, open(partial, "w", encoding="utf-8") as out:
        for number in range(documents):
            out.write(_document(rng, number, number * 60 // documents))


_TOPICS = ("earn", "acq", "crude", "trade", "grain", "money-fx", "interest", "ship", "sugar", "coffee", "cocoa")
_PLACES = ("usa", "uk", "japan", "west-germany", "canada", "france", "brazil", "el-salvador", "uruguay", "china")
_REUTERS_MONTHS = ("FEB", "MAR", "APR")


def _reuters_document(rng: random.Random, number: int) -> str:
    """One invented document laid out as in reut2-NNN.sgm."""
    month = _REUTERS_MONTHS[number * 3 // 20_000 % 3]
    day = number % 28 + 1
    hour, minute, second, hundredths = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 99)
    stamp = f"{day:2d}-{month}-1987 {hour:02d}:{minute:02d}:{second:02d}.{hundredths:02d}"
    topics = "".join(f"<D>{t}</D>" for t in rng.sample(_TOPICS, rng.randint(0, 2)))
    places = "".join(f"<D>{p}</D>" for p in rng.sample(_PLACES, rng.randint(1, 3)))
    title = " ".join(rng.choices(_WORDS, k=rng.randint(3, 8))).upper()
    city = rng.choice(_CITIES).upper()
    keyword = "-".join(title.split()[:3])
    out = [
        f'<REUTERS TOPICS="{"YES" if topics else "NO"}" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" '
        f'OLDID="{number + 5000}" NEWID="{number + 1}">\n',
        f"<DATE>{stamp}</DATE>\n<TOPICS>{topics}</TOPICS>\n<PLACES>{places}</PLACES>\n",
        "<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n",
        f"<UNKNOWN> \n&#5;&#5;&#5;C T\n&#22;&#22;&#1;f{number % 10000:04d}&#31;reute\n"
        f"u f BC-{keyword}   {month}-{day:02d} 0{rng.randint(100, 999)}</UNKNOWN>\n",
    ]
    # About 1.3 KB a document, as in the distribution (reut2-000.sgm: 1,000 documents in 1.3 MB).
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 2))) for _ in range(rng.randint(1, 8))]
    if rng.random() < 0.1:
        out.append(f'<TEXT TYPE="BRIEF">&#2;\n******<TITLE>{title}</TITLE>\nBlah blah blah.\n&#3;\n\n</TEXT>\n')
    else:
        body = "\n".join(("    " if i else "") + _wrap(p, 65) for i, p in enumerate(paragraphs))
        out.append(
            f"<TEXT>&#2;\n<TITLE>{title}</TITLE>\n<DATELINE>    {city}, {month.title()} {day} - </DATELINE>"
            f"<BODY>{body}\n Reuter\n&#3;</BODY></TEXT>\n"
        )
    out.append("</REUTERS>\n")
    return "".join(out)


def generate_reuters(path: Path, documents: int, seed: int = 19870226) -> None:
    """Write *documents* invented Reuters-21578 documents to *path*, in the layout of ``reut2-NNN.sgm``."""
    rng = random.Random(seed)
    with _harness.generating(path) as partial, open(partial, "w", encoding="latin-1") as out:
        out.write('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n')
        for number in range(documents):
            out.write(_reuters_document(rng, number))


# -- the contenders, each run in a fresh process by the harness ---------------


def _floor(path: str) -> int:
    count = 0
    with open(path, "rb") as stream:
        tail = b""
        while True:
            chunk = stream.read(1 << 20)
            if not chunk:
                break
            buf = tail + chunk
            pos = 0
            while True:
                start = buf.find(b"<DOC ", pos)
                if start < 0:
                    break
                end = buf.find(b"</DOC>", start)
                if end < 0:
                    break
                count += 1
                pos = end + 6
            tail = buf[pos:]
    return count


def _wirecopy(path: str, format: str = "trec-sgml", src: str | None = None) -> Callable[[], int]:
    if src is not None:
        # Another checkout's wirecopy (--before), imported in place of this one.
        sys.path.insert(0, src)
    import wirecopy

    fmt = wirecopy.get_format(format)  # imported before the clock starts

    def run() -> int:
        count = 0
        with wirecopy.read(path, fmt) as reader:
            for _ in reader:
                count += 1
        return count

    return run


def _ir_datasets(path: str, parser: str = "BS4") -> Callable[[], int]:
    from ir_datasets.formats import TrecDocs

    class _File:
        def __init__(self, name: str) -> None:
            self._name = name

        def path(self, force: bool = True) -> str:
            return self._name

        @contextlib.contextmanager
        def stream(self):  # type: ignore[no-untyped-def]
            with open(self._name, "rb") as f:
                yield f

    def run() -> int:
        count = 0
        for _ in TrecDocs(_File(path), parser=parser).docs_iter():
            count += 1
        return count

    return run


# Regular-expression readers: one pattern finds each document, one each
# field, and every document becomes a dict of its attributes, headline,
# dateline and paragraphs (<P> elements, else blank-line blocks), whitespace
# collapsed; no dates, no dateline fields, no checks.  The plain one is
# written as such a reader usually is, with lazy ".*?" patterns; the tuned
# one "unrolls" them ([^<]*(?:<(?!/DOC>)[^<]*)*), which Python's re runs
# several times faster.
_PLAIN_DOC = re.compile(r"<DOC\b([^>]*)>(.*?)</DOC>", re.DOTALL)
_PLAIN_FIELD = re.compile(r"<(HEADLINE|DATELINE)>(.*?)</\1>", re.DOTALL)
_PLAIN_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_PLAIN_P = re.compile(r"<P>(.*?)</P>", re.DOTALL)
_TUNED_DOC = re.compile(r"<DOC\b([^>]*)>([^<]*(?:<(?!/DOC>)[^<]*)*)</DOC>")
_TUNED_FIELD = re.compile(r"<(HEADLINE|DATELINE)>([^<]*)</\1>")
_TUNED_TEXT = re.compile(r"<TEXT>([^<]*(?:<(?!/TEXT>)[^<]*)*)</TEXT>")
_TUNED_P = re.compile(r"<P>([^<]*)</P>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_BLANK = re.compile(r"\n\s*\n")
_PATTERNS = {
    "plain": (_PLAIN_DOC, _PLAIN_FIELD, _PLAIN_TEXT, _PLAIN_P),
    "tuned": (_TUNED_DOC, _TUNED_FIELD, _TUNED_TEXT, _TUNED_P),
}


def _regex(path: str, patterns: str = "plain") -> int:
    doc, field, body, p = _PATTERNS[patterns]
    count = 0
    with open(path, encoding="utf-8") as stream:
        tail = ""
        while True:
            chunk = stream.read(1 << 20)
            buf = tail + chunk
            end = 0
            for match in doc.finditer(buf):
                content = match.group(2)
                record = dict(_ATTRIBUTE.findall(match.group(1)))
                for found in field.finditer(content):
                    record[found.group(1).lower()] = " ".join(found.group(2).split())
                text = body.search(content)
                parts = p.findall(text.group(1)) or _BLANK.split(text.group(1)) if text else []
                record["paragraphs"] = [" ".join(part.split()) for part in parts if part and not part.isspace()]
                count += 1
                end = match.end()
            tail = buf[end:]
            if not chunk:
                return count


def _linescan(path: str) -> int:
    count = 0
    text: list[str] = []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.startswith("</DOC>"):
                count += 1
                " ".join(text)
                text = []
            elif not line.startswith("<"):
                text.append(line.strip())
    return count


def main(argv: list[str] | None = None) -> int:
    """Generate the data if needed and print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 20 MB file, 3 passes and no 400 MB check")
    parser.add_argument(
        "--before",
        metavar="SRC",
        help="also measure the wirecopy in SRC (another checkout's src folder), for before and after from one run",
    )
    args, bench = _harness.start(__file__, parser, argv, title="trec-sgml: a Gigaword-style month file", passes=5)
    documents = 10_000 if args.quick else 50_000
    plain = DATA / f"gigaword-{documents}.sgml"
    if not plain.exists():
        print(f"generating {plain.relative_to(HERE.parent)} ...")
        generate(plain, documents)
    packed = plain.with_suffix(".sgml.gz")
    if not packed.exists():
        with open(plain, "rb") as src, gzip.open(packed, "wb", compresslevel=6) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    size = plain.stat().st_size
    note = f"{plain.name}, {size / MB:.0f} MB, {documents:,} documents ({packed.stat().st_size / MB:.0f} MB gzipped)"
    group = bench.group("trec-sgml", note)
    group.add("floor", "floor: bytes.find of the boundaries", "_floor", baseline=True, size=size, path=str(plain))
    group.add("wirecopy", "wirecopy trec-sgml", "_wirecopy", size=size, path=str(plain))
    group.add("wirecopy-gz", "wirecopy trec-sgml, gzipped input", "_wirecopy", size=size, path=str(packed))
    if args.before:
        group.add("before", "wirecopy trec-sgml, --before", "_wirecopy", size=size, path=str(plain), src=args.before)
        group.compare("wirecopy", "before")
    if importlib.util.find_spec("ir_datasets") is None:
        bench.skip(
            "ir_datasets TrecDocs (BS4)", "ir_datasets is not installed (pip install ir_datasets beautifulsoup4 lxml)"
        )
    else:
        from importlib import metadata

        bench.note("ir_datasets", metadata.version("ir_datasets"))
        group.add(
            "ir_datasets", "ir_datasets TrecDocs (BS4)", "_ir_datasets", baseline=True, size=size, path=str(plain)
        )
        group.add(
            "ir_datasets-text",
            'ir_datasets TrecDocs (parser="text")',
            "_ir_datasets",
            baseline=True,
            size=size,
            path=str(plain),
            parser="text",
        )
    group.add("regex", "plain regex reader, dicts", "_regex", baseline=True, size=size, path=str(plain))
    group.add(
        "regex-tuned",
        "tuned regex reader, dicts",
        "_regex",
        baseline=True,
        size=size,
        path=str(plain),
        patterns="tuned",
    )
    group.add("linescan", "plain line scanner", "_linescan", baseline=True, size=size, path=str(plain))
    group.compare("wirecopy-gz", "wirecopy")
    bench.run(group)
    reuters_documents = 4_000 if args.quick else 20_000
    reuters = DATA / f"reut2-{reuters_documents}.sgm"
    if not reuters.exists():
        print(f"generating {reuters.relative_to(HERE.parent)} ...")
        generate_reuters(reuters, reuters_documents)
    reuters_size = reuters.stat().st_size
    others = bench.group(
        "reuters21578-sgml",
        f"{reuters.name}, {reuters_size / MB:.0f} MB, {reuters_documents:,} documents; trec-sgml on {plain.name}",
    )
    others.add(
        "reuters",
        "wirecopy reuters21578-sgml",
        "_wirecopy",
        size=reuters_size,
        path=str(reuters),
        format="reuters21578-sgml",
    )
    if args.before:
        others.add(
            "reuters-before",
            "wirecopy reuters21578-sgml, --before",
            "_wirecopy",
            size=reuters_size,
            path=str(reuters),
            format="reuters21578-sgml",
            src=args.before,
        )
        others.compare("reuters", "reuters-before")
    others.add("trec", "wirecopy trec-sgml", "_wirecopy", size=size, path=str(plain))
    others.compare("reuters", "trec")
    bench.run(others)
    if not args.quick:
        big = DATA / f"gigaword-{documents * 4}.sgml"
        if not big.exists():
            print(f"generating {big.relative_to(HERE.parent)} ...")
            generate(big, documents * 4)
        large = bench.group("trec-sgml, 4x the file", f"{big.name}, {big.stat().st_size / MB:.0f} MB", passes=1)
        large.add("wirecopy", "wirecopy trec-sgml", "_wirecopy", size=big.stat().st_size, path=str(big))
        bench.run(large)
        print(
            f"peak memory, {size / MB:.0f} MB vs {big.stat().st_size / MB:.0f} MB: "
            f"{group['wirecopy'].get('peak_mb', 0):.1f} MB vs {large['wirecopy'].get('peak_mb', 0):.1f} MB"
        )
    bench.finish()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
