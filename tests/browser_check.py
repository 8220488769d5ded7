"""One run of tests/a11y/site_check.mjs (axe-core + playwright-core in Debian's Chromium)
over a built site, served like a web host does.

The run takes minutes of Chromium time, so conftest's `built` fixture starts it in the
background as soon as the example site exists, on a copy of that site, once per test run
(under pytest-xdist the first worker to get there; a lock in the run's folder), and
tests/test_site_browser.py collects the report; the rest of the suite runs meanwhile on
every worker. Before, under xdist, the worker that reached the browser tests ran Chromium
itself and a second one waited for it: one of the two CPUs idle for four minutes.

The run is its own process (`python -m tests.browser_check`), with its own web server, so it
does not depend on the worker that started it, which xdist may stop first. It ends when its
report is written, after TIMEOUT, or when the test run it belongs to is gone.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from generator.util.processes import running

REPO = Path(__file__).resolve().parent.parent
A11Y = REPO / "tests" / "a11y"
WIDTHS = [320, 390, 1280]
KEYBOARD_PAGES = ["", "gemeenten/wijchen/", "gemeenten/wijchen/dvo/", "gemeenten/wijchen/rapport-2016/"]
DRAWER_PAGE, DRAWER_WIDTH = "gemeenten/wijchen/", 390  # the menu is a drawer below 1220 px
TIMEOUT = 900
DONE = "klaar"  # the run's exit code, written when it has ended


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


def start(site: Path, work: Path, watch: int) -> None:
    """Start the run on a copy of `site` in the folder `work` (which must not exist yet), to
    end when the process `watch` (the test run) is gone. `report(work)` collects it."""
    shutil.copytree(site, work / "site", symlinks=True)
    subprocess.Popen(
        [sys.executable, "-m", "tests.browser_check", str(work), str(watch)],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=(work / "runner.txt").open("wb"),
    )


def report(work: Path) -> dict:
    """The report of the run started in `work`, waiting for it; a failed run's errors."""
    done = work / DONE
    deadline = time.monotonic() + TIMEOUT + 60
    while not done.exists():
        assert time.monotonic() < deadline, f"de browsertest is na {TIMEOUT} s niet klaar ({work})"
        time.sleep(0.5)
    code = done.read_text(encoding="utf-8")
    errors = "".join((work / f).read_text(encoding="utf-8", errors="replace") for f in ("fouten.txt", "runner.txt"))
    assert code == "0", f"de browsertest eindigde met {code}:\n{errors}"
    plan = json.loads((work / "plan.json").read_text(encoding="utf-8"))
    return {**json.loads((work / "rapport.json").read_text(encoding="utf-8")), "plan": plan}


def _plan(site: Path, port: int) -> dict:
    return {
        "base": f"http://127.0.0.1:{port}/",
        "pages": site_pages(site),
        "widths": WIDTHS,
        "keyboard": {"width": 1024, "pages": KEYBOARD_PAGES, "tabs": 50, "back": 20},
        "drawer": {"width": DRAWER_WIDTH, "page": DRAWER_PAGE},
        "search": {"width": 1280, "word": report_only_word(site), "gemeenten": searched_gemeenten(site)},
        "openStates": {"page": DRAWER_PAGE, "query": gemeente_name(site, DRAWER_PAGE)},
        "notFound": "bestaat-niet/",
    }


def _run(work: Path, watch: int) -> int:
    """site_check.mjs over work/site, served here; its exit code (-1: the test run ended first)."""
    site = work / "site"
    server = _Server(("127.0.0.1", 0), functools.partial(_Host, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    listing = work / "plan.json"
    listing.write_text(json.dumps(_plan(site, server.server_address[1])), encoding="utf-8")
    # Output to files, not pipes: nobody reads a pipe while the suite runs on.
    with (work / "rapport.json").open("wb") as out, (work / "fouten.txt").open("wb") as err:
        proc = subprocess.Popen(["node", str(A11Y / "site_check.mjs"), str(listing)], stdout=out, stderr=err)
    deadline = time.monotonic() + TIMEOUT
    try:
        while proc.poll() is None:
            if not running(watch) or time.monotonic() > deadline:
                return -1
            time.sleep(0.5)
        return proc.returncode
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        server.shutdown()


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    code = "fout"  # _run raised: its traceback is in runner.txt
    try:
        code = str(_run(folder, int(sys.argv[2])))
    finally:  # the waiting tests read it also when the run failed
        (folder / f".{DONE}").write_text(code, encoding="utf-8")
        os.replace(folder / f".{DONE}", folder / DONE)
