//! A tiny HTTP/1.1 server on 127.0.0.1 for the fetch tests: each test gives
//! it a routing function and reads back which paths were asked for.
//! Shared by the unit tests and `tests/fetch.rs` (through `#[path]`).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// What the server saw.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    /// Header names lowercased.
    pub headers: HashMap<String, String>,
    /// How many times this path was asked for before, this request excluded.
    pub seen: usize,
}

/// What the server answers.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Waited before answering at all.
    pub delay: Duration,
}

impl Response {
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Response {
        Response { status, headers: Vec::new(), body: body.into(), delay: Duration::ZERO }
    }
    pub fn header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
    pub fn delayed(mut self, delay: Duration) -> Response {
        self.delay = delay;
        self
    }
}

pub struct Server {
    pub addr: SocketAddr,
    hits: Arc<Mutex<Vec<Request>>>,
    in_flight: Arc<Mutex<(usize, usize)>>,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    /// Starts serving on a free port of 127.0.0.1 until dropped.
    pub async fn start<F>(route: F) -> Server
    where
        F: Fn(&Request) -> Response + Send + Sync + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local addr");
        let hits: Arc<Mutex<Vec<Request>>> = Arc::default();
        let route = Arc::new(route);
        let in_flight: Arc<Mutex<(usize, usize)>> = Arc::default();
        let task = {
            let hits = hits.clone();
            let in_flight = in_flight.clone();
            tokio::spawn(async move {
                while let Ok((mut socket, _)) = listener.accept().await {
                    let hits = hits.clone();
                    let route = route.clone();
                    let in_flight = in_flight.clone();
                    tokio::spawn(async move {
                        let Some((path, headers)) = read_head(&mut socket).await else {
                            return;
                        };
                        let request = {
                            let mut hits = hits.lock().unwrap();
                            let seen = hits.iter().filter(|r| r.path == path).count();
                            let request = Request { path, headers, seen };
                            hits.push(request.clone());
                            request
                        };
                        {
                            let mut f = in_flight.lock().unwrap();
                            f.0 += 1;
                            f.1 = f.1.max(f.0);
                        }
                        let response = route(&request);
                        tokio::time::sleep(response.delay).await;
                        let mut head = format!(
                            "HTTP/1.1 {} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                            response.status,
                            response.body.len()
                        );
                        for (k, v) in &response.headers {
                            head.push_str(&format!("{k}: {v}\r\n"));
                        }
                        head.push_str("\r\n");
                        let _ = socket.write_all(head.as_bytes()).await;
                        let _ = socket.write_all(&response.body).await;
                        let _ = socket.shutdown().await;
                        in_flight.lock().unwrap().0 -= 1;
                    });
                }
            })
        };
        Server { addr, hits, in_flight, task }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<Request> {
        self.hits.lock().unwrap().clone()
    }

    /// The most requests being answered at the same time.
    pub fn max_in_flight(&self) -> usize {
        self.in_flight.lock().unwrap().1
    }

    pub fn count(&self, path: &str) -> usize {
        self.hits.lock().unwrap().iter().filter(|r| r.path == path).count()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn read_head(socket: &mut tokio::net::TcpStream) -> Option<(String, HashMap<String, String>)> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = socket.read(&mut chunk).await.ok()?;
        if n == 0 || buf.len() > 64 * 1024 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let text = String::from_utf8_lossy(&buf);
    let mut lines = text.split("\r\n");
    let path = lines.next()?.split(' ').nth(1)?.to_string();
    let headers = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Some((path, headers))
}
