"""Shared fixtures and helpers: writable copies of the example and fixture regions, the CLI,
and the findings of `dvo validate`."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from generator.cli import main
from tests.git_history import share_history

REPO = Path(__file__).resolve().parent.parent
# A fixed author and date for commits made by tests: the same commit hash every run.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_AUTHOR_DATE": "2015-01-01T12:00:00",
    "GIT_COMMITTER_DATE": "2015-01-01T12:00:00",
}

# Property tests check results, never time: a loaded CI machine must not fail them on a
# deadline (speed is measured in bench/, not in unit tests).
settings.register_profile("dvo", deadline=None)
settings.load_profile("dvo")
FIXTURES = REPO / "tests" / "fixtures"
# The gemeenten of the example region, in the order of content/regio.yaml.
SLUGS = [
    "beuningen",
    "druten",
    "groesbeek",
    "heumen",
    "millingen-aan-de-rijn",
    "mook-en-middelaar",
    "nijmegen",
    "ubbergen",
    "wijchen",
]
# Region-wide files a fixture region may leave out: it then gets the example region's.
FROM_THE_EXAMPLE = (
    "content/instrumentarium.yaml",
    "content/indicatoren.yaml",
    "content/verordening.yaml",
    "content/dvo-standaardbepalingen.yaml",
    "mkdocs.yml",
)


@dataclass
class Region:
    root: Path

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        self.path(rel).write_text(text, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str, count: int = 1) -> None:
        text = self.read(rel)
        assert text.count(old) >= count, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, count))

    def line_of(self, rel: str, fragment: str, nth: int = 1) -> int:
        """1-based line number of the nth line containing `fragment`."""
        hits = [i for i, line in enumerate(self.read(rel).splitlines(), 1) if fragment in line]
        assert len(hits) >= nth, f"{fragment!r} not found {nth}x in {rel}"
        return hits[nth - 1]

    def col_of(self, rel: str, fragment: str, nth: int = 1) -> int:
        line = self.read(rel).splitlines()[self.line_of(rel, fragment, nth) - 1]
        return line.index(fragment) + 1

    def override(self, rel: str) -> Path:
        """Copy the package's template `rel` into the region's dvo_templates/, to edit it there."""
        from generator.render.templating.search_path import PACKAGE_TEMPLATES

        target = self.root / "dvo_templates" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PACKAGE_TEMPLATES / rel, target)
        return target

    def dvo(self, *args: str):
        return CliRunner().invoke(main, [*args, "--root", str(self.root)])

    def commit(self, message: str) -> str:
        """Commit everything in the region's own repository (share_history); returns the commit hash."""
        env = {**os.environ, **GIT_ENV}
        for args in (("add", "-A"), ("commit", "-q", "-m", message)):
            subprocess.run(["git", "-C", str(self.root), *args], check=True, capture_output=True, env=env)
        return subprocess.run(
            ["git", "-C", str(self.root), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
        ).stdout.strip()


def findings(region: Region, *, exit_code: int = 1) -> list[str]:
    """The output lines of `dvo validate` (the findings, then the summary line), after checking
    its exit code and that it printed no traceback."""
    result = region.dvo("validate")
    assert result.exit_code == exit_code, result.output
    assert "Traceback" not in result.output
    return result.output.splitlines()


# `path:line:col: message [code]`, as `dvo validate` prints a finding.
FINDING = re.compile(r"(?P<location>.+?:\d+:\d+): (?P<message>.*) \[(?P<code>[a-z0-9-]+)\]")


def located(lines: list[str]) -> list[tuple[str, str]]:
    """(location, code) of every finding among `lines`, in their order."""
    return [(m["location"], m["code"]) for m in map(FINDING.fullmatch, lines) if m]


def assert_finding(lines: list[str], location: str, code: str) -> None:
    """A finding at `location` (`path:line:col`) with the finding code `code`."""
    at = [c for loc, c in located(lines) if loc == location]
    assert at, f"no finding at {location}; got:\n" + "\n".join(lines)
    assert code in at, f"{location}: [{code}] expected, found {at}"


def only_finding(region: Region) -> str:
    """The one finding of `dvo validate` (there must be exactly one)."""
    lines = findings(region)
    assert len(lines) == 2, lines  # the finding and the summary line
    return lines[0]


def assert_only_finding(region: Region, location: str, code: str) -> str:
    """`dvo validate` reports exactly one finding, at `location` with `code`; returns its line."""
    line = only_finding(region)
    assert_finding([line], location, code)
    return line


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now (for `dvo serve` in a test)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(root: Path, port: int, *, jobs: int = 2, **popen) -> subprocess.Popen:
    """`dvo serve` on `root` in its own process (as a user starts it), its output in a pipe;
    CI=1 so it opens no browser. The caller stops it."""
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--root", str(root), "--port", str(port), "--jobs", str(jobs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "CI": "1"},
        **popen,
    )


def copy_region(target: Path, *, git: bool = True) -> Path:
    """The example region's sources (not its build output) in `target`; with `git`, an empty
    repository beside them that reads this repository's history (share_history)."""
    for folder in ("content", "gemeenten", "dvo_templates"):
        if (REPO / folder).exists():
            shutil.copytree(REPO / folder, target / folder)
    for name in ("mkdocs.yml",):
        if (REPO / name).exists():
            shutil.copy(REPO / name, target / name)
    return share_history(target) if git else target


def fixture_region(name: str, target: Path) -> Path:
    """A writable copy of the fixture region tests/fixtures/<name> in `target`; what it leaves
    out of FROM_THE_EXAMPLE (catalogues, standard text, mkdocs.yml) comes from the example."""
    shutil.copytree(FIXTURES / name, target, dirs_exist_ok=True)
    for rel in FROM_THE_EXAMPLE:
        if not (target / rel).exists():
            shutil.copy(REPO / rel, target / rel)
    return target


def copy_maasland(target: Path) -> Path:
    """The small second region (tests/fixtures/regio-maasland), with the example's catalogues and
    standard text; the standard text's escalation body becomes Maasland's own. Its own
    mkdocs.yml names its own page werkplein.md and not the default werkbedrijf.md."""
    fixture_region("regio-maasland", target)
    standard = target / "content" / "dvo-standaardbepalingen.yaml"
    text = standard.read_text(encoding="utf-8")
    text = text.replace(
        "geagendeerd in de bestuurscommissie Werk.", "geagendeerd in [[gegeven:escalatie]]."
    )  # from rapportage.escalatie
    standard.write_text(
        text.replace("de bestuurscommissie Werk", "het dagelijks bestuur van het Werkplein"), encoding="utf-8"
    )
    return target


def build_source(project, revisie: str = "test"):
    """What a build step reads (publish/inputs.BuildSource) for a loaded project, without git."""
    from generator.compute.verantwoording import Verantwoording
    from generator.publish.inputs import BuildSource

    return BuildSource(project, Verantwoording(project), revisie)


def flat(text: str) -> str:
    """Whitespace as single spaces: PDF text breaks lines wherever the layout does."""
    return " ".join(text.split())


def document_html(root: Path, name: str) -> Path:
    """The standalone HTML of a built document (`dvo-druten`, `rapport-druten-2016`): the
    source of its PDF. The site shows the same document as a page (its reading copy)."""
    return root / ".staging" / "html" / f"{name}.html"


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of the PDF at `path`. Many tests read the same PDFs of a shared
    build, and pypdf takes seconds per document: the text is kept per file version (path,
    size, modification time), so a file a test wrote anew is read again."""
    st = Path(path).stat()
    return list(_pdf_pages(str(path), st.st_size, st.st_mtime_ns))


@functools.lru_cache(maxsize=256)
def _pdf_pages(path: str, size: int, mtime_ns: int) -> tuple[str, ...]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return tuple((page.extract_text() or "").replace("\u00a0", " ") for page in reader.pages)


@pytest.fixture
def region(tmp_path: Path) -> Region:
    return Region(copy_region(tmp_path))


@pytest.fixture
def fetched(monkeypatch) -> list[str]:
    """Every URL WeasyPrint asks the PDF fetcher for during the test (in this process)."""
    from generator.render.pdf.fetcher import AssetFetcher

    urls: list[str] = []
    original = AssetFetcher.__call__
    monkeypatch.setattr("generator.render.pdf.style._STYLES", {})  # print.css and fonts fetched again too

    def spy(self, url, *args, **kwargs):
        urls.append(url)
        return original(self, url, *args, **kwargs)

    monkeypatch.setattr(AssetFetcher, "__call__", spy)
    return urls


@pytest.fixture(scope="session", autouse=True)
def shared_revision_facts(tmp_path_factory):
    """Every copy of the example records the same two revisions: what `dvo validate` and
    `dvo build` read of them is kept once for the session (load/revisie_feiten.py), not
    once per copy. Tests of that cache itself set their own folder."""
    from generator.load.revisie_feiten import ENV

    before = os.environ.get(ENV)
    os.environ[ENV] = str(tmp_path_factory.mktemp("revisiefeiten"))
    yield
    if before is None:
        os.environ.pop(ENV, None)
    else:
        os.environ[ENV] = before


# ---- Builds shared by the whole run -------------------------------------------------------
#
# Rendering PDFs is most of the suite's time, so every region that tests only read is built
# once per run: under pytest-xdist by whichever worker asks first while the others wait for
# it (a file lock in the run's temporary folder, which all workers share), without xdist in
# the one process. A shared build is read-only: a test that changes files works on a copy
# (`warm`, `copy_of`). That is checked: when the fixture that asked for a shared build is
# torn down, every file must still have the bytes it had after the build.


def run_dir(tmp_path_factory) -> Path:
    """The temporary folder of the whole test run. Each xdist worker has its own basetemp
    inside it (popen-gw0, ...); without xdist it is the basetemp itself."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def fingerprint(root: Path) -> dict[str, str]:
    """sha256 of every file under `root` (symbolic links by their target), by relative path;
    not git's own files (git refreshes its index when it reads) nor compiled code: Python's
    bytecode and the compiled Jinja templates a test adds when it renders from a shared build."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if {".git", "__pycache__"} & set(path.relative_to(root).parts) or "/.staging/cache/jinja/" in f"/{rel}":
            continue
        if path.is_symlink():
            out[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def shared(request, tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `make(folder)` filled, made once per test run and shared by every test
    (and every xdist worker) that asks for `name`. A failed `make` fails each asker with its
    message. When the asking fixture ends, the folder must be as `make` left it."""
    base = run_dir(tmp_path_factory) / "gedeeld"
    base.mkdir(exist_ok=True)
    folder, status, prints = base / name, base / f"{name}.status", base / f"{name}.sha256"
    with _locked(base / f"{name}.lock"):
        if not status.exists():
            try:
                make(folder)
            except BaseException as error:
                status.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
                raise
            prints.write_text(json.dumps(fingerprint(folder)), encoding="utf-8")
            status.write_text("ok", encoding="utf-8")
    outcome = status.read_text(encoding="utf-8")
    if outcome != "ok":
        pytest.fail(f"de gedeelde bouw {name} mislukte:\n{outcome}", pytrace=False)

    def unchanged() -> None:
        expected = json.loads(prints.read_text(encoding="utf-8"))
        now = fingerprint(folder)
        changed = sorted(rel for rel in expected.keys() | now.keys() if expected.get(rel) != now.get(rel))
        assert not changed, f"een test veranderde de gedeelde bouw {name} (werk op een kopie): {changed[:20]}"

    request.addfinalizer(unchanged)
    return folder


def copy_of(source: Path, target: Path) -> Path:
    """A writable copy of a shared build (`target` must not exist yet)."""
    shutil.copytree(source, target, symlinks=True)
    return target


def build_region(root: Path, *args: str) -> None:
    """`dvo build --jobs 2 ARGS` in `root`, which must succeed."""
    result = CliRunner().invoke(main, ["build", "--jobs", "2", *args, "--root", str(root)])
    assert result.exit_code == 0, result.output


@pytest.fixture
def dvo_only(monkeypatch):
    """Builds in this test make the DVO's only, no reports: for tests of what the DVO shows or
    of a path the reports share with it, since reports take long to render."""
    monkeypatch.setattr("generator.compute.verantwoording.Verantwoording.perioden", property(lambda self: []))


@pytest.fixture(scope="session")
def built(request, tmp_path_factory) -> Path:
    """The example region built once (`dvo build`, two worker processes), read by all tests.

    Without xdist, when the browser tests are in this session, their Chromium run starts
    now in the background on a copy of the site (tests/browser_check.py) and is collected
    by them. Under xdist the worker that runs them starts it, while the other works on."""
    from tests import browser_check

    def make(root: Path) -> None:
        copy_region(root)
        build_region(root)

    root = shared(request, tmp_path_factory, "regio", make)
    wanted = any(item.nodeid.startswith("tests/test_site_browser.py") for item in request.session.items)
    if wanted and not os.environ.get("PYTEST_XDIST_WORKER") and browser_check.missing_tools() is None:
        try:
            run = browser_check.BrowserRun(root / "site", tmp_path_factory.mktemp("browser"))
        except Exception:  # the browser tests start it again and report why; not every user of `built`
            return root
        browser_check.RUNS.append(run)
        request.addfinalizer(run.stop)
    return root


@pytest.fixture
def warm(built, tmp_path) -> Region:
    """A copy of the built example region, with its site and render cache: a build in it
    renders only what the test changes."""
    return Region(copy_of(built, tmp_path / "regio"))


@pytest.fixture(scope="session")
def built_druten(request, tmp_path_factory) -> Path:
    """The example region after `dvo build --gemeente druten`: Druten's DVO and reports and
    a site that links what exists; read by tests, copied (`druten`) by those that go on."""

    def make(root: Path) -> None:
        copy_region(root)
        build_region(root, "--gemeente", "druten")

    return shared(request, tmp_path_factory, "druten", make)


@pytest.fixture
def druten(built_druten, tmp_path) -> Region:
    """A writable copy of `built_druten`, as if the test had built Druten itself first."""
    return Region(copy_of(built_druten, tmp_path / "regio"))


TERTAAL = FIXTURES / "tertaal"


@pytest.fixture
def tertaal_region(tmp_path: Path) -> Region:
    """A writable copy of the small tertaal fixture region (tests/fixtures/tertaal)."""
    return Region(fixture_region("tertaal", tmp_path / "tertaal"))


@pytest.fixture(scope="session")
def built_tertaal(request, tmp_path_factory) -> Path:
    """The tertaal fixture region built once with `dvo build`, shared by its tests."""

    def make(root: Path) -> None:
        shutil.copytree(TERTAAL, root)
        build_region(root)

    return shared(request, tmp_path_factory, "tertaal", make)


@pytest.fixture(scope="session")
def project():
    from generator.load.project import load_project

    return load_project(REPO)


def bench_module(name: str):
    """A script under bench/ as a module (bench/ is not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def region_90(tmp_path_factory) -> Path:
    """A synthetic, valid region of 90 gemeenten made from the example by bench/scale.py."""
    return bench_module("scale").generate(90, tmp_path_factory.mktemp("schaal") / "regio")
