"""In-year reports on the tertaal fixture region (tests/fixtures/tertaal), figures by hand.

Rivierenveld reports per tertaal, escalates to "het algemeen bestuur van de Werkorganisatie
Rivierenveld", and has an indicator of each meetwijze:
- uitstroom (stroom): Beekdal 330 in 2016, 360 in 2017; nulmeting 300 (2015);
- bijstandsbestand (stand, lager is beter): Beekdal 1.270 (nulmeting) -> 1.020 (2016) -> 900 (2017);
- plaatsingen (cumulatief since the DVO's start): Beekdal 60 by end 2016, 150 by end 2017;
- werkplekken (stroom, small counts): Heiderveen 6 a year;
- tevredenheid (rapportcijfer, judged in points: aandachtspunt from 0,5, afwijking from 1,0 below).
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from generator.compute import kpi
from generator.compute.financien import BINNEN_BUDGET, NIET_OPGEGEVEN, ONDERBESTEED, OVERSCHREDEN
from generator.compute.uitkomsten import ONVERKLAARD, TE_BEOORDELEN
from generator.compute.verantwoording import Verantwoording
from generator.load.project import load_project
from tests.conftest import TERTAAL, pdf_pages

BODY = "het algemeen bestuur van de Werkorganisatie Rivierenveld"


def cents(value: D) -> D:
    return value.quantize(D("0.01"))


@pytest.fixture(scope="module")
def v():
    return Verantwoording(load_project(TERTAAL))


def u(v, slug, indicator, code):
    return next(x for x, _ in v.gemeente(slug, v.periode(code)) if x.indicator.id == indicator)


# --- section 1: every meetwijze at T1, T2, T3 and across the year boundary -------------------


@pytest.mark.parametrize(
    "code, streef, real, score, status, nul, vorige",
    [
        # 330 × 1/3 = 110; 100/110 = 90,91%. Nulmeting for a third of the year: 300/3 = 100.
        # T1 restarts the count, so there is no comparison with the previous period.
        ("2016-T1", "110.00", 100, "90.91", kpi.AANDACHTSPUNT, 0, None),
        ("2016-T2", "220.00", 200, "90.91", kpi.AANDACHTSPUNT, 0, 100),  # 300 × 2/3 = 200; 200 - 100
        ("2016-T3", "330.00", 320, "96.97", kpi.OP_KOERS, 20, 120),
        ("2017-T1", "120.00", 80, "66.67", kpi.AFWIJKING, -20, None),  # 360/3 = 120
    ],
)
def test_stroom_is_compared_with_the_pro_rata_year_target(v, code, streef, real, score, status, nul, vorige):
    x = u(v, "beekdal", "uitstroom", code)
    assert (cents(x.streefwaarde), x.realisatie, cents(x.score), x.status) == (D(streef), real, D(score), status)
    assert x.verschil_nulmeting == nul and x.verschil_vorige == vorige


@pytest.mark.parametrize(
    "code, streef, real, score, nul, vorige",
    [
        # Koerslijn from the nulmeting 1.270 to 1.020: 1.270 - 250 × 1/3 = 1.186,67 at T1.
        # 1.186,67 / 1.180 = 100,56%: on course. (The pro-rata rule gave 340 / 1.180 = 28,8%.)
        ("2016-T1", "1186.67", 1180, "100.56", -90, None),
        ("2016-T2", "1103.33", 1100, "100.30", -170, -80),
        ("2016-T3", "1020.00", 1010, "100.99", -260, -90),
        # 2017 starts from last year's target: 1.020 - 120 × 1/3 = 980; 980 / 1.000 = 98%.
        # A stand is compared across the year boundary: 1.000 - 1.010 = -10.
        ("2017-T1", "980.00", 1000, "98.00", -270, -10),
    ],
)
def test_stand_lower_is_better_follows_the_koerslijn(v, code, streef, real, score, nul, vorige):
    x = u(v, "beekdal", "bijstandsbestand", code)
    assert (cents(x.streefwaarde), x.realisatie, cents(x.score)) == (D(streef), real, D(score))
    assert x.status == kpi.OP_KOERS and x.signalering is None and not x.naar_bestuur
    assert x.verschil_nulmeting == nul and x.verschil_vorige == vorige


def test_stand_on_course_at_t1_is_not_escalated(v):
    t1 = v.periode("2016-T1")
    assert all(s.indicator.id != "bijstandsbestand" for s in v.signalen(t1))
    # Heiderveen too: 600 - 40/3 = 586,67 against 590: 99,44%.
    x = u(v, "heiderveen", "bijstandsbestand", "2016-T1")
    assert (cents(x.streefwaarde), cents(x.score), x.status) == (D("586.67"), D("99.44"), kpi.OP_KOERS)


@pytest.mark.parametrize(
    "code, streef, real, status",
    [
        ("2016-T1", "20.00", 18, kpi.AANDACHTSPUNT),  # 60 × 1/3 = 20; 90%
        ("2016-T2", "40.00", 40, kpi.OP_KOERS),
        ("2016-T3", "60.00", 62, kpi.OP_KOERS),
        ("2017-T1", "90.00", 85, kpi.AANDACHTSPUNT),  # 60 + (150 - 60) × 1/3 = 90; 94,4%
    ],
)
def test_cumulatief_counts_from_the_start_of_the_dvo(v, code, streef, real, status):
    x = u(v, "beekdal", "plaatsingen", code)
    assert (cents(x.streefwaarde), x.realisatie, x.status) == (D(streef), real, status)
    assert x.verschil_nulmeting is None  # a count since the DVO's start has no comparable nulmeting
    assert x.koers.jaarwaarde == {2016: 60, 2017: 150}[x.periode.jaar]


def test_kwartaal_scheme_uses_quarters(tertaal_region):
    """The same data read per kwartaal: Q1 is a quarter of the year, not a third."""
    # Beekdal's ladder runs its 2017 overgangen from 2016-T3, which has no quarter: left out here.
    text = tertaal_region.read("gemeenten/beekdal.yaml")
    tertaal_region.write(
        "gemeenten/beekdal.yaml", text[: text.index("  # Een cohort van 100")] + text[text.index("\nbesteed:") + 1 :]
    )
    for rel in ("gemeenten/beekdal.yaml", "gemeenten/heiderveen.yaml", "content/regio.yaml"):
        text = tertaal_region.read(rel).replace("-T", "-Q")
        tertaal_region.write(rel, text.replace("periode_schema: tertaal", "periode_schema: kwartaal"))
    kv = Verantwoording(load_project(tertaal_region.root))
    assert [p.code for p in kv.perioden] == ["2016-Q1", "2016-Q2", "2016-Q3", "2017-Q1"]
    assert kv.periode("2016-Q1").einddatum.isoformat() == "2016-03-31"
    # stroom: 330/4 = 82,5; 100/82,5 = 121,21%.
    x = u(kv, "beekdal", "uitstroom", "2016-Q1")
    assert (x.streefwaarde, cents(x.score)) == (D("82.5"), D("121.21"))
    # stand: 1.270 - 250/4 = 1.207,5; 1.207,5/1.180 = 102,33%. Q3: 1.270 - 250 × 3/4 = 1.082,5.
    x = u(kv, "beekdal", "bijstandsbestand", "2016-Q1")
    assert (x.streefwaarde, cents(x.score)) == (D("1207.5"), D("102.33"))
    assert u(kv, "beekdal", "bijstandsbestand", "2016-Q3").streefwaarde == D("1082.5")
    # cumulatief: 60/4 = 15 at Q1; in 2017: 60 + 90/4 = 82,5.
    assert u(kv, "beekdal", "plaatsingen", "2016-Q1").streefwaarde == 15
    assert u(kv, "beekdal", "plaatsingen", "2017-Q1").streefwaarde == D("82.5")


# --- section 2: signalering -------------------------------------------------------------


def test_small_counts_are_not_escalated_until_the_difference_reaches_the_minimum(v):
    # Heiderveen werkplekken, 6 a year. T1: 0 of 2 (0%), T2: 1 of 4 (25%): differences 2 and 3.
    for code in ("2016-T1", "2016-T2"):
        x = u(v, "heiderveen", "werkplekken", code)
        assert x.score < 80 and x.status == kpi.AANDACHTSPUNT and "klein aantal" in x.oordeel.reden
    # T3: 1 of 6, a difference of exactly 5: an afwijking, and it goes to the bestuur.
    x = u(v, "heiderveen", "werkplekken", "2016-T3")
    assert x.status == kpi.AFWIJKING and x.signalering == ONVERKLAARD


def test_scores_are_judged_in_points(v):
    # Heiderveen, target 7,0 flat: 6,0 is exactly 1,0 below (afwijking), 6,1 is 0,9 below.
    t1, t2 = u(v, "heiderveen", "tevredenheid", "2016-T1"), u(v, "heiderveen", "tevredenheid", "2016-T2")
    assert (t1.oordeel.punten, t1.status) == (D("-1.0"), kpi.AFWIJKING)
    assert (t2.oordeel.punten, t2.status) == (D("-0.9"), kpi.AANDACHTSPUNT)
    # Beekdal T2: koerslijn 6,8 + 0,4 × 2/3 = 7,07; 6,5 is 0,57 below: aandachtspunt (91,98% would be one too).
    b = u(v, "beekdal", "tevredenheid", "2016-T2")
    assert (cents(b.oordeel.punten), b.status) == (D("-0.57"), kpi.AANDACHTSPUNT)


def test_decision_list_has_the_regional_afwijking_with_its_question(v):
    """2017-T1 uitstroom: Beekdal 80 of 120 and Heiderveen 50 of 170/3 = 56,67. Together 130 of
    176,67 = 73,58%: the regional figure is an afwijking of its own."""
    t = v.periode("2017-T1")
    signalen = v.signalen(t)
    assert [(s.naam, s.indicator.id) for s in signalen] == [
        ("Beekdal", "uitstroom"),
        ("regio Rivierenveld", "uitstroom"),
    ]
    regio = signalen[1].regio
    assert (regio.realisatie, cents(regio.streefwaarde), cents(regio.score)) == (130, D("176.67"), D("73.58"))
    assert regio.naar_bestuur
    from generator.render.documents.rapport.view import signalering

    s = signalering(v, t, None)
    assert [b.signaal.naam for b in s.besluitpunten] == ["Beekdal", "regio Rivierenveld"]
    assert s.besluitpunten[1].vraag.startswith(f"Welke regionale maatregel neemt {BODY}")
    assert s.besluitpunten[1].prestatie == "73,6%"


def test_an_unaccepted_explanation_goes_to_the_bestuur_and_is_followed_up(v):
    x = u(v, "heiderveen", "uitstroom", "2016-T1")  # 40 of 53,33 = 75%
    assert x.signalering == TE_BEOORDELEN and x.naar_bestuur
    from generator.render.documents.rapport.view import signalering

    vraag = signalering(v, v.periode("2016-T1"), "heiderveen").besluitpunten[0].vraag
    assert vraag == f"Aanvaardt {BODY} de verklaring 'demografische of economische ontwikkeling' voor deze afwijking?"
    # The next period's report shows what was decided, and says so where nothing was.
    opvolging = {s.indicator.id: s.bron.opvolging for s in v.opvolging(v.periode("2016-T2"))}
    assert opvolging["uitstroom"].besluit.startswith("Het algemeen bestuur aanvaardt de verklaring niet")
    assert opvolging["tevredenheid"] is None


# --- section 3: money -----------------------------------------------------------------------


def test_beekdal_financial_section_to_the_euro(v):
    """2016-T3 (year end), against Beekdal's DVO 1.0 (vastgesteld 1 December 2015). Budget: basis
    825.000, verplichtingen 100.000, maatwerkbudget 1.150.000 - 825.000 - 100.000 = 225.000, of
    which 180.000 for the one afspraak. The bijdrage is 825.000 + 100.000 + 180.000 = 1.105.000;
    the 45.000 not allocated is no part of it and is never judged. Spent 182.000 on the afspraak:
    overschreden by 2.000, which the Werkorganisatie bears (an overrun is the organisation's)."""
    f = v.financien("beekdal", v.periode("2016-T3"))
    assert (
        v.geldende_dvo("beekdal", v.periode("2016-T3")).omschrijving
        == "Gemeten tegen DVO versie 1.0, vastgesteld op 1 december 2015."
    )
    assert (f.basisdienstverlening.budget, f.basisdienstverlening.besteed, f.basisdienstverlening.status) == (
        825000,
        825000,
        BINNEN_BUDGET,
    )
    assert (f.verplichtingen.budget, f.verplichtingen.besteed) == (100000, 100000)
    [afspraak] = f.afspraken
    assert (afspraak.budget, afspraak.besteed, afspraak.status, afspraak.resterend) == (
        180000,
        182000,
        OVERSCHREDEN,
        -2000,
    )
    assert (f.toegewezen, f.niet_toegewezen, f.maatwerkbudget) == (180000, 45000, 225000)
    assert (f.maatwerk.budget, f.maatwerk.besteed, f.maatwerk.status) == (180000, 182000, OVERSCHREDEN)
    assert (f.totaal.budget, f.totaal.besteed) == (1105000, 1107000)
    assert f.signalen == [afspraak]  # never the unallocated maatwerkbudget
    a = f.afrekening
    assert (a.bijdrage, a.besteed, a.verschuldigd, a.te_verrekenen, a.ten_laste_organisatie) == (
        1105000,
        1107000,
        1105000,
        0,
        2000,
    )
    assert a.uitkomst == "niets te verrekenen"


def test_heiderveen_afrekening_repays_what_an_afspraak_did_not_spend(v):
    """Heiderveen 2016-T3: maatwerkbudget 720.000 - 550.000 = 170.000, afspraak 150.000 of it, spent
    120.000 (80,0% < 90%: onderbesteed). The 30.000 goes back to the gemeente; 20.000 was never
    allocated and stays with it."""
    f = v.financien("heiderveen", v.periode("2016-T3"))
    [afspraak] = f.afspraken
    assert (afspraak.budget, afspraak.besteed, afspraak.status) == (150000, 120000, ONDERBESTEED)
    assert (f.totaal.budget, f.totaal.besteed, f.niet_toegewezen) == (700000, 670000, 20000)
    a = f.afrekening
    assert (a.bijdrage, a.verschuldigd, a.te_verrekenen, a.terugbetaling, a.ten_laste_organisatie) == (
        700000,
        670000,
        30000,
        30000,
        0,
    )
    assert a.uitkomst == "terugbetaling aan de gemeente van € 30.000"


def test_in_year_spending_is_the_period_s_own_never_the_year_s(v, tertaal_region):
    f = v.financien("beekdal", v.periode("2016-T1"))
    assert (f.afspraken[0].besteed, f.maatwerk.besteed, f.totaal.besteed) == (50000, 50000, 275000 + 33000 + 50000)
    # 50.000 of 180.000 is far below 90%, but T1 is not the year end: no onderbesteding.
    assert f.maatwerk.status == BINNEN_BUDGET and not f.signalen
    # Without a figure for T1 the report says so; it never shows another period's spending.
    tertaal_region.replace("gemeenten/beekdal.yaml", "      2016-T1: 50000\n", "")
    f = Verantwoording(load_project(tertaal_region.root)).financien("beekdal", v.periode("2016-T1"))
    assert f.afspraken[0].status == NIET_OPGEGEVEN and f.maatwerk.besteed is None and f.totaal.besteed is None
    assert f.afrekening.verschuldigd is None and f.afrekening.uitkomst.startswith("nog niet vast te stellen")


def test_regional_finance_is_the_sum_of_the_gemeente_sections(v):
    from generator.render.documents.rapport.view import regio_rapport

    doc = regio_rapport(v, v.periode("2016-T3"), "test")
    fin = doc.financieel
    # Bijdrage: Beekdal 1.105.000 + Heiderveen 550.000 + 0 + 150.000 = 1.805.000; spent 1.107.000 + 670.000.
    assert fin.budget == {
        "basisdienstverlening": 1375000,
        "verplichtingen": 100000,
        "maatwerk": 330000,
        "totaal": 1805000,
    }
    assert fin.besteed == {
        "basisdienstverlening": 1375000,
        "verplichtingen": 100000,
        "maatwerk": 302000,
        "totaal": 1777000,
    }
    for line in fin.budget:
        assert fin.budget[line] == sum(getattr(f, line).budget for f in fin.gemeenten)
    assert (fin.te_verrekenen, fin.terugbetaling, fin.bijbetaling, fin.ten_laste_organisatie, fin.niet_toegewezen) == (
        30000,
        30000,
        0,
        2000,
        65000,
    )
    assert doc.afrekening_kort == "€ 30.000 terug naar de gemeenten; € 2.000 komt voor rekening van de Werkorganisatie"


# --- the rendered reports -------------------------------------------------------------------


def flat(path) -> str:
    return " ".join(" ".join(pdf_pages(path)).split())


def test_reports_name_the_regions_own_body_and_show_status(built_tertaal):
    pdf = built_tertaal / "site" / "pdf"
    beekdal = flat(pdf / "rapport-beekdal-2016-T3.pdf")
    assert "Verantwoordingsrapportage Beekdal tertaal 3 van 2016" in beekdal
    assert (
        "Vastgesteld door college van burgemeester en wethouders van Beekdal op 14 februari 2017 (kenmerk BD-2017-031)"
        in beekdal
    )
    assert "Publicatiedatum 21 februari 2017" in beekdal
    assert f"Besluitpunten voor {BODY}" in beekdal
    assert "Context: arbeidsmarkt en bijzonderheden De arbeidsmarkt in Beekdal trok in het najaar aan" in beekdal
    # the sentences from the figures first (the one aandachtspunt), then the region's own text
    assert "Conclusies en aanbevelingen Wat de cijfers zeggen over de indicatoren die niet op koers zijn" in beekdal
    assert ": aandachtspunt. Het maatwerk voor jongeren is overschreden" in beekdal
    for name in [p.name for p in pdf.glob("rapport-*.pdf")] + [p.name for p in pdf.glob("dvo-*.pdf")]:
        assert "bestuurscommissie" not in flat(pdf / name).lower(), name
    # The DVO names the region's own body too (from its own standard text).
    assert "algemeen bestuur van de Werkorganisatie Rivierenveld" in flat(pdf / "dvo-heiderveen.pdf")
    regio = flat(pdf / "rapport-regio-2017-T1.pdf")
    assert "Status Concept: nog niet vastgesteld" in regio and "Publicatiedatum 30 mei 2017" in regio
    assert "Uitstroom naar werk – regio Rivierenveld (regionaal cijfer)" in regio


def test_report_pdf_has_the_in_year_figures_and_money(built_tertaal):
    t1 = flat(built_tertaal / "site" / "pdf" / "rapport-beekdal-2016-T1.pdf")
    # Main table row: nulmeting, streefwaarde at the peildatum, realisatie, changes, prestatie, status.
    # (The indicator's name may be hyphenated in its narrow column, so the row is matched from the nulmeting.)
    assert "stand) 1.270 (2015) 1.186,7 1.180 −90 – 100,6% op koers" in t1
    assert "op de koerslijn van 1.270 (nulmeting 2015) naar 1.020 (streefwaarde 2016), na 1 van 3 perioden" in t1
    assert "stand) 6,8 (2015) 6,9 6,9 (n = 40) +0,1 punt – ±0,0 punt op koers" in t1
    assert "Maatwerk: Jongeren aan het werk € 180.000 € 50.000 27,8% binnen budget" in t1
    assert "Na 1 van de 3 perioden is 33% van het jaar verstreken" in t1
    t3 = flat(built_tertaal / "site" / "pdf" / "rapport-beekdal-2016-T3.pdf")
    assert "Maatwerk: Jongeren aan het werk € 180.000 € 182.000 101,1% overschreden" in t3
    assert "Bijdrage € 1.105.000 € 1.107.000 100,2% overschreden" in t3
    assert (
        "€ 45.000 is niet aan een afspraak toegewezen: dat hoort niet bij de bijdrage en blijft bij de gemeente" in t3
    )
    assert "Maatwerk: Jongeren aan het werk € 180.000 € 182.000 € 180.000 € 0 € 2.000" in t3  # the afrekening line
    assert "Uitkomst van de afrekening 2016: niets te verrekenen. De Werkorganisatie draagt zelf € 2.000." in t3
    assert "Afrekening" not in t1  # in-year: no afrekening yet
    t2 = flat(built_tertaal / "site" / "pdf" / "rapport-heiderveen-2016-T2.pdf")
    assert "Opvolging van de besluitpunten van tertaal 1 van 2016" in t2
    assert "Het algemeen bestuur aanvaardt de verklaring niet" in t2 and "nog geen opvolging" in t2


def test_regional_pdf_finance_adds_up_with_the_gemeente_pdfs(built_tertaal):
    pdf = built_tertaal / "site" / "pdf"
    regio = flat(pdf / "rapport-regio-2016-T3.pdf")
    # Gemeente, bijdrage, besteed, %, verrekening, voor rekening van de organisatie, niet toegewezen.
    assert "Beekdal € 1.105.000 € 1.107.000 100,2% € 0 € 2.000 € 45.000" in regio
    assert "Heiderveen € 700.000 € 670.000 95,7% terug € 30.000 – € 20.000" in regio
    assert "Regio Rivierenveld € 1.805.000 € 1.777.000 98,4% terug € 30.000 € 2.000 € 65.000" in regio
    assert "Bijdrage € 1.105.000 € 1.107.000 100,2%" in flat(pdf / "rapport-beekdal-2016-T3.pdf")
    assert "Bijdrage € 700.000 € 670.000 95,7%" in flat(pdf / "rapport-heiderveen-2016-T3.pdf")


def test_first_page_says_what_goes_to_the_body_and_which_money_is_flagged(built_tertaal):
    """A reader can act on page 1: the decisions for the body, then overspending by name."""
    pdf = built_tertaal / "site" / "pdf"
    beekdal = " ".join(pdf_pages(pdf / "rapport-beekdal-2016-T3.pdf")[0].split())
    assert (
        f"Geen besluitpunten: er gaan geen afwijkingen naar {BODY}. Geen afwijkingen hebben een aanvaarde verklaring."
    ) in beekdal
    assert "Afrekening 2016: niets te verrekenen; € 2.000 komt voor rekening van de Werkorganisatie." in beekdal
    assert (
        "Financieel gesignaleerd: maatwerkafspraak ‘Jongeren aan het werk’ overschreden (€ 182.000 van € 180.000)."
    ) in beekdal
    regio = " ".join(pdf_pages(pdf / "rapport-regio-2016-T3.pdf")[0].split())
    # T1's afwijking without opvolging is a besluitpunt again (compute/besluitpunten.zonder_opvolging)
    assert (
        f"2 besluitpunten: 2 voor {BODY} (1 afwijking van een gemeente, 1 eerder, nog zonder opvolging). Geen "
        "afwijkingen hebben een aanvaarde verklaring."
    ) in regio
    assert (
        "Beekdal: maatwerkafspraak ‘Jongeren aan het werk’ overschreden (€ 182.000 van € 180.000); 1 budgetpost "
        "onderbesteed bij 1 gemeente."
    ) in regio
    assert (
        "Afrekening 2016: € 30.000 terug naar de gemeenten; € 2.000 komt voor rekening van de Werkorganisatie." in regio
    )
    # page 1 holds the overview and the table of contents; the decision list follows right after it
    begin = " ".join(" ".join(pdf_pages(pdf / "rapport-regio-2016-T3.pdf")[:2]).split())
    assert f"Besluitpunten voor {BODY}" in begin
