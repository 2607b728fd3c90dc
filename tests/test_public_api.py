"""The public API is exactly what wirecopy/__init__.py lists in __all__."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

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


def test_formats_is_the_package() -> None:
    """`import wirecopy.formats as m` gives the package of built-in formats, not a function."""
    import wirecopy.formats as m

    assert m.__name__ == "wirecopy.formats"
    assert "cnn-reuters" in m.BUILTIN_FORMATS


def test_old_formats_function_is_deprecated() -> None:
    """Calling wirecopy.formats() still lists the formats, with a DeprecationWarning pointing to list_formats()."""
    with pytest.warns(DeprecationWarning, match="list_formats"):
        listed = wirecopy.formats()  # type: ignore[operator]
    assert listed == wirecopy.list_formats()


SRC = Path(wirecopy.__file__).resolve().parent


def _private_names(path: Path) -> list[str]:
    """The underscore names that *path* takes from other modules with `from .module import _name`.

    A private module imported whole (`from . import _text`) is not one: the
    package's own modules may share private modules, not each other's
    private names.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        folder = path.parent
        for _ in range(node.level - 1):
            folder = folder.parent
        target = folder.joinpath(*(node.module or "").split(".")) if node.module else folder
        for alias in node.names:
            name = alias.name
            is_module = (target / f"{name}.py").is_file() or (target / name / "__init__.py").is_file()
            if name.startswith("_") and not name.startswith("__") and not is_module:
                found.append(f"from {'.' * node.level}{node.module or ''} import {name}")
    return found


def test_no_module_imports_another_modules_private_names() -> None:
    """No module imports an underscore name from another module (private modules may be imported whole)."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        offenders.extend(f"{path.relative_to(SRC)}: {line}" for line in _private_names(path))
    assert offenders == []


def test_no_module_is_over_700_lines() -> None:
    """Every module of the package is small enough to read in one go."""
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py") if (n := len(p.read_text().splitlines())) > 700}
    assert long == {}
