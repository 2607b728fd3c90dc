"""The wirecopy command: parse, convert, detect, formats, and its exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import wirecopy
from wirecopy.cli import main

from .conftest import SEED
from .convert_formats import story, write_corpus

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
        """Under warn, a document left out is one warning line, summed up for its file; the status is 3."""
        empty = tmp_path / "empty.txt"
        empty.write_bytes(b"")
        result = run("parse", "--format", "cnn", str(empty))
        assert result.returncode == 3
        assert result.stderr.decode() == (
            "wirecopy: warning: document left out: empty input: no cnn-reuters header found "
            f"(at {empty}, line 1, column 1) [empty-input]\n"
            f"wirecopy: {empty}: 1 document read, 0 written, 0 defects, 1 left out\n"
        )

    def test_undetectable(self, tmp_path: Path) -> None:
        """An input whose format cannot be told is one warning line naming --format, and status 3."""
        odd = tmp_path / "odd.dat"
        odd.write_bytes(b"hello")
        result = run("parse", str(odd))
        assert result.returncode == 3
        assert result.stderr.decode() == (
            f"wirecopy: warning: cannot tell the format of {odd}; candidates: none; pass --format NAME to choose one\n"
        )

    def test_unknown_format(self) -> None:
        """An unknown --format is a usage error, status 2, that points to the formats command."""
        result = run("parse", "--format", "nope", str(SEED))
        assert result.returncode == 2
        assert result.stderr.decode().splitlines()[-1] == (
            "wirecopy parse: error: argument -f/--format: unknown format 'nope' ('wirecopy formats' lists them)"
        )


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


def call(capsys: pytest.CaptureFixture[bytes], *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run the command in this process (faster than a subprocess), as run() does."""
    status = main(list(args))
    captured = capsys.readouterr()
    return subprocess.CompletedProcess(args, status, captured.out, captured.err)


def summary_line(stderr: bytes) -> str:
    """The last line convert prints on stderr."""
    return stderr.decode().splitlines()[-1]


def run_on_terminal(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run the command with stderr on a pseudo-terminal; return its status and what the terminal showed."""
    pty = pytest.importorskip("pty")
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    # A new pseudo-terminal is 0 columns wide; give it a real terminal's size.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 160, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=env
    )
    os.close(slave)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed: the process is gone
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return proc.wait(timeout=60), shown.decode(errors="replace")


class TestConvertCorpus:
    @pytest.fixture
    def corpus(self, tmp_path: Path) -> Path:
        """Four cnn-reuters files of two stories, a jsonl file with a broken line 2, and a file no format claims."""
        root = tmp_path / "corpus"
        write_corpus(root, files=4, per_file=2)
        lines = [wirecopy.dumps([story(7, n)], "jsonl") for n in range(3)]
        lines[1] = "{not json\n"
        (root / "west" / "feed.jsonl").write_text("".join(lines))
        (root / "README.md").write_text("# notes about this corpus\n")
        return root

    def test_corpus_to_folder_with_report(self, corpus: Path, tmp_path: Path) -> None:
        """A folder converts into a folder; the JSON report adds up; problems are warnings and the status is 3."""
        out, report_path = tmp_path / "out", tmp_path / "r.json"
        result = run("convert", str(corpus), "-o", str(out), "--report", str(report_path), "--jobs", "2")
        assert result.returncode == 3, result.stderr
        feed = corpus / "west" / "feed.jsonl"
        # Warnings come as files finish, in either worker: their order is not fixed.
        assert sorted(result.stderr.decode().splitlines()[:-1]) == sorted(
            [
                f"wirecopy: warning: cannot tell the format of {corpus / 'README.md'}; candidates: none; "
                "pass --format NAME to choose one",
                "wirecopy: warning: document left out: invalid JSON: Expecting property name enclosed in double "
                f"quotes (at {feed}, line 2, column 2) [bad-record]",
                f"wirecopy: {feed}: 3 documents read, 2 written, 0 defects, 1 left out",
            ]
        )
        assert not Path(f"{report_path}.journal").exists()
        report = json.loads(report_path.read_text())
        totals = report["totals"]
        assert totals["read"] == totals["written"] + totals["skipped"] == 11
        assert (totals["files"], totals["converted"], totals["failed"], totals["skipped"]) == (6, 5, 1, 1)
        for file in report["files"]:
            assert file["read"] == file["written"] + file["skipped"]
        broken = next(f for f in report["files"] if f["input"] == str(feed))
        assert broken["errors"][0]["line"] == 2
        written = sum(len(p.read_text().splitlines()) for p in out.rglob("*.jsonl") if not p.name.startswith("."))
        assert written == totals["written"]
        assert summary_line(result.stderr) == (
            "wirecopy: 6 files: 5 converted, 1 failed (1 of unknown format); 11 documents read, 10 written, 1 skipped; "
            + summary_line(result.stderr).split("skipped; ")[1]
        )

    def test_strict_exits_1_with_a_report(
        self, corpus: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        """Under strict, the first problem is one error line, status 1, and the report says what finished."""
        report_path = tmp_path / "r.json"
        result = call(
            capsysbinary,
            "convert",
            str(corpus),
            "-o",
            str(tmp_path / "out"),
            "--errors",
            "strict",
            "--jobs",
            "1",
            "--report",
            str(report_path),
        )
        assert result.returncode == 1
        lines = result.stderr.decode().splitlines()
        assert lines[0] == (
            f"wirecopy: error: cannot tell the format of {corpus / 'README.md'}; candidates: none; "
            "pass --format NAME to choose one"
        )
        report = json.loads(report_path.read_text())
        assert report["files"][0]["status"] == "failed"
        assert {f["status"] for f in report["files"][1:]} == {"pending"}
        assert lines[-1].startswith("wirecopy: 6 files: 1 failed (1 of unknown format), 5 pending; 0 documents read")

    def test_skip_is_quiet_and_3(
        self, corpus: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        """Under skip, nothing but the summary is printed, and the status says that something was left out."""
        out = str(tmp_path / "out")
        result = call(capsysbinary, "convert", str(corpus), "-o", out, "--errors", "skip", "-j", "1")
        assert result.returncode == 3
        assert len(result.stderr.decode().splitlines()) == 1

    def test_jobs_2_output_equals_jobs_1(self, corpus: Path) -> None:
        """On standard output, --jobs 2 writes exactly what --jobs 1 does."""
        one = run("convert", str(corpus), "--jobs", "1", "--errors", "skip")
        two = run("convert", str(corpus), "--jobs", "2", "--errors", "skip")
        assert one.returncode == two.returncode == 3
        assert one.stdout == two.stdout
        assert len(one.stdout.splitlines()) == 10

    def test_rerun_skips_what_is_done(
        self, corpus: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        """A second run into the same folder reads nothing again and says so."""
        out = tmp_path / "out"
        call(capsysbinary, "convert", str(corpus), "-o", str(out), "--errors", "skip", "-j", "1")
        before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
        again = call(capsysbinary, "convert", str(corpus), "-o", str(out), "--errors", "skip", "-j", "1")
        assert summary_line(again.stderr).startswith(
            "wirecopy: 6 files: 5 up to date, 1 failed (1 of unknown format); 11 documents read, 10 written, 1 skipped;"
        )
        assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before

    def test_glob_quoted(self, corpus: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """A quoted glob pattern is expanded by wirecopy itself."""
        result = call(capsysbinary, "convert", str(corpus / "**" / "*.txt"), "-o", str(tmp_path / "out"), "-j", "1")
        assert result.returncode == 0
        assert sorted(p.name for p in (tmp_path / "out").rglob("*.jsonl") if not p.name.startswith(".")) == [
            "000.txt.jsonl",
            "000.txt.jsonl",
            "001.txt.jsonl",
            "001.txt.jsonl",
        ]

    def test_missing_input(self, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """An input that does not exist stops the command before anything runs, with status 1."""
        result = call(capsysbinary, "convert", str(SEED), str(tmp_path / "none.txt"), "-o", str(tmp_path / "out"))
        assert result.returncode == 1
        assert result.stderr.decode() == f"wirecopy: error: {tmp_path / 'none.txt'}: No such file or directory\n"
        assert not (tmp_path / "out").exists()

    def test_stdin(self) -> None:
        """'-' converts standard input, whose documents are named <stdin>."""
        result = run("convert", "-", stdin=SEED_BYTES)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["origin"]["path"] == "<stdin>"

    def test_stdin_into_a_folder_is_refused(self, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """Standard input has no name to give an output file in a folder."""
        result = call(capsysbinary, "convert", "-", "-o", str(tmp_path / "out"))
        assert result.returncode == 1
        assert result.stderr.decode() == (
            "wirecopy: error: standard input can be converted to a file or to standard output, not into a folder\n"
        )

    def test_bad_jobs_is_usage(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--jobs 0 is a usage error."""
        with pytest.raises(SystemExit) as info:
            main(["convert", "--jobs", "0", str(SEED)])
        assert info.value.code == 2
        assert "argument -j/--jobs: expected a whole number of at least 1, got '0'" in capsys.readouterr().err

    def test_write_error_into_folder(self, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """Articles the target cannot hold fail their file with an error line and status 1; the other files convert."""
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "a.jsonl").write_text('{"format": "x", "id": "a1"}\n')
        (tmp_path / "in" / "b.jsonl").write_text(wirecopy.dumps([story(1, 1)], "jsonl"))
        out = str(tmp_path / "out")
        result = call(capsysbinary, "convert", "--to", "cnn", str(tmp_path / "in"), "-o", out, "-j", "1")
        assert result.returncode == 1
        assert result.stderr.decode().splitlines()[0] == (
            f"wirecopy: error: {tmp_path / 'in' / 'a.jsonl'}: cannot write article 'a1' as cnn-reuters: "
            "no source, headline, published for the header"
        )
        assert (tmp_path / "out" / "b.jsonl.txt").exists() and not (tmp_path / "out" / "a.jsonl.txt").exists()


class TestProgress:
    def test_shown_on_a_terminal(self, tmp_path: Path) -> None:
        """On a terminal, a progress bar shows files, documents and their rate, then the summary line."""
        pytest.importorskip("tqdm")
        write_corpus(tmp_path / "c", files=4, per_file=2)
        status, shown = run_on_terminal("-m", "wirecopy", "convert", str(tmp_path / "c"), "-o", str(tmp_path / "out"))
        assert status == 0
        assert "converting" in shown and "/4 files" in shown and "docs/s" in shown
        assert shown.rstrip().splitlines()[-1].startswith("wirecopy: 4 files: 4 converted; 8 documents read")

    def test_quiet(self, tmp_path: Path) -> None:
        """--quiet leaves only the summary line on the terminal."""
        write_corpus(tmp_path / "c", files=2, per_file=2)
        status, shown = run_on_terminal(
            "-m", "wirecopy", "convert", "--quiet", "-j", "1", str(tmp_path / "c"), "-o", str(tmp_path / "out")
        )
        assert status == 0
        assert "converting" not in shown
        assert shown.strip().startswith("wirecopy: 2 files: 2 converted; 4 documents read")

    def test_without_tqdm(self, tmp_path: Path) -> None:
        """Without the progress extra there is no live display, and the summary line stays."""
        write_corpus(tmp_path / "c", files=2, per_file=2)
        script = (
            "import sys; sys.modules['tqdm'] = None\n"
            "from wirecopy.cli import main\n"
            f"sys.exit(main(['convert', '-j', '1', {str(tmp_path / 'c')!r}, '-o', {str(tmp_path / 'out')!r}]))\n"
        )
        status, shown = run_on_terminal("-c", script)
        assert status == 0
        assert "converting" not in shown
        assert shown.strip().startswith("wirecopy: 2 files: 2 converted; 4 documents read")

    def test_not_on_a_pipe(self, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """When stderr is not a terminal there is no live display, only the summary line."""
        write_corpus(tmp_path / "c", files=2, per_file=2)
        result = call(capsysbinary, "convert", str(tmp_path / "c"), "-o", str(tmp_path / "out"), "-j", "1")
        assert result.stderr.decode().startswith("wirecopy: 2 files: 2 converted; 4 documents read")
        assert len(result.stderr.decode().splitlines()) == 1

    def test_isatty_decides(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The display is chosen by the stream's isatty, and needs tqdm."""
        import io

        from wirecopy._progress import Progress, _TqdmProgress, make_progress

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        pytest.importorskip("tqdm")
        assert type(make_progress(None, Terminal())) is _TqdmProgress
        assert type(make_progress(None, io.StringIO())) is Progress
        assert type(make_progress(False, Terminal())) is Progress
        monkeypatch.setitem(sys.modules, "tqdm", None)
        assert type(make_progress(None, Terminal())) is Progress


class TestDetect:
    def test_seed(self) -> None:
        """detect names cnn-reuters for the seed, with its score."""
        result = run("detect", str(SEED))
        assert result.returncode == 0
        assert result.stdout.decode().startswith(f"{SEED}: cnn-reuters (0.9")

    def test_unknown(self, tmp_path: Path) -> None:
        """An undetectable file is reported as unknown with status 3."""
        odd = tmp_path / "odd.dat"
        odd.write_bytes(b"hello")
        result = run("detect", str(odd))
        assert result.returncode == 3
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
        assert "exit status (the same for every command):" in out and "130  interrupted" in out
        for status in ("0    every document was written", "3    the run finished, but", "1    an error stopped"):
            assert status in out

    def test_bad_usage_is_status_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A wrong command line exits with status 2."""
        with pytest.raises(SystemExit) as info:
            main(["parse"])
        assert info.value.code == 2

    def test_version(self) -> None:
        """--version prints the installed version."""
        from importlib.metadata import version

        assert run("--version").stdout.decode().strip() == f"wirecopy {version('wirecopy')}"


class TestWhatTheUserSees:
    @pytest.fixture
    def undated(self, tmp_path: Path) -> Path:
        """A cnn-reuters file of two stories with no date in their headers."""
        path = tmp_path / "undated.txt"
        path.write_text("CNN.com - no date here\nbody one\n\nCNN.com - again no date\nbody two\n")
        return path

    def test_convert_prints_each_problem_and_a_summary_per_file(
        self, undated: Path, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        """Under warn, convert prints each defect with file, line and column, then the file's summary line."""
        result = call(capsysbinary, "convert", "-f", "cnn", "-j", "1", str(undated))
        assert result.returncode == 0
        lines = result.stderr.decode().splitlines()
        assert lines[0].startswith("wirecopy: warning: ") and f"(at {undated}, line 1, column " in lines[0]
        assert lines[0].endswith("[missing-date]")
        assert f"(at {undated}, line 4, column " in lines[1]
        assert lines[2] == f"wirecopy: {undated}: 2 documents read, 2 written, 2 defects, 0 left out"
        assert lines[3].startswith("wirecopy: 1 file: 1 converted; 2 documents read, 2 written, 0 skipped;")

    def test_quiet_silences_problems(self, undated: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """--quiet leaves no problem line: parse prints nothing, convert its summary line only."""
        assert call(capsysbinary, "parse", "-f", "cnn", "--quiet", str(undated)).stderr == b""
        result = call(capsysbinary, "convert", "-f", "cnn", "--quiet", "-j", "1", str(undated))
        assert len(result.stderr.decode().splitlines()) == 1

    def test_did_you_mean(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A misspelt format name is a usage error that suggests the closest names, as a flag."""
        with pytest.raises(SystemExit) as info:
            main(["convert", "--format", "cnn-reuter", str(SEED)])
        assert info.value.code == 2
        assert capsys.readouterr().err.splitlines()[-1] == (
            "wirecopy convert: error: argument -f/--format: unknown format 'cnn-reuter'; "
            "did you mean 'cnn-reuters'? ('wirecopy formats' lists them)"
        )

    def test_to_must_be_writable(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--to a format that cannot be written is a usage error."""

        class ReadOnly(wirecopy.Format):
            """A format that only reads."""

            name = "read-only-feed"

        wirecopy.register_format(ReadOnly)
        try:
            with pytest.raises(SystemExit) as info:
                main(["convert", "--to", "read-only-feed", str(SEED)])
        finally:
            wirecopy.registry.default_registry.unregister("read-only-feed")
        assert info.value.code == 2
        assert "format 'read-only-feed' can be read but not written" in capsys.readouterr().err

    def test_detect_reads_standard_input(self) -> None:
        """'-' is standard input for detect too."""
        result = run("detect", "-", stdin=SEED_BYTES)
        assert result.returncode == 0, result.stderr
        assert result.stdout.decode().startswith("<stdin>: cnn-reuters (0.9")

    @pytest.mark.parametrize("command", ["parse", "convert"])
    def test_output_into_head_ends_quietly(self, tmp_path: Path, command: str) -> None:
        """When the reader of standard output goes away (| head), the command ends quietly, status 0."""
        big = tmp_path / "big.jsonl"
        big.write_text(wirecopy.dumps([story(n % 7, n) for n in range(3000)], "jsonl"))
        proc = subprocess.Popen(
            [sys.executable, "-m", "wirecopy", command, str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        stderr = proc.stderr.read()
        proc.stderr.close()
        assert proc.wait(timeout=60) == 0
        assert b"Broken pipe" not in stderr and b"Traceback" not in stderr

    def test_plurals(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """One file and one document are singular in the summary line."""
        result = call(capsysbinary, "convert", "-j", "1", str(SEED))
        assert summary_line(result.stderr).startswith("wirecopy: 1 file: 1 converted; 1 document read, 1 written")


class TestBinaryOutput:
    def test_binary_output_is_not_written_to_a_terminal(self) -> None:
        """convert --to parquet with standard output on a terminal is a usage error that says to name a file."""
        pytest.importorskip("pty")
        import pty

        master, slave = pty.openpty()
        proc = subprocess.Popen(
            [sys.executable, "-m", "wirecopy", "convert", "--to", "parquet", str(SEED)],
            stdin=subprocess.DEVNULL,
            stdout=slave,
            stderr=subprocess.PIPE,
        )
        os.close(slave)
        _, stderr = proc.communicate(timeout=60)
        os.close(master)
        assert proc.returncode == 2
        assert "parquet output is binary and standard output is a terminal; name a file with -o" in stderr.decode()

    def test_a_missing_extra_is_told_once_up_front(self, tmp_path: Path) -> None:
        """Without pyarrow, convert --to parquet stops at once with the extra to install, status 2."""
        blocker = tmp_path / "sitecustomize.py"
        blocker.write_text(
            "import sys\n"
            "class _Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'pyarrow' or name.startswith('pyarrow.'):\n"
            "            raise ImportError('blocked for the test')\n"
            "sys.meta_path.insert(0, _Block())\n"
        )
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(tmp_path), os.environ.get("PYTHONPATH")])))
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "wirecopy",
                "convert",
                "--to",
                "parquet",
                "-o",
                str(tmp_path / "x.parquet"),
                str(SEED),
            ],
            capture_output=True,
            env=env,
            check=False,
        )
        assert result.returncode == 2
        assert 'pip install "wirecopy[arrow]"' in result.stderr.decode()
        assert not (tmp_path / "x.parquet").exists()
