//! Words loaded from `data/lexicon/*.tsv`: embedded at compile time, and
//! replaceable or extendable at run time from a directory of the same files.
//!
//! Every file has the same four columns: `form<TAB>kind<TAB>value<TAB>extra`.
//! `form` may hold several words (`كانون الثاني`); it is folded like document
//! text before use. `#` starts a comment line. See `data/lexicon/README.md`.

use std::path::Path;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::error::Error;
use crate::text::{Token, TokenKind, WordMemo, clitic_views, fold};

/// The built-in lexicon files, embedded in the binary.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "months_gregorian.tsv",
        include_str!("../data/lexicon/months_gregorian.tsv"),
    ),
    (
        "months_hijri.tsv",
        include_str!("../data/lexicon/months_hijri.tsv"),
    ),
    ("weekdays.tsv", include_str!("../data/lexicon/weekdays.tsv")),
    ("numbers.tsv", include_str!("../data/lexicon/numbers.tsv")),
    ("units.tsv", include_str!("../data/lexicon/units.tsv")),
    ("relative.tsv", include_str!("../data/lexicon/relative.tsv")),
    ("parts.tsv", include_str!("../data/lexicon/parts.tsv")),
    ("dayparts.tsv", include_str!("../data/lexicon/dayparts.tsv")),
    ("holidays.tsv", include_str!("../data/lexicon/holidays.tsv")),
    (
        "function_words.tsv",
        include_str!("../data/lexicon/function_words.tsv"),
    ),
    ("events.tsv", include_str!("../data/lexicon/events.tsv")),
    (
        "event_cues.tsv",
        include_str!("../data/lexicon/event_cues.tsv"),
    ),
];

/// What a lexicon entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Gregorian month; value 1–12, extra = naming system.
    Month,
    /// Hijri month; value 1–12.
    HijriMonth,
    /// Day of the week; value 1 (Monday) … 7 (Sunday).
    Weekday,
    /// Cardinal number word; value = the number.
    Cardinal,
    /// Ordinal number word; value = the number.
    Ordinal,
    /// Tens word (عشرون/العشرين), cardinal or ordinal; value 20–90.
    Tens,
    /// The teen suffix عشر/عشرة; value 10.
    Teen,
    /// Hundreds (مائة, مئتين, ثلاثمائة); value = the number.
    Hundred,
    /// Thousands (ألف, ألفين, آلاف); value = the multiplier's unit (1000).
    Thousand,
    /// Fraction word (نصف, ربع, ثلث); value in hundredths.
    Fraction,
    /// Time unit; value = unit name (day, week…), extra = count (1, 2, pl).
    Unit,
    /// Direction after a unit, weekday or month; value = past | next | current | last.
    Direction,
    /// Day relative to the reference; value = offset in days.
    Deictic,
    /// "now": the reference instant itself.
    Now,
    /// Vague reference; value = PAST_REF | PRESENT_REF | FUTURE_REF.
    Vague,
    /// Part-of-period word; value = START | MID | END.
    Part,
    /// Part of day; value = TIMEX code (MO, MD, AF, EV, NI) or a clock hour (T00, T12).
    DayPart,
    /// Season; value = SP | SU | FA | WI.
    Season,
    /// Holiday; value = fixed:MM-DD | hijri:MM-DD | easter.
    Holiday,
    /// Named time zone; value = UTC offset (+03:00).
    TimeZone,
    /// Frequency adverb; value = TIMEX duration of one period (P1Y).
    Frequency,
    /// Grammatical function word used by the rules; value = its role.
    Function,
    /// Calendar era marker after a year; value = hijri | gregorian.
    Era,
    /// A decade of a century (التسعينيات); value = the tens digit.
    Decade,
    /// An event trigger; value = EVENTKIND:CAMEO, extra = part of speech.
    Event,
    /// A word the event extractor reads around triggers; value = its role.
    Cue,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "month" => Kind::Month,
            "hijri_month" => Kind::HijriMonth,
            "weekday" => Kind::Weekday,
            "cardinal" => Kind::Cardinal,
            "ordinal" => Kind::Ordinal,
            "tens" => Kind::Tens,
            "teen" => Kind::Teen,
            "hundred" => Kind::Hundred,
            "thousand" => Kind::Thousand,
            "fraction" => Kind::Fraction,
            "unit" => Kind::Unit,
            "direction" => Kind::Direction,
            "deictic" => Kind::Deictic,
            "now" => Kind::Now,
            "vague" => Kind::Vague,
            "part" => Kind::Part,
            "daypart" => Kind::DayPart,
            "season" => Kind::Season,
            "holiday" => Kind::Holiday,
            "timezone" => Kind::TimeZone,
            "frequency" => Kind::Frequency,
            "function" => Kind::Function,
            "era" => Kind::Era,
            "decade" => Kind::Decade,
            "event" => Kind::Event,
            "cue" => Kind::Cue,
            _ => return None,
        })
    }

    /// Whether the value column must be an integer.
    fn numeric(self) -> bool {
        matches!(
            self,
            Kind::Month
                | Kind::HijriMonth
                | Kind::Weekday
                | Kind::Cardinal
                | Kind::Ordinal
                | Kind::Tens
                | Kind::Teen
                | Kind::Hundred
                | Kind::Thousand
                | Kind::Fraction
                | Kind::Deictic
                | Kind::Decade
        )
    }
}

/// One lexicon line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What the form is.
    pub kind: Kind,
    /// The value column as written.
    pub value: Box<str>,
    /// The value column as an integer, for numeric kinds (0 otherwise).
    pub num: i64,
    /// The optional fourth column.
    pub extra: Box<str>,
}

/// A lexicon entry found at a token, with how the first word was read.
#[derive(Debug, Clone, Copy)]
pub struct Lexeme<'l> {
    /// The entry.
    pub entry: &'l Entry,
    /// Index of the token after the matched form.
    pub next: usize,
    /// و or ف was glued in front.
    pub conj: bool,
    /// ب, ل or ك was glued in front.
    pub prep: Option<char>,
    /// The article ال was in front of the stem (not part of the form).
    pub article: bool,
    /// Byte offset (normalized text) where the expression proper starts: after و ف ب ل ك.
    pub start: usize,
}

/// The loaded word lists.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    entries: FxHashMap<Box<str>, Vec<Entry>>,
    /// First words of multi-word forms, with the largest word count seen.
    multi_first: FxHashMap<Box<str>, usize>,
    /// Every stem that has an entry (a quick pre-filter).
    known: FxHashSet<Box<str>>,
}

thread_local! {
    /// The lexemes of folded words in the built-in lexicon, per thread across documents.
    static BUILTIN_WORDS: std::cell::RefCell<WordLexemes> =
        std::cell::RefCell::new(WordLexemes::default());
}

/// One clitic reading of a word whose stem starts an entry: what its lexemes are made of
/// ([`Lexicon::push_reading`]), and what [`WordLexemes`] keeps of a word.
#[derive(Debug, Clone, Copy)]
struct KnownView<'l> {
    conj: bool,
    prep: Option<char>,
    article: bool,
    /// Bytes of the word before the expression (و ف ب ل ك).
    outer_len: u32,
    /// The stem is the word's last `stem_len` bytes.
    stem_len: u32,
    /// The most words of a multi-word form the stem starts (0: it starts none).
    multi: u32,
    /// The one-word entries of the stem.
    entries: &'l [Entry],
}

/// The built-in lexicon's readings of each folded word seen: the clitic readings whose
/// stem starts an entry (none for most words), in the order of [`clitic_views`], with
/// their one-word entries. News repeats its vocabulary, so one hash lookup replaces the
/// clitic readings and their lookups at most tokens; only the multi-word forms a reading
/// starts are looked up again, over the words that follow.
#[derive(Debug)]
struct WordLexemes {
    /// Word → `views[from..from + len]`.
    memo: WordMemo<(u32, u32)>,
    views: Vec<KnownView<'static>>,
}

impl Default for WordLexemes {
    fn default() -> Self {
        WordLexemes {
            memo: WordMemo::new(),
            views: Vec::new(),
        }
    }
}

impl WordLexemes {
    /// Pushes the lexemes of the word at token `i` onto `out`, as
    /// [`Lexicon::lexemes_at`] with the built-in lexicon does.
    fn push<'a>(&mut self, text: &'a str, tokens: &[Token], i: usize, out: &mut Vec<Lexeme<'a>>) {
        let lexicon = Lexicon::builtin();
        let t = tokens[i];
        let word = &text[t.start..t.end];
        let (from, len) = match self.memo.get(word) {
            Some(kept) => kept,
            None => self.learn(lexicon, word),
        };
        for v in &self.views[from as usize..(from + len) as usize] {
            lexicon.push_reading(text, tokens, i, v, out);
        }
    }

    /// Finds and keeps the readings of `word`.
    fn learn(&mut self, lexicon: &'static Lexicon, word: &str) -> (u32, u32) {
        if self.memo.is_full() {
            self.views.clear();
        }
        let from = self.views.len();
        self.views.extend(lexicon.known_views(word));
        let kept = (from as u32, (self.views.len() - from) as u32);
        self.memo.insert(word, kept);
        kept
    }
}

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon::default();
    for (name, content) in BUILTIN_FILES {
        // The embedded files are tested; a failure here is a build defect, not bad input.
        lexicon
            .add_file(name, content)
            .unwrap_or_else(|e| panic!("built-in lexicon is invalid: {e}"));
    }
    lexicon
});

impl Lexicon {
    /// The built-in lexicon (shared, built once).
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// The built-in files, with every `*.tsv` in `dir` applied on top: a file with
    /// a built-in file's name replaces it, any other file adds its entries.
    ///
    /// # Errors
    /// Names the file and line of the first malformed entry, or the I/O failure.
    pub fn with_overrides(dir: &Path) -> Result<Lexicon, Error> {
        let mut lexicon = Lexicon::default();
        for (name, content) in layered_files(BUILTIN_FILES, dir)? {
            lexicon.add_file(&name, &content)?;
        }
        Ok(lexicon)
    }

    /// Parses one TSV file and adds its entries.
    ///
    /// # Errors
    /// [`Error::Lexicon`] naming `file`, the line and what is wrong.
    pub fn add_file(&mut self, file: &str, content: &str) -> Result<(), Error> {
        for (index, line) in content.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: String| Error::Lexicon {
                file: file.to_string(),
                line: index + 1,
                message,
            };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 || cols.len() > 4 {
                return Err(bad(format!(
                    "expected 3 or 4 tab-separated columns (form, kind, value, extra), found {}",
                    cols.len()
                )));
            }
            let kind = Kind::parse(cols[1].trim())
                .ok_or_else(|| bad(format!("unknown kind {:?}", cols[1])))?;
            let value = cols[2].trim();
            let num = if kind.numeric() {
                value.parse::<i64>().map_err(|_| {
                    bad(format!(
                        "kind {} needs an integer value, found {value:?}",
                        cols[1]
                    ))
                })?
            } else {
                0
            };
            let form = fold(cols[0].trim());
            if form.split_whitespace().next().is_none() {
                return Err(bad("empty form".to_string()));
            }
            let extra = cols.get(3).map(|s| s.trim()).unwrap_or_default();
            // the future of a present verb trigger: سـ + يزور، تعقد اجتماعا، يتصل
            if kind == Kind::Event
                && let Some(aspect) = extra.strip_prefix("verb-present")
                && form.starts_with(['ي', 'ت'])
            {
                let future = Entry {
                    kind,
                    value: value.into(),
                    num,
                    extra: format!("verb-future{aspect}").into(),
                };
                self.insert(&format!("س{form}"), future);
            }
            let entry = Entry {
                kind,
                value: value.into(),
                num,
                extra: extra.into(),
            };
            self.insert(&form, entry);
        }
        Ok(())
    }

    /// Adds an entry under a folded, non-empty form.
    fn insert(&mut self, form: &str, entry: Entry) {
        let words: Vec<&str> = form.split_whitespace().collect();
        if words.len() > 1 {
            let slot = self.multi_first.entry(words[0].into()).or_insert(0);
            *slot = (*slot).max(words.len());
        }
        self.known.insert(words[0].into());
        let list = self.entries.entry(words.join(" ").into()).or_default();
        if !list.contains(&entry) {
            list.push(entry);
        }
    }

    /// Entries for an exact folded form.
    pub fn get(&self, form: &str) -> &[Entry] {
        self.entries.get(form).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Number of distinct forms.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no entry is loaded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All lexemes that start at token `i`, over every clitic reading of its first word
    /// and every multi-word form that continues from it. True when a reading of the word
    /// starts an entry (even where no lexeme came of it: the rest of a form is missing).
    pub fn lexemes_at<'l>(
        &'l self,
        text: &str,
        tokens: &[Token],
        i: usize,
        out: &mut Vec<Lexeme<'l>>,
    ) -> bool {
        let token = tokens[i];
        if token.kind != TokenKind::Word {
            return false;
        }
        let word = &text[token.start..token.end];
        let mut known = false;
        for view in self.known_views(word) {
            known = true;
            self.push_reading(text, tokens, i, &view, out);
        }
        known
    }

    /// The clitic readings of `word` whose stem starts an entry, in [`clitic_views`] order.
    fn known_views<'l, 'w>(
        &'l self,
        word: &'w str,
    ) -> impl Iterator<Item = KnownView<'l>> + use<'l, 'w> {
        clitic_views(word)
            .into_iter()
            .filter(|view| self.known.contains(view.stem))
            .map(|view| KnownView {
                conj: view.conj.is_some(),
                prep: view.prep,
                article: view.article,
                outer_len: view.outer_len as u32,
                stem_len: view.stem.len() as u32,
                multi: self.multi_first.get(view.stem).map_or(0, |&m| m as u32),
                entries: self.get(view.stem),
            })
    }

    /// The lexemes of one reading of the word at token `i`: the multi-word forms its stem
    /// starts that go on over the words after it, then its one-word entries.
    fn push_reading<'l>(
        &'l self,
        text: &str,
        tokens: &[Token],
        i: usize,
        reading: &KnownView<'l>,
        out: &mut Vec<Lexeme<'l>>,
    ) {
        let t = tokens[i];
        let start = t.start + reading.outer_len as usize;
        let make = |entry: &'l Entry, next: usize| Lexeme {
            entry,
            next,
            conj: reading.conj,
            prep: reading.prep,
            article: reading.article,
            start,
        };
        if reading.multi > 0 {
            let stem = &text[t.end - reading.stem_len as usize..t.end];
            self.push_multi(text, tokens, i, stem, reading.multi as usize, make, out);
        }
        out.extend(reading.entries.iter().map(|e| make(e, i + 1)));
    }

    /// The multi-word forms that start with `stem`, the rest of token `i`, and go on
    /// over the words after it (up to `max_words` words in all).
    #[allow(clippy::too_many_arguments)]
    fn push_multi<'l>(
        &'l self,
        text: &str,
        tokens: &[Token],
        i: usize,
        stem: &str,
        max_words: usize,
        make: impl Fn(&'l Entry, usize) -> Lexeme<'l>,
        out: &mut Vec<Lexeme<'l>>,
    ) {
        let mut key = String::with_capacity(stem.len() + 16 * max_words);
        key.push_str(stem);
        let mut j = i + 1;
        while j < tokens.len() && j - i < max_words {
            let mut t = tokens[j];
            // منتصف-الليل reads as منتصف الليل
            if t.kind == TokenKind::Punct && &text[t.start..t.end] == "-" && j + 1 < tokens.len() {
                j += 1;
                t = tokens[j];
            }
            if t.kind != TokenKind::Word || t.after_newline {
                break;
            }
            key.push(' ');
            key.push_str(&text[t.start..t.end]);
            j += 1;
            out.extend(self.get(&key).iter().map(|e| make(e, j)));
        }
    }
}

/// Built-in data files with a user directory applied on top: each built-in file, or the
/// user's `*.tsv` of the same name in its place, then the user's other `*.tsv` files in
/// name order. Items are (name shown in errors, content).
///
/// # Errors
/// [`Error::Io`] naming the directory or the file that cannot be read.
pub(crate) fn layered_files(
    builtin: &[(&str, &str)],
    dir: &Path,
) -> Result<Vec<(String, String)>, Error> {
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| Error::Io { path, source }
    };
    let mut user: Vec<(String, String, String)> = Vec::new();
    for item in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = item.map_err(io(dir))?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("tsv") {
            continue;
        }
        let content = std::fs::read_to_string(&path).map_err(io(&path))?;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        user.push((name, path.display().to_string(), content));
    }
    user.sort();
    let mut files = Vec::new();
    for (name, content) in builtin {
        match user.iter().find(|(n, _, _)| n == name) {
            Some((_, shown, c)) => files.push((shown.clone(), c.clone())),
            None => files.push((name.to_string(), content.to_string())),
        }
    }
    for (name, shown, content) in user {
        if !builtin.iter().any(|(n, _)| *n == name) {
            files.push((shown, content));
        }
    }
    Ok(files)
}

/// The lexemes of every token of one text, computed once and shared by the stages.
#[derive(Debug)]
pub struct Lexed<'a> {
    /// The normalized text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    lexemes: Vec<Lexeme<'a>>,
    /// `lexemes[offsets[i]..offsets[i + 1]]` start at token i.
    offsets: Vec<u32>,
}

impl<'a> Lexed<'a> {
    /// Looks up every token of `text` in `lexicon`.
    pub fn new(text: &'a str, tokens: &'a [Token], lexicon: &'a Lexicon) -> Self {
        // news has about one lexeme per two tokens
        let mut lexemes = Vec::with_capacity(tokens.len() / 2);
        let mut offsets = Vec::with_capacity(tokens.len() + 1);
        // news repeats its vocabulary, so one hash lookup replaces the clitic readings of
        // most tokens. With the built-in lexicon (which never changes) the answers outlive
        // the document: a batch worker learns the vocabulary of the archive once
        let builtin = std::ptr::eq(lexicon, Lexicon::builtin());
        if builtin {
            BUILTIN_WORDS.with_borrow_mut(|words| {
                for (i, t) in tokens.iter().enumerate() {
                    offsets.push(lexemes.len() as u32);
                    if t.kind == TokenKind::Word {
                        words.push(text, tokens, i, &mut lexemes);
                    }
                }
            });
        } else {
            // words seen without any lexeme, for this document
            let mut empty: FxHashSet<&'a str> = FxHashSet::default();
            for (i, t) in tokens.iter().enumerate() {
                offsets.push(lexemes.len() as u32);
                if t.kind != TokenKind::Word {
                    continue;
                }
                let word = &text[t.start..t.end];
                if empty.contains(word) {
                    continue;
                }
                // only a word no reading of which starts an entry is empty everywhere: a
                // stem that starts only multi-word forms has lexemes where they follow
                if !lexicon.lexemes_at(text, tokens, i, &mut lexemes) {
                    empty.insert(word);
                }
            }
        }
        offsets.push(lexemes.len() as u32);
        Lexed {
            text,
            tokens,
            lexemes,
            offsets,
        }
    }

    /// The lexemes that start at token `i` (empty past the end).
    pub fn at(&self, i: usize) -> &[Lexeme<'a>] {
        match (
            self.offsets.get(i),
            i.checked_add(1).and_then(|j| self.offsets.get(j)),
        ) {
            (Some(&a), Some(&b)) => &self.lexemes[a as usize..b as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Normalized, tokenize};

    #[test]
    fn builtin_files_load() {
        assert!(Lexicon::builtin().len() > 300);
    }

    #[test]
    fn finds_multi_word_forms_with_clitics() {
        let n = Normalized::new("وكانون الثاني");
        let toks = tokenize(&n.text);
        let mut out = Vec::new();
        Lexicon::builtin().lexemes_at(&n.text, &toks, 0, &mut out);
        let month = out
            .iter()
            .find(|l| l.entry.kind == Kind::Month)
            .expect("month");
        assert_eq!(month.entry.num, 1);
        assert_eq!(month.next, 2);
        assert!(month.conj);
        assert_eq!(month.start, "و".len());
    }

    /// A word that starts only multi-word forms (على: على مدى، على مدار) has no lexeme where
    /// the form does not follow, and must still have one where it does, later in the same
    /// document or in another: whether a word is empty is decided by its readings alone.
    #[test]
    fn a_word_without_the_rest_of_its_form_is_not_empty_everywhere() {
        let lookup = |text: &str| {
            let n = Normalized::new(text);
            let toks = tokenize(&n.text);
            let lexed = Lexed::new(&n.text, &toks, Lexicon::builtin());
            (0..toks.len())
                .filter(|&i| lexed.at(i).iter().any(|l| &*l.entry.value == "for"))
                .map(|i| &n.text[toks[i].start..toks[i].end])
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(lookup("على الجميع الانتظار ثم استمر على مدى يوم"), ["علي"]);
        // and again after a document where على never started its form
        assert!(lookup("على الجميع الانتظار").is_empty());
        assert_eq!(lookup("استمر على مدار الساعة"), ["علي"]);
        // a user's lexicon is not the built-in one: its own per-document set
        let mut own = Lexicon::default();
        own.add_file("f.tsv", "على مدى\tfunction\tfor\n")
            .expect("lexicon");
        let n = Normalized::new("على الجميع ثم على مدى يوم");
        let toks = tokenize(&n.text);
        let lexed = Lexed::new(&n.text, &toks, &own);
        assert_eq!(lexed.at(3).len(), 1);
        assert_eq!(lexed.at(3)[0].next, 5);
    }

    #[test]
    fn present_verb_triggers_get_their_future() {
        let mut lexicon = Lexicon::default();
        lexicon
            .add_file(
                "e.tsv",
                "يعقد اجتماعا\tevent\tmeeting:040\tverb-present\n\
                 يدعون\tevent\tappeal:020\tverb-present-ambiguous\n\
                 اتصل\tevent\tcall:041\tverb-past\n",
            )
            .expect("loads");
        let future = lexicon.get("سيعقد اجتماعا");
        assert_eq!(future.len(), 1);
        assert_eq!(&*future[0].extra, "verb-future");
        assert_eq!(&*future[0].value, "meeting:040");
        assert_eq!(&*lexicon.get("سيدعون")[0].extra, "verb-future-ambiguous");
        // past forms and other kinds get none
        assert!(lexicon.get("ساتصل").is_empty());
        assert_eq!(lexicon.len(), 5);
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let mut lexicon = Lexicon::default();
        let err = lexicon
            .add_file("x.tsv", "# c\nيناير\tmonth\tone\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.tsv:2: kind month needs an integer value, found \"one\""
        );
        let err = lexicon
            .add_file("y.tsv", "يناير\tmonthly\t1\n")
            .unwrap_err();
        assert!(err.to_string().starts_with("y.tsv:1: unknown kind"));
    }
}
