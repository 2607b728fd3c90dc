"""The wire family (wirecopy.kit.wire): hostile input through both wire formats, and a plugin built on the kit."""

from __future__ import annotations

import datetime as dt
import functools
import io
import random
import re
import string
import tracemalloc
import warnings
from collections.abc import Mapping
from typing import Any, ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, ParseError, SkippedDocumentWarning
from wirecopy.context import MAX_KEPT_ERRORS
from wirecopy.kit.wire import (
    MAX_LINES,
    MAX_TRANSMISSION,
    Line,
    TransmissionReader,
    TransmissionWriter,
    WireFormat,
)
from wirecopy.testing import check_format

from .conftest import DATA

FORMATS = ("anpa-1312", "iptc-7901")
LABELS = {"anpa-1312": "ANPA-1312", "iptc-7901": "IPTC 7901"}
CANONICAL = {
    "anpa-1312": (DATA / "anpa-1312" / "canonical.anpa").read_bytes(),
    "iptc-7901": (DATA / "iptc-7901" / "canonical.txt").read_bytes(),
}
MB = 1_000_000


@functools.cache
def _soup(size: int, alphabet: bytes, seed: int = 7) -> bytes:
    """*size* random bytes drawn from *alphabet*."""
    rng = random.Random(seed)
    return bytes(rng.choices(alphabet, k=size))


def _read(data: bytes, fmt: str, errors: str) -> tuple[list[Article], wirecopy.Reader, int]:
    """Read *data* through wirecopy.load; the articles, the reader, and the peak memory the reading took."""
    stream = io.BytesIO(data)
    tracemalloc.start()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SkippedDocumentWarning)
            reader = wirecopy.iter_load(stream, fmt, errors=errors)  # type: ignore[arg-type]
            articles = list(reader)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return articles, reader, peak


# Line noise: nothing but control characters.  Each SOH opens a transmission
# with no text in it, so the whole input is one run of stray text, not a
# million documents left out.
NOISE = {
    "SOH bytes": lambda size: b"\x01" * size,
    "SOH ETX EOT soup": lambda size: _soup(size, b"\x01\x03\x04"),
    "control soup": lambda size: _soup(size, b"\x01\x02\x03\x04\x16\r\n"),
}


class TestLineNoise:
    @pytest.mark.parametrize("size", [1 * MB, 2 * MB])
    @pytest.mark.parametrize("shape", sorted(NOISE))
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_strict_raises_stray_text(self, fmt: str, shape: str, size: int) -> None:
        """Megabytes of control characters raise one ParseError (stray text at line 1) under strict."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(NOISE[shape](size), fmt, errors="strict", filename="n.bin")
        assert info.value.kind == "stray-text"
        assert str(info.value).startswith(f"text outside any {LABELS[fmt]} transmission: '\\x0")
        assert (info.value.lineno, info.value.colno) == (1, 1)

    @pytest.mark.parametrize("size", [1 * MB, 2 * MB])
    @pytest.mark.parametrize("shape", sorted(NOISE))
    @pytest.mark.parametrize("fmt", FORMATS)
    @pytest.mark.parametrize("errors", ["warn", "skip"])
    def test_one_report_and_flat_memory(self, errors: str, fmt: str, shape: str, size: int) -> None:
        """Under warn and skip, megabytes of control characters are one report, in memory far below their size."""
        articles, reader, peak = _read(NOISE[shape](size), fmt, errors)
        assert articles == []
        assert reader.left_out == 1
        assert [e.kind for e in reader.skipped] == ["stray-text"]
        assert peak < 400_000

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_noise_between_transmissions(self, fmt: str) -> None:
        """Empty transmissions between two real ones are one stray-text report; both articles are read."""
        canonical = CANONICAL[fmt]
        second = canonical.index(b"\x04") + 1
        data = canonical[:second] + b"\x01\x01\x03\x04\x01\x04" * 1000 + canonical[second:]
        articles, reader, _ = _read(data, fmt, "skip")
        assert articles == wirecopy.loads(canonical, fmt)
        assert [a.origin.index for a in articles] == [0, 2]
        assert [e.kind for e in reader.skipped] == ["stray-text"]

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_run_of_syn_bytes(self, fmt: str) -> None:
        """2 MB of SYN bytes are line noise: an empty input, read in flat memory."""
        articles, reader, peak = _read(b"\x16" * (2 * MB), fmt, "skip")
        assert articles == []
        assert [e.kind for e in reader.skipped] == ["empty-input"]
        assert peak < 400_000


class TestManyBadTransmissions:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_memory_does_not_grow_with_their_number(self, fmt: str) -> None:
        """Five thousand transmissions left out cost no more memory than two thousand five hundred."""
        peaks = []
        for count in (2_500, 5_000):
            articles, reader, peak = _read(b"\x01a\x04" * count, fmt, "skip")
            assert articles == []
            assert reader.left_out == count
            assert len(reader.skipped) == MAX_KEPT_ERRORS
            assert {e.kind for e in reader.skipped} == {"no-text"}
            peaks.append(peak)
        assert peaks[1] < peaks[0] + 100_000

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_strict_stops_at_the_first(self, fmt: str) -> None:
        """Under strict the first transmission without text raises, with its place."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(b"\x01a\x04" * 100_000, fmt, errors="strict", filename="t.bin")
        assert str(info.value) == f"{LABELS[fmt]} transmission without text: it has no STX (at t.bin, line 1, column 4)"


class TestSizeLimits:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_transmission_without_end(self, fmt: str) -> None:
        """A transmission longer than MAX_TRANSMISSION without EOT is left out as too-long, the next one read."""
        data = b"\x01a\r\n\x02" + b"x" * (MAX_TRANSMISSION + 200_000) + CANONICAL[fmt]
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, fmt, errors="strict", filename="l.bin")
        assert str(info.value) == (
            f"{LABELS[fmt]} transmission longer than {MAX_TRANSMISSION} bytes without EOT; left out "
            "(at l.bin, line 1, column 1)"
        )
        articles, reader, peak = _read(data, fmt, "skip")
        assert articles == wirecopy.loads(CANONICAL[fmt], fmt)
        assert [e.kind for e in reader.skipped] == ["too-long"]
        assert peak < 3 * MAX_TRANSMISSION

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_transmission_of_too_many_lines(self, fmt: str) -> None:
        """A transmission of more than MAX_LINES lines is left out as too large, without splitting it into lines."""
        data = b"\x01a\r\n\x02" + b"\r\n" * MAX_LINES + b"\x03\x04" + CANONICAL[fmt]
        articles, reader, peak = _read(data, fmt, "warn")
        assert articles == wirecopy.loads(CANONICAL[fmt], fmt)
        assert [str(e) for e in reader.skipped] == [
            f"{LABELS[fmt]} transmission of more than {MAX_LINES} lines; left out (at line 1, column 1)"
        ]
        # Split into lines, it would take ten megabytes.
        assert peak < 2 * MB


BARE_HEADER = b"eca00075 3 i 510    dpa 1003\n"


class TestBare:
    @pytest.mark.parametrize("errors", ["warn", "skip"])
    def test_huge_line_in_flat_memory(self, errors: str) -> None:
        """A stripped transmission with a line longer than MAX_TRANSMISSION is left out, in bounded memory."""
        line = b"x" * (MAX_TRANSMISSION + MB)
        data = BARE_HEADER + b"\nHeadline =\n\n" + line + b"\n101137 GMT Dez 18\n" + BARE_HEADER
        articles, reader, peak = _read(data, "iptc-7901", errors)
        assert [e.kind for e in reader.skipped] == ["too-long", "no-text"]
        assert articles == []
        assert peak < 3 * MAX_TRANSMISSION

    def test_only_an_opening_header_line_reads_bare(self) -> None:
        """Text before the first header line means the input is not stripped: it is stray text, and nothing is read."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(b"Hello\n" + BARE_HEADER + b"\nHeadline =\n", "iptc-7901", errors="strict")
        assert info.value.kind == "stray-text"

    def test_anpa_reads_no_stripped_input(self) -> None:
        """A format without a bare header pattern reads a stripped IPTC transmission as stray text."""
        with pytest.raises(ParseError) as info:
            wirecopy.loads(BARE_HEADER + b"\nHeadline =\n", "anpa-1312", errors="strict")
        assert info.value.kind == "stray-text"


# Bytes that matter to the structure, and digits, so that splices hit both.
_PIECES = [b"\x01", b"\x02", b"\x03", b"\x04", b"\x16\x16\x01", b"\r\n", b"^", b"<", b"=", b" =", b"9" * 40, b"A" * 300]


@st.composite
def _damaged(draw: st.DrawFn, fmt: str) -> bytes:
    """A canonical file with pieces cut out, repeated, spliced in from the other format, or inserted."""
    data = CANONICAL[fmt]
    other = CANONICAL["iptc-7901" if fmt == "anpa-1312" else "anpa-1312"]
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["cut", "repeat", "splice", "insert", "truncate"]))
        if action == "cut":
            data = data[:at] + data[at + draw(st.integers(1, 40)) :]
        elif action == "repeat":
            data = data[:at] + data[at : at + 30] * draw(st.integers(2, 5)) + data[at:]
        elif action == "splice":
            start = draw(st.integers(0, len(other)))
            data = data[:at] + other[start : start + draw(st.integers(1, 200))] + data[at:]
        elif action == "insert":
            data = data[:at] + draw(st.sampled_from(_PIECES)) + data[at:]
        else:
            data = data[:at]
    return data


class TestStructuralFuzzing:
    @pytest.mark.parametrize("fmt", FORMATS)
    def test_damaged_files(self, fmt: str) -> None:
        """Cut, repeated, spliced and padded copies of a canonical file raise only ParseError, under any policy."""

        @given(_damaged(fmt))
        def check(data: bytes) -> None:
            try:
                wirecopy.loads(data, fmt, errors="strict")
            except ParseError as err:
                assert err.lineno is not None
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", SkippedDocumentWarning)
                wirecopy.loads(data, fmt, errors="warn")
            wirecopy.loads(data, fmt, errors="skip")

        check()


# -- a plugin built on the kit --------------------------------------------------
#
# A made-up wire format, to show that the kit carries a format a plugin
# writes: "SOH naa <number> CRLF STX headline CRLF paragraphs ETX date EOT".

_NUMBER = re.compile(r"\d{1,6}")
_SPACE = re.compile(" ")
_NAA = re.compile("naa")


class _ToyReader(TransmissionReader):
    extra_fields: ClassVar[Mapping[str, Any]] = {"number": None}

    def header(self, head: list[Line], stx_line: Line) -> None:
        line = head[0] if head else stx_line
        fields = self.fields(line, line.text.index("\x01") + 1, "TOY header")
        fields.take(_NAA, "'naa'")
        fields.take(_SPACE, "a space")
        number = fields.rest(_NUMBER, "the message number")
        self.extra["number"] = number and number.group()

    def trailer(self, line: Line) -> None:
        self.published = self.date(line.text, line, 0)

    def text(self, body: list[Line], after: list[Line]) -> None:
        texts = [line.text for line in self.clean(body)]
        self.headline = texts[0] if texts and texts[0] else None
        self.paragraphs = [text for text in texts[1:] if text]
        self.check_after_trailer(after)


class _ToyWriter(TransmissionWriter):
    def render(self) -> str:
        headline = self.checked("headline", self.article.headline or "")
        paragraphs = [self.checked("text", text) for text in self.article.paragraphs]
        number = self.field_from("number", f"{self.index:06d}", _NUMBER)
        when = self.trailer_time()
        body = "".join(f"{text}\r\n" for text in [headline, *paragraphs])
        return f"\x01naa {number}\r\n\x02{body}\x03{when:%Y-%m-%dT%H:%M}Z\r\n\x04"


class _ToyFormat(WireFormat):
    """A made-up wire format for the tests: SOH header, STX text, ETX ISO date, EOT."""

    name = "toy-wire"
    description = "a made-up wire format: SOH naa NUMBER, STX headline and paragraphs, ETX date"
    version_added = "0.1"
    label = "TOY"
    reader = _ToyReader
    writer = _ToyWriter
    signature = re.compile(rb"\x01naa \d")


_WORDS = st.text(string.ascii_letters, min_size=1, max_size=8)
_TEXT = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)


def _toy_articles() -> st.SearchStrategy[Article]:
    """Articles the toy format holds: a headline, paragraphs, a time to the minute in UTC."""
    moments = st.datetimes(min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(2060, 12, 31))
    return st.builds(
        lambda headline, paragraphs, moment, number: Article(
            format="toy-wire",
            headline=headline,
            paragraphs=paragraphs,
            published=moment.replace(second=0, microsecond=0, tzinfo=dt.timezone.utc),
            extra={"number": number},
        ),
        _TEXT,
        st.lists(_TEXT, max_size=3),
        moments,
        st.text(string.digits, min_size=1, max_size=6),
    )


class TestPlugin:
    def test_toy_format_meets_the_contract(self) -> None:
        """A wire format written from the kit's three classes passes wirecopy.testing.check_format."""
        check_format(
            _ToyFormat, articles=_toy_articles(), samples=[b"\x01naa 7\r\n\x02H\r\nP\r\n\x032017-03-14T17:45Z\r\n\x04"]
        )

    def test_toy_format_reports_through_the_kit(self) -> None:
        """The kit reports the toy format's problems with their kinds and places: header, truncation, noise."""
        data = b"\x01\x01\x04\x01naa x\r\n\x02H\r\nP\r\n"
        reader = wirecopy.iter_load(io.BytesIO(data), _ToyFormat(), errors="skip", filename="t.toy")
        assert list(reader) == []
        assert [(e.kind, e.lineno, e.colno) for e in reader.skipped] == [
            ("stray-text", 1, 1),
            ("bad-header", 1, 9),
        ]
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data[3:], _ToyFormat(), errors="strict")
        assert str(info.value) == "TOY header: expected the message number, got 'x' (at line 1, column 6)"
