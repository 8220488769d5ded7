"""The view model of a verantwoordingsrapportage, per gemeente and for the region, per period.

The figures come from `compute/verantwoording.py`; this module arranges them for the
templates (texts that combine figures, charts, the decision list); `render.py` renders
them through the path every document shares. Templates only format what is here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

from generator.compute import kpi
from generator.compute.financien import NIET_OPGEGEVEN, ONDERBESTEED, OVERSCHREDEN, Financien
from generator.compute.herindeling import namen as herindeling_namen
from generator.compute.rapportperiode import Rapportperiode
from generator.compute.uitkomsten import TE_BEOORDELEN, Regiowaarde, Signaal, Uitkomst
from generator.compute.verantwoording import Verantwoording, rapportstatus
from generator.models.gemeente import Gemeente
from generator.models.region import Escalatie, Rapportstatus, Regio
from generator.models.standaard import REFERENCE
from generator.render.documents.rapport import charts
from generator.render.documents.dvo.clauses import article_numbers
from generator.util import formatting

MEETWIJZE = {
    "stroom": "aantal in de periode, opgeteld vanaf het begin van het jaar",
    "stand": "stand op de peildatum",
    "cumulatief": "aantal opgeteld vanaf de start van de DVO",
}
MINUS = "\u2212"
# Above this many gemeenten, one bar per gemeente no longer fits a page or a reader's eye:
# the regional report's charts then show the TOP lowest and TOP highest, and its tables
# list the gemeenten from the lowest place to the highest (see regio_rapport).
GROTE_REGIO = 20
TOP = 10


def rapport_name(slug: str, periode: str) -> str:
    return f"rapport-{slug}-{periode}"


# --- texts that combine figures ---------------------------------------------------------

def verschil(value: Decimal | None, eenheid: str) -> str:
    """A signed change in the indicator's unit: "+171", "−0,4 procentpunt", "+59 dagen"."""
    if value is None:
        return "–"
    if eenheid in ("percentage", "rapportcijfer"):
        text = _signed(value, 1)
        return f"{text} %-punt" if eenheid == "percentage" else text
    size = formatting.kpi_value(abs(value), eenheid)
    return ("+" if value > 0 else MINUS if value < 0 else "±") + size


def _signed(value: Decimal, decimals: int) -> str:
    """"+0,2", "−1,4"; a value that rounds to zero is "±0,0", never "−0,0"."""
    shown = formatting.number(abs(value), decimals=decimals)
    if value.quantize(Decimal(1).scaleb(-decimals)) == 0:
        return "±" + shown
    return ("+" if value > 0 else MINUS) + shown


def prestatie(oordeel: kpi.Oordeel) -> str:
    """The prestatie as the rule judged it: points for 1-10 scores, else percent of target."""
    if oordeel.punten is not None:
        return f"{_signed(oordeel.punten, 1)} punt"
    if oordeel.score is None:
        return "–"
    return "n.v.t." if oordeel.score.is_infinite() else formatting.percentage(oordeel.score)


def realisatie(value: Decimal | None, noemer: Decimal | None, eenheid: str) -> str:
    """A score shows its number of respondents beside it: "7,0 (n = 323)"."""
    text = formatting.kpi_value(value, eenheid)
    if value is not None and eenheid == "rapportcijfer" and noemer is not None:
        text += f" (n = {formatting.number(noemer)})"
    return text


def met_artikelen(text: str, nummers: dict[str, str]) -> Markup:
    """Toelichting text with [[artikel:id]] read as "artikel 4 van de DVO" (escaped first)."""
    return Markup(REFERENCE.sub(lambda m: f"artikel {nummers[m.group(1)]} van de DVO", str(escape(text))))


def koers_tekst(u: Uitkomst) -> str:
    """How the streefwaarde at the peildatum follows from the DVO, in one sentence."""
    e, p, k = u.indicator.eenheid, u.periode, u.koers
    dvo = "DVO" if u.gemeente.dvo is not None else "DVO's"  # a gemeente made by a herindeling: its predecessors' DVO's
    jaar = f"streefwaarde {p.jaar} uit de {dvo}: {formatting.kpi_value(k.jaarwaarde, e)}"
    if p.delen == 1 or k.vanaf is None:
        if u.indicator.meetwijze == "cumulatief":
            return f"Cumulatieve {jaar} (vanaf de start van de DVO)."
        return f"De {jaar}."
    waarde = formatting.kpi_value(k.waarde, e)
    if u.indicator.meetwijze == "stroom":
        return f"Streefwaarde tot en met de peildatum: {p.nummer}/{p.delen} van de {jaar}, dus {waarde}."
    return (
        f"Streefwaarde op de peildatum: {waarde}, op de koerslijn van {formatting.kpi_value(k.vanaf, e)} "
        f"({k.vanaf_label}) naar {formatting.kpi_value(k.jaarwaarde, e)} (streefwaarde {p.jaar}), na {p.nummer} van {p.delen} perioden."
    )


def vraag(s: Signaal, escalatie: Escalatie, organisatie: str) -> str:
    """The question the escalation body is asked to decide; `organisatie`: the region's short
    name for its organisation, as it reads in a sentence ("het Werkbedrijf")."""
    bron = s.bron
    if bron.toelichting and bron.toelichting.vraag:
        return bron.toelichting.vraag
    if bron.signalering == TE_BEOORDELEN:
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
    if status.status == "vastgesteld":
        v = status.vastgesteld
        kenmerk = f" (kenmerk {v.kenmerk})" if v.kenmerk else ""
        return f"Vastgesteld door {v.door} op {formatting.date_long(v.datum)}{kenmerk}"
    return "Concept: nog niet vastgesteld"


# --- view models -----------------------------------------------------------------------

@dataclass(frozen=True)
class Besluitpunt:
    signaal: Signaal
    vraag: str
    prestatie: str
    realisatie: str
    streefwaarde: str


@dataclass(frozen=True)
class Opvolgpunt:
    signaal: Signaal
    prestatie: str


@dataclass(frozen=True)
class Signalering:
    """The decision list first, then what was explained, then last period's follow-up."""

    besluitpunten: list[Besluitpunt]
    verklaard: list[Signaal]
    opvolging: list[Opvolgpunt]
    vorige: Rapportperiode | None


def _besluitpunt(s: Signaal, escalatie: Escalatie, organisatie: str) -> Besluitpunt:
    b, e = s.bron, s.indicator.eenheid
    noemer = b.noemer
    return Besluitpunt(s, vraag(s, escalatie, organisatie), prestatie(b.oordeel), realisatie(b.realisatie, noemer, e), formatting.kpi_value(b.streefwaarde, e))


def signalering(v: Verantwoording, periode: Rapportperiode, slug: str | None) -> Signalering:
    escalatie = v.project.regio.rapportage.escalatie
    signalen = v.signalen(periode, slug)
    return Signalering(
        besluitpunten=[_besluitpunt(s, escalatie, v.project.regio.kort) for s in signalen if s.bron.naar_bestuur],
        verklaard=[s for s in signalen if not s.bron.naar_bestuur],
        opvolging=[Opvolgpunt(s, prestatie(s.bron.oordeel)) for s in v.opvolging(periode, slug)],
        # A gemeente made by a herindeling had no besluitpunten of its own before its first day.
        vorige=vorige if (vorige := v.vorige(periode)) and (slug is None or v.rapporteert(slug, vorige)) else None,
    )


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
        zin += f"; van {open_posten} {'budgetpost' if open_posten == 1 else 'budgetposten'}{bij} is de besteding nog niet opgegeven"
    return zin + "."


def budgetsignaal(f: Financien, regel) -> str:
    """One flagged budget line in a sentence: 'maatwerkbudget onderbesteed (€ 487.600 van € 624.790)'."""
    label = f"maatwerkafspraak ‘{regel.label}’" if any(regel is a for a in f.afspraken) else regel.label[0].lower() + regel.label[1:]
    return f"{label} {regel.status} ({formatting.euro(regel.besteed)} van {formatting.euro(regel.budget)})"


@dataclass(frozen=True)
class GemeenteRapport(Rapport):
    gemeente: Gemeente
    blokken: list[KpiBlok]
    financien: Financien
    herindeling: list[str]  # for a gemeente made by a herindeling: where its figures come from

    @property
    def budgetsignalen(self) -> list[str]:
        return [budgetsignaal(self.financien, r) for r in self.financien.signalen]

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
    samengevat: bool = False  # a large region: chart of the lowest and highest, table sorted by place
    tellingen: str = ""  # "12 op koers, 5 aandachtspunten, 3 afwijkingen" (large region)
    top: int = TOP  # how many lowest and highest the chart of a large region shows


@dataclass(frozen=True)
class Financieel:
    """The region's money: every gemeente's Financien and the totals computed from them."""

    gemeenten: list[Financien]
    budget: dict[str, Decimal]  # per line: basisdienstverlening, verplichtingen, maatwerk, totaal
    besteed: dict[str, Decimal | None]

    @staticmethod
    def van(rows: list[Financien]) -> Financieel:
        lines = ("basisdienstverlening", "verplichtingen", "maatwerk", "totaal")
        budget = {k: sum((getattr(f, k).budget for f in rows), Decimal(0)) for k in lines}
        besteed = {}
        for k in lines:
            parts = [getattr(f, k).besteed for f in rows]
            besteed[k] = None if any(p is None for p in parts) else sum(parts, Decimal(0))
        return Financieel(rows, budget, besteed)

    def percentage(self, line: str) -> Decimal | None:
        spent, budget = self.besteed[line], self.budget[line]
        return None if spent is None or budget == 0 else spent / budget * kpi.HUNDRED


@dataclass(frozen=True)
class RegioRapport(Rapport):
    blokken: list[RegioBlok]
    gemeenten: list[Gemeente]  # those that exist in the period
    financieel: Financieel
    herindeling: list[str]  # herindelingen up to the period, in a sentence each

    @property
    def budgetsignalen(self) -> list[str]:
        """Overspending by name; underspending (many small lines at year end) as a count."""
        flagged = [(f, r) for f in self.financieel.gemeenten for r in f.signalen]
        out = [f"{f.gemeente.naam}: {budgetsignaal(f, r)}" for f, r in flagged if r.status == OVERSCHREDEN]
        onder = [f.gemeente.naam for f, r in flagged if r.status == ONDERBESTEED]
        if onder:
            posten = "1 budgetpost" if len(onder) == 1 else f"{len(onder)} budgetposten"
            aantal = len(set(onder))
            out.append(f"{posten} onderbesteed bij {aantal} {'gemeente' if aantal == 1 else 'gemeenten'}")
        return out

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
        punten.append(charts.Punt(p.kort, str(p.jaar) if p.nummer == 1 and p.delen > 1 else None, streef, real, naam=naam))
    return punten


def _common(v: Verantwoording, periode: Rapportperiode, slug: str | None, statussen: dict) -> dict:
    return {
        "regio": v.project.regio,
        "periode": periode,
        "status": rapportstatus(statussen, periode),
        "signalering": signalering(v, periode, slug),
        "regel": v.regel.beschrijving(),
        "artikelen": article_numbers(v.project.standaard),
    }


def herindeling_gemeente(v: Verantwoording, slug: str) -> list[str]:
    """Why a new gemeente's nulmeting, targets and earlier figures are those of its predecessors."""
    zin = v.herindelingen.zin_ontstaan(slug)
    if zin is None:
        return []
    g = v.model(slug)
    samen = "beide" if len(g.voorgangers) == 2 else f"de {formatting.telwoord(len(g.voorgangers))}"
    return [zin, (
        f"Daarom zijn de nulmeting, de streefwaarden uit de DVO's en de cijfers van vóór {g.datum.year} die van {samen} "
        f"gemeenten samen: aantallen opgeteld, percentages, gemiddelden en rapportcijfers gewogen naar hun noemer. "
        f"Zo blijven 'sinds nulmeting' en 'sinds vorige periode' vergelijkbaar. Het budget is de som van hun budgetten.")]


def herindeling_regio(v: Verantwoording, periode: Rapportperiode) -> list[str]:
    """The herindelingen that took effect up to the period: why the region counts fewer gemeenten."""
    out = []
    for h in v.project.regio.herindelingen:
        if h.jaar <= periode.jaar:
            g = v.model(h.nieuwe_gemeente.slug)
            out.append(
                f"Op {formatting.date_long(h.datum)} zijn {herindeling_namen([x.naam for x in g.voorgangers])} samengegaan in de gemeente "
                f"{g.naam}; in {periode.label} telt de regio {formatting.telwoord(len(v.gemeenten_in(periode)))} gemeenten, en de cijfers van {g.naam} "
                f"vóór {h.jaar} zijn die van de opgeheven gemeenten samen.")
    return out


def gemeente_rapport(v: Verantwoording, slug: str, periode: Rapportperiode, revisie: str) -> GemeenteRapport:
    g = v.model(slug)
    blokken = []
    for n, (u, r) in enumerate(v.gemeente(slug, periode), 1):
        e = u.indicator.eenheid
        punten = _punten(v, u, periode)
        titel = f"{u.indicator.naam}: realisatie en streefwaarde per periode"
        blokken.append(KpiBlok(
            uitkomst=u, regio=r, punten=punten, grafiek=charts.trend(f"grafiek-{n}", titel, punten, e),
            prestatie=prestatie(u.oordeel), realisatie=realisatie(u.realisatie, u.noemer, e),
            verschil_nulmeting=verschil(u.verschil_nulmeting, e), verschil_vorige=verschil(u.verschil_vorige, e),
            koers=koers_tekst(u), meetwijze=MEETWIJZE[u.indicator.meetwijze], regio_prestatie=prestatie(r.oordeel),
        ))
    return GemeenteRapport(
        titel=f"Verantwoordingsrapportage {g.naam} {periode.label}",
        revisie=revisie,
        gemeente=g,
        blokken=blokken,
        financien=v.financien(slug, periode),
        herindeling=herindeling_gemeente(v, slug),
        **_common(v, periode, slug, g.rapporten),
    )


def geplaatst_hoogste(uitkomsten: list[Uitkomst], top: int) -> list[Uitkomst]:
    """The `top` gemeenten with the highest place, from `uitkomsten` sorted lowest place first."""
    return [u for u in uitkomsten if u.plaats is not None][-top:]


STATUS_VOLGORDE = ((kpi.OP_KOERS, "op koers", "op koers"), (kpi.AANDACHTSPUNT, "aandachtspunt", "aandachtspunten"),
                   (kpi.AFWIJKING, "afwijking", "afwijkingen"))


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


def regio_rapport(v: Verantwoording, periode: Rapportperiode, revisie: str) -> RegioRapport:
    drempels = v.project.regio.rapportage.drempels
    blokken = []
    for n, r in enumerate(v.regiowaarden(periode), 1):
        e = r.indicator.eenheid
        punten_regel = e == "rapportcijfer" and drempels.rapportcijfers is not None
        uitkomsten, getoond, samengevat = r.uitkomsten, r.uitkomsten, False
        geplaatst = [u for u in r.uitkomsten if u.plaats is not None]
        if len(v.gemeenten_in(periode)) > GROTE_REGIO and len(geplaatst) > 2 * TOP:
            # Lowest place first (decision-first), gemeenten without a place last.
            uitkomsten = sorted(geplaatst, key=lambda u: -u.plaats) + [u for u in r.uitkomsten if u.plaats is None]
            getoond, samengevat = uitkomsten[:TOP] + geplaatst_hoogste(uitkomsten, TOP), True
            titel = f"{r.indicator.naam}: de {TOP} laagste en de {TOP} hoogste prestaties, {periode.label}"
        else:
            titel = f"{r.indicator.naam}: prestatie per gemeente, {periode.label}"
        balken = [charts.Balk(u.gemeente.naam, u.score, u.status, f"{prestatie(u.oordeel)} ({u.status})" if punten_regel else None) for u in getoond]
        grens = (None, None) if punten_regel else (drempels.op_koers_vanaf, drempels.afwijking_onder)
        blokken.append(RegioBlok(
            regio=r, grafiek=charts.scores(f"grafiek-{n}", titel, balken, *grens),
            rijen=[(u, realisatie(u.realisatie, u.noemer, e), prestatie(u.oordeel)) for u in uitkomsten],
            realisatie=realisatie(r.realisatie, r.noemer, e), prestatie=prestatie(r.oordeel), punten_regel=punten_regel,
            samengevat=samengevat, tellingen=status_tellingen(uitkomsten) if samengevat else "",
        ))
    return RegioRapport(
        titel=f"Verantwoordingsrapportage regio {v.project.regio.naam} {periode.label}",
        revisie=revisie,
        blokken=blokken,
        gemeenten=v.gemeenten_in(periode),
        financieel=Financieel.van([v.financien(g.slug, periode) for g in v.gemeenten_in(periode)]),
        herindeling=herindeling_regio(v, periode),
        **_common(v, periode, None, v.project.regio.rapportage.rapporten),
    )
