"""Number the DVO's articles by position and resolve [[artikel:id]] references.

Text from YAML is escaped first; only the references we generate become markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.models.standaard import REFERENCE, DvoStandaard


class UnknownReference(ValueError):
    pass


@dataclass(frozen=True)
class Clause:
    id: str
    nummer: int
    titel: str
    leden: list[Markup]
    gegenereerd: str | None

    @property
    def anchor(self) -> str:
        return f"artikel-{self.id}"


def number_clauses(standaard: DvoStandaard) -> list[Clause]:
    numbers = {a.id: n for n, a in enumerate(standaard.artikelen, 1)}

    def resolve(text: str) -> Markup:
        def link(match) -> str:
            ref = match.group(1)
            if ref not in numbers:
                raise UnknownReference(f"verwijzing naar onbekend artikel '{ref}'")
            return f'<a class="xref" href="#artikel-{ref}">artikel {numbers[ref]}</a>'

        return Markup(REFERENCE.sub(link, str(escape(text))))

    return [
        Clause(a.id, numbers[a.id], a.titel, [resolve(lid) for lid in a.leden], a.gegenereerd)
        for a in standaard.artikelen
    ]
