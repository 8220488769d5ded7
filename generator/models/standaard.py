"""The standard DVO text: article order, standard clauses and generated slots."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Literal

from pydantic import Field

from generator.models.types import Id, StrictModel, Text

REFERENCE = re.compile(r"\[\[artikel:([^\]]*)\]\]")

Slot = Literal["basispakket", "maatwerk", "verplichtingen", "financien", "prestaties", "afspraken_gemeente"]


class StandaardArtikel(StrictModel):
    id: Id
    titel: Text
    gegenereerd: Slot | None = None
    leden: list[Text] = Field(min_length=1)


class DvoStandaard(StrictModel):
    versie: Text
    titel: Text
    artikelen: list[StandaardArtikel] = Field(min_length=1)

    @property
    def sha256(self) -> str:
        """Fingerprint of the standard text (Common Paper style): same text, same hash."""
        canonical = json.dumps(self.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
