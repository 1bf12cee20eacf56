//! What the Model SchoolOndersteuningsProfiel 2021-2025 prints itself: its
//! headings, table headers, fixed texts and standard rows. Everything the
//! parser knows about the template is here; nothing about any one school.

use crate::common::labels::StandardRow;

/// Section headings, in document order.
pub(crate) const H_GENERAL: &str = "Algemene gegevens";
pub(crate) const H_VISION: &str = "1. Visie passend onderwijs";
pub(crate) const H_BASIC: &str = "2. Basisondersteuning binnen Haaglanden";
pub(crate) const H_A: &str = "A. Basiskwaliteit";
pub(crate) const H_B: &str = "B. De ondersteuningsstructuur op school";
pub(crate) const H_C: &str = "C. Handelingsgericht werken";
pub(crate) const H_D: &str = "D. Preventieve en curatieve interventies";
pub(crate) const H_EXPERTISE: &str = "Extra expertise binnen het team";
pub(crate) const H_PARTNERS: &str = "Expertise van externe deskundigen";
pub(crate) const H_OFFERS: &str = "Extra aanbod georganiseerd door de school";
pub(crate) const H_FACILITIES: &str = "Bijzondere voorzieningen en/of toegankelijkheid in het gebouw";
pub(crate) const H_EXTRA: &str = "3. Extra ondersteuning";
pub(crate) const H_DUTY: &str = "4. Zorgplicht";
pub(crate) const H_FINANCE: &str = "5. Financiën basisondersteuning";
pub(crate) const H_EVALUATION: &str = "6. Ontwikkeling/ evaluatie";
/// A heading schools add inside §3.
pub(crate) const H_LIMITS: &str = "Grenzen van de zorg";

/// The italic instruction under §1; the school's vision follows it.
pub(crate) const VISION_INSTRUCTION: &str = "Beschrijf kort de visie op passend onderwijs van de school. Voor uitgebreidere informatie kan verwezen worden naar het schoolplan, de schoolgids of de website.";

/// Table headers (value columns).
/// The label column's header of the HGW table.
pub(crate) const HGW_LABEL_COLUMN: &str = "Uitgangspunt HGW";
/// The HGW table's mark columns: the Model's status words as its descriptor
/// has them, in the table's column order.
pub(crate) const HGW_COLUMNS: &[&str] = &[HGW_WORDS[0].0, HGW_WORDS[1].0, HGW_WORDS[2].0];
/// The Model's HGW status words and their statuses (column 1, 2, 3).
pub(crate) const HGW_WORDS: &[(&str, sop_model::HgwStatus)] = sop_model::family::SPPOH_MODEL.hgw_words;
pub(crate) const EXPERTISE_COLUMNS: &[&str] = &["Ja / nee", "Uren beschikbaar"];
pub(crate) const PARTNER_COLUMNS: &[&str] = &["Structureel", "Regelmatig", "Incidenteel", "Niet van toepassing"];
pub(crate) const OFFER_COLUMNS: &[&str] = &["Periode wanneer in te zetten"];
pub(crate) const FACILITY_COLUMNS: &[&str] = &["Aanwezig in de school", "Niet van toepassing"];

const BASIC_TEXT: &str = "Basisondersteuning Basisondersteuning is ondersteuning die op elke school in Haaglanden geboden wordt. Scholen ontvangen jaarlijks een bijdrage vanuit het samenwerkingsverband ten behoeve van het vormgeven van basisondersteuning. Deze bijdrage wordt ingezet voor het versterken van passend onderwijs in de school. Denk aan het goed organiseren van een multidisciplinair overleg (MDO) of de inzet van preventieve en licht curatieve interventies. De basisondersteuning van onze scholen bestaat uit: A. Basiskwaliteit. B. De ondersteuningsstructuur op school. C. Werken volgens de uitgangspunten van Handelingsgericht Werken. D. Preventieve en licht curatieve interventies";
const A_TEXT: &str = "De basisondersteuning van een school is ten minste op orde als deze voldoet aan de basiskwaliteit zoals gesteld door de Inspectie van Onderwijs.";
const B_TEXT: &str = "De ondersteuningsstructuur van de school is het systeem waarmee de school het onderwijs evalueert en de ontwikkeling van individuele leerlingen volgt, ook wel de zorgstructuur genoemd. Onderdeel hiervan is een team dat de uitvoering van de basisondersteuning en extra ondersteuning coördineert en stimuleert. Dit team geeft deze ondersteuning vorm samen met onder meer de leerling, de leerkracht(en), ouders, de adviseur passend onderwijs van het samenwerkingsverband, de schoolmaatschappelijk werker en andere deskundigen. In het schoolplan wordt beschreven wie en met welke expertise onderdeel is van die ondersteuningsstructuur en hoe dit zichtbaar wordt gemaakt voor de leerkrachten, ouders en leerlingen. Zo ziet de zorgstructuur van onze school eruit:";
const C_TEXT: &str = "In Haaglanden hebben we afgesproken dat we de onderwijsontwikkeling van kinderen volgen door de uitgangspunten van Handelingsgericht Werken te gebruiken. Hieronder verstaan we dat de school vanuit overzicht (wat is bekend) en inzicht (verklarende factoren) tot een passend uitzicht (passend aanbod) voor een leerling komt. Hierbij wordt de ontwikkeling van de leerling regelmatig geëvalueerd en worden zo nodig de doelen of het plan van aanpak voor de leerling bijgesteld. Scholen werken doelgericht en denken in mogelijkheden.";
const D_TEXT: &str = "Elke school kan binnen de basisondersteuning een aantal preventieve- en licht curatieve interventies inzetten om te voldoen aan de onderwijs- en ondersteuningsbehoeften van een leerling. De school voert deze interventies uit binnen de eigen ondersteuningsstructuur en onder eigen regie en verantwoordelijkheid.";
const EXTRA_TEXT: &str = "Leerlingen die meer ondersteuning nodig hebben dan binnen de basisondersteuning van onze school mogelijk is, kunnen in aanmerking komen voor extra ondersteuning. Dit kan in de vorm van een arrangement vanuit het samenwerkingsverband, de inzet van jeugdhulp of een verwijzing naar het speciaal basisonderwijs of het speciaal onderwijs*. De extra ondersteuning wordt besproken in het multidisciplinair overleg (MDO) in overleg met de ouders en indien mogelijk ook met de leerling. Bij het vormgeven van extra ondersteuning is de adviseur passend onderwijs van het samenwerkingsverband betrokken. Zie voor meer informatie de website van het samenwerkingsverband SPPOH, www.sppoh.nl. De intern begeleider is aanspreekpunt voor de ouders, leerkracht en leerling bij het vormgeven van extra ondersteuning. *SO en SBO beschrijft dit op eigen wijze.";
const DUTY_TEXT: &str = "Sinds de invoering van passend onderwijs hebben schoolbesturen zorgplicht. Dit betekent dat zij verantwoordelijk zijn om te onderzoeken of de school aan een leerling met extra onderwijs- en ondersteuningsbehoeften passend onderwijs kan bieden, eventueel met de inzet van extra ondersteuning vanuit het samenwerkingsverband. Soms is van tevoren niet duidelijk of en zo ja welke onderwijs- en ondersteuningsbehoeften de leerling heeft. Dan heeft de school zes weken na schriftelijke aanmelding door de ouder(s)/verzorger(s) de tijd om te onderzoeken welke onderwijs- en ondersteuningsbehoeften de leerling heeft en of de school passend onderwijs kan bieden. De periode van zes weken kan eenmalig met vier weken worden verlengd. Dit moet wel aan de ouders worden gemeld. Kan een school deze benodigde ondersteuning niet bieden, dan zoekt zij samen met ouders naar een passende plek op een andere school. Het samenwerkingsverband kan hierin ondersteunen, maar de schoolbesturen zijn en blijven verantwoordelijk. De zorgplicht houdt ook in dat een school een leerling pas mag verwijderen als een andere school bereid is gevonden die leerling toe te laten. Zo wordt voorkomen dat een leerling tussen wal en schip valt. Een school kan een leerling weigeren als de school vol is. Hierbij geldt wel dat de school een consequent en transparant toelatingsbeleid heeft. Ook indien ouders de grondslag van de (bijzondere) school niet erkennen, is dit grond voor weigering. Het toelatingsbeleid van scholen is niet alleen voor ouders inzichtelijk, ook voor collega-scholen in het werkgebied is duidelijk hoe scholen omgaan met het toelaten van leerlingen. In werkgebieden waar sprake is van plaatsingsproblematiek, omdat veel scholen vol zijn, voeren scholen actief overleg om dit gezamenlijk op te lossen. Thuisnabij onderwijs is het uitgangspunt. Mocht blijken dat scholen/schoolbesturen onvoldoende rekening houden met de zorgplicht, dan spreken schooldirecteuren elkaar hier actief op aan. In laatste instantie kan de directeur van het samenwerkingsverband met schoolbesturen in gesprek gaan en eventueel besluiten het bestuur van het samenwerkingsverband maatregelen voor te stellen. Bij tussentijdse schoolwisseling van leerlingen hebben scholen altijd contact met elkaar voor zij een leerling van een andere school aannemen. Dit geldt overigens niet alleen voor situaties waarop de zorgplicht mogelijk van toepassing is, maar ook om overplaatsingen (bijvoorbeeld BAO > BAO, of S(B)O - BAO, situaties van onvrede bij ouders, etc.)";
const FINANCE_TEXT: &str = "Elke school ontvangt een geldbedrag ter versterking van de basisondersteuning inclusief interventies. Dit bedrag wordt per schooljaar vastgesteld en toegekend. Het bestaat uit een vaste voet per zelfstandige schoollocatie en een bedrag per leerling.";
/// §6 is one fixed sentence that the school completes with its evaluation
/// moment; the moment follows these words.
pub(crate) const EVALUATION_TEXT: &str = "De school stelt doelen passend onderwijs op in het jaarplan. Het schoolondersteuningsprofiel wordt geëvalueerd via de PDCA cyclus van de school";

/// A fixed section: its name in `boilerplate`, heading, and the variants of
/// its fixed text (revisions differ by instruction sentences).
pub(crate) struct FixedSection {
    pub section: &'static str,
    pub variants: &'static [&'static str],
}

pub(crate) const FIXED_BASIC: FixedSection = FixedSection {
    section: "2. Basisondersteuning binnen Haaglanden",
    variants: &[BASIC_TEXT, BASIC_WITH_INSTRUCTION],
};
const BASIC_WITH_INSTRUCTION: &str = "Onderstaande tekst is een vaste tekst voor alle scholen in Haaglanden. Basisondersteuning Basisondersteuning is ondersteuning die op elke school in Haaglanden geboden wordt. Scholen ontvangen jaarlijks een bijdrage vanuit het samenwerkingsverband ten behoeve van het vormgeven van basisondersteuning. Deze bijdrage wordt ingezet voor het versterken van passend onderwijs in de school. Denk aan het goed organiseren van een multidisciplinair overleg (MDO) of de inzet van preventieve en licht curatieve interventies. De basisondersteuning van onze scholen bestaat uit: A. Basiskwaliteit. B. De ondersteuningsstructuur op school. C. Werken volgens de uitgangspunten van Handelingsgericht Werken. D. Preventieve en licht curatieve interventies";
pub(crate) const FIXED_A: FixedSection = FixedSection { section: "A. Basiskwaliteit", variants: &[A_TEXT] };
pub(crate) const FIXED_B: FixedSection =
    FixedSection { section: "B. De ondersteuningsstructuur op school", variants: &[B_TEXT, B_WITH_INSTRUCTION] };
const B_WITH_INSTRUCTION: &str = "De ondersteuningsstructuur van de school is het systeem waarmee de school het onderwijs evalueert en de ontwikkeling van individuele leerlingen volgt, ook wel de zorgstructuur genoemd. Onderdeel hiervan is een team dat de uitvoering van de basisondersteuning en extra ondersteuning coördineert en stimuleert. Dit team geeft deze ondersteuning vorm samen met onder meer de leerling, de leerkracht(en), ouders, de adviseur passend onderwijs van het samenwerkingsverband, de schoolmaatschappelijk werker en andere deskundigen. In het schoolplan wordt beschreven wie en met welke expertise onderdeel is van die ondersteuningsstructuur en hoe dit zichtbaar wordt gemaakt voor de leerkrachten, ouders en leerlingen. Zo ziet de zorgstructuur van onze school eruit: *De school kan hier ook verwijzen naar het schoolplan.";
pub(crate) const FIXED_C: FixedSection = FixedSection { section: "C. Handelingsgericht werken", variants: &[C_TEXT] };
pub(crate) const FIXED_D: FixedSection =
    FixedSection { section: "D. Preventieve en curatieve interventies", variants: &[D_TEXT] };
pub(crate) const FIXED_EXTRA: FixedSection =
    FixedSection { section: "3. Extra ondersteuning", variants: &[EXTRA_TEXT] };
pub(crate) const FIXED_DUTY: FixedSection =
    FixedSection { section: "4. Zorgplicht", variants: &[DUTY_TEXT, DUTY_WITH_INSTRUCTION] };
const DUTY_WITH_INSTRUCTION: &str = "Hieronder volgt een vaste tekst die onderdeel uitmaakt van het schoolondersteuningsprofiel. Op deze manier staat in alle SOP’s in Haaglanden omschreven wat de afspraken zijn rondom de zorgplicht. Deze afspraken zijn gebaseerd op de wet en indien nodig specifiek gemaakt voor Haaglanden. Sinds de invoering van passend onderwijs hebben schoolbesturen zorgplicht. Dit betekent dat zij verantwoordelijk zijn om te onderzoeken of de school aan een leerling met extra onderwijs- en ondersteuningsbehoeften passend onderwijs kan bieden, eventueel met de inzet van extra ondersteuning vanuit het samenwerkingsverband. Soms is van tevoren niet duidelijk of en zo ja welke onderwijs- en ondersteuningsbehoeften de leerling heeft. Dan heeft de school zes weken na schriftelijke aanmelding door de ouder(s)/verzorger(s) de tijd om te onderzoeken welke onderwijs- en ondersteuningsbehoeften de leerling heeft en of de school passend onderwijs kan bieden. De periode van zes weken kan eenmalig met vier weken worden verlengd. Dit moet wel aan de ouders worden gemeld. Kan een school deze benodigde ondersteuning niet bieden, dan zoekt zij samen met ouders naar een passende plek op een andere school. Het samenwerkingsverband kan hierin ondersteunen, maar de schoolbesturen zijn en blijven verantwoordelijk. De zorgplicht houdt ook in dat een school een leerling pas mag verwijderen als een andere school bereid is gevonden die leerling toe te laten. Zo wordt voorkomen dat een leerling tussen wal en schip valt. Een school kan een leerling weigeren als de school vol is. Hierbij geldt wel dat de school een consequent en transparant toelatingsbeleid heeft. Ook indien ouders de grondslag van de (bijzondere) school niet erkennen, is dit grond voor weigering. Het toelatingsbeleid van scholen is niet alleen voor ouders inzichtelijk, ook voor collega-scholen in het werkgebied is duidelijk hoe scholen omgaan met het toelaten van leerlingen. In werkgebieden waar sprake is van plaatsingsproblematiek, omdat veel scholen vol zijn, voeren scholen actief overleg om dit gezamenlijk op te lossen. Thuisnabij onderwijs is het uitgangspunt. Mocht blijken dat scholen/schoolbesturen onvoldoende rekening houden met de zorgplicht, dan spreken schooldirecteuren elkaar hier actief op aan. In laatste instantie kan de directeur van het samenwerkingsverband met schoolbesturen in gesprek gaan en eventueel besluiten het bestuur van het samenwerkingsverband maatregelen voor te stellen. Bij tussentijdse schoolwisseling van leerlingen hebben scholen altijd contact met elkaar voor zij een leerling van een andere school aannemen. Dit geldt overigens niet alleen voor situaties waarop de zorgplicht mogelijk van toepassing is, maar ook om overplaatsingen (bijvoorbeeld BAO > BAO, of S(B)O - BAO, situaties van onvrede bij ouders, etc.)";
pub(crate) const FIXED_FINANCE: FixedSection =
    FixedSection { section: "5. Financiën basisondersteuning", variants: &[FINANCE_TEXT] };
pub(crate) const FIXED_EVALUATION: FixedSection =
    FixedSection { section: "6. Ontwikkeling/ evaluatie", variants: &[EVALUATION_TEXT] };

/// HGW rows: the general row and the seven principles.
pub(crate) const HGW_ROWS: &[StandardRow] = &[
    StandardRow {
        key: "actuele_werkwijze",
        label: "Handelingsgericht werken is een actuele werkwijze binnen onze school.",
    },
    StandardRow { key: "doelgericht_werken", label: "1. Doelgericht werken." },
    StandardRow { key: "systematisch_werken", label: "2. De werkwijze is systematisch, in stappen en transparant." },
    StandardRow { key: "onderwijsbehoeften_centraal", label: "3. Onderwijsbehoeften staan centraal." },
    StandardRow {
        key: "wisselwerking_kind_opvoeding_onderwijs",
        label: "4. De wisselwerking en afstemming tussen het kind, opvoeding en onderwijs.",
    },
    StandardRow {
        key: "ouders_leerkrachten_partners",
        label: "5. Ouders en leerkrachten worden als ervaringsdeskundigen en partners gezien.",
    },
    StandardRow { key: "positieve_aspecten", label: "6. Positieve aspecten zijn van belang." },
    StandardRow { key: "constructieve_samenwerking", label: "7. Constructieve samenwerking." },
];

pub(crate) const EXPERTISE_ROWS: &[StandardRow] = &[
    StandardRow { key: "remedial_teaching", label: "Remedial teaching" },
    StandardRow { key: "taal_lezen_spraak", label: "Expertise taal, lezen en spraak" },
    StandardRow { key: "rekenen_wiskunde", label: "Expertise rekenen en wiskunde" },
    StandardRow { key: "gedrag", label: "Expertise gedrag" },
    StandardRow { key: "jonge_kind", label: "Expertise jonge kind" },
    StandardRow { key: "hoogbegaafdheid", label: "Expertise (hoog)begaafdheid" },
    StandardRow { key: "motoriek", label: "Expertise motoriek" },
    StandardRow { key: "tweede_taal_nt2", label: "Expertise tweede taal/NT2" },
    StandardRow { key: "cognitieve_ontwikkeling", label: "Expertise cognitieve ontwikkeling" },
    StandardRow { key: "autisme", label: "Expertise autisme" },
    StandardRow { key: "zieke_leerlingen", label: "Expertise zieke leerlingen" },
    StandardRow { key: "faalangst", label: "Expertise faalangst" },
];

pub(crate) const PARTNER_ROWS: &[StandardRow] = &[
    StandardRow { key: "speciaal_basisonderwijs", label: "Speciaal Basisonderwijs" },
    StandardRow { key: "speciaal_onderwijs", label: "Speciaal Onderwijs" },
    StandardRow { key: "adviseur_passend_onderwijs", label: "Adviseur passend onderwijs" },
    StandardRow { key: "schoolmaatschappelijk_werk", label: "Schoolmaatschappelijk werk (+)" },
    StandardRow { key: "leerplichtambtenaar", label: "Leerplichtambtenaar" },
    StandardRow { key: "jeugdgezondheidszorg", label: "Jeugdgezondheidzorg/schoolarts/Schoolverpleegkundige" },
    StandardRow { key: "cjg", label: "CJG" },
    StandardRow { key: "politie_wijkagent", label: "Politie/wijkagent" },
    StandardRow { key: "logopedie", label: "Logopedie" },
    StandardRow { key: "fysiotherapie", label: "Fysiotherapie" },
    StandardRow { key: "jeugdhulppartners", label: "Jeugdhulppartners" },
];

pub(crate) const FACILITY_ROWS: &[StandardRow] = &[
    StandardRow { key: "rolstoelvriendelijk", label: "Rolstoelvriendelijk" },
    StandardRow { key: "invalidetoilet", label: "Invalidetoilet" },
    StandardRow { key: "voorzieningen_doven_slechthorenden", label: "Voorzieningen doven/slechthorenden" },
    StandardRow { key: "voorzieningen_blinden_slechtzienden", label: "Voorzieningen blinden/slechtzienden" },
    StandardRow { key: "gespreksruimte", label: "Gespreksruimte" },
    StandardRow { key: "therapieruimte", label: "Therapieruimte" },
    StandardRow { key: "verzorgingsruimte", label: "Verzorgingsruimte" },
    StandardRow { key: "time_out_ruimte", label: "Time out ruimte" },
    StandardRow { key: "lift", label: "Lift" },
];
