//! The export formats read back by real consumers: GraphML by networkx, CSV by Python's
//! csv module, TimeML by Python's XML parser (expat), SVG from Graphviz parsed as XML,
//! Cytoscape JSON checked for structure. The Python readers are the scripts in
//! `tests/validate/`, run with the venv `scripts/setup-python.sh` creates (`scripts/test`
//! runs it before the tests).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;
use zaman::export::{self, Format, Options};
use zaman::graph::EventGraph;
use zaman::{Document, Extractor};

use crate::shared_dir;

// ---------------------------------------------------------------------------
// helpers (also used by `eval`)

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The real article and our own samples: (path, text, document with the DCT inferred).
pub fn documents() -> Vec<(PathBuf, String, Document)> {
    let mut paths = vec![
        shared_dir()
            .join("samples")
            .join("biden-putin-call-2021-04-13.txt"),
    ];
    let mut own: Vec<PathBuf> = std::fs::read_dir(root().join("data/samples"))
        .expect("data/samples")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    own.sort();
    paths.extend(own);
    paths
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let doc = Extractor::default().extract(&p.display().to_string(), &text, None);
            (p, text, doc)
        })
        .collect()
}

/// A fresh directory under the system temp dir, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("zaman-fmt-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).expect("write temp file");
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `doc` in `format` as bytes.
pub fn render(format: Format, doc: &Document, text: Option<&str>, options: &Options) -> Vec<u8> {
    let mut out = Vec::new();
    export::write(format, doc, text, options, &mut out)
        .unwrap_or_else(|e| panic!("{} as {}: {e}", doc.document.id, format.name()));
    out
}

/// Runs `tests/validate/SCRIPT` on `file` with the test venv's Python; its JSON output.
fn python(script: &str, file: &Path) -> Value {
    let python = root().join("target/venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run the tests with scripts/test, which sets up what they need \
         (here scripts/setup-python.sh: the venv with networkx that these tests read the \
         exports with) and then runs cargo test --release",
        python.display()
    );
    let out = Command::new(&python)
        .arg(root().join("tests/validate").join(script))
        .arg(file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python.display()));
    assert!(
        out.status.success(),
        "{script} {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{script} output: {e}"))
}

fn actor_name<'d>(doc: &'d Document, id: &'d str) -> &'d str {
    doc.actors
        .iter()
        .find(|a| a.id == id)
        .map_or(id, |a| a.name.as_str())
}

// ---------------------------------------------------------------------------
// GraphML

#[test]
fn graphml_reads_back_in_networkx_with_types_kept() {
    let tmp = TempDir::new("graphml");
    for (path, _, doc) in documents() {
        let name = path.display().to_string();
        let graph = EventGraph::from_document(&doc);
        let file = tmp.write(
            "g.graphml",
            &render(Format::Graphml, &doc, None, &Options::default()),
        );
        let read = python("graphml.py", &file);
        assert_eq!(read["directed"], true, "{name}");
        let nodes = read["nodes"].as_object().expect("nodes");
        let edges = read["edges"].as_array().expect("edges");
        assert_eq!(nodes.len(), graph.node_count(), "{name}");
        assert_eq!(edges.len(), graph.edge_count(), "{name}");
        assert_eq!(read["graph"]["document"], name.as_str());
        assert_eq!(nodes["doc"]["kind"], "document");
        for e in &doc.events {
            let n = &nodes[&e.id];
            // CAMEO stays a string with its leading zero; numbers stay numbers
            assert_eq!(
                n["cameo"],
                Value::String(e.cameo.clone()),
                "{name} {}",
                e.id
            );
            assert_eq!(n["kind"], "event");
            assert_eq!(n["trigger"], e.trigger.text.as_str());
            assert_eq!(n["span_start"], e.trigger.span[0] as u64);
            assert_eq!(n["span_end"], e.trigger.span[1] as u64);
            assert_eq!(n["sentence"], e.sentence as u64);
            assert_eq!(n["negated"], e.negated);
            assert_eq!(
                n.get("value").and_then(Value::as_str),
                e.time.value.as_deref()
            );
        }
        for a in &doc.actors {
            let n = &nodes[&a.id];
            assert_eq!(n["name"], a.name.as_str(), "{name} {}", a.id);
            assert_eq!(
                n.get("gazetteer_id").and_then(Value::as_str),
                a.gazetteer_id.as_deref()
            );
            assert_eq!(
                n.get("country").and_then(Value::as_str),
                a.country.as_deref()
            );
        }
        for (from, to, kind) in graph.edges() {
            assert!(
                edges
                    .iter()
                    .any(|x| x[0] == from && x[1] == to && x[2]["kind"] == kind.label()),
                "{name}: edge {from} -> {to} {}",
                kind.label()
            );
        }
    }
}

#[test]
fn graphml_of_the_article_has_the_call_with_its_attributes() {
    let (_, _, doc) = documents().into_iter().next().expect("article");
    let tmp = TempDir::new("graphml-article");
    let file = tmp.write(
        "a.graphml",
        &render(Format::Graphml, &doc, None, &Options::default()),
    );
    let read = python("graphml.py", &file);
    let nodes = read["nodes"].as_object().expect("nodes");
    // Biden's call to Putin on Tuesday 13 April 2021: CAMEO "041", dated by a time node
    let biden = doc
        .actors
        .iter()
        .find(|a| a.gazetteer_id.as_deref() == Some("joe_biden"))
        .expect("Biden");
    let call = doc
        .events
        .iter()
        .find(|e| e.trigger.text == "اتصال هاتفي")
        .expect("the call");
    let node = &nodes[&call.id];
    assert_eq!(node["cameo"], "041");
    assert_eq!(node["event_kind"], "call");
    assert_eq!(node["value"], "2021-04-13");
    assert_eq!(node["start"], "2021-04-13T00:00:00");
    assert_eq!(node["end"], "2021-04-14T00:00:00");
    let meeting = doc
        .events
        .iter()
        .find(|e| e.cameo == "036")
        .expect("a proposal to meet");
    assert_eq!(nodes[&meeting.id]["cameo"], "036");
    assert_eq!(nodes[&biden.id]["name_en"], "Joe Biden");
    assert_eq!(nodes[&biden.id]["actor_type"], "PERSON");
    let time = call.time.timex.as_deref().expect("dated");
    assert_eq!(nodes[time]["kind"], "time");
    assert_eq!(nodes[time]["timex_type"], "DATE");
    let edges = read["edges"].as_array().expect("edges");
    for (to, kind) in [(biden.id.as_str(), "agent"), (time, "occurred_at")] {
        assert!(
            edges
                .iter()
                .any(|x| x[0] == call.id.as_str() && x[1] == to && x[2]["kind"] == kind),
            "{} -> {to} {kind}",
            call.id
        );
    }
}

// ---------------------------------------------------------------------------
// Cytoscape

#[test]
fn cytoscape_elements_are_a_consistent_graph() {
    for (path, _, doc) in documents() {
        let name = path.display().to_string();
        let graph = EventGraph::from_document(&doc);
        let json: Value =
            serde_json::from_slice(&render(Format::Cytoscape, &doc, None, &Options::default()))
                .expect("JSON");
        let nodes = json["elements"]["nodes"].as_array().expect("nodes");
        let edges = json["elements"]["edges"].as_array().expect("edges");
        assert_eq!(nodes.len(), graph.node_count(), "{name}");
        assert_eq!(edges.len(), graph.edge_count(), "{name}");
        let mut ids = HashSet::new();
        for n in nodes {
            let id = n["data"]["id"].as_str().expect("node id");
            assert!(ids.insert(id.to_string()), "{name}: duplicate id {id}");
            assert!(n["data"]["label"].is_string(), "{name}: {id} has no label");
        }
        let node_ids = ids.clone();
        for e in edges {
            let d = &e["data"];
            let id = d["id"].as_str().expect("edge id");
            assert!(ids.insert(id.to_string()), "{name}: duplicate id {id}");
            for end in ["source", "target"] {
                let n = d[end].as_str().expect("endpoint");
                assert!(
                    node_ids.contains(n),
                    "{name}: edge {id} {end} {n} is no node"
                );
            }
            assert!(d["label"].is_string());
        }
        let by_id: HashMap<&str, &Value> = nodes
            .iter()
            .filter_map(|n| Some((n["data"]["id"].as_str()?, &n["data"])))
            .collect();
        for e in &doc.events {
            assert_eq!(by_id[e.id.as_str()]["cameo"], e.cameo.as_str());
            assert_eq!(by_id[e.id.as_str()]["span_start"], e.trigger.span[0] as u64);
        }
    }
}

// ---------------------------------------------------------------------------
// TimeML

#[test]
fn timeml_parses_and_strips_back_to_the_text() {
    let tmp = TempDir::new("timeml");
    for (path, text, doc) in documents() {
        let name = path.display().to_string();
        let file = tmp.write(
            "d.tml",
            &render(Format::Timeml, &doc, Some(&text), &Options::default()),
        );
        let read = python("timeml.py", &file);
        assert!(read["text"] == text.as_str(), "{name}: the text changed");
        assert_eq!(read["docid"], name.as_str());
        assert_eq!(read["dct"]["tid"], "t0");
        assert_eq!(read["dct"]["functionInDocument"], "CREATION_TIME");
        assert_eq!(read["dct"]["value"].as_str(), doc.document.dct.as_deref());
        let timexes = read["timexes"].as_array().expect("timexes");
        assert_eq!(timexes.len(), doc.timexes.len(), "{name}");
        for (x, t) in timexes.iter().zip(&doc.timexes) {
            assert_eq!(x["tid"], t.id.as_str());
            assert_eq!(x["value"], t.value.as_str());
            assert_eq!(x["start"], t.span[0] as u64, "{name} {}", t.id);
            assert_eq!(x["end"], t.span[1] as u64, "{name} {}", t.id);
        }
        // no trigger of these texts overlaps a timex or another trigger
        let events = read["events"].as_array().expect("events");
        assert_eq!(events.len(), doc.events.len(), "{name}");
        for (x, e) in events.iter().zip(&doc.events) {
            assert_eq!(x["eid"], e.id.as_str());
            assert_eq!(x["start"], e.trigger.span[0] as u64);
            assert_eq!(x["end"], e.trigger.span[1] as u64);
        }
        let statement = doc
            .events
            .iter()
            .position(|e| e.kind == zaman::events::EventKind::Statement)
            .expect("a statement");
        assert_eq!(events[statement]["class"], "REPORTING");
        assert_eq!(read["makeinstance"], doc.events.len() as u64);
        let dated = doc.events.iter().filter(|e| e.time.timex.is_some()).count();
        assert!(
            read["tlink"].as_u64().expect("tlinks") >= dated as u64,
            "{name}"
        );
        // the library's own reader agrees
        let ours = export::timeml::read(&String::from_utf8_lossy(
            &std::fs::read(&file).expect("read"),
        ))
        .expect("reads its own TimeML");
        assert_eq!(ours.text, text);
        assert_eq!(ours.timexes.len(), doc.timexes.len());
    }
}

#[test]
fn timeml_escapes_markup_and_keeps_carriage_returns() {
    let text = "قال بايدن <الثلاثاء> إن A&B \"تعاون\"\r\nوأكد بوتين أمس أن الحوار مهم.\r\n";
    let doc = Extractor::default().extract("esc", text, Some("2021-04-13".parse().expect("dct")));
    assert!(doc.timexes.len() >= 2 && doc.events.len() >= 2, "{doc:?}");
    let tmp = TempDir::new("timeml-esc");
    let file = tmp.write(
        "e.tml",
        &render(Format::Timeml, &doc, Some(text), &Options::default()),
    );
    let raw = std::fs::read_to_string(&file).expect("read");
    assert!(raw.contains("&lt;") && raw.contains("A&amp;B") && raw.contains("&#13;\n"));
    let read = python("timeml.py", &file);
    assert_eq!(read["text"], text);
}

#[test]
fn timeml_overlapping_spans_stay_flat_and_well_formed() {
    let text = "أعلن البيت الأبيض الثلاثاء 13 أبريل 2021 أن بايدن أجرى اتصالا هاتفيا مع بوتين.";
    let mut doc =
        Extractor::default().extract("overlap", text, Some("2021-04-13".parse().expect("dct")));
    let timex = doc.timexes[0].clone();
    assert_eq!(timex.text, "الثلاثاء 13 أبريل 2021");
    let chars: Vec<char> = text.chars().collect();
    let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    assert!(doc.events.len() >= 2, "{:?}", doc.events);
    // event 1: a trigger crossing into the timex (the last word before it and its first word)
    let [ts, te] = timex.span;
    let cross = [ts - 7, ts + 8];
    doc.events[0].trigger.span = cross;
    doc.events[0].trigger.text = slice(cross[0], cross[1]);
    // event 2: a trigger wholly inside the timex
    let inside = [ts + 9, ts + 11];
    doc.events[1].trigger.span = inside;
    doc.events[1].trigger.text = slice(inside[0], inside[1]);
    let tmp = TempDir::new("timeml-overlap");
    let file = tmp.write(
        "o.tml",
        &render(Format::Timeml, &doc, Some(text), &Options::default()),
    );
    let read = python("timeml.py", &file);
    assert_eq!(read["text"], text);
    let timexes = read["timexes"].as_array().expect("timexes");
    assert_eq!(timexes[0]["start"], ts as u64);
    assert_eq!(timexes[0]["end"], te as u64);
    let events = read["events"].as_array().expect("events");
    // the crossing trigger keeps its part before the timex, without the space
    assert_eq!(events[0]["eid"], doc.events[0].id.as_str());
    assert_eq!(events[0]["start"], cross[0] as u64);
    assert_eq!(events[0]["end"], (ts - 1) as u64);
    // the trigger inside the timex is left out, with its instance
    assert!(events.iter().all(|e| e["eid"] != doc.events[1].id.as_str()));
    assert_eq!(events.len(), doc.events.len() - 1);
    assert_eq!(read["makeinstance"], (doc.events.len() - 1) as u64);
}

#[test]
fn timeml_without_the_text_is_a_clear_error() {
    let (_, text, doc) = documents().into_iter().next().expect("article");
    let mut out = Vec::new();
    let err = export::write(Format::Timeml, &doc, None, &Options::default(), &mut out)
        .expect_err("no text");
    assert!(matches!(
        err,
        zaman::Error::NeedsText {
            format: "timeml",
            ..
        }
    ));
    let message = err.to_string();
    assert!(
        message.contains("timeml") && message.contains("original text"),
        "{message}"
    );
    // another text than the document's is refused, not silently mis-tagged
    let err = export::write(
        Format::Timeml,
        &doc,
        Some(&text.chars().take(1000).collect::<String>()),
        &Options::default(),
        &mut out,
    )
    .expect_err("wrong text");
    assert!(err.to_string().contains("another text"), "{err}");
    // every other format works from the document alone (svg is tested on its own)
    for &format in Format::ALL {
        if format != Format::Timeml && format != Format::Svg {
            assert!(!render(format, &doc, None, &Options::default()).is_empty());
        }
    }
}

// ---------------------------------------------------------------------------
// SemEval-2015 TimeLine

#[test]
fn semeval_timeline_lines_follow_the_task_format() {
    let (_, _, doc) = documents().into_iter().next().expect("article");
    let tsv =
        String::from_utf8(render(Format::Semeval, &doc, None, &Options::default())).expect("UTF-8");
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("biden-putin-call-2021-04-13"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    // one line per timeline event; repeated mentions join their first mention's line
    assert_eq!(rows.len(), doc.timeline.len());
    let mentions: usize = rows.iter().map(|r| r.len() - 2).sum();
    assert_eq!(mentions, doc.events.len());
    let mut last = 0;
    for r in &rows {
        let order: usize = r[0].parse().expect("order");
        let date = r[1];
        assert_eq!(date.len(), 10, "{r:?}");
        assert_eq!(order == 0, date == "XXXX-XX-XX", "{r:?}");
        assert!(order >= last || order == 0, "{r:?}");
        if order > 0 {
            last = order;
        }
        for m in &r[2..] {
            let mut parts = m.splitn(2, "-2021-04-13-");
            assert_eq!(parts.next(), Some("biden-putin-call"));
            let rest = parts.next().expect("sentence-token");
            let (sentence, token) = rest.split_once('-').expect("sentence-token");
            sentence.parse::<usize>().expect("sentence number");
            assert!(!token.is_empty() && !token.contains(' '), "{m}");
        }
    }
    // the call of 13 April and its three later mentions on one line
    let call = rows
        .iter()
        .find(|r| r[2].ends_with("-2-اتصال_هاتفي"))
        .expect("the call's line");
    assert_eq!(call[1], "2021-04-13");
    assert_eq!(call.len(), 2 + 4);
    // "start of April" is a month, "recently" falls within 2021
    assert!(rows.iter().any(|r| r[1] == "2021-04-XX"));
}

#[test]
fn semeval_entity_timeline_lists_that_actors_events() {
    let (_, _, doc) = documents().into_iter().next().expect("article");
    let options = Options {
        entity: Some("Vladimir Putin".into()),
        ..Options::default()
    };
    let tsv = String::from_utf8(render(Format::Semeval, &doc, None, &options)).expect("UTF-8");
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("فلاديمير بوتين"));
    let rows: Vec<&str> = lines.collect();
    let putin = doc
        .actors
        .iter()
        .find(|a| a.gazetteer_id.as_deref() == Some("vladimir_putin"))
        .expect("Putin");
    let involved = doc
        .timeline
        .iter()
        .filter_map(|id| doc.events.iter().find(|e| &e.id == id))
        .filter(|e| {
            let mut group = vec![*e];
            group.extend(doc.events.iter().filter(|m| {
                doc.relations
                    .iter()
                    .any(|r| r.kind == "SAME_AS" && r.from == m.id && r.to == e.id)
            }));
            group.iter().any(|x| {
                x.agent.as_deref() == Some(&putin.id) || x.participants.contains(&putin.id)
            })
        })
        .count();
    assert_eq!(rows.len(), involved);
    assert!(rows.len() >= 3, "{rows:?}");
    assert!(
        rows.iter().any(|r| r.starts_with("1\t2021-04-13\t")),
        "{rows:?}"
    );
    let err = zaman::export::semeval::to_string(
        &doc,
        &Options {
            entity: Some("nobody".into()),
            ..Options::default()
        },
    )
    .expect_err("unknown entity");
    assert!(err.to_string().contains("\"nobody\""), "{err}");
}

// ---------------------------------------------------------------------------
// CSV

#[test]
fn csv_reads_back_in_python_with_and_without_bom() {
    let tmp = TempDir::new("csv");
    for (path, text, doc) in documents() {
        let name = path.display().to_string();
        for bom in [false, true] {
            let options = Options {
                bom,
                ..Options::default()
            };
            let bytes = render(Format::Csv, &doc, Some(&text), &options);
            assert_eq!(bytes.starts_with(b"\xEF\xBB\xBF"), bom);
            let file = tmp.write("e.csv", &bytes);
            let read = python("csv_read.py", &file);
            assert_eq!(read["bom"], bom);
            assert_eq!(
                read["header"],
                serde_json::json!(zaman::export::csv::HEADER),
                "{name}"
            );
            let rows = read["rows"].as_array().expect("rows");
            assert_eq!(rows.len(), doc.events.len(), "{name}");
            for row in rows {
                let id = row[2].as_str().expect("event id");
                let e = doc.events.iter().find(|e| e.id == id).expect("an event");
                let order = e.order.map(|o| o.to_string()).unwrap_or_default();
                assert_eq!(row[0], order.as_str());
                assert_eq!(row[1], e.time.value.as_deref().unwrap_or(""));
                assert_eq!(row[4], e.cameo.as_str());
                let agent = e
                    .agent
                    .as_deref()
                    .map(|a| actor_name(&doc, a))
                    .unwrap_or("");
                assert_eq!(row[5], agent);
                let participants: Vec<&str> =
                    e.participants.iter().map(|p| actor_name(&doc, p)).collect();
                assert_eq!(row[6], participants.join("; ").as_str());
                assert_eq!(row[7], e.trigger.text.as_str(), "{name} {id}");
                let sentence = row[9].as_str().expect("sentence");
                assert!(
                    sentence.contains(&e.trigger.text),
                    "{name} {id}: {sentence}"
                );
            }
            // timeline order first
            let orders: Vec<usize> = rows
                .iter()
                .filter_map(|r| r[0].as_str()?.parse().ok())
                .collect();
            assert_eq!(orders, (1..=doc.timeline.len()).collect::<Vec<_>>());
        }
    }
    // Arabic intact, quoted where needed
    let (_, text, doc) = documents().into_iter().next().expect("article");
    let file = tmp.write(
        "a.csv",
        &render(Format::Csv, &doc, Some(&text), &Options::default()),
    );
    let read = python("csv_read.py", &file);
    // the headline's proposal to meet: Biden to Putin
    let proposal = read["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r[4] == "036"))
        .expect("the proposal row");
    assert_eq!(proposal[5], "جو بايدن");
    assert_eq!(proposal[6], "فلاديمير بوتين");
}

#[test]
fn csv_without_text_leaves_the_sentence_empty() {
    let (_, _, doc) = documents().into_iter().next().expect("article");
    let csv =
        String::from_utf8(render(Format::Csv, &doc, None, &Options::default())).expect("UTF-8");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(rows.len(), doc.events.len());
    assert!(rows.iter().all(|r| r[9].is_empty() && !r[7].is_empty()));
    assert!(csv.contains("\r\n"), "RFC 4180 line ends");
}

// ---------------------------------------------------------------------------
// SVG

#[test]
fn svg_from_graphviz_is_xml_with_the_event_labels() {
    assert!(
        Command::new("dot").arg("-V").output().is_ok(),
        "Graphviz `dot` is missing: run the tests with scripts/test, which installs the graphviz package"
    );
    for (path, _, doc) in documents() {
        let name = path.display().to_string();
        let svg =
            String::from_utf8(render(Format::Svg, &doc, None, &Options::default())).expect("UTF-8");
        let mut reader = quick_xml::Reader::from_str(&svg);
        let mut texts = Vec::new();
        let mut root = None;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Start(e)) if root.is_none() => {
                    root = Some(e.name().as_ref().to_string());
                }
                Ok(quick_xml::events::Event::Text(t)) => texts.push(t.xml10_content().into_owned()),
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name}: SVG is not XML: {e}"),
            }
        }
        assert_eq!(root.as_deref(), Some("svg"), "{name}");
        for e in &doc.events {
            let label = format!("{} ({})", e.trigger.text, e.cameo);
            assert!(
                texts.iter().any(|t| t == &label),
                "{name}: no label {label}"
            );
        }
    }
}

#[test]
fn svg_without_graphviz_names_the_missing_program() {
    let sample = root().join("data/samples/cairo-talks-2023-11-05.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_zaman"))
        .args(["extract", "--format", "svg"])
        .arg(&sample)
        .env("PATH", "")
        .output()
        .expect("run zaman");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("`dot`")
            && err.contains("Graphviz")
            && err.contains("apt-get install graphviz"),
        "{err}"
    );
}
