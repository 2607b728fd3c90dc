"""Articles the SGML formats can represent: trec-sgml, reuters21578-sgml."""

from __future__ import annotations

import datetime as _dt
import string

from hypothesis import strategies as st

from ..article import Article
from ._common import LETTERS, body_reads_back, datelines, dates, headlines, paragraphs, published, sentence, words


def trec_sgml() -> st.SearchStrategy[Article]:
    from ..formats._sgml import PLACEHOLDER

    agency = st.sampled_from(["AFP", "APW", "NYT", "XIN", "LTW", "CNA"])
    gigaword_id = st.builds(
        lambda a, d, n: f"{a}_ENG_{d:%Y%m%d}.{n:04d}",
        agency,
        dates(min_value=_dt.date(1994, 1, 1)),
        st.integers(0, 9999),
    )
    other_id = st.text(LETTERS + "0123456789.-", min_size=1, max_size=20).filter(lambda i: i[0] not in ".-")
    simple = sentence(words(alphabet=LETTERS + "0123456789-"), 1, 4)
    extra = st.fixed_dictionaries(
        {},
        optional={
            "type": st.sampled_from(["story", "multi", "advis", "other"]),
            "slug": simple,
            "category": simple,
            "trailer": simple,
        },
    )
    return st.builds(
        Article,
        format=st.just("trec-sgml"),
        id=gigaword_id | other_id,
        source=st.none() | st.sampled_from(["AFP", "APW", "Xinhua", "The Daily Planet"]),
        headline=st.none() | headlines().filter(lambda h: not PLACEHOLDER.fullmatch(h)),
        byline=st.none() | simple.map(lambda name: f"By {name}"),
        published=published(),
        dateline=st.none() | datelines(),
        paragraphs=st.lists(paragraphs(), max_size=4).map(tuple),
        extra=extra,
    ).filter(body_reads_back)


def reuters21578() -> st.SearchStrategy[Article]:
    from ..formats._sgml import SIGNOFF

    centiseconds = st.datetimes(min_value=_dt.datetime(1000, 1, 1), max_value=_dt.datetime(9999, 12, 31)).map(
        lambda d: d.replace(microsecond=d.microsecond // 10000 * 10000)
    )
    code = st.text(string.ascii_lowercase + "-", min_size=1, max_size=12).filter(lambda c: c[0] != "-")
    codes = st.lists(code, min_size=1, max_size=3).map(tuple)
    simple = sentence(words(alphabet=LETTERS + "0123456789-"), 1, 4)
    # The wire header keeps its control characters, written as &#N;.
    header = st.text(LETTERS + "0123456789 -\n\x01\x05\x16\x1f", min_size=1, max_size=40)
    extra = st.fixed_dictionaries(
        {},
        optional={
            "topics_attribute": st.sampled_from(["YES", "NO", "BYPASS"]),
            "lewissplit": st.sampled_from(["TRAIN", "TEST", "NOT-USED"]),
            "cgisplit": st.sampled_from(["TRAINING-SET", "PUBLISHED-TESTSET"]),
            "oldid": st.integers(1, 30000).map(str),
            "places": codes,
            "people": codes,
            "orgs": codes,
            "exchanges": codes,
            "companies": codes,
            "unknown": header,
            "mknote": simple,
            "text_type": st.sampled_from(["NORM", "BRIEF", "UNPROC"]),
            "signoff": st.sampled_from(["Reuter", "REUTER"]),
        },
    )
    return st.builds(
        Article,
        format=st.just("reuters21578-sgml"),
        id=st.integers(1, 30000).map(str),
        source=st.just("Reuters"),
        headline=st.none() | headlines(),
        byline=st.none() | simple.map(lambda name: f"By {name}, Reuters"),
        published=st.none() | dates(min_value=_dt.date(1000, 1, 1)) | centiseconds,
        dateline=st.none() | datelines(),
        paragraphs=st.lists(paragraphs(), max_size=4)
        .filter(lambda ps: not ps or not SIGNOFF.fullmatch(ps[-1]))
        .map(tuple),
        subjects=st.lists(code, max_size=3).map(tuple),
        extra=extra,
    )
