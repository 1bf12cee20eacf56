//! Small PDFs made with lopdf, so that every bad-input class is built in the test.

use lopdf::content::{Content, Operation};
use std::path::{Path, PathBuf};

use lopdf::{dictionary, Document, Object, Stream};

/// A PDF with one page per entry; each page shows its text in Helvetica, or
/// nothing but a drawn rectangle when the entry is `None` (a page without a
/// text layer).
pub fn make_pdf(pages: &[Option<&str>]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids = Vec::new();
    for text in pages {
        let ops = match text {
            Some(t) => vec![
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 12.into()]),
                Operation::new("Td", vec![72.into(), 700.into()]),
                Operation::new("Tj", vec![Object::string_literal(*t)]),
                Operation::new("ET", vec![]),
            ],
            None => vec![
                Operation::new("re", vec![72.into(), 72.into(), 400.into(), 600.into()]),
                Operation::new("f", vec![]),
            ],
        };
        let content = Content { operations: ops };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        kids.push(Object::from(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        })));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The extraction child built with the crate (speaks the same protocol as `sop __extract-child`).
pub fn child_exe() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_sop-extract-child"))
}

/// Writes `bytes` to `dir/name`.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A form XObject that draws itself: pdf-extract overflows the stack.
pub fn self_referencing_pdf() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let form_id = doc.new_object_id();
    let form = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "X" => form_id } },
        },
        b"/X Do".to_vec(),
    );
    doc.objects.insert(form_id, Object::Stream(form));
    let content = doc.add_object(Stream::new(dictionary! {}, b"/X Do".to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "Resources" => dictionary! { "XObject" => dictionary! { "X" => form_id } },
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// [`sop_extract::extract_isolated`] on the file at `path` (read once here), named by its path.
pub fn isolated(
    exe: &Path,
    path: &Path,
    limits: &sop_extract::Limits,
) -> Result<sop_model::Layout, sop_extract::ExtractError> {
    let bytes = sop_extract::read_file(path, limits)?;
    sop_extract::extract_isolated(exe, &path.display().to_string(), &bytes, limits)
}

/// [`sop_extract::Extractor::extract_bytes`] on the file at `path`, named by its path.
pub fn via(
    extractor: &sop_extract::Extractor,
    path: &Path,
    limits: &sop_extract::Limits,
) -> Result<sop_model::Layout, sop_extract::ExtractError> {
    let bytes = sop_extract::read_file(path, limits)?;
    extractor.extract_bytes(&path.display().to_string(), &bytes, limits)
}
