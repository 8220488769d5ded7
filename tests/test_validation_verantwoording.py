"""Validation of the verantwoording data: meetwijze, toelichtingen, besteed, report status.

Each broken file gives a finding at the exact line and column of the field, with its code.
"""

from __future__ import annotations

from tests.conftest import assert_finding, findings

INDICATOREN = "content/indicatoren.yaml"
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
    text = region.read(INDICATOREN)
    at = text.index("  - id: vervullingspercentage")
    region.write(INDICATOREN, text[:at] + text[at:].replace("    meetwijze: stand", "    meetwijze: stroom", 1))
    line = line_after(region, INDICATOREN, "- id: vervullingspercentage", "meetwijze: stroom")
    assert_finding(findings(region), f"{INDICATOREN}:{line}:16", "meetwijze-ongeldig")


def test_a_percentage_cannot_be_cumulatief(tertaal_region):
    # Make the fixture's score indicator a plain sum that is still a rapportcijfer.
    tertaal_region.replace(
        INDICATOREN,
        "    regionaal: gewogen gemiddelde\n    noemer: respondenten\n    meetwijze: stand",
        "    regionaal: som\n    meetwijze: cumulatief",
    )
    line = line_after(tertaal_region, INDICATOREN, "- id: tevredenheid", "meetwijze: cumulatief")
    assert findings(tertaal_region)[:-1] == [
        f"{INDICATOREN}:{line}:16: indicatoren[4].meetwijze: 'tevredenheid' is een rapportcijfer, "
        "dat niet over perioden "
        "kan worden opgeteld: "
        "verwacht 'stand', gevonden 'cumulatief' [meetwijze-ongeldig]"
    ]


def test_meetwijze_is_required_and_checked_against_its_choices(region):
    region.replace(INDICATOREN, "    meetwijze: stroom\n", "", 1)
    region.replace(INDICATOREN, "    meetwijze: stand\n", "    meetwijze: telling\n", 1)
    lines = findings(region)
    assert_finding(lines, f"{INDICATOREN}:{region.line_of(INDICATOREN, '- id: uitstroom-werk')}:5", "veld-ontbreekt")
    assert_finding(lines, f"{INDICATOREN}:{region.line_of(INDICATOREN, 'meetwijze: telling')}:16", "keuze-ongeldig")


def test_a_beleidskeuze_must_name_its_dvo_article(region):
    region.replace(N, " ([[artikel:basispakket]])", "")
    line = region.line_of(N, "oorzaak: beleidskeuze in de DVO")
    assert_finding(findings(region), f"{N}:{line}:18", "verwijzing-ontbreekt")


def test_a_toelichting_may_only_name_an_existing_article(region):
    region.replace(N, "[[artikel:basispakket]]", "[[artikel:basispakkett]]")
    line = region.line_of(N, "oorzaak: beleidskeuze in de DVO") + 1
    assert_finding(findings(region), f"{N}:{line}:16", "verwijzing-onbekend")


def test_besteed_is_keyed_by_the_regions_periods(region):
    region.replace(W, "      2016: 27600", "      2016-T1: 27600")
    line = region.line_of(W, "2016-T1: 27600")
    assert_finding(findings(region), f"{W}:{line}:7", "periode-ongeldig")


def test_spending_on_a_budget_line_is_an_amount(region):
    text = region.read(W)
    at = text.index("besteed:\n  2015:")
    region.write(W, text[:at] + text[at:].replace("    verplichtingen: 167000", "    verplichtingen: 167.000", 1))
    line = region.line_of(W, "verplichtingen: 167.000")
    assert_finding(findings(region), f"{W}:{line}:21", "getalnotatie-ongeldig")


def test_a_vastgesteld_report_says_by_whom_and_when(region):
    region.replace(
        W,
        "    status: vastgesteld\n    vastgesteld:\n      door: college van burgemeester en wethouders van "
        "Wijchen\n      datum: 2016-04-12\n",
        "    status: vastgesteld\n",
    )
    line = region.line_of(W, "status: vastgesteld")
    assert_finding(findings(region), f"{W}:{line}:5", "rapportstatus-ongeldig")


def test_opvolging_belongs_to_a_period_with_a_realisatie(region):
    region.replace(W, "    opvolging:\n      2015:", "    opvolging:\n      2017:")
    line = region.line_of(W, "    opvolging:") + 1
    assert_finding(findings(region), f"{W}:{line}:7", "realisatie-ontbreekt")


def test_regional_follow_up_names_a_known_indicator(region):
    region.replace(R, "    tevredenheid-kandidaten:\n      2015:", "    tevredenheid-kandidatenn:\n      2015:")
    line = region.line_of(R, "tevredenheid-kandidatenn:")
    assert_finding(findings(region), f"{R}:{line}:5", "verwijzing-onbekend")


def test_the_escalation_body_is_required(region):
    text = region.read(R)
    start = text.index("  escalatie:")
    end = text.index("  # Prestatie als percentage")
    region.write(R, text[:start] + text[end:])
    assert_finding(findings(region), f"{R}:{region.line_of(R, 'periode_schema: jaar')}:3", "veld-ontbreekt")


def test_an_acceptance_needs_a_date(region):
    region.replace(N, "          datum: 2017-02-09\n", "")
    line = region.line_of(N, "door: periodiek overleg")
    assert_finding(findings(region), f"{N}:{line}:11", "veld-ontbreekt")
