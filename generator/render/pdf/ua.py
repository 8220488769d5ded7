"""Finish WeasyPrint's tagged PDF/A-3u into PDF/UA-1: one pikepdf pass over the bytes.

What WeasyPrint leaves, and what this step does about it:

- Page furniture (the margin boxes: running header, footer, "Pagina X van Y"), a table
  header repeated on a new page, leader dots and `aria-hidden` decoration are marked
  content that no element of the finished tree refers to: they become /Artifact.
- Borders, backgrounds and rules are painted outside any marked content: they are
  wrapped in /Artifact, because PDF/UA wants every piece of content to be one or the other.
- An element split over pages is one element per page: fragments of the same HTML
  element (pdf_tags' /DVOSource) are merged, so a table over two pages is one Table;
  its repeated header is dropped and the cells on later pages point to the first one.
- An anonymous block repeats its parent's role (H1 inside H1): it is spliced into it.
- A header cell without /Scope gets HTML's default: Column in THead, Row elsewhere.
- MCIDs, the ParentTree and the IDTree are rebuilt from the finished tree.
- The XMP declares PDF/UA-1 next to PDF/A-3u, with the extension schema PDF/A asks for.

Fonts, OutputIntent, attachments and the rest of the XMP are left as they are. The
output depends only on the input bytes (qpdf's deterministic /ID), so builds stay
byte-identical.
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator

from generator.render.pdf.tags import ARTIFACT, SOURCE
from generator.util.errors import DvoError


class UnknownStructure(DvoError):
    """The tree does not look like the one pdf_tags annotates; nothing is declared."""


@dataclass(eq=False)
class Mark:
    """A marked-content sequence (MCID) on a page."""

    page: pikepdf.Object
    mcid: int


@dataclass(eq=False)
class Node:
    obj: Dictionary
    role: str
    page: pikepdf.Object | None
    source: int | None
    artifact: bool
    kids: list = field(default_factory=list)  # Node | Mark | OBJR dictionary


# Operators that paint, and so must sit inside marked content (real or artifact).
PAINTING = frozenset(
    [
        "m",
        "l",
        "c",
        "v",
        "y",
        "h",
        "re",
        "S",
        "s",
        "f",
        "F",
        "f*",
        "B",
        "B*",
        "b",
        "b*",
        "n",
        "W",
        "W*",
        "sh",
        "Do",
        "Tj",
        "TJ",
        "'",
        '"',
    ]
)
# Operators an artifact we opened must not straddle: graphics state, text objects, marks.
BOUNDARIES = frozenset(["q", "Q", "BT", "ET", "BDC", "BMC", "EMC"])
GROUPS_REPEATED_PER_PAGE = ("/THead", "/TFoot")


def finish(data: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.StructTreeRoot
        top = root.K[0] if isinstance(root.K, Array) else root.K
        if not isinstance(root, Dictionary) or not isinstance(top, Dictionary):
            raise UnknownStructure(
                "de structuurboom van WeasyPrint heeft geen woordenboek als wortel of eerste element"
            )
        document = _read(top, None)
        if not _has_sources(document):
            raise UnknownStructure(
                "de structuurboom van WeasyPrint bevat geen bronverwijzingen (pdf_tags niet actief?)"
            )
        _normalize(document)
        _drop_empty(document)
        marks: list = []
        objrs: list = []
        ids: list = []
        _collect(document, marks, objrs)
        renumber = _renumber(marks)
        _write(document, root, renumber, ids, in_head=False)
        _parent_tree(pdf, root, marks, objrs, renumber)
        _id_tree(pdf, root, ids)
        for page in pdf.pages:
            _mark_artifacts(pdf, page, renumber)
        _declare_pdfua(pdf)
        out = io.BytesIO()
        pdf.save(
            out,
            deterministic_id=True,
            fix_metadata_version=False,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
        return out.getvalue()


# -- reading ------------------------------------------------------------------------


def _read(obj: Dictionary, page) -> Node:
    page = obj.get("/Pg", page)
    source = obj.get("/" + SOURCE)
    node = Node(
        obj, str(obj.get("/S")), page, None if source is None else int(source), bool(obj.get("/" + ARTIFACT, False))
    )
    k = obj.get("/K")
    for kid in k if isinstance(k, Array) else ([] if k is None else [k]):
        if isinstance(kid, int):
            node.kids.append(Mark(page, int(kid)))
        elif isinstance(kid, Dictionary):
            kind = kid.get("/Type")
            if kind == Name.MCR:
                node.kids.append(Mark(kid.get("/Pg", page), int(kid.MCID)))
            elif kind == Name.OBJR:
                node.kids.append(kid)
            else:
                node.kids.append(_read(kid, page))
    return node


def _has_sources(node: Node) -> bool:
    return node.source is not None or any(isinstance(k, Node) and _has_sources(k) for k in node.kids)


# -- restructuring ------------------------------------------------------------------


def _normalize(node: Node) -> None:
    kids = [k for k in node.kids if not (isinstance(k, Node) and k.artifact)]
    kids = _merge_fragments(_splice_anonymous(node, kids))
    if node.role == "/Table":
        kids = _merge_fragments(_drop_repeated_groups(kids))
    node.kids = kids
    for kid in kids:
        if isinstance(kid, Node):
            _normalize(kid)


def _splice_anonymous(parent: Node, kids: list) -> list:
    """A child from the same HTML element with the same role (or none) is an anonymous box."""
    out = []
    for kid in kids:
        if (
            isinstance(kid, Node)
            and kid.source is not None
            and kid.source == parent.source
            and kid.role in (parent.role, "/NonStruct")
        ):
            out.extend(_splice_anonymous(parent, [k for k in kid.kids if not (isinstance(k, Node) and k.artifact)]))
        else:
            out.append(kid)
    return out


def _merge_fragments(kids: list) -> list:
    """Neighbours from the same HTML element are one element cut by a page (or line) break."""
    out: list = []
    for kid in kids:
        prev = out[-1] if out else None
        if (
            isinstance(kid, Node)
            and isinstance(prev, Node)
            and kid.source is not None
            and (kid.source, kid.role) == (prev.source, prev.role)
        ):
            prev.kids.extend(kid.kids)
        else:
            out.append(kid)
    return out


def _drop_repeated_groups(kids: list) -> list:
    """A table's header (and footer) repeated on each page is drawn again, not said again."""
    first: dict[int, Node] = {}
    renamed: dict[bytes, pikepdf.Object] = {}
    out = []
    for kid in kids:
        if isinstance(kid, Node) and kid.role in GROUPS_REPEATED_PER_PAGE and kid.source is not None:
            if kid.source in first:
                for again, original in zip(_cells(kid), _cells(first[kid.source]), strict=False):
                    if "/ID" in again.obj and "/ID" in original.obj:
                        renamed[bytes(again.obj.ID)] = original.obj.ID
                continue
            first[kid.source] = kid
        out.append(kid)
    if renamed:
        for cell in (c for k in out if isinstance(k, Node) for c in _cells(k)):
            attributes = cell.obj.get("/A")
            if isinstance(attributes, Dictionary) and "/Headers" in attributes:
                attributes.Headers = Array([renamed.get(bytes(h), h) for h in attributes.Headers])
    # The footer closes the table, whichever page it was first drawn on.
    return [k for k in out if not _is_foot(k)] + [k for k in out if _is_foot(k)]


def _is_foot(kid) -> bool:
    return isinstance(kid, Node) and kid.role == "/TFoot"


def _cells(node: Node):
    for kid in node.kids:
        if isinstance(kid, Node):
            if kid.role in ("/TH", "/TD"):
                yield kid
            else:
                yield from _cells(kid)


# An empty cell still holds its place in the table grid.
KEEP_EMPTY = frozenset(("/Table", "/THead", "/TBody", "/TFoot", "/TR", "/TH", "/TD"))


def _drop_empty(node: Node) -> bool:
    """Remove elements left without content (all of it decoration); True if `node` may go."""
    node.kids = [k for k in node.kids if not (isinstance(k, Node) and _drop_empty(k))]
    return not node.kids and node.role not in KEEP_EMPTY


# -- writing the tree back ------------------------------------------------------------


def _collect(node: Node, marks: list, objrs: list) -> None:
    for kid in node.kids:
        if isinstance(kid, Node):
            _collect(kid, marks, objrs)
        elif isinstance(kid, Mark):
            marks.append((kid, node))
        else:
            objrs.append((kid, node))


def _renumber(marks: list) -> dict[tuple, int]:
    """New MCIDs per page, 0..n-1, in drawing order; anything not listed becomes an artifact."""
    per_page: dict[tuple, list[int]] = defaultdict(list)
    for mark, _ in marks:
        per_page[mark.page.objgen].append(mark.mcid)
    return {(page, old): new for page, olds in per_page.items() for new, old in enumerate(sorted(olds))}


def _write(node: Node, parent: Dictionary, renumber: dict, ids: list, *, in_head: bool) -> None:
    in_head = in_head or node.role == "/THead"
    kids = Array()
    for kid in node.kids:
        if isinstance(kid, Node):
            _write(kid, node.obj, renumber, ids, in_head=in_head)
            kids.append(kid.obj)
        elif isinstance(kid, Mark):
            mcid = renumber[(kid.page.objgen, kid.mcid)]
            if node.page is not None and kid.page.objgen == node.page.objgen:
                kids.append(mcid)
            else:  # a merged element spans pages: say which page this piece is on
                kids.append(Dictionary(Type=Name.MCR, Pg=kid.page, MCID=mcid))
        else:
            kids.append(kid)
    node.obj.K = kids
    node.obj.P = parent
    for private in (SOURCE, ARTIFACT):
        if "/" + private in node.obj:
            del node.obj["/" + private]
    if node.role == "/TH":
        attributes = node.obj.get("/A")
        if not isinstance(attributes, Dictionary):
            attributes = node.obj.A = Dictionary(O=Name.Table)
        if "/Scope" not in attributes:
            attributes.Scope = Name.Column if in_head else Name.Row
    if "/ID" in node.obj:
        ids.append((bytes(node.obj.ID), node.obj))


def _parent_tree(pdf: pikepdf.Pdf, root: Dictionary, marks: list, objrs: list, renumber: dict) -> None:
    per_page: dict[tuple, dict[int, Dictionary]] = defaultdict(dict)
    for mark, parent in marks:
        per_page[mark.page.objgen][renumber[(mark.page.objgen, mark.mcid)]] = parent.obj
    entries: dict[int, pikepdf.Object] = {}
    for page in pdf.pages:
        if "/StructParents" in page.obj:
            parents = per_page.get(page.obj.objgen, {})
            entries[int(page.obj.StructParents)] = Array([parents[i] for i in range(len(parents))])
    for objr, parent in objrs:
        entries[int(objr.Obj.StructParent)] = parent.obj
    nums = Array()
    for key in sorted(entries):
        nums.append(key)
        nums.append(entries[key])
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    root.ParentTreeNextKey = max(entries, default=-1) + 1


def _id_tree(pdf: pikepdf.Pdf, root: Dictionary, ids: list) -> None:
    """Element identifiers (the header cells' /ID) need a name tree to be found by."""
    if not ids:
        return
    names = Array()
    for key, element in sorted(ids, key=lambda pair: pair[0]):
        names.append(pikepdf.String(key))
        names.append(element)
    root.IDTree = pdf.make_indirect(Dictionary(Names=names))


# -- content streams ----------------------------------------------------------------


ARTIFACT_BEGIN = pikepdf.ContentStreamInstruction([Name.Artifact], Operator("BMC"))
END = pikepdf.ContentStreamInstruction([], Operator("EMC"))


def _mark_artifacts(pdf: pikepdf.Pdf, page: pikepdf.Page, renumber: dict) -> None:
    """Renumber real content; everything else becomes /Artifact, nested correctly."""
    page_key = page.obj.objgen
    out: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
    depth, wrapping = 0, False
    for instruction in pikepdf.parse_content_stream(page):
        op = "BI" if isinstance(instruction, pikepdf.ContentStreamInlineImage) else str(instruction.operator)
        if op in BOUNDARIES:
            if wrapping:
                out.append(END)
                wrapping = False
            if op == "BDC":
                depth += 1
                instruction = _remark(instruction, page_key, renumber)
            elif op == "BMC":
                depth += 1
            elif op == "EMC":
                depth -= 1
        elif depth == 0 and not wrapping and (op in PAINTING or op == "BI"):
            out.append(ARTIFACT_BEGIN)
            wrapping = True
        out.append(instruction)
    if wrapping:
        out.append(END)
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))


def _remark(instruction, page_key: tuple, renumber: dict):
    properties = instruction.operands[-1]
    if not isinstance(properties, Dictionary) or "/MCID" not in properties:
        return instruction
    new = renumber.get((page_key, int(properties.MCID)))
    if new is None:  # no element refers to it: page furniture, repeats, decoration
        return ARTIFACT_BEGIN
    properties.MCID = new  # the parsed operand is a private copy: renumber in place
    return instruction


# -- metadata -----------------------------------------------------------------------

# pdfuaid is not one of XMP's predefined schemas, so PDF/A requires it to be described.
PDFUA_XMP = b"""<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA identification</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>The part of ISO 14289 (PDF/UA) the file conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1" />
"""


def _declare_pdfua(pdf: pikepdf.Pdf) -> None:
    metadata = pdf.Root.Metadata
    xmp = metadata.read_bytes()
    if b"</rdf:RDF>" not in xmp:
        raise UnknownStructure("de XMP-metadata van WeasyPrint hebben geen rdf:RDF")
    metadata.write(xmp.replace(b"</rdf:RDF>", PDFUA_XMP + b"</rdf:RDF>", 1))
