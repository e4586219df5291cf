//! `mtcheck analyze`: what the morphology layer believes about each word of a text, one line
//! per word, so that a user (and a test) can see it.

use std::fmt::Write as _;

use super::{Morph, Readings, Source};
use crate::text::token::{tokenize, TokenKind};

/// One line per word of `text`: the word, then its readings grouped by lemma
/// (`Häuser  Haus SUB:NOM:PLU:NEU SUB:GEN:PLU:NEU …`), marked `(lower case: …)` when only the
/// lower-cased form at a sentence start is known and `(compound: head …)` for a compound;
/// `unknown` when nothing is known; and the word's wordfreq Zipf value when it has one.
pub fn analyze_text(text: &str) -> String {
    let morph = Morph::global();
    let tokens = tokenize(text);
    let mut out = String::new();
    let mut readings = Readings::default();
    let mut sentence_start = true;
    for t in &tokens.list {
        let word = &text[t.start..t.end];
        match t.kind {
            TokenKind::Word => {}
            TokenKind::Punct => {
                if matches!(word, "." | "!" | "?" | ":" | "…" | "...") {
                    sentence_start = true;
                }
                continue;
            }
            _ => {
                sentence_start = false;
                continue;
            }
        }
        morph.analyze_into(word, sentence_start, &mut readings);
        sentence_start = false;
        out.push_str(word);
        out.push('\t');
        match readings.source() {
            Source::Unknown => out.push_str("unknown"),
            Source::Exact => {}
            Source::LowerCase => out.push_str("(lower case) "),
            Source::Compound { head_start } => {
                let _ = write!(out, "(compound: head {}) ", &word[head_start..]);
            }
        }
        write_readings(&readings, &mut out);
        if let Some(z) = morph.zipf(word) {
            let _ = write!(out, " [zipf {z:.2}]");
        }
        out.push('\n');
    }
    out
}

/// `lemma TAG TAG …; lemma TAG …`.
fn write_readings(readings: &Readings, out: &mut String) {
    let mut last: Option<&str> = None;
    for r in readings.iter() {
        if last != Some(r.lemma) {
            if last.is_some() {
                out.push_str("; ");
            }
            out.push_str(r.lemma);
            last = Some(r.lemma);
        }
        out.push(' ');
        out.push_str(r.tag_text);
    }
}
