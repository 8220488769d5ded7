"""The standard DVO text: considerans, article order, standard clauses and generated slots.

Two kinds of placeholder may appear in any text of the standard (and in a
gemeente's own articles):

- `[[artikel:<id>]]` becomes "artikel 9", numbered by position;
- `[[gegeven:<naam>]]` becomes a value that belongs to the region or the gemeente
  (see GEGEVENS), e.g. the first and last day of the agreement; `[[gegeven:Naam]]`
  (capital first letter) the same value with a capital, to begin a sentence.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Literal

from pydantic import Field

from generator.models.types import Id, StrictModel, Text

REFERENCE = re.compile(r"\[\[artikel:([^\]]*)\]\]")
GEGEVEN = re.compile(r"\[\[gegeven:([^\]]*)\]\]")

# The values a text may ask for, with what they mean (shown in errors and the README).
GEGEVENS = {
    "gemeente": "de naam van de gemeente",
    "organisatie": "de naam van de uitvoeringsorganisatie (regio.yaml: organisatie)",
    "korte_naam": "hoe de overeenkomst de organisatie verder noemt, met lidwoord, bijv. 'het Werkbedrijf' (regio.yaml: "
    "korte_naam)",
    "rechtsvorm": "de rechtsvorm van de organisatie (regio.yaml: rechtsvorm)",
    "vestigingsplaats": "de vestigingsplaats van de organisatie",
    "regio": "de naam van de regio",
    "ingangsdatum": "de eerste dag van de looptijd (1 januari van het eerste jaar)",
    "einddatum": "de laatste dag van de looptijd (31 december van het laatste jaar)",
    "eerste_jaar": "het eerste jaar van de looptijd",
    "laatste_jaar": "het laatste jaar van de looptijd",
    "evaluatiejaar": "het jaar halverwege de looptijd waarin partijen de overeenkomst evalueren",
    "rapportageschema": "hoe vaak de organisatie rapporteert: 'per jaar', 'per tertaal' of 'per kwartaal'",
    "basisfuncties": "de functies waarvoor de basisdienstverlening kosten heeft (regio.yaml: basisdienstverlening en "
    "functies), als opsomming in een zin, bijv. 'intake en werkgeversdienstverlening'",
    "escalatie": "het orgaan waaraan een onverklaarde afwijking wordt voorgelegd, met lidwoord (regio.yaml: "
    "rapportage.escalatie)",
}


def gegeven_naam(name: str) -> tuple[str, bool]:
    """`Korte_naam` -> ('korte_naam', True): a name written with a capital asks for the value
    with a capital first letter, for the start of a sentence ("Het Werkbedrijf levert ...")."""
    if name[:1].isupper():
        return name[:1].lower() + name[1:], True
    return name, False


def bekend_gegeven(name: str) -> bool:
    return gegeven_naam(name)[0] in GEGEVENS


Slot = Literal[
    "basispakket",
    "maatwerk",
    "verplichtingen",
    "financien",
    "betaling",
    "prestaties",
    "sterke_afwijking",
    "afspraken_gemeente",
    "bijzondere_bepalingen",
]


class StandaardArtikel(StrictModel):
    id: Id
    titel: Text
    gegenereerd: Slot | None = None
    leden: list[Text] = Field(min_length=1)


class DvoStandaard(StrictModel):
    versie: Text
    titel: Text
    # Optional so that a region's older standard text (read by `dvo wijzigingen`) still loads.
    considerans: list[Text] = []
    artikelen: list[StandaardArtikel] = Field(min_length=1)

    @property
    def sha256(self) -> str:
        """Fingerprint of the standard text (Common Paper style): same text, same hash."""
        canonical = json.dumps(self.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
