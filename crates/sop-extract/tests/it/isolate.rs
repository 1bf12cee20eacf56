//! The child process: a good file round-trips through it, a crash and a hang
//! become per-file errors in the parent.

use std::path::Path;
use std::time::Duration;

use sop_extract::{ExtractError, Limits};

use crate::util::{child_exe, isolated, make_pdf, self_referencing_pdf, via, write};

#[test]
fn a_good_pdf_round_trips_through_the_child() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "goed.pdf", &make_pdf(&[Some("Hallo wereld")]));
    let layout = isolated(&child_exe(), &p, &Limits::default()).unwrap();
    assert_eq!(layout.text(), "Hallo wereld\n");
}

#[test]
fn errors_found_in_the_child_come_back_with_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "leeg.pdf", &make_pdf(&[]));
    let err = isolated(&child_exe(), &p, &Limits::default()).unwrap_err();
    assert_eq!(err, ExtractError::NoPages { path: p.display().to_string() });
}

#[test]
fn not_a_pdf_is_refused_before_a_child_is_started() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "brief.pdf", b"<html><body>geen pdf</body></html>");
    // A child that does not exist proves no child was needed.
    let err = isolated(Path::new("/nonexistent/child"), &p, &Limits::default()).unwrap_err();
    assert!(matches!(err, ExtractError::NotPdf { .. }), "{err:?}");
}

/// A form XObject that draws itself: pdf-extract recurses until the stack
/// overflows, which aborts the process. The parent must see a crash of one file.
#[test]
fn a_self_referencing_drawing_crashes_the_child_not_the_parent() {
    let bytes = self_referencing_pdf();

    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "lus.pdf", &bytes);
    let err = isolated(&child_exe(), &p, &Limits::default()).unwrap_err();
    match &err {
        ExtractError::Crashed { path, how } => {
            assert_eq!(path, &p.display().to_string());
            assert!(how.contains("stack overflow"), "{how}");
        }
        other => panic!("expected a crash of the child, got {other:?}"),
    }
    assert_eq!(err.to_string(), format!("`{}`: het uitlezen is onverwacht afgebroken", p.display()));
    assert!(err.detail().is_some_and(|d| d.contains("stack overflow")), "the cause is kept for -v: {err:?}");
}

/// A child that never answers is killed at the time limit.
#[test]
fn a_hanging_child_is_killed_at_the_time_limit() {
    let dir = tempfile::tempdir().unwrap();
    let script = write(dir.path(), "hang.sh", b"#!/bin/sh\nexec sleep 30\n");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let p = write(dir.path(), "traag.pdf", &make_pdf(&[Some("x")]));
    let limits = Limits { timeout: Duration::from_secs(1), ..Limits::default() };
    let err = isolated(&script, &p, &limits).unwrap_err();
    assert_eq!(err, ExtractError::Timeout { path: p.display().to_string(), secs: 1 });
}

/// pdf-extract prints warnings on stderr. A parent that stopped reading them
/// would break the child's stderr, and the printing would then fail (in
/// pdf-extract: panic and lose the page; here: the stand-in dies).
#[test]
fn a_child_that_prints_much_on_stderr_still_answers() {
    let dir = tempfile::tempdir().unwrap();
    let script = write(
        dir.path(),
        "praatgraag.sh",
        format!(
            "#!/bin/sh\nhead -c 300000 /dev/zero | tr '\\0' x >&2 || exit 7\nexec '{}' \"$@\"\n",
            child_exe().display()
        )
        .as_bytes(),
    );
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let p = write(dir.path(), "goed.pdf", &make_pdf(&[Some("Hallo wereld")]));
    let layout = isolated(&script, &p, &Limits::default()).unwrap();
    assert_eq!(layout.text(), "Hallo wereld\n");
    let layout = via(&sop_extract::Extractor::new(&script), &p, &Limits::default()).unwrap();
    assert_eq!(layout.text(), "Hallo wereld\n");
}

/// Fuzz find (`fuzz/regressions/extract_pdf/hang-page-parent-cycle.pdf`):
/// every page names as `/Parent` an object that loops, and pdf-extract walks
/// the chain for inherited attributes forever. The page goes to the
/// plain-text path instead, with a warning, well within the time limit.
#[test]
fn a_page_tree_that_loops_does_not_hang_extraction() {
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions/extract_pdf/hang-page-parent-cycle.pdf");
    let limits = Limits { timeout: Duration::from_secs(20), ..Limits::default() };
    let layout = isolated(&child_exe(), &file, &limits).expect("extracted, not stopped");
    assert!(layout.warnings.iter().any(|w| w.contains("the page tree loops back on itself")), "{:?}", layout.warnings);
}
