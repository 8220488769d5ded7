"""`dvo gemeenten`: the list a CI matrix needs, with every download the site has per gemeente."""

from __future__ import annotations

import json

from tests.conftest import Region


def test_json_lists_every_gemeente_in_region_order_with_its_files(built, project):
    result = Region(built).dvo("gemeenten", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["slug"], r["naam"], r["cbs_code"]) for r in rows] == [
        (g.slug, g.naam, g.cbs_code) for g in project.gemeenten
    ]
    wijchen = next(r for r in rows if r["slug"] == "wijchen")
    assert wijchen["bestanden"] == [
        "pdf/dvo-wijchen.pdf",
        "pdf/rapport-wijchen-2015.pdf",
        "pdf/rapport-wijchen-2016.pdf",
        "pdf/kpi-wijchen.csv",
        "pdf/kpi-wijchen.json",
        "pdf/financien-wijchen.csv",
        "pdf/financien-wijchen.json",
    ]
    nijmegen = next(r for r in rows if r["slug"] == "nijmegen")
    assert nijmegen["bestanden"][:2] == ["pdf/dvo-nijmegen.pdf", "pdf/dvo-nijmegen-1.0.pdf"]
    # Exactly the per-gemeente downloads of a real build: nothing missing, nothing invented.
    site = built / "site"
    made = {p.relative_to(site).as_posix() for p in (site / "pdf").iterdir()}
    regional = {
        f
        for f in made
        if "-regio" in f
        or f.startswith(
            (
                "pdf/kpi-gemeenten.",
                "pdf/financien-gemeenten.",
                "pdf/kpi-categorieen.",
                "pdf/kpi-overgangen.",
                "pdf/kpi.xlsx",
            )
        )
    }
    listed = [f for r in rows for f in r["bestanden"]]
    assert len(listed) == len(set(listed))
    assert set(listed) == made - regional
    assert all(" " not in f for f in listed)  # the GitHub workflow splits the list on spaces


def test_table_names_the_region_and_counts_the_files(region: Region):
    result = region.dvo("gemeenten")
    assert result.exit_code == 0, result.output
    assert "Gemeenten van de regio Rijk van Nijmegen" in result.output
    assert "│ Mook en Middelaar     │ mook-en-middelaar     │ GM0944   │         7 │" in result.output


def test_invalid_data_is_reported_not_listed(region: Region):
    region.replace("gemeenten/druten.yaml", "cbs_code: GM0225", "cbs_code: 225")
    result = region.dvo("gemeenten", "--format", "json")
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith("gemeenten/druten.yaml:5:11: cbs_code:") and first.endswith(
        "[cbs-code-ongeldig]"
    )  # a finding, not the JSON list
