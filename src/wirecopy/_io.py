"""Opening inputs (compressed files, text streams, a look at the head), and writing outputs whole."""

from __future__ import annotations

import bz2
import codecs
import contextlib
import errno
import hashlib
import io
import lzma
import os
import queue
import secrets
import threading
import zlib
from collections.abc import Iterator
from typing import IO, Any, BinaryIO, cast

from .defects import DECOMPRESSION_BOMB
from .errors import ParseError

#: How much of the input format detection looks at.
HEAD_SIZE = 8192

# Detected by magic number rather than by name: a ".gz" that is really plain
# text still reads, and a compressed file with no suffix is still decompressed.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
)
_SUFFIXES = (".gz", ".bz2", ".xz")
_DECOMPRESSION_ERRORS = (EOFError, OSError, zlib.error, lzma.LZMAError, ValueError)


def strip_compression_suffix(name: str) -> str:
    """``"afp_eng_200905.gz"`` -> ``"afp_eng_200905"``: the name a format sees."""
    lower = name.lower()
    for suffix in _SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


#: How much output a compressed input may give before its ratio is judged:
#: below it, any ratio is fine (a small file of repeated markup compresses
#: far better than a corpus does).
BOMB_FLOOR = 64 * 1024 * 1024


def open_path(path: str | os.PathLike[str], *, max_ratio: int | None = None) -> BinaryIO:
    """Open *path* for binary reading, decompressing gzip, bzip2 and xz.

    *max_ratio* is :attr:`Policy.max_compression_ratio
    <wirecopy.policy.Policy.max_compression_ratio>`; ``None`` takes its default.

    Raises:
        OSError: The file cannot be opened.
    """
    return decompressed(open(path, "rb"), os.fspath(path), max_ratio=max_ratio)


def decompressed(stream: BinaryIO, name: str, *, max_ratio: int | None = None) -> BinaryIO:
    """*stream*, or a reader that decompresses it when it starts as gzip, bzip2 or xz do.

    *stream* must have ``peek`` (a buffered reader); *name* is put in the
    messages of corrupt data.  Once the output passes :data:`BOMB_FLOOR`, an
    input that has given more than *max_ratio* bytes for each byte read is a
    decompression bomb: reading it raises :class:`ParseError`.  The stream is
    closed if this fails.
    """
    if max_ratio is None:
        from .policy import MAX_COMPRESSION_RATIO

        max_ratio = MAX_COMPRESSION_RATIO
    try:
        magic = stream.peek(6)[:6]  # type: ignore[attr-defined]
        for signature, kind in _MAGIC:
            if magic.startswith(signature):
                return _decompressing(stream, kind, name, max_ratio)
    except BaseException:
        stream.close()
        raise
    return stream


def _decompressing(raw: BinaryIO, kind: str, name: str, max_ratio: int) -> BinaryIO:
    inner: io.RawIOBase | io.BufferedIOBase
    if kind == "gzip":
        # Inflate on another thread: zlib releases the GIL, so a parser on
        # this thread keeps most of its plain-file rate (the gzip module,
        # inflating on the reader's own thread, about halves it).
        inner = _ThreadedInflate(raw)
    elif kind == "bzip2":
        inner = bz2.BZ2File(raw, mode="rb")
    else:
        inner = lzma.LZMAFile(raw, mode="rb")  # noqa: SIM115 - closed by _Guarded
    guarded = _Guarded(inner, raw, name, kind, max_ratio)
    return cast(BinaryIO, io.BufferedReader(guarded, buffer_size=1 << 16))


class _ThreadedInflate(io.RawIOBase):
    """gzip decompression on a background thread, handed over in chunks.

    The queue holds at most a few chunks, so memory stays bounded however
    far the inflating thread could run ahead.  Multi-member files (as
    ``cat a.gz b.gz`` makes) are read through, as the gzip module does.
    Errors raised on the thread are raised again by :meth:`readinto`.
    """

    _IN = 1 << 18
    _OUT = 1 << 20

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._chunks: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=4)
        self._current = memoryview(b"")
        self._done = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wirecopy-inflate", daemon=True)
        self._thread.start()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._current:
            if self._done:
                return 0
            item = self._chunks.get()
            if item is None:
                self._done = True
                return 0
            if isinstance(item, BaseException):
                self._done = True
                raise item
            self._current = memoryview(item)
        count = min(len(buffer), len(self._current))
        buffer[:count] = self._current[:count]
        self._current = self._current[count:]
        return count

    def _put(self, item: bytes | BaseException | None) -> bool:
        while not self._stop.is_set():
            try:
                self._chunks.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            inflater = zlib.decompressobj(wbits=31)
            started = False
            data = b""
            while not self._stop.is_set():
                if not data:
                    data = self._raw.read(self._IN)
                    if not data:
                        if started:
                            msg = "Compressed file ended before the end-of-stream marker was reached"
                            raise EOFError(msg)
                        break
                if not started:
                    started = True
                out = inflater.decompress(data, self._OUT)
                data = inflater.unconsumed_tail
                if out and not self._put(out):
                    return
                if inflater.eof:
                    following = self._next_member(inflater.unused_data + data)
                    if following is None:
                        break
                    data = following
                    inflater = zlib.decompressobj(wbits=31)
                elif not data and len(out) == self._OUT:
                    # Output was cut at _OUT: zlib may hold more for the same input.
                    data = b""
                    while True:
                        more = inflater.decompress(b"", self._OUT)
                        if more and not self._put(more):
                            return
                        if len(more) < self._OUT or inflater.eof:
                            break
                    if inflater.eof:
                        following = self._next_member(inflater.unused_data)
                        if following is None:
                            break
                        data = following
                        inflater = zlib.decompressobj(wbits=31)
            self._put(None)
        except BaseException as err:  # handed to the reading thread
            self._put(err)

    def _next_member(self, data: bytes) -> bytes | None:
        """After a gzip member's end, the next member's first bytes; ``None`` at the end of the file.

        *data* is what was read past the member.  Zero padding after a member
        is allowed (and skipped); anything else must start another member.
        """
        data = data.lstrip(b"\x00")
        while len(data) < 2:
            more = self._raw.read(self._IN)
            if not more:
                break
            data = (data + more).lstrip(b"\x00")
        if not data:
            return None
        if not data.startswith(b"\x1f\x8b"):
            msg = "Not a gzipped file (trailing garbage after the last member)"
            raise OSError(msg)
        return data

    def close(self) -> None:
        if not self.closed:
            self._stop.set()
            self._thread.join()
            self._raw.close()
        super().close()


class _Guarded(io.RawIOBase):
    """A decompressing stream whose corruption errors, and bombs, become ParseError.

    A truncated or damaged archive is bad input like any other, so it must
    surface as a :class:`ParseError` naming the file, not as ``EOFError``.
    So must an archive that expands without bound: readers hold one document
    at a time, but a bomb would still cost time for every byte it gives.
    """

    def __init__(
        self, inner: io.RawIOBase | io.BufferedIOBase, raw: BinaryIO, name: str, kind: str, max_ratio: int
    ) -> None:
        self._inner = inner
        self._raw = raw
        self._name = name
        self._kind = kind
        self._pos = 0
        self._max_ratio = max_ratio
        self._next_check = BOMB_FLOOR

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            count = self._inner.readinto(buffer)
        except _DECOMPRESSION_ERRORS as err:
            msg = f"corrupt {self._kind} data after {self._pos} decompressed bytes: {err}"
            raise ParseError(msg, source=self._name) from err
        self._pos += count
        if self._pos >= self._next_check:
            self._check_ratio()
        return int(count)

    def _check_ratio(self) -> None:
        self._next_check = self._pos + (1 << 20)
        try:
            consumed = self._raw.tell()
        except (OSError, ValueError):
            return  # a pipe: its ratio cannot be known
        if self._pos > self._max_ratio * max(consumed, 1):
            msg = (
                f"{self._kind} data expands {self._pos // max(consumed, 1):,} times ({self._pos:,} bytes from "
                f"{consumed:,}): a decompression bomb, not a corpus; Policy(max_compression_ratio=...) "
                "reads it anyway"
            )
            raise ParseError(msg, source=self._name, kind=DECOMPRESSION_BOMB)

    def close(self) -> None:
        try:
            self._inner.close()
        finally:
            self._raw.close()
            super().close()


def read_head(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    """Return the first :data:`HEAD_SIZE` bytes and a stream that still starts at the beginning."""
    peek = getattr(stream, "peek", None)
    if peek is not None:
        head = peek(HEAD_SIZE)
        if len(head) >= HEAD_SIZE or _at_eof_after(stream, head):
            return head[:HEAD_SIZE], stream
    head = stream.read(HEAD_SIZE)
    return head, _prefixed(head, stream)


def _at_eof_after(stream: BinaryIO, head: bytes) -> bool:
    # peek() may return less than asked for without being at the end; a seekable
    # stream can tell us, anything else is read the slow way.
    try:
        if not stream.seekable():
            return False
        position = stream.tell()
        end = stream.seek(0, io.SEEK_END)
        stream.seek(position)
    except (OSError, ValueError):
        return False
    return end - position <= len(head)


def _prefixed(prefix: bytes, stream: BinaryIO) -> BinaryIO:
    return cast(BinaryIO, io.BufferedReader(_Prefixed(prefix, stream), buffer_size=1 << 16))


class _Prefixed(io.RawIOBase):
    """Bytes already read, followed by the rest of the stream."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self._prefix = memoryview(prefix)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._prefix:
            count = min(len(buffer), len(self._prefix))
            buffer[:count] = self._prefix[:count]
            self._prefix = self._prefix[count:]
            return count
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._stream.close()
        super().close()


def encode_text(text: str, encoding: str, source: str | None) -> bytes:
    """Encode *text* for a format, naming the line and column of a character it cannot hold."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as err:
        line = text.count("\n", 0, err.start) + 1
        column = err.start - (text.rfind("\n", 0, err.start) + 1) + 1
        msg = f"character {text[err.start]!r} cannot be read as {encoding}"
        raise ParseError(msg, source=source, lineno=line, colno=column) from None


class TextAsBytes(io.RawIOBase):
    """A text stream read as bytes in the given encoding, incrementally."""

    def __init__(self, stream: IO[str], encoding: str, source: str | None) -> None:
        self._stream = stream
        self._encoder = codecs.getincrementalencoder(encoding)()
        self._encoding = encoding
        self._source = source
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = self._stream.read(1 << 15)
            try:
                self._pending = self._encoder.encode(chunk, final=not chunk)
            except UnicodeEncodeError as err:
                msg = f"character {chunk[err.start]!r} cannot be read as {self._encoding}"
                raise ParseError(msg, source=self._source) from None
            if not chunk:
                break
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count


class BytesAsText(io.RawIOBase):
    """A binary sink that decodes what is written to it into a text stream."""

    def __init__(self, stream: IO[str], encoding: str) -> None:
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder(encoding)()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._stream.write(self._decoder.decode(bytes(data)))
        return len(data)

    def flush(self) -> None:
        tail = self._decoder.decode(b"", final=True)
        if tail:
            self._stream.write(tail)
        self._stream.flush()


# -- writing outputs whole ------------------------------------------------------

#: What every temporary name ends with, so that a later run can find those
#: a dead run left behind.
TEMPORARY_SUFFIX = ".wirecopy-tmp"
_NAME_MAX = 255


def create_temporary(final: str) -> tuple[int, str]:
    """Create a new, empty temporary file for *final*, in *final*'s folder; return its descriptor and name.

    The name is ``.NAME.RANDOM.wirecopy-tmp`` (a digest of NAME when that
    would be longer than a file name may be), chosen afresh for each file, and
    the file is created exclusively without following a symbolic link, so
    that nothing planted at a name that could be guessed is written through.
    While the descriptor is open the file is locked (where ``fcntl`` is), so
    that :func:`remove_if_stale` leaves it alone.

    Raises:
        OSError: The file cannot be created.
    """
    folder, base = os.path.split(final)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        token = secrets.token_hex(4)
        name = f".{base}.{token}{TEMPORARY_SUFFIX}"
        if len(os.fsencode(name)) > _NAME_MAX:
            name = f".{hashlib.sha256(os.fsencode(base)).hexdigest()[:32]}.{token}{TEMPORARY_SUFFIX}"
        path = os.path.join(folder, name)
        try:
            handle = os.open(path, flags, 0o666)
        except FileExistsError:
            continue
        _lock(handle)
        return handle, path
    raise FileExistsError(errno.EEXIST, "no free temporary name", final)


def _lock(handle: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows: temporaries are not locked
        return
    with contextlib.suppress(OSError):
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


def create_temporary_folder(folder: str, prefix: str) -> tuple[int, str]:
    """Create a new temporary folder in *folder*, locked while the returned descriptor is open.

    Its name starts with *prefix* and ends as :func:`create_temporary`'s do,
    so that :func:`remove_if_stale` removes it once no live run holds it.
    """
    import tempfile

    path = tempfile.mkdtemp(prefix=prefix, suffix=TEMPORARY_SUFFIX, dir=folder)
    handle = os.open(path, os.O_RDONLY)
    _lock(handle)
    return handle, path


@contextlib.contextmanager
def atomic_file(final: str) -> Iterator[BinaryIO]:
    """Write *final* whole or not at all: into a :func:`create_temporary` file, renamed over *final* at the end.

    An exception inside the ``with`` block removes the temporary file and
    leaves *final* as it was.
    """
    handle, temporary = create_temporary(final)
    try:
        with os.fdopen(handle, "wb") as out:
            yield cast(BinaryIO, out)
        os.replace(temporary, final)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise


def remove_if_stale(path: str) -> bool:
    """Remove the temporary file or folder *path* unless a live process holds it; say whether it did.

    Without ``fcntl`` (Windows) every temporary file counts as stale.
    """
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        # A symbolic link, or gone already: remove the name, never what it points to.
        with contextlib.suppress(OSError):
            if os.path.islink(path):
                os.remove(path)
                return True
        return False
    try:
        try:
            import fcntl
        except ImportError:
            pass
        else:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False  # a live run is writing it
        try:
            if os.path.isdir(path):
                import shutil

                shutil.rmtree(path)
            else:
                os.remove(path)
        except OSError:
            return False
        return True
    finally:
        os.close(handle)
