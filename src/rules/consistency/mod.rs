//! Consistency rules: one document, one word for one thing.

pub mod inconsistent_term;
pub mod mixed_address;

use std::ops::Range;

use crate::document::Document;
use crate::text::segment::SegmentMode;

/// The token ranges that count as one text for consistency: the whole document, or each line
/// in line mode (where every line is an independent text).
pub(crate) fn units(doc: &Document) -> Vec<Range<usize>> {
    match doc.mode {
        SegmentMode::Paragraphs => std::iter::once(0..doc.tokens.len()).collect(),
        SegmentMode::Lines => doc
            .segments
            .iter()
            .map(|s| s.tok_start..s.tok_end)
            .collect(),
    }
}
