"""Articles the wire transmission formats can represent: anpa-1312, iptc-7901."""

from __future__ import annotations

import datetime as _dt
import string
from typing import Any

from hypothesis import strategies as st

from ..article import Article
from ._common import LETTERS, body_reads_back, datelines, headlines, paragraphs, words


def wire_published() -> st.SearchStrategy[_dt.datetime]:
    # Wire trailers give the minute and a two-digit year: keep to the years
    # every reading of a two-digit year agrees on.
    moments = st.datetimes(min_value=_dt.datetime(2000, 1, 2), max_value=_dt.datetime(2049, 12, 30))
    offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: _dt.timezone(_dt.timedelta(minutes=m)))
    return st.builds(lambda d, z: d.replace(second=0, microsecond=0, tzinfo=z), moments, offsets)


def wire_text(*, max_words: int = 30) -> st.SearchStrategy[str]:
    """A line of wire text: words, punctuation, and the 8-bit letters the wires carry."""
    return paragraphs(max_words=max_words)


def _story() -> st.SearchStrategy[dict[str, Any]]:
    """The fields both wire formats hold alike: headline, published, dateline and paragraphs."""
    return st.fixed_dictionaries(
        {
            "headline": headlines(),
            "published": wire_published(),
            "dateline": st.none() | datelines(),
            "paragraphs": st.lists(paragraphs(), max_size=4),
        }
    )


def anpa1312() -> st.SearchStrategy[Article]:
    from ..formats.anpa1312 import PRIORITIES

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
    notes = st.lists(wire_text(max_words=12), max_size=3)
    stories = _story()

    @st.composite
    def build(draw: st.DrawFn) -> Article:
        story = draw(stories)
        moment = story["published"]
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
        return Article(format="anpa-1312", source=source, byline=byline, extra=extra, **story)

    return build().filter(body_reads_back).filter(_anpa_header_reads_back)


def _anpa_header_reads_back(article: Article) -> bool:
    # Without a slug line, a header line that begins with the keyword would
    # be read back as the slug line.
    if article.extra["slug_line"] is not None:
        return True
    keyword = article.extra["keyword"].replace("-", "")
    lines = [article.headline or "", *article.extra["notes"]]
    return not any("".join(line.split()).replace("-", "").startswith(keyword) for line in lines)


def iptc7901() -> st.SearchStrategy[Article]:
    # Built once: building strategies inside the composite costs more than
    # writing and reading the article.
    digits = st.text(string.digits, min_size=1, max_size=4)
    link = words(alphabet=LETTERS).map(lambda w: f"- [{w}](http://dpaq.de/{w})")
    notebooks: st.SearchStrategy[list[str]] = st.just([]) | st.lists(link, min_size=1, max_size=2).map(
        lambda links: ["# Notebook", "## Internet links\n" + "\n".join(links)]
    )
    contacts = st.lists(
        wire_text(max_words=6).map(lambda who: f"## Editorial contacts\n- Reporting by: {who}"), max_size=1
    )
    slugs = st.none() | st.lists(words(alphabet=LETTERS), min_size=1, max_size=3).map(
        lambda parts: "/".join(parts) + "/"
    )
    labels = st.none() | st.lists(
        st.sampled_from(["1ST LEAD", "EXTRA", "REFILE", "2ND LEAD", "3RD NET", "CORRECTION"]), min_size=1, max_size=2
    ).map(" ".join)
    notes = st.lists(
        st.sampled_from(["(Achtung)", "(Eil)", "(KORR-Bericht)", "(Foto Produktion)"])
        | wire_text(max_words=8).map(lambda text: f"(Berichtigung: {text})"),
        max_size=2,
    )
    kickers = st.none() | st.sampled_from(["Roundup", "Feature", "Interview - Wirtschaft", "Update"])
    header_extra = st.none() | st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=6)
    bylines = st.none() | words().map(lambda name: f"By {name}") | words().map(lambda name: f"Von {name}, dpa")
    editors = st.text(string.ascii_lowercase, min_size=1, max_size=5) | st.sampled_from(["kre/su", "a3", "lön"])
    # dpa's trailer is in GMT, or in local time without a zone.
    published = st.one_of(wire_published(), wire_published().map(lambda moment: moment.replace(tzinfo=None)))
    stories = _story()

    @st.composite
    def build(draw: st.DrawFn) -> Article:
        source = draw(st.none() | st.sampled_from(["dpa", "APA", "sda", "dpa-tns"]))
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
            "notes": draw(notes),
            "kicker": draw(kickers),
            "notebook": draw(notebooks),
            "not_for_publication": draw(contacts),
            "editors": draw(st.lists(editors, max_size=4)) if source else [],
        }
        story = {**draw(stories), "published": draw(published)}
        return Article(format="iptc-7901", source=source, byline=draw(bylines), extra=extra, **story)

    return build().filter(body_reads_back).filter(_iptc_text_reads_back)


def _iptc_text_reads_back(article: Article) -> bool:
    # A headline that looks like a byline, label or note, a second paragraph
    # that opens like a dateline after a first that does not, and a last
    # paragraph that looks like the editors' initials would be read back as
    # those.
    from ..datelines import split_dateline
    from ..formats.iptc7901 import Block, headline_block

    extra = article.extra
    lines = [extra["labels"], *extra["notes"], extra["kicker"], article.headline, article.byline]
    lines = [line for line in lines if line is not None]
    expected = Block(
        extra["labels"], list(extra["notes"]), extra["kicker"], article.headline, article.byline, len(lines)
    )
    if headline_block([*lines[:-1], f"{lines[-1]} ="]) != expected:
        return False
    if article.dateline is None and len(article.paragraphs) > 1 and split_dateline(article.paragraphs[1])[0]:
        return False
    if article.source is None or extra["editors"] or extra["not_for_publication"]:
        return True
    last = article.paragraphs[-1].split() if article.paragraphs else []
    return not (last and last[0] in (article.source, *article.source.split("-")))
