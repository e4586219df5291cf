//! Segments (paragraphs or lines) and sentences of a view.
//!
//! In paragraph mode a blank line separates segments and a single line break is a soft wrap;
//! in line mode every line is a segment. Sentences end at `.`, `!`, `?` or `…` unless the dot
//! follows an abbreviation, an initial or an ordinal (`am 15. Juli`, `z. B.`, `Dr. Weber`).

use super::abbrev::{is_abbreviation, is_month};
use super::token::{TokenKind, Tokens};

/// How a text is cut into independent segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum SegmentMode {
    /// Blank lines separate segments; a single newline is a soft wrap.
    #[default]
    Paragraphs,
    /// Every line is a segment.
    Lines,
}

/// A paragraph or line of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Start byte in the view.
    pub start: usize,
    /// End byte in the view (exclusive).
    pub end: usize,
    /// First token.
    pub tok_start: usize,
    /// One past the last token.
    pub tok_end: usize,
}

/// A sentence: a token range inside one segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First token.
    pub tok_start: usize,
    /// One past the last token.
    pub tok_end: usize,
    /// Index of its segment.
    pub segment: usize,
}

/// Cuts `view` into segments.
pub fn segments(view: &str, tokens: &Tokens, mode: SegmentMode) -> Vec<Segment> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let bytes = view.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let brk = match mode {
                SegmentMode::Lines => Some(i + 1),
                SegmentMode::Paragraphs => {
                    let mut j = i + 1;
                    while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
                        j += 1;
                    }
                    (j < bytes.len() && bytes[j] == b'\n').then_some(j + 1)
                }
            };
            if let Some(next) = brk {
                ranges.push((start, i));
                start = next;
                i = next;
                continue;
            }
        }
        i += 1;
    }
    ranges.push((start, view.len()));
    let mut out = Vec::with_capacity(ranges.len());
    let mut t = 0;
    for (s, e) in ranges {
        let tok_start = t;
        while t < tokens.len() && tokens.list[t].start < e {
            t += 1;
        }
        if t > tok_start {
            out.push(Segment {
                start: s,
                end: e,
                tok_start,
                tok_end: t,
            });
        }
    }
    out
}

fn is_closing(c: &str) -> bool {
    matches!(
        c,
        "”" | "“" | "\"" | "»" | "«" | "’" | "‘" | "'" | ")" | "]" | "›" | "‹"
    )
}

/// Words that start a German sentence more often than they follow an ordinal.
pub(crate) const SENTENCE_STARTERS: &[&str] = &[
    "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Er", "Sie", "Es", "Wir",
    "Ich", "Ihr", "Im", "In", "Am", "An", "Auf", "Auch", "Doch", "Aber", "Dann", "Dies", "Diese",
    "Dieser", "Dieses", "Damit", "Daher", "Deshalb", "So", "Nach", "Vor", "Seit", "Bei", "Mit",
    "Zum", "Zur", "Für", "Wie", "Was", "Wer", "Wenn", "Als", "Laut", "Nun", "Jetzt", "Heute",
];

/// Cuts the segments into sentences.
pub fn sentences(view: &str, tokens: &Tokens, segs: &[Segment]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let text = |i: usize| &view[tokens.list[i].start..tokens.list[i].end];
    for (si, seg) in segs.iter().enumerate() {
        let mut start = seg.tok_start;
        let mut i = seg.tok_start;
        while i < seg.tok_end {
            let t = tokens.list[i];
            let s = text(i);
            let is_end = t.kind == TokenKind::Punct
                && (matches!(s, "!" | "?" | "…" | "?!" | "!?") || s.starts_with('.'));
            if !is_end {
                i += 1;
                continue;
            }
            // absorb closing quotes and brackets glued to the mark
            let mut j = i + 1;
            while j < seg.tok_end && !tokens.list[j].space_before && is_closing(text(j)) {
                j += 1;
            }
            let boundary = if j >= seg.tok_end {
                true
            } else {
                let next = text(j);
                let next_tok = tokens.list[j];
                let next_upper = next.chars().next().is_some_and(|c| c.is_uppercase());
                let next_lower = next_tok.kind == TokenKind::Word
                    && next.chars().next().is_some_and(|c| c.is_lowercase());
                let next_punct = next_tok.kind == TokenKind::Punct
                    && matches!(next, "," | ";" | ":" | "-" | "–" | ")" | "." | "?" | "!");
                if next_punct {
                    false
                } else if s == "." {
                    let prev = (i > seg.tok_start).then(|| i - 1);
                    let glued = !t.space_before;
                    match prev {
                        Some(p)
                            if glued
                                && tokens.list[p].kind == TokenKind::Word
                                && is_abbreviation(text(p)) =>
                        {
                            false
                        }
                        Some(p) if glued && tokens.list[p].kind == TokenKind::Number => {
                            let n = text(p);
                            let short = n.len() <= 3 && !n.contains([',', '.']);
                            if is_month(next) || next_lower || next_tok.kind == TokenKind::Number {
                                false
                            } else {
                                !short || SENTENCE_STARTERS.contains(&next)
                            }
                        }
                        _ => next_upper || next_lower || !matches!(next_tok.kind, TokenKind::Word),
                    }
                } else if s.starts_with("..") || s == "…" {
                    next_upper
                } else {
                    !next_lower
                }
            };
            if boundary {
                out.push(Sentence {
                    tok_start: start,
                    tok_end: j,
                    segment: si,
                });
                start = j;
            }
            i = j;
        }
        if start < seg.tok_end {
            out.push(Sentence {
                tok_start: start,
                tok_end: seg.tok_end,
                segment: si,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn split(view: &str, mode: SegmentMode) -> Vec<String> {
        let toks = tokenize(view);
        let segs = segments(view, &toks, mode);
        sentences(view, &toks, &segs)
            .iter()
            .map(|s| view[toks.list[s.tok_start].start..toks.list[s.tok_end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_and_ordinals_do_not_end_sentences() {
        let v = "Am 15. Juli kam Dr. Weber, z. B. mit ca. 4,4 Mrd. Euro. Der 3. Platz ging an ihn. Er lachte.";
        assert_eq!(
            split(v, SegmentMode::Paragraphs),
            [
                "Am 15. Juli kam Dr. Weber, z. B. mit ca. 4,4 Mrd. Euro.",
                "Der 3. Platz ging an ihn.",
                "Er lachte."
            ]
        );
    }

    #[test]
    fn year_at_sentence_end() {
        let v = "Das war 2025. Die Lage ist neu.";
        assert_eq!(split(v, SegmentMode::Paragraphs).len(), 2);
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let v = "„Wir kommen“, sagte sie. „Morgen.“ Dann ging sie.";
        assert_eq!(
            split(v, SegmentMode::Paragraphs),
            ["„Wir kommen“, sagte sie.", "„Morgen.“", "Dann ging sie."]
        );
    }

    #[test]
    fn lowercase_after_full_word_is_a_boundary() {
        let v = "Er hat das erfasst. erinnerte sich.";
        assert_eq!(split(v, SegmentMode::Paragraphs).len(), 2);
    }

    #[test]
    fn paragraphs_and_lines() {
        let v = "Eins zwei\ndrei\n\nVier";
        assert_eq!(
            split(v, SegmentMode::Paragraphs),
            ["Eins zwei\ndrei", "Vier"]
        );
        assert_eq!(split(v, SegmentMode::Lines), ["Eins zwei", "drei", "Vier"]);
    }
}
