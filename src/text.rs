//! Arabic text normalization with an offset map back to the original, plus
//! tokens (with clitic views) and sentence/paragraph segmentation.
//!
//! Matching happens on a folded copy of the text; every span zaman reports is
//! mapped back through [`Normalized`] to `[start, end)` code points of the
//! ORIGINAL input, so `original[start..end]` is exactly the reported text.

/// A folded copy of a text and the map from its bytes to original code points.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The folded text that the recognizers match against.
    pub text: String,
    /// The map back to the original: `(byte of text, original code point index)` where
    /// the correspondence restarts. From each such byte on, the n-th character of `text`
    /// is the n-th original code point after it (folding keeps one character for one),
    /// until the next entry; an entry starts wherever characters were dropped or one
    /// was expanded, and at least every [`Normalized::SEGMENT`] bytes, so that a lookup
    /// counts a few dozen characters at most. Sorted by byte; the last entry is the end
    /// of the text and the original's length.
    segments: Vec<(u32, u32)>,
    /// Where combining marks or tatweel were dropped right after a character:
    /// (end byte of that character in `text`, original index just past the marks).
    /// Sorted by byte; spans that end there extend over the marks.
    attached: Vec<(u32, u32)>,
    /// Number of code points in the original text.
    original_len: usize,
}

/// What the fold table does with one original character.
enum Fold {
    Keep(char),
    /// Dropped, but part of the preceding letter (harakat, tatweel): spans extend over it.
    Attach,
    /// Dropped and invisible (bidi and zero-width controls): spans never end on it.
    Drop,
    /// A presentation form or ligature that decomposes into several characters.
    Expand,
}

#[inline]
fn fold_char(c: char) -> Fold {
    // fast paths: ASCII and the plain Arabic letters, nearly all of real text
    if c.is_ascii() {
        return Fold::Keep(match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            '\t' => ' ',
            '\r' => '\n',
            _ => c,
        });
    }
    if ('\u{0621}'..='\u{063A}').contains(&c) || ('\u{0641}'..='\u{064A}').contains(&c) {
        return Fold::Keep(match c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            _ => c,
        });
    }
    match c {
        // harakat, Quranic marks, superscript alef, tatweel
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}' => Fold::Attach,
        // zero-width and bidi controls, BOM, soft hyphen, Arabic letter mark
        '\u{200B}'..='\u{200F}'
        | '\u{061C}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}' => Fold::Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Fold::Keep('ا'),
        'ى' | 'ی' => Fold::Keep('ي'),
        'ة' => Fold::Keep('ه'),
        'ک' => Fold::Keep('ك'),
        '٠'..='٩' => Fold::Keep(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '۰'..='۹' => Fold::Keep(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '٫' => Fold::Keep('.'),
        '٬' | '،' => Fold::Keep(','),
        '؛' => Fold::Keep(';'),
        '؟' => Fold::Keep('?'),
        '“' | '”' | '«' | '»' | '„' | '‟' | '″' | '＂' => Fold::Keep('"'),
        '‘' | '’' | '‚' | '‛' | '′' => Fold::Keep('\''),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
            Fold::Keep(' ')
        }
        '\r' => Fold::Keep('\n'),
        '‐' | '‑' | '‒' | '–' | '—' | '−' => Fold::Keep('-'),
        'A'..='Z' => Fold::Keep(c.to_ascii_lowercase()),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => Fold::Expand,
        _ => Fold::Keep(c),
    }
}

/// Builds a [`Normalized`]: folded characters are appended one by one, and the runs of
/// original text that folding leaves as they are (most of any text) are copied whole.
struct Folder<'a> {
    original: &'a str,
    out: Normalized,
    /// The original index the next character of `text` has if the current segment goes on.
    expected: u32,
    /// Byte of the original where the run of unchanged characters not yet copied starts…
    run_start: usize,
    /// …and its original code point index.
    run_char: u32,
}

impl Folder<'_> {
    /// Starts a segment at the end of `text` unless the character about to be appended,
    /// original index `index`, continues the current one.
    #[inline]
    fn continue_or_start(&mut self, index: u32) {
        if index != self.expected {
            self.out.segments.push((self.out.text.len() as u32, index));
        }
    }

    /// Copies the pending run of unchanged characters, up to byte `end` and original
    /// index `end_char` of the original.
    #[inline]
    fn flush(&mut self, end: usize, end_char: u32) {
        if end > self.run_start {
            self.continue_or_start(self.run_char);
            self.out.text.push_str(&self.original[self.run_start..end]);
            self.expected = end_char;
        }
    }

    /// Appends a character folded from original code point `index`.
    #[inline]
    fn push(&mut self, c: char, index: u32) {
        self.continue_or_start(index);
        self.out.text.push(c);
        self.expected = index + 1;
    }
}

impl Normalized {
    /// The longest stretch of `text`, in bytes, that a lookup counts characters over.
    const SEGMENT: usize = 64;

    /// Folds `original` for matching: alef/hamza forms, ى/ي, ة/ه, harakat and
    /// tatweel removed, bidi and zero-width marks removed, Arabic-Indic and
    /// Persian digits to ASCII, Arabic punctuation and all quote styles to ASCII,
    /// NBSP and other spaces to a space, presentation forms decomposed, ASCII lower-cased.
    pub fn new(original: &str) -> Self {
        let mut f = Folder {
            original,
            out: Normalized {
                text: String::with_capacity(original.len()),
                segments: vec![(0, 0)],
                attached: Vec::new(),
                original_len: 0,
            },
            expected: 0,
            run_start: 0,
            run_char: 0,
        };
        let bytes = original.as_bytes();
        let mut i = 0;
        let mut index = 0u32;
        while i < bytes.len() {
            // ASCII that folds to itself, and the plain Arabic letters: the run goes on
            if let Some(len) = kept_by_table(bytes, i) {
                i += len;
                index += 1;
                continue;
            }
            let Some(c) = original[i..].chars().next() else {
                break;
            };
            let len = c.len_utf8();
            let fold = fold_char(c);
            if matches!(fold, Fold::Keep(k) if k == c) {
                i += len;
                index += 1;
                continue;
            }
            f.flush(i, index);
            match fold {
                Fold::Keep(folded) => f.push(folded, index),
                Fold::Attach => {
                    if !f.out.text.is_empty() {
                        let end = f.out.text.len() as u32;
                        match f.out.attached.last_mut() {
                            Some(last) if last.0 == end => last.1 = index + 1,
                            _ => f.out.attached.push((end, index + 1)),
                        }
                    }
                }
                Fold::Drop => {}
                Fold::Expand => {
                    let mut parts = Vec::new();
                    unicode_normalization::char::decompose_compatible(c, |d| parts.push(d));
                    for part in parts {
                        match fold_char(part) {
                            Fold::Keep(folded) => f.push(folded, index),
                            Fold::Expand => f.push(part, index),
                            Fold::Attach | Fold::Drop => {}
                        }
                    }
                }
            }
            i += len;
            index += 1;
            f.run_start = i;
            f.run_char = index;
        }
        f.flush(bytes.len(), index);
        let mut out = f.out;
        out.original_len = index as usize;
        out.split_long_segments();
        out.segments.push((out.text.len() as u32, index));
        out
    }

    /// Cuts every segment longer than [`Normalized::SEGMENT`] bytes at character
    /// boundaries, so that no lookup counts more than that.
    fn split_long_segments(&mut self) {
        let text = self.text.as_bytes();
        let mut split = Vec::with_capacity(self.segments.len() + text.len() / Self::SEGMENT);
        for (k, &(start, index)) in self.segments.iter().enumerate() {
            let end = self
                .segments
                .get(k + 1)
                .map_or(text.len(), |next| next.0 as usize);
            split.push((start, index));
            let (mut at, mut at_index) = (start as usize, index);
            while end - at > Self::SEGMENT {
                let mut cut = at + Self::SEGMENT;
                while cut < end && text[cut] & 0xC0 == 0x80 {
                    cut += 1;
                }
                if cut >= end {
                    break;
                }
                at_index += count_chars(&text[at..cut]);
                at = cut;
                split.push((at as u32, at_index));
            }
        }
        self.segments = split;
    }

    /// The segment holding byte `byte` of `text`, and the original code point index of
    /// the character that starts there (the original's length at the end of `text`).
    fn original_index(&self, byte: usize) -> (usize, usize) {
        let k = self.segments.partition_point(|s| s.0 as usize <= byte) - 1;
        let (start, index) = self.segments[k];
        let counted = count_chars(&self.text.as_bytes()[start as usize..byte]);
        (k, index as usize + counted as usize)
    }

    /// Maps a byte span `[start, end)` of the normalized text (on char boundaries)
    /// to a code-point span of the original text.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let start = start.min(self.text.len());
        let (k, s) = self.original_index(start);
        if end <= start {
            return (s, s);
        }
        let end = end.min(self.text.len());
        // the original index of the span's last character, plus one
        let mut last = end - 1;
        while last > start && !self.text.is_char_boundary(last) {
            last -= 1;
        }
        let same_segment = self
            .segments
            .get(k + 1)
            .is_none_or(|next| next.0 as usize > last);
        let mut e = if same_segment {
            s + count_chars(&self.text.as_bytes()[start..last]) as usize + 1
        } else {
            self.original_index(last).1 + 1
        };
        if let Ok(k) = self.attached.binary_search_by_key(&(end as u32), |a| a.0) {
            e = self.attached[k].1 as usize;
        }
        (s, e.max(s))
    }

    /// Number of code points in the original text.
    pub fn original_len(&self) -> usize {
        self.original_len
    }
}

/// The code points of some UTF-8 bytes: every byte that is not a continuation byte
/// (`10xxxxxx`), counted eight bytes at a time.
#[inline]
fn count_chars(bytes: &[u8]) -> u32 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut continuation = 0;
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let x = u64::from_le_bytes(w);
        // the high bit of each byte whose top two bits are 1 and 0
        continuation += (x & !(x << 1) & HIGH).count_ones();
    }
    let rest = words.remainder();
    continuation += rest.iter().filter(|&&b| b & 0xC0 == 0x80).count() as u32;
    bytes.len() as u32 - continuation
}

/// The ASCII characters [`fold_char`] keeps as they are: all but capitals, tab and CR.
static ASCII_FOLDS_TO_ITSELF: [bool; 128] = {
    let mut table = [true; 128];
    let mut b = b'A';
    while b <= b'Z' {
        table[b as usize] = false;
        b += 1;
    }
    table[b'\t' as usize] = false;
    table[b'\r' as usize] = false;
    table
};

/// The characters U+0600–U+067F (UTF-8 `D8 xx` and `D9 xx`, indexed by the low bit of
/// the first byte and the low six of the second) that [`fold_char`] keeps as they are:
/// the plain letters, not the hamza forms of alef, alef maqsura or ta marbuta.
static ARABIC_FOLDS_TO_ITSELF: [bool; 128] = {
    let mut table = [false; 128];
    let mut c = 0x0600;
    while c < 0x0680 {
        let letter = (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A);
        let folded = matches!(c, 0x0622 | 0x0623 | 0x0625 | 0x0629 | 0x0649);
        table[c - 0x0600] = letter && !folded;
        c += 1;
    }
    table
};

/// Folds a lexicon entry or a query the same way document text is folded.
pub fn fold(s: &str) -> String {
    // most of an entry is plain letters and ASCII, which fold to themselves: runs of them
    // are copied whole, the other characters folded one by one
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(len) = kept_by_table(bytes, i) {
            i += len;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        out.push_str(&s[run..i]);
        match fold_char(c) {
            Fold::Keep(folded) => out.push(folded),
            Fold::Attach | Fold::Drop => {}
            Fold::Expand => {
                unicode_normalization::char::decompose_compatible(c, |d| match fold_char(d) {
                    Fold::Keep(folded) => out.push(folded),
                    Fold::Expand => out.push(d),
                    Fold::Attach | Fold::Drop => {}
                })
            }
        }
        i += c.len_utf8();
        run = i;
    }
    out.push_str(&s[run..]);
    out
}

/// The length of the character at byte `i` of `bytes` when the tables say it folds to
/// itself (ASCII but capitals, tab and CR; the plain Arabic letters); None when it
/// must go through [`fold_char`].
#[inline]
fn kept_by_table(bytes: &[u8], i: usize) -> Option<usize> {
    let b = bytes[i];
    if b < 0x80 {
        ASCII_FOLDS_TO_ITSELF[usize::from(b)].then_some(1)
    } else {
        let second = *bytes.get(i + 1)?;
        ((b == 0xD8 || b == 0xD9)
            && ARABIC_FOLDS_TO_ITSELF[usize::from(b & 1) << 6 | usize::from(second & 0x3F)])
        .then_some(2)
    }
}

/// Whether `s` has more than `n` characters (without counting all of them).
fn longer_than(s: &str, n: usize) -> bool {
    s.chars().nth(n).is_some()
}

/// The class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters (Arabic or Latin).
    Word,
    /// A run of ASCII digits (after folding).
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// A token of the normalized text; `start..end` are byte offsets into [`Normalized::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first char in the normalized text.
    pub start: usize,
    /// Byte offset just past the last char.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// True when a line break lies between this token and the previous one.
    pub after_newline: bool,
}

fn is_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
        || c.is_ascii_alphabetic()
        || (c.is_alphabetic() && !c.is_ascii())
}

/// The token class of one character: `None` for white space.
#[inline]
fn class_of(c: char) -> Option<TokenKind> {
    if c.is_ascii_digit() {
        Some(TokenKind::Number)
    } else if is_letter(c) {
        Some(TokenKind::Word)
    } else if c.is_whitespace() {
        None
    } else {
        Some(TokenKind::Punct)
    }
}

/// [`class_of`] for every character of U+0600–U+06FF (UTF-8 `D8 xx` to `DB xx`, indexed
/// by the low two bits of the first byte and the low six of the second), the Arabic
/// block that most of any Arabic text is.
static ARABIC_CLASS: std::sync::LazyLock<[Option<TokenKind>; 256]> =
    std::sync::LazyLock::new(|| {
        std::array::from_fn(|k| char::from_u32(0x0600 + k as u32).and_then(class_of))
    });

/// [`class_of`] for ASCII.
static ASCII_CLASS: std::sync::LazyLock<[Option<TokenKind>; 128]> =
    std::sync::LazyLock::new(|| std::array::from_fn(|b| class_of(char::from(b as u8))));

/// The class and length of the character at byte `i` of `text`: ASCII and the Arabic
/// block from their tables, anything else decoded.
#[inline(always)]
fn class_at(
    text: &str,
    i: usize,
    ascii: &[Option<TokenKind>; 128],
    arabic: &[Option<TokenKind>; 256],
) -> (Option<TokenKind>, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        (ascii[usize::from(b)], 1)
    } else if (0xD8..=0xDB).contains(&b) && i + 1 < bytes.len() {
        let k = usize::from(b & 3) << 6 | usize::from(bytes[i + 1] & 0x3F);
        (arabic[k], 2)
    } else {
        text[i..]
            .chars()
            .next()
            .map_or((None, 1), |c| (class_of(c), c.len_utf8()))
    }
}

/// Splits normalized text into words, digit runs and single punctuation marks.
/// Letters and digits never share a token (`ال13` → `ال`, `13`; `1442ه` → `1442`, `ه`).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let (ascii, arabic) = (&*ASCII_CLASS, &*ARABIC_CLASS);
    let class_at = |i: usize| class_at(text, i, ascii, arabic);
    let mut after_newline = false;
    let mut i = 0;
    while i < bytes.len() {
        let (kind, len) = class_at(i);
        let Some(kind) = kind else {
            after_newline |= bytes[i] == b'\n';
            i += len;
            continue;
        };
        let start = i;
        i += len;
        // a word or a number runs on while the class does; a punctuation mark is alone
        if kind != TokenKind::Punct {
            while i < bytes.len() {
                let (next, len) = class_at(i);
                if next != Some(kind) {
                    break;
                }
                i += len;
            }
        }
        tokens.push(Token {
            start,
            end: i,
            kind,
            after_newline,
        });
        after_newline = false;
    }
    tokens
}

/// What a stage learned about folded words, kept across documents by one thread (a
/// batch worker learns an archive's vocabulary once) and bounded: past
/// [`WordMemo::MAX`] words it starts again. Only for answers that depend on the word
/// alone and on data that never changes (the built-in lexicon and gazetteer).
#[derive(Debug)]
pub(crate) struct WordMemo<V>(rustc_hash::FxHashMap<Box<str>, V>);

impl<V: Copy> WordMemo<V> {
    /// The most words kept (a few MiB).
    pub(crate) const MAX: usize = 100_000;

    pub(crate) fn new() -> Self {
        WordMemo(rustc_hash::FxHashMap::default())
    }

    /// The answer for `word`, if known.
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        self.0.get(word).copied()
    }

    /// Keeps the answer for `word`.
    pub(crate) fn insert(&mut self, word: &str, answer: V) {
        if self.is_full() {
            self.0.clear();
        }
        self.0.insert(word.into(), answer);
    }

    /// True when the next insertion starts again (forgets every word).
    pub(crate) fn is_full(&self) -> bool {
        self.0.len() >= Self::MAX
    }
}

/// One way to read a word as prefixes + stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CliticView<'a> {
    /// و or ف in front, if any.
    pub conj: Option<char>,
    /// ب, ل or ك in front, if any (لل counts as ل + ال).
    pub prep: Option<char>,
    /// The article ال (also the ل of لل).
    pub article: bool,
    /// Bytes of the word before the stem that are NOT part of the expression (و ف ب ل ك).
    pub outer_len: usize,
    /// The stem without any prefix.
    pub stem: &'a str,
}

/// The clitic readings of one word, on the stack (a word has at most seven).
#[derive(Debug, Clone, Copy)]
pub struct CliticViews<'a> {
    items: [CliticView<'a>; 8],
    len: usize,
}

impl<'a> CliticViews<'a> {
    fn push(&mut self, view: CliticView<'a>) {
        if self.len < self.items.len() {
            self.items[self.len] = view;
            self.len += 1;
        }
    }
}

impl<'a> IntoIterator for CliticViews<'a> {
    type Item = CliticView<'a>;
    type IntoIter = std::iter::Take<std::array::IntoIter<CliticView<'a>, 8>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

impl<'a> std::ops::Deref for CliticViews<'a> {
    type Target = [CliticView<'a>];
    fn deref(&self) -> &Self::Target {
        &self.items[..self.len]
    }
}

/// All clitic readings of a folded word, the bare reading first.
/// Stems keep at least two letters.
pub fn clitic_views(word: &str) -> CliticViews<'_> {
    let empty = CliticView {
        conj: None,
        prep: None,
        article: false,
        outer_len: 0,
        stem: "",
    };
    let mut views = CliticViews {
        items: [empty; 8],
        len: 0,
    };
    views.push(CliticView {
        conj: None,
        prep: None,
        article: false,
        outer_len: 0,
        stem: word,
    });
    let mut rest = word;
    let mut offset = 0usize;
    let mut conj = None;
    if let Some(c) = rest.chars().next()
        && (c == 'و' || c == 'ف')
        && longer_than(rest, 2)
    {
        conj = Some(c);
        rest = &rest[c.len_utf8()..];
        offset += c.len_utf8();
        views.push(CliticView {
            conj,
            prep: None,
            article: false,
            outer_len: offset,
            stem: rest,
        });
    }
    if let Some(c) = rest.chars().next()
        && matches!(c, 'ب' | 'ل' | 'ك')
        && longer_than(rest, 2)
    {
        if c == 'ل' && rest.starts_with("لل") && longer_than(rest, 3) {
            // لل = ل + ال: the article is inside the expression, the ل is not
            let stem = &rest["لل".len()..];
            views.push(CliticView {
                conj,
                prep: Some('ل'),
                article: true,
                outer_len: offset + 'ل'.len_utf8(),
                stem,
            });
        }
        let prep = Some(c);
        let inner = &rest[c.len_utf8()..];
        views.push(CliticView {
            conj,
            prep,
            article: false,
            outer_len: offset + c.len_utf8(),
            stem: inner,
        });
        if let Some(stem) = inner.strip_prefix("ال")
            && longer_than(stem, 1)
        {
            views.push(CliticView {
                conj,
                prep,
                article: true,
                outer_len: offset + c.len_utf8(),
                stem,
            });
        }
    }
    if let Some(stem) = rest.strip_prefix("ال")
        && longer_than(stem, 1)
    {
        views.push(CliticView {
            conj,
            prep: None,
            article: true,
            outer_len: offset,
            stem,
        });
    }
    if let Some(stem) = word.strip_prefix("ال")
        && longer_than(stem, 1)
        && offset > 0
    {
        views.push(CliticView {
            conj: None,
            prep: None,
            article: true,
            outer_len: 0,
            stem,
        });
    }
    views
}

/// Whether the stop at byte `i` ends the abbreviation of a title before a name: د. (doctor)
/// and أ. (professor), written alone (السفير د. أحمد، أ.د. محمد). Another letter alone
/// before a stop may end a sentence: «1442 هـ.», «عام 2020 م.».
fn title_abbreviation(bytes: &[u8], line_start: usize, i: usize) -> bool {
    const DAL: [u8; 2] = [0xD8, 0xAF];
    const ALEF: [u8; 2] = [0xD8, 0xA7];
    i >= line_start + 2
        && bytes[i] == b'.'
        && matches!([bytes[i - 2], bytes[i - 1]], DAL | ALEF)
        && (i == line_start + 2 || matches!(bytes[i - 3], b' ' | b'.' | b'(' | b'"'))
}

/// A sentence or headline: a byte range of the normalized text and its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset just past the last char.
    pub end: usize,
    /// Index of the paragraph (block separated by blank lines; a headline line is its own).
    pub paragraph: usize,
    /// A line without sentence-final punctuation, standing alone (a title or subheading).
    pub headline: bool,
}

/// Splits normalized text into sentences. Each line is a unit; a line is split
/// further at `.`, `!`, `?` and `…` that are followed by a space (not `3.5`).
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    let mut line_start = 0usize;
    let mut saw_text = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let this_start = line_start;
        line_start += line.len();
        if trimmed.is_empty() {
            continue;
        }
        if saw_text {
            paragraph += 1;
        }
        saw_text = true;
        let lead = line.len() - line.trim_start().len();
        let body_start = this_start + lead;
        let body_end = body_start + trimmed.len();
        let ends_with_stop = trimmed.ends_with(['.', '!', '?', '…', ':', '"']);
        let headline = !ends_with_stop && trimmed.split_whitespace().count() <= 16;
        let mut s = body_start;
        let bytes = text.as_bytes();
        let mut stops = Stops::new(bytes, body_start, body_end);
        while let Some(i) = stops.next() {
            let stop_len = if bytes[i].is_ascii() {
                1
            } else {
                '…'.len_utf8()
            };
            let next = i + stop_len;
            let followed_by_space = next >= body_end || bytes[next] == b' ';
            let prev_digit = i > 0 && bytes[i - 1].is_ascii_digit();
            let next_digit = next < body_end && bytes[next].is_ascii_digit();
            if followed_by_space
                && !(prev_digit && next_digit)
                && !title_abbreviation(bytes, body_start, i)
            {
                out.push(Sentence {
                    start: s,
                    end: next,
                    paragraph,
                    headline,
                });
                s = next;
                while s < body_end && bytes[s] == b' ' {
                    s += 1;
                }
            }
            stops.resume(next);
        }
        if s < body_end {
            out.push(Sentence {
                start: s,
                end: body_end,
                paragraph,
                headline,
            });
        }
    }
    out
}

/// The candidate sentence stops of a line (`.`, `!`, `?` and `…`) in order, found with
/// `memchr` rather than byte by byte.
struct Stops<'a> {
    bytes: &'a [u8],
    at: usize,
    end: usize,
    /// The next `…` at or after `at`, if any.
    ellipsis: Option<usize>,
}

impl<'a> Stops<'a> {
    const ELLIPSIS: &'static [u8] = "…".as_bytes();

    fn new(bytes: &'a [u8], start: usize, end: usize) -> Self {
        let mut stops = Stops {
            bytes,
            at: start,
            end,
            ellipsis: None,
        };
        stops.ellipsis = stops.find_ellipsis(start);
        stops
    }

    fn find_ellipsis(&self, from: usize) -> Option<usize> {
        memchr::memmem::find(&self.bytes[from.min(self.end)..self.end], Self::ELLIPSIS)
            .map(|k| from + k)
    }

    /// The byte of the next stop.
    fn next(&mut self) -> Option<usize> {
        let ascii = memchr::memchr3(
            b'.',
            b'!',
            b'?',
            &self.bytes[self.at.min(self.end)..self.end],
        )
        .map(|k| self.at + k);
        match (ascii, self.ellipsis) {
            (Some(a), Some(e)) => Some(a.min(e)),
            (a, e) => a.or(e),
        }
    }

    /// Goes on from byte `from` (past the stop just read).
    fn resume(&mut self, from: usize) {
        self.at = from;
        if self.ellipsis.is_some_and(|e| e < from) {
            self.ellipsis = self.find_ellipsis(from);
        }
    }
}

/// Slices a text by code-point indices in constant time per slice, with a checkpoint
/// every 16 code points (an index of about a quarter of the text's size).
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// Byte offset of code point `STEP * k`.
    checkpoints: Vec<u32>,
}

impl<'a> CharIndex<'a> {
    const STEP: usize = 16;

    /// An index over `text`.
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / Self::STEP + 1);
        // code points start at every byte that is not a UTF-8 continuation byte
        let mut until_next = 0;
        for (byte, &b) in text.as_bytes().iter().enumerate() {
            if b & 0xC0 != 0x80 {
                if until_next == 0 {
                    checkpoints.push(byte as u32);
                    until_next = Self::STEP;
                }
                until_next -= 1;
            }
        }
        CharIndex { text, checkpoints }
    }

    /// Byte offset of code point `ch` (the text's length past the end).
    pub fn byte_of(&self, ch: usize) -> usize {
        let Some(&base) = self.checkpoints.get(ch / Self::STEP) else {
            return self.text.len();
        };
        let rest = &self.text[base as usize..];
        rest.char_indices()
            .nth(ch % Self::STEP)
            .map_or(self.text.len(), |(b, _)| base as usize + b)
    }

    /// The text of code points `[start, end)`.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let s = self.byte_of(start);
        let e = self.byte_of(end);
        &self.text[s..e.max(s)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(original: &str, span: (usize, usize)) -> String {
        original
            .chars()
            .skip(span.0)
            .take(span.1 - span.0)
            .collect()
    }

    #[test]
    fn the_fast_paths_keep_what_the_fold_table_keeps() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            let kept = matches!(fold_char(c), Fold::Keep(k) if k == c);
            assert_eq!(ASCII_FOLDS_TO_ITSELF[usize::from(b)], kept, "{c:?}");
        }
        for cp in 0x0600u32..0x0680 {
            let c = char::from_u32(cp).unwrap();
            let kept = matches!(fold_char(c), Fold::Keep(k) if k == c);
            let utf8 = c.to_string().into_bytes();
            let slot = usize::from(utf8[0] & 1) << 6 | usize::from(utf8[1] & 0x3F);
            // the table may send a character that folds to itself down the slow path
            // (digits, punctuation), never the other way round
            assert!(!ARABIC_FOLDS_TO_ITSELF[slot] || kept, "U+{cp:04X}");
            // and every plain letter goes the fast way
            if (0x0621..=0x063A).contains(&cp) || (0x0641..=0x064A).contains(&cp) {
                assert_eq!(ARABIC_FOLDS_TO_ITSELF[slot], kept, "U+{cp:04X}");
            }
        }
    }

    #[test]
    fn maps_spans_across_long_texts_and_dropped_characters() {
        // longer than many segments, with marks, controls, expanded ligatures and
        // shorter folded characters (digits, quotes) spread over it
        let piece = "قالَ «الرئيسُ» \u{200F}في ١٣ أبريل ﻻ ـــ شيء، ";
        let original: String = piece.repeat(40);
        let n = Normalized::new(&original);
        let chars: Vec<char> = original.chars().collect();
        for (byte, c) in n.text.char_indices() {
            let (s, e) = n.to_original(byte, byte + c.len_utf8());
            assert!(s < e && e <= chars.len(), "{byte}");
            let here: String = chars[s..e].iter().collect();
            // an expanded ligature gives each of its letters the ligature's span
            assert!(fold(&here).contains(c), "{byte}: {here:?} for {c:?}");
        }
        let whole = n.to_original(0, n.text.len());
        assert_eq!(whole, (0, chars.len()));
        assert_eq!(n.to_original(n.text.len(), n.text.len()).0, chars.len());
    }

    #[test]
    fn folds_alef_hamza_digits_and_marks() {
        let n = Normalized::new("إبريل ١٣ الأولى مُحمَّد\u{200F}");
        assert_eq!(n.text, "ابريل 13 الاولي محمد");
    }

    #[test]
    fn folds_punctuation_quotes_and_spaces() {
        let n = Normalized::new("«قال»،\u{00A0}“نعم”؛ لماذا؟");
        assert_eq!(n.text, "\"قال\", \"نعم\"; لماذا?");
    }

    #[test]
    fn maps_spans_back_to_original_code_points() {
        let original = "في الـ13 من أبريلَ";
        let n = Normalized::new(original);
        assert_eq!(n.text, "في ال13 من ابريل");
        let start = n.text.find("13").unwrap();
        assert_eq!(slice(original, n.to_original(start, start + 2)), "13");
        let start = n.text.find("ال").unwrap();
        assert_eq!(
            slice(original, n.to_original(start, start + "ال13".len())),
            "الـ13"
        );
        let start = n.text.find("ابريل").unwrap();
        // a trailing haraka belongs to the word
        assert_eq!(slice(original, n.to_original(start, n.text.len())), "أبريلَ");
    }

    #[test]
    fn presentation_forms_expand_and_map_to_one_char() {
        let original = "ﻻ بأس";
        let n = Normalized::new(original);
        assert_eq!(n.text, "لا باس");
        assert_eq!(slice(original, n.to_original(0, "لا".len())), "ﻻ");
    }

    #[test]
    fn fold_is_the_text_normalization() {
        for s in [
            "",
            "بايدن",
            "الثلاثاء ١٣ أبريل/نيسان ٢٠٢١ “رفيعة” ـ",
            "إيران وآسيا ومصرَ الكبرى",
            "ﻻ ﷲ Biden\tABC\r",
            "\u{200f}صفحة\u{a0}٣",
        ] {
            assert_eq!(fold(s), Normalized::new(s).text, "{s:?}");
        }
    }

    #[test]
    fn normalization_is_idempotent() {
        let once = fold("الثلاثاء ١٣ أبريل/نيسان ٢٠٢١ “رفيعة” ـ");
        assert_eq!(fold(&once), once);
    }

    #[test]
    fn tokens_split_letters_from_digits() {
        let text = "ال13 و2021 1442ه 13/4";
        let toks: Vec<&str> = tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(toks, ["ال", "13", "و", "2021", "1442", "ه", "13", "/", "4"]);
    }

    #[test]
    fn clitic_views_cover_common_prefixes() {
        let stems = |w: &str| -> Vec<(String, bool, usize)> {
            clitic_views(w)
                .iter()
                .map(|v| (v.stem.to_string(), v.article, v.outer_len))
                .collect()
        };
        assert!(stems("والعشرين").contains(&("عشرين".into(), true, "و".len())));
        assert!(stems("للعام").contains(&("عام".into(), true, "ل".len())));
        assert!(stems("بايلول").contains(&("ايلول".into(), false, "ب".len())));
        assert!(stems("فبالامس").contains(&("امس".into(), true, "فب".len())));
        assert_eq!(clitic_views("في").len(), 1);
    }

    #[test]
    fn a_title_abbreviation_ends_no_sentence() {
        let text = fold("قال السفير د. أحمد العلي إن الاجتماع انتهى. وأكد أ.د. محمد أن");
        let s = sentences(&text);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(text[s[0].start..s[0].end].ends_with("انتهي."));
        // a letter alone at the end of a sentence still ends it: «1442 هـ.»
        let text = fold("وصل الوفد في 10 رمضان 1445 هـ. وقال الوزير إن");
        assert_eq!(sentences(&text).len(), 2);
    }

    #[test]
    fn sentences_split_on_stops_not_decimals() {
        let text = "عنوان قصير\n\nقال إن النسبة 3.5 بالمئة. وأضاف أنه راض.\n";
        let s = sentences(text);
        assert_eq!(s.len(), 3);
        assert!(s[0].headline);
        assert_eq!(&text[s[1].start..s[1].end], "قال إن النسبة 3.5 بالمئة.");
        assert_eq!(s[2].paragraph, 1);
    }

    #[test]
    fn char_index_finds_the_byte_of_every_code_point() {
        // one, two, three and four bytes a character, past a checkpoint (every 16
        // code points) and before, and the empty text
        let texts = [
            "",
            "a",
            "قال الرئيس إن 13 أبريل/نيسان 2021 كان يوما طويلا جدا في العاصمة",
            "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz",
            "€€€ 𝟙𝟚𝟛 ١٢٣ مرحبا hello 😀😀😀😀😀😀😀😀😀 x",
        ];
        for text in texts {
            let index = CharIndex::new(text);
            let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            for ch in 0..starts.len() + 3 {
                let expected = starts.get(ch).copied().unwrap_or(text.len());
                assert_eq!(index.byte_of(ch), expected, "{text:?} code point {ch}");
            }
            let n = starts.len();
            assert_eq!(index.slice(0, n), text);
            assert_eq!(
                index.slice(n.min(3), n.min(5)).chars().count(),
                n.min(5) - n.min(3)
            );
        }
    }
}
