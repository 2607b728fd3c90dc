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
    "newsml-1/belga_ats_newsml_1_2_belga.xml": (
        "count eq 1",
        "headline eq 'Un taureau entre dans un magasin à Landquart (GR)'",
        "published at '2019-06-03T15:47:29+00:00'",
        "dateline.text has 'Landquart GR'",
        "language lang 'fr'",
        "subjects codes ['08000000', '04007000', '04001000', '04000000']",
        'text has "Un taureau âgé d\'un an est entré dans un magasin Denner"',
    ),
    "newsml-1/belga_tass_belga.xml": (
        "count eq 1",
        "headline eq \"Kremlin has 'negative reaction' to upcoming EU sanctions\"",
        "published wall '2019-01-21T10:27:08'",
        "dateline.text has 'January 21'",
        "language lang 'en'",
        "dateline.place eq 'MOSCOW'",
        "text has 'The Kremlin does not support the EU'",
    ),
    "newsml-1/ntb_afp.xml": ("extra has 'UPDATES with Germany, US, UAE cases'",),
    "newsml-g2/aap_reuters_byline_in_body.xml": (
        "byline eq 'By Joseph Ax'",
        "text not_has 'By Joseph Ax'",
    ),
    "newsml-g2/aap_reuters_with_byline.xml": ("text not_has 'By Dave McNary'",),
    "newsml-g2/iptc_LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml": (
        "detected as None",
        "count eq 1",
        "headline has 'Arizona Diamondbacks (29-23) at Philadelphia Phillies'",
        "text has 'looks set to be a clash of the Titans'",
    ),
    "newsml-g2/superdesk_stt_newsml_abstract_test.xml": (
        "extra has 'Hjallis Harkimo ja Mikael Jungner ovat perustamassa uutta poliittista liikettä'",
    ),
    "newsml-g2/superdesk_stt_newsml_note_test.xml": (
        "extra has 'Korjattu aiempaa uutista: Ylen juttu perustuu Puolustusvoimissa'",
    ),
    "newsml-g2/superdesk_tag_reuters.com,0000_newsml_L4N1FL0N0_1132689232": (
        "p0 first_line '(Adds comments, detail)'",
        "byline eq 'By Arpan Varghese'",
        "dateline.agency eq 'Reuters'",
    ),
    "nitf/cp_ap-table-nitf.xml": ("text has 'Brantley Hou'",),
    "nitf/superdesk_pa2.xml": ("headline has 'INT-Teams'",),
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
