"""Carry the HTML semantics that WeasyPrint's tagging drops onto the PDF structure tree.

WeasyPrint (`pdf_tags=True`) makes one structure element per box and page. It does not
record which HTML element a box came from, so an element split over two pages becomes
two elements, and an anonymous block inside a heading becomes a heading inside the
heading. It also leaves out `scope`, `aria-hidden`, a chart's description, `lang` and the
text of a link.

While WeasyPrint builds the tree, `semantic_tags()` wraps its per-box builder and
writes those facts onto each element it yields:

- `/DVOSource n`: the HTML element the box came from (numbered in order of first use);
- `/DVOArtifact true`: decoration (`aria-hidden="true"`, the dots of `leader()`);
- `/Alt` of a chart: its accessible name *and* description (title and desc);
- `/Scope` of a header cell, from `scope` (pdf_ua fills in HTML's default where it is absent);
- `/Lang` where the HTML sets `lang`;
- `/Contents` of a link annotation: the link text, instead of the anchor name.

`pdf_ua.finish()` reads the two private keys, finishes the tree and removes them.
The builder is swapped only for the duration of one render; WeasyPrint is pinned
(<71) and `pdf_ua` refuses a tree without sources, so a change of that internal
function fails the build instead of publishing an untested structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

SOURCE = "DVOSource"
ARTIFACT = "DVOArtifact"
SVG = "{http://www.w3.org/2000/svg}"
SCOPES = {"row": "/Row", "rowgroup": "/Row", "col": "/Column", "colgroup": "/Column"}


@contextmanager
def semantic_tags() -> Iterator[None]:
    from weasyprint.layout.absolute import AbsolutePlaceholder
    from weasyprint.pdf import tags

    original = tags._build_box_tree
    sources: dict[int, tuple[int, object]] = {}
    done: set[int] = set()  # structure elements (kept alive by WeasyPrint's PDF) already annotated

    def build(box, parent, pdf, page_number, nums, annotations, marked):
        real = box._box if isinstance(box, AbsolutePlaceholder) else box
        for element in original(box, parent, pdf, page_number, nums, annotations, marked):
            # html, body and page boxes pass their children's elements up: the
            # innermost call, the box the element was made for, has already been here.
            if id(element) not in done:
                done.add(id(element))
                _annotate(element, real, sources)
            yield element

    # WeasyPrint recurses through the module-level name, so every box passes here.
    tags._build_box_tree = build
    try:
        yield
    finally:
        tags._build_box_tree = original


def _annotate(element, box, sources: dict[int, tuple[int, object]]) -> None:
    import pydyf

    html = box.element
    if html is None:
        return
    # Keep the element alive with its number, so id() cannot be reused mid-render.
    number, _ = sources.setdefault(id(html), (len(sources), html))
    element[SOURCE] = number
    if getattr(box, "is_leader", False) or html.get("aria-hidden") == "true":
        element[ARTIFACT] = "true"
    role = element["S"]
    if role == "/Figure" and html.tag == SVG + "svg":
        text = figure_text(html)
        if text:
            element["Alt"] = pydyf.String(text)
    elif role == "/TH" and (html.get("scope") or "").lower() in SCOPES:
        element["A"]["Scope"] = SCOPES[html.get("scope").lower()]
    elif role == "/Link" and box.link_annotation is not None:
        text = _plain(html)
        if text:
            box.link_annotation["Contents"] = pydyf.String(text)
    if html.get("lang"):  # the document's own language is the catalog's /Lang (html and body make no element)
        element["Lang"] = pydyf.String(html.get("lang"))


def figure_text(svg) -> str:
    """The accessible name and description of an SVG, as one text: its title, then its desc."""
    by_id = {e.get("id"): e for e in svg.iter() if e.get("id")}
    ids = (svg.get("aria-labelledby") or "").split() + (svg.get("aria-describedby") or "").split()
    parts = [_plain(by_id[i]) for i in ids if i in by_id]
    if not parts:
        parts = [svg.get("aria-label") or ""] + [_plain(c) for c in svg if c.tag in (SVG + "title", SVG + "desc")]
    return sentences(p for p in parts if p)


def sentences(parts) -> str:
    """Join texts as sentences: 'Titel' + 'Uitleg.' -> 'Titel. Uitleg.'"""
    out: list[str] = []
    for part in parts:
        if out and not re.search(r"[.:;!?]$", out[-1]):
            out[-1] += "."
        out.append(part)
    return " ".join(out)


def _plain(element) -> str:
    return " ".join("".join(element.itertext()).split())
