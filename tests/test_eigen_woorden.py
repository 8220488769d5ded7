"""Any region's own words: a region whose organisation is not a Werkbedrijf builds documents and
a site in which no word of the example region appears.

tests/fixtures/dommeldal is the Werkplein Dommeldal (made with `dvo init`, then given its own
words): short name "het Werkplein", its own functies (the cost lines of its basisdienstverlening
among them), no categorieen but two dienstgroepen, a nav without the default pages werkbedrijf.md
and bestuur.md, signatories `namens: organisatie`, and no besteding entered. One gemeente misses
its target, so the reports put a question to the region's own body about the organisation."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from generator.cli import main
from generator.util.formatting import euro
from tests.conftest import REPO, fixture_region, pdf_pages


def _regio(root: Path) -> dict:
    return YAML(typ="safe").load((root / "content" / "regio.yaml").read_text(encoding="utf-8"))


def _example_words() -> list[str]:
    """The example region's names: the region, its gemeenten, its organisation and bodies, and its
    functies (the cost lines of its basisdienstverlening among them)."""
    regio = _regio(REPO)
    gemeenten = [g["naam"] for g in regio["gemeenten"]]
    functies = [t["naam"] for t in regio["functies"]]
    return ["Rijk van Nijmegen", *gemeenten, "Werkbedrijf", "bestuurscommissie", "Sterke werkwoorden", *functies]


def _text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def dommeldal(tmp_path_factory) -> Path:
    root = fixture_region("dommeldal", tmp_path_factory.mktemp("dommeldal"))
    result = CliRunner().invoke(main, ["build", "--jobs", "2", "--root", str(root)])
    assert result.exit_code == 0, result.output
    return root


def _hits(text: str, words: list[str]) -> list[str]:
    return [w for w in words if w.lower() in text.lower()]


def test_no_word_of_the_example_region_in_any_page_path_or_document(dommeldal):
    site = dommeldal / "site"
    words = _example_words()
    pages = sorted(site.rglob("*.html"))
    pdfs = sorted(site.rglob("*.pdf"))
    assert len(pdfs) >= 3 + 4  # three DVO's, the reports of three gemeenten and the region
    found = []
    for path in site.rglob("*"):
        found += [f"{path.relative_to(site)}: pad" for w in _hits(path.relative_to(site).as_posix(), words)]
    for page in pages:
        found += [f"{page.relative_to(site)}: {w}" for w in _hits(_text(page.read_text(encoding="utf-8")), words)]
    for data in [*site.rglob("*.csv"), *site.rglob("*.json")]:
        found += [f"{data.relative_to(site)}: {w}" for w in _hits(data.read_text(encoding="utf-8"), words)]
    for pdf in pdfs:
        found += [f"{pdf.relative_to(site)}: {w}" for w in _hits(" ".join(pdf_pages(pdf)), words)]
    assert found == []


def test_the_dvo_speaks_of_the_werkplein_in_its_own_words(dommeldal):
    text = " ".join(" ".join(pdf_pages(dommeldal / "site" / "pdf" / "dvo-dommelrode.pdf")).split())
    assert "gevestigd te Beekveld" in text and "hierna: het Werkplein" in text
    assert "Het Werkplein levert de gemeente het basispakket" in text
    assert "Namens Werkplein Dommeldal" in text  # the signatory namens: organisatie
    assert "module" not in text  # no kind of body the region did not give


def test_the_basispakket_is_the_werkpleins_own_functies_with_their_costs(dommeldal):
    """Article 7 names the functies of the Werkplein's basispakket, and Bijlage 1 has a row for each with
    its direct costs per year, to the euro, and the totals made from them."""
    regio = _regio(dommeldal)
    jaren = regio["basisdienstverlening"]["jaren"]
    namen = {t["id"]: t["naam"] for t in regio["functies"]}
    assert set(namen) - set(jaren[2023]) == {"geheel"}  # the whole has no cost line of its own
    text = " ".join(" ".join(pdf_pages(dommeldal / "site" / "pdf" / "dvo-dommelrode.pdf")).split())
    assert (
        "Het Werkplein levert de gemeente het basispakket: intake en diagnose, werkgeverspunt en jobcoaching, met de "
        "organisatie die daarvoor nodig is." in text
    )
    rows = [f"{namen[f]} " + " ".join(euro(Decimal(jaren[j][f])) for j in sorted(jaren)) for f in jaren[2023]]
    direct = {j: sum((Decimal(v) for v in jaren[j].values()), Decimal(0)) for j in sorted(jaren)}
    table = " ".join([*rows, "Directe kosten " + " ".join(euro(d) for d in direct.values())])
    assert table in text, text[text.find("Basisdienstverlening van de hele regio") :][:600]
    assert "Intake en diagnose € 310.000 € 300.000" in table  # the data's figures, read back
    # Dommeldal charges no indirect costs: no rule of 0% with a maximum of € 0 that is 'reached'.
    assert "Indirecte kosten: geen; de regio rekent geen percentage van de directe kosten." in text
    assert "het maximum is bereikt" not in text


def test_reports_ask_about_the_werkplein_and_say_nothing_was_spent_yet(dommeldal):
    text = " ".join(" ".join(pdf_pages(dommeldal / "site" / "pdf" / "rapport-dommelrode-2023.pdf")).split())
    # Dommelrode: 20 against a target of 40, an afwijking for the region's own body.
    assert (
        "Welke extra inzet vraagt het dagelijks bestuur van het Werkplein van het Werkplein om de achterstand van "
        "Dommelrode" in text
    )
    assert "Financieel: besteding nog niet opgegeven." in text
    assert "onderbesteding gesignaleerd" not in text  # never 'geen ... onderbesteding' for spending not entered
    regio = " ".join(" ".join(pdf_pages(dommeldal / "site" / "pdf" / "rapport-regio-2023.pdf")).split())
    assert "Financieel: besteding nog niet opgegeven." in regio


def test_dienstgroepen_are_headings_and_menu_sections_without_categorieen(dommeldal):
    page = (dommeldal / "site" / "instrumentarium" / "index.html").read_text(encoding="utf-8")
    headings = [_text(h) for h in re.findall(r"(?s)<h2\b.*?</h2>", page)]
    assert "Naar werk" in headings and "Steun bij werk" in headings
    assert "##" not in _text(page)
    # The menu: a section per dienstgroep with its instruments (Scholing is in both).
    nav = re.search(r'(?s)<nav class="md-nav md-nav--primary".*?</nav>\s*</div>\s*</div>\s*</div>', page) or re.search(
        r"(?s)<nav\b.*", page
    )
    menu = _text(nav.group(0))
    assert re.search(
        r"Naar werk Naar werk Screening en intake Scholing Proefplaatsing Werkgeversdienstverlening", menu
    ), menu
    assert re.search(r"Steun bij werk Steun bij werk Scholing Loonkostensubsidie", menu), menu
