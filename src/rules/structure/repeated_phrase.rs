//! `repeated-phrase`: a phrase or word that machine translation emitted twice.

use super::is_function_word;
use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::{ListId, WordList};
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::token_map::FastMap;
use crate::text::zones::ZoneSet;
use crate::text::TokenKind;

declare_rule! {
    /// A phrase repeated in one sentence, a doubled word, or a garble such as „nach Meta von Meta“.
    ///
    /// ## What it flags
    /// In one sentence: the same phrase of three or more words twice within a few words, when it
    /// carries at least two content words; a name repeated around „von“ (Meta von Meta); a word
    /// written twice in a row, in the same spelling (Die Macht macht is a noun and a verb).
    /// Legitimate German doubles such as „die die“, „das das“ or „als als“ are left alone.
    /// In a paragraph (or segment): the same phrase of five or more words again later (four when
    /// three of them are content words); a content word joined to itself by „und“ or „oder“
    /// (verletzt und verletzt; not the idioms mehr und mehr, nach und nach, immer und immer);
    /// a clause that repeats the content words of the clause before it in another order.
    /// With a source, a paragraph whose English source repeats itself too stays silent for the
    /// repetitions beyond one sentence.
    ///
    /// ## Why
    /// Repetition is a typical decoding failure of machine translation and makes the sentence
    /// unreadable or changes who did what.
    ///
    /// ## Example
    /// ```text
    /// Wang, der sich nach Meta von Meta anschloss.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Wang, der sich Meta anschloss.
    /// ```
    pub struct RepeatedPhrase;

    static META = {
        id: "repeated-phrase",
        category: "accuracy/addition",
        severity: Severity::Minor,
        positives: &[
            "Wang, der sich nach Meta von Meta anschloss.",
            "Die neue Strategie des Konzerns, die neue Strategie des Konzerns, überzeugt.",
            "Der Konzern hat hat neue Pläne.",
            "Er wurde verletzt und verletzt ins Krankenhaus gebracht.",
            "Es kommt näher und näher.",
            "Aber ich bin nicht sicher, ob wir Testdaten dafür haben. Wir prüfen es, aber ich bin nicht sicher, ob wir Testdaten dafür haben.",
            "Die Regierung muss die Steuern senken, die Steuern muss die Regierung senken.",
        ],
        negatives: &[
            "Die Leute, die die Geschwindigkeit priorisieren.",
            "Von Haus zu Haus, Schritt für Schritt.",
            "Es geht um Geld, es geht um Macht.",
            "Vielen vielen Dank, UN-Generalsekretär Butros Butros-Ghali.",
            "Die meisten Fehler wurden gegen 15 Uhr und die meisten Fehler wurden gegen drei Uhr gemeldet.",
            "Die Macht macht den Unterschied.",
            "Sie ist besser als Spielerin als als Trainerin.",
            "Die Preise steigen mehr und mehr, nach und nach auch die Mieten.",
            "Ihre Enkelin ist vier, ihr halbes Leben – ihr halbes Leben! – prägte die Pandemie.",
            "Ad-hoc: ADLER Real Estate AG: ADLER Real Estate AG verbessert das Ergebnis.",
        ],
    };
}

// The words doubled for emphasis (`repeated-phrase.intensifiers`) and the words of pair idioms
// (`repeated-phrase.pair-idioms`) are data in data/word_lists.csv; the doubles grammar
// produces (articles, pronouns) are a closed class and stay here.

/// Doubles that German grammar produces: „die die“ (article + relative pronoun), „dass sie sie“.
const LEGIT_DOUBLES: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "sie", "es", "was", "wer", "ob", "er", "ihr", "wir",
    "als",
];

/// The same spelling: case matters (Die Macht macht is a noun and a verb), except for the
/// capital of a sentence's first word (Hat hat).
fn same_spelling(doc: &Document, t: usize, n: usize) -> bool {
    let (a, b) = (doc.text(t), doc.text(n));
    if a == b {
        return true;
    }
    let first = doc.sentences[doc.sentence_of(t)].tok_start;
    let opens = (first..t).all(|i| !doc.is_word(i));
    let mut ca = a.chars();
    opens
        && ca
            .next()
            .is_some_and(|c| c.to_lowercase().eq(b.chars().take(1)))
        && ca.eq(b.chars().skip(1))
}

/// A lower-case word doubled by a decoding loop (not an intensifier, not a name). A word said
/// three times or more in a row (blah blah blah, share share share) is meant: a decoding slip
/// doubles.
fn doubled(intensifiers: &WordList, doc: &Document, t: usize, n: usize) -> bool {
    let w = doc.norm(t);
    let same_word = |i: usize| i < doc.tokens.len() && doc.is_word(i) && doc.norm(i) == w;
    n == t + 1
        && doc.tokens.norm_hash(t) == doc.tokens.norm_hash(n)
        && w == doc.norm(n)
        && !(t > 0 && same_word(t - 1))
        && !same_word(n + 1)
        && same_spelling(doc, t, n)
        && doc.text(n).chars().next().is_some_and(char::is_lowercase)
        && !w.starts_with("viel")
        && !intensifiers.has_token(doc, t)
        && !LEGIT_DOUBLES.contains(&w)
        && doc
            .tokens
            .list
            .get(n + 1)
            .is_none_or(|x| &doc.view[x.start..x.end] != "-" || x.space_before)
}

fn content(doc: &Document, t: usize) -> bool {
    // four characters take four bytes at least: most short words stop at the length
    doc.is_word(t) && {
        let norm = doc.norm(t);
        norm.len() >= 4 && norm.chars().count() >= 4 && !is_function_word(norm)
    }
}

/// What an English source repeats itself: a word joined to itself by „and“/„or“, and a
/// phrase of four words that occurs twice.
#[derive(Debug, Clone, Copy, Default)]
struct SourceRepeats {
    pair: bool,
    phrase: bool,
}

fn source_repeats(text: &str) -> SourceRepeats {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let pair = words
        .windows(3)
        .any(|w| matches!(w[1].as_str(), "and" | "or") && w[0] == w[2]);
    let mut seen = std::collections::HashSet::new();
    let phrase = words.windows(4).any(|w| !seen.insert(w));
    SourceRepeats { pair, phrase }
}

/// The repetitions beyond one sentence, per segment (a paragraph, or a line in line mode).
fn across_sentences(doc: &Document, cx: &mut Context<'_>) {
    let lex = cx.lex;
    let idioms = [
        lex.list(ListId::RepeatedPhrasePairIdioms),
        lex.list(ListId::RepeatedPhraseIntensifiers),
    ];
    let mut words: Vec<usize> = Vec::new();
    let mut first_grams: FastMap<u64, usize> = FastMap::default();
    for seg in &doc.segments {
        words.clear();
        words.extend((seg.tok_start..seg.tok_end).filter(|&t| doc.is_word(t)));
        if words.len() < 3 {
            continue;
        }
        let source = doc
            .source_at(seg.start)
            .map(|s| source_repeats(&s.text))
            .unwrap_or_default();
        if !source.pair {
            self_pairs(doc, &words, idioms, cx);
        }
        if !source.phrase {
            later_repeat(doc, &words, &mut first_grams, cx);
            reordered_clauses(doc, seg.tok_start, seg.tok_end, cx);
        }
    }
}

/// „verletzt und verletzt“: a content word joined to itself by „und“ or „oder“, unless the word
/// is in one of the `idioms` lists (pair idioms, intensifiers).
fn self_pairs(doc: &Document, words: &[usize], idioms: [&WordList; 2], cx: &mut Context<'_>) {
    for w in words.windows(3) {
        let (a, c, b) = (w[0], w[1], w[2]);
        if c != a + 1 || b != a + 2 || !matches!(doc.norm(c), "und" | "oder") {
            continue;
        }
        // „segeln oder segeln lernen“, „Abonnement oder Abonnement-Bundle“: the second word
        // is modified, the pair is a real alternative
        let next = doc.tokens.list.get(b + 1);
        let continues = next.is_some_and(|x| {
            x.kind != TokenKind::Punct || !x.space_before && &doc.view[x.start..x.end] == "-"
        });
        let hyphen_before = a > 0 && !doc.tok(a).space_before && doc.text(a - 1) == "-";
        if doc.norm(a) != doc.norm(b)
            || hyphen_before
            || (doc.norm(c) == "oder" && continues)
            || next.is_some_and(|x| !x.space_before && &doc.view[x.start..x.end] == "-")
            || name_continues(doc, a, b)
            || !same_spelling(doc, a, b)
            || !content(doc, a)
            || idioms.iter().any(|l| l.has_token(doc, a))
        {
            continue;
        }
        // „näher und näher“ is the English closer and closer: German says „immer näher“
        let mut comparative = false;
        crate::morph::Morph::global().for_each_reading(doc.text(a), |r| {
            comparative |= r.tag_text.contains(":KOM");
        });
        let shown = &doc.view[doc.tok(a).start..doc.tok(b).end];
        if comparative {
            let (s, e) = (doc.tok(a).start, doc.tok(b).end);
            cx.report(
                &META,
                s,
                e,
                format!("{} is the English doubled comparative.", q(shown)),
                Some(format!("immer {}", doc.text(a))),
            );
            continue;
        }
        let (s, e) = (doc.tok(a).end, doc.tok(b).end);
        cx.report(
            &META,
            s,
            e,
            format!("{} joins a word to itself.", q(shown)),
            Some(String::new()),
        );
    }
}

/// „Pictou und Pictou Landing“: a capitalised word after the second copy continues a name.
fn name_continues(doc: &Document, a: usize, b: usize) -> bool {
    let cap = |t: usize| doc.text(t).chars().next().is_some_and(char::is_uppercase);
    cap(a) && b + 1 < doc.tokens.len() && doc.is_word(b + 1) && cap(b + 1)
}

/// Hash of the four words from `words[k]` on.
fn gram(doc: &Document, words: &[usize], k: usize) -> u64 {
    words[k..k + 4]
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, &t| {
            (h.rotate_left(13) ^ doc.tokens.norm_hash(t)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// The most words one repeated-phrase finding covers.
const MAX_PHRASE: usize = 40;

/// The same phrase again in a later sentence of the segment: linear, by hashing every
/// four-word phrase once and looking at most [`MAX_PHRASE`] words ahead.
fn later_repeat(
    doc: &Document,
    words: &[usize],
    first: &mut FastMap<u64, usize>,
    cx: &mut Context<'_>,
) {
    // the keys are hashes already: the map needs no hashing of its own, only a cheap mix;
    // one map serves every segment of the document
    first.clear();
    let same = |a: usize, b: usize| doc.norm(words[a]) == doc.norm(words[b]);
    let mut k = 0;
    while k + 4 <= words.len() {
        let h = gram(doc, words, k);
        let hit = first.get(&h).copied().filter(|&p| {
            p + 4 <= k
                && (0..4).all(|i| same(p + i, k + i))
                && doc.sentence_of(words[p]) != doc.sentence_of(words[k])
        });
        let Some(p) = hit else {
            first.entry(h).or_insert(k);
            k += 1;
            continue;
        };
        // at most MAX_PHRASE words: a whole copied passage is reported in pieces, and a
        // passage that is not reported (quoted) costs a bounded look per word, not its length
        let mut len = 4;
        while len < MAX_PHRASE && k + len < words.len() && p + len < k && same(p + len, k + len) {
            len += 1;
        }
        let phrase = &words[k..k + len];
        let contents = phrase.iter().filter(|&&t| content(doc, t)).count();
        let (s, e) = (doc.tok(phrase[0]).start, doc.tok(phrase[len - 1]).end);
        let (ps, pe) = (doc.tok(words[p]).start, doc.tok(words[p + len - 1]).end);
        // a quotation repeats what was said on purpose
        let quoted = doc.zones.touches(s, e, ZoneSet::QUOTATION)
            || doc.zones.touches(ps, pe, ZoneSet::QUOTATION);
        if !quoted && ((len >= 5 && contents >= 3) || (len >= 7 && contents >= 2)) {
            cx.report(
                &META,
                s,
                e,
                format!(
                    "The phrase {} repeats an earlier sentence of the paragraph.",
                    q(&doc.view[s..e])
                ),
                None,
            );
            for i in k..k + len {
                if i + 4 <= words.len() {
                    first.entry(gram(doc, words, i)).or_insert(i);
                }
            }
            k += len;
        } else {
            first.entry(h).or_insert(k);
            k += 1;
        }
    }
}

/// One clause of [`reordered_clauses`]: its first and last word, the hashes of its content
/// words in order and sorted. The buffers are reused from clause to clause.
#[derive(Default)]
struct Clause {
    first: usize,
    last: usize,
    words: Vec<u64>,
    sorted: Vec<u64>,
}

impl Clause {
    fn clear(&mut self) {
        self.first = usize::MAX;
        self.last = 0;
        self.words.clear();
        self.sorted.clear();
    }

    /// The number of words from the first to the last.
    fn len(&self, doc: &Document) -> usize {
        (self.first..=self.last).filter(|&i| doc.is_word(i)).count()
    }
}

/// A clause with the same content words as the clause before it, in another order.
fn reordered_clauses(doc: &Document, from: usize, to: usize, cx: &mut Context<'_>) {
    let (mut prev, mut cur) = (Clause::default(), Clause::default());
    let mut have_prev = false;
    cur.clear();
    for t in from..=to {
        let boundary =
            t == to || matches!(doc.text(t), "," | ";" | ":" | "." | "!" | "?" | "–" | "—");
        if !boundary {
            if doc.is_word(t) {
                cur.first = cur.first.min(t);
                cur.last = t;
                if content(doc, t) {
                    cur.words.push(doc.tokens.norm_hash(t));
                }
            }
            continue;
        }
        if cur.first == usize::MAX {
            continue;
        }
        // only a clause of three content words or more is compared, with a clause of as
        // many: the sorted list of a shorter one is never needed
        if cur.words.len() >= 3 {
            cur.sorted.extend_from_slice(&cur.words);
            cur.sorted.sort_unstable();
        }
        if have_prev
            && cur.sorted.len() >= 3
            && prev.sorted == cur.sorted
            && prev.words != cur.words
            && prev.len(doc).abs_diff(cur.len(doc)) <= 2
        {
            let (s, e) = (doc.tok(cur.first).start, doc.tok(cur.last).end);
            cx.report(
                &META,
                s,
                e,
                format!(
                    "The clause {} repeats the clause before it with its words reordered.",
                    q(&doc.view[s..e])
                ),
                None,
            );
        }
        std::mem::swap(&mut prev, &mut cur);
        have_prev = true;
        cur.clear();
    }
}

impl Rule for RepeatedPhrase {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        let intensifiers = cx.lex.list(ListId::RepeatedPhraseIntensifiers);
        let mut words: Vec<usize> = Vec::new();
        for sent in &doc.sentences {
            words.clear();
            words.extend((sent.tok_start..sent.tok_end).filter(|&t| doc.is_word(t)));
            let mut flagged_until = 0usize;
            // doubled word and X von X
            for (k, &t) in words.iter().enumerate() {
                let Some(&n) = words.get(k + 1) else { break };
                if doubled(intensifiers, doc, t, n) {
                    let (s, e) = (doc.tok(n).start, doc.tok(n).end);
                    cx.report(
                        &META,
                        s,
                        e,
                        format!("The word {} is doubled.", q(doc.text(n))),
                        Some(String::new()),
                    );
                    flagged_until = e;
                }
                if let Some(&x2) = words.get(k + 2) {
                    if n == t + 1
                        && x2 == t + 2
                        && doc.norm(n) == "von"
                        && doc.text(t).chars().next().is_some_and(char::is_uppercase)
                        && doc.text(t) == doc.text(x2)
                    {
                        let prep = k > 0
                            && words[k - 1] + 1 == t
                            && matches!(
                                doc.norm(words[k - 1]),
                                "nach"
                                    | "zu"
                                    | "bei"
                                    | "mit"
                                    | "an"
                                    | "von"
                                    | "für"
                                    | "aus"
                                    | "über"
                                    | "vor"
                                    | "durch"
                            );
                        if prep {
                            let (s, e) = (doc.tok(n).start, doc.tok(x2).end);
                            cx.report(
                                &META,
                                s,
                                e,
                                format!(
                                    "{} repeats the name around „von“, a garbled construction.",
                                    q(&doc.view[doc.tok(t).start..e])
                                ),
                                Some(String::new()),
                            );
                            flagged_until = e;
                        }
                    }
                }
            }
            decoding_loops(doc, &words, flagged_until, cx);
        }
        across_sentences(doc, cx);
    }
}

/// The same n-gram (n >= 3) twice in a row in a sentence's `words`: a decoding loop. Places
/// before `flagged_until` are already reported.
fn decoding_loops(doc: &Document, words: &[usize], mut flagged_until: usize, cx: &mut Context<'_>) {
    let close = |g: &[usize]| g.windows(2).all(|w| w[1] - w[0] <= 2);
    let hash = |t: usize| doc.tokens.norm_hash(t);
    for n in (3..=6).rev() {
        for k in n..(words.len() + 1).saturating_sub(n) {
            // most word pairs differ: compare their hashes before their forms
            if hash(words[k - n]) != hash(words[k]) {
                continue;
            }
            let (first, second) = (&words[k - n..k], &words[k..k + n]);
            let same = first
                .iter()
                .zip(second)
                .all(|(&a, &b)| doc.norm(a) == doc.norm(b));
            if !same || !close(first) || !close(second) || second[0] - first[n - 1] > 2 {
                continue;
            }
            if second.iter().filter(|&&t| content(doc, t)).count() < 2 {
                continue;
            }
            // a heading run into the text that repeats it, as pages copied from the web
            // have it („Obst aus dem Topfgarten Obst aus dem Topfgarten ist …“): the first
            // copy opens the sentence or follows a breadcrumb mark, and is capitalised
            let opens = first[0] == words[0]
                || (first[0] > 0 && matches!(doc.text(first[0] - 1), "»" | "›" | "|" | ">"));
            let capital = doc.text(first[0]).starts_with(char::is_uppercase);
            if opens && capital && second[0] == first[n - 1] + 1 {
                continue;
            }
            // „ihr halbes Leben – ihr halbes Leben!“, „ADLER AG: ADLER AG verbessert“:
            // a dash or colon between the copies sets off a restatement or a label
            if (first[n - 1] + 1..second[0]).any(|i| matches!(doc.text(i), ":" | "-" | "–" | "—"))
            {
                continue;
            }
            let (s, e) = (doc.tok(second[0]).start, doc.tok(second[n - 1]).end);
            if s >= flagged_until {
                cx.report(
                    &META,
                    s,
                    e,
                    format!("The phrase {} is repeated.", q(&doc.view[s..e])),
                    Some(String::new()),
                );
                flagged_until = e;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{flagged, flagged_with_words};

    #[test]
    fn a_word_added_to_a_user_word_list_is_an_exception() {
        let pair = "Er wurde verletzt und verletzt gebracht.";
        assert_eq!(flagged(&RepeatedPhrase, pair), [" und verletzt"]);
        let rows = "repeated-phrase.pair-idioms,verletzt\n";
        assert!(flagged_with_words(&RepeatedPhrase, pair, rows).is_empty());
        let doubled = "Das war weit weit weg, sagte sie leise leise.";
        assert_eq!(flagged(&RepeatedPhrase, doubled), ["leise"]);
        let rows = "repeated-phrase.intensifiers,leise\n";
        assert!(flagged_with_words(&RepeatedPhrase, doubled, rows).is_empty());
    }

    #[test]
    fn repetitions_beyond_one_sentence() {
        assert_eq!(
            flagged(&RepeatedPhrase, "Er wurde verletzt und verletzt gebracht."),
            [" und verletzt"]
        );
        assert_eq!(
            flagged(
                &RepeatedPhrase,
                "Aber ich bin nicht sicher, ob wir Testdaten dafür haben. Wir prüfen es, aber ich bin nicht sicher, ob wir Testdaten dafür haben."
            ),
            ["aber ich bin nicht sicher, ob wir Testdaten dafür haben"]
        );
        assert_eq!(
            flagged(
                &RepeatedPhrase,
                "Die Regierung muss die Steuern senken, die Steuern muss die Regierung senken."
            ),
            ["die Steuern muss die Regierung senken"]
        );
    }

    #[test]
    fn case_and_idioms_tell_legitimate_doubles() {
        for text in [
            "Die Macht macht den Unterschied.",
            "Sie ist besser als Spielerin als als Trainerin.",
            "Die Preise steigen mehr und mehr, nach und nach auch die Mieten.",
        ] {
            assert!(flagged(&RepeatedPhrase, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn triples_and_headings_run_into_their_text_are_meant() {
        for text in [
            "Er sagte nur blah blah blah und ging.",
            "Obst aus dem Topfgarten Obst aus dem Topfgarten ist ein Genuss.",
            "Garten » Obst im Topf Obst im Topf ist ein Genuss.",
        ] {
            assert!(flagged(&RepeatedPhrase, text).is_empty(), "{text}");
        }
        // a doubled word and a loop inside the sentence still are slips
        assert_eq!(
            flagged(&RepeatedPhrase, "Dort hatte hatte Shell gebohrt."),
            ["hatte"]
        );
        assert_eq!(
            flagged(
                &RepeatedPhrase,
                "Wir fahren in den Landkreis Leipzig in den Landkreis Leipzig morgen."
            ),
            ["in den Landkreis Leipzig"]
        );
    }

    #[test]
    fn flags_the_second_copy() {
        assert_eq!(
            flagged(&RepeatedPhrase, "Wang schloss sich nach Meta von Meta an."),
            ["von Meta"]
        );
    }

    #[test]
    fn a_quoted_passage_copied_many_times_is_passed_over_quickly() {
        // each copy used to be compared word by word up to the next copy, once per word
        let passage = "„Die Regierung hat heute in der Hauptstadt neue Regeln für den Handel \
                       mit Waren aus dem Ausland und für die Steuern auf Einkommen beschlossen, \
                       die im kommenden Jahr gelten sollen.“ ";
        let text = passage.repeat(600);
        assert!(flagged(&RepeatedPhrase, &text).is_empty());
    }
}
