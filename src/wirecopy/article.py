"""The record types wirecopy reads into and writes from.

Everything here is a frozen, slotted attrs class: hashable, picklable, and
cheap to build.  This module holds no parsing code; formats build these
records, and :meth:`Article.to_dict` / :meth:`Article.from_dict` convert them
to and from plain JSON-ready dicts.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Union

import attrs

__all__ = ["Article", "DateValue", "Dateline", "Defect", "FrozenDict", "Origin"]

#: A published date keeps the precision of its source: a :class:`datetime.date`
#: for a day, a naive :class:`datetime.datetime` for a time without a zone, an
#: aware one for a time with a zone.
DateValue = Union[_dt.date, _dt.datetime]  # noqa: UP007 - a runtime alias, documented as such

_JSON_SCALARS = (str, int, float, bool, type(None))
# The same, for an exact type check: a subclass takes the slower path.
_SCALAR_TYPES = frozenset(_JSON_SCALARS)


class FrozenDict(Mapping[str, Any]):
    """A read-only, hashable, picklable mapping of JSON-like values.

    ``Article.extra`` holds one.  Lists become tuples and dicts become
    ``FrozenDict`` on the way in, so the whole value is immutable and can be
    hashed; :meth:`thaw` turns it back into plain ``dict`` and ``list``.

    .. versionadded:: 0.1
    """

    __slots__ = ("_data", "_hash")

    _data: dict[str, Any]
    _hash: int | None

    def __init__(self, items: Mapping[str, Any] | Iterable[tuple[str, Any]] = ()) -> None:
        data = dict(items)
        for key, value in data.items():
            if not isinstance(key, str):
                msg = f"extra keys must be str (got {key!r} that is a {type(key)!r})"
                raise TypeError(msg)
            # Most values are plain scalars, which stay as they are.
            if type(value) not in _SCALAR_TYPES:
                data[key] = _freeze(value)
        object.__setattr__(self, "_data", data)
        object.__setattr__(self, "_hash", None)

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(frozenset(self._data.items())))
        return self._hash  # type: ignore[return-value]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenDict):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __setattr__(self, name: str, value: object) -> None:
        msg = "FrozenDict is read-only"
        raise AttributeError(msg)

    def __repr__(self) -> str:
        return f"FrozenDict({self._data!r})"

    def __reduce__(self) -> tuple[type[FrozenDict], tuple[dict[str, Any]]]:
        return (FrozenDict, (self._data,))

    def thaw(self) -> dict[str, Any]:
        """Return a plain, mutable copy: ``dict`` and ``list`` all the way down."""
        return {key: _thaw(value) for key, value in self._data.items()}


def _freeze(value: Any) -> Any:
    """Make a JSON-like value immutable, refusing anything JSON cannot hold."""
    kind = type(value)
    if kind is list or kind is tuple:
        items = tuple(value)
        # A list of plain scalars (the common case) is checked in C.
        if _SCALAR_TYPES.issuperset(map(type, items)):
            return items
        return tuple(map(_freeze, items))
    if isinstance(value, _JSON_SCALARS):
        return value
    if isinstance(value, FrozenDict):
        return value
    if isinstance(value, Mapping):
        return FrozenDict(value)
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(item) for item in value)
    msg = f"extra values must be JSON-like (got {value!r} that is a {type(value)!r})"
    raise TypeError(msg)


def _thaw(value: Any) -> Any:
    if isinstance(value, FrozenDict):
        return value.thaw()
    if isinstance(value, tuple):
        return [_thaw(item) for item in value]
    return value


_EMPTY = FrozenDict()


def _to_extra(value: Mapping[str, Any] | None) -> FrozenDict:
    # Sharing one empty instance keeps the common case free.
    if not value:
        return _EMPTY
    if isinstance(value, FrozenDict):
        return value
    return FrozenDict(value)


def _to_str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    # A bare str is iterable too; turning "abc" into ("a", "b", "c") would be
    # a silent, confusing loss, so refuse it.
    if isinstance(value, str):
        msg = f"expected a sequence of str, not a str ({value!r})"
        raise TypeError(msg)
    return value if type(value) is tuple else tuple(value)


def _to_defects(value: Iterable[Defect]) -> tuple[Defect, ...]:
    return value if type(value) is tuple else tuple(value)


# Defect's checks: plain functions rather than
# attrs.validators.optional(instance_of(...)), the same checks and messages at
# half the cost.  The records built for every document read (Origin,
# Dateline, Article) go further: one __attrs_post_init__ checks all fields.
def _optional(kind: type | tuple[type, ...]) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not isinstance(value, kind):
            _wrong_type(f"'{attribute.name}'", kind, value)

    return check


def _required(kind: type) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            _wrong_type(f"'{attribute.name}'", kind, value)

    return check


def _wrong_type(what: str, kind: type | tuple[type, ...], value: Any) -> None:
    # attrs' own wording, so messages read the same whichever check fired.
    msg = f"{what} must be {kind!r} (got {value!r} that is a {value.__class__!r})."
    raise TypeError(msg)


_opt_int = _optional(int)


@attrs.frozen(kw_only=True)
class Origin:
    """Where a document was read from, so a user can go back to the raw text.

    .. versionadded:: 0.1
    """

    path: str | None = attrs.field(default=None)
    """The file name as the reader was given it, or ``None`` for in-memory text."""

    line: int | None = attrs.field(default=None)
    """The 1-based line on which the document starts."""

    offset: int | None = attrs.field(default=None)
    """The 0-based byte offset at which the document starts (after decompression)."""

    index: int | None = attrs.field(default=None)
    """The 0-based position of the document among the documents of its input."""

    def __attrs_post_init__(self) -> None:
        # One call for the four checks (every document read builds an
        # origin), in field order and with attrs' messages.
        if self.path is not None and not isinstance(self.path, str):
            _wrong_type("'path'", str, self.path)
        if self.line is not None and not isinstance(self.line, int):
            _wrong_type("'line'", int, self.line)
        if self.offset is not None and not isinstance(self.offset, int):
            _wrong_type("'offset'", int, self.offset)
        if self.index is not None and not isinstance(self.index, int):
            _wrong_type("'index'", int, self.index)


@attrs.frozen(kw_only=True)
class Defect:
    """A problem the parser found and worked around.

    Defects are plain records rather than exception instances (as
    :mod:`email.errors` has them) because they travel inside articles, which
    must compare equal, hash and serialise to JSON.

    .. versionadded:: 0.1
    """

    kind: str = attrs.field(validator=_required(str))
    """A stable, machine-readable name such as ``"missing-date"``; see :doc:`/errors`."""

    message: str = attrs.field(validator=_required(str))
    """A sentence for people, e.g. ``"Missing date in header"``."""

    line: int | None = attrs.field(default=None, validator=_opt_int)
    """The 1-based line in the input, when known."""

    column: int | None = attrs.field(default=None, validator=_opt_int)
    """The 1-based column in the input, when known."""


@attrs.frozen(kw_only=True)
class Dateline:
    """The dateline that opens a story: ``WASHINGTON (AP) --``.

    .. versionadded:: 0.1
    """

    text: str = attrs.field()
    """The dateline exactly as written, dash included."""

    place: str | None = attrs.field(default=None)
    """The city or place, in the case it was written in: ``"moscow"``."""

    region: str | None = attrs.field(default=None)
    """The state, country or region after the place: ``"russia"``, ``"S.D."``."""

    agency: str | None = attrs.field(default=None)
    """The agency in parentheses: ``"reuters"``, ``"AP"``."""

    date: DateValue | None = attrs.field(default=None)
    """The date the dateline carries, resolved to a full date where it had no year."""

    def __attrs_post_init__(self) -> None:
        # One call for the five checks, in field order and with attrs' messages.
        if not isinstance(self.text, str):
            _wrong_type("'text'", str, self.text)
        if self.place is not None and not isinstance(self.place, str):
            _wrong_type("'place'", str, self.place)
        if self.region is not None and not isinstance(self.region, str):
            _wrong_type("'region'", str, self.region)
        if self.agency is not None and not isinstance(self.agency, str):
            _wrong_type("'agency'", str, self.agency)
        if self.date is not None and not isinstance(self.date, _dt.date):
            _wrong_type("'date'", _dt.date, self.date)


def _date_to_json(value: DateValue | None) -> str | None:
    return None if value is None else value.isoformat()


def _date_from_json(value: str | None) -> DateValue | None:
    if value is None:
        return None
    # isoformat() writes a "T" only for datetimes, so it tells the two apart.
    if "T" in value:
        return _dt.datetime.fromisoformat(value)
    return _dt.date.fromisoformat(value)


@attrs.frozen(kw_only=True)
class Article:
    """One news document, whatever format it came from.

    Equality and hashing compare the content only: :attr:`origin` and
    :attr:`defects` say how this copy was read, not what it says, so an article
    read back from a file another format wrote compares equal to the original.

    .. versionadded:: 0.1
    """

    format: str = attrs.field()
    """The name of the format the article was read from, e.g. ``"cnn-reuters"``."""

    id: str | None = attrs.field(default=None)
    """The document identifier the source gives (DOCNO, guid, NEWID, ...)."""

    source: str | None = attrs.field(default=None)
    """The publisher, site or agency: ``"CNN.com"``, ``"AFP"``."""

    headline: str | None = attrs.field(default=None)
    """The headline as written."""

    byline: str | None = attrs.field(default=None)
    """The byline as written (``"By BERNARD CONDON"``); never split into names."""

    published: DateValue | None = attrs.field(default=None)
    """When the story was published, at the precision the source gives."""

    dateline: Dateline | None = attrs.field(default=None)
    """The dateline taken out of the first paragraph, or ``None``."""

    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_to_str_tuple)
    """The body, one string per paragraph, without the dateline."""

    highlights: tuple[str, ...] = attrs.field(default=(), converter=_to_str_tuple)
    """Summary points (the CNN/Daily Mail ``@highlight`` lines), if the format has them."""

    subjects: tuple[str, ...] = attrs.field(default=(), converter=_to_str_tuple)
    """Subject, topic or category codes, as the source spells them."""

    language: str | None = attrs.field(default=None)
    """The language tag the source declares (``"en"``); never guessed."""

    extra: FrozenDict = attrs.field(factory=FrozenDict, converter=_to_extra)
    """Format-specific fields, read-only, JSON-like values only."""

    origin: Origin | None = attrs.field(default=None, eq=False)
    """Where the article was read from; not part of equality."""

    defects: tuple[Defect, ...] = attrs.field(default=(), eq=False, converter=_to_defects)
    """The problems the parser worked around; not part of equality."""

    def __attrs_post_init__(self) -> None:
        # Every field checked in one call, in field order, with the messages
        # of a validator per field: thirteen validator calls were a tenth of
        # the cost of reading a short article.
        if not isinstance(self.format, str):
            _wrong_type("'format'", str, self.format)
        if self.id is not None and not isinstance(self.id, str):
            _wrong_type("'id'", str, self.id)
        if self.source is not None and not isinstance(self.source, str):
            _wrong_type("'source'", str, self.source)
        if self.headline is not None and not isinstance(self.headline, str):
            _wrong_type("'headline'", str, self.headline)
        if self.byline is not None and not isinstance(self.byline, str):
            _wrong_type("'byline'", str, self.byline)
        # datetime is a subclass of date, so one check admits both.
        if self.published is not None and not isinstance(self.published, _dt.date):
            _wrong_type("'published'", _dt.date, self.published)
        if self.dateline is not None and not isinstance(self.dateline, Dateline):
            _wrong_type("'dateline'", Dateline, self.dateline)
        for item in self.paragraphs:
            if not isinstance(item, str):
                _wrong_type("items of 'paragraphs'", str, item)
        for item in self.highlights:
            if not isinstance(item, str):
                _wrong_type("items of 'highlights'", str, item)
        for item in self.subjects:
            if not isinstance(item, str):
                _wrong_type("items of 'subjects'", str, item)
        if self.language is not None and not isinstance(self.language, str):
            _wrong_type("'language'", str, self.language)
        if self.origin is not None and not isinstance(self.origin, Origin):
            _wrong_type("'origin'", Origin, self.origin)
        for defect in self.defects:
            if not isinstance(defect, Defect):
                _wrong_type("items of 'defects'", Defect, defect)

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict: only str, int, float, bool, None, list and dict.

        Dates become ISO 8601 strings (``"2000-12-30"`` for a date,
        ``"2000-12-30T18:00:00+00:00"`` for an aware datetime).  The result
        has every field, in declaration order, and :meth:`from_dict` reads it
        back into an equal article, origin and defects included.
        """
        dateline = self.dateline
        origin = self.origin
        # Plain dicts built in place: attrs.asdict() is generic, and costs
        # more than the rest of the record for the origin and each defect.
        return {
            "format": self.format,
            "id": self.id,
            "source": self.source,
            "headline": self.headline,
            "byline": self.byline,
            "published": _date_to_json(self.published),
            "dateline": None
            if dateline is None
            else {
                "text": dateline.text,
                "place": dateline.place,
                "region": dateline.region,
                "agency": dateline.agency,
                "date": _date_to_json(dateline.date),
            },
            "paragraphs": list(self.paragraphs),
            "highlights": list(self.highlights),
            "subjects": list(self.subjects),
            "language": self.language,
            "extra": self.extra.thaw() if self.extra else {},
            "origin": None
            if origin is None
            else {"path": origin.path, "line": origin.line, "offset": origin.offset, "index": origin.index},
            "defects": [
                {"kind": defect.kind, "message": defect.message, "line": defect.line, "column": defect.column}
                for defect in self.defects
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Build an article from the dict :meth:`to_dict` returns.

        Missing keys take their defaults, so hand-written records may leave
        out what they do not have.  Unknown keys are refused rather than
        dropped.

        Raises:
            TypeError: A key is unknown or a value has the wrong type.
            ValueError: A date string is not ISO 8601.
        """
        unknown = set(data) - _ARTICLE_KEYS
        if unknown:
            msg = f"unknown Article keys: {', '.join(sorted(map(repr, unknown)))}"
            raise TypeError(msg)
        kwargs = dict(data)
        if "published" in kwargs:
            kwargs["published"] = _date_from_json(kwargs["published"])
        dateline = kwargs.get("dateline")
        if dateline is not None:
            dateline = dict(dateline)
            if "date" in dateline:
                dateline["date"] = _date_from_json(dateline["date"])
            kwargs["dateline"] = Dateline(**dateline)
        if kwargs.get("origin") is not None:
            kwargs["origin"] = Origin(**kwargs["origin"])
        if "defects" in kwargs:
            kwargs["defects"] = tuple(Defect(**defect) for defect in kwargs["defects"])
        return cls(**kwargs)


_ARTICLE_KEYS = frozenset(field.name for field in attrs.fields(Article))
