"""The writing side of :mod:`wirecopy.kit.wire`: :class:`TransmissionWriter`, re-exported there."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .._text import describe
from ..article import Article
from ..errors import WriteError
from ._transmissions import CONTROL, CONTROL_NAMES, MAX_DIGITS

if TYPE_CHECKING:
    from .wire import WireFormat


class TransmissionWriter:
    """Writes one article as one transmission: the checks every wire writer makes, and a hook.

    A format implements :meth:`render`, which returns the transmission as a
    ``str`` of one character per byte; :meth:`WireFormat.write` encodes it
    with :meth:`encode`.  Every check raises the
    :class:`~wirecopy.errors.WriteError` that :meth:`refuse` builds, naming
    the article and the reason.

    Args:
        format: The format being written.
        article: The article to write.
        index: Its 1-based position in the output (a default for sequence
            numbers).

    .. versionadded:: 0.1
    """

    #: The characters :meth:`checked` strips from both ends of a field;
    #: ``None`` strips all white space.
    strip: ClassVar[str | None] = None

    def __init__(self, format: WireFormat, article: Article, index: int) -> None:
        self.format = format
        """The format being written."""
        self.article = article
        """The article to write."""
        self.index = index
        """Its 1-based position in the output."""
        # extra is format-specific: another format's "priority" or "category"
        # means something else, so only an article of this format lends its own.
        self.extra: Mapping[str, Any] = article.extra if article.format == format.name else {}
        """The article's ``extra`` if it is of this format, else empty."""

    def render(self) -> str:
        """The transmission, one character per byte."""
        raise NotImplementedError

    def refuse(self, reason: str) -> WriteError:
        """Build (not raise) the WriteError for an article the format cannot hold, for *reason*."""
        return WriteError(f"cannot write {describe(self.article)} as {self.format.name}: {reason}")

    def check_text(self, what: str, value: str) -> None:
        """Refuse a value with a line break or a control character (other than TAB)."""
        match = CONTROL.search(value)
        if match is None:
            return
        char = match.group()
        if char in "\n\r":
            raise self.refuse(f"its {what} spans lines")
        name = CONTROL_NAMES.get(char, f"U+{ord(char):04X}")
        raise self.refuse(f"its {what} holds the control character {name}")

    def checked(self, what: str, value: object) -> str:
        """*value* stripped (see :attr:`strip`), refused unless it is a ``str`` that :meth:`check_text` accepts."""
        if not isinstance(value, str):
            raise self.refuse(f"its {what} {value!r} is not a str")
        self.check_text(what, value)
        return value.strip(self.strip)

    def value(self, key: str, default: Any) -> Any:
        """The header field *key* from :attr:`extra`; an absent or ``None`` value takes *default*."""
        value = self.extra.get(key)
        return default if value is None else value

    def field(self, key: str, value: Any, pattern: re.Pattern[str]) -> str:
        """*value*, refused unless it is a ``str`` that fills *pattern* (its fixed header field)."""
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise self.refuse(f"its {key} {value!r} does not fit the header field")
        return value

    def field_from(self, key: str, default: str, pattern: re.Pattern[str]) -> str:
        """The header field *key* from :attr:`extra` (or *default*), checked to fit *pattern*."""
        return self.field(key, self.value(key, default), pattern)

    def word_count(self) -> int:
        """The ``word_count`` of :attr:`extra`, else the words of the paragraphs, checked to be a whole number."""
        words = self.value("word_count", None)
        if words is None:
            words = sum(len(paragraph.split()) for paragraph in self.article.paragraphs)
        if not isinstance(words, int) or isinstance(words, bool) or words < 0:
            raise self.refuse(f"its word_count {words!r} is not a whole number")
        if words >= 10**MAX_DIGITS:
            raise self.refuse(f"its word_count {words!r} does not fit the header field ({MAX_DIGITS} digits)")
        return words

    def trailer_time(self) -> _dt.datetime:
        """The trailer's time: ``published`` in GMT, to the minute (seconds dropped, not rounded).

        Raises:
            WriteError: ``published`` is not an aware datetime, or its year does
                not fit a two-digit year (1969-2068).
        """
        published = self.article.published
        if not isinstance(published, _dt.datetime) or published.utcoffset() is None:
            raise self.refuse("the trailer needs published as a datetime with a zone")
        gmt = published.astimezone(_dt.timezone.utc).replace(second=0, microsecond=0)
        if not 1969 <= gmt.year <= 2068:
            raise self.refuse(f"the trailer's two-digit year cannot hold {gmt.year}")
        return gmt

    def encode(self, text: str) -> bytes:
        """Encode the rendered *text*: in UTF-8 if the format's :attr:`~WireFormat.utf8`, else in windows-1252.

        Raises:
            WriteError: A character the encoding cannot hold.
        """
        utf8 = self.format.utf8
        try:
            return text.encode("utf-8" if utf8 else "cp1252")
        except UnicodeEncodeError as err:
            char = text[err.start]
            held = "cannot be written in UTF-8" if utf8 else "has no byte in windows-1252"
            raise self.refuse(f"the character {char!r} (U+{ord(char):04X}) {held}") from None
