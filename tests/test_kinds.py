"""Indicator kinds (models/kinds.py): one registered class per kind, picked per indicator."""

from __future__ import annotations

from decimal import Decimal as D
from typing import get_args

import pytest

from generator.compute.kpi import AANDACHTSPUNT, AFWIJKING, afwijkingsregel
from generator.compute.rapportperiode import Rapportperiode
from generator.models import kinds
from generator.models.catalog import Indicator
from generator.models.gemeente import PrestatieIndicator
from generator.models.region import Drempels

REGEL = afwijkingsregel(
    Drempels(
        op_koers_vanaf=95,
        afwijking_onder=80,
        minimaal_verschil_aantallen=5,
        rapportcijfers={"aandachtspunt_vanaf": "0.3", "afwijking_vanaf": "0.8"},
    )
)


def indicator(meetwijze="stroom", eenheid="aantal", regionaal="som") -> Indicator:
    return Indicator(
        id="x",
        naam="X",
        soort="output",
        eenheid=eenheid,
        richting="hoger is beter",
        regionaal=regionaal,
        noemer=None if regionaal == "som" else "n",
        meetwijze=meetwijze,
        definitie="d",
        bron="b",
    )


def test_every_meetwijze_and_unit_of_the_catalogue_has_its_class():
    fields = Indicator.model_fields
    for meetwijze in get_args(fields["meetwijze"].annotation):
        assert type(kinds.kind_for(indicator(meetwijze))).naam == meetwijze
    assert set(get_args(fields["eenheid"].annotation)) == set(kinds.EENHEDEN)


def test_a_score_is_its_own_kind_only_as_a_stand():
    assert isinstance(kinds.kind_for(indicator("stand", "rapportcijfer", "gewogen gemiddelde")), kinds.Rapportcijfer)
    stroom = kinds.kind_for(indicator("stroom", "rapportcijfer"))
    assert isinstance(stroom, kinds.Stroom)
    assert [(p.veld, p.tekst, p.code) for p in stroom.problemen(4)] == [
        (
            "meetwijze",
            "indicatoren[4].meetwijze: 'x' is een rapportcijfer, dat niet over perioden kan worden opgeteld: "
            "verwacht 'stand', gevonden 'stroom'",
            "meetwijze-ongeldig",
        )
    ]


def test_the_kind_chooses_the_variant_of_the_afwijkingsregel():
    # 3 of a target of 6 is 50%, but only 3 short: a count is at most an aandachtspunt ...
    assert kinds.kind_for(indicator()).beoordeel(REGEL, D(3), D(6)).status == AANDACHTSPUNT
    # ... an amount in euros is not a count: the same numbers are an afwijking.
    assert kinds.kind_for(indicator(eenheid="euro")).beoordeel(REGEL, D(3), D(6)).status == AFWIJKING
    # A score 0,8 point short is an afwijking (89% of target would only be an aandachtspunt).
    oordeel = kinds.kind_for(indicator("stand", "rapportcijfer", "gewogen gemiddelde")).beoordeel(
        REGEL, D("6.5"), D("7.3")
    )
    assert (oordeel.status, oordeel.punten) == (AFWIJKING, D("-0.8"))


def test_koers_per_kind_in_a_tertaal():
    p = PrestatieIndicator(
        indicator="x", nulmeting={"waarde": 1270, "jaar": 2015}, streefwaarden={2016: 1020, 2017: 900}
    )
    t1 = Rapportperiode.van(2016, 1, "tertaal")
    stand = kinds.kind_for(indicator("stand", regionaal="som"))
    assert stand.koers(p, t1).waarde == D(1270) - D(250) / 3  # 1.186,7 on the koerslijn from the nulmeting
    stroom = kinds.kind_for(indicator("stroom"))
    assert stroom.koers(p, t1).waarde == D(1020) / 3
    assert (
        stroom.koers_tekst(t1, stroom.koers(p, t1))
        == "Streefwaarde tot en met de peildatum: 1/3 van de streefwaarde 2016 uit de DVO: 1.020, dus 340."
    )
    cumulatief = kinds.kind_for(indicator("cumulatief"))
    assert cumulatief.koers(p, Rapportperiode.van(2017, 2, "tertaal")).waarde == D(1020) + D(-120) * 2 / 3


@pytest.fixture
def extra_kind():
    """A kind defined in the test: registered by subclassing, removed afterwards."""
    before = list(kinds.Kind._registry)

    class Jaarlijks(kinds.Stand):
        naam = "jaarlijks"
        uitleg = "eenmaal per jaar gemeten"
        leeswijzer = "(bijvoorbeeld een jaarlijkse meting): de waarde van het jaar"

    yield Jaarlijks
    kinds.Kind._registry[:] = before


def test_a_new_kind_is_one_class(extra_kind):
    assert extra_kind in kinds.kinds()
    assert ("jaarlijks", extra_kind.leeswijzer) in kinds.leeswijzer()
    # The catalogue's model does not know the new meetwijze yet: built without validation here.
    unvalidated = Indicator.model_construct(**{**indicator().model_dump(), "meetwijze": "jaarlijks"})
    picked = kinds.kind_for(unvalidated)
    assert isinstance(picked, extra_kind) and picked.macro == "indicator"


def test_units_write_values_and_changes_the_dutch_way():
    assert kinds.eenheid("percentage").tekst(D("72.46")) == "72,5%"
    assert kinds.eenheid("percentage").verschil(D("-0.44")) == "−0,4 %-punt"
    assert kinds.eenheid("dagen").verschil(D(59)) == "+59 dagen"
    assert kinds.eenheid("rapportcijfer").verschil(D("0.04")) == "±0,0 punt"
    assert kinds.eenheid("rapportcijfer").verschil(D("-1.26")) == "−1,3 punt"
    assert kinds.eenheid("aantal").tekst(D("1186.666")) == "1.186,7"
    assert kinds.eenheid("euro").tekst(D(12000)) == "€ 12.000"


def test_a_prestatie_is_written_one_way_per_kind():
    """The one formatter every page, document and chart uses: a score judged in points shows its
    difference in points, written like any difference of a score; anything else its percentage."""
    from generator.compute.kpi import Oordeel

    assert kinds.prestatie_tekst(Oordeel("op koers", D("112.7"), D("0.9"))) == "+0,9 punt"
    assert kinds.prestatie_tekst(Oordeel("afwijking", D("81.7"), D("-1.3"))) == "−1,3 punt"
    assert kinds.prestatie_tekst(Oordeel("aandachtspunt", D("88.23"))) == "88,2%"
    assert kinds.prestatie_tekst(Oordeel("op koers", D("Infinity"))) == "n.v.t."
    assert kinds.prestatie_tekst(Oordeel(None, None)) == "–"
    assert kinds.prestatie_tekst(Oordeel("op koers", D("110"), D("0.9"))) == kinds.eenheid("rapportcijfer").verschil(
        D("0.9")
    )
