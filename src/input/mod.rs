//! Reading user files: decoding, format detection, and building a [`Document`] per format.

pub mod bilingual;
pub mod encoding;
mod html;
mod markdown;

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::{Document, Suppression};
use crate::error::InputError;
use crate::text::segment::SegmentMode;

pub use encoding::Encoding;

/// The formats mtcheck reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// Plain UTF-8 text.
    Text,
    /// Markdown: prose only; code and URLs are skipped.
    Markdown,
    /// HTML: text nodes only; script, style, code and pre are skipped.
    Html,
    /// JSON Lines with `source` and `target` per line.
    Jsonl,
    /// Tab-separated source and target columns.
    Tsv,
    /// Comma-separated source and target columns.
    Csv,
    /// XLIFF 1.2 or 2.0.
    Xliff,
    /// TMX.
    Tmx,
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
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "tsv" | "tab" => Some(Format::Tsv),
            "csv" => Some(Format::Csv),
            "xlf" | "xliff" => Some(Format::Xliff),
            "tmx" => Some(Format::Tmx),
            _ => None,
        }
    }

    /// The format holds both the source and the target.
    pub fn is_bilingual(self) -> bool {
        matches!(
            self,
            Format::Jsonl | Format::Tsv | Format::Csv | Format::Xliff | Format::Tmx
        )
    }
}

/// How a file is read: its format, segments, and where its source comes from.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions<'a> {
    /// The format.
    pub format: Format,
    /// How segments are cut.
    pub mode: SegmentMode,
    /// A separate source file (for plain, Markdown and HTML targets).
    pub source: Option<bilingual::SourceFile<'a>>,
    /// The header names of the source and target columns of TSV/CSV files.
    pub columns: Option<(&'a str, &'a str)>,
    /// What separates the documents (articles) of a file, for the consistency rules
    /// (`None`: the whole file in paragraphs mode, each line in lines mode).
    pub separator: Option<&'a crate::text::scope::DocSeparator>,
}

/// Builds the document of a decoded file, bilingual formats and `--source` included.
pub fn read(original: String, opts: &ReadOptions<'_>) -> Result<Document, InputError> {
    let bom = if original.starts_with('\u{FEFF}') {
        3
    } else {
        0
    };
    let mode = opts.mode;
    let doc = match opts.format {
        Format::Jsonl => bilingual::jsonl(original, bom, mode)?,
        Format::Tsv => bilingual::delimited(original, bom, mode, b'\t', opts.columns)?,
        Format::Csv => bilingual::delimited(original, bom, mode, b',', opts.columns)?,
        Format::Xliff => bilingual::xml(original, bom, mode, bilingual::Xml::Xliff)?,
        Format::Tmx => bilingual::xml(original, bom, mode, bilingual::Xml::Tmx)?,
        other => parse(original, other, mode),
    };
    let doc = match opts.separator {
        Some(sep) => doc.with_separator(sep),
        None => doc,
    };
    match &opts.source {
        Some(src) if !opts.format.is_bilingual() => bilingual::align(doc, src),
        _ => Ok(doc),
    }
}

pub use crate::bounded::{read_limited, MAX_FILE_BYTES};

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
    // a NUL anywhere: text files hold none (a search of the whole file, as fast as memchr)
    if let Some(pos) = memchr::memchr(0, &bytes) {
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

/// Builds the document of a decoded file. A bilingual file that cannot be read as such is
/// checked as plain text; [`read`] reports it as an error instead.
pub fn parse(original: String, format: Format, mode: SegmentMode) -> Document {
    let bom = if original.starts_with('\u{FEFF}') {
        3
    } else {
        0
    };
    match format {
        Format::Text => Document::plain(original, bom, mode),
        Format::Markdown => {
            let (view, map, marks) = markdown::view(&original, bom);
            with_suppressions(Document::from_view(original, view, map, mode), marks)
        }
        Format::Html => {
            let (view, map, marks) = html::view(&original, bom);
            with_suppressions(Document::from_view(original, view, map, mode), marks)
        }
        bilingual => {
            let opts = ReadOptions {
                format: bilingual,
                mode,
                source: None,
                columns: None,
                separator: None,
            };
            match read(original.clone(), &opts) {
                Ok(doc) => doc,
                Err(_) => Document::plain(original, bom, mode),
            }
        }
    }
}

/// An `<!-- mtcheck-ignore … -->` comment: where it stood in the view, and the rule ids it
/// names (none: every rule).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IgnoreMark {
    /// View offset of the comment.
    pub at: usize,
    /// Rule ids.
    pub rules: Vec<String>,
}

static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--(.*?)-->").expect("valid regex"));

/// The rule lists of the `mtcheck-ignore` comments in `html`: `<!-- mtcheck-ignore a b -->`
/// or `<!-- mtcheck-ignore a, b -->`; an empty list silences every rule.
pub(crate) fn ignore_comments(html: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    COMMENT.captures_iter(html).filter_map(|c| {
        let body = c.get(1)?.as_str().trim();
        let rest = body.strip_prefix("mtcheck-ignore")?;
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            return None;
        }
        Some(
            rest.split(|c: char| c.is_whitespace() || c == ',')
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .collect(),
        )
    })
}

/// Turns each mark into the range of the paragraph after it: from the first character that
/// is not white space to the next blank line of the view. Marks come in view order, so a
/// mark in the white space or the paragraph of the one before shares its start or end
/// instead of searching again (100,000 comments in a row used to search the paragraph
/// 100,000 times); marks with the same range become one suppression.
fn with_suppressions(mut doc: Document, marks: Vec<IgnoreMark>) -> Document {
    let mut prev: Option<(usize, usize, usize)> = None; // (mark, start, end)
    for m in marks {
        let start = match prev {
            // the white space from the previous mark to its paragraph covers this mark
            Some((at, start, _)) if (at..=start).contains(&m.at) => start,
            _ => {
                let Some(rest) = doc.view.get(m.at..) else {
                    continue;
                };
                let Some(skip) = rest.find(|c: char| !c.is_whitespace()) else {
                    continue;
                };
                m.at + skip
            }
        };
        let end = match prev {
            Some((_, s, e)) if (s..=e).contains(&start) => e,
            _ => paragraph_end(&doc.view, start),
        };
        prev = Some((m.at, start, end));
        // marks of one paragraph share one suppression, unless a mark names a rule that
        // does not exist: that one keeps its own, so the warning names its line
        let known = m.rules.iter().all(|id| crate::rules::by_id(id).is_some());
        match doc.suppressions.last_mut() {
            Some(last) if known && (last.start, last.end) == (start, end) => {
                if last.rules.is_empty() || m.rules.is_empty() {
                    last.rules.clear();
                } else {
                    last.rules.extend(m.rules);
                }
            }
            _ => doc.suppressions.push(Suppression {
                start,
                end,
                rules: m.rules,
                comment: m.at,
            }),
        }
    }
    for s in &mut doc.suppressions {
        s.rules.sort_unstable();
        s.rules.dedup();
    }
    doc
}

/// The offset of the blank line that ends the paragraph starting at `start`, or the end.
fn paragraph_end(view: &str, start: usize) -> usize {
    let bytes = view.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] == b'\n' {
                return i;
            }
        }
        i += 1;
    }
    view.len()
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

    #[test]
    fn an_ignore_comment_covers_the_next_paragraph_only() {
        let md = "Eins.\n\n<!-- mtcheck-ignore anglicism -->\nZwei\nund mehr.\n\nDrei.\n";
        let doc = parse(md.into(), Format::Markdown, SegmentMode::Paragraphs);
        assert_eq!(doc.suppressions.len(), 1);
        let s = &doc.suppressions[0];
        assert_eq!(&doc.view[s.start..s.end], "Zwei\nund mehr.");
        assert!(s.covers("anglicism", s.start) && !s.covers("false-friend", s.start));
        let html =
            "<p>Eins.</p>\n<!-- mtcheck-ignore -->\n<p>Zwei <b>und</b> mehr.</p><p>Drei.</p>";
        let doc = parse(html.into(), Format::Html, SegmentMode::Paragraphs);
        let s = &doc.suppressions[0];
        assert_eq!(&doc.view[s.start..s.end], "Zwei und mehr.");
        assert!(s.covers("anything", s.start));
        let txt = parse(md.into(), Format::Text, SegmentMode::Paragraphs);
        assert!(txt.suppressions.is_empty());
    }

    #[test]
    fn many_ignore_comments_give_one_suppression_per_paragraph() {
        let many = "<!-- mtcheck-ignore anglicism -->\n".repeat(30_000);
        let html = format!("<p>Eins.</p>\n{many}<!-- mtcheck-ignore -->\n<p>Zwei.</p><p>Drei.</p>");
        let doc = parse(html, Format::Html, SegmentMode::Paragraphs);
        assert_eq!(doc.suppressions.len(), 1);
        let s = &doc.suppressions[0];
        assert_eq!(&doc.view[s.start..s.end], "Zwei.");
        assert!(
            s.rules.is_empty(),
            "an ignore-all comment silences every rule"
        );
        let md = format!("Eins.\n\n{many}Zwei\nund mehr.\n\nDrei.\n");
        let doc = parse(md, Format::Markdown, SegmentMode::Paragraphs);
        assert_eq!(doc.suppressions.len(), 1);
        let s = &doc.suppressions[0];
        assert_eq!(&doc.view[s.start..s.end], "Zwei\nund mehr.");
        assert_eq!(s.rules, ["anglicism"]);
    }
}
