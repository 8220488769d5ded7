"""The mkdocs configuration the site is built with: the region's mkdocs.yml plus its navigation.

A region's `mkdocs.yml` stays plain and hand-written (no hooks, no plugins that
generate pages), so Material for MkDocs and Zensical both build it. What the
generator adds comes from the data: under the overview pages that the nav names
(`gemeenten/index.md`, `regio/index.md`), the pages of every gemeente, its reading
copies and the regional reports, so the navigation shows the reader where a page
sits. The result is written as a complete configuration file in the staging
folder (`.staging/mkdocs.yml`), with its folders relative to that file; both
`mkdocs build -f .staging/mkdocs.yml` and `zensical build -f .staging/mkdocs.yml`
build exactly the site that `dvo build` publishes.
"""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML

from generator.util.atomic import write_text


def _yaml() -> YAML:
    yaml = YAML()  # round trip: keeps comments, quotes and tags such as !ENV
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


OVERVIEW = "Overzicht"  # the nav title of a section's own page


def expand_nav(nav: list, sections: dict[str, list]) -> list:
    """`nav` with every entry that points at a key of `sections` turned into a section:
    that page first, as its "Overzicht", then the given child entries.
    Entries are mkdocs' own: a bare path, {title: path} or {title: [entries]}."""
    out = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            ((title, target),) = entry.items()
            if isinstance(target, str) and target in sections and sections[target]:
                out.append({title: [{OVERVIEW: target}, *sections[target]]})
            elif isinstance(target, list):
                out.append({title: expand_nav(target, sections)})
            else:
                out.append(entry)
        elif isinstance(entry, str) and entry in sections and sections[entry]:
            out.append({_title_of(entry): [{OVERVIEW: entry}, *sections[entry]]})
        else:
            out.append(entry)
    return out


def _title_of(path: str) -> str:
    return Path(path).parent.name.capitalize() or Path(path).stem.capitalize()


# Material's (and Zensical's) feature that writes into a page's menu only the open branch:
# the other gemeenten as one link each, without their pages. The whole menu is in every page
# otherwise; at 342 gemeenten that was 740 kB of each page's 815 kB, a site of 1.2 GB that
# mkdocs held in memory (3.6 GB) and a phone had to load per page.
PRUNE = "navigation.prune"


def write_effective_config(region_config: Path, staging: Path, sections: dict[str, list], *, prune: bool) -> Path:
    """Write `staging/mkdocs.yml`: the region's configuration, its nav expanded with
    `sections`, docs/site/overrides in the staging folder, and with `prune` the theme's
    feature that writes only the open branch of the menu into a page. Returns its path."""
    yaml = _yaml()
    config = yaml.load(region_config.read_text(encoding="utf-8")) or {}
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    theme = config.setdefault("theme", {})
    if isinstance(theme, dict):
        theme["custom_dir"] = "overrides"
        features = theme.get("features")
        if prune and (features is None or (isinstance(features, list) and PRUNE not in features)):
            theme["features"] = [*(features or []), PRUNE]
    if isinstance(config.get("nav"), list):
        config["nav"] = expand_nav(list(config["nav"]), sections)
    buffer = io.StringIO()
    buffer.write("# Gemaakt door `dvo build` uit ../mkdocs.yml en de gegevens; niet bewerken.\n")
    yaml.dump(config, buffer)
    target = staging / "mkdocs.yml"
    write_text(target, buffer.getvalue())
    return target
