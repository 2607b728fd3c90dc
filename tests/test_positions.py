"""Positions are exact: each defect kind points at the line and column where its problem starts.

Each case is an input with a marker (``⟪``) where the offending text starts.
The test takes the marker out, recomputes the 1-based line and column of that
place from the input, reads the input, and checks that the defect of the
case's kind (and, under strict, the ParseError) is placed there.
"""

from __future__ import annotations

import pytest

import wirecopy

MARK = "⟪"

#: (format, input with the marker, kind).
CASES: list[tuple[str, str, str]] = [
    ("cnn-reuters", "CNN.com - A story - ⟪February 30, 2000\nmoscow (reuters) -- body.\n", "bad-date"),
    ("cnn-reuters", "⟪CNN.com with no separators\nbody.\n", "bad-header"),
    ("cnn-reuters", "CNN.com - A story⟪\nbody.\n", "missing-date"),
    ("cnn-reuters", "CNN.com - A story - May 1, 2000\nbody ⟪\x07 here.\n", "control-character"),
    ("plain-text", "A headline\n\nFirst paragraph.\n\nSecond ⟪\x01 paragraph.\n", "control-character"),
    ("cnndm-story", "Story text.\n\n⟪@highlight\n\n@highlight\n\nSecond.\n", "empty-highlight"),
    (
        "cnndm-story",
        "By \nA Writer\n\nPUBLISHED:\n\n⟪09:40 EST, 31 February 2013\n\n\n| \n\nText.\n\n@highlight\n\nH\n",
        "bad-date",
    ),
    (
        "rfc822-news",
        "From: a@b.example\nNewsgroups: x.y\nSubject: s\nDate: ⟪31 Feb 1993 10:00:00 GMT\n\nBody.\n",
        "bad-date",
    ),
    ("rfc822-news", "From: a@b.example\nNewsgroups: x.y\nSubject: s\nLines: ⟪dog\n\nBody.\n", "bad-lines"),
    (
        "rfc822-news",
        "From: a@b.example\nNewsgroups: x.y\nSubject: s\nMessage-ID: ⟪no-angle-brackets\n\nBody.\n",
        "bad-message-id",
    ),
    ("jsonl", '{"format": "x"}\n{"format": ⟪}\n', "bad-record"),
    (
        "trec-sgml",
        "<DOC>\n<DOCNO> X1 </DOCNO>\n<DATE_TIME> ⟪2000-02-31 </DATE_TIME>\n<TEXT>\n<P>\nText.\n</P>\n</TEXT>\n</DOC>\n",
        "bad-date",
    ),
    (
        "trec-sgml",
        "<DOC>\n<DOCNO> X1 </DOCNO>\n<TEXT>\n<P>\nText with ⟪&NOSUCH; in it.\n</P>\n</TEXT>\n</DOC>\n",
        "unknown-entity",
    ),
    (
        "trec-sgml",
        "<DOC>\n<DOCNO> X1 </DOCNO>\n<TEXT>\n<P>\nT.\n</P>\n</TEXT>\n</DOC>\n⟪junk here\n<DOC>\n<DOCNO> X2 </DOCNO>\n"
        "<TEXT>\n<P>\nU.\n</P>\n</TEXT>\n</DOC>\n",
        "junk",
    ),
    ("trec-sgml", "⟪<DOC>\n<DOCNO> X1 </DOCNO>\n<TEXT>\n<P>\nText.\n", "truncated-document"),
    (
        "reuters21578-sgml",
        '<REUTERS NEWID="1">\n<DATE>⟪31-FEB-1987 01:51:59.00</DATE>\n<TEXT>\n<BODY>Text.</BODY>\n</TEXT>\n</REUTERS>\n',
        "bad-date",
    ),
    (
        "nitf",
        '<nitf><head><docdata><date.issue norm="⟪20000231T000000"/></docdata></head><body><body.content><p>T.</p>'
        "</body.content></body></nitf>\n",
        "bad-date",
    ),
    (
        "rcv1-xml",
        '<?xml version="1.0" encoding="iso-8859-1" ?>\n<newsitem itemid="1" id="root" date="⟪1996-02-31" '
        'xml:lang="en">\n<title>T</title>\n<text>\n<p>Text.</p>\n</text>\n</newsitem>\n',
        "bad-date",
    ),
    (
        "nitf",
        '<?xml version="1.0"?>\n<!DOCTYPE nitf [⟪<!ENTITY e "x">]>\n<nitf><body/></nitf>\n',
        "entity-declaration",
    ),
    (
        "anpa-1312",
        "\x16\x16\x01a1234\x1fnatl\r\nu a\x13\x11 BC-Story     03-14 0412\r\n"
        "\x02Text.\r\n\x03⟪ AP-NY-03-14-17 1799GMT<\r\n\x04",
        "bad-trailer",
    ),
]


def _expected(text: str) -> tuple[str, int, int]:
    """The text without its marker, and the 1-based line and column where the marker stood."""
    at = text.index(MARK)
    clean = text[:at] + text[at + 1 :]
    line = clean.count("\n", 0, at) + 1
    column = at - (clean.rfind("\n", 0, at) + 1) + 1
    return clean, line, column


#: Positions known to be off today, each to be fixed in its format; strict, so a fix must remove it.
KNOWN_OFF: dict[tuple[str, str], str] = {}


def _params() -> list[object]:
    return [
        pytest.param(
            f, t, k, marks=[pytest.mark.xfail(reason=KNOWN_OFF[f, k], strict=True)] if (f, k) in KNOWN_OFF else []
        )
        for f, t, k in CASES
    ]


@pytest.mark.parametrize(("fmt", "text", "kind"), _params(), ids=[f"{f}-{k}" for f, _, k in CASES])
def test_defect_points_where_the_problem_starts(fmt: str, text: str, kind: str) -> None:
    """The defect (or the document left out) of this kind is at the recomputed line and column, in every mode."""
    clean, line, column = _expected(text)
    seen: list[tuple[int | None, int | None]] = []
    wirecopy.loads(
        clean,
        fmt,
        errors="skip",
        on_problem=lambda error, left_out: seen.append((error.lineno, error.colno)) if error.kind == kind else None,
    )
    assert seen, f"no {kind} was reported"
    assert seen[0] == (line, column)
    with pytest.raises(wirecopy.ParseError) as info:
        wirecopy.loads(clean, fmt, errors="strict")
    if info.value.kind == kind:
        assert (info.value.lineno, info.value.colno) == (line, column)


def test_every_case_has_one_marker() -> None:
    """Each case marks exactly one place."""
    assert all(text.count(MARK) == 1 for _, text, _ in CASES)
