//! `zaman._zaman`: the native half of the Python package. Documents cross the boundary
//! as the zaman/timeline-v1 JSON text (the Python half reads it with `json.loads`), so the
//! Python dicts have exactly the schema of the CLI's JSON. Extraction runs with the GIL
//! released.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use zaman::batch::{self, Record};
use zaman::export::{self, Format};
use zaman::{Dct, Document, Extractor, Lexicon, Policy, WeekStart};

fn policy(name: &str) -> PyResult<Policy> {
    name.parse::<Policy>().map_err(PyValueError::new_err)
}

fn dct(value: Option<&str>) -> PyResult<Option<Dct>> {
    value
        .map(str::parse::<Dct>)
        .transpose()
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// None: the week follows the story's country (the CLI's `--week-start auto`).
fn week_start(value: Option<&str>) -> PyResult<Option<WeekStart>> {
    match value {
        None | Some("auto") => Ok(None),
        Some(v) => v
            .parse::<WeekStart>()
            .map(Some)
            .map_err(|e| PyValueError::new_err(format!("week_start: {e}"))),
    }
}

/// The extractor of a policy and a week start.
fn extractor(policy: Policy, week_start: Option<WeekStart>) -> Extractor<'static> {
    let e = Extractor::new(Lexicon::builtin(), policy);
    match week_start {
        Some(w) => e.with_week_start(w),
        None => e,
    }
}

fn format(name: &str) -> PyResult<Format> {
    name.parse::<Format>().map_err(PyValueError::new_err)
}

/// extract_json(text, dct=None, policy="news", id="document", compact=False, week_start=None) -> str
///
/// The document JSON of one text (indented, as `zaman extract` writes it).
#[pyfunction]
#[pyo3(signature = (text, dct=None, policy="news", id="document", compact=false, week_start=None))]
fn extract_json(
    py: Python<'_>,
    text: &str,
    dct: Option<&str>,
    policy: &str,
    id: &str,
    compact: bool,
    week_start: Option<&str>,
) -> PyResult<String> {
    let policy = self::policy(policy)?;
    let week_start = self::week_start(week_start)?;
    let dct = self::dct(dct)?;
    let text = text.to_string();
    let id = id.to_string();
    py.detach(move || {
        let decoded = zaman::input::from_text(&text, zaman::input::Html::Detect);
        let mut doc = extractor(policy, week_start).extract(&id, &decoded.text, dct);
        doc.warnings = decoded.warnings;
        let mut out = Vec::new();
        let options = export::Options {
            compact,
            ..export::Options::default()
        };
        export::write(Format::Json, &doc, Some(&decoded.text), &options, &mut out)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        String::from_utf8(out).map_err(|e| PyValueError::new_err(e.to_string()))
    })
}

/// render_json(doc_json, format, text=None, compact=False, bom=False, entity=None) -> str
///
/// A document (its JSON text) in any export format.
#[pyfunction]
#[pyo3(signature = (doc_json, format, text=None, compact=false, bom=false, entity=None))]
fn render_json(
    py: Python<'_>,
    doc_json: &str,
    format: &str,
    text: Option<&str>,
    compact: bool,
    bom: bool,
    entity: Option<String>,
) -> PyResult<String> {
    let format = self::format(format)?;
    let doc: Document = serde_json::from_str(doc_json)
        .map_err(|e| PyValueError::new_err(format!("not a zaman/timeline-v1 document: {e}")))?;
    let text = text.map(str::to_string);
    py.detach(move || {
        let options = export::Options {
            compact,
            bom,
            entity,
        };
        let mut out = Vec::new();
        export::write(format, &doc, text.as_deref(), &options, &mut out)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        String::from_utf8(out).map_err(|e| PyValueError::new_err(e.to_string()))
    })
}

/// formats() -> list[tuple[str, str]]
///
/// Every export format: (name, what it is).
#[pyfunction]
fn formats() -> Vec<(&'static str, &'static str)> {
    Format::ALL.iter().map(|f| (f.name(), f.help())).collect()
}

/// Batcher(threads=0, policy="news", week_start=None)
///
/// Extracts JSON Lines records a block at a time on its own thread pool, as `zaman
/// batch` does: one output line per record, in order, an error record in place of a bad
/// one.
#[pyclass(frozen)]
struct Batcher {
    pool: rayon::ThreadPool,
    policy: Policy,
    week_start: Option<WeekStart>,
}

#[pymethods]
impl Batcher {
    #[new]
    #[pyo3(signature = (threads=0, policy="news", week_start=None))]
    fn new(threads: usize, policy: &str, week_start: Option<&str>) -> PyResult<Self> {
        let policy = self::policy(policy)?;
        let week_start = self::week_start(week_start)?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .map_err(|e| PyValueError::new_err(format!("cannot start the worker threads: {e}")))?;
        Ok(Batcher {
            pool,
            policy,
            week_start,
        })
    }

    /// run(lines) -> list[str]: `lines` are (line number, JSON record text) pairs; the
    /// output lines are `zaman batch`'s for them, in the same order.
    fn run(&self, py: Python<'_>, lines: Vec<(usize, Bound<'_, PyString>)>) -> Vec<String> {
        // a str that is not valid Unicode (a lone surrogate) becomes its error record
        let records: Vec<Result<Record, String>> = lines
            .iter()
            .map(|(number, text)| match text.to_cow() {
                Ok(s) => Ok(Record::Line {
                    number: *number,
                    bytes: s.into_owned().into_bytes(),
                }),
                Err(_) => Err(batch::error_record(
                    &serde_json::Value::Null,
                    &format!("line {number}: not valid Unicode (a lone surrogate)"),
                )),
            })
            .collect();
        let policy = self.policy;
        let week_start = self.week_start;
        let pool = &self.pool;
        py.detach(move || {
            use rayon::prelude::*;
            let extractor = extractor(policy, week_start);
            let options = zaman::input::Options::default();
            pool.install(|| {
                records
                    .par_iter()
                    .map(|r| match r {
                        Ok(record) => batch::output_line_with(&extractor, &options, record).0,
                        Err(line) => line.clone(),
                    })
                    .collect()
            })
        })
    }

    /// The number of worker threads.
    #[getter]
    fn threads(&self) -> usize {
        self.pool.current_num_threads()
    }
}

#[pymodule]
fn _zaman(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA", zaman::SCHEMA)?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_function(wrap_pyfunction!(render_json, m)?)?;
    m.add_function(wrap_pyfunction!(formats, m)?)?;
    m.add_class::<Batcher>()?;
    Ok(())
}
