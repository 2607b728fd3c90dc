"""One JSON object per line, as ``jsonl`` and ``trec-wapo`` hold them: a line decoded, or left out."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..context import Document
from ..defects import BAD_RECORD

__all__ = ["json_object"]


def json_object(
    decode: Callable[[str], Any], text: str, document: Document, line: int, kind: Callable[[object], str]
) -> dict[str, Any] | None:
    """The JSON object *text* holds, read with *decode*; ``None`` once the line is left out as ``bad-record``.

    A syntax error is placed at its column.  A value that is not an object is
    named in the message by *kind* (each format words it its own way).
    """
    try:
        data = decode(text)
    except json.JSONDecodeError as err:
        document.leave_out(BAD_RECORD, f"invalid JSON: {err.msg}", line=line, column=err.pos + 1)
        return None
    except (ValueError, RecursionError) as err:
        # NaN and infinities where *decode* refuses them, integers too long to
        # convert, nesting too deep to decode: none can be a record.
        document.leave_out(BAD_RECORD, f"invalid JSON: {err}", line=line, column=1)
        return None
    if not isinstance(data, dict):
        document.leave_out(BAD_RECORD, f"expected a JSON object, got {kind(data)}", line=line, column=1)
        return None
    return data
