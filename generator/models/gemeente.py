"""One gemeente's file (`gemeenten/<slug>.yaml`): its money, maatwerk, KPI's and DVO status."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.models.region import Afwijkingstoelichting, Looptijd, Opvolging, PeriodKey, Rapportstatus
from generator.models.types import (
    ADDED_LATER,
    CbsCode,
    Controlegetal,
    Count,
    Id,
    Money,
    Number,
    Slug,
    StrictModel,
    TermId,
    Text,
    Year,
    YearMoney,
)

# Period keys, toelichtingen and report status are shared with the region's own reports.
__all__ = ["Afwijkingstoelichting", "Looptijd", "Opvolging", "PeriodKey", "Rapportstatus"]


# The kinds of verplichting: the id a file writes, and how a document names it.
VERPLICHTING_SOORTEN = {
    "contract": "contract",
    "wiw-id-banen": "WIW- en ID-banen",
    "subsidie": "subsidie",
    "personeel": "personeel",
    "overig": "overig",
}


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
    # How many people of which of the region's groepen (regio.yaml) it serves per year: the
    # DVO then prints the meerjarenraming at the groepen's prices (seed 001 §7.5).
    groepen: dict[Id, dict[Year, Count]] = {}
    instrumenten: list[Id] = []
    indicatoren: list[Id] = []


def _total_of_categories(model, what: str):
    """`waarde` may be left out when the categories are given: it is their sum then. Set on the
    frozen model once, during validation; that the categories add up to a given waarde is
    a cross-file rule (load/dimensie_rules.py), which knows the indicator and the lines."""
    if model.waarde is None:
        if not model.categorieen:
            raise PydanticCustomError(
                "dvo_waarde",
                "verwacht een waarde ({what}) of de aantallen per categorie, gevonden geen van beide",
                {"what": what},
            )
        object.__setattr__(model, "waarde", Decimal(sum(model.categorieen.values())))
    return model


class Nulmeting(StrictModel):
    waarde: Number | None = None  # the total; may be left out when the categories are given
    jaar: Year
    bron: Text | None = None
    # The denominator of a weighted indicator's nulmeting: needed to combine it with other
    # gemeenten' nulmetingen after a herindeling (load/rules.rule_herindelingen).
    noemer: Number | None = None
    # Per category of the indicator's dimensie (whole counts).
    categorieen: Annotated[dict[TermId, Count], ADDED_LATER] = {}

    @model_validator(mode="after")
    def _total(self):
        return _total_of_categories(self, "de nulmeting")


class Realisatie(StrictModel):
    """A realised value; `noemer` is the denominator for weighted regional figures.

    A ratio may be written as `teller` and `noemer` instead of `waarde` (4 of 6 werkplekken
    filled): the value follows from them when the data is loaded (load/teller_noemer.py), a
    percentage as teller / noemer x 100. After loading, `waarde` is always set, except for a
    split indicator whose categories are given without their total.

    An indicator with a dimensie also has the count per category, and on a ladder the
    overgangen of the year so far: from the category at the start of the year (rows, `van`)
    to the category at the peildatum (`naar`)."""

    waarde: Number | None = None  # the total; may be left out when the categories are given
    teller: Number | None = None
    noemer: Number | None = None
    categorieen: dict[TermId, Count] = {}
    overgangen: dict[TermId, dict[TermId, Count]] = {}

    @model_validator(mode="after")
    def _total(self):
        # A value from teller and noemer comes later (load/teller_noemer.py); none at all: _one_value says so.
        if self.teller is None and self.categorieen:
            return _total_of_categories(self, "de realisatie")
        return self

    @model_validator(mode="after")
    def _one_value(self):
        if self.waarde is not None and self.teller is not None:
            raise PydanticCustomError(
                "dvo_teller_en_waarde",
                "verwacht waarde óf teller met noemer, gevonden allebei (waarde {waarde}, teller {teller}); de "
                "waarde volgt uit teller en noemer",
                {"waarde": self.waarde, "teller": self.teller},
            )
        if self.waarde is None and self.teller is None:
            raise PydanticCustomError(
                "dvo_geen_waarde",
                "verwacht een waarde, een teller met een noemer, of de aantallen per categorie; gevonden geen daarvan",
                {},
            )
        if self.teller is not None and self.noemer is None:
            raise PydanticCustomError(
                "dvo_geen_noemer",
                "een teller ({teller}) heeft een noemer nodig: schrijf ook 'noemer', waarover de teller gaat "
                "(bijvoorbeeld het aantal beschikbare werkplekken)",
                {"teller": self.teller},
            )
        if self.teller is not None and self.noemer == 0:
            raise PydanticCustomError(
                "dvo_noemer_nul", "een noemer van 0 kan niet: teller {teller} van 0", {"teller": self.teller}
            )
        return self


def _realisatie(value: object) -> object:
    # Shorthand: `2016: 42` means `2016: {waarde: 42}`.
    return value if isinstance(value, dict) else {"waarde": value}


class KengetalDoel(StrictModel):
    """The DVO's targets on one headline measure (kengetal) of a dimensional indicator, with
    the toelichtingen and opvolging of its afwijkingen. Its realisaties follow from the
    indicator's categories and overgangen."""

    nulmeting: Nulmeting | None = None  # default: computed from the indicator's nulmeting per category
    streefwaarden: dict[Year, Number]
    toelichtingen: dict[PeriodKey, Afwijkingstoelichting] = {}
    opvolging: dict[PeriodKey, Opvolging] = {}


class PrestatieIndicator(StrictModel):
    indicator: Id
    nulmeting: Nulmeting | None = None
    # Required, for every year, unless the indicator has a dimensie: then the DVO may set
    # targets on its kengetallen only (load/rules.rule_years).
    streefwaarden: dict[Year, Number] = {}
    # Why a streefwaarde is worse than the nulmeting, when one is (part of the DVO's bijlage 2).
    toelichting_streefwaarden: Text | None = None
    realisaties: dict[
        PeriodKey, Annotated[Realisatie, BeforeValidator(_realisatie, json_schema_input_type=Number | Realisatie)]
    ] = {}
    toelichtingen: dict[PeriodKey, Afwijkingstoelichting] = {}
    opvolging: dict[PeriodKey, Opvolging] = {}  # keyed by the period whose afwijking was escalated
    # A dimensional indicator: streefwaarden per category (shown, never judged) and targets on
    # its headline measures (judged like any indicator).
    streefwaarden_per_categorie: dict[Year, dict[TermId, Count]] = {}
    kengetallen: dict[Id, KengetalDoel] = {}


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


class OpvolgerKengetal(StrictModel):
    """What a gemeente made by a herindeling says about the afwijkingen of a kengetal of a split
    indicator; its targets are its predecessors' (compute/herindeling.py)."""

    toelichtingen: dict[PeriodKey, Afwijkingstoelichting] = {}
    opvolging: dict[PeriodKey, Opvolging] = {}


class OpvolgerIndicator(StrictModel):
    """What a gemeente made by a herindeling reports on one indicator from its first day on.
    Its nulmeting and streefwaarden are those of its predecessors' DVO's, combined."""

    indicator: Id
    realisaties: dict[
        PeriodKey, Annotated[Realisatie, BeforeValidator(_realisatie, json_schema_input_type=Number | Realisatie)]
    ] = {}
    toelichtingen: dict[PeriodKey, Afwijkingstoelichting] = {}
    opvolging: dict[PeriodKey, Opvolging] = {}
    kengetallen: dict[Id, OpvolgerKengetal] = {}  # of a split indicator: toelichtingen and opvolging per kengetal


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

    # Deliberately wider than Gemeente.dvo (a file's gemeente must have a DVO); code that may
    # meet a merged gemeente checks `dvo is None`. A shared base without `dvo` would be the typed fix.
    dvo: DvoMeta | None = None  # type: ignore[assignment]
    datum: dt.date  # the herindeling's date: its first day
    voorgangers: list[Gemeente]  # in the order of content/regio.yaml
