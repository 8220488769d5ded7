"""The region file (`regio.yaml`): the Werkbedrijf, its gemeenten and shared money."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.models.catalog import Term
from generator.models.types import CbsCode, Id, Money, Percentage, Slug, StrictModel, Text, Year, require_order


class GemeenteRef(StrictModel):
    slug: Slug
    naam: Text
    cbs_code: CbsCode


class Periode(StrictModel):
    eerste_jaar: Year
    laatste_jaar: Year

    @model_validator(mode="after")
    def _ordered(self):
        require_order(self.eerste_jaar, self.laatste_jaar, "eerste_jaar", "laatste_jaar")
        return self

    @property
    def jaren(self) -> list[int]:
        return list(range(self.eerste_jaar, self.laatste_jaar + 1))


class IndirecteKosten(StrictModel):
    """Indirect costs are a percentage of the direct costs, with a maximum."""

    percentage: Percentage
    maximum: Money
    toelichting: Text | None = None


class BasisJaar(StrictModel):
    """Direct costs of the basisdienstverlening for one year, by core function."""

    kandidaatsbenadering: Money
    bedrijfsdienstverlening: Money
    verbindingsfunctie: Money


class Basisdienstverlening(StrictModel):
    indirecte_kosten: IndirecteKosten
    jaren: dict[Year, BasisJaar]
    bron: Text | None = None


Kenmerk = Literal["inwoners", "bijstandsgerechtigden"]


class Criterium(StrictModel):
    kenmerk: Kenmerk
    gewicht: Percentage


class Verdeelsleutel(StrictModel):
    id: Id
    naam: Text
    criteria: list[Criterium] = Field(min_length=1)

    @model_validator(mode="after")
    def _weights_total_100(self):
        total = sum((c.gewicht for c in self.criteria), Decimal(0))
        if total != 100:
            raise PydanticCustomError(
                "dvo_weights",
                "verwacht gewichten die samen 100 (procent) zijn, gevonden samen {total}",
                {"total": total},
            )
        return self


class Kostenregel(StrictModel):
    omschrijving: Text
    bedrag: Money


class Kostenpost(StrictModel):
    """A named cost item (e.g. the transition budget), shared by a verdeelsleutel."""

    id: Id
    naam: Text
    verdeelsleutel: Id
    toelichting: Text | None = None
    bron: Text | None = None
    posten: list[Kostenregel] = Field(min_length=1)

    @property
    def totaal(self) -> Decimal:
        return sum((p.bedrag for p in self.posten), Decimal(0))


class Drempels(StrictModel):
    """Status thresholds as a percentage of the target (direction-aware)."""

    op_koers_vanaf: Percentage
    afwijking_onder: Percentage

    @model_validator(mode="after")
    def _ordered(self):
        if self.afwijking_onder > self.op_koers_vanaf:
            raise PydanticCustomError(
                "dvo_thresholds",
                "verwacht afwijking_onder ({low}) niet hoger dan op_koers_vanaf ({high})",
                {"low": self.afwijking_onder, "high": self.op_koers_vanaf},
            )
        return self


class Rapportage(StrictModel):
    periode_schema: Literal["jaar", "tertaal", "kwartaal"]
    drempels: Drempels


class Regio(StrictModel):
    naam: Text
    organisatie: Text
    rechtsvorm: Text
    vestigingsplaats: Text
    gastheergemeente: Slug
    periode: Periode
    gemeenten: list[GemeenteRef] = Field(min_length=1)
    functies: list[Term] = []  # the region's own; instruments and indicators refer to them
    basisdienstverlening: Basisdienstverlening
    verdeelsleutels: list[Verdeelsleutel] = []
    kostenposten: list[Kostenpost] = []
    rapportage: Rapportage

    def verdeelsleutel(self, key_id: str) -> Verdeelsleutel:
        return next(v for v in self.verdeelsleutels if v.id == key_id)

    def kostenpost(self, item_id: str) -> Kostenpost | None:
        return next((k for k in self.kostenposten if k.id == item_id), None)
