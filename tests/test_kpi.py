"""KPI computations against hand-computed figures."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from generator.compute.kpi import AANDACHTSPUNT, AFWIJKING, OP_KOERS, MissingDenominator, Waarde, percentage, ranking, regional, score, status
from generator.models.catalog import Indicator
from generator.models.region import Drempels

DREMPELS = Drempels(op_koers_vanaf=95, afwijking_onder=80)


def indicator(richting="hoger is beter", regionaal="som", eenheid="aantal") -> Indicator:
    return Indicator(
        id="x", naam="X", soort="outcome", functie="werkbedrijf", eenheid=eenheid, richting=richting,
        regionaal=regionaal, noemer="n" if regionaal != "som" else None, definitie="d", bron="b",
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
