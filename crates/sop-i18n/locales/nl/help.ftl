# Teksten van `sop --help` (Nederlands). Sleutels: help-<opdracht>, help-<opdracht>-<optie>,
# help-opt-<optie> voor opties die elke opdracht heeft.

help-sop = Schoolondersteuningsprofielen: van PDF naar een controleerbaar archief.
help-usage = Gebruik
help-heading-commands = Opdrachten
help-heading-arguments = Invoer
help-heading-options = Opties
help-command-value = OPDRACHT
help-options-placeholder = [OPTIES]
help-values = keuze uit
help-default = standaard

help-opt-help = Toon deze hulptekst.
help-opt-version = Toon het versienummer.
help-opt-verbose = Meer meldingen over wat het programma doet (-v meer, -vv alles).
help-opt-lang = De taal van meldingen en rapporten: nl (standaard) of en. Zonder deze optie: de taal van LANG.
help-opt-archive = De map van het archief.

help-extract = Toon de tekst van een PDF of .txt (met --json de opmaak met posities).
help-extract-file = Een PDF, of een .txt met al uitgelezen tekst.
help-extract-json = Geef de opmaak (pagina's, regels, woorden met posities, markeringen, links, waarschuwingen) als JSON.
help-extract-tables = Toon elke gevonden tabel als raster, met de markeringen in de cellen, om een document met het oog te controleren.
help-extract-max-bytes = Grootste invoerbestand, in bytes.
help-extract-max-pages = Hoogste aantal pagina's.
help-extract-max-text-bytes = Grootste hoeveelheid uitgelezen tekst, in bytes.
help-extract-max-stream-bytes = Grootste omvang die één ingepakt deel van de PDF uitgepakt mag hebben, in bytes.
help-extract-timeout-secs = Seconden voor één bestand, het lezen van gescande pagina's (OCR) inbegrepen.
help-extract-ocr-page-secs = Seconden voor het lezen van één gescande pagina (OCR).
help-extract-memory-bytes = Geheugen voor het uitlezen van één bestand, in bytes.

help-detect = Zeg welk SOP-sjabloon een document volgt, en waarom.
help-detect-file = Een PDF of een .txt met uitgelezen tekst.
help-detect-json = Geef het resultaat als JSON in plaats van één regel.

help-normalize = Geef het vaste gegevensformaat (sop/1) van een document als JSON.
help-normalize-file = Een PDF of een .txt met uitgelezen tekst.

help-diff = Vergelijk twee versies van het SOP van een school.
help-diff-old = De eerdere versie: een PDF, een .txt met uitgelezen tekst of een sop.json.
help-diff-new = De latere versie: een PDF, een .txt met uitgelezen tekst of een sop.json.
help-diff-format = Vorm van de uitvoer: md (rapport in Markdown), html (rapport als webpagina) of json (voor scripts).
help-diff-out = Schrijf de uitvoer naar dit bestand in plaats van naar het scherm.
help-diff-force = Vergelijk ook als de twee documenten van verschillende scholen zijn.

help-run = Verwerk de documenten van een schooljaar: ophalen of ontvangen, uitlezen, omzetten, vergelijken, archiveren.
help-run-year = Het schooljaar van deze verwerking, bijvoorbeeld 2024-2025. Elk document wordt onder dit jaar gearchiveerd.
help-run-inbox = Een map met de PDF's (en .txt-bestanden) die de scholen stuurden; de bestandsnamen zijn vrij.
help-run-sources = Een CSV-bestand met de kolommen school_id,url (en eventueel name,brin) om te downloaden.
help-run-registry = De lijst van scholen (id,brin,name,aliases,url,email_domain) om te bepalen van welke school een document is.
help-run-archive = De map van het archief; wordt gemaakt als die nog niet bestaat.
help-run-jobs = Aantal documenten tegelijk (standaard: het aantal processorkernen).
help-run-timeout = Seconden die het uitlezen van één document (met OCR van gescande pagina's) mag duren; daarna wordt het opgegeven.
help-run-ocr-page-secs = Seconden die het lezen van één gescande pagina mag duren; de pagina blijft dan ongelezen, met een waarschuwing.
help-run-fetch-timeout = Seconden die één downloadpoging mag duren.
help-run-max-size = Het grootste document dat wordt aangenomen, in MiB.
help-run-max-memory = Geheugen voor het uitlezen van één document, in MiB.

help-verify = Controleer elke bundel, elk bestand en elke regel van het logboek van het archief.
help-verify-json = Geef de bevindingen als JSON.
help-verify-max-bundle-entries = Hoeveel bestanden een bundel hoogstens mag bevatten; een grotere wordt niet geopend (bescherming tegen zip-bommen).
help-verify-max-entry-mib = Hoe groot één bestand in een bundel uitgepakt hoogstens mag zijn, in MiB.
help-verify-max-bundle-mib = Hoe groot alle bestanden van een bundel samen uitgepakt hoogstens mogen zijn, in MiB.

help-list = Toon wat het archief bevat.
help-list-json = Geef de inhoudsopgave als JSON.

help-show = Toon de bundels van één school.
help-show-school = De id van de school, zoals `sop list` die toont.
help-show-year = Alleen dit schooljaar (JJJJ-JJJJ).
help-show-json = Geef de bundels en hun inhoudslijsten als JSON.

help-overview = Het overzicht van een schooljaar over alle scholen: ondersteuningsgebieden, HGW, voorzieningen, witte vlekken, veranderingen.
help-overview-year = Het schooljaar om te tonen (JJJJ-JJJJ).
help-overview-compare = Vergelijk met dit schooljaar: per school wat erbij kwam of wegviel, per gebied de verandering in dekking.
help-overview-registry = De lijst van scholen (schools.csv): scholen zonder profiel voor het jaar worden als ontbrekend getoond; de kolommen region en board (als die er zijn) groeperen de scholen.
help-overview-areas = De ondersteuningsgebieden en welke rijen erbij horen (standaard: de ingebouwde areas.toml).
help-overview-threshold = Een gebied is een witte vlek in een regio als minder dan N scholen daar het aanbieden.
help-overview-format = Vorm van de uitvoer: html, xlsx, csv of json (standaard: volgens de extensie van --out, anders html).
help-overview-out = Het bestand om te schrijven.

help-export = Maak van de bundels van een school een BagIt-pakket voor de inspectie.
help-export-school = De id van de school, zoals `sop list` die toont.
help-export-ontvangen = Maak in plaats daarvan een pakket van de wachtruimte: alle documenten die zonder school binnenkwamen (de map `ontvangen/`).
help-export-year = Dit schooljaar (standaard: het nieuwste schooljaar in het archief).
help-export-all = Alle schooljaren.
help-export-out = Het zip-bestand om te schrijven (een BagIt 1.0-pakket).
help-export-organization = Source-Organization in bag-info.txt (standaard: het samenwerkingsverband uit het nieuwste profiel).

help-assign = Zet een document uit de wachtruimte (binnengekomen zonder school) bij een school.
help-assign-document = Het wachtende document: het begin van de sha256 (zoals het verwerkingsrapport en `sop list` die tonen), of het bestand zelf.
help-assign-school = De id van de school waar het bij hoort (zoals in het register).
help-assign-year = Het schooljaar om het onder te archiveren (standaard: het jaar van de verwerking die het ontving).
help-assign-registry = De lijst van scholen; als die gegeven is, moet de id erin staan.

help-reprocess = Lees een document opnieuw dat ongelezen is gearchiveerd; een nieuwe versie als het nu wel te lezen is.
help-reprocess-school = De id van de school, zoals `sop list` die toont.
help-reprocess-year = Het schooljaar.

## Plaatshouders in `--help`
help-value-dir = MAP
help-value-file = BESTAND
help-value-file-csv = BESTAND.csv
help-value-file-toml = BESTAND.toml
help-value-file-zip = BESTAND.zip
help-value-name = NAAM
help-value-secs = SECONDEN
help-value-yyyy-yyyy = JJJJ-JJJJ
help-value-sha256-prefix-or-file = SHA256-BEGIN|BESTAND
