"""Pydantic models of the YAML that policy staff edit: the single source of truth.

Also the two pure rules the data itself defines, which validation and the later
stages share: budget.py (the maatwerkbudget arithmetic) and periods.py (period codes).
"""

from generator.models.catalog import Indicator, Indicatoren, Instrument, Instrumentarium
from generator.models.gemeente import Gemeente
from generator.models.region import Regio
from generator.models.verordening import Verordening

__all__ = [
    "Gemeente",
    "Indicator",
    "Indicatoren",
    "Instrument",
    "Instrumentarium",
    "Regio",
    "Verordening",
]
