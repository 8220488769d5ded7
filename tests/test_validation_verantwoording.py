"""Validation of the verantwoording data: meetwijze, toelichtingen, besteed, report status.

Each broken file gives one Dutch finding at the exact line and column of the field.
"""

from __future__ import annotations

from tests.conftest import assert_finding, findings

I = "content/indicatoren.yaml"
R = "content/regio.yaml"
N = "gemeenten/nijmegen.yaml"
W = "gemeenten/wijchen.yaml"


def line_after(region, rel: str, anchor: str, fragment: str) -> int:
    """Line of the first `fragment` after the line holding `anchor`."""
    lines = region.read(rel).splitlines()
    start = region.line_of(rel, anchor)
    return next(n for n in range(start, len(lines) + 1) if fragment in lines[n - 1])


def test_a_ratio_cannot_be_a_stroom(region):
    # vervullingspercentage is a weighted mean: its meetwijze must be 'stand'.
    text = region.read(I)
    at = text.index("  - id: vervullingspercentage")
    region.write(I, text[:at] + text[at:].replace("    meetwijze: stand", "    meetwijze: stroom", 1))
    line = line_after(region, I, "- id: vervullingspercentage", "meetwijze: stroom")
    assert_finding(findings(region), f"{I}:{line}:16", "meetwijze: 'vervullingspercentage' is een gewogen gemiddelde (een verhouding); die wordt op de peildatum gemeten: verwacht 'stand', gevonden 'stroom'")


def test_a_percentage_cannot_be_cumulatief(tertaal_region):
    # Make the fixture's score indicator a plain sum that is still a rapportcijfer.
    tertaal_region.replace(I, "    regionaal: gewogen gemiddelde\n    noemer: respondenten\n    meetwijze: stand", "    regionaal: som\n    meetwijze: cumulatief")
    line = line_after(tertaal_region, I, "- id: tevredenheid", "meetwijze: cumulatief")
    assert_finding(findings(tertaal_region), f"{I}:{line}:16", "'tevredenheid' is een rapportcijfer, dat niet over perioden kan worden opgeteld: verwacht 'stand', gevonden 'cumulatief'")


def test_meetwijze_is_required_and_checked_against_its_choices(region):
    region.replace(I, "    meetwijze: stroom\n", "", 1)
    region.replace(I, "    meetwijze: stand\n", "    meetwijze: telling\n", 1)
    lines = findings(region)
    assert_finding(lines, f"{I}:{region.line_of(I, '- id: uitstroom-werk')}:5", "indicatoren[0].meetwijze: verplicht veld ontbreekt")
    assert_finding(lines, f"{I}:{region.line_of(I, 'meetwijze: telling')}:16", "verwacht een van: 'stroom', 'stand' of 'cumulatief'; gevonden 'telling'")


def test_a_beleidskeuze_must_name_its_dvo_article(region):
    region.replace(N, " ([[artikel:maatwerk]])", "")
    line = region.line_of(N, "oorzaak: beleidskeuze in de DVO")
    assert_finding(findings(region), f"{N}:{line}:18", "prestatie_indicatoren[5].toelichtingen[2016].oorzaak: een beleidskeuze moet in de DVO staan; noem het artikel in de tekst als [[artikel:<id>]]")


def test_a_toelichting_may_only_name_an_existing_article(region):
    region.replace(N, "[[artikel:maatwerk]]", "[[artikel:maatwerkk]]")
    line = region.line_of(N, "oorzaak: beleidskeuze in de DVO") + 1
    assert_finding(findings(region), f"{N}:{line}:16", "toelichtingen[2016].tekst: verwijzing naar onbekend DVO-artikel 'maatwerkk'")


def test_besteed_is_keyed_by_the_regions_periods(region):
    region.replace(W, "      2016: 27600", "      2016-T1: 27600")
    line = region.line_of(W, "2016-T1: 27600")
    assert_finding(findings(region), f"{W}:{line}:7", "maatwerk[0].besteed[2016-T1]: verwacht een jaar zoals '2016' (periode_schema 'jaar' in content/regio.yaml), gevonden '2016-T1'")


def test_spending_on_a_budget_line_is_an_amount(region):
    text = region.read(W)
    at = text.index("besteed:\n  2015:")
    region.write(W, text[:at] + text[at:].replace("    verplichtingen: 167000", "    verplichtingen: 167.000", 1))
    line = region.line_of(W, "verplichtingen: 167.000")
    assert_finding(findings(region), f"{W}:{line}:21", "besteed[2015].verplichtingen: verwacht een bedrag in euro's zonder scheidingsteken voor duizendtallen")


def test_a_vastgesteld_report_says_by_whom_and_when(region):
    region.replace(W, "    status: vastgesteld\n    vastgesteld:\n      door: college van burgemeester en wethouders van Wijchen\n      datum: 2016-04-12\n", "    status: vastgesteld\n")
    line = region.line_of(W, "status: vastgesteld")
    assert_finding(findings(region), f"{W}:{line}:5", "rapporten[2015]: status 'vastgesteld' vraagt door wie en wanneer")


def test_opvolging_belongs_to_a_period_with_a_realisatie(region):
    region.replace(W, "    opvolging:\n      2015:", "    opvolging:\n      2017:")
    line = region.line_of(W, "    opvolging:") + 1
    assert_finding(findings(region), f"{W}:{line}:7", "opvolging[2017]: opvolging voor periode '2017', maar daarvoor is geen realisatie ingevuld")


def test_regional_follow_up_names_a_known_indicator(region):
    region.replace(R, "    tevredenheid-kandidaten:\n      2015:", "    tevredenheid-kandidatenn:\n      2015:")
    line = region.line_of(R, "tevredenheid-kandidatenn:")
    assert_finding(findings(region), f"{R}:{line}:5", "rapportage.opvolging.tevredenheid-kandidatenn: onbekende indicator 'tevredenheid-kandidatenn'")


def test_the_escalation_body_is_required(region):
    text = region.read(R)
    start = text.index("  escalatie:")
    end = text.index("  # Prestatie als percentage")
    region.write(R, text[:start] + text[end:])
    assert_finding(findings(region), f"{R}:{region.line_of(R, 'periode_schema: jaar')}:3", "rapportage.escalatie: verplicht veld ontbreekt")


def test_an_acceptance_needs_a_date(region):
    region.replace(N, "          datum: 2017-02-09\n", "")
    line = region.line_of(N, "door: periodiek overleg")
    assert_finding(findings(region), f"{N}:{line}:11", "toelichtingen[2016].aanvaard.datum: verplicht veld ontbreekt")
