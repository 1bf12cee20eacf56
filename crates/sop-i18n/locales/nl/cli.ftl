# Foutmeldingen van opdrachten, met wat u kunt doen (Nederlands).

err-prefix = fout: { $message }
err-cause = oorzaak: { $cause }
err-detail = technische melding: { $detail }
err-what-to-do = wat te doen: { $hint }
err-file-unreadable = Het bestand `{ $path }` is niet te lezen.

## Fouten van het systeem (de tekst van het besturingssysteem is Engels)
io-not-found = het bestand of de map bestaat niet
io-permission-denied = u hebt geen toestemming voor dit bestand of deze map
io-already-exists = het bestand bestaat al
io-is-a-directory = dit is een map, geen bestand
io-not-a-directory = een deel van het pad is geen map
io-storage-full = de schijf is vol
io-read-only = de schijf is alleen-lezen
io-invalid-data = de inhoud is beschadigd of onvolledig
io-timed-out = het duurde te lang
io-other = een probleem van het systeem ({ $detail })

## Opdrachtregel
cli-unknown-argument = de optie `{ $arg }` bestaat niet.
cli-unknown-command = de opdracht `{ $name }` bestaat niet.
cli-invalid-value = `{ $value }` is geen geldige waarde voor { $arg }.
cli-valid-values = Mogelijk: { $values }.
cli-missing-argument = er ontbreekt iets: { $args }.
cli-missing-command = geef een opdracht, bijvoorbeeld `sop run`.
cli-conflict = { $arg } en { $other } gaan niet samen; gebruik er één.
cli-wrong-values = { $arg } heeft een ander aantal waarden nodig.
cli-not-understood = de opdracht is niet te begrijpen.
cli-see-help = Zie `sop --help` (of `sop <opdracht> --help`) voor wat er kan.

## Uitlezen van een document
extract-read = `{ $path }`: het bestand is niet te lezen: { $reason }
extract-not-pdf = `{ $path }`: dit is geen PDF (het bestand lijkt { $found })
extract-too-large = `{ $path }`: het bestand is { $size } bytes, meer dan de grens van { $limit } bytes
extract-corrupt = `{ $path }`: de PDF is beschadigd en niet te lezen
extract-no-pages = `{ $path }`: de PDF heeft geen pagina's
extract-too-many-pages = `{ $path }`: de PDF heeft { $pages } pagina's, meer dan de grens van { $limit }
extract-encrypted = `{ $path }`: de PDF is beveiligd met een wachtwoord
extract-stream-too-large = `{ $path }`: een deel van pagina { $page } wordt uitgepakt groter dan de grens van { $limit } bytes (een zip-bom, of een ongewoon zware pagina)
extract-text-too-large = `{ $path }`: de uitgelezen tekst is groter dan de grens van { $limit } bytes
extract-timeout = `{ $path }`: het uitlezen duurde langer dan { $secs } seconden en is gestopt
extract-out-of-memory = `{ $path }`: het uitlezen had meer geheugen nodig dan toegestaan en is gestopt
extract-crashed = `{ $path }`: het uitlezen is onverwacht afgebroken
extract-spawn = `{ $path }`: het uitleesprogramma kon niet starten

extract-hint-read = controleer of het bestand bestaat en of u het mag lezen
extract-hint-not-pdf = open het document in het eigen programma (Word, een browser), bewaar of druk het af als PDF en probeer het opnieuw
extract-hint-too-large = controleer of dit het goede document is; zo ja, verhoog de grens (zie `sop extract --help`)
extract-hint-stream-too-large = controleer of dit het goede document is; zo ja, verhoog de grens met --max-stream-bytes
extract-hint-out-of-memory = controleer of dit het goede document is; zo ja, geef meer geheugen (`sop extract --memory-bytes`, `sop run --max-memory`)
extract-hint-corrupt = vraag de school om een nieuwe PDF, of open de PDF in een PDF-lezer en druk hem af naar een nieuwe PDF
extract-hint-no-pages = vraag de school om een volledige PDF
extract-hint-encrypted = vraag de school om een versie zonder wachtwoord
extract-hint-timeout = het bestand is misschien beschadigd of erg groot: vraag om een nieuwe versie, of verhoog de grens met --timeout-secs
extract-hint-spawn = dit is een probleem met de installatie van `sop`, niet met het bestand

looks-like-empty = een leeg bestand
looks-like-docx = een Word-document (.docx) of ander Office-document
looks-like-doc = een oud Word-document (.doc) of ander Office-document
looks-like-html = een webpagina (HTML)
looks-like-rtf = een RTF-document
looks-like-image = een afbeelding
looks-like-binary = geen tekst
looks-like-other = iets anders (het begint niet zoals een PDF)

## Losse opdrachten
load-cannot-read = `{ $path }` is niet te lezen
load-no-exe = het programma `sop` zelf is niet te vinden
load-not-pdf-nor-text = `{ $path }` is geen PDF en geen tekstbestand: het lijkt { $found }. Vraag de school om de PDF van het SOP.
load-not-a-record = `{ $path }` is geen sop/1-gegevensbestand
load-normalize-failed = `{ $path }`: { $reason }
extract-warning = `{ $path }`: { $warning }
extract-tables-need-pdf = `{ $path }` is al uitgelezen tekst: tabellen zijn alleen in een PDF te vinden.
normalize-not-an-sop = geen SOP: { $reason }
normalize-unrecognised = onbekend sjabloon: het lijkt het meest op { $closest }, met score { $score }
normalize-hint-not-an-sop = het bestand blijft zoals het is; controleer of het goede bestand is gestuurd
normalize-hint-unrecognised = vraag de school om het SOP in een van de bekende sjablonen, of voeg een sjabloon toe
detect-revision = , versie "{ $revision }"
detect-recognised = { $file }: { $name }{ $revision } (zekerheid { $confidence })
detect-unrecognised = { $file }: onbekend sjabloon: het lijkt op een schoolondersteuningsprofiel, maar het sjabloon dat er het meest op lijkt, { $closest }, scoort maar { $score }
detect-not-an-sop = { $file }: geen SOP: { $reason }
detect-no-families = er zijn geen sjablonen bekend
detect-no-sop-markers = er staan geen koppen, tabellen of vaste zinnen van een schoolondersteuningsprofiel in

## Vergelijken
same-school-brin = zelfde BRIN { $brin }
same-school-brin-differ = BRIN { $a } en { $b } verschillen
same-school-by-name = zelfde naam
same-school-by-domain = zelfde e-maildomein
same-school-by-brin = zelfde BRIN
same-school-unproven = geen naam, BRIN of e-mailadres staat in beide documenten
same-school-names-differ = de namen "{ $a }" en "{ $b }" verschillen
same-school-domains-differ = de e-maildomeinen { $a } en { $b } verschillen
diff-not-same-school = niet dezelfde school: { $reason }
diff-different-school = `{ $old }` en `{ $new }` zijn niet van dezelfde school: { $reason }. Controleer of u de goede bestanden gaf, of vergelijk ze toch met --force.
diff-forced = let op: u vergelijkt verschillende scholen (--force): { $reason }
diff-unproven = let op: niet te zeggen of `{ $old }` en `{ $new }` van dezelfde school zijn ({ $reason }); ze worden toch vergeleken.
diff-cannot-write = de vergelijking kon niet naar `{ $path }` worden geschreven: { $reason }. Controleer of de map bestaat en of u erin mag schrijven.
diff-needs-two = `sop diff` vergelijkt twee leesbare SOP's: elk een PDF, een .txt met uitgelezen tekst of een sop.json.
