"""Hostile input: every reproducer of tests/data/hostile/ through every format, every policy, every way in.

The promise: bad input gives a ``WirecopyError`` (under strict) or a recorded
defect or document left out (under warn and skip), never another exception,
and every document a format starts is returned or reported.  Time and memory
are measured in ``benchmarks/hostile.py``, not here.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wirecopy
from wirecopy.cli import EXIT_ERROR, EXIT_LEFT_OUT, EXIT_OK, main
from wirecopy.context import ReadContext

from .conftest import DATA, SEEDS
from .hostile_inputs import CASES, HOSTILE

FORMATS = [f.name for f in wirecopy.list_formats()]
FILES = sorted(HOSTILE.iterdir())
MODES = ("strict", "warn", "skip")


def read_counted(data: bytes, fmt: str, errors: str) -> None:
    """Read *data* as loads() does; raise only WirecopyError, and account for every document started."""
    context = ReadContext(wirecopy.Policy(errors=errors), "hostile")  # type: ignore[arg-type]
    reader = wirecopy.Reader(io.BytesIO(data), wirecopy.get_format(fmt), context, owned=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wirecopy.SkippedDocumentWarning)
        try:
            articles = list(reader)
        except wirecopy.WirecopyError:
            if errors == "strict":
                return
            raise
    assert all(isinstance(a, wirecopy.Article) and a.origin is not None for a in articles)
    assert context.documents == reader.returned + context.left_out, "a document was lost without a word"


def test_the_corpus_is_what_the_generator_makes() -> None:
    """tests/data/hostile holds exactly the files tests/hostile_inputs.py makes (run it to write them again)."""
    assert sorted(p.name for p in FILES) == sorted(CASES)
    changed = [p.name for p in FILES if p.read_bytes() != CASES[p.name]()]
    assert changed == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_file_through_loads(fmt: str) -> None:
    """Under strict only WirecopyError escapes, under warn and skip nothing does, and no document is lost."""
    for path in FILES:
        data = path.read_bytes()
        for errors in MODES:
            try:
                read_counted(data, fmt, errors)
            except AssertionError as err:
                raise AssertionError(f"{path.name} as {fmt} under {errors}: {err}") from err
            except Exception as err:
                raise AssertionError(f"{path.name} as {fmt} under {errors} raised {err!r}") from err


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_file_through_read(fmt: str) -> None:
    """wirecopy.read(path) gives the same guarantee as loads, under warn."""
    for path in FILES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", wirecopy.SkippedDocumentWarning)
            try:
                list(wirecopy.read(path, fmt, errors="warn"))
            except Exception as err:
                raise AssertionError(f"read({path.name}, {fmt!r}) raised {err!r}") from err


@pytest.mark.parametrize("errors", MODES)
def test_every_file_through_the_command_line(errors: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """`wirecopy parse --errors MODE` over the whole corpus ends with a documented status and no traceback."""
    status = main(["parse", "--errors", errors, *map(str, FILES)])
    captured = capsysbinary.readouterr()
    assert status in (EXIT_OK, EXIT_LEFT_OUT, EXIT_ERROR)
    assert b"Traceback" not in captured.err
    if errors != "strict":
        assert status == EXIT_LEFT_OUT, "the corpus leaves documents out: the status must say so"


def test_file_names_are_escaped_on_the_terminal(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """A file name with an escape sequence is shown escaped in messages, never sent raw to the terminal."""
    path = tmp_path / "evil\x1b[2J\x07name.txt"
    path.write_bytes(b"\x01" * 100)
    main(["parse", "-f", "cnn-reuters", str(path)])
    err = capsysbinary.readouterr().err
    assert b"\x1b" not in err and b"\x07" not in err
    assert b"evil" in err


# -- a structural fuzzer: damage that keeps most of a document's structure ------


def _samples() -> list[bytes]:
    paths = sorted(p for p in DATA.rglob("*") if p.is_file() and HOSTILE not in p.parents)
    paths += sorted(p for p in SEEDS.iterdir() if p.is_file())
    return [p.read_bytes() for p in paths if p.stat().st_size < 64_000]


SAMPLES = _samples()
_TAG = st.sampled_from([b"<DOC>", b"</DOC>", b"<TEXT>", b"<P>", b"</nitf>", b"<nitf>", b"\x01", b"\x03", b"\x04"])


@st.composite
def structural_damage(draw: st.DrawFn) -> bytes:
    """A splice of two samples of (perhaps) two formats, then truncations, duplicated or unclosed tags, huge numbers."""
    first = draw(st.sampled_from(SAMPLES))
    second = draw(st.sampled_from(SAMPLES))
    data = first[: draw(st.integers(0, len(first)))] + second[draw(st.integers(0, len(second))) :]
    for _ in range(draw(st.integers(0, 4))):
        operation = draw(st.sampled_from(["truncate", "duplicate", "unclose", "number", "insert-tag"]))
        at = draw(st.integers(0, len(data)))
        if operation == "truncate":
            data = data[:at]
        elif operation == "duplicate":
            width = draw(st.integers(1, 200))
            data = data[:at] + data[at : at + width] * draw(st.integers(2, 50)) + data[at + width :]
        elif operation == "unclose":
            end = data.find(b"</", at)
            if end >= 0:
                close = data.find(b">", end)
                data = data[:end] + data[close + 1 :] if close >= 0 else data[:end]
        elif operation == "number":
            digit = next((i for i in range(at, len(data)) if 0x30 <= data[i] <= 0x39), -1)
            if digit >= 0:
                data = data[:digit] + b"9" * draw(st.integers(15, 60)) + data[digit + 1 :]
        else:
            data = data[:at] + draw(_TAG) + data[at:]
    return data


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=structural_damage(), fmt=st.sampled_from(FORMATS), errors=st.sampled_from(MODES))
def test_structural_damage_raises_nothing_but_wirecopy_errors(data: bytes, fmt: str, errors: str) -> None:
    """Spliced, truncated, tag-duplicated, unclosed and number-swollen samples give only WirecopyError, nothing lost."""
    read_counted(data, fmt, errors)
