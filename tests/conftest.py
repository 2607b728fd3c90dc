"""Shared test setup: Hypothesis profiles, the shared real-sample corpus, and markers.

The default run is the quick one a contributor makes: Hypothesis' ``dev``
profile, no test marked ``slow``, and the tests that read the shared corpus of
real samples only when that corpus is on the machine (``WIRECOPY_CORPUS``, by
default ``../shared/corpus`` beside the checkout).  CI runs everything:
``HYPOTHESIS_PROFILE=ci python -m pytest -m "slow or not slow"``.
"""

from __future__ import annotations

import inspect
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "cnn-reuters-2000-12-30-missile-talks.txt"
DATA = Path(__file__).resolve().parent / "data"

# "dev" (the default) keeps a plain `pytest` under a minute on two cores; "ci"
# draws four times as many examples; "thorough" is for a long local run:
# HYPOTHESIS_PROFILE=thorough pytest
settings.register_profile("dev", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.register_profile("quick", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def _corpus_root() -> Path:
    configured = os.environ.get("WIRECOPY_CORPUS")
    return Path(configured) if configured else ROOT.parent / "shared" / "corpus"


CORPUS = _corpus_root()


def _agency_feeds_root() -> Path:
    configured = os.environ.get("WIRECOPY_AGENCY_FEEDS")
    return Path(configured) if configured else CORPUS.parent / "agency-feeds"


#: The real agency feed files with their expected values (EXPECT.json).
AGENCY_FEEDS = _agency_feeds_root()


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-goldens`` rewrites the recorded outputs of every sample (tests/goldens.py)."""
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the golden outputs of the samples instead of comparing against them",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Declare the markers the suite uses."""
    config.addinivalue_line("markers", "corpus: needs the shared corpus of real samples (WIRECOPY_CORPUS)")
    config.addinivalue_line("markers", "slow: takes more than a few seconds; left out unless -m selects it")


def pytest_report_header(config: pytest.Config) -> str:
    """Say where the shared corpus is, or that its tests are left out."""
    if CORPUS.is_dir():
        return f"wirecopy: shared corpus at {CORPUS}"
    return "wirecopy: no shared corpus (set WIRECOPY_CORPUS to run its tests); its tests are not collected"


# A test needs the shared corpus when it uses one of these; it is marked so
# automatically, so that no test can forget the marker and skip noisily (a
# module's own shortcut to corpus_sample is named *_corpus_sample to be seen).
_USES_CORPUS = re.compile(r"corpus_sample\(|\bcorpus_files\(|\bCORPUS\b|\bAGENCY_FEEDS\b|\bshared_samples\(")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests that read the shared corpus, and leave them out when it is absent."""
    present = CORPUS.is_dir()
    kept, dropped = [], []
    for item in items:
        function = getattr(item, "function", None)
        uses = "corpus" in getattr(item, "fixturenames", ())
        if function is not None and not uses:
            try:
                uses = bool(_USES_CORPUS.search(inspect.getsource(function)))
            except (OSError, TypeError):
                uses = False
        # A test parametrized over corpus files that are absent has no cases.
        empty = any(
            mark.name == "skip" and str(mark.kwargs.get("reason", "")).startswith("got empty parameter set")
            for mark in item.iter_markers()
        )
        if uses or empty or item.get_closest_marker("corpus") is not None:
            item.add_marker(pytest.mark.corpus)
            if not present:
                dropped.append(item)
                continue
        kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """Whether this run records the goldens rather than checking them."""
    return bool(request.config.getoption("--update-goldens"))


def corpus_files(folder: str, pattern: str = "*") -> list[Path]:
    """The real samples in one folder of the shared corpus, or [] when it is absent."""
    path = CORPUS / folder
    if not path.is_dir():
        return []
    return sorted(p for p in path.glob(pattern) if p.is_file() and p.suffix != ".md")


@pytest.fixture
def corpus() -> Path:
    """The shared corpus of real samples; skips when it is not on this machine."""
    if not CORPUS.is_dir():
        pytest.skip(
            f"the shared corpus of real samples is not at {CORPUS}; set WIRECOPY_CORPUS to the folder that holds it"
        )
    return CORPUS


def corpus_sample(folder: str, name: str) -> Path:
    """One real sample; skips the calling test with a clear reason when it is absent."""
    path = CORPUS / folder / name
    if not path.is_file():
        pytest.skip(f"real sample {folder}/{name} is not in the shared corpus at {CORPUS} (set WIRECOPY_CORPUS)")
    return path
