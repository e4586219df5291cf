//! A compiled phrase table: entries with patterns and context cues, anchored by an index
//! of the rarest required word of every pattern (see `matcher::anchor`).

use std::sync::OnceLock;

use super::anchor::WordSet;
use super::pattern::{Affix, Alt, CaseRule, CueSet, Cues, PatMatch, Pattern};
use crate::document::Document;
use crate::lexicon::words::WordFreq;

/// A pattern with its context conditions and the data a rule reports.
#[derive(Debug, Clone)]
pub struct Entry<T> {
    /// The pattern.
    pub pattern: Pattern,
    /// At least one must occur within `window` tokens (empty: no condition).
    pub context: Cues,
    /// None may occur in the same segment.
    pub exclude: Cues,
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
///
/// Matches are looked for where a *key* element of a pattern matches: the element whose
/// words are rarest in German (by the word-frequency lexicon), not necessarily the first
/// one. `an der Seitenlinie` is looked up by `Seitenlinie`, so the pattern is verified at the
/// few tokens where a match is possible instead of at every `an`. A match starts a bounded
/// number of tokens before its key element (see [`Pattern::offsets`]), and every start in
/// that range is verified exactly as if the first word had been looked up, so which matches
/// are found and their order do not depend on the key.
#[derive(Debug, Clone)]
pub struct PhraseTable<T> {
    entries: Vec<Entry<T>>,
    /// The index of the key elements, built by [`PhraseTable::new`] or, for a table that
    /// is searched in few texts ([`PhraseTable::new_lazy`]), by the first search.
    index: OnceLock<KeyIndex>,
    /// The words of every exclusion cue, indexed when first needed: exclusions are looked
    /// at only for a match of an entry that has them, and building the index is a quarter of
    /// the time it takes to load the dictionaries.
    excludes: OnceLock<WordSet>,
    /// Per entry: its context and exclusion cues, compiled when a match of the entry is
    /// first tested (most entries never match a text, and start-up should not pay for them).
    /// The exclusion cues are used for the entries with an exclusion cue that is not a plain
    /// word (`#num`, `#cap`: [`CueSet::has_class`]), and for every entry until `excludes` is
    /// built.
    cues: Vec<OnceLock<(CueSet, CueSet)>>,
}

/// Where the matches of a table's entries may start: the words of every pattern's key
/// element and their offsets.
#[derive(Debug, Clone, Default)]
struct KeyIndex {
    /// The words of every pattern's key element.
    keys: WordSet,
    /// Per entry: the fewest and most tokens between the start of a match and its key.
    key_offsets: Vec<(usize, usize)>,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            entries: Vec::new(),
            index: OnceLock::new(),
            excludes: OnceLock::new(),
            cues: Vec::new(),
        }
    }
}

/// How often a pattern word is expected to match a token, on the Zipf scale (log10 per
/// billion tokens). Punctuation and numbers are everywhere; a prefix, suffix or infix
/// matches more than the word itself, a short one almost anything.
fn word_zipf(freq: &WordFreq, word: &str, affix: Affix) -> f32 {
    const EVERYWHERE: f32 = 7.0;
    if !word.chars().any(char::is_alphabetic) {
        return EVERYWHERE;
    }
    let zipf = freq.de_zipf(word).unwrap_or_else(|| freq.de_floor());
    match affix {
        Affix::Exact => zipf,
        _ if word.chars().count() <= 3 => zipf.max(EVERYWHERE - 1.0) + 1.0,
        _ => zipf + 1.0,
    }
}

/// The expected cost of looking a pattern up by an element with `words`: how often one of
/// them matches a token times how many starts each match leaves to verify (log10).
fn key_cost(freq: &WordFreq, words: &[(&str, Affix)], offsets: (usize, usize)) -> f32 {
    let hits: f32 = words
        .iter()
        .map(|&(w, a)| 10f32.powf(word_zipf(freq, w, a)))
        .sum();
    hits.log10() + ((offsets.1 - offsets.0 + 1) as f32).log10()
}

/// The element of `pattern` to look it up by and its offsets from the start of a match:
/// the cheapest required element (see [`Pattern::required_words`]), the first one on a tie.
/// The first element is always possible and keeps the first-word index's exact semantics.
fn key_element<'p>(
    freq: &WordFreq,
    pattern: &'p Pattern,
) -> (Vec<(&'p str, Affix)>, (usize, usize)) {
    let offsets = pattern.offsets();
    let first = pattern.anchors();
    let mut best_cost = key_cost(freq, &first, offsets[0]);
    let mut best = (first, offsets[0]);
    for (e, &off) in offsets.iter().enumerate().skip(1) {
        let Some(words) = pattern.required_words(e) else {
            continue;
        };
        let cost = key_cost(freq, &words, off);
        if cost < best_cost {
            best_cost = cost;
            best = (words, off);
        }
    }
    best
}

impl KeyIndex {
    /// The key index of `entries`.
    fn new<T>(entries: &[Entry<T>]) -> Self {
        let freq = WordFreq::builtin();
        let mut keys = Vec::new();
        let mut key_offsets = Vec::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            let (words, offsets) = key_element(freq, &e.pattern);
            keys.extend(words.into_iter().map(|(w, affix)| (w, i, affix)));
            key_offsets.push(offsets);
        }
        KeyIndex {
            keys: WordSet::new(keys),
            key_offsets,
        }
    }
}

impl<T> PhraseTable<T> {
    /// Compiles the entries: the key index now, each entry's cues when first needed.
    pub fn new(entries: Vec<Entry<T>>) -> Self {
        let table = PhraseTable::new_lazy(entries);
        table.index();
        table
    }

    /// Like [`PhraseTable::new`], but the key index is built by the first search: for a
    /// table that most texts never search (a rule looks for a cue first), start-up does not
    /// pay for it.
    pub fn new_lazy(entries: Vec<Entry<T>>) -> Self {
        PhraseTable {
            cues: entries.iter().map(|_| OnceLock::new()).collect(),
            entries,
            index: OnceLock::new(),
            excludes: OnceLock::new(),
        }
    }

    /// Builds the key index now (in the background, say) instead of at the first search.
    pub fn prepare(&self) {
        self.index();
    }

    /// The key index, built on first use.
    fn index(&self) -> &KeyIndex {
        self.index.get_or_init(|| KeyIndex::new(&self.entries))
    }

    /// The context and exclusion cues of entry `ei`, compiled on first use.
    fn cues(&self, ei: usize) -> &(CueSet, CueSet) {
        self.cues[ei].get_or_init(|| {
            let e = &self.entries[ei];
            (CueSet::new(e.context.list()), CueSet::new(e.exclude.list()))
        })
    }

    /// The index of the words of every exclusion cue, built on first use.
    fn excludes(&self) -> &WordSet {
        self.excludes.get_or_init(|| {
            let mut words = Vec::new();
            for (i, e) in self.entries.iter().enumerate() {
                for alt in e.exclude.list().iter().flat_map(|c| &c.0) {
                    if let Alt::Word { norm, affix, .. } = alt {
                        words.push((norm.as_str(), i, *affix));
                    }
                }
            }
            WordSet::new(words)
        })
    }

    /// The entries.
    pub fn entries(&self) -> &[Entry<T>] {
        &self.entries
    }

    /// Every match in `doc`, left to right; overlapping matches resolved leftmost-longest.
    ///
    /// Matches spanning the same tokens keep the order in which an index of every pattern's
    /// first words would have produced them: by start token, then by the anchor index's order
    /// within the token ([`Pattern::anchor_rank`], then entry order).
    pub fn find<'a>(&'a self, doc: &Document) -> Vec<Hit<'a, T>> {
        let starts = self.starts(doc);
        let mut hits: Vec<(HitOrder, Hit<'a, T>)> = Vec::new();
        let mut sent = 0;
        let mut excluded_in = SegmentExcludes::default();
        for (t, ei) in starts {
            while doc.sentences.get(sent).is_some_and(|s| s.tok_end <= t) {
                sent += 1;
            }
            let Some(&s) = doc.sentences.get(sent) else {
                break;
            };
            let entry = &self.entries[ei];
            // the first word must match here, as when the first words were the index
            let Some((end, longer, alt)) = entry.pattern.anchor_rank(doc, t) else {
                continue;
            };
            let Some(pm) = entry.pattern.match_at(doc, t, s.tok_end, entry.case) else {
                continue;
            };
            if !entry.context.is_empty()
                && !has_context(doc, entry, &self.cues(ei).0, pm, s.tok_start, s.tok_end)
            {
                continue;
            }
            if !entry.exclude.is_empty() && self.excluded(doc, ei, s.segment, pm, &mut excluded_in)
            {
                continue;
            }
            let order = (
                pm.mark_start,
                std::cmp::Reverse(pm.mark_end),
                t,
                (end, longer, ei, alt),
            );
            hits.push((order, Hit { entry, m: pm }));
        }
        // (start, entry) pairs are unique, so the order is total
        hits.sort_unstable_by_key(|h| h.0);
        let mut out: Vec<Hit<'a, T>> = Vec::with_capacity(hits.len());
        for (_, h) in hits {
            if out.last().is_some_and(|k| h.m.mark_start < k.m.mark_end) {
                continue;
            }
            out.push(h);
        }
        out
    }

    /// Every (start token, entry) where a match may start, sorted and without repeats: the
    /// tokens up to the key element's offsets before each token that matches a key word,
    /// within the sentence of that token (a match never leaves the sentence it starts in).
    fn starts(&self, doc: &Document) -> Vec<(usize, usize)> {
        let mut starts = Vec::new();
        // sentences ending at or before the key token: a start before the end of the last
        // of them lies in an earlier sentence
        let mut ended = 0;
        let index = self.index();
        index
            .keys
            .each_match(&doc.tokens, 0..doc.tokens.len(), |r, ei| {
                while doc.sentences.get(ended).is_some_and(|s| s.tok_end <= r) {
                    ended += 1;
                }
                let floor = ended.checked_sub(1).map_or(0, |i| doc.sentences[i].tok_end);
                let (lo, hi) = index.key_offsets[ei];
                let Some(last) = r.checked_sub(lo) else {
                    return;
                };
                let first = r.saturating_sub(hi).max(floor);
                starts.extend((first..=last).map(|t| (t, ei)));
            });
        starts.sort_unstable();
        starts.dedup();
        starts
    }
}

/// The order of hits before leftmost-longest resolution: reported part (start, longest
/// first), then start token, then the anchor index's order within that token and entry.
type HitOrder = (
    usize,
    std::cmp::Reverse<usize>,
    usize,
    (usize, std::cmp::Reverse<usize>, usize, usize),
);

/// A token within `e.window` tokens of the match, in its sentence, matches a context cue.
fn has_context<T>(
    doc: &Document,
    e: &Entry<T>,
    cues: &CueSet,
    m: PatMatch,
    s_start: usize,
    s_end: usize,
) -> bool {
    let before = m.tok_start.saturating_sub(e.window).max(s_start)..m.tok_start;
    let after = m.tok_end..(m.tok_end + e.window).min(s_end);
    before.chain(after).any(|t| cues.matches(doc, t))
}

/// For the current segment: which tokens match an exclusion cue of which entry. Found
/// with one search over the segment when an entry with exclusions first hits in it (hits
/// come in text order), instead of testing every cue on every token for every hit.
#[derive(Default)]
struct SegmentExcludes {
    segment: Option<usize>,
    tokens: Vec<(usize, usize)>,
    /// Hits tested by scanning their segment so far (see [`SCANS_BEFORE_INDEX`]).
    scans: usize,
}

/// Hits with exclusion cues a document tests by scanning before the exclusion index is
/// built.
const SCANS_BEFORE_INDEX: usize = 32;

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
        // until the index of exclusion words exists, the first hits of a document test the
        // entry's own cues on the segment's tokens: a short text is checked without building
        // the index (a quarter of the time it takes to load the dictionaries), a long one
        // soon builds it and then looks at each segment once. Both find the same tokens.
        let scan = self.excludes.get().is_none() && cache.scans < SCANS_BEFORE_INDEX;
        if scan {
            cache.scans += 1;
        }
        let cues = &self.cues(ei).1;
        if cues.has_class() || scan {
            return (seg.tok_start..seg.tok_end)
                .filter(outside)
                .any(|t| cues.matches(doc, t));
        }
        if cache.segment != Some(segment) {
            cache.segment = Some(segment);
            cache.tokens.clear();
            self.excludes()
                .each_match(&doc.tokens, seg.tok_start..seg.tok_end, |t, e| {
                    cache.tokens.push((e, t))
                });
        }
        cache.tokens.iter().any(|&(e, t)| e == ei && outside(&t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::SegmentMode;

    /// What `find` did before the key index: look up the first words of every pattern,
    /// verify each (token, entry) once in the order the index reports them, then sort stably
    /// and keep the leftmost-longest matches. Returns (entry, match) pairs.
    fn by_first_words<T>(table: &PhraseTable<T>, doc: &Document) -> Vec<(usize, PatMatch)> {
        let entries = table.entries();
        let anchors = WordSet::new(
            entries
                .iter()
                .enumerate()
                .flat_map(|(i, e)| e.pattern.anchors().into_iter().map(move |(w, a)| (w, i, a)))
                .collect(),
        );
        let mut hits: Vec<(usize, PatMatch)> = Vec::new();
        let mut seen: Vec<(usize, usize)> = Vec::new();
        anchors.each_match(&doc.tokens, 0..doc.tokens.len(), |t, ei| {
            if seen.contains(&(t, ei)) {
                return;
            }
            seen.push((t, ei));
            let Some(s) = doc.sentences.iter().find(|s| s.tok_end > t) else {
                return;
            };
            let e = &entries[ei];
            let Some(pm) = e.pattern.match_at(doc, t, s.tok_end, e.case) else {
                return;
            };
            let before = pm.tok_start.saturating_sub(e.window).max(s.tok_start)..pm.tok_start;
            let after = pm.tok_end..(pm.tok_end + e.window).min(s.tok_end);
            if !e.context.is_empty()
                && !before
                    .chain(after)
                    .any(|t| e.context.list().iter().any(|c| c.matches(doc, t)))
            {
                return;
            }
            let seg = doc.segments[s.segment];
            let excluded = (seg.tok_start..seg.tok_end)
                .filter(|t| !(pm.tok_start..pm.tok_end).contains(t))
                .any(|t| e.exclude.list().iter().any(|c| c.matches(doc, t)));
            if !excluded {
                hits.push((ei, pm));
            }
        });
        hits.sort_by_key(|h| (h.1.mark_start, std::cmp::Reverse(h.1.mark_end)));
        let mut out: Vec<(usize, PatMatch)> = Vec::new();
        for h in hits {
            if out.last().is_some_and(|k| h.1.mark_start < k.1.mark_end) {
                continue;
            }
            out.push(h);
        }
        out
    }

    /// A tiny deterministic generator (xorshift).
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }
    }

    /// Common and rare words, so that keys differ from first words, and words that are
    /// prefixes, suffixes and infixes of others.
    const WORDS: &[&str] = &[
        "der",
        "die",
        "an",
        "und",
        "Tasche",
        "Taschen",
        "tief",
        "tiefe",
        "Lama",
        "Modell",
        "Vorhang",
        "zurück",
        "Seitenlinie",
        "Seite",
        "Linie",
        "zog",
        "Xylophon",
        "Kurs",
        "4",
        "-",
        ",",
        "ab",
        "aba",
        "Straße",
        "Ära",
    ];

    fn random_alt(rng: &mut Rng, words_only: bool) -> String {
        if !words_only && rng.below(8) == 0 {
            return rng.pick(&["#num", "#cap"]).to_string();
        }
        let w = rng.pick(WORDS);
        if w == "-" || w == "," {
            return w.to_string();
        }
        match rng.below(6) {
            0 => format!("{w}*"),
            1 => format!("*{w}"),
            2 if w.len() > 1 => format!("*{w}*"),
            _ => w.to_string(),
        }
    }

    fn random_elem(rng: &mut Rng, first: bool) -> String {
        let alts: Vec<String> = (0..1 + rng.below(3))
            .map(|_| random_alt(rng, first))
            .collect();
        let mut s = alts.join("|");
        if !first && rng.below(5) == 0 && !s.ends_with('*') {
            s.push('?');
        }
        s
    }

    fn random_pattern(rng: &mut Rng) -> String {
        let n = 1 + rng.below(5);
        let mut items: Vec<String> = Vec::new();
        for i in 0..n {
            if i > 0 && i + 1 < n && rng.below(4) == 0 {
                items.push(format!("...{}", 1 + rng.below(4)));
            } else {
                items.push(random_elem(rng, i == 0));
            }
        }
        if rng.below(3) == 0 {
            let a = rng.below(n);
            let b = a + rng.below(n - a);
            items[a] = format!("[{}", items[a]);
            items[b] = format!("{}]", items[b]);
        }
        items.join(" ")
    }

    fn random_table(rng: &mut Rng) -> PhraseTable<()> {
        let mut entries = Vec::new();
        while entries.len() < 1 + rng.below(12) {
            let Ok(pattern) = Pattern::parse(&random_pattern(rng)) else {
                continue;
            };
            let cues = |rng: &mut Rng| {
                let n = rng.below(3).saturating_sub(1);
                let list: Vec<String> = (0..n).map(|_| random_alt(rng, false)).collect();
                Cues::parse(&list.join(";")).expect("cues parse")
            };
            entries.push(Entry {
                pattern,
                context: cues(rng),
                exclude: cues(rng),
                window: 1 + rng.below(6),
                case: [CaseRule::Any, CaseRule::Exact, CaseRule::Cap][rng.below(3)],
                data: (),
            });
        }
        PhraseTable::new(entries)
    }

    fn random_text(rng: &mut Rng) -> String {
        let mut text = String::new();
        for _ in 0..60 {
            let w = rng.pick(WORDS);
            match rng.below(4) {
                0 => text.push_str(&w.to_uppercase()),
                1 => text.push_str(&w.to_lowercase()),
                _ => text.push_str(w),
            }
            text.push_str(rng.pick(&[" ", " ", " ", " ", ". ", "\n\n", " x.de "]));
        }
        text
    }

    #[test]
    fn finds_what_the_first_word_index_found_in_the_same_order() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut found = 0;
        for _ in 0..3000 {
            let table = random_table(&mut rng);
            let text = random_text(&mut rng);
            let doc = Document::plain(text.clone(), 0, SegmentMode::Paragraphs);
            let got: Vec<(usize, PatMatch)> = table
                .find(&doc)
                .iter()
                .map(|h| {
                    let i = table
                        .entries()
                        .iter()
                        .position(|e| std::ptr::eq(e, h.entry))
                        .expect("an entry of the table");
                    (i, h.m)
                })
                .collect();
            let want = by_first_words(&table, &doc);
            found += want.len();
            let patterns: Vec<&Pattern> = table.entries().iter().map(|e| &e.pattern).collect();
            assert_eq!(got, want, "{patterns:?} in {text}");
        }
        // the generator must produce matches for the comparison to mean something
        assert!(found > 1000, "only {found} matches");
    }
}
