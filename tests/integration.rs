//! One integration binary: conformance suites, the real samples, the CLI, properties.

mod cli;
mod conformance;
mod events;
mod exports;
mod fuzz_regressions;
mod hostile;
mod pathological;
mod properties;
mod samples;

/// `../shared` beside the project root, where the real samples and conformance data live.
pub fn shared_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
}
