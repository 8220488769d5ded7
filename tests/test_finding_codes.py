"""Finding codes: one registry (generator/load/codes.py), every code in it used somewhere and
every code used registered, every producer naming one, and the README listing exactly them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from generator.load.codes import CODES, README_END, README_START, markdown_table
from generator.load.findings import Finding
from generator.load.messages import PYDANTIC_CODES, code_for
from tests.conftest import REPO, Region, assert_finding, findings

PACKAGE = REPO / "generator"
REGISTRY = PACKAGE / "load" / "codes.py"
# What makes a finding or an import problem; each must name its code with `code=`.
PRODUCERS = {"Finding", "finding", "ImportProblem", "one", "fail"}


def _modules() -> list[tuple[Path, ast.Module]]:
    return [
        (p, ast.parse(p.read_text(encoding="utf-8"), str(p))) for p in sorted(PACKAGE.rglob("*.py")) if p != REGISTRY
    ]


def _literals(node: ast.AST) -> set[str]:
    """The code a value gives when it is written out: a string, or either branch of `a if c else b`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _literals(node.body) | _literals(node.orelse)
    return set()


def codes_given() -> dict[str, set[str]]:
    """Every code the package hands to a finding, with the files it is in: the literal values
    of `code=` arguments and of the `..._CODES` tables (pydantic types, bounds, links), and
    what `code_for` returns."""
    given: dict[str, set[str]] = {}
    for path, tree in _modules():
        found: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "code":
                found |= _literals(node.value)
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id.endswith("CODES") for t in node.targets
            ):
                found |= (
                    {v.value for v in node.value.values if isinstance(v, ast.Constant)}
                    if isinstance(node.value, ast.Dict)
                    else set()
                )
            elif isinstance(node, ast.FunctionDef) and node.name == "code_for":
                found |= {
                    r.value.value
                    for r in ast.walk(node)
                    if isinstance(r, ast.Return) and isinstance(r.value, ast.Constant)
                }
        for code in found:
            given.setdefault(code, set()).add(path.relative_to(REPO).as_posix())
    return given


def test_every_code_the_package_gives_is_registered():
    unregistered = {code: sorted(where) for code, where in codes_given().items() if code not in CODES}
    assert unregistered == {}, "add these to generator/load/codes.py (or fix the spelling)"


def test_every_registered_code_is_given_somewhere():
    assert sorted(set(CODES) - set(codes_given())) == [], "no check produces these codes: remove them from the registry"


def test_every_finding_and_import_problem_names_its_code_by_keyword():
    """So the registry test above sees every code (and no producer leaves it out)."""
    missing = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = (
                node.func.id
                if isinstance(node.func, ast.Name)
                else node.func.attr
                if isinstance(node.func, ast.Attribute)
                else None
            )
            if name not in PRODUCERS or (name in ("one", "fail") and "edit" not in path.parts):
                continue
            if not any(k.arg == "code" for k in node.keywords):
                missing.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert missing == []


def test_codes_are_dutch_kebab_case_with_a_one_line_explanation():
    for code, text in CODES.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", code), code
        assert text and "\n" not in text and "|" not in text and text.endswith("."), code


def test_an_unregistered_code_is_refused():
    with pytest.raises(ValueError, match="not registered"):
        Finding("x.yaml", 1, 1, "bericht", code="bestaat-niet")


def test_every_error_type_the_models_raise_has_its_own_code():
    """The project's own pydantic error types (`dvo_*`) are grouped explicitly, never by the fallback."""
    raised = set()
    for path in (PACKAGE / "models").rglob("*.py"):
        raised |= set(re.findall(r"\"(dvo_[a-z_]+)\"", path.read_text(encoding="utf-8")))
    assert raised and raised <= set(PYDANTIC_CODES), sorted(raised - set(PYDANTIC_CODES))
    assert code_for("date_from_datetime_parsing") == "datum-ongeldig"
    assert code_for("iets_nieuws") == "waarde-ongeldig"


def test_the_readme_lists_every_code_with_its_explanation():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme.count(README_START) == 1 and readme.count(README_END) == 1
    table = readme.split(README_START, 1)[1].split(README_END, 1)[0]
    assert table == markdown_table(), (
        "the README's table differs from generator/load/codes.py: run `python -m generator.load.codes README.md`"
    )
    assert all(f"| `{code}` | {text} |" in table for code, text in CODES.items())


# --- Codes in real output -------------------------------------------------------------------

W = "gemeenten/wijchen.yaml"


def test_the_code_ends_the_line_of_each_finding(region: Region):
    region.replace(W, "      2016: 116900", "      2016: veel")
    line = region.line_of(W, "2016: veel")
    assert findings(region)[:-1] == [
        f"{W}:{line}:13: verplichtingen[0].bedrag[2016]: verwacht een bedrag in euro's, gevonden 'veel' "
        "[bedrag-ongeldig]"
    ]


def test_pydantic_errors_are_grouped_by_what_the_user_fixes(region: Region):
    """pydantic's error types become the code of the mistake: a Dutch thousands separator, a value
    that is not one of the choices, text where a block belongs, a misspelt field name."""
    region.replace(
        W, "    participatiebudget: 789908", "    participatiebudget: 789.908"
    )  # a Dutch thousands separator
    region.replace(W, "    soort: wiw-id-banen", "    soort: banen")
    region.replace(W, "kerngegevens:\n", "kerngegevens: veel\nkerngegevenz:\n")
    lines = findings(region)
    assert_finding(lines, f"{W}:{region.line_of(W, '789.908')}:25", "getalnotatie-ongeldig")
    assert_finding(lines, f"{W}:{region.line_of(W, 'soort: banen')}:12", "keuze-ongeldig")
    assert_finding(lines, f"{W}:{region.line_of(W, 'kerngegevens: veel')}:15", "structuur-ongeldig")
    assert_finding(lines, f"{W}:{region.line_of(W, 'kerngegevenz:')}:1", "veld-onbekend")
