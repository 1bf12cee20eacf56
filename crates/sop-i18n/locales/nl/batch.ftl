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
