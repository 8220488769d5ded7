"""Accessible SVG charts for the reports, written directly (no charting runtime).

Every chart is `role="img"` with a <title> and a <desc> that states its numbers
in words; the template puts the same numbers in a table next to it. Output is
plain text built from the figures only, so the same data gives the same bytes.
Colour is never the only carrier: lines differ in dash and marker, bars carry
their value and status as text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

from generator.util import formatting

FONT = 'font-family="DejaVu Sans, sans-serif"'
INK, MUTED, GRID = "#1a1a1a", "#595959", "#d0d0d0"
REALISATIE, STREEF = "#1f4e79", "#595959"
STATUS_KLEUR = {"op koers": "#2e6b30", "aandachtspunt": "#8a5300", "afwijking": "#a1001c", None: "#767676"}


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


def _frame(uid: str, width: int, height: int, title: str, desc: str, body: list[str]) -> Markup:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{uid}-t {uid}-d">'
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = 11, fill: str = INK, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{size}" fill="{fill}" {FONT}{weight}>{escape(text)}</text>'


@dataclass(frozen=True)
class Punt:
    label: str
    streefwaarde: Decimal | None
    realisatie: Decimal | None


def trend(uid: str, titel: str, punten: list[Punt], eenheid: str) -> Markup:
    """Realisatie against streefwaarde over the periods: two lines, markers, a legend."""
    width, height, left, right, top, bottom = 640, 230, 64, 16, 34, 40
    values = [float(v) for p in punten for v in (p.streefwaarde, p.realisatie) if v is not None]
    lo, hi = min(values), max(values)
    if lo >= 0 and lo < 0.5 * hi:
        lo = 0.0
    ticks = nice_ticks(lo, hi)
    y0, y1 = ticks[0], ticks[-1]
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(i: int) -> float:
        return left + plot_w * (i + 0.5) / len(punten)

    def y(v: Decimal | float) -> float:
        return top + plot_h * (1 - (float(v) - y0) / (y1 - y0))

    body = []
    for t in ticks:
        body.append(f'<line x1="{left}" x2="{width - right}" y1="{_n(y(t))}" y2="{_n(y(t))}" stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(left - 6, y(t) + 4, formatting.kpi_value(Decimal(str(t)), eenheid), anchor="end", size=10, fill=MUTED))
    for i, p in enumerate(punten):
        body.append(_text(x(i), height - bottom + 16, p.label, anchor="middle", size=10, fill=MUTED))
    body += _series(punten, "streefwaarde", x, y, STREEF, dash=' stroke-dasharray="6 4"', marker="square")
    body += _series(punten, "realisatie", x, y, REALISATIE, dash="", marker="circle")
    # Legend: line style and marker, not colour alone.
    body.append(f'<line x1="{left}" x2="{left + 28}" y1="14" y2="14" stroke="{STREEF}" stroke-width="2" stroke-dasharray="6 4"/>')
    body.append(_text(left + 34, 18, "Streefwaarde", size=10))
    body.append(f'<line x1="{left + 130}" x2="{left + 158}" y1="14" y2="14" stroke="{REALISATIE}" stroke-width="2.5"/>')
    body.append(f'<circle cx="{left + 144}" cy="14" r="4" fill="{REALISATIE}"/>')
    body.append(_text(left + 164, 18, "Realisatie", size=10))
    parts = []
    for p in punten:
        s = formatting.kpi_value(p.streefwaarde, eenheid)
        r = formatting.kpi_value(p.realisatie, eenheid) if p.realisatie is not None else "nog geen realisatie"
        parts.append(f"{p.label}: streefwaarde {s}, realisatie {r}")
    desc = "Lijngrafiek van streefwaarde en realisatie per periode. " + "; ".join(parts) + "."
    return _frame(uid, width, height, titel, desc, body)


def _series(punten: list[Punt], attr: str, x, y, colour: str, *, dash: str, marker: str) -> list[str]:
    pts = [(x(i), y(getattr(p, attr))) for i, p in enumerate(punten) if getattr(p, attr) is not None]
    out = []
    if len(pts) > 1:
        path = " ".join(f"{_n(a)},{_n(b)}" for a, b in pts)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>')
    for a, b in pts:
        if marker == "circle":
            out.append(f'<circle cx="{_n(a)}" cy="{_n(b)}" r="4.5" fill="{colour}"/>')
        else:
            out.append(f'<rect x="{_n(a - 4)}" y="{_n(b - 4)}" width="8" height="8" fill="#ffffff" stroke="{colour}" stroke-width="2"/>')
    return out


@dataclass(frozen=True)
class Balk:
    label: str
    score: Decimal | None
    status: str | None


def _score_text(score: Decimal) -> str:
    return "oneindig" if score.is_infinite() else formatting.percentage(score)


def scores(uid: str, titel: str, balken: list[Balk], op_koers_vanaf: Decimal, afwijking_onder: Decimal) -> Markup:
    """Horizontal bars: each gemeente's direction-aware score, with the 100% and threshold lines."""
    row, left, right, top = 24, 170, 150, 30
    width = 640
    height = top + row * len(balken) + 26
    cap = 150.0  # bars beyond 150% are drawn to the edge and marked with their value
    plot_w = width - left - right

    def x(v: float) -> float:
        return left + plot_w * min(v, cap) / cap

    body = [_text(left, 16, "Prestatie als percentage van de streefwaarde (100% = streefwaarde gehaald)", size=10, fill=MUTED)]
    for t in (0, 50, 100, 150):
        body.append(_text(x(t), height - 8, f"{t}%", anchor="middle", size=10, fill=MUTED))
    bottom = top + row * len(balken)
    for i, b in enumerate(balken):
        yy = top + i * row
        body.append(_text(left - 8, yy + 15, b.label, anchor="end", size=11))
        if b.score is None:
            body.append(_text(left + plot_w + 8, yy + 15, "geen realisatie", size=10, fill=MUTED))
            continue
        value = float(b.score)
        body.append(f'<rect x="{left}" y="{yy + 4}" width="{_n(x(value) - left)}" height="{row - 8}" fill="{STATUS_KLEUR[b.status]}"/>')
        # Values in their own column right of the plot: never under a bar or a line.
        body.append(_text(left + plot_w + 8, yy + 15, f"{_score_text(b.score)} ({b.status})", size=10))
    # Reference lines over the bars, so each bar can be read against them.
    for v, dash in ((100, ""), (float(op_koers_vanaf), ' stroke-dasharray="4 3"'), (float(afwijking_onder), ' stroke-dasharray="2 3"')):
        body.append(f'<line x1="{_n(x(v))}" x2="{_n(x(v))}" y1="{top - 2}" y2="{bottom + 2}" stroke="{INK}" stroke-width="1"{dash}/>')
    parts = [f"{b.label}: " + ("geen realisatie" if b.score is None else f"{_score_text(b.score)}, {b.status}") for b in balken]
    desc = (
        f"Staafgrafiek van de prestatie per gemeente. Op koers vanaf {formatting.number(op_koers_vanaf)}%, "
        f"afwijking onder {formatting.number(afwijking_onder)}%. " + "; ".join(parts) + "."
    )
    return _frame(uid, width, height, titel, desc, body)
