"""The package shows the pipeline: each stage imports only the stages before it, and no
module imports itself back through a cycle (see docs/ARCHITECTURE.md).

Imports are read with `ast`, including the lazy ones inside functions, so a
backwards import cannot hide in a command body.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "generator"

# Data flows one way through these stages; a stage may import itself and those before it.
STAGES = ["util", "models", "load", "compute", "render", "publish", "edit", "cli"]
# Modules outside the stages: the package's version and `python -m generator`.
ROOT_MODULES = {"generator": set(), "generator.__main__": {"cli"}}


def module_name(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, name: str) -> set[str]:
    """Every generator module `name` imports, anywhere in the file."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "generator"}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            if base.split(".")[0] != "generator":
                continue
            found.add(base)
            # `from generator.render import charts` imports the module generator.render.charts
            found |= {f"{base}.{a.name}" for a in node.names}
    return found


def import_graph(package: Path) -> dict[str, set[str]]:
    modules = {module_name(p, package): p for p in package.rglob("*.py")}
    return {name: {m for m in imports_of(path, name) if m in modules and m != name} for name, path in modules.items()}


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def backward_imports(graph: dict[str, set[str]]) -> list[str]:
    problems = []
    for module, targets in sorted(graph.items()):
        stage = stage_of(module)
        for target in sorted(targets):
            target_stage = stage_of(target)
            if stage is None:
                allowed = ROOT_MODULES.get(module)
                if allowed is None:
                    problems.append(f"{module} is in no stage; put it in one of {STAGES}")
                elif target_stage not in allowed:
                    problems.append(f"{module} imports {target}")
            elif target_stage is None or STAGES.index(target_stage) > STAGES.index(stage):
                problems.append(f"{module} ({stage}) imports {target} ({target_stage}), a later stage")
    return problems


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each import cycle once, found by depth-first search."""
    found, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            # a package's __init__ importing its own modules is not a cycle through them
            if nxt.startswith(node + "."):
                continue
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return found


def test_every_module_sits_in_a_stage_and_imports_only_earlier_stages():
    graph = import_graph(PACKAGE)
    assert len(graph) > 30
    assert backward_imports(graph) == []


def test_no_import_cycles():
    assert cycles(import_graph(PACKAGE)) == []


def test_the_check_catches_a_backward_import_and_a_cycle(tmp_path):
    fake = tmp_path / "generator"
    for rel, text in {
        "__init__.py": "",
        "load/__init__.py": "",
        "load/project.py": "from generator.load import rules\n",
        "load/rules.py": "def f():\n    from generator.load.project import Project\n",
        "compute/__init__.py": "",
        "compute/kpi.py": "from generator.models.catalog import Indicator\n",
        "models/__init__.py": "",
        "models/catalog.py": "from generator.compute import kpi\n",
    }.items():
        (fake / rel).parent.mkdir(parents=True, exist_ok=True)
        (fake / rel).write_text(text)
    graph = import_graph(fake)
    assert backward_imports(graph) == [
        "generator.models.catalog (models) imports generator.compute (compute), a later stage",
        "generator.models.catalog (models) imports generator.compute.kpi (compute), a later stage",
    ]
    assert ["generator.load.project", "generator.load.rules", "generator.load.project"] in cycles(graph)
