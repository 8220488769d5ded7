"""The example region as a gemeentejurist and an accountant would accept it, and the rules that keep it so:
streefwaarden from each gemeente's own nulmeting, noemers and survey n of their own year and gemeente,
the privacy article in the law of its date, besluiten and mandates dated where they can authorise,
verklaringen that match the DVO and the figures, and no internal ids in legal text."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from generator.compute.verantwoording import Verantwoording
from generator.load.project import load_project
from generator.models.standaard import REFERENCE
from generator.render.documents.dvo.render import render_dvo
from tests.conftest import REPO, SLUGS, assert_only_finding

H = "gemeenten/heumen.yaml"
D = "gemeenten/druten.yaml"


@pytest.fixture(scope="module")
def project():
    return load_project(REPO)


def visible(html: str) -> str:
    html = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# --- the data -------------------------------------------------------------------------------


def test_no_streefwaarde_is_worse_than_the_gemeente_s_own_nulmeting(project):
    for g in project.gemeenten:
        for p in g.prestatie_indicatoren:
            ind = project.indicator(p.indicator)
            if p.nulmeting is None or p.toelichting_streefwaarden or ind.meetwijze == "cumulatief":
                continue
            for jaar, streef in p.streefwaarden.items():
                better_or_equal = (
                    streef <= p.nulmeting.waarde if ind.richting == "lager is beter" else streef >= p.nulmeting.waarde
                )
                assert better_or_equal, (g.slug, p.indicator, jaar)


def test_streefwaarden_follow_each_nulmeting_so_they_differ_per_gemeente(project):
    per_indicator = defaultdict(dict)
    for g in project.gemeenten:
        for p in g.prestatie_indicatoren:
            per_indicator[p.indicator][g.slug] = (
                p.nulmeting.waarde if p.nulmeting else None,
                tuple(p.streefwaarden.values()),
            )
    for indicator, rows in per_indicator.items():
        assert len(rows) == 1 or len({t for _, t in rows.values()}) > 1, indicator  # never one row of targets for all
    for indicator in (
        "verblijfsduur-bijstand",
        "vervullingspercentage",
        "tevredenheid-kandidaten",
        "tevredenheid-werkgevers",
    ):
        # a rule on the nulmeting: the same nulmeting gives the same targets, a different one different targets
        rows = per_indicator[indicator]
        assert len({n for n, _ in rows.values()}) == len({t for _, t in rows.values()}), indicator
    # Millingen's verblijfsduur: nulmeting 931 days; 2,5% shorter each year (was 935, worse than 931)
    millingen = next(
        p
        for p in project.gemeente("millingen-aan-de-rijn").prestatie_indicatoren
        if p.indicator == "verblijfsduur-bijstand"
    )
    assert list(millingen.streefwaarden.values()) == [908, 885, 863, 841]


def test_noemers_and_survey_n_change_per_year_and_per_gemeente(project):
    for indicator in (
        "verblijfsduur-bijstand",
        "vervullingspercentage",
        "tevredenheid-kandidaten",
        "tevredenheid-werkgevers",
    ):
        rows = [
            [p.realisaties[y].noemer for y in ("2015", "2016")]
            for g in project.gemeenten
            for p in g.prestatie_indicatoren
            if p.indicator == indicator
        ]
        assert all(a != b for a, b in rows), indicator  # a new year, a new noemer
        assert len({tuple(r) for r in rows}) == len(rows), indicator
    for g in project.gemeenten:  # two surveys, two populations
        n = {
            p.indicator: p.realisaties["2016"].noemer
            for p in g.prestatie_indicatoren
            if p.indicator.startswith("tevredenheid")
        }
        assert n["tevredenheid-kandidaten"] != n["tevredenheid-werkgevers"], g.slug


def test_figures_that_are_illustrative_say_so(project):
    for slug in SLUGS:
        text = (REPO / "gemeenten" / f"{slug}.yaml").read_text(encoding="utf-8")
        assert "De realisaties (2015, 2016) en toelichtingen zijn ILLUSTRATIEF" in text
        assert "Elke\n# streefwaarde volgt uit de eigen nulmeting van de gemeente" in text


def test_besluiten_are_taken_on_or_after_the_version_and_mandates_granted_before_it(project):
    for g in project.gemeenten:
        for o in g.dvo.ondertekenaars:
            b = o.grondslag
            if b is None or b.datum is None:
                continue
            if b.soort == "besluit":
                assert b.datum >= g.dvo.datum, (g.slug, o.naam)
            else:
                assert b.datum <= g.dvo.datum, (g.slug, o.naam)


def test_verklaringen_cite_an_article_of_the_dvo_in_force_and_the_figures_they_name(project):
    v = Verantwoording(project)
    for periode in v.perioden:
        for g in project.gemeenten:
            dvo = v.geldende_dvo(g.slug, periode)
            ids = {a.id for a in v.versies.project_van(dvo.versie).standaard.artikelen}
            for u, _ in v.gemeente(g.slug, periode):
                t = u.toelichting
                if t is None:
                    continue
                assert set(REFERENCE.findall(t.tekst)) <= ids, (g.slug, periode.code, u.indicator.id)
    nijmegen = next(
        p for p in project.gemeente("nijmegen").prestatie_indicatoren if p.indicator == "plaatsing-ondersteuning"
    )
    tekst = nijmegen.toelichtingen["2016"].tekst
    # the figures it quotes are the data's own
    assert f"van {nijmegen.realisaties['2015'].waarde} in 2015 naar {nijmegen.realisaties['2016'].waarde}" in tekst
    instroom = next(
        p for p in project.gemeente("nijmegen").prestatie_indicatoren if p.indicator == "instroom-uitkering"
    )
    assert (
        f"({instroom.realisaties['2016'].waarde // 1000}.{instroom.realisaties['2016'].waarde % 1000:03} nieuwe "
        "uitkeringen)" in tekst
    )
    assert "startkwalificatie" not in tekst


# --- the DVO text ---------------------------------------------------------------------------


def test_the_privacy_article_of_a_2014_text_follows_the_wbp(project):
    """The AVG applies from 25 May 2018; in 2014 and 2015 the Wbp applied, with a bewerkersovereenkomst."""
    text = visible(render_dvo(project, "heumen", pdf=False).html)
    artikel = text[text.index("Persoonsgegevens Bij de uitvoering") : text.index("Geheimhouding Partijen")]
    assert "bewerker in de zin van de Wet bescherming persoonsgegevens (Wbp)" in artikel
    assert "artikel 14 van de Wbp" in artikel and "bewerkersovereenkomst" in artikel
    assert (
        "AVG" not in text
        and "Algemene verordening gegevensbescherming" not in text
        and "verwerkersovereenkomst" not in text
    )


def test_no_internal_id_in_legal_text(project):
    """Kinds and keys of the data are shown in words: 'WIW- en ID-banen', never 'wiw-id-banen'."""
    from generator.models.gemeente import VERPLICHTING_SOORTEN

    ids = {k for k in VERPLICHTING_SOORTEN if "-" in k}
    ids |= {m.id for g in project.gemeenten for m in g.maatwerk}
    ids |= {i.id for i in project.indicatoren.indicatoren if "-" in i.id}
    ids |= {i.id for i in project.instrumentarium.instrumenten if "-" in i.id}
    for slug in SLUGS:
        text = visible(render_dvo(project, slug, pdf=False).html)
        found = [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)]
        assert found == [], (slug, found)
    nijmegen = visible(render_dvo(project, "nijmegen", pdf=False).html)
    assert "WIW- en ID-banen (afbouw), 2015-2018" in nijmegen  # the kind is not repeated where the description says it
    assert "Inkoopcontract re-integratietrajecten, 2015-2018" in nijmegen  # 'contract' is in its name


def test_the_defined_term_is_the_region_s_own_short_name(tertaal_region):
    """Rivierenveld calls its organisation 'de Werkorganisatie': the party is defined so, and the
    reports' questions use it too."""
    from generator.render.documents.rapport.render import render_gemeente

    project = load_project(tertaal_region.root)
    dvo = visible(render_dvo(project, "beekdal", pdf=False).html)
    assert "Werkorganisatie Rivierenveld, Gemeenschappelijke regeling Werkorganisatie Rivierenveld, gevestigd te" in dvo
    assert "hierna: de Werkorganisatie" in dvo and "Werkbedrijf" not in dvo
    v = Verantwoording(project)
    rapport = visible(render_gemeente(v, "heiderveen", v.periode("2016-T1"), "test", pdf=False).html)
    assert (
        "extra inzet vraagt het algemeen bestuur van de Werkorganisatie Rivierenveld van de Werkorganisatie om de "
        "achterstand" in rapport
    )
    assert "Werkbedrijf" not in rapport


# --- the rules ------------------------------------------------------------------------------


def test_a_besluit_dated_before_the_version_it_approves_is_refused(region):
    region.replace(
        H,
        "        datum: 2014-12-11\n        kenmerk: BCW-2014-014",
        "        datum: 2014-12-04\n        kenmerk: BCW-2014-014",
    )
    line = region.line_of(H, "datum: 2014-12-04")
    finding = assert_only_finding(region, f"{H}:{line}:16", "volgorde-ongeldig")
    assert (
        "dvo.ondertekenaars[1].grondslag.datum: het besluit van 4 december 2014 ligt vóór versie 1.0 van 9 "
        "december 2014, "
        "dus het kan die versie niet goedkeuren"
    ) in finding


def test_a_mandate_granted_after_the_document_it_signs_is_refused(region):
    region.replace(
        D,
        "        datum: 2014-09-04\n        kenmerk: BCW-2014-011",
        "        datum: 2014-11-20\n        kenmerk: BCW-2014-011",
    )
    line = region.line_of(D, "datum: 2014-11-20")
    finding = assert_only_finding(region, f"{D}:{line}:16", "volgorde-ongeldig")
    assert (
        "dvo.ondertekenaars[1].grondslag.datum: het mandaat is verleend op 20 november 2014, na de datum van "
        "versie 0.3 "
        "(1 oktober 2014) die E. Hendriks ermee ondertekent"
    ) in finding


def test_a_streefwaarde_worse_than_the_nulmeting_needs_a_reason(region):
    # Druten's verblijfsduur: nulmeting 1.038 days; a target of 1.050 is worse (lower is better)
    text = region.read(D)
    start = text.index("  - indicator: verblijfsduur-bijstand")
    region.write(D, text[:start] + text[start:].replace("      2015: 1012\n", "      2015: 1050\n", 1))
    line = region.line_of(D, "2015: 1050")
    finding = assert_only_finding(region, f"{D}:{line}:13", "streefwaarde-onder-nulmeting")
    assert (
        "de streefwaarde 1050 voor 'verblijfsduur-bijstand' is slechter dan de nulmeting van de gemeente (1038 in "
        "2014; lager is beter)" in finding
    )
    # with the reason stated, it stands, and the DVO prints the reason
    text = region.read(D)
    region.write(
        D,
        text[:start]
        + text[start:].replace(
            "    streefwaarden:\n",
            "    toelichting_streefwaarden: Het aandeel 55-plussers stijgt; hun uitkeringen duren langer.\n    "
            "streefwaarden:\n",
            1,
        ),
    )
    assert region.dvo("validate").exit_code == 0
    dvo = visible(render_dvo(load_project(region.root), "druten", pdf=False).html)
    assert "Streefwaarden: Het aandeel 55-plussers stijgt; hun uitkeringen duren langer." in dvo
