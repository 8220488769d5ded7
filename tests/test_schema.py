"""JSON Schemas for editors: committed and up to date with the models, a Dutch title and
description for every model and field, every example file valid, and broken files caught
by a standard JSON Schema validator."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import typing
from pathlib import Path

import jsonschema
import pytest
from pydantic import BaseModel
from ruamel.yaml import YAML

from generator.load.layout import FILE_GLOBS
from generator.models.descriptions import DESCRIPTIONS
from generator.models.schema import MODELS, all_schema_texts, editor_settings, file_name
from tests.conftest import REPO

SCHEMAS = REPO / "schemas"
REGENERATE = "regenerate with `.venv/bin/dvo schema` (writes schemas/) and commit the result"


def test_committed_schemas_are_those_of_the_models():
    stale = []
    for name, text in all_schema_texts().items():
        path = SCHEMAS / name
        committed = path.read_text(encoding="utf-8") if path.is_file() else ""
        if committed != text:
            diff = difflib.unified_diff(
                committed.splitlines(),
                text.splitlines(),
                f"schemas/{name} (committed)",
                f"schemas/{name} (models)",
                lineterm="",
                n=1,
            )
            stale.append("\n".join(list(diff)[:40]))
    extra = sorted(p.name for p in SCHEMAS.glob("*.json") if p.name not in all_schema_texts())
    assert not stale and not extra, (
        f"schemas out of date; {REGENERATE}\n"
        + "\n".join(stale)
        + (f"\nnot generated any more: {extra}" if extra else "")
    )


def test_editor_settings_map_every_file_kind_to_its_schema():
    assert set(FILE_GLOBS) == set(MODELS)
    committed = (REPO / ".vscode" / "settings.json").read_text(encoding="utf-8")
    assert committed == editor_settings("schemas", FILE_GLOBS), (
        "update .vscode/settings.json from models.schema.editor_settings"
    )
    mapping = json.loads(committed)["yaml.schemas"]
    for kind, glob in FILE_GLOBS.items():
        assert mapping[f"./schemas/{file_name(kind)}"] == [glob]
        assert list(REPO.glob(glob)), glob  # the glob matches the example's files


def _models() -> dict[str, type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}

    def walk(annotation) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation.__name__ not in found:
            found[annotation.__name__] = annotation
            for f in annotation.model_fields.values():
                walk(f.annotation)
                for meta in f.metadata:  # json_schema_input_type of a BeforeValidator
                    walk(getattr(meta, "json_schema_input_type", None))
        for arg in typing.get_args(annotation):
            walk(arg)

    for model in MODELS.values():
        walk(model)
    return found


def test_every_model_and_field_has_a_dutch_title_and_description():
    models = _models()
    missing = [
        f"{name}.{field}"
        for name, model in models.items()
        for field in model.model_fields
        if name not in DESCRIPTIONS or field not in DESCRIPTIONS[name][2]
    ]
    missing += [name for name in models if name not in DESCRIPTIONS]
    stale = [name for name in DESCRIPTIONS if name not in models]
    stale += [
        f"{name}.{field}"
        for name, (_, _, fields) in DESCRIPTIONS.items()
        if name in models
        for field in fields
        if field not in models[name].model_fields
    ]
    assert not missing and not stale, f"add to generator/models/descriptions.py: {missing}; remove from it: {stale}"
    for name, (title, description, fields) in DESCRIPTIONS.items():
        for text in [title, description, *(t for pair in fields.values() for t in pair)]:
            assert text.strip() and (text[0].isupper() or text[0].isdigit() or text[0] in "'`"), (name, text)


def _as_json(value):
    """What the YAML language server validates: keys as text, dates as text."""
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / file_name(kind)).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _load(path: Path):
    return _as_json(YAML(typ="safe").load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("kind", list(FILE_GLOBS))
def test_every_example_file_is_valid_against_its_schema(kind):
    files = sorted(REPO.glob(FILE_GLOBS[kind]))
    assert files
    validator = _validator(kind)
    for path in files:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(_load(path))]
        assert errors == [], path


def _errors(kind: str, data) -> list[str]:
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.validator}" for e in _validator(kind).iter_errors(data))


def test_a_broken_gemeente_file_fails_its_schema():
    data = _load(REPO / "gemeenten" / "druten.yaml")
    data["financien"]["2015"]["participatiebudget"] = "veel"  # text where an amount belongs
    data["kerngegevens"]["bronn"] = data["kerngegevens"].pop("bron")  # a typo in a field name
    data["dvo"]["status"] = "klaar"  # not one of the statuses
    data["financien"]["20155"] = data["financien"]["2016"]  # not a year
    data["cbs_code"] = "0225"
    assert _errors("gemeente", data) == [
        "cbs_code: pattern",
        "dvo/status: enum",
        "financien/2015/participatiebudget: type",
        "financien: pattern",  # the key 20155 is no year (propertyNames)
        "kerngegevens: additionalProperties",
        "kerngegevens: required",
    ]


def test_a_broken_instrumentarium_fails_its_schema():
    data = _load(REPO / "content" / "instrumentarium.yaml")
    data["instrumenten"][0]["grondslag"][0]["artikel"] = "screening"  # both `wet` and `artikel` in one item
    data["instrumenten"][1]["id"] = "Verdiepende Diagnose"  # not an id
    data["instrumenten"][2]["dienstgroep"] = {"a": 1}
    assert _errors("instrumentarium", data) == [
        "instrumenten/0/grondslag/0: oneOf",
        "instrumenten/1/id: pattern",
        "instrumenten/2/dienstgroep: anyOf",
    ]


def test_the_schema_gives_dutch_help_for_a_field():
    schema = json.loads((SCHEMAS / "gemeente.schema.json").read_text(encoding="utf-8"))
    field = schema["$defs"]["FinancienJaar"]["properties"]["basisdienstverlening"]
    assert field["title"] == "Aandeel basisdienstverlening"
    assert "tellen op tot het regionale bedrag" in field["description"]
    assert schema["description"].startswith("Het bestand van één gemeente")


def test_dvo_schema_writes_the_files_and_rewrites_nothing_unchanged(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    target = tmp_path / "schemas"
    first = CliRunner().invoke(main, ["schema", "--uit", str(target)])
    assert first.exit_code == 0, first.output
    assert "(6 bijgewerkt)" in first.output
    assert sorted(p.name for p in target.iterdir()) == sorted(all_schema_texts())
    for name, text in all_schema_texts().items():
        assert (target / name).read_text(encoding="utf-8") == text
    again = CliRunner().invoke(main, ["schema", "--uit", str(target)])
    assert "(0 bijgewerkt)" in again.output
