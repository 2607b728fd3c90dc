"""Articles the line-oriented text formats can represent: cnn-reuters, plain-text, cnndm-story, rfc822-news."""

from __future__ import annotations

import datetime as _dt
import re

from hypothesis import strategies as st

from ..article import Article
from ._common import (
    LETTERS,
    body_reads_back,
    datelines,
    dates,
    datetimes,
    headlines,
    paragraphs,
    published,
    sentence,
    words,
)


def cnn_reuters() -> st.SearchStrategy[Article]:
    site = st.text(LETTERS + ".", min_size=1, max_size=12).filter(lambda s: s[0] != ".")
    return st.builds(
        Article,
        format=st.just("cnn-reuters"),
        source=site,
        headline=headlines(),
        published=dates(min_value=_dt.date(1000, 1, 1), max_value=_dt.date(9999, 12, 31)),
        dateline=st.none() | datelines(),
        paragraphs=st.lists(paragraphs(), max_size=4).map(tuple),
    ).filter(body_reads_back)


def plain_text() -> st.SearchStrategy[Article]:
    # At least one paragraph: a lone headline line is too little text for
    # detection to tell plain text from anything else.
    return st.builds(
        Article,
        format=st.just("plain-text"),
        headline=headlines(),
        dateline=st.none() | datelines(),
        paragraphs=st.lists(paragraphs(), min_size=1, max_size=4).map(tuple),
    ).filter(body_reads_back)


def cnndm_story() -> st.SearchStrategy[Article]:
    when = st.one_of(dates(), datetimes())
    name = sentence(words(), 1, 3)
    return (
        st.builds(
            Article,
            format=st.just("cnndm-story"),
            byline=st.none() | name.map(lambda n: f"By {n}"),
            published=st.none() | when,
            dateline=st.none() | datelines(),
            paragraphs=st.lists(paragraphs(), max_size=4).map(tuple),
            highlights=st.lists(paragraphs(max_words=20), min_size=1, max_size=4).map(tuple),
            extra=st.one_of(st.just({}), when.map(lambda d: {"updated": d.isoformat()})),
        )
        .filter(body_reads_back)
        .filter(_story_body_reads_back)
    )


def _story_body_reads_back(article: Article) -> bool:
    # A first paragraph that opens like the Daily Mail's furniture would be
    # read back as furniture.
    if not article.paragraphs or article.dateline is not None:
        return True
    return re.match(r"By\b|PUBLISHED:|UPDATED:|Last updated at|\|$", article.paragraphs[0]) is None


_HEADER_MAPPED = {"from", "newsgroups", "subject", "date", "message-id", "content-language", "lines"}


def rfc822_news() -> st.SearchStrategy[Article]:
    atom = st.text(LETTERS + "0123456789", min_size=1, max_size=8)
    group = st.lists(atom, min_size=1, max_size=4).map(".".join)
    header_name = st.text(LETTERS + "0123456789-", min_size=1, max_size=12).filter(
        lambda n: n.lower() not in _HEADER_MAPPED and not n.lower().startswith("content-")
    )
    value = sentence(words(), 1, 6)
    body_line = sentence(st.one_of(words(), st.sampled_from([">", "|>", "--", "(c)"])), 1, 10)
    paragraph = st.lists(body_line, min_size=1, max_size=4).map("\n".join)
    return st.builds(
        Article,
        format=st.just("rfc822-news"),
        id=st.none() | st.builds(lambda a, b: f"<{a}@{b}>", atom, group),
        headline=st.none() | headlines(),
        byline=st.none() | st.builds(lambda a, b, n: f"{a}@{b} ({n})", atom, group, sentence(words(), 1, 3)),
        published=published(),
        paragraphs=st.lists(paragraph, max_size=4).map(tuple),
        # Newsgroups make the output a news article that detection recognises.
        subjects=st.lists(group, min_size=1, max_size=3).map(tuple),
        language=st.none() | st.sampled_from(["en", "de", "fr", "en-US"]),
        extra=st.dictionaries(header_name, value | st.lists(value, min_size=2, max_size=3).map(tuple), max_size=4),
    )
