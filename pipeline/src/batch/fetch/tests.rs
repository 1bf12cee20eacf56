use std::time::Duration;

use super::test_server::{Response, Server};
use super::*;

/// A minimal PDF: what matters to the fetcher is the magic at the start.
fn pdf(n: usize) -> Vec<u8> {
    format!("%PDF-1.4\n% document {n}\n%%EOF\n").into_bytes()
}

/// Documents up to 1 KiB.
fn small() -> sop_extract::Limits {
    sop_extract::Limits { max_bytes: 1024, ..sop_extract::Limits::default() }
}

fn quick() -> FetchConfig {
    FetchConfig {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_millis(400),
        attempts: 3,
        backoff: Duration::from_millis(10),
        ..FetchConfig::default()
    }
}

async fn serve() -> Server {
    Server::start(|req| match req.path.as_str() {
        "/good.pdf" => {
            if req.headers.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
                Response::new(304, "")
            } else {
                Response::new(200, pdf(1))
                    .header("ETag", "\"v1\"")
                    .header("Last-Modified", "Tue, 01 Oct 2024 10:00:00 GMT")
            }
        }
        "/missing.pdf" => Response::new(404, "<html>not found</html>").header("Content-Type", "text/html"),
        "/flaky.pdf" if req.seen == 0 => Response::new(500, "oops"),
        "/flaky.pdf" => Response::new(200, pdf(2)),
        "/down.pdf" => Response::new(503, "down"),
        "/slow.pdf" => Response::new(200, pdf(3)).delayed(Duration::from_secs(5)),
        "/page.pdf" => Response::new(200, "<!DOCTYPE html><html><body>Ons SOP</body></html>")
            .header("Content-Type", "text/html; charset=utf-8"),
        "/word.pdf" => Response::new(200, "PK\x03\x04 not a pdf").header("Content-Type", "application/octet-stream"),
        "/big.pdf" => Response::new(200, [b"%PDF-1.4\n".as_slice(), &[b' '; 4096]].concat()),
        "/moved.pdf" => Response::new(302, "").header("Location", "/good.pdf"),
        "/loop.pdf" => Response::new(302, "").header("Location", "/loop.pdf"),
        "/shared.pdf" => Response::new(200, pdf(4)).delayed(Duration::from_millis(150)),
        _ => Response::new(404, ""),
    })
    .await
}

#[tokio::test]
async fn good_pdf_comes_with_its_validators() {
    let server = serve().await;
    let fetcher = Fetcher::new(quick(), &small()).unwrap();
    let Fetched::Pdf { bytes, validators, attempts, .. } = fetcher.fetch(&server.url("/good.pdf"), None).await.unwrap()
    else {
        panic!("expected a PDF")
    };
    assert_eq!(bytes, pdf(1));
    assert_eq!(attempts, 1);
    assert_eq!(validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(validators.last_modified.as_deref(), Some("Tue, 01 Oct 2024 10:00:00 GMT"));
}

#[tokio::test]
async fn known_validators_make_the_request_conditional() {
    let server = serve().await;
    let fetcher = Fetcher::new(quick(), &small()).unwrap();
    let known = Validators { etag: Some("\"v1\"".into()), last_modified: None };
    let got = fetcher.fetch(&server.url("/good.pdf"), Some(&known)).await.unwrap();
    assert!(matches!(got, Fetched::NotModified), "{got:?}");
    assert_eq!(server.requests()[0].headers.get("if-none-match").map(String::as_str), Some("\"v1\""));
}

#[tokio::test]
async fn not_found_is_not_retried() {
    let server = serve().await;
    let err = Fetcher::new(quick(), &small()).unwrap().fetch(&server.url("/missing.pdf"), None).await.unwrap_err();
    assert!(matches!(err, FetchError::NotFound { status: 404, .. }), "{err:?}");
    assert!(err.to_string().contains("niet gevonden"), "{err}");
    assert_eq!(server.count("/missing.pdf"), 1);
}

#[tokio::test]
async fn server_error_is_retried_until_it_succeeds() {
    let server = serve().await;
    let got = Fetcher::new(quick(), &small()).unwrap().fetch(&server.url("/flaky.pdf"), None).await.unwrap();
    assert!(matches!(got, Fetched::Pdf { attempts: 2, .. }), "{got:?}");
    assert_eq!(server.count("/flaky.pdf"), 2);
}

#[tokio::test]
async fn server_error_gives_up_after_the_last_attempt() {
    let server = serve().await;
    let err = Fetcher::new(quick(), &small()).unwrap().fetch(&server.url("/down.pdf"), None).await.unwrap_err();
    assert_eq!(err, FetchError::Status { url: server.url("/down.pdf"), status: 503, attempts: 3 });
    assert_eq!(server.count("/down.pdf"), 3);
}

#[tokio::test]
async fn slow_response_times_out_and_is_retried() {
    let server = serve().await;
    let config = FetchConfig { attempts: 2, ..quick() };
    let err = Fetcher::new(config, &small()).unwrap().fetch(&server.url("/slow.pdf"), None).await.unwrap_err();
    assert!(matches!(err, FetchError::Timeout { attempts: 2, .. }), "{err:?}");
    assert_eq!(server.count("/slow.pdf"), 2);
}

#[tokio::test]
async fn html_page_is_a_clear_error() {
    let server = serve().await;
    let err = Fetcher::new(quick(), &small()).unwrap().fetch(&server.url("/page.pdf"), None).await.unwrap_err();
    assert!(matches!(err, FetchError::Html { .. }), "{err:?}");
    assert!(err.to_string().contains("webpagina, geen PDF"), "{err}");
    assert_eq!(server.count("/page.pdf"), 1);
}

#[tokio::test]
async fn other_bytes_are_not_a_pdf() {
    let server = serve().await;
    let err = Fetcher::new(quick(), &small()).unwrap().fetch(&server.url("/word.pdf"), None).await.unwrap_err();
    assert!(matches!(err, FetchError::NotPdf { content_type: Some(_), .. }), "{err:?}");
}

#[tokio::test]
async fn oversized_file_is_refused() {
    let server = serve().await;
    let err = Fetcher::new(quick(), &small()).unwrap().fetch(&server.url("/big.pdf"), None).await.unwrap_err();
    assert!(matches!(err, FetchError::TooLarge { limit: 1024, .. }), "{err:?}");
}

#[tokio::test]
async fn redirect_is_followed() {
    let server = serve().await;
    let got = Fetcher::new(quick(), &small()).unwrap().fetch(&server.url("/moved.pdf"), None).await.unwrap();
    let Fetched::Pdf { bytes, final_url, .. } = got else { panic!("expected a PDF") };
    assert_eq!(bytes, pdf(1));
    assert_eq!(final_url, server.url("/good.pdf"));
}

#[tokio::test]
async fn redirect_loop_ends() {
    let server = serve().await;
    let err = Fetcher::new(quick(), &small()).unwrap().fetch(&server.url("/loop.pdf"), None).await.unwrap_err();
    assert!(matches!(err, FetchError::Other { .. }), "{err:?}");
    assert_eq!(server.count("/loop.pdf"), quick().max_redirects + 1);
}

#[tokio::test]
async fn no_more_than_the_per_host_limit_at_once() {
    let server = serve().await;
    let fetcher =
        Fetcher::new(FetchConfig { per_host: 2, total_timeout: Duration::from_secs(5), ..quick() }, &small()).unwrap();
    let url = server.url("/shared.pdf");
    let all = (0..6).map(|_| {
        let fetcher = fetcher.clone();
        let url = url.clone();
        tokio::spawn(async move { fetcher.fetch(&url, None).await })
    });
    for task in all.collect::<Vec<_>>() {
        assert!(matches!(task.await.unwrap(), Ok(Fetched::Pdf { .. })));
    }
    assert_eq!(server.count("/shared.pdf"), 6);
    assert_eq!(server.max_in_flight(), 2);
}

#[tokio::test]
async fn nothing_listens_is_a_connect_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/x.pdf", listener.local_addr().unwrap());
    drop(listener);
    let err = Fetcher::new(quick(), &small()).unwrap().fetch(&url, None).await.unwrap_err();
    assert!(matches!(err, FetchError::Connect { .. }), "{err:?}");
}
