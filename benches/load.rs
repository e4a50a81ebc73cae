//! Load test of `zaman serve` on loopback: a bounded client (fixed request count and a
//! time bound per run, stops by itself) measuring requests/s and p50/p99 latency for
//! the 6 KB article (`../shared/samples/biden-putin-call-2021-04-13.txt`) at 1, 8 and 64
//! concurrent clients, then a mix of good and malformed requests at 64 clients. Every
//! answer is checked: a good request must get exactly the library's document, a bad one
//! exactly its 4xx error; the run fails if any request is lost or answered wrongly.
//!
//!   cargo bench --bench load                    # 2000 requests per run, 60 s bound
//!   cargo bench --bench load -- 500 20          # REQUESTS SECONDS
//!
//! Only 127.0.0.1 is ever contacted (the server binds port 0 there).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[path = "../tests/http_client.rs"]
mod http_client;

use zaman::export::{self, Format};
use zaman::{Dct, Extractor};

/// One kind of request and the answer it must get.
struct Case {
    name: &'static str,
    target: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    status: u16,
    expect: Vec<u8>,
    /// raw bytes on the wire instead of a request
    raw: bool,
    /// a 503 with Retry-After and its JSON error is a right answer too (overload run)
    or_busy: bool,
}

#[derive(Default)]
struct Outcome {
    latencies: Vec<Duration>,
    lost: usize,
    wrong: usize,
    busy: usize,
    by_case: Vec<usize>,
}

/// Ok(false) the answer expected, Ok(true) a right 503, Err(true) lost, Err(false) wrong.
fn check(case: &Case, answer: std::io::Result<http_client::Response>) -> Result<bool, bool> {
    match answer {
        Err(_) => Err(true),
        Ok(r) if r.status == case.status && (case.expect.is_empty() || r.body == case.expect) => {
            Ok(false)
        }
        Ok(r)
            if case.or_busy
                && r.status == 503
                && r.header("retry-after") == Some("1")
                && r.text().starts_with("{\"error\":\"busy: ") =>
        {
            Ok(true)
        }
        Ok(_) => Err(false),
    }
}

fn run(
    addr: &str,
    cases: &Arc<Vec<Case>>,
    clients: usize,
    requests: usize,
    bound: Duration,
) -> (Outcome, Duration) {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let handles: Vec<_> = (0..clients)
        .map(|_| {
            let next = next.clone();
            let cases = cases.clone();
            let addr = addr.to_string();
            std::thread::spawn(move || {
                let mut out = Outcome {
                    by_case: vec![0; cases.len()],
                    ..Outcome::default()
                };
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= requests || started.elapsed() > bound {
                        break;
                    }
                    let case = &cases[i % cases.len()];
                    let t = Instant::now();
                    let answer = if case.raw {
                        http_client::raw(&addr, &case.body).and_then(|b| http_client::parse(&b))
                    } else {
                        http_client::request(
                            &addr,
                            "POST",
                            case.target,
                            &[("Content-Type", case.content_type)],
                            &case.body,
                        )
                    };
                    out.latencies.push(t.elapsed());
                    out.by_case[i % cases.len()] += 1;
                    match check(case, answer) {
                        Ok(false) => {}
                        Ok(true) => out.busy += 1,
                        Err(true) => out.lost += 1,
                        Err(false) => out.wrong += 1,
                    }
                }
                out
            })
        })
        .collect();
    let mut all = Outcome {
        by_case: vec![0; cases.len()],
        ..Outcome::default()
    };
    for h in handles {
        let o = h.join().unwrap_or_default();
        all.latencies.extend(o.latencies);
        all.lost += o.lost;
        all.wrong += o.wrong;
        all.busy += o.busy;
        for (a, b) in all.by_case.iter_mut().zip(o.by_case) {
            *a += b;
        }
    }
    (all, started.elapsed())
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)].as_secs_f64() * 1e3
}

/// Starts `zaman serve` on a free loopback port: the process and its address.
fn start(args: &[&str]) -> Option<(std::process::Child, String)> {
    let mut child = match Command::new(env!("CARGO_BIN_EXE_zaman"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => {
            eprintln!("load: cannot start zaman serve: {e}");
            return None;
        }
    };
    let mut first = String::new();
    if let Some(stderr) = child.stderr.take() {
        let mut reader = BufReader::new(stderr);
        let _ = reader.read_line(&mut first);
        std::thread::spawn(move || for _ in reader.lines() {});
    }
    match first
        .trim()
        .strip_prefix("zaman serve: listening on http://")
    {
        Some(addr) => Some((child, addr.to_string())),
        None => {
            eprintln!("load: zaman serve said {first:?}");
            let _ = child.kill();
            None
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let requests: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let bound = Duration::from_secs(args.get(1).and_then(|a| a.parse().ok()).unwrap_or(60));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let article_path = root.join("../shared/samples/biden-putin-call-2021-04-13.txt");
    let Ok(article) = std::fs::read_to_string(&article_path) else {
        eprintln!(
            "load: {} is missing (../shared beside the project)",
            article_path.display()
        );
        std::process::exit(2);
    };

    // what a good request must get: the library's own document, compact
    let doc = Extractor::default().extract("request", &article, "2021-04-13".parse::<Dct>().ok());
    let mut expected = Vec::new();
    let options = export::Options {
        compact: true,
        ..export::Options::default()
    };
    if let Err(e) = export::write(Format::Json, &doc, Some(&article), &options, &mut expected) {
        eprintln!("load: {e}");
        std::process::exit(2);
    }

    let Some((mut child, addr)) = start(&[]) else {
        std::process::exit(2);
    };
    assert!(addr.starts_with("127.0.0.1:"), "loopback only");

    let good = || Case {
        name: "good",
        target: "/extract?dct=2021-04-13&compact=true",
        content_type: "text/plain; charset=utf-8",
        body: article.as_bytes().to_vec(),
        status: 200,
        expect: expected.clone(),
        raw: false,
        or_busy: false,
    };
    let error = |message: &str| {
        format!("{{\"error\":{}}}\n", serde_json::Value::from(message)).into_bytes()
    };
    let mixed = vec![
        good(),
        Case {
            name: "invalid JSON",
            target: "/extract",
            content_type: "application/json",
            body: b"{\"text\": ".to_vec(),
            status: 400,
            expect: error("invalid JSON body: EOF while parsing a value at line 1 column 9"),
            raw: false,
            or_busy: false,
        },
        good(),
        Case {
            name: "bad dct",
            target: "/extract?dct=2021-02-30",
            content_type: "text/plain",
            body: article.as_bytes().to_vec(),
            status: 400,
            expect: Vec::new(),
            raw: false,
            or_busy: false,
        },
        Case {
            name: "unknown format",
            target: "/extract?format=pdf",
            content_type: "text/plain",
            body: b"x".to_vec(),
            status: 400,
            expect: Vec::new(),
            raw: false,
            or_busy: false,
        },
        good(),
        Case {
            name: "no route",
            target: "/nowhere",
            content_type: "text/plain",
            body: Vec::new(),
            status: 404,
            expect: Vec::new(),
            raw: false,
            or_busy: false,
        },
        Case {
            name: "junk on the wire",
            target: "",
            content_type: "",
            body: b"GARBAGE \x00\xff\r\n\r\n".to_vec(),
            status: 400,
            expect: Vec::new(),
            raw: true,
            or_busy: false,
        },
        Case {
            name: "bad batch line",
            target: "/batch",
            content_type: "application/x-ndjson",
            body: b"{\"id\": 1, \"text\": 2}\n".to_vec(),
            status: 200,
            expect: b"{\"id\":1,\"error\":\"line 1: field \\\"text\\\" must be a string, found a number\"}\n".to_vec(),
            raw: false,
            or_busy: false,
        },
    ];
    let good_only = Arc::new(vec![good()]);
    let mixed = Arc::new(mixed);

    println!(
        "zaman serve load test: {requests} requests per run (time bound {} s), the 6 KB article, 127.0.0.1",
        bound.as_secs()
    );
    println!();
    println!(
        "| run | clients | requests | seconds | requests/s | p50 ms | p99 ms | lost | wrong |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut failed = false;
    for (name, cases, clients) in [
        ("article", &good_only, 1),
        ("article", &good_only, 8),
        ("article", &good_only, 64),
        ("mixed", &mixed, 64),
    ] {
        // warm up
        let _ = run(&addr, cases, clients.min(8), 16, bound);
        let (mut o, took) = run(&addr, cases, clients, requests, bound);
        o.latencies.sort();
        let n = o.latencies.len();
        println!(
            "| {name} | {clients} | {n} | {:.2} | {:.0} | {:.1} | {:.1} | {} | {} |",
            took.as_secs_f64(),
            n as f64 / took.as_secs_f64(),
            percentile(&o.latencies, 0.50),
            percentile(&o.latencies, 0.99),
            o.lost,
            o.wrong
        );
        if name == "mixed" {
            let kinds: Vec<String> = cases
                .iter()
                .zip(&o.by_case)
                .map(|(c, k)| format!("{} {k}", c.name))
                .collect();
            println!();
            println!("mixed run, requests by kind: {}", kinds.join(", "));
        }
        failed |= o.lost > 0 || o.wrong > 0;
    }
    // overload: 64 clients against a server that admits 4 extractions at once; every
    // answer must be the document or a 503 with Retry-After
    if let Some((mut small, small_addr)) = start(&["--max-concurrent", "4"]) {
        let mut busy_case = good();
        busy_case.or_busy = true;
        let cases = Arc::new(vec![busy_case]);
        let (mut o, took) = run(&small_addr, &cases, 64, requests, bound);
        o.latencies.sort();
        let n = o.latencies.len();
        println!();
        println!(
            "overload (--max-concurrent 4, 64 clients): {n} requests in {:.2} s, {} answered 503 + Retry-After, {} documents ({:.0}/s), p50 {:.1} ms, p99 {:.1} ms, lost {}, wrong {}",
            took.as_secs_f64(),
            o.busy,
            n - o.busy - o.lost - o.wrong,
            (n - o.busy - o.lost - o.wrong) as f64 / took.as_secs_f64(),
            percentile(&o.latencies, 0.50),
            percentile(&o.latencies, 0.99),
            o.lost,
            o.wrong
        );
        failed |= o.lost > 0 || o.wrong > 0;
        let _ = small.kill();
        let _ = small.wait();
    }
    let health = http_client::request(&addr, "GET", "/health", &[], b"");
    let alive = health.as_ref().is_ok_and(|r| r.status == 200);
    println!("server alive after the runs: {alive}");
    let _ = child.kill();
    let _ = child.wait();
    if failed || !alive {
        eprintln!("load: some requests were lost or answered wrongly");
        std::process::exit(1);
    }
}
