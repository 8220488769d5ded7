"""Accessible SVG charts for the reports, written directly (no charting runtime).

Every chart is `role="img"` with a <title> and a <desc> that states its numbers
in words; the template puts the same numbers in a table next to it. Output is
plain text built from the figures only, so the same data gives the same bytes.
Colour is never the only carrier: lines differ in dash and marker, bars carry
their value and status as text.

Every chart comes in two layouts, one after the other in the same markup:
- the wide one (`class="grafiek"`, viewBox WIDTH units wide) for print and wide screens.
  The PDF draws it at the full width of the text column (about 620 CSS px), so one
  viewBox unit is one px = 0,75 pt and the smallest font size, 11, is 8,25 pt;
- a narrow one (`class="grafiek grafiek--smal"`, NARROW units wide, all text FONT_SIZE)
  for phones: stacked labels, wrapped titles, every reference line inside the picture,
  so at 320 px nothing scrolls and text stays 12 px. dvo.css hides it (documents and PDF);
  the site shows one of the two by the width available (extra.css).
Labels are placed from an estimate of their width (`text_width`, a little wider than
DejaVu Sans really is), so they never overlap; tests check that with the font's metrics.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

from generator.compute import kpi
from generator.models import kinds
from generator.models.kinds import Eenheid
from generator.util import formatting

WIDTH = 620
NARROW = 272  # the phone layout: 12 px text from a 272 px wide column (a 320 px phone has 288)
FONT_SIZE = 12  # labels, ticks, legend
SMALL = 11  # never smaller: 8,25 pt in the PDF (the narrow layout uses FONT_SIZE throughout)
NARROW_CLASS = "grafiek grafiek--smal"
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


def _frame(
    uid: str, height: float, title: str, desc: str, body: list[str], *, width: int = WIDTH, css: str = "grafiek"
) -> Markup:
    height = math.ceil(height)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{uid}-t {uid}-d">'
        f'<title id="{uid}-t">{escape(title)}</title><desc id="{uid}-d">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


def wrap(text: str, width: float, size: float) -> list[str]:
    """`text` in lines of at most `width` units (by `text_width`), broken between words."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _text(
    x: float, y: float, text: str, *, anchor: str = "start", size: int = FONT_SIZE, fill: str = INK, bold: bool = False
) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{size}" fill="{fill}" '
        f"{FONT}{weight}>{escape(text)}</text>"
    )


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
        return (
            f'<path d="M{_n(x)} {_n(y - 6)}L{_n(x + 6)} {_n(y)}L{_n(x)} {_n(y + 6)}L{_n(x - 6)} {_n(y)}Z" '
            f'fill="#ffffff" stroke="{colour}" stroke-width="2"/>'
        )
    return (
        f'<rect x="{_n(x - 4)}" y="{_n(y - 4)}" width="8" height="8" fill="#ffffff" stroke="{colour}" '
        'stroke-width="2"/>'
    )


def _slots(
    punten: list[Punt], left: float, right: float, size: int = FONT_SIZE, *, compact: bool = False
) -> list[float]:
    """The x centre of every point. A nulmeting gets a slot as wide as its label, apart from
    the periods, so its label can never run into the first period's (`compact`: labelled
    by its year only, see _x_labels)."""
    nul = [p for p in punten if p.nulmeting]
    rest = len(punten) - len(nul)
    x, out = left, []
    if nul:
        shown = [nul[0].jaar or nul[0].label] if compact else [nul[0].label, nul[0].jaar or ""]
        wide = max(text_width(t, size) for t in shown) + 16
        out.append(x + wide / 2)
        x += wide + 8
    step = (right - x) / max(rest, 1)
    out += [x + step * (i + 0.5) for i in range(rest)]
    return out


def trend(uid: str, titel: str, punten: list[Punt], eenheid: Eenheid) -> Markup:
    """Realisatie against streefwaarde over the periods: two lines, markers, the nulmeting
    apart. The wide layout, then the narrow one (see the module's docstring)."""
    parts = []
    for p in punten:
        if p.nulmeting:
            parts.append(f"{p.omschrijving}: {eenheid.tekst(p.realisatie)}")
            continue
        s = eenheid.tekst(p.streefwaarde)
        r = eenheid.tekst(p.realisatie) if p.realisatie is not None else "nog geen realisatie"
        parts.append(f"{p.omschrijving}: streefwaarde {s}, realisatie {r}")
    desc = (
        f"Lijngrafiek van streefwaarde en realisatie per periode ({eenheid.as_titel.lower()}). "
        + "; ".join(parts)
        + "."
    )
    return Markup(
        _trend(uid, titel, desc, punten, eenheid, WIDTH, SMALL)
        + _trend(f"{uid}-smal", titel, desc, punten, eenheid, NARROW, FONT_SIZE)
    )


def _trend(uid: str, titel: str, desc: str, punten: list[Punt], eenheid: Eenheid, width: int, small: int) -> Markup:
    narrow = width < WIDTH
    legend, legend_h = _legend(any(p.nulmeting for p in punten), width, small)
    if narrow:  # the legend may take two rows; the axis title sits under it
        right, bottom = 8, 2 * small + 16
        top = legend_h + small + 16
        height = top + 150 + bottom
    else:
        height, right, top, bottom = 250, 12, 52, 46
    values = [float(v) for p in punten for v in (p.streefwaarde, p.realisatie) if v is not None]
    lo, hi = min(values), max(values)
    if lo >= 0 and lo < 0.5 * hi:
        lo = 0.0
    ticks = nice_ticks(lo, hi)
    y0, y1 = ticks[0], ticks[-1]
    left = max(text_width(_tick_text(t), small) for t in ticks) + (10 if narrow else 14)
    plot_h = height - top - bottom
    xs = _slots(punten, left, width - right, small if narrow else FONT_SIZE, compact=narrow)

    def y(v: Decimal | float) -> float:
        return top + plot_h * (1 - (float(v) - y0) / (y1 - y0))

    body = [_text(4, top - 10, eenheid.as_titel, size=small, fill=MUTED)]
    for t in ticks:
        body.append(
            f'<line x1="{_n(left)}" x2="{width - right}" y1="{_n(y(t))}" y2="{_n(y(t))}" stroke="{GRID}" '
            'stroke-width="1"/>'
        )
        body.append(_text(left - 6, y(t) + 4, _tick_text(t), anchor="end", size=small, fill=MUTED))
    base = height - bottom
    for _, x, (first, second) in zip(punten, xs, _x_labels(punten, xs, small, narrow), strict=True):
        if first:
            body.append(_text(x, base + small + 6, first, anchor="middle", size=small, fill=MUTED))
        if second:
            body.append(_text(x, base + 2 * small + 11, second, anchor="middle", size=small, fill=MUTED))
    periods = [(p, x) for p, x in zip(punten, xs, strict=True) if not p.nulmeting]
    body += _series(
        [(x, p.streefwaarde) for p, x in periods], y, STREEF, dash=' stroke-dasharray="6 4"', marker="square"
    )
    body += _series([(x, p.realisatie) for p, x in periods], y, REALISATIE, dash="", marker="circle")
    for p, x in zip(punten, xs, strict=True):
        if p.nulmeting and p.realisatie is not None:
            body.append(_marker("diamond", x, y(p.realisatie), NULMETING))
    body += legend
    return _frame(uid, height, titel, desc, body, width=width, css=NARROW_CLASS if narrow else "grafiek")


def _x_labels(punten: list[Punt], xs: list[float], size: int, narrow: bool) -> list[tuple[str | None, str | None]]:
    """The label lines under each point. Wide: the period, and the year under the first
    period of a year. Narrow: the same where it fits; where the periods stand too close
    for their labels, only the year at the first period of each year (the table below
    the chart has every period), and the nulmeting by its year."""
    wide: list[tuple[str | None, str | None]] = [(p.label, p.jaar) for p in punten]
    if not narrow:
        return wide
    out: list[tuple[str | None, str | None]] = [
        ((p.jaar or p.label), None) if p.nulmeting else (p.label, p.jaar) for p in punten
    ]
    periods = [(i, x) for i, (p, x) in enumerate(zip(punten, xs, strict=True)) if not p.nulmeting]
    if len(periods) > 1:
        step = periods[1][1] - periods[0][1]
        widest = max(text_width(punten[i].label, size) for i, _ in periods)  # a period's label, as in `out`
        if widest + 6 > step:
            for i, _ in periods:
                out[i] = (punten[i].jaar, None) if punten[i].jaar else (None, None)
    return out


def _legend(nulmeting: bool, width: int = WIDTH, size: int = SMALL) -> tuple[list[str], float]:
    """Line style and marker, not colour alone; laid out left to right from the chart's edge,
    on a new row where the next item would not fit. Returns the markup and its height."""
    items: list[tuple[str, str, str, str | None]] = [
        ("Streefwaarde", "square", STREEF, ' stroke-dasharray="6 4"'),
        ("Realisatie", "circle", REALISATIE, ""),
    ]
    if nulmeting:
        items.append(("Nulmeting", "diamond", NULMETING, None))
    out, x, row = [], 4.0, 0
    row_h = max(size + 8, 18)
    for label, marker, colour, dash in items:
        item_w = 34 + text_width(label, size)
        if x > 4 and x + item_w > width - 4:
            x, row = 4.0, row + 1
        cy = 14 + row * row_h
        if dash is not None:
            out.append(
                f'<line x1="{_n(x)}" x2="{_n(x + 28)}" y1="{_n(cy)}" y2="{_n(cy)}" stroke="{colour}" '
                f'stroke-width="2.5"{dash}/>'
            )
        out.append(_marker(marker, x + 14, cy, colour))
        out.append(_text(x + 34, cy + 4, label, size=size))
        x += item_w + 18
    return out, 14 + row * row_h + 10


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
    """A bar's percentage as every table writes it (models/kinds.prestatie_tekst)."""
    return kinds.prestatie_tekst(kpi.Oordeel(None, score))


SCORES_TITEL = "Prestatie als percentage van de streefwaarde (100% = streefwaarde gehaald)"
CAP = 150.0  # bars beyond 150% are drawn to the edge and marked with their value


def scores(
    uid: str, titel: str, balken: list[Balk], op_koers_vanaf: Decimal | None, afwijking_onder: Decimal | None
) -> Markup:
    """Horizontal bars: each gemeente's direction-aware score, with the 100% line and (when
    the percentage rule applies) the threshold lines. The wide layout, then the narrow one."""
    labels = [
        (b, b.tekst or ("geen realisatie" if b.score is None else f"{_score_text(b.score)} ({b.status})"))
        for b in balken
    ]
    lines = [(100.0, "")]
    if op_koers_vanaf is not None and afwijking_onder is not None:
        lines += [
            (float(op_koers_vanaf), ' stroke-dasharray="4 3"'),
            (float(afwijking_onder), ' stroke-dasharray="2 3"'),
        ]
    parts = [f"{b.label}: {tekst}" for b, tekst in labels]
    regel = (
        f"Op koers vanaf {formatting.number(op_koers_vanaf)}%, afwijking onder {formatting.number(afwijking_onder)}%. "
        if op_koers_vanaf is not None and afwijking_onder is not None
        else "De status volgt uit het verschil in punten met de streefwaarde. "
    )
    desc = "Staafgrafiek van de prestatie per gemeente. " + regel + "; ".join(parts) + "."
    return Markup(
        _scores_wide(uid, titel, desc, labels, lines) + _scores_narrow(f"{uid}-smal", titel, desc, labels, lines)
    )


def _reference_line(x: float, y1: float, y2: float, value: float, dash: str) -> str:
    """A vertical reference line; the 100% line is marked, so a test can find it on screen."""
    mark = ' class="referentielijn"' if value == 100.0 and not dash else ""
    return f'<line{mark} x1="{_n(x)}" x2="{_n(x)}" y1="{_n(y1)}" y2="{_n(y2)}" stroke="{INK}" stroke-width="1"{dash}/>'


def _scores_wide(
    uid: str, titel: str, desc: str, labels: list[tuple[Balk, str]], lines: list[tuple[float, str]]
) -> Markup:
    """One row per bar: the name left of it, the value right of it, in a column of its own."""
    row, top = 26, 34
    left = max(text_width(b.label) for b, _ in labels) + 14
    right = max(text_width(t, SMALL) for _, t in labels) + 16
    plot_w = WIDTH - left - right
    height = top + row * len(labels) + 30

    def x(v: float) -> float:
        return left + plot_w * min(max(v, 0.0), CAP) / CAP

    body = [_text(4, 16, SCORES_TITEL, size=SMALL, fill=MUTED)]
    bottom = top + row * len(labels)
    for t in (0, 50, 100, 150):
        body.append(_text(x(t), bottom + 20, f"{t}%", anchor="middle", size=SMALL, fill=MUTED))
    for i, (b, tekst) in enumerate(labels):
        yy = top + i * row
        body.append(_text(left - 8, yy + 17, b.label, anchor="end"))
        body.append(_text(left + plot_w + 8, yy + 17, tekst, size=SMALL, fill=INK if b.score is not None else MUTED))
        if b.score is not None:
            body.append(
                f'<rect x="{_n(left)}" y="{yy + 5}" width="{_n(x(float(b.score)) - left)}" height="{row - 10}" '
                f'fill="{STATUS_KLEUR[b.status]}"/>'
            )
    # Reference lines over the bars, so each bar can be read against them.
    for v, dash in lines:
        body.append(_reference_line(x(v), top - 2, bottom + 2, v, dash))
    return _frame(uid, height, titel, desc, body)


def _scores_narrow(
    uid: str, titel: str, desc: str, labels: list[tuple[Balk, str]], lines: list[tuple[float, str]]
) -> Markup:
    """Per gemeente its name, its value (beside the name where both fit, else under it) and
    a bar over the whole width, so the 100% line stays on a phone's screen. The reference
    lines cross the bars only, never the text."""
    size, bar, gap = FONT_SIZE, 12, 10
    left, right = 4, NARROW - 8
    plot_w = right - left

    def x(v: float) -> float:
        return left + plot_w * min(max(v, 0.0), CAP) / CAP

    body, y = [], 0.0
    for line in wrap(SCORES_TITEL, NARROW - 8, size):
        y += size + 4
        body.append(_text(4, y, line, size=size, fill=MUTED))
    y += 10
    bars = []
    for b, tekst in labels:
        colour = INK if b.score is not None else MUTED
        y += size + 2
        body.append(_text(left, y, b.label))
        if text_width(b.label) + 12 + text_width(tekst) <= plot_w:
            body.append(_text(right, y, tekst, anchor="end", fill=colour))
        else:
            y += size + 4
            body.append(_text(left, y, tekst, fill=colour))
        y += 6
        if b.score is not None:
            body.append(
                f'<rect x="{_n(left)}" y="{_n(y)}" width="{_n(x(float(b.score)) - left)}" height="{bar}" '
                f'fill="{STATUS_KLEUR[b.status]}"/>'
            )
        bars.append(y)
        y += bar + gap
    for v, dash in lines:
        body += [_reference_line(x(v), top - 3, top + bar + 3, v, dash) for top in bars]
    y += size
    for t in (0, 50, 100, 150):
        anchor = "start" if t == 0 else "end" if t == 150 else "middle"
        body.append(_text(x(t), y, f"{t}%", anchor=anchor, size=size, fill=MUTED))
    return _frame(uid, y + 6, titel, desc, body, width=NARROW, css=NARROW_CLASS)


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

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
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


def gestapeld(
    uid: str,
    titel: str,
    staven: list[Staaf],
    categorieen: list[tuple[str, str]],
    *,
    ladder: bool,
    enkelvoud: str,
    aandelen: bool = False,
) -> Markup:
    """One horizontal bar per row, its segments the count per category, its length the total; with
    `aandelen` every bar is the full width (the segments are shares), so rows of very different
    size (a large and a small gemeente) can be compared. Every segment wide enough carries its
    count. The wide layout, then the narrow one."""
    fills = kleuren(len(categorieen), ladder)
    totals = [sum(s.aantallen) for s in staven]
    parts = []
    for s, total in zip(staven, totals, strict=True):
        per = ", ".join(
            f"{enkelvoud} {c}: {formatting.number(n)}" if c.isdigit() else f"{naam}: {formatting.number(n)}"
            for (c, naam), n in zip(categorieen, s.aantallen, strict=True)
        )
        parts.append(f"{s.label}: totaal {formatting.number(total)} ({per})")
    soort = (
        "Gestapelde staafgrafiek van de verdeling over de categorieën (elke staaf is 100%)"
        if aandelen
        else "Gestapelde staafgrafiek van het aantal per " + enkelvoud
    )
    desc = f"{soort}, één staaf per regel. " + "; ".join(parts) + "."
    wide = _gestapeld(uid, titel, desc, staven, totals, categorieen, fills, aandelen, WIDTH, SMALL)
    return Markup(
        wide + _gestapeld(f"{uid}-smal", titel, desc, staven, totals, categorieen, fills, aandelen, NARROW, FONT_SIZE)
    )


def _segments(
    x0: float,
    yy: float,
    height: float,
    plot_w: float,
    s: Staaf,
    total: int,
    most: int,
    fills: list[str],
    aandelen: bool,
    size: int,
) -> tuple[list[str], float]:
    """The rectangles of one bar and the counts that fit in them; returns them and the bar's end."""
    out, x = [], x0
    for n, fill in zip(s.aantallen, fills, strict=True):
        w = plot_w * n / ((total or 1) if aandelen else most)
        if w <= 0:
            continue
        out.append(
            f'<rect x="{_n(x)}" y="{_n(yy)}" width="{_n(w)}" height="{_n(height)}" fill="{fill}" stroke="#ffffff" '
            'stroke-width="1"/>'
        )
        label = formatting.number(n)
        if w >= text_width(label, size) + 6:
            out.append(
                _text(
                    x + w / 2, yy + height / 2 + size * 0.36, label, anchor="middle", size=size, fill=tekstkleur(fill)
                )
            )
        x += w
    return out, x


def _gestapeld(
    uid: str,
    titel: str,
    desc: str,
    staven: list[Staaf],
    totals: list[int],
    categorieen: list[tuple[str, str]],
    fills: list[str],
    aandelen: bool,
    width: int,
    small: int,
) -> Markup:
    """Wide: the label left of each bar, the total after it. Narrow (a phone): the label with its
    total above each bar, which takes the whole width, all text at 12."""
    narrow = width < WIDTH
    body, legend_h = _legenda(categorieen, fills, width, small)
    most = max(totals) or 1
    if narrow:
        row, y = 16, legend_h + 10
        for s, total in zip(staven, totals, strict=True):
            y += small + 2
            body.append(_text(4, y, f"{s.label}: {formatting.number(total)}", size=small))
            y += 6
            rects, _ = _segments(4.0, y, row, width - 8, s, total, most, fills, aandelen, small)
            body += rects
            y += row + 10
        return _frame(uid, y, titel, desc, body, width=width, css=NARROW_CLASS)
    row, gap = 30, 10
    top = legend_h + 14
    left = max(text_width(s.label) for s in staven) + 14
    right = max(text_width(formatting.number(t), small) for t in totals) + 26
    plot_w = width - left - right
    for i, (s, total) in enumerate(zip(staven, totals, strict=True)):
        yy = top + i * (row + gap)
        body.append(_text(left - 8, yy + row / 2 + 4, s.label, anchor="end"))
        rects, end = _segments(float(left), yy, row, plot_w, s, total, most, fills, aandelen, small)
        body += rects
        body.append(_text(end + 6, yy + row / 2 + 4, formatting.number(total), size=small, bold=True))
    return _frame(uid, top + len(staven) * (row + gap) + 6, titel, desc, body, width=width)


def _legenda(
    categorieen: list[tuple[str, str]], fills: list[str], width: int = WIDTH, size: int = SMALL
) -> tuple[list[str], int]:
    """Swatches with their labels, in bar order, side by side while they fit, else on a new
    line; a label too long for a line of its own wraps (a phone's narrow layout)."""
    out, x, y = [], 4.0, 4
    step = size + 9
    for (c, naam), fill in zip(categorieen, fills, strict=True):
        label = f"{c} {naam}" if c.isdigit() else naam
        lines = wrap(label, width - 4 - 22, size) if text_width(label, size) + 22 > width - 4 else [label]
        w = 18 + max(text_width(line, size) for line in lines) + 14
        if x + w > width and x > 4:
            x, y = 4.0, y + step
        out.append(
            f'<rect x="{_n(x)}" y="{y}" width="14" height="14" fill="{fill}" stroke="{MUTED}" stroke-width="1"/>'
        )
        for k, line in enumerate(lines):
            out.append(_text(x + 18, y + 12 + k * (size + 3), line, size=size))
        if len(lines) > 1:  # a wrapped label takes the rows it needs
            x, y = 4.0, y + (len(lines) - 1) * (size + 3) + step
        else:
            x += w
    return out, (y if x == 4.0 else y + step) + 8
