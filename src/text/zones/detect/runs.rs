//! Zones found from runs of words without marks: English Title-Case runs (titles of works,
//! organisations' names) and dialogue lines.

use std::collections::HashMap;

use crate::document::Document;
use crate::lexicon::words::WordFreq;
use crate::text::TokenKind;

use super::super::{Certainty, Zone, ZoneKind};
use super::{is_capitalised, is_punct};

/// Lower-case English words that join the capitalised words of a title (House of Cards,
/// Made in Germany, Save the Children).
const CONNECTORS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
];

/// English function words that German does not share: one of them in a run of capitalised
/// words, lower case or capitalised (Game Of Thrones), makes the run English. `in`, `an`, `a`
/// are German too.
const ENGLISH_ONLY: &[&str] = &[
    "and", "at", "by", "for", "from", "of", "on", "or", "the", "to", "with",
];

/// A token of a title run: a capitalised word, a connector, or `&`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Cap,
    Connector,
}

fn part(doc: &Document, t: usize) -> Option<Part> {
    if is_capitalised(doc, t) {
        Some(Part::Cap)
    } else if (doc.is_word(t) && CONNECTORS.contains(&doc.text(t))) || is_punct(doc, t, "&") {
        Some(Part::Connector)
    } else {
        None
    }
}

/// A capitalised word that is German and not English (by the frequency lexicon): it is not
/// part of an English title at the edge of a run (Kampagne Save the Children).
fn german_not_english(lex: &WordFreq, norm: &str) -> bool {
    lex.de_zipf(norm).is_some() && lex.english_margin(norm).is_none_or(|m| m < 0.0)
}

/// English Title-Case runs in the author's sentences, and quotations whose content is one.
pub(super) fn titles(doc: &Document, out: &mut Vec<Zone>) {
    let lex = WordFreq::builtin();
    for sent in &doc.sentences {
        let mut t = sent.tok_start;
        while t < sent.tok_end {
            if part(doc, t) != Some(Part::Cap) {
                t += 1;
                continue;
            }
            let mut u = t + 1;
            while u < sent.tok_end && doc.tok(u).space_before && part(doc, u).is_some() {
                u += 1;
            }
            if let Some((s, e)) = english_run(doc, lex, t, u) {
                let z = Zone::new(doc.tok(s).start, doc.tok(e - 1).end, ZoneKind::Title, Certainty::Inferred);
                out.push(z);
            }
            t = u;
        }
    }
    quoted_titles(doc, lex, out);
}

/// The English title inside the run of tokens `from..to` (capitalised words and
/// connectors), if the run holds one.
fn english_run(doc: &Document, lex: &WordFreq, from: usize, to: usize) -> Option<(usize, usize)> {
    let (mut s, mut e) = (from, to);
    // trim connectors and German words at the edges
    let edge = |t: usize| part(doc, t) != Some(Part::Cap) || german_not_english(lex, doc.norm(t));
    while s < e && edge(s) {
        s += 1;
    }
    while e > s && edge(e - 1) {
        e -= 1;
    }
    let caps = (s..e).filter(|&t| part(doc, t) == Some(Part::Cap)).count();
    if caps < 2 {
        return None;
    }
    let marker = (s..e).any(|t| ENGLISH_ONLY.contains(&doc.norm(t)) || doc.text(t) == "&");
    let all_english = (s..e).all(|t| {
        part(doc, t) == Some(Part::Connector) || lex.english_margin(doc.norm(t)).is_some_and(|m| m >= 0.0)
    }) && (s..e).any(|t| lex.is_english_not_german(doc.norm(t)));
    (marker || all_english).then_some((s, e))
}

/// The most words of a quoted title.
const MAX_TITLE_WORDS: usize = 10;

/// Quotations whose content is two or more words, all capitalised or connectors (Slide to
/// Unlock, The Gilded Age).
fn quoted_titles(doc: &Document, lex: &WordFreq, out: &mut Vec<Zone>) {
    let quotes: Vec<(usize, usize)> = out
        .iter()
        .filter(|z| z.kind == ZoneKind::Quotation && z.certainty == Certainty::Marked)
        .map(|z| z.content)
        .collect();
    let toks = &doc.tokens.list;
    for (s, e) in quotes {
        let a = toks.partition_point(|t| t.start < s);
        let b = toks.partition_point(|t| t.end <= e);
        if b < a + 2 || b - a > MAX_TITLE_WORDS {
            continue;
        }
        let title_case = (a..b).all(|t| part(doc, t).is_some())
            && part(doc, a) == Some(Part::Cap)
            && (a..b).filter(|&t| part(doc, t) == Some(Part::Cap)).count() >= 2;
        let english = title_case && english_run(doc, lex, a, b).is_some();
        let german_title_case = title_case
            && (a..b).all(|t| part(doc, t) == Some(Part::Cap) || !CONNECTORS.contains(&doc.norm(t)));
        if english || german_title_case {
            out.push(Zone::new(toks[a].start, toks[b - 1].end, ZoneKind::Title, Certainty::Inferred));
        }
    }
}

/// A labelled line: `Label: text` at a line start.
struct Labelled {
    /// The line's number among the view's lines.
    line: usize,
    label: String,
    start: usize,
    content: usize,
    end: usize,
}

/// The most lines between two labelled lines of one dialogue.
const DIALOGUE_GAP: usize = 2;

/// The most words of a speaker label (Jerry, Frau Müller, ZEIT ONLINE).
const MAX_LABEL_WORDS: usize = 3;

/// The labelled lines of the view (`Jerry: Hast du …`), in order.
fn labelled_lines(doc: &Document) -> Vec<Labelled> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    let mut line = 0;
    for t in 0..n {
        if t > 0 && !doc.tok(t).newline_before {
            continue;
        }
        if t > 0 {
            line += doc.view[doc.tok(t - 1).end..doc.tok(t).start].matches('\n').count();
        }
        let Some(colon) = (t + 1..n.min(t + MAX_LABEL_WORDS + 1))
            .take_while(|&c| !doc.tok(c).newline_before)
            .find(|&c| is_punct(doc, c, ":"))
        else {
            continue;
        };
        let label_ok = (t..colon).all(|w| is_capitalised(doc, w));
        let speech = colon + 1 < n
            && !doc.tok(colon + 1).newline_before
            && doc.tok(colon + 1).space_before
            && doc.tok(colon + 1).kind != TokenKind::Number;
        if !label_ok || !speech {
            continue;
        }
        let last = (colon + 1..n)
            .take_while(|&u| u == colon + 1 || !doc.tok(u).newline_before)
            .last()
            .unwrap_or(colon + 1);
        let label = (t..colon).map(|w| doc.norm(w)).collect::<Vec<_>>().join(" ");
        out.push(Labelled {
            line,
            label,
            start: doc.tok(t).start,
            content: doc.tok(colon + 1).start,
            end: doc.tok(last).end,
        });
    }
    out
}

/// Dialogue lines: runs of labelled lines (at most [`DIALOGUE_GAP`] lines apart) with at
/// least two speakers, one of whom speaks twice. A single `Coronavirus: …` headline, or a
/// list of `Material: …`, `Farbe: …` lines, is not a dialogue.
pub(super) fn dialogue(doc: &Document, out: &mut Vec<Zone>) {
    let lines = labelled_lines(doc);
    let mut i = 0;
    while i < lines.len() {
        let mut j = i + 1;
        while j < lines.len() && lines[j].line - lines[j - 1].line <= DIALOGUE_GAP {
            j += 1;
        }
        let mut count: HashMap<&str, usize> = HashMap::new();
        for l in &lines[i..j] {
            *count.entry(&l.label).or_default() += 1;
        }
        if count.len() >= 2 && count.values().any(|&c| c >= 2) {
            for l in &lines[i..j] {
                let mut z = Zone::new(l.start, l.end, ZoneKind::Dialogue, Certainty::Inferred);
                z.content = (l.content, l.end);
                out.push(z);
            }
        }
        i = j;
    }
}
