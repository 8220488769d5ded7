"""The budget model: maatwerkbudget = participatiebudget + i-deel - basis - verplichtingen.

Pure functions on validated models. Every total is computed from its parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import ROUND_DOWN, Decimal

from generator.models.gemeente import Gemeente
from generator.models.region import Regio
from generator.models.types import FLATTENED

ZERO = Decimal(0)


@dataclass(frozen=True)
class BasisRegio:
    """The regional basisdienstverlening for one year: the direct costs per functie of the region
    (functie id -> amount, in the order of `regio.functies`) and the indirect costs."""

    jaar: int
    # Flattened into the DVO's content (render/documents/dvo/inhoud.py): each functie is a key
    # next to `jaar`, the shape the content had when the three cost lines were fixed fields.
    kosten: dict[str, Decimal] = field(metadata={FLATTENED: True})
    indirecte_kosten: Decimal
    indirect_afgetopt: bool

    @property
    def directe_kosten(self) -> Decimal:
        return sum(self.kosten.values(), ZERO)

    @property
    def totaal(self) -> Decimal:
        return self.directe_kosten + self.indirecte_kosten


def basis_regio(regio: Regio, jaar: int) -> BasisRegio:
    """Indirect costs: `percentage` of the direct costs, at most `maximum`.

    The one rounding in the budget model happens here: the percentage is a
    ceiling ("ten hoogste"), so the result is rounded *down* to whole euros and
    the organisation never charges more than the rule allows.
    """
    rule = regio.basisdienstverlening.indirecte_kosten
    regels = regio.basisdienstverlening.jaren[jaar]
    order = {t.id: n for n, t in enumerate(regio.functies)}
    kosten = {f: regels[f] for f in sorted(regels, key=lambda f: (order.get(f, len(order)), f))}
    direct = sum(kosten.values(), ZERO)
    by_rate = (direct * rule.percentage / 100).quantize(Decimal(1), rounding=ROUND_DOWN)
    capped = by_rate > rule.maximum
    return BasisRegio(
        jaar=jaar,
        kosten=kosten,
        indirecte_kosten=rule.maximum if capped else by_rate,
        indirect_afgetopt=capped,
    )


@dataclass(frozen=True)
class BudgetRegel:
    """One row of the budget table: a gemeente (or the region) in one year."""

    gemeente: str  # slug, or "regio" for the total
    naam: str
    jaar: int
    participatiebudget: Decimal
    ideel_loonkostensubsidie: Decimal
    basisdienstverlening: Decimal
    verplichtingen: Decimal

    @property
    def beschikbaar(self) -> Decimal:
        return self.participatiebudget + self.ideel_loonkostensubsidie

    @property
    def maatwerkbudget(self) -> Decimal:
        return self.beschikbaar - self.basisdienstverlening - self.verplichtingen

    def as_dict(self) -> dict:
        """The fixed JSON shape of `dvo budget --format json` (DESIGN.md)."""
        return {
            "gemeente": self.gemeente,
            "jaar": self.jaar,
            "participatiebudget": self.participatiebudget,
            "ideel_loonkostensubsidie": self.ideel_loonkostensubsidie,
            "beschikbaar": self.beschikbaar,
            "basisdienstverlening": self.basisdienstverlening,
            "verplichtingen": self.verplichtingen,
            "maatwerkbudget": self.maatwerkbudget,
        }


AMOUNT_FIELDS = [f.name for f in fields(BudgetRegel) if f.name not in ("gemeente", "naam", "jaar")]


def budget_gemeente(gemeente: Gemeente, jaar: int) -> BudgetRegel:
    f = gemeente.financien[jaar]
    return BudgetRegel(
        gemeente=gemeente.slug,
        naam=gemeente.naam,
        jaar=jaar,
        participatiebudget=f.participatiebudget,
        ideel_loonkostensubsidie=f.ideel_loonkostensubsidie,
        basisdienstverlening=f.basisdienstverlening,
        verplichtingen=gemeente.verplichtingen_in(jaar),
    )


def budget_totaal(rows: list[BudgetRegel], jaar: int, naam: str) -> BudgetRegel:
    """The regional row: the sum of the gemeenten's rows, field by field."""
    sums = {name: sum((getattr(r, name) for r in rows), ZERO) for name in AMOUNT_FIELDS}
    return BudgetRegel(gemeente="regio", naam=naam, jaar=jaar, **sums)
