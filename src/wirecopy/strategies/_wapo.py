"""Articles the trec-wapo format (the TREC Washington Post collection) can represent."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from hypothesis import strategies as st

from ..article import Article
from ._common import LETTERS, body_reads_back, datelines, headlines, paragraphs, sentence, words


def trec_wapo() -> st.SearchStrategy[Article]:
    """An article with an id and a publication time to the millisecond in UTC, as the collection has them."""
    return _wapo_articles().filter(body_reads_back)


@st.composite
def _wapo_articles(draw: st.DrawFn) -> Article:
    doc_id = draw(st.uuids().map(str) | words(alphabet=LETTERS + "0123456789-_"))
    moment = draw(st.datetimes(min_value=_dt.datetime(1900, 1, 1), max_value=_dt.datetime(2099, 12, 31)))
    published = moment.replace(microsecond=moment.microsecond // 1000 * 1000, tzinfo=_dt.timezone.utc)
    name = sentence(words(), 1, 3)
    byline = draw(st.none() | name.map(lambda n: f"By {n}"))
    extra: dict[str, Any] = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "url": words(alphabet=LETTERS + "0123456789/-_.").map(lambda path: f"https://www.example.com/{path}"),
                "type": st.sampled_from(["article", "blog"]),
                "kicker": headlines(),
                "captions": st.lists(paragraphs(max_words=20), min_size=1, max_size=3),
            },
        )
    )
    # Without a byline block the author is read as the byline, so an author
    # goes only with a byline.
    if byline is not None and draw(st.booleans()):
        extra["author"] = draw(name)
    return Article(
        format="trec-wapo",
        id=doc_id,
        source=draw(st.none() | st.just("The Washington Post") | headlines()),
        headline=draw(st.none() | headlines()),
        byline=byline,
        published=published,
        dateline=draw(st.none() | datelines()),
        paragraphs=draw(st.lists(paragraphs(), max_size=4)),
        extra=extra,
    )
