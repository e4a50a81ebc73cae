//! Clauses: the clause structure the other rooms read.
//!
//! A sentence is cut into clauses at complementizers (إن، أن، بأن), a colon or a quote
//! (reported content), relative pronouns (الذي، التي …), and a comma before a verb joined
//! by و (`… الأسبوع المقبل، وسيتصل … غدا` is two clauses). Each clause knows its kind and
//! whether it is background: a pluperfect (`وكان الرئيس قد أعلن`) or an anteriority
//! (`سبق أن أعلن`). The reported content of a statement is the complement clause after its
//! trigger, up to where a coordinated main verb begins.

use super::doc::*;
use crate::text::TokenKind;

/// What kind of clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClauseKind {
    /// A sentence's main clause, or a main clause joined by و after a comma.
    Main,
    /// Introduced by a complementizer, a colon or a quote: reported content.
    Complement,
    /// Introduced by a relative pronoun (الذي، التي).
    Relative,
}

/// One clause: tokens `[start, end)`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clause {
    pub start: usize,
    pub end: usize,
    pub kind: ClauseKind,
    /// Pluperfect or anteriority: background, never the story's current news.
    pub background: bool,
}

/// The clauses of a document, and the clause of every token.
#[derive(Debug, Clone)]
pub(crate) struct Clauses {
    pub clauses: Vec<Clause>,
    of_token: Vec<u32>,
}

/// The first byte of token `i` when it is a punctuation mark (the whole mark, for the
/// ASCII marks that folding leaves: `"`, `:`, `,`, `.`, `;`).
fn punct_byte(doc: &Doc<'_, '_>, i: usize) -> Option<u8> {
    let t = doc.lexed.tokens.get(i)?;
    (t.kind == TokenKind::Punct).then(|| doc.lexed.text.as_bytes()[t.start])
}

/// Relative pronouns (folded): they open a relative clause.
pub(crate) const RELATIVES: &[&str] = &[
    "الذي",
    "التي",
    "الذين",
    "اللذان",
    "اللتان",
    "اللذين",
    "اللتين",
    "اللواتي",
    "اللاتي",
];

/// Forms of كان that, with قد after them, make a pluperfect (`وكان … قد أعلن`).
const KANA: &[&str] = &[
    "كان",
    "كانت",
    "كانوا",
    "كانا",
    "كانتا",
    "وكان",
    "وكانت",
    "وكانوا",
    "وكانا",
    "وكانتا",
    "فكان",
    "فكانت",
];

/// A participle that reports speech (، مؤكدا أن …): after a comma it begins its own
/// clause, so the content before it is not its clause (ambiguous forms such as مجددا,
/// "again", excepted).
fn speech_participle(doc: &Doc<'_, '_>, x: usize) -> bool {
    doc.lexed
        .at(x)
        .iter()
        .any(|l| l.entry.kind == crate::lexicon::Kind::Event && &*l.entry.extra == "participle")
}

/// Verbs of anteriority before a complementizer: `سبق أن`, `سبق وأن`.
const ANTERIORITY: &[&str] = &["سبق", "وسبق", "سبقت", "وسبقت"];

impl Clauses {
    /// Cuts every sentence of the document into clauses.
    pub fn new(doc: &Doc<'_, '_>) -> Clauses {
        let n = doc.lexed.tokens.len();
        let mut clauses: Vec<Clause> = Vec::new();
        let mut of_token = vec![0u32; n];
        let open = |clauses: &mut Vec<Clause>, start: usize, kind: ClauseKind| {
            if let Some(last) = clauses.last_mut() {
                last.end = start;
            }
            clauses.push(Clause {
                start,
                end: n,
                kind,
                background: false,
            });
        };
        for s in 0..doc.sentences.len().max(1) {
            let (s_start, s_end) = doc.sentence_tokens(s);
            if s_start >= s_end {
                continue;
            }
            open(&mut clauses, s_start, ClauseKind::Main);
            let mut in_quote = false;
            let mut i = s_start;
            while i < s_end {
                // the punctuation mark just before, if any: most tokens follow a word and
                // open no clause, so each test below starts from this one byte
                let prev = if i > s_start {
                    punct_byte(doc, i - 1)
                } else {
                    None
                };
                // scare quotes (لقاء "قريبا") open no clause
                let quote = prev == Some(b'"') && !doc.scare_quote(i - 1);
                in_quote ^= quote;
                let kind = if i > s_start
                    && (prev == Some(b':')
                        || !doc.lexed.at(i).is_empty() && doc.cue(i, "complementizer").is_some())
                    || quote && in_quote
                {
                    Some(ClauseKind::Complement)
                } else if quote {
                    // after a closing quote the sentence goes on: «…»، قال الوزير
                    Some(ClauseKind::Main)
                } else if i > s_start
                    && doc
                        .word(i)
                        .is_some_and(|w| RELATIVES.contains(&w.trim_start_matches('و')))
                {
                    Some(ClauseKind::Relative)
                } else if prev == Some(b',')
                    && (coordinated_verb(doc, i) || speech_participle(doc, i))
                    || matches!(prev, Some(b'.' | b';'))
                {
                    Some(ClauseKind::Main)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    open(&mut clauses, i, kind);
                }
                let c = clauses.len() - 1;
                of_token[i] = c as u32;
                i += 1;
            }
            if let Some(last) = clauses.last_mut() {
                last.end = s_end;
            }
        }
        let mut out = Clauses { clauses, of_token };
        out.mark_background(doc);
        out
    }

    /// The clause of token `i`.
    pub fn of(&self, i: usize) -> usize {
        self.of_token.get(i).map_or(0, |&c| c as usize)
    }

    /// The clause itself.
    pub fn get(&self, c: usize) -> Option<&Clause> {
        self.clauses.get(c)
    }

    /// Pluperfect: كان … قد inside the clause (`وكان الرئيس قد أعلن`, `كانت … قد`);
    /// anteriority: a complement clause right after سبق (`سبق أن أعلن`, `سبق وأن`).
    fn mark_background(&mut self, doc: &Doc<'_, '_>) {
        for c in 0..self.clauses.len() {
            let Clause { start, end, .. } = self.clauses[c];
            let mut kana = None;
            let mut background = false;
            for i in start..end.min(start + MAX_REACH) {
                let Some(w) = doc.word(i) else { continue };
                if KANA.contains(&w) {
                    kana = Some(i);
                } else if matches!(w, "قد" | "وقد") && kana.is_some_and(|k| i - k <= 6) {
                    background = true;
                    break;
                }
            }
            if !background && start > 0 {
                // سبق أن / سبق وأن / كما سبق أن
                let before = |k: usize| start.checked_sub(k).and_then(|j| doc.word(j));
                background = before(1).is_some_and(|w| ANTERIORITY.contains(&w))
                    || (before(1) == Some("و")
                        && before(2).is_some_and(|w| ANTERIORITY.contains(&w)))
                    || doc.word(start).is_some_and(|w| w == "وان" || w == "وأن")
                        && before(1).is_some_and(|w| ANTERIORITY.contains(&w));
            }
            self.clauses[c].background = background;
        }
    }
}

/// The reported content of a trigger that ends before token `end`, in sentence tokens
/// up to `s_end`: the clause after إن/أن, a colon or a quote, up to where a coordinated
/// main verb begins (`…، ورفضت …`; a future verb `وسيتصل` goes on with what is reported).
/// Also whether a statement noun (في بيان) stands between: a later `وقال البيان` is
/// this speaker.
pub(crate) fn content(
    doc: &Doc<'_, '_>,
    end: usize,
    s_end: usize,
    reveals: bool,
) -> (Option<(usize, usize)>, bool) {
    let tokens = doc.lexed.tokens;
    let mut via_statement_noun = false;
    let limit = (end + 14).min(s_end);
    for k in end..limit {
        // another verb first: the complementizer further on is that verb's
        if k > end && finite_verb(doc, k) {
            break;
        }
        if doc.cue(k, "statement_noun").is_some() {
            via_statement_noun = true;
        }
        // «كشف ما دار في المحادثة»، «أوضح عما جرى»: a free relative after a statement
        // verb is its content
        let what = reveals && matches!(doc.word(k), Some("ما" | "عما"));
        if let Some(c) = doc.complementizer(k).or(what.then_some(k)) {
            if c >= s_end {
                break;
            }
            let reach = s_end.min(c + MAX_REACH);
            let stop = (c + 1..reach)
                .find(|&x| {
                    doc.punct(x - 1, &[','])
                        && (coordinated_verb(doc, x) && !future_verb(doc, x)
                            || speech_participle(doc, x))
                })
                .map_or(reach, |x| x - 1);
            return (
                Some((tokens[c].start, tokens[stop.max(c + 1) - 1].end)),
                via_statement_noun,
            );
        }
    }
    (None, via_statement_noun)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::{self, Gazetteer};
    use crate::lexicon::{Lexed, Lexicon};
    use crate::text::{Normalized, sentences, tokenize};

    /// The clauses of a text as (kind, background, folded words).
    fn clauses_of(text: &str) -> Vec<(ClauseKind, bool, String)> {
        let normalized = Normalized::new(text);
        let tokens = tokenize(&normalized.text);
        let lexed = Lexed::new(&normalized.text, &tokens, Lexicon::builtin());
        let sents = sentences(&normalized.text);
        let found = actors::recognize(&lexed, Gazetteer::builtin());
        let doc = Doc {
            lexed: &lexed,
            actors: &found,
            sentences: &sents,
            timexes: &[],
            timex_spans: &[],
        };
        let clauses = Clauses::new(&doc);
        clauses
            .clauses
            .iter()
            .map(|c| {
                let words: Vec<&str> = (c.start..c.end).filter_map(|i| doc.word(i)).collect();
                (c.kind, c.background, words.join(" "))
            })
            .collect()
    }

    #[test]
    fn complement_is_its_own_clause() {
        let c = clauses_of("قال الوزير أمس إن الاجتماع سيعقد الأحد المقبل.");
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].0, ClauseKind::Main);
        assert_eq!(c[0].2, "قال الوزير امس");
        assert_eq!(c[1].0, ClauseKind::Complement);
        assert!(c[1].2.starts_with("ان الاجتماع"));
    }

    #[test]
    fn relative_clause() {
        let c = clauses_of("وجاء في التقرير الذي صدر الثلاثاء أن الأسعار ارتفعت.");
        let kinds: Vec<ClauseKind> = c.iter().map(|x| x.0).collect();
        assert_eq!(
            kinds,
            [
                ClauseKind::Main,
                ClauseKind::Relative,
                ClauseKind::Complement
            ]
        );
        assert_eq!(c[1].2, "الذي صدر الثلاثاء");
    }

    #[test]
    fn pluperfect_and_anteriority_are_background() {
        let c = clauses_of("وكان الرئيس قد أعلن الشهر الماضي عن خطة جديدة.");
        assert!(c[0].1);
        let c = clauses_of("وسبق أن أعلنت الحكومة عن خطة.");
        assert!(!c[0].1);
        assert!(c[1].1, "{c:?}");
        let c = clauses_of("وأعلن الرئيس عن خطة جديدة.");
        assert!(!c[0].1);
    }

    #[test]
    fn comma_before_coordinated_verb_starts_a_main_clause() {
        let c = clauses_of("سيزور الأردن الأسبوع المقبل، وسيتصل بالملك غدا.");
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].0, ClauseKind::Main);
    }
}
