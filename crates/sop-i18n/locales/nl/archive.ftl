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

## sop show
show-nothing = het archief heeft niets van school `{ $school }`; `sop list --archive { $archive }` toont wat er is
show-nothing-in-year = het archief heeft niets van school `{ $school }` in schooljaar { $year }; `sop list --archive { $archive }` toont wat er is
show-school = School { $school }
show-year = Schooljaar { $year }
show-version = versie { $version } van { $created }
show-source = bron: { $name } ({ $media_type }, { $bytes } bytes, sha256 { $sha256 })
show-file = { $name } ({ $bytes } bytes)
show-contents = inhoud: { $files }
show-bundle = bundel sha256 { $sha256 }, gemaakt door sop { $tool }
show-supersedes = vervangt de bundel met sha256 { $sha256 }
show-unread = ontvangen, niet leesbaar: { $reason } ({ $code }, bij { $stage }: { $message })
show-read-again = opnieuw lezen: { $command }
show-read = gelezen: sop.json bevat het gestandaardiseerde profiel
show-assigned-from = toegewezen vanuit de wachtruimte ({ $sha256 })
show-damaged = LET OP: { $n } bestand(en) kloppen niet met de inhoudslijst; controleer het archief met `sop verify`
archive-check-details = controleer het archief met `sop verify --archive { $archive }` voor de details

## sop export
export-done = Geëxporteerd: { $bundles } bundel(s) van `{ $school }`, schooljaar { $years } -> `{ $path }` (BagIt-pakket `{ $bag }`, { $files } bestanden, { $bytes } bytes).
export-held-done = Geëxporteerd: { $bundles } document(en) uit de wachtruimte, schooljaar { $years } -> `{ $path }` (BagIt-pakket `{ $bag }`, { $files } bestanden, { $bytes } bytes).
export-failed = school `{ $school }` kon niet worden geëxporteerd naar `{ $path }`
export-held-failed = de wachtruimte kon niet worden geëxporteerd naar `{ $path }`

## sop assign en sop reprocess
archive-missing = er is geen archief in `{ $path }` (geef de map met --archive MAP)
archive-cannot-open = het archief `{ $path }` kon niet worden geopend
archive-cannot-finish = het archief kon niet worden bijgewerkt (de lijst van bundels en het kopbestand van het logboek); controleer het archief met `sop verify`
registry-cannot-use = het schoolregister `{ $path }` is niet te gebruiken
assign-not-in-registry = school `{ $school }` staat niet in het schoolregister `{ $registry }`; controleer de id, of zet de school eerst in het register
assign-filed-elsewhere = het wachtende document `{ $name }` ({ $sha256 }) is al toegewezen aan school `{ $school }` (`{ $path }`); er is niets veranderd
assign-already = Al toegewezen: `{ $name }` staat al in het archief bij { $school } { $year } als versie { $version } ({ $path }).
assign-cannot-read-held = het wachtende document is niet te lezen; controleer het archief met `sop verify` en zet het bestand terug uit een back-up
assign-cannot-file = `{ $name }` kon niet worden opgeslagen bij `{ $school }`: { $reason }
assign-read = gelezen ({ $template })
assign-unread = ontvangen, niet leesbaar: { $reason } ({ $detail })
assign-unchanged = `{ $name }` staat al in het archief bij { $school } { $year } als versie { $version } ({ $path }); er is niets toegevoegd.
assign-done = Toegewezen: `{ $name }` -> { $school } { $year }, versie { $version } ({ $path }): { $what }.
assign-diff = Verschillen met vorig schooljaar: { $path }
assign-file-unreadable = `{ $path }` is niet te lezen
assign-the-file = het bestand `{ $path }`
assign-the-prefix = sha256 `{ $prefix }…`
assign-not-a-document = `{ $document }` is geen bestand en niet het begin van een sha256 (minstens 6 tekens 0-9, a-f); `sop list --archive { $archive }` toont de wachtende documenten
assign-no-match = geen document in de wachtruimte van `{ $archive }` past bij { $what }; `sop list --archive { $archive }` toont de wachtende documenten
assign-many-match = { $what } past bij { $n } wachtende documenten ({ $list }); geef meer tekens van de sha256
reprocess-bad-school = --school "{ $school }": gebruik een id zoals `sop list` die toont
reprocess-nothing = het archief `{ $archive }` heeft niets van school `{ $school }` in schooljaar { $year }; `sop show --school { $school } --archive { $archive }` toont wat er is
reprocess-already-read = Versie { $version } van { $school } { $year } is al gelezen ({ $path }); er is niets opnieuw te lezen.
reprocess-damaged = `{ $path }`: bestand { $entry } klopt niet met de inhoudslijst; controleer het archief met `sop verify --archive { $archive }`
reprocess-no-original = de bundel heeft geen origineel; controleer het archief met `sop verify`
reprocess-still-unread = Nog steeds niet leesbaar: `{ $name }` van { $school } { $year } ({ $path }): { $reason } ({ $detail }). Er is niets toegevoegd.
reprocess-cannot-file = de nieuwe versie van `{ $path }` kon niet worden opgeslagen: { $reason }
reprocess-done = Opnieuw gelezen: `{ $name }` van { $school } { $year } is nu versie { $version } ({ $path }), { $template }; versie { $old } blijft bewaard.
reprocess-changes = { $n } wijziging(en) t.o.v. vorig schooljaar: { $path }
reprocess-no-previous = Geen vorig schooljaar om mee te vergelijken.

## sop overview (wat op het scherm komt; het overzicht zelf is Nederlands)
overview-cannot-read-areas = het bestand met ondersteuningsgebieden `{ $path }` is niet te lezen (geef een TOML-bestand met --areas)
overview-cannot-read-archive = het archief `{ $path }` is niet te lezen (geef de map met --archive MAP)
overview-cannot-write-workbook = het Excel-bestand kon niet worden gemaakt
overview-cannot-create-folder = de map `{ $path }` kon niet worden gemaakt
overview-cannot-write = `{ $path }` kon niet worden geschreven
overview-file-unreadable = `{ $path }` is niet te lezen
overview-year = schooljaar { $year }
overview-done = Overzicht { $year }: { $schools } scholen, { $with_record } met een profiel, { $missing } zonder, { $unreadable } niet leesbaar -> { $path }
overview-no-profiles = Let op: het archief heeft geen profielen voor { $year }; `sop list --archive { $archive }` toont wat er is.
ledger-not-an-entry = geen regel van het logboek ({ $detail })
ledger-chain-broken = deze regel verwijst naar { $prev }, maar de regel ervoor heeft als sha256 { $actual }: er is een regel verwijderd, ingevoegd of veranderd
ledger-wrong-seq = het volgnummer is { $seq }, maar dit is regel { $line }
ledger-head-disagrees = { $removed ->
        [yes] het kopbestand noemt { $head_lines } regels, eindigend op een regel met sha256 { $sha256 }; het logboek heeft { $lines } regels (er zijn regels verwijderd)
       *[no] het kopbestand noemt { $head_lines } regels, eindigend op een regel met sha256 { $sha256 }; het logboek heeft { $lines } regels en die regel is anders
    }
verify-exp-source-file = het originele bestand
recover-unreadable = het is niet te lezen ({ $detail })
recover-entry-mismatch = het bestand { $entry } erin klopt niet met de inhoudslijst
recover-wrong-place-expected = de naam of map past niet bij de inhoud (verwacht: `{ $expected }`)
recover-not-next-version = het is niet de volgende versie (verwacht: versie { $version })
recover-not-held-info = het is geen informatiebestand van een wachtend document ({ $detail })
recover-wrong-place = de naam of map past niet bij de inhoud
recover-unexpected-file = het noemt een onverwacht bestand "{ $file }"
recover-original-unreadable = het originele bestand is niet te lezen ({ $detail })
recover-original-mismatch = het originele bestand klopt niet met zijn sha256
recover-held-already = hetzelfde document wacht al
recover-damage-summary = `{ $file }`: verwacht { $expected }, gevonden { $found }
verify-exp-catalogue-names = de schoolnamen in de nieuwste bundels
verify-found-catalogue-other-name = een andere naam voor een school; verwijder index.json en de volgende verwerking maakt het opnieuw uit de bundels
verify-exp-catalogue = de catalogus zoals het logboek hem geeft
verify-found-catalogue-stale = verouderd of afwezig; de volgende verwerking maakt hem opnieuw
recover-bundle-missing = bundel `{ $bundle }` van regel { $line } van het logboek ontbreekt
