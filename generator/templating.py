"""The Jinja2 environment: autoescape on, StrictUndefined, Dutch formatting filters.

Templates format; they never compute money and never read YAML.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator import formatting


@lru_cache(maxsize=4)
def environment(template_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(template_dir)),
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
    env.filters["kpi"] = formatting.kpi_value
    return env


def render(template_dir: Path, name: str, **context) -> str:
    return environment(template_dir).get_template(name).render(**context)
