"""What a gemeente's report of a period is measured against: the DVO version in force at its peildatum.

The version in force (load/dvo_versies.py) gives the afspraken, the budgets, the nulmeting and
streefwaarden and the afwijkingsregel; the working data gives what happened (realisaties,
toelichtingen, opvolging, besteed). Without a version in force the report is measured
against the current version, and says so prominently.

A gemeente made by a herindeling has no DVO of its own: as rechtsopvolger it is party to its
predecessors' DVO's. It is measured against each predecessor's version in force on the
peildatum, combined as compute/herindeling combines the working data (`opvolger`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.compute import kpi
from generator.compute.herindeling import namen
from generator.load.dvo_versies import DvoVersie, DvoVersies
from generator.models.gemeente import Gemeente, PrestatieIndicator
from generator.models.region import Afrekenregels


@dataclass(frozen=True)
class GeldendeDvo:
    """The DVO a gemeente is measured against on one peildatum."""

    versie: DvoVersie  # the version in force, or the current version when none is
    geldend: bool  # a vastgestelde or ondertekende version is in force on the peildatum
    gemeente: Gemeente  # the gemeente as that version records it
    regel: kpi.Afwijkingsregel  # from that version's region file
    afrekenregels: Afrekenregels  # idem
    peildatum: dt.date
    # A gemeente made by a herindeling: the DVO in force of each predecessor (`versie` is then
    # the first one's, `geldend` whether every predecessor has a version in force).
    voorgangers: tuple[GeldendeDvo, ...] = ()

    @property
    def versies_tekst(self) -> str:
        """The version(s) measured against: `versie 1.0, vastgesteld op 16 december 2014`, or
        for a rechtsopvolger each predecessor's with its name."""
        if not self.voorgangers:
            return self.versie.omschrijving
        return "de DVO's van " + namen([f"{d.gemeente.naam} ({d.versie.omschrijving})" for d in self.voorgangers])

    @property
    def tegen(self) -> str:
        """What page 1 says after 'Gemeten tegen'."""
        if self.voorgangers:
            return self.versies_tekst + ("" if self.geldend else " (niet elke versie vastgesteld)")
        return (
            f"DVO {self.versie.omschrijving}" if self.geldend else f"geen vastgestelde DVO; {self.versie.omschrijving}"
        )

    @property
    def omschrijving(self) -> str:
        """One sentence for page 1 and the colofon."""
        if self.voorgangers:
            if self.geldend:
                return f"Als rechtsopvolger gemeten tegen {self.versies_tekst}."
            zonder = namen([d.gemeente.naam for d in self.voorgangers if not d.geldend])
            return (
                f"Als rechtsopvolger gemeten tegen {self.versies_tekst}; {zonder} had op de peildatum geen "
                "vastgestelde DVO."
            )
        if self.geldend:
            return f"Gemeten tegen DVO {self.versie.omschrijving}."
        return f"Geen vastgestelde DVO op de peildatum: gemeten tegen {self.versie.omschrijving}."

    @property
    def kort(self) -> str:
        """`versie 1.0, vastgesteld`: in brackets after 'de DVO die op de peildatum gold'."""
        if self.voorgangers:
            return "als rechtsopvolger: " + "; ".join(f"{d.gemeente.naam} {d.kort}" for d in self.voorgangers)
        return f"versie {self.versie.versie}, {self.versie.status}"

    def indicator(self, indicator_id: str) -> PrestatieIndicator | None:
        return next((p for p in self.gemeente.prestatie_indicatoren if p.indicator == indicator_id), None)


def geldende_dvo(versies: DvoVersies, slug: str, peildatum: dt.date) -> GeldendeDvo:
    versie = versies.geldend(slug, peildatum)
    geldend = versie is not None
    if versie is None:
        versie = versies.huidig(slug)
    project = versies.project_van(versie)
    return GeldendeDvo(
        versie=versie,
        geldend=geldend,
        gemeente=versies.gemeente_van(versie),
        regel=kpi.afwijkingsregel(project.regio.rapportage.drempels),
        afrekenregels=project.regio.afrekening,
        peildatum=peildatum,
    )


def opvolger(delen: list[GeldendeDvo], gemeente: Gemeente) -> GeldendeDvo:
    """The DVO's a gemeente made by a herindeling is measured against: its predecessors' in force
    (`delen`, in the order of the herindeling), with `gemeente` the predecessors as those
    versions record them, combined."""
    eerste = delen[0]
    return GeldendeDvo(
        versie=eerste.versie,
        geldend=all(d.geldend for d in delen),
        gemeente=gemeente,
        regel=eerste.regel,
        afrekenregels=eerste.afrekenregels,
        peildatum=eerste.peildatum,
        voorgangers=tuple(delen),
    )


def gemeten(dvo: Gemeente, werk: Gemeente) -> list[PrestatieIndicator]:
    """The gemeente's indicators as its DVO sets them (`dvo`: the gemeente as a version records
    it: nulmeting, streefwaarden), with what happened from the working data `werk`
    (realisaties, toelichtingen, opvolging)."""
    eigen = {p.indicator: p for p in werk.prestatie_indicatoren}
    out = []
    for p in dvo.prestatie_indicatoren:
        w = eigen.get(p.indicator)
        if w is p:
            out.append(p)
            continue
        out.append(
            p.model_copy(
                update={
                    "realisaties": w.realisaties if w else {},
                    "toelichtingen": w.toelichtingen if w else {},
                    "opvolging": w.opvolging if w else {},
                }
            )
        )
    return out


def buiten_dvo(dvo: GeldendeDvo, werk: Gemeente, code: str) -> list[str]:
    """Indicators with a realisatie in the period that the DVO in force does not set (ids)."""
    in_dvo = {p.indicator for p in dvo.gemeente.prestatie_indicatoren}
    return [p.indicator for p in werk.prestatie_indicatoren if p.indicator not in in_dvo and code in p.realisaties]
