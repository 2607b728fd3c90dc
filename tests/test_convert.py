"""wirecopy.convert: corpora in, one output per input (or one for all), a report, reruns that resume."""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
from pathlib import Path

import pytest

import wirecopy
from wirecopy import ConvertError, ConvertInterrupted, ConvertReport, FileReport
from wirecopy.conversion import STATE_FILE, expand_inputs, output_name
from wirecopy.formats.cnn_reuters import CNNReutersFormat
from wirecopy.report import ErrorRecord

from .convert_formats import BuggyFormat, CrashFormat, story, write_corpus


def outputs(folder: Path) -> dict[str, bytes]:
    """Every visible file under *folder*, by relative path, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def temporaries(folder: Path) -> list[Path]:
    """Temporary files a conversion left behind."""
    return [p for p in folder.rglob("*") if ".wirecopy-tmp" in p.name or p.name.startswith(".wirecopy-parts-")]


def expected_jsonl(paths: list[Path]) -> bytes:
    """What converting *paths* to jsonl must give: a plain read of each, in order."""
    return b"".join(wirecopy.dumps(list(wirecopy.read(str(p))), "jsonl").encode() for p in paths)


def check_counts(report: ConvertReport) -> None:
    """read == written + skipped for every file and in total."""
    for file in report.files:
        assert file.read == file.written + file.skipped, file
    assert report.read == report.written + report.skipped


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Six cnn-reuters files of three stories each, in two folders that share file names."""
    write_corpus(tmp_path / "corpus", files=6, per_file=3)
    return tmp_path / "corpus"


def corpus_files(root: Path) -> list[Path]:
    """The input files of a corpus folder, in the order convert takes them."""
    return [Path(p) for p in expand_inputs(str(root))]


class TestInputs:
    def test_directory_is_read_recursively_in_order(self, tmp_path: Path) -> None:
        """A folder gives its files at every depth, sorted, without hidden ones."""
        (tmp_path / "b" / "deep").mkdir(parents=True)
        for name in ("b/deep/z.txt", "b/a.txt", "a.txt", ".hidden.txt", "b/.cache"):
            (tmp_path / name).write_text("x")
        (tmp_path / ".git").mkdir()
        (tmp_path / ".git" / "config").write_text("x")
        found = expand_inputs(str(tmp_path))
        assert [os.path.relpath(p, tmp_path) for p in found] == [
            "a.txt",
            os.path.join("b", "a.txt"),
            os.path.join("b", "deep", "z.txt"),
        ]

    def test_globs_are_expanded_here(self, tmp_path: Path) -> None:
        """A pattern is expanded by wirecopy, ** included, so quoting it works on every shell."""
        (tmp_path / "x" / "y").mkdir(parents=True)
        for name in ("x/1.sgml", "x/y/2.sgml", "x/y/3.txt"):
            (tmp_path / name).write_text("x")
        found = expand_inputs(str(tmp_path / "x" / "**" / "*.sgml"))
        assert [os.path.relpath(p, tmp_path) for p in found] == [
            os.path.join("x", "1.sgml"),
            os.path.join("x", "y", "2.sgml"),
        ]

    def test_a_file_named_twice_is_kept_once(self, tmp_path: Path) -> None:
        """Inputs that overlap do not duplicate a file."""
        (tmp_path / "a.txt").write_text("x")
        assert expand_inputs([str(tmp_path / "a.txt"), str(tmp_path), str(tmp_path / "*.txt")]) == [
            str(tmp_path / "a.txt")
        ]

    def test_missing_input(self, tmp_path: Path) -> None:
        """A name that is nothing raises FileNotFoundError naming it."""
        with pytest.raises(FileNotFoundError) as info:
            expand_inputs([str(tmp_path / "none.txt")])
        assert str(info.value) == f"[Errno 2] No such file or directory: '{tmp_path / 'none.txt'}'"

    def test_pattern_that_matches_nothing(self, tmp_path: Path) -> None:
        """A pattern that matches nothing is an error, not an empty run."""
        with pytest.raises(FileNotFoundError) as info:
            expand_inputs(str(tmp_path / "*.sgml"))
        assert str(info.value) == f"[Errno 2] no file matches this pattern: '{tmp_path / '*.sgml'}'"

    def test_output_is_excluded(self, tmp_path: Path) -> None:
        """The output folder inside an input folder is not read back as input."""
        (tmp_path / "out").mkdir()
        (tmp_path / "out" / "a.jsonl").write_text("x")
        (tmp_path / "a.txt").write_text("x")
        assert expand_inputs(str(tmp_path), exclude=[tmp_path / "out"]) == [str(tmp_path / "a.txt")]

    def test_output_name_keeps_the_input_name(self) -> None:
        """The target's extension is added to the whole input name."""
        jsonl = wirecopy.get_format("jsonl")
        assert output_name("apw/199901.sgml.gz", jsonl) == "apw/199901.sgml.gz.jsonl"
        assert output_name("a/001.xml", wirecopy.get_format("cnn")) == "a/001.xml.txt"


class TestIntoDirectory:
    def test_one_output_per_input(self, corpus: Path, tmp_path: Path) -> None:
        """Each input gets an output named after its path below the common folder: equal names do not collide."""
        out = tmp_path / "out"
        report = wirecopy.convert(corpus, output=out, jobs=1)
        files = corpus_files(corpus)
        assert sorted(outputs(out)) == sorted(f"{p.relative_to(corpus).as_posix()}.jsonl" for p in files)
        for path in files:
            assert (out / f"{path.relative_to(corpus)}.jsonl").read_bytes() == expected_jsonl([path])
        assert [f.status for f in report.files] == ["converted"] * 6
        assert report.read == report.written == 18 and report.skipped == 0
        assert temporaries(out) == []

    def test_compressed_input(self, corpus: Path, tmp_path: Path) -> None:
        """A gzip input is decompressed on the fly; its size in the report is the stored size."""
        import gzip

        plain = corpus / "west" / "000.txt"
        packed = tmp_path / "packed" / "000.txt.gz"
        packed.parent.mkdir()
        packed.write_bytes(gzip.compress(plain.read_bytes()))
        report = wirecopy.convert(packed, output=tmp_path / "out", jobs=1)
        assert report.files[0].size == packed.stat().st_size
        assert report.files[0].format == "cnn-reuters"
        assert report.written == 3
        lines = (tmp_path / "out" / "000.txt.gz.jsonl").read_text().splitlines()
        assert [wirecopy.Article.from_dict(json.loads(line)) for line in lines] == list(wirecopy.read(str(plain)))

    def test_jobs_2_equals_jobs_1(self, corpus: Path, tmp_path: Path) -> None:
        """Two processes write exactly what one does, and report the same counts."""
        one = wirecopy.convert(corpus, output=tmp_path / "one", jobs=1)
        two = wirecopy.convert(corpus, output=tmp_path / "two", jobs=2)
        assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
        assert two.jobs == 2
        strip = [(f.input, f.status, f.read, f.written, f.skipped, f.errors) for f in one.files]
        assert strip == [(f.input, f.status, f.read, f.written, f.skipped, f.errors) for f in two.files]

    def test_rerun_converts_only_what_is_missing(self, corpus: Path, tmp_path: Path) -> None:
        """After an output is removed, a rerun converts that input only, and the result equals a clean run."""
        clean = tmp_path / "clean"
        wirecopy.convert(corpus, output=clean, jobs=1)
        out = tmp_path / "out"
        wirecopy.convert(corpus, output=out, jobs=2)
        removed = out / "east" / "001.txt.jsonl"
        removed.unlink()
        report = wirecopy.convert(corpus, output=out, jobs=2)
        converted = [f.input for f in report.with_status("converted")]
        assert converted == [str(corpus / "east" / "001.txt")]
        assert report.count("up-to-date") == 5
        assert outputs(out) == outputs(clean)
        # The counts of files not read again are the earlier run's, so the totals still add up.
        assert report.read == 18
        check_counts(report)

    def test_rerun_after_a_crash_mid_file(self, corpus: Path, tmp_path: Path) -> None:
        """A half-written temporary from a killed run is never taken as done."""
        out = tmp_path / "out"
        wirecopy.convert(corpus, output=out, jobs=1)
        final = out / "west" / "000.txt.jsonl"
        final.unlink()
        (out / "west" / ".000.txt.jsonl.wirecopy-tmp").write_bytes(b'{"format": "cnn-reuters", "id": null, "sou')
        report = wirecopy.convert(corpus, output=out, jobs=1)
        assert [f.input for f in report.with_status("converted")] == [str(corpus / "west" / "000.txt")]
        assert final.read_bytes() == expected_jsonl([corpus / "west" / "000.txt"])
        assert temporaries(out) == []

    def test_changed_input_is_converted_again(self, corpus: Path, tmp_path: Path) -> None:
        """An input whose size or time changed is converted again, replacing its output."""
        out = tmp_path / "out"
        wirecopy.convert(corpus, output=out, jobs=1)
        changed = corpus / "west" / "002.txt"
        changed.write_text(wirecopy.dumps([story(99, 1)], "cnn-reuters"), encoding="utf-8")
        report = wirecopy.convert(corpus, output=out, jobs=1)
        assert [f.input for f in report.with_status("converted")] == [str(changed)]
        assert (out / "west" / "002.txt.jsonl").read_bytes() == expected_jsonl([changed])

    def test_changed_settings_convert_again(self, corpus: Path, tmp_path: Path) -> None:
        """Another error mode, or --force, converts every input again."""
        out = tmp_path / "out"
        wirecopy.convert(corpus, output=out, jobs=1)
        assert wirecopy.convert(corpus, output=out, jobs=1, errors="skip").count("converted") == 6
        assert wirecopy.convert(corpus, output=out, jobs=1, errors="skip").count("up-to-date") == 6
        assert wirecopy.convert(corpus, output=out, jobs=1, errors="skip", force=True).count("converted") == 6

    def test_state_record_lists_each_output_once(self, corpus: Path, tmp_path: Path) -> None:
        """The state record is compacted: one line per output, with the input's fingerprint."""
        out = tmp_path / "out"
        wirecopy.convert(corpus, output=out, jobs=1)
        wirecopy.convert(corpus, output=out, jobs=1, force=True)
        records = [json.loads(line) for line in (out / STATE_FILE).read_text().splitlines()]
        assert sorted(r["output"] for r in records) == sorted(outputs(out))
        first = records[0]
        assert set(first) == {"output", "input", "size", "mtime_ns", "settings", "report", "check"}
        assert first["input"] == str(corpus / "east" / "000.txt")
        assert first["report"] == {
            "format": "cnn-reuters",
            "size": first["size"],
            "read": 3,
            "written": 3,
            "skipped": 0,
            "defects": {},
            "errors": [],
        }
        written = (out / first["output"]).read_bytes()
        assert first["check"] == {
            "size": len(written),
            "lines": 3,
            "last": hashlib.sha256(written.splitlines()[-1]).hexdigest()[:16],
        }

    def test_second_run_into_the_same_folder_is_refused(self, corpus: Path, tmp_path: Path) -> None:
        """While one run writes into a folder, another is refused rather than mixed in."""
        pytest.importorskip("fcntl")
        from wirecopy.conversion._state import State

        out = tmp_path / "out"
        out.mkdir()
        state = State(str(out), "settings")
        try:
            with pytest.raises(OSError) as info:
                wirecopy.convert(corpus, output=out, jobs=1)
            assert str(info.value) == f"[Errno 16] another wirecopy convert is writing into this directory: '{out}'"
        finally:
            state.close()


class TestIntoOneOutput:
    def test_one_file_in_input_order(self, corpus: Path, tmp_path: Path) -> None:
        """Into one file, the articles of every input follow each other in input order."""
        out = tmp_path / "all.jsonl"
        report = wirecopy.convert(corpus, output=out, jobs=1)
        assert out.read_bytes() == expected_jsonl(corpus_files(corpus))
        assert report.output == str(out)
        assert all(f.output is None for f in report.files)
        assert temporaries(tmp_path) == []

    def test_jobs_2_equals_jobs_1(self, corpus: Path, tmp_path: Path) -> None:
        """Two processes give the same single file, byte for byte, whichever finishes first."""
        wirecopy.convert(corpus, output=tmp_path / "one.jsonl", jobs=1)
        wirecopy.convert(corpus, output=tmp_path / "two.jsonl", jobs=2)
        assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()

    def test_stream(self, corpus: Path) -> None:
        """A binary stream receives the same bytes as a file."""
        sink = io.BytesIO()
        report = wirecopy.convert(corpus, output=sink, jobs=2, to="cnn")
        expected = wirecopy.dumps([a for p in corpus_files(corpus) for a in wirecopy.read(str(p))], "cnn")
        assert sink.getvalue().decode() == expected
        assert report.output == "<stream>"

    def test_unwritable_article_fails_the_output(self, tmp_path: Path) -> None:
        """An article the target cannot hold fails its file; the single output is not written."""
        good = tmp_path / "a.jsonl"
        good.write_text(wirecopy.dumps([story(1, 1)], "jsonl"))
        bad = tmp_path / "b.jsonl"
        bad.write_text('{"format": "x", "id": "b1"}\n')
        report = wirecopy.convert([good, bad], output=tmp_path / "out.txt", to="cnn", jobs=1)
        assert not (tmp_path / "out.txt").exists()
        failed = report.files[1]
        assert failed.status == "failed"
        assert failed.failure == ErrorRecord(
            message=f"{bad}: cannot write article 'b1' as cnn-reuters: no source, headline, published for the header",
            kind="write-error",
            fatal=True,
        )
        check_counts(report)


class TestErrors:
    @pytest.fixture
    def broken(self, tmp_path: Path) -> list[Path]:
        """Three jsonl files, the second with a broken line 2; and a file no format claims."""
        paths = []
        for number in range(3):
            path = tmp_path / "in" / f"{number}.jsonl"
            path.parent.mkdir(exist_ok=True)
            lines = [wirecopy.dumps([story(number, n)], "jsonl") for n in range(3)]
            if number == 1:
                lines[1] = '{"format": "cnn-reuters", "headline": \n'
            path.write_text("".join(lines))
            paths.append(path)
        odd = tmp_path / "in" / "notes.dat"
        odd.write_bytes(b"a file no format claims\n")
        return [*paths, odd]

    def test_warn_converts_everything_else(self, broken: list[Path], tmp_path: Path) -> None:
        """Under warn, a broken document and an unknown file are reported with their place; the rest is written."""
        out = tmp_path / "out"
        with pytest.warns(wirecopy.SkippedDocumentWarning) as caught:
            report = wirecopy.convert(broken, output=out, jobs=2)
        messages = sorted(str(w.message) for w in caught)
        bad_line = f"invalid JSON: Expecting value (at {broken[1]}, line 2, column 40)"
        unknown = f"cannot tell the format of {broken[3]}; candidates: none; pass format= to choose one"
        assert messages == sorted([bad_line, unknown])
        assert [f.status for f in report.files] == ["converted", "converted", "converted", "failed"]
        assert report.files[1].errors == (
            ErrorRecord(message=bad_line, kind="bad-record", line=2, column=40, fatal=False),
        )
        assert (report.files[1].read, report.files[1].written, report.files[1].skipped) == (3, 2, 1)
        assert report.files[3].failure == ErrorRecord(message=unknown, kind="unknown-format", fatal=True)
        assert report.written == 8
        assert len((out / "1.jsonl.jsonl").read_text().splitlines()) == 2
        assert not (out / "notes.dat.jsonl").exists()
        check_counts(report)

    def test_skip_is_quiet(self, broken: list[Path], tmp_path: Path) -> None:
        """Under skip, the same run says nothing but counts the same."""
        report = wirecopy.convert(broken, output=tmp_path / "out", jobs=1, errors="skip")
        assert report.skipped == 1 and report.written == 8
        assert report.files[1].errors[0].line == 2

    def test_strict_stops_at_the_first_failure(self, broken: list[Path], tmp_path: Path) -> None:
        """Under strict, the first problem stops the run: the file is failed with its line, later files are pending."""
        with pytest.raises(ConvertError) as info:
            wirecopy.convert(broken, output=tmp_path / "out", jobs=1, errors="strict")
        bad_line = f"invalid JSON: Expecting value (at {broken[1]}, line 2, column 40)"
        assert str(info.value) == bad_line
        report = info.value.report
        assert [f.status for f in report.files] == ["converted", "failed", "pending", "pending"]
        assert report.files[1].failure == ErrorRecord(
            message=bad_line, kind="bad-record", line=2, column=40, fatal=True
        )
        assert not (tmp_path / "out" / "1.jsonl.jsonl").exists()
        check_counts(report)

    def test_strict_with_two_jobs(self, broken: list[Path], tmp_path: Path) -> None:
        """Under strict with a pool, the run stops too, and only finished files have outputs."""
        with pytest.raises(ConvertError) as info:
            wirecopy.convert(broken, output=tmp_path / "out", jobs=2, errors="strict")
        report = info.value.report
        assert report.files[1].status == "failed" or report.files[3].status == "failed"
        for file in report.files:
            assert (file.output is not None and os.path.exists(file.output)) == (file.status == "converted")
        assert temporaries(tmp_path / "out") == []
        check_counts(report)

    def test_a_format_bug_fails_only_its_file(self, corpus: Path, tmp_path: Path) -> None:
        """A format that raises something other than ParseError fails the file, with what it raised."""
        report = wirecopy.convert(corpus, output=tmp_path / "out", format=BuggyFormat(), jobs=1)
        first = report.files[0]
        assert first.status == "failed"
        assert first.failure == ErrorRecord(
            message=f"{first.input}: unexpected IndexError in format 'cnn-reuters': list index out of range",
            kind="internal-error",
            fatal=True,
        )
        assert (first.read, first.written, first.skipped) == (1, 0, 1)

    def test_jobs_must_be_positive(self, corpus: Path, tmp_path: Path) -> None:
        """jobs=0 is refused."""
        with pytest.raises(ValueError, match=r"^jobs must be at least 1 \(got 0\)$"):
            wirecopy.convert(corpus, output=tmp_path / "out", jobs=0)

    def test_target_must_be_writable(self, corpus: Path, tmp_path: Path) -> None:
        """A target format that cannot be written is refused before anything runs."""

        class ReadOnly(CNNReutersFormat):
            write = wirecopy.Format.write

        with pytest.raises(wirecopy.WriteError, match=r"^format 'cnn-reuters' can be read but not written$"):
            wirecopy.convert(corpus, output=tmp_path / "out", to=ReadOnly())
        assert not (tmp_path / "out").exists()


class TestInterruption:
    def test_ctrl_c_keeps_what_finished(self, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Ctrl-C in the third file leaves two complete outputs, no temporary, and a report; a rerun finishes."""
        calls = []
        read = CNNReutersFormat.read

        def interrupting(self: CNNReutersFormat, stream: object, context: wirecopy.ReadContext) -> object:
            calls.append(context.source)
            if len(calls) == 3:
                raise KeyboardInterrupt
            return read(self, stream, context)  # type: ignore[arg-type]

        monkeypatch.setattr(CNNReutersFormat, "read", interrupting)
        out = tmp_path / "out"
        with pytest.raises(ConvertInterrupted) as info:
            wirecopy.convert(corpus, output=out, jobs=1)
        report = info.value.report
        assert report.interrupted
        assert [f.status for f in report.files] == [
            "converted",
            "converted",
            "interrupted",
            "pending",
            "pending",
            "pending",
        ]
        assert sorted(outputs(out)) == sorted(
            f"{Path(f.input).relative_to(corpus).as_posix()}.jsonl" for f in report.files[:2]
        )
        assert temporaries(out) == []
        assert report.summary().startswith(
            "interrupted: 6 files: 2 converted, 1 interrupted, 3 pending; 6 documents read"
        )
        check_counts(report)

        monkeypatch.setattr(CNNReutersFormat, "read", read)
        again = wirecopy.convert(corpus, output=out, jobs=2)
        assert [f.status for f in again.files] == ["up-to-date"] * 2 + ["converted"] * 4
        wirecopy.convert(corpus, output=tmp_path / "clean", jobs=1)
        assert outputs(out) == outputs(tmp_path / "clean")

    def test_ctrl_c_leaves_no_single_output(
        self, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Into one file, Ctrl-C leaves no file at all rather than half of one."""
        monkeypatch.setattr(
            CNNReutersFormat, "read", lambda self, stream, context: (_ for _ in ()).throw(KeyboardInterrupt)
        )
        with pytest.raises(ConvertInterrupted) as info:
            wirecopy.convert(corpus, output=tmp_path / "all.jsonl", jobs=1)
        assert not (tmp_path / "all.jsonl").exists()
        assert temporaries(tmp_path) == []
        assert [f.status for f in info.value.report.files] == ["interrupted"] + ["pending"] * 5

    def test_killed_worker(self, tmp_path: Path) -> None:
        """A worker that dies fails its file; a rerun converts only what is missing and equals a clean run."""
        root = tmp_path / "corpus"
        paths = write_corpus(root, files=8, per_file=2)
        paths[3].rename(paths[3].with_name("crash.txt"))
        out = tmp_path / "out"
        report = wirecopy.convert(root, output=out, format=CrashFormat(), jobs=2)
        crashed = next(f for f in report.files if f.input.endswith("crash.txt"))
        # Failed when its start was heard before the worker died; on a very
        # busy machine it may not have been, and the file is pending.
        assert crashed.status in ("failed", "pending")
        if crashed.status == "failed":
            assert crashed.failure is not None and crashed.failure.kind == "worker-crashed"
        assert not report.ok
        for file in report.files:
            assert file.status in ("converted", "failed", "pending")
            # A file may finish in the instant the pool breaks, before it can
            # say so: its output is then complete but converted again on rerun.
            if file.status == "converted":
                assert file.output is not None and os.path.exists(file.output)
        done = {f.input for f in report.with_status("converted")}

        again = wirecopy.convert(root, output=out, format="cnn", jobs=2)
        assert {f.input for f in again.with_status("up-to-date")} == done
        assert again.ok
        wirecopy.convert(root, output=tmp_path / "clean", jobs=1)
        assert outputs(out) == outputs(tmp_path / "clean")
        assert temporaries(out) == []


class TestReport:
    def test_to_dict_adds_up(self, corpus: Path, tmp_path: Path) -> None:
        """The JSON report has the settings, totals that add up, and one entry per file."""
        report = wirecopy.convert(corpus, output=tmp_path / "out", jobs=1)
        data = json.loads(json.dumps(report.to_dict()))
        assert data["version"] == 1
        assert (data["to"], data["errors"], data["jobs"], data["interrupted"]) == ("jsonl", "warn", 1, False)
        totals = data["totals"]
        assert totals["files"] == len(data["files"]) == 6
        assert totals["read"] == totals["written"] + totals["skipped"] == 18
        assert totals["read"] == sum(f["read"] for f in data["files"])
        assert set(data["files"][0]) == {
            "input",
            "output",
            "status",
            "format",
            "size",
            "read",
            "written",
            "skipped",
            "defects",
            "errors",
            "seconds",
        }

    def test_defects_are_counted_by_kind(self, tmp_path: Path) -> None:
        """Defects of the written articles are counted by kind, per file and in total."""
        path = tmp_path / "a.txt"
        path.write_text("CNN.com - no date here\nbody one\n\nCNN.com - again no date\nbody two\n")
        report = wirecopy.convert(path, output=tmp_path / "out", format="cnn", jobs=1)
        assert dict(report.files[0].defects) == {"missing-date": 2}
        assert dict(report.defects) == {"missing-date": 2}

    def test_file_report_round_trip(self) -> None:
        """FileReport.from_dict reads back what to_dict gives."""
        report = FileReport(
            input="a.sgml",
            output="out/a.sgml.jsonl",
            status="converted",
            format="jsonl",
            size=10,
            read=3,
            written=2,
            skipped=1,
            defects={"bad-date": 1},
            errors=(ErrorRecord(message="m (at a.sgml, line 3)", kind="parse-error", line=3),),
            seconds=0.5,
        )
        assert FileReport.from_dict(json.loads(json.dumps(report.to_dict()))) == report

    def test_summary(self) -> None:
        """The summary line counts files by status and documents, with the time and rate."""
        report = ConvertReport(
            files=(
                FileReport(input="a", status="converted", read=1200, written=1190, skipped=10),
                FileReport(input="b", status="failed", read=0),
            ),
            to="jsonl",
            output="out",
            errors="warn",
            jobs=2,
            seconds=2.0,
        )
        assert report.summary() == (
            "2 files: 1 converted, 1 failed; 1,200 documents read, 1,190 written, 10 skipped; 2.0 s, 600 documents/s"
        )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigint_stops_workers_cleanly(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the process group) stops a pool run: a report, complete outputs only, no temporaries."""
    import signal
    import subprocess
    import time

    root = tmp_path / "corpus"
    write_corpus(root, files=10, per_file=8)
    out = tmp_path / "out"
    script = (
        "import json, sys, wirecopy\n"
        "from tests.convert_formats import SlowFormat\n"
        "try:\n"
        f"    wirecopy.convert({str(root)!r}, output={str(out)!r}, format=SlowFormat(0.1), jobs=2)\n"
        "except wirecopy.ConvertInterrupted as err:\n"
        "    print(json.dumps(err.report.to_dict()))\n"
        "    sys.exit(130)\n"
    )
    repo = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen(
        [sys.executable, "-c", script], cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while not (out.exists() and outputs(out)):
            assert time.monotonic() < deadline, "no output after a minute"
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, stderr.decode()
    report = json.loads(stdout)
    assert report["interrupted"] is True
    statuses = [f["status"] for f in report["files"]]
    assert "converted" in statuses and set(statuses) <= {"converted", "interrupted", "pending"}
    for file in report["files"]:
        assert os.path.exists(file["output"]) == (file["status"] == "converted")
    assert temporaries(out) == []
