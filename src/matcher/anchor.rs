//! Finding a table's words in every token of a document: the anchors of the phrase patterns
//! and the words of exclusion cues.
//!
//! Most words are compared with whole tokens (`Taschen`), so they are looked up in a
//! [`TokenMap`] by the hash every token carries, and almost every token is rejected by one
//! probe. Suffixes and infixes (`*entschädigung`, `*wilderung*`) are searched with one
//! Aho-Corasick DFA over the stream of normalised forms, in a plain loop over the concrete
//! automaton; prefixes alone (`tief*`) by a walk down a trie from the start of each token. The matches of a token are reported in the order an Aho-Corasick search over
//! that token would report them (by end, longer first, then word order), so which entry
//! hits first does not depend on how the words are indexed.

use std::ops::Range;

use aho_corasick::automaton::Automaton;
use aho_corasick::automaton::StateID;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, StartKind};

use super::pattern::Affix;
use crate::text::token::Tokens;
use crate::text::token_map::TokenMap;
use crate::text::TokenKind;

/// A set of words with affixes, each belonging to an entry of a table.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordSet {
    /// Every word: (normalised form, entry, affix); its index is its id.
    words: Vec<(Box<str>, usize, Affix)>,
    /// The whole words (no affix), with the ids of each.
    exact: TokenMap<Vec<u32>>,
    /// Without suffixes and infixes: the prefixes, as a trie walked from the start of every
    /// token, which ends after a byte or two for most tokens instead of scanning every byte
    /// of the stream. An anchored walk never follows a failure transition, so the
    /// contiguous NFA (whose first levels are dense tables) walks as fast as a DFA and is
    /// built several times faster, which counts at start-up. The automaton's pattern n is
    /// `prefix_ids[n]`.
    prefixes: Option<NFA>,
    prefix_ids: Vec<u32>,
    /// The suffixes and infixes (and then the prefixes too: the stream is scanned anyway),
    /// searched with one Aho-Corasick DFA over the token stream; the automaton's pattern n
    /// is `affixed_ids[n]`.
    affixed: Option<DFA>,
    affixed_ids: Vec<u32>,
}

/// Builds the automaton of a set's words: a DFA (one table look-up per byte) without a
/// prefilter, which [`overlapping_matches`] does not use.
fn automaton<'w>(words: impl IntoIterator<Item = &'w str>) -> DFA {
    DFA::builder()
        .prefilter(false)
        .start_kind(StartKind::Unanchored)
        .build(words)
        .expect("the automaton of a word set builds")
}

/// Builds the trie of a set's prefixes (see [`WordSet::prefixes`]), without a prefilter,
/// which [`each_prefix`] does not use.
fn trie<'w>(words: impl IntoIterator<Item = &'w str>) -> NFA {
    NFA::builder()
        .prefilter(false)
        .build(words)
        .expect("the trie of a word set builds")
}

/// Every match of `dfa` in `hay[first]` and then in `hay[second]` as `(end, length,
/// pattern)`, overlapping ones too, in the order of an overlapping Aho-Corasick search: by
/// end, then as the automaton lists the matches of a state (longer first, then pattern
/// order). Both ranges must start where the automaton is in its start state (at a token).
///
/// A plain loop over the concrete DFA, so the transition per byte is inlined
/// (`AhoCorasick` searches through a boxed automaton and a resumable iterator, several
/// times slower). Each step waits for the previous state's table look-up, so the two
/// ranges are scanned in the same loop: the two chains of look-ups overlap.
fn overlapping_matches(
    dfa: &DFA,
    hay: &[u8],
    first: Range<usize>,
    second: Range<usize>,
) -> Vec<(usize, usize, usize)> {
    let Ok(start) = dfa.start_state(Anchored::No) else {
        return Vec::new();
    };
    let (mut found_first, mut found_second) = (Vec::new(), Vec::new());
    let (a, b) = (&hay[first.clone()], &hay[second.clone()]);
    let both = a.len().min(b.len());
    let (mut sa, mut sb) = (start, start);
    for i in 0..both {
        sa = dfa.next_state(Anchored::No, sa, a[i]);
        sb = dfa.next_state(Anchored::No, sb, b[i]);
        if dfa.is_special(sa) {
            report_matches(dfa, sa, first.start + i + 1, &mut found_first);
        }
        if dfa.is_special(sb) {
            report_matches(dfa, sb, second.start + i + 1, &mut found_second);
        }
    }
    for (i, &byte) in a.iter().enumerate().skip(both) {
        sa = dfa.next_state(Anchored::No, sa, byte);
        if dfa.is_special(sa) {
            report_matches(dfa, sa, first.start + i + 1, &mut found_first);
        }
    }
    for (i, &byte) in b.iter().enumerate().skip(both) {
        sb = dfa.next_state(Anchored::No, sb, byte);
        if dfa.is_special(sb) {
            report_matches(dfa, sb, second.start + i + 1, &mut found_second);
        }
    }
    found_first.append(&mut found_second);
    found_first
}

/// Calls `f(end, length, pattern)` for every word of the automaton `dfa` that `hay[range]`
/// starts with: an anchored walk down the trie that stops where no word continues.
fn each_prefix(dfa: &NFA, hay: &[u8], range: Range<usize>, mut f: impl FnMut(usize, usize, usize)) {
    let Ok(mut sid) = dfa.start_state(Anchored::Yes) else {
        return;
    };
    let start = range.start;
    for (end, &b) in (start + 1..).zip(&hay[range]) {
        sid = dfa.next_state(Anchored::Yes, sid, b);
        if dfa.is_special(sid) {
            if dfa.is_dead(sid) {
                return;
            }
            // a state lists the words ending here; keep those that start the token
            if dfa.is_match(sid) {
                for k in 0..dfa.match_len(sid) {
                    let pid = dfa.match_pattern(sid, k);
                    let len = dfa.pattern_len(pid);
                    if end - len == start {
                        f(end, len, pid.as_usize());
                    }
                }
            }
        }
    }
}

/// Pushes the matches of state `sid` at `end` as `(end, length, pattern)`; out of the
/// scanning loops.
#[inline(never)]
fn report_matches(dfa: &DFA, sid: StateID, end: usize, out: &mut Vec<(usize, usize, usize)>) {
    if dfa.is_match(sid) {
        for k in 0..dfa.match_len(sid) {
            let pid = dfa.match_pattern(sid, k);
            out.push((end, dfa.pattern_len(pid), pid.as_usize()));
        }
    }
}

/// A word found in a token: where it ends (byte in the norm stream), its length and id.
type Found = (usize, std::cmp::Reverse<usize>, u32);

impl WordSet {
    /// Indexes `(word, entry, affix)` triples; words are normalised (NFC, lower case).
    pub(crate) fn new(words: Vec<(&str, usize, Affix)>) -> Self {
        let mut set = WordSet::default();
        let mut prefixes = Vec::new();
        let mut affixed = Vec::new();
        for (id, &(w, _, affix)) in words.iter().enumerate() {
            let id = id as u32;
            if w.is_empty() {
                continue;
            }
            match affix {
                Affix::Exact => set.exact.get_or_insert_with(w, Vec::new).push(id),
                Affix::Prefix => prefixes.push((w, id)),
                Affix::Suffix | Affix::Infix => {
                    affixed.push(w);
                    set.affixed_ids.push(id);
                }
            }
        }
        if !affixed.is_empty() {
            for (w, id) in prefixes.drain(..) {
                affixed.push(w);
                set.affixed_ids.push(id);
            }
        }
        if !prefixes.is_empty() {
            set.prefix_ids = prefixes.iter().map(|p| p.1).collect();
            set.prefixes = Some(trie(prefixes.iter().map(|p| p.0)));
        }
        if !affixed.is_empty() {
            set.affixed = Some(automaton(affixed));
        }
        set.words = words
            .into_iter()
            .map(|(w, e, a)| (w.into(), e, a))
            .collect();
        set
    }

    /// Calls `f(token, entry)` for every word that matches a token of `range` as its affix
    /// says (opaque tokens never match), token by token, within a token in the order of an
    /// Aho-Corasick search over the token: by end, longer words first, then word order.
    pub(crate) fn each_match(
        &self,
        tokens: &Tokens,
        range: Range<usize>,
        mut f: impl FnMut(usize, usize),
    ) {
        if self.words.is_empty() || range.is_empty() {
            return;
        }
        let stream = tokens.norm_stream();
        // suffixes and infixes of the whole range, in token order (one search; the forms are
        // separated by a character no word holds, so no match crosses tokens)
        let mut affix_hits: Vec<(usize, Found)> = Vec::new();
        if let Some(dfa) = &self.affixed {
            let from = tokens.norm_range(range.start).0;
            let mid = tokens.norm_range(range.start + range.len() / 2).0;
            let to = tokens.norm_range(range.end - 1).1;
            let mut t = range.start;
            for (end, len, pattern) in
                overlapping_matches(dfa, stream.as_bytes(), from..mid, mid..to)
            {
                while tokens.norm_range(t).1 < end {
                    t += 1;
                }
                let id = self.affixed_ids[pattern];
                let (ns, ne) = tokens.norm_range(t);
                let fits = match self.words[id as usize].2 {
                    Affix::Prefix => end - len == ns,
                    Affix::Suffix => end == ne,
                    _ => true,
                };
                if fits {
                    affix_hits.push((t, (end, std::cmp::Reverse(len), id)));
                }
            }
        }
        // prefixes, token by token
        let mut prefix_hits: Vec<(usize, Found)> = Vec::new();
        if let Some(dfa) = &self.prefixes {
            for t in range.clone() {
                let (ns, ne) = tokens.norm_range(t);
                each_prefix(dfa, stream.as_bytes(), ns..ne, |end, len, pattern| {
                    let id = self.prefix_ids[pattern];
                    prefix_hits.push((t, (end, std::cmp::Reverse(len), id)));
                });
            }
        }
        let (mut next_affix, mut next_prefix) = (0, 0);
        let mut found: Vec<Found> = Vec::new();
        for t in range {
            // most tokens hold no affixed word and are no exact word: one probe of the table
            let affixed = affix_hits.get(next_affix).is_some_and(|h| h.0 == t);
            let prefixed = prefix_hits.get(next_prefix).is_some_and(|h| h.0 == t);
            let (ns, ne) = tokens.norm_range(t);
            let exact = self
                .exact
                .get_hashed(tokens.norm_hash(t), || &stream[ns..ne]);
            if !affixed && !prefixed && exact.is_none() {
                continue;
            }
            found.clear();
            while let Some(&(_, hit)) = affix_hits.get(next_affix).filter(|h| h.0 == t) {
                found.push(hit);
                next_affix += 1;
            }
            while let Some(&(_, hit)) = prefix_hits.get(next_prefix).filter(|h| h.0 == t) {
                found.push(hit);
                next_prefix += 1;
            }
            if tokens.list[t].kind == TokenKind::Opaque {
                continue;
            }
            if let Some(ids) = exact {
                found.extend(ids.iter().map(|&id| (ne, std::cmp::Reverse(ne - ns), id)));
            }
            if found.is_empty() {
                continue;
            }
            found.sort_unstable();
            for &(_, _, id) in &found {
                f(t, self.words[id as usize].1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;
    use aho_corasick::AhoCorasick;

    /// What the table did before: one overlapping Aho-Corasick search over every word,
    /// keeping the matches that fit their affix.
    fn by_automaton(words: &[(&str, usize, Affix)], tokens: &Tokens) -> Vec<(usize, usize)> {
        let ac = AhoCorasick::new(words.iter().map(|w| w.0)).unwrap();
        let mut out = Vec::new();
        for t in 0..tokens.len() {
            if tokens.list[t].kind == TokenKind::Opaque {
                continue;
            }
            let norm = tokens.norm(t);
            for m in ac.find_overlapping_iter(norm) {
                let (_, entry, affix) = words[m.pattern().as_usize()];
                let ok = match affix {
                    Affix::Exact => m.start() == 0 && m.end() == norm.len(),
                    Affix::Prefix => m.start() == 0,
                    Affix::Suffix => m.end() == norm.len(),
                    Affix::Infix => true,
                };
                if ok {
                    out.push((t, entry));
                }
            }
        }
        out
    }

    /// A tiny deterministic generator (xorshift).
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }

        /// A word from a small alphabet, so words collide and overlap often.
        fn word(&mut self, max: u64) -> String {
            const LETTERS: [&str; 7] = ["a", "b", "ä", "ab", "ba", "ß", "e\u{301}"];
            (0..1 + self.below(max))
                .map(|_| LETTERS[self.below(LETTERS.len() as u64) as usize])
                .collect()
        }
    }

    #[test]
    fn reports_what_an_automaton_reports_in_the_same_order() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..500 {
            let owned: Vec<(String, usize, Affix)> = (0..1 + rng.below(20))
                .map(|_| {
                    let affix = [Affix::Exact, Affix::Prefix, Affix::Suffix, Affix::Infix]
                        [rng.below(4) as usize];
                    let w = crate::text::token::normalise(&rng.word(3));
                    (w, rng.below(5) as usize, affix)
                })
                .collect();
            let words: Vec<(&str, usize, Affix)> =
                owned.iter().map(|(w, e, a)| (w.as_str(), *e, *a)).collect();
            let sep = if rng.below(2) == 0 { " " } else { " x.de " };
            let text: Vec<String> = (0..40).map(|_| rng.word(5)).collect();
            let text = text.join(sep);
            let tokens = tokenize(&text);
            let set = WordSet::new(words.clone());
            let mut got = Vec::new();
            set.each_match(&tokens, 0..tokens.len(), |t, e| got.push((t, e)));
            assert_eq!(got, by_automaton(&words, &tokens), "{words:?} in {text}");
        }
    }
}
