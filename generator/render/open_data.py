"""Open data: every KPI value per gemeente and period, and the region's figures, as CSV and JSON.

Values as entered stay exact; computed ratios (percentages, weighted means) are
rounded half-up to two decimals, which is stated in the column name's definition
on the site. Column names are Dutch and stable: scripts depend on them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from generator.util.tabular import to_csv, to_json
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


def gemeente_file_names(slug: str) -> list[str]:
    """The open-data files of one gemeente (inside site/pdf): CSV and JSON."""
    return [f"kpi-{slug}.csv", f"kpi-{slug}.json"]


def files(v: Verantwoording) -> dict[str, str]:
    """File name (inside site/pdf) -> content: the whole region, the regional values, and per gemeente."""
    per_gemeente, regio = gemeente_rows(v), regio_rows(v)
    out = {
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
    return out
