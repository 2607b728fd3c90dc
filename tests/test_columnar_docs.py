"""The recipes of docs/columnar.md run as written, on the seed and a generated corpus."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEED
from .convert_formats import write_corpus

PAGE = ROOT / "docs" / "columnar.md"
TEXT = PAGE.read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```(\w+)\n(.*?)^```", TEXT, re.M | re.S)
PYTHON = [code for kind, code in BLOCKS if kind == "python"]
COMMANDS = [line for kind, code in BLOCKS if kind == "sh" for line in code.splitlines() if line.startswith("wirecopy ")]
# Recipes that take more than a few seconds: datasets' import, Dask's process pool.
SLOW = ("from datasets", "import wirecopy.dask")


def _headings() -> list[str]:
    """The heading each Python block stands under, in order."""
    found = []
    heading = ""
    inside = False
    for line in TEXT.splitlines():
        if line.startswith("```"):
            if not inside and line == "```python":
                found.append(heading)
            inside = not inside
        elif not inside and line.startswith("#"):
            heading = line.lstrip("#").strip()
    return found


RECIPES = list(zip(_headings(), PYTHON, strict=True))


def test_the_page_has_its_recipes() -> None:
    """The page converts the seed and a corpus, and has the pandas, Polars and datasets recipes."""
    assert any("seeds/cnn-reuters-2000-12-30-missile-talks.txt" in line for line in COMMANDS)
    assert any(line.startswith("wirecopy convert corpus/") for line in COMMANDS)
    headings = [heading for heading, _ in RECIPES]
    for wanted in ("pandas", "Polars", "Hugging Face `datasets`"):
        assert wanted in headings
    for heading, code in RECIPES:
        assert "assert " in code, f"the recipe under {heading!r} checks nothing"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the seed, a generated corpus, and the page's convert commands run in it."""
    pytest.importorskip("pyarrow", reason="the arrow extra is not installed: pip install '.[test]'")
    root = tmp_path_factory.mktemp("columnar")
    (root / "seeds").mkdir()
    shutil.copy(SEED, root / "seeds" / SEED.name)
    write_corpus(root / "corpus", files=3, per_file=4)
    for line in COMMANDS:
        # One process: a pool of workers only slows down a corpus this small.
        command = [sys.executable, "-m", "wirecopy", *shlex.split(line)[1:], "--jobs", "1"]
        subprocess.run(command, cwd=root, check=True, capture_output=True)
    return root


def _needs(code: str) -> list[str]:
    """The third-party modules a recipe imports that are not installed."""
    modules = re.findall(r"^(?:import|from) (\w+)", code, re.M)
    return [m for m in modules if m != "wirecopy" and importlib.util.find_spec(m) is None]


def _params() -> list[object]:
    marks = []
    for heading, code in RECIPES:
        slow = [pytest.mark.slow] if any(s in code for s in SLOW) else []
        marks.append(pytest.param(code, id=re.sub(r"\W+", "-", heading).strip("-").lower(), marks=slow))
    return marks


@pytest.mark.parametrize("code", _params())
def test_recipe_runs(code: str, workdir: Path) -> None:
    """The recipe runs as written in a fresh interpreter, and its asserts hold."""
    missing = _needs(code)
    if missing:
        pytest.skip(f"the recipe needs {', '.join(missing)}: pip install {' '.join(missing)}")
    env = dict(os.environ)
    # datasets writes its cache and would look for the network: neither here.
    env.update(HF_HOME=str(workdir / ".hf"), HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=workdir, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
