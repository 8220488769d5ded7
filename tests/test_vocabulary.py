"""The region's own vocabulary: categories, functions, service groups and routes are data.

The fixture tests/fixtures/achterhoek has a catalogue in the shape of seed 002 (48
services in 12 service groups, providers, routes, a status, Jobcoaching offered in two
groups) and categories and functions of its own, none of the example region's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from generator.cli import main
from generator.load.layout import PACKAGE_TEMPLATES
from tests.conftest import (
    REPO,
    Region,
    assert_finding,
    assert_only_finding,
    findings,
    fixture_region,
    located,
    only_finding,
)

INSTRUMENTARIUM = "content/instrumentarium.yaml"


@pytest.fixture
def achterhoek(tmp_path) -> Region:
    return Region(fixture_region("achterhoek", tmp_path / "achterhoek"))


def test_a_catalogue_in_its_own_words_validates(achterhoek):
    result = achterhoek.dvo("validate")
    assert result.exit_code == 0, result.output
    assert "Alle gegevens zijn geldig: regio Achterhoek, 3 gemeenten, 48 instrumenten, 2 indicatoren." in result.output


def test_one_service_in_two_groups_is_one_instrument(achterhoek):
    from generator.load.project import load_project

    project = load_project(achterhoek.root)
    jobcoaching = project.instrument("jobcoaching")
    assert jobcoaching.dienstgroep == ["bemiddeling", "arbeidsbeperkten"]
    assert [i.id for i in project.instrumentarium.instrumenten].count("jobcoaching") == 1
    assert {i.aanbieder for i in project.instrumentarium.instrumenten} >= {
        "Werkgeversservicepunt Achterhoek",
        "Loopbaanplein",
        "ROZ",
    }
    assert project.instrument("inburgering").status == "in ontwikkeling"
    assert project.instrument("eigen-kracht").routes == ["perspectief", "meedoen"]
    # No service is forced into an article that does not fit: most have no verordening article.
    assert sum(1 for i in project.instrumentarium.instrumenten if i.artikelen) == 3


def test_the_site_shows_the_catalogue_as_the_region_wrote_it(achterhoek, monkeypatch):
    monkeypatch.setattr("generator.compute.verantwoording.Verantwoording.perioden", property(lambda self: []))
    result = CliRunner().invoke(main, ["build", "--jobs", "1", "--root", str(achterhoek.root)])
    assert result.exit_code == 0, result.output
    site = achterhoek.root / "site" / "instrumentarium"
    page = _text(site / "jobcoaching" / "index.html")
    assert "Categorie 3. Werk en plaatsing" in page  # numbered by position, named by the region
    assert "Functie Werken en leren" in page
    assert "Dienstgroepen Bemiddeling en plaatsing; Specifieke doelgroepen: arbeidsbeperkten" in page
    assert "Route Werk" in page and "Re-integratieverordening Artikel 3. Jobcoaching" in page
    speeddates = _text(site / "speeddates" / "index.html")
    assert (
        "Aanbieder Werkgeversservicepunt Achterhoek" in speeddates
        and "Grondslag Niet vermeld in het instrumentarium" in speeddates
    )
    assert "Status: in ontwikkeling" in _text(site / "inburgering" / "index.html")
    assert "Duur drie weken" in _text(site / "eigen-kracht" / "index.html")
    overview = _text(site / "index.html")
    assert (
        "alle 48 instrumenten van Werkleerbedrijf Achterhoek, in 4 categorieën, ingedeeld in 12 dienstgroepen"
        in overview
    )
    # The dienstgroepen are headings under "Per dienstgroep" (so also in the page's table of contents,
    # which comes first), and Jobcoaching is listed under both of its groups.
    html = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h3 id="[^"]*">Bemiddeling en plaatsing', html)
    groups = overview[overview.rindex("Per dienstgroep") :]
    assert (
        groups[groups.index("Bemiddeling en plaatsing") : groups.index("Specifieke doelgroepen: jongeren")].count(
            "Jobcoaching"
        )
        == 1
    )
    assert (
        groups[
            groups.index("Specifieke doelgroepen: arbeidsbeperkten") : groups.index(
                "Specifieke doelgroepen: zelfstandig"
            )
        ].count("Jobcoaching")
        == 1
    )
    assert "Totaal 9 30 6 3 48" in overview  # the category x function table adds up to the catalogue
    assert (
        "Meedoen : De klant heeft (nog) geen perspectief op betaald werk en doet mee in de samenleving. (3 "
        "instrumenten)" in overview
    )


def _text(path: Path) -> str:
    """The visible text of a page, whitespace collapsed."""
    html = path.read_text(encoding="utf-8")
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html).replace("&nbsp;", " ").replace("&#39;", "'").replace("&amp;", "&")
    return re.sub(r"\s+", " ", text)


def _line(region: Region, rel: str, fragment: str, after: str) -> int:
    """The line of `fragment` in the block that starts at the line containing `after`."""
    lines = region.read(rel).splitlines()
    start = next(n for n, line in enumerate(lines) if after in line)
    return next(n for n, line in enumerate(lines[start:], start) if fragment in line) + 1


def test_a_category_is_checked_against_the_regions_own_list(achterhoek):
    start = achterhoek.read(INSTRUMENTARIUM).index("  - id: payrolling")
    text = achterhoek.read(INSTRUMENTARIUM)
    achterhoek.write(INSTRUMENTARIUM, text[:start] + text[start:].replace("categorie: werk\n", "categorie: werkk\n", 1))
    line = _line(achterhoek, INSTRUMENTARIUM, "categorie: werkk", "- id: payrolling")
    assert only_finding(achterhoek) == (
        f"{INSTRUMENTARIUM}:{line}:16: instrumenten[24].categorie: onbekende categorie 'werkk'; bekend zijn: inkomen, "
        "ontwikkeling, werk, "
        "werkgevers-en-loopbaan (categorieen in content/instrumentarium.yaml); bedoelt u 'werk'? [verwijzing-onbekend]"
    )


def test_the_example_regions_function_is_unknown_in_another_region(achterhoek):
    start = achterhoek.read(INSTRUMENTARIUM).index("  - id: testen")
    text = achterhoek.read(INSTRUMENTARIUM)
    achterhoek.write(
        INSTRUMENTARIUM,
        text[:start] + text[start:].replace("functie: werken-en-leren", "functie: kandidaatsbenadering", 1),
    )
    line = _line(achterhoek, INSTRUMENTARIUM, "functie: kandidaatsbenadering", "- id: testen")
    assert_only_finding(achterhoek, f"{INSTRUMENTARIUM}:{line}:14", "verwijzing-onbekend")


def test_a_group_in_a_list_is_checked_at_its_own_position(achterhoek):
    achterhoek.replace(
        INSTRUMENTARIUM, "dienstgroep: [bemiddeling, arbeidsbeperkten]", "dienstgroep: [bemiddeling, arbeidsbeperkte]"
    )
    line = achterhoek.line_of(INSTRUMENTARIUM, "arbeidsbeperkte]")
    assert_only_finding(
        achterhoek,
        f"{INSTRUMENTARIUM}:{line}:{achterhoek.col_of(INSTRUMENTARIUM, 'arbeidsbeperkte]')}",
        "verwijzing-onbekend",
    )


def test_a_route_is_checked(achterhoek):
    achterhoek.replace(INSTRUMENTARIUM, "routes: [perspectief, meedoen]", "routes: [perspectief, meedoe]")
    line = achterhoek.line_of(INSTRUMENTARIUM, "routes: [perspectief, meedoe]")
    assert_only_finding(
        achterhoek, f"{INSTRUMENTARIUM}:{line}:{achterhoek.col_of(INSTRUMENTARIUM, 'meedoe]')}", "verwijzing-onbekend"
    )


def test_an_instrument_without_a_category_is_reported_when_the_region_has_categories(achterhoek):
    achterhoek.replace(INSTRUMENTARIUM, "    categorie: inkomen\n", "", 1)
    line = achterhoek.line_of(INSTRUMENTARIUM, "- id: bijzondere-bijstand")
    assert only_finding(achterhoek) == (
        f"{INSTRUMENTARIUM}:{line}:5: instrumenten[0]: verwacht een categorie "
        "(veld 'categorie': een van inkomen, ontwikkeling, "
        "werk, "
        "werkgevers-en-loopbaan), want categorieen in content/instrumentarium.yaml is ingevuld [veld-ontbreekt]"
    )


def test_a_category_without_a_list_of_categories(achterhoek):
    text = achterhoek.read(INSTRUMENTARIUM)
    achterhoek.write(INSTRUMENTARIUM, text[: text.index("categorieen:")] + text[text.index("dienstgroepen:") :])
    lines = findings(achterhoek)
    # Every instrument names one (48 findings), told once per category with the lines of the others.
    assert lines[-1] == "48 fouten gevonden; er is niets geschreven."
    assert len(lines) == 5, lines
    assert_finding(
        lines,
        f"{INSTRUMENTARIUM}:{achterhoek.line_of(INSTRUMENTARIUM, 'categorie: inkomen')}:16",
        "verwijzing-onbekend",
    )
    assert {code for _, code in located(lines)} == {"verwijzing-onbekend"}
    tweede = achterhoek.line_of(INSTRUMENTARIUM, "categorie: inkomen", 2)
    assert (
        f"(en nog {achterhoek.read(INSTRUMENTARIUM).count('categorie: inkomen') - 1} keer: regels {tweede}, "
        in lines[0]
    )


def test_a_duplicate_term_id(achterhoek):
    achterhoek.replace(
        INSTRUMENTARIUM,
        "  - {id: levensonderhoud, naam: Levensonderhoud}",
        "  - {id: inkomensondersteuning, naam: Levensonderhoud}",
    )
    lines = findings(achterhoek)
    line = achterhoek.line_of(INSTRUMENTARIUM, "naam: Levensonderhoud}")
    position = f"{line}:{achterhoek.col_of(INSTRUMENTARIUM, 'inkomensondersteuning, naam: Levensonderhoud')}"
    assert_finding(lines, f"{INSTRUMENTARIUM}:{position}", "waarde-dubbel")


def test_a_grondslag_is_a_law_or_an_article_not_both(achterhoek):
    achterhoek.replace(
        INSTRUMENTARIUM,
        "      - artikel: jobcoaching",
        "      - artikel: jobcoaching\n        wet: Participatiewet, artikel 10",
    )
    line = achterhoek.line_of(INSTRUMENTARIUM, "- artikel: jobcoaching")
    assert_only_finding(achterhoek, f"{INSTRUMENTARIUM}:{line}:9", "grondslag-ongeldig")


def test_an_indicator_function_is_one_of_the_regions(achterhoek):
    rel = "content/indicatoren.yaml"
    achterhoek.replace(rel, "functie: werkgeversservicepunt", "functie: werkgeversservicepun")
    line = achterhoek.line_of(rel, "functie: werkgeversservicepun")
    assert_only_finding(
        achterhoek, f"{rel}:{line}:{achterhoek.col_of(rel, 'werkgeversservicepun')}", "verwijzing-onbekend"
    )


def _example_vocabulary() -> list[str]:
    """The example region's category and function names, as its data files define them."""
    yaml = YAML(typ="safe")
    regio = yaml.load((REPO / "content" / "regio.yaml").read_text(encoding="utf-8"))
    catalogue = yaml.load((REPO / "content" / "instrumentarium.yaml").read_text(encoding="utf-8"))
    names = [
        t["naam"] for t in catalogue["categorieen"] + catalogue.get("dienstgroepen", []) + catalogue.get("routes", [])
    ]
    # The basisdienstverlening's cost lines follow the region's functies too: no name of them is fixed.
    names += [t["naam"] for t in regio["functies"]]
    return names


def test_no_template_or_code_names_the_example_regions_vocabulary():
    vocabulary = _example_vocabulary()
    assert "Zorgtrajecten zonder directe focus op werk" in vocabulary and "Werkbedrijf als geheel" in vocabulary
    generator = REPO / "generator"
    init = PACKAGE_TEMPLATES / "init"  # the defaults `dvo init` writes into a new region's data
    # Up to format 2 the software itself named the four categories; the migration to format 3 must
    # write exactly those (same numbers, same names) into a region's own list, so it keeps them in one
    # constant. Only there may they appear, and only the categories.
    from generator.load.formaat.stappen import CATEGORIEEN_FORMAAT_2

    migration = generator / "load" / "formaat" / "stappen.py"
    hits = [
        f"{path.relative_to(REPO)}: {name}"
        for path in sorted(generator.rglob("*"))
        if path.suffix in (".py", ".html", ".md", ".css", ".js") and not path.is_relative_to(init)
        for name in vocabulary
        if name.lower() in path.read_text(encoding="utf-8").lower()
        and not (path == migration and name in CATEGORIEEN_FORMAAT_2.values())
    ]
    assert hits == []
    assert migration.read_text(encoding="utf-8").count("Trajecten direct naar werk") == 1  # in the constant only


# --- the basisdienstverlening's cost lines are the region's functies ---------------------------------


def test_a_cost_line_of_a_functie_the_region_does_not_have_is_refused_with_the_name_it_meant(achterhoek):
    rel = "content/regio.yaml"
    achterhoek.replace(rel, "werkgeversservicepunt: 500000", "werkgeversservicepun: 500000")
    line = achterhoek.line_of(rel, "werkgeversservicepun: 500000")
    message = assert_only_finding(achterhoek, f"{rel}:{line}:7", "verwijzing-onbekend")
    assert "basisdienstverlening.jaren[2021].werkgeversservicepun: kosten voor onbekende functie" in message
    assert message.endswith(
        "(functies in content/regio.yaml); bedoelt u 'werkgeversservicepunt'? [verwijzing-onbekend]"
    ), message


def test_the_three_cost_lines_of_another_region_are_refused_where_the_region_has_its_own_functies(achterhoek):
    """The case of issue 22: a region with its own functies wrote the cost lines it saw elsewhere."""
    rel = "content/regio.yaml"
    for own, other in (("werken-en-leren", "kandidaatsbenadering"), ("loopbaanplein", "verbindingsfunctie")):
        achterhoek.replace(rel, f"{own}: ", f"{other}: ", count=2)
    *lines, total = findings(achterhoek)
    assert total == "4 fouten gevonden; er is niets geschreven." and len(lines) == 4, lines
    assert all("kosten voor onbekende functie" in line and line.endswith("[verwijzing-onbekend]") for line in lines)
    first = achterhoek.line_of(rel, "kandidaatsbenadering: ")
    assert lines[0].startswith(f"{rel}:{first}:7: basisdienstverlening.jaren[2021].kandidaatsbenadering:")
    assert "bekend zijn: inkomensvoorziening, werken-en-leren, werkgeversservicepunt, loopbaanplein" in lines[0]


def test_every_year_has_the_same_functies(achterhoek):
    rel = "content/regio.yaml"
    achterhoek.replace(rel, "      loopbaanplein: 700000\n", "", count=1)
    achterhoek.replace(rel, "werken-en-leren: 1000000", "werken-en-leren: 1700000", count=1)  # the same total
    line = achterhoek.line_of(rel, "    2021:")
    message = assert_only_finding(achterhoek, f"{rel}:{line}:5", "veld-ontbreekt")
    assert (
        "basisdienstverlening.jaren[2021]: geen kosten voor functie 'loopbaanplein', die in 2022 wel kosten heeft; "
        "verwacht elk jaar dezelfde functies (schrijf 'loopbaanplein: 0' voor een jaar zonder kosten)" in message
    )
