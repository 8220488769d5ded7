"""The regional catalogues: the instrumentarium and the KPI catalogue (indicatoren)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.types import Id, StrictModel, Text

Functie = Literal["bedrijfsdienstverlening", "kandidaatsbenadering", "verbindingsfunctie"]

CATEGORIEEN = {
    1: "Trajecten direct naar werk",
    2: "Ontwikkeling naar maximale arbeidspotentie",
    3: "Structurele ondersteuning bij verminderde loonwaarde",
    4: "Zorgtrajecten zonder directe focus op werk",
}


class Instrument(StrictModel):
    id: Id
    naam: Text
    categorie: Literal[1, 2, 3, 4]
    functie: Functie
    doelgroep: Text
    omschrijving: Text
    wettelijke_grondslag: Text
    verordening_artikel: Id

    @property
    def categorie_naam(self) -> str:
        return CATEGORIEEN[self.categorie]


class Instrumentarium(StrictModel):
    instrumenten: list[Instrument] = Field(min_length=1)


class Indicator(StrictModel):
    id: Id
    naam: Text
    soort: Literal["outcome", "output"]
    functie: Literal["werkbedrijf", "bedrijfsdienstverlening", "kandidaatsbenadering", "verbindingsfunctie"]
    eenheid: Literal["aantal", "percentage", "euro", "dagen", "rapportcijfer"]
    richting: Literal["hoger is beter", "lager is beter"]
    # How gemeenten add up to the region: counts are summed, ratios are
    # weighted by their denominator (`noemer`) — never a plain mean of percentages.
    regionaal: Literal["som", "gewogen gemiddelde"]
    noemer: Text | None = None
    # How a value relates to time: `stroom` counts over the period (cumulative within the
    # year), `stand` is a value at the peildatum, `cumulatief` counts from the DVO's start.
    meetwijze: Literal["stroom", "stand", "cumulatief"]
    definitie: Text
    bron: Text


class Indicatoren(StrictModel):
    indicatoren: list[Indicator] = Field(min_length=1)
