"""wirecopy.strategies: dates in each style, datelines, records, st.from_type, and no Hypothesis at run time."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from importlib import metadata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy.dates import STYLES, format_date, parse_date
from wirecopy.strategies import (
    _BY_FORMAT,
    STYLE_DOMAINS,
    articles_for,
    date_texts,
    datelines,
    dates_in_style,
    defects,
    origins,
)

from .conftest import SEED

YEARLESS = {"mm-dd", "iptc7901"}


def test_every_format_date_style_has_a_strategy() -> None:
    """Each style format_date knows has a strategy of the values it writes without loss."""
    assert sorted(set(STYLES) - set(STYLE_DOMAINS)) == []


@pytest.mark.parametrize("style", sorted(STYLE_DOMAINS))
@given(data=st.data())
def test_values_in_style_read_back(style: str, data: st.DataObject) -> None:
    """parse_date(format_date(v, style)) == v for every value drawn for the style."""
    if style not in STYLES:
        pytest.skip(f"format_date has no style {style!r} in this build")
    value = data.draw(dates_in_style(style))
    text = format_date(value, style)
    day = value.date() if isinstance(value, dt.datetime) else value
    reference = day if style in YEARLESS else None
    back = parse_date(text, reference=reference)
    assert back == value
    assert type(back) is type(value)
    if isinstance(value, dt.datetime):
        assert (back.utcoffset() is None) == (value.utcoffset() is None)  # type: ignore[union-attr]


@given(text=date_texts("us-long"))
def test_date_texts_are_in_the_style(text: str) -> None:
    """date_texts("us-long") draws strings such as 'December 30, 2000'."""
    month, day, year = text.replace(",", "").split(" ")
    assert month in {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    }
    assert 1 <= int(day) <= 31 and len(year) == 4


def test_unknown_styles() -> None:
    """An unknown style is refused, naming the known ones."""
    with pytest.raises(ValueError) as info:
        dates_in_style("martian")
    assert str(info.value) == f"no date strategy for style 'martian'; known styles: {', '.join(STYLE_DOMAINS)}"
    with pytest.raises(ValueError) as info:
        date_texts("martian")
    assert str(info.value) == f"format_date has no style 'martian'; its styles: {', '.join(STYLES)}"


@given(dateline=datelines())
def test_datelines_parse_back(dateline: wirecopy.Dateline) -> None:
    """A drawn dateline's text parses back to the same dateline."""
    assert wirecopy.parse_dateline(dateline.text) == dateline


@given(dateline=datelines(with_date=True))
def test_dated_datelines_parse_back(dateline: wirecopy.Dateline) -> None:
    """A dateline drawn with a date parses back to the same dateline, date included, without a reference."""
    assert dateline.date is not None
    assert wirecopy.parse_dateline(dateline.text) == dateline
    assert wirecopy.split_dateline(f"{dateline.text} Body text.") == (dateline, "Body text.")


@given(origin=origins(), defect=defects())
def test_records(origin: wirecopy.Origin, defect: wirecopy.Defect) -> None:
    """origins() and defects() draw valid records that survive an article's dict round-trip."""
    article = wirecopy.Article(format="jsonl", origin=origin, defects=(defect,))
    back = wirecopy.Article.from_dict(article.to_dict())
    assert (back.origin, back.defects) == (origin, (defect,))


@pytest.mark.parametrize("name", sorted(_BY_FORMAT))
@given(data=st.data())
def test_articles_for_carry_the_format_name(name: str, data: st.DataObject) -> None:
    """articles_for(name) draws articles of that format (a format without a strategy is the contract's to report)."""
    assert data.draw(articles_for(name)).format == name


def test_articles_for_a_format_without_a_strategy() -> None:
    """articles_for raises LookupError, naming the format, for a format it has no strategy for."""

    class Unknown(wirecopy.Format):
        """A format registered for this test only."""

        name = "no-strategy-feed"
        description = "a format without an article strategy"
        version_added = "1.0"

    registry = wirecopy.registry.default_registry
    registry.register(Unknown)
    try:
        with pytest.raises(LookupError) as info:
            articles_for("no-strategy-feed")
    finally:
        registry.unregister("no-strategy-feed")
    assert str(info.value) == "no article strategy for format 'no-strategy-feed'"


def test_hook_is_published() -> None:
    """The package publishes its setup hook under Hypothesis' entry-point group."""
    [hook] = [ep for ep in metadata.entry_points(group="hypothesis") if ep.name == "wirecopy"]
    assert hook.value == "wirecopy._hypothesis:setup_hook"


@given(article=st.from_type(wirecopy.Article), dateline=st.from_type(wirecopy.Dateline))
def test_from_type(article: wirecopy.Article, dateline: wirecopy.Dateline) -> None:
    """st.from_type draws wirecopy's own strategies: lossless articles and parseable datelines."""
    assert wirecopy.Article.from_dict(article.to_dict()) == article
    assert wirecopy.parse_dateline(dateline.text) == dateline


def test_from_type_is_registered_when_hypothesis_is_imported_first() -> None:
    """Importing Hypothesis alone registers the strategies; wirecopy.strategies is loaded only on use."""
    code = (
        "import sys\n"
        "from hypothesis import strategies as st\n"
        "import wirecopy\n"
        "assert 'wirecopy.strategies' not in sys.modules\n"
        "assert isinstance(st.from_type(wirecopy.Dateline).example(), wirecopy.Dateline)\n"
        "assert 'wirecopy.strategies' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_wirecopy_never_imports_hypothesis() -> None:
    """Reading, writing, detecting and importing wirecopy.testing import no Hypothesis."""
    code = (
        "import sys\n"
        "import wirecopy, wirecopy.testing\n"
        f"articles = list(wirecopy.read({str(SEED)!r}))\n"
        "wirecopy.dumps(articles, 'jsonl')\n"
        "wirecopy.list_formats()\n"
        "assert 'hypothesis' not in sys.modules, 'hypothesis was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
