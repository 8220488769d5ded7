"""The fast path of YAML loading: libyaml (C) parses, the result is ruamel's to the byte.

ruamel.yaml is pure Python: reading 342 gemeente files takes over ten seconds. libyaml,
through PyYAML's CSafeLoader, composes the same node tree with the same line and column
marks some forty times faster. This module turns that tree into exactly what
`yamlsource._plain` makes of ruamel's: the same plain data, the same value types, the
same positions. Each plain scalar's type is decided by ruamel's own resolver, so the
two paths cannot disagree on what a value is.

It only takes the plain road. Whatever could lead to a finding at parse time or needs
ruamel's own handling returns None, and the caller parses that file with ruamel, which
reports exactly as before: a syntax error, a duplicate key, a directive, an explicit tag,
an anchor used twice, a merge key, a non-scalar key, a timestamp with a time or a date
that does not exist, an integer written other than in plain decimals or too long for
int(), or anything else unexpected.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import yaml
from ruamel.yaml.resolver import VersionedResolver

from generator.models.types import FloatText
from generator.util.errors import DvoError

_STR = "tag:yaml.org,2002:str"
# Tags the composer gives nodes that have none in the text: any other tag was written.
_PLAIN, _TEXT, _SEQ, _MAP = "!fast-plain", "!fast-text", "!fast-seq", "!fast-map"
_DECIMAL = re.compile(r"[-+]?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _Composer(yaml.CSafeLoader):
    """libyaml's parser, typing nothing: untagged nodes get the tags above (libyaml asks
    `resolve` only for nodes without a tag), so an explicit tag such as !!str stands out."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _TEXT
        return _SEQ if kind is yaml.SequenceNode else _MAP


class NotPlain(DvoError):
    """This file needs ruamel: the fast path does not decide about it. Internal: always
    caught by yamlsource, which then parses with ruamel."""


# ruamel's YAML 1.2 implicit resolvers: first character (None: any) -> [(tag, regexp)].
# Read once from ruamel's own table; asking its resolve() per scalar costs more than the
# parse, because it looks up the YAML version of the loader on every call.
_IMPLICIT = VersionedResolver().versioned_resolver


@lru_cache(maxsize=65536)
def _implicit_tag(value: str) -> str:
    """The tag ruamel's resolver gives a plain, non-empty scalar, by the same rules in the
    same order as VersionedResolver.resolve (values repeat a lot, hence the cache)."""
    for tag, regexp in (*_IMPLICIT.get(value[0], ()), *_IMPLICIT.get(None, ())):
        if regexp.match(value):
            return str(tag)
    return _STR


def _scalar(node: yaml.ScalarNode):
    """The value ruamel's round-trip loader plus `yamlsource._plain` make of a scalar."""
    if node.tag == _TEXT:  # quoted or block: always text
        return node.value
    if node.tag != _PLAIN:
        raise NotPlain
    value = node.value
    if not value:
        raise NotPlain  # an empty value: ruamel places it at the next token
    tag = _implicit_tag(value)
    if tag == _STR:
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:int" and _DECIMAL.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # more digits than int() takes: yamlsource keeps it as text
            raise NotPlain from None
    if tag == "tag:yaml.org,2002:float" and "_" not in value:
        return FloatText(value)
    if tag == "tag:yaml.org,2002:timestamp" and _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:  # no such date (2015-13-45): yamlsource keeps the text
            raise NotPlain from None
    raise NotPlain


def _key(node) -> object:
    if not isinstance(node, yaml.ScalarNode):
        raise NotPlain  # a mapping or list as key
    key = _scalar(node)
    if isinstance(key, FloatText):
        return str(key)
    if key is None or isinstance(key, dt.date):
        raise NotPlain
    return key


def _position(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _plain(node, loc: tuple, doc, seen: set[int]):
    if id(node) in seen:
        raise NotPlain  # an alias: ruamel resolves it its own way
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            raise NotPlain
        out = {}
        for key_node, value_node in node.value:
            key = _key(key_node)
            if key in out:
                raise NotPlain  # a duplicate key: ruamel reports it, with both lines
            doc.key_pos[loc + (key,)] = _position(key_node)
            doc.value_pos[loc + (key,)] = _position(value_node)
            out[key] = _plain(value_node, loc + (key,), doc, seen)
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            raise NotPlain
        items = []
        for i, item in enumerate(node.value):
            doc.value_pos[loc + (i,)] = _position(item)
            items.append(_plain(item, loc + (i,), doc, seen))
        return items
    return _scalar(node)


def load_plain(text: str, doc) -> bool:
    """Fill `doc` (a yamlsource.YamlDocument) from `text` and return True, or return False
    (leaving `doc` untouched) when the file should go through ruamel instead."""
    if text.lstrip("\ufeff").startswith("%") or "\n%" in text:
        return False  # a %YAML or %TAG directive changes how scalars resolve
    try:
        root = yaml.compose(text, Loader=_Composer)
    except yaml.YAMLError:
        return False
    if not isinstance(root, (yaml.MappingNode, yaml.SequenceNode)):
        return False
    value_pos: dict[tuple, tuple[int, int]] = {}
    key_pos: dict[tuple, tuple[int, int]] = {}
    scratch = type(doc)(rel=doc.rel, data=None, value_pos=value_pos, key_pos=key_pos)
    try:
        data = _plain(root, (), scratch, set())
    except NotPlain:
        return False
    doc.data = data
    doc.value_pos.update(value_pos)
    doc.value_pos[()] = _position(root)
    doc.key_pos.update(key_pos)
    return True
