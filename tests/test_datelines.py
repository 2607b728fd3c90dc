"""wirecopy.datelines: every dateline convention, the dateline's own date, and what is not a dateline."""

from __future__ import annotations

import datetime as dt

import pytest

from wirecopy import Dateline, ParseError
from wirecopy.datelines import AGENCIES, parse_dateline, render_dateline, split_dateline

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

    def test_render_gives_the_text_back(self) -> None:
        """render_dateline returns the text as written, for every convention."""
        for paragraph, dateline, _ in CONVENTIONS:
            assert render_dateline(dateline) == dateline.text
            assert parse_dateline(render_dateline(dateline), reference=REFERENCE) == dateline, paragraph
