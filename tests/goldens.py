"""Golden outputs: what wirecopy makes of every sample, recorded to catch any change.

For each sample (the project's own fixtures, the seed, and every real file of
the shared corpus and agency feeds) three outputs are recorded:

* ``.jsonl``: the articles as ``wirecopy parse`` prints them (the default
  ``warn`` policy), byte for byte;
* ``.log``: the format detected, each document left out, and what the
  ``strict`` policy raises (or ``strict: ok``);
* ``.written``: the bytes the format writes back for those articles, where it
  writes (a ``WriteError`` goes in the log instead).

The goldens of the project's own fixtures are committed under
``tests/goldens/``.  The text of the shared samples belongs to news agencies, so
only a sha256 of each of their outputs is committed (``tests/goldens/shared.sha256``);
the full outputs are kept in the git-ignored ``tests/goldens/_shared/`` to diff
against on the machine that recorded them.

``pytest --update-goldens`` rewrites them on purpose; a commit that moves a
golden says so.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Iterator
from pathlib import Path

import attrs

import wirecopy

from .conftest import AGENCY_FEEDS, CORPUS, DATA, ROOT, SEEDS

GOLDENS = Path(__file__).resolve().parent / "goldens"
#: The committed digests of the shared samples' outputs.
SHARED_DIGESTS = GOLDENS / "shared.sha256"
#: The full outputs of the shared samples: git-ignored, kept to diff against.
SHARED_FULL = GOLDENS / "_shared"
#: Where a test puts the output that differs from its golden, to diff by hand.
ACTUAL = GOLDENS / "_actual"

KINDS = (".jsonl", ".log", ".written")


@attrs.frozen
class Sample:
    """One input whose outputs are recorded."""

    #: The name the sample is read under and known by: ``tests/data/nitf/x.xml``,
    #: ``corpus/nitf/x.xml``, ``agency-feeds/nitf/x.xml``.
    name: str
    path: Path
    #: Whether the sample's text may be committed (our own files), or only a digest.
    own: bool


def own_samples() -> list[Sample]:
    """The project's fixtures and the seed."""
    # The hostile corpus is read by tests/test_hostile.py: what it gives is
    # not a behaviour to keep but a limit to hold.
    hostile = DATA / "hostile"
    paths = sorted(p for p in DATA.rglob("*") if p.is_file() and hostile not in p.parents)
    paths += sorted(p for p in SEEDS.iterdir() if p.is_file())
    return [Sample(p.relative_to(ROOT).as_posix(), p, own=True) for p in paths]


def shared_samples() -> list[Sample]:
    """Every real file of the shared corpus and agency feeds that is on this machine."""
    found = []
    for root, label in ((CORPUS, "corpus"), (AGENCY_FEEDS, "agency-feeds")):
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix != ".md" and path.name != "EXPECT.json":
                found.append(Sample(f"{label}/{path.relative_to(root).as_posix()}", path, own=False))
    return found


def render(sample: Sample) -> dict[str, bytes]:
    """Read *sample* as a user would and return its outputs by kind."""
    data = sample.path.read_bytes()
    log: list[str] = []
    outputs: dict[str, bytes] = {}
    try:
        detection = wirecopy.detect(data, filename=sample.name)
        fmt = wirecopy.get_format(detection.require())
    except wirecopy.WirecopyError as err:
        return {".jsonl": b"", ".log": f"format: {err}\n".encode()}
    log.append(f"format: {fmt.name}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wirecopy.WirecopyWarning)
        reader = wirecopy.iter_load(io.BytesIO(data), fmt, filename=sample.name)
        articles = list(reader)
    outputs[".jsonl"] = wirecopy.dumps(articles, "jsonl").encode("utf-8")
    log.extend(f"skipped: {error}" for error in reader.skipped)
    try:
        wirecopy.loads(data, fmt, errors="strict", filename=sample.name)
        log.append("strict: ok")
    except wirecopy.WirecopyError as err:
        log.append(f"strict: {type(err).__name__}: {err}")
    if fmt.can_write and articles:
        buffer = io.BytesIO()
        try:
            fmt.write(articles, buffer)
            outputs[".written"] = buffer.getvalue()
        except wirecopy.WriteError as err:
            log.append(f"write: {err}")
    outputs[".log"] = ("\n".join(log) + "\n").encode("utf-8")
    return outputs


def digest(data: bytes) -> str:
    """The sha256 of *data*, as hex."""
    return hashlib.sha256(data).hexdigest()


def read_digests() -> dict[str, str]:
    """``{"corpus/nitf/x.xml.jsonl": sha256}`` from the committed list."""
    if not SHARED_DIGESTS.is_file():
        return {}
    table = {}
    for line in SHARED_DIGESTS.read_text(encoding="utf-8").splitlines():
        value, _, name = line.partition("  ")
        table[name] = value
    return table


def write_digests(table: dict[str, str]) -> None:
    """Write the digest list, sorted, in ``sha256sum`` layout."""
    SHARED_DIGESTS.write_text("".join(f"{table[name]}  {name}\n" for name in sorted(table)), encoding="utf-8")


def own_golden(sample: Sample, kind: str) -> Path:
    """Where the golden of one output of one of our own samples lives."""
    return GOLDENS / (sample.name.removeprefix("tests/") + kind)


def shared_full(sample: Sample, kind: str) -> Path:
    """Where the full output of a shared sample is kept, outside git."""
    return SHARED_FULL / (sample.name + kind)


def actual_path(sample: Sample, kind: str) -> Path:
    """Where a differing output is left for a look."""
    return ACTUAL / (sample.name + kind)


def store(path: Path, data: bytes | None) -> None:
    """Write *data* to *path*, or remove *path* when *data* is ``None``."""
    if data is None:
        if path.exists():
            path.unlink()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def walk_kinds(outputs: dict[str, bytes]) -> Iterator[tuple[str, bytes | None]]:
    """Each kind of output, with ``None`` for one the sample does not have."""
    for kind in KINDS:
        yield kind, outputs.get(kind)
