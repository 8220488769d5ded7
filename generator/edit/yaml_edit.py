"""Set one realisatie in a gemeente file, changing only the bytes of that value.

ruamel.yaml's round-trip dumper keeps comments and key order, but re-indents and
re-spaces whatever it writes back (`key:   value`, odd sequence indents, flow
spacing). Policy staff format files by hand, so we use ruamel's composer for the
exact position of every node and splice the new text in at that position: every
byte outside the changed value stays as it was. The caller re-reads the result
to check that exactly the intended value changed.
"""

from __future__ import annotations

from ruamel.yaml import YAML
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.util.errors import DvoError


class EditError(DvoError, ValueError):
    """The file's shape does not allow this edit; the message is Dutch."""


def _get(mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
    return next(((k, v) for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == key), None)


def _last_scalar_end(node: Node) -> int:
    """Index just after the last character of the deepest last scalar (before any comment lines)."""
    while isinstance(node, (MappingNode, SequenceNode)) and node.value and not node.flow_style:
        last = node.value[-1]
        node = last[1] if isinstance(node, MappingNode) else last
    return node.end_mark.index


def _line_end(text: str, index: int) -> int:
    """End of the line on which the node ending at `index` ends (block scalars include their newline)."""
    if index > 0 and text[index - 1] == "\n":
        return index - 1
    end = text.find("\n", index)
    return len(text) if end < 0 else end


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _step(item: MappingNode) -> int:
    """The file's indentation step, read from a nested block mapping (2 when none)."""
    base = item.value[0][0].start_mark.column
    for _, value in item.value:
        if isinstance(value, MappingNode) and value.value and not value.flow_style:
            return max(1, value.value[0][0].start_mark.column - base)
    return 2


def _block_value(indent: str, waarde: str, noemer: str | None) -> str:
    if noemer is None:
        return f" {waarde}"
    return f"\n{indent}waarde: {waarde}\n{indent}noemer: {noemer}"


def _indicator_item(text: str, indicator: str) -> MappingNode:
    """The block of prestatie_indicatoren whose `indicator` is this id, written as a block."""
    root = YAML().compose(text)
    items = _get(root, "prestatie_indicatoren") if isinstance(root, MappingNode) else None
    if items is None or not isinstance(items[1], SequenceNode):
        raise EditError("het bestand heeft geen lijst prestatie_indicatoren")
    item = next(
        (
            n
            for n in items[1].value
            if isinstance(n, MappingNode) and (f := _get(n, "indicator")) and f[1].value == indicator
        ),
        None,
    )
    if item is None:
        raise EditError(f"de gemeente heeft geen prestatie-indicator '{indicator}'")
    if item.flow_style:
        raise EditError(
            f"de prestatie-indicator '{indicator}' staat op één regel ({{...}}); schrijf hem als blok om te "
            "kunnen importeren"
        )
    return item


def set_realisatie(text: str, indicator: str, key: str, waarde: str, noemer: str | None, *, after) -> str:
    """Return `text` with realisaties[key] of `indicator` set; `after(a, b)` orders period keys."""
    item = _indicator_item(text, indicator)
    step = _step(item)
    found = _get(item, "realisaties")
    if found is None:
        indent = " " * item.value[0][0].start_mark.column
        inner = indent + " " * step
        pos = _line_end(text, _last_scalar_end(item))
        return _splice(
            text, pos, pos, f"\n{indent}realisaties:\n{inner}{key}:{_block_value(inner + ' ' * step, waarde, noemer)}"
        )
    real_key, real = found
    if not isinstance(real, MappingNode):
        raise EditError(f"realisaties van '{indicator}' is geen blok met perioden")
    if real.flow_style:
        return _set_in_flow(text, real, key, waarde, noemer)
    entry = _get(real, key)
    if entry is not None:
        return _replace_block_entry(text, entry, waarde, noemer, step)
    indent = " " * (real.value[0][0].start_mark.column if real.value else real_key.start_mark.column + step)
    later = next((k for k, _ in real.value if after(k.value, key)), None)
    if later is not None:
        pos = _line_start(text, later.start_mark.index)
        return _splice(text, pos, pos, f"{indent}{key}:{_block_value(indent + ' ' * step, waarde, noemer)}\n")
    pos = _line_end(text, _last_scalar_end(real))
    return _splice(text, pos, pos, f"\n{indent}{key}:{_block_value(indent + ' ' * step, waarde, noemer)}")


def _replace_block_entry(text: str, entry: tuple[Node, Node], waarde: str, noemer: str | None, step: int) -> str:
    key_node, value = entry
    if isinstance(value, ScalarNode):
        if noemer is None:
            return _splice(text, value.start_mark.index, value.end_mark.index, waarde)
        indent = " " * (key_node.start_mark.column + step)
        return _splice(text, key_node.end_mark.index, value.end_mark.index, ":" + _block_value(indent, waarde, noemer))
    if not isinstance(value, MappingNode) or (waarde_entry := _get(value, "waarde")) is None:
        raise EditError(f"realisatie '{key_node.value}' is geen getal en geen blok met waarde en noemer")
    w_key, w_value = waarde_entry
    n = _get(value, "noemer")
    edits = [(w_value.start_mark.index, w_value.end_mark.index, waarde)]
    if noemer is not None and n is not None:
        edits.append((n[1].start_mark.index, n[1].end_mark.index, noemer))
    elif noemer is not None and value.flow_style:
        close = value.end_mark.index - 1
        edits.append((close, close, f", noemer: {noemer}"))
    elif noemer is not None:
        pos = _line_end(text, w_value.end_mark.index)
        edits.append((pos, pos, f"\n{' ' * w_key.start_mark.column}noemer: {noemer}"))
    for start, end, new in sorted(edits, reverse=True):  # back to front: earlier indices stay valid
        text = _splice(text, start, end, new)
    return text


def _set_in_flow(text: str, real: MappingNode, key: str, waarde: str, noemer: str | None) -> str:
    flow = waarde if noemer is None else f"{{waarde: {waarde}, noemer: {noemer}}}"
    entry = _get(real, key)
    if entry is not None:
        _, value = entry
        if isinstance(value, MappingNode):
            return _replace_block_entry(text, entry, waarde, noemer, 2)
        return _splice(text, value.start_mark.index, value.end_mark.index, flow)
    close = real.end_mark.index - 1
    if text[close] != "}":
        raise EditError("realisaties op één regel zonder afsluitende '}'")
    if not real.value:
        return _splice(text, close, close, f"{key}: {flow}")
    pos = real.value[-1][1].end_mark.index  # right after the last value: "{a: 1, b: 2}" keeps its spacing
    return _splice(text, pos, pos, f", {key}: {flow}")


def set_scalar(text: str, path: tuple, key: str, value: str) -> str:
    """Return `text` with `key: value` set in the block mapping at `path` (keys and list indexes).

    An existing plain value is replaced in place; a missing key becomes a new line
    after the mapping's last line, at the mapping's indentation."""
    node = YAML().compose(text)
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, SequenceNode) or part >= len(node.value):
                raise EditError(f"verwacht een lijst met ten minste {part + 1} regels bij '{part}'")
            node = node.value[part]
        else:
            found = _get(node, part) if isinstance(node, MappingNode) else None
            if found is None:
                raise EditError(f"veld '{part}' ontbreekt")
            node = found[1]
    if not isinstance(node, MappingNode) or node.flow_style or not node.value:
        raise EditError("verwacht een blok met velden (sleutel: waarde), elk op een eigen regel")
    existing = _get(node, key)
    if existing is not None:
        if not isinstance(existing[1], ScalarNode):
            raise EditError(f"'{key}' is geen enkele waarde")
        return _splice(text, existing[1].start_mark.index, existing[1].end_mark.index, value)
    indent = " " * node.value[0][0].start_mark.column
    # A block scalar (`>-`) ends after the blank lines that follow it: step back over them.
    end = _last_scalar_end(node)
    while end > 0 and text[end - 1] in " \n":
        end -= 1
    pos = _line_end(text, end)
    return _splice(text, pos, pos, f"\n{indent}{key}: {value}")


def _nested_block(indent: str, step: int, path: tuple[str, ...], value: str) -> str:
    """`path: value` as block text at `indent`, one line per level: "categorieen:\n  jongeren: 4"."""
    out, current = [], indent
    for part in path[:-1]:
        out.append(f"{current}{part}:")
        current += " " * step
    out.append(f"{current}{path[-1]}: {value}")
    return "\n".join(out)


def _nested_flow(path: tuple[str, ...], value: str) -> str:
    text = value
    for part in reversed(path[1:]):
        text = f"{{{part}: {text}}}"
    return f"{path[0]}: {text}"


def _set_in_mapping(text: str, node: MappingNode, path: tuple[str, ...], value: str, step: int) -> str:
    """Set the scalar at `path` below `node`, creating the mappings on the way; only the bytes of
    that value (or of the new lines) change."""
    found = _get(node, path[0])
    if found is not None:
        _, child = found
        if len(path) == 1:
            if not isinstance(child, ScalarNode):
                raise EditError(f"'{path[0]}' is geen enkele waarde")
            return _splice(text, child.start_mark.index, child.end_mark.index, value)
        if not isinstance(child, MappingNode):
            raise EditError(f"'{path[0]}' is geen blok")
        return _set_in_mapping(text, child, path[1:], value, step)
    if node.flow_style:
        close = node.end_mark.index - 1
        if text[close] != "}":
            raise EditError("een blok op één regel zonder afsluitende '}'")
        if not node.value:
            return _splice(text, close, close, _nested_flow(path, value))
        pos = node.value[-1][1].end_mark.index
        return _splice(text, pos, pos, ", " + _nested_flow(path, value))
    if not node.value:
        raise EditError("een leeg blok")
    indent = " " * node.value[0][0].start_mark.column
    pos = _line_end(text, _last_scalar_end(node))
    return _splice(text, pos, pos, "\n" + _nested_block(indent, step, path, value))


def set_realisatie_deel(text: str, indicator: str, key: str, path: tuple[str, ...], value: str, *, after) -> str:
    """Return `text` with one count inside realisaties[key] of `indicator` set: a category
    (`("categorieen", "jongeren")`) or an overgang (`("overgangen", "3", "4")`). A realisatie
    written as a plain number becomes a block with that number as its `waarde`."""
    item = _indicator_item(text, indicator)
    step = _step(item)
    found = _get(item, "realisaties")
    if found is None:
        indent = " " * item.value[0][0].start_mark.column
        inner = indent + " " * step
        pos = _line_end(text, _last_scalar_end(item))
        return _splice(
            text,
            pos,
            pos,
            f"\n{indent}realisaties:\n{inner}{key}:\n" + _nested_block(inner + " " * step, step, path, value),
        )
    real_key, real = found
    if not isinstance(real, MappingNode):
        raise EditError(f"realisaties van '{indicator}' is geen blok met perioden")
    entry = _get(real, key)
    if entry is None:
        if real.flow_style:
            return _set_in_mapping(text, real, (key, *path), value, step)
        indent = " " * (real.value[0][0].start_mark.column if real.value else real_key.start_mark.column + step)
        block = f"{indent}{key}:\n" + _nested_block(indent + " " * step, step, path, value)
        later = next((k for k, _ in real.value if after(k.value, key)), None)
        if later is not None:
            pos = _line_start(text, later.start_mark.index)
            return _splice(text, pos, pos, block + "\n")
        pos = _line_end(text, _last_scalar_end(real))
        return _splice(text, pos, pos, "\n" + block)
    key_node, node = entry
    if isinstance(node, ScalarNode):
        if real.flow_style:
            flow = f"{{waarde: {node.value}, {_nested_flow(path, value)}}}"
            return _splice(text, node.start_mark.index, node.end_mark.index, flow)
        indent = " " * (key_node.start_mark.column + step)
        new = f":\n{indent}waarde: {node.value}\n" + _nested_block(indent, step, path, value)
        return _splice(text, key_node.end_mark.index, node.end_mark.index, new)
    if not isinstance(node, MappingNode):
        raise EditError(f"realisatie '{key}' is geen getal en geen blok")
    return _set_in_mapping(text, node, path, value, step)
