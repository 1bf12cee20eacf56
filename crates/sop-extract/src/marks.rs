//! Marks drawn on a page that are not text: small vector shapes (inline SVG
//! icons, drawn ticks) and small images, found by walking the page's content
//! stream with lopdf and tracking the current transformation matrix.
//!
//! Big shapes (page backgrounds, cell fills) and long thin rules (table
//! borders) are not marks; sub-paths that touch are merged so that one icon
//! is one mark. The same walk collects the page's axis-aligned *rulings*
//! (stroked lines and the edges of filled rectangles: Word, LibreOffice and
//! Chromium draw cell borders as thin filled rectangles) for the table finder.

use lopdf::{content::Content, Dictionary, Document, Object, ObjectId};
use sop_model::{Mark, MarkKind};

use crate::tables::Ruling;

/// Smallest and largest side of an icon-sized mark, in points.
const MIN_SIDE: f32 = 3.0;
const MAX_SIDE: f32 = 32.0;
/// Sub-paths within this distance of each other belong to one icon.
const MERGE_GAP: f32 = 1.0;
/// Form XObjects nested deeper than this are not followed.
const MAX_DEPTH: usize = 12;
/// Operators interpreted per page, at most; a content stream past this is cut short.
const MAX_OPS: usize = 2_000_000;

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// An axis-aligned box in PDF page space (y up).
#[derive(Debug, Clone, Copy, PartialEq)]
struct BBox {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
}

impl BBox {
    fn point(x: f32, y: f32) -> BBox {
        BBox { x0: x, y0: y, x1: x, y1: y }
    }
    fn add(&mut self, x: f32, y: f32) {
        self.x0 = self.x0.min(x);
        self.y0 = self.y0.min(y);
        self.x1 = self.x1.max(x);
        self.y1 = self.y1.max(y);
    }
    fn union(&self, o: &BBox) -> BBox {
        BBox { x0: self.x0.min(o.x0), y0: self.y0.min(o.y0), x1: self.x1.max(o.x1), y1: self.y1.max(o.y1) }
    }
    fn w(&self) -> f32 {
        self.x1 - self.x0
    }
    fn h(&self) -> f32 {
        self.y1 - self.y0
    }
    fn near(&self, o: &BBox, gap: f32) -> bool {
        self.x0 <= o.x1 + gap && o.x0 <= self.x1 + gap && self.y0 <= o.y1 + gap && o.y0 <= self.y1 + gap
    }
    /// Could this be (part of) an icon? Rules and big areas cannot.
    fn icon_part(&self) -> bool {
        let (w, h) = (self.w(), self.h());
        let (small, big) = (w.min(h), w.max(h));
        big <= MAX_SIDE && !(small < 1.0 && big > 6.0)
    }
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    fill_white: bool,
    stroke_white: bool,
    /// Line width in user space (`w`).
    line_width: f32,
    /// Bytes per character code of the current font (`Tf`): 1 for a simple
    /// font, 2 for a composite font with an Identity encoding; `None` when
    /// unknown (no `Tf` yet, or a composite font with another CMap).
    code_bytes: Option<usize>,
}

/// One sub-path as drawn: its box in page space, whether it has curves, and
/// its straight segments (page space, PDF orientation) for rulings.
#[derive(Clone)]
struct Sub {
    bbox: BBox,
    curved: bool,
    segs: Vec<[f32; 4]>,
    start: (f32, f32),
    /// Drawn with `re`: a rectangle whatever its segments say.
    rect: bool,
}

impl Sub {
    fn at(x: f32, y: f32) -> Sub {
        Sub { bbox: BBox::point(x, y), curved: false, segs: Vec::new(), start: (x, y), rect: false }
    }
}

/// Rulings shorter than this are not kept (pdfplumber's `edge_min_length`
/// is applied after joining; tiny corner squares still help joining).
const MIN_RULING: f32 = 0.3;
/// A filled rectangle at most this thick is one ruling along its middle.
const THIN_FILL: f32 = 2.0;
/// A stroke wider than this is no cell border.
const MAX_RULE_WIDTH: f32 = 4.0;
/// Most rulings kept per page (a page of hatching is no table).
const MAX_RULINGS: usize = 20_000;

struct Walker<'a> {
    doc: &'a Document,
    shapes: Vec<BBox>,
    /// Axis-aligned rulings in PDF page space: `(horizontal, pos, from, to, width)`.
    rulings: Vec<(bool, f32, f32, f32, f32)>,
    images: Vec<BBox>,
    ops: usize,
    forms: Vec<ObjectId>,
    warnings: Vec<sop_i18n::Coded>,
    /// The page's number, for the warnings.
    page: u32,
    max_stream: usize,
    /// Marked-content stack (`BDC`/`BMC` … `EMC`): the `MCID` of each level, if any.
    marked: Vec<Option<i64>>,
    /// The marked-content id around each character code shown, in the order
    /// pdf-extract reports them (`Tj`/`TJ` strings, form XObjects followed).
    glyph_mcids: McidRuns,
    /// Whether `glyph_mcids` can be trusted: every string was shown in a
    /// known font and the walk was not cut short.
    glyphs_counted: bool,
}

/// What the walk of one page found.
pub(crate) struct PageDrawing {
    pub marks: Vec<Mark>,
    /// Axis-aligned rulings, top-left origin.
    pub rulings: Vec<Ruling>,
    /// Notes on what could not be read.
    pub warnings: Vec<sop_i18n::Coded>,
    /// The marked-content id (tagged PDF) of each character code shown on the
    /// page, in content order; `None` when the codes could not be counted.
    pub glyph_mcids: Option<McidRuns>,
}

/// The marked-content id of each character code a page shows, as runs of
/// codes with the same id: memory by the number of strings shown, not by
/// the number of characters (a hostile page may show millions).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct McidRuns {
    /// `(first code, id)`, in order.
    starts: Vec<(usize, Option<i64>)>,
    /// How many codes were shown.
    pub total: usize,
}

impl McidRuns {
    fn push(&mut self, count: usize, mcid: Option<i64>) {
        if count == 0 {
            return;
        }
        if self.starts.last().is_none_or(|&(_, last)| last != mcid) {
            self.starts.push((self.total, mcid));
        }
        self.total += count;
    }

    /// The id of code `seq`.
    pub(crate) fn at(&self, seq: usize) -> Option<i64> {
        if seq >= self.total {
            return None;
        }
        let i = self.starts.partition_point(|&(start, _)| start <= seq);
        self.starts.get(i.checked_sub(1)?)?.1
    }
}

/// The marks and rulings on one page plus notes on what could not be read.
/// `page_box` is the MediaBox `[llx, lly, urx, ury]`.
/// `content` is the page's unpacked content (`None` when it could not be read;
/// the caller has said so). With `count_glyphs` (a tagged document) the walk
/// also counts the character codes each marked-content sequence shows
/// ([`PageDrawing::glyph_mcids`]); without, it leaves text operators alone.
pub(crate) fn page_marks(
    doc: &Document,
    page_id: ObjectId,
    page_box: [f32; 4],
    max_stream: usize,
    content: Option<&[u8]>,
    page: u32,
    count_glyphs: bool,
) -> PageDrawing {
    let mut w = Walker {
        page,
        doc,
        shapes: Vec::new(),
        rulings: Vec::new(),
        images: Vec::new(),
        ops: 0,
        forms: Vec::new(),
        warnings: Vec::new(),
        max_stream,
        marked: Vec::new(),
        glyph_mcids: McidRuns::default(),
        glyphs_counted: count_glyphs && content.is_some(),
    };
    let resources = page_resources(doc, page_id);
    if let Some(bytes) = content {
        let state = State { ctm: IDENTITY, fill_white: false, stroke_white: false, line_width: 1.0, code_bytes: None };
        w.run(bytes, &resources, state, 0);
    }
    let [llx, _, _, ury] = page_box;
    let to_mark =
        |b: &BBox, kind: MarkKind| Mark { kind, x: b.x0 - llx, y: ury - b.y1, width: b.w(), height: b.h(), text: None };
    let mut marks: Vec<Mark> =
        merge(w.shapes).iter().filter(|b| icon_sized(b)).map(|b| to_mark(b, MarkKind::Shape)).collect();
    marks.extend(w.images.iter().filter(|b| icon_sized(b)).map(|b| to_mark(b, MarkKind::Image)));
    let rulings = w
        .rulings
        .iter()
        .map(|&(horizontal, pos, from, to, width)| {
            if horizontal {
                Ruling { horizontal, pos: ury - pos, start: from - llx, end: to - llx, width }
            } else {
                Ruling { horizontal, pos: pos - llx, start: ury - to, end: ury - from, width }
            }
        })
        .collect();
    let glyph_mcids = w.glyphs_counted.then_some(w.glyph_mcids);
    PageDrawing { marks, rulings, warnings: w.warnings, glyph_mcids }
}

/// A sub-path of straight segments that are all horizontal or vertical (a
/// rectangle drawn with `m l l l h`, as Chromium does).
fn axis_aligned(s: &Sub) -> bool {
    !s.segs.is_empty() && s.segs.iter().all(|[x0, y0, x1, y1]| (x1 - x0).abs() < 0.5 || (y1 - y0).abs() < 0.5)
}

fn icon_sized(b: &BBox) -> bool {
    let (w, h) = (b.w(), b.h());
    (MIN_SIDE..=MAX_SIDE).contains(&w) && (MIN_SIDE..=MAX_SIDE).contains(&h) && w.max(h) <= 4.0 * w.min(h)
}

/// Merges boxes that touch until none do; output sorted top to bottom, left to right.
fn merge(mut boxes: Vec<BBox>) -> Vec<BBox> {
    let mut changed = true;
    while changed {
        changed = false;
        let mut out: Vec<BBox> = Vec::with_capacity(boxes.len());
        for b in boxes {
            if let Some(m) = out.iter_mut().find(|m| m.near(&b, MERGE_GAP) && m.union(&b).icon_part()) {
                *m = m.union(&b);
                changed = true;
            } else {
                out.push(b);
            }
        }
        boxes = out;
    }
    boxes.sort_by(|a, b| b.y1.total_cmp(&a.y1).then(a.x0.total_cmp(&b.x0)));
    boxes
}

/// The resource dictionaries of a page, nearest first (inherited ones after).
fn page_resources(doc: &Document, page_id: ObjectId) -> Vec<Dictionary> {
    let mut out = Vec::new();
    if let Ok((own, inherited)) = doc.get_page_resources(page_id) {
        if let Some(d) = own {
            out.push(d.clone());
        }
        for id in inherited {
            if let Ok(d) = doc.get_dictionary(id) {
                out.push(d.clone());
            }
        }
    }
    out
}

fn num(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
    .filter(|v| v.is_finite())
}

fn nums(ops: &[Object]) -> Vec<f32> {
    ops.iter().filter_map(num).collect()
}

/// A colour operand list that paints white (invisible on paper).
fn is_white(ops: &[Object], cmyk: bool) -> bool {
    let v = nums(ops);
    if v.is_empty() || v.len() != ops.len() {
        return false;
    }
    if cmyk || v.len() == 4 {
        v.iter().all(|c| *c <= 0.0)
    } else {
        v.iter().all(|c| *c >= 1.0)
    }
}

impl Walker<'_> {
    fn run(&mut self, bytes: &[u8], resources: &[Dictionary], mut gs: State, depth: usize) {
        let content = match Content::decode(bytes) {
            Ok(c) => c,
            Err(e) => {
                self.warnings.push(sop_i18n::notice!("drawing-unreadable", page = self.page, detail = e.to_string()));
                self.glyphs_counted = false;
                return;
            }
        };
        let mut stack: Vec<State> = Vec::new();
        let mut subpaths: Vec<Sub> = Vec::new();
        let mut current: Option<Sub> = None;
        let mut last = (0.0f32, 0.0f32);
        for op in &content.operations {
            self.ops += 1;
            if self.ops > MAX_OPS {
                self.warnings.push(sop_i18n::notice!("drawing-too-long", page = self.page));
                self.glyphs_counted = false;
                return;
            }
            let o = &op.operands;
            // Only path and matrix operators use their numbers; text
            // operators (most of a page) need no list of them.
            let n = if matches!(op.operator.as_str(), "cm" | "m" | "l" | "c" | "v" | "y" | "re" | "w") {
                nums(o)
            } else {
                Vec::new()
            };
            match op.operator.as_str() {
                "q" => stack.push(gs.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                "cm" if n.len() == 6 => {
                    let m = [n[0], n[1], n[2], n[3], n[4], n[5]];
                    gs.ctm = mul(&m, &gs.ctm);
                }
                "w" if n.len() == 1 => gs.line_width = n[0].abs(),
                "g" | "rg" | "sc" | "scn" => gs.fill_white = is_white(o, false),
                "k" => gs.fill_white = is_white(o, true),
                "G" | "RG" | "SC" | "SCN" => gs.stroke_white = is_white(o, false),
                "K" => gs.stroke_white = is_white(o, true),
                "cs" => gs.fill_white = false,
                "CS" => gs.stroke_white = false,
                "m" if n.len() == 2 => {
                    if let Some(b) = current.take() {
                        subpaths.push(b);
                    }
                    let (x, y) = apply(&gs.ctm, n[0], n[1]);
                    current = Some(Sub::at(x, y));
                    last = (n[0], n[1]);
                }
                "l" if n.len() == 2 => {
                    let (x, y) = apply(&gs.ctm, n[0], n[1]);
                    let (lx, ly) = apply(&gs.ctm, last.0, last.1);
                    let sub = current.get_or_insert_with(|| Sub::at(lx, ly));
                    sub.bbox.add(x, y);
                    sub.segs.push([lx, ly, x, y]);
                    last = (n[0], n[1]);
                }
                "c" | "v" | "y" if n.len() >= 4 => {
                    // The control points bound the curve: a slightly larger box is fine for icons.
                    for pair in n.chunks(2) {
                        if pair.len() == 2 {
                            let (x, y) = apply(&gs.ctm, pair[0], pair[1]);
                            let sub = current.get_or_insert_with(|| Sub::at(x, y));
                            sub.bbox.add(x, y);
                            sub.curved = true;
                        }
                    }
                    last = (n[n.len() - 2], n[n.len() - 1]);
                }
                "h" => {
                    if let Some(sub) = current.as_mut() {
                        let (lx, ly) = apply(&gs.ctm, last.0, last.1);
                        let (sx, sy) = sub.start;
                        if (lx - sx).abs() > 0.01 || (ly - sy).abs() > 0.01 {
                            sub.segs.push([lx, ly, sx, sy]);
                        }
                    }
                }
                "re" if n.len() == 4 => {
                    if let Some(b) = current.take() {
                        subpaths.push(b);
                    }
                    let corners: Vec<(f32, f32)> = [(0.0, 0.0), (n[2], 0.0), (n[2], n[3]), (0.0, n[3])]
                        .iter()
                        .map(|(dx, dy)| apply(&gs.ctm, n[0] + dx, n[1] + dy))
                        .collect();
                    let mut sub = Sub::at(corners[0].0, corners[0].1);
                    sub.rect = true;
                    for i in 0..4 {
                        let (a, b) = (corners[i], corners[(i + 1) % 4]);
                        sub.bbox.add(b.0, b.1);
                        sub.segs.push([a.0, a.1, b.0, b.1]);
                    }
                    subpaths.push(sub);
                    last = (n[0], n[1]);
                }
                "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "n" => {
                    if let Some(b) = current.take() {
                        subpaths.push(b);
                    }
                    let fills = !matches!(op.operator.as_str(), "S" | "s" | "n");
                    let strokes = matches!(op.operator.as_str(), "S" | "s" | "B" | "B*" | "b" | "b*");
                    let visible = (fills && !gs.fill_white) || (strokes && !gs.stroke_white);
                    if visible {
                        self.shapes.extend(subpaths.iter().map(|s| s.bbox).filter(BBox::icon_part));
                    }
                    let width = gs.line_width * gs.ctm[0].hypot(gs.ctm[1]).max(gs.ctm[2].hypot(gs.ctm[3]));
                    // A stroke wider than a border is a painted area (Word draws check boxes so).
                    if strokes && !gs.stroke_white && width <= MAX_RULE_WIDTH {
                        for sub in &subpaths {
                            for s in &sub.segs {
                                self.add_ruling(s, width);
                            }
                        }
                    } else if fills && !gs.fill_white {
                        for sub in subpaths.iter().filter(|s| !s.curved && (s.rect || axis_aligned(s))) {
                            self.add_filled_rect(&sub.bbox);
                        }
                    }
                    subpaths.clear();
                }
                "Do" => {
                    if let Some(Object::Name(name)) = o.first() {
                        self.xobject(name, resources, &gs, depth);
                    }
                }
                // Text and marked content: only while the glyphs are counted.
                _ if !self.glyphs_counted => {}
                "BMC" => self.marked.push(None),
                "BDC" => {
                    let mcid = o.get(1).and_then(|p| self.mcid_of(p, resources));
                    self.marked.push(mcid);
                }
                "EMC" => {
                    self.marked.pop();
                }
                "Tf" => {
                    gs.code_bytes = o.first().and_then(|n| n.as_name().ok()).and_then(|n| self.code_bytes(n, resources))
                }
                "Tj" => match o.first() {
                    Some(Object::String(s, _)) => self.show(s, gs.code_bytes),
                    _ => self.glyphs_counted = false,
                },
                "TJ" => match o.first() {
                    Some(Object::Array(items)) => {
                        for item in items {
                            if let Object::String(s, _) = item {
                                self.show(s, gs.code_bytes);
                            }
                        }
                    }
                    _ => self.glyphs_counted = false,
                },
                _ => {}
            }
        }
    }

    /// One shown string: one entry per character code, as pdf-extract
    /// splits it (a composite font's trailing odd byte is no code).
    fn show(&mut self, s: &[u8], code_bytes: Option<usize>) {
        let Some(n) = code_bytes else {
            self.glyphs_counted = false;
            return;
        };
        let mcid = self.marked.iter().rev().find_map(|m| *m);
        self.glyph_mcids.push(s.len() / n, mcid);
    }

    /// The `MCID` of a `BDC` property list: inline, or named in the resources' `/Properties`.
    fn mcid_of(&self, props: &Object, resources: &[Dictionary]) -> Option<i64> {
        let dict = match props {
            Object::Dictionary(d) => d,
            Object::Name(name) => resources.iter().find_map(|r| {
                let all = r.get_deref(b"Properties", self.doc).ok()?.as_dict().ok()?;
                self.doc.dereference(all.get(name).ok()?).ok()?.1.as_dict().ok()
            })?,
            _ => return None,
        };
        dict.get(b"MCID").ok()?.as_i64().ok()
    }

    /// Bytes per character code of the font named `name` in the resources
    /// (see [`State::code_bytes`]).
    fn code_bytes(&self, name: &[u8], resources: &[Dictionary]) -> Option<usize> {
        let font = resources.iter().find_map(|r| {
            let fonts = r.get_deref(b"Font", self.doc).ok()?.as_dict().ok()?;
            self.doc.dereference(fonts.get(name).ok()?).ok()?.1.as_dict().ok()
        })?;
        if font.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
            return Some(1);
        }
        match font.get(b"Encoding").and_then(Object::as_name) {
            Ok(b"Identity-H" | b"Identity-V") => Some(2),
            _ => None,
        }
    }

    fn add_ruling(&mut self, s: &[f32; 4], width: f32) {
        if self.rulings.len() >= MAX_RULINGS {
            return;
        }
        let [x0, y0, x1, y1] = *s;
        if (y1 - y0).abs() < 0.5 && (x1 - x0).abs() >= MIN_RULING {
            self.rulings.push((true, (y0 + y1) / 2.0, x0.min(x1), x0.max(x1), width));
        } else if (x1 - x0).abs() < 0.5 && (y1 - y0).abs() >= MIN_RULING {
            self.rulings.push((false, (x0 + x1) / 2.0, y0.min(y1), y0.max(y1), width));
        }
    }

    /// A filled rectangle: a thin one is one ruling along its middle (a
    /// border). A larger one (a cell's or a line's background shading) gives
    /// none: Word shades each text line of a cell inside the cell's padding,
    /// and those sides would split rows and columns that are not there.
    fn add_filled_rect(&mut self, b: &BBox) {
        let (w, h) = (b.w(), b.h());
        if w <= THIN_FILL && h <= THIN_FILL {
            // A corner square joins the borders that meet in it.
            self.add_ruling(&[b.x0, (b.y0 + b.y1) / 2.0, b.x1, (b.y0 + b.y1) / 2.0], h);
            self.add_ruling(&[(b.x0 + b.x1) / 2.0, b.y0, (b.x0 + b.x1) / 2.0, b.y1], w);
        } else if h <= THIN_FILL {
            self.add_ruling(&[b.x0, (b.y0 + b.y1) / 2.0, b.x1, (b.y0 + b.y1) / 2.0], h);
        } else if w <= THIN_FILL {
            self.add_ruling(&[(b.x0 + b.x1) / 2.0, b.y0, (b.x0 + b.x1) / 2.0, b.y1], w);
        }
    }

    fn xobject(&mut self, name: &[u8], resources: &[Dictionary], gs: &State, depth: usize) {
        let Some((id, stream)) = resources.iter().find_map(|r| {
            let xobjects = r.get_deref(b"XObject", self.doc).ok()?.as_dict().ok()?;
            let obj = xobjects.get(name).ok()?;
            let id = obj.as_reference().ok();
            let stream = self.doc.dereference(obj).ok()?.1.as_stream().ok()?;
            Some((id, stream))
        }) else {
            return;
        };
        let subtype = stream.dict.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        if subtype == b"Image" {
            let mut b = {
                let (x, y) = apply(&gs.ctm, 0.0, 0.0);
                BBox::point(x, y)
            };
            for (x, y) in [(1.0, 0.0), (0.0, 1.0), (1.0, 1.0)] {
                let (x, y) = apply(&gs.ctm, x, y);
                b.add(x, y);
            }
            self.images.push(b);
            return;
        }
        if subtype != b"Form" {
            return;
        }
        if depth >= MAX_DEPTH || id.is_some_and(|id| self.forms.contains(&id)) {
            self.warnings.push(sop_i18n::notice!("drawing-nested", page = self.page));
            self.glyphs_counted = false;
            return;
        }
        let Ok(bytes) = stream.decompressed_content_with_limit(self.max_stream).or_else(|e| {
            if stream.dict.get(b"Filter").is_err() {
                Ok(stream.content.clone())
            } else {
                Err(e)
            }
        }) else {
            self.warnings.push(sop_i18n::notice!("drawing-part-unreadable", page = self.page));
            self.glyphs_counted = false;
            return;
        };
        let mut inner = gs.clone();
        if let Ok(m) = stream.dict.get(b"Matrix").and_then(Object::as_array) {
            let m = nums(m);
            if m.len() == 6 {
                inner.ctm = mul(&[m[0], m[1], m[2], m[3], m[4], m[5]], &gs.ctm);
            }
        }
        let mut res: Vec<Dictionary> = Vec::new();
        if let Ok(own) = stream.dict.get_deref(b"Resources", self.doc).and_then(Object::as_dict) {
            res.push(own.clone());
        }
        res.extend(resources.iter().cloned());
        if let Some(id) = id {
            self.forms.push(id);
        }
        // pdf-extract starts a form with no font; its marked content is
        // that of the `Do`, and what it leaves open ends with it.
        inner.code_bytes = None;
        let marked = self.marked.len();
        self.run(&bytes, &res, inner, depth + 1);
        self.marked.truncate(marked);
        if id.is_some() {
            self.forms.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_content_ids_are_kept_as_runs_of_codes() {
        let mut m = McidRuns::default();
        m.push(3, Some(7));
        m.push(2, Some(7));
        m.push(0, None);
        m.push(1, None);
        m.push(4, Some(8));
        assert_eq!(m.total, 10);
        assert_eq!(m.starts.len(), 3, "one run per change of id: {m:?}");
        let ids: Vec<Option<i64>> = (0..11).map(|i| m.at(i)).collect();
        let mut want = vec![Some(7); 5];
        want.push(None);
        want.extend([Some(8); 4]);
        want.push(None);
        assert_eq!(ids, want);
    }

    #[test]
    fn touching_subpaths_merge_into_one_icon_and_rules_do_not() {
        let parts = vec![
            BBox { x0: 10.0, y0: 10.0, x1: 14.0, y1: 20.0 },
            BBox { x0: 14.5, y0: 12.0, x1: 20.0, y1: 18.0 },
            // A table rule: long and thin, never an icon part.
            BBox { x0: 0.0, y0: 30.0, x1: 300.0, y1: 30.5 },
        ];
        let kept: Vec<BBox> = parts.into_iter().filter(BBox::icon_part).collect();
        let merged = merge(kept);
        assert_eq!(merged, vec![BBox { x0: 10.0, y0: 10.0, x1: 20.0, y1: 20.0 }]);
        assert!(icon_sized(&merged[0]));
    }
}
