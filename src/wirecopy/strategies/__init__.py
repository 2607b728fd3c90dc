"""Hypothesis strategies for wirecopy's records, for property tests.

Needs Hypothesis (``pip install wirecopy[hypothesis]``); wirecopy itself never
imports this module.  Plugin authors use it to test their formats the way
wirecopy tests its own::

    from hypothesis import given
    from wirecopy.strategies import articles_for

    @given(articles_for("cnn-reuters"))
    def test_roundtrip(article): ...

:func:`articles_for` gives, per format, articles that the format can represent,
so that ``loads(dumps(a, name), name) == a`` is a fair property.

With Hypothesis installed, ``st.from_type(Article)`` (and ``Dateline``,
``Origin``, ``Defect``) draws from these strategies: wirecopy registers them
through Hypothesis' ``hypothesis`` entry-point group, which Hypothesis runs
when it is imported, so wirecopy itself never imports Hypothesis.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import strategies as st

from ..article import Article, Dateline, Defect, Origin
from . import _sgml, _styles, _text, _wapo, _wire, _xml
from ._common import JSON, LETTERS, datelines, dates, datetimes, headlines, paragraphs, published, words
from ._styles import date_texts, dates_in_style

__all__ = [
    "STYLE_DOMAINS",
    "articles",
    "articles_for",
    "date_texts",
    "datelines",
    "dates",
    "dates_in_style",
    "datetimes",
    "defects",
    "headlines",
    "origins",
    "paragraphs",
    "published",
    "words",
]


#: What :func:`dates_in_style` draws for each style of
#: :func:`wirecopy.format_date`: the values the style writes without loss.
STYLE_DOMAINS: dict[str, str] = _styles.STYLE_DOMAINS


def articles(*, format: str = "jsonl") -> st.SearchStrategy[Article]:
    """Any valid article, every field filled at random, origin and defects included."""
    text = st.text(max_size=40)
    opt = st.none() | text
    dateline = st.none() | st.builds(Dateline, text=text, place=opt, region=opt, agency=opt, date=published())
    origin = st.none() | st.builds(
        Origin,
        path=opt,
        line=st.none() | st.integers(1, 10**6),
        offset=st.none() | st.integers(0, 10**9),
        index=st.none() | st.integers(0, 10**6),
    )
    defect = st.builds(
        Defect,
        kind=st.text(LETTERS + "-", min_size=1, max_size=20),
        message=text,
        line=st.none() | st.integers(1, 10**6),
        column=st.none() | st.integers(1, 10**4),
    )
    return st.builds(
        Article,
        format=st.just(format),
        id=opt,
        source=opt,
        headline=opt,
        byline=opt,
        published=published(),
        dateline=dateline,
        paragraphs=st.lists(text, max_size=4).map(tuple),
        highlights=st.lists(text, max_size=3).map(tuple),
        subjects=st.lists(text, max_size=3).map(tuple),
        language=st.none() | st.sampled_from(["en", "de", "fr", "en-US"]),
        extra=st.dictionaries(st.text(max_size=10), JSON, max_size=4),
        origin=origin,
        defects=st.lists(defect, max_size=2).map(tuple),
    )


#: Strategies of articles each built-in format can represent.
_BY_FORMAT: dict[str, Callable[[], st.SearchStrategy[Article]]] = {
    "anpa-1312": _wire.anpa1312,
    "cnn-reuters": _text.cnn_reuters,
    "iptc-7901": _wire.iptc7901,
    "jsonl": articles,
    "cnndm-story": _text.cnndm_story,
    "plain-text": _text.plain_text,
    "rfc822-news": _text.rfc822_news,
    "trec-sgml": _sgml.trec_sgml,
    "trec-wapo": _wapo.trec_wapo,
    "reuters21578-sgml": _sgml.reuters21578,
    "nitf": _xml.nitf,
    "newsml-g2": _xml.newsml_g2,
    "rcv1-xml": _xml.rcv1_xml,
    "newsml-1": _xml.newsml_1,
    "parquet": lambda: articles(format="parquet"),
}


def articles_for(name: str) -> st.SearchStrategy[Article]:
    """Articles that the format *name* can write and read back unchanged.

    Raises:
        LookupError: wirecopy has no strategy for that format.
    """
    from ..registry import get_format

    canonical = get_format(name).name
    try:
        return _BY_FORMAT[canonical]()
    except KeyError:
        msg = f"no article strategy for format {canonical!r}"
        raise LookupError(msg) from None


def origins() -> st.SearchStrategy[Origin]:
    """Any :class:`~wirecopy.article.Origin`: a path or none, a line, a byte offset, an index."""
    opt = st.none() | st.text(max_size=40)
    return st.builds(
        Origin,
        path=opt,
        line=st.none() | st.integers(1, 10**6),
        offset=st.none() | st.integers(0, 10**9),
        index=st.none() | st.integers(0, 10**6),
    )


def defects() -> st.SearchStrategy[Defect]:
    """Any :class:`~wirecopy.article.Defect`, with a kebab-case kind such as ``bad-date``."""
    return st.builds(
        Defect,
        kind=st.text(LETTERS + "-", min_size=1, max_size=20),
        message=st.text(max_size=40),
        line=st.none() | st.integers(1, 10**6),
        column=st.none() | st.integers(1, 10**4),
    )
