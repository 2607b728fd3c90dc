"""The agency and the day that LDC and TREC document ids encode."""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["id_parts"]

# AFP_ENG_20090531.0001, APW19981012.0289, XIN_ENG_20030616.0274, VOA20001231.2000.3520
_ID_SHAPE = re.compile(r"([A-Z]{2,4})(?:_[A-Z]{3})?_?(?:(\d{4})(\d\d)(\d\d))?(?=[._\-\d])")
# AP880212-0004, WSJ870324-0001, FR940104-0-00001 (year, month, day); LA021390-0001 (month, day, year)
_TREC_ID = re.compile(r"(AP|WSJ|FR|LA|SJM)(\d\d)(\d\d)(\d\d)-")


def id_parts(doc_id: str) -> tuple[str | None, _dt.date | None]:
    """The agency and the date an LDC or TREC document id encodes, where it has them.

    ``AFP_ENG_20090531.0001`` gives ``("AFP", date(2009, 5, 31))``,
    ``APW19981012.0289`` gives ``("APW", date(1998, 10, 12))``,
    ``AP880212-0004`` gives ``("AP", date(1988, 2, 12))`` and
    ``LA021390-0001`` gives ``("LA", date(1990, 2, 13))``.
    """
    trec = _TREC_ID.match(doc_id)
    if trec is not None:
        source, first, second, third = trec.groups()
        # The TREC disks hold 1987-1994: their two-digit years are 19YY.
        year, month, day = (third, first, second) if source == "LA" else (first, second, third)
        try:
            return source, _dt.date(1900 + int(year), int(month), int(day))
        except ValueError:
            return source, None
    match = _ID_SHAPE.match(doc_id)
    if match is None:
        return None, None
    agency, year, month, day = match.groups()
    if year is None:
        return agency, None
    try:
        return agency, _dt.date(int(year), int(month), int(day))
    except ValueError:
        return agency, None
