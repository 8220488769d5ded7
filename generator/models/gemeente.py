"""One gemeente's file (`gemeenten/<slug>.yaml`): its money, maatwerk, KPI's and DVO status."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from generator.models.region import Afwijkingstoelichting, Looptijd, Opvolging, PeriodKey, Rapportstatus
from generator.models.types import CbsCode, Controlegetal, Count, Id, Money, Number, Slug, StrictModel, Text, Year, YearMoney


# Period keys, toelichtingen and report status are shared with the region's own reports.
__all__ = ["Afwijkingstoelichting", "Looptijd", "Opvolging", "PeriodKey", "Rapportstatus"]


class Kerngegevens(StrictModel):
    peildatum: dt.date
    bron: Text
    inwoners: Count
    bijstandsgerechtigden: Count


class FinancienJaar(StrictModel):
    participatiebudget: Money
    ideel_loonkostensubsidie: Money
    basisdienstverlening: Money


class Verplichting(StrictModel):
    """A multi-year fixed expense inherited from the gemeente."""

    omschrijving: Text
    soort: Literal["contract", "wiw-id-banen", "subsidie", "personeel", "overig"]
    looptijd: Looptijd
    bedrag: YearMoney
    toelichting: Text | None = None


class Maatwerkafspraak(StrictModel):
    """Local maatwerk: which people get which service, paid from the maatwerkbudget."""

    id: Id
    titel: Text
    doelgroep: Text
    omschrijving: Text
    budget: YearMoney
    # Spent until the end of a period of the region's scheme (cumulative within the year).
    besteed: dict[PeriodKey, Money] = {}
    # How many people the afspraak serves per year: the DVO then shows the price per deelnemer.
    deelnemers: dict[Year, Count] = {}
    instrumenten: list[Id] = []
    indicatoren: list[Id] = []


class Nulmeting(StrictModel):
    waarde: Number
    jaar: Year
    bron: Text | None = None
    # The denominator of a weighted indicator's nulmeting: needed to combine it with other
    # gemeenten' nulmetingen after a herindeling (load/rules.rule_herindelingen).
    noemer: Number | None = None


class Realisatie(StrictModel):
    """A realised value; `noemer` is the denominator for weighted regional figures."""

    waarde: Number
    noemer: Number | None = None


def _realisatie(value: object) -> object:
    # Shorthand: `2016: 42` means `2016: {waarde: 42}`.
    return value if isinstance(value, dict) else {"waarde": value}


class PrestatieIndicator(StrictModel):
    indicator: Id
    nulmeting: Nulmeting | None = None
    streefwaarden: dict[Year, Number]
    realisaties: dict[PeriodKey, Annotated[Realisatie, BeforeValidator(_realisatie, json_schema_input_type=Number | Realisatie)]] = {}
    toelichtingen: dict[PeriodKey, Afwijkingstoelichting] = {}
    opvolging: dict[PeriodKey, Opvolging] = {}  # keyed by the period whose afwijking was escalated


class Besteding(StrictModel):
    """Spent until the end of a period on the fixed budget lines (maatwerk is per afspraak)."""

    basisdienstverlening: Money | None = None
    verplichtingen: Money | None = None


class ExtraMiddelen(StrictModel):
    """Money a gemeente adds beyond its participatiebudget (seed 001 §10.1)."""

    categorie: Literal[1, 2, 3]
    omschrijving: Text
    jaar: Year
    bedrag: Money


class Bevoegdheid(StrictModel):
    """What authorises a signatory (`grondslag` in YAML): the besluit to enter this agreement, or a mandaat.

    Orgaan and datum may be unknown while the DVO is a concept; the rules demand
    them once it is vastgesteld (load/dvo_rules.py)."""

    soort: Literal["besluit", "mandaat"]
    orgaan: Text | None = None
    datum: dt.date | None = None
    kenmerk: Text | None = None


class Ondertekening(StrictModel):
    """Where and when one signatory signed."""

    plaats: Text
    datum: dt.date


class Ondertekenaar(StrictModel):
    naam: Text
    functie: Text
    # 'organisatie': for the region's organisation, whatever it is called; 'werkbedrijf' is the
    # same party in data written before (kept as written, so recorded controlegetallen stay valid).
    namens: Literal["gemeente", "organisatie", "werkbedrijf"]
    grondslag: Bevoegdheid | None = None
    ondertekend: Ondertekening | None = None

    @property
    def voor_organisatie(self) -> bool:
        return self.namens != "gemeente"


class Wijziging(StrictModel):
    """One version of the DVO. `revisie` (a git revision) and `controlegetal` (written
    by `dvo vastleggen`) are bookkeeping: they are not part of the agreement's content."""

    versie: Text
    datum: dt.date
    omschrijving: Text
    revisie: Text | None = None
    controlegetal: Controlegetal | None = None


class BijzondereBepaling(StrictModel):
    """An article that holds for this gemeente only (e.g. a special position in the region)."""

    id: Id
    titel: Text
    leden: list[Text] = Field(min_length=1)


DvoStatus = Literal["concept", "ter besluitvorming", "vastgesteld", "ondertekend"]


class DvoMeta(StrictModel):
    status: DvoStatus
    versie: Text
    datum: dt.date
    ondertekenaars: list[Ondertekenaar] = Field(min_length=1)
    afspraken_gemeente: list[Text] = []
    bijzondere_bepalingen: list[BijzondereBepaling] = []
    wijzigingen: list[Wijziging] = []

    @property
    def definitief(self) -> bool:
        return self.status in ("vastgesteld", "ondertekend")


class Gemeente(StrictModel):
    slug: Slug
    naam: Text
    cbs_code: CbsCode
    kerngegevens: Kerngegevens
    financien: dict[Year, FinancienJaar]
    verplichtingen: list[Verplichting] = []
    maatwerk: list[Maatwerkafspraak] = []
    prestatie_indicatoren: list[PrestatieIndicator] = []
    extra_middelen: list[ExtraMiddelen] = []
    besteed: dict[PeriodKey, Besteding] = {}
    rapporten: dict[PeriodKey, Rapportstatus] = {}  # this gemeente's report per period
    dvo: DvoMeta

    def verplichtingen_in(self, jaar: int) -> Decimal:
        return sum((v.bedrag.get(jaar, Decimal(0)) for v in self.verplichtingen), Decimal(0))

    def maatwerk_in(self, jaar: int) -> Decimal:
        return sum((m.budget.get(jaar, Decimal(0)) for m in self.maatwerk), Decimal(0))


class OpvolgerIndicator(StrictModel):
    """What a gemeente made by a herindeling reports on one indicator from its first day on.
    Its nulmeting and streefwaarden are those of its predecessors' DVO's, combined."""

    indicator: Id
    realisaties: dict[PeriodKey, Annotated[Realisatie, BeforeValidator(_realisatie, json_schema_input_type=Number | Realisatie)]] = {}
    toelichtingen: dict[PeriodKey, Afwijkingstoelichting] = {}
    opvolging: dict[PeriodKey, Opvolging] = {}


class Opvolger(StrictModel):
    """The file of a gemeente made by a herindeling (gemeenten/<slug>.yaml, slug as in
    content/regio.yaml: herindelingen). It holds what the new gemeente itself reports from the
    herindeling on; its budget, maatwerk and targets are those of its predecessors' DVO's,
    which continue until it signs its own."""

    slug: Slug
    naam: Text
    cbs_code: CbsCode
    kerngegevens: Kerngegevens | None = None
    prestatie_indicatoren: list[OpvolgerIndicator] = []
    besteed: dict[PeriodKey, Besteding] = {}
    rapporten: dict[PeriodKey, Rapportstatus] = {}


class SamengevoegdeGemeente(Gemeente):
    """A gemeente made by a herindeling, as the reports, the budget and the site see it: its
    predecessors' figures combined (compute/herindeling.py), its own from its first day. Never
    read from a file; it has no DVO of its own (`dvo` is None): its predecessors' DVO's apply."""

    dvo: DvoMeta | None = None
    datum: dt.date  # the herindeling's date: its first day
    voorgangers: list[Gemeente]  # in the order of content/regio.yaml
