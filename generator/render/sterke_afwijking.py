"""The DVO's definition of a "sterke afwijking" (seed 001 §10.6), in words, from the thresholds.

The reports decide a status with compute/kpi.status and the same `rapportage.drempels`
from content/regio.yaml, so the agreement and the reports cannot disagree. This is
the one place that turns those thresholds into the sentences of the DVO.
"""

from __future__ import annotations

from generator.models.region import Drempels
from generator.util.formatting import number


def _pct(value) -> str:
    return f"{number(value)}%"


def definitie(drempels: Drempels) -> list[str]:
    onder, koers = _pct(drempels.afwijking_onder), _pct(drempels.op_koers_vanaf)
    return [
        "De prestatie op een indicator is de realisatie als percentage van de streefwaarde. "
        "Bij een indicator waarvoor een lagere waarde beter is, is de prestatie de streefwaarde als percentage van de realisatie.",
        f"Er is sprake van een sterke afwijking als de prestatie lager is dan {onder}.",
        f"Een prestatie van {onder} tot {koers} is een aandachtspunt; vanaf {koers} ligt de indicator op koers.",
        "Dezelfde grenzen gelden in de verantwoordingsrapportages.",
    ]
