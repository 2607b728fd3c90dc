"""Errors: messages with positions, the class tree, and pickling."""

from __future__ import annotations

import pickle

import pytest

from wirecopy import (
    AmbiguousFormatError,
    DuplicateFormatError,
    FormatLoadError,
    ParseError,
    UnknownFormatError,
    UnknownTimezoneError,
    WirecopyError,
    WriteError,
)

from .conftest import ROOT


class TestParseError:
    def test_message_with_file(self) -> None:
        """The message names file, line and column."""
        err = ParseError("Missing date in header", source="seeds/x.txt", lineno=1, colno=40)
        assert str(err) == "Missing date in header (at seeds/x.txt, line 1, column 40)"

    def test_message_without_file(self) -> None:
        """Without a file, the message still gives line and column."""
        assert str(ParseError("Bad", lineno=3, colno=1)) == "Bad (at line 3, column 1)"
        assert str(ParseError("Bad")) == "Bad"

    def test_is_a_value_error(self) -> None:
        """ParseError is both a WirecopyError and a ValueError."""
        assert issubclass(ParseError, WirecopyError)
        assert issubclass(ParseError, ValueError)

    def test_relocate_shifts_the_column(self) -> None:
        """A fragment's error placed at column 15 of line 2 of a file reports column 15 + its own - 1."""
        err = ParseError("unknown month 'Decmber'", colno=1).relocate(source="f.txt", lineno=2, column=15)
        assert str(err) == "unknown month 'Decmber' (at f.txt, line 2, column 15)"


@pytest.mark.parametrize(
    "error",
    [
        ParseError("m", source="s", lineno=1, colno=2, snippet="x", kind="k"),
        UnknownTimezoneError("10:00 XYZ", None, source="s", lineno=3),
        UnknownFormatError("foo", ["a", "b"]),
        AmbiguousFormatError("f", [("a", 0.4), ("b", 0.35)]),
        DuplicateFormatError("n", "first", "second"),
        FormatLoadError("broken"),
        WriteError("cannot"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_pickle(error: WirecopyError) -> None:
    """Every error survives pickling (parallel conversions send them between processes)."""
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert vars(again) == vars(error)


def test_ambiguous_lists_scores() -> None:
    """AmbiguousFormatError lists the candidates with their scores."""
    err = AmbiguousFormatError("f.txt", [("cnn-reuters", 0.45), ("plain-text", 0.4)])
    assert str(err) == (
        "cannot tell the format of f.txt; candidates: cnn-reuters (0.45), plain-text (0.40); pass format= to choose one"
    )


def test_every_defect_kind_is_documented() -> None:
    """docs/errors.md lists every kind of wirecopy.defects.CATALOGUE, with its meaning."""
    from wirecopy.defects import CATALOGUE

    page = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    missing = [kind for kind, meaning in CATALOGUE.items() if f"| `{kind}` | {meaning} |" not in page]
    assert missing == []


def test_every_catalogue_constant_is_exported() -> None:
    """Each kind constant of wirecopy.defects is in its __all__ and in CATALOGUE, and no two share a name."""
    import wirecopy.defects as kinds

    constants = {name: value for name, value in vars(kinds).items() if name.isupper() and isinstance(value, str)}
    assert sorted(constants) == sorted(n for n in kinds.__all__ if n != "CATALOGUE")
    assert sorted(constants.values()) == sorted(kinds.CATALOGUE)
