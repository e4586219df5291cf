//! Unit tests of the zones, on real-looking text.

use super::*;
use crate::text::segment::SegmentMode;

fn doc(text: &str) -> Document {
    Document::plain(text.to_string(), 0, SegmentMode::Paragraphs)
}

fn lines(text: &str) -> Document {
    Document::plain(text.to_string(), 0, SegmentMode::Lines)
}

/// The texts of the zones of `kind`.
fn zones(d: &Document, kind: ZoneKind) -> Vec<&str> {
    d.zones.of(kind).map(|z| &d.view[z.start..z.end]).collect()
}
