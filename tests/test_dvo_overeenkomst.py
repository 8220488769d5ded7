"""The DVO as a complete agreement, read from the real PDFs: every article, the parties and who
represents them, the signature block, the colophon, the definition of a sterke afwijking,
the whole maatwerkbudget, the price per deelnemer and the quarterly advances."""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from pypdf import PdfReader

from generator.compute import kpi
from generator.models.budget import budget_gemeente
from generator.render.documents.dvo.render import render_dvo
from generator.util.formatting import date_long, euro
from tests.conftest import SLUGS, copy_maasland, flat, pdf_pages

# The articles a Dutch service agreement needs (issue 10, section 1), by their id in the standard text.
REQUIRED = [
    "looptijd",
    "verlenging",
    "opzegging",
    "evaluatie",
    "betaling",
    "indexatie",
    "onderbesteding",
    "persoonsgegevens",
    "geheimhouding",
    "aansprakelijkheid",
    "overmacht",
    "wijziging",
    "geschillen",
    "afwijkingen",
    "bijzondere-bepalingen",
]


def _pdf(built, slug: str) -> list[str]:
    return [flat(p) for p in pdf_pages(built / "site" / "pdf" / f"dvo-{slug}.pdf")]


def _attachment(built, slug: str) -> dict:
    reader = PdfReader(str(built / "site" / "pdf" / f"dvo-{slug}.pdf"))
    return json.loads(reader.attachments[f"dvo-{slug}.json"][0])


def test_every_article_heading_is_in_every_dvo(built, project):
    ids = [a.id for a in project.standaard.artikelen]
    assert set(REQUIRED) <= set(ids)
    for slug in SLUGS:
        text = " ".join(_pdf(built, slug))
        assert "Partijen en overwegingen" in text and "overwegende dat:" in text, slug
        for n, artikel in enumerate(project.standaard.artikelen, 1):
            assert f"Artikel {n}. {artikel.titel}" in text, (slug, n, artikel.titel)


def test_looptijd_and_evaluation_are_concrete_dates(built, project):
    text = " ".join(_pdf(built, "nijmegen"))
    jaren = project.regio.periode.jaren
    assert f"Deze overeenkomst loopt van 1 januari {jaren[0]} tot en met 31 december {jaren[-1]}." in text
    assert f"Partijen evalueren deze overeenkomst in {jaren[2]}," in text  # halfway: after two of four years
    assert "opzegtermijn van ten minste zes maanden" in text
    assert "[[" not in text  # every placeholder filled in


def test_title_names_gemeente_and_organisation(built, project):
    for slug in ("nijmegen", "mook-en-middelaar"):
        g = project.gemeente(slug)
        first = _pdf(built, slug)[0]
        assert f"Dienstverleningsovereenkomst gemeente {g.naam} – {project.regio.organisatie}" in first


def test_parties_name_representatives_and_their_grondslag(built):
    text = " ".join(_pdf(built, "heumen"))
    assert (
        "De gemeente Heumen, vertegenwoordigd door S. Bakker, wethouder Werk en Inkomen, op grond van het besluit van "
        "het college van burgemeester en wethouders van Heumen van 9 december 2014 (kenmerk 2014/1187), hierna: "
        "de gemeente;"
    ) in text
    assert (
        "vertegenwoordigd door W. Brouwer, voorzitter van de bestuurscommissie Werk, op grond van het besluit van "
        "de bestuurscommissie Werk van 11 december 2014 (kenmerk BCW-2014-014)" in text
    )
    druten = " ".join(_pdf(built, "druten"))
    assert (
        "E. Hendriks, directeur van het Werkbedrijf Rijk van Nijmegen, krachtens mandaat van de bestuurscommissie "
        "Werk, verleend op 4 september 2014 (kenmerk BCW-2014-011)" in druten
    )
    # a concept whose besluit is not taken yet says so instead of inventing a date
    assert (
        "op grond van het besluit van het college van burgemeester en wethouders van Druten (datum nog te bepalen)"
        in druten
    )


def test_signatures_stay_on_one_page_with_aldus_overeengekomen(built, project):
    for slug in SLUGS:
        pages = _pdf(built, slug)
        hits = [p for p in pages if "Aldus overeengekomen en in tweevoud ondertekend." in p]
        assert len(hits) == 1, slug
        page = hits[0]
        assert page.count("Plaats:") == page.count("Datum:") == len(project.gemeente(slug).dvo.ondertekenaars) == 2
        for o in project.gemeente(slug).dvo.ondertekenaars:
            assert o.naam in page and o.functie in page, (slug, o.naam)
        # never alone: the last article is on the signature page too
        assert f"Artikel {len(project.standaard.artikelen)}. Slotbepaling" in page, slug


def test_signed_dvo_shows_place_and_date_of_each_signature(built, project):
    page = next(p for p in _pdf(built, "heumen") if "Aldus overeengekomen" in p)
    for o in project.gemeente("heumen").dvo.ondertekenaars:
        assert f"Plaats: {o.ondertekend.plaats}" in page
        assert f"Datum: {date_long(o.ondertekend.datum)}" in page


def test_fingerprints_only_in_the_colophon_on_the_last_page(built, project):
    for slug in ("nijmegen", "heumen", "mook-en-middelaar"):
        pages = _pdf(built, slug)
        data = _attachment(built, slug)
        standaard = project.standaard.sha256[:8]
        inhoud = data["controlegetal"][:8]
        assert f"Standaardtekst versie {project.standaard.versie}, controlegetal {standaard}." in pages[-1]
        assert f"controlegetal {inhoud}" in pages[-1]
        for n, page in enumerate(pages[:-1], 1):
            assert standaard not in page and inhoud not in page, (slug, n)
        assert all(data["controlegetal"] not in p and project.standaard.sha256 not in p for p in pages)
        assert not any(re.search(r"\brevisie\b", p) for p in pages), slug


def test_sterke_afwijking_is_defined_by_the_report_thresholds(built, project):
    """The DVO article says, word for word, the rule the reports judge by (kpi.Afwijkingsregel)."""
    regel = kpi.afwijkingsregel(project.regio.rapportage.drempels)
    text = re.sub(r"\s+", " ", " ".join(_pdf(built, "wijchen")))
    for zin in regel.beschrijving():
        assert zin in text
    assert "Rapportcijfers (1 tot 10)" in text and "Kleine aantallen" in text  # both rules are in the example
    # ... and that is exactly where the reports' status changes
    drempels = project.regio.rapportage.drempels
    assert kpi.status(drempels.afwijking_onder - Decimal("0.01"), drempels) == kpi.AFWIJKING
    assert kpi.status(drempels.afwijking_onder, drempels) == kpi.AANDACHTSPUNT
    assert kpi.status(drempels.op_koers_vanaf, drempels) == kpi.OP_KOERS


def test_every_euro_of_the_maatwerkbudget_is_accounted_for(built, project):
    for slug in SLUGS:
        g = project.gemeente(slug)
        data = _attachment(built, slug)["inhoud"]
        for i, jaar in enumerate(project.regio.periode.jaren):
            row = data["toewijzing"][i]
            assert row["maatwerkbudget"] == budget_gemeente(g, jaar).maatwerkbudget
            assert row["toegewezen"] == sum(m.budget.get(jaar, 0) for m in g.maatwerk)
            assert row["toegewezen"] + row["nog_niet_toegewezen"] == row["maatwerkbudget"], (slug, jaar)
    # DVO Nijmegen 2015: € 497.000 (seed 001 §7.4), of which the three afspraken take € 471.000
    text = " ".join(_pdf(built, "nijmegen"))
    assert re.search(r"Toegewezen aan afspraken € 471\.000 € 590\.000 € 1\.566\.000 € 1\.837\.000 € 4\.464\.000", text)
    assert re.search(r"Nog niet toegewezen € 26\.000 € 34\.790 € 100\.828 € 113\.183 € 274\.801", text)
    assert re.search(r"Maatwerkbudget € 497\.000 € 624\.790 € 1\.666\.828 € 1\.950\.183 € 4\.738\.801", text)


def test_price_per_deelnemer_is_budget_over_deelnemers(built, project):
    text = " ".join(_pdf(built, "nijmegen"))
    for m in project.gemeente("nijmegen").maatwerk:
        for jaar, aantal in m.deelnemers.items():
            prijs = (m.budget[jaar] / aantal).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            assert f"{euro(m.budget[jaar])} voor {aantal} deelnemers ({euro(prijs)} per deelnemer)" in text, (
                m.id,
                jaar,
            )
    assert "€ 223.000 voor 80 deelnemers (€ 2.788 per deelnemer)" in text  # 2.787,50 rounds half up


def test_bijdrage_and_quarterly_advances_add_up(built, project):
    for slug in SLUGS:
        g = project.gemeente(slug)
        for row in _attachment(built, slug)["inhoud"]["bijdragen"]:
            budget = budget_gemeente(g, row["jaar"])
            assert row["totaal"] == budget.basisdienstverlening + budget.verplichtingen + g.maatwerk_in(row["jaar"])
            assert sum(row["voorschotten"]) == row["totaal"] and len(row["voorschotten"]) == 4
    text = " ".join(_pdf(built, "nijmegen"))
    # 2015: 7.781.000 basis + 2.871.000 verplichtingen + 471.000 maatwerk
    assert "= Bijdrage € 11.123.000" in text and "Voorschot kwartaal 1 € 2.780.750" in text


def test_mook_en_middelaar_has_its_own_article(built, project):
    text = " ".join(_pdf(built, "mook-en-middelaar"))
    n = [a.id for a in project.standaard.artikelen].index("bijzondere-bepalingen") + 1
    assert f"Artikel {n}a. Positie in de sociale werkvoorziening" in text
    assert "Bijzondere bepaling voor de gemeente Mook en Middelaar" in text
    assert "niet twee keer verantwoordelijk kan zijn voor een risico op de sociale werkvoorziening" in text
    assert f"Voor de gemeente Mook en Middelaar gelden de bijzondere bepalingen van artikel {n}a." in text
    assert "Positie in de sociale werkvoorziening" not in " ".join(_pdf(built, "druten"))
    assert "Voor de gemeente Druten gelden geen bijzondere bepalingen." in " ".join(_pdf(built, "druten"))


@pytest.fixture(scope="module")
def maasland(tmp_path_factory):
    from generator.load.project import load_project

    return load_project(copy_maasland(tmp_path_factory.mktemp("maasland")))


def test_second_region_tertaal_its_own_names_and_thresholds(maasland, tmp_path):
    rendered = render_dvo(maasland, "maashaven")
    (tmp_path / "dvo.pdf").write_bytes(rendered.pdf)
    text = " ".join(flat(p) for p in pdf_pages(tmp_path / "dvo.pdf"))
    assert "Dienstverleningsovereenkomst gemeente Maashaven – Werkplein Maasland" in text
    assert "Deze overeenkomst loopt van 1 januari 2016 tot en met 31 december 2018." in text
    assert "Partijen evalueren deze overeenkomst in 2017," in text
    assert "Het Werkbedrijf rapporteert per tertaal over de realisatie" in text
    assert (
        "Op koers: een prestatie van 90% of meer. Aandachtspunt: van 75% tot 90%. Sterke afwijking: een prestatie "
        "van minder dan 75%." in text
    )
    assert (
        "dan wordt het onderwerp geagendeerd in het dagelijks bestuur van het Werkplein." in text
    )  # rapportage.escalatie
    assert "Nijmegen" not in text and "Nijmegen" not in rendered.html
    # 2018: 280.030 / 56 deelnemers = 5.000,54 -> € 5.001; bijdrage 1.380.030 in four advances
    assert "€ 280.030 voor 56 deelnemers (€ 5.001 per deelnemer)" in text
    assert (
        "Voorschot kwartaal 1 € 350.000 € 350.000 € 345.008" in text
        and "Voorschot kwartaal 4 € 350.000 € 350.000 € 345.007" in text
    )
    assert "krachtens mandaat van het dagelijks bestuur van het Werkplein, verleend op 12 januari 2015" in text


def test_second_region_kwartaal_and_no_maatwerk(maasland):
    import dataclasses

    regio = maasland.regio.model_copy(
        update={"rapportage": maasland.regio.rapportage.model_copy(update={"periode_schema": "kwartaal"})}
    )
    html = render_dvo(dataclasses.replace(maasland, regio=regio), "kleindorp", pdf=False).html
    text = flat(re.sub(r"<[^>]+>", " ", html))
    assert "Het Werkbedrijf rapporteert per kwartaal over de realisatie" in text
    assert "De gemeente heeft in deze periode geen maatwerkafspraken." in text
    # Kleindorp allocates nothing: the whole maatwerkbudget (580.000 - 460.000) is "nog niet toegewezen"
    assert "Nog niet toegewezen € 120.000 € 120.000 € 120.000 € 360.000" in text
    assert "op grond van een besluit of mandaat dat nog moet worden vermeld" in text
