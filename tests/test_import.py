"""`dvo import`: golden round-trip that keeps every untouched byte, dry-run diff, and each kind of bad row."""

from __future__ import annotations

import hashlib
import re

import pytest

from tests.conftest import FIXTURES, Region

IMPORTS = FIXTURES / "import"
W = "gemeenten/wijchen.yaml"


def _placed(output: str) -> list[tuple[str, str]]:
    """(file:row: column, code) of each problem line of `dvo import`."""
    return [(m[1], m[2]) for m in re.finditer(r"^(\S+:\d+: [^:]+): .* \[([a-z0-9-]+)\]$", output, re.M)]


def _odd_region(region: Region) -> None:
    """Wijchen's file with hand formatting: odd spacing, 4-space blocks, flow maps, comments, quotes."""
    region.write(W, (IMPORTS / "wijchen-opmaak.yaml").read_text(encoding="utf-8"))
    assert region.dvo("validate").exit_code == 0


def _hashes(region: Region) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(region.path("gemeenten").glob("*.yaml"))}


def _csv(region: Region, text: str, name: str = "export.csv") -> str:
    path = region.path(name)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_import_matches_golden_file_byte_for_byte(region):
    _odd_region(region)
    result = region.dvo("import", str(IMPORTS / "realisaties.csv"))
    assert result.exit_code == 0, result.output
    assert "6 nieuw, 2 gewijzigd, 1 ongewijzigd, in 1 bestand" in result.output
    assert region.read(W) == (IMPORTS / "wijchen-opmaak.verwacht.yaml").read_text(encoding="utf-8")
    assert region.dvo("validate").exit_code == 0


def test_import_changes_only_the_imported_values(region, project):
    _odd_region(region)
    before = region.read(W).splitlines()
    assert region.dvo("import", str(IMPORTS / "realisaties.csv")).exit_code == 0
    after = region.read(W).splitlines()
    # Every original line is still there, in order, unchanged, except the three values replaced.
    replaced = {
        "      2016: 97",
        "    realisaties: {2015: 185, 2016: 241}",
        "      2016: {waarde: 892, noemer: 564}   # stand 31-12",
    }
    kept = [line for line in before if line not in replaced]
    it = iter(after)
    assert all(any(line == other for other in it) for line in kept)
    assert "      2015:   119    # voorlopig cijfer, definitief in maart" in after
    assert 'naam:    "Wijchen"   # naam zoals in content/regio.yaml' in after


def test_imported_values_reach_the_model(region):
    from generator.load.project import load_project

    assert region.dvo("import", str(IMPORTS / "realisaties.csv")).exit_code == 0
    wijchen = load_project(region.root).gemeente("wijchen")
    p = {p.indicator: p for p in wijchen.prestatie_indicatoren}
    assert p["uitstroom-werk"].realisaties["2017"].waarde == 121
    assert (
        p["vervullingspercentage"].realisaties["2017"].waarde,
        p["vervullingspercentage"].realisaties["2017"].noemer,
    ) == (70.5, 44)


def test_dry_run_shows_the_diff_and_writes_nothing(region):
    _odd_region(region)
    before = _hashes(region)
    result = region.dvo("import", "--dry-run", str(IMPORTS / "realisaties.csv"))
    assert result.exit_code == 0, result.output
    assert "--- a/gemeenten/wijchen.yaml" in result.output
    assert "-      2016: 97\n+      2016: 99\n+      2017: 121" in result.output
    assert "Proefdraai" in result.output and "niets geschreven" in result.output
    assert _hashes(region) == before


def test_excel_export_is_read_like_csv(region):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["gemeente", "indicator", "periode", "waarde", "noemer"])
    ws.append(["Druten", "uitstroom-werk", 2017, 77, None])
    ws.append(["GM0225", "tevredenheid-kandidaten", "2017", 7.4, 20])
    path = region.path("export.xlsx")
    wb.save(path)
    result = region.dvo("import", str(path))
    assert result.exit_code == 0, result.output
    text = region.read("gemeenten/druten.yaml")
    assert "      2017: 77\n" in text and "        waarde: 7.4\n        noemer: 20\n" in text


def test_every_kind_of_bad_row_is_reported_with_its_row_number_and_nothing_is_written(region):
    before = _hashes(region)
    path = _csv(
        region,
        "gemeente,indicator,periode,waarde,noemer\n"
        "Wijchen,uitstroom-werk,2017,120,\n"  # row 2 is good, but must not be written alone
        "Wijchn,uitstroom-werk,2017,120,\n"
        "Wijchen,uitstroom,2017,120,\n"
        "Wijchen,jeugdwerkloosheid,2017,5,\n"
        "Wijchen,uitstroom-werk,2017-T1,120,\n"
        "Wijchen,uitstroom-werk,2019,120,\n"
        "Wijchen,instroom-uitkering,2017,veel,\n"
        "Wijchen,instroom-uitkering,2018,,\n"
        "Wijchen,plaatsing-ondersteuning,2017,1.234,\n"
        "Wijchen,uitstroom-werk,2017,121,\n"
        "Wijchen,vervullingspercentage,2017,70,\n"
        "Wijchen,vervullingspercentage,2018,170,40\n",
    )
    result = region.dvo("import", path)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    out = result.output
    assert _placed(out) == [
        ("export.csv:3: gemeente", "verwijzing-onbekend"),
        ("export.csv:4: indicator", "verwijzing-onbekend"),
        ("export.csv:5: indicator", "indicator-niet-in-dvo"),
        ("export.csv:6: periode", "periode-ongeldig"),
        ("export.csv:7: periode", "buiten-periode"),
        ("export.csv:8: waarde", "getal-ongeldig"),
        ("export.csv:9: waarde", "cel-leeg"),
        ("export.csv:10: waarde", "getalnotatie-ongeldig"),
        ("export.csv:11: rij", "waarde-dubbel"),
        ("export.csv:13: waarde", "waarde-buiten-bereik"),
        ("export.csv:12: noemer", "noemer-ontbreekt"),  # checked once every row is read
    ]
    # The wording of two of them, as the README shows them.
    assert (
        "export.csv:7: periode: periode '2019' ligt buiten de DVO-periode (2015-2018) [buiten-periode]"
        in out.splitlines()
    )
    assert (
        "export.csv:11: rij: dubbel: Wijchen, uitstroom-werk, 2017 staat ook in rij 2 [waarde-dubbel]"
        in out.splitlines()
    )
    assert "11 problemen gevonden; er is niets geschreven." in out
    assert _hashes(region) == before


def test_missing_columns_are_named(region):
    result = region.dvo("import", _csv(region, "gemeente;indicator;jaartal;getal\nWijchen;uitstroom-werk;2017;1\n"))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "export.csv:1: kolommen periode, waarde ontbreken in de kopregel; verwacht de kolommen gemeente, "
        "indicator, periode, "
        "waarde (en eventueel noemer, categorie, of van en naar), gevonden: gemeente, indicator, jaartal, getal "
        "[kolom-ontbreekt]"
    )


def test_unsupported_file_type_is_refused(region):
    path = region.path("export.txt")
    path.write_text("gemeente\n", encoding="utf-8")
    result = region.dvo("import", str(path))
    assert result.exit_code == 1
    assert (
        "export.txt: verwacht een .csv- of .xlsx-bestand, gevonden '.txt' [export-onleesbaar]"
        in result.output.splitlines()
    )


def test_a_value_the_whole_project_would_refuse_keeps_its_finding_code(region):
    """Re-validation in a scratch copy: a finding there is reported as it would be by dvo validate."""
    from generator.edit.realisatie_import import ImportFailed, Resultaat, revalidate
    from generator.load.project import load_project

    old = region.read(W)
    res = Resultaat(bestanden={W: (old, old.replace("      2016: 116900", "      2016: veel"))})
    line = old.splitlines().index("      2016: 116900") + 1
    with pytest.raises(ImportFailed) as refused:
        revalidate(load_project(region.root), res)
    assert [str(p) for p in refused.value.problems] == [
        f"na de import zou dit niet kloppen: {W}:{line}:13: verplichtingen[0].bedrag[2016]: verwacht een bedrag "
        "in euro's, "
        "gevonden 'veel' [bedrag-ongeldig]"
    ]
