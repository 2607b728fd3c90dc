"""Every sample gives exactly its recorded output: the goldens of tests/goldens.py.

Run ``pytest tests/test_goldens.py --update-goldens`` to record a change on
purpose, and say in the commit which goldens moved and why.
"""

from __future__ import annotations

import difflib

import pytest

from .goldens import (
    SHARED_DIGESTS,
    Sample,
    actual_path,
    digest,
    own_golden,
    own_samples,
    read_digests,
    render,
    shared_full,
    shared_samples,
    store,
    walk_kinds,
    write_digests,
)

OWN = own_samples()
SHARED = shared_samples()


def _diff(expected: bytes, actual: bytes, name: str) -> str:
    """A short unified diff of two outputs, for the failure message."""
    lines = difflib.unified_diff(
        expected.decode("utf-8", "replace").splitlines(),
        actual.decode("utf-8", "replace").splitlines(),
        f"golden {name}",
        f"actual {name}",
        lineterm="",
        n=1,
    )
    shown = list(lines)[:40]
    return "\n".join(shown)


def test_there_are_samples() -> None:
    """The fixtures and the seed are found, so the golden tests below cannot pass empty."""
    assert len(OWN) >= 40


@pytest.mark.parametrize("sample", OWN, ids=[s.name for s in OWN])
def test_own_sample_matches_its_golden(sample: Sample, update_goldens: bool) -> None:
    """Each fixture and the seed read, log and write exactly as recorded."""
    for kind, data in walk_kinds(render(sample)):
        golden = own_golden(sample, kind)
        if update_goldens:
            store(golden, data)
            continue
        expected = golden.read_bytes() if golden.is_file() else None
        if data != expected:
            store(actual_path(sample, kind), data)
            shown = _diff(expected or b"", data or b"", sample.name + kind)
            where = "actual output in tests/goldens/_actual"
            pytest.fail(f"{sample.name}{kind} differs from its golden ({where}):\n{shown}")


@pytest.mark.corpus
def test_shared_samples_match_their_digests(update_goldens: bool) -> None:
    """Each real sample of the shared corpus and agency feeds reads as recorded (by sha256)."""
    if not SHARED:
        pytest.skip("the shared corpus is not on this machine (set WIRECOPY_CORPUS)")
    recorded = read_digests()
    seen = {}
    moved = []
    for sample in SHARED:
        for kind, data in walk_kinds(render(sample)):
            name = sample.name + kind
            if data is None:
                continue
            seen[name] = digest(data)
            if update_goldens:
                store(shared_full(sample, kind), data)
            elif recorded.get(name) != seen[name]:
                store(actual_path(sample, kind), data)
                full = shared_full(sample, kind)
                shown = _diff(full.read_bytes(), data, name) if full.is_file() else "(no full golden here to diff)"
                moved.append(f"{name}:\n{shown}")
    if update_goldens:
        # Samples absent from this machine keep their recorded digests.
        present = {s.name for s in SHARED}
        kept = {k: v for k, v in recorded.items() if not any(k.startswith(p + ".") for p in present)}
        write_digests({**kept, **seen})
        return
    missing = sorted(k for k in recorded if k not in seen and any(k.startswith(s.name + ".") for s in SHARED))
    assert not missing, f"outputs recorded in {SHARED_DIGESTS.name} but no longer made: {missing}"
    assert not moved, f"{len(moved)} shared outputs differ from their digests:\n" + "\n".join(moved[:10])
