"""pandas at work on the figures: the long table of counts per category, the crosstab of
overgangen (with its margins: where people started and where they stand), and the Excel
workbook for policy staff.

pandas is imported inside each function, never at module level: `dvo validate` must not
load it, and a build loads it once, when it makes the reports and the open data.
Counts stay exact integers; values that arrive as Decimal stay Decimal (object columns),
so CSV, JSON and Excel carry what the reports print.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for annotations only: see above
    import pandas as pd

TOTAAL = "totaal"


def overgangen_crosstab(overgangen: dict[str, dict[str, int]], ids: list[str]):
    """van × naar with a `totaal` row and column: rows add up to the stand at the start of the
    year, columns to the stand at the peildatum. Every category of the ladder is a row and a
    column, in the ladder's order, also when nobody stood there."""
    import pandas as pd

    rows = [(van, naar, aantal) for van, rij in overgangen.items() for naar, aantal in rij.items()]
    df = pd.DataFrame(rows, columns=["van", "naar", "aantal"])
    table = pd.crosstab(df["van"], df["naar"], values=df["aantal"], aggfunc="sum", margins=True, margins_name=TOTAAL)
    order = [*ids, TOTAAL]
    return table.reindex(index=order, columns=order).fillna(0).astype("int64")


def long_table(wide: list[dict], keys: list[str], categorie_namen: dict[tuple[str, str], str]):
    """Counts per category from wide records (one per gemeente, indicator and period, a column
    per category) to long form: one row per category, with its name. Categories a realisatie
    does not name are left out (they are not zero by the data, they are absent)."""
    import pandas as pd

    if not wide:
        return pd.DataFrame(columns=[*keys, "categorie", "categorie_naam", "waarde"])
    frame = pd.DataFrame(wide)
    long = frame.melt(id_vars=keys, var_name="categorie", value_name="waarde").dropna(subset=["waarde"])
    long["waarde"] = long["waarde"].astype("int64")
    long["categorie_naam"] = [categorie_namen[(d, c)] for d, c in zip(long["dimensie"], long["categorie"], strict=True)]
    # Stable order: as the records came (gemeente, indicator, period), then the dimensie's order.
    rang = {key: n for n, key in enumerate(categorie_namen)}
    long["_rij"] = long.index % len(frame)
    long["_rang"] = [rang[(d, c)] for d, c in zip(long["dimensie"], long["categorie"], strict=True)]
    long = long.sort_values(["_rij", "_rang"], kind="stable").drop(columns=["_rij", "_rang"])
    return long[[*keys, "categorie", "categorie_naam", "waarde"]].reset_index(drop=True)


def records(frame) -> list[dict]:
    """A DataFrame as plain rows for util/tabular (numpy integers as int, NaN as None)."""
    out = []
    for row in frame.to_dict("records"):
        out.append({k: _plain(v) for k, v in row.items()})
    return out


def _plain(value):
    if value is None or isinstance(value, (str, Decimal, bool)):
        return value
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value


class _PinnedZip(zipfile.ZipFile):
    """A zip whose entries carry one given time, not the clock: openpyxl adds entries by name
    (`writestr`) and worksheets from temporary files (`write`), both dated now by zipfile."""

    def __init__(self, file, moment: dt.datetime):
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        self._moment = moment.timetuple()[:6]

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=self._moment)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        # openpyxl writes each worksheet through a temporary file, whose mtime is the clock.
        with open(filename, "rb") as f:
            self.writestr(arcname or str(filename), f.read())


def workbook(sheets: dict[str, pd.DataFrame], *, titel: str, auteur: str, moment: dt.datetime) -> bytes:
    """An .xlsx with one sheet per DataFrame: a bold, frozen header row with filters, column
    widths from the content. Same frames and moment, same bytes: the document's created and
    modified times and every zip entry's time are `moment` (a date from the data)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.dataframe import dataframe_to_rows
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    wb.remove(wb.active)
    for name, frame in sheets.items():
        ws = wb.create_sheet(name)
        for row in dataframe_to_rows(frame, index=False, header=True):
            ws.append([_plain(v) for v in row])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        if ws.max_row > 1:
            ws.auto_filter.ref = ws.dimensions
        for n, column in enumerate(frame.columns, 1):
            longest = max([len(str(column))] + [len(str(v)) for v in frame[column] if v is not None])
            ws.column_dimensions[get_column_letter(n)].width = min(60, longest + 2)
    naive = moment.replace(tzinfo=None)
    wb.properties.title = titel
    wb.properties.creator = auteur
    wb.properties.lastModifiedBy = auteur
    wb.properties.created = naive
    wb.properties.modified = naive
    buffer = io.BytesIO()
    with _PinnedZip(buffer, naive) as archive:
        ExcelWriter(wb, archive).save()  # not openpyxl's save_workbook: that stamps `modified` with the clock
    return buffer.getvalue()
