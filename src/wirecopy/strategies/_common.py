"""What every article strategy is built from: words, headlines, paragraphs, dates, datelines."""

from __future__ import annotations

import datetime as _dt
import string

from hypothesis import strategies as st

from .._dates import dateline_words
from .._dates.names import ENGLISH_MONTHS, ENGLISH_WEEKDAYS
from ..article import Article, Dateline

LETTERS = string.ascii_letters
# Letters beyond ASCII that wire copy carries: accents, umlauts, curly quotes.
WIDE = "éèàüöäßçñøåÉÜÖ’“”—£€"


def words(
    *, alphabet: str = LETTERS + "0123456789" + WIDE, min_size: int = 1, max_size: int = 12
) -> st.SearchStrategy[str]:
    """One word: no whitespace, from *alphabet*."""
    return st.text(alphabet, min_size=min_size, max_size=max_size)


def sentence(word: st.SearchStrategy[str], min_words: int, max_words: int) -> st.SearchStrategy[str]:
    return st.lists(word, min_size=min_words, max_size=max_words).map(" ".join)


def headlines() -> st.SearchStrategy[str]:
    """A one-line headline with single spaces, digits, quotes and ``-`` inside."""
    token = st.one_of(words(), st.just("-"), st.just('"quoted"'), st.just("U.S."), st.integers(0, 9999).map(str))
    return sentence(token, 1, 12).filter(lambda h: not h.startswith("-") and not h.endswith("-"))


def paragraphs(*, max_words: int = 60) -> st.SearchStrategy[str]:
    """A paragraph of words separated by single spaces, as wrapped text reads back."""
    token = st.one_of(words(), words(alphabet=LETTERS + ".,;:'\"()$%"), st.just("--"))
    return sentence(token, 1, max_words)


def dates(
    *, min_value: _dt.date = _dt.date(1900, 1, 1), max_value: _dt.date = _dt.date(2099, 12, 31)
) -> st.SearchStrategy[_dt.date]:
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


def places() -> st.SearchStrategy[str]:
    name = st.text(LETTERS, min_size=2, max_size=10)
    return sentence(name, 1, 3)


def opens_dateline(place: str) -> bool:
    """Whether *place* may open a dateline: no agency's name, and no ``By`` or ``It`` first."""
    return (
        place.casefold() not in dateline_words.AGENCIES
        and place.split()[0].casefold() not in dateline_words.NEVER_FIRST
    )


def dateline_places() -> st.SearchStrategy[str]:
    """A place a dateline may open with (:func:`opens_dateline`)."""
    return places().filter(opens_dateline)


WEEKDAY_NAMES = ENGLISH_WEEKDAYS
# Agencies as datelines credit them, composite credits included.
CREDITS = ("AP", "Reuters", "AFP", "CNN", "dpa", "Xinhua", "reuters", "tca/dpa", "dpa/lni", "AFP/Reuters")


def datelines(*, with_date: bool = False) -> st.SearchStrategy[Dateline]:
    """A ``PLACE, Region (Agency) --`` dateline whose text parses back to itself.

    The agency may be a composite credit (``tca/dpa``).  With *with_date*,
    the dateline carries a full date, in one of the forms that read back
    without a reference: ``Santiago, May 31, 2009 (AFP) --``, ``Madrid, 21
    ene 2019 (AFP) -`` (the month in French, Spanish, Italian or German) or
    ``NEW YORK 1996-10-07``.
    """
    if with_date:
        return dated_datelines()

    @st.composite
    def build(draw: st.DrawFn) -> Dateline:
        upper = draw(st.booleans())
        place = draw(dateline_places())
        # A weekday after the comma is the dateline's date, not a region.
        region = draw(st.none() | places().filter(lambda r: r.casefold() not in WEEKDAY_NAMES))
        agency = draw(st.sampled_from(CREDITS))
        dash = draw(st.sampled_from(["--", "—", "-", "_"]))
        if upper:
            place = place.upper()
        text = place + (f", {region}" if region else "") + f" ({agency}) {dash}"
        return Dateline(text=text, place=place, region=region, agency=agency)

    return build()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


# Month and weekday names, which a dateline parser rightly takes for part of
# a date: a generated place or region must not be one.
DATE_WORDS = (
    frozenset(name for month in ENGLISH_MONTHS for name in (month, month[:3], month[:4]))
    | frozenset(WEEKDAY_NAMES)
    | frozenset(day[:3] for day in WEEKDAY_NAMES)
)


CITIES = ("NEW YORK", "SAN DIEGO", "LONDON", "TOKYO", "SAO PAULO", "JOHANNESBURG", "FRANKFURT", "HONG KONG", "MOSCOW")


def plain_place() -> st.SearchStrategy[str]:
    return places().filter(lambda p: not any(word.casefold().rstrip(".") in DATE_WORDS for word in p.split()))


# The month abbreviations of French (AFP), Spanish (EFE), Italian (ANSA, in
# capitals) and German (dpa) copy, January first.
FOREIGN_MONTHS = (
    ("janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"),
    ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"),
    ("GEN", "FEB", "MAR", "APR", "MAG", "GIU", "LUG", "AGO", "SET", "OTT", "NOV", "DIC"),
    ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"),
)


def dated_datelines() -> st.SearchStrategy[Dateline]:
    @st.composite
    def build(draw: st.DrawFn) -> Dateline:
        from ..dates import format_date

        day = draw(dates())
        if draw(st.booleans()):
            # RCV1: "NEW YORK 1996-10-07".  With no agency to vouch for it, only
            # a place in capitals makes a dateline, so draw real ones.
            city = draw(st.sampled_from(CITIES))
            return Dateline(text=f"{city} {day.isoformat()}", place=city, date=day)
        place = draw(plain_place().filter(opens_dateline))
        if draw(st.booleans()):
            place = place.upper()
        region = draw(st.none() | plain_place())
        agency = draw(st.sampled_from(["AP", "Reuters", "AFP", "dpa", "Xinhua", "reuters"]))
        dash = draw(st.sampled_from(["--", "—", "-", "_"]))
        style = draw(st.sampled_from(["us-long", "ap", "foreign"]))
        if style == "foreign":
            names = draw(st.sampled_from(FOREIGN_MONTHS))
            written = f"{day.day} {names[day.month - 1]} {day.year:04d}"
        else:
            written = format_date(day, style)
        text = place + (f", {region}" if region else "") + f", {written} ({agency}) {dash}"
        return Dateline(text=text, place=place, region=region, agency=agency, date=day)

    return build()


def dateline_fields(dateline: Dateline) -> dict[str, object]:
    """The fields of *dateline* but its date."""
    return {"text": dateline.text, "place": dateline.place, "region": dateline.region, "agency": dateline.agency}


def first_paragraph_is_not_a_dateline(article: Article) -> bool:
    """No paragraph where a reader looks for a dateline may open like one: it would be read as one.

    That is the first paragraph, and those :func:`wirecopy.datelines.find_dateline`
    looks at past a short first paragraph.
    """
    from ..datelines import find_dateline

    return find_dateline(article.paragraphs) is None


def body_reads_back(article: Article) -> bool:
    """Without a dateline, the body must not open like one where a reader looks: it would be read back as one."""
    return article.dateline is not None or first_paragraph_is_not_a_dateline(article)
