//! Zones found from runs of words without marks: English Title-Case runs (titles of works,
//! organisations' names) and dialogue lines.

use foldhash::HashMap;

use crate::document::Document;
use crate::lexicon::words::WordFreq;
use crate::text::segment::SENTENCE_STARTERS;
use crate::text::token_map::TokenMemo as NormMemo;
use crate::text::TokenKind;

use super::super::{Certainty, Zone, ZoneKind};
use super::{is_capitalised, is_punct};

/// A lower-case English word that joins the capitalised words of a title (House of Cards,
/// Made in Germany, Save the Children).
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "and"
            | "at"
            | "by"
            | "for"
            | "from"
            | "in"
            | "of"
            | "on"
            | "or"
            | "the"
            | "to"
            | "with"
    )
}

/// An English function word that German does not share (lower case): one of them in a run of
/// capitalised words, lower case or capitalised (Game Of Thrones), makes the run English.
/// `in`, `an`, `a` are German too.
fn is_english_only(w: &str) -> bool {
    matches!(
        w,
        "and" | "at" | "by" | "for" | "from" | "of" | "on" | "or" | "the" | "to" | "with"
    )
}

/// A token of a title run: a capitalised word, a connector, or `&`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Cap,
    Connector,
}

fn part(doc: &Document, t: usize) -> Option<Part> {
    if is_capitalised(doc, t) {
        return Some(Part::Cap);
    }
    let text = doc.text(t);
    // every connector is a short ASCII word
    let connector =
        text.len() <= 4 && ((doc.is_word(t) && is_connector(text)) || is_punct(doc, t, "&"));
    connector.then_some(Part::Connector)
}

/// What the frequency lexicon says about a word.
#[derive(Debug, Clone, Copy)]
struct English {
    /// At least as frequent in English as in German.
    english: bool,
    /// English and not German ([`WordFreq::is_english_not_german`]).
    only: bool,
}

/// The lexicon, asked once per distinct word of the document.
struct Lexicon<'d> {
    doc: &'d Document,
    lex: &'static WordFreq,
    english: NormMemo<'d, English>,
    german: NormMemo<'d, bool>,
}

impl Lexicon<'_> {
    /// Token `t` is an English word: one look-up for a word English does not know (most
    /// German words and names), two or three for the others.
    fn english(&mut self, t: usize) -> English {
        let lex = self.lex;
        self.english.get(t, |norm| {
            let english = lex
                .en_zipf(norm)
                .is_some_and(|en| en >= lex.de_zipf(norm).unwrap_or(lex.de_floor()));
            English {
                english,
                only: english && lex.is_english_not_german(norm),
            }
        })
    }

    /// Token `t` is German and more frequent in German than in English: at the edge of a
    /// run it is not part of an English title (Kampagne Save the Children).
    fn german(&mut self, t: usize) -> bool {
        let lex = self.lex;
        self.german.get(t, |norm| {
            lex.de_zipf(norm).is_some() && lex.english_margin(norm).is_none_or(|m| m < 0.0)
        })
    }
}

/// English Title-Case runs in the author's sentences, and quotations whose content is one.
pub(super) fn titles(doc: &Document, out: &mut Vec<Zone>) {
    let mut lex = Lexicon {
        doc,
        lex: WordFreq::builtin(),
        english: NormMemo::new(&doc.tokens),
        german: NormMemo::new(&doc.tokens),
    };
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
            // a capitalised sentence opener (Die, Im, Nach) is German
            let from = if t == sent.tok_start && SENTENCE_STARTERS.contains(&doc.text(t)) {
                t + 1
            } else {
                t
            };
            if let Some((s, e)) = english_run(&mut lex, from, u) {
                let z = Zone::new(
                    doc.tok(s).start,
                    doc.tok(e - 1).end,
                    ZoneKind::Title,
                    Certainty::Inferred,
                );
                out.push(z);
            }
            t = u;
        }
    }
    quoted_titles(&mut lex, out);
}

/// The English title inside the run of tokens `from..to` (capitalised words and
/// connectors), if the run holds one. The lexicon is asked only about runs of two or more
/// capitalised words that have an English function word or are all ASCII.
fn english_run(lex: &mut Lexicon<'_>, from: usize, to: usize) -> Option<(usize, usize)> {
    let doc = lex.doc;
    let is_cap = |t: usize| part(doc, t) == Some(Part::Cap);
    // two capitalised words at least
    (from..to).filter(|&t| is_cap(t)).nth(1)?;
    let marker = |t: usize| is_english_only(doc.norm(t)) || doc.text(t) == "&";
    if !(from..to).any(marker) {
        if !(from..to).all(|t| doc.text(t).is_ascii()) {
            return None;
        }
        // all English: every capitalised word is English (most German runs fail at the
        // first word), and one is not German
        let (s, e) = trim(from, to, |t| !is_cap(t));
        let all_english = (s..e).all(|t| !is_cap(t) || lex.english(t).english)
            && (s..e).any(|t| is_cap(t) && lex.english(t).only);
        return all_english.then_some((s, e));
    }
    // an English function word: German words at the edges are not part of the title
    // (or words with umlauts, which English titles do not have: Vermessungsbehörde Ordnance
    // Survey of Ireland)
    let (mut s, mut e) = trim(from, to, |t| !is_cap(t) || !doc.text(t).is_ascii());
    while s < e && (!is_cap(s) || !doc.text(s).is_ascii() || lex.german(s)) {
        s += 1;
    }
    while e > s && (!is_cap(e - 1) || !doc.text(e - 1).is_ascii() || lex.german(e - 1)) {
        e -= 1;
    }
    let caps = (s..e).filter(|&t| is_cap(t)).count();
    (caps >= 2 && (s..e).any(marker)).then_some((s, e))
}

/// `from..to` without the tokens at either edge for which `edge` holds.
fn trim(from: usize, to: usize, edge: impl Fn(usize) -> bool) -> (usize, usize) {
    let (mut s, mut e) = (from, to);
    while s < e && edge(s) {
        s += 1;
    }
    while e > s && edge(e - 1) {
        e -= 1;
    }
    (s, e)
}

/// The most words of a quoted title.
const MAX_TITLE_WORDS: usize = 10;

/// Quotations whose content is two or more words, all capitalised or connectors (Slide to
/// Unlock, The Gilded Age).
fn quoted_titles(lex: &mut Lexicon<'_>, out: &mut Vec<Zone>) {
    let doc = lex.doc;
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
        let english = title_case && english_run(lex, a, b).is_some();
        let german_title_case = title_case
            && (a..b).all(|t| part(doc, t) == Some(Part::Cap) || !is_connector(doc.norm(t)));
        if english || german_title_case {
            out.push(Zone::new(
                toks[a].start,
                toks[b - 1].end,
                ZoneKind::Title,
                Certainty::Inferred,
            ));
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
            line += doc.view[doc.tok(t - 1).end..doc.tok(t).start]
                .matches('\n')
                .count();
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
        let label = (t..colon)
            .map(|w| doc.norm(w))
            .collect::<Vec<_>>()
            .join(" ");
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
        let mut count: HashMap<&str, usize> = HashMap::default();
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
