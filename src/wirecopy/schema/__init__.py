"""The JSON Schema of wirecopy's article record, shipped with the package.

:data:`ARTICLE_SCHEMA` is the JSON Schema (draft 2020-12) of exactly the dict
:meth:`Article.to_dict() <wirecopy.article.Article.to_dict>` returns, which is
also one line of the ``jsonl`` format.  It is read from
``article.schema.json`` in this package on first use, so importing wirecopy
costs nothing.  Validate with any draft 2020-12 validator, for instance::

    import jsonschema
    from wirecopy.schema import ARTICLE_SCHEMA

    jsonschema.validate(article.to_dict(), ARTICLE_SCHEMA)

Tools that want the file itself (``check-jsonschema --schemafile``) get its
text from :func:`article_schema_text`.

.. versionadded:: 0.1
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

__all__ = ["ARTICLE_SCHEMA", "article_schema_text"]

_FILE = "article.schema.json"


def article_schema_text() -> str:
    """Return the text of ``article.schema.json``, as shipped.

    .. versionadded:: 0.1
    """
    return resources.files(__name__).joinpath(_FILE).read_text(encoding="utf-8")


@functools.cache
def _load() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(article_schema_text())
    return schema


def __getattr__(name: str) -> Any:
    # PEP 562: the schema is parsed the first time it is asked for.
    if name == "ARTICLE_SCHEMA":
        return _load()
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted([*globals(), "ARTICLE_SCHEMA"])


ARTICLE_SCHEMA: dict[str, Any]
"""The article record's JSON Schema as a dict; shared, so do not change it.

.. versionadded:: 0.1
"""
