"""The reading policy: modes, cloning and validation."""

from __future__ import annotations

import datetime as dt

import pytest

import wirecopy
from wirecopy import policy
from wirecopy.policy import Policy


def test_module_instances() -> None:
    """default warns, strict raises, skip skips."""
    assert policy.default.errors == "warn"
    assert policy.strict.errors == "strict" and policy.strict.strict
    assert policy.skip.errors == "skip"


def test_clone() -> None:
    """clone returns a changed copy and leaves the original alone."""
    zone = dt.timezone(dt.timedelta(hours=1))
    changed = policy.default.clone(default_tz=zone)
    assert changed.default_tz is zone
    assert policy.default.default_tz is None


def test_unknown_mode() -> None:
    """An unknown errors mode raises ValueError naming the choices."""
    with pytest.raises(ValueError, match="'errors' must be one of 'strict', 'warn', 'skip' \\(got 'loud'\\)"):
        Policy(errors="loud")  # type: ignore[arg-type]


def test_tzinfos_are_frozen_and_upper_cased() -> None:
    """A tzinfos mapping is stored as a sorted tuple with upper-case keys, so the policy hashes."""
    ist = dt.timezone(dt.timedelta(hours=5, minutes=30))
    p = Policy(tzinfos={"ist": ist})
    assert p.zones == {"IST": ist}
    hash(p)


def test_policy_zones_reach_the_formats() -> None:
    """A zone given in the policy is used when a format parses a date."""
    from wirecopy.context import ReadContext

    ist = dt.timezone(dt.timedelta(hours=5, minutes=30))
    doc = ReadContext(Policy(tzinfos={"IST": ist})).document()
    value = doc.date("2000-12-01 10:00 IST")
    assert value == dt.datetime(2000, 12, 1, 10, 0, tzinfo=ist)
    assert doc.defects == []


def test_errors_overrides_policy() -> None:
    """errors= given with policy= wins over the policy's own mode."""
    with pytest.raises(wirecopy.ParseError):
        wirecopy.loads("", "cnn", policy=policy.default, errors="strict")


class TestDocumentSize:
    def test_default_is_64_mib(self) -> None:
        """The default document-size cap is 64 MiB."""
        assert wirecopy.Policy().max_document_size == 64 * 1024 * 1024

    def test_it_can_be_changed_and_must_be_positive(self) -> None:
        """max_document_size takes a positive number of bytes, and refuses anything else with a clear message."""
        assert wirecopy.Policy(max_document_size=1000).max_document_size == 1000
        with pytest.raises(ValueError, match="'max_document_size' must be a whole number of bytes of at least 1"):
            wirecopy.Policy(max_document_size=0)
