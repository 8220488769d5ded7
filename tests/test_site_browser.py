"""The built site in headless Chromium, as a raadslid on a phone or with a keyboard uses it.

One run of tests/a11y/site_check.mjs (axe-core + playwright-core in Debian's Chromium)
over the example site, shared by the tests below: every page at 320, 390 and 1280 px
through axe-core's WCAG A/AA rules and its best practices, reflow, charts and tables
on a phone, each gemeente page's indicators as its report shows them, column alignment,
a keyboard walk at 1024 px (down and back up), the menu drawer by keyboard, axe with the
menu open and with search results, search and the 404 page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests import browser_check
from tests.browser_check import DRAWER_WIDTH, KEYBOARD_PAGES, WIDTHS
from tests.conftest import shared


@pytest.fixture(scope="module")
def browser_report(request, built, tmp_path_factory):
    problem = browser_check.missing_tools()
    if problem:
        pytest.fail(problem)
    if browser_check.RUNS:  # `built` started it in the background (without xdist)
        return browser_check.RUNS[0].report()

    # Under xdist this module's tests may run on several workers: one run for all of them.
    def make(folder: Path) -> None:
        report = browser_check.BrowserRun(built / "site", folder).report()
        (folder / "rapport-met-plan.json").write_text(json.dumps(report), encoding="utf-8")

    folder = shared(request, tmp_path_factory, "browser", make)
    return json.loads((folder / "rapport-met-plan.json").read_text(encoding="utf-8"))


def test_every_page_loads_at_every_width(browser_report):
    pages = browser_report["pages"]
    assert len(pages) == len(browser_report["plan"]["pages"]) * len(WIDTHS)
    assert len(browser_report["plan"]["pages"]) > 60  # site pages plus the reading copy of every document
    assert [(p["path"], p["width"]) for p in pages if p["status"] != 200] == []


def test_every_page_passes_axe_wcag_and_best_practice_at_320_390_and_1280(browser_report):
    found = [
        f"{p['path']} @ {p['width']}px: {v['id']} ({v['impact']}) {v['help']} {v['nodes']}"
        for p in browser_report["pages"]
        for v in p["violations"]
    ]
    assert found == []


def test_no_page_is_wider_than_a_320px_window(browser_report):
    narrow = [p for p in browser_report["pages"] if p["width"] == 320]
    assert narrow and all(p["windowWidth"] == 320 for p in narrow)
    assert [(p["path"], p["documentWidth"]) for p in narrow if p["documentWidth"] > p["windowWidth"]] == []


def test_chart_text_is_at_least_12px_on_a_320px_and_a_390px_phone(browser_report):
    for width in (320, 390):
        phone = [p for p in browser_report["pages"] if p["width"] == width and p["charts"]]
        assert len(phone) >= 20, width  # every report has charts
        assert [(p["path"], p["smallestChartText"]) for p in phone if p["smallestChartText"] < 12] == []


def test_charts_fit_a_320px_phone_with_their_100_percent_line_in_view(browser_report):
    phone = [p for p in browser_report["pages"] if p["width"] in (320, 390)]
    assert sum(p["charts"] for p in phone if p["path"].startswith("regio/")) >= 16  # the regional bar charts
    assert [(p["path"], p["width"], p["chartsCut"]) for p in phone if p["chartsCut"]] == []


def test_the_site_name_is_whole_in_the_header_on_a_320px_phone(browser_report):
    narrow = [p for p in browser_report["pages"] if p["width"] == 320]
    assert [p["path"] for p in narrow if p["titleCut"]] == []


def test_tables_of_indicators_show_status_and_realisatie_without_scrolling_on_a_phone(browser_report):
    for width in (320, 390):
        phone = [p for p in browser_report["pages"] if p["width"] == width]
        assert sum(p["kpiTables"] for p in phone) >= 60  # reports (overview, region, per indicator) and DVO bijlage 2
        assert [(p["path"], p["kpiProblems"]) for p in phone if p["kpiProblems"]] == []


def test_a_gemeente_page_on_a_phone_shows_each_indicator_as_its_report_does(browser_report, built):
    """What Chromium renders of each gemeente page's indicators at 320 and 390 px: status and
    prestatie on screen, and status, prestatie, realisatie and streefwaarde as the main table of
    the report the page refers to has them (tests/test_een_presentatie.py reads the same
    table, and compares it with the PDF and the open data)."""
    from tests.test_een_presentatie import laatste_rapport, lees, rapporten, rapporttabel

    site = built / "site"  # what Chromium read is a copy of it (the shared build is read-only)
    alle = rapporten(site)
    checked, found = 0, []
    for p in browser_report["pages"]:
        m = re.fullmatch(r"gemeenten/([^/]+)/", p["path"])
        if p["width"] not in (320, 390) or not m or not p["kpiStand"]:
            continue
        rapport = laatste_rapport(site / "gemeenten" / m.group(1) / "index.html", alle[m.group(1)])
        rijen = {r.naam: r for r in rapporttabel(lees(rapport.leesversie), p["path"])}
        for item in p["kpiStand"]:
            checked += 1
            naam = re.sub(r" \((?:hoger|lager) is beter\)$", "", item["naam"])
            rij = rijen.get(naam)
            shown = (item["status"], item["prestatie"], item["cijfers"])
            if rij is None or item["cut"]:
                found.append((p["path"], p["width"], naam, "buiten beeld" if rij else "niet in de rapportage"))
            elif rij.status is not None and shown != (
                rij.status,
                f"prestatie {rij.prestatie}",
                f"realisatie {rij.realisatie} · streefwaarde {rij.streefwaarde}",
            ):
                found.append((p["path"], p["width"], naam, shown, (rij.status, rij.prestatie, rij.realisatie)))
    assert checked >= 2 * 9 * 8  # two widths, nine gemeenten, eight indicators or more
    assert found == []


def test_a_table_that_still_scrolls_on_a_phone_says_so_and_is_a_named_tab_stop(browser_report):
    phone = [p for p in browser_report["pages"] if p["width"] in (320, 390)]
    assert sum(p["scrollers"] for p in phone) > 0  # the DVO's budget tables, for one
    assert [(p["path"], p["width"], p["unmarkedScrollers"]) for p in phone if p["unmarkedScrollers"]] == []


def test_every_column_header_aligns_like_its_values_figures_right_text_left(browser_report):
    wide = [p for p in browser_report["pages"] if p["width"] == 1280]
    assert sum(p["tablesChecked"] for p in wide) > 300
    assert [(p["path"], p["misaligned"]) for p in wide if p["misaligned"]] == []


def test_keyboard_focus_never_lands_on_an_invisible_element_at_1024px(browser_report):
    walks = browser_report["keyboard"]
    assert [w["path"] for w in walks] == KEYBOARD_PAGES
    for walk in walks:
        assert len(walk["steps"]) >= 40, walk["path"]  # focus moved on every Tab, through header and content
        assert sum(1 for s in walk["steps"] if s.get("back")) >= 15, walk["path"]  # and back up with Shift+Tab
        # hidden: invisible, off screen, under the sticky header or covered by something else
        bad = [s for s in walk["steps"] if s["hidden"] or not s["ring"] or not s["name"]]
        assert bad == [], walk["path"]


def test_skip_link_is_the_first_stop_and_jumps_to_the_content(browser_report):
    for walk in browser_report["keyboard"]:
        skip = walk["skip"]
        assert skip["first"]["name"] == "Direct naar de inhoud" and skip["first"]["hidden"] is None, walk["path"]
        assert skip["hash"] and skip["target"], walk["path"]
        assert re.fullmatch(r"rgb\(\d+, \d+, \d+\)", skip["first"]["background"]), skip["first"]["background"]  # opaque


def test_menu_is_a_button_in_the_tab_order_that_opens_and_closes_the_drawer(browser_report):
    drawer = browser_report["drawer"]
    assert drawer["width"] == DRAWER_WIDTH
    assert drawer["button"] == {"expanded": "false", "name": "Menu", "tabs": drawer["button"]["tabs"]}
    assert drawer["button"]["tabs"] <= 3  # after the skip link and the home link
    assert drawer["opened"] == {"checked": True, "expanded": "true", "focusInDrawer": True}
    assert drawer["closed"] == {"checked": False, "focusOnButton": True, "drawerVisibility": "hidden"}


def test_every_section_of_the_drawer_opens_and_closes_by_keyboard_and_focus_stays_inside(browser_report):
    steps = browser_report["drawer"]["steps"]
    assert len(steps) >= 25
    # every stop is inside the open drawer, on screen and not covered, with a ring and a name
    assert [s for s in steps if not s["inDrawer"] or s["hidden"] or not s["ring"] or not s["name"]] == []
    # the drawer opens at the reader's own level; its title is the way back, a button
    assert steps[0]["name"] == "Terug naar Gemeenten" and steps[0]["role"] == "button"
    reached = {s["name"]: s for s in steps}
    for section in ("Gemeenten", "Regio", "Instrumentarium"):
        assert reached[section]["role"] == "button" and reached[section]["expanded"] in ("true", "false"), section
    assert browser_report["drawer"]["sections"] == [
        {
            "name": name,
            "role": "button",
            "before": "false",
            "after": "true",
            "inside": "Overzicht",
            "back": name,
            "closed": "false",
        }
        for name in ("Regio", "Instrumentarium")
    ]
    # Tab goes round: the last 14 stops pass the first entry of the top level again
    last = [s["name"] for s in steps[-14:]]
    assert len(set(last)) < len(last), last


def test_axe_finds_nothing_with_the_menu_open_or_search_results_in_view(browser_report):
    states = browser_report["openStates"]
    assert [s["state"] for s in states] == [
        f"menu open @ {DRAWER_WIDTH}px",
        "zoekresultaten @ 390px",
        "zoekresultaten @ 1280px",
    ]
    assert all(s.get("shown", True) for s in states)
    assert states[0]["titlesCut"] == []  # the site's name at the top of the drawer is whole
    assert [(s["state"], v["id"], v["nodes"]) for s in states for v in s["violations"]] == []


def test_search_finds_a_word_that_occurs_only_in_a_report(browser_report):
    search = browser_report["search"]
    assert search["dialog"] == "Zoeken op deze site"
    reports = [h for h in search["hits"] if re.search(r"/(gemeenten/[a-z-]+|regio)/rapport-[0-9]{4}", h)]
    assert reports, (search["word"], search["hits"])


def test_searching_a_gemeente_name_gives_its_gemeente_page_first(browser_report):
    firsts = browser_report["search"]["firsts"]
    assert len(firsts) >= 3 and any(" " in f["naam"] for f in firsts)
    assert [(f["naam"], f["first"]) for f in firsts] == [(f["naam"], f["page"]) for f in firsts]


def test_a_search_hit_opens_its_page_at_the_first_occurrence_highlighted(browser_report):
    search = browser_report["search"]
    landing = search["landing"]
    assert landing and landing["marks"] >= 1, landing
    assert f"h={search['word']}" in landing["url"]  # also the page's own link, which the theme leaves empty
    assert landing["text"].lower() == search["word"] and landing["onScreen"], landing  # below the sticky header


def test_404_page_is_dutch_and_accessible(browser_report):
    page = browser_report["notFound"]
    assert page["status"] == 404 and page["lang"] == "nl"
    assert page["h1"] == "Pagina niet gevonden"
    assert page["title"].startswith("Pagina niet gevonden")
    assert "Naar de homepagina" in page["text"] and "Not found" not in page["text"]
    assert page["violations"] == []


def test_no_request_to_another_host_and_no_script_errors(browser_report):
    assert browser_report["external"] == []
    errors = [e for e in browser_report["consoleErrors"] if "/bestaat-niet/" not in e]  # the 404 itself is logged
    assert errors == []
