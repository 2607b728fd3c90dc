"""The contract every format meets, for format authors' own tests: :func:`check_format`.

wirecopy runs :func:`check_format` over each of its built-in formats, and a
plugin author runs it over theirs the same way::

    from wirecopy.testing import check_format

    from acme_wirecopy import AcmeFeed, acme_articles

    def test_acme_feed_meets_the_contract():
        check_format(AcmeFeed, articles=acme_articles())

:func:`check_format` drives Hypothesis, which is an optional dependency:
install it with ``pip install "wirecopy[hypothesis]"``.  Importing this
module does not import Hypothesis; calling :func:`check_format` does, and
says what to install when it is missing.

.. versionadded:: 0.1
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import re
import traceback
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from ._io import HEAD_SIZE
from .api import dumps, loads
from .article import Article
from .detection import Detection, rank
from .errors import (
    DuplicateFormatError,
    FormatLoadError,
    SkippedDocumentWarning,
    UnknownFormatError,
    WirecopyError,
    WriteError,
)
from .format import Format, declaration_problems
from .policy import ErrorMode
from .registry import ENTRY_POINT_GROUP, PluginWarning, Registry, default_registry

if TYPE_CHECKING:
    from hypothesis.strategies import DataObject, SearchStrategy

__all__ = ["CHECKS", "FormatContractError", "check_format"]

#: The checks :func:`check_format` runs, in order.  Pass a subset as
#: *checks* to run only those.
#:
#: ``declaration``
#:     The class attributes are well-formed and name no format that is
#:     already installed; the class has a docstring and overrides ``read``.
#: ``sniff``
#:     ``sniff`` returns the same float in [0, 1] for the same input, and
#:     never raises, whatever the bytes and the file name.
#: ``read``
#:     Reading random bytes, random text and damaged copies of the format's
#:     own output raises nothing but :class:`~wirecopy.errors.WirecopyError`
#:     under ``errors="strict"``, and nothing at all under ``"warn"`` or
#:     ``"skip"``.
#: ``roundtrip``
#:     For a format that writes: ``loads(dumps(a)) == [a]`` for every
#:     article *a* the format can represent.
#: ``detection``
#:     For a format that writes: :func:`wirecopy.detect` names the format
#:     for its own output, from the content alone.
CHECKS: tuple[str, ...] = ("declaration", "sniff", "read", "roundtrip", "detection")

_VERSION = re.compile(r"\d+\.\d+")
# File names sniff is called with, besides the format's own extensions.
_FILENAMES: tuple[str | None, ...] = (None, "x.txt", "x.xml", "x.sgml", "noext", "X.TXT", "feed.json")
_SHOWN = 300
# Inputs that break naive parsers: tried on every format before Hypothesis explores.
_EDGE_BYTES: tuple[bytes, ...] = (b"", b"\x00", b"\n", b"\r\n\r\n", b" ", b"\xff\xfe", b"\xef\xbb\xbf", b"\x80abc")
_EDGE_BYTES += (b"<", b"{", b"\x1f\x8b")
_EDGE_TEXT: tuple[str, ...] = ("", "\n", "\u2014", "\ufeff", "\x00", "\ud800")


class FormatContractError(AssertionError):
    """A format breaks the contract :func:`check_format` checks.

    The message lists every check that failed, each with the input that
    shows it (shrunk by Hypothesis) and what to change.  It is an
    :class:`AssertionError`, so test runners report it as a failed test.

    Attributes:
        format: The name of the format checked.
        failures: ``(check, message)`` pairs, in the order of :data:`CHECKS`.

    .. versionadded:: 0.1
    """

    def __init__(self, format: str, failures: Sequence[tuple[str, str]]) -> None:
        self.format = format
        self.failures = tuple(failures)
        lines = [f"format {format!r} breaks the wirecopy format contract ({len(self.failures)} failed):"]
        lines.extend(f"[{check}] {message}" for check, message in self.failures)
        super().__init__("\n".join(lines))


class _Violation(Exception):
    """One falsified property, raised inside a Hypothesis test so that it shrinks."""


def check_format(
    format: str | Format | type[Format],
    *,
    articles: SearchStrategy[Article] | None = None,
    samples: Iterable[bytes] = (),
    checks: Iterable[str] = CHECKS,
    max_examples: int | None = None,
    registry: Registry | None = None,
) -> None:
    """Check that *format* meets the contract every wirecopy format meets.

    Runs each of :data:`CHECKS` and raises one error listing everything that
    failed.  The property checks run under the Hypothesis settings profile in
    force (with no deadline), so a project's ``ci`` or ``thorough`` profile
    applies; *max_examples* overrides its number of examples.

    Needs Hypothesis (``pip install "wirecopy[hypothesis]"``).  Call it from a
    plain test function, not from inside a Hypothesis test.

    Args:
        format: The format: its class (as a plugin author has it), an
            instance, or the name of an installed format.
        articles: A strategy of articles the format can write and read back
            unchanged; by default :func:`wirecopy.strategies.articles_for`
            gives the built-in formats'.  A plugin that writes passes its
            own (build it from :mod:`wirecopy.strategies`).  Unused for a
            format that only reads.
        samples: Real documents in the format, as bytes.  Damaged copies of
            them are read in the ``read`` check, which reaches further into a
            parser than random bytes do.
        checks: The checks to run, a subset of :data:`CHECKS`.
        max_examples: How many examples each property check tries.
        registry: The installed formats, for the ``declaration`` and
            ``detection`` checks; the default registry by default.

    Raises:
        FormatContractError: The format breaks the contract; the message says
            where and what to change.
        ImportError: Hypothesis is not installed.
        ValueError: *checks* names an unknown check.
        UnknownFormatError: *format* is a name no installed format has.

    .. versionadded:: 0.1
    """
    try:
        import hypothesis  # noqa: F401
    except ImportError as err:
        msg = (
            "wirecopy.testing.check_format() runs property tests with Hypothesis, which is not installed: "
            'pip install "wirecopy[hypothesis]"'
        )
        raise ImportError(msg, name="hypothesis") from err
    wanted = tuple(checks)
    unknown = [c for c in wanted if c not in CHECKS]
    if unknown:
        msg = f"unknown checks {unknown!r}; the checks are {', '.join(CHECKS)}"
        raise ValueError(msg)
    registry = default_registry if registry is None else registry
    fmt, failures = _instantiate(format, registry)
    if fmt is None:
        raise FormatContractError(_label(format), failures)
    runner = _Runner(fmt, registry, articles, tuple(samples), max_examples)
    if "declaration" in wanted:
        failures.extend(("declaration", problem) for problem in _declaration(fmt, registry))
    for check in ("sniff", "read", "roundtrip", "detection"):
        if check in wanted:
            failure = runner.run(check)
            if failure is not None:
                failures.append((check, failure))
    if failures:
        raise FormatContractError(str(getattr(fmt, "name", _label(format))), failures)


def _label(format: object) -> str:
    if isinstance(format, str):
        return format
    cls = format if isinstance(format, type) else type(format)
    return str(getattr(cls, "name", cls.__qualname__))


def _instantiate(
    format: str | Format | type[Format], registry: Registry
) -> tuple[Format | None, list[tuple[str, str]]]:
    if isinstance(format, str):
        return registry.get(format), []
    if isinstance(format, Format):
        return format, []
    if isinstance(format, type) and issubclass(format, Format):
        try:
            return format(), []
        except Exception as err:
            problem = f"{format.__qualname__}() raised {_raised(err)}; a format takes no arguments"
            return None, [("declaration", problem)]
    msg = f"check_format() takes a Format subclass, instance or name, not {format!r}"
    raise TypeError(msg)


def _declaration(fmt: Format, registry: Registry) -> list[str]:
    """List what is wrong with the class attributes, each with what to do."""
    cls = type(fmt)
    problems = declaration_problems(cls)
    extensions = getattr(cls, "extensions", ())
    if isinstance(extensions, tuple) and len(set(extensions)) != len(extensions):
        problems.append(f"`extensions` repeat an ending (got {extensions!r})")
    encoding = getattr(cls, "encoding", None)
    if isinstance(encoding, str):
        try:
            codecs.lookup(encoding)
        except LookupError:
            problems.append(f"set `encoding` to a codec Python knows, such as 'utf-8' (got {encoding!r})")
    description = getattr(cls, "description", None)
    if not isinstance(description, str) or not description.strip() or "\n" in description:
        problems.append(f"set `description` to one line saying what the format is (got {description!r})")
    version = getattr(cls, "version_added", None)
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        problems.append(
            f"set `version_added` to the version of your package that added the format, such as '1.0' (got {version!r})"
        )
    url = getattr(cls, "url", None)
    if url is not None and not (isinstance(url, str) and url.startswith(("https://", "http://"))):
        problems.append(f"set `url` to None or the http(s) address of the format's specification (got {url!r})")
    if not cls.__dict__.get("__doc__"):
        problems.append(f"add a docstring to class {cls.__qualname__} saying what the format is")
    if cls.read is Format.read:
        problems.append(f"override `read(self, stream, context)` in {cls.__qualname__}")
    problems.extend(_clashes(fmt, registry))
    return problems


def _clashes(fmt: Format, registry: Registry) -> list[str]:
    """Names and aliases that an installed format of another class already answers to."""
    name = getattr(fmt, "name", None)
    aliases = getattr(fmt, "aliases", ())
    keys = [key for key in (name, *(aliases if isinstance(aliases, tuple) else ())) if isinstance(key, str)]
    problems = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginWarning)
        for key in keys:
            try:
                other = registry.get(key)
            except (UnknownFormatError, FormatLoadError):
                continue
            if type(other) is not type(fmt):
                where = registry.origin(other.name)
                problems.append(
                    f"{key!r} is already the name or an alias of format {other.name!r} from {where}; choose another"
                )
    return problems


class _Runner:
    """Runs the Hypothesis checks of one format."""

    def __init__(
        self,
        fmt: Format,
        registry: Registry,
        articles: SearchStrategy[Article] | None,
        samples: tuple[bytes, ...],
        max_examples: int | None,
    ) -> None:
        from hypothesis import HealthCheck, settings

        self.fmt = fmt
        self.registry = registry
        self.samples = samples
        self.encoding = str(getattr(fmt, "encoding", "utf-8"))
        base = settings.default
        assert base is not None
        self.settings = settings(
            base,
            max_examples=base.max_examples if max_examples is None else max_examples,
            # Wire formats parse kilobytes per example on shared CI machines:
            # a deadline would only make the contract flaky.
            deadline=None,
            suppress_health_check=(*base.suppress_health_check, HealthCheck.too_slow),
            # One failure per check, shrunk, is what a format author can act on.
            report_multiple_bugs=False,
        )
        self.articles, self.no_articles = self._articles(articles)
        self._registry_for_detection: Registry | None = None

    def _articles(self, given: SearchStrategy[Article] | None) -> tuple[SearchStrategy[Article] | None, str | None]:
        if not self.fmt.can_write:
            return None, None
        if given is not None:
            return given, None
        from .strategies import articles_for

        try:
            return articles_for(self.fmt.name), None
        except LookupError:
            return None, (
                f"format {self.fmt.name!r} writes, but wirecopy has no strategy of articles it can represent: "
                "pass check_format(..., articles=<a strategy of articles the format writes and reads back "
                "unchanged>), built from wirecopy.strategies"
            )

    def run(self, check: str) -> str | None:
        """Run one check; return its failure message, or None when it passes (or does not apply)."""
        if check in ("roundtrip", "detection"):
            if not self.fmt.can_write:
                return None
            if self.articles is None:
                return self.no_articles
        from hypothesis import given
        from hypothesis import strategies as st

        prop: Callable[[DataObject], None] = getattr(self, f"_{check}")

        def contract(data: DataObject) -> None:
            prop(data)

        # Hypothesis names the test in its report: say which check.
        contract.__name__ = f"check_format_{check}"
        contract.__qualname__ = f"check_format[{self.fmt.name!r}].{check}"
        # Every run shares this function's source, hence one key in Hypothesis'
        # example database: without a key of its own, an example saved for one
        # format would be replayed for the next.  Hypothesis' pytest plugin
        # separates parametrized tests the same way.
        contract.__dict__["_hypothesis_internal_add_digest"] = self._database_key(check)
        test = given(data=st.data())(self.settings(contract))
        try:
            # The classic edge cases first, so that they never depend on luck.
            if check == "sniff":
                for head in _EDGE_BYTES:
                    for filename in self._filenames():
                        self._sniff_one(head, filename)
            elif check == "read":
                edges: tuple[bytes | str, ...] = (*_EDGE_BYTES, *_EDGE_TEXT)
                for raw in edges:
                    self._read_one(raw)
            test()
        except _Violation as err:
            return str(err)
        except Exception as err:  # Hypothesis could not run the check (a health check, a strategy)
            return f"Hypothesis could not run the check: {_raised(err)}"
        return None

    def _database_key(self, check: str) -> bytes:
        """What tells this run's saved examples apart: the check, the format, the strategy and the samples."""
        cls = type(self.fmt)
        digest = hashlib.sha256()
        for part in ("wirecopy.testing", check, cls.__module__, cls.__qualname__, str(getattr(self.fmt, "name", ""))):
            digest.update(part.encode("utf-8", "replace") + b"\0")
        digest.update(repr(self.articles).encode("utf-8", "replace") + b"\0")
        for sample in self.samples:
            digest.update(hashlib.sha256(sample).digest())
        return digest.digest()

    # -- the properties ---------------------------------------------------

    def _sniff(self, data: DataObject) -> None:
        from hypothesis import strategies as st

        sources = [st.binary(max_size=2000), self._own_output(), self._damaged()]
        if self.samples:
            sources.append(st.sampled_from(self.samples))
        head = data.draw(st.one_of(sources), label="head")[:HEAD_SIZE]
        filename = data.draw(st.sampled_from(self._filenames()), label="filename")
        self._sniff_one(head, filename)

    def _sniff_one(self, head: bytes, filename: str | None) -> None:
        call = f"sniff({_show(head)}, {filename!r})"
        try:
            score = self.fmt.sniff(head, filename)
            again = self.fmt.sniff(head, filename)
        except Exception as err:
            raise _Violation(
                f"{call} raised {_raised(err)}; sniff must return 0.0 for input it does not know, never raise"
            ) from err
        if not isinstance(score, float):
            raise _Violation(f"{call} returned {score!r}, a {type(score).__name__}; return a float from 0.0 to 1.0")
        if not 0.0 <= score <= 1.0:
            raise _Violation(f"{call} returned {score!r}; return a float from 0.0 to 1.0")
        if again != score:
            raise _Violation(f"{call} returned {score!r}, then {again!r}; sniff must be pure")

    def _filenames(self) -> tuple[str | None, ...]:
        return (*_FILENAMES, *(f"x{ext}" for ext in self._extensions()))

    def _read(self, data: DataObject) -> None:
        from hypothesis import strategies as st

        sources: list[SearchStrategy[bytes] | SearchStrategy[str]] = [
            st.binary(max_size=2000),
            st.text(max_size=500),
            self._damaged(),
        ]
        raw: bytes | str = data.draw(st.one_of(*sources), label="input")
        self._read_one(raw)

    def _read_one(self, raw: bytes | str) -> None:
        modes: tuple[ErrorMode, ...] = ("strict", "warn", "skip")
        if isinstance(raw, str) and not _encodes(raw, self.encoding):
            # loads() refuses text the format's encoding cannot hold before
            # the format sees it, in every mode: not the format's doing.
            modes = ("strict",)
        for errors in modes:
            call = f"loads({_show(raw)}, {self.fmt.name!r}, errors={errors!r})"
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    articles = loads(raw, self.fmt, errors=errors)
                except WirecopyError as err:
                    if errors == "strict":
                        continue
                    raise _Violation(
                        f"{call} raised {_raised(err)}; under warn and skip a format reports problems through "
                        "its ReadContext (context.defect, context.skip) and goes on"
                    ) from err
                except Exception as err:
                    allowed = "nothing but WirecopyError (ParseError)" if errors == "strict" else "nothing"
                    raise _Violation(
                        f"{call} raised {_raised(err)}; reading may raise {allowed}: catch it and report it "
                        "with context.defect() or context.skip(context.error(...))"
                    ) from err
            stray = [w for w in caught if not (errors == "warn" and issubclass(w.category, SkippedDocumentWarning))]
            if stray:
                warning = stray[0]
                raise _Violation(
                    f"{call} issued {warning.category.__name__}({str(warning.message)!r}); a format reports problems "
                    "through its ReadContext, not with warnings"
                )
            odd = [a for a in articles if not isinstance(a, Article)]
            if odd:
                raise _Violation(f"{call} returned {odd[0]!r}; read() must yield wirecopy.Article records")

    def _roundtrip(self, data: DataObject) -> None:
        article = self._draw_article(data)
        text = self._dump(article)
        # A format that stores defects (jsonl) returns them under warn: under
        # strict, the first raises, as reading the original would have.
        errors: ErrorMode = "warn" if article.defects else "strict"
        try:
            back = loads(text, self.fmt, errors=errors)
        except Exception as err:
            raise _Violation(
                f"reading the format's own output raised {_raised(err)}; the output was:\n{_show(text)}"
            ) from err
        if back != [article]:
            raise _Violation(_mismatch(article, back, text))

    def _detection(self, data: DataObject) -> None:
        article = self._draw_article(data)
        output = self._dump(article).encode(self.encoding)
        registry = self._detection_registry()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PluginWarning)
            detection = rank(output[:HEAD_SIZE], None, registry)
        if detection.best != self.fmt.name:
            raise _Violation(_undetected(self.fmt.name, detection, output))

    # -- helpers ----------------------------------------------------------

    def _extensions(self) -> tuple[str, ...]:
        extensions = getattr(self.fmt, "extensions", ())
        return tuple(e for e in extensions if isinstance(e, str)) if isinstance(extensions, tuple) else ()

    def _draw_article(self, data: DataObject) -> Article:
        assert self.articles is not None
        article: Article = data.draw(self.articles, label="article")
        return article

    def _dump(self, article: Article) -> str:
        try:
            return dumps(article, self.fmt)
        except WriteError as err:
            raise _Violation(
                f"dumps() raised {_raised(err)} for {article!r}: the article strategy must generate only "
                "articles the format can write"
            ) from err
        except Exception as err:
            raise _Violation(
                f"dumps() raised {_raised(err)} for {article!r}; a writer raises WriteError for an article "
                "it cannot hold"
            ) from err

    def _own_output(self) -> SearchStrategy[bytes]:
        from hypothesis import strategies as st

        if self.articles is None:
            return st.nothing()
        return self.articles.map(self._written).filter(bool)

    def _written(self, article: Article) -> bytes:
        # The strategy may hold articles the writer refuses: those are the
        # roundtrip check's to report, not the sniff or read check's.
        try:
            return dumps(article, self.fmt).encode(self.encoding)
        except Exception:
            return b""

    def _damaged(self) -> SearchStrategy[bytes]:
        """Copies of real or written documents with bytes cut, inserted, replaced or cut off."""
        from hypothesis import strategies as st

        sources: list[SearchStrategy[bytes]] = [st.sampled_from(self.samples)] if self.samples else []
        if self.articles is not None:
            sources.append(self._own_output())
        if not sources:
            return st.nothing()
        return st.builds(_damage, st.one_of(sources), st.lists(_edits(), min_size=1, max_size=4))

    def _detection_registry(self) -> Registry:
        if self._registry_for_detection is None:
            self._registry_for_detection = self._build_detection_registry()
        return self._registry_for_detection

    def _build_detection_registry(self) -> Registry:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PluginWarning)
            try:
                if type(self.registry.get(self.fmt.name)) is type(self.fmt):
                    return self.registry
            except (UnknownFormatError, FormatLoadError):
                pass
            # A plugin under test is usually not installed yet: detect among
            # every installed format plus this one.
            from .formats import BUILTIN_FORMATS

            registry = Registry(BUILTIN_FORMATS, group=ENTRY_POINT_GROUP)
            # A clash is reported by the declaration check.
            with contextlib.suppress(DuplicateFormatError, FormatLoadError):
                registry.register(type(self.fmt), origin="the format under check")
            return registry


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def _edits() -> SearchStrategy[tuple[str, int, bytes, int | None]]:
    from hypothesis import strategies as st

    return st.tuples(
        st.sampled_from(("cut", "insert", "replace", "truncate")),
        st.integers(0, 1 << 16),
        st.one_of(
            st.binary(min_size=1, max_size=8),
            st.sampled_from((b"\n", b"\r\n", b"<", b"\x00", b"\xff", b" -- ", b";", b"&")),
        ),
        # An offset from a structural byte, or None for a plain position.
        st.none() | st.integers(-3, 3),
    )


# Where parsers decide things: entities, tags, line ends, control bytes.  An
# edit spread evenly over a long document seldom lands inside "&Cx1f;" or a
# tag, so half the edits are aimed at one of these bytes.  The byte is chosen
# first and its occurrence second, so that a rare "&" is aimed at as often as
# the commonest line end.
_STRUCTURAL = frozenset(b"&;<>\n\r=^_-" + bytes(range(0x20)))


def _damage(data: bytes, edits: list[tuple[str, int, bytes, int | None]]) -> bytes:
    buffer = bytearray(data)
    for kind, where, chunk, near in edits:
        at = where % (len(buffer) + 1)
        if near is not None:
            present = sorted(_STRUCTURAL.intersection(buffer))
            if present:
                byte = present[where % len(present)]
                count = buffer.count(byte)
                occurrence = (where // len(present)) % count
                anchor = -1
                for _ in range(occurrence + 1):
                    anchor = buffer.index(byte, anchor + 1)
                at = min(max(anchor + near, 0), len(buffer))
        if kind == "cut":
            del buffer[at : at + len(chunk)]
        elif kind == "insert":
            buffer[at:at] = chunk
        elif kind == "replace":
            buffer[at : at + len(chunk)] = chunk
        else:
            del buffer[at:]
    return bytes(buffer)


def _raised(err: BaseException) -> str:
    """``KeyError('x') in AcmeFeed.read (acme.py, line 42)``: the exception and where it came from."""
    frames = traceback.extract_tb(err.__traceback__)
    text = f"{type(err).__name__}({str(err)!r})" if not isinstance(err, KeyError) else repr(err)
    if not frames:
        return text
    frame = frames[-1]
    where = frame.name
    tb = err.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is not None:
        where = getattr(tb.tb_frame.f_code, "co_qualname", where)
    return f"{text} in {where} ({_basename(frame.filename)}, line {frame.lineno})"


def _basename(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _show(value: bytes | str) -> str:
    text = repr(value)
    if len(text) <= _SHOWN:
        return text
    unit = "bytes" if isinstance(value, bytes) else "characters"
    return f"{text[:_SHOWN]}... ({len(value)} {unit})"


def _mismatch(article: Article, back: list[Article], text: str) -> str:
    if len(back) != 1:
        return (
            f"loads(dumps(a)) returned {len(back)} articles for one: {back!r}\n"
            f"a = {article!r}\nthe output was:\n{_show(text)}"
        )
    fields = [
        f"  {field.name}: wrote {getattr(article, field.name)!r}, read back {getattr(back[0], field.name)!r}"
        for field in attrs.fields(Article)
        if field.eq and getattr(article, field.name) != getattr(back[0], field.name)
    ]
    return (
        "loads(dumps(a)) != [a]: the format does not read back what it wrote. Make the writer and the reader agree, "
        "or keep the article strategy to what the format can represent.\n"
        + "\n".join(fields)
        + f"\nthe output was:\n{_show(text)}"
    )


def _undetected(name: str, detection: Detection, output: bytes) -> str:
    scores = {c.name: c.score for c in detection.candidates}
    own = scores.get(name, 0.0)
    shown = ", ".join(f"{c.name} ({c.score:.2f})" for c in detection.candidates[:5]) or "none"
    chosen = "nothing" if detection.best is None else repr(detection.best)
    return (
        f"detect() chose {chosen} for the format's own output, not {name!r}; candidates: {shown}. "
        f"sniff() scored it {own:.2f}: score your own output at least 0.5 and 0.1 above every other format. "
        f"The output began:\n{_show(output[:_SHOWN])}"
    )
