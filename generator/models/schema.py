"""JSON Schemas of every file kind, generated from the models, for editors (`dvo schema`).

An editor with the YAML language server uses them for completion, hover help
(the Dutch titles and descriptions of descriptions.py) and a first check while
typing. `dvo validate` stays the authority: rules across files (references,
sums, periods) are not in a schema.
"""

from __future__ import annotations

import json

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from generator.models.catalog import Indicatoren, Instrumentarium
from generator.models.descriptions import DESCRIPTIONS
from generator.models.gemeente import Gemeente
from generator.models.region import Regio
from generator.models.standaard import DvoStandaard
from generator.models.verordening import Verordening
from generator.util.errors import DvoError

# One schema per file kind; the names are those of the schema files (<kind>.schema.json).
MODELS: dict[str, type[BaseModel]] = {
    "regio": Regio,
    "gemeente": Gemeente,
    "indicatoren": Indicatoren,
    "instrumentarium": Instrumentarium,
    "verordening": Verordening,
    "standaardbepalingen": DvoStandaard,
}

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_YEAR = {"type": "integer", "minimum": 1000, "maximum": 9999}  # the schema of types.Year


class MissingDescription(DvoError, KeyError):
    """A model or field without its Dutch title and description (a developer's omission)."""


class _Generator(GenerateJsonSchema):
    def dict_schema(self, schema):
        out = super().dict_schema(schema)
        # YAML writes `2016:`; as JSON that key is the text "2016".
        if "keys_schema" in schema and self.generate_inner(schema["keys_schema"]) == _YEAR:
            out["propertyNames"] = {"pattern": "^[0-9]{4}$"}
        return out


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def schema(kind: str) -> dict:
    """The JSON Schema of one file kind, with a Dutch title and description for every model and field."""
    model = MODELS[kind]
    raw = model.model_json_schema(schema_generator=_Generator, mode="validation")
    defs = raw.pop("$defs", {})
    _describe(raw, model.__name__)
    for name, definition in defs.items():
        _describe(definition, name)
    head = {
        "$schema": DIALECT,
        "$id": file_name(kind),
        "title": raw.pop("title"),
        "description": raw.pop("description"),
    }
    return {**head, **raw, **({"$defs": defs} if defs else {})}


def _describe(node: dict, model_name: str) -> None:
    if model_name not in DESCRIPTIONS:
        raise MissingDescription(f"model {model_name} has no Dutch description in generator/models/descriptions.py")
    title, description, fields = DESCRIPTIONS[model_name]
    node["title"], node["description"] = title, description
    properties = node.get("properties", {})
    for name, prop in properties.items():
        if name not in fields:
            raise MissingDescription(
                f"field {model_name}.{name} has no Dutch description in generator/models/descriptions.py"
            )
        field_title, field_description = fields[name]
        # Title and description first: that is what a reader of the file looks for.
        rest = {k: v for k, v in prop.items() if k not in ("title", "description")}
        properties[name] = {"title": field_title, "description": field_description, **rest}


def schema_text(kind: str) -> str:
    """The file as written: stable key order and formatting, so unchanged models give unchanged bytes."""
    return json.dumps(schema(kind), ensure_ascii=False, indent=2) + "\n"


def all_schema_texts() -> dict[str, str]:
    """File name -> text, for every file kind."""
    return {file_name(kind): schema_text(kind) for kind in MODELS}


def editor_settings(schema_dir: str, globs: dict[str, str]) -> str:
    """`.vscode/settings.json`: the YAML language server maps each glob of files to its schema."""
    mapping = {f"./{schema_dir}/{file_name(kind)}": [globs[kind]] for kind in MODELS}
    return json.dumps({"yaml.schemas": mapping}, ensure_ascii=False, indent=2) + "\n"
