//! Document scope: which segments belong to one document (one article), the unit within
//! which consistency rules (name-variant, mixed-address, inconsistent-term) compare.
//!
//! Without a separator, a file checked in paragraphs mode is one document (an article of
//! several paragraphs), and in lines mode every line is one (one article per line, as in
//! most news corpora, must never be compared with the next). A [`DocSeparator`] overrides
//! both: documents then end at blank lines, or at lines holding only a given marker.

use super::segment::{Segment, SegmentMode};

/// What separates two documents in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocSeparator {
    /// A blank line (only white space) ends a document: in paragraphs mode each paragraph
    /// is a document; in lines mode each block of lines is.
    BlankLine,
    /// A line holding only this text (white space around it ignored), e.g. `---` or
    /// `<doc>`. The separator line belongs to no document.
    Line(String),
}

impl DocSeparator {
    /// Reads a separator as a command-line flag gives it: `blank-line` (or `blank`, or an
    /// empty string) is [`DocSeparator::BlankLine`], anything else a literal separator line.
    pub fn parse(s: &str) -> DocSeparator {
        match s.trim() {
            "" | "blank" | "blank-line" => DocSeparator::BlankLine,
            line => DocSeparator::Line(line.to_string()),
        }
    }
}

/// One document of a file: a range of segments and the view bytes they span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocUnit {
    /// Start byte in the view (of its first segment).
    pub start: usize,
    /// End byte in the view (of its last segment), exclusive.
    pub end: usize,
    /// Index of its first segment.
    pub seg_start: usize,
    /// One past its last segment.
    pub seg_end: usize,
}

/// The byte ranges of the separator lines of `view`: blank lines, or lines equal to the
/// marker.
fn separator_lines(view: &str, sep: &DocSeparator) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in view.split_inclusive('\n') {
        let body = line.trim();
        let hit = match sep {
            DocSeparator::BlankLine => body.is_empty(),
            DocSeparator::Line(marker) => body == marker.trim(),
        };
        if hit {
            out.push((at, at + line.len()));
        }
        at += line.len();
    }
    out
}

/// The documents of a view cut into `segments` in `mode`, with an optional separator.
pub fn documents(
    view: &str,
    segments: &[Segment],
    mode: SegmentMode,
    sep: Option<&DocSeparator>,
) -> Vec<DocUnit> {
    let unit = |a: usize, b: usize| DocUnit {
        start: segments[a].start,
        end: segments[b - 1].end,
        seg_start: a,
        seg_end: b,
    };
    match (sep, mode) {
        (None, SegmentMode::Lines) => (0..segments.len()).map(|i| unit(i, i + 1)).collect(),
        (None, SegmentMode::Paragraphs) if segments.is_empty() => Vec::new(),
        (None, SegmentMode::Paragraphs) => vec![unit(0, segments.len())],
        (Some(sep), _) => {
            let seps = separator_lines(view, sep);
            let mut out = Vec::new();
            let mut first = 0;
            let mut k = 0; // next separator line
            for (i, seg) in segments.iter().enumerate() {
                // a segment that is a separator line belongs to no document
                let is_sep = seps.iter().any(|&(s, e)| s <= seg.start && seg.end <= e);
                let mut cut = is_sep;
                while k < seps.len() && seps[k].1 <= seg.start {
                    cut = true;
                    k += 1;
                }
                if cut && first < i {
                    out.push(unit(first, i));
                }
                if cut {
                    first = if is_sep { i + 1 } else { i };
                }
            }
            if first < segments.len() {
                out.push(unit(first, segments.len()));
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::segments;
    use crate::text::token::tokenize;

    fn docs(view: &str, mode: SegmentMode, sep: Option<&str>) -> Vec<String> {
        let toks = tokenize(view);
        let segs = segments(view, &toks, mode);
        let sep = sep.map(DocSeparator::parse);
        documents(view, &segs, mode, sep.as_ref())
            .iter()
            .map(|d| view[d.start..d.end].trim_end().replace('\n', "|"))
            .collect()
    }

    const TEXT: &str = "Artikel eins.\nZweiter Satz.\n\nArtikel zwei.\n---\nArtikel drei.\n";

    #[test]
    fn lines_mode_without_separator_makes_every_line_a_document() {
        assert_eq!(
            docs(TEXT, SegmentMode::Lines, None),
            [
                "Artikel eins.",
                "Zweiter Satz.",
                "Artikel zwei.",
                "---",
                "Artikel drei."
            ]
        );
    }

    #[test]
    fn paragraphs_mode_without_separator_is_one_document() {
        assert_eq!(docs(TEXT, SegmentMode::Paragraphs, None).len(), 1);
    }

    #[test]
    fn blank_lines_separate_documents() {
        assert_eq!(
            docs(TEXT, SegmentMode::Lines, Some("blank-line")),
            [
                "Artikel eins.|Zweiter Satz.",
                "Artikel zwei.|---|Artikel drei."
            ]
        );
        assert_eq!(
            docs(TEXT, SegmentMode::Paragraphs, Some("blank-line")),
            [
                "Artikel eins.|Zweiter Satz.",
                "Artikel zwei.|---|Artikel drei."
            ]
        );
    }

    #[test]
    fn a_marker_line_separates_documents_and_belongs_to_none() {
        assert_eq!(
            docs(TEXT, SegmentMode::Lines, Some("---")),
            [
                "Artikel eins.|Zweiter Satz.||Artikel zwei.",
                "Artikel drei."
            ]
        );
    }

    #[test]
    fn a_document_knows_its_documents() {
        use crate::document::Document;
        let d = Document::plain(TEXT.to_string(), 0, SegmentMode::Lines);
        assert_eq!(d.documents().len(), 5);
        assert_eq!(d.document_of_segment(1), Some(1));
        let d = d.with_separator(&DocSeparator::BlankLine);
        assert_eq!(d.documents().len(), 2);
        assert_eq!(d.document_of_segment(1), Some(0));
        assert_eq!(d.document_of_segment(2), Some(1));
        let drei = TEXT.find("drei").unwrap();
        assert_eq!(d.document_at(drei), Some(1));
        let d = Document::plain(TEXT.to_string(), 0, SegmentMode::Lines)
            .with_separator(&DocSeparator::parse("---"));
        // the separator line belongs to no document
        assert_eq!(d.document_of_segment(3), None);
        assert_eq!(d.document_of_segment(4), Some(1));
    }

    #[test]
    fn parse_reads_the_flag() {
        assert_eq!(DocSeparator::parse("blank-line"), DocSeparator::BlankLine);
        assert_eq!(
            DocSeparator::parse(" <doc> "),
            DocSeparator::Line("<doc>".into())
        );
    }
}
