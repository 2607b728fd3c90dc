"""One way to measure, shared by every benchmark script.

A script describes *contenders*: module-level functions of the script, each
called with keyword arguments, grouped by what they are compared on (a
format, a date family).  The harness then:

- runs each contender in a fresh process (``python benchmarks/_harness.py
  --child SCRIPT FUNCTION ARGS``), so that no run inherits another's caches,
  heap or imports, and its peak memory is its own;
- interleaves the passes: pass 1 of every contender of a group, then pass 2,
  so that a burst of load on a shared machine slows them alike;
- times the work in the child with ``time.process_time`` (CPU time of the
  child, all its threads), not wall-clock time, unless a contender asks for
  the wall clock (parallel conversion, whose point is wall-clock speed-up);
- keeps the best and the median of the passes, and prints the ratio of each
  contender to each baseline of its group from the same run;
- records the peak resident memory of the child while it did the work (its
  high-water mark, ``VmHWM``: ``ru_maxrss`` of a child started from a large
  parent inherits the parent's peak on Linux, so it is not used there), the
  machine (CPU model, cores, Python, wirecopy version and git commit) and its
  load average before and after;
- writes all of it as JSON with ``--json`` (to ``benchmarks/_data/results/``
  by default), which ``benchmarks/report.py`` turns into the figures of
  ``docs/performance.md``.

A contender function either does the work and returns what it counted, or
does its untimed preparation (generating or loading input) and returns a
function without arguments that does the timed work.  What is counted is an
``int`` (documents) or a ``dict`` with ``"documents"`` and, optionally,
``"size"`` (bytes read, when only the child knows it), ``"peak_mb"`` (a peak
measured elsewhere, such as a pool's workers) and anything else the script
wants back (``run["extra"]``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import importlib.util
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "_data"
RESULTS = DATA / "results"
MB = 1_000_000
_MARK = "@@harness-result "


# -- the machine ---------------------------------------------------------------


def _cpu_model() -> str:
    with contextlib.suppress(OSError), open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    return platform.processor() or platform.machine()


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def machine() -> dict[str, Any]:
    """What the figures were taken on: CPU, cores, memory, Python, wirecopy and its commit."""
    from importlib import metadata

    try:
        version = metadata.version("wirecopy")
    except metadata.PackageNotFoundError:
        version = None
    commit = _git("rev-parse", "--short=12", "HEAD")
    if commit and _git("status", "--porcelain", "--untracked-files=no"):
        commit += "-dirty"
    memory = None
    with contextlib.suppress(OSError, ValueError), open("/proc/meminfo", encoding="utf-8") as info:
        memory = round(int(info.readline().split()[1]) / 1024 / 1024, 1)
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "cores_usable": affinity,
        "memory_gb": memory,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(terse=True),
        "wirecopy": version,
        "commit": commit,
    }


def load() -> list[float]:
    """The load average over 1, 5 and 15 minutes."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def describe(info: dict[str, Any]) -> str:
    """One line about the machine, for the top of a script's output."""
    return (
        f"{info['cpu']}, {info['cores']} cores, Python {info['python']}, "
        f"wirecopy {info['wirecopy']} ({info['commit'] or 'no git commit'})"
    )


# -- the child: one contender, one pass, in a fresh process --------------------


def _status() -> dict[str, int]:
    """VmRSS and VmHWM of this process, in kB (empty where /proc is missing)."""
    values: dict[str, int] = {}
    with contextlib.suppress(OSError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                values[line[:5]] = int(line.split()[1])
    return values


def _reset_peak() -> None:
    """Make the high-water mark the current resident size, so that the peak measured is the work's."""
    with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
        clear.write("5")


def _resident() -> float:
    """Resident size now, in MB (0.0 where unknown)."""
    return _status().get("VmRSS", 0) * 1024 / MB


def _peak() -> float:
    """Peak resident size since the last reset, in MB."""
    kb = _status().get("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb * 1024 / MB


def _release() -> None:
    """Return freed memory to the system, so that the resident size is what is still in use."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _import_script(script: str) -> Any:
    path = Path(script).resolve()
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _counted(result: Any) -> dict[str, Any]:
    if isinstance(result, dict):
        return dict(result)
    return {"documents": int(result)}


def _child(script: str, function: str, arguments: str, min_seconds: float) -> dict[str, Any]:
    """Run one contender here and return what it measured."""
    target = getattr(_import_script(script), function)
    kwargs = json.loads(arguments)
    _release()
    _reset_peak()
    base = _resident()
    cpu, wall = time.process_time(), time.perf_counter()
    result = target(**kwargs)
    if callable(result):
        # The function prepared its input; what it returned is the timed work.
        work = result
        _release()
        _reset_peak()
        base = _resident()
        cpu, wall = time.process_time(), time.perf_counter()
        counted = _counted(work())
        rounds = 1
        # A contender too quick to time reliably is run again until it has
        # taken min_seconds of CPU; the rates count every round.
        while time.process_time() - cpu < min_seconds:
            counted["documents"] += _counted(work())["documents"]
            rounds += 1
    else:
        counted, rounds = _counted(result), 1
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak = _peak()
    _release()
    after = _resident()
    outcome = {
        "status": "ok",
        # A contender that measures itself (a pool's CPU, a cluster's start-up
        # left out) says so with "cpu" and "wall".
        "cpu": counted.pop("cpu", cpu),
        "wall": counted.pop("wall", wall),
        "documents": counted.pop("documents"),
        "peak_mb": counted.pop("peak_mb", peak),
        "base_mb": base,
        # Resident size once the work is done and freed memory is returned to
        # the system: what the work's results still hold, plus base.
        "after_mb": after,
        "rounds": rounds,
    }
    if "size" in counted:
        outcome["size"] = counted.pop("size")
    outcome["extra"] = counted
    return outcome


def _child_main(argv: list[str]) -> int:
    script, function, arguments, min_seconds = argv
    try:
        outcome = _child(script, function, arguments, float(min_seconds))
    except BaseException as exc:
        wirecopy = sys.modules.get("wirecopy")
        expected = wirecopy is not None and isinstance(exc, wirecopy.WirecopyError)
        outcome = {
            "status": "raised" if expected else "crashed",
            "error": f"{type(exc).__module__}.{type(exc).__qualname__}".removeprefix("builtins."),
            "message": str(exc)[:300],
        }
    sys.stdout.write("\n" + _MARK + json.dumps(outcome) + "\n")
    sys.stdout.flush()
    return 0


# -- the parent ----------------------------------------------------------------


def _limits(cpu_seconds: float | None, memory_mb: int | None) -> Callable[[], None] | None:
    if cpu_seconds is None and memory_mb is None:
        return None

    def apply() -> None:
        if cpu_seconds is not None:
            # SIGXCPU at the soft limit, SIGKILL a second later if ignored.
            soft = max(1, int(cpu_seconds + 0.999))
            resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 1))
        if memory_mb is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024,) * 2)

    return apply


def run_child(
    script: str | Path,
    function: str,
    kwargs: dict[str, Any] | None = None,
    *,
    timeout: float | None = None,
    cpu_limit: float | None = None,
    memory_limit_mb: int | None = None,
    min_seconds: float = 0.0,
) -> dict[str, Any]:
    """Run ``function(**kwargs)`` of *script* in a fresh process and return its measurement.

    ``status`` is ``ok``; ``raised`` (a ``WirecopyError``) or ``crashed``
    (any other exception), with ``error`` and ``message``; ``timeout`` (the
    wall-clock *timeout* passed: the child is killed, not waited for);
    ``cpu-limit`` (the child used *cpu_limit* seconds of CPU and the system
    stopped it); or ``killed`` (another signal, or an exit without a result).
    """
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        str(script),
        function,
        json.dumps(kwargs or {}),
        str(min_seconds),
    ]
    env = dict(os.environ, PYTHONHASHSEED="0")
    before = load()
    started = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            errors="replace",
            env=env,
            check=False,
            timeout=timeout,
            preexec_fn=_limits(cpu_limit, memory_limit_mb),  # the parent runs no threads
        )
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "wall": time.perf_counter() - started, "load": before}
    lines = [line for line in done.stdout.splitlines() if line.startswith(_MARK)]
    if lines:
        outcome: dict[str, Any] = json.loads(lines[-1][len(_MARK) :])
    elif done.returncode == -24 or (cpu_limit is not None and done.returncode == -9):  # SIGXCPU, then SIGKILL
        outcome = {"status": "cpu-limit"}
    else:
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        outcome = {"status": "killed", "returncode": done.returncode, "message": tail[0][:300]}
    if outcome["status"] == "crashed" and done.stderr.strip():
        outcome["stderr"] = done.stderr.strip()[-600:]
    outcome["load"] = before
    return outcome


def add_options(parser: argparse.ArgumentParser, *, passes: int | None = None, name: str | None = None) -> None:
    """Add the options every script shares: ``--json [PATH]`` and, if *passes* is given, ``--passes``."""
    stem = name or Path(sys.argv[0]).stem
    parser.add_argument(
        "--json",
        nargs="?",
        type=Path,
        const=RESULTS / f"{stem}.json",
        metavar="PATH",
        help=f"write the figures as JSON (default path: benchmarks/_data/results/{stem}.json)",
    )
    if passes is not None:
        parser.add_argument("--passes", type=int, default=passes, help=f"passes of each contender (default {passes})")


def start(
    script: str,
    parser: argparse.ArgumentParser,
    argv: list[str] | None,
    *,
    title: str,
    passes: int | None = None,
    quick_passes: int = 3,
) -> tuple[argparse.Namespace, Bench]:
    """Parse a script's options, with the shared ones added, and start its :class:`Bench`.

    *passes* adds ``--passes`` with that default (a script that has its own
    option for it stores it in ``args.passes``); ``--quick``, which every
    script defines, caps the passes at *quick_passes*.
    """
    add_options(parser, passes=passes, name=Path(script).stem)
    args = parser.parse_args(argv)
    if args.quick:
        args.passes = min(args.passes, quick_passes)
    return args, Bench(script, args, title=title, passes=args.passes, quick=args.quick)


@dataclass
class Contender:
    """One way of doing the work of a group, run in a fresh process per pass."""

    key: str
    label: str
    function: str
    kwargs: dict[str, Any]
    baseline: bool = False
    size: int | None = None
    clock: str = "cpu"
    min_seconds: float = 0.0
    runs: list[dict[str, Any]] = field(default_factory=list)

    def _ok(self) -> list[dict[str, Any]]:
        return [run for run in self.runs if run["status"] == "ok"]

    @property
    def failed(self) -> dict[str, Any] | None:
        """The first run that did not finish, if none did."""
        return None if self._ok() else (self.runs[0] if self.runs else {"status": "not run"})

    def rates(self, unit: str) -> list[float]:
        """Documents (``docs_s``) or MB (``mb_s``) per second of each pass that finished, on this clock."""
        out = []
        for run in self._ok():
            seconds = max(run[self.clock], 1e-9)
            if unit == "docs_s":
                out.append(run["documents"] / seconds)
            elif run.get("size", self.size):
                out.append(run.get("size", self.size) * run.get("rounds", 1) / seconds / MB)
        return out

    def summary(self) -> dict[str, Any]:
        """Best and median rates, peak memory, and the passes, as written to JSON."""
        ok = self._ok()
        out: dict[str, Any] = {
            "key": self.key,
            "label": self.label,
            "baseline": self.baseline,
            "clock": self.clock,
            "passes": len(self.runs),
            "finished": len(ok),
        }
        if not ok:
            out["failure"] = self.failed
            return out
        last = ok[-1]
        out |= {
            "documents": last["documents"] // last.get("rounds", 1),
            "size": last.get("size", self.size),
            "seconds_best": min(run[self.clock] / run.get("rounds", 1) for run in ok),
            "seconds_median": statistics.median(run[self.clock] / run.get("rounds", 1) for run in ok),
            "peak_mb": max(run["peak_mb"] for run in ok),
        }
        for unit in ("docs_s", "mb_s"):
            rates = self.rates(unit)
            if rates:
                out[f"{unit}_best"] = max(rates)
                out[f"{unit}_median"] = statistics.median(rates)
        out["runs"] = self.runs
        return out


@dataclass
class Group:
    """Contenders compared with each other: a format, a date family."""

    name: str
    note: str = ""
    passes: int | None = None
    contenders: list[Contender] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)

    def add(
        self,
        key: str,
        label: str,
        function: str,
        *,
        baseline: bool = False,
        size: int | None = None,
        clock: str = "cpu",
        min_seconds: float = 0.0,
        **kwargs: Any,
    ) -> Contender:
        """Add a contender: ``function(**kwargs)`` of the script, labelled *label*."""
        contender = Contender(key, label, function, kwargs, baseline, size, clock, min_seconds)
        self.contenders.append(contender)
        return contender

    def compare(self, key: str, against: str) -> None:
        """Also print the ratio of *key* to *against*, which is not a baseline."""
        self.pairs.append((key, against))

    def __getitem__(self, key: str) -> dict[str, Any]:
        for contender in self.contenders:
            if contender.key == key:
                return contender.summary()
        raise KeyError(key)

    def ratios(self) -> list[dict[str, Any]]:
        """Each contender's rate over each baseline's (and over the extra pairs), best and median."""
        pairs = [(c.key, b.key) for c in self.contenders if not c.baseline for b in self.contenders if b.baseline]
        out = []
        for key, against in pairs + self.pairs:
            ours, theirs = self[key], self[against]
            if "docs_s_best" not in ours or "docs_s_best" not in theirs:
                continue
            unit = "mb_s" if ours.get("mb_s_best") and theirs.get("mb_s_best") else "docs_s"
            out.append(
                {
                    "contender": key,
                    "baseline": against,
                    "unit": unit,
                    "best": ours[f"{unit}_best"] / theirs[f"{unit}_best"],
                    "median": ours[f"{unit}_median"] / theirs[f"{unit}_median"],
                }
            )
        return out


def _passes(count: int) -> str:
    return "1 pass" if count == 1 else f"{count} passes"


def _fmt(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def ratio_text(value: float) -> str:
    """A ratio as the docs write it: ``13.4x`` above one, ``0.070`` below."""
    return f"{value:.2f}x" if value >= 1 else f"{value:.3f}"


class Bench:
    """The contenders of one script, their passes, the printed tables and the JSON."""

    def __init__(self, script: str, args: argparse.Namespace, *, title: str, passes: int, quick: bool = False) -> None:
        self.script = Path(script).resolve()
        self.title = title
        self.passes = passes
        self.quick = quick
        self.json_path: Path | None = getattr(args, "json", None)
        self.groups: list[Group] = []
        self.notes: dict[str, Any] = {}
        #: Called before each run; what it returns is kept with the run.
        self.before_run: Callable[[Contender], dict[str, Any] | None] | None = None
        #: Called after each run with the run, to print progress.
        self.after_run: Callable[[Contender, dict[str, Any]], None] | None = None
        self.machine = machine()
        self.load_before = load()
        self.started = dt.datetime.now(dt.timezone.utc)
        print(f"{title}\n{describe(self.machine)}")
        print(f"load average before: {' '.join(map(str, self.load_before))}; {_passes(passes)}, interleaved")

    def group(self, name: str, note: str = "", *, passes: int | None = None) -> Group:
        """Start a group of contenders to compare (*passes* overrides the script's)."""
        group = Group(name, note, passes)
        self.groups.append(group)
        return group

    def note(self, key: str, value: Any) -> None:
        """Record something about the run (a library's version, a check's result) in the JSON."""
        self.notes[key] = value

    def skip(self, label: str, reason: str) -> None:
        """Say that a contender is left out of this run, and why."""
        print(f"  {label}: left out: {reason}")
        self.notes.setdefault("left_out", {})[label] = reason

    def run(self, group: Group) -> Group:
        """Run the passes of *group*, interleaved, and print its table."""
        for _ in range(group.passes or self.passes):
            for contender in group.contenders:
                context = self.before_run(contender) if self.before_run is not None else None
                run = run_child(self.script, contender.function, contender.kwargs, min_seconds=contender.min_seconds)
                contender.runs.append(run | (context or {}))
                if self.after_run is not None:
                    self.after_run(contender, contender.runs[-1])
        self.print_group(group)
        return group

    def print_group(self, group: Group) -> None:
        """Print one group's contenders and ratios."""
        passes = group.passes or self.passes
        clock = "wall-clock" if any(c.clock == "wall" for c in group.contenders) else "CPU"
        print(f"\n{group.name}{': ' + group.note if group.note else ''} ({clock} time, {_passes(passes)})")
        width = max(len(c.label) + 11 for c in group.contenders)
        print(f"  {'':<{width}} {'MB/s best':>10} {'median':>8} {'docs/s best':>12} {'median':>10} {'peak MB':>8}")
        for contender in group.contenders:
            row = contender.summary()
            label = contender.label + (" [baseline]" if contender.baseline else "")
            if "docs_s_best" not in row:
                failure = row["failure"]
                print(f"  {label:<{width}} did not finish: {failure['status']} {failure.get('message', '')}".rstrip())
                continue
            mb = f"{_fmt(row['mb_s_best']):>10} {_fmt(row['mb_s_median']):>8}" if "mb_s_best" in row else " " * 19
            print(
                f"  {label:<{width}} {mb} {row['docs_s_best']:>12,.0f} {row['docs_s_median']:>10,.0f} "
                f"{row['peak_mb']:>8.1f}"
            )
        names = {c.key: c.label for c in group.contenders}
        for ratio in group.ratios():
            print(
                f"  {names[ratio['contender']]} / {names[ratio['baseline']]}: "
                f"{ratio_text(ratio['best'])} best, {ratio_text(ratio['median'])} median"
            )

    def results(self) -> dict[str, Any]:
        """Everything measured, as written to JSON."""
        return {
            "script": self.script.name,
            "title": self.title,
            "argv": sys.argv[1:],
            "quick": self.quick,
            "passes": self.passes,
            "started": self.started.isoformat(timespec="seconds"),
            "machine": self.machine,
            "load_before": self.load_before,
            "load_after": load(),
            "notes": self.notes,
            "groups": [
                {
                    "name": group.name,
                    "note": group.note,
                    "passes": group.passes or self.passes,
                    "contenders": [c.summary() for c in group.contenders],
                    "ratios": group.ratios(),
                }
                for group in self.groups
            ],
        }

    def finish(self) -> dict[str, Any]:
        """Print the load after the run and write the JSON if asked; return the results."""
        results = self.results()
        print(f"\nload average after: {' '.join(map(str, results['load_after']))}")
        if self.json_path is not None:
            write_json(self.json_path, results)
        return results


def write_json(path: Path, results: dict[str, Any]) -> None:
    """Write *results* to *path*, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(f"figures written to {path}")


@contextlib.contextmanager
def generating(path: Path) -> Iterator[Path]:
    """Write to a partial file beside *path* and move it into place once complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    yield partial
    partial.replace(path)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        sys.exit(_child_main(sys.argv[2:]))
    sys.exit("this module is run by the benchmark scripts, not by hand")
