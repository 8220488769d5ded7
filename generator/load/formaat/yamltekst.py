"""Edit the text of a YAML file at the positions of its nodes; every other byte stays.

ruamel's round-trip dumper keeps comments and key order, but re-indents and re-spaces
hand formatting (`key:   value`, unindented sequences, flow maps). A migration must
change only what changed in the format, so `YamlTekst` composes the file once (ruamel's
composer gives every node's start and end), collects edits against those positions and
applies them back to front. New text follows the file's own indentation: the step of
its nested mappings and the indent of its sequences.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.util.errors import DvoError

# A string that needs no quotes: starts with a letter, no ': ' or ' #', nothing YAML reads as another type.
_PLAIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9 .,'()/&+-]*")
_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


class TekstFout(DvoError, ValueError):
    """The file's shape does not allow an edit a migration needs; the message is Dutch."""


def scalar(value: object) -> str:
    """A Python value as YAML scalar text (strings quoted only when they must be)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS and not text.endswith((" ", ":")):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def entry_of(mapping: Node | None, key: object) -> tuple[ScalarNode, Node] | None:
    """(key node, value node) of `key` in a mapping node (keys compared as text), or None."""
    if not isinstance(mapping, MappingNode):
        return None
    return next(((k, v) for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == str(key)), None)


def text_of(node: Node | None) -> str | None:
    return node.value if isinstance(node, ScalarNode) else None


class YamlTekst:
    """One file's text, its composed node tree, and the edits collected so far."""

    def __init__(self, text: str, rel: str):
        self.rel = rel
        self.text = text
        try:
            self.root = YAML().compose(text) if text.strip() else None
        except YAMLError as exc:
            raise TekstFout(
                f"{rel} is geen geldige YAML en kan niet worden bijgewerkt: {str(exc).splitlines()[0]}"
            ) from None
        self._edits: list[tuple[int, int, int, str]] = []  # start, end, order of arrival, new text

    # --- reading -----------------------------------------------------------------------------

    def at(self, *path: object) -> Node | None:
        """The node at a path of keys and list indexes, or None."""
        node = self.root
        for part in path:
            if isinstance(part, int) and isinstance(node, SequenceNode):
                node = node.value[part] if part < len(node.value) else None
            else:
                found = entry_of(node, part)
                node = found[1] if found else None
            if node is None:
                return None
        return node

    def line(self, node: Node) -> int:
        return node.start_mark.line + 1

    @property
    def step(self) -> int:
        """The indentation step of nested block mappings (2 when the file has none)."""
        for parent, child in self._nested_pairs():
            if isinstance(child, MappingNode) and not child.flow_style and child.value:
                return max(1, child.value[0][0].start_mark.column - parent)
        return 2

    @property
    def seq_indent(self) -> int:
        """How far a block sequence's dash sits right of its key (0 or the step)."""
        for parent, child in self._nested_pairs():
            if isinstance(child, SequenceNode) and not child.flow_style and child.value:
                return max(0, child.start_mark.column - parent)
        return self.step

    @property
    def dash_gap(self) -> int:
        """Columns from a dash to its item's text: 2 for `- item`, 4 for `-   item`."""
        for _, child in self._nested_pairs():
            if isinstance(child, SequenceNode) and not child.flow_style and child.value:
                return max(2, child.value[0].start_mark.column - child.start_mark.column)
        return 2

    def _nested_pairs(self):
        """(column of a mapping's keys, value node) for every block mapping entry, in document order."""
        todo = [self.root]
        while todo:
            node = todo.pop(0)
            if isinstance(node, MappingNode) and not node.flow_style:
                for k, v in node.value:
                    yield k.start_mark.column, v
                    todo.append(v)
            elif isinstance(node, SequenceNode):
                todo.extend(node.value)

    # --- positions -----------------------------------------------------------------------------

    def _line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def _line_end(self, index: int) -> int:
        """End of the line on which a node ending at `index` ends (a block scalar includes its newline)."""
        if index > 0 and self.text[index - 1] == "\n":
            return index - 1
        end = self.text.find("\n", index)
        return len(self.text) if end < 0 else end

    @staticmethod
    def _last_scalar_end(node: Node) -> int:
        """Index just after the last character of the entry's content (before any comment lines)."""
        while isinstance(node, (MappingNode, SequenceNode)) and node.value and not node.flow_style:
            last = node.value[-1]
            node = last[1] if isinstance(node, MappingNode) else last
        return node.end_mark.index

    def _content_end(self, node: Node) -> int:
        end = self._last_scalar_end(node)
        while end > 0 and self.text[end - 1] in " \n":  # a block scalar's trailing blank lines
            end -= 1
        return self._line_end(end)

    # --- edits ----------------------------------------------------------------------------------

    def _edit(self, start: int, end: int, new: str) -> None:
        self._edits.append((start, end, len(self._edits), new))

    def replace(self, node: Node, new: str) -> None:
        """Replace a scalar node's text (a key or a value)."""
        self._edit(node.start_mark.index, node.end_mark.index, new)

    def insert(self, index: int, new: str) -> None:
        """Insert text at an index; several inserts at one place keep the order they were made in."""
        self._edit(index, index, new)

    def remove_entry(self, mapping: MappingNode, key: str) -> None:
        """Delete an entry's lines, from its key to the end of its value (with its own comment)."""
        found = entry_of(mapping, key)
        if found is None:
            return
        k, v = found
        start, end = self._line_start(k.start_mark.index), self._content_end(v)
        self._edit(start, min(end + 1, len(self.text)), "")

    def block(self, value: object, indent: int) -> list[str]:
        """A value as block YAML lines at `indent`, in the file's own style."""
        pad = " " * indent
        if isinstance(value, dict):
            lines = []
            for k, v in value.items():
                if isinstance(v, (dict, list)) and v:
                    inner = indent + (self.seq_indent if isinstance(v, list) else self.step)
                    lines += [f"{pad}{k}:", *self.block(v, inner)]
                else:
                    lines.append(f"{pad}{k}: {self._leaf(v)}")
            return lines
        if isinstance(value, list):
            gap = self.dash_gap
            lines = []
            for item in value:
                sub = self.block(item, indent + gap) if isinstance(item, (dict, list)) else [self._leaf(item)]
                lines.append(f"{pad}-{' ' * (gap - 1)}{sub[0].lstrip()}")
                lines += sub[1:]
            return lines
        return [f"{pad}{self._leaf(value)}"]

    @staticmethod
    def _leaf(value: object) -> str:
        if isinstance(value, Bron):
            return value.text
        if isinstance(value, dict):
            return "{}"
        if isinstance(value, list):
            return "[]"
        return scalar(value)

    def _key_column(self, mapping: MappingNode) -> int:
        return mapping.value[0][0].start_mark.column

    def add_entry(
        self,
        mapping: MappingNode,
        key: str,
        value: object,
        *,
        after: str | None = None,
        before: str | None = None,
        comment: str | None = None,
        blank_line: bool = False,
    ) -> None:
        """Add `key: value` to a block mapping: after the entry `after`, or on the line of the entry
        `before` (below the comment lines above it), else at the end. A `comment` goes on the key's line."""
        if not isinstance(mapping, MappingNode) or not mapping.value:
            raise TekstFout(f"{self.rel}: verwacht een blok met velden om '{key}' aan toe te voegen")
        if mapping.flow_style:
            if isinstance(value, (dict, list)):
                raise TekstFout(
                    f"{self.rel}:{mapping.start_mark.line + 1}: dit blok staat op één regel ({{...}}); schrijf "
                    f"het uit over meer regels, dan kan '{key}' worden toegevoegd"
                )
            self.insert(mapping.value[-1][1].end_mark.index, f", {key}: {self._leaf(value)}")
            return
        column = self._key_column(mapping)
        suffix = f"  # {comment}" if comment else ""
        if isinstance(value, (dict, list)) and value:
            inner = column + (self.seq_indent if isinstance(value, list) else self.step)
            lines = [f"{' ' * column}{key}:{suffix}", *self.block(value, inner)]
        else:
            lines = [f"{' ' * column}{key}: {self._leaf(value)}{suffix}"]
        target = entry_of(mapping, before) if before else None
        if target is not None:
            pos = self._line_start(target[0].start_mark.index)
            self.insert(pos, "\n".join(lines) + "\n" + ("\n" if blank_line else ""))
            return
        anchor = entry_of(mapping, after) if after else None
        last = anchor[1] if anchor else mapping.value[-1][1]
        pos = self._content_end(last)
        self.insert(pos, ("\n" if blank_line else "") + "\n" + "\n".join(lines))

    def append_item(self, seq: SequenceNode, value: object) -> None:
        """Add an item at the end of a block sequence, at the indent of its dashes."""
        if seq.flow_style or not seq.value:
            raise TekstFout(f"{self.rel}:{seq.start_mark.line + 1}: verwacht een lijst met regels die met '-' beginnen")
        self.insert(self._content_end(seq), "\n" + "\n".join(self.block([value], seq.start_mark.column)))

    def replace_span(self, start: int, end: int, new: str) -> None:
        self._edit(start, end, new)

    def line_start(self, index: int) -> int:
        return self._line_start(index)

    def result(self) -> str:
        """The text with every edit applied (back to front, so earlier positions stay valid)."""
        text = self.text
        last_start = None
        for start, end, _, new in sorted(self._edits, reverse=True):
            if last_start is not None and end > last_start:
                raise TekstFout(f"{self.rel}: twee wijzigingen overlappen (intern: {start}-{end})")
            text = text[:start] + new + text[end:]
            last_start = start
        return text


class Bron:
    """A scalar's source text, kept as written (quotes and all) when it moves to a new place."""

    def __init__(self, text: str):
        self.text = text

    @classmethod
    def of(cls, tekst: YamlTekst, node: ScalarNode) -> object:
        """The node's own text when it is a one-line scalar; otherwise its value."""
        source = tekst.text[node.start_mark.index : node.end_mark.index]
        if node.style in ("|", ">") or "\n" in source:
            return node.value
        return cls(source)
