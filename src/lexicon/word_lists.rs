//! The word lists of the heuristic rules (`data/word_lists.csv`, user files `word_lists*.csv`):
//! reflexive verbs, roles, units, exceptions … Every list is declared once here ([`WORD_LISTS`]:
//! its id, the rule that reads it, how a word is matched, the case it is written in); the rows
//! are data that `--dict` extends, checked by [`super::validate`] and compiled into hash sets
//! that rules fetch from [`super::Lexicons::list`] once per document.
//!
//! Closed grammatical classes stay in the rule files: articles, pronouns, conjunctions,
//! prepositions, endings and function words are grammar, not vocabulary a newsroom adds to:
//! the determiners of `unknown-mangled-name`, the reflexive pronouns of `missing-reflexive`,
//! the pronouns of address of `mixed-address`, the articles and conjunctions of
//! `capitalized-after-comma` (its verbs of saying are data), `LEGIT_DOUBLES` of
//! `repeated-phrase`, `NOT_VERBAL_BEFORE_ZU` and `CLAUSE_END` of `modal-zu-infinitive`,
//! `NEVER_LAST` of `truncated-text`, `ALLOWED_LOWER` of `run-in-heading`, `NOT_COMPOUND` of
//! `dash-spacing`, the German function words of `rules::structure`, the English and French
//! function words of `stray-english` and `untranslated-english`, the English number words of
//! `source-number`, and the stems and endings of `np-agreement`, `non-word` and
//! `modal-zu-infinitive`. The tokenizer's and the sentence splitter's own lists (`src/text/`,
//! the English abbreviations of `rules::source::align`) belong to those layers.

use serde::Deserialize;
use unicode_normalization::is_nfc;

use crate::document::Document;
use crate::text::token::{normalise, tokenize};
use crate::text::token_map::{FastSet, TokenSet};

/// The file-name stem of the word lists (`data/word_lists.csv`, user files `word_lists*.csv`).
pub const WORD_LISTS_FILE: &str = "word_lists";

/// How a list's words are compared with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Matching {
    /// A token's text exactly as written (case-sensitive); the words are single tokens.
    #[default]
    Exact,
    /// A token's normalised form (NFC, lower case); the words are single tokens, normalised.
    Norm,
    /// A lower-case word that begins with one of the words.
    Prefix,
    /// A lower-case word that ends with one of the words.
    Suffix,
}

impl Matching {
    /// How `dict check` and the docs name it.
    pub fn name(self) -> &'static str {
        match self {
            Matching::Exact => "exact text",
            Matching::Norm => "normalised form",
            Matching::Prefix => "prefix",
            Matching::Suffix => "suffix",
        }
    }

    /// The words are compared with one token each.
    fn single_token(self) -> bool {
        matches!(self, Matching::Exact | Matching::Norm)
    }
}

/// The case a list's words are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// In their normalised form: NFC, lower case (every list matched against normalised words).
    Lower,
    /// With a capital first letter (nouns, words at the start of a clause).
    Capitalised,
    /// As the word is written (units: `MW`, `kWh`).
    Any,
}

/// The declaration of one word list.
#[derive(Debug)]
pub struct WordListSpec {
    /// The list's id in the `list` column: `<rule>.<what>`, kebab-case.
    pub id: &'static str,
    /// The rule (or rules) that read it.
    pub rule: &'static str,
    /// How its words are compared with the text.
    pub matching: Matching,
    /// The case its words are written in.
    pub case: Case,
    /// One line: what a word of the list is.
    pub doc: &'static str,
}

macro_rules! word_lists {
    ($( $variant:ident = $id:literal, $rule:literal, $matching:ident, $case:ident, $doc:literal; )*) => {
        /// A word list: the index of its [`WordListSpec`] in [`WORD_LISTS`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ListId {
            $( #[doc = $doc] $variant, )*
        }

        /// Every word list, in the order of [`ListId`].
        pub const WORD_LISTS: &[WordListSpec] = &[
            $( WordListSpec {
                id: $id,
                rule: $rule,
                matching: Matching::$matching,
                case: Case::$case,
                doc: $doc,
            }, )*
        ];
    };
}

word_lists! {
    CapitalizedAfterCommaSpeechVerbs = "capitalized-after-comma.speech-verbs",
        "capitalized-after-comma", Exact, Capitalised,
        "Verbs of saying, capitalised after a comma by machine translation (Sagte, Betonte).";
    ImperialUnitMetricUnits = "imperial-unit.metric-units", "imperial-unit", Norm, Lower,
        "Metric units: one next to an imperial measure means the text gives the metric value.";
    InfinitiveArticleInfinitives = "infinitive-article.infinitives", "infinitive-article",
        Exact, Capitalised, "Nominalised infinitives without a plural: always neuter.";
    LocaleMagnitudes = "locale.magnitudes", "number-format, currency-position", Norm, Lower,
        "Words that count or measure the number before them (Millionen, Prozent, Euro).";
    MissingHyphenHeads = "missing-hyphen.heads", "missing-hyphen", Norm, Lower,
        "Nouns that form a compound with a product code before them (H100-GPUs).";
    MissingHyphenPlantHeads = "missing-hyphen.plant-heads", "missing-hyphen", Suffix, Lower,
        "Heads of plant and equipment compounds after number and unit (200-MW-Anlage).";
    MissingHyphenUnits = "missing-hyphen.units", "missing-hyphen", Exact, Any,
        "Units that form compounds with a number (200-MW-Anlage), as written.";
    MissingReflexiveVerbs = "missing-reflexive.verbs", "missing-reflexive", Exact, Lower,
        "Finite forms of verbs German uses only reflexively (sehnt, weigerte).";
    RepeatedPhraseIntensifiers = "repeated-phrase.intensifiers", "repeated-phrase", Norm,
        Lower, "Words doubled for emphasis in ordinary German (sehr, sehr).";
    RepeatedPhrasePairIdioms = "repeated-phrase.pair-idioms", "repeated-phrase", Norm, Lower,
        "Words German doubles around und/oder in idioms (mehr und mehr, nach und nach).";
    SourceNumberImperialUnits = "source-number.imperial-units", "source-number", Prefix, Lower,
        "English units whose figures change when converted to metric (miles, feet).";
    UnknownMangledNameModelWords = "unknown-mangled-name.model-words", "unknown-mangled-name",
        Norm, Lower, "Nouns after a version number that make the word before it a name.";
    UnknownMangledNameRoleAdjectives = "unknown-mangled-name.role-adjectives",
        "unknown-mangled-name", Prefix, Lower,
        "Beginnings of adjectives before a role (neue, ehemalige): no name.";
    UnknownMangledNameRoles = "unknown-mangled-name.roles", "unknown-mangled-name", Norm, Lower,
        "Company roles before a person's name (CEO, Chefin, Mitgründer).";
}

impl ListId {
    /// The list's declaration.
    pub fn spec(self) -> &'static WordListSpec {
        &WORD_LISTS[self as usize]
    }
}

/// The declaration of the list with id `id`.
pub fn spec_of(id: &str) -> Option<&'static WordListSpec> {
    WORD_LISTS.iter().find(|s| s.id == id)
}

/// A raw row of `word_lists.csv`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct WordListRow {
    /// The list's id.
    pub list: String,
    /// The word.
    pub word: String,
    /// Maintainer note.
    pub note: String,
}

/// Every problem of a row of a word-list file, in column order.
pub fn word_list_row_problems(r: &WordListRow) -> Vec<String> {
    let mut out = Vec::new();
    let id = r.list.trim();
    let Some(spec) = spec_of(id) else {
        let known: Vec<&str> = WORD_LISTS.iter().map(|s| s.id).collect();
        out.push(format!(
            "unknown list `{id}` (known lists: {})",
            known.join(", ")
        ));
        return out;
    };
    let word = r.word.trim();
    if word.is_empty() {
        out.push("empty word".into());
        return out;
    }
    if !is_nfc(word) {
        out.push(format!("word `{word}` is not in Unicode NFC"));
        return out;
    }
    if spec.matching.single_token() {
        let n = tokenize(word).len();
        if n != 1 {
            out.push(format!(
                "`{word}` is {n} tokens: list `{id}` matches single tokens ({})",
                spec.matching.name()
            ));
        }
    }
    match spec.case {
        Case::Lower if normalise(word) != word => out.push(format!(
            "`{word}` must be written `{}`: list `{id}` is matched against lower-case words",
            normalise(word)
        )),
        Case::Capitalised if !word.starts_with(char::is_uppercase) => out.push(format!(
            "`{word}` must start with a capital letter: list `{id}` holds capitalised words"
        )),
        _ => {}
    }
    out
}

/// One word list, compiled: hash sets looked up by the hash every token carries, so testing a
/// token that is in no list (most tokens) costs one probe and no string comparison.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    matching: Matching,
    /// The normalised form of every word (exact and normalised lists).
    norms: TokenSet,
    /// The words as written (exact lists).
    exact: FastSet<Box<str>>,
    /// The words as written, in order.
    words: Vec<Box<str>>,
}

impl WordList {
    /// The list of `words`, compared with the text by `matching`.
    pub fn new<S: AsRef<str>>(matching: Matching, words: impl IntoIterator<Item = S>) -> Self {
        let mut list = WordList {
            matching,
            ..WordList::default()
        };
        for w in words {
            let w = w.as_ref();
            if list.exact.insert(w.into()) {
                list.norms.insert(&normalise(w));
                list.words.push(w.into());
            }
        }
        list
    }

    /// Token `t` of `doc` matches a word: its text is one (exact), its normalised form is one
    /// (normalised), its normalised form begins (prefix) or ends (suffix) with one.
    #[inline]
    pub fn has_token(&self, doc: &Document, t: usize) -> bool {
        match self.matching {
            Matching::Exact => {
                self.norms.contains_token(&doc.tokens, t) && self.exact.contains(doc.text(t))
            }
            Matching::Norm => self.norms.contains_token(&doc.tokens, t),
            Matching::Prefix | Matching::Suffix => self.matches(doc.norm(t)),
        }
    }

    /// `s` matches a word: it is one (exact; normalised, for an `s` that is a normalised form),
    /// it begins (prefix) or ends (suffix) with one.
    pub fn matches(&self, s: &str) -> bool {
        match self.matching {
            Matching::Exact => self.exact.contains(s),
            Matching::Norm => self.norms.contains(s),
            Matching::Prefix => self.words.iter().any(|w| s.starts_with(&**w)),
            Matching::Suffix => self.words.iter().any(|w| s.ends_with(&**w)),
        }
    }

    /// The words, in the order read.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| &**w)
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The list has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Every word list, compiled, in the order of [`WORD_LISTS`].
#[derive(Debug, Clone)]
pub struct WordLists(Vec<WordList>);

impl Default for WordLists {
    fn default() -> Self {
        WordLists::from_rows(std::iter::empty::<(&str, &str)>())
    }
}

impl WordLists {
    /// The lists of `rows`, (list id, word) pairs that have been validated; a row of an unknown
    /// list is ignored.
    pub fn from_rows<'r>(rows: impl IntoIterator<Item = (&'r str, &'r str)>) -> Self {
        let mut words: Vec<Vec<&str>> = vec![Vec::new(); WORD_LISTS.len()];
        for (id, word) in rows {
            if let Some(i) = WORD_LISTS.iter().position(|s| s.id == id) {
                words[i].push(word);
            }
        }
        WordLists(
            WORD_LISTS
                .iter()
                .zip(words)
                .map(|(spec, w)| WordList::new(spec.matching, w))
                .collect(),
        )
    }

    /// The list `id`.
    pub fn get(&self, id: ListId) -> &WordList {
        &self.0[id as usize]
    }

    /// (list id, number of words) of every list, in the order of [`WORD_LISTS`].
    pub fn counts(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        WORD_LISTS.iter().zip(&self.0).map(|(s, l)| (s.id, l.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_name_registered_rules() {
        for (i, spec) in WORD_LISTS.iter().enumerate() {
            assert!(
                WORD_LISTS[..i].iter().all(|s| s.id != spec.id),
                "{}",
                spec.id
            );
            assert!(
                spec.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '.'),
                "{}",
                spec.id
            );
            let (owner, what) = spec.id.split_once('.').expect("<reader>.<what>");
            assert!(!what.is_empty() && !what.contains('.'), "{}", spec.id);
            let rules: Vec<&str> = spec.rule.split(", ").collect();
            for rule in &rules {
                assert!(crate::rules::by_id(rule).is_some(), "{}: {rule}", spec.id);
            }
            // one rule's list is named after it; a shared list after the rules' family
            assert!(
                rules == [owner] || (rules.len() > 1 && owner == "locale"),
                "{}",
                spec.id
            );
        }
        assert_eq!(
            ListId::MissingReflexiveVerbs.spec().id,
            "missing-reflexive.verbs"
        );
    }

    #[test]
    fn data_readme_documents_every_list() {
        let readme = include_str!("../../data/README.md");
        for spec in WORD_LISTS {
            assert!(
                readme.contains(&format!("| `{}` |", spec.id)),
                "{}",
                spec.id
            );
        }
    }

    #[test]
    fn each_matching_compares_as_declared() {
        let doc = Document::plain(
            "Sie sehnt Sehnt 200 MW Gaskraftwerke".into(),
            0,
            crate::text::segment::SegmentMode::Paragraphs,
        );
        let exact = WordList::new(Matching::Exact, ["sehnt", "MW"]);
        let has = |l: &WordList| (0..6).filter(|&t| l.has_token(&doc, t)).collect::<Vec<_>>();
        assert_eq!(has(&exact), [1, 4]);
        let norm = WordList::new(Matching::Norm, ["sehnt", "mw"]);
        assert_eq!(has(&norm), [1, 2, 4]);
        let suffix = WordList::new(Matching::Suffix, ["kraftwerke"]);
        assert_eq!(has(&suffix), [5]);
        let prefix = WordList::new(Matching::Prefix, ["seh"]);
        assert_eq!(has(&prefix), [1, 2]);
        assert!(prefix.matches("sehr") && !prefix.matches("se"));
        assert_eq!(norm.len(), 2);
    }

    #[test]
    fn rows_are_checked_against_their_list() {
        let p = |list: &str, word: &str| {
            word_list_row_problems(&WordListRow {
                list: list.into(),
                word: word.into(),
                note: String::new(),
            })
        };
        assert!(p("missing-reflexive.verbs", "sehnt").is_empty());
        assert!(p("nope", "x")[0].starts_with("unknown list `nope` (known lists: "));
        assert!(p("missing-reflexive.verbs", "sehnt sich")[0].contains("2 tokens"));
        assert!(p("missing-reflexive.verbs", "Sehnt")[0].contains("must be written `sehnt`"));
        assert!(p("infinitive-article.infinitives", "scheitern")[0].contains("capital"));
        assert!(p("missing-hyphen.units", "MW").is_empty());
        assert!(p("source-number.imperial-units", "square yard").is_empty());
        assert!(p("missing-hyphen.heads", "A\u{308}pfel")[0].contains("NFC"));
        assert_eq!(p("missing-hyphen.heads", " "), ["empty word"]);
    }
}
