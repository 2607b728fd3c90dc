"""Decoding the bytes of an XML stream into text, repairing what must be repaired.

Done here rather than by the parser, so that one rule covers every case: a
``str`` input is read in the encoding it was turned into bytes with, whatever
the XML declaration says; otherwise a BOM, then the declaration, then UTF-8
decide.  ISO-8859-1 labels are read as cp1252 (as browsers do: the bytes
0x80-0x9F are curly quotes and dashes, never C1 controls), bytes that are not
valid in the declared encoding are read as cp1252 with a problem reported,
and characters XML 1.0 forbids are found (:data:`NOT_XML`) so that the
stream can drop them with a defect instead of failing the whole document.
"""

from __future__ import annotations

import codecs
import contextlib
import re

from ..defects import BAD_ENCODING, NOT_UTF8, UNKNOWN_ENCODING, WRONG_ENCODING

_DECLARED = re.compile(rb"""\A\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._:-]*)["']""")
# Labels that mean "one byte, one character, ASCII below 0x80": read as cp1252.
_SINGLE_BYTE = frozenset(
    {
        "iso-8859-1",
        "iso8859-1",
        "iso_8859-1",
        "latin-1",
        "latin1",
        "l1",
        "cp819",
        "iso-ir-100",
        "ibm819",
        "us-ascii",
        "ascii",
        "windows-1252",
        "cp1252",
        "x-cp1252",
    }
)
# cp1252 for the bytes 0x80-0x9F where it defines a character; the five it
# leaves undefined stay as Latin-1 decodes them.
_C1_AS_CP1252 = {}
for _byte in range(0x80, 0xA0):
    with contextlib.suppress(UnicodeDecodeError):
        _C1_AS_CP1252[_byte] = bytes([_byte]).decode("cp1252")
del _byte

# What a message calls an encoding found without a declaration.
_LABELS = {"utf-8": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}
_ESCAPED = re.compile("[\udc80-\udcff]")
#: Characters XML 1.0 cannot carry, not even as references.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _escaped_to_cp1252(match: re.Match[str]) -> str:
    return chr(ord(match.group()) - 0xDC00).translate(_C1_AS_CP1252)


# Every byte XML 1.0 allows below 0x20 (tab, LF, CR) and every byte from
# 0x20 up: deleting them leaves only the control bytes XML forbids.  In UTF-8
# and the single-byte codecs a control character is that one byte.
_ALLOWED_BYTES = bytes(range(0x20, 0x100)) + b"\t\n\r"
_NOT_C1 = bytes(range(0x80)) + bytes(range(0xA0, 0x100))


class Decoder:
    """Turn the raw chunks of one stream into text, reporting what it had to repair.

    UTF-8 (by far the common case) is decoded strictly first, which is fast;
    only a chunk with a bad byte takes the slow, repairing path.
    """

    def __init__(self, head: bytes, text_encoding: str | None) -> None:
        self.raw: bytes | None = None
        self.problems: list[tuple[str, str, int]] = []
        self.skip = 0  # bytes of BOM to drop from the first chunk
        self.single_byte = False
        #: Whether the last chunk may hold characters XML forbids.
        self.suspect = False
        label = None
        if text_encoding is not None:
            # The bytes came from a str: its encoding wins over any declaration.
            codec = text_encoding
            if head.startswith(codecs.BOM_UTF8) and codec_name(codec) == "utf-8":
                self.skip = 3
        elif head.startswith(codecs.BOM_UTF8):
            codec, self.skip = "utf-8", 3
        elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            codec = "utf-16"
        elif head.startswith(b"<\x00") or head.startswith(b"\x00<"):
            codec = "utf-16-le" if head[0] == 0x3C else "utf-16-be"
        else:
            codec, self.single_byte, label, unknown = _declared(head)
            if unknown is not None:
                message = f"unknown encoding {unknown!r} declared; the document was read as UTF-8"
                self.problems.append((UNKNOWN_ENCODING, message, 0))
        self.codec = codec_name(codec)
        self.label = label or _LABELS.get(self.codec, self.codec)
        self._ascii_compatible = self.codec == "utf-8" or self.single_byte
        self._incremental = (
            None if self._ascii_compatible else codecs.getincrementaldecoder(self.codec)("surrogateescape")
        )
        self._tail = b""
        self._reported = False
        # A Latin-1 label on UTF-8 bytes is a common mislabelling: decided on
        # the first chunk that has bytes above 0x7F.
        self._undecided = self.single_byte

    def as_is(self, data: bytes) -> bytes | None:
        """The whole input *data* as the UTF-8 bytes it is, when decoding it could only give them back or fail.

        That is so for UTF-8, and for ASCII under a single-byte label;
        ``None`` for any other input.  The bytes are not checked: expat
        refuses every byte sequence that is not UTF-8 and every character
        XML forbids, where :meth:`decode` would repair them, so a parser
        that reads them either gives what it would have given after
        :meth:`decode`, or fails, and the input is then decoded as usual.
        Nothing here changes the decoder.
        """
        if self.codec == "utf-8" and not self.single_byte:
            return data[self.skip :] if self.skip else data
        if self.single_byte and data.isascii():
            return data
        return None

    def decode(self, data: bytes, final: bool = False) -> str:
        """Decode the next raw chunk; *final* for the last one.

        When the chunk was UTF-8 with nothing to repair, :attr:`raw` is the
        bytes it came from, which are the text's UTF-8 too; ``None`` otherwise.
        """
        self.raw = None
        if self.skip:
            data, self.skip = data[self.skip :], 0
        if self._undecided and not data.isascii():
            self._undecided = False
            try:
                data[: complete_utf8(data)].decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                self.problems.append(
                    (WRONG_ENCODING, f"{self.label} is declared but the bytes are UTF-8; they were read as UTF-8", 0)
                )
                self.single_byte = False
                self.codec, self.label = "utf-8", "UTF-8"
        if self.single_byte:
            self.suspect = bool(data.translate(None, _ALLOWED_BYTES))
            if data.isascii():
                if not self.suspect:
                    self.raw = data  # ASCII is UTF-8 too
                return data.decode("ascii")
            text = data.decode("latin-1")
            # Only bytes 0x80-0x9F differ between Latin-1 and cp1252.
            return text.translate(_C1_AS_CP1252) if data.translate(None, _NOT_C1) else text
        if self.codec == "utf-8":
            if self._tail:
                data = self._tail + data
            cut = len(data) if final else complete_utf8(data)
            self._tail = data[cut:]
            if cut < len(data):
                data = data[:cut]
            self.suspect = bool(data.translate(None, _ALLOWED_BYTES))
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("utf-8", "surrogateescape")
                self.suspect = True
            else:
                # U+FFFE and U+FFFF are UTF-8 but not XML; a one-character
                # search of the text is much faster than a byte search.
                if not self.suspect and ("\uffff" in text or "\ufffe" in text):
                    self.suspect = True
                if not self.suspect:
                    self.raw = data
                return text
        else:
            assert self._incremental is not None
            self.suspect = True
            try:
                text = self._incremental.decode(data, final)
            except UnicodeDecodeError as err:
                # Some codecs (UTF-16's surrogates) refuse even surrogateescape.
                if not self._reported:
                    self._reported = True
                    self.problems.append(
                        (BAD_ENCODING, f"bytes that are not {self.label} ({err.reason}) were replaced", 0)
                    )
                self._incremental = codecs.getincrementaldecoder(self.codec)("replace")
                return self._incremental.decode(data, final)
        first = _ESCAPED.search(text)
        if first is not None:
            if not self._reported:
                self._reported = True
                byte = ord(first.group()) - 0xDC00
                kind = NOT_UTF8 if self.codec == "utf-8" else BAD_ENCODING
                self.problems.append(
                    (kind, f"byte 0x{byte:02x} is not {self.label}; such bytes were read as cp1252", first.start())
                )
            text = _ESCAPED.sub(_escaped_to_cp1252, text)
        return text

    def byte_length(self, text: str) -> int:
        """How many input bytes *text* came from (exact but for repaired bytes)."""
        if self.single_byte or text.isascii():
            return len(text)
        return len(text.encode(self.codec, "surrogatepass"))


_DECLARATIONS: dict[bytes, tuple[str, bool, str | None, str | None]] = {}


def _declared(head: bytes) -> tuple[str, bool, str | None, str | None]:
    """What the XML declaration at the start of *head* says: (codec, single byte, label, unknown name).

    Memoised on the declaration's text (everything up to its first ``>``,
    which the encoding must come before): a feed repeats the same one.
    """
    end = head.find(b">", 0, 256) if head[:5] == b"<?xml" else -1
    key = head[: end + 1] if end > 0 else None
    found = _DECLARATIONS.get(key) if key is not None else None
    if found is not None:
        return found
    codec, single_byte, label, unknown = "utf-8", False, None, None
    declared = _DECLARED.match(head)
    if declared is not None:
        label = declared.group(1).decode("ascii")
        name = label.lower()
        if name in _SINGLE_BYTE:
            codec, single_byte = "latin-1", True
        else:
            try:
                codec = codecs.lookup(name).name if name not in _CODEC_NAMES else _CODEC_NAMES[name]
            except LookupError:
                unknown, label = name, None
            if codec.startswith(("utf-16", "utf-32")):
                # A declaration readable as ASCII cannot be in UTF-16: it lies.
                codec, label = "utf-8", None
    found = (codec, single_byte, label, unknown)
    if key is not None and len(_DECLARATIONS) < 64:  # bounded: declarations come from the input
        _DECLARATIONS[key] = found
    return found


_CODEC_NAMES: dict[str, str] = {}


def codec_name(name: str) -> str:
    """The codec's canonical name (``"utf-8"`` for an unknown one), memoised."""
    found = _CODEC_NAMES.get(name)
    if found is None:
        try:
            found = codecs.lookup(name).name
        except LookupError:
            found = "utf-8"
        if len(_CODEC_NAMES) < 64:
            _CODEC_NAMES[name] = found
    return found


def complete_utf8(data: bytes) -> int:
    """The length of *data* without a UTF-8 sequence cut off at its end."""
    size = len(data)
    for back in range(1, min(4, size) + 1):
        byte = data[size - back]
        if byte < 0x80:
            return size
        if byte >= 0xC0:
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return size - back if need > back else size
    return size
