//! The one error type of the library.

/// Everything that can go wrong in zaman, each variant naming the input it concerns.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{path}: cannot read")]
    Io {
        /// The path concerned.
        path: String,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A lexicon file has a malformed line.
    #[error("{file}:{line}: {message}")]
    Lexicon {
        /// The lexicon file name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A gazetteer file has a malformed line.
    #[error("{file}:{line}: {message}")]
    Gazetteer {
        /// The gazetteer file name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A document creation time that is neither a date nor an RFC 3339 date-time.
    #[error("invalid document creation time {value:?}: {message}")]
    Dct {
        /// The value given.
        value: String,
        /// What is wrong.
        message: String,
    },
    /// An input file that is not valid UTF-8.
    #[error(
        "{path}: not valid UTF-8 (first bad byte at offset {offset}), nor UTF-16 or Windows-1256; --lossy replaces bad bytes"
    )]
    Utf8 {
        /// The file.
        path: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// An input that should hold document JSONs holds something else.
    #[error("{path}: record {record}: not a zaman document: {message}")]
    Json {
        /// The input.
        path: String,
        /// 1-based number of the JSON value in the input.
        record: usize,
        /// What is wrong.
        message: String,
    },
    /// An input in a recognised encoding (UTF-16) with malformed code units.
    #[error(
        "{path}: not valid {encoding} (first bad code unit at byte offset {offset}; --lossy replaces bad units)"
    )]
    Encoding {
        /// The file.
        path: String,
        /// The encoding it was read in.
        encoding: &'static str,
        /// Byte offset of the first bad code unit.
        offset: usize,
    },
    /// Writing an output failed.
    #[error("cannot write the output")]
    Output {
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A format that shows the article was asked for without the article's text
    /// (a merged timeline has none).
    #[error("{document}: the {format} format needs the original text: {reason}")]
    NeedsText {
        /// The document id.
        document: String,
        /// The format name.
        format: &'static str,
        /// Why the format cannot do without it.
        reason: &'static str,
    },
    /// A document that a format cannot write as it is (a span outside the text given
    /// with it, a character XML cannot hold, an unknown entity…).
    #[error("{document}: cannot write {format}: {message}")]
    Export {
        /// The document id.
        document: String,
        /// The format name.
        format: &'static str,
        /// What is wrong.
        message: String,
    },
    /// An external program an output format needs is not installed.
    #[error(
        "the {format} format needs the `{program}` program from {package}, which was not found on PATH; install {package} ({install})"
    )]
    MissingProgram {
        /// The format name.
        format: &'static str,
        /// The program looked for.
        program: &'static str,
        /// The package that provides it.
        package: &'static str,
        /// How to install it.
        install: &'static str,
    },
    /// An external program ran and failed.
    #[error("`{program}` failed: {message}")]
    Program {
        /// The program's command line.
        program: String,
        /// Its error output or the failure.
        message: String,
    },
    /// A gold annotation file that cannot be read as TimeML or as the document JSON.
    #[error("{path}: {message}")]
    Gold {
        /// The gold file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A span of the document that does not fit the text given with it (an export that
    /// shows the article was handed another text).
    #[error("{document}: {what} at [{start}, {end}): {message}")]
    Span {
        /// The document id.
        document: String,
        /// Which span (`timex t3`, `trigger of e2`).
        what: String,
        /// Start, in code points.
        start: usize,
        /// End, in code points.
        end: usize,
        /// What is wrong.
        message: String,
    },
}
