//! Kill a run at every named point and check that the archive is still
//! accepted by `verify` and that the next run completes the work.
//!
//! The parent test re-executes this test binary, running only
//! [`scripted_run_adds_versions`], with `SOP_ARCHIVE_CRASH_AT=<point>`: the
//! library (debug builds only) calls `abort()` there, which like `kill -9`
//! runs no destructors and flushes nothing (every write before it is a
//! syscall, so the disk holds exactly what it would after a kill).

use std::path::{Path, PathBuf};
use std::process::Command;

use sop_archive::{verify, Added, Archive, LockMode, CRASH_POINTS};

use crate::{add, hold, populate, snapshot, T0};

const CHILD_ROOT: &str = "SOP_ARCHIVE_TEST_CHILD_ROOT";

/// The run that gets killed: a new school, an unchanged document, a new
/// version and a document held without a school, on top of [`populate`].
fn scripted_run(root: &Path) -> Vec<Added> {
    let mut a = Archive::open(root, LockMode::Wait).unwrap();
    let added = vec![
        add(&mut a, "nieuwe-school", "2023-2024", "nieuw profiel", T0 + 100),
        add(&mut a, "de-vuurvlinder", "2023-2024", "profiel 2023, herzien", T0 + 110),
        add(&mut a, "de-vuurvlinder", "2024-2025", "profiel 2024", T0 + 120),
    ];
    hold(&mut a, "een document zonder school", T0 + 130);
    added
}

/// Runs the script (in a child: on the parent's archive, maybe crashing) and
/// checks what it reports.
#[test]
fn scripted_run_adds_versions() {
    let tmp = tempfile::tempdir().unwrap();
    let root = match std::env::var_os(CHILD_ROOT) {
        Some(r) => PathBuf::from(r),
        None => {
            populate(tmp.path());
            tmp.path().to_path_buf()
        }
    };
    let added = scripted_run(&root);
    assert!(matches!(added[0], Added::New { version: 1, supersedes: None, .. }), "{added:?}");
    assert!(matches!(added[1], Added::Unchanged { version: 2, .. }), "{added:?}");
    assert!(matches!(added[2], Added::New { version: 1, .. }), "{added:?}");
}

#[test]
fn a_run_killed_at_any_point_leaves_a_valid_archive_that_the_next_run_completes() {
    let reference = tempfile::tempdir().unwrap();
    populate(reference.path());
    scripted_run(reference.path());
    let want = snapshot(reference.path());

    for point in CRASH_POINTS {
        let dir = tempfile::tempdir().unwrap();
        populate(dir.path());
        let status = Command::new(std::env::current_exe().unwrap())
            .args(["crash::scripted_run_adds_versions", "--exact", "--test-threads=1", "--nocapture"])
            .env(CHILD_ROOT, dir.path())
            .env("SOP_ARCHIVE_CRASH_AT", point)
            .output()
            .unwrap();
        assert!(!status.status.success(), "the run was not stopped at {point}: is the point reached?");

        let r = verify(dir.path(), LockMode::Wait).unwrap();
        assert!(r.ok(), "after a kill at {point}, verify finds problems: {r:#?}");
        if ["bundle-durable", "ledger-partial"].contains(point) {
            assert!(
                r.notices
                    .iter()
                    .any(|n| n.file.starts_with("nieuwe-school/") && n.found.contains("de volgende verwerking legt")),
                "{r:#?}"
            );
        }

        let rerun = scripted_run(dir.path());
        // Before the bundle is durable the old state holds and the re-run
        // makes it; after, the killed run's bundle is kept and recorded.
        let durable = !["bundle-tmp-partial", "bundle-tmp-written"].contains(point);
        match &rerun[0] {
            Added::Unchanged { version: 1, .. } => assert!(durable, "at {point}: {rerun:?}"),
            Added::New { version: 1, .. } => assert!(!durable, "at {point}: {rerun:?}"),
            other => panic!("at {point}: {other:?}"),
        }
        let r = verify(dir.path(), LockMode::Wait).unwrap();
        assert!(r.ok() && r.notices.is_empty(), "after a kill at {point} and a re-run: {r:#?}");
        let got = snapshot(dir.path());
        let names = |s: &[(String, Vec<u8>)]| s.iter().map(|f| f.0.clone()).collect::<Vec<_>>();
        assert_eq!(names(&got), names(&want), "at {point}");
        for (g, w) in got.iter().zip(&want) {
            assert!(g.1 == w.1, "at {point}: {} differs from an uninterrupted run", g.0);
        }
    }
}
