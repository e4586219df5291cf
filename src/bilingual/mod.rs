//! The bilingual phrase dictionary (`data/bilingual/source_phrases.csv`): English idioms, proverbs,
//! phrasal verbs and fixed phrases with the German renderings a reader accepts and the literal
//! ones machine translation produces. The English side is found in a source sentence with
//! inflection, slots and moved particles ([`english`]); the German side is looked for in the
//! aligned target sentence ([`german`]).

pub mod english;
pub mod german;

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::error::DictError;
use english::EnPattern;
use german::{Accepted, Literal};

/// The built-in table, embedded at build time.
pub const BUILTIN: &str = include_str!("../../data/bilingual/source_phrases.csv");

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A figurative expression (`make a mountain out of a molehill`).
    Idiom,
    /// A saying (`the early bird catches the worm`).
    Proverb,
    /// A verb with a particle whose meaning is not the sum of its parts (`make up`).
    Phrasal,
    /// A fixed phrase (`on a positive note`, `in the market for`).
    Phrase,
}

/// One row.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The English expression as written in the table.
    pub english: String,
    /// What it is.
    pub kind: Kind,
    /// The compiled English pattern.
    pub pattern: EnPattern,
    /// Accepted German renderings, best first.
    pub accepted: Vec<Accepted>,
    /// Literal German renderings.
    pub literal: Vec<Literal>,
}

/// A match of an entry in a list of English words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnMatch {
    /// Index of the entry.
    pub entry: usize,
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
}

/// The compiled table.
#[derive(Debug, Clone, Default)]
pub struct SourcePhrases {
    /// The rows in table order.
    pub entries: Vec<Entry>,
    /// First-word form → entries starting with it.
    index: HashMap<String, Vec<usize>>,
}

static GLOBAL: LazyLock<SourcePhrases> =
    LazyLock::new(|| SourcePhrases::parse("source_phrases.csv", BUILTIN).unwrap_or_default());

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty())
}

impl SourcePhrases {
    /// The built-in table (empty if it did not parse; `tests/data_lint.rs` makes sure it does).
    pub fn builtin() -> &'static SourcePhrases {
        &GLOBAL
    }

    /// Parses a table with the header `english,kind,accepted,literal,note`.
    pub fn parse(path: &str, text: &str) -> Result<SourcePhrases, DictError> {
        let err = |line: usize, message: String| DictError {
            path: path.to_string(),
            line,
            message,
        };
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let headers = rdr.headers().map_err(|e| err(1, e.to_string()))?.clone();
        let want = ["english", "kind", "accepted", "literal", "note"];
        if headers.iter().ne(want.iter().copied()) {
            return Err(err(1, format!("the header must be {}", want.join(","))));
        }
        let mut out = SourcePhrases::default();
        for (i, rec) in rdr.records().enumerate() {
            let line = i + 2;
            let rec = rec.map_err(|e| err(line, e.to_string()))?;
            let field = |k: usize| rec.get(k).unwrap_or_default().trim();
            let kind = match field(1) {
                "idiom" => Kind::Idiom,
                "proverb" => Kind::Proverb,
                "phrasal" => Kind::Phrasal,
                "phrase" => Kind::Phrase,
                k => return Err(err(line, format!("unknown kind `{k}`"))),
            };
            let pattern =
                EnPattern::parse(field(0), kind == Kind::Phrasal).map_err(|m| err(line, m))?;
            let accepted: Vec<Accepted> = split_list(field(2)).map(Accepted::new).collect();
            if accepted.is_empty() {
                return Err(err(line, "no accepted rendering".into()));
            }
            let literal = split_list(field(3)).map(Literal::parse).collect();
            let id = out.entries.len();
            for f in pattern.first_forms() {
                out.index.entry(f.to_string()).or_default().push(id);
            }
            out.entries.push(Entry {
                english: field(0).to_string(),
                kind,
                pattern,
                accepted,
                literal,
            });
        }
        Ok(out)
    }

    /// Every entry matched in `words` (lower-cased English words and punctuation), longest
    /// first where two overlap at one start.
    pub fn find(&self, words: &[String]) -> Vec<EnMatch> {
        let mut out = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let Some(ids) = self.index.get(w) else {
                continue;
            };
            for &entry in ids {
                if let Some(end) = self.entries[entry].pattern.match_at(words, i) {
                    out.push(EnMatch {
                        entry,
                        start: i,
                        end,
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_table_parses() {
        let t = SourcePhrases::parse("source_phrases.csv", BUILTIN).expect("parses");
        assert!(t.entries.len() > 100);
    }

    #[test]
    fn the_builtin_table_is_sorted_unique_and_nfc() {
        use unicode_normalization::is_nfc;
        assert!(is_nfc(BUILTIN));
        let mut rdr = csv::Reader::from_reader(BUILTIN.as_bytes());
        let mut prev = String::new();
        for (i, rec) in rdr.records().enumerate() {
            let rec = rec.expect("well-formed row");
            let key = rec.get(0).unwrap_or_default().to_lowercase();
            assert!(
                key > prev,
                "line {}: `{key}` is out of order or a duplicate",
                i + 2
            );
            prev = key;
        }
    }

    #[test]
    fn bad_rows_name_their_line() {
        let e = SourcePhrases::parse(
            "t.csv",
            "english,kind,accepted,literal,note\nsb up,phrasal,x,,\n",
        )
        .expect_err("a pattern must start with a word");
        assert_eq!(e.line, 2);
        let e = SourcePhrases::parse(
            "t.csv",
            "english,kind,accepted,literal,note\nmake up,verb,x,,\n",
        )
        .expect_err("unknown kind");
        assert!(e.message.contains("verb"));
    }

    #[test]
    fn finds_in_words() {
        let t = SourcePhrases::parse(
            "t.csv",
            "english,kind,accepted,literal,note\nbreak up,phrasal,auflösen,aufbrech*,\n",
        )
        .expect("parses");
        let w: Vec<String> = english::words("They broke the band up.")
            .into_iter()
            .map(|(w, _, _)| w)
            .collect();
        assert_eq!(
            t.find(&w),
            vec![EnMatch {
                entry: 0,
                start: 1,
                end: 5
            }]
        );
    }
}
