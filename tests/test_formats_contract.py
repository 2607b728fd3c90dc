"""Every registered format meets the contract of wirecopy.testing.check_format."""

from __future__ import annotations

import pytest

import wirecopy
from wirecopy.testing import check_format

FORMATS = [f.name for f in wirecopy.formats()]


@pytest.mark.parametrize("name", FORMATS)
def test_format_meets_the_contract(name: str) -> None:
    """The format passes check_format: declaration, sniff, reading random input, round-trip, detection."""
    check_format(name)
