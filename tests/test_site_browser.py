"""The built site in headless Chromium, as a raadslid on a phone or with a keyboard uses it.

One run of tests/a11y/site_check.mjs (axe-core + playwright-core in Debian's Chromium)
over the example site, shared by the tests below: every page at 320, 390 and 1280 px
through axe-core's WCAG A/AA rules and its best practices, reflow at 320 px, chart text
at 390 px, a keyboard walk at 1024 px, the menu drawer, search and the 404 page.
"""

from __future__ import annotations

import re

import pytest

from tests import browser_check
from tests.browser_check import KEYBOARD_PAGES, WIDTHS


@pytest.fixture(scope="module")
def browser_report(built, tmp_path_factory):
    problem = browser_check.missing_tools()
    if problem:
        pytest.fail(problem)
    if not browser_check.RUNS:  # `built` did not start it (the tools were missing then)
        browser_check.RUNS.append(browser_check.BrowserRun(built / "site", tmp_path_factory.mktemp("browser")))
    return browser_check.RUNS[0].report()


def test_every_page_loads_at_every_width(browser_report):
    pages = browser_report["pages"]
    assert len(pages) == len(browser_report["plan"]["pages"]) * len(WIDTHS)
    assert len(browser_report["plan"]["pages"]) > 60  # site pages plus the reading copy of every document
    assert [(p["path"], p["width"]) for p in pages if p["status"] != 200] == []


def test_every_page_passes_axe_wcag_and_best_practice_at_320_390_and_1280(browser_report):
    found = [
        f"{p['path']} @ {p['width']}px: {v['id']} ({v['impact']}) {v['help']} {v['nodes']}"
        for p in browser_report["pages"] for v in p["violations"]
    ]
    assert found == []


def test_no_page_is_wider_than_a_320px_window(browser_report):
    narrow = [p for p in browser_report["pages"] if p["width"] == 320]
    assert narrow and all(p["windowWidth"] == 320 for p in narrow)
    assert [(p["path"], p["documentWidth"]) for p in narrow if p["documentWidth"] > p["windowWidth"]] == []


def test_chart_text_is_at_least_12px_on_a_390px_phone(browser_report):
    phone = [p for p in browser_report["pages"] if p["width"] == 390 and p["charts"]]
    assert len(phone) >= 20  # every report has charts
    assert [(p["path"], p["smallestChartText"]) for p in phone if p["smallestChartText"] < 12] == []


def test_keyboard_focus_never_lands_on_an_invisible_element_at_1024px(browser_report):
    walks = browser_report["keyboard"]
    assert [w["path"] for w in walks] == KEYBOARD_PAGES
    for walk in walks:
        assert len(walk["steps"]) >= 40, walk["path"]  # focus moved on every Tab, through header and content
        bad = [s for s in walk["steps"] if s["hidden"] or not s["ring"] or not s["name"]]
        assert bad == [], walk["path"]


def test_skip_link_is_the_first_stop_and_jumps_to_the_content(browser_report):
    for walk in browser_report["keyboard"]:
        skip = walk["skip"]
        assert skip["first"]["name"] == "Direct naar de inhoud" and skip["first"]["hidden"] is None, walk["path"]
        assert skip["hash"] and skip["target"], walk["path"]


def test_menu_is_a_button_in_the_tab_order_that_opens_and_closes_the_drawer(browser_report):
    drawer = browser_report["drawer"]
    assert drawer["button"] == {"expanded": "false", "name": "Menu", "tabs": drawer["button"]["tabs"]}
    assert drawer["button"]["tabs"] <= 3  # after the skip link and the home link
    assert drawer["opened"] == {"checked": True, "expanded": "true", "focusInDrawer": True}
    assert len(drawer["inside"]) == 7 and all(s and s["hidden"] is None and s["ring"] for s in drawer["inside"]), drawer["inside"]
    assert drawer["closed"] == {"checked": False, "focusOnButton": True, "drawerVisibility": "hidden"}


def test_search_finds_a_word_that_occurs_only_in_a_report(browser_report):
    search = browser_report["search"]
    assert search["dialog"] == "Zoeken op deze site"
    reports = [h for h in search["hits"] if re.search(r"/(gemeenten/[a-z-]+|regio)/rapport-[0-9]{4}", h)]
    assert reports, (search["word"], search["hits"])


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
