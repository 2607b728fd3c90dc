"""The ``wirecopy`` command.

Bad input never ends in a traceback: each problem is one line on stderr,
naming the file and line, and the exit status says how the run went.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO

from . import api
from ._io import atomic_file
from .article import Article
from .detection import detect
from .errors import WirecopyError, WirecopyWarning
from .registry import default_registry, get_format

__all__ = ["EXIT_ERROR", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "main"]

#: Every input was read (documents left out under warn or skip are reported on stderr).
EXIT_OK = 0
#: An input could not be read: a parse error under strict, a missing file, an unknown format.
EXIT_ERROR = 1
#: The command line was wrong.
EXIT_USAGE = 2
#: Stopped by Ctrl-C.
EXIT_INTERRUPTED = 130

_EPILOG = """\
exit status:
  0    every input was read (problems under --errors warn/skip are reported on stderr)
  1    an input could not be read: a parse error under --errors strict, a missing
       file, an unknown or undetectable format, an article the target cannot hold
  2    the command line was wrong
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

    def reading(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("files", nargs="+", metavar="FILE", help="input files; '-' reads standard input")
        sub.add_argument("-f", "--format", metavar="NAME", help="the input format (default: detect it)")
        sub.add_argument(
            "--errors",
            choices=("strict", "warn", "skip"),
            default="warn",
            help="strict: stop at the first problem; warn (default): record problems and go on; "
            "skip: leave out documents with problems",
        )

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=summary,
            description=description,
            epilog=_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    reading(
        command(
            "parse",
            "print each article as one JSON object per line",
            "Print each article of FILE as one JSON object per line (the Article.to_dict() form).",
        )
    )
    convert = command(
        "convert",
        "convert files, folders or a whole corpus to another format",
        "Read every INPUT and write its articles in the format --to names: to standard output, "
        "to the file -o names, or, when -o names a folder, to one output file per input. "
        "A folder is read recursively; a glob pattern is expanded here, on every shell. "
        "Into a folder, a rerun converts only what is missing or changed.",
    )
    convert.add_argument(
        "files",
        nargs="+",
        metavar="INPUT",
        help="input files, folders (read recursively) and glob patterns such as 'corpus/**/*.sgml'; "
        "'-' reads standard input",
    )
    convert.add_argument("-f", "--format", metavar="NAME", help="the input format (default: detect it for each file)")
    convert.add_argument(
        "--errors",
        choices=("strict", "warn", "skip"),
        default="warn",
        help="strict: stop at the first problem, status 1; warn (default): leave out what cannot be read, "
        "say so, and go on; skip: leave it out quietly",
    )
    convert.add_argument("-t", "--to", metavar="NAME", default="jsonl", help="the output format (default: jsonl)")
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
        "errors with line numbers",
    )
    convert.add_argument("-q", "--quiet", action="store_true", help="no progress display (the summary line stays)")
    convert.add_argument(
        "--force", action="store_true", help="convert every input, even those whose output is up to date"
    )
    command(
        "detect",
        "tell the format of files",
        "Print the detected format of each FILE, with the runners-up and their scores.",
    ).add_argument("files", nargs="+", metavar="FILE")
    command(
        "formats",
        "list the available formats",
        "List every format: name, aliases, read/write, extensions, and where it comes from.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``wirecopy`` command with *argv* (default: ``sys.argv[1:]``) and return the exit status.

    .. versionadded:: 0.1
    """
    args = _parser().parse_args(argv)
    command = {"parse": _parse, "convert": _convert, "detect": _detect, "formats": _formats}[args.command]
    with warnings.catch_warnings():
        warnings.simplefilter("always", WirecopyWarning)
        warnings.showwarning = _show_warning
        try:
            return command(args)
        except KeyboardInterrupt:
            _say("interrupted")
            return EXIT_INTERRUPTED
        except BrokenPipeError:
            # The reader went away (`wirecopy parse x | head`): not an error.
            with contextlib.suppress(OSError):
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115
            return EXIT_OK


def _show_warning(message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any) -> None:
    kind = "warning" if issubclass(category, WirecopyWarning) else category.__name__
    _say(f"{kind}: {message}")


def _say(message: str) -> None:
    print(f"wirecopy: {message}", file=sys.stderr)


def _readers(args: argparse.Namespace, failures: list[str]) -> Iterator[Article]:
    """Yield the articles of every input, reporting inputs that cannot be read."""
    for name in args.files:
        try:
            if name == "-":
                reader = api.load(sys.stdin.buffer, args.format, errors=args.errors, filename="<stdin>")
            else:
                reader = api.read(name, args.format, errors=args.errors)
            with reader:
                yield from reader
        except (WirecopyError, OSError) as err:
            message = _describe_error(err, name)
            failures.append(message)
            _say(f"error: {message}")
            if args.errors == "strict":
                return


def _describe_error(err: BaseException, name: str) -> str:
    if isinstance(err, OSError) and not isinstance(err, WirecopyError):
        return f"{err.filename if isinstance(err.filename, str) else name}: {err.strerror or err}"
    text = str(err)
    return text if name in text else f"{name}: {text}"


def _parse(args: argparse.Namespace) -> int:
    failures: list[str] = []
    out = sys.stdout.buffer
    jsonl = get_format("jsonl")
    for article in _readers(args, failures):
        jsonl.write((article,), out)
    out.flush()
    return EXIT_ERROR if failures else EXIT_OK


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = f"expected a whole number of at least 1, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _convert(args: argparse.Namespace) -> int:
    from .conversion import ConvertError, ConvertInterrupted, convert, is_directory_output
    from .report import OPERATIONAL_KINDS, ConvertReport

    try:
        target = get_format(args.to)
    except WirecopyError as err:
        _say(f"error: {err}")
        return EXIT_ERROR
    if not target.can_write:
        _say(f"error: format {target.name!r} can be read but not written")
        return EXIT_ERROR
    output: str | BinaryIO = sys.stdout.buffer if args.output in (None, "-") else args.output
    inputs = list(args.files)
    names: dict[str, str] = {}
    spool = None
    if "-" in inputs:
        if isinstance(output, str) and is_directory_output(output):
            _say("error: standard input can be converted to a file or to standard output, not into a folder")
            return EXIT_ERROR
        # Workers read files, so standard input is copied to one first; its
        # documents are still named "<stdin>".
        with tempfile.NamedTemporaryFile(prefix="wirecopy-stdin-", delete=False) as spool:
            shutil.copyfileobj(sys.stdin.buffer, spool)
        inputs = [spool.name if name == "-" else name for name in inputs]
        names[spool.name] = "<stdin>"
    status = EXIT_OK
    shown = None
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
        )
    except ConvertError as err:
        report = err.report
        shown = str(err)
        _say(f"error: {shown}")
        status = EXIT_ERROR
    except ConvertInterrupted as err:
        report = err.report
        status = EXIT_INTERRUPTED
    except (WirecopyError, OSError) as err:
        _say(f"error: {_describe_error(err, args.output or '<stdout>')}")
        return EXIT_ERROR
    finally:
        if spool is not None:
            os.remove(spool.name)
    for file in report.files:
        failure = file.failure
        if failure is not None and failure.kind in OPERATIONAL_KINDS and failure.message != shown:
            _say(f"error: {failure.message}")
            if status == EXIT_OK:
                status = EXIT_ERROR
    if args.report:
        try:
            _write_report(args.report, report.to_dict())
        except OSError as err:
            _say(f"error: {_describe_error(err, args.report)}")
            status = status or EXIT_ERROR
    _say(report.summary())
    return status


def _write_report(path: str, data: dict[str, Any]) -> None:
    """Write the JSON report atomically, so a reader never sees half of it."""
    with atomic_file(path) as out:
        out.write(json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")


def _detect(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.files:
        try:
            detection = detect(Path(name))
        except (WirecopyError, OSError) as err:
            _say(f"error: {_describe_error(err, name)}")
            status = EXIT_ERROR
            continue
        shown = ", ".join(f"{c.name} ({c.score:.2f})" for c in detection.candidates[:4]) or "no format matched"
        if detection.best is None:
            print(f"{name}: unknown; candidates: {shown}")
            status = EXIT_ERROR
        else:
            best = detection.candidates[0]
            runners = ", ".join(f"{c.name} ({c.score:.2f})" for c in detection.candidates[1:4])
            line = f"{name}: {best.name} ({best.score:.2f})"
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
