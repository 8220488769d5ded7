"""Limits a YAML file must meet before any parser builds data from it.

Data files arrive through git from many hands, and `dvo validate`, `dvo serve`
and CI read them all. Without limits, eight lines of nested anchors and aliases
expand to billions of nodes, and a few thousand `[` exhaust the stack. These
checks bound memory and time for any input:

- size: a file above MAX_BYTES is refused before it is read;
- structure: one pass over the file's event stream with libyaml (PyYAML's C
  parser: linear time, no recursion, nothing constructed) refuses anchors and
  aliases, explicit tags (`!!python/object/...`), merge keys (`<<`), keys that
  are lists or blocks, empty keys, and nesting deeper than MAX_DEPTH.

They do not depend on the parser that builds the data afterwards (ruamel.yaml
today): whichever parser follows only ever sees a small, flat, plain document.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.load.findings import Finding
from generator.util.errors import DvoError
from generator.util.formatting import number

MAX_BYTES = 1024 * 1024  # a gemeente file is ~10 kB, the largest content file ~20 kB
MAX_DEPTH = 32  # the deepest model (verordening) nests about 9 levels

_EVENTS = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader  # C when available
_NULL_KEYS = {"", "~", "null", "Null", "NULL"}


class TooLarge(DvoError):
    """A file over the size bound; `finding` says which and how large."""

    def __init__(self, finding: Finding):
        super().__init__(str(finding))
        self.finding = finding


def too_large(size: int, rel: str, what: str = "een gegevensbestand") -> Finding:
    return Finding(
        rel,
        1,
        1,
        f"bestand is te groot ({number(size)} bytes); {what} mag hoogstens {number(MAX_BYTES)} bytes (1 MB) zijn",
        code="bestand-te-groot",
    )


def read_limited(path: Path, rel: str, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes; TooLarge when it holds more than `limit`, without reading the rest."""
    with path.open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        size = max(path.stat().st_size, len(data))
        raise TooLarge(too_large(size, rel))
    return data


class _Node:
    """An open list or block while walking the events: is it a block, how many children so far."""

    __slots__ = ("children", "mapping")

    def __init__(self, mapping: bool):
        self.mapping = mapping
        self.children = 0


def structure_problems(text: str, rel: str, *, allow_tags: bool = False) -> list[Finding]:
    """Findings for what no data file may contain; [] when the file is within the limits.

    Each kind is reported once, at its first occurrence, with a count. A syntax
    error ends the walk and is reported too (so no parser continues past it).
    `allow_tags` is for configuration files such as mkdocs.yml, whose tags are code.
    """
    loader = _EVENTS(text)
    first: dict[str, tuple[int, int]] = {}
    counts: dict[str, int] = {}
    names: dict[str, str] = {}

    def note(kind: str, mark, detail: str = "") -> None:
        counts[kind] = counts.get(kind, 0) + 1
        if kind not in first:
            first[kind] = (mark.line + 1, mark.column + 1)
            names[kind] = detail

    stack: list[_Node] = []
    syntax: Finding | None = None
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                stack.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue  # stream and document boundaries
            parent = stack[-1] if stack else None
            is_key = parent is not None and parent.mapping and parent.children % 2 == 0
            if parent is not None:
                parent.children += 1
            if isinstance(event, yaml.AliasEvent):
                note("anchor", event.start_mark, "*" + event.anchor)
                continue
            if event.anchor is not None:
                note("anchor", event.start_mark, "&" + event.anchor)
            if event.tag is not None and not allow_tags:
                note("tag", event.start_mark, event.tag)
            collection = isinstance(event, yaml.CollectionStartEvent)
            if is_key and collection:
                note("complex_key", event.start_mark)
            elif is_key and event.implicit[0] and event.value == "<<":
                note("merge", event.start_mark)
            elif is_key and event.implicit[0] and event.value in _NULL_KEYS:
                note("null_key", event.start_mark)
            if collection:
                stack.append(_Node(isinstance(event, yaml.MappingStartEvent)))
                if len(stack) > MAX_DEPTH:
                    note("depth", event.start_mark)
                    break
    except yaml.MarkedYAMLError as exc:
        syntax = syntax_finding(rel, exc, text)
    except yaml.YAMLError as exc:  # a reader error: a character YAML does not allow
        syntax = reader_finding(rel, text, exc)
    finally:
        loader.dispose()
    findings = [
        Finding(rel, *first[kind], _message(kind, counts[kind], names[kind]), code=KIND_CODES[kind]) for kind in first
    ]
    if syntax is not None:
        findings.append(syntax)
    return findings


# What each refused construct is, as a finding code.
KIND_CODES = {
    "anchor": "yaml-niet-toegestaan",
    "tag": "yaml-niet-toegestaan",
    "merge": "yaml-niet-toegestaan",
    "complex_key": "sleutel-ongeldig",
    "null_key": "sleutel-ongeldig",
    "depth": "te-diep-genest",
}


def _message(kind: str, count: int, detail: str) -> str:
    times = "" if count == 1 else f" ({count} keer in dit bestand)"
    if kind == "anchor":
        return (
            f"ankers en verwijzingen (&, *) zijn niet toegestaan in gegevensbestanden; gevonden '{detail}'{times}: "
            "schrijf de waarden voluit"
        )
    if kind == "tag":
        shown = detail.replace("tag:yaml.org,2002:", "!!")
        return (
            f"YAML-labels (tags) zijn niet toegestaan in gegevensbestanden; gevonden '{shown[:60]}'{times}. "
            "Begint een tekst met '!', zet hem dan tussen aanhalingstekens"
        )
    if kind == "merge":
        return f"samenvoegsleutels ('<<') zijn niet toegestaan in gegevensbestanden{times}: schrijf de velden voluit"
    if kind == "complex_key":
        return f"een sleutel moet een enkele tekst of een getal zijn, geen lijst of blok{times}"
    if kind == "null_key":
        return f"een sleutel mag niet leeg zijn{times}: verwacht 'naam: waarde'"
    return _TOO_DEEP


_TOO_DEEP = (
    f"te diep genest: meer dan {MAX_DEPTH} lijsten en blokken in elkaar; controleer de inspringing en de haakjes"
)


# ruamel.yaml and libyaml share PyYAML's wording; the usual problems in Dutch.
_TAB = "tab gevonden: spring in met spaties, niet met tabs"
_PROBLEMS = [
    ("'\\t' that cannot start any token", _TAB),
    ("found a tab character", _TAB),
    (
        "that cannot start any token",
        "dit teken mag niet aan het begin van een waarde staan; zet de tekst tussen aanhalingstekens",
    ),
    (
        "mapping values are not allowed",
        "hier mag geen ': ' staan; zet tekst met een dubbele punt tussen aanhalingstekens, of controleer de "
        "inspringing",
    ),
    ("could not find expected ':'", "verwacht een dubbele punt (':') na de sleutel"),
    ("did not find expected key", "verwacht hier een sleutel ('naam: waarde'); controleer de inspringing"),
    ("did not find expected '-' indicator", "verwacht een lijstitem ('- ') op deze inspringing"),
    ("expected <block end>", "de inspringing klopt niet: deze regel springt anders in dan de regels erboven"),
    (
        "found unexpected end of stream",
        "het bestand houdt op binnen een tekst tussen aanhalingstekens; sluit het aanhalingsteken",
    ),
    ("expected ',' or ']'", "een lijst tussen [ ] is niet gesloten of mist een komma"),
    ("did not find expected ',' or ']'", "een lijst tussen [ ] is niet gesloten of mist een komma"),
    ("expected ',' or '}'", "een blok tussen { } is niet gesloten of mist een komma"),
    ("did not find expected ',' or '}'", "een blok tussen { } is niet gesloten of mist een komma"),
    (
        "found unknown escape character",
        "onbekende \\-code in tekst tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens",
    ),
    ("expected a single document", "het bestand bevat meer dan één document ('---'); verwacht er één"),
    ("but found another document", "het bestand bevat meer dan één document ('---'); verwacht er één"),
    ("found duplicate anchor", "ankers en verwijzingen (&, *) zijn niet toegestaan in gegevensbestanden"),
    ("found undefined alias", "ankers en verwijzingen (&, *) zijn niet toegestaan in gegevensbestanden"),
]


def dutch_problem(problem: str) -> str:
    for english, dutch in _PROBLEMS:
        if english in problem:
            return dutch
    return f"{problem} (controleer inspringing, dubbele punten en aanhalingstekens)"


def syntax_finding(rel: str, exc, text: str = "") -> Finding:
    """A MarkedYAMLError (PyYAML's or ruamel's) as a Dutch finding at its position."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or exc.context or "onbekend probleem").strip()
    if "maximum nesting depth" in problem:  # libyaml's own limit, reached before ours
        return Finding(rel, line, col, _TOO_DEEP, code="te-diep-genest")
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        return Finding(rel, line, col, f"ongeldige YAML-opmaak: {_TAB}", code="yaml-ongeldig")
    return Finding(rel, line, col, f"ongeldige YAML-opmaak: {dutch_problem(problem)}", code="yaml-ongeldig")


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    return lines[line][column : column + 1] if line < len(lines) else ""


def reader_finding(rel: str, text: str, exc) -> Finding:
    """A character YAML does not allow (a control character such as a NUL byte)."""
    position = getattr(exc, "position", 0) or 0
    if yaml.__with_libyaml__:  # libyaml counts bytes of the UTF-8 text, PyYAML characters
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    before = text[:position]
    line = before.count("\n") + 1
    col = position - (before.rfind("\n") + 1) + 1
    char = getattr(exc, "character", None)
    name = (
        f"U+{char:04X}"
        if isinstance(char, int)
        else (f"U+{ord(char):04X}" if isinstance(char, str) and len(char) == 1 else "een stuurteken")
    )
    return Finding(
        rel,
        line,
        col,
        f"ongeldig teken {name} in het bestand: YAML staat geen stuurtekens toe; verwijder het",
        code="teken-ongeldig",
    )
