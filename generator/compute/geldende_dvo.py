"""What a gemeente's report of a period is measured against: the DVO version in force at its peildatum.

The version in force (load/dvo_versies.py) gives the afspraken, the budgets, the nulmeting and
streefwaarden and the afwijkingsregel; the working data gives what happened (realisaties,
toelichtingen, opvolging, besteed). Without a version in force the report is measured
against the current version, and says so prominently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.compute import kpi
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

    @property
    def omschrijving(self) -> str:
        """One sentence for page 1 and the colofon."""
        if self.geldend:
            return f"Gemeten tegen DVO {self.versie.omschrijving}."
        return f"Geen vastgestelde DVO op de peildatum: gemeten tegen {self.versie.omschrijving}."

    @property
    def kort(self) -> str:
        """`versie 1.0, vastgesteld`: in brackets after 'de DVO die op de peildatum gold'."""
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
        out.append(p.model_copy(update={
            "realisaties": w.realisaties if w else {},
            "toelichtingen": w.toelichtingen if w else {},
            "opvolging": w.opvolging if w else {},
        }))
    return out


def buiten_dvo(dvo: GeldendeDvo, werk: Gemeente, code: str) -> list[str]:
    """Indicators with a realisatie in the period that the DVO in force does not set (ids)."""
    in_dvo = {p.indicator for p in dvo.gemeente.prestatie_indicatoren}
    return [p.indicator for p in werk.prestatie_indicatoren if p.indicator not in in_dvo and code in p.realisaties]
