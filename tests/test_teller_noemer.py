"""Figures that can be true: a percentage over a noemer is written as teller and noemer, or must be
reachable with a whole number of that noemer; refused at its line with the nearest values."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from generator.compute.verantwoording import Verantwoording
from generator.load.project import load_project
from generator.load.teller_noemer import bereikbaar, dichtstbij
from tests.conftest import REPO, assert_only_finding

M = "gemeenten/mook-en-middelaar.yaml"
MOOK_2016 = "      2016:\n        teller: 5\n        noemer: 7\n  - indicator: tevredenheid-kandidaten"


@pytest.mark.parametrize(
    "pct, noemer, ok",
    [
        ("66.7", 6, True),  # 4 of 6 = 66,67%
        ("66.6", 6, False),
        ("73.4", 6, False),  # the example: 4 of 6 = 66,7%, 5 of 6 = 83,3%
        ("70", 10, True),
        ("71", 10, False),
        ("10.9", 9900, True),  # 1.079 of 9.900 = 10,899%
        ("0", 6, True),
        ("100.0", 6, True),
    ],
)
def test_reachable_means_some_whole_count_rounds_to_it(pct, noemer, ok):
    assert bereikbaar(D(pct), noemer) is ok


def test_the_nearest_counts_lie_on_both_sides():
    assert dichtstbij(D("73.4"), 6) == [4, 5]
    assert dichtstbij(D("100"), 6) == [6]  # never more than the noemer


def test_an_unreachable_percentage_is_refused_at_its_line_with_the_nearest_values(region):
    region.replace(
        M, MOOK_2016, "      2016:\n        waarde: 73.4\n        noemer: 6\n  - indicator: tevredenheid-kandidaten"
    )
    line = region.line_of(M, "waarde: 73.4")
    finding = assert_only_finding(region, f"{M}:{line}:17", "percentage-onmogelijk")
    assert finding.startswith(
        f"{M}:{line}:17: prestatie_indicatoren[6].realisaties[2016].waarde: 73,4% van 6 kan niet: 4 van 6 = "
        "66,7%, 5 van 6 = 83,3%; "
        "schrijf het aantal als teller en noemer, bijv. '2016: {teller: 4, noemer: 6}'"
    )
    # a reachable value with its noemer is accepted as it is
    region.replace(M, "waarde: 73.4", "waarde: 66.7")
    assert region.dvo("validate").exit_code == 0


@pytest.mark.parametrize(
    "realisatie, field, code, message",
    [
        (
            "teller: 5\n        noemer: 6.5",
            "noemer",
            "getal-ongeldig",
            "de noemer van een percentage is een aantal (vervullingspercentage); verwacht een geheel getal van 1 "
            "of meer, gevonden 6,5",
        ),
        (
            "teller: 8\n        noemer: 7",
            "teller",
            "waarde-buiten-bereik",
            "8 van 7 is meer dan 100%; de teller van een percentage is hoogstens de noemer",
        ),
        (
            "teller: 4.5\n        noemer: 7",
            "teller",
            "getal-ongeldig",
            "de teller van een percentage is een aantal; verwacht een geheel getal, gevonden 4,5",
        ),
    ],
)
def test_teller_and_noemer_of_a_percentage_are_counts(region, realisatie, field, code, message):
    region.replace(M, MOOK_2016, f"      2016:\n        {realisatie}\n  - indicator: tevredenheid-kandidaten")
    line = region.line_of(M, f"{field}: " + realisatie.split(f"{field}: ")[1].split("\n")[0])
    finding = assert_only_finding(region, f"{M}:{line}:17", code)
    assert f"prestatie_indicatoren[6].realisaties[2016].{field}: {message}" in finding


@pytest.mark.parametrize(
    "realisatie, code, message",
    [
        (
            "waarde: 71.4\n        teller: 5\n        noemer: 7",
            "waarde-ongeldig",
            "verwacht waarde óf teller met noemer, gevonden allebei",
        ),
        ("teller: 5", "noemer-ontbreekt", "een teller (5) heeft een noemer nodig"),
    ],
)
def test_a_realisatie_is_a_waarde_or_a_teller_with_its_noemer(region, realisatie, code, message):
    region.replace(M, MOOK_2016, f"      2016:\n        {realisatie}\n  - indicator: tevredenheid-kandidaten")
    finding = assert_only_finding(region, f"{M}:{region.line_of(M, realisatie.splitlines()[0].strip())}:9", code)
    assert message in finding


def test_teller_and_noemer_give_the_percentage_the_reports_show():
    """Mook en Middelaar 2016: 5 of 7 werkplekken filled = 71,43%; streefwaarde 65,0 + 2 x 2 = 69,0."""
    v = Verantwoording(load_project(REPO))
    u = next(
        x for x, _ in v.gemeente("mook-en-middelaar", v.periode("2016")) if x.indicator.id == "vervullingspercentage"
    )
    assert (u.realisatie, u.noemer, u.streefwaarde) == (D(5) / 7 * 100, 7, D("69.0"))
    assert f"{u.score:.2f}" == "103.52"
    # The region weighs each percentage by its noemer: the filled places over all places.
    r = v.regio("vervullingspercentage", v.periode("2016"))
    tellers = 21 + 13 + 16 + 10 + 5 + 5 + 362 + 8 + 28
    noemers = 26 + 17 + 23 + 16 + 9 + 7 + 541 + 11 + 48
    assert (tellers, noemers) == (468, 698) and r.noemer == noemers
    assert abs(r.realisatie - D(tellers) * 100 / noemers) < D("1e-20")
