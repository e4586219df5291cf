//! A compiled phrase table: entries with patterns and context cues, anchored by one
//! Aho-Corasick automaton over the first word of every pattern.

use aho_corasick::AhoCorasick;

use super::pattern::{Affix, CaseRule, Cue, PatMatch, Pattern};
use crate::document::Document;

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
    pub fn find<'a>(&'a self, doc: &Document) -> Vec<Hit<'a, T>> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut hits: Vec<Hit<'a, T>> = Vec::new();
        let mut seen: Vec<usize> = Vec::new();
        for sent in &doc.sentences {
            for t in sent.tok_start..sent.tok_end {
                if doc.tok(t).kind == crate::text::TokenKind::Opaque {
                    continue;
                }
                let norm = doc.norm(t);
                seen.clear();
                for m in ac.find_overlapping_iter(norm) {
                    let (ei, affix) = self.anchors[m.pattern().as_usize()];
                    let ok = match affix {
                        Affix::Exact => m.start() == 0 && m.end() == norm.len(),
                        Affix::Prefix => m.start() == 0,
                        Affix::Suffix => m.end() == norm.len(),
                        Affix::Infix => true,
                    };
                    if !ok || seen.contains(&ei) {
                        continue;
                    }
                    seen.push(ei);
                    let entry = &self.entries[ei];
                    let Some(pm) = entry.pattern.match_at(doc, t, sent.tok_end, entry.case) else {
                        continue;
                    };
                    if !entry.context.is_empty()
                        && !has_context(doc, entry, pm, sent.tok_start, sent.tok_end)
                    {
                        continue;
                    }
                    if !entry.exclude.is_empty() && excluded(doc, entry, sent.segment, pm) {
                        continue;
                    }
                    hits.push(Hit { entry, m: pm });
                }
            }
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

fn excluded<T>(doc: &Document, e: &Entry<T>, segment: usize, m: PatMatch) -> bool {
    let seg = doc.segments[segment];
    (seg.tok_start..seg.tok_end)
        .filter(|t| !(m.tok_start..m.tok_end).contains(t))
        .any(|t| e.exclude.iter().any(|c| c.matches(doc, t)))
}
