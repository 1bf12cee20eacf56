//! The overview as data (`sop-overview/1`): computed from plain inputs (one
//! [`SchoolEntry`] per school) and an [`AreaMap`]; the renderers only read it.
//!
//! Honest data: a value a record does not give is [`Coverage::Unknown`]
//! ("onbekend"), never "nee"; an area a profile says nothing about is
//! [`Coverage::NotMentioned`]; a school without a record is listed with its
//! status and counted in no share.

use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sop_model::{HgwStatus, Involvement, OfferKind, PartnerKind, Provider, Record};

use crate::areas::{AreaMap, OTHER};

/// The value of [`Overview::schema`].
pub const SCHEMA_ID: &str = "sop-overview/1";

/// The group name of a school whose board or region is not known.
pub const UNKNOWN_GROUP: &str = "onbekend";

// ---------------------------------------------------------------- input

/// One school of the overview, as the caller found it.
#[derive(Debug, Clone, PartialEq)]
pub struct SchoolEntry {
    /// The school's id (as in the archive and the registry).
    pub id: String,
    /// The name from the registry; else the record's.
    pub name: Option<String>,
    /// The board from the registry; else the record's.
    pub board: Option<String>,
    /// The region or municipality from the registry; else the record's city.
    pub region: Option<String>,
    pub status: EntryStatus,
    /// Warnings about the entry beyond the record's own (e.g. a damaged bundle).
    pub warnings: Vec<String>,
    /// Where the record can be opened (a path or URL, relative to the output).
    pub record_link: Option<String>,
    /// Where the diff report against the previous year can be opened.
    pub diff_link: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EntryStatus {
    Record(Box<Record>),
    /// In the registry, but no record for the year.
    Missing,
    /// A document was received but could not be read; the reason in words.
    Unreadable(String),
}

impl SchoolEntry {
    pub fn with_record(id: impl Into<String>, record: Record) -> SchoolEntry {
        SchoolEntry {
            id: id.into(),
            name: None,
            board: None,
            region: None,
            status: EntryStatus::Record(Box::new(record)),
            warnings: Vec::new(),
            record_link: None,
            diff_link: None,
        }
    }
}

/// What the caller decides about the whole overview.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub school_year: String,
    /// The year compared with (`--compare`), with its entries passed to [`build`].
    pub compare_year: Option<String>,
    /// An area is a gap in a region when fewer than this many schools there offer it.
    pub threshold: u32,
    /// When and from what it was made, for the page's header (free text).
    pub generated: Option<String>,
}

// ---------------------------------------------------------------- output

/// The overview of one school year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Overview {
    /// Always `"sop-overview/1"`.
    pub schema: String,
    pub school_year: String,
    pub compare_year: Option<String>,
    /// An area is a gap when fewer than this many schools offer it.
    pub threshold: u32,
    pub generated: Option<String>,
    /// The support areas, in the mapping's order ("overig" is not one of them).
    pub areas: Vec<AreaInfo>,
    pub counts: Counts,
    /// One row per school, sorted by name.
    pub schools: Vec<SchoolRow>,
    /// Per area: how many schools offer it, overall, per board and per region.
    pub area_summary: Vec<AreaSummary>,
    /// Rows that map to no area ("overig"), per key.
    pub other_rows: Vec<OtherRow>,
    /// Areas offered by fewer than `threshold` schools, overall and per region.
    pub gaps: Vec<Gap>,
    /// The HGW indicators of every template present, in order of appearance.
    pub hgw_columns: Vec<Column>,
    /// The facilities (building, physical spaces) named by any school.
    pub facility_columns: Vec<Column>,
    pub compare: Option<Comparison>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaInfo {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// Every school listed.
    pub schools: u32,
    pub with_record: u32,
    /// In the registry, no record for the year.
    pub missing: u32,
    /// Received but not readable.
    pub unreadable: u32,
    /// Schools with a record, per template family.
    pub per_template: BTreeMap<String, u32>,
    /// Schools whose record carries warnings.
    pub with_warnings: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Column {
    pub key: String,
    pub label: String,
    /// The template family the column comes from (HGW indicators differ per template).
    pub template: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SchoolStatus {
    Record,
    Missing,
    Unreadable,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchoolRow {
    pub id: String,
    pub name: Option<String>,
    pub board: Option<String>,
    pub region: Option<String>,
    /// Template family, null without a record.
    pub template: Option<String>,
    pub status: SchoolStatus,
    /// Why there is no record (unreadable), in words.
    pub reason: Option<String>,
    /// The school year the record itself names.
    pub record_year: Option<String>,
    pub warnings: Vec<String>,
    pub record_link: Option<String>,
    pub diff_link: Option<String>,
    /// One cell per area, in the order of [`Overview::areas`]; empty without a record.
    pub areas: Vec<AreaCell>,
    /// Rows that map to no area.
    pub other: Vec<RowRef>,
    /// HGW indicator key -> status (null: no mark or score). Keys the school's
    /// template does not have are absent.
    pub hgw: BTreeMap<String, Option<HgwStatus>>,
    /// Facility key -> present (null: not readable).
    pub facilities: BTreeMap<String, Option<bool>>,
}

/// Whether a school offers an area (or a row's offer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// At least one row says yes.
    Offered,
    /// No row says yes, at least one could not be read (null).
    Unknown,
    /// The rows that belong to it all say no.
    NotOffered,
    /// The profile has no row that belongs to it.
    NotMentioned,
}

impl Coverage {
    /// As people read it.
    pub fn dutch(self) -> &'static str {
        match self {
            Coverage::Offered => "ja",
            Coverage::NotOffered => "nee",
            Coverage::Unknown => "onbekend",
            Coverage::NotMentioned => "niet genoemd",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaCell {
    pub area: String,
    pub coverage: Coverage,
    /// The rows of the record that belong to the area.
    pub rows: Vec<RowRef>,
}

/// Which list of the record a row is from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Expertise,
    Partners,
    Offers,
    Facilities,
}

impl Section {
    pub fn dutch(self) -> &'static str {
        match self {
            Section::Expertise => "expertise",
            Section::Partners => "partners",
            Section::Offers => "aanbod",
            Section::Facilities => "voorzieningen",
        }
    }
}

/// One row of a record, as the overview reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RowRef {
    pub section: Section,
    pub key: String,
    /// The label as the school wrote it.
    pub label: String,
    /// Offered, not offered or unknown (never not_mentioned).
    pub state: Coverage,
    /// How, in Dutch: "op de school", "via het bestuur", "structureel",
    /// "beschikbaar: 20", "onbekend".
    pub how: String,
}

impl RowRef {
    /// "ja (via het bestuur)", "nee", "onbekend".
    pub fn text(&self) -> String {
        let word = self.state.dutch();
        if self.how.is_empty() || self.how == word {
            word.to_string()
        } else {
            format!("{word} ({})", self.how)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupCount {
    /// The board or region; "onbekend" when not known.
    pub group: String,
    /// Schools with a record in the group.
    pub schools: u32,
    pub offered: u32,
    pub unknown: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaSummary {
    pub area: String,
    pub label: String,
    pub offered: u32,
    pub unknown: u32,
    pub not_offered: u32,
    pub not_mentioned: u32,
    /// Schools with a record: the denominator of `share`.
    pub with_record: u32,
    /// offered / with_record, 0..1 (0 when there is no record at all).
    pub share: f64,
    pub by_board: Vec<GroupCount>,
    pub by_region: Vec<GroupCount>,
    /// Ids of the schools that offer it.
    pub schools_offering: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtherRow {
    pub section: Section,
    pub key: String,
    pub label: String,
    pub offered: u32,
    pub unknown: u32,
    pub not_offered: u32,
    /// Ids of the schools that have the row.
    pub schools: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    /// The region, or null for the whole samenwerkingsverband.
    pub region: Option<String>,
    pub area: String,
    pub label: String,
    pub offered: u32,
    /// Schools where it could not be read: the gap may be smaller.
    pub unknown: u32,
    /// Schools with a record in the region.
    pub schools: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    pub compare_year: String,
    /// Per school (present in either year), what changed.
    pub schools: Vec<SchoolChanges>,
    /// Per area, the change in coverage for the samenwerkingsverband.
    pub areas: Vec<AreaDelta>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// A record in both years.
    Both,
    /// A record this year only.
    NewOnly,
    /// A record in the compared year only.
    OldOnly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    pub fn dutch(self) -> &'static str {
        match self {
            ChangeKind::Added => "toegevoegd",
            ChangeKind::Removed => "verdwenen",
            ChangeKind::Changed => "gewijzigd",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchoolChanges {
    pub id: String,
    pub name: Option<String>,
    pub presence: Presence,
    pub area_changes: Vec<AreaStatusChange>,
    pub row_changes: Vec<RowChange>,
    pub hgw_changes: Vec<HgwChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaStatusChange {
    pub area: String,
    pub label: String,
    pub old: Coverage,
    pub new: Coverage,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RowChange {
    pub section: Section,
    pub key: String,
    pub label: String,
    /// The areas it belongs to ("overig" when none).
    pub areas: Vec<String>,
    pub change: ChangeKind,
    /// "ja (via het bestuur)", "nee", "onbekend"; null when added.
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HgwChange {
    pub key: String,
    pub label: String,
    pub old: Option<HgwStatus>,
    pub new: Option<HgwStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AreaDelta {
    pub area: String,
    pub label: String,
    pub old_offered: u32,
    pub new_offered: u32,
    pub old_with_record: u32,
    pub new_with_record: u32,
    /// Schools that offer it now and did not before (ids).
    pub gained: Vec<String>,
    /// Schools that offered it before and do not now (ids).
    pub lost: Vec<String>,
}

impl Overview {
    /// The JSON Schema of `sop-overview/1`, as committed in `schema/sop-overview-1.schema.json`.
    pub fn json_schema() -> serde_json::Value {
        serde_json::to_value(schemars::schema_for!(Overview)).expect("a schema always serialises")
    }
}

// ---------------------------------------------------------------- words

/// "Model SOP 2021-2025" / "Perspectief op School": the family's short
/// name from its descriptor; an unknown id as it is.
pub fn template_dutch(family: &str) -> String {
    sop_model::family::find(family).map_or(family, |f| f.short_name).to_string()
}

/// An HGW status in the words of the template it came from.
pub fn hgw_dutch(status: Option<HgwStatus>, family: Option<&str>) -> String {
    match status {
        None => "onbekend".to_string(),
        Some(s) => sop_model::family::hgw_word(family.and_then(sop_model::family::find), s),
    }
}

fn provider_dutch(p: Provider) -> &'static str {
    match p {
        Provider::School => "op de school",
        Provider::Board => "via het bestuur",
        Provider::SwvOrThirdParty => "via het SWV of derden",
    }
}

fn providers(list: &[Provider]) -> String {
    list.iter().map(|p| provider_dutch(*p)).collect::<Vec<_>>().join(", ")
}

fn join_how(parts: Vec<String>) -> String {
    parts.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("; ")
}

// ---------------------------------------------------------------- rows of a record

/// Every row of the areas' lists of a record, as the overview reads it.
pub fn record_rows(r: &Record) -> Vec<RowRef> {
    let mut out = Vec::with_capacity(r.expertise.len() + r.partners.len() + r.offers.len() + r.facilities.len());
    for e in &r.expertise {
        let (state, how) = match e.available {
            Some(true) => {
                let mut parts = vec![e.provided_by.as_deref().map(providers).unwrap_or_default()];
                if let Some(c) = &e.capacity {
                    parts.push(format!("beschikbaar: {c}"));
                }
                (Coverage::Offered, join_how(parts))
            }
            // The school's own words beside a "Nee" ("Wanneer nodig ... ingekocht") are kept.
            Some(false) => (Coverage::NotOffered, e.capacity.clone().unwrap_or_default()),
            None => (Coverage::Unknown, e.capacity.clone().unwrap_or_default()),
        };
        out.push(RowRef { section: Section::Expertise, key: e.key.clone(), label: e.label.clone(), state, how });
    }
    for p in &r.partners {
        let (state, how) = match (p.involvement, p.kind) {
            (Some(Involvement::Structural), _) => (Coverage::Offered, "structureel".to_string()),
            (Some(Involvement::Regular), _) => (Coverage::Offered, "regelmatig".to_string()),
            (Some(Involvement::Incidental), _) => (Coverage::Offered, "incidenteel".to_string()),
            (Some(Involvement::NotApplicable), _) => (Coverage::NotOffered, "niet van toepassing".to_string()),
            // PoS lists only the partners and sectors the school works with.
            (None, PartnerKind::ChainPartner) => (Coverage::Offered, "samenwerkingspartner".to_string()),
            (None, PartnerKind::EducationSector) => (Coverage::Offered, "samenwerkende onderwijssector".to_string()),
            (None, PartnerKind::ExternalExpert) => (Coverage::Unknown, String::new()),
        };
        out.push(RowRef { section: Section::Partners, key: p.key.clone(), label: p.name.clone(), state, how });
    }
    for o in &r.offers {
        let timing = o.timing.as_ref().map(|t| format!("periode: {t}")).unwrap_or_default();
        let (state, how) = match o.provided_by.as_deref() {
            Some([]) => (Coverage::NotOffered, "geen kolom gemarkeerd".to_string()),
            Some(list) => (Coverage::Offered, join_how(vec![providers(list), timing])),
            // A Model programme is listed because the school offers it.
            None if o.kind == OfferKind::Programme => (Coverage::Offered, timing),
            None => (Coverage::Unknown, String::new()),
        };
        out.push(RowRef { section: Section::Offers, key: o.key.clone(), label: o.name.clone(), state, how });
    }
    for f in &r.facilities {
        let note = f.note.clone().unwrap_or_default();
        let (state, how) = match f.present {
            Some(true) => (Coverage::Offered, join_how(vec!["aanwezig".into(), note])),
            Some(false) => (Coverage::NotOffered, join_how(vec!["niet aanwezig".into(), note])),
            None => (Coverage::Unknown, note),
        };
        out.push(RowRef { section: Section::Facilities, key: f.key.clone(), label: f.name.clone(), state, how });
    }
    out
}

fn combine(states: impl Iterator<Item = Coverage>) -> Coverage {
    states.min().unwrap_or(Coverage::NotMentioned)
}

// ---------------------------------------------------------------- build

/// A school row plus what the build needs beside it.
struct Built {
    row: SchoolRow,
    /// (section, key) -> (row, area ids).
    rows: Vec<(RowRef, Vec<String>)>,
    hgw_labels: Vec<(String, String)>,
}

fn build_school(e: &SchoolEntry, map: &AreaMap) -> Built {
    let mut row = SchoolRow {
        id: e.id.clone(),
        name: e.name.clone(),
        board: e.board.clone(),
        region: e.region.clone(),
        template: None,
        status: SchoolStatus::Missing,
        reason: None,
        record_year: None,
        warnings: e.warnings.clone(),
        record_link: e.record_link.clone(),
        diff_link: e.diff_link.clone(),
        areas: Vec::new(),
        other: Vec::new(),
        hgw: BTreeMap::new(),
        facilities: BTreeMap::new(),
    };
    let mut rows = Vec::new();
    let mut hgw_labels = Vec::new();
    match &e.status {
        EntryStatus::Missing => {}
        EntryStatus::Unreadable(reason) => {
            row.status = SchoolStatus::Unreadable;
            row.reason = Some(reason.clone());
        }
        EntryStatus::Record(r) => {
            row.status = SchoolStatus::Record;
            row.template = Some(r.template.family.clone());
            row.record_year = r.school_year.clone();
            row.name = row.name.or_else(|| r.school.name.clone());
            row.board = row.board.or_else(|| r.school.board.clone());
            row.region = row.region.or_else(|| r.school.address.as_ref().and_then(|a| a.city.clone()));
            row.warnings.extend(r.warnings.iter().cloned());
            let mut cells: Vec<Vec<RowRef>> = vec![Vec::new(); map.areas.len()];
            for rr in record_rows(r) {
                let idx = map.areas_of(&rr.key, &rr.label);
                let ids: Vec<String> = if idx.is_empty() {
                    row.other.push(rr.clone());
                    vec![OTHER.to_string()]
                } else {
                    idx.iter().map(|&i| map.areas[i].id.clone()).collect()
                };
                for &i in &idx {
                    cells[i].push(rr.clone());
                }
                rows.push((rr, ids));
            }
            row.areas = cells
                .into_iter()
                .zip(&map.areas)
                .map(|(rows, a)| AreaCell { area: a.id.clone(), coverage: combine(rows.iter().map(|r| r.state)), rows })
                .collect();
            for h in &r.hgw {
                row.hgw.insert(h.key.clone(), h.status);
                hgw_labels.push((h.key.clone(), h.label.clone()));
            }
            for f in &r.facilities {
                row.facilities.insert(f.key.clone(), f.present);
            }
        }
    }
    Built { row, rows, hgw_labels }
}

fn sort_key(r: &SchoolRow) -> (String, String) {
    (r.name.as_deref().unwrap_or(&r.id).to_lowercase(), r.id.clone())
}

fn group_name(g: &Option<String>) -> String {
    g.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or(UNKNOWN_GROUP).to_string()
}

/// Groups sorted by name, "onbekend" last.
fn group_order(a: &str, b: &str) -> std::cmp::Ordering {
    (a == UNKNOWN_GROUP, a.to_lowercase()).cmp(&(b == UNKNOWN_GROUP, b.to_lowercase()))
}

fn group_counts(schools: &[&SchoolRow], area: usize, by: impl Fn(&SchoolRow) -> String) -> Vec<GroupCount> {
    let mut m: BTreeMap<String, GroupCount> = BTreeMap::new();
    for s in schools {
        let g = by(s);
        let c = m.entry(g.clone()).or_insert_with(|| GroupCount { group: g, schools: 0, offered: 0, unknown: 0 });
        c.schools += 1;
        match s.areas[area].coverage {
            Coverage::Offered => c.offered += 1,
            Coverage::Unknown => c.unknown += 1,
            _ => {}
        }
    }
    let mut v: Vec<GroupCount> = m.into_values().collect();
    v.sort_by(|a, b| group_order(&a.group, &b.group));
    v
}

/// Computes the overview of `entries` (one per school; the caller gives each
/// school once). `compare` are the entries of `opts.compare_year`.
pub fn build(entries: &[SchoolEntry], compare: Option<&[SchoolEntry]>, map: &AreaMap, opts: &Options) -> Overview {
    let mut built: Vec<Built> = entries.iter().map(|e| build_school(e, map)).collect();
    built.sort_by_key(|b| sort_key(&b.row));

    let mut counts = Counts { schools: built.len() as u32, ..Counts::default() };
    let mut hgw_columns: Vec<Column> = Vec::new();
    let mut hgw_seen: HashMap<String, ()> = HashMap::new();
    let mut facility_columns: Vec<Column> = Vec::new();
    let mut facility_seen: HashMap<String, ()> = HashMap::new();
    // Model before PoS, so that each template's indicators stand together.
    let mut by_template: Vec<&Built> = built.iter().collect();
    by_template.sort_by_key(|b| b.row.template.clone());
    for b in &by_template {
        for (key, label) in &b.hgw_labels {
            if hgw_seen.insert(key.clone(), ()).is_none() {
                hgw_columns.push(Column { key: key.clone(), label: label.clone(), template: b.row.template.clone() });
            }
        }
        for (rr, _) in b.rows.iter().filter(|(r, _)| r.section == Section::Facilities) {
            if facility_seen.insert(rr.key.clone(), ()).is_none() {
                facility_columns.push(Column {
                    key: rr.key.clone(),
                    label: rr.label.clone(),
                    template: b.row.template.clone(),
                });
            }
        }
    }
    for b in &built {
        match b.row.status {
            SchoolStatus::Record => {
                counts.with_record += 1;
                if let Some(t) = &b.row.template {
                    *counts.per_template.entry(t.clone()).or_default() += 1;
                }
                if !b.row.warnings.is_empty() {
                    counts.with_warnings += 1;
                }
            }
            SchoolStatus::Missing => counts.missing += 1,
            SchoolStatus::Unreadable => counts.unreadable += 1,
        }
    }

    let with_record: Vec<&SchoolRow> =
        built.iter().map(|b| &b.row).filter(|r| r.status == SchoolStatus::Record).collect();
    let area_summary: Vec<AreaSummary> = map
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut s = AreaSummary {
                area: a.id.clone(),
                label: a.label.clone(),
                offered: 0,
                unknown: 0,
                not_offered: 0,
                not_mentioned: 0,
                with_record: with_record.len() as u32,
                share: 0.0,
                by_board: group_counts(&with_record, i, |r| group_name(&r.board)),
                by_region: group_counts(&with_record, i, |r| group_name(&r.region)),
                schools_offering: Vec::new(),
            };
            for r in &with_record {
                match r.areas[i].coverage {
                    Coverage::Offered => {
                        s.offered += 1;
                        s.schools_offering.push(r.id.clone());
                    }
                    Coverage::Unknown => s.unknown += 1,
                    Coverage::NotOffered => s.not_offered += 1,
                    Coverage::NotMentioned => s.not_mentioned += 1,
                }
            }
            if s.with_record > 0 {
                s.share = (s.offered as f64 / s.with_record as f64 * 1000.0).round() / 1000.0;
            }
            s
        })
        .collect();

    let mut other: BTreeMap<(Section, String), OtherRow> = BTreeMap::new();
    for r in &with_record {
        for rr in &r.other {
            let o = other.entry((rr.section, rr.key.clone())).or_insert_with(|| OtherRow {
                section: rr.section,
                key: rr.key.clone(),
                label: rr.label.clone(),
                offered: 0,
                unknown: 0,
                not_offered: 0,
                schools: Vec::new(),
            });
            match rr.state {
                Coverage::Offered => o.offered += 1,
                Coverage::Unknown => o.unknown += 1,
                _ => o.not_offered += 1,
            }
            // Schools come one after the other: the same school is only ever the last one.
            if o.schools.last() != Some(&r.id) {
                o.schools.push(r.id.clone());
            }
        }
    }

    let mut gaps = Vec::new();
    if !with_record.is_empty() {
        for s in &area_summary {
            if s.offered < opts.threshold {
                gaps.push(Gap {
                    region: None,
                    area: s.area.clone(),
                    label: s.label.clone(),
                    offered: s.offered,
                    unknown: s.unknown,
                    schools: s.with_record,
                });
            }
        }
        let mut regions: Vec<String> = with_record.iter().map(|r| group_name(&r.region)).collect();
        regions.sort_by(|a, b| group_order(a, b));
        regions.dedup();
        for region in regions {
            for s in &area_summary {
                if let Some(g) = s.by_region.iter().find(|g| g.group == region) {
                    if g.offered < opts.threshold {
                        gaps.push(Gap {
                            region: Some(region.clone()),
                            area: s.area.clone(),
                            label: s.label.clone(),
                            offered: g.offered,
                            unknown: g.unknown,
                            schools: g.schools,
                        });
                    }
                }
            }
        }
    }

    let comparison = match (compare, &opts.compare_year) {
        (Some(old), Some(year)) => Some(compare_years(&built, old, map, year)),
        _ => None,
    };

    Overview {
        schema: SCHEMA_ID.to_string(),
        school_year: opts.school_year.clone(),
        compare_year: opts.compare_year.clone(),
        threshold: opts.threshold,
        generated: opts.generated.clone(),
        areas: map.areas.iter().map(|a| AreaInfo { id: a.id.clone(), label: a.label.clone() }).collect(),
        counts,
        area_summary,
        other_rows: other.into_values().collect(),
        gaps,
        hgw_columns,
        facility_columns,
        compare: comparison,
        schools: built.into_iter().map(|b| b.row).collect(),
    }
}

fn compare_years(new: &[Built], old_entries: &[SchoolEntry], map: &AreaMap, year: &str) -> Comparison {
    let old: Vec<Built> = old_entries.iter().map(|e| build_school(e, map)).collect();
    let old_by_id: HashMap<&str, &Built> =
        old.iter().filter(|b| b.row.status == SchoolStatus::Record).map(|b| (b.row.id.as_str(), b)).collect();
    let new_by_id: HashMap<&str, &Built> =
        new.iter().filter(|b| b.row.status == SchoolStatus::Record).map(|b| (b.row.id.as_str(), b)).collect();

    let mut ids: Vec<(&str, (String, String))> = new_by_id
        .values()
        .map(|b| (b.row.id.as_str(), sort_key(&b.row)))
        .chain(
            old_by_id
                .values()
                .filter(|b| !new_by_id.contains_key(b.row.id.as_str()))
                .map(|b| (b.row.id.as_str(), sort_key(&b.row))),
        )
        .collect();
    ids.sort_by(|a, b| a.1.cmp(&b.1));

    let mut schools = Vec::new();
    for (id, _) in &ids {
        let (o, n) = (old_by_id.get(id), new_by_id.get(id));
        let presence = match (o, n) {
            (Some(_), Some(_)) => Presence::Both,
            (None, Some(_)) => Presence::NewOnly,
            _ => Presence::OldOnly,
        };
        let name = n.or(o).and_then(|b| b.row.name.clone());
        let mut sc = SchoolChanges {
            id: id.to_string(),
            name,
            presence,
            area_changes: Vec::new(),
            row_changes: Vec::new(),
            hgw_changes: Vec::new(),
        };
        if let (Some(o), Some(n)) = (o, n) {
            for (i, a) in map.areas.iter().enumerate() {
                let (oc, nc) = (o.row.areas[i].coverage, n.row.areas[i].coverage);
                if oc != nc {
                    sc.area_changes.push(AreaStatusChange {
                        area: a.id.clone(),
                        label: a.label.clone(),
                        old: oc,
                        new: nc,
                    });
                }
            }
            let old_rows: HashMap<(Section, &str), &(RowRef, Vec<String>)> =
                o.rows.iter().map(|r| ((r.0.section, r.0.key.as_str()), r)).collect();
            let new_rows: HashMap<(Section, &str), &(RowRef, Vec<String>)> =
                n.rows.iter().map(|r| ((r.0.section, r.0.key.as_str()), r)).collect();
            for (rr, areas) in &n.rows {
                match old_rows.get(&(rr.section, rr.key.as_str())) {
                    None => sc.row_changes.push(RowChange {
                        section: rr.section,
                        key: rr.key.clone(),
                        label: rr.label.clone(),
                        areas: areas.clone(),
                        change: ChangeKind::Added,
                        old: None,
                        new: Some(rr.text()),
                    }),
                    Some((or, _)) if or.state != rr.state || or.how != rr.how => sc.row_changes.push(RowChange {
                        section: rr.section,
                        key: rr.key.clone(),
                        label: rr.label.clone(),
                        areas: areas.clone(),
                        change: ChangeKind::Changed,
                        old: Some(or.text()),
                        new: Some(rr.text()),
                    }),
                    Some(_) => {}
                }
            }
            for (rr, areas) in &o.rows {
                if !new_rows.contains_key(&(rr.section, rr.key.as_str())) {
                    sc.row_changes.push(RowChange {
                        section: rr.section,
                        key: rr.key.clone(),
                        label: rr.label.clone(),
                        areas: areas.clone(),
                        change: ChangeKind::Removed,
                        old: Some(rr.text()),
                        new: None,
                    });
                }
            }
            for (key, label) in &n.hgw_labels {
                let new_s = n.row.hgw.get(key).copied().flatten();
                match o.row.hgw.get(key) {
                    Some(&old_s) if old_s != new_s => sc.hgw_changes.push(HgwChange {
                        key: key.clone(),
                        label: label.clone(),
                        old: old_s,
                        new: new_s,
                    }),
                    _ => {}
                }
            }
        }
        schools.push(sc);
    }

    let areas = map
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let offered = |b: &&&Built| b.row.areas[i].coverage == Coverage::Offered;
            let old_set: std::collections::HashSet<&str> =
                old_by_id.values().filter(offered).map(|b| b.row.id.as_str()).collect();
            let new_set: std::collections::HashSet<&str> =
                new_by_id.values().filter(offered).map(|b| b.row.id.as_str()).collect();
            let mut gained: Vec<String> =
                new_set.iter().filter(|id| !old_set.contains(*id)).map(|s| s.to_string()).collect();
            let mut lost: Vec<String> =
                old_set.iter().filter(|id| !new_set.contains(*id)).map(|s| s.to_string()).collect();
            gained.sort();
            lost.sort();
            AreaDelta {
                area: a.id.clone(),
                label: a.label.clone(),
                old_offered: old_set.len() as u32,
                new_offered: new_set.len() as u32,
                old_with_record: old_by_id.len() as u32,
                new_with_record: new_by_id.len() as u32,
                gained,
                lost,
            }
        })
        .collect();
    Comparison { compare_year: year.to_string(), schools, areas }
}
