"""The wirecopy command: parse, convert, detect, formats, and its exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wirecopy.cli import main

from .conftest import SEED

SEED_BYTES = SEED.read_bytes()


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """Run the installed command in a subprocess, as a user would."""
    return subprocess.run([sys.executable, "-m", "wirecopy", *args], input=stdin, capture_output=True, check=False)


class TestParse:
    def test_seed(self) -> None:
        """parse prints exactly one JSON object with the seed's values."""
        result = run("parse", str(SEED))
        assert result.returncode == 0, result.stderr
        lines = result.stdout.decode().splitlines()
        assert len(lines) == 1
        record = json.loads(lines[0])
        assert record["source"] == "CNN.com"
        assert record["headline"] == "Russia plans U.S. missile talks"
        assert record["published"] == "2000-12-30"
        assert record["dateline"] == {
            "text": "moscow, russia (reuters) --",
            "place": "moscow",
            "region": "russia",
            "agency": "reuters",
            "date": None,
        }
        assert record["paragraphs"][0].startswith("russia plans to move swiftly")
        assert result.stderr == b""

    def test_stdin(self) -> None:
        """'-' reads standard input."""
        result = run("parse", "--format", "cnn", "-", stdin=SEED_BYTES)
        assert json.loads(result.stdout)["headline"] == "Russia plans U.S. missile talks"

    def test_strict_error_is_one_line(self, tmp_path: Path) -> None:
        """A parse error under strict prints one line with file and line, no traceback, status 1."""
        bad = tmp_path / "bad.txt"
        bad.write_text("CNN.com - no date here\nbody")
        result = run("parse", "--format", "cnn", "--errors", "strict", str(bad))
        assert result.returncode == 1
        assert result.stderr.decode() == f"wirecopy: error: Missing date in header (at {bad}, line 1, column 23)\n"

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is one line on stderr and status 1."""
        result = run("parse", str(tmp_path / "none.txt"))
        assert result.returncode == 1
        assert result.stderr.decode() == f"wirecopy: error: {tmp_path / 'none.txt'}: No such file or directory\n"

    def test_warn_prints_a_warning_line(self, tmp_path: Path) -> None:
        """Under warn, a document left out is a warning line and the status stays 0."""
        empty = tmp_path / "empty.txt"
        empty.write_bytes(b"")
        result = run("parse", "--format", "cnn", str(empty))
        assert result.returncode == 0
        assert result.stderr.decode() == (
            f"wirecopy: warning: empty input: no cnn-reuters header found (at {empty}, line 1, column 1)\n"
        )

    def test_undetectable(self, tmp_path: Path) -> None:
        """An input whose format cannot be told is one error line and status 1."""
        odd = tmp_path / "odd.dat"
        odd.write_bytes(b"hello")
        result = run("parse", str(odd))
        assert result.returncode == 1
        assert b"cannot tell the format" in result.stderr
        assert b"Traceback" not in result.stderr

    def test_unknown_format(self) -> None:
        """An unknown --format is one line listing the known formats."""
        result = run("parse", "--format", "nope", str(SEED))
        assert result.returncode == 1
        assert "no format for alias 'nope' found; known formats:" in result.stderr.decode()


class TestConvert:
    def test_reproduces_the_seed(self) -> None:
        """convert --to cnn-reuters reproduces the seed byte for byte."""
        result = run("convert", "--to", "cnn-reuters", str(SEED))
        assert result.returncode == 0, result.stderr
        assert result.stdout == SEED_BYTES

    def test_to_file_and_back(self, tmp_path: Path) -> None:
        """convert to jsonl then back to cnn-reuters gives the seed again."""
        out = tmp_path / "seed.jsonl"
        assert main(["convert", "--to", "jsonl", str(SEED), "-o", str(out)]) == 0
        back = tmp_path / "seed.txt"
        assert main(["convert", "--to", "cnn", str(out), "-o", str(back)]) == 0
        assert back.read_bytes() == SEED_BYTES

    def test_unwritable_article(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An article the target cannot hold is one error line and status 1."""
        source = tmp_path / "a.jsonl"
        source.write_text('{"format": "x", "id": "a1"}\n')
        assert main(["convert", "--to", "cnn", str(source), "-o", str(tmp_path / "out.txt")]) == 1
        assert "cannot write article 'a1' as cnn-reuters" in capsys.readouterr().err


class TestDetect:
    def test_seed(self) -> None:
        """detect names cnn-reuters for the seed, with its score."""
        result = run("detect", str(SEED))
        assert result.returncode == 0
        assert result.stdout.decode().startswith(f"{SEED}: cnn-reuters (0.9")

    def test_unknown(self, tmp_path: Path) -> None:
        """An undetectable file is reported as unknown with status 1."""
        odd = tmp_path / "odd.dat"
        odd.write_bytes(b"hello")
        result = run("detect", str(odd))
        assert result.returncode == 1
        assert result.stdout.decode() == f"{odd}: unknown; candidates: no format matched\n"


class TestFormats:
    def test_lists_builtins(self) -> None:
        """formats lists every built-in with aliases, mode, extensions and origin."""
        result = run("formats")
        assert result.returncode == 0
        lines = result.stdout.decode().splitlines()
        assert lines[0].split() == ["NAME", "ALIASES", "MODE", "EXTENSIONS", "FROM"]
        cnn = next(line for line in lines if line.startswith("cnn-reuters"))
        assert "cnn" in cnn and "read/write" in cnn and ".txt" in cnn and "wirecopy (built-in)" in cnn


class TestUsage:
    def test_help_documents_exit_status(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help explains the exit statuses."""
        with pytest.raises(SystemExit) as info:
            main(["--help"])
        assert info.value.code == 0
        out = capsys.readouterr().out
        assert "exit status:" in out and "130  interrupted" in out

    def test_bad_usage_is_status_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A wrong command line exits with status 2."""
        with pytest.raises(SystemExit) as info:
            main(["parse"])
        assert info.value.code == 2

    def test_version(self) -> None:
        """--version prints the installed version."""
        from importlib.metadata import version

        assert run("--version").stdout.decode().strip() == f"wirecopy {version('wirecopy')}"
