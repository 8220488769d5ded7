"""`dvo init`: the files of a new region repository, valid from the first minute.

The files come from templates under generator/templates/init/ (commented Dutch
YAML filled in with the region's names, years and gemeenten), from the models
(the JSON Schemas) and from small generators (editor settings). `FILES` lists
them; adding a file to every new region is one line there.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.load.formaat import HUIDIG
from generator.load.formaat.beslissingen import hint_of, placeholder
from generator.load.layout import FILE_GLOBS, PACKAGE_TEMPLATES
from generator.models.schema import all_schema_texts, editor_settings
from generator.render.templating.environment import md_escape
from generator.util.errors import UsageFault

INIT = PACKAGE_TEMPLATES / "init"
SCHEMA_DIR = "schemas"
CBS_CODE = re.compile(r"GM\d{4}")
# Names go into YAML and Markdown: one line of text, so no control or line-separator characters.
_NOT_IN_A_NAME = {"Cc", "Cs", "Zl", "Zp"}


class ScaffoldError(UsageFault):
    """A usage mistake in the arguments of `dvo init` (Dutch message)."""


@dataclass(frozen=True)
class NewGemeente:
    naam: str
    cbs_code: str

    @property
    def slug(self) -> str:
        return slugify(self.naam)


# What `dvo init` cannot know about the organisation: asked for at a terminal, else written as
# a placeholder that `dvo validate` refuses at its line (load/formaat/beslissingen) until filled in.
VRAGEN = {
    "organisatie": (
        "--organisatie",
        "Naam van de uitvoeringsorganisatie",
        "de volledige naam van de uitvoeringsorganisatie, bijv. 'Werkleerbedrijf Achterhoek'",
    ),
    "korte_naam": (
        "--korte-naam",
        "Korte naam, met lidwoord, zoals in een zin",
        "hoe de DVO de organisatie verder noemt, met lidwoord, bijv. 'het Werkleerbedrijf' of 'het Werkplein'",
    ),
    "rechtsvorm": (
        "--rechtsvorm",
        "Rechtsvorm",
        "de rechtsvorm van de organisatie, bijv. 'openbaar lichaam op grond van de Wet gemeenschappelijke regelingen'",
    ),
    "vestigingsplaats": ("--vestigingsplaats", "Vestigingsplaats", "de plaats waar de organisatie is gevestigd"),
    "gastheergemeente": (
        "--gastheergemeente",
        "Gastheergemeente (naam of slug)",
        "de slug van de gemeente die ondersteunende taken levert (uit de lijst gemeenten hieronder)",
    ),
}


@dataclass(frozen=True)
class NewRegion:
    naam: str
    organisatie: str
    gemeenten: tuple[NewGemeente, ...]
    eerste_jaar: int
    laatste_jaar: int
    korte_naam: str = ""
    rechtsvorm: str = ""
    vestigingsplaats: str = ""
    gastheergemeente: str = ""

    @property
    def jaren(self) -> list[int]:
        return list(range(self.eerste_jaar, self.laatste_jaar + 1))

    @property
    def open(self) -> list[str]:
        """The fields written as a placeholder, to be filled in by the user."""
        return [veld for veld in VRAGEN if hint_of(getattr(self, veld)) is not None]

    @property
    def organisatie_tekst(self) -> str:
        """The organisation in a comment or the site's title: its name, once it is known."""
        return self.organisatie if hint_of(self.organisatie) is None else "de uitvoeringsorganisatie"

    # The default organisation page in the nav (publish/default_pages); regions from before it had
    # this name know it as werkbedrijf.md, the same page.
    organisatiepagina = "organisatie.md"

    @property
    def site_naam(self) -> str:
        return self.organisatie if hint_of(self.organisatie) is None else f"Regio {self.naam}"


def slugify(naam: str) -> str:
    """`Súdwest-Fryslân` -> `sudwest-fryslan`, `'s-Hertogenbosch` -> `s-hertogenbosch`."""
    plain = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def check_name(value: str, what: str) -> str:
    value = value.strip()
    if not value or any(unicodedata.category(c) in _NOT_IN_A_NAME for c in value):
        raise ScaffoldError(f"{what}: verwacht een naam op één regel, gevonden {value!r}")
    return value


def parse_gemeente(spec: str) -> NewGemeente:
    """`Oost Gelre:GM1586` -> NewGemeente('Oost Gelre', 'GM1586')."""
    naam, sep, code = spec.rpartition(":")
    if not sep or not CBS_CODE.fullmatch(code.strip()):
        raise ScaffoldError(f"--gemeente: verwacht 'Naam:GMxxxx' (naam, dubbele punt, CBS-code), gevonden '{spec}'")
    gemeente = NewGemeente(check_name(naam, "--gemeente"), code.strip())
    if not gemeente.slug:
        raise ScaffoldError(f"--gemeente: van de naam '{gemeente.naam}' is geen bestandsnaam te maken")
    return gemeente


def parse_jaren(text: str) -> tuple[int, int]:
    """`2025-2028` -> (2025, 2028)."""
    match = re.fullmatch(r"(\d{4})-(\d{4})", text.strip())
    if not match or int(match.group(2)) < int(match.group(1)):
        raise ScaffoldError(f"--periode: verwacht 'eerste jaar-laatste jaar' zoals 2025-2028, gevonden '{text}'")
    return int(match.group(1)), int(match.group(2))


def default_period(today: dt.date) -> tuple[int, int]:
    """Four years from next year: the usual term of a DVO, starting when it can be signed."""
    return today.year + 1, today.year + 4


# Used when no gemeente is given: the repository must still be valid; the name says what to do.
PLACEHOLDER = NewGemeente("Voorbeeldgemeente", "GM0000")


def parse_gemeenten(gemeenten: list[str]) -> tuple[NewGemeente, ...]:
    parsed = tuple(parse_gemeente(g) for g in gemeenten) or (PLACEHOLDER,)
    for what, values in (("slug", [g.slug for g in parsed]), ("CBS-code", [g.cbs_code for g in parsed])):
        dups = sorted({v for v in values if values.count(v) > 1})
        if dups:
            raise ScaffoldError(f"--gemeente: {what} {', '.join(dups)} komt meer dan eens voor")
    return parsed


def gastheer_slug(value: str, gemeenten: tuple[NewGemeente, ...]) -> str:
    """`Oost Gelre` or `oost-gelre` -> `oost-gelre`, when it is one of the gemeenten."""
    for g in gemeenten:
        if value.strip() in (g.naam, g.slug) or slugify(value) == g.slug:
            return g.slug
    raise ScaffoldError(
        f"--gastheergemeente: verwacht een van de gemeenten ({', '.join(g.naam for g in gemeenten)}), gevonden "
        f"'{value}'"
    )


def new_region(
    naam: str,
    organisatie: str | None,
    gemeenten: list[str] | tuple[NewGemeente, ...],
    periode: tuple[int, int],
    **organisatie_gegevens: str | None,
) -> NewRegion:
    """The new region; each value of VRAGEN that is not given becomes a placeholder (a gastheergemeente
    only when there is more than one gemeente to choose from)."""
    parsed = gemeenten if isinstance(gemeenten, tuple) else parse_gemeenten(list(gemeenten))
    naam = check_name(naam, "--regio")
    given = {"organisatie": organisatie, **organisatie_gegevens}
    values: dict[str, str] = {}
    for veld, (optie, _, wat) in VRAGEN.items():
        value = given.get(veld)
        if veld == "gastheergemeente":
            if value:
                value = gastheer_slug(value, parsed)
            elif len(parsed) == 1 and parsed != (PLACEHOLDER,):
                value = parsed[0].slug
        values[veld] = check_name(value, optie) if value else placeholder(wat)
    return NewRegion(
        naam,
        values["organisatie"],
        parsed,
        periode[0],
        periode[1],
        korte_naam=values["korte_naam"],
        rechtsvorm=values["rechtsvorm"],
        vestigingsplaats=values["vestigingsplaats"],
        gastheergemeente=values["gastheergemeente"],
    )


# --- the files ---------------------------------------------------------------------------------


class Raw(str):
    """Text that goes into a YAML block scalar or comment as it is (the `tekst` filter)."""


_PLAIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9 .,'()/&+-]*")
_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def yaml_scalar(value: object) -> str:
    """A value as a YAML scalar: numbers as they are, text plain where safe, else double-quoted."""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"unexpected value in an init template: {value!r}")
    if isinstance(value, int):
        return str(value)
    if _PLAIN.fullmatch(value) and value == value.strip() and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


@lru_cache(maxsize=2)
def _environment(markdown: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(INIT)),
        autoescape=False,
        undefined=StrictUndefined,
        finalize=md_escape if markdown else yaml_scalar,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["tekst"] = Raw
    return env


def _render(source: str, **context) -> str:
    return _environment(source.endswith(".md")).get_template(source).render(formaat=HUIDIG, **context)


def site_config_text(organisatie: str) -> str:
    """mkdocs.yml as `dvo init` writes it, for a region that has none (`dvo bijwerken` from format 1):
    its organisation page keeps the name it had then."""
    return _render("mkdocs.yml", regio={"site_naam": organisatie, "organisatiepagina": "werkbedrijf.md"})


Maker = Callable[[NewRegion], dict[str, str]]


def template(target: str, source: str | None = None) -> Maker:
    """A file rendered from templates/init/<source> (default: the same path as the target)."""
    return lambda region: {target: _render(source or target, regio=region)}


def per_gemeente(target: str, source: str) -> Maker:
    """One file per gemeente; `target` names it with `{slug}`."""
    return lambda region: {target.format(slug=g.slug): _render(source, regio=region, g=g) for g in region.gemeenten}


def copied(target: str, source: str) -> Maker:
    """A file of the package copied byte for byte (for files with their own `{{ }}`, such as CI workflows)."""
    return lambda region: {target: (PACKAGE_TEMPLATES / source).read_text(encoding="utf-8")}


def schemas(region: NewRegion) -> dict[str, str]:
    return {f"{SCHEMA_DIR}/{name}": text for name, text in all_schema_texts().items()}


def ci(region: NewRegion) -> dict[str, str]:
    """The GitHub Actions and GitLab CI files (validate, build in shards, publish), pinned
    to this version of the generator."""
    from generator.publish.ci import ci_files

    return ci_files()


def editor(region: NewRegion) -> dict[str, str]:
    recommend = json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n"
    return {".vscode/settings.json": editor_settings(SCHEMA_DIR, FILE_GLOBS), ".vscode/extensions.json": recommend}


FILES: list[Maker] = [
    template("content/regio.yaml"),
    template("content/instrumentarium.yaml"),
    template("content/indicatoren.yaml"),
    template("content/verordening.yaml"),
    template("content/dvo-standaardbepalingen.yaml"),
    per_gemeente("gemeenten/{slug}.yaml", "gemeenten/gemeente.yaml"),
    template("mkdocs.yml"),
    template("README.md"),
    copied(".gitignore", "init/gitignore"),
    copied(".pre-commit-config.yaml", "init/pre-commit-config.yaml"),
    schemas,
    editor,
    ci,
]


def files(region: NewRegion) -> dict[str, str]:
    """Relative path -> text of every file of the new repository."""
    out: dict[str, str] = {}
    for make in FILES:
        out.update(make(region))
    return dict(sorted(out.items()))


def is_empty_dir(path: Path) -> bool:
    return path.is_dir() and not any(path.iterdir())


def write(root: Path, region: NewRegion | None) -> list[str]:
    """Write the repository into `root` (absent or empty); returns the paths written.
    (With `region` None it only checks that `root` may be written.)"""
    from generator.util.atomic import write_text

    if root.exists() and not is_empty_dir(root):
        raise ScaffoldError(f"'{root}' bestaat al en is niet leeg; kies een nieuwe of lege map")
    if region is None:
        return []
    made = files(region)
    for rel, text in made.items():
        write_text(root / rel, text)
    return list(made)
