//! Batch processing: many documents in, one output line per document out, in input
//! order, with an error record in place of any document that fails. Documents are
//! processed in parallel a bounded window at a time, so memory does not grow with
//! the corpus.

use std::io::{self, BufRead, Write};

use rayon::prelude::*;
use serde_json::Value;

use crate::document::Extractor;
use crate::error::Error;
use crate::timex::Dct;

/// Records in flight at once: memory is bounded by this window, not by the corpus.
pub const WINDOW: usize = 256;

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
    mut on_progress: impl FnMut(&Summary),
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut records = records.peekable();
    let mut window: Vec<Record> = Vec::with_capacity(WINDOW);
    while records.peek().is_some() {
        window.clear();
        while window.len() < WINDOW {
            match records.next() {
                Some(record) => window.push(record?),
                None => break,
            }
        }
        let outputs: Vec<(String, bool)> = pool.install(|| {
            window
                .par_iter()
                .map(|r| output_line(extractor, r))
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
    match extract_record(extractor, record) {
        Ok(line) => (line, false),
        Err((id, message)) => (
            serde_json::json!({"id": id, "error": message}).to_string(),
            true,
        ),
    }
}

/// The document JSON of one record with its `id` first, or the id and what went wrong.
fn extract_record(extractor: &Extractor<'_>, record: &Record) -> Result<String, (Value, String)> {
    let (id, id_text, text, dct, at) = match record {
        Record::Line { number, bytes } => {
            let at = format!("line {number}");
            let line = std::str::from_utf8(bytes).map_err(|e| {
                (
                    Value::Null,
                    format!("{at}: not valid UTF-8 (byte {})", e.valid_up_to()),
                )
            })?;
            let value: Value = serde_json::from_str(line.trim_end_matches(['\n', '\r']))
                .map_err(|e| (Value::Null, format!("{at}: invalid JSON: {e}")))?;
            let id = value.get("id").cloned().unwrap_or(Value::Null);
            let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
                return Err((id, format!("{at}: missing string field \"text\"")));
            };
            let dct = match value.get("dct") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(_) => return Err((id, format!("{at}: field \"dct\" must be a string"))),
            };
            let id_text = match &id {
                Value::String(s) => s.clone(),
                Value::Null => format!("line-{number}"),
                other => other.to_string(),
            };
            (id, id_text, text.to_string(), dct, at)
        }
        Record::Unreadable { id, message } => {
            return Err((Value::String(id.clone()), message.clone()));
        }
        Record::Text { id, bytes, dct } => {
            let text = std::str::from_utf8(bytes).map_err(|e| {
                let error = Error::Utf8 {
                    path: id.clone(),
                    offset: e.valid_up_to(),
                };
                (Value::String(id.clone()), error.to_string())
            })?;
            (
                Value::String(id.clone()),
                id.clone(),
                text.to_string(),
                dct.clone(),
                id.clone(),
            )
        }
    };
    let dct = match dct.map(|d| d.parse::<Dct>()).transpose() {
        Ok(d) => d,
        Err(e) => return Err((id, format!("{at}: {e}"))),
    };
    // a defect in the engine must cost one record, never the batch
    let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extractor.extract(&id_text, &text, dct)
    }));
    let Ok(doc) = extracted else {
        return Err((
            id,
            format!("{at}: internal error while extracting this record"),
        ));
    };
    let body = serde_json::to_string(&doc)
        .map_err(|e| (id.clone(), format!("{at}: cannot write the document: {e}")))?;
    // the record's id first, then the document's own fields
    Ok(format!("{{\"id\":{},{}", id, &body[1..]))
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
