"""One set of figures everywhere (issue 22): for every gemeente and every period, the site's
gemeente page, the report's reading copy (the HTML on the site) and the report's PDF show the
same overall result (how many indicators are op koers, aandachtspunt and afwijking) and, per
indicator, the same status, realisatie, streefwaarde and prestatie, written the same way; the
open data have the same status and the prestatie in the column and unit the pages use.

Read from the built files as a reader gets them (the example region, and the tertaal fixture
for periods within a year); the figures are never typed here, only compared between places.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from decimal import Decimal
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import flat, pdf_pages

STATUSSEN = ("op koers", "aandachtspunt", "afwijking")
# "6 op koers, 2 aandachtspunten en 1 afwijking": the overall result, each status with its
# count (also 0), in this order.
TELLING = re.compile(
    r"(\d+) op koers(?:,| en) (\d+) aandachtspunt(?:en)?(?:,| en) (\d+) afwijking(?:en)?(?! gaan| gaat)"
)


# --- reading the HTML ------------------------------------------------------------------


@dataclass
class Tabel:
    klasse: str
    kop: list[str] = field(default_factory=list)
    rijen: list[list[str]] = field(default_factory=list)


@dataclass
class Item:
    """One indicator on the gemeente page (its list 'Prestaties in ...')."""

    naam: str = ""
    status: str = ""
    prestatie: str = ""
    cijfers: str = ""


class _Lezer(HTMLParser):
    """The tables (header and body rows, each cell's text), the gemeente page's indicator items
    and the text of the whole page (without scripts and styles)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tabellen: list[Tabel] = []
        self.items: list[Item] = []
        self.delen: list[str] = []
        self._code = 0  # inside <script> or <style>
        self._cel: list[str] | None = None
        self._rij: list[str] | None = None
        self._in_kop = False
        self._veld: list[tuple[str, str, int]] = []  # (item field, tag, depth) being read
        self._diepte = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        klasse = a.get("class") or ""
        self._diepte += 1
        if tag == "table":
            self.tabellen.append(Tabel(klasse))
        elif tag == "thead":
            self._in_kop = True
        elif tag == "tr" and self.tabellen:
            self._rij = []
        elif tag in ("td", "th") and self._rij is not None:
            self._cel = []
        elif tag in ("script", "style"):
            self._code += 1
        elif tag == "li" and "kpi-stand__item" in klasse:
            self.items.append(Item())
        if tag == "span" and self.items:
            for veld, naam in (
                ("naam", "kpi-stand__naam"),
                ("status", "status"),
                ("prestatie", "kpi-stand__prestatie"),
                ("cijfers", "kpi-stand__cijfers"),
                ("", "richting"),  # inside the name: not part of it
            ):
                if naam in klasse.split():
                    self._veld.append((veld, tag, self._diepte))

    def handle_endtag(self, tag):
        if self._veld and self._veld[-1][2] == self._diepte:
            self._veld.pop()
        self._diepte -= 1
        if tag in ("td", "th") and self._cel is not None and self._rij is not None:
            self._rij.append(_tekst("".join(self._cel)))
            self._cel = None
        elif tag == "tr" and self._rij is not None:
            tabel = self.tabellen[-1]
            if self._in_kop:
                tabel.kop = self._rij
            else:
                tabel.rijen.append(self._rij)
            self._rij = None
        elif tag == "thead":
            self._in_kop = False
        elif tag in ("script", "style"):
            self._code -= 1

    def handle_data(self, data):
        if self._cel is not None:
            self._cel.append(data)
        if not self._code:
            self.delen.append(data)
        if self._veld and self.items:
            veld = self._veld[-1][0]
            if veld:
                setattr(self.items[-1], veld, getattr(self.items[-1], veld) + data)

    @property
    def tekst(self) -> str:
        return _tekst(" ".join(self.delen))


def _tekst(text: str) -> str:
    return flat(unescape(text).replace("\u00ad", "").replace("\u00a0", " "))


def lees(path: Path) -> _Lezer:
    lezer = _Lezer()
    lezer.feed(path.read_text(encoding="utf-8"))
    return lezer


# --- the three places --------------------------------------------------------------------


@dataclass(frozen=True)
class Rij:
    """An indicator as a report's main table shows it."""

    naam: str  # "Uitstroom naar werk"
    cellen: tuple[str, ...]  # every cell as printed, the first the name with its richting
    streefwaarde: str
    realisatie: str
    prestatie: str
    status: str | None  # one of STATUSSEN, or None (no verdict)


def _status(text: str) -> str | None:
    return next((s for s in STATUSSEN if text.startswith(s)), None)


def rapporttabel(lezer: _Lezer, where: str) -> list[Rij]:
    """The report's main table of indicators ('Prestatie-indicatoren')."""
    [tabel] = [t for t in lezer.tabellen if "overzicht" in t.klasse.split()] or [None]
    assert tabel is not None, f"{where}: geen tabel met de prestatie-indicatoren"
    kolom = {naam: i for i, naam in enumerate(tabel.kop)}
    out = []
    for cellen in tabel.rijen:
        naam = re.sub(r" \((?:hoger|lager) is beter[^)]*\)$", "", cellen[0])
        out.append(
            Rij(
                naam,
                tuple(cellen),
                cellen[kolom["Streefwaarde"]],
                cellen[kolom["Realisatie"]],
                cellen[kolom["Prestatie"]],
                _status(cellen[kolom["Status"]]),
            )
        )
    return out


def telling_in(text: str) -> set[tuple[int, ...]]:
    """Every overall result stated in `text`: (op koers, aandachtspunten, afwijkingen)."""
    return {tuple(int(n) for n in m.groups()) for m in TELLING.finditer(text)}


def telling_verschil(text: str, getallen: tuple[int, ...], where: str, wie: str = "de tabel") -> list[str]:
    """What is wrong with the overall result in `text`, counted `getallen` by `wie`."""
    found = telling_in(text)
    if not found:
        return [f"{where}: het totaalresultaat (aantal op koers, aandachtspunten en afwijkingen) ontbreekt"]
    if found != {getallen}:
        return [f"{where}: zegt {' en '.join(map(str, sorted(found)))}, {wie} telt {getallen}"]
    return []


def geteld(rijen: list[Rij]) -> tuple[int, ...]:
    return tuple(sum(1 for r in rijen if r.status == s) for s in STATUSSEN)


def pdf_tekst(path: Path) -> str:
    """A PDF's text as one line: words the layout hyphenated joined again, cells in reading order."""
    text = "\n".join(pdf_pages(path))
    text = text.replace("\u2010\n", "").replace("\u00ad\n", "")
    return re.sub(r"-\s+punt\b", "-punt", flat(text))


@dataclass(frozen=True)
class Rapport:
    slug: str
    periode: str
    leesversie: Path
    pdf: Path


def rapporten(site: Path) -> dict[str, list[Rapport]]:
    """Every gemeente's reports on the site, per gemeente slug."""
    out: dict[str, list[Rapport]] = {}
    for pagina in sorted((site / "gemeenten").glob("*/index.html")):
        slug = pagina.parent.name
        perioden = [d.name.removeprefix("rapport-") for d in sorted(pagina.parent.glob("rapport-*"))]
        out[slug] = [
            Rapport(slug, p, pagina.parent / f"rapport-{p}" / "index.html", site / "pdf" / f"rapport-{slug}-{p}.pdf")
            for p in perioden
        ]
    return out


def vergelijk(site: Path) -> list[str]:
    """Every difference between the three places, as a reader would name it."""
    verschillen: list[str] = []
    alle = rapporten(site)
    assert alle and any(alle.values()), f"geen rapportages gevonden in {site}"
    for slug, lijst in alle.items():
        gemeentepagina = site / "gemeenten" / slug / "index.html"
        pagina = lees(gemeentepagina)
        laatste = laatste_rapport(gemeentepagina, lijst)
        for rapport in lijst:
            where = f"rapport {slug} {rapport.periode}"
            leesversie = lees(rapport.leesversie)
            rijen = rapporttabel(leesversie, f"{where} (leesversie)")
            pdf = pdf_tekst(rapport.pdf)
            getallen = geteld(rijen)
            verschillen += telling_verschil(leesversie.tekst, getallen, f"{where} (leesversie)")
            verschillen += telling_verschil(pdf, getallen, f"{where} (PDF)")
            for rij in rijen:
                if " ".join(rij.cellen) not in pdf:
                    verschillen.append(f"{where}: de rij '{' | '.join(rij.cellen)}' staat niet zo in de PDF")
            verschillen += _open_data(site, rapport, rijen, where)
            if rapport is laatste:
                verschillen += _gemeentepagina(pagina, rijen, getallen, f"gemeentepagina {slug} ({rapport.periode})")
    return verschillen


def _getal(text: str) -> Decimal:
    """A figure as printed ("+1,0 punt", "−1,3 punt", "88,2%") as a number."""
    m = re.match(r"([+−±-]?)([\d.]+(?:,\d+)?)", text)
    assert m, text
    value = Decimal(m.group(2).replace(".", "").replace(",", "."))
    return -value if m.group(1) in ("−", "-") else value


def _open_data(site: Path, rapport: Rapport, rijen: list[Rij], where: str) -> list[str]:
    """The gemeente's open data for the period say what the report shows: per indicator with a
    realisatie (in the report's order) the same status, and the prestatie in the column that
    `prestatie_eenheid` names, in the unit the report writes it in."""
    with (site / "pdf" / f"kpi-{rapport.slug}.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["periode"] == rapport.periode]
    gemeten = [r for r in rijen if r.realisatie != "–"]
    if len(rows) != len(gemeten):
        return [f"{where}: {len(gemeten)} indicatoren met een realisatie, in de open data {len(rows)}"]
    out = []
    for rij, row in zip(gemeten, rows, strict=True):
        if (row["status"] or None) != rij.status:
            out.append(f"{where}: {rij.naam}: status '{rij.status}', in de open data '{row['status']}'")
        if rij.status is None or rij.prestatie in ("–", "n.v.t."):
            continue
        eenheid = row["prestatie_eenheid"]
        kolom, teken = {"punt": ("verschil_punten", " punt"), "procent": ("prestatie", "%")}[eenheid]
        if not rij.prestatie.endswith(teken) or abs(_getal(rij.prestatie) - Decimal(row[kolom])) > Decimal("0.051"):
            out.append(
                f"{where}: {rij.naam}: prestatie '{rij.prestatie}', in de open data {kolom} = {row[kolom]} ({eenheid})"
            )
    return out


def laatste_rapport(gemeentepagina: Path, lijst: list[Rapport]) -> Rapport | None:
    """The report the gemeente page's 'Prestaties in ...' section refers to."""
    html = gemeentepagina.read_text(encoding="utf-8")
    start = html.find('class="kpi-stand"')
    if start < 0:
        return None
    m = re.search(r'href="(?:\.\./)*(?:[^"]*/)?rapport-([^/"]+)/"', html[start:])
    assert m, f"{gemeentepagina}: de prestaties verwijzen niet naar hun rapportage"
    return next(r for r in lijst if r.periode == m.group(1))


def _gemeentepagina(pagina: _Lezer, rijen: list[Rij], getallen, where: str) -> list[str]:
    out = telling_verschil(pagina.tekst, getallen, where, "de rapportage")
    items = {flat(i.naam): i for i in pagina.items}
    if set(items) != {r.naam for r in rijen}:
        out.append(f"{where}: andere indicatoren dan de rapportage: {sorted(set(items) ^ {r.naam for r in rijen})}")
    for rij in rijen:
        item = items.get(rij.naam)
        if item is None:
            continue
        status = _status(flat(item.status))
        if status != rij.status:
            out.append(f"{where}: {rij.naam}: status '{flat(item.status)}', in de rapportage '{rij.status}'")
        if rij.status is None:
            continue
        prestatie = flat(item.prestatie).removeprefix("prestatie ")
        if prestatie != rij.prestatie:
            out.append(f"{where}: {rij.naam}: prestatie '{prestatie}', in de rapportage '{rij.prestatie}'")
        cijfers = flat(item.cijfers)
        verwacht = f"realisatie {rij.realisatie} · streefwaarde {rij.streefwaarde}"
        if cijfers != verwacht:
            out.append(f"{where}: {rij.naam}: '{cijfers}', in de rapportage '{verwacht}'")
    return out


@pytest.mark.parametrize("regio", ["built", "built_tertaal"])
def test_gemeente_page_reading_copy_and_pdf_show_the_same_figures(regio, request):
    """Every gemeente, every period: the counts on page 1 of the report (reading copy and PDF)
    and on the gemeente page agree with each other and with the report's own table; each
    indicator's status, realisatie, streefwaarde and prestatie read the same on the gemeente
    page as in the report, and every row of the report's table stands as such in its PDF."""
    site = request.getfixturevalue(regio) / "site"
    verschillen = vergelijk(site)
    assert not verschillen, "\n".join(verschillen)
