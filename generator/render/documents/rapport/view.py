"""The view model of a verantwoordingsrapportage, per gemeente and for the region, per period.

The figures come from `compute/verantwoording.py`; this module arranges them for the
templates (texts that combine figures, charts, the decision list); `render.py` renders
them through the path every document shares. Templates only format what is here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from markupsafe import Markup, escape

from generator.compute import besluitpunten as besluiten
from generator.compute import kpi, verdelingen
from generator.compute.financien import (
    AFSPRAAK,
    NIET_OPGEGEVEN,
    ONDERBESTEED,
    OVERSCHREDEN,
    ZONDER_AFSPRAAK,
    Begrotingsregel,
    Financien,
    sum_known,
)
from generator.compute.geldende_dvo import GeldendeDvo, buiten_dvo
from generator.compute.herindeling import namen as herindeling_namen
from generator.compute.rapportperiode import Rapportperiode
from generator.compute.resultaat import Geld, Resultaat, geld, resultaat
from generator.compute.uitkomsten import TE_BEOORDELEN, Regiowaarde, Signaal, Uitkomst
from generator.compute.verantwoording import REGIO, Verantwoording, bron, rapportstatus
from generator.load.project import Project
from generator.models import dimensies, kinds
from generator.models.gemeente import Gemeente, SamengevoegdeGemeente
from generator.models.region import Afrekenregels, Escalatie, Opvolging, Rapportstatus, Regio, VraagAanRaad
from generator.models.standaard import REFERENCE
from generator.render import frames
from generator.render.documents.dvo.clauses import article_numbers
from generator.render.documents.rapport import charts
from generator.render.documents.rapport.vastlegging import Herzieningsblok, herzieningen
from generator.util import formatting

# Above this many gemeenten, one bar per gemeente no longer fits a page or a reader's eye:
# the regional report's charts then show the TOP lowest and TOP highest, and its tables
# the same gemeenten from the lowest place to the highest, with the places between them
# named in one row (see regio_rapport). At 342 gemeenten the full tables made a report of
# 290 pages that needed 1.1 GB to render; every gemeente's figures stay in the open data
# and in its own report, which also gives its place.
GROTE_REGIO = 20
TOP = 10


def rapport_name(slug: str, periode: str) -> str:
    return f"rapport-{slug}-{periode}"


# --- texts that combine figures ---------------------------------------------------------


def prestatie(oordeel: kpi.Oordeel) -> str:
    """The prestatie as the rule judged it: points for 1-10 scores, else percent of target
    (models/kinds.prestatie_tekst, as on the site's gemeente page)."""
    return kinds.prestatie_tekst(oordeel)


def met_artikelen(text: str, nummers: dict[str, str]) -> Markup:
    """Toelichting text with [[artikel:id]] read as "artikel 4 van de DVO" (escaped first)."""
    return Markup(REFERENCE.sub(lambda m: f"artikel {nummers[m.group(1)]} van de DVO", str(escape(text))))


def koers_tekst(u: Uitkomst) -> str:
    """How the streefwaarde at the peildatum follows from the DVO, in one sentence."""
    dvo = "DVO" if u.gemeente.dvo is not None else "DVO's"  # a gemeente made by a herindeling: its predecessors' DVO's
    return u.kind.koers_tekst(u.periode, u.koers, dvo)


def vraag(s: Signaal, escalatie: Escalatie, organisatie: str) -> str:
    """The question the escalation body is asked to decide; `organisatie`: the region's short
    name for its organisation, as it reads in a sentence ("het Werkbedrijf")."""
    bron = s.bron
    if bron.toelichting and bron.toelichting.vraag:
        return bron.toelichting.vraag
    if bron.signalering == TE_BEOORDELEN and bron.toelichting is not None:  # te beoordelen: there is a toelichting
        return f"Aanvaardt {escalatie.aan} de verklaring '{bron.toelichting.oorzaak}' voor deze afwijking?"
    if s.regionaal:
        return (
            f"Welke regionale maatregel neemt {escalatie.aan} om de achterstand op '{s.indicator.naam}' in te lopen: "
            f"extra inzet van {organisatie}, of een andere afspraak?"
        )
    return (
        f"Welke extra inzet vraagt {escalatie.aan} van {organisatie} om de achterstand van {s.naam} op "
        f"'{s.indicator.naam}' in te lopen, of moet de afspraak in de DVO worden aangepast?"
    )


def periode_datum_tekst(status: Rapportstatus) -> str:
    v = status.vastgesteld
    if status.status == "vastgesteld" and v is not None:  # the model requires `vastgesteld` with this status
        kenmerk = f" (kenmerk {v.kenmerk})" if v.kenmerk else ""
        return f"Vastgesteld door {v.door} op {formatting.date_long(v.datum)}{kenmerk}"
    return "Concept: nog niet vastgesteld"


# --- view models -----------------------------------------------------------------------


@dataclass(frozen=True)
class Besluitpunt:
    """One point of the decision list: an afwijking (of this period, or an earlier one still
    without opvolging: `sinds`), or a DVO or bijbetaling for a gemeente's college or raad
    (`signaal` None, `titel` says what)."""

    signaal: Signaal | None
    vraag: str
    prestatie: str = ""
    realisatie: str = ""
    streefwaarde: str = ""
    soort: str = besluiten.AFWIJKING
    sinds: Rapportperiode | None = None  # zonder opvolging: the period it first went to the body
    titel: str = ""  # a point without an afwijking: what it is about
    besluit: Opvolging | None = None  # the decision taken, as the working data records it


@dataclass(frozen=True)
class Besluitgroep:
    """The besluitpunten for one body, in the report's order."""

    id: str  # anchor: "besluit-escalatie", "besluit-college-<slug>"
    orgaan: str  # as it reads after "voor": the escalation body's name with its article
    punten: list[Besluitpunt]

    @property
    def kop(self) -> str:
        return f"Besluitpunten voor {self.orgaan}"

    @property
    def aantal(self) -> int:
        return len(self.punten)


@dataclass(frozen=True)
class Opvolgpunt:
    signaal: Signaal
    prestatie: str


@dataclass(frozen=True)
class Signalering:
    """The decision list first, then what was explained, then last period's follow-up."""

    besluitpunten: list[Besluitpunt]  # this period's afwijkingen for the escalation body
    verklaard: list[Signaal]
    opvolging: list[Opvolgpunt]
    vorige: Rapportperiode | None
    groepen: list[Besluitgroep] = field(default_factory=list)  # every besluitpunt, per body
    escalatie_id: str = "besluit-escalatie"

    @property
    def alle(self) -> list[Besluitpunt]:
        return [p for g in self.groepen for p in g.punten]

    @property
    def zonder_opvolging(self) -> list[Besluitpunt]:
        return [p for p in self.alle if p.soort == besluiten.ZONDER_OPVOLGING]

    @property
    def met_besluit(self) -> list[Besluitpunt]:
        """Points of this period on which a decision was taken (recorded in the working data)."""
        return [p for p in self.alle if p.besluit is not None and p.soort == besluiten.AFWIJKING]

    @property
    def escalatiegroep(self) -> Besluitgroep | None:
        return next((g for g in self.groepen if g.id == self.escalatie_id), None)

    @property
    def andere_groepen(self) -> list[Besluitgroep]:
        return [g for g in self.groepen if g.id != self.escalatie_id]


def _besluitpunt(s: Signaal, regio: Regio, **extra) -> Besluitpunt:
    b = s.bron
    return Besluitpunt(
        s,
        vraag(s, regio.rapportage.escalatie, regio.kort),
        prestatie(b.oordeel),
        b.kind.realisatie_tekst(b.realisatie, b.noemer),
        b.kind.eenheid.tekst(b.streefwaarde),
        **extra,
    )


def orgaan_naam(regio: Regio, beslisser: str, gemeente: str | None) -> str:
    """Who decides, as it reads after "voor": the escalation body, or a gemeente's college or raad."""
    if beslisser == besluiten.ESCALATIE:
        return regio.rapportage.escalatie.aan
    b = regio.rapportage.besluitvorming
    orgaan = b.college if beslisser == besluiten.COLLEGE else b.raad
    return f"{orgaan.aan} van {gemeente}" if gemeente else f"{orgaan.aan} van elke gemeente"


def _punt(p: besluiten.Punt, regio: Regio, orgaan: str, werk: Project | None) -> Besluitpunt:
    s = p.signaal
    if s is not None and p.sinds is not None:  # an earlier besluitpunt that still has no opvolging
        eerder = _besluitpunt(s, regio)
        vraag_tekst = (
            f"Dit besluitpunt uit {p.sinds.label} heeft nog geen opvolging. Welk besluit neemt {orgaan} alsnog? "
            f"De vraag was: {eerder.vraag}"
        )
        besluit = besluiten.genomen_besluit(werk, s, p.sinds) if werk is not None else None
        return replace(eerder, vraag=vraag_tekst, soort=p.soort, sinds=p.sinds, besluit=besluit)
    if s is not None:
        besluit = besluiten.genomen_besluit(werk, s, s.bron.periode) if werk is not None else s.bron.opvolging
        punt = _besluitpunt(s, regio, soort=p.soort, besluit=besluit)
        if p.beslisser != besluiten.ESCALATIE:  # the region asks another body: the question names it
            punt = replace(punt, vraag=punt.vraag.replace(regio.rapportage.escalatie.aan, orgaan))
        return punt
    if p.soort == besluiten.DVO:
        datum = f" van {formatting.date_long(p.datum)}" if p.datum else ""
        tot_dan = (
            f"Tot dan geldt versie {p.geldend}."
            if p.geldend
            else f"{p.gemeente} heeft nog geen vastgestelde DVO: de rapportages meten tot dan tegen deze versie."
        )
        return Besluitpunt(
            None,
            f"Stelt {orgaan} versie {p.versie} van de DVO vast? {tot_dan}",
            soort=p.soort,
            titel=f"DVO {p.gemeente}: versie {p.versie}{datum} ligt ter besluitvorming",
        )
    bedrag = formatting.euro(p.bedrag or Decimal(0))
    return Besluitpunt(
        None,
        f"Stelt {orgaan} de {bedrag} voor de bijbetaling beschikbaar, met een wijziging van de begroting als het "
        "bedrag daarin niet past?",
        soort=p.soort,
        titel=f"Bijbetaling {p.gemeente}: {bedrag} uit de afrekening",
    )


def groepen(v: Verantwoording, periode: Rapportperiode, slug: str | None, werk: Project | None) -> list[Besluitgroep]:
    """Every besluitpunt of the report, grouped by who decides (compute/besluitpunten.py); the
    escalation body's group is always there (it may say that nothing goes to it)."""
    regio = v.project.regio
    out: dict[tuple[str, str | None], Besluitgroep] = {
        (besluiten.ESCALATIE, None): Besluitgroep("besluit-escalatie", regio.rapportage.escalatie.aan, [])
    }
    for p in besluiten.besluitpunten(v, periode, slug):
        key = (p.beslisser, p.gemeente if p.beslisser != besluiten.ESCALATIE else None)
        if key not in out:
            gid = f"besluit-{p.beslisser}" + (f"-{_anker(p.gemeente)}" if key[1] else "")
            out[key] = Besluitgroep(gid, orgaan_naam(regio, *key), [])
        out[key].punten.append(_punt(p, regio, out[key].orgaan, werk))
    volgorde = {b: i for i, b in enumerate(besluiten.BESLISSERS)}
    return sorted(out.values(), key=lambda g: volgorde[g.id.split("-")[1]])


def _anker(naam: str | None) -> str:
    return "".join(c if c.isalnum() else "-" for c in (naam or "").lower())


def signalering(
    v: Verantwoording, periode: Rapportperiode, slug: str | None, werk: Project | None = None
) -> Signalering:
    """The decision list of the report of `slug` (None: the region). `werk`: the working data's
    project, whose opvolging a vastgestelde report shows beside its record."""
    return Signalering(
        besluitpunten=[_besluitpunt(s, v.project.regio) for s in besluiten.naar_bestuur(v, periode, slug)],
        verklaard=besluiten.verklaard(v, periode, slug),
        opvolging=[Opvolgpunt(s, prestatie(s.bron.oordeel)) for s in besluiten.vorige_besluitpunten(v, periode, slug)],
        # A gemeente made by a herindeling had no besluitpunten of its own before its first day.
        vorige=vorige if (vorige := v.vorige(periode)) and (slug is None or v.rapporteert(slug, vorige)) else None,
        groepen=groepen(v, periode, slug, werk),
    )


def _aantal(n: int, een: str, meer: str) -> str:
    return f"{n} {een if n == 1 else meer}"


def site_pagina(project: Project) -> str | None:
    """The site's page on who decides what (`besluitvorming.pagina`), when the site has it: an
    authored page or a default page of the package, named by the region's nav."""
    from generator.load.region_files import default_pages, read_site_nav

    pagina = project.regio.rapportage.besluitvorming.pagina
    layout = project.layout
    bestaat = (layout.root / "content" / "pages" / pagina).is_file() or pagina in default_pages()
    nav = read_site_nav(layout) if layout.mkdocs.is_file() else None
    return pagina if bestaat and (nav is None or nav.names(pagina)) else None


@dataclass(frozen=True)
class Raadsoverzicht:
    """What page 1 of a report and the gemeente page tell the raad, from one set of objects: the
    overall result, the money, the besluitpunten per body, what is still without opvolging, and
    what the raad itself is asked now."""

    resultaat: Resultaat
    geld: Geld
    signalering: Signalering
    vraag: VraagAanRaad | None  # the raad's role after this report (region data), or none
    pagina: str | None  # the site's page on who decides what, when the site has it
    vastgelegd: bool  # a vastgestelde record: decisions taken later are shown beside it

    @property
    def besluit_zin(self) -> str:
        """`3 besluitpunten: 2 voor <the escalation body> (1 afwijking van <gemeente>, 1 regionaal
        cijfer); 1 voor het college van burgemeester en wethouders van <gemeente>.`"""
        s = self.signalering
        totaal = len(s.alle)
        esc = s.escalatiegroep
        if not totaal:
            zin = f"Geen besluitpunten: er gaan geen afwijkingen naar {esc.orgaan if esc else 'het bestuur'}."
        else:
            delen = []
            for g in s.groepen:
                if not g.punten:
                    continue
                uitleg = []
                if g.id == s.escalatie_id:
                    eigen = [
                        p for p in g.punten if p.soort == besluiten.AFWIJKING and p.signaal and not p.signaal.regionaal
                    ]
                    regionaal = [
                        p for p in g.punten if p.soort == besluiten.AFWIJKING and p.signaal and p.signaal.regionaal
                    ]
                    open_ = [p for p in g.punten if p.soort == besluiten.ZONDER_OPVOLGING]
                    wie = (
                        f"van {self.resultaat.gemeente}"
                        if self.resultaat.gemeente
                        else ("van een gemeente" if len(eigen) == 1 else "van gemeenten")
                    )
                    if eigen:
                        uitleg.append(f"{_aantal(len(eigen), 'afwijking', 'afwijkingen')} {wie}")
                    if regionaal:
                        uitleg.append(_aantal(len(regionaal), "regionaal cijfer", "regionale cijfers"))
                    if open_:
                        uitleg.append(f"{len(open_)} eerder, nog zonder opvolging")
                deel = f"{len(g.punten)} voor {g.orgaan}"
                if len(uitleg) > 1 or (uitleg and len(g.punten) != 1):
                    deel += f" ({', '.join(uitleg)})"
                elif uitleg:
                    deel += f" ({uitleg[0]})"
                delen.append(deel)
            zin = f"{_aantal(totaal, 'besluitpunt', 'besluitpunten')}: {'; '.join(delen)}."
        v = len(s.verklaard)
        zin += f" {v or 'Geen'} {'afwijking heeft' if v == 1 else 'afwijkingen hebben'} een aanvaarde verklaring."
        return zin

    @property
    def opvolging_zin(self) -> str | None:
        """`5 van de 9 besluitpunten van 2015 hebben nog geen opvolging; ...`, or None when all have one."""
        s = self.signalering
        if s.vorige is None:
            return None
        open_ = s.zonder_opvolging
        if not open_:
            return f"Elk besluitpunt van {s.vorige.label} heeft een opvolging." if s.opvolging else None
        vorige = [p for p in open_ if p.sinds == s.vorige]
        if not vorige:
            zin = (
                f"{_aantal(len(open_), 'besluitpunt', 'besluitpunten')} van eerder dan {s.vorige.label} "
                f"{'heeft' if len(open_) == 1 else 'hebben'} nog geen opvolging"
            )
            return zin + f"; {'het staat' if len(open_) == 1 else 'zij staan'} opnieuw bij de besluitpunten."
        zin = (
            f"{len(vorige)} van de {_aantal(len(s.opvolging), 'besluitpunt', 'besluitpunten')} van {s.vorige.label} "
            f"{'heeft' if len(vorige) == 1 else 'hebben'} nog geen opvolging"
        )
        ouder = len(open_) - len(vorige)
        if ouder:
            zin += f", en {ouder} van eerder ook niet"
        return zin + f"; {'het staat' if len(open_) == 1 else 'zij staan'} opnieuw bij de besluitpunten."

    @property
    def besluiten_zin(self) -> str | None:
        """A vastgestelde report: how many of its besluitpunten got a decision after it was vastgesteld."""
        if not self.vastgelegd:
            return None
        punten = [p for p in self.signalering.alle if p.soort == besluiten.AFWIJKING]
        if not punten:
            return None
        genomen = len(self.signalering.met_besluit)
        return (
            f"Na de vaststelling is over {genomen} van de {_aantal(len(punten), 'besluitpunt', 'besluitpunten')} een "
            "besluit genomen; het staat bij elk besluitpunt, naast de vastgestelde tekst."
        )


def raadsoverzicht(
    v: Verantwoording,
    periode: Rapportperiode,
    slug: str | None,
    signalering_: Signalering,
    werk: Project | None = None,
    vastgelegd: bool = False,
) -> Raadsoverzicht:
    """Page 1 for the raad, for the report of `slug` (None: the region) made from `v`; `werk`: the
    working data (the raad's question now, decisions taken later)."""
    actueel = werk or v.project
    regels = actueel.regio.rapportage.besluitvorming
    deel = "jaar" if periode.delen == 1 else periode.kort
    vraag_ = next((t for k, t in regels.vraag_aan_raad.items() if k == deel), None)
    return Raadsoverzicht(
        resultaat=resultaat(v, periode, slug),
        geld=geld(v, periode, slug),
        signalering=signalering_,
        vraag=vraag_,
        pagina=site_pagina(actueel),
        vastgelegd=vastgelegd,
    )


def raad_van_periode(werk: Verantwoording, slug: str | None, periode: Rapportperiode) -> Raadsoverzicht:
    """The Raadsoverzicht exactly as the report of the period has it (a vastgelegde report's from
    its recorded revision): for the gemeente page, so that page and report cannot differ."""
    b = bron(werk, slug or REGIO, periode)
    v = b.verantwoording
    p = b.periode(periode.code)
    sig = signalering(v, p, slug, werk.project)
    return raadsoverzicht(v, p, slug, sig, werk.project, b.vastgelegd)


def cijferzin(r: Uitkomst | Regiowaarde, wie: str, afwijkers: Mapping[str, list[str]] | None = None) -> str | None:
    """One indicator's result in a sentence whose direction comes from the figures, so that a
    summary cannot contradict its own table: `Instroom in de bijstand (regio): 2.925 tegenover
    een streefwaarde van 2.795, boven de streefwaarde en daarmee slechter dan afgesproken (lager
    is beter), maar binnen de marge: op koers. Afwijking bij A. Aandachtspunt bij B, C en D.`"""
    if r.realisatie is None or r.streefwaarde is None or r.status is None:
        return None
    e = r.kind.eenheid
    if r.realisatie == r.streefwaarde:
        richting = "gelijk aan de streefwaarde"
    else:
        boven = r.realisatie > r.streefwaarde
        beter = boven == (r.indicator.richting == "hoger is beter")
        richting = (
            f"{'boven' if boven else 'onder'} de streefwaarde en daarmee {'beter' if beter else 'slechter'} "
            f"dan afgesproken ({r.indicator.richting})"
        )
        if not beter and r.status == kpi.OP_KOERS:
            richting += ", maar binnen de marge"
    zin = (
        f"{r.indicator.naam} ({wie}): {r.kind.realisatie_tekst(r.realisatie, r.noemer)} tegenover een streefwaarde "
        f"van {e.tekst(r.streefwaarde)}, {richting}: {r.status}."
    )
    for status, namen in (afwijkers or {}).items():
        if namen:
            lijst = ", ".join(namen[:-1]) + (" en " if len(namen) > 1 else "") + namen[-1]
            zin += f" {status[:1].upper()}{status[1:]} bij {lijst}."
    return zin


def cijferzinnen_regio(v: Verantwoording, periode: Rapportperiode) -> list[str]:
    """Per regional figure its sentence, with the gemeenten that are not op koers."""
    out = []
    for r in v.regiowaarden(periode):
        if not r.regionaal:
            continue
        per = {
            status: [u.gemeente.naam for u in r.uitkomsten if u.status == status]
            for status in (kpi.AFWIJKING, kpi.AANDACHTSPUNT)
        }
        zin = cijferzin(r, "regio", per)
        if zin:
            out.append(zin)
    return out


def cijferzinnen_gemeente(v: Verantwoording, slug: str, periode: Rapportperiode) -> list[str]:
    """Per series of the gemeente that is not op koers, its sentence (what the raad should see first)."""
    naam = v.model(slug).naam
    return [
        zin
        for u, _ in v.gemeente(slug, periode)
        if u.status in (kpi.AFWIJKING, kpi.AANDACHTSPUNT) and (zin := cijferzin(u, naam))
    ]


@dataclass(frozen=True)
class KpiBlok:
    uitkomst: Uitkomst
    regio: Regiowaarde
    punten: list[charts.Punt]
    grafiek: Markup
    prestatie: str
    realisatie: str
    verschil_nulmeting: str
    verschil_vorige: str
    koers: str
    meetwijze: str
    regio_prestatie: str
    macro: str = "indicator"  # its section in templates/rapport/soorten.html (a split indicator's is its kind's)


@dataclass(frozen=True)
class Rapport:
    """What both report kinds share: the header, the rule, the signalering."""

    titel: str
    regio: Regio
    periode: Rapportperiode
    revisie: str
    status: Rapportstatus
    signalering: Signalering
    regel: list[str]  # the afwijkingsregel in Dutch (kpi.Afwijkingsregel.beschrijving)
    artikelen: dict[str, str]
    herzieningen: list[Herzieningsblok]  # of the previous period's vastgestelde reports, shown in this one
    vastlegging: Rapportstatus | None  # the record of a vastgelegde report (revisie, controlegetal), for the colofon
    meetwijzen: list[tuple[str, str]]  # (name, sentence) per kind, for the leeswijzer (models/kinds.leeswijzer)
    raad: Raadsoverzicht  # page 1: result, money, besluitpunten per body, the raad's question
    cijferzinnen: list[str]  # the summary's sentences, generated from the figures (never typed)

    @property
    def escalatie(self) -> Escalatie:
        return self.regio.rapportage.escalatie

    @property
    def status_tekst(self) -> str:
        return periode_datum_tekst(self.status)

    @property
    def concept(self) -> bool:
        return self.status.status == "concept"

    def tekst(self, text: str) -> Markup:
        return met_artikelen(text, self.artikelen)


def begrotingsposten(f: Financien) -> list:
    """The budget lines a gemeente reports spending on (the totals are computed from them)."""
    return [f.basisdienstverlening, f.verplichtingen, *f.afspraken]


def geen_budgetsignaal(periode: Rapportperiode, open_posten: int, alle_posten: int, bij: str = "") -> str:
    """The first page's sentence on money when nothing is flagged: never 'no underspending' for
    spending that was not entered."""
    if alle_posten and open_posten == alle_posten:
        return "Financieel: besteding nog niet opgegeven."
    zin = f"Financieel: geen overschrijding{' of onderbesteding' if periode.jaareinde else ''} gesignaleerd"
    if open_posten:
        zin += (
            f"; van {open_posten} {'budgetpost' if open_posten == 1 else 'budgetposten'}{bij} is de besteding nog "
            "niet opgegeven"
        )
    return zin + "."


def budgetsignaal(f: Financien, regel: Begrotingsregel) -> str:
    """One flagged budget line in a sentence: "maatwerkafspraak ‘55-plussers aan het werk’
    overschreden (€ 38.100 van € 37.000)"."""
    if regel.besteed is None:  # a flagged line always has spending; said plainly should that change
        return f"‘{regel.label}’: besteding nog niet opgegeven"
    if regel.status == ZONDER_AFSPRAAK:
        return f"‘{regel.label}’ {formatting.euro(regel.besteed)} besteed zonder afspraak in de geldende DVO"
    label = f"maatwerkafspraak ‘{regel.label}’" if regel.soort == AFSPRAAK else regel.label[0].lower() + regel.label[1:]
    return f"{label} {regel.status} ({formatting.euro(regel.besteed)} van {formatting.euro(regel.budget)})"


def afrekening_tekst(f: Financien, organisatie: str) -> str:
    """The year's afrekening in one sentence, for page 1: "terugbetaling aan de gemeente:
    € 100.900; € 52.300 komt voor rekening van het Werkbedrijf"."""
    a = f.afrekening
    out = a.uitkomst
    if a.ten_laste_organisatie:
        out += f"; {formatting.euro(a.ten_laste_organisatie)} komt voor rekening van {organisatie}"
    return out


def afrekenregels_tekst(regels: Afrekenregels, organisatie: str) -> list[str]:
    """The settlement rules of the DVO in force, in words, for the report (one sentence each)."""
    onder = (
        "wordt terugbetaald aan de gemeente"
        if regels.onderbesteding_maatwerk == "gemeente"
        else f"blijft bij {organisatie}"
    )
    over = (
        "betaalt de gemeente bij"
        if regels.overschrijding_maatwerk == "gemeente"
        else f"komt voor rekening van {organisatie}"
    )
    verpl = (
        "De verplichtingen worden verrekend tegen wat zij werkelijk kostten."
        if regels.verplichtingen == "werkelijke kosten"
        else f"De verplichtingen zijn een vast bedrag: wat zij meer kosten, komt voor rekening van {organisatie}; wat "
        "zij minder kosten, wordt niet terugbetaald."
    )
    return [
        f"Wat een maatwerkafspraak minder kost dan haar budget, {onder}; wat zij meer kost, {over}.",
        verpl,
        "Het aandeel in de basisdienstverlening wordt niet per gemeente verrekend: een tekort of overschot op het "
        "basispakket is een resultaat van de regio als geheel.",
        "Besteding aan een afspraak die niet in de geldende DVO staat, hoort niet bij de bijdrage en komt voor "
        f"rekening van {organisatie}.",
        "Het deel van het maatwerkbudget dat niet aan een afspraak is toegewezen, hoort niet bij de bijdrage: het "
        "blijft bij de gemeente.",
    ]


@dataclass(frozen=True)
class GemeenteRapport(Rapport):
    gemeente: Gemeente
    blokken: list[KpiBlok]  # every judged series: the rows of the overview tables
    financien: Financien
    dvo: GeldendeDvo  # what this report is measured against
    buiten_dvo: list[str]  # names of indicators with a realisatie that the DVO in force does not set
    secties: list = field(default_factory=list)  # the sections per indicator: KpiBlok or VerdelingBlok
    alineas: list[str] = field(default_factory=list)  # leeswijzer paragraphs of the kinds shown
    herindeling: list[str] = field(
        default_factory=list
    )  # for a gemeente made by a herindeling: where its figures come from

    @property
    def budgetsignalen(self) -> list[str]:
        """Each flagged budget line in a sentence."""
        return [budgetsignaal(self.financien, r) for r in self.financien.signalen]

    @property
    def afrekening_kort(self) -> str | None:
        """For page 1 at year end: the afrekening's outcome."""
        if not self.periode.jaareinde:
            return None
        return afrekening_tekst(self.financien, self.regio.kort)

    @property
    def afrekenregels(self) -> list[str]:
        return afrekenregels_tekst(self.dvo.afrekenregels, self.regio.kort)

    @property
    def zonder_budgetsignaal(self) -> str:
        regels = begrotingsposten(self.financien)
        return geen_budgetsignaal(self.periode, sum(r.status == NIET_OPGEGEVEN for r in regels), len(regels))


@dataclass(frozen=True)
class RegioBlok:
    regio: Regiowaarde
    grafiek: Markup
    rijen: list[tuple[Uitkomst, str, str]]  # uitkomst, realisatie text, prestatie text
    realisatie: str
    prestatie: str
    punten_regel: bool  # judged in points (1-10 scores): the chart has no threshold lines
    noemer_kolom: bool  # the table shows each gemeente's noemer (weighted indicators, not scores)
    samengevat: bool = False  # a large region: chart and table of the lowest and highest places
    tellingen: str = ""  # "12 op koers, 5 aandachtspunten, 3 afwijkingen" (large region)
    top: int = TOP  # how many lowest and highest the chart and table of a large region show
    # A large region: the places the table leaves out between its TOP lowest and TOP highest,
    # as (how many, best place, worst place); in the open data and in each gemeente's report.
    tussen: tuple[int, int, int] | None = None
    geplaatst: int = 0  # gemeenten with a place (a large region)


LINES = ("basisdienstverlening", "verplichtingen", "maatwerk", "totaal")


@dataclass(frozen=True)
class Financieel:
    """The region's money: every gemeente's Financien and the totals computed from them."""

    gemeenten: list[Financien]
    budget: dict[
        str, Decimal
    ]  # per line: basisdienstverlening, verplichtingen, maatwerk (afspraken), totaal (bijdrage)
    besteed: dict[str, Decimal | None]

    @staticmethod
    def van(rows: list[Financien]) -> Financieel:
        budget = {k: sum((getattr(f, k).budget for f in rows), Decimal(0)) for k in LINES}
        besteed = {k: sum_known([getattr(f, k).besteed for f in rows]) for k in LINES}
        return Financieel(rows, budget, besteed)

    def percentage(self, line: str) -> Decimal | None:
        spent, budget = self.besteed[line], self.budget[line]
        return None if spent is None or budget == 0 else spent / budget * kpi.HUNDRED

    @property
    def buiten_dvo(self) -> Decimal:
        """Spent on afspraken not in any gemeente's DVO in force."""
        return sum((b.besteed or Decimal(0) for f in self.gemeenten for b in f.buiten_dvo), Decimal(0))

    @property
    def niet_toegewezen(self) -> Decimal:
        return sum((f.niet_toegewezen for f in self.gemeenten), Decimal(0))

    @property
    def te_verrekenen(self) -> Decimal | None:
        return sum_known([f.afrekening.te_verrekenen for f in self.gemeenten])

    @property
    def terugbetaling(self) -> Decimal:
        return sum((f.afrekening.terugbetaling for f in self.gemeenten), Decimal(0))

    @property
    def bijbetaling(self) -> Decimal:
        return sum((f.afrekening.bijbetaling for f in self.gemeenten), Decimal(0))

    @property
    def ten_laste_organisatie(self) -> Decimal:
        return sum((f.afrekening.ten_laste_organisatie for f in self.gemeenten), Decimal(0))


@dataclass(frozen=True)
class RegioRapport(Rapport):
    blokken: list[RegioBlok]
    gemeenten: list[Gemeente]  # those that exist in the period
    financieel: Financieel
    dvos: list[GeldendeDvo]  # per gemeente, in region order: what it is measured against
    verdelingen: list = field(default_factory=list)  # RegioVerdelingBlok per split indicator
    alineas: list[str] = field(default_factory=list)  # leeswijzer paragraphs of the kinds shown
    herindeling: list[str] = field(default_factory=list)  # herindelingen up to the period, in a sentence each

    def signaal(self, f: Financien, regel: Begrotingsregel) -> str:
        return budgetsignaal(f, regel)

    @property
    def dvo_per_gemeente(self) -> list[tuple[Gemeente, GeldendeDvo]]:
        return list(zip(self.gemeenten, self.dvos, strict=True))

    @property
    def zonder_dvo(self) -> list[tuple[Gemeente, GeldendeDvo]]:
        """Gemeenten without a vastgestelde DVO on the peildatum, with the version they are measured against."""
        return [(g, d) for g, d in self.dvo_per_gemeente if not d.geldend]

    @property
    def budgetsignalen(self) -> list[str]:
        """Overspending and spending without an afspraak by name; underspending (many small lines
        at year end) as a count; at year end the afrekening of the region."""
        flagged = [(f, r) for f in self.financieel.gemeenten for r in f.signalen]
        out = [
            f"{f.gemeente.naam}: {budgetsignaal(f, r)}"
            for f, r in flagged
            if r.status in (OVERSCHREDEN, ZONDER_AFSPRAAK)
        ]
        onder = [f.gemeente.naam for f, r in flagged if r.status == ONDERBESTEED]
        if onder:
            posten = "1 budgetpost" if len(onder) == 1 else f"{len(onder)} budgetposten"
            aantal = len(set(onder))
            out.append(f"{posten} onderbesteed bij {aantal} {'gemeente' if aantal == 1 else 'gemeenten'}")
        return out

    @property
    def afrekening_kort(self) -> str | None:
        """For page 1 at year end: the afrekening of all gemeenten together."""
        fin = self.financieel
        if not self.periode.jaareinde:
            return None
        if fin.te_verrekenen is None:
            return "nog niet vast te stellen: niet alle besteding is opgegeven"
        tekst = f"{formatting.euro(fin.terugbetaling)} terug naar de gemeenten"
        if fin.bijbetaling:
            saldo = fin.te_verrekenen
            richting = "terug" if saldo >= 0 else "bij"
            tekst += (
                f" en {formatting.euro(fin.bijbetaling)} bij te betalen door gemeenten (per saldo "
                f"{formatting.euro(abs(saldo))} {richting})"
            )
        if fin.ten_laste_organisatie:
            tekst += f"; {formatting.euro(fin.ten_laste_organisatie)} komt voor rekening van {self.regio.kort}"
        return tekst

    @property
    def zonder_budgetsignaal(self) -> str:
        regels = [(f, r) for f in self.financieel.gemeenten for r in begrotingsposten(f)]
        open_bij = {f.gemeente.naam for f, r in regels if r.status == NIET_OPGEGEVEN}
        bij = f" bij {len(open_bij)} {'gemeente' if len(open_bij) == 1 else 'gemeenten'}"
        return geen_budgetsignaal(self.periode, sum(r.status == NIET_OPGEGEVEN for _, r in regels), len(regels), bij)


def _punten(v: Verantwoording, u: Uitkomst, periode: Rapportperiode) -> list[charts.Punt]:
    punten = []
    if u.nulmeting:
        punten.append(charts.Punt("nulmeting", str(u.nulmeting.jaar), None, u.nulmeting.waarde, nulmeting=True))
    for p, streef, real in v.reeks(u.gemeente.slug, u.indicator.id, periode):
        naam = f"{p.kort} {p.jaar}" if p.delen > 1 else p.code
        punten.append(
            charts.Punt(p.kort, str(p.jaar) if p.nummer == 1 and p.delen > 1 else None, streef, real, naam=naam)
        )
    return punten


def _common(
    v: Verantwoording,
    periode: Rapportperiode,
    slug: str | None,
    statussen: dict,
    vastlegging: Rapportstatus | None,
    werk: Project | None,
) -> dict:
    sig = signalering(v, periode, slug, werk)
    return {
        "regio": v.project.regio,
        "periode": periode,
        "status": rapportstatus(statussen, periode),
        "signalering": sig,
        "raad": raadsoverzicht(v, periode, slug, sig, werk, vastlegging is not None),
        "cijferzinnen": cijferzinnen_regio(v, periode) if slug is None else cijferzinnen_gemeente(v, slug, periode),
        "regel": v.regel.beschrijving(),
        "artikelen": article_numbers(v.project.standaard),
        "herzieningen": herzieningen(v, slug or REGIO, periode),
        "vastlegging": vastlegging,
        "meetwijzen": kinds.leeswijzer(),
    }


# --- split indicators: categories beside the total, and the overgangen of a ladder ----------


@dataclass(frozen=True)
class Overgangscel:
    aantal: int
    soort: str  # "gelijk" (the diagonal), "gestegen" (above it) or "gedaald" (below it)


@dataclass(frozen=True)
class Overgangsrij:
    categorie: str
    naam: str
    cellen: list[Overgangscel]
    totaal: int  # everyone who started the year on this category


@dataclass(frozen=True)
class Overgangstabel:
    """van (rows, start of the year) × naar (columns, peildatum), with both margins, from
    pandas' crosstab; `tekst` says the same in words."""

    kolommen: list[tuple[str, str]]  # (id, name)
    rijen: list[Overgangsrij]
    kolomtotalen: list[int]  # everyone who stands on each category at the peildatum
    totaal: int
    tekst: str


def _deel(n: int, totaal: int) -> str:
    return formatting.percentage(Decimal(n) / totaal * kpi.HUNDRED) if totaal else "–"


def overgangstabel(d: verdelingen.Verdeling) -> Overgangstabel | None:
    """The table of a ladder's overgangen; None for a period without them."""
    t = d.telling
    if d.overgangen is None or t is None:  # the telling is None exactly when there are no overgangen
        return None
    ids = d.dimensie.ids
    table = frames.overgangen_crosstab(d.overgangen, ids)
    rijen = []
    for i, categorie in enumerate(d.dimensie.categorieen):
        van = categorie.id
        cellen = [
            Overgangscel(int(table.at[van, naar]), "gelijk" if j == i else "gestegen" if j > i else "gedaald")
            for j, naar in enumerate(ids)
        ]
        rijen.append(Overgangsrij(van, categorie.naam, cellen, int(table.at[van, frames.TOTAAL])))
    trede, totaal = d.dimensie.enkelvoud, int(table.at[frames.TOTAAL, frames.TOTAAL])
    tekst = (
        f"{d.indicator.naam}, {d.naam}: van de {formatting.number(totaal)} aan het begin van {d.periode.jaar} "
        "stonden er op "
        f"{formatting.date_long(d.periode.einddatum)} {formatting.number(t.gestegen)} "
        f"({_deel(t.gestegen, totaal)}) ten minste één {trede} hoger, "
        f"{formatting.number(t.gelijk)} ({_deel(t.gelijk, totaal)}) op dezelfde {trede} en "
        f"{formatting.number(t.gedaald)} ({_deel(t.gedaald, totaal)}) lager."
    )
    stappen = [
        (c.aantal, r.categorie, ids[j])
        for r in rijen
        for j, c in enumerate(r.cellen)
        if c.soort == "gestegen" and c.aantal
    ]
    if stappen:
        aantal, van, naar = max(stappen, key=lambda x: (x[0], -ids.index(x[1])))
        tekst += f" De grootste groep stijgers: {formatting.number(aantal)} van {trede} {van} naar {trede} {naar}."
    return Overgangstabel(
        kolommen=[(c.id, c.naam) for c in d.dimensie.categorieen],
        rijen=rijen,
        kolomtotalen=[int(table.at[frames.TOTAAL, naar]) for naar in ids],
        totaal=totaal,
        tekst=tekst,
    )


@dataclass(frozen=True)
class Verdelingsrij:
    label: str
    aantallen: list[int]
    totaal: int
    streefwaarde: bool = False  # a row of the DVO's streefwaarden per category (shown, never judged)


@dataclass(frozen=True)
class Kengetalregel:
    naam: str
    waarde: str
    oordeel: str  # "streefwaarde 40,0%: op koers", or "geen streefwaarde in de DVO"


def _noot(d: verdelingen.Verdeling, kind: kinds.Kind) -> str:
    """Why the categories get no status, in the words of the kind."""
    # d is a split indicator's, so its kind is a split kind (kinds.kind_for with its dimensie).
    assert isinstance(kind, kinds.Verdeling)
    return kind.categorie_noot(d.dimensie)


@dataclass(frozen=True)
class VerdelingBlok:
    """A split indicator's section: its total (judged like any indicator when the DVO sets
    streefwaarden on it), the counts per category per period beside the total as a stacked
    bar and a table, on a ladder the overgangen, and its kengetallen."""

    verdeling: verdelingen.Verdeling
    totaal: KpiBlok | None
    grafiek: Markup | None
    kolommen: list[tuple[str, str]]
    rijen: list[Verdelingsrij]
    overgangen: Overgangstabel | None
    kengetallen: list[Kengetalregel]
    macro: str
    moment: str  # when the counts are from: "op 31 december 2016", "van 1 januari tot en met ..."
    noot: str  # why a category gets no status

    @property
    def indicator(self):
        return self.verdeling.indicator

    @property
    def dimensie(self):
        return self.verdeling.dimensie


def _verdelingsrijen(d: verdelingen.Verdeling) -> list[Verdelingsrij]:
    rijen, streef_jaren = [], set()
    for stand in d.reeks:
        rijen.append(Verdelingsrij(stand.label, list(stand.categorieen.values()), stand.totaal))
        jaar = stand.label[-4:]
        if stand.streef and jaar not in streef_jaren:
            streef_jaren.add(jaar)
            rijen.append(
                Verdelingsrij(
                    f"streefwaarde {jaar}", list(stand.streef.values()), sum(stand.streef.values()), streefwaarde=True
                )
            )
    return rijen


def _kengetalregels(d: verdelingen.Verdeling, beoordeeld: Mapping[str, Uitkomst | Regiowaarde]) -> list[Kengetalregel]:
    """Every kengetal's value; a judged one as judged: the region's figure of a kengetal is over the
    gemeenten that have a streefwaarde on it, which the line then says."""
    out = []
    for k in d.kengetallen:
        e = kinds.eenheid(k.eenheid)
        u = beoordeeld.get(dimensies.series_id(d.indicator, k.kengetal))
        waarde = e.tekst(k.waarde) if k.waarde is not None else "niet te berekenen"
        if u is None:
            out.append(Kengetalregel(k.kengetal.naam, waarde, "geen streefwaarde in de DVO"))
            continue
        oordeel = f"streefwaarde {u.kind.eenheid.tekst(u.streefwaarde)}" + (f": {u.status}" if u.status else "")
        if isinstance(u, Regiowaarde):
            waarde = u.kind.eenheid.tekst(u.realisatie)
            n = len(u.uitkomsten)
            oordeel += f"; over de {n} {'gemeente' if n == 1 else 'gemeenten'} met een streefwaarde op dit kengetal"
        out.append(Kengetalregel(k.kengetal.naam, waarde, oordeel))
    return out


def verdeling_blok(
    d: verdelingen.Verdeling,
    kind: kinds.Kind,
    uid: str,
    *,
    totaal: KpiBlok | None,
    beoordeeld: dict[str, Uitkomst],
    staven: list[charts.Staaf] | None = None,
) -> VerdelingBlok:
    kolommen = [(c.id, c.naam) for c in d.dimensie.categorieen]
    rijen = _verdelingsrijen(d)
    grafiek = None
    if "verdeling" in kind.grafieken:
        staven = (
            staven if staven is not None else [charts.Staaf(r.label, r.aantallen) for r in rijen if not r.streefwaarde]
        )
        if staven:
            titel = f"{d.indicator.naam}, {d.naam}: aantal per {d.dimensie.enkelvoud}"
            grafiek = charts.gestapeld(
                uid, titel, staven, kolommen, ladder=d.dimensie.ladder, enkelvoud=d.dimensie.enkelvoud
            )
    overgangen = overgangstabel(d) if "overgangen" in kind.grafieken and d.overgangen else None
    return VerdelingBlok(
        d,
        totaal,
        grafiek,
        kolommen,
        rijen,
        overgangen,
        _kengetalregels(d, beoordeeld),
        kind.macro,
        kind.moment_tekst(d.periode),
        _noot(d, kind),
    )


def _secties(v: Verantwoording, slug: str, periode: Rapportperiode, blokken: list[KpiBlok]) -> list:
    """The sections per indicator, in the order of the gemeente's file: a split indicator's
    section first (with its total), then each of its judged kengetallen."""
    by_id = {b.uitkomst.indicator.id: b for b in blokken}
    uitkomsten = {i: b.uitkomst for i, b in by_id.items()}
    splits = {d.indicator.id: d for d in v.verdelingen(slug, periode)}
    out: list = []
    for n, p in enumerate(v.model(slug).prestatie_indicatoren, 1):
        d = splits.get(p.indicator)
        if d is None:
            if p.indicator in by_id:
                out.append(by_id[p.indicator])
            continue
        out.append(
            verdeling_blok(
                d, v.kind(p.indicator), f"verdeling-{n}", totaal=by_id.get(p.indicator), beoordeeld=uitkomsten
            )
        )
        out += [b for i, b in by_id.items() if i.startswith(p.indicator + dimensies.SEPARATOR)]
    return out


def herindeling_gemeente(v: Verantwoording, slug: str) -> list[str]:
    """Why a new gemeente's nulmeting, targets and earlier figures are those of its predecessors."""
    zin = v.herindelingen.zin_ontstaan(slug)
    if zin is None:
        return []
    g = v.model(slug)
    if not isinstance(g, SamengevoegdeGemeente):  # never: zin_ontstaan is only for a gemeente a herindeling made
        return []
    samen = "beide" if len(g.voorgangers) == 2 else f"de {formatting.telwoord(len(g.voorgangers))}"
    return [
        zin,
        (
            f"Daarom zijn de nulmeting, de streefwaarden uit de DVO's en de cijfers van vóór {g.datum.year} die "
            f"van {samen} "
            f"gemeenten samen: aantallen opgeteld, percentages, gemiddelden en rapportcijfers gewogen naar hun noemer. "
            "Zo blijven 'sinds nulmeting' en 'sinds vorige periode' vergelijkbaar. Het budget is de som van hun "
            "budgetten."
        ),
    ]


def herindeling_regio(v: Verantwoording, periode: Rapportperiode) -> list[str]:
    """The herindelingen that took effect up to the period: why the region counts fewer gemeenten."""
    out = []
    for h in v.project.regio.herindelingen:
        if h.jaar <= periode.jaar:
            g = v.model(h.nieuwe_gemeente.slug)
            if not isinstance(g, SamengevoegdeGemeente):  # never: the gemeente this herindeling made
                continue
            out.append(
                f"Op {formatting.date_long(h.datum)} zijn {herindeling_namen([x.naam for x in g.voorgangers])} "
                "samengegaan in de gemeente "
                f"{g.naam}; in {periode.label} telt de regio {formatting.telwoord(len(v.gemeenten_in(periode)))} "
                f"gemeenten, en de cijfers van {g.naam} "
                f"vóór {h.jaar} zijn die van de opgeheven gemeenten samen."
            )
    return out


def gemeente_rapport(
    v: Verantwoording,
    slug: str,
    periode: Rapportperiode,
    revisie: str,
    vastlegging: Rapportstatus | None = None,
    werk: Project | None = None,
) -> GemeenteRapport:
    g = v.model(slug)
    blokken = []
    for n, (u, r) in enumerate(v.gemeente(slug, periode), 1):
        e = u.kind.eenheid
        punten = _punten(v, u, periode)
        titel = f"{u.indicator.naam}: realisatie en streefwaarde per periode"
        blokken.append(
            KpiBlok(
                uitkomst=u,
                regio=r,
                punten=punten,
                grafiek=charts.trend(f"grafiek-{n}", titel, punten, e),
                prestatie=prestatie(u.oordeel),
                realisatie=u.kind.realisatie_tekst(u.realisatie, u.noemer),
                verschil_nulmeting=e.verschil(u.verschil_nulmeting),
                verschil_vorige=e.verschil(u.verschil_vorige),
                koers=koers_tekst(u),
                meetwijze=u.kind.uitleg,
                regio_prestatie=prestatie(r.oordeel),
            )
        )
    dvo = v.geldende_dvo(slug, periode)
    common = _common(v, periode, slug, g.rapporten, vastlegging, werk)
    # The rule and the article numbers of the DVO in force: a toelichting cites that version's articles.
    common["regel"] = dvo.regel.beschrijving()
    common["artikelen"] = article_numbers(v.versies.project_van(dvo.versie).standaard)
    secties = _secties(v, slug, periode, blokken)
    return GemeenteRapport(
        titel=f"Verantwoordingsrapportage {g.naam} {periode.label}",
        revisie=revisie,
        gemeente=g,
        blokken=blokken,
        secties=secties,
        financien=v.financien(slug, periode),
        dvo=dvo,
        buiten_dvo=[v.project.indicator(i).naam for i in buiten_dvo(dvo, g, periode.code)],
        alineas=_alineas(secties),
        herindeling=herindeling_gemeente(v, slug),
        **common,
    )


@dataclass(frozen=True)
class RegioVerdelingBlok:
    """A split indicator in the regional report: per gemeente the counts per category beside
    its total, the region's sums, its overgangen and kengetallen."""

    verdeling: verdelingen.Verdeling  # the region's
    kolommen: list[tuple[str, str]]
    rijen: list[Verdelingsrij]  # one per gemeente that reported, in region order
    grafiek: Markup
    overgangen: Overgangstabel | None
    kengetallen: list[Kengetalregel]
    macro: str
    # A large region (more than GROTE_REGIO gemeenten): the chart holds the region and the
    # 2 * TOP gemeenten with the largest totals; the table still has every gemeente.
    samengevat: bool = False

    @property
    def indicator(self):
        return self.verdeling.indicator

    @property
    def dimensie(self):
        return self.verdeling.dimensie

    @property
    def grootste(self) -> int:
        return 2 * TOP


def regio_verdeling_blok(v: Verantwoording, d: verdelingen.Verdeling, n: int) -> RegioVerdelingBlok:
    periode = d.periode
    delen = [
        x
        for g in v.gemeenten_in(periode)
        for x in v.verdelingen(g.slug, periode)
        if x.indicator.id == d.indicator.id and x.stand
    ]
    rijen = [Verdelingsrij(x.naam, list(s.categorieen.values()), s.totaal) for x in delen if (s := x.stand) is not None]
    kolommen = [(c.id, c.naam) for c in d.dimensie.categorieen]
    staven = [charts.Staaf(r.label, r.aantallen) for r in rijen]
    titel = f"{d.indicator.naam} per gemeente, {periode.label}: verdeling over de categorieën"
    # One bar per gemeente does not fit a page beyond a few dozen (at 342 gemeenten a bar
    # would be 2 px high, and the chart alone took WeasyPrint 400 MB): then the region's own
    # bar and the largest gemeenten, as the score charts show the lowest and highest.
    samengevat = len(rijen) > GROTE_REGIO and d.stand is not None
    if samengevat and d.stand is not None:
        grootste = sorted(rijen, key=lambda r: (-r.totaal, r.label))[: 2 * TOP]
        staven = [charts.Staaf(f"Regio {v.project.regio.naam}", list(d.stand.categorieen.values()))] + [
            charts.Staaf(r.label, r.aantallen) for r in grootste
        ]
        titel = (
            f"{d.indicator.naam}, {periode.label}: verdeling over de categorieën in de regio en bij de "
            f"{2 * TOP} gemeenten met de grootste aantallen"
        )
    grafiek = charts.gestapeld(
        f"verdeling-{n}",
        titel,
        staven,
        kolommen,
        ladder=d.dimensie.ladder,
        enkelvoud=d.dimensie.enkelvoud,
        aandelen=True,
    )
    beoordeeld = {}
    for k in d.indicator.kengetallen:
        r = v.regio(dimensies.series_id(d.indicator, k), periode)
        if r.uitkomsten:
            beoordeeld[r.indicator.id] = r
    kind = v.kind(d.indicator.id)
    return RegioVerdelingBlok(
        verdeling=d,
        kolommen=kolommen,
        rijen=rijen,
        grafiek=grafiek,
        overgangen=overgangstabel(d) if "overgangen" in kind.grafieken and d.overgangen else None,
        kengetallen=_kengetalregels(d, beoordeeld),
        macro=kind.macro + "_regio",
        samengevat=samengevat,
    )


def _alineas(secties: list) -> list[str]:
    """The leeswijzer's paragraphs of the kinds this report shows (split indicators, ladders)."""
    out: list[str] = []
    for s in secties:
        if isinstance(s, (VerdelingBlok, RegioVerdelingBlok)):
            for cls in reversed(type(kinds.kind_for(s.indicator, s.dimensie)).__mro__):  # the general kind first
                alinea = cls.__dict__.get("leeswijzer_alinea")
                if alinea and alinea not in out:
                    out.append(alinea)
    return out


def geplaatst_hoogste(uitkomsten: list[Uitkomst], top: int) -> list[Uitkomst]:
    """The `top` gemeenten with the highest place, from `uitkomsten` sorted lowest place first."""
    return [u for u in uitkomsten if u.plaats is not None][-top:]


STATUS_VOLGORDE = (
    (kpi.OP_KOERS, "op koers", "op koers"),
    (kpi.AANDACHTSPUNT, "aandachtspunt", "aandachtspunten"),
    (kpi.AFWIJKING, "afwijking", "afwijkingen"),
)


def status_tellingen(uitkomsten: list[Uitkomst]) -> str:
    """How many gemeenten per status, in a fixed order: `40 op koers, 3 aandachtspunten, 1 afwijking`."""
    parts = []
    for status, een, meer in STATUS_VOLGORDE:
        n = sum(1 for u in uitkomsten if u.status == status)
        if n:
            parts.append(f"{n} {een if n == 1 else meer}")
    zonder = sum(1 for u in uitkomsten if u.status not in {s for s, _, _ in STATUS_VOLGORDE})
    if zonder:
        parts.append(f"{zonder} zonder oordeel")
    return ", ".join(parts)


def regio_rapport(
    v: Verantwoording,
    periode: Rapportperiode,
    revisie: str,
    vastlegging: Rapportstatus | None = None,
    werk: Project | None = None,
) -> RegioRapport:
    drempels = v.project.regio.rapportage.drempels
    blokken = []
    for n, r in enumerate(v.regiowaarden(periode), 1):
        kind = r.kind
        punten_regel = kind.in_punten(drempels)
        uitkomsten, getoond, samengevat = r.uitkomsten, r.uitkomsten, False
        geplaatst = [u for u in r.uitkomsten if u.plaats is not None]
        if len(v.gemeenten_in(periode)) > GROTE_REGIO and len(geplaatst) > 2 * TOP:
            # Lowest place first (decision-first), gemeenten without a place last.
            # (every one in `geplaatst` has a place; the test only tells mypy so)
            uitkomsten = sorted(geplaatst, key=lambda u: -u.plaats if u.plaats is not None else 0) + [
                u for u in r.uitkomsten if u.plaats is None
            ]
            getoond, samengevat = uitkomsten[:TOP] + geplaatst_hoogste(uitkomsten, TOP), True
            titel = f"{r.indicator.naam}: de {TOP} laagste en de {TOP} hoogste prestaties, {periode.label}"
            shown = {id(u) for u in getoond}
            weg = [u.plaats for u in geplaatst if id(u) not in shown and u.plaats is not None]
            tussen = (len(weg), min(weg), max(weg)) if weg else None
            in_tabel = getoond + [u for u in uitkomsten if u.plaats is None]
        else:
            titel = f"{r.indicator.naam}: prestatie per gemeente, {periode.label}"
            tussen, in_tabel = None, uitkomsten
        balken = [
            charts.Balk(
                u.gemeente.naam, u.score, u.status, f"{prestatie(u.oordeel)} ({u.status})" if punten_regel else None
            )
            for u in getoond
        ]
        grens = (None, None) if punten_regel else (drempels.op_koers_vanaf, drempels.afwijking_onder)
        blokken.append(
            RegioBlok(
                regio=r,
                grafiek=charts.scores(f"grafiek-{n}", titel, balken, *grens),
                rijen=[(u, kind.realisatie_tekst(u.realisatie, u.noemer), prestatie(u.oordeel)) for u in in_tabel],
                realisatie=kind.realisatie_tekst(r.realisatie, r.noemer),
                prestatie=prestatie(r.oordeel),
                punten_regel=punten_regel,
                noemer_kolom=kind.noemer_kolom,
                samengevat=samengevat,
                tellingen=status_tellingen(uitkomsten) if samengevat else "",
                tussen=tussen,
                geplaatst=len(geplaatst),
            )
        )
    splits = [regio_verdeling_blok(v, d, n) for n, d in enumerate(v.regio_verdelingen(periode), 1)]
    return RegioRapport(
        titel=f"Verantwoordingsrapportage regio {v.project.regio.naam} {periode.label}",
        revisie=revisie,
        blokken=blokken,
        verdelingen=splits,
        alineas=_alineas(splits),
        gemeenten=v.gemeenten_in(periode),
        financieel=Financieel.van([v.financien(g.slug, periode) for g in v.gemeenten_in(periode)]),
        dvos=[v.geldende_dvo(g.slug, periode) for g in v.gemeenten_in(periode)],
        herindeling=herindeling_regio(v, periode),
        **_common(v, periode, None, v.project.regio.rapportage.rapporten, vastlegging, werk),
    )
