"""Read an export (CSV or Excel) into a header and rows, within fixed bounds.

Exports come from client systems and from spreadsheets saved by hand, so this
reader expects the worst:

- CSV in UTF-8 (with or without BOM) or, as Dutch Excel saves it, Windows-1252;
  the encoding used is reported. UTF-16 and binary files are refused by name.
- Excel (.xlsx) is a zip archive: before openpyxl opens it, the sizes its members
  declare are added up and a zip bomb is refused (Python's zipfile never inflates
  a member beyond its declared size, so the declared total bounds the work).
- At most MAX_ROWS data rows; reading stops as soon as a file has more. For Excel
  the rows of the sheet are first counted in its XML (fast, without openpyxl), and
  the sheet is then read as it is, not as its <dimension> claims (which could cut
  it short or pad it with a million empty rows).
- Formulas are never evaluated: a cell holds its text (CSV) or the value the
  spreadsheet last calculated (Excel), as plain data.
"""

from __future__ import annotations

import csv
import io
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.load.codes import require
from generator.util.errors import DvoError
from generator.util.formatting import number
from generator.util.oserrors import os_reason
from generator.util.paths import resolved

MAX_ROWS = 100_000  # a whole region, every indicator, every quarter of five years stays far below
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 10_000


@dataclass(frozen=True)
class ImportProblem:
    """One thing `dvo import` refuses: a complete Dutch line (file, row and column where
    known) and its finding code (load/codes.py), printed as `text [code]`."""

    text: str
    code: str

    def __post_init__(self) -> None:
        require(self.code)

    def __str__(self) -> str:
        return f"{self.text} [{self.code}]"


class ImportFailed(DvoError):
    """Bad rows or an unreadable file: every problem, in the order found."""

    def __init__(self, problems: list[ImportProblem]):
        super().__init__(f"{len(problems)} problemen")
        self.problems = problems

    def lines(self) -> list[str]:
        n = len(self.problems)
        return [
            *(str(p) for p in self.problems),
            f"{n} {'probleem' if n == 1 else 'problemen'} gevonden; er is niets geschreven.",
        ]

    @classmethod
    def one(cls, text: str, *, code: str) -> ImportFailed:
        return cls([ImportProblem(text, code=code)])


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (row number as the user sees it, header -> cell)
    tekenset: str | None = None  # the encoding a CSV was read in; None for Excel


def read_export(path: Path, root: Path) -> Table:
    """The export's header and non-empty rows; ImportFailed with a Dutch line when it cannot be read."""
    name = path.name
    _check_the_named_file(path, root)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, name)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, name)
    raise ImportFailed.one(
        f"{name}: verwacht een .csv- of .xlsx-bestand, gevonden '{path.suffix or 'geen extensie'}'",
        code="export-onleesbaar",
    )


def _check_the_named_file(path: Path, root: Path) -> None:
    """Read the file the user named: not a link out of the repository, not a pipe or device."""
    name = path.name
    real = resolved(path)
    if real is None:
        raise ImportFailed.one(
            f"{name}: is een symbolische koppeling die naar zichzelf terugverwijst (een lus)", code="koppeling-ongeldig"
        )
    if path.is_symlink() and not real.is_relative_to(root.resolve()):
        raise ImportFailed.one(
            f"{name}: is een symbolische koppeling naar '{real}', buiten de regio-repository; "
            "geef het bestand zelf op in plaats van een koppeling ernaar",
            code="bestand-buiten-repository",
        )
    try:
        info = real.stat()
    except OSError as exc:
        raise ImportFailed.one(f"{name}: is niet te lezen: {os_reason(exc)}", code="bestand-onleesbaar") from exc
    if not stat.S_ISREG(info.st_mode):
        raise ImportFailed.one(
            f"{name}: is geen gewoon bestand (maar bijvoorbeeld een named pipe of apparaat)", code="bestand-ongeschikt"
        )
    if info.st_size > MAX_FILE_BYTES:
        raise ImportFailed.one(
            f"{name}: het bestand is te groot ({number(info.st_size)} bytes); hoogstens {number(MAX_FILE_BYTES)} bytes",
            code="bestand-te-groot",
        )


def _too_many_rows(name: str) -> ImportFailed:
    return ImportFailed.one(
        f"{name}: meer dan {number(MAX_ROWS)} rijen met gegevens; dat is geen export van realisaties. "
        "Splits het bestand of controleer of u het goede bestand hebt gekozen",
        code="te-veel-rijen",
    )


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportFailed.one(f"{name}: is niet te lezen: {os_reason(exc)}", code="bestand-onleesbaar") from exc


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, else Windows-1252 (Dutch Excel's 'CSV')."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailed.one(
            f"{name}: het bestand is UTF-16 (Excel: 'Unicode-tekst'); sla het op als 'CSV UTF-8' "
            "of 'CSV (gescheiden door lijstscheidingsteken)'",
            code="tekenset-ongeldig",
        )
    if b"\x00" in data:
        raise ImportFailed.one(
            f"{name}: dit is geen tekstbestand (het bevat nul-bytes); verwacht een CSV-bestand",
            code="export-onleesbaar",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 (met BOM)"
        except UnicodeDecodeError:
            pass  # a BOM and then something else: try Windows-1252 below
    else:
        try:
            return data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFailed.one(
            f"{name}:{line}: de tekst is geen UTF-8 en geen Windows-1252 (byte 0x{data[exc.start]:02X}); "
            "sla het bestand op als 'CSV UTF-8'",
            code="tekenset-ongeldig",
        ) from None


def _read_csv(path: Path, name: str) -> Table:
    text, encoding = decode(_read_bytes(path, name), name)
    first_line = text.split("\n", 1)[0]
    # ',' or ';': Dutch spreadsheets write ';' when the decimal separator is a comma.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = next(records, [])
        rows = []
        for i, record in enumerate(records, start=2):
            if i - 1 > MAX_ROWS:
                raise _too_many_rows(name)
            rows.append((i, record))
    except csv.Error as exc:
        raise ImportFailed.one(
            f"{name}: het bestand is niet te lezen als CSV ({exc})", code="export-onleesbaar"
        ) from exc
    return _table(header, rows, encoding)


def _check_zip(path: Path, name: str) -> None:
    if not zipfile.is_zipfile(path):
        raise ImportFailed.one(
            f"{name}: is geen Excel-bestand: een .xlsx-bestand is een zip-archief en dit bestand is dat niet "
            "(een hernoemd CSV- of tekstbestand?)",
            code="export-onleesbaar",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFailed.one(
            f"{name}: het zip-archief van dit Excel-bestand is beschadigd ({exc})", code="export-onleesbaar"
        ) from exc
    unzipped = sum(m.file_size for m in members)
    if len(members) > MAX_ZIP_MEMBERS or unzipped > MAX_UNZIPPED_BYTES:
        raise ImportFailed.one(
            f"{name}: uitgepakt zou dit Excel-bestand {number(unzipped)} bytes in {number(len(members))} delen zijn "
            f"(hoogstens {number(MAX_UNZIPPED_BYTES)}); het wordt niet geopend (een zip-bom?)",
            code="bestand-te-groot",
        )


def _read_xlsx(path: Path, name: str) -> Table:
    from openpyxl import load_workbook

    _check_zip(path, name)
    try:
        # read_only streams the sheet; data_only gives the last calculated value of a formula, never the formula.
        workbook = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds; it says why in English, kept as detail
        raise ImportFailed.one(
            f"{name}: het bestand is niet te lezen als Excel-werkmap ({type(exc).__name__}: {exc})",
            code="export-onleesbaar",
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        member = getattr(sheet, "_worksheet_path", None)  # openpyxl's name for the sheet's XML in the zip
        if member is not None and _rows_in(path, member, MAX_ROWS + 1) > MAX_ROWS + 1:
            raise _too_many_rows(name)
        sheet.reset_dimensions()
        rows = []
        header: list[str] = []
        for i, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if i == 1:
                header = [_cell(v) for v in values]
                continue
            if i - 1 > MAX_ROWS:
                raise _too_many_rows(name)
            rows.append((i, [_cell(v) for v in values]))
    except ImportFailed:
        raise
    except Exception as exc:
        raise ImportFailed.one(
            f"{name}: het bestand is niet te lezen als Excel-werkmap ({type(exc).__name__}: {exc})",
            code="export-onleesbaar",
        ) from exc
    finally:
        workbook.close()
    return _table(header, rows, None)


_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")


def _rows_in(path: Path, member: str, limit: int) -> int:
    """How many <row> elements the sheet's XML has, counting no further than just past `limit`."""
    count, buffer = 0, b""
    with zipfile.ZipFile(path) as archive, archive.open(member) as fh:
        while chunk := fh.read(1 << 20):
            buffer += chunk
            cut = max(buffer.rfind(b"<"), 0)  # a row tag never spans a '<', so nothing before it is cut in half
            count += len(_ROW.findall(buffer, 0, cut))
            buffer = buffer[cut:]
            if count > limit:
                return count
    return count + len(_ROW.findall(buffer))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(header: list[str], records: list[tuple[int, list[str]]], encoding: str | None) -> Table:
    """Cells by header name (the first column of a name wins); rows with only empty cells are dropped."""
    headers = [h.strip() for h in header]
    rows = []
    for number_, record in records:
        cells: dict[str, str] = {}
        for h, value in zip(headers, record, strict=False):  # a short row lacks its last cells
            cells.setdefault(h, value.strip())
        if any(cells.values()):
            rows.append((number_, cells))
    return Table(headers, rows, encoding)
