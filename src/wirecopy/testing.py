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
import io
import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ._contract import (
    EDGE_BYTES,
    EDGE_TEXT,
    ENTITY_PROBES,
    PROBE_TEXT,
    damage,
    edits,
    encodes,
    mismatch,
    raised,
    show,
    undetected,
    with_entity,
)
from ._io import HEAD_SIZE
from .api import Reader, dumps, loads
from .article import Article
from .context import ReadContext
from .detection import rank
from .errors import (
    DuplicateFormatError,
    FormatLoadError,
    SkippedDocumentWarning,
    UncountedDocumentWarning,
    UnknownFormatError,
    WirecopyError,
    WriteError,
)
from .format import Format, declaration_problems, is_xml
from .policy import ErrorMode, Policy
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
#:     Reading random bytes, random text, the samples and damaged copies of
#:     them and of the format's own output raises nothing but
#:     :class:`~wirecopy.errors.WirecopyError` under ``errors="strict"``, and
#:     nothing at all under ``"warn"`` or ``"skip"``; every document started
#:     with :meth:`ReadContext.document() <wirecopy.context.ReadContext.document>`
#:     is returned or reported (none is lost in silence), and every article
#:     returned carries its :class:`~wirecopy.article.Origin`.
#: ``entities``
#:     For a format that declares an XML media type
#:     (:attr:`Format.media_types <wirecopy.format.Format.media_types>`): a
#:     document that declares an entity (internal, external or parameter) is
#:     refused with :class:`~wirecopy.errors.ParseError` under ``strict``, and
#:     its entity is never expanded into an article under ``warn`` or ``skip``.
#: ``roundtrip``
#:     For a format that writes: ``loads(dumps(a)) == [a]`` for every
#:     article *a* the format can represent.
#: ``detection``
#:     For a format that writes: :func:`wirecopy.detect` names the format
#:     for its own output, from the content alone.
CHECKS: tuple[str, ...] = ("declaration", "sniff", "read", "entities", "roundtrip", "detection")

_VERSION = re.compile(r"\d+\.\d+")
# File names sniff is called with, besides the format's own extensions.
_FILENAMES: tuple[str | None, ...] = (None, "x.txt", "x.xml", "x.sgml", "noext", "X.TXT", "feed.json")


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
    for check in ("sniff", "read", "entities", "roundtrip", "detection"):
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
            problem = f"{format.__qualname__}() raised {raised(err)}; a format takes no arguments"
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
        if check == "entities" and (not is_xml(self.fmt) or (self.articles is None and not self.samples)):
            return None
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
                for head in EDGE_BYTES:
                    for filename in self._filenames():
                        self._sniff_one(head, filename)
            elif check == "read":
                edges: tuple[bytes | str, ...] = (*EDGE_BYTES, *EDGE_TEXT)
                for raw in edges:
                    self._read_one(raw)
                for sample in self.samples:
                    self._read_one(sample)
            elif check == "entities":
                for sample in self.samples:
                    for probe in ENTITY_PROBES:
                        self._entities_one(sample, probe)
            test()
        except _Violation as err:
            return str(err)
        except Exception as err:  # Hypothesis could not run the check (a health check, a strategy)
            return f"Hypothesis could not run the check: {raised(err)}"
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
        call = f"sniff({show(head)}, {filename!r})"
        try:
            score = self.fmt.sniff(head, filename)
            again = self.fmt.sniff(head, filename)
        except Exception as err:
            raise _Violation(
                f"{call} raised {raised(err)}; sniff must return 0.0 for input it does not know, never raise"
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
        if isinstance(raw, str) and not encodes(raw, self.encoding):
            # loads() refuses text the format's encoding cannot hold before
            # the format sees it, in every mode: not the format's doing.
            modes = ("strict",)
        for errors in modes:
            call = f"loads({show(raw)}, {self.fmt.name!r}, errors={errors!r})"
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    articles, context, returned = self._read_counted(raw, errors)
                except WirecopyError as err:
                    if errors == "strict":
                        continue
                    raise _Violation(
                        f"{call} raised {raised(err)}; under warn and skip a format reports problems through "
                        "its ReadContext (doc.defect(), doc.leave_out(), context.leave_out()) and goes on"
                    ) from err
                except Exception as err:
                    allowed = "nothing but WirecopyError (ParseError)" if errors == "strict" else "nothing"
                    raise _Violation(
                        f"{call} raised {raised(err)}; reading may raise {allowed}: catch it and report it "
                        "with doc.defect() or doc.leave_out()"
                    ) from err
            # A miscount is reported below, with what to do about it.
            stray = [
                w
                for w in caught
                if not (errors == "warn" and issubclass(w.category, SkippedDocumentWarning))
                and not issubclass(w.category, UncountedDocumentWarning)
            ]
            if stray:
                warning = stray[0]
                raise _Violation(
                    f"{call} issued {warning.category.__name__}({str(warning.message)!r}); a format reports problems "
                    "through its ReadContext, not with warnings"
                )
            odd = [a for a in articles if not isinstance(a, Article)]
            if odd:
                raise _Violation(f"{call} returned {odd[0]!r}; read() must yield wirecopy.Article records")
            self._check_accounting(call, articles, context, returned)

    def _read_counted(self, raw: bytes | str, errors: ErrorMode) -> tuple[list[Article], ReadContext, int]:
        """Read *raw* as :func:`wirecopy.loads` does, keeping the context to check its counts."""
        policy = Policy(errors=errors)
        if isinstance(raw, str):
            if not encodes(raw, self.encoding):
                # loads() raises its ParseError before the format sees the text.
                return loads(raw, self.fmt, errors=errors), ReadContext(policy), 0
            context = ReadContext(policy, None, text_encoding=self.encoding)
            data = raw.encode(self.encoding)
        else:
            context = ReadContext(policy, None)
            data = raw
        reader = Reader(io.BytesIO(data), self.fmt, context, owned=True)
        articles = list(reader)
        return articles, context, reader.returned

    def _check_accounting(self, call: str, articles: list[Article], context: ReadContext, returned: int) -> None:
        """Every document started is returned or reported, and every article says where it came from."""
        if context.documents != returned + context.left_out:
            raise _Violation(
                f"{call} started {context.documents} documents (context.document()) but returned {returned} and "
                f"left out {context.left_out}: a document was lost without a word. Call context.document() once per "
                "document, then either yield doc.article(...) or call doc.leave_out(...)"
            )
        missing = [a for a in articles if a.origin is None]
        if missing:
            raise _Violation(
                f"{call} returned an article without an origin ({missing[0]!r}); build articles with "
                "doc.article(...), which gives each its file, line, offset and index"
            )

    def _entities(self, data: DataObject) -> None:
        from hypothesis import strategies as st

        sources: list[SearchStrategy[bytes]] = [self._own_output()] if self.articles is not None else []
        if self.samples:
            sources.append(st.sampled_from(self.samples))
        document = data.draw(st.one_of(sources), label="document")
        probe = data.draw(st.sampled_from(ENTITY_PROBES), label="declaration")
        self._entities_one(document, probe)

    def _entities_one(self, document: bytes, probe: bytes) -> None:
        attack = with_entity(document, probe)
        if attack is None:
            return
        call = f"loads({show(attack)}, {self.fmt.name!r}, errors={{mode!r}})"
        try:
            loads(attack, self.fmt, errors="strict")
        except WirecopyError:
            pass
        except Exception as err:
            raise _Violation(f"{call.format(mode='strict')} raised {raised(err)}") from err
        else:
            raise _Violation(
                f"{call.format(mode='strict')} read a document that declares an entity without raising ParseError: "
                "an XML format must refuse entity declarations (entity bombs, external entities); use the safe "
                "parser of wirecopy.kit.xml"
            )
        for errors in ("warn", "skip"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", SkippedDocumentWarning)
                try:
                    articles = loads(attack, self.fmt, errors=errors)
                except Exception as err:
                    raise _Violation(f"{call.format(mode=errors)} raised {raised(err)}") from err
            text = repr([a.to_dict() for a in articles])
            if PROBE_TEXT in text:
                raise _Violation(
                    f"{call.format(mode=errors)} expanded an entity declared in the document into an article: "
                    "an XML format must never expand entities; use the safe parser of wirecopy.kit.xml"
                )

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
                f"reading the format's own output raised {raised(err)}; the output was:\n{show(text)}"
            ) from err
        if back != [article]:
            raise _Violation(mismatch(article, back, text))

    def _detection(self, data: DataObject) -> None:
        article = self._draw_article(data)
        output = self._dump(article).encode(self.encoding)
        registry = self._detection_registry()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PluginWarning)
            detection = rank(output[:HEAD_SIZE], None, registry)
        if detection.best != self.fmt.name:
            raise _Violation(undetected(self.fmt.name, detection, output))

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
                f"dumps() raised {raised(err)} for {article!r}: the article strategy must generate only "
                "articles the format can write"
            ) from err
        except Exception as err:
            raise _Violation(
                f"dumps() raised {raised(err)} for {article!r}; a writer raises WriteError for an article "
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
        return st.builds(damage, st.one_of(sources), st.lists(edits(), min_size=1, max_size=4))

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
