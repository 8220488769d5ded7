"""Load YAML, keeping the line and column of every node.

This is the only module that reads YAML for validation. It turns a file into
plain Python data plus a map from field path to source position, so that
later stages can report `path:line:col` for any field. First bounds.py checks
a file's size and structure (no aliases, tags, deep nesting) and reports what
it refuses. Then fastyaml.py composes it with libyaml (C) and gives the same
data and positions as ruamel; a file it does not decide about (anything that
could be a finding at parse time) goes through ruamel.yaml, which reports it
exactly as before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from generator.load.bounds import TooLarge, read_limited, reader_finding, structure_problems, syntax_finding
from generator.load.fastyaml import load_plain
from generator.load.findings import Finding
from generator.models.types import FloatText
from generator.util.oserrors import os_reason


def _construct_float(constructor: RoundTripConstructor, node) -> FloatText:
    return FloatText(node.value)


def _construct_int(constructor: RoundTripConstructor, node):
    # An integer longer than Python's int() accepts (4300 digits) stays text, so
    # the money and count types refuse it with a message instead of a ValueError.
    try:
        return RoundTripConstructor.construct_yaml_int(constructor, node)
    except ValueError:
        return FloatText(node.value)


def _construct_timestamp(constructor: RoundTripConstructor, node):
    # `2015-13-45` looks like a date to YAML but is none: keep the text, so the
    # date field reports "verwacht een datum ..., gevonden '2015-13-45'".
    try:
        return RoundTripConstructor.construct_yaml_timestamp(constructor, node)
    except (ValueError, OverflowError):
        return str(node.value)


Position = tuple[int, int]  # 1-based line, column


@dataclass
class YamlDocument:
    rel: str  # path shown in findings
    data: object
    value_pos: dict[tuple, Position] = field(default_factory=dict)
    key_pos: dict[tuple, Position] = field(default_factory=dict)

    def position(self, loc: tuple, *, key: bool = False) -> Position:
        """Best position for a field path: the node itself, else its nearest parent."""
        loc = tuple(loc)
        if key and loc in self.key_pos:
            return self.key_pos[loc]
        while loc:
            if loc in self.value_pos:
                return self.value_pos[loc]
            if loc in self.key_pos:
                return self.key_pos[loc]
            loc = loc[:-1]
        return self.value_pos.get((), (1, 1))

    def finding(self, loc: tuple, message: str, *, code: str, key: bool = False) -> Finding:
        line, col = self.position(loc, key=key)
        return Finding(self.rel, line, col, message, code=code)


class _Constructor(RoundTripConstructor):
    """ruamel's round-trip constructor with our number and date handling.

    A subclass, because add_constructor changes the class it is called on: on
    RoundTripConstructor itself it would change every YAML(typ="rt") in the process.
    """


_Constructor.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Constructor.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.Constructor = _Constructor
    return yaml


def _at(getter, key, fallback: Position) -> Position:
    """1-based position of a child from ruamel's 0-based line/col data; the parent's when unknown."""
    try:
        line, col = getter(key)
    except (TypeError, KeyError, IndexError, AttributeError):
        return fallback
    return line + 1, col + 1


def _plain(node, loc: tuple, doc: YamlDocument):
    """Convert ruamel's round-trip nodes to plain data, recording positions."""
    here = doc.position(loc)
    if isinstance(node, CommentedMap):
        out = {}
        for k, v in node.items():
            key = _plain_key(k)
            doc.key_pos[loc + (key,)] = _at(node.lc.key, k, here)
            doc.value_pos[loc + (key,)] = _at(node.lc.value, k, here)
            out[key] = _plain(v, loc + (key,), doc)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, v in enumerate(node):
            doc.value_pos[loc + (i,)] = _at(node.lc.item, i, here)
            items.append(_plain(v, loc + (i,), doc))
        return items
    if isinstance(node, FloatText):
        return FloatText(str(node))
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, dt.datetime):
        return node
    if isinstance(node, dt.date):
        return dt.date(node.year, node.month, node.day)
    if isinstance(node, str):
        return str(node)
    return node


def _plain_key(key):
    if isinstance(key, bool):
        return key
    if isinstance(key, int):
        return int(key)
    if isinstance(key, FloatText):
        return str(key)
    return str(key) if isinstance(key, str) else key


def load_yaml(path: Path, rel: str) -> tuple[YamlDocument | None, list[Finding]]:
    """Parse one file. Returns the document, or None with findings when it cannot be parsed."""
    try:
        raw = read_limited(path, rel)
    except TooLarge as exc:
        return None, [exc.finding]
    except OSError as exc:
        return None, [Finding(rel, 1, 1, f"bestand is niet te lezen: {os_reason(exc)}", code="bestand-onleesbaar")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(rel, raw, exc)]
    problems = structure_problems(text, rel)
    if problems:
        return None, problems
    doc = YamlDocument(rel=rel, data=None)
    if load_plain(text, doc):  # libyaml: same data and positions, many times faster
        return doc, []
    return parse_ruamel(text, rel)  # anything the fast path does not decide about


def parse_ruamel(text: str, rel: str) -> tuple[YamlDocument | None, list[Finding]]:
    """Parse YAML text with ruamel, positions kept; every parse problem becomes a finding."""
    try:
        node = _yaml().load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        first = exc.context_mark
        name = _quoted_key(exc.problem)
        return None, [
            Finding(
                rel,
                mark.line + 1,
                mark.column + 1,
                f"dubbele sleutel {name}: elke sleutel mag maar één keer voorkomen "
                f"(eerste keer in het blok vanaf regel {first.line + 1})",
                code="sleutel-dubbel",
            )
        ]
    except MarkedYAMLError as exc:
        return None, [syntax_finding(rel, exc, text)]
    except YAMLError as exc:
        return None, [reader_finding(rel, text, exc)]
    doc = YamlDocument(rel=rel, data=None)
    doc.value_pos[()] = (1, 1)
    if isinstance(node, (CommentedMap, CommentedSeq)):
        doc.value_pos[()] = (node.lc.line + 1, node.lc.col + 1)
    doc.data = _plain(node, (), doc)
    return doc, []


def _not_utf8(rel: str, raw: bytes, exc: UnicodeDecodeError) -> Finding:
    """Where the first byte that is not UTF-8 sits, as line and column."""
    line_start = raw.rfind(b"\n", 0, exc.start) + 1
    line = raw.count(b"\n", 0, exc.start) + 1
    col = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
    return Finding(
        rel,
        line,
        col,
        f"bestand is geen geldige UTF-8-tekst: byte 0x{raw[exc.start]:02X} hoort niet in UTF-8 "
        "(opgeslagen als Windows-1252 of Latin-1?); sla het bestand op als UTF-8",
        code="tekenset-ongeldig",
    )


def _quoted_key(problem: str | None) -> str:
    # ruamel words it as: found duplicate key "naam" with value ...
    if problem and '"' in problem:
        return "'" + problem.split('"')[1] + "'"
    return "in mapping"
