# diff reports (nl): `sop diff` and the comparison with last year

## Het verslag
diff-title = Wijzigingen in het schoolondersteuningsprofiel van { $school }
diff-html-title = Wijzigingen SOP { $school } — { $years }
diff-unknown-school = onbekende school (naam niet in de documenten)
diff-unknown-year = onbekend schooljaar
diff-years = Schooljaar { $from } → { $to }
diff-unknown = onbekend
diff-side-year = Schooljaar
diff-side-template = Sjabloon
diff-side-file = Bestand
diff-previous = Vorige versie
diff-new = Nieuwe versie
diff-not-proven = Niet vastgesteld dat beide documenten van dezelfde school zijn: { $reason }.
diff-different = Let op: dit lijken documenten van verschillende scholen ({ $reason }).
diff-attention = Let op:
diff-template-lacks = het sjabloon { $template } heeft geen plaats voor { $fields }
diff-not-compared = Sjabloon gewisseld: deze onderdelen zijn niet vergeleken, omdat { $parts }.
diff-not-compared-and = ; en
diff-summary = Samenvatting
diff-no-changes = Geen wijzigingen gevonden.
diff-total-one = { $total } wijziging: { $added } toegevoegd, { $removed } verwijderd, { $changed } gewijzigd.
diff-total = { $total } wijzigingen: { $added } toegevoegd, { $removed } verwijderd, { $changed } gewijzigd.
diff-similar = { $pct }% gelijk
diff-col-part = Onderdeel
diff-added = Toegevoegd
diff-removed = Verwijderd
diff-changed = Gewijzigd
diff-legend-md = In de teksten hieronder is ~~doorgehaald~~ verwijderd en **vet** toegevoegd.
diff-legend-html-before = In de teksten is
diff-legend-html-struck = doorgehaald
diff-legend-html-middle = verwijderd en
diff-legend-html-underlined = onderstreept
diff-legend-html-after = toegevoegd.

## Vaste tekst van het model
diff-boilerplate-edited = de vaste tekst is door de school aangepast
diff-boilerplate-standard-again = weer de ongewijzigde vaste tekst van het model
diff-boilerplate-added = aangepaste vaste tekst
diff-boilerplate-removed = aangepaste vaste tekst niet meer aanwezig

## Onderdelen van het profiel (kopjes in het verslag)
diff-field-template = Sjabloon
diff-field-school-year = Schooljaar
diff-field-school = Schoolgegevens
diff-field-governance = Opstellen en vaststellen
diff-field-vision = Visie op passend onderwijs
diff-field-vision-context = Onderwijsconcept
diff-field-support-structure = Ondersteuningsstructuur
diff-field-hgw = Handelingsgericht werken
diff-field-hgw-summary = Leerkrachtvaardigheden (samenvatting)
diff-field-expertise = Expertise binnen het team
diff-field-partners = Externe deskundigen en partners
diff-field-offers = Extra aanbod en voorzieningen
diff-field-facilities = Voorzieningen in het gebouw
diff-field-protocols = Protocollen
diff-field-extra-support = Extra ondersteuning
diff-field-limits = Grenzen aan de ondersteuning
diff-field-ambitions = Ambities en ontwikkeldoelen
diff-field-finance = Financiën
diff-field-evaluation = Ontwikkeling en evaluatie
diff-field-boilerplate = Vaste tekst van het model
diff-field-unmapped = Overige tekst van de school
