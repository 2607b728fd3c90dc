"""wirecopy.dates: every family parse_date reads, every style format_date writes, and the errors."""

from __future__ import annotations

import contextlib
import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirecopy import ParseError
from wirecopy._dates.calendar import nearest_day
from wirecopy._dates.names import MONTH_NAMES
from wirecopy.dates import MONTHS, STYLES, ZONES, format_date, parse_date
from wirecopy.errors import UnknownTimezoneError, WriteError

from .date_strategies import UTC, same, tz

# (text, expected): the strings are the real ones quoted in the shared
# corpus's FORMATS.md, by format.
FAMILIES = [
    # CNN.com header, AP style, US copy
    ("December 30, 2000", dt.date(2000, 12, 30)),
    ("Dec. 30, 2000", dt.date(2000, 12, 30)),
    ("Sept. 3, 2001", dt.date(2001, 9, 3)),
    ("DECEMBER 30, 2000", dt.date(2000, 12, 30)),
    ("Saturday, December 30, 2000", dt.date(2000, 12, 30)),
    ("30 December 2000", dt.date(2000, 12, 30)),
    ("31 January 2013", dt.date(2013, 1, 31)),
    ("Aug 29, 2014", dt.date(2014, 8, 29)),
    ("10 juil 2024", dt.date(2024, 7, 10)),
    # ISO 8601 extended (RCV1, TREC, NewsML-G2)
    ("2000-12-30", dt.date(2000, 12, 30)),
    ("1996-10-07", dt.date(1996, 10, 7)),
    ("1999-05-12 21:06", dt.datetime(1999, 5, 12, 21, 6)),
    ("1999-07-07 08:30:27", dt.datetime(1999, 7, 7, 8, 30, 27)),
    ("2008-09-09T03:27:12", dt.datetime(2008, 9, 9, 3, 27, 12)),
    ("2016-01-12 12:35:40", dt.datetime(2016, 1, 12, 12, 35, 40)),
    ("2017-10-11T10:41:00+0100", dt.datetime(2017, 10, 11, 10, 41, tzinfo=tz(1))),
    ("2018-10-21T16:25:32-05:00", dt.datetime(2018, 10, 21, 16, 25, 32, tzinfo=tz(-5))),
    ("2014-07-17T00:24:11.000Z", dt.datetime(2014, 7, 17, 0, 24, 11, tzinfo=UTC)),
    ("2018-10-19T11:17:00.150Z", dt.datetime(2018, 10, 19, 11, 17, 0, 150000, tzinfo=UTC)),
    ("2014-07-17 00:24:11 GMT+00:00", dt.datetime(2014, 7, 17, 0, 24, 11, tzinfo=UTC)),
    # ISO 8601 basic (NITF, NewsML 1), TREC compact
    ("20151210T191044Z", dt.datetime(2015, 12, 10, 19, 10, 44, tzinfo=UTC)),
    ("20131020T192751+1100", dt.datetime(2013, 10, 20, 19, 27, 51, tzinfo=tz(11))),
    ("20020226T000000-0500", dt.datetime(2002, 2, 26, 0, 0, tzinfo=tz(-5))),
    ("20200907T144527", dt.datetime(2020, 9, 7, 14, 45, 27)),
    ("20001230", dt.date(2000, 12, 30)),
    (" 20030616 ", dt.date(2003, 6, 16)),
    ("001230", dt.date(2000, 12, 30)),
    # US numeric (AQUAINT, ACE, NewsML 1)
    ("12/30/2000", dt.date(2000, 12, 30)),
    ("10/12/1998 06:19:00", dt.datetime(1998, 10, 12, 6, 19)),
    ("12/31/2000 20:58:40.20", dt.datetime(2000, 12, 31, 20, 58, 40, 200000)),
    ("4/4/2018 17:59:03", dt.datetime(2018, 4, 4, 17, 59, 3)),
    # Reuters-21578, with its padding and the junk after the time
    ("26-FEB-1987 15:01:01.79", dt.datetime(1987, 2, 26, 15, 1, 1, 790000)),
    (" 1-MAR-1987 01:41:26.47", dt.datetime(1987, 3, 1, 1, 41, 26, 470000)),
    ("27-MAR-1987 09:41:54.06&#5;&#5;&#5;C L", dt.datetime(1987, 3, 27, 9, 41, 54, 60000)),
    ("27-MAR-1987 09:41:54.06\x05\x05\x05C L", dt.datetime(1987, 3, 27, 9, 41, 54, 60000)),
    # RFC 822 (Usenet)
    ("Mon, 05 Apr 93 18:01:16 GMT", dt.datetime(1993, 4, 5, 18, 1, 16, tzinfo=UTC)),
    ("22 Apr 1993 11:51:48 GMT", dt.datetime(1993, 4, 22, 11, 51, 48, tzinfo=UTC)),
    ("Thu, 15 Apr 1993 12:11:31 EST", dt.datetime(1993, 4, 15, 12, 11, 31, tzinfo=tz(-5))),
    ("Sat, 30 Dec 2000 18:00:00 +0000", dt.datetime(2000, 12, 30, 18, 0, tzinfo=UTC)),
    ("Fri, 23 Apr 1993 16:22:36 -0400 (EDT)", dt.datetime(1993, 4, 23, 16, 22, 36, tzinfo=tz(-4))),
    # IPTC 7901 trailer: ddHHMM GMT Mon yy, the last field a two-digit YEAR
    ("131137 GMT Nov 13", dt.datetime(2013, 11, 13, 11, 37, tzinfo=UTC)),
    ("071341 GMT Okt 15", dt.datetime(2015, 10, 7, 13, 41, tzinfo=UTC)),
    ("242200 GMT Jun 17", dt.datetime(2017, 6, 24, 22, 0, tzinfo=UTC)),
    ("212322 GMT Nov 18", dt.datetime(2018, 11, 21, 23, 22, tzinfo=UTC)),
    # ANPA trailer (the "AP-NY-" prefix taken off by the format)
    ("10-12-98 0619EDT", dt.datetime(1998, 10, 12, 6, 19, tzinfo=tz(-4))),
    ("11-13-13 1509GMT", dt.datetime(2013, 11, 13, 15, 9, tzinfo=UTC)),
    # Daily Mail furniture
    ("08:15 EST, 31 January 2013", dt.datetime(2013, 1, 31, 8, 15, tzinfo=tz(-5))),
    # US long form with a time
    ("December 30, 2000 6:30 p.m. EST", dt.datetime(2000, 12, 30, 18, 30, tzinfo=tz(-5))),
]


class TestFamilies:
    def test_no_duplicates(self) -> None:
        """The table of families lists each string once."""
        assert len({text for text, _ in FAMILIES}) == len(FAMILIES)

    @pytest.mark.parametrize(("text", "expected"), FAMILIES, ids=[text for text, _ in FAMILIES])
    def test_family(self, text: str, expected: dt.date) -> None:
        """Each family reads into a value of exactly the text's precision and zone."""
        same(parse_date(text), expected)

    def test_dayfirst(self) -> None:
        """dayfirst reads 30/12/2000 as 30 December; without it, 12/30/2000 is 30 December."""
        same(parse_date("30/12/2000", dayfirst=True), dt.date(2000, 12, 30))
        same(parse_date("01/02/2000", dayfirst=True), dt.date(2000, 2, 1))
        same(parse_date("01/02/2000"), dt.date(2000, 1, 2))

    def test_case_and_dots(self) -> None:
        """Month names read in any case, with or without AP's dot."""
        for text in ("dec. 30, 2000", "DEC 30, 2000", "Dec 30 2000", "December 30 2000", "SEPT. 30, 2000"):
            assert parse_date(text).month in (9, 12)

    def test_weekday_is_checked_but_not_enforced(self) -> None:
        """A wrong weekday is ignored (as dateutil does); a misspelt one is an error."""
        same(parse_date("Friday, December 30, 2000"), dt.date(2000, 12, 30))
        with pytest.raises(ParseError) as info:
            parse_date("Satruday, December 30, 2000")
        assert str(info.value) == "unknown weekday 'Satruday' (at column 1)"

    def test_german_and_french_months(self) -> None:
        """The German and French month names of dpa and AFP copy read as months."""
        assert MONTHS["okt"] == 10
        assert MONTHS["juil"] == 7
        same(parse_date("7 Okt 2015"), dt.date(2015, 10, 7))
        same(parse_date("1 décembre 2000"), dt.date(2000, 12, 1))

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("1 luglio 2019", dt.date(2019, 7, 1)),
            ("21 enero 2019", dt.date(2019, 1, 21)),
            ("5 DIC 2018", dt.date(2018, 12, 5)),
            ("Ott 5, 2019", dt.date(2019, 10, 5)),
            ("3 giu 2020", dt.date(2020, 6, 3)),
            ("30 abr 2021", dt.date(2021, 4, 30)),
            ("1 setiembre 2000", dt.date(2000, 9, 1)),
            ("2 fév 2020", dt.date(2020, 2, 2)),
            ("Mon, 05 Dic 1993 10:00:00 GMT", dt.datetime(1993, 12, 5, 10, tzinfo=dt.timezone.utc)),
        ],
    )
    def test_italian_and_spanish_months(self, text: str, expected: dt.date) -> None:
        """Italian and Spanish months (ANSA, EFE) read as months, abbreviations too when they are no English word."""
        same(parse_date(text), expected)

    @pytest.mark.parametrize("word", ["ago", "set", "gen", "mag", "lug", "ene"])
    def test_abbreviations_that_are_english_words_are_no_months(self, word: str) -> None:
        """An abbreviation that is also an English word is no month for parse_date (datelines read it)."""
        assert word not in MONTHS
        with pytest.raises(ParseError) as info:
            parse_date(f"5 {word} 2019")
        assert str(info.value) == f"unknown month {word!r} (at column 3)"


class TestNoYear:
    @pytest.mark.parametrize(
        ("text", "reference", "expected"),
        [
            ("12-30", dt.date(2000, 12, 30), dt.date(2000, 12, 30)),
            ("11-13", dt.date(2013, 11, 13), dt.date(2013, 11, 13)),
            ("Dec. 30", dt.date(2001, 1, 3), dt.date(2000, 12, 30)),
            ("Feb 26", dt.date(1987, 2, 27), dt.date(1987, 2, 26)),
            ("August 9", dt.date(1999, 8, 9), dt.date(1999, 8, 9)),
            ("Jan 2", dt.date(2001, 12, 30), dt.date(2002, 1, 2)),
            ("30 December", dt.date(2001, 1, 1), dt.date(2000, 12, 30)),
            ("02-29", dt.date(2001, 3, 1), dt.date(2000, 2, 29)),
        ],
    )
    def test_nearest_the_reference(self, text: str, reference: dt.date, expected: dt.date) -> None:
        """A date without a year takes the year that puts it nearest the reference."""
        same(parse_date(text, reference=reference), expected)

    @given(st.integers(1, 12), st.integers(1, 31), st.dates() | st.datetimes(), st.sampled_from(["md", "dm", "ap"]))
    def test_nearest_of_three_years(self, month: int, day: int, reference: dt.date, layout: str) -> None:
        """A year-less date is the one of the year before, of, or after the reference nearest it; ties go earlier."""
        base = reference.date() if isinstance(reference, dt.datetime) else reference
        candidates = []
        for year in (base.year - 1, base.year, base.year + 1):
            with contextlib.suppress(ValueError):
                candidates.append(dt.date(year, month, day))
        expected = min(candidates, key=lambda c: (abs(c - base), c)) if candidates else None
        assert nearest_day(month, day, reference) == expected
        name = MONTH_NAMES[month - 1]
        text = {"md": f"{name} {day}", "dm": f"{day} {name}", "ap": f"{name[:3]}. {day}"}[layout]
        if expected is None:
            with pytest.raises(ParseError):
                parse_date(text, reference=reference)
        else:
            same(parse_date(text, reference=reference), expected)

    def test_reference_may_be_a_datetime(self) -> None:
        """A datetime reference counts by its date."""
        same(parse_date("12-30", reference=dt.datetime(2001, 1, 2, 23, 0)), dt.date(2000, 12, 30))

    def test_no_reference_is_an_error(self) -> None:
        """Without a reference, a year-less date raises instead of using the clock."""
        with pytest.raises(ParseError) as info:
            parse_date("12-30")
        assert str(info.value) == "date '12-30' has no year and no reference date was given (at column 1)"

    def test_no_reference_is_an_error_in_the_fallback(self) -> None:
        """The dateutil fallback refuses a year-less date too, rather than take this year."""
        with pytest.raises(ParseError) as info:
            parse_date("Dec 30 18:00")
        assert str(info.value) == "date 'Dec 30 18:00' has no year and no reference date was given (at column 1)"


class TestTwoDigitYears:
    @pytest.mark.parametrize(
        ("text", "expected_year"),
        [
            ("Mon, 05 Apr 93 18:01:16 GMT", 1993),
            ("690101", 1969),
            ("681231", 2068),
            ("001230", 2000),
            ("131137 GMT Nov 13", 2013),
            ("12/30/99", 1999),
        ],
    )
    def test_posix_pivot_without_reference(self, text: str, expected_year: int) -> None:
        """Without a reference, 69-99 are 19xx and 00-68 are 20xx, as POSIX strptime has it."""
        assert parse_date(text).year == expected_year

    @pytest.mark.parametrize(
        ("text", "reference", "expected_year"),
        [
            ("690101", dt.date(2070, 1, 1), 2069),
            ("681231", dt.date(1960, 1, 1), 1968),
            ("131137 GMT Nov 13", dt.date(2013, 11, 14), 2013),
            ("Mon, 05 Apr 93 18:01:16 GMT", dt.date(2090, 1, 1), 2093),
            ("12/30/49", dt.date(2000, 1, 1), 2049),
            ("12/30/50", dt.date(2000, 1, 1), 1950),
        ],
    )
    def test_century_nearest_the_reference(self, text: str, reference: dt.date, expected_year: int) -> None:
        """With a reference, a two-digit year takes the century that puts it nearest; ties go earlier."""
        assert parse_date(text, reference=reference).year == expected_year


class TestZones:
    def test_table(self) -> None:
        """The fixed table answers the usual abbreviations the same on every machine."""
        assert ZONES["BST"].utcoffset(None) == dt.timedelta(hours=1)
        assert ZONES["EST"].utcoffset(None) == dt.timedelta(hours=-5)
        assert ZONES["CEST"].utcoffset(None) == dt.timedelta(hours=2)
        assert "IST" not in ZONES

    @pytest.mark.parametrize(
        ("text", "hours"),
        [
            ("2014-07-17 00:24:11 GMT+3", 3),
            ("2014-07-17 00:24:11 UTC+03:00", 3),
            ("2014-07-17 00:24:11 GMT-5", -5),
            ("2014-07-17 00:24:11 UTC+0530", 5.5),
            ("2014-07-17T00:24:11+03", 3),
        ],
    )
    def test_gmt_plus_is_east(self, text: str, hours: float) -> None:
        """GMT+3 and UTC+03:00 are three hours east of Greenwich, as people mean them (not POSIX's west)."""
        assert parse_date(text).utcoffset() == dt.timedelta(hours=hours)

    def test_gmt_plus_is_east_in_the_fallback(self) -> None:
        """The dateutil fallback reads GMT+3 as east too."""
        value = parse_date("Sat Dec 30 18:00:00 GMT+3 2000")
        same(value, dt.datetime(2000, 12, 30, 18, 0, tzinfo=tz(3)))

    def test_tzinfos_override_and_extend(self) -> None:
        """Per-call tzinfos override the table and add to it, in any letter case."""
        ist = tz(5.5)
        same(parse_date("2000-12-30 18:00 IST", tzinfos={"ist": ist}), dt.datetime(2000, 12, 30, 18, 0, tzinfo=ist))
        same(parse_date("2000-12-30 18:00 BST", tzinfos={"BST": tz(6)}), dt.datetime(2000, 12, 30, 18, 0, tzinfo=tz(6)))

    def test_zone_with_rules_becomes_its_offset(self) -> None:
        """A zone with daylight-saving rules is resolved to its fixed offset at that time."""

        class Eastern(dt.tzinfo):
            def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
                return dt.timedelta(hours=-4 if when is not None and 4 <= when.month <= 10 else -5)

            def dst(self, when: dt.datetime | None) -> dt.timedelta:
                return dt.timedelta(0)

            def tzname(self, when: dt.datetime | None) -> str:
                return "ET"

        summer = parse_date("2000-07-01 12:00 ET", tzinfos={"ET": Eastern()})
        winter = parse_date("2000-12-30 12:00", default_tz=Eastern())
        assert type(summer.tzinfo) is dt.timezone  # type: ignore[union-attr]
        same(summer, dt.datetime(2000, 7, 1, 12, 0, tzinfo=tz(-4)))
        same(winter, dt.datetime(2000, 12, 30, 12, 0, tzinfo=tz(-5)))

    def test_default_tz_for_times_only(self) -> None:
        """default_tz is given to a time without a zone, never to a date or a time with one."""
        same(parse_date("1999-05-12 21:06", default_tz=tz(-4)), dt.datetime(1999, 5, 12, 21, 6, tzinfo=tz(-4)))
        same(parse_date("1999-05-12", default_tz=tz(-4)), dt.date(1999, 5, 12))
        same(parse_date("1999-05-12 21:06 GMT", default_tz=tz(-4)), dt.datetime(1999, 5, 12, 21, 6, tzinfo=UTC))

    def test_rfc5322_minus_zero_is_no_zone(self) -> None:
        """-0000 means "no zone information" (RFC 5322): the time stays naive."""
        same(parse_date("Sat, 30 Dec 2000 18:00:00 -0000"), dt.datetime(2000, 12, 30, 18, 0))

    def test_unknown_zone(self) -> None:
        """An unknown abbreviation raises UnknownTimezoneError with the naive value and the zone's column."""
        with pytest.raises(UnknownTimezoneError) as info:
            parse_date("Thu, 15 Apr 1993 12:11:31 IST")
        assert str(info.value) == "unknown time zone in 'Thu, 15 Apr 1993 12:11:31 IST' (at column 27)"
        same(info.value.partial, dt.datetime(1993, 4, 15, 12, 11, 31))

    def test_unknown_zone_in_the_fallback(self) -> None:
        """The dateutil fallback raises UnknownTimezoneError for an unknown abbreviation too."""
        with pytest.raises(UnknownTimezoneError) as info:
            parse_date("Sat Dec 30 18:00:00 XYZ 2000")
        assert str(info.value) == "unknown time zone in 'Sat Dec 30 18:00:00 XYZ 2000' (at column 21)"
        same(info.value.partial, dt.datetime(2000, 12, 30, 18, 0))

    def test_machine_zone_is_never_used(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An abbreviation that is the machine's own zone is still unknown unless the table has it."""
        monkeypatch.setattr(time, "tzname", ("XYZ", "XYZ"))
        for text in ("2000-12-30 18:00:00 XYZ", "Sat Dec 30 18:00:00 XYZ 2000"):
            with pytest.raises(UnknownTimezoneError):
                parse_date(text)


# (text, message): the whole message, column included.
ERRORS = [
    ("Decmber 30, 2000", "unknown month 'Decmber' (at column 1)"),
    ("  Decmber 30, 2000", "unknown month 'Decmber' (at column 3)"),
    ("30 Decmber 2000", "unknown month 'Decmber' (at column 4)"),
    ("131137 GMT Nox 13", "unknown month 'Nox' (at column 12)"),
    ("February 30, 2000", "invalid date 'February 30, 2000': day 30 is out of range for February 2000 (at column 1)"),
    ("2000-13-01", "invalid date '2000-13-01': month 13 is out of range (at column 6)"),
    ("2000-12-30T25:00", "invalid date '2000-12-30T25:00': hour 25 is out of range (at column 12)"),
    ("2000-12-30T23:60", "invalid date '2000-12-30T23:60': minute 60 is out of range (at column 15)"),
    ("2000-12-30T18:00+2500", "invalid date '2000-12-30T18:00+2500': UTC offset +2500 is out of range (at column 17)"),
    ("0000-12-30", "invalid date '0000-12-30': year 0 is out of range (years run from 1 to 9999) (at column 1)"),
    ("02-30", "invalid date '02-30': day 30 is out of range for February (at column 1)"),
    ("hello", "not a date: 'hello' (at column 1)"),
    ("", "not a date: '' (at column 1)"),
    ("YYYYMMDD000000-HHMM", "not a date: 'YYYYMMDD000000-HHMM' (at column 1)"),
    ("December 2000", "incomplete date 'December 2000': no month or day (at column 1)"),
]


class TestErrors:
    def test_no_duplicates(self) -> None:
        """The table of errors lists each string once."""
        assert len({text for text, _ in ERRORS}) == len(ERRORS)

    @pytest.mark.parametrize(("text", "message"), ERRORS, ids=[text for text, _ in ERRORS])
    def test_message(self, text: str, message: str) -> None:
        """A bad date raises ParseError quoting the text, with the column of the bad part."""
        with pytest.raises(ParseError) as info:
            parse_date(text, reference=dt.date(2001, 3, 1) if text == "02-30" else None)
        assert str(info.value) == message
        assert info.value.snippet == text


# (value, style, text)
WRITTEN = [
    (dt.date(2000, 12, 30), "iso", "2000-12-30"),
    (dt.datetime(2000, 12, 30, 18, 0, tzinfo=UTC), "iso", "2000-12-30T18:00:00+00:00"),
    (dt.date(2015, 12, 10), "iso-basic", "20151210"),
    (dt.datetime(2015, 12, 10, 19, 10, 44, tzinfo=UTC), "iso-basic", "20151210T191044Z"),
    (dt.datetime(2013, 10, 20, 19, 27, 51, tzinfo=tz(11)), "iso-basic", "20131020T192751+1100"),
    (dt.datetime(2020, 9, 7, 14, 45, 27), "iso-basic", "20200907T144527"),
    (dt.date(2000, 12, 30), "us-long", "December 30, 2000"),
    (dt.date(2000, 12, 30), "ap", "Dec. 30, 2000"),
    (dt.date(2001, 9, 3), "ap", "Sept. 3, 2001"),
    (dt.date(2001, 3, 5), "ap", "March 5, 2001"),
    (dt.date(2000, 12, 30), "day-month-year", "30 December 2000"),
    (dt.datetime(2000, 12, 30, 18, 0, tzinfo=UTC), "rfc822", "Sat, 30 Dec 2000 18:00:00 +0000"),
    (dt.datetime(1993, 4, 15, 12, 11, 31, tzinfo=tz(-5)), "rfc822", "Thu, 15 Apr 1993 12:11:31 -0500"),
    (dt.datetime(2000, 12, 30, 18, 0), "rfc822", "Sat, 30 Dec 2000 18:00:00 -0000"),
    (dt.datetime(1987, 2, 26, 15, 1, 1, 790000), "reuters21578", "26-FEB-1987 15:01:01.79"),
    (dt.datetime(1987, 3, 1, 1, 41, 26, 470000), "reuters21578", " 1-MAR-1987 01:41:26.47"),
    (dt.date(2000, 12, 30), "mm-dd", "12-30"),
    (dt.datetime(2013, 11, 13, 11, 37, tzinfo=UTC), "iptc7901", "131137 GMT Nov 13"),
    (dt.datetime(2015, 10, 7, 15, 41, tzinfo=tz(2)), "iptc7901", "071341 GMT Oct 15"),
    (dt.datetime(2013, 11, 13, 15, 9, tzinfo=UTC), "anpa-trailer", "11-13-13 1509GMT"),
    (dt.datetime(1998, 10, 12, 6, 19, tzinfo=tz(-4)), "anpa-trailer", "10-12-98 1019GMT"),
    (dt.date(2000, 12, 30), "us-slash", "12/30/2000"),
    (dt.datetime(2000, 12, 30, 18, 0), "us-slash", "12/30/2000 18:00:00"),
    (dt.datetime(2000, 12, 31, 20, 58, 40, 200000), "us-slash", "12/31/2000 20:58:40.2"),
]


class TestFormat:
    def test_every_style_has_examples(self) -> None:
        """Every style in STYLES is exercised by the table of written examples."""
        assert {style for _, style, _ in WRITTEN} == set(STYLES)

    @pytest.mark.parametrize(("value", "style", "text"), WRITTEN, ids=[f"{s}:{t}" for _, s, t in WRITTEN])
    def test_written(self, value: dt.date, style: str, text: str) -> None:
        """format_date writes the style as the wire formats spell it, and parse_date reads it back."""
        assert format_date(value, style) == text
        back = parse_date(text, reference=value if style == "mm-dd" else None)
        assert back == value
        if style not in ("iptc7901", "anpa-trailer"):
            same(back, value)

    @pytest.mark.parametrize(
        ("value", "style", "message"),
        [
            (dt.date(2000, 1, 1), "nope", "unknown date style 'nope'; known styles: " + ", ".join(STYLES)),
            (
                dt.datetime(2000, 1, 1),
                "us-long",
                "style 'us-long' writes dates only (got datetime.datetime(2000, 1, 1, 0, 0))",
            ),
            (
                dt.date(2000, 1, 1),
                "rfc822",
                "style 'rfc822' writes a time of day and needs a datetime (got datetime.date(2000, 1, 1))",
            ),
            (
                dt.datetime(2000, 1, 1, 0, 0, 0, 5),
                "rfc822",
                "style 'rfc822' holds whole seconds only (got datetime.datetime(2000, 1, 1, 0, 0, 0, 5))",
            ),
            (
                dt.datetime(2000, 1, 1, tzinfo=UTC),
                "reuters21578",
                "style 'reuters21578' holds naive times only "
                "(got datetime.datetime(2000, 1, 1, 0, 0, tzinfo=datetime.timezone.utc))",
            ),
            (
                dt.datetime(2000, 1, 1, 0, 0, 0, 5000),
                "reuters21578",
                "style 'reuters21578' holds hundredths of a second only "
                "(got datetime.datetime(2000, 1, 1, 0, 0, 0, 5000))",
            ),
            (
                dt.datetime(2000, 1, 1),
                "iptc7901",
                "style 'iptc7901' writes GMT and needs an aware datetime (got datetime.datetime(2000, 1, 1, 0, 0))",
            ),
            (
                dt.datetime(2000, 1, 1, 0, 0, 1, tzinfo=UTC),
                "iptc7901",
                "style 'iptc7901' holds whole minutes only "
                "(got datetime.datetime(2000, 1, 1, 0, 0, 1, tzinfo=datetime.timezone.utc))",
            ),
            (
                dt.datetime(1968, 1, 1, tzinfo=UTC),
                "iptc7901",
                "style 'iptc7901' writes two-digit years and holds 1969-2068 only "
                "(got datetime.datetime(1968, 1, 1, 0, 0, tzinfo=datetime.timezone.utc))",
            ),
            (
                dt.datetime(2000, 1, 1, tzinfo=dt.timezone(dt.timedelta(seconds=30))),
                "iso",
                "style 'iso' holds whole-minute UTC offsets only "
                "(got datetime.datetime(2000, 1, 1, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=30))))",
            ),
            (
                dt.datetime(2000, 1, 1, tzinfo=UTC),
                "us-slash",
                "style 'us-slash' holds naive times only "
                "(got datetime.datetime(2000, 1, 1, 0, 0, tzinfo=datetime.timezone.utc))",
            ),
        ],
    )
    def test_refusals(self, value: dt.date, style: str, message: str) -> None:
        """A style refuses a value it cannot hold, with a WriteError (a ValueError) naming the style and the value."""
        with pytest.raises(WriteError) as info:
            format_date(value, style)
        assert isinstance(info.value, ValueError)
        assert str(info.value) == message

    @pytest.mark.parametrize("style", ["iptc7901", "anpa-trailer"])
    def test_gmt_instant_out_of_range(self, style: str) -> None:
        """A time whose instant in GMT falls outside the calendar raises WriteError, not datetime's OverflowError."""
        value = dt.datetime(1, 1, 1, 0, 0, tzinfo=tz(5))
        with pytest.raises(WriteError) as info:
            format_date(value, style)
        assert str(info.value) == (
            f"style {style!r} writes GMT, and the instant in GMT is out of range (got {value!r})"
        )

    @pytest.mark.parametrize(
        ("style", "text"),
        [
            ("iso", "2000-12-30T18:00:00"),
            ("iso-basic", "20001230T180000"),
            ("rfc822", "Sat, 30 Dec 2000 18:00:00 -0000"),
        ],
    )
    def test_zone_without_an_offset_is_naive(self, style: str, text: str) -> None:
        """A tzinfo that gives no offset makes a naive time, as Python has it, and is written as one."""

        class NoOffset(dt.tzinfo):
            def utcoffset(self, when: dt.datetime | None) -> None:
                return None

            def dst(self, when: dt.datetime | None) -> None:
                return None

        assert format_date(dt.datetime(2000, 12, 30, 18, 0, tzinfo=NoOffset()), style) == text


# Year 0 does not exist: wherever it is written with its century, it is an error.
YEAR_ZERO = [
    ("0000-12-30", 1),
    ("00001230", 1),
    ("December 30, 0000", 14),
    ("30 December 0000", 13),
    ("12/30/0000", 7),
    ("30-DEC-0000 18:00:00.00", 8),
    ("Sat, 30 Dec 0000 18:00:00 GMT", 13),
    ("Sat Dec 30 18:00:00 0000", 21),
    ("Saturday, December 30 0000 18:00", 23),
]


class TestYears:
    @pytest.mark.parametrize(("text", "column"), YEAR_ZERO, ids=[text for text, _ in YEAR_ZERO])
    def test_year_zero_is_an_error(self, text: str, column: int) -> None:
        """A year written 0000 raises ParseError at the year, in every layout and in the dateutil fallback."""
        with pytest.raises(ParseError) as info:
            parse_date(text)
        assert str(info.value) == (
            f"invalid date {text!r}: year 0 is out of range (years run from 1 to 9999) (at column {column})"
        )

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Sat Dec 30 18:00:00 0099", dt.datetime(99, 12, 30, 18, 0)),
            ("Dec 30 18:00 0099", dt.datetime(99, 12, 30, 18, 0)),
            ("0099-12-30", dt.date(99, 12, 30)),
            ("Dec 30 2000 0000", dt.datetime(2000, 12, 30, 0, 0)),
        ],
    )
    def test_year_written_with_its_century_is_read_as_written(self, text: str, expected: dt.date) -> None:
        """A year written with four digits is that year, even below 100 (dateutil would read 0099 as 1999)."""
        same(parse_date(text), expected)

    @pytest.mark.parametrize("text", ["-0001-12-30", "+12000-01-01", " -2000-12-30"])
    def test_signed_year_is_an_error(self, text: str) -> None:
        """ISO 8601's expanded years, with a sign, are out of range (dateutil would drop the sign)."""
        with pytest.raises(ParseError) as info:
            parse_date(text)
        assert info.value.msg == (
            f"invalid date {text.strip()!r}: a year with a sign is out of range (years run from 1 to 9999)"
        )
        assert info.value.colno == len(text) - len(text.lstrip()) + 1

    @pytest.mark.parametrize("text", ["10000-01-01", "December 30, 10000", "Dec 30 10000"])
    def test_year_after_9999_is_not_a_date(self, text: str) -> None:
        """A year of five digits is past the calendar: not a date."""
        with pytest.raises(ParseError) as info:
            parse_date(text)
        assert str(info.value) == f"not a date: {text!r} (at column 1)"

    @pytest.mark.parametrize(
        ("text", "reference", "expected"),
        [
            ("12/30/00", dt.date(9999, 6, 1), dt.date(9900, 12, 30)),
            ("12/30/00", dt.date(50, 6, 1), dt.date(100, 12, 30)),
            ("Sat, 30 Dec 00 18:00:00 GMT", dt.date(1, 1, 1), dt.datetime(100, 12, 30, 18, 0, tzinfo=UTC)),
            ("Dec 30 18:00:00 00", dt.date(9999, 12, 31), dt.datetime(9900, 12, 30, 18, 0)),
        ],
    )
    def test_two_digit_year_stays_in_the_calendar(self, text: str, reference: dt.date, expected: dt.date) -> None:
        """Near the ends of the calendar a two-digit year takes the nearest century inside it, never year 0 or 10000."""
        same(parse_date(text, reference=reference), expected)


# Texts that made dateutil fail with an exception of its own, or work for a
# long time: each gives a ParseError with a column.
HOSTILE = [
    ("2:999999999999999999999999999999T:7+", "a number of 30 digits", 3),
    ("12:" + "9" * 30 + ":00", "a number of 30 digits", 4),
    ("1:" + "1" * 37, "a number of 37 digits", 3),
]


class TestHostile:
    @pytest.mark.parametrize(("text", "what", "column"), HOSTILE, ids=[text[:20] for text, _, _ in HOSTILE])
    def test_huge_number_is_a_parse_error(self, text: str, what: str, column: int) -> None:
        """A number longer than any date's raises ParseError at the number, before dateutil sees it."""
        assert len(text) <= 40
        with pytest.raises(ParseError) as info:
            parse_date(text)
        assert str(info.value) == f"not a date: {text!r} has {what}, more than any date's (14) (at column {column})"

    def test_text_longer_than_any_date(self) -> None:
        """A text of more than 256 characters raises at once, quoting only its start, at the first character past."""
        text = "  " + "1" * 300
        with pytest.raises(ParseError) as info:
            parse_date(text)
        assert str(info.value) == (
            f"not a date: {'1' * 40!r}... has 300 characters, more than any date (256) (at column 259)"
        )

    @pytest.mark.parametrize(
        "piece",
        ["1", "1:", "a", "Dec ", "12/30/2000 ", "1-", "2000-12-30T1", "30 Dec 2000 18:00 ", "\u0661", "(AP) "],
    )
    def test_a_megabyte_returns_or_raises_quickly(self, piece: str) -> None:
        """A megabyte of any shape is read or refused in well under a second of CPU, not in time that grows with it."""
        text = piece * (1_000_000 // len(piece))
        start = time.process_time()
        with pytest.raises(ParseError):
            parse_date(text)
        with pytest.raises(ParseError):
            parse_date("30 Dec 2000 18:00" + " " * 1_000_000 + "XYZ")
        assert time.process_time() - start < 1.0

    def test_zone_with_an_offset_of_a_day_is_a_parse_error(self) -> None:
        """A caller's zone whose offset datetime refuses gives ParseError, not datetime's ValueError."""

        class Broken(dt.tzinfo):
            def utcoffset(self, when: dt.datetime | None) -> dt.timedelta:
                return dt.timedelta(hours=30)

            def dst(self, when: dt.datetime | None) -> dt.timedelta:
                return dt.timedelta(0)

        with pytest.raises(ParseError) as info:
            parse_date("2000-12-30 18:00 XX", tzinfos={"XX": Broken()})
        assert str(info.value) == "not a date: '2000-12-30 18:00 XX' (at column 1)"
