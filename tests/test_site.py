"""The publication site: strict build, a page per instrument and gemeente, verordening anchors,
download labels, no other hosts, escaping, partial builds and `dvo serve`. The browser tests
(axe-core, reflow, keyboard, search) are in test_site_browser.py."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import urljoin, urlparse

import pytest

from generator.util.formatting import file_size
from tests.conftest import REPO, SLUGS, Region, build_source, free_port, start_serve


class _Refs(HTMLParser):
    """Every id, and every URL the page would request or navigate to."""

    URL_ATTRS: ClassVar[set[str]] = {"href", "src", "srcset", "action", "formaction", "poster", "data", "background"}

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
    assert (
        site / "assets" / "javascripts" / "lunr" / "min" / "lunr.nl.min.js"
    ).is_file()  # Dutch stemming, served locally
    for page in (
        "werkbedrijf",
        "dvo-lezen",
        "bestuur",
        "regio",
        "verordening",
        "toegankelijkheid",
        "gemeenten",
        "instrumentarium",
    ):
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
            assert (
                Path(target.path) == site / "verordening" / "index.html" or Path(target.path) == site / "verordening"
            ), link
            assert target.fragment in ids, (i.id, link)


def test_internal_links_and_downloads_resolve(built):
    site = built / "site"
    checked = pages(site)
    # The pages a reader starts from are among those checked (an empty list checks nothing).
    assert {site / "index.html", site / "regio" / "index.html"} | {
        site / "gemeenten" / s / "index.html" for s in SLUGS
    } <= set(checked)
    reached: set[str] = set()
    for page in checked:
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
            reached.add(target.relative_to(site).as_posix())
    # Every DVO and its reading copy is reached through a link that resolves.
    assert {f"pdf/dvo-{s}.pdf" for s in SLUGS} | {f"gemeenten/{s}/dvo/index.html" for s in SLUGS} <= reached


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


def test_downloads_are_labelled_with_type_and_size(built):
    site = built / "site"
    html = (site / "gemeenten" / "wijchen" / "index.html").read_text(encoding="utf-8")
    size = (site / "pdf" / "dvo-wijchen.pdf").stat().st_size
    assert (
        f'<a href="dvo/">DVO Wijchen</a>, ook als <a href="../../pdf/dvo-wijchen.pdf">PDF ({file_size(size)})</a>'
        in html
    )
    report = (site / "pdf" / "rapport-wijchen-2016.pdf").stat().st_size
    assert (
        '<a href="rapport-2016/">Verantwoordingsrapportage Wijchen 2016</a>, ook als <a '
        f'href="../../pdf/rapport-wijchen-2016.pdf">PDF ({file_size(report)})</a>' in html
    )
    data = (site / "pdf" / "kpi-wijchen.csv").stat().st_size
    assert f"Open data: prestatie-indicatoren van Wijchen per periode (CSV, {file_size(data)})" in html
    regio = (site / "regio" / "index.html").read_text(encoding="utf-8")
    assert (
        '<a href="rapport-2016/">Verantwoordingsrapportage regio Rijk van Nijmegen 2016</a>, ook als <a '
        'href="../pdf/rapport-regio-2016.pdf">PDF (' in regio
    )
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
    home = _site_url(built)
    found = []
    for page in pages(site):
        for url in parse(page).urls:
            if url.startswith(home) and f'<link rel="canonical" href="{url}">' in page.read_text(encoding="utf-8"):
                continue  # the page's own published address (site_url): metadata, never requested
            if url.startswith("//") or urlparse(url).scheme in ("http", "https", "ftp", "ws", "wss"):
                found.append(f"{page.relative_to(site)}: {url}")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        found += [
            f"{css.relative_to(site)}: {u}"
            for u in re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", text)
        ]
    for js in site.rglob("*.js"):
        text = re.sub(r"/\*.*?\*/", "", js.read_text(encoding="utf-8"), flags=re.S)  # licence headers
        text = re.sub(r"(?m)(^|\s)//[^\n]*", "", text)  # line comments
        for host in set(re.findall(r"(?:https?:|[\"'`(])//([a-z0-9-]+(?:\.[a-z0-9-]+)+)", text)):
            if (js.name.split(".")[0], host) not in INERT_IN_THEME_JS:
                found.append(f"{js.relative_to(site)}: {host}")
    assert found == []


def _site_url(root: Path) -> str:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load((root / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]


def test_no_google_fonts_or_cdn_in_the_page_head(built):
    html = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert (
        "fonts.googleapis" not in html
        and "fonts.gstatic" not in html
        and "cdn" not in html.lower().replace("cdata", "")
    )


def test_yaml_text_is_escaped_in_generated_markdown(project):
    import markdown

    from generator.publish.pages import pages as site_pages
    from generator.render.templating.search_path import Templates

    hostile = "<script>alert(1)</script> *nadruk* [klik](http://evil.example) {: #kaping } | pijp"
    instrument = project.instrumentarium.instrumenten[0].model_copy(
        update={"omschrijving": hostile, "naam": "Naam <b>vet</b>"}
    )
    patched = project.instrumentarium.model_copy(
        update={"instrumenten": [instrument] + project.instrumentarium.instrumenten[1:]}
    )
    p = type(project)(**{**project.__dict__, "instrumentarium": patched})
    text = site_pages(build_source(p), REPO / "nonexistent-docs", Templates.for_layout(p.layout))[
        f"instrumentarium/{instrument.id}.md"
    ]
    html = markdown.markdown(text, extensions=["attr_list", "tables", "admonition"])
    assert "<script>" not in html and "<b>" not in html and "<em>" not in html
    assert 'href="http://evil.example"' not in html and 'id="kaping"' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *nadruk* [klik](http://evil.example)" in html


def test_partial_build_links_what_exists_and_says_what_is_missing(built_druten):
    region = Region(built_druten)  # `dvo build --gemeente druten` in a fresh copy of the example
    site = region.path("site")
    druten = (site / "gemeenten" / "druten" / "index.html").read_text(encoding="utf-8")
    assert '<a href="dvo/">DVO Druten</a>, ook als <a href="../../pdf/dvo-druten.pdf">PDF (' in druten
    assert (site / "gemeenten" / "druten" / "dvo" / "index.html").is_file()
    wijchen = (site / "gemeenten" / "wijchen" / "index.html").read_text(encoding="utf-8")
    assert "DVO Wijchen: nog niet gemaakt." in wijchen
    assert not (site / "gemeenten" / "wijchen" / "dvo").exists()
    regio = (site / "regio" / "index.html").read_text(encoding="utf-8")
    assert "Verantwoordingsrapportage regio Rijk van Nijmegen 2016: nog niet gemaakt." in regio
    # The navigation lists what exists: Druten with its documents, Wijchen with its page only.
    nav = (region.root / ".staging" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "DVO: gemeenten/druten/dvo.md" in nav and "gemeenten/wijchen/dvo.md" not in nav


def test_broken_link_in_an_authored_page_is_found_before_the_build_and_keeps_the_old_site(druten: Region):
    region = druten  # Druten built before (built_druten)
    before = region.path("site/manifest.json").read_bytes()
    region.write(
        "content/pages/bestuur.md", region.read("content/pages/bestuur.md") + "\nZie [de notulen](notulen.md).\n"
    )
    line, col = (
        region.line_of("content/pages/bestuur.md", "notulen.md"),
        region.col_of("content/pages/bestuur.md", "notulen.md"),
    )
    for command in ("validate", "build"):
        result = region.dvo(command, *(("--gemeente", "druten", "--jobs", "1") if command == "build" else ()))
        assert result.exit_code == 1, command
        assert (
            f"content/pages/bestuur.md:{line}:{col}: link naar 'notulen.md': die pagina bestaat niet op de site"
            in result.output
        ), result.output
        assert "Traceback" not in result.output
    assert region.path("site/manifest.json").read_bytes() == before


def test_what_mkdocs_refuses_reaches_the_user_in_dutch_naming_the_regions_file(druten: Region):
    """An anchor that does not exist is mkdocs' to find (strict): its English warning about
    a staging path becomes Dutch about the region's own page."""
    region = druten  # Druten built before (built_druten)
    before = region.path("site/manifest.json").read_bytes()
    region.write(
        "content/pages/bestuur.md",
        region.read("content/pages/bestuur.md") + "\nZie [het budget](regio/index.md#bestaat-niet).\n",
    )
    assert region.dvo("validate").exit_code == 0
    result = region.dvo("build", "--gemeente", "druten", "--jobs", "1")
    assert result.exit_code == 1
    assert (
        "Fout in de site: content/pages/bestuur.md: de link 'regio/index.md#bestaat-niet' wijst naar het onderdeel "
        "'#bestaat-niet' van regio/index.md (pagina die de generator maakt), maar dat onderdeel bestaat daar niet"
    ) in result.output
    assert "Doc file" not in result.output and "is ongewijzigd" in result.output
    assert region.path("site/manifest.json").read_bytes() == before


def test_mkdocs_warnings_in_dutch(tmp_path):
    from generator.load.layout import Layout
    from generator.publish.mkdocs_meldingen import dutch

    layout = Layout(tmp_path)
    (tmp_path / "content" / "pages").mkdir(parents=True)
    (tmp_path / "content" / "pages" / "werkplein.md").write_text("# Werkplein\n", encoding="utf-8")
    assert dutch(
        'The following pages exist in the docs directory, but are not included in the "nav" configuration:\n'
        "  - werkbedrijf.md\n  - werkplein.md",
        layout,
    ) == (
        "mkdocs.yml: deze pagina's staan niet in nav en vallen niet onder not_in_nav: werkbedrijf.md "
        "(standaardpagina van de "
        "generator); content/pages/werkplein.md. Zet ze in nav, of noem ze onder not_in_nav"
    )
    assert dutch(
        "A reference to 'over.md' is included in the 'nav' configuration, which is not found in the documentation "
        "files.",
        layout,
    ).startswith("mkdocs.yml: nav noemt de pagina 'over.md', maar die bestaat niet")
    assert dutch(
        "Doc file 'werkplein.md' contains a link 'x.md', but the target is not found among documentation files.", layout
    ) == ("content/pages/werkplein.md: de link 'x.md' wijst naar 'x.md', maar die pagina bestaat niet op de site")
    assert dutch(
        "Doc file 'werkplein.md' contains an unrecognized relative link 'regio/', it was left as is. Did you mean "
        "'regio/index.md'?",
        layout,
    ) == (
        "content/pages/werkplein.md: de link 'regio/' wijst niet naar een pagina (.md) of "
        "bestand van de site; bedoelt u 'regio/index.md'?"
    )
    assert dutch("Something new", layout) == "mkdocs meldt: Something new"


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def test_serve_rebuilds_when_a_gemeente_file_changes(warm: Region):
    region = warm  # built before: serve's first build renders nothing, the edit re-renders Druten
    port = free_port()
    proc = start_serve(region.root, port)
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
        while time.time() < deadline and "Laatste versie van de DVO | 90.3" not in _page_text(url):
            time.sleep(1)
        assert "Laatste versie van de DVO | 90.3" in _page_text(url)
        # The counter moves once the rebuild's HTML step has returned, just after site/ was swapped
        # (and again when its PDFs are made: tests/test_serve_html_first.py).
        deadline = time.time() + 30
        while time.time() < deadline and _get(f"http://127.0.0.1:{port}/__versie") == "0":
            time.sleep(0.5)
        assert _get(f"http://127.0.0.1:{port}/__versie") != "0"  # open tabs reload themselves
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


# ---- Reading copies, gemeente page, home page, navigation and the Dutch shell (issue 14) ----


def test_reading_copies_are_site_pages_linking_pdf_open_data_gemeente_and_home(built, project):
    site = built / "site"
    assert not (site / "dvo").exists() and not (site / "rapport").exists()  # no loose HTML copies
    for g in project.gemeenten:
        dvo = (site / "gemeenten" / g.slug / "dvo" / "index.html").read_text(encoding="utf-8")
        assert f'href="../../../pdf/dvo-{g.slug}.pdf"' in dvo and f'href="../../../pdf/kpi-{g.slug}.csv"' in dvo
        assert f'Terug naar <a href="../">Gemeente {g.naam}</a> of naar de <a href="../../../">homepagina</a>' in dvo
        report = (site / "gemeenten" / g.slug / "rapport-2016" / "index.html").read_text(encoding="utf-8")
        for target in (f"pdf/rapport-{g.slug}-2016.pdf", f"pdf/kpi-{g.slug}.csv", f"pdf/kpi-{g.slug}.json"):
            assert f'href="../../../{target}"' in report, (g.slug, target)
    regio = (site / "regio" / "rapport-2016" / "index.html").read_text(encoding="utf-8")
    for target in ("pdf/rapport-regio-2016.pdf", "pdf/kpi-regio.csv", "pdf/kpi-gemeenten.json"):
        assert f'href="../../{target}"' in regio


def test_reading_copy_sits_in_the_theme_with_one_main_landmark_and_scroll_boxes(built):
    html = (built / "site" / "gemeenten" / "druten" / "rapport-2016" / "index.html").read_text(encoding="utf-8")
    assert html.count("<main") == 1 and "<aside" not in html  # the theme's main; the document's became sections
    assert (
        '<h1 id="verantwoordingsrapportage-druten-2016">Verantwoordingsrapportage <span class="gemeente">Druten '
        "2016</span>" in html
    )
    assert html.count('<div class="scrollvak"><table') == html.count("<table")  # every table scrolls in its own box
    # Report charts: smallest text 11 units in a 620-unit viewBox, 12 px on screen from 677 px (676,4 rounded up).
    # each chart in its two layouts (render/charts.py), each in a box of its own with its width for 12 px text
    assert (
        html.count('class="scrollvak grafiekvak grafiekvak--breed"><svg style="--min-breedte: 677px"')
        == html.count('class="grafiek"')
        > 0
    )
    assert html.count('class="scrollvak grafiekvak grafiekvak--smal"><svg style="--min-breedte: 272px"') == html.count(
        'class="grafiek"'
    )
    assert 'class="skiplink"' not in html and 'class="watermerk"' not in html


def test_concept_dvo_says_so_on_its_reading_copy(built, project):
    for g in project.gemeenten:
        html = (built / "site" / "gemeenten" / g.slug / "dvo" / "index.html").read_text(encoding="utf-8")
        assert (f"Concept: DVO {g.dvo.status}" in html) == (not g.dvo.definitief), g.slug


def test_search_index_covers_the_text_of_every_dvo_and_report(built, project):
    index = json.loads((built / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    text = {}
    for entry in index["docs"]:
        text[entry["location"].split("#")[0]] = text.get(entry["location"].split("#")[0], "") + " " + entry["text"]
    for g in project.gemeenten:
        assert "verantwoording af over de financiën" in text[f"gemeenten/{g.slug}/dvo/"], g.slug
        for periode in ("2015", "2016"):
            assert (
                "Leeswijzer" in text[f"gemeenten/{g.slug}/rapport-{periode}/"]
                or "streefwaarde" in text[f"gemeenten/{g.slug}/rapport-{periode}/"]
            )
    toelichting = project.gemeente("druten").prestatie_indicatoren[2].toelichtingen["2015"].tekst
    assert " ".join(toelichting.split()[:6]) in text["gemeenten/druten/rapport-2015/"]
    # each article of a DVO is its own search result, so a hit leads to the article
    assert any(
        e["location"].startswith("gemeenten/druten/dvo/#") and e["title"].startswith("Artikel ") for e in index["docs"]
    )


def test_gemeente_page_leads_with_performance_then_documents_then_budget(built, project):
    from generator.compute.verantwoording import Verantwoording
    from generator.models.kinds import eenheid, prestatie_tekst

    html = (built / "site" / "gemeenten" / "wijchen" / "index.html").read_text(encoding="utf-8")
    order = [
        html.index(f'id="{h}"')
        for h in ("prestaties-in-2016", "documenten", "budget-per-jaar", "maatwerkafspraken", "kerngegevens")
    ]
    assert order == sorted(order)
    v = Verantwoording(project)
    stand = [u for u, _ in v.gemeente("wijchen", v.periode("2016"))]
    flat = _text(html)
    for u in stand:
        e = u.indicator.eenheid
        assert (
            f"{u.indicator.naam} ({u.indicator.richting}) {u.status} prestatie {prestatie_tekst(u.oordeel)} realisatie "
            f"{u.kind.realisatie_tekst(u.realisatie, u.noemer)} · streefwaarde {eenheid(e).tekst(u.streefwaarde)}"
            in flat
        )
    counts = {s: sum(u.status == s for u in stand) for s in ("op koers", "aandachtspunt", "afwijking")}
    assert counts == {"op koers": 4, "aandachtspunt": 3, "afwijking": 1}
    # the count of page 1 of the report (compute/resultaat.py), word for word
    assert (
        "Wijchen heeft in 2016 een realisatie op 8 prestatie-indicatoren: 4 op koers, 3 aandachtspunten en 1 " in flat
    )


def test_home_page_reaches_every_gemeente_in_one_click(built, project):
    html = (built / "site" / "index.html").read_text(encoding="utf-8")
    block = html[html.index('<div class="gemeentekeuze">') :]
    block = block[: block.index("</div>")]
    assert re.findall(r'<a href="gemeenten/([a-z-]+)/">([^<]+)</a>', block) == [
        (g.slug, g.naam) for g in project.gemeenten
    ]
    assert html.index('id="kies-een-gemeente"') < html.index(
        'id="wat-u-hier-vindt"'
    )  # where the page puts <!-- gemeenten -->


def test_navigation_shows_where_the_reader_is(built):
    html = (built / "site" / "gemeenten" / "wijchen" / "rapport-2016" / "index.html").read_text(encoding="utf-8")
    path = html[html.index('<nav class="md-path"') :]
    path = _text(path[: path.index("</nav>")])
    assert path == "Home Gemeenten Wijchen"
    active = re.findall(
        r'<a href="[^"]*" class="md-nav__link md-nav__link--active">\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>',
        html,
    )
    assert active == ["Rapportage 2016"]
    # A region of up to GROTE_REGIO gemeenten: the menu holds every gemeente's pages
    # (a larger one only the open gemeente's: tests/test_regio_groot.py).
    assert 'href="../../druten/dvo/"' in html
    for page in (
        "gemeenten/wijchen/index.html",
        "instrumentarium/loonkostensubsidie/index.html",
        "regio/rapport-2015/index.html",
    ):
        assert "md-nav__link--active" in (built / "site" / page).read_text(encoding="utf-8"), page


def test_dutch_landmarks_permalinks_and_footer_on_every_page(built):
    site = built / "site"
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(site).as_posix()
        assert 'aria-label="Header"' not in html and 'aria-label="Footer"' not in html, rel
        assert '<nav class="md-header__inner md-grid" aria-label="Sitekop">' in html, rel
        assert ">¶<" not in html and "&para;" not in html, rel  # the sign is drawn by CSS, not read aloud
        footer = _text(html[html.index('<footer class="md-footer">') :])
        assert footer.startswith(
            "Werkbedrijf Rijk van Nijmegen Contact: toegankelijkheid@werkbedrijf-rijkvannijmegen.example "
            "Toegankelijkheidsverklaring"
        ), rel
    verordening = (site / "verordening" / "index.html").read_text(encoding="utf-8")
    assert '<a class="headerlink" href="#hoofdstuk-1" title="Link naar dit onderdeel"> </a>' in verordening


def test_sitemap_lists_every_page_at_the_site_url(built):
    site = built / "site"
    url = _site_url(built)
    assert url.startswith("https://")
    locs = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    expected = sorted(
        url + p.relative_to(site).as_posix().removesuffix("index.html") for p in pages(site) if p.name != "404.html"
    )
    assert sorted(locs) == expected


def test_toegankelijkheidsverklaring_follows_the_model_statement_dated_from_the_data(built, project):
    from generator.util.formatting import date_long

    html = (built / "site" / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    flat = _text(html)
    assert "Status C: eerste maatregelen genomen." in flat
    assert f"Datum van deze verklaring {date_long(project.regio.toegankelijkheid.datum)}" in flat  # regio.yaml
    assert (
        'href="mailto:toegankelijkheid@werkbedrijf-rijkvannijmegen.example"' in html
    )  # extra.contact, like the footer
    assert "Wij reageren binnen vijf werkdagen" in flat
    for heading in (
        "Over deze verklaring",
        "Hoe wij controleren",
        "Wat nog niet voldoet of niet is onderzocht",
        "Een probleem melden",
    ):
        assert f">{heading}<" in html, heading
    # what is not met is said, and no note for developers reaches the public page
    assert "Een onderzoek volgens de methode WCAG-EM heeft nog niet plaatsgevonden" in flat
    assert "Zonder JavaScript werkt zoeken niet" in flat
    for note in ("Voorbeeldgegevens", "mkdocs.yml", "extra.contact", "regio.yaml", "ILLUSTRATIEF"):
        assert note not in flat, note


def test_toegankelijkheidsverklaring_without_a_date_in_the_data_takes_the_newest_date_there(project):
    from generator.publish.default_pages import statement_date

    regio = project.regio.model_copy(update={"toegankelijkheid": None})
    newest = max(
        [g.dvo.datum for g in project.gemeenten]
        + [project.verordening.datum_vaststelling]
        + [r.publicatiedatum for g in project.gemeenten for r in g.rapporten.values() if r.publicatiedatum]
        + [r.publicatiedatum for r in project.regio.rapportage.rapporten.values() if r.publicatiedatum]
    )
    assert statement_date(type(project)(**{**project.__dict__, "regio": regio})) == newest
    assert statement_date(project) == project.regio.toegankelijkheid.datum


def test_search_index_keeps_words_apart_and_leaves_out_what_is_said_elsewhere(built, project):
    index = json.loads((built / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(e["title"] + " " + e["text"] for e in index["docs"])
    # cells, terms and headings touch in the markup; in the index they stay words
    assert "Looptijd 1 januari 2015" in text and "Looptijd1" not in text
    assert not re.search(r"Status(Ter|Concept|Vastgesteld|Ondertekend)", text)
    # a chart's text alternative repeats the table beside it; tables of figures are figures
    assert "Lijngrafiek van" not in text and "Staafgrafiek van" not in text
    assert "cijfers bij de grafiek" not in text
    # the leeswijzer is the same in every report of a period: indexed in the regional reports only
    leeswijzer = [e["location"] for e in index["docs"] if e["location"].endswith("#leeswijzer-kop")]
    assert leeswijzer and all(loc.startswith("regio/rapport-") for loc in leeswijzer), leeswijzer

    # ... which is true: word for word the same as each gemeente's (so nothing only a gemeente report says is lost)
    def section(name):
        html = (built / ".staging" / "html" / f"{name}.html").read_text(encoding="utf-8")
        return _text(
            html[
                html.index('<section id="leeswijzer"') : html.index(
                    "</section>", html.index('<section id="leeswijzer"')
                )
            ]
        )

    for g in project.gemeenten:
        assert section(f"rapport-{g.slug}-2016") == section("rapport-regio-2016"), g.slug
    # the links block above every reading copy (PDF, open data) is navigation, not content
    assert not any(e["text"].startswith("<ul> <li>Verantwoordingsrapportage") for e in index["docs"])


def test_reading_copies_passed_by_markdown_give_the_site_markdown_gives(built, tmp_path):
    """A build converts a reading copy's page without its document HTML and puts the HTML in
    afterwards (publish/mkdocs_memo.py); mkdocs converting every page whole, without the memo,
    makes the same site, byte for byte."""
    from generator.load.project import load_project
    from generator.publish.mkdocs_run import run_mkdocs, site_date

    staging = built / ".staging"
    out = tmp_path / "site"
    run_mkdocs(staging / "mkdocs.yml", staging / "docs", out, datum=site_date(load_project(built)))
    whole = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    site = built / "site"
    made = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    made.pop("manifest.json")
    copies = [name for name in whole if "/rapport-" in name or "/dvo/" in name]
    assert len(copies) > 25 and set(made) == set(whole)
    assert [name for name in sorted(whole) if whole[name] != made[name]] == []


def test_a_regions_theme_override_shows_on_every_page_of_the_next_build(warm: Region):
    """mkdocs' per-page results are kept between builds (publish/mkdocs_memo.py); the theme
    overrides are part of what they were made with, so an edited footer reaches every page,
    the reading copies and the 404 page too, not only the pages whose content changed."""
    from tests.conftest import build_region

    footer = (REPO / "generator/templates/site/overrides/partials/copyright.html").read_text(encoding="utf-8")
    warm.path("dvo_templates/site/overrides/partials").mkdir(parents=True)
    warm.write(
        "dvo_templates/site/overrides/partials/copyright.html",
        footer.replace(
            '<p class="voet__links">',
            '<p class="voet__extra">Telefonisch spreekuur op dinsdag</p>\n  <p class="voet__links">',
        ),
    )
    build_region(warm.root)
    for page in ("index.html", "gemeenten/druten/rapport-2016/index.html", "regio/index.html", "404.html"):
        assert "Telefonisch spreekuur op dinsdag" in warm.read(f"site/{page}"), page


def _zensical() -> list[str]:
    pytest.importorskip("zensical", reason="zensical staat in de testpakketten: pip install -e '.[test]'")
    return [sys.executable, "-m", "zensical", "build", "--strict"]


def test_the_same_configuration_builds_with_zensical(built, tmp_path):
    """Both the site as `dvo build` makes it (.staging/mkdocs.yml, with the navigation) and
    the region's plain mkdocs.yml build with Zensical, the successor of Material for MkDocs."""
    staged = tmp_path / "staging"
    for part in ("docs", "overrides"):
        shutil.copytree(built / ".staging" / part, staged / part)
    shutil.copy(built / ".staging" / "mkdocs.yml", staged / "mkdocs.yml")
    result = subprocess.run([*_zensical(), "-f", "mkdocs.yml"], cwd=staged, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    out = staged / "site"
    assert "Pagina niet gevonden" in (out / "404.html").read_text(encoding="utf-8")
    assert (out / "gemeenten" / "wijchen" / "rapport-2016" / "index.html").is_file()
    plain = tmp_path / "regio"
    shutil.copytree(staged / "docs", plain / ".staging" / "docs")
    shutil.copytree(staged / "overrides", plain / ".staging" / "overrides")
    shutil.copy(built / "mkdocs.yml", plain / "mkdocs.yml")
    result = subprocess.run([*_zensical(), "-f", "mkdocs.yml"], cwd=plain, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (plain / ".staging" / "site" / "gemeenten" / "wijchen" / "index.html").is_file()
