"""The content of a DVO as data: its JSON attachment and its fingerprint (controlegetal).

The fingerprint is the sha256 of the view model in canonical JSON, without the
document's state: its status and where and when each signatory signed. So
vastgesteld -> ondertekend, or adding a signing date, is not a change of content;
a changed word, amount or target is. PDF bytes are never hashed: a new WeasyPrint
or a changed stylesheet does not change what was agreed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from decimal import Decimal

from pydantic import BaseModel

from generator.models.types import ADDED_LATER, FLATTENED
from generator.render.documents.dvo.view import DvoDocument
from generator.util.tabular import json_number

STATE = ("status", "rechtsopvolging")  # fields of DvoDocument that are state, not content
SIGNED = "ondertekend"  # per ondertekenaar: place and date of signing (state)


def plain(value):
    """Nested dataclasses, pydantic models, Decimals and dates as JSON-ready data.

    Dataclasses also give their computed properties (totals), so the attachment
    carries every figure the document prints. A field added after versions were
    vastgelegd (models/types.ADDED_LATER; in a dataclass `metadata={ADDED_LATER: True}`)
    is left out while it is empty: agreements that do not use it keep their controlegetal."""
    if isinstance(value, BaseModel):
        data = value.model_dump()
        for name, info in type(value).model_fields.items():
            if ADDED_LATER in info.metadata and not data[name]:
                del data[name]
        return plain(data)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {
            f.name: plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not (f.metadata.get(ADDED_LATER) and not getattr(value, f.name))
        }
        for name, attr in sorted(vars(type(value)).items()):
            if isinstance(attr, property):
                out[name] = plain(getattr(value, name))
        return _flattened(value, out)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Decimal):
        return json_number(value) if value.is_finite() else str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return str(value)  # also turns Markup into plain str
    return value


def _flattened(value, out: dict) -> dict:
    """A FLATTENED field's items become keys of the object itself. Should one of them have the
    name of a key the object already has (a functie called 'totaal'), the field stays nested
    under its own name: its value is then an object, which a flattened item never is, so no two
    contents give the same JSON."""
    for f in dataclasses.fields(value):
        if f.metadata.get(FLATTENED):
            items = out[f.name]
            rest = {k: v for k, v in out.items() if k != f.name}
            if not set(items) & set(rest):
                out = {**rest, **items}
    return out


def _fields(doc: DvoDocument) -> dict:
    """The document's fields (not its properties), each as `plain` gives it."""
    return {
        f.name: plain(getattr(doc, f.name))
        for f in dataclasses.fields(doc)
        if not (f.metadata.get(ADDED_LATER) and not getattr(doc, f.name))
    }


def inhoud(doc: DvoDocument) -> dict:
    """What the agreement says: the view model without its state."""
    data = _fields(doc)
    for name in STATE:
        del data[name]
    for o in data["ondertekenaars"]:
        o.pop(SIGNED, None)
    return data


def controlegetal(doc: DvoDocument, content: dict | None = None) -> str:
    """`content`: inhoud(doc), when the caller has it already (it is the costly part)."""
    data = inhoud(doc) if content is None else content
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def attachment_json(doc: DvoDocument, content: dict | None = None) -> bytes:
    """The PDF's data attachment: the content, its controlegetal and the document's state.
    `content`: inhoud(doc), when the caller has it already."""
    content = inhoud(doc) if content is None else content
    data = {
        "controlegetal": controlegetal(doc, content),
        "stand": {
            "status": doc.status,
            "ondertekend": [plain(o.ondertekend) for o in doc.ondertekenaars],
            **({"rechtsopvolging": doc.rechtsopvolging} if doc.rechtsopvolging else {}),
        },
        "inhoud": content,
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
