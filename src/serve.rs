//! `zaman serve`: the HTTP service, a client of the library like the CLI (feature
//! `server`, on by default; axum on tokio).
//!
//! Routes: `POST /extract` (a JSON body `{"text", "dct"?, "policy"?, "format"?, "id"?,
//! "compact"?}`, or the raw text with the same fields as query parameters) answers the
//! document in any export format, byte for byte what `zaman extract` writes; `POST /batch`
//! reads JSON Lines and streams one line per record back, the records and error records
//! of `zaman batch`; `GET /health`, `GET /formats`, `GET /` (a short usage page).
//!
//! Limits: a request body larger than `max_body` is refused with 413; a request that takes
//! longer than `timeout` gets 408 (a batch stream is cut with a final error line); at most
//! `max_concurrent` extractions are admitted at once, the next gets 503 with
//! `Retry-After`. Extraction runs on a rayon pool of `threads` threads, never on the async
//! workers; an admitted job keeps its place until it has finished, even when its request
//! timed out, so the bound holds. SIGTERM or ctrl-c stops accepting connections and lets
//! the running requests finish. Every bad request gets a 4xx JSON `{"error": "…"}` naming
//! the problem.

use std::io::{self, Write};
use std::net::SocketAddr;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use futures_util::StreamExt;
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc, oneshot};

use crate::batch;
use crate::export::{self, Format};
use crate::input;
use crate::{Dct, Extractor, Lexicon, Policy};

/// How the service runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on; port 0 picks a free one (the bound address is printed).
    pub addr: SocketAddr,
    /// Extraction threads (0 = one per core).
    pub threads: usize,
    /// Largest request body in bytes; larger ones get 413.
    pub max_body: usize,
    /// Time allowed for one request (reading it and extracting); beyond it, 408.
    pub timeout: Duration,
    /// Extractions admitted at once (running or waiting for a thread); beyond, 503.
    pub max_concurrent: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            threads: 0,
            max_body: 16 << 20,
            timeout: Duration::from_secs(30),
            max_concurrent: 64,
        }
    }
}

/// What every handler shares.
struct Shared {
    pool: rayon::ThreadPool,
    permits: Arc<Semaphore>,
    config: Config,
}

type State = Arc<Shared>;

/// A request that cannot be answered: its status and what is wrong.
#[derive(Debug)]
struct ApiError {
    status: StatusCode,
    message: String,
    retry_after: Option<u64>,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            message: message.into(),
            retry_after: None,
        }
    }

    fn bad(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, "application/json")],
            format!("{}\n", json!({ "error": self.message })),
        )
            .into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}

/// Runs the service until SIGTERM or ctrl-c, printing `zaman serve: listening on
/// http://ADDR` on standard error once it accepts connections.
///
/// # Errors
/// The address cannot be bound, or the runtime or the threads cannot be started.
pub fn run(config: Config) -> io::Result<()> {
    let threads = if config.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        config.threads
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads.clamp(1, 4))
        .thread_name("zaman-http")
        .enable_all()
        .build()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("zaman-extract-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let shared = Arc::new(Shared {
        pool,
        permits: Arc::new(Semaphore::new(config.max_concurrent.max(1))),
        config: config.clone(),
    });
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        let local = listener.local_addr()?;
        eprintln!("zaman serve: listening on http://{local}");
        axum::serve(listener, router(shared))
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        eprintln!("zaman serve: stopped");
        Ok(())
    })
}

/// Resolves on SIGTERM or ctrl-c.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    eprintln!("zaman serve: shutting down, finishing the running requests");
}

fn router(state: State) -> Router {
    Router::new()
        .route("/", get(usage))
        .route("/health", get(health))
        .route("/formats", get(formats))
        .route("/extract", post(extract))
        .route("/batch", post(batch_route))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!(
            "no route {}: the routes are POST /extract, POST /batch, GET /health, GET /formats, GET /",
            uri.path()
        ),
    )
}

async fn method_not_allowed(uri: Uri) -> ApiError {
    let allowed = match uri.path() {
        "/extract" | "/batch" => "POST",
        _ => "GET",
    };
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{} takes {allowed} only", uri.path()),
    )
}

const USAGE: &str = "\
zaman serve: Arabic news text to an event timeline (zaman/timeline-v1)

POST /extract   the document of one text, in any format
                JSON body {\"text\": \"…\", \"dct\": \"2021-04-13\", \"policy\": \"news\", \"format\": \"json\"}
                or the raw text as the body with ?dct=&policy=&format=&id=&compact=true
                (dct, policy, format, id and compact are optional)
                curl --data-binary @article.txt 'http://HOST/extract?dct=2021-04-13&format=html'
POST /batch     JSON Lines {\"id\", \"text\", \"dct\"?} in, one document line per record out,
                in order, streamed; a bad record becomes {\"id\", \"error\"} in place (?policy=)
GET  /formats   the export formats
GET  /health    status and admitted extractions

Errors are 4xx JSON {\"error\": \"…\"}: 400 bad request, 404, 405, 408 timed out,
413 body too large, 415 unsupported body, 422 cannot render, 503 busy (Retry-After).
";

async fn usage() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], USAGE)
}

async fn health(axum::extract::State(state): axum::extract::State<State>) -> impl IntoResponse {
    let max = state.config.max_concurrent.max(1);
    let running = max.saturating_sub(state.permits.available_permits());
    axum::Json(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "schema": crate::SCHEMA,
        "extractions": running,
        "max_concurrent": max,
        "threads": state.pool.current_num_threads(),
    }))
}

async fn formats() -> impl IntoResponse {
    let list: Vec<Value> = Format::ALL
        .iter()
        .map(|f| json!({"name": f.name(), "help": f.help(), "content_type": content_type(*f)}))
        .collect();
    axum::Json(Value::Array(list))
}

/// The media type of each format's output.
fn content_type(format: Format) -> &'static str {
    match format {
        Format::Json | Format::Cytoscape | Format::Vis | Format::TimelineJs => "application/json",
        Format::Dot => "text/vnd.graphviz; charset=utf-8",
        Format::Graphml | Format::Timeml => "application/xml; charset=utf-8",
        Format::Semeval => "text/tab-separated-values; charset=utf-8",
        Format::Csv => "text/csv; charset=utf-8",
        Format::Svg => "image/svg+xml",
        Format::Html => "text/html; charset=utf-8",
    }
}

/// The fields of `/extract`, from the JSON body or the query string.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtractParams {
    text: Option<String>,
    dct: Option<String>,
    policy: Option<String>,
    format: Option<String>,
    id: Option<String>,
    compact: Option<bool>,
}

fn query<T: serde::de::DeserializeOwned + Default>(uri: &Uri) -> Result<T, ApiError> {
    match uri.query() {
        None | Some("") => Ok(T::default()),
        Some(_) => axum::extract::Query::<T>::try_from_uri(uri)
            .map(|q| q.0)
            .map_err(|e| ApiError::bad(format!("invalid query string: {}", e.body_text()))),
    }
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| {
            let m = m.trim().to_ascii_lowercase();
            m == "application/json" || m.ends_with("+json")
        })
}

/// Reads the whole body, refusing it with 413 past `max` bytes.
async fn read_body(headers: &HeaderMap, body: Body, max: usize) -> Result<Vec<u8>, ApiError> {
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body larger than the limit of {max} bytes (--max-body)"),
        )
    };
    if let Some(len) = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        && len > max as u64
    {
        return Err(too_large());
    }
    let mut stream = body.into_data_stream();
    let mut bytes = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk =
            chunk.map_err(|e| ApiError::bad(format!("cannot read the request body: {e}")))?;
        if bytes.len() + chunk.len() > max {
            return Err(too_large());
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

/// Admits one extraction, or says the service is busy.
fn admit(state: &State) -> Result<OwnedSemaphorePermit, ApiError> {
    state
        .permits
        .clone()
        .try_acquire_owned()
        .map_err(|_| ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: format!(
                "busy: {} extractions are running or waiting (--max-concurrent); retry later",
                state.config.max_concurrent.max(1)
            ),
            retry_after: Some(1),
        })
}

/// Runs `job` on the extraction pool, keeping `permit` until it has finished.
async fn on_pool<T: Send + 'static>(
    state: &State,
    permit: OwnedSemaphorePermit,
    job: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    let (tx, rx) = oneshot::channel();
    state.pool.spawn(move || {
        let result = catch_unwind(AssertUnwindSafe(job));
        drop(permit);
        let _ = tx.send(result);
    });
    match rx.await {
        Ok(Ok(value)) => Ok(value),
        // a defect in the engine costs this request, never the service
        _ => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "internal error while extracting this text",
        )),
    }
}

fn timed_out(state: &State) -> ApiError {
    ApiError::new(
        StatusCode::REQUEST_TIMEOUT,
        format!(
            "request timed out after {} s (--timeout)",
            state.config.timeout.as_secs_f64()
        ),
    )
}

async fn extract(
    axum::extract::State(state): axum::extract::State<State>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let timeout = state.config.timeout;
    tokio::time::timeout(timeout, extract_inner(state.clone(), uri, headers, body))
        .await
        .unwrap_or_else(|_| Err(timed_out(&state)))
}

async fn extract_inner(
    state: State,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let from_query: ExtractParams = query(&uri)?;
    if from_query.text.is_some() {
        return Err(ApiError::bad(
            "give the text as the body (raw, or the \"text\" field of a JSON body), not as a query parameter",
        ));
    }
    let bytes = read_body(&headers, body, state.config.max_body).await?;
    let json = is_json(&headers);
    let (params, raw) = if json {
        let value: Value = serde_json::from_slice(&bytes)
            .map_err(|e| ApiError::bad(format!("invalid JSON body: {e}")))?;
        if !value.is_object() {
            let found = match value {
                Value::Array(_) => "an array",
                Value::String(_) => "a string",
                Value::Number(_) => "a number",
                Value::Bool(_) => "a boolean",
                _ => "null",
            };
            return Err(ApiError::bad(format!(
                "JSON body: must be an object {{\"text\": …}}, found {found}"
            )));
        }
        let body: ExtractParams = serde_json::from_value(value)
            .map_err(|e| ApiError::bad(format!("invalid JSON body: {e}")))?;
        if body.text.is_none() {
            return Err(ApiError::bad("JSON body: missing string field \"text\""));
        }
        let merged = ExtractParams {
            text: body.text,
            dct: body.dct.or(from_query.dct),
            policy: body.policy.or(from_query.policy),
            format: body.format.or(from_query.format),
            id: body.id.or(from_query.id),
            compact: body.compact.or(from_query.compact),
        };
        (merged, Vec::new())
    } else {
        if let Some(ct) = headers.get(header::CONTENT_TYPE)
            && let Ok(ct) = ct.to_str()
            && ct.to_ascii_lowercase().starts_with("multipart/")
        {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "multipart bodies are not read: send the text as the body or as JSON {\"text\": …}",
            ));
        }
        (from_query, bytes)
    };
    let format: Format = match &params.format {
        Some(f) => f.parse().map_err(ApiError::bad)?,
        None => Format::Json,
    };
    let policy: Policy = match &params.policy {
        Some(p) => p.parse().map_err(ApiError::bad)?,
        None => Policy::News,
    };
    let dct = params
        .dct
        .as_deref()
        .map(str::parse::<Dct>)
        .transpose()
        .map_err(|e| ApiError::bad(e.to_string()))?;
    let id = params.id.unwrap_or_else(|| "request".to_string());
    let decoded = match params.text {
        Some(text) => input::from_text(&text, input::Html::Detect),
        None => input::decode(&id, &raw, &input::Options::default())
            .map_err(|e| ApiError::bad(e.to_string()))?,
    };
    let options = export::Options {
        compact: params.compact.unwrap_or(false),
        ..export::Options::default()
    };
    let permit = admit(&state)?;
    let rendered = on_pool(&state, permit, move || {
        let extractor = Extractor::new(Lexicon::builtin(), policy);
        let mut doc = extractor.extract(&id, &decoded.text, dct);
        doc.warnings = decoded.warnings;
        let mut out = Vec::new();
        export::write(format, &doc, Some(&decoded.text), &options, &mut out)
            .map(|()| out)
            .map_err(|e| e.to_string())
    })
    .await?
    .map_err(|e| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("cannot write the document as {}: {e}", format.name()),
        )
    })?;
    Ok(([(header::CONTENT_TYPE, content_type(format))], rendered).into_response())
}

/// The query parameters of `/batch`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchParams {
    policy: Option<String>,
}

async fn batch_route(
    axum::extract::State(state): axum::extract::State<State>,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let started = Instant::now();
    let timeout = state.config.timeout;
    let bytes = tokio::time::timeout(timeout, async {
        let params: BatchParams = query(&uri)?;
        let policy: Policy = match &params.policy {
            Some(p) => p.parse().map_err(ApiError::bad)?,
            None => Policy::News,
        };
        let bytes = read_body(&headers, body, state.config.max_body).await?;
        Ok::<_, ApiError>((policy, bytes))
    })
    .await
    .unwrap_or_else(|_| Err(timed_out(&state)))?;
    let (policy, bytes) = bytes;
    let permit = admit(&state)?;
    let (tx, rx) = mpsc::channel::<Result<Bytes, io::Error>>(16);
    let deadline = started + timeout;
    let shared = state.clone();
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let extractor = Extractor::new(Lexicon::builtin(), policy);
        let mut out = LineSender {
            tx: tx.clone(),
            buf: Vec::new(),
            deadline,
        };
        let records = batch::lines(io::Cursor::new(bytes));
        let result = batch::run_with(
            &extractor,
            &input::Options::default(),
            records,
            &mut out,
            &shared.pool,
            |_| {},
        );
        let result = result.and_then(|_| out.flush());
        if let Err(e) = result
            && e.kind() == io::ErrorKind::TimedOut
        {
            let line = batch::error_record(
                &Value::Null,
                &format!(
                    "request timed out after {} s (--timeout): the lines before this one are complete, the records after them were not extracted",
                    shared.config.timeout.as_secs_f64()
                ),
            );
            let _ = tx.blocking_send(Ok(Bytes::from(line + "\n")));
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    });
    Ok((
        [(header::CONTENT_TYPE, "application/x-ndjson")],
        Body::from_stream(stream),
    )
        .into_response())
}

/// The output of a batch run, sent to the response stream a few lines at a time; fails
/// (stopping the run) when the client has gone or the deadline has passed.
struct LineSender {
    tx: mpsc::Sender<Result<Bytes, io::Error>>,
    buf: Vec<u8>,
    deadline: Instant,
}

impl LineSender {
    fn send(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::take(&mut self.buf));
        self.tx
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client has gone"))
    }
}

impl Write for LineSender {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if Instant::now() > self.deadline {
            self.buf.clear();
            return Err(io::Error::new(io::ErrorKind::TimedOut, "deadline passed"));
        }
        self.buf.extend_from_slice(data);
        // a line at a time (batch writes each line, then its newline)
        if data.ends_with(b"\n") || self.buf.len() >= 64 << 10 {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// Parses a `--addr` value.
///
/// # Errors
/// Not an IP address with a port.
pub fn parse_addr(s: &str) -> Result<SocketAddr, String> {
    s.parse()
        .map_err(|e| format!("{s:?} is not an address with a port (127.0.0.1:8080): {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_a_content_type() {
        assert_eq!(content_type(Format::Json), "application/json");
        assert_eq!(content_type(Format::Html), "text/html; charset=utf-8");
        assert!(Format::ALL.iter().all(|f| !content_type(*f).is_empty()));
    }

    #[test]
    fn addresses() {
        assert_eq!(
            parse_addr("127.0.0.1:0").map(|a| a.port()),
            Ok(0),
            "port 0 is allowed"
        );
        assert!(parse_addr("localhost").is_err());
    }
}
