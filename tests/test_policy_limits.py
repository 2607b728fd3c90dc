"""Every built-in format honours ``Policy.max_document_size``.

A document over the policy's limit is left out (and reported) without being
read, whatever family the format belongs to.  The documents before it are
read; those after it too, except in XML, where the parser cannot find the
next document without reading the one over the limit, and the message says
that the rest of the input was not read.  (Parquet's row groups have their
own test in ``test_format_parquet.py``.)
"""

from __future__ import annotations

import datetime as dt

import pytest

import wirecopy
from wirecopy import Article, ParseError, Policy
from wirecopy.format import is_xml

_SHORT = "A short story that fits."
_LONG = " ".join(["A long paragraph that goes on and on."] * 200)


def _article(index: int, text: str, name: str) -> Article:
    """An article *name* can hold: AP-style, with a zone unless the format keeps none."""
    zone = None if name == "reuters21578-sgml" else dt.timezone.utc
    return Article(
        format="jsonl",
        id=f"DOC-{index}",
        source="AP",
        headline=f"Headline {index}",
        published=dt.datetime(2019, 3, 14, 9, 5, tzinfo=zone),
        paragraphs=(text, "Second paragraph."),
    )


def _writable() -> list[str]:
    """The built-in formats that write, and read back, several articles to a file."""
    left_aside = {"plain-text", "cnndm-story", "parquet"}
    return [fmt.name for fmt in wirecopy.list_formats() if fmt.can_write and fmt.name not in left_aside]


@pytest.mark.parametrize("name", _writable())
def test_a_document_over_the_policy_limit_is_left_out(name: str) -> None:
    """A long document between two short ones is left out and reported; the short ones are read."""
    articles = [_article(1, _SHORT, name), _article(2, _LONG, name), _article(3, _SHORT, name)]
    data = wirecopy.dumps(articles, name)
    if isinstance(data, str):
        data = data.encode("utf-8")
    limit = len(_LONG) // 2
    problems: list[tuple[str | None, bool]] = []
    policy = Policy(errors="warn", max_document_size=limit)
    with pytest.warns(wirecopy.SkippedDocumentWarning):
        read = wirecopy.loads(
            data, name, policy=policy, on_problem=lambda error, left_out: problems.append((error.kind, left_out))
        )
    after = [] if is_xml(wirecopy.get_format(name)) else ["Headline 3"]
    assert [article.headline for article in read] == ["Headline 1", *after]
    assert [kind for kind, left_out in problems if left_out] == ["document-too-large"]


@pytest.mark.parametrize("name", _writable())
def test_under_strict_the_document_over_the_limit_raises(name: str) -> None:
    """Under strict, the document over the limit raises a ParseError that names its kind."""
    data = wirecopy.dumps([_article(1, _LONG, name)], name)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with pytest.raises(ParseError) as caught:
        wirecopy.loads(data, name, policy=Policy(errors="strict", max_document_size=len(_LONG) // 2))
    assert caught.value.kind == "document-too-large"
