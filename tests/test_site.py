"""The publication site: strict build, a page per instrument and gemeente, verordening anchors,
download labels, no other hosts, escaping, partial builds, `dvo serve`, and axe-core in Chromium."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from generator.util.formatting import file_size
from tests.conftest import REPO, Region

A11Y = REPO / "tests" / "a11y"


class _Refs(HTMLParser):
    """Every id, and every URL the page would request or navigate to."""

    URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "poster", "data", "background"}

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in self.URL_ATTRS:
                self.urls += [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]
            elif name == "style":
                self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", value)
            elif name == "content" and dict(attrs).get("http-equiv", "").lower() == "refresh":
                self.urls += re.findall(r"url=(\S+)", value, re.I)


def parse(path: Path) -> _Refs:
    refs = _Refs()
    refs.feed(path.read_text(encoding="utf-8"))
    return refs


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_site_is_built_strict_with_dutch_theme_and_search(built, project):
    site = built / "site"
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    assert json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["lang"] == ["nl"]
    assert (site / "assets" / "javascripts" / "lunr" / "min" / "lunr.nl.min.js").is_file()  # Dutch stemming, served locally
    for page in ("werkbedrijf", "dvo-lezen", "bestuur", "regio", "verordening", "toegankelijkheid", "gemeenten", "instrumentarium"):
        assert (site / page / "index.html").is_file(), page


def test_every_instrument_and_gemeente_has_a_page(built, project):
    site = built / "site"
    for i in project.instrumentarium.instrumenten:
        text = (site / "instrumentarium" / i.id / "index.html").read_text(encoding="utf-8")
        assert i.naam in text.replace("&#39;", "'")
    for g in project.gemeenten:
        text = (site / "gemeenten" / g.slug / "index.html").read_text(encoding="utf-8")
        assert f"Gemeente {g.naam}" in text and g.cbs_code in text


def test_every_verordening_article_and_lid_has_its_anchor(built, project):
    ids = parse(built / "site" / "verordening" / "index.html").ids
    expected = [a.anker for h in project.verordening.genummerd() for a in h.artikelen]
    expected += [lid.anker for h in project.verordening.genummerd() for a in h.artikelen for lid in a.leden]
    assert len(expected) > 31
    assert [e for e in expected if e not in ids] == []
    assert "artikel-5-lid-2" in ids


def test_every_instrument_links_to_an_existing_article_anchor(built, project):
    site = built / "site"
    ids = parse(site / "verordening" / "index.html").ids
    for i in project.instrumentarium.instrumenten:
        page = site / "instrumentarium" / i.id / "index.html"
        links = [u for u in parse(page).urls if "verordening/#" in u]
        assert links, i.id
        for link in links:
            target = urlparse(urljoin(page.as_uri(), link))
            assert Path(target.path) == site / "verordening" / "index.html" or Path(target.path) == site / "verordening", link
            assert target.fragment in ids, (i.id, link)


def test_internal_links_and_downloads_resolve(built):
    site = built / "site"
    for page in pages(site):
        if page.name == "404.html":
            continue  # served for any missing path, so it links from the site root on purpose
        for url in parse(page).urls:
            parts = urlparse(url)
            if parts.scheme or url.startswith(("#", "mailto:")) or not parts.path:
                continue
            target = (page.parent / parts.path).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(site)} -> {url}"


def test_downloads_are_labelled_with_type_and_size(built):
    site = built / "site"
    html = (site / "gemeenten" / "wijchen" / "index.html").read_text(encoding="utf-8")
    size = (site / "pdf" / "dvo-wijchen.pdf").stat().st_size
    assert f"DVO Wijchen (PDF, {file_size(size)})" in html
    report = (site / "pdf" / "rapport-wijchen-2016.pdf").stat().st_size
    assert f"Verantwoordingsrapportage Wijchen 2016 (PDF, {file_size(report)})" in html
    data = (site / "pdf" / "kpi-wijchen.csv").stat().st_size
    assert f"Open data: prestatie-indicatoren van Wijchen per periode (CSV, {file_size(data)})" in html
    regio = (site / "regio" / "index.html").read_text(encoding="utf-8")
    assert "Verantwoordingsrapportage regio Rijk van Nijmegen 2016 (PDF, " in regio
    assert re.search(r"Prestatie-indicatoren per gemeente en periode \(CSV, \d+ kB\)", regio)


def test_file_size_labels():
    assert file_size(412_345) == "412 kB"
    assert file_size(300) == "1 kB"
    assert file_size(1_234_567) == "1,2 MB"


def test_regio_page_totals_are_the_sum_of_the_gemeenten(built, project):
    from generator.models.budget import budget_gemeente
    from generator.util.formatting import euro

    html = (built / "site" / "regio" / "index.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    for jaar in project.regio.periode.jaren:
        total = sum(budget_gemeente(g, jaar).maatwerkbudget for g in project.gemeenten)
        assert euro(total) in html, (jaar, euro(total))


# URL strings inside Material's own scripts that this site never requests, each checked by hand:
#   api.github.com  repository facts, only with `repo_url` (not set);
#   unpkg.com       mermaid (no diagrams on the site) and a ResizeObserver polyfill that only
#                   browsers from before 2020 would load;
#   bit.ly          text of a console warning in the search worker, never fetched.
# The browser check below records every real request and must see none to another host.
INERT_IN_THEME_JS = {("bundle", "api.github.com"), ("bundle", "unpkg.com"), ("search", "bit.ly")}


def test_no_reference_to_another_host_in_html_css_or_js(built):
    site = built / "site"
    found = []
    for page in pages(site):
        for url in parse(page).urls:
            if url.startswith("//") or urlparse(url).scheme in ("http", "https", "ftp", "ws", "wss"):
                found.append(f"{page.relative_to(site)}: {url}")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        found += [f"{css.relative_to(site)}: {u}" for u in re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", text)]
    for js in site.rglob("*.js"):
        text = re.sub(r"/\*.*?\*/", "", js.read_text(encoding="utf-8"), flags=re.S)  # licence headers
        text = re.sub(r"(?m)(^|\s)//[^\n]*", "", text)  # line comments
        for host in set(re.findall(r"(?:https?:|[\"'`(])//([a-z0-9-]+(?:\.[a-z0-9-]+)+)", text)):
            if (js.name.split(".")[0], host) not in INERT_IN_THEME_JS:
                found.append(f"{js.relative_to(site)}: {host}")
    assert found == []


def test_no_google_fonts_or_cdn_in_the_page_head(built):
    html = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html and "cdn" not in html.lower().replace("cdata", "")


def test_yaml_text_is_escaped_in_generated_markdown(project):
    import markdown

    from generator.publish.pages import pages as site_pages
    from generator.compute.verantwoording import Verantwoording
    from generator.render.templates import Templates

    hostile = "<script>alert(1)</script> *nadruk* [klik](http://evil.example) {: #kaping } | pijp"
    instrument = project.instrumentarium.instrumenten[0].model_copy(update={"omschrijving": hostile, "naam": "Naam <b>vet</b>"})
    patched = project.instrumentarium.model_copy(update={"instrumenten": [instrument] + project.instrumentarium.instrumenten[1:]})
    p = type(project)(**{**project.__dict__, "instrumentarium": patched})
    text = site_pages(p, Verantwoording(p), REPO / "nonexistent-docs", Templates.for_layout(p.layout))[f"instrumentarium/{instrument.id}.md"]
    html = markdown.markdown(text, extensions=["attr_list", "tables", "admonition"])
    assert "<script>" not in html and "<b>" not in html and "<em>" not in html
    assert 'href="http://evil.example"' not in html and 'id="kaping"' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *nadruk* [klik](http://evil.example)" in html


def test_partial_build_links_what_exists_and_says_what_is_missing(region: Region):
    result = region.dvo("build", "--gemeente", "druten", "--jobs", "1")
    assert result.exit_code == 0, result.output
    site = region.path("site")
    druten = (site / "gemeenten" / "druten" / "index.html").read_text(encoding="utf-8")
    assert "DVO Druten (PDF, " in druten
    wijchen = (site / "gemeenten" / "wijchen" / "index.html").read_text(encoding="utf-8")
    assert "DVO Wijchen: nog niet gemaakt." in wijchen
    regio = (site / "regio" / "index.html").read_text(encoding="utf-8")
    assert "Verantwoordingsrapportage regio Rijk van Nijmegen 2016: nog niet gemaakt." in regio


def test_broken_link_in_an_authored_page_fails_strict_and_keeps_the_old_site(region: Region):
    assert region.dvo("build", "--gemeente", "druten", "--jobs", "1").exit_code == 0
    before = region.path("site/manifest.json").read_bytes()
    region.write("content/pages/bestuur.md", region.read("content/pages/bestuur.md") + "\nZie [de notulen](notulen.md).\n")
    result = region.dvo("build", "--gemeente", "druten", "--jobs", "1")
    assert result.exit_code == 1
    assert "Fout in de site:" in result.output and "notulen.md" in result.output
    assert "is ongewijzigd" in result.output and "Traceback" not in result.output
    assert region.path("site/manifest.json").read_bytes() == before


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def test_serve_rebuilds_when_a_gemeente_file_changes(region: Region):
    port = _free_port()
    env = {**os.environ, "CI": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--root", str(region.root), "--port", str(port), "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )
    try:
        url = f"http://127.0.0.1:{port}/gemeenten/druten/"
        deadline = time.time() + 240
        while time.time() < deadline:
            try:
                assert "Gemeente Druten" in _get(url)
                break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail("dvo serve gaf geen pagina")
        # "0.3" becomes "90.3": in dvo.versie and in its line of dvo.wijzigingen, which must agree
        region.replace("gemeenten/druten.yaml", 'versie: "0.3"', 'versie: "90.3"', 2)
        deadline = time.time() + 180
        while time.time() < deadline and "DVO-versie | 9" not in _page_text(url):
            time.sleep(1)
        assert "DVO-versie | 9" in _page_text(url)
        # The counter moves once the rebuild has returned, just after site/ was swapped.
        deadline = time.time() + 30
        while time.time() < deadline and _get(f"http://127.0.0.1:{port}/__versie") != "1":
            time.sleep(0.5)
        assert _get(f"http://127.0.0.1:{port}/__versie") == "1"  # open tabs reload themselves
        assert 'fetch("/__versie"' in _get(url)  # injected by the preview server only ...
        assert "__versie" not in region.read("site/gemeenten/druten/index.html")  # ... never into site/
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _page_text(url: str) -> str:
    try:
        html = _get(url)
    except OSError:
        return ""
    cells = re.findall(r"<td>(.*?)</td>", html)
    return " | ".join(cells)


@pytest.fixture(scope="module")
def served(built):
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(built / "site"))
    handler.log_message = lambda *a: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", built / "site"
    server.shutdown()


def test_every_page_passes_axe_core_in_chromium_without_serious_violations(served, tmp_path):
    base, site = served
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    node_modules = A11Y / "node_modules"
    if not Path(chromium).exists() or not shutil.which("node") or not node_modules.is_dir():
        pytest.fail("Toegankelijkheidstest kan niet draaien: installeer Chromium (apt-get install chromium), Node.js en "
                    "'npm ci' in tests/a11y; 'make test' doet dat allemaal.")
    paths = [p.relative_to(site).as_posix().removesuffix("index.html") for p in pages(site) if p.name != "404.html"]
    listing = tmp_path / "pages.json"
    listing.write_text(json.dumps(paths), encoding="utf-8")
    proc = subprocess.run(["node", str(A11Y / "axe_check.mjs"), base, str(listing)], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert len(report["pages"]) == len(paths) > 60  # site pages plus the HTML reading copies of every document
    assert [p["path"] for p in report["pages"] if p["status"] != 200] == []
    serious = [
        f"{p['path']}: {v['id']} ({v['impact']}) {v['help']} {v['nodes']}"
        for p in report["pages"] for v in p["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert report["external"] == []  # no request to another host while the pages load


def test_building_again_gives_the_same_bytes_for_the_whole_site(built):
    """Every file of the site, PDFs included, is listed with its sha256 in the manifest."""
    from click.testing import CliRunner

    from generator.cli import main

    before = (built / "site" / "manifest.json").read_bytes()
    result = CliRunner().invoke(main, ["build", "--jobs", "1", "--root", str(built)])
    assert result.exit_code == 0, result.output
    assert (built / "site" / "manifest.json").read_bytes() == before
