"""The Article model: validation, immutability, pickling and the dict form."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import attrs
import pytest
from hypothesis import given

from wirecopy import Article, Dateline, Defect, FrozenDict, Origin
from wirecopy.strategies import articles


def _article(**changes: object) -> Article:
    fields: dict[str, object] = {
        "format": "cnn-reuters",
        "source": "CNN.com",
        "headline": "Russia plans U.S. missile talks",
        "published": dt.date(2000, 12, 30),
        "dateline": Dateline(text="moscow, russia (reuters) --", place="moscow", region="russia", agency="reuters"),
        "paragraphs": ["russia plans to move swiftly"],
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


class TestArticle:
    def test_is_frozen(self) -> None:
        """Assigning to a field raises attrs' FrozenInstanceError."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            _article().headline = "x"  # type: ignore[misc]

    def test_items_are_checked(self) -> None:
        """A non-str paragraph raises TypeError naming the field and the item."""
        with pytest.raises(TypeError) as info:
            _article(paragraphs=["a", 3])
        assert str(info.value) == "items of 'paragraphs' must be <class 'str'> (got 3 that is a <class 'int'>)."

    def test_sequences_become_tuples(self) -> None:
        """Lists given for paragraphs, highlights and subjects are stored as tuples."""
        article = _article(paragraphs=["a", "b"], subjects=["x"], highlights=["h"])
        assert article.paragraphs == ("a", "b")
        assert article.subjects == ("x",)
        assert article.highlights == ("h",)

    def test_a_bare_string_is_not_a_sequence_of_paragraphs(self) -> None:
        """A str for paragraphs raises TypeError instead of splitting it into letters."""
        with pytest.raises(TypeError, match="expected a sequence of str, not a str"):
            _article(paragraphs="abc")

    def test_wrong_types_are_refused(self) -> None:
        """A non-str headline and a non-date published raise TypeError naming the field."""
        with pytest.raises(TypeError) as info:
            _article(headline=42)
        assert str(info.value) == "'headline' must be <class 'str'> (got 42 that is a <class 'int'>)."
        with pytest.raises(TypeError) as info:
            _article(published="2000-12-30")
        assert str(info.value) == (
            "'published' must be <class 'datetime.date'> (got '2000-12-30' that is a <class 'str'>)."
        )

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("format", 1, "'format' must be <class 'str'> (got 1 that is a <class 'int'>)."),
            ("id", 1, "'id' must be <class 'str'> (got 1 that is a <class 'int'>)."),
            ("source", 1, "'source' must be <class 'str'> (got 1 that is a <class 'int'>)."),
            ("byline", 1, "'byline' must be <class 'str'> (got 1 that is a <class 'int'>)."),
            (
                "dateline",
                "x",
                "'dateline' must be <class 'wirecopy.article.Dateline'> (got 'x' that is a <class 'str'>).",
            ),
            ("highlights", [1], "items of 'highlights' must be <class 'str'> (got 1 that is a <class 'int'>)."),
            ("subjects", [1], "items of 'subjects' must be <class 'str'> (got 1 that is a <class 'int'>)."),
            ("language", 1, "'language' must be <class 'str'> (got 1 that is a <class 'int'>)."),
            ("origin", "x", "'origin' must be <class 'wirecopy.article.Origin'> (got 'x' that is a <class 'str'>)."),
            (
                "defects",
                ["x"],
                "items of 'defects' must be <class 'wirecopy.article.Defect'> (got 'x' that is a <class 'str'>).",
            ),
        ],
    )
    def test_each_field_names_itself_when_refused(self, field: str, value: object, message: str) -> None:
        """A value of the wrong type in any checked field raises TypeError naming that field, in attrs' wording."""
        with pytest.raises(TypeError) as info:
            _article(**{field: value})
        assert str(info.value) == message

    def test_the_first_wrong_field_is_the_one_named(self) -> None:
        """With several wrong fields, the first in declaration order is reported, as validators run in that order."""
        with pytest.raises(TypeError, match=r"^'id' must be"):
            _article(id=1, headline=2, origin="x")

    def test_extra_is_read_only_and_deep_frozen(self) -> None:
        """extra is a FrozenDict whose lists become tuples and which refuses assignment."""
        article = _article(extra={"codes": ["a", "b"], "nested": {"k": [1]}})
        assert isinstance(article.extra, FrozenDict)
        assert article.extra["codes"] == ("a", "b")
        assert article.extra["nested"]["k"] == (1,)
        with pytest.raises(TypeError):
            article.extra["codes"] = ()  # type: ignore[index]

    def test_extra_refuses_values_json_cannot_hold(self) -> None:
        """A set in extra raises TypeError instead of being lost on the way to JSON."""
        with pytest.raises(TypeError, match="extra values must be JSON-like"):
            _article(extra={"s": {1, 2}})

    def test_equality_ignores_origin_and_defects(self) -> None:
        """Two reads of the same content from different places compare and hash equal."""
        a = _article(origin=Origin(path="a.txt", line=1), defects=[Defect(kind="k", message="m")])
        b = _article(origin=Origin(path="b.txt", line=9))
        assert a == b
        assert hash(a) == hash(b)

    def test_precision_of_published_is_kept(self) -> None:
        """A date stays a date, and naive and aware datetimes are kept as they are."""
        assert type(_article(published=dt.date(2000, 12, 30)).published) is dt.date
        naive = dt.datetime(2000, 12, 30, 18, 0)
        assert _article(published=naive).published.tzinfo is None  # type: ignore[union-attr]

    def test_pickles(self) -> None:
        """An article with extra, origin and defects survives pickle unchanged."""
        article = _article(
            extra={"k": [1, {"x": "y"}]},
            origin=Origin(path="p", line=2, offset=3, index=0),
            defects=[Defect(kind="k", message="m", line=1, column=2)],
        )
        again = pickle.loads(pickle.dumps(article))
        assert again == article
        assert again.origin == article.origin
        assert again.defects == article.defects

    def test_text_joins_paragraphs(self) -> None:
        """Article.text is the paragraphs separated by blank lines."""
        assert _article(paragraphs=["a", "b"]).text == "a\n\nb"


class TestDictForm:
    def test_seed_like_article(self) -> None:
        """to_dict writes dates as ISO strings and every field, in declaration order."""
        data = _article().to_dict()
        assert list(data) == [f.name for f in attrs.fields(Article)]
        assert data["published"] == "2000-12-30"
        assert data["dateline"]["place"] == "moscow"
        assert data["paragraphs"] == ["russia plans to move swiftly"]

    def test_datetimes_keep_their_zone(self) -> None:
        """An aware datetime is written with its offset and read back with it."""
        zone = dt.timezone(dt.timedelta(hours=-5))
        article = _article(published=dt.datetime(1993, 4, 15, 12, 11, 31, tzinfo=zone))
        data = article.to_dict()
        assert data["published"] == "1993-04-15T12:11:31-05:00"
        assert Article.from_dict(data).published.utcoffset() == dt.timedelta(hours=-5)  # type: ignore[union-attr]

    def test_unknown_keys_are_refused(self) -> None:
        """from_dict raises TypeError naming a key it does not know, rather than dropping it."""
        with pytest.raises(TypeError, match="unknown Article keys: 'title'"):
            Article.from_dict({"format": "x", "title": "t"})

    def test_missing_keys_take_defaults(self) -> None:
        """A hand-written record with only some keys builds an article."""
        assert Article.from_dict({"format": "x", "headline": "h"}) == Article(format="x", headline="h")

    @given(articles())
    def test_roundtrip_is_lossless(self, article: Article) -> None:
        """from_dict(to_dict(a)) equals a in every field, origin and defects included."""
        data = article.to_dict()
        again = Article.from_dict(json.loads(json.dumps(data)))
        assert again == article
        assert again.to_dict() == data


@pytest.mark.parametrize(
    ("record", "fields", "message"),
    [
        (Origin, {"path": 1}, "'path' must be <class 'str'> (got 1 that is a <class 'int'>)."),
        (Origin, {"line": "1"}, "'line' must be <class 'int'> (got '1' that is a <class 'str'>)."),
        (Origin, {"offset": "1", "index": "2"}, "'offset' must be <class 'int'> (got '1' that is a <class 'str'>)."),
        (Origin, {"index": 1.0}, "'index' must be <class 'int'> (got 1.0 that is a <class 'float'>)."),
        (Dateline, {"text": 1}, "'text' must be <class 'str'> (got 1 that is a <class 'int'>)."),
        (Dateline, {"text": "x", "place": 1}, "'place' must be <class 'str'> (got 1 that is a <class 'int'>)."),
        (Dateline, {"text": "x", "region": 1}, "'region' must be <class 'str'> (got 1 that is a <class 'int'>)."),
        (Dateline, {"text": "x", "agency": 1}, "'agency' must be <class 'str'> (got 1 that is a <class 'int'>)."),
        (
            Dateline,
            {"text": "x", "date": "2000"},
            "'date' must be <class 'datetime.date'> (got '2000' that is a <class 'str'>).",
        ),
    ],
)
def test_origin_and_dateline_name_the_field_they_refuse(record: type, fields: dict[str, object], message: str) -> None:
    """Origin and Dateline refuse a value of the wrong type with attrs' message, the first field in order named."""
    with pytest.raises(TypeError) as info:
        record(**fields)
    assert str(info.value) == message
