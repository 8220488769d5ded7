"""Open data: every KPI value per gemeente and period, the region's figures, the counts per
category and the overgangen in long form, and the money (each budget line of the bijdrage,
what was spent, the afrekening), as CSV and JSON; all of it as one Excel workbook.

Values as entered stay exact; computed ratios (percentages, weighted means) are
rounded half-up to two decimals, which is stated in the column name's definition
on the site. Column names are Dutch and stable: scripts depend on them. The money rows
come from the same `Financien` objects as the reports, so they show the same figures.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from generator.compute.financien import (
    AFSPRAAK,
    BASIS,
    BUITEN_DVO,
    VERPLICHTINGEN,
    Afrekenregel,
    Begrotingsregel,
    Financien,
    sum_known,
)
from generator.compute.rapportperiode import Rapportperiode
from generator.compute.uitkomsten import Regiowaarde, Uitkomst
from generator.compute.verantwoording import REGIO, Verantwoording, bron
from generator.render import frames
from generator.util.tabular import plain_row, to_csv, to_json

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


def prestatie_eenheid(oordeel) -> str | None:
    """How the reports and the site write this row's prestatie: "punt" (the column
    `verschil_punten`, a rapportcijfer judged in points: "+0,9 punt") or "procent" (the column
    `prestatie`, a percentage of the streefwaarde: "88,2%"), as models/kinds.prestatie_tekst."""
    if oordeel.punten is not None:
        return "punt"
    return "procent" if oordeel.score is not None else None


def _bestand_rij(rij: dict, oordeel) -> dict:
    """A row as the open-data files have it: with `prestatie_eenheid` after `verschil_punten`.
    (A vastgelegde report's controlegetal is over `row`/`regio_row`, so they stay as they are.)"""
    out = {}
    for key, value in rij.items():
        out[key] = value
        if key == "verschil_punten":
            out["prestatie_eenheid"] = prestatie_eenheid(oordeel)
    return out


def _geld_regel(
    f: Financien,
    dvo,
    regel: Begrotingsregel | None,
    afrekening: Afrekenregel | None,
    post: str,
    label: str,
    budget,
    status: str,
) -> dict:
    jaareinde = f.periode.jaareinde
    return {
        "gemeente": f.gemeente.slug,
        "cbs_code": f.gemeente.cbs_code,
        "periode": f.periode.code,
        "peildatum": f.periode.einddatum.isoformat(),
        "dvo_versie": dvo.versie.versie,
        "dvo_status": dvo.versie.status,
        "dvo_geldend": dvo.geldend,
        "post": post,
        "omschrijving": label,
        "budget": budget,
        "besteed": regel.besteed if regel else None,
        "percentage_besteed": _rounded(regel.percentage) if regel else None,
        "status": status,
        # The afrekening, at year end only (before it, spending is still partial).
        "verschuldigd": afrekening.verschuldigd if jaareinde and afrekening else None,
        "te_verrekenen": afrekening.te_verrekenen
        if jaareinde and afrekening and not afrekening.niet_verrekend
        else None,
        "voor_rekening_organisatie": afrekening.ten_laste_organisatie if jaareinde and afrekening else None,
    }


def financien_rows_gemeente(v: Verantwoording, slug: str, periode) -> list[dict]:
    """One gemeente's money in one period: each line of its bijdrage (with the afrekening at year
    end), spending without an afspraak in the DVO in force, and the maatwerkbudget not allocated."""
    f = v.financien(slug, periode)
    dvo = v.geldende_dvo(slug, periode)
    posten = {
        BASIS: "basisdienstverlening",
        VERPLICHTINGEN: "verplichtingen",
        AFSPRAAK: "maatwerkafspraak",
        BUITEN_DVO: "zonder afspraak in de geldende DVO",
    }
    rows = [
        _geld_regel(f, dvo, r, a, posten[r.soort], r.label, None if r.soort == BUITEN_DVO else r.budget, r.status)
        for r, a in zip(f.regels, f.afrekening.regels, strict=True)  # one afrekening line per budget line, in order
    ]
    rows.append(
        _geld_regel(
            f,
            dvo,
            None,
            None,
            "niet toegewezen",
            "Maatwerkbudget niet toegewezen aan een afspraak",
            f.niet_toegewezen,
            "blijft bij de gemeente",
        )
    )
    return rows


def financien_rows(v: Verantwoording) -> list[dict]:
    return [
        row
        for periode in v.perioden
        for g in v.gemeenten_in(periode)
        for row in _financien_uit_bron(v, g.slug, periode)
    ]


def _bron(v: Verantwoording, naam: str, periode: Rapportperiode) -> tuple[Verantwoording, Rapportperiode]:
    """The figures a report of the period is made from (a vastgelegde report's own revision), so
    the open data of a vastgestelde period states what its report states."""
    b = bron(v, naam, periode)
    return b.verantwoording, b.periode(periode.code)


def _financien_uit_bron(v: Verantwoording, slug: str, periode: Rapportperiode) -> list[dict]:
    bron_v, bron_periode = _bron(v, slug, periode)
    return financien_rows_gemeente(bron_v, slug, bron_periode)


def financien_regio_rows(v: Verantwoording) -> list[dict]:
    """Per period the region's totals, summed from the gemeenten (as the regional report does)."""
    out = []
    for live_periode in v.perioden:
        bron_v, periode = _bron(v, REGIO, live_periode)
        gemeenten = bron_v.gemeenten_in(periode)
        fs = [bron_v.financien(g.slug, periode) for g in gemeenten]
        bijdrage = sum((f.totaal.budget for f in fs), Decimal(0))
        besteed = sum_known([f.totaal.besteed for f in fs])
        jaareinde = periode.jaareinde
        out.append(
            {
                "periode": periode.code,
                "peildatum": periode.einddatum.isoformat(),
                "gemeenten": len(fs),
                "gemeenten_zonder_geldende_dvo": sum(
                    1 for g in gemeenten if not bron_v.geldende_dvo(g.slug, periode).geldend
                ),
                "bijdrage": bijdrage,
                "besteed": besteed,
                "percentage_besteed": _rounded(besteed / bijdrage * 100) if besteed is not None and bijdrage else None,
                "besteed_zonder_afspraak": sum((b.besteed or Decimal(0) for f in fs for b in f.buiten_dvo), Decimal(0)),
                "niet_toegewezen": sum((f.niet_toegewezen for f in fs), Decimal(0)),
                "terugbetaling": sum((f.afrekening.terugbetaling for f in fs), Decimal(0)) if jaareinde else None,
                "bijbetaling": sum((f.afrekening.bijbetaling for f in fs), Decimal(0)) if jaareinde else None,
                "te_verrekenen": sum_known([f.afrekening.te_verrekenen for f in fs]) if jaareinde else None,
                "voor_rekening_organisatie": sum((f.afrekening.ten_laste_organisatie for f in fs), Decimal(0))
                if jaareinde
                else None,
            }
        )
    return out


def gemeente_rows(v: Verantwoording) -> list[dict]:
    out = []
    for live_periode in v.perioden:
        for g in v.gemeenten_in(live_periode):
            bron_v, periode = _bron(v, g.slug, live_periode)
            out += [
                _bestand_rij(row(u), u.oordeel) for u, _ in bron_v.gemeente(g.slug, periode) if u.realisatie is not None
            ]
    return out


def regio_rows(v: Verantwoording) -> list[dict]:
    """The regional figures; an indicator that fewer than two gemeenten measured has none."""
    out = []
    for live_periode in v.perioden:
        bron_v, periode = _bron(v, REGIO, live_periode)
        out += [_bestand_rij(regio_row(r), r.oordeel) for r in bron_v.regiowaarden(periode) if r.regionaal]
    return out


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
                    wide.append(
                        {
                            "gemeente": g.slug,
                            "cbs_code": g.cbs_code,
                            "indicator": indicator.id,
                            "dimensie": indicator.dimensie,
                            "periode": periode.code,
                            **real.categorieen,
                        }
                    )
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
                        rows.append(
                            {
                                "gemeente": g.slug,
                                "cbs_code": g.cbs_code,
                                "indicator": indicator.id,
                                "dimensie": dimensie.id,
                                "periode": periode.code,
                                "van": van,
                                "naar": naar,
                                "aantal": aantal,
                                "richting": richting,
                            }
                        )
    return rows


def gemeente_file_names(slug: str) -> list[str]:
    """The open-data files of one gemeente (inside site/pdf): its KPI values and its money, CSV and JSON."""
    return [f"kpi-{slug}.csv", f"kpi-{slug}.json", f"financien-{slug}.csv", f"financien-{slug}.json"]


WORKBOOK = "kpi.xlsx"


def files(v: Verantwoording, datum: dt.date) -> dict[str, str | bytes]:
    """File name (inside site/pdf) -> content: the whole region, the regional values, per
    gemeente, the counts per category and the overgangen (when the region has them), and all
    of it as one Excel workbook dated `datum` (a date from the data, never the clock)."""
    per_gemeente, regio = gemeente_rows(v), regio_rows(v)
    geld, geld_regio = financien_rows(v), financien_regio_rows(v)
    categorieen, overgangen = categorie_rows(v), overgang_rows(v)
    out: dict[str, str | bytes] = {
        "kpi-gemeenten.csv": to_csv(per_gemeente),
        "kpi-gemeenten.json": to_json(per_gemeente),
        "kpi-regio.csv": to_csv(regio),
        "kpi-regio.json": to_json(regio),
        "financien-gemeenten.csv": to_csv(geld),
        "financien-gemeenten.json": to_json(geld),
        "financien-regio.csv": to_csv(geld_regio),
        "financien-regio.json": to_json(geld_regio),
    }
    for g in v.herindelingen.alle():
        kpi_csv, kpi_json, geld_csv, geld_json = gemeente_file_names(g.slug)
        rows = [r for r in per_gemeente if r["gemeente"] == g.slug]
        out[kpi_csv], out[kpi_json] = to_csv(rows), to_json(rows)
        rows = [r for r in geld if r["gemeente"] == g.slug]
        out[geld_csv], out[geld_json] = to_csv(rows), to_json(rows)
    if categorieen:
        out["kpi-categorieen.csv"] = to_csv(categorieen)
        out["kpi-categorieen.json"] = to_json(categorieen)
    if overgangen:
        out["kpi-overgangen.csv"] = to_csv(overgangen)
        out["kpi-overgangen.json"] = to_json(overgangen)
    if per_gemeente:
        out[WORKBOOK] = workbook(v, per_gemeente, regio, categorieen, overgangen, geld, geld_regio, datum=datum)
    return out


SHEETS = (
    ("Per gemeente", "elke waarde per gemeente, indicator en periode (als kpi-gemeenten.csv)"),
    ("Regio", "de regionale waarde per indicator en periode (als kpi-regio.csv)"),
    ("Per categorie", "de aantallen per categorie van de uitgesplitste indicatoren (als kpi-categorieen.csv)"),
    ("Overgangen", "van welke categorie naar welke, per ladder (als kpi-overgangen.csv)"),
    (
        "Financiën",
        "per gemeente en periode elke post van de bijdrage, de besteding en de afrekening (als "
        "financien-gemeenten.csv)",
    ),
    ("Financiën regio", "de regionale totalen per periode (als financien-regio.csv)"),
)


def workbook(v: Verantwoording, *tables: list[dict], datum: dt.date) -> bytes:
    """The open data in one .xlsx for policy staff: a sheet per table (only those with rows),
    and a first sheet that says what is in it and how it was made."""
    import pandas as pd

    regio = v.project.regio
    sheets = {}
    uitleg = [
        {
            "blad": "Over dit bestand",
            "inhoud": f"Prestatie-indicatoren en financiën van {regio.organisatie}, regio {regio.naam}; "
            "dezelfde cijfers als de open data (CSV en JSON) en de verantwoordingsrapportages.",
        }
    ]
    for (naam, inhoud), rows in zip(SHEETS, tables, strict=True):
        if rows:
            sheets[naam] = pd.DataFrame([plain_row(r) for r in rows], dtype=object)
            uitleg.append({"blad": naam, "inhoud": inhoud})
    uitleg.append(
        {
            "blad": "",
            "inhoud": (
                "Berekende verhoudingen zijn afgerond op twee decimalen; ingevoerde waarden staan zoals ingevoerd."
            ),
        }
    )
    stamp = dt.datetime(datum.year, datum.month, datum.day)
    return frames.workbook(
        {"Over dit bestand": pd.DataFrame(uitleg, dtype=object), **sheets},
        titel=f"Prestatie-indicatoren {regio.naam}",
        auteur=regio.organisatie,
        moment=stamp,
    )
