"""The regional re-integratieverordening as structure (after STOP):
hoofdstuk -> artikel -> lid -> onderdeel. Numbers are assigned by position,
so they can never drift from the text; ids are stable for links."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from generator.models.types import Id, StrictModel, Text


class Onderdeel(StrictModel):
    id: Id
    tekst: Text


class Lid(StrictModel):
    id: Id
    tekst: Text
    onderdelen: list[Onderdeel] = []


class Artikel(StrictModel):
    id: Id
    opschrift: Text
    leden: list[Lid] = Field(min_length=1)


class Hoofdstuk(StrictModel):
    id: Id
    opschrift: Text
    artikelen: list[Artikel] = Field(min_length=1)


class Verordening(StrictModel):
    citeertitel: Text
    officiele_titel: Text
    grondslag: Text
    vastgesteld_door: Text
    datum_vaststelling: dt.date
    datum_inwerkingtreding: dt.date
    status: Text
    hoofdstukken: list[Hoofdstuk] = Field(min_length=1)
