"""Render keys: every input of a PDF changes the key; where files live does not."""

from __future__ import annotations

import datetime as dt
import shutil
import sys

from generator.publish.render_key import KeyMaker
from generator.render.pdf.request import PdfAttachment, PdfRequest
from generator.render.templating.search_path import PACKAGE_TEMPLATES
from generator.util import fingerprint


def request(dirs, html="<p>DVO</p>", datum=dt.date(2014, 11, 25), data=b"{}") -> PdfRequest:
    return PdfRequest(html, dirs, datum, (PdfAttachment("dvo-x.json", data, "Gegevens"),))


def test_each_input_of_the_pdf_changes_the_key():
    dirs = (PACKAGE_TEMPLATES,)
    keys = KeyMaker(dirs)
    base = keys.key(request(dirs))
    assert keys.key(request(dirs)) == base
    variants = [
        request(dirs, html="<p>DVO </p>"),
        request(dirs, datum=dt.date(2014, 11, 26)),
        request(dirs, data=b'{"a": 1}'),
    ]
    assert len({base} | {keys.key(r) for r in variants}) == 4


def test_an_overridden_asset_changes_the_key_but_the_location_does_not(tmp_path):
    one, two = tmp_path / "een" / "dvo_templates", tmp_path / "twee" / "dvo_templates"
    for folder in (one, two):
        (folder / "static").mkdir(parents=True)
        shutil.copyfile(PACKAGE_TEMPLATES / "static" / "print.css", folder / "static" / "print.css")
    key_one = KeyMaker((one, PACKAGE_TEMPLATES)).key(request((one, PACKAGE_TEMPLATES)))
    assert (
        KeyMaker((two, PACKAGE_TEMPLATES)).key(request((two, PACKAGE_TEMPLATES))) == key_one
    )  # other checkout, same key
    (two / "static" / "print.css").write_text("@page { size: A5; }\n", encoding="utf-8")
    assert KeyMaker((two, PACKAGE_TEMPLATES)).key(request((two, PACKAGE_TEMPLATES))) != key_one
    (two / "static" / "print.css").unlink()  # the override gone: the package's file is used, as without one
    assert KeyMaker((two, PACKAGE_TEMPLATES)).key(request((two, PACKAGE_TEMPLATES))) == KeyMaker(
        (PACKAGE_TEMPLATES,)
    ).key(request((PACKAGE_TEMPLATES,)))


def test_the_software_fingerprint_ignores_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "iets_anders-1.0.dist-info").mkdir()
    before = fingerprint.installed_distributions()
    monkeypatch.setattr(sys, "path", ["", str(tmp_path), *sys.path])
    monkeypatch.chdir(tmp_path)
    assert fingerprint.installed_distributions() == before
    assert any(name.startswith("weasyprint-") for name in before)
