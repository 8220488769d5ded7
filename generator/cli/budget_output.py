"""`dvo budget`: the budget model as a table, JSON or CSV."""

from __future__ import annotations

from generator.load.project import Project
from generator.models.budget import BudgetRegel, budget_gemeente, budget_totaal
from generator.util.formatting import euro
from generator.util.tabular import Justify, rich_table_text, to_csv, to_json

COLUMNS = [
    ("participatiebudget", "Participatiebudget"),
    ("ideel_loonkostensubsidie", "I-deel lks"),
    ("beschikbaar", "Beschikbaar"),
    ("basisdienstverlening", "Basis"),
    ("verplichtingen", "Verplichtingen"),
    ("maatwerkbudget", "Maatwerkbudget"),
]


def rows_for(project: Project, jaar: int, slug: str | None = None) -> list[BudgetRegel]:
    """The gemeenten that exist in `jaar`: after a herindeling the new gemeente, its budget the
    sum of its predecessors'."""
    from generator.compute.herindeling import herindelingen

    return [budget_gemeente(g, jaar) for g in herindelingen(project).gemeenten_in(jaar) if slug in (None, g.slug)]


def render(project: Project, jaren: list[int], slug: str | None, fmt: str) -> str:
    if fmt in ("json", "csv"):
        data = [r.as_dict() for jaar in jaren for r in rows_for(project, jaar, slug)]
        return to_json(data) if fmt == "json" else to_csv(data)
    parts = []
    for jaar in jaren:
        rows = rows_for(project, jaar, slug)
        if slug is None:
            rows.append(budget_totaal(rows, jaar, f"Totaal {project.regio.naam}"))
        table_rows = [[r.naam] + [euro(getattr(r, key)) for key, _ in COLUMNS] for r in rows]
        columns: list[tuple[str, Justify]] = [("Gemeente", "left"), *[(label, "right") for _, label in COLUMNS]]
        parts.append(
            rich_table_text(
                f"Budget {jaar}",
                columns,
                table_rows,
                bold_last=slug is None,
            )
        )
    return "\n".join(parts)
