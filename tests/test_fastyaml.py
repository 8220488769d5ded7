"""The libyaml fast path gives what the ruamel path gives: the same data, value types and
positions; whatever it does not decide about is left to ruamel (so every parse-time finding
keeps its exact message)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.fastyaml import load_plain
from generator.load.yamlsource import YamlDocument, parse_ruamel
from tests.conftest import REPO


def typed(value):
    """Data with every value's type, so 1, True, '1' and FloatText('1.0') all differ."""
    if isinstance(value, dict):
        return {(type(k).__name__, k): typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return type(value).__name__, value


def both(text: str) -> tuple[YamlDocument | None, YamlDocument]:
    fast = YamlDocument(rel="x.yaml", data=None)
    reference, problems = parse_ruamel(text, "x.yaml")
    assert problems == [] and reference is not None
    return (fast if load_plain(text, fast) else None), reference


def assert_same(text: str) -> None:
    fast, reference = both(text)
    assert fast is not None, "the fast path should take this file"
    assert typed(fast.data) == typed(reference.data)
    assert fast.value_pos == reference.value_pos
    assert fast.key_pos == reference.key_pos


YAML_FILES = sorted(p for folder in ("content", "gemeenten", "tests/fixtures") for p in (REPO / folder).rglob("*.yaml"))


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_region_file_of_the_repository_loads_the_same(path: Path):
    assert_same(path.read_text(encoding="utf-8"))


TRICKY = """\
# Scalars as policy staff write them, and as YAML 1.2 reads them.
tekst: Rijk
ja: yes
nee: no
aan: on
waar: true
Waar: True
onwaar: FALSE
tilde: ~
null_woord: Null
getal: 2016
voorloopnul: 017
plus: +12
min: -3
kommagetal: 6.8
heel_kommagetal: 7.0
exponent: 1e3
oneindig: .inf
datum: 2014-10-01
datum_tekst: 2014-10-1
tijdstip_tekst: '2014-10-01 12:00'
uren: 1:20
komma: 1,5
gequote: "2016"
enkel: '7.0'
gevouwen: >-
  Een lange tekst
  over twee regels.
letterlijk: |
  regel een
    ingesprongen
stroom: {waarde: 71.4, noemer: 45}
lijst_stroom: [beschut-werk, loonwaardebepaling]
2015: jaar als sleutel
"2016": jaar als tekst
1.5: kommagetal als sleutel
true: waar als sleutel
lijst:
  - een
  -   twee
  - - genest
    - dieper
  - sleutel: waarde
    andere: 3
unicode: "é € \u00a0 ✓"
"""


def test_tricky_scalars_lists_and_keys_load_the_same():
    assert_same(TRICKY)


def test_windows_line_ends_and_a_byte_order_mark_load_the_same():
    assert_same("\ufeff" + TRICKY.replace("\n", "\r\n"))


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key: ruamel reports it with both lines
        "a: [1, 2\n",  # syntax error
        "a: &anker 1\nb: *anker\n",  # alias
        "basis: &b {x: 1}\nkopie:\n  <<: *b\n",  # merge key
        "a: !!str 2016\n",  # explicit tag
        "a: !eigen x\n",  # local tag
        "%YAML 1.1\n---\na: yes\n",  # a directive changes how scalars resolve
        "a:\nb: 1\n",  # an empty value: ruamel places it at the next token
        "a: 1_000\n",  # integer forms other than plain decimals
        "a: 0x1F\n",
        "a: 0o17\n",
        "a: 2014-10-01 12:00:00\n",  # a timestamp with a time
        "a: 2015-13-45\n",  # looks like a date, is none: ruamel's path keeps the text
        "a: 2015-02-30\n",
        "a: " + "9" * 5000 + "\n",  # beyond int()'s digit limit: ruamel's path keeps the text
        "? [a, b]\n: c\n",  # a list as key
        "---\na: 1\n---\nb: 2\n",  # two documents
        "gewoon tekst\n",  # no mapping or list at the top
        "",
    ],
)
def test_what_the_fast_path_does_not_decide_goes_to_ruamel(text):
    doc = YamlDocument(rel="x.yaml", data=None)
    assert load_plain(text, doc) is False
    assert doc.data is None and doc.value_pos == {} and doc.key_pos == {}


def test_loading_a_region_file_takes_the_fast_path(monkeypatch, tmp_path):
    """`load_yaml` (bounds, then libyaml) gives every region file exactly as ruamel does,
    without calling ruamel at all."""
    from generator.load import yamlsource

    expected = {path: parse_ruamel(path.read_text(encoding="utf-8"), "x.yaml")[0] for path in YAML_FILES}

    def refuse(text, rel):
        raise AssertionError("ruamel should not be needed for this file")

    monkeypatch.setattr(yamlsource, "parse_ruamel", refuse)
    for path, reference in expected.items():
        doc, problems = yamlsource.load_yaml(path, "x.yaml")
        assert problems == []
        assert typed(doc.data) == typed(reference.data)
        assert (doc.value_pos, doc.key_pos) == (reference.value_pos, reference.key_pos)


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "a: 1\nb: 2\na: 3\n",
            "x.yaml:3:1: dubbele sleutel 'a': elke sleutel mag maar één keer voorkomen (eerste keer in het blok "
            "vanaf regel 1)",
        ),
        (
            "a:\n  - 1\n  - 2\nb: &anker 1\nc: *anker\n",
            "x.yaml:4:4: ankers en verwijzingen (&, *) zijn niet toegestaan in gegevensbestanden",
        ),
    ],
)
def test_loading_keeps_the_bounds_first_and_ruamels_messages(tmp_path, text, message):
    """What the fast path declines is reported as before: bounds first, then ruamel."""
    from generator.load.yamlsource import load_yaml

    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    doc, problems = load_yaml(path, "x.yaml")
    assert doc is None
    assert str(problems[0]).startswith(message)


@pytest.mark.parametrize(
    "value",
    [
        "yes",
        "No",
        "on",
        "true",
        "True",
        "FALSE",
        "~",
        "Null",
        "null",
        "2016",
        "017",
        "+12",
        "-3",
        "6.8",
        "7.0",
        "1e3",
        ".inf",
        "-.Inf",
        ".NaN",
        "2014-10-01",
        "2014-10-1",
        "1:20",
        "1,5",
        "0x1F",
        "0o17",
        "0b101",
        "1_000",
        "2014-10-01 12:00:00",
        "Rijk",
        "=",
        "<<",
        ".5",
        "1.",
        "+.5e-3",
        "GM0268",
        "€ 12",
    ],
)
def test_plain_scalars_get_the_tag_ruamels_resolver_gives(value):
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver

    from generator.load.fastyaml import _implicit_tag

    assert _implicit_tag(value) == str(VersionedResolver().resolve(ScalarNode, value, (True, False)))
