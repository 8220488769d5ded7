"""The view model of one gemeente's DVO: everything the template shows, computed here."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.models.budget import BasisRegio, BudgetRegel, basis_regio, budget_gemeente
from generator.render.clauses import Clause, number_clauses
from generator.compute.distribution import Verdeling, verdeel
from generator.models.catalog import Indicator, Instrument
from generator.models.gemeente import Gemeente, Maatwerkafspraak, PrestatieIndicator, Verplichting
from generator.load.project import Project

STATUS_LABEL = {
    "concept": "Concept",
    "ter besluitvorming": "Ter besluitvorming",
    "vastgesteld": "Vastgesteld",
    "ondertekend": "Ondertekend",
}


@dataclass(frozen=True)
class MaatwerkRegel:
    afspraak: Maatwerkafspraak
    bedragen: list[Decimal]  # per year of the period, 0 where none
    totaal: Decimal
    instrumenten: list[Instrument]
    indicatoren: list[Indicator]

    @property
    def label(self) -> str:
        return self.afspraak.titel


@dataclass(frozen=True)
class VerplichtingRegel:
    verplichting: Verplichting
    bedragen: list[Decimal]
    totaal: Decimal

    @property
    def label(self) -> str:
        return self.verplichting.omschrijving


@dataclass(frozen=True)
class KpiRegel:
    indicator: Indicator
    prestatie: PrestatieIndicator
    streefwaarden: list[Decimal]


@dataclass(frozen=True)
class Aandeel:
    naam: str
    bedrag: int
    totaal: int
    sleutel: str


@dataclass(frozen=True)
class DvoDocument:
    gemeente: Gemeente
    project: Project
    artikelen: list[Clause]
    jaren: list[int]
    budget: list[BudgetRegel]
    basis: list[BasisRegio]
    maatwerk: list[MaatwerkRegel]
    maatwerk_per_jaar: list[Decimal]
    verplichtingen: list[VerplichtingRegel]
    verplichtingen_per_jaar: list[Decimal]
    kpis: list[KpiRegel]
    aandelen: list[Aandeel]
    revisie: str

    @property
    def concept(self) -> bool:
        return not self.gemeente.dvo.definitief

    @property
    def status_label(self) -> str:
        return STATUS_LABEL[self.gemeente.dvo.status]

    @property
    def titel(self) -> str:
        return f"{self.project.standaard.titel} {self.gemeente.naam}"

    @property
    def maatwerk_totaal(self) -> Decimal:
        return sum(self.maatwerk_per_jaar, Decimal(0))

    @property
    def verplichtingen_totaal(self) -> Decimal:
        return sum(self.verplichtingen_per_jaar, Decimal(0))


def _per_year(mapping: dict[int, Decimal], jaren: list[int]) -> list[Decimal]:
    return [mapping.get(j, Decimal(0)) for j in jaren]


def _column_sums(rows: list[list[Decimal]], width: int) -> list[Decimal]:
    return [sum((r[i] for r in rows), Decimal(0)) for i in range(width)]


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


def build_document(project: Project, gemeente: Gemeente, revisie: str) -> DvoDocument:
    jaren = project.regio.periode.jaren
    maatwerk = []
    for m in gemeente.maatwerk:
        bedragen = _per_year(m.budget, jaren)
        maatwerk.append(
            MaatwerkRegel(
                m, bedragen, sum(bedragen, Decimal(0)),
                [project.instrument(i) for i in m.instrumenten],
                [project.indicator(i) for i in m.indicatoren],
            )
        )
    verplichtingen = []
    for v in gemeente.verplichtingen:
        bedragen = _per_year(v.bedrag, jaren)
        verplichtingen.append(VerplichtingRegel(v, bedragen, sum(bedragen, Decimal(0))))
    kpis = [
        KpiRegel(project.indicator(p.indicator), p, _per_year(p.streefwaarden, jaren))
        for p in gemeente.prestatie_indicatoren
    ]
    aandelen = []
    for post in project.regio.kostenposten:
        sleutel = project.regio.verdeelsleutel(post.verdeelsleutel)
        verdeling = verdelingen(project)[post.id]
        regel = next(r for r in verdeling.regels if r.gemeente == gemeente.slug)
        aandelen.append(Aandeel(post.naam, regel.totaal, verdeling.totaal, sleutel.naam))
    return DvoDocument(
        gemeente=gemeente,
        project=project,
        artikelen=number_clauses(project.standaard),
        jaren=jaren,
        budget=[budget_gemeente(gemeente, j) for j in jaren],
        basis=[basis_regio(project.regio, j) for j in jaren],
        maatwerk=maatwerk,
        maatwerk_per_jaar=_column_sums([m.bedragen for m in maatwerk], len(jaren)),
        verplichtingen=verplichtingen,
        verplichtingen_per_jaar=_column_sums([v.bedragen for v in verplichtingen], len(jaren)),
        kpis=kpis,
        aandelen=aandelen,
        revisie=revisie,
    )
