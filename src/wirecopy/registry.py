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
import re
import threading
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, BinaryIO, ClassVar, TypeVar

import attrs

from .article import Article
from .context import ReadContext
from .errors import DuplicateFormatError, FormatLoadError, UnknownFormatError, WirecopyWarning, WriteError

if TYPE_CHECKING:
    from importlib import metadata

__all__ = [
    "ENTRY_POINT_GROUP",
    "Format",
    "PluginWarning",
    "Registry",
    "formats",
    "get_format",
    "register_format",
]

#: The entry-point group third-party formats are published under.
ENTRY_POINT_GROUP = "wirecopy.formats"

_NAME = re.compile(r"[a-z0-9][a-z0-9.+-]*")


class PluginWarning(WirecopyWarning):
    """A format plugin could not be loaded and was left out.

    .. versionadded:: 0.1
    """


class Format:
    """The base class of every format, built-in or plugin.

    Subclasses set the class attributes and implement :meth:`read`, and
    :meth:`write` where the format can be written.  Instances hold no state:
    the registry creates one per format and shares it.

    .. versionadded:: 0.1
    """

    #: The canonical name: lower case, digits, ``-``, ``.`` and ``+`` only.
    name: ClassVar[str]
    #: Other names the format answers to, lower case.
    aliases: ClassVar[tuple[str, ...]] = ()
    #: File name endings (lower case, with the dot) that suggest this format.
    extensions: ClassVar[tuple[str, ...]] = ()
    #: One line saying what the format is.
    description: ClassVar[str] = ""
    #: Where the format is specified or documented.
    url: ClassVar[str | None] = None
    #: The wirecopy (or plugin) version that added the format, ``"0.1"``.
    version_added: ClassVar[str] = ""
    #: The encoding that turns ``str`` input into the bytes :meth:`read`
    #: expects, and written bytes back into ``str`` for
    #: :func:`wirecopy.dumps`.  A format of raw transmissions uses
    #: ``"latin-1"`` so that every byte survives the trip.
    encoding: ClassVar[str] = "utf-8"

    @property
    def can_write(self) -> bool:
        """Whether the format overrides :meth:`write`."""
        return type(self).write is not Format.write

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Score how likely *head* is this format, from 0.0 (no) to 1.0 (certain).

        *head* is the first few KB of the (decompressed) input, and
        *filename* its name without compression suffix, or ``None``.  Return
        1.0 only on a signature nothing else can have.  Must not raise.
        """
        return 0.0

    def read(self, stream: BinaryIO, context: ReadContext) -> Iterator[Article]:
        """Yield the articles of *stream*, one document at a time.

        Read incrementally: memory must not grow with the size of the input.
        Report problems through *context* (:meth:`ReadContext.defect`,
        :meth:`ReadContext.skip`) and raise nothing but
        :class:`~wirecopy.errors.ParseError`.
        """
        raise NotImplementedError

    def write(self, articles: Iterable[Article], stream: BinaryIO) -> None:
        """Write *articles* to the binary *stream*.

        Raises:
            WriteError: The format cannot be written, or an article lacks
                something the format requires.
        """
        msg = f"format {self.name!r} cannot be written"
        raise WriteError(msg)

    def __repr__(self) -> str:
        return f"<wirecopy format {self.name!r}>"


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
        with self._lock:
            self._load_all()
            return tuple(entry.format for _, entry in sorted(self._entries.items()) if entry.format is not None)

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
        return fmt

    def _instantiate(self, loaded: object, origin: str, *, expected_name: str | None) -> Format:
        fmt = loaded() if isinstance(loaded, type) else loaded
        if not isinstance(fmt, Format):
            msg = f"format plugin from {origin} is {loaded!r}, not a wirecopy.Format subclass"
            raise FormatLoadError(msg)
        problems = _check_declaration(type(fmt))
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


def _check_declaration(cls: type[Format]) -> list[str]:
    """List what is wrong with a format's class attributes, in actionable words."""
    problems = []
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        problems.append(f"set `name` to a lower-case name such as 'my-feed' (got {name!r})")
    aliases = getattr(cls, "aliases", ())
    if not isinstance(aliases, tuple) or not all(isinstance(a, str) and _NAME.fullmatch(a) for a in aliases):
        problems.append(f"set `aliases` to a tuple of lower-case names (got {aliases!r})")
    elif len(set(aliases)) != len(aliases) or name in aliases:
        problems.append(f"`aliases` repeat a name (got {aliases!r})")
    extensions = getattr(cls, "extensions", ())
    if not isinstance(extensions, tuple) or not all(
        isinstance(e, str) and e.startswith(".") and e == e.lower() for e in extensions
    ):
        problems.append(f"set `extensions` to a tuple of lower-case endings such as '.txt' (got {extensions!r})")
    encoding = getattr(cls, "encoding", None)
    if not isinstance(encoding, str):
        problems.append(f"set `encoding` to a codec name (got {encoding!r})")
    return problems


def _builtin_registry() -> Registry:
    from .formats import BUILTIN_FORMATS

    return Registry(BUILTIN_FORMATS)


#: The registry behind :func:`get_format`, :func:`formats` and :func:`register_format`.
default_registry = _builtin_registry()


def get_format(name: str) -> Format:
    """Return the format called *name* (a name or an alias, any case).

    Raises:
        UnknownFormatError: No format has that name; the message lists the known ones.
        FormatLoadError: The format is a plugin that failed to load.

    .. versionadded:: 0.1
    """
    return default_registry.get(name)


def formats() -> tuple[Format, ...]:
    """Return every available format, built-in and plugin, sorted by name.

    .. versionadded:: 0.1
    """
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
