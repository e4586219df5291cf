//! Bounded reads of the files a user names: the one place mtcheck opens a file for reading.
//! Only regular files are opened (a FIFO, device or socket would block or never end), and
//! nothing is read past [`MAX_FILE_BYTES`] and one byte, so a huge or endless file is refused
//! without being held in memory.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

use thiserror::Error;

/// The largest file mtcheck reads: 16 MiB. An article is rarely over 1 MB; a larger file
/// is a dump or a data file, and checking it would take memory in proportion (about ten
/// times its size for tokens and offsets). Dictionaries, glossaries, configuration and
/// source files have the same limit.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// Why a file could not be read.
#[derive(Debug, Error)]
pub enum ReadError {
    /// It could not be opened or read.
    #[error("{0}")]
    Io(io::Error),
    /// It is not a regular file: reading it could block forever or never end.
    #[error("not a regular file ({0}); mtcheck reads regular files and standard input (`-`)")]
    NotRegular(&'static str),
    /// It is larger than [`MAX_FILE_BYTES`] (at least `bytes` long).
    #[error("file too large ({} MB; mtcheck reads files of up to {} MB)", bytes.div_ceil(1 << 20), MAX_FILE_BYTES >> 20)]
    TooLarge {
        /// Its size, or how much was read before giving up.
        bytes: u64,
    },
}

/// Reads at most [`MAX_FILE_BYTES`] and one byte from `reader` (one byte more than allowed,
/// so that the caller can tell a file at the limit from a longer one).
pub fn read_limited(reader: impl Read, size_hint: u64) -> Result<Vec<u8>, io::Error> {
    let mut buf = Vec::with_capacity(size_hint.min(MAX_FILE_BYTES + 1) as usize);
    reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut buf)?;
    Ok(buf)
}

/// What kind of file `meta` describes when it is not one mtcheck may read, in words.
fn special_kind(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

/// Checks the type of a file before and after opening it.
fn check_type(meta: &Metadata) -> Result<(), ReadError> {
    match special_kind(meta) {
        None => Ok(()),
        Some("a directory") => Err(ReadError::Io(io::ErrorKind::IsADirectory.into())),
        Some(kind) => Err(ReadError::NotRegular(kind)),
    }
}

/// Opens a regular file for reading: its type is checked before it is opened (opening a
/// FIFO blocks until a writer comes) and again on the opened file.
pub fn open_regular(path: &Path) -> Result<(File, u64), ReadError> {
    check_type(&std::fs::metadata(path).map_err(ReadError::Io)?)?;
    let file = File::open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    check_type(&meta)?;
    Ok((file, meta.len()))
}

/// The bytes of the regular file at `path`, at most [`MAX_FILE_BYTES`]: a larger file is
/// refused by its size before reading, and a file that grows while it is read is refused
/// one byte past the limit.
pub fn read_path(path: &Path) -> Result<Vec<u8>, ReadError> {
    let (file, size) = open_regular(path)?;
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: size });
    }
    let bytes = read_limited(file, size).map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// The text of the regular UTF-8 file at `path` (dictionaries, glossaries, configuration),
/// read as [`read_path`] reads.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    String::from_utf8(read_path(path)?).map_err(|_| {
        ReadError::Io(io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_and_a_directory_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "Hallo").expect("written");
        assert_eq!(read_text(&p).expect("read"), "Hallo");
        let e = read_path(dir.path()).expect_err("a directory");
        assert!(matches!(e, ReadError::Io(ref e) if e.kind() == io::ErrorKind::IsADirectory));
    }

    #[cfg(unix)]
    #[test]
    fn special_files_are_refused_without_blocking() {
        let e = read_path(Path::new("/dev/zero")).expect_err("a device");
        assert!(e.to_string().contains("character device"), "{e}");
    }

    #[test]
    fn a_reader_is_read_one_byte_past_the_limit_only() {
        let endless = io::repeat(b'a');
        let got = read_limited(endless, 0).expect("read");
        assert_eq!(got.len() as u64, MAX_FILE_BYTES + 1);
    }
}
