"""The contract every registered format meets, run over all of them."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wirecopy
from wirecopy import Article, ParseError
from wirecopy.strategies import articles_for

FORMATS = [f.name for f in wirecopy.formats()]
WRITABLE = [f.name for f in wirecopy.formats() if f.can_write]


@pytest.mark.parametrize("name", FORMATS)
@given(data=st.binary(max_size=2000))
def test_sniff_is_a_score_and_never_raises(name: str, data: bytes) -> None:
    """sniff returns a float in [0, 1] for any bytes and any file name."""
    fmt = wirecopy.get_format(name)
    for filename in (None, "x.txt", "x.xml", "noext"):
        score = fmt.sniff(data, filename)
        assert isinstance(score, float)
        assert 0.0 <= score <= 1.0


@pytest.mark.parametrize("name", FORMATS)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000))
def test_random_bytes_raise_only_parse_errors(name: str, data: bytes) -> None:
    """Reading random bytes raises nothing but ParseError under strict, and nothing under warn or skip."""
    try:
        wirecopy.loads(data, name, errors="strict")
    except ParseError:
        pass
    wirecopy.loads(data, name, errors="skip")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wirecopy.SkippedDocumentWarning)
        wirecopy.loads(data, name, errors="warn")


@pytest.mark.parametrize("name", FORMATS)
@given(text=st.text(max_size=500))
def test_random_text_raises_only_parse_errors(name: str, text: str) -> None:
    """Reading random text raises nothing but ParseError under strict."""
    try:
        wirecopy.loads(text, name, errors="strict")
    except ParseError:
        pass


@pytest.mark.parametrize("name", WRITABLE)
@given(data=st.data())
def test_roundtrip(name: str, data: st.DataObject) -> None:
    """loads(dumps(a)) == [a] for generated articles the format can represent."""
    article: Article = data.draw(articles_for(name))
    assert wirecopy.loads(wirecopy.dumps(article, name), name, errors="strict") == [article]


@pytest.mark.parametrize("name", WRITABLE)
@given(data=st.data())
def test_own_output_is_detected(name: str, data: st.DataObject) -> None:
    """Detection names the format for its own output."""
    article: Article = data.draw(articles_for(name))
    assert wirecopy.detect(wirecopy.dumps(article, name).encode(wirecopy.get_format(name).encoding)).best == name
