"""What changed between two versions of a DVO: the view model of the wijzigingsoverzicht.

Both sides are DVO view models (dvo_document.py), so the overzicht compares what
the documents say, not YAML. Text is compared word by word with difflib's
SequenceMatcher (see docs/ARCHITECTURE.md for why not the `redlines` package);
amounts and targets are compared as numbers, old / new / difference.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from markupsafe import Markup

from generator.render.documents.dvo.view import DvoDocument, MaatwerkRegel, NulmetingTekst

GELIJK, INGEVOEGD, VERWIJDERD = "gelijk", "ingevoegd", "verwijderd"
NIEUW, VERVALLEN, GEWIJZIGD, ONGEWIJZIGD = "nieuw", "vervallen", "gewijzigd", "ongewijzigd"


@dataclass(frozen=True)
class Stuk:
    """A run of words that is the same in both versions, only in the new one, or only in the old."""

    soort: str
    tekst: str


SHORT_EQUAL = 2  # words: a shorter common run between two changes is folded into them


def _ops(a: list[str], b: list[str]) -> list[tuple[bool, list[str], list[str]]]:
    """(equal, old words, new words) runs from difflib, with short common runs between two
    changes folded into one change, so "van" or "de" do not chop a rewritten clause apart."""
    ops = [
        (tag == "equal", a[i1:i2], b[j1:j2])
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    ]
    changed = True
    while changed:
        changed = False
        for i in range(1, len(ops) - 1):
            eq, old, _ = ops[i]
            if eq and len(old) <= SHORT_EQUAL and not ops[i - 1][0] and not ops[i + 1][0]:
                before, after = ops[i - 1], ops[i + 1]
                ops[i - 1 : i + 2] = [(False, before[1] + old + after[1], before[2] + old + after[2])]
                changed = True
                break
    return ops


def woorddiff(oud: str, nieuw: str) -> list[Stuk]:
    """Word-level difference; a replaced run is shown as deleted words, then inserted words."""
    out: list[Stuk] = []
    for equal, old, new in _ops(oud.split(), nieuw.split()):
        if equal:
            out.append(Stuk(GELIJK, " ".join(old)))
            continue
        if old:
            out.append(Stuk(VERWIJDERD, " ".join(old)))
        if new:
            out.append(Stuk(INGEVOEGD, " ".join(new)))
    return out


@dataclass(frozen=True)
class Alinea:
    status: str  # ongewijzigd, gewijzigd, nieuw, vervallen
    stukken: list[Stuk]


@dataclass(frozen=True)
class Tekstdeel:
    """An article (or the parties, or the considerations) in both versions."""

    id: str
    titel: str
    nummer_oud: str | None
    nummer_nieuw: str | None
    status: str
    alineas: list[Alinea]

    @property
    def kop(self) -> str:
        if self.nummer_nieuw is None and self.nummer_oud is None:
            return self.titel
        if self.nummer_nieuw is None:
            return f"Artikel {self.nummer_oud} (oud). {self.titel}"
        was = f" (was artikel {self.nummer_oud})" if self.nummer_oud not in (None, self.nummer_nieuw) else ""
        return f"Artikel {self.nummer_nieuw}{was}. {self.titel}"


@dataclass(frozen=True)
class Bedrag:
    label: str
    oud: Decimal | None
    nieuw: Decimal | None

    @property
    def verschil(self) -> Decimal | None:
        if self.oud is None or self.nieuw is None:
            return None
        return self.nieuw - self.oud

    @property
    def gewijzigd(self) -> bool:
        return self.oud != self.nieuw


@dataclass(frozen=True)
class BudgetJaar:
    jaar: int
    regels: list[Bedrag]

    @property
    def gewijzigd(self) -> bool:
        return any(r.gewijzigd for r in self.regels)


@dataclass(frozen=True)
class Veld:
    label: str
    stukken: list[Stuk]


@dataclass(frozen=True)
class MaatwerkWijziging:
    id: str
    titel: str
    status: str
    velden: list[Veld]  # text fields, word by word
    budget: list[Bedrag]  # per year
    deelnemers: list[Bedrag]  # per year (counts)


@dataclass(frozen=True)
class KpiWijziging:
    id: str
    naam: str
    eenheid: str
    status: str
    nulmeting: Bedrag
    streefwaarden: list[Bedrag]  # per year


@dataclass(frozen=True)
class Kant:
    """One side of the comparison."""

    versie: str
    datum: dt.date
    status: str
    bron: str  # "revisie e84361e1c9" or "werkmap"
    standaard_versie: str
    controlegetal: str


@dataclass(frozen=True)
class Overzicht:
    slug: str
    gemeente: str
    organisatie: str
    van: Kant
    tot: Kant
    teksten: list[Tekstdeel]
    budget: list[BudgetJaar]
    maatwerk: list[MaatwerkWijziging]
    kpis: list[KpiWijziging]
    vastgelegd_controlegetal: str | None  # what `dvo vastleggen` recorded for the old version, if anything

    @property
    def titel(self) -> str:
        return f"Wijzigingsoverzicht DVO gemeente {self.gemeente}: versie {self.van.versie} → {self.tot.versie}"

    def _tel(self, items, status: str) -> int:
        return sum(1 for i in items if i.status == status)

    @property
    def artikelen(self) -> list[Tekstdeel]:
        return [t for t in self.teksten if t.nummer_oud is not None or t.nummer_nieuw is not None]

    @property
    def samenvatting(self) -> dict[str, dict[str, int]]:
        return {
            "artikelen": {s: self._tel(self.artikelen, s) for s in (GEWIJZIGD, NIEUW, VERVALLEN)},
            "maatwerk": {s: self._tel(self.maatwerk, s) for s in (GEWIJZIGD, NIEUW, VERVALLEN)},
            "kpis": {s: self._tel(self.kpis, s) for s in (GEWIJZIGD, NIEUW, VERVALLEN)},
        }

    @property
    def budget_jaren_gewijzigd(self) -> list[int]:
        return [b.jaar for b in self.budget if b.gewijzigd]

    @property
    def controle_klopt(self) -> bool | None:
        if self.vastgelegd_controlegetal is None:
            return None
        return self.vastgelegd_controlegetal == self.van.controlegetal


def _alineas(oud: list[str], nieuw: list[str]) -> list[Alinea]:
    out: list[Alinea] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, oud, nieuw, autojunk=False).get_opcodes():
        if tag == "equal":
            out += [Alinea(ONGEWIJZIGD, [Stuk(GELIJK, t)]) for t in oud[i1:i2]]
            continue
        old, new = oud[i1:i2], nieuw[j1:j2]
        paired = min(len(old), len(new)) if tag == "replace" else 0
        out += [Alinea(GEWIJZIGD, woorddiff(o, n)) for o, n in zip(old[:paired], new[:paired], strict=True)]
        out += [Alinea(VERVALLEN, [Stuk(VERWIJDERD, t)]) for t in old[paired:]]
        out += [Alinea(NIEUW, [Stuk(INGEVOEGD, t)]) for t in new[paired:]]
    return out


def _status(alineas: list[Alinea]) -> str:
    return ONGEWIJZIGD if all(a.status == ONGEWIJZIGD for a in alineas) else GEWIJZIGD


def _text(value) -> str:
    return Markup(value).striptags() if isinstance(value, Markup) else " ".join(str(value).split())


def teksten(doc: DvoDocument) -> list[tuple[str, str, str | None, list[str]]]:
    """(id, title, article number, paragraphs) of every text part of a DVO, in order.

    Generated text that is words rather than a table (the definition of a sterke
    afwijking, the gemeente's own obligations) is compared with its article."""
    out: list[tuple[str, str, str | None, list[str]]] = [
        ("partijen", "Partijen", None, [p.tekst for p in doc.partijen])
    ]
    if doc.considerans:
        out.append(("considerans", "Overwegingen", None, [_text(c) for c in doc.considerans]))
    for a in doc.artikelen:
        alineas = [_text(lid) for lid in a.leden]
        if a.gegenereerd == "sterke_afwijking":
            alineas += doc.sterke_afwijking
        elif a.gegenereerd == "afspraken_gemeente":
            alineas += doc.afspraken_gemeente
        out.append((a.id, a.titel, a.nummer, alineas))
    return out


def _vergelijk_teksten(oud: DvoDocument, nieuw: DvoDocument) -> list[Tekstdeel]:
    old = {t[0]: t for t in teksten(oud)}
    new = {t[0]: t for t in teksten(nieuw)}
    order = SequenceMatcher(None, list(old), list(new), autojunk=False)
    ids: list[str] = []
    for tag, i1, i2, j1, j2 in order.get_opcodes():
        ids += list(old)[i1:i2] if tag in ("delete", "replace") else []
        ids += list(new)[j1:j2] if tag != "delete" else []
    out = []
    for key in dict.fromkeys(ids):
        o, n = old.get(key), new.get(key)
        if o is None:
            assert n is not None  # every key is in old or new
            out.append(Tekstdeel(key, n[1], None, n[2], NIEUW, [Alinea(NIEUW, [Stuk(INGEVOEGD, t)]) for t in n[3]]))
        elif n is None:
            out.append(
                Tekstdeel(key, o[1], o[2], None, VERVALLEN, [Alinea(VERVALLEN, [Stuk(VERWIJDERD, t)]) for t in o[3]])
            )
        else:
            alineas = _alineas(o[3], n[3])
            titel = n[1] if o[1] == n[1] else f"{n[1]} (was: {o[1]})"
            out.append(Tekstdeel(key, titel, o[2], n[2], _status(alineas), alineas))
    return out


BUDGETREGELS: list[tuple[str, Callable[[DvoDocument, int], Decimal]]] = [
    ("Participatiebudget", lambda d, i: d.budget[i].participatiebudget),
    ("I-deel loonkostensubsidie", lambda d, i: d.budget[i].ideel_loonkostensubsidie),
    ("Beschikbaar", lambda d, i: d.budget[i].beschikbaar),
    ("Basisdienstverlening", lambda d, i: d.budget[i].basisdienstverlening),
    ("Verplichtingen", lambda d, i: d.budget[i].verplichtingen),
    ("Maatwerkbudget", lambda d, i: d.budget[i].maatwerkbudget),
    ("Toegewezen aan maatwerkafspraken", lambda d, i: d.toewijzing[i].toegewezen),
    ("Nog niet toegewezen", lambda d, i: d.toewijzing[i].nog_niet_toegewezen),
    ("Bijdrage van de gemeente", lambda d, i: d.bijdragen[i].totaal),
]


def _jaren(oud: DvoDocument, nieuw: DvoDocument) -> list[int]:
    return sorted(set(oud.jaren) | set(nieuw.jaren))


def _value(doc: DvoDocument, jaar: int, get) -> Decimal | None:
    return get(doc, doc.jaren.index(jaar)) if jaar in doc.jaren else None


def _budget(oud: DvoDocument, nieuw: DvoDocument) -> list[BudgetJaar]:
    return [
        BudgetJaar(j, [Bedrag(label, _value(oud, j, get), _value(nieuw, j, get)) for label, get in BUDGETREGELS])
        for j in _jaren(oud, nieuw)
    ]


def _per_jaar(
    jaren: list[int], oud: tuple[list[int], list] | None, nieuw: tuple[list[int], list] | None
) -> list[Bedrag]:
    def get(side, j):
        if side is None or j not in side[0]:
            return None
        return side[1][side[0].index(j)]

    return [Bedrag(str(j), get(oud, j), get(nieuw, j)) for j in jaren]


MAATWERKVELDEN = [("Titel", "titel"), ("Doelgroep", "doelgroep"), ("Dienstverlening", "omschrijving")]


def _names(items) -> str:
    return ", ".join(i.naam for i in items) or "geen"


def _maatwerk(oud: DvoDocument, nieuw: DvoDocument) -> list[MaatwerkWijziging]:
    jaren = _jaren(oud, nieuw)
    old = {m.id: m for m in oud.maatwerk}
    new = {m.id: m for m in nieuw.maatwerk}
    out = []
    for key in dict.fromkeys([*new, *old]):
        o: MaatwerkRegel | None = old.get(key)
        n: MaatwerkRegel | None = new.get(key)
        velden = [
            Veld(label, woorddiff(getattr(o, attr) if o else "", getattr(n, attr) if n else ""))
            for label, attr in MAATWERKVELDEN
        ]
        velden += [
            Veld("Instrumenten", woorddiff(_names(o.instrumenten) if o else "", _names(n.instrumenten) if n else "")),
            Veld("Indicatoren", woorddiff(_names(o.indicatoren) if o else "", _names(n.indicatoren) if n else "")),
        ]
        budget = _per_jaar(jaren, (oud.jaren, o.bedragen) if o else None, (nieuw.jaren, n.bedragen) if n else None)
        deelnemers = _per_jaar(
            jaren, (oud.jaren, o.deelnemers) if o else None, (nieuw.jaren, n.deelnemers) if n else None
        )
        if o is None:
            status = NIEUW
        elif n is None:
            status = VERVALLEN
        else:
            same = all(s.soort == GELIJK for v in velden for s in v.stukken)
            status = ONGEWIJZIGD if same and not any(b.gewijzigd for b in budget + deelnemers) else GEWIJZIGD
        regel = n or o
        assert regel is not None  # every key is in old or new
        out.append(MaatwerkWijziging(key, regel.titel, status, velden, budget, deelnemers))
    return out


def _targets(doc: DvoDocument) -> dict[str, tuple[str, str, NulmetingTekst | None, list[Decimal | None]]]:
    """Every series the DVO sets targets on, by id: (name, unit, nulmeting, streefwaarden) of each
    indicator and, right after it, of each of its kengetallen."""
    out = {}
    for k in doc.kpis:
        out[k.indicator.id] = (k.indicator.naam, k.indicator.eenheid, k.nulmeting, k.streefwaarden)
        for g in k.kengetallen:
            out[g.id] = (g.naam, g.eenheid, g.nulmeting, g.streefwaarden)
    return out


def _kpis(oud: DvoDocument, nieuw: DvoDocument) -> list[KpiWijziging]:
    jaren = _jaren(oud, nieuw)
    old, new = _targets(oud), _targets(nieuw)
    out = []
    for key in dict.fromkeys([*new, *old]):
        o, n = old.get(key), new.get(key)
        nul = Bedrag("Nulmeting", o[2].waarde if o and o[2] else None, n[2].waarde if n and n[2] else None)
        streef = _per_jaar(jaren, (oud.jaren, o[3]) if o else None, (nieuw.jaren, n[3]) if n else None)
        status = (
            NIEUW
            if o is None
            else VERVALLEN
            if n is None
            else (GEWIJZIGD if nul.gewijzigd or any(s.gewijzigd for s in streef) else ONGEWIJZIGD)
        )
        regel = n or o
        assert regel is not None  # every key is in old or new
        naam, eenheid = regel[:2]
        out.append(KpiWijziging(key, naam, eenheid, status, nul, streef))
    return out


def vergelijk(oud: DvoDocument, nieuw: DvoDocument, *, van: Kant, tot: Kant, vastgelegd: str | None) -> Overzicht:
    return Overzicht(
        slug=nieuw.slug,
        gemeente=nieuw.gemeente,
        organisatie=nieuw.organisatie,
        van=van,
        tot=tot,
        teksten=_vergelijk_teksten(oud, nieuw),
        budget=_budget(oud, nieuw),
        maatwerk=_maatwerk(oud, nieuw),
        kpis=_kpis(oud, nieuw),
        vastgelegd_controlegetal=vastgelegd,
    )
