"""The overall result of one report, as the raad reads it: computed once, here.

Page 1 of every verantwoordingsrapportage (HTML and PDF) and the gemeente page of the site
print the sentences of these objects, so the three places cannot differ:

- `Telling`: how many judged series are op koers, aandachtspunt or afwijking (and how many
  have no verdict or no realisatie yet);
- `Resultaat`: a gemeente's own series, plus the regional afwijkingen that concern it (on a
  series in its own DVO), or, for the region, its regional figures and all gemeenten's series;
- `Geld`: the bijdrage against what was spent, and at year end the afrekening.

A regional afwijking is never counted among a gemeente's own afwijkingen: it is named beside
them, in the same words on every page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from generator.compute import kpi
from generator.compute.financien import Financien, sum_known
from generator.compute.rapportperiode import Rapportperiode
from generator.compute.uitkomsten import Regiowaarde, Uitkomst
from generator.compute.verantwoording import Verantwoording
from generator.util import formatting

STATUSSEN = (
    (kpi.OP_KOERS, "op koers", "op koers"),
    (kpi.AANDACHTSPUNT, "aandachtspunt", "aandachtspunten"),
    (kpi.AFWIJKING, "afwijking", "afwijkingen"),
)


def _aantal(n: int, een: str, meer: str) -> str:
    return f"{n} {een if n == 1 else meer}"


@dataclass(frozen=True)
class Telling:
    """Judged series per status."""

    op_koers: int
    aandachtspunt: int
    afwijking: int
    zonder_oordeel: int  # a realisatie, but no verdict (a regional figure of one gemeente, ...)
    zonder_realisatie: int

    @staticmethod
    def van(items: Iterable[Uitkomst | Regiowaarde]) -> Telling:
        items = list(items)
        gemeten = [i for i in items if i.realisatie is not None]
        per = {s: sum(1 for i in gemeten if i.status == s) for s, _, _ in STATUSSEN}
        return Telling(
            per[kpi.OP_KOERS],
            per[kpi.AANDACHTSPUNT],
            per[kpi.AFWIJKING],
            sum(1 for i in gemeten if i.status is None),
            len(items) - len(gemeten),
        )

    def aantal(self, status: str) -> int:
        return {kpi.OP_KOERS: self.op_koers, kpi.AANDACHTSPUNT: self.aandachtspunt, kpi.AFWIJKING: self.afwijking}[
            status
        ]

    @property
    def gemeten(self) -> int:
        """Series with a realisatie."""
        return self.op_koers + self.aandachtspunt + self.afwijking + self.zonder_oordeel

    @property
    def delen(self) -> list[str]:
        """`["6 op koers", "2 aandachtspunten", "1 afwijking"]`: every status, also at 0, in a fixed order."""
        out = [_aantal(self.aantal(s), een, meer) for s, een, meer in STATUSSEN]
        if self.zonder_oordeel:
            out.append(f"{self.zonder_oordeel} zonder oordeel")
        return out

    @property
    def tekst(self) -> str:
        """`6 op koers, 2 aandachtspunten en 1 afwijking`."""
        delen = self.delen
        return ", ".join(delen[:-1]) + " en " + delen[-1]


@dataclass(frozen=True)
class Resultaat:
    """The overall result of a gemeente (or the region) in a period."""

    periode: Rapportperiode
    gemeente: str | None  # the gemeente's name; None: the region's report
    regio: str  # the region's name
    telling: Telling  # the gemeente's own series; the region: its regional figures
    regionale_afwijkingen: list[Regiowaarde]  # a gemeente: regional afwijkingen on its series; region: all
    gemeenten: Telling | None = None  # the region: every gemeente's series together

    @property
    def afwijkingen(self) -> int:
        """The gemeente's own afwijkingen (the region: the regional ones)."""
        return self.telling.afwijking

    @property
    def zin(self) -> str:
        """The result in one sentence, the same on page 1 and on the gemeente page."""
        t = self.telling
        if self.gemeente is not None:
            if not t.gemeten:
                return f"{self.gemeente} heeft in {self.periode.label} nog geen realisaties."
            zin = (
                f"{self.gemeente} heeft in {self.periode.label} een realisatie op "
                f"{_aantal(t.gemeten, 'prestatie-indicator', 'prestatie-indicatoren')}: {t.tekst}."
            )
            n = len(self.regionale_afwijkingen)
            if n:
                namen = ", ".join(f"‘{r.indicator.naam}’" for r in self.regionale_afwijkingen)
                zin += (
                    f" Daarnaast {'wijkt' if n == 1 else 'wijken'} in de regio als geheel {n} "
                    f"{'indicator' if n == 1 else 'indicatoren'} uit de DVO van {self.gemeente} af: {namen}."
                )
            return zin
        zin = (
            f"Regio {self.regio} heeft in {self.periode.label} "
            f"{_aantal(t.gemeten, 'regionale waarde', 'regionale waarden')}: {t.tekst}."
        )
        if self.gemeenten is not None and self.gemeenten.gemeten:
            zin += f" Bij de gemeenten samen ({self.gemeenten.gemeten} uitkomsten): {self.gemeenten.tekst}."
        return zin


def resultaat(v: Verantwoording, periode: Rapportperiode, slug: str | None = None) -> Resultaat:
    """The result of gemeente `slug` in the period (None: the region's)."""
    naam = v.project.regio.naam
    if slug is not None:
        rows = v.gemeente(slug, periode)
        regionaal = [r for _, r in rows if r.regionaal and r.status == kpi.AFWIJKING]
        return Resultaat(periode, v.model(slug).naam, naam, Telling.van(u for u, _ in rows), regionaal)
    waarden = [r for r in v.regiowaarden(periode) if r.regionaal]
    alle = [u for g in v.gemeenten_in(periode) for u, _ in v.gemeente(g.slug, periode)]
    return Resultaat(
        periode,
        None,
        naam,
        Telling.van(waarden),
        [r for r in waarden if r.status == kpi.AFWIJKING],
        Telling.van(alle),
    )


def betreft(v: Verantwoording, slug: str, periode: Rapportperiode, indicator_id: str) -> bool:
    """Does a regional figure concern gemeente `slug`: is the series in its DVO in force?"""
    return any(r.indicator.id == indicator_id for r in v.reeksen(v.model(slug), periode))


@dataclass(frozen=True)
class Geld:
    """The bijdrage against what was spent up to the peildatum, and at year end the afrekening
    (`te_verrekenen`: positive back to the gemeente(n), negative paid extra)."""

    periode: Rapportperiode
    bijdrage: Decimal
    besteed: Decimal | None  # None while not every line has spending
    te_verrekenen: Decimal | None  # at year end; None: not every spending known, or not year end
    terugbetaling: Decimal
    bijbetaling: Decimal
    ten_laste_organisatie: Decimal
    organisatie: str  # the region's short name, as it reads in a sentence
    gemeenten: bool = False  # the region's: every gemeente summed

    @property
    def percentage(self) -> Decimal | None:
        return None if self.besteed is None or not self.bijdrage else self.besteed / self.bijdrage * kpi.HUNDRED

    @property
    def niet_besteed(self) -> Decimal | None:
        return None if self.besteed is None else self.bijdrage - self.besteed

    @property
    def zin(self) -> str:
        """`Besteed € 889.981 van de bijdrage van € 900.731 (98,8%); € 10.750 niet besteed.`"""
        if self.besteed is None:
            return (
                f"Bijdrage {self.periode.jaar}: {formatting.euro(self.bijdrage)}; de besteding tot en met "
                f"{formatting.date_long(self.periode.einddatum)} is nog niet (volledig) opgegeven."
            )
        zin = (
            f"Besteed tot en met {formatting.date_long(self.periode.einddatum)}: {formatting.euro(self.besteed)} "
            f"van de bijdrage van {formatting.euro(self.bijdrage)}"
        )
        if self.percentage is not None:
            zin += f" ({formatting.percentage(self.percentage)})"
        rest = self.niet_besteed
        if rest is not None and rest > 0:
            zin += f"; {formatting.euro(rest)} niet besteed"
        elif rest is not None and rest < 0:
            zin += f"; {formatting.euro(-rest)} meer besteed dan de bijdrage"
        return zin + "."

    @property
    def afrekening(self) -> str | None:
        """At year end, the afrekening in one sentence; None before."""
        if not self.periode.jaareinde:
            return None
        if self.te_verrekenen is None:
            return f"Afrekening {self.periode.jaar}: nog niet vast te stellen, want niet alle besteding is opgegeven."
        wie = "de gemeenten" if self.gemeenten else "de gemeente"
        delen = []
        if self.terugbetaling:
            delen.append(f"{formatting.euro(self.terugbetaling)} terug naar {wie}")
        if self.bijbetaling:
            delen.append(f"{formatting.euro(self.bijbetaling)} bij te betalen door {wie}")
        if not delen:
            delen.append("niets te verrekenen")
        zin = f"Afrekening {self.periode.jaar}: {' en '.join(delen)}"
        if self.terugbetaling and self.bijbetaling:
            saldo = self.te_verrekenen
            zin += f" (per saldo {formatting.euro(abs(saldo))} {'terug' if saldo >= 0 else 'bij'})"
        if self.ten_laste_organisatie:
            zin += f"; {formatting.euro(self.ten_laste_organisatie)} komt voor rekening van {self.organisatie}"
        return zin + "."


def geld(v: Verantwoording, periode: Rapportperiode, slug: str | None = None) -> Geld:
    """The money of gemeente `slug` (None: every gemeente of the period summed)."""
    slugs = [slug] if slug is not None else [g.slug for g in v.gemeenten_in(periode)]
    rows: list[Financien] = [v.financien(s, periode) for s in slugs]
    return Geld(
        periode,
        sum((f.totaal.budget for f in rows), Decimal(0)),
        sum_known([f.totaal.besteed for f in rows]),
        sum_known([f.afrekening.te_verrekenen for f in rows]) if periode.jaareinde else None,
        sum((f.afrekening.terugbetaling for f in rows), Decimal(0)),
        sum((f.afrekening.bijbetaling for f in rows), Decimal(0)),
        sum((f.afrekening.ten_laste_organisatie for f in rows), Decimal(0)),
        v.project.regio.kort,
        gemeenten=slug is None,
    )
