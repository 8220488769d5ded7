"""Herindeling during a DVO period: the fixture region Eems-Dollard (tests/fixtures/eemsdelta), in
which Appingedam, Delfzijl and Loppersum become Eemsdelta on 1 January 2021 (figures illustrative).

The figures below are checked by hand from the fixture's files; each sum or weighted mean is
written out next to its result.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import REPO, Region, build_region, flat, pdf_pages, shared

EEMS = REPO / "tests" / "fixtures" / "eemsdelta"
REGIO = "content/regio.yaml"


@pytest.fixture
def eems(tmp_path) -> Region:
    shutil.copytree(EEMS, tmp_path / "eems")
    return Region(tmp_path / "eems")


@pytest.fixture(scope="module")
def built_eems(request, tmp_path_factory) -> Path:
    def make(root: Path) -> None:
        shutil.copytree(EEMS, root)
        build_region(root)

    return shared(request, tmp_path_factory, "eemsdelta", make)


def text(pdf: Path) -> str:
    return flat(" ".join(pdf_pages(pdf)))


def findings(region: Region) -> list[str]:
    result = region.dvo("validate")
    assert result.exit_code == 1, result.output
    return result.output.splitlines()[:-1]


# --- the money: sums of the predecessors from the date ---------------------------------------------


def test_budget_from_the_date_is_the_sum_of_the_predecessors(eems):
    rows = json.loads(eems.dvo("budget", "--format", "json").output)
    per = {(r["gemeente"], r["jaar"]): r for r in rows}
    # Before the date the three gemeenten, from it Eemsdelta only.
    assert {s for s, j in per if j == 2020} == {"appingedam", "delfzijl", "loppersum", "oldambt", "midden-groningen"}
    assert {s for s, j in per if j == 2021} == {"eemsdelta", "oldambt", "midden-groningen"}
    e = per[("eemsdelta", 2021)]
    assert e["participatiebudget"] == 425000 + 830000 + 285000 == 1540000
    assert e["ideel_loonkostensubsidie"] == 30000 + 60000 + 20000 == 110000
    assert e["basisdienstverlening"] == 300000 + 600000 + 200000 == 1100000
    assert e["verplichtingen"] == 70000  # Delfzijl's contract; the others have none
    assert e["maatwerkbudget"] == 1540000 + 110000 - 1100000 - 70000 == 480000
    # The regional total is the same whether counted before or after the herindeling.
    assert sum(r["basisdienstverlening"] for (s, j), r in per.items() if j == 2021) == 2750000


def test_bijdrage_and_verplichtingen_of_the_new_gemeente(eems):
    from generator.compute.bijdrage import bijdragen
    from generator.compute.herindeling import herindelingen
    from generator.load.project import load_project

    project = load_project(eems.root)
    e = herindelingen(project).gemeente("eemsdelta")
    (b,) = bijdragen(e, [2021])
    assert (b.basisdienstverlening, b.verplichtingen, b.maatwerk) == (1100000, 70000, 100000 + 150000 + 60000)
    assert b.totaal == 1480000 and b.voorschotten == [370000] * 4
    assert [v.omschrijving for v in e.verplichtingen] == ["Contract met het leerwerkbedrijf"]
    assert dict(e.verplichtingen[0].bedrag) == {2021: 70000, 2022: 70000}  # the years before belong to Delfzijl
    assert [m.id for m in e.maatwerk] == ["appingedam-jongeren", "delfzijl-statushouders", "loppersum-werkfit"]


# --- the KPI series continue across the date ----------------------------------------------------------


def test_nulmeting_and_earlier_realisaties_are_combined_by_the_indicators_rule(eems):
    from generator.compute.herindeling import herindelingen
    from generator.load.project import load_project

    project = load_project(eems.root)
    e = {p.indicator: p for p in herindelingen(project).gemeente("eemsdelta").prestatie_indicatoren}
    uit = e["uitstroom-werk"]
    assert uit.nulmeting.waarde == 60 + 120 + 40 == 220
    assert uit.streefwaarden[2021] == 66 + 135 + 43 == 244
    assert uit.realisaties["2020"].waarde == 61 + 127 + 44 == 232
    assert uit.realisaties["2021"].waarde == 250  # Eemsdelta's own
    ver = e["vervulling"]
    # Weighted by noemer: nulmeting noemers 40, 100, 20; the 2020 realisaties' noemers 45, 110, 25.
    assert ver.nulmeting.waarde == Decimal(55 * 40 + 60 * 100 + 50 * 20) / 160 == Decimal("57.5")
    assert ver.nulmeting.noemer == 160
    assert ver.streefwaarden[2021] == Decimal(60 * 40 + 65 * 100 + 56 * 20) / 160  # 62,625
    assert ver.realisaties["2020"].waarde == Decimal(58 * 45 + 63 * 110 + 52 * 25) / 180  # 60,22...
    assert ver.realisaties["2020"].noemer == 180


def test_the_report_of_the_new_gemeente_reads_as_its_council_would(built_eems):
    pdf = built_eems / "site" / "pdf"
    t = text(pdf / "rapport-eemsdelta-2021.pdf")
    assert "Verantwoordingsrapportage Eemsdelta 2021" in t
    assert "De gemeente Eemsdelta is op 1 januari 2021 ontstaan uit Appingedam, Delfzijl en Loppersum." in t
    assert (
        "die van de drie gemeenten samen: aantallen opgeteld, percentages, gemiddelden en rapportcijfers gewogen "
        "naar hun noemer" in t
    )
    # Uitstroom: nulmeting 220, streefwaarde 244, realisatie 250: +30 since the nulmeting, +18 since 2020 (232).
    assert "Uitstroom naar werk (hoger is beter; stroom) 220 (2018) 244 250 +30 +18 102,5% op koers" in t
    # Vervulling: 57,5% -> 64,0% is +6,5 %-punt; 2020's 60,22% -> +3,8 %-punt; 64 / 62,625 = 102,2%.
    assert "57,5% (2018) 62,6% 64,0% +6,5 %- punt +3,8 %- punt 102,2% op koers" in t
    # The region counts the gemeenten that exist in 2021: Eemsdelta, Oldambt, Midden-Groningen.
    assert "Vervullingspercentage 64,0% 63,2% 99,3% op koers 1 van 3" in t  # (64·190 + 61·130 + 64·170) / 490 = 63,2%
    assert "De streefwaarde 2021 uit de DVO's: 244." in t
    # Measured against each predecessor's DVO in force on the peildatum (issue 21): Delfzijl's is
    # vastgesteld, the other two are signed.
    assert (
        "Gemeten tegen de DVO's van Appingedam (versie 1.0 van 4 december 2018, ondertekend op 11 december 2018), "
        "Delfzijl (versie 1.0, vastgesteld op 11 december 2018) en Loppersum (versie 1.0 van 6 december 2018, "
        "ondertekend op 13 december 2018)"
    ) in t
    assert (
        "zoals de DVO's die op de peildatum golden (als rechtsopvolger: Appingedam versie 1.0, ondertekend; "
        "Delfzijl versie 1.0, vastgesteld; Loppersum" in t
    )
    # The bijdrage: basis 300.000 + 600.000 + 200.000, verplichtingen 70.000 (Delfzijl's), afspraken
    # 100.000 + 150.000 + 60.000 = 310.000; besteed 99.000 + 149.000 + 59.000 = 307.000 (99,0%).
    assert "Bijdrage 2021 volgens de DVO's" in t
    assert "Maatwerkafspraken samen € 310.000 € 307.000 99,0% binnen budget" in t
    assert (
        "Bijdrage € 1.480.000 € 1.477.000 99,8% binnen budget" in t
    )  # 1.100.000 + 70.000 + 310.000; 1.477.000 / 1.480.000
    assert "Het maatwerkbudget 2021 volgens de DVO's is € 480.000. Daarvan is € 310.000 toegewezen" in t
    assert "Uitkomst van de afrekening 2021: terugbetaling aan de gemeente van € 3.000." in t  # 1.000 per afspraak
    assert "Opvolging van de besluitpunten van 2020" not in t  # it did not exist in 2020


def test_reports_before_the_date_stay_with_the_predecessors(built_eems):
    pdf = built_eems / "site" / "pdf"
    made = sorted(p.name for p in pdf.glob("rapport-*.pdf"))
    assert "rapport-delfzijl-2020.pdf" in made and "rapport-delfzijl-2021.pdf" not in made
    assert "rapport-eemsdelta-2021.pdf" in made and "rapport-eemsdelta-2020.pdf" not in made
    t = text(pdf / "rapport-delfzijl-2020.pdf")
    # Five gemeenten in 2020. Uitstroom 127 of 130 (97,7%): behind Loppersum 44/42 and Oldambt 158/155,
    # ahead of Midden-Groningen 205/210 (97,6%) and Appingedam 61/64; region 61 + 127 + 44 + 158 + 205 = 595.
    assert "Uitstroom naar werk 127 595 99,0% op koers 3 van 5" in t
    regio = text(pdf / "rapport-regio-2021.pdf")
    assert (
        "Op 1 januari 2021 zijn Appingedam, Delfzijl en Loppersum samengegaan in de gemeente Eemsdelta; "
        "in 2021 telt de regio drie gemeenten"
    ) in regio
    assert "Herindeling" not in text(pdf / "rapport-regio-2020.pdf")


def test_the_dvo_of_an_opgeheven_gemeente_names_its_rechtsopvolger_and_keeps_its_controlegetal(built_eems, eems):
    t = text(built_eems / "site" / "pdf" / "dvo-delfzijl.pdf")
    assert (
        "Rechtsopvolger De gemeente Delfzijl is op 1 januari 2021 opgeheven en opgegaan in de gemeente Eemsdelta. "
        "Eemsdelta is rechtsopvolger en sindsdien partij bij deze overeenkomst"
    ) in t
    from generator.load.project import load_project
    from generator.render.documents.dvo.inhoud import attachment_json, controlegetal
    from generator.render.documents.dvo.view import build_document

    with_h = load_project(eems.root)
    doc = build_document(with_h, with_h.gemeente("delfzijl"))
    assert json.loads(attachment_json(doc))["stand"]["rechtsopvolging"].startswith(
        "De gemeente Delfzijl is op 1 januari 2021 opgeheven"
    )
    # Without the herindeling the agreement's content is the same: the rechtsopvolger is the DVO's state.
    regio = eems.read(REGIO)
    eems.write(REGIO, regio[: regio.index("herindelingen:")] + regio[regio.index("functies:") :])
    eems.path("gemeenten/eemsdelta.yaml").unlink()
    without = load_project(eems.root)
    assert controlegetal(doc) == controlegetal(build_document(without, without.gemeente("delfzijl")))


def test_site_pages_point_from_the_former_gemeenten_to_the_new_one(built_eems):
    site = built_eems / "site"
    delfzijl = flat((site / "gemeenten" / "delfzijl" / "index.html").read_text(encoding="utf-8"))
    assert "Opgeheven op 1 januari 2021: nu gemeente Eemsdelta" in delfzijl and 'href="../eemsdelta/"' in delfzijl
    eems_page = (site / "gemeenten" / "eemsdelta" / "index.html").read_text(encoding="utf-8")
    assert "Rechtsopvolger sinds 1 januari 2021" in eems_page
    for slug in ("appingedam", "delfzijl", "loppersum"):
        assert f'href="../{slug}/dvo/"' in eems_page  # the DVO's that apply
    overview = flat((site / "gemeenten" / "index.html").read_text(encoding="utf-8"))
    assert "rechtsopvolger: de DVO's van Appingedam, Delfzijl, Loppersum" in overview
    assert (site / "gemeenten" / "delfzijl" / "rapport-2020" / "index.html").is_file()  # still published
    leesversie = flat((site / "gemeenten" / "delfzijl" / "rapport-2020" / "index.html").read_text(encoding="utf-8"))
    assert "Opgegaan in gemeente Eemsdelta" in leesversie
    rows = json.loads((site / "pdf" / "kpi-gemeenten.json").read_text(encoding="utf-8"))
    assert {r["gemeente"] for r in rows if r["periode"] == "2021"} == {"eemsdelta", "oldambt", "midden-groningen"}


# --- what dvo validate checks ---------------------------------------------------------------------------


def test_the_fixture_is_valid(eems):
    result = eems.dvo("validate")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "old, new, where, expected",
    [
        (
            "datum: 2021-01-01",
            "datum: 2021-07-01",
            "datum: 2021-07-01",
            "herindelingen[0].datum: verwacht 1 januari (2021-01-01 of 2022-01-01), gevonden 2021-07-01; een "
            "herindeling gaat in op 1 januari, en budgetten en streefwaarden gelden per jaar "
            "[herindeling-ongeldig]",
        ),
        (
            "datum: 2021-01-01",
            "datum: 2023-01-01",
            "datum: 2023-01-01",
            "herindelingen[0].datum: 2023-01-01 ligt buiten de DVO-periode (2019-2022) [buiten-periode]",
        ),
        (
            "      cbs_code: GM1979",
            "      cbs_code: GM1895",
            "cbs_code: GM1895",
            "herindelingen[0].nieuwe_gemeente.cbs_code: GM1895 is de CBS-code van Oldambt; een nieuwe gemeente "
            "krijgt een eigen code [waarde-dubbel]",
        ),
        (
            "opgeheven: [appingedam, delfzijl, loppersum]",
            "opgeheven: [appingedam, delfzijll, loppersum]",
            "opgeheven:",
            "herindelingen[0].opgeheven[1]: onbekende gemeente 'delfzijll'; verwacht een slug uit de lijst "
            "gemeenten; bedoelt u 'delfzijl'? [verwijzing-onbekend]",
        ),
    ],
)
def test_a_herindeling_that_cannot_be(eems, old, new, where, expected):
    eems.replace(REGIO, old, new)
    out = findings(eems)
    line = eems.line_of(REGIO, where, nth=eems.read(REGIO).count(where))  # the herindeling comes last
    assert any(f.startswith(f"{REGIO}:{line}:") and f.endswith(expected) for f in out), out


def test_no_gemeente_in_two_herindelingen(eems):
    regio = eems.read(REGIO)
    extra = (
        "  - datum: 2022-01-01\n    nieuwe_gemeente: {slug: groot-eems, naam: Groot-Eems, cbs_code: GM1999}\n    "
        "opgeheven: [oldambt, delfzijl]\n"
    )
    eems.write(REGIO, regio.replace("\nfuncties:", extra + "\nfuncties:", 1))
    out = findings(eems)
    assert any(
        "herindelingen[1].opgeheven[1]: gemeente 'delfzijl' staat ook in herindelingen[0]; een gemeente kan in "
        "één herindeling voorkomen [waarde-dubbel]" in f
        for f in out
    ), out


def test_a_new_gemeente_that_already_takes_part_is_refused(eems):
    eems.replace(
        REGIO,
        "      slug: eemsdelta\n      naam: Eemsdelta\n      cbs_code: GM1979",
        "      slug: oldambt\n      naam: Oldambt\n      cbs_code: GM1895",
    )
    out = findings(eems)
    assert any(
        "herindelingen[0].nieuwe_gemeente.slug: 'oldambt' neemt al deel aan de regio; een gemeente die blijft "
        "bestaan en andere gemeenten overneemt (lichte samenvoeging) kan nog niet worden vastgelegd "
        "[herindeling-ongeldig]" in f
        for f in out
    ), out


def test_realisaties_of_a_gemeente_that_no_longer_exists(eems):
    eems.replace("gemeenten/delfzijl.yaml", "      2020: 127\n", "      2020: 127\n      2021: 130\n")
    out = findings(eems)
    line = eems.line_of("gemeenten/delfzijl.yaml", "2021: 130")
    assert out == [
        f"gemeenten/delfzijl.yaml:{line}:7: prestatie_indicatoren[0].realisaties[2021]: een realisatie voor 2021, "
        "maar Delfzijl bestaat "
        "sinds 1 januari 2021 niet meer (opgegaan in Eemsdelta); zet deze gegevens in gemeenten/eemsdelta.yaml "
        "[herindeling-periode]"
    ]


def test_realisaties_of_the_new_gemeente_before_it_existed(eems):
    eems.replace("gemeenten/eemsdelta.yaml", "      2021: 250\n", "      2020: 232\n      2021: 250\n")
    out = findings(eems)
    line = eems.line_of("gemeenten/eemsdelta.yaml", "2020: 232")
    assert out == [
        f"gemeenten/eemsdelta.yaml:{line}:7: prestatie_indicatoren[0].realisaties[2020]: een realisatie voor "
        "2020, maar Eemsdelta bestaat "
        "pas sinds 1 januari 2021; de cijfers daarvoor staan bij Appingedam, Delfzijl en Loppersum "
        "[herindeling-periode]"
    ]


def test_a_weighted_nulmeting_needs_its_noemer_to_be_combined(eems):
    eems.replace("gemeenten/loppersum.yaml", "      noemer: 20  # gemelde vacatures in 2018\n", "")
    out = findings(eems)
    assert (
        len(out) == 1
        and out[0].startswith("gemeenten/loppersum.yaml:")
        and out[0].endswith(
            "prestatie_indicatoren[2].nulmeting: 'vervulling' is een gewogen gemiddelde en Loppersum gaat op 1 "
            "januari 2021 op in Eemsdelta; "
            "verwacht een noemer bij de nulmeting (bijv. 'noemer: 120'), om de nulmetingen naar hun noemer te "
            "combineren [noemer-ontbreekt]"
        )
    )


def test_the_new_gemeentes_file_matches_its_herindeling(eems):
    eems.replace("gemeenten/eemsdelta.yaml", "cbs_code: GM1979", "cbs_code: GM1980")
    out = findings(eems)
    assert out == [
        "gemeenten/eemsdelta.yaml:7:11: cbs_code: verwacht GM1979 (zoals in de herindeling in "
        "content/regio.yaml), gevonden GM1980 [waarde-wijkt-af]"
    ]


# --- dvo import: realisaties go to the gemeente that existed in their period ------------------------------


def test_import_writes_the_new_gemeentes_realisaties_into_its_file(eems):
    export = eems.path("export.csv")
    export.write_text(
        "gemeente;indicator;periode;waarde;noemer\nEemsdelta;uitstroom-werk;2022;255;\nGM1979;vervulling;2022;65,5;200\n",
        encoding="utf-8",
    )
    eems.path("gemeenten/eemsdelta.yaml").unlink()  # not made yet: the import makes it
    result = eems.dvo("import", str(export))
    assert result.exit_code == 0, result.output
    assert "2 nieuw, 0 gewijzigd, 0 ongewijzigd, in 1 bestand" in result.output
    assert eems.read("gemeenten/eemsdelta.yaml").endswith(
        "slug: eemsdelta\nnaam: Eemsdelta\ncbs_code: GM1979\n\nprestatie_indicatoren:\n  - indicator: "
        "uitstroom-werk\n    realisaties:\n      2022: 255\n"
        "  - indicator: vervulling\n    realisaties:\n      2022:\n        waarde: 65.5\n        noemer: 200\n"
    )
    assert eems.dvo("validate").exit_code == 0


def test_import_refuses_a_realisatie_of_a_gemeente_that_no_longer_exists(eems):
    export = eems.path("export.csv")
    export.write_text(
        "gemeente;indicator;periode;waarde\nDelfzijl;uitstroom-werk;2021;130\nEemsdelta;uitstroom-werk;2020;232\n",
        encoding="utf-8",
    )
    before = eems.read("gemeenten/delfzijl.yaml")
    result = eems.dvo("import", str(export))
    assert result.exit_code == 1
    assert (
        "export.csv:2: periode: Delfzijl bestaat sinds 1 januari 2021 niet meer; een realisatie voor 2021 hoort "
        "bij Eemsdelta [herindeling-periode]" in result.output
    )
    assert (
        "export.csv:3: periode: Eemsdelta bestaat pas sinds 1 januari 2021; een realisatie voor 2020 hoort bij "
        "Appingedam, Delfzijl en Loppersum [herindeling-periode]" in result.output
    )
    assert eems.read("gemeenten/delfzijl.yaml") == before


# --- the DVO in force of a rechtsopvolger (issue 21) ------------------------------------------------


def test_the_new_gemeente_is_measured_against_each_predecessors_dvo_in_force(eems):
    from generator.compute.verantwoording import Verantwoording
    from generator.load.project import load_project

    # Loppersum's DVO back to a concept: Eemsdelta 2021 still reports, and says which version of
    # which predecessor was not vastgesteld; the other two remain in force.
    eems.replace("gemeenten/loppersum.yaml", "status: ondertekend", "status: concept")
    v = Verantwoording(load_project(eems.root))
    periode = v.periode("2021")
    dvo = v.geldende_dvo("eemsdelta", periode)
    assert not dvo.geldend and [d.gemeente.naam for d in dvo.voorgangers] == ["Appingedam", "Delfzijl", "Loppersum"]
    assert dvo.omschrijving == (
        "Als rechtsopvolger gemeten tegen de DVO's van Appingedam (versie 1.0 van 4 december 2018, ondertekend op "
        "11 december 2018), Delfzijl (versie 1.0, vastgesteld op 11 december 2018) en Loppersum (versie 1.0 "
        "(concept)); "
        "Loppersum had op de peildatum geen vastgestelde DVO."
    )
    # The budgets are the predecessors' as those versions state them: 1.100.000 basis, 70.000, 310.000 afspraken.
    f = v.financien("eemsdelta", periode)
    assert f.totaal.budget == Decimal(1_480_000)
    # The regional report counts it among the gemeenten without a DVO in force.
    from generator.render.documents.rapport.view import regio_rapport

    r = regio_rapport(v, periode, "test")
    assert [g.naam for g, _ in r.zonder_dvo] == ["Eemsdelta"]
