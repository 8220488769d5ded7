"""Report legibility in print, measured on WeasyPrint's own layout and the font's metrics:
chart text of at least 8 pt, chart labels that never overlap, status words inside their column."""

from __future__ import annotations

import re

import pytest

from generator.compute.verantwoording import Verantwoording
from generator.load.project import load_project
from generator.models.kinds import eenheid
from generator.render.documents.rapport import charts
from generator.render.documents.rapport import render as rapport_render
from generator.render.templating.search_path import PACKAGE_TEMPLATES
from tests.conftest import REPO, TERTAAL

_TEXT = re.compile(r'<text x="([-\d.]+)" y="([-\d.]+)" text-anchor="(\w+)" font-size="(\d+)"[^>]*>([^<]*)</text>')


@pytest.fixture(scope="module")
def font():
    from fontTools.ttLib import TTFont

    return TTFont(str(PACKAGE_TEMPLATES / "static" / "fonts" / "DejaVuSans.ttf"))


def real_width(font, text: str, size: float) -> float:
    cmap, hmtx, upem = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    return sum(hmtx[cmap[ord(c)]][0] for c in text if ord(c) in cmap) * size / upem


def label_boxes(svg: str, font) -> list[tuple[float, float, float, float, str]]:
    import html

    out = []
    for x, y, anchor, size, text in _TEXT.findall(svg):
        text, x, y, size = html.unescape(text), float(x), float(y), float(size)
        w = real_width(font, text, size)
        left = {"start": x, "middle": x - w / 2, "end": x - w}[anchor]
        out.append((left, y - size * 0.8, left + w, y + size * 0.25, text))
    return out


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def documents():
    """HTML of reports over both period schemes: the example (jaar) and the fixture (tertaal)."""
    out = []
    v = Verantwoording(load_project(REPO))
    out.append(rapport_render.render_gemeente(v, "nijmegen", v.periode("2016"), "test", pdf=False).html)
    out.append(rapport_render.render_regio(v, v.periode("2016"), "test", pdf=False).html)
    t = Verantwoording(load_project(TERTAAL))
    out.append(rapport_render.render_gemeente(t, "beekdal", t.periode("2017-T1"), "test", pdf=False).html)
    return out


@pytest.fixture(scope="module")
def htmls():
    return documents()


def svgs(markup: str) -> list[tuple[str, float]]:
    """Each chart in `markup` (a wide and a narrow layout per chart) with its viewBox width."""
    return [
        (svg, float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1)))
        for svg in re.findall(r"<svg .*?</svg>", markup, flags=re.S)
    ]


def test_chart_labels_never_overlap_in_either_layout(htmls, font):
    widths = []
    for html in htmls:
        for svg, width in svgs(html):
            widths.append(width)
            boxes = label_boxes(svg, font)
            for i, a in enumerate(boxes):
                assert a[0] >= 0 and a[2] <= width, f"label outside the chart: {a[4]!r}"
                for b in boxes[i + 1 :]:
                    assert not overlaps(a, b), f"labels overlap: {a[4]!r} and {b[4]!r}"
    assert widths.count(charts.WIDTH) > 20 and widths.count(charts.NARROW) == widths.count(charts.WIDTH)


def test_a_long_kwartaal_series_with_nulmeting_keeps_its_labels_apart(font):
    from decimal import Decimal as D

    punten = [charts.Punt("nulmeting", "2014", None, D(1164), nulmeting=True)]
    for jaar in range(2015, 2019):
        for q in range(1, 5):
            punten.append(
                charts.Punt(f"Q{q}", str(jaar) if q == 1 else None, D(1000 + q), D(990 + q) if jaar < 2017 else None)
            )
    for svg, width in svgs(str(charts.trend("g", "t", punten, eenheid("dagen")))):
        boxes = label_boxes(svg, font)
        for i, a in enumerate(boxes):
            assert a[0] >= 0 and a[2] <= width, a[4]
            for b in boxes[i + 1 :]:
                assert not overlaps(a, b), (a[4], b[4])


def _layout(html: str):
    from weasyprint import CSS, HTML

    return HTML(string=html).render(stylesheets=[CSS(filename=str(PACKAGE_TEMPLATES / "static" / "print.css"))])


def _boxes(box, found):
    found.append(box)
    for child in getattr(box, "children", None) or []:
        _boxes(child, found)
    return found


@pytest.fixture(scope="module")
def laid_out(htmls):
    return [_layout(h) for h in (htmls[0], htmls[2])]


def test_chart_text_is_at_least_8pt_in_print(laid_out, htmls):
    smallest = min(int(s) for h in htmls for s in re.findall(r'font-size="(\d+)"', h))
    widths = [
        b.width
        for doc in laid_out
        for page in doc.pages
        for b in _boxes(page._page_box, [])
        if str(getattr(b, "element_tag", "")).endswith("svg")
    ]
    assert widths
    for width in widths:
        # CSS px -> pt is 0,75; the viewBox is charts.WIDTH units wide.
        assert smallest * width / charts.WIDTH * 0.75 >= 8, (smallest, width)


def test_status_words_stay_inside_their_table_cell(laid_out):
    checked = 0
    for doc in laid_out:
        for page in doc.pages:
            for cell in _boxes(page._page_box, []):
                if getattr(cell, "element_tag", None) != "td":
                    continue
                right = cell.content_box_x() + cell.width
                for inner in _boxes(cell, []):
                    element = getattr(inner, "element", None)
                    if inner is cell or element is None or "status" not in (element.get("class") or ""):
                        continue
                    if type(inner).__name__ == "TextBox":
                        checked += 1
                        assert inner.position_x + inner.width <= right + 0.5, f"{inner.text!r} runs out of its column"
    assert checked > 10


_FIGURE = re.compile(r"^[−+-]?(€\s?)?\d[\d.,]*\*?(\s?[a-z%][a-z%-]*)?(\s\((\d{4}|n = \d+)\)|\svan\s\d+)?$")


def _text_of(box) -> str:
    return " ".join("".join(getattr(b, "text", "") or "" for b in _boxes(box, [])).split())


def test_in_print_every_column_header_aligns_like_its_values_figures_right(laid_out):
    """The PDF's own layout (WeasyPrint, dvo.css + print.css): per table and column, the
    header's text-align is its cells', and right for a column of figures. One report of
    each period scheme and a DVO (its Bijlage 2, the indicators)."""
    from weasyprint import CSS, HTML

    from generator.render.documents.dvo.render import render_dvo

    dvo = HTML(string=render_dvo(load_project(REPO), "wijchen", pdf=False).html).render(
        stylesheets=[CSS(filename=str(PACKAGE_TEMPLATES / "static" / "print.css"))]
    )
    columns, wrong = 0, []
    for doc in [*laid_out, dvo]:
        tables = {}
        for page in doc.pages:
            for table in _boxes(page._page_box, []):
                if type(table).__name__ != "TableBox":
                    continue
                entry = tables.setdefault(id(table.element), {"caption": "", "head": {}, "cells": {}})
                for group in table.children:
                    head = getattr(group, "element_tag", None) == "thead"
                    for row in group.children:
                        for cell in row.children:
                            if head:
                                entry["head"][cell.grid_x] = cell.style["text_align_all"]
                            elif cell.element_tag == "td" and _text_of(cell) not in ("", "–"):
                                entry["cells"].setdefault(cell.grid_x, []).append(
                                    (cell.style["text_align_all"], _text_of(cell))
                                )
                entry["caption"] = entry["caption"] or " | ".join(
                    _text_of(c) for g in table.children[:1] for r in g.children[:1] for c in r.children
                )  # its header row
        for entry in tables.values():
            for col, cells in entry["cells"].items():
                columns += 1
                head = entry["head"].get(col)
                sides = {side for side, _ in cells}
                if sides != {head}:
                    wrong.append((entry["caption"][:50], col, head, sides))
                elif all(_FIGURE.match(text) for _, text in cells) and head != "right":
                    wrong.append((entry["caption"][:50], col, head, "cijfers"))
    assert columns > 60
    assert wrong == []


def test_the_narrow_layout_of_a_chart_fits_a_phone_with_12px_text_and_its_100_percent_line():
    from decimal import Decimal as D

    bars = [
        charts.Balk("Millingen aan de Rijn", D("81.04"), "aandachtspunt"),
        charts.Balk("Noord", D(190), "op koers"),
        charts.Balk("Zuid", None, None),
    ]
    wide, narrow = svgs(str(charts.scores("g", "Uitstroom", bars, D(95), D(80))))
    assert (wide[1], narrow[1]) == (charts.WIDTH, charts.NARROW)
    assert 'class="grafiek grafiek--smal"' in narrow[0] and 'id="g-smal-t"' in narrow[0]  # ids of its own
    assert {int(size) for size in re.findall(r'font-size="(\d+)"', narrow[0])} == {charts.FONT_SIZE}
    lines = re.findall(r'<line class="referentielijn" x1="([\d.]+)"', narrow[0])
    assert len(lines) == 3 and all(0 < float(x) < charts.NARROW for x in lines)  # across each gemeente's bar
    assert len(re.findall(r'<line class="referentielijn"', wide[0])) == 1
    # the name and its value side by side where they fit, else the value on a line of its own
    rows = re.findall(r'<text x="[\d.]+" y="([\d.]+)"[^>]*>([^<]*)</text>', narrow[0])
    y = {text: float(top) for top, text in rows}
    assert y["Noord"] == y["190,0% (op koers)"] and y["Millingen aan de Rijn"] < y["81,0% (aandachtspunt)"]
