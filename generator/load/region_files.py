"""What a region repository needs besides its YAML data: the site configuration and its pages,
and template overrides that can be used.

- `mkdocs.yml` must exist and parse, and every page in its `nav` must be one the
  build provides: an authored page in content/pages/, a default page of the
  package (templates/pages/), or a page the generator writes itself.
- Every page the build writes must be one the nav names, or one that `not_in_nav`
  matches, when the configuration makes an omitted page an error
  (`validation: omitted_files: warn`): the strict build would refuse the site. A
  default page is written only where the nav (or `not_in_nav`) names it
  (`named_default_pages`), so a region that calls its own page `werkplein.md` does
  not get the package's `werkbedrijf.md` beside it.
- A Markdown link in an authored page must lead to a page the build provides.
- A file in `dvo_templates/` whose name is a near miss of a package template
  (`dvo/maatwerkk.html`) overrides nothing: that is reported, with the name meant.
- Every template override must be valid Jinja, so a broken one is reported at its
  line before any document is made.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.load.bounds import TooLarge, read_limited, structure_problems
from generator.load.findings import Finding
from generator.load.layout import GENERATED_PAGES, PACKAGE_TEMPLATES, Layout
from generator.util.paths import outside_reason
from generator.util.suggest import closest

TEMPLATE_SUFFIXES = (".html", ".md")
SET_ASIDE = re.compile(r"(.+)\.formaat(\d+)")  # dvo_templates/<name>.formaat2: see load/formaat/stappen.py
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


def region_file_findings(
    layout: Layout, gemeenten: list[str] | None, instrumenten: list[str] | None, perioden: list[str] | None = None
) -> list[Finding]:
    """`gemeenten`/`instrumenten`: slugs and ids when known (they have generated pages), else None;
    `perioden`: the codes of the region's report periods, when known (report pages)."""
    return list(_site_config(layout, gemeenten, instrumenten, perioden)) + list(_overrides(layout))


@dataclass
class SiteNav:
    """What the region's mkdocs.yml says about its pages: which the nav names (with the
    node of each, for its position), the `not_in_nav` patterns, and whether a page left
    out of both stops the strict build."""

    has_nav: bool = False
    pages: dict[str, ScalarNode] = field(default_factory=dict)
    nav_line: int = 1
    nav_col: int = 1
    not_in_nav: list[str] = field(default_factory=list)
    omitted_is_error: bool = False
    links_not_found_is_error: bool = True

    def names(self, page: str) -> bool:
        """Does the built site list `page` (docs-relative, e.g. `werkbedrijf.md`) without complaint?"""
        return not self.has_nav or page in self.pages or self.excluded_from_nav(page)

    def excluded_from_nav(self, page: str) -> bool:
        if not self.not_in_nav:
            return False
        import pathspec  # mkdocs reads not_in_nav with the same gitignore rules

        return pathspec.GitIgnoreSpec.from_lines(self.not_in_nav).match_file(page)


def read_site_nav(layout: Layout) -> SiteNav | None:
    """The nav facts of the region's mkdocs.yml, or None when it is missing or unreadable
    (`region_file_findings` says why)."""
    root = _compose(layout)
    return _site_nav(root) if isinstance(root, MappingNode) else None


def site_contact(layout: Layout) -> dict[str, str]:
    """`extra.contact` of the region's mkdocs.yml (email, telefoon, reactietermijn: the
    footer's contact), for the pages that name the same route; empty when absent."""
    root = _compose(layout)
    extra = _value(root, "extra") if isinstance(root, MappingNode) else None
    contact = _value(extra, "contact") if isinstance(extra, MappingNode) else None
    if not isinstance(contact, MappingNode):
        return {}
    return {
        k.value: v.value.strip()
        for k, v in contact.value
        if isinstance(k, ScalarNode) and isinstance(v, ScalarNode) and v.value.strip()
    }


def named_default_pages(layout: Layout) -> list[str]:
    """The package's default pages that the region's nav (or `not_in_nav`) names: only
    those are added to its site (without a nav, every one: mkdocs then lists them all)."""
    nav = read_site_nav(layout)
    return [p for p in default_pages() if nav is None or nav.names(p)]


def _compose(layout: Layout) -> Node | None:
    if not layout.mkdocs.is_file() or outside_reason(layout.mkdocs, layout.root) is not None:
        return None
    try:
        text = read_limited(layout.mkdocs, layout.rel(layout.mkdocs)).decode("utf-8")
    except (TooLarge, UnicodeDecodeError, OSError):
        return None
    return _composed(text, layout.rel(layout.mkdocs))


@lru_cache(maxsize=8)
def _composed(text: str, rel: str) -> Node | None:
    """mkdocs.yml's node tree, once per text: every report's page asks for the nav (read only)."""
    if structure_problems(text, rel, allow_tags=True):
        return None
    try:
        return YAML(typ="rt").compose(text)
    except YAMLError:
        return None


_LEVELS_THAT_STOP = {"warn"}  # strict mode turns every warning into an error


def _site_nav(root: MappingNode) -> SiteNav:
    out = SiteNav()
    nav = _value(root, "nav")
    if nav is not None:
        out.has_nav = True
        out.nav_line, out.nav_col = nav.start_mark.line + 1, nav.start_mark.column + 1
        key = next((k for k, v in root.value if v is nav), None)
        if key is not None:
            out.nav_line, out.nav_col = key.start_mark.line + 1, key.start_mark.column + 1
        out.pages = dict(_nav_pages(nav))
    not_in_nav = _value(root, "not_in_nav")
    if isinstance(not_in_nav, ScalarNode):
        out.not_in_nav = [
            line for line in not_in_nav.value.splitlines() if line.strip() and not line.lstrip().startswith("#")
        ]
    elif isinstance(not_in_nav, SequenceNode):
        out.not_in_nav = [item.value for item in not_in_nav.value if isinstance(item, ScalarNode)]
    validation = _value(root, "validation")
    if isinstance(validation, MappingNode):
        out.omitted_is_error = _level(validation, "nav", "omitted_files", "info") in _LEVELS_THAT_STOP
        out.links_not_found_is_error = _level(validation, "links", "not_found", "warn") in _LEVELS_THAT_STOP
    return out


def _level(validation: MappingNode, group: str, key: str, default: str) -> str:
    """mkdocs' validation level: `validation: {group: {key: ...}}` wins over the short form `validation: {key: ...}`."""
    nested = _value(validation, group)
    for mapping in (nested if isinstance(nested, MappingNode) else None, validation):
        value = _value(mapping, key) if mapping is not None else None
        if isinstance(value, ScalarNode):
            return value.value.strip().lower()
    return default


def _site_config(
    layout: Layout, gemeenten: list[str] | None, instrumenten: list[str] | None, perioden: list[str] | None
) -> Iterator[Finding]:
    rel = layout.rel(layout.mkdocs)
    if not layout.mkdocs.is_file():
        yield Finding(
            rel,
            1,
            1,
            "bestand ontbreekt: de siteconfiguratie (mkdocs) is nodig om de site te bouwen; `dvo init` schrijft "
            "een voorbeeld",
            code="bestand-ontbreekt",
        )
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
        yield Finding(
            rel, line, col, f"ongeldige YAML-opmaak: {(exc.problem or exc.context or '').strip()}", code="yaml-ongeldig"
        )
        return
    except YAMLError as exc:
        yield Finding(rel, 1, 1, f"ongeldige YAML: {exc}", code="yaml-ongeldig")
        return
    if not isinstance(root, MappingNode):
        yield Finding(
            rel,
            1,
            1,
            "verwacht een blok met instellingen (sleutel: waarde), zoals site_name en nav",
            code="structuur-ongeldig",
        )
        return
    site_nav = _site_nav(root)
    provided = _provided_pages(layout, gemeenten, instrumenten)
    authored = _authored_pages(layout)
    written = [p for p in provided if p in authored or p not in _default_names(layout) or site_nav.names(p)]
    yield from _broken_links(layout, written, site_nav, gemeenten is None, instrumenten is None)
    nav = _value(root, "nav")
    if nav is None:
        return  # mkdocs then lists every page itself
    yield from _omitted(layout, rel, site_nav, gemeenten, instrumenten, perioden)
    for page, node in _nav_pages(nav):
        if (
            page in provided
            or (page.startswith("gemeenten/") and gemeenten is None)
            or (page.startswith("instrumentarium/") and instrumenten is None)
        ):
            continue
        hint = closest(page, provided)
        suggestion = f"; bedoelt u '{hint}'?" if hint else ""
        yield Finding(
            rel,
            node.start_mark.line + 1,
            node.start_mark.column + 1,
            f"nav: pagina '{page}' bestaat niet{suggestion} Verwacht een eigen pagina "
            f"{layout.rel(layout.pages)}/{page}, "
            f"een standaardpagina ({', '.join(default_pages())}) of een pagina die de generator maakt "
            f"({', '.join(GENERATED_PAGES)})",
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


def _authored_pages(layout: Layout) -> list[str]:
    return [p.relative_to(layout.pages).as_posix() for p in layout.pages.rglob("*.md")] if layout.pages.is_dir() else []


def _default_names(layout: Layout) -> set[str]:
    """Default pages: the package's, and the region's own templates of pages (dvo_templates/pages/)."""
    overridden = layout.template_overrides / "pages"
    own_defaults = (
        [p.relative_to(overridden).as_posix() for p in overridden.rglob("*.md")] if overridden.is_dir() else []
    )
    return set(own_defaults + default_pages())


def _provided_pages(layout: Layout, gemeenten: list[str] | None, instrumenten: list[str] | None) -> list[str]:
    per_item = [f"gemeenten/{s}/index.md" for s in gemeenten or []] + [
        f"instrumentarium/{i}.md" for i in instrumenten or []
    ]
    return sorted(
        set(_authored_pages(layout)) | _default_names(layout) | {"index.md", *GENERATED_PAGES} | set(per_item)
    )


def _written_pages(
    layout: Layout,
    gemeenten: list[str] | None,
    instrumenten: list[str] | None,
    perioden: list[str] | None,
    nav: SiteNav,
) -> Iterator[tuple[str, str]]:
    """Every page the build writes that the nav must account for, with where it comes
    from (in Dutch). Pages under an overview page the nav names are added to the nav by
    the build itself (publish/site_config.py) and need nothing."""
    if layout.pages.is_dir():
        for path in sorted(layout.pages.rglob("*.md")):
            if outside_reason(path, layout.root) is None:  # a link out of the repository is reported as such
                yield path.relative_to(layout.pages).as_posix(), f"uit {layout.rel(path)}"
    for page in ("index.md", *GENERATED_PAGES):
        yield page, "een pagina die de generator maakt"
    sample = perioden[:1] if perioden else []
    if "gemeenten/index.md" not in nav.pages:
        for slug in gemeenten or []:
            for page in (
                f"gemeenten/{slug}/index.md",
                f"gemeenten/{slug}/dvo.md",
                f"gemeenten/{slug}/wijzigingen.md",
                *(f"gemeenten/{slug}/rapport-{p}.md" for p in sample),
            ):
                yield page, "een pagina die de generator maakt"
    if "regio/index.md" not in nav.pages:
        for p in sample:
            yield f"regio/rapport-{p}.md", "een pagina die de generator maakt"
    if "instrumentarium/index.md" not in nav.pages:
        for i in instrumenten or []:
            yield f"instrumentarium/{i}.md", "een pagina die de generator maakt"


def _omitted(layout: Layout, rel: str, nav: SiteNav, gemeenten, instrumenten, perioden) -> Iterator[Finding]:
    """Pages the build writes that neither the nav nor `not_in_nav` names, where the
    configuration makes that an error."""
    if not nav.omitted_is_error:
        return
    for page, origin in _written_pages(layout, gemeenten, instrumenten, perioden, nav):
        if nav.names(page):
            continue
        yield Finding(
            rel,
            nav.nav_line,
            nav.nav_col,
            f"nav: de pagina '{page}' ({origin}) staat niet in nav en valt niet onder not_in_nav; met "
            f"'validation: omitted_files: warn' bouwt mkdocs de site dan niet. Zet haar in nav, of voeg "
            f"'/{page}' toe aan not_in_nav",
            code="pagina-niet-in-nav",
        )


_MD_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def _broken_links(
    layout: Layout, provided: list[str], nav: SiteNav, gemeenten_unknown: bool, instrumenten_unknown: bool
) -> Iterator[Finding]:
    """Markdown links in authored pages to a page (`.md`) the build does not provide."""
    if not nav.links_not_found_is_error or not layout.pages.is_dir():
        return
    known = set(provided)
    defaults = _default_names(layout) - known  # default pages the nav does not name: not written
    for path in sorted(layout.pages.rglob("*.md")):
        if outside_reason(path, layout.root) is not None:
            continue
        page = path.relative_to(layout.pages).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for match in _MD_LINK.finditer(text):
            target = match.group(1)
            if "://" in target or target.startswith(("#", "/", "mailto:", "tel:")):
                continue
            target_path = target.split("#", 1)[0].split("?", 1)[0]
            if not target_path.endswith(".md"):
                continue
            resolved = _normalise(Path(page).parent.as_posix(), target_path)
            if resolved is not None and (
                resolved in known or _generated_child(resolved, gemeenten_unknown, instrumenten_unknown)
            ):
                continue
            line = text.count("\n", 0, match.start(1)) + 1
            col = match.start(1) - (text.rfind("\n", 0, match.start(1)) + 1) + 1
            if resolved in defaults:
                yield Finding(
                    layout.rel(path),
                    line,
                    col,
                    f"link naar '{target}': de standaardpagina {resolved} komt alleen op de "
                    f"site als nav (of not_in_nav) in {layout.rel(layout.mkdocs)} haar noemt",
                    code="link-onbekend",
                )
                continue
            hint = closest(resolved, sorted(known)) if resolved else None
            suggestion = f"; bedoelt u '{hint}'?" if hint else ""
            yield Finding(
                layout.rel(path),
                line,
                col,
                f"link naar '{target}': die pagina bestaat niet op de site{suggestion}",
                code="link-onbekend",
            )


def _normalise(folder: str, target: str) -> str | None:
    parts: list[str] = [] if folder in ("", ".") else folder.split("/")
    for part in target.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)


_READING_COPY = re.compile(
    r"^(gemeenten/[a-z0-9-]+/(dvo|wijzigingen|rapport-[0-9A-Za-z-]+)|regio/rapport-[0-9A-Za-z-]+)\.md$"
)


def _generated_child(page: str, gemeenten_unknown: bool, instrumenten_unknown: bool) -> bool:
    """Reading copies exist once their document is made; a link to one is not checked here."""
    return (
        bool(_READING_COPY.match(page))
        or (gemeenten_unknown and page.startswith("gemeenten/"))
        or (instrumenten_unknown and page.startswith("instrumentarium/"))
    )


def _overrides(layout: Layout) -> Iterator[Finding]:
    base = layout.template_overrides
    if not base.is_dir():
        return
    known = package_files()
    # Links out of the repository are reported by loaded.py and never opened here.
    for path in sorted(p for p in base.rglob("*") if p.is_file() and outside_reason(p, layout.root) is None):
        rel = path.relative_to(base).as_posix()
        shown = layout.rel(path)
        old = SET_ASIDE.fullmatch(rel)
        if old:  # an own version of a template of an older format, set aside by `dvo bijwerken`
            yield Finding(
                shown,
                1,
                1,
                (
                    f"in te vullen: uw eigen versie van het sjabloon '{old.group(1)}' uit formaat {old.group(2)}, "
                    "opzijgezet door "
                    f"`dvo bijwerken` (het sjabloon van nu staat in {PACKAGE_TEMPLATES / old.group(1)}): neem uw "
                    "aanpassing over "
                    f"in {layout.rel(base)}/{old.group(1)}, of laat haar vallen, en verwijder dit bestand"
                ),
                code="in-te-vullen",
            )
            continue
        if rel not in known and path.suffix in TEMPLATE_SUFFIXES + (".css", ".js"):
            hint = closest(rel, known)
            if hint:
                yield Finding(
                    shown,
                    1,
                    1,
                    f"dit bestand vervangt geen sjabloon van het pakket; bedoelt u '{hint}'? (hernoem het naar "
                    f"{layout.rel(base)}/{hint})",
                    code="sjabloon-onbekend",
                )
        if path.suffix in TEMPLATE_SUFFIXES:
            yield from _template_syntax(path, shown)


def _template_syntax(path: Path, shown: str) -> Iterator[Finding]:
    from jinja2 import Environment, TemplateSyntaxError

    try:
        Environment().parse(path.read_text(encoding="utf-8"), name=shown, filename=shown)
    except UnicodeDecodeError as exc:
        yield Finding(shown, 1, 1, f"sjabloon is geen geldige UTF-8-tekst (byte {exc.start})", code="tekenset-ongeldig")
    except TemplateSyntaxError as exc:
        yield Finding(
            shown,
            exc.lineno or 1,
            1,
            f"fout in de opmaak van het sjabloon (Jinja meldt: {exc.message})",
            code="sjabloon-ongeldig",
        )
