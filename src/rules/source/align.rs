//! Sentence alignment inside a translation unit: the English source is cut into sentences,
//! the German target's sentences come from the text layer, and a dynamic programme pairs them
//! (1–1, 1–2, 2–1, 2–2, 1–0, 0–1) by length (German runs about 1.14 times the English) and by
//! anchors (numbers, capitalised names, question and exclamation marks), so that source-aware
//! findings point at a sentence, not the whole paragraph.

use std::ops::Range;

use super::Aligned;
use crate::document::Document;

/// German characters per English character, the median of well-rated segments.
const RATIO: f64 = 1.14;

/// Cost of a source or target sentence left without a partner.
const SKIP: f64 = 2.5;

/// Abbreviations after which a full stop does not end an English sentence.
const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp",
    "no", "fig", "gen", "gov", "sen", "rep", "u.s", "u.k", "e.g", "i.e", "jan", "feb", "aug",
    "sept", "oct", "nov", "dec",
];

/// The byte ranges of the sentences of an English text.
pub fn en_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        // a mark inside a run already cut (`...\" Next`) is behind `start`
        if !matches!(c, '.' | '!' | '?') || i < start {
            continue;
        }
        let mut j = k + 1;
        while chars
            .get(j)
            .is_some_and(|&(_, c)| matches!(c, '"' | '\'' | '”' | '’' | ')' | '.' | '!' | '?'))
        {
            j += 1;
        }
        let Some(&(_, ws)) = chars.get(j) else {
            continue;
        };
        if !ws.is_whitespace() {
            continue;
        }
        let next = chars[j..].iter().find(|(_, c)| !c.is_whitespace());
        let opens = next
            .is_some_and(|&(_, c)| c.is_uppercase() || c.is_ascii_digit() || "\"“‘('".contains(c));
        let word: String = text
            .get(start..i)
            .unwrap_or_default()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let abbrev = c == '.' && (ABBREV.contains(&word.as_str()) || word.chars().count() == 1);
        if opens && !abbrev {
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            out.push(start..end);
            start = next.map_or(text.len(), |&(b, _)| b);
        }
    }
    if text[start..].chars().any(char::is_alphanumeric) {
        out.push(start..text.len());
    }
    out
}

/// A source sentence range paired with a range of target tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// Bytes of the source.
    pub source: Range<usize>,
    /// Tokens of the target (empty: the source sentence has no counterpart).
    pub target: Range<usize>,
}

/// The anchors of a text: numbers (digits only) and the marks `?` and `!`.
fn anchors(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut num = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            num.push(c);
        } else if !matches!(c, ',' | '.') || num.is_empty() {
            if !num.is_empty() {
                out.push(std::mem::take(&mut num));
            }
            if matches!(c, '?' | '!') {
                out.push(c.to_string());
            }
        }
    }
    out
}

fn cost(src: &str, tgt: &str) -> f64 {
    let (s, t) = (
        src.chars().count() as f64 + 1.0,
        tgt.chars().count() as f64 + 1.0,
    );
    let length = (t / (s * RATIO)).ln().abs();
    let (a, b) = (anchors(src), anchors(tgt));
    let missing =
        a.iter().filter(|x| !b.contains(x)).count() + b.iter().filter(|x| !a.contains(x)).count();
    length + 0.7 * missing as f64
}

/// The sentences of a unit on both sides and the links the alignment found between them.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// Byte ranges of the source sentences in the unit's source.
    pub source: Vec<Range<usize>>,
    /// Token ranges of the target sentences.
    pub target: Vec<Range<usize>>,
    /// In order: which source sentences (indices into `source`) go with which target
    /// sentences (indices into `target`); one side is empty where a sentence has no partner.
    pub links: Vec<(Range<usize>, Range<usize>)>,
}

impl Alignment {
    /// The bytes of the source sentences `r` (empty for an empty range).
    pub fn source_text<'a>(&self, u: &Aligned<'a>, r: &Range<usize>) -> &'a str {
        if r.is_empty() {
            return "";
        }
        u.source
            .get(self.source[r.start].start..self.source[r.end - 1].end)
            .unwrap_or_default()
    }

    /// The tokens of the target sentences `r` (empty for an empty range).
    pub fn target_tokens(&self, r: &Range<usize>) -> Range<usize> {
        if r.is_empty() {
            return 0..0;
        }
        self.target[r.start].start..self.target[r.end - 1].end
    }
}

impl Alignment {
    /// Whether the unlinked sentence of link `k` (a source sentence without a target, or a
    /// target sentence without a source) fits into a neighbouring link: with it, that link's
    /// target/source length ratio stays within `lo..=hi`. A long English sentence that the
    /// translation splits into three, or three short ones it joins into one, is no omission
    /// and no addition.
    pub fn fits_neighbour(
        &self,
        doc: &Document,
        u: &Aligned<'_>,
        k: usize,
        lo: f64,
        hi: f64,
    ) -> bool {
        let (s, t) = &self.links[k];
        let len = |text: &str| text.trim().chars().count() as f64;
        let (extra_s, extra_t) = (
            len(self.source_text(u, s)),
            len(token_text(doc, &self.target_tokens(t))),
        );
        [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter_map(|n| self.links.get(n))
            .filter(|(ns, nt)| !ns.is_empty() && !nt.is_empty())
            .any(|(ns, nt)| {
                let src = len(self.source_text(u, ns)) + extra_s;
                let tgt = len(token_text(doc, &self.target_tokens(nt))) + extra_t;
                let ratio = tgt / src.max(1.0);
                (lo..=hi).contains(&ratio)
            })
    }
}

/// The view bytes of the target tokens `r` (empty for no tokens).
pub fn token_span(doc: &Document, r: &Range<usize>) -> Range<usize> {
    if r.is_empty() {
        return 0..0;
    }
    doc.tok(r.start).start..doc.tok(r.end - 1).end
}

/// The view text of the target tokens `r`.
pub fn token_text<'d>(doc: &'d Document, r: &Range<usize>) -> &'d str {
    &doc.view[token_span(doc, r)]
}

/// Letters in `text`: what the length checks count, so that numbers and punctuation do not
/// make a sentence look long.
pub fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// How well source text `src` and target text `tgt` fit as translations of each other: 0 is
/// a perfect fit by length and anchors, higher is worse.
pub fn fit(src: &str, tgt: &str) -> f64 {
    cost(src, tgt)
}

/// Aligns the sentences of unit `u` of `doc`.
pub fn align(doc: &Document, u: &Aligned<'_>) -> Alignment {
    let src = en_sentences(u.source);
    let first = doc.sentences.partition_point(|s| s.tok_end <= u.tok_start);
    let tgt: Vec<Range<usize>> = doc.sentences[first..]
        .iter()
        .take_while(|s| s.tok_start < u.tok_end)
        .map(|s| s.tok_start.max(u.tok_start)..s.tok_end.min(u.tok_end))
        .collect();
    let (n, m) = (src.len(), tgt.len());
    let mut out = Alignment {
        source: src,
        target: tgt,
        links: Vec::new(),
    };
    if n == 0 || m == 0 {
        return out;
    }
    let join_s = |a: usize, b: usize| u.source.get(out.source[a].start..out.source[b - 1].end);
    let join_t =
        |a: usize, b: usize| token_text(doc, &(out.target[a].start..out.target[b - 1].end));
    let mut best = vec![vec![(f64::INFINITY, 0usize, 0usize); m + 1]; n + 1];
    best[0][0].0 = 0.0;
    const MOVES: [(usize, usize); 6] = [(1, 1), (1, 2), (2, 1), (2, 2), (1, 0), (0, 1)];
    for i in 0..=n {
        for j in 0..=m {
            let here = best[i][j].0;
            if !here.is_finite() {
                continue;
            }
            for (di, dj) in MOVES {
                let (ni, nj) = (i + di, j + dj);
                if ni > n || nj > m {
                    continue;
                }
                let c = match (di, dj) {
                    (0, _) | (_, 0) => SKIP,
                    _ => {
                        cost(join_s(i, ni).unwrap_or_default(), join_t(j, nj))
                            + 0.3 * (di + dj - 2) as f64
                    }
                };
                if here + c < best[ni][nj].0 {
                    best[ni][nj] = (here + c, di, dj);
                }
            }
        }
    }
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (_, di, dj) = best[i][j];
        if di == 0 && dj == 0 {
            break;
        }
        out.links.push((i - di..i, j - dj..j));
        i -= di;
        j -= dj;
    }
    out.links.reverse();
    out
}

/// Pairs the sentences of unit `u` of `doc`: every source sentence in exactly one pair, in
/// order (target sentences without a source partner are left out).
pub fn pairs(doc: &Document, u: &Aligned<'_>) -> Vec<Pair> {
    let a = align(doc, u);
    let mut out = Vec::new();
    let mut at = u.tok_start;
    for (s, t) in &a.links {
        if !t.is_empty() {
            at = a.target[t.end - 1].end;
        }
        if s.is_empty() {
            continue;
        }
        // a source sentence without a partner gets an empty range where it would stand
        let target = if t.is_empty() {
            at..at
        } else {
            a.target_tokens(t)
        };
        out.push(Pair {
            source: a.source[s.start].start..a.source[s.end - 1].end,
            target,
        });
    }
    out
}

/// The target tokens aligned with the source byte `at` of unit `u` (the whole unit when the
/// alignment left that sentence without a partner).
pub fn target_of(pairs: &[Pair], u: &Aligned<'_>, at: usize) -> Range<usize> {
    pairs
        .iter()
        .find(|p| p.source.contains(&at) || p.source.start == at)
        .map(|p| p.target.clone())
        .filter(|t| !t.is_empty())
        .unwrap_or(u.tok_start..u.tok_end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Unit;
    use crate::rules::source::aligned;
    use crate::text::segment::SegmentMode;

    #[test]
    fn sentences_without_a_partner_at_either_end() {
        for (source, target) in [
            (
                "Yes. It rained all day long in the city.",
                "Es regnete den ganzen Tag in der Stadt.",
            ),
            (
                "It rained.",
                "Ja. Nein. Es regnete den ganzen Tag in der Stadt, und zwar sehr stark.",
            ),
            ("One. Two. Three. Four.", "Eins."),
        ] {
            let doc =
                Document::plain(target.to_string(), 0, SegmentMode::Paragraphs).with_units(&[
                    Unit {
                        start: 0,
                        end: target.len(),
                        source: source.to_string(),
                    },
                ]);
            let u = aligned(&doc)[0];
            let p = pairs(&doc, &u);
            // every source sentence is in exactly one pair, in order
            let s = en_sentences(source);
            assert_eq!(p.first().map(|x| x.source.start), Some(0), "{source}");
            assert_eq!(
                p.last().map(|x| x.source.end),
                s.last().map(|x| x.end),
                "{source}"
            );
            assert!(
                p.windows(2).all(|w| w[0].source.end <= w[1].source.start),
                "{source}"
            );
        }
    }

    #[test]
    fn english_sentences() {
        let t = "Mr. Smith came. He paid $10.5 million! Why? Because.";
        let s: Vec<&str> = en_sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            vec![
                "Mr. Smith came.",
                "He paid $10.5 million!",
                "Why?",
                "Because."
            ]
        );
    }

    #[test]
    fn pairs_by_length_and_numbers() {
        let source = "It rained. The company sold 10,000 units in 2023, more than ever before. Nobody expected that.";
        let target = "Es regnete. Das Unternehmen verkaufte 2023 mehr als je zuvor, nämlich 10.000 Einheiten. Niemand hat damit gerechnet.";
        let doc =
            Document::plain(target.to_string(), 0, SegmentMode::Paragraphs).with_units(&[Unit {
                start: 0,
                end: target.len(),
                source: source.to_string(),
            }]);
        let u = aligned(&doc)[0];
        let p = pairs(&doc, &u);
        assert_eq!(p.len(), 3);
        let t = &p[1].target;
        let txt = &doc.view[doc.tok(t.start).start..doc.tok(t.end - 1).end];
        assert!(
            txt.starts_with("Das Unternehmen") && txt.ends_with("Einheiten."),
            "{txt}"
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(source in "[a-zA-Z .!?\"'()…0-9,-]{0,80}", target in "[a-zA-ZäÖ .!?„“0-9,-]{0,80}") {
            let _ = en_sentences(&source);
            let doc = Document::plain(target.clone(), 0, SegmentMode::Paragraphs).with_units(&[Unit {
                start: 0,
                end: target.len(),
                source: source.clone(),
            }]);
            for u in aligned(&doc) {
                let _ = pairs(&doc, &u);
            }
        }
    }
}
