"""`dvo verdeling`: a cost item distributed over the gemeenten."""

from __future__ import annotations

from decimal import Decimal

from generator.compute.distribution import verdeel
from generator.load.project import Project
from generator.util.errors import NotFound
from generator.util.formatting import euro
from generator.util.tabular import Justify, rich_table_text, to_csv, to_json


def render(project: Project, post_id: str, fmt: str) -> str:
    post = project.regio.kostenpost(post_id)
    if post is None:  # `dvo verdeling` checks this first, with the known ids
        raise NotFound(f"onbekende kostenpost '{post_id}'")
    sleutel = project.regio.verdeelsleutel(post.verdeelsleutel)
    result = verdeel(post, sleutel, project.gemeenten)
    kenmerken = list(result.criterium_bedragen)
    if fmt in ("json", "csv"):
        data = [
            {"gemeente": r.gemeente, **{k: Decimal(r.per_criterium[k]) for k in kenmerken}, "totaal": Decimal(r.totaal)}
            for r in result.regels
        ]
        return to_json(data) if fmt == "json" else to_csv(data)
    rows = [[r.naam] + [euro(r.per_criterium[k]) for k in kenmerken] + [euro(r.totaal)] for r in result.regels]
    rows.append(["Totaal"] + [euro(result.criterium_bedragen[k]) for k in kenmerken] + [euro(result.totaal)])
    headers: list[tuple[str, Justify]] = [
        ("Gemeente", "left"),
        *[(f"{k.capitalize()} ({c.gewicht}%)", "right") for k, c in zip(kenmerken, sleutel.criteria, strict=True)],
    ]
    return rich_table_text(
        f"{post.naam} — verdeelsleutel: {sleutel.naam}", headers + [("Totaal", "right")], rows, bold_last=True
    )
