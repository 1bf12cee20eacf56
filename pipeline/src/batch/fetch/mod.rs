//! Downloading the SOPs named in `--sources` over HTTP(S).
//!
//! One [`Fetcher`] per batch: a reqwest client with rustls, connect and total
//! timeouts, a cap on redirects, a size limit, a per-host concurrency limit and
//! retries with backoff on timeouts and 5xx answers only (a 404 or an HTML page
//! will not get better by asking again). The size limit is the document's
//! (`sop_extract::Limits::max_bytes`, `--max-size`), as for inbox files. What
//! comes back must be a PDF by its magic bytes (`sop_extract::is_pdf`);
//! anything else is a [`FetchError`] that names the URL and says what to do.
//! A PDF's bytes go on in memory to extraction and the archive.
//!
//! Conditional requests: the caller passes the ETag / Last-Modified remembered
//! from the last successful run ([`Validators`]); a `304 Not Modified` becomes
//! [`Fetched::NotModified`] and nothing is downloaded. The caller stores the new
//! validators only after the document went all the way into the archive, so a
//! document that failed later in the batch is downloaded again next time.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::{HeaderMap, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use reqwest::StatusCode;
use sop_i18n::t;
use tokio::sync::Semaphore;

#[cfg(test)]
pub mod test_server;
#[cfg(test)]
mod tests;

/// How the fetcher behaves on the network. [`FetchConfig::default`] is what
/// `sop run` uses; the size limit comes with the document limits.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    pub connect_timeout: Duration,
    /// For one attempt, from sending the request to the last byte of the body.
    pub total_timeout: Duration,
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// The wait before the second attempt; doubled for each one after it.
    pub backoff: Duration,
    pub max_redirects: usize,
    /// Downloads from one host at the same time: school websites are small.
    pub per_host: usize,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            connect_timeout: Duration::from_secs(10),
            total_timeout: Duration::from_secs(60),
            attempts: 3,
            backoff: Duration::from_millis(500),
            max_redirects: 5,
            per_host: 2,
        }
    }
}

/// The HTTP validators of a downloaded document, remembered in the archive.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Validators {
    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }
}

/// A successful fetch.
#[derive(Debug)]
pub enum Fetched {
    /// The server says the document is unchanged since the validators given.
    NotModified,
    /// A PDF. `final_url` differs from the one asked for after a redirect;
    /// `attempts` counts the tries it took (logged).
    Pdf { bytes: Vec<u8>, validators: Validators, final_url: String, attempts: u32 },
}

/// Why a URL gave no PDF. The messages are for the SWV's staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    InvalidUrl { url: String, reason: String },
    NotFound { url: String, status: u16 },
    Status { url: String, status: u16, attempts: u32 },
    Timeout { url: String, attempts: u32 },
    Connect { url: String, reason: String },
    TooLarge { url: String, limit: u64 },
    Html { url: String },
    NotPdf { url: String, content_type: Option<String> },
    Other { url: String, reason: String },
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let url = |u: &String| u.clone();
        let s = match self {
            FetchError::InvalidUrl { url: u, reason } => t!("fetch-invalid-url", url = url(u), reason = reason),
            FetchError::NotFound { url: u, status } => t!("fetch-not-found", url = url(u), status = status.to_string()),
            FetchError::Status { url: u, status, attempts } => {
                t!("fetch-status", url = url(u), status = status.to_string(), attempts = attempts)
            }
            FetchError::Timeout { url: u, attempts } => t!("fetch-timeout", url = url(u), attempts = attempts),
            FetchError::Connect { url: u, reason } => t!("fetch-connect", url = url(u), reason = reason),
            FetchError::TooLarge { url: u, limit } => {
                t!("fetch-too-large", url = url(u), limit = (limit / (1024 * 1024)).max(1))
            }
            FetchError::Html { url: u } => t!("fetch-html", url = url(u)),
            FetchError::NotPdf { url: u, content_type: Some(ct) } => {
                t!("fetch-not-pdf-type", url = url(u), content_type = ct)
            }
            FetchError::NotPdf { url: u, content_type: None } => t!("fetch-not-pdf", url = url(u)),
            FetchError::Other { url: u, reason } => t!("fetch-other", url = url(u), reason = reason),
        };
        f.write_str(&s)
    }
}

impl std::error::Error for FetchError {}

/// Downloads PDFs; cheap to clone and share between tasks.
#[derive(Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    config: FetchConfig,
    /// The largest document downloaded, in bytes.
    max_bytes: u64,
    hosts: Arc<Mutex<HashMap<String, Arc<Semaphore>>>>,
}

impl Fetcher {
    /// A fetcher under `config` that downloads no document over `limits.max_bytes`.
    pub fn new(config: FetchConfig, limits: &sop_extract::Limits) -> anyhow::Result<Fetcher> {
        let client = reqwest::Client::builder()
            .user_agent(concat!("sop/", env!("CARGO_PKG_VERSION"), " (schoolondersteuningsprofielen)"))
            .connect_timeout(config.connect_timeout)
            .timeout(config.total_timeout)
            .redirect(reqwest::redirect::Policy::limited(config.max_redirects))
            .build()?;
        Ok(Fetcher { client, config, max_bytes: limits.max_bytes, hosts: Arc::default() })
    }

    /// Fetches one URL. `known` are the validators of the copy already in the
    /// archive, if any: with them the request is conditional.
    pub async fn fetch(&self, url: &str, known: Option<&Validators>) -> Result<Fetched, FetchError> {
        let parsed = reqwest::Url::parse(url)
            .map_err(|e| FetchError::InvalidUrl { url: url.to_string(), reason: e.to_string() })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(FetchError::InvalidUrl {
                url: url.to_string(),
                reason: format!("scheme `{}`", parsed.scheme()),
            });
        }
        let host = format!("{}:{}", parsed.host_str().unwrap_or_default(), parsed.port_or_known_default().unwrap_or(0));
        let permit_pool = self.host_pool(&host);
        let _permit = permit_pool.acquire_owned().await.expect("host semaphores are never closed");

        let mut attempt = 1;
        loop {
            match self.attempt(url, known, attempt).await {
                Err(Attempt::Retry(err)) if attempt < self.config.attempts => {
                    let wait = self.config.backoff * 2u32.saturating_pow(attempt - 1);
                    tracing::info!(%url, attempt, ?wait, "retrying after {err}");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                Err(Attempt::Retry(err) | Attempt::Fatal(err)) => return Err(err),
                Ok(fetched) => return Ok(fetched),
            }
        }
    }

    fn host_pool(&self, host: &str) -> Arc<Semaphore> {
        let mut hosts = self.hosts.lock().expect("host map lock");
        hosts.entry(host.to_string()).or_insert_with(|| Arc::new(Semaphore::new(self.config.per_host.max(1)))).clone()
    }

    async fn attempt(&self, url: &str, known: Option<&Validators>, attempt: u32) -> Result<Fetched, Attempt> {
        let mut request = self.client.get(url);
        if let Some(v) = known {
            if let Some(etag) = &v.etag {
                request = request.header(IF_NONE_MATCH, etag);
            }
            if let Some(lm) = &v.last_modified {
                request = request.header(IF_MODIFIED_SINCE, lm);
            }
        }
        let classify = |e: reqwest::Error| -> Attempt {
            if e.is_timeout() {
                Attempt::Retry(FetchError::Timeout { url: url.to_string(), attempts: attempt })
            } else if e.is_connect() {
                Attempt::Fatal(FetchError::Connect { url: url.to_string(), reason: root_cause(&e) })
            } else if e.is_redirect() {
                Attempt::Fatal(FetchError::Other { url: url.to_string(), reason: t!("fetch-too-many-redirects") })
            } else {
                Attempt::Fatal(FetchError::Other { url: url.to_string(), reason: root_cause(&e) })
            }
        };
        let mut response = request.send().await.map_err(classify)?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED && known.is_some() {
            return Ok(Fetched::NotModified);
        }
        if status.is_server_error() {
            return Err(Attempt::Retry(FetchError::Status {
                url: url.to_string(),
                status: status.as_u16(),
                attempts: attempt,
            }));
        }
        if status == StatusCode::NOT_FOUND || status == StatusCode::GONE {
            return Err(Attempt::Fatal(FetchError::NotFound { url: url.to_string(), status: status.as_u16() }));
        }
        if !status.is_success() {
            return Err(Attempt::Fatal(FetchError::Status {
                url: url.to_string(),
                status: status.as_u16(),
                attempts: attempt,
            }));
        }
        let limit = self.max_bytes;
        if response.content_length().is_some_and(|n| n > limit) {
            return Err(Attempt::Fatal(FetchError::TooLarge { url: url.to_string(), limit }));
        }
        let headers = response.headers().clone();
        let final_url = response.url().to_string();
        let mut bytes = Vec::with_capacity(response.content_length().unwrap_or(64 * 1024).min(limit) as usize);
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            if bytes.len() as u64 + chunk.len() as u64 > limit {
                return Err(Attempt::Fatal(FetchError::TooLarge { url: url.to_string(), limit }));
            }
            bytes.extend_from_slice(&chunk);
        }
        check_pdf(url, &bytes, &headers).map_err(Attempt::Fatal)?;
        Ok(Fetched::Pdf { bytes, validators: validators(&headers), final_url, attempts: attempt })
    }
}

enum Attempt {
    Retry(FetchError),
    Fatal(FetchError),
}

fn check_pdf(url: &str, bytes: &[u8], headers: &HeaderMap) -> Result<(), FetchError> {
    if sop_extract::is_pdf(bytes) {
        return Ok(());
    }
    let content_type = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_string);
    // A web page by its first bytes (the loader's rule), or any markup.
    let looks_html = sop_extract::sniff_not_pdf(bytes) == Some(sop_extract::Looks::Html)
        || bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<');
    if looks_html || content_type.as_deref().is_some_and(|ct| ct.contains("html")) {
        return Err(FetchError::Html { url: url.to_string() });
    }
    Err(FetchError::NotPdf { url: url.to_string(), content_type })
}

fn validators(headers: &HeaderMap) -> Validators {
    let get = |name| headers.get(name).and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok()).map(str::to_string);
    Validators { etag: get(ETAG), last_modified: get(LAST_MODIFIED) }
}

/// reqwest's own message is "error sending request"; the cause says why.
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = err;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}
