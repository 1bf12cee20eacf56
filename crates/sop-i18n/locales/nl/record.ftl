# record (nl)
# De waarschuwingen in een gegevensbestand (sop.json). Sleutel: warn-<code>; de code is vast, voor scripts.

warn-pos-general-missing = Paragraaf "2.1 Algemene gegevens" is niet gevonden: schoolnaam, invuldatum en onderwijsniveaus ontbreken.
warn-pos-general-no-row = §2.1 Algemene gegevens heeft geen rij "{ $row }".
warn-pos-general-no-answer = §2.1 Algemene gegevens: "{ $row }" heeft geen antwoord.
warn-pos-general-unknown-sector = §2.1 Algemene gegevens: onderwijstype "{ $value }" is niet po, vo, so of sbo; de sector blijft leeg.
warn-pos-school-year-from-fill-in-date = Schooljaar { $year } afgeleid uit de invuldatum "{ $date }"; het rapport noemt geen schooljaar.
warn-pos-fill-in-date-unreadable = §2.1 Algemene gegevens: de invuldatum "{ $date }" is geen datum; geen schooljaar.
warn-fixed-text-changed = De vaste tekst van "{ $section }" wijkt af van het sjabloon; de tekst van de school is bewaard als overige tekst.
warn-chapter-missing = Hoofdstuk "{ $chapter }" is niet gevonden.
warn-heading-missing-field-empty = De kop "{ $heading }" is niet gevonden; dit veld blijft leeg ({ $field }).
warn-section-empty = "{ $section }" is leeg.
warn-pos-meetings-unreadable = Ondersteuningsteam: hoe vaak het team bijeenkomt, is niet als aantal keer per jaar te lezen.
warn-pos-team-no-members = Ondersteuningsteam: er zijn geen leden genoemd.
warn-list-missing = De lijst "{ $list }" is niet gevonden.
warn-paragraph-missing = Paragraaf "{ $paragraph }" is niet gevonden.
warn-pos-no-icons = { $table }: in de kolommen Op de school / Via het bestuur / Via het SWV of derden staan geen pictogrammen; of het aanbod er is en wie het biedt, is onbekend.
warn-pos-provider-header-missing = { $table }: de tabelkop "Op de school / Via het bestuur / Via het SWV of derden" is niet gevonden; de rijen zijn bewaard als overige tekst.
warn-table-no-rows = { $table }: de tabel heeft geen rijen.
warn-pos-icons-lost-in-text = { $table }: de kolommen Op de school / Via het bestuur / Via het SWV of derden zijn pictogrammen, die in platte tekst ontbreken; voor de { $rows } rijen is onbekend of het aanbod er is en wie het biedt. Lees de PDF in voor deze gegevens.
warn-pos-provider-columns-incomplete = { $table }: niet alle drie de kolommen (school, bestuur, SWV of derden) staan in de tabelkop; of het aanbod er is en wie het biedt, is onbekend.
warn-pos-room-listed-twice = 3.4 Fysieke ruimten: "{ $name }" staat er meer dan eens; één keer bewaard.
warn-pos-protocols-header-missing = 3.5 Protocollen: de tabelkop "Protocol | Status" is niet gevonden; de tekst is bewaard als overige tekst.
warn-pos-protocol-no-status = 3.5 Protocollen: voor "{ $name }" is geen status te lezen.
warn-pos-hgw-missing = Paragraaf "3.6 Leerkrachtvaardigheden" is niet gevonden: geen HGW-scores.
warn-pos-hgw-summary-unreadable = 3.6 Leerkrachtvaardigheden: de samenvattende rij (# N I O V) is niet te lezen.
warn-pos-hgw-summary-missing = 3.6 Leerkrachtvaardigheden: de samenvattende tabel (# N I O V) is niet gevonden.
warn-pos-hgw-table-missing = 3.6 Leerkrachtvaardigheden: de tabel "Indicator HGW | Score" is niet gevonden.
warn-pos-hgw-no-score = 3.6 Leerkrachtvaardigheden: geen score voor "{ $indicator }".
warn-pos-hgw-score-off-scale = 3.6 Leerkrachtvaardigheden: de score "{ $score }" voor "{ $indicator }" staat niet op de schaal.
warn-pos-hgw-score-without-indicator = 3.6 Leerkrachtvaardigheden: de score "{ $score }" hoort bij geen enkele indicator.
warn-pos-hgw-count-mismatch = 3.6 Leerkrachtvaardigheden: de samenvatting telt { $summary } indicatoren, de tabel noemt er { $table }.
warn-pos-hgw-pct-mismatch = 3.6 Leerkrachtvaardigheden: de samenvatting geeft { $given } % voor { $score }, de scores per indicator geven { $computed } %.
warn-pos-limits-category-empty = "Grenzen aan onze ondersteuning": de categorie "{ $category }" heeft geen punten.
warn-model-evaluation-sentence-changed = §6: de vaste zin "… geëvalueerd via de PDCA cyclus van de school" is veranderd; de hele paragraaf is als evaluatietekst genomen.
warn-model-first-page-missing = De eerste pagina (titel en Algemene gegevens) ontbreekt: schoolnaam, adres, contactgegevens, bestuur en schooljaar zijn onbekend. De naam komt uit het register van de verwerking.
warn-model-school-name-empty = De schoolnaam is leeg in Algemene gegevens.
warn-model-school-year-missing = Het schooljaar staat er niet in ("opgesteld voor schooljaar ..." is niet gevonden).
warn-model-heading-missing = De kop "{ $heading }" is niet gevonden; wat eronder hoort, staat (als het er is) bij de paragraaf ervoor.
warn-model-hgw-header-missing = HGW: de tabelkop "Uitgangspunt HGW | Op orde | In ontwikkeling | Nog op te starten" is niet gevonden.
warn-model-hgw-no-rows = HGW: onder de tabelkop staan geen rijen.
warn-model-hgw-columns-unreadable = HGW: de plaats van de kolommen in de tabelkop is niet te lezen; de stand van zaken is onbekend.
warn-model-hgw-marked-twice = HGW "{ $row }": in { $columns } kolommen aangekruist; de laagste stand ({ $used }) is genomen.
warn-model-hgw-no-mark = HGW "{ $row }": geen kolom is aangekruist.
warn-model-extra-column = { $table }: de tabel heeft een kolom "{ $column }" die het sjabloon niet heeft; de cellen zijn bewaard als overige tekst.
warn-model-table-header-missing = { $table }: de tabelkop is niet gevonden.
warn-model-table-columns-unreadable = { $table }: de plaats van de kolommen in de tabelkop is niet te lezen.
warn-model-expertise-yes-no-unreadable = Extra expertise "{ $row }": Ja/nee is leeg of niet te lezen.
warn-model-partner-marked-twice = Externe deskundigen "{ $row }": in { $columns } kolommen aangekruist; de eerste is genomen.
warn-model-partner-no-mark = Externe deskundigen "{ $row }": geen kolom is aangekruist.
warn-model-offer-border-guessed = Extra aanbod: in tekstinvoer is de grens tussen Aanbod en Periode geschat uit spaties en hoofdletters; controleer de PDF.
warn-model-facility-empty = Voorziening "{ $row }": geen van beide kolommen is ingevuld.
warn-model-facility-column-unclear = Voorziening "{ $row }": in tekstinvoer is niet duidelijk in welke kolom "{ $cell }" staat; gelezen als aanwezig.
warn-ocr-pages = { $count ->
        [one] Pagina { $pages } is een scan en is gelezen met tekstherkenning (OCR; gemiddelde zekerheid { $confidence } van 100): waarden van die pagina kunnen verkeerd gelezen tekens bevatten. Bij die waarden staat in de herkomst "ocr": true.
       *[other] Pagina's { $pages } zijn scans en zijn gelezen met tekstherkenning (OCR; gemiddelde zekerheid { $confidence } van 100): waarden van die pagina's kunnen verkeerd gelezen tekens bevatten. Bij die waarden staat in de herkomst "ocr": true.
    }
warn-ocr-low-confidence = { $field } (pagina { $page }) is met tekstherkenning gelezen uit woorden met een lage zekerheid ({ $confidence } van 100): vergelijk het met de PDF.
warn-extraction-note = Opmerking bij het uitlezen.

## Opmerkingen bij het uitlezen van een PDF (ook in elk gegevensbestand)
warn-page-content-unreadable = Pagina { $page }: een deel van de inhoud is niet te lezen; tekst daarvan kan ontbreken (melding van de PDF-lezer: { $detail }).
warn-page-marks-not-collected = Pagina { $page }: de kruisjes en pictogrammen zijn niet verzameld (melding van de PDF-lezer: { $detail }).
warn-page-positions-incomplete = Pagina { $page }: de plaats van de tekst op de pagina is niet volledig gelezen (melding van de PDF-lezer: { $detail }).
warn-page-text-without-positions = Pagina { $page }: de tekst is gelezen zonder de plaats op de pagina; tabellen kunnen minder goed gelezen zijn.
warn-page-no-text-layer = Pagina { $page } heeft geen tekst (een scan?).
warn-positions-unavailable = De plaats van de tekst op de pagina's is niet te lezen; alleen de tekst is gebruikt (melding van de PDF-lezer: { $detail }).
warn-page-read-by-ocr = { $had_text ->
        [yes] Pagina { $page }: de tekst was onleesbaar en is gelezen met tekstherkenning ({ $engine }, { $dpi } dpi, gemiddelde zekerheid { $confidence } van 100, scheefstand van { $skew }° rechtgezet).
       *[no] Pagina { $page }: een scan zonder tekst, gelezen met tekstherkenning ({ $engine }, { $dpi } dpi, gemiddelde zekerheid { $confidence } van 100, scheefstand van { $skew }° rechtgezet).
    }
warn-page-ocr-timeout = Pagina { $page } is niet gelezen: de tekstherkenning duurde langer dan de grens van { $secs } seconden per pagina (of de tijd die voor het bestand over was). Verhoog --ocr-page-secs of --timeout-secs.
warn-page-ocr-failed = Pagina { $page } is niet gelezen: de tekstherkenning mislukte ({ $detail }).
warn-pages-unread-ocr-missing = { $count ->
        [one] Pagina { $pages } heeft geen tekst en kon niet gelezen worden: daarvoor zijn Tesseract met het Nederlandse model en pdftoppm nodig, en { $missing }. Installeer de Debian-pakketten { $packages }.
       *[other] Pagina's { $pages } hebben geen tekst en konden niet gelezen worden: daarvoor zijn Tesseract met het Nederlandse model en pdftoppm nodig, en { $missing }. Installeer de Debian-pakketten { $packages }.
    }
warn-drawing-unreadable = Pagina { $page }: een tekening is niet te lezen; kruisjes daarin ontbreken (melding van de PDF-lezer: { $detail }).
warn-drawing-too-long = Pagina { $page }: de tekening is te lang; kruisjes na de grens zijn niet verzameld.
warn-drawing-nested = Pagina { $page }: een tekening verwijst naar zichzelf of is te diep genest; die is overgeslagen.
warn-drawing-part-unreadable = Pagina { $page }: een deel van een tekening is niet te lezen.
