//! The zone detectors: each reads the document's tokens once and pushes what it finds.

mod quotes;
mod runs;

use crate::document::Document;
use crate::text::segment::SegmentMode;
use crate::text::TokenKind;

use super::{Certainty, Zone, ZoneKind};

/// Every zone of `doc`, unsorted.
pub(super) fn all(doc: &Document) -> Vec<Zone> {
    let mut out = Vec::new();
    opaque(doc, &mut out);
    quotes::marked(doc, &mut out);
    parentheses(doc, &mut out);
    quotes::stripped(doc, &mut out);
    runs::titles(doc, &mut out);
    citations(doc, &mut out);
    social(doc, &mut out);
    runs::dialogue(doc, &mut out);
    headings(doc, &mut out);
    out
}

/// The first character of token `t`.
fn first_char(doc: &Document, t: usize) -> Option<char> {
    doc.text(t).chars().next()
}

/// Token `t` is a word starting with a capital letter.
fn is_capitalised(doc: &Document, t: usize) -> bool {
    if !doc.is_word(t) {
        return false;
    }
    match doc.view.as_bytes()[doc.tok(t).start] {
        b if b.is_ascii() => b.is_ascii_uppercase(),
        _ => first_char(doc, t).is_some_and(char::is_uppercase),
    }
}

/// Token `t` is the punctuation mark `s`.
fn is_punct(doc: &Document, t: usize, s: &str) -> bool {
    doc.tok(t).kind == TokenKind::Punct && doc.text(t) == s
}

/// URLs, e-mail addresses, handles and hashtags: the tokenizer's opaque runs, and an `@`
/// glued to a word the tokenizer did not take for a handle (`Twitter@SebOgier`).
fn opaque(doc: &Document, out: &mut Vec<Zone>) {
    let n = doc.tokens.len();
    for t in 0..n {
        let tok = doc.tok(t);
        let text = doc.text(t);
        let kind = match tok.kind {
            TokenKind::Opaque if text.starts_with('@') => ZoneKind::Handle,
            TokenKind::Opaque if text.starts_with('#') => ZoneKind::Hashtag,
            TokenKind::Opaque if text.contains('@') && !text.contains('/') => ZoneKind::Email,
            TokenKind::Opaque => ZoneKind::Url,
            TokenKind::Punct
                if text == "@"
                    && t + 1 < n
                    && !doc.tok(t + 1).space_before
                    && doc.is_word(t + 1) =>
            {
                out.push(Zone::new(
                    tok.start,
                    doc.tok(t + 1).end,
                    ZoneKind::Handle,
                    Certainty::Marked,
                ));
                continue;
            }
            _ => continue,
        };
        out.push(Zone::new(tok.start, tok.end, kind, Certainty::Marked));
    }
}

/// Balanced `(…)` and `[…]` inside a segment.
fn parentheses(doc: &Document, out: &mut Vec<Zone>) {
    for seg in &doc.segments {
        let mut stack: Vec<(usize, char)> = Vec::new();
        for t in seg.tok_start..seg.tok_end {
            if doc.tok(t).kind != TokenKind::Punct {
                continue;
            }
            match doc.text(t) {
                "(" => stack.push((t, ')')),
                "[" => stack.push((t, ']')),
                s @ (")" | "]") => {
                    let close = s.chars().next().unwrap_or(')');
                    // an unmatched closer (a list item `a)`) leaves the open brackets alone
                    if let Some(pos) = stack.iter().rposition(|&(_, c)| c == close) {
                        let (open, _) = stack[pos];
                        stack.truncate(pos);
                        let (s, e) = (doc.tok(open).start, doc.tok(t).end);
                        let mut z = Zone::new(s, e, ZoneKind::Parenthesis, Certainty::Marked);
                        z.content = (doc.tok(open).end, doc.tok(t).start);
                        out.push(z);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Labels of a credit or source line (`Quelle: dpa`), lower case.
const CREDIT_LABELS: &[&str] = &[
    "bild",
    "bilder",
    "bildquelle",
    "credit",
    "credits",
    "foto",
    "fotos",
    "fotoquelle",
    "grafik",
    "photo",
    "quelle",
    "quellen",
    "source",
    "text",
    "video",
];

/// The most words a credit (`Quelle: dpa-AFX`, `Foto: Jean-Paul Pelissier (Reuters)`) runs
/// over before the text goes on without a full stop, as it does in scraped news.
const MAX_CREDIT_WORDS: usize = 4;

/// A German preposition, conjunction or sentence adverb: capitalised after a credit, it
/// opens the next sentence (Quelle: dpa-AFX Trotz Christi Himmelfahrt …).
fn is_function_word(norm: &str) -> bool {
    matches!(
        norm,
        "trotz"
            | "zudem"
            | "und"
            | "aber"
            | "doch"
            | "auch"
            | "nach"
            | "vor"
            | "mit"
            | "bei"
            | "seit"
            | "wegen"
            | "während"
            | "laut"
            | "als"
            | "wie"
            | "wenn"
            | "nun"
            | "jetzt"
            | "heute"
            | "gestern"
            | "am"
            | "im"
            | "in"
            | "an"
            | "auf"
            | "für"
            | "bis"
            | "zwei"
            | "drei"
            | "ein"
            | "eine"
            | "einer"
            | "der"
            | "die"
            | "das"
            | "so"
            | "da"
            | "dort"
            | "hier"
            | "schon"
            | "noch"
            | "immer"
            | "erst"
            | "bereits"
            | "damit"
            | "dabei"
    )
}

/// Credit lines (`Quelle: dpa-AFX`, `Foto: KPA`) and `Abstract …:` lines, at a sentence start.
fn citations(doc: &Document, out: &mut Vec<Zone>) {
    for sent in &doc.sentences {
        let t = sent.tok_start;
        if t + 1 >= sent.tok_end || !is_capitalised(doc, t) {
            continue;
        }
        if doc.text(t) == "Abstract" {
            let colon = (t + 1..sent.tok_end.min(t + 6)).find(|&c| is_punct(doc, c, ":"));
            if colon.is_some() {
                let seg = &doc.segments[sent.segment];
                let z = Zone::new(
                    doc.tok(t).start,
                    doc.tok(seg.tok_end - 1).end,
                    ZoneKind::Citation,
                    Certainty::Marked,
                );
                out.push(z);
            }
            continue;
        }
        if !(t + 1 < sent.tok_end
            && is_punct(doc, t + 1, ":")
            && CREDIT_LABELS.contains(&doc.norm(t)))
        {
            continue;
        }
        let mut end = t + 1;
        let mut words = 0;
        let mut u = t + 2;
        while u < sent.tok_end && words < MAX_CREDIT_WORDS {
            let text = doc.text(u);
            if doc.is_word(u) {
                let lower = first_char(doc, u).is_some_and(char::is_lowercase);
                let glued_on = u + 1 < sent.tok_end && !doc.tok(u + 1).space_before;
                // a capitalised word before a lower-case one, or before a pronoun, opens
                // the next sentence (Foto: Peter Steffen Zudem war …)
                let next_opens = u + 1 < sent.tok_end
                    && doc.is_word(u + 1)
                    && (first_char(doc, u + 1).is_some_and(char::is_lowercase)
                        || matches!(doc.text(u + 1), "Sie" | "Er" | "Es" | "Wir" | "Ich"));
                if crate::text::segment::SENTENCE_STARTERS.contains(&text)
                    || is_function_word(doc.norm(u))
                    || (lower && text.chars().count() > 3 && !glued_on)
                    || (!lower && next_opens && words > 0)
                {
                    break;
                }
                words += 1;
            } else if !matches!(text, "-" | "/" | "(" | ")" | "&" | "." | ",")
                && doc.tok(u).kind != TokenKind::Number
            {
                break;
            }
            end = u;
            u += 1;
        }
        out.push(Zone::new(
            doc.tok(t).start,
            doc.tok(end).end,
            ZoneKind::Citation,
            Certainty::Marked,
        ));
    }
}

/// Month names (German and English) that may follow a tweet signature's handle.
const MONTHS: &[&str] = &[
    "jan",
    "januar",
    "january",
    "feb",
    "februar",
    "february",
    "mär",
    "märz",
    "mar",
    "march",
    "apr",
    "april",
    "mai",
    "may",
    "jun",
    "juni",
    "june",
    "jul",
    "juli",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "okt",
    "oktober",
    "oct",
    "october",
    "nov",
    "november",
    "dez",
    "dezember",
    "dec",
    "december",
];

/// Embedded posts: `pic.twitter.com/…` links, and the signature `— Name (@handle) Date` with
/// the sentence it closes.
fn social(doc: &Document, out: &mut Vec<Zone>) {
    for (si, sent) in doc.sentences.iter().enumerate() {
        for t in sent.tok_start..sent.tok_end {
            let tok = doc.tok(t);
            if tok.kind != TokenKind::Opaque {
                continue;
            }
            let text = doc.text(t);
            if text.contains("pic.twitter.com") || text.contains("twitter.com/") {
                out.push(Zone::new(
                    tok.start,
                    tok.end,
                    ZoneKind::Social,
                    Certainty::Marked,
                ));
                continue;
            }
            let signed = text.starts_with('@')
                && t > sent.tok_start
                && is_punct(doc, t - 1, "(")
                && t + 1 < sent.tok_end
                && is_punct(doc, t + 1, ")");
            if !signed {
                continue;
            }
            let lo = t.saturating_sub(10).max(sent.tok_start);
            let Some(dash) = (lo..t - 1)
                .rev()
                .find(|&d| matches!(doc.text(d), "—" | "–" | "-") && doc.tok(d).space_before)
            else {
                continue;
            };
            // the date after the handle: numbers, month names, commas
            let mut end = t + 1;
            let seg_end = doc.segments[sent.segment].tok_end;
            while end + 1 < seg_end
                && end < t + 7
                && (doc.tok(end + 1).kind == TokenKind::Number
                    || matches!(doc.text(end + 1), "," | ".")
                    || MONTHS.contains(&doc.norm(end + 1)))
            {
                end += 1;
            }
            // the post is the sentence the dash stands in (or the one before, if only the
            // dash or a picture link stands before it in its sentence)
            let only_links = (sent.tok_start..dash).all(|u| doc.tok(u).kind == TokenKind::Opaque);
            let from = if only_links && si > 0 {
                doc.sentences[si - 1].tok_start
            } else {
                sent.tok_start
            };
            let z = Zone::new(
                doc.tok(from).start,
                doc.tok(end).end,
                ZoneKind::Social,
                Certainty::Marked,
            );
            out.push(z);
        }
    }
}

/// Sentence-final marks: a segment ending in one of them is not a headline.
fn ends_sentence(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | ":" | ";" | "," | "?!" | "!?") || s.starts_with("..")
}

/// Closing quotation marks and brackets that may stand after the final mark.
fn is_closer(s: &str) -> bool {
    matches!(
        s,
        "“" | "”" | "\"" | "«" | "»" | "‘" | "’" | "'" | ")" | "]" | "‹" | "›"
    )
}

/// The most words of a headline.
const MAX_HEADLINE_WORDS: usize = 15;

/// Lower-case words a heading run into a paragraph may hold (articles, prepositions,
/// conjunctions): any other lower-case word is likely a verb, and then it is text.
const HEADING_LOWER: &[&str] = &[
    "und", "oder", "der", "die", "das", "des", "dem", "den", "im", "in", "für", "von", "vom",
    "mit", "am", "als", "zum", "zur", "auf", "an", "aus", "bei", "nach", "über", "unter", "vor",
    "ohne", "gegen", "&",
];

/// Headlines (short segments without final punctuation) and, in paragraphs, short verbless
/// lines between a sentence end and a capitalised line (as `run-in-heading` finds them).
fn headings(doc: &Document, out: &mut Vec<Zone>) {
    for seg in &doc.segments {
        let last = (seg.tok_start..seg.tok_end)
            .rev()
            .find(|&t| !is_closer(doc.text(t)))
            .unwrap_or(seg.tok_start);
        let words = (seg.tok_start..seg.tok_end)
            .filter(|&t| matches!(doc.tok(t).kind, TokenKind::Word | TokenKind::Number))
            .count();
        let one_line = doc.mode == SegmentMode::Lines
            || !(seg.tok_start + 1..seg.tok_end).any(|t| doc.tok(t).newline_before);
        let starts_upper =
            first_char(doc, seg.tok_start).is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if one_line
            && starts_upper
            && !personal(doc, seg.tok_start, seg.tok_end)
            && (1..=MAX_HEADLINE_WORDS).contains(&words)
            && !ends_sentence(doc.text(last))
        {
            let z = Zone::new(
                doc.tok(seg.tok_start).start,
                doc.tok(seg.tok_end - 1).end,
                ZoneKind::Heading,
                Certainty::Inferred,
            );
            out.push(z);
        } else if !one_line {
            run_in_headings(doc, seg.tok_start, seg.tok_end, out);
        }
    }
}

/// The tokens `from..to` hold a first- or second-person pronoun: a chat message or a
/// sentence that lost its full stop, not a headline (headlines speak in the third person).
fn personal(doc: &Document, from: usize, to: usize) -> bool {
    (from..to).any(|t| {
        matches!(
            doc.norm(t),
            "ich"
                | "mir"
                | "mich"
                | "du"
                | "dir"
                | "dich"
                | "wir"
                | "uns"
                | "euch"
                | "ihr"
                | "mein"
                | "meine"
                | "dein"
                | "deine"
                | "unser"
                | "unsere"
                | "euer"
                | "eure"
        )
    })
}

/// Whole lines of a multi-line paragraph that are headings run into the text.
fn run_in_headings(doc: &Document, from: usize, to: usize, out: &mut Vec<Zone>) {
    let mut line_start = from;
    while line_start < to {
        let line_end = (line_start + 1..to)
            .find(|&t| doc.tok(t).newline_before)
            .unwrap_or(to);
        let after_end = line_start == from || ends_sentence(doc.text(line_start - 1));
        let next_upper = line_end < to && is_capitalised(doc, line_end);
        let words: Vec<usize> = (line_start..line_end).filter(|&t| doc.is_word(t)).collect();
        let only_words = (line_start..line_end).all(|t| doc.is_word(t) || doc.text(t) == "-");
        let verbless = words.iter().all(|&t| {
            !first_char(doc, t).is_some_and(char::is_lowercase)
                || HEADING_LOWER.contains(&doc.text(t))
        });
        if after_end
            && next_upper
            && only_words
            && verbless
            && (1..=8).contains(&words.len())
            && is_capitalised(doc, line_start)
        {
            out.push(Zone::new(
                doc.tok(line_start).start,
                doc.tok(line_end - 1).end,
                ZoneKind::Heading,
                Certainty::Inferred,
            ));
        }
        line_start = line_end;
    }
}
