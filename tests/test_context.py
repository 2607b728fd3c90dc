"""ReadContext and Document: how a format's problems become defects, documents left out, or errors."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from wirecopy import Article, Defect, ParseError, SkippedDocumentWarning, defects, policy
from wirecopy.context import MAX_KEPT_ERRORS, MAX_WARNINGS, ReadContext


class TestDocument:
    def test_defect_under_warn_goes_on_the_article(self) -> None:
        """Under warn, Document.defect() records the defect, which article() puts on the article."""
        doc = ReadContext(policy.default, "f").document(line=2, offset=10)
        doc.defect("k", "msg", line=2, column=3)
        article = doc.article(format="x")
        assert article.defects == (Defect(kind="k", message="msg", line=2, column=3),)
        assert (article.origin.path, article.origin.line, article.origin.offset) == ("f", 2, 10)

    def test_defect_under_strict_raises(self) -> None:
        """Under strict, Document.defect() raises ParseError with file, position and kind."""
        doc = ReadContext(policy.strict, "f").document()
        with pytest.raises(ParseError) as info:
            doc.defect("k", "msg", line=2, column=3)
        assert str(info.value) == "msg (at f, line 2, column 3)"
        assert info.value.kind == "k"

    def test_documents_are_numbered_centrally_counting_those_left_out(self) -> None:
        """Origin.index counts every document started, whether returned or left out."""
        context = ReadContext(policy.skip, "f")
        first = context.document(line=1)
        second = context.document(line=5)
        second.leave_out(defects.TRUNCATED, "cut", line=5)
        context.leave_out(defects.UNCLOSED_DOCUMENT, "unclosed", line=7)
        third = context.document(line=9)
        assert [first.origin.index, second.origin.index, third.origin.index] == [0, 1, 3]
        assert (context.documents, context.left_out) == (4, 2)

    def test_leave_out_under_each_mode(self) -> None:
        """leave_out() raises under strict, warns under warn, and counts quietly under skip."""
        with pytest.raises(ParseError) as info:
            ReadContext(policy.strict, "f").leave_out("k", "gone", line=4, column=1)
        assert str(info.value) == "gone (at f, line 4, column 1)"
        warn = ReadContext(policy.default, "f")
        with pytest.warns(SkippedDocumentWarning, match="gone"):
            warn.leave_out("k", "gone", line=4)
        quiet = ReadContext(policy.skip, "f")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            quiet.leave_out("k", "gone", line=4)
        assert [str(e) for e in warn.skipped] == [str(e) for e in quiet.skipped] == ["gone (at f, line 4)"]
        assert quiet.left_out_kinds == {"k": 1}

    def test_date_failure_is_a_defect_placed_in_the_file(self) -> None:
        """Document.date() reports a bad date at the fragment's line and column, and returns None."""
        doc = ReadContext(policy.default, "f").document()
        assert doc.date("Decmber 30, 2000", line=7, column=20) is None
        assert doc.defects == [
            Defect(kind="bad-date", message="unknown month 'Decmber'", line=7, column=20),
        ]


class TestMemory:
    def test_only_the_first_errors_are_kept_but_all_are_counted(self) -> None:
        """Past MAX_KEPT_ERRORS, documents left out are counted by kind and not kept."""
        context = ReadContext(policy.skip, "f")
        for line in range(MAX_KEPT_ERRORS + 500):
            context.leave_out(defects.NO_TEXT, "no text", line=line + 1)
        assert len(context.skipped) == MAX_KEPT_ERRORS
        assert context.left_out == MAX_KEPT_ERRORS + 500
        assert context.left_out_kinds == {"no-text": MAX_KEPT_ERRORS + 500}

    def test_warnings_stop_after_a_summary(self) -> None:
        """Under warn, MAX_WARNINGS documents are warned about, then one warning says the rest are counted."""
        context = ReadContext(policy.default, "f")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for line in range(MAX_WARNINGS + 50):
                context.leave_out(defects.NO_TEXT, "no text", line=line + 1)
        assert len(caught) == MAX_WARNINGS + 1
        assert "the rest are counted" in str(caught[-1].message)


class TestHook:
    def test_on_problem_sees_each_defect_and_each_document_left_out(self) -> None:
        """The on_problem hook is called once per problem, with the error and whether a document was left out."""
        seen: list[tuple[str, bool]] = []
        context = ReadContext(policy.skip, "f", on_problem=lambda error, left: seen.append((str(error), left)))
        doc = context.document(line=1)
        doc.defect("k", "odd", line=1, column=2)
        context.leave_out("j", "junk", line=3, column=1)
        assert seen == [("odd (at f, line 1, column 2)", False), ("junk (at f, line 3, column 1)", True)]


def test_discard_summarises_defects() -> None:
    """A discarded article is recorded with its first defect and the count of the others."""
    context = ReadContext(policy.skip, "f")
    found = [Defect(kind="a", message="first", line=1, column=2), Defect(kind="b", message="second")]
    context.discard(Article(format="x", defects=found))
    [error] = context.skipped
    assert str(error) == "first (and 1 more defect) (at f, line 1, column 2)"
    assert context.left_out_kinds == {"a": 1}


class TestDate:
    def test_unknown_zone_is_a_defect_with_the_naive_value(self) -> None:
        """An unknown zone abbreviation gives the naive time and an unknown-timezone defect."""
        doc = ReadContext(source="f").document()
        value = doc.date("2000-12-01 10:00 XYZT", line=3, column=5)
        assert value == dt.datetime(2000, 12, 1, 10, 0)
        assert [(d.kind, d.line) for d in doc.defects] == [("unknown-timezone", 3)]

    def test_bad_date_is_placed_in_the_file(self) -> None:
        """Under strict, a bad date raises at the line and column of the fragment."""
        with pytest.raises(ParseError) as info:
            ReadContext(policy.strict, "f").document().date("Decmber 30, 2000", line=7, column=20)
        assert (info.value.source, info.value.lineno, info.value.colno) == ("f", 7, 20)
        assert str(info.value) == "unknown month 'Decmber' (at f, line 7, column 20)"

    def test_default_tz_from_policy(self) -> None:
        """The policy's default zone is given to times without one."""
        zone = dt.timezone(dt.timedelta(hours=-5))
        value = ReadContext(policy.default.clone(default_tz=zone)).document().date("1999-05-12 21:06")
        assert value == dt.datetime(1999, 5, 12, 21, 6, tzinfo=zone)
