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
