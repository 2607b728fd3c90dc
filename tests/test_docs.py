"""The examples of the documentation run as written: each `>>>` example gives the output it shows."""

from __future__ import annotations

import doctest

import pytest

from .conftest import ROOT

PAGES = ["README.md", "docs/quickstart.md"]


@pytest.mark.parametrize("page", PAGES)
def test_examples_give_what_the_page_shows(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every `>>>` example of the page gives the output written under it, run from the project's folder."""
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(
        str(ROOT / page),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
    )
    assert result.attempted >= 3, f"{page} has no examples to check"
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {page} differ (see above)"
