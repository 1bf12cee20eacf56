//! One test per class of bad input: each is a clear `ExtractError` naming the
//! file, never a panic.

use sop_extract::{extract_pdf, ExtractError, Limits};

use crate::util::{fixture, make_pdf};

fn extract(bytes: &[u8]) -> Result<sop_model::Layout, ExtractError> {
    extract_pdf("in.pdf", bytes, &Limits::default())
}

#[test]
fn a_good_pdf_gives_its_text() {
    let layout = extract(&make_pdf(&[Some("Hallo wereld"), Some("Tweede pagina")])).unwrap();
    assert_eq!(layout.text(), "Hallo wereld\n\u{c}Tweede pagina\n");
    assert!(layout.warnings.is_empty(), "{:?}", layout.warnings);
}

#[test]
fn a_word_file_renamed_to_pdf_is_not_a_pdf() {
    let err = extract(b"PK\x03\x04\x14\x00\x06\x00word/document.xml").unwrap_err();
    assert_eq!(
        err.to_string(),
        "`in.pdf`: dit is geen PDF (het bestand lijkt een Word-document (.docx) of ander Office-document)"
    );
    assert!(err.hint().contains("druk het af als PDF"));
}

#[test]
fn an_html_page_renamed_to_pdf_is_not_a_pdf() {
    let err = extract(b"<!DOCTYPE html><html><body>SOP</body></html>").unwrap_err();
    assert_eq!(err.to_string(), "`in.pdf`: dit is geen PDF (het bestand lijkt een webpagina (HTML))");
}

#[test]
fn a_pdf_header_followed_by_garbage_is_damaged() {
    let err = extract(b"%PDF-1.7\n\x00\x01 this is no pdf body at all, no xref, no trailer\n").unwrap_err();
    assert!(matches!(err, ExtractError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string() == "`in.pdf`: de PDF is beschadigd en niet te lezen" && err.detail().is_some(), "{err}");
}

#[test]
fn a_truncated_pdf_is_damaged_or_reads_what_is_left() {
    let pdf = make_pdf(&[Some("Hallo wereld")]);
    // Cut inside the page content: the xref and trailer are gone.
    let cut = &pdf[..pdf.len() / 3];
    match extract(cut) {
        Err(ExtractError::Corrupt { path, .. }) | Err(ExtractError::NoPages { path }) => assert_eq!(path, "in.pdf"),
        other => panic!("expected a damaged-PDF error, got {other:?}"),
    }
}

#[test]
fn a_pdf_without_pages_is_refused() {
    let pdf = make_pdf(&[]);
    let err = extract(&pdf).unwrap_err();
    assert_eq!(err.to_string(), "`in.pdf`: de PDF heeft geen pagina's");
}

#[test]
fn a_pdf_with_a_user_password_is_refused() {
    let bytes = std::fs::read(fixture("encrypted-user-password.pdf")).unwrap();
    let err = extract(&bytes).unwrap_err();
    assert_eq!(err.to_string(), "`in.pdf`: de PDF is beveiligd met een wachtwoord");
    assert!(err.hint().contains("zonder wachtwoord"));
}

#[test]
fn a_pdf_encrypted_with_an_empty_user_password_is_opened() {
    let bytes = std::fs::read(fixture("encrypted-empty-password.pdf")).unwrap();
    let layout = extract(&bytes).unwrap();
    assert_eq!(layout.text(), "Hallo wereld\n");
}

#[test]
fn a_page_without_text_is_a_warning_not_an_error() {
    let layout = extract(&make_pdf(&[Some("Tekst"), None])).unwrap();
    assert_eq!(layout.pages.len(), 2);
    assert_eq!(layout.warnings, vec!["Pagina 2 heeft geen tekst (een scan?).".to_string()]);
    assert_eq!(layout.notices.len(), 1);
    assert_eq!(layout.notices[0].code, "page-no-text-layer");
    assert_eq!(layout.notices[0].params["page"], 2);
    assert_eq!(layout.pages[0].lines[0].text, "Tekst");
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let pdf = make_pdf(&[Some("Hallo")]);
    let limits = Limits { max_bytes: 100, ..Limits::default() };
    let err = extract_pdf("groot.pdf", &pdf, &limits).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("`groot.pdf`: het bestand is {} bytes, meer dan de grens van 100 bytes", pdf.len())
    );
}

#[test]
fn a_file_over_the_page_limit_is_refused() {
    let limits = Limits { max_pages: 1, ..Limits::default() };
    let err = extract_pdf("in.pdf", &make_pdf(&[Some("een"), Some("twee")]), &limits).unwrap_err();
    assert_eq!(err.to_string(), "`in.pdf`: de PDF heeft 2 pagina's, meer dan de grens van 1");
}

#[test]
fn text_over_the_text_limit_is_refused() {
    let limits = Limits { max_text_bytes: 5, ..Limits::default() };
    let err = extract_pdf("in.pdf", &make_pdf(&[Some("Hallo wereld")]), &limits).unwrap_err();
    assert_eq!(err.to_string(), "`in.pdf`: de uitgelezen tekst is groter dan de grens van 5 bytes");
}

/// The codes kept with unread documents (`unread.json`, the run report) are
/// a contract with scripts: one per kind, never two kinds with one code.
#[test]
fn every_error_kind_has_its_own_stable_code() {
    use sop_extract::ErrorKind;
    let codes: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.code()).collect();
    assert_eq!(
        codes,
        [
            "read_error",
            "not_pdf",
            "too_large",
            "too_many_pages",
            "damaged",
            "no_pages",
            "encrypted",
            "timeout",
            "crashed",
            "tool_error"
        ]
    );
    let limits = Limits { max_bytes: 100, ..Limits::default() };
    assert_eq!(extract_pdf("in.pdf", &[b'%'; 200], &limits).unwrap_err().kind(), ErrorKind::TooLarge);
    assert_eq!(extract(b"").unwrap_err().kind(), ErrorKind::NotPdf);
}

#[test]
fn what_a_file_looks_like_is_told_by_its_first_bytes() {
    use sop_extract::{is_pdf, sniff_not_pdf, Looks};
    assert!(is_pdf(b"%PDF-1.7\n") && is_pdf(b"\xef\xbb\xbf%PDF-1.4"));
    assert!(!is_pdf(b"<html><body>%PD") && !is_pdf(b""));
    assert_eq!(sniff_not_pdf(b"junk before %PDF-1.4"), None);
    assert_eq!(sniff_not_pdf(b""), Some(Looks::Empty));
    assert_eq!(sniff_not_pdf(b"<!DOCTYPE html><html>"), Some(Looks::Html));
    assert_eq!(sniff_not_pdf(b"{\\rtf1\\ansi"), Some(Looks::Rtf));
    assert_eq!(sniff_not_pdf(b"Gewone tekst"), Some(Looks::Unknown));
}
