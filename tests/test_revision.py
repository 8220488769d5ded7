"""The source revision on draft documents: the last commit that changed the region's sources."""

from __future__ import annotations

import subprocess

from generator.util.revision import source_revision


def git(root, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@voorbeeld.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@voorbeeld.invalid", "GIT_AUTHOR_DATE": "2014-11-25T12:00:00", "GIT_COMMITTER_DATE": "2014-11-25T12:00:00"}
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=env).stdout.strip()


def test_revision_is_the_last_commit_that_changed_the_sources(tmp_path, monkeypatch):
    monkeypatch.delenv("DVO_REVISIE", raising=False)
    assert source_revision(tmp_path) == "onbekend"  # not a repository
    git(tmp_path, "init", "-q")
    (tmp_path / "gemeenten").mkdir()
    (tmp_path / "gemeenten" / "a.yaml").write_text("slug: a\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "gegevens")
    data_commit = git(tmp_path, "log", "-1", "--format=%h", "--abbrev=10")
    (tmp_path / "README.md").write_text("Uitleg\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "alleen uitleg")
    assert git(tmp_path, "rev-parse", "--short=10", "HEAD") != data_commit
    assert source_revision(tmp_path) == data_commit  # a README commit changes no document
    (tmp_path / "gemeenten" / "a.yaml").write_text("slug: a\nnaam: A\n")
    git(tmp_path, "commit", "-qam", "gegevens bijgewerkt")
    assert source_revision(tmp_path) == git(tmp_path, "rev-parse", "--short=10", "HEAD")
    monkeypatch.setenv("DVO_REVISIE", "release-2015")
    assert source_revision(tmp_path) == "release-2015"
