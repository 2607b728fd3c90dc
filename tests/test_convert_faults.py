"""Corpus conversion under faults: kill -9 and an immediate rerun, planted links, odd names, full disks.

After each fault a rerun must end with every document written exactly once
or named in the report, nothing written outside the output folder, and no
worker left running.  Tests that need a POSIX file system or Linux's /proc
skip elsewhere, with the reason.
"""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import wirecopy
from wirecopy.cli import main
from wirecopy.conversion import STATE_FILE

from .convert_formats import VanishingFormat, story, write_corpus, write_gigaword
from .test_convert import check_counts, expected_jsonl, outputs, temporaries

LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux (/proc, prctl)")
POSIX = pytest.mark.skipif(os.name != "posix", reason="needs POSIX symbolic links and signals")
REPO = Path(__file__).resolve().parent.parent


def call(capsys: pytest.CaptureFixture[bytes], *args: str) -> tuple[int, str]:
    """Run the command in this process; return its status and what it printed on stderr."""
    status = main(list(args))
    return status, capsys.readouterr().err.decode(errors="surrogateescape")


class TestOneOutput:
    def test_thousands_of_varied_documents(self, tmp_path: Path) -> None:
        """Into one file or a stream, with one process or two, every one of thousands of documents is written."""
        inputs = [tmp_path / "in" / "a.sgml", tmp_path / "in" / "b.sgml"]
        write_gigaword(inputs[0], 2600, seed=1)
        write_gigaword(inputs[1], 900, seed=2)
        expected = expected_jsonl(inputs)
        assert expected.count(b"\n") == 3500
        for jobs in (1, 2):
            out = tmp_path / f"all-{jobs}.jsonl"
            report = wirecopy.convert(inputs, output=out, jobs=jobs)
            assert out.read_bytes() == expected, jobs
            assert (report.read, report.written) == (3500, 3500)
            sink = io.BytesIO()
            wirecopy.convert(inputs, output=sink, jobs=jobs)
            assert sink.getvalue() == expected, jobs
        assert temporaries(tmp_path) == []

    def test_jobs_1_writes_directly(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """With one process, articles go straight into the one output: nothing is pickled."""
        import pickle

        write_corpus(tmp_path / "in", files=3, per_file=2)

        def refuse(*args: object, **kwargs: object) -> None:
            raise AssertionError("pickled")

        monkeypatch.setattr(pickle, "dump", refuse)
        sink = io.BytesIO()
        report = wirecopy.convert(tmp_path / "in", output=sink, jobs=1)
        assert report.written == 6 and sink.getvalue().count(b"\n") == 6


def _children(pid: int) -> list[int]:
    """The processes whose parent is *pid* (Linux)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    """Whether *pid* runs (a zombie does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@LINUX
def test_kill_9_then_immediate_rerun(tmp_path: Path) -> None:
    """kill -9 of the main process ends its workers; a rerun at once writes every document once, nothing else."""
    root = tmp_path / "corpus"
    write_corpus(root, files=8, per_file=6)
    out = tmp_path / "out"
    script = (
        "import wirecopy\n"
        "from tests.convert_formats import SlowFormat\n"
        f"wirecopy.convert({str(root)!r}, output={str(out)!r}, format=SlowFormat(0.05), jobs=2)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=REPO, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (out.exists() and outputs(out)):
            assert time.monotonic() < deadline, "no output after a minute"
            time.sleep(0.02)
        children = _children(proc.pid)
        assert children, "no worker found"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        # At once, and with the corpus spelled another way (relative, not absolute).
        os.chdir(tmp_path)
        report = wirecopy.convert("corpus", output="out", jobs=2)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert report.ok
    check_counts(report)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in children if _alive(pid)] == []
    wirecopy.convert(root, output=tmp_path / "clean", jobs=1)
    assert _documents(out) == _documents(tmp_path / "clean")
    assert temporaries(out) == []


def _documents(folder: Path) -> dict[str, list[dict[str, object]]]:
    """Each output's documents, without the input's path (spelled two ways by the two runs)."""
    found = {}
    for key, data in outputs(folder).items():
        records = [json.loads(line) for line in data.splitlines()]
        for record in records:
            record["origin"].pop("path")
        found[key] = records
    return found


@POSIX
class TestLinks:
    def test_a_link_at_an_old_temporary_name_is_not_written_through(self, tmp_path: Path) -> None:
        """A symbolic link planted where a temporary used to go is removed as stale; its target is untouched."""
        write_corpus(tmp_path / "corpus", files=2, per_file=2)
        victim = tmp_path / "victim.txt"
        victim.write_text("keep me")
        out = tmp_path / "out"
        (out / "west").mkdir(parents=True)
        (out / "west" / ".000.txt.jsonl.wirecopy-tmp").symlink_to(victim)
        report = wirecopy.convert(tmp_path / "corpus", output=out, jobs=1)
        assert report.ok
        assert victim.read_text() == "keep me"
        assert temporaries(out) == []
        assert not (out / "west" / "000.txt.jsonl").is_symlink()

    def test_temporaries_are_created_exclusively(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A temporary name that exists (a planted link) is never opened: another random name is taken."""
        import secrets

        from wirecopy._io import create_temporary

        victim = tmp_path / "victim.txt"
        victim.write_text("keep me")
        tokens = iter(["aaaaaaaa", "bbbbbbbb"])
        monkeypatch.setattr(secrets, "token_hex", lambda n: next(tokens))
        (tmp_path / ".x.jsonl.aaaaaaaa.wirecopy-tmp").symlink_to(victim)
        handle, name = create_temporary(str(tmp_path / "x.jsonl"))
        os.close(handle)
        assert name == str(tmp_path / ".x.jsonl.bbbbbbbb.wirecopy-tmp")
        assert victim.read_text() == "keep me"

    def test_a_linked_subfolder_that_leads_out_is_refused(self, tmp_path: Path) -> None:
        """An output subfolder that is a link out of the output folder fails its file; nothing is written outside."""
        write_corpus(tmp_path / "corpus", files=2, per_file=2)
        outside = tmp_path / "outside"
        outside.mkdir()
        out = tmp_path / "out"
        out.mkdir()
        (out / "west").symlink_to(outside)
        report = wirecopy.convert(tmp_path / "corpus", output=out, jobs=1)
        assert list(outside.iterdir()) == []
        west = next(f for f in report.files if "west" in f.input)
        assert west.status == "failed"
        assert west.failure is not None and west.failure.kind == "output-error"
        assert "a symbolic link leads this folder out of the output folder" in west.failure.message
        assert next(f for f in report.files if "east" in f.input).status == "converted"

    def test_glob_over_link_loops_ends(self, tmp_path: Path) -> None:
        """'**' does not follow links to folders, so two links pointing up do not make it run forever."""
        root = tmp_path / "corpus"
        write_corpus(root, files=2, per_file=1)
        (root / "west" / "up").symlink_to("..")
        (root / "east" / "deeper").mkdir()
        (root / "east" / "deeper" / "up2").symlink_to("../..")
        script = (
            "from wirecopy.conversion import expand_inputs\n"
            f"print('\\n'.join(expand_inputs({str(root / '**' / '*.txt')!r})))\n"
        )
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
        assert done.stdout.splitlines() == [str(root / "east" / "000.txt"), str(root / "west" / "000.txt")]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the file system must take names that are not UTF-8")
def test_names_that_are_not_utf8(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """A file name that is not UTF-8 converts; state, report and reruns survive it; the terminal sees it escaped."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    odd = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(odd, "wb") as stream:
        stream.write(wirecopy.dumps([story(1, 1), story(1, 2)], "cnn-reuters").encode())
    (folder / "bad.jsonl").write_text("{broken\n")
    out, report_path = tmp_path / "out", tmp_path / "report.json"
    for _ in range(2):
        status, err = call(capsysbinary, "convert", str(folder), "-o", str(out), "--report", str(report_path))
        assert status == 3, err
        report = json.loads(report_path.read_text(encoding="utf-8"))
        names = [f["input"] for f in report["files"]]
        assert os.fsencode(names[1]) == odd
    assert os.fsencode(out / "caf\udce9.txt.jsonl") in [os.fsencode(p) for p in out.iterdir()]
    assert "caf\\xe9.txt" not in err  # up to date: not told again
    assert json.loads((out / STATE_FILE).read_text(encoding="utf-8").splitlines()[0])["output"] == "caf\udce9.txt.jsonl"
    assert report["files"][1]["status"] == "up-to-date"


def test_terminal_escapes(capsys: pytest.CaptureFixture[str]) -> None:
    """Names printed on stderr have their undecodable bytes and control characters escaped."""
    from wirecopy._terminal import say

    say("caf\udce9\x1b[31m.txt\n")
    assert capsys.readouterr().err == "wirecopy: caf\\xe9\\x1b[31m.txt\\x0a\n"


def no_inode(path: str) -> object:
    """Fail as creating a file fails when no inode is left."""
    raise OSError(errno.ENOSPC, "No space left on device", path)


class TestLostReports:
    def test_state_that_cannot_be_compacted(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        """When the state record cannot be rewritten (no inode left), the run says so and still writes its report."""
        from wirecopy.conversion import _state

        monkeypatch.setattr(_state, "atomic_file", no_inode)
        write_corpus(tmp_path / "corpus", files=3, per_file=2)
        report_path = tmp_path / "r.json"
        out = tmp_path / "out"
        status, err = call(
            capsysbinary, "convert", str(tmp_path / "corpus"), "-o", str(out), "--report", str(report_path)
        )
        assert status == 0
        assert f"wirecopy: warning: cannot compact the state record {out / STATE_FILE}: No space left on device" in err
        assert json.loads(report_path.read_text())["totals"]["written"] == 6
        monkeypatch.undo()
        again = wirecopy.convert(tmp_path / "corpus", output=out, jobs=1)
        assert again.count("up-to-date") == 3

    def test_report_that_cannot_be_written_keeps_its_journal(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        """When the report cannot be written, the status is 1 and the journal holds every file's report."""
        from wirecopy import cli

        monkeypatch.setattr(cli, "atomic_file", no_inode)
        write_corpus(tmp_path / "corpus", files=3, per_file=2)
        report_path = tmp_path / "r.json"
        status, err = call(
            capsysbinary, "convert", str(tmp_path / "corpus"), "-o", str(tmp_path / "out"), "--report", str(report_path)
        )
        assert status == 1
        journal = Path(f"{report_path}.journal")
        assert f"each file's report is in {journal}" in err
        lines = [json.loads(line) for line in journal.read_text().splitlines()]
        assert sorted(line["input"] for line in lines) == sorted(str(p) for p in (tmp_path / "corpus").rglob("*.txt"))

    def test_without_a_journal_errors_go_to_stderr(
        self, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
    ) -> None:
        """Under skip, when not even the journal can be written, each file's errors are printed."""
        root = tmp_path / "corpus"
        write_corpus(root, files=1, per_file=1)
        (root / "bad.jsonl").write_text(wirecopy.dumps([story(1, 1)], "jsonl") + "{broken\n")
        report_path = tmp_path / "missing-folder" / "r.json"
        status, err = call(
            capsysbinary,
            "convert",
            str(root),
            "-o",
            str(tmp_path / "out"),
            "--errors",
            "skip",
            "--report",
            str(report_path),
        )
        assert status == 1
        assert f"wirecopy: error: cannot keep the journal {report_path}.journal" in err
        assert (
            "wirecopy: warning: invalid JSON: Expecting property name enclosed in double quotes "
            f"(at {root / 'bad.jsonl'}, line 2, column 2)"
        ) in err.splitlines()


class TestNames:
    def test_input_named_like_the_state_file(self, tmp_path: Path) -> None:
        """An input named .wirecopy-convert is converted like any other and cannot overwrite the state record."""
        (tmp_path / "in").mkdir()
        named = tmp_path / "in" / ".wirecopy-convert"
        named.write_text(wirecopy.dumps([story(1, 1)], "jsonl"))
        other = tmp_path / "in" / "a.jsonl"
        other.write_text(wirecopy.dumps([story(2, 1)], "jsonl"))
        out = tmp_path / "out"
        report = wirecopy.convert([named, other], output=out, jobs=1)
        assert report.written == 2
        assert (out / ".wirecopy-convert.jsonl").read_bytes() == expected_jsonl([named])
        again = wirecopy.convert([named, other], output=out, jobs=1)
        assert [f.status for f in again.files] == ["up-to-date", "up-to-date"]

    def test_240_character_names(self, tmp_path: Path) -> None:
        """A 240-character file name converts into a folder and into one file."""
        name = "n" * 236 + ".txt"
        (tmp_path / "in").mkdir()
        path = tmp_path / "in" / name
        path.write_text(wirecopy.dumps([story(1, 1)], "cnn-reuters"))
        assert wirecopy.convert(path, output=tmp_path / "out", jobs=1).ok
        assert (tmp_path / "out" / f"{name}.jsonl").read_bytes() == expected_jsonl([path])
        single = tmp_path / "one" / ("m" * 234 + ".jsonl")
        assert wirecopy.convert(path, output=single, jobs=1).ok
        assert single.read_bytes() == expected_jsonl([path])
        assert temporaries(tmp_path) == []


class TestReruns:
    @pytest.mark.parametrize("damage", ["cut", "doubled", "same-size"])
    def test_an_output_that_does_not_check_out_is_converted_again(self, tmp_path: Path, damage: str) -> None:
        """An output cut short, written twice, or changed in place is converted again, not taken as done."""
        write_corpus(tmp_path / "corpus", files=2, per_file=3)
        out = tmp_path / "out"
        wirecopy.convert(tmp_path / "corpus", output=out, jobs=1)
        target = out / "west" / "000.txt.jsonl"
        good = target.read_bytes()
        if damage == "cut":
            target.write_bytes(good[: len(good) // 2])
        elif damage == "doubled":
            target.write_bytes(good + good)
        else:
            target.write_bytes(good[:-3] + b"}}\n")
        report = wirecopy.convert(tmp_path / "corpus", output=out, jobs=1)
        assert [f.status for f in report.files] == ["up-to-date", "converted"]
        assert target.read_bytes() == good

    def test_a_live_temporary_is_left_alone(self, tmp_path: Path) -> None:
        """A temporary another live process holds (locked) is not removed as stale."""
        pytest.importorskip("fcntl")
        from wirecopy._io import create_temporary, remove_if_stale

        handle, name = create_temporary(str(tmp_path / "x.jsonl"))
        try:
            assert remove_if_stale(name) is False
            assert os.path.exists(name)
        finally:
            os.close(handle)
        assert remove_if_stale(name) is True
        assert not os.path.exists(name)


class TestExitStatus:
    def test_vanished_input_is_3(self, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """An input deleted while the run goes on is named in the report, and the status is 3."""
        from wirecopy.registry import default_registry

        root = tmp_path / "corpus"
        write_corpus(root, files=2, per_file=1)
        (root / "west" / "vanish.txt").write_text(wirecopy.dumps([story(5, 1)], "cnn-reuters"))
        default_registry.register(type("Vanishing", (VanishingFormat,), {"name": "vanishing", "aliases": ()}))
        try:
            report_path = tmp_path / "r.json"
            status, err = call(
                capsysbinary, "convert", str(root), "-o", str(tmp_path / "out"), "-f", "vanishing", "-j", "1",
                "--report", str(report_path),
            )  # fmt: skip
        finally:
            default_registry.unregister("vanishing")
        assert status == 3, err
        gone = next(f for f in json.loads(report_path.read_text())["files"] if f["input"].endswith("vanish.txt"))
        assert gone["status"] == "failed"
        assert gone["errors"][0]["message"] == f"{root / 'west' / 'vanish.txt'}: No such file or directory"
        check_counts(wirecopy.ConvertReport(files=(), to="jsonl", output="o", errors="warn", jobs=1, seconds=0.0))

    def test_parse_and_convert_agree(self, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """parse and convert give the same status for the same input: 0 clean, 3 left out, 1 missing."""
        clean = tmp_path / "clean.jsonl"
        clean.write_text(wirecopy.dumps([story(1, 1)], "jsonl"))
        lossy = tmp_path / "lossy.jsonl"
        lossy.write_text(wirecopy.dumps([story(1, 1)], "jsonl") + "{broken\n")
        for path, expected in ((clean, 0), (lossy, 3), (tmp_path / "none.jsonl", 1)):
            for mode in ("warn", "skip"):
                assert call(capsysbinary, "parse", "--errors", mode, str(path))[0] == expected, (path, mode)
                assert call(capsysbinary, "convert", "--errors", mode, str(path))[0] == expected, (path, mode)
        assert call(capsysbinary, "parse", "--errors", "strict", str(lossy))[0] == 1
        assert call(capsysbinary, "convert", "--errors", "strict", str(lossy))[0] == 1
