"""Verantwoordingsrapportages: hand-computed figures, signalering, open data and the rendered PDFs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from generator.compute import kpi
from generator.compute.rapportperiode import parse
from generator.compute.uitkomsten import ONVERKLAARD, TE_BEOORDELEN, VERKLAARD
from generator.compute.verantwoording import Verantwoording
from generator.models.kinds import kind_for
from tests.conftest import REPO, SLUGS, document_html, pdf_pages


@pytest.fixture(scope="module")
def v(project):
    return Verantwoording(project)


def uitkomst(v, slug, indicator, periode="2016"):
    return next(u for u, _ in v.gemeente(slug, v.periode(periode)) if u.indicator.id == indicator)


def test_example_region_reports_two_years(v):
    assert [p.code for p in v.perioden] == ["2015", "2016"]


def test_lower_is_better_is_scored_inverted_with_status_and_place(v):
    # Wijchen, instroom in de bijstand 2016: streefwaarde 191, realisatie 241 (lager is beter).
    u = uitkomst(v, "wijchen", "instroom-uitkering")
    assert (u.streefwaarde, u.realisatie) == (191, 241)
    assert u.percentage == Decimal(241) / 191 * 100  # 126,2%: more than the target ...
    assert u.score == Decimal(191) / 241 * 100  # ... which is bad: 79,3% of the target performance
    assert u.status == kpi.AFWIJKING
    assert (u.plaats, u.deelnemers) == (9, 9)


def test_higher_is_better_score_is_the_plain_percentage(v):
    u = uitkomst(v, "wijchen", "uitstroom-werk")  # 97 of 110
    assert u.score == u.percentage == Decimal(97) / 110 * 100
    assert u.status == kpi.AANDACHTSPUNT  # 88,2%: between 80 and 95
    assert u.signalering is None and u.toelichting.oorzaak is None  # explained, though no deviation


def test_weighted_regional_percentage_uses_the_denominators_not_a_plain_mean(v):
    r = v.regio("vervullingspercentage", v.periode("2016"))
    # Hand-computed from the nine gemeente files (teller of noemer werkplekken filled): the weighted
    # percentage is all filled places over all places, 468 of 698 = 67,05%.
    assert abs(r.realisatie - Decimal(46800) / 698) < Decimal("1e-20")
    plain = sum(u.realisatie for u in r.uitkomsten) / 9  # a plain mean of the nine percentages: 68,25%
    assert round(plain, 2) == Decimal("68.25") and round(r.realisatie, 2) == Decimal("67.05")
    # Each gemeente aims at its nulmeting + 4 procentpunt in 2016, weighted by the same noemers:
    # 68,5 x 26 + 70 x 17 + 65 x 23 + 73 x 16 + 67 x 9 + 69 x 7 + 66,5 x 541 + 64 x 11 + 71 x 48 = 46.808,5
    assert r.streefwaarde == Decimal("46808.5") / 698  # 67,06%
    assert len(r.uitkomsten) == r.gemeenten_totaal == 9


def test_counts_are_summed_for_the_region(v, project):
    r = v.regio("uitstroom-werk", v.periode("2015"))
    assert r.realisatie == sum(
        g_p.realisaties["2015"].waarde
        for g in project.gemeenten
        for g_p in g.prestatie_indicatoren
        if g_p.indicator == "uitstroom-werk"
    )
    assert "som" in r.definitie


def test_deviation_with_an_accepted_cause_is_explained_only_once_accepted(v):
    # Nijmegen 2016: the cause was accepted (door, datum): explained, it does not go to the bestuur.
    u = uitkomst(v, "nijmegen", "plaatsing-ondersteuning", "2016")
    assert u.status == kpi.AFWIJKING and u.signalering == VERKLAARD and not u.naar_bestuur
    assert (u.toelichting.aanvaard.door, u.toelichting.aanvaard.datum) == (
        "periodiek overleg gemeente Nijmegen en Werkbedrijf",
        dt.date(2017, 2, 9),
    )
    # Beuningen 2016: an accepted kind of cause, but nobody accepted it yet: it goes to the bestuur.
    u = uitkomst(v, "beuningen", "uitstroom-werk")
    assert u.toelichting.oorzaak == "demografische of economische ontwikkeling" and u.toelichting.aanvaard is None
    assert u.signalering == TE_BEOORDELEN and u.naar_bestuur


def test_deviation_with_only_a_text_is_not_an_accepted_explanation(v):
    u = uitkomst(v, "heumen", "tevredenheid-kandidaten")
    assert u.toelichting is not None and u.toelichting.oorzaak is None
    assert u.signalering == ONVERKLAARD


def test_example_data_shows_every_status_and_both_kinds_of_signalering(v, project):
    uitkomsten = [u for g in project.gemeenten for u, _ in v.gemeente(g.slug, v.periode("2016"))]
    assert {u.status for u in uitkomsten} == {kpi.OP_KOERS, kpi.AANDACHTSPUNT, kpi.AFWIJKING}
    assert {u.signalering for u in uitkomsten} == {None, VERKLAARD, TE_BEOORDELEN, ONVERKLAARD}


@pytest.mark.parametrize(
    "code, scheme, einde",
    [
        ("2016", "jaar", dt.date(2016, 12, 31)),
        ("2016-T2", "tertaal", dt.date(2016, 8, 31)),
        ("2016-Q1", "kwartaal", dt.date(2016, 3, 31)),
        ("2016-Q4", "kwartaal", dt.date(2016, 12, 31)),
    ],
)
def test_period_end_is_the_peildatum(code, scheme, einde):
    assert parse(code, scheme).einddatum == einde


def test_a_year_report_compares_with_the_year_target_for_every_meetwijze(project):
    nijmegen = project.gemeente("nijmegen")
    for p in nijmegen.prestatie_indicatoren:
        assert kind_for(project.indicator(p.indicator)).koers(p, parse("2016", "jaar")).waarde == p.streefwaarden[2016]


def test_open_data_has_every_value_per_gemeente_and_period(built, project):
    rows = list(csv.DictReader(io.StringIO((built / "site" / "pdf" / "kpi-gemeenten.csv").read_text(encoding="utf-8"))))
    # One row per judged series with a realisatie: each indicator the DVO in force sets, and each
    # kengetal with targets in it (2016: no vastgestelde report, so the working data; 2015's rows are
    # those of its recorded report, see test_rapport_vastgelegd).
    v = Verantwoording(project)
    p2016 = v.periode("2016")
    assert p2016 is not None
    keys = [(r["gemeente"], r["indicator"], r["periode"]) for r in rows]
    assert len(keys) == len(set(keys))
    expected = sum(1 for g in v.gemeenten_in(p2016) for r in v.reeksen(g, p2016) if "2016" in r.prestatie.realisaties)
    assert sum(r["periode"] == "2016" for r in rows) == expected
    assert any(r["indicator"] == "werkplekken.partieel" for r in rows)
    wijchen = next(
        r for r in rows if (r["gemeente"], r["indicator"], r["periode"]) == ("wijchen", "instroom-uitkering", "2016")
    )
    assert (
        wijchen["realisatie"] == "241" and wijchen["prestatie"] == "79.25" and wijchen["signalering"] == "onverklaard"
    )
    own = list(csv.DictReader(io.StringIO((built / "site" / "pdf" / "kpi-wijchen.csv").read_text(encoding="utf-8"))))
    assert own == [r for r in rows if r["gemeente"] == "wijchen"]
    wijchen_2016 = v.reeksen(project.gemeente("wijchen"), p2016)
    assert sum(r["periode"] == "2016" for r in own) == sum("2016" in r.prestatie.realisaties for r in wijchen_2016)
    data = json.loads((built / "site" / "pdf" / "kpi-regio.json").read_text(encoding="utf-8"))
    vervulling = next(r for r in data if (r["indicator"], r["periode"]) == ("vervullingspercentage", "2016"))
    assert vervulling["realisatie"] == 67.05 and vervulling["aggregatie"] == "gewogen gemiddelde"


def test_gemeente_report_pdf_states_figures_status_and_signalering(built):
    path = built / "site" / "pdf" / "rapport-wijchen-2016.pdf"
    text = "\n".join(pdf_pages(path))
    flat = " ".join(text.split())
    assert "Verantwoordingsrapportage Wijchen 2016" in flat
    assert "Besluitpunten voor de bestuurscommissie Werk" in flat
    assert "Instroom in de bijstand – Wijchen" in flat and "prestatie 79,3%" in flat
    # Page 1 says what goes to the body; the main table marks the afwijking as a besluitpunt.
    first = " ".join(pdf_pages(path)[0].split())
    assert (
        "3 besluitpunten: 2 voor de bestuurscommissie Werk (1 afwijking van Wijchen, 1 regionaal cijfer); 1 voor het "
        "college van burgemeester en wethouders van Wijchen." in first
    )
    # Judged on what Wijchen pays (its afspraak: 27.600 of 30.000 = 92,0%), never on the 3.929 of
    # its maatwerkbudget 33.929 that no afspraak holds. Afrekening: 167.000 - 158.650 = 8.350 on the
    # verplichtingen and 30.000 - 27.600 = 2.400 on the afspraak go back to the gemeente.
    assert "Afrekening 2016: € 10.750 terug naar de gemeente." in first
    assert "Financieel: geen overschrijding of onderbesteding gesignaleerd." in first
    assert "Let op: geen vastgestelde DVO." in first  # Wijchen 0.9 is ter besluitvorming
    assert "203 (2014) 191 241 +38 +56 79,3% afwijking (besluitpunt)" in flat
    assert "Vraag aan de bestuurscommissie Werk:" in flat
    assert "Maatwerk: Extra plaatsen beschut werk € 30.000 € 27.600 92,0% binnen budget" in flat
    assert "De uitstroom bleef achter" in flat  # a toelichting from the YAML
    reader = PdfReader(str(path))
    assert "/GTS_PDFA1" in str(reader.trailer["/Root"]["/OutputIntents"][0].get_object())
    attached = json.loads(reader.attachments["rapport-wijchen-2016.json"][0])
    assert {r["indicator"] for r in attached} >= {"uitstroom-werk", "instroom-uitkering"}


def test_regional_report_has_every_gemeente_and_states_the_aggregation(built):
    flat = " ".join(" ".join(pdf_pages(built / "site" / "pdf" / "rapport-regio-2016.pdf")).split())
    assert "Verantwoordingsrapportage regio Rijk van Nijmegen 2016" in flat
    for naam in ("Beuningen", "Millingen aan de Rijn", "Mook en Middelaar", "Wijchen"):
        assert naam in flat
    assert "gewogen naar beschikbare werkplekken" in flat
    assert "67,0%" in flat  # the weighted regional vervullingspercentage (468 of 698)
    assert "Verklaarde afwijkingen" in flat and "beleidskeuze in de DVO" in flat
    # The regional figure under its threshold is a besluitpunt of its own.
    assert "Plaatsingen met ondersteuning bij reguliere werkgevers – regio Rijk van Nijmegen (regionaal cijfer)" in flat


def test_every_chart_has_a_text_alternative_and_a_table(built):
    html = document_html(built, "rapport-druten-2016").read_text(encoding="utf-8")
    # each figure holds a chart in two layouts (print and wide screens; phones), each an image with its words
    assert html.count('role="img"') == 2 * html.count("<figure>") > 0
    assert html.count('class="grafiek"') == html.count('class="grafiek grafiek--smal"') == html.count("<figure>")
    assert html.count("<desc id=") == html.count('role="img"')
    # Every chart's figures in a table right after it: a line chart's series, a stacked bar's counts per category.
    assert len(re.findall(r'<table class="[^"]*\breeks\b', html)) == html.count("<figure>")


def test_reports_exist_for_every_gemeente_and_period(built):
    for periode in ("2015", "2016"):
        assert (built / "site" / "pdf" / f"rapport-regio-{periode}.pdf").is_file()
        for slug in SLUGS:
            assert (built / "site" / "pdf" / f"rapport-{slug}-{periode}.pdf").is_file()


def test_yaml_text_in_a_report_is_escaped_in_html_and_charts(region):
    from generator.load.project import load_project
    from generator.render.documents.rapport import render as rapport_render

    region.replace(
        "gemeenten/wijchen.yaml",
        "          De uitstroom bleef achter",
        "          <script>alert('x')</script> <img src=http://tracker.example/p.png> De uitstroom bleef achter",
    )
    v = Verantwoording(load_project(region.root))
    html = rapport_render.render_gemeente(v, "wijchen", v.periode("2016"), "test", pdf=False).html
    assert "<script>alert" not in html and "<img src=http" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_nijmegen_financial_section_judges_the_bijdrage_of_dvo_1_0(built):
    """2016 against DVO 1.0: maatwerkbudget 10.900.358 + 1.384.732 - 8.789.300 - 2.871.000 = 624.790;
    its two afspraken hold 281.000 + 249.000 = 530.000 (the bijdrage's maatwerk part); 94.790 is not
    allocated and stays with the gemeente. Bijdrage 8.789.300 + 2.871.000 + 530.000 = 12.190.300;
    spent on it 8.789.300 + 2.812.500 + 487.600 = 12.089.400 (99,2%). The 52.300 spent on the
    jonggehandicapten afspraak of draft 1.1 is outside the bijdrage, at the Werkbedrijf's cost."""
    flat = " ".join(" ".join(pdf_pages(built / "site" / "pdf" / "rapport-nijmegen-2016.pdf")).split())
    assert "Financiële verantwoording" in flat
    assert "Basisdienstverlening (aandeel in de regio) € 8.789.300 € 8.789.300 100,0% binnen budget" in flat
    assert "Verplichtingen € 2.871.000 € 2.812.500 98,0% binnen budget" in flat
    assert "Maatwerkafspraken samen € 530.000 € 487.600 92,0% binnen budget" in flat
    assert "Bijdrage € 12.190.300 € 12.089.400 99,2% binnen budget" in flat
    assert (
        "Het maatwerkbudget 2016 volgens de DVO is € 624.790. Daarvan is € 530.000 toegewezen aan 2 maatwerkafspraken"
        in flat
    )
    assert (
        "€ 94.790 is niet aan een afspraak toegewezen: dat hoort niet bij de bijdrage en blijft bij de gemeente" in flat
    )
    assert "Jonggehandicapten met arbeidsvermogen aan het werk € 52.300" in flat
    # the afrekening: back 22.500 + 19.900 (afspraken) + 58.500 (verplichtingen) = 100.900
    assert "Totaal € 12.190.300 € 12.141.700 € 12.089.400 terug € 100.900 € 52.300" in flat
    assert (
        "Uitkomst van de afrekening 2016: terugbetaling aan de gemeente van € 100.900. Het Werkbedrijf draagt "
        "zelf € 52.300." in flat
    )
    assert "maatwerkbudget onderbesteed" not in flat


def test_no_template_names_the_example_regions_escalation_body():
    """The body comes from regio.yaml; no report or DVO template may carry its name."""
    from ruamel.yaml import YAML

    naam = YAML(typ="safe").load((REPO / "content" / "regio.yaml").read_text(encoding="utf-8"))["rapportage"][
        "escalatie"
    ]["naam"]
    templates = REPO / "generator" / "templates"
    hits = [
        p.relative_to(REPO).as_posix()
        for p in templates.rglob("*")
        if p.is_file()
        and p.suffix in (".html", ".md", ".css")
        and naam.lower() in p.read_text(encoding="utf-8").lower()
    ]
    assert naam == "bestuurscommissie Werk" and hits == []
    code = [
        p.relative_to(REPO).as_posix()
        for p in (REPO / "generator").rglob("*.py")
        if naam.lower() in p.read_text(encoding="utf-8").lower()
    ]
    assert code == []
