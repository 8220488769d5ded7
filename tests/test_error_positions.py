"""Errors at the line the user must change: Dutch thousands separators in every spelling,
'bedoelt u ...?' for ids that are nearly right, and exact positions (line and column).
These check the whole Dutch line (the suggestion is the point), code included."""

from __future__ import annotations

from tests.conftest import findings, only_finding

W = "gemeenten/wijchen.yaml"
G = "gemeenten/groesbeek.yaml"
REGIO = "content/regio.yaml"


def test_millions_with_dots_get_the_same_hint_as_thousands(region):
    # YAML reads `529.000` as a number and `2.100.000` as text: both are refused the same way.
    region.replace(W, "    participatiebudget: 789908", "    participatiebudget: 2.100.000")
    line = region.line_of(W, "2.100.000")
    assert only_finding(region) == (
        f"{W}:{line}:25: financien[2015].participatiebudget: verwacht een bedrag in euro's zonder scheidingsteken "
        "voor duizendtallen (schrijf 2100000), gevonden '2.100.000' [getalnotatie-ongeldig]"
    )


def test_dutch_amount_with_cents_is_refused_with_the_amount_to_write(region):
    region.replace(W, "      2015: 116900", "      2015: 116.900,50")
    line = region.line_of(W, "116.900,50")
    assert only_finding(region) == (
        f"{W}:{line}:13: verplichtingen[0].bedrag[2015]: verwacht een bedrag in euro's zonder scheidingsteken "
        "voor duizendtallen (schrijf 116900.50), gevonden '116.900,50' [getalnotatie-ongeldig]"
    )


def test_unknown_indicator_suggests_the_close_one(region):
    region.replace(W, "  - indicator: uitstroom-werk", "  - indicator: uitstroom-werkk")
    line = region.line_of(W, "indicator: uitstroom-werkk")
    assert only_finding(region) == (
        f"{W}:{line}:16: prestatie_indicatoren[0].indicator: onbekende indicator 'uitstroom-werkk' "
        "(niet in content/indicatoren.yaml); bedoelt u 'uitstroom-werk'? [verwijzing-onbekend]"
    )


def test_unknown_instrument_suggests_the_close_one(region):
    region.replace(
        W, "instrumenten: [beschut-werk, loonwaardebepaling]", "instrumenten: [beschut-werk, loonwaardebepalng]"
    )
    line = region.line_of(W, "loonwaardebepalng")
    assert only_finding(region) == (
        f"{W}:{line}:34: maatwerk[0].instrumenten[1]: onbekend instrument 'loonwaardebepalng' "
        "(niet in content/instrumentarium.yaml); bedoelt u 'loonwaardebepaling'? [verwijzing-onbekend]"
    )


def test_no_suggestion_when_nothing_is_close(region):
    region.replace(W, "instrumenten: [beschut-werk, loonwaardebepaling]", "instrumenten: [beschut-werk, toverstaf]")
    assert only_finding(region).endswith(
        "onbekend instrument 'toverstaf' (niet in content/instrumentarium.yaml) [verwijzing-onbekend]"
    )


def test_unknown_oorzaak_suggests_the_accepted_one(region):
    region.replace(G, "        oorzaak: budgetkrimp", "        oorzaak: budgetkrim")
    line = region.line_of(G, "oorzaak: budgetkrim")
    col = region.col_of(G, "budgetkrim")
    index = sum("  - indicator:" in text for text in region.read(G).splitlines()[:line]) - 1
    assert only_finding(region) == (
        f"{G}:{line}:{col}: prestatie_indicatoren[{index}].toelichtingen[2016].oorzaak: verwacht een van: "
        "'budgetkrimp', "
        "'beleidskeuze in de DVO' of 'demografische of economische ontwikkeling'; gevonden 'budgetkrim'; bedoelt "
        "u 'budgetkrimp'? [keuze-ongeldig]"
    )


def test_unknown_gastheergemeente_suggests_the_close_one(region):
    region.replace(REGIO, "gastheergemeente: nijmegen", "gastheergemeente: nijmgen")
    assert only_finding(region) == (
        f"{REGIO}:{region.line_of(REGIO, 'gastheergemeente:')}:19: gastheergemeente: verwacht een van de deelnemende "
        "gemeenten, gevonden 'nijmgen'; bedoelt u 'nijmegen'? [verwijzing-onbekend]"
    )


def test_gemeente_file_with_a_misspelt_name_suggests_the_listed_one(region):
    region.path(W).rename(region.path("gemeenten/wijchn.yaml"))
    lines = findings(region)
    assert (
        "gemeenten/wijchn.yaml:1:1: gemeente 'wijchn' staat niet in de lijst gemeenten van content/regio.yaml; "
        "voeg haar daar toe of verwijder dit bestand; bedoelt u 'wijchen'? [gemeente-niet-in-regio]" in lines
    )


def test_unknown_gemeente_on_the_command_line_suggests_the_close_one(region):
    result = region.dvo("budget", "--gemeente", "wijchn")
    assert result.exit_code == 2
    assert "onbekende gemeente 'wijchn'; bedoelt u 'wijchen'?" in result.output


def test_an_unknown_field_in_place_of_a_missing_one_is_one_message(region):
    # Not a typo but another word: still one mistake on one line, reported once.
    region.replace("gemeenten/druten.yaml", '  bron: "Teruggerekend', '  herkomst: "Teruggerekend')
    line = region.line_of("gemeenten/druten.yaml", "herkomst:")
    assert only_finding(region) == (
        f"gemeenten/druten.yaml:{line}:3: kerngegevens.herkomst: onbekend veld; bedoelt u 'bron'? Dat verplichte "
        "veld ontbreekt. "
        "Toegestaan zijn: peildatum, bron, inwoners, bijstandsgerechtigden [veld-onbekend]"
    )


def test_a_misspelt_optional_field_gets_a_suggestion(region):
    region.replace(REGIO, "  bron: Werkbedrijfsplan", "  brom: Werkbedrijfsplan")
    line = region.line_of(REGIO, "brom:")
    assert only_finding(region) == (
        f"{REGIO}:{line}:3: basisdienstverlening.brom: onbekend veld; bedoelt u 'bron'? "
        "Toegestaan zijn: indirecte_kosten, jaren, bron [veld-onbekend]"
    )
