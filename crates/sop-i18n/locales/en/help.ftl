# Texts of `sop --help` (English). Keys: help-<command>, help-<command>-<option>,
# help-opt-<option> for options every command takes.

help-sop = School support profiles: from PDF to a verifiable archive.
help-usage = Usage
help-heading-commands = Commands
help-heading-arguments = Input
help-heading-options = Options
help-command-value = COMMAND
help-options-placeholder = [OPTIONS]
help-values = one of
help-default = default

help-opt-help = Show this help.
help-opt-version = Show the version number.
help-opt-verbose = More messages about what the program does (-v more, -vv all).
help-opt-lang = The language of messages and reports: nl (default) or en. Without this option: the language of LANG.
help-opt-archive = The archive folder.

help-extract = Show the text of a PDF or .txt (with --json the layout with positions).
help-extract-file = A PDF, or a .txt of already-extracted text.
help-extract-json = Print the layout (pages, lines, words with positions, marks, links, warnings) as JSON.
help-extract-tables = Show each table found as a grid, with the marks in its cells, for checking a document by eye.
help-extract-max-bytes = Largest input file, in bytes.
help-extract-max-pages = Most pages.
help-extract-max-text-bytes = Largest extracted text, in bytes.
help-extract-max-stream-bytes = Largest size one packed part of the PDF may unpack to, in bytes.
help-extract-timeout-secs = Seconds for one file, reading scanned pages (OCR) included.
help-extract-ocr-page-secs = Seconds for reading one scanned page (OCR).
help-extract-memory-bytes = Memory for reading one file, in bytes.

help-detect = Say which SOP template a document follows, and why.
help-detect-file = A PDF or a .txt of extracted text.
help-detect-json = Print the result as JSON instead of one line.

help-normalize = Print the canonical record (sop/1) of a document as JSON.
help-normalize-file = A PDF or a .txt of extracted text.

help-diff = Compare two versions of a school's SOP.
help-diff-old = The earlier version: a PDF, a .txt of extracted text or a sop.json.
help-diff-new = The later version: a PDF, a .txt of extracted text or a sop.json.
help-diff-format = Output form: md (report in Markdown), html (report as a web page) or json (for scripts).
help-diff-out = Write the output to this file instead of the screen.
help-diff-force = Compare even when the two documents are of different schools.

help-run = Process a school year's documents: fetch or receive, read, convert, compare, archive.
help-run-year = The school year of this run, e.g. 2024-2025. Every document is archived under it.
help-run-inbox = A folder with the PDFs (and .txt files) the schools sent; any file names.
help-run-sources = A CSV file with the columns school_id,url (and optionally name,brin) to download.
help-run-registry = The list of schools (id,brin,name,aliases,url,email_domain) used to tell which school a document is.
help-run-archive = The archive folder; created when it does not exist.
help-run-jobs = Documents at the same time (default: the number of processor cores).
help-run-timeout = Seconds reading one document (OCR of scanned pages included) may take before it is given up.
help-run-ocr-page-secs = Seconds reading one scanned page may take; the page then stays unread, with a warning.
help-run-fetch-timeout = Seconds one download attempt may take.
help-run-max-size = The largest document accepted, in MiB.
help-run-max-memory = Memory for reading one document, in MiB.

help-verify = Check every bundle, every file and every line of the archive's ledger.
help-verify-json = Print the findings as JSON.
help-verify-max-bundle-entries = Most files a bundle may hold; a larger one is not opened (a guard against zip bombs).
help-verify-max-entry-mib = Largest size one file in a bundle may unpack to, in MiB.
help-verify-max-bundle-mib = Largest size all files of a bundle may unpack to together, in MiB.

help-list = Show what the archive holds.
help-list-json = Print the catalogue as JSON.

help-show = Show one school's bundles.
help-show-school = The school's id, as `sop list` shows it.
help-show-year = Only this school year (YYYY-YYYY).
help-show-json = Print the bundles and their contents lists as JSON.

help-overview = The overview of a school year across all schools: support areas, HGW, facilities, gaps, changes.
help-overview-year = The school year to show (YYYY-YYYY).
help-overview-compare = Compare with this school year: per school what it added or dropped, per area the change in coverage.
help-overview-registry = The list of schools (schools.csv): schools without a profile for the year are listed as missing; its columns region and board (when present) group the schools.
help-overview-areas = The support areas and which rows belong to them (default: the built-in areas.toml).
help-overview-threshold = An area is a gap in a region when fewer than N schools there offer it.
help-overview-format = Output form: html, xlsx, csv or json (default: from the extension of --out, else html).
help-overview-out = The file to write.

help-export = Export a school's bundles as a BagIt package for the inspectorate.
help-export-school = The school's id, as `sop list` shows it.
help-export-ontvangen = Export the waiting area instead: every document received without a school (the folder `ontvangen/`).
help-export-year = This school year (default: the newest school year in the archive).
help-export-all = Every school year.
help-export-out = The zip file to write (a BagIt 1.0 package).
help-export-organization = Source-Organization in bag-info.txt (default: the samenwerkingsverband named in the newest profile).

help-assign = File a document from the waiting area (received without a school) under a school.
help-assign-document = The waiting document: the start of its sha256 (as the run report and `sop list` show it), or the file itself.
help-assign-school = The id of the school it belongs to (as in the registry).
help-assign-year = The school year to file it under (default: the year of the run that received it).
help-assign-registry = The list of schools; when given, the id must be in it.

help-reprocess = Read again a document that was archived unread; a new version when it can now be read.
help-reprocess-school = The school's id, as `sop list` shows it.
help-reprocess-year = The school year.

## Placeholders in `--help`
help-value-dir = DIR
help-value-file = FILE
help-value-file-csv = FILE.csv
help-value-file-toml = FILE.toml
help-value-file-zip = FILE.zip
help-value-name = NAME
help-value-secs = SECS
help-value-yyyy-yyyy = YYYY-YYYY
help-value-sha256-prefix-or-file = SHA256-PREFIX|FILE
