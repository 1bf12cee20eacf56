//! The canonical record `sop/1`. The names and meanings are fixed by
//! `../shared/SCHEMA.md`; `schema/sop-1.schema.json` is generated from these
//! types. Adding a field is fine; renaming or re-meaning one is `sop/2`.
//!
//! Every struct serialises its fields in declaration order and every map is a
//! `BTreeMap`, so the JSON of a record is byte-stable.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The value of [`Record::schema`].
pub const SCHEMA_ID: &str = "sop/1";

/// One school's support profile, whatever template it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Always `"sop/1"`.
    pub schema: String,
    pub template: Template,
    pub school: School,
    /// The school year the profile is for, `"YYYY-YYYY"`.
    pub school_year: Option<String>,
    pub governance: Governance,
    /// The school's own vision on passend onderwijs.
    pub vision: Option<String>,
    /// PoS onderwijsconcept and its toelichting; null for the Model.
    pub vision_context: Option<String>,
    pub support_structure: SupportStructure,
    pub hgw: Vec<HgwItem>,
    pub hgw_summary: Option<HgwSummary>,
    pub expertise: Vec<Expertise>,
    pub partners: Vec<Partner>,
    pub offers: Vec<Offer>,
    pub facilities: Vec<Facility>,
    pub protocols: Vec<Protocol>,
    /// The school's own text on extra ondersteuning (template text removed).
    pub extra_support: Option<String>,
    pub limits: Limits,
    /// One entry per numbered or bulleted ambition / development goal.
    pub ambitions: Vec<String>,
    pub finance: Finance,
    pub evaluation: Evaluation,
    pub boilerplate: Vec<Boilerplate>,
    pub unmapped: Vec<Unmapped>,
    /// JSON Pointer of a field or row (e.g. `/expertise/3`) -> where it was read.
    pub provenance: BTreeMap<String, Provenance>,
    /// What was inferred, ambiguous or missing, in plain words (Dutch,
    /// whatever language the tool ran in).
    pub warnings: Vec<String>,
    pub source: Source,
    /// The same warnings for scripts: `notices[i]` is `warnings[i]` as a
    /// stable code with its parameters. Scripts act on the code, never on
    /// the wording. Absent in records made before codes existed.
    #[serde(default)]
    pub notices: Vec<Notice>,
}

/// A warning for scripts: a stable code (the message's id in the catalogue,
/// without its `warn-` prefix) and the values filled into its sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// E.g. `"hgw-no-mark"`, `"page-no-text-layer"`. A code keeps its meaning.
    pub code: String,
    /// The values in the sentence by name, e.g. `{"label": "...", "page": 3}`.
    pub params: BTreeMap<String, serde_json::Value>,
}

impl Record {
    /// Adds a warning: its sentence and its code, kept index-aligned.
    pub fn push_warning(&mut self, notice: Notice, sentence: String) {
        self.warnings.push(sentence);
        self.notices.push(notice);
    }
}

/// Which template the document follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// `"sppoh-model-2021-2025"` or `"perspectief-op-school-vo"` (a string, not
    /// an enum, so that a new template family is one new parser module).
    pub family: String,
    /// The revision where the document names it, e.g. `"versie 15 maart 2021"`.
    pub revision: Option<String>,
    /// 0..=1.
    pub confidence: f64,
    /// The markers that decided it.
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Po,
    Vo,
    So,
    Sbo,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct School {
    pub name: Option<String>,
    pub sector: Option<Sector>,
    pub brin: Option<String>,
    pub address: Option<Address>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// Schoolbestuur.
    pub board: Option<String>,
    /// Samenwerkingsverband as named in the document.
    pub swv: Option<String>,
    /// A named location such as "De Vuurvlinder".
    pub location: Option<String>,
    /// PoS onderwijsniveaus: union of `levels_lower` and `levels_upper` in
    /// document order; `[]` for the Model.
    pub levels: Vec<String>,
    pub levels_lower: Vec<String>,
    pub levels_upper: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    /// The document's line as written.
    pub raw: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Governance {
    /// "Opgesteld namens directeur en team".
    pub drafted: Option<Drafted>,
    pub director: Option<Director>,
    pub mr_advice: Option<Signed>,
    pub board_adoption: Option<Signed>,
    /// PoS "Invuldatum", `YYYY-MM` (or `YYYY-MM-DD`).
    pub filled_in: Option<String>,
    /// The school year of the sentence "opgesteld/vastgesteld voor schooljaar ...".
    pub valid_for: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Drafted {
    /// ISO date.
    pub date: Option<String>,
    /// The date as written.
    pub raw: Option<String>,
    /// On whose behalf, e.g. "directeur en team".
    pub by: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Director {
    pub name: Option<String>,
    /// As written: "Directeur", "Interim-directeur".
    pub title: Option<String>,
}

/// An advice or adoption: when, and who chaired it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signed {
    pub date: Option<String>,
    pub raw: Option<String>,
    pub chair: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SupportStructure {
    pub text: Option<String>,
    /// Zorgniveaus.
    pub levels: Vec<SupportLevel>,
    /// Members of the support team.
    pub team: Vec<String>,
    pub meetings_per_year: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SupportLevel {
    pub level: u32,
    pub text: String,
}

/// One scale for both templates' HGW marks and scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HgwStatus {
    NotStarted,
    Developing,
    InPlace,
    Advanced,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HgwItem {
    pub key: String,
    pub label: String,
    pub status: Option<HgwStatus>,
    /// The mark or score as written.
    pub raw: Option<String>,
    /// The school's explanation under the row (Model), or null.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HgwSummary {
    pub indicators: u32,
    pub not_started_pct: f64,
    pub developing_pct: f64,
    pub in_place_pct: f64,
    pub advanced_pct: f64,
}

/// Who provides something (PoS columns; the Model's own team is `school`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    School,
    Board,
    SwvOrThirdParty,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expertise {
    pub key: String,
    pub label: String,
    pub available: Option<bool>,
    /// The "Uren beschikbaar" cell as written.
    pub capacity: Option<String>,
    pub fte: Option<f64>,
    pub hours: Option<f64>,
    /// Null when the marks could not be read (PoS from plain text).
    pub provided_by: Option<Vec<Provider>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    ExternalExpert,
    ChainPartner,
    EducationSector,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Involvement {
    Structural,
    Regular,
    Incidental,
    NotApplicable,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    pub key: String,
    pub name: String,
    pub kind: PartnerKind,
    pub involvement: Option<Involvement>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OfferKind {
    Programme,
    Provision,
    EducationOffer,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    pub key: String,
    pub name: String,
    pub kind: OfferKind,
    /// Model: "Periode wanneer in te zetten".
    pub timing: Option<String>,
    pub provided_by: Option<Vec<Provider>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Facility {
    pub key: String,
    pub name: String,
    pub present: Option<bool>,
    /// Words written in the cell beyond ja/nee/nvt/X.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Protocol {
    pub key: String,
    pub name: String,
    pub status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub text: Option<String>,
    pub items: Vec<LimitItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LimitItem {
    /// The PoS heading such as "Gedrag", or null.
    pub category: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finance {
    pub text: Option<String>,
    pub amounts: Vec<Amount>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    pub eur: f64,
    /// As written, e.g. "€46.130,-".
    pub raw: String,
    /// The year or school year named with it.
    pub period: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    pub text: Option<String>,
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Boilerplate {
    pub section: String,
    /// False when the school changed the fixed text (that text is then in `unmapped`).
    pub standard: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unmapped {
    pub heading: Option<String>,
    pub text: String,
    pub page: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    pub page: Option<u32>,
    /// The source line(s), as extracted.
    pub text: String,
    /// True when the page was a scan and its text was read by OCR: the
    /// value may hold misread characters.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ocr: bool,
    /// For OCR'd lines: the lowest word confidence among them (0..=100), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr_confidence: Option<f32>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub sha256: String,
    pub bytes: u64,
    pub pages: u32,
    /// `application/pdf` or `text/plain`.
    pub media_type: String,
    pub filename: String,
}

impl Record {
    /// An empty record of a template family: every value null or `[]`.
    pub fn empty(template: Template, source: Source) -> Record {
        Record {
            schema: SCHEMA_ID.to_string(),
            template,
            school: School::default(),
            school_year: None,
            governance: Governance::default(),
            vision: None,
            vision_context: None,
            support_structure: SupportStructure::default(),
            hgw: Vec::new(),
            hgw_summary: None,
            expertise: Vec::new(),
            partners: Vec::new(),
            offers: Vec::new(),
            facilities: Vec::new(),
            protocols: Vec::new(),
            extra_support: None,
            limits: Limits::default(),
            ambitions: Vec::new(),
            finance: Finance::default(),
            evaluation: Evaluation::default(),
            boilerplate: Vec::new(),
            unmapped: Vec::new(),
            provenance: BTreeMap::new(),
            warnings: Vec::new(),
            notices: Vec::new(),
            source,
        }
    }

    /// The JSON Schema of `sop/1`, as committed in `schema/sop-1.schema.json`.
    pub fn json_schema() -> serde_json::Value {
        let schema = schemars::schema_for!(Record);
        serde_json::to_value(schema).expect("a schema always serialises")
    }
}
