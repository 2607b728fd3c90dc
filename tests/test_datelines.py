"""wirecopy.datelines: every dateline convention, the dateline's own date, and what is not a dateline."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
from wirecopy import Dateline, ParseError
from wirecopy._dates.names import ENGLISH_WEEKDAYS, MONTH_NAMES
from wirecopy.datelines import (
    _NOT_BARE_PLACE,
    _NOT_PLACE,
    AGENCIES,
    parse_dateline,
    render_dateline,
    split_dateline,
)
from wirecopy.dates import MONTHS

from .date_strategies import hostile_texts, references

REFERENCE = dt.date(2000, 12, 30)


def line(
    text: str,
    place: str | None = None,
    region: str | None = None,
    agency: str | None = None,
    date: dt.date | None = None,
) -> Dateline:
    return Dateline(text=text, place=place, region=region, agency=agency, date=date)


# (paragraph, dateline, rest), read with reference 2000-12-30.  The datelines
# are the real ones quoted in the shared corpus's FORMATS.md; the text after
# them is invented.
CONVENTIONS = [
    (
        "WASHINGTON (AP) -- The talks went on.",
        line("WASHINGTON (AP) --", "WASHINGTON", agency="AP"),
        "The talks went on.",
    ),
    ("WASHINGTON (AP) — The talks.", line("WASHINGTON (AP) —", "WASHINGTON", agency="AP"), "The talks."),
    ("WASHINGTON (AP) \u2013 The talks.", line("WASHINGTON (AP) \u2013", "WASHINGTON", agency="AP"), "The talks."),
    ("WASHINGTON (AP) \x97 The talks.", line("WASHINGTON (AP) \x97", "WASHINGTON", agency="AP"), "The talks."),
    ("NEW YORK (AP) —The talks.", line("NEW YORK (AP) —", "NEW YORK", agency="AP"), "The talks."),
    ("WASHINGTON (AP) _ The talks.", line("WASHINGTON (AP) _", "WASHINGTON", agency="AP"), "The talks."),
    ("WASHINGTON _ The talks.", line("WASHINGTON _", "WASHINGTON"), "The talks."),
    (
        "BUENOS AIRES, Argentina (AP) _ A vote.",
        line("BUENOS AIRES, Argentina (AP) _", "BUENOS AIRES", "Argentina", "AP"),
        "A vote.",
    ),
    (
        "LONDON, Dec 30 (Reuters) - Shares fell.",
        line("LONDON, Dec 30 (Reuters) -", "LONDON", None, "Reuters", dt.date(2000, 12, 30)),
        "Shares fell.",
    ),
    (
        "MOSCOW, August 9 (Xinhua) -- A decree.",
        line("MOSCOW, August 9 (Xinhua) --", "MOSCOW", None, "Xinhua", dt.date(2000, 8, 9)),
        "A decree.",
    ),
    (
        "PARIS, May 12 (AFP) - A strike.",
        line("PARIS, May 12 (AFP) -", "PARIS", None, "AFP", dt.date(2001, 5, 12)),
        "A strike.",
    ),
    ("ATLANTA, Georgia (CNN) -- A storm.", line("ATLANTA, Georgia (CNN) --", "ATLANTA", "Georgia", "CNN"), "A storm."),
    ("(CNN) -- A storm.", line("(CNN) --", agency="CNN"), "A storm."),
    ("PINE RIDGE, S.D. (AP) -- A visit.", line("PINE RIDGE, S.D. (AP) --", "PINE RIDGE", "S.D.", "AP"), "A visit."),
    ("Berlin (dpa) - A coalition.", line("Berlin (dpa) -", "Berlin", agency="dpa"), "A coalition."),
    (
        "    SALVADOR, Feb 26 - A harvest.",
        line("SALVADOR, Feb 26 -", "SALVADOR", date=dt.date(2001, 2, 26)),
        "A harvest.",
    ),
    (
        "PORTLAND, Ore., Feb 26 - A merger.",
        line("PORTLAND, Ore., Feb 26 -", "PORTLAND", "Ore.", date=dt.date(2001, 2, 26)),
        "A merger.",
    ),
    ("NEW YORK, FEB 26 - A merger.", line("NEW YORK, FEB 26 -", "NEW YORK", date=dt.date(2001, 2, 26)), "A merger."),
    (
        "NEW YORK 1996-10-07 Stocks rose.",
        line("NEW YORK 1996-10-07", "NEW YORK", date=dt.date(1996, 10, 7)),
        "Stocks rose.",
    ),
    (
        "Santiago, May 31, 2009 (AFP)",
        line("Santiago, May 31, 2009 (AFP)", "Santiago", None, "AFP", dt.date(2009, 5, 31)),
        "",
    ),
    (
        "Santiago, May 31, 2009 (AFP) A quake.",
        line("Santiago, May 31, 2009 (AFP)", "Santiago", None, "AFP", dt.date(2009, 5, 31)),
        "A quake.",
    ),
    (
        "DETROIT, Michigan, May 30, 2009 (AFP) Cars.",
        line("DETROIT, Michigan, May 30, 2009 (AFP)", "DETROIT", "Michigan", "AFP", dt.date(2009, 5, 30)),
        "Cars.",
    ),
    (
        "STOCKHOLM, Aug 29, 2014 (AFP) - A prize.",
        line("STOCKHOLM, Aug 29, 2014 (AFP) -", "STOCKHOLM", None, "AFP", dt.date(2014, 8, 29)),
        "A prize.",
    ),
    (
        "Strasbourg, 10 juil 2024 (AFP) Un vote.",
        line("Strasbourg, 10 juil 2024 (AFP)", "Strasbourg", None, "AFP", dt.date(2024, 7, 10)),
        "Un vote.",
    ),
    (
        "LUXEMBOURG, June 16 (Xinhua)\n\nA summit.",
        line("LUXEMBOURG, June 16 (Xinhua)", "LUXEMBOURG", None, "Xinhua", dt.date(2001, 6, 16)),
        "A summit.",
    ),
    (
        "MOSCOW, Monday (Reuters) - Talks.",
        line("MOSCOW, Monday (Reuters) -", "MOSCOW", None, "Reuters", dt.date(2001, 1, 1)),
        "Talks.",
    ),
    (
        "Tegucigalpa, Jan 2 (EFE).- A test.",
        line("Tegucigalpa, Jan 2 (EFE).-", "Tegucigalpa", None, "EFE", dt.date(2001, 1, 2)),
        "A test.",
    ),
    (
        "(ANSA) - Rome, October 11 - A minister.",
        line("(ANSA) - Rome, October 11 -", "Rome", None, "ANSA", dt.date(2000, 10, 11)),
        "A minister.",
    ),
    (
        "moscow, russia (reuters) -- russia plans",
        line("moscow, russia (reuters) --", "moscow", "russia", "reuters"),
        "russia plans",
    ),
    (
        "WASHINGTON (NEWSWIRE) -- A release.",
        line("WASHINGTON (NEWSWIRE) --", "WASHINGTON", agency="NEWSWIRE"),
        "A release.",
    ),
    ("WASHINGTON (AP)", line("WASHINGTON (AP)", "WASHINGTON", agency="AP"), ""),
    # CNN's later house style runs the story on after the agency.
    ("(CNN)Donald Trump said.", line("(CNN)", agency="CNN"), "Donald Trump said."),
]


class TestSplit:
    def test_no_duplicates(self) -> None:
        """The table of conventions lists each paragraph once."""
        assert len({p for p, _, _ in CONVENTIONS}) == len(CONVENTIONS)

    @pytest.mark.parametrize(("paragraph", "dateline", "rest"), CONVENTIONS, ids=[p[:30] for p, _, _ in CONVENTIONS])
    def test_convention(self, paragraph: str, dateline: Dateline, rest: str) -> None:
        """Each convention splits into its fields, its date resolved against the reference, and the rest."""
        got, got_rest = split_dateline(paragraph, reference=REFERENCE)
        assert got == dateline
        assert got_rest == rest
        assert render_dateline(got) == dateline.text  # type: ignore[arg-type]

    @pytest.mark.parametrize("paragraph", ["washington (ap) -- x", "Washington (Ap) -- x", "WASHINGTON (AP) -- x"])
    def test_any_case_with_an_agency(self, paragraph: str) -> None:
        """With an agency named, the dateline is read in any letter case."""
        dateline, rest = split_dateline(paragraph)
        assert dateline is not None and dateline.agency is not None and dateline.agency.casefold() == "ap"
        assert rest == "x"

    def test_date_without_reference_is_none(self) -> None:
        """Without a reference, a dateline date without a year is None; the dateline is still read."""
        dateline, rest = split_dateline("LONDON, Dec 30 (Reuters) - Shares fell.")
        assert dateline == line("LONDON, Dec 30 (Reuters) -", "LONDON", None, "Reuters")
        assert rest == "Shares fell."

    def test_date_across_the_new_year(self) -> None:
        """Dec 30 in a story of January 2 is the previous year's."""
        dateline, _ = split_dateline("LONDON, Dec 30 (Reuters) - x", reference=dt.date(2001, 1, 2))
        assert dateline is not None and dateline.date == dt.date(2000, 12, 30)

    def test_full_date_ignores_the_reference(self) -> None:
        """A dateline date with a year is read as written, whatever the reference."""
        dateline, _ = split_dateline("Santiago, May 31, 2009 (AFP) x", reference=dt.date(1990, 1, 1))
        assert dateline is not None and dateline.date == dt.date(2009, 5, 31)

    def test_impossible_date_is_none(self) -> None:
        """A dateline with an impossible date is read, with date None."""
        dateline, rest = split_dateline("LONDON, Feb 30 (Reuters) - x", reference=REFERENCE)
        assert dateline == line("LONDON, Feb 30 (Reuters) -", "LONDON", None, "Reuters")
        assert rest == "x"

    def test_agencies(self) -> None:
        """The agency table is case-insensitive and holds the agencies of the corpus."""
        assert {"ap", "reuters", "afp", "dpa", "xinhua", "cnn", "efe", "ansa"} <= AGENCIES


# Ordinary first sentences that must not be read as datelines (invented text
# in the shapes found in the real samples' bodies).
NOT_DATELINES = [
    "The company (NYSE: XYZ) -- which makes tools -- said on Monday.",
    "Officials said -- again -- that the talks would go on.",
    "Shares of Acme (ACME) -- a toolmaker -- rose.",
    "NATO -- the alliance -- met on Friday.",
    "I -- like many others -- voted.",
    "UPDATE -- adds quote.",
    "THE COMPANY SAID -- IN A STATEMENT -- THAT IT WOULD.",
    "Luol Deng scored 30 points and had 19 _ season highs _ and won.",
    "washington says it needs the system -- which would shoot down missiles.",
    "russia has refused (as before) -- and warned.",
    "WASHINGTON (AP) The president spoke.",
    "Washington (Reuters) said it would.",
    "The talks (which began in May) - and the vote - went on.",
    "Ms. Smith (D-Calif.) -- who chairs the panel -- spoke.",
    "In 1996-10-07 the index rose.",
    "(BC-WIND-ARIZ-AZR)",
    "Berlin - the capital - was quiet.",
    "New York, May 5 - a day after the vote.",
    "On Tuesday, May 5 -- a day after the vote.",
    "",
    "   ",
    "-- a quote.",
    '"Quote," he said (AP) -- x',
    "123 (AP) -- x",
    "ACME NEWS WIRE - NO UNAUTHORIZED REPRODUCTION",
    "Float" + "." * 60 + "511 down.....320",
    "REUTERS NEWS SERVICE - Copyright notice.",
]


class TestNotDatelines:
    def test_no_duplicates(self) -> None:
        """The table of negative cases lists each paragraph once."""
        assert len(set(NOT_DATELINES)) == len(NOT_DATELINES)

    @pytest.mark.parametrize("paragraph", NOT_DATELINES)
    def test_not_a_dateline(self, paragraph: str) -> None:
        """An ordinary first sentence with dashes or parentheses is left whole."""
        assert split_dateline(paragraph, reference=REFERENCE) == (None, paragraph)


# (element text, dateline): what dateline elements hold in the corpus.
ELEMENTS = [
    ("SAN DIEGO", line("SAN DIEGO", "SAN DIEGO")),
    ("Helsinki", line("Helsinki", "Helsinki")),
    ("NEW YORK 1996-10-07", line("NEW YORK 1996-10-07", "NEW YORK", date=dt.date(1996, 10, 7))),
    ("    SALVADOR, Feb 26 - ", line("SALVADOR, Feb 26 -", "SALVADOR", date=dt.date(2001, 2, 26))),
    (
        "\nSantiago, May 31, 2009 (AFP)\n",
        line("Santiago, May 31, 2009 (AFP)", "Santiago", None, "AFP", dt.date(2009, 5, 31)),
    ),
    ("MOSCOW, Monday (Reuters)", line("MOSCOW, Monday (Reuters)", "MOSCOW", None, "Reuters", dt.date(2001, 1, 1))),
    ("London (dpa) - ", line("London (dpa) -", "London", agency="dpa")),
    (
        "STOCKHOLM, Aug 29, 2014 (AFP) -",
        line("STOCKHOLM, Aug 29, 2014 (AFP) -", "STOCKHOLM", None, "AFP", dt.date(2014, 8, 29)),
    ),
    (
        "Strasbourg, 10 juil 2024 (AFP)",
        line("Strasbourg, 10 juil 2024 (AFP)", "Strasbourg", None, "AFP", dt.date(2024, 7, 10)),
    ),
    (
        "LUXEMBOURG, June 16 (Xinhua)",
        line("LUXEMBOURG, June 16 (Xinhua)", "LUXEMBOURG", None, "Xinhua", dt.date(2001, 6, 16)),
    ),
    (
        "2014-07-17 00:24:11 GMT+00:00",
        line("2014-07-17 00:24:11 GMT+00:00", date=dt.datetime(2014, 7, 17, 0, 24, 11, tzinfo=dt.timezone.utc)),
    ),
    ("4/4/2018", line("4/4/2018", date=dt.date(2018, 4, 4))),
    ("moscow, russia (reuters) --", line("moscow, russia (reuters) --", "moscow", "russia", "reuters")),
    ("Springfield (Gazette)", line("Springfield (Gazette)", "Springfield", agency="Gazette")),
    ("Ottawa, Ontario, Canada", line("Ottawa, Ontario, Canada", "Ottawa", "Ontario, Canada")),
    (
        "Kirkwall, Scotland 12 April",
        line("Kirkwall, Scotland 12 April", "Kirkwall", "Scotland", date=dt.date(2001, 4, 12)),
    ),
]


class TestParse:
    @pytest.mark.parametrize(("text", "dateline"), ELEMENTS, ids=[t.strip()[:30] for t, _ in ELEMENTS])
    def test_element(self, text: str, dateline: Dateline) -> None:
        """A dateline element reads into its fields, without the whitespace around it."""
        assert parse_dateline(text, reference=REFERENCE) == dateline

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("(BC-WIND-ARIZ-AZR)", "not a dateline: '(BC-WIND-ARIZ-AZR)' (at column 1)"),
            ("", "not a dateline: '' (at column 1)"),
            ("  12 dogs", "not a dateline: '  12 dogs' (at column 3)"),
            ("Officials said -- again", "not a dateline: 'Officials said -- again' (at column 1)"),
        ],
    )
    def test_not_a_dateline(self, text: str, message: str) -> None:
        """Text that is no dateline raises ParseError quoting it."""
        with pytest.raises(ParseError) as info:
            parse_dateline(text)
        assert str(info.value) == message

    @pytest.mark.parametrize(
        ("reference", "expected"),
        [(dt.date(2018, 4, 4), dt.date(2018, 4, 5)), (dt.date(2018, 5, 3), dt.date(2018, 5, 4))],
    )
    def test_numeric_date_read_nearest_the_story(self, reference: dt.date, expected: dt.date) -> None:
        """A bare 5/4/2018 is read month first or day first, whichever is nearer the story's date."""
        assert parse_dateline("4/5/2018", reference=reference).date == expected

    def test_unknown_agency_does_not_run_on(self) -> None:
        """Only a known agency may run straight into the story: (NYSE)Shares is no dateline."""
        assert split_dateline("(NYSE)Shares rose.") == (None, "(NYSE)Shares rose.")

    def test_render_gives_the_text_back(self) -> None:
        """render_dateline returns the text as written, for every convention."""
        for paragraph, dateline, _ in CONVENTIONS:
            assert render_dateline(dateline) == dateline.text
            assert parse_dateline(render_dateline(dateline), reference=REFERENCE) == dateline, paragraph


class TestHostile:
    @pytest.mark.parametrize("reference", [dt.date.max, dt.date.min])
    def test_weekday_past_the_calendar_is_none(self, reference: dt.date) -> None:
        """A weekday whose day would fall outside the calendar gives no date, not an OverflowError."""
        weekday = "Monday" if reference == dt.date.max else "Sunday"
        dateline, rest = split_dateline(f"MOSCOW, {weekday} (Reuters) - x", reference=reference)
        assert dateline == Dateline(text=f"MOSCOW, {weekday} (Reuters) -", place="MOSCOW", agency="Reuters")
        assert rest == "x"

    def test_huge_number_in_a_dateline_element(self) -> None:
        """A dateline element of digits and colons gives ParseError, not dateutil's decimal error."""
        text = "2:999999999999999999999999999999T:7+"
        with pytest.raises(ParseError) as info:
            parse_dateline(text)
        assert str(info.value) == f"not a dateline: {text!r} (at column 1)"

    def test_first_word_of_a_hundred_characters_at_most(self) -> None:
        """A first word longer than any place (over 100 characters) is no dateline, in either function."""
        word = "A-" * 50
        assert split_dateline(f"{word} (AP) -- x")[0] == Dateline(text=f"{word} (AP) --", place=word, agency="AP")
        assert split_dateline(f"{word}B (AP) -- x") == (None, f"{word}B (AP) -- x")
        assert parse_dateline(word) == Dateline(text=word, place=word)
        with pytest.raises(ParseError):
            parse_dateline(word + "B")

    def test_long_text_is_quoted_short(self) -> None:
        """The message for a long text that is not a dateline quotes only its start."""
        with pytest.raises(ParseError) as info:
            parse_dateline("1" * 100_000)
        assert str(info.value) == f"not a dateline: {'1' * 40!r}... (at column 1)"

    @pytest.mark.parametrize("piece", ["1", "1:", "a.", "A ", "A, ", "(", "A (", "A-", "Dec 1, ", " -", ",", "(AP) "])
    def test_a_megabyte_returns_or_raises_quickly(self, piece: str) -> None:
        """A megabyte of any shape is split, read or refused in well under a second of CPU."""
        text = piece * (1_000_000 // len(piece))
        start = time.process_time()
        split_dateline(text, reference=REFERENCE)
        with contextlib.suppress(ParseError):
            parse_dateline(text, reference=REFERENCE)
        assert time.process_time() - start < 1.0


# --------------------------------------------------------------------------
# Properties: generated datelines of every convention split back off.

_WEEKDAYS = tuple(name.capitalize() for name in ENGLISH_WEEKDAYS)
# Words the parser treats specially are not drawn as places (they would be
# read as dates, sentence words or labels, by design).
_RESERVED = (
    {w.casefold() for w in MONTH_NAMES + _WEEKDAYS}
    | {name.casefold() for name in MONTHS}
    | set(_NOT_PLACE)
    | set(_NOT_BARE_PLACE)
)


def _word(alphabet: str) -> st.SearchStrategy[str]:
    return st.text(alphabet, min_size=2, max_size=9).filter(lambda w: w.casefold() not in _RESERVED)


_LOWER = "abcdefghijklmnopqrstuvwxyzéüñ"
_place_words = st.lists(_word(_LOWER), min_size=1, max_size=3)
PLACES = st.one_of(
    _place_words.map(lambda ws: " ".join(w.upper() for w in ws)),
    _place_words.map(lambda ws: " ".join(w.capitalize() for w in ws)),
    _place_words.map(" ".join),
).filter(lambda p: p.casefold() not in _RESERVED)
# Without an agency, a place may not hold an agency's name ("AFP WORLD NEWS").
UPPER_PLACES = _place_words.map(lambda ws: " ".join(w.upper() for w in ws)).filter(
    lambda p: p.casefold() not in _RESERVED and not any(w in AGENCIES for w in p.casefold().split())
)
REGIONS = st.one_of(
    _word(_LOWER).map(str.capitalize),
    st.lists(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), min_size=1, max_size=3).map(lambda cs: ".".join(cs) + "."),
    _word(_LOWER).map(lambda w: w.capitalize()[:4] + "."),
)
KNOWN = st.sampled_from(sorted({"AP", "Reuters", "AFP", "dpa", "Xinhua", "CNN", "UPI", "EFE", "ANSA", "reuters", "ap"}))
DASHES = st.sampled_from(["--", "\u2014", "\u2013", "\x97", "-", "_"])
RESTS = st.from_regex(r"[A-Za-z0-9\"'][^\n]{0,40}", fullmatch=True).map(str.rstrip)


@st.composite
def datelines_and_references(draw: st.DrawFn) -> tuple[Dateline, dt.date]:
    """A dateline of any convention, with the reference date it is read against."""
    reference = draw(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)))
    near = reference + dt.timedelta(days=draw(st.integers(-150, 150)))
    convention = draw(
        st.sampled_from(
            [
                "agency",
                "agency-date",
                "agency-full-date",
                "efe",
                "agency-only",
                "agency-first",
                "plain-date",
                "plain",
                "rcv1",
                "weekday",
            ]
        )
    )
    month_day = draw(
        st.sampled_from(
            [
                f"{MONTH_NAMES[near.month - 1]} {near.day}",
                f"{MONTH_NAMES[near.month - 1][:3]} {near.day}",
                f"{MONTH_NAMES[near.month - 1][:3]}. {near.day}",
                f"{MONTH_NAMES[near.month - 1][:3].upper()} {near.day}",
            ]
        )
    )
    region = draw(st.none() | REGIONS)
    head = lambda place: place + (f", {region}" if region else "")  # noqa: E731
    if convention == "agency":
        place, agency, dash = draw(PLACES), draw(KNOWN), draw(DASHES)
        return Dateline(text=f"{head(place)} ({agency}) {dash}", place=place, region=region, agency=agency), reference
    if convention == "agency-date":
        place, agency, dash = draw(PLACES), draw(KNOWN), draw(DASHES)
        text = f"{head(place)}, {month_day} ({agency}) {dash}"
        return Dateline(text=text, place=place, region=region, agency=agency, date=near), reference
    if convention == "agency-full-date":
        place, agency = draw(PLACES), draw(KNOWN)
        day = draw(st.dates(dt.date(1000, 1, 1)))
        text = f"{head(place)}, {MONTH_NAMES[day.month - 1]} {day.day}, {day.year:04d} ({agency})"
        return Dateline(text=text, place=place, region=region, agency=agency, date=day), reference
    if convention == "efe":
        place = draw(PLACES)
        return Dateline(text=f"{place}, {month_day} (EFE).-", place=place, agency="EFE", date=near), reference
    if convention == "agency-only":
        agency, dash = draw(KNOWN), draw(DASHES)
        return Dateline(text=f"({agency}) {dash}", agency=agency), reference
    if convention == "agency-first":
        place, agency = draw(PLACES), draw(KNOWN)
        text = f"({agency}) - {place}, {month_day} -"
        return Dateline(text=text, place=place, agency=agency, date=near), reference
    if convention == "plain-date":
        place, dash = draw(UPPER_PLACES), draw(DASHES)
        return Dateline(text=f"{head(place)}, {month_day} {dash}", place=place, region=region, date=near), reference
    if convention == "plain":
        place, dash = draw(UPPER_PLACES), draw(DASHES)
        return Dateline(text=f"{head(place)} {dash}", place=place, region=region), reference
    if convention == "rcv1":
        place = draw(UPPER_PLACES)
        day = draw(st.dates(dt.date(1000, 1, 1)))
        return Dateline(text=f"{place} {day.isoformat()}", place=place, date=day), reference
    weekday = reference + dt.timedelta(days=draw(st.integers(-3, 3)))
    place, agency = draw(PLACES), draw(KNOWN)
    text = f"{place}, {_WEEKDAYS[weekday.weekday()]} ({agency}) -"
    return Dateline(text=text, place=place, agency=agency, date=weekday), reference


class TestProperties:
    @given(datelines_and_references(), RESTS)
    def test_split_render(self, case: tuple[Dateline, dt.date], rest: str) -> None:
        """split_dateline(render(d) + " " + rest) gives back d and rest, for every convention."""
        dateline, reference = case
        paragraph = render_dateline(dateline) + " " + rest
        first = rest.split(None, 1)[:1]
        if (
            dateline.agency is None
            and dateline.date is None
            and first
            and first[0].isupper()
            and sum(c.isalpha() for c in first[0]) >= 2
        ):
            # "PLACE -" followed by capitals is a heading, by design.
            assert split_dateline(paragraph, reference=reference) == (None, paragraph)
        else:
            assert split_dateline(paragraph, reference=reference) == (dateline, rest)

    @given(datelines_and_references())
    def test_split_alone_and_parse(self, case: tuple[Dateline, dt.date]) -> None:
        """A dateline alone splits with an empty rest, and parse_dateline reads it the same."""
        dateline, reference = case
        assert split_dateline(dateline.text, reference=reference) == (dateline, "")
        assert parse_dateline(dateline.text, reference=reference) == dateline

    @given(st.text() | hostile_texts(), references())
    def test_split_is_a_prefix(self, paragraph: str, reference: dt.date | None) -> None:
        """On any text and reference, split_dateline raises nothing, and a dateline is the paragraph's own prefix."""
        dateline, rest = split_dateline(paragraph, reference=reference)
        if dateline is None:
            assert rest == paragraph
        else:
            head = paragraph.lstrip()
            assert head.startswith(dateline.text)
            assert rest == head[len(dateline.text) :].lstrip()

    @given(st.text() | hostile_texts(), references())
    def test_parse_raises_only_parse_errors(self, text: str, reference: dt.date | None) -> None:
        """On any text and reference, parse_dateline returns a Dateline or raises ParseError with a column."""
        try:
            value = parse_dateline(text, reference=reference)
        except ParseError as err:
            assert err.colno is not None
            return
        assert isinstance(value, Dateline)

    @given(hostile_texts(), references())
    def test_hostile_dateline_opening(self, text: str, reference: dt.date | None) -> None:
        """A dateline opening followed by hostile text splits without error, whatever the reference."""
        for head in ("WASHINGTON, ", "(AP) - Rome, ", "MOSCOW, Dec "):
            split_dateline(head + text + " (AP) -- x", reference=reference)


# --------------------------------------------------------------------------
# The real samples: the only paragraph openings in the whole corpus that read
# as datelines are the known datelines (read from the corpus at test time,
# never copied here beyond the datelines themselves).

_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&[#\w]+;")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

#: file -> the datelines split_dateline finds at the start of its lines.
CORPUS_DATELINES = {
    "anpa1312/superdesk_anpa-1.tst": {"BUENOS AIRES, Argentina (AP) _"},
    "anpa1312/superdesk_anpa-3.tst": {"NEW YORK (AP) _"},
    "anpa1312/superdesk_ap_anpa-1.tst": {"ATLANTA (AP) _"},
    "anpa1312/superdesk_ap_anpa-3.tst": {"CHATHAM, Mass. (AP) _"},
    "iptc7901/superdesk_IPTC7901.txt": {"Berlin (dpa) -"},
    "iptc7901/superdesk_IPTC7901_odd_charset.txt": {"Munich (dpa) -"},
    "iptc7901/superdesk_dpa_four_line.txt": {"Geneva (dpa) -"},
    "iptc7901/superdesk_dpa_two_line.txt": {"Washington (dpa) -"},
    "newsml-g2/iptc_LISTING_28_Illustrating_Located_Subject_and_Dateline.xml": {"MOSCOW, Monday (Reuters)"},
    "newsml-g2/superdesk_ansa-newsmlg2-text.xml": {"(ANSA) - Rome, October 11 -"},
    "newsml-g2/superdesk_dpa.xml": {"London (dpa) -", "London  (dpa)  -"},
    "newsml1/superdesk_afp.xml": {"STOCKHOLM, Aug 29, 2014 (AFP) -"},
    "newsml1/superdesk_afp20.xml": {"Strasbourg, 10 juil 2024 (AFP)"},
    "nitf/superdesk_efe_nitf.xml": {"Tegucigalpa, Jan 2 (EFE).-"},
    "nitf/superdesk_handle_invalid_fields.xml": {"OTTAWA -"},
    "rcv1-xml/grobid-ner_100100newsML.xml": {"NEW YORK 1996-10-07"},
    "reuters21578-sgml/reut2-000_excerpt.sgm": {
        "SALVADOR, Feb 26 -",
        "LOS ANGELES, Feb 26 -",
        "NEW YORK, March 1 -",
        "LONDON, March 1 -",
        "ROTTERDAM, March 2 -",
        "LONDON, March 2 -",
    },
    "reuters21578-sgml/reut2-010_excerpt.sgm": {
        "NEW YORK, March 26 -",
        "TOKYO, March 27 -",
        "CHICAGO, March 27 -",
        "FRANKFURT, March 30 -",
    },
    "reuters21578-sgml/reut2-013_excerpt.sgm": {"DETROIT, April 3 -"},
    "reuters21578-sgml/tm_crude_reut-00001.xml": {"NEW YORK, FEB 26 -"},
    "reuters21578-sgml/tm_reuters-21578.xml": {
        "SALVADOR, Feb 26 -",
        "CLEVELAND, Feb 26 -",
        "HOUSTON, Feb 26 -",
        "LOS ANGELES, Feb 26 -",
        "WASHINGTON, Feb 26 -",
        "BUENOS AIRES, Feb 26 -",
        "PORTLAND, Ore., Feb 26 -",
        "NEW YORK, Feb 26 -",
        "ROCHESTER, N.Y., Feb 26 -",
        "COMMACK, N.Y., Feb 26 -",
    },
    "trec-ldc-sgml/cogcomp_ace2005_XIN_ENG_20030616.0274.sgm": {"LUXEMBOURG, June 16 (Xinhua)"},
    "trec-ldc-sgml/duc_APW19981012.0289.sgml": {"TEHRAN, Iran (AP) _"},
    "trec-ldc-sgml/duc_APW19990707.0181.sgml": {"PINE RIDGE, S.D. (AP) --"},
    "trec-ldc-sgml/duc_NYT19990512.0435.sgml": {"WASHINGTON _"},
    "trec-ldc-sgml/duc_XIE19990809.0160.sgml": {"MOSCOW, August 9 (Xinhua) --"},
    "trec-ldc-sgml/erl_AFP_ENG_200905_excerpt.sgml": {
        "Santiago, May 31, 2009 (AFP)",
        "Sydney, June 1, 2009 (AFP)",
        "Washington, May 31, 2009 (AFP)",
        "Paris, May 29, 2009 (AFP)",
        "DETROIT, Michigan, May 30, 2009 (AFP)",
        "London, May 31, 2009 (AFP)",
    },
    "usenet-rfc822/erl_eng-NG-31-9999.ldc.sgml": {"BRASILIA -"},
}


def _lines(path: Path) -> list[str]:
    """The text lines of a sample, markup and control characters taken out."""
    text = path.read_bytes().decode("latin-1")
    text = _CONTROL.sub(" ", _ENTITY.sub(" ", _TAG.sub(" ", text)))
    return [line.strip(" \t\r^<=") for line in text.splitlines()]


def test_corpus_datelines(corpus: Path) -> None:
    """Across every real sample, the only lines that open with a dateline are the known datelines."""
    found: dict[str, set[str]] = {}
    for path in sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix not in (".md", ".dtd")):
        for text in _lines(path):
            dateline, _ = split_dateline(text)
            if dateline is not None:
                found.setdefault(path.relative_to(corpus).as_posix(), set()).add(dateline.text)
    assert found == CORPUS_DATELINES


def test_a_format_resolves_the_dateline_date_against_its_own_date() -> None:
    """Read through a format, a dateline date without a year takes the year nearest the story's date."""
    text = "CNN.com - Talks - January 2, 2001\nLONDON, Dec 30 (Reuters) - Shares fell."
    [article] = wirecopy.loads(text, "cnn-reuters")
    assert article.dateline == line("LONDON, Dec 30 (Reuters) -", "LONDON", None, "Reuters", dt.date(2000, 12, 30))
    assert article.paragraphs == ("Shares fell.",)
