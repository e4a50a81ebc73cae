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
mod merge;
mod pathological;
mod properties;
mod samples;

/// `../shared` beside the project root, where the real samples and conformance data live.
pub fn shared_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
}
