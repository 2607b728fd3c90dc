"""The catalogue of problems wirecopy reports, each with a stable name.

Every problem a built-in format reports, whether it works around it (a
*defect*, recorded on :attr:`Article.defects <wirecopy.article.Article.defects>`)
or cannot read a document at all (a document *left out*), carries one of the
kinds below in ``Defect.kind`` or ``ParseError.kind``.  Compare against these
constants rather than against string literals:

>>> import wirecopy.defects as kinds
>>> [d for d in article.defects if d.kind == kinds.MISSING_DATE]  # doctest: +SKIP

A plugin may report kinds of its own: any lower-case, hyphenated name.
:data:`CATALOGUE` says in one line what each built-in kind means;
``docs/errors.md`` lists them in a table, and each format's page says which
ones it reports.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "BAD_BATCH",
    "BAD_DATE",
    "BAD_DATELINE",
    "BAD_ENCODED_WORD",
    "BAD_ENCODING",
    "BAD_FIELD",
    "BAD_HEADER",
    "BAD_HEADER_LINE",
    "BAD_LINES",
    "BAD_MESSAGE_ID",
    "BAD_OVERRIDES",
    "BAD_RECORD",
    "BAD_ROW",
    "BAD_ROW_GROUP",
    "BAD_TRAILER",
    "BAD_TRANSFER_ENCODING",
    "CATALOGUE",
    "CHARSET_MISMATCH",
    "CONTROL_CHARACTER",
    "DECOMPRESSION_BOMB",
    "DOCUMENT_TOO_LARGE",
    "EMPTY_HIGHLIGHT",
    "EMPTY_INPUT",
    "EMPTY_MESSAGE",
    "ENTITY_DECLARATION",
    "FRAGMENT",
    "JUNK",
    "LINES_MISMATCH",
    "MISSING_BODY",
    "MISSING_DATE",
    "MISSING_HIGHLIGHTS",
    "MISSING_ID",
    "MISSING_ITEM_META",
    "MISSING_TRAILER",
    "NOT_AN_ARTICLE",
    "NOT_AN_ARTICLE_TABLE",
    "NOT_PARQUET",
    "NOT_TEXT_ITEM",
    "NOT_UTF8",
    "NOT_XML",
    "NO_ROOT",
    "NO_TEXT",
    "PLACEHOLDER_HEADLINE",
    "STRAY_TEXT",
    "TOO_DEEP",
    "TOO_LONG",
    "TRUNCATED",
    "TRUNCATED_DOCUMENT",
    "UNCLOSED_DOCUMENT",
    "UNKNOWN_CHARSET",
    "UNKNOWN_ENCODING",
    "UNKNOWN_ENTITY",
    "UNKNOWN_TIMEZONE",
    "WRONG_ENCODING",
    "WRONG_ROOT",
]

# -- the input as a whole, and documents that cannot be read ----------------

#: The input holds no document at all.
EMPTY_INPUT = "empty-input"
#: Text outside any document (between transmissions, before the first ``<DOC>``).
STRAY_TEXT = "stray-text"
#: Text between SGML documents that is neither markup nor white space.
JUNK = "junk"
#: A document was cut short, by the end of the input or by a length it announced.
TRUNCATED = "truncated"
#: An SGML document that the end of the input cuts short, before its end tag.
TRUNCATED_DOCUMENT = "truncated-document"
#: An SGML document that the next start tag cuts short, before its end tag.
UNCLOSED_DOCUMENT = "unclosed-document"
#: A document longer than the size limit: left out without being held in memory.
DOCUMENT_TOO_LARGE = "document-too-large"
#: An XML document nested deeper than the depth limit: left out, its tree not built.
TOO_DEEP = "too-deep"
#: A compressed input that expands without bound; reading it stops.
DECOMPRESSION_BOMB = "decompression-bomb"
#: A wire transmission longer than the size limit, with no end in sight.
TOO_LONG = "too-long"
#: A wire transmission with no text (no ``STX``): cut in its header.
NO_TEXT = "no-text"
#: A message in a mail or news archive that is not a news article.
NOT_AN_ARTICLE = "not-an-article"
#: An mbox message with nothing in it.
EMPTY_MESSAGE = "empty-message"
#: An rnews batch line that is not ``#! rnews <bytes>``.
BAD_BATCH = "bad-batch"
#: An XML document whose root element is not one the format reads.
WRONG_ROOT = "wrong-root"
#: No root element within the first part of an XML document.
NO_ROOT = "no-root"
#: An XML document that is not well-formed.
NOT_XML = "not-xml"
#: A news item that carries no text (a picture, a graphic).
NOT_TEXT_ITEM = "not-text-item"
#: An XML document declares an entity: refused, never expanded.
ENTITY_DECLARATION = "entity-declaration"
#: A JSON Lines record that is not an article record.
BAD_RECORD = "bad-record"
#: A Parquet row that is not an article record.
BAD_ROW = "bad-row"
#: The input is not a Parquet file, or one so damaged that its footer cannot be read.
NOT_PARQUET = "not-parquet"
#: A Parquet file (or Arrow table) whose columns are not those of an article table.
NOT_AN_ARTICLE_TABLE = "not-an-article-table"
#: A Parquet row group that cannot be decoded: left out whole, and reported once.
BAD_ROW_GROUP = "bad-row-group"

# -- headers, dates and fields ----------------------------------------------

#: A header or header field has the wrong shape.
BAD_HEADER = "bad-header"
#: A line in a header block is neither a field nor a blank line.
BAD_HEADER_LINE = "bad-header-line"
#: The headers are not followed by a body.
MISSING_BODY = "missing-body"
#: A date is expected and there is none.
MISSING_DATE = "missing-date"
#: A date that cannot be read; its text is kept in ``extra`` where the format says so.
BAD_DATE = "bad-date"
#: A date names a zone abbreviation wirecopy does not know; the time is kept naive.
UNKNOWN_TIMEZONE = "unknown-timezone"
#: A dateline that looks like one but cannot be read.
BAD_DATELINE = "bad-dateline"
#: A wire trailer that is not in the format's layout.
BAD_TRAILER = "bad-trailer"
#: A wire transmission with no trailer (no ``ETX``).
MISSING_TRAILER = "missing-trailer"
#: A document without an identifier.
MISSING_ID = "missing-id"
#: A headline that stands in for a real one (``&HT;``, ``(no headline)``).
PLACEHOLDER_HEADLINE = "placeholder-headline"
#: A CNN / Daily Mail story with no ``@highlight`` line.
MISSING_HIGHLIGHTS = "missing-highlights"
#: An ``@highlight`` line with no text after it.
EMPTY_HIGHLIGHT = "empty-highlight"
#: A Usenet ``Lines`` header that is not a number.
BAD_LINES = "bad-lines"
#: A Usenet ``Lines`` header that disagrees with the body.
LINES_MISMATCH = "lines-mismatch"
#: A ``Message-ID`` that is not ``<id@domain>``.
BAD_MESSAGE_ID = "bad-message-id"
#: An RFC 2047 encoded word that cannot be decoded; kept as written.
BAD_ENCODED_WORD = "bad-encoded-word"
#: A body whose transfer encoding (base64) cannot be undone; kept as it is.
BAD_TRANSFER_ENCODING = "bad-transfer-encoding"
#: A NewsML-G2 ``newsItem`` without ``itemMeta``.
MISSING_ITEM_META = "missing-item-meta"
#: A fragment of a document read on its own (a NewsML-G2 ``contentMeta``), not a whole one.
FRAGMENT = "fragment"
#: A field of a JSON document with the wrong type or shape (a number for a title); left out of the article.
BAD_FIELD = "bad-field"
#: A ``wirecopy-article`` record in written XML that is not JSON of article fields; ignored.
BAD_OVERRIDES = "bad-overrides"

# -- characters and encodings ------------------------------------------------

#: Bytes that are not UTF-8; the text was decoded as cp1252 or Latin-1.
NOT_UTF8 = "not-utf8"
#: A byte that is not valid in the declared encoding.
BAD_ENCODING = "bad-encoding"
#: Bytes that are plainly in another encoding than the one declared.
WRONG_ENCODING = "wrong-encoding"
#: A declared encoding Python does not know.
UNKNOWN_ENCODING = "unknown-encoding"
#: A MIME charset Python has no codec for.
UNKNOWN_CHARSET = "unknown-charset"
#: A body that is not in the charset its headers declare.
CHARSET_MISMATCH = "charset-mismatch"
#: A control character in text (removed where the format says so).
CONTROL_CHARACTER = "control-character"
#: An SGML entity that is in no table; kept as written.
UNKNOWN_ENTITY = "unknown-entity"

#: ``{kind: what it means}`` for every kind above.
CATALOGUE: Mapping[str, str] = MappingProxyType(
    {
        EMPTY_INPUT: "the input holds no document at all",
        STRAY_TEXT: "text outside any document",
        JUNK: "text between SGML documents that is neither markup nor white space",
        TRUNCATED: "a document cut short, by the end of the input or by a length it announced",
        TRUNCATED_DOCUMENT: "an SGML document cut short by the end of the input",
        UNCLOSED_DOCUMENT: "an SGML document cut short by the next start tag",
        DOCUMENT_TOO_LARGE: "a document over the size limit, left out unread",
        TOO_DEEP: "an XML document nested deeper than the depth limit, left out",
        DECOMPRESSION_BOMB: "a compressed input that expands without bound; reading stops",
        TOO_LONG: "a wire transmission over the size limit, with no end",
        NO_TEXT: "a wire transmission with no text (no STX)",
        NOT_AN_ARTICLE: "a message in an archive that is not a news article",
        EMPTY_MESSAGE: "an empty mbox message",
        BAD_BATCH: "an rnews batch line that is not '#! rnews <bytes>'",
        WRONG_ROOT: "an XML document whose root the format does not read",
        NO_ROOT: "no root element within the first part of an XML document",
        NOT_XML: "an XML document that is not well-formed",
        NOT_TEXT_ITEM: "a news item with no text (a picture, a graphic)",
        ENTITY_DECLARATION: "an XML entity declaration, refused and never expanded",
        BAD_RECORD: "a JSON Lines record that is not an article record",
        BAD_ROW: "a Parquet row that is not an article record",
        NOT_PARQUET: "an input that is not a Parquet file, or one whose footer cannot be read",
        NOT_AN_ARTICLE_TABLE: "a Parquet file whose columns are not those of an article table",
        BAD_ROW_GROUP: "a Parquet row group that cannot be decoded, left out whole",
        BAD_HEADER: "a header or header field of the wrong shape",
        BAD_HEADER_LINE: "a line in a header block that is neither a field nor blank",
        MISSING_BODY: "headers not followed by a body",
        MISSING_DATE: "no date where one is expected",
        BAD_DATE: "a date that cannot be read",
        UNKNOWN_TIMEZONE: "a zone abbreviation wirecopy does not know; the time is kept naive",
        BAD_DATELINE: "a dateline that cannot be read",
        BAD_TRAILER: "a wire trailer not in the format's layout",
        MISSING_TRAILER: "a wire transmission with no trailer (no ETX)",
        MISSING_ID: "a document without an identifier",
        PLACEHOLDER_HEADLINE: "a headline that stands in for a real one",
        MISSING_HIGHLIGHTS: "a story with no @highlight line",
        EMPTY_HIGHLIGHT: "an @highlight line with no text",
        BAD_LINES: "a Lines header that is not a number",
        LINES_MISMATCH: "a Lines header that disagrees with the body",
        BAD_MESSAGE_ID: "a Message-ID that is not <id@domain>",
        BAD_ENCODED_WORD: "an RFC 2047 encoded word that cannot be decoded",
        BAD_TRANSFER_ENCODING: "a body whose transfer encoding cannot be undone",
        MISSING_ITEM_META: "a NewsML-G2 newsItem without itemMeta",
        FRAGMENT: "a fragment of a document read on its own, not a whole one",
        BAD_FIELD: "a field of a JSON document with the wrong type or shape, left out",
        BAD_OVERRIDES: "a wirecopy-article record that is not JSON of article fields",
        NOT_UTF8: "bytes that are not UTF-8, decoded as cp1252 or Latin-1",
        BAD_ENCODING: "a byte not valid in the declared encoding",
        WRONG_ENCODING: "bytes plainly in another encoding than the one declared",
        UNKNOWN_ENCODING: "a declared encoding Python does not know",
        UNKNOWN_CHARSET: "a MIME charset Python has no codec for",
        CHARSET_MISMATCH: "a body not in the charset its headers declare",
        CONTROL_CHARACTER: "a control character in text",
        UNKNOWN_ENTITY: "an SGML entity in no table, kept as written",
    }
)
