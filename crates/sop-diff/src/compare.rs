//! The comparison itself: one function per kind of field, in record order.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::{json, Value};
use sop_model::family::{self, Family};
use sop_model::{text::slug, Record};

use crate::labels::{field_label, member_label};
use crate::{text, Change, ChangeKind, NotCompared};

struct Ctx<'a> {
    old_family: &'a str,
    new_family: &'a str,
    out: Vec<Change>,
}

/// Whether the template family `id` has no place for `path` (`field` or
/// `field.member`); a family that is not known is taken to have every field.
fn lacks(id: &str, path: &str) -> bool {
    family::find(id).is_some_and(|f| f.never_fills(path))
}

/// What a diff across a template switch leaves out: every field or member
/// that one of the two families has no place for (and the other has), with
/// the family that lacks it. Nothing when the family stays the same.
pub(crate) fn not_compared(old: &Record, new: &Record) -> Vec<NotCompared> {
    let (o, n) = (old.template.family.as_str(), new.template.family.as_str());
    if o == n {
        return Vec::new();
    }
    let mut out: Vec<NotCompared> = Vec::new();
    for (lacking, other) in [(o, n), (n, o)] {
        let Some(f) = family::find(lacking) else { continue };
        for path in f.never_fills {
            if lacks(other, path) || out.iter().any(|x| x.path() == *path) {
                continue;
            }
            out.push(NotCompared::new(path, f));
        }
    }
    out
}

impl NotCompared {
    fn new(path: &str, lacking: &Family) -> NotCompared {
        let (field, member) = match path.split_once('.') {
            Some((f, m)) => (f, Some(m)),
            None => (path, None),
        };
        let label = member.map_or_else(|| field_label(field), |m| member_label(field, m));
        NotCompared {
            field: field.to_string(),
            key: member.map(str::to_string),
            label,
            lacking_family: lacking.id.to_string(),
        }
    }

    fn path(&self) -> String {
        match &self.key {
            Some(k) => format!("{}.{k}", self.field),
            None => self.field.clone(),
        }
    }
}

pub(crate) fn changes(old: &Record, new: &Record) -> Vec<Change> {
    let mut cx = Ctx { old_family: &old.template.family, new_family: &new.template.family, out: Vec::new() };
    cx.template(old, new);
    cx.scalar("school_year", None, &field_label("school_year"), to_value(&old.school_year), to_value(&new.school_year));
    cx.school(old, new);
    cx.governance(old, new);
    cx.free_text("vision", None, &field_label("vision"), old.vision.as_deref(), new.vision.as_deref());
    cx.free_text(
        "vision_context",
        None,
        &field_label("vision_context"),
        old.vision_context.as_deref(),
        new.vision_context.as_deref(),
    );
    cx.support_structure(old, new);
    cx.keyed("hgw", &old.hgw, &new.hgw, |r| (&r.key, &r.label));
    cx.scalar("hgw_summary", None, &field_label("hgw_summary"), to_value(&old.hgw_summary), to_value(&new.hgw_summary));
    cx.keyed("expertise", &old.expertise, &new.expertise, |r| (&r.key, &r.label));
    cx.keyed("partners", &old.partners, &new.partners, |r| (&r.key, &r.name));
    cx.keyed("offers", &old.offers, &new.offers, |r| (&r.key, &r.name));
    cx.keyed("facilities", &old.facilities, &new.facilities, |r| (&r.key, &r.name));
    cx.keyed("protocols", &old.protocols, &new.protocols, |r| (&r.key, &r.name));
    cx.free_text(
        "extra_support",
        None,
        &field_label("extra_support"),
        old.extra_support.as_deref(),
        new.extra_support.as_deref(),
    );
    cx.limits(old, new);
    cx.ambitions(old, new);
    cx.finance(old, new);
    cx.evaluation(old, new);
    cx.boilerplate(old, new);
    cx.unmapped(old, new);
    cx.out
}

fn to_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// A value with every string in [`text::canonical`] form.
fn canon(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(text::canonical(s)),
        Value::Array(a) => Value::Array(a.iter().map(canon).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), canon(v))).collect()),
        other => other.clone(),
    }
}

/// Null, "", [], or an object of only such values: the document gives nothing.
fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => text::canonical(s).is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.values().all(is_empty),
        _ => false,
    }
}

fn kind_of(old_empty: bool, new_empty: bool) -> ChangeKind {
    match (old_empty, new_empty) {
        (true, _) => ChangeKind::Added,
        (_, true) => ChangeKind::Removed,
        _ => ChangeKind::Changed,
    }
}

impl Ctx<'_> {
    /// Whether a path is compared: always, unless the school changed template
    /// and one of the two templates does not have it (then it is listed in
    /// [`crate::Diff::not_compared`]).
    fn applies(&self, path: &str) -> bool {
        self.old_family == self.new_family || !(lacks(self.old_family, path) || lacks(self.new_family, path))
    }

    fn push(&mut self, field: &str, key: Option<String>, label: String, change: ChangeKind, old: Value, new: Value) {
        self.out.push(Change { field: field.to_string(), key, label, change, old, new, similarity: None, hunks: None });
    }

    /// A value compared whole: `old`/`new` are reported, `cmp_*` are compared.
    fn scalar_cmp(
        &mut self,
        field: &str,
        key: Option<&str>,
        label: &str,
        (old, old_cmp): (Value, Value),
        (new, new_cmp): (Value, Value),
    ) {
        let path = match key {
            Some(k) => format!("{field}.{k}"),
            None => field.to_string(),
        };
        if !self.applies(field) || !self.applies(&path) {
            return;
        }
        let (oe, ne) = (is_empty(&old_cmp), is_empty(&new_cmp));
        if (oe && ne) || canon(&old_cmp) == canon(&new_cmp) {
            return;
        }
        let (old, new) = (if oe { Value::Null } else { old }, if ne { Value::Null } else { new });
        self.push(field, key.map(str::to_string), label.to_string(), kind_of(oe, ne), old, new);
    }

    fn scalar(&mut self, field: &str, key: Option<&str>, label: &str, old: Value, new: Value) {
        self.scalar_cmp(field, key, label, (old.clone(), old), (new.clone(), new));
    }

    fn free_text(&mut self, field: &str, key: Option<&str>, label: &str, old: Option<&str>, new: Option<&str>) {
        if !self.applies(field) {
            return;
        }
        let (o, n) = (old.unwrap_or_default(), new.unwrap_or_default());
        let (oc, nc) = (text::canonical(o), text::canonical(n));
        if oc == nc {
            return;
        }
        let value = |s: &str, c: &str| {
            if c.is_empty() {
                Value::Null
            } else {
                Value::String(s.to_string())
            }
        };
        self.out.push(Change {
            field: field.to_string(),
            key: key.map(str::to_string),
            label: label.to_string(),
            change: kind_of(oc.is_empty(), nc.is_empty()),
            old: value(o, &oc),
            new: value(n, &nc),
            similarity: Some(sop_model::text::word_similarity(&oc, &nc)),
            hunks: Some(text::hunks(o, n)),
        });
    }

    fn template(&mut self, old: &Record, new: &Record) {
        let t = |r: &Record| json!({ "family": r.template.family, "revision": r.template.revision });
        if t(old) != t(new) && canon(&t(old)) != canon(&t(new)) {
            self.push("template", None, field_label("template"), ChangeKind::Changed, t(old), t(new));
        }
    }

    fn school(&mut self, old: &Record, new: &Record) {
        let (o, n) = (&old.school, &new.school);
        let text = |s: &Option<String>| to_value(s);
        let lower = |s: &Option<String>| to_value(&s.as_ref().map(|s| s.trim().to_lowercase()));
        let digits = |s: &Option<String>| {
            to_value(&s.as_ref().map(|s| s.chars().filter(char::is_ascii_digit).collect::<String>()))
        };
        let site = |s: &Option<String>| {
            to_value(&s.as_ref().map(|s| {
                let s = s.trim().to_lowercase();
                let s = s.trim_start_matches("https://").trim_start_matches("http://").trim_start_matches("www.");
                s.trim_end_matches('/').to_string()
            }))
        };
        let address = |a: &Option<sop_model::Address>| match a {
            Some(a) if a.street.is_some() || a.postcode.is_some() || a.city.is_some() => json!({
                "street": a.street,
                "postcode": a.postcode.as_ref().map(|p| p.replace(' ', "").to_uppercase()),
                "city": a.city,
            }),
            Some(a) => json!({ "raw": a.raw }),
            None => Value::Null,
        };
        let f = "school";
        self.scalar_cmp(
            f,
            Some("name"),
            &member_label(f, "name"),
            (text(&o.name), text(&o.name)),
            (text(&n.name), text(&n.name)),
        );
        self.scalar(f, Some("sector"), &member_label(f, "sector"), to_value(&o.sector), to_value(&n.sector));
        self.scalar_cmp(
            f,
            Some("brin"),
            &member_label(f, "brin"),
            (text(&o.brin), lower(&o.brin)),
            (text(&n.brin), lower(&n.brin)),
        );
        self.scalar_cmp(
            f,
            Some("address"),
            &member_label(f, "address"),
            (to_value(&o.address), address(&o.address)),
            (to_value(&n.address), address(&n.address)),
        );
        self.scalar_cmp(
            f,
            Some("phone"),
            &member_label(f, "phone"),
            (text(&o.phone), digits(&o.phone)),
            (text(&n.phone), digits(&n.phone)),
        );
        self.scalar_cmp(
            f,
            Some("email"),
            &member_label(f, "email"),
            (text(&o.email), lower(&o.email)),
            (text(&n.email), lower(&n.email)),
        );
        self.scalar_cmp(
            f,
            Some("website"),
            &member_label(f, "website"),
            (text(&o.website), site(&o.website)),
            (text(&n.website), site(&n.website)),
        );
        for m in ["board", "swv", "location"] {
            let get = |s: &sop_model::School| match m {
                "board" => text(&s.board),
                "swv" => text(&s.swv),
                _ => text(&s.location),
            };
            self.scalar(f, Some(m), &member_label(f, m), get(o), get(n));
        }
        // `levels` is the union of the two lists below: comparing it too would
        // report one change twice.
        self.scalar(
            f,
            Some("levels_lower"),
            &member_label(f, "levels_lower"),
            to_value(&o.levels_lower),
            to_value(&n.levels_lower),
        );
        self.scalar(
            f,
            Some("levels_upper"),
            &member_label(f, "levels_upper"),
            to_value(&o.levels_upper),
            to_value(&n.levels_upper),
        );
    }

    fn governance(&mut self, old: &Record, new: &Record) {
        let (o, n) = (&old.governance, &new.governance);
        let f = "governance";
        // A date is compared as a date when both sides give one, so that
        // "12-12-2023" and "12 december 2023" are the same.
        fn when(date: &Option<String>, raw: &Option<String>) -> Value {
            match date {
                Some(d) => json!(d),
                None => to_value(raw),
            }
        }
        let drafted = |d: &Option<sop_model::Drafted>| {
            d.as_ref().map_or(Value::Null, |d| json!({ "date": when(&d.date, &d.raw), "by": d.by }))
        };
        let signed = |s: &Option<sop_model::Signed>| {
            s.as_ref().map_or(Value::Null, |s| json!({ "date": when(&s.date, &s.raw), "chair": s.chair }))
        };
        self.scalar_cmp(
            f,
            Some("drafted"),
            &member_label(f, "drafted"),
            (to_value(&o.drafted), drafted(&o.drafted)),
            (to_value(&n.drafted), drafted(&n.drafted)),
        );
        self.scalar(f, Some("director"), &member_label(f, "director"), to_value(&o.director), to_value(&n.director));
        self.scalar_cmp(
            f,
            Some("mr_advice"),
            &member_label(f, "mr_advice"),
            (to_value(&o.mr_advice), signed(&o.mr_advice)),
            (to_value(&n.mr_advice), signed(&n.mr_advice)),
        );
        self.scalar_cmp(
            f,
            Some("board_adoption"),
            &member_label(f, "board_adoption"),
            (to_value(&o.board_adoption), signed(&o.board_adoption)),
            (to_value(&n.board_adoption), signed(&n.board_adoption)),
        );
        self.scalar(
            f,
            Some("filled_in"),
            &member_label(f, "filled_in"),
            to_value(&o.filled_in),
            to_value(&n.filled_in),
        );
        self.scalar(
            f,
            Some("valid_for"),
            &member_label(f, "valid_for"),
            to_value(&o.valid_for),
            to_value(&n.valid_for),
        );
    }

    fn support_structure(&mut self, old: &Record, new: &Record) {
        let (o, n) = (&old.support_structure, &new.support_structure);
        let f = "support_structure";
        self.free_text(f, Some("text"), &member_label(f, "text"), o.text.as_deref(), n.text.as_deref());

        let levels = |s: &sop_model::SupportStructure| {
            let mut m: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
            for l in &s.levels {
                m.entry(l.level).or_default().push(&l.text);
            }
            m.into_iter().map(|(k, v)| (k, v.join(" "))).collect::<BTreeMap<_, _>>()
        };
        let (ol, nl) = (levels(o), levels(n));
        let all: std::collections::BTreeSet<u32> = ol.keys().chain(nl.keys()).copied().collect();
        for level in all {
            let key = format!("levels/{level}");
            let label = sop_i18n::t!("diff-level", level = level.to_string());
            self.free_text(
                f,
                Some(&key),
                &label,
                ol.get(&level).map(String::as_str),
                nl.get(&level).map(String::as_str),
            );
        }

        let (ot, nt): (Vec<Value>, Vec<Value>) =
            (o.team.iter().map(to_value).collect(), n.team.iter().map(to_value).collect());
        // The member's name is the value; "Orthopedagoog: Orthopedagoog" would
        // say it twice.
        self.keyless_rows(f, "team", &ot, &nt, |_| member_label(f, "team"));

        self.scalar(
            f,
            Some("meetings_per_year"),
            &member_label(f, "meetings_per_year"),
            to_value(&o.meetings_per_year),
            to_value(&n.meetings_per_year),
        );
    }

    /// Rows matched by `key` (the n-th row of a key with the n-th, should a
    /// record hold a key twice).
    fn keyed<T, F>(&mut self, field: &str, old: &[T], new: &[T], id: F)
    where
        T: Serialize,
        F: Fn(&T) -> (&String, &String),
    {
        if !self.applies(field) {
            return;
        }
        let occurrences = |rows: &[T]| {
            let mut seen: HashMap<String, usize> = HashMap::new();
            rows.iter()
                .map(|r| {
                    let k = id(r).0.clone();
                    let n = seen.entry(k.clone()).or_default();
                    *n += 1;
                    (k, *n)
                })
                .collect::<Vec<_>>()
        };
        let (ok, nk) = (occurrences(old), occurrences(new));
        let old_at: HashMap<&(String, usize), usize> = ok.iter().enumerate().map(|(i, k)| (k, i)).collect();
        let new_keys: std::collections::HashSet<&(String, usize)> = nk.iter().collect();
        for (j, k) in nk.iter().enumerate() {
            let n = &new[j];
            match old_at.get(k) {
                Some(&i) => {
                    let (ov, nv) = (to_value(&old[i]), to_value(n));
                    if canon(&ov) != canon(&nv) {
                        self.push(field, Some(k.0.clone()), id(n).1.clone(), ChangeKind::Changed, ov, nv);
                    }
                }
                None => {
                    self.push(field, Some(k.0.clone()), id(n).1.clone(), ChangeKind::Added, Value::Null, to_value(n))
                }
            }
        }
        for (i, k) in ok.iter().enumerate() {
            if !new_keys.contains(k) {
                let o = &old[i];
                self.push(field, Some(k.0.clone()), id(o).1.clone(), ChangeKind::Removed, to_value(o), Value::Null);
            }
        }
    }

    /// Rows without a key that are either there or not (team members):
    /// matched by their canonical text.
    fn keyless_rows(&mut self, field: &str, key: &str, old: &[Value], new: &[Value], label: impl Fn(&Value) -> String) {
        if !self.applies(field) {
            return;
        }
        let pairs = pair_rows(old, new, canon, |_, _| None, |_, _| false);
        for p in pairs {
            match p {
                Pair::Same => {}
                Pair::Changed(i, j) => self.push(
                    field,
                    Some(key.to_string()),
                    label(&new[j]),
                    ChangeKind::Changed,
                    old[i].clone(),
                    new[j].clone(),
                ),
                Pair::Added(j) => self.push(
                    field,
                    Some(key.to_string()),
                    label(&new[j]),
                    ChangeKind::Added,
                    Value::Null,
                    new[j].clone(),
                ),
                Pair::Removed(i) => self.push(
                    field,
                    Some(key.to_string()),
                    label(&old[i]),
                    ChangeKind::Removed,
                    old[i].clone(),
                    Value::Null,
                ),
            }
        }
    }

    /// Rows of free text without a key (ambitions, limits, unmapped text):
    /// equal texts match; then texts in the same group (category, heading)
    /// that are at least half the same words pair up as edited.
    #[allow(clippy::too_many_arguments)]
    fn text_rows(
        &mut self,
        field: &str,
        key: Option<&str>,
        old: &[Value],
        new: &[Value],
        group: impl Fn(&Value) -> Value,
        text_of: impl Fn(&Value) -> String,
        label: impl Fn(&Value) -> String,
        pair_same_group: bool,
    ) {
        let group = &group;
        if !self.applies(field) {
            return;
        }
        let exact = |v: &Value| json!([canon(&group(v)), text::canonical(&text_of(v))]);
        let similar = |a: &Value, b: &Value| {
            if canon(&group(a)) != canon(&group(b)) {
                return None;
            }
            let s = text::similarity(&text_of(a), &text_of(b));
            (s >= 0.5).then_some(s)
        };
        let fallback =
            |a: &Value, b: &Value| pair_same_group && !is_empty(&group(a)) && canon(&group(a)) == canon(&group(b));
        let pairs = pair_rows(old, new, exact, similar, fallback);
        for p in pairs {
            let key = key.map(str::to_string);
            match p {
                Pair::Same => {}
                Pair::Changed(i, j) => {
                    let (ot, nt) = (text_of(&old[i]), text_of(&new[j]));
                    self.out.push(Change {
                        field: field.to_string(),
                        key,
                        label: label(&new[j]),
                        change: ChangeKind::Changed,
                        old: old[i].clone(),
                        new: new[j].clone(),
                        similarity: Some(text::similarity(&ot, &nt)),
                        hunks: Some(text::hunks(&ot, &nt)),
                    });
                }
                Pair::Added(j) => self.out.push(Change {
                    field: field.to_string(),
                    key,
                    label: label(&new[j]),
                    change: ChangeKind::Added,
                    old: Value::Null,
                    new: new[j].clone(),
                    similarity: Some(0.0),
                    hunks: Some(text::hunks("", &text_of(&new[j]))),
                }),
                Pair::Removed(i) => self.out.push(Change {
                    field: field.to_string(),
                    key,
                    label: label(&old[i]),
                    change: ChangeKind::Removed,
                    old: old[i].clone(),
                    new: Value::Null,
                    similarity: Some(0.0),
                    hunks: Some(text::hunks(&text_of(&old[i]), "")),
                }),
            }
        }
    }

    fn limits(&mut self, old: &Record, new: &Record) {
        let f = "limits";
        self.free_text(
            f,
            Some("text"),
            &member_label(f, "text"),
            old.limits.text.as_deref(),
            new.limits.text.as_deref(),
        );
        let rows = |r: &Record| r.limits.items.iter().map(to_value).collect::<Vec<_>>();
        self.text_rows(
            f,
            Some("items"),
            &rows(old),
            &rows(new),
            |v| v["category"].clone(),
            |v| v["text"].as_str().unwrap_or_default().to_string(),
            |v| v["category"].as_str().map_or_else(|| member_label(f, "items"), str::to_string),
            false,
        );
    }

    fn ambitions(&mut self, old: &Record, new: &Record) {
        let rows = |r: &Record| r.ambitions.iter().map(to_value).collect::<Vec<_>>();
        self.text_rows(
            "ambitions",
            None,
            &rows(old),
            &rows(new),
            |_| Value::Null,
            |v| v.as_str().unwrap_or_default().to_string(),
            |_| member_label("ambitions", "item"),
            false,
        );
    }

    fn finance(&mut self, old: &Record, new: &Record) {
        let f = "finance";
        if !self.applies(f) {
            return;
        }
        self.free_text(
            f,
            Some("text"),
            &member_label(f, "text"),
            old.finance.text.as_deref(),
            new.finance.text.as_deref(),
        );
        let rows = |r: &Record| r.finance.amounts.iter().map(to_value).collect::<Vec<_>>();
        let (o, n) = (rows(old), rows(new));
        // Amounts have no identity beyond their value: equal ones match, the
        // rest pair up in document order (the first changed amount with the
        // first), and what is left was added or removed.
        let exact = |v: &Value| json!([v["eur"], canon(&v["period"])]);
        let label = member_label(f, "amounts");
        for p in pair_rows(&o, &n, exact, |_, _| None, |_, _| true) {
            match p {
                Pair::Same => {}
                Pair::Changed(i, j) => {
                    self.push(f, Some("amounts".into()), label.clone(), ChangeKind::Changed, o[i].clone(), n[j].clone())
                }
                Pair::Added(j) => {
                    self.push(f, Some("amounts".into()), label.clone(), ChangeKind::Added, Value::Null, n[j].clone())
                }
                Pair::Removed(i) => {
                    self.push(f, Some("amounts".into()), label.clone(), ChangeKind::Removed, o[i].clone(), Value::Null)
                }
            }
        }
    }

    fn evaluation(&mut self, old: &Record, new: &Record) {
        let f = "evaluation";
        if !self.applies(f) {
            return;
        }
        self.free_text(
            f,
            Some("text"),
            &member_label(f, "text"),
            old.evaluation.text.as_deref(),
            new.evaluation.text.as_deref(),
        );
        self.scalar(
            f,
            Some("date"),
            &member_label(f, "date"),
            to_value(&old.evaluation.date),
            to_value(&new.evaluation.date),
        );
    }

    /// Fixed template text is reported only where a school edited it: a
    /// section whose `standard` flag differs, or an edited section only one
    /// side has (same template only: another template has other sections).
    fn boilerplate(&mut self, old: &Record, new: &Record) {
        let f = "boilerplate";
        fn index(r: &Record) -> BTreeMap<String, &sop_model::Boilerplate> {
            r.boilerplate.iter().map(|b| (slug(&b.section), b)).collect()
        }
        let (o, n) = (index(old), index(new));
        let same_template = self.old_family == self.new_family;
        for b in &new.boilerplate {
            let k = slug(&b.section);
            match o.get(&k) {
                Some(ob) if ob.standard != b.standard => {
                    self.push(f, Some(k), b.section.clone(), ChangeKind::Changed, to_value(*ob), to_value(b))
                }
                Some(_) => {}
                None if same_template && !b.standard => {
                    self.push(f, Some(k), b.section.clone(), ChangeKind::Added, Value::Null, to_value(b))
                }
                None => {}
            }
        }
        for b in &old.boilerplate {
            let k = slug(&b.section);
            if !n.contains_key(&k) && same_template && !b.standard {
                self.push(f, Some(k), b.section.clone(), ChangeKind::Removed, to_value(b), Value::Null);
            }
        }
    }

    fn unmapped(&mut self, old: &Record, new: &Record) {
        // The page a text was found on is where, not what.
        let rows =
            |r: &Record| r.unmapped.iter().map(|u| json!({ "heading": u.heading, "text": u.text })).collect::<Vec<_>>();
        self.text_rows(
            "unmapped",
            None,
            &rows(old),
            &rows(new),
            |v| v["heading"].clone(),
            |v| v["text"].as_str().unwrap_or_default().to_string(),
            |v| v["heading"].as_str().map_or_else(|| member_label("unmapped", "item"), str::to_string),
            true,
        );
    }
}

enum Pair {
    Same,
    Changed(usize, usize),
    Added(usize),
    Removed(usize),
}

/// Pairs rows without a key, symmetrically in old and new:
/// 1. rows with equal `exact` keys, the n-th occurrence with the n-th;
/// 2. rows `similar` says are alike, most alike first;
/// 3. what is left, in document order, where `fallback` allows it;
///
/// and returns them in new-document order, then the removed in old order.
fn pair_rows(
    old: &[Value],
    new: &[Value],
    exact: impl Fn(&Value) -> Value,
    similar: impl Fn(&Value, &Value) -> Option<f64>,
    fallback: impl Fn(&Value, &Value) -> bool,
) -> Vec<Pair> {
    let mut old_of_new: Vec<Option<(usize, bool)>> = vec![None; new.len()];
    let mut used_old = vec![false; old.len()];

    let ok: Vec<Value> = old.iter().map(&exact).collect();
    let nk: Vec<Value> = new.iter().map(&exact).collect();
    for (j, k) in nk.iter().enumerate() {
        if let Some(i) = (0..old.len()).find(|&i| !used_old[i] && &ok[i] == k) {
            used_old[i] = true;
            old_of_new[j] = Some((i, false));
        }
    }

    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (j, n) in new.iter().enumerate() {
        if old_of_new[j].is_some() {
            continue;
        }
        for (i, o) in old.iter().enumerate() {
            if !used_old[i] {
                if let Some(s) = similar(o, n) {
                    candidates.push((s, i, j));
                }
            }
        }
    }
    // Most alike first; ties broken by position the same way whichever side
    // is old, so that diff(b, a) mirrors diff(a, b).
    candidates
        .sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1 + a.2).cmp(&(b.1 + b.2))).then(a.1.min(a.2).cmp(&b.1.min(b.2))));
    for (_, i, j) in candidates {
        if !used_old[i] && old_of_new[j].is_none() {
            used_old[i] = true;
            old_of_new[j] = Some((i, true));
        }
    }

    for j in 0..new.len() {
        if old_of_new[j].is_some() {
            continue;
        }
        if let Some(i) = (0..old.len()).find(|&i| !used_old[i] && fallback(&old[i], &new[j])) {
            used_old[i] = true;
            old_of_new[j] = Some((i, true));
        }
    }

    let mut out = Vec::new();
    for (j, m) in old_of_new.iter().enumerate() {
        out.push(match *m {
            Some((_, false)) => Pair::Same,
            Some((i, true)) => Pair::Changed(i, j),
            None => Pair::Added(j),
        });
    }
    for (i, used) in used_old.iter().enumerate() {
        if !used {
            out.push(Pair::Removed(i));
        }
    }
    out
}
