"""Accessible SVG charts for the reports, written directly (no charting runtime).

Every chart is `role="img"` with a <title> and a <desc> that states its numbers
in words; the template puts the same numbers in a table next to it. Output is
plain text built from the figures only, so the same data gives the same bytes.
Colour is never the only carrier: lines differ in dash and marker, bars carry
their value and status as text.

Legibility in print: the PDF draws a chart at the full width of the text column (about
620 CSS px), so one viewBox unit is one px = 0,75 pt and the smallest font size, 11, is 8,25 pt.
Labels are placed from an estimate of their width (`text_width`, a little wider than
DejaVu Sans really is), so they never overlap; tests check that with the font's metrics.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

from generator.models.kinds import Eenheid
from generator.util import formatting

WIDTH = 620
FONT_SIZE = 12  # labels, ticks, legend
SMALL = 11  # never smaller: 8,25 pt in the PDF
FONT = 'font-family="DejaVu Sans, sans-serif"'
INK, MUTED, GRID = "#1a1a1a", "#595959", "#d0d0d0"
REALISATIE, STREEF, NULMETING = "#1f4e79", "#595959", "#1a1a1a"
STATUS_KLEUR = {"op koers": "#2e6b30", "aandachtspunt": "#8a5300", "afwijking": "#a1001c", None: "#767676"}

def text_width(text: str, size: float = FONT_SIZE) -> float:
    """A generous estimate of the width of `text` in DejaVu Sans (0,66 em a character)."""
    return len(text) * size * 0.66


def _n(x: float) -> str:
    """Coordinates with at most one decimal: stable text, no float noise."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def nice_ticks(lo: float, hi: float, count: int = 4) -> list[float]:
    """Round tick values covering [lo, hi]: steps of 1, 2, 2.5 or 5 times a power of ten."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10, 20) if m * power >= raw)
    first = (lo // step) * step
    ticks, t = [], first
    while t < hi + step * 0.999:
        ticks.append(round(t, 6))
        t += step
    return ticks


def _frame(uid: str, height: int, title: str, desc: str, body: list[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="{uid}-t {uid}-d">'
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = FONT_SIZE, fill: str = INK, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{size}" fill="{fill}" {FONT}{weight}>{escape(text)}</text>'


def _tick_text(value: float) -> str:
    """Tick labels carry the number only; the unit is in the axis title."""
    d = Decimal(str(value))
    return formatting.number(d) if d == d.to_integral_value() else formatting.number(d, decimals=1)


@dataclass(frozen=True)
class Punt:
    label: str  # first label line: "T2", "Q3", "2016" or "nulmeting"
    jaar: str | None  # second label line (the year at the first period of a year), or None
    streefwaarde: Decimal | None
    realisatie: Decimal | None
    nulmeting: bool = False
    naam: str | None = None  # the period in full ("T2 2016"), for the text alternative and the table

    @property
    def omschrijving(self) -> str:
        if self.naam:
            return self.naam
        return f"{self.label} {self.jaar}" if self.jaar and self.jaar != self.label else self.label


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "circle":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4.5" fill="{colour}"/>'
    if kind == "diamond":
        return f'<path d="M{_n(x)} {_n(y - 6)}L{_n(x + 6)} {_n(y)}L{_n(x)} {_n(y + 6)}L{_n(x - 6)} {_n(y)}Z" fill="#ffffff" stroke="{colour}" stroke-width="2"/>'
    return f'<rect x="{_n(x - 4)}" y="{_n(y - 4)}" width="8" height="8" fill="#ffffff" stroke="{colour}" stroke-width="2"/>'


def _slots(punten: list[Punt], left: float, right: float) -> list[float]:
    """The x centre of every point. A nulmeting gets a slot as wide as its label, apart from
    the periods, so its label can never run into the first period's."""
    nul = [p for p in punten if p.nulmeting]
    rest = len(punten) - len(nul)
    x, out = left, []
    if nul:
        wide = max(text_width(nul[0].label), text_width(nul[0].jaar or "")) + 16
        out.append(x + wide / 2)
        x += wide + 8
    step = (right - x) / max(rest, 1)
    out += [x + step * (i + 0.5) for i in range(rest)]
    return out


def trend(uid: str, titel: str, punten: list[Punt], eenheid: Eenheid) -> Markup:
    """Realisatie against streefwaarde over the periods: two lines, markers, the nulmeting apart."""
    height, right, top, bottom = 250, 12, 52, 46
    values = [float(v) for p in punten for v in (p.streefwaarde, p.realisatie) if v is not None]
    lo, hi = min(values), max(values)
    if lo >= 0 and lo < 0.5 * hi:
        lo = 0.0
    ticks = nice_ticks(lo, hi)
    y0, y1 = ticks[0], ticks[-1]
    left = max(text_width(_tick_text(t), SMALL) for t in ticks) + 14
    plot_h = height - top - bottom
    xs = _slots(punten, left, WIDTH - right)

    def y(v: Decimal | float) -> float:
        return top + plot_h * (1 - (float(v) - y0) / (y1 - y0))

    body = [_text(4, top - 10, eenheid.as_titel, size=SMALL, fill=MUTED)]
    for t in ticks:
        body.append(f'<line x1="{_n(left)}" x2="{WIDTH - right}" y1="{_n(y(t))}" y2="{_n(y(t))}" stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(left - 6, y(t) + 4, _tick_text(t), anchor="end", size=SMALL, fill=MUTED))
    base = height - bottom
    for p, x in zip(punten, xs):
        body.append(_text(x, base + 17, p.label, anchor="middle", size=SMALL, fill=MUTED))
        if p.jaar:
            body.append(_text(x, base + 33, p.jaar, anchor="middle", size=SMALL, fill=MUTED))
    periods = [(p, x) for p, x in zip(punten, xs) if not p.nulmeting]
    body += _series([(x, p.streefwaarde) for p, x in periods], y, STREEF, dash=' stroke-dasharray="6 4"', marker="square")
    body += _series([(x, p.realisatie) for p, x in periods], y, REALISATIE, dash="", marker="circle")
    for p, x in zip(punten, xs):
        if p.nulmeting and p.realisatie is not None:
            body.append(_marker("diamond", x, y(p.realisatie), NULMETING))
    body += _legend(any(p.nulmeting for p in punten))
    parts = []
    for p in punten:
        if p.nulmeting:
            parts.append(f"{p.omschrijving}: {eenheid.tekst(p.realisatie)}")
            continue
        s = eenheid.tekst(p.streefwaarde)
        r = eenheid.tekst(p.realisatie) if p.realisatie is not None else "nog geen realisatie"
        parts.append(f"{p.omschrijving}: streefwaarde {s}, realisatie {r}")
    desc = f"Lijngrafiek van streefwaarde en realisatie per periode ({eenheid.as_titel.lower()}). " + "; ".join(parts) + "."
    return _frame(uid, height, titel, desc, body)


def _legend(nulmeting: bool) -> list[str]:
    """Line style and marker, not colour alone; laid out right to left from the chart's edge."""
    items = [("Streefwaarde", "square", STREEF, ' stroke-dasharray="6 4"'), ("Realisatie", "circle", REALISATIE, "")]
    if nulmeting:
        items.append(("Nulmeting", "diamond", NULMETING, None))
    out, x = [], 4.0
    for label, marker, colour, dash in items:
        if dash is not None:
            out.append(f'<line x1="{_n(x)}" x2="{_n(x + 28)}" y1="14" y2="14" stroke="{colour}" stroke-width="2.5"{dash}/>')
        out.append(_marker(marker, x + 14, 14, colour))
        out.append(_text(x + 34, 18, label, size=SMALL))
        x += 34 + text_width(label, SMALL) + 18
    return out


def _series(points: list[tuple[float, Decimal | None]], y, colour: str, *, dash: str, marker: str) -> list[str]:
    pts = [(a, y(v)) for a, v in points if v is not None]
    out = []
    if len(pts) > 1:
        path = " ".join(f"{_n(a)},{_n(b)}" for a, b in pts)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>')
    out += [_marker(marker, a, b, colour) for a, b in pts]
    return out


@dataclass(frozen=True)
class Balk:
    label: str
    score: Decimal | None
    status: str | None
    tekst: str | None = None  # the value as the reader should see it; default: the score in %


def _score_text(score: Decimal) -> str:
    return "oneindig" if score.is_infinite() else formatting.percentage(score)


def scores(uid: str, titel: str, balken: list[Balk], op_koers_vanaf: Decimal | None, afwijking_onder: Decimal | None) -> Markup:
    """Horizontal bars: each gemeente's direction-aware score, with the 100% line and (when
    the percentage rule applies) the threshold lines. Values stand in their own column."""
    row, top = 26, 34
    cap = 150.0  # bars beyond 150% are drawn to the edge and marked with their value
    labels = [(b, b.tekst or ("geen realisatie" if b.score is None else f"{_score_text(b.score)} ({b.status})")) for b in balken]
    left = max(text_width(b.label) for b in balken) + 14
    right = max(text_width(t, SMALL) for _, t in labels) + 16
    plot_w = WIDTH - left - right
    height = top + row * len(balken) + 30

    def x(v: float) -> float:
        return left + plot_w * min(max(v, 0.0), cap) / cap

    body = [_text(4, 16, "Prestatie als percentage van de streefwaarde (100% = streefwaarde gehaald)", size=SMALL, fill=MUTED)]
    bottom = top + row * len(balken)
    for t in (0, 50, 100, 150):
        body.append(_text(x(t), bottom + 20, f"{t}%", anchor="middle", size=SMALL, fill=MUTED))
    for i, (b, tekst) in enumerate(labels):
        yy = top + i * row
        body.append(_text(left - 8, yy + 17, b.label, anchor="end"))
        body.append(_text(left + plot_w + 8, yy + 17, tekst, size=SMALL, fill=INK if b.score is not None else MUTED))
        if b.score is not None:
            body.append(f'<rect x="{_n(left)}" y="{yy + 5}" width="{_n(x(float(b.score)) - left)}" height="{row - 10}" fill="{STATUS_KLEUR[b.status]}"/>')
    lines = [(100.0, "")]
    if op_koers_vanaf is not None and afwijking_onder is not None:
        lines += [(float(op_koers_vanaf), ' stroke-dasharray="4 3"'), (float(afwijking_onder), ' stroke-dasharray="2 3"')]
    # Reference lines over the bars, so each bar can be read against them.
    for v, dash in lines:
        body.append(f'<line x1="{_n(x(v))}" x2="{_n(x(v))}" y1="{top - 2}" y2="{bottom + 2}" stroke="{INK}" stroke-width="1"{dash}/>')
    parts = [f"{b.label}: {tekst}" for b, tekst in labels]
    regel = (
        f"Op koers vanaf {formatting.number(op_koers_vanaf)}%, afwijking onder {formatting.number(afwijking_onder)}%. "
        if op_koers_vanaf is not None and afwijking_onder is not None
        else "De status volgt uit het verschil in punten met de streefwaarde. "
    )
    desc = "Staafgrafiek van de prestatie per gemeente. " + regel + "; ".join(parts) + "."
    return _frame(uid, height, titel, desc, body)


# --- stacked bars: a count per category ------------------------------------------------

# A ladder runs from light to dark (order is readable without colour names); other dimensies
# get distinct hues that also differ in lightness. Every segment wide enough carries its count,
# and the legend gives the order from left to right.
LADDER_KLEUREN = ("#e8f1fa", "#bcd6ee", "#86b3dd", "#4f8cc5", "#2864a3", "#0f3d6e")
KLEUREN = ("#1f4e79", "#c55a11", "#d9d9d9", "#548235", "#7030a0", "#bf9000", "#9dc3e6", "#843c0c")


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def tekstkleur(fill: str) -> str:
    """Black or white text on a fill, whichever contrasts more (WCAG's relative luminance)."""
    lum = _luminance(fill)
    return INK if (lum + 0.05) / (_luminance(INK) + 0.05) >= 1.05 / (lum + 0.05) else "#ffffff"


def kleuren(n: int, ladder: bool) -> list[str]:
    """`n` fills: spread over the ramp for a ladder, the first `n` hues otherwise."""
    if ladder:
        ramp = LADDER_KLEUREN
        return [ramp[round(i * (len(ramp) - 1) / max(n - 1, 1))] for i in range(n)]
    return [KLEUREN[i % len(KLEUREN)] for i in range(n)]


@dataclass(frozen=True)
class Staaf:
    label: str  # the period ("2011", "nulmeting 2010") or the gemeente
    aantallen: list[int]  # per category, in the dimensie's order


def gestapeld(uid: str, titel: str, staven: list[Staaf], categorieen: list[tuple[str, str]], *, ladder: bool, enkelvoud: str,
              aandelen: bool = False) -> Markup:
    """One horizontal bar per row, its segments the count per category, its length the total; with
    `aandelen` every bar is the full width (the segments are shares), so rows of very different
    size (a large and a small gemeente) can be compared. Every segment wide enough carries its count."""
    row, gap = 30, 10
    fills = kleuren(len(categorieen), ladder)
    legend, legend_h = _legenda(categorieen, fills, enkelvoud)
    top = legend_h + 14
    left = max(text_width(s.label) for s in staven) + 14
    totals = [sum(s.aantallen) for s in staven]
    right = max(text_width(formatting.number(t), SMALL) for t in totals) + 26
    plot_w = WIDTH - left - right
    most = max(totals) or 1
    height = top + len(staven) * (row + gap) + 6
    body = legend
    for i, (s, total) in enumerate(zip(staven, totals)):
        yy = top + i * (row + gap)
        body.append(_text(left - 8, yy + row / 2 + 4, s.label, anchor="end"))
        x = float(left)
        for n, fill in zip(s.aantallen, fills):
            w = plot_w * n / ((total or 1) if aandelen else most)
            if w <= 0:
                continue
            body.append(f'<rect x="{_n(x)}" y="{yy}" width="{_n(w)}" height="{row}" fill="{fill}" stroke="#ffffff" stroke-width="1"/>')
            label = formatting.number(n)
            if w >= text_width(label, SMALL) + 6:
                body.append(_text(x + w / 2, yy + row / 2 + 4, label, anchor="middle", size=SMALL, fill=tekstkleur(fill)))
            x += w
        body.append(_text(x + 6, yy + row / 2 + 4, formatting.number(total), size=SMALL, bold=True))
    parts = []
    for s, total in zip(staven, totals):
        per = ", ".join(f"{enkelvoud} {c}: {formatting.number(n)}" if c.isdigit() else f"{naam}: {formatting.number(n)}"
                        for (c, naam), n in zip(categorieen, s.aantallen))
        parts.append(f"{s.label}: totaal {formatting.number(total)} ({per})")
    soort = "Gestapelde staafgrafiek van de verdeling over de categorieën (elke staaf is 100%)" if aandelen else "Gestapelde staafgrafiek van het aantal per " + enkelvoud
    desc = f"{soort}, één staaf per regel. " + "; ".join(parts) + "."
    return _frame(uid, height, titel, desc, body)


def _legenda(categorieen: list[tuple[str, str]], fills: list[str], enkelvoud: str) -> tuple[list[str], int]:
    """Swatches with their labels, in bar order, wrapped over as many lines as they need."""
    out, x, y = [], 4.0, 4
    for (c, naam), fill in zip(categorieen, fills):
        label = f"{c} {naam}" if c.isdigit() else naam
        w = 18 + text_width(label, SMALL) + 14
        if x + w > WIDTH and x > 4:
            x, y = 4.0, y + 20
        out.append(f'<rect x="{_n(x)}" y="{y}" width="14" height="14" fill="{fill}" stroke="{MUTED}" stroke-width="1"/>')
        out.append(_text(x + 18, y + 12, label, size=SMALL))
        x += w
    return out, y + 16
