"""What the date and dateline tests share: zones, a strict equality, and hostile text.

:func:`hostile_texts` strings together digit runs of any length, colons,
numbers too big for any field, signs, zero years, the furniture of real
dates (months, zones, a.m.), and digits and letters of other scripts.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from wirecopy.dates import format_date

UTC = dt.timezone.utc


def tz(hours: float) -> dt.timezone:
    """The fixed zone *hours* east of Greenwich."""
    return dt.timezone(dt.timedelta(hours=hours))


def same(got: object, expected: object) -> None:
    """Equal, of the same type, and (for aware values) with the same offset."""
    assert got == expected
    assert type(got) is type(expected)
    if isinstance(expected, dt.datetime):
        assert got.utcoffset() == expected.utcoffset()  # type: ignore[attr-defined]


# Decimal digits of other scripts (Arabic-Indic, Persian, Devanagari,
# full-width), which \d and int() accept, and digits that are not decimal
# (superscripts), which str.isdigit() accepts but int() refuses.
_OTHER_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९０１２３４５６７８９²³¹"
_OTHER_LETTERS = "абвгдЕЖЗ日本語ΑΒΓδ éüßİı"
_FURNITURE = (
    ":",
    "::",
    ".",
    ",",
    "-",
    "+",
    "/",
    " ",
    "T",
    "Z",
    "GMT",
    "GMT+",
    "UTC-",
    "(",
    ")",
    "a.m.",
    "PM",
    "Dec",
    "Sept.",
    "Monday",
    "juil",
    "Okt",
    "0000",
    "-0000",
    "0099",
    "9999",
    "10000",
    "29",
    "Feb",
    "EST",
    "XYZ",
    "(AP) --",
    "NEW YORK",
    "\x00",
    "\u2028",
)


def _pieces() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(0, 10**40).map(str),
        st.text("0123456789", min_size=1, max_size=40),
        st.sampled_from(_FURNITURE),
        st.text(_OTHER_DIGITS, min_size=1, max_size=6),
        st.text(_OTHER_LETTERS, min_size=1, max_size=6),
    )


def _real_dates() -> st.SearchStrategy[str]:
    """Dates as the styles write them, over the whole calendar."""
    values = st.one_of(st.dates(), st.datetimes().map(lambda d: d.replace(microsecond=0)))
    styles = st.sampled_from(["iso", "iso-basic", "us-slash", "rfc822", "us-long", "ap", "day-month-year"])

    def write(value: dt.date, style: str) -> str:
        try:
            return format_date(value, style)
        except ValueError:
            return value.isoformat()

    return st.builds(write, values, styles)


def hostile_texts() -> st.SearchStrategy[str]:
    """Hostile pieces strung together, alone or spliced into a real date."""
    strung = st.lists(_pieces(), max_size=12).map("".join)

    def splice(date: str, piece: str, where: int) -> str:
        at = where % (len(date) + 1)
        return date[:at] + piece + date[at:]

    spliced = st.builds(splice, _real_dates(), strung, st.integers(0, 60))
    return st.one_of(strung, spliced)


def references() -> st.SearchStrategy[dt.date | None]:
    """No reference, or any date of the calendar, its ends included."""
    return st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max]))
