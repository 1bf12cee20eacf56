//! OCR of pages that have no readable text layer (scans): the page is
//! rendered by poppler's `pdftoppm` to a grey image, deskewed here, and read
//! by Tesseract with the Dutch model; Tesseract's TSV output gives every word
//! with its box and confidence, which become [`Run`]s and [`Line`]s in page
//! points like the text path's, so the same parsers read scanned pages.
//!
//! Both tools run as processes (children of the extraction child, so under
//! its memory limit), each with a time limit per page: the smaller of
//! [`crate::Limits::ocr_page_timeout`] and the time left before the file's own
//! deadline. A page that overruns is killed and gets a warning; the pages
//! after it are still tried while time remains. Missing tools are one warning
//! naming the Debian packages, never an error.
//!
//! The programs are `tesseract` and `pdftoppm` from `PATH`, or the ones named
//! by [`TESSERACT_ENV`] and [`PDFTOPPM_ENV`].

use std::ffi::OsString;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lopdf::{Dictionary, Document, Object, ObjectId};
use sop_model::{Line, Mark, MarkKind, OcrInfo, Run};
use wait_timeout::ChildExt;

use crate::assemble::{join_runs, RUN_GAP_EM};
use crate::tables::Ruling;

/// Environment variable naming the Tesseract program (default `tesseract`).
pub const TESSERACT_ENV: &str = "SOP_TESSERACT";
/// Environment variable naming poppler's `pdftoppm` (default `pdftoppm`).
pub const PDFTOPPM_ENV: &str = "SOP_PDFTOPPM";

/// The Debian packages OCR needs, for messages.
pub const OCR_PACKAGES: &str = "tesseract-ocr tesseract-ocr-nld poppler-utils";

/// Rendering resolution. 300 dpi is what Tesseract is trained for.
pub(crate) const DPI: u32 = 300;
/// The longest side of a rendered page, in pixels (an A4 page at 300 dpi is
/// 3508): an oversized page is rendered at a lower resolution instead.
const MAX_SIDE_PX: f32 = 5000.0;
/// Tesseract's language.
const LANG: &str = "nld";
/// Skew angles tried, in degrees either side of level.
const MAX_SKEW: f32 = 3.0;

/// What OCR of one page gave.
pub(crate) struct PageText {
    pub lines: Vec<Line>,
    pub marks: Vec<Mark>,
    /// The table rulings found in the image, in points: the same table
    /// reader as on text pages finds the tables from them.
    pub rulings: Vec<Ruling>,
    pub info: OcrInfo,
}

/// Why a page was not read.
#[derive(Debug)]
pub(crate) enum Failure {
    /// A tool or the Dutch model is missing: no page of the file can be read.
    Missing(String),
    /// This page took longer than its limit.
    Timeout(u64),
    /// Anything else about this page.
    Other(String),
}

/// OCR for one document: the PDF written once to a temporary directory, the
/// programs, the deadline.
pub(crate) struct Ocr {
    dir: Option<tempfile::TempDir>,
    tesseract: OsString,
    pdftoppm: OsString,
    page_timeout: Duration,
    deadline: Instant,
    engine: Option<String>,
    /// Set after a [`Failure::Missing`]: later pages are not tried.
    pub missing: Option<String>,
    /// Pages not read because a tool is missing.
    pub unread: Vec<u32>,
}

impl Ocr {
    pub fn new(page_timeout: Duration, deadline: Instant) -> Ocr {
        Ocr {
            dir: None,
            tesseract: std::env::var_os(TESSERACT_ENV).unwrap_or_else(|| "tesseract".into()),
            pdftoppm: std::env::var_os(PDFTOPPM_ENV).unwrap_or_else(|| "pdftoppm".into()),
            page_timeout,
            deadline,
            engine: None,
            missing: None,
            unread: Vec::new(),
        }
    }

    /// Time this page may take: the page limit, or what is left of the file's.
    fn allowance(&self) -> Duration {
        self.page_timeout.min(self.deadline.saturating_duration_since(Instant::now()))
    }

    /// Reads page `number` (1-based) of the PDF `bytes` by OCR.
    pub fn page(&mut self, bytes: &[u8], number: u32, width_pt: f32, height_pt: f32) -> Result<PageText, Failure> {
        if let Some(why) = &self.missing {
            return Err(Failure::Missing(why.clone()));
        }
        let started = Instant::now();
        let result = self.page_inner(bytes, number, width_pt, height_pt, started);
        if let Err(Failure::Missing(why)) = &result {
            self.missing = Some(why.clone());
        }
        result
    }

    fn page_inner(
        &mut self,
        bytes: &[u8],
        number: u32,
        width_pt: f32,
        height_pt: f32,
        started: Instant,
    ) -> Result<PageText, Failure> {
        let limit = self.allowance();
        if limit < Duration::from_millis(500) {
            return Err(Failure::Timeout(self.page_timeout.as_secs()));
        }
        let page_deadline = started + limit;
        if self.dir.is_none() {
            let dir = tempfile::Builder::new()
                .prefix("sop-ocr-")
                .tempdir()
                .map_err(|e| Failure::Other(format!("no temporary directory: {e}")))?;
            std::fs::write(dir.path().join("in.pdf"), bytes)
                .map_err(|e| Failure::Other(format!("cannot write a temporary copy: {e}")))?;
            self.dir = Some(dir);
        }
        let dir = self.dir.as_ref().map(|d| d.path().to_path_buf()).unwrap_or_default();
        let longest = width_pt.max(height_pt).max(1.0);
        let dpi = (DPI as f32).min(MAX_SIDE_PX * 72.0 / longest).floor().max(36.0) as u32;
        let n = number.to_string();
        let root = dir.join("page");
        let _ = std::fs::remove_file(dir.join("page.pgm"));
        let mut render = Command::new(&self.pdftoppm);
        render.args(["-r", &dpi.to_string(), "-f", &n, "-l", &n, "-gray", "-singlefile"]);
        render.arg(dir.join("in.pdf")).arg(&root);
        run(render, "pdftoppm", page_deadline, self.page_timeout)?;
        let pgm =
            std::fs::read(dir.join("page.pgm")).map_err(|e| Failure::Other(format!("pdftoppm wrote no image: {e}")))?;
        let img = Gray::from_pgm(&pgm).ok_or_else(|| Failure::Other("pdftoppm wrote an unreadable image".into()))?;
        drop(pgm);
        // The image work is ours, not a process that can be killed: the
        // page's time is checked between the steps.
        let overrun = || Instant::now() >= page_deadline;
        if overrun() {
            return Err(Failure::Timeout(self.page_timeout.as_secs()));
        }
        let skew = estimate_skew(&img);
        let mut img = if skew.abs() >= 0.05 { img.rotated(skew) } else { img };
        img.despeckle(dpi);
        let rules = img.remove_rules(dpi);
        if overrun() {
            return Err(Failure::Timeout(self.page_timeout.as_secs()));
        }
        let straight = dir.join("straight.pgm");
        std::fs::write(&straight, img.to_pgm())
            .map_err(|e| Failure::Other(format!("cannot write the deskewed image: {e}")))?;
        let mut read = Command::new(&self.tesseract);
        read.arg(&straight).arg("stdout").args(["-l", LANG, "--psm", "6", "--dpi", &dpi.to_string(), "tsv"]);
        // One thread: the batch already runs one document per core.
        read.env("OMP_THREAD_LIMIT", "1");
        let tsv = run(read, "tesseract", page_deadline, self.page_timeout)?;
        let mut words = parse_tsv(&String::from_utf8_lossy(&tsv));
        restore_leads(&img, &mut words);
        let scale = 72.0 / dpi as f32;
        let rulings = rules.rulings(scale);
        // Cell borders: the table grids' (whose edges bridge a rule broken
        // by the scan) and every vertical rule found.
        let mut cuts: Vec<(f32, f32, f32)> =
            crate::tables::lattice(number, &rulings).iter().flat_map(crate::tables::Grid::cuts).collect();
        cuts.extend(
            rules.cols.iter().map(|&(x, y0, y1)| ((x as f32 + 1.0) * scale, y0 as f32 * scale, y1 as f32 * scale)),
        );
        let (lines, _) = lines_from_words(&words, scale, &cuts);
        let marks = blob_marks(&img, &words, scale);
        let confs: Vec<f32> = words.iter().filter(|w| !w.text.trim().is_empty()).map(|w| w.conf).collect();
        let mean = if confs.is_empty() { 0.0 } else { confs.iter().sum::<f32>() / confs.len() as f32 };
        let engine = match &self.engine {
            Some(e) => e.clone(),
            None => {
                let e = engine_name(&self.tesseract);
                self.engine = Some(e.clone());
                e
            }
        };
        Ok(PageText {
            lines,
            marks,
            rulings,
            info: OcrInfo {
                engine,
                dpi,
                mean_confidence: (mean * 10.0).round() / 10.0,
                skew_degrees: (skew * 100.0).round() / 100.0,
            },
        })
    }
}

/// "tesseract 5.3.0 (nld)", from `tesseract --version` (given 5 s).
fn engine_name(tesseract: &OsString) -> String {
    let mut cmd = Command::new(tesseract);
    cmd.arg("--version");
    let limit = Duration::from_secs(5);
    let version = run(cmd, "tesseract", Instant::now() + limit, limit)
        .ok()
        .and_then(|out| String::from_utf8_lossy(&out).lines().next().map(|l| l.trim().to_string()))
        .filter(|l| !l.is_empty());
    format!("{} ({LANG})", version.unwrap_or_else(|| "tesseract".into()))
}

/// Runs a tool to completion within `deadline`, killing it when it overruns.
/// Returns its stdout.
fn run(mut cmd: Command, tool: &str, deadline: Instant, page_limit: Duration) -> Result<Vec<u8>, Failure> {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound || e.kind() == std::io::ErrorKind::PermissionDenied => {
            return Err(Failure::Missing(format!("the program `{tool}` was not found")));
        }
        Err(e) => return Err(Failure::Other(format!("cannot start `{tool}`: {e}"))),
    };
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    let (status, stdout, stderr) = std::thread::scope(|s| {
        let o = s.spawn(move || {
            let mut buf = Vec::new();
            if let Some(p) = out.as_mut() {
                // A page's TSV is tens of kilobytes; more is a runaway.
                let _ = p.take(64 << 20).read_to_end(&mut buf);
            }
            buf
        });
        let e = s.spawn(move || {
            let mut buf = Vec::new();
            if let Some(p) = err.as_mut() {
                let _ = p.take(1 << 20).read_to_end(&mut buf);
            }
            buf
        });
        let left = deadline.saturating_duration_since(Instant::now());
        let status = match child.wait_timeout(left) {
            Ok(Some(status)) => Some(status),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                None
            }
        };
        (status, o.join().unwrap_or_default(), e.join().unwrap_or_default())
    });
    let Some(status) = status else {
        return Err(Failure::Timeout(page_limit.as_secs()));
    };
    if status.success() {
        return Ok(stdout);
    }
    let stderr = String::from_utf8_lossy(&stderr);
    if tool == "tesseract" && (stderr.contains("Failed loading language") || stderr.contains("traineddata")) {
        return Err(Failure::Missing(format!("Tesseract has no Dutch model ({LANG}.traineddata)")));
    }
    let last = stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
    let last: String = last.chars().take(160).collect();
    Err(Failure::Other(format!("`{tool}` failed ({status}){}{last}", if last.is_empty() { "" } else { ": " })))
}

/// A grey image, one byte per pixel, 0 black.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Gray {
    pub width: usize,
    pub height: usize,
    pub px: Vec<u8>,
}

impl Gray {
    /// Parses a binary PGM (`P5`, maxval up to 255), as `pdftoppm -gray` writes.
    pub fn from_pgm(bytes: &[u8]) -> Option<Gray> {
        let mut pos = 0;
        let mut fields = Vec::new();
        if bytes.get(..2)? != b"P5" {
            return None;
        }
        pos += 2;
        while fields.len() < 3 {
            while pos < bytes.len() && (bytes[pos].is_ascii_whitespace() || bytes[pos] == b'#') {
                if bytes[pos] == b'#' {
                    while pos < bytes.len() && bytes[pos] != b'\n' {
                        pos += 1;
                    }
                } else {
                    pos += 1;
                }
            }
            let start = pos;
            while pos < bytes.len() && bytes[pos].is_ascii_digit() {
                pos += 1;
            }
            fields.push(std::str::from_utf8(&bytes[start..pos]).ok()?.parse::<usize>().ok()?);
        }
        pos += 1; // the single whitespace before the raster
        let (width, height, maxval) = (fields[0], fields[1], fields[2]);
        if width == 0 || height == 0 || maxval == 0 || maxval > 255 {
            return None;
        }
        let len = width.checked_mul(height)?;
        let raster = bytes.get(pos..pos.checked_add(len)?)?;
        let px = if maxval == 255 {
            raster.to_vec()
        } else {
            raster.iter().map(|&v| (v as usize * 255 / maxval) as u8).collect()
        };
        Some(Gray { width, height, px })
    }

    pub fn to_pgm(&self) -> Vec<u8> {
        let mut out = format!("P5\n{} {}\n255\n", self.width, self.height).into_bytes();
        out.extend_from_slice(&self.px);
        out
    }

    /// Whitens table rulings: dark horizontal runs longer than 0.4 inch and
    /// vertical ones longer than 0.2 inch (a one-line table row is about 0.3 inch high, a capital letter 0.15) (two pixels wide, gaps of a few
    /// pixels bridged, so that a rule a pixel off level still counts). Text
    /// strokes are shorter; rulings glued to letters make Tesseract drop or
    /// garble whole table rows.
    pub fn remove_rules(&mut self, dpi: u32) -> Rules {
        const DARK: u8 = 160;
        const GAP: usize = 3;
        let (w, h) = (self.width, self.height);
        if w < 2 || h < 2 {
            return Rules::default();
        }
        let min_h = (dpi as usize * 4 / 10).max(20);
        let min_v = (dpi as usize / 5).max(10);
        let dark = |px: &[u8], i: usize| px[i] < DARK;
        // (fixed coordinate, from, to) of the runs found, then whitened.
        let mut rows: Vec<(usize, usize, usize)> = Vec::new();
        for y in 0..h - 1 {
            let mut start: Option<usize> = None;
            let mut last = 0;
            for x in 0..=w {
                let on = x < w && (dark(&self.px, y * w + x) || dark(&self.px, (y + 1) * w + x));
                if on {
                    if start.is_none() || x - last > GAP + 1 {
                        if let Some(s0) = start.filter(|s0| last + 1 - s0 >= min_h) {
                            rows.push((y, s0, last));
                        }
                        start = Some(x);
                    }
                    last = x;
                } else if x == w {
                    if let Some(s0) = start.filter(|s0| last + 1 - s0 >= min_h) {
                        rows.push((y, s0, last));
                    }
                }
            }
        }
        let mut cols: Vec<(usize, usize, usize)> = Vec::new();
        for x in 0..w - 1 {
            let mut start: Option<usize> = None;
            let mut last = 0;
            for y in 0..=h {
                let on = y < h && (dark(&self.px, y * w + x) || dark(&self.px, y * w + x + 1));
                if on {
                    if start.is_none() || y - last > GAP + 1 {
                        if let Some(s0) = start.filter(|s0| last + 1 - s0 >= min_v) {
                            cols.push((x, s0, last));
                        }
                        start = Some(y);
                    }
                    last = y;
                } else if y == h {
                    if let Some(s0) = start.filter(|s0| last + 1 - s0 >= min_v) {
                        cols.push((x, s0, last));
                    }
                }
            }
        }
        for &(y, x0, x1) in &rows {
            for yy in [y, y + 1] {
                self.px[yy * w + x0..=yy * w + x1].iter_mut().for_each(|p| *p = 255);
            }
        }
        for &(x, y0, y1) in &cols {
            for y in y0..=y1 {
                self.px[y * w + x] = 255;
                self.px[y * w + x + 1] = 255;
            }
        }
        Rules { rows, cols }
    }

    /// Whitens specks: groups of dark pixels (touching, diagonals included)
    /// of at most a few pixels, smaller than the dot of an i or a full stop
    /// (which is some 0.25 mm across, 9 or more pixels at 300 dpi). A scan's
    /// salt-and-pepper noise otherwise reads as commas and quotes beside the
    /// words and hides dots ("...die").
    pub fn despeckle(&mut self, dpi: u32) {
        // 9 pixels at 300 dpi: a 200 dpi scan's stray pixel or pair of
        // pixels, rendered at 300, covers up to 3 × 3; a full stop 4 × 4 and more.
        let most = ((dpi * dpi) as usize / 10_000).max(1);
        let (w, h) = (self.width, self.height);
        let mut seen = vec![false; w * h];
        let mut group: Vec<usize> = Vec::with_capacity(most + 1);
        let mut stack: Vec<usize> = Vec::new();
        for start in 0..w * h {
            if seen[start] || self.px[start] >= 128 {
                continue;
            }
            seen[start] = true;
            group.clear();
            stack.clear();
            stack.push(start);
            // The whole group is walked (so that it is marked as seen), but
            // only its first pixels are kept: a large group is text.
            let mut size = 0usize;
            while let Some(i) = stack.pop() {
                size += 1;
                if group.len() <= most {
                    group.push(i);
                }
                let (x, y) = (i % w, i / w);
                for (dx, dy) in [(-1i64, -1i64), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)] {
                    let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                    if nx >= 0 && ny >= 0 && (nx as usize) < w && (ny as usize) < h {
                        let j = ny as usize * w + nx as usize;
                        if !seen[j] && self.px[j] < 128 {
                            seen[j] = true;
                            stack.push(j);
                        }
                    }
                }
            }
            if size <= most {
                for &i in &group {
                    self.px[i] = 255;
                }
            }
        }
    }

    fn get(&self, x: usize, y: usize) -> u8 {
        self.px[y * self.width + x]
    }

    /// The image turned clockwise by `degrees` about its centre (undoing a
    /// counter-clockwise skew of that angle), white where nothing maps.
    pub fn rotated(&self, degrees: f32) -> Gray {
        let (sin, cos) = degrees.to_radians().sin_cos();
        let (cx, cy) = (self.width as f32 / 2.0, self.height as f32 / 2.0);
        let mut px = vec![255u8; self.px.len()];
        for y in 0..self.height {
            let dy = y as f32 + 0.5 - cy;
            for x in 0..self.width {
                let dx = x as f32 + 0.5 - cx;
                // Where this pixel of the level page lies on the skewed image.
                let sx = cx + dx * cos + dy * sin;
                let sy = cy - dx * sin + dy * cos;
                if sx >= 0.0 && sy >= 0.0 {
                    let (ix, iy) = (sx as usize, sy as usize);
                    if ix < self.width && iy < self.height {
                        px[y * self.width + x] = self.get(ix, iy);
                    }
                }
            }
        }
        Gray { width: self.width, height: self.height, px }
    }
}

/// The table rulings found in a page image, in pixels: horizontal ones as
/// `(y, x0, x1)` and vertical ones as `(x, y0, y1)`, each two pixels thick
/// (a thicker rule is found several times over).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Rules {
    pub rows: Vec<(usize, usize, usize)>,
    pub cols: Vec<(usize, usize, usize)>,
}

impl Rules {
    /// As [`Ruling`]s in points (`scale` points per pixel), for the lattice
    /// table finder ([`crate::tables::lattice`]), which snaps the parallel
    /// copies of a thick rule into one edge.
    pub fn rulings(&self, scale: f32) -> Vec<Ruling> {
        let one = |horizontal: bool, &(at, from, to): &(usize, usize, usize)| Ruling {
            horizontal,
            pos: (at as f32 + 1.0) * scale,
            start: from as f32 * scale,
            end: (to + 1) as f32 * scale,
            width: 2.0 * scale,
        };
        self.rows.iter().map(|r| one(true, r)).chain(self.cols.iter().map(|c| one(false, c))).collect()
    }
}

/// The skew of the text lines, in degrees counter-clockwise: the angle whose
/// projection of the dark pixels onto the vertical axis has the sharpest
/// profile (largest sum of squared row counts), searched coarse then fine
/// within ±[`MAX_SKEW`]. 0 for a page with too little ink to tell.
pub(crate) fn estimate_skew(img: &Gray) -> f32 {
    // Every second pixel of every second row (150 dpi from 300) is plenty.
    let step = if img.width > 1500 { 2 } else { 1 };
    let mut dark: Vec<(f32, f32)> = Vec::new();
    for y in (0..img.height).step_by(step) {
        for x in (0..img.width).step_by(step) {
            if img.get(x, y) < 128 {
                dark.push((x as f32, y as f32));
            }
        }
    }
    if dark.len() < 200 {
        return 0.0;
    }
    let rows = img.height + img.width / 10 + 2;
    let offset = (img.width as f32 * MAX_SKEW.to_radians().tan()).ceil() + 1.0;
    let score = |deg: f32| -> f64 {
        let t = deg.to_radians().tan();
        let mut hist = vec![0u32; rows + 2 * offset as usize];
        for &(x, y) in &dark {
            // On a line skewed counter-clockwise by `deg`, y + x·tan(deg) is constant.
            let r = (y + x * t + offset) / step as f32;
            if r >= 0.0 {
                if let Some(h) = hist.get_mut(r as usize) {
                    *h += 1;
                }
            }
        }
        hist.iter().map(|&c| (c as f64) * (c as f64)).sum()
    };
    let best_of = |from: f32, to: f32, by: f32| -> f32 {
        let mut best = (f64::MIN, 0.0f32);
        let mut a = from;
        while a <= to + 1e-4 {
            let s = score(a);
            // Ties go to the angle nearest level.
            if s > best.0 || (s == best.0 && a.abs() < best.1.abs()) {
                best = (s, a);
            }
            a += by;
        }
        best.1
    };
    let coarse = best_of(-MAX_SKEW, MAX_SKEW, 0.25);
    best_of(coarse - 0.25, coarse + 0.25, 0.05)
}

/// One word of Tesseract's TSV output, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    /// block, paragraph, line: the line the word belongs to.
    pub line: (u32, u32, u32),
    pub left: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
    pub conf: f32,
    pub text: String,
}

/// The words (level 5 rows) of Tesseract's TSV output.
pub(crate) fn parse_tsv(tsv: &str) -> Vec<Word> {
    tsv.lines()
        .skip(1)
        .filter_map(|row| {
            let f: Vec<&str> = row.splitn(12, '\t').collect();
            if f.len() < 12 || f[0] != "5" {
                return None;
            }
            let num = |i: usize| f[i].trim().parse::<f32>().ok();
            let int = |i: usize| f[i].trim().parse::<u32>().ok();
            // Bits of table rulings stick to words as "_", "|", "\\".
            let text = f[11].trim().trim_start_matches(['_', '|', '\\']).trim_end_matches(['_', '|', '\\']);
            let text = text.to_string();
            if text.is_empty() {
                return None;
            }
            Some(Word {
                line: (int(2)?, int(3)?, int(4)?),
                left: num(6)?,
                top: num(7)?,
                width: num(8)?,
                height: num(9)?,
                conf: num(10)?.clamp(0.0, 100.0),
                text,
            })
        })
        .collect()
}

/// What a small mark in front of a word is, found in the image.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Lead {
    /// Two or more dots on the baseline: "…".
    Ellipsis,
    /// A round filled blob at the middle of the letters: "•".
    Bullet,
}

/// An ink component: `(x0, y0, x1, y1, pixels)`, its box inclusive.
type Component = (usize, usize, usize, usize, usize);

/// Ink components (8-connected, dark below 128) inside a box of the image,
/// as `(x0, y0, x1, y1, pixels)`, left to right. A component is cut at the
/// box's edges; more than `most` components gives up (`None`).
fn components(img: &Gray, x0: usize, y0: usize, x1: usize, y1: usize, most: usize) -> Option<Vec<Component>> {
    let (x1, y1) = (x1.min(img.width), y1.min(img.height));
    if x0 >= x1 || y0 >= y1 {
        return Some(Vec::new());
    }
    let (w, h) = (x1 - x0, y1 - y0);
    let mut seen = vec![false; w * h];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for start in 0..w * h {
        if seen[start] || img.get(x0 + start % w, y0 + start / w) >= 128 {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let (mut bx0, mut by0, mut bx1, mut by1, mut n) = (usize::MAX, usize::MAX, 0, 0, 0);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            (bx0, by0, bx1, by1, n) = (bx0.min(x), by0.min(y), bx1.max(x), by1.max(y), n + 1);
            for (dx, dy) in [(-1i64, -1i64), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)] {
                let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                if nx >= 0 && ny >= 0 && (nx as usize) < w && (ny as usize) < h {
                    let j = ny as usize * w + nx as usize;
                    if !seen[j] && img.get(x0 + nx as usize, y0 + ny as usize) < 128 {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
        }
        out.push((x0 + bx0, y0 + by0, x0 + bx1, y0 + by1, n));
        if out.len() > most {
            return None;
        }
    }
    out.sort_by_key(|c| c.0);
    Some(out)
}

/// The marks that stand in the image right before a word, from `from` (the
/// previous word's end, or some way left of a line's first word) up to the
/// word's first letter: dots on the baseline (an ellipsis, which Tesseract
/// reads as "„", "," or nothing at all in a scan) or a bullet (read as "e",
/// "*" or nothing). `xh` is the line's x-height and `base` its baseline, in pixels.
fn lead_before(img: &Gray, from: f32, word: &Word, xh: f32, base: f32, line_start: bool) -> Option<(Lead, f32, f32)> {
    let x0 = from.max(0.0) as usize;
    let x1 = (word.left + word.width).max(0.0) as usize;
    let y0 = (base - 2.0 * xh).max(0.0) as usize;
    let y1 = (base + 0.5 * xh).max(0.0) as usize;
    let comps = components(img, x0, y0, x1, y1, 64)?;
    // Ink that reaches the box's top or bottom edge belongs to other lines.
    let comps: Vec<_> = comps.into_iter().filter(|c| c.1 > y0 && c.3 + 1 < y1.min(img.height)).collect();
    let mut dots = 0;
    let mut last_end = 0usize;
    let mut last_bottom = 0.0f32;
    for (k, &(cx0, cy0, cx1, cy1, n)) in comps.iter().enumerate() {
        let (cw, ch) = ((cx1 - cx0 + 1) as f32, (cy1 - cy0 + 1) as f32);
        let bottom = cy1 as f32 + 1.0;
        // A full stop's size: not a speck, not a letter.
        let dot = (0.12 * xh..=0.45 * xh).contains(&cw)
            && (0.12 * xh..=0.45 * xh).contains(&ch)
            && (bottom - base).abs() <= 0.25 * xh;
        if dot {
            // Dots of an ellipsis follow each other closely on one line; a
            // dot far from the one before, or higher or lower, starts again.
            let follows =
                dots > 0 && (cx0 as f32) - (last_end as f32) <= 0.6 * xh && (bottom - last_bottom).abs() <= 0.15 * xh;
            dots = if follows { dots + 1 } else { 1 };
            last_end = cx1;
            last_bottom = bottom;
            continue;
        }
        // Three dots (two where Tesseract saw something in front of the
        // word), then a letter close after them: an ellipsis.
        let enough = dots >= 3 || (dots == 2 && word.text.starts_with(|c: char| !c.is_alphanumeric()));
        if enough && (cx0 as f32) - (last_end as f32) <= 1.2 * xh {
            return Some((Lead::Ellipsis, 0.0, 0.0));
        }
        if dots > 0 {
            return None;
        }
        if k == 0 && line_start && dots == 0 {
            // A bullet: a filled round blob about the middle of the x-height,
            // with a gap after it.
            let mid = (cy0 + cy1) as f32 / 2.0;
            let fill = n as f32 / (cw * ch);
            let round = cw / ch < 1.5 && ch / cw < 1.5;
            let gap = comps.get(1).map_or(0.0, |next| next.0 as f32 - cx1 as f32);
            if round
                && fill >= 0.6
                && cw >= 0.3 * xh
                && cw <= 0.9 * xh
                && (mid - (base - 0.5 * xh)).abs() <= 0.3 * xh
                && gap >= 0.4 * xh
            {
                return Some((Lead::Bullet, cx0 as f32, (cx1 + 1) as f32));
            }
        }
        return None;
    }
    None
}

/// Puts back what Tesseract misses in front of words on a scan: an ellipsis
/// ("...die", which starts each item of a list in some reports) and a
/// bullet at the start of a line, both found in the image ([`lead_before`]).
/// A word that is no more than the misread marks ("„", "e") is replaced.
pub(crate) fn restore_leads(img: &Gray, words: &mut Vec<Word>) {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j < words.len() && words[j].line == words[i].line {
            j += 1;
        }
        let mut line: Vec<Word> = words[i..j].to_vec();
        i = j;
        line.sort_by(|a, b| a.left.total_cmp(&b.left));
        let lettered: Vec<&Word> = line.iter().filter(|w| w.text.chars().any(char::is_alphanumeric)).collect();
        if lettered.is_empty() {
            out.extend(line);
            continue;
        }
        let mut heights: Vec<f32> = lettered.iter().map(|w| w.height).collect();
        heights.sort_by(f32::total_cmp);
        let xh = heights[heights.len() / 2] * 0.7;
        let mut bottoms: Vec<f32> = lettered.iter().map(|w| w.top + w.height).collect();
        bottoms.sort_by(f32::total_cmp);
        let base = bottoms[bottoms.len() / 2];
        let mut fixed: Vec<Word> = Vec::with_capacity(line.len() + 1);
        let mut prev_end: Option<f32> = None;
        for w in line {
            let letters = w.text.chars().any(char::is_alphanumeric);
            // Marks read as a word of their own are looked at with the word after them.
            let only_marks = !letters || (w.text.chars().count() == 1 && prev_end.is_none());
            if only_marks && !matches!(w.text.as_str(), "-" | "–" | "€" | "&" | "+" | "%" | "/" | "(" | ")") {
                fixed.push(w);
                continue;
            }
            let from = prev_end.unwrap_or(w.left - 3.0 * xh);
            let lead = if w.text.starts_with('…') || w.text.starts_with("...") || w.text.starts_with('•') {
                None
            } else {
                lead_before(img, from, &w, xh, base, prev_end.is_none())
            };
            if let Some((lead, bx0, bx1)) = lead {
                // What stood in front of the word was the marks, however read.
                fixed.retain(|x| {
                    x.text.chars().any(char::is_alphanumeric) && x.text.chars().count() > 1 || x.left + x.width <= from
                });
                let mut w = w;
                match lead {
                    Lead::Ellipsis => {
                        let rest = w.text.trim_start_matches(|c: char| !c.is_alphanumeric()).to_string();
                        w.text = format!("…{rest}");
                    }
                    Lead::Bullet => fixed.push(Word { text: "•".into(), left: bx0, width: bx1 - bx0, ..w.clone() }),
                }
                prev_end = Some(w.left + w.width);
                fixed.push(w);
            } else {
                prev_end = Some(w.left + w.width);
                fixed.push(w);
            }
        }
        out.extend(fixed);
    }
    *words = out;
}

/// Marks from the image: blobs of ink that no word covers and that are the
/// size of a tick, a cross or an icon (4 to 24 points a side, not long and
/// thin): what Tesseract dropped or read as symbol noise in a marks column.
pub(crate) fn blob_marks(img: &Gray, words: &[Word], scale: f32) -> Vec<Mark> {
    // Half resolution: a pixel is ink when any of its four is.
    let (w, h) = (img.width / 2, img.height / 2);
    if w == 0 || h == 0 {
        return Vec::new();
    }
    let mut ink = vec![false; w * h];
    for y in 0..h {
        for x in 0..w {
            ink[y * w + x] =
                [(0, 0), (1, 0), (0, 1), (1, 1)].iter().any(|(dx, dy)| img.get(2 * x + dx, 2 * y + dy) < 128);
        }
    }
    for word in words.iter().filter(|wd| !is_symbol_noise(wd)) {
        let x0 = ((word.left / 2.0) as usize).saturating_sub(2);
        let y0 = ((word.top / 2.0) as usize).saturating_sub(2);
        let x1 = (((word.left + word.width) / 2.0) as usize + 2).min(w);
        let y1 = (((word.top + word.height) / 2.0) as usize + 2).min(h);
        for y in y0..y1 {
            for x in x0..x1 {
                ink[y * w + x] = false;
            }
        }
    }
    let px_pt = 2.0 * scale;
    let mut marks = Vec::new();
    let mut stack = Vec::new();
    for start in 0..ink.len() {
        if !ink[start] {
            continue;
        }
        ink[start] = false;
        stack.push(start);
        let (mut x0, mut y0, mut x1, mut y1, mut count) = (usize::MAX, usize::MAX, 0, 0, 0usize);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            (x0, y0, x1, y1, count) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y), count + 1);
            for (dx, dy) in [(-1i64, -1i64), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)] {
                let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                if nx >= 0 && ny >= 0 && (nx as usize) < w && (ny as usize) < h {
                    let j = ny as usize * w + nx as usize;
                    if ink[j] {
                        ink[j] = false;
                        stack.push(j);
                    }
                }
            }
        }
        let (bw, bh) = ((x1 - x0 + 1) as f32 * px_pt, (y1 - y0 + 1) as f32 * px_pt);
        let solid = count as f32 / ((x1 - x0 + 1) * (y1 - y0 + 1)) as f32;
        if (4.0..=24.0).contains(&bw) && (4.0..=24.0).contains(&bh) && bw / bh <= 3.0 && bh / bw <= 3.0 && solid >= 0.08
        {
            marks.push(Mark {
                kind: MarkKind::Image,
                x: x0 as f32 * px_pt,
                y: y0 as f32 * px_pt,
                width: bw,
                height: bh,
                text: None,
            });
        }
    }
    marks
}

/// A word that is no text but a picture read as characters: a tick, an icon,
/// a checkbox. Tesseract reads those as short runs of symbols at low
/// confidence ("©", "@", "|", "Oe").
fn is_symbol_noise(w: &Word) -> bool {
    let letters = w.text.chars().filter(|c| c.is_alphanumeric()).count();
    let n = w.text.chars().count();
    let kept = ["-", "–", "€", "&", "+", "%", "/", "(", ")", ".", ":", "•", "·", "«", "»", "°", "*", "#", "…"];
    (letters == 0 && (!kept.contains(&w.text.as_str()) || (w.conf < 50.0 && !matches!(w.text.as_str(), "/" | "•" | "…"))))
        || (n <= 2
            && w.conf < 40.0
            && !matches!(w.text.as_str(), "X" | "x")
            && !((w.conf >= 15.0 || w.text.eq_ignore_ascii_case("ja")) && is_short_word(&w.text))
            && !is_list_number(&w.text))
        // An icon read as letters and brackets: "Av)", "lv}", "©".
        || (n <= 3 && w.conf < 60.0 && w.text.chars().any(|c| "(){}[]©®@".contains(c)))
}

/// Dutch words of one or two letters that are words, however unsure
/// Tesseract is of them: the answer in a Ja/nee cell, and the commonest
/// short words of running text.
fn is_short_word(text: &str) -> bool {
    let t = text.trim_end_matches([',', '.', ';', ':']);
    t == "Ja"
        || matches!(
            t,
            "ja" | "en"
                | "of"
                | "in"
                | "op"
                | "de"
                | "te"
                | "is"
                | "om"
                | "er"
                | "al"
                | "nu"
                | "zo"
                | "ik"
                | "we"
                | "je"
        )
}

/// A number as lists and headings have them: "4." or "4)" (or "4," as
/// Tesseract may read the full stop).
fn is_list_number(text: &str) -> bool {
    let Some(t) = text.strip_suffix(['.', ')', ',']) else { return false };
    !t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit())
}

/// Lines and runs in points (top-left origin) from the words, grouped as
/// Tesseract grouped them into lines; a gap wider than [`RUN_GAP_EM`] font
/// sizes starts a new run, as on text pages. Symbol noise near the left or
/// right of the text becomes a mark (where icons and ticks stand) rather than
/// text.
pub(crate) fn lines_from_words(words: &[Word], scale: f32, cuts: &[(f32, f32, f32)]) -> (Vec<Line>, Vec<Mark>) {
    // A vertical cell border (`(x, top, bottom)` in points) between two
    // words of a line (given in pixels) is a cell boundary.
    // The rightmost such border, in points.
    let ruled = |from: f32, to: f32, top: f32, bottom: f32| {
        let (from, to, top, bottom) = (from * scale, to * scale, top * scale, bottom * scale);
        cuts.iter()
            .filter(|&&(x, y0, y1)| x > from && x < to && y0 < bottom && y1 > top)
            .map(|c| c.0)
            .max_by(f32::total_cmp)
    };
    let mut lines = Vec::new();
    let mut marks = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j < words.len() && words[j].line == words[i].line {
            j += 1;
        }
        let mut group: Vec<&Word> = Vec::new();
        for w in &words[i..j] {
            if is_symbol_noise(w) {
                // Specks and rules are not marks: an icon is roughly square and a few points wide.
                let (wd, ht) = (w.width * scale, w.height * scale);
                if (3.0..=24.0).contains(&wd) && (3.0..=24.0).contains(&ht) && wd / ht < 3.0 && ht / wd < 3.0 {
                    marks.push(Mark {
                        kind: MarkKind::Image,
                        x: w.left * scale,
                        y: w.top * scale,
                        width: wd,
                        height: ht,
                        text: None,
                    });
                }
            } else {
                group.push(w);
            }
        }
        i = j;
        if group.is_empty() {
            continue;
        }
        group.sort_by(|a, b| a.left.total_cmp(&b.left));
        // A short word Tesseract is all but unsure of, far right of the
        // line's text: an icon or specks in the margin read as letters ("Dn,", "En").
        while group.len() >= 2 {
            let (last, before) = (group[group.len() - 1], group[group.len() - 2]);
            let gap = last.left - (before.left + before.width);
            if last.conf < 20.0 && last.text.chars().count() <= 4 && gap > 3.0 * before.height.max(1.0) {
                group.pop();
            } else {
                break;
            }
        }
        // Font size: the median word box is about an ascender high, some
        // 0.75 em (the tallest may have grown into a speck or a rule); the
        // median bottom is the baseline (most words have no descender).
        let mut heights: Vec<f32> = group.iter().map(|w| w.height).collect();
        heights.sort_by(f32::total_cmp);
        let size = (heights[heights.len() / 2] * scale / 0.75).max(1.0);
        let mut bottoms: Vec<f32> = group.iter().map(|w| w.top + w.height).collect();
        bottoms.sort_by(f32::total_cmp);
        let baseline = bottoms[bottoms.len() / 2] * scale;
        let mut runs: Vec<Run> = Vec::new();
        let mut prev_end = f32::NEG_INFINITY;
        for (k, w) in group.iter().enumerate() {
            let x = w.left * scale;
            let end = (w.left + w.width) * scale;
            // A cell border between the end of the words before and most of
            // this word: a word's box may reach over a border by a descender
            // or a remnant of the rule ("ja" right of one). The word starts
            // at the border then, so that its cell is the one right of it.
            let border =
                if k > 0 { ruled(prev_end / scale, w.left + 0.8 * w.width, w.top, w.top + w.height) } else { None };
            let boundary = border.is_some();
            let x = border.map_or(x, |b| x.max(b + 0.5));
            // A bullet read as a symbol or a lone letter at the start of a line.
            let text = if k == 0
                && matches!(w.text.as_str(), "•" | "·" | "«" | "»" | "°" | "*" | "e" | "o")
                && group.get(1).is_some_and(|n| (n.left - w.left - w.width) * scale > 0.4 * size)
            {
                "•".to_string()
            } else if k == 0
                && is_list_number(&w.text)
                && w.text.ends_with(',')
                && group.get(1).is_some_and(|n| n.text.starts_with(char::is_uppercase))
            {
                // A list or heading number whose full stop was read as a comma: "9, Innovatief".
                format!("{}.", w.text.trim_end_matches(','))
            } else {
                w.text.clone()
            };
            match runs.last_mut() {
                Some(run) if x - prev_end <= RUN_GAP_EM * size && !boundary => {
                    run.text.push(' ');
                    run.text.push_str(&text);
                    run.width = end - run.x;
                    run.confidence = run.confidence.map(|c| c.min(w.conf));
                }
                _ => runs.push(Run { text, x, y: baseline, width: end - x, font_size: size, confidence: Some(w.conf) }),
            }
            prev_end = prev_end.max(end);
        }
        for run in &mut runs {
            // A tick standing alone in a cell, as Tesseract reads it.
            if matches!(run.text.as_str(), "/" | "√" | "✓" | "✔" | "\\/") {
                run.text = "✓".to_string();
            }
            // A typed cross read twice ("Xx").
            if run.text.chars().count() == 2 && run.text.chars().all(|c| c == 'x' || c == 'X') {
                run.text = "X".to_string();
            }
        }
        let text = join_runs(&runs);
        lines.push(Line { text, x: runs[0].x, y: baseline, runs });
    }
    lines.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    (lines, marks)
}

/// Whether a page's text is missing or unreadable: no lines, or mostly
/// characters that are no text (a font without a ToUnicode map gives
/// "(cid:12)", control characters, U+FFFD or private-use code points).
pub(crate) fn unreadable(lines: &[Line]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for line in lines {
        let cids = line.text.matches("(cid:").count();
        bad += cids * 6;
        for c in line.text.chars() {
            if c.is_whitespace() {
                continue;
            }
            if c.is_control() || c == '\u{fffd}' || ('\u{e000}'..='\u{f8ff}').contains(&c) {
                bad += 1;
            } else if c.is_alphanumeric() {
                good += 1;
            }
        }
    }
    good < 20 && bad >= good || bad > 2 * good
}

/// Whether the page draws an image (an image XObject in its resources, or
/// in those of a form it uses): a page without readable text and without an
/// image is blank or drawn, and there is nothing to OCR.
pub(crate) fn page_has_image(doc: &Document, page: ObjectId) -> bool {
    fn xobjects_have_image(doc: &Document, resources: &Dictionary, depth: usize) -> bool {
        let Ok(xobjects) = resources.get_deref(b"XObject", doc).and_then(Object::as_dict) else { return false };
        xobjects.iter().any(|(_, o)| {
            let Ok((_, Object::Stream(s))) = doc.dereference(o) else { return false };
            match s.dict.get(b"Subtype").and_then(Object::as_name) {
                Ok(b"Image") => true,
                Ok(b"Form") if depth < 3 => s
                    .dict
                    .get_deref(b"Resources", doc)
                    .and_then(Object::as_dict)
                    .is_ok_and(|r| xobjects_have_image(doc, r, depth + 1)),
                _ => false,
            }
        })
    }
    let Ok((own, inherited)) = doc.get_page_resources(page) else { return false };
    own.is_some_and(|r| xobjects_have_image(doc, r, 0))
        || inherited.iter().any(|id| doc.get_dictionary(*id).is_ok_and(|r| xobjects_have_image(doc, r, 0)))
}

/// Reads page `number` by OCR when it has no readable text (see
/// [`unreadable`]) but an image or unreadable glyphs: replaces `lines`, adds
/// the icons found to `marks`, notes what happened in `warnings`. Returns
/// how the page was read and the table rulings found in its image, or
/// `None` when it was not read.
#[allow(clippy::too_many_arguments)]
pub(crate) fn read_if_scanned(
    ocr: &mut Ocr,
    doc: &Document,
    page: ObjectId,
    bytes: &[u8],
    number: u32,
    bbox: [f32; 4],
    lines: &mut Vec<Line>,
    marks: &mut Vec<Mark>,
    warnings: &mut Vec<sop_i18n::Coded>,
) -> Option<(OcrInfo, Vec<Ruling>)> {
    if !unreadable(lines) || (lines.is_empty() && !page_has_image(doc, page)) {
        return None;
    }
    let had_text = !lines.is_empty();
    match ocr.page(bytes, number, bbox[2] - bbox[0], bbox[3] - bbox[1]) {
        Ok(got) => {
            warnings.push(sop_i18n::notice!(
                "page-read-by-ocr",
                page = number,
                had_text = if had_text { "yes" } else { "no" },
                engine = got.info.engine.as_str(),
                dpi = got.info.dpi,
                confidence = format!("{:.0}", got.info.mean_confidence),
                skew = format!("{:.2}", got.info.skew_degrees)
            ));
            *lines = got.lines;
            marks.extend(got.marks);
            Some((got.info, got.rulings))
        }
        Err(Failure::Missing(_)) => {
            ocr.unread.push(number);
            None
        }
        Err(Failure::Timeout(secs)) => {
            warnings.push(sop_i18n::notice!("page-ocr-timeout", page = number, secs = secs));
            None
        }
        Err(Failure::Other(why)) => {
            warnings.push(sop_i18n::notice!("page-ocr-failed", page = number, detail = why.to_string()));
            None
        }
    }
}

/// The one warning about pages left unread because OCR is not installed.
pub(crate) fn missing_warning(ocr: &Ocr) -> Option<sop_i18n::Coded> {
    let why = ocr.missing.as_ref()?;
    let pages: Vec<String> = ocr.unread.iter().map(u32::to_string).collect();
    Some(sop_i18n::notice!(
        "pages-unread-ocr-missing",
        count = pages.len(),
        pages = pages.join(", "),
        missing = why.to_string(),
        packages = OCR_PACKAGES
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lined_page(skew_deg: f32) -> Gray {
        // Text-like rows of dark dashes, skewed counter-clockwise by `skew_deg`.
        let (w, h) = (1200usize, 1600usize);
        let mut px = vec![255u8; w * h];
        let t = skew_deg.to_radians().tan();
        for row in (100..1500).step_by(40) {
            for x in 100..1100 {
                if (x / 15) % 4 == 3 {
                    continue; // word gaps
                }
                for thick in 0..12 {
                    let y = row as f32 + thick as f32 - x as f32 * t;
                    if y >= 0.0 && (y as usize) < h {
                        px[y as usize * w + x] = 0;
                    }
                }
            }
        }
        Gray { width: w, height: h, px }
    }

    #[test]
    fn the_skew_of_a_rotated_page_is_found_and_undone() {
        for skew in [0.5f32, -0.7, 1.2, 0.0] {
            let img = lined_page(skew);
            let found = estimate_skew(&img);
            assert!((found - skew).abs() <= 0.1, "skew {skew}: found {found}");
            let level = img.rotated(found);
            assert!(estimate_skew(&level).abs() <= 0.1, "after rotating by {found}");
        }
    }

    #[test]
    fn table_rulings_are_removed_and_text_is_kept() {
        let (w, h) = (600usize, 400usize);
        let mut px = vec![255u8; w * h];
        for x in 50..550 {
            px[100 * w + x] = 0; // a rule, one pixel off level half way
            px[if x < 300 { 101 } else { 102 } * w + x] = 0;
        }
        for y in 50..350 {
            px[y * w + 300] = 0; // a column border
        }
        // A "letter": a 20 x 30 block of strokes.
        for y in 200..230 {
            for x in 400..420 {
                if x % 4 == 0 || y % 6 == 0 {
                    px[y * w + x] = 0;
                }
            }
        }
        let letter: Vec<u8> = (200..230).flat_map(|y| px[y * w + 400..y * w + 420].to_vec()).collect();
        let mut img = Gray { width: w, height: h, px };
        img.remove_rules(300);
        assert!(img.px[100 * w..103 * w].iter().all(|&p| p == 255), "the rule is gone");
        assert!((50..350).all(|y| img.px[y * w + 300] == 255), "the border is gone");
        let after: Vec<u8> = (200..230).flat_map(|y| img.px[y * w + 400..y * w + 420].to_vec()).collect();
        assert_eq!(after, letter, "the letter is untouched");
    }

    fn fill(img: &mut Gray, x0: usize, y0: usize, x1: usize, y1: usize) {
        for y in y0..y1 {
            for x in x0..x1 {
                img.px[y * img.width + x] = 0;
            }
        }
    }

    #[test]
    fn specks_are_removed_and_dots_and_letters_kept() {
        let mut img = Gray { width: 100, height: 100, px: vec![255; 100 * 100] };
        fill(&mut img, 10, 10, 12, 12); // a speck: 2 x 2
        fill(&mut img, 30, 30, 35, 35); // a full stop: 5 x 5
        fill(&mut img, 50, 50, 60, 80); // a letter
        img.despeckle(300);
        assert_eq!(img.get(10, 10), 255, "the speck is gone");
        assert_eq!(img.get(32, 32), 0, "the dot stays");
        assert_eq!(img.get(55, 60), 0, "the letter stays");
    }

    fn word(line: u32, left: f32, top: f32, text: &str) -> Word {
        Word { line: (1, 1, line), left, top, width: 70.0, height: 40.0, conf: 90.0, text: text.into() }
    }

    #[test]
    fn an_ellipsis_and_a_bullet_tesseract_missed_are_found_in_the_image() {
        let mut img = Gray { width: 400, height: 400, px: vec![255; 400 * 400] };
        // Line 1: three dots on the baseline (y 140), then a word's letters.
        for x in [200, 210, 220] {
            fill(&mut img, x, 135, x + 5, 140);
        }
        fill(&mut img, 230, 100, 300, 140);
        // Line 2: a filled round-ish blob at mid x-height, a gap, a word.
        fill(&mut img, 160, 319, 174, 333);
        fill(&mut img, 230, 300, 300, 340);
        // Line 3: specks and a lone dot in front of a word are nothing.
        fill(&mut img, 190, 235, 192, 237);
        fill(&mut img, 215, 235, 220, 240);
        fill(&mut img, 230, 200, 300, 240);
        let mut words = vec![word(1, 230.0, 100.0, "die"), word(2, 230.0, 300.0, "de"), word(3, 230.0, 200.0, "In")];
        restore_leads(&img, &mut words);
        let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["…die", "•", "de", "In"]);
        assert!(words[1].left >= 159.0 && words[1].left + words[1].width <= 175.0, "the bullet's box: {:?}", words[1]);
    }

    #[test]
    fn pgm_round_trips_and_bad_pgm_is_refused() {
        let img = Gray { width: 3, height: 2, px: vec![0, 10, 20, 30, 40, 255] };
        assert_eq!(Gray::from_pgm(&img.to_pgm()), Some(img));
        assert_eq!(
            Gray::from_pgm(b"P5\n# comment\n2 1\n255\n\x00\xff"),
            Some(Gray { width: 2, height: 1, px: vec![0, 255] })
        );
        assert_eq!(Gray::from_pgm(b"P5\n3 3\n255\n\x00"), None, "truncated raster");
        assert_eq!(Gray::from_pgm(b"P6\n1 1\n255\n\x00\x00\x00"), None, "colour");
        assert_eq!(Gray::from_pgm(b"P5\n99999999999 99999999999\n255\n"), None, "absurd size");
    }

    const TSV: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
4\t1\t1\t1\t1\t0\t300\t400\t1500\t50\t-1\t
5\t1\t1\t1\t1\t1\t300\t400\t200\t40\t96.5\tExpertise
5\t1\t1\t1\t1\t2\t520\t410\t150\t30\t91.0\tgedrag
5\t1\t1\t1\t1\t3\t1200\t405\t30\t35\t55.0\tX
5\t1\t1\t1\t1\t4\t1500\t402\t40\t40\t20.0\t©
5\t1\t1\t1\t2\t1\t300\t500\t100\t40\t45.0\tNee
";

    #[test]
    fn words_become_runs_split_at_wide_gaps_with_confidence_and_icons_become_marks() {
        let words = parse_tsv(TSV);
        assert_eq!(words.len(), 5);
        let scale = 72.0 / 300.0;
        let (lines, marks) = lines_from_words(&words, scale, &[]);
        assert_eq!(lines.len(), 2);
        let first = &lines[0];
        assert_eq!(first.text, "Expertise gedrag X");
        let texts: Vec<&str> = first.runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["Expertise gedrag", "X"], "the typed X is a cell of its own");
        assert_eq!(first.runs[0].confidence, Some(91.0), "a run's confidence is its weakest word's");
        assert!((first.runs[1].x - 1200.0 * scale).abs() < 0.01);
        assert!((first.y - 440.0 * scale).abs() < 0.01, "baseline at the median word bottom: {}", first.y);
        assert_eq!(marks.len(), 1, "the icon read as © is a mark, not text");
        assert!((marks[0].x - 1500.0 * scale).abs() < 0.01);
        assert_eq!(lines[1].runs[0].confidence, Some(45.0));
    }

    #[test]
    fn unreadable_text_is_told_from_text() {
        let line = |t: &str| Line { text: t.into(), x: 0.0, y: 0.0, runs: vec![] };
        assert!(unreadable(&[]));
        assert!(unreadable(&[line("(cid:12)(cid:7)(cid:44) (cid:3)")]));
        assert!(unreadable(&[line("\u{fffd}\u{fffd}\u{fffd} \u{e001}\u{e002}")]));
        assert!(!unreadable(&[line("Schoolondersteuningsprofiel (SOP) Haaglanden")]));
        assert!(!unreadable(&[line("1")]), "a page number alone is text, not a scan");
    }
}
