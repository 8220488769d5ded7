"""A rendered document (DVO or report) as the body of a site page: its reading copy.

The document templates render one standalone HTML file per document: the source of
its PDF. On the site the same document is a page of the site itself, inside the
theme's header, navigation and search. This module turns the standalone file into
that page body without a second copy of the content:

- only what is inside <body> is kept; the document's own skip link and CONCEPT
  watermark go (the theme has a skip link; the page states the status in words);
- the document's <h1> becomes the page's Markdown heading, so the theme knows the
  page title and its skip link has a target;
- landmarks that may not nest inside the theme's <main> become plain sections:
  <main> -> <div>, <aside> -> <section> (with the same attributes);
- every table is wrapped in a scroll box, so a wide table scrolls inside its own
  region instead of widening the page; the site script names the box and makes it
  focusable only while it really scrolls. Tables of indicators, signals and the
  report's money (`STACKED`) become one card per row on a phone instead: each cell
  gets its column's name (`data-label`) and explicit table roles, which the
  stylesheet's card layout would otherwise take from the cells;
- every chart (both its wide and its narrow layout, see render/charts.py) gets the
  smallest width at which its smallest text is still 12 px on screen
  (`--min-breedte`), in a scroll box of its own; the stylesheet shows one layout;
- headings without an id get one, so search results point at the article found;
- for search: cells, terms and list items that touch in the markup get a line break
  between them, so the index does not glue "Looptijd" and "1 januari" into one
  word; charts (their text alternative repeats the table beside them), tables of
  figures (`NOT_INDEXED`) and the sections the caller names (`niet_zoeken`, text
  that another document's copy already has word for word) are left out of the
  search index (`data-search-exclude`, understood by Material's search).

Editing markup with patterns is safe here because the templates escape every text
from the data: each `<` in a rendered document is markup written by a template.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup

from generator.util.errors import DvoError

MIN_TEXT_PX = 12  # the smallest chart text on screen, in CSS pixels

_BODY = re.compile(r"<body\b[^>]*>(.*)</body>", re.S)
_SKIPLINK = re.compile(r'<a class="skiplink"[^>]*>.*?</a>\s*', re.S)
_WATERMARK = re.compile(r'<div class="watermerk"[^>]*>.*?</div>\s*', re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>\s*", re.S)
_LANDMARKS = {"main": "div", "aside": "section"}
_LANDMARK = re.compile(r"<(/?)(main|aside)\b")
_TABLE_OPEN = re.compile(r"<table\b")
_TABLE_CLOSE = re.compile(r"</table>")
_SVG = re.compile(r'<svg\b[^>]*\bclass="grafiek( grafiek--smal)?"[^>]*>.*?</svg>', re.S)
_VIEWBOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"')
_FONT_SIZE = re.compile(r'font-size="([\d.]+)"')
_HEADING = re.compile(r"<h([2-6])>(.*?)</h\1>", re.S)
_TABLE = re.compile(r"<table\b([^>]*)>(.*?)</table>", re.S)
_CLASS = re.compile(r'\bclass="([^"]*)"')
_THEAD = re.compile(r"<thead\b[^>]*>(.*?)</thead>", re.S)
_HEADER_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
_CELL_OPEN = re.compile(r"<(th|td)\b([^>]*)>")
_DATA_CELL = re.compile(r"(<td\b[^>]*>)(.*?)(</td>)", re.S)
_ROLE_TAGS = re.compile(r"<(thead|tbody|tr)\b")
_TOUCHING = re.compile(r"(</(?:td|th|tr|dt|dd|li|caption|p|h[1-6])>)(?=<)")
_FIGURE = re.compile(r"<figure\b")
_SEARCH_EXCLUDE = "data-search-exclude"
STACKED = {"kpi", "signalering", "financien"}  # one card per row on a phone
NOT_INDEXED = {"bedragen", "kpi", "reeks"}  # tables of figures
_TAG = re.compile(r"<[^>]+>")
_ID = re.compile(r'\bid="([^"]+)"')


class NotADocument(DvoError, ValueError):
    """The HTML has no <body> or no <h1>: not a document rendered by our templates."""


@dataclass(frozen=True)
class ReadingCopy:
    title: Markup  # inner HTML of the document's <h1>, Markdown specials escaped
    text_title: str  # the same as plain text, for the page's front matter
    body: Markup  # the document without its shell, ready to sit inside a page


# The reading copies this process made, by document: `dvo serve` makes the pages again after
# every save, and most documents did not change. Up to 64 MB of them are kept (the oldest go first).
_MADE: dict[tuple[str, tuple[str, ...]], ReadingCopy] = {}
_MADE_LIMIT = 64_000_000  # characters of body


def reading_copy(document: str, *, niet_zoeken: tuple[str, ...] = ()) -> ReadingCopy:
    """`niet_zoeken`: ids of sections to leave out of the search index."""
    key = (hashlib.sha256(document.encode("utf-8")).hexdigest(), tuple(niet_zoeken))
    copy = _MADE.get(key)
    if copy is None:
        copy = _reading_copy(document, key[1])
        while _MADE and sum(len(c.body) for c in _MADE.values()) + len(copy.body) > _MADE_LIMIT:
            del _MADE[next(iter(_MADE))]
        _MADE[key] = copy
    return copy


def _reading_copy(document: str, niet_zoeken: tuple[str, ...]) -> ReadingCopy:
    match = _BODY.search(document)
    if not match:
        raise NotADocument("geen <body> in het document")
    body = _WATERMARK.sub("", _SKIPLINK.sub("", match.group(1)))
    h1 = _H1.search(body)
    if not h1:
        raise NotADocument("geen <h1> in het document")
    title = " ".join(h1.group(1).split())
    text_title = html.unescape(" ".join(_TAG.sub(" ", title).split()))
    body = body[: h1.start()] + body[h1.end() :]
    body = _LANDMARK.sub(lambda m: f"<{m.group(1)}{_LANDMARKS[m.group(2)]}", body)
    body = _TABLE.sub(_table, body)
    body = _TABLE_CLOSE.sub("</table></div>", _TABLE_OPEN.sub('<div class="scrollvak"><table', body))
    body = _SVG.sub(_chart_min_width, body)
    body = _FIGURE.sub(f"<figure {_SEARCH_EXCLUDE}", body)
    body = _heading_ids(body)
    for section in niet_zoeken:
        body = _exclude_section(body, section)
    body = _TOUCHING.sub("\\1\n", body)
    return ReadingCopy(Markup(_escape_markdown(title)), text_title, Markup(body.strip()))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")


def _escape_markdown(fragment: str) -> str:
    """Backslash-escape Markdown in the text between tags (the text is HTML-escaped already)."""
    return "".join(
        part if part.startswith("<") else _MARKDOWN_SPECIAL.sub(r"\\\1", part)
        for part in re.split(r"(<[^>]+>)", fragment)
    )


def chart_min_width(svg: str) -> int | None:
    """CSS pixels at which the smallest text of this chart is MIN_TEXT_PX on screen."""
    box = _VIEWBOX.search(svg)
    sizes = [float(s) for s in _FONT_SIZE.findall(svg)]
    if not box or not sizes:
        return None
    return math.ceil(float(box.group(1)) * MIN_TEXT_PX / min(sizes))


def _chart_min_width(match: re.Match) -> str:
    svg = match.group(0)
    width = chart_min_width(svg)
    if width is None:
        return svg
    styled = svg.replace("<svg ", f'<svg style="--min-breedte: {width}px" ', 1)
    layout = "smal" if match.group(1) else "breed"
    return f'<div class="scrollvak grafiekvak grafiekvak--{layout}">{styled}</div>'


def slug(text: str) -> str:
    """`Artikel 3. Financiële afspraken` -> `artikel-3-financiele-afspraken`."""
    plain = unicodedata.normalize("NFKD", html.unescape(_TAG.sub(" ", text))).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[0-9a-z]+", plain.lower())) or "onderdeel"


def _heading_ids(body: str) -> str:
    used = set(_ID.findall(body))

    def add_id(match: re.Match) -> str:
        base = slug(match.group(2))
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        return f'<h{match.group(1)} id="{candidate}">{match.group(2)}</h{match.group(1)}>'

    return _HEADING.sub(add_id, body)


def _text_of(fragment: str) -> str:
    return " ".join(_TAG.sub(" ", fragment).replace("&shy;", "").split())


def _table(match: re.Match) -> str:
    """A table with its search and phone treatment (see the module's docstring)."""
    attrs, inner = match.group(1), match.group(2)
    class_match = _CLASS.search(attrs)
    classes = set(class_match.group(1).split()) if class_match else set()
    if classes & NOT_INDEXED:
        attrs += f" {_SEARCH_EXCLUDE}"
    head = _THEAD.search(inner)
    if not classes & STACKED or not head:
        return f"<table{attrs}>{inner}</table>"
    labels = [_text_of(cell) for cell in _HEADER_CELL.findall(head.group(1))]

    def row(tr: re.Match) -> str:
        column = iter(range(len(labels) + 100))

        def cell(c: re.Match) -> str:
            tag, cell_attrs = c.group(1), c.group(2)
            i = next(column)
            if tag == "th":
                role = "columnheader" if 'scope="col"' in cell_attrs else "rowheader"
                return f'<th role="{role}"{cell_attrs}>'
            label = labels[i] if i < len(labels) else ""
            return f'<td role="cell" data-label="{label}"{cell_attrs}>'

        return _CELL_OPEN.sub(cell, tr.group(0))

    inner = _ROW.sub(row, inner)
    # One element per cell value: the card layout puts it beside its column's name.
    inner = _DATA_CELL.sub(
        lambda c: (
            f'{c.group(1)}<span class="celwaarde">{c.group(2)}</span>{c.group(3)}' if c.group(2).strip() else c.group(0)
        ),
        inner,
    )
    inner = _ROLE_TAGS.sub(lambda m: f'<{m.group(1)} role="{"row" if m.group(1) == "tr" else "rowgroup"}"', inner)
    return f'<table role="table"{attrs}>{inner}</table>'


def _exclude_section(body: str, section_id: str) -> str:
    """The section with this id, and every heading in it, out of the search index."""
    opening = re.search(rf'<section\b[^>]*\bid="{re.escape(section_id)}"[^>]*>', body)
    if not opening:
        return body
    end = body.find("</section>", opening.end())
    end = len(body) if end < 0 else end
    inside = re.sub(r"<(h[1-6])\b", rf"<\1 {_SEARCH_EXCLUDE}", body[opening.end() : end])
    tag = opening.group(0)[:-1] + f" {_SEARCH_EXCLUDE}>"
    return body[: opening.start()] + tag + inside + body[end:]
