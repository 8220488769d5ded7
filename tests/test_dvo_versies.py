"""Signing rules, frozen versions and `dvo vastleggen`: line-precise Dutch errors, the
controlegetal rule in both directions, byte-preserving writes, and DVO's that do not
change by a single byte when realisaties or toelichtingen are added."""

from __future__ import annotations

import json
import re

from pypdf import PdfReader

from tests.conftest import REPO, SLUGS, assert_finding, document_html, findings, located

D = "gemeenten/druten.yaml"
H = "gemeenten/heumen.yaml"
# The dates and kenmerken of the besluiten on Heumen's 1.0: a new version is not decided by them.
NOG_TE_NEMEN = (
    '        datum: 2014-12-09\n        kenmerk: "2014/1187"\n',
    "        datum: 2014-12-11\n        kenmerk: BCW-2014-014\n",
)


# --- signing -------------------------------------------------------------------------------


def test_vastgesteld_requires_orgaan_and_datum_of_the_besluit(region):
    region.replace(D, "  status: concept", "  status: vastgesteld")
    lines = findings(region)
    line = region.line_of(D, "orgaan: het college van burgemeester en wethouders van Druten")
    assert_finding(lines, f"{D}:{line - 1}:9", "ondertekening-onvolledig")
    # without any grondslag the finding points at the signatory
    region.replace(
        D,
        "      grondslag:\n        soort: besluit\n        orgaan: het college van burgemeester en wethouders van "
        "Druten\n",
        "",
    )
    lines = findings(region)
    assert_finding(lines, f"{D}:{region.line_of(D, '- naam: A. Jansen')}:7", "ondertekening-onvolledig")
    # with the besluit's orgaan and datum the DVO is valid
    region.replace(
        D,
        "      namens: gemeente\n",
        "      namens: gemeente\n      grondslag:\n        soort: besluit\n        orgaan: het college van "
        "Druten\n        datum: 2014-12-02\n",
    )
    findings(region, exit_code=0)


def test_ondertekend_requires_place_and_date_for_every_signatory(region):
    region.replace(D, "  status: concept", "  status: ondertekend")
    region.replace(
        D,
        "        orgaan: het college van burgemeester en wethouders van Druten\n",
        "        orgaan: het college van burgemeester en wethouders van Druten\n        datum: 2014-09-30\n",
    )
    lines = findings(region)
    for naam in ("A. Jansen", "E. Hendriks"):
        assert_finding(lines, f"{D}:{region.line_of(D, f'- naam: {naam}')}:7", "ondertekening-onvolledig")
    region.replace(
        D,
        "        datum: 2014-09-30\n",
        "        datum: 2014-09-30\n      ondertekend:\n        plaats: Druten\n        datum: 2014-09-29\n",
    )
    lines = findings(region)
    assert (f"{D}:{region.line_of(D, '- naam: A. Jansen')}:7", "ondertekening-onvolledig") not in located(lines)
    line = region.line_of(D, "datum: 2014-09-29")
    assert_finding(lines, f"{D}:{line}:16", "volgorde-ongeldig")


def test_both_parties_sign_and_the_history_ends_with_this_version(region):
    region.replace(D, "      namens: werkbedrijf", "      namens: gemeente")
    region.replace(D, '  versie: "0.3"', '  versie: "0.4"')
    lines = findings(region)
    assert_finding(lines, f"{D}:{region.line_of(D, 'ondertekenaars:') + 1}:5", "ondertekening-onvolledig")
    line = region.line_of(D, '- versie: "0.3"')
    assert_finding(lines, f"{D}:{line}:15", "versiegeschiedenis-onvolledig")


def test_maatwerk_indicator_needs_a_nulmeting_and_targets(region):
    rel = "gemeenten/mook-en-middelaar.yaml"
    text = region.read(rel)
    start = text.index("  - indicator: zelfredzaamheid")
    region.write(rel, text[:start] + text[text.index("  - indicator: uitstroom-werk") :])
    line = region.line_of(rel, "indicatoren: [plaatsing-ondersteuning, zelfredzaamheid]")
    col = region.col_of(rel, "zelfredzaamheid]")
    assert_finding(findings(region), f"{rel}:{line}:{col}", "maatwerkindicator-onvolledig")


def test_deelnemers_belong_to_a_year_with_budget(region):
    rel = "gemeenten/groesbeek.yaml"
    region.replace(rel, "    deelnemers:\n      2016: 3\n", "    deelnemers:\n      2015: 4\n      2016: 0\n")
    lines = findings(region)
    assert_finding(lines, f"{rel}:{region.line_of(rel, '2015: 4')}:7", "deelnemers-zonder-budget")
    assert_finding(lines, f"{rel}:{region.line_of(rel, '2016: 0')}:13", "waarde-buiten-bereik")


def test_unknown_value_placeholder_and_gemeente_article_reference(region):
    rel = "content/dvo-standaardbepalingen.yaml"
    region.replace(rel, "[[gegeven:ingangsdatum]] tot en met", "[[gegeven:begindatum]] tot en met")
    m = "gemeenten/mook-en-middelaar.yaml"
    region.replace(m, "vastgelegd volgens [[artikel:wijziging]]", "vastgelegd volgens [[artikel:wijzigingen]]")
    lines = findings(region)
    assert_finding(lines, f"{rel}:{region.line_of(rel, '[[gegeven:begindatum]]')}:9", "verwijzing-onbekend")
    assert_finding(lines, f"{m}:{region.line_of(m, '[[artikel:wijzigingen]]')}:11", "verwijzing-onbekend")


# --- frozen versions: the controlegetal --------------------------------------------------------

MESSAGE = (
    "dvo.wijzigingen[2].controlegetal: de inhoud van de ondertekende DVO (versie 1.0) is gewijzigd; leg een nieuwe "
    "versie vast of maak de wijziging ongedaan [controlegetal-gewijzigd]"
)


def test_changed_content_of_a_vastgelegde_version_fails_until_undone_or_a_new_version(region):
    findings(region, exit_code=0)
    original = region.read(H)
    region.replace(H, "omschrijving: >-\n      Trajecten", "omschrijving: >-\n      Intensieve trajecten")
    lines = findings(region)
    assert lines[:-1] == [f"{H}:{region.line_of(H, 'controlegetal:')}:22: {MESSAGE}"]
    assert region.dvo("build", "--gemeente", "heumen", "--jobs", "1").exit_code == 1  # nothing is built either
    # direction 1: undo the change
    region.write(H, original)
    findings(region, exit_code=0)
    # the same for vastgesteld, with its own word
    region.replace(H, "  status: ondertekend", "  status: vastgesteld")
    region.replace(H, "      Trajecten", "      Intensieve trajecten")
    lines = findings(region)
    assert_finding(lines, f"{H}:{region.line_of(H, 'controlegetal:')}:22", "controlegetal-gewijzigd")
    assert "de inhoud van de vastgestelde DVO (versie 1.0) is gewijzigd" in lines[0]
    # direction 2: the change as a new version (not signed yet, so without the signatures of 1.0);
    # version 1.0 stays readable at the commit recorded with it (its revisie)
    region.write(H, original.replace("  status: ondertekend", "  status: vastgesteld"))
    versie_1_0 = region.commit("Heumen 1.0 vastgesteld")
    region.replace(H, "      Trajecten", "      Intensieve trajecten")
    region.replace(
        H,
        '  status: vastgesteld\n  versie: "1.0"\n  datum: 2014-12-09',
        '  status: concept\n  versie: "1.1"\n  datum: 2015-03-01',
    )
    region.write(H, re.sub(r"      ondertekend:\n        plaats: .*\n        datum: .*\n", "", region.read(H)))
    for besluit in NOG_TE_NEMEN:  # the besluiten of 1.0 do not approve 1.1
        region.replace(H, besluit, "")
    region.write(
        H,
        region.read(H) + '    - versie: "1.1"\n      datum: 2015-03-01\n      omschrijving: Intensievere trajecten.\n',
    )
    # without the revision of 1.0 the version in force cannot be known
    entry = region.line_of(H, '- versie: "1.0"')
    lines = findings(region)
    assert_finding(lines, f"{H}:{entry}:7", "revisie-ontbreekt")
    assert "dvo.wijzigingen[2]: versie 1.0 is vastgelegd (controlegetal), maar er staat geen revisie bij" in lines[0]
    region.replace(H, "      controlegetal: ", f"      revisie: {versie_1_0}\n      controlegetal: ")
    findings(region, exit_code=0)


TOELICHTING = (
    "    toelichtingen:\n      2016:\n        oorzaak: budgetkrimp\n        tekst: Minder budget dan verwacht.\n"
)


def _add_after_the_fact(region):
    """What is written down after a DVO's date: a realisatie, a toelichting, what was spent."""
    # A realisatie per doelgroep: the split is verantwoording, not agreement.
    region.replace(
        H,
        "        categorieen: {jongeren: 9, 55-plus: 5, arbeidsbeperking: 3, overig: 17}\n",
        "        categorieen: {jongeren: 9, 55-plus: 5, arbeidsbeperking: 3, overig: 17}\n"
        "      2017:\n        waarde: 36\n        categorieen: {jongeren: 10, 55-plus: 5, arbeidsbeperking: 3, "
        "overig: 18}\n",
    )
    region.replace(H, "      2015: 60\n      2016: 71\n", "      2015: 60\n      2016: 71\n" + TOELICHTING)
    # 2016: the 2015 figures are a vastgestelde, recorded report's (changing them needs a herziening)
    region.replace(H, "      2015: 71800\n      2016: 74900", "      2015: 71800\n      2016: 75900")


def test_state_realisaties_and_toelichtingen_are_not_content(region):
    region.replace(H, "  status: ondertekend", "  status: vastgesteld")
    _add_after_the_fact(region)
    findings(region, exit_code=0)


def test_vastleggen_writes_only_the_controlegetal_line(region):
    original = region.read(H)
    line = next(ln for ln in original.splitlines(keepends=True) if "controlegetal:" in ln)
    region.write(H, original.replace(line, ""))
    result = region.dvo("vastleggen", "heumen")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Versie 1.0 van de DVO Heumen is vastgelegd: controlegetal ")
    assert f"in {H}, regel {region.line_of(H, 'controlegetal:')}." in result.output
    assert region.read(H) == original  # the same bytes as the file `dvo vastleggen` wrote in the repository
    again = region.dvo("vastleggen", "heumen")
    assert again.exit_code == 0 and "was al vastgelegd" in again.output


def test_vastleggen_keeps_hand_formatting(region):
    text = region.read(H)
    line = next(ln for ln in text.splitlines(keepends=True) if "controlegetal:" in ln)
    odd = text.replace(line, "").replace(
        '    - versie: "1.0"\n      datum: 2014-12-09\n      omschrijving: Vastgesteld door het college; '
        "deelnemers per maatwerkafspraak toegevoegd.\n",
        "    - versie:   '1.0'     # door het college\n      datum: 2014-12-09\n      omschrijving: >-\n        "
        "Vastgesteld door het college.\n\n# einde van het bestand\n",
    )
    region.write(H, odd)
    result = region.dvo("vastleggen", "heumen")
    assert result.exit_code == 0, result.output
    new = region.read(H).splitlines(keepends=True)
    old = odd.splitlines(keepends=True)
    assert len(new) == len(old) + 1
    at = next(i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b)
    assert new[at].startswith("      controlegetal: ") and new[at - 1] == "        Vastgesteld door het college.\n"
    assert new[:at] + new[at + 1 :] == old


def test_vastleggen_refuses_a_concept_and_a_changed_version(region):
    result = region.dvo("vastleggen", "druten")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "Fout: de DVO van Druten heeft status 'concept'; alleen een vastgestelde of ondertekende DVO wordt vastgelegd "
        "(zet dvo.status in gemeenten/druten.yaml op 'vastgesteld' zodra het college heeft besloten)"
    )
    region.replace(H, "      Trajecten", "      Intensieve trajecten")
    before = region.read(H)
    refused = region.dvo("vastleggen", "heumen")
    assert refused.exit_code == 1 and "is al vastgelegd met een ander controlegetal" in refused.output
    assert region.read(H) == before
    replaced = region.dvo("vastleggen", "heumen", "--vervang")
    assert replaced.exit_code == 0, replaced.output
    changed = [(a, b) for a, b in zip(before.splitlines(), region.read(H).splitlines(), strict=False) if a != b]
    assert len(changed) == 1 and "controlegetal:" in changed[0][0] and "controlegetal:" in changed[0][1]
    findings(region, exit_code=0)


# --- frozen versions: the documents ----------------------------------------------------------------


def _attachment(path) -> bytes:
    reader = PdfReader(str(path))
    name = next(iter(reader.attachments))
    return reader.attachments[name][0]


def test_adding_realisaties_and_toelichtingen_changes_no_dvo(built, region, tmp_path):
    from generator.load.project import load_project
    from generator.render.documents.dvo.inhoud import attachment_json
    from generator.render.documents.dvo.render import render_dvo
    from generator.render.documents.dvo.view import build_document

    _add_after_the_fact(region)
    csv = tmp_path / "realisaties.csv"
    csv.write_text(
        "gemeente,indicator,periode,waarde,noemer\n"
        + "".join(f"{slug},uitstroom-werk,2018,{40 + i},\n" for i, slug in enumerate(SLUGS))
    )
    assert region.dvo("import", str(csv)).exit_code == 0
    project = load_project(region.root)
    assert project.gemeente("wijchen").prestatie_indicatoren[0].realisaties["2018"].waarde == 48
    for slug in SLUGS:
        doc = build_document(project, project.gemeente(slug))
        assert attachment_json(doc) == _attachment(built / "site" / "pdf" / f"dvo-{slug}.pdf"), slug
        assert render_dvo(project, slug, pdf=False).html == document_html(built, f"dvo-{slug}").read_text(), slug
    # the PDFs themselves, byte for byte, for each status: concept, ter besluitvorming, ondertekend
    for slug in ("druten", "nijmegen", "heumen"):
        assert render_dvo(project, slug).pdf == (built / "site" / "pdf" / f"dvo-{slug}.pdf").read_bytes(), slug


def test_the_attachment_holds_the_agreement_only(built):
    for slug in SLUGS:
        data = json.loads(_attachment(built / "site" / "pdf" / f"dvo-{slug}.pdf"))
        text = json.dumps(data)
        for word in ("realisaties", "besteed", "toelichtingen", "revisie"):
            assert f'"{word}"' not in text, (slug, word)
        assert set(data) == {"controlegetal", "stand", "inhoud"}


def test_example_region_vastgelegde_versions_still_match():
    """The controlegetal recorded in the example data belongs to its current content."""
    from generator.load.project import load_project
    from generator.render.documents.dvo.vastlegging import vastlegging_findings

    project = load_project(REPO)
    assert any(w.controlegetal for g in project.gemeenten for w in g.dvo.wijzigingen)
    assert vastlegging_findings(project) == []
