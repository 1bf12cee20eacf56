//! The record being filled, with the bookkeeping every family's parser
//! needs: warnings, provenance of the lines a value was read from, text kept
//! under `unmapped` and fixed parts under `boilerplate` in document order.
//! A family adds its own ways of calling these as an extension trait in its
//! module (the Model reads line ranges of one
//! [`Doc`](super::doc::Doc), PoS lists of lines of its parts).

use sop_model::{Boilerplate, Layout, Origin, Record, Unmapped};

use super::doc::{provenance_of, DocLine};

pub(crate) struct Out<'r> {
    pub record: &'r mut Record,
    pub layout: &'r Layout,
    /// Whether a warning already given is given again. The Model warns once
    /// per table row, and two rows with the same label are two problems;
    /// PoS's parts may meet the same problem more than once, which is one.
    repeat_warnings: bool,
    /// Text kept by [`Out::keep`] and fixed parts, with the document
    /// position (line index) they start at, so that they are listed in
    /// document order whatever order the parts were read in.
    kept: Vec<(usize, Unmapped)>,
    boilerplate: Vec<(usize, Boilerplate)>,
}

impl<'r> Out<'r> {
    /// A builder that gives each warning once.
    pub(crate) fn new(record: &'r mut Record, layout: &'r Layout) -> Out<'r> {
        Out { record, layout, repeat_warnings: false, kept: Vec::new(), boilerplate: Vec::new() }
    }

    /// A builder that gives a warning as often as it is met.
    pub(crate) fn repeating_warnings(record: &'r mut Record, layout: &'r Layout) -> Out<'r> {
        Out { repeat_warnings: true, ..Out::new(record, layout) }
    }

    /// Adds what [`Out::keep`] and [`Out::boilerplate`] collected to the
    /// record, in document order, after what was added to it directly.
    pub(crate) fn finish(mut self) {
        self.kept.sort_by_key(|(i, _)| *i);
        self.boilerplate.sort_by_key(|(i, _)| *i);
        self.record.unmapped.extend(self.kept.drain(..).map(|(_, u)| u));
        self.record.boilerplate.extend(self.boilerplate.drain(..).map(|(_, b)| b));
    }

    /// A warning: its Dutch sentence and its code (see `sop_model::Notice`).
    pub(crate) fn warn(&mut self, w: sop_i18n::Coded) {
        if self.repeat_warnings || !self.record.warnings.contains(&w.sentence()) {
            crate::push_warning(self.record, &w);
        }
    }

    /// Records where a field or row was read: the first line's page and the
    /// lines' text, one per line. Nothing for no lines.
    pub(crate) fn prov_lines<'l>(&mut self, pointer: impl Into<String>, lines: impl IntoIterator<Item = &'l DocLine>) {
        let lines: Vec<&DocLine> = lines.into_iter().collect();
        if !lines.is_empty() {
            self.record.provenance.insert(pointer.into(), provenance_of(&lines));
        }
    }

    /// Keeps a text that fits no field, at the position of line `at`.
    pub(crate) fn keep(&mut self, at: &DocLine, heading: Option<String>, text: String) {
        if !text.is_empty() {
            self.kept.push((at.idx, Unmapped { heading, text, page: at.page }));
        }
    }

    /// Records a fixed part starting at line index `at`.
    pub(crate) fn boilerplate(&mut self, at: usize, b: Boilerplate) {
        self.boilerplate.push((at, b));
    }

    /// Whether the lines have real positions (a PDF), so that tables and
    /// marks can be read by them.
    pub(crate) fn positioned(&self) -> bool {
        self.layout.origin == Origin::Pdf
    }
}
