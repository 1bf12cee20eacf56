//! `sop run --sources` against a server this test starts on 127.0.0.1: good
//! PDFs, a redirect, a 500 then 200, a 404, a slow response, an HTML page
//! instead of a PDF and an oversized file. Each bad URL is a clear per-school
//! failure at the fetch stage; a re-run downloads nothing that is unchanged.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

#[path = "../src/batch/fetch/test_server.rs"]
#[allow(dead_code)]
mod test_server;
use test_server::{Response, Server};

const SOP: &str = env!("CARGO_BIN_EXE_sop");

fn sample(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples").join(path)).unwrap()
}

async fn sop_run(args: Vec<String>) -> (i32, String, String) {
    tokio::task::spawn_blocking(move || {
        let out = Command::new(SOP)
            .args(["--lang", "nl", "run"])
            .args(&args)
            .env("NO_PROXY", "127.0.0.1")
            .env_remove("HTTP_PROXY")
            .env_remove("http_proxy")
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            .output()
            .expect("run sop");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    })
    .await
    .unwrap()
}

fn last_report(archive: &Path) -> Value {
    let mut reports: Vec<PathBuf> = std::fs::read_dir(archive.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name().unwrap().to_string_lossy().starts_with("run-") && p.extension().is_some_and(|e| e == "json")
        })
        .collect();
    reports.sort();
    serde_json::from_slice(&std::fs::read(reports.last().expect("a run report")).unwrap()).unwrap()
}

fn by_school<'a>(report: &'a Value, school: &str) -> &'a Value {
    report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["school"] == school)
        .unwrap_or_else(|| panic!("no row for {school}: {report:#}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sources_are_fetched_checked_and_not_downloaded_twice() {
    let (pdf000, pdf002, pdf003) = (sample("pdf/000.pdf"), sample("pdf/002.pdf"), sample("pdf/003.pdf"));
    let server = Server::start(move |req| match req.path.as_str() {
        "/sop/diamant.pdf" if req.headers.get("if-none-match").is_some_and(|v| v == "\"diamant-1\"") => {
            Response::new(304, "")
        }
        "/sop/diamant.pdf" => {
            Response::new(200, pdf000.clone()).header("Content-Type", "application/pdf").header("ETag", "\"diamant-1\"")
        }
        "/old-link.pdf" => Response::new(301, "").header("Location", "/sop/college.pdf"),
        "/sop/college.pdf" => {
            Response::new(200, pdf003.clone()).header("Last-Modified", "Fri, 01 Nov 2024 09:00:00 GMT")
        }
        "/flaky.pdf" if req.seen == 0 => Response::new(500, "Internal Server Error"),
        "/flaky.pdf" => Response::new(200, pdf002.clone()),
        "/slow.pdf" => Response::new(200, sample("pdf/001.pdf")).delayed(Duration::from_secs(20)),
        "/page.pdf" => Response::new(
            200,
            "<!DOCTYPE html><html><head><title>SOP</title></head><body>Download ons SOP</body></html>",
        )
        .header("Content-Type", "text/html"),
        "/huge.pdf" => Response::new(200, [b"%PDF-1.7\n".as_slice(), &vec![b'0'; 2 * 1024 * 1024]].concat()),
        _ => Response::new(404, "<html>Not Found</html>").header("Content-Type", "text/html"),
    })
    .await;
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let sources = tmp.path().join("sources.csv");
    let rows = [
        ("diamant", "/sop/diamant.pdf"),
        ("diamant-college", "/old-link.pdf"),
        ("jeroen", "/flaky.pdf"),
        ("kristal", "/verhuisd.pdf"),
        ("traag", "/slow.pdf"),
        ("webpagina", "/page.pdf"),
        ("te-groot", "/huge.pdf"),
    ];
    let csv: String = std::iter::once("school_id,url,name\n".to_string())
        .chain(rows.iter().map(|(id, path)| format!("{id},{},\n", server.url(path))))
        .collect();
    std::fs::write(&sources, csv).unwrap();
    let args = |sources: &Path| -> Vec<String> {
        [
            "--year",
            "2023-2024",
            "--sources",
            sources.to_str().unwrap(),
            "--archive",
            archive.to_str().unwrap(),
            "--fetch-timeout",
            "1",
            "--max-size",
            "1",
        ]
        .map(String::from)
        .to_vec()
    };

    let (code, stdout, stderr) = sop_run(args(&sources)).await;
    assert_eq!(code, 1, "stdout:\n{stdout}\nstderr:\n{stderr}");
    let report = last_report(&archive);
    for school in ["diamant", "diamant-college", "jeroen"] {
        assert_eq!(by_school(&report, school)["outcome"]["status"], "new", "{report:#}");
    }
    assert_eq!(server.count("/flaky.pdf"), 2, "a 500 is retried");
    let fetch_failure = |school: &str, words: &str| {
        let r = by_school(&report, school);
        assert_eq!(r["outcome"]["stage"], "fetch", "{r:#}");
        let reason = r["outcome"]["reason"].as_str().unwrap();
        assert!(reason.contains(words), "{school}: {reason:?} lacks {words:?}");
        assert!(reason.contains("http://127.0.0.1"), "{school}: the reason names the URL: {reason:?}");
    };
    fetch_failure("kristal", "niet gevonden (HTTP 404)");
    fetch_failure("traag", "antwoordde niet op tijd");
    fetch_failure("webpagina", "webpagina, geen PDF");
    fetch_failure("te-groot", "groter dan 1 MiB");
    assert_eq!(server.count("/verhuisd.pdf"), 1, "a 404 is not retried");
    assert_eq!(server.count("/page.pdf"), 1, "an HTML page is not retried");

    // The re-run: the good three only. The validators make the first two
    // conditional; the servers say "not modified" or send the same bytes.
    let good = tmp.path().join("good.csv");
    let csv: String = std::iter::once("school_id,url\n".to_string())
        .chain(rows[..3].iter().map(|(id, path)| format!("{id},{}\n", server.url(path))))
        .collect();
    std::fs::write(&good, csv).unwrap();
    let (code, stdout, stderr) = sop_run(args(&good)).await;
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    let report = last_report(&archive);
    for school in ["diamant", "diamant-college", "jeroen"] {
        assert_eq!(by_school(&report, school)["outcome"]["status"], "unchanged", "{report:#}");
    }
    let diamant: Vec<_> = server.requests().into_iter().filter(|r| r.path == "/sop/diamant.pdf").collect();
    assert_eq!(diamant.len(), 2);
    assert_eq!(
        diamant[1].headers.get("if-none-match").map(String::as_str),
        Some("\"diamant-1\""),
        "the re-run asks with the remembered ETag"
    );
    let college: Vec<_> = server.requests().into_iter().filter(|r| r.path == "/sop/college.pdf").collect();
    assert_eq!(college[1].headers.get("if-modified-since").map(String::as_str), Some("Fri, 01 Nov 2024 09:00:00 GMT"));
    assert_eq!(
        by_school(&report, "diamant")["template"],
        "sppoh-model-2021-2025",
        "an unchanged school still shows its template"
    );
}

/// A download that cannot be read (a password-protected PDF) is archived
/// under the school its sources row names, with the reason; the re-run asks
/// "changed since?" and, told "not modified", still says it is unread.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreadable_download_is_archived_under_its_school_and_stays_unread_when_unchanged() {
    let encrypted =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/versleuteld.pdf")).unwrap();
    let body = encrypted.clone();
    let server = Server::start(move |req| match req.path.as_str() {
        "/sop.pdf" if req.headers.get("if-none-match").is_some_and(|v| v == "\"b-1\"") => Response::new(304, ""),
        "/sop.pdf" => Response::new(200, body.clone()).header("ETag", "\"b-1\""),
        _ => Response::new(404, ""),
    })
    .await;
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    let sources = tmp.path().join("sources.csv");
    std::fs::write(&sources, format!("school_id,url\nbeveiligd,{}\n", server.url("/sop.pdf"))).unwrap();
    let args: Vec<String> = ["--year", "2023-2024", "--sources", sources.to_str().unwrap()]
        .into_iter()
        .chain(["--archive", archive.to_str().unwrap()])
        .map(String::from)
        .collect();
    for round in ["first", "second"] {
        let (code, stdout, stderr) = sop_run(args.clone()).await;
        assert_eq!(code, 1, "{round} run: not read, so exit 1\nstdout:\n{stdout}\nstderr:\n{stderr}");
        // This run's report (two runs in one second get `-2` names, which
        // sort before the first's).
        let md = stdout.lines().find_map(|l| l.strip_prefix("Verslag van deze verwerking: ")).expect("report path");
        let report: Value =
            serde_json::from_slice(&std::fs::read(Path::new(md).with_extension("json")).unwrap()).unwrap();
        let r = by_school(&report, "beveiligd").clone();
        assert_eq!((&r["outcome"]["status"], &r["outcome"]["code"]), (&"unread".into(), &"encrypted".into()), "{r:#}");
        let filed = if round == "first" { "new" } else { "unchanged" };
        assert_eq!(r["outcome"]["filed"], filed, "{round} run: {r:#}");
        assert!(stdout.contains("ontvangen, niet leesbaar: beveiligd met een wachtwoord"), "{stdout}");
    }
    let bundles: Vec<_> = std::fs::read_dir(archive.join("beveiligd/2023-2024")).unwrap().collect();
    assert_eq!(bundles.len(), 1, "one bundle");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].headers.get("if-none-match").map(String::as_str), Some("\"b-1\""));
}
