//! Consistency rules: one document, one word for one thing.

pub mod inconsistent_term;
pub mod mixed_address;

use std::ops::Range;

use crate::document::Document;

/// The token ranges that count as one text for consistency: the document's units
/// ([`Document::documents`]: the whole file in paragraphs mode, each line in lines mode, or what
/// a document separator cuts).
pub(crate) fn units(doc: &Document) -> Vec<Range<usize>> {
    doc.documents()
        .iter()
        .filter(|d| d.seg_start < d.seg_end)
        .map(|d| doc.segments[d.seg_start].tok_start..doc.segments[d.seg_end - 1].tok_end)
        .collect()
}
