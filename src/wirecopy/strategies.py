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

import datetime as _dt
import re
import string
from collections.abc import Callable

from hypothesis import strategies as st

from .article import Article, Dateline, Defect, Origin

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

_LETTERS = string.ascii_letters
# Letters beyond ASCII that wire copy carries: accents, umlauts, curly quotes.
_WIDE = "éèàüöäßçñøåÉÜÖ’“”—£€"


def words(
    *, alphabet: str = _LETTERS + "0123456789" + _WIDE, min_size: int = 1, max_size: int = 12
) -> st.SearchStrategy[str]:
    """One word: no whitespace, from *alphabet*."""
    return st.text(alphabet, min_size=min_size, max_size=max_size)


def _sentence(word: st.SearchStrategy[str], min_words: int, max_words: int) -> st.SearchStrategy[str]:
    return st.lists(word, min_size=min_words, max_size=max_words).map(" ".join)


def headlines() -> st.SearchStrategy[str]:
    """A one-line headline with single spaces, digits, quotes and ``-`` inside."""
    token = st.one_of(words(), st.just("-"), st.just('"quoted"'), st.just("U.S."), st.integers(0, 9999).map(str))
    return _sentence(token, 1, 12).filter(lambda h: not h.startswith("-") and not h.endswith("-"))


def paragraphs(*, max_words: int = 60) -> st.SearchStrategy[str]:
    """A paragraph of words separated by single spaces, as wrapped text reads back."""
    token = st.one_of(words(), words(alphabet=_LETTERS + ".,;:'\"()$%"), st.just("--"))
    return _sentence(token, 1, max_words)


def dates(
    *, min_value: _dt.date = _dt.date(1900, 1, 1), max_value: _dt.date = _dt.date(2099, 12, 31)
) -> st.SearchStrategy[_dt.date]:
    """A calendar date (not a datetime)."""
    return st.dates(min_value=min_value, max_value=max_value)


def datetimes(*, aware: bool | None = None) -> st.SearchStrategy[_dt.datetime]:
    """A datetime to the second; aware with a whole-minute offset, naive, or either."""
    naive = st.datetimes(min_value=_dt.datetime(1900, 1, 1), max_value=_dt.datetime(2099, 12, 31)).map(
        lambda d: d.replace(microsecond=0)
    )
    offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: _dt.timezone(_dt.timedelta(minutes=m)))
    with_zone = st.builds(lambda d, z: d.replace(tzinfo=z), naive, offsets)
    if aware is None:
        return st.one_of(naive, with_zone)
    return with_zone if aware else naive


def published() -> st.SearchStrategy[_dt.date | _dt.datetime | None]:
    """What :attr:`Article.published` may hold: None, a date, or a datetime."""
    return st.one_of(st.none(), dates(), datetimes())


def _place() -> st.SearchStrategy[str]:
    name = st.text(_LETTERS, min_size=2, max_size=10)
    return _sentence(name, 1, 3)


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def datelines(*, with_date: bool = False) -> st.SearchStrategy[Dateline]:
    """A ``PLACE, Region (Agency) --`` dateline whose text parses back to itself.

    With *with_date*, the dateline carries a full date, in one of the forms
    that read back without a reference: ``Santiago, May 31, 2009 (AFP) --``
    or ``NEW YORK 1996-10-07``.
    """
    if with_date:
        return _dated_datelines()

    @st.composite
    def build(draw: st.DrawFn) -> Dateline:
        upper = draw(st.booleans())
        place = draw(_place())
        # A weekday after the comma is the dateline's date, not a region.
        region = draw(st.none() | _place().filter(lambda r: r.casefold() not in _WEEKDAY_NAMES))
        agency = draw(st.sampled_from(["AP", "Reuters", "AFP", "CNN", "dpa", "Xinhua", "reuters"]))
        dash = draw(st.sampled_from(["--", "—", "-", "_"]))
        if upper:
            place = place.upper()
        text = place + (f", {region}" if region else "") + f" ({agency}) {dash}"
        return Dateline(text=text, place=place, region=region, agency=agency)

    return build()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


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
        kind=st.text(_LETTERS + "-", min_size=1, max_size=20),
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
        extra=st.dictionaries(st.text(max_size=10), _JSON, max_size=4),
        origin=origin,
        defects=st.lists(defect, max_size=2).map(tuple),
    )


def _cnn_reuters() -> st.SearchStrategy[Article]:
    site = st.text(_LETTERS + ".", min_size=1, max_size=12).filter(lambda s: s[0] != ".")
    return st.builds(
        Article,
        format=st.just("cnn-reuters"),
        source=site,
        headline=headlines(),
        published=dates(min_value=_dt.date(1000, 1, 1), max_value=_dt.date(9999, 12, 31)),
        dateline=st.none() | datelines(),
        paragraphs=st.lists(paragraphs(), max_size=4).map(tuple),
    ).filter(_cnn_body_reads_back)


def _cnn_body_reads_back(article: Article) -> bool:
    # Without a dateline, a first paragraph that opens like one would be read
    # back as a dateline: such articles cannot be represented.
    if article.dateline is not None or not article.paragraphs:
        return True
    from .datelines import split_dateline

    return split_dateline(article.paragraphs[0])[0] is None


def _plain_text() -> st.SearchStrategy[Article]:
    # At least one paragraph: a lone headline line is too little text for
    # detection to tell plain text from anything else.
    return st.builds(
        Article,
        format=st.just("plain-text"),
        headline=headlines(),
        dateline=st.none() | datelines(),
        paragraphs=st.lists(paragraphs(), min_size=1, max_size=4).map(tuple),
    ).filter(_cnn_body_reads_back)


def _cnndm_story() -> st.SearchStrategy[Article]:
    when = st.one_of(dates(), datetimes())
    name = _sentence(words(), 1, 3)
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
        .filter(_cnn_body_reads_back)
        .filter(_story_body_reads_back)
    )


def _story_body_reads_back(article: Article) -> bool:
    # A first paragraph that opens like the Daily Mail's furniture would be
    # read back as furniture.
    if not article.paragraphs or article.dateline is not None:
        return True
    return re.match(r"By\b|PUBLISHED:|UPDATED:|Last updated at|\|$", article.paragraphs[0]) is None


_HEADER_MAPPED = {"from", "newsgroups", "subject", "date", "message-id", "content-language", "lines"}


def _rfc822_news() -> st.SearchStrategy[Article]:
    atom = st.text(_LETTERS + "0123456789", min_size=1, max_size=8)
    group = st.lists(atom, min_size=1, max_size=4).map(".".join)
    header_name = st.text(_LETTERS + "0123456789-", min_size=1, max_size=12).filter(
        lambda n: n.lower() not in _HEADER_MAPPED and not n.lower().startswith("content-")
    )
    value = _sentence(words(), 1, 6)
    body_line = _sentence(st.one_of(words(), st.sampled_from([">", "|>", "--", "(c)"])), 1, 10)
    paragraph = st.lists(body_line, min_size=1, max_size=4).map("\n".join)
    return st.builds(
        Article,
        format=st.just("rfc822-news"),
        id=st.none() | st.builds(lambda a, b: f"<{a}@{b}>", atom, group),
        headline=st.none() | headlines(),
        byline=st.none() | st.builds(lambda a, b, n: f"{a}@{b} ({n})", atom, group, _sentence(words(), 1, 3)),
        published=published(),
        paragraphs=st.lists(paragraph, max_size=4).map(tuple),
        # Newsgroups make the output a news article that detection recognises.
        subjects=st.lists(group, min_size=1, max_size=3).map(tuple),
        language=st.none() | st.sampled_from(["en", "de", "fr", "en-US"]),
        extra=st.dictionaries(header_name, value | st.lists(value, min_size=2, max_size=3).map(tuple), max_size=4),
    )


def _wire_published() -> st.SearchStrategy[_dt.datetime]:
    # Wire trailers give the minute and a two-digit year: keep to the years
    # every reading of a two-digit year agrees on.
    moments = st.datetimes(min_value=_dt.datetime(2000, 1, 2), max_value=_dt.datetime(2049, 12, 30))
    offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: _dt.timezone(_dt.timedelta(minutes=m)))
    return st.builds(lambda d, z: d.replace(second=0, microsecond=0, tzinfo=z), moments, offsets)


def _wire_text(*, max_words: int = 30) -> st.SearchStrategy[str]:
    """A line of wire text: words, punctuation, and the 8-bit letters the wires carry."""
    return paragraphs(max_words=max_words)


def _first_paragraph_reads_back(article: Article) -> bool:
    # Without a dateline, a first paragraph that opens like one would be read
    # back as a dateline.
    from .datelines import split_dateline

    return article.dateline is not None or not article.paragraphs or split_dateline(article.paragraphs[0])[0] is None


def _anpa1312() -> st.SearchStrategy[Article]:
    from .formats.anpa1312 import PRIORITIES

    # Built once: building strategies inside the composite costs more than
    # writing and reading the article.
    letter = st.sampled_from(string.ascii_letters)
    slug_text = st.text(string.ascii_letters + string.digits + "-", min_size=1, max_size=21)
    code = st.text(string.ascii_letters + string.digits + "-", min_size=1, max_size=8)
    bylines = st.none() | words().map(lambda name: f"By {name.upper()}")
    titles = st.lists(st.sampled_from(["Associated Press", "AP Sports Writer"]), max_size=2)
    codes = st.tuples(st.sampled_from(["DC3", "DC4"]), st.sampled_from(["DC1", "DC2"])).flatmap(
        lambda pair: st.sampled_from([list(pair), [pair[0]], [pair[1]]])
    )
    versions = st.none() | st.sampled_from(["1stLd-Writethru", "2ndLd", "Correction"])
    notes = st.lists(_wire_text(max_words=12), max_size=3)
    body = st.lists(paragraphs(), max_size=4)
    optional_dateline = st.none() | datelines()
    headline = headlines()
    published = _wire_published()

    @st.composite
    def build(draw: st.DrawFn) -> Article:
        moment = draw(published)
        priority = draw(st.sampled_from([*PRIORITIES, "x", "A"]))
        keyword = "BC-" + draw(slug_text)
        byline = draw(bylines)
        source = draw(st.none() | st.sampled_from(["AP", "UPI", "NYT"]))
        filing = moment.astimezone(_dt.timezone.utc) - _dt.timedelta(days=draw(st.integers(0, 2)))
        # AP's slug line: the keyword, untruncated and spaced, and a word count.
        slug_count = draw(st.none() | st.integers(0, 9999))
        extra = {
            "service_level": draw(letter),
            "sequence": f"{draw(st.integers(0, 9999)):04d}",
            "selector": draw(code),
            "priority": priority,
            "priority_name": PRIORITIES.get(priority.lower()),
            "category": draw(letter),
            "format_codes": draw(codes),
            "keyword": keyword,
            "version": draw(versions),
            "filing_date": f"{filing:%m-%d}",
            "word_count": draw(st.integers(0, 99999)),
            "slug_line": None if slug_count is None else f"{keyword.replace('-', '- ', 1)},{slug_count}",
            "notes": draw(notes),
            "byline_titles": draw(titles) if byline else [],
            "desk": draw(st.none() | st.sampled_from(["WF", "NY"])) if source else None,
        }
        return Article(
            format="anpa-1312",
            source=source,
            headline=draw(headline),
            byline=byline,
            published=moment,
            dateline=draw(optional_dateline),
            paragraphs=draw(body),
            extra=extra,
        )

    return build().filter(_first_paragraph_reads_back).filter(_anpa_header_reads_back)


def _anpa_header_reads_back(article: Article) -> bool:
    # Without a slug line, a header line that begins with the keyword would
    # be read back as the slug line.
    if article.extra["slug_line"] is not None:
        return True
    keyword = article.extra["keyword"].replace("-", "")
    lines = [article.headline or "", *article.extra["notes"]]
    return not any("".join(line.split()).replace("-", "").startswith(keyword) for line in lines)


def _iptc7901() -> st.SearchStrategy[Article]:
    # Built once: building strategies inside the composite costs more than
    # writing and reading the article.
    lower = st.text(string.ascii_lowercase, min_size=1, max_size=5)
    digits = st.text(string.digits, min_size=1, max_size=4)
    link = words(alphabet=_LETTERS).map(lambda w: f"- [{w}](http://dpaq.de/{w})")
    notebooks: st.SearchStrategy[list[str]] = st.just([]) | st.lists(link, min_size=1, max_size=2).map(
        lambda links: ["# Notebook", "## Internet links\n" + "\n".join(links)]
    )
    contacts = st.lists(
        _wire_text(max_words=6).map(lambda who: f"## Editorial contacts\n- Reporting by: {who}"), max_size=1
    )
    slugs = st.none() | st.lists(words(alphabet=_LETTERS), min_size=1, max_size=3).map(
        lambda parts: "/".join(parts) + "/"
    )
    labels = st.lists(st.sampled_from(["1ST LEAD", "EXTRA", "REFILE", "(Achtung)", "CORRECTION"]), max_size=2)
    header_extra = st.none() | st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=6)
    bylines = st.none() | words().map(lambda name: f"By {name}")
    body = st.lists(paragraphs(), max_size=4)
    optional_dateline = st.none() | datelines()
    headline = headlines()
    published = _wire_published()

    @st.composite
    def build(draw: st.DrawFn) -> Article:
        source = draw(st.none() | st.sampled_from(["dpa", "APA", "sda"]))
        extra = {
            "service": draw(st.text(string.ascii_lowercase, min_size=1, max_size=4)),
            "sequence": draw(digits),
            "priority": draw(st.integers(0, 9)),
            "category": draw(st.text(string.ascii_lowercase, min_size=1, max_size=2)),
            "word_count": draw(st.integers(0, 99999)),
            "header_extra": draw(header_extra),
            "message_number": draw(digits),
            "slug": draw(slugs),
            "labels": draw(labels),
            "notebook": draw(notebooks),
            "not_for_publication": draw(contacts),
            "editors": draw(st.lists(lower, max_size=4)) if source else [],
        }
        return Article(
            format="iptc-7901",
            source=source,
            headline=draw(headline),
            byline=draw(bylines),
            published=draw(published),
            dateline=draw(optional_dateline),
            paragraphs=draw(body),
            extra=extra,
        )

    return build().filter(_first_paragraph_reads_back).filter(_iptc_text_reads_back)


def _iptc_text_reads_back(article: Article) -> bool:
    # A headline that looks like a byline or label, and a last paragraph that
    # looks like the editors' initials, would be read back as those.
    from .formats.iptc7901 import headline_block

    labels = list(article.extra["labels"])
    block = [*labels, article.headline or "", *([article.byline] if article.byline else [])]
    if headline_block([*block[:-1], f"{block[-1]} ="]) != (labels, article.headline, article.byline, len(block)):
        return False
    if article.source is None or article.extra["editors"] or article.extra["not_for_publication"]:
        return True
    last = article.paragraphs[-1] if article.paragraphs else ""
    return not last.startswith(f"{article.source} ")


def _splits_no_dateline(article: Article) -> bool:
    """Without a dateline, the first paragraph must not open like one."""
    if article.dateline is not None or not article.paragraphs:
        return True
    from .datelines import split_dateline

    return split_dateline(article.paragraphs[0])[0] is None


def _trec_sgml() -> st.SearchStrategy[Article]:
    from .formats.trec_sgml import _PLACEHOLDER

    agency = st.sampled_from(["AFP", "APW", "NYT", "XIN", "LTW", "CNA"])
    gigaword_id = st.builds(
        lambda a, d, n: f"{a}_ENG_{d:%Y%m%d}.{n:04d}",
        agency,
        dates(min_value=_dt.date(1994, 1, 1)),
        st.integers(0, 9999),
    )
    other_id = st.text(_LETTERS + "0123456789.-", min_size=1, max_size=20).filter(lambda i: i[0] not in ".-")
    simple = _sentence(words(alphabet=_LETTERS + "0123456789-"), 1, 4)
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
        headline=st.none() | headlines().filter(lambda h: not _PLACEHOLDER.fullmatch(h)),
        byline=st.none() | simple.map(lambda name: f"By {name}"),
        published=published(),
        dateline=st.none() | datelines(),
        paragraphs=st.lists(paragraphs(), max_size=4).map(tuple),
        extra=extra,
    ).filter(_splits_no_dateline)


def _reuters21578() -> st.SearchStrategy[Article]:
    from .formats.reuters21578 import _SIGNOFF

    centiseconds = st.datetimes(min_value=_dt.datetime(1000, 1, 1), max_value=_dt.datetime(9999, 12, 31)).map(
        lambda d: d.replace(microsecond=d.microsecond // 10000 * 10000)
    )
    code = st.text(string.ascii_lowercase + "-", min_size=1, max_size=12).filter(lambda c: c[0] != "-")
    codes = st.lists(code, min_size=1, max_size=3).map(tuple)
    simple = _sentence(words(alphabet=_LETTERS + "0123456789-"), 1, 4)
    # The wire header keeps its control characters, written as &#N;.
    header = st.text(_LETTERS + "0123456789 -\n\x01\x05\x16\x1f", min_size=1, max_size=40)
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
        .filter(lambda ps: not ps or not _SIGNOFF.fullmatch(ps[-1]))
        .map(tuple),
        subjects=st.lists(code, max_size=3).map(tuple),
        extra=extra,
    )


def _no_leading_dateline(article: Article) -> bool:
    """The first paragraph must not open like a dateline: it would be read as one."""
    if not article.paragraphs:
        return True
    from .datelines import split_dateline

    return split_dateline(article.paragraphs[0])[0] is None


def _xml_text() -> st.SearchStrategy[str]:
    # Single-spaced, as XML text reads back once its white space is squeezed.
    return _sentence(words(alphabet=_LETTERS + "0123456789" + _WIDE + ".,'&<>\"-"), 1, 6)


def _nitf() -> st.SearchStrategy[Article]:
    """Articles NITF holds in its own elements, with no ``wirecopy-article`` record needed."""
    simple = _xml_text()
    token = st.text(_LETTERS + "0123456789.-:_", min_size=1, max_size=12)
    meta_value = st.text(_LETTERS + " .,;'&<>\"", max_size=20)
    dateline = datelines().flatmap(
        lambda d: st.builds(
            lambda date: Dateline(**{**_dateline_fields(d), "date": date}), st.none() | dates() | datetimes()
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
    return st.builds(
        Article,
        format=st.just("nitf"),
        id=st.none() | token,
        source=st.none() | simple,
        headline=st.none() | headlines(),
        byline=st.none() | simple.map(lambda name: f"By {name}"),
        published=published(),
        dateline=st.none() | dateline,
        paragraphs=st.lists(paragraphs(), max_size=4).map(tuple),
        highlights=st.lists(simple, max_size=2).map(tuple),
        subjects=st.lists(token, max_size=4, unique=True).map(tuple),
        language=st.none() | st.sampled_from(["en", "de", "fr", "en-US", "nb-NO"]),
        extra=extra,
    ).filter(_no_leading_dateline)


def _dateline_fields(dateline: Dateline) -> dict[str, object]:
    return {"text": dateline.text, "place": dateline.place, "region": dateline.region, "agency": dateline.agency}


def _newsml_g2() -> st.SearchStrategy[Article]:
    """Articles NewsML-G2 holds in its own elements, with no ``wirecopy`` record needed."""
    simple = _xml_text()
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
            "byline_title": simple,
            "tagline": simple,
        },
    )
    return st.builds(
        Article,
        format=st.just("newsml-g2"),
        id=st.none() | st.text(_LETTERS + "0123456789:.,-", min_size=1, max_size=30),
        source=st.none() | simple,
        headline=st.none() | headlines(),
        byline=st.none() | simple.map(lambda name: f"By {name}"),
        published=published(),
        dateline=st.none() | datelines(),
        paragraphs=st.lists(paragraphs(), max_size=4).map(tuple),
        highlights=st.lists(simple, max_size=2).map(tuple),
        subjects=st.lists(qcode | simple, max_size=4, unique=True).map(tuple),
        language=st.none() | st.sampled_from(["en", "de", "fr", "en-US", "it-IT"]),
        extra=extra,
    ).filter(_no_leading_dateline)


def _rcv1_xml() -> st.SearchStrategy[Article]:
    """Articles RCV1 holds in its own elements, with no ``wirecopy-article`` record needed."""
    from .datelines import parse_dateline
    from .formats.rcv1 import _TITLE_PREFIX

    simple = _xml_text()
    country = _sentence(st.text(string.ascii_uppercase, min_size=2, max_size=10), 1, 2)
    # A title with a country prefix, or one without (nothing that reads as a prefix).
    bare = simple.filter(lambda title: _TITLE_PREFIX.match(title) is None)
    titles = st.none() | bare | st.builds(lambda c, rest: (c, f"{c}: {rest}"), country, simple)
    code = st.text(string.ascii_uppercase + string.digits, min_size=1, max_size=7)
    codes = st.dictionaries(
        st.sampled_from(["countries", "topics", "industries"]),
        st.lists(code, min_size=1, max_size=4, unique=True),
        max_size=3,
    )
    dc_value = st.text(_LETTERS + "0123456789 .,-&<>\"'\n" + _WIDE, max_size=20)
    dc = st.dictionaries(
        st.sampled_from(["dc.date.created", "dc.publisher", "dc.date.published", "dc.creator.location.country.name"]),
        dc_value | st.lists(dc_value, min_size=2, max_size=3, unique=True),
        max_size=3,
    )
    # RCV1's own datelines: a place, and the story's date or none.
    rcv1_dateline = st.builds(
        lambda place, date: Dateline(text=f"{place} {date.isoformat()}" if date else place, place=place, date=date),
        _place().map(str.upper),
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


def _newsml_1() -> st.SearchStrategy[Article]:
    """Articles NewsML 1 holds in its own elements, with no ``wirecopy-article`` record needed."""
    from .formats._xml import norm

    simple = _xml_text()
    token = st.text(_LETTERS + "0123456789.-", min_size=1, max_size=12)
    iptc_code = st.text("0123456789", min_size=8, max_size=8)
    dateline = datelines().flatmap(
        lambda d: st.builds(
            lambda date: Dateline(**{**_dateline_fields(d), "date": date}), st.none() | dates() | datetimes()
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
            paragraphs=draw(st.lists(paragraphs(), max_size=4)),
            highlights=draw(st.lists(simple, max_size=2)),
            subjects=draw(st.lists(iptc_code | token, max_size=4, unique=True)),
            language=draw(st.none() | st.sampled_from(["en", "de", "fr", "EN", "fr-FR"])),
            extra=extra,
        )

    return build().filter(_no_leading_dateline)


#: Strategies of articles each built-in format can represent.
_BY_FORMAT: dict[str, Callable[[], st.SearchStrategy[Article]]] = {
    "anpa-1312": _anpa1312,
    "cnn-reuters": _cnn_reuters,
    "iptc-7901": _iptc7901,
    "jsonl": articles,
    "cnndm-story": _cnndm_story,
    "plain-text": _plain_text,
    "rfc822-news": _rfc822_news,
    "trec-sgml": _trec_sgml,
    "reuters21578-sgml": _reuters21578,
    "nitf": _nitf,
    "newsml-g2": _newsml_g2,
    "rcv1-xml": _rcv1_xml,
    "newsml-1": _newsml_1,
}


def articles_for(name: str) -> st.SearchStrategy[Article]:
    """Articles that the format *name* can write and read back unchanged.

    Raises:
        LookupError: wirecopy has no strategy for that format.
    """
    from .registry import get_format

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
        kind=st.text(_LETTERS + "-", min_size=1, max_size=20),
        message=st.text(max_size=40),
        line=st.none() | st.integers(1, 10**6),
        column=st.none() | st.integers(1, 10**4),
    )


# -- dates in each format_date style ---------------------------------------

_UTC = _dt.timezone.utc


def _to_seconds(value: _dt.datetime) -> _dt.datetime:
    return value.replace(microsecond=0)


def _centiseconds(value: _dt.datetime) -> _dt.datetime:
    return value.replace(microsecond=value.microsecond // 10_000 * 10_000)


def _naive(min_year: int = 1900, max_year: int = 2099) -> st.SearchStrategy[_dt.datetime]:
    return st.datetimes(min_value=_dt.datetime(min_year, 1, 1), max_value=_dt.datetime(max_year, 12, 31, 23, 59, 59))


def _aware_minutes(value: _dt.datetime) -> _dt.datetime:
    return value.replace(second=0, microsecond=0)


#: What :func:`dates_in_style` draws for each style of
#: :func:`wirecopy.format_date`: the values the style writes without loss.
STYLE_DOMAINS: dict[str, str] = {
    "iso": "dates, naive datetimes and aware datetimes (whole-minute offsets), to the second",
    "iso-basic": "dates, naive datetimes and aware datetimes (whole-minute offsets), to the second",
    "us-long": "dates",
    "ap": "dates",
    "day-month-year": "dates",
    "rfc822": "naive and aware datetimes (whole-minute offsets) to the second",
    "reuters21578": "naive datetimes to the hundredth of a second",
    "mm-dd": "dates; read back with reference= a date near the value",
    "iptc7901": "aware datetimes (whole-minute offsets) to the minute, 1969-2068 in GMT, read back as the same "
    "instant in GMT; read back with reference= a date near the value",
    "anpa-trailer": "aware datetimes (whole-minute offsets) to the minute, 1969-2068 in GMT, read back as the same "
    "instant in GMT",
    "us-slash": "dates and naive datetimes to the second",
}


def _gmt_trailer_values() -> st.SearchStrategy[_dt.date | _dt.datetime]:
    # The GMT instant must fall in 1969-2068, whatever the offset.
    return datetimes(aware=True).map(_aware_minutes).filter(lambda v: 1969 <= v.astimezone(_UTC).year <= 2068)


_STYLE_VALUES: dict[str, Callable[[], st.SearchStrategy[_dt.date | _dt.datetime]]] = {
    "iso": lambda: st.one_of(dates(), datetimes()),
    "iso-basic": lambda: st.one_of(dates(), datetimes()),
    "us-long": dates,
    "ap": dates,
    "day-month-year": dates,
    "rfc822": datetimes,
    "reuters21578": lambda: _naive().map(_centiseconds),
    "mm-dd": dates,
    # The GMT instant must fall in 1969-2068, whatever the offset.
    "iptc7901": lambda: _gmt_trailer_values(),
    "anpa-trailer": lambda: _gmt_trailer_values(),
    "us-slash": lambda: st.one_of(dates(), _naive().map(_to_seconds)),
}


def dates_in_style(style: str) -> st.SearchStrategy[_dt.date | _dt.datetime]:
    """Dates and datetimes that :func:`wirecopy.format_date` writes in *style* without loss.

    For every value *v* drawn, ``parse_date(format_date(v, style)) == v``;
    ``mm-dd`` and ``iptc7901``, which write no year or two digits of it,
    read back with a *reference* date near *v*.  :data:`STYLE_DOMAINS` says
    what each style draws.

    Raises:
        ValueError: *style* is not a style this module knows.

    .. versionadded:: 0.1
    """
    try:
        return _STYLE_VALUES[style]()
    except KeyError:
        msg = f"no date strategy for style {style!r}; known styles: {', '.join(_STYLE_VALUES)}"
        raise ValueError(msg) from None


def date_texts(style: str) -> st.SearchStrategy[str]:
    """Date strings in *style*, as :func:`wirecopy.format_date` writes them: ``Dec. 30, 2000`` for ``ap``.

    Raises:
        ValueError: :func:`wirecopy.format_date` has no such style.

    .. versionadded:: 0.1
    """
    from .dates import STYLES, format_date

    if style not in STYLES:
        msg = f"format_date has no style {style!r}; its styles: {', '.join(STYLES)}"
        raise ValueError(msg)
    return dates_in_style(style).map(lambda value: format_date(value, style))


# Month and weekday names, which a dateline parser rightly takes for part of
# a date: a generated place or region must not be one.
_DATE_WORDS = (
    frozenset(
        name
        for month in (
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
        for name in (month, month[:3], month[:4])
    )
    | frozenset(_WEEKDAY_NAMES)
    | frozenset(day[:3] for day in _WEEKDAY_NAMES)
)


_CITIES = ("NEW YORK", "SAN DIEGO", "LONDON", "TOKYO", "SAO PAULO", "JOHANNESBURG", "FRANKFURT", "HONG KONG", "MOSCOW")


def _plain_place() -> st.SearchStrategy[str]:
    return _place().filter(lambda p: not any(word.casefold().rstrip(".") in _DATE_WORDS for word in p.split()))


def _dated_datelines() -> st.SearchStrategy[Dateline]:
    @st.composite
    def build(draw: st.DrawFn) -> Dateline:
        from .dates import format_date

        day = draw(dates())
        if draw(st.booleans()):
            # RCV1: "NEW YORK 1996-10-07".  With no agency to vouch for it, only
            # a place in capitals makes a dateline, so draw real ones.
            city = draw(st.sampled_from(_CITIES))
            return Dateline(text=f"{city} {day.isoformat()}", place=city, date=day)
        place = draw(_plain_place())
        if draw(st.booleans()):
            place = place.upper()
        region = draw(st.none() | _plain_place())
        agency = draw(st.sampled_from(["AP", "Reuters", "AFP", "dpa", "Xinhua", "reuters"]))
        dash = draw(st.sampled_from(["--", "—", "-", "_"]))
        written = format_date(day, draw(st.sampled_from(["us-long", "ap"])))
        text = place + (f", {region}" if region else "") + f", {written} ({agency}) {dash}"
        return Dateline(text=text, place=place, region=region, agency=agency, date=day)

    return build()
