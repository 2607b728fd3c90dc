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

KNOWN_GAPS: dict[str, tuple[str, ...]] = {
    "anpa-1312/belga_kyodo.txt": (
        "detected as iptc-7901",
        'headline eq "Soccer: Urawa Reds claim 7th Emperor\'s Cup by beating Vegalta Sendai"',
        "dateline.place eq 'SAITAMA'",
        'text has "Urawa Reds claimed their seventh Emperor\'s Cup on Sunday"',
        "published day '2018-12-09'",
        "p0 has 'Urawa Reds claimed their seventh'",
    ),
    "anpa-1312/superdesk_ap_anpa-2.tst": (
        "headline eq 'Baseball Expanded Standings'",
        "byline eq 'By The Associated Press'",
    ),
    "iptc-7901/belga_dpa.txt": (
        "detected as plain-text",
        "headline eq 'Top EU court: Britain can unilaterally reverse Brexit decision'",
        "byline has 'Helen Maguire, dpa'",
        "extra has '2ND LEAD 3RD NET'",
        "published at '2018-12-10T11:37:00+00:00'",
    ),
    "iptc-7901/dpa_dw-1.iptc": (
        "headline eq '«Mythos Jungfernhäutchen» - Zwischen Aufklärung und Kommerz'",
        "published wall '2024-09-24T12:05'",
        "text has 'Die meisten Kundinnen bestellen nur einmal, Rezensionen gibt es kaum. Als «echt'",
        "byline eq 'Von Marco Krefting und Sunrita Sen, dpa'",
        "dateline.text eq 'Waghäusel (dpa) -'",
        "dateline.place eq 'Waghäusel'",
    ),
    "iptc-7901/dpa_eil.iptc": (
        "headline eq 'Grünen-Spitze tritt nach Wahlniederlagen ab'",
        "published wall '2024-09-25T10:37'",
        "text has 'Die Grünen-Spitze zieht nach den Misserfolgen der Partei bei mehreren Wahlen personelle'",
    ),
    "iptc-7901/superdesk_dpa_two_by_line.txt": ("published day '2018-11-21'",),
}


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
