"""The parts of :mod:`wirecopy.dates`, one concern per module.

``names`` and ``zones`` hold the vocabulary (month, weekday and zone names),
``calendar`` the rules no clock may decide (two-digit years, year-less dates,
the range of years), ``layouts`` the table of families read with full checks,
``fast`` the hot path for the commonest of them, ``fallback`` the pinned-down
dateutil call for anything else, and ``styles`` the table of styles
:func:`wirecopy.format_date` writes.  ``dateline_words`` holds the
vocabulary of :mod:`wirecopy.datelines` (agencies, and the words that are
never a place).  Only :mod:`wirecopy.dates` is public.
"""
