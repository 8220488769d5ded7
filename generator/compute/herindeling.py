"""Gemeenten that merge during the DVO period (content/regio.yaml: herindelingen).

On the herindeling's date (1 January) the opgeheven gemeenten cease to exist and the new
gemeente is their rechtsopvolger: party to their DVO's, which continue until it signs its
own. The reports, the budget and the site then see the new gemeente as one gemeente whose
figures are its predecessors' together (`SamengevoegdeGemeente`):

- money, per year from the herindeling on: participatiebudget, i-deel, aandeel
  basisdienstverlening, verplichtingen and maatwerk of the predecessors' DVO's, summed;
- each indicator of the predecessors' DVO's: nulmeting and streefwaarden combined by the
  indicator's regional rule, realisaties before the date likewise (a count is summed, a
  ratio weighted by its noemer, `kpi.regional`), so the series, "sinds nulmeting" and the
  trend continue across the date; from the date on, what the new gemeente reports itself
  (its own file, models/gemeente.Opvolger);
- streefwaarden of a weighted indicator are weighted by the predecessors' nulmeting noemers
  (a fixed base; load/herindeling_rules requires them);
- a split indicator (models/dimensies): the counts per category and the overgangen added up,
  cell by cell, where every predecessor has them; a target on a kengetal summed (a count) or
  weighted by each predecessor's nulmeting total (a share), so the new gemeente's kengetallen
  are judged like its predecessors' were.

Which gemeenten exist in a year is `Herindelingen.gemeenten_in`: the opgeheven ones before
the date, the new one from it. Regional figures and the ranking count only those.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.compute import kpi
from generator.load.project import Project
from generator.models import dimensies, periods
from generator.models.gemeente import (
    FinancienJaar,
    Gemeente,
    KengetalDoel,
    Kerngegevens,
    Nulmeting,
    Opvolger,
    PrestatieIndicator,
    Realisatie,
    SamengevoegdeGemeente,
)
from generator.models.region import Herindeling
from generator.util.formatting import date_long

ZERO = Decimal(0)


def namen(items: list[str]) -> str:
    """`A, B en C`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _in_or_after(code: str, scheme: str, jaar: int) -> bool:
    parsed = periods.parse_code(code, scheme)
    return parsed is not None and parsed[0] >= jaar


def _combine(indicator, parts: list[tuple[Decimal | None, Decimal | None]]) -> tuple[Decimal, Decimal | None] | None:
    """Values of several gemeenten as one, by the indicator's regional rule; None when a value or
    a weight is missing, or when the weights add up to zero (a weighted mean of nothing)."""
    values = [v for v, _ in parts if v is not None]
    if len(values) < len(parts):
        return None
    if indicator.regionaal == "gewogen gemiddelde" and any(n is None for _, n in parts):
        return None
    waarde = kpi.regional(
        indicator, [kpi.Waarde(str(i), v, n) for i, (v, (_, n)) in enumerate(zip(values, parts, strict=True))]
    )
    if waarde is None:
        return None
    noemers = [n for _, n in parts if n is not None]
    noemer = sum(noemers, ZERO) if len(noemers) == len(parts) else None
    return waarde, noemer


def _per_categorie(delen: list[dict[str, int]]) -> dict[str, int]:
    """Counts per category of several gemeenten as one: added up; empty unless every one has them."""
    if not delen or not all(delen):
        return {}
    out: dict[str, int] = {}
    for d in delen:
        for c, n in d.items():
            out[c] = out.get(c, 0) + n
    return out


def _overgangen(delen: list[dict[str, dict[str, int]]]) -> dict[str, dict[str, int]]:
    """Overgangen of several gemeenten as one matrix, cell by cell; empty unless every one has them."""
    if not delen or not all(delen):
        return {}
    out: dict[str, dict[str, int]] = {}
    for d in delen:
        for van, row in d.items():
            cells = out.setdefault(van, {})
            for naar, n in row.items():
                cells[naar] = cells.get(naar, 0) + n
    return out


def _kengetallen_combined(
    project: Project, indicator, parts: list[PrestatieIndicator], eigen
) -> dict[str, KengetalDoel]:
    """The DVO's targets on a split indicator's kengetallen for the new gemeente: a kengetal every
    predecessor has targets on; a count summed, a share weighted by each one's nulmeting total
    (as the region weighs a share by each gemeente's total)."""
    dimensie = project.indicatoren.dimensie(indicator.dimensie)
    if dimensie is None:
        return {}  # no kengetallen: validation refuses them on an indicator without a dimensie (load/dimensie_rules)
    gewichten = [p.nulmeting.waarde if p.nulmeting else None for p in parts]
    out = {}
    for k in indicator.kengetallen:
        doelen = [d for p in parts if (d := p.kengetallen.get(k.id)) is not None]
        if not doelen or len(doelen) < len(parts):
            continue
        regel = dimensies.kengetal_indicator(indicator, k, dimensie)
        streefwaarden = {}
        for jaar in project.regio.periode.jaren:
            if all(jaar in d.streefwaarden for d in doelen):
                combined = _combine(regel, [(d.streefwaarden[jaar], w) for d, w in zip(doelen, gewichten, strict=True)])
                if combined is not None:
                    streefwaarden[jaar] = combined[0]
        if len(streefwaarden) != len(project.regio.periode.jaren):
            continue  # a share without the predecessors' nulmeting totals: no fixed base to weigh by
        nulmeting = None
        nulmetingen = [n for d in doelen if (n := d.nulmeting) is not None]
        if len(nulmetingen) == len(doelen):
            combined = _combine(regel, [(n.waarde, w) for n, w in zip(nulmetingen, gewichten, strict=True)])
            if combined is not None:
                nulmeting = Nulmeting.model_construct(
                    waarde=combined[0], jaar=nulmetingen[0].jaar, bron=None, noemer=None, categorieen={}
                )
        toelichting = eigen.kengetallen.get(k.id) if eigen is not None else None
        out[k.id] = KengetalDoel.model_construct(
            nulmeting=nulmeting,
            streefwaarden=streefwaarden,
            toelichtingen=dict(toelichting.toelichtingen) if toelichting else {},
            opvolging=dict(toelichting.opvolging) if toelichting else {},
        )
    return out


def _indicator_combined(
    project: Project, h: Herindeling, voorgangers: list[Gemeente], own: dict, indicator_id: str
) -> PrestatieIndicator | None:
    indicator = project.indicator(indicator_id)
    scheme = project.regio.rapportage.periode_schema
    parts = [p for g in voorgangers for p in g.prestatie_indicatoren if p.indicator == indicator_id]
    names = [g.naam for g in voorgangers if any(p.indicator == indicator_id for p in g.prestatie_indicatoren)]
    gesplitst = indicator.dimensie is not None
    nulmeting = None
    nulmetingen = [p.nulmeting for p in parts if p.nulmeting is not None]
    if len(nulmetingen) == len(parts):
        combined = _combine(indicator, [(n.waarde, n.noemer) for n in nulmetingen])
        if combined is not None:
            nulmeting = Nulmeting.model_construct(
                waarde=combined[0],
                jaar=nulmetingen[0].jaar,
                noemer=combined[1],
                bron=f"de nulmetingen van {namen(names)} samen "
                f"({'opgeteld' if indicator.regionaal == 'som' else 'gewogen naar de noemer'})",
                categorieen=_per_categorie([n.categorieen for n in nulmetingen]),
            )
    # Targets of a ratio are weighted by the nulmeting's noemers: the fixed base of the agreements.
    gewichten = [p.nulmeting.noemer if p.nulmeting else None for p in parts]
    streefwaarden = {}
    for jaar in project.regio.periode.jaren:
        if all(jaar in p.streefwaarden for p in parts):
            combined = _combine(indicator, [(p.streefwaarden[jaar], w) for p, w in zip(parts, gewichten, strict=True)])
            if combined is not None:
                streefwaarden[jaar] = combined[0]
    # A split indicator may have targets on its kengetallen only (then none on its total).
    zonder_totaal = gesplitst and not any(p.streefwaarden for p in parts)
    if len(streefwaarden) != len(project.regio.periode.jaren) and not zonder_totaal:
        return None  # not judged: a weight is missing (the rules report why)
    realisaties = {}
    codes = sorted({c for p in parts for c in p.realisaties if not _in_or_after(c, scheme, h.jaar)})
    for code in codes:
        if all(code in p.realisaties for p in parts):
            combined = _combine(indicator, [(p.realisaties[code].waarde, p.realisaties[code].noemer) for p in parts])
            if combined is not None:
                reals = [p.realisaties[code] for p in parts]
                realisaties[code] = Realisatie.model_construct(
                    waarde=combined[0],
                    noemer=combined[1],
                    categorieen=_per_categorie([r.categorieen for r in reals]),
                    overgangen=_overgangen([r.overgangen for r in reals]),
                )
    eigen = own.get(indicator_id)
    if eigen is not None:
        realisaties.update({c: r for c, r in eigen.realisaties.items() if _in_or_after(c, scheme, h.jaar)})
    per_categorie = {}
    if gesplitst:
        for jaar in project.regio.periode.jaren:
            if som := _per_categorie([p.streefwaarden_per_categorie.get(jaar, {}) for p in parts]):
                per_categorie[jaar] = som
    return PrestatieIndicator.model_construct(
        indicator=indicator_id,
        nulmeting=nulmeting,
        streefwaarden=streefwaarden,
        realisaties=realisaties,
        toelichtingen=dict(eigen.toelichtingen) if eigen else {},
        opvolging=dict(eigen.opvolging) if eigen else {},
        streefwaarden_per_categorie=per_categorie,
        kengetallen=_kengetallen_combined(project, indicator, parts, eigen) if gesplitst else {},
    )


def samengevoegd(
    project: Project, h: Herindeling, bestand: Opvolger | None, voorgangers: list[Gemeente] | None = None
) -> SamengevoegdeGemeente:
    """The new gemeente of herindeling `h`: its predecessors' figures combined, its own from `bestand`.
    `voorgangers`: the predecessors as their DVO in force records them (compute/geldende_dvo);
    by default the working data's."""
    scheme = project.regio.rapportage.periode_schema
    voorgangers = voorgangers if voorgangers is not None else [project.gemeente(s) for s in h.opgeheven]
    jaren = [j for j in project.regio.periode.jaren if j >= h.jaar]
    financien = {
        j: FinancienJaar.model_construct(
            _fields_set=None,
            **{
                veld: sum((getattr(g.financien[j], veld) for g in voorgangers), ZERO)
                for veld in FinancienJaar.model_fields
            },
        )
        for j in jaren
    }
    verplichtingen = [
        v.model_copy(update={"bedrag": {j: b for j, b in v.bedrag.items() if j >= h.jaar}})
        for g in voorgangers
        for v in g.verplichtingen
        if any(j >= h.jaar for j in v.bedrag)
    ]
    maatwerk = [
        m.model_copy(
            update={
                "budget": {j: b for j, b in m.budget.items() if j >= h.jaar},
                "besteed": {c: b for c, b in m.besteed.items() if _in_or_after(c, scheme, h.jaar)},
                "deelnemers": {j: d for j, d in m.deelnemers.items() if j >= h.jaar},
            }
        )
        for g in voorgangers
        for m in g.maatwerk
        if any(j >= h.jaar and b for j, b in m.budget.items())
    ]
    own = {p.indicator: p for p in bestand.prestatie_indicatoren} if bestand else {}
    order = list(dict.fromkeys(p.indicator for g in voorgangers for p in g.prestatie_indicatoren))
    indicatoren = [c for i in order if (c := _indicator_combined(project, h, voorgangers, own, i)) is not None]
    kern = (
        bestand.kerngegevens
        if bestand and bestand.kerngegevens
        else Kerngegevens.model_construct(
            peildatum=max(g.kerngegevens.peildatum for g in voorgangers),
            bron=f"{namen([g.naam for g in voorgangers])} samen (opgeteld)",
            inwoners=sum(g.kerngegevens.inwoners for g in voorgangers),
            bijstandsgerechtigden=sum(g.kerngegevens.bijstandsgerechtigden for g in voorgangers),
        )
    )
    nieuw = h.nieuwe_gemeente
    return SamengevoegdeGemeente.model_construct(
        slug=nieuw.slug,
        naam=nieuw.naam,
        cbs_code=nieuw.cbs_code,
        kerngegevens=kern,
        financien=financien,
        verplichtingen=verplichtingen,
        maatwerk=maatwerk,
        prestatie_indicatoren=indicatoren,
        extra_middelen=[],
        besteed={c: b for c, b in (bestand.besteed.items() if bestand else ()) if _in_or_after(c, scheme, h.jaar)},
        rapporten=dict(bestand.rapporten) if bestand else {},
        dvo=None,
        datum=h.datum,
        voorgangers=voorgangers,
    )


@dataclass(frozen=True)
class Herindelingen:
    """The region's gemeenten over time: who exists in which year, and the new ones combined."""

    project: Project
    opvolgers: dict[str, SamengevoegdeGemeente]

    def opgeheven(self, slug: str) -> Herindeling | None:
        return self.project.regio.opgeheven_in(slug)

    def opvolger_van(self, slug: str) -> SamengevoegdeGemeente | None:
        h = self.opgeheven(slug)
        return self.opvolgers[h.nieuwe_gemeente.slug] if h else None

    def bestaat(self, slug: str, jaar: int) -> bool:
        h = self.opgeheven(slug)
        if h is not None and jaar >= h.jaar:
            return False
        nieuw = self.opvolgers.get(slug)
        return nieuw is None or jaar >= nieuw.datum.year

    def alle(self) -> list[Gemeente]:
        """Every gemeente the region had in its DVO period, in the order of content/regio.yaml;
        a new gemeente right after the last of its predecessors."""
        out: list[Gemeente] = []
        for g in self.project.gemeenten:
            out.append(g)
            h = self.opgeheven(g.slug)
            if (
                h is not None
                and g.slug == [s for s in h.opgeheven if s in {x.slug for x in self.project.gemeenten}][-1]
            ):
                out.append(self.opvolgers[h.nieuwe_gemeente.slug])
        return out

    def gemeenten_in(self, jaar: int) -> list[Gemeente]:
        """The gemeenten that exist in `jaar` (a herindeling's date is 1 January)."""
        return [g for g in self.alle() if self.bestaat(g.slug, jaar)]

    def gemeente(self, slug: str) -> Gemeente:
        """A gemeente of the region's list, or one a herindeling made."""
        return self.opvolgers.get(slug) or self.project.gemeente(slug)

    def slugs(self) -> list[str]:
        return [g.slug for g in self.alle()]

    def zin_opgeheven(self, slug: str) -> str | None:
        """What a reader of an opgeheven gemeente's page or DVO is told, in one sentence."""
        h = self.opgeheven(slug)
        if h is None:
            return None
        g = self.project.gemeente(slug)
        return (
            f"De gemeente {g.naam} is op {date_long(h.datum)} opgeheven en opgegaan in de gemeente "
            f"{h.nieuwe_gemeente.naam}. {h.nieuwe_gemeente.naam} is rechtsopvolger en sindsdien partij bij deze "
            f"overeenkomst, die doorloopt totdat {h.nieuwe_gemeente.naam} een eigen overeenkomst sluit."
        )

    def zin_ontstaan(self, slug: str) -> str | None:
        g = self.opvolgers.get(slug)
        if g is None:
            return None
        return (
            f"De gemeente {g.naam} is op {date_long(g.datum)} ontstaan uit {namen([v.naam for v in g.voorgangers])}. "
            f"Als rechtsopvolger is zij partij bij hun DVO's, die doorlopen totdat {g.naam} een eigen "
            "overeenkomst sluit."
        )


_CACHE: dict[int, Herindelingen] = {}


def herindelingen(project: Project) -> Herindelingen:
    """Computed once per loaded project (like the distributions of the DVO view)."""
    hit = _CACHE.get(id(project))
    if hit is None or hit.project is not project:
        _CACHE.clear()
        opvolgers = {
            h.nieuwe_gemeente.slug: samengevoegd(project, h, project.opvolgers.get(h.nieuwe_gemeente.slug))
            for h in project.regio.herindelingen
        }
        hit = _CACHE[id(project)] = Herindelingen(project, opvolgers)
    return hit
