"""The shipped JSON Schema describes exactly the Article.to_dict() record, for every format's output."""

from __future__ import annotations

import copy
import json
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import wirecopy
import wirecopy.schema
from wirecopy import Article
from wirecopy.cli import main
from wirecopy.schema import ARTICLE_SCHEMA, article_schema_text
from wirecopy.strategies import articles, articles_for

from .conftest import CORPUS, DATA, SEED

jsonschema = pytest.importorskip("jsonschema")

VALIDATOR = jsonschema.Draft202012Validator(ARTICLE_SCHEMA, format_checker=jsonschema.FormatChecker())
FORMATS = sorted(f.name for f in wirecopy.list_formats())


def _errors(record: object) -> list[str]:
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(record))


def _samples() -> list[Path]:
    found = sorted(p for p in CORPUS.glob("*/*") if p.is_file() and p.suffix not in (".md", ".dtd"))
    fixtures = sorted(p for p in DATA.glob("*/*") if p.is_file() and p.parent.name != "hostile")
    return [SEED, *found, *fixtures]


class TestSchema:
    def test_is_a_valid_draft_2020_12_schema(self) -> None:
        """The shipped file is itself a valid draft 2020-12 JSON Schema."""
        assert ARTICLE_SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(ARTICLE_SCHEMA)

    def test_names_every_field_and_no_other(self) -> None:
        """The schema's properties, and its required keys, are exactly Article's fields, so the two cannot drift."""
        fields = [field.name for field in attrs.fields(Article)]
        assert list(ARTICLE_SCHEMA["properties"]) == fields
        assert ARTICLE_SCHEMA["required"] == fields
        assert ARTICLE_SCHEMA["additionalProperties"] is False
        for name, cls in (("dateline", wirecopy.Dateline), ("origin", wirecopy.Origin), ("defect", wirecopy.Defect)):
            definition = ARTICLE_SCHEMA["$defs"][name]
            assert list(definition["properties"]) == [field.name for field in attrs.fields(cls)], name

    def test_text_is_the_shipped_file(self) -> None:
        """article_schema_text() is the package's file, and ARTICLE_SCHEMA is parsed from it once."""
        path = Path(wirecopy.schema.__file__).parent / "article.schema.json"
        assert article_schema_text() == path.read_text(encoding="utf-8")
        assert json.loads(article_schema_text()) == ARTICLE_SCHEMA
        assert wirecopy.schema.ARTICLE_SCHEMA is ARTICLE_SCHEMA
        assert "ARTICLE_SCHEMA" in dir(wirecopy.schema)

    def test_unknown_attribute(self) -> None:
        """Asking the module for a name it lacks raises AttributeError, as for any module."""
        with pytest.raises(AttributeError) as info:
            wirecopy.schema.NOPE  # noqa: B018
        assert str(info.value) == "module 'wirecopy.schema' has no attribute 'NOPE'"


class TestRecords:
    @given(articles())
    def test_any_article(self, article: Article) -> None:
        """Any valid article's record, every field filled at random, validates."""
        assert _errors(article.to_dict()) == []

    @pytest.mark.parametrize("name", FORMATS)
    @given(data=st.data())
    def test_each_format_output(self, name: str, data: st.DataObject) -> None:
        """Articles each format writes, read back, give records that validate."""
        try:
            strategy = articles_for(name)
        except LookupError:
            pytest.skip(f"no article strategy for format {name!r}")
        article = data.draw(strategy)
        for again in wirecopy.loads(wirecopy.dumps(article, name), name):
            assert _errors(again.to_dict()) == []

    @pytest.mark.parametrize(
        ("change", "error"),
        [
            ({"title": "x"}, ": Additional properties are not allowed ('title' was unexpected)"),
            ({"published": "30/12/2000"}, "published: '30/12/2000' is not valid under any of the given schemas"),
            (
                {"published": "2000-12-30T18:00:00Z"},
                "published: '2000-12-30T18:00:00Z' is not valid under any of the given schemas",
            ),
            ({"paragraphs": "text"}, "paragraphs: 'text' is not of type 'array'"),
            (
                {"origin": {"path": None, "line": "1", "offset": None, "index": None}},
                "origin: {'path': None, 'line': '1', 'offset': None, 'index': None}"
                " is not valid under any of the given schemas",
            ),
            ({"defects": [{"kind": "k", "message": "m", "line": None}]}, "defects/0: 'column' is a required property"),
            ({"extra": []}, "extra: [] is not of type 'object'"),
        ],
    )
    def test_rejects(self, change: dict[str, Any], error: str) -> None:
        """Records that are not to_dict() output are refused, with the reason."""
        record = Article(format="x").to_dict()
        record.update(change)
        assert _errors(record) == [error]

    def test_every_key_is_required(self) -> None:
        """A record missing a key is refused: to_dict() always writes every field."""
        record = Article(format="x").to_dict()
        del record["highlights"]
        assert _errors(record) == [": 'highlights' is a required property"]

    @pytest.mark.parametrize(
        "value",
        ["2000-12-30", "2000-12-30T18:00:00", "2000-12-30T18:00:00.250000+05:30", "0999-01-02T03:04:05-00:00:30"],
    )
    def test_date_shapes(self, value: str) -> None:
        """Every shape isoformat() gives a date or datetime is accepted."""
        record = Article(format="x").to_dict()
        record["published"] = value
        assert _errors(record) == []


class TestConvert:
    @pytest.mark.parametrize("path", _samples(), ids=lambda p: p.name)
    def test_sample_converts_to_valid_jsonl(self, path: Path, tmp_path: Path) -> None:
        """`wirecopy convert --to jsonl` on a sample writes lines that each validate."""
        if not path.is_file():
            pytest.skip(f"real sample {path.name} is not in the shared corpus (set WIRECOPY_CORPUS)")
        if wirecopy.detect(path).best is None:
            pytest.skip(f"no installed format detects {path.name}")
        out = tmp_path / "out.jsonl"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            status = main(["convert", "--to", "jsonl", "-o", str(out), str(path)])
        # A file may hold no story (a NewsML-G2 package): no line, nothing to check.
        lines = out.read_text(encoding="utf-8").splitlines()
        assert status in (0, 3)  # 3: the sample has documents that are left out
        for line in lines:
            assert _errors(json.loads(line)) == []

    def test_the_schema_is_not_changed_by_use(self) -> None:
        """Validating leaves the shared schema dict as it was."""
        before = copy.deepcopy(ARTICLE_SCHEMA)
        _errors(Article(format="x").to_dict())
        assert before == ARTICLE_SCHEMA
