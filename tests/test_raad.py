"""What the raad reads (issue 22 point 1, point 3's second part): page 1 of every report and the
gemeente page print the overall result, the money, the besluitpunten per body, what is still
without opvolging and what the raad is asked, from one computation (compute/resultaat.py,
compute/besluitpunten.py); conclusions that state a direction come from the figures.

Reports are rendered here directly (HTML, and a few PDFs read with pdftotext), not built."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.compute import besluitpunten as besluiten
from generator.compute import kpi
from generator.compute.resultaat import geld, resultaat
from generator.compute.verantwoording import Verantwoording
from generator.load.project import load_project
from generator.publish.pages import pages, site_links
from generator.render.documents.rapport.render import render_rapport
from generator.render.documents.rapport.view import raad_van_periode
from generator.render.templating.search_path import Templates
from tests.conftest import REPO, assert_finding, build_source, findings, fixture_region, flat


def text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style|svg)\b.*?</\1>", " ", html)
    return flat(re.sub(r"<[^>]+>", " ", html).replace("&#39;", "'").replace("&amp;", "&").replace("\u00a0", " "))


def pdf_text(pdf: bytes, tmp: Path, name: str, last: int | None = None) -> str:
    path = tmp / f"{name}.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-layout", *(["-l", str(last)] if last else []), str(path), "-"]
    return flat(subprocess.run(args, check=True, capture_output=True, text=True).stdout)


@pytest.fixture(scope="module")
def v():
    return Verantwoording(load_project(REPO))


@pytest.fixture(scope="module")
def gemeentepagina(v):
    return pages(build_source(v.project), Path("/nonexistent-docs"), Templates.for_layout(v.project.layout))


# --- one result, counted once ---------------------------------------------------------------


def test_wijchen_2016_result_is_counted_from_its_series_and_printed_identically(v, gemeentepagina):
    p = v.periode("2016")
    rows = v.gemeente("wijchen", p)
    r = resultaat(v, p, "wijchen")
    for status in (kpi.OP_KOERS, kpi.AANDACHTSPUNT, kpi.AFWIJKING):
        assert r.telling.aantal(status) == sum(1 for u, _ in rows if u.status == status)
    assert (r.telling.op_koers, r.telling.aandachtspunt, r.telling.afwijking) == (4, 3, 1)
    # the regional afwijking is named beside the gemeente's own, never counted among them
    assert [x.indicator.id for x in r.regionale_afwijkingen] == ["plaatsing-ondersteuning"]
    zin = r.zin
    assert zin.startswith("Wijchen heeft in 2016 een realisatie op 8 prestatie-indicatoren: 4 op koers, ")
    rapport = text(render_rapport(v, "wijchen", "2016", "test", pdf=False).html)
    pagina = flat(gemeentepagina["gemeenten/wijchen/index.md"])
    assert zin in rapport and zin in pagina
    besluit = raad_van_periode(v, "wijchen", p).besluit_zin
    assert besluit in rapport and besluit in pagina
    assert besluit.startswith(
        "3 besluitpunten: 2 voor de bestuurscommissie Werk (1 afwijking van Wijchen, 1 regionaal cijfer); 1 voor "
        "het college van burgemeester en wethouders van Wijchen."
    )


def test_money_on_page_1_is_the_sum_of_the_budget_lines_to_the_euro(v):
    p = v.periode("2016")
    f = v.financien("wijchen", p)
    lines = [f.basisdienstverlening, f.verplichtingen, *f.afspraken]
    g = geld(v, p, "wijchen")
    assert g.bijdrage == sum(r.budget for r in lines) == Decimal(900731)
    assert g.besteed == sum(r.besteed for r in lines) == Decimal(889981)
    assert g.zin == (
        "Besteed tot en met 31 december 2016: € 889.981 van de bijdrage van € 900.731 (98,8%); € 10.750 niet besteed."
    )
    assert g.afrekening == f"Afrekening 2016: € {f.afrekening.terugbetaling:,}".replace(",", ".") + (
        " terug naar de gemeente."
    )
    regio = geld(v, p)
    rows = [v.financien(x.slug, p) for x in v.gemeenten_in(p)]
    assert regio.bijdrage == sum(x.totaal.budget for x in rows) == Decimal(15521000)
    assert regio.besteed == sum(x.totaal.besteed for x in rows) == Decimal(15349550)
    assert regio.terugbetaling - regio.bijbetaling == sum(x.afrekening.te_verrekenen for x in rows)
    html = text(render_rapport(v, "regio", "2016", "test", pdf=False).html)
    assert "€ 15.349.550 van de bijdrage van € 15.521.000 (98,9%); € 171.450 niet besteed" in html
    assert "Afrekening 2016: € 176.350 terug naar de gemeenten en € 3.800 bij te betalen door de gemeenten" in html


# --- besluitpunten per body, and what stays open ------------------------------------------------


def test_regional_besluitpunten_are_grouped_by_who_decides(v):
    p = v.periode("2016")
    punten = besluiten.besluitpunten(v, p, None)
    escalatie = [x for x in punten if x.beslisser == besluiten.ESCALATIE]
    open_2015 = [s for s in besluiten.naar_bestuur(v, v.periode("2015"), None) if s.bron.opvolging is None]
    assert len(escalatie) == len(besluiten.naar_bestuur(v, p, None)) + len(open_2015) == 9 + 5
    ter_besluitvorming = [g.naam for g in v.gemeenten_in(p) if v.versies.huidig(g.slug).status == "ter besluitvorming"]
    assert [x.gemeente for x in punten if x.beslisser == besluiten.COLLEGE] == ter_besluitvorming
    saldo = {g.naam: v.financien(g.slug, p).afrekening.te_verrekenen for g in v.gemeenten_in(p)}
    bij = [naam for naam, s in saldo.items() if s is not None and s < 0]
    assert [x.gemeente for x in punten if x.beslisser == besluiten.RAAD] == bij == ["Groesbeek"]
    assert [x.bedrag for x in punten if x.beslisser == besluiten.RAAD] == [-saldo["Groesbeek"]] == [3100]
    html = text(render_rapport(v, "regio", "2016", "test", pdf=False).html)
    assert "Besluitpunten voor de bestuurscommissie Werk" in html
    for naam in ter_besluitvorming:
        assert f"Besluitpunten voor het college van burgemeester en wethouders van {naam}" in html
    assert "Besluitpunten voor de gemeenteraad van Groesbeek Bijbetaling Groesbeek: € 3.100 uit de afrekening" in html


def test_a_besluitpunt_without_opvolging_becomes_a_besluitpunt_again(v):
    vorige = besluiten.naar_bestuur(v, v.periode("2015"), None)
    open_ = [s for s in vorige if s.bron.opvolging is None]
    assert (len(open_), len(vorige)) == (5, 9)
    html = text(render_rapport(v, "regio", "2016", "test", pdf=False).html)
    assert (
        "Nog zonder opvolging : 5 van de 9 besluitpunten van 2015 hebben nog geen opvolging; zij staan opnieuw bij de "
        "besluitpunten." in html
    )
    for s in open_:
        assert f"{s.indicator.naam} – {s.naam} – uit 2015, nog zonder opvolging" in html
    assert html.count("Dit besluitpunt uit 2015 heeft nog geen opvolging. Welk besluit neemt") == 5


def test_a_stalled_point_is_carried_until_it_gets_an_opvolging(tertaal_region):
    """Tertaal: Beekdal's T1 afwijking has no opvolging; it is open again in T2 and in T3."""
    vv = Verantwoording(load_project(tertaal_region.root))
    t1 = besluiten.naar_bestuur(vv, vv.periode("2016-T1"), None)
    stil = [s for s in t1 if s.bron.opvolging is None]
    for code in ("2016-T2", "2016-T3"):
        carried = besluiten.zonder_opvolging(vv, vv.periode(code), None)
        for s in stil:
            assert any(c.indicator.id == s.indicator.id and c.naam == s.naam for c, _ in carried)


# --- the vastgestelde record shows the decisions taken on it ---------------------------------------


def test_vastgestelde_2015_report_shows_decisions_and_stays_valid(v, tmp_path):
    from generator.render.documents.rapport.vastlegging import rapport_findings

    html = text(render_rapport(v, "wijchen", "2015", "test", pdf=False).html)
    assert "Besluit (14 april 2016), na de vaststelling toegevoegd: Screening wordt vanaf 2016" in html
    assert "Na de vaststelling is over 2 van de 2 besluitpunten een besluit genomen" in html
    regio = text(render_rapport(v, "regio", "2015", "test", pdf=False).html)
    genomen = [s for s in besluiten.naar_bestuur(v, v.periode("2015"), None) if s.bron.opvolging is not None]
    assert f"Na de vaststelling is over {len(genomen)} van de 9 besluitpunten een besluit genomen" in regio
    assert rapport_findings(v.project, v) == []  # the controlegetallen of the records still hold


# --- the raad's question, from the region's data -----------------------------------------------------


def test_the_raad_is_asked_what_the_region_wrote_and_pointed_to_the_bestuur_page(v, gemeentepagina):
    vraag = v.project.regio.rapportage.besluitvorming.vraag_aan_raad["jaar"]
    html = render_rapport(v, "wijchen", "2016", "test", pdf=False).html
    assert f"Na deze rapportage is de raad aan zet bij {vraag.moment}." in text(html)
    assert '<span class="sitepagina" data-pagina="bestuur.md">Bestuur en besluitvorming</span>' in html
    pagina = gemeentepagina["gemeenten/wijchen/index.md"]
    assert "### Wat vragen we van de raad" in pagina and "[Bestuur en besluitvorming](../../bestuur.md)" in pagina
    # the reading copy of gemeenten/wijchen/rapport-2016/ links the site's page
    assert site_links(html, "gemeenten/wijchen/rapport-2016.md").count('<a href="../../../bestuur/">') == 1
    assert site_links(html, "regio/rapport-2016.md").count('<a href="../../bestuur/">') == 1


def test_in_year_report_of_a_tertaal_region_without_and_with_a_question(tertaal_region):
    vv = Verantwoording(load_project(tertaal_region.root))
    t2 = text(render_rapport(vv, "beekdal", "2016-T2", "test", pdf=False).html)
    assert "Wat vragen we van de raad" not in t2  # the region wrote nothing: no empty section
    assert "Afrekening" not in t2.split("Hoe de cijfers")[0]  # no afrekening before year end
    g = geld(vv, vv.periode("2016-T2"), "beekdal")
    assert g.zin.startswith(f"Besteed tot en met 31 augustus 2016: € {g.besteed:,}".replace(",", "."))
    regio = tertaal_region.read("content/regio.yaml")
    tertaal_region.write(
        "content/regio.yaml",
        regio.replace(
            "  escalatie:\n",
            "  besluitvorming:\n    raad:\n      naam: raad\n    vraag_aan_raad:\n      T2:\n"
            "        moment: de begroting\n        tekst: De raad stelt in november de begroting vast.\n"
            "  escalatie:\n",
            1,
        ),
    )
    vv = Verantwoording(load_project(tertaal_region.root))
    t2 = text(render_rapport(vv, "beekdal", "2016-T2", "test", pdf=False).html)
    assert "Na deze rapportage is de raad aan zet bij de begroting. De raad stelt in november de begroting vast." in t2
    t3 = text(render_rapport(vv, "beekdal", "2016-T3", "test", pdf=False).html)
    assert "Wat vragen we van de raad" not in t3


# --- conclusions that state a direction come from the figures -----------------------------------------


def test_conclusion_sentences_follow_the_table(v):
    p = v.periode("2016")
    r = v.regio("instroom-uitkering", p)
    assert r.realisatie > r.streefwaarde and r.indicator.richting == "lager is beter" and r.status == kpi.OP_KOERS
    afwijking = [u.gemeente.naam for u in r.uitkomsten if u.status == kpi.AFWIJKING]
    html = text(render_rapport(v, "regio", "2016", "test", pdf=False).html)
    assert (
        "Instroom in de bijstand (regio): 2.925 tegenover een streefwaarde van 2.795, boven de streefwaarde en "
        "daarmee slechter dan afgesproken (lager is beter), maar binnen de marge: op koers. "
        f"Afwijking bij {' en '.join(afwijking)}." in html
    )
    # the region's own text no longer states a direction the figures must confirm
    assert "in de hele regio boven de streefwaarde" not in html


# --- PDF: page 1 as printed, still accessible ----------------------------------------------------------


@pytest.mark.parametrize(("naam", "code"), [("wijchen", "2016"), ("regio", "2016"), ("wijchen", "2015")])
def test_page_1_of_the_pdf_has_the_overview_and_the_pdf_stays_accessible(v, tmp_path, naam, code):
    from pdfua import validate

    rendered = render_rapport(v, naam, code, "test")
    eerste = pdf_text(rendered.pdf, tmp_path, f"{naam}-{code}", last=1)
    overzicht = raad_van_periode(v, None if naam == "regio" else naam, v.periode(code))
    assert "In het kort" in eerste
    assert flat(overzicht.resultaat.zin) in eerste.replace("- ", "-")
    assert overzicht.geld.zin.split(":")[1].split(" van ")[0].strip() in eerste  # the amount spent
    report = validate(str(tmp_path / f"{naam}-{code}.pdf"))
    assert [f"{f.rule_id} {f.severity.name}: {f.message}" for f in report.findings] == []


# --- a region in its own words ----------------------------------------------------------------------


def _example_words() -> list[str]:
    regio = YAML(typ="safe").load((REPO / "content" / "regio.yaml").read_text(encoding="utf-8"))
    return [
        "Rijk van Nijmegen",
        *[g["naam"] for g in regio["gemeenten"]],
        "Werkbedrijf",
        "bestuurscommissie",
        "voorjaarsnota",
    ]


def test_dommeldal_page_1_uses_its_own_body_and_no_example_words(tmp_path):
    root = fixture_region("dommeldal", tmp_path / "dommeldal")
    vv = Verantwoording(load_project(root))
    for naam in ("dommelrode", "regio"):
        html = text(render_rapport(vv, naam, "2023", "test", pdf=False).html)
        assert [w for w in _example_words() if w.lower() in html.lower()] == []
        assert "Besluitpunten voor het dagelijks bestuur van het Werkplein" in html
        assert "Wat vragen we van de raad" not in html  # its data says nothing: no section
    shutil.rmtree(root)


def test_a_question_for_a_period_the_scheme_does_not_have_is_refused_at_its_line(region):
    """The example reports per year: a question after 'T2' would never be shown."""
    region.replace("content/regio.yaml", "    vraag_aan_raad:\n      jaar:", "    vraag_aan_raad:\n      T2:")
    line = region.line_of("content/regio.yaml", "      T2:")
    lines = findings(region)
    assert_finding(lines, f"content/regio.yaml:{line}:7", "periode-ongeldig")
    assert any(
        "verwacht een periode van het jaar in het periodeschema 'jaar' (jaar), gevonden 'T2'" in x for x in lines
    )
