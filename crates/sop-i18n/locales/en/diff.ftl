# diff reports (en): `sop diff` and the comparison with last year

## The report
diff-title = Changes in the school support profile of { $school }
diff-html-title = Changes SOP { $school } — { $years }
diff-unknown-school = unknown school (no name in the documents)
diff-unknown-year = unknown school year
diff-years = School year { $from } → { $to }
diff-unknown = unknown
diff-side-year = School year
diff-side-template = Template
diff-side-file = File
diff-previous = Previous version
diff-new = New version
diff-not-proven = It is not established that both documents are from the same school: { $reason }.
diff-different = These seem to be documents of different schools ({ $reason }).
diff-attention = Note:
diff-template-lacks = the template { $template } has no place for { $fields }
diff-not-compared = Template changed: these parts were not compared, because { $parts }.
diff-not-compared-and = ; and
diff-summary = Summary
diff-no-changes = No changes found.
diff-total-one = { $total } change: { $added } added, { $removed } removed, { $changed } changed.
diff-total = { $total } changes: { $added } added, { $removed } removed, { $changed } changed.
diff-similar = { $pct }% alike
diff-col-part = Part
diff-added = Added
diff-removed = Removed
diff-changed = Changed
diff-legend-md = In the texts below, ~~struck through~~ is removed and **bold** is added.
diff-legend-html-before = In the texts,
diff-legend-html-struck = struck through
diff-legend-html-middle = is removed and
diff-legend-html-underlined = underlined
diff-legend-html-after = is added.

## The template's standard text
diff-boilerplate-edited = the school changed the template's standard text
diff-boilerplate-standard-again = the template's standard text, unchanged, again
diff-boilerplate-added = changed standard text
diff-boilerplate-removed = changed standard text no longer present

## Parts of the profile (headings in the report)
diff-field-template = Template
diff-field-school-year = School year
diff-field-school = School details
diff-field-governance = Drafting and adoption
diff-field-vision = Vision on inclusive education
diff-field-vision-context = Educational concept
diff-field-support-structure = Support structure
diff-field-hgw = Needs-based working (HGW)
diff-field-hgw-summary = Teacher skills (summary)
diff-field-expertise = Expertise within the team
diff-field-partners = External experts and partners
diff-field-offers = Extra provision and facilities
diff-field-facilities = Facilities in the building
diff-field-protocols = Protocols
diff-field-extra-support = Extra support
diff-field-limits = Limits to the support
diff-field-ambitions = Ambitions and development goals
diff-field-finance = Finance
diff-field-evaluation = Development and evaluation
diff-field-boilerplate = The template's standard text
diff-field-unmapped = Other text of the school
