"""DVO documents: content of the real PDFs, draft marking, identical standard text,
cross-references, determinism, escaping, the asset-only fetcher and atomic writes."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import main
from generator.render.pdf.fetcher import AssetFetcher
from generator.render.templating.search_path import PACKAGE_TEMPLATES
from tests.conftest import SLUGS, Region, document_html, fixture_region, pdf_pages


def test_every_gemeente_gets_pdf_and_html(built):
    for slug in SLUGS:
        assert (built / "site" / "pdf" / f"dvo-{slug}.pdf").stat().st_size > 10_000
        assert (built / "site" / "gemeenten" / slug / "dvo" / "index.html").is_file()  # the reading copy
    manifest = json.loads((built / "site" / "manifest.json").read_text())
    paths = {e["pad"] for e in manifest["bestanden"]}
    assert {f"pdf/dvo-{s}.pdf" for s in SLUGS} <= paths


def test_maatwerkbudget_of_each_year_is_in_the_pdf_in_dutch_formatting(built, project):
    from generator.models.budget import budget_gemeente
    from generator.util.formatting import euro

    for slug in ("druten", "nijmegen", "groesbeek"):
        text = "\n".join(pdf_pages(built / "site" / "pdf" / f"dvo-{slug}.pdf"))
        for jaar in project.regio.periode.jaren:
            amount = euro(budget_gemeente(project.gemeente(slug), jaar).maatwerkbudget)
            assert amount in text, (slug, jaar, amount)
    druten = "\n".join(pdf_pages(built / "site" / "pdf" / "dvo-druten.pdf"))
    assert "€ 122.000" in druten  # seed 001 §7.4


def test_concept_has_watermark_and_footer_on_every_page(built):
    pages = pdf_pages(built / "site" / "pdf" / "dvo-druten.pdf")
    assert len(pages) > 5
    for n, text in enumerate(pages, 1):
        assert "CONCEPT" in text, f"page {n} has no watermark"
        assert "versie 0.3" in text and "1 oktober 2014" in text
        # No source revision: the DVO must not change when a realisatie is committed.
        assert "bronrevisie" not in text
        assert f"Pagina {n} van {len(pages)}" in text


def test_final_document_has_no_watermark_on_any_page(built, project):
    assert project.gemeente("heumen").dvo.status == "ondertekend"
    pages = pdf_pages(built / "site" / "pdf" / "dvo-heumen.pdf")
    assert pages and all("CONCEPT" not in text for text in pages)
    assert all("bronrevisie" not in text for text in pages)
    assert "Ondertekend" in pages[0]


def _standard_blocks(html: str, naam: str) -> dict[str, str]:
    """The standard text of each article, with the one value that names the gemeente made neutral."""
    found = re.findall(r'<div class="standaardtekst" data-standaard="([^"]+)">(.*?)</div>', html, flags=re.S)
    return {key: block.replace(f"gemeente {naam}", "gemeente [[gegeven:gemeente]]") for key, block in found}


def test_standard_clauses_are_byte_identical_across_gemeenten(built, project):
    blocks = {
        slug: _standard_blocks(document_html(built, f"dvo-{slug}").read_text(), project.gemeente(slug).naam)
        for slug in SLUGS
    }
    reference = blocks[SLUGS[0]]
    assert set(reference) == {a.id for a in project.standaard.artikelen}
    for slug in SLUGS[1:]:
        assert blocks[slug] == reference, slug
    # the same standard text in the PDFs too: the article on accountability reads the same everywhere
    fragment = "Het Werkbedrijf legt jaarlijks verantwoording af over de financiën en over de prestaties"
    for slug in SLUGS:
        text = " ".join(" ".join(pdf_pages(built / "site" / "pdf" / f"dvo-{slug}.pdf")).split())
        assert fragment in text, slug


def test_cross_references_render_the_article_number(built, project):
    html = document_html(built, "dvo-druten").read_text()
    numbers = dict(re.findall(r'<section id="artikel-([a-z0-9-]+)"[^>]*>\s*<h2>Artikel (\d+)\.', html))
    refs = re.findall(r'<a class="xref" href="#artikel-([a-z0-9-]+)">artikel (\d+)</a>', html)
    assert len(refs) >= 5
    for target, shown in refs:
        assert numbers[target] == shown
    ids = [a.id for a in project.standaard.artikelen]
    assert numbers["financien"] == str(ids.index("financien") + 1)


def test_pdf_has_bookmarks_fonts_and_data_attachment(built, project):
    from generator.models.budget import budget_gemeente

    reader = PdfReader(str(built / "site" / "pdf" / "dvo-druten.pdf"))
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert "Artikel 1. Begripsbepalingen" in titles and "Bijlage 1. Budgettabel" in titles
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        descriptor = ref.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor, "font not embedded"
    data = json.loads(reader.attachments["dvo-druten.json"][0])
    assert data["inhoud"]["slug"] == "druten" and data["stand"]["status"] == "concept"
    expected = [budget_gemeente(project.gemeente("druten"), j) for j in project.regio.periode.jaren]
    assert [row["maatwerkbudget"] for row in data["inhoud"]["budget"]] == [int(r.maatwerkbudget) for r in expected]
    assert [row["participatiebudget"] for row in data["inhoud"]["budget"]] == [
        int(r.participatiebudget) for r in expected
    ]
    assert data["inhoud"]["budget"][0]["maatwerkbudget"] == 122_000  # seed 001 §7.4
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="U"' in xmp
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged PDF


def test_html_reading_copy_is_accessible_markup(built):
    html = document_html(built, "dvo-druten").read_text()
    assert '<html lang="nl">' in html
    assert 'href="#inhoud"' in html and '<main id="inhoud">' in html
    assert '<th scope="col">2015</th>' in html and '<th scope="row">= Maatwerkbudget</th>' in html
    assert "http://" not in html and "https://" not in html


def test_rendering_twice_gives_identical_bytes(druten: Region):
    region, runner = druten, CliRunner()  # built once before (built_druten)
    # The DVO, both reports and the open data: every byte the same on a second run.
    names = [
        "pdf/dvo-druten.pdf",
        "gemeenten/druten/dvo/index.html",
        "pdf/rapport-druten-2016.pdf",
        "gemeenten/druten/rapport-2016/index.html",
        "pdf/kpi-gemeenten.csv",
    ]
    before = {n: region.path("site/" + n).read_bytes() for n in names}
    second = runner.invoke(main, ["build", "--gemeente", "druten", "--jobs", "1", "--root", str(region.root)])
    assert second.exit_code == 0
    assert {n: region.path("site/" + n).read_bytes() for n in names} == before


def test_hostile_yaml_text_is_escaped_and_nothing_is_fetched(region: Region, fetched: list[str], dvo_only):
    hostile = '<script>alert(1)</script><img src="file:///etc/passwd">'
    region.replace("gemeenten/druten.yaml", "    titel: Jongeren zonder startkwalificatie", f"    titel: '{hostile}'")
    served = fetched
    result = CliRunner().invoke(main, ["build", "--gemeente", "druten", "--jobs", "1", "--root", str(region.root)])
    assert result.exit_code == 0, result.output
    html = document_html(region.root, "dvo-druten").read_text()
    assert "<script>" not in html and "<img" not in html
    page = region.path("site/gemeenten/druten/dvo/index.html").read_text()  # the reading copy on the site
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html
    assert served and all(url.startswith((PACKAGE_TEMPLATES / "static").as_uri()) for url in served), served
    text = " ".join(pdf_pages(region.path("site/pdf/dvo-druten.pdf")))
    assert "<script>alert(1)</script>" in text


def test_fetcher_serves_only_template_assets(tmp_path):
    static = PACKAGE_TEMPLATES / "static"
    fetcher = AssetFetcher(static)
    assert fetcher((static / "print.css").as_uri()).read().startswith(b"/*")
    for url in (
        "file:///etc/passwd",
        (static / ".." / ".." / "pyproject.toml").as_uri(),
        "http://example.org/logo.png",
        "https://cdn.example.org/font.woff2",
        "data:text/css,body{}",
    ):
        with pytest.raises(ValueError):
            fetcher(url)
    assert len(fetcher.refused) == 5


def test_template_asking_for_an_external_resource_fails_and_names_it(region: Region, dvo_only):
    region.override("dvo.html")
    region.replace("dvo_templates/dvo.html", "<body", '<body style="background: url(http://tracker.example.org/p.png)"')
    result = CliRunner().invoke(main, ["build", "--gemeente", "druten", "--jobs", "1", "--root", str(region.root)])
    assert result.exit_code == 1
    assert "http://tracker.example.org/p.png" in result.output and "Druten" in result.output
    assert not region.path("site/pdf/dvo-druten.pdf").exists()


def test_broken_template_leaves_previous_pdf_untouched(druten: Region):
    region, runner = druten, CliRunner()  # Druten built before (built_druten)
    before = region.path("site/pdf/dvo-druten.pdf").read_bytes()
    region.override("dvo.html")
    region.replace(
        "dvo_templates/dvo.html", "{% for a in doc.artikelen %}", "{% for a in doc.artikelen %}{{ doc.bestaat_niet }}"
    )
    result = runner.invoke(main, ["build", "--gemeente", "druten", "--jobs", "1", "--root", str(region.root)])
    assert result.exit_code == 1 and "DVO Druten" in result.output and "bestaat_niet" in result.output
    assert region.path("site/pdf/dvo-druten.pdf").read_bytes() == before
    assert not list(region.path("site/pdf").glob("*.tmp"))


def test_data_error_writes_nothing(druten: Region):
    region, runner = druten, CliRunner()  # Druten built before (built_druten)
    before = region.path("site/pdf/dvo-druten.pdf").read_bytes()
    region.replace("gemeenten/druten.yaml", "  status: concept", "  status: klaar")
    result = runner.invoke(main, ["build", "--root", str(region.root)])
    assert result.exit_code == 1 and "gemeenten/druten.yaml:" in result.output
    assert region.path("site/pdf/dvo-druten.pdf").read_bytes() == before
    assert not region.path("site/pdf/dvo-beuningen.pdf").exists()


def test_one_failing_gemeente_does_not_stop_the_others(tmp_path, monkeypatch, dvo_only):
    import generator.render.documents.dvo.render as dvo_render
    from generator.render.pdf.request import RenderError

    # A small region (three gemeenten) makes the point with two DVO's rendered, not eight.
    region = Region(fixture_region("achterhoek", tmp_path / "achterhoek"))
    real = dvo_render.render_dvo

    def flaky(project, slug, **kw):
        if slug == "oost-gelre":
            raise RenderError("testfout voor Oost Gelre")
        return real(project, slug, **kw)

    monkeypatch.setattr(dvo_render, "render_dvo", flaky)
    monkeypatch.setattr("generator.publish.jobs.default_workers", lambda: 1)
    result = CliRunner().invoke(main, ["build", "--root", str(region.root)])
    assert result.exit_code == 1
    assert "Fout: DVO Oost Gelre (dvo-oost-gelre) is niet gemaakt: testfout voor Oost Gelre" in result.output
    assert not region.path("site/pdf/dvo-oost-gelre.pdf").exists()
    for slug, naam in (("berkelland", "Berkelland"), ("winterswijk", "Winterswijk")):  # the other two, made
        assert region.path(f"site/pdf/dvo-{slug}.pdf").exists(), slug
        assert re.search(rf"^\[\d/\d\] DVO {naam}: klaar$", result.output, re.M), result.output


def test_unknown_cross_reference_is_a_validation_error(region: Region):
    rel = "content/dvo-standaardbepalingen.yaml"
    region.replace(rel, "in [[artikel:verplichtingen-gemeente]]", "in [[artikel:verplichtingen-gemeenten]]")
    result = region.dvo("validate")
    assert result.exit_code == 1
    line = region.line_of(rel, "[[artikel:verplichtingen-gemeenten]]")
    assert (
        f"{rel}:{line}:9: artikelen[1].leden[2]: verwijzing naar onbekend artikel 'verplichtingen-gemeenten'"
        in result.output
    )
