//! Exports checked by their real consumers: the JSON against its JSON Schema,
//! the DOT graph through Graphviz.

use std::io::Write;
use std::process::{Command, Stdio};

use zaman::Extractor;
use zaman::graph::EventGraph;

use crate::shared_dir;

fn documents() -> Vec<(String, zaman::Document)> {
    let mut paths = vec![
        shared_dir()
            .join("samples")
            .join("biden-putin-call-2021-04-13.txt"),
    ];
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("samples");
    for entry in std::fs::read_dir(&samples).expect("data/samples").flatten() {
        if entry.path().extension().is_some_and(|e| e == "txt") {
            paths.push(entry.path());
        }
    }
    paths
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let name = p.display().to_string();
            let doc = Extractor::default().extract(&name, &text, None);
            (name, doc)
        })
        .collect()
}

#[test]
fn json_output_validates_against_the_schema() {
    let schema_path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema/timeline-v1.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&schema_path).expect("schema file"))
            .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    for (name, doc) in documents() {
        let value = serde_json::to_value(&doc).expect("serializable");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        assert!(!doc.events.is_empty() && !doc.actors.is_empty(), "{name}");
    }
    // the schema rejects what it should
    let mut bad = serde_json::to_value(&documents()[0].1).expect("json");
    bad["events"][0]["kind"] = "party".into();
    assert!(!validator.is_valid(&bad));
}

#[test]
fn dot_output_renders_with_graphviz() {
    for (name, doc) in documents() {
        let graph = EventGraph::from_document(&doc);
        let dot = graph.to_dot(&doc);
        assert!(
            dot.starts_with("digraph zaman {") && dot.contains("rankdir=LR"),
            "{name}"
        );
        // ASCII node ids only; Arabic lives in quoted labels
        for line in dot.lines().filter(|l| l.contains(" [label=")) {
            let id = line.trim().split(' ').next().unwrap_or_default();
            assert!(
                id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "{id}"
            );
        }
        let mut child = Command::new("dot")
            .arg("-Tsvg")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("Graphviz `dot` must be installed: run the tests with scripts/test, which installs the graphviz package");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(dot.as_bytes())
            .expect("write dot");
        let out = child.wait_with_output().expect("dot runs");
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let svg = String::from_utf8_lossy(&out.stdout);
        assert!(svg.contains("<svg") && svg.contains("e1"), "{name}");
    }
}

#[test]
fn graph_api_answers_queries() {
    let (_, doc) = documents().into_iter().next().expect("article");
    let graph = EventGraph::from_document(&doc);
    let biden = doc
        .actors
        .iter()
        .find(|a| a.gazetteer_id.as_deref() == Some("joe_biden"))
        .expect("Biden");
    let events = graph.events_of(&biden.id);
    assert!(events.len() >= 5, "{events:?}");
    for e in &events {
        let event = doc.events.iter().find(|x| x.id == *e).expect("event");
        let involved = event.agent.as_deref() == Some(&biden.id)
            || event.participants.contains(&biden.id)
            || event.initiator.as_deref() == Some(&biden.id);
        assert!(involved, "{e}");
    }
    let n = graph.neighbours(events[0]);
    assert!(n.iter().any(|(id, kind, out)| *id == biden.id
        && *out
        && matches!(
            kind,
            zaman::graph::EdgeKind::Agent | zaman::graph::EdgeKind::Participant
        )));
    assert_eq!(graph.timeline(), doc.timeline.as_slice());
    assert!(graph.node_count() > doc.events.len() + doc.actors.len());
}
