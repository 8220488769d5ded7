"""`dvo serve` publishes the HTML first and the PDFs after it (issue 25).

After a save the preview writes the documents' HTML, their reading copies and every page at
once; a page whose PDF is still being made says so ("PDF wordt gemaakt …") instead of linking
the previous PDF as if it were current, and links the new PDF once it is made. When the save
was one gemeente's file, that gemeente's documents and pages are published just before the
rest. `dvo build` never shows those states: its site is what it always was.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator.publish.inputs import BuildOptions
from tests.conftest import Region, bench_module, free_port, start_serve

# A realisatie of Wijchen in 2016: its report of 2016 and the regional report of 2016 change.
EDIT = ("gemeenten/wijchen.yaml", "      2015: 119\n      2016: 97\n", "      2015: 119\n      2016: 121\n")
# what a page says while its PDF is being made, and where a report's page shows the edit:
# the same as bench/dvo_bench.py's measurement of the preview looks for
_BENCH = bench_module("dvo_bench")
IN_DE_MAAK, _section = _BENCH.IN_DE_MAAK, _BENCH._section


def _manifest(root: Path) -> dict[str, str]:
    data = json.loads((root / "site" / "manifest.json").read_text(encoding="utf-8"))
    return {e["pad"]: e["sha256"] for e in data["bestanden"]}


def test_html_first_then_the_pdfs_with_their_links(warm: Region, tmp_path: Path):
    """... and the search index follows with the PDFs: the HTML step may keep a changed page's
    previous entries; the site the PDF step ends with is what mkdocs makes without any memo."""
    from generator.cli.site import preview_html
    from generator.load.project import load_project
    from generator.publish.mkdocs_run import run_mkdocs, site_date

    before = _manifest(warm.root)
    index = warm.path("site/search/search_index.json")
    old_index = index.read_bytes()
    old_pdf = warm.path("site/pdf/rapport-wijchen-2016.pdf").read_bytes()
    warm.replace(*EDIT)

    ok, rest = preview_html(warm.root, BuildOptions(workers=2, wachten=True))
    assert ok and rest is not None  # the 2016 reports to make: every gemeente's (they show the region) and the region's

    # The HTML step: the reading copy shows the new figure, the pages name the PDF as being made.
    gemeente = warm.read("site/gemeenten/wijchen/index.html")
    assert IN_DE_MAAK in gemeente
    assert "rapport-wijchen-2016.pdf" not in gemeente  # no link to the previous PDF
    assert "rapport-wijchen-2015.pdf" in gemeente  # an unchanged document keeps its link
    leesversie = warm.read("site/gemeenten/wijchen/rapport-2016/index.html")
    assert IN_DE_MAAK in leesversie and "rapport-wijchen-2016.pdf" not in leesversie
    assert IN_DE_MAAK in warm.read("site/regio/index.html")  # the regional report of 2016 too
    assert "rapport-regio-2015.pdf" in warm.read("site/regio/index.html")
    druten = warm.read("site/gemeenten/druten/index.html")  # its 2016 report shows the regional figure too
    assert (
        "rapport-druten-2016.pdf" not in druten and "dvo-druten.pdf" in druten and "rapport-druten-2015.pdf" in druten
    )
    assert warm.path("site/pdf/rapport-wijchen-2016.pdf").read_bytes() == old_pdf  # not made yet
    page = "gemeenten/wijchen/rapport-2016/index.html"
    assert _manifest(warm.root)[page] != before[page]
    assert index.read_bytes() == old_index  # no page's search entries were made again: they follow

    # The PDF step: the new PDFs, and every page links them again.
    assert rest(lambda: False)
    gemeente = warm.read("site/gemeenten/wijchen/index.html")
    assert IN_DE_MAAK not in gemeente and "rapport-wijchen-2016.pdf" in gemeente
    assert IN_DE_MAAK not in warm.read("site/regio/index.html")
    assert warm.path("site/pdf/rapport-wijchen-2016.pdf").read_bytes() != old_pdf
    assert index.read_bytes() != old_index
    staging = warm.path(".staging")
    out = tmp_path / "site"
    run_mkdocs(staging / "mkdocs.yml", staging / "docs", out, datum=site_date(load_project(warm.root)))
    whole = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    site = warm.path("site")
    made = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    made.pop("manifest.json")
    assert set(made) == set(whole)
    assert [name for name in sorted(whole) if whole[name] != made[name]] == []

    # What the preview ends with is what `dvo build` makes of the same data: nothing left to do.
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--jobs", "2", "--root", str(warm.root)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "(0 gemaakt," in result.stdout and "site ongewijzigd" in result.stdout


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait(url: str, ready, seconds: float) -> str | None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            html = _get(url)
            if ready(html):
                return html
        except OSError:
            pass
        time.sleep(0.1)
    return None


def test_serve_shows_the_edit_before_the_pdfs_and_switches_when_they_are_made(warm: Region):
    port = free_port()
    proc = start_serve(warm.root, port)
    try:
        base = f"http://127.0.0.1:{port}"
        url = f"{base}/gemeenten/wijchen/"
        if _wait(url, lambda html: "rapport-wijchen-2016.pdf" in html, 240) is None:
            pytest.fail("dvo serve gaf geen pagina")
        warm.replace(*EDIT)
        # The HTML step publishes the pages with the PDFs named as being made, and the open tab reloads ...
        first = _wait(url, lambda html: IN_DE_MAAK in html or _get(f"{base}/__versie") != "0", 180)
        assert first is not None, "de pagina's werden niet opnieuw gepubliceerd"
        # ... then the PDF step links the new PDFs, and the tab reloads again: a reload after
        # Wijchen's pages, one after the rest of the site, one after the PDFs.
        assert _wait(f"{base}/__versie", lambda v: v == "3", 300) == "3"
        html = _get(url)
        assert IN_DE_MAAK not in html and "rapport-wijchen-2016.pdf" in html
        assert (
            warm.path("site/pdf/rapport-wijchen-2016.pdf").read_bytes()
            == warm.path(".staging/docs/pdf/rapport-wijchen-2016.pdf").read_bytes()
        )
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert "De PDF's volgen." in out and "PDF's klaar" in out


def test_the_edited_gemeente_first_then_the_rest_never_a_previous_pdf_as_current(warm: Region):
    """A save of one gemeente's file: its documents and the site are published first (the
    `published` call), then the rest. Meanwhile every other page stays as it was, its PDF
    still linked beside the matching reading copy. PDFs left to be made by a stopped PDF step
    stay "being made" on those pages, also in the early step that does not make them again."""
    from generator.cli.site import preview_html

    wijchen, druten = "site/gemeenten/wijchen/rapport-2016/index.html", "site/gemeenten/druten/rapport-2016/index.html"
    regio = "site/regio/rapport-2016/index.html"
    before = {rel: _section(warm.read(rel)) for rel in (wijchen, druten, regio)}
    seen: dict[str, str] = {}

    def published() -> None:  # what the browser sees at the first reload
        seen.update({rel: warm.read(rel) for rel in (wijchen, druten, regio)})

    warm.replace(*EDIT)
    options = BuildOptions(workers=1, wachten=True)
    wachtend: set[str] = set()
    ok, rest = preview_html(warm.root, options, [EDIT[0]], published, wachtend)
    assert ok and rest is not None
    assert _section(seen[wijchen]) != before[wijchen] and IN_DE_MAAK in seen[wijchen]
    for rel in (druten, regio):  # not made yet: as before, with the PDF that belongs to it
        assert _section(seen[rel]) == before[rel] and IN_DE_MAAK not in seen[rel], rel
    for rel in (wijchen, druten, regio):  # the whole HTML step: every page shows the edit
        assert _section(warm.read(rel)) != before[rel] and IN_DE_MAAK in warm.read(rel), rel
    assert "pdf/rapport-druten-2016.pdf" in wachtend and "pdf/rapport-regio-2016.pdf" in wachtend

    # A second save of Wijchen stops the PDF step before it made anything; its early step
    # makes only Wijchen's documents, and Druten's page still says its PDF is being made.
    assert rest(lambda: True) is False
    seen.clear()
    warm.replace(EDIT[0], EDIT[2], EDIT[2].replace("121", "122"))
    ok, rest = preview_html(warm.root, options, [EDIT[0]], published, wachtend)
    assert ok and rest is not None
    assert IN_DE_MAAK in seen[druten] and "rapport-druten-2016.pdf" not in seen[druten]
    assert IN_DE_MAAK in seen[regio] and "rapport-regio-2016.pdf" not in seen[regio]
    assert rest(lambda: False) and not wachtend
    for rel in (wijchen, druten, regio):
        assert IN_DE_MAAK not in warm.read(rel), rel
