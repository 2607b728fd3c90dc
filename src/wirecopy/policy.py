"""How strict reading is, as one object passed down to every format.

Modelled on :mod:`email.policy`: a frozen :class:`Policy` with a
:meth:`~Policy.clone` method, and module-level instances :data:`default`,
:data:`strict` and :data:`skip`.

The three error modes:

``"strict"``
    The first problem raises :class:`~wirecopy.errors.ParseError`.
``"warn"`` (the default)
    A problem the parser can work around is recorded on
    :attr:`Article.defects <wirecopy.article.Article.defects>` and reading goes
    on; a document that cannot be read at all is reported with a
    :class:`~wirecopy.errors.SkippedDocumentWarning` and counted on the reader.
``"skip"``
    Only clean documents are returned: any document with a problem is left
    out and counted on the reader, with its error, without a warning.

In every mode each document of the input is either returned or reported.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any, Literal

import attrs

__all__ = ["MAX_COMPRESSION_RATIO", "MAX_DOCUMENT_SIZE", "ErrorMode", "Policy", "default", "skip", "strict"]

#: The names of the error modes.
ErrorMode = Literal["strict", "warn", "skip"]

_MODES = ("strict", "warn", "skip")


def _check_mode(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in _MODES:
        msg = f"'errors' must be one of 'strict', 'warn', 'skip' (got {value!r})"
        raise ValueError(msg)


#: The default :attr:`Policy.max_document_size`: 64 MiB, far above any real news
#: document (the largest in Gigaword are a few hundred KB) and far below what
#: would strain a machine.
MAX_DOCUMENT_SIZE = 64 * 1024 * 1024


#: The default :attr:`Policy.max_compression_ratio`.  Text corpora compress
#: 3 to 10 times (Gigaword's gzip files about 3); a file that gives back 100
#: bytes for each byte read, once past 64 MiB, is a decompression bomb.
MAX_COMPRESSION_RATIO = 100


def _check_size(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        msg = f"'{attribute.name}' must be a whole number of bytes of at least 1 (got {value!r})"
        raise ValueError(msg)


def _check_tz(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, _dt.tzinfo):
        msg = f"'{attribute.name}' must be a datetime.tzinfo or None (got {value!r})"
        raise TypeError(msg)


def _to_tzinfos(
    value: Mapping[str, _dt.tzinfo] | tuple[tuple[str, _dt.tzinfo], ...] | None,
) -> tuple[tuple[str, _dt.tzinfo], ...] | None:
    # Freeze the caller's table so the policy stays hashable and immutable.
    if value is None:
        return None
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(name).upper(), zone) for name, zone in items))


@attrs.frozen(kw_only=True)
class Policy:
    """The reading policy handed to every format.

    .. versionadded:: 0.1
    """

    errors: ErrorMode = attrs.field(default="warn", validator=_check_mode)
    """``"strict"``, ``"warn"`` or ``"skip"``; see the module documentation."""

    default_tz: _dt.tzinfo | None = attrs.field(default=None, validator=_check_tz)
    """The zone to give times that carry none; ``None`` keeps them naive."""

    tzinfos: tuple[tuple[str, _dt.tzinfo], ...] | None = attrs.field(default=None, converter=_to_tzinfos)
    """Zone abbreviations that override or extend the built-in table, e.g.
    ``{"IST": datetime.timezone(datetime.timedelta(hours=5, minutes=30))}``."""

    reference: _dt.date | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(_dt.date))
    )
    """The date to resolve year-less dates against when the document itself
    gives none (an IPTC 7901 trailer, say); never the current date."""

    max_document_size: int = attrs.field(default=MAX_DOCUMENT_SIZE, validator=_check_size)
    """The largest document, in bytes, that a format reads: a larger one is
    left out (kind ``document-too-large``) without being held in memory, so
    that a missing end tag or a decompression bomb cannot exhaust memory."""

    max_compression_ratio: int = attrs.field(default=MAX_COMPRESSION_RATIO, validator=_check_size)
    """How many bytes a gzip, bzip2 or xz input may give for each byte read,
    once it has given 64 MiB: past it, reading raises
    :class:`~wirecopy.errors.ParseError` (kind ``decompression-bomb``) instead
    of spending time on an input that expands without bound."""

    @property
    def strict(self) -> bool:
        """Whether the first problem raises."""
        return self.errors == "strict"

    @property
    def zones(self) -> dict[str, _dt.tzinfo] | None:
        """The :attr:`tzinfos` overrides as a dict, or ``None``."""
        return None if self.tzinfos is None else dict(self.tzinfos)

    def clone(self, **changes: object) -> Policy:
        """Return a copy of this policy with *changes* applied."""
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]


#: Lenient reading: defects are recorded, unreadable documents are warned about.
default = Policy()
#: The first problem raises :class:`~wirecopy.errors.ParseError`.
strict = default.clone(errors="strict")
#: Only clean documents are returned; the rest are counted.
skip = default.clone(errors="skip")
