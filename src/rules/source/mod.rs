//! Rules that compare the German target with its English source; without a source they
//! stay silent.

pub mod addition;
pub(crate) mod align;
pub mod glossary_term;
pub mod omission;
pub mod source_idiom;
pub mod source_name;
pub mod source_number;
pub mod untranslated_segment;

use crate::document::Document;

/// A translation unit as rules see it: the target's view range and tokens, and the source.
#[derive(Debug, Clone, Copy)]
pub struct Aligned<'a> {
    /// Start byte of the target in the view.
    pub start: usize,
    /// End byte of the target in the view.
    pub end: usize,
    /// First token of the target.
    pub tok_start: usize,
    /// One past the last token.
    pub tok_end: usize,
    /// The English source.
    pub source: &'a str,
}

/// The units of `doc` that have a source (consecutive segments of one unit are joined).
pub fn aligned(doc: &Document) -> Vec<Aligned<'_>> {
    let mut out: Vec<Aligned<'_>> = Vec::new();
    let mut last_unit = None;
    for (i, seg) in doc.segments.iter().enumerate() {
        let Some(src) = doc.source(i) else {
            last_unit = None;
            continue;
        };
        if last_unit == Some(src.unit) {
            if let Some(a) = out.last_mut() {
                a.end = seg.end;
                a.tok_end = seg.tok_end;
                continue;
            }
        }
        last_unit = Some(src.unit);
        out.push(Aligned {
            start: seg.start,
            end: seg.end,
            tok_start: seg.tok_start,
            tok_end: seg.tok_end,
            source: &src.text,
        });
    }
    out
}
