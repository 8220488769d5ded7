"""Dutch titles and descriptions of every model and field, for editors (`dvo schema`).

Policy staff see these as hover help and completion in their editor. They are
kept here, apart from the models, so that changing a model and describing it
are one review: tests/test_schema.py fails for any model or field without a
Dutch description here, and for a description of a field that no longer exists.

Shape: model class name -> (title, description, {field: (title, description)}).
"""

from __future__ import annotations

Described = tuple[str, str, dict[str, tuple[str, str]]]

_JAAR = "Een jaartal als sleutel, bijvoorbeeld `2016: 120000`."

DESCRIPTIONS: dict[str, Described] = {
    # --- content/regio.yaml -------------------------------------------------------------------
    "Regio": (
        "Regio",
        "Het regiobestand (content/regio.yaml): de samenwerkende gemeenten, hun uitvoeringsorganisatie, de "
        "DVO-periode en het geld dat zij delen.",
        {
            "formaat": (
                "Gegevensformaat",
                "Het formaat waarin de gegevens van de regio zijn geschreven (nu 4). Na een update van de "
                "software zet `dvo bijwerken` oudere gegevens om en werkt dit getal bij.",
            ),
            "naam": ("Naam van de regio", "Bijvoorbeeld 'Achterhoek'. Staat op de site en in de rapportages."),
            "organisatie": (
                "Naam van de uitvoeringsorganisatie",
                "De organisatie die de DVO's met de gemeenten sluit, bijvoorbeeld 'Werkbedrijf Achterhoek'.",
            ),
            "korte_naam": (
                "Korte naam van de organisatie",
                "Hoe de DVO en de rapportages de organisatie verder noemen, met lidwoord, zoals in een zin: 'het "
                "Werkbedrijf', 'het Werkplein'. De DVO definieert de partij zo ('hierna: het Werkbedrijf'). "
                "Zonder korte naam staat er 'de organisatie'. Optioneel.",
            ),
            "rechtsvorm": (
                "Rechtsvorm",
                "Bijvoorbeeld de gemeenschappelijke regeling of de module daarvan waarin de organisatie is "
                "ondergebracht.",
            ),
            "vestigingsplaats": ("Vestigingsplaats", "De plaats waar de organisatie is gevestigd."),
            "gastheergemeente": (
                "Gastheergemeente",
                "Slug van de gemeente die ondersteunende taken levert; moet in de lijst gemeenten staan.",
            ),
            "periode": (
                "DVO-periode",
                "Het eerste (van) en laatste jaar (tot_en_met) waarvoor de DVO's gelden. Bedragen en "
                "streefwaarden staan per jaar van deze periode.",
            ),
            "gemeenten": (
                "Deelnemende gemeenten",
                "Elke gemeente met slug, naam en CBS-code. Elke gemeente heeft een eigen bestand "
                "gemeenten/<slug>.yaml.",
            ),
            "functies": (
                "Functies",
                "De eigen functies van de organisatie (bijvoorbeeld intake of werkgeversdienstverlening). "
                "Instrumenten, prestatie-indicatoren en de kosten van de basisdienstverlening verwijzen naar hun id.",
            ),
            "basisdienstverlening": (
                "Basisdienstverlening",
                "De regionale kosten van het basispakket: directe kosten per jaar en de regel voor de indirecte "
                "kosten.",
            ),
            "verdeelsleutels": (
                "Verdeelsleutels",
                "Sleutels om een kostenpost over de gemeenten te verdelen, naar inwoners en "
                "bijstandsgerechtigden. Optioneel.",
            ),
            "kostenposten": (
                "Kostenposten",
                "Bedragen die met een verdeelsleutel over de gemeenten worden verdeeld, zoals transitiekosten. "
                "Optioneel.",
            ),
            "rapportage": (
                "Rapportage",
                "Het periodeschema van de verantwoording en de drempels voor de status van een indicator.",
            ),
            "afrekening": (
                "Afrekening",
                "Hoe de jaarlijkse afrekening volgt uit de artikelen van de DVO over onder- en overbesteding: wie "
                "houdt wat een maatwerkafspraak minder kost, wie draagt een overschrijding, en hoe de "
                "verplichtingen worden verrekend. Optioneel; zonder dit blok gelden de standaardregels.",
            ),
            "groepen": (
                "Groepen",
                "Groepen kandidaten met een prijs per persoon per jaar (bijvoorbeeld werkfit, tijdelijke of "
                "structurele ondersteuning nodig). Een maatwerkafspraak noemt per groep hoeveel mensen zij "
                "bedient; de DVO rekent daarmee de meerjarenraming uit. Optioneel.",
            ),
            "herindelingen": (
                "Herindelingen",
                "Gemeenten die tijdens de DVO-periode samengaan: de datum, de nieuwe gemeente en de gemeenten die "
                "worden opgeheven. Optioneel.",
            ),
            "toegankelijkheid": (
                "Toegankelijkheidsverklaring",
                "Gegevens voor de toegankelijkheidsverklaring van de site. Optioneel: zonder dit blok draagt de "
                "verklaring de nieuwste datum uit de gegevens.",
            ),
        },
    ),
    "Afrekenregels": (
        "Afrekening",
        "De regels van de jaarlijkse afrekening, zoals de DVO ze in woorden noemt. Het aandeel in de "
        "basisdienstverlening wordt nooit per gemeente verrekend.",
        {
            "onderbesteding_maatwerk": (
                "Onderbesteding maatwerk",
                "Wie houdt wat een maatwerkafspraak minder kost dan haar budget: 'gemeente' (terugbetaald aan de "
                "gemeente, de standaard) of 'organisatie'.",
            ),
            "overschrijding_maatwerk": (
                "Overschrijding maatwerk",
                "Wie draagt wat een maatwerkafspraak meer kost dan haar budget: 'organisatie' (de standaard; een "
                "hoger budget vraagt een nieuwe versie van de DVO) of 'gemeente' (die betaalt bij).",
            ),
            "verplichtingen": (
                "Verplichtingen",
                "'werkelijke kosten' (de standaard: de gemeente betaalt wat de verplichtingen werkelijk kosten, "
                "dus terug of bij) of 'vast bedrag' (geen verrekening; meerkosten zijn voor de organisatie).",
            ),
        },
    ),
    "Groep": (
        "Groep",
        "Een groep kandidaten met de prijs om één persoon een jaar te bedienen.",
        {
            "id": ("Id", "Korte sleutel waarnaar maatwerkafspraken verwijzen (groepen)."),
            "naam": ("Naam", "De naam van de groep, bijvoorbeeld 'Tijdelijke ondersteuning nodig'."),
            "wie": (
                "Wie",
                "Wat na 'mensen' komt in een zin van de DVO: 'met tijdelijke ondersteuning' wordt '12 mensen met "
                "tijdelijke ondersteuning'.",
            ),
            "omschrijving": ("Omschrijving", "Uitleg bij de groep. Optioneel."),
            "prijs": (
                "Prijs per persoon",
                "Voor elk jaar van de DVO-periode wat het kost om één persoon van deze groep een jaar te bedienen. "
                + _JAAR,
            ),
            "bron": ("Bron", "Waar de prijs vandaan komt. Optioneel."),
            "illustratief": (
                "Illustratief",
                "`true` als de prijs niet uit een bron komt maar een voorbeeld of schatting is; de DVO vermeldt "
                "dat. Standaard false.",
            ),
        },
    ),
    "Toegankelijkheid": (
        "Toegankelijkheidsverklaring",
        "Wat de toegankelijkheidsverklaring van de site uit de gegevens haalt.",
        {
            "datum": (
                "Datum van de verklaring",
                "De dag waarop de regio de verklaring heeft opgesteld of voor het laatst heeft nagelopen, zoals "
                "2025-03-01.",
            ),
        },
    ),
    "Herindeling": (
        "Herindeling",
        "Een herindeling van gemeenten: vanaf de datum is de nieuwe gemeente rechtsopvolger van de opgeheven "
        "gemeenten en partij bij hun DVO's.",
        {
            "datum": ("Datum", "De datum van de herindeling: 1 januari van een jaar van de DVO-periode, JJJJ-MM-DD."),
            "nieuwe_gemeente": (
                "Nieuwe gemeente",
                "De gemeente die ontstaat: slug, naam en CBS-code. Haar bestand gemeenten/<slug>.yaml bevat wat "
                "zij vanaf de datum zelf rapporteert.",
            ),
            "opgeheven": (
                "Opgeheven gemeenten",
                "De slugs van de gemeenten die op de datum ophouden te bestaan; elk staat in de lijst gemeenten.",
            ),
        },
    ),
    "Looptijd": (
        "Jaren",
        "Een reeks hele jaren, van het eerste tot en met het laatste: de DVO-periode of de looptijd van een "
        "verplichting.",
        {
            "van": ("Van", "Het eerste jaar, bijvoorbeeld 2025."),
            "tot_en_met": ("Tot en met", "Het laatste jaar; niet vóór het eerste."),
        },
    ),
    "GemeenteRef": (
        "Gemeente",
        "Een deelnemende gemeente.",
        {
            "slug": (
                "Slug",
                "Korte naam in kleine letters, cijfers en koppeltekens, gelijk aan de bestandsnaam "
                "gemeenten/<slug>.yaml.",
            ),
            "naam": ("Naam", "De officiële naam van de gemeente."),
            "cbs_code": ("CBS-code", "'GM' gevolgd door vier cijfers, zoals het CBS de gemeente codeert."),
        },
    ),
    "Term": (
        "Begrip",
        "Een begrip uit de eigen woordenlijst van de regio: een categorie, functie, dienstgroep of route.",
        {
            "id": (
                "Id",
                "Korte sleutel waarnaar andere velden verwijzen: kleine letters, cijfers en koppeltekens, of een "
                "getal (zoals categorie 3).",
            ),
            "naam": ("Naam", "De naam zoals lezers hem zien op de site en in de documenten."),
            "omschrijving": ("Omschrijving", "Uitleg bij het begrip. Optioneel."),
        },
    ),
    "Basisdienstverlening": (
        "Basisdienstverlening",
        "De kosten van het basispakket voor de hele regio.",
        {
            "indirecte_kosten": (
                "Indirecte kosten",
                "De regel voor de indirecte kosten: een percentage van de directe kosten met een maximum.",
            ),
            "jaren": (
                "Directe kosten per jaar",
                "Voor elk jaar van de DVO-periode (het jaartal als sleutel) de directe kosten per functie: het id "
                "van een functie uit 'functies' met het bedrag in hele euro's, elk jaar dezelfde functies. "
                "Bijvoorbeeld `2016: {intake: 120000, werkgeversdienstverlening: 80000}`.",
            ),
            "bron": ("Bron", "Waar de bedragen vandaan komen. Optioneel."),
        },
    ),
    "IndirecteKosten": (
        "Indirecte kosten",
        "Indirecte kosten zijn ten hoogste een percentage van de directe kosten, met een maximum per jaar.",
        {
            "percentage": (
                "Percentage",
                "Percentage van de directe kosten (0 tot en met 100); de uitkomst wordt naar beneden afgerond op "
                "hele euro's.",
            ),
            "maximum": ("Maximum", "Het hoogste bedrag aan indirecte kosten per jaar, in hele euro's zonder punten."),
            "toelichting": ("Toelichting", "Uitleg van de regel. Optioneel."),
        },
    ),
    "Verdeelsleutel": (
        "Verdeelsleutel",
        "Hoe een kostenpost over de gemeenten wordt verdeeld.",
        {
            "id": ("Id", "Korte sleutel waarmee een kostenpost naar deze verdeelsleutel verwijst."),
            "naam": ("Naam", "Beschrijving van de sleutel, bijvoorbeeld '50% inwoners, 50% bijstandsgerechtigden'."),
            "criteria": ("Criteria", "De kenmerken met hun gewicht; de gewichten tellen samen op tot 100."),
        },
    ),
    "Criterium": (
        "Criterium",
        "Eén kenmerk van een verdeelsleutel met zijn gewicht.",
        {
            "kenmerk": (
                "Kenmerk",
                "'inwoners' of 'bijstandsgerechtigden', zoals in de kerngegevens van elke gemeente.",
            ),
            "gewicht": ("Gewicht", "Aandeel van dit kenmerk in procenten."),
        },
    ),
    "Kostenpost": (
        "Kostenpost",
        "Een bedrag dat met een verdeelsleutel over de gemeenten wordt verdeeld; het totaal wordt uit de posten "
        "berekend.",
        {
            "id": ("Id", "Korte sleutel, bijvoorbeeld voor `dvo verdeling <id>`."),
            "naam": ("Naam", "De naam van de kostenpost."),
            "verdeelsleutel": ("Verdeelsleutel", "Id van de verdeelsleutel waarmee de post wordt verdeeld."),
            "toelichting": ("Toelichting", "Uitleg. Optioneel."),
            "bron": ("Bron", "Waar de bedragen vandaan komen. Optioneel."),
            "posten": ("Posten", "De onderdelen met omschrijving en bedrag; het totaal is hun som."),
        },
    ),
    "Kostenregel": (
        "Post",
        "Eén onderdeel van een kostenpost.",
        {
            "omschrijving": ("Omschrijving", "Waarvoor het bedrag is."),
            "bedrag": ("Bedrag", "In euro's zonder punten, bijvoorbeeld 135000."),
        },
    ),
    "Rapportage": (
        "Rapportage",
        "Hoe de verantwoording per periode wordt opgesteld.",
        {
            "periode_schema": (
                "Periodeschema",
                "'jaar' (2016), 'tertaal' (2016-T1 tot en met T3) of 'kwartaal' (2016-Q1 tot en met Q4).",
            ),
            "drempels": (
                "Drempels",
                "Vanaf welk percentage van de streefwaarde een indicator op koers is, en waaronder hij afwijkt; "
                "met de regels voor kleine aantallen en rapportcijfers.",
            ),
            "escalatie": (
                "Orgaan voor afwijkingen",
                "Het orgaan waaraan afwijkingen zonder aanvaarde verklaring worden voorgelegd, zoals de "
                "rapportages het noemen.",
            ),
            "besluitvorming": (
                "Besluitvorming",
                "Wie besluit over wat een rapportage voorlegt (de escalatie, het college of de gemeenteraad), en "
                "wat de raad na een rapportage wordt gevraagd. Optioneel.",
            ),
            "onderbesteding_vanaf": (
                "Onderbesteding vanaf",
                "Percentage onder het jaarbudget: wie aan het eind van het jaar meer dan dit percentage minder "
                "besteedt, is onderbesteed (10 betekent: minder dan 90% besteed).",
            ),
            "rapporten": (
                "Regionale rapporten",
                "Per periode de status, publicatiedatum, context en conclusies van het regionale rapport. Optioneel.",
            ),
            "toelichtingen": (
                "Toelichtingen op regionale afwijkingen",
                "Per indicator (of kengetal, als <indicator>.<kengetal>) en periode een verklaring van een "
                "regionale afwijking. Optioneel.",
            ),
            "opvolging": (
                "Opvolging van regionale afwijkingen",
                "Per indicator en per periode van de afwijking: wat er is besloten. Optioneel.",
            ),
        },
    ),
    "Drempels": (
        "Drempels",
        "Statusdrempels als percentage van de streefwaarde (bij 'lager is beter' omgekeerd gerekend), met de "
        "regels voor kleine aantallen en rapportcijfers.",
        {
            "op_koers_vanaf": (
                "Op koers vanaf",
                "Percentage van de streefwaarde vanaf waar een indicator op koers is.",
            ),
            "afwijking_onder": (
                "Afwijking onder",
                "Percentage waaronder een indicator een (sterke) afwijking is; daartussen is hij een aandachtspunt.",
            ),
            "minimaal_verschil_aantallen": (
                "Minimaal verschil bij aantallen",
                "Bij een aantal is een verschil met de streefwaarde kleiner dan dit nooit een afwijking, hooguit "
                "een aandachtspunt. Optioneel.",
            ),
            "rapportcijfers": (
                "Rapportcijfers",
                "Drempels in punten onder de streefwaarde voor rapportcijfers (1-10). Optioneel; zonder deze "
                "regel gelden de percentages.",
            ),
        },
    ),
    "Rapportcijferdrempels": (
        "Drempels voor rapportcijfers",
        "Een rapportcijfer wordt beoordeeld op het aantal punten onder de streefwaarde.",
        {
            "aandachtspunt_vanaf": (
                "Aandachtspunt vanaf",
                "Zoveel punten of meer onder de streefwaarde is een aandachtspunt, bijvoorbeeld 0.3.",
            ),
            "afwijking_vanaf": (
                "Afwijking vanaf",
                "Zoveel punten of meer onder de streefwaarde is een sterke afwijking, bijvoorbeeld 0.8.",
            ),
        },
    ),
    "Besluitvorming": (
        "Besluitvorming",
        "Wie besluit over elk soort besluitpunt, de namen van de organen van de gemeente, en wat de "
        "gemeenteraad na een rapportage wordt gevraagd. Alles is optioneel; zonder dit blok gaan afwijkingen "
        "naar de escalatie, een DVO naar het college en een bijbetaling naar de gemeenteraad.",
        {
            "college": ("College", "Hoe de rapportage het college noemt, met lidwoord; 'van <gemeente>' volgt."),
            "raad": ("Gemeenteraad", "Hoe de rapportage de gemeenteraad noemt, met lidwoord; 'van <gemeente>' volgt."),
            "afwijking": (
                "Besluit over een afwijking",
                "Wie besluit over een afwijking zonder aanvaarde verklaring: 'escalatie' (standaard), 'college' of "
                "'raad'.",
            ),
            "zonder_opvolging": (
                "Besluit over een besluitpunt zonder opvolging",
                "Wie opnieuw besluit over een besluitpunt van een eerdere periode dat nog geen opvolging heeft: "
                "'escalatie' (standaard), 'college' of 'raad'.",
            ),
            "dvo": (
                "Besluit over een DVO",
                "Wie besluit over een versie van de DVO die ter besluitvorming ligt: 'college' (standaard), "
                "'raad' of 'escalatie'.",
            ),
            "bijbetaling": (
                "Besluit over een bijbetaling",
                "Wie besluit over wat de gemeente bij de afrekening moet bijbetalen: 'raad' (standaard, de raad "
                "gaat over de begroting), 'college' of 'escalatie'.",
            ),
            "pagina": (
                "Pagina over bestuur",
                "De pagina van de site die uitlegt wie wat beslist; de rapportage verwijst ernaar als de site haar "
                "heeft. Standaard bestuur.md.",
            ),
            "vraag_aan_raad": (
                "Wat vragen we van de raad",
                "Per periode van het jaar ('jaar'; 'T1' tot en met 'T3'; 'Q1' tot en met 'Q4'): de rol van de raad na "
                "die rapportage in de planning-en-controlcyclus. Zonder tekst voor een periode blijft het onderdeel "
                "weg.",
            ),
        },
    ),
    "Orgaan": (
        "Orgaan van de gemeente",
        "De naam van het orgaan zoals in een zin, met lidwoord.",
        {
            "naam": ("Naam", "Zonder lidwoord, bijvoorbeeld 'college van burgemeester en wethouders'."),
            "lidwoord": ("Lidwoord", "'de' of 'het'."),
        },
    ),
    "VraagAanRaad": (
        "Vraag aan de raad",
        "De rol van de gemeenteraad na een rapportage.",
        {
            "moment": ("Moment", "Waarbij de raad aan zet is, zoals het na 'aan zet bij' leest: 'de voorjaarsnota'."),
            "tekst": ("Tekst", "Wat de raad wordt gevraagd, in een paar zinnen."),
        },
    ),
    "Escalatie": (
        "Orgaan voor afwijkingen",
        "Het orgaan waaraan afwijkingen worden voorgelegd, bijvoorbeeld het algemeen bestuur van de "
        "gemeenschappelijke regeling.",
        {
            "naam": ("Naam", "De naam zoals in een zin, zonder lidwoord."),
            "lidwoord": ("Lidwoord", "'de' of 'het'."),
            "samenstelling": ("Samenstelling", "Wie erin zitten, voor de leeswijzer. Optioneel."),
        },
    ),
    "Rapportstatus": (
        "Rapport van een periode",
        "Status, publicatiedatum en eigen tekst van één verantwoordingsrapportage.",
        {
            "status": ("Status", "'concept' (standaard) of 'vastgesteld'."),
            "vastgesteld": (
                "Vastgesteld",
                "Door wie en wanneer het rapport is vastgesteld; verplicht bij status 'vastgesteld'.",
            ),
            "publicatiedatum": (
                "Publicatiedatum",
                "Datum van publicatie als JJJJ-MM-DD; ook de datum in de PDF. Optioneel.",
            ),
            "context": ("Context", "Arbeidsmarkt en bijzonderheden in deze periode. Optioneel."),
            "conclusies": ("Conclusies en aanbevelingen", "Optioneel."),
            "revisie": (
                "Revisie",
                "De git-commit waaruit de vastgestelde rapportage wordt gemaakt; 'dvo vastleggen rapport' "
                "schrijft haar, samen met het controlegetal. Daarna verandert de rapportage niet meer.",
            ),
            "controlegetal": (
                "Controlegetal",
                "De vingerafdruk van de inhoud van de vastgestelde rapportage, geschreven door 'dvo vastleggen "
                "rapport'.",
            ),
            "herzieningen": (
                "Herzieningen",
                "Veranderingen van de cijfers van deze periode na de vaststelling, met datum, door wie en de "
                "reden. De vastgestelde rapportage blijft zoals zij is gepubliceerd; de volgende rapportage toont "
                "de herziening. Optioneel.",
            ),
        },
    ),
    "Herziening": (
        "Herziening",
        "Een verandering van de cijfers van een periode waarover al een vastgestelde rapportage is.",
        {
            "datum": ("Datum", "Wanneer tot de herziening is besloten, als JJJJ-MM-DD."),
            "door": ("Door", "Wie tot de herziening besloot, bijvoorbeeld het college van burgemeester en wethouders."),
            "reden": ("Reden", "Waarom de cijfers veranderen, bijvoorbeeld een correctie van de bron."),
        },
    ),
    "Vaststelling": (
        "Vaststelling",
        "Wie het rapport vaststelde en wanneer.",
        {
            "door": ("Door", "Bijvoorbeeld 'college van burgemeester en wethouders van <gemeente>'."),
            "datum": ("Datum", "Datum van het besluit als JJJJ-MM-DD."),
            "kenmerk": ("Kenmerk", "Kenmerk van het besluit. Optioneel."),
        },
    ),
    "Aanvaarding": (
        "Aanvaarding",
        "Wie de verklaring van een afwijking aanvaardde en wanneer; pas dan is de afwijking verklaard.",
        {
            "door": ("Door", "Bijvoorbeeld het orgaan voor afwijkingen of het periodiek overleg."),
            "datum": ("Datum", "Datum van het besluit als JJJJ-MM-DD."),
            "kenmerk": ("Kenmerk", "Kenmerk van het besluit. Optioneel."),
        },
    ),
    "Opvolging": (
        "Opvolging",
        "Wat er is gedaan met een afwijking die aan het orgaan is voorgelegd.",
        {
            "besluit": ("Besluit", "Het besluit in gewone woorden."),
            "tekst": ("Tekst", "Verdere uitleg. Optioneel."),
            "datum": ("Datum", "Datum van het besluit als JJJJ-MM-DD. Optioneel."),
        },
    ),
    "Besteding": (
        "Besteed",
        "Besteed vanaf 1 januari tot en met de periode op de vaste posten.",
        {
            "basisdienstverlening": (
                "Basisdienstverlening",
                "Besteed aan het aandeel basisdienstverlening, in euro's. Optioneel.",
            ),
            "verplichtingen": ("Verplichtingen", "Besteed aan de verplichtingen, in euro's. Optioneel."),
        },
    ),
    # --- gemeenten/<slug>.yaml ---------------------------------------------------------------
    "Gemeente": (
        "Gemeente",
        "Het bestand van één gemeente (gemeenten/<slug>.yaml): geld, verplichtingen, maatwerk, "
        "prestatie-indicatoren en de stand van de DVO.",
        {
            "slug": ("Slug", "Gelijk aan de bestandsnaam en aan de lijst gemeenten in content/regio.yaml."),
            "naam": ("Naam", "Gelijk aan de naam in content/regio.yaml."),
            "cbs_code": ("CBS-code", "Gelijk aan de CBS-code in content/regio.yaml."),
            "kerngegevens": (
                "Kerngegevens",
                "Inwoners en bijstandsgerechtigden op een peildatum; gebruikt door verdeelsleutels.",
            ),
            "financien": (
                "Financiën per jaar",
                "Voor elk jaar van de DVO-periode het participatiebudget, het i-deel loonkostensubsidie en het "
                "aandeel basisdienstverlening. " + _JAAR,
            ),
            "verplichtingen": (
                "Verplichtingen",
                "Meerjarige vaste uitgaven die de gemeente meebrengt; zij verlagen het maatwerkbudget. Optioneel.",
            ),
            "maatwerk": (
                "Maatwerkafspraken",
                "Extra dienstverlening die de gemeente uit haar maatwerkbudget betaalt. Optioneel.",
            ),
            "prestatie_indicatoren": (
                "Prestatie-indicatoren",
                "De indicatoren uit content/indicatoren.yaml die voor deze gemeente gelden, met nulmeting, "
                "streefwaarden en realisaties. Optioneel.",
            ),
            "extra_middelen": (
                "Extra middelen",
                "Geld dat de gemeente inbrengt naast haar participatiebudget. Optioneel.",
            ),
            "besteed": (
                "Besteed per periode",
                "Per periode van het schema wat er vanaf 1 januari is besteed aan basisdienstverlening en "
                "verplichtingen. Optioneel.",
            ),
            "rapporten": (
                "Rapporten",
                "Per periode de status, publicatiedatum, context en conclusies van het rapport van deze gemeente. "
                "Optioneel.",
            ),
            "dvo": ("DVO", "Status, versie, datum en ondertekenaars van de DVO van deze gemeente."),
        },
    ),
    "Kerngegevens": (
        "Kerngegevens",
        "Aantallen op een peildatum.",
        {
            "peildatum": ("Peildatum", "Datum als JJJJ-MM-DD, bijvoorbeeld 2024-12-31."),
            "bron": ("Bron", "Waar de aantallen vandaan komen."),
            "inwoners": ("Inwoners", "Aantal inwoners op de peildatum (geheel getal)."),
            "bijstandsgerechtigden": (
                "Bijstandsgerechtigden",
                "Aantal bijstandsgerechtigden op de peildatum (geheel getal).",
            ),
        },
    ),
    "FinancienJaar": (
        "Financiën in een jaar",
        "Bedragen in euro's zonder punten; het maatwerkbudget rekent de generator uit.",
        {
            "participatiebudget": ("Participatiebudget", "Het participatiebudget van de gemeente in dit jaar."),
            "ideel_loonkostensubsidie": (
                "I-deel loonkostensubsidie",
                "Het deel van het inkomensdeel dat voor loonkostensubsidie beschikbaar is.",
            ),
            "basisdienstverlening": (
                "Aandeel basisdienstverlening",
                "Het aandeel van de gemeente in de regionale basisdienstverlening; de aandelen van alle gemeenten "
                "tellen op tot het regionale bedrag.",
            ),
        },
    ),
    "Verplichting": (
        "Verplichting",
        "Een meerjarige vaste uitgave die de gemeente meebrengt.",
        {
            "omschrijving": ("Omschrijving", "Waar de verplichting uit bestaat."),
            "soort": ("Soort", "'contract', 'wiw-id-banen', 'subsidie', 'personeel' of 'overig'."),
            "looptijd": ("Looptijd", "Eerste (van) en laatste jaar (tot_en_met) van de verplichting."),
            "bedrag": ("Bedrag per jaar", "Bedrag in euro's per jaar binnen de looptijd en de DVO-periode. " + _JAAR),
            "toelichting": ("Toelichting", "Uitleg. Optioneel."),
        },
    ),
    "Maatwerkafspraak": (
        "Maatwerkafspraak",
        "Welke mensen welke dienstverlening krijgen, betaald uit het maatwerkbudget.",
        {
            "id": ("Id", "Unieke sleutel in de hele regio, bijvoorbeeld '<gemeente>-jongeren'."),
            "titel": ("Titel", "Korte titel van de afspraak."),
            "doelgroep": ("Doelgroep", "Voor wie de afspraak is."),
            "omschrijving": ("Dienstverlening", "Wat deze mensen krijgen."),
            "budget": (
                "Budget per jaar",
                "Het afgesproken bedrag per jaar; samen niet meer dan het maatwerkbudget. " + _JAAR,
            ),
            "besteed": (
                "Besteed per periode",
                "Per periode van het schema het bedrag dat vanaf 1 januari is besteed, bijvoorbeeld `2016: 27600` "
                "of `2016-T1: 8100`. Optioneel.",
            ),
            "instrumenten": ("Instrumenten", "Id's van instrumenten uit content/instrumentarium.yaml. Optioneel."),
            "indicatoren": (
                "Indicatoren",
                "Id's van indicatoren uit content/indicatoren.yaml waarop de afspraak wordt gevolgd; elke "
                "indicator staat ook bij prestatie_indicatoren, met nulmeting en streefwaarden. Optioneel.",
            ),
            "deelnemers": (
                "Deelnemers per jaar",
                "Hoeveel mensen de afspraak per jaar bedient, alleen in jaren met budget; de DVO toont dan het "
                "budget per deelnemer. Optioneel. " + _JAAR,
            ),
            "groepen": (
                "Mensen per groep",
                "Per groep uit content/regio.yaml (groepen) hoeveel mensen de afspraak per jaar bedient, "
                "bijvoorbeeld `tijdelijke-ondersteuning: {2016: 12}`. De DVO rekent de meerjarenraming uit tegen "
                "de prijs van elke groep; die raming is niet hoger dan het budget, en de mensen tellen op tot de "
                "deelnemers. Optioneel.",
            ),
        },
    ),
    "PrestatieIndicator": (
        "Prestatie-indicator",
        "Een indicator uit de catalogus met de waarden van deze gemeente.",
        {
            "indicator": ("Indicator", "Id van een indicator uit content/indicatoren.yaml."),
            "nulmeting": ("Nulmeting", "De beginwaarde met het jaar van meting. Optioneel."),
            "streefwaarden": (
                "Streefwaarden",
                "Voor elk jaar van de DVO-periode de streefwaarde. Bij een uitgesplitste indicator mag dit "
                "ontbreken als de DVO alleen streefwaarden op kengetallen zet. " + _JAAR,
            ),
            "toelichting_streefwaarden": (
                "Toelichting op de streefwaarden",
                "Waarom een streefwaarde slechter is dan de nulmeting (bijvoorbeeld een verwachte stijging van de "
                "werkloosheid). Verplicht als dat zo is; staat in bijlage 2 van de DVO.",
            ),
            "realisaties": (
                "Realisaties",
                "Per periode de gerealiseerde waarde: een getal, of `waarde` met `noemer` bij een gewogen "
                "gemiddelde, of `teller` met `noemer` (dan volgt de waarde daaruit, bij een percentage teller / "
                "noemer x 100). Optioneel.",
            ),
            "toelichtingen": (
                "Toelichtingen",
                "Per periode een verklaring van een afwijking, met een aanvaarde oorzaak. Optioneel.",
            ),
            "opvolging": (
                "Opvolging",
                "Per periode van een afwijking die naar het bestuur ging: wat er is besloten. Optioneel.",
            ),
            "streefwaarden_per_categorie": (
                "Streefwaarden per categorie",
                "Per jaar de verwachting per categorie van de dimensie, bijvoorbeeld `2016: {v: 12, p: 7}`; "
                "tellen op tot de streefwaarde van het jaar. Worden getoond, nooit beoordeeld. Optioneel.",
            ),
            "kengetallen": (
                "Streefwaarden op kengetallen",
                "Per kengetal van de indicator (content/indicatoren.yaml) de streefwaarden, en eventueel de "
                "toelichtingen en opvolging van zijn afwijkingen. Een kengetal wordt beoordeeld als elke "
                "indicator. Optioneel.",
            ),
        },
    ),
    "KengetalDoel": (
        "Kengetal met streefwaarden",
        "De streefwaarden die de DVO op een kengetal van een uitgesplitste indicator zet.",
        {
            "nulmeting": (
                "Nulmeting",
                "De beginwaarde van het kengetal; zonder dit veld berekend uit de nulmeting per categorie van de "
                "indicator. Optioneel.",
            ),
            "streefwaarden": (
                "Streefwaarden",
                "Voor elk jaar van de DVO-periode de streefwaarde van het kengetal. " + _JAAR,
            ),
            "toelichtingen": (
                "Toelichtingen",
                "Per periode een verklaring van een afwijking van het kengetal. Optioneel.",
            ),
            "opvolging": (
                "Opvolging",
                "Per periode van een afwijking die naar het bestuur ging: wat er is besloten. Optioneel.",
            ),
        },
    ),
    "Nulmeting": (
        "Nulmeting",
        "De beginwaarde van een indicator.",
        {
            "waarde": ("Waarde", "De gemeten waarde; mag ontbreken als de categorieën er zijn (dan is het hun som)."),
            "jaar": ("Jaar", "Het jaar van de meting."),
            "bron": ("Bron", "Waar de waarde vandaan komt. Optioneel."),
            "categorieen": (
                "Per categorie",
                "Bij een uitgesplitste indicator het aantal per categorie, bijvoorbeeld `{1: 40, 2: 60}`; tellen "
                "op tot de waarde. Optioneel.",
            ),
            "noemer": (
                "Noemer",
                "Bij een gewogen gemiddelde: waarover de nulmeting gaat (bijv. het aantal vacatures). Nodig om de "
                "nulmetingen van gemeenten die samengaan te combineren. Optioneel.",
            ),
        },
    ),
    "Realisatie": (
        "Realisatie",
        "Een gerealiseerde waarde, met de noemer waar de regio een gewogen gemiddelde van maakt.",
        {
            "waarde": (
                "Waarde",
                "De gerealiseerde waarde in de eenheid van de indicator. Niet samen met teller; mag ontbreken als "
                "de categorieën er zijn (dan is het hun som).",
            ),
            "teller": (
                "Teller",
                "Het aantal waarvan het percentage of gemiddelde wordt berekend, met de noemer: 4 van 6 "
                "werkplekken vervuld is teller 4, noemer 6 (66,7%). Niet samen met waarde.",
            ),
            "noemer": (
                "Noemer",
                "Waarover het percentage of gemiddelde gaat; verplicht bij een gewogen gemiddelde en bij een "
                "teller. Bij een percentage een geheel aantal; een percentage met een noemer moet met een geheel "
                "aantal van die noemer te halen zijn.",
            ),
            "categorieen": (
                "Per categorie",
                "Bij een uitgesplitste indicator het aantal per categorie van de dimensie (hele aantallen); "
                "tellen op tot de waarde. Optioneel.",
            ),
            "overgangen": (
                "Overgangen",
                "Op een ladder: van welke categorie aan het begin van het jaar (rij) naar welke op de peildatum "
                "(kolom), bijvoorbeeld `3: {3: 52, 4: 18}`. De rijen tellen op tot de stand aan het begin van het "
                "jaar, de kolommen tot de categorieën. Optioneel.",
            ),
        },
    ),
    "Afwijkingstoelichting": (
        "Toelichting op een afwijking",
        "Waarom een realisatie afwijkt van de streefwaarde.",
        {
            "oorzaak": (
                "Oorzaak",
                "Een aanvaarde oorzaak: 'budgetkrimp', 'beleidskeuze in de DVO' of 'demografische of economische "
                "ontwikkeling'. Optioneel.",
            ),
            "tekst": (
                "Tekst",
                "De verklaring in gewone woorden; bij een beleidskeuze met het DVO-artikel als [[artikel:<id>]].",
            ),
            "aanvaard": (
                "Aanvaard",
                "Door wie en wanneer de verklaring is aanvaard; zonder dit gaat de afwijking naar het bestuur. "
                "Optioneel.",
            ),
            "vraag": ("Vraag", "Een eigen vraag aan het bestuur in plaats van de standaardvraag. Optioneel."),
        },
    ),
    "ExtraMiddelen": (
        "Extra middelen",
        "Geld dat een gemeente inbrengt naast haar participatiebudget.",
        {
            "categorie": ("Categorie", "1 extra personeel, 2 overhead, 3 programmageld."),
            "omschrijving": ("Omschrijving", "Waarvoor het geld is."),
            "jaar": ("Jaar", "Het jaar waarin het geld wordt ingebracht."),
            "bedrag": ("Bedrag", "In euro's zonder punten."),
        },
    ),
    "DvoMeta": (
        "DVO",
        "De stand van de DVO van deze gemeente.",
        {
            "status": (
                "Status",
                "'concept', 'ter besluitvorming', 'vastgesteld' of 'ondertekend'. Tot vaststelling draagt de DVO "
                "het watermerk CONCEPT.",
            ),
            "versie": ("Versie", "Versienummer, bijvoorbeeld '0.3'."),
            "datum": ("Datum", "Datum van deze versie als JJJJ-MM-DD; ook de datum in de PDF."),
            "ondertekenaars": ("Ondertekenaars", "Wie namens de gemeente en namens de organisatie ondertekent."),
            "afspraken_gemeente": ("Afspraken van de gemeente", "Wat de gemeente zelf toezegt. Optioneel."),
            "bijzondere_bepalingen": (
                "Bijzondere bepalingen",
                "Artikelen die alleen voor deze gemeente gelden; zij volgen op het artikel "
                "'bijzondere-bepalingen' met een letter (26a). Optioneel.",
            ),
            "wijzigingen": (
                "Wijzigingen",
                "Per versie wat er veranderde; de laatste regel hoort bij de huidige versie. Verplicht zodra de "
                "DVO is vastgesteld.",
            ),
        },
    ),
    "Ondertekenaar": (
        "Ondertekenaar",
        "Eén ondertekenaar van de DVO.",
        {
            "naam": ("Naam", "Naam van de ondertekenaar."),
            "functie": ("Functie", "Bijvoorbeeld 'wethouder Werk en Inkomen'."),
            "namens": (
                "Namens",
                "'gemeente' of 'organisatie' (de uitvoeringsorganisatie; 'werkbedrijf' betekent hetzelfde).",
            ),
            "grondslag": (
                "Grondslag",
                "Het besluit of mandaat waarop de ondertekenaar tekent; bij een vastgestelde DVO verplicht, met "
                "orgaan en datum.",
            ),
            "ondertekend": (
                "Ondertekend",
                "Plaats en datum van de handtekening; verplicht zodra de status 'ondertekend' is.",
            ),
        },
    ),
    "Bevoegdheid": (
        "Grondslag",
        "Waarop een ondertekenaar tekent: het besluit om de DVO aan te gaan, of een mandaat.",
        {
            "soort": ("Soort", "'besluit' of 'mandaat'."),
            "orgaan": (
                "Orgaan",
                "Wie besloot of mandaat gaf, bijvoorbeeld 'het college van burgemeester en wethouders van' met de "
                "naam van de gemeente. Verplicht bij een vastgestelde DVO.",
            ),
            "datum": ("Datum", "Datum van het besluit of mandaat als JJJJ-MM-DD. Verplicht bij een vastgestelde DVO."),
            "kenmerk": ("Kenmerk", "Het kenmerk van het besluit of mandaat. Optioneel."),
        },
    ),
    "Ondertekening": (
        "Ondertekening",
        "Waar en wanneer een ondertekenaar tekende.",
        {
            "plaats": ("Plaats", "De plaats van ondertekening."),
            "datum": ("Datum", "De datum van ondertekening als JJJJ-MM-DD; niet vóór de datum van de versie."),
        },
    ),
    "Wijziging": (
        "Wijziging",
        "Wat er in een versie van de DVO veranderde.",
        {
            "versie": ("Versie", "De versie waarin het veranderde."),
            "datum": ("Datum", "Datum als JJJJ-MM-DD."),
            "omschrijving": ("Omschrijving", "Wat er veranderde."),
            "revisie": (
                "Revisie",
                "De git-revisie (hash of tag) van deze versie; dvo build vergelijkt een nieuwe versie daarmee. "
                "Optioneel.",
            ),
            "controlegetal": (
                "Controlegetal",
                "Geschreven door 'dvo vastleggen': de vingerafdruk van de inhoud van deze versie. Niet zelf invullen.",
            ),
        },
    ),
    "BijzondereBepaling": (
        "Bijzondere bepaling",
        "Een artikel dat alleen voor deze gemeente geldt.",
        {
            "id": (
                "Id",
                "Vaste sleutel, anders dan de id's van de standaardartikelen; verwijs ernaar met [[artikel:<id>]].",
            ),
            "titel": ("Titel", "De titel van het artikel."),
            "leden": (
                "Leden",
                "De tekst van het artikel, een lid per item; [[artikel:<id>]] en [[gegeven:<naam>]] mogen.",
            ),
        },
    ),
    # --- content/indicatoren.yaml -------------------------------------------------------------
    "Indicatoren": (
        "Indicatoren",
        "De catalogus van prestatie-indicatoren (content/indicatoren.yaml).",
        {
            "dimensies": (
                "Dimensies",
                "Uitsplitsingen die de regio gebruikt, elk een lijst categorieën (treden van de "
                "participatieladder, soorten werkplek, doelgroepen). Optioneel.",
            ),
            "indicatoren": (
                "Indicatoren",
                "Alle indicatoren waarnaar gemeenten en maatwerkafspraken kunnen verwijzen.",
            ),
        },
    ),
    "Dimensie": (
        "Dimensie",
        "Een uitsplitsing in categorieën die elkaar uitsluiten en samen iedereen tellen.",
        {
            "id": ("Id", "Korte sleutel waarnaar indicatoren verwijzen (dimensie)."),
            "naam": ("Naam", "Zoals lezers hem zien, bijvoorbeeld 'Trede op de participatieladder'."),
            "enkelvoud": (
                "Woord voor één categorie",
                "Zoals in een zin: 'trede', 'soort', 'doelgroep'. Standaard 'categorie'.",
            ),
            "ladder": (
                "Ladder",
                "`true` als de categorieën van laag naar hoog lopen: dan kunnen realisaties overgangen hebben en "
                "tellen kengetallen wie steeg of daalde. Standaard false.",
            ),
            "categorieen": (
                "Categorieën",
                "De categorieën, op volgorde (op een ladder van laag naar hoog); ten minste twee. Voeg 'overig' "
                "toe als niet iedereen in een genoemde categorie valt.",
            ),
            "omschrijving": ("Omschrijving", "Uitleg. Optioneel."),
            "bron": ("Bron", "Waar de indeling vandaan komt. Optioneel."),
        },
    ),
    "Kengetal": (
        "Kengetal",
        "Een kerncijfer dat uit de categorieën van een indicator volgt; de DVO kan er streefwaarden op zetten.",
        {
            "id": (
                "Id",
                "Korte sleutel, uniek binnen de indicator; gemeenten zetten streefwaarden onder kengetallen.<id>.",
            ),
            "naam": ("Naam", "Zoals lezers het zien, bijvoorbeeld 'Klanten op trede 4 of hoger'."),
            "berekening": (
                "Berekening",
                "'som' of 'aandeel' (in procenten) van de genoemde categorieën; op een ladder ook 'gestegen', "
                "'gedaald', 'gelijk gebleven' of 'aandeel gestegen' (uit de overgangen).",
            ),
            "categorieen": ("Categorieën", "Bij som en aandeel: welke categorieën meetellen."),
            "richting": ("Richting", "'hoger is beter' of 'lager is beter'."),
            "definitie": (
                "Definitie",
                "Wat het kengetal meet; zonder dit veld maakt de generator een definitie uit de berekening. Optioneel.",
            ),
        },
    ),
    "Indicator": (
        "Indicator",
        "Eén prestatie-indicator.",
        {
            "id": ("Id", "Unieke sleutel waarnaar gemeenten verwijzen."),
            "naam": ("Naam", "De naam zoals lezers hem zien."),
            "soort": ("Soort", "'outcome' (bestuurlijk doel) of 'output' (resultaat van het eigen werk)."),
            "functie": ("Functie", "Id van een functie uit content/regio.yaml (functies). Optioneel."),
            "eenheid": ("Eenheid", "'aantal', 'percentage', 'euro', 'dagen' of 'rapportcijfer'."),
            "richting": ("Richting", "'hoger is beter' of 'lager is beter'; bepaalt hoe de prestatie wordt berekend."),
            "regionaal": ("Regionaal cijfer", "'som' (aantallen tellen op) of 'gewogen gemiddelde' (naar de noemer)."),
            "noemer": ("Noemer", "Waarover het percentage of gemiddelde gaat; verplicht bij een gewogen gemiddelde."),
            "meetwijze": (
                "Meetwijze",
                "'stroom' (aantal in de periode, opgeteld binnen het jaar), 'stand' (waarde op de peildatum) of "
                "'cumulatief' (aantal vanaf de start van de DVO).",
            ),
            "definitie": ("Definitie", "Wat precies wordt gemeten."),
            "bron": ("Bron", "Waar de cijfers vandaan komen."),
            "dimensie": (
                "Dimensie",
                "Id van een dimensie (bovenaan dit bestand): de realisaties worden dan per categorie opgegeven. "
                "De indicator telt dan mensen of dingen (eenheid 'aantal', regionaal 'som'). Optioneel.",
            ),
            "kengetallen": (
                "Kengetallen",
                "Kerncijfers die uit de categorieën volgen en waarop de DVO streefwaarden kan zetten. Optioneel.",
            ),
        },
    ),
    # --- content/instrumentarium.yaml ---------------------------------------------------------
    "Instrumentarium": (
        "Instrumentarium",
        "De catalogus van instrumenten (content/instrumentarium.yaml), met de eigen indeling van de regio.",
        {
            "categorieen": (
                "Categorieën",
                "De categorieën waarin de regio haar instrumenten indeelt, op volgorde genummerd. Optioneel; is "
                "de lijst gevuld, dan hoort elk instrument in een categorie.",
            ),
            "dienstgroepen": (
                "Dienstgroepen",
                "De groepen uit de dienstencatalogus. Optioneel; is de lijst gevuld, dan hoort elk instrument in "
                "minstens één groep.",
            ),
            "routes": ("Routes", "De routes van de klantreis, bijvoorbeeld werk, perspectief en meedoen. Optioneel."),
            "instrumenten": ("Instrumenten", "Alle instrumenten en diensten die de organisatie aanbiedt."),
        },
    ),
    "Instrument": (
        "Instrument",
        "Eén instrument of dienst uit de catalogus.",
        {
            "id": ("Id", "Unieke sleutel; maatwerkafspraken verwijzen ernaar."),
            "naam": ("Naam", "De naam zoals lezers hem zien."),
            "categorie": ("Categorie", "Id van een categorie uit categorieen, bovenaan dit bestand."),
            "functie": ("Functie", "Id van een functie uit content/regio.yaml (functies)."),
            "dienstgroep": (
                "Dienstgroep",
                "Id van een dienstgroep uit dienstgroepen, of een lijst van id's als de dienst in meer groepen "
                "wordt aangeboden.",
            ),
            "aanbieder": ("Aanbieder", "De aanbieder of partner die de dienst levert. Optioneel."),
            "routes": ("Routes", "Id's van routes uit routes waarvoor de dienst bedoeld is. Optioneel."),
            "status": ("Status", "Bijvoorbeeld 'in ontwikkeling'. Optioneel."),
            "duur": ("Duur", "Hoe lang de dienst duurt, bijvoorbeeld 'drie weken'. Optioneel."),
            "doelgroep": ("Doelgroep", "Voor wie het instrument is. Optioneel."),
            "omschrijving": ("Omschrijving", "Wat het instrument inhoudt."),
            "grondslag": (
                "Grondslag",
                "Nul of meer grondslagen: een wetsartikel (`wet`) of een artikel van de re-integratieverordening "
                "(`artikel`).",
            ),
        },
    ),
    "Grondslag": (
        "Grondslag",
        "Eén grondslag van een instrument: precies één van `wet` of `artikel`.",
        {
            "wet": ("Wettelijke grondslag", "Het wetsartikel als tekst, bijvoorbeeld 'Participatiewet, artikel 10'."),
            "artikel": (
                "Artikel van de verordening",
                "Id van een artikel in content/verordening.yaml; de site linkt ernaar.",
            ),
        },
    ),
    # --- content/verordening.yaml -------------------------------------------------------------
    "Verordening": (
        "Re-integratieverordening",
        "De regionale re-integratieverordening (content/verordening.yaml), in hoofdstukken, artikelen, leden en "
        "onderdelen. Nummers worden op volgorde toegekend.",
        {
            "citeertitel": ("Citeertitel", "De korte titel van de verordening."),
            "officiele_titel": ("Officiële titel", "De volledige titel."),
            "grondslag": ("Grondslag", "De wetsartikelen waarop de verordening rust."),
            "vastgesteld_door": ("Vastgesteld door", "Het orgaan dat de verordening vaststelde."),
            "datum_vaststelling": ("Datum vaststelling", "Datum als JJJJ-MM-DD."),
            "datum_inwerkingtreding": ("Datum inwerkingtreding", "Datum als JJJJ-MM-DD."),
            "status": ("Status", "Bijvoorbeeld 'vastgesteld' of 'ontwerp'."),
            "hoofdstukken": ("Hoofdstukken", "De hoofdstukken, op volgorde."),
        },
    ),
    "Hoofdstuk": (
        "Hoofdstuk",
        "Een hoofdstuk van de verordening.",
        {
            "id": ("Id", "Vaste sleutel; het nummer volgt uit de volgorde."),
            "opschrift": ("Opschrift", "De titel van het hoofdstuk."),
            "artikelen": (
                "Artikelen",
                "De artikelen van dit hoofdstuk; artikelen worden door de hele verordening heen genummerd.",
            ),
        },
    ),
    "Artikel": (
        "Artikel",
        "Een artikel van de verordening.",
        {
            "id": ("Id", "Vaste sleutel waarnaar instrumenten verwijzen (grondslag: artikel)."),
            "opschrift": ("Opschrift", "De titel van het artikel."),
            "leden": ("Leden", "De leden van het artikel."),
        },
    ),
    "Lid": (
        "Lid",
        "Een lid van een artikel.",
        {
            "id": ("Id", "Vaste sleutel."),
            "tekst": ("Tekst", "De tekst van het lid."),
            "onderdelen": ("Onderdelen", "Onderdelen a, b, c. Optioneel."),
        },
    ),
    "Onderdeel": (
        "Onderdeel",
        "Een onderdeel van een lid; de letter volgt uit de volgorde.",
        {
            "id": ("Id", "Vaste sleutel."),
            "tekst": ("Tekst", "De tekst van het onderdeel."),
        },
    ),
    # --- content/dvo-standaardbepalingen.yaml --------------------------------------------------
    "DvoStandaard": (
        "Standaardbepalingen",
        "De standaardtekst van de DVO (content/dvo-standaardbepalingen.yaml), voor alle gemeenten gelijk.",
        {
            "versie": (
                "Versie",
                "Versie van de standaardtekst; staat met zijn controlegetal in het colofon van elke DVO. Verhoog "
                "hem bij elke wijziging van de tekst.",
            ),
            "titel": (
                "Titel",
                "Soort document, bijvoorbeeld 'Dienstverleningsovereenkomst'; de DVO heet '<titel> gemeente "
                "<naam> – <organisatie>'.",
            ),
            "considerans": (
                "Overwegingen",
                "De overwegingen vóór de artikelen, elk aansluitend op 'overwegende dat:'. Optioneel.",
            ),
            "artikelen": (
                "Artikelen",
                "De artikelen op volgorde; nummers worden toegekend. Verwijs met [[artikel:<id>]], een waarde van "
                "regio of gemeente met [[gegeven:<naam>]].",
            ),
        },
    ),
    "StandaardArtikel": (
        "Artikel",
        "Een artikel van de standaardtekst.",
        {
            "id": ("Id", "Vaste sleutel voor verwijzingen [[artikel:<id>]]."),
            "titel": ("Titel", "De titel van het artikel."),
            "gegenereerd": (
                "Gegenereerd deel",
                "Vult de generator met de gegevens van de gemeente: 'basispakket', 'maatwerk', 'verplichtingen', "
                "'financien', 'betaling', 'prestaties', 'sterke_afwijking', 'afspraken_gemeente' of "
                "'bijzondere_bepalingen'. Optioneel.",
            ),
            "leden": ("Leden", "De tekst van het artikel, een lid per item."),
        },
    ),
}
