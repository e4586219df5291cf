//! Runs every rule over a document and turns the results into located, sorted findings.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::document::Document;
use crate::error::{DictError, InputError};
use crate::finding::{Finding, Severity};
use crate::input::{self, Format, ReadOptions};
use crate::lexicon::Lexicons;
use crate::located::{Checked, FileReport, Omitted};
use crate::rules::typography::QuoteStyle;
use crate::rules::{Context, Rule, REGISTRY};
use crate::text::segment::SegmentMode;

/// Everything about a [`Checker`] that a configuration file and the command line can change,
/// applied in one go with [`Checker::with_settings`].
#[derive(Debug, Clone)]
pub struct CheckerSettings {
    /// Check only these rule ids (empty: every rule).
    pub select: Vec<String>,
    /// Switch these rule ids off.
    pub ignore: Vec<String>,
    /// Rule id -> the severity its findings get (unknown ids are ignored; check ids with
    /// [`crate::rules::by_id`] first).
    pub severity: Vec<(String, Severity)>,
    /// Words never flagged ([`Checker::allow_words`]).
    pub allow: Vec<String>,
    /// The house style of quotation marks.
    pub quote_style: QuoteStyle,
    /// The terminology glossary checked by `glossary-term` (`None`: empty).
    pub glossary: Option<Arc<crate::lexicon::glossary::Glossary>>,
    /// Keep each file's text in its [`FileReport`] ([`Checker::keep_text`]).
    pub keep_text: bool,
    /// Fill in each finding's sentence ([`Checker::keep_sentences`]).
    pub keep_sentences: bool,
    /// Report at most this many findings per file ([`Checker::max_findings`]; 0: no limit).
    pub max_findings: usize,
}

/// The findings per file reported by default: the rest are counted (score, verdict, totals)
/// but not reported, so that a hostile or broken file cannot fill memory and reports.
pub const DEFAULT_MAX_FINDINGS: usize = 10_000;

impl Default for CheckerSettings {
    /// What [`Checker::new`] does: every rule, default severities, sentences kept.
    fn default() -> Self {
        CheckerSettings {
            select: Vec::new(),
            ignore: Vec::new(),
            severity: Vec::new(),
            allow: Vec::new(),
            quote_style: QuoteStyle::Auto,
            glossary: None,
            keep_text: false,
            keep_sentences: true,
            max_findings: DEFAULT_MAX_FINDINGS,
        }
    }
}

/// Checks documents with a set of rules and dictionaries. Cheap to share across threads.
#[derive(Clone)]
pub struct Checker {
    lex: Arc<Lexicons>,
    rules: Vec<&'static dyn Rule>,
    severity: HashMap<&'static str, Severity>,
    allow: HashSet<String>,
    quote_style: QuoteStyle,
    keep_text: bool,
    sentences: bool,
    glossary: Arc<crate::lexicon::glossary::Glossary>,
    max_findings: usize,
}

impl Checker {
    /// A checker with every registered rule.
    pub fn new(lex: Arc<Lexicons>) -> Self {
        Checker {
            lex,
            rules: REGISTRY.to_vec(),
            severity: HashMap::new(),
            allow: HashSet::new(),
            quote_style: QuoteStyle::Auto,
            glossary: Arc::default(),
            keep_text: false,
            sentences: true,
            max_findings: DEFAULT_MAX_FINDINGS,
        }
    }

    /// A checker configured by `settings`.
    pub fn with_settings(lex: Arc<Lexicons>, settings: CheckerSettings) -> Self {
        let mut checker = Checker::new(lex);
        let CheckerSettings {
            select,
            ignore,
            severity,
            allow,
            quote_style,
            glossary,
            keep_text,
            keep_sentences,
            max_findings,
        } = settings;
        checker.retain_rules(|id| {
            (select.is_empty() || select.iter().any(|s| s == id)) && !ignore.iter().any(|s| s == id)
        });
        for (id, s) in &severity {
            checker.set_severity(id, *s);
        }
        checker.allow_words(allow);
        checker.set_quote_style(quote_style);
        if let Some(g) = glossary {
            checker.set_glossary(g);
        }
        checker.keep_text(keep_text);
        checker.keep_sentences(keep_sentences);
        checker.max_findings(max_findings);
        checker
    }

    /// Keeps only the rules for which `keep(id)` is true.
    pub fn retain_rules(&mut self, keep: impl Fn(&str) -> bool) {
        self.rules.retain(|r| keep(r.meta().id));
    }

    /// Reports every finding of rule `id` with severity `severity` (an unknown id is ignored;
    /// check ids with [`crate::rules::by_id`] first).
    pub fn set_severity(&mut self, id: &str, severity: Severity) {
        if let Some(rule) = crate::rules::by_id(id) {
            self.severity.insert(rule.meta().id, severity);
        }
    }

    /// Never reports a finding whose flagged text is one of `words` or contains one of them as
    /// a whole word (split at spaces and hyphens).
    pub fn allow_words(&mut self, words: impl IntoIterator<Item = String>) {
        self.allow.extend(words);
    }

    /// Reports at most `max` findings per file (0: no limit), the first by position; the
    /// others are counted in [`FileReport::omitted`] (default [`DEFAULT_MAX_FINDINGS`]).
    pub fn max_findings(&mut self, max: usize) {
        self.max_findings = max;
    }

    /// The house style of quotation marks (default: judged from the text).
    pub fn set_quote_style(&mut self, style: QuoteStyle) {
        self.quote_style = style;
    }

    /// The terminology glossary checked by `glossary-term`.
    pub fn set_glossary(&mut self, glossary: Arc<crate::lexicon::glossary::Glossary>) {
        self.glossary = glossary;
    }

    /// Keeps each file's text in its [`FileReport`] (for reports that show the article).
    pub fn keep_text(&mut self, keep: bool) {
        self.keep_text = keep;
    }

    /// Fills in [`crate::LocatedFinding::sentence`] (the default); reports that do not show it
    /// save the time.
    pub fn keep_sentences(&mut self, keep: bool) {
        self.sentences = keep;
    }

    /// All findings of a document, with offsets into its original text, sorted by
    /// (start, rule, end) and without duplicates. Findings silenced by `mtcheck-ignore`
    /// comments or allowed words are left out, and so are the findings of a rule past twice
    /// [`Checker::max_findings`] (a rule firing on every word of a hostile file).
    pub fn check_document(&self, doc: &Document) -> Vec<Finding> {
        self.run(doc).0.into_iter().map(|c| c.finding).collect()
    }

    /// The findings of a document, the number of findings silenced by comments, and the
    /// findings past the limit per rule (twice [`Checker::max_findings`]: past it a rule's
    /// findings are counted by severity as omitted, without looking at comments and
    /// duplicates, and never kept).
    fn run(&self, doc: &Document) -> (Vec<Checked>, usize, Omitted) {
        let mut cx = Context::new(&self.lex);
        cx.quote_style = self.quote_style;
        cx.glossary = &self.glossary;
        cx.limit_per_rule = self.max_findings.saturating_mul(2);
        if crate::timing::enabled() {
            for rule in &self.rules {
                let t = std::time::Instant::now();
                cx.start_rule();
                rule.check(doc, &mut cx);
                crate::timing::add(rule.meta().id, t.elapsed());
            }
        } else {
            for rule in &self.rules {
                cx.start_rule();
                rule.check(doc, &mut cx);
            }
        }
        let mut overflow = Omitted::default();
        for &(id, severity, n) in &cx.overflow {
            overflow.add(self.severity.get(id).copied().unwrap_or(severity), n);
        }
        let mut out: Vec<Checked> = cx
            .findings
            .into_iter()
            .map(|f| {
                let (start, end) = doc.original_span(f.start, f.end);
                Checked {
                    finding: Finding {
                        rule: f.meta.id,
                        category: f.meta.category,
                        severity: self.severity.get(f.meta.id).copied().unwrap_or(f.severity),
                        start,
                        end,
                        message: f.message,
                        suggestion: f.suggestion,
                    },
                    view_start: f.start,
                    view_end: f.end,
                }
            })
            .filter(|c| c.finding.end > c.finding.start)
            .collect();
        let key = |c: &Checked| (c.finding.start, c.finding.rule, c.finding.end);
        out.sort_by(|a, b| key(a).cmp(&key(b)));
        out.dedup_by(|a, b| key(a) == key(b));
        one_owner_per_place(&mut out, &self.rules);
        let before = out.len();
        let sups = crate::document::SuppressionIndex::new(&doc.suppressions);
        out.retain(|c| !sups.covers(c.finding.rule, c.view_start));
        let suppressed = before - out.len();
        if !self.allow.is_empty() {
            out.retain(|c| {
                doc.original
                    .get(c.finding.start..c.finding.end)
                    .is_none_or(|t| {
                        !self.allow.contains(t)
                            && !t
                                .split(|c: char| c.is_whitespace() || c == '-')
                                .any(|w| self.allow.contains(w))
                    })
            });
        }
        (out, suppressed, overflow)
    }

    /// Checks one decoded file and locates its findings.
    pub fn check_text(
        &self,
        path: &str,
        text: String,
        format: Format,
        mode: SegmentMode,
    ) -> FileReport {
        let doc = crate::timing::timed("(parse)", || input::parse(text, format, mode));
        self.report(path, &doc)
    }

    /// Checks one decoded file read with `opts` (bilingual formats, `--source`); a file that
    /// cannot be read as its format is an error.
    pub fn check_input(
        &self,
        path: &str,
        text: String,
        opts: &ReadOptions<'_>,
    ) -> Result<FileReport, InputError> {
        let doc = crate::timing::timed("(parse)", || input::read(text, opts))?;
        Ok(self.report(path, &doc))
    }

    fn report(&self, path: &str, doc: &Document) -> FileReport {
        let (mut findings, suppressed, mut omitted) = self.run(doc);
        if self.max_findings > 0 {
            let cut = Omitted::cut(&mut findings, self.max_findings);
            for s in [Severity::Critical, Severity::Major, Severity::Minor] {
                omitted.add(s, cut.count(s));
            }
        }
        let mut report = crate::timing::timed("(locate)", || {
            FileReport::new(path, doc, findings, self.sentences)
        });
        report.suppressed = suppressed;
        report.warnings = unknown_ignored_rules(doc);
        report.omitted = omitted;
        if self.keep_text {
            report.text = Some(Arc::from(doc.original.as_str()));
        }
        report
    }
}

/// A warning, with the 1-based line of the comment, for every rule id of an
/// `mtcheck-ignore` comment that names no rule (a typo silences nothing).
fn unknown_ignored_rules(doc: &Document) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for s in &doc.suppressions {
        for id in s
            .rules
            .iter()
            .filter(|id| crate::rules::by_id(id).is_none())
        {
            // the comment itself is not in the view: find it before where it stood
            let (at, _) = doc.original_span(s.comment, s.comment);
            let before = doc.original.get(..at).unwrap_or_default();
            let at = before.rfind("mtcheck-ignore").unwrap_or(at);
            let line = doc
                .original
                .get(..at)
                .map_or(0, |t| t.matches('\n').count())
                + 1;
            out.push((
                line,
                format!("unknown rule `{id}` in an mtcheck-ignore comment (see `mtcheck rules`)"),
            ));
        }
    }
    out
}

/// One finding per place: where several rules report exactly the same bytes („”“ both turned
/// and glued, a name both misspelt and miscased), the reader gets one finding and the score one
/// penalty. The more severe finding is kept; of equal ones, the one whose fix contains the
/// other's (a glued, turned mark: „ + space over „), else that of the rule listed first in the
/// registry. `out` comes and leaves sorted by (start, rule, end).
fn one_owner_per_place(out: &mut Vec<Checked>, rules: &[&'static dyn Rule]) {
    let position = |c: &Checked| {
        rules
            .iter()
            .position(|r| r.meta().id == c.finding.rule)
            .unwrap_or(usize::MAX)
    };
    // whether `a` should own the place rather than `b`
    let better = |a: &Checked, b: &Checked| {
        let (fa, fb) = (&a.finding, &b.finding);
        if fa.severity != fb.severity {
            return fa.severity > fb.severity;
        }
        let fuller = |x: &Option<String>, y: &Option<String>| match (x, y) {
            (Some(x), Some(y)) => x.len() > y.len() && x.contains(y.as_str()),
            _ => false,
        };
        if fuller(&fa.suggestion, &fb.suggestion) {
            return true;
        }
        if fuller(&fb.suggestion, &fa.suggestion) {
            return false;
        }
        position(a) < position(b)
    };
    out.sort_by_key(|c| (c.finding.start, c.finding.end));
    let mut kept: Vec<Checked> = Vec::with_capacity(out.len());
    for c in out.drain(..) {
        match kept.last_mut() {
            Some(last)
                if (last.finding.start, last.finding.end) == (c.finding.start, c.finding.end) =>
            {
                if better(&c, last) {
                    *last = c;
                }
            }
            _ => kept.push(c),
        }
    }
    kept.sort_by(|a, b| {
        (a.finding.start, a.finding.rule, a.finding.end).cmp(&(
            b.finding.start,
            b.finding.rule,
            b.finding.end,
        ))
    });
    *out = kept;
}

/// Checks plain German text with the built-in dictionaries and every rule.
pub fn check_str(text: &str) -> Result<Vec<Finding>, DictError> {
    let checker = Checker::new(Lexicons::builtin()?);
    let doc = input::parse(text.to_string(), Format::Text, SegmentMode::Paragraphs);
    Ok(checker.check_document(&doc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checker() -> Checker {
        Checker::new(Lexicons::builtin().expect("built-in dictionaries load"))
    }

    const MT: &str = "Das Unternehmen nutzt seine tiefen Taschen. Der ehemalige Github-CEO kam.\n";

    #[test]
    fn one_finding_per_place() {
        // the mark is both turned (quote-direction) and glued (quote-spacing): one finding
        let text = "Er erklärte:”Wir haben das Kapital.” Diese Investition hilft.";
        let all = check_str(text).unwrap();
        let mut places: Vec<(usize, usize)> = all.iter().map(|f| (f.start, f.end)).collect();
        let n = places.len();
        places.dedup();
        assert_eq!(places.len(), n, "{all:?}");
        assert!(all.iter().any(|f| f.rule == "quote-spacing"), "{all:?}");
        // with quote-spacing switched off, quote-direction still reports the mark
        let mut c = checker();
        c.retain_rules(|id| id != "quote-spacing");
        let doc = input::parse(text.to_string(), Format::Text, SegmentMode::Paragraphs);
        assert!(c
            .check_document(&doc)
            .iter()
            .any(|f| f.rule == "quote-direction"));
    }

    #[test]
    fn severity_overrides_and_allowed_words() {
        let mut c = checker();
        let base = c.check_text("a", MT.into(), Format::Text, SegmentMode::Paragraphs);
        let github = |r: &FileReport| r.findings.iter().any(|f| f.text == "Github");
        assert!(github(&base));
        c.set_severity("literal-idiom", Severity::Critical);
        c.allow_words(["Github".to_string()]);
        let r = c.check_text("a", MT.into(), Format::Text, SegmentMode::Paragraphs);
        assert!(!github(&r));
        let idiom = r.findings.iter().find(|f| f.rule == "literal-idiom");
        assert_eq!(idiom.map(|f| f.severity), Some(Severity::Critical));
        assert_eq!(r.findings.len() + 1, base.findings.len());
    }

    #[test]
    fn findings_past_the_limit_are_counted_not_listed() {
        let text = "Das Unternehmen nutzt seine tiefen Taschen. ".repeat(40);
        let lex = Lexicons::builtin().expect("built-in dictionaries load");
        let mut c = Checker::new(lex);
        c.max_findings(0);
        let all = c.check_text("a", text.clone(), Format::Text, SegmentMode::Paragraphs);
        assert!(all.findings.len() > 20, "{}", all.findings.len());
        assert_eq!(all.omitted.total(), 0);
        for max in [5, 7] {
            c.max_findings(max);
            let r = c.check_text("a", text.clone(), Format::Text, SegmentMode::Paragraphs);
            assert_eq!(r.findings[..], all.findings[..max]);
            assert_eq!(r.total(), all.total());
            assert_eq!(r.penalty(), all.penalty());
            for s in [Severity::Critical, Severity::Major, Severity::Minor] {
                assert_eq!(r.count(s), all.count(s));
            }
        }
    }

    #[test]
    fn settings_select_ignore_and_regrade() {
        let lex = Lexicons::builtin().expect("built-in dictionaries load");
        let settings = CheckerSettings {
            select: vec!["literal-idiom".into(), "entity-spelling".into()],
            ignore: vec!["entity-spelling".into()],
            severity: vec![("literal-idiom".into(), Severity::Critical)],
            keep_text: true,
            ..CheckerSettings::default()
        };
        let c = Checker::with_settings(lex, settings);
        let r = c.check_text("a", MT.into(), Format::Text, SegmentMode::Paragraphs);
        assert_eq!(r.text.as_deref(), Some(MT));
        assert!(!r.findings.is_empty());
        for f in &r.findings {
            assert_eq!((f.rule, f.severity), ("literal-idiom", Severity::Critical));
        }
        assert!(!r.findings[0].sentence.is_empty());
    }

    #[test]
    fn findings_carry_their_sentence_and_the_text_is_kept_on_request() {
        let mut c = checker();
        let r = c.check_text("a", MT.into(), Format::Text, SegmentMode::Paragraphs);
        assert!(r.text.is_none());
        let f = r.findings.iter().find(|f| f.text == "Github");
        assert_eq!(
            f.map(|f| f.sentence.as_str()),
            Some("Der ehemalige Github-CEO kam.")
        );
        c.keep_text(true);
        let r = c.check_text("a", MT.into(), Format::Text, SegmentMode::Paragraphs);
        assert_eq!(r.text.as_deref(), Some(MT));
    }

    #[test]
    fn a_run_on_sentence_is_shown_around_the_finding() {
        let filler = "und dann kam noch mehr ".repeat(400);
        let text = format!("{filler}der ehemalige Github Manager {filler}\n");
        let r = checker().check_text("a", text, Format::Text, SegmentMode::Paragraphs);
        let f = r.findings.iter().find(|f| f.text == "Github");
        let sentence = f.map(|f| f.sentence.as_str()).unwrap_or_default();
        assert!(sentence.starts_with("… "), "{sentence}");
        assert!(sentence.ends_with("mehr …"), "{sentence}");
        assert!(sentence.contains("der ehemalige Github Manager"));
        assert!(sentence.len() < 1_000, "{}", sentence.len());
    }

    #[test]
    fn ignore_comments_silence_and_count() {
        let md = format!("<!-- mtcheck-ignore entity-spelling -->\n{MT}\n{MT}");
        let r = checker().check_text("a.md", md, Format::Markdown, SegmentMode::Paragraphs);
        assert_eq!(r.suppressed, 1);
        let spelling: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.rule == "entity-spelling")
            .collect();
        assert_eq!(spelling.len(), 1);
        assert_eq!(spelling[0].line, 4);
    }
}
