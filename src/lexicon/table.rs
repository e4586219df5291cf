//! A compiled phrase table: entries with patterns and context cues, anchored by one
//! Aho-Corasick automaton over the first word of every pattern.

use aho_corasick::AhoCorasick;

use super::pattern::{Affix, CaseRule, Cue, PatMatch, Pattern};
use crate::document::Document;
use crate::text::TokenKind;

/// A pattern with its context conditions and the data a rule reports.
#[derive(Debug, Clone)]
pub struct Entry<T> {
    /// The pattern.
    pub pattern: Pattern,
    /// At least one must occur within `window` tokens (empty: no condition).
    pub context: Vec<Cue>,
    /// None may occur in the same segment.
    pub exclude: Vec<Cue>,
    /// Tokens on each side searched for `context`.
    pub window: usize,
    /// Case handling.
    pub case: CaseRule,
    /// What the rule reports.
    pub data: T,
}

/// A match of an entry.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a, T> {
    /// The entry.
    pub entry: &'a Entry<T>,
    /// Token ranges.
    pub m: PatMatch,
}

/// The compiled table.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    entries: Vec<Entry<T>>,
    ac: Option<AhoCorasick>,
    /// For every automaton pattern: (entry index, affix).
    anchors: Vec<(usize, Affix)>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            entries: Vec::new(),
            ac: None,
            anchors: Vec::new(),
        }
    }
}

impl<T> PhraseTable<T> {
    /// Compiles the entries.
    pub fn new(entries: Vec<Entry<T>>) -> Self {
        let mut words = Vec::new();
        let mut anchors = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for (w, affix) in e.pattern.anchors() {
                words.push(w.to_string());
                anchors.push((i, affix));
            }
        }
        let ac =
            (!words.is_empty()).then(|| AhoCorasick::new(&words).expect("anchor automaton builds"));
        PhraseTable {
            entries,
            ac,
            anchors,
        }
    }

    /// The entries.
    pub fn entries(&self) -> &[Entry<T>] {
        &self.entries
    }

    /// Every match in `doc`, left to right; overlapping matches resolved leftmost-longest.
    ///
    /// The anchor automaton runs once over the document's normalised token stream (the
    /// forms are separated, so no anchor matches across tokens) rather than once per token.
    /// Matches come out ordered by end, that is token by token and, within a token, in the
    /// order of a search over that token alone.
    pub fn find<'a>(&'a self, doc: &Document) -> Vec<Hit<'a, T>> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let tokens = &doc.tokens;
        let mut hits: Vec<Hit<'a, T>> = Vec::new();
        let mut seen: Vec<usize> = Vec::new();
        let mut t = 0;
        let mut seen_for = usize::MAX;
        let mut sent = 0;
        let mut cues = CueCounts::default();
        for m in ac.find_overlapping_iter(tokens.norm_stream()) {
            while tokens.norm_range(t).1 < m.end() {
                t += 1;
            }
            if tokens.list[t].kind == TokenKind::Opaque {
                continue;
            }
            let (ns, ne) = tokens.norm_range(t);
            let (ei, affix) = self.anchors[m.pattern().as_usize()];
            let ok = match affix {
                Affix::Exact => m.start() == ns && m.end() == ne,
                Affix::Prefix => m.start() == ns,
                Affix::Suffix => m.end() == ne,
                Affix::Infix => true,
            };
            if seen_for != t {
                seen.clear();
                seen_for = t;
            }
            if !ok || seen.contains(&ei) {
                continue;
            }
            seen.push(ei);
            while doc.sentences.get(sent).is_some_and(|s| s.tok_end <= t) {
                sent += 1;
            }
            let Some(&s) = doc.sentences.get(sent) else {
                break;
            };
            let entry = &self.entries[ei];
            let Some(pm) = entry.pattern.match_at(doc, t, s.tok_end, entry.case) else {
                continue;
            };
            if !entry.context.is_empty() && !has_context(doc, entry, pm, s.tok_start, s.tok_end) {
                continue;
            }
            if !entry.exclude.is_empty() && excluded(doc, entry, ei, s.segment, pm, &mut cues) {
                continue;
            }
            hits.push(Hit { entry, m: pm });
        }
        hits.sort_by_key(|h| (h.m.mark_start, std::cmp::Reverse(h.m.mark_end)));
        let mut out: Vec<Hit<'a, T>> = Vec::with_capacity(hits.len());
        for h in hits {
            if out.last().is_some_and(|k| h.m.mark_start < k.m.mark_end) {
                continue;
            }
            out.push(h);
        }
        out
    }
}

fn has_context<T>(doc: &Document, e: &Entry<T>, m: PatMatch, s_start: usize, s_end: usize) -> bool {
    let before = m.tok_start.saturating_sub(e.window).max(s_start)..m.tok_start;
    let after = m.tok_end..(m.tok_end + e.window).min(s_end);
    before
        .chain(after)
        .any(|t| e.context.iter().any(|c| c.matches(doc, t)))
}

/// How many tokens of the current segment match the exclusion cues of an entry, counted
/// once per (entry, segment): a long paragraph with many anchors is not rescanned for every
/// hit. Hits come in text order, so only the current segment is kept.
#[derive(Default)]
struct CueCounts {
    segment: usize,
    counts: Vec<(usize, usize)>,
}

fn excluded<T>(
    doc: &Document,
    e: &Entry<T>,
    ei: usize,
    segment: usize,
    m: PatMatch,
    cache: &mut CueCounts,
) -> bool {
    let seg = doc.segments[segment];
    let matches = |t: usize| e.exclude.iter().any(|c| c.matches(doc, t));
    if cache.segment != segment {
        cache.segment = segment;
        cache.counts.clear();
    }
    let total = match cache.counts.iter().find(|c| c.0 == ei) {
        Some(&(_, n)) => n,
        None => {
            let n = (seg.tok_start..seg.tok_end).filter(|&t| matches(t)).count();
            cache.counts.push((ei, n));
            n
        }
    };
    let inside = (m.tok_start.max(seg.tok_start)..m.tok_end.min(seg.tok_end))
        .filter(|&t| matches(t))
        .count();
    total > inside
}
