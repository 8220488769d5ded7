"""The site of another region: tests/fixtures/regio-kwartaal (two gemeenten, reports per
kwartaal) built with the example's catalogues. The home page's list of gemeenten, the
gemeente page, the reading copies and the navigation come from that region's data; the
tertaal scheme is checked on the generated pages of the same region."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import build_source, fixture_region

# Names of the example region that no generated page of another region may show.
EXAMPLE_NAMES = ("Rijk van Nijmegen", "Nijmegen", "Wijchen", "Beuningen")


@pytest.fixture(scope="module")
def kwartaal(tmp_path_factory) -> Path:
    root = fixture_region("regio-kwartaal", tmp_path_factory.mktemp("kwartaal"))
    result = CliRunner().invoke(main, ["build", "--jobs", "2", "--root", str(root)])
    assert result.exit_code == 0, result.output
    return root


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\u00a0", " ").split())


def _page(root: Path, rel: str) -> str:
    return (root / "site" / rel / "index.html").read_text(encoding="utf-8")


def test_home_page_lists_the_gemeenten_of_this_region_before_its_first_subheading(kwartaal):
    html = _page(kwartaal, "")
    assert re.findall(r'<a href="(gemeenten/[a-z-]+/)">([^<]+)</a>', html[html.index("gemeentekeuze") :])[:2] == [
        ("gemeenten/lindeveen/", "Lindeveen"),
        ("gemeenten/oosterbroek/", "Oosterbroek"),
    ]
    assert html.index('id="kies-een-gemeente"') < html.index('id="over-deze-site"')


def test_gemeente_page_shows_the_latest_kwartaal(kwartaal):
    flat = _text(_page(kwartaal, "gemeenten/oosterbroek"))
    assert "Prestaties in kwartaal 2 van 2016" in flat
    assert "Van de 2 prestatie-indicatoren in de DVO heeft er 1 een realisatie in kwartaal 2 van 2016;" in flat
    assert (
        "Oosterbroek heeft in kwartaal 2 van 2016 een realisatie op 1 prestatie-indicator: 1 op koers, 0 "
        "aandachtspunten en 0 afwijkingen." in flat
    )
    # Uitstroom has no realisatie in Q2: its cumulative target is half the year's 24.
    assert "Uitstroom naar werk (hoger is beter) nog geen realisatie streefwaarde 12" in flat
    # Instroom (lager is beter): 14 against half of 30 is 15 / 14 = 107,1%.
    assert "Instroom in de bijstand (lager is beter) op koers prestatie 107,1% realisatie 14 · streefwaarde 15" in flat
    assert flat.index("Prestaties in kwartaal 2") < flat.index("Documenten") < flat.index("Budget per jaar")
    assert "Verantwoordingsrapportage Oosterbroek kwartaal 2 van 2016 , ook als PDF" in flat
    lindeveen = _text(_page(kwartaal, "gemeenten/lindeveen"))
    # 21 of 20 (105%), 30 / 36 (83,3%), 64 of 70 (91,4%)
    assert "een realisatie op 3 prestatie-indicatoren: 1 op koers, 2 aandachtspunten en 0 afwijkingen." in lindeveen


def test_reading_copies_and_navigation_per_kwartaal(kwartaal):
    for rel in (
        "gemeenten/lindeveen/dvo",
        "gemeenten/lindeveen/rapport-2016-Q1",
        "gemeenten/lindeveen/rapport-2016-Q2",
        "regio/rapport-2016-Q2",
    ):
        assert (kwartaal / "site" / rel / "index.html").is_file(), rel
    html = _page(kwartaal, "gemeenten/lindeveen/rapport-2016-Q2")
    assert 'href="../../../pdf/rapport-lindeveen-2016-Q2.pdf"' in html
    active = re.findall(
        r'class="md-nav__link md-nav__link--active">\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>', html
    )
    assert active == ["Rapportage kwartaal 2 van 2016"]
    # A vastgestelde DVO carries no concept warning; a concept does.
    assert "Concept: DVO" not in _page(kwartaal, "gemeenten/lindeveen/dvo")
    assert "Concept: DVO concept" in _page(kwartaal, "gemeenten/oosterbroek/dvo")


def test_footer_and_generated_pages_are_this_regions_own(kwartaal):
    html = _page(kwartaal, "")
    footer = _text(html[html.index('<footer class="md-footer">') :])
    assert footer.startswith(
        "Werkpunt Lindeveen-Oosterbroek Contact: info@werkpunt.example of 012 345 67 89 Toegankelijkheidsverklaring"
    )
    assert 'href="tel:0123456789"' in html
    for rel in ("", "gemeenten", "gemeenten/lindeveen", "gemeenten/oosterbroek", "regio", "404.html"):
        page = kwartaal / "site" / rel / "index.html" if not rel.endswith(".html") else kwartaal / "site" / rel
        text = page.read_text(encoding="utf-8")
        assert [n for n in EXAMPLE_NAMES if n in text] == [], rel


def test_tertaal_labels_on_the_generated_pages(tmp_path):
    from generator.load.project import load_project
    from generator.publish.pages import pages
    from generator.render.templating.search_path import Templates

    root = fixture_region("regio-kwartaal", tmp_path)
    (root / "content" / "regio.yaml").write_text(
        (root / "content" / "regio.yaml")
        .read_text(encoding="utf-8")
        .replace("periode_schema: kwartaal", "periode_schema: tertaal"),
        encoding="utf-8",
    )
    for gemeente in (root / "gemeenten").glob("*.yaml"):
        gemeente.write_text(gemeente.read_text(encoding="utf-8").replace("2016-Q", "2016-T"), encoding="utf-8")
    project = load_project(root)
    text = pages(build_source(project), root / ".staging" / "docs", Templates.for_layout(project.layout))[
        "gemeenten/lindeveen/index.md"
    ]
    assert "## Prestaties in tertaal 2 van 2016" in text
    # T2 of three: two thirds of the year target of 40 for uitstroom
    assert "realisatie 21 · streefwaarde 26,7" in text
    assert "- Verantwoordingsrapportage Lindeveen tertaal 2 van 2016: nog niet gemaakt." in text
