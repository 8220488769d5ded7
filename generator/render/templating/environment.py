"""The Jinja2 environment: autoescape on, StrictUndefined, Dutch formatting filters.

Templates format; they never compute money and never read YAML.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, StrictUndefined
from markupsafe import Markup, escape

from generator.models import kinds
from generator.render.templating.search_path import ContainedLoader
from generator.util import formatting


class _CompiledTemplates(FileSystemBytecodeCache):
    """Compiled templates kept between builds: compiling is a fifth of a build in which
    nothing changed. Jinja checks every entry against its template's source and writes
    atomically; one that cannot be written costs time, never the build. Read-only until
    the build holds its lock, so a refused build writes nothing."""

    writable = False

    def dump_bytecode(self, bucket) -> None:
        if not self.writable:
            return
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


_compiled: _CompiledTemplates | None = None


def _fresh_environments() -> None:
    environment.cache_clear()
    markdown_environment.cache_clear()


def keep_compiled_templates(directory: Path) -> None:
    """Use the compiled templates in `directory` (the build's staging cache) from now on."""
    global _compiled
    _compiled = _CompiledTemplates(str(directory))
    _fresh_environments()


def store_compiled_templates() -> None:
    """The build holds its lock: templates compiled from now on are stored (fresh
    environments, so those compiled before the lock are stored too)."""
    if _compiled is not None and not _compiled.writable:
        _compiled.writable = True
        _fresh_environments()


@lru_cache(maxsize=4)
def environment(template_dirs: tuple[Path, ...]) -> Environment:
    """`template_dirs` in search order: a region's overrides, then the package (see templates.py)."""
    env = Environment(
        loader=ContainedLoader(template_dirs),
        bytecode_cache=_compiled,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["euro"] = lambda v: formatting.euro(v, nbsp=True)
    env.filters["getal"] = lambda v, d=None: formatting.number(v, decimals=d)
    env.filters["procent"] = formatting.percentage
    env.filters["datum"] = formatting.date_long
    env.filters["kpi"] = lambda v, e: kinds.eenheid(e).tekst(v)  # a KPI value in its unit (models/kinds.EENHEDEN)
    env.filters["kpi_verschil"] = lambda v, e: kinds.eenheid(e).verschil(v)  # a change of one: "+0,4 %-punt"
    env.filters["prestatie"] = kinds.prestatie_tekst  # an Oordeel's prestatie: "88,2%", "+0,9 punt"
    return env


def render(template_dirs: tuple[Path, ...], name: str, **context) -> str:
    return environment(template_dirs).get_template(name).render(**context)


_MD_SPECIAL = {c: "\\" + c for c in "\\`*_{}[]#|!"}
_MD_SPECIAL.update({"<": "&lt;", ">": "&gt;", "&": "&amp;", "\n": " ", "\r": " "})
_MD_TABLE = str.maketrans(_MD_SPECIAL)


def md_escape(value) -> str:
    """Text from YAML as literal Markdown: no emphasis, links, HTML or attribute lists."""
    if isinstance(value, Markup):
        return str(value)
    return str(value).translate(_MD_TABLE)


@lru_cache(maxsize=4)
def markdown_environment(template_dirs: tuple[Path, ...]) -> Environment:
    """For generated site pages: every `{{ value }}` is escaped as Markdown unless marked safe."""
    env = Environment(
        loader=ContainedLoader(template_dirs),
        bytecode_cache=_compiled,
        autoescape=False,  # HTML escaping is wrong for Markdown; md_escape does the job
        finalize=md_escape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(environment(template_dirs).filters)
    env.filters["pad"] = link_target
    env.filters["html"] = escape  # text inside a raw HTML block of a page: HTML-escaped, not Markdown
    return env


_LINK = re.compile(r"[A-Za-z0-9._/#-]+")


def link_target(path: str) -> Markup:
    """A link target we built from ids and slugs; anything else is a bug, not data to escape."""
    if not _LINK.fullmatch(path):
        raise ValueError(f"ongeldig linkdoel: {path!r}")
    return Markup(path)
