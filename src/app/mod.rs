//! The application layer: what `mtcheck check` and the other subcommands do, reachable from
//! the library (tests, a server) without a process. The binary only parses arguments into
//! [`CheckFlags`] and maps the returned [`Status`] to an exit code.
//!
//! The flow of `check`: [`CheckFlags`] (raw flags) and the configuration file are resolved
//! once into [`CheckSettings`] (defaults < file < flags), then [`run`] discovers the inputs,
//! reads them within [`crate::input::MAX_FILE_BYTES`], checks them on the thread pool, writes
//! the report and computes the [`Status`].

pub mod baseline;
pub mod commands;
mod inputs;
pub mod output;
pub mod per_file;
mod run;
mod settings;

use std::io::{self, Read, Write};

use thiserror::Error;

use crate::config::ConfigError;
use crate::error::DictError;

pub use run::run;
pub use settings::{CheckFlags, CheckSettings, ColorChoice, SourceText};

/// Why a command could not run at all (a file that cannot be checked is not one: it is
/// reported, and the run ends with [`Status::Error`]).
#[derive(Debug, Error)]
pub enum AppError {
    /// The configuration file cannot be used.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A dictionary or glossary cannot be used.
    #[error(transparent)]
    Dict(#[from] DictError),
    /// Flags that do not go together, or a value that names nothing.
    #[error("{0}")]
    Usage(String),
    /// A file the command needs cannot be read or written.
    #[error("{context}: {error}")]
    File {
        /// The file and what was done with it.
        context: String,
        /// Why it failed.
        error: String,
    },
    /// Writing the report failed (a closed pipe, a full disk).
    #[error(transparent)]
    Write(#[from] io::Error),
}

impl AppError {
    /// The reader of the output went away: not an error for a command-line tool.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, AppError::Write(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// How a command ended; [`Status::code`] is the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Every file passed the gate (exit code 0).
    Pass,
    /// Some file failed the gate (exit code 1).
    Fail,
    /// Some file could not be read or checked, or a dictionary is invalid (exit code 2).
    Error,
}

impl Status {
    /// The exit code: 0 pass, 1 gate failed, 2 error.
    pub fn code(self) -> u8 {
        match self {
            Status::Pass => 0,
            Status::Fail => 1,
            Status::Error => 2,
        }
    }
}

/// Where a run reads standard input and writes the report and its diagnostics.
pub struct Streams<'a> {
    /// Standard input, read (at most [`crate::input::MAX_FILE_BYTES`] and one byte) only when
    /// an input is `-` or no path is given.
    pub stdin: &'a mut dyn Read,
    /// Where the report goes unless the settings name an output file.
    pub stdout: &'a mut dyn Write,
    /// Files that could not be checked, one line each.
    pub stderr: &'a mut dyn Write,
    /// Show a progress bar on the process's standard error when it is a terminal and more
    /// than one file is checked.
    pub progress: bool,
}

/// `mtcheck check`: resolves `flags` with the configuration file and runs the check.
pub fn check(flags: CheckFlags, streams: Streams<'_>) -> Result<Status, AppError> {
    run(&CheckSettings::resolve(flags)?, streams)
}

#[cfg(test)]
mod tests;
