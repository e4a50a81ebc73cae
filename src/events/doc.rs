//! The view of one document that every room of the event stage reads.

use crate::actors::{Actors, Mention};
use crate::lexicon::{Kind, Lexed, Lexeme};
use crate::text::{Sentence, TokenKind};
use crate::timex::Timex;

use super::EventKind;

/// A trigger found at a token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Trigger<'l> {
    pub lexeme: &'l Lexeme<'l>,
    pub token: usize,
    pub kind: EventKind,
    pub verb: bool,
    /// A participle that introduces content (مؤكدا، مضيفة): its speaker is the main verb's.
    pub participle: bool,
    /// A passive speech act (تم التأكيد): no agent.
    pub passive: bool,
}

pub(crate) struct Doc<'a, 'l> {
    pub lexed: &'a Lexed<'l>,
    pub actors: &'a Actors,
    pub sentences: &'a [Sentence],
    pub timexes: &'a [Timex],
    /// Byte spans of the timexes in the normalized text.
    pub timex_spans: &'a [(usize, usize)],
}

/// How many words scare quotes hold at most.
const SCARE_QUOTE: usize = 2;

impl<'a, 'l> Doc<'a, 'l> {
    pub(crate) fn word(&self, i: usize) -> Option<&'l str> {
        let t = self.lexed.tokens.get(i)?;
        (t.kind == TokenKind::Word).then(|| &self.lexed.text[t.start..t.end])
    }

    pub(crate) fn punct(&self, i: usize, chars: &[char]) -> bool {
        self.lexed.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && self.lexed.text[t.start..t.end].starts_with(chars)
        })
    }

    pub(crate) fn cue(&self, i: usize, role: &str) -> Option<&'a Lexeme<'l>> {
        self.lexed
            .at(i)
            .iter()
            .filter(|l| {
                l.entry.kind == Kind::Cue
                    && &*l.entry.value == role
                    // a cue takes no preposition, except the ب of بأن
                    && (l.prep.is_none() || l.prep == Some('ب') && role == "complementizer")
            })
            .max_by_key(|l| l.next)
    }

    pub(crate) fn sentence_of(&self, token: usize) -> usize {
        let start = self.lexed.tokens[token].start;
        self.sentences
            .partition_point(|s| s.end <= start)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// Token range of a sentence.
    pub(crate) fn sentence_tokens(&self, s: usize) -> (usize, usize) {
        let Some(sent) = self.sentences.get(s) else {
            return (0, self.lexed.tokens.len());
        };
        let toks = self.lexed.tokens;
        (
            toks.partition_point(|t| t.start < sent.start),
            toks.partition_point(|t| t.start < sent.end),
        )
    }

    /// The actor mention starting at token i, if any.
    pub(crate) fn mention_at(&self, i: usize) -> Option<&'a Mention> {
        let k = self.actors.mentions.partition_point(|m| m.first_token < i);
        self.actors.mentions.get(k).filter(|m| m.first_token == i)
    }

    /// The actor mention starting at token i, or the name whose title starts there
    /// (مساعدة وزير الخارجية الأميركي لشؤون الشرق الأدنى باربارا ليف), its title within
    /// `TITLE_REACH` tokens and before `end`.
    pub(crate) fn titled_mention_at(&self, i: usize, end: usize) -> Option<&'a Mention> {
        self.mention_at(i).or_else(|| {
            self.mentions_between(i + 1, (i + TITLE_REACH).min(end))
                .first()
                .filter(|m| m.title_token == i)
        })
    }

    /// The first token from `k` on, before `end`, that is no timex token and no comma.
    pub(crate) fn skip_times_and_commas(&self, mut k: usize, end: usize) -> usize {
        while k < end && (self.is_timex_token(k) || self.punct(k, &[','])) {
            k += 1;
        }
        k
    }

    /// The actor mention covering token i, if any.
    pub(crate) fn mention_covering(&self, i: usize) -> Option<&'a Mention> {
        // mentions are sorted and do not overlap
        let k = self.actors.mentions.partition_point(|m| m.first_token <= i);
        k.checked_sub(1)
            .map(|k| &self.actors.mentions[k])
            .filter(|m| i < m.next_token)
    }

    /// Whether token i belongs to an actor's phrase: a mention, or the title before the
    /// name it introduced (أمير البلاد in «الشيخ تميم … أمير البلاد»، وزير الخارجية in
    /// «وزير الخارجية الأمريكي أنتوني بلينكن»).
    pub(crate) fn in_actor_phrase(&self, i: usize) -> bool {
        self.mention_covering(i).is_some()
            || self
                .mentions_between(i + 1, i + 1 + TITLE_REACH)
                .first()
                .is_some_and(|m| m.title_token <= i)
    }

    /// The mention that ends right before token `i` (its next token is `i`), if any.
    pub(crate) fn mention_ending_at(&self, i: usize) -> Option<&'a Mention> {
        let k = self.actors.mentions.partition_point(|m| m.next_token < i);
        self.actors.mentions.get(k).filter(|m| m.next_token == i)
    }

    /// The mentions that lie inside tokens `[from, to)`.
    pub(crate) fn mentions_between(&self, from: usize, to: usize) -> &'a [Mention] {
        let a = self
            .actors
            .mentions
            .partition_point(|m| m.first_token < from);
        let b = self.actors.mentions.partition_point(|m| m.next_token <= to);
        &self.actors.mentions[a..b.max(a)]
    }

    /// The first actor mention in tokens `[from, to)` before any punctuation.
    pub(crate) fn first_mention(&self, from: usize, to: usize) -> Option<&'a Mention> {
        for k in from..to {
            if let Some(m) = self.mention_at(k) {
                return Some(m);
            }
            if self
                .lexed
                .tokens
                .get(k)
                .is_none_or(|t| t.kind == TokenKind::Punct)
            {
                return None;
            }
        }
        None
    }

    /// A clause boundary: a complementizer, a quote, a colon, a period-like stop.
    pub(crate) fn complementizer(&self, i: usize) -> Option<usize> {
        if let Some(l) = self.cue(i, "complementizer") {
            return Some(l.next);
        }
        if self.punct(i, &[':']) || self.punct(i, &['"']) && !self.scare_quote(i) {
            return Some(i + 1);
        }
        None
    }

    /// Whether the quote mark at `i` is one of scare quotes: its pair stands at most
    /// `SCARE_QUOTE` words away (لقاء "قريبا"، وصف الخطوة بأنها "تاريخية"). A longer
    /// quote is reported speech.
    pub(crate) fn scare_quote(&self, i: usize) -> bool {
        // (a verb between the marks makes them a quote: «قال …)
        let pair = |j: usize| {
            j != i
                && self.punct(j, &['"'])
                && !(i.min(j) + 1..i.max(j)).any(|x| verb_at(self, x, false))
        };
        (i.saturating_sub(SCARE_QUOTE + 1)..=i + SCARE_QUOTE + 1).any(pair)
    }

    pub(crate) fn is_timex_token(&self, i: usize) -> bool {
        // timex spans are sorted and do not overlap
        let start = self.lexed.tokens[i].start;
        let k = self.timex_spans.partition_point(|(s, _)| *s <= start);
        k.checked_sub(1)
            .is_some_and(|k| start < self.timex_spans[k].1)
    }
}

/// A finite verb trigger with a glued و at token x: a coordinated main clause.
/// Whether token x is a future verb trigger (سيزور، وسيتصل).
pub(crate) fn future_verb(doc: &Doc<'_, '_>, x: usize) -> bool {
    doc.lexed
        .at(x)
        .iter()
        .any(|l| l.entry.kind == Kind::Event && l.entry.extra.starts_with("verb-future"))
}

pub(crate) fn coordinated_verb(doc: &Doc<'_, '_>, x: usize) -> bool {
    verb_at(doc, x, true)
}

/// The CAMEO code of a trigger entry (`statement:010` → `010`).
pub(crate) fn cameo_of(lexeme: &Lexeme<'_>) -> String {
    lexeme
        .entry
        .value
        .split_once(':')
        .map_or("010", |(_, code)| code)
        .to_string()
}

/// A verb trigger at token x.
pub(crate) fn finite_verb(doc: &Doc<'_, '_>, x: usize) -> bool {
    verb_at(doc, x, false)
}

pub(crate) fn verb_at(doc: &Doc<'_, '_>, x: usize, needs_conj: bool) -> bool {
    doc.lexed.at(x).iter().any(|l| {
        l.entry.kind == Kind::Event
            && (l.conj || !needs_conj)
            && l.entry.extra.starts_with("verb")
            && !l.article
    })
}

/// How many tokens a title may span before the name it introduces.
pub(crate) const TITLE_REACH: usize = 10;

/// How far back (in events) a pronoun, a plural or a statement noun may refer; it keeps
/// the extraction linear on long documents.
pub(crate) const LOOKBACK: usize = 64;

/// How far (in tokens) a content or a clause may reach from where it starts: sentences
/// without punctuation can be as long as the document, and an unbounded content would
/// make both the work and the output quadratic (`«قال «قال «قال …`).
pub(crate) const MAX_REACH: usize = 256;

/// Prepositions that put an actor out of subject position.
pub(crate) const PREPOSITIONS: &[&str] = &[
    "في", "من", "الي", "علي", "عن", "مع", "بين", "حول", "ضد", "لدي", "عند", "بشان", "تجاه", "نحو",
    "بسبب", "عبر", "ازاء", "حيال", "دون", "ضمن", "مثل",
];

/// Nouns that stand for the last statement's speaker as a subject: وقال البيان.
pub(crate) const STATEMENT_SUBJECTS: &[&str] = &[
    "البيان",
    "البلاغ",
    "التقرير",
    "الرساله",
    "التصريح",
    // indefinite, with an adjective after it: «وأفاد بيان حكومي بأن»
    "بيان",
    "بلاغ",
];

/// Verbs whose first object is the addressee: أبلغ نظيره، أخبر.
pub(crate) const TELL_VERBS: &[&str] = &[
    "هنا",
    "هنات",
    "اطلع",
    "اطلعت",
    "شكر",
    "شكرت",
    "ابلغ",
    "يبلغ",
    "تبلغ",
    "اخبر",
    "يخبر",
    "تخبر",
    "ابلغت",
    "اخبرت",
];
