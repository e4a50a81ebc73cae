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
}
