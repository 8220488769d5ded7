"""The figures of indicators split by a dimensie, per gemeente and for the region, per period:
the count per category beside the total, the overgangen of a ladder with who rose, fell or
stayed, and every kengetal's value (judged or not). Categories are shown, never judged.

Pure Python on the models (models/dimensies.py): exact integers, no pandas (the crosstab
and the long tables of the open data are made where they are shown, in render/).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.compute.rapportperiode import Rapportperiode
from generator.models import dimensies as dims
from generator.models.catalog import Dimensie, Indicator, Kengetal
from generator.models.gemeente import Gemeente, PrestatieIndicator
from generator.models.kinds import Ladder


@dataclass(frozen=True)
class Kengetalwaarde:
    kengetal: Kengetal
    eenheid: str  # "aantal" or "percentage"
    waarde: Decimal | None
    noemer: Decimal | None
    beoordeeld: bool  # the DVO sets streefwaarden on it (then it has its own line in the tables)


@dataclass(frozen=True)
class Stand:
    """One moment of a split indicator: a nulmeting or a period, per category (0 where none)."""

    label: str  # "nulmeting 2014", "2016", "T2 2016"
    categorieen: dict[str, int]  # in the dimensie's order
    streef: dict[str, int] | None = None  # the DVO's streefwaarden per category for this year, if any

    @property
    def totaal(self) -> int:
        return sum(self.categorieen.values())

    def aandeel(self, categorie: str) -> Decimal | None:
        return Decimal(self.categorieen[categorie]) / self.totaal * dims.HUNDRED if self.totaal else None


@dataclass(frozen=True)
class Verdeling:
    """A split indicator of one gemeente (or the region) in one period."""

    indicator: Indicator
    dimensie: Dimensie
    periode: Rapportperiode
    naam: str  # the gemeente's name, or "regio <naam>"
    stand: Stand | None  # at the peildatum; None without a realisatie per category
    begin: Stand | None  # at the start of the year (ladders)
    overgangen: dict[str, dict[str, int]] | None  # van -> naar -> aantal, year so far
    reeks: list[Stand]  # nulmeting and every period up to this one that has categories
    kengetallen: list[Kengetalwaarde]
    gemeenten: int = 1  # how many gemeenten it sums (the region)

    @property
    def ladder(self) -> bool:
        return self.dimensie.ladder

    @property
    def telling(self) -> dims.Telling | None:
        return dims.telling(self.overgangen, self.dimensie) if self.overgangen else None


def _ordered(dimensie: Dimensie, counts: dict[str, int]) -> dict[str, int]:
    return {c: counts.get(c, 0) for c in dimensie.ids}


def _label(periode: Rapportperiode) -> str:
    return f"{periode.kort} {periode.jaar}" if periode.delen > 1 else periode.code


def _periods_until(tot: Rapportperiode, jaren: list[int]) -> list[Rapportperiode]:
    out = []
    for jaar in jaren:
        for nummer in range(1, tot.delen + 1):
            if (jaar, nummer) <= (tot.jaar, tot.nummer):
                out.append(Rapportperiode.van(jaar, nummer, tot.scheme))
    return out


def _kengetallen(
    indicator: Indicator,
    dimensie: Dimensie,
    p: PrestatieIndicator | None,
    categorieen: dict[str, int],
    overgangen: dict[str, dict[str, int]],
) -> list[Kengetalwaarde]:
    out = []
    for k in indicator.kengetallen:
        waarde, noemer = dims.waarde(k, categorieen, overgangen, dimensie)
        out.append(Kengetalwaarde(k, dims.eenheid(k), waarde, noemer, p is None or k.id in p.kengetallen))
    return out


def verdeling(
    g: Gemeente,
    p: PrestatieIndicator,
    indicator: Indicator,
    dimensie: Dimensie,
    periode: Rapportperiode,
    jaren: list[int],
) -> Verdeling:
    """One gemeente's split indicator at a period's peildatum, with its history up to then."""
    real = p.realisaties.get(periode.code)
    stand = (
        Stand(_label(periode), _ordered(dimensie, real.categorieen), _streef(p, dimensie, periode.jaar))
        if real and real.categorieen
        else None
    )
    begin = dims.begin_stand(p, periode.jaar, periode.scheme, jaren[0])
    reeks = []
    if p.nulmeting is not None and p.nulmeting.categorieen:
        reeks.append(Stand(f"nulmeting {p.nulmeting.jaar}", _ordered(dimensie, p.nulmeting.categorieen)))
    for q in _periods_until(periode, jaren):
        r = p.realisaties.get(q.code)
        if r is not None and r.categorieen:
            reeks.append(Stand(_label(q), _ordered(dimensie, r.categorieen), _streef(p, dimensie, q.jaar)))
    overgangen = dict(real.overgangen) if real and real.overgangen else None
    return Verdeling(
        indicator=indicator,
        dimensie=dimensie,
        periode=periode,
        naam=g.naam,
        stand=stand,
        begin=Stand(f"begin {periode.jaar}", _ordered(dimensie, begin[1])) if begin and overgangen else None,
        overgangen=overgangen,
        reeks=reeks,
        kengetallen=_kengetallen(
            indicator, dimensie, p, real.categorieen if real else {}, real.overgangen if real else {}
        ),
    )


def _streef(p: PrestatieIndicator, dimensie: Dimensie, jaar: int) -> dict[str, int] | None:
    per = p.streefwaarden_per_categorie.get(jaar)
    return _ordered(dimensie, per) if per else None


def regionaal(naam: str, delen: list[Verdeling]) -> Verdeling | None:
    """The region's split indicator: every category and overgang summed over the gemeenten
    that reported it in this period (the same gemeenten for every moment of its history)."""
    met_stand = [d for d in delen if d.stand is not None]
    standen = [s for d in met_stand if (s := d.stand) is not None]  # the same gemeenten' stands
    if not met_stand:
        return None
    eerste = met_stand[0]
    dimensie, indicator = eerste.dimensie, eerste.indicator
    stand = Stand(standen[0].label, Ladder.regionaal_per_categorie([s.categorieen for s in standen]))
    labels = [s.label for s in eerste.reeks]
    reeks = []
    for label in labels:
        parts = [next((s for s in d.reeks if s.label == label), None) for d in met_stand]
        gevonden = [s for s in parts if s is not None]
        if len(gevonden) == len(parts):  # a moment every one of them has: otherwise the sums would not compare
            reeks.append(Stand(label, Ladder.regionaal_per_categorie([s.categorieen for s in gevonden])))
    met_overgangen = [d for d in met_stand if d.overgangen]
    overgangen = None
    begin = None
    if met_overgangen and len(met_overgangen) == len(met_stand):
        overgangen = Ladder.regionaal_overgangen([o for d in met_overgangen if (o := d.overgangen)])
        begins = [b for d in met_overgangen if (b := d.begin) is not None]
        # met_overgangen is all of met_stand here, so begins[0] is eerste's
        if len(begins) == len(met_overgangen):
            begin = Stand(begins[0].label, Ladder.regionaal_per_categorie([b.categorieen for b in begins]))
    return Verdeling(
        indicator=indicator,
        dimensie=dimensie,
        periode=eerste.periode,
        naam=naam,
        stand=stand,
        begin=begin,
        overgangen=overgangen,
        reeks=reeks,
        kengetallen=_kengetallen(indicator, dimensie, None, stand.categorieen, overgangen or {}),
        gemeenten=len(met_stand),
    )
