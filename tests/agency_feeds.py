"""The expected values of the real agency feed files (``EXPECT.json``), and how a reading is scored.

The files live outside the project (``../shared/agency-feeds``, or
``WIRECOPY_AGENCY_FEEDS``); their ``EXPECT.json`` gives, per file, the format
it is in and checks of the form ``{"field", "op", "value"}`` (see its
README).  :func:`score` reads a file as a user would, with detection, and
returns each check with whether it holds.

Run ``python -m tests.agency_feeds`` for a table of what holds, per file.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

import wirecopy

from .conftest import AGENCY_FEEDS


@attrs.frozen
class Check:
    """One expected value of one file."""

    file: str
    field: str
    op: str
    value: Any
    by: str

    @property
    def label(self) -> str:
        """``headline eq 'Text'``, for messages."""
        shown = "" if self.value is None else f" {self.value!r}"
        return f"{self.field} {self.op}{shown}"


@attrs.frozen
class Outcome:
    """A check, whether it holds, and what was found instead."""

    check: Check
    holds: bool
    found: Any


def expectations(root: Path = AGENCY_FEEDS) -> dict[str, dict[str, Any]]:
    """``{relative path: {"format", "fields", ...}}`` from ``EXPECT.json``; ``{}`` when it is absent."""
    path = root / "EXPECT.json"
    if not path.is_file():
        return {}
    files: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["files"]
    return files


def checks_of(name: str, entry: dict[str, Any]) -> list[Check]:
    """The checks of one file, in the order EXPECT.json gives them."""
    return [Check(name, f["field"], f["op"], f.get("value"), f.get("by", "")) for f in entry["fields"]]


def read(path: Path) -> tuple[str | None, list[wirecopy.Article]]:
    """The detected format of *path* and its articles, read as ``wirecopy.read(path)`` does."""
    try:
        best = wirecopy.detect(path).best
    except wirecopy.WirecopyError:
        return None, []
    if best is None:
        return None, []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", wirecopy.WirecopyWarning)
        try:
            return best, list(wirecopy.read(path, best))
        except wirecopy.WirecopyError:
            return best, []


def score(name: str, entry: dict[str, Any], root: Path = AGENCY_FEEDS) -> tuple[str | None, list[Outcome]]:
    """Read one file and evaluate each of its checks against its first article."""
    detected, articles = read(root / name)
    outcomes = []
    for check in checks_of(name, entry):
        if check.field == "count":
            outcomes.append(Outcome(check, len(articles) == check.value, len(articles)))
            continue
        if not articles:
            outcomes.append(Outcome(check, False, "no article"))
            continue
        found = _field(articles[0], check.field)
        outcomes.append(Outcome(check, _holds(check.op, found, check.value), found))
    return detected, outcomes


def _fold(value: Any) -> str:
    return " ".join(str(value).split())


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a JSON-like value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _field(article: wirecopy.Article, field: str) -> Any:
    record = article.to_dict()
    if field == "text":
        return "\n\n".join(record["paragraphs"])
    if field in ("p0", "p1"):
        index = int(field[1])
        return record["paragraphs"][index] if len(record["paragraphs"]) > index else None
    if field == "anytext":
        return record
    if field.startswith("dateline."):
        dateline = record["dateline"]
        return None if dateline is None else dateline[field.partition(".")[2]]
    return record[field]


def _datetime(text: str) -> dt.datetime | dt.date:
    return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)


def _holds(op: str, found: Any, value: Any) -> bool:
    if op == "none":
        return found is None
    if op == "len":
        return found is not None and len(found) == value
    if op == "codes":
        subjects = [str(s) for s in (found or ())]
        return all(any(s == code or s.endswith((":" + code, "/" + code)) for s in subjects) for code in value)
    if op == "lang":
        return isinstance(found, str) and found.replace("_", "-").split("-")[0].lower() == value.lower()
    if op in ("at", "wall", "day"):
        return _same_time(op, found, value)
    if found is None:
        return False
    if op == "has" and not isinstance(found, str):
        return any(_fold(value) in _fold(text) for text in _strings(found))
    if op == "not_has" and not isinstance(found, str):
        return not any(_fold(value) in _fold(text) for text in _strings(found))
    text = _fold(found)
    if op == "eq":
        return text == _fold(value)
    if op == "prefix":
        return text.startswith(_fold(value))
    if op == "has":
        return _fold(value) in text
    if op == "not_has":
        return _fold(value) not in text
    if op == "first_line":
        return _fold(str(found).split("\n")[0]) == _fold(value)
    msg = f"unknown op {op!r} in EXPECT.json"
    raise ValueError(msg)


def _same_time(op: str, found: Any, value: str) -> bool:
    if not isinstance(found, str):
        return False
    got = _datetime(found)
    want = _datetime(value)
    if op == "day":
        return (got.date() if isinstance(got, dt.datetime) else got) == want
    if not isinstance(got, dt.datetime) or not isinstance(want, dt.datetime):
        return False
    if op == "at" and got.tzinfo is not None and want.tzinfo is not None:
        return got == want
    # The wall clock to the minute: the file gives no zone (or the check names none).
    return got.replace(tzinfo=None, second=0, microsecond=0) == want.replace(tzinfo=None, second=0, microsecond=0)


def main() -> int:
    """Print what holds for each file, and the share of checks that hold."""
    files = expectations()
    if not files:
        print(f"no EXPECT.json under {AGENCY_FEEDS}; set WIRECOPY_AGENCY_FEEDS")
        return 1
    total = held = whole = 0
    for name, entry in sorted(files.items()):
        detected, outcomes = score(name, entry)
        good = sum(o.holds for o in outcomes)
        total += len(outcomes)
        held += good
        whole += good == len(outcomes) and detected == entry["format"]
        mark = "" if detected == entry["format"] else f"  DETECTED AS {detected}"
        print(f"{good:2}/{len(outcomes):2}  {name}{mark}")
        for outcome in outcomes:
            if not outcome.holds:
                print(f"        {outcome.check.label}  -- found {_fold(outcome.found)[:120]!r}")
    print(f"{held}/{total} checks hold ({100 * held / total:.1f}%); {whole}/{len(files)} files fully right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
