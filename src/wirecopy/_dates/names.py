"""Month and weekday names: the fixed vocabulary of dates, with no locale."""

from __future__ import annotations

from collections.abc import Mapping

#: The English month names, lower case, January first.
ENGLISH_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

#: The Italian month names, lower case, January first (ANSA: ``1 luglio``).
ITALIAN_MONTHS = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)

#: The Spanish month names, lower case, January first (EFE: ``21 enero``).
SPANISH_MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)

#: The English weekday names, lower case, Monday first (``date.weekday()``).
ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# The table of wirecopy.dates.MONTHS, documented there.
MONTHS: Mapping[str, int] = {
    **{name: number for number, name in enumerate(ENGLISH_MONTHS, 1)},
    **{name[:3]: number for number, name in enumerate(ENGLISH_MONTHS, 1)},
    "sept": 9,
    "januar": 1,
    "jänner": 1,
    "jän": 1,
    "februar": 2,
    "märz": 3,
    "maerz": 3,
    "mär": 3,
    "mrz": 3,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "oktober": 10,
    "okt": 10,
    "dezember": 12,
    "dez": 12,
    "janvier": 1,
    "janv": 1,
    "février": 2,
    "fevrier": 2,
    "févr": 2,
    "fevr": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    "déc": 12,
    "fév": 2,
    "fev": 2,
    # Italian (ANSA) and Spanish (EFE): the full names, and the abbreviations
    # that are no English word (see DATELINE_MONTHS for the others).
    **{name: number for number, name in enumerate(ITALIAN_MONTHS, 1)},
    **{name: number for number, name in enumerate(SPANISH_MONTHS, 1)},
    "setiembre": 9,
    "giu": 6,
    "ott": 10,
    "dic": 12,
    "abr": 4,
}

# Abbreviations that are also English words or abbreviations ("two days
# ago", "a set", "Gen." for General, "mag" for magnitude, "ENE" for a wind):
# read as months only in a dateline, where a day number beside them and the
# dateline's shape leave no doubt ("ROMA, 1 LUG -", "Nueva Delhi, 21 ene
# (EFE).-"), never by parse_date, which may be handed any text.
DATELINE_ONLY_MONTHS: Mapping[str, int] = {"gen": 1, "ene": 1, "mag": 5, "lug": 7, "ago": 8, "set": 9}

#: Every month word a dateline date may hold: :data:`MONTHS` and the
#: abbreviations of Italian and Spanish copy that parse_date does not read.
DATELINE_MONTHS: Mapping[str, int] = {**MONTHS, **DATELINE_ONLY_MONTHS}

# Weekday names are checked (a misspelt one is an error) but a weekday that
# contradicts the date is ignored, as dateutil does: Usenet clients wrote
# wrong weekdays, and the date itself is what matters.
WEEKDAYS: Mapping[str, int] = {
    **{name: number for number, name in enumerate(ENGLISH_WEEKDAYS)},
    **{name[:3]: number for number, name in enumerate(ENGLISH_WEEKDAYS)},
    "tues": 1,
    "wednes": 2,
    "thur": 3,
    "thurs": 3,
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonnabend": 5,
    "sonntag": 6,
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
}

#: ``January`` ... ``December``, for messages and the long styles.
MONTH_NAMES = tuple(name.capitalize() for name in ENGLISH_MONTHS)
#: ``Jan`` ... ``Dec``.
MONTH_ABBRS = tuple(name[:3].capitalize() for name in ENGLISH_MONTHS)
#: ``Mon`` ... ``Sun``.
DAY_ABBRS = tuple(name[:3].capitalize() for name in ENGLISH_WEEKDAYS)
#: AP style: five months are never abbreviated, September is ``Sept.``.
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
