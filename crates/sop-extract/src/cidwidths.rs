//! A work-around for pdf-extract 0.12.1, which reads the range form
//! `c_first c_last w` of a CID font's `/W` array wrongly: it takes `c_last`
//! and `w` from the wrong entries, so that every glyph of such a range gets
//! the default width (1000). The positions of the glyphs after one of them
//! then drift: words split ("V uurvlinder"), letters swap places ("zogr" for
//! "zorg") and neighbouring cells run together. Chromium writes such ranges
//! for runs of glyphs of equal width, so browser-printed PDFs suffer most.
//!
//! The fix rewrites each range as the array form `c [w w … w]`, which
//! pdf-extract reads correctly, in pdf-extract's own copy of the document
//! (its lopdf 0.42 objects) before any page is read. Nothing else changes.

use pdf_extract::{Document, Object, ObjectId};

/// Most glyph widths one range may expand to, and all ranges of a font
/// together: a hostile `/W` cannot make the copy large.
const MAX_PER_RANGE: i64 = 65_536;
const MAX_PER_FONT: usize = 1 << 20;

/// Rewrites the `/W` ranges of every CID font; returns how many fonts changed.
pub(crate) fn fix_cid_widths(doc: &mut Document) -> usize {
    let fonts: Vec<ObjectId> = doc.objects.iter().filter(|(_, o)| is_cid_font(o)).map(|(id, _)| *id).collect();
    let mut changed = 0;
    for id in fonts {
        let Some(w) = doc.objects.get(&id).and_then(|o| o.as_dict().ok()).and_then(|d| d.get(b"W").ok()).cloned()
        else {
            continue;
        };
        match w {
            Object::Array(entries) => {
                if let Some(fixed) = rewrite(&entries) {
                    if let Some(Object::Dictionary(d)) = doc.objects.get_mut(&id) {
                        d.set("W", Object::Array(fixed));
                        changed += 1;
                    }
                }
            }
            Object::Reference(r) => {
                let fixed = doc.objects.get(&r).and_then(|o| o.as_array().ok()).and_then(|a| rewrite(a));
                if let Some(fixed) = fixed {
                    doc.objects.insert(r, Object::Array(fixed));
                    changed += 1;
                }
            }
            _ => {}
        }
    }
    changed
}

fn is_cid_font(o: &Object) -> bool {
    let Ok(d) = o.as_dict() else { return false };
    let name = |k: &[u8]| d.get(k).ok().and_then(|v| v.as_name().ok());
    name(b"Type") == Some(b"Font".as_slice())
        && matches!(name(b"Subtype"), Some(b"CIDFontType0") | Some(b"CIDFontType2"))
}

fn int(o: &Object) -> Option<i64> {
    match o {
        Object::Integer(i) => Some(*i),
        Object::Real(r) if r.fract() == 0.0 => Some(*r as i64),
        _ => None,
    }
}

/// The `/W` entries with every range in array form; `None` when there is no
/// range or the array is not as the specification says (then pdf-extract
/// gets it unchanged).
fn rewrite(w: &[Object]) -> Option<Vec<Object>> {
    let mut out = Vec::with_capacity(w.len());
    let mut expanded = 0usize;
    let mut changed = false;
    let mut i = 0;
    while i < w.len() {
        match (w.get(i), w.get(i + 1)) {
            (Some(first), Some(Object::Array(widths))) => {
                out.push(first.clone());
                out.push(Object::Array(widths.clone()));
                i += 2;
            }
            (Some(first), Some(last)) => {
                let (a, b) = (int(first)?, int(last)?);
                let width = w.get(i + 2)?;
                if !matches!(width, Object::Integer(_) | Object::Real(_)) || b < a || b - a >= MAX_PER_RANGE {
                    return None;
                }
                let n = (b - a + 1) as usize;
                expanded += n;
                if expanded > MAX_PER_FONT {
                    return None;
                }
                out.push(Object::Integer(a));
                out.push(Object::Array(vec![width.clone(); n]));
                changed = true;
                i += 3;
            }
            _ => return None,
        }
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_become_arrays_and_arrays_stay() {
        let w = vec![
            Object::Integer(3),
            Object::Array(vec![Object::Integer(250), Object::Integer(333)]),
            Object::Integer(10),
            Object::Integer(12),
            Object::Integer(500),
        ];
        let fixed = rewrite(&w).expect("a range to rewrite");
        assert_eq!(fixed[0], Object::Integer(3));
        assert_eq!(fixed[2], Object::Integer(10));
        assert_eq!(fixed[3], Object::Array(vec![Object::Integer(500); 3]));
        // Nothing to do without a range.
        assert!(rewrite(&fixed).is_none());
    }

    #[test]
    fn malformed_or_huge_ranges_are_left_alone() {
        let huge = vec![Object::Integer(0), Object::Integer(10_000_000), Object::Integer(500)];
        assert!(rewrite(&huge).is_none());
        let truncated = vec![Object::Integer(0), Object::Integer(5)];
        assert!(rewrite(&truncated).is_none());
        let backwards = vec![Object::Integer(9), Object::Integer(5), Object::Integer(500)];
        assert!(rewrite(&backwards).is_none());
    }
}
