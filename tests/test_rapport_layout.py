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


def test_chart_labels_never_overlap(htmls, font):
    charts_seen = 0
    for html in htmls:
        for svg in re.findall(r"<svg .*?</svg>", html, flags=re.S):
            charts_seen += 1
            boxes = label_boxes(svg, font)
            for i, a in enumerate(boxes):
                assert a[0] >= 0 and a[2] <= charts.WIDTH, f"label outside the chart: {a[4]!r}"
                for b in boxes[i + 1:]:
                    assert not overlaps(a, b), f"labels overlap: {a[4]!r} and {b[4]!r}"
    assert charts_seen > 20


def test_a_long_kwartaal_series_with_nulmeting_keeps_its_labels_apart(font):
    from decimal import Decimal as D

    punten = [charts.Punt("nulmeting", "2014", None, D(1164), nulmeting=True)]
    for jaar in range(2015, 2019):
        for q in range(1, 5):
            punten.append(charts.Punt(f"Q{q}", str(jaar) if q == 1 else None, D(1000 + q), D(990 + q) if jaar < 2017 else None))
    boxes = label_boxes(str(charts.trend("g", "t", punten, eenheid("dagen"))), font)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
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
    widths = [b.width for doc in laid_out for page in doc.pages for b in _boxes(page._page_box, []) if str(getattr(b, "element_tag", "")).endswith("svg")]
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
