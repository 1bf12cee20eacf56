//! The fixed text the Perspectief op School platform prints in every report.
//!
//! A part whose text equals its reference (compared on letters and digits only, so that
//! re-flow, hyphenation and split words do not count) is `standard`; otherwise the
//! school's version goes to `unmapped`.

/// §1 Inleiding: everything under the chapter heading.
pub(crate) const INLEIDING: &str = "Passend onderwijs Alle kinderen verdienen een passende plek in het onderwijs. Zij hebben recht op onderwijs dat hen uitdaagt en rekening houdt met hun behoeften. Kinderen gaan, als het kan, naar het regulier onderwijs. Soms is er speciaal onderwijs nodig voor leerlingen die dáár het best op hun plek zijn. Zo worden ze zo goed mogelijk voorbereid op een vervolgopleiding en op een plek in de samenleving. Voor leerlingen die dat nodig hebben, werkt de school samen met organisaties die in en rond de thuissituatie jeugdhulp bieden. Inhoud van dit document Deze rapportage beschrijft de visie op ondersteuning van de school, de ondersteuningsmogelijkheden die de school biedt om passend onderwijs te verzorgen en de ontwikkeldoelen die de school zichzelf stelt. Daarmee heeft dit document ook een functie voor het samenwerkingsverband, en voor ouders. Rol samenwerkingsverband en school Om ervoor te zorgen dat alle kinderen een passende plek krijgen, hebben scholen regionale samenwerkingsverbanden gevormd. In deze samenwerkingsverbanden werken het regulier en het speciaal onderwijs samen. De scholen in het samenwerkingsverband maken afspraken over onder andere de begeleiding en ondersteuning die alle scholen in de regio kunnen bieden en over welke leerlingen een plek kunnen krijgen in het speciaal onderwijs. Ook maakt het samenwerkingsverband afspraken met de gemeenten in de regio over de inzet en afstemming met jeugdhulpverlening. Ouders melden hun kind aan bij de school van hun keuze en de school kijkt welke ondersteuning het kind nodig heeft en wat de mogelijkheden van de school zijn. Deze rapportage kan ouders een handvat bieden in de keuze van een school doordat het een beeld geeft van de ondersteuning die de school aan hun kind zou kunnen bieden. Of de school voor hun kind de juiste plek is zal altijd uit een individueel gesprek over de behoeften van het kind blijken. Dit hangt namelijk niet alleen af van de aanwezige ondersteuning, maar ook van de specifieke capaciteiten en de ondersteuningsbehoeften van het kind. Totstandkoming van dit document Dit document is tot stand gekomen op basis van een online vragenlijst. De school heeft geformuleerd welke ondersteuning mogelijk is, vanuit welke visie en met welke doelen.";

/// §3 intro and legend (the legend's icons are not text).
pub(crate) const CH3_INTRO: &str = "Onze school heeft diverse ondersteuningsmogelijkheden beschikbaar voor onze leerlingen. In paragraaf 3.1 tot en met 3.3 zijn overzichten weergegeven van de aanwezige ondersteuning. Legenda  Op de school aanwezig  Centraal beschikbaar voor de school via het bestuur  Centraal beschikbaar voor de school via samenwerkingsverband of derden";

/// §3.1 intro.
pub(crate) const SPECIALISMEN_INTRO: &str = "Binnen ons schoolteam zijn voor verschillende functies (taak)uren toegewezen om ondersteuning aan onze leerlingen te bieden en tegemoet te komen aan hun specifieke onderwijsbehoeften. Deze zijn hieronder weergegeven. De onderstaande lijst toont de specialisten die ingezet kunnen worden voor leerlingen die hier behoefte aan hebben.";

/// §3.2 intro.
pub(crate) const VOORZIENINGEN_INTRO: &str = "De onderstaande lijst toont de voorzieningen die beschikbaar zijn voor leerlingen die hier behoefte aan hebben. Deze voorzieningen zijn veelal gericht op groepen leerlingen met een vergelijkbare ondersteuningsbehoefte.";

/// §3.3 intro.
pub(crate) const ONDERWIJSAANBOD_INTRO: &str = "De onderstaande lijst toont het onderwijsaanbod dat beschikbaar is voor leerlingen die hier behoefte aan hebben. Het onderwijsaanbod betreft hier een methodiek en/of aanpak die is geïntegreerd in het onderwijsprogramma en de leerlijnen van de school, of geïntegreerd kan worden na constatering van een ondersteuningsbehoefte van een leerling.";

/// §3.4 intro.
pub(crate) const FYSIEKE_RUIMTEN_INTRO: &str = "Verder zijn onderstaande fysieke ruimten binnen onze school aanwezig om aan specifieke ondersteuningsbehoefte tegemoet te komen. Het gaat ook om de aanpassingen in onze school die fysieke toegankelijkheid en daarmee deelname aan het onderwijs voor leerlingen met een fysieke beperking mogelijk maken.";

/// §3.5 intro.
pub(crate) const PROTOCOLLEN_INTRO: &str = "De onderstaande lijst toont de protocollen die we binnen onze school gebruiken. Het betreft handelingsrichtlijnen waarmee onze school voorbereid is om snel te kunnen handelen in voorkomende gevallen.";

/// §3.6 intro and the legend of the scores.
pub(crate) const LEERKRACHTVAARDIGHEDEN_INTRO: &str = "De onderstaande lijst toont de leerkrachtvaardigheden op onze school. Het betreft een zelfoordeel van de school op de indicatoren voor handelingsgericht werken (HGW). Handelingsgericht werken is een methodische aanpak voor het bepalen en organiseren van de ondersteuning die een leerling nodig heeft. De mate waarin een school handelingsgericht werken realiseert, bepaalt mede in hoeverre de school passend onderwijs aan een leerling kan bieden. De percentages in de eerste tabel zijn een optelling van de scores op de individuele indicatoren. In de tweede tabel zijn de scores per indicator weergegeven. Legenda vaardigheden # Aantal indicatoren N Nog niet ontwikkeld I In ontwikkeling O Ontwikkeld V Ver ontwikkeld";

/// §4 intro.
pub(crate) const CH4_INTRO: &str = "Om de gewenste ondersteuning te bieden aan onze leerlingen kennen we een ondersteuningsroute binnen onze school en werken we samen met externe organisaties.";

/// §4.1 Ondersteuningsteam: the sentences around the member list.
pub(crate) const TEAM_INTRO: &str = "Onze school werkt met een ondersteuningsteam. Een ondersteuningsteam is een deskundig team dat bij elkaar komt om leerlingen te bespreken die extra ondersteuning nodig hebben. Ons ondersteuningsteam bestaat in ieder geval uit de:";

/// §4.2 Onderwijssector intro.
pub(crate) const SECTOR_INTRO: &str =
    "Onderstaande lijst laat zien met welke onderwijssectoren onze school samenwerkt.";

/// §4.2 Keten- / Kernpartner intro.
pub(crate) const PARTNER_INTRO: &str = "Onderstaande lijst laat zien met welke partners onze school samenwerkt. Deze partnerorganisaties bieden gespecialiseerde ondersteuning of hulp in en rond de thuissituatie, voor opvoeding, gezondheid of veiligheid. Deze samenwerkingsrelaties bepalen mede in hoeverre de school in staat is om ondersteuning af te stemmen met overige hulp.";

/// §5 Bijlage: the definitions of the specialists.
pub(crate) const BIJLAGE: &str = "Overzicht specialisten In dit hoofdstuk vind je een overzicht van alle specialisten met de bijbehorende definitie die gehanteerd wordt in de vragenlijst van Perspectief op School. Specialist Definitie Beeldcoach en/of video-interactie-begeleider Een deskundige die is bedoeld om leraargedrag te verbeteren door middel van persoonlijke begeleiding of het bespreken van video opnamen. Begeleider passend onderwijs De begeleider passend onderwijs richt zich op het leerproces en de ondersteuningsvragen van leerlingen en leraren. Dyscalculiespecialist Een dyscalculiespecialist is een deskundige in het signaleren van dyscalculie bij leerlingen en het opstellen van een accurate aanpak. Dyslexiespecialist Een dyslexiespecialist is een deskundige in het signaleren van dyslexie bij leerlingen en het opstellen van een accurate aanpak. Fysiek specialist (zoals motorisch remedial teacher) Een deskundige die extra onderwijshulp verleent in het kader van de bewegingsopvoeding. Zij richten zich op de ontwikkeling van het bewegingsgedrag van het kind. Gedrag / sociale vaardigheden specialist Een sova-specialist is een deskundige die helpt in de ontwikkeling van vaardigheden die betrekking hebben op de omgang met anderen. Bij sociale vaardigheden horen onder andere: inzicht hebben in de ander, goed kunnen luisteren, aandacht hebben voor andermans gevoelens en conflicten oplossen. Jonge kind specialist Een deskundige die zich heeft gespecialiseerd in de ontwikkeling en behoeften van het jonge kind. Logopedist Een logopedist in het onderwijs is een paramedicus die preventie, zorg, training en advies biedt met betrekking tot de primaire mondfuncties (zuigen, slikken en kauwen), het gehoor, de stem, de taal en de spraak. Meer- en hoogbegaafdheid specialist Een deskundige in het begeleiden van leerlingen met een aanleg om tot uitzonderlijke prestaties te komen. Minder- en laagbegaafdheid specialist Een deskundige die zich bezig houdt met leerlingen die minder dan gemiddeld begaafd zijn. NT2-specialist Een specialist op het gebied van Nederlandse taalverwerving voor leerlingen met een anderstalige achtergrond. Ondersteuningsadviseur / gedragswetenschapper De ondersteuningsadviseur kenmerkt zich als een gedragswetenschapper met brede kennis van de school, die bijdraagt aan de ontwikkeling van leerlingen met gedragsproblemen. Zij coachen hierin vaak leraren, ambulant begeleiders en anderen. Veelal is dit een psycholoog of orthopedagoog. Orthopedagoog De orthopedagoog maakt voor mensen met ontwikkelings, leer- en gedragsproblemen een behandel- en begeleidingsplan dat hun situatie kan verbeteren. Zodoende probeert de orthopedagoog ervoor te zorgen dat zij de hulp krijgen die het beste bij hun karakter en problemen aansluit, met als doel hun ontwikkeling te optimaliseren en hun participatiekansen te maximaliseren. Orthopedagogiek is dus een specialisatie in het wetenschappelijk onderwijs. Psycholoog Een psycholoog is een professioneel deskundige in de psychologie, de wetenschap die zich bezighoudt met het innerlijk leven (kennen, voelen en streven) en het gedrag van de mens. Reken-/wiskunde-specialist Een reken- en wiskundespecialist is een deskundige in het signaleren van reken- en wiskundeproblemen bij leerlingen en het opstellen van een accurate aanpak. Taal-/leesspecialist Een taal- en leesspecialist is een deskundige in het signaleren van taal- en leesproblemen bij leerlingen en het opstellen van een accurate aanpak. Interne begeleiding Een deskundige die zich bezig houdt met coördinerende, begeleidende en innoverende taken op school. Leerlingbegeleiding Een deskundige die leerlingen met problemen bijstaat, adviseert of doorverwijst. Remedial teaching Een deskundige die hulp verleent aan leerlingen met leerproblemen of gedragsstoornissen (zoals faalangst). Zorgcoördinatie Een deskundige die zich bezig houdt met coördinerende, begeleidende en innoverende taken op school.";

/// §3.6 the platform's HGW indicators, as every report prints them: the rows
/// of "Indicator HGW | Score". A row's key is its label's slug; on a page
/// read by OCR a misread indicator still gets its indicator's key
/// (`common::tolerant::key_label`).
pub(crate) const HGW_INDICATORS: &[&str] = &[
    "Onze leraren zijn zich bewust van de grote invloed die zij op de ontwikkeling van hun leerlingen hebben.",
    "Onze leraren werken samen met ouders. Ze betrekken hen als ervaringsdeskundige en partner bij de analyse en het bedenken en uitvoeren van de aanpak.",
    "Onze onderwijs- en begeleidingsstructuur is voor iedereen duidelijk. Er zijn heldere afspraken over wie wat doet, waarom, waar, hoe en wanneer.",
    "Onze leraren verkennen en benoemen concreet de onderwijsbehoeften van leerlingen (o.a. door observatie, gesprekken en het analyseren van toetsen).",
    "Onze leraren reflecteren op het eigen handelen en het effect daarvan op het gedrag van leerlingen, ouders, collega's.",
    "Onze leraren geven vorm aan het onderwijs op basis van SMART-doelen op korte en langere termijn (in plaats van een vastgestelde methodiek).",
    "Onze leraren maken (eigen) keuzes in aanbod en aanpak om passend te arrangeren op onderwijsbehoeften.",
    "Onze leraren evalueren systematisch en periodiek hun leer- en ontwikkeldoelen en stellen deze indien nodig bij.",
    "Onze leraren reflecteren op de samenhang tussen leerling, leraar, groep en stof om de onderwijsbehoeften te begrijpen en daarop af te stemmen.",
    "Onze leraren kunnen reflecties inzichtelijk maken met een door de school gekozen instrumentarium.",
    "Onze leraren gaan in hun houding en gedrag nadrukkelijk uit van wat wel kan (ondanks belemmeringen).",
    "Onze leraren doen actief aan collectieve reflectie op de keuzes en het eigen handelen en dat van collega's.",
    "Onze leraren werken planmatig en cyclisch aan de leer- en ontwikkeldoelen voor de groep, subgroepjes en mogelijk individuele leerlingen.",
    "Onze leraren creëren eigenaarschap van het leerproces bij hun leerlingen.",
];

/// §4.2 the sectors and partners the platform's questionnaire offers (a
/// school ticks which it works with; the report lists those), for the keys
/// of misread names as with [`HGW_INDICATORS`].
pub(crate) const PARTNERS: &[&str] = &[
    "Middelbaar beroepsonderwijs (mbo)",
    "Regulier basisonderwijs (bao)",
    "Regulier voortgezet onderwijs (vo)",
    "Speciaal basisonderwijs (sbo)",
    "Speciaal onderwijs (so)",
    "Voortgezet speciaal onderwijs (vso)",
    "Adviseur passend onderwijs / consulent van het SWV",
    "Centrum Jeugd en gezin (CJG)",
    "GGZ / Jeugd-GGZ",
    "Jeugdgezondheidszorg (JGZ incl. schoolarts)",
    "Jeugdhulpverlening",
    "Jongerenwerk",
    "Leerplichtambtenaar",
    "Schoolmaatschappelijk werk / gezinswerker",
];
