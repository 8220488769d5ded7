"""Reports measure against the DVO in force at their peildatum, and money follows the DVO's articles.

Every figure is computed here by hand from the example's data:

- Nijmegen's version 1.0 was vastgesteld on 16 December 2014 (recorded at revision 89c7a07);
  version 1.1 (9 June 2015, the jonggehandicapten afspraak) is ter besluitvorming. So 2015 and
  2016 are measured against 1.0, read from its revision.
- The gemeente pays a bijdrage: its basis share, the verplichtingen and each afspraak's budget.
  The maatwerkbudget not allocated to an afspraak stays with the gemeente and is never judged.
"""

from __future__ import annotations

import re
import subprocess
from decimal import Decimal as D

import pytest

from generator.compute.financien import BINNEN_BUDGET, OVERSCHREDEN, ZONDER_AFSPRAAK
from generator.compute.verantwoording import Verantwoording
from generator.load.project import load_project
from generator.render.documents.rapport.render import render_gemeente, render_regio
from tests.conftest import REPO, Region, assert_only_finding, copy_region

N = "gemeenten/nijmegen.yaml"


@pytest.fixture(scope="module")
def v():
    return Verantwoording(load_project(REPO))


def text(html: str) -> str:
    out = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    for mark in ".,:;":
        out = out.replace(f" {mark}", mark)
    return out


# --- 1. the DVO in force ------------------------------------------------------------------------


def test_nijmegen_2015_is_measured_against_version_1_0_from_its_revision(v):
    p = v.periode("2015")
    dvo = v.geldende_dvo("nijmegen", p)
    assert dvo.geldend and dvo.versie.versie == "1.0" and dvo.versie.revisie.startswith("89c7a07")
    assert dvo.omschrijving == "Gemeten tegen DVO versie 1.0, vastgesteld op 16 december 2014."
    f = v.financien("nijmegen", p)
    # 1.0 has two afspraken: 223.000 + 198.000 = 421.000 (1.1 adds 50.000 for jonggehandicapten)
    assert [a.label for a in f.afspraken] == [
        "Jongeren van 18 tot 27 jaar aan het werk",
        "Wijkgerichte aanpak langdurig bijstandsgerechtigden",
    ]
    assert f.toegewezen == 421000
    # maatwerkbudget 2015: 10.726.778 + 422.222 - 7.781.000 - 2.871.000 = 497.000; 76.000 not allocated
    assert (f.maatwerkbudget, f.niet_toegewezen) == (497000, 76000)
    # what was spent on the afspraak 1.0 does not have is shown apart, never in the bijdrage
    [buiten] = f.buiten_dvo
    assert (buiten.label, buiten.besteed, buiten.status) == (
        "Jonggehandicapten met arbeidsvermogen aan het werk",
        18600,
        ZONDER_AFSPRAAK,
    )


def test_a_gemeente_without_a_version_in_force_is_measured_against_its_current_version_and_says_so(v):
    p = v.periode("2016")
    wijchen = v.geldende_dvo("wijchen", p)
    assert not wijchen.geldend and wijchen.versie.versie == "0.9"
    assert (
        wijchen.omschrijving == "Geen vastgestelde DVO op de peildatum: gemeten tegen versie 0.9 (ter besluitvorming)."
    )
    html = text(render_gemeente(v, "wijchen", p, "test", pdf=False).html)
    assert (
        "Let op: geen vastgestelde DVO. Op de peildatum (31 december 2016) had de gemeente Wijchen geen "
        "vastgestelde of ondertekende DVO." in html
    )
    assert "Gemeten tegen geen vastgestelde DVO; versie 0.9 (ter besluitvorming)" in html  # page 1, the title block
    # Heumen signed 1.0 in December 2014
    assert (
        v.geldende_dvo("heumen", p).omschrijving
        == "Gemeten tegen DVO versie 1.0 van 9 december 2014, ondertekend op 19 december 2014."
    )


def test_page_one_and_colofon_name_the_version(v):
    html = text(render_gemeente(v, "nijmegen", v.periode("2016"), "test", pdf=False).html)
    assert "Gemeten tegen DVO versie 1.0, vastgesteld op 16 december 2014" in html  # title block
    colofon = html[html.index("Colofon") :]
    assert colofon.startswith(
        "Colofon Gemeten tegen DVO versie 1.0, vastgesteld op 16 december 2014. De gegevens van die versie komen "
        "uit revisie 89c7a07e91."
    )


def test_the_regional_report_lists_the_gemeenten_without_a_version_in_force(v):
    html = text(render_regio(v, v.periode("2016"), "test", pdf=False).html)
    assert (
        "Let op: 7 van de 9 gemeenten hadden op de peildatum geen vastgestelde DVO. Zij zijn gemeten tegen een "
        "versie die (nog) niet "
        "is vastgesteld: Beuningen: versie 0.3 (concept); Druten: versie 0.3 (concept); Groesbeek: versie 0.3 "
        "(concept); "
        "Millingen aan de Rijn: versie 0.3 (concept); Mook en Middelaar: versie 0.3 (concept); Ubbergen: versie "
        "0.3 (concept); "
        "Wijchen: versie 0.9 (ter besluitvorming)."
    ) in html
    colofon = html[html.index("Colofon") :]
    assert "Heumen versie 1.0 van 9 december 2014, ondertekend op 19 december 2014" in colofon
    assert "Nijmegen versie 1.0, vastgesteld op 16 december 2014" in colofon
    assert "Wijchen geen vastgestelde DVO; gemeten tegen versie 0.9 (ter besluitvorming)" in colofon


def test_the_dvo_in_force_is_made_from_its_revision_so_later_changes_do_not_touch_it(region):
    """A new word in the standard text changes the draft (1.1), never the vastgestelde 1.0."""
    from generator.render.documents.dvo.render import render_dvo

    before = render_dvo(load_project(region.root), "nijmegen", versie="1.0", pdf=False).html
    draft_before = render_dvo(load_project(region.root), "nijmegen", pdf=False).html
    region.replace(
        "content/dvo-standaardbepalingen.yaml",
        "opzegtermijn van ten minste zes maanden",
        "opzegtermijn van ten minste drie maanden",
    )
    project = load_project(region.root)
    assert render_dvo(project, "nijmegen", versie="1.0", pdf=False).html == before
    draft = render_dvo(project, "nijmegen", pdf=False).html
    assert draft != draft_before and "drie maanden" in draft and "zes maanden" in before


def test_a_missing_revision_is_refused_with_the_fix(tmp_path):
    copy = Region(copy_region(tmp_path / "kopie", git=False))
    result = copy.dvo("validate")
    assert result.exit_code == 1 and "Traceback" not in result.output
    line = copy.line_of(N, "revisie: 89c7a07")
    assert result.output.startswith(
        f"{N}:{line}:16: dvo.wijzigingen[1].revisie: de DVO-versie 1.0 wordt uit die revisie gelezen, maar revisie "
        "'89c7a07e912ffa38aa82c8d0192fc59b81d1b0d8' kan niet worden gelezen: deze map is geen git-repository. "
        "Werk in een kloon van de regio-repository (git clone), niet in een kopie van de bestanden "
        "[revisie-onleesbaar]\n"
    ), result.output
    # a shallow clone (GitHub Actions checks out one commit by default): the message names fetch-depth
    shallow = tmp_path / "ondiep"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{REPO}", str(shallow)], check=True, capture_output=True
    )
    for folder in ("content", "gemeenten"):  # this branch's data, in the shallow clone
        subprocess.run(["rm", "-rf", str(shallow / folder)], check=True)
        subprocess.run(["cp", "-r", str(REPO / folder), str(shallow / folder)], check=True)
    result = Region(shallow).dvo("validate")
    assert result.exit_code == 1
    assert (
        "bestaat niet in deze repository (deze kloon is ondiep, dus de geschiedenis ontbreekt: haal de hele "
        "geschiedenis op met "
        "'git fetch --unshallow' (in CI: 'fetch-depth: 0' bij actions/checkout in GitHub Actions, GIT_DEPTH: "
        '"0" in GitLab CI)) [revisie-onleesbaar]'
    ) in result.output
    assert result.output.count("\n") == 2  # one finding, one summary line


def test_build_publishes_the_version_in_force_beside_the_draft(built):
    pdf = built / "site" / "pdf"
    assert (
        (pdf / "dvo-nijmegen-1.0.pdf").is_file()
        and (pdf / "dvo-nijmegen.pdf").is_file()
        and (pdf / "wijzigingen-nijmegen.pdf").is_file()
    )
    assert not (pdf / "dvo-heumen-1.0.pdf").exists()  # Heumen's current version is the one in force
    page = (built / "site" / "gemeenten" / "nijmegen" / "index.html").read_text(encoding="utf-8")
    plain = text(page)
    assert (
        "Geldende DVO: versie 1.0 DVO versie 1.0, vastgesteld op 16 december 2014. Versie 1.1 van 9 juni 2015 "
        "ligt ter besluitvorming; tot die is vastgesteld, geldt versie 1.0." in plain
    )
    assert (
        "DVO Nijmegen, versie 1.0 (geldend)" in plain
        and "Ontwerp-DVO Nijmegen, versie 1.1 (ter besluitvorming)" in plain
    )
    assert 'href="dvo-1.0/"' in page and 'href="wijzigingen/"' in page
    copy = text((built / "site" / "gemeenten" / "nijmegen" / "dvo" / "index.html").read_text(encoding="utf-8"))
    assert "Tot deze versie is vastgesteld, geldt DVO versie 1.0, vastgesteld op 16 december 2014." in copy
    druten = text((built / "site" / "gemeenten" / "druten" / "index.html").read_text(encoding="utf-8"))
    assert "Geen vastgestelde DVO De gemeente Druten heeft nog geen vastgestelde of ondertekende DVO." in druten


# --- 3. money per the DVO's own articles --------------------------------------------------------


def test_nijmegen_2016_is_judged_on_its_afspraken_not_on_the_maatwerkbudget(v):
    """Under 1.0: afspraken 281.000 + 249.000 = 530.000, spent 258.500 + 229.100 = 487.600 (92,0%).
    The maatwerkbudget 10.900.358 + 1.384.732 - 8.789.300 - 2.871.000 = 624.790 is context only."""
    f = v.financien("nijmegen", v.periode("2016"))
    assert (f.maatwerk.budget, f.maatwerk.besteed, round(f.maatwerk.percentage, 1), f.maatwerk.status) == (
        530000,
        487600,
        D("92.0"),
        BINNEN_BUDGET,
    )
    assert (f.maatwerkbudget, f.niet_toegewezen) == (624790, 94790)
    assert [r.status for r in f.signalen] == [ZONDER_AFSPRAAK]  # no 'maatwerkbudget onderbesteed'
    # Afrekening: afspraken 22.500 + 19.900 back; verplichtingen 2.871.000 - 2.812.500 = 58.500 back
    # (settled at their actual cost); 52.300 without an afspraak in 1.0 is the Werkbedrijf's.
    a = f.afrekening
    assert (a.bijdrage, a.besteed) == (8789300 + 2871000 + 530000, 8789300 + 2812500 + 487600 + 52300)
    assert (a.terugbetaling, a.bijbetaling, a.te_verrekenen, a.ten_laste_organisatie) == (100900, 0, 100900, 52300)
    assert a.uitkomst == "terugbetaling aan de gemeente van € 100.900"


def test_once_1_1_is_vastgesteld_nijmegen_2016_has_three_afspraken(region):
    """The issue's own figures: afspraken € 590.000, besteed € 539.900 (91,5 %)."""
    region.replace(N, "  status: ter besluitvorming\n", "  status: vastgesteld\n")
    region.replace(
        N,
        "        orgaan: het college van burgemeester en wethouders van Nijmegen\n",
        "        orgaan: het college van burgemeester en wethouders van Nijmegen\n        datum: 2015-06-23\n",
    )
    region.replace(
        N,
        "        orgaan: de bestuurscommissie Werk\n",
        "        orgaan: de bestuurscommissie Werk\n        datum: 2015-06-25\n",
    )
    assert region.dvo("validate").exit_code == 0
    v = Verantwoording(load_project(region.root))
    f = v.financien("nijmegen", v.periode("2016"))
    assert v.geldende_dvo("nijmegen", v.periode("2016")).versie.versie == "1.1" and not f.buiten_dvo
    assert (f.maatwerk.budget, f.maatwerk.besteed) == (590000, 539900)
    assert f"{f.maatwerk.percentage:.1f}" == "91.5"  # 539.900 / 590.000 = 91,508...%
    # back: 22.500 + 19.900 + 7.700 on the afspraken, 58.500 on the verplichtingen; 34.790 never allocated
    assert (f.afrekening.terugbetaling, f.afrekening.ten_laste_organisatie, f.niet_toegewezen) == (108600, 0, 34790)


def test_ubbergen_2016_overrun_is_borne_by_the_werkbedrijf(v):
    """Afspraak 37.000, spent 38.100: overschreden by 1.100, which the gemeente does not pay. The
    maatwerkbudget 221.937 + 28.195 - 177.345 - 29.000 = 43.787 leaves 6.787 unallocated: not
    'onderbesteed', it stays with the gemeente."""
    f = v.financien("ubbergen", v.periode("2016"))
    [afspraak] = f.afspraken
    assert (afspraak.budget, afspraak.besteed, afspraak.status) == (37000, 38100, OVERSCHREDEN)
    assert f.signalen == [afspraak] and (f.maatwerkbudget, f.niet_toegewezen) == (43787, 6787)
    [_, verpl, regel] = f.afrekening.regels
    assert (regel.bijdrage, regel.verschuldigd, regel.te_verrekenen, regel.ten_laste_organisatie) == (
        37000,
        37000,
        0,
        1100,
    )
    assert (verpl.bijdrage, verpl.verschuldigd, verpl.te_verrekenen) == (29000, 29000, 0)
    assert f.afrekening.uitkomst == "niets te verrekenen" and f.afrekening.ten_laste_organisatie == 1100
    html = text(render_gemeente(v, "ubbergen", v.periode("2016"), "test", pdf=False).html)
    assert "Afrekening 2016: niets te verrekenen; € 1.100 komt voor rekening van het Werkbedrijf." in html
    assert (
        "Financieel gesignaleerd: maatwerkafspraak ‘55-plussers aan het werk’ overschreden (€ 38.100 van € 37.000)."
    ) in html
    start = html.index("Financiële verantwoording Beoordeeld")
    geld = html[start : html.index("Per indicator", start)]  # the money sections, up to the indicators
    assert "onderbesteed" not in geld and "€ 6.787 is niet aan een afspraak toegewezen" in geld


def test_a_gemeente_without_afspraken_has_nothing_to_judge_on_maatwerk(v):
    """Millingen aan de Rijn 2015: maatwerkbudget 1.000 (seed §7.4), no afspraak. Bijdrage 140.000 +
    54.000 = 194.000, all spent: nothing to settle; the 1.000 stays with the gemeente."""
    f = v.financien("millingen-aan-de-rijn", v.periode("2015"))
    assert f.afspraken == [] and (f.maatwerkbudget, f.niet_toegewezen) == (1000, 1000)
    assert (f.totaal.budget, f.totaal.besteed, f.signalen) == (194000, 194000, [])
    assert f.afrekening.uitkomst == "niets te verrekenen"
    html = text(render_gemeente(v, "millingen-aan-de-rijn", v.periode("2015"), "test", pdf=False).html)
    assert "Afrekening 2015: niets te verrekenen." in html
    assert "Financieel: geen overschrijding of onderbesteding gesignaleerd." in html
    assert (
        "€ 1.000 is niet aan een afspraak toegewezen: dat hoort niet bij de bijdrage en blijft bij de gemeente." in html
    )


def test_the_regional_report_totals_the_afrekening(v):
    from generator.render.documents.rapport.view import regio_rapport

    doc = regio_rapport(v, v.periode("2016"), "test")
    fin = doc.financieel
    assert fin.terugbetaling == sum(f.afrekening.terugbetaling for f in fin.gemeenten)
    assert fin.ten_laste_organisatie == sum(f.afrekening.ten_laste_organisatie for f in fin.gemeenten) == 52300 + 1100
    assert fin.te_verrekenen == fin.terugbetaling - fin.bijbetaling


def test_finances_are_in_the_open_data_with_the_figures_of_the_reports(v):
    import csv
    import io
    import json

    from generator.publish.mkdocs_run import site_date
    from generator.render.open_data import files

    out = files(v, site_date(v.project))
    rows = list(csv.DictReader(io.StringIO(out["financien-nijmegen.csv"])))
    assert rows == [
        r for r in csv.DictReader(io.StringIO(out["financien-gemeenten.csv"])) if r["gemeente"] == "nijmegen"
    ]
    y2016 = {r["omschrijving"]: r for r in rows if r["periode"] == "2016"}
    jongeren = y2016["Jongeren van 18 tot 27 jaar aan het werk"]
    assert (jongeren["post"], jongeren["budget"], jongeren["besteed"], jongeren["te_verrekenen"]) == (
        "maatwerkafspraak",
        "281000",
        "258500",
        "22500",
    )
    assert y2016["Verplichtingen"]["te_verrekenen"] == "58500"
    assert y2016["Jonggehandicapten met arbeidsvermogen aan het werk"]["voor_rekening_organisatie"] == "52300"
    assert y2016["Maatwerkbudget niet toegewezen aan een afspraak"]["budget"] == "94790"
    assert {r["dvo_versie"] for r in rows} == {"1.0"}
    regio = {r["periode"]: r for r in json.loads(out["financien-regio.json"])}
    f = [v.financien(g.slug, v.periode("2016")) for g in v.project.gemeenten]
    assert regio["2016"]["bijdrage"] == sum(x.totaal.budget for x in f)
    assert regio["2016"]["voor_rekening_organisatie"] == 53400 and regio["2016"]["gemeenten_zonder_geldende_dvo"] == 7


# --- 4. a regional value from fewer than two gemeenten -------------------------------------------


def test_an_indicator_only_one_gemeente_measures_has_no_regional_figure_or_rank(v):
    r = v.regio("jeugdwerkloosheid", v.periode("2016"))
    assert [u.gemeente.slug for u in r.uitkomsten] == ["nijmegen"]
    assert not r.regionaal and r.status is None and r.uitkomsten[0].plaats is None
    assert all(s.indicator.id != "jeugdwerkloosheid" for s in v.signalen(v.periode("2016")) if s.regionaal)
    html = text(render_gemeente(v, "nijmegen", v.periode("2016"), "test", pdf=False).html)
    assert "Jeugdwerkloosheid 10,9% – – geen regionaal cijfer: alleen Nijmegen heeft een realisatie –" in html
    assert "1 van 1" not in html
    regio = text(render_regio(v, v.periode("2016"), "test", pdf=False).html)
    assert "Geen regionaal cijfer: alleen Nijmegen heeft voor deze indicator een realisatie in 2016" in regio
    from generator.render.open_data import regio_rows

    assert "jeugdwerkloosheid" not in {row["indicator"] for row in regio_rows(v)}


def test_a_version_read_from_its_revision_keeps_its_controlegetal(region):
    """Nijmegen 1.0 is made from its revision; a software change that makes it differently is caught
    (here simulated by a different recorded value) and re-recorded with --versie 1.0 --vervang."""
    echt = re.search(r"controlegetal: ([0-9a-f]{64})\n      revisie:", region.read(N)).group(1)
    region.replace(N, f"controlegetal: {echt}", "controlegetal: " + "a" * 64)
    line = region.line_of(N, "controlegetal: aaaa")
    finding = assert_only_finding(region, f"{N}:{line}:22", "controlegetal-gewijzigd")
    assert (
        "versie 1.0 zoals die in revisie" in finding and "'dvo vastleggen nijmegen --versie 1.0 --vervang'" in finding
    )
    result = region.dvo("vastleggen", "nijmegen", "--versie", "1.0")
    assert result.exit_code == 1 and "--versie 1.0 --vervang" in result.output
    result = region.dvo("vastleggen", "nijmegen", "--versie", "1.0", "--vervang")
    assert result.exit_code == 0, result.output
    assert f"controlegetal: {echt}" in region.read(N) and region.dvo("validate").exit_code == 0
    # the working file of the draft is not the record of 1.0: its own changes are the draft's
    result = region.dvo("vastleggen", "nijmegen", "--versie", "0.2")
    assert result.exit_code == 2 and "is geen vastgestelde of ondertekende versie met een revisie" in result.output


def test_a_report_leaves_out_the_sections_the_region_wrote_nothing_for(v):
    """No placeholder printed as content: a report without context or conclusies has no such section."""
    from generator.render.documents.rapport.view import cijferzinnen_gemeente

    leeg = text(render_gemeente(v, "ubbergen", v.periode("2016"), "test", pdf=False).html)
    assert "Context: arbeidsmarkt" not in leeg
    assert "geen context beschreven" not in leeg and "geen conclusies" not in leeg
    # Conclusions hold the sentences made from the figures (issue 22 point 3), never an empty section.
    zinnen = cijferzinnen_gemeente(v, "ubbergen", v.periode("2016"))
    assert zinnen and "Conclusies en aanbevelingen Wat de cijfers zeggen over de indicatoren die niet op koers" in leeg
    assert all(z in leeg for z in zinnen)
    wijchen = v.project.gemeente("wijchen").rapporten["2016"]
    assert wijchen.context and not wijchen.conclusies  # the example's Wijchen wrote a context only
    half = text(render_gemeente(v, "wijchen", v.periode("2016"), "test", pdf=False).html)
    assert f"Context: arbeidsmarkt en bijzonderheden {' '.join(wijchen.context.split())[:40]}" in half
    assert "Conclusies en aanbevelingen Wat de cijfers zeggen" in half  # the figures' sentences, no own text
