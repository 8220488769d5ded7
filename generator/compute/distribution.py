"""Distribute an amount over parties with largest-remainder rounding.

The parts always add up exactly to the whole: rounding each share on its own
loses or invents euros (the seed's transition table adds up to 1.499.999).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from generator.models.gemeente import Gemeente
from generator.models.region import Kostenpost, Verdeelsleutel


def largest_remainder(total: int, weights: list[Fraction | int | Decimal]) -> list[int]:
    """Split a whole number `total` over `weights` (>= 0, not all 0).

    Each part gets the floor of its exact share; the units left over go to the
    largest remainders, ties to the larger weight, then to the earlier party.
    A larger weight therefore never gets less than a smaller one.
    """
    if total < 0:
        raise ValueError("total must be >= 0")
    exact_weights = [Fraction(w) for w in weights]
    if any(w < 0 for w in exact_weights):
        raise ValueError("weights must be >= 0")
    weight_sum = sum(exact_weights)
    if weight_sum == 0:
        raise ValueError("weights must not all be 0")
    shares = [total * w / weight_sum for w in exact_weights]
    parts = [s.numerator // s.denominator for s in shares]
    left = total - sum(parts)
    order = sorted(range(len(shares)), key=lambda i: (-(shares[i] - parts[i]), -exact_weights[i], i))
    for i in order[:left]:
        parts[i] += 1
    return parts


@dataclass(frozen=True)
class VerdelingRegel:
    gemeente: str
    naam: str
    per_criterium: dict[str, int]  # kenmerk -> euros

    @property
    def totaal(self) -> int:
        return sum(self.per_criterium.values())


@dataclass(frozen=True)
class Verdeling:
    kostenpost: Kostenpost
    sleutel: Verdeelsleutel
    criterium_bedragen: dict[str, int]
    regels: list[VerdelingRegel]

    @property
    def totaal(self) -> int:
        return sum(r.totaal for r in self.regels)


def verdeel(post: Kostenpost, sleutel: Verdeelsleutel, gemeenten: list[Gemeente]) -> Verdeling:
    """Two levels, like the seed's table: first the whole over the criteria by
    weight, then each criterion's amount over the gemeenten by their kenmerk.
    Rows, columns and the grand total all add up exactly."""
    whole = post.totaal
    if whole != whole.to_integral_value():
        raise ValueError("distribution works in whole euros")
    kenmerken = [c.kenmerk for c in sleutel.criteria]
    per_criterion = largest_remainder(int(whole), [c.gewicht for c in sleutel.criteria])
    columns = {
        k: largest_remainder(amount, [getattr(g.kerngegevens, k) for g in gemeenten])
        for k, amount in zip(kenmerken, per_criterion, strict=True)
    }
    regels = [VerdelingRegel(g.slug, g.naam, {k: columns[k][i] for k in kenmerken}) for i, g in enumerate(gemeenten)]
    return Verdeling(post, sleutel, dict(zip(kenmerken, per_criterion, strict=True)), regels)
