//! Character encodings of input files (`--encoding`): UTF-8 (the default, strict), or a
//! legacy encoding from older newsroom archives (windows-1252, ISO-8859-1) or UTF-16, decoded
//! with `encoding_rs`. `auto` reads UTF-8 when the bytes are UTF-8, else follows a UTF-16
//! byte order mark, else reads windows-1252, and says which it used.
//!
//! Rules work on the decoded (UTF-8) text; a [`ByteMap`] moves every offset back to the
//! file's own bytes, so reports point into the file as the user has it.

use super::{decode, MAX_FILE_BYTES};
use crate::error::InputError;

/// The encodings `--encoding` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Encoding {
    /// UTF-8 first, then a UTF-16 byte order mark, then windows-1252; a note says which.
    Auto,
    /// UTF-8 (a byte order mark is allowed); anything else is an error.
    #[default]
    #[cfg_attr(feature = "cli", value(name = "utf-8", alias = "utf8"))]
    Utf8,
    /// Windows-1252 (Western European; what „Latin-1“ files usually really are).
    #[cfg_attr(feature = "cli", value(name = "windows-1252", alias = "cp1252"))]
    Windows1252,
    /// ISO-8859-1: every byte is the code point of the same number.
    #[cfg_attr(
        feature = "cli",
        value(name = "latin-1", alias = "latin1", alias = "iso-8859-1")
    )]
    Latin1,
    /// UTF-16, little-endian unless a byte order mark says otherwise.
    #[cfg_attr(feature = "cli", value(name = "utf-16", alias = "utf16"))]
    Utf16,
}

/// Offsets in decoded text -> offsets in the file's bytes, and back. Between two
/// checkpoints every character has the same length in both (ASCII in a single-byte
/// encoding), so a checkpoint is kept only where the lengths differ.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ByteMap {
    /// (decoded offset, original offset) at the start of the text and after every
    /// character whose length differs, both ascending.
    points: Vec<(usize, usize)>,
}

impl ByteMap {
    /// The map of `text`, decoded from a file whose first character starts at byte `start`
    /// and where character `c` took `width(c)` bytes.
    fn new(text: &str, start: usize, width: impl Fn(char) -> usize) -> Self {
        let mut points = vec![(0, start)];
        let mut orig = start;
        for (i, c) in text.char_indices() {
            let (d, o) = (c.len_utf8(), width(c));
            orig += o;
            if d != o {
                points.push((i + d, orig));
            }
        }
        ByteMap { points }
    }

    /// The byte of the file where decoded offset `at` lies.
    pub fn original(&self, at: usize) -> usize {
        let i = self.points.partition_point(|p| p.0 <= at).saturating_sub(1);
        let (d, o) = self.points.get(i).copied().unwrap_or((0, 0));
        o + (at - d)
    }

    /// The decoded offset where byte `at` of the file lies (the inverse of
    /// [`ByteMap::original`] at character boundaries).
    pub fn decoded(&self, at: usize) -> usize {
        let i = self.points.partition_point(|p| p.1 <= at).saturating_sub(1);
        let (d, o) = self.points.get(i).copied().unwrap_or((0, 0));
        d + at.saturating_sub(o)
    }
}

/// A decoded file.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// `None` for UTF-8; else the encoding used and the map back to the file's bytes.
    pub transcoded: Option<(&'static str, ByteMap)>,
}

/// Decodes file bytes in `encoding`, refusing empty, blank, oversized and binary files (and
/// with [`Encoding::Utf8`], anything that is not UTF-8) with a clear reason.
pub fn decode_as(bytes: Vec<u8>, encoding: Encoding) -> Result<Decoded, InputError> {
    let utf8 = |bytes| {
        decode(bytes).map(|text| Decoded {
            text,
            transcoded: None,
        })
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let has_utf16_bom = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    match encoding {
        Encoding::Utf8 => utf8(bytes),
        Encoding::Auto if has_utf16_bom => utf16(&bytes),
        Encoding::Auto if std::str::from_utf8(&bytes).is_ok() => utf8(bytes),
        Encoding::Auto | Encoding::Windows1252 => single_byte(&bytes, Encoding::Windows1252),
        Encoding::Latin1 => single_byte(&bytes, Encoding::Latin1),
        Encoding::Utf16 => utf16(&bytes),
    }
}

/// Windows-1252 (through `encoding_rs`) or ISO-8859-1 (byte = code point).
fn single_byte(bytes: &[u8], encoding: Encoding) -> Result<Decoded, InputError> {
    refuse_binary(bytes)?;
    let (text, name) = if encoding == Encoding::Latin1 {
        (bytes.iter().map(|&b| char::from(b)).collect(), "ISO-8859-1")
    } else {
        let enc = encoding_rs::WINDOWS_1252;
        let (text, _) = enc.decode_without_bom_handling(bytes);
        (text.into_owned(), enc.name())
    };
    finish(text, 0, |_| 1, name)
}

/// UTF-16 after its byte order mark (little-endian without one).
fn utf16(bytes: &[u8]) -> Result<Decoded, InputError> {
    let (enc, bom) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((e, n)) if e != encoding_rs::UTF_8 => (e, n),
        _ => (encoding_rs::UTF_16LE, 0),
    };
    let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
    if had_errors {
        return Err(InputError::NotUtf8 { offset: 0 });
    }
    finish(text.into_owned(), bom, |c| 2 * c.len_utf16(), enc.name())
}

fn refuse_binary(bytes: &[u8]) -> Result<(), InputError> {
    match memchr::memchr(0, bytes) {
        Some(offset) => Err(InputError::Binary { offset }),
        None => Ok(()),
    }
}

fn finish(
    text: String,
    start: usize,
    width: impl Fn(char) -> usize,
    name: &'static str,
) -> Result<Decoded, InputError> {
    if text.is_empty() && start == 0 {
        return Err(InputError::Empty);
    }
    if text.trim_start_matches('\u{FEFF}').trim().is_empty() {
        return Err(InputError::Blank);
    }
    let map = ByteMap::new(&text, start, width);
    Ok(Decoded {
        text,
        transcoded: Some((name, map)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_offsets_point_into_the_file() {
        // „Größe“ in ISO-8859-1: ö and ß are one byte each
        let bytes = b"Gr\xf6\xdfe x".to_vec();
        let d = decode_as(bytes, Encoding::Auto).expect("decoded");
        assert_eq!(d.text, "Größe x");
        let (name, map) = d.transcoded.expect("transcoded");
        assert_eq!(name, "windows-1252");
        let x = d.text.find('x').expect("x");
        assert_eq!((x, map.original(x)), (8, 6));
        assert_eq!(map.decoded(6), 8);
        assert_eq!(map.original(0), 0);
        assert_eq!(map.original(d.text.len()), 7);
    }

    #[test]
    fn utf8_is_kept_and_utf16_follows_its_bom() {
        let d = decode_as("Grüße".as_bytes().to_vec(), Encoding::Auto).expect("utf-8");
        assert!(d.transcoded.is_none());
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Aä".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode_as(bytes, Encoding::Auto).expect("utf-16");
        assert_eq!(d.text, "Aä");
        let (name, map) = d.transcoded.expect("transcoded");
        assert_eq!(name, "UTF-16LE");
        assert_eq!(map.original(1), 4);
        assert_eq!(map.original(3), 6);
        assert!(decode_as(b"a\xff".to_vec(), Encoding::Utf8).is_err());
    }
}
