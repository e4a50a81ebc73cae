//! One integration binary: conformance suites, the real samples, the CLI, properties.

mod browser;
mod cli;
mod conformance;
mod eval;
mod events;
mod exports;
mod formats;
mod fuzz_regressions;
mod hostile;
mod http_client;
mod json;
mod merge;
mod pathological;
mod properties;
mod samples;
#[cfg(feature = "server")]
mod serve;
mod statements;
mod window;

/// `../shared` beside the project root, where the real samples and conformance data live.
pub fn shared_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
}

/// Runs the built `zaman` with `args` from the project root, feeding `stdin` from a thread
/// (zaman may write before it has read everything; a process that exits early may close
/// its stdin, which is not the caller's concern) and collecting its output.
pub fn run_zaman(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_zaman"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn zaman");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("wait for zaman");
    let _ = feeder.join();
    out
}
