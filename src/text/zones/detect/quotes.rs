//! Quotations: marked in any house style (and in the broken styles machine translation
//! leaves), and unmarked after a speech verb and a colon.

use crate::document::Document;
use crate::text::segment::Segment;
use crate::text::TokenKind;

use super::super::{Certainty, Zone, ZoneKind};
use super::{first_char, is_punct};

/// A quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// „
    Low,
    /// “
    LeftDouble,
    /// ”
    RightDouble,
    /// "
    Straight,
    /// »
    GuillemetRight,
    /// «
    GuillemetLeft,
    /// ‚
    LowSingle,
    /// ‘
    LeftSingle,
    /// ’
    RightSingle,
    /// '
    StraightSingle,
    /// ›
    SingleRight,
    /// ‹
    SingleLeft,
    /// `` (two tokens)
    Backticks,
    /// '' (two tokens)
    TwoApostrophes,
}

use Mark::*;

impl Mark {
    /// A single (not double) quotation mark: these double as apostrophes, so a single
    /// quotation counts only when it is closed.
    fn is_single(self) -> bool {
        matches!(
            self,
            LowSingle | LeftSingle | RightSingle | StraightSingle | SingleRight | SingleLeft
        )
    }

    fn can_open(self) -> bool {
        !matches!(self, TwoApostrophes | RightSingle)
    }

    fn can_close(self) -> bool {
        !matches!(self, Low | LowSingle | Backticks)
    }

    /// `self`, having opened a quotation, is closed by `close`.
    fn closed_by(self, close: Mark) -> bool {
        match self {
            Low | Straight | Backticks => {
                matches!(close, LeftDouble | RightDouble | Straight | TwoApostrophes)
            }
            LeftDouble | RightDouble => matches!(close, LeftDouble | RightDouble | Straight),
            GuillemetRight => close == GuillemetLeft,
            GuillemetLeft => close == GuillemetRight,
            LowSingle | LeftSingle => matches!(close, LeftSingle | RightSingle | StraightSingle),
            StraightSingle => matches!(close, StraightSingle | RightSingle),
            SingleRight => close == SingleLeft,
            SingleLeft => close == SingleRight,
            RightSingle | TwoApostrophes => false,
        }
    }
}

/// The mark at token `t` and the number of tokens it spans.
fn mark_at(doc: &Document, t: usize, end: usize) -> Option<(Mark, usize)> {
    if doc.tok(t).kind != TokenKind::Punct {
        return None;
    }
    let pair = |s: &str| t + 1 < end && !doc.tok(t + 1).space_before && doc.text(t + 1) == s;
    let m = match doc.text(t) {
        "„" => Low,
        "“" => LeftDouble,
        "”" => RightDouble,
        "\"" => Straight,
        "»" => GuillemetRight,
        "«" => GuillemetLeft,
        "‚" => LowSingle,
        "‘" => LeftSingle,
        "’" => RightSingle,
        "`" if pair("`") => return Some((Backticks, 2)),
        "'" if pair("'") => return Some((TwoApostrophes, 2)),
        "'" => StraightSingle,
        "›" => SingleRight,
        "‹" => SingleLeft,
        _ => return None,
    };
    Some((m, 1))
}

/// An open quotation on the scanner's stack.
#[derive(Debug, Clone, Copy)]
struct Open {
    mark: Mark,
    /// Its first token.
    tok: usize,
    /// One past its last token.
    after: usize,
}

/// The scan of one segment.
struct Scan<'d> {
    doc: &'d Document,
    seg: Segment,
    stack: Vec<Open>,
    /// End byte of the last quotation closed at depth 0: an orphan closing mark starts its
    /// quotation after it.
    last_end: usize,
    out: &'d mut Vec<Zone>,
}

impl Scan<'_> {
    fn is_wordish(&self, t: usize) -> bool {
        matches!(self.doc.tok(t).kind, TokenKind::Word | TokenKind::Number)
    }

    fn push(&mut self, start: usize, end: usize, content: (usize, usize), c: Certainty) {
        if start >= end {
            return;
        }
        let mut z = Zone::new(start, end, ZoneKind::Quotation, c);
        z.content = content;
        if self.stack.is_empty() {
            self.last_end = self.last_end.max(end);
        }
        self.out.push(z);
    }

    /// A quotation left open ends (without its closing mark) at byte `end`: a double one
    /// becomes an unbalanced zone, a single one is dropped (it was likely an apostrophe).
    fn abandon(&mut self, open: Open, end: usize) {
        if open.mark.is_single() {
            return;
        }
        let start = self.doc.tok(open.tok).start;
        let from = self.doc.tok(open.after - 1).end;
        let end = self.doc.view[..end].trim_end().len().max(from);
        self.push(start, end, (from, end), Certainty::Unbalanced);
    }

    /// Handles the mark `m` spanning tokens `t..after`.
    fn mark(&mut self, m: Mark, t: usize, after: usize) {
        let doc = self.doc;
        let before_glued = t > self.seg.tok_start && !doc.tok(t).space_before;
        let after_glued = after < self.seg.tok_end && !doc.tok(after).space_before;
        let word_before = before_glued && self.is_wordish(t - 1);
        let word_after = after_glued && self.is_wordish(after);
        // inside a word (China‘s, O'Mahony): no quotation
        if word_before && word_after {
            return;
        }
        let straight = matches!(m, Straight | StraightSingle);
        let after_number = before_glued && doc.tok(t - 1).kind == TokenKind::Number;
        if straight && after_number && !self.stack.iter().any(|o| o.mark.closed_by(m)) {
            return; // 12" or 5'
        }
        // text glued before the mark (a word, a full stop) makes it a closing mark, text
        // glued after it (a word, an opening bracket) an opening one; `/` or `(` before a
        // mark and `,` or `.` after it do not count
        let text_before = before_glued && !matches!(doc.text(t - 1), "(" | "[" | "/" | "-" | "–");
        let text_after = after_glued
            && (self.is_wordish(after) || matches!(doc.text(after), "(" | "[" | "…" | "‚" | "'"));
        let closing_pos = text_before || !text_after;
        let opening_pos = text_after || !text_before;
        if m.can_close() && closing_pos {
            if let Some(pos) = self.stack.iter().rposition(|o| o.mark.closed_by(m)) {
                let start_byte = doc.tok(t).start;
                while self.stack.len() > pos + 1 {
                    if let Some(inner) = self.stack.pop() {
                        self.abandon(inner, start_byte);
                    }
                }
                if let Some(open) = self.stack.pop() {
                    let (s, from) = (doc.tok(open.tok).start, doc.tok(open.after - 1).end);
                    let end = doc.tok(after - 1).end;
                    self.push(s, end, (from, start_byte), Certainty::Marked);
                }
                return;
            }
        }
        let guillemet = matches!(m, GuillemetLeft | GuillemetRight | SingleLeft | SingleRight);
        let straight_single_ok = m != StraightSingle || (word_after && !text_before);
        let spaced_guillemet = guillemet && !text_before && !text_after;
        if m.can_open() && opening_pos && straight_single_ok && !spaced_guillemet {
            // „a „b: the first quotation lost its closing mark
            if let Some(&top) = self.stack.last() {
                if top.mark == m && !m.closed_by(m) {
                    self.stack.pop();
                    self.abandon(top, doc.tok(t).start);
                }
            }
            self.stack.push(Open {
                mark: m,
                tok: t,
                after,
            });
            return;
        }
        if m.can_close() && !m.is_single() && !guillemet && self.stack.is_empty() && closing_pos {
            // a closing mark whose opening mark is in an earlier segment (or lost)
            let start = self.last_end.max(self.seg.start);
            let start = start + doc.view[start..].len() - doc.view[start..].trim_start().len();
            let end = doc.tok(after - 1).end;
            self.push(start, end, (start, doc.tok(t).start), Certainty::Unbalanced);
        }
    }
}

/// Quotations between marks, segment by segment.
pub(super) fn marked(doc: &Document, out: &mut Vec<Zone>) {
    for seg in &doc.segments {
        let mut scan = Scan {
            doc,
            seg: *seg,
            stack: Vec::new(),
            last_end: seg.start,
            out,
        };
        let mut t = seg.tok_start;
        while t < seg.tok_end {
            match mark_at(doc, t, seg.tok_end) {
                Some((m, len)) => {
                    scan.mark(m, t, t + len);
                    t += len;
                }
                None => t += 1,
            }
        }
        while let Some(open) = scan.stack.pop() {
            scan.abandon(open, seg.end);
        }
    }
}

/// Verbs of saying whose colon introduces a quotation (past and present forms), lower case.
const SPEECH_VERBS: &[&str] = &[
    "antwortet",
    "antwortete",
    "betont",
    "betonte",
    "entgegnete",
    "erklärt",
    "erklärte",
    "erklärten",
    "erwiderte",
    "fragt",
    "fragte",
    "heißt",
    "hieß",
    "kommentierte",
    "lautet",
    "lautete",
    "meint",
    "meinte",
    "postete",
    "rief",
    "ruft",
    "sagt",
    "sagte",
    "sagten",
    "schreibt",
    "schrieb",
    "schrieben",
    "twittert",
    "twitterte",
    "twitterten",
    "verkündete",
    "warnt",
    "warnte",
    "zitiert",
];

/// The most tokens between a speech verb and its colon (`twitterte am Sonntag:`).
const VERB_TO_COLON: usize = 6;

/// Unmarked quotations: after a speech verb and a colon (`Die Innenministerin twitterte am
/// Sonntag: Die antisemitischen …`), to the end of that sentence only. The words after the
/// colon must start with a capital and must not open with a quotation mark (then the
/// marked scan has it).
pub(super) fn stripped(doc: &Document, out: &mut Vec<Zone>) {
    for sent in &doc.sentences {
        for c in sent.tok_start + 1..sent.tok_end.saturating_sub(2) {
            if !is_punct(doc, c, ":") {
                continue;
            }
            let next = c + 1;
            if !doc.is_word(next) || !first_char(doc, next).is_some_and(char::is_uppercase) {
                continue;
            }
            let lo = c.saturating_sub(VERB_TO_COLON).max(sent.tok_start);
            let verb = (lo..c)
                .rev()
                .take_while(|&v| !is_punct(doc, v, ","))
                .any(|v| SPEECH_VERBS.contains(&doc.norm(v)));
            if verb {
                let (s, e) = (doc.tok(next).start, doc.tok(sent.tok_end - 1).end);
                out.push(Zone::new(s, e, ZoneKind::Quotation, Certainty::Inferred));
                break;
            }
        }
    }
}
