"""What a region repository needs besides its YAML data: the site configuration and its pages,
and template overrides that can be used.

- `mkdocs.yml` must exist and parse, and every page in its `nav` must be one the
  build provides: an authored page in content/pages/, a default page of the
  package (templates/pages/), or a page the generator writes itself.
- A file in `dvo_templates/` whose name is a near miss of a package template
  (`dvo/maatwerkk.html`) overrides nothing: that is reported, with the name meant.
- Every template override must be valid Jinja, so a broken one is reported at its
  line before any document is made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.load.bounds import TooLarge, read_limited, structure_problems
from generator.load.findings import Finding
from generator.load.layout import GENERATED_PAGES, PACKAGE_TEMPLATES, Layout
from generator.util.paths import outside_reason
from generator.util.suggest import closest

TEMPLATE_SUFFIXES = (".html", ".md")
# Folders of the package that are no templates of a document or page: nothing there to override.
NOT_OVERRIDABLE = ("init/", "ci/")  # written once by dvo init, then the region's own


def package_files() -> list[str]:
    """Every overridable file of the package, as a path relative to templates/."""
    rels = sorted(p.relative_to(PACKAGE_TEMPLATES).as_posix() for p in PACKAGE_TEMPLATES.rglob("*") if p.is_file())
    return [r for r in rels if not r.startswith(NOT_OVERRIDABLE) and "__pycache__" not in r]


def default_pages() -> list[str]:
    """The site pages the package provides when the region has none of that name."""
    base = PACKAGE_TEMPLATES / "pages"
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*.md"))


def region_file_findings(layout: Layout, gemeenten: list[str] | None, instrumenten: list[str] | None) -> list[Finding]:
    """`gemeenten`/`instrumenten`: slugs and ids when known (they have generated pages), else None."""
    return list(_site_config(layout, gemeenten, instrumenten)) + list(_overrides(layout))


def _site_config(layout: Layout, gemeenten: list[str] | None, instrumenten: list[str] | None) -> Iterator[Finding]:
    rel = layout.rel(layout.mkdocs)
    if not layout.mkdocs.is_file():
        yield Finding(rel, 1, 1, "bestand ontbreekt: de siteconfiguratie (mkdocs) is nodig om de site te bouwen; `dvo init` schrijft een voorbeeld", code="bestand-ontbreekt")
        return
    if outside_reason(layout.mkdocs, layout.root) is not None:
        return  # a link out of the repository: reported by loaded.py, never read
    try:
        text = read_limited(layout.mkdocs, rel).decode("utf-8")
    except TooLarge as exc:
        yield exc.finding
        return
    except UnicodeDecodeError as exc:
        yield Finding(rel, 1, 1, f"bestand is geen geldige UTF-8-tekst (byte {exc.start})", code="tekenset-ongeldig")
        return
    bounded = structure_problems(text, rel, allow_tags=True)  # no alias bomb in the nav walk below
    if bounded:
        yield from bounded
        return
    try:
        # Composing (not constructing) leaves mkdocs' own tags such as !ENV alone.
        root = YAML(typ="rt").compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        yield Finding(rel, line, col, f"ongeldige YAML-opmaak: {(exc.problem or exc.context or '').strip()}", code="yaml-ongeldig")
        return
    except YAMLError as exc:
        yield Finding(rel, 1, 1, f"ongeldige YAML: {exc}", code="yaml-ongeldig")
        return
    if not isinstance(root, MappingNode):
        yield Finding(rel, 1, 1, "verwacht een blok met instellingen (sleutel: waarde), zoals site_name en nav", code="structuur-ongeldig")
        return
    nav = _value(root, "nav")
    if nav is None:
        return  # mkdocs then lists every page itself
    provided = _provided_pages(layout, gemeenten, instrumenten)
    for page, node in _nav_pages(nav):
        if page in provided or (page.startswith("gemeenten/") and gemeenten is None) or (page.startswith("instrumentarium/") and instrumenten is None):
            continue
        hint = closest(page, provided)
        suggestion = f"; bedoelt u '{hint}'?" if hint else ""
        yield Finding(
            rel, node.start_mark.line + 1, node.start_mark.column + 1,
            f"nav: pagina '{page}' bestaat niet{suggestion} Verwacht een eigen pagina {layout.rel(layout.pages)}/{page}, "
            f"een standaardpagina ({', '.join(default_pages())}) of een pagina die de generator maakt ({', '.join(GENERATED_PAGES)})",
            code="pagina-onbekend",
        )


def _value(mapping: MappingNode, key: str) -> Node | None:
    return next((v for k, v in mapping.value if isinstance(k, ScalarNode) and k.value == key), None)


def _nav_pages(node: Node) -> Iterator[tuple[str, ScalarNode]]:
    """Every local Markdown page the nav names, with its node (for the position)."""
    if isinstance(node, ScalarNode):
        page = node.value.strip()
        if page.endswith(".md") and "://" not in page:
            yield page.lstrip("/"), node
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _nav_pages(item)
    elif isinstance(node, MappingNode):
        for _, value in node.value:
            yield from _nav_pages(value)


def _provided_pages(layout: Layout, gemeenten: list[str] | None, instrumenten: list[str] | None) -> list[str]:
    authored = [p.relative_to(layout.pages).as_posix() for p in layout.pages.rglob("*.md")] if layout.pages.is_dir() else []
    overridden = layout.template_overrides / "pages"
    own_defaults = [p.relative_to(overridden).as_posix() for p in overridden.rglob("*.md")] if overridden.is_dir() else []
    per_item = [f"gemeenten/{s}/index.md" for s in gemeenten or []] + [f"instrumentarium/{i}.md" for i in instrumenten or []]
    return sorted(set(authored + own_defaults + default_pages() + list(GENERATED_PAGES) + per_item))


def _overrides(layout: Layout) -> Iterator[Finding]:
    base = layout.template_overrides
    if not base.is_dir():
        return
    known = package_files()
    # Links out of the repository are reported by loaded.py and never opened here.
    for path in sorted(p for p in base.rglob("*") if p.is_file() and outside_reason(p, layout.root) is None):
        rel = path.relative_to(base).as_posix()
        shown = layout.rel(path)
        if rel not in known and path.suffix in TEMPLATE_SUFFIXES + (".css", ".js"):
            hint = closest(rel, known)
            if hint:
                yield Finding(shown, 1, 1, f"dit bestand vervangt geen sjabloon van het pakket; bedoelt u '{hint}'? (hernoem het naar {layout.rel(base)}/{hint})", code="sjabloon-onbekend")
        if path.suffix in TEMPLATE_SUFFIXES:
            yield from _template_syntax(path, shown)


def _template_syntax(path: Path, shown: str) -> Iterator[Finding]:
    from jinja2 import Environment, TemplateSyntaxError

    try:
        Environment().parse(path.read_text(encoding="utf-8"), name=shown, filename=shown)
    except UnicodeDecodeError as exc:
        yield Finding(shown, 1, 1, f"sjabloon is geen geldige UTF-8-tekst (byte {exc.start})", code="tekenset-ongeldig")
    except TemplateSyntaxError as exc:
        yield Finding(shown, exc.lineno or 1, 1, f"fout in de opmaak van het sjabloon (Jinja meldt: {exc.message})", code="sjabloon-ongeldig")
