"""The view model of one gemeente's DVO: everything the document shows, computed here.

It holds only what the agreement says. Realisaties, toelichtingen and `besteed`
are left out on purpose: they are added after the DVO's date, and adding them must
not change a single byte of the DVO (see docs/ARCHITECTURE.md). The content
fingerprint (`dvo_inhoud.controlegetal`) is a hash of this view model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from markupsafe import Markup

from generator.compute import kpi
from generator.compute.bijdrage import Bijdrage, bijdragen
from generator.compute.distribution import Verdeling, verdeel
from generator.compute.herindeling import herindelingen
from generator.compute.maatwerk import Raming, Toewijzing, prijs_per_deelnemer, raming, toewijzing
from generator.load.project import Project
from generator.models import dimensies
from generator.models.budget import BasisRegio, BudgetRegel, basis_regio, budget_gemeente
from generator.models.catalog import Indicator
from generator.models.gemeente import (
    VERPLICHTING_SOORTEN,
    Gemeente,
    Nulmeting,
    Ondertekenaar,
    PrestatieIndicator,
    Verplichting,
)
from generator.models.region import IndirecteKosten, Regio
from generator.models.types import ADDED_LATER
from generator.render.documents.dvo import partijen
from generator.render.documents.dvo.clauses import Clause, Numbering
from generator.util.formatting import date_long, in_zin, opsomming

SAME_RULE_IN_REPORTS = "Dezelfde regel geldt in de verantwoordingsrapportages."

STATUS_LABEL = {
    "concept": "Concept",
    "ter besluitvorming": "Ter besluitvorming",
    "vastgesteld": "Vastgesteld",
    "ondertekend": "Ondertekend",
}
RAPPORTAGESCHEMA = {"jaar": "per jaar", "tertaal": "per tertaal", "kwartaal": "per kwartaal"}


@dataclass(frozen=True)
class InstrumentInzet:
    """An instrument as the DVO names it. Only what the document shows: a change elsewhere in
    the catalogue (a longer description) is no change of the agreement."""

    id: str
    naam: str
    categorie: int | None  # the number of its category in the region's list


@dataclass(frozen=True)
class IndicatorTekst:
    """An indicator as the DVO states it (bijlage 2): what is measured, how, and where from."""

    id: str
    naam: str
    soort: str
    eenheid: str
    richting: str
    regionaal: str
    noemer: str | None
    definitie: str
    bron: str


# Fields added after DVO versions were vastgelegd are marked: the controlegetal leaves them out
# while they are empty (render/documents/dvo/inhoud.plain), so those versions keep theirs.
LATER = {ADDED_LATER: True}


@dataclass(frozen=True)
class MaatwerkRegel:
    id: str
    titel: str
    doelgroep: str
    omschrijving: str
    bedragen: list[Decimal]  # per year of the period, 0 where none
    deelnemers: list[int | None]  # per year; None where the afspraak names no number
    prijzen: list[Decimal | None]  # budget per deelnemer per year
    instrumenten: list[InstrumentInzet]
    indicatoren: list[IndicatorTekst]
    raming: Raming | None = field(default=None, metadata=LATER)  # which people for which budget (seed 001 §7.5)

    @property
    def label(self) -> str:
        return self.titel

    @property
    def totaal(self) -> Decimal:
        return sum(self.bedragen, Decimal(0))

    @property
    def heeft_deelnemers(self) -> bool:
        return any(d is not None for d in self.deelnemers)


@dataclass(frozen=True)
class VerplichtingRegel:
    verplichting: Verplichting
    bedragen: list[Decimal]

    @property
    def label(self) -> str:
        return self.verplichting.omschrijving

    @property
    def soort(self) -> str | None:
        """The kind in words ("WIW- en ID-banen"), never its id; None when the description already says it."""
        woorden = VERPLICHTING_SOORTEN[self.verplichting.soort]
        return None if woorden.lower() in self.verplichting.omschrijving.lower() else woorden

    @property
    def totaal(self) -> Decimal:
        return sum(self.bedragen, Decimal(0))


@dataclass(frozen=True)
class NulmetingTekst:
    """A nulmeting as the DVO states it: value, year, source. Its noemer (used only to combine
    gemeenten after a herindeling) is no part of the agreement's text, nor of its controlegetal."""

    waarde: Decimal
    jaar: int
    bron: str | None
    categorieen: dict[str, int] = field(default_factory=dict, metadata=LATER)  # a split indicator's count per category

    @staticmethod
    def van(n: Nulmeting | None) -> NulmetingTekst | None:
        # Validation always sets waarde (given, or the categories' sum: models/gemeente.Nulmeting).
        return None if n is None or n.waarde is None else NulmetingTekst(n.waarde, n.jaar, n.bron, dict(n.categorieen))


@dataclass(frozen=True)
class KengetalRegel:
    """A headline measure of a split indicator with the DVO's targets on it."""

    id: str
    naam: str
    definitie: str
    eenheid: str
    richting: str
    regionaal: str  # how the region's figure follows, in a sentence
    nulmeting: NulmetingTekst | None
    streefwaarden: list[Decimal | None]


@dataclass(frozen=True)
class Uitsplitsing:
    """What the DVO says about an indicator's categories: their names and its streefwaarden per
    category (shown as an expectation, never judged)."""

    dimensie: str  # its name
    enkelvoud: str
    categorieen: list[tuple[str, str]]  # (id, name)
    streefwaarden: list[list[int | None]]  # per year, per category; empty when the DVO sets none


@dataclass(frozen=True)
class KpiRegel:
    indicator: IndicatorTekst
    nulmeting: NulmetingTekst | None
    streefwaarden: list[Decimal | None]  # None: the DVO sets no target on the total (a split indicator)
    toelichting: str | None = None  # why a streefwaarde is worse than the nulmeting, when one is
    kengetallen: list[KengetalRegel] = field(default_factory=list, metadata=LATER)
    uitsplitsing: Uitsplitsing | None = field(default=None, metadata=LATER)


@dataclass(frozen=True)
class Aandeel:
    naam: str
    bedrag: int
    totaal: int
    sleutel: str


@dataclass(frozen=True)
class Partij:
    namens: str  # "gemeente" or "werkbedrijf"
    tekst: str


@dataclass(frozen=True)
class Versie:
    """One line of the version history (without the bookkeeping fields revisie/controlegetal)."""

    versie: str
    datum: dt.date
    omschrijving: str


@dataclass(frozen=True)
class GroepPrijs:
    id: str
    naam: str
    omschrijving: str | None
    prijzen: list[Decimal]  # per person per year
    illustratief: bool
    bron: str | None


@dataclass(frozen=True)
class Basisregel:
    naam: str
    bedragen: list[Decimal]  # per year of the DVO


def _met_hoofdletter(functie: str) -> str:
    return functie[:1].upper() + functie[1:]


def _functienamen(regio: Regio) -> dict[str, str]:
    """The names `DvoDocument.functienamen` keeps: those that are not the id with a capital."""
    return {t.id: t.naam for t in regio.basisfuncties if t.naam != _met_hoofdletter(t.id)}


@dataclass(frozen=True)
class DvoDocument:
    # What the agreement says. Every field here is part of the content fingerprint.
    soort: str  # the standard's title, e.g. "Dienstverleningsovereenkomst"
    slug: str
    gemeente: str
    cbs_code: str
    organisatie: str
    rechtsvorm: str
    vestigingsplaats: str
    regio: str
    versie: str
    datum: dt.date
    ingangsdatum: dt.date
    einddatum: dt.date
    jaren: list[int]
    standaard_versie: str
    standaard_sha256: str
    partijen: list[Partij]
    considerans: list[Markup]
    artikelen: list[Clause]
    budget: list[BudgetRegel]
    basis: list[BasisRegio]
    indirecte_kosten: IndirecteKosten
    aandelen: list[Aandeel]
    maatwerk: list[MaatwerkRegel]
    maatwerk_per_jaar: list[Decimal]
    toewijzing: list[Toewijzing]
    verplichtingen: list[VerplichtingRegel]
    verplichtingen_per_jaar: list[Decimal]
    bijdragen: list[Bijdrage]
    kpis: list[KpiRegel]
    sterke_afwijking: list[str]
    afspraken_gemeente: list[str]
    ondertekenaars: list[Ondertekenaar]  # their `ondertekend` (place, date) is state, not content
    wijzigingen: list[Versie]
    # The state of the document: not content (see dvo_inhoud.STATE).
    status: str
    # The region's groepen this DVO's maatwerk prices people by (seed 001 §7.5).
    groepen: list[GroepPrijs] = field(default_factory=list, metadata=LATER)
    # The names of the functies in the basisdienstverlening (the rows of Bijlage 1) that are not
    # simply their id with a capital. Before the cost lines followed the region's functies, the
    # template printed three fixed names, each its id with a capital; so the DVO's vastgelegd then
    # keep their controlegetal, and every name the document prints is still part of its content.
    functienamen: dict[str, str] = field(default_factory=dict, metadata=LATER)
    # After a herindeling: who is party in the gemeente's place now (compute/herindeling.py). A
    # fact about the agreement since it was made, not a change of what was agreed.
    rechtsopvolging: str | None = None

    @property
    def titel(self) -> str:
        return f"{self.soort} gemeente {self.gemeente} – {self.organisatie}"

    @property
    def concept(self) -> bool:
        return self.status not in ("vastgesteld", "ondertekend")

    @property
    def status_label(self) -> str:
        return STATUS_LABEL[self.status]

    @property
    def maatwerk_totaal(self) -> Decimal:
        return sum(self.maatwerk_per_jaar, Decimal(0))

    @property
    def verplichtingen_totaal(self) -> Decimal:
        return sum(self.verplichtingen_per_jaar, Decimal(0))

    @property
    def maatwerkbudget_totaal(self) -> Decimal:
        return sum((t.maatwerkbudget for t in self.toewijzing), Decimal(0))

    @property
    def nog_niet_toegewezen_totaal(self) -> Decimal:
        return sum((t.nog_niet_toegewezen for t in self.toewijzing), Decimal(0))

    @property
    def maatwerk_met_deelnemers(self) -> list[MaatwerkRegel]:
        return [m for m in self.maatwerk if m.heeft_deelnemers]

    def functie_naam(self, functie: str) -> str:
        return self.functienamen.get(functie, _met_hoofdletter(functie))

    @property
    def basisregels(self) -> list[Basisregel]:
        """Bijlage 1: per functie its direct costs in each year of the DVO."""
        functies = list(dict.fromkeys(f for b in self.basis for f in b.kosten))
        return [Basisregel(self.functie_naam(f), [b.kosten.get(f, Decimal(0)) for b in self.basis]) for f in functies]

    def ondertekenaars_namens(self, partij: str) -> list[Ondertekenaar]:
        return [o for o in self.ondertekenaars if o.namens == partij]

    def partij_naam(self, partij: str) -> str:
        return f"de gemeente {self.gemeente}" if partij == "gemeente" else self.organisatie


def _per_year(mapping: dict, jaren: list[int], default=Decimal(0)) -> list:
    return [mapping.get(j, default) for j in jaren]


def _column_sums(rows: list[list[Decimal]], width: int) -> list[Decimal]:
    return [sum((r[i] for r in rows), Decimal(0)) for i in range(width)]


def gegevens(project: Project, gemeente: Gemeente) -> dict[str, str]:
    """The values `[[gegeven:naam]]` stands for in this gemeente's DVO (see models/standaard.GEGEVENS)."""
    regio = project.regio
    jaren = regio.periode.jaren
    return {
        "gemeente": gemeente.naam,
        "organisatie": regio.organisatie,
        "korte_naam": regio.kort,
        "rechtsvorm": regio.rechtsvorm,
        "vestigingsplaats": regio.vestigingsplaats,
        "regio": regio.naam,
        "ingangsdatum": date_long(dt.date(jaren[0], 1, 1)),
        "einddatum": date_long(dt.date(jaren[-1], 12, 31)),
        "eerste_jaar": str(jaren[0]),
        "laatste_jaar": str(jaren[-1]),
        # Halfway: after two of four years, after one of two or three.
        "evaluatiejaar": str(jaren[len(jaren) // 2]),
        "rapportageschema": RAPPORTAGESCHEMA[regio.rapportage.periode_schema],
        # The same body the reports put their besluitpunten to: one field, never two names.
        "escalatie": regio.rapportage.escalatie.aan,
        "basisfuncties": opsomming([in_zin(t.naam) for t in regio.basisfuncties]),
    }


def _instrument(project: Project, instrument_id: str) -> InstrumentInzet:
    i = project.instrument(instrument_id)
    nummer = project.instrumentarium.categorie_nummer(i.categorie) if i.categorie else None
    return InstrumentInzet(i.id, i.naam, nummer)


def _indicator(project: Project, indicator_id: str) -> IndicatorTekst:
    i: Indicator = project.indicator(indicator_id)
    return IndicatorTekst(i.id, i.naam, i.soort, i.eenheid, i.richting, i.regionaal, i.noemer, i.definitie, i.bron)


def _maatwerk(project: Project, gemeente: Gemeente, jaren: list[int]) -> list[MaatwerkRegel]:
    rows = []
    for m in gemeente.maatwerk:
        bedragen = _per_year(m.budget, jaren)
        deelnemers = _per_year(m.deelnemers, jaren, None)
        prijzen = [prijs_per_deelnemer(b, d) if d else None for b, d in zip(bedragen, deelnemers, strict=True)]
        rows.append(
            MaatwerkRegel(
                m.id,
                m.titel,
                m.doelgroep,
                m.omschrijving,
                bedragen,
                deelnemers,
                prijzen,
                [_instrument(project, i) for i in m.instrumenten],
                [_indicator(project, i) for i in m.indicatoren],
                raming(project.regio, m, jaren),
            )
        )
    return rows


def _groepen(project: Project, gemeente: Gemeente, jaren: list[int]) -> list[GroepPrijs]:
    used = {g for m in gemeente.maatwerk for g in m.groepen}
    return [
        GroepPrijs(g.id, g.naam, g.omschrijving, _per_year(g.prijs, jaren), g.illustratief, g.bron)
        for g in project.regio.groepen
        if g.id in used
    ]


def _kpi(project: Project, p: PrestatieIndicator, jaren: list[int]) -> KpiRegel:
    """A prestatie-indicator as the DVO states it; a split indicator's kengetallen and categories
    only where the DVO sets something on them (a split used only in the reports is no agreement)."""
    indicator = project.indicator(p.indicator)
    dimensie = project.indicatoren.dimensie(indicator.dimensie)
    kengetallen, uitsplitsing = [], None
    if dimensie is not None:
        for k in indicator.kengetallen:
            doel = p.kengetallen.get(k.id)
            if doel is None:
                continue
            reeks = dimensies.kengetal_prestatie(indicator, k, doel, p, dimensie)
            gewogen = dimensies.kengetal_indicator(indicator, k, dimensie).regionaal == "gewogen gemiddelde"
            kengetallen.append(
                KengetalRegel(
                    dimensies.series_id(indicator, k),
                    k.naam,
                    dimensies.kengetal_definitie(indicator, k, dimensie),
                    dimensies.eenheid(k),
                    k.richting,
                    "Regionaal: gewogen naar het totaal van elke gemeente." if gewogen else "Regionaal: opgeteld.",
                    NulmetingTekst.van(reeks.nulmeting),
                    _per_year(doel.streefwaarden, jaren, None),
                )
            )
        if kengetallen or p.streefwaarden_per_categorie or (p.nulmeting and p.nulmeting.categorieen):
            per_jaar = [
                [p.streefwaarden_per_categorie[j].get(c) for c in dimensie.ids]
                if j in p.streefwaarden_per_categorie
                else []
                for j in jaren
            ]
            uitsplitsing = Uitsplitsing(
                dimensie.naam,
                dimensie.enkelvoud,
                [(c.id, c.naam) for c in dimensie.categorieen],
                per_jaar if p.streefwaarden_per_categorie else [],
            )
    return KpiRegel(
        _indicator(project, p.indicator),
        NulmetingTekst.van(p.nulmeting),
        _per_year(p.streefwaarden, jaren, None),
        p.toelichting_streefwaarden,
        kengetallen,
        uitsplitsing,
    )


_VERDELINGEN: dict[int, tuple[Project, dict[str, Verdeling]]] = {}


def verdelingen(project: Project) -> dict[str, Verdeling]:
    """Every kostenpost distributed over the gemeenten, once per loaded project: they
    depend on the whole region, and computing them for each DVO made building all DVO's
    quadratic in the number of gemeenten."""
    hit = _VERDELINGEN.get(id(project))
    if hit is None or hit[0] is not project:  # the identity check guards against a reused id
        _VERDELINGEN.clear()
        computed = {
            post.id: verdeel(post, project.regio.verdeelsleutel(post.verdeelsleutel), project.gemeenten)
            for post in project.regio.kostenposten
        }
        hit = _VERDELINGEN[id(project)] = (project, computed)
    return hit[1]


def _aandelen(project: Project, gemeente: Gemeente) -> list[Aandeel]:
    out = []
    for post in project.regio.kostenposten:
        sleutel = project.regio.verdeelsleutel(post.verdeelsleutel)
        verdeling = verdelingen(project)[post.id]
        regel = next(r for r in verdeling.regels if r.gemeente == gemeente.slug)
        out.append(Aandeel(post.naam, regel.totaal, verdeling.totaal, sleutel.naam))
    return out


def build_document(project: Project, gemeente: Gemeente) -> DvoDocument:
    regio = project.regio
    jaren = regio.periode.jaren
    dvo = gemeente.dvo
    numbering = Numbering(project.standaard, dvo.bijzondere_bepalingen, gegevens(project, gemeente))
    maatwerk = _maatwerk(project, gemeente, jaren)
    verplichtingen = [VerplichtingRegel(v, _per_year(v.bedrag, jaren)) for v in gemeente.verplichtingen]
    return DvoDocument(
        soort=project.standaard.titel,
        slug=gemeente.slug,
        gemeente=gemeente.naam,
        cbs_code=gemeente.cbs_code,
        organisatie=regio.organisatie,
        rechtsvorm=regio.rechtsvorm,
        vestigingsplaats=regio.vestigingsplaats,
        regio=regio.naam,
        versie=dvo.versie,
        datum=dvo.datum,
        ingangsdatum=dt.date(jaren[0], 1, 1),
        einddatum=dt.date(jaren[-1], 12, 31),
        jaren=jaren,
        standaard_versie=project.standaard.versie,
        standaard_sha256=project.standaard.sha256,
        partijen=[
            Partij("gemeente", partijen.partij_gemeente(gemeente.naam, dvo.ondertekenaars)),
            Partij(
                "werkbedrijf",
                partijen.partij_werkbedrijf(
                    regio.organisatie, regio.rechtsvorm, regio.vestigingsplaats, dvo.ondertekenaars, regio.kort
                ),
            ),
        ],
        considerans=[numbering.resolve(t) for t in project.standaard.considerans],
        artikelen=numbering.clauses,
        budget=[budget_gemeente(gemeente, j) for j in jaren],
        basis=[basis_regio(regio, j) for j in jaren],
        indirecte_kosten=regio.basisdienstverlening.indirecte_kosten,
        aandelen=_aandelen(project, gemeente),
        maatwerk=maatwerk,
        maatwerk_per_jaar=_column_sums([m.bedragen for m in maatwerk], len(jaren)),
        toewijzing=toewijzing(gemeente, jaren),
        verplichtingen=verplichtingen,
        verplichtingen_per_jaar=_column_sums([v.bedragen for v in verplichtingen], len(jaren)),
        bijdragen=bijdragen(gemeente, jaren),
        kpis=[_kpi(project, p, jaren) for p in gemeente.prestatie_indicatoren],
        # The reports' own rule and words (compute/kpi.Afwijkingsregel, also their leeswijzer):
        # the agreement and the reports cannot disagree on what a sterke afwijking is.
        sterke_afwijking=[*kpi.afwijkingsregel(regio.rapportage.drempels).beschrijving(), SAME_RULE_IN_REPORTS],
        afspraken_gemeente=list(dvo.afspraken_gemeente),
        ondertekenaars=list(dvo.ondertekenaars),
        wijzigingen=[Versie(w.versie, w.datum, w.omschrijving) for w in dvo.wijzigingen],
        status=dvo.status,
        groepen=_groepen(project, gemeente, jaren),
        functienamen=_functienamen(regio),
        rechtsopvolging=herindelingen(project).zin_opgeheven(gemeente.slug),
    )
