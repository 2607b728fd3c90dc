"""The real agency feed files read as their EXPECT.json says (the checks of tests/agency_feeds.py).

Each file must be detected as its format and meet every expected value.  What
does not hold yet is listed in KNOWN_GAPS, check by check; the test fails both
when a listed gap is still open and is not listed, and when a listed gap has
closed, so that the list always says exactly what is left to do.
"""

from __future__ import annotations

import pytest

from .agency_feeds import expectations, score

pytestmark = pytest.mark.corpus

FILES = expectations()

# Every agency file reads as expected: nothing is left to list.
KNOWN_GAPS: dict[str, tuple[str, ...]] = {}


def test_the_gaps_name_real_files() -> None:
    """Every file named in KNOWN_GAPS is one of the agency feed files."""
    assert FILES, "the agency feeds are not on this machine (set WIRECOPY_AGENCY_FEEDS)"
    assert sorted(set(KNOWN_GAPS) - set(FILES)) == []


@pytest.mark.parametrize("name", sorted(FILES))
def test_agency_file_reads_as_expected(name: str) -> None:
    """The file is detected as its format and every expected value holds, but for its listed gaps."""
    entry = FILES[name]
    detected, outcomes = score(name, entry)
    failing = [f"detected as {detected}"] if detected != entry["format"] else []
    failing += [o.check.label for o in outcomes if not o.holds]
    found = {o.check.label: o.found for o in outcomes if not o.holds}
    expected = list(KNOWN_GAPS.get(name, ()))
    opened = [label for label in failing if label not in expected]
    closed = [label for label in expected if label not in failing]
    assert not opened, f"{name}: checks that fail and are not known gaps: {opened}; found {found}"
    assert not closed, f"{name}: known gaps that now hold: remove them from KNOWN_GAPS: {closed}"
