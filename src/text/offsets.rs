//! Maps byte offsets in the checked view of a document back to the original file.
//!
//! The view is built from chunks: verbatim copies of original bytes, replacements (an HTML
//! entity decoded to one character) and insertions (a paragraph break between Markdown blocks).
//! A verbatim chunk maps byte for byte; anything inside a replacement maps to its whole
//! original range, so a span never ends inside an entity or a multi-byte character.

/// One piece of the view and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Chunk {
    view_start: usize,
    view_len: usize,
    orig_start: usize,
    orig_len: usize,
}

impl Chunk {
    fn verbatim(&self) -> bool {
        self.view_len == self.orig_len
    }
}

/// Builds a view string and its offset map together.
#[derive(Debug, Default)]
pub struct ViewBuilder {
    view: String,
    chunks: Vec<Chunk>,
}

impl ViewBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `text`, which is exactly the original bytes at `orig_start..orig_start + text.len()`.
    pub fn verbatim(&mut self, text: &str, orig_start: usize) {
        self.push(text, orig_start, text.len());
    }

    /// Appends `text`, which stands for the original bytes `orig_start..orig_end`
    /// (a decoded entity, an unescaped character).
    pub fn replaced(&mut self, text: &str, orig_start: usize, orig_end: usize) {
        self.push(text, orig_start, orig_end - orig_start);
    }

    /// Appends `text` that has no counterpart in the original; it maps to `orig_at`.
    pub fn inserted(&mut self, text: &str, orig_at: usize) {
        self.push(text, orig_at, 0);
    }

    /// The view built so far.
    pub fn as_str(&self) -> &str {
        &self.view
    }

    fn push(&mut self, text: &str, orig_start: usize, orig_len: usize) {
        if text.is_empty() {
            return;
        }
        let view_start = self.view.len();
        self.view.push_str(text);
        let chunk = Chunk {
            view_start,
            view_len: text.len(),
            orig_start,
            orig_len,
        };
        if let Some(last) = self.chunks.last_mut() {
            if last.verbatim()
                && chunk.verbatim()
                && last.view_start + last.view_len == view_start
                && last.orig_start + last.orig_len == orig_start
            {
                last.view_len += chunk.view_len;
                last.orig_len += chunk.orig_len;
                return;
            }
        }
        self.chunks.push(chunk);
    }

    /// Finishes the view.
    pub fn finish(self) -> (String, OffsetMap) {
        (
            self.view,
            OffsetMap {
                chunks: self.chunks,
            },
        )
    }
}

/// The map from view offsets to original offsets.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    chunks: Vec<Chunk>,
}

impl OffsetMap {
    /// The map of a view that is the original from `offset` on (a file after its BOM).
    pub fn shifted(len: usize, offset: usize) -> Self {
        let mut b = ViewBuilder::new();
        b.chunks.push(Chunk {
            view_start: 0,
            view_len: len,
            orig_start: offset,
            orig_len: len,
        });
        OffsetMap { chunks: b.chunks }
    }

    fn chunk_index(&self, v: usize) -> Option<usize> {
        if self.chunks.is_empty() {
            return None;
        }
        let i = self.chunks.partition_point(|c| c.view_start <= v);
        Some(i.saturating_sub(1))
    }

    /// The original offset of the view offset `v` as the start of a span.
    pub fn start(&self, v: usize) -> usize {
        let Some(i) = self.chunk_index(v) else {
            return v;
        };
        let c = self.chunks[i];
        if v >= c.view_start + c.view_len {
            return c.orig_start + c.orig_len;
        }
        if c.verbatim() {
            c.orig_start + (v - c.view_start)
        } else {
            c.orig_start
        }
    }

    /// The original offset of the view offset `v` as the (exclusive) end of a span.
    pub fn end(&self, v: usize) -> usize {
        if v == 0 {
            return self.start(0);
        }
        let Some(i) = self.chunk_index(v - 1) else {
            return v;
        };
        let c = self.chunks[i];
        if v > c.view_start + c.view_len {
            return c.orig_start + c.orig_len;
        }
        if c.verbatim() {
            c.orig_start + (v - c.view_start)
        } else {
            c.orig_start + c.orig_len
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_maps_to_whole_range() {
        // original: "A&amp;B"
        let mut b = ViewBuilder::new();
        b.verbatim("A", 0);
        b.replaced("&", 1, 6);
        b.verbatim("B", 6);
        let (view, map) = b.finish();
        assert_eq!(view, "A&B");
        assert_eq!(map.start(0), 0);
        assert_eq!(map.start(1), 1);
        assert_eq!(map.end(2), 6);
        assert_eq!(map.start(2), 6);
        assert_eq!(map.end(3), 7);
    }

    #[test]
    fn inserted_text_maps_to_a_point() {
        let mut b = ViewBuilder::new();
        b.verbatim("Eins", 0);
        b.inserted("\n\n", 4);
        b.verbatim("Zwei", 10);
        let (view, map) = b.finish();
        assert_eq!(view, "Eins\n\nZwei");
        assert_eq!(map.start(6), 10);
        assert_eq!(map.end(10), 14);
        assert_eq!(map.end(4), 4);
    }

    #[test]
    fn shifted_by_bom() {
        let map = OffsetMap::shifted(5, 3);
        assert_eq!(map.start(0), 3);
        assert_eq!(map.end(5), 8);
    }
}
