"""Indicators with dimensies and overgangen: the participatieladder (tests/fixtures/helmond, per
jaar; tests/fixtures/tertaal, per tertaal), werkplekken by soort and uitstroom per doelgroep in
the example, maatwerk priced per groep. Every figure below is computed by hand in the comments."""

from __future__ import annotations

import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest

from generator.compute.kpi import AANDACHTSPUNT, AFWIJKING, OP_KOERS
from generator.compute.verantwoording import Verantwoording
from generator.load.project import load_project
from generator.models import dimensies
from tests.conftest import REPO, TERTAAL, Region, flat

HELMOND = REPO / "tests" / "fixtures" / "helmond"
TREDEN = ["1", "2", "3", "4", "5", "6"]

# Helmond 2011: the stand at the start of the year (the nulmeting of 2010) and the overgangen.
BEGIN_2011 = [40, 60, 80, 50, 30, 20]
EIND_2011 = [30, 52, 74, 62, 34, 28]
# van \ naar   1   2   3   4   5   6
MATRIX_2011 = [
    [28, 8, 4, 0, 0, 0],  # 40: 28 stay, 12 rise
    [2, 38, 14, 6, 0, 0],  # 60: 2 fall, 38 stay, 20 rise
    [0, 6, 52, 18, 4, 0],  # 80: 6 fall, 52 stay, 22 rise
    [0, 0, 4, 34, 8, 4],  # 50: 4 fall, 34 stay, 12 rise
    [0, 0, 0, 4, 20, 6],  # 30: 4 fall, 20 stay, 6 rise
    [0, 0, 0, 0, 2, 18],  # 20: 2 fall, 18 stay
]


@pytest.fixture(scope="module")
def helmond() -> Verantwoording:
    return Verantwoording(load_project(HELMOND))


@pytest.fixture
def helmond_region(tmp_path: Path) -> Region:
    shutil.copytree(HELMOND, tmp_path / "helmond")
    return Region(tmp_path / "helmond")


def _findings(region: Region) -> list[str]:
    result = region.dvo("validate")
    assert result.exit_code == 1, result.output
    return [line for line in result.output.splitlines() if line.startswith(("gemeenten/", "content/"))]


# --- the 6×6 matrix and the stijgers ------------------------------------------------------


def test_the_six_by_six_matrix_adds_up_to_both_stands(helmond):
    from generator.render import frames

    d = next(
        x for x in helmond.verdelingen("helmond", helmond.periode("2011")) if x.indicator.id == "participatieladder"
    )
    table = frames.overgangen_crosstab(d.overgangen, TREDEN)
    assert [[int(table.at[v, n]) for n in TREDEN] for v in TREDEN] == MATRIX_2011
    # Rows add up to the stand at the start of 2011 (the nulmeting), columns to the stand on 31 December.
    assert [int(table.at[v, frames.TOTAAL]) for v in TREDEN] == BEGIN_2011 == [sum(r) for r in MATRIX_2011]
    assert (
        [int(table.at[frames.TOTAAL, n]) for n in TREDEN]
        == EIND_2011
        == [sum(col) for col in zip(*MATRIX_2011, strict=True)]
    )
    assert int(table.at[frames.TOTAAL, frames.TOTAAL]) == 280
    assert list(d.stand.categorieen.values()) == EIND_2011
    assert list(d.begin.categorieen.values()) == BEGIN_2011


def test_stijgers_dalers_and_the_share_that_rose(helmond):
    d = next(
        x for x in helmond.verdelingen("helmond", helmond.periode("2011")) if x.indicator.id == "participatieladder"
    )
    # Above the diagonal: 12 + 20 + 22 + 12 + 6 = 72; below: 2 + 6 + 4 + 4 + 2 = 18; on it: 190.
    assert (d.telling.gestegen, d.telling.gedaald, d.telling.gelijk, d.telling.totaal) == (72, 18, 190, 280)
    assert d.telling.aandeel_gestegen == D(72) / 280 * 100  # 25,714...%
    waarden = {k.kengetal.id: k.waarde for k in d.kengetallen}
    assert waarden["aantal-gestegen"] == 72
    assert waarden["trede-4-of-hoger"] == D(124) / 280 * 100  # (62 + 34 + 28) / 280 = 44,29%


def test_the_report_shows_the_table_and_says_it_in_words(helmond):
    from generator.render.documents.rapport.view import VerdelingBlok, gemeente_rapport

    rapport = gemeente_rapport(helmond, "helmond", helmond.periode("2011"), "test")
    blok = next(s for s in rapport.secties if isinstance(s, VerdelingBlok))
    t = blok.overgangen
    assert [c.aantal for c in t.rijen[2].cellen] == MATRIX_2011[2]
    assert [c.soort for c in t.rijen[2].cellen] == ["gedaald", "gedaald", "gelijk", "gestegen", "gestegen", "gestegen"]
    assert t.kolomtotalen == EIND_2011 and [r.totaal for r in t.rijen] == BEGIN_2011
    assert t.tekst == (
        "Klanten op de participatieladder, Helmond: van de 280 aan het begin van 2011 stonden er op 31 december 2011 "
        "72 (25,7%) ten minste één trede hoger, 190 (67,9%) op dezelfde trede en 18 (6,4%) lager. "
        "De grootste groep stijgers: 18 van trede 3 naar trede 4."
    )


# --- targets on the headline, never on a category -----------------------------------------


def test_an_afwijking_is_computed_on_the_headline_and_not_on_a_category(helmond):
    """Laarbeek 2011: trede 4 grows from 10 to 17 (its streefwaarde per trede was 11) because
    people climbed from trede 3; only 6 of 56 rose at all: 10,7% against 20%."""
    t = helmond.periode("2011")
    rows = {u.indicator.id: u for u, _ in helmond.gemeente("laarbeek", t)}
    assert set(rows) == {"participatieladder.trede-4-of-hoger", "participatieladder.gestegen"}
    gestegen = rows["participatieladder.gestegen"]
    assert gestegen.realisatie == D(6) / 56 * 100 and gestegen.streefwaarde == 20
    assert round(gestegen.score, 2) == D("53.57") and gestegen.status == AFWIJKING and gestegen.naar_bestuur
    assert rows["participatieladder.trede-4-of-hoger"].status == OP_KOERS  # 26 / 56 = 46,4% against 40%
    signalen = helmond.signalen(t, "laarbeek")
    assert [(s.naam, s.indicator.id) for s in signalen] == [("Laarbeek", "participatieladder.gestegen")]
    # The region: (72 + 9 + 6) / (280 + 42 + 56) = 23,02% against (30·280 + 20·42 + 20·56) / 378 = 27,41%:
    # 8.700 / 10.360 = 83,98%.
    regio = helmond.regio("participatieladder.gestegen", t)
    assert round(regio.realisatie, 20) == round(D(87) / 378 * 100, 20)  # weighted by each gemeente's total
    assert round(regio.streefwaarde, 20) == round(D(10360) / 378, 20)
    assert round(regio.score, 2) == D("83.98") and regio.status == AANDACHTSPUNT


def test_the_decision_goes_to_the_region_body_with_the_headline_in_its_words(helmond):
    from generator.render.documents.rapport.view import gemeente_rapport

    rapport = gemeente_rapport(helmond, "laarbeek", helmond.periode("2011"), "test")
    [punt] = rapport.signalering.besluitpunten
    assert punt.realisatie == "10,7%" and punt.streefwaarde == "20,0%" and punt.prestatie == "53,6%"
    assert "Werk en Inkomen Helmond" in punt.vraag and "Werkbedrijf" not in punt.vraag
    # The share that rose is measured over the year so far, and is no count.
    meetwijzen = {b.uitkomst.indicator.id: b.meetwijze for b in rapport.blokken}
    assert meetwijzen["participatieladder.gestegen"] == "aandeel over de periode vanaf het begin van het jaar"
    assert meetwijzen["participatieladder.trede-4-of-hoger"] == "stand op de peildatum"


# --- validation at the lines of the data ---------------------------------------------------


def test_categories_that_do_not_add_up_are_refused_at_their_line(helmond_region):
    rel = "gemeenten/asten.yaml"
    helmond_region.replace(
        rel,
        "        categorieen: {1: 5, 2: 9, 3: 11, 4: 9, 5: 5, 6: 3}",
        "        waarde: 43\n        categorieen: {1: 5, 2: 9, 3: 11, 4: 9, 5: 5, 6: 3}",
    )
    line = helmond_region.line_of(rel, "categorieen: {1: 5, 2: 9, 3: 11, 4: 9, 5: 5, 6: 3}")
    assert _findings(helmond_region) == [
        f"{rel}:{line}:9: prestatie_indicatoren[0].realisaties[2011].categorieen: de aantallen per categorie "
        "tellen op tot 42, "
        "maar de waarde (het totaal) is 43 (verschil −1); de categorieën sluiten elkaar uit en tellen samen op "
        "tot het totaal [categorieen-tellen-niet-op]"
    ]


def test_a_row_and_a_column_of_the_overgangen_are_refused_at_their_lines(helmond_region):
    rel = "gemeenten/laarbeek.yaml"
    helmond_region.replace(rel, "          3: {3: 10, 4: 6}", "          3: {3: 10, 4: 7}")
    row = helmond_region.line_of(rel, "          3: {3: 10, 4: 7}")
    column = helmond_region.line_of(rel, "categorieen: {1: 8, 2: 12, 3: 10, 4: 17, 5: 5, 6: 4}")
    assert _findings(helmond_region) == [
        f"{rel}:{column}:43: prestatie_indicatoren[0].realisaties[2011].categorieen[4]: 17 op trede 4 op de "
        "peildatum, maar de "
        "overgangen naar trede 4 tellen op tot 18; elke kolom van de overgangen telt op tot de stand op de "
        "peildatum [overgangen-tellen-niet-op]",
        f"{rel}:{row}:11: prestatie_indicatoren[0].realisaties[2011].overgangen[3]: de overgangen van trede 3 "
        "tellen op tot 17, "
        "maar aan het begin van 2011 stonden er 16 op trede 3 (nulmeting); elke rij telt op tot de stand aan het "
        "begin van het jaar [overgangen-tellen-niet-op]",
    ]


def test_unknown_categories_and_kengetallen_get_a_suggestion(helmond_region, region):
    rel = "gemeenten/helmond.yaml"
    helmond_region.replace(rel, "      gestegen:\n", "      gestegn:\n")
    helmond_region.replace(
        rel,
        "      2011: {1: 35, 2: 55, 3: 75, 4: 55, 5: 35, 6: 25}",
        "      2011: {1: 35, 2: 55, 3: 75, 4: 55, 5: 35, 7: 25}",
    )
    found = _findings(helmond_region)
    assert any(
        "kengetallen[gestegn]: onbekend kengetal 'gestegn' van 'participatieladder'" in f
        and f.endswith("bedoelt u 'gestegen'? [verwijzing-onbekend]")
        for f in found
    )
    assert any(
        "streefwaarden_per_categorie[2011][7]: onbekende trede '7' van dimensie 'trede'; bekend zijn: 1, 2, 3, 4, 5, 6"
        in f
        for f in found
    )
    # In the example: a doelgroep misspelt.
    g = "gemeenten/druten.yaml"
    region.replace(g, "categorieen: {jongeren: 9, ", "categorieen: {jongern: 9, ")
    line = region.line_of(g, "categorieen: {jongern: 9, ")
    assert [f for f in _findings(region) if f.startswith(g)] == [
        f"{g}:{line}:23: prestatie_indicatoren[0].realisaties[2015].categorieen[jongern]: onbekende doelgroep "
        "'jongern' van dimensie "
        "'doelgroep'; bekend zijn: jongeren, 55-plus, arbeidsbeperking, overig; bedoelt u 'jongeren'? "
        "[verwijzing-onbekend]"
    ]


def test_counts_per_category_are_whole(region):
    g = "gemeenten/druten.yaml"
    region.replace(g, "categorieen: {v: 9, p: 5,", "categorieen: {v: 9, p: 5.5,")
    line = region.line_of(g, "categorieen: {v: 9, p: 5.5,")
    assert _findings(region) == [
        f"{g}:{line}:32: prestatie_indicatoren[8].realisaties[2015].categorieen.p: verwacht een geheel aantal van "
        "0 of meer, gevonden '5.5' [getal-ongeldig]"
    ]


def test_overgangen_need_the_stand_at_the_start_of_the_year_per_tertaal(tertaal_region):
    """Per tertaal the overgangen run from 1 January: in 2017 from the stand of 2016-T3."""
    rel = "gemeenten/beekdal.yaml"
    tertaal_region.replace(
        rel,
        "overgangen: {1: {1: 33, 2: 3}, 2: {2: 31, 3: 4}, 3: {3: 29}}",
        "overgangen: {1: {1: 34, 2: 3}, 2: {2: 30, 3: 4}, 3: {3: 29}}",
    )
    line = tertaal_region.line_of(rel, "overgangen: {1: {1: 34, 2: 3}")
    found = _findings(tertaal_region)
    assert (
        f"{rel}:{line}:22: prestatie_indicatoren[5].realisaties[2017-T1].overgangen[1]: de overgangen van fase 1 "
        "tellen op tot 37, maar "
        "aan het begin van 2017 stonden er 36 op fase 1 (realisaties[2016-T3]); elke rij telt op tot de stand aan "
        "het begin van het jaar [overgangen-tellen-niet-op]" in found
    )


def test_categories_that_do_not_add_up_are_refused_at_their_line_per_tertaal(tertaal_region):
    rel = "gemeenten/beekdal.yaml"
    tertaal_region.replace(
        rel,
        "      2016-T2:\n        categorieen: {1: 40, 2: 33, 3: 27}",
        "      2016-T2:\n        waarde: 99\n        categorieen: {1: 40, 2: 33, 3: 27}",
    )
    line = tertaal_region.line_of(rel, "categorieen: {1: 40, 2: 33, 3: 27}")
    assert _findings(tertaal_region) == [
        f"{rel}:{line}:9: prestatie_indicatoren[5].realisaties[2016-T2].categorieen: de aantallen per categorie "
        "tellen op tot 100, "
        "maar de waarde (het totaal) is 99 (verschil +1); de categorieën sluiten elkaar uit en tellen samen op "
        "tot het totaal [categorieen-tellen-niet-op]"
    ]


def test_an_afwijking_on_the_headline_and_not_on_a_category_per_tertaal(tertaal_region):
    """Beekdal 2017-T1 with fewer risers: from the stand of 2016-T3 (36, 35, 29) only 1 + 2 = 3 of
    100 rose since 1 January, against a koers of 24 / 3 = 8: 37,5%, an afwijking. Fase 3 still
    grows from 29 to 31 (people climbed): a category, never judged. Aan het werk 31% against
    30 + (35 - 30) / 3 = 31,67: 97,9%, op koers."""
    rel = "gemeenten/beekdal.yaml"
    tertaal_region.replace(
        rel,
        "        categorieen: {1: 33, 2: 34, 3: 33}\n        overgangen: {1: {1: 33, 2: 3}, 2: {2: 31, 3: 4}, 3: "
        "{3: 29}}",
        "        categorieen: {1: 35, 2: 34, 3: 31}\n        overgangen: {1: {1: 35, 2: 1}, 2: {2: 33, 3: 2}, 3: "
        "{3: 29}}",
    )
    assert tertaal_region.dvo("validate").exit_code == 0
    v = Verantwoording(load_project(tertaal_region.root))
    t = v.periode("2017-T1")
    rows = {u.indicator.id: u for u, _ in v.gemeente("beekdal", t) if u.indicator.id.startswith("trajectfase")}
    assert set(rows) == {"trajectfase.aan-het-werk", "trajectfase.gestegen"}  # no row per fase, none for the total
    g = rows["trajectfase.gestegen"]
    assert (g.realisatie, g.streefwaarde, g.score, g.status) == (D(3), D(8), D("37.5"), AFWIJKING)
    w = rows["trajectfase.aan-het-werk"]
    assert w.realisatie == 31 and w.streefwaarde == D(30) + D(5) / 3 and w.status == OP_KOERS
    assert [
        s.indicator.id
        for s in v.signalen(t, "beekdal")
        if s.naam == "Beekdal" and s.indicator.id.startswith("trajectfase")
    ] == ["trajectfase.gestegen"]


# --- per tertaal: koers of a kengetal -----------------------------------------------------


@pytest.fixture(scope="module")
def tertaal() -> Verantwoording:
    return Verantwoording(load_project(TERTAAL))


@pytest.mark.parametrize(
    "code, gestegen, koers_gestegen, status_gestegen, werk, koers_werk",
    [
        # The share that rose since 1 January is counted like a stroom: a third of the year's 24% after T1.
        ("2016-T1", D(8), D(8), OP_KOERS, D(22), D(20) + D(10) / 3),  # aan het werk: koerslijn 20 -> 30, 23,33 after T1
        ("2016-T2", D(16), D(16), OP_KOERS, D(27), D(20) + D(20) / 3),
        ("2016-T3", D(23), D(24), OP_KOERS, D(29), D(30)),  # 23 of 24: 95,8%
        ("2017-T1", D(7), D(8), AANDACHTSPUNT, D(33), D(30) + D(5) / 3),  # 7 of 8: 87,5%
    ],
)
def test_kengetallen_per_tertaal(tertaal, code, gestegen, koers_gestegen, status_gestegen, werk, koers_werk):
    t = tertaal.periode(code)
    rows = {u.indicator.id: u for u, _ in tertaal.gemeente("beekdal", t)}
    g = rows["trajectfase.gestegen"]
    assert (g.realisatie, g.streefwaarde, g.status) == (gestegen, koers_gestegen, status_gestegen)
    w = rows["trajectfase.aan-het-werk"]
    assert (w.realisatie, w.streefwaarde) == (werk, koers_werk)
    # A cohort of 100: the count per fase adds up to it in every period.
    d = next(x for x in tertaal.verdelingen("beekdal", t) if x.indicator.id == "trajectfase")
    assert d.stand.totaal == 100 and d.telling.totaal == 100


def test_the_tertaal_report_shows_the_overgangen_since_1_january(tertaal):
    from generator.render.documents.rapport.view import VerdelingBlok, gemeente_rapport

    rapport = gemeente_rapport(tertaal, "beekdal", tertaal.periode("2016-T3"), "test")
    blok = next(s for s in rapport.secties if isinstance(s, VerdelingBlok))
    assert [r.totaal for r in blok.overgangen.rijen] == [50, 30, 20]  # the nulmeting: the start of 2016
    assert blok.overgangen.kolomtotalen == [36, 35, 29]
    assert (
        "23 (23,0%) ten minste één fase hoger, 74 (74,0%) op dezelfde fase en 3 (3,0%) lager" in blok.overgangen.tekst
    )
    assert [r.label for r in blok.rijen] == ["nulmeting 2015", "T1 2016", "T2 2016", "T3 2016"]


# --- the example: doelgroepen, werkplekken by soort, the meerjarenraming -------------------


def test_uitstroom_per_doelgroep_beside_the_total(project):
    v = Verantwoording(project)
    t = v.periode("2016")
    heumen = next(d for d in v.verdelingen("heumen", t) if d.indicator.id == "uitstroom-werk")
    assert heumen.stand.categorieen == {"jongeren": 9, "55-plus": 5, "arbeidsbeperking": 3, "overig": 17}
    assert heumen.stand.totaal == 34  # Heumen's realisatie of 2016
    regio = v.regio_verdeling("uitstroom-werk", t)
    assert regio.gemeenten == 8  # Wijchen reports the total only
    assert regio.stand.totaal == sum(
        d.stand.totaal
        for g in project.gemeenten
        for d in v.verdelingen(g.slug, t)
        if d.indicator.id == "uitstroom-werk" and d.stand
    )


def test_werkplekken_by_soort_with_a_target_on_waarvan_partieel(project):
    v = Verantwoording(project)
    rows = {u.indicator.id: u for u, _ in v.gemeente("groesbeek", v.periode("2016"))}
    assert rows["werkplekken"].realisatie == 28  # 12 + 9 + 5 + 2
    partieel = rows["werkplekken.partieel"]
    assert (partieel.realisatie, partieel.streefwaarde, partieel.status) == (9, 7, OP_KOERS)
    assert "werkplekken.met-ondersteuning" not in rows  # a kengetal without a target in the DVO is not judged


def test_the_meerjarenraming_follows_from_its_parts(project):
    from generator.render.documents.dvo.view import build_document

    doc = build_document(project, project.gemeente("beuningen"))
    r = next(m for m in doc.maatwerk if m.id == "beuningen-55-plus").raming
    # 2015: 17 × € 1.500 + 20 × € 3.500 + 3 × € 8.000 = 25.500 + 70.000 + 24.000 = 119.500; budget 124.000.
    assert [d.bedragen[0] for d in r.delen] == [25500, 70000, 24000]
    assert r.totalen == [119500, 123000, 135000, 143500]
    assert r.ruimte == [4500, 5000, 5000, 6500]
    assert r.mensen == [40, 41, 45, 48]  # the afspraak's deelnemers
    assert [g.illustratief for g in doc.groepen] == [True, True, True]


def test_the_dvo_says_it_in_words_with_the_organisations_own_name(project):
    from generator.render.documents.dvo.render import render_dvo

    html = flat(render_dvo(project, "beuningen", pdf=False).html)
    assert (
        "2015: voor € 119.500 kan Werkbedrijf Rijk van Nijmegen 17 mensen die werkfit zijn (€ 25.500), "
        "20 mensen met tijdelijke ondersteuning (€ 70.000) en 3 mensen met structurele ondersteuning (€ 24.000) "
        "bedienen; "
        "van het budget van € 124.000 blijft € 4.500 over."
    ) in html.replace("\u00a0", " ")


def test_a_raming_above_the_budget_and_people_that_are_not_the_deelnemers_are_refused(region):
    g = "gemeenten/beuningen.yaml"
    region.replace(g, "      tijdelijke-ondersteuning: {2015: 20,", "      tijdelijke-ondersteuning: {2015: 22,")
    region.replace(g, "      werkfit: {2015: 17,", "      werkfit: {2015: 15,")
    region.replace(g, "      structurele-ondersteuning: {2015: 3,", "      structurele-ondersteuning: {2015: 4,")
    found = _findings(region)
    # 15 × 1.500 + 22 × 3.500 + 4 × 8.000 = 22.500 + 77.000 + 32.000 = 131.500 > 124.000; 41 people for 40 deelnemers.
    assert any(
        f.startswith(g)
        and "maatwerk[0].groepen: de raming voor 2015 (€ 131.500:" in f
        and "(€ 124.000); verschil € 7.500" in f
        and f.endswith("[raming-boven-budget]")
        for f in found
    )
    assert any(
        f.startswith(g)
        and "maatwerk[0].deelnemers[2015]: 40 deelnemers, maar de groepen van de afspraak tellen in 2015 samen 41 "
        "mensen"
        in f
        and f.endswith("[deelnemers-tellen-niet-op]")
        for f in found
    )


def test_a_vastgelegde_dvo_keeps_its_controlegetal_when_only_its_realisaties_are_split(project):
    """Heumen's signed DVO: uitstroom per doelgroep is verantwoording, not agreement."""
    from generator.render.documents.dvo.vastlegging import vastlegging_findings

    heumen = project.gemeente("heumen")
    assert any(r.categorieen for p in heumen.prestatie_indicatoren for r in p.realisaties.values())
    assert heumen.dvo.wijzigingen[-1].controlegetal and vastlegging_findings(project) == []


# --- open data: long form, overgangen, Excel -----------------------------------------------


def test_open_data_in_long_form_and_the_overgangen(helmond):
    from generator.render import open_data

    rows = open_data.categorie_rows(helmond)
    assert len(rows) == 3 * 2 * 6  # three gemeenten, two years, six treden
    assert rows[0] == {
        "gemeente": "helmond",
        "cbs_code": "GM0794",
        "indicator": "participatieladder",
        "dimensie": "trede",
        "periode": "2011",
        "categorie": "1",
        "categorie_naam": "geïsoleerd levend",
        "waarde": 30,
    }
    overgangen = [r for r in open_data.overgang_rows(helmond) if r["gemeente"] == "helmond" and r["periode"] == "2011"]
    assert sum(r["aantal"] for r in overgangen if r["richting"] == "gestegen") == 72
    assert {(r["van"], r["naar"]): r["aantal"] for r in overgangen}[("3", "4")] == 18


def test_the_excel_workbook_has_the_same_bytes_whatever_the_clock(helmond, monkeypatch):
    import datetime as dt
    import io
    import time
    import zipfile

    from openpyxl import load_workbook

    from generator.render import open_data

    first = open_data.files(helmond, dt.date(2010, 11, 15))["kpi.xlsx"]
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 86400 * 400)  # a year later: zip entries would say so
    second = open_data.files(helmond, dt.date(2010, 11, 15))["kpi.xlsx"]
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2010, 11, 15, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2010-11-15T00:00:00Z" in core and str(dt.date.today().year + 1) not in core
    wb = load_workbook(io.BytesIO(first))
    assert wb.sheetnames == [
        "Over dit bestand",
        "Per gemeente",
        "Regio",
        "Per categorie",
        "Overgangen",
        "Financiën",
        "Financiën regio",
    ]
    header = [c.value for c in wb["Per categorie"][1]]
    assert header == [
        "gemeente",
        "cbs_code",
        "indicator",
        "dimensie",
        "periode",
        "categorie",
        "categorie_naam",
        "waarde",
    ]
    assert wb.properties.creator == "Werk en Inkomen Helmond"


# --- dvo import: categorie, van and naar ----------------------------------------------------


def test_import_of_categories_and_overgangen(helmond_region):
    csv = helmond_region.path("export.csv")
    csv.write_text(
        "gemeente;indicator;periode;categorie;van;naar;waarde\n"
        "Asten;participatieladder;2012;4;;;11\n"
        "Asten;participatieladder;2012;3;;;9\n"
        "Asten;participatieladder;2012;;3;4;4\n"
        "Asten;participatieladder;2012;;3;3;7\n",
        encoding="utf-8",
    )
    result = helmond_region.dvo("import", str(csv))
    assert result.exit_code == 0, result.output
    assert "0 nieuw, 4 gewijzigd" in result.output
    text = helmond_region.read("gemeenten/asten.yaml")
    assert "        categorieen: {1: 4, 2: 8, 3: 9, 4: 11, 5: 6, 6: 4}\n" in text
    assert "          3: {3: 7, 4: 4}\n" in text
    assert helmond_region.dvo("validate").exit_code == 0


def test_import_refuses_unknown_treden_and_overgangen_that_do_not_add_up(helmond_region):
    csv = helmond_region.path("export.csv")
    csv.write_text(
        "gemeente;indicator;periode;categorie;van;naar;waarde\n"
        "Asten;participatieladder;2012;7;;;1\n"
        "Asten;participatieladder;2012;;3;;1\n",
        encoding="utf-8",
    )
    result = helmond_region.dvo("import", str(csv))
    assert result.exit_code == 1
    assert (
        "export.csv:2: categorie: onbekende trede '7' van dimensie 'trede'; bekend zijn: 1, 2, 3, 4, 5, 6"
        in result.output
    )
    assert "export.csv:3: naar: een overgang heeft een van en een naar (trede), gevonden alleen van" in result.output
    csv.write_text(
        "gemeente;indicator;periode;van;naar;waarde\nAsten;participatieladder;2012;3;4;5\n", encoding="utf-8"
    )
    result = helmond_region.dvo("import", str(csv))
    assert result.exit_code == 1  # 3 -> 4 becomes 5: row 3 is 8 + 5 = 13 where 11 started, column 4 no longer 10
    assert (
        "na de import zou dit niet kloppen" in result.output
        and "de overgangen van trede 3 tellen op tot 13" in result.output
    )


# --- pandas stays out of `dvo validate` -----------------------------------------------------


def test_dvo_validate_does_not_import_pandas():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from generator.cli import main\n"
        f"r = CliRunner().invoke(main, ['validate', '--root', {str(REPO)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print('pandas' in sys.modules, 'openpyxl' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"


def test_series_ids_are_the_indicator_then_its_kengetallen(project):
    ids = dimensies.reeks_ids(project.indicatoren)
    i = ids.index("werkplekken")
    assert ids[i : i + 3] == ["werkplekken", "werkplekken.partieel", "werkplekken.met-ondersteuning"]


# --- the built fixture: what a raadslid reads ------------------------------------------------


@pytest.fixture(scope="module")
def built_helmond(request, tmp_path_factory) -> Path:
    from tests.conftest import build_region, shared

    def make(root: Path) -> None:
        shutil.copytree(HELMOND, root)
        build_region(root)

    return shared(request, tmp_path_factory, "helmond", make)


def test_the_ladder_report_pdf_reads_as_a_table_and_in_words(built_helmond):
    from tests.conftest import pdf_pages

    text = flat(" ".join(pdf_pages(built_helmond / "site" / "pdf" / "rapport-laarbeek-2011.pdf")))
    assert "Klanten die ten minste één trede stegen – Laarbeek" in text  # the besluitpunt, on the headline
    assert (
        "van de 56 aan het begin van 2011 stonden er op 31 december 2011 6 (10,7%) ten minste één trede hoger, "
        "49 (87,5%) op dezelfde trede en 1 (1,8%) lager"
    ) in text
    assert "Overgangen in 2011 tot en met 31 december 2011" in text
    assert "Trede 4 onbetaald werk" in text or "Trede 4 onbetaald" in text
    assert "Een trede die groeit doordat mensen doorstromen, is geen afwijking." in text
    # The stacked bar's figures in words: one sentence, lower case after each semicolon.
    assert (
        "Op 31 december 2011: 56 in totaal. Trede 1: 8; trede 2: 12; trede 3: 10; trede 4: 17; trede 5: 5; trede 6: 4."
        in text
    )
    assert "Meetwijze: aandeel over de periode vanaf het begin van het jaar." in text
    regio = flat(" ".join(pdf_pages(built_helmond / "site" / "pdf" / "rapport-regio-2011.pdf")))
    assert (
        "Klanten op de participatieladder per trede" in regio
        and "De regionale aantallen zijn de som van 3 gemeenten" in regio
    )


def test_the_dvo_shows_the_targets_on_the_headline(built_helmond):
    from tests.conftest import pdf_pages

    text = flat(" ".join(pdf_pages(built_helmond / "site" / "pdf" / "dvo-helmond.pdf")))
    assert "Klanten op trede 4 of hoger (kengetal; hoger is beter) outcome 35,7% (2010) 40,0% 45,0%" in text
    assert "Klanten op de participatieladder: streefwaarden per trede (ter informatie, niet beoordeeld)" in text


def test_the_gemeente_page_shows_the_headline_and_the_downloads(built_helmond):
    page = (built_helmond / "site" / "gemeenten" / "laarbeek" / "index.html").read_text(encoding="utf-8")
    assert "Klanten die ten minste één trede stegen" in page and "afwijking" in page
    assert "Klanten op de participatieladder</strong>: totaal 56" in page
    regio = (built_helmond / "site" / "regio" / "index.html").read_text(encoding="utf-8")
    for name in ("kpi-categorieen.csv", "kpi-overgangen.csv", "kpi.xlsx"):
        assert f'href="../pdf/{name}"' in regio and (built_helmond / "site" / "pdf" / name).is_file()


def test_two_builds_give_the_same_excel_bytes(built_helmond):
    """The workbook of the build, and the same made again later in this process: same bytes."""
    from generator.publish.mkdocs_run import site_date
    from generator.render import open_data

    project = load_project(built_helmond)
    again = open_data.files(Verantwoording(project), site_date(project))["kpi.xlsx"]
    assert (built_helmond / "site" / "pdf" / "kpi.xlsx").read_bytes() == again


def test_the_wijzigingsoverzicht_compares_targets_on_kengetallen(helmond_region):
    import datetime as dt

    from generator.render.documents.dvo.view import build_document
    from generator.render.documents.wijzigingen.vergelijk import GEWIJZIGD, ONGEWIJZIGD, Kant, vergelijk

    oud = build_document(load_project(helmond_region.root), load_project(helmond_region.root).gemeente("laarbeek"))
    helmond_region.replace(
        "gemeenten/laarbeek.yaml", "          2011: 20\n          2012: 22", "          2011: 20\n          2012: 25"
    )
    project = load_project(helmond_region.root)
    nieuw = build_document(project, project.gemeente("laarbeek"))
    kant = Kant("0.9", dt.date(2010, 11, 15), "concept", "werkmap", "2015.1", "")
    rows = {k.id: k for k in vergelijk(oud, nieuw, van=kant, tot=kant, vastgelegd=None).kpis}
    gestegen = rows["participatieladder.gestegen"]
    assert gestegen.status == GEWIJZIGD and gestegen.naam == "Klanten die ten minste één trede stegen"
    assert [(s.label, s.oud, s.nieuw) for s in gestegen.streefwaarden] == [("2011", 20, 20), ("2012", 22, 25)]
    assert rows["participatieladder.trede-4-of-hoger"].status == ONGEWIJZIGD


# --- a herindeling: the new gemeente's split indicator ------------------------------------

EEMS = REPO / "tests" / "fixtures" / "eemsdelta"
FASE_DIMENSIE = """
dimensies:
  - id: fase
    naam: Fase van het traject
    enkelvoud: fase
    ladder: true
    categorieen:
      - {id: 1, naam: oriëntatie}
      - {id: 2, naam: scholing}
      - {id: 3, naam: werk}
"""
FASE_INDICATOR = """  - id: traject
    naam: Deelnemers per fase
    soort: outcome
    functie: werkbedrijf
    eenheid: aantal
    richting: hoger is beter
    regionaal: som
    meetwijze: stand
    dimensie: fase
    definitie: Deelnemers per fase van hun traject op de peildatum.
    bron: Klantvolgsysteem
    kengetallen:
      - {id: aan-het-werk, naam: Deelnemers aan het werk, berekening: aandeel, categorieen: [3], richting: hoger is beter}
      - {id: gestegen, naam: Deelnemers die een fase stegen, berekening: aandeel gestegen, richting: hoger is beter}
"""
# Per predecessor: nulmeting 2018, targets (aan het werk, gestegen) 2019-2022, then 2019 and 2020
# as (categorieen, overgangen). Each matrix's rows add up to the stand before it, its columns to its stand.
VOORGANGERS = {
    "appingedam": (
        "{1: 10, 2: 6, 3: 4}",
        "{2019: 20, 2020: 25, 2021: 30, 2022: 35}",
        "{2019: 10, 2020: 10, 2021: 10, 2022: 10}",
        ("{1: 8, 2: 7, 3: 5}", "{1: {1: 8, 2: 2}, 2: {2: 5, 3: 1}, 3: {3: 4}}"),
        ("{1: 6, 2: 8, 3: 6}", "{1: {1: 6, 2: 2}, 2: {2: 6, 3: 1}, 3: {3: 5}}"),
    ),
    "delfzijl": (
        "{1: 20, 2: 14, 3: 6}",
        "{2019: 15, 2020: 20, 2021: 25, 2022: 30}",
        "{2019: 10, 2020: 10, 2021: 12, 2022: 12}",
        ("{1: 18, 2: 15, 3: 7}", "{1: {1: 18, 2: 2}, 2: {2: 13, 3: 1}, 3: {3: 6}}"),
        ("{1: 15, 2: 16, 3: 9}", "{1: {1: 15, 2: 3}, 2: {2: 13, 3: 2}, 3: {3: 7}}"),
    ),
    "loppersum": (
        "{1: 8, 2: 8, 3: 4}",
        "{2019: 20, 2020: 25, 2021: 30, 2022: 35}",
        "{2019: 10, 2020: 10, 2021: 10, 2022: 10}",
        ("{1: 7, 2: 8, 3: 5}", "{1: {1: 7, 2: 1}, 2: {2: 7, 3: 1}, 3: {3: 4}}"),
        ("{1: 6, 2: 8, 3: 6}", "{1: {1: 6, 2: 1}, 2: {2: 7, 3: 1}, 3: {3: 5}}"),
    ),
}


@pytest.fixture(scope="module")
def eems_fasen(tmp_path_factory) -> Region:
    """Eems-Dollard with a ladder of three fasen in the DVO's of Appingedam, Delfzijl and Loppersum;
    Eemsdelta reports its own 2021 counts and overgangen (from the three's 2020 stand together)."""
    root = tmp_path_factory.mktemp("eems-fasen") / "regio"
    shutil.copytree(EEMS, root)
    r = Region(root)
    r.replace("content/indicatoren.yaml", "indicatoren:\n", FASE_DIMENSIE + "\nindicatoren:\n" + FASE_INDICATOR)
    for slug, (nul, werk, gestegen, r2019, r2020) in VOORGANGERS.items():
        r.replace(
            f"gemeenten/{slug}.yaml",
            "prestatie_indicatoren:\n",
            (
                "prestatie_indicatoren:\n"
                f"  - indicator: traject\n    nulmeting: {{jaar: 2018, categorieen: {nul}}}\n"
                f"    kengetallen:\n      aan-het-werk: {{streefwaarden: {werk}}}\n      gestegen: "
                f"{{streefwaarden: {gestegen}}}\n"
                f"    realisaties:\n      2019: {{categorieen: {r2019[0]}, overgangen: {r2019[1]}}}\n"
                f"      2020: {{categorieen: {r2020[0]}, overgangen: {r2020[1]}}}\n"
            ),
        )
    r.replace(
        "gemeenten/eemsdelta.yaml",
        "prestatie_indicatoren:\n",
        (
            "prestatie_indicatoren:\n  - indicator: traject\n    realisaties:\n"
            "      2021: {categorieen: {1: 20, 2: 34, 3: 26}, overgangen: {1: {1: 20, 2: 7}, 2: {2: 26, 3: 6}, 3: "
            "{2: 1, 3: 20}}}\n"
        ),
    )
    return r


def test_the_new_gemeente_continues_its_predecessors_split_indicator(eems_fasen):
    result = eems_fasen.dvo("validate")
    assert result.exit_code == 0, result.output
    v = Verantwoording(load_project(eems_fasen.root))
    eems = v.model("eemsdelta")
    p = next(x for x in eems.prestatie_indicatoren if x.indicator == "traject")
    # The nulmeting per fase: 10 + 20 + 8, 6 + 14 + 8, 4 + 6 + 4.
    assert p.nulmeting.categorieen == {"1": 38, "2": 28, "3": 14} and p.nulmeting.waarde == 80
    # 2020, before the date: the three's counts and matrices added up, cell by cell.
    assert p.realisaties["2020"].categorieen == {"1": 27, "2": 32, "3": 21}
    assert p.realisaties["2020"].overgangen == {"1": {"1": 27, "2": 6}, "2": {"2": 26, "3": 4}, "3": {"3": 17}}
    # A share's target weighted by each one's nulmeting total (20, 40, 20): (30·20 + 25·40 + 30·20) / 80 = 27,5;
    # gestegen (10·20 + 12·40 + 10·20) / 80 = 11.
    assert p.kengetallen["aan-het-werk"].streefwaarden[2021] == D("27.5")
    assert p.kengetallen["gestegen"].streefwaarden[2021] == 11
    t = v.periode("2021")
    rows = {u.indicator.id: u for u, _ in v.gemeente("eemsdelta", t)}
    assert set(rows) >= {"traject.aan-het-werk", "traject.gestegen"} and "traject" not in rows
    werk, gestegen = rows["traject.aan-het-werk"], rows["traject.gestegen"]
    # Its own 2021: 26 of 80 at work (32,5% against 27,5); 7 + 6 = 13 of 80 rose (16,25% against 11).
    assert (werk.realisatie, werk.streefwaarde, werk.status) == (D(26) / 80 * 100, D("27.5"), OP_KOERS)
    assert (gestegen.realisatie, gestegen.streefwaarde) == (D(13) / 80 * 100, 11)
    # "Sinds nulmeting" continues across the date: 14 of 80 were at work at the start.
    assert werk.verschil_nulmeting == D(26) / 80 * 100 - D(14) / 80 * 100
    d = next(x for x in v.verdelingen("eemsdelta", t) if x.indicator.id == "traject")
    assert (d.telling.gestegen, d.telling.gedaald, d.telling.gelijk) == (13, 1, 66)
    assert list(d.begin.categorieen.values()) == [27, 32, 21]  # the start of 2021: the three's 2020 stand
    # The region in 2021 counts Eemsdelta, not the opgeheven gemeenten.
    regio = v.regio_verdeling("traject", t)
    assert regio.gemeenten == 1 and list(regio.stand.categorieen.values()) == [20, 34, 26]
    assert v.regio("traject.aan-het-werk", t).realisatie == D(26) / 80 * 100
    # 2020, before the date: the three report their own; the region sums them.
    assert v.regio_verdeling("traject", v.periode("2020")).gemeenten == 3


def test_the_report_of_the_new_gemeente_shows_the_ladder(eems_fasen):
    from generator.render.documents.rapport.view import VerdelingBlok, gemeente_rapport, regio_rapport

    v = Verantwoording(load_project(eems_fasen.root))
    rapport = gemeente_rapport(v, "eemsdelta", v.periode("2021"), "test")
    blok = next(s for s in rapport.secties if isinstance(s, VerdelingBlok))
    assert [r.totaal for r in blok.overgangen.rijen] == [27, 32, 21] and blok.overgangen.kolomtotalen == [20, 34, 26]
    assert [r.label for r in blok.rijen] == ["nulmeting 2018", "2019", "2020", "2021"]
    regio = regio_rapport(v, v.periode("2021"), "test")
    [d] = [x for x in regio.verdelingen if x.indicator.id == "traject"]
    assert [r.label for r in d.rijen] == ["Eemsdelta"]


def test_the_new_gemeentes_own_overgangen_are_checked_against_its_predecessors_stand(eems_fasen, tmp_path):
    r = Region(tmp_path / "regio")
    shutil.copytree(eems_fasen.root, r.root)
    rel = "gemeenten/eemsdelta.yaml"
    r.replace(rel, "overgangen: {1: {1: 20, 2: 7}", "overgangen: {1: {1: 21, 2: 7}")
    line = r.line_of(rel, "2021: {categorieen: {1: 20, 2: 34, 3: 26}")
    stand, rij = r.col_of(rel, "1: 20, 2: 34"), r.col_of(rel, "1: {1: 21")
    # Row 1 adds up to 28, but the three had 6 + 15 + 6 = 27 on fase 1 at the end of 2020; column 1 to 21, not 20.
    assert _findings(r) == [
        f"{rel}:{line}:{stand}: prestatie_indicatoren[0].realisaties[2021].categorieen[1]: 20 op fase 1 op de "
        "peildatum, maar de overgangen naar "
        "fase 1 tellen op tot 21; elke kolom van de overgangen telt op tot de stand op de peildatum "
        "[overgangen-tellen-niet-op]",
        f"{rel}:{line}:{rij}: prestatie_indicatoren[0].realisaties[2021].overgangen[1]: de overgangen van fase 1 "
        "tellen op tot 28, maar aan het begin van "
        "2021 stonden er 27 op fase 1 (Appingedam, Delfzijl en Loppersum samen, realisaties[2020]); elke rij telt "
        "op tot de stand aan het begin van het jaar [overgangen-tellen-niet-op]",
    ]


def test_import_of_a_new_gemeentes_categories_and_overgangen(eems_fasen, tmp_path):
    r = Region(tmp_path / "regio")
    shutil.copytree(eems_fasen.root, r.root)
    csv = r.path("export.csv")
    # 2022 from Eemsdelta's own 2021 stand (20, 34, 26): four climb from fase 1 to 2, the rest stay.
    csv.write_text(
        "gemeente;indicator;periode;categorie;van;naar;waarde\n"
        "Eemsdelta;traject;2022;1;;;16\nEemsdelta;traject;2022;2;;;38\nEemsdelta;traject;2022;3;;;26\n"
        "Eemsdelta;traject;2022;;1;1;16\nEemsdelta;traject;2022;;1;2;4\nEemsdelta;traject;2022;;2;2;34\nEemsdelta;traject;2022;;3;3;26\n"
        "Delfzijl;traject;2022;1;;;5\n",
        encoding="utf-8",
    )
    result = r.dvo("import", str(csv))
    assert result.exit_code != 0
    assert (
        "Delfzijl bestaat sinds 1 januari 2021 niet meer; een realisatie voor 2022 hoort bij Eemsdelta "
        "[herindeling-periode]" in flat(result.output)
    )
    csv.write_text("\n".join(csv.read_text(encoding="utf-8").splitlines()[:-1]) + "\n", encoding="utf-8")
    result = r.dvo("import", str(csv))
    assert result.exit_code == 0, result.output
    assert r.dvo("validate").exit_code == 0
    v = Verantwoording(load_project(r.root))
    d = next(x for x in v.verdelingen("eemsdelta", v.periode("2022")) if x.indicator.id == "traject")
    assert list(d.stand.categorieen.values()) == [16, 38, 26] and (d.telling.gestegen, d.telling.totaal) == (4, 80)
