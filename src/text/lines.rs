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
    memchr::memchr_iter(b'\n', bytes).map(|i| i + 1)
}

/// Positions of offsets that come roughly in order (the starts and ends of sorted
/// findings): each is counted from the previous one when it lies on the same line, so a long
/// line is not counted from its start again for every finding on it.
#[derive(Debug)]
pub struct Cursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// The last offset asked for, its line and column.
    last: (usize, usize, usize),
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(index: &'a LineIndex, text: &'a str) -> Self {
        Cursor {
            index,
            text,
            last: (0, 1, 1),
        }
    }

    /// The 1-based line and column of byte offset `at`, as [`LineIndex::position`].
    pub fn position(&mut self, at: usize) -> (usize, usize) {
        let (last_at, last_line, last_col) = self.last;
        let line = self.index.starts.partition_point(|&s| s <= at);
        let chars = |a: usize, b: usize| self.text.get(a..b).map_or(0, |s| s.chars().count());
        let pos = if line == last_line && at >= last_at {
            (line, last_col + chars(last_at, at))
        } else if line == last_line {
            (line, last_col - chars(at, last_at))
        } else {
            self.index.position(self.text, at)
        };
        self.last = (at, pos.0, pos.1);
        pos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_gives_the_positions_of_the_index() {
        let t = "Ärger über „Ja“\r\nÜber „Ja“ und\n\nnein ß";
        let idx = LineIndex::new(t);
        let offsets: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
        let mut cur = Cursor::new(&idx, t);
        // in order, backwards and jumping around
        let order = offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain(offsets.iter().step_by(3))
            .chain(offsets.iter().step_by(2).rev());
        for &at in order {
            assert_eq!(cur.position(at), idx.position(t, at), "{at}");
        }
    }

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
