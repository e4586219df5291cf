//! Typography rules, and the quotation-mark scanner they share.
//!
//! German quotes open with „ and close with “ (or use »…«). Machine translation copies the
//! English ” and “, turns them around and glues them to words. The scanner assigns each
//! double quotation mark of a segment the role it plays (opening or closing) from its
//! position and from whether a quotation is open, so that the rules can judge its form.

pub mod dash_spacing;
pub mod hyphen_as_dash;
pub mod missing_hyphen;
pub mod percent_spacing;
pub mod punctuation_spacing;
pub mod quote_direction;
pub mod quote_spacing;
pub mod suspended_hyphen;
pub mod unclosed_quote;

use serde::Deserialize;

use crate::document::Document;
use crate::text::segment::{Segment, SegmentMode};
use crate::text::TokenKind;

/// The house style of double quotation marks, set in `mtcheck.toml` (`[style] quotes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum QuoteStyle {
    /// Judged from the text: German „…“ where the text uses „, English marks are accepted in a
    /// text that consistently uses them.
    #[default]
    Auto,
    /// „…“
    German,
    /// »…«
    Guillemets,
    /// «…»
    Swiss,
    /// "…"
    Straight,
}

impl QuoteStyle {
    /// The opening and closing mark of a fixed style; `None` for `Auto`.
    pub fn marks(self) -> Option<(char, char)> {
        match self {
            QuoteStyle::Auto => None,
            QuoteStyle::German => Some(('„', '“')),
            QuoteStyle::Guillemets => Some(('»', '«')),
            QuoteStyle::Swiss => Some(('«', '»')),
            QuoteStyle::Straight => Some(('"', '"')),
        }
    }

    /// The lower-case name, as written in `mtcheck.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteStyle::Auto => "auto",
            QuoteStyle::German => "german",
            QuoteStyle::Guillemets => "guillemets",
            QuoteStyle::Swiss => "swiss",
            QuoteStyle::Straight => "straight",
        }
    }
}

/// The role of a quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// It opens a quotation.
    Open,
    /// It closes one.
    Close,
}

/// A double quotation mark with its role.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quote {
    /// Token index.
    pub tok: usize,
    /// The mark.
    pub ch: char,
    /// Its role.
    pub role: Role,
    /// An opening mark that was never closed in its segment.
    pub unclosed: bool,
}

fn mark(doc: &Document, t: usize) -> Option<char> {
    if doc.tok(t).kind != TokenKind::Punct || mojibake(doc, t) {
        return None;
    }
    let mut c = doc.text(t).chars();
    match (c.next(), c.next()) {
        (Some(ch @ ('„' | '“' | '”' | '"')), None) => Some(ch),
        _ => None,
    }
}

/// Token `t` is a byte of a character that was decoded as Windows-1252 instead of UTF-8
/// (mojibake): a „ glued after â (â„¢ for ™, â„– for №) is no quotation mark.
fn mojibake(doc: &Document, t: usize) -> bool {
    let tok = doc.tok(t);
    !tok.space_before && doc.view[..tok.start].ends_with('â')
}

fn is_wordish(doc: &Document, t: usize) -> bool {
    matches!(doc.tok(t).kind, TokenKind::Word | TokenKind::Number)
}

/// Token `t` has a word (or number) glued directly after it.
pub(crate) fn glued_after(doc: &Document, t: usize, seg: &Segment) -> bool {
    t + 1 < seg.tok_end && !doc.tok(t + 1).space_before && is_wordish(doc, t + 1)
}

/// Token `t` is glued to the token before it.
pub(crate) fn glued_before(doc: &Document, t: usize, seg: &Segment) -> bool {
    t > seg.tok_start && !doc.tok(t).space_before
}

/// The double quotation marks of a segment with their roles.
pub(crate) fn scan(doc: &Document, seg: &Segment) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    // the open quotations, innermost last, each with whether its mark opens words of its own
    let mut open: Vec<(usize, bool)> = Vec::new();
    // the quotations that had a quotation nested in them
    let mut outer: Vec<usize> = Vec::new();
    for t in seg.tok_start..seg.tok_end {
        let Some(ch) = mark(doc, t) else { continue };
        let after = glued_after(doc, t, seg);
        let before = glued_before(doc, t, seg);
        let role = match (ch, !open.is_empty()) {
            ('„', _) => Role::Open,
            (_, false) if after || !before => Role::Open,
            (_, false) => Role::Close,
            (_, true) if before || !after => Role::Close,
            (_, true) => Role::Open,
        };
        match role {
            // „Die Regierung sagt, „wir hoffen“.“: a „ that opens words of its own (glued to
            // the word after it, free of the one before) inside an open quotation nests a
            // quotation in the same marks, a common house style, when the open quotation's
            // mark was such a mark too and opened the same sentence; any other second
            // opening mark means the first quotation was never closed („unterzeichnetes „ und
            // „endgültiges“; „Kommen Sie. … Sie wählten „Kaufen“.)
            Role::Open
                if ch == '„'
                    && after
                    && !before
                    && open.last().is_none_or(|&(o, own)| {
                        own && doc.sentence_of(out[o].tok) == doc.sentence_of(t)
                    }) =>
            {
                if let Some(&(o, _)) = open.last() {
                    outer.push(o);
                }
                open.push((out.len(), true))
            }
            Role::Open => {
                if let Some((prev, _)) = open.pop() {
                    out[prev].unclosed = true;
                }
                open.push((out.len(), after && !before));
            }
            Role::Close => {
                open.pop();
            }
        }
        out.push(Quote {
            tok: t,
            ch,
            role,
            unclosed: false,
        });
    }
    // In line mode a line is one sentence, and quotations in news often run over several
    // sentences: only a paragraph's end proves that a quotation was never closed (the
    // outermost one: an inner quotation ends with it). A quotation with one nested in it
    // must close in its own segment, else the nested „ was a second opening after all
    // („Die Regierung sagt: „Wir hoffen“.).
    if let (Some(&(first, _)), SegmentMode::Paragraphs) = (open.first(), doc.mode) {
        out[first].unclosed = true;
    }
    for (o, _) in open {
        if outer.contains(&o) {
            out[o].unclosed = true;
        }
    }
    out
}

/// Whether the text around a segment quotes German style: it has at least one „. In line
/// mode every line is its own text; otherwise the whole document decides, and the document
/// is searched once, not once per segment (a file of many paragraphs without „ was
/// searched whole for each of them).
pub(crate) struct GermanStyle {
    /// The document has a „ (paragraphs mode; `None` in line mode).
    document: Option<bool>,
}

impl GermanStyle {
    /// The style of `doc`'s segments.
    pub(crate) fn new(doc: &Document) -> Self {
        GermanStyle {
            document: match doc.mode {
                SegmentMode::Lines => None,
                SegmentMode::Paragraphs => Some(doc.view.contains('„')),
            },
        }
    }

    /// The text around `seg` quotes German style.
    pub(crate) fn of(&self, doc: &Document, seg: &Segment) -> bool {
        self.document
            .unwrap_or_else(|| doc.view[seg.start..seg.end].contains('„'))
    }
}

/// The right mark for a role in the document's style.
pub(crate) fn proper(role: Role, german: bool) -> char {
    match (role, german) {
        (Role::Open, true) => '„',
        (Role::Close, true) => '“',
        (Role::Open, false) => '“',
        (Role::Close, false) => '”',
    }
}

/// For every token of `doc`: it stands inside a quotation (between an opening and its closing
/// mark, or after an opening mark that is never closed in its segment).
pub(crate) fn quoted_tokens(doc: &Document) -> Vec<bool> {
    let mut inside = vec![false; doc.tokens.len()];
    for seg in &doc.segments {
        let mut open: Option<usize> = None;
        for q in scan(doc, seg) {
            match (q.role, open) {
                (Role::Open, _) => open = Some(q.tok + 1),
                (Role::Close, Some(start)) => {
                    inside[start..q.tok].iter_mut().for_each(|s| *s = true);
                    open = None;
                }
                (Role::Close, None) => {}
            }
        }
        if let Some(start) = open {
            inside[start..seg.tok_end]
                .iter_mut()
                .for_each(|s| *s = true);
        }
    }
    inside
}
