"""mkdocs' warnings in Dutch, naming the file of the region they are about.

mkdocs builds the site in strict mode: every warning stops the build, and the user
sees it. mkdocs speaks English and names pages by their path in the staging docs
folder (`werkbedrijf.md`), which the user never edits. Each known warning is told in
Dutch here, with where the page comes from: the region's own page
(`content/pages/werkbedrijf.md`), a default page of the package (and the nav line
that asks for it), or a page the generator writes. A warning this module does not
know is passed on after "mkdocs meldt:", so nothing is lost. `dvo validate` reports
the usual causes earlier, at their line (load/region_files.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.load.layout import Layout
from generator.load.region_files import default_pages


def source(layout: Layout, page: str) -> str:
    """Where a page of the staging docs folder comes from, in words."""
    page = page.replace("\\", "/")
    if (layout.pages / page).is_file():
        return layout.rel(layout.pages / page)
    own = layout.template_overrides / "pages" / page
    if own.is_file():
        return f"{page} (standaardpagina, uit {layout.rel(own)})"
    if page in default_pages():
        return f"{page} (standaardpagina van de generator)"
    return f"{page} (pagina die de generator maakt)"


def _omitted(layout: Layout, m: re.Match) -> str:
    pages = [line.strip().removeprefix("- ").strip() for line in m.group(1).splitlines() if line.strip()]
    named = "; ".join(source(layout, p) for p in pages)
    return (
        f"{layout.rel(layout.mkdocs)}: deze pagina's staan niet in nav en vallen niet onder not_in_nav: {named}. "
        "Zet ze in nav, of noem ze onder not_in_nav"
    )


def _nav_missing(layout: Layout, m: re.Match) -> str:
    return (
        f"{layout.rel(layout.mkdocs)}: nav noemt de pagina '{m.group(1)}', maar die bestaat niet: geen eigen pagina in "
        f"{layout.rel(layout.pages)}/, geen standaardpagina en geen pagina die de generator maakt"
    )


def _link_missing(layout: Layout, m: re.Match) -> str:
    target = m.group(3) or m.group(2)
    return (
        f"{source(layout, m.group(1))}: de link '{m.group(2)}' wijst naar '{target}', maar die pagina bestaat niet op "
        "de site"
    )


def _anchor_missing(layout: Layout, m: re.Match) -> str:
    return (
        f"{source(layout, m.group(1))}: de link '{m.group(2)}' wijst naar het onderdeel '#{m.group(4)}' van "
        f"{source(layout, m.group(3))}, maar dat onderdeel bestaat daar niet"
    )


def _self_anchor(layout: Layout, m: re.Match) -> str:
    return (
        f"{source(layout, m.group(1))}: de link '{m.group(2)}' wijst naar een onderdeel dat niet op deze pagina staat"
    )


def _absolute(layout: Layout, m: re.Match) -> str:
    return (
        f"{source(layout, m.group(1))}: de link '{m.group(2)}' begint met '/'; schrijf een link naar een andere "
        "pagina relatief, zoals 'regio/index.md'"
    )


def _unrecognized(layout: Layout, m: re.Match) -> str:
    hint = f"; bedoelt u '{m.group(3)}'?" if m.group(3) else ""
    return (
        f"{source(layout, m.group(1))}: de link '{m.group(2)}' wijst niet naar een pagina (.md) of bestand van de "
        f"site{hint}"
    )


def _conflict(layout: Layout, m: re.Match) -> str:
    return f"{source(layout, m.group(1))} valt weg: hij zou op dezelfde plaats komen als {source(layout, m.group(2))}"


def _config(layout: Layout, m: re.Match) -> str:
    return f"{layout.rel(layout.mkdocs)}: de instelling '{m.group(1)}' klopt niet (mkdocs meldt: {m.group(2).strip()})"


_KNOWN: list[tuple[re.Pattern, Callable[[Layout, re.Match], str]]] = [
    (
        re.compile(
            r"^The following pages exist in the docs directory, but are not included in the \"nav\" "
            r"configuration:\n(.*)$",
            re.S,
        ),
        _omitted,
    ),
    (
        re.compile(
            r"^A reference to '(.+)' is included in the 'nav' configuration, which is not found in the "
            r"documentation files\.$"
        ),
        _nav_missing,
    ),
    (
        re.compile(
            r"^Doc file '(.+?)' contains a link '(.+?)', but the target(?: '(.+?)')? is not found among "
            r"documentation files\.$"
        ),
        _link_missing,
    ),
    (
        re.compile(
            r"^Doc file '(.+?)' contains a link '(.+?)', but the doc '(.+?)' does not contain an anchor '#(.+?)'\."
        ),
        _anchor_missing,
    ),
    (
        re.compile(r"^Doc file '(.+?)' contains a link '(.+?)', but there is no such anchor on this page\."),
        _self_anchor,
    ),
    (re.compile(r"^Doc file '(.+?)' contains an absolute link '(.+?)', it was left as is\.$"), _absolute),
    (
        re.compile(
            r"^Doc file '(.+?)' contains an unrecognized relative link '(.+?)', it was left as is\.(?: Did you "
            r"mean '(.+?)'\?)?$"
        ),
        _unrecognized,
    ),
    (re.compile(r"^Excluding '(.+?)' from the site because it conflicts with '(.+?)'\.$"), _conflict),
    (re.compile(r"^Config value '(.+?)': (.*)$", re.S), _config),
]


def dutch(message: str, layout: Layout) -> str:
    """One mkdocs warning in Dutch, naming the region's file; an unknown one after "mkdocs meldt:"."""
    text = message.strip()
    for pattern, tell in _KNOWN:
        match = pattern.match(text)
        if match:
            return tell(layout, match)
    return f"mkdocs meldt: {' '.join(text.split())}"
