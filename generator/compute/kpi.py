"""KPI realisation: direction-aware scores, the afwijkingsregel, regional aggregation.

Pure functions on plain values.

- `percentage`: realisatie as a percentage of the streefwaarde (what the report prints).
- `score`: the same, direction-aware: for "lager is beter" it is streefwaarde / realisatie,
  so a lower realisation scores higher. Status compares the score to the region's thresholds.
- `Afwijkingsregel`: THE rule for a "sterke afwijking", defined once: it classifies a
  realisatie (status, with the reason when a special rule applied) and describes itself in
  Dutch, for the report's leeswijzer and for the DVO article that defines a sterke afwijking.
- Regional values: counts (`som`) are summed; ratios (`gewogen gemiddelde`) are weighted
  by their denominator (`noemer`), never a plain mean of percentages.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.models.catalog import Indicator
from generator.models.region import Drempels
from generator.util.errors import DvoError
from generator.util.formatting import number

HUNDRED = Decimal(100)

OP_KOERS, AANDACHTSPUNT, AFWIJKING = "op koers", "aandachtspunt", "afwijking"


def percentage(realisatie: Decimal, streefwaarde: Decimal) -> Decimal | None:
    if streefwaarde == 0:
        return None
    return realisatie / streefwaarde * HUNDRED


def score(indicator: Indicator, realisatie: Decimal, streefwaarde: Decimal) -> Decimal | None:
    """Direction-aware percentage of target: 100 means exactly on target."""
    return _score(indicator.richting == "lager is beter", realisatie, streefwaarde)


def _score(lager_beter: bool, realisatie: Decimal, streefwaarde: Decimal) -> Decimal | None:
    if not lager_beter:
        return percentage(realisatie, streefwaarde)
    if realisatie == 0:
        return None if streefwaarde == 0 else Decimal("Infinity")  # nothing where less is better
    return streefwaarde / realisatie * HUNDRED


def status(value: Decimal | None, drempels: Drempels) -> str | None:
    """Status by percentage of target alone (no special rules): see Afwijkingsregel."""
    if value is None:
        return None
    if value >= drempels.op_koers_vanaf:
        return OP_KOERS
    if value >= drempels.afwijking_onder:
        return AANDACHTSPUNT
    return AFWIJKING


@dataclass(frozen=True)
class Oordeel:
    """The outcome of the afwijkingsregel for one realisatie."""

    status: str | None
    score: Decimal | None  # direction-aware percentage of target (100 = on target)
    punten: Decimal | None = None  # 1-10 scores: points above (+) or below (-) the target, direction-aware
    reden: str | None = None  # Dutch, when a special rule decided the status

    @property
    def rangwaarde(self) -> Decimal | None:
        """What gemeenten are ranked by: points for scores, else the percentage."""
        return self.punten if self.punten is not None else self.score


@dataclass(frozen=True)
class Afwijkingsregel:
    """When is a realisatie op koers, an aandachtspunt or a (sterke) afwijking.

    Plain data in (the region's Drempels, an indicator's richting, two numbers, which rules apply),
    plain data and Dutch text out: usable from any view model, report or DVO.
    """

    drempels: Drempels

    def beoordeel(
        self,
        richting: str,
        realisatie: Decimal | None,
        streefwaarde: Decimal | None,
        *,
        punten: bool = False,
        aantal: bool = False,
    ) -> Oordeel:
        """The verdict on one realisatie. The indicator's kind (models/kinds.py) says which rules
        apply: `punten` for a 1-10 score (judged by its shortfall in points, when the region sets
        that rule), `aantal` for a count (a small difference is never a sterke afwijking)."""
        if realisatie is None or streefwaarde is None:
            return Oordeel(None, None)
        lager_beter = richting == "lager is beter"
        value = _score(lager_beter, realisatie, streefwaarde)
        cijfers = self.drempels.rapportcijfers
        if punten and cijfers is not None:
            verschil = (streefwaarde - realisatie) if lager_beter else (realisatie - streefwaarde)
            tekort = -verschil
            found: str | None
            if tekort >= cijfers.afwijking_vanaf:
                found = AFWIJKING
            elif tekort >= cijfers.aandachtspunt_vanaf:
                found = AANDACHTSPUNT
            else:
                found = OP_KOERS
            return Oordeel(found, value, verschil, "rapportcijfer: beoordeeld op het verschil in punten")
        found = status(value, self.drempels)
        minimum = self.drempels.minimaal_verschil_aantallen
        if found == AFWIJKING and aantal and minimum is not None:
            verschil = abs(realisatie - streefwaarde)
            if verschil < minimum:
                reden = (
                    "klein aantal: het verschil met de streefwaarde "
                    f"({number(verschil, decimals=_decimals(verschil))}) is kleiner dan {minimum}"
                )
                return Oordeel(AANDACHTSPUNT, value, None, reden)
        return Oordeel(found, value)

    def beschrijving(self) -> list[str]:
        """The rule in Dutch, one sentence per part, for a leeswijzer or a DVO article."""
        d = self.drempels
        hoog, laag = number(d.op_koers_vanaf), number(d.afwijking_onder)
        out = [
            "De prestatie is de realisatie als percentage van de streefwaarde; waar lager beter is, "
            "is het de streefwaarde gedeeld door de realisatie, maal 100.",
            f"Op koers: een prestatie van {hoog}% of meer. Aandachtspunt: van {laag}% tot {hoog}%. "
            f"Sterke afwijking: een prestatie van minder dan {laag}%.",
        ]
        if d.minimaal_verschil_aantallen is not None:
            out.append(
                f"Kleine aantallen: bij een aantal is een verschil met de streefwaarde van minder dan "
                f"{d.minimaal_verschil_aantallen} nooit een sterke afwijking, hoe groot het percentage ook is; "
                "zo'n verschil is hooguit een aandachtspunt."
            )
        if d.rapportcijfers is not None:
            a, b = d.rapportcijfers.aandachtspunt_vanaf, d.rapportcijfers.afwijking_vanaf
            out.append(
                "Rapportcijfers (1 tot 10) worden beoordeeld op het verschil in punten, niet op een percentage: "
                f"op koers bij minder dan {_punt(a)} onder de streefwaarde, aandachtspunt vanaf {_punt(a)} eronder, "
                f"sterke afwijking vanaf {_punt(b)} eronder."
            )
        return out


def _decimals(value: Decimal) -> int:
    return 0 if value == value.to_integral_value() else 1


def _punt(value: Decimal) -> str:
    return f"{number(value, decimals=1)} punt"


def afwijkingsregel(drempels: Drempels) -> Afwijkingsregel:
    return Afwijkingsregel(drempels)


@dataclass(frozen=True)
class Waarde:
    """One gemeente's value for an indicator in a period."""

    gemeente: str
    waarde: Decimal
    noemer: Decimal | None = None


class MissingDenominator(DvoError, ValueError):
    """A weighted regional value needs every gemeente's noemer (validation requires them)."""


def regional(indicator: Indicator, waarden: list[Waarde]) -> Decimal | None:
    """The region's value: a sum for counts, a denominator-weighted mean for ratios."""
    if not waarden:
        return None
    if indicator.regionaal == "som":
        return sum((w.waarde for w in waarden), Decimal(0))
    missing = [w.gemeente for w in waarden if w.noemer is None]
    if missing:
        raise MissingDenominator(f"noemer ontbreekt voor {', '.join(missing)}")
    # Every noemer is known from here on (raised above); the filters only tell mypy so.
    total = sum((w.noemer for w in waarden if w.noemer is not None), Decimal(0))
    if total == 0:
        return None
    return sum((w.waarde * w.noemer for w in waarden if w.noemer is not None), Decimal(0)) / total


def ranking(scores: dict[str, Decimal | None]) -> dict[str, int]:
    """Place of each gemeente by direction-aware score (1 = best); equal scores share a place."""
    ordered = sorted((s for s in scores.values() if s is not None), reverse=True)
    return {g: 1 + ordered.index(s) for g, s in scores.items() if s is not None}
