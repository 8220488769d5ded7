"""A rendered document as the body of a site page (publish/reading_copy.py), and the
navigation the build adds to the region's mkdocs.yml (publish/site_config.py)."""

from __future__ import annotations

import pytest

from generator.publish.reading_copy import NotADocument, chart_min_width, reading_copy, slug
from generator.publish.site_config import expand_nav, write_effective_config
from tests.conftest import build_source

DOCUMENT = """<!DOCTYPE html>
<html lang="nl">
<head><title>x</title><style>body { color: red }</style></head>
<body class="concept">
<a class="skiplink" href="#inhoud">Direct naar de inhoud</a>
<div class="watermerk" aria-hidden="true">CONCEPT</div>
<header class="titelblad">
  <h1>Verantwoordingsrapportage <span class="gemeente">A*B_C &amp; &lt;script&gt;</span></h1>
</header>
<main id="inhoud">
<section id="artikel-financien"><h2>Artikel 3. Financiële afspraken</h2>
<table class="bedragen"><caption>Budget</caption><tr><td>1</td></tr></table>
</section>
<h2>Artikel 3. Financiële afspraken</h2>
<h3 id="eigen">Al een id</h3>
<figure><svg xmlns="http://www.w3.org/2000/svg" class="grafiek" viewBox="0 0 640 230" width="640" height="230" role="img"><text font-size="11">a</text><text font-size="10">b</text></svg></figure>
</main>
<aside class="bijlagen" aria-label="Bijlagen"><table><tr><td>2</td></tr></table></aside>
</body>
</html>
"""


def test_the_document_shell_goes_and_the_body_stays():
    copy = reading_copy(DOCUMENT)
    body = str(copy.body)
    assert "<style>" not in body and "<head>" not in body and "<body" not in body
    assert "skiplink" not in body and "watermerk" not in body and "CONCEPT" not in body
    assert "<h1" not in body  # the page's own Markdown heading takes its place


def test_title_keeps_its_markup_escapes_markdown_and_has_a_plain_text_form():
    copy = reading_copy(DOCUMENT)
    assert str(copy.title) == 'Verantwoordingsrapportage <span class="gemeente">A\\*B\\_C &amp; &lt;script&gt;</span>'
    assert copy.text_title == "Verantwoordingsrapportage A*B_C & <script>"


def test_landmarks_that_may_not_nest_in_the_theme_become_sections():
    body = str(reading_copy(DOCUMENT).body)
    assert "<main" not in body and "</main>" not in body and "<aside" not in body
    assert '<div id="inhoud">' in body
    assert '<section class="bijlagen" aria-label="Bijlagen">' in body and body.count("</section>") == 2


def test_every_table_scrolls_in_its_own_box():
    body = str(reading_copy(DOCUMENT).body)
    assert body.count('<div class="scrollvak"><table') == 2
    assert body.count("</table></div>") == 2


def test_charts_get_the_width_at_which_their_smallest_text_is_12px():
    body = str(reading_copy(DOCUMENT).body)
    # smallest text 10 units in a 640-unit wide chart: 12 px on screen from 768 px wide
    assert '<div class="scrollvak grafiekvak grafiekvak--breed"><svg style="--min-breedte: 768px" xmlns=' in body
    assert chart_min_width('<svg viewBox="0 0 500 100"><text font-size="12">x</text></svg>') == 500
    assert chart_min_width('<svg viewBox="0 0 641 100"><text font-size="11">x</text></svg>') == 700  # 699.27 rounded up
    assert chart_min_width('<svg viewBox="0 0 640 100"></svg>') is None


def test_headings_without_an_id_get_a_unique_one_for_search_results():
    body = str(reading_copy(DOCUMENT).body)
    assert '<h2 id="artikel-3-financiele-afspraken">Artikel 3. Financiële afspraken</h2>' in body
    assert '<h2 id="artikel-3-financiele-afspraken-2">' in body
    assert '<h3 id="eigen">Al een id</h3>' in body
    assert slug("Artikel 10. <em>Geschillen</em> &amp; wijziging") == "artikel-10-geschillen-wijziging"


def test_text_that_looks_like_markup_stays_text():
    hostile = DOCUMENT.replace("Budget</caption>", "&lt;main&gt; &lt;table&gt; Budget</caption>")
    body = str(reading_copy(hostile).body)
    assert "&lt;main&gt; &lt;table&gt; Budget" in body
    assert body.count('<div class="scrollvak"><table') == 2


def test_html_that_is_not_a_document_is_refused():
    with pytest.raises(NotADocument):
        reading_copy("<p>geen document</p>")
    with pytest.raises(NotADocument):
        reading_copy("<html><body><p>zonder kop</p></body></html>")


def test_nav_entries_of_overview_pages_become_sections_with_their_children():
    nav = [
        {"Home": "index.md"},
        {"Gemeenten": "gemeenten/index.md"},
        {"Meer": [{"Regio": "regio/index.md"}]},
        "toegankelijkheid.md",
    ]
    sections = {
        "gemeenten/index.md": [
            {"Lindeveen": [{"Overzicht": "gemeenten/lindeveen/index.md"}, {"DVO": "gemeenten/lindeveen/dvo.md"}]}
        ],
        "regio/index.md": [{"Rapportage 2016": "regio/rapport-2016.md"}],
    }
    assert expand_nav(nav, sections) == [
        {"Home": "index.md"},
        {
            "Gemeenten": [
                {"Overzicht": "gemeenten/index.md"},
                {"Lindeveen": [{"Overzicht": "gemeenten/lindeveen/index.md"}, {"DVO": "gemeenten/lindeveen/dvo.md"}]},
            ]
        },
        {"Meer": [{"Regio": [{"Overzicht": "regio/index.md"}, {"Rapportage 2016": "regio/rapport-2016.md"}]}]},
        "toegankelijkheid.md",
    ]
    assert expand_nav([{"Regio": "regio/index.md"}], {"regio/index.md": []}) == [
        {"Regio": "regio/index.md"}
    ]  # no reports yet


def test_effective_config_keeps_the_region_file_and_points_at_the_staging_folder(tmp_path):
    from ruamel.yaml import YAML

    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: !ENV [SITE_URL, 'https://test.example/']\ndocs_dir: .staging/docs\n"
        "theme:\n  name: material\n  custom_dir: .staging/overrides\nnav:\n  - Gemeenten: gemeenten/index.md\n",
        encoding="utf-8",
    )
    staging = tmp_path / ".staging"
    path = write_effective_config(
        tmp_path / "mkdocs.yml", staging, {"gemeenten/index.md": [{"A": "gemeenten/a/index.md"}]}, prune=False
    )
    text = path.read_text(encoding="utf-8")
    assert "!ENV [SITE_URL, 'https://test.example/']" in text  # the region's own tags survive
    config = YAML(typ="rt").load(text)
    assert (config["docs_dir"], config["site_dir"], config["theme"]["custom_dir"]) == ("docs", "site", "overrides")
    assert config["nav"] == [{"Gemeenten": [{"Overzicht": "gemeenten/index.md"}, {"A": "gemeenten/a/index.md"}]}]


def test_a_template_without_h1_gives_a_dutch_message_naming_the_document(project, tmp_path):
    from generator.publish.pages import pages
    from generator.render.templating.search_path import Templates

    docs = tmp_path / "docs"
    (tmp_path / "html").mkdir(parents=True)
    (tmp_path / "html" / "dvo-druten.html").write_text(
        "<html><body><p>eigen sjabloon</p></body></html>", encoding="utf-8"
    )
    with pytest.raises(
        NotADocument, match=r"de leesversie van DVO Druten kan niet worden gemaakt: geen <h1> in het document"
    ):
        pages(build_source(project), docs, Templates.for_layout(project.layout))


def test_the_stylesheet_switches_chart_layouts_where_the_wide_one_reaches_12px_text():
    """extra.css shows a report chart's wide layout from its --min-breedte on, the narrow one below."""
    from decimal import Decimal as D

    from generator.render.documents.rapport import charts
    from generator.render.templating.search_path import PACKAGE_TEMPLATES

    both = str(charts.scores("g", "t", [charts.Balk("Noordwijk", D(101), "op koers")], D(95), D(80)))
    wide, narrow = both.split("</svg>", 1)
    css = (PACKAGE_TEMPLATES / "site" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    px = chart_min_width(wide + "</svg>")
    assert f"@container (min-width: {px}px)" in css and f"@container (max-width: {px - 1}.98px)" in css
    assert chart_min_width(narrow) == charts.NARROW  # 12 px text from 272 px wide: a 320 px phone has 288


STACKED = """<!DOCTYPE html><html><body><h1>Rapport</h1>
<table class="kpi rapport-tabel overzicht"><caption>Indicatoren</caption>
<thead><tr><th scope="col" class="links">Indicator</th><th scope="col">Streef&shy;waarde</th><th scope="col">Realisatie</th><th scope="col" class="links">Status</th></tr></thead>
<tbody><tr><th scope="row"><a href="#a">Uitstroom</a></th><td>110</td><td>97</td><td class="links"><span class="status">aandachtspunt</span></td></tr>
<tr><th scope="row">Leeg</th><td>1</td><td></td><td class="links">–</td></tr></tbody></table>
<table class="signalering"><thead><tr><th scope="col" class="links">Indicator</th><th scope="col" class="links">Opvolging</th></tr></thead>
<tbody><tr><th scope="row">Uitstroom</th><td class="links">Besluit: meer inzet.</td></tr></tbody></table>
<table class="versies"><thead><tr><th scope="col">Gegeven</th><th scope="col" class="links">Nieuw</th></tr></thead>
<tbody><tr><th scope="row">Versie</th><td class="links">1.1</td></tr></tbody></table>
<section id="leeswijzer"><h2 id="leeswijzer-kop">Leeswijzer</h2><dl><dt>Looptijd</dt><dd>1 januari</dd></dl></section>
<figure><svg xmlns="http://www.w3.org/2000/svg" class="grafiek" viewBox="0 0 620 100"><text font-size="11">a</text></svg><svg xmlns="http://www.w3.org/2000/svg" class="grafiek grafiek--smal" viewBox="0 0 272 100"><text font-size="12">a</text></svg><figcaption>Uitleg</figcaption></figure>
</body></html>"""


def test_tables_of_indicators_get_column_names_per_cell_and_table_roles_for_the_phone_layout():
    body = str(reading_copy(STACKED).body)
    kpi = body[body.index('<table role="table" class="kpi') : body.index("</table>")]
    assert '<td role="cell" data-label="Streefwaarde"><span class="celwaarde">110</span></td>' in kpi  # &shy; dropped
    assert (
        '<td role="cell" data-label="Status" class="links"><span class="celwaarde"><span '
        'class="status">aandachtspunt</span></span></td>' in kpi
    )
    assert '<td role="cell" data-label="Realisatie"></td>' in kpi  # an empty cell stays empty: the card leaves it out
    assert (
        '<th role="columnheader" scope="col" class="links">Indicator</th>' in kpi
        and '<th role="rowheader" scope="row">' in kpi
    )
    assert kpi.count('<tr role="row"') == 3 and '<thead role="rowgroup">' in kpi and '<tbody role="rowgroup">' in kpi
    assert '<table role="table" class="signalering">' in body
    # a table that stays a table on a phone keeps its plain markup
    assert '<table class="versies">' in body and 'data-label="Nieuw"' not in body


def test_what_the_search_index_leaves_out_and_where_it_keeps_words_apart():
    body = str(reading_copy(STACKED, niet_zoeken=("leeswijzer",)).body)
    assert '<table class="kpi rapport-tabel overzicht" data-search-exclude>' in body.replace(
        'role="table" ', ""
    )  # figures
    assert '<table role="table" class="signalering">' in body  # text: a besluit or toelichting is found
    assert "<figure data-search-exclude>" in body  # the chart's text alternative repeats the table
    assert (
        '<section id="leeswijzer" data-search-exclude>' in body
        and '<h2 data-search-exclude id="leeswijzer-kop">' in body
    )
    assert "<dt>Looptijd</dt>\n<dd>1 januari</dd>" in body  # not "Looptijd1 januari" in the index
    plain = str(reading_copy(STACKED).body)
    assert '<section id="leeswijzer">' in plain
