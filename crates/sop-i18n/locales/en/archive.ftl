# archive (en)

## sop verify: what was expected and what was found
verify-exp-chain = an unbroken chain of ledger lines
verify-exp-head = a ledger head (ledger.head.json)
verify-exp-lines = { $n } ledger lines
verify-found-head-behind-interrupted = { $n ->
        [one] 1 line fewer: a run stopped before updating the head after its last bundles; the next run updates it
       *[other] { $n } lines fewer: a run stopped before updating the head after its last bundles; the next run updates it
    }
verify-found-head-behind = { $missing ->
        [yes] { $n } lines (the head file is missing)
       *[no] { $n } lines
    }
verify-exp-head-lines = the lines the ledger head records
verify-exp-complete-line = a complete line
verify-found-torn-interrupted = { $bytes } bytes without a line end: a run stopped while recording; the next run records the bundle again
verify-found-torn = { $bytes } bytes without a line end
verify-exp-valid-line = a valid school id, school year and bundle path
verify-exp-no-temp = no temporary files
verify-found-temp = a temporary file of an interrupted run; the next run removes it
verify-exp-only-bundles = only bundles named v<version>-<sha256 prefix>.zip in <school>/<school-year>/
verify-found-stray = an unexpected file or folder
verify-exp-version = version { $version } of { $school } { $year }
verify-found-version = version { $version }
verify-exp-bundle-of-line = the bundle of ledger line { $line } (sha256 { $sha256 })
verify-found-bundle-removed = no such file: the bundle was removed
verify-exp-readable-bundle = a readable bundle
verify-exp-sha256-of-line = sha256 { $sha256 } (ledger line { $line })
verify-found-sha256 = sha256 { $sha256 }
verify-exp-valid-manifest = a bundle with a valid contents list
verify-exp-manifest-value = { $what } { $value } (ledger line { $line })
verify-found-manifest-value = { $what } { $value }
verify-exp-held-info = the info file of waiting document { $sha256 } (ledger line { $line })
verify-found-removed = no such file: it was removed
verify-exp-info-of-line = the info file of ledger line { $line }
verify-exp-held-values = sha256, year and time of ledger line { $line }
verify-found-other-values = other values
verify-exp-held-name = a waiting file named { $sha256 }.<ext>
verify-exp-held-sha256 = sha256 { $sha256 } ({ $bytes } bytes), as ledger line { $line } records
verify-found-sha256-bytes = sha256 { $sha256 } ({ $bytes } bytes)
verify-exp-held-doc = the waiting document of ledger line { $line }
verify-exp-info-beside = an info file beside the waiting document
verify-found-no-info-interrupted = none: a run stopped while keeping it; the next run removes it and keeps the document again
verify-exp-line-for-held = a ledger line for this waiting document
verify-found-no-line-interrupted = none yet: a run stopped between keeping it and recording it; the next run records it
verify-found-none-and = none, and { $why }
verify-exp-line-for-bundle = a ledger line for this bundle
verify-exp-announced = the file that `{ $head }` announces for the next ledger line
verify-found-announced-removed = no such file and no ledger line: it was removed
verify-damaged-ledger = the ledger or its head is damaged
verify-found-no-line-bundle-interrupted = none yet: a run stopped between saving the bundle and recording it; the next run records it
verify-exp-present = present, sha256 { $sha256 }
verify-found-missing = missing
verify-exp-sha256-bytes = sha256 { $sha256 } ({ $bytes } bytes)
verify-exp-not-in-bundle = not in the bundle
verify-found-unlisted-entry = a file the contents list does not name
verify-exp-source-sha256 = source sha256 { $sha256 }
verify-field-school = school
verify-field-school-year = school year
verify-field-version = version
verify-field-source-sha256 = source sha256
verify-field-time = time
verify-field-reason-code = reason code
verify-field-assigned-from = assigned from
verify-field-supersedes = supersedes
verify-nothing = nothing

## Bundles
bundle-not-zip = not a readable zip file ({ $detail })
bundle-too-many-entries = { $n } files, more than the { $limit } allowed
bundle-entry-unreadable = file { $entry } cannot be read ({ $detail })
bundle-unexpected-entry = unexpected file { $entry }
bundle-entry-too-large = file { $entry } unpacks to more than { $limit } bytes
bundle-no-manifest = no readable contents list (manifest.json; { $detail })
bundle-manifest-too-large = the contents list (manifest.json) is too large
bundle-manifest-invalid = the contents list (manifest.json) is not valid ({ $detail })

## sop verify, list, show
archive-cannot-read = cannot read the archive `{ $path }` (give the folder with --archive DIR)
archive-bad-school-id = --school "{ $id }": use an id as `sop list` shows it
verify-cannot = cannot check the archive `{ $path }` (give the folder with --archive DIR)
verify-checked = Archive `{ $path }`: checked { $bundles } bundles, { $files } files in them and { $lines } ledger lines.
verify-problem = PROBLEM
verify-notice = NOTE
verify-expected = expected
verify-found = found
verify-ok = In order: every bundle and every file matches its contents list and the ledger.
verify-ok-notices = { $n ->
        [one] 1 note: traces of an interrupted run; the next `sop run` finishes the work.
       *[other] { $n } notes: traces of an interrupted run; the next `sop run` finishes the work.
    }
verify-not-ok = { $n ->
        [one] NOT IN ORDER: 1 problem. Something was removed or changed; restore the files named from a backup.
       *[other] NOT IN ORDER: { $n } problems. Something was removed or changed; restore the files named from a backup.
    }

## Archive errors
archive-io = cannot { $action ->
        [append-to] append to
        [create-folder] create the folder
        [rename-into] rename into
        [open-the-lock-file] open the lock file
        [fsync-folder] save the folder safely
        [fsync] save safely
        *[other] { $action }
    } `{ $path }`
archive-locked = the archive `{ $path }` is in use by another run; try again when it has finished
archive-none = there is no archive at `{ $path }`
archive-bad-id = invalid school id "{ $id }": { $reason }
archive-bad-year = invalid school year "{ $year }": write YYYY-YYYY with consecutive years, e.g. 2023-2024
archive-bad-report-name = invalid report name "{ $name }": use a plain file name without folders
archive-source-mismatch = the record says the source has sha256 { $record }, but the bytes given hash to { $actual }
archive-bad-bundle = `{ $path }` is not a valid bundle: { $reason }
archive-line-error = `{ $path }` line { $line }: { $reason }
archive-damaged = the archive `{ $root }` is damaged ({ $summary }); run `sop verify --archive { $root }` for the details and restore from a backup before adding to it
archive-read-only = the archive was opened read-only
archive-nothing-to-export = no bundles of school `{ $school }`{ $year } in the archive
archive-json = cannot write { $what } as JSON
archive-zip = cannot write the zip file `{ $path }`

## sop list
list-empty = The archive `{ $path }` is empty.
list-school = School
list-name = Name
list-year = School year
list-versions = Versions
list-newest = Newest version
list-version-of = v{ $version } of { $date }
list-total = { $unread ->
        [0] { $schools } schools, { $bundles } bundles.
       *[other] { $schools } schools, { $bundles } bundles, of which { $unread } school year(s) with a newest version that cannot be read.
    }
list-waiting = Waiting area (received, school unknown): { $n } document(s), { $waiting } still to assign.
list-assigned-to = assigned to { $school } { $year } (v{ $version })
list-assign-with = assign with: { $command }
list-received = `{ $name }` received { $date }
export-in-year = { " " }in school year { $year }

## sop show
show-nothing = the archive has nothing of school `{ $school }`; `sop list --archive { $archive }` shows what there is
show-nothing-in-year = the archive has nothing of school `{ $school }` in school year { $year }; `sop list --archive { $archive }` shows what there is
show-school = School { $school }
show-year = School year { $year }
show-version = version { $version } of { $created }
show-source = source: { $name } ({ $media_type }, { $bytes } bytes, sha256 { $sha256 })
show-file = { $name } ({ $bytes } bytes)
show-contents = contents: { $files }
show-bundle = bundle sha256 { $sha256 }, made by sop { $tool }
show-supersedes = replaces the bundle with sha256 { $sha256 }
show-unread = received, not readable: { $reason } ({ $code }, at { $stage }: { $message })
show-read-again = read again: { $command }
show-read = read: sop.json holds the standardised profile
show-assigned-from = assigned from the waiting area ({ $sha256 })
show-damaged = NOTE: { $n } file(s) do not match the bundle's list of contents; check the archive with `sop verify`
archive-check-details = check the archive with `sop verify --archive { $archive }` for the details

## sop export
export-done = Exported: { $bundles } bundle(s) of `{ $school }`, school year { $years } -> `{ $path }` (BagIt package `{ $bag }`, { $files } files, { $bytes } bytes).
export-held-done = Exported: { $bundles } document(s) from the waiting area, school year { $years } -> `{ $path }` (BagIt package `{ $bag }`, { $files } files, { $bytes } bytes).
export-failed = school `{ $school }` could not be exported to `{ $path }`
export-held-failed = the waiting area could not be exported to `{ $path }`

## sop assign and sop reprocess
archive-missing = there is no archive at `{ $path }` (give the folder with --archive DIR)
archive-cannot-open = the archive `{ $path }` could not be opened
archive-cannot-finish = the archive could not be brought up to date (the list of bundles and the ledger's head file); check the archive with `sop verify`
registry-cannot-use = the school registry `{ $path }` cannot be used
assign-not-in-registry = school `{ $school }` is not in the school registry `{ $registry }`; check the id, or add the school to the registry first
assign-filed-elsewhere = the waiting document `{ $name }` ({ $sha256 }) is assigned to school `{ $school }` already (`{ $path }`); nothing was changed
assign-already = Assigned already: `{ $name }` is in the archive under { $school } { $year } as version { $version } ({ $path }).
assign-cannot-read-held = the waiting document cannot be read; check the archive with `sop verify` and restore the file from a backup
assign-cannot-file = `{ $name }` could not be filed under `{ $school }`: { $reason }
assign-read = read ({ $template })
assign-unread = received, not readable: { $reason } ({ $detail })
assign-unchanged = `{ $name }` is in the archive under { $school } { $year } as version { $version } already ({ $path }); nothing was added.
assign-done = Assigned: `{ $name }` -> { $school } { $year }, version { $version } ({ $path }): { $what }.
assign-diff = Changes since the previous school year: { $path }
assign-file-unreadable = `{ $path }` cannot be read
assign-the-file = the file `{ $path }`
assign-the-prefix = sha256 `{ $prefix }…`
assign-not-a-document = `{ $document }` is neither a file nor the start of a sha256 (at least 6 of the characters 0-9, a-f); `sop list --archive { $archive }` shows the waiting documents
assign-no-match = no document in the waiting area of `{ $archive }` matches { $what }; `sop list --archive { $archive }` shows the waiting documents
assign-many-match = { $what } matches { $n } waiting documents ({ $list }); give more characters of the sha256
reprocess-bad-school = --school "{ $school }": use an id as `sop list` shows it
reprocess-nothing = the archive `{ $archive }` has nothing of school `{ $school }` in school year { $year }; `sop show --school { $school } --archive { $archive }` shows what it has
reprocess-already-read = Version { $version } of { $school } { $year } is read already ({ $path }); there is nothing to read again.
reprocess-damaged = `{ $path }`: entry { $entry } does not match the bundle's list of contents; check the archive with `sop verify --archive { $archive }`
reprocess-no-original = the bundle holds no original; check the archive with `sop verify`
reprocess-still-unread = Still not readable: `{ $name }` of { $school } { $year } ({ $path }): { $reason } ({ $detail }). Nothing was added.
reprocess-cannot-file = the new version of `{ $path }` could not be filed: { $reason }
reprocess-done = Read again: `{ $name }` of { $school } { $year } is now version { $version } ({ $path }), { $template }; version { $old } is kept.
reprocess-changes = { $n } change(s) since the previous school year: { $path }
reprocess-no-previous = No previous school year to compare with.

## sop overview (what the terminal shows; the overview itself is Dutch)
overview-cannot-read-areas = cannot read the support areas file `{ $path }` (give a TOML file with --areas)
overview-cannot-read-archive = cannot read the archive `{ $path }` (give the folder with --archive DIR)
overview-cannot-write-workbook = the Excel workbook could not be made
overview-cannot-create-folder = the folder `{ $path }` could not be made
overview-cannot-write = `{ $path }` could not be written
overview-file-unreadable = `{ $path }` cannot be read
overview-year = school year { $year }
overview-done = Overview { $year }: { $schools } schools, { $with_record } with a profile, { $missing } without, { $unreadable } not readable -> { $path }
overview-no-profiles = Note: the archive has no profiles for { $year }; `sop list --archive { $archive }` shows what there is.
ledger-not-an-entry = not a ledger entry ({ $detail })
ledger-chain-broken = this line points to { $prev }, but the line before it has sha256 { $actual }: a line was removed, inserted or edited
ledger-wrong-seq = its sequence number is { $seq }, but this is line { $line }
ledger-head-disagrees = { $removed ->
        [yes] the head names { $head_lines } lines ending in a line with sha256 { $sha256 }; the ledger has { $lines } lines (lines were removed)
       *[no] the head names { $head_lines } lines ending in a line with sha256 { $sha256 }; the ledger has { $lines } lines and that line differs
    }
verify-exp-source-file = the original file
recover-unreadable = it cannot be read ({ $detail })
recover-entry-mismatch = its entry { $entry } does not match its manifest
recover-wrong-place-expected = its name or folder does not match its content (expected `{ $expected }`)
recover-not-next-version = it is not the next version (expected version { $version })
recover-not-held-info = it is not a held document's info file ({ $detail })
recover-wrong-place = its name or folder does not match its content
recover-unexpected-file = it names an unexpected file "{ $file }"
recover-original-unreadable = its original cannot be read ({ $detail })
recover-original-mismatch = its original does not match its sha256
recover-held-already = the same document is held already
recover-damage-summary = `{ $file }`: expected { $expected }, found { $found }
verify-exp-catalogue-names = the school names in the newest bundles
verify-found-catalogue-other-name = another name for a school; delete index.json and the next run rebuilds it from the bundles
verify-exp-catalogue = the catalogue as the ledger gives it
verify-found-catalogue-stale = out of date or missing; the next run rebuilds it
recover-bundle-missing = bundle `{ $bundle }` of ledger line { $line } is missing
