"""The toolkit for writing formats: one base class per family of formats.

Most news formats belong to a family whose machinery is the same from one
format to the next; a format of such a family subclasses the family's base
class and holds only what is its own (its markers, fields and layout), as a
pygments lexer subclasses ``RegexLexer``.  The built-in formats use these
classes, and so may a plugin:

``wirecopy.kit.text``
    Line-oriented text: a story per file or per blank-line-separated block
    (``cnn-reuters``, ``plain-text``, ``cnndm-story``, ``rfc822-news``).
``wirecopy.kit.wire``
    Wire transmissions framed by control characters (``anpa-1312``,
    ``iptc-7901``).
``wirecopy.kit.sgml``
    SGML documents between a start and an end tag, not XML (``trec-sgml``,
    ``reuters21578-sgml``).
``wirecopy.kit.xml``
    XML items, read safely and streamed (``nitf``, ``newsml-g2``,
    ``newsml-1``, ``rcv1-xml``).

A format that fits no family subclasses :class:`wirecopy.Format` directly.
``docs/architecture.md`` says where each piece lives, and
``docs/writing-a-format.md`` which class to start from.
"""

__all__: list[str] = []
