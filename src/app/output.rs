//! Where reports go: the one place an output file is opened. A report is written to a hidden
//! temporary file in the target's directory and renamed over the target only when it is
//! complete, so an interrupted run or a failing write (a full disk) leaves the previous
//! report as it was. A target that is not a regular file (`/dev/null`, `/dev/stdout`, a named
//! pipe, a terminal) is written to directly: renaming over it would replace the device or the
//! pipe with a plain file. An output that is also something the run reads (an input, a file in a
//! checked directory that the run would read back, the source, a dictionary) is refused
//! before anything is opened. Standard output stops quietly when its reader goes away (a
//! closed pipe) without changing the verdict.
//!
//! A run with several outputs checks them all with [`check_outputs`], then opens each with
//! [`OutputFile::create`], writes, and calls [`OutputFile::commit`] on each.

use std::collections::HashSet;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::AppError;
use crate::input::Format;

/// The path `p` stands for: symbolic links and `..` resolved; for a file that does not exist
/// yet, its resolved directory joined with its name.
fn resolved(p: &Path) -> PathBuf {
    if let Ok(c) = fs::canonicalize(p) {
        return c;
    }
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match (fs::canonicalize(dir), p.file_name()) {
        (Ok(d), Some(name)) => d.join(name),
        _ => p.to_path_buf(),
    }
}

fn refuse(output: &Path, why: String) -> AppError {
    AppError::Usage(format!(
        "refusing to write the report to {}: {why}",
        output.display()
    ))
}

/// Refuses any of `outputs` that names the same file as another output, or as something the
/// run reads: a file of `inputs` (the same file under another name or a hard link counts),
/// a file the walk of a directory of `inputs` would read, or one of `reads` (source,
/// dictionaries, glossary, configuration). Nothing is opened for writing.
pub fn check_outputs(
    outputs: &[&Path],
    inputs: &[PathBuf],
    reads: &[PathBuf],
) -> Result<(), AppError> {
    let mut seen = HashSet::new();
    for &out in outputs {
        let target = resolved(out);
        if !seen.insert(target.clone()) {
            return Err(refuse(out, "it is named twice as an output".into()));
        }
        let exists = target.exists();
        for p in inputs.iter().chain(reads) {
            if p.as_os_str() == "-" {
                continue;
            }
            if p.is_dir() {
                let dir = resolved(p);
                let read_back = Format::from_path(&target)
                    .is_some_and(|f| !matches!(f, Format::Csv | Format::Tsv));
                if target.starts_with(&dir) && read_back {
                    return Err(refuse(
                        out,
                        format!(
                            "it is inside the checked directory {} and would be checked on the \
                             next run; write it elsewhere",
                            p.display()
                        ),
                    ));
                }
            } else if (exists && same_file::is_same_file(&target, p).unwrap_or(false))
                || resolved(p) == target
            {
                return Err(refuse(
                    out,
                    format!("it is {}, which this run reads", p.display()),
                ));
            }
        }
    }
    Ok(())
}

/// Where an [`OutputFile`] writes.
enum Dest {
    /// A temporary file next to a regular (or new) target, renamed over it on commit.
    Aside(BufWriter<NamedTempFile>),
    /// A device, a named pipe or a terminal, written to as it is.
    Direct(BufWriter<fs::File>),
}

/// An output file being written: a temporary file next to the target, renamed over it by
/// [`OutputFile::commit`]. Dropped without a commit, the temporary file is removed and the
/// target is untouched. A target that exists and is not a regular file is written directly.
pub struct OutputFile {
    file: Dest,
    target: PathBuf,
    shown: PathBuf,
}

impl OutputFile {
    /// Opens a temporary file in the directory of `target` (symbolic links followed), with
    /// the permissions of the existing target, or the usual ones for a new file; or, when
    /// `target` exists and is not a regular file (`/dev/null`, a named pipe), the target.
    pub fn create(target: &Path) -> Result<OutputFile, AppError> {
        if fs::metadata(target).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let file = fs::OpenOptions::new()
                .write(true)
                .open(target)
                .map_err(|e| write_error(target, &e))?;
            return Ok(OutputFile {
                file: Dest::Direct(BufWriter::new(file)),
                target: target.to_path_buf(),
                shown: target.to_path_buf(),
            });
        }
        let resolved = resolved(target);
        let dir = match resolved.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".mtcheck-").suffix(".tmp");
        let perms = fs::metadata(&resolved).map(|m| m.permissions());
        #[cfg(unix)]
        let perms = perms.or_else(|_| {
            use std::os::unix::fs::PermissionsExt;
            // the process's umask applies, as for any new file
            Ok::<_, io::Error>(fs::Permissions::from_mode(0o666))
        });
        if let Ok(p) = perms {
            builder.permissions(p);
        }
        let file = builder
            .tempfile_in(&dir)
            .map_err(|e| write_error(target, &e))?;
        Ok(OutputFile {
            file: Dest::Aside(BufWriter::new(file)),
            target: resolved,
            shown: target.to_path_buf(),
        })
    }

    /// Flushes the report and renames it over the target (or, for a device or a pipe,
    /// flushes it there).
    pub fn commit(self) -> Result<(), AppError> {
        let file = match self.file {
            Dest::Direct(mut w) => {
                return w.flush().map_err(|e| write_error(&self.shown, &e));
            }
            Dest::Aside(w) => w,
        };
        let file = file
            .into_inner()
            .map_err(|e| write_error(&self.shown, e.error()))?;
        file.as_file()
            .sync_all()
            .map_err(|e| write_error(&self.shown, &e))?;
        file.persist(&self.target)
            .map_err(|e| write_error(&self.shown, &e.error))?;
        Ok(())
    }
}

/// Why the report could not be written to `target`, in words.
fn write_error(target: &Path, e: &io::Error) -> AppError {
    let error = match e.kind() {
        io::ErrorKind::NotFound => "No such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
        _ => e.to_string(),
    };
    AppError::File {
        context: format!("{}: cannot write the report", target.display()),
        error,
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Dest::Aside(w) => w.write(buf),
            Dest::Direct(w) => w.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Dest::Aside(w) => w.flush(),
            Dest::Direct(w) => w.flush(),
        }
    }
}

/// Standard output that ends quietly when its reader goes away: after a closed pipe every
/// write is dropped, so the run still checks every file and its exit code still says
/// whether they passed.
pub struct PipeOutput<'a> {
    inner: &'a mut dyn Write,
    closed: bool,
}

impl<'a> PipeOutput<'a> {
    /// Wraps `inner`.
    pub fn new(inner: &'a mut dyn Write) -> Self {
        PipeOutput {
            inner,
            closed: false,
        }
    }

    /// The reader went away.
    pub fn closed(&self) -> bool {
        self.closed
    }

    fn guard<T>(&mut self, r: io::Result<T>, ok: T) -> io::Result<T> {
        match r {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(ok)
            }
            r => r,
        }
    }
}

impl Write for PipeOutput<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let r = self.inner.write(buf);
        self.guard(r, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = self.inner.flush();
        self.guard(r, ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_output_that_is_read_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let input = dir.path().join("a.txt");
        fs::write(&input, "Hallo.").expect("written");
        std::fs::create_dir(dir.path().join("sub")).expect("made");
        let other = dir.path().join("sub/../a.txt");
        let files = [input.clone()];
        assert!(check_outputs(&[&input], &files, &[]).is_err());
        assert!(check_outputs(&[&other], &files, &[]).is_err());
        assert!(check_outputs(&[&dir.path().join("b.html")], &[dir.path().into()], &[]).is_err());
        assert!(check_outputs(&[&dir.path().join("b.json")], &[dir.path().into()], &[]).is_ok());
        let out = dir.path().join("r.json");
        assert!(check_outputs(&[&out], &files, &[]).is_ok());
        assert!(check_outputs(&[&out, &out], &files, &[]).is_err());
        assert!(check_outputs(&[&out], &[], std::slice::from_ref(&out)).is_err());
        #[cfg(unix)]
        {
            let link = dir.path().join("hard.txt");
            fs::hard_link(&input, &link).expect("linked");
            assert!(check_outputs(&[&link], &files, &[]).is_err());
        }
        assert_eq!(fs::read_to_string(&input).expect("read"), "Hallo.");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_written_to_not_replaced() {
        use std::io::Read;
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("report.fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("named pipe: SKIPPED (no mkfifo)");
            return;
        }
        let path = fifo.clone();
        let reader = std::thread::spawn(move || {
            let mut text = String::new();
            fs::File::open(&path)
                .expect("opened")
                .read_to_string(&mut text)
                .expect("read");
            text
        });
        let mut out = OutputFile::create(&fifo).expect("created");
        out.write_all(b"report").expect("written");
        out.commit().expect("committed");
        // checked before waiting for the reader, which never returns if the pipe was replaced
        let kind = fs::symlink_metadata(&fifo)
            .expect("still there")
            .file_type();
        assert!(kind.is_fifo(), "the pipe was replaced: {kind:?}");
        assert_eq!(reader.join().expect("reader"), "report");
        // the character device /dev/null stays a device
        if Path::new("/dev/null").exists() {
            let mut out = OutputFile::create(Path::new("/dev/null")).expect("created");
            out.write_all(b"gone").expect("written");
            out.commit().expect("committed");
            let kind = fs::metadata("/dev/null").expect("there").file_type();
            assert!(kind.is_char_device(), "/dev/null was replaced: {kind:?}");
        }
    }

    #[test]
    fn the_target_changes_only_on_commit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("r.txt");
        fs::write(&target, "old").expect("written");
        let mut out = OutputFile::create(&target).expect("created");
        out.write_all(b"new").expect("written");
        drop(out);
        assert_eq!(fs::read_to_string(&target).expect("read"), "old");
        let mut out = OutputFile::create(&target).expect("created");
        out.write_all(b"new").expect("written");
        out.commit().expect("committed");
        assert_eq!(fs::read_to_string(&target).expect("read"), "new");
        let left: Vec<_> = fs::read_dir(dir.path()).expect("listed").collect();
        assert_eq!(left.len(), 1, "no temporary file is left");
    }

    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn a_closed_pipe_ends_the_output_quietly() {
        let mut inner = Closed;
        let mut out = PipeOutput::new(&mut inner);
        out.write_all(b"x").expect("dropped");
        out.flush().expect("dropped");
        assert!(out.closed());
    }
}
