"""Templates in the package, overrides in the region: an override of one file is used and
the rest comes from the package; a missing, broken or misnamed template is reported in
Dutch with the file and line, per document, never as a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.load.layout import PACKAGE_TEMPLATES
from generator.load.region_files import default_pages, package_files
from tests.conftest import REPO, Region, assert_finding, build_source, located

D = "gemeenten/druten.yaml"


def lines_of(result) -> list[str]:
    assert "Traceback" not in result.output
    return result.output.splitlines()


def test_an_override_of_one_template_is_used_and_the_rest_comes_from_the_package(region: Region):
    from generator.load.project import load_project
    from generator.render.documents.dvo.render import render_dvo

    target = region.override("dvo/maatwerk.html")
    target.write_text(
        '<p class="eigen">Maatwerk volgens de eigen opmaak van de regio.</p>\n' + target.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    css = region.override("static/print.css")
    css.write_text(css.read_text(encoding="utf-8") + "\n.eigen { color: #123456; }\n", encoding="utf-8")
    rendered = render_dvo(load_project(region.root), "druten")
    assert "Maatwerk volgens de eigen opmaak van de regio." in rendered.html  # the override
    assert "Bijlage 1. Budgettabel" in rendered.html  # dvo.html, from the package
    assert b"%PDF" in rendered.pdf[:8]
    assert sorted(
        p.relative_to(region.root / "dvo_templates").as_posix()
        for p in (region.root / "dvo_templates").rglob("*")
        if p.is_file()
    ) == ["dvo/maatwerk.html", "static/print.css"]


def _package_without(tmp_path: Path, rel: str) -> Path:
    copy = tmp_path / "pakket"
    shutil.copytree(PACKAGE_TEMPLATES, copy)
    (copy / rel).unlink()
    return copy


def test_a_missing_template_fails_each_document_that_needs_it_and_says_which(
    region: Region, tmp_path, monkeypatch, dvo_only
):
    # A broken installation: a part of the DVO template is gone from the package.
    monkeypatch.setattr(
        "generator.render.templating.search_path.PACKAGE_TEMPLATES", _package_without(tmp_path, "dvo/maatwerk.html")
    )
    include = next(
        n
        for n, line in enumerate((PACKAGE_TEMPLATES / "dvo.html").read_text(encoding="utf-8").splitlines(), 1)
        if "include" in line
    )
    result = region.dvo("build", "--gemeente", "druten", "--jobs", "1")
    assert result.exit_code == 1
    lines = lines_of(result)
    missing = (
        f"sjabloon 'dvo/maatwerk.html' ontbreekt (in 'dvo.html' van het pakket, regel {include}); gezocht in de "
        "sjablonen van het pakket"
    )
    assert f"[1/1] DVO Druten: MISLUKT: {missing}" in lines
    assert f"Fout: DVO Druten (dvo-druten) is niet gemaakt: {missing}" in lines
    assert "1 van 1 documenten mislukt; van die documenten staat de vorige versie (als die er was) op de site." in lines
    assert not (region.root / "site" / "pdf" / "dvo-druten.pdf").exists()


def test_an_override_that_fails_while_rendering_names_its_file_and_line(region: Region, dvo_only):
    target = region.override("dvo/maatwerk.html")
    text = target.read_text(encoding="utf-8").splitlines()
    target.write_text("\n".join(text[:2] + ["<p>{{ doc.wethouder.naam }}</p>"] + text[2:]) + "\n", encoding="utf-8")
    result = region.dvo("build", "--gemeente", "druten", "--jobs", "1")
    assert result.exit_code == 1
    assert (
        "[1/1] DVO Druten: MISLUKT: sjabloon gebruikt een waarde die niet bestaat (in "
        "dvo_templates/dvo/maatwerk.html, regel 3) "
        "(Jinja meldt: 'generator.render.documents.dvo.view.DvoDocument object' has no attribute 'wethouder')"
        in lines_of(result)
    )


def test_a_broken_override_is_reported_by_validate_at_its_line(region: Region):
    target = region.override("dvo/maatwerk.html")
    target.write_text("<p>\n{% if doc.maatwerk %}\n<p>geen einde</p>\n", encoding="utf-8")
    result = region.dvo("validate")
    assert result.exit_code == 1
    # Jinja names the line of the block that is not closed: where the user must look.
    assert (
        lines_of(result)[0] == "dvo_templates/dvo/maatwerk.html:2:1: fout in de opmaak van het sjabloon (Jinja meldt: "
        "Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. "
        "The innermost block that needs to be closed is 'if'.) [sjabloon-ongeldig]"
    )


def test_a_misnamed_override_is_reported_with_the_name_meant(region: Region):
    (region.root / "dvo_templates" / "static").mkdir(parents=True)
    (region.root / "dvo_templates" / "static" / "print.ccs").write_text("body {}\n", encoding="utf-8")
    (region.root / "dvo_templates" / "static" / "logo.svg").write_text(
        "<svg/>\n", encoding="utf-8"
    )  # a new asset: fine
    (region.root / "dvo_templates" / "dvo").mkdir()
    (region.root / "dvo_templates" / "dvo" / "maatwerkk.html").write_text("<p></p>\n", encoding="utf-8")
    result = region.dvo("validate")
    assert lines_of(result)[:-1] == [
        "dvo_templates/dvo/maatwerkk.html:1:1: dit bestand vervangt geen sjabloon van het pakket; bedoelt u "
        "'dvo/maatwerk.html'? (hernoem het naar dvo_templates/dvo/maatwerk.html) [sjabloon-onbekend]",
    ]
    assert result.exit_code == 1


def test_a_broken_page_template_stops_the_site_and_keeps_the_old_one(region: Region, dvo_only):
    region.override("site/regio.md").write_text("# Regio\n\n{{ project.regio.bestuur }}\n", encoding="utf-8")
    result = region.dvo("build", "--gemeente", "druten", "--jobs", "1")
    assert result.exit_code == 1
    assert (
        "Fout in de site: pagina's niet gemaakt: sjabloon gebruikt een waarde die niet bestaat (in "
        "dvo_templates/site/regio.md, "
        "regel 3) (Jinja meldt: 'generator.models.region.Regio object' has no attribute 'bestuur')" in lines_of(result)
    )
    assert not (region.root / "site").exists()


def test_site_configuration_is_checked_with_line_and_suggestion(region: Region):
    region.replace("mkdocs.yml", "  - Regio: regio/index.md", "  - Regio: regio/indx.md")
    region.replace(
        "mkdocs.yml", "  - Bestuur en besluitvorming: bestuur.md", "  - Bestuur en besluitvorming: besturen/index.md"
    )
    lines = lines_of(region.dvo("validate"))
    regio = region.line_of("mkdocs.yml", "regio/indx.md")
    assert (
        f"mkdocs.yml:{regio}:12: nav: pagina 'regio/indx.md' bestaat niet; bedoelt u 'regio/index.md'? Verwacht "
        "een eigen pagina "
        "content/pages/regio/indx.md, een standaardpagina (bestuur.md, dvo-lezen.md, index.md, organisatie.md, "
        "toegankelijkheid.md, werkbedrijf.md) "
        "of een pagina die de generator maakt (gemeenten/index.md, regio/index.md, instrumentarium/index.md, "
        "verordening.md) [pagina-onbekend]" in lines
    )
    assert_finding(lines, f"mkdocs.yml:{region.line_of('mkdocs.yml', 'besturen/index.md')}:32", "pagina-onbekend")
    region.path("mkdocs.yml").unlink()
    assert located(lines_of(region.dvo("validate"))) == [("mkdocs.yml:1:1", "bestand-ontbreekt")]


def test_without_own_pages_the_package_pages_are_used(region: Region, tmp_path):
    from generator.load.project import load_project
    from generator.publish.default_pages import write_default_pages
    from generator.render.templating.search_path import Templates

    shutil.rmtree(region.root / "content" / "pages")
    (region.root / "content" / "pages").mkdir()
    region.write("content/pages/index.md", "# Eigen startpagina\n")
    project = load_project(region.root)
    docs = tmp_path / "docs"
    written = write_default_pages(project, Templates.for_layout(project.layout), docs)
    # index.md is the region's own; organisatie.md, the same page as werkbedrijf.md, is not in its nav.
    assert written == ["bestuur.md", "dvo-lezen.md", "toegankelijkheid.md", "werkbedrijf.md"]
    werk = (docs / "werkbedrijf.md").read_text(encoding="utf-8")
    assert werk.startswith(f"# Over {project.regio.organisatie}\n")
    assert (
        "de gemeenten Beuningen, Druten, Groesbeek, Heumen, Millingen aan de Rijn, Mook en Middelaar, Nijmegen, "
        "Ubbergen en Wijchen" in werk
    )
    assert "- **Kandidaatsbenadering**: Werkzoekenden screenen" in werk  # the region's own functies


def test_every_overridable_file_is_listed_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Een nieuwe regio beginnen") :]
    listed = [rel for rel in package_files() if f"`{rel}`" in section or f"`{rel.rsplit('/', 1)[0]}/`" in section]
    assert listed == package_files()
    assert default_pages() == [
        "bestuur.md",
        "dvo-lezen.md",
        "index.md",
        "organisatie.md",
        "toegankelijkheid.md",
        "werkbedrijf.md",
    ]


@pytest.mark.parametrize(
    "rel", ["init/content/regio.yaml", "init/mkdocs.yml", "ci/github-workflow.yml", "ci/gitlab-ci.yml"]
)
def test_init_templates_are_not_overridable(rel):
    assert (PACKAGE_TEMPLATES / rel).is_file() and rel not in package_files()


def test_the_generated_pages_are_those_the_nav_check_knows(project, tmp_path):
    from generator.load.layout import GENERATED_PAGES
    from generator.publish.pages import pages
    from generator.render.templating.search_path import Templates

    written = set(pages(build_source(project), tmp_path, Templates.for_layout(project.layout)))
    per_item = {f"gemeenten/{g.slug}/index.md" for g in project.gemeenten} | {
        f"instrumentarium/{i.id}.md" for i in project.instrumentarium.instrumenten
    }
    # index.md is the authored home page with the list of gemeenten put in (publish/pages.home_page);
    # reading-copy pages need built documents, which tmp_path has none of.
    assert written == set(GENERATED_PAGES) | per_item | {"index.md"}
