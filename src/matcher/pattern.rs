//! The pattern language of the phrase tables (see `data/README.md`) and its matcher.
//!
//! A pattern compiles to a list of elements. Matching starts at an anchor token that matched
//! the first element (found by an Aho-Corasick automaton over all first elements of a table)
//! and verifies the rest token by token, with backtracking over optional tokens and gaps.

use std::sync::OnceLock;

use crate::document::Document;
use crate::text::token::{norm_hash, normalise, TokenKind};

/// How a word of a pattern is compared with a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Affix {
    /// The whole token.
    Exact,
    /// The token begins with the word (`tief*`).
    Prefix,
    /// The token ends with the word (`*entschädigung`).
    Suffix,
    /// The token contains the word (`*wilderung*`).
    Infix,
}

/// One alternative of a pattern element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alt {
    /// A word or punctuation mark.
    Word {
        /// NFC lower-case form.
        norm: String,
        /// As written in the pattern (for `case = exact`).
        raw: String,
        /// How it is compared.
        affix: Affix,
    },
    /// `#num`: a number.
    Num,
    /// `#cap`: a capitalised word.
    Cap,
}

/// An element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// One token matching any of the alternatives.
    Tok {
        /// The alternatives.
        alts: Vec<Alt>,
        /// The token may be absent.
        optional: bool,
    },
    /// 0 to N arbitrary tokens.
    Gap(usize),
}

/// How a pattern treats case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaseRule {
    /// Case is ignored.
    #[default]
    Any,
    /// Every word must have the case written in the pattern.
    Exact,
    /// The first word must start with a capital letter.
    Cap,
}

impl std::str::FromStr for CaseRule {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "" | "any" => Ok(CaseRule::Any),
            "exact" => Ok(CaseRule::Exact),
            "cap" => Ok(CaseRule::Cap),
            o => Err(format!(
                "unknown case rule `{o}` (expected any, exact or cap)"
            )),
        }
    }
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The elements; the first is always a non-optional word.
    pub elems: Vec<Elem>,
    /// First and last element of the reported part.
    pub mark: (usize, usize),
}

/// Patterns of at most this many elements are matched without allocating.
const INLINE_ELEMS: usize = 16;

/// The most elements a pattern may have (a hyphenated word counts its parts): a phrase is
/// a few words, and the matcher's work grows with the elements times the tokens they span.
pub const MAX_ELEMS: usize = 64;

/// The places (element, token) where the rest of a pattern is known not to match, so that
/// backtracking over optional tokens and gaps tries each place once: matching takes time in
/// proportion to elements × tokens spanned × gap length instead of growing exponentially
/// with the number of optional tokens and gaps. Allocated on the first failure, only for
/// patterns with two or more such elements (with fewer, no place is tried twice).
struct Failed {
    /// Tokens a match can span, plus one: the row length of the table.
    width: usize,
    /// One bit per (element, token offset from the anchor).
    bits: Vec<u64>,
    /// The pattern can backtrack into a place twice.
    used: bool,
}

impl Failed {
    fn new(p: &Pattern) -> Self {
        let branching = p
            .elems
            .iter()
            .filter(|e| matches!(e, Elem::Gap(_) | Elem::Tok { optional: true, .. }))
            .count();
        let width = p.offsets().last().map_or(0, |o| o.1) + 2;
        Failed {
            width,
            bits: Vec::new(),
            used: branching >= 2,
        }
    }

    /// The bit of a place (`None`: past the table, which a match never reaches).
    fn index(&self, e: usize, offset: usize) -> Option<usize> {
        (offset < self.width).then_some(e * self.width + offset)
    }

    fn known(&self, e: usize, offset: usize) -> bool {
        self.index(e, offset)
            .and_then(|i| self.bits.get(i / 64).map(|w| w & (1 << (i % 64)) != 0))
            .unwrap_or(false)
    }

    fn record(&mut self, e: usize, offset: usize) {
        let Some(i) = self.index(e, offset).filter(|_| self.used) else {
            return;
        };
        if self.bits.is_empty() {
            self.bits = vec![0; ((e.max(1) + 1) * self.width).div_ceil(64).max(1)];
        }
        if i / 64 >= self.bits.len() {
            self.bits.resize(i / 64 + 1, 0);
        }
        self.bits[i / 64] |= 1 << (i % 64);
    }
}

/// The order in which the anchor index reports the first-element words matching a token:
/// by where the word ends in the token, longer words first, then alternative order.
pub type AnchorRank = (usize, std::cmp::Reverse<usize>, usize);

/// A match of a pattern: token ranges of the whole match and of the reported part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PatMatch {
    /// First token of the match.
    pub tok_start: usize,
    /// One past the last token of the match.
    pub tok_end: usize,
    /// First token of the reported part.
    pub mark_start: usize,
    /// One past the last token of the reported part.
    pub mark_end: usize,
}

fn parse_alt(s: &str) -> Result<Alt, String> {
    match s {
        "#num" => return Ok(Alt::Num),
        "#cap" => return Ok(Alt::Cap),
        "" => return Err("empty alternative".into()),
        _ => {}
    }
    let (body, affix) = match (
        s.len() > 1 && s.starts_with('*'),
        s.len() > 1 && s.ends_with('*'),
    ) {
        (true, true) if s.len() > 2 => (&s[1..s.len() - 1], Affix::Infix),
        (true, false) => (&s[1..], Affix::Suffix),
        (false, true) => (&s[..s.len() - 1], Affix::Prefix),
        (true, true) => return Err(format!("`{s}` has no letters between its asterisks")),
        (false, false) => (s, Affix::Exact),
    };
    if body.contains('*') {
        return Err(format!(
            "`{s}`: `*` may only stand at the start or end of a word"
        ));
    }
    Ok(Alt::Word {
        norm: normalise(body),
        raw: match unicode_normalization::is_nfc_quick(body.chars()) {
            unicode_normalization::IsNormalized::Yes => body.to_string(),
            _ => unicode_normalization::UnicodeNormalization::nfc(body).collect(),
        },
        affix,
    })
}

/// Splits `Ultra-Licht*` into `Ultra`, `-`, `Licht*`; a lone `-` stays as it is.
fn split_hyphens(s: &str) -> Vec<&str> {
    if s == "-" || !s.contains('-') {
        return vec![s];
    }
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find('-') {
        if i > 0 {
            out.push(&rest[..i]);
        }
        out.push("-");
        rest = &rest[i + 1..];
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

impl Pattern {
    /// Compiles a pattern.
    pub fn parse(src: &str) -> Result<Pattern, String> {
        // an element per word, and one more per hyphen
        let hyphens = src.bytes().filter(|&b| b == b'-').count();
        let mut elems = Vec::with_capacity(src.split_whitespace().count() + 2 * hyphens);
        let mut mark_start = None;
        let mut mark_end = None;
        for raw in src.split_whitespace() {
            let mut item = raw;
            let open = item.starts_with('[') && item.len() > 1;
            if open {
                item = &item[1..];
                if mark_start.is_some() {
                    return Err("only one `[` … `]` part is allowed".into());
                }
                mark_start = Some(elems.len());
            }
            let close = item.ends_with(']') && item.len() > 1;
            if close {
                item = &item[..item.len() - 1];
            }
            if let Some(n) = item.strip_prefix("...") {
                let max = if n.is_empty() {
                    4
                } else {
                    n.parse::<usize>()
                        .map_err(|_| format!("bad gap `{item}`"))?
                };
                if max == 0 || max > 12 {
                    return Err(format!("gap `{item}` must be between 1 and 12"));
                }
                elems.push(Elem::Gap(max));
            } else {
                let optional = item.len() > 1 && item.ends_with('?');
                let body = if optional {
                    &item[..item.len() - 1]
                } else {
                    item
                };
                let parts = if body.contains('|') {
                    vec![body]
                } else {
                    split_hyphens(body)
                };
                if parts.len() > 1 && optional {
                    return Err(format!("`{item}`: a hyphenated word cannot be optional"));
                }
                if body.contains('|') && body.split('|').any(|a| a != "-" && a.contains('-')) {
                    return Err(format!(
                        "`{item}`: an alternative cannot contain a hyphen; write separate rows"
                    ));
                }
                for part in parts {
                    let alts = part
                        .split('|')
                        .map(parse_alt)
                        .collect::<Result<Vec<_>, _>>()?;
                    elems.push(Elem::Tok { alts, optional });
                }
            }
            if close {
                if mark_start.is_none() || mark_end.is_some() {
                    return Err("`]` without `[`".into());
                }
                mark_end = Some(elems.len() - 1);
            }
        }
        if elems.is_empty() {
            return Err("empty pattern".into());
        }
        if elems.len() > MAX_ELEMS {
            return Err(format!(
                "a pattern has at most {MAX_ELEMS} elements (words, gaps, hyphen parts); this one has {}",
                elems.len()
            ));
        }
        match &elems[0] {
            Elem::Tok {
                alts,
                optional: false,
            } if alts.iter().all(|a| matches!(a, Alt::Word { .. })) => {}
            _ => {
                return Err(
                    "the first element must be a word (not optional, a gap, #num or #cap)".into(),
                )
            }
        }
        if matches!(elems.last(), Some(Elem::Gap(_))) {
            return Err("a pattern cannot end with a gap".into());
        }
        let mark = match (mark_start, mark_end) {
            (None, None) => (0, elems.len() - 1),
            (Some(s), Some(e)) if s <= e => (s, e),
            _ => return Err("unbalanced `[` … `]`".into()),
        };
        Ok(Pattern { elems, mark })
    }

    /// The words of the first element, the anchors of the automaton.
    pub fn anchors(&self) -> Vec<(&str, Affix)> {
        match &self.elems[0] {
            Elem::Tok { alts, .. } => alts
                .iter()
                .filter_map(|a| match a {
                    Alt::Word { norm, affix, .. } => Some((norm.as_str(), *affix)),
                    _ => None,
                })
                .collect(),
            Elem::Gap(_) => Vec::new(),
        }
    }

    /// The words of element `e` when every match holds a token matching one of them there:
    /// a one-token element that is not optional and has only words (no `#num`, `#cap`, and no
    /// word that normalises to nothing, which a word index cannot hold). Such an element can
    /// stand in for the first one when looking for places where a match may start.
    pub fn required_words(&self, e: usize) -> Option<Vec<(&str, Affix)>> {
        match self.elems.get(e)? {
            Elem::Tok {
                alts,
                optional: false,
            } => alts
                .iter()
                .map(|a| match a {
                    Alt::Word { norm, affix, .. } if !norm.is_empty() => {
                        Some((norm.as_str(), *affix))
                    }
                    _ => None,
                })
                .collect(),
            _ => None,
        }
    }

    /// For every element, the fewest and the most tokens a match holds before it: a token
    /// element takes one token (an optional one none or one), a gap up to its length.
    pub fn offsets(&self) -> Vec<(usize, usize)> {
        let mut at = (0, 0);
        self.elems
            .iter()
            .map(|elem| {
                let here = at;
                let (lo, hi) = match elem {
                    Elem::Tok {
                        optional: false, ..
                    } => (1, 1),
                    Elem::Tok { optional: true, .. } => (0, 1),
                    Elem::Gap(max) => (0, *max),
                };
                at = (at.0 + lo, at.1 + hi);
                here
            })
            .collect()
    }

    /// Where the words of the first element that match token `t` end within the token, as
    /// the anchor index reports them: the smallest `(end, longer first, alternative)` of
    /// the matching alternatives (see `anchor::WordSet::each_match`), or `None` when no
    /// word of the first element matches (words that normalise to nothing never do).
    pub fn anchor_rank(&self, doc: &Document, t: usize) -> Option<AnchorRank> {
        let Elem::Tok { alts, .. } = &self.elems[0] else {
            return None;
        };
        if doc.tok(t).kind == TokenKind::Opaque {
            return None;
        }
        let hay = doc.norm(t);
        alts.iter()
            .enumerate()
            .filter_map(|(i, a)| {
                let Alt::Word { norm, affix, .. } = a else {
                    return None;
                };
                if norm.is_empty() {
                    return None;
                }
                let end = match affix {
                    Affix::Exact => (hay == norm).then_some(hay.len()),
                    Affix::Prefix => hay.starts_with(norm.as_str()).then_some(norm.len()),
                    Affix::Suffix => hay.ends_with(norm.as_str()).then_some(hay.len()),
                    Affix::Infix => hay.find(norm.as_str()).map(|s| s + norm.len()),
                }?;
                Some((end, std::cmp::Reverse(norm.len()), i))
            })
            .min()
    }

    /// Matches the pattern with its first element at token `at`, within tokens `..limit`.
    pub fn match_at(
        &self,
        doc: &Document,
        at: usize,
        limit: usize,
        case: CaseRule,
    ) -> Option<PatMatch> {
        if case == CaseRule::Cap && !doc.text(at).chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        // the token range of every element; on the stack for all but unusually long patterns
        let mut inline = [(at, at); INLINE_ELEMS];
        let mut heap = Vec::new();
        let spans = if self.elems.len() <= INLINE_ELEMS {
            &mut inline[..self.elems.len()]
        } else {
            heap.resize(self.elems.len(), (at, at));
            &mut heap[..]
        };
        let mut failed = Failed::new(self);
        let mut m = Matching {
            doc,
            at,
            limit,
            case,
            spans,
            failed: &mut failed,
        };
        let end = self.go(&mut m, 0, at)?;
        let (ms, me) = self.mark;
        let mark_start = (ms..=me)
            .map(|e| spans[e])
            .find(|s| s.1 > s.0)
            .map_or(at, |s| s.0);
        let mark_end = (ms..=me)
            .rev()
            .map(|e| spans[e])
            .find(|s| s.1 > s.0)
            .map_or(end, |s| s.1);
        Some(PatMatch {
            tok_start: at,
            tok_end: end,
            mark_start,
            mark_end,
        })
    }

    /// Matches elements `e..` from token `t`: the end of the first match in the order of
    /// preference (a token before no token, shorter gaps first), or `None`.
    fn go(&self, m: &mut Matching<'_, '_>, e: usize, t: usize) -> Option<usize> {
        let Some(elem) = self.elems.get(e) else {
            return Some(t);
        };
        if m.failed.known(e, t - m.at) {
            return None;
        }
        let end = match elem {
            Elem::Tok { alts, optional } => {
                let mut end = None;
                if t < m.limit && alts.iter().any(|a| alt_matches(m.doc, t, a, m.case)) {
                    m.spans[e] = (t, t + 1);
                    end = self.go(m, e + 1, t + 1);
                }
                if end.is_none() && *optional {
                    m.spans[e] = (t, t);
                    end = self.go(m, e + 1, t);
                }
                end
            }
            Elem::Gap(max) => {
                let mut end = None;
                let limit = m.limit;
                for k in (0..=*max).take_while(|k| t + k <= limit) {
                    m.spans[e] = (t, t + k);
                    end = self.go(m, e + 1, t + k);
                    if end.is_some() {
                        break;
                    }
                }
                end
            }
        };
        if end.is_none() {
            m.failed.record(e, t - m.at);
        }
        end
    }
}

/// What one call of [`Pattern::match_at`] carries through its backtracking.
struct Matching<'a, 'd> {
    doc: &'d Document,
    /// The anchor token.
    at: usize,
    limit: usize,
    case: CaseRule,
    /// The token range of every element.
    spans: &'a mut [(usize, usize)],
    failed: &'a mut Failed,
}

fn affix_matches(hay: &str, needle: &str, affix: Affix) -> bool {
    match affix {
        Affix::Exact => hay == needle,
        Affix::Prefix => hay.starts_with(needle),
        Affix::Suffix => hay.ends_with(needle),
        Affix::Infix => hay.contains(needle),
    }
}

/// Token `t` of `doc` matches one alternative.
pub fn alt_matches(doc: &Document, t: usize, alt: &Alt, case: CaseRule) -> bool {
    let tok = doc.tok(t);
    match alt {
        Alt::Num => tok.kind == TokenKind::Number,
        Alt::Cap => {
            tok.kind == TokenKind::Word
                && doc.text(t).chars().next().is_some_and(char::is_uppercase)
        }
        Alt::Word { norm, raw, affix } => {
            if tok.kind == TokenKind::Opaque || !affix_matches(doc.norm(t), norm, *affix) {
                return false;
            }
            case != CaseRule::Exact || affix_matches(doc.text(t), raw, *affix)
        }
    }
}

/// A one-token cue of a `context` or `exclude` column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue(pub Vec<Alt>);

impl Cue {
    /// Parses `CEO|Chef*`.
    pub fn parse(s: &str) -> Result<Cue, String> {
        let s = s.trim();
        if s.split_whitespace().count() != 1 {
            return Err(format!("cue `{s}` must be one token"));
        }
        Ok(Cue(s
            .split('|')
            .map(parse_alt)
            .collect::<Result<_, _>>()?))
    }

    /// Token `t` matches the cue.
    pub fn matches(&self, doc: &Document, t: usize) -> bool {
        self.0.iter().any(|a| alt_matches(doc, t, a, CaseRule::Any))
    }
}

/// The cues of a `context` or `exclude` column compiled for testing many tokens: whole
/// words by the hash every token carries (one comparison per word instead of a string
/// comparison), the rest as [`Cue::matches`] tests them. `matches` is true exactly when one
/// of the cues matches.
#[derive(Debug, Clone, Default)]
pub struct CueSet {
    /// Whole words with their [`norm_hash`], sorted by hash.
    exact: Vec<(u64, String)>,
    /// Prefixes, suffixes and infixes.
    affixed: Vec<(String, Affix)>,
    /// Some cue is `#num`.
    num: bool,
    /// Some cue is `#cap`.
    cap: bool,
}

impl CueSet {
    /// Compiles `cues`.
    pub fn new(cues: &[Cue]) -> Self {
        let mut set = CueSet::default();
        for alt in cues.iter().flat_map(|c| &c.0) {
            match alt {
                Alt::Word {
                    norm,
                    affix: Affix::Exact,
                    ..
                } => set.exact.push((norm_hash(norm.as_bytes()), norm.clone())),
                Alt::Word { norm, affix, .. } => set.affixed.push((norm.clone(), *affix)),
                Alt::Num => set.num = true,
                Alt::Cap => set.cap = true,
            }
        }
        set.exact.sort_unstable();
        set
    }

    /// Some cue is a class (`#num`, `#cap`), not a word.
    pub fn has_class(&self) -> bool {
        self.num || self.cap
    }

    /// Token `t` of `doc` matches one of the cues (as [`Cue::matches`]).
    pub fn matches(&self, doc: &Document, t: usize) -> bool {
        let kind = doc.tok(t).kind;
        if self.num && kind == TokenKind::Number {
            return true;
        }
        if self.cap
            && kind == TokenKind::Word
            && doc.text(t).chars().next().is_some_and(char::is_uppercase)
        {
            return true;
        }
        if kind == TokenKind::Opaque {
            return false;
        }
        let hash = doc.tokens.norm_hash(t);
        let from = self.exact.partition_point(|e| e.0 < hash);
        let same = self.exact[from..].iter().take_while(|e| e.0 == hash);
        if same.clone().next().is_some() || !self.affixed.is_empty() {
            let norm = doc.norm(t);
            same.into_iter().any(|e| e.1 == norm)
                || self
                    .affixed
                    .iter()
                    .any(|(w, affix)| affix_matches(norm, w, *affix))
        } else {
            false
        }
    }
}

/// Parses a `;`-separated list of cues.
pub fn parse_cues(s: &str) -> Result<Vec<Cue>, String> {
    s.split(';')
        .filter(|c| !c.trim().is_empty())
        .map(Cue::parse)
        .collect()
}

/// The cues of a `context` or `exclude` column, parsed when first used: most entries of a
/// table never match a text, and start-up should not pay for their cues.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    /// The column as written.
    src: Box<str>,
    /// The cues, once parsed.
    parsed: OnceLock<Vec<Cue>>,
}

impl Cues {
    /// Parses `s` now (see [`parse_cues`]).
    pub fn parse(s: &str) -> Result<Cues, String> {
        let cues = parse_cues(s)?;
        Ok(Cues {
            src: s.into(),
            parsed: OnceLock::from(cues),
        })
    }

    /// The cues of a column that has been validated (every cue parses, see
    /// `lexicon::validate`), parsed on first use.
    pub fn validated(s: &str) -> Cues {
        Cues {
            src: s.into(),
            parsed: OnceLock::new(),
        }
    }

    /// The cues (none where the column does not parse, which validation rules out).
    pub fn list(&self) -> &[Cue] {
        self.parsed
            .get_or_init(|| parse_cues(&self.src).unwrap_or_default())
    }

    /// There are no cues (without parsing them).
    pub fn is_empty(&self) -> bool {
        self.src.split(';').all(|c| c.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::SegmentMode;

    fn find(pat: &str, text: &str) -> Option<String> {
        let p = Pattern::parse(pat).unwrap();
        let doc = Document::plain(text.to_string(), 0, SegmentMode::Paragraphs);
        (0..doc.tokens.len()).find_map(|t| {
            let m = p.match_at(&doc, t, doc.tokens.len(), CaseRule::Any)?;
            let (s, e) = (doc.tok(m.mark_start).start, doc.tok(m.mark_end - 1).end);
            Some(doc.view[s..e].to_string())
        })
    }

    #[test]
    fn inflection_and_alternatives() {
        assert_eq!(
            find("tief* Tasche|Taschen", "seine tiefen Taschen"),
            Some("tiefen Taschen".into())
        );
        assert_eq!(find("tief* Tasche|Taschen", "tiefe Gräben"), None);
    }

    #[test]
    fn gaps_and_marks() {
        assert_eq!(
            find(
                "zog* ... [Vorhang] ... zurück",
                "zog Mark Zuckerberg den Vorhang auf X zurück"
            ),
            Some("Vorhang".into())
        );
        assert_eq!(
            find(
                "Interview* mit [den Informationen]",
                "Interview mit den Informationen"
            ),
            Some("den Informationen".into())
        );
    }

    #[test]
    fn numbers_hyphens_and_optionals() {
        assert_eq!(
            find("[Lama] #num -? Modell*", "Lama 4-Modells"),
            Some("Lama".into())
        );
        assert_eq!(
            find("[Lama] #num -? Modell*", "Lama 4 Modell"),
            Some("Lama".into())
        );
        assert_eq!(find("[Lama] #num -? Modell*", "Lama frisst"), None);
        assert_eq!(
            find("Ultra-Licht*", "Ultra-Licht-Strukturen"),
            Some("Ultra-Licht".into())
        );
    }

    #[test]
    fn suffix_and_infix() {
        assert_eq!(
            find("*entschädigung", "seine Aktienentschädigung"),
            Some("Aktienentschädigung".into())
        );
        assert_eq!(
            find("*wilderung*", "Kauf-oder Wilderungsstrategie"),
            Some("Wilderungsstrategie".into())
        );
    }

    #[test]
    fn many_optional_tokens_and_gaps_match_in_bounded_time() {
        // 30 optional tokens that all match, then a word that is missing: plain
        // backtracking tries 2^30 ways (minutes); with the failure table each place is tried once
        let optional = "a? ".repeat(30);
        let pat = format!("x {optional}zz");
        let text = format!("x {}", "a ".repeat(60));
        let start = std::time::Instant::now();
        assert_eq!(find(&pat, &text), None);
        let gaps = "... a ".repeat(5);
        assert_eq!(find(&format!("x {gaps}zz"), &text), None);
        assert_eq!(
            find(&format!("x {gaps}a"), &text).map(|s| s.len()),
            Some(2 + 2 * 6 - 1)
        );
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        let long = format!("x {}", "a ".repeat(MAX_ELEMS));
        assert!(Pattern::parse(&long).is_err());
    }

    #[test]
    fn rejects_bad_patterns() {
        assert!(Pattern::parse("#num Lama").is_err());
        assert!(Pattern::parse("Lama ...").is_err());
        assert!(Pattern::parse("[Lama").is_err());
        assert!(Pattern::parse("a*b").is_err());
        assert!(Pattern::parse("x ...20 y").is_err());
    }
}
