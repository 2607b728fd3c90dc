"""Formats, and the registry that finds them by name.

A format is a subclass of :class:`Format` with declarative class attributes
(as a pygments lexer is).  Built-in formats are listed in the static table
:data:`wirecopy.formats.BUILTIN_FORMATS` and imported on first use.
Third-party formats are published under the entry-point group
``wirecopy.formats``; the group is scanned once, on the first lookup that
needs it, and each plugin is imported only when it is asked for.  A plugin
that fails to load is reported, with its entry-point name and distribution,
and never breaks ``import wirecopy`` or any other format.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar

import attrs

from .errors import DuplicateFormatError, FormatLoadError, UnknownFormatError, WirecopyWarning
from .format import Format, declaration_problems

if TYPE_CHECKING:
    from importlib import metadata

__all__ = [
    "ENTRY_POINT_GROUP",
    "Format",
    "PluginWarning",
    "Registry",
    "formats",
    "get_format",
    "list_formats",
    "register_format",
]

#: The entry-point group third-party formats are published under.
ENTRY_POINT_GROUP = "wirecopy.formats"


class PluginWarning(WirecopyWarning):
    """A format plugin could not be loaded and was left out.

    .. versionadded:: 0.1
    """


F = TypeVar("F", bound=type[Format])


@attrs.define
class _Entry:
    """One registered name: where it comes from, and the format once loaded."""

    name: str
    origin: str
    target: str | None = None
    entry_point: metadata.EntryPoint | None = None
    aliases: tuple[str, ...] = ()
    format: Format | None = None
    error: FormatLoadError | None = None


class Registry:
    """A set of formats addressable by name and alias.

    Args:
        builtins: ``{name: ("module:Class", aliases)}`` for formats that ship
            with the package; imported on first use.
        group: The entry-point group to scan for plugins, or ``None`` for
            none.

    .. versionadded:: 0.1
    """

    def __init__(
        self,
        builtins: Mapping[str, tuple[str, tuple[str, ...]]] | None = None,
        *,
        group: str | None = ENTRY_POINT_GROUP,
    ) -> None:
        self._group = group
        self._entries: dict[str, _Entry] = {}
        self._aliases: dict[str, str] = {}
        self._scanned = group is None
        self._failures: list[FormatLoadError] = []
        self._lock = threading.RLock()
        self._all: tuple[Format, ...] | None = None
        for name, (target, aliases) in (builtins or {}).items():
            self._add(_Entry(name=name, origin="wirecopy (built-in)", target=target, aliases=tuple(aliases)))

    # -- lookups ----------------------------------------------------------

    def get(self, name: str) -> Format:
        """Return the format called *name* (a name or an alias, any case).

        Raises:
            UnknownFormatError: No format has that name.
            FormatLoadError: The format is a plugin that failed to load.
        """
        key = name.strip().lower()
        with self._lock:
            entry = self._find(key)
            if entry is None:
                self._scan()
                entry = self._find(key)
            if entry is None:
                # A plugin's aliases are known only once it is imported.
                self._load_all()
                entry = self._find(key)
            if entry is None:
                raise UnknownFormatError(name, self.names())
            return self._load(entry)

    def all(self) -> tuple[Format, ...]:
        """Return every format that loads, sorted by name.

        Plugins that fail to load are left out with a :class:`PluginWarning`;
        :meth:`failures` lists them.
        """
        # Kept until a format is added or removed: detection asks for every
        # format once per file, and sorting them each time cost as much as
        # half the sniffers.
        formats = self._all
        if formats is not None:
            return formats
        with self._lock:
            self._load_all()
            formats = tuple(entry.format for _, entry in sorted(self._entries.items()) if entry.format is not None)
            self._all = formats
            return formats

    def names(self) -> tuple[str, ...]:
        """Return the canonical names of every registered format, without importing them."""
        with self._lock:
            self._scan()
            return tuple(sorted(self._entries))

    def origin(self, name: str) -> str:
        """Say where the format *name* comes from: built-in, or which distribution."""
        fmt = self.get(name)
        return self._entries[fmt.name].origin

    def failures(self) -> tuple[FormatLoadError, ...]:
        """Return the errors of plugins that could not be loaded so far."""
        with self._lock:
            return tuple(self._failures)

    # -- registration -----------------------------------------------------

    def register(self, cls: F, *, origin: str | None = None) -> F:
        """Register the format class *cls* in this process.

        Raises:
            DuplicateFormatError: Its name or an alias is taken.
            FormatLoadError: The class attributes are malformed.
        """
        where = origin or f"module {cls.__module__} (registered in-process)"
        with self._lock:
            self._scan()
            fmt = self._instantiate(cls, where, expected_name=None)
            self._add(_Entry(name=fmt.name, origin=where, aliases=tuple(fmt.aliases), format=fmt))
        return cls

    def unregister(self, name: str) -> None:
        """Remove a format registered with :meth:`register` (for tests)."""
        with self._lock:
            self._all = None
            entry = self._entries.pop(name)
            for alias in (entry.name, *entry.aliases):
                if self._aliases.get(alias) == name:
                    del self._aliases[alias]

    # -- internals --------------------------------------------------------

    def _find(self, key: str) -> _Entry | None:
        canonical = self._aliases.get(key)
        return None if canonical is None else self._entries.get(canonical)

    def _add(self, entry: _Entry) -> None:
        for key in (entry.name, *entry.aliases):
            taken = self._aliases.get(key)
            if taken is not None:
                raise DuplicateFormatError(key, self._entries[taken].origin, entry.origin)
        self._all = None
        self._entries[entry.name] = entry
        for key in (entry.name, *entry.aliases):
            self._aliases[key] = entry.name

    def _scan(self) -> None:
        if self._scanned:
            return
        self._scanned = True
        assert self._group is not None
        # Imported here: plugin discovery must cost nothing until a lookup
        # needs it.
        from importlib import metadata

        for ep in metadata.entry_points(group=self._group):
            origin = _describe(ep)
            entry = _Entry(name=ep.name.lower(), origin=origin, entry_point=ep)
            try:
                self._add(entry)
            except DuplicateFormatError as err:
                self._fail(FormatLoadError(f"format plugin {ep.name!r} from {origin} was not loaded: {err}"))

    def _load_all(self) -> None:
        self._scan()
        for entry in list(self._entries.values()):
            if entry.format is None and entry.error is None:
                # A failure is recorded and warned about by _load.
                with contextlib.suppress(FormatLoadError):
                    self._load(entry)

    def _load(self, entry: _Entry) -> Format:
        if entry.format is not None:
            return entry.format
        if entry.error is not None:
            raise entry.error
        try:
            if entry.entry_point is not None:
                loaded = entry.entry_point.load()
            else:
                assert entry.target is not None
                module_name, _, attr = entry.target.partition(":")
                loaded = getattr(importlib.import_module(module_name), attr)
        except Exception as err:  # a broken plugin may raise anything on import
            error = FormatLoadError(f"format plugin {entry.name!r} from {entry.origin} failed to load: {err!r}")
            error.__cause__ = err
            entry.error = error
            self._fail(error)
            raise error from err
        try:
            fmt = self._instantiate(loaded, entry.origin, expected_name=entry.name)
            # Aliases of a plugin are learnt only now; they must not clash.
            for alias in fmt.aliases:
                if alias not in entry.aliases:
                    taken = self._aliases.get(alias)
                    if taken is not None and taken != entry.name:
                        raise DuplicateFormatError(alias, self._entries[taken].origin, entry.origin)
        except (FormatLoadError, DuplicateFormatError) as err:
            error = err if isinstance(err, FormatLoadError) else FormatLoadError(str(err))
            entry.error = error
            self._fail(error)
            raise error from None
        for alias in fmt.aliases:
            self._aliases[alias] = entry.name
        entry.aliases = tuple(fmt.aliases)
        entry.format = fmt
        self._all = None
        return fmt

    def _instantiate(self, loaded: object, origin: str, *, expected_name: str | None) -> Format:
        fmt = loaded() if isinstance(loaded, type) else loaded
        if not isinstance(fmt, Format):
            msg = f"format plugin from {origin} is {loaded!r}, not a wirecopy.Format subclass"
            raise FormatLoadError(msg)
        problems = declaration_problems(type(fmt))
        if expected_name is not None and getattr(fmt, "name", None) != expected_name:
            problems.append(f"its name {getattr(fmt, 'name', None)!r} differs from its entry point {expected_name!r}")
        if problems:
            msg = f"format {getattr(fmt, 'name', loaded)!r} from {origin} is malformed: {'; '.join(problems)}"
            raise FormatLoadError(msg)
        return fmt

    def _fail(self, error: FormatLoadError) -> None:
        self._failures.append(error)
        warnings.warn(PluginWarning(str(error)), stacklevel=4)


def _describe(ep: metadata.EntryPoint) -> str:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return f"entry point {ep.name!r}"
    return f"{dist.name} {dist.version} (entry point {ep.name!r})"


def _builtin_registry() -> Registry:
    from .formats import BUILTIN_FORMATS

    return Registry(BUILTIN_FORMATS)


#: The registry behind :func:`get_format`, :func:`list_formats` and :func:`register_format`.
default_registry = _builtin_registry()


def get_format(name: str) -> Format:
    """Return the format called *name* (a name or an alias, any case).

    Raises:
        UnknownFormatError: No format has that name; the message lists the known ones.
        FormatLoadError: The format is a plugin that failed to load.

    .. versionadded:: 0.1
    """
    return default_registry.get(name)


def list_formats() -> tuple[Format, ...]:
    """Return every available format, built-in and plugin, sorted by name.

    .. versionadded:: 0.1
    """
    return default_registry.all()


def formats() -> tuple[Format, ...]:
    """Return every available format, as :func:`list_formats` does.

    .. deprecated:: 0.1
        Use :func:`list_formats`: ``wirecopy.formats`` is the package of
        built-in formats.
    """
    warnings.warn(
        "wirecopy.formats() is deprecated; use wirecopy.list_formats() (wirecopy.formats is the package of formats)",
        DeprecationWarning,
        stacklevel=2,
    )
    return default_registry.all()


def register_format(cls: F) -> F:
    """Register a format class in this process; usable as a class decorator.

    Installed plugins do not need this: publishing the class under the
    ``wirecopy.formats`` entry-point group is enough.

    Raises:
        DuplicateFormatError: The name or an alias is already taken.

    .. versionadded:: 0.1
    """
    return default_registry.register(cls)
