"""The inputs and messages of the format contract (:mod:`wirecopy.testing`).

What :func:`wirecopy.testing.check_format` feeds a format (edge cases, damaged
copies of real and written documents, entity probes for XML formats), and how
it words what it finds (the exception and where it was raised, the input,
the fields that did not read back).
"""

from __future__ import annotations

import re
import traceback
from typing import TYPE_CHECKING

import attrs

from .article import Article
from .detection import Detection

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

#: How much of an input a message shows.
SHOWN = 300
# Inputs that break naive parsers: tried on every format before Hypothesis explores.
EDGE_BYTES: tuple[bytes, ...] = (b"", b"\x00", b"\n", b"\r\n\r\n", b" ", b"\xff\xfe", b"\xef\xbb\xbf", b"\x80abc")
EDGE_BYTES += (b"<", b"{", b"\x1f\x8b")
EDGE_TEXT: tuple[str, ...] = ("", "\n", "\u2014", "\ufeff", "\x00", "\ud800")
# What an expanded probe entity would put in an article.
PROBE_TEXT = "WIRECOPY-ENTITY-EXPANDED"
# Entity declarations an XML format must refuse: internal, external, parameter.
ENTITY_PROBES: tuple[bytes, ...] = (
    b'<!ENTITY probe "' + PROBE_TEXT.encode() + b'">',
    b'<!ENTITY probe SYSTEM "file:///dev/null">',
    b'<!ENTITY % inner "' + PROBE_TEXT.encode() + b'"><!ENTITY probe "%inner;">',
)
_ROOT_START = re.compile(rb"<([A-Za-z_][\w.:-]*)[^<>]*>")
_TEXT_RUN = re.compile(rb">([^<>&\s][^<>&]*)<")


def with_entity(document: bytes, declaration: bytes) -> bytes | None:
    """*document* with an internal DOCTYPE declaring *declaration*, and its first text run replaced by ``&probe;``.

    Returns ``None`` for a document with no root element to put the DOCTYPE
    before.  An existing DOCTYPE is replaced.
    """
    body = re.sub(rb"<!DOCTYPE[^<>]*(?:\[[^\]]*\])?\s*>", b"", document, count=1)
    root = _ROOT_START.search(body)
    while root is not None and body[root.start() + 1 : root.start() + 2] in (b"?", b"!"):
        root = _ROOT_START.search(body, root.end())
    if root is None:
        return None
    name = root.group(1)
    doctype = b"<!DOCTYPE " + name + b" [" + declaration + b"]>\n"
    text = _TEXT_RUN.search(body, root.end())
    if text is not None:
        body = body[: text.start(1)] + b"&probe;" + body[text.end(1) :]
    else:
        body = body[: root.end()] + b"&probe;" + body[root.end() :]
    return body[: root.start()] + doctype + body[root.start() :]


def encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def edits() -> SearchStrategy[tuple[str, int, bytes, int | None]]:
    from hypothesis import strategies as st

    return st.tuples(
        st.sampled_from(("cut", "insert", "replace", "truncate")),
        st.integers(0, 1 << 16),
        st.one_of(
            st.binary(min_size=1, max_size=8),
            st.sampled_from((b"\n", b"\r\n", b"<", b"\x00", b"\xff", b" -- ", b";", b"&")),
        ),
        # An offset from a structural byte, or None for a plain position.
        st.none() | st.integers(-3, 3),
    )


# Where parsers decide things: entities, tags, line ends, control bytes.  An
# edit spread evenly over a long document seldom lands inside "&Cx1f;" or a
# tag, so half the edits are aimed at one of these bytes.  The byte is chosen
# first and its occurrence second, so that a rare "&" is aimed at as often as
# the commonest line end.
_STRUCTURAL = frozenset(b"&;<>\n\r=^_-" + bytes(range(0x20)))


def damage(data: bytes, edits: list[tuple[str, int, bytes, int | None]]) -> bytes:
    buffer = bytearray(data)
    for kind, where, chunk, near in edits:
        at = where % (len(buffer) + 1)
        if near is not None:
            present = sorted(_STRUCTURAL.intersection(buffer))
            if present:
                byte = present[where % len(present)]
                count = buffer.count(byte)
                occurrence = (where // len(present)) % count
                anchor = -1
                for _ in range(occurrence + 1):
                    anchor = buffer.index(byte, anchor + 1)
                at = min(max(anchor + near, 0), len(buffer))
        if kind == "cut":
            del buffer[at : at + len(chunk)]
        elif kind == "insert":
            buffer[at:at] = chunk
        elif kind == "replace":
            buffer[at : at + len(chunk)] = chunk
        else:
            del buffer[at:]
    return bytes(buffer)


def raised(err: BaseException) -> str:
    """``KeyError('x') in AcmeFeed.read (acme.py, line 42)``: the exception and where it came from."""
    frames = traceback.extract_tb(err.__traceback__)
    text = f"{type(err).__name__}({str(err)!r})" if not isinstance(err, KeyError) else repr(err)
    if not frames:
        return text
    frame = frames[-1]
    where = frame.name
    tb = err.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is not None:
        where = getattr(tb.tb_frame.f_code, "co_qualname", where)
    return f"{text} in {where} ({_basename(frame.filename)}, line {frame.lineno})"


def _basename(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def show(value: bytes | str) -> str:
    text = repr(value)
    if len(text) <= SHOWN:
        return text
    unit = "bytes" if isinstance(value, bytes) else "characters"
    return f"{text[:SHOWN]}... ({len(value)} {unit})"


def mismatch(article: Article, back: list[Article], text: str) -> str:
    if len(back) != 1:
        return (
            f"loads(dumps(a)) returned {len(back)} articles for one: {back!r}\n"
            f"a = {article!r}\nthe output was:\n{show(text)}"
        )
    fields = [
        f"  {field.name}: wrote {getattr(article, field.name)!r}, read back {getattr(back[0], field.name)!r}"
        for field in attrs.fields(Article)
        if field.eq and getattr(article, field.name) != getattr(back[0], field.name)
    ]
    return (
        "loads(dumps(a)) != [a]: the format does not read back what it wrote. Make the writer and the reader agree, "
        "or keep the article strategy to what the format can represent.\n"
        + "\n".join(fields)
        + f"\nthe output was:\n{show(text)}"
    )


def undetected(name: str, detection: Detection, output: bytes) -> str:
    scores = {c.name: c.score for c in detection.candidates}
    own = scores.get(name, 0.0)
    shown = ", ".join(f"{c.name} ({c.score:.2f})" for c in detection.candidates[:5]) or "none"
    chosen = "nothing" if detection.best is None else repr(detection.best)
    return (
        f"detect() chose {chosen} for the format's own output, not {name!r}; candidates: {shown}. "
        f"sniff() scored it {own:.2f}: score your own output at least 0.5 and 0.1 above every other format. "
        f"The output began:\n{show(output[:SHOWN])}"
    )
