# record (en)
# The warnings in a record (sop.json). Key: warn-<code>; the code is stable, for scripts.

warn-pos-general-missing = Paragraph "2.1 Algemene gegevens" was not found: no school name, fill-in date or levels.
warn-pos-general-no-row = §2.1 Algemene gegevens has no row "{ $row }".
warn-pos-general-no-answer = §2.1 Algemene gegevens: "{ $row }" has no answer.
warn-pos-general-unknown-sector = §2.1 Algemene gegevens: onderwijstype "{ $value }" is not one of po, vo, so, sbo; the sector is left empty.
warn-pos-school-year-from-fill-in-date = School year { $year } inferred from the fill-in date "{ $date }"; the report names no school year.
warn-pos-fill-in-date-unreadable = §2.1 Algemene gegevens: the fill-in date "{ $date }" is not a date; no school year.
warn-fixed-text-changed = The fixed text of "{ $section }" differs from the template; the school's version is kept as other text (unmapped).
warn-chapter-missing = Chapter "{ $chapter }" was not found.
warn-heading-missing-field-empty = The heading "{ $heading }" was not found; this field stays empty ({ $field }).
warn-section-empty = "{ $section }" is empty.
warn-pos-meetings-unreadable = Ondersteuningsteam: how often the team meets could not be read as a number of times per year.
warn-pos-team-no-members = Ondersteuningsteam: no members were listed.
warn-list-missing = The list "{ $list }" was not found.
warn-paragraph-missing = Paragraph "{ $paragraph }" was not found.
warn-pos-no-icons = { $table }: no icons were found in the columns Op de school / Via het bestuur / Via het SWV of derden; whether it is available and who provides it is unknown.
warn-pos-provider-header-missing = { $table }: the table header "Op de school / Via het bestuur / Via het SWV of derden" was not found; the rows are kept as other text (unmapped).
warn-table-no-rows = { $table }: the table has no rows.
warn-pos-icons-lost-in-text = { $table }: the columns Op de school / Via het bestuur / Via het SWV of derden are icons, which plain text does not contain; for its { $rows } rows it is unknown whether it is available and who provides it. Read the PDF for these values.
warn-pos-provider-columns-incomplete = { $table }: not all three provider columns (school, board, SWV or third parties) were found in the table header; whether it is available and who provides it is unknown.
warn-pos-room-listed-twice = 3.4 Fysieke ruimten: "{ $name }" is listed more than once; kept once.
warn-pos-protocols-header-missing = 3.5 Protocollen: the table header "Protocol | Status" was not found; the text is kept as other text (unmapped).
warn-pos-protocol-no-status = 3.5 Protocollen: no status could be read for "{ $name }".
warn-pos-hgw-missing = Paragraph "3.6 Leerkrachtvaardigheden" was not found: no HGW scores.
warn-pos-hgw-summary-unreadable = 3.6 Leerkrachtvaardigheden: the summary row (# N I O V) could not be read.
warn-pos-hgw-summary-missing = 3.6 Leerkrachtvaardigheden: the summary table (# N I O V) was not found.
warn-pos-hgw-table-missing = 3.6 Leerkrachtvaardigheden: the table "Indicator HGW | Score" was not found.
warn-pos-hgw-no-score = 3.6 Leerkrachtvaardigheden: no score for "{ $indicator }".
warn-pos-hgw-score-off-scale = 3.6 Leerkrachtvaardigheden: the score "{ $score }" for "{ $indicator }" is not on the scale.
warn-pos-hgw-score-without-indicator = 3.6 Leerkrachtvaardigheden: the score "{ $score }" belongs to no indicator.
warn-pos-hgw-count-mismatch = 3.6 Leerkrachtvaardigheden: the summary counts { $summary } indicators, the table lists { $table }.
warn-pos-hgw-pct-mismatch = 3.6 Leerkrachtvaardigheden: the summary gives { $given } % for { $score }, the indicator scores give { $computed } %.
warn-pos-limits-category-empty = "Grenzen aan onze ondersteuning": the category "{ $category }" has no items.
warn-model-evaluation-sentence-changed = §6: the fixed sentence "… geëvalueerd via de PDCA cyclus van de school" was changed; the whole section is taken as the evaluation text.
warn-model-first-page-missing = The first page (title and Algemene gegevens) is missing: school name, address, contacts, governance and school year are unknown. The name comes from the run's registry.
warn-model-school-name-empty = The school name is empty in Algemene gegevens.
warn-model-school-year-missing = The school year is not stated ("opgesteld voor schooljaar ..." was not found).
warn-model-heading-missing = The heading "{ $heading }" was not found; its content, if any, is under the section before it.
warn-model-hgw-header-missing = HGW: the table header "Uitgangspunt HGW | Op orde | In ontwikkeling | Nog op te starten" was not found.
warn-model-hgw-no-rows = HGW: no rows found under the table header.
warn-model-hgw-columns-unreadable = HGW: the column positions of the table header could not be read; the statuses are unknown.
warn-model-hgw-marked-twice = HGW "{ $row }": marked in { $columns } columns; the lower status ({ $used }) is used.
warn-model-hgw-no-mark = HGW "{ $row }": no column is marked.
warn-model-extra-column = { $table }: the table has a column "{ $column }" the template does not have; its cells are kept as other text (unmapped).
warn-model-table-header-missing = { $table }: the table header was not found.
warn-model-table-columns-unreadable = { $table }: the column positions of the table header could not be read.
warn-model-expertise-yes-no-unreadable = Extra expertise "{ $row }": Ja/nee is empty or unreadable.
warn-model-partner-marked-twice = Externe deskundigen "{ $row }": marked in { $columns } columns; the first is used.
warn-model-partner-no-mark = Externe deskundigen "{ $row }": no column is marked.
warn-model-offer-border-guessed = Extra aanbod: in text input the border between Aanbod and Periode is guessed from spacing and capitals; check the PDF.
warn-model-facility-empty = Voorziening "{ $row }": neither column is filled in.
warn-model-facility-column-unclear = Voorziening "{ $row }": the column of "{ $cell }" is unclear in text input; read as present.
warn-ocr-pages = { $count ->
        [one] Page { $pages } is a scan and was read by OCR (mean word confidence { $confidence } of 100): values from it may hold misread characters; their provenance says "ocr": true.
       *[other] Pages { $pages } are scans and were read by OCR (mean word confidence { $confidence } of 100): values from them may hold misread characters; their provenance says "ocr": true.
    }
warn-ocr-low-confidence = { $field } (page { $page }) was read by OCR from words of low confidence ({ $confidence } of 100): check it against the PDF.
warn-extraction-note = A note from extraction.

## Notes from reading a PDF (in every record too)
warn-page-content-unreadable = Page { $page }: part of the content cannot be read; some of its text may be missing (the PDF reader said: { $detail }).
warn-page-marks-not-collected = Page { $page }: the marks and icons were not collected (the PDF reader said: { $detail }).
warn-page-positions-incomplete = Page { $page }: the positions of the text on the page were not read completely (the PDF reader said: { $detail }).
warn-page-text-without-positions = Page { $page }: the text was read without its positions on the page; tables may be read less well.
warn-page-no-text-layer = Page { $page } has no text (a scan?).
warn-positions-unavailable = The positions of the text on the pages cannot be read; only the text was used (the PDF reader said: { $detail }).
warn-page-read-by-ocr = { $had_text ->
        [yes] Page { $page }: its text was unreadable and was read by OCR ({ $engine }, { $dpi } dpi, mean word confidence { $confidence } of 100, skew of { $skew }° corrected).
       *[no] Page { $page }: a scan without text, read by OCR ({ $engine }, { $dpi } dpi, mean word confidence { $confidence } of 100, skew of { $skew }° corrected).
    }
warn-page-ocr-timeout = Page { $page } was not read: OCR took longer than the limit of { $secs } seconds per page (or what was left of the time for the file). Raise --ocr-page-secs or --timeout-secs.
warn-page-ocr-failed = Page { $page } was not read: OCR failed ({ $detail }).
warn-pages-unread-ocr-missing = { $count ->
        [one] Page { $pages } has no text and could not be read: that needs Tesseract with its Dutch model and pdftoppm, and { $missing }. Install the Debian packages { $packages }.
       *[other] Pages { $pages } have no text and could not be read: that needs Tesseract with its Dutch model and pdftoppm, and { $missing }. Install the Debian packages { $packages }.
    }
warn-drawing-unreadable = Page { $page }: a drawing cannot be read; marks in it are missing (the PDF reader said: { $detail }).
warn-drawing-too-long = Page { $page }: the drawing is too long; marks after the limit were not collected.
warn-drawing-nested = Page { $page }: a drawing refers to itself or nests too deep; it was skipped.
warn-drawing-part-unreadable = Page { $page }: part of a drawing cannot be read.
