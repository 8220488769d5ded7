"""`dvo serve` publishes the HTML first and the PDFs after it (issue 25).

After a save the preview writes the documents' HTML, their reading copies and every page at
once; a page whose PDF is still being made says so ("PDF wordt gemaakt …") instead of linking
the previous PDF as if it were current, and links the new PDF once it is made. `dvo build`
never shows that state: its site is what it always was.
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
from tests.conftest import Region, free_port, start_serve

# A realisatie of Wijchen in 2016: its report of 2016 and the regional report of 2016 change.
EDIT = ("gemeenten/wijchen.yaml", "      2015: 119\n      2016: 97\n", "      2015: 119\n      2016: 121\n")
IN_DE_MAAK = "PDF wordt gemaakt …"


def _manifest(root: Path) -> dict[str, str]:
    data = json.loads((root / "site" / "manifest.json").read_text(encoding="utf-8"))
    return {e["pad"]: e["sha256"] for e in data["bestanden"]}


def test_html_first_then_the_pdfs_with_their_links(warm: Region):
    from generator.cli.site import preview_html

    before = _manifest(warm.root)
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

    # The PDF step: the new PDFs, and every page links them again.
    assert rest(lambda: False)
    gemeente = warm.read("site/gemeenten/wijchen/index.html")
    assert IN_DE_MAAK not in gemeente and "rapport-wijchen-2016.pdf" in gemeente
    assert IN_DE_MAAK not in warm.read("site/regio/index.html")
    assert warm.path("site/pdf/rapport-wijchen-2016.pdf").read_bytes() != old_pdf

    # What the preview ends with is what `dvo build` makes of the same data: nothing left to do.
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--jobs", "2", "--root", str(warm.root)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "(0 gemaakt," in result.stdout and "site ongewijzigd" in result.stdout


def test_a_stopped_pdf_step_leaves_the_being_made_state(warm: Region):
    """A save during the PDF step stops it: the site keeps saying the PDFs are being made,
    and the next round makes them."""
    from generator.cli.site import preview_html

    warm.replace(*EDIT)
    options = BuildOptions(workers=1, wachten=True)
    ok, rest = preview_html(warm.root, options)
    assert ok and rest is not None
    assert rest(lambda: True) is False  # stopped before any document
    assert IN_DE_MAAK in warm.read("site/gemeenten/wijchen/index.html")
    ok, rest = preview_html(warm.root, options)
    assert ok and rest is not None  # still to be made
    assert rest(lambda: False)
    assert IN_DE_MAAK not in warm.read("site/gemeenten/wijchen/index.html")


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
        # ... then the PDF step links the new PDFs, and the tab reloads again.
        done = _wait(f"{base}/__versie", lambda v: v == "2", 300)
        assert done == "2"
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
