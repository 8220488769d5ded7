"""Indicators split by a dimensie: totals, overgangen and headline measures (kengetallen).

Pure rules on the models, shared by validation (load/dimensie_rules.py) and every later
stage, like budget.py:
- the categories of a realisatie add up to its total;
- the overgangen of a ladder run from the stand at the start of the year (rows, `van`) to
  the stand at the peildatum (columns, `naar`): `begin_stand` says which stand that is;
- `Telling`: who rose at least one trede, who fell, who stayed;
- a kengetal ("aandeel op trede 4 of hoger", "aantal gestegen") is computed from them, and
  `reeksen` turns every kengetal the DVO sets targets on into an indicator of its own, so
  the afwijkingsregel, the signalering and the besluitpunten treat it like any indicator.
  The categories themselves are never judged: a category that grows because people climb
  into it is no afwijking.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from generator.models import periods
from generator.models.catalog import Dimensie, Indicator, Indicatoren, Kengetal
from generator.models.gemeente import Gemeente, KengetalDoel, Nulmeting, PrestatieIndicator, Realisatie

HUNDRED = Decimal(100)
SEPARATOR = "."  # a kengetal's series id: "<indicator>.<kengetal>"

# What each berekening counts, in words (definitions, the leeswijzer).
BEREKENING = {
    "som": "de som van de aantallen {op} {categorieen}",
    "aandeel": "het aantal {op} {categorieen} als percentage van het totaal",
    "gestegen": "het aantal dat sinds het begin van het jaar ten minste één {trede} hoger staat",
    "gedaald": "het aantal dat sinds het begin van het jaar ten minste één {trede} lager staat",
    "gelijk gebleven": "het aantal dat op dezelfde {trede} staat als aan het begin van het jaar",
    "aandeel gestegen": (
        "het aantal dat sinds het begin van het jaar ten minste één {trede} hoger staat, als percentage van "
        "iedereen in de overgangen"
    ),
}
LADDER_BEREKENINGEN = ("gestegen", "gedaald", "gelijk gebleven", "aandeel gestegen")


@dataclass(frozen=True)
class Telling:
    """The overgangen of a ladder summed up: rose, fell, stayed (and all of them)."""

    gestegen: int
    gedaald: int
    gelijk: int

    @property
    def totaal(self) -> int:
        return self.gestegen + self.gedaald + self.gelijk

    @property
    def aandeel_gestegen(self) -> Decimal | None:
        return Decimal(self.gestegen) / self.totaal * HUNDRED if self.totaal else None


def telling(overgangen: dict[str, dict[str, int]], dimensie: Dimensie) -> Telling:
    """Count the overgangen by direction, in the ladder's order (validation has checked the categories)."""
    rang = {c: i for i, c in enumerate(dimensie.ids)}
    op = neer = gelijk = 0
    for van, naar_aantal in overgangen.items():
        for naar, aantal in naar_aantal.items():
            if rang[naar] > rang[van]:
                op += aantal
            elif rang[naar] < rang[van]:
                neer += aantal
            else:
                gelijk += aantal
    return Telling(op, neer, gelijk)


def rijsommen(overgangen: dict[str, dict[str, int]]) -> dict[str, int]:
    """Per `van` category: everyone who started the year there."""
    return {van: sum(naar.values()) for van, naar in overgangen.items()}


def kolomsommen(overgangen: dict[str, dict[str, int]]) -> dict[str, int]:
    """Per `naar` category: everyone who stands there at the peildatum."""
    out: dict[str, int] = {}
    for naar_aantal in overgangen.values():
        for naar, aantal in naar_aantal.items():
            out[naar] = out.get(naar, 0) + aantal
    return out


def laatste_periode(jaar: int, scheme: str) -> str:
    return periods.code(jaar, periods.SCHEMES[scheme][1], scheme)


def begin_stand(p: PrestatieIndicator, jaar: int, scheme: str, eerste_jaar: int) -> tuple[str, dict[str, int]] | None:
    """The stand per category at the start of `jaar`, with where it comes from: the realisatie
    of the last period of the year before, or in the DVO's first year the nulmeting."""
    code = laatste_periode(jaar - 1, scheme)
    vorig = p.realisaties.get(code)
    if vorig is not None and vorig.categorieen:
        return f"realisaties[{code}]", dict(vorig.categorieen)
    if jaar == eerste_jaar and p.nulmeting is not None and p.nulmeting.categorieen:
        return "nulmeting", dict(p.nulmeting.categorieen)
    return None


def categorie_tekst(dimensie: Dimensie, categorie_id: str) -> str:
    """A category as a reader knows it: "4 (onbetaald werk)" on a numbered ladder, else its name."""
    term = dimensie.categorie(categorie_id)
    naam = term.naam if term else categorie_id
    return f"{categorie_id} ({naam})" if categorie_id.isdigit() else naam


def _opsomming(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def kengetal_definitie(indicator: Indicator, kengetal: Kengetal, dimensie: Dimensie) -> str:
    if kengetal.definitie:
        return kengetal.definitie
    categorieen = (
        _opsomming([f"{dimensie.enkelvoud} {categorie_tekst(dimensie, c)}" for c in kengetal.categorieen])
        if kengetal.categorieen
        else ""
    )
    tekst = BEREKENING[kengetal.berekening].format(
        categorieen=categorieen, trede=dimensie.enkelvoud, op="op" if dimensie.ladder else "in"
    )
    return f"Kengetal van '{indicator.naam}': {tekst}."


def eenheid(kengetal: Kengetal) -> Literal["percentage", "aantal"]:
    return "percentage" if kengetal.berekening in ("aandeel", "aandeel gestegen") else "aantal"


def meetwijze(kengetal: Kengetal, indicator: Indicator) -> Literal["stroom", "stand", "cumulatief"]:
    """A share at the peildatum is a stand; people who moved since 1 January are counted like a
    stroom (they restart each year); a sum of categories is what the indicator is."""
    if kengetal.berekening == "aandeel":
        return "stand"
    if kengetal.berekening in LADDER_BEREKENINGEN:
        return "stroom"
    return indicator.meetwijze


def waarde(
    kengetal: Kengetal, categorieen: dict[str, int], overgangen: dict[str, dict[str, int]], dimensie: Dimensie
) -> tuple[Decimal | None, Decimal | None]:
    """(value, noemer) of a kengetal from one stand and its overgangen; None where they do not give it."""
    b = kengetal.berekening
    if b in LADDER_BEREKENINGEN:
        if not overgangen:
            return None, None
        t = telling(overgangen, dimensie)
        if b == "aandeel gestegen":
            return t.aandeel_gestegen, Decimal(t.totaal) if t.totaal else None
        return Decimal({"gestegen": t.gestegen, "gedaald": t.gedaald, "gelijk gebleven": t.gelijk}[b]), None
    if not categorieen:
        return None, None
    deel = Decimal(sum(categorieen.get(c, 0) for c in kengetal.categorieen))
    if b == "som":
        return deel, None
    totaal = Decimal(sum(categorieen.values()))
    return (deel / totaal * HUNDRED, totaal) if totaal else (None, None)


def series_id(indicator: Indicator, kengetal: Kengetal) -> str:
    return f"{indicator.id}{SEPARATOR}{kengetal.id}"


def kengetal_indicator(indicator: Indicator, kengetal: Kengetal, dimensie: Dimensie) -> Indicator:
    """The kengetal as an indicator of its own (built, not read: its id has the separator)."""
    pct = eenheid(kengetal) == "percentage"
    noemer = None
    if pct:
        noemer = (
            "iedereen in de overgangen"
            if kengetal.berekening == "aandeel gestegen"
            else f"het totaal van '{indicator.naam}'"
        )
    return Indicator.model_construct(
        id=series_id(indicator, kengetal),
        naam=kengetal.naam,
        soort=indicator.soort,
        functie=indicator.functie,
        eenheid=eenheid(kengetal),
        richting=kengetal.richting,
        regionaal="gewogen gemiddelde" if pct else "som",
        noemer=noemer,
        meetwijze=meetwijze(kengetal, indicator),
        definitie=kengetal_definitie(indicator, kengetal, dimensie),
        bron=indicator.bron,
        dimensie=None,
        kengetallen=[],
    )


def _nulmeting(kengetal: Kengetal, doel: KengetalDoel, p: PrestatieIndicator, dimensie: Dimensie) -> Nulmeting | None:
    if doel.nulmeting is not None:
        return doel.nulmeting
    if p.nulmeting is None or not p.nulmeting.categorieen:
        return None
    value, _ = waarde(kengetal, p.nulmeting.categorieen, {}, dimensie)
    if value is None:
        return None
    return Nulmeting.model_construct(waarde=value, jaar=p.nulmeting.jaar, bron=p.nulmeting.bron, categorieen={})


def kengetal_prestatie(
    indicator: Indicator, kengetal: Kengetal, doel: KengetalDoel, p: PrestatieIndicator, dimensie: Dimensie
) -> PrestatieIndicator:
    """The gemeente's kengetal as a prestatie-indicator: the DVO's targets, realisaties computed."""
    realisaties = {}
    for code, real in p.realisaties.items():
        value, noemer = waarde(kengetal, real.categorieen, real.overgangen, dimensie)
        if value is not None:
            realisaties[code] = Realisatie.model_construct(waarde=value, noemer=noemer, categorieen={}, overgangen={})
    return PrestatieIndicator.model_construct(
        indicator=series_id(indicator, kengetal),
        nulmeting=_nulmeting(kengetal, doel, p, dimensie),
        streefwaarden=dict(doel.streefwaarden),
        realisaties=realisaties,
        toelichtingen=dict(doel.toelichtingen),
        opvolging=dict(doel.opvolging),
        streefwaarden_per_categorie={},
        kengetallen={},
    )


@dataclass(frozen=True)
class Reeks:
    """One series that is judged against streefwaarden: an indicator of the catalogue, or a
    kengetal of a dimensional one (then `bron` is the gemeente's prestatie-indicator it follows from)."""

    indicator: Indicator
    prestatie: PrestatieIndicator
    bron: PrestatieIndicator
    kengetal: Kengetal | None = None


def reeksen(catalogus: Indicatoren, p: PrestatieIndicator) -> list[Reeks]:
    """The judged series of one prestatie-indicator: itself when it has streefwaarden, then each
    kengetal the DVO sets targets on, in the catalogue's order."""
    indicator = next(i for i in catalogus.indicatoren if i.id == p.indicator)
    out = [Reeks(indicator, p, p)] if p.streefwaarden or indicator.dimensie is None else []
    dimensie = catalogus.dimensie(indicator.dimensie)
    if dimensie is None:
        return out
    for k in indicator.kengetallen:
        doel = p.kengetallen.get(k.id)
        if doel is not None:
            out.append(
                Reeks(
                    kengetal_indicator(indicator, k, dimensie),
                    kengetal_prestatie(indicator, k, doel, p, dimensie),
                    p,
                    k,
                )
            )
    return out


def alle_reeksen(catalogus: Indicatoren, g: Gemeente) -> list[Reeks]:
    return [r for p in g.prestatie_indicatoren for r in reeksen(catalogus, p)]


def reeks_ids(catalogus: Indicatoren) -> list[str]:
    """Every series id the catalogue allows, in its order: each indicator, then its kengetallen."""
    return [x for i in catalogus.indicatoren for x in [i.id, *(series_id(i, k) for k in i.kengetallen)]]
