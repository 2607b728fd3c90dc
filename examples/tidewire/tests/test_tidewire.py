"""The tidewire format: the wirecopy contract, the fixture, and discovery once installed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import wirecopy
from hypothesis import strategies as st
from wirecopy.strategies import datelines, dates, datetimes, headlines, paragraphs, words
from wirecopy.testing import check_format

from wirecopy_tidewire import TidewireFormat

FIXTURE = Path(__file__).parent / "data" / "two-stories.tide"


def tidewire_articles() -> st.SearchStrategy[wirecopy.Article]:
    """Articles the tidewire format can write and read back unchanged, built from wirecopy.strategies."""
    optional_line = st.none() | headlines()
    return st.builds(
        wirecopy.Article,
        format=st.just("tidewire"),
        id=st.none() | st.from_regex(r"TW-[0-9]{8}-[0-9]{4}", fullmatch=True),
        source=st.none() | st.just("Tidewire"),
        headline=headlines(),
        byline=optional_line,
        published=st.none() | dates() | datetimes(),
        dateline=st.none() | datelines(),
        paragraphs=st.lists(paragraphs().filter(lambda p: p != "%%"), max_size=3),
        subjects=st.lists(words(), max_size=3),
        language=st.none() | st.sampled_from(["en", "fr"]),
        extra=st.dictionaries(st.just("slug"), words(), max_size=1),
    ).filter(_body_reads_back)


def _body_reads_back(article: wirecopy.Article) -> bool:
    # Without a dateline, a first paragraph that opens like one reads back
    # as a dateline: the layout cannot tell them apart.
    if article.dateline is not None or not article.paragraphs:
        return True
    return wirecopy.split_dateline(article.paragraphs[0])[0] is None


def test_meets_the_wirecopy_contract() -> None:
    """The format passes wirecopy's contract: declaration, sniff, reading bad input, round-trip, detection."""
    check_format(TidewireFormat, articles=tidewire_articles(), samples=[FIXTURE.read_bytes()])


def test_reads_the_fixture() -> None:
    """The two stories of the fixture read into the documented fields."""
    first, second = wirecopy.loads(FIXTURE.read_bytes(), TidewireFormat(), errors="strict")
    assert first.id == "TW-20240301-0042"
    assert first.headline == "Dock workers vote to strike at Port Ellery"
    assert first.byline == "By Mara Quint"
    assert first.published == dt.datetime(2024, 3, 1, 14, 5, tzinfo=dt.timezone.utc)
    assert first.subjects == ("labour", "shipping")
    assert first.language == "en"
    assert first.extra == {"slug": "ellery-strike"}
    assert first.dateline == wirecopy.Dateline(text="PORT ELLERY (Tidewire) --", place="PORT ELLERY", agency="Tidewire")
    assert first.paragraphs[0].startswith("Dock workers at the invented harbour")
    assert len(first.paragraphs) == 2
    assert second.published == dt.date(2024, 3, 2)
    assert second.dateline is not None and second.dateline.place == "NORTH QUAY"
    assert second.origin is not None
    assert (second.origin.line, second.origin.index) == (15, 1)


def test_writes_the_fixture_back() -> None:
    """Writing what was read gives the fixture back, but for the date written in ISO 8601."""
    articles = wirecopy.loads(FIXTURE.read_bytes(), TidewireFormat())
    expected = FIXTURE.read_text(encoding="utf-8").replace("DATE: March 2, 2024", "DATE: 2024-03-02")
    assert wirecopy.dumps(articles, TidewireFormat()) == expected


def test_a_story_without_a_headline_is_a_defect() -> None:
    """A story with no HEAD header is read with a missing-headline defect, and raises under strict."""
    text = "TIDEWIRE/1\nID: TW-1\n\nBody.\n%%\n"
    [article] = wirecopy.loads(text, TidewireFormat())
    assert [d.kind for d in article.defects] == ["missing-headline"]
    with pytest.raises(wirecopy.ParseError) as info:
        wirecopy.loads(text, TidewireFormat(), errors="strict")
    assert str(info.value) == "the story has no HEAD header (at line 2)"


def test_found_once_installed() -> None:
    """Installed, the format is found by name and by detection, with no register() call."""
    if "tidewire" not in wirecopy.registry.default_registry.names():
        pytest.skip("wirecopy-tidewire is not installed: pip install -e . first")
    assert type(wirecopy.get_format("tide")) is TidewireFormat
    assert wirecopy.detect(FIXTURE).best == "tidewire"
