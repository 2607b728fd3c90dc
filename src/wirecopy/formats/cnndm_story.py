"""CNN / Daily Mail ``.story`` files, the summarization dataset's raw stories.

The layout (see ``docs/formats/cnndm-story.md``)::

    LONDON, England (CNN) -- The first paragraph.

    The second paragraph.

    @highlight

    The first highlight

    @highlight

    The second highlight

Paragraphs are separated by blank lines; then come ``@highlight`` blocks, each
followed by a blank line and the highlight sentence.  One story per file, no
title, no date field, and no newline at the end.  The file is named by the
SHA-1 hex digest of the story's URL, which becomes :attr:`Article.id`.

Daily Mail stories may open with the page furniture the scraper kept::

    By
    Leon Watson

    PUBLISHED:

    08:15 EST, 31 January 2013

    |

    UPDATED:

    12:00 EST, 31 January 2013

which is read into the byline, the published date, and ``extra["updated"]``.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import os
import re
from collections.abc import Iterator
from typing import Any

from .._text import highlight_line
from ..article import Article
from ..context import Document
from ..dates import DateValue, format_date, parse_date
from ..defects import EMPTY_HIGHLIGHT, MISSING_DATE, MISSING_HIGHLIGHTS
from ..errors import ParseError
from ..kit.text import Part, TextFormat, line_runs, one_line, take_dateline

__all__ = ["CNNDailyMailStoryFormat"]

# A run of lines between blank lines: the number of its first line, and its
# lines joined with "\n".
_Run = tuple[int, str]
# How many runs the furniture can span, with the one looked at after it: a
# byline, two labels with their dates, and the "|" between them.
_FURNITURE_RUNS = 8

_MARKER = "@highlight"
_HASH_NAME = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{40}(?![0-9a-fA-F])")
_BYLINE = re.compile(r"By\b")
# "PUBLISHED:" and "UPDATED:" with the date on the line or in the next block,
# and the Daily Mail's older "Last updated at 4:29 PM on 17th October 2011".
_LABEL = re.compile(r"(?:(?P<published>PUBLISHED:)|UPDATED:|Last updated at(?!\S))\s*(?P<date>.*)")
_SEPARATOR = "|"

# Zone names the Daily Mail prints, by UTC offset in minutes, for writing;
# any other offset is written as +HHMM, which reads back the same.
_ZONE_NAMES = {0: "GMT", 60: "BST", -300: "EST", -240: "EDT", -480: "PST", -420: "PDT"}


class CNNDailyMailStoryFormat(TextFormat):
    """The ``.story`` files of the CNN / Daily Mail question-answering and summarization corpus.

    Reads the paragraphs, the ``@highlight`` lines into
    :attr:`~wirecopy.Article.highlights`, the id from the file name, the CNN
    dateline, and the Daily Mail byline and dates.  Writes one story per
    file, in a canonical layout that reads back byte for byte.

    .. versionadded:: 0.1
    """

    name = "cnndm-story"
    aliases = ("story", "cnn-dailymail")
    extensions = (".story",)
    description = "CNN / Daily Mail .story files: paragraphs, then @highlight summary lines"
    url = "https://cs.nyu.edu/~kcho/DMQA/"
    version_added = "0.1"
    # One story per file, and the highlights come last: the whole file is
    # the document.
    separator_line = None
    write_separator = None
    one_per_file = "a .story file holds one story; write each article to its own file"
    empty_message = "no story text found"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """A line that is exactly ``@highlight`` is this dataset's own mark; so is a SHA-1 file name.

        0.95 for an ``@highlight`` line in the head; 0.9 for a ``.story``
        file named by a 40-digit hex hash (highlights of long stories lie
        beyond the head); 0.2 for another ``.story`` file, which the
        tokenized Gigaword dumps also use.
        """
        if highlight_line(head):
            return 0.95
        if filename is None:
            return 0.0
        base = os.path.basename(filename)
        if not base.lower().endswith(".story") or b"\x00" in head:
            return 0.0
        return 0.9 if _HASH_NAME.search(base) else 0.2

    def parse(self, part: Part, document: Document) -> Article:
        """Read the story: the Daily Mail furniture, the paragraphs, then the highlights."""
        runs = line_runs(part, document)
        # The furniture lies in the first runs: they are kept; the others
        # become paragraphs as they come, up to the first @highlight.
        head: list[_Run] = []
        more: list[str] = []
        marker: _Run | None = None
        for run in runs:
            if _first(run[1]).strip() == _MARKER:
                marker = run
                break
            if len(head) < _FURNITURE_RUNS:
                head.append(run)
            else:
                more.append(one_line(run[1]))
        extra: dict[str, Any] = {}
        byline, published, body = _furniture(head, document, extra)
        paragraphs = [one_line(run) for _, run in body]
        paragraphs += more
        del more
        highlights = [] if marker is None else _highlights(itertools.chain([marker], runs), document)
        if marker is None:
            document.defect(
                MISSING_HIGHLIGHTS,
                "no @highlight line: the story has no summary, or was cut short",
                line=part.data.count(b"\n") + 1,
                column=1,
            )
        dateline = take_dateline(paragraphs, published)
        return document.article(
            format=self.name,
            id=_id_from(document.context.source),
            byline=byline,
            published=published,
            dateline=dateline,
            paragraphs=paragraphs,
            highlights=highlights,
            extra=extra,
        )

    def render(self, article: Article) -> str:
        """One story in the canonical layout, UTF-8, with no newline at the end.

        The Daily Mail furniture (when the article has a byline, a published
        date or ``extra["updated"]``), then the paragraphs (the dateline
        before the first), each on one line with a blank line between, then
        ``@highlight``, a blank line and the highlight, for each highlight.
        Line breaks inside a paragraph or highlight are written as single
        spaces; empty ones are left out.  The id is not written: it is the
        file name.

        Raises:
            WriteError: There is more than one article (a ``.story`` file
                holds one story), or a paragraph would read back as a
                highlight marker.
        """
        parts: list[str] = []
        if article.byline and article.byline.strip():
            byline = one_line(article.byline)
            name = byline[2:].strip() if _BYLINE.match(byline) else byline
            parts.append(f"By \n{name}" if name else "By ")
        published = _date_text(article.published, article.extra.get("published_text"))
        updated = _date_text(_stored_date(article.extra.get("updated")), article.extra.get("updated_text"))
        if published:
            parts.append(f"PUBLISHED:\n\n{published}")
        if published and updated:
            parts.append("\n| ")
        if updated:
            parts.append(f"UPDATED:\n\n{updated}")
        paragraphs = [p for p in (one_line(p) for p in article.paragraphs) if p]
        if article.dateline is not None:
            head = paragraphs.pop(0) if paragraphs else ""
            paragraphs.insert(0, f"{one_line(article.dateline.text)} {head}".strip())
        highlights = [h for h in (one_line(h) for h in article.highlights) if h]
        if _MARKER in paragraphs or _MARKER in highlights:
            raise self.refuse(article, "a paragraph or highlight reads '@highlight'")
        parts.extend(paragraphs)
        parts.extend(f"{_MARKER}\n\n{text}" for text in highlights)
        return "\n\n".join(parts)


def _furniture(
    body: list[_Run], document: Document, extra: dict[str, Any]
) -> tuple[str | None, DateValue | None, list[_Run]]:
    """Take the Daily Mail byline and dates off the head of the body."""
    byline = None
    published: DateValue | None = None
    seen: set[bool] = set()
    index = 0
    # "By" alone on its line, the name on the next, is the scraped byline;
    # a paragraph that merely starts with "By" is one only when dates follow.
    if body and _BYLINE.match(_first(body[0][1]).strip()):
        first = _first(body[0][1]).strip()
        followed = len(body) > 1 and _label_kind(_first(body[1][1]).strip()) is not None
        if first == "By" or followed:
            byline = one_line(body[0][1])
            index = 1
    while index < len(body):
        line, run = body[index]
        top, newline, more = run.partition("\n")
        head = top.strip()
        # "|" stands between the published and the updated date.
        if (
            head == _SEPARATOR
            and not newline
            and seen
            and index + 1 < len(body)
            and _label_kind(_first(body[index + 1][1]).strip()) not in (None, *seen)
        ):
            index += 1
            continue
        label = _LABEL.fullmatch(head)
        is_published = label is not None and label["published"] is not None
        # Each date comes once; a second label of a kind is story text.
        if label is None or is_published in seen:
            break
        seen.add(is_published)
        index += 1
        date_text = label["date"].strip()
        date_line, date_column = line, len(top) - len(top.lstrip()) + label.start("date") + 1
        if newline:
            date_text, date_line, date_column = one_line(more), line + 1, 1
        elif not date_text and index < len(body) and _looks_like_date(body[index][1]):
            (date_line, date_run), date_column = body[index], 1
            date_text = one_line(date_run)
            index += 1
        key = "published" if is_published else "updated"
        if not date_text:
            document.defect(MISSING_DATE, f"{head.rstrip(':')} has no date", line=line, column=len(head) + 1)
            continue
        value = document.date(date_text, line=date_line, column=date_column)
        if value is None:
            extra[f"{key}_text"] = date_text
        elif is_published:
            published = value
        else:
            extra["updated"] = value.isoformat()
    return byline, published, body[index:]


def _highlights(tail: Iterator[_Run], document: Document) -> list[str]:
    """Each ``@highlight`` line starts a highlight made of the text up to the next one.

    The first ``@highlight`` with no text is reported: a story of thousands
    of them gives one defect, not thousands.
    """
    highlights: list[str] = []
    marker_line = 0
    pieces: list[str] = []
    reported = False

    def close() -> None:
        nonlocal reported
        if pieces:
            highlights.append(" ".join(pieces))
        elif marker_line and not reported:
            reported = True
            document.defect(EMPTY_HIGHLIGHT, "@highlight has no text after it", line=marker_line, column=1)

    for line, run in tail:
        top, newline, more = run.partition("\n")
        if top.strip() == _MARKER:
            close()
            marker_line, pieces = line, []
            rest = more if newline else ""
        else:
            rest = run
        if rest:
            pieces.append(one_line(rest))
    close()
    return highlights


def _label_kind(line: str) -> bool | None:
    """True for a published label, False for an updated one, None for story text."""
    label = _LABEL.fullmatch(line)
    return None if label is None else label["published"] is not None


def _looks_like_date(run: str) -> bool:
    # The block after a label is its date when it is one line; a paragraph
    # of several lines is the story, and the label then has no date.
    return "\n" not in run and run.strip() != _MARKER


def _first(run: str) -> str:
    """The first line of a run."""
    return run.partition("\n")[0]


def _id_from(source: str | None) -> str | None:
    if not source:
        return None
    found = _HASH_NAME.search(os.path.basename(source))
    return None if found is None else found.group().lower()


def _stored_date(value: object) -> DateValue | None:
    """The date ``extra["updated"]`` holds as ISO 8601 text, or ``None``."""
    if not isinstance(value, str):
        return None
    try:
        return parse_date(value)
    except ParseError:
        return None


def _date_text(value: DateValue | None, raw: object) -> str | None:
    """Write a date the way the Daily Mail prints it: ``08:15 EST, 31 January 2013``."""
    if value is None:
        return one_line(raw) or None if isinstance(raw, str) else None
    if not isinstance(value, _dt.datetime):
        return format_date(value, "day-month-year")
    clock = f"{value.hour:02d}:{value.minute:02d}"
    if value.second or value.microsecond:
        clock += f":{value.second:02d}"
    if value.microsecond:
        clock += f".{value.microsecond:06d}"
    offset = value.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds() // 60)
        name = _ZONE_NAMES.get(minutes)
        if name is None:
            sign = "-" if minutes < 0 else "+"
            name = f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
        clock += f" {name}"
    return f"{clock}, {format_date(value.date(), 'day-month-year')}"
