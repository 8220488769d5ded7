"""The regional report stays readable for a large region: tested at N = 90 (bench/scale.py)."""

from __future__ import annotations

import re

from generator.compute.verantwoording import Verantwoording
from generator.load.project import load_project
from generator.render.documents.rapport.render import render_regio
from generator.render.documents.rapport.view import GROTE_REGIO, TOP, regio_rapport


def _bars(svg: str) -> int:
    """Bars of the chart's wide layout (the one in the PDF; the narrow one repeats them)."""
    return len(re.findall(r"<rect ", str(svg).split("</svg>")[0]))


def test_a_region_of_90_shows_the_lowest_and_highest_ten_and_a_sorted_table(region_90):
    v = Verantwoording(load_project(region_90))
    periode = v.perioden[-1]
    doc = regio_rapport(v, periode, "test")
    assert len(doc.gemeenten) == 90 > GROTE_REGIO
    summarised = 0
    for b in doc.blokken:
        scored = [u for u, _, _ in b.rijen if u.plaats is not None]
        if len([u for u in b.regio.uitkomsten if u.plaats is not None]) <= 2 * TOP:
            # an indicator only some gemeenten measure (a maatwerk afspraak's): every one shown
            assert not b.samengevat and _bars(b.grafiek) == len(scored) and b.tussen is None
            assert len(b.rijen) == len(b.regio.uitkomsten)
            continue
        summarised += 1
        assert b.samengevat
        # One bar per gemeente would be 90 bars: the chart holds the ten lowest and ten highest.
        assert _bars(b.grafiek) == 2 * TOP
        # The table has the same gemeenten, from the lowest place to the highest, and those
        # without a place; one row names the places between (in the open data).
        unplaced = [u for u in b.regio.uitkomsten if u.plaats is None]
        all_places = sorted(u.plaats for u in b.regio.uitkomsten if u.plaats is not None)
        assert len(scored) == 2 * TOP and len(b.rijen) == 2 * TOP + len(unplaced) and b.geplaatst == len(all_places)
        places = [u.plaats for u in scored]
        assert places == sorted(places, reverse=True)
        assert places[:TOP] == all_places[::-1][:TOP] and places[TOP:] == all_places[:TOP][::-1]
        assert b.tussen == (len(all_places) - 2 * TOP, all_places[TOP], all_places[-TOP - 1])
        # The counts per status add up to every gemeente with the indicator, shown or not.
        assert sum(
            int(n) for n in re.findall(r"(\d+) (?:op koers|aandachtspunt|afwijking|zonder)", b.tellingen)
        ) == len(b.regio.uitkomsten)
    assert summarised >= len(doc.blokken) // 2
    html = render_regio(v, periode, "test", pdf=False).html
    assert f"de {TOP} gemeenten met de laagste en de {TOP} met de hoogste prestatie" in html
    n_all = len(doc.gemeenten)  # every gemeente measures the general indicators
    assert f"van de laagste naar de hoogste plaats: de {TOP} laagste en de {TOP} hoogste van {n_all} gemeenten" in html
    n, van, tot = next(b.tussen for b in doc.blokken if b.tussen)
    assert n == len(doc.gemeenten) - 2 * TOP  # every gemeente has a place in that table
    assert (
        f"… {n} gemeenten op plaats {van} tot en met {tot} staan niet in deze tabel; hun cijfers en plaats "
        "staan in de open data van de regio (kpi-gemeenten.csv) en in de verantwoordingsrapportage van elke gemeente."
    ) in html


def test_the_example_region_keeps_one_bar_per_gemeente(project):
    v = Verantwoording(project)
    doc = regio_rapport(v, v.perioden[-1], "test")
    for b in doc.blokken:
        assert not b.samengevat
        assert _bars(b.grafiek) == sum(1 for u in b.regio.uitkomsten if u.score is not None)
    assert doc.verdelingen and not any(b.samengevat for b in doc.verdelingen)


def test_a_region_of_90_charts_the_distribution_of_the_region_and_its_largest_gemeenten(region_90):
    """One stacked bar per gemeente does not fit a page beyond a few dozen: the chart holds the
    region's own bar and the 2 x TOP gemeenten with the largest totals; the table keeps all."""
    v = Verantwoording(load_project(region_90))
    periode = v.perioden[-1]
    doc = regio_rapport(v, periode, "test")
    assert doc.verdelingen
    for b in doc.verdelingen:
        assert b.samengevat and len(b.rijen) > GROTE_REGIO
        wide = str(b.grafiek).split("</svg>")[0]
        labels = re.findall(r"<text[^>]*>([^<]*)</text>", wide)
        largest = sorted(b.rijen, key=lambda r: (-r.totaal, r.label))[: 2 * TOP]
        assert f"Regio {v.project.regio.naam}" in labels
        assert all(r.label in labels for r in largest)
        assert not any(r.label in labels for r in b.rijen if r not in largest)
        # the region's bar is the sum of every gemeente in the table, category by category
        assert [sum(col) for col in zip(*(r.aantallen for r in b.rijen), strict=True)] == list(
            b.verdeling.stand.categorieen.values()
        )
    html = render_regio(v, periode, "test", pdf=False).html
    for b in doc.verdelingen:
        caption = f"de {2 * TOP} gemeenten met de grootste aantallen (van de {len(b.rijen)} in de tabel hieronder)"
        assert caption in html


def test_a_large_regions_menu_holds_the_open_branch_only(tmp_path):
    """Every page carries the site's menu. With every gemeente's pages in it, that was 740 of a
    page's 815 kB at 342 gemeenten: a site of 1.2 GB, 3.6 GB of memory to build. Beyond
    GROTE_REGIO gemeenten the menu lists every gemeente, but only the open one with its pages."""
    from generator.cli.site import preview_html
    from generator.publish.inputs import BuildOptions
    from generator.publish.jobs import Job
    from generator.publish.pages import gemeente_page, page_url, reading_copy_page
    from generator.publish.site_config import PRUNE
    from tests.conftest import bench_module

    root = bench_module("scale").generate(GROTE_REGIO + 1, tmp_path / "regio")
    ok, _pdfs = preview_html(root, BuildOptions(workers=1, wachten=True))  # the HTML and the site
    assert ok
    project = load_project(root)
    gemeenten = project.gemeenten
    open_one, other = gemeenten[0].slug, gemeenten[1].slug
    periode = Verantwoording(project).perioden[-1].code
    own = [page_url(reading_copy_page(job)) for job in (Job("dvo", open_one), Job("rapport", open_one, periode))]
    own = [url.removeprefix(page_url(gemeente_page(open_one))) for url in own]  # relative to the page
    page = (root / "site" / "gemeenten" / open_one / "index.html").read_text(encoding="utf-8")
    menu = page[page.index('<nav class="md-nav md-nav--primary"') : page.index("<article")]
    links = re.findall(r'href="([^"]+)"', menu)
    assert all(f"../{g.slug}/" in links for g in gemeenten if g.slug != open_one)
    assert set(own) <= set(links)  # the open gemeente's own pages
    assert not [link for link in links if link.startswith(f"../{other}/") and link != f"../{other}/"]
    assert PRUNE in (root / ".staging" / "mkdocs.yml").read_text(encoding="utf-8")
