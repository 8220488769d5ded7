"""CI templates for a region repository: they lint clean (actionlint with shellcheck, the
GitHub workflow and GitLab CI JSON schemas), the linters do catch a broken file, and every
`dvo` command line in them parses against the real command-line interface."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import click
import pytest
from ruamel.yaml import YAML

from generator.cli import main
from generator.publish.ci import CI_TEMPLATES, PLACEHOLDER, ci_files

BIN = Path(sys.executable).parent
GITHUB, GITLAB = ".github/workflows/dvo.yml", ".gitlab-ci.yml"


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(
            f"{name} ontbreekt in {BIN}: installeer de testpakketten met 'make test' (pip install -e '.[test]')."
        )
    return str(path)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """The CI files as `dvo init` writes them into a region repository."""
    root = tmp_path_factory.mktemp("regio-ci")
    for rel, text in ci_files().items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def actionlint(root: Path, rel: str) -> subprocess.CompletedProcess:
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.fail(
            "shellcheck ontbreekt (actionlint controleert er de scripts in de workflow mee): apt-get install "
            "shellcheck; 'make test' doet dat."
        )
    return subprocess.run(
        [tool("actionlint"), "-shellcheck", shellcheck, "-no-color", rel],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )


def schema_check(path: Path, schema: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", schema, str(path)], capture_output=True, text=True, timeout=120
    )


def test_the_ci_files_have_one_stable_place_and_pin_this_generator():
    assert set(ci_files()) == set(CI_TEMPLATES) == {GITHUB, GITLAB}
    pin = f"dvo-generator=={version('dvo-generator')}"
    for rel, text in ci_files().items():
        assert PLACEHOLDER not in text and f'DVO_PAKKET: "{pin}"' in text, rel
    assert (
        'DVO_PAKKET: "dvo-generator @ git+https://voorbeeld.invalid/dvo.git"'
        in ci_files("dvo-generator @ git+https://voorbeeld.invalid/dvo.git")[GITHUB]
    )


def test_github_workflow_passes_actionlint_and_shellcheck(repo):
    result = actionlint(repo, GITHUB)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_actionlint_reports_a_broken_workflow(repo, tmp_path):
    broken = tmp_path / GITHUB
    broken.parent.mkdir(parents=True)
    text = (repo / GITHUB).read_text(encoding="utf-8")
    broken.write_text(
        text.replace("needs: controleren\n", "needs: controlere\n").replace('cp "site/$bestand"', "cp site/$bestand"),
        encoding="utf-8",
    )
    result = actionlint(tmp_path, GITHUB)
    assert result.returncode == 1
    assert 'needs job "controlere" which does not exist' in result.stdout
    assert "SC2086" in result.stdout  # shellcheck ran on the run: scripts


@pytest.mark.parametrize(("rel", "schema"), [(GITHUB, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")])
def test_ci_files_match_their_json_schema(repo, rel, schema):
    result = schema_check(repo / rel, schema)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_reports_a_broken_gitlab_file(repo, tmp_path):
    broken = tmp_path / "gitlab-ci.yml"
    broken.write_text(
        (repo / GITLAB).read_text(encoding="utf-8").replace("parallel: 3", "parallel: drie"), encoding="utf-8"
    )
    result = schema_check(broken, "vendor.gitlab-ci")
    assert result.returncode == 1 and "$.bouwen.parallel" in result.stdout


def _commands(node) -> list[str]:
    """Every shell line of every `run:` (GitHub) and `script:` (GitLab) in a CI file."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                found += value.splitlines()
            elif key in ("script", "before_script") and isinstance(value, list):
                found += [line for item in value for line in str(item).splitlines()]
            else:
                found += _commands(value)
    elif isinstance(node, list):
        for item in node:
            found += _commands(item)
    return found


# What the CI runner puts in these variables; globs are expanded in the scratch folder.
SAMPLE = {"$DEEL": "2", "$DELEN": "3", "$CI_NODE_INDEX": "2", "$CI_NODE_TOTAL": "3"}


@pytest.mark.parametrize("rel", [GITHUB, GITLAB])
def test_every_dvo_command_in_the_ci_files_parses_against_the_cli(repo, rel, tmp_path, monkeypatch):
    lines = [line.strip() for line in _commands(YAML(typ="safe").load((repo / rel).read_text(encoding="utf-8")))]
    calls = [line[line.index("dvo ") :].split(">")[0] for line in lines if line.startswith("dvo ") or " dvo " in line]
    assert {shlex.split(c)[1] for c in calls} >= {"validate", "gemeenten", "build"}
    for n in (1, 2, 3):
        (tmp_path / "delen" / f"deel-{n}").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    for call in calls:
        for name, value in SAMPLE.items():
            call = call.replace(name, value)
        args = []
        for word in shlex.split(call)[1:]:
            args += sorted(str(p.relative_to(tmp_path)) for p in tmp_path.glob(word)) if "*" in word else [word]
        # The parent context carries the group's settings (-h as help option): click caches
        # a command's help option from the first context it sees, so a bare Context here
        # would leave `build -h` broken for every later test.
        parent = click.Context(main, info_name="dvo", **main.context_settings)
        command = main.get_command(parent, args[0])
        assert command is not None, f"{rel}: onbekend commando in '{call}'"
        try:
            command.make_context(args[0], args[1:], parent=parent)
        except click.UsageError as exc:
            pytest.fail(f"{rel}: '{call}' past niet bij de CLI: {exc.format_message()}")


def test_every_ci_job_that_reads_the_data_has_the_whole_history():
    """Vastgestelde DVO versions and reports are read from the revision recorded with them: a
    shallow checkout (GitHub's default) would make `dvo validate` refuse the data."""
    workflow = YAML(typ="safe").load(ci_files()[GITHUB])
    for name, job in workflow["jobs"].items():
        for step in job["steps"]:
            if str(step.get("uses", "")).startswith("actions/checkout"):
                assert step.get("with", {}).get("fetch-depth") == 0, name
    assert YAML(typ="safe").load(ci_files()[GITLAB])["variables"]["GIT_DEPTH"] == "0"
