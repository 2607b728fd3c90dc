"""The json-like entry points: ``loads``, ``load``, ``read``, ``iter_load``, ``dumps`` and ``dump``.

Text and paths are never confused: a ``str`` passed to :func:`loads` is
always the text of a document, and :func:`read` is the one function that
takes a path.  :func:`loads` and :func:`load` return lists, as
:func:`json.loads` and :func:`json.load` return values; :func:`read` and
:func:`iter_load` return a lazy :class:`Reader`, for inputs of any size.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import IO, Any, BinaryIO, cast

from ._io import BytesAsText, TextAsBytes, encode_text, open_path, read_head, strip_compression_suffix
from .article import Article
from .context import ProblemHandler, ReadContext
from .detection import detect_text, rank
from .errors import ParseError, UncountedDocumentWarning
from .policy import ErrorMode, Policy, default
from .registry import Format, get_format

__all__ = ["Reader", "dump", "dumps", "iter_load", "load", "loads", "read"]


def _policy(policy: Policy | None, errors: ErrorMode | None) -> Policy:
    base = default if policy is None else policy
    if errors is None or errors == base.errors:
        return base
    return base.clone(errors=errors)


def _format(format: str | Format | None) -> Format | None:
    if format is None or isinstance(format, Format):
        return format
    return get_format(format)


class Reader(Iterator[Article]):
    """An iterator over the articles of one input, with a count of what was left out.

    Returned by :func:`read` and :func:`iter_load`.  It reads lazily, one document
    at a time, and closes the file it opened when exhausted, on
    :meth:`close`, or at the end of a ``with`` block.

    >>> with wirecopy.read("feed.sgml", errors="skip") as reader:  # doctest: +SKIP
    ...     articles = list(reader)
    >>> reader.skipped  # doctest: +SKIP
    (ParseError('...'),)

    .. versionadded:: 0.1
    """

    def __init__(self, stream: BinaryIO, format: Format, context: ReadContext, *, owned: bool) -> None:
        self.format = format
        """The format being read."""
        self.context = context
        """The :class:`~wirecopy.context.ReadContext`, with the policy and the file name."""
        self._stream: BinaryIO | None = stream
        self._owned = owned
        self._articles = format.read(stream, context)
        self._skip_defective = context.policy.errors == "skip"
        self._returned = 0

    @property
    def skipped(self) -> tuple[ParseError, ...]:
        """The errors of the documents left out so far, in input order.

        The first :data:`~wirecopy.context.MAX_KEPT_ERRORS` are kept;
        :attr:`left_out` counts them all.
        """
        return self.context.skipped

    @property
    def left_out(self) -> int:
        """How many documents (or runs of stray text) have been left out so far."""
        return self.context.left_out

    @property
    def returned(self) -> int:
        """How many articles have been returned so far."""
        return self._returned

    def __iter__(self) -> Reader:
        return self

    def __next__(self) -> Article:
        try:
            while True:
                article = next(self._articles)
                if self._skip_defective and article.defects:
                    self.context.discard(article)
                    continue
                self._returned += 1
                return article
        except StopIteration:
            self.close()
            self._check_count()
            raise
        except BaseException:
            self.close()
            raise

    def _check_count(self) -> None:
        context = self.context
        if context.documents != self._returned + context.left_out:
            where = f" of {context.source}" if context.source else ""
            msg = (
                f"format {self.format.name!r} started {context.documents} documents{where} but returned "
                f"{self._returned} and left out {context.left_out}: a document may have been lost without a word "
                "(a bug in the format: each document must be returned or left out)"
            )
            warnings.warn(UncountedDocumentWarning(msg), stacklevel=3)

    def close(self) -> None:
        """Close the input if this reader opened it.  Safe to call twice."""
        stream, self._stream = self._stream, None
        if stream is not None and self._owned:
            stream.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _start(
    stream: BinaryIO,
    format: str | Format | None,
    policy: Policy,
    source: str | None,
    *,
    owned: bool,
    filename: str | None = None,
    on_problem: ProblemHandler | None = None,
) -> Reader:
    fmt = _format(format)
    if fmt is None:
        head, stream = read_head(stream)
        name = filename if filename is not None else source
        detection = rank(head, None if name is None else strip_compression_suffix(name), source=source)
        fmt = get_format(detection.require())
    return Reader(stream, fmt, ReadContext(policy, source, on_problem=on_problem), owned=owned)


def read(
    path: str | os.PathLike[str],
    format: str | Format | None = None,
    *,
    errors: ErrorMode | None = None,
    policy: Policy | None = None,
    on_problem: ProblemHandler | None = None,
) -> Reader:
    """Read the articles of the file at *path*, lazily.

    gzip, bzip2 and xz files are decompressed on the fly.

    Args:
        path: The file to read.
        format: A format name, alias or :class:`~wirecopy.format.Format`;
            detected from the file when ``None``.
        errors: ``"strict"``, ``"warn"`` or ``"skip"``; overrides *policy*'s.
        policy: The full :class:`~wirecopy.policy.Policy`.
        on_problem: Called with each problem as it is found, under ``warn``
            and ``skip``: ``on_problem(error, left_out)``, *error* being a
            :class:`~wirecopy.errors.ParseError` with file, line, column and
            kind, and *left_out* whether a document was left out (else a
            defect was recorded).

    Raises:
        OSError: The file cannot be opened.
        UnknownFormatError: *format* names no format.
        AmbiguousFormatError: *format* is ``None`` and detection is not sure.
        ParseError: Under ``strict``, at the first problem, while iterating.

    .. versionadded:: 0.1
    """
    name = os.fspath(path)
    chosen = _policy(policy, errors)
    stream = open_path(name, max_ratio=chosen.max_compression_ratio)
    try:
        return _start(stream, format, chosen, name, owned=True, on_problem=on_problem)
    except BaseException:
        stream.close()
        raise


def load(
    fp: IO[bytes] | IO[str],
    format: str | Format | None = None,
    *,
    errors: ErrorMode | None = None,
    policy: Policy | None = None,
    filename: str | None = None,
    on_problem: ProblemHandler | None = None,
) -> list[Article]:
    """Read every article of an open file, binary or text, into a list.

    The list is the one :func:`loads` returns for the file's content, under
    every error mode: a document left out under ``warn`` or ``skip`` is not
    in it.  A binary file is read as it is; a text file is turned back into
    bytes with the format's encoding.  The file is not closed.

    The whole file is read before this returns.  To read one document at a
    time, in memory that does not grow with the file and with a count of
    the documents left out, use :func:`iter_load`, or :func:`read` for a
    path.

    Args:
        fp: A file opened for reading.
        format: As for :func:`read`.
        errors: As for :func:`read`.
        policy: As for :func:`read`.
        filename: The name to use in messages and for detection; defaults to
            ``fp.name`` when it has one.
        on_problem: As for :func:`read`.

    Raises:
        UnknownFormatError: *format* names no format.
        AmbiguousFormatError: *format* is ``None`` and detection is not sure.
        ParseError: Under ``strict``, at the first problem.

    .. versionadded:: 0.1
    """
    return list(iter_load(fp, format, errors=errors, policy=policy, filename=filename, on_problem=on_problem))


def iter_load(
    fp: IO[bytes] | IO[str],
    format: str | Format | None = None,
    *,
    errors: ErrorMode | None = None,
    policy: Policy | None = None,
    filename: str | None = None,
    on_problem: ProblemHandler | None = None,
) -> Reader:
    """Read the articles of an open file lazily, one document at a time.

    What :func:`read` is to a path, for a file already open: a
    :class:`Reader` that reads only as far as the articles asked for, with
    :attr:`~Reader.skipped` and :attr:`~Reader.left_out` counting what was
    left out.  It takes the arguments of :func:`load` and reads binary and
    text files alike.  The file is not closed, not even by
    :meth:`Reader.close`.

    >>> with open("feed.sgml", "rb") as fp:  # doctest: +SKIP
    ...     for article in wirecopy.iter_load(fp, "trec-sgml"):
    ...         print(article.headline)

    Raises:
        UnknownFormatError: *format* names no format.
        AmbiguousFormatError: *format* is ``None`` and detection is not sure.
        ParseError: Under ``strict``, at the first problem, while iterating.

    .. versionadded:: 0.1
    """
    source = filename if filename is not None else _name_of(fp)
    pol = _policy(policy, errors)
    if isinstance(fp, io.TextIOBase) or (not hasattr(fp, "readinto") and not isinstance(fp, io.BufferedIOBase)):
        text = cast(IO[str], fp)
        fmt = _format(format)
        if fmt is None:
            first = text.read(8192)
            fmt = get_format(detect_text(first, filename=source).require())
            text = cast(IO[str], _Chained(first, text))
        raw = cast(BinaryIO, io.BufferedReader(TextAsBytes(text, fmt.encoding, source)))
        context = ReadContext(pol, source, text_encoding=fmt.encoding, on_problem=on_problem)
        return Reader(raw, fmt, context, owned=False)
    return _start(cast(BinaryIO, fp), format, pol, source, owned=False, on_problem=on_problem)


class _Chained(io.TextIOBase):
    """Text already read from a stream, followed by the rest of it."""

    def __init__(self, first: str, rest: IO[str]) -> None:
        self._first = first
        self._rest = rest

    def read(self, size: int | None = -1) -> str:
        if self._first:
            chunk, self._first = self._first, ""
            return chunk
        return self._rest.read(size if size is not None else -1)


def _name_of(fp: Any) -> str | None:
    name = getattr(fp, "name", None)
    return name if isinstance(name, str) else None


def loads(
    data: str | bytes,
    format: str | Format | None = None,
    *,
    errors: ErrorMode | None = None,
    policy: Policy | None = None,
    filename: str | None = None,
    on_problem: ProblemHandler | None = None,
) -> list[Article]:
    """Read every article of *data*, which is text (``str``) or raw bytes.

    A ``str`` is always the text of documents, never a path: use
    :func:`read` for files.

    Args:
        data: The input.
        format: As for :func:`read`.
        errors: As for :func:`read`.
        policy: As for :func:`read`.
        filename: A name for messages and detection; the input is not read
            from it.
        on_problem: As for :func:`read`.

    Raises:
        UnknownFormatError: *format* names no format.
        AmbiguousFormatError: *format* is ``None`` and detection is not sure.
        ParseError: Under ``strict``, at the first problem.

    .. versionadded:: 0.1
    """
    pol = _policy(policy, errors)
    if isinstance(data, str):
        fmt = _format(format)
        if fmt is None:
            fmt = get_format(detect_text(data, filename=filename).require())
        raw = encode_text(data, fmt.encoding, filename)
        context = ReadContext(pol, filename, text_encoding=fmt.encoding, on_problem=on_problem)
        return list(Reader(io.BytesIO(raw), fmt, context, owned=True))
    if not isinstance(data, (bytes, bytearray, memoryview)):
        msg = f"loads() takes str or bytes, not {type(data).__name__}; use read() for a path"
        raise TypeError(msg)
    return list(_start(io.BytesIO(bytes(data)), format, pol, filename, owned=True, on_problem=on_problem))


def dumps(articles: Iterable[Article] | Article, format: str | Format) -> str:
    """Write *articles* in *format* and return the text.

    Raises:
        WriteError: The format cannot be written, or an article lacks
            something it needs.

    .. versionadded:: 0.1
    """
    fmt = _format(format)
    assert fmt is not None
    buffer = io.BytesIO()
    fmt.write(_articles(articles), buffer)
    return buffer.getvalue().decode(fmt.encoding)


def dump(articles: Iterable[Article] | Article, fp: IO[bytes] | IO[str], format: str | Format) -> None:
    """Write *articles* in *format* to an open file, binary or text.

    Articles are written as they come, so a generator streams.

    Raises:
        WriteError: As for :func:`dumps`.

    .. versionadded:: 0.1
    """
    fmt = _format(format)
    assert fmt is not None
    if isinstance(fp, io.TextIOBase):
        sink = BytesAsText(cast(IO[str], fp), fmt.encoding)
        fmt.write(_articles(articles), cast(BinaryIO, sink))
        sink.flush()
    else:
        fmt.write(_articles(articles), cast(BinaryIO, fp))


def _articles(articles: Iterable[Article] | Article) -> Iterable[Article]:
    if isinstance(articles, Article):
        return (articles,)
    if isinstance(articles, (str, bytes)):
        msg = f"expected articles, not {type(articles).__name__}"
        raise TypeError(msg)
    return articles
