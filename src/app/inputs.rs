//! Finding the inputs of a check (files, directories walked, standard input) and reading
//! each within [`crate::bounded::MAX_FILE_BYTES`]: a larger file is refused while it is read,
//! never held, and a FIFO, device or socket is refused before it is opened.

use std::io;
use std::path::{Path, PathBuf};

use crate::bounded::{self, ReadError};
use crate::error::InputError;
use crate::input::Format;
use crate::report::FileError;

/// One thing to check: a file or standard input.
pub(crate) enum Input {
    /// A file and the format its extension names.
    File(PathBuf, Option<Format>),
    /// Standard input.
    Stdin,
}

impl Input {
    /// The name reports give the input.
    pub(crate) fn name(&self) -> String {
        match self {
            Input::File(p, _) => path_name(p),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// `p` as text: a byte that is no part of UTF-8 is written `\xNN`, so a file name that is
/// not UTF-8 keeps a name of its own (`Path::display` would turn its bytes into U+FFFD, the
/// same for every such name).
pub(crate) fn path_name(p: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in p.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        p.display().to_string()
    }
}

/// Why a directory given on the command line that holds no file to check is an error.
const NOTHING_TO_CHECK: &str = "no file to check in this directory (mtcheck reads .txt, .text, .md, \
     .markdown, .html, .htm, .xhtml, .jsonl, .ndjson, .xlf, .xliff and .tmx files; name .tsv and .csv \
     files to check them)";

/// Expands the paths into inputs (no path: standard input), directories walked in name order
/// (hidden, ignored, and table files skipped); walking errors, and directories that hold no
/// file to check, go to `errors`.
pub(crate) fn collect(paths: &[PathBuf], errors: &mut Vec<FileError>) -> Vec<Input> {
    let mut out = Vec::new();
    if paths.is_empty() {
        out.push(Input::Stdin);
    }
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            let files = walk(p, errors);
            if files.is_empty() {
                errors.push(FileError {
                    path: path_name(p),
                    message: NOTHING_TO_CHECK.to_string(),
                });
            }
            out.extend(files);
        } else {
            out.push(Input::File(p.clone(), Format::from_path(p)));
        }
    }
    out
}

/// The files mtcheck reads in directory `dir`, sorted by path.
fn walk(dir: &Path, errors: &mut Vec<FileError>) -> Vec<Input> {
    let mut files = Vec::new();
    for entry in ignore::WalkBuilder::new(dir).require_git(false).build() {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                // tables in a directory are rarely translations: name them to check them
                if let Some(fmt) =
                    Format::from_path(e.path()).filter(|f| !matches!(f, Format::Csv | Format::Tsv))
                {
                    files.push((e.into_path(), fmt));
                }
            }
            Ok(_) => {}
            Err(e) => errors.push(FileError {
                path: path_name(dir),
                message: e.to_string(),
            }),
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
        .into_iter()
        .map(|(f, fmt)| Input::File(f, Some(fmt)))
        .collect()
}

/// The bytes of an input and its format, or why it could not be read. `stdin` holds what
/// standard input gave (`None`: it could not be read).
pub(crate) fn read(input: &Input, stdin: Option<&[u8]>) -> Result<(Vec<u8>, Format), String> {
    match input {
        Input::Stdin => stdin
            .map(|b| (b.to_vec(), Format::Text))
            .ok_or_else(|| "standard input could not be read".to_string()),
        Input::File(p, fmt) => bounded::read_path(p)
            .map(|b| (b, fmt.unwrap_or(Format::Text)))
            .map_err(|e| read_error(p, e)),
    }
}

/// `ELOOP` of the platforms mtcheck is built for.
fn is_symlink_loop(e: &io::Error) -> bool {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    const ELOOP: i32 = 40;
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    const ELOOP: i32 = 62;
    e.raw_os_error() == Some(ELOOP)
}

/// Why `path` could not be opened or read, in words.
pub(crate) fn read_error(path: &Path, e: ReadError) -> String {
    let e = match e {
        ReadError::Io(e) => e,
        ReadError::TooLarge { bytes } => return InputError::TooLarge { bytes }.to_string(),
        other => return other.to_string(),
    };
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match e.kind() {
        io::ErrorKind::NotFound if is_link => {
            "broken symbolic link (its target does not exist)".to_string()
        }
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::NotADirectory => {
            "no such file (a part of the path is a file, not a directory)".to_string()
        }
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ if is_symlink_loop(&e) => {
            "symbolic link loop (the link points back to itself)".to_string()
        }
        _ => format!("cannot be read ({e})"),
    }
}
