"""The reporting calendar: a period of the region's scheme (a year, a tertaal, a kwartaal),
its peildatum and its neighbours. Codes and schemes are models/periods.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.models import periods


@dataclass(frozen=True)
class Rapportperiode:
    code: str  # "2016", "2016-T2"
    jaar: int
    nummer: int  # within the year
    delen: int  # periods per year

    @property
    def einddatum(self) -> dt.date:
        """Last day of the period: the report's peildatum (deterministic, never the clock)."""
        month = 12 * self.nummer // self.delen
        first_next = dt.date(self.jaar + (month == 12), month % 12 + 1, 1)
        return first_next - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        if self.delen == 1:
            return str(self.jaar)
        return f"{'tertaal' if self.delen == 3 else 'kwartaal'} {self.nummer} van {self.jaar}"

    @property
    def kort(self) -> str:
        """Within its year: "T2", "Q3"; a year is itself."""
        return self.code.split("-")[1] if self.delen > 1 else self.code

    @property
    def jaareinde(self) -> bool:
        return self.nummer == self.delen

    @property
    def scheme(self) -> str:
        return {1: "jaar", 3: "tertaal", 4: "kwartaal"}[self.delen]

    def vorige(self) -> Rapportperiode:
        """The period before this one in the same scheme (across a year boundary)."""
        jaar, nummer = (self.jaar, self.nummer - 1) if self.nummer > 1 else (self.jaar - 1, self.delen)
        return Rapportperiode.van(jaar, nummer, self.scheme)

    @classmethod
    def van(cls, jaar: int, nummer: int, scheme: str) -> Rapportperiode:
        """Period `nummer` of `jaar` in `scheme`."""
        return cls(periods.code(jaar, nummer, scheme), jaar, nummer, periods.SCHEMES[scheme][1])


def parse(code: str, scheme: str) -> Rapportperiode:
    """The period of a valid code of `scheme` (validation has checked it)."""
    parsed = periods.parse_code(code, scheme)
    if parsed is None:
        raise ValueError(f"{code!r} is not a period of scheme {scheme!r}")
    return Rapportperiode.van(*parsed, scheme)
