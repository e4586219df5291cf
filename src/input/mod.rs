//! Reading user files: decoding, format detection, and building a [`Document`] per format.

mod html;
mod markdown;

use std::io::Read;
use std::path::Path;

use crate::document::Document;
use crate::error::InputError;
use crate::text::segment::SegmentMode;

/// The formats mtcheck reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain UTF-8 text.
    Text,
    /// Markdown: prose only; code and URLs are skipped.
    Markdown,
    /// HTML: text nodes only; script, style, code and pre are skipped.
    Html,
}

impl Format {
    /// The format a path's extension names; `None` for extensions mtcheck does not read
    /// when walking a directory.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }
}

/// The largest file mtcheck checks: 16 MiB. An article is rarely over 1 MB; a larger file
/// is a dump or a data file, and checking it would take memory in proportion (about ten
/// times its size for tokens and offsets).
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// Reads at most [`MAX_FILE_BYTES`] from `reader`, refusing anything longer.
pub fn read_limited(reader: impl Read, size_hint: u64) -> Result<Vec<u8>, std::io::Error> {
    let mut buf = Vec::with_capacity(size_hint.min(MAX_FILE_BYTES + 1) as usize);
    reader.take(MAX_FILE_BYTES + 1).read_to_end(&mut buf)?;
    Ok(buf)
}

/// Decodes file bytes as UTF-8 text, refusing empty, blank, oversized, binary and UTF-16
/// files with a clear reason.
pub fn decode(bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if bytes.is_empty() {
        return Err(InputError::Empty);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16);
    }
    if let Some(pos) = bytes.iter().take(8192).position(|&b| b == 0) {
        return Err(InputError::Binary { offset: pos });
    }
    let text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.trim_start_matches('\u{FEFF}').trim().is_empty() {
        return Err(InputError::Blank);
    }
    Ok(text)
}

/// Builds the document of a decoded file.
pub fn parse(original: String, format: Format, mode: SegmentMode) -> Document {
    let bom = if original.starts_with('\u{FEFF}') {
        3
    } else {
        0
    };
    match format {
        Format::Text => Document::plain(original, bom, mode),
        Format::Markdown => {
            let (view, map) = markdown::view(&original, bom);
            Document::from_view(original, view, map, mode)
        }
        Format::Html => {
            let (view, map) = html::view(&original, bom);
            Document::from_view(original, view, map, mode)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = decode(b"abc\xffdef".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "not UTF-8 text (invalid byte at offset 3)");
    }

    #[test]
    fn empty_blank_and_oversized_input_is_refused() {
        assert!(matches!(decode(Vec::new()), Err(InputError::Empty)));
        assert!(matches!(
            decode("\u{FEFF} \r\n\t\u{A0}".into()),
            Err(InputError::Blank)
        ));
        let big = vec![b'a'; MAX_FILE_BYTES as usize + 1];
        let err = decode(big).unwrap_err();
        assert_eq!(
            err.to_string(),
            "file too large (17 MB; mtcheck checks files of up to 16 MB)"
        );
        assert_eq!(decode(b"Ja.".to_vec()).unwrap(), "Ja.");
    }

    #[test]
    fn binary_and_utf16_are_refused() {
        assert!(matches!(
            decode(vec![b'a', 0, b'b']),
            Err(InputError::Binary { offset: 1 })
        ));
        assert!(matches!(
            decode(vec![0xFF, 0xFE, b'a', 0]),
            Err(InputError::Utf16)
        ));
    }

    #[test]
    fn bom_is_skipped_but_offsets_count_it() {
        let doc = parse(
            "\u{FEFF}Hallo Welt".into(),
            Format::Text,
            SegmentMode::Paragraphs,
        );
        assert_eq!(doc.view, "Hallo Welt");
        assert_eq!(doc.original_span(0, 5), (3, 8));
    }
}
