"""The regional catalogues: the instrumentarium and the KPI catalogue (indicatoren).

The words a region classifies its instruments by (categories, service groups,
routes) are the region's own data, defined at the top of its instrumentarium;
its functions are in the region file (`Regio.functies`). The models only say
that a reference is an id; the rules (load/rules.py) check it against the
region's lists, so no vocabulary of one region is built into the software.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from generator.models.types import ID_SCHEMA, Id, StrictModel, TermId, Text


class Term(StrictModel):
    """One word of the region's vocabulary: a category, function, service group or route."""

    id: TermId
    naam: Text
    omschrijving: Text | None = None


def numbered(terms: list[Term]) -> dict[str, tuple[int, Term]]:
    """id -> (number by position, term): lists are numbered 1, 2, 3 in the order written."""
    return {t.id: (n, t) for n, t in enumerate(terms, 1)}


class Grondslag(StrictModel):
    """One legal basis: a provision of a law (as text) or an article of the region's verordening (by id)."""

    # Editors learn the rule below from the schema too.
    model_config = ConfigDict(json_schema_extra={"oneOf": [{"required": ["wet"]}, {"required": ["artikel"]}]})

    wet: Text | None = None
    artikel: Id | None = None

    @model_validator(mode="after")
    def _exactly_one(self):
        if (self.wet is None) == (self.artikel is None):
            raise PydanticCustomError(
                "dvo_grondslag",
                "verwacht precies één van 'wet' (een wettelijke grondslag, bijv. 'Participatiewet, artikel 10') "
                "of 'artikel' (het id van een artikel in content/verordening.yaml)",
            )
        return self


def _one_or_more(value: object) -> object:
    # `dienstgroep: x` and `dienstgroep: [x, y]` both mean a list of groups.
    return value if isinstance(value, list) else [value]


TermIds = Annotated[
    list[TermId],
    BeforeValidator(_one_or_more),
    WithJsonSchema({"anyOf": [ID_SCHEMA, {"type": "integer"}, {"type": "array", "items": {"anyOf": [ID_SCHEMA, {"type": "integer"}]}}]}),
]


class Instrument(StrictModel):
    id: Id
    naam: Text
    categorie: TermId | None = None
    functie: TermId | None = None
    # One service offered in two groups of the catalogue is one instrument with two groups.
    dienstgroep: TermIds = []
    aanbieder: Text | None = None
    routes: list[TermId] = []
    status: Text | None = None
    duur: Text | None = None
    doelgroep: Text | None = None
    omschrijving: Text
    grondslag: list[Grondslag] = []

    @property
    def artikelen(self) -> list[str]:
        """Ids of the verordening articles this instrument rests on."""
        return [g.artikel for g in self.grondslag if g.artikel]


class Instrumentarium(StrictModel):
    categorieen: list[Term] = []
    dienstgroepen: list[Term] = []
    routes: list[Term] = []
    instrumenten: list[Instrument] = Field(min_length=1)

    def categorie_nummer(self, categorie_id: str) -> int:
        """Categories are numbered by their position in the region's list: 1, 2, 3."""
        return numbered(self.categorieen)[categorie_id][0]


class Indicator(StrictModel):
    id: Id
    naam: Text
    soort: Literal["outcome", "output"]
    functie: TermId | None = None  # one of the region's functies (content/regio.yaml)
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
