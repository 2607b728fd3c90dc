"""Sphinx configuration for wirecopy's documentation: Sphinx, MyST Markdown and furo.

Build it as CI does (it fails on any warning)::

    pip install -e ".[docs]"
    sphinx-build -W --keep-going -n -b html docs docs/_build/html

Some of the site is generated at build time, so that it cannot drift from
the code:

- each built-in format's page, ``docs/formats/<name>.md``, gets a table of
  what the registry declares (name, aliases, extensions, reads or writes,
  encoding, description, version) and the format class's docstring, in
  front of the hand-written text;
- the API reference (``docs/_generated/api.md``) documents every public name
  of every public module, from the docstrings;
- the command-line reference includes each command's ``--help``;
- the Article page includes the shipped JSON Schema.

No inventory is fetched from the network (no intersphinx): references to
the standard library and to third-party packages are left as plain text.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import inspect
import io
import os
import pkgutil
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
GENERATED = DOCS / "_generated"
# Document the checkout itself, even when an older wirecopy is installed.
sys.path.insert(0, str(ROOT / "src"))

import wirecopy  # noqa: E402
from wirecopy.formats import BUILTIN_FORMATS  # noqa: E402

# -- Project ------------------------------------------------------------------

project = "wirecopy"
author = "the wirecopy authors"
copyright = "the wirecopy authors; MIT licence"


def _version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^version = "([^"]+)"', text, re.M)
    return match.group(1) if match else "unknown"


release = version = _version()

# -- General --------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_generated", "README.md", "**/.pytest_cache"]
nitpicky = True
# The standard library and third-party packages have no inventory here (no
# network at build time): their names in signatures stay plain text.
nitpick_ignore_regex = [
    # Any dotted name outside wirecopy: the standard library, Hypothesis,
    # attrs, dateutil, and the optional dependencies of extras.
    (r"py:.*", r"(?!wirecopy\.)[A-Za-z_]\w*\..+"),
    (r"py:.*", r"(datetime|typing|collections|io|os|re|types|enum|pathlib|email|hypothesis|attrs|dateutil)"),
    (r"py:.*", r"(BinaryIO|IO|Any|Iterator|Iterable|Mapping|Sequence|Callable|TypeVar|ClassVar|Literal|F|Ex|T)"),
    # The type variable of register_format(cls: F) -> F.
    (r"py:.*", r"wirecopy\.registry\.F"),
    (r"py:.*", r"(SearchStrategy|DataObject|DrawFn|DataValue|EntryPoint|TracebackType|Attribute)(\[.*\])?"),
    (r"py:.*", r"(bytes-like object|file-like object|optional)"),
]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
autodoc_default_options = {"show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# -- HTML -------------------------------------------------------------------------

html_theme = "furo"
html_title = f"wirecopy {release}"
html_static_path: list[str] = []

# -- Generated content -------------------------------------------------------------

#: Pages that other parts of the project write, and their titles: a toctree
#: entry for one that does not exist yet is dropped instead of failing the
#: build, and a page made of sections by several owners gets its title here.
OPTIONAL_PAGES = {
    "dates": "Dates and datelines",
    "convert": "Converting corpora",
    "performance": "Performance",
    "scaling": "Scaling out",
}


#: Third-party modules that public wirecopy modules import but this build
#: lacks (the optional dependencies of extras): autodoc imports them as mocks.
autodoc_mock_imports: list[str] = []


def _import(module_name: str) -> Any:
    """Import a public module, mocking each optional dependency it needs that is not installed."""
    from sphinx.ext.autodoc.mock import mock

    while True:
        try:
            with mock(autodoc_mock_imports):
                return importlib.import_module(module_name)
        except ModuleNotFoundError as err:
            missing = (err.name or "").partition(".")[0]
            if not missing or missing == "wirecopy" or missing in autodoc_mock_imports:
                raise
            autodoc_mock_imports.append(missing)


def _public_modules() -> list[str]:
    names = ["wirecopy"]
    for info in pkgutil.walk_packages(wirecopy.__path__, "wirecopy.", onerror=lambda name: None):
        parts = info.name.split(".")
        if any(part.startswith("_") for part in parts):
            continue
        # A format's module is documented on the format's own page.
        if len(parts) > 2 and parts[1] == "formats":
            continue
        names.append(info.name)
    return names


def _directive(kind: str, target: str, obj: object) -> str:
    if kind == "data":
        # Big tables read better described than dumped.
        small = isinstance(obj, (int, float, str)) and len(repr(obj)) < 60
        option = "" if small else "\n   :no-value:"
        return f"```{{eval-rst}}\n.. autodata:: {target}{option}\n```\n"
    options = "\n   :members:" if kind == "class" else ""
    return f"```{{eval-rst}}\n.. auto{kind}:: {target}{options}\n```\n"


def _kind(obj: object) -> str:
    if inspect.isclass(obj):
        if issubclass(obj, BaseException):
            return "exception"
        return "class"
    if inspect.isfunction(obj):
        return "function"
    return "data"


def _homes(modules: list[str]) -> dict[tuple[str, int], str]:
    """Where each public object is documented: the public module that defines it, or first lists it.

    Keyed by name and identity: small ints and strings are shared objects,
    so identity alone would take two constants for one.
    """
    homes: dict[tuple[str, int], str] = {}
    for module_name in modules[1:]:
        module = _import(module_name)
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            key = (name, id(obj))
            defined = getattr(obj, "__module__", None) if _kind(obj) != "data" else None
            if defined == module_name or (defined not in modules and key not in homes):
                homes[key] = module_name
    return homes


def _rest_to_myst(line: str) -> str:
    """One line of a reST docstring as MyST, for a table cell."""
    line = re.sub(r":(?:py:)?(\w+):`([^`]+)`", r"{py:\1}`\2`", line)
    return line.replace("``", "`").replace("|", "\\|")


def _api_page() -> str:
    """Every public module and its public names, each documented once, in the module that defines it."""
    modules = _public_modules()
    homes = _homes(modules)
    lines = [
        "% Generated by docs/conf.py from the docstrings: do not edit.\n",
        "## `wirecopy`\n",
        "```{eval-rst}\n.. automodule:: wirecopy\n   :no-members:\n```\n",
        "What `import wirecopy` gives, each documented in its module below:\n",
        "| Name | What it is |",
        "|---|---|",
    ]
    for name in wirecopy.__all__:
        obj = getattr(wirecopy, name)
        home = homes.get((name, id(obj)), "wirecopy")
        doc = inspect.getdoc(obj) if _kind(obj) != "data" else None
        summary = _rest_to_myst(doc.splitlines()[0]) if doc else f"see `{home}`"
        lines.append(f"| {{py:obj}}`wirecopy.{name} <{home}.{name}>` | {summary} |")
    lines.append("")
    for module_name in modules[1:]:
        module = _import(module_name)
        lines.append(f"## `{module_name}`\n")
        # A module whose name is also a function's (wirecopy.formats) is
        # described here but indexed as the function.
        clash = module_name in {f"wirecopy.{n}" for n in wirecopy.__all__}
        no_index = "\n   :no-index:" if clash else ""
        lines.append(f"```{{eval-rst}}\n.. automodule:: {module_name}\n   :no-members:{no_index}\n```\n")
        elsewhere = []
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            home = homes.get((name, id(obj)))
            if home == module_name:
                lines.append(_directive(_kind(obj), f"{module_name}.{name}", obj))
            else:
                elsewhere.append(f"{{py:obj}}`~{home}.{name}`")
        if elsewhere:
            lines.append(f"Also here, documented in their own modules: {', '.join(elsewhere)}.\n")
    return "\n".join(lines)


def _cli_help() -> str:
    """``wirecopy --help`` and each command's, as the installed command prints them."""
    from wirecopy.cli import _parser

    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "88"
    try:
        parser = _parser()
        sections = [("wirecopy --help", parser.format_help())]
        for action in parser._subparsers._group_actions if parser._subparsers else ():  # noqa: SLF001
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                for name, sub in action.choices.items():
                    sections.append((f"wirecopy {name} --help", sub.format_help()))
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous
    out = ["% Generated by docs/conf.py from the argument parser: do not edit.\n"]
    for title, text in sections:
        out.append(f"### `{title}`\n\n```text\n{text.rstrip()}\n```\n")
    return "\n".join(out)


def _schema_block() -> str:
    schema = ROOT / "src" / "wirecopy" / "schema" / "article.schema.json"
    if not schema.is_file():
        return (
            "% Generated by docs/conf.py.\n\n"
            "This build of wirecopy ships no JSON Schema file yet; the record is described above.\n"
        )
    return (
        "% Generated by docs/conf.py: the schema file as shipped in the package.\n\n"
        "The schema ships inside the package, as `wirecopy/schema/article.schema.json`; "
        "{py:mod}`wirecopy.schema` loads it.\n\n"
        "```{literalinclude} ../src/wirecopy/schema/article.schema.json\n:language: json\n```\n"
    )


def _format_header(name: str) -> str:
    """The registry's facts about one built-in format, in front of its hand-written page."""
    fmt = wirecopy.get_format(name)
    cls = type(fmt)
    target = f"{cls.__module__}.{cls.__qualname__}"

    def code(values: tuple[str, ...]) -> str:
        return ", ".join(f"`{v}`" for v in values) or "none"

    rows = [
        ("Name", f"`{fmt.name}`"),
        ("Aliases", code(fmt.aliases)),
        ("Extensions", code(fmt.extensions)),
        ("Reads / writes", "reads and writes" if fmt.can_write else "reads only"),
        ("Encoding", f"`{fmt.encoding}`"),
        ("What it is", fmt.description.replace("|", "\\|")),
        ("Specification", f"<{fmt.url}>" if fmt.url else "none published"),
        ("Added in", fmt.version_added),
        ("Class", f"{{py:class}}`{target}`"),
    ]
    table = "\n".join(["| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in rows)])
    return (
        f"\n{table}\n\n"
        f"```{{eval-rst}}\n.. autoclass:: {target}\n   :no-members:\n```\n\n"
        "% The rest of this page is docs/formats/" + name + ".md.\n\n"
    )


def _insert_after_title(text: str, block: str) -> str:
    match = re.search(r"^# .*\n", text, re.M)
    if match is None:
        return block + text
    return text[: match.end()] + block + text[match.end() :]


def _toctree_entries(text: str) -> set[str]:
    entries = set()
    for body in re.findall(r"```\{toctree\}\n(.*?)```", text, re.S):
        for line in body.splitlines():
            line = line.strip()
            if line and not line.startswith(":"):
                entries.add(line)
    return entries


def _index(app: Any, text: str) -> str:
    found = set(app.env.found_docs)
    # Pages others write: drop the toctree entries and links of those not written yet.
    for page in sorted(set(OPTIONAL_PAGES) - found):
        text = re.sub(rf"^{re.escape(page)}\n", "", text, flags=re.M)
        text = re.sub(rf"^- \[[^\]]*\]\({re.escape(page)}\.md\).*\n", "", text, flags=re.M)
    # Pages nobody listed still get into the navigation, at the end.
    listed = _toctree_entries(text)
    leftover = sorted(
        doc for doc in found if doc != "index" and doc not in listed and not doc.startswith("formats/")
    )
    if leftover:
        text += "\n```{toctree}\n:caption: More\n\n" + "\n".join(leftover) + "\n```\n"
    return text


def _source_read(app: Any, docname: str, source: list[str]) -> None:
    if docname == "index":
        source[0] = _index(app, source[0])
    elif docname in OPTIONAL_PAGES and not re.search(r"^# ", source[0], re.M):
        source[0] = f"# {OPTIONAL_PAGES[docname]}\n\n" + source[0]
    elif docname.startswith("formats/"):
        name = docname.removeprefix("formats/")
        if name in BUILTIN_FORMATS:
            source[0] = _insert_after_title(source[0], _format_header(name))
        else:
            from sphinx.util import logging

            logging.getLogger(__name__).warning(
                "docs/formats/%s.md describes no built-in format: rename it after the format's name, or remove it",
                name,
                location=docname,
            )


def _builder_inited(app: Any) -> None:
    from sphinx.util import logging

    log = logging.getLogger(__name__)
    for name in BUILTIN_FORMATS:
        if not (DOCS / "formats" / f"{name}.md").is_file():
            log.warning(
                "format %r has no page: write docs/formats/%s.md (layout, fields, writing, quirks, defects, "
                "corpora tested on), as for the other formats",
                name,
                name,
            )


def _write_generated() -> None:
    GENERATED.mkdir(exist_ok=True)
    files: Mapping[str, str] = {
        "api.md": _api_page(),
        "cli-help.md": _cli_help(),
        "article-schema.md": _schema_block(),
    }
    for filename, text in files.items():
        path = GENERATED / filename
        # Rewrite only on change, so that Sphinx rebuilds only what changed.
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def _napoleon_for_callables(app: Any) -> None:
    """Run napoleon on functions and classes only.

    Napoleon reads the first line of an attribute's docstring as
    ``type: description``, and wirecopy's attribute docstrings are sentences
    that often hold a colon (``The publisher, site or agency: "AFP"``).
    """
    from sphinx.ext.napoleon import _process_docstring

    for listener in list(app.events.listeners.get("autodoc-process-docstring", ())):
        if listener.handler is _process_docstring:
            app.disconnect(listener.id)

    def process(app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
        if what not in ("attribute", "data", "property"):
            _process_docstring(app, what, name, obj, options, lines)

    app.connect("autodoc-process-docstring", process)


def _resolve(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve ``wirecopy.Article`` to where it is documented, and short names that name one object.

    Docstrings say ``wirecopy.Article`` (how users import it) or a name
    relative to their own module; each object is documented once, in its home
    module.
    """
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    domain = env.get_domain("py")
    candidates = []
    head, _, rest = target.partition(".")
    if head == "wirecopy" and rest:
        first, _, tail = rest.partition(".")
        obj = getattr(wirecopy, first, None)
        if first in wirecopy.__all__ and obj is not None:
            for module_name in _public_modules()[1:]:
                module = _import(module_name)
                if getattr(module, first, None) is obj:
                    candidates.append(f"{module_name}.{first}" + (f".{tail}" if tail else ""))
    suffix = "." + target.lstrip("~.")
    candidates += sorted({name for name in domain.objects if name.endswith(suffix) and name.startswith("wirecopy.")})
    for candidate in candidates:
        if candidate in domain.objects:
            new = node.deepcopy()
            new["reftarget"] = candidate
            return domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], candidate, new, contnode)
    return None


def _no_builtin_docstrings(app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    """Drop the docstring a constant inherits from its type (a dict's ``dict() -> new empty dictionary``).

    A constant documented with a ``#:`` comment where it is defined, then
    re-exported by a public module, reaches autodoc without that comment; its
    type's docstring is no documentation of it.
    """
    if what == "data" and isinstance(obj, (dict, list, tuple, set, frozenset, str, bytes, int, float)):
        if lines and "\n".join(lines).strip() == (type(obj).__doc__ or "").strip():
            lines.clear()


def setup(app: Any) -> dict[str, Any]:
    """Generate the derived pages and hook the format pages, the index and cross-references."""
    with contextlib.redirect_stdout(io.StringIO()):
        _write_generated()
    app.connect("builder-inited", _builder_inited)
    app.connect("builder-inited", _napoleon_for_callables)
    app.connect("source-read", _source_read)
    app.connect("missing-reference", _resolve)
    app.connect("autodoc-process-docstring", _no_builtin_docstrings)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
