"""The hook Hypothesis runs when it is imported: wirecopy's records for ``st.from_type``.

Published under the ``hypothesis`` entry-point group.  It lives apart from
:mod:`wirecopy.strategies` on purpose: that module imports Hypothesis, and
Hypothesis runs its hooks while it is being imported, so a hook inside it
would be looked up on a half-initialised module.  Here nothing is imported
at module level, and each strategy is built on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["setup_hook"]


def _lazy(name: str) -> Callable[[type[Any]], SearchStrategy[Any]]:
    def build(_: type[Any]) -> SearchStrategy[Any]:
        from . import strategies

        strategy: SearchStrategy[Any] = getattr(strategies, name)()
        return strategy

    return build


def setup_hook() -> None:
    """Register :class:`~wirecopy.Article`, ``Dateline``, ``Origin`` and ``Defect`` for ``st.from_type``."""
    from hypothesis import strategies as st

    from .article import Article, Dateline, Defect, Origin

    st.register_type_strategy(Article, _lazy("articles"))
    st.register_type_strategy(Dateline, _lazy("datelines"))
    st.register_type_strategy(Origin, _lazy("origins"))
    st.register_type_strategy(Defect, _lazy("defects"))
