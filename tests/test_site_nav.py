"""A region's own site: a default page only where its nav names it, every nav and page
problem the strict build would refuse reported by `dvo validate` at its line, and the
toegankelijkheidsverklaring in the region's own words.

tests/fixtures/regio-maasland is a Werkplein: its mkdocs.yml names its own page
`werkplein.md` and neither of the package's `werkbedrijf.md` and `bestuur.md`, with
`validation: omitted_files: warn` (mkdocs then refuses every page the nav leaves out).
The example region's Dutch mkdocs messages are tested in test_site.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Region, build_region, copy_maasland, shared

EXAMPLE_NAMES = ("Rijk van Nijmegen", "Nijmegen", "Wijchen", "Werkbedrijf")


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def maasland(request, tmp_path_factory) -> Region:
    def make(root: Path) -> None:
        build_region(copy_maasland(root), "--gemeente", "maashaven")

    return Region(shared(request, tmp_path_factory, "maasland-maashaven", make))


def test_a_region_whose_nav_omits_default_pages_builds_with_its_own_page_and_without_them(maasland):
    site = maasland.path("site")
    assert "Het Werkplein Maasland voert de re-integratie uit" in _text(
        (site / "werkplein" / "index.html").read_text(encoding="utf-8")
    )
    assert not (site / "werkbedrijf").exists() and not (site / "bestuur").exists()
    assert not maasland.path(".staging/docs/werkbedrijf.md").exists()
    assert (site / "dvo-lezen" / "index.html").is_file()  # a default page the nav does name


def test_its_toegankelijkheidsverklaring_is_its_own(maasland):
    from generator.load.project import load_project
    from generator.publish.default_pages import statement_date
    from generator.util.formatting import date_long

    html = (maasland.path("site") / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    flat = _text(html[html.index("<article") : html.index("</article>")])
    assert flat.startswith("Toegankelijkheidsverklaring Werkplein Maasland wil dat iedereen deze site kan gebruiken")
    assert 'href="mailto:digitaal@werkplein-maasland.example"' in html and "Wij reageren binnen tien werkdagen" in flat
    project = load_project(maasland.root)
    assert project.regio.toegankelijkheid is None  # no date of its own: the newest date in its data
    assert f"Datum van deze verklaring {date_long(statement_date(project))}" in flat
    assert [name for name in EXAMPLE_NAMES if name in flat] == []


def test_validate_reports_every_page_problem_the_strict_build_would_refuse_at_its_line(tmp_path):
    region = Region(copy_maasland(tmp_path))
    region.write(
        "content/pages/nieuws.md", "# Nieuws\n\nZie [over ons](werkbedrijf.md) en [het archief](archief/index.md).\n"
    )
    region.replace("mkdocs.yml", "  - Regio: regio/index.md\n", "")
    result = region.dvo("validate")
    assert result.exit_code == 1
    nav = f"mkdocs.yml:{region.line_of('mkdocs.yml', 'nav:')}:1: nav: de pagina"
    line = region.line_of("content/pages/nieuws.md", "archief")
    assert result.output.splitlines()[:-1] == [
        f"content/pages/nieuws.md:{line}:{region.col_of('content/pages/nieuws.md', 'werkbedrijf.md')}: link naar "
        "'werkbedrijf.md': "
        "de standaardpagina werkbedrijf.md komt alleen op de site als nav (of not_in_nav) in mkdocs.yml haar "
        "noemt [link-onbekend]",
        f"content/pages/nieuws.md:{line}:{region.col_of('content/pages/nieuws.md', 'archief/')}: link naar "
        "'archief/index.md': "
        "die pagina bestaat niet op de site [link-onbekend]",
        f"{nav} 'nieuws.md' (uit content/pages/nieuws.md) staat niet in nav en valt niet onder not_in_nav; met "
        "'validation: omitted_files: warn' bouwt mkdocs de site dan niet. Zet haar in nav, of voeg '/nieuws.md' "
        "toe aan not_in_nav [pagina-niet-in-nav]",
        f"{nav} 'regio/index.md' (een pagina die de generator maakt) staat niet in nav en valt niet onder "
        "not_in_nav; met "
        "'validation: omitted_files: warn' bouwt mkdocs de site dan niet. Zet haar in nav, of voeg "
        "'/regio/index.md' toe aan not_in_nav [pagina-niet-in-nav]",
    ]
    # the regional reports are still covered by not_in_nav (/regio/rapport-*.md); nothing is written
    assert "rapport" not in result.output and not region.path(".staging").exists()


def test_a_default_page_is_made_where_not_in_nav_names_it_and_not_elsewhere(tmp_path):
    from generator.load.project import load_project
    from generator.publish.default_pages import default_pages
    from generator.render.templating.search_path import Templates

    region = Region(copy_maasland(tmp_path))
    region.replace("mkdocs.yml", "not_in_nav: |\n", "not_in_nav: |\n  /bestuur.md\n")
    project = load_project(region.root)
    made = default_pages(project, Templates.for_layout(project.layout))
    assert sorted(made) == ["bestuur.md", "dvo-lezen.md", "index.md", "toegankelijkheid.md"]


def test_without_a_nav_every_default_page_is_made(tmp_path):
    from generator.load.project import load_project
    from generator.load.region_files import default_pages as package_pages
    from generator.publish.default_pages import default_pages
    from generator.render.templating.search_path import Templates

    region = Region(copy_maasland(tmp_path))
    text = region.read("mkdocs.yml")
    region.write("mkdocs.yml", text[: text.index("nav:")])  # mkdocs then lists every page itself
    project = load_project(region.root)
    assert sorted(default_pages(project, Templates.for_layout(project.layout))) == package_pages()
