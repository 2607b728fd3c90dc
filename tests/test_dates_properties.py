"""wirecopy.dates by properties: against dateutil, the hot path against the layouts, any text, round trips."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from dateutil import parser as du_parser
from hypothesis import given
from hypothesis import strategies as st

from wirecopy import ParseError
from wirecopy._dates.layouts import parse_general
from wirecopy._dates.names import ENGLISH_WEEKDAYS, ITALIAN_MONTHS, MONTH_NAMES, SPANISH_MONTHS
from wirecopy.dates import STYLES, ZONES, format_date, parse_date

from .date_strategies import UTC, hostile_texts, references, same, tz

ZONE_NAMES = sorted(ZONES)
# The Italian and Spanish abbreviations parse_date reads (the others are
# English words, read as months in datelines only), January first.
_SAFE_ABBRS = ("enero", "feb", "mar", "abr", "maggio", "giu", "jul", "agosto", "sep", "ott", "nov", "dic")
DAYS = tuple(name.capitalize() for name in ENGLISH_WEEKDAYS)


def _offsets() -> st.SearchStrategy[dt.timezone]:
    """Whole-minute offsets strictly inside a day, as every style with a zone can write them."""
    return st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))


def _iso_offset(zone: dt.timezone, colon: bool) -> str:
    minutes = int(zone.utcoffset(None).total_seconds()) // 60  # type: ignore[union-attr]
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{':' if colon else ''}{abs(minutes) % 60:02d}"


@st.composite
def family_strings(draw: st.DrawFn) -> tuple[str, dict[str, object], str]:
    """A date string of one family that dateutil reads too, its parse options, and the family."""
    day = draw(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)))
    moment = draw(st.datetimes(dt.datetime(1000, 1, 1), dt.datetime(9999, 12, 30)))
    zone = draw(_offsets().filter(lambda z: z.utcoffset(None) != dt.timedelta(0)) | st.just(UTC))
    month, full = _MONTH_ABBR[day.month - 1], MONTH_NAMES[day.month - 1]
    family = draw(
        st.sampled_from(
            [
                "us-long",
                "us-upper",
                "ap",
                "weekday",
                "dmy",
                "iso-date",
                "iso-naive",
                "iso-aware",
                "iso-z",
                "iso-basic",
                "basic-date",
                "slash",
                "slash-dayfirst",
                "reuters",
                "rfc822-offset",
                "rfc822-name",
                "rfc822-2digit",
                "anpa-trailer",
                "time-first",
                "us-long-time",
                "no-year",
                "weekday-dmy",
                "slash-minutes",
            ]
        )
    )
    secs = moment.replace(microsecond=0)
    options: dict[str, object] = {}
    if family == "us-long":
        text = f"{full} {day.day}, {day.year}"
    elif family == "us-upper":
        text = f"{full.upper()} {day.day}, {day.year}"
    elif family == "ap":
        text = format_date(day, "ap")
    elif family == "weekday":
        text = f"{DAYS[day.weekday()]}, {full} {day.day}, {day.year}"
    elif family == "dmy":
        text = f"{day.day} {draw(st.sampled_from([full, month]))} {day.year}"
    elif family == "iso-date":
        text = day.isoformat()
    elif family == "iso-naive":
        text = moment.isoformat(
            sep=draw(st.sampled_from(["T", " "])),
            timespec=draw(st.sampled_from(["minutes", "seconds", "milliseconds", "microseconds"])),
        )
    elif family == "iso-aware":
        text = secs.isoformat() + _iso_offset(zone, draw(st.booleans()))
    elif family == "iso-z":
        text = moment.isoformat(timespec="milliseconds") + "Z"
    elif family == "iso-basic":
        text = format_date(secs.replace(tzinfo=zone), "iso-basic")
    elif family == "basic-date":
        text = format_date(day, "iso-basic")
    elif family == "slash":
        text = format_date(draw(st.sampled_from([day, secs])), "us-slash")
    elif family == "slash-dayfirst":
        text = f"{day.day:02d}/{day.month:02d}/{day.year}"
        options["dayfirst"] = True
    elif family == "reuters":
        text = format_date(moment.replace(microsecond=moment.microsecond // 10000 * 10000), "reuters21578")
    elif family == "rfc822-offset":
        text = format_date(secs.replace(tzinfo=zone), "rfc822")
    elif family == "rfc822-name":
        name = draw(st.sampled_from(ZONE_NAMES))
        weekday = _DAY_ABBR[secs.weekday()]
        text = f"{weekday}, {secs.day:02d} {_MONTH_ABBR[secs.month - 1]} {secs.year} {secs:%H:%M:%S} {name}"
    elif family == "rfc822-2digit":
        text = f"{_DAY_ABBR[secs.weekday()]}, {secs.day:02d} {_MONTH_ABBR[secs.month - 1]} {secs:%y %H:%M:%S} GMT"
    elif family == "anpa-trailer":
        text = f"{secs:%m-%d-%y %H%M}{draw(st.sampled_from(['EDT', 'EST', 'GMT']))}"
    elif family == "time-first":
        text = f"{secs:%H:%M} {draw(st.sampled_from(['EST', 'GMT', 'BST']))}, {day.day} {full} {day.year}"
    elif family == "us-long-time":
        hour = secs.hour % 12 or 12
        text = f"{full} {day.day}, {day.year} {hour}:{secs:%M} {'p.m.' if secs.hour >= 12 else 'a.m.'} EST"
    elif family == "weekday-dmy":
        text = f"{DAYS[day.weekday()]}, {day.day} {draw(st.sampled_from([full, month]))} {day.year}"
    elif family == "slash-minutes":
        text = f"{secs.month}/{secs.day}/{secs.year} {draw(st.sampled_from([secs.hour, f'{secs.hour:02d}']))}:{secs:%M}"
    else:  # no-year: resolved against a reference in the same year, as dateutil's default is
        text = draw(
            st.sampled_from(
                [
                    f"{full} {day.day}",
                    f"{month}. {day.day}",
                    f"{day.month:02d}-{day.day:02d}",
                    f"{day.day} {full}",
                    f"{DAYS[day.weekday()]}, {month} {day.day}",
                ]
            )
        )
        options["reference"] = day
    return text, options, family


@st.composite
def near_misses(draw: st.DrawFn) -> str:
    """Strings in and around the hot path's shapes: right and wrong names, days, years, clocks and spacing.

    Each part is right three times in four, so that a good share of the
    strings are read by the hot path and the rest miss it by one part.
    """

    def pick(right: tuple[str, ...], wrong: tuple[str, ...]) -> str:
        return draw(st.sampled_from(right) if draw(st.integers(0, 3)) else st.sampled_from(wrong))

    def cased(name: str) -> str:
        return draw(st.sampled_from([name, name.upper(), name.capitalize(), name.title(), name.swapcase()]))

    weekday = cased(pick(("saturday", "sat", "thu", "thurs", "samedi"), ("satruday", "may", "dec"))) + pick(
        ("", ","), (".", ".,")
    )
    month = cased(pick(("december", "dec", "sept", "okt", "juil", "märz", "août", "mai"), ("decmber", "sun", "mon")))
    month += pick(("", "."), (",", ".,"))
    day = pick(("1", "01", "9", "28", "29", "30", "31"), ("0", "00", "32", "٣", "1٠", "²"))
    day_comma = day + pick(("", ","), (".", ",,"))
    year = pick(("2000", "1999", "2001", "0001", "9999", "93", "00"), ("0000", "２０００", "20a0", "10000", "9٣"))
    number = pick(("1", "01", "4", "12"), ("0", "13", "31", "32", "٣"))
    clock = pick(
        ("18:00", "6:30", "06:30", "23:59:59", "18:00:00.2", "18:00:00,5", "0:00", "10:00:02"),
        ("24:00", "18:00:00.1234567", "18:60", "18:00Z", "1800", "18:00 EST", "6:30 p.m.", "18:00:60", "٣:00", "18:0"),
    )
    space = pick((" ",), ("  ", "\t", ", "))
    zone = pick(("GMT", "EST", "gmt", "Z", "+1100", "-0500", "+0000"), ("-0000", "+2400", "+0160", "XYZ", "eſt", "+11"))
    shapes = {
        "mdy": f"{month}{space}{day_comma} {year}",
        "dmy": f"{day}{space}{month} {year}",
        "wmdy": f"{weekday} {month} {day_comma}{space}{year}",
        "wdmy": f"{weekday} {day} {month}{space}{year}",
        "md": f"{month}{space}{day}",
        "dm": f"{day}{space}{month}",
        "wmd": f"{weekday} {month}{space}{day}",
        "slash": f"{number}/{number if draw(st.booleans()) else day}/{year}",
        "slash-time": f"{number}/{day}/{year}{space}{clock}",
        "rfc822": f"{weekday} {day} {month} {year} {clock}{space}{zone}",
        "rfc822-no-weekday": f"{day} {month}{space}{year} {clock} {zone}",
    }
    return shapes[draw(st.sampled_from(sorted(shapes)))]


_MONTH_ABBR = tuple(name[:3] for name in MONTH_NAMES)
_DAY_ABBR = tuple(name[:3] for name in DAYS)
_DU_DEFAULT = dt.datetime(2004, 1, 1)


def _dateutil(text: str, options: dict[str, object]) -> dt.datetime:
    reference = options.get("reference")
    default = _DU_DEFAULT if reference is None else dt.datetime.combine(reference, dt.time())  # type: ignore[arg-type]
    return du_parser.parse(text, default=default, tzinfos=dict(ZONES), dayfirst=bool(options.get("dayfirst")))


class TestProperties:
    @given(family_strings())
    def test_agrees_with_dateutil(self, case: tuple[str, dict[str, object], str]) -> None:
        """On generated strings of every family dateutil reads, wirecopy gives dateutil's answer.

        Two-digit years are compared within the century: dateutil picks it
        by the clock, wirecopy by a fixed pivot (69-99 -> 19xx).
        """
        text, options, family = case
        ours = parse_date(text, **options)  # type: ignore[arg-type]
        theirs = _dateutil(text, options)
        if family in ("rfc822-2digit", "anpa-trailer"):
            assert ours.year % 100 == theirs.year % 100
            assert ours.year == (1900 if ours.year % 100 >= 69 else 2000) + ours.year % 100
            theirs = theirs.replace(year=ours.year)
        if isinstance(ours, dt.datetime):
            assert ours == theirs
            assert ours.utcoffset() == theirs.utcoffset()
            assert ours.replace(tzinfo=None) == theirs.replace(tzinfo=None)
        else:
            assert theirs == dt.datetime.combine(ours, dt.time())
            assert theirs.tzinfo is None

    @given(family_strings())
    def test_hot_path_agrees_with_the_general_path(self, case: tuple[str, dict[str, object], str]) -> None:
        """The hot path gives exactly what the general path gives for the same string."""
        text, options, _ = case
        general = parse_general(
            text,
            text.strip(),
            None,
            options.get("reference"),
            None,
            bool(options.get("dayfirst")),  # type: ignore[arg-type]
        )
        same(parse_date(text, **options), general)  # type: ignore[arg-type]

    @given(near_misses(), references(), st.booleans(), st.sampled_from([None, tz(-5)]))
    def test_hot_path_agrees_on_near_misses(
        self, text: str, reference: dt.date | None, dayfirst: bool, default_tz: dt.timezone | None
    ) -> None:
        """On strings in and around the hot path's shapes, parse_date gives what the layouts alone give, errors too."""
        try:
            expected: object = parse_general(text, text, default_tz, reference, None, dayfirst)
        except ParseError as err:
            expected = str(err)
        try:
            got: object = parse_date(text, default_tz=default_tz, reference=reference, dayfirst=dayfirst)
        except ParseError as err:
            got = str(err)
        same(got, expected)

    @pytest.mark.parametrize(
        ("text", "why"),
        [
            ("131137 GMT Nov 13", "the IPTC 7901 trailer"),
            ("001230", "TREC's six-digit date"),
            ("7 Okt 2015", "a German month"),
            ("10 juil 2024", "a French month"),
            ("27-MAR-1987 09:41:54.06&#5;&#5;&#5;C L", "Reuters-21578's junk"),
        ],
    )
    def test_families_dateutil_cannot_read(self, text: str, why: str) -> None:
        """The families left out of the differential test are the ones dateutil refuses."""
        with pytest.raises(ValueError):
            du_parser.parse(text, default=_DU_DEFAULT)
        assert isinstance(parse_date(text), dt.date), why

    @pytest.mark.parametrize("text", ["2014-07-17 00:24:11 GMT+3", "Sat Dec 30 18:00:00 GMT-5 2000"])
    def test_documented_difference_gmt_sign(self, text: str) -> None:
        """GMT+3 is east for wirecopy and west (POSIX) for dateutil: the offsets are opposite."""
        ours = parse_date(text)
        theirs = du_parser.parse(text, default=_DU_DEFAULT)
        assert ours.utcoffset() == -theirs.utcoffset()  # type: ignore[union-attr,operator]
        assert ours.replace(tzinfo=None) == theirs.replace(tzinfo=None)  # type: ignore[union-attr]

    def test_documented_difference_minus_zero(self) -> None:
        """-0000 is "no zone" for wirecopy (RFC 5322) and UTC for dateutil."""
        text = "Sat, 30 Dec 2000 18:00:00 -0000"
        assert parse_date(text).tzinfo is None  # type: ignore[union-attr]
        assert du_parser.parse(text).utcoffset() == dt.timedelta(0)

    @given(
        st.dates(dt.date(1000, 1, 1)),
        st.sampled_from([ITALIAN_MONTHS, SPANISH_MONTHS, _SAFE_ABBRS]),
        st.sampled_from([str.lower, str.upper, str.capitalize]),
        st.sampled_from(["dmy", "mdy"]),
    )
    def test_italian_and_spanish_months_read_back(
        self, day: dt.date, names: tuple[str, ...], case: Callable[[str], str], layout: str
    ) -> None:
        """A date written with an Italian or Spanish month, in any case, reads back as that date, on both paths."""
        month = case(names[day.month - 1])
        text = f"{day.day} {month} {day.year:04d}" if layout == "dmy" else f"{month} {day.day}, {day.year:04d}"
        same(parse_date(text), day)
        same(parse_general(text, text, None, None, None, False), day)

    @given(st.text(), references())
    def test_any_text_raises_only_parse_errors(self, text: str, reference: dt.date | None) -> None:
        """Whatever the text and reference, parse_date returns a date or raises ParseError with a column."""
        _date_or_parse_error(text, reference)

    @given(hostile_texts(), references(), st.booleans())
    def test_hostile_text_raises_only_parse_errors(self, text: str, reference: dt.date | None, dayfirst: bool) -> None:
        """On digit runs, colons, huge numbers and mixed scripts, parse_date returns a date or raises ParseError."""
        _date_or_parse_error(text, reference, dayfirst=dayfirst)

    @given(st.from_regex(r"[0-9A-Za-z ,.:/+\-]{6,30}", fullmatch=True))
    def test_date_like_text_raises_only_parse_errors(self, text: str) -> None:
        """On text made of date characters, parse_date returns a date or raises ParseError."""
        try:
            value = parse_date(text)
        except ParseError:
            return
        assert isinstance(value, dt.date)


def _date_or_parse_error(text: str, reference: dt.date | None, *, dayfirst: bool = False) -> None:
    """parse_date gives a date of the calendar, or a ParseError that places the problem in *text*."""
    try:
        value = parse_date(text, reference=reference, dayfirst=dayfirst)
    except ParseError as err:
        assert err.colno is not None
        assert 1 <= err.colno <= len(text) + 1
        return
    assert isinstance(value, dt.date)


# Each style and the values it holds, over its full range.
def _aware(minute_offsets: bool = True) -> st.SearchStrategy[dt.datetime]:
    return st.builds(lambda d, z: d.replace(tzinfo=z), st.datetimes(), _offsets())


_WHOLE = st.datetimes().map(lambda d: d.replace(microsecond=0))
STYLE_VALUES: dict[str, st.SearchStrategy[dt.date]] = {
    "iso": st.dates() | st.datetimes() | _aware(),
    "iso-basic": st.dates() | st.datetimes() | _aware(),
    "us-long": st.dates(),
    "ap": st.dates(),
    "day-month-year": st.dates(),
    "rfc822": _WHOLE | st.builds(lambda d, z: d.replace(tzinfo=z), _WHOLE, _offsets()),
    "reuters21578": st.datetimes().map(lambda d: d.replace(microsecond=d.microsecond // 10000 * 10000)),
    "mm-dd": st.dates(),
    "iptc7901": st.builds(
        lambda d, z: d.replace(tzinfo=UTC).astimezone(z),
        st.datetimes(dt.datetime(1969, 1, 1), dt.datetime(2068, 12, 31, 23, 59)).map(
            lambda d: d.replace(second=0, microsecond=0)
        ),
        _offsets(),
    ),
    "us-slash": st.dates() | st.datetimes(),
}
STYLE_VALUES["anpa-trailer"] = STYLE_VALUES["iptc7901"]


class TestRoundTrip:
    def test_every_style(self) -> None:
        """Every style has a strategy of the values it holds."""
        assert set(STYLE_VALUES) == set(STYLES)

    @pytest.mark.parametrize("style", sorted(STYLES))
    @given(data=st.data())
    def test_parse_format(self, style: str, data: st.DataObject) -> None:
        """parse_date(format_date(d, style)) == d over the style's whole range, precision and offset kept."""
        value = data.draw(STYLE_VALUES[style])
        text = format_date(value, style)
        back = parse_date(text, reference=value if style == "mm-dd" else None)
        if style in ("iptc7901", "anpa-trailer"):
            # The same instant, written and read in GMT.
            assert back == value
            assert back.utcoffset() == dt.timedelta(0)  # type: ignore[union-attr]
        else:
            same(back, value)
