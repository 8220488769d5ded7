"""What a report puts to a decision, and who decides each point (seed 001 §10.6, §11.5.3).

Who decides comes from the region's data (`rapportage.besluitvorming`, with defaults): an
afwijking without an accepted explanation goes to the escalation body, a besluitpunt of an
earlier period that still has no opvolging goes there again, a DVO version ter besluitvorming
is the college's, and what the gemeente must pay extra at the afrekening is the raad's (it holds
the budget). The view model words the questions; the order is the data's.

A vastgestelde report is a record made from its recorded revision; decisions taken later on its
besluitpunten are read from the working data (`genomen_besluit`) and shown beside the record,
outside its controlegetal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from generator.compute.herindeling import herindelingen
from generator.compute.rapportperiode import Rapportperiode
from generator.compute.resultaat import betreft
from generator.compute.uitkomsten import Signaal
from generator.compute.verantwoording import Verantwoording
from generator.load.project import Project
from generator.models.dimensies import SEPARATOR
from generator.models.region import Opvolging

AFWIJKING, ZONDER_OPVOLGING, DVO, BIJBETALING = "afwijking", "zonder opvolging", "dvo", "bijbetaling"
ESCALATIE, COLLEGE, RAAD = "escalatie", "college", "raad"
BESLISSERS = (ESCALATIE, COLLEGE, RAAD)  # the order of the groups in a report


@dataclass(frozen=True)
class Punt:
    """One besluitpunt: what is asked, of whom."""

    soort: str  # AFWIJKING, ZONDER_OPVOLGING, DVO or BIJBETALING
    beslisser: str  # ESCALATIE, COLLEGE or RAAD
    gemeente: str | None = None  # whose college or raad (its name); None: the escalation body
    signaal: Signaal | None = None  # an afwijking (of this period, or the earlier one without opvolging)
    sinds: Rapportperiode | None = None  # ZONDER_OPVOLGING: the period it first went to the body
    bedrag: Decimal | None = None  # BIJBETALING
    versie: str | None = None  # DVO: the version ter besluitvorming
    datum: dt.date | None = None  # DVO: the version's date
    geldend: str | None = None  # DVO: the version in force meanwhile (None: the gemeente has none)


def _signalen(v: Verantwoording, periode: Rapportperiode, slug: str | None) -> list[Signaal]:
    """The period's afwijkingen for the report of `slug` (None: the region): a gemeente's own and the
    regional ones on a series in its DVO."""
    out = v.signalen(periode, slug)
    if slug is None:
        return out
    return [s for s in out if not s.regionaal or betreft(v, slug, periode, s.indicator.id)]


def naar_bestuur(v: Verantwoording, periode: Rapportperiode, slug: str | None) -> list[Signaal]:
    """The period's afwijkingen without an accepted explanation."""
    return [s for s in _signalen(v, periode, slug) if s.bron.naar_bestuur]


def verklaard(v: Verantwoording, periode: Rapportperiode, slug: str | None) -> list[Signaal]:
    return [s for s in _signalen(v, periode, slug) if not s.bron.naar_bestuur]


def vorige_besluitpunten(v: Verantwoording, periode: Rapportperiode, slug: str | None) -> list[Signaal]:
    """What went to the escalation body in the previous period: its follow-up is reported now."""
    vorige = v.vorige(periode)
    if vorige is None or (slug is not None and not v.rapporteert(slug, vorige)):
        return []  # a gemeente made by a herindeling: its predecessors' escalations were their own
    return naar_bestuur(v, vorige, slug)


def zonder_opvolging(
    v: Verantwoording, periode: Rapportperiode, slug: str | None
) -> list[tuple[Signaal, Rapportperiode]]:
    """Besluitpunten of earlier periods that still have no opvolging, with the period each first went
    to the escalation body: the previous period's, and those carried into it that stayed open."""
    vorige = v.vorige(periode)
    if vorige is None or (slug is not None and not v.rapporteert(slug, vorige)):
        return []
    eerder = [(s, vorige) for s in naar_bestuur(v, vorige, slug)] + zonder_opvolging(v, vorige, slug)
    return [(s, sinds) for s, sinds in eerder if s.bron.opvolging is None]


def genomen_besluit(project: Project, s: Signaal, periode: Rapportperiode) -> Opvolging | None:
    """The decision on an afwijking of `periode` as the data of `project` records it (the working
    data, for a vastgestelde report made from an earlier revision)."""
    if s.regio is not None:
        return project.regio.rapportage.opvolging.get(s.indicator.id, {}).get(periode.code)
    u = s.uitkomst
    if u is None:
        return None
    try:
        g = herindelingen(project).gemeente(u.gemeente.slug)
    except (KeyError, StopIteration):
        return None
    bron, _, kengetal = u.indicator.id.partition(SEPARATOR)
    for p in g.prestatie_indicatoren:
        if p.indicator == bron:
            if kengetal:  # a kengetal's opvolging is kept with its targets
                doel = p.kengetallen.get(kengetal)
                return doel.opvolging.get(periode.code) if doel is not None else None
            return p.opvolging.get(periode.code)
    return None


def besluitpunten(v: Verantwoording, periode: Rapportperiode, slug: str | None) -> list[Punt]:
    """Every besluitpunt of the report of `slug` (None: the region) in the period, in the order
    the report lists them: this period's afwijkingen, the earlier ones without opvolging, a DVO
    ter besluitvorming (only in the latest period: it is today's question), the bijbetalingen."""
    regels = v.project.regio.rapportage.besluitvorming
    eigen = v.model(slug).naam if slug is not None else None

    def wie(beslisser: str, s: Signaal) -> str | None:
        """A college or raad is a gemeente's: the afwijking's own, or the report's gemeente."""
        if beslisser == ESCALATIE:
            return None
        return s.uitkomst.gemeente.naam if s.uitkomst is not None else eigen

    out = [Punt(AFWIJKING, regels.afwijking, wie(regels.afwijking, s), s) for s in naar_bestuur(v, periode, slug)]
    out += [
        Punt(ZONDER_OPVOLGING, regels.zonder_opvolging, wie(regels.zonder_opvolging, s), s, sinds)
        for s, sinds in zonder_opvolging(v, periode, slug)
    ]
    gemeenten = [v.model(slug)] if slug is not None else v.gemeenten_in(periode)
    if v.perioden and v.perioden[-1] == periode:
        for g in gemeenten:
            if g.dvo is None:
                continue
            huidig = v.versies.huidig(g.slug)
            if huidig.status == "ter besluitvorming":
                geldend = v.versies.laatst_geldend(g.slug)
                out.append(
                    Punt(
                        DVO,
                        regels.dvo,
                        g.naam,
                        versie=huidig.versie,
                        datum=huidig.datum,
                        geldend=geldend.versie if geldend else None,
                    )
                )
    if periode.jaareinde:
        for g in gemeenten:
            saldo = v.financien(g.slug, periode).afrekening.te_verrekenen
            if saldo is not None and saldo < 0:  # on balance the gemeente pays extra
                out.append(Punt(BIJBETALING, regels.bijbetaling, g.naam, bedrag=-saldo))
    return out
