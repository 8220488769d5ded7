"""Load YAML with ruamel.yaml, keeping the line and column of every node.

This is the only module that reads YAML for validation. It turns a file into
plain Python data plus a map from field path to source position, so that
later stages can report `path:line:col` for any field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from generator.load.findings import Finding
from generator.models.types import FloatText


def _construct_float(constructor: RoundTripConstructor, node) -> FloatText:
    return FloatText(node.value)


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

    def finding(self, loc: tuple, message: str, *, key: bool = False) -> Finding:
        line, col = self.position(loc, key=key)
        return Finding(self.rel, line, col, message)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    yaml.constructor.add_constructor("tag:yaml.org,2002:float", _construct_float)
    return yaml


def _plain(node, loc: tuple, doc: YamlDocument):
    """Convert ruamel's round-trip nodes to plain data, recording positions."""
    if isinstance(node, CommentedMap):
        out = {}
        for k, v in node.items():
            key = _plain_key(k)
            kl, kc = node.lc.key(k)
            vl, vc = node.lc.value(k)
            doc.key_pos[loc + (key,)] = (kl + 1, kc + 1)
            doc.value_pos[loc + (key,)] = (vl + 1, vc + 1)
            out[key] = _plain(v, loc + (key,), doc)
        return out
    if isinstance(node, CommentedSeq):
        out = []
        for i, v in enumerate(node):
            il, ic = node.lc.item(i)
            doc.value_pos[loc + (i,)] = (il + 1, ic + 1)
            out.append(_plain(v, loc + (i,), doc))
        return out
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
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Finding(rel, 1, 1, f"bestand is geen geldige UTF-8-tekst (byte {exc.start})")]
    return parse_ruamel(text, rel)


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
            )
        ]
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = (exc.problem or exc.context or "onbekend probleem").strip()
        return None, [Finding(rel, line, col, f"ongeldige YAML-opmaak: {problem} (controleer inspringing, dubbele punten en aanhalingstekens)")]
    except YAMLError as exc:
        return None, [Finding(rel, 1, 1, f"ongeldige YAML: {exc}")]
    doc = YamlDocument(rel=rel, data=None)
    doc.value_pos[()] = (1, 1)
    doc.data = _plain(node, (), doc)
    if isinstance(node, (CommentedMap, CommentedSeq)):
        doc.value_pos[()] = (node.lc.line + 1, node.lc.col + 1)
    return doc, []


def _quoted_key(problem: str | None) -> str:
    # ruamel words it as: found duplicate key "naam" with value ...
    if problem and '"' in problem:
        return "'" + problem.split('"')[1] + "'"
    return "in mapping"
