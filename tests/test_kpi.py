"""KPI computations against hand-computed figures."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from generator.compute.kpi import (
    AANDACHTSPUNT,
    AFWIJKING,
    OP_KOERS,
    MissingDenominator,
    Waarde,
    afwijkingsregel,
    percentage,
    ranking,
    regional,
    score,
    status,
)
from generator.models.catalog import Indicator
from generator.models.region import Drempels

DREMPELS = Drempels(op_koers_vanaf=95, afwijking_onder=80)
REGEL = afwijkingsregel(
    Drempels(
        op_koers_vanaf=95,
        afwijking_onder=80,
        minimaal_verschil_aantallen=5,
        rapportcijfers={"aandachtspunt_vanaf": "0.3", "afwijking_vanaf": "0.8"},
    )
)


def indicator(richting="hoger is beter", regionaal="som", eenheid="aantal") -> Indicator:
    return Indicator(
        id="x",
        naam="X",
        soort="outcome",
        functie="werkbedrijf",
        eenheid=eenheid,
        richting=richting,
        regionaal=regionaal,
        noemer="n" if regionaal != "som" else None,
        meetwijze="stroom" if regionaal == "som" else "stand",
        definitie="d",
        bron="b",
    )


def test_percentage_of_target():
    assert percentage(D(119), D(106)) == D(119) / D(106) * 100
    assert round(percentage(D(119), D(106)), 2) == D("112.26")
    assert percentage(D(5), D(0)) is None


def test_lower_is_better_scores_inverted():
    # instroom: target 197, realised 241 -> 197/241 = 81,74 %: aandachtspunt, not 122 %
    s = score(indicator("lager is beter"), D(241), D(197))
    assert round(s, 2) == D("81.74")
    assert status(s, DREMPELS) == AANDACHTSPUNT
    # realised below target is better than 100 %
    assert score(indicator("lager is beter"), D(185), D(197)) > 100


def test_threshold_boundaries_are_inclusive_at_the_lower_edge():
    assert status(D(95), DREMPELS) == OP_KOERS
    assert status(D("94.99"), DREMPELS) == AANDACHTSPUNT
    assert status(D(80), DREMPELS) == AANDACHTSPUNT
    assert status(D("79.99"), DREMPELS) == AFWIJKING
    assert status(None, DREMPELS) is None


def test_counts_are_summed_for_the_region():
    waarden = [Waarde("a", D(10)), Waarde("b", D(32)), Waarde("c", D(0))]
    assert regional(indicator(), waarden) == D(42)


def test_percentages_are_weighted_by_their_denominator():
    # 50 % of 10 and 80 % of 90: (5 + 72) / 100 = 77 %, not the plain mean 65 %
    ind = indicator(regionaal="gewogen gemiddelde", eenheid="percentage")
    waarden = [Waarde("a", D(50), D(10)), Waarde("b", D(80), D(90))]
    assert regional(ind, waarden) == D(77)
    with pytest.raises(MissingDenominator, match="noemer ontbreekt voor b"):
        regional(ind, [Waarde("a", D(50), D(10)), Waarde("b", D(80))])


def test_ranking_is_direction_aware_and_shares_places():
    scores = {"a": D(110), "b": D(90), "c": D(110), "d": None}
    assert ranking(scores) == {"a": 1, "c": 1, "b": 3}


@pytest.mark.parametrize(
    "realisatie, streefwaarde, expected",
    [
        # 2 of 6 is 33%: without the small-count rule an afwijking; the difference is 4 < 5.
        (D(2), D(6), AANDACHTSPUNT),
        # 1 of 6: the difference is exactly 5, no longer small: an afwijking.
        (D(1), D(6), AFWIJKING),
        # A pro-rata target is fractional: 53,33 - 48,34 = 4,99 < 5 (score 90,6%: already an aandachtspunt).
        (D("48.34"), D(160) / 3, AANDACHTSPUNT),
        # 38 of 53,33 is 71,25%, a difference of 15,33: an afwijking.
        (D(38), D(160) / 3, AFWIJKING),
        # Small differences never make a count better than aandachtspunt: 94% stays aandachtspunt.
        (D(47), D(50), AANDACHTSPUNT),
    ],
)
def test_small_count_rule_at_its_boundary(realisatie, streefwaarde, expected):
    oordeel = REGEL.beoordeel("hoger is beter", realisatie, streefwaarde, aantal=True)
    assert oordeel.status == expected
    assert (oordeel.reden is not None) == (expected == AANDACHTSPUNT and oordeel.score < 80)


def test_small_count_rule_applies_to_counts_only():
    # 2 of 6 as a percentage indicator (e.g. 2% against 6%): no small-count exemption.
    assert REGEL.beoordeel("hoger is beter", D(2), D(6)).status == AFWIJKING
    # Lower is better: 10 where 6 was the target is 60%, but only 4 more: aandachtspunt.
    assert REGEL.beoordeel("lager is beter", D(10), D(6), aantal=True).status == AANDACHTSPUNT


@pytest.mark.parametrize(
    "realisatie, streefwaarde, expected, punten",
    [
        (D("7.1"), D("7.3"), OP_KOERS, D("-0.2")),
        (D("7.0"), D("7.3"), AANDACHTSPUNT, D("-0.3")),  # 0,3 below: aandachtspunt starts here
        (D("6.6"), D("7.3"), AANDACHTSPUNT, D("-0.7")),
        (D("6.5"), D("7.3"), AFWIJKING, D("-0.8")),  # 0,8 below: afwijking starts here (89% would be aandachtspunt)
        (D("8.0"), D("7.3"), OP_KOERS, D("0.7")),
    ],
)
def test_scores_are_judged_by_points_not_percentages(realisatie, streefwaarde, expected, punten):
    oordeel = REGEL.beoordeel("hoger is beter", realisatie, streefwaarde, punten=True)
    assert (oordeel.status, oordeel.punten) == (expected, punten)
    assert oordeel.rangwaarde == punten


def test_scores_fall_back_to_percentages_when_the_region_sets_no_points_rule():
    oordeel = afwijkingsregel(DREMPELS).beoordeel("hoger is beter", D("6.5"), D("7.3"), punten=True)
    assert oordeel.punten is None and oordeel.status == AANDACHTSPUNT  # 89,0%


def test_the_rule_describes_itself_in_dutch_with_the_regions_numbers():
    tekst = " ".join(REGEL.beschrijving())
    assert "Op koers: een prestatie van 95% of meer" in tekst
    assert "Sterke afwijking: een prestatie van minder dan 80%" in tekst
    assert "verschil met de streefwaarde van minder dan 5 nooit een sterke afwijking" in tekst
    assert (
        "op koers bij minder dan 0,3 punt onder de streefwaarde" in tekst
        and "sterke afwijking vanaf 0,8 punt eronder" in tekst
    )
    bare = " ".join(afwijkingsregel(DREMPELS).beschrijving())
    assert "Kleine aantallen" not in bare and "Rapportcijfers" not in bare


def test_the_words_and_the_classification_agree_at_the_boundary():
    """The DVO article and the leeswijzer print `beschrijving()`; `beoordeel()` judges by the same numbers."""
    assert "Sterke afwijking: een prestatie van minder dan 80%." in " ".join(REGEL.beschrijving())
    # The words and the classification agree at the boundary: 79 of 100 is sterk, 80 is not.
    assert REGEL.beoordeel("hoger is beter", D(79), D(100), aantal=True).status == AFWIJKING
    assert REGEL.beoordeel("hoger is beter", D(80), D(100), aantal=True).status == AANDACHTSPUNT
