"""One run of tests/a11y/site_check.mjs (axe-core + playwright-core in Debian's Chromium)
over a built site, served like a web host does.

The run takes minutes of Chromium time, so without pytest-xdist conftest's `built` fixture
starts it in the background as soon as the example site exists, on a copy of that site, and
tests/test_site_browser.py collects the report; the rest of the suite runs meanwhile. Under
xdist the worker that runs tests/test_site_browser.py starts it and the others run on.
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

REPO = Path(__file__).resolve().parent.parent
A11Y = REPO / "tests" / "a11y"
WIDTHS = [320, 390, 1280]
KEYBOARD_PAGES = ["", "gemeenten/wijchen/", "gemeenten/wijchen/dvo/", "gemeenten/wijchen/rapport-2016/"]
DRAWER_PAGE, DRAWER_WIDTH = "gemeenten/wijchen/", 390  # the menu is a drawer below 1220 px
TIMEOUT = 900
RUNS: list[BrowserRun] = []  # the run `built` started in the background, if any


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


class _Server(ThreadingHTTPServer):
    """Silent: it serves in a thread while other tests run, and click's CliRunner swaps
    sys.stderr process-wide, so a traceback printed here (Chromium closing a connection
    early) would land in another test's output."""

    def handle_error(self, request, client_address):
        pass


def site_pages(site: Path) -> list[str]:
    return [
        p.relative_to(site).as_posix().removesuffix("index.html")
        for p in sorted(site.rglob("*.html"))
        if p.name != "404.html"
    ]


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


def gemeente_name(site: Path, page: str) -> str:
    """`Wijchen` for `gemeenten/wijchen/`: the gemeente page's heading without "Gemeente"."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", " ", heading).split()).removeprefix("Gemeente ")


def searched_gemeenten(site: Path) -> list[dict]:
    """Gemeenten whose name is searched for: the keyboard walk's, the first in the list and
    the one with the longest name (several words, a small gemeente)."""
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.glob("gemeenten/*/index.html"))
    names = {page: gemeente_name(site, page) for page in pages}
    chosen = [DRAWER_PAGE, pages[0], max(pages, key=lambda page: len(names[page].split()))]
    return [{"naam": names[page], "page": page} for page in dict.fromkeys(chosen)]


def missing_tools() -> str | None:
    """Why the check cannot run here, in Dutch, or None."""
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists() or not shutil.which("node") or not (A11Y / "node_modules").is_dir():
        return (
            "De browsertest kan niet draaien: installeer Chromium (apt-get install chromium), Node.js en "
            "'npm ci' in tests/a11y; 'make test' doet dat allemaal."
        )
    return None


class BrowserRun:
    """site_check.mjs started on a copy of `site` in `work`; `report()` waits for it."""

    def __init__(self, site: Path, work: Path):
        self.site = work / "site"
        shutil.copytree(site, self.site, symlinks=True)
        self.server = _Server(("127.0.0.1", 0), functools.partial(_Host, directory=str(self.site)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.plan = {
            "base": f"http://127.0.0.1:{self.server.server_address[1]}/",
            "pages": site_pages(self.site),
            "widths": WIDTHS,
            "keyboard": {"width": 1024, "pages": KEYBOARD_PAGES, "tabs": 50, "back": 20},
            "drawer": {"width": DRAWER_WIDTH, "page": DRAWER_PAGE},
            "search": {"width": 1280, "word": report_only_word(self.site), "gemeenten": searched_gemeenten(self.site)},
            "openStates": {"page": DRAWER_PAGE, "query": gemeente_name(self.site, DRAWER_PAGE)},
            "notFound": "bestaat-niet/",
        }
        listing = work / "plan.json"
        listing.write_text(json.dumps(self.plan), encoding="utf-8")
        # Output to files, not pipes: nobody reads a pipe while the suite runs on.
        self.out, self.err = work / "rapport.json", work / "fouten.txt"
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.proc = subprocess.Popen(["node", str(A11Y / "site_check.mjs"), str(listing)], stdout=out, stderr=err)
        self._report: dict | None = None

    def report(self) -> dict:
        if self._report is None:
            try:
                code = self.proc.wait(timeout=TIMEOUT)
            finally:
                self.stop()
            assert code == 0, self.err.read_text(encoding="utf-8", errors="replace")
            self._report = {**json.loads(self.out.read_text(encoding="utf-8")), "plan": self.plan}
        return self._report

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.server.shutdown()
        self.server.server_close()
