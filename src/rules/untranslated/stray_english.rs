//! `stray-english`: a single English word (or two) left inside a German sentence.

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::words::{WordFreq, ENGLISH_MARGIN, GERMAN_HOMOGRAPHS};
use crate::morph::Morph;
use crate::morph::Pos;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::token_map::TokenMemo;
use crate::text::zones::ZoneSet;
use crate::text::TokenKind;

declare_rule! {
    /// A single English word, or two, inside a German sentence (ein großer BUST, ein neuer deal).
    ///
    /// ## What it flags
    /// One or two neighbouring words that the frequency lexicons know as English and not as
    /// German (much more frequent in English, Zipf 3 or more in English), that the German
    /// morphology does not know in any capitalisation, standing between German words of a
    /// German sentence. Words written with a capital first letter (names, German nouns,
    /// adopted anglicisms such as Team or Meeting), compounds with a hyphen (Deep-Learning-Modell),
    /// quotations, titles, parentheses, URLs, handles and headings stay silent; runs of three
    /// or more English words are `untranslated-english`. The English source must contain the
    /// same word: then it was copied, not translated, and the finding is major. Without a
    /// source the rule stays silent, because in German written by people such a word is far
    /// more often a name, a newspaper's title, a foreign phrase or wordplay (13 of 17 on the
    /// clean corpus) than a leftover.
    ///
    /// ## Why
    /// Machine translation passes single words through that it could not translate; a German
    /// reader stumbles over them, and they show the text was not edited.
    ///
    /// ## Example
    /// ```text
    /// Nach dem Börsengang kam ein großer BUST, und die Firma suchte einen neuen lender.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Nach dem Börsengang kam ein großer Absturz, und die Firma suchte einen neuen Kreditgeber.
    /// ```
    pub struct StrayEnglish;

    static META = {
        id: "stray-english",
        category: "accuracy/untranslated",
        severity: Severity::Minor,
        positives: &[
            "We need a new lender. ⇒ Die Firma suchte einen neuen lender für das Projekt.",
            "It was a big bust. ⇒ Nach dem Börsengang kam ein großer BUST für die Anleger.",
        ],
        negatives: &[
            "Das Team hat im Meeting über das neue Feature gesprochen.",
            "Er sagte „the end“ und ging.",
            "Die Firma (englisch: lender) vergibt Kredite.",
            "Das Deep-Learning-Modell läuft online.",
            "Sie arbeitet bei Save the Children in Berlin.",
            "Die Firma suchte einen neuen lender für das Projekt.",
        ],
    };
}

/// English by the lexicons: Zipf 2.5 or more in English and 1.2 more than in German (the
/// lexicon's own margin, [`ENGLISH_MARGIN`]); the morphology must not know the word either.
const MIN_EN_ZIPF: f32 = 2.5;
const MIN_MARGIN: f32 = ENGLISH_MARGIN;

/// The zones whose words are not the author's running German.
const SILENT_ZONES: ZoneSet = ZoneSet::FOREIGN_VOICE
    .union(ZoneSet::OPAQUE)
    .union(ZoneSet::PARENTHESIS);

/// English function words and chat words: alone inside German they are the lower-case words
/// of a title (Someone like you, Revolution and War) or a list slip, not an untranslated word.
/// They still count as English for the neighbours of a run.
const FUNCTION: &[&str] = &[
    "a", "about", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
    "can", "could", "did", "do", "does", "down", "for", "from", "get", "got", "had", "has", "have",
    "he", "her", "here", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "like",
    "lol", "me", "more", "most", "my", "no", "not", "now", "of", "off", "ok", "omg", "on", "one",
    "only", "or", "our", "out", "over", "said", "says", "she", "should", "so", "some", "than",
    "that", "the", "their", "then", "there", "these", "they", "this", "those", "to", "too", "two",
    "up", "very", "was", "we", "were", "what", "when", "where", "who", "why", "will", "with",
    "would", "yes", "you", "your",
];

/// How a word reads in a German text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    /// A German word form.
    German,
    /// An English content word, not German.
    English,
    /// An English function word ([`FUNCTION`]) or one letter away from a frequent German word:
    /// never reported on its own.
    EnglishFunction,
    /// Neither for sure.
    Other,
}

impl Lang {
    fn english(self) -> bool {
        matches!(self, Lang::English | Lang::EnglishFunction)
    }
}

/// `word` (as written) is English and no German form in any capitalisation.
fn classify(word: &str) -> Lang {
    let morph = Morph::global();
    let lower = word.to_lowercase();
    let capital: String = {
        let mut c = lower.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    };
    let german = morph.is_known(word) || morph.is_known(&lower) || morph.is_known(&capital);
    if german {
        return Lang::German;
    }
    let lex = WordFreq::builtin();
    let en = lex.en_zipf(&lower);
    let de = lex.de_zipf(&lower);
    // a word missing from the German table is rarer than its floor, and the morphology does
    // not know it either: a lower English frequency is enough then
    let frequent = match (en, de) {
        (Some(en), None) => en >= MIN_EN_ZIPF,
        (Some(en), Some(de)) => en >= MIN_EN_ZIPF && en - de >= MIN_MARGIN,
        (None, _) => false,
    };
    let english = lower.chars().count() >= 2
        && lower.chars().all(|c| c.is_ascii_lowercase())
        && frequent
        && GERMAN_HOMOGRAPHS.binary_search(&lower.as_str()).is_err()
        && !morph.is_german(&lower, false)
        && !morph.is_german(&capital, false);
    // a typo of a German word (deer for der) is never reported, but still English next to
    // other English words
    if english && (FUNCTION.binary_search(&lower.as_str()).is_ok() || german_typo(&lower)) {
        Lang::EnglishFunction
    } else if english {
        Lang::English
    } else {
        Lang::Other
    }
}

/// Token `t` has four letters or more, written all lower case or all upper case (short words
/// are units and abbreviations: mph, app).
fn shape_ok(doc: &Document, t: usize) -> bool {
    let w = doc.text(t);
    w.chars().count() >= 4
        && (w.chars().all(|c| c.is_ascii_lowercase()) || w.chars().all(|c| c.is_ascii_uppercase()))
}

/// A word in capitals is a name or an acronym (YARN, REACH) unless an article or an inflected
/// adjective before it makes it a common noun (ein großer BUST).
fn capitals_used_as_noun(doc: &Document, before: Option<(usize, Lang)>) -> bool {
    let Some((b, Lang::German)) = before else {
        return false;
    };
    let lower = doc.text(b).chars().next().is_some_and(char::is_lowercase);
    let mut determiner = false;
    Morph::global().for_each_reading(doc.text(b), |r| {
        determiner |= matches!(r.tag.pos, Pos::Article | Pos::Adjective);
    });
    lower && determiner
}

/// Token `t` is glued to a neighbour other than sentence punctuation: a compound
/// (Deep-Learning, copy−protected), a contraction (don't), a broken character (Aufru¨stung).
fn glued(doc: &Document, t: usize) -> bool {
    let n = doc.tokens.len();
    let opening = |i: usize| matches!(doc.text(i), "(" | "[" | "„" | "“" | "\"" | "»" | "«" | "‚");
    let closing = |i: usize| {
        matches!(
            doc.text(i),
            "," | "."
                | ";"
                | ":"
                | "!"
                | "?"
                | ")"
                | "]"
                | "“"
                | "”"
                | "\""
                | "«"
                | "»"
                | "‘"
                | "…"
                | "..."
        )
    };
    // threshold.appcache: a full stop with a word glued after it is part of a file name
    let file_name = t + 2 < n && doc.text(t + 1) == "." && !doc.tok(t + 2).space_before;
    (t > 0 && !doc.tok(t).space_before && !opening(t - 1))
        || (t + 1 < n && !doc.tok(t + 1).space_before && (!closing(t + 1) || file_name))
}

/// French function words: a French name or phrase (Place des martyrs, enfant de troupe) has
/// words that English shares.
const FRENCH: &[&str] = &[
    "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les",
];

/// `lower` is a typo of a frequent German word: deleting one letter gives a word of Zipf 5 or
/// more (deer for der).
fn german_typo(lower: &str) -> bool {
    let lex = WordFreq::builtin();
    lower.char_indices().any(|(i, c)| {
        let shorter = format!("{}{}", &lower[..i], &lower[i + c.len_utf8()..]);
        lex.de_zipf(&shorter).is_some_and(|z| z >= 5.0) && !lex.is_english_not_german(&shorter)
    })
}

impl Rule for StrayEnglish {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // only a word the English source has too is reported: no source, nothing to do
        if doc.sources.iter().all(Option::is_none) {
            return;
        }
        let mut memo = TokenMemo::new(&doc.tokens);
        let mut words: Vec<(usize, Lang)> = Vec::new();
        for sent in &doc.sentences {
            words.clear();
            for t in sent.tok_start..sent.tok_end {
                if doc.tok(t).kind != TokenKind::Word {
                    continue;
                }
                let lang = memo.get(t, classify);
                // the memo is by normalised form: the shape is the token's own
                let lang = if lang.english() && !shape_ok(doc, t) {
                    Lang::Other
                } else {
                    lang
                };
                words.push((t, lang));
            }
            let german = words.iter().filter(|w| w.1 == Lang::German).count();
            let english = words.iter().filter(|w| w.1.english()).count();
            // a German sentence: mostly German words
            if english == 0 || german < 4 || english * 5 > german {
                continue;
            }
            self.sentence(doc, &words, cx);
        }
    }
}

impl StrayEnglish {
    /// Reports the English runs of one or two words between German words in one sentence.
    fn sentence(&self, doc: &Document, words: &[(usize, Lang)], cx: &mut Context<'_>) {
        let mut k = 0;
        while k < words.len() {
            if !words[k].1.english() {
                k += 1;
                continue;
            }
            let mut j = k + 1;
            while j < words.len() && words[j].1.english() && words[j].0 == words[j - 1].0 + 1 {
                j += 1;
            }
            let (from, run) = (k, &words[k..j]);
            k = j;
            if run.len() > 2 || run.iter().any(|w| w.1 != Lang::English || glued(doc, w.0)) {
                continue;
            }
            let (first, last) = (run[0].0, run[run.len() - 1].0);
            // a German word on each side, or one German word and the sentence's punctuation
            let before = from.checked_sub(1).map(|p| words[p]);
            let after = words.get(j).copied();
            let side = |w: Option<(usize, Lang)>, adjacent: bool| match w {
                Some((_, Lang::German)) if adjacent => Some(true),
                Some(_) if adjacent => None,
                _ => Some(false),
            };
            let b = side(before, before.is_some_and(|w| w.0 + 1 == first));
            let a = side(after, after.is_some_and(|w| w.0 == last + 1));
            let (Some(b), Some(a)) = (b, a) else { continue };
            if !(a || b) {
                continue;
            }
            let caps = doc.text(first).chars().all(|c| c.is_ascii_uppercase());
            if caps && !capitals_used_as_noun(doc, before) {
                continue;
            }
            // a part of a name (3-D Secure, Code civil): a single letter or a word in capitals
            // before it
            let name_part = before.is_some_and(|w| {
                let t = doc.text(w.0);
                t.chars().count() == 1 || t.chars().all(|c| c.is_uppercase())
            });
            // other English close by: intentional code-switching (dass going veggie pretty
            // cool), a title, or a longer run that untranslated-english judges
            let lo = from.saturating_sub(2);
            let hi = (j + 2).min(words.len());
            let crowded = (lo..from)
                .chain(j..hi)
                .any(|i| words[i].1.english() || FRENCH.contains(&doc.norm(words[i].0)));
            if name_part || crowded {
                continue;
            }
            let (s, e) = (doc.tok(first).start, doc.tok(last).end);
            if doc.zones.touches(s, e, SILENT_ZONES) {
                continue;
            }
            self.report(doc, s, e, cx);
        }
    }

    /// Reports `s..e` when the English source has the same words (major: copied).
    fn report(&self, doc: &Document, s: usize, e: usize, cx: &mut Context<'_>) {
        let shown = &doc.view[s..e];
        let copied = doc
            .source_at(s)
            .is_some_and(|src| contains_word(&src.text, shown));
        if copied {
            let message = format!("{} is English copied from the source.", q(shown));
            cx.report_as(&META, Severity::Major, s, e, message, None);
        }
    }
}

/// `hay` contains `needle` as a whole word, ignoring case.
fn contains_word(hay: &str, needle: &str) -> bool {
    let hay = hay.to_lowercase();
    let needle = needle.to_lowercase();
    hay.match_indices(&needle).any(|(i, m)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::flagged;

    #[test]
    fn flags_a_single_english_word() {
        assert_eq!(
            flagged(
                &StrayEnglish,
                "We need a lender. ⇒ Die Firma suchte einen neuen lender für das Projekt."
            ),
            ["lender"]
        );
        assert_eq!(
            flagged(
                &StrayEnglish,
                "A big bust. ⇒ Nach dem Börsengang kam ein großer BUST für die Anleger."
            ),
            ["BUST"]
        );
        // without the source's word, silent
        assert!(flagged(
            &StrayEnglish,
            "Die Firma suchte einen neuen lender für das Projekt."
        )
        .is_empty());
    }

    #[test]
    fn anglicisms_names_and_zones_stay_silent() {
        for text in [
            "Das Team hat im Meeting über das neue Feature gesprochen.",
            "Er sagte „the end“ und ging nach Hause.",
            "Die Firma (englisch: lender) vergibt heute Kredite.",
            "Das Deep-Learning-Modell läuft jetzt online.",
        ] {
            assert!(flagged(&StrayEnglish, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn function_words_are_sorted() {
        assert!(FUNCTION.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn whole_words_of_the_source() {
        assert!(contains_word("We need a new lender.", "lender"));
        assert!(!contains_word("We need new lenders.", "lender"));
    }
}
