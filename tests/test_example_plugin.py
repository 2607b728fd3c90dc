"""The example plugin in examples/tidewire: installed with pip, then found and used with no register() call.

pip installs the example from its local path, offline, with the build
backend already in the test environment (flit_core, from the ``test``
extra), into a private folder that the ``wirecopy`` commands below see
through PYTHONPATH.  Nothing is installed into, or left behind in, the test
environment itself.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT, SEED

EXAMPLE = ROOT / "examples" / "tidewire"
FIXTURE = EXAMPLE / "tests" / "data" / "two-stories.tide"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Install the example with pip into a folder of its own; yield the environment that sees it."""
    pytest.importorskip("flit_core", reason="the example plugin is built with flit_core: pip install -e '.[test]'")
    target = tmp_path_factory.mktemp("site")
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index"]
    command += ["--disable-pip-version-check", "--target", str(target), str(EXAMPLE)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"pip could not install the example:\n{result.stdout}\n{result.stderr}"
    assert sorted(p.name for p in target.glob("*.dist-info")) == ["wirecopy_tidewire-1.0.0.dist-info"]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(target), env.get("PYTHONPATH")]))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    yield env


def wirecopy(env: dict[str, str], *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed ``wirecopy`` command (``python -m wirecopy`` where there is no script)."""
    script = Path(sys.executable).with_name("wirecopy")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "wirecopy"]
    return subprocess.run([*command, *args], capture_output=True, text=True, env=env, cwd=cwd, check=False)


def test_the_example_holds_no_registration_code() -> None:
    """No Python file of the example registers anything: the entry point is all it takes."""
    sources = sorted(EXAMPLE.rglob("*.py"))
    assert [str(p.relative_to(EXAMPLE)) for p in sources] == [
        "src/wirecopy_tidewire/__init__.py",
        "tests/conftest.py",
        "tests/test_tidewire.py",
    ]
    assert [str(p.relative_to(EXAMPLE)) for p in sources if "register_format" in p.read_text(encoding="utf-8")] == []
    assert "register" not in (EXAMPLE / "src" / "wirecopy_tidewire" / "__init__.py").read_text(encoding="utf-8")


def test_formats_lists_it(site: dict[str, str]) -> None:
    """`wirecopy formats` lists tidewire with its alias, mode, extension and distribution."""
    result = wirecopy(site, "formats")
    assert result.returncode == 0, result.stderr
    [row] = [line for line in result.stdout.splitlines() if line.startswith("tidewire ")]
    assert [cell.strip() for cell in row.split("  ") if cell.strip()] == [
        "tidewire",
        "tide",
        "read/write",
        ".tide",
        "wirecopy-tidewire 1.0.0 (entry point 'tidewire')",
    ]
    assert "broken:" not in result.stdout


def test_detect_finds_it(site: dict[str, str], tmp_path: Path) -> None:
    """`wirecopy detect` names tidewire for a feed, by its content, whatever the file is called."""
    feed = tmp_path / "feed.dat"
    feed.write_bytes(FIXTURE.read_bytes())
    result = wirecopy(site, "detect", str(FIXTURE), str(feed))
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    assert first.startswith(f"{FIXTURE}: tidewire (1.00)")
    assert second.startswith(f"{feed}: tidewire (1.00)")


def test_parse_uses_it(site: dict[str, str]) -> None:
    """`wirecopy parse` reads the feed with the plugin, without being told the format."""
    result = wirecopy(site, "parse", "--errors", "strict", str(FIXTURE))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["format"], r["id"], r["headline"]) for r in records] == [
        ("tidewire", "TW-20240301-0042", "Dock workers vote to strike at Port Ellery"),
        ("tidewire", "TW-20240302-0007", "Ferry timetable changes for the spring"),
    ]
    assert records[0]["published"] == "2024-03-01T14:05:00+00:00"
    assert records[0]["dateline"]["place"] == "PORT ELLERY"
    offset = FIXTURE.read_bytes().index(b"ID: TW-20240302-0007")
    assert records[1]["origin"] == {"path": str(FIXTURE), "line": 15, "offset": offset, "index": 1}


def test_convert_writes_it_and_back(site: dict[str, str], tmp_path: Path) -> None:
    """The seed converts to tidewire and back to cnn-reuters byte for byte, the plugin named by its alias."""
    feed = tmp_path / "seed.tide"
    result = wirecopy(site, "convert", "--to", "tide", "-o", str(feed), str(SEED))
    assert result.returncode == 0, result.stderr
    assert feed.read_text(encoding="utf-8").startswith("TIDEWIRE/1\nSOURCE: CNN.com\nDATE: 2000-12-30\n")
    back = wirecopy(site, "convert", "--to", "cnn-reuters", str(feed))
    assert back.returncode == 0, back.stderr
    assert back.stdout.encode("utf-8") == SEED.read_bytes()


def test_its_own_tests_pass_with_check_format(site: dict[str, str], tmp_path: Path) -> None:
    """The example's test suite, check_format included, passes against the installed plugin."""
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests")]
    # The quick profile: this proves the suite runs; fuzzing wirecopy's own formats is the contract test's job.
    env = {**site, "HYPOTHESIS_PROFILE": "quick"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("5 passed")


def test_the_guides_pyproject_installs_against_this_wirecopy(tmp_path: Path) -> None:
    """The pyproject.toml of docs/writing-a-format.md builds and its `wirecopy>=...` is met by this wirecopy."""
    pytest.importorskip("flit_core", reason="the guide's pyproject builds with flit_core: pip install -e '.[test]'")
    guide = (ROOT / "docs" / "writing-a-format.md").read_text(encoding="utf-8")
    found = re.search(r"## \d\. The package.*?```toml\n(.*?)```", guide, re.DOTALL)
    assert found is not None, "the guide's section 3 has no toml block"
    (tmp_path / "pyproject.toml").write_text(found.group(1), encoding="utf-8")
    (tmp_path / "README.md").write_text("A plugin.\n", encoding="utf-8")
    package = tmp_path / "src" / "wirecopy_acme"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('"""The ACME feed."""\n\nclass AcmeFeed:\n    pass\n', encoding="utf-8")
    report = tmp_path / "report.json"
    command = [sys.executable, "-m", "pip", "install", "--dry-run", "--no-index", "--no-build-isolation"]
    command += ["--disable-pip-version-check", "--report", str(report), str(tmp_path)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"pip could not install the guide's plugin:\n{result.stdout}\n{result.stderr}"
    would_install = [item["metadata"]["name"] for item in json.loads(report.read_text(encoding="utf-8"))["install"]]
    assert would_install == ["wirecopy-acme"], "pip wanted more than the plugin: the wirecopy requirement is not met"
