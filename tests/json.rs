//! The hand-written document JSON (`zaman::json`) against serde_json's output of the same
//! documents through the `Serialize` derive: the same bytes, compact and indented, on real
//! documents of every shape (the samples, the dev set, a merged timeline, lossy input with
//! warnings, text full of characters JSON escapes).

use std::path::Path;

use zaman::document::Document;
use zaman::input::{self, Options};
use zaman::{Dct, Extractor, json};

fn same_bytes(doc: &Document, what: &str) {
    let compact = serde_json::to_string(doc).expect("serde_json writes the document");
    assert_eq!(
        json::to_string(doc, false),
        compact,
        "compact JSON of {what}"
    );
    let pretty = serde_json::to_string_pretty(doc).expect("serde_json writes the document");
    assert_eq!(
        json::to_string(doc, true),
        pretty,
        "indented JSON of {what}"
    );
}

fn extract(id: &str, text: &str, dct: Option<&str>) -> Document {
    let dct = dct.map(|d| d.parse::<Dct>().expect("a valid DCT"));
    Extractor::default().extract(id, text, dct)
}

fn texts_in(dir: &Path) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .filter_map(|p| {
                    let text = std::fs::read_to_string(&p).ok()?;
                    Some((p.display().to_string(), text))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

#[test]
fn the_samples_write_the_bytes_of_serde_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = texts_in(&root.join("data/samples"));
    texts.extend(texts_in(&crate::shared_dir().join("samples")));
    assert!(texts.len() >= 3, "the samples of data/samples");
    for (name, text) in &texts {
        let doc = extract(name, text, Some("2021-04-13"));
        assert!(!doc.events.is_empty() && !doc.timexes.is_empty(), "{name}");
        same_bytes(&doc, name);
        // and with the DCT left to the text (dct_source "inferred" or "none")
        same_bytes(&extract(name, text, None), name);
    }
}

#[test]
fn the_dev_set_writes_the_bytes_of_serde_json() {
    let dir = crate::shared_dir().join("devset");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no dev set at {}: skipped", dir.display());
        return;
    };
    let mut n = 0;
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let passage: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("readable passage"))
                .expect("a JSON passage");
        let (Some(text), dct) = (passage["text"].as_str(), passage["dct"].as_str()) else {
            continue;
        };
        same_bytes(
            &extract(&path.display().to_string(), text, dct),
            &path.display().to_string(),
        );
        n += 1;
    }
    assert!(n >= 40, "{n} passages");
}

#[test]
fn a_merged_timeline_writes_the_bytes_of_serde_json() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples/merge");
    let texts = texts_in(&dir);
    assert!(texts.len() >= 2);
    let docs: Vec<Document> = texts
        .iter()
        .map(|(name, text)| {
            let dct = zaman::batch::dct_from_name(name);
            extract(name, text, dct.as_deref())
        })
        .collect();
    let merged = zaman::merge::merge("merged", &docs);
    // the fields only a merged timeline has
    assert!(!merged.sources.is_empty());
    assert!(merged.events.iter().any(|e| !e.sources.is_empty()));
    assert!(merged.timexes.iter().any(|t| t.document.is_some()));
    same_bytes(&merged, "the merged timeline");
}

#[test]
fn warnings_and_escaped_characters_write_the_bytes_of_serde_json() {
    // invalid UTF-8 read lossily: a warning with its byte offset
    let mut bytes = "قال الرئيس أمس \"إن\" الوضع\tصعب\\ جدا في 3 مارس 2024."
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(&[0xFF, b'\n']);
    bytes.extend_from_slice("وأضاف الوزير يوم الأحد\u{1}\u{7f}\u{1f} أن".as_bytes());
    let options = Options {
        lossy: true,
        ..Options::default()
    };
    let decoded = input::decode("lossy.txt", &bytes, &options).expect("lossy decoding");
    let mut doc = extract(
        "a \"quoted\"\\id\n",
        &decoded.text,
        Some("2024-03-05T10:30:00+03:00"),
    );
    doc.warnings = decoded.warnings;
    assert!(!doc.warnings.is_empty() && doc.warnings[0].byte_offset.is_some());
    assert!(doc.timexes.iter().any(|t| t.text.contains("مارس")));
    same_bytes(
        &doc,
        "a lossy text with quotes, tabs and control characters",
    );
    // a Hijri date carries a calendar
    let hijri = extract(
        "hijri",
        "وصل الوفد في منتصف رمضان 1442 هـ.",
        Some("2021-04-13"),
    );
    assert!(hijri.timexes.iter().any(|t| t.calendar.is_some()));
    same_bytes(&hijri, "a Hijri date");
    // nothing found at all
    same_bytes(&extract("empty", "", None), "an empty text");
}

#[test]
fn a_document_written_in_pieces_has_the_bytes_of_serde_json() {
    // a text long enough that its JSON goes out in many 64 KiB pieces
    let text = std::fs::read_to_string(
        crate::shared_dir().join("samples/biden-putin-call-2021-04-13.txt"),
    )
    .expect("the seed article");
    let long = vec![text.as_str(); 30].join("\n\n");
    let doc = extract("long", &long, Some("2021-04-13"));
    for pretty in [false, true] {
        let mut written = Vec::new();
        json::write(&doc, pretty, &mut written).expect("writing to memory");
        let mut expected = if pretty {
            serde_json::to_vec_pretty(&doc)
        } else {
            serde_json::to_vec(&doc)
        }
        .expect("serde_json writes the document");
        expected.push(b'\n');
        assert!(expected.len() > 10 * 65_536, "{} bytes", expected.len());
        assert!(
            written == expected,
            "pretty {pretty}: the pieces differ from serde_json"
        );
    }
}

#[test]
fn a_failing_output_is_an_error() {
    struct Full;
    impl std::io::Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "disk full",
            ))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let doc = extract("x", "قال الرئيس أمس إن الوضع صعب.", Some("2021-04-13"));
    let e = json::write(&doc, true, &mut Full).expect_err("the output fails");
    assert_eq!(e.kind(), std::io::ErrorKind::StorageFull);
}
