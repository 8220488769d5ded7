"""The region file (`regio.yaml`): the Werkbedrijf, its gemeenten and shared money."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.models.catalog import Term
from generator.models.types import (
    CbsCode,
    Controlegetal,
    Count,
    Id,
    Money,
    Number,
    Percentage,
    SeriesId,
    Slug,
    StrictModel,
    TermId,
    Text,
    Year,
    YearMoney,
    require_order,
)


def _period_key(value: object) -> object:
    # `2016:` is an int key in YAML; periods are compared as text ("2016", "2016-T1").
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


PeriodKey = Annotated[str, BeforeValidator(_period_key)]


class GemeenteRef(StrictModel):
    slug: Slug
    naam: Text
    cbs_code: CbsCode


class Looptijd(StrictModel):
    """An ordered range of whole years, `van` up to and including `tot_en_met`: the years the
    region's DVO's run (regio.yaml: periode) and the years a verplichting runs (its looptijd).
    One type with one pair of keys since format 4 (the period had eerste_jaar/laatste_jaar)."""

    van: Year
    tot_en_met: Year

    @model_validator(mode="after")
    def _ordered(self):
        require_order(self.van, self.tot_en_met, "van", "tot_en_met")
        return self

    @property
    def jaren(self) -> list[int]:
        return list(range(self.van, self.tot_en_met + 1))


class Herindeling(StrictModel):
    """A herindeling of gemeenten (Wet arhi): on `datum` (1 January) the gemeenten in `opgeheven`
    cease to exist and `nieuwe_gemeente` takes their place as rechtsopvolger. Their DVO's pass to it
    and continue until it signs its own; from that date it reports, and its money and targets are
    those of its predecessors together (compute/herindeling.py)."""

    datum: dt.date
    nieuwe_gemeente: GemeenteRef
    opgeheven: list[Slug] = Field(min_length=1)

    @property
    def jaar(self) -> int:
        """The first year of the new gemeente (the datum is 1 January)."""
        return self.datum.year


class IndirecteKosten(StrictModel):
    """Indirect costs are a percentage of the direct costs, with a maximum."""

    percentage: Percentage
    maximum: Money
    toelichting: Text | None = None


# Direct costs of the basisdienstverlening in one year: a cost line per functie of the region,
# keyed by the functie's id (`regio.functies`; load/rules.rule_basisdienstverlening checks the ids).
# The YAML is what it was when the keys were three fixed words; data in which those words are
# functies (the example, every region of `dvo init`) reads as before.
BasisJaar = Annotated[dict[TermId, Money], Field(min_length=1)]


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


class Rapportcijferdrempels(StrictModel):
    """Scores on a 1-10 scale are judged by their shortfall in points, not by a percentage."""

    aandachtspunt_vanaf: Number
    afwijking_vanaf: Number

    @model_validator(mode="after")
    def _ordered(self):
        if not (0 <= self.aandachtspunt_vanaf <= self.afwijking_vanaf <= 9):
            raise PydanticCustomError(
                "dvo_thresholds",
                "verwacht 0 ≤ aandachtspunt_vanaf ≤ afwijking_vanaf ≤ 9 (punten onder de streefwaarde), gevonden "
                "{low} en {high}",
                {"low": self.aandachtspunt_vanaf, "high": self.afwijking_vanaf},
            )
        return self


class Drempels(StrictModel):
    """Status thresholds as a percentage of the target (direction-aware), with the rules
    for small counts and for 1-10 scores. The rule itself lives in compute/kpi.py."""

    op_koers_vanaf: Percentage
    afwijking_onder: Percentage
    # Counts: a difference with the target smaller than this is never an afwijking.
    minimaal_verschil_aantallen: Count | None = None
    rapportcijfers: Rapportcijferdrempels | None = None

    @model_validator(mode="after")
    def _ordered(self):
        if self.afwijking_onder > self.op_koers_vanaf:
            raise PydanticCustomError(
                "dvo_thresholds",
                "verwacht afwijking_onder ({low}) niet hoger dan op_koers_vanaf ({high})",
                {"low": self.afwijking_onder, "high": self.op_koers_vanaf},
            )
        return self


class Escalatie(StrictModel):
    """The body that afwijkingen without an accepted explanation go to (seed 001 §10.6)."""

    naam: Text  # as it reads in a sentence, without its article
    lidwoord: Literal["de", "het"] = "de"
    samenstelling: Text | None = None  # who sits in it, for the leeswijzer

    @property
    def aan(self) -> str:
        """Article and name: how a report addresses the body in running text."""
        return f"{self.lidwoord} {self.naam}"


class Vaststelling(StrictModel):
    door: Text
    datum: dt.date
    kenmerk: Text | None = None


class Herziening(StrictModel):
    """A change of the figures of a period whose report was vastgesteld: why, when and by whom.
    The vastgestelde report stays as it was published; the next report shows the herziening."""

    datum: dt.date
    door: Text
    reden: Text


class Rapportstatus(StrictModel):
    """Status, publication and authored text of one report (one period).

    `dvo vastleggen rapport` records a vastgesteld report: `revisie`, the git commit it is made
    from from then on, and the `controlegetal` of its content (bookkeeping, not content)."""

    status: Literal["concept", "vastgesteld"] = "concept"
    vastgesteld: Vaststelling | None = None
    publicatiedatum: dt.date | None = None
    context: Text | None = None  # arbeidsmarkt, bijzonderheden
    conclusies: Text | None = None  # conclusies en aanbevelingen
    revisie: Text | None = None
    controlegetal: Controlegetal | None = None
    herzieningen: list[Herziening] = []

    @property
    def vastgelegd(self) -> bool:
        """A record: made from its recorded revision, its content fixed."""
        return self.status == "vastgesteld" and self.revisie is not None

    @model_validator(mode="after")
    def _decided(self):
        if (self.revisie is None) != (self.controlegetal is None):
            raise PydanticCustomError(
                "dvo_vastgesteld",
                "revisie en controlegetal horen samen: 'dvo vastleggen rapport' schrijft ze allebei; gevonden "
                "alleen {found}",
                {"found": "revisie" if self.revisie else "controlegetal"},
            )
        if self.status == "concept" and (self.revisie or self.controlegetal or self.herzieningen):
            raise PydanticCustomError(
                "dvo_vastgesteld",
                "revisie, controlegetal en herzieningen horen bij een vastgestelde rapportage; gevonden status "
                "'concept'",
                {},
            )
        if self.status == "vastgesteld" and self.vastgesteld is None:
            raise PydanticCustomError(
                "dvo_vastgesteld",
                "status 'vastgesteld' vraagt door wie en wanneer: vul 'vastgesteld' in met 'door' en 'datum'",
                {},
            )
        if self.status == "concept" and self.vastgesteld is not None:
            raise PydanticCustomError(
                "dvo_vastgesteld",
                "verwacht status 'vastgesteld' wanneer 'vastgesteld' (door, datum) is ingevuld, gevonden status "
                "'concept'",
                {},
            )
        return self


class Aanvaarding(StrictModel):
    """Who accepted an explanation, and when: only then is an afwijking 'verklaard'."""

    door: Text
    datum: dt.date
    kenmerk: Text | None = None


Oorzaak = Literal["budgetkrimp", "beleidskeuze in de DVO", "demografische of economische ontwikkeling"]


class Afwijkingstoelichting(StrictModel):
    oorzaak: Oorzaak | None = None
    tekst: Text
    aanvaard: Aanvaarding | None = None
    vraag: Text | None = None  # the question for the escalation body, when it should differ from the standard one


class Opvolging(StrictModel):
    """What was done with an afwijking that went to the escalation body."""

    besluit: Text
    tekst: Text | None = None
    datum: dt.date | None = None


Drager = Literal["gemeente", "organisatie"]


class Afrekenregels(StrictModel):
    """The yearly afrekening as the DVO's articles on onder- en overbesteding say it. Region data,
    because regions agree on it differently; the defaults are the standard text's of `dvo init`:
    the unspent part of an afspraak goes back to the gemeente, an overrun of an afspraak is the
    organisation's unless the gemeente agreed to a higher budget first (a new DVO version), and the
    verplichtingen are settled at what they actually cost. The share of the basispakket is never
    settled per gemeente (its result is the regeling's, shared by all)."""

    onderbesteding_maatwerk: Drager = "gemeente"  # who keeps what an afspraak did not spend
    overschrijding_maatwerk: Drager = "organisatie"  # who bears spending above an afspraak's budget
    verplichtingen: Literal["werkelijke kosten", "vast bedrag"] = "werkelijke kosten"


class Orgaan(StrictModel):
    """A gemeente's body as a report names it, with its article ("het college van burgemeester en
    wethouders"); the report adds "van <gemeente>"."""

    naam: Text
    lidwoord: Literal["de", "het"] = "de"

    @property
    def aan(self) -> str:
        return f"{self.lidwoord} {self.naam}"


Beslisser = Literal["escalatie", "college", "raad"]
Deel = Literal["jaar", "T1", "T2", "T3", "Q1", "Q2", "Q3", "Q4"]  # a period within its year


class VraagAanRaad(StrictModel):
    """What the raad is asked after a report: its role at that moment of the planning-en-controlcyclus."""

    moment: Text  # "de voorjaarsnota", as it reads after "aan zet bij"
    tekst: Text


class Besluitvorming(StrictModel):
    """Who decides what a report puts to a decision, and what the raad is asked. Optional: the
    defaults are the Gemeentewet's bodies and the division of seed 001 §10.6 and §11.5.3 (an
    afwijking goes to the escalation body, a DVO to the college, money the gemeente must add to
    the raad, which holds the budget)."""

    college: Orgaan = Orgaan(naam="college van burgemeester en wethouders", lidwoord="het")
    raad: Orgaan = Orgaan(naam="gemeenteraad", lidwoord="de")
    afwijking: Beslisser = "escalatie"  # an afwijking without accepted explanation
    zonder_opvolging: Beslisser = "escalatie"  # an earlier besluitpunt that still has no opvolging
    dvo: Beslisser = "college"  # a version of the DVO ter besluitvorming
    bijbetaling: Beslisser = "raad"  # what the gemeente must add at the afrekening
    pagina: Text = "bestuur.md"  # the site's page on who decides what (linked when the site has it)
    vraag_aan_raad: dict[Deel, VraagAanRaad] = {}  # per period of the year ('jaar', 'T1', 'Q2', ...)


class Rapportage(StrictModel):
    periode_schema: Literal["jaar", "tertaal", "kwartaal"]
    escalatie: Escalatie
    besluitvorming: Besluitvorming = Besluitvorming()
    drempels: Drempels
    # At year end, spending below (100 - this) % of a budget line is flagged as onderbesteding.
    onderbesteding_vanaf: Percentage
    rapporten: dict[PeriodKey, Rapportstatus] = {}  # the regional report per period
    toelichtingen: dict[
        SeriesId, dict[PeriodKey, Afwijkingstoelichting]
    ] = {}  # regional afwijkingen per indicator (or kengetal)
    opvolging: dict[SeriesId, dict[PeriodKey, Opvolging]] = {}


class Groep(StrictModel):
    """A group of candidates with the price of serving one person for a year (seed 001 §7.5:
    werkfit, tijdelijke, structurele or zware structurele ondersteuning nodig). Maatwerk states
    how many people of which groep it serves; the DVO prints the meerjarenraming from it."""

    id: Id
    naam: Text  # "Tijdelijke ondersteuning nodig"
    wie: Text  # after "mensen" in a sentence: "met tijdelijke ondersteuning"
    omschrijving: Text | None = None
    prijs: YearMoney  # per person per year
    bron: Text | None = None
    illustratief: bool = False  # the price is not from a source: the DVO says so


class Toegankelijkheid(StrictModel):
    """What the site's toegankelijkheidsverklaring takes from the data, not from the template."""

    datum: dt.date  # the day the region drew up the statement, or last checked it


# How documents name the organisation after its full name when the region gives no short name.
KORTE_NAAM_STANDAARD = "de organisatie"


class Regio(StrictModel):
    # The data format the files are written in (load/formaat); older data is converted by `dvo bijwerken`.
    formaat: Count
    naam: Text
    organisatie: Text
    # The organisation's short name as it reads in a sentence, with its article ("het Werkbedrijf",
    # "het Werkplein"): the DVO's defined term ("hierna: ...") and every report sentence use it.
    korte_naam: Text | None = None
    rechtsvorm: Text
    vestigingsplaats: Text
    gastheergemeente: Slug
    periode: Looptijd
    gemeenten: list[GemeenteRef] = Field(min_length=1)
    functies: list[Term] = []  # the region's own; instruments and indicators refer to them
    basisdienstverlening: Basisdienstverlening
    verdeelsleutels: list[Verdeelsleutel] = []
    kostenposten: list[Kostenpost] = []
    rapportage: Rapportage
    afrekening: Afrekenregels = Afrekenregels()
    herindelingen: list[Herindeling] = []  # gemeenten that merge during the DVO period
    # Optional: without it the statement is dated with the newest date in the data.
    toegankelijkheid: Toegankelijkheid | None = None
    groepen: list[Groep] = []

    def groep(self, groep_id: str) -> Groep | None:
        return next((g for g in self.groepen if g.id == groep_id), None)

    @property
    def kort(self) -> str:
        """The short name in running text: `het Werkbedrijf` (or the neutral default)."""
        return self.korte_naam or KORTE_NAAM_STANDAARD

    @property
    def kort_begin(self) -> str:
        """The short name at the start of a sentence: `Het Werkbedrijf`."""
        return self.kort[:1].upper() + self.kort[1:]

    @property
    def basisfuncties(self) -> list[Term]:
        """The functies with a cost line in the basisdienstverlening, in the order of `functies`."""
        used = {f for regels in self.basisdienstverlening.jaren.values() for f in regels}
        return [t for t in self.functies if t.id in used]

    def verdeelsleutel(self, key_id: str) -> Verdeelsleutel:
        return next(v for v in self.verdeelsleutels if v.id == key_id)

    def kostenpost(self, item_id: str) -> Kostenpost | None:
        return next((k for k in self.kostenposten if k.id == item_id), None)

    def opgeheven_in(self, slug: str) -> Herindeling | None:
        """The herindeling that ends gemeente `slug`, if any."""
        return next((h for h in self.herindelingen if slug in h.opgeheven), None)

    def ontstaan_in(self, slug: str) -> Herindeling | None:
        """The herindeling that made gemeente `slug`, if any."""
        return next((h for h in self.herindelingen if h.nieuwe_gemeente.slug == slug), None)
