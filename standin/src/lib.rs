//! A Graph API stand-in on 127.0.0.1: `msgrkit demo` sends to it, and the tests of the
//! core, the C library and the CLI script it to answer errors, slowness and broken
//! connections. Plain HTTP/1.1 with keep-alive, on std alone (no async runtime); the
//! sandbox (`msgrkit-sandbox`) is the full simulation.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// One scripted answer; once the script runs out, every request gets [`Reply::Default`].
#[derive(Clone, Debug)]
pub enum Reply {
    /// Status, extra headers and a body.
    Answer(u16, Vec<(String, String)>, String),
    /// Waits, then answers.
    Slow(Duration, Box<Reply>),
    /// Starts a 200 answer and closes the connection half-way through its body.
    CloseMidResponse,
    /// What Graph answers on success: a message ID for sends, `{"success": true}` otherwise.
    Default,
    /// Answers with this status and the request reflected back as a JSON body (its target
    /// and headers, `Authorization` included), as a misconfigured proxy would.
    Reflect(u16),
}

impl Reply {
    /// A JSON answer.
    pub fn json(status: u16, body: &str) -> Self {
        Self::Answer(status, Vec::new(), body.to_owned())
    }

    /// A Graph error envelope.
    pub fn graph_error(status: u16, code: i64, subcode: Option<i64>, message: &str) -> Self {
        let mut error = serde_json::json!({"message": message, "type": "OAuthException", "code": code, "fbtrace_id": "AStandIn"});
        if let Some(subcode) = subcode {
            error["error_subcode"] = subcode.into();
        }
        Self::json(status, &serde_json::json!({ "error": error }).to_string())
    }
}

/// A request as the stand-in received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// The method.
    pub method: String,
    /// Path and query.
    pub target: String,
    /// Header names lowercased.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Recorded {
    /// The first header called `name` (lowercase).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The running stand-in; it stops with the process.
pub struct StandIn {
    port: u16,
    requests: Arc<Mutex<Vec<Recorded>>>,
}

impl StandIn {
    /// Starts on a free loopback port with `script`.
    pub fn start(script: Vec<Reply>) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(VecDeque::from(script)));
        let recorded = Arc::clone(&requests);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (recorded, script) = (Arc::clone(&recorded), Arc::clone(&script));
                thread::spawn(move || serve(stream, &recorded, &script));
            }
        });
        Ok(Self { port, requests })
    }

    /// The base URL to give as `--graph-url`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

fn serve(stream: TcpStream, recorded: &Mutex<Vec<Recorded>>, script: &Mutex<VecDeque<Reply>>) {
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    while let Some(request) = read_request(&mut reader) {
        let reply = script
            .lock()
            .ok()
            .and_then(|mut s| s.pop_front())
            .unwrap_or(Reply::Default);
        let message_number = {
            let Ok(mut all) = recorded.lock() else { return };
            all.push(request.clone());
            all.len()
        };
        if !answer(&mut writer, &request, reply, message_number) {
            return;
        }
    }
}

/// Writes the answer; false when the connection is to be (or was) closed.
fn answer(writer: &mut TcpStream, request: &Recorded, reply: Reply, number: usize) -> bool {
    let (status, headers, body) = match reply {
        Reply::Answer(status, headers, body) => (status, headers, body),
        Reply::Slow(wait, reply) => {
            thread::sleep(wait);
            return answer(writer, request, *reply, number);
        }
        Reply::CloseMidResponse => {
            let _ = writer.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n{\"recipient_");
            let _ = writer.shutdown(std::net::Shutdown::Both);
            return false;
        }
        Reply::Default => (200, Vec::new(), default_body(request, number)),
        Reply::Reflect(status) => {
            let headers: serde_json::Map<String, serde_json::Value> = request
                .headers
                .iter()
                .map(|(k, v)| (k.clone(), v.clone().into()))
                .collect();
            let echo = serde_json::json!({"target": request.target, "headers": headers});
            (status, Vec::new(), echo.to_string())
        }
    };
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    writer
        .write_all(head.as_bytes())
        .and_then(|()| writer.write_all(body.as_bytes()))
        .is_ok()
}

fn default_body(request: &Recorded, number: usize) -> String {
    let json: serde_json::Value = serde_json::from_slice(&request.body).unwrap_or_default();
    let path = request.target.split('?').next().unwrap_or_default();
    if path.ends_with("/messages") {
        let recipient = json["recipient"]["id"].as_str().unwrap_or("0");
        return serde_json::json!({"recipient_id": recipient, "message_id": format!("m_standin_{number}")}).to_string();
    }
    r#"{"success":true}"#.to_owned()
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Recorded> {
    let mut line = String::new();
    reader.read_line(&mut line).ok().filter(|n| *n > 0)?;
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next()?.to_owned(), parts.next()?.to_owned());
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok().filter(|n| *n > 0)?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Recorded {
        method,
        target,
        headers,
        body,
    })
}
