"""The public API is exactly what wirecopy/__init__.py lists in __all__."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import wirecopy


def test_all_is_sorted_and_exported() -> None:
    """__all__ is sorted, and every name in it exists."""
    assert list(wirecopy.__all__) == sorted(wirecopy.__all__)
    for name in wirecopy.__all__:
        assert hasattr(wirecopy, name), name


def test_import_star() -> None:
    """from wirecopy import * binds exactly __all__."""
    namespace: dict[str, object] = {}
    exec("from wirecopy import *", namespace)
    assert sorted(k for k in namespace if k != "__builtins__") == sorted(wirecopy.__all__)


def test_dir_has_no_private_leaks() -> None:
    """Every public name in dir(wirecopy) is in __all__ or is a public submodule."""
    submodules = {m.name for m in pkgutil.iter_modules(wirecopy.__path__)}
    extra = {n for n in dir(wirecopy) if not n.startswith("_")} - set(wirecopy.__all__) - submodules
    assert extra == set()


def test_version_from_metadata() -> None:
    """__version__ is the installed distribution's version."""
    from importlib.metadata import version

    assert wirecopy.__version__ == version("wirecopy")


def test_every_public_name_is_documented() -> None:
    """Every public name of every public module has a docstring."""
    missing = []
    for info in pkgutil.walk_packages(wirecopy.__path__, "wirecopy."):
        if any(part.startswith("_") for part in info.name.split(".")) or info.name == "wirecopy.strategies":
            continue
        module = importlib.import_module(info.name)
        if not module.__doc__:
            missing.append(info.name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if (inspect.isclass(obj) or inspect.isfunction(obj)) and not inspect.getdoc(obj):
                missing.append(f"{info.name}.{name}")
    assert missing == []
