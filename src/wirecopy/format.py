"""The base class of every format, and the contract a format keeps.

A format is a subclass of :class:`Format` that declares what it is in class
attributes (as a pygments lexer does) and implements :meth:`Format.read`, and
:meth:`Format.write` where the format can be written.  The contract, which
:func:`wirecopy.testing.check_format` checks for any format, built-in or
plugin:

* **Declaration.** :attr:`~Format.name` and :attr:`~Format.aliases` are
  lower-case and unique; :attr:`~Format.extensions` are lower-case endings
  with their dot; :attr:`~Format.encoding` names a codec.
* **Sniffing.** :meth:`~Format.sniff` looks at the first few KB only, is pure,
  never raises, and returns a score in [0, 1]; 1.0 only for a signature no
  other format can have.
* **Reading.** :meth:`~Format.read` streams: memory does not grow with the
  size of the input.  For each document it calls
  :meth:`ReadContext.document <wirecopy.context.ReadContext.document>` and
  either yields the article (built with
  :meth:`Document.article <wirecopy.context.Document.article>`, so that it
  carries its origin and defects) or reports it left out.  Every document of
  the input is returned or reported, nothing is dropped in silence, and
  nothing but :class:`~wirecopy.errors.ParseError` escapes.
* **Writing.** :meth:`~Format.write` raises nothing but
  :class:`~wirecopy.errors.WriteError` for an article it cannot hold, and what
  it writes reads back into equal articles.

Base classes for the families of formats wirecopy ships (wire
transmissions, SGML documents, XML items, line-oriented text) carry the
shared machinery, so that a format of one of those families is mostly
declarations; see ``docs/architecture.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO, ClassVar

from .article import Article
from .context import ReadContext
from .errors import WriteError

__all__ = ["Format", "declaration_problems", "is_xml"]

_NAME = re.compile(r"[a-z0-9][a-z0-9.+-]*")


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
    #: The IANA media types of the format, such as ``"application/nitf+xml"``.
    #: A format whose media type is XML (``.../xml`` or ``...+xml``) is held
    #: to XML's safety rules by :func:`wirecopy.testing.check_format`: no
    #: entity is expanded and nothing is fetched.
    media_types: ClassVar[tuple[str, ...]] = ()
    #: Whether what the format writes is binary data rather than text
    #: (Parquet): the command line refuses to write it to a terminal.
    binary: ClassVar[bool] = False
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


def declaration_problems(cls: type[Format]) -> list[str]:
    """List what is wrong with a format class's declaration, in actionable words; ``[]`` when nothing is.

    The registry refuses a format with problems, and
    :func:`wirecopy.testing.check_format` reports them.

    .. versionadded:: 0.1
    """
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
    media_types = getattr(cls, "media_types", ())
    if not isinstance(media_types, tuple) or not all(isinstance(m, str) and "/" in m for m in media_types):
        problems.append(f"set `media_types` to a tuple such as ('application/xml',) (got {media_types!r})")
    encoding = getattr(cls, "encoding", None)
    if not isinstance(encoding, str):
        problems.append(f"set `encoding` to a codec name (got {encoding!r})")
    return problems


def is_xml(fmt: Format | type[Format]) -> bool:
    """Whether a format declares an XML media type (``application/xml``, ``application/nitf+xml``).

    .. versionadded:: 0.1
    """
    media_types = getattr(fmt, "media_types", ())
    return isinstance(media_types, tuple) and any(
        isinstance(m, str) and (m.endswith("/xml") or m.endswith("+xml")) for m in media_types
    )
