//! Views of one document (its graph and timeline) in the formats other tools read.
//! Every format is a function of the [`Document`] (and, where it shows the article,
//! the original text); one module per format.

use std::io::Write;

use crate::document::Document;
use crate::error::Error;
use crate::graph::EventGraph;

pub(crate) mod common;
pub mod csv;
pub mod cytoscape;
pub mod graphml;
pub mod html;
mod lanes;
pub mod semeval;
pub mod svg;
pub mod timelinejs;
pub mod timeml;
pub mod vis;

/// Every output format of `zaman extract --format` and `zaman merge --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// The zaman/timeline-v1 document JSON.
    Json,
    /// A Graphviz graph of actors, events and times that reads as a timeline.
    Dot,
    /// GraphML for Gephi, yEd, networkx: every attribute a declared key.
    Graphml,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// The article annotated with TIMEX3, EVENT and TLINK in TempEval-3 `.tml` form.
    Timeml,
    /// SemEval-2015 Task 4 TimeLine TSV.
    Semeval,
    /// One CSV row per event (RFC 4180, UTF-8).
    Csv,
    /// The DOT graph rendered to SVG by Graphviz `dot`.
    Svg,
    /// vis-timeline items and groups (one group per actor).
    Vis,
    /// TimelineJS3 JSON (title slide and one slide per dated event).
    TimelineJs,
    /// One self-contained offline HTML report: timeline, graph and annotated article.
    Html,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: &'static [Format] = &[
        Format::Json,
        Format::Dot,
        Format::Graphml,
        Format::Cytoscape,
        Format::Timeml,
        Format::Semeval,
        Format::Csv,
        Format::Svg,
        Format::Vis,
        Format::TimelineJs,
        Format::Html,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Graphml => "graphml",
            Format::Cytoscape => "cytoscape",
            Format::Timeml => "timeml",
            Format::Semeval => "semeval",
            Format::Csv => "csv",
            Format::Svg => "svg",
            Format::Vis => "vis",
            Format::TimelineJs => "timelinejs",
            Format::Html => "html",
        }
    }

    /// What the format is, for `--help`.
    pub fn help(self) -> &'static str {
        match self {
            Format::Json => "the zaman/timeline-v1 document JSON",
            Format::Dot => "a Graphviz graph of actors, events and times",
            Format::Graphml => {
                "GraphML of the graph (Gephi, yEd, networkx), every attribute declared"
            }
            Format::Cytoscape => "Cytoscape.js elements JSON of the graph",
            Format::Timeml => {
                "the article with TIMEX3/EVENT/TLINK, TempEval-3 .tml (needs the text)"
            }
            Format::Semeval => {
                "SemEval-2015 Task 4 TimeLine TSV (--entity for one actor's timeline)"
            }
            Format::Csv => "one CSV row per event, RFC 4180 UTF-8 (--bom for spreadsheets)",
            Format::Svg => "the graph rendered to SVG by Graphviz `dot` (must be installed)",
            Format::Vis => "vis-timeline items and groups (lanes per actor; undated listed apart)",
            Format::TimelineJs => "TimelineJS3 JSON (undated events listed on the title slide)",
            Format::Html => "an offline HTML report: timeline lanes, graph, annotated article",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format {s:?} (one of: {})", names.join(", "))
            })
    }
}

/// Writes any JSON view, indented or on one line, with a final newline.
pub(crate) fn write_json(
    value: &impl serde::Serialize,
    compact: bool,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let io = |source| Error::Output { source };
    if compact {
        serde_json::to_writer(&mut *out, value)
    } else {
        serde_json::to_writer_pretty(&mut *out, value)
    }
    .map_err(|e| io(e.into()))?;
    out.write_all(b"\n").map_err(io)
}

/// Options shared by the formats; each format reads the ones it needs.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// JSON: one compact line instead of indented output.
    pub compact: bool,
    /// CSV: start with a UTF-8 byte order mark, so spreadsheets read the file as UTF-8.
    pub bom: bool,
    /// SemEval: the target entity (actor id, gazetteer id or name); all events without it.
    pub entity: Option<String>,
}

/// Writes `doc` in `format`. `text` is the original article when there is one (a
/// merged timeline has none); formats that show the article need it.
pub fn write(
    format: Format,
    doc: &Document,
    text: Option<&str>,
    options: &Options,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let io = |source| Error::Output { source };
    match format {
        Format::Json => crate::json::write(doc, !options.compact, out).map_err(io),
        Format::Dot => out
            .write_all(EventGraph::from_document(doc).to_dot(doc).as_bytes())
            .map_err(io),
        Format::Graphml => graphml::write(doc, out),
        Format::Cytoscape => cytoscape::write(doc, options, out),
        Format::Timeml => timeml::write(doc, text, out),
        Format::Semeval => semeval::write(doc, options, out),
        Format::Csv => csv::write(doc, text, options, out),
        Format::Svg => svg::write(doc, out),
        Format::Vis => vis::write(doc, text, out),
        Format::TimelineJs => timelinejs::write(doc, text, out),
        Format::Html => html::write(doc, text, out),
    }
}
