"""Articles the XML formats hold in their own elements: nitf, newsml-g2, rcv1-xml, newsml-1."""

from __future__ import annotations

import string

import attrs
from hypothesis import strategies as st

from ..article import Article, Dateline
from ._common import (
    LETTERS,
    WIDE,
    dateline_fields,
    datelines,
    dates,
    datetimes,
    first_paragraph_is_not_a_dateline,
    headlines,
    paragraphs,
    places,
    published,
    sentence,
    words,
)


def xml_text() -> st.SearchStrategy[str]:
    # Single-spaced, as XML text reads back once its white space is squeezed.
    return sentence(words(alphabet=LETTERS + "0123456789" + WIDE + ".,'&<>\"-"), 1, 6)


def table_rows() -> st.SearchStrategy[str]:
    """A table row as the XML readers give it: cells (some empty) separated by tabs."""
    cell = st.just("") | xml_text()
    return st.lists(cell, min_size=2, max_size=5).filter(any).map("\t".join)


def _story_opens_plainly(article: Article) -> bool:
    """The body opens with the story, not a note, a bullet or a byline that the readers step past or lift."""
    from ..formats._xml_fields import is_preamble

    return first_paragraph_is_not_a_dateline(article) and not (
        article.paragraphs and is_preamble(article.paragraphs[0])
    )


def _title_is_the_headline(article: Article) -> Article:
    """NITF without ``<hl1>`` reads its ``<title>`` as the headline."""
    title = article.extra.get("title")
    return attrs.evolve(article, headline=title) if article.headline is None and title is not None else article


def nitf() -> st.SearchStrategy[Article]:
    """Articles NITF holds in its own elements, with no ``wirecopy-article`` record needed."""
    simple = xml_text()
    token = st.text(LETTERS + "0123456789.-:_", min_size=1, max_size=12)
    meta_value = st.text(LETTERS + " .,;'&<>\"", max_size=20)
    dateline = datelines().flatmap(
        lambda d: st.builds(
            lambda date: Dateline(**{**dateline_fields(d), "date": date}), st.none() | dates() | datetimes()
        )
    )
    extra = st.fixed_dictionaries(
        {},
        optional={
            "title": simple,
            "meta": st.dictionaries(
                token.filter(lambda name: name != "wirecopy-article"),
                meta_value | st.lists(meta_value, min_size=2, max_size=3).map(tuple),
                min_size=1,
                max_size=3,
            ),
            "subheadline": st.lists(simple, min_size=1, max_size=2).map("\n".join),
            "byline_title": simple,
            "regsrc": simple,
            "urgency": st.integers(1, 8).map(str),
            "ed_msg": simple,
            "copyright_holder": simple,
            "copyright_year": st.integers(1900, 2099).map(str),
            "keywords": st.lists(simple, min_size=1, max_size=3).map(tuple),
            "tagline": simple,
        },
    )
    return _with_body(
        "nitf",
        id=st.none() | token,
        dateline=st.none() | dateline,
        subjects=st.lists(token, max_size=4, unique=True).map(tuple),
        language=st.none() | st.sampled_from(["en", "de", "fr", "en-US", "nb-NO"]),
        extra=extra,
    ).map(_title_is_the_headline)


def newsml_g2() -> st.SearchStrategy[Article]:
    """Articles NewsML-G2 holds in its own elements, with no ``wirecopy`` record needed."""
    simple = xml_text()
    qcode = st.builds(
        lambda scheme, code: f"{scheme}:{code}",
        st.sampled_from(["medtop", "subj", "N2", "dpacountry"]),
        st.text("0123456789ABCDEF", min_size=1, max_size=8),
    )
    extra = st.fixed_dictionaries(
        {},
        optional={
            "version": st.integers(1, 99).map(str),
            "title": simple,
            "copyrightHolder": simple,
            "copyrightNotice": simple,
            "urgency": st.integers(1, 9).map(str),
            "located": simple,
            "infoSource": simple,
            "creator": simple,
            "keywords": st.lists(simple, min_size=1, max_size=3).map(tuple),
            "slugline": simple,
            "subheadline": simple,
            "creditline": simple,
            "description": simple,
            "summary": simple | st.lists(simple, min_size=2, max_size=3).map(tuple),
            "edNote": st.dictionaries(
                st.just("") | qcode,
                simple | st.lists(simple, min_size=2, max_size=2).map(tuple),
                min_size=1,
                max_size=2,
            ),
            "byline_title": simple,
            "tagline": simple,
        },
    )
    return _with_body(
        "newsml-g2",
        id=st.none() | st.text(LETTERS + "0123456789:.,-", min_size=1, max_size=30),
        dateline=st.none() | datelines(),
        subjects=st.lists(qcode | simple, max_size=4, unique=True).map(tuple),
        language=st.none() | st.sampled_from(["en", "de", "fr", "en-US", "it-IT"]),
        extra=extra,
    )


def _with_body(name: str, **fields: st.SearchStrategy[object]) -> st.SearchStrategy[Article]:
    """Articles of the format *name*: the NITF body's fields, which NITF and NewsML-G2 hold alike, and *fields*."""
    simple = xml_text()
    return st.builds(
        Article,
        format=st.just(name),
        source=st.none() | simple,
        headline=st.none() | headlines(),
        byline=st.none() | simple.map(lambda name: f"By {name}"),
        published=published(),
        paragraphs=st.lists(paragraphs() | table_rows(), max_size=4).map(tuple),
        highlights=st.lists(simple, max_size=2).map(tuple),
        **fields,
    ).filter(_story_opens_plainly)


def rcv1_xml() -> st.SearchStrategy[Article]:
    """Articles RCV1 holds in its own elements, with no ``wirecopy-article`` record needed."""
    from ..datelines import parse_dateline
    from ..formats.rcv1 import TITLE_PREFIX

    simple = xml_text()
    country = sentence(st.text(string.ascii_uppercase, min_size=2, max_size=10), 1, 2)
    # A title with a country prefix, or one without (nothing that reads as a prefix).
    bare = simple.filter(lambda title: TITLE_PREFIX.match(title) is None)
    titles = st.none() | bare | st.builds(lambda c, rest: (c, f"{c}: {rest}"), country, simple)
    code = st.text(string.ascii_uppercase + string.digits, min_size=1, max_size=7)
    codes = st.dictionaries(
        st.sampled_from(["countries", "topics", "industries"]),
        st.lists(code, min_size=1, max_size=4, unique=True),
        max_size=3,
    )
    dc_value = st.text(LETTERS + "0123456789 .,-&<>\"'\n" + WIDE, max_size=20)
    dc = st.dictionaries(
        st.sampled_from(["dc.date.created", "dc.publisher", "dc.date.published", "dc.creator.location.country.name"]),
        dc_value | st.lists(dc_value, min_size=2, max_size=3, unique=True),
        max_size=3,
    )
    # RCV1's own datelines: a place, and the story's date or none.
    rcv1_dateline = st.builds(
        lambda place, date: Dateline(text=f"{place} {date.isoformat()}" if date else place, place=place, date=date),
        places().map(str.upper),
        st.none() | dates(),
    ).filter(lambda d: parse_dateline(d.text) == d)
    copyright_ = st.integers(1996, 1997).map(lambda year: f"(c) Reuters Limited {year}") | simple

    @st.composite
    def build(draw: st.DrawFn) -> Article:
        extra: dict[str, object] = {}
        title = draw(titles)
        if isinstance(title, tuple):
            extra["title_country"], extra["title"] = title
        elif title is not None:
            extra["title"] = title
        by_class = draw(codes)
        if by_class:
            extra["codes"] = by_class
        elements: dict[str, object] = dict(draw(dc))
        source = draw(st.none() | simple)
        if source is not None:
            elements["dc.source"] = source
        dateline = draw(st.none() | rcv1_dateline | datelines())
        if dateline is not None and dateline.place is not None and dateline.agency is None and draw(st.booleans()):
            elements["dc.creator.location"] = dateline.place
        if elements:
            extra["dc"] = elements
        found = draw(st.none() | copyright_)
        if found is not None:
            extra["copyright"] = found
        subjects = dict.fromkeys(code for group in by_class.values() for code in group)
        return Article(
            format="rcv1-xml",
            id=draw(st.integers(1, 999999).map(str)),
            source=source,
            headline=draw(st.none() | headlines()),
            byline=draw(st.none() | simple),
            published=draw(published()),
            dateline=dateline,
            paragraphs=draw(st.lists(paragraphs(), max_size=4)),
            subjects=tuple(subjects),
            language=draw(st.none() | st.sampled_from(["en", "de", "fr", "en-US"])),
            extra=extra,
        )

    return build()


def newsml_1() -> st.SearchStrategy[Article]:
    """Articles NewsML 1 holds in its own elements, with no ``wirecopy-article`` record needed."""
    from ..formats._nitf_body import norm

    simple = xml_text()
    token = st.text(LETTERS + "0123456789.-", min_size=1, max_size=12)
    iptc_code = st.text("0123456789", min_size=8, max_size=8)
    dateline = datelines().flatmap(
        lambda d: st.builds(
            lambda date: Dateline(**{**dateline_fields(d), "date": date}), st.none() | dates() | datetimes()
        )
    )
    labels = st.fixed_dictionaries(
        {},
        optional={
            "DateId": dates().map(lambda d: f"{d:%Y%m%d}"),
            "RevisionId": st.integers(1, 9).map(str),
            "NameLabel": simple,
            "DateLabel": simple,
            "Status": st.sampled_from(["Usable", "Withheld", "Canceled"]),
            "Urgency": st.integers(1, 8).map(str),
            "subheadline": simple,
            "creditline": simple,
            "copyright": simple,
            "slugline": simple,
            "byline_title": simple,
            "tagline": simple,
            "newsline": st.dictionaries(
                st.just("") | token,
                simple | st.lists(simple, min_size=2, max_size=2).map(tuple),
                min_size=1,
                max_size=2,
            ),
        },
    )

    @st.composite
    def build(draw: st.DrawFn) -> Article:
        extra: dict[str, object] = dict(draw(labels))
        when = draw(published())
        source = draw(st.none() | simple)
        provider = draw(st.none() | token)
        item_id = draw(st.none() | token)
        # Without an id or a source, the reader would take the NewsItemId
        # and ProviderId for them.
        identifier = draw(st.none() | token)
        if provider is not None and source is not None:
            extra["ProviderId"] = provider
        if item_id is not None and identifier is not None:
            extra["NewsItemId"] = item_id
        if when is not None:
            # Raw dates are kept only beside a date that became `published`.
            for name in ("ThisRevisionCreated", "DateAndTime"):
                if draw(st.booleans()):
                    extra[name] = norm(draw(datetimes()))
        return Article(
            format="newsml-1",
            id=identifier,
            source=source,
            headline=draw(st.none() | headlines()),
            byline=draw(st.none() | simple.map(lambda name: f"By {name}")),
            published=when,
            dateline=draw(st.none() | dateline),
            paragraphs=draw(st.lists(paragraphs() | table_rows(), max_size=4)),
            highlights=draw(st.lists(simple, max_size=2)),
            subjects=draw(st.lists(iptc_code | token, max_size=4, unique=True)),
            language=draw(st.none() | st.sampled_from(["en", "de", "fr", "EN", "fr-FR"])),
            extra=extra,
        )

    return build().filter(_story_opens_plainly)
