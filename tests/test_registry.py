"""The format registry: built-ins, entry-point plugins, broken plugins and duplicates."""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator
from importlib import metadata
from typing import Any, BinaryIO

import pytest

import wirecopy
from wirecopy import DuplicateFormatError, Format, FormatLoadError, PluginWarning, UnknownFormatError
from wirecopy.context import ReadContext
from wirecopy.format import declaration_problems
from wirecopy.formats import BUILTIN_FORMATS
from wirecopy.registry import Registry


class _Feed(Format):
    name = "test-feed"
    aliases = ("tfeed",)
    extensions = (".tfeed",)
    description = "a test feed"
    version_added = "0.1"

    def sniff(self, head: bytes, filename: str | None) -> float:
        return 1.0 if head.startswith(b"TFEED\n") else 0.0

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[wirecopy.Article]:
        for number, line in enumerate(stream.read().decode().splitlines()[1:], 2):
            yield context.document(line=number).article(format=self.name, headline=line)


class _FakeDist:
    name = "wirecopy-test-plugin"
    version = "1.2"


def _entry_point(name: str, value: str) -> metadata.EntryPoint:
    ep = metadata.EntryPoint(name=name, value=value, group="wirecopy.formats")
    # EntryPoint is immutable; the distribution is attached the way importlib does it.
    vars(ep)["dist"] = _FakeDist()
    return ep


@pytest.fixture
def plugin_module() -> Iterator[str]:
    """A module importable as 'wirecopy_test_plugin' holding the _Feed class, and one that fails."""
    module = types.ModuleType("wirecopy_test_plugin")
    module.Feed = _Feed  # type: ignore[attr-defined]
    sys.modules["wirecopy_test_plugin"] = module
    yield "wirecopy_test_plugin"
    del sys.modules["wirecopy_test_plugin"]


def _registry(monkeypatch: pytest.MonkeyPatch, *eps: metadata.EntryPoint) -> Registry:
    def fake_entry_points(**kwargs: Any) -> list[metadata.EntryPoint]:
        assert kwargs == {"group": "wirecopy.formats"}
        return list(eps)

    monkeypatch.setattr(metadata, "entry_points", fake_entry_points)
    return Registry(BUILTIN_FORMATS)


class TestBuiltins:
    @pytest.mark.parametrize("name", sorted(BUILTIN_FORMATS))
    def test_table_matches_classes(self, name: str) -> None:
        """Each BUILTIN_FORMATS entry names a class whose name and aliases match the table."""
        target, aliases = BUILTIN_FORMATS[name]
        module, _, attr = target.partition(":")
        cls = getattr(importlib.import_module(module), attr)
        assert cls.name == name, f"BUILTIN_FORMATS key {name!r} differs from {target}.name {cls.name!r}"
        assert cls.aliases == aliases, f"update the aliases of {name!r} in BUILTIN_FORMATS to {cls.aliases!r}"
        assert declaration_problems(cls) == []
        assert cls.version_added, f"Please add `version_added = ...` to {target}"
        assert cls.description, f"Please add `description = ...` to {target}"
        assert cls.__doc__, f"Please add a docstring to {target}"

    def test_names_and_aliases_are_unique(self) -> None:
        """No name or alias is claimed by two built-in formats."""
        seen = [n for name, (_, aliases) in BUILTIN_FORMATS.items() for n in (name, *aliases)]
        assert len(seen) == len(set(seen))

    def test_lookup_is_case_insensitive_and_by_alias(self) -> None:
        """get_format finds a format by its alias in any case."""
        assert wirecopy.get_format("CNN").name == "cnn-reuters"
        assert wirecopy.get_format(" cnn-reuters ").name == "cnn-reuters"

    def test_unknown_lists_the_known(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An unknown name raises UnknownFormatError listing every known format."""
        registry = _registry(monkeypatch)
        with pytest.raises(UnknownFormatError) as info:
            registry.get("nope")
        assert (
            str(info.value) == f"no format for alias 'nope' found; known formats: {', '.join(sorted(BUILTIN_FORMATS))}"
        )
        assert isinstance(info.value, LookupError)

    def test_import_does_not_load_formats(self) -> None:
        """Importing wirecopy imports no format module; they load on first use."""
        code = "import sys, wirecopy; print(any(m.startswith('wirecopy.formats.') for m in sys.modules))"
        import subprocess

        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.strip() == "False"


class TestPlugins:
    def test_entry_point_plugin_is_found(self, monkeypatch: pytest.MonkeyPatch, plugin_module: str) -> None:
        """A format published under wirecopy.formats is found by name and alias, with its origin."""
        registry = _registry(monkeypatch, _entry_point("test-feed", f"{plugin_module}:Feed"))
        assert registry.get("tfeed").name == "test-feed"
        assert registry.origin("test-feed") == "wirecopy-test-plugin 1.2 (entry point 'test-feed')"
        assert "test-feed" in [f.name for f in registry.all()]

    def test_alias_of_unloaded_plugin(self, monkeypatch: pytest.MonkeyPatch, plugin_module: str) -> None:
        """An alias known only after import is still found, by loading the plugins."""
        registry = _registry(monkeypatch, _entry_point("test-feed", f"{plugin_module}:Feed"))
        assert registry.get("TFEED").name == "test-feed"

    def test_broken_plugin_breaks_nothing_else(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A plugin that raises on import is reported by name and leaves the other formats working."""
        registry = _registry(monkeypatch, _entry_point("broken", "wirecopy_no_such_module:Thing"))
        assert registry.get("cnn").name == "cnn-reuters"
        with pytest.warns(PluginWarning, match="format plugin 'broken' from wirecopy-test-plugin 1.2"):
            names = [f.name for f in registry.all()]
        assert "broken" not in names and "cnn-reuters" in names
        [failure] = registry.failures()
        assert "No module named 'wirecopy_no_such_module'" in str(failure)
        with pytest.raises(FormatLoadError, match="'broken'"):
            registry.get("broken")

    def test_plugin_name_must_match_entry_point(self, monkeypatch: pytest.MonkeyPatch, plugin_module: str) -> None:
        """A plugin whose class name differs from its entry point is refused with both names."""
        registry = _registry(monkeypatch, _entry_point("other", f"{plugin_module}:Feed"))
        with pytest.warns(PluginWarning), pytest.raises(FormatLoadError, match="differs from its entry point 'other'"):
            registry.get("other")

    def test_plugin_shadowing_a_builtin_is_refused(self, monkeypatch: pytest.MonkeyPatch, plugin_module: str) -> None:
        """A plugin that claims a built-in name is not loaded, and the built-in still answers."""
        with pytest.warns(PluginWarning, match="already registered by wirecopy \\(built-in\\)"):
            registry = _registry(monkeypatch, _entry_point("jsonl", f"{plugin_module}:Feed"))
            registry.names()
        assert registry.get("jsonl").name == "jsonl"

    def test_detection_finds_the_plugin(self, monkeypatch: pytest.MonkeyPatch, plugin_module: str) -> None:
        """Detection scores plugins too."""
        registry = _registry(monkeypatch, _entry_point("test-feed", f"{plugin_module}:Feed"))
        assert wirecopy.detect(b"TFEED\nhello\n", registry=registry).best == "test-feed"


class TestRegister:
    def test_duplicate_names_both_origins(self) -> None:
        """Registering a second format under a taken alias raises DuplicateFormatError naming both."""
        registry = Registry(BUILTIN_FORMATS, group=None)

        class Clash(_Feed):
            """A clash."""

            name = "clash"
            aliases = ("cnn",)

        with pytest.raises(DuplicateFormatError) as info:
            registry.register(Clash)
        assert str(info.value) == (
            f"format 'cnn' from module {__name__} (registered in-process) is already registered by wirecopy (built-in)"
        )

    def test_register_and_use(self) -> None:
        """A format registered in-process reads through the public API."""
        wirecopy.register_format(_Feed)
        try:
            assert [a.headline for a in wirecopy.loads("TFEED\none\ntwo\n")] == ["one", "two"]
        finally:
            wirecopy.registry.default_registry.unregister("test-feed")

    def test_all_follows_register_and_unregister(self) -> None:
        """all(), kept between calls, lists a format once it is registered and drops it once it is removed."""
        registry = Registry(BUILTIN_FORMATS, group=None)
        before = registry.all()
        assert registry.all() is before
        registry.register(_Feed)
        assert "test-feed" in [f.name for f in registry.all()]
        registry.unregister("test-feed")
        assert registry.all() == before

    def test_malformed_declaration(self) -> None:
        """A format with an upper-case name is refused with an actionable message."""

        class Bad(_Feed):
            """Bad."""

            name = "Bad Name"

        with pytest.raises(FormatLoadError, match="set `name` to a lower-case name"):
            Registry(group=None).register(Bad)
