//! Line and column numbers of byte offsets in the original file.
//!
//! Lines are 1-based and end at `\n` (a `\r\n` pair ends one line); columns are 1-based and
//! count Unicode scalar values from the start of the line.

/// Start offsets of every line of a text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()));
        LineIndex { starts }
    }

    /// The 1-based line and column of byte offset `at` in `text` (the text given to `new`).
    pub fn position(&self, text: &str, at: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= at);
        let start = self.starts[line - 1];
        let col = text.get(start..at).map_or(0, |s| s.chars().count()) + 1;
        (line, col)
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_chars() {
        let t = "Ärger\r\nÜber „Ja“";
        let idx = LineIndex::new(t);
        assert_eq!(idx.position(t, 0), (1, 1));
        let at = t.find('„').unwrap();
        assert_eq!(idx.position(t, at), (2, 6));
        assert_eq!(idx.position(t, t.len()), (2, 10));
    }
}
