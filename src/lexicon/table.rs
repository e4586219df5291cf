//! A compiled phrase table: entries with patterns and context cues, anchored by an index
//! of the first word of every pattern (see `lexicon::anchor`).

use super::anchor::WordSet;
use super::pattern::{Alt, CaseRule, Cue, PatMatch, Pattern};
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
    /// The first words of every pattern.
    anchors: WordSet,
    /// The words of every exclusion cue.
    excludes: WordSet,
    /// Entries with an exclusion cue that is not a plain word (`#num`, `#cap`).
    exclude_by_scan: Vec<bool>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            entries: Vec::new(),
            anchors: WordSet::default(),
            excludes: WordSet::default(),
            exclude_by_scan: Vec::new(),
        }
    }
}

impl<T> PhraseTable<T> {
    /// Compiles the entries.
    pub fn new(entries: Vec<Entry<T>>) -> Self {
        let mut anchors = Vec::new();
        let mut excludes = Vec::new();
        let mut exclude_by_scan = vec![false; entries.len()];
        for (i, e) in entries.iter().enumerate() {
            for (w, affix) in e.pattern.anchors() {
                anchors.push((w, i, affix));
            }
            for alt in e.exclude.iter().flat_map(|c| &c.0) {
                match alt {
                    Alt::Word { norm, affix, .. } => excludes.push((norm.as_str(), i, *affix)),
                    Alt::Num | Alt::Cap => exclude_by_scan[i] = true,
                }
            }
        }
        let anchors = WordSet::new(anchors);
        let excludes = WordSet::new(excludes);
        PhraseTable {
            entries,
            anchors,
            excludes,
            exclude_by_scan,
        }
    }

    /// The entries.
    pub fn entries(&self) -> &[Entry<T>] {
        &self.entries
    }

    /// Every match in `doc`, left to right; overlapping matches resolved leftmost-longest.
    pub fn find<'a>(&'a self, doc: &Document) -> Vec<Hit<'a, T>> {
        let tokens = &doc.tokens;
        let mut hits: Vec<Hit<'a, T>> = Vec::new();
        let mut seen: Vec<usize> = Vec::new();
        let mut seen_for = usize::MAX;
        let mut sent = 0;
        let mut excluded_in = SegmentExcludes::default();
        self.anchors.each_match(tokens, 0..tokens.len(), |t, ei| {
            if seen_for != t {
                seen.clear();
                seen_for = t;
            }
            if seen.contains(&ei) {
                return;
            }
            seen.push(ei);
            while doc.sentences.get(sent).is_some_and(|s| s.tok_end <= t) {
                sent += 1;
            }
            let Some(&s) = doc.sentences.get(sent) else {
                return;
            };
            let entry = &self.entries[ei];
            let Some(pm) = entry.pattern.match_at(doc, t, s.tok_end, entry.case) else {
                return;
            };
            if !entry.context.is_empty() && !has_context(doc, entry, pm, s.tok_start, s.tok_end) {
                return;
            }
            if !entry.exclude.is_empty() && self.excluded(doc, ei, s.segment, pm, &mut excluded_in)
            {
                return;
            }
            hits.push(Hit { entry, m: pm });
        });
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

/// For the current segment: which tokens match an exclusion cue of which entry. Found
/// with one search over the segment when an entry with exclusions first hits in it (hits
/// come in text order), instead of testing every cue on every token for every hit.
#[derive(Default)]
struct SegmentExcludes {
    segment: Option<usize>,
    tokens: Vec<(usize, usize)>,
}

impl<T> PhraseTable<T> {
    /// A token of the match's segment outside the match matches an exclusion cue.
    fn excluded(
        &self,
        doc: &Document,
        ei: usize,
        segment: usize,
        m: PatMatch,
        cache: &mut SegmentExcludes,
    ) -> bool {
        let seg = doc.segments[segment];
        let outside = |t: &usize| !(m.tok_start..m.tok_end).contains(t);
        if self.exclude_by_scan[ei] {
            let e = &self.entries[ei];
            return (seg.tok_start..seg.tok_end)
                .filter(outside)
                .any(|t| e.exclude.iter().any(|c| c.matches(doc, t)));
        }
        if cache.segment != Some(segment) {
            cache.segment = Some(segment);
            cache.tokens.clear();
            self.excludes
                .each_match(&doc.tokens, seg.tok_start..seg.tok_end, |t, e| {
                    cache.tokens.push((e, t))
                });
        }
        cache.tokens.iter().any(|&(e, t)| e == ei && outside(&t))
    }
}
