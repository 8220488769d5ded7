"""pre-commit: the project ships its hook (.pre-commit-hooks.yaml), uses it itself
(.pre-commit-config.yaml), and a region made by `dvo init` runs it on every commit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from generator.cli import main
from tests.conftest import REPO
from tests.nieuwe_regio import ORGANISATIE

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
HOOK_FIELDS = ("id", "name", "entry", "language", "pass_filenames", "files")


def _yaml(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _env(tmp_path: Path) -> dict:
    """pre-commit's cache in the test folder; `dvo` of this virtualenv on PATH (the hook's entry)."""
    bin_dir = str(Path(sys.executable).parent)
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"),
        "PATH": bin_dir + os.pathsep + os.environ["PATH"],
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }


def test_manifest_and_own_config_are_valid_pre_commit_files():
    for command, path in (
        ("validate-manifest", ".pre-commit-hooks.yaml"),
        ("validate-config", ".pre-commit-config.yaml"),
    ):
        proc = subprocess.run([*PRE_COMMIT, command, str(REPO / path)], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stdout + proc.stderr


def _hook(hooks: list[dict], hook_id: str) -> dict:
    return {k: v for k, v in next(h for h in hooks if h["id"] == hook_id).items() if k in HOOK_FIELDS}


def test_the_project_and_new_regions_use_the_shipped_hook(tmp_path):
    shipped = _yaml(REPO / ".pre-commit-hooks.yaml")
    local = _hook(shipped, "dvo-validate-lokaal")
    own = _yaml(REPO / ".pre-commit-config.yaml")["repos"][0]
    assert own["repo"] == "local" and _hook(own["hooks"], "dvo-validate-lokaal") == local
    assert (
        CliRunner()
        .invoke(main, ["init", str(tmp_path / "r"), "--regio", "R", "--gemeente", "A:GM0001", *ORGANISATIE])
        .exit_code
        == 0
    )
    written = _yaml(tmp_path / "r" / ".pre-commit-config.yaml")["repos"][0]
    assert written["repo"] == "local" and _hook(written["hooks"], "dvo-validate-lokaal") == local
    # The python variant runs the same command on the same files.
    assert {k: v for k, v in _hook(shipped, "dvo-validate").items() if k not in ("id", "language")} == {
        k: v for k, v in local.items() if k not in ("id", "language")
    }


@pytest.mark.parametrize("broken", [False, True])
def test_a_commit_in_a_new_region_runs_dvo_validate(tmp_path, broken):
    region = tmp_path / "regio"
    assert (
        CliRunner()
        .invoke(
            main,
            [
                "init",
                str(region),
                "--regio",
                "Regio",
                "--gemeente",
                "Aa en Hunze:GM1680",
                "--periode",
                "2025-2026",
                *ORGANISATIE,
            ],
        )
        .exit_code
        == 0
    )
    env = _env(tmp_path)

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", "-C", str(region), *args], capture_output=True, text=True, env=env, timeout=60)

    assert (region / ".git").is_dir()  # dvo init made the repository, with its first commit
    first = git("rev-parse", "HEAD").stdout.strip()
    assert (
        subprocess.run([*PRE_COMMIT, "install"], cwd=region, env=env, capture_output=True, timeout=120).returncode == 0
    )
    path = region / "gemeenten" / "aa-en-hunze.yaml"
    if broken:
        path.write_text(
            path.read_text(encoding="utf-8").replace("participatiebudget: 0", "participatiebudget: 2.100.000", 1),
            encoding="utf-8",
        )
    else:
        path.write_text(
            path.read_text(encoding="utf-8").replace("participatiebudget: 0", "participatiebudget: 2100000", 1),
            encoding="utf-8",
        )
    git("add", "-A")
    commit = git("commit", "-m", "eerste versie")
    if broken:
        assert commit.returncode != 0
        line = path.read_text(encoding="utf-8").splitlines().index("    participatiebudget: 2.100.000") + 1
        assert (
            f"gemeenten/aa-en-hunze.yaml:{line}:25: financien[2025].participatiebudget: verwacht een bedrag in "
            "euro's zonder "
            "scheidingsteken voor duizendtallen (schrijf 2100000)" in commit.stdout + commit.stderr
        )
        assert git("rev-parse", "HEAD").stdout.strip() == first  # nothing was committed
    else:
        assert commit.returncode == 0, commit.stdout + commit.stderr
        assert "dvo validate" in commit.stdout + commit.stderr and "Passed" in commit.stdout + commit.stderr


def test_the_shipped_manifest_works_from_this_repository(tmp_path):
    """`pre-commit try-repo` uses .pre-commit-hooks.yaml exactly as a region's remote `repo:` would."""
    region = tmp_path / "regio"
    assert (
        CliRunner()
        .invoke(main, ["init", str(region), "--regio", "Regio", "--gemeente", "A:GM0001", *ORGANISATIE])
        .exit_code
        == 0
    )
    env = _env(tmp_path)
    subprocess.run(["git", "-C", str(region), "add", "-A"], check=True, env=env)
    proc = subprocess.run(
        [*PRE_COMMIT, "try-repo", str(REPO), "dvo-validate-lokaal", "--all-files"],
        cwd=region,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout
