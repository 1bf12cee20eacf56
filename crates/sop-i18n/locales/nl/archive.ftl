# archive (nl)

## sop verify: wat er verwacht werd en wat er gevonden is
verify-exp-chain = een ononderbroken keten van regels in het logboek
verify-exp-head = een kopbestand van het logboek (ledger.head.json)
verify-exp-lines = { $n } regels in het logboek
verify-found-head-behind-interrupted = { $n ->
        [one] 1 regel minder: een verwerking stopte voordat het kopbestand na de laatste bundels was bijgewerkt; de volgende verwerking werkt het bij
       *[other] { $n } regels minder: een verwerking stopte voordat het kopbestand na de laatste bundels was bijgewerkt; de volgende verwerking werkt het bij
    }
verify-found-head-behind = { $missing ->
        [yes] { $n } regels (het kopbestand ontbreekt)
       *[no] { $n } regels
    }
verify-exp-head-lines = de regels die het kopbestand van het logboek vastlegt
verify-exp-complete-line = een volledige regel
verify-found-torn-interrupted = { $bytes } bytes zonder regeleinde: een verwerking stopte tijdens het vastleggen; de volgende verwerking legt de bundel opnieuw vast
verify-found-torn = { $bytes } bytes zonder regeleinde
verify-exp-valid-line = een geldige school-id, schooljaar en plaats van de bundel
verify-exp-no-temp = geen tijdelijke bestanden
verify-found-temp = een tijdelijk bestand van een onderbroken verwerking; de volgende verwerking ruimt het op
verify-exp-only-bundles = alleen bundels met de naam v<versie>-<begin van sha256>.zip in <school>/<schooljaar>/
verify-found-stray = een onverwacht bestand of onverwachte map
verify-exp-version = versie { $version } van { $school } { $year }
verify-found-version = versie { $version }
verify-exp-bundle-of-line = de bundel van regel { $line } van het logboek (sha256 { $sha256 })
verify-found-bundle-removed = dat bestand bestaat niet: de bundel is verwijderd
verify-exp-readable-bundle = een leesbare bundel
verify-exp-sha256-of-line = sha256 { $sha256 } (regel { $line } van het logboek)
verify-found-sha256 = sha256 { $sha256 }
verify-exp-valid-manifest = een bundel met een geldige inhoudslijst
verify-exp-manifest-value = { $what } { $value } (regel { $line } van het logboek)
verify-found-manifest-value = { $what } { $value }
verify-exp-held-info = het informatiebestand van wachtend document { $sha256 } (regel { $line } van het logboek)
verify-found-removed = dat bestand bestaat niet: het is verwijderd
verify-exp-info-of-line = het informatiebestand van regel { $line } van het logboek
verify-exp-held-values = sha256, schooljaar en tijd van regel { $line } van het logboek
verify-found-other-values = andere waarden
verify-exp-held-name = een wachtend bestand met de naam { $sha256 }.<extensie>
verify-exp-held-sha256 = sha256 { $sha256 } ({ $bytes } bytes), zoals regel { $line } van het logboek vastlegt
verify-found-sha256-bytes = sha256 { $sha256 } ({ $bytes } bytes)
verify-exp-held-doc = het wachtende document van regel { $line } van het logboek
verify-exp-info-beside = een informatiebestand naast het wachtende document
verify-found-no-info-interrupted = geen: een verwerking stopte terwijl het document werd bewaard; de volgende verwerking ruimt het op en bewaart het document opnieuw
verify-exp-line-for-held = een regel in het logboek voor dit wachtende document
verify-found-no-line-interrupted = nog geen: een verwerking stopte tussen bewaren en vastleggen; de volgende verwerking legt het vast
verify-found-none-and = geen, en { $why }
verify-exp-line-for-bundle = een regel in het logboek voor deze bundel
verify-exp-announced = het bestand dat `{ $head }` aankondigt voor de volgende regel in het logboek
verify-found-announced-removed = dat bestand bestaat niet en er is geen regel voor: het is verwijderd
verify-damaged-ledger = het logboek of zijn kopbestand is beschadigd
verify-found-no-line-bundle-interrupted = nog geen: een verwerking stopte tussen het opslaan van de bundel en het vastleggen; de volgende verwerking legt hem vast
verify-exp-present = aanwezig, sha256 { $sha256 }
verify-found-missing = ontbreekt
verify-exp-sha256-bytes = sha256 { $sha256 } ({ $bytes } bytes)
verify-exp-not-in-bundle = niet in de bundel
verify-found-unlisted-entry = een bestand dat niet in de inhoudslijst staat
verify-exp-source-sha256 = sha256 van het origineel { $sha256 }
verify-field-school = school
verify-field-school-year = schooljaar
verify-field-version = versie
verify-field-source-sha256 = sha256 van het origineel
verify-field-time = tijd
verify-field-reason-code = redencode
verify-field-assigned-from = toegewezen vanuit
verify-field-supersedes = vervangt
verify-nothing = niets

## Bundels
bundle-not-zip = geen leesbaar zip-bestand ({ $detail })
bundle-too-many-entries = { $n } bestanden, meer dan de { $limit } die zijn toegestaan
bundle-entry-unreadable = bestand { $entry } is niet te lezen ({ $detail })
bundle-unexpected-entry = onverwacht bestand { $entry }
bundle-entry-too-large = bestand { $entry } wordt uitgepakt groter dan { $limit } bytes
bundle-no-manifest = geen leesbare inhoudslijst (manifest.json; { $detail })
bundle-manifest-too-large = de inhoudslijst (manifest.json) is te groot
bundle-manifest-invalid = de inhoudslijst (manifest.json) is ongeldig ({ $detail })

## sop verify, list, show
archive-cannot-read = het archief `{ $path }` is niet te lezen (geef de map met --archive MAP)
archive-bad-school-id = --school "{ $id }": gebruik een id zoals `sop list` die toont
verify-cannot = het archief `{ $path }` kon niet worden gecontroleerd (geef de map met --archive MAP)
verify-checked = Archief `{ $path }`: { $bundles } bundels, { $files } bestanden daarin en { $lines } regels in het logboek gecontroleerd.
verify-problem = PROBLEEM
verify-notice = LET OP
verify-expected = verwacht
verify-found = gevonden
verify-ok = In orde: elke bundel en elk bestand klopt met de inhoudslijst en het logboek.
verify-ok-notices = { $n ->
        [one] 1 opmerking: sporen van een onderbroken verwerking; de volgende `sop run` maakt het werk af.
       *[other] { $n } opmerkingen: sporen van een onderbroken verwerking; de volgende `sop run` maakt het werk af.
    }
verify-not-ok = { $n ->
        [one] NIET IN ORDE: 1 probleem. Er is iets verwijderd of veranderd; zet de genoemde bestanden terug uit een back-up.
       *[other] NIET IN ORDE: { $n } problemen. Er is iets verwijderd of veranderd; zet de genoemde bestanden terug uit een back-up.
    }

## Fouten van het archief
archive-io = `{ $path }`: { $action ->
        [read] lezen
        [write] schrijven
        [open] openen
        [create] maken
        [remove] verwijderen
        [list] de inhoud bekijken
        [lock] vergrendelen
        [fsync] veilig wegschrijven
        [inspect] bekijken
        [truncate] inkorten
        [append-to] toevoegen aan
        [create-folder] de map maken
        [rename-into] de naam geven
        [open-the-lock-file] het vergrendelbestand openen
        [fsync-folder] de map veilig wegschrijven
        *[other] { $action }
    } lukt niet
archive-locked = het archief `{ $path }` is in gebruik door een andere verwerking; probeer het opnieuw als die klaar is
archive-none = er is geen archief in `{ $path }`
archive-bad-id = ongeldige school-id "{ $id }": { $reason }
archive-bad-year = ongeldig schooljaar "{ $year }": schrijf JJJJ-JJJJ met opeenvolgende jaren, bijvoorbeeld 2023-2024
archive-bad-report-name = ongeldige naam voor een rapport "{ $name }": gebruik een gewone bestandsnaam zonder mappen
archive-source-mismatch = volgens het gegevensbestand heeft het origineel sha256 { $record }, maar de gegeven bytes hebben sha256 { $actual }
archive-bad-bundle = `{ $path }` is geen geldige bundel: { $reason }
archive-line-error = `{ $path }` regel { $line }: { $reason }
archive-damaged = het archief `{ $root }` is beschadigd ({ $summary }); draai `sop verify --archive { $root }` voor de details en zet een back-up terug voordat u er iets aan toevoegt
archive-read-only = het archief is alleen om te lezen geopend
archive-nothing-to-export = het archief heeft geen bundels van school `{ $school }`{ $year }
archive-json = { $what } kon niet als JSON worden geschreven
archive-zip = het zip-bestand `{ $path }` kon niet worden geschreven

## sop list
list-empty = Het archief `{ $path }` is leeg.
list-school = School
list-name = Naam
list-year = Schooljaar
list-versions = Versies
list-newest = Nieuwste versie
list-version-of = v{ $version } van { $date }
list-total = { $unread ->
        [0] { $schools } scholen, { $bundles } bundels.
       *[other] { $schools } scholen, { $bundles } bundels, waarvan { $unread } schooljaar/-jaren met een niet leesbare nieuwste versie.
    }
list-waiting = Wachtruimte (ontvangen, school onbekend): { $n } document(en), { $waiting } nog toe te wijzen.
list-assigned-to = toegewezen aan { $school } { $year } (v{ $version })
list-assign-with = toewijzen met: { $command }
list-received = `{ $name }` ontvangen { $date }
export-in-year = { " " }in schooljaar { $year }
