"""Read a tagged PDF as a screen reader would: the structure tree and the text behind it.

Test helper (pikepdf). `read(path)` gives every structure element with its role, its
ancestors' roles, its attributes and the text of the marked content it owns, and the
text on each page that is marked as artifact. Text is decoded through each font's
ToUnicode map, the way assistive technology gets it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name


@dataclass
class Element:
    role: str
    ancestors: tuple[str, ...]
    alt: str | None
    attributes: dict[str, object]  # from /A: "/Scope" -> "/Column", "/Headers" -> ["id", ...]
    id: str | None
    lang: str | None
    marks: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID) it owns directly
    children: list[Element] = field(default_factory=list)


@dataclass
class Tagged:
    elements: list[Element]
    text: dict[tuple[int, int], str]  # (page, MCID) -> text
    artifacts: list[str]  # artifact text per page
    unmarked: list[int]  # painting operators outside marked content, per page
    pages: int

    def text_of(self, element: Element) -> str:
        own = [self.text.get(m, "") for m in element.marks]
        return "".join(own + [self.text_of(c) for c in element.children])

    def roles(self, role: str) -> list[Element]:
        return [e for e in self.elements if e.role == role]

    def tree_text(self) -> str:
        return "".join(self.text.get(m, "") for e in self.elements for m in e.marks)


def read(path: Path) -> Tagged:
    with pikepdf.open(path) as pdf:
        page_index = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
        elements: list[Element] = []

        def walk(obj, ancestors: tuple[str, ...], page) -> Element:
            page = obj.get("/Pg", page)
            element = Element(
                str(obj.S),
                ancestors,
                _text(obj.get("/Alt")),
                _attributes(obj.get("/A")),
                _text(obj.get("/ID")),
                _text(obj.get("/Lang")),
            )
            elements.append(element)
            k = obj.get("/K")
            for kid in k if isinstance(k, Array) else [k]:
                if isinstance(kid, int):
                    element.marks.append((page_index[page.objgen], kid))
                elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                    element.marks.append((page_index[kid.get("/Pg", page).objgen], int(kid.MCID)))
                elif isinstance(kid, Dictionary) and kid.get("/Type") != Name.OBJR:
                    element.children.append(walk(kid, ancestors + (element.role,), page))
            return element

        root = pdf.Root.StructTreeRoot.K
        for top in root if isinstance(root, Array) else [root]:
            walk(top, (), None)
        text: dict[tuple[int, int], str] = {}
        artifacts, unmarked = [], []
        for i, page in enumerate(pdf.pages):
            found, art, loose = _page_text(page)
            text.update({(i, mcid): t for mcid, t in found.items()})
            artifacts.append(art)
            unmarked.append(loose)
        return Tagged(elements, text, artifacts, unmarked, len(pdf.pages))


def _text(value) -> str | None:
    return None if value is None else str(value)


def _attributes(value) -> dict[str, object]:
    out: dict[str, object] = {}
    for d in value if isinstance(value, Array) else [value]:
        if isinstance(d, Dictionary):
            for key, item in d.items():
                out[key] = [str(x) for x in item] if isinstance(item, Array) else str(item)
    return out


PAINTING = {"m", "re", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "sh", "Do", "Tj", "TJ", "'", '"'}


def _page_text(page) -> tuple[dict[int, str], str, int]:
    fonts = {name: _unicode_map(font) for name, font in page.Resources.get("/Font", {}).items()}
    stack: list[tuple[str, int | None]] = []
    by_mcid: dict[int, list[str]] = {}
    artifact: list[str] = []
    font: dict[int, str] = {}
    loose = 0
    for instruction in pikepdf.parse_content_stream(page):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            continue
        op, args = str(instruction.operator), instruction.operands
        if op in ("BDC", "BMC"):
            mcid = args[1].get("/MCID") if op == "BDC" and isinstance(args[1], Dictionary) else None
            stack.append((str(args[0]), None if mcid is None else int(mcid)))
        elif op == "EMC":
            stack.pop()
        elif op == "Tf":
            font = fonts.get(str(args[0]), {})
        if op in PAINTING and not stack:
            loose += 1
        if op in ("Tj", "TJ"):
            strings = [args[0]] if op == "Tj" else [s for s in args[0] if isinstance(s, pikepdf.String)]
            raw = b"".join(bytes(s) for s in strings)
            decoded = "".join(font.get(int.from_bytes(raw[j : j + 2], "big"), "") for j in range(0, len(raw) - 1, 2))
            if any(tag == "/Artifact" for tag, _ in stack):
                artifact.append(decoded)
            else:
                mcid = next((m for _, m in reversed(stack) if m is not None), None)
                by_mcid.setdefault(mcid, []).append(decoded)
        if op == "ET" and artifact and not artifact[-1].endswith("\n"):
            artifact.append("\n")
    return {m: "".join(t) for m, t in by_mcid.items()}, "".join(artifact), loose


def _unicode_map(font) -> dict[int, str]:
    cmap = font.get("/ToUnicode")
    if cmap is None:
        return {}
    text = cmap.read_bytes().decode("latin-1")
    out: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, uni in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            out[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, start in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            first = int.from_bytes(bytes.fromhex(start), "big")
            for n, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(first + n)
    return out
