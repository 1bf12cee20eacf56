# batch (en)

## Stages of a run
stage-read = reading the file
stage-fetch = downloading
stage-extract = reading the text
stage-detect = recognising the template
stage-normalize = converting
stage-archive = archiving
stage-diff = comparing

## Outcome per document
outcome-new = new
outcome-new-version = new version
outcome-unchanged = unchanged
outcome-unread-unchanged = unchanged; received, not readable: { $reason }
outcome-unread = received, not readable: { $reason }
outcome-held = received, school unknown: in the waiting area
outcome-held-again = received before, school unknown: in the waiting area
outcome-failed = failed: { $reason } ({ $stage })
outcome-unread-detail = { $outcome } (while { $stage }: { $reason })
outcome-held-detail = { $outcome }: { $reason }; assign with `{ $command }`
counts-line = new { $new } · new version { $new_version } · unchanged { $unchanged } · not readable { $unread } · school unknown { $held } · failed { $failed }

## Reasons (short)
reason-encrypted = protected with a password
reason-not-pdf = not a PDF
reason-damaged = damaged file
reason-no-pages = PDF without pages
reason-too-large = too large
reason-timeout = reading took too long
reason-unreadable = text cannot be read
reason-not-an-sop = not a school support profile
reason-unrecognised-template = unknown template
reason-program-error = error in the program
reason-school-unknown = school unknown

## Run: which school, and errors per document
identify-from-path-read = the document names no school that can be recognised; the school is `{ $school }` by the folder or file name
identify-from-path-unread = the document was not read; the school is `{ $school }` by the folder or file name
identify-id-not-in-registry = the given id `{ $id }` is not in the registry
identify-unread-no-registry = the document was not read and there is no registry
identify-unread-no-id-in-path = the document was not read and no folder or file name is a school id in the registry
identify-same-bytes = the document names no school that can be recognised; the same file is in the archive already under `{ $school }` ({ $year } version { $version })
held-reason = cannot tell which school this is ({ $why })
held-reason-unread = cannot tell which school this is ({ $why }); not readable either: { $code } ({ $reason })
batch-not-pdf-nor-text = `{ $name }` is neither a PDF nor a text file; ask the school for the PDF
batch-temp-copy-failed = cannot make a temporary copy of `{ $name }`: { $reason }
batch-cannot-read = cannot read `{ $path }`: { $reason }
batch-too-large = `{ $path }` is larger than { $limit } MiB (the limit): ask the school for a smaller PDF, or raise the limit with --max-size
batch-internal-panic = error in the program ({ $detail }): please report this document to whoever maintains `sop`
batch-internal-cancelled = error in the program: the task was cancelled
batch-no-fetcher = internal error: nothing is set up to fetch documents
batch-unchanged-no-copy = the server says the document is unchanged, but the archive has no copy of it for this year; please report this to whoever maintains `sop`
batch-internal-lost = internal error: the document got lost on its way; please report this to whoever maintains `sop`
batch-abandoned = reading took longer than { $secs } seconds and was given up: the PDF may be damaged; ask the school for a new PDF
batch-year-differs = the document names school year { $own }; archived under { $year } (the school year of this run)
batch-year-missing = the document names no school year; archived under { $year } (the school year of this run)

## End of `sop run`
run-heading = School year { $year } · { $n } document(s) in { $secs } s
run-report-at = Report of this run: { $path }
run-diffs = Changes since the previous school year:
run-held = Cannot tell which school (kept in the waiting area); assign with:
run-overview-at = Overview of all schools in { $year }: { $path }
table-school = School
table-template = Template
table-year = Year
table-outcome = Outcome
table-changes = Chg.
table-total = { $n } document(s): { $counts }
run-nothing-to-do = nothing to do: give --inbox DIR (the PDFs schools sent) and/or --sources FILE.csv (addresses to download)

## Report of the run (file in archive/reports/)
report-title = Report of the run, school year { $year }
report-started = Started: { $started } (UTC) · took { $secs } s · { $n } document(s) · { $jobs } at a time
report-inbox = Received folder
report-sources = List of addresses
report-archive = Archive
report-summary = Summary
report-col-outcome = Outcome
report-col-count = Count
report-count-unread = received, not readable
report-count-held = received, school unknown
report-count-failed = failed
report-total = total
report-per-school = By school
report-col-school = School
report-col-template = Template
report-col-year = School year
report-col-changes = Changes since last year
report-col-document = Document
report-diff-link = changes
report-no-previous = no previous year
report-warnings = Warnings
report-unread = Received, not readable
report-unread-intro = These documents are in the archive as they were received (the original file and the reason), but without a standardised profile: so they are not missing. Ask the school for a readable PDF, or read them again once `sop` can, with the command after each.
report-at-stage = at { $stage }
report-held = Still to assign
report-held-intro = For these documents it cannot be told which school they belong to. They are kept in the archive's waiting area (`ontvangen/{ $year }/`). Assign each to the right school with the command after it (replace `<id>` with the school's id in the school registry); a later `sop run` with the same document adds nothing.
report-held-again = received before
report-failed = Failed
report-failed-intro = These documents are not in the archive. The reason says what is wrong and what to do; process them again with `sop run` once it is fixed.

## Downloading (--sources)
fetch-invalid-url = `{ $url }` is not a valid http(s) URL ({ $reason }): correct it in the sources file
fetch-not-found = `{ $url }` was not found (HTTP { $status }): ask the school for the current link and correct the sources file
fetch-status = `{ $url }` answered HTTP { $status } ({ $attempts } attempt(s)): try again later or ask the school for the PDF
fetch-timeout = `{ $url }` did not answer in time ({ $attempts } attempt(s)): try again later or ask the school for the PDF
fetch-connect = cannot connect to `{ $url }` ({ $reason }): check the address in the sources file
fetch-too-large = `{ $url }` is larger than { $limit } MiB (the limit): ask the school for a smaller PDF, or raise the limit with --max-size
fetch-html = `{ $url }` is a web page, not a PDF: put the link of the PDF itself in the sources file
fetch-not-pdf-type = `{ $url }` is not a PDF (the server says `{ $content_type }`): put the link of the PDF itself in the sources file
fetch-not-pdf = `{ $url }` is not a PDF: put the link of the PDF itself in the sources file
fetch-other = downloading `{ $url }` failed: { $reason }
fetch-too-many-redirects = too many redirects

## The sources file (--sources FILE.csv)
sources-cannot-read = cannot read the sources file `{ $path }`
sources-not-csv = `{ $path }` is not a CSV file
sources-no-header = `{ $path }` needs a header line with the columns `school_id` and `url` (found: { $found })
sources-line-unreadable = `{ $path }` line { $line } cannot be read
sources-line-incomplete = `{ $path }` line { $line }: every row needs a school_id and a url
inbox-cannot-read = cannot read the inbox folder `{ $path }`
identify-no-name-no-registry = the document names no school and there is no registry
identify-name-gives-no-id = the school name "{ $name }" gives no usable id
identify-conflict = { $used } points at { $have } but { $what } at { $other }
identify-several = { $used } matches several schools in the registry: { $ids }
identify-no-match = no registry entry matches (name { $name }, BRIN { $brin }, e-mail domain { $domain }); add the school or an alias to the registry
identify-none = none
identify-criterion-brin = BRIN
identify-criterion-name = name
identify-criterion-domain = e-mail domain
identify-and = and
