//! The rules: the [`Rule`] trait, rule metadata, the context rules report into, and the one
//! registry that lists every rule in a stable order.

pub mod catalog;
pub mod compound;
pub mod consistency;
pub(crate) mod declare;
pub mod entity;
#[cfg(test)]
mod examples;
pub mod grammar;
pub mod locale;
pub mod phrase;
pub mod source;
pub mod structure;
pub mod typography;
pub mod untranslated;

use crate::document::Document;
use crate::finding::Severity;
use crate::lexicon::Lexicons;
pub(crate) use declare::declare_rule;

/// Static facts about a rule; the same text feeds `mtcheck rules`, `mtcheck explain`, SARIF
/// and the README. Rules build it with `declare_rule!` (`rules::declare`) from their rustdoc, so
/// the prose fields are the sections of the rule struct's documentation.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id. Never reused for something else.
    pub id: &'static str,
    /// MQM category, lower case.
    pub category: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// One line.
    pub summary: &'static str,
    /// What it flags.
    pub flags: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// An example of flagged text.
    pub example: &'static str,
    /// What to write instead.
    pub instead: &'static str,
    /// Texts in which the rule must fire.
    pub positives: &'static [&'static str],
    /// Texts in which the rule must stay silent.
    pub negatives: &'static [&'static str],
}

/// A finding while rules run: offsets are bytes of the document's view.
#[derive(Debug, Clone)]
pub struct RawFinding {
    /// The rule.
    pub meta: &'static RuleMeta,
    /// Severity (the rule's default unless a dictionary row overrides it).
    pub severity: Severity,
    /// Start byte in the view.
    pub start: usize,
    /// End byte in the view.
    pub end: usize,
    /// One sentence.
    pub message: String,
    /// The fix, if any.
    pub suggestion: Option<String>,
}

/// What a rule gets besides the document: the dictionaries and a place to report.
pub struct Context<'a> {
    /// The compiled dictionaries.
    pub lex: &'a Lexicons,
    /// Findings reported so far.
    pub findings: Vec<RawFinding>,
    /// The house style of quotation marks (`Auto`: judged from the text).
    pub quote_style: typography::QuoteStyle,
    /// The terminology glossary (`--glossary`), empty without one.
    pub glossary: &'a crate::lexicon::glossary::Glossary,
    /// The matches of the names' literal renderings, once searched ([`Context::literal_names`]).
    literal_names: Option<Vec<crate::lexicon::Hit<'a, usize>>>,
    /// Findings the current rule may report before the rest are only counted (0: no limit).
    pub limit_per_rule: usize,
    /// Findings the current rule reported so far ([`Context::start_rule`] resets it).
    reported: usize,
    /// Findings past [`Context::limit_per_rule`]: counted by rule and severity, not kept, so
    /// that a rule firing on every word of a hostile file cannot fill memory.
    pub overflow: Vec<(&'static str, Severity, usize)>,
}

impl<'a> Context<'a> {
    /// A context with no findings.
    pub fn new(lex: &'a Lexicons) -> Self {
        Context {
            lex,
            findings: Vec::new(),
            quote_style: typography::QuoteStyle::Auto,
            glossary: &EMPTY_GLOSSARY,
            literal_names: None,
            limit_per_rule: 0,
            reported: 0,
            overflow: Vec::new(),
        }
    }

    /// Tells the context that the next findings come from another rule (for
    /// [`Context::limit_per_rule`]).
    pub fn start_rule(&mut self) {
        self.reported = 0;
    }

    /// The matches of the dictionary's literal renderings of names
    /// ([`crate::lexicon::Names::literal`]) in `doc`: searched once per document and shared by
    /// the rules that need them (mangled-entity reports them, unknown-mangled-name leaves them
    /// to it). A context serves one document.
    pub fn literal_names(&mut self, doc: &Document) -> &[crate::lexicon::Hit<'a, usize>] {
        let lex = self.lex;
        self.literal_names
            .get_or_insert_with(|| lex.names.literal.find(doc))
    }

    /// Reports the view range `start..end` with the rule's default severity.
    pub fn report(
        &mut self,
        meta: &'static RuleMeta,
        start: usize,
        end: usize,
        message: String,
        suggestion: Option<String>,
    ) {
        self.report_as(meta, meta.severity, start, end, message, suggestion);
    }

    /// Reports with an explicit severity.
    pub fn report_as(
        &mut self,
        meta: &'static RuleMeta,
        severity: Severity,
        start: usize,
        end: usize,
        message: String,
        suggestion: Option<String>,
    ) {
        self.reported += 1;
        if self.limit_per_rule > 0 && self.reported > self.limit_per_rule {
            match self
                .overflow
                .iter_mut()
                .find(|(id, s, _)| *id == meta.id && *s == severity)
            {
                Some((_, _, n)) => *n += 1,
                None => self.overflow.push((meta.id, severity, 1)),
            }
            return;
        }
        self.findings.push(RawFinding {
            meta,
            severity,
            start,
            end,
            message,
            suggestion,
        });
    }
}

static EMPTY_GLOSSARY: crate::lexicon::glossary::Glossary = crate::lexicon::glossary::Glossary {
    entries: Vec::new(),
};

/// A check over one document.
pub trait Rule: Send + Sync {
    /// Metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// Reports findings into `cx`.
    fn check(&self, doc: &Document, cx: &mut Context<'_>);
}

/// Every rule, in a stable order: generated by `build.rs` from the `pub mod` lines of the rule
/// families' `mod.rs` files (family order in `build.rs`, then line order) and the phrase tables
/// (every `data/*.csv` whose front matter declares one, by its `order`). A rule module's struct is its name in camel case
/// (`np_agreement` -> `NpAgreement`).
pub static REGISTRY: &[&dyn Rule] = include!(concat!(env!("OUT_DIR"), "/rules_registry.rs"));

/// The rule with id `id`.
pub fn by_id(id: &str) -> Option<&'static dyn Rule> {
    REGISTRY.iter().copied().find(|r| r.meta().id == id)
}

/// Quotes a flagged piece of text for a message.
pub fn q(s: &str) -> String {
    format!("„{s}“")
}

/// Upper-cases the first letter of a word.
pub fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Lower-cases the first letter of a word.
pub fn decapitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one rule over a text, for the unit tests of every rule.
    use super::*;
    use crate::text::segment::SegmentMode;

    /// The text as checked and the findings of `rule` in `text`; `English ⇒ Deutsch` gives
    /// the text an English source (the text checked is the German after the arrow).
    pub fn findings(rule: &dyn Rule, text: &str) -> (String, Vec<RawFinding>) {
        let lex = Lexicons::builtin().expect("built-in dictionaries load");
        findings_with(rule, text, &lex)
    }

    /// [`findings`] with the dictionaries `lex`.
    pub fn findings_with(rule: &dyn Rule, text: &str, lex: &Lexicons) -> (String, Vec<RawFinding>) {
        let (source, text) = match text.split_once(" ⇒ ") {
            Some((s, t)) => (Some(s), t),
            None => (None, text),
        };
        let mut doc = Document::plain(text.to_string(), 0, SegmentMode::Paragraphs);
        if let Some(source) = source {
            let unit = crate::document::Unit {
                start: 0,
                end: text.len(),
                source: source.to_string(),
            };
            doc = doc.with_units(&[unit]);
        }
        let mut cx = Context::new(lex);
        cx.glossary = &TEST_GLOSSARY;
        rule.check(&doc, &mut cx);
        (doc.view, cx.findings)
    }

    /// Flagged texts and suggestions of `rule` in `text` (see [`findings`]).
    pub fn run(rule: &dyn Rule, text: &str) -> Vec<(String, Option<String>)> {
        let (view, findings) = findings(rule, text);
        findings
            .into_iter()
            .map(|f| (view[f.start..f.end].to_string(), f.suggestion))
            .collect()
    }

    /// The glossary every example runs with: stock compensation is Aktienvergütung, never
    /// Aktienentschädigung.
    static TEST_GLOSSARY: std::sync::LazyLock<crate::lexicon::glossary::Glossary> =
        std::sync::LazyLock::new(|| crate::lexicon::glossary::Glossary {
            entries: vec![crate::lexicon::glossary::GlossaryEntry {
                english: "stock compensation".into(),
                german: vec!["aktienvergütung".into()],
                german_display: vec!["Aktienvergütung".into()],
                forbidden: vec!["aktienentschädigung".into()],
            }],
        });

    /// Just the flagged texts.
    pub fn flagged(rule: &dyn Rule, text: &str) -> Vec<String> {
        run(rule, text).into_iter().map(|(t, _)| t).collect()
    }

    /// The flagged texts of `rule` in `text` with the built-in dictionaries extended by a user
    /// file `word_lists-test.csv` of `rows` (`list,word` lines after the header).
    pub fn flagged_with_words(rule: &dyn Rule, text: &str, rows: &str) -> Vec<String> {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("word_lists-test.csv");
        std::fs::write(&path, format!("list,word\n{rows}")).expect("a temporary file");
        let lex = Lexicons::load(&[&path]).expect("the word list loads");
        let (view, found) = findings_with(rule, text, &lex);
        found
            .into_iter()
            .map(|f| view[f.start..f.end].to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case() {
        let mut ids: Vec<_> = REGISTRY.iter().map(|r| r.meta().id).collect();
        for id in &ids {
            assert!(
                id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{id}"
            );
        }
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), REGISTRY.len());
    }
}
