"""The ``wirecopy`` command.

Bad input never ends in a traceback: each problem is one line on stderr,
naming the file, line and column, and the exit status says how the run went.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import os
import shutil
import sys
import tempfile
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO

from . import api
from ._io import atomic_file
from ._terminal import Journal, Teller, escape, say
from .detection import HEAD_SIZE, detect
from .errors import (
    FormatLoadError,
    SkippedDocumentWarning,
    UnknownFormatError,
    WirecopyError,
    WirecopyWarning,
)
from .format import Format
from .registry import default_registry, get_format
from .report import OPERATIONAL_KINDS, ConvertReport, to_json

__all__ = ["EXIT_ERROR", "EXIT_INTERRUPTED", "EXIT_LEFT_OUT", "EXIT_OK", "EXIT_USAGE", "main"]

#: Every document was written (every file read, every format told).
EXIT_OK = 0
#: An error stopped the run or broke the output: the first problem under
#: strict, an input that does not exist, an output that cannot be written.
EXIT_ERROR = 1
#: The command line was wrong: an unknown option or format name.
EXIT_USAGE = 2
#: The run finished, but documents or files were left out: documents skipped
#: under warn or skip, files that could not be read (unknown format,
#: unreadable, corrupt, vanished).
EXIT_LEFT_OUT = 3
#: Stopped by Ctrl-C.
EXIT_INTERRUPTED = 130

_EPILOG = """\
exit status (the same for every command):
  0    every document was written (for detect: every format was told)
  3    the run finished, but documents or files were left out: documents skipped
       under --errors warn or skip, files that could not be read (unknown format,
       unreadable, corrupt, vanished since the run started)
  1    an error stopped the run or broke the output: the first problem under
       --errors strict, an input that does not exist, an output that cannot be
       written, an article the target format cannot hold, a worker that died
  2    the command line was wrong (an unknown option or format name)
  130  interrupted
"""


def _parser() -> argparse.ArgumentParser:
    from . import __version__  # read from the installed metadata: only when the parser is built

    parser = argparse.ArgumentParser(
        prog="wirecopy",
        description="Read news wire copy into Article records, and write it back.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=summary,
            description=description,
            epilog=_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    def reading(sub: argparse.ArgumentParser, files: str, metavar: str, detected: str, errors: str) -> None:
        sub.add_argument("files", nargs="+", metavar=metavar, help=files)
        sub.add_argument(
            "-f", "--format", metavar="NAME", type=_readable, help=f"the input format (default: {detected})"
        )
        sub.add_argument("--errors", choices=("strict", "warn", "skip"), default="warn", help=errors)
        sub.add_argument(
            "-q",
            "--quiet",
            action="store_true",
            help="no line per problem, no progress display (errors, and convert's summary line, stay)",
        )

    reading(
        command(
            "parse",
            "print each article as one JSON object per line",
            "Print each article of FILE as one JSON object per line (the Article.to_dict() form).",
        ),
        "input files; '-' reads standard input",
        "FILE",
        "detect it",
        "strict: stop at the first problem; warn (default): record problems, print each on stderr, and go on; "
        "skip: leave out documents with problems, quietly",
    )
    convert = command(
        "convert",
        "convert files, folders or a whole corpus to another format",
        "Read every INPUT and write its articles in the format --to names: to standard output, "
        "to the file -o names, or, when -o names a folder, to one output file per input. "
        "A folder is read recursively; a glob pattern is expanded here, on every shell. "
        "Into a folder, a rerun converts only what is missing or changed.",
    )
    reading(
        convert,
        "input files, folders (read recursively) and glob patterns such as 'corpus/**/*.sgml'; "
        "'-' reads standard input",
        "INPUT",
        "detect it for each file",
        "strict: stop at the first problem, status 1; warn (default): leave out what cannot be read, "
        "print each problem on stderr, and go on; skip: leave it out quietly",
    )
    convert.add_argument(
        "-t", "--to", metavar="NAME", default="jsonl", type=_writable, help="the output format (default: jsonl)"
    )
    convert.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="a folder (when it is one, ends with '/', or does not exist and has no extension): one output "
        "file per input; else one file for all (default: standard output)",
    )
    convert.add_argument(
        "-j", "--jobs", metavar="N", type=_positive, help="processes converting files at once (default: all cores)"
    )
    convert.add_argument(
        "--report",
        metavar="PATH",
        help="write a JSON report: per input file, documents read, written and skipped, defects by kind, "
        "errors with line numbers (kept in PATH.journal while the run goes on)",
    )
    convert.add_argument(
        "--force", action="store_true", help="convert every input, even those whose output is up to date"
    )
    command(
        "detect",
        "tell the format of files",
        "Print the detected format of each FILE, with the runners-up and their scores.",
    ).add_argument("files", nargs="+", metavar="FILE", help="input files; '-' reads standard input")
    command(
        "formats",
        "list the available formats",
        "List every format: name, aliases, read/write, extensions, and where it comes from.",
    )
    return parser


def _format(text: str) -> Format:
    """An argument that names a format, with a suggestion when it names none."""
    try:
        return get_format(text)
    except UnknownFormatError as err:
        names = sorted({name for fmt in default_registry.all() for name in (fmt.name, *fmt.aliases)})
        close = difflib.get_close_matches(text.lower(), names, n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        msg = f"unknown format {err.name!r}{hint} ('wirecopy formats' lists them)"
        raise argparse.ArgumentTypeError(msg) from None
    except FormatLoadError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _readable(text: str) -> str:
    return _format(text).name


def _writable(text: str) -> str:
    fmt = _format(text)
    if not fmt.can_write:
        msg = f"format {fmt.name!r} can be read but not written"
        raise argparse.ArgumentTypeError(msg)
    try:
        # A format whose library is missing (an extra not installed) says so
        # now, once, rather than for every input file.
        fmt.write((), io.BytesIO())
    except FormatLoadError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    except WirecopyError:
        pass  # a format may refuse to write nothing; that is not what is asked here
    return fmt.name


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = f"expected a whole number of at least 1, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``wirecopy`` command with *argv* (default: ``sys.argv[1:]``) and return the exit status.

    .. versionadded:: 0.1
    """
    args = _parser().parse_args(argv)
    command: Callable[[argparse.Namespace], int] = {
        "parse": _parse,
        "convert": _convert,
        "detect": _detect,
        "formats": _formats,
    }[args.command]
    with warnings.catch_warnings():
        warnings.simplefilter("always", WirecopyWarning)
        # Each document left out is told once, through on_problem.
        warnings.simplefilter("ignore", SkippedDocumentWarning)
        warnings.showwarning = _show_warning
        try:
            return command(args)
        except KeyboardInterrupt:
            say("interrupted")
            return EXIT_INTERRUPTED
        except BrokenPipeError:
            # The reader went away (`wirecopy parse x | head`): not an error,
            # and nothing more to print, not even at exit.
            with contextlib.suppress(OSError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            return EXIT_OK


def _show_warning(message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any) -> None:
    kind = "warning" if issubclass(category, WirecopyWarning) else category.__name__
    say(f"{kind}: {message}")


def _describe_error(err: BaseException, name: str) -> str:
    if isinstance(err, OSError) and not isinstance(err, WirecopyError):
        return f"{err.filename if isinstance(err.filename, str) else name}: {err.strerror or err}"
    text = str(err)
    return text if name in text else f"{name}: {text}"


def _missing(files: Sequence[str]) -> bool:
    """Say which of *files* do not exist; an input that does not exist stops a command before it starts."""
    missing = [name for name in files if name != "-" and not os.path.exists(name)]
    for name in missing:
        say(f"error: {name}: No such file or directory")
    return bool(missing)


def _parse(args: argparse.Namespace) -> int:
    if _missing(args.files):
        return EXIT_ERROR
    teller = Teller(args.errors, quiet=args.quiet)
    out = sys.stdout.buffer
    jsonl = get_format("jsonl")
    left_out = False
    for name in args.files:
        shown = "<stdin>" if name == "-" else name
        reader = None
        written = defects = 0
        try:
            if name == "-":
                reader = api.iter_load(
                    sys.stdin.buffer, args.format, errors=args.errors, filename=shown, on_problem=teller.problem
                )
            else:
                reader = api.read(name, args.format, errors=args.errors, on_problem=teller.problem)
            with reader:
                for article in reader:
                    jsonl.write((article,), out)
                    written += 1
                    defects += len(article.defects)
        except (WirecopyError, OSError) as err:
            if isinstance(err, BrokenPipeError):
                raise
            if args.errors == "strict":
                say(f"error: {_describe_error(err, shown)}")
                return EXIT_ERROR
            left_out = True
            if teller.shows_problems:
                say(f"warning: {_describe_error(err, shown)}")
        out.flush()
        gone = reader.left_out if reader is not None else 0
        left_out = left_out or gone > 0
        teller.file(shown, read=written + gone, written=written, defects=defects, left_out=gone)
    return EXIT_LEFT_OUT if left_out else EXIT_OK


def _convert(args: argparse.Namespace) -> int:
    from .conversion import ConvertError, ConvertInterrupted, convert, is_directory_output

    output: str | BinaryIO = sys.stdout.buffer if args.output in (None, "-") else args.output
    if not isinstance(output, str) and get_format(args.to).binary and sys.stdout.isatty():
        say(f"error: {args.to} output is binary and standard output is a terminal; name a file with -o")
        return EXIT_USAGE
    inputs = list(args.files)
    names: dict[str, str] = {}
    spool = None
    if "-" in inputs:
        if isinstance(output, str) and is_directory_output(output):
            say("error: standard input can be converted to a file or to standard output, not into a folder")
            return EXIT_ERROR
        # Workers read files, so standard input is copied to one first; its
        # documents are still named "<stdin>".
        with tempfile.NamedTemporaryFile(prefix="wirecopy-stdin-", delete=False) as spool:
            shutil.copyfileobj(sys.stdin.buffer, spool)
        inputs = [spool.name if name == "-" else name for name in inputs]
        names[spool.name] = "<stdin>"
    teller = Teller(args.errors, quiet=args.quiet)
    journal = Journal(args.report) if args.report else None

    def on_file(file: Any) -> None:
        teller.report(file)
        if journal is not None and not journal.add(file) and not teller.shows_problems:
            for error in file.errors:  # not told yet, and now in no journal: told here
                if not (error.fatal and error.kind in OPERATIONAL_KINDS):
                    say(f"warning: {error.message}")

    status = EXIT_OK
    report: ConvertReport
    try:
        report = convert(
            inputs,
            output=output,
            to=args.to,
            format=args.format,
            jobs=args.jobs,
            errors=args.errors,
            progress=False if args.quiet else None,
            force=args.force,
            names=names,
            on_problem=teller.problem,
            on_file=on_file,
        )
    except ConvertError as err:
        report, status = err.report, EXIT_ERROR
    except ConvertInterrupted as err:
        report, status = err.report, EXIT_INTERRUPTED
    except BrokenPipeError:
        raise
    except (WirecopyError, OSError) as err:
        say(f"error: {_describe_error(err, args.output or '<stdout>')}")
        if journal is not None:
            journal.remove()
        return EXIT_ERROR
    finally:
        if spool is not None:
            os.remove(spool.name)
    if status == EXIT_OK:
        status = _status(report)
    if journal is not None:
        status = max(status, _write_report(args.report, report, journal), key=_SEVERITY.index)
    say(report.summary())
    return status


# From the least to the most severe: the status a run ends with is the most severe it met.
_SEVERITY = (EXIT_OK, EXIT_LEFT_OUT, EXIT_ERROR, EXIT_INTERRUPTED)


def _status(report: ConvertReport) -> int:
    """0, 3 or 1, as the epilog says, for a run that was not stopped."""
    if any(f.failure is not None and f.failure.kind in OPERATIONAL_KINDS for f in report.files):
        return EXIT_ERROR
    if report.skipped or report.count("failed"):
        return EXIT_LEFT_OUT
    return EXIT_OK


def _write_report(path: str, report: ConvertReport, journal: Journal) -> int:
    """Write the JSON report, built from the journal, atomically; the journal stays if it cannot be."""
    journal.close()
    data = report.to_dict()
    data["files"] = [file.to_dict() for file in journal.files(report)]
    try:
        with atomic_file(path) as out:
            out.write(to_json(data, indent=2).encode("utf-8") + b"\n")
    except OSError as err:
        kept = "" if journal.broken else f"; each file's report is in {journal.path}"
        say(f"error: cannot write the report {_describe_error(err, path)}{kept}")
        if journal.broken:
            for file in report.files:
                for error in file.errors:
                    say(f"error: {error.message}")
        return EXIT_ERROR
    journal.remove()
    return EXIT_OK


def _detect(args: argparse.Namespace) -> int:
    if _missing(args.files):
        return EXIT_ERROR
    status = EXIT_OK
    for name in args.files:
        try:
            if name == "-":
                name = "<stdin>"
                detection = detect(sys.stdin.buffer.read(HEAD_SIZE), filename=None)
            else:
                detection = detect(Path(name))
        except (WirecopyError, OSError) as err:
            say(f"error: {_describe_error(err, name)}")
            status = EXIT_LEFT_OUT
            continue
        shown = ", ".join(f"{c.name} ({c.score:.2f})" for c in detection.candidates[:4]) or "no format matched"
        if detection.best is None:
            print(f"{escape(name)}: unknown; candidates: {shown}")
            status = EXIT_LEFT_OUT
        else:
            best = detection.candidates[0]
            runners = ", ".join(f"{c.name} ({c.score:.2f})" for c in detection.candidates[1:4])
            line = f"{escape(name)}: {best.name} ({best.score:.2f})"
            print(f"{line}; runners-up: {runners}" if runners else line)
    return status


def _formats(args: argparse.Namespace) -> int:
    rows = [("NAME", "ALIASES", "MODE", "EXTENSIONS", "FROM")]
    for fmt in default_registry.all():
        rows.append(
            (
                fmt.name,
                ", ".join(fmt.aliases) or "-",
                "read/write" if fmt.can_write else "read",
                ", ".join(fmt.extensions) or "-",
                default_registry.origin(fmt.name),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    out: IO[str] = sys.stdout
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]), file=out)
    for failure in default_registry.failures():
        print(f"broken: {failure}", file=out)
    return EXIT_OK
