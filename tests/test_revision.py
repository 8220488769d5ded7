"""The source revision on documents: the git revision of the repository holding the region's
data, `+gewijzigd` when the region's files have uncommitted or untracked changes, and
"geen revisie" when the data is in no repository."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.load.layout import Layout
from generator.util.revision import source_revision
from tests.conftest import document_html
from tests.nieuwe_regio import ORGANISATIE

IDENTITY = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}
HASH = r"[0-9a-f]{10}"


@pytest.fixture(autouse=True)
def no_override(monkeypatch):
    monkeypatch.delenv("DVO_REVISIE", raising=False)
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout.strip()


def new_region(path: Path, *, commit: bool) -> Path:
    """A region from `dvo init`, which makes its first commit; `commit=False`: a repository
    without any commit yet (or, inside another repository, no repository of its own)."""
    result = CliRunner().invoke(
        main,
        [
            "init",
            str(path),
            "--regio",
            "Proef",
            "--gemeente",
            "Aa en Hunze:GM1680",
            "--periode",
            "2025-2026",
            *ORGANISATIE,
        ],
    )
    assert result.exit_code == 0, result.output
    if (path / ".git").is_dir():
        assert git(path, "log", "--format=%s") == "Nieuwe regio Proef (dvo init)"
        if not commit:
            shutil.rmtree(path / ".git")
            git(path, "init", "-q")
    return path


def revision(root: Path) -> str:
    return source_revision(root, Layout(root).sources)


def test_no_repository_means_no_revision(tmp_path):
    (tmp_path / "content").mkdir()
    assert revision(tmp_path) == "geen revisie"


def test_a_repository_without_a_commit_has_no_revision_yet(tmp_path):
    assert revision(new_region(tmp_path / "r", commit=False)) == "geen revisie"


def test_clean_committed_region_shows_the_commit(tmp_path):
    root = new_region(tmp_path / "r", commit=True)
    assert revision(root) == git(root, "rev-parse", "--short=10", "HEAD")
    assert re.fullmatch(HASH, revision(root))


def test_a_changed_region_file_is_marked(tmp_path):
    root = new_region(tmp_path / "r", commit=True)
    path = root / "gemeenten" / "aa-en-hunze.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# notitie\n", encoding="utf-8")
    assert revision(root) == git(root, "rev-parse", "--short=10", "HEAD") + "+gewijzigd"


def test_an_untracked_region_is_marked(tmp_path):
    # The data lies in a repository that has commits, but the region's files were never added.
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "LEESMIJ.txt").write_text("andere inhoud\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "eerst")
    root = new_region(repo / "regio", commit=False)  # inside a repository: init makes none of its own
    assert not (root / ".git").exists()
    assert revision(root) == git(repo, "rev-parse", "--short=10", "HEAD") + "+gewijzigd"


def test_changes_outside_the_region_files_do_not_count(tmp_path):
    root = new_region(tmp_path / "r", commit=True)
    (root / "notities.txt").write_text("geen gegevens\n", encoding="utf-8")
    (root / "site").mkdir()  # build output is git-ignored
    (root / "site" / "index.html").write_text("<p></p>\n", encoding="utf-8")
    assert re.fullmatch(HASH, revision(root))


def test_dvo_revisie_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("DVO_REVISIE", "v2025.1")
    assert revision(tmp_path) == "v2025.1"


def test_the_report_shows_the_marked_revision(tmp_path):
    root = new_region(tmp_path / "r", commit=True)
    path = root / "gemeenten" / "aa-en-hunze.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    streefwaarden:\n      2025: 0\n      2026: 0\n",
        "    streefwaarden:\n      2025: 12\n      2026: 12\n    realisaties:\n      2025: 9\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    head = git(root, "rev-parse", "--short=10", "HEAD")
    result = CliRunner().invoke(main, ["build", "--jobs", "1", "--root", str(root)])
    assert result.exit_code == 0, result.output
    html = document_html(root, "rapport-aa-en-hunze-2025").read_text(encoding="utf-8")
    assert f"bronrevisie {head}+gewijzigd" in html
    page = (root / "site" / "gemeenten" / "aa-en-hunze" / "rapport-2025" / "index.html").read_text(encoding="utf-8")
    assert f"bronrevisie {head}+gewijzigd" in page  # the reading copy on the site


def test_a_commit_outside_the_region_files_keeps_the_revision(tmp_path):
    """Documents show the last commit that changed the region's data: a README fix changes
    no document, so it neither changes their revision nor makes a build render them again."""
    root = new_region(tmp_path / "r", commit=True)
    data_commit = git(root, "rev-parse", "--short=10", "HEAD")
    (root / "LEESMIJ.md").write_text("Uitleg bij de regio\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "alleen uitleg")
    assert git(root, "rev-parse", "--short=10", "HEAD") != data_commit
    assert revision(root) == data_commit
    path = root / "gemeenten" / "aa-en-hunze.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# notitie\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "gegevens")
    assert revision(root) == git(root, "rev-parse", "--short=10", "HEAD")
