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
    /// The file could not be read.
    #[error("{0}")]
    Io(String),
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
