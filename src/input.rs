//! Input bytes to text: what zaman does with the dirty files of a news archive.
//!
//! [`decode`] takes the raw bytes of one document and returns its text with the
//! [`Warning`]s that a reader of the output needs to know about:
//!
//! - valid UTF-8 is taken as it is (a UTF-8 byte-order mark is kept, so spans count it,
//!   as a plain UTF-8 decode does);
//! - UTF-16 with a byte-order mark (LE or BE) is decoded (the mark removed), and so is
//!   UTF-16 without one when its byte pattern leaves no doubt (every other byte `00`
//!   or `06`, the high bytes of Latin and Arabic text); warning `encoding`;
//! - bytes that are not UTF-8 but read as Windows-1256 give mostly Arabic letters
//!   (the legacy Arabic code page) are decoded from it; warning `encoding`;
//! - anything else that is not UTF-8 is [`Error::Utf8`] naming the file and the first
//!   bad byte, or, with [`Options::lossy`], decoded with U+FFFD in place of every bad
//!   sequence; warning `lossy-utf8` with the offset of the first;
//! - HTML (forced, or detected: `<!doctype html`, `<html`, or text dominated by tags)
//!   is reduced to its text by [`html_to_text`]; warning `input-html`. Spans then
//!   point into that extracted text, which `zaman text` prints.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1256};
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Something the reader of a document's output should know about its input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// `lossy-utf8`, `lossy-utf16`, `encoding` or `input-html`.
    pub code: Cow<'static, str>,
    /// What happened, in words.
    pub message: String,
    /// For `lossy-utf8`: byte offset of the first invalid byte in the input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byte_offset: Option<usize>,
    /// For `encoding`: the encoding the input was decoded from (`UTF-16LE`, `windows-1256`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<Cow<'static, str>>,
}

/// Whether an input is HTML.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Html {
    /// HTML when it starts like HTML or is dominated by tags ([`looks_like_html`]).
    #[default]
    Detect,
    /// Always HTML (`--html`).
    Always,
    /// Never HTML (`--no-html`).
    Never,
}

/// How to read inputs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Replace invalid UTF-8 by U+FFFD and go on (with a warning) instead of failing.
    pub lossy: bool,
    /// Whether inputs are HTML.
    pub html: Html,
}

/// A decoded input: the text every span of the document points into, and warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text to extract from.
    pub text: String,
    /// What the reader should know (empty for a clean UTF-8 text).
    pub warnings: Vec<Warning>,
}

/// Decodes the bytes of the input `name` (a file name, `stdin`, a batch record's id).
///
/// # Errors
/// [`Error::Utf8`] when the bytes are neither UTF-8 nor a recognised encoding and
/// `options.lossy` is off; [`Error::Encoding`] for malformed UTF-16 without `lossy`.
pub fn decode(name: &str, bytes: &[u8], options: &Options) -> Result<Decoded, Error> {
    let mut warnings = Vec::new();
    let text = decode_text(name, bytes, options.lossy, &mut warnings)?;
    Ok(finish(text, options.html, warnings))
}

/// Applies the HTML option to a text that is already a string (a JSON Lines record).
pub fn from_text(text: &str, html: Html) -> Decoded {
    finish(Cow::Borrowed(text), html, Vec::new())
}

fn finish(text: Cow<'_, str>, html: Html, mut warnings: Vec<Warning>) -> Decoded {
    let is_html = match html {
        Html::Always => true,
        Html::Never => false,
        Html::Detect => looks_like_html(&text),
    };
    if is_html {
        warnings.push(Warning {
            code: Cow::Borrowed("input-html"),
            message: "read as HTML: markup removed, entities decoded, block elements \
                      made line breaks; spans point into the extracted text \
                      (`zaman text --html` prints it)"
                .to_string(),
            byte_offset: None,
            encoding: None,
        });
        Decoded {
            text: html_to_text(&text),
            warnings,
        }
    } else {
        Decoded {
            text: text.into_owned(),
            warnings,
        }
    }
}

fn decode_text<'b>(
    name: &str,
    bytes: &'b [u8],
    lossy: bool,
    warnings: &mut Vec<Warning>,
) -> Result<Cow<'b, str>, Error> {
    // UTF-16 with a byte-order mark
    let bom = match bytes {
        [0xFF, 0xFE, ..] => Some(UTF_16LE),
        [0xFE, 0xFF, ..] => Some(UTF_16BE),
        _ => None,
    };
    if let Some(encoding) = bom {
        return utf16(
            name,
            bytes,
            2,
            encoding,
            "with a byte-order mark",
            lossy,
            warnings,
        );
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return utf16(
            name,
            bytes,
            0,
            encoding,
            "without a byte-order mark, detected from its byte pattern",
            lossy,
            warnings,
        );
    }
    if let Some(text) = utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    if let Some(text) = windows_1256(bytes) {
        warnings.push(encoding_warning(
            WINDOWS_1256,
            "not UTF-8; read as windows-1256 (the legacy Arabic code page), detected from its Arabic letters",
        ));
        return Ok(Cow::Owned(text));
    }
    let first_bad = first_invalid_utf8(bytes);
    if !lossy {
        return Err(Error::Utf8 {
            path: name.to_string(),
            offset: first_bad,
        });
    }
    let replaced = bytes
        .utf8_chunks()
        .filter(|c| !c.invalid().is_empty())
        .count();
    warnings.push(Warning {
        code: Cow::Borrowed("lossy-utf8"),
        message: format!(
            "not valid UTF-8: {replaced} invalid byte sequence{} replaced by U+FFFD, the first at byte offset {first_bad}",
            if replaced == 1 { "" } else { "s" }
        ),
        byte_offset: Some(first_bad),
        encoding: None,
    });
    Ok(String::from_utf8_lossy(bytes))
}

fn encoding_warning(encoding: &'static Encoding, how: &str) -> Warning {
    Warning {
        code: Cow::Borrowed("encoding"),
        message: format!("decoded from {}: {how}", encoding.name()),
        byte_offset: None,
        encoding: Some(Cow::Borrowed(encoding.name())),
    }
}

/// `bytes` as text when they are valid UTF-8, checked with SIMD (`simdutf8`: Arabic text
/// is no ASCII fast path for the standard library's check). Where they are not,
/// [`first_invalid_utf8`] says where.
pub fn utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// Byte offset of the first invalid UTF-8 byte (the length when there is none).
pub fn first_invalid_utf8(bytes: &[u8]) -> usize {
    std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len())
}

/// Decodes UTF-16 from `bytes[bom..]`; offsets in messages count from the file's start.
fn utf16<'b>(
    name: &str,
    bytes: &[u8],
    bom: usize,
    encoding: &'static Encoding,
    how: &str,
    lossy: bool,
    warnings: &mut Vec<Warning>,
) -> Result<Cow<'b, str>, Error> {
    let units = &bytes[bom..];
    warnings.push(encoding_warning(encoding, how));
    if let Some(offset) = first_bad_utf16(units, encoding == UTF_16LE) {
        let offset = offset + bom;
        if !lossy {
            return Err(Error::Encoding {
                path: name.to_string(),
                encoding: encoding.name(),
                offset,
            });
        }
        warnings.push(Warning {
            code: Cow::Borrowed("lossy-utf16"),
            message: format!(
                "not valid {}: bad code units replaced by U+FFFD, the first at byte offset {offset}",
                encoding.name()
            ),
            byte_offset: Some(offset),
            encoding: Some(Cow::Borrowed(encoding.name())),
        });
    }
    let (text, _) = encoding.decode_without_bom_handling(units);
    Ok(Cow::Owned(text.into_owned()))
}

/// Byte offset (in `units`) of the first unpaired surrogate or odd trailing byte.
fn first_bad_utf16(units: &[u8], little_endian: bool) -> Option<usize> {
    let mut chunks = units.chunks_exact(2);
    let mut pending_high: Option<usize> = None;
    for (k, pair) in chunks.by_ref().enumerate() {
        let unit = if little_endian {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        };
        let at = 2 * k;
        match unit {
            0xD800..=0xDBFF => {
                if let Some(high) = pending_high {
                    return Some(high);
                }
                pending_high = Some(at);
            }
            0xDC00..=0xDFFF => {
                if pending_high.take().is_none() {
                    return Some(at);
                }
            }
            _ => {
                if let Some(high) = pending_high {
                    return Some(high);
                }
            }
        }
    }
    pending_high.or_else(|| (!chunks.remainder().is_empty()).then(|| units.len() - 1))
}

/// UTF-16 without a byte-order mark: an even number of bytes, at least 8, whose high
/// bytes (odd positions for LE, even for BE) are nearly all `00` (Latin text) or `06`
/// (Arabic letters) while the other half are not.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let high = |b: u8| b == 0x00 || b == 0x06;
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(high(pair[0]));
        odd += usize::from(high(pair[1]));
    }
    let pairs = bytes.len() / 2;
    let mostly = |n: usize| n * 10 >= pairs * 9;
    let few = |n: usize| n * 10 <= pairs;
    if mostly(odd) && few(even) {
        Some(UTF_16LE)
    } else if mostly(even) && few(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The text of bytes that are not UTF-8 (not merely UTF-8 with a few bad bytes) and
/// that, read as Windows-1256, give Arabic for at least 80% of their non-ASCII
/// characters, with hardly any control characters.
fn windows_1256(bytes: &[u8]) -> Option<String> {
    let (mut valid_non_ascii, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    // damaged UTF-8 has more good multi-byte characters than bad bytes
    if valid_non_ascii >= invalid {
        return None;
    }
    // a single-byte code page: one character per byte
    let (text, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
    let (mut non_ascii, mut arabic, mut controls) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii() {
            controls += usize::from(c.is_ascii_control() && !matches!(c, '\n' | '\r' | '\t'));
        } else {
            non_ascii += 1;
            arabic += usize::from(('\u{0600}'..='\u{06FF}').contains(&c));
        }
    }
    (arabic >= 2 && arabic * 10 >= non_ascii * 8 && controls * 100 <= bytes.len())
        .then(|| text.into_owned())
}

/// HTML elements whose content is not text.
const DROPPED: &[&str] = &["script", "style", "template", "noscript", "svg", "math"];

/// Elements that start or end a line of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Common element names, for telling tags from a literal `<` in [`looks_like_html`].
const KNOWN: &[&str] = &[
    "a", "b", "em", "font", "i", "img", "link", "meta", "small", "span", "strong", "sub", "sup",
    "u",
];

/// Whether a text is HTML: it starts with `<!doctype html` or `<html` (after white
/// space), or it has at least four tags of known HTML elements and markup makes up at
/// least a quarter of its non-space characters.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let starts = |prefix: &str| {
        head.get(..prefix.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
    };
    if starts("<!doctype html") || starts("<html") {
        return true;
    }
    let bytes = text.as_bytes();
    let (mut tags, mut markup) = (0usize, 0usize);
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + k;
        let (name, _, end) = tag_at(bytes, at);
        if let Some(end) = end
            && !name.is_empty()
            && is_element(&name)
        {
            tags += 1;
            markup += text[at..end].chars().count();
            i = end;
        } else if end.is_none() && !name.is_empty() {
            // an unterminated tag: the rest of the text is inside it
            break;
        } else {
            i = at + 1;
        }
    }
    if tags < 4 {
        return false;
    }
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    markup * 4 >= visible
}

fn is_element(name: &str) -> bool {
    BLOCKS.contains(&name) || DROPPED.contains(&name) || KNOWN.contains(&name)
}

/// At a `<`: the lower-cased tag name (empty for a comment, doctype or stray `<`),
/// whether it is a closing tag, and the byte just past the closing `>` (None when the
/// `<` does not start markup or the markup never ends).
fn tag_at(bytes: &[u8], at: usize) -> (String, bool, Option<usize>) {
    let rest = &bytes[at + 1..];
    let closing = rest.first() == Some(&b'/');
    let name_start = at + 1 + usize::from(closing);
    let name_len = bytes[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
        return (String::new(), closing, None);
    }
    let name =
        String::from_utf8_lossy(&bytes[name_start..name_start + name_len]).to_ascii_lowercase();
    // attributes: a quoted value may hold `>`
    let mut quote: Option<u8> = None;
    let mut i = name_start + name_len;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return (name, closing, Some(i + 1)),
            None => {}
        }
        i += 1;
    }
    (name, closing, None)
}

/// Finds `needle` (ASCII, lower case) in `bytes` from `from`, ignoring ASCII case.
fn find_ascii_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = needle.first()?;
    let mut i = from;
    while i + needle.len() <= bytes.len() {
        if bytes[i].eq_ignore_ascii_case(first)
            && bytes[i..i + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The text of an HTML document, in one linear pass: tags removed, the content of
/// `script`, `style`, `template`, `noscript`, `svg` and `math` dropped, comments,
/// doctypes and processing instructions dropped, character references decoded (every
/// named one of HTML5, `&nbsp;` included, and numeric ones, by the `htmlize` crate),
/// white space collapsed as a browser does, and block elements (`p`, `div`, `br`,
/// `h1`–`h6`, `li`, `tr`, `title`…) made line breaks so that headlines and sentences
/// still split. A `<` that starts no tag is text.
pub fn html_to_text(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = Collapser::with_capacity(html.len() / 2);
    let mut i = 0;
    while i < bytes.len() {
        let Some(k) = memchr::memchr(b'<', &bytes[i..]) else {
            out.text(&html[i..]);
            break;
        };
        let at = i + k;
        out.text(&html[i..at]);
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            i = find_ascii_ci(bytes, at + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<![CDATA[") {
            i = find_ascii_ci(bytes, at + 9, b"]]>").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr::memchr(b'>', &bytes[at..]).map_or(bytes.len(), |e| at + e + 1);
            continue;
        }
        let (name, closing, end) = tag_at(bytes, at);
        if name.is_empty() {
            // a `<` that starts no tag is text
            out.text("<");
            i = at + 1;
            continue;
        }
        let Some(end) = end else {
            // an unterminated tag runs to the end, as in a browser
            break;
        };
        i = end;
        if BLOCKS.contains(&name.as_str()) {
            out.line_break();
        }
        if !closing && DROPPED.contains(&name.as_str()) && !bytes[at..end].ends_with(b"/>") {
            let close = format!("</{name}");
            i = match find_ascii_ci(bytes, end, close.as_bytes()) {
                Some(c) => memchr::memchr(b'>', &bytes[c..]).map_or(bytes.len(), |e| c + e + 1),
                None => bytes.len(),
            };
        }
    }
    out.finish()
}

/// Output of [`html_to_text`]: runs of HTML white space become one space, line breaks
/// are never doubled, and no line starts or ends with a space.
struct Collapser {
    out: String,
    pending_space: bool,
}

impl Collapser {
    fn with_capacity(n: usize) -> Self {
        Collapser {
            out: String::with_capacity(n),
            pending_space: false,
        }
    }

    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let decoded = htmlize::unescape(raw);
        for c in decoded.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}') {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push(' ');
            }
            self.pending_space = false;
            self.out.push(c);
        }
    }

    fn line_break(&mut self) {
        self.pending_space = false;
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn finish(mut self) -> String {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "قال الوزير أمس إن الوفد وصل.";

    fn decode_ok(bytes: &[u8], options: &Options) -> Decoded {
        decode("f.txt", bytes, options).expect("decodes")
    }

    #[test]
    fn utf8_is_taken_as_it_is_with_its_bom() {
        let with_bom = format!("\u{FEFF}{SENTENCE}");
        let d = decode_ok(with_bom.as_bytes(), &Options::default());
        assert_eq!(d.text, with_bom);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let units: Vec<u16> = SENTENCE.encode_utf16().collect();
        let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        for (bytes, name) in [
            ([&[0xFF, 0xFE][..], &le].concat(), "UTF-16LE"),
            ([&[0xFE, 0xFF][..], &be].concat(), "UTF-16BE"),
            (le.clone(), "UTF-16LE"),
            (be.clone(), "UTF-16BE"),
        ] {
            let d = decode_ok(&bytes, &Options::default());
            assert_eq!(d.text, SENTENCE, "{name}");
            assert_eq!(d.warnings.len(), 1);
            assert_eq!(d.warnings[0].code, "encoding");
            assert_eq!(d.warnings[0].encoding.as_deref(), Some(name));
        }
        // a lone high surrogate at unit 2 (byte 4 after the BOM's 2)
        let mut bad = vec![0xFF, 0xFE, b'a', 0, b'b', 0];
        bad.extend_from_slice(&0xD800u16.to_le_bytes());
        bad.extend_from_slice(&[b'c', 0]);
        let err = decode("u16.txt", &bad, &Options::default()).expect_err("malformed");
        assert_eq!(
            err.to_string(),
            "u16.txt: not valid UTF-16LE (first bad code unit at byte offset 6; --lossy replaces bad units)"
        );
        let d = decode_ok(
            &bad,
            &Options {
                lossy: true,
                ..Options::default()
            },
        );
        assert_eq!(d.text, "ab\u{FFFD}c");
        assert_eq!(d.warnings[1].code, "lossy-utf16");
        assert_eq!(d.warnings[1].byte_offset, Some(6));
        // without a BOM the offset counts from the first byte
        let mut bad: Vec<u8> = "abcdefghi"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        bad.extend_from_slice(&0xD800u16.to_le_bytes());
        let err = decode("u16.txt", &bad, &Options::default()).expect_err("malformed");
        assert!(matches!(err, Error::Encoding { offset: 18, .. }), "{err}");
    }

    #[test]
    fn windows_1256_is_detected_from_its_arabic_letters() {
        let (bytes, _, unmappable) = WINDOWS_1256.encode(SENTENCE);
        assert!(!unmappable);
        let d = decode_ok(&bytes, &Options::default());
        assert_eq!(d.text, SENTENCE);
        assert_eq!(d.warnings[0].encoding.as_deref(), Some("windows-1256"));
        // Latin-1 French is not Arabic: an error naming the first bad byte
        let err = decode("fr.txt", b"d\xe9j\xe0 vu", &Options::default()).expect_err("not Arabic");
        assert!(
            err.to_string()
                .starts_with("fr.txt: not valid UTF-8 (first bad byte at offset 1)")
        );
    }

    #[test]
    fn damaged_utf8_is_an_error_or_lossy() {
        let mut bytes = SENTENCE.as_bytes().to_vec();
        bytes.insert(7, 0xFF);
        bytes.push(0xC3);
        let err = decode("d.txt", &bytes, &Options::default()).expect_err("damaged");
        assert!(matches!(err, Error::Utf8 { offset: 7, .. }), "{err}");
        let d = decode_ok(
            &bytes,
            &Options {
                lossy: true,
                ..Options::default()
            },
        );
        assert_eq!(d.text.matches('\u{FFFD}').count(), 2);
        assert_eq!(d.warnings[0].code, "lossy-utf8");
        assert_eq!(d.warnings[0].byte_offset, Some(7));
        assert!(d.warnings[0].message.contains("2 invalid byte sequences"));
    }

    #[test]
    fn html_to_text_strips_tags_scripts_and_entities() {
        let html = "<!DOCTYPE html><html><head><title>عنوان</title>\
                    <script>var s = \"</p>أمس\";</script><style>p{}</style></head>\
                    <body><!-- أمس --><p>قال&nbsp;الوزير &quot;نعم&quot; &#1571;&#x645;س</p>\
                    <div>أ &amp; ب<br>ج &lt;د&gt; a < b</div><p title=\"x > y\">هـ</p></body></html>";
        assert_eq!(
            html_to_text(html),
            "عنوان\nقال\u{A0}الوزير \"نعم\" أمس\nأ & ب\nج <د> a < b\nهـ\n"
        );
        assert_eq!(
            html_to_text("<p>unterminated <b class=\"x"),
            "unterminated\n"
        );
        assert_eq!(
            html_to_text("&#0;&#x110000;&bogus;"),
            "\u{FFFD}\u{FFFD}&bogus;\n"
        );
    }

    #[test]
    fn html_is_detected_or_forced() {
        assert!(looks_like_html("  <!doctype HTML><p>x"));
        assert!(looks_like_html("<HTML lang=ar>"));
        assert!(looks_like_html("<p>أ</p><p>ب</p><div>ج</div>"));
        assert!(!looks_like_html("قال إن 3 < 4 وإن <ب> ليست علامة."));
        assert!(!looks_like_html(&format!(
            "<b>{}</b><i>x</i>",
            "نص طويل ".repeat(20)
        )));
        let d = decode_ok(
            b"<p>\xd8\xa3\xd9\x85\xd8\xb3</p>",
            &Options {
                html: Html::Always,
                ..Options::default()
            },
        );
        assert_eq!(d.text, "أمس\n");
        assert_eq!(d.warnings[0].code, "input-html");
        let d = decode_ok(
            b"<html>x</html>",
            &Options {
                html: Html::Never,
                ..Options::default()
            },
        );
        assert_eq!(d.text, "<html>x</html>");
        assert!(d.warnings.is_empty());
    }
}
