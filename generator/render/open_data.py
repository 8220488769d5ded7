"""Open data: every KPI value per gemeente and period, and the region's figures, as CSV and JSON;
the counts per category and the overgangen in long form; all of it as one Excel workbook.

Values as entered stay exact; computed ratios (percentages, weighted means) are
rounded half-up to two decimals, which is stated in the column name's definition
on the site. Column names are Dutch and stable: scripts depend on them.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from generator.render import frames
from generator.util.tabular import plain_row, to_csv, to_json
from generator.compute.uitkomsten import Regiowaarde, Uitkomst
from generator.compute.verantwoording import Verantwoording

CENT = Decimal("0.01")


def _rounded(value: Decimal | None) -> Decimal | None:
    if value is None or not value.is_finite():
        return None  # e.g. a score when nothing happened where less is better
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def row(u: Uitkomst) -> dict:
    toelichting = u.toelichting
    return {
        "gemeente": u.gemeente.slug,
        "cbs_code": u.gemeente.cbs_code,
        "indicator": u.indicator.id,
        "eenheid": u.indicator.eenheid,
        "richting": u.indicator.richting,
        "meetwijze": u.indicator.meetwijze,
        "periode": u.periode.code,
        "peildatum": u.periode.einddatum.isoformat(),
        "nulmeting": u.nulmeting.waarde if u.nulmeting else None,
        "streefwaarde_jaar": u.koers.jaarwaarde,
        "streefwaarde": _rounded(u.streefwaarde),
        "realisatie": u.realisatie,
        "noemer": u.noemer,
        "verschil_nulmeting": _rounded(u.verschil_nulmeting),
        "verschil_vorige_periode": _rounded(u.verschil_vorige),
        "percentage_van_streefwaarde": _rounded(u.percentage),
        "prestatie": _rounded(u.score),
        "verschil_punten": _rounded(u.oordeel.punten),
        "status": u.status,
        "plaats": u.plaats,
        "aantal_gemeenten": u.deelnemers or None,
        "signalering": u.signalering,
        "naar_bestuur": u.naar_bestuur if u.status else None,
        "oorzaak": toelichting.oorzaak if toelichting else None,
        "toelichting": toelichting.tekst if toelichting else None,
        "aanvaard_door": toelichting.aanvaard.door if toelichting and toelichting.aanvaard else None,
        "aanvaard_op": toelichting.aanvaard.datum.isoformat() if toelichting and toelichting.aanvaard else None,
    }


def regio_row(r: Regiowaarde) -> dict:
    return {
        "indicator": r.indicator.id,
        "eenheid": r.indicator.eenheid,
        "richting": r.indicator.richting,
        "periode": r.periode.code,
        "aggregatie": r.indicator.regionaal,
        "noemer": r.indicator.noemer,
        "gemeenten_met_realisatie": len(r.uitkomsten),
        "gemeenten_totaal": r.gemeenten_totaal,
        "meetwijze": r.indicator.meetwijze,
        "streefwaarde": _rounded(r.streefwaarde),
        "realisatie": _rounded(r.realisatie),
        "prestatie": _rounded(r.score),
        "verschil_punten": _rounded(r.oordeel.punten),
        "status": r.status,
        "signalering": r.signalering,
    }


def gemeente_rows(v: Verantwoording) -> list[dict]:
    return [row(u) for periode in v.perioden for g in v.gemeenten_in(periode) for u, _ in v.gemeente(g.slug, periode) if u.realisatie is not None]


def regio_rows(v: Verantwoording) -> list[dict]:
    return [regio_row(r) for periode in v.perioden for r in v.regiowaarden(periode)]


def categorie_rows(v: Verantwoording) -> list[dict]:
    """Long form: one row per gemeente, indicator, period and category (pandas melts the wide
    records: a column per category)."""
    project = v.project
    wide, namen = [], {}
    for d in project.indicatoren.dimensies:
        for c in d.categorieen:
            namen[(d.id, c.id)] = c.naam
    for periode in v.perioden:
        for g in project.gemeenten:
            for p in g.prestatie_indicatoren:
                indicator = project.indicator(p.indicator)
                real = p.realisaties.get(periode.code)
                if indicator.dimensie and real is not None and real.categorieen:
                    wide.append({"gemeente": g.slug, "cbs_code": g.cbs_code, "indicator": indicator.id, "dimensie": indicator.dimensie,
                                 "periode": periode.code, **real.categorieen})
    keys = ["gemeente", "cbs_code", "indicator", "dimensie", "periode"]
    return frames.records(frames.long_table(wide, keys, namen)) if wide else []


def overgang_rows(v: Verantwoording) -> list[dict]:
    """The overgangen of every ladder: one row per gemeente, indicator, period, van and naar."""
    project = v.project
    rows = []
    for periode in v.perioden:
        for g in project.gemeenten:
            for p in g.prestatie_indicatoren:
                indicator = project.indicator(p.indicator)
                dimensie = project.indicatoren.dimensie(indicator.dimensie)
                real = p.realisaties.get(periode.code)
                if dimensie is None or real is None or not real.overgangen:
                    continue
                rang = {c: i for i, c in enumerate(dimensie.ids)}
                for van in dimensie.ids:
                    for naar in dimensie.ids:
                        aantal = real.overgangen.get(van, {}).get(naar)
                        if aantal is None:
                            continue
                        richting = "gelijk" if van == naar else "gestegen" if rang[naar] > rang[van] else "gedaald"
                        rows.append({"gemeente": g.slug, "cbs_code": g.cbs_code, "indicator": indicator.id, "dimensie": dimensie.id,
                                     "periode": periode.code, "van": van, "naar": naar, "aantal": aantal, "richting": richting})
    return rows


def gemeente_file_names(slug: str) -> list[str]:
    """The open-data files of one gemeente (inside site/pdf): CSV and JSON."""
    return [f"kpi-{slug}.csv", f"kpi-{slug}.json"]


WORKBOOK = "kpi.xlsx"


def files(v: Verantwoording, datum: dt.date) -> dict[str, str | bytes]:
    """File name (inside site/pdf) -> content: the whole region, the regional values, per
    gemeente, the counts per category and the overgangen (when the region has them), and all
    of it as one Excel workbook dated `datum` (a date from the data, never the clock)."""
    per_gemeente, regio = gemeente_rows(v), regio_rows(v)
    categorieen, overgangen = categorie_rows(v), overgang_rows(v)
    out: dict[str, str | bytes] = {
        "kpi-gemeenten.csv": to_csv(per_gemeente),
        "kpi-gemeenten.json": to_json(per_gemeente),
        "kpi-regio.csv": to_csv(regio),
        "kpi-regio.json": to_json(regio),
    }
    for g in v.herindelingen.alle():
        rows = [r for r in per_gemeente if r["gemeente"] == g.slug]
        csv_name, json_name = gemeente_file_names(g.slug)
        out[csv_name] = to_csv(rows)
        out[json_name] = to_json(rows)
    if categorieen:
        out["kpi-categorieen.csv"] = to_csv(categorieen)
        out["kpi-categorieen.json"] = to_json(categorieen)
    if overgangen:
        out["kpi-overgangen.csv"] = to_csv(overgangen)
        out["kpi-overgangen.json"] = to_json(overgangen)
    if per_gemeente:
        out[WORKBOOK] = workbook(v, per_gemeente, regio, categorieen, overgangen, datum=datum)
    return out


SHEETS = (
    ("Per gemeente", "elke waarde per gemeente, indicator en periode (als kpi-gemeenten.csv)"),
    ("Regio", "de regionale waarde per indicator en periode (als kpi-regio.csv)"),
    ("Per categorie", "de aantallen per categorie van de uitgesplitste indicatoren (als kpi-categorieen.csv)"),
    ("Overgangen", "van welke categorie naar welke, per ladder (als kpi-overgangen.csv)"),
)


def workbook(v: Verantwoording, *tables: list[dict], datum: dt.date) -> bytes:
    """The open data in one .xlsx for policy staff: a sheet per table (only those with rows),
    and a first sheet that says what is in it and how it was made."""
    import pandas as pd

    regio = v.project.regio
    sheets = {}
    uitleg = [{"blad": "Over dit bestand", "inhoud": f"Prestatie-indicatoren van {regio.organisatie}, regio {regio.naam}; "
               "dezelfde cijfers als de open data (CSV en JSON) en de verantwoordingsrapportages."}]
    for (naam, inhoud), rows in zip(SHEETS, tables):
        if rows:
            sheets[naam] = pd.DataFrame([plain_row(r) for r in rows], dtype=object)
            uitleg.append({"blad": naam, "inhoud": inhoud})
    uitleg.append({"blad": "", "inhoud": "Berekende verhoudingen zijn afgerond op twee decimalen; ingevoerde waarden staan zoals ingevoerd."})
    stamp = dt.datetime(datum.year, datum.month, datum.day)
    return frames.workbook({"Over dit bestand": pd.DataFrame(uitleg, dtype=object), **sheets},
                           titel=f"Prestatie-indicatoren {regio.naam}", auteur=regio.organisatie, moment=stamp)
