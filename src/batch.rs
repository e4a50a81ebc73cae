//! Batch processing: many documents in, one output line per document out, in input
//! order, with an error record in place of any document that fails. Documents are
//! processed in parallel a bounded window at a time, so memory does not grow with
//! the corpus.

use std::io::{self, BufRead, Write};

use rayon::prelude::*;
use serde_json::Value;

use crate::document::Extractor;
use crate::input::{self, Options};
use crate::timex::{Dct, WeekStart};

/// Records in flight at once: memory is bounded by this window, not by the corpus.
pub const WINDOW: usize = 256;

/// Input bytes in flight at once: a window closes early when its records reach this
/// size, so a run of huge records does not hold 256 of them in memory.
pub const WINDOW_BYTES: usize = 64 << 20;

/// One input document.
#[derive(Debug, Clone)]
pub enum Record {
    /// A JSON Lines record `{"id": …, "text": …, "dct": …?}` as read, with its line number.
    Line {
        /// 1-based line number, for error messages.
        number: usize,
        /// The raw bytes of the line.
        bytes: Vec<u8>,
    },
    /// A plain-text file with its id (the file name) and DCT, if known.
    Text {
        /// The id written in the output.
        id: String,
        /// The raw bytes of the file.
        bytes: Vec<u8>,
        /// The DCT, as given by a sidecar or the file name.
        dct: Option<String>,
    },
    /// An input that could not be read; it becomes an error record in its place.
    Unreadable {
        /// The id written in the output (the file name).
        id: String,
        /// What went wrong.
        message: String,
    },
}

impl Record {
    /// Size of the record's input in bytes.
    pub fn len(&self) -> usize {
        match self {
            Record::Line { bytes, .. } | Record::Text { bytes, .. } => bytes.len(),
            Record::Unreadable { .. } => 0,
        }
    }

    /// True for an empty record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What a batch run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Records read (and written).
    pub records: usize,
    /// Records written as errors.
    pub failed: usize,
    /// Input bytes.
    pub bytes: usize,
}

/// Reads JSON Lines records from `reader`, lazily.
pub fn lines(mut reader: impl BufRead) -> impl Iterator<Item = io::Result<Record>> {
    let mut number = 0usize;
    std::iter::from_fn(move || {
        let mut bytes = Vec::new();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => None,
            Ok(_) => {
                number += 1;
                Some(Ok(Record::Line { number, bytes }))
            }
            Err(e) => Some(Err(e)),
        }
    })
}

/// Extracts every record and writes one line per record to `out`, in input order.
/// `on_progress` is called after each window with the running summary.
///
/// # Errors
/// Only reading the input or writing the output can fail; a bad record never does.
pub fn run(
    extractor: &Extractor<'_>,
    records: impl Iterator<Item = io::Result<Record>>,
    out: &mut dyn Write,
    pool: &rayon::ThreadPool,
    on_progress: impl FnMut(&Summary),
) -> io::Result<Summary> {
    run_with(
        extractor,
        &Options::default(),
        records,
        out,
        pool,
        on_progress,
    )
}

/// [`run`] with input options: `--lossy` decoding and HTML (see [`crate::input`]).
///
/// # Errors
/// Only reading the input or writing the output can fail; a bad record never does.
pub fn run_with(
    extractor: &Extractor<'_>,
    options: &Options,
    records: impl Iterator<Item = io::Result<Record>>,
    out: &mut dyn Write,
    pool: &rayon::ThreadPool,
    mut on_progress: impl FnMut(&Summary),
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut records = records.peekable();
    let mut window: Vec<Record> = Vec::with_capacity(WINDOW);
    while records.peek().is_some() {
        window.clear();
        let mut bytes = 0usize;
        while window.len() < WINDOW && bytes < WINDOW_BYTES {
            match records.next() {
                Some(record) => {
                    let record = record?;
                    bytes += record.len();
                    window.push(record);
                }
                None => break,
            }
        }
        let outputs: Vec<(String, bool)> = pool.install(|| {
            window
                .par_iter()
                .map(|r| output_line_with(extractor, options, r))
                .collect()
        });
        for (line, failed) in &outputs {
            summary.failed += usize::from(*failed);
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        summary.records += window.len();
        summary.bytes += window.iter().map(Record::len).sum::<usize>();
        on_progress(&summary);
    }
    Ok(summary)
}

/// The output line of one record and whether it is an error record.
pub fn output_line(extractor: &Extractor<'_>, record: &Record) -> (String, bool) {
    output_line_with(extractor, &Options::default(), record)
}

/// [`output_line`] with input options.
pub fn output_line_with(
    extractor: &Extractor<'_>,
    options: &Options,
    record: &Record,
) -> (String, bool) {
    match extract_record(extractor, options, record) {
        Ok(line) => (line, false),
        Err((id, message)) => (error_record(&id, &message), true),
    }
}

/// The error record written in place of a record that failed: `{"id": …, "error": …}`,
/// the id as given (null when the line could not be read as a JSON object).
pub fn error_record(id: &Value, message: &str) -> String {
    serde_json::json!({"id": id, "error": message}).to_string()
}

/// The name of a JSON value's type, for error messages.
fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// What one record holds once read: its id as given and as text, the decoded text with
/// its warnings, the DCT, and how error messages name it.
struct Parsed {
    id: Value,
    id_text: String,
    decoded: input::Decoded,
    dct: Option<String>,
    week_start: Option<WeekStart>,
    at: String,
}

/// Reads one JSON Lines record.
fn parse_line(number: usize, bytes: &[u8], options: &Options) -> Result<Parsed, (Value, String)> {
    let at = format!("line {number}");
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    let mut warnings = Vec::new();
    let checked = match input::utf8(bytes) {
        Some(line) => Ok(line),
        None => std::str::from_utf8(bytes),
    };
    let line: std::borrow::Cow<'_, str> = match checked {
        Ok(line) => line.into(),
        Err(e) if options.lossy => {
            let offset = e.valid_up_to();
            warnings.push(input::Warning {
                code: std::borrow::Cow::Borrowed("lossy-utf8"),
                message: format!(
                    "{at} is not valid UTF-8: bad bytes replaced by U+FFFD, the first at byte offset {offset} of the line"
                ),
                byte_offset: Some(offset),
                encoding: None,
            });
            String::from_utf8_lossy(bytes)
        }
        Err(e) => {
            return Err((
                Value::Null,
                format!(
                    "{at}: not valid UTF-8 (byte {}); JSON Lines must be UTF-8 (--lossy replaces bad bytes)",
                    e.valid_up_to()
                ),
            ));
        }
    };
    if line.trim().is_empty() {
        return Err((Value::Null, format!("{at}: empty line, no JSON record")));
    }
    let value: Value = serde_json::from_str(&line)
        .map_err(|e| (Value::Null, format!("{at}: invalid JSON: {e}")))?;
    let Value::Object(record) = value else {
        return Err((
            Value::Null,
            format!(
                "{at}: a record must be a JSON object, found {}",
                json_type(&value)
            ),
        ));
    };
    let id = record.get("id").cloned().unwrap_or(Value::Null);
    let text = match record.get("text") {
        Some(Value::String(t)) => t,
        None => return Err((id, format!("{at}: missing string field \"text\""))),
        Some(other) => {
            return Err((
                id,
                format!(
                    "{at}: field \"text\" must be a string, found {}",
                    json_type(other)
                ),
            ));
        }
    };
    let dct = match record.get("dct") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => {
            return Err((
                id,
                format!(
                    "{at}: field \"dct\" must be a string, found {}",
                    json_type(other)
                ),
            ));
        }
    };
    let week_start = match record.get("week_start") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(
            s.parse::<WeekStart>()
                .map_err(|e| (id.clone(), format!("{at}: field \"week_start\": {e}")))?,
        ),
        Some(other) => {
            return Err((
                id,
                format!(
                    "{at}: field \"week_start\" must be a string, found {}",
                    json_type(other)
                ),
            ));
        }
    };
    let id_text = match &id {
        Value::String(s) => s.clone(),
        Value::Null => format!("line-{number}"),
        other => other.to_string(),
    };
    let mut decoded = input::from_text(text, options.html);
    warnings.append(&mut decoded.warnings);
    decoded.warnings = warnings;
    Ok(Parsed {
        id,
        id_text,
        decoded,
        dct,
        week_start,
        at,
    })
}

/// The document JSON of one record with its `id` first, or the id and what went wrong.
fn extract_record(
    extractor: &Extractor<'_>,
    options: &Options,
    record: &Record,
) -> Result<String, (Value, String)> {
    let parsed = match record {
        Record::Line { number, bytes } => parse_line(*number, bytes, options)?,
        Record::Unreadable { id, message } => {
            return Err((Value::String(id.clone()), message.clone()));
        }
        Record::Text { id, bytes, dct } => {
            let decoded = input::decode(id, bytes, options)
                .map_err(|e| (Value::String(id.clone()), e.to_string()))?;
            Parsed {
                id: Value::String(id.clone()),
                id_text: id.clone(),
                decoded,
                dct: dct.clone(),
                week_start: None,
                at: id.clone(),
            }
        }
    };
    let Parsed {
        id,
        id_text,
        decoded,
        dct,
        week_start,
        at,
    } = parsed;
    let extractor = match week_start {
        Some(w) => extractor.with_week_start(w),
        None => *extractor,
    };
    let dct = match dct.map(|d| d.parse::<Dct>()).transpose() {
        Ok(d) => d,
        Err(e) => return Err((id, format!("{at}: {e}"))),
    };
    // a defect in the engine must cost one record, never the batch
    let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extractor.extract(&id_text, &decoded.text, dct)
    }));
    let Ok(mut doc) = extracted else {
        return Err((
            id,
            format!("{at}: internal error while extracting this record"),
        ));
    };
    doc.warnings = decoded.warnings;
    let mut line = crate::json::to_string(&doc, false);
    // the record's id first, then the document's own fields: `{"id":ID,` takes the place
    // of the document's opening brace (one move of the line, no formatting pass over it)
    let mut head = String::with_capacity(16);
    head.push_str("{\"id\":");
    head.push_str(&id.to_string());
    head.push(',');
    line.replace_range(..1, &head);
    Ok(line)
}

/// A DCT taken from a file name: the first `YYYY-MM-DD` in it (`2021-04-13-article.txt`).
pub fn dct_from_name(name: &str) -> Option<String> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let candidate = name.get(i..i + 10)?;
        let shape = candidate.bytes().enumerate().all(|(k, b)| {
            if k == 4 || k == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
        (shape && candidate.parse::<Dct>().is_ok()).then(|| candidate.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dct_from_file_names() {
        assert_eq!(
            dct_from_name("2021-04-13-article.txt").as_deref(),
            Some("2021-04-13")
        );
        assert_eq!(
            dct_from_name("cairo-talks-2023-11-05.txt").as_deref(),
            Some("2023-11-05")
        );
        assert_eq!(dct_from_name("2021-02-30-bad.txt"), None);
        assert_eq!(dct_from_name("notes.txt"), None);
    }

    #[test]
    fn runs_keep_order_and_mark_errors() {
        let input = "{\"id\":1,\"text\":\"أمس\",\"dct\":\"2021-04-13\"}\nbad\n{\"id\":3,\"text\":\"غدا\"}\n";
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .expect("pool");
        let mut out = Vec::new();
        let summary = run(
            &Extractor::default(),
            lines(input.as_bytes()),
            &mut out,
            &pool,
            |_| {},
        )
        .expect("run");
        assert_eq!(
            summary,
            Summary {
                records: 3,
                failed: 1,
                bytes: input.len()
            }
        );
        let text = String::from_utf8(out).expect("utf-8");
        let ids: Vec<String> = text
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).expect("json")["id"].to_string())
            .collect();
        assert_eq!(ids, ["1", "null", "3"]);
        assert!(
            text.lines()
                .next()
                .is_some_and(|l| l.contains("2021-04-12"))
        );
    }
}
