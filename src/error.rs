//! Errors of the library: a file that cannot be read as text, a dictionary row that is wrong.

use thiserror::Error;

/// Why a file could not be checked.
#[derive(Debug, Error)]
pub enum InputError {
    /// The bytes are not valid UTF-8.
    #[error("not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A UTF-16 byte order mark.
    #[error("UTF-16 text is not supported (convert the file to UTF-8)")]
    Utf16,
    /// A NUL byte: a binary file.
    #[error("binary file (NUL byte at offset {offset})")]
    Binary {
        /// Byte offset of the NUL byte.
        offset: usize,
    },
    /// The file is empty.
    #[error("empty file (nothing to check)")]
    Empty,
    /// The file holds only whitespace.
    #[error("no text (the file holds only whitespace)")]
    Blank,
    /// The file is larger than [`crate::input::MAX_FILE_BYTES`].
    #[error("file too large ({} MB; mtcheck checks files of up to {} MB)", bytes.div_ceil(1 << 20), crate::input::MAX_FILE_BYTES >> 20)]
    TooLarge {
        /// The size of the file in bytes (at least, when read from a pipe).
        bytes: u64,
    },
    /// The file could not be read.
    #[error("{0}")]
    Io(String),
    /// A bilingual file (JSON Lines, TSV, XLIFF, TMX) that cannot be read.
    #[error("line {line}: {message}")]
    Malformed {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A target file and its `--source` file have different numbers of lines or paragraphs.
    #[error("{target_count} {unit} in {target}, but {source_count} in its source {source_file}")]
    Misaligned {
        /// The target file.
        target: String,
        /// Its lines or paragraphs.
        target_count: usize,
        /// The source file.
        source_file: String,
        /// Its lines or paragraphs.
        source_count: usize,
        /// `lines` or `paragraphs`.
        unit: &'static str,
    },
}

/// A dictionary file or row that cannot be used.
#[derive(Debug, Error)]
#[error("{path}:{line}: {message}")]
pub struct DictError {
    /// The dictionary file.
    pub path: String,
    /// 1-based line of the row (0 for the whole file).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}
