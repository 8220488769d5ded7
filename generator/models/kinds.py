"""Indicator kinds: one registered class per kind of indicator, and the units values are written in.

A *kind* says, for the indicators it covers, everything that differs between kinds:
- how the catalogue entry is validated (`problemen`);
- how a realisatie is scored against its streefwaarde: the streefwaarde at the peildatum
  (`koers`), which nulmeting and previous realisatie are on the same basis, and which
  variant of the afwijkingsregel judges it (`beoordeel`);
- how it is shown: the sentence about its koers, its realisatie and its prestatie as text
  (`prestatie_tekst`: the one way every page, document and chart writes it), the
  template macro of its section in a report (`macro`, in templates/rapport/soorten.html) and the
  charts that section gets (`grafieken`), its sentence in the reports' leeswijzer;
- what the open data say about it.
Adding a kind is one class here (registered by subclassing `Kind` with a `naam`) and one
macro there. `kind_for` picks the kind of an indicator: the most specific class whose
`past_bij` accepts it.

A *unit* (`Eenheid`) is how a value is written and read: "72,5%", "€ 12.000", "935 dagen",
its differences ("−0,4 %-punt", "+0,9 punt", "+59 dagen"), its range in an import, its axis
title, whether the small-count rule applies. Units are a table of one instance each
(`EENHEDEN`), keyed by the catalogue's `eenheid`.

Pure rules on plain values, like budget.py and periods.py: validation (load/) and every
later stage share them. Periods are read by duck typing (`jaar`, `nummer`, `delen`,
`vorige()`): the reporting calendar itself lives in compute/rapportperiode.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from generator.models.catalog import Dimensie, Indicator
from generator.models.gemeente import PrestatieIndicator
from generator.util import formatting

# --- units -----------------------------------------------------------------------------


def _plain(value: Decimal) -> str:
    # Weighted regional means are rarely whole: one decimal is what a reader can use.
    return formatting.number(value) if value == value.to_integral_value() else formatting.number(value, decimals=1)


@dataclass(frozen=True)
class Eenheid:
    """How values of one unit are written, read and bounded."""

    naam: str
    as_titel: str  # the y-axis title of a chart
    _tekst: Callable[[Decimal], str]
    bereik: tuple[Decimal, Decimal | None, str]  # what an import accepts: low, high (None: none), in words
    geheel: bool = False  # whole numbers only
    telbaar: bool = False  # a count of people or things: the small-count rule applies
    in_punten: bool = False  # differences read in points ("+0,4"), not in the unit itself
    # None when values add up over periods; else the unit in words, for the message that says they do not
    niet_optelbaar: str | None = None

    def tekst(self, value: Decimal | int | None) -> str:
        """A value in this unit: `1.234`, `72,5%`, `€ 12.000`, `935 dagen`, `7,2`."""
        return "–" if value is None else self._tekst(Decimal(value))

    def verschil(self, value: Decimal | None) -> str:
        """A signed change: "+171", "−0,4 %-punt", "+59 dagen", "+0,3 punt". Every difference of
        a value in this unit is written so, in every document and page."""
        if value is None:
            return "–"
        if self.in_punten:
            return f"{formatting.signed(value, 1)} {self.punt}"
        return formatting.sign(value) + self.tekst(abs(value))

    @property
    def punt(self) -> str:
        """The word after a difference in points: "%-punt" for percentages, "punt" for scores."""
        return "%-punt" if self.naam == "percentage" else "punt"


EENHEDEN: dict[str, Eenheid] = {
    e.naam: e
    for e in (
        Eenheid(
            "aantal", "Aantal", _plain, (Decimal(0), None, "een geheel aantal van 0 of meer"), geheel=True, telbaar=True
        ),
        Eenheid(
            "percentage",
            "Percentage (%)",
            formatting.percentage,
            (Decimal(0), Decimal(100), "een percentage van 0 tot en met 100"),
            in_punten=True,
            niet_optelbaar="een percentage",
        ),
        Eenheid("euro", "Bedrag (€)", formatting.euro, (Decimal(0), None, "een bedrag van 0 of meer")),
        Eenheid(
            "dagen",
            "Aantal dagen",
            lambda v: f"{_plain(v)} dagen",
            (Decimal(0), None, "een aantal dagen van 0 of meer"),
            niet_optelbaar="een gemiddeld aantal dagen",
        ),
        Eenheid(
            "rapportcijfer",
            "Rapportcijfer (1-10)",
            lambda v: formatting.number(v, decimals=1),
            (Decimal(1), Decimal(10), "een rapportcijfer van 1 tot en met 10"),
            in_punten=True,
            niet_optelbaar="een rapportcijfer",
        ),
    )
}


def eenheid(naam: str) -> Eenheid:
    return EENHEDEN[naam]


def prestatie_tekst(oordeel) -> str:
    """The prestatie as the afwijkingsregel judged it (`oordeel`: compute/kpi.Oordeel, read by
    duck typing), the one way it is written on every page and in every document: for a kind
    judged in points (a rapportcijfer, when the region sets that rule) the difference with the
    streefwaarde in points, direction-aware, written like any difference in points ("+0,9 punt",
    "−1,3 punt"); else the realisatie as a percentage of the streefwaarde, direction-aware
    ("88,2%"); "n.v.t." when that percentage is infinite (nothing happened where less is
    better); "–" when there is no verdict."""
    if oordeel.punten is not None:
        return EENHEDEN["rapportcijfer"].verschil(oordeel.punten)
    if oordeel.score is None:
        return "–"
    return "n.v.t." if oordeel.score.is_infinite() else formatting.percentage(oordeel.score)


# --- the streefwaarde at a peildatum ------------------------------------------------------


@dataclass(frozen=True)
class Koers:
    """The streefwaarde at a peildatum and where it comes from."""

    waarde: Decimal  # what the realisatie is compared with
    jaarwaarde: Decimal  # this year's streefwaarde (from the DVO)
    vanaf: Decimal | None  # the koerslijn's start, None when there is no koerslijn
    vanaf_label: str | None  # "nulmeting 2014", "streefwaarde 2015", "begin van het jaar", "start van de DVO"


def _part(start: Decimal, end: Decimal, periode) -> Decimal:
    """Linear from `start` (previous year end) to `end` (this year end), after `nummer` of `delen` periods."""
    if periode.delen == 1:
        return end
    return start + (end - start) * periode.nummer / periode.delen


# --- kinds -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Probleem:
    """What is wrong with a catalogue entry for its kind: the field, the Dutch message naming
    it, and the finding code (load/codes.py)."""

    veld: str
    tekst: str
    code: str


class Kind:
    """One kind of indicator. Subclasses with a `naam` are registered (see `kind_for`)."""

    naam: ClassVar[str]
    # Its item in the reports' leeswijzer ("(bijvoorbeeld ...): ..."); None: not listed there.
    leeswijzer: ClassVar[str | None] = None
    # Values add up over the periods of a year (a count in the period), so only counts and amounts fit.
    telt_op: ClassVar[bool] = False
    # The template macro of its section in a report (templates/rapport/soorten.html) and its charts.
    macro: ClassVar[str] = "indicator"
    grafieken: ClassVar[tuple[str, ...]] = ("trend",)
    # Judged by the difference in points (the afwijkingsregel's rule for 1-10 scores).
    punten: ClassVar[bool] = False

    # A kind of a split indicator (see Verdeling): chosen by the indicator's dimensie, on top
    # of the kind its meetwijze gives.
    dimensionaal: ClassVar[bool] = False
    # A paragraph for the reports' leeswijzer, printed when a report shows this kind.
    leeswijzer_alinea: ClassVar[str | None] = None

    _registry: ClassVar[list[type[Kind]]] = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "naam" in cls.__dict__:
            Kind._registry.append(cls)

    def __init__(self, indicator: Indicator, dimensie: Dimensie | None = None):
        self.indicator = indicator
        self.dimensie = dimensie
        self.eenheid = EENHEDEN[indicator.eenheid]

    @classmethod
    def past_bij(cls, indicator: Indicator) -> bool:
        return indicator.meetwijze == cls.naam

    @classmethod
    def past_bij_dimensie(cls, dimensie: Dimensie) -> bool:
        """Whether a split kind (`dimensionaal`) fits an indicator split by `dimensie`."""
        return False

    @property
    def uitleg(self) -> str:
        """What a realisatie of this kind is, in a phrase (a report's section per indicator).
        Each kind by meetwijze sets it (a class attribute, or a property like Stroom's)."""
        raise NotImplementedError(type(self).__name__)

    # --- validation ----------------------------------------------------------------------

    def problemen(self, n: int) -> Iterator[Probleem]:
        """What is wrong with the catalogue entry `indicatoren[n]`."""
        ind = self.indicator
        if not self.telt_op:
            return
        where = f"indicatoren[{n}].meetwijze: '{ind.id}'"
        if ind.regionaal == "gewogen gemiddelde":
            yield Probleem(
                "meetwijze",
                f"{where} is een gewogen gemiddelde (een verhouding); die wordt op de peildatum gemeten: verwacht "
                f"'stand', gevonden '{ind.meetwijze}'",
                code="meetwijze-ongeldig",
            )
        elif self.eenheid.niet_optelbaar:
            yield Probleem(
                "meetwijze",
                f"{where} is {self.eenheid.niet_optelbaar}, dat niet over perioden kan worden opgeteld: verwacht "
                f"'stand', gevonden '{ind.meetwijze}'",
                code="meetwijze-ongeldig",
            )

    # --- scoring -------------------------------------------------------------------------

    def koers(self, p: PrestatieIndicator, periode) -> Koers:
        """A value at the peildatum: the koerslijn from last year's streefwaarde (the nulmeting
        in the first year) to this year's, linear per period."""
        jaarwaarde = p.streefwaarden[periode.jaar]
        vorig = p.streefwaarden.get(periode.jaar - 1)
        if vorig is not None:
            start, label = vorig, f"streefwaarde {periode.jaar - 1}"
        elif p.nulmeting is not None and p.nulmeting.waarde is not None:
            start, label = p.nulmeting.waarde, f"nulmeting {p.nulmeting.jaar}"
        else:
            # A stand without a starting point: only the year's target itself can be compared.
            return Koers(jaarwaarde, jaarwaarde, None, None)
        return Koers(_part(start, jaarwaarde, periode), jaarwaarde, start, label)

    def nulmeting_vergelijkbaar(self, p: PrestatieIndicator, periode) -> Decimal | None:
        """The nulmeting on the realisatie's basis (a stand: as is)."""
        return p.nulmeting.waarde if p.nulmeting is not None else None

    def vorige_vergelijkbaar(self, p: PrestatieIndicator, periode) -> Decimal | None:
        """The previous period's realisatie when it is on the same basis."""
        real = p.realisaties.get(periode.vorige().code)
        return real.waarde if real else None

    def beoordeel(self, regel, realisatie: Decimal | None, streefwaarde: Decimal | None):
        """The verdict of the region's afwijkingsregel (compute/kpi.Afwijkingsregel) for this kind."""
        return regel.beoordeel(
            self.indicator.richting, realisatie, streefwaarde, punten=self.punten, aantal=self.eenheid.telbaar
        )

    # --- showing -------------------------------------------------------------------------

    def koers_tekst(self, periode, koers: Koers, dvo: str = "DVO") -> str:
        """How the streefwaarde at the peildatum follows from the DVO, in one sentence (`dvo` is
        "DVO's" for a gemeente made by a herindeling: its targets are its predecessors')."""
        jaar = f"streefwaarde {periode.jaar} uit de {dvo}: {self.eenheid.tekst(koers.jaarwaarde)}"
        if periode.delen == 1 or koers.vanaf is None:
            return self._jaar_tekst(jaar)
        return self._binnen_jaar_tekst(periode, koers, jaar)

    def _jaar_tekst(self, jaar: str) -> str:
        return f"De {jaar}."

    def _binnen_jaar_tekst(self, p, k: Koers, jaar: str) -> str:
        e = self.eenheid
        return (
            f"Streefwaarde op de peildatum: {e.tekst(k.waarde)}, op de koerslijn van {e.tekst(k.vanaf)} "
            f"({k.vanaf_label}) naar {e.tekst(k.jaarwaarde)} (streefwaarde {p.jaar}), na {p.nummer} van {p.delen} "
            "perioden."
        )

    def realisatie_tekst(self, value: Decimal | None, noemer: Decimal | None) -> str:
        return self.eenheid.tekst(value)

    def moment_tekst(self, periode) -> str:
        """When a realisatie of this kind was measured, to begin a sentence: "Op 31 december 2016"."""
        return f"Op {formatting.date_long(periode.einddatum)}"

    @property
    def noemer_kolom(self) -> bool:
        """A table of gemeenten shows the noemer beside the realisatie."""
        return bool(self.indicator.noemer)

    def in_punten(self, drempels) -> bool:
        """The region judges this indicator in points (then a chart has no percentage thresholds)."""
        return self.punten and drempels.rapportcijfers is not None


class Stroom(Kind):
    """A count in the period, counted from 1 January: compared with the year's part of the target."""

    naam = "stroom"
    leeswijzer = (
        "(bijvoorbeeld uitstroom naar werk): een aantal, opgeteld vanaf het begin van het jaar; "
        "vergeleken met het deel van de jaarstreefwaarde dat bij de periode hoort"
    )
    telt_op = True

    def koers(self, p: PrestatieIndicator, periode) -> Koers:
        jaarwaarde = p.streefwaarden[periode.jaar]
        return Koers(_part(Decimal(0), jaarwaarde, periode), jaarwaarde, Decimal(0), "begin van het jaar")

    def nulmeting_vergelijkbaar(self, p: PrestatieIndicator, periode) -> Decimal | None:
        """A year count, for the same part of the year."""
        return p.nulmeting.waarde * periode.nummer / periode.delen if p.nulmeting is not None else None

    def vorige_vergelijkbaar(self, p: PrestatieIndicator, periode) -> Decimal | None:
        """The count restarts at the first period of a new year: no comparison across that boundary."""
        if periode.delen > 1 and periode.nummer == 1:
            return None
        return super().vorige_vergelijkbaar(p, periode)

    @property
    def uitleg(self) -> str:
        # A share among the people counted since 1 January (a kengetal "aandeel gestegen") is no count.
        if self.eenheid.niet_optelbaar:
            return "aandeel over de periode vanaf het begin van het jaar"
        return self._uitleg

    _uitleg = "aantal in de periode, opgeteld vanaf het begin van het jaar"

    def _binnen_jaar_tekst(self, p, k: Koers, jaar: str) -> str:
        return (
            f"Streefwaarde tot en met de peildatum: {p.nummer}/{p.delen} van de {jaar}, dus "
            f"{self.eenheid.tekst(k.waarde)}."
        )

    def moment_tekst(self, periode) -> str:
        return f"Van 1 januari tot en met {formatting.date_long(periode.einddatum)}"


class Stand(Kind):
    """A value at the peildatum (a caseload, a percentage, an average)."""

    naam = "stand"
    uitleg = "stand op de peildatum"
    leeswijzer = (
        "(bijvoorbeeld het uitkeringsbestand of een percentage): de waarde op de peildatum; vergeleken met de "
        "koerslijn "
        "van de streefwaarde van vorig jaar (of de nulmeting in het eerste jaar) naar de streefwaarde van dit jaar"
    )


class Cumulatief(Kind):
    """A count from the start of the DVO; targets are cumulative, with a koerslijn from last year's."""

    naam = "cumulatief"
    uitleg = "aantal opgeteld vanaf de start van de DVO"
    leeswijzer = (
        "(bijvoorbeeld plaatsingen over de hele DVO-periode): een aantal vanaf de start van de DVO, vergeleken met de "
        "cumulatieve streefwaarde"
    )
    telt_op = True

    def koers(self, p: PrestatieIndicator, periode) -> Koers:
        jaarwaarde = p.streefwaarden[periode.jaar]
        vorig = p.streefwaarden.get(periode.jaar - 1)
        start, label = (
            (vorig, f"streefwaarde {periode.jaar - 1}") if vorig is not None else (Decimal(0), "start van de DVO")
        )
        return Koers(_part(start, jaarwaarde, periode), jaarwaarde, start, label)

    def nulmeting_vergelijkbaar(self, p: PrestatieIndicator, periode) -> Decimal | None:
        """A count since the DVO's start has no comparable nulmeting."""
        return None

    def _jaar_tekst(self, jaar: str) -> str:
        return f"Cumulatieve {jaar} (vanaf de start van de DVO)."

    def moment_tekst(self, periode) -> str:
        return f"Vanaf de start van de DVO tot en met {formatting.date_long(periode.einddatum)}"


class Rapportcijfer(Stand):
    """A score from 1 to 10 of respondents: a stand, judged by its shortfall in points, shown with n."""

    naam = "rapportcijfer"
    punten = True

    @classmethod
    def past_bij(cls, indicator: Indicator) -> bool:
        return indicator.eenheid == "rapportcijfer" and indicator.meetwijze == "stand"

    def realisatie_tekst(self, value: Decimal | None, noemer: Decimal | None) -> str:
        """With its number of respondents: "7,0 (n = 323)"."""
        text = super().realisatie_tekst(value, noemer)
        if value is not None and noemer is not None:
            text += f" (n = {formatting.number(noemer)})"
        return text

    @property
    def noemer_kolom(self) -> bool:
        return False  # n stands beside the score itself


class Verdeling(Kind):
    """A count split by a dimensie (soorten werkplek, doelgroepen): per category, adding up to the
    total. Mixed with the kind its meetwijze gives (`kind_for`), which scores the total when the
    DVO sets streefwaarden on it; its kengetallen are judged as indicators of their own
    (models/dimensies.reeksen). Its report section adds a stacked bar per period and the
    results per category beside the total."""

    naam = "verdeling"
    dimensionaal = True
    macro = "verdeling"
    grafieken: ClassVar[tuple[str, ...]] = ("verdeling",)
    leeswijzer_alinea = (
        "Een indicator met een uitsplitsing (bijvoorbeeld naar doelgroep of soort werkplek) telt per categorie; "
        "de categorieën sluiten elkaar uit en tellen op tot het totaal. Alleen het totaal en de kengetallen met een "
        "streefwaarde in de DVO krijgen een status; een categorie zelf is nooit een afwijking."
    )

    dimensie: Dimensie  # a split kind is always made with its dimensie (kind_for)

    def __init__(self, indicator: Indicator, dimensie: Dimensie):
        super().__init__(indicator, dimensie)

    @classmethod
    def past_bij(cls, indicator: Indicator) -> bool:
        return False  # chosen by its dimensie, not by its meetwijze

    @classmethod
    def past_bij_dimensie(cls, dimensie: Dimensie) -> bool:
        return True

    def problemen(self, n: int) -> Iterator[Probleem]:
        yield from super().problemen(n)
        ind = self.indicator
        if ind.eenheid != "aantal":
            yield Probleem(
                "eenheid",
                f"indicatoren[{n}].eenheid: '{ind.id}' is uitgesplitst naar {self.dimensie.id}: per categorie een "
                "aantal; "
                f"verwacht 'aantal', gevonden '{ind.eenheid}'",
                code="uitsplitsing-ongeldig",
            )
        elif ind.regionaal != "som":
            yield Probleem(
                "regionaal",
                f"indicatoren[{n}].regionaal: aantallen per categorie worden opgeteld; verwacht 'som', gevonden "
                f"'{ind.regionaal}'",
                code="uitsplitsing-ongeldig",
            )

    def categorie_noot(self, dimensie: Dimensie) -> str:
        return (
            f"De categorieën krijgen geen status: alleen het totaal en de kengetallen met een streefwaarde in de DVO "
            f"worden beoordeeld. Streefwaarden per {dimensie.enkelvoud} staan in de DVO als verwachting."
        )

    @staticmethod
    def regionaal_per_categorie(standen: list[dict[str, int]]) -> dict[str, int]:
        """The region's count per category: the gemeenten's counts added up."""
        out: dict[str, int] = {}
        for stand in standen:
            for c, n in stand.items():
                out[c] = out.get(c, 0) + n
        return out


class Ladder(Verdeling):
    """A split by an ordered dimensie (the treden of the participatieladder): the realisaties can
    carry the overgangen of the year so far, and kengetallen can count who rose or fell. Its
    report section adds the table of overgangen."""

    naam = "ladder"
    macro = "ladder"
    grafieken = ("verdeling", "overgangen")
    leeswijzer_alinea = (
        "Bij een ladder (zoals de participatieladder) staan ook de overgangen: van welke trede aan het begin van het "
        "jaar naar welke trede op de peildatum. De rijen tellen op tot de stand aan het begin van het jaar, de "
        "kolommen "
        "tot de stand op de peildatum. Wie hoger staat, is gestegen; wie lager staat, gedaald. Dat mensen stijgen, "
        "verschuift aantallen tussen de treden: alleen de kengetallen met een streefwaarde (zoals het aandeel dat "
        "ten minste één trede steeg) worden beoordeeld."
    )

    @classmethod
    def past_bij_dimensie(cls, dimensie: Dimensie) -> bool:
        return dimensie.ladder

    def categorie_noot(self, dimensie: Dimensie) -> str:
        return (
            super().categorie_noot(dimensie)
            + f" Een {dimensie.enkelvoud} die groeit doordat mensen doorstromen, is geen afwijking."
        )

    @staticmethod
    def regionaal_overgangen(matrices: list[dict[str, dict[str, int]]]) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for m in matrices:
            for van, rij in m.items():
                for naar, n in rij.items():
                    out.setdefault(van, {})[naar] = out.get(van, {}).get(naar, 0) + n
        return out


def kinds() -> list[type[Kind]]:
    """Every registered kind, in the order they were defined."""
    return list(Kind._registry)


def leeswijzer() -> list[tuple[str, str]]:
    """(name, sentence) of every kind the reports' leeswijzer explains, in registry order."""
    # Only a kind that explains itself (a subclass such as Rapportcijfer inherits Stand's sentence).
    return [(k.naam, k.__dict__["leeswijzer"]) for k in Kind._registry if k.__dict__.get("leeswijzer")]


_COMBINED: dict[tuple[type[Kind], type[Kind]], type[Kind]] = {}


def _combined(split: type[Kind], base: type[Kind]) -> type[Kind]:
    """A split kind on top of a meetwijze kind (Ladder + Stand): made once per pair, not registered."""
    if (split, base) not in _COMBINED:
        _COMBINED[split, base] = type(f"{split.__name__}{base.__name__}", (split, base), {})
    return _COMBINED[split, base]


def kind_for(indicator: Indicator, dimensie: Dimensie | None = None) -> Kind:
    """The kind of `indicator`: the most specific registered class that accepts it; with a
    dimensie, the most specific split kind for that dimensie on top of it."""
    base = next((cls for cls in reversed(Kind._registry) if not cls.dimensionaal and cls.past_bij(indicator)), None)
    if base is None:
        raise ValueError(f"no kind for indicator {indicator.id!r}")  # the catalogue's Literal types prevent this
    if dimensie is None:
        return base(indicator)
    split = next(cls for cls in reversed(Kind._registry) if cls.dimensionaal and cls.past_bij_dimensie(dimensie))
    return _combined(split, base)(indicator, dimensie)
