"""Every registered format meets the contract of wirecopy.testing.check_format."""

from __future__ import annotations

from pathlib import Path

import pytest

import wirecopy
from wirecopy.testing import check_format

from .conftest import DATA, corpus_files

FORMATS = [f.name for f in wirecopy.list_formats()]

# The shared corpus folder of each format's real samples.  check_format's read
# check damages these and the format's own fixtures at random (bytes cut,
# inserted, replaced, the file cut off) and checks that only ParseError
# escapes under strict, and nothing under warn or skip.
CORPUS_FOLDERS = {
    "anpa-1312": "anpa1312",
    "cnndm-story": "cnn-dailymail-story",
    "iptc-7901": "iptc7901",
    "newsml-1": "newsml1",
    "newsml-g2": "newsml-g2",
    "nitf": "nitf",
    "plain-text": "plaintext-dateline",
    "rcv1-xml": "rcv1-xml",
    "reuters21578-sgml": "reuters21578-sgml",
    "rfc822-news": "usenet-rfc822",
    "trec-sgml": "trec-ldc-sgml",
}


def samples(name: str) -> list[bytes]:
    """The format's own fixtures, then its real samples when the shared corpus is here."""
    fixtures = DATA / name
    paths: list[Path] = sorted(p for p in fixtures.rglob("*") if p.is_file()) if fixtures.is_dir() else []
    if name in CORPUS_FOLDERS:
        paths += corpus_files(CORPUS_FOLDERS[name])
    return [path.read_bytes() for path in paths]


def test_every_format_with_fixtures_has_samples() -> None:
    """Each format that has a fixture folder gives the contract samples to damage."""
    for name in FORMATS:
        if (DATA / name).is_dir():
            assert samples(name), f"no samples for {name!r} under {DATA / name}"


@pytest.mark.parametrize("name", FORMATS)
def test_format_meets_the_contract(name: str) -> None:
    """The format passes check_format: declaration, sniff, reading random and damaged input, round-trip, detection."""
    check_format(name, samples=samples(name))
