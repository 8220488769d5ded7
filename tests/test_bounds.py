"""The parser-independent bounds (generator/load/bounds.py), tested on their own so that any
future parser keeps them; and a fuzz test: no edit of a gemeente file ends in a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load.bounds import MAX_BYTES, MAX_DEPTH, TooLarge, read_limited, structure_problems
from tests.conftest import REPO


def _messages(text: str, **kw) -> list[tuple[int, int, str, str]]:
    return [(f.line, f.col, f.message, f.code) for f in structure_problems(text, "x.yaml", **kw)]


def test_the_example_region_is_within_every_bound():
    files = sorted((REPO / "content").glob("*.yaml")) + sorted((REPO / "gemeenten").glob("*.yaml"))
    assert files
    for path in files:
        assert structure_problems(path.read_text(encoding="utf-8"), path.name) == [], path.name
        assert path.stat().st_size < MAX_BYTES / 10


def test_nesting_up_to_the_limit_is_allowed_and_one_deeper_is_refused():
    def nested(depth: int) -> str:  # the top-level block is the first level
        return "a: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"

    assert _messages(nested(MAX_DEPTH)) == []
    assert [(m[0], m[1], m[3]) for m in _messages(nested(MAX_DEPTH + 1))] == [
        (1, 3 + MAX_DEPTH, "te-diep-genest")
    ]  # the 33rd level opens at column 35


def test_an_anchor_and_its_aliases_are_one_finding_at_the_first():
    assert _messages("a: &x 1\nb: *x\nc: *x\n") == [
        (
            1,
            4,
            "ankers en verwijzingen (&, *) zijn niet toegestaan in gegevensbestanden; gevonden '&x' (3 keer in "
            "dit bestand): schrijf de waarden voluit",
            "yaml-niet-toegestaan",
        ),
    ]


def test_an_alias_without_anchor_is_refused_too():
    assert [(m[0], m[1], m[3]) for m in _messages("a: *nergens\n")] == [(1, 4, "yaml-niet-toegestaan")]


def test_tags_are_refused_in_data_and_allowed_in_configuration():
    text = "site: !ENV [NAAM, standaard]\nemoji: !!python/name:material.extensions.emoji.twemoji\n"
    assert [(m[0], m[1], m[3]) for m in _messages(text)] == [(1, 7, "yaml-niet-toegestaan")]
    assert _messages(text, allow_tags=True) == []


def test_a_quoted_merge_key_or_tilde_is_ordinary_text():
    assert _messages("'<<': 1\n\"~\": 2\n") == []
    assert [m[3] for m in _messages("<<: {a: 1}\n")] == ["yaml-niet-toegestaan"]


def test_syntax_and_reader_errors_are_findings():
    assert _messages("a: [1, 2\nb: 3\n") == [
        (2, 2, "ongeldige YAML-opmaak: een lijst tussen [ ] is niet gesloten of mist een komma", "yaml-ongeldig")
    ]
    assert _messages("é: 1\nb: x\x07\n") == [
        (2, 5, "ongeldig teken U+0007 in het bestand: YAML staat geen stuurtekens toe; verwijder het", "teken-ongeldig")
    ]


def test_a_file_is_read_no_further_than_the_limit(tmp_path: Path):
    path = tmp_path / "groot.yaml"
    path.write_bytes(b"a" * 11)
    assert read_limited(path, "groot.yaml", limit=11) == b"a" * 11
    with pytest.raises(TooLarge) as exc:
        read_limited(path, "groot.yaml", limit=10)
    assert (
        str(exc.value.finding)
        == "groot.yaml:1:1: bestand is te groot (11 bytes); een gegevensbestand mag hoogstens 1.048.576 bytes (1 MB) "
        "zijn [bestand-te-groot]"
    )


FRAGMENTS = [
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "!x ",
    "<<: ",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ": ",
    "- ",
    "\t",
    "'",
    '"',
    "\n",
    "\n  ",
    "#",
    "%",
    "@",
    "`",
    "|",
    ">-",
    "~",
    "---\n",
    "2015-13-45",
    "1e400",
    "9" * 5000,
    ".nan",
    "-1",
    "\x00",
    "\ufeff",
    "\u202e",
    "529.000",
    "12,5",
    "null",
    "yes",
    "0x1F",
    "\\u",
    "\r\n",
]
GEMEENTE = (REPO / "gemeenten" / "druten.yaml").read_text(encoding="utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(
        st.tuples(st.integers(0, len(GEMEENTE)), st.integers(0, 40), st.sampled_from(FRAGMENTS)),
        min_size=1,
        max_size=4,
    )
)
def test_no_edit_of_a_gemeente_file_ends_in_a_traceback(tmp_path: Path, edits):
    """Delete a stretch and insert a YAML-significant fragment, a few times: findings, never an exception."""
    from pydantic import ValidationError

    from generator.load.messages import findings_from
    from generator.load.yamlsource import load_yaml
    from generator.models import Gemeente

    text = GEMEENTE
    for at, cut, fragment in edits:
        at = min(at, len(text))
        text = text[:at] + fragment + text[at + cut :]
    path = tmp_path / "druten.yaml"
    path.write_text(text, encoding="utf-8")
    doc, findings = load_yaml(path, "gemeenten/druten.yaml")
    if doc is None:
        assert findings and all(f.line >= 1 and f.col >= 1 and f.message for f in findings)
        return
    if not isinstance(doc.data, dict):
        return
    try:
        Gemeente.model_validate(doc.data)
    except ValidationError as exc:
        assert all(f.message for f in findings_from(exc, doc, Gemeente))
