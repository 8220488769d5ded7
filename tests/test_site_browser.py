"""The built site in headless Chromium, as a raadslid on a phone or with a keyboard uses it.

One run of tests/a11y/site_check.mjs (axe-core + playwright-core in Debian's Chromium)
over the example site, shared by the tests below: every page at 320, 390 and 1280 px
through axe-core's WCAG A/AA rules and its best practices, reflow at 320 px, chart text
at 390 px, a keyboard walk at 1024 px, the menu drawer, search and the 404 page.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import REPO

A11Y = REPO / "tests" / "a11y"
WIDTHS = [320, 390, 1280]
KEYBOARD_PAGES = ["", "gemeenten/wijchen/", "gemeenten/wijchen/dvo/", "gemeenten/wijchen/rapport-2016/"]


class _Host(SimpleHTTPRequestHandler):
    """Serves the site like a web host does: 404.html, with status 404, for unknown paths."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def site_pages(site: Path) -> list[str]:
    return [p.relative_to(site).as_posix().removesuffix("index.html") for p in sorted(site.rglob("*.html")) if p.name != "404.html"]


def report_only_word(site: Path) -> str:
    """A word that the search index has in a report's reading copy and on no other page."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]

    def words(entries):
        return {w for e in entries for w in re.findall(r"[a-zà-ÿ]{9,}", (e["title"] + " " + e["text"]).lower())}

    in_reports = words(e for e in docs if "/rapport-" in e["location"])
    elsewhere = words(e for e in docs if "/rapport-" not in e["location"])
    only = sorted(in_reports - elsewhere)
    assert only, "geen woord dat alleen in een rapportage staat"
    return only[0]


@pytest.fixture(scope="module")
def browser_report(built, tmp_path_factory):
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists() or not shutil.which("node") or not (A11Y / "node_modules").is_dir():
        pytest.fail("De browsertest kan niet draaien: installeer Chromium (apt-get install chromium), Node.js en "
                    "'npm ci' in tests/a11y; 'make test' doet dat allemaal.")
    site = built / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Host, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        word = report_only_word(site)
        plan = {
            "base": f"http://127.0.0.1:{server.server_address[1]}/",
            "pages": site_pages(site),
            "widths": WIDTHS,
            "keyboard": {"width": 1024, "pages": KEYBOARD_PAGES, "tabs": 50},
            "drawer": {"width": 1024, "page": "gemeenten/wijchen/"},
            "search": {"width": 1280, "word": word},
            "notFound": "bestaat-niet/",
        }
        listing = tmp_path_factory.mktemp("browser") / "plan.json"
        listing.write_text(json.dumps(plan), encoding="utf-8")
        proc = subprocess.run(["node", str(A11Y / "site_check.mjs"), str(listing)], capture_output=True, text=True, timeout=900)
        assert proc.returncode == 0, proc.stderr
        report = json.loads(proc.stdout)
        report["plan"] = plan
        return report
    finally:
        server.shutdown()


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
