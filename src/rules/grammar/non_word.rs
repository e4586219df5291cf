//! `non-word`: a lower-case word that is no German word form, no compound of known parts, in
//! neither frequency lexicon, and one edit away from a frequent word (offizielen).

use crate::text::token_map::FastMap;
use crate::text::word_cache::cached;

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::words::{DePrefix, WordFreq};
use crate::morph::Morph;
use crate::rules::{declare_rule, q, Context, Rule, RuleMeta};
use crate::text::TokenKind;

declare_rule! {
    /// A lower-case word that is no German word but one letter away from a frequent one
    /// (offizielen, akutellen).
    ///
    /// ## What it flags
    /// A lower-case word of at least six letters, in running text, that the morphology does
    /// not know (also with ß for ss, as Swiss German writes it, and at a sentence start),
    /// that is no compound of known parts and not in the German or English frequency
    /// lexicon, and that one edit (a letter left out, added, replaced, or two swapped) turns
    /// into a frequent German word, the suggestion (a participle of an English verb, geframt,
    /// gepostete, is a word; so is a word next to another unknown word, in a phrase of another
    /// language: stort bolche); an unknown word with no such neighbour is
    /// more often a rare derivation or a foreign term than an error. Words with digits, capitals inside, hyphens, apostrophes or a full stop
    /// after them (abbreviations), and words inside quotation marks are left alone.
    ///
    /// ## Why
    /// Machine translation and hurried editing leave words that do not exist (a letter
    /// doubled, dropped or swapped); a reader stops at them.
    ///
    /// ## Example
    /// ```text
    /// Die akutellen Zahlen fielen besser aus.
    /// ```
    ///
    /// ## Instead
    /// ```text
    /// Die aktuellen Zahlen fielen besser aus.
    /// ```
    pub struct NonWord;

    static META = {
        id: "non-word",
        category: "fluency/spelling",
        severity: Severity::Minor,
        positives: &[
            "Bei der offizielen Präsentation fehlte er.",
            "Die akutellen Zahlen fielen besser aus.",
        ],
        negatives: &[
            "Die Sitzung war schwierig.",
            "Das ist ein steuerfreies Angebot.",
            "Die grossen Banken weiss man zu schätzen.",
            "Er sagte „flimig“ und lachte.",
            "Er nutzte das deep learning.",
            "Die Ein- und Ausfuhren stiegen.",
            "Eingebettete Videos dürfen geframt werden.",
        ],
    };
}

/// The shortest word the rule checks: short words are abbreviations, interjections and
/// foreign function words more often than errors.
const MIN_CHARS: usize = 6;

/// Longer words are never checked: no frequent word is this long, so none is one edit away,
/// and the edits of a word take time in proportion to its length squared (a 400 KB
/// "word" of a hostile file took minutes).
const MAX_CHARS: usize = 64;

/// Quotation marks that open or close a quotation.
fn is_quote(s: &str) -> bool {
    matches!(
        s,
        "\"" | "„" | "“" | "”" | "»" | "«" | "‚" | "‘" | "’" | "›" | "‹" | "'"
    )
}

/// The Zipf frequency a word one edit away needs to make an unknown word a likely typo.
const NEIGHBOUR_ZIPF: f32 = 4.0;

/// Letters an insertion or substitution may bring in.
const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyzäöüß";

/// A frequent German word one edit (deletion, insertion, substitution, swap of neighbours)
/// away from `word`, other than one that differs only in the last letter (an inflection
/// the lexicons lack).
fn neighbour(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let freq = WordFreq::builtin();
    // the table's state after chars[..i]: every candidate of step i shares that prefix, so
    // only its rest is walked; where no word starts with chars[..i], no later step finds one
    let mut prefixes = Vec::with_capacity(n + 1);
    let mut at = Some(DePrefix::EMPTY);
    prefixes.push(at);
    for &c in &chars {
        at = at.and_then(|p| freq.de_walk(p, c.encode_utf8(&mut [0; 4])));
        prefixes.push(at);
    }
    let mut rest = String::with_capacity(word.len() + 4);
    let mut frequent = |i: usize, cand: &[char], edit_at: usize| -> Option<String> {
        if edit_at + 1 >= n {
            return None;
        }
        rest.clear();
        rest.extend(&cand[i..]);
        let end = freq.de_walk(prefixes[i]?, &rest)?;
        freq.de_zipf_at(end)
            .is_some_and(|z| z >= NEIGHBOUR_ZIPF)
            .then(|| cand.iter().collect())
    };
    let mut cand = Vec::with_capacity(n + 1);
    for i in 0..n {
        prefixes[i]?;
        cand.clear();
        cand.extend(
            chars
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, &c)| c),
        );
        if let Some(s) = frequent(i, &cand, i) {
            return Some(s);
        }
        if i + 1 < n {
            cand.clear();
            cand.extend_from_slice(&chars);
            cand.swap(i, i + 1);
            if let Some(s) = frequent(i, &cand, i + 1) {
                return Some(s);
            }
        }
        for c in ALPHABET.chars() {
            cand.clear();
            cand.extend_from_slice(&chars);
            cand[i] = c;
            if c != chars[i] {
                if let Some(s) = frequent(i, &cand, i) {
                    return Some(s);
                }
            }
            cand.insert(i, chars[i]);
            cand[i] = c;
            cand[i + 1] = chars[i];
            if let Some(s) = frequent(i, &cand, i) {
                return Some(s);
            }
        }
    }
    None
}

/// `word` is German, English or a frequent word of another language the lexicons know.
fn is_word(word: &str, sentence_start: bool) -> bool {
    let morph = Morph::global();
    let freq = WordFreq::builtin();
    if freq.de_zipf(word).is_some() || freq.en_zipf(word).is_some() {
        return true;
    }
    if morph.is_german(word, sentence_start) {
        return true;
    }
    // Swiss German writes ss for ß: grossen, weiss, Strasse
    if word.contains("ss") && morph.is_german(&word.replace("ss", "ß"), sentence_start) {
        return true;
    }
    latin_ending(word)
        || adjective_from_name(word)
        || form_of_known_verb(morph, word)
        || english_participle(freq, word)
}

/// The Zipf frequency in English a verb stem needs for `english_participle`.
const ENGLISH_STEM_ZIPF: f32 = 3.5;

/// A German participle of an English verb, inflected or not (geframt, gepostete, gecheckt,
/// getrackten): German conjugates borrowed verbs freely, and the dictionary lists few of
/// them. The stem between ge- and the ending is a frequent English word, with or without a
/// final e (frame).
fn english_participle(freq: &WordFreq, word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "eten", "etem", "eter", "etes", "ete", "et", "ten", "tem", "ter", "tes", "te", "t",
    ];
    let Some(rest) = word.strip_prefix("ge") else {
        return false;
    };
    ENDINGS.iter().any(|e| {
        rest.strip_suffix(e).is_some_and(|stem| {
            stem.chars().count() >= 3
                && [stem.to_string(), format!("{stem}e")]
                    .iter()
                    .any(|s| freq.en_zipf(s).is_some_and(|z| z >= ENGLISH_STEM_ZIPF))
        })
    })
}

/// Latin and Greek endings of botanical names and quotations (campis, henryi, iunior).
fn latin_ending(word: &str) -> bool {
    ["i", "is", "ae", "um", "us", "os", "or"]
        .iter()
        .any(|e| word.ends_with(e))
}

/// An adjective in -isch, made from a name as German makes them freely (burischen,
/// venetischen).
fn adjective_from_name(word: &str) -> bool {
    ["isch", "ische", "ischen", "ischer", "isches", "ischem"]
        .iter()
        .any(|e| word.ends_with(e))
}

/// A past or participle form of a verb whose infinitive is known (bleichte, eckten,
/// beschaltet, gerieft): the dictionary lists the forms of fewer verbs than it knows.
fn form_of_known_verb(morph: &Morph, word: &str) -> bool {
    const ENDINGS: &[&str] = &["test", "tet", "ten", "te", "et", "t", "st"];
    let is_verb = |inf: &str| {
        let mut verb = false;
        morph.for_each_reading(inf, |r| {
            verb |= r.tag.verb_form == Some(crate::morph::VerbForm::Infinitive)
        });
        verb
    };
    ENDINGS.iter().any(|e| {
        word.strip_suffix(e).is_some_and(|stem| {
            let bare = stem.strip_prefix("ge").unwrap_or(stem);
            stem.chars().count() >= 3
                && [stem, bare]
                    .iter()
                    .any(|s| is_verb(&format!("{s}en")) || is_verb(&format!("{s}n")))
        })
    })
}

crate::word_cache! {
    /// For every lower-case word a thread checked, across documents: the frequent word one
    /// edit away when the word is no word ([`is_word`], [`neighbour`]).
    static TYPOS: Option<String>;
}

impl Rule for NonWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, cx: &mut Context<'_>) {
        // once per document here, and once per thread across documents in `TYPOS`
        let mut seen: FastMap<&str, Option<String>> = FastMap::default();
        for sent in &doc.sentences {
            let mut quoted = false;
            for t in sent.tok_start..sent.tok_end {
                let tok = doc.tok(t);
                if tok.kind == TokenKind::Punct && is_quote(doc.text(t)) {
                    quoted = !quoted;
                    continue;
                }
                if quoted || tok.kind != TokenKind::Word {
                    continue;
                }
                let text = doc.text(t);
                let chars = text.chars().count();
                if !(MIN_CHARS..=MAX_CHARS).contains(&chars)
                    || !text.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
                    || attached(doc, t, sent.tok_start, sent.tok_end)
                {
                    continue;
                }
                // the word is all lower case, so the sentence start, which lets a capital
                // be lower-cased, changes nothing: the answer depends on the word alone
                let typo = seen
                    .entry(text)
                    .or_insert_with(|| {
                        cached(&TYPOS, text, || {
                            (!is_word(text, false)).then(|| neighbour(text)).flatten()
                        })
                    })
                    .clone();
                if let Some(fix) = typo {
                    if separated_verb(doc, text, t, sent.tok_end)
                        || foreign_run(doc, t, sent.tok_start, sent.tok_end)
                    {
                        continue;
                    }
                    cx.report(
                        &META,
                        tok.start,
                        tok.end,
                        format!("{} is not a German word; {} is.", q(text), q(&fix)),
                        Some(fix),
                    );
                }
            }
        }
    }
}

/// Separable verb particles: in a main clause the particle stands at the end, and the finite
/// form before it may be no word of its own (sie eckten … an: anecken).
const PARTICLES: &[&str] = &[
    "ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "hin", "los", "mit", "nach",
    "vor", "weg", "zu", "zurück", "zusammen",
];

/// `word` at `t` is the finite part of a separable verb whose particle follows later in the
/// sentence: the particle and the word together are a known form (eckten … an: aneckten).
fn separated_verb(doc: &Document, word: &str, t: usize, end: usize) -> bool {
    let morph = Morph::global();
    (t + 1..end).any(|i| {
        let p = doc.norm(i);
        PARTICLES.contains(&p) && morph.is_known(&format!("{p}{word}"))
    })
}

/// The word before or after token `t` is a lower-case word of no language the lexicons know:
/// the two stand in a phrase of another language (es als stort bolche bezeichnen, Danish),
/// where a one-letter neighbour in German means nothing. A typo rarely has an unknown word
/// next to it.
fn foreign_run(doc: &Document, t: usize, first: usize, end: usize) -> bool {
    let unknown = |i: usize| {
        let w = doc.text(i);
        doc.is_word(i)
            && w.chars().count() >= 3
            && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
            && !is_word(w, i == first)
    };
    (t > first && unknown(t - 1)) || (t + 1 < end && unknown(t + 1))
}

/// A hyphen, slash, apostrophe or full stop is attached to token `t` (a part of a
/// hyphenated compound, an abbreviation, a file name).
fn attached(doc: &Document, t: usize, first: usize, end: usize) -> bool {
    let glue = |s: &str| matches!(s, "-" | "–" | "/" | "." | "'" | "’" | "_" | "@" | "#" | "&");
    (t > first && !doc.tok(t).space_before && glue(doc.text(t - 1)))
        || (t + 1 < end && !doc.tok(t + 1).space_before && glue(doc.text(t + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{flagged, run};

    #[test]
    fn the_finite_part_of_a_separable_verb_is_a_word() {
        assert!(run(&NonWord, "Sie eckten als Manager bei der Bank an.").is_empty());
    }

    #[test]
    fn a_very_long_word_is_passed_over_in_linear_time() {
        // minutes before the length limit: every edit of every position was looked up
        let word = "a".repeat(20_000);
        assert!(run(&NonWord, &format!("„Der “{word}")).is_empty());
        assert!(run(&NonWord, &format!("Die {word}s sind da.")).is_empty());
    }

    #[test]
    fn flags_typos_of_frequent_words() {
        assert_eq!(
            run(&NonWord, "Bei der offizielen Präsentation fehlte er."),
            vec![("offizielen".into(), Some("offiziellen".into()))]
        );
        assert_eq!(
            flagged(
                &NonWord,
                "Viele bleiben daheim, wenn es wirklcih schlecht geht."
            ),
            vec!["wirklcih"]
        );
        // ge- and -t around no English verb: still a typo
        assert_eq!(
            flagged(
                &NonWord,
                "Sein Anteil wird gering gerschätzt und das ärgert ihn."
            ),
            vec!["gerschätzt"]
        );
    }

    #[test]
    fn silent_on_rare_derivations_without_a_frequent_neighbour() {
        // MT non-words like these need more than one edit; the rule leaves them alone
        // rather than flag every rare derivation (streifig, samtpfotigen)
        for s in [
            "Der Raum war flimig und dunkel.",
            "Die Gurke streifig schälen.",
            "Die samtpfotigen Katzen schliefen.",
            "Er bleichte das Handtuch weiß.",
            "Das Landgut war von Feldern umringt (campis).",
            "Im vormals burischen Südafrika.",
            "Videos dürfen weiterhin geframt werden.",
            "Die gecheckten Daten und die gepostete Nachricht.",
            "Der Historiker nennt es stort bolche, einen großen Bonbon.",
        ] {
            assert!(flagged(&NonWord, s).is_empty(), "{s}");
        }
    }

    #[test]
    fn silent_on_words_compounds_and_marked_text() {
        for s in [
            "Die Sitzung war schwierig und langwierig.",
            "Das ist ein steuerfreies Angebot.",
            "Die grossen Banken weiss man zu schätzen.",
            "Er sagte „flimig“ und lachte.",
            "Er nutzte das deep learning.",
            "Die Ein- und Ausfuhren stiegen.",
            "Siehe www.example.com/flimig dazu.",
            "Das Kfz. wurde zugelassen.",
        ] {
            assert!(flagged(&NonWord, s).is_empty(), "{s}");
        }
    }
}
