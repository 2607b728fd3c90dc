"""Hypothesis strategies for wirecopy's records, for property tests.

Needs Hypothesis (``pip install wirecopy[hypothesis]``); wirecopy itself never
imports this module.  Plugin authors use it to test their formats the way
wirecopy tests its own::

    from hypothesis import given
    from wirecopy.strategies import articles_for

    @given(articles_for("cnn-reuters"))
    def test_roundtrip(article): ...

:func:`articles_for` gives, per format, articles that the format can represent,
so that ``loads(dumps(a, name), name) == a`` is a fair property.

With Hypothesis installed, ``st.from_type(Article)`` (and ``Dateline``,
``Origin``, ``Defect``) draws from these strategies: wirecopy registers them
through Hypothesis' ``hypothesis`` entry-point group, which Hypothesis runs
when it is imported, so wirecopy itself never imports Hypothesis.
"""

from __future__ import annotations

import datetime as _dt
import string
from collections.abc import Callable

from hypothesis import strategies as st

from .article import Article, Dateline, Defect, Origin

__all__ = [
    "STYLE_DOMAINS",
    "articles",
    "articles_for",
    "date_texts",
    "datelines",
    "dates",
    "dates_in_style",
    "datetimes",
    "defects",
    "headlines",
    "origins",
    "paragraphs",
    "published",
    "words",
]

_LETTERS = string.ascii_letters
# Letters beyond ASCII that wire copy carries: accents, umlauts, curly quotes.
_WIDE = "éèàüöäßçñøåÉÜÖ’“”—£€"


def words(*, alphabet: str = _LETTERS + "0123456789" + _WIDE, min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[str]:
    """One word: no whitespace, from *alphabet*."""
    return st.text(alphabet, min_size=min_size, max_size=max_size)


def _sentence(word: st.SearchStrategy[str], min_words: int, max_words: int) -> st.SearchStrategy[str]:
    return st.lists(word, min_size=min_words, max_size=max_words).map(" ".join)


def headlines() -> st.SearchStrategy[str]:
    """A one-line headline with single spaces, digits, quotes and ``-`` inside."""
    token = st.one_of(words(), st.just("-"), st.just('"quoted"'), st.just("U.S."), st.integers(0, 9999).map(str))
    return _sentence(token, 1, 12).filter(lambda h: not h.startswith("-") and not h.endswith("-"))


def paragraphs(*, max_words: int = 60) -> st.SearchStrategy[str]:
    """A paragraph of words separated by single spaces, as wrapped text reads back."""
    token = st.one_of(words(), words(alphabet=_LETTERS + ".,;:'\"()$%"), st.just("--"))
    return _sentence(token, 1, max_words)


def dates(*, min_value: _dt.date = _dt.date(1900, 1, 1), max_value: _dt.date = _dt.date(2099, 12, 31)) -> st.SearchStrategy[_dt.date]:
    """A calendar date (not a datetime)."""
    return st.dates(min_value=min_value, max_value=max_value)


def datetimes(*, aware: bool | None = None) -> st.SearchStrategy[_dt.datetime]:
    """A datetime to the second; aware with a whole-minute offset, naive, or either."""
    naive = st.datetimes(min_value=_dt.datetime(1900, 1, 1), max_value=_dt.datetime(2099, 12, 31)).map(
        lambda d: d.replace(microsecond=0)
    )
    offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: _dt.timezone(_dt.timedelta(minutes=m)))
    with_zone = st.builds(lambda d, z: d.replace(tzinfo=z), naive, offsets)
    if aware is None:
        return st.one_of(naive, with_zone)
    return with_zone if aware else naive


def published() -> st.SearchStrategy[_dt.date | _dt.datetime | None]:
    """What :attr:`Article.published` may hold: None, a date, or a datetime."""
    return st.one_of(st.none(), dates(), datetimes())


def _place() -> st.SearchStrategy[str]:
    name = st.text(_LETTERS, min_size=2, max_size=10)
    return _sentence(name, 1, 3)


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def datelines(*, with_date: bool = False) -> st.SearchStrategy[Dateline]:
    """A ``PLACE, Region (Agency) --`` dateline whose text parses back to itself.

    With *with_date*, the dateline carries a full date, in one of the forms
    that read back without a reference: ``Santiago, May 31, 2009 (AFP) --``
    or ``NEW YORK 1996-10-07``.
    """
    if with_date:
        return _dated_datelines()

    @st.composite
    def build(draw: st.DrawFn) -> Dateline:
        upper = draw(st.booleans())
        place = draw(_place())
        # A weekday after the comma is the dateline's date, not a region.
        region = draw(st.none() | _place().filter(lambda r: r.casefold() not in _WEEKDAY_NAMES))
        agency = draw(st.sampled_from(["AP", "Reuters", "AFP", "CNN", "dpa", "Xinhua", "reuters"]))
        dash = draw(st.sampled_from(["--", "—", "-", "_"]))
        if upper:
            place = place.upper()
        text = place + (f", {region}" if region else "") + f" ({agency}) {dash}"
        return Dateline(text=text, place=place, region=region, agency=agency)

    return build()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


def articles(*, format: str = "jsonl") -> st.SearchStrategy[Article]:
    """Any valid article, every field filled at random, origin and defects included."""
    text = st.text(max_size=40)
    opt = st.none() | text
    dateline = st.none() | st.builds(
        Dateline, text=text, place=opt, region=opt, agency=opt, date=published()
    )
    origin = st.none() | st.builds(
        Origin,
        path=opt,
        line=st.none() | st.integers(1, 10**6),
        offset=st.none() | st.integers(0, 10**9),
        index=st.none() | st.integers(0, 10**6),
    )
    defect = st.builds(
        Defect,
        kind=st.text(_LETTERS + "-", min_size=1, max_size=20),
        message=text,
        line=st.none() | st.integers(1, 10**6),
        column=st.none() | st.integers(1, 10**4),
    )
    return st.builds(
        Article,
        format=st.just(format),
        id=opt,
        source=opt,
        headline=opt,
        byline=opt,
        published=published(),
        dateline=dateline,
        paragraphs=st.lists(text, max_size=4).map(tuple),
        highlights=st.lists(text, max_size=3).map(tuple),
        subjects=st.lists(text, max_size=3).map(tuple),
        language=st.none() | st.sampled_from(["en", "de", "fr", "en-US"]),
        extra=st.dictionaries(st.text(max_size=10), _JSON, max_size=4),
        origin=origin,
        defects=st.lists(defect, max_size=2).map(tuple),
    )


def _cnn_reuters() -> st.SearchStrategy[Article]:
    site = st.text(_LETTERS + ".", min_size=1, max_size=12).filter(lambda s: s[0] != ".")
    return st.builds(
        Article,
        format=st.just("cnn-reuters"),
        source=site,
        headline=headlines(),
        published=dates(min_value=_dt.date(1000, 1, 1), max_value=_dt.date(9999, 12, 31)),
        dateline=st.none() | datelines(),
        paragraphs=st.lists(paragraphs(), max_size=4).map(tuple),
    ).filter(_cnn_body_reads_back)


def _cnn_body_reads_back(article: Article) -> bool:
    # Without a dateline, a first paragraph that opens like one would be read
    # back as a dateline: such articles cannot be represented.
    if article.dateline is not None or not article.paragraphs:
        return True
    from .datelines import split_dateline

    return split_dateline(article.paragraphs[0])[0] is None


#: Strategies of articles each built-in format can represent.
_BY_FORMAT: dict[str, Callable[[], st.SearchStrategy[Article]]] = {
    "cnn-reuters": _cnn_reuters,
    "jsonl": articles,
}


def articles_for(name: str) -> st.SearchStrategy[Article]:
    """Articles that the format *name* can write and read back unchanged.

    Raises:
        LookupError: wirecopy has no strategy for that format.
    """
    from .registry import get_format

    canonical = get_format(name).name
    try:
        return _BY_FORMAT[canonical]()
    except KeyError:
        msg = f"no article strategy for format {canonical!r}"
        raise LookupError(msg) from None


def origins() -> st.SearchStrategy[Origin]:
    """Any :class:`~wirecopy.article.Origin`: a path or none, a line, a byte offset, an index."""
    opt = st.none() | st.text(max_size=40)
    return st.builds(
        Origin,
        path=opt,
        line=st.none() | st.integers(1, 10**6),
        offset=st.none() | st.integers(0, 10**9),
        index=st.none() | st.integers(0, 10**6),
    )


def defects() -> st.SearchStrategy[Defect]:
    """Any :class:`~wirecopy.article.Defect`, with a kebab-case kind such as ``bad-date``."""
    return st.builds(
        Defect,
        kind=st.text(_LETTERS + "-", min_size=1, max_size=20),
        message=st.text(max_size=40),
        line=st.none() | st.integers(1, 10**6),
        column=st.none() | st.integers(1, 10**4),
    )


# -- dates in each format_date style ---------------------------------------

_UTC = _dt.timezone.utc


def _to_seconds(value: _dt.datetime) -> _dt.datetime:
    return value.replace(microsecond=0)


def _centiseconds(value: _dt.datetime) -> _dt.datetime:
    return value.replace(microsecond=value.microsecond // 10_000 * 10_000)


def _naive(min_year: int = 1900, max_year: int = 2099) -> st.SearchStrategy[_dt.datetime]:
    return st.datetimes(min_value=_dt.datetime(min_year, 1, 1), max_value=_dt.datetime(max_year, 12, 31, 23, 59, 59))


def _aware_minutes(value: _dt.datetime) -> _dt.datetime:
    return value.replace(second=0, microsecond=0)


#: What :func:`dates_in_style` draws for each style of
#: :func:`wirecopy.format_date`: the values the style writes without loss.
STYLE_DOMAINS: dict[str, str] = {
    "iso": "dates, naive datetimes and aware datetimes (whole-minute offsets), to the second",
    "iso-basic": "dates, naive datetimes and aware datetimes (whole-minute offsets), to the second",
    "us-long": "dates",
    "ap": "dates",
    "day-month-year": "dates",
    "rfc822": "naive and aware datetimes (whole-minute offsets) to the second",
    "reuters21578": "naive datetimes to the hundredth of a second",
    "mm-dd": "dates; read back with reference= a date near the value",
    "iptc7901": "aware datetimes (whole-minute offsets) to the minute, 1969-2068 in GMT, read back as the same "
    "instant in GMT; read back with reference= a date near the value",
    "us-slash": "dates and naive datetimes to the second",
}

_STYLE_VALUES: dict[str, Callable[[], st.SearchStrategy[_dt.date | _dt.datetime]]] = {
    "iso": lambda: st.one_of(dates(), datetimes()),
    "iso-basic": lambda: st.one_of(dates(), datetimes()),
    "us-long": dates,
    "ap": dates,
    "day-month-year": dates,
    "rfc822": datetimes,
    "reuters21578": lambda: _naive().map(_centiseconds),
    "mm-dd": dates,
    # The GMT instant must fall in 1969-2068, whatever the offset.
    "iptc7901": lambda: datetimes(aware=True)
    .map(_aware_minutes)
    .filter(lambda v: 1969 <= v.astimezone(_UTC).year <= 2068),
    "us-slash": lambda: st.one_of(dates(), _naive().map(_to_seconds)),
}


def dates_in_style(style: str) -> st.SearchStrategy[_dt.date | _dt.datetime]:
    """Dates and datetimes that :func:`wirecopy.format_date` writes in *style* without loss.

    For every value *v* drawn, ``parse_date(format_date(v, style)) == v``;
    ``mm-dd`` and ``iptc7901``, which write no year or two digits of it,
    read back with a *reference* date near *v*.  :data:`STYLE_DOMAINS` says
    what each style draws.

    Raises:
        ValueError: *style* is not a style this module knows.

    .. versionadded:: 0.1
    """
    try:
        return _STYLE_VALUES[style]()
    except KeyError:
        msg = f"no date strategy for style {style!r}; known styles: {', '.join(_STYLE_VALUES)}"
        raise ValueError(msg) from None


def date_texts(style: str) -> st.SearchStrategy[str]:
    """Date strings in *style*, as :func:`wirecopy.format_date` writes them: ``Dec. 30, 2000`` for ``ap``.

    Raises:
        ValueError: :func:`wirecopy.format_date` has no such style.

    .. versionadded:: 0.1
    """
    from .dates import STYLES, format_date

    if style not in STYLES:
        msg = f"format_date has no style {style!r}; its styles: {', '.join(STYLES)}"
        raise ValueError(msg)
    return dates_in_style(style).map(lambda value: format_date(value, style))



# Month and weekday names, which a dateline parser rightly takes for part of
# a date: a generated place or region must not be one.
_DATE_WORDS = frozenset(
    name
    for month in ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                  "october", "november", "december")
    for name in (month, month[:3], month[:4])
) | frozenset(_WEEKDAY_NAMES) | frozenset(day[:3] for day in _WEEKDAY_NAMES)


_CITIES = ("NEW YORK", "SAN DIEGO", "LONDON", "TOKYO", "SAO PAULO", "JOHANNESBURG", "FRANKFURT", "HONG KONG", "MOSCOW")


def _plain_place() -> st.SearchStrategy[str]:
    return _place().filter(lambda p: not any(word.casefold().rstrip(".") in _DATE_WORDS for word in p.split()))


def _dated_datelines() -> st.SearchStrategy[Dateline]:
    @st.composite
    def build(draw: st.DrawFn) -> Dateline:
        from .dates import format_date

        day = draw(dates())
        if draw(st.booleans()):
            # RCV1: "NEW YORK 1996-10-07".  With no agency to vouch for it, only
            # a place in capitals makes a dateline, so draw real ones.
            city = draw(st.sampled_from(_CITIES))
            return Dateline(text=f"{city} {day.isoformat()}", place=city, date=day)
        place = draw(_plain_place())
        if draw(st.booleans()):
            place = place.upper()
        region = draw(st.none() | _plain_place())
        agency = draw(st.sampled_from(["AP", "Reuters", "AFP", "dpa", "Xinhua", "reuters"]))
        dash = draw(st.sampled_from(["--", "—", "-", "_"]))
        written = format_date(day, draw(st.sampled_from(["us-long", "ap"])))
        text = place + (f", {region}" if region else "") + f", {written} ({agency}) {dash}"
        return Dateline(text=text, place=place, region=region, agency=agency, date=day)

    return build()
