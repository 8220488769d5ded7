"""The migrations: one step per format, each turning the files of format N-1 into format N.

A step works on the text of the region's files (`YamlTekst`: only what changed in the
format changes, comments and formatting stay) and decides from the data itself, not
from today's models: a step is frozen with the format it produces, so it keeps reading
old data the same way whatever later versions of the models say.

Two uses (`Migratie.werkmap`):

- `dvo bijwerken` converts the working tree: every step, including what only matters
  for the future (the besluit a signatory of a vastgestelde DVO signs on, a line in the
  version history) and the site files; what only a person can decide becomes a
  placeholder (beslissingen.py).
- An older git revision is converted in memory before it is read (`git_revisie.load_at`).
  It is read as it was (`historisch`: the contract rules are not applied again), so the
  contract-only changes are skipped, and a required value no one can derive gets a
  stand-in that keeps the old behaviour (e.g. no onderbesteding signal, as before).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from generator.load.formaat.beslissingen import placeholder
from generator.load.formaat.sjablonen import OUDE_SJABLONEN, sha256
from generator.load.formaat.yamltekst import Bron, TekstFout, YamlTekst, entry_of

REGIO = "content/regio.yaml"
INSTRUMENTARIUM = "content/instrumentarium.yaml"
INDICATOREN = "content/indicatoren.yaml"
MKDOCS = "mkdocs.yml"
PAGES = "content/pages/"
SJABLONEN = "dvo_templates/"

# Format 2 knew these four categories itself (seed 001 §4.3); from format 3 they are the region's list.
CATEGORIEEN_FORMAAT_2 = {
    1: "Trajecten direct naar werk",
    2: "Ontwikkeling naar maximale arbeidspotentie",
    3: "Structurele ondersteuning bij verminderde loonwaarde",
    4: "Zorgtrajecten zonder directe focus op werk",
}
# Units that are a stand at the peildatum (format 3's rule); everything else that is summed is a flow.
STAND_EENHEDEN = ("percentage", "rapportcijfer", "dagen")
LAATSTE_PERIODE = {"tertaal": "T3", "kwartaal": "Q4"}
DEFINITIEF = ("vastgesteld", "ondertekend")


@dataclass(frozen=True)
class Melding:
    """Something `dvo bijwerken` tells the user besides the open decisions: what to check."""

    rel: str
    tekst: str


@dataclass
class Migratie:
    """The files of one region while the steps run, and what the steps reported."""

    teksten: dict[str, str]  # relative path -> text (content/, gemeenten/, mkdocs.yml, content/pages/)
    werkmap: bool  # True: dvo bijwerken in the working tree; False: an older revision, in memory
    sjablonen: dict[str, bytes] = field(default_factory=dict)  # dvo_templates/ files (werkmap only)
    siteconfig: Callable[[], str] | None = None  # makes a mkdocs.yml for a region that has none
    verwijderd: list[str] = field(default_factory=list)
    verplaatst: dict[str, str] = field(default_factory=dict)  # old path -> new path (same bytes)
    meldingen: list[Melding] = field(default_factory=list)
    gedaan: list[tuple[int, str]] = field(default_factory=list)  # (format, one line per change made), for the summary
    stap: int = 0  # the format the running step produces
    _open: dict[str, YamlTekst] = field(default_factory=dict)

    def doe(self, wat: str) -> None:
        self.gedaan.append((self.stap, wat))

    def yaml(self, rel: str) -> YamlTekst | None:
        if rel not in self._open:
            if rel not in self.teksten:
                return None
            self._open[rel] = YamlTekst(self.teksten[rel], rel)
        return self._open[rel]

    def data(self, rel: str) -> object:
        """The file's current content as plain data (None when absent or not valid YAML)."""
        if rel not in self.teksten:
            return None
        try:
            return YAML(typ="safe", pure=True).load(self.teksten[rel])
        except YAMLError:
            return None

    def gemeenten(self) -> list[str]:
        return sorted(r for r in self.teksten if re.fullmatch(r"gemeenten/[^/_][^/]*\.yaml", r))

    def schema(self) -> str:
        regio = self.data(REGIO)
        rapportage = regio.get("rapportage") if isinstance(regio, dict) else None
        return str(rapportage.get("periode_schema", "jaar")) if isinstance(rapportage, dict) else "jaar"

    def afronden(self) -> None:
        """Apply the collected edits of a step, so the next step reads the result."""
        for rel, tekst in self._open.items():
            self.teksten[rel] = tekst.result()
        self._open.clear()


@dataclass(frozen=True)
class Stap:
    naar: int  # the format this step produces
    titel: str  # Dutch: the release that introduced the format (dvo bijwerken's summary)
    voer_uit: Callable[[Migratie], None]


# --- format 1 -> 2: the website --------------------------------------------------------------------


def _naar_2(m: Migratie) -> None:
    if m.werkmap and MKDOCS not in m.teksten and m.siteconfig is not None:
        m.teksten[MKDOCS] = m.siteconfig()
        m.doe(f"{MKDOCS}: de siteconfiguratie gemaakt (zoals `dvo init` haar schrijft)")


# --- format 2 -> 3 -----------------------------------------------------------------------------------


def _items(t: YamlTekst, *path) -> list[MappingNode]:
    node = t.at(*path)
    return [n for n in node.value if isinstance(n, MappingNode)] if isinstance(node, SequenceNode) else []


def _grondslag(m: Migratie) -> None:
    """wettelijke_grondslag + verordening_artikel -> grondslag: [{wet: ...}, {artikel: ...}], in place:
    each old line becomes an item of the list (in the order written), and keeps its own comment."""
    t = m.yaml(INSTRUMENTARIUM)
    if t is None:
        return
    n = 0
    for item in _items(t, "instrumenten"):
        oud = [
            (i, k, v)
            for i, (k, v) in enumerate(item.value)
            if isinstance(k, ScalarNode) and k.value in ("wettelijke_grondslag", "verordening_artikel")
        ]
        if not oud:
            continue
        if entry_of(item, "grondslag") is not None:
            raise TekstFout(
                f"{INSTRUMENTARIUM}:{t.line(oud[0][1])}: dit instrument heeft zowel 'grondslag' als "
                f"'{oud[0][1].value}'; zet de wettelijke grondslag en het artikel zelf in de lijst 'grondslag' en "
                "draai dan opnieuw"
            )
        column = oud[0][1].start_mark.column
        pad = " " * (column + t.seq_indent)
        dash = "-" + " " * (t.dash_gap - 1)

        def regel(k: ScalarNode, v: ScalarNode) -> str | None:
            if not isinstance(v, ScalarNode) or v.value in ("", "~", "null"):
                return None
            soort = "wet" if k.value == "wettelijke_grondslag" else "artikel"
            return f"{pad}{dash}{t.block({soort: Bron.of(t, v)}, 0)[0]}"

        first_pos, first_k, first_v = oud[0]
        lines = [regel(first_k, first_v)]
        t.replace_span(
            first_k.start_mark.index, first_v.end_mark.index, "grondslag:" + ("\n" + lines[0] if lines[0] else " []")
        )
        for pos, k, v in oud[1:]:
            line = regel(k, v)
            if pos == first_pos + 1 and line:  # the next line: it becomes the next item, its comment stays
                t.replace_span(t.line_start(k.start_mark.index), v.end_mark.index, line)
            else:  # elsewhere in the instrument: moved under the first
                t.remove_entry(item, k.value)
                if line:
                    t.insert(first_v.end_mark.index, "\n" + line)
        n += 1
    if n:
        m.doe(
            f"{INSTRUMENTARIUM}: bij {n} instrumenten 'wettelijke_grondslag' en 'verordening_artikel' "
            "samengevoegd tot de lijst 'grondslag'"
        )


def _categorieen(m: Migratie) -> None:
    """Format 2's four categories become the region's own list (same numbers)."""
    t, data = m.yaml(INSTRUMENTARIUM), m.data(INSTRUMENTARIUM)
    if t is None or not isinstance(data, dict) or "categorieen" in data or not isinstance(t.root, MappingNode):
        return
    gebruikt = {str(i.get("categorie")) for i in data.get("instrumenten") or [] if isinstance(i, dict)}
    if not gebruikt & {str(c) for c in CATEGORIEEN_FORMAAT_2}:
        return
    lijst = [{"id": nr, "naam": naam} for nr, naam in CATEGORIEEN_FORMAAT_2.items()]
    t.add_entry(
        t.root,
        "categorieen",
        lijst,
        before="instrumenten",
        blank_line=True,
        comment="de vier categorieën die de software tot formaat 2 zelf kende; pas ze gerust aan",
    )
    m.doe(
        f"{INSTRUMENTARIUM}: de lijst 'categorieen' gemaakt (de vier categorieën van formaat 2, met dezelfde nummers)"
    )


def _functies(m: Migratie) -> None:
    """The functions instruments and indicators name become the region's list `functies`, with the
    basisdienstverlening's cost lines: their keys are functies of the region since those lines follow
    the region's own list (format 2 had three fixed ones)."""
    t, regio = m.yaml(REGIO), m.data(REGIO)
    if t is None or not isinstance(regio, dict) or "functies" in regio or not isinstance(t.root, MappingNode):
        return
    gebruikt: set[str] = set()
    basis = regio.get("basisdienstverlening")
    jaren = basis.get("jaren") if isinstance(basis, dict) else None
    for regels in jaren.values() if isinstance(jaren, dict) else []:
        if isinstance(regels, dict):
            gebruikt.update(k for k in regels if isinstance(k, str))
    for rel, lijst in ((INSTRUMENTARIUM, "instrumenten"), (INDICATOREN, "indicatoren")):
        data = m.data(rel)
        for item in (data.get(lijst) or []) if isinstance(data, dict) else []:
            if isinstance(item, dict) and isinstance(item.get("functie"), str):
                gebruikt.add(item["functie"])
    if not gebruikt:
        return
    # Format 2 showed a function by its id with a capital (site/instrumentarium.md): the same names here.
    functies = [{"id": f, "naam": f.replace("-", " ").capitalize()} for f in sorted(gebruikt)]
    after = "gemeenten" if "gemeenten" in regio else None
    t.add_entry(
        t.root,
        "functies",
        functies,
        after=after,
        blank_line=True,
        comment="de functies die instrumenten, indicatoren en de basisdienstverlening noemen; vul gerust een "
        "omschrijving in",
    )
    m.doe(f"{REGIO}: de lijst 'functies' gemaakt uit de functies die in gebruik zijn ({', '.join(sorted(gebruikt))})")


def _meetwijze(m: Migratie) -> None:
    """Every indicator states its meetwijze; derived from its unit and regional rule, as format 2 computed."""
    t, data = m.yaml(INDICATOREN), m.data(INDICATOREN)
    if t is None or not isinstance(data, dict):
        return
    schema = m.schema()
    counts = {"stroom": 0, "stand": 0}
    for item, plain in zip(_items(t, "indicatoren"), data.get("indicatoren") or [], strict=False):
        if not isinstance(plain, dict) or "meetwijze" in plain:
            continue
        stand = plain.get("regionaal") == "gewogen gemiddelde" or plain.get("eenheid") in STAND_EENHEDEN
        meetwijze = "stand" if stand else "stroom"
        after = "regionaal" if entry_of(item, "regionaal") else None
        t.add_entry(item, "meetwijze", meetwijze, after=after)
        counts[meetwijze] += 1
        if not stand and schema != "jaar" and m.werkmap:
            m.meldingen.append(
                Melding(
                    INDICATOREN,
                    (
                        f"indicator '{plain.get('id')}': meetwijze 'stroom' (een aantal vanaf 1 januari, "
                        "vergeleken met het deel van de "
                        "jaarstreefwaarde), zoals de vorige versie rekende. Is het een waarde op de peildatum "
                        "(bijv. een bestand), "
                        f"kies dan 'stand'; telt het vanaf de start van de DVO, kies 'cumulatief'"
                    ),
                )
            )
    if any(counts.values()):
        m.doe(
            f"{INDICATOREN}: meetwijze afgeleid bij {counts['stand'] + counts['stroom']} indicatoren "
            f"({counts['stand']} stand: percentages, gemiddelden, cijfers; {counts['stroom']} stroom: aantallen "
            "en bedragen)"
        )


def _rapportage(m: Migratie) -> None:
    """rapportage.escalatie and rapportage.onderbesteding_vanaf are required from format 3."""
    t, regio = m.yaml(REGIO), m.data(REGIO)
    rapportage = regio.get("rapportage") if isinstance(regio, dict) else None
    node = t.at("rapportage") if t else None
    if t is None or not isinstance(rapportage, dict) or not isinstance(node, MappingNode):
        return
    if "escalatie" not in rapportage:
        if m.werkmap:
            naam = placeholder(
                "de naam van het orgaan waaraan onverklaarde afwijkingen worden voorgelegd, zonder lidwoord "
                "(bijv. 'dagelijks bestuur'); zet 'lidwoord' op 'het' als dat erbij hoort"
            )
        else:  # an older revision named no body; its reports said nothing else
            naam = "daartoe aangewezen orgaan"
        after = "periode_schema" if "periode_schema" in rapportage else None
        t.add_entry(node, "escalatie", {"naam": naam, "lidwoord": "de" if m.werkmap else "het"}, after=after)
        m.doe(f"{REGIO}: rapportage.escalatie toegevoegd" + (" (in te vullen)" if m.werkmap else ""))
    if "onderbesteding_vanaf" not in rapportage:
        waarde = (
            placeholder(
                "het percentage onder het jaarbudget waaronder een post aan het eind van het jaar onderbesteed is "
                "(bijv. 10: minder dan 90% besteed)"
            )
            if m.werkmap
            else 100
        )  # 100: never flagged, as before
        after = "drempels" if "drempels" in rapportage else None
        t.add_entry(node, "onderbesteding_vanaf", waarde, after=after)
        m.doe(f"{REGIO}: rapportage.onderbesteding_vanaf toegevoegd" + (" (in te vullen)" if m.werkmap else ""))


def _besteed(m: Migratie) -> None:
    """maatwerk[].besteed per year -> per period: a year's amount is what was spent at its last period."""
    laatste = LAATSTE_PERIODE.get(m.schema())
    if laatste is None:
        return  # per year, a period is a year: nothing changes
    for rel in m.gemeenten():
        t = m.yaml(rel)
        if t is None:  # m.gemeenten() lists only files that are there
            continue
        n = 0
        for item in _items(t, "maatwerk"):
            besteed = entry_of(item, "besteed")
            if besteed is None or not isinstance(besteed[1], MappingNode):
                continue
            for k, _ in besteed[1].value:
                if isinstance(k, ScalarNode) and re.fullmatch(r"\d{4}", k.value):
                    t.replace(k, f"{k.value}-{laatste}")
                    n += 1
        if n:
            m.doe(
                f"{rel}: {n} bedragen maatwerk[].besteed per jaar gezet op de laatste periode van dat jaar ({laatste})"
            )


def _ondertekening(m: Migratie) -> None:
    """From format 3 a vastgestelde DVO names the besluit or mandaat of every signatory, an
    ondertekende one where and when each signed, and the version history ends with the current version."""
    if not m.werkmap:
        return  # contract rules: an older revision is read as it was
    for rel in m.gemeenten():
        t, data = m.yaml(rel), m.data(rel)
        if t is None:  # m.gemeenten() lists only files that are there
            continue
        dvo = data.get("dvo") if isinstance(data, dict) else None
        node = t.at("dvo")
        if not isinstance(dvo, dict) or not isinstance(node, MappingNode):
            continue
        status = dvo.get("status")
        for item, plain in zip(_items(t, "dvo", "ondertekenaars"), dvo.get("ondertekenaars") or [], strict=False):
            if not isinstance(plain, dict):
                continue
            wie = plain.get("naam", "de ondertekenaar")
            if status in DEFINITIEF:
                grond = plain.get("grondslag")
                nodig = {
                    "orgaan": placeholder(
                        f"het orgaan dat besloot of mandaat gaf waarop {wie} tekent (bijv. het college van "
                        "burgemeester en wethouders)"
                    ),
                    "datum": placeholder("de datum van dat besluit of mandaat (JJJJ-MM-DD)"),
                }
                if grond is None:
                    t.add_entry(
                        item,
                        "grondslag",
                        {"soort": "besluit", **nodig},
                        after="namens" if "namens" in plain else None,
                        comment="besluit of mandaat; verplicht bij een vastgestelde DVO",
                    )
                    m.doe(f"{rel}: grondslag van {wie} toegevoegd (in te vullen)")
                elif isinstance(grond, dict):
                    found = entry_of(item, "grondslag")  # there: the plain data has it
                    sub = found[1] if found else None
                    for veld, waarde in nodig.items():
                        if grond.get(veld) is None and isinstance(sub, MappingNode) and sub.value:
                            t.add_entry(sub, veld, waarde)
            if status == "ondertekend" and plain.get("ondertekend") is None:
                t.add_entry(
                    item,
                    "ondertekend",
                    {
                        "plaats": placeholder(f"de plaats waar {wie} tekende"),
                        "datum": placeholder(f"de datum waarop {wie} tekende (JJJJ-MM-DD)"),
                    },
                )
                m.doe(f"{rel}: plaats en datum van de ondertekening door {wie} toegevoegd (in te vullen)")
        _versie(m, rel, t, node, dvo)


def _versie(m: Migratie, rel: str, t: YamlTekst, node: MappingNode, dvo: dict) -> None:
    versie, datum, status = dvo.get("versie"), dvo.get("datum"), dvo.get("status")
    wijzigingen = dvo.get("wijzigingen") or []
    if versie is None or datum is None:
        return
    last = wijzigingen[-1] if wijzigingen and isinstance(wijzigingen[-1], dict) else None
    if last is not None and str(last.get("versie")) == str(versie):
        return
    if not wijzigingen and status not in DEFINITIEF:
        return
    omschrijvingen: dict[object, str] = {"vastgesteld": "Vastgestelde versie.", "ondertekend": "Ondertekende versie."}
    omschrijving = omschrijvingen.get(status, "Huidige versie.")
    regel = {"versie": str(versie), "datum": datum, "omschrijving": omschrijving}
    lijst = entry_of(node, "wijzigingen")
    if lijst is not None and isinstance(lijst[1], SequenceNode) and lijst[1].value and not lijst[1].flow_style:
        t.append_item(lijst[1], regel)
    else:
        t.add_entry(node, "wijzigingen", [regel], comment="regel voor de huidige versie toegevoegd door dvo bijwerken")
    m.doe(f"{rel}: versie {versie} in dvo.wijzigingen gezet ('{omschrijving}')")
    m.meldingen.append(
        Melding(rel, f"dvo.wijzigingen: controleer de omschrijving van versie {versie} ('{omschrijving}')")
    )


def _site(m: Migratie) -> None:
    """The site's pages moved (issue 14): regio.md -> regio/index.md, gemeenten/<slug>.md ->
    gemeenten/<slug>/index.md."""
    if not m.werkmap:
        return
    t = m.yaml(MKDOCS)
    if t is not None:
        n = 0
        for node in _scalars(t.root):
            nieuw = _nieuw_pad(node.value)
            if nieuw is not None:
                t.replace(node, nieuw if node.style is None else f"{node.style}{nieuw}{node.style}")
                n += 1
        not_in_nav = t.at("not_in_nav") if isinstance(t.root, MappingNode) else None
        if isinstance(not_in_nav, ScalarNode) and "/gemeenten/*.md" in not_in_nav.value:
            bron = t.text[not_in_nav.start_mark.index : not_in_nav.end_mark.index]
            t.replace(not_in_nav, bron.replace("/gemeenten/*.md", "/gemeenten/*/"))
            n += 1
        if n:
            m.doe(
                f"{MKDOCS}: {n} verwijzingen naar de nieuwe plaats van de pagina's (regio/index.md, gemeenten/<slug>/)"
            )
    for rel in sorted(r for r in m.teksten if r.startswith(PAGES) and r.endswith(".md")):
        oud = m.teksten[rel]
        nieuw = _LINK.sub(lambda mt: mt.group(1) + (_nieuw_pad(mt.group(2)) or mt.group(2)) + mt.group(3), oud)
        if nieuw != oud:
            m.teksten[rel] = nieuw
            m.doe(f"{rel}: links naar de nieuwe plaats van de pagina's")
    _sjablonen(m)


_LINK = re.compile(r"(\]\()([^)\s#]+\.md)((?:#[^)\s]*)?\))")


def _nieuw_pad(pad: str) -> str | None:
    if pad == "regio.md":
        return "regio/index.md"
    match = re.fullmatch(r"gemeenten/([a-z0-9]+(?:-[a-z0-9]+)*)\.md", pad)
    if match and match.group(1) != "index":
        return f"gemeenten/{match.group(1)}/index.md"
    return None


def _scalars(node):
    if isinstance(node, ScalarNode):
        yield node
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _scalars(item)
    elif isinstance(node, MappingNode):
        for _, value in node.value:
            yield from _scalars(value)


def _sjablonen(m: Migratie) -> None:
    """Up to format 2 a region kept the software's templates in dvo_templates/; from format 3 they
    ship in the package and a file there overrides one. Unchanged copies go; changed ones are set aside."""
    for rel, data in sorted(m.sjablonen.items()):
        naam = rel[len(SJABLONEN) :]
        if sha256(data) in OUDE_SJABLONEN.get(naam, ()):
            m.verwijderd.append(rel)
        elif naam in OUDE_SJABLONEN:
            m.verplaatst[rel] = f"{rel}.formaat2"
    if m.verwijderd:
        m.doe(
            f"{SJABLONEN}: {len(m.verwijderd)} ongewijzigde kopieën van sjablonen van de vorige software "
            "verwijderd (ze zitten nu in het pakket)"
        )
    for oud, nieuw in m.verplaatst.items():
        m.doe(f"{oud}: eigen versie van een sjabloon van formaat 2 opzijgezet als {nieuw}")


def _naar_3(m: Migratie) -> None:
    for change in (_grondslag, _categorieen, _functies, _meetwijze, _rapportage, _besteed, _ondertekening, _site):
        change(m)


# --- format 3 -> 4 -----------------------------------------------------------------------------------


def _naar_4(m: Migratie) -> None:
    """periode: {eerste_jaar, laatste_jaar} -> {van, tot_en_met}, as a verplichting's looptijd."""
    t = m.yaml(REGIO)
    periode = t.at("periode") if t else None
    if t is None or not isinstance(periode, MappingNode):
        return
    for oud, nieuw in (("eerste_jaar", "van"), ("laatste_jaar", "tot_en_met")):
        found = entry_of(periode, oud)
        if found is not None and entry_of(periode, nieuw) is None:
            t.replace(found[0], nieuw)
    if entry_of(periode, "eerste_jaar") or entry_of(periode, "laatste_jaar"):
        m.doe(f"{REGIO}: periode.eerste_jaar en periode.laatste_jaar heten nu periode.van en periode.tot_en_met")


# --- format 4 -> 5 -----------------------------------------------------------------------------------

# What the DVO's defined term and the reports called the organisation before format 5 (the
# software wrote it itself); from format 5 it is the region's own `korte_naam`.
KORTE_NAAM_FORMAAT_4 = "het Werkbedrijf"


def _naar_5(m: Migratie) -> None:
    """korte_naam: the organisation's short name, as the software printed it until format 4, so
    that a signed DVO keeps its text (and controlegetal)."""
    t = m.yaml(REGIO)
    if (
        t is None
        or not isinstance(t.root, MappingNode)
        or not t.root.value
        or entry_of(t.root, "korte_naam") is not None
    ):
        return
    after = "organisatie" if entry_of(t.root, "organisatie") is not None else None
    t.add_entry(
        t.root,
        "korte_naam",
        KORTE_NAAM_FORMAAT_4,
        after=after,
        comment="hoe de DVO en de rapportages de organisatie verder noemen (README: korte_naam)",
    )
    m.doe(
        f"{REGIO}: 'korte_naam: {KORTE_NAAM_FORMAAT_4}' toegevoegd (zo noemden de DVO en de rapportages de "
        "organisatie tot nu toe)"
    )


# What changed in each format, and why, is told once: in the README's "Gegevensformaat"
# (tests/test_formaat.py checks that it has a paragraph for every format).
STAPPEN = (
    Stap(2, "de website (november 2026)", _naar_2),
    Stap(3, "DVO als overeenkomst, rapportages, eigen woorden van de regio (november 2026)", _naar_3),
    Stap(4, "gegevensformaat en herindeling (december 2026)", _naar_4),
    Stap(
        5,
        "rapportages tegen de geldende DVO, de afrekening en de korte naam van de organisatie (december 2026)",
        _naar_5,
    ),
)
HUIDIG = STAPPEN[-1].naar
OUDSTE = 1
