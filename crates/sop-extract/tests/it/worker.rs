//! [`Extractor`]: one worker child serves many files, and isolation stays per
//! file: a crash, a hang or the memory limit costs the file it happened on,
//! and the next file gets a fresh worker.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sop_extract::{ExtractError, Extractor, Limits, MAX_FILES_PER_WORKER};

use crate::util::{child_exe, isolated, make_pdf, self_referencing_pdf, via, write};

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/pdf").join(name)
}

#[test]
fn many_files_through_one_extractor_match_one_child_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let extractor = Extractor::new(child_exe());
    // More files than one worker serves, so a retired worker is replaced.
    for i in 0..MAX_FILES_PER_WORKER + 3 {
        let p =
            write(dir.path(), &format!("{i}.pdf"), &make_pdf(&[Some(&format!("Document {i}")), Some("Tweede pagina")]));
        let layout = via(&extractor, &p, &Limits::default()).unwrap();
        assert_eq!(layout.text(), format!("Document {i}\n\u{c}Tweede pagina\n"));
    }
    for name in ["000.pdf", "003.pdf"] {
        let p = sample(name);
        assert_eq!(
            via(&extractor, &p, &Limits::default()).unwrap(),
            isolated(&child_exe(), &p, &Limits::default()).unwrap()
        );
    }
    let empty = write(dir.path(), "leeg.pdf", &make_pdf(&[]));
    assert_eq!(
        via(&extractor, &empty, &Limits::default()).unwrap_err(),
        ExtractError::NoPages { path: empty.display().to_string() }
    );
}

#[test]
fn a_crash_costs_only_the_file_that_caused_it() {
    let dir = tempfile::tempdir().unwrap();
    let extractor = Extractor::new(child_exe());
    let good = write(dir.path(), "goed.pdf", &make_pdf(&[Some("Hallo wereld")]));
    let bad = write(dir.path(), "lus.pdf", &self_referencing_pdf());
    assert_eq!(via(&extractor, &good, &Limits::default()).unwrap().text(), "Hallo wereld\n");
    match via(&extractor, &bad, &Limits::default()).unwrap_err() {
        ExtractError::Crashed { path, how } => {
            assert_eq!(path, bad.display().to_string());
            assert!(how.contains("stack overflow"), "{how}");
        }
        other => panic!("expected a crash, got {other:?}"),
    }
    assert_eq!(via(&extractor, &good, &Limits::default()).unwrap().text(), "Hallo wereld\n");
}

/// A stand-in worker that hangs once (while a marker file exists) and is the
/// real worker otherwise.
#[test]
fn a_hanging_worker_is_killed_at_the_time_limit_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("hang-once");
    let script = write(
        dir.path(),
        "worker.sh",
        format!(
            "#!/bin/sh\nif [ -e '{m}' ]; then rm '{m}'; exec sleep 30; fi\nexec '{c}' \"$@\"\n",
            m = marker.display(),
            c = child_exe().display()
        )
        .as_bytes(),
    );
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let p = write(dir.path(), "traag.pdf", &make_pdf(&[Some("x")]));
    let limits = Limits { timeout: Duration::from_secs(1), ..Limits::default() };
    let extractor = Extractor::new(&script);
    std::fs::write(&marker, b"").unwrap();
    let started = Instant::now();
    assert_eq!(
        via(&extractor, &p, &limits).unwrap_err(),
        ExtractError::Timeout { path: p.display().to_string(), secs: 1 }
    );
    assert!(started.elapsed() < Duration::from_secs(10), "the hang was not cut off: {:?}", started.elapsed());
    assert_eq!(via(&extractor, &p, &limits).unwrap().text(), "x\n");
}

#[test]
fn the_memory_limit_applies_to_the_worker() {
    let dir = tempfile::tempdir().unwrap();
    // 30 MB of comment after the document: more than the worker may hold.
    let mut bytes = make_pdf(&[Some("groot")]);
    bytes.extend(std::iter::repeat_n(b'%', 30_000_000));
    let big = write(dir.path(), "groot.pdf", &bytes);
    let extractor = Extractor::new(child_exe());
    let small = Limits { memory_bytes: 20_000_000, ..Limits::default() };
    let err = via(&extractor, &big, &small).unwrap_err();
    match &err {
        ExtractError::OutOfMemory { how, .. } => assert!(how.contains("memory"), "{how}"),
        other => panic!("expected a crash over the memory limit, got {other:?}"),
    }
    // The next file, with room, gets a worker of its own.
    assert!(via(&extractor, &sample("002.pdf"), &Limits::default()).is_ok());
}

#[test]
fn a_child_program_that_only_speaks_one_file_is_used_one_file_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let script = write(dir.path(), "hang.sh", b"#!/bin/sh\nexec sleep 30\n");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let p = write(dir.path(), "traag.pdf", &make_pdf(&[Some("x")]));
    let limits = Limits { timeout: Duration::from_secs(1), ..Limits::default() };
    let err = via(&Extractor::one_per_file(&script), &p, &limits).unwrap_err();
    assert_eq!(err, ExtractError::Timeout { path: p.display().to_string(), secs: 1 });
}

/// The worker takes the document's bytes: nothing is read from a path, so a
/// downloaded document needs no temporary file, and the name is only for messages.
#[test]
fn bytes_without_a_file_are_extracted_and_named_as_given() {
    let extractor = Extractor::new(child_exe());
    let name = "https://example.org/sop.pdf";
    let layout = extractor.extract_bytes(name, &make_pdf(&[Some("Uit het geheugen")]), &Limits::default()).unwrap();
    assert_eq!(layout.text(), "Uit het geheugen\n");
    assert_eq!(
        extractor.extract_bytes(name, &make_pdf(&[]), &Limits::default()).unwrap_err(),
        ExtractError::NoPages { path: name.into() }
    );
    // Refused before any child is asked: over the size limit, or no PDF.
    let nowhere = Extractor::new("/nonexistent/child");
    let small = Limits { max_bytes: 10, ..Limits::default() };
    let err = nowhere.extract_bytes(name, &make_pdf(&[Some("x")]), &small).unwrap_err();
    assert_eq!(err.kind(), sop_extract::ErrorKind::TooLarge);
    let err = nowhere.extract_bytes(name, b"PK\x03\x04 docx", &Limits::default()).unwrap_err();
    assert_eq!(err.kind(), sop_extract::ErrorKind::NotPdf);
    assert!(matches!(&err, ExtractError::NotPdf { found, .. } if found.contains("Word (.docx)")), "{err:?}");
}
