"""One broken fixture per validation rule: exact `path:line:col` and the finding code; a few
check the whole Dutch message too (unknown fields, the money rules)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO, SLUGS, assert_finding, findings, located

W = "gemeenten/wijchen.yaml"
D = "gemeenten/druten.yaml"


def test_example_region_is_valid(region):
    result = region.dvo("validate")
    assert result.exit_code == 0, result.output
    assert "Alle gegevens zijn geldig" in result.output


def test_amount_that_is_not_a_number(region):
    region.replace(W, "      2016: 116900", "      2016: veel")
    line = region.line_of(W, "2016: veel")
    assert_finding(findings(region), f"{W}:{line}:13", "bedrag-ongeldig")


def test_dutch_thousands_separator_is_refused_not_misread(region):
    region.replace(W, "    participatiebudget: 789908", "    participatiebudget: 789.908")
    line = region.line_of(W, "789.908")
    assert_finding(findings(region), f"{W}:{line}:25", "getalnotatie-ongeldig")


def test_unknown_field_names_the_allowed_ones(region):
    region.replace(D, "  bijstandsgerechtigden:", "  oppervlakte: 69\n  bijstandsgerechtigden:")
    line = region.line_of(D, "oppervlakte:")
    lines = findings(region)
    assert lines[:-1] == [
        f"{D}:{line}:3: kerngegevens.oppervlakte: onbekend veld (tikfout?); toegestaan zijn: peildatum, bron, "
        "inwoners, bijstandsgerechtigden [veld-onbekend]"
    ]


def test_misspelt_required_field_is_one_message_with_a_suggestion(region):
    region.replace(D, '  bron: "Teruggerekend', '  bronn: "Teruggerekend')
    line = region.line_of(D, "bronn:")
    lines = findings(region)
    # One finding: no extra 'verplicht veld ontbreekt' for the `bron` that the typo stands in for.
    assert lines[:-1] == [
        f"{D}:{line}:3: kerngegevens.bronn: onbekend veld; bedoelt u 'bron'? Dat verplichte veld ontbreekt. "
        "Toegestaan zijn: peildatum, bron, inwoners, bijstandsgerechtigden [veld-onbekend]"
    ]


def test_value_not_in_list_of_choices(region):
    region.replace(D, "  status: concept", "  status: klaar")
    assert_finding(findings(region), f"{D}:{region.line_of(D, 'status: klaar')}:11", "keuze-ongeldig")


def test_duplicate_yaml_key(region):
    region.replace(D, "naam: Druten\n", "naam: Druten\nnaam: Drutten\n")
    assert_finding(findings(region), f"{D}:{region.line_of(D, 'naam: Drutten')}:1", "sleutel-dubbel")


def test_yaml_syntax_error(region):
    region.replace(D, "naam: Druten\n", "naam: [Druten\n")
    lines = findings(region)
    assert [code for location, code in located(lines) if location.startswith(f"{D}:")] == ["yaml-ongeldig"], lines


def test_invalid_cbs_code(region):
    region.replace(D, "cbs_code: GM0225", "cbs_code: 0225")
    assert_finding(findings(region), f"{D}:{region.line_of(D, 'cbs_code: 0225')}:11", "cbs-code-ongeldig")


def test_cbs_code_must_match_region_listing(region):
    region.replace(D, "cbs_code: GM0225", "cbs_code: GM0226")
    assert_finding(findings(region), f"{D}:{region.line_of(D, 'cbs_code: GM0226')}:11", "waarde-wijkt-af")


def test_unknown_instrument_in_maatwerk(region):
    region.replace(W, "instrumenten: [beschut-werk, loonwaardebepaling]", "instrumenten: [beschut-werk, toverstaf]")
    line = region.line_of(W, "toverstaf")
    assert_finding(findings(region), f"{W}:{line}:34", "verwijzing-onbekend")


def test_unknown_indicator_in_prestatie_indicatoren(region):
    region.replace(W, "  - indicator: uitstroom-werk", "  - indicator: geluk")
    assert_finding(findings(region), f"{W}:{region.line_of(W, 'indicator: geluk')}:16", "verwijzing-onbekend")


def test_unknown_indicator_in_maatwerk(region):
    region.replace(W, "indicatoren: [plaatsing-ondersteuning]", "indicatoren: [geluk]")
    assert_finding(findings(region), f"{W}:{region.line_of(W, 'indicatoren: [geluk]')}:19", "verwijzing-onbekend")


def test_duplicate_instrument_id(region):
    rel = "content/instrumentarium.yaml"
    region.replace(rel, "  - id: verdiepende-diagnose", "  - id: screening")
    assert_finding(findings(region), f"{rel}:{region.line_of(rel, '- id: screening', 2)}:9", "waarde-dubbel")


def test_duplicate_indicator_id(region):
    rel = "content/indicatoren.yaml"
    region.replace(rel, "  - id: instroom-uitkering", "  - id: uitstroom-werk")
    assert_finding(findings(region), f"{rel}:{region.line_of(rel, '- id: uitstroom-werk', 2)}:9", "waarde-dubbel")


def test_duplicate_maatwerk_id_across_gemeenten(region):
    region.replace(W, "  - id: wijchen-beschut-werk", "  - id: druten-jongeren-startkwalificatie")
    assert_finding(findings(region), f"{W}:{region.line_of(W, 'id: druten-jongeren')}:9", "waarde-dubbel")


def test_instrument_points_to_unknown_article(region):
    rel = "content/instrumentarium.yaml"
    region.replace(rel, "      - artikel: screening", "      - artikel: screenning")
    line = region.line_of(rel, "artikel: screenning")
    assert_finding(findings(region), f"{rel}:{line}:18", "verwijzing-onbekend")


def test_gemeente_file_not_listed_in_region(region):
    region.write("gemeenten/west-maas-en-waal.yaml", region.read(D).replace("slug: druten", "slug: west-maas-en-waal"))
    assert_finding(findings(region), "gemeenten/west-maas-en-waal.yaml:1:1", "gemeente-niet-in-regio")


def test_listed_gemeente_without_file(region):
    region.path(D).unlink()
    rel = "content/regio.yaml"
    assert_finding(findings(region), f"{rel}:{region.line_of(rel, 'slug: druten')}:11", "bestand-ontbreekt")


def test_slug_must_equal_file_name(region):
    region.replace(D, "slug: druten", "slug: drutten")
    assert_finding(findings(region), f"{D}:{region.line_of(D, 'slug: drutten')}:7", "waarde-wijkt-af")


def test_file_name_must_be_a_slug(region):
    region.write("gemeenten/Druten_Oud.yaml", region.read(D))
    assert_finding(findings(region), "gemeenten/Druten_Oud.yaml:1:1", "bestandsnaam-ongeldig")


def test_year_outside_dvo_period(region):
    region.replace(W, "    budget:\n      2015: 27000", "    budget:\n      2019: 27000")
    assert_finding(findings(region), f"{W}:{region.line_of(W, '2019: 27000')}:7", "buiten-periode")


def test_year_missing_inside_dvo_period(region):
    text = region.read(W)
    start = text.index("  2017:\n    participatiebudget")
    end = text.index("  2018:\n    participatiebudget")
    region.write(W, text[:start] + text[end:])
    assert_finding(findings(region), f"{W}:{region.line_of(W, '  2015:')}:3", "jaar-ontbreekt")


def test_basis_shares_must_add_up_to_regional_basis(region):
    region.replace(D, "    basisdienstverlening: 216000", "    basisdienstverlening: 215000")
    rel = "content/regio.yaml"
    regional = region.line_of(rel, "    2015:")
    lines = findings(region)
    assert (
        f"{rel}:{regional}:5: basisdienstverlening.jaren[2015]: de aandelen basisdienstverlening van de gemeenten "
        "(€ 9.923.000) "
        "tellen niet op tot de regionale basisdienstverlening (€ 9.924.000); verschil € -1.000. Het aandeel van "
        "elke gemeente "
        "staat in gemeenten/<slug>.yaml bij financien[2015].basisdienstverlening [basis-telt-niet-op]" in lines
    )
    # ... and every gemeente's share line, each pointing back at the regional line.
    for slug in SLUGS:
        rel_g = f"gemeenten/{slug}.yaml"
        share = region.line_of(rel_g, "    basisdienstverlening:")
        assert_finding(lines, f"{rel_g}:{share}:27", "basis-telt-niet-op")
        assert any(
            line.startswith(f"{rel_g}:{share}:27: ") and f"(€ 9.924.000, {rel}:{regional})" in line for line in lines
        )
    assert len(lines) == 1 + len(SLUGS) + 1  # regional line, one per gemeente, summary


def test_maatwerk_may_not_exceed_maatwerkbudget(region):
    region.replace(W, "    budget:\n      2015: 27000", "    budget:\n      2015: 40000")
    line = region.line_of(W, "2015: 40000")
    lines = findings(region)
    assert lines[:-1] == [
        f"{W}:{line}:13: maatwerk[0].budget[2015]: de maatwerkafspraken van Wijchen in 2015 (samen € 40.000) zijn "
        "hoger dan "
        "het maatwerkbudget (€ 31.000); verschil € 9.000. Deze afspraak: € 40.000 [maatwerkbudget-overschreden]"
    ]


def test_negative_maatwerkbudget_points_at_the_basis_share_that_causes_it(region):
    region.replace(D, "    basisdienstverlening: 216000", "    basisdienstverlening: 400000")
    region.replace("gemeenten/nijmegen.yaml", "    basisdienstverlening: 7781000", "    basisdienstverlening: 7597000")
    lines = findings(region)
    assert lines[:-1] == [  # the basis shares still add up: only the negative budget is wrong
        f"{D}:{region.line_of(D, 'basisdienstverlening: 400000')}:27: financien[2015].basisdienstverlening: dit "
        "aandeel is hoger "
        "dan wat beschikbaar is; het maatwerkbudget van Druten in 2015 is negatief (€ -62.000): beschikbaar € "
        "338.000 min "
        "basisdienstverlening € 400.000 min verplichtingen € 0 [maatwerkbudget-negatief]"
    ]


def test_negative_maatwerkbudget_points_at_the_verplichting_that_tips_it_over(region):
    # Wijchen 2015: € 821.000 available, € 623.000 basis, so € 198.000 room; the first
    # verplichting (€ 116.900) fits, the second (now € 90.100) takes the total to € 207.000.
    region.replace(W, "      2015: 50100", "      2015: 90100")
    line = region.line_of(W, "2015: 90100")
    lines = findings(region)
    assert lines[:-1] == [
        f"{W}:{line}:13: verplichtingen[1].bedrag[2015]: met deze verplichting (€ 90.100) gaan de verplichtingen "
        "boven wat "
        "na de basisdienstverlening overblijft (€ 198.000); het maatwerkbudget van Wijchen in 2015 is negatief (€ "
        "-9.000): "
        "beschikbaar € 821.000 min basisdienstverlening € 623.000 min verplichtingen € 207.000 "
        "[maatwerkbudget-negatief]"
    ]


def test_realisatie_period_must_follow_the_region_scheme(region):
    region.replace(W, "    realisaties:\n      2015: 119", "    realisaties:\n      2015-T1: 119")
    assert_finding(findings(region), f"{W}:{region.line_of(W, '2015-T1: 119')}:7", "periode-ongeldig")


def test_weighted_indicator_realisatie_needs_noemer(region):
    region.replace(W, "      2016:\n        teller: 28\n        noemer: 48", "      2016: 58.3")
    line = region.line_of(W, "2016: 58.3")
    assert_finding(findings(region), f"{W}:{line}:13", "noemer-ontbreekt")


def test_toelichting_needs_a_realisatie_in_that_period(region):
    region.replace(W, "    toelichtingen:\n      2016:", "    toelichtingen:\n      2017:")
    line = region.line_of(W, "    toelichtingen:") + 1
    assert_finding(findings(region), f"{W}:{line}:7", "realisatie-ontbreekt")


def test_weights_of_a_verdeelsleutel_total_100(region):
    rel = "content/regio.yaml"
    region.replace(
        rel,
        "        gewicht: 50\n      - kenmerk: bijstandsgerechtigden",
        "        gewicht: 60\n      - kenmerk: bijstandsgerechtigden",
    )
    assert_finding(
        findings(region), f"{rel}:{region.line_of(rel, '- id: inwoners-en-bijstand')}:5", "gewichten-ongeldig"
    )


def test_all_findings_of_all_files_in_one_run(region):
    region.replace(W, "      2016: 116900", "      2016: veel")
    region.replace(D, "cbs_code: GM0225", "cbs_code: 0225")
    lines = findings(region)
    assert any(line.startswith(W) for line in lines) and any(line.startswith(D) for line in lines)
    assert lines[-1].endswith("er is niets geschreven.")


def test_usage_error_exits_2(region):
    assert region.dvo("validate", "--onzin").exit_code == 2
    result = region.dvo("budget", "--jaar", "2030")
    assert result.exit_code == 2 and "buiten de DVO-periode" in result.output


def test_command_line_reports_without_traceback(region):
    region.replace(W, "      2016: 116900", "      2016: veel")
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--root", str(region.root)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    line = region.line_of(W, "2016: veel")
    assert (
        f"{W}:{line}:13: verplichtingen[0].bedrag[2016]: verwacht een bedrag in euro's, gevonden 'veel' "
        "[bedrag-ongeldig]" in proc.stderr.splitlines()
    )
