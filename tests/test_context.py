"""ReadContext: how a format's problems become defects, skips or errors under each policy."""

from __future__ import annotations

import datetime as dt

import pytest

from wirecopy import Article, Defect, ParseError, SkippedDocumentWarning, policy
from wirecopy.context import ReadContext


def test_defect_under_warn_is_returned() -> None:
    """Under warn, defect() returns the Defect with its position."""
    defect = ReadContext(policy.default, "f").defect("k", "msg", line=2, column=3)
    assert defect == Defect(kind="k", message="msg", line=2, column=3)


def test_defect_under_strict_raises() -> None:
    """Under strict, defect() raises ParseError with file, position and kind."""
    with pytest.raises(ParseError) as info:
        ReadContext(policy.strict, "f").defect("k", "msg", line=2, column=3)
    assert str(info.value) == "msg (at f, line 2, column 3)"
    assert info.value.kind == "k"


def test_skip_under_each_mode() -> None:
    """skip() raises under strict, warns under warn, and counts quietly under skip."""
    error = ParseError("gone", source="f", lineno=4)
    with pytest.raises(ParseError):
        ReadContext(policy.strict).skip(error)
    warn = ReadContext(policy.default)
    with pytest.warns(SkippedDocumentWarning, match="gone"):
        warn.skip(error)
    quiet = ReadContext(policy.skip)
    quiet.skip(error)
    assert warn.skipped == quiet.skipped == (error,)


def test_origin_counts_documents() -> None:
    """origin() numbers documents in order."""
    context = ReadContext(source="f")
    assert [context.origin(line=n).index for n in (1, 5, 9)] == [0, 1, 2]


def test_discard_summarises_defects() -> None:
    """A discarded article is recorded with its first defect and the count of the others."""
    context = ReadContext(policy.skip, "f")
    defects = [Defect(kind="a", message="first", line=1, column=2), Defect(kind="b", message="second")]
    context._discard(Article(format="x", defects=defects))
    [error] = context.skipped
    assert str(error) == "first (and 1 more defect) (at f, line 1, column 2)"


class TestDate:
    def test_unknown_zone_is_a_defect_with_the_naive_value(self) -> None:
        """An unknown zone abbreviation gives the naive time and an unknown-timezone defect."""
        defects: list[Defect] = []
        value = ReadContext(source="f").date("2000-12-01 10:00 XYZT", defects, line=3, column=5)
        assert value == dt.datetime(2000, 12, 1, 10, 0)
        assert [(d.kind, d.line) for d in defects] == [("unknown-timezone", 3)]

    def test_bad_date_is_placed_in_the_file(self) -> None:
        """Under strict, a bad date raises at the line and column of the fragment."""
        with pytest.raises(ParseError) as info:
            ReadContext(policy.strict, "f").date("Decmber 30, 2000", [], line=7, column=20)
        assert (info.value.source, info.value.lineno, info.value.colno) == ("f", 7, 20)
        assert str(info.value) == "unknown month 'Decmber' (at f, line 7, column 20)"

    def test_default_tz_from_policy(self) -> None:
        """The policy's default zone is given to times without one."""
        zone = dt.timezone(dt.timedelta(hours=-5))
        value = ReadContext(policy.default.clone(default_tz=zone)).date("1999-05-12 21:06", [])
        assert value == dt.datetime(1999, 5, 12, 21, 6, tzinfo=zone)
