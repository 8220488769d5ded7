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
    WithJsonSchema(
        {
            "anyOf": [
                ID_SCHEMA,
                {"type": "integer"},
                {"type": "array", "items": {"anyOf": [ID_SCHEMA, {"type": "integer"}]}},
            ]
        }
    ),
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


Richting = Literal["hoger is beter", "lager is beter"]


class Dimensie(StrictModel):
    """A way to split a count into categories: the treden of the participatieladder, the
    soorten werkplek, the doelgroepen. Categories exclude each other and together cover
    everyone counted (a region adds 'overig' where needed), so they add up to the total.
    A `ladder` is ordered from its lowest to its highest category: people can move up or
    down it, and realisaties can carry their overgangen (from which category to which)."""

    id: Id
    naam: Text  # as a heading: "Trede op de participatieladder"
    enkelvoud: Text = "categorie"  # the word for one category in a sentence: "trede", "soort", "doelgroep"
    ladder: bool = False
    categorieen: list[Term] = Field(min_length=2)
    omschrijving: Text | None = None
    bron: Text | None = None

    def categorie(self, categorie_id: str) -> Term | None:
        return next((c for c in self.categorieen if c.id == categorie_id), None)

    @property
    def ids(self) -> list[str]:
        return [c.id for c in self.categorieen]


# How a headline measure follows from an indicator's categories (models/dimensies.py):
# som and aandeel of the named categories, and on a ladder the people who rose, fell or stayed.
Berekening = Literal["som", "aandeel", "gestegen", "gedaald", "gelijk gebleven", "aandeel gestegen"]


class Kengetal(StrictModel):
    """A headline measure of a dimensional indicator ("aandeel op trede 4 of hoger",
    "aantal gestegen"): the DVO can set streefwaarden on it, and it is judged like any
    indicator. The categories themselves are never judged."""

    id: Id
    naam: Text
    berekening: Berekening
    categorieen: list[TermId] = []  # for som and aandeel: which categories count
    richting: Richting
    definitie: Text | None = None  # default: generated from the berekening


class Indicator(StrictModel):
    id: Id
    naam: Text
    soort: Literal["outcome", "output"]
    functie: TermId | None = None  # one of the region's functies (content/regio.yaml)
    eenheid: Literal["aantal", "percentage", "euro", "dagen", "rapportcijfer"]
    richting: Richting
    # How gemeenten add up to the region: counts are summed, ratios are
    # weighted by their denominator (`noemer`) — never a plain mean of percentages.
    regionaal: Literal["som", "gewogen gemiddelde"]
    noemer: Text | None = None
    # How a value relates to time: `stroom` counts over the period (cumulative within the
    # year), `stand` is a value at the peildatum, `cumulatief` counts from the DVO's start.
    meetwijze: Literal["stroom", "stand", "cumulatief"]
    definitie: Text
    bron: Text
    # Split by one of the region's dimensies: realisaties (and nulmeting, streefwaarden) per
    # category, with headline measures the DVO can set targets on.
    dimensie: Id | None = None
    kengetallen: list[Kengetal] = []

    def kengetal(self, kengetal_id: str) -> Kengetal | None:
        return next((k for k in self.kengetallen if k.id == kengetal_id), None)


class Indicatoren(StrictModel):
    dimensies: list[Dimensie] = []
    indicatoren: list[Indicator] = Field(min_length=1)

    def dimensie(self, dimensie_id: str | None) -> Dimensie | None:
        return next((d for d in self.dimensies if d.id == dimensie_id), None) if dimensie_id else None
