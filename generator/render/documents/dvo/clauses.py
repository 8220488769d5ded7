"""Number the DVO's articles and fill in their placeholders.

Standard articles are numbered by position. A gemeente's own articles (bijzondere
bepalingen) follow the article whose slot is `bijzondere_bepalingen`, lettered the
way Dutch legislation inserts articles ("25a", "25b"), so every standard article
keeps the same number in every gemeente's DVO.

Text from YAML is escaped first; only the references we generate become markup.
`[[artikel:id]]` becomes a link "artikel 9"; `[[gegeven:naam]]` becomes the value.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import ascii_lowercase

from markupsafe import Markup, escape

from generator.models.gemeente import BijzondereBepaling
from generator.models.standaard import GEGEVEN, REFERENCE, DvoStandaard, gegeven_naam
from generator.util.errors import DvoError


class UnknownReference(DvoError, ValueError):
    """`[[artikel:x]]` or `[[gegeven:x]]` names nothing known."""


@dataclass(frozen=True)
class Clause:
    id: str
    nummer: str  # "9", or "25a" for a gemeente's own article
    titel: str
    leden: list[Markup]
    gegenereerd: str | None
    bijzonder: bool = False  # a gemeente's own article, not standard text

    @property
    def anchor(self) -> str:
        return f"artikel-{self.id}"


def _letter(index: int) -> str:
    """a, b, ... z, aa, ab, ...: the suffix of the index-th inserted article."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = ascii_lowercase[rest] + out
    return out


def _numbers(standaard: DvoStandaard, bijzonder: list[BijzondereBepaling]) -> dict[str, str]:
    numbers = {a.id: str(n) for n, a in enumerate(standaard.artikelen, 1)}
    after = next(
        (n for n, a in enumerate(standaard.artikelen, 1) if a.gegenereerd == "bijzondere_bepalingen"),
        len(standaard.artikelen),
    )
    numbers.update({b.id: f"{after}{_letter(i)}" for i, b in enumerate(bijzonder)})
    return numbers


def article_numbers(standaard: DvoStandaard) -> dict[str, str]:
    """Article id -> number in the standard text, as every DVO of the region numbers it
    (a gemeente's bijzondere bepalingen only add lettered numbers after the slot)."""
    return _numbers(standaard, [])


class Numbering:
    """The articles of one DVO, numbered, with every placeholder filled in."""

    def __init__(self, standaard: DvoStandaard, bijzonder: list[BijzondereBepaling], gegevens: dict[str, str]):
        self.numbers = _numbers(standaard, bijzonder)
        self.gegevens = gegevens
        self.clauses: list[Clause] = []
        for a in standaard.artikelen:
            self.clauses.append(
                Clause(a.id, self.numbers[a.id], a.titel, [self.resolve(t) for t in a.leden], a.gegenereerd)
            )
            if a.gegenereerd == "bijzondere_bepalingen":
                self.clauses += self._bijzonder(bijzonder)
        if not any(a.gegenereerd == "bijzondere_bepalingen" for a in standaard.artikelen):
            self.clauses += self._bijzonder(bijzonder)  # an older standard text without the slot

    def _bijzonder(self, bijzonder: list[BijzondereBepaling]) -> list[Clause]:
        return [
            Clause(b.id, self.numbers[b.id], b.titel, [self.resolve(t) for t in b.leden], None, bijzonder=True)
            for b in bijzonder
        ]

    def resolve(self, text: str) -> Markup:
        def link(match) -> str:
            ref = match.group(1)
            if ref not in self.numbers:
                raise UnknownReference(f"verwijzing naar onbekend artikel '{ref}'")
            return f'<a class="xref" href="#artikel-{ref}">artikel {self.numbers[ref]}</a>'

        def value(match) -> str:
            name, hoofdletter = gegeven_naam(match.group(1))
            if name not in self.gegevens:
                raise UnknownReference(f"onbekend gegeven '{match.group(1)}'")
            text = self.gegevens[name]
            return str(escape(text[:1].upper() + text[1:] if hoofdletter else text))

        # Escape first: the placeholders contain no characters that escaping changes.
        return Markup(GEGEVEN.sub(value, REFERENCE.sub(link, str(escape(text)))))
