//! The document JSON (`zaman/timeline-v1`) and the pipeline that fills it.

use serde::Serialize;

use crate::lexicon::{Lexed, Lexicon};
use crate::text::{Normalized, sentences, tokenize};
use crate::timex::{self, Dct, DctSource, Policy, Timex};

/// The schema name written in every document.
pub const SCHEMA: &str = "zaman/timeline-v1";

/// Facts about the input document.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    /// The caller's id (file name or batch id).
    pub id: String,
    /// The document creation time used, if any.
    pub dct: Option<String>,
    /// Where the DCT came from.
    pub dct_source: DctSource,
    /// The resolution policy.
    pub policy: Policy,
}

/// The whole output for one document, as described in docs/ARCHITECTURE.md.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Document facts.
    pub document: DocumentInfo,
    /// Temporal expressions in text order.
    pub timexes: Vec<Timex>,
    /// Actors (filled by the actors stage; empty for now).
    pub actors: Vec<serde_json::Value>,
    /// Events (filled by the events stage; empty for now).
    pub events: Vec<serde_json::Value>,
    /// Temporal and discourse relations between events.
    pub relations: Vec<serde_json::Value>,
    /// Event ids in timeline order.
    pub timeline: Vec<String>,
}

/// Runs the pipeline with one configuration; cheap to share across threads.
#[derive(Debug, Clone, Copy)]
pub struct Extractor<'l> {
    lexicon: &'l Lexicon,
    policy: Policy,
}

impl Default for Extractor<'static> {
    fn default() -> Self {
        Extractor {
            lexicon: Lexicon::builtin(),
            policy: Policy::News,
        }
    }
}

impl<'l> Extractor<'l> {
    /// An extractor over a lexicon with a policy.
    pub fn new(lexicon: &'l Lexicon, policy: Policy) -> Self {
        Extractor { lexicon, policy }
    }

    /// The policy in use.
    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// Extracts the document JSON of one text. `dct` None means: infer it.
    pub fn extract(&self, id: &str, text: &str, dct: Option<Dct>) -> Document {
        let normalized = Normalized::new(text);
        let tokens = tokenize(&normalized.text);
        let lexed = Lexed::new(&normalized.text, &tokens, self.lexicon);
        let sentences = sentences(&normalized.text);
        let tagged = timex::tag_lexed(&normalized, &lexed, &sentences, text, dct, self.policy);
        Document {
            schema: SCHEMA,
            document: DocumentInfo {
                id: id.to_string(),
                dct: tagged.dct.map(|d| d.to_string()),
                dct_source: tagged.dct_source,
                policy: self.policy,
            },
            timexes: tagged.timexes,
            actors: Vec::new(),
            events: Vec::new(),
            relations: Vec::new(),
            timeline: Vec::new(),
        }
    }
}
