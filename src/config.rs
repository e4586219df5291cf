//! `mtcheck.toml`: a newsroom's house rules (rules switched off or re-graded, quotation
//! style, allowed words, extra dictionaries, the glossary, the gate, and `[[overrides]]` for
//! the files that path globs select). Unknown keys are errors naming the key and its line.
//! The layering defaults < file < overrides < flags happens in [`crate::app`].

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use thiserror::Error;
use toml::Spanned;

use crate::finding::Severity;
use crate::rules::{by_id, typography::QuoteStyle};

/// The name of the configuration file looked for in the current directory and its parents.
pub const FILE_NAME: &str = "mtcheck.toml";

/// A configuration file that cannot be used.
#[derive(Debug, Error)]
#[error("{path}:{line}: {message}")]
pub struct ConfigError {
    /// The file.
    pub path: String,
    /// 1-based line of the offending key or value (0: the whole file).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The lowest severity that fails the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Critical findings only.
    Critical,
    /// Major and critical findings.
    Major,
    /// Any finding.
    Minor,
    /// Never fail on findings.
    Never,
}

impl FailOn {
    /// The lowest failing severity; `None` for `never`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            FailOn::Critical => Some(Severity::Critical),
            FailOn::Major => Some(Severity::Major),
            FailOn::Minor => Some(Severity::Minor),
            FailOn::Never => None,
        }
    }
}

/// The whole file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `glossary = "terms.csv"`: the terminology glossary, relative to the file.
    pub glossary: Option<Spanned<PathBuf>>,
    /// `docs-url = "https://wiki.example.org/mtcheck#{rule}"`: where the rules are
    /// documented (SARIF `helpUri`s).
    #[serde(rename = "docs-url")]
    pub docs_url: Option<Spanned<String>>,
    /// `[rules]`
    #[serde(default)]
    pub rules: RulesConfig,
    /// `[style]`
    #[serde(default)]
    pub style: StyleConfig,
    /// `[allow]`
    #[serde(default)]
    pub allow: AllowConfig,
    /// `[dictionaries]`
    #[serde(default)]
    pub dictionaries: DictionariesConfig,
    /// `[gate]`
    #[serde(default)]
    pub gate: GateConfig,
    /// `[[overrides]]`: settings for the files some globs select.
    #[serde(default)]
    pub overrides: Vec<OverrideConfig>,
}

/// One `[[overrides]]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideConfig {
    /// Path globs relative to the configuration file's directory (`sport/**`,
    /// `**/*.md`); a glob without `/` matches the file name at any depth.
    pub files: Vec<Spanned<String>>,
    /// Rule ids switched off for these files (added to `rules.ignore`).
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    /// Severities for these files (over `rules.severity`).
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Severity>,
    /// The house style of quotation marks for these files.
    pub quotes: Option<QuoteStyle>,
    /// More words never flagged in these files.
    #[serde(default)]
    pub allow: Vec<String>,
    /// The lowest severity that fails the gate for these files.
    #[serde(rename = "fail-on")]
    pub fail_on: Option<FailOn>,
    /// Fail these files when their score is above this.
    #[serde(rename = "max-score")]
    pub max_score: Option<f64>,
}

/// An `[[overrides]]` table, its globs compiled.
#[derive(Debug, Clone)]
pub struct Override {
    /// The compiled globs.
    pub globs: GlobSet,
    /// Rule ids switched off.
    pub ignore: Vec<String>,
    /// Severity overrides.
    pub severity: Vec<(String, Severity)>,
    /// The house style of quotation marks.
    pub quotes: Option<QuoteStyle>,
    /// More words never flagged.
    pub allow: Vec<String>,
    /// The lowest severity that fails the gate.
    pub fail_on: Option<FailOn>,
    /// The highest score that passes.
    pub max_score: Option<f64>,
}

/// `[rules]`: rules switched off, and `[rules.severity]`: severities overridden.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesConfig {
    /// Rule ids switched off.
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    /// Rule id -> the severity its findings get.
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Severity>,
}

/// `[style]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleConfig {
    /// The house style of quotation marks.
    pub quotes: Option<QuoteStyle>,
}

/// `[allow]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowConfig {
    /// Words never flagged: a finding whose text is exactly one of them is dropped.
    #[serde(default)]
    pub words: Vec<String>,
}

/// `[dictionaries]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DictionariesConfig {
    /// Extra dictionary files, relative to the configuration file.
    #[serde(default)]
    pub extra: Vec<Spanned<PathBuf>>,
}

/// `[gate]`
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GateConfig {
    /// The lowest severity that fails the gate.
    #[serde(rename = "fail-on")]
    pub fail_on: Option<FailOn>,
    /// Fail a file whose score is above this.
    #[serde(rename = "max-score")]
    pub max_score: Option<Spanned<f64>>,
}

/// A loaded configuration: the file's settings with paths resolved.
#[derive(Debug, Default, Clone)]
pub struct Settings {
    /// Where it came from (`None`: no file).
    pub path: Option<PathBuf>,
    /// Rule ids switched off.
    pub ignore: Vec<String>,
    /// Severity overrides.
    pub severity: Vec<(String, Severity)>,
    /// The house style of quotation marks.
    pub quotes: Option<QuoteStyle>,
    /// Words never flagged.
    pub allow: Vec<String>,
    /// Extra dictionaries, resolved against the file's directory.
    pub dictionaries: Vec<PathBuf>,
    /// The lowest severity that fails the gate.
    pub fail_on: Option<FailOn>,
    /// The highest score that passes.
    pub max_score: Option<f64>,
    /// The glossary, resolved against the file's directory.
    pub glossary: Option<PathBuf>,
    /// `[[overrides]]`, in file order (a later one wins).
    pub overrides: Vec<Override>,
    /// Where the rules are documented (SARIF `helpUri`s; a setting of the run, read from
    /// `--config` or the `mtcheck.toml` nearest the current directory), with the line of the
    /// value: the application checks the address and names the line when it is unusable.
    pub docs_url: Option<(String, usize)>,
}

impl Settings {
    /// The settings for a file at `rel` (relative to the configuration's directory, `/`
    /// separators) with every matching override applied in order, and the indexes of those
    /// overrides.
    pub fn for_file(&self, rel: &str) -> (Settings, Vec<usize>) {
        let mut s = self.clone();
        s.overrides.clear();
        let mut matched = Vec::new();
        for (i, o) in self.overrides.iter().enumerate() {
            if !o.globs.is_match(rel) {
                continue;
            }
            matched.push(i);
            s.ignore.extend(o.ignore.iter().cloned());
            s.severity.extend(o.severity.iter().cloned());
            s.allow.extend(o.allow.iter().cloned());
            s.quotes = o.quotes.or(s.quotes);
            s.fail_on = o.fail_on.or(s.fail_on);
            s.max_score = o.max_score.or(s.max_score);
        }
        (s, matched)
    }
}

/// The nearest `mtcheck.toml` in `dir` or its parents.
pub fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Reads and checks a configuration file.
pub fn load(path: &Path) -> Result<Settings, ConfigError> {
    let shown = path.display().to_string();
    let text = crate::bounded::read_text(path).map_err(|e| ConfigError {
        path: shown.clone(),
        line: 0,
        message: format!("cannot read the configuration: {e}"),
    })?;
    let dir = path.parent().unwrap_or(Path::new(""));
    parse(&text, &shown, dir)
}

/// Parses configuration `text` (shown as `path` in errors; relative dictionary paths are
/// resolved against `dir`).
pub fn parse(text: &str, path: &str, dir: &Path) -> Result<Settings, ConfigError> {
    let err = |span: Option<Range<usize>>, message: String| ConfigError {
        path: path.to_string(),
        line: span.map_or(0, |s| line_of(text, s.start)),
        message,
    };
    let cfg: Config = toml::from_str(text).map_err(|e| {
        let message = match e.span().and_then(|s| key_at(text, s.start)) {
            Some(key) if !e.message().contains(&format!("`{}`", last(&key))) => {
                format!("{key}: {}", e.message())
            }
            _ => e.message().to_string(),
        };
        err(e.span(), message)
    })?;
    let rule = |id: &Spanned<String>, key: &str| {
        if by_id(id.get_ref()).is_some() {
            Ok(id.get_ref().clone())
        } else {
            Err(err(
                Some(id.span()),
                format!(
                    "{key}: unknown rule `{}` (see `mtcheck rules`)",
                    id.get_ref()
                ),
            ))
        }
    };
    let ignore = cfg
        .rules
        .ignore
        .iter()
        .map(|id| rule(id, "rules.ignore"))
        .collect::<Result<_, _>>()?;
    let severity = cfg
        .rules
        .severity
        .iter()
        .map(|(id, s)| Ok((rule(id, "rules.severity")?, *s)))
        .collect::<Result<_, ConfigError>>()?;
    let dictionaries = cfg
        .dictionaries
        .extra
        .iter()
        .map(|p| existing_file(dir, p, "dictionaries.extra", &err))
        .collect::<Result<Vec<_>, _>>()?;
    let glossary = cfg
        .glossary
        .as_ref()
        .map(|p| existing_file(dir, p, "glossary", &err))
        .transpose()?;
    let docs_url = cfg
        .docs_url
        .as_ref()
        .map(|u| (u.get_ref().clone(), line_of(text, u.span().start)));
    let mut overrides = Vec::new();
    for o in &cfg.overrides {
        overrides.push(Override {
            globs: globs(&o.files, &err)?,
            ignore: o
                .ignore
                .iter()
                .map(|id| rule(id, "overrides.ignore"))
                .collect::<Result<_, _>>()?,
            severity: o
                .severity
                .iter()
                .map(|(id, s)| Ok((rule(id, "overrides.severity")?, *s)))
                .collect::<Result<_, ConfigError>>()?,
            quotes: o.quotes,
            allow: o.allow.clone(),
            fail_on: o.fail_on,
            max_score: o.max_score,
        });
    }
    if let Some(m) = &cfg.gate.max_score {
        let v = *m.get_ref();
        if !v.is_finite() || v < 0.0 {
            return Err(err(
                Some(m.span()),
                format!("gate.max-score must be a number of 0 or more, not {v}"),
            ));
        }
    }
    Ok(Settings {
        path: Some(PathBuf::from(path)),
        ignore,
        severity,
        quotes: cfg.style.quotes,
        allow: cfg.allow.words,
        dictionaries,
        fail_on: cfg.gate.fail_on,
        max_score: cfg.gate.max_score.map(|m| *m.get_ref()),
        glossary,
        overrides,
        docs_url,
    })
}

/// `p`, relative to the configuration file's folder `dir`, names an existing file.
fn existing_file(
    dir: &Path,
    p: &Spanned<PathBuf>,
    key: &str,
    err: &impl Fn(Option<Range<usize>>, String) -> ConfigError,
) -> Result<PathBuf, ConfigError> {
    let full = dir.join(p.get_ref());
    if full.is_file() {
        Ok(full)
    } else {
        Err(err(
            Some(p.span()),
            format!("{key}: no such file `{}`", full.display()),
        ))
    }
}

/// The globs of an override compiled into one set; a glob without `/` matches the file
/// name at any depth.
fn globs(
    files: &[Spanned<String>],
    err: &dyn Fn(Option<Range<usize>>, String) -> ConfigError,
) -> Result<GlobSet, ConfigError> {
    if files.is_empty() {
        return Err(err(None, "overrides: `files` names no glob".to_string()));
    }
    let mut set = GlobSetBuilder::new();
    for g in files {
        let pattern = g.get_ref().trim_start_matches("./");
        let pattern = if pattern.contains('/') {
            pattern.to_string()
        } else {
            format!("**/{pattern}")
        };
        let glob = GlobBuilder::new(&pattern)
            .literal_separator(true)
            .build()
            .map_err(|e| err(Some(g.span()), format!("overrides.files: {e}")))?;
        set.add(glob);
    }
    set.build()
        .map_err(|e| err(None, format!("overrides.files: {e}")))
}

/// The dotted key (`gate.max-score`) of the `key = value` line containing byte `at`.
fn key_at(text: &str, at: usize) -> Option<String> {
    let before = text.get(..at)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches(['"', '\'']);
    if key.is_empty() || key.starts_with('[') || key.starts_with('#') {
        return None;
    }
    let table = before[..line_start].lines().rev().find_map(|l| {
        let l = l.trim();
        l.strip_prefix('[')?.split(']').next().map(str::trim)
    });
    Some(match table {
        Some(t) if !t.is_empty() => format!("{t}.{key}"),
        _ => key.to_string(),
    })
}

fn last(key: &str) -> &str {
    key.rsplit('.').next().unwrap_or(key)
}

fn line_of(text: &str, at: usize) -> usize {
    text.get(..at).map_or(0, |s| s.matches('\n').count()) + 1
}

/// The file `mtcheck init` writes: every key with its default, commented.
pub const TEMPLATE: &str = r#"# mtcheck configuration.
#
# mtcheck reads, for each checked file, the nearest mtcheck.toml from the file's directory up;
# `mtcheck check --config FILE` names another one, `--no-config` ignores it. Command-line
# flags win over this file. Unknown keys are errors.

# The terminology glossary (CSV english,german,forbidden), relative to this file.
# glossary = "glossary.csv"

# Where the newsroom documents the rules, for the links of the SARIF report (code scanning):
# `{rule}` stands for the rule id; without it, `#<rule-id>` is appended to the address.
# Without this key SARIF rules carry their help text and no link.
# docs-url = "https://wiki.example.org/mtcheck#{rule}"

[rules]
# Rules switched off, by id (`mtcheck rules` lists them), e.g. ["anglicism"].
ignore = []

[rules.severity]
# The severity a rule's findings get: "critical", "major" or "minor".
# "quote-direction" = "major"

[style]
# The house style of double quotation marks:
#   "auto"       judged from each text: „German“ marks where the text uses „
#   "german"     „…“      "guillemets"  »…«      "swiss"  «…»      "straight"  "…"
# With a fixed style, every „ “ ” " that is not the style's mark is flagged (rule
# quote-direction); guillemets »…« and «…» are never flagged.
quotes = "auto"

[allow]
# Words never flagged: a finding whose flagged text is exactly one of these is dropped.
# words = ["Lama"]
words = []

[dictionaries]
# Extra dictionaries (CSV), relative to this file. The file name says which table a file
# extends: names*.csv, idioms*.csv, false_friends*.csv, anglicisms*.csv (see data/README.md).
# extra = ["idioms-newsroom.csv"]
extra = []

[gate]
# The lowest severity that fails the gate (exit code 1): "critical", "major", "minor", "never".
fail-on = "major"
# Also fail a file whose score (MQM penalty points per 1,000 words) is above this.
# max-score = 25

# Settings for the files some globs select (relative to this file; a glob without `/`
# matches the file name at any depth). Keys: files, ignore, severity, quotes, allow,
# fail-on, max-score. A later override wins.
# [[overrides]]
# files = ["sport/**"]
# ignore = ["anglicism"]
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<Settings, ConfigError> {
        parse(s, "mtcheck.toml", Path::new("."))
    }

    #[test]
    fn the_template_parses_to_the_defaults() {
        let s = parse_str(TEMPLATE).unwrap();
        assert!(s.ignore.is_empty() && s.severity.is_empty() && s.allow.is_empty());
        assert_eq!(s.quotes, Some(QuoteStyle::Auto));
        assert_eq!(s.fail_on, Some(FailOn::Major));
        assert_eq!(s.max_score, None);
    }

    #[test]
    fn every_key() {
        let s = parse_str(
            "[rules]\nignore = [\"anglicism\"]\n[rules.severity]\n\"quote-direction\" = \"major\"\n\
             [style]\nquotes = \"guillemets\"\n[allow]\nwords = [\"Lama\"]\n\
             [gate]\nfail-on = \"minor\"\nmax-score = 25\n",
        )
        .unwrap();
        assert_eq!(s.ignore, ["anglicism"]);
        assert_eq!(
            s.severity,
            [("quote-direction".to_string(), Severity::Major)]
        );
        assert_eq!(s.quotes, Some(QuoteStyle::Guillemets));
        assert_eq!(s.allow, ["Lama"]);
        assert_eq!(s.fail_on, Some(FailOn::Minor));
        assert_eq!(s.max_score, Some(25.0));
    }

    #[test]
    fn the_docs_url_keeps_its_line_for_the_check() {
        let s = parse_str("# house rules\n\ndocs-url = \"https://w.example/{rule}\"\n").unwrap();
        assert_eq!(
            s.docs_url,
            Some(("https://w.example/{rule}".to_string(), 3))
        );
        let e = parse_str("[gate]\ndocs-url = \"x\"\n").unwrap_err();
        assert!(e.to_string().contains("docs-url"), "a top-level key: {e}");
    }

    #[test]
    fn errors_name_the_key_and_line() {
        let e = parse_str("[rules]\nignore = []\nignor = [\"x\"]\n").unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        assert!(e.to_string().contains("unknown field `ignor`"), "{e}");
        let e = parse_str("[gate]\n\nfail-on = \"sometimes\"\n").unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let e = parse_str("[rules.severity]\n\"no-such-rule\" = \"minor\"\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        assert!(e.to_string().contains("no-such-rule"), "{e}");
        let e = parse_str("[gate]\nmax-score = -3\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        let e = parse_str("[colour]\nx = 1\n").unwrap_err();
        assert_eq!(e.line, 1, "{e}");
        let e = parse_str("[dictionaries]\nextra = [\"missing-idioms.csv\"]\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
    }
}
