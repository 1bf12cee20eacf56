# batch (nl)

## Stappen van de verwerking
stage-read = inlezen
stage-fetch = downloaden
stage-extract = tekst uitlezen
stage-detect = sjabloon herkennen
stage-normalize = omzetten
stage-archive = archiveren
stage-diff = vergelijken

## Uitkomst per document
outcome-new = nieuw
outcome-new-version = nieuwe versie
outcome-unchanged = ongewijzigd
outcome-unread-unchanged = ongewijzigd; ontvangen, niet leesbaar: { $reason }
outcome-unread = ontvangen, niet leesbaar: { $reason }
outcome-held = ontvangen, school onbekend: in de wachtruimte
outcome-held-again = al ontvangen, school onbekend: in de wachtruimte
outcome-failed = mislukt: { $reason } ({ $stage })
outcome-unread-detail = { $outcome } (bij { $stage }: { $reason })
outcome-held-detail = { $outcome }: { $reason }; toewijzen met `{ $command }`
counts-line = nieuw { $new } · nieuwe versie { $new_version } · ongewijzigd { $unchanged } · niet leesbaar { $unread } · school onbekend { $held } · mislukt { $failed }

## Redenen (kort)
reason-encrypted = beveiligd met een wachtwoord
reason-not-pdf = geen PDF
reason-damaged = beschadigd bestand
reason-no-pages = PDF zonder pagina's
reason-too-large = te groot
reason-timeout = uitlezen duurde te lang
reason-unreadable = tekst niet uit te lezen
reason-not-an-sop = geen schoolondersteuningsprofiel
reason-unrecognised-template = onbekend sjabloon
reason-program-error = fout in het programma
reason-school-unknown = school onbekend

## Verwerking: welke school, en fouten per document
identify-from-path-read = het document noemt geen herkenbare school; de school is `{ $school }` volgens de map- of bestandsnaam
identify-from-path-unread = het document is niet gelezen; de school is `{ $school }` volgens de map- of bestandsnaam
identify-id-not-in-registry = de gegeven id `{ $id }` staat niet in het register
identify-unread-no-registry = het document is niet gelezen en er is geen register
identify-unread-no-id-in-path = het document is niet gelezen en geen map- of bestandsnaam is een school-id uit het register
identify-same-bytes = het document noemt geen herkenbare school; hetzelfde bestand staat al in het archief bij `{ $school }` ({ $year } versie { $version })
held-reason = niet te zien van welke school het is ({ $why })
held-reason-unread = niet te zien van welke school het is ({ $why }); ook niet leesbaar: { $code } ({ $reason })
batch-not-pdf-nor-text = `{ $name }` is geen PDF en geen tekstbestand; vraag de school om de PDF
batch-temp-copy-failed = een tijdelijke kopie van `{ $name }` kon niet worden gemaakt: { $reason }
batch-cannot-read = `{ $path }` is niet te lezen: { $reason }
batch-too-large = `{ $path }` is groter dan { $limit } MiB (de grens): vraag de school om een kleinere PDF, of verhoog de grens met --max-size
batch-internal-panic = fout in het programma ({ $detail }): meld dit document aan de beheerder van `sop`
batch-internal-cancelled = fout in het programma: de taak is afgebroken
batch-no-fetcher = fout in het programma: er is niets ingesteld om documenten op te halen
batch-unchanged-no-copy = de server meldt dat het document niet is veranderd, maar het archief heeft er voor dit schooljaar geen kopie van; meld dit aan de beheerder van `sop`
batch-internal-lost = fout in het programma: het document is onderweg kwijtgeraakt; meld dit aan de beheerder van `sop`
batch-abandoned = het uitlezen duurde langer dan { $secs } seconden en is opgegeven: de PDF is misschien beschadigd; vraag de school om een nieuwe PDF
batch-year-differs = het document noemt schooljaar { $own }; gearchiveerd onder { $year } (het schooljaar van deze verwerking)
batch-year-missing = het document noemt geen schooljaar; gearchiveerd onder { $year } (het schooljaar van deze verwerking)

## Einde van `sop run`
run-heading = Schooljaar { $year } · { $n } document(en) in { $secs } s
run-report-at = Verslag van deze verwerking: { $path }
run-diffs = Verschillen met vorig schooljaar:
run-held = Niet te zien van welke school (bewaard in de wachtruimte); wijs toe met:
run-overview-at = Overzicht van alle scholen in { $year }: { $path }
table-school = School
table-template = Sjabloon
table-year = Jaar
table-outcome = Uitkomst
table-changes = Wijz.
table-total = { $n } document(en): { $counts }
run-nothing-to-do = er is niets te doen: geef --inbox MAP (de PDF's die de scholen stuurden) en/of --sources BESTAND.csv (adressen om te downloaden)

## Verslag van de verwerking (bestand in archief/reports/)
report-title = Verslag van de verwerking, schooljaar { $year }
report-started = Gestart: { $started } (UTC) · duur { $secs } s · { $n } document(en) · { $jobs } tegelijk
report-inbox = Ontvangen map
report-sources = Lijst met adressen
report-archive = Archief
report-summary = Samenvatting
report-col-outcome = Uitkomst
report-col-count = Aantal
report-count-unread = ontvangen, niet leesbaar
report-count-held = ontvangen, school onbekend
report-count-failed = mislukt
report-total = totaal
report-per-school = Per school
report-col-school = School
report-col-template = Sjabloon
report-col-year = Schooljaar
report-col-changes = Wijzigingen t.o.v. vorig jaar
report-col-document = Document
report-diff-link = verschillen
report-no-previous = geen vorig jaar
report-warnings = Waarschuwingen
report-unread = Ontvangen, niet leesbaar
report-unread-intro = Deze documenten staan in het archief zoals ze zijn ontvangen (het originele bestand en de reden), maar zonder gestandaardiseerd profiel: ze ontbreken dus niet. Vraag de school om een leesbare PDF, of lees ze opnieuw zodra `sop` ze wel kan lezen, met de opdracht erachter.
report-at-stage = bij { $stage }
report-held = Nog toe te wijzen
report-held-intro = Van deze documenten is niet te zien van welke school ze zijn. Ze zijn bewaard in de wachtruimte van het archief (`ontvangen/{ $year }/`). Wijs elk toe aan de juiste school met de opdracht erachter (vervang `<id>` door het id van de school in het schoolregister); een volgende `sop run` met hetzelfde document voegt niets toe.
report-held-again = al eerder ontvangen
report-failed = Mislukt
report-failed-intro = Deze documenten staan niet in het archief. De reden zegt wat er mis is en wat te doen; verwerk ze opnieuw met `sop run` als het is opgelost.

## Downloaden (--sources)
fetch-invalid-url = `{ $url }` is geen geldig http(s)-adres ({ $reason }): verbeter het in de lijst met adressen
fetch-not-found = `{ $url }` is niet gevonden (HTTP { $status }): vraag de school om de juiste link en verbeter de lijst met adressen
fetch-status = `{ $url }` antwoordde met HTTP { $status } (na { $attempts } poging(en)): probeer het later opnieuw of vraag de school om de PDF
fetch-timeout = `{ $url }` antwoordde niet op tijd (na { $attempts } poging(en)): probeer het later opnieuw of vraag de school om de PDF
fetch-connect = geen verbinding met `{ $url }` ({ $reason }): controleer het adres in de lijst met adressen
fetch-too-large = `{ $url }` is groter dan { $limit } MiB (de grens): vraag de school om een kleinere PDF, of verhoog de grens met --max-size
fetch-html = `{ $url }` is een webpagina, geen PDF: zet de link van de PDF zelf in de lijst met adressen
fetch-not-pdf-type = `{ $url }` is geen PDF (de server zegt `{ $content_type }`): zet de link van de PDF zelf in de lijst met adressen
fetch-not-pdf = `{ $url }` is geen PDF: zet de link van de PDF zelf in de lijst met adressen
fetch-other = downloaden van `{ $url }` is mislukt: { $reason }
fetch-too-many-redirects = te vaak doorgestuurd naar een ander adres

## De lijst met adressen (--sources BESTAND.csv)
sources-cannot-read = de lijst met adressen `{ $path }` is niet te lezen
sources-not-csv = `{ $path }` is geen CSV-bestand
sources-no-header = `{ $path }` heeft een kopregel nodig met de kolommen `school_id` en `url` (gevonden: { $found })
sources-line-unreadable = `{ $path }` regel { $line } is niet te lezen
sources-line-incomplete = `{ $path }` regel { $line }: elke regel heeft een school_id en een url nodig
inbox-cannot-read = de map met ontvangen documenten `{ $path }` is niet te lezen
identify-no-name-no-registry = het document noemt geen school en er is geen register
identify-name-gives-no-id = de schoolnaam "{ $name }" geeft geen bruikbare id
identify-conflict = { $used } wijst naar { $have }, maar { $what } naar { $other }
identify-several = { $used } past bij meer scholen in het register: { $ids }
identify-no-match = geen school in het register past (naam { $name }, BRIN { $brin }, e-maildomein { $domain }); voeg de school of een andere naam van de school toe aan het register
identify-none = geen
identify-criterion-brin = BRIN
identify-criterion-name = naam
identify-criterion-domain = e-maildomein
identify-and = en
