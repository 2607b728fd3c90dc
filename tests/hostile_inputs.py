"""The hostile-input regression corpus: one small reproducer per class of attack.

Each entry of :data:`CASES` makes the bytes of one file of
``tests/data/hostile/``, named after the class it reproduces (deep nesting,
giant tokens, huge numbers in dates, quadratic scans, control-byte soup,
entity tricks, ...).  They are generated, not collected: nothing here comes
from a real feed.  ``python -m tests.hostile_inputs`` writes them again;
``tests/test_hostile.py`` reads every one with every format, under every
policy, through ``loads``, ``read`` and the command line.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"

_NITF_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<nitf><head><title>Title</title></head><body><body.head>'
_NITF_TAIL = b"</body.head><body.content><p>Text.</p></body.content></body></nitf>\n"
_THIRTY = b"123456789012345678901234567890"


def _nitf(inner: bytes) -> bytes:
    return _NITF_HEAD + inner + _NITF_TAIL


def _entity(doctype_prefix: bytes) -> bytes:
    declaration = b'<!DOCTYPE nitf [<!ENTITY e "EXPANDED"><!ENTITY e2 "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>\n'
    return (
        doctype_prefix
        + declaration
        + b"<nitf><body><body.head><hedline><hl1>&e2;</hl1></hedline></body.head></body></nitf>\n"
    )


def _random(size: int, seed: int, alphabet: bytes | None = None) -> bytes:
    rng = random.Random(seed)
    if alphabet is None:
        return rng.randbytes(size)
    return bytes(rng.choice(alphabet) for _ in range(size))


def _trec(date: bytes, count: int = 1) -> bytes:
    doc = (
        b'<DOC id="AFP_ENG_20120314.0001" type="story" >\n<HEADLINE>\nA headline\n</HEADLINE>\n<DATELINE>\n'
        + date
        + b"\n</DATELINE>\n<DATE_TIME>"
        + date
        + b"</DATE_TIME>\n<TEXT>\n<P>\nA paragraph.\n</P>\n</TEXT>\n</DOC>\n"
    )
    return doc * count


#: ``{file name: a function that makes its bytes}``: the hostile corpus.
CASES: dict[str, Callable[[], bytes]] = {
    # Nesting far past Python's recursion limit.
    "deep-nesting.xml": lambda: _nitf(b"<p>" * 5_000 + b"x" + b"</p>" * 5_000),
    "deep-nesting-unclosed.xml": lambda: _NITF_HEAD + b"<a>" * 5_000,
    "deep-nesting.jsonl": lambda: b"[" * 20_000 + b"]" * 20_000 + b"\n",
    "deep-object.jsonl": lambda: b'{"a":' * 10_000 + b"1" + b"}" * 10_000 + b"\n",
    # Entities: declared after tricks that a text pre-scan could miss.
    "entity-second-bom.xml": lambda: _entity(b"\xef\xbb\xbf\xef\xbb\xbf"),
    "entity-after-comment.xml": lambda: _entity(b"<!-- <nitf> -->\n"),
    "entity-utf16.xml": lambda: _entity(b"").decode("ascii").encode("utf-16"),
    "entity-external.xml": lambda: (
        b'<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf><body><body.content><p>&x;</p>'
        b"</body.content></body></nitf>"
    ),
    # A complete document followed by garbage.
    "trailing-ampersand.xml": lambda: _nitf(b"<hedline><hl1>Kept</hl1></hedline>") + b"&",
    "second-end-tag.xml": lambda: _nitf(b"<hedline><hl1>Kept</hl1></hedline>") + b"</nitf>\n",
    # Giant tokens.
    "giant-attribute.xml": lambda: _nitf(b'<hedline><hl1 class="' + b"a" * 150_000 + b'">x</hl1></hedline>'),
    "giant-text.xml": lambda: _nitf(b"<hedline><hl1>" + b"word " * 30_000 + b"</hl1></hedline>"),
    "no-newlines.txt": lambda: b"CNN.com -  Headline - December 30, 2000 " + b"moscow " * 20_000,
    "giant-line.jsonl": lambda: b'{"format": "jsonl", "headline": "' + b"x" * 150_000 + b'"}\n',
    # Huge numbers and impossible years in every date shape.
    "huge-date.sgml": lambda: _trec(b"2000-01-01T12:" + _THIRTY + b":00"),
    "year-zero.sgml": lambda: _trec(b"0000-12-30"),
    "huge-date.txt": lambda: b"CNN.com -  Headline - December 30, " + _THIRTY + b"\nmoscow (reuters) -- text.\n",
    "huge-date.news": lambda: (
        b"From: a@b.c\nNewsgroups: x.y\nSubject: s\nDate: 30 Dec 2000 12:" + _THIRTY + b" GMT\n\nBody.\n"
    ),
    "huge-date.story": lambda: (
        b"Story.\n\nBy A Writer\n\nPUBLISHED: 12:" + _THIRTY + b", 1 June 2012\n\n@highlight\n\nH\n"
    ),
    "huge-date.anpa": lambda: (
        b"\x16\x16\x01a0001 r PTX-- u a BC-Story,0100\x1f\r\n^Headline<\r\n\x02\r\n   Text.\r\n"
        b"\x03 AP-WS-12-30-00 12" + _THIRTY + b"EST\x04"
    ),
    "huge-date.iptc": lambda: (
        b"\x01nnnn 1 a 100 dpa\r\nHeadline =\r\n\x02\r\nText.\r\n\x03 30" + _THIRTY + b" GMT Dez 00\x04"
    ),
    "huge-date.xml": lambda: (
        b'<nitf><head><docdata><date.issue norm="2000' + _THIRTY + b'"/></docdata></head><body/></nitf>'
    ),
    "huge-date.jsonl": lambda: b'{"format": "jsonl", "published": "2000-12-30T12:' + _THIRTY + b':00"}\n',
    "huge-number.jsonl": lambda: b'{"format": "jsonl", "extra": {"n": ' + b"9" * 5000 + b"}}\n",
    # Shapes that made scanners quadratic.
    "many-start-tags.sgml": lambda: b"<DOC>\n" * 10_000,
    "many-unclosed.sgml": lambda: b"<DOC>\n<DOCNO> X </DOCNO>\n<TEXT>\n" * 2_000,
    "many-reuters-tags.sgm": lambda: b'<REUTERS NEWID="1">\n' * 4_000,
    "many-tiny-stories.txt": lambda: b"H\n\nP.\n\n" * 8_000,
    # Control-byte soups for the wire formats, and random bytes.
    "soh-soup.bin": lambda: b"\x01" * 32_768,
    "wire-soup.bin": lambda: _random(32_768, 7, b"\x01\x02\x03\x04\x16\x1f\r\n^=< aZ0"),
    "control-soup.bin": lambda: bytes(range(32)) * 1024,
    "random.bin": lambda: _random(32_768, 1),
    # Small ones that used to go wrong.
    "bom.news": lambda: b"\xef\xbb\xbfFrom: a@b.c\nNewsgroups: x.y\nSubject: Hello\n\nBody.\n",
    "stored-defects.jsonl": lambda: (
        json.dumps(
            {"format": "jsonl", "headline": "H", "defects": [{"kind": "bad-date", "message": "m", "line": 1}]}
        ).encode()
        + b"\n"
    ),
}


def write() -> None:
    """Write every case into ``tests/data/hostile/``."""
    HOSTILE.mkdir(parents=True, exist_ok=True)
    for name, make in CASES.items():
        (HOSTILE / name).write_bytes(make())


if __name__ == "__main__":
    write()
    print(f"wrote {len(CASES)} files to {HOSTILE}", file=sys.stderr)
