"""The print stylesheet and fonts made once per process (render/pdf/style.py): the same bytes
as a fresh one, read again after an edit, and no temporary font folder left behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.render.pdf.style import print_style
from generator.render.templating.search_path import PACKAGE_TEMPLATES, Templates

ROOT = Path(__file__).resolve().parent.parent

# A fresh process renders one document of a build, as the first and only PDF of its style.
ALONE = """
import sys
from pathlib import Path
from generator.compute.verantwoording import Verantwoording
from generator.load.project import load_project
from generator.publish.inputs import BuildSource
from generator.publish.jobs import Job, _html_and_request

project = load_project(Path(sys.argv[1]))
source = BuildSource(project, Verantwoording(project), "")  # a DVO shows no source revision
sys.stdout.buffer.write(_html_and_request(source, Job("dvo", "wijchen")).pdf_request.render())
"""


def test_a_pdf_made_with_the_reused_style_is_the_pdf_a_fresh_process_makes(built):
    """In the build, a worker made DVO Wijchen after other documents, with the style it had
    made for the first; alone in a fresh process it is made with a new one: same bytes."""
    out = subprocess.run(
        [sys.executable, "-c", ALONE, str(built)],
        capture_output=True,
        check=True,
        cwd=ROOT,
        timeout=300,
    ).stdout
    assert out.startswith(b"%PDF") and out == (built / ".staging" / "docs" / "pdf" / "dvo-wijchen.pdf").read_bytes()


def test_an_edited_print_css_is_read_again_and_its_old_fonts_removed(tmp_path):
    own = tmp_path / "dvo_templates"
    (own / "static").mkdir(parents=True)
    shutil.copyfile(PACKAGE_TEMPLATES / "static" / "print.css", own / "static" / "print.css")
    templates = Templates((own, PACKAGE_TEMPLATES))
    first = print_style(templates)
    assert print_style(templates) is first  # reused while nothing changed
    folder = Path(first.fonts._folder)
    assert folder.is_dir()  # the shipped fonts, copied by WeasyPrint
    with (own / "static" / "print.css").open("a", encoding="utf-8") as css:
        css.write("\nh1 { color: #1f4e79; }\n")
    second = print_style(templates)
    assert second is not first and not folder.exists()


WORKERS = """
import datetime as dt, sys
from concurrent.futures import ProcessPoolExecutor
from generator.render.pdf.request import PdfRequest
from generator.render.templating.search_path import PACKAGE_TEMPLATES

html = '<html lang="nl"><head><title>T</title></head><body><main><h1>Proef</h1><p>Tekst.</p></main></body></html>'
request = PdfRequest(html, (PACKAGE_TEMPLATES,), dt.date(2016, 1, 1))
with ProcessPoolExecutor(2) as pool:
    assert all(pdf.startswith(b"%PDF") for pdf in pool.map(PdfRequest.render, [request] * 4))
request.render()  # and one in the main process
"""


def test_no_font_folder_is_left_behind_by_worker_processes_or_the_main_process(tmp_path):
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    subprocess.run([sys.executable, "-c", WORKERS], check=True, cwd=ROOT, env=env, timeout=300)
    assert not list(tmp_path.glob("weasyprint-*"))


LONG_TMPDIR = """
import sys, tempfile
from generator.publish.jobs import _pool

with _pool(2) as pool:
    assert list(pool.map(abs, [-1, -2])) == [1, 2]
"""


def test_workers_start_when_the_temporary_folder_is_too_long_for_a_socket(tmp_path):
    """The fork server listens on a socket in TMPDIR (a path of at most 107 bytes); with a
    longer TMPDIR the workers are forked from the build instead, and the PDFs are still made."""
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    env = {**os.environ, "TMPDIR": str(deep)}
    subprocess.run([sys.executable, "-c", LONG_TMPDIR], check=True, cwd=ROOT, env=env, timeout=120)
