"""The mkdocs memo (publish/mkdocs_memo.py) writes a result when it is made, yet a next build
reuses only what a build that succeeded made."""

from __future__ import annotations

import json

from generator.publish.mkdocs_memo import Memo


def _memo(tmp_path) -> Memo:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Test\n", encoding="utf-8")
    return Memo(tmp_path / "memo", config)


def _kept(tmp_path) -> dict[str, object]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "memo").glob("*.json")}


def test_a_result_is_on_disk_at_once_but_reused_only_after_the_build_succeeded(tmp_path):
    memo = _memo(tmp_path)
    memo.put("p-a.json", {"content": "<p>één</p>"})
    assert memo.used == {"p-a.json"} and memo.get("p-a.json") == {"content": "<p>één</p>"}  # this build sees it
    assert _kept(tmp_path) == {}  # not in memory only, and not yet for another build
    assert (tmp_path / "memo" / "pending" / "p-a.json").is_file()

    # The build failed or was stopped (no save): the next one starts without its results.
    again = _memo(tmp_path)
    assert again.get("p-a.json") is None and not (tmp_path / "memo" / "pending").exists()
    again.put("p-a.json", {"content": "<p>twee</p>"})
    again.put("z-a.json", [{"text": "twee"}])
    again.save()
    assert _kept(tmp_path) == {"p-a.json": {"content": "<p>twee</p>"}, "z-a.json": [{"text": "twee"}]}
    assert not (tmp_path / "memo" / "pending").exists()

    # A build keeps what it used and made, and drops the rest.
    third = _memo(tmp_path)
    assert third.get("z-a.json") == [{"text": "twee"}]
    third.put("t-b.json", "<html></html>")
    third.save()
    assert _kept(tmp_path) == {"z-a.json": [{"text": "twee"}], "t-b.json": "<html></html>"}


def test_a_build_that_converted_a_page_without_the_memo_saves_nothing(tmp_path):
    memo = _memo(tmp_path)
    memo.put("p-a.json", {"content": "x"})
    memo.complete = False  # e.g. mkdocs logging at DEBUG: its own conversion, not memoised
    memo.save()
    assert _kept(tmp_path) == {} and not (tmp_path / "memo" / "pending").exists()
