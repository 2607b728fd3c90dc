"""Patterns of the built-in SGML formats that their readers and the test strategies share.

The machinery of the family is :mod:`wirecopy.kit.sgml`; what is here is
format knowledge, kept apart so that :mod:`wirecopy.strategies` can generate
articles the formats read back unchanged.
"""

from __future__ import annotations

import re

__all__ = ["PLACEHOLDER", "SIGNOFF"]

#: trec-sgml: a headline that stands in for a real one (wire service flags and adds).
PLACEHOLDER = re.compile(r"(?:URGENT|ALERT|FLASH|BULLETIN|ADVISORY|ADD\b.*|&HT;|)[\W_]*", re.DOTALL)

#: reuters21578-sgml: the sign-off line that ends a body.
SIGNOFF = re.compile(r"[ \t]*(Reuter|REUTER|Reuters|REUTERS)[ \t]*")
