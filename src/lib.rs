//! # zaman
//!
//! Arabic news text in, an event timeline out. This crate finds temporal
//! expressions in Arabic news ("الثلاثاء 13 أبريل/نيسان 2021", "بداية أبريل الجاري",
//! "قبل أيام", "منتصف رمضان 1442 هـ") and resolves them to TIMEX3 values and
//! half-open intervals against the document creation time.
//!
//! ```
//! use zaman::{Extractor, Dct};
//! let doc = Extractor::default().extract("d1", "قالت موسكو أمس إن …", Some("2021-04-13".parse::<Dct>()?));
//! assert_eq!(doc.timexes[0].value, "2021-04-12");
//! # Ok::<(), zaman::Error>(())
//! ```
//!
//! The pipeline, in order: [`text`] (normalization with an offset map, tokens,
//! sentences) → [`lexicon`] (words from `data/lexicon`) → [`timex`]
//! (recognition and resolution) → [`document`] (the JSON every tool reads).
//! Every span is `[start, end)` in code points of the original text.

#![deny(missing_docs)]

pub mod actors;
pub mod batch;
pub mod check;
pub mod document;
pub mod error;
pub mod eval;
pub mod events;
pub mod export;
pub mod graph;
pub mod input;
pub mod json;
pub mod lexicon;
pub mod merge;
#[cfg(feature = "server")]
pub mod serve;
pub mod text;
pub mod timeline;
pub mod timex;
pub mod window;

pub use document::{Document, Extractor, SCHEMA};
pub use error::Error;
pub use lexicon::Lexicon;
pub use timex::{
    Dct, DctSource, Granularity, Interval, Mod, Policy, Settings, Timex, TimexType, WeekStart,
    parse_number, tag, tag_with,
};
