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
  focusable only while it really scrolls;
- every chart gets the smallest width at which its smallest text is still 12 px on
  screen (`--min-breedte`), in a scroll box of its own for narrower screens;
- headings without an id get one, so search results point at the article found.

Editing markup with patterns is safe here because the templates escape every text
from the data: each `<` in a rendered document is markup written by a template.
"""

from __future__ import annotations

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
_SVG = re.compile(r'<svg\b[^>]*\bclass="grafiek"[^>]*>.*?</svg>', re.S)
_VIEWBOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"')
_FONT_SIZE = re.compile(r'font-size="([\d.]+)"')
_HEADING = re.compile(r"<h([2-6])>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_ID = re.compile(r'\bid="([^"]+)"')


class NotADocument(DvoError, ValueError):
    """The HTML has no <body> or no <h1>: not a document rendered by our templates."""


@dataclass(frozen=True)
class ReadingCopy:
    title: Markup  # inner HTML of the document's <h1>, Markdown specials escaped
    text_title: str  # the same as plain text, for the page's front matter
    body: Markup  # the document without its shell, ready to sit inside a page


def reading_copy(document: str) -> ReadingCopy:
    match = _BODY.search(document)
    if not match:
        raise NotADocument("geen <body> in het document")
    body = _WATERMARK.sub("", _SKIPLINK.sub("", match.group(1)))
    h1 = _H1.search(body)
    if not h1:
        raise NotADocument("geen <h1> in het document")
    title = " ".join(h1.group(1).split())
    text_title = html.unescape(" ".join(_TAG.sub(" ", title).split()))
    body = body[: h1.start()] + body[h1.end():]
    body = _LANDMARK.sub(lambda m: f"<{m.group(1)}{_LANDMARKS[m.group(2)]}", body)
    body = _TABLE_CLOSE.sub("</table></div>", _TABLE_OPEN.sub('<div class="scrollvak"><table', body))
    body = _SVG.sub(_chart_min_width, body)
    body = _heading_ids(body)
    return ReadingCopy(Markup(_escape_markdown(title)), text_title, Markup(body.strip()))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")


def _escape_markdown(fragment: str) -> str:
    """Backslash-escape Markdown in the text between tags (the text is HTML-escaped already)."""
    return "".join(part if part.startswith("<") else _MARKDOWN_SPECIAL.sub(r"\\\1", part) for part in re.split(r"(<[^>]+>)", fragment))


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
    return f'<div class="scrollvak grafiekvak">{styled}</div>'


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
