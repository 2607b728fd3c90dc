"""wirecopy.testing.check_format: what it accepts, and the message for each way a format breaks the contract."""

from __future__ import annotations

import inspect
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any, BinaryIO

import pytest
from hypothesis import strategies as st

from wirecopy import Article, Document, Format, ReadContext, WriteError
from wirecopy.format import is_xml
from wirecopy.registry import Registry, get_format
from wirecopy.strategies import headlines
from wirecopy.testing import CHECKS, FormatContractError, check_format


class Toy(Format):
    """A toy feed: the line ``TOY/1``, then one headline per line."""

    name = "toy-feed"
    extensions = (".toy",)
    description = "a toy feed for the contract's tests"
    version_added = "1.0"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """The signature line is certain."""
        return 1.0 if head.startswith(b"TOY/1\n") else 0.0

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """One article per line after the signature."""
        if stream.readline() != b"TOY/1\n":
            context.leave_out("bad-signature", "not a toy feed: the first line must be TOY/1", line=1, column=1)
            return
        offset = 6
        for number, raw in enumerate(stream, 2):
            start, offset = offset, offset + len(raw)
            doc = context.document(line=number, offset=start)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                doc.leave_out("not-utf8", f"not UTF-8: {err.reason}", line=number, column=err.start + 1)
                continue
            yield self.article(text.rstrip("\n"), doc)

    def article(self, text: str, doc: Document) -> Article:
        """The article of one line."""
        return doc.article(format=self.name, headline=text)

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """The signature, then each headline on a line."""
        stream.write(b"TOY/1\n")
        for article in articles:
            if article.headline is None or "\n" in article.headline:
                msg = f"a toy feed needs a one-line headline (got {article.headline!r})"
                raise WriteError(msg)
            stream.write(article.headline.encode("utf-8") + b"\n")


TOY_ARTICLES = st.builds(Article, format=st.just("toy-feed"), headline=headlines())
HELLO = Article(format="toy-feed", headline="Hello")


def line_of(function: Callable[..., Any], text: str) -> int:
    """The line number, in this file, of the first line of *function* holding *text*."""
    lines, first = inspect.getsourcelines(function)
    return first + next(i for i, line in enumerate(lines) if text in line)


def contract_error(
    fmt: type[Format], *, checks: Iterable[str] = CHECKS, max_examples: int = 30, **kwargs: Any
) -> FormatContractError:
    """Run check_format, which must fail, and return its error."""
    with pytest.raises(FormatContractError) as info:
        check_format(fmt, checks=checks, max_examples=max_examples, **kwargs)
    return info.value


READ_HINT = (
    "reading may raise nothing but WirecopyError (ParseError): catch it and report it with "
    "doc.defect() or doc.leave_out()"
)


class TestPasses:
    def test_a_sound_format_passes_every_check(self) -> None:
        """A format that keeps every rule passes all the checks, without being installed."""
        check_format(Toy, articles=TOY_ARTICLES, max_examples=30)

    def test_an_instance_passes_too(self) -> None:
        """check_format takes an instance as well as a class."""
        check_format(Toy(), articles=TOY_ARTICLES, max_examples=10)

    def test_an_installed_format_by_name(self) -> None:
        """check_format takes the name of an installed format and finds its article strategy itself."""
        check_format("cnn", max_examples=10)

    def test_checks_limits_what_runs(self) -> None:
        """Only the checks named run: a reader that crashes passes a sniff-only check."""

        class Crashing(Toy):
            """Crashes on every input."""

            def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
                """Crash."""
                raise RuntimeError("crash")

        check_format(Crashing, checks=["declaration", "sniff"], max_examples=10)


class TestDeclaration:
    def test_every_problem_is_listed_with_what_to_do(self) -> None:
        """Each malformed attribute is reported, in the order of the declaration, with the fix."""

        class Malformed(Format):
            name = "Acme Feed"
            aliases = ("acme", "acme")
            extensions = (".acme", ".acme")
            encoding = "utf-9"
            description = ""
            url = "ftp://example.com/spec"
            version_added = "1"

        error = contract_error(Malformed, checks=["declaration"])
        assert str(error) == (
            "format 'Acme Feed' breaks the wirecopy format contract (9 failed):\n"
            "[declaration] set `name` to a lower-case name such as 'my-feed' (got 'Acme Feed')\n"
            "[declaration] `aliases` repeat a name (got ('acme', 'acme'))\n"
            "[declaration] `extensions` repeat an ending (got ('.acme', '.acme'))\n"
            "[declaration] set `encoding` to a codec Python knows, such as 'utf-8' (got 'utf-9')\n"
            "[declaration] set `description` to one line saying what the format is (got '')\n"
            "[declaration] set `version_added` to the version of your package that added the format, "
            "such as '1.0' (got '1')\n"
            "[declaration] set `url` to None or the http(s) address of the format's specification "
            "(got 'ftp://example.com/spec')\n"
            "[declaration] add a docstring to class "
            "TestDeclaration.test_every_problem_is_listed_with_what_to_do.<locals>.Malformed saying what the "
            "format is\n"
            "[declaration] override `read(self, stream, context)` in "
            "TestDeclaration.test_every_problem_is_listed_with_what_to_do.<locals>.Malformed"
        )
        assert error.format == "Acme Feed"
        assert [check for check, _ in error.failures] == ["declaration"] * 9

    def test_a_taken_alias(self) -> None:
        """An alias an installed format already answers to is named, with its owner."""

        class Clash(Toy):
            """Claims the alias of the built-in cnn-reuters."""

            aliases = ("cnn",)

        error = contract_error(Clash, checks=["declaration"])
        assert str(error) == (
            "format 'toy-feed' breaks the wirecopy format contract (1 failed):\n"
            "[declaration] 'cnn' is already the name or an alias of format 'cnn-reuters' from wirecopy (built-in); "
            "choose another"
        )

    def test_a_class_that_cannot_be_built(self) -> None:
        """A format whose constructor raises is reported, and nothing else is tried."""

        class NeedsSetup(Toy):
            """Cannot be built."""

            def __init__(self) -> None:
                raise RuntimeError("no config")

        error = contract_error(NeedsSetup)
        line = line_of(NeedsSetup.__init__, "raise RuntimeError")
        assert str(error) == (
            "format 'toy-feed' breaks the wirecopy format contract (1 failed):\n"
            "[declaration] TestDeclaration.test_a_class_that_cannot_be_built.<locals>.NeedsSetup() raised "
            "RuntimeError('no config') in TestDeclaration.test_a_class_that_cannot_be_built.<locals>.NeedsSetup."
            f"__init__ (test_testing.py, line {line}); a format takes no arguments"
        )


class SniffRaises(Toy):
    """Raises on anything but its own signature."""

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Raise on foreign input."""
        if not head.startswith(b"TOY/1\n"):
            raise ValueError("not a toy feed")
        return 1.0


class SniffInt(Toy):
    """Returns an int."""

    def sniff(self, head: bytes, filename: str | None) -> float:
        """0 or 1."""
        return int(head.startswith(b"TOY/1\n"))  # type: ignore[return-value]


class SniffTooSure(Toy):
    """Returns a score above 1."""

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Always 2."""
        return 2.0


class SniffImpure(Toy):
    """Returns a different score on each call."""

    def __init__(self) -> None:
        self.calls = 0

    def sniff(self, head: bytes, filename: str | None) -> float:
        """0.0, then 0.1, then 0.0, ..."""
        self.calls += 1
        return 0.1 * (self.calls % 2 == 0)


class TestSniff:
    def test_raising(self) -> None:
        """A sniff that raises is shown with its input, the exception and where it was raised."""
        error = contract_error(SniffRaises, checks=["sniff"])
        line = line_of(SniffRaises.sniff, "raise ValueError")
        assert str(error) == (
            "format 'toy-feed' breaks the wirecopy format contract (1 failed):\n"
            f"[sniff] sniff(b'', None) raised ValueError('not a toy feed') in SniffRaises.sniff (test_testing.py, "
            f"line {line}); sniff must return 0.0 for input it does not know, never raise"
        )

    @pytest.mark.parametrize(
        ("fmt", "problem"),
        [
            (SniffInt, "returned 0, a int; return a float from 0.0 to 1.0"),
            (SniffTooSure, "returned 2.0; return a float from 0.0 to 1.0"),
            (SniffImpure, "returned 0.0, then 0.1; sniff must be pure"),
        ],
    )
    def test_bad_scores(self, fmt: type[Format], problem: str) -> None:
        """A score that is not a float, is outside [0, 1], or changes between calls is reported."""
        error = contract_error(fmt, checks=["sniff"])
        assert str(error) == (
            f"format 'toy-feed' breaks the wirecopy format contract (1 failed):\n[sniff] sniff(b'', None) {problem}"
        )


class ReadCrashes(Toy):
    """Crashes on a missing signature instead of reporting it."""

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """KeyError on foreign input."""
        if stream.readline() != b"TOY/1\n":
            raise KeyError("signature")
        yield from ()


class ReadRaisesParseError(Toy):
    """Raises ParseError itself instead of letting the policy decide."""

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """ParseError on foreign input, whatever the policy."""
        if stream.readline() != b"TOY/1\n":
            raise context.error("not a toy feed", line=1, column=1)
        yield from ()


class ReadWarns(Toy):
    """Warns instead of reporting through the context."""

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """A UserWarning on foreign input."""
        if stream.readline() != b"TOY/1\n":
            warnings.warn("odd input", UserWarning, stacklevel=1)
        yield from ()


class FragileToy(Toy):
    """Reads ``key: value`` lines and crashes on a line without a colon."""

    def article(self, text: str, doc: Document) -> Article:
        """Split at the colon, trusting that there is one."""
        key, value = text.split(":", 1)
        return doc.article(format=self.name, headline=value.strip(), extra={"key": key})

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """``key: headline`` lines."""
        stream.write(b"TOY/1\n")
        for article in articles:
            stream.write(f"{article.extra['key']}: {article.headline}\n".encode())


FRAGILE_ARTICLES = st.just(Article(format="toy-feed", headline="Hello", extra={"key": "slug"}))


class TestRead:
    def test_an_exception_other_than_parse_error(self) -> None:
        """An exception other than WirecopyError under strict is shown with its input and origin."""
        error = contract_error(ReadCrashes, checks=["read"])
        line = line_of(ReadCrashes.read, "raise KeyError")
        assert str(error) == (
            "format 'toy-feed' breaks the wirecopy format contract (1 failed):\n"
            f"[read] loads(b'', 'toy-feed', errors='strict') raised KeyError('signature') in ReadCrashes.read "
            f"(test_testing.py, line {line}); {READ_HINT}"
        )

    def test_a_parse_error_under_warn(self) -> None:
        """A ParseError raised by the format itself under warn is reported: the context decides, not the format."""
        error = contract_error(ReadRaisesParseError, checks=["read"])
        line = line_of(ReadRaisesParseError.read, "raise context.error")
        assert str(error) == (
            "format 'toy-feed' breaks the wirecopy format contract (1 failed):\n"
            "[read] loads(b'', 'toy-feed', errors='warn') raised ParseError('not a toy feed (at line 1, column 1)') "
            f"in ReadRaisesParseError.read (test_testing.py, line {line}); under warn and skip a format reports "
            "problems through its ReadContext (doc.defect(), doc.leave_out(), context.leave_out()) and goes on"
        )

    def test_a_warning(self) -> None:
        """A warning other than wirecopy's own is reported."""
        error = contract_error(ReadWarns, checks=["read"])
        assert str(error) == (
            "format 'toy-feed' breaks the wirecopy format contract (1 failed):\n"
            "[read] loads(b'', 'toy-feed', errors='strict') issued UserWarning('odd input'); a format reports "
            "problems through its ReadContext, not with warnings"
        )

    def test_damaged_samples_reach_the_parser(self) -> None:
        """Damaged copies of the samples find a crash that random bytes, lacking the signature, never reach."""
        check_format(FragileToy, checks=["read"], max_examples=200)
        samples = [b"TOY/1\nslug: Hello\nnews: World\n"]
        error = contract_error(FragileToy, checks=["read"], samples=samples, max_examples=200)
        self._assert_fragile(error)

    def test_damaged_own_output_reaches_the_parser(self) -> None:
        """For a format that writes, damaged copies of its own output are read too."""
        error = contract_error(FragileToy, checks=["read"], articles=FRAGILE_ARTICLES, max_examples=200)
        self._assert_fragile(error)

    def _assert_fragile(self, error: FormatContractError) -> None:
        line = line_of(FragileToy.article, "text.split")
        pattern = (
            r"format 'toy-feed' breaks the wirecopy format contract \(1 failed\):\n"
            r"\[read\] loads\(b'TOY/1\\n.*', 'toy-feed', errors='strict'\) raised ValueError\('not enough values "
            rf"to unpack \(expected 2, got 1\)'\) in FragileToy.article \(test_testing.py, line {line}\); "
            + re.escape(READ_HINT)
        )
        assert re.fullmatch(pattern, str(error)), str(error)


class Lossy(Toy):
    """Reads headlines back in lower case."""

    def article(self, text: str, doc: Document) -> Article:
        """Lower-case the headline."""
        return doc.article(format=self.name, headline=text.lower())


class WriterRefuses(Toy):
    """Refuses every article."""

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Refuse."""
        raise WriteError("no, thanks")


class Unsniffable(Toy):
    """Never sure of anything."""

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Always 0.3."""
        return 0.3


class TestRoundtripAndDetection:
    def test_a_field_read_back_differently(self) -> None:
        """A round-trip mismatch lists each field that differs and shows the output."""
        error = contract_error(Lossy, checks=["roundtrip"], articles=st.just(HELLO))
        assert str(error) == (
            "format 'toy-feed' breaks the wirecopy format contract (1 failed):\n"
            "[roundtrip] loads(dumps(a)) != [a]: the format does not read back what it wrote. Make the writer and "
            "the reader agree, or keep the article strategy to what the format can represent.\n"
            "  headline: wrote 'Hello', read back 'hello'\n"
            "the output was:\n"
            "'TOY/1\\nHello\\n'"
        )

    def test_an_article_the_writer_refuses(self) -> None:
        """A strategy article the writer refuses is reported as the strategy's fault, with the article."""
        error = contract_error(WriterRefuses, checks=["roundtrip"], articles=st.just(HELLO))
        line = line_of(WriterRefuses.write, "raise WriteError")
        assert str(error) == (
            "format 'toy-feed' breaks the wirecopy format contract (1 failed):\n"
            f"[roundtrip] dumps() raised WriteError('no, thanks') in WriterRefuses.write (test_testing.py, line "
            f"{line}) for {HELLO!r}: the article strategy must generate only articles the format can write"
        )

    def test_own_output_not_detected(self) -> None:
        """Output that detection does not pick is reported with the candidates and the score needed."""
        registry = Registry(group=None)
        registry.register(Unsniffable)
        error = contract_error(Unsniffable, checks=["detection"], articles=st.just(HELLO), registry=registry)
        assert str(error) == (
            "format 'toy-feed' breaks the wirecopy format contract (1 failed):\n"
            "[detection] detect() chose nothing for the format's own output, not 'toy-feed'; candidates: "
            "toy-feed (0.30). sniff() scored it 0.30: score your own output at least 0.5 and 0.1 above every "
            "other format. The output began:\n"
            "b'TOY/1\\nHello\\n'"
        )

    def test_a_writer_without_a_strategy(self) -> None:
        """A format that writes but has no article strategy is told to pass one."""
        error = contract_error(Toy, checks=["roundtrip", "detection"])
        hint = (
            "format 'toy-feed' writes, but wirecopy has no strategy of articles it can represent: pass "
            "check_format(..., articles=<a strategy of articles the format writes and reads back unchanged>), "
            "built from wirecopy.strategies"
        )
        assert error.failures == (("roundtrip", hint), ("detection", hint))


class TestUsage:
    def test_without_hypothesis(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without Hypothesis, check_format says what to install."""
        monkeypatch.setitem(sys.modules, "hypothesis", None)
        with pytest.raises(ImportError) as info:
            check_format(Toy)
        assert str(info.value) == (
            "wirecopy.testing.check_format() runs property tests with Hypothesis, which is not installed: "
            'pip install "wirecopy[hypothesis]"'
        )
        assert info.value.name == "hypothesis"

    def test_unknown_check(self) -> None:
        """An unknown check name is refused with the list of checks."""
        with pytest.raises(ValueError) as info:
            check_format(Toy, checks=["speed"])
        assert (
            str(info.value)
            == "unknown checks ['speed']; the checks are declaration, sniff, read, entities, roundtrip, detection"
        )

    def test_not_a_format(self) -> None:
        """Anything but a format, an instance or a name is a TypeError."""
        with pytest.raises(TypeError) as info:
            check_format(42)  # type: ignore[arg-type]
        assert str(info.value) == "check_format() takes a Format subclass, instance or name, not 42"

    def test_error_is_an_assertion_error(self) -> None:
        """FormatContractError is an AssertionError, so test runners show it as a failed test."""
        assert issubclass(FormatContractError, AssertionError)


class TestTheGuide:
    def test_the_guides_example_meets_the_contract(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The format and the test in docs/writing-a-format.md run, and the format passes check_format."""
        import types

        from .conftest import ROOT

        guide = (ROOT / "docs" / "writing-a-format.md").read_text(encoding="utf-8")
        blocks = re.findall(r"```python\n(.*?)```", guide, re.S)
        [format_code] = [b for b in blocks if "class AcmeFeed(Format)" in b]
        [test_code] = [b for b in blocks if "def test_acme_feed_meets_the_contract" in b]
        plugin = types.ModuleType("wirecopy_acme")
        exec(compile(format_code, "writing-a-format.md", "exec"), plugin.__dict__)
        monkeypatch.setitem(sys.modules, "wirecopy_acme", plugin)
        namespace: dict[str, Any] = {}
        exec(compile(test_code, "writing-a-format.md", "exec"), namespace)
        namespace["test_acme_feed_meets_the_contract"]()
        feed = "ACME/1\nFerry timetable changes|2024-03-02\n"
        [article] = __import__("wirecopy").loads(feed, plugin.AcmeFeed(), errors="strict")
        assert (article.headline, str(article.published)) == ("Ferry timetable changes", "2024-03-02")


class TestDamage:
    def test_plain_edit_lands_where_asked(self) -> None:
        """An edit without an anchor lands at its position, wrapped to the input's length."""
        from wirecopy._contract import damage

        assert damage(b"abcdef", [("insert", 2, b"X", None)]) == b"abXcdef"
        assert damage(b"abcdef", [("truncate", 9, b"X", None)]) == b"ab"  # 9 % 7

    def test_anchored_edit_aims_at_a_rare_structural_byte(self) -> None:
        """An anchored edit picks the structural byte first, so a lone '&' among many line ends is reached."""
        from wirecopy._contract import damage

        text = b"aaaa&Cx1f;bbbb\n\n\n\n\n\n"
        # Structural bytes present, sorted: "\n", "&", ";"; position 1 picks "&".
        assert damage(text, [("insert", 1, b";", 2)]) == b"aaaa&C;x1f;bbbb\n\n\n\n\n\n"
        assert damage(text, [("cut", 1, b"xyz", 2)]) == b"aaaa&C;bbbb\n\n\n\n\n\n"


class TestNothingLost:
    def test_a_document_dropped_in_silence_is_caught(self) -> None:
        """A reader that starts a document and neither returns nor reports it breaks the read check."""

        class Dropping(Toy):
            """Drops comment lines without a word."""

            def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
                """Skip lines that start with '#', silently."""
                for article in super().read(stream, context):
                    if not (article.headline or "").startswith("#"):
                        yield article

        error = contract_error(Dropping, checks=["read"], samples=[b"TOY/1\n# a note\nHello\n"])
        [(check, message)] = error.failures
        assert check == "read"
        assert "started 2 documents (context.document()) but returned 1 and left out 0" in message
        assert "a document was lost without a word" in message

    def test_an_article_without_origin_is_caught(self) -> None:
        """A reader that builds articles itself, without doc.article(), is told to give them their origin."""

        class Originless(Toy):
            """Builds articles without their origin."""

            def article(self, text: str, doc: Document) -> Article:
                """The article of one line, without its origin."""
                return Article(format=self.name, headline=text)

        error = contract_error(Originless, checks=["read"], samples=[b"TOY/1\nHello\n"])
        [(check, message)] = error.failures
        assert check == "read"
        assert "returned an article without an origin" in message
        assert "doc.article(...)" in message


class ToyXML(Format):
    """A toy XML feed read with ElementTree, which expands internal entities: what the entities check catches."""

    name = "toy-xml"
    extensions = (".toyx",)
    media_types = ("application/xml",)
    description = "a toy XML feed that trusts its input"
    version_added = "1.0"

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """One article per <story>, its text the headline."""
        import xml.etree.ElementTree as ET

        doc = context.document(line=1, offset=0)
        try:
            root = ET.fromstring(stream.read())
        except ET.ParseError as err:
            doc.leave_out("not-xml", f"not XML: {err}", line=1, column=1)
            return
        yield doc.article(format=self.name, headline="".join(root.itertext()).strip() or None)


class TestEntities:
    def test_an_xml_reader_that_expands_entities_is_caught(self) -> None:
        """A format that declares an XML media type and accepts entity declarations breaks the entities check."""
        error = contract_error(ToyXML, checks=["entities"], samples=[b"<feed><story>Hello</story></feed>"])
        [(check, message)] = error.failures
        assert check == "entities"
        assert "read a document that declares an entity without raising ParseError" in message
        assert "<!DOCTYPE feed [<!ENTITY probe" in message

    def test_formats_that_are_not_xml_are_not_probed(self) -> None:
        """The entities check applies only to formats whose media_types say XML."""
        check_format(Toy, checks=["entities"], samples=[b"TOY/1\n<x>&y;</x>\n"], max_examples=5)

    def test_the_built_in_xml_formats_refuse_entities(self) -> None:
        """Every built-in XML format passes the entities check on its own output."""
        for name in ("nitf", "newsml-g2", "newsml-1", "rcv1-xml"):
            assert is_xml(get_format(name)), f"{name} does not declare an XML media type"
            check_format(name, checks=["entities"], max_examples=10)
