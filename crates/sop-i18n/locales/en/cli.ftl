# Error messages of commands, with what you can do (English).

err-prefix = error: { $message }
err-cause = cause: { $cause }
err-detail = technical detail: { $detail }
err-what-to-do = what to do: { $hint }
err-file-unreadable = Cannot read the file `{ $path }`.

## Operating-system errors
io-not-found = the file or folder does not exist
io-permission-denied = you have no permission for this file or folder
io-already-exists = the file exists already
io-is-a-directory = this is a folder, not a file
io-not-a-directory = part of the path is not a folder
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-invalid-data = the content is damaged or incomplete
io-timed-out = it took too long
io-other = a problem of the system ({ $detail })

## Command line
cli-unknown-argument = there is no option `{ $arg }`.
cli-unknown-command = there is no command `{ $name }`.
cli-invalid-value = `{ $value }` is not a valid value for { $arg }.
cli-valid-values = Possible: { $values }.
cli-missing-argument = something is missing: { $args }.
cli-missing-command = give a command, for example `sop run`.
cli-conflict = { $arg } and { $other } cannot be used together; use one.
cli-wrong-values = { $arg } needs another number of values.
cli-not-understood = the command line cannot be understood.
cli-see-help = See `sop --help` (or `sop <command> --help`) for what is possible.

## Reading a document
extract-read = `{ $path }`: cannot read the file: { $reason }
extract-not-pdf = `{ $path }`: not a PDF (the file looks like { $found })
extract-too-large = `{ $path }`: the file is { $size } bytes, over the limit of { $limit } bytes
extract-corrupt = `{ $path }`: the PDF is damaged and cannot be read
extract-no-pages = `{ $path }`: the PDF has no pages
extract-too-many-pages = `{ $path }`: the PDF has { $pages } pages, over the limit of { $limit }
extract-encrypted = `{ $path }`: the PDF is protected with a password
extract-stream-too-large = `{ $path }`: a part of page { $page } unpacks to more than the limit of { $limit } bytes (a zip bomb, or an unusually heavy page)
extract-text-too-large = `{ $path }`: the extracted text is over the limit of { $limit } bytes
extract-timeout = `{ $path }`: reading took longer than { $secs } seconds and was stopped
extract-out-of-memory = `{ $path }`: reading needed more memory than allowed and was stopped
extract-crashed = `{ $path }`: reading broke off unexpectedly
extract-spawn = `{ $path }`: the reading program could not start

extract-hint-read = check that the file exists and that you may read it
extract-hint-not-pdf = open the document in its own program (Word, a browser), save or print it as PDF, then try again
extract-hint-too-large = check that this is the right document; if it is, raise the limit (see `sop extract --help`)
extract-hint-stream-too-large = check that this is the right document; if it is, raise the limit with --max-stream-bytes
extract-hint-out-of-memory = check that this is the right document; if it is, give more memory (`sop extract --memory-bytes`, `sop run --max-memory`)
extract-hint-corrupt = ask the school for a new copy of the PDF, or open it in a PDF viewer and print it to a new PDF
extract-hint-no-pages = ask the school for a complete copy of the PDF
extract-hint-encrypted = ask the school for a copy without a password
extract-hint-timeout = the file may be damaged or very large: ask for a new copy, or raise the limit with --timeout-secs
extract-hint-spawn = this is a problem with the installation of `sop`, not with the file

looks-like-empty = an empty file
looks-like-docx = a Word (.docx) or other zipped Office document
looks-like-doc = an old Word (.doc) or other Office document
looks-like-html = a web page (HTML)
looks-like-rtf = an RTF document
looks-like-image = an image
looks-like-binary = not text
looks-like-other = something else (no PDF header)

## Single commands
load-cannot-read = cannot read `{ $path }`
load-no-exe = cannot find the `sop` program itself
load-not-pdf-nor-text = `{ $path }` is neither a PDF nor a text file: it looks like { $found }. Ask the school for the PDF of its SOP.
load-not-a-record = `{ $path }` is not a sop/1 record
load-normalize-failed = `{ $path }`: { $reason }
extract-warning = `{ $path }`: { $warning }
extract-tables-need-pdf = `{ $path }` is extracted text already: tables are only found in a PDF.
normalize-not-an-sop = not an SOP: { $reason }
normalize-unrecognised = unrecognised template: the closest is { $closest }, with score { $score }
normalize-hint-not-an-sop = the file is kept as it is; check that the right file was sent
normalize-hint-unrecognised = ask the school for its SOP in one of the known templates, or add a template
detect-revision = , revision "{ $revision }"
detect-recognised = { $file }: { $name }{ $revision } (confidence { $confidence })
detect-unrecognised = { $file }: unrecognised template: it looks like a school support profile, but the closest template, { $closest }, scores only { $score }
detect-not-an-sop = { $file }: not an SOP: { $reason }
detect-no-families = no templates are known
detect-no-sop-markers = none of the headings, tables or fixed sentences of a school support profile were found

## Comparing
same-school-brin = same BRIN { $brin }
same-school-brin-differ = BRIN { $a } and { $b } differ
same-school-by-name = same name
same-school-by-domain = same e-mail domain
same-school-by-brin = same BRIN
same-school-unproven = no name, BRIN or e-mail address is known in both documents
same-school-names-differ = the names "{ $a }" and "{ $b }" differ
same-school-domains-differ = the e-mail domains { $a } and { $b } differ
diff-not-same-school = not the same school: { $reason }
diff-different-school = `{ $old }` and `{ $new }` are not of the same school: { $reason }. Check that you gave the right files, or compare them anyway with --force.
diff-forced = note: you are comparing different schools (--force): { $reason }
diff-unproven = note: cannot tell whether `{ $old }` and `{ $new }` are of the same school ({ $reason }); comparing them anyway.
diff-cannot-write = cannot write the comparison to `{ $path }`: { $reason }. Check that the folder exists and that you may write in it.
diff-needs-two = `sop diff` compares two readable SOPs: each a PDF, a .txt of extracted text, or a sop.json.
