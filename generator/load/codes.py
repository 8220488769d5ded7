"""Every finding code, with its one-line Dutch explanation: the only list of them.

A finding (`dvo validate`, and every problem `dvo import` reports) ends in its code
in brackets, `... gevonden 'veel' [bedrag-ongeldig]`, so a user can look it up and a
test can assert what went wrong without matching a sentence. Codes are stable:
scripts and documentation may rely on them. Rename one only with a changelog entry.

Adding a check: pick the code of the mistake the user made (several checks share one
when the fix is the same kind), or add a line here. tests/test_finding_codes.py fails
for a code used in the package but missing here, for a code here that nothing uses, and
for a README table that differs from this list (`python -m generator.load.codes README.md`
rewrites it).
"""

from __future__ import annotations

CODES: dict[str, str] = {
    # The data format (content/regio.yaml: formaat).
    "formaat-ouder": (
        "De gegevens staan in een ouder formaat dan deze versie van de software leest: draai `dvo bijwerken` (met "
        "--dry-run ziet u eerst wat er verandert)."
    ),
    "formaat-nieuwer": (
        "De gegevens staan in een nieuwer formaat dan deze versie van de software kent: werk de generator bij."
    ),
    "omzetten-onmogelijk": (
        "Een bestand kan niet naar het nieuwe formaat worden omgezet, bijvoorbeeld een blok op één regel ({...}) waar "
        "een veld bij moet: schrijf het uit over meer regels."
    ),
    "in-te-vullen": (
        "Iets wat alleen u weet, dat `dvo init` of `dvo bijwerken` aan u liet: vervang de waarde die met IN TE VULLEN "
        "begint (of het opzijgezette sjabloon) door wat er hoort; de melding zegt wat."
    ),
    # The file itself: present, readable, inside the repository, valid YAML.
    "bestand-ontbreekt": (
        "Een bestand dat de regio nodig heeft ontbreekt: een gegevensbestand, het bestand van een gemeente uit de "
        "lijst, of mkdocs.yml."
    ),
    "bestand-buiten-repository": (
        "Een symbolische koppeling wijst naar een bestand of map buiten de regio-repository; dat wordt nooit gelezen."
    ),
    "koppeling-ongeldig": (
        "Een symbolische koppeling wijst naar zichzelf (een lus) of naar een bestand dat niet bestaat."
    ),
    "bestand-ongeschikt": "Waar een bestand hoort, staat iets anders: een map, een named pipe of een apparaat.",
    "bestand-onleesbaar": "Het bestand kan niet worden gelezen, bijvoorbeeld omdat de leesrechten ontbreken.",
    "bestand-te-groot": (
        "Het bestand is groter dan toegestaan: een gegevensbestand hoogstens 1 MB, een export 50 MB (uitgepakt 200 MB)."
    ),
    "tekenset-ongeldig": (
        "Het bestand is geen UTF-8-tekst (een CSV-export mag ook Windows-1252 zijn); sla het op als UTF-8."
    ),
    "yaml-ongeldig": (
        "Het bestand is geen geldige YAML: controleer inspringing (spaties, geen tabs), dubbele punten, "
        "aanhalingstekens en haakjes."
    ),
    "teken-ongeldig": "Het bestand bevat een stuurteken (zoals een nul-byte) dat YAML niet toestaat.",
    "yaml-niet-toegestaan": (
        "Ankers en verwijzingen (&, *), YAML-labels (!, !!) en samenvoegsleutels (<<) zijn niet toegestaan: schrijf "
        "alles voluit."
    ),
    "sleutel-ongeldig": "Een sleutel is leeg, of is een lijst of blok in plaats van een tekst of getal.",
    "sleutel-dubbel": "Dezelfde sleutel staat twee keer in één blok.",
    "te-diep-genest": "Meer dan 32 lijsten en blokken in elkaar; meestal een fout in de inspringing of de haakjes.",
    # One field: its shape and value.
    "structuur-ongeldig": "Verwacht een blok met velden (sleutel: waarde) of een lijst, gevonden iets anders.",
    "veld-onbekend": "Een veld dat hier niet bestaat, vaak een tikfout; de melding noemt de toegestane velden.",
    "veld-ontbreekt": (
        "Een verplicht veld ontbreekt, of een veld dat nodig is omdat een ander veld of een lijst van de regio is "
        "ingevuld."
    ),
    "keuze-ongeldig": "De waarde is niet een van de vaste keuzes van dit veld; de melding noemt ze.",
    "tekst-ongeldig": "Verwacht tekst, gevonden een getal, een lijst, een blok of een lege tekst.",
    "getal-ongeldig": "Verwacht een getal (een geheel aantal, een noemer groter dan 0), gevonden iets anders.",
    "bedrag-ongeldig": (
        "Verwacht een bedrag in euro's, hooguit in centen (het totaal van een kostenpost in hele euro's), gevonden "
        "iets anders."
    ),
    "getalnotatie-ongeldig": (
        "Een getal met punten voor duizendtallen, een decimaalkomma of e-notatie: schrijf cijfers, met een punt voor "
        "decimalen."
    ),
    "waarde-buiten-bereik": (
        "Een getal buiten wat hier kan: negatief, € 1 miljard of meer, meer dan 15 cijfers, een percentage buiten "
        "0-100, een rapportcijfer buiten 1-10 of geen deelnemers."
    ),
    "jaar-ongeldig": "Verwacht een jaartal van vier cijfers, zoals 2016.",
    "datum-ongeldig": "Verwacht een bestaande datum als JJJJ-MM-DD, zoals 2015-01-01.",
    "id-ongeldig": "Een id of slug bestaat uit kleine letters, cijfers en koppeltekens, zoals 'west-maas-en-waal'.",
    "cbs-code-ongeldig": "Een CBS-gemeentecode is 'GM' met vier cijfers, zoals GM0344.",
    "controlegetal-ongeldig": "Een controlegetal heeft 64 tekens (0-9, a-f), zoals dvo vastleggen het schrijft.",
    "lijst-te-kort": "Een lijst die niet leeg mag zijn, heeft te weinig items.",
    "waarde-ongeldig": "Een waarde die dit veld niet aanneemt; de melding zegt wat er verwacht werd.",
    # Fields that belong together.
    "volgorde-ongeldig": (
        "Een einde vóór het begin, versies niet op datumvolgorde, een handtekening vóór het besluit, of drempels in "
        "de verkeerde volgorde."
    ),
    "gewichten-ongeldig": "De gewichten van een verdeelsleutel tellen niet op tot 100.",
    "rapportstatus-ongeldig": (
        "Een vastgesteld rapport zegt niet door wie en wanneer, of een rapport met 'vastgesteld' heeft nog status "
        "'concept'."
    ),
    "grondslag-ongeldig": "De grondslag van een instrument noemt niet precies één van 'wet' en 'artikel'.",
    "waarde-dubbel": (
        "Een id, slug, CBS-code, versie, kenmerk, dienstgroep, indicator of importrij die maar één keer mag "
        "voorkomen, staat er meer dan eens."
    ),
    "waarde-wijkt-af": (
        "Een waarde moet gelijk zijn aan die elders: slug en bestandsnaam, naam en CBS-code als in "
        "content/regio.yaml, de datum van de laatste versie als dvo.datum."
    ),
    # References between files.
    "verwijzing-onbekend": (
        "Een verwijzing naar iets dat niet bestaat: een gemeente, indicator, instrument, artikel, verdeelsleutel, "
        "categorie, functie, dienstgroep, route of gegeven."
    ),
    "verwijzing-ontbreekt": "Een beleidskeuze noemt het DVO-artikel niet als [[artikel:id]].",
    "bestandsnaam-ongeldig": "De naam van een gemeentebestand is geen slug (kleine letters, cijfers en koppeltekens).",
    "gemeente-niet-in-regio": (
        "Een gemeentebestand voor een gemeente die niet in de lijst gemeenten van content/regio.yaml staat."
    ),
    # Years and periods.
    "buiten-periode": "Een jaar of periode buiten de DVO-periode (bij een verplichting ook buiten haar looptijd).",
    "jaar-ontbreekt": "Een jaar van de DVO-periode ontbreekt (financiën, basisdienstverlening, streefwaarden).",
    "periode-ongeldig": "Een periode die niet past bij het periodeschema van de regio (jaar, tertaal of kwartaal).",
    # Herindeling of gemeenten (content/regio.yaml: herindelingen).
    "herindeling-ongeldig": (
        "Een herindeling die zo niet kan: niet op 1 januari, een nieuwe gemeente die al deelneemt, of nulmetingen van "
        "de opgeheven gemeenten uit verschillende jaren."
    ),
    "herindeling-periode": (
        "Gegevens voor een periode waarin de gemeente niet bestond: een opgeheven gemeente na de herindeling, of de "
        "nieuwe gemeente ervóór. Zet ze bij de gemeente die toen bestond."
    ),
    # Verantwoording.
    "noemer-ontbreekt": (
        "Een indicator met een gewogen gemiddelde heeft een noemer nodig, in de indicator en bij elke realisatie."
    ),
    "realisatie-ontbreekt": "Een toelichting of opvolging voor een periode zonder realisatie.",
    "percentage-onmogelijk": (
        "Een percentage met een noemer dat geen geheel aantal van die noemer kan zijn (73,4% van 6 kan niet); schrijf "
        "het als teller en noemer."
    ),
    "meetwijze-ongeldig": (
        "Een percentage, gemiddelde, rapportcijfer of gewogen gemiddelde kan niet worden opgeteld en heeft meetwijze "
        "'stand'."
    ),
    # Indicators split by a dimensie.
    "niet-uitgesplitst": (
        "Categorieën, overgangen of kengetallen bij een indicator die geen dimensie heeft in content/indicatoren.yaml."
    ),
    "uitsplitsing-ongeldig": (
        "Een uitgesplitste indicator telt mensen of dingen per categorie: eenheid 'aantal', regionaal 'som'."
    ),
    "categorieen-tellen-niet-op": (
        "De aantallen per categorie tellen niet op tot de waarde (het totaal) of de streefwaarde van het jaar."
    ),
    "overgangen-tellen-niet-op": (
        "Een rij van de overgangen telt niet op tot de stand aan het begin van het jaar, of een kolom niet tot de "
        "stand op de peildatum."
    ),
    "beginstand-ontbreekt": (
        "Voor de overgangen ontbreekt de stand per categorie aan het begin van het jaar (de laatste realisatie van "
        "het jaar ervoor, of in het eerste jaar de nulmeting)."
    ),
    "geen-ladder": (
        "Overgangen, of een kengetal van stijgers en dalers, bij een dimensie die geen ladder is (ladder: true)."
    ),
    # Maatwerk priced per groep.
    "raming-boven-budget": (
        "De meerjarenraming van een maatwerkafspraak (mensen per groep maal de prijs) is hoger dan het budget van de "
        "afspraak."
    ),
    "deelnemers-tellen-niet-op": "De mensen per groep van een maatwerkafspraak tellen niet op tot haar deelnemers.",
    # Money.
    "basis-telt-niet-op": (
        "De aandelen basisdienstverlening van de gemeenten tellen niet op tot de regionale basisdienstverlening."
    ),
    "maatwerkbudget-negatief": (
        "Basisdienstverlening en verplichtingen zijn samen hoger dan wat een gemeente beschikbaar heeft."
    ),
    "maatwerkbudget-overschreden": (
        "De maatwerkafspraken van een gemeente kosten in een jaar meer dan haar maatwerkbudget."
    ),
    # The DVO as a contract.
    "versiegeschiedenis-onvolledig": (
        "De versiegeschiedenis (dvo.wijzigingen) ontbreekt of eindigt niet met de huidige versie."
    ),
    "ondertekening-onvolledig": (
        "Een partij zonder ondertekenaar, of een ondertekenaar zonder het besluit of mandaat, of zonder plaats en "
        "datum van ondertekening."
    ),
    "streefwaarde-onder-nulmeting": (
        "Een streefwaarde is slechter dan de nulmeting van de gemeente; een streefwaarde volgt uit de nulmeting, of "
        "de reden staat bij toelichting_streefwaarden."
    ),
    "maatwerkindicator-onvolledig": (
        "Een indicator van een maatwerkafspraak staat niet bij prestatie_indicatoren, of heeft geen nulmeting."
    ),
    "deelnemers-zonder-budget": "Deelnemers bij een maatwerkafspraak in een jaar zonder budget.",
    "controlegetal-gewijzigd": (
        "De inhoud van een vastgelegde DVO-versie is veranderd: leg een nieuwe versie vast of maak de wijziging "
        "ongedaan."
    ),
    "rapport-vastgesteld": (
        "Een cijfer van een periode waarover een vastgestelde rapportage is, is veranderd zonder herziening; leg de "
        "herziening vast (datum, door, reden) of maak de wijziging ongedaan."
    ),
    "revisie-onleesbaar": (
        "De git-revisie die bij een DVO-versie is vastgelegd, is niet te lezen (geen git-repository, een ondiepe "
        "kloon) of bevat een andere versie; de melding zegt hoe het te verhelpen."
    ),
    "revisie-ontbreekt": (
        "Een eerdere DVO-versie is vastgelegd (controlegetal) maar heeft geen revisie: zonder revisie is niet te "
        "bepalen welke DVO geldt."
    ),
    # The site and the templates.
    "pagina-onbekend": "Een pagina in de nav van mkdocs.yml bestaat niet.",
    "pagina-niet-in-nav": (
        "Een pagina die de bouw schrijft, staat niet in de nav van mkdocs.yml en valt niet onder not_in_nav."
    ),
    "link-onbekend": "Een link in een eigen pagina wijst naar een pagina die de site niet heeft.",
    "sjabloon-onbekend": (
        "Een bestand in dvo_templates/ vervangt geen sjabloon van het pakket, meestal door een tikfout in de naam."
    ),
    "sjabloon-ongeldig": "Een sjabloon in dvo_templates/ heeft een fout in de opmaak (Jinja).",
    # dvo import.
    "export-onleesbaar": (
        "De export is geen leesbare CSV of Excel-werkmap: verkeerde extensie, geen tekst, een hernoemd of beschadigd "
        "bestand."
    ),
    "te-veel-rijen": "De export heeft meer dan 100.000 rijen met gegevens.",
    "kolom-ontbreekt": "De kopregel van de export mist een verplichte kolom (gemeente, indicator, periode, waarde).",
    "export-leeg": "De export heeft geen rijen met gegevens onder de kopregel.",
    "cel-leeg": "Een verplichte cel van een rij is leeg.",
    "indicator-niet-in-dvo": "De gemeente van de rij heeft deze indicator niet bij haar prestatie-indicatoren.",
    "bewerking-onmogelijk": (
        "De waarde kan niet in het gemeentebestand worden gezet, bijvoorbeeld omdat de indicator op één regel staat."
    ),
    "bestand-alleen-lezen": "Een gemeentebestand of de map gemeenten/ is niet schrijfbaar.",
    "schrijven-mislukt": "Het schrijven van de bestanden mislukte, bijvoorbeeld door een volle schijf.",
    "interne-fout": (
        "Een fout in de software zelf: de wijziging zou anders uitvallen dan bedoeld. Meld dit; er is niets geschreven."
    ),
}


def require(code: str) -> str:
    """`code`, when it is registered; a programming error otherwise."""
    if code not in CODES:
        raise ValueError(f"finding code {code!r} is not registered in generator/load/codes.py")
    return code


README_START, README_END = "<!-- foutcodes: begin -->\n", "<!-- foutcodes: einde -->"


def markdown_table() -> str:
    """The README's table of codes, in the order above."""
    rows = [f"| `{code}` | {text} |" for code, text in CODES.items()]
    return "\n".join(["| code | betekenis |", "|---|---|", *rows]) + "\n"


def with_table(readme: str) -> str:
    """`readme` with the table between its markers replaced by the current one."""
    head, rest = readme.split(README_START, 1)
    return head + README_START + markdown_table() + README_END + rest.split(README_END, 1)[1]


if __name__ == "__main__":  # developers: `python -m generator.load.codes [README.md]` prints or updates the table
    import sys
    from pathlib import Path

    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
        path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(markdown_table(), end="")
