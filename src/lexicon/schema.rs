//! What the dictionary files look like: the built-in CSV tables, the phrase tables (each
//! declared by the front matter of its own file, [`super::front_matter`]), which table a file
//! holds (from its name), the columns of each schema, and reading a file into rows (after its
//! front matter). What is wrong with a row is [`super::validate`]'s business; what the rows
//! compile to is [`super::Lexicons`].

use std::borrow::Cow;
use std::io::Cursor;
use std::sync::LazyLock;

use serde::Deserialize;

use super::front_matter::{declaration, front_matter, phrase_tables_in};
use crate::error::DictError;

/// The built-in tables, `data/*.csv` by file name: (file name, contents).
pub const BUILTIN: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_tables.rs"));

/// The file-name stem of the name table (`data/names.csv`, user files `names*.csv`).
pub const NAMES_FILE: &str = "names";

/// One phrase table, as declared by the front matter of its file `data/<file>.csv`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseTableSpec {
    /// The built-in table is `data/<file>.csv`; user files start with `<file>`. Not a key of
    /// the declaration: the file's name says it.
    #[serde(skip)]
    pub file: String,
    /// The table's place among the phrase tables (unique): the order of their rules in the
    /// registry (of two rules reporting the same bytes with the same severity the first keeps
    /// the place), of `mtcheck dict stats` and of the file names a message lists.
    pub order: i64,
    /// Other beginnings of user file names for this table (`false-friends`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Its name in `mtcheck dict stats`.
    pub stats: String,
    /// Whether every built-in row must name its English source.
    pub english: EnglishColumn,
    /// A one-word pattern must have a `context` cue (checked in every file).
    pub single_word_needs_context: bool,
    /// The rule that reports the table's matches (read by `rules::phrase`).
    pub rule: PhraseRuleDecl,
}

/// Whether a phrase table's rows name their English source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EnglishColumn {
    /// Every built-in row has an `english` value.
    Required,
    /// `english` may be empty.
    Optional,
}

/// The rule of a phrase table: its metadata, documentation and message, as data.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseRuleDecl {
    /// Rule id (kebab-case).
    pub id: String,
    /// MQM category.
    pub category: String,
    /// Default severity (`critical`, `major`, `minor`).
    pub severity: String,
    /// One line.
    pub summary: String,
    /// What it flags.
    pub flags: String,
    /// Why it matters.
    pub why: String,
    /// Flagged example.
    pub example: String,
    /// What to write instead.
    pub instead: String,
    /// Texts the rule must flag.
    pub positives: Vec<String>,
    /// Texts the rule must leave alone.
    pub negatives: Vec<String>,
    /// The message; `{flagged}` is the quoted match, `{english}` the row's English source.
    pub message: String,
    /// The message for a row without English source.
    pub message_without_english: String,
    /// `keep` or `require-evidence`: what a source lacking the English expression does.
    pub source: String,
}

/// The phrase tables of `files` (file name, text), in the order `build.rs` registers their
/// rules ([`phrase_tables_in`]), each declaration read in full.
pub(crate) fn read_phrase_tables(files: &[(&str, &str)]) -> Result<Vec<PhraseTableSpec>, String> {
    let mut specs = Vec::new();
    for table in phrase_tables_in(files.iter().copied())? {
        let text = files
            .iter()
            .find(|(name, _)| *name == table.name)
            .map_or("", |(_, text)| text);
        let toml = declaration(text).unwrap_or_default();
        let mut spec: PhraseTableSpec =
            toml::from_str(&toml).map_err(|e| format!("data/{}: front matter: {e}", table.name))?;
        spec.file = table.name.trim_end_matches(".csv").to_string();
        specs.push(spec);
    }
    Ok(specs)
}

/// The built-in declarations are part of the binary: `cargo test` reads every one of them.
static PHRASE_TABLES: LazyLock<Vec<PhraseTableSpec>> =
    LazyLock::new(|| read_phrase_tables(BUILTIN).unwrap_or_else(|e| panic!("{e}")));

static LOAD_LABELS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    phrase_tables()
        .iter()
        .map(|t| &*format!("(load: {})", t.file.replace('_', " ")).leak())
        .collect()
});

impl PhraseTableSpec {
    /// The stage name under which `--timings` reports loading the table.
    pub fn load_label(&self) -> &'static str {
        phrase_tables()
            .iter()
            .position(|t| std::ptr::eq(t, self))
            .and_then(|i| LOAD_LABELS.get(i).copied())
            .unwrap_or("(load: phrases)")
    }
}

/// Every phrase table: every `data/*.csv` with a front matter, by its `order`.
pub fn phrase_tables() -> &'static [PhraseTableSpec] {
    &PHRASE_TABLES
}

/// Which table a file holds, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// `names*.csv`
    Names,
    /// A phrase table: the index of its [`PhraseTableSpec`] in [`phrase_tables`].
    Phrase(usize),
    /// `word_lists*.csv`: the word lists of the heuristic rules ([`super::word_lists`]).
    WordLists,
}

impl TableKind {
    /// The table a file name stands for.
    pub fn from_file_name(name: &str) -> Option<TableKind> {
        let n = name.to_ascii_lowercase();
        if n.starts_with(NAMES_FILE) {
            return Some(TableKind::Names);
        }
        phrase_tables()
            .iter()
            .position(|t| {
                std::iter::once(&t.file)
                    .chain(&t.aliases)
                    .any(|stem| n.starts_with(stem.as_str()))
            })
            .map(TableKind::Phrase)
            .or_else(|| {
                ["word_lists", "word-lists"]
                    .iter()
                    .any(|stem| n.starts_with(stem))
                    .then_some(TableKind::WordLists)
            })
    }

    /// The phrase table's declaration (`None` for names).
    pub fn spec(self) -> Option<&'static PhraseTableSpec> {
        match self {
            TableKind::Names | TableKind::WordLists => None,
            TableKind::Phrase(i) => phrase_tables().get(i),
        }
    }

    /// The column that identifies a row (`name` or `pattern`).
    pub fn key_column(self) -> &'static str {
        match self {
            TableKind::Names => "name",
            TableKind::Phrase(_) => "pattern",
            TableKind::WordLists => "word",
        }
    }

    /// The required and the known columns.
    pub fn columns(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            TableKind::Names => (
                &["name", "kind"],
                &[
                    "name", "kind", "literal", "context", "exclude", "window", "variants", "note",
                ],
            ),
            TableKind::Phrase(_) => (
                &["pattern", "suggestion"],
                &[
                    "pattern",
                    "english",
                    "suggestion",
                    "severity",
                    "context",
                    "exclude",
                    "window",
                    "case",
                    "note",
                ],
            ),
            TableKind::WordLists => (&["list", "word"], &["list", "word", "note"]),
        }
    }
}

/// The message for a user file whose name names no table.
pub fn unknown_file_name_message() -> String {
    let mut stems: Vec<&str> = vec![NAMES_FILE];
    stems.extend(phrase_tables().iter().map(|t| t.file.as_str()));
    stems.push(super::word_lists::WORD_LISTS_FILE);
    let (last, rest) = stems.split_last().unwrap_or((&NAMES_FILE, &[]));
    format!(
        "the file name must start with {} or {last}",
        rest.join(", ")
    )
}

/// A raw row of `names.csv`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NameRow {
    /// Canonical spelling.
    pub name: String,
    /// Kind of name.
    pub kind: String,
    /// Literal renderings, `;`-separated patterns.
    pub literal: String,
    /// Context cues.
    pub context: String,
    /// Exclusion cues.
    pub exclude: String,
    /// Context window.
    pub window: String,
    /// Wrong spellings.
    pub variants: String,
    /// Maintainer note.
    pub note: String,
}

/// A raw row of a phrase table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PhraseRow {
    /// The German pattern.
    pub pattern: String,
    /// The English source.
    pub english: String,
    /// Idiomatic German.
    pub suggestion: String,
    /// Severity override.
    pub severity: String,
    /// Context cues.
    pub context: String,
    /// Exclusion cues.
    pub exclude: String,
    /// Context window.
    pub window: String,
    /// Case rule.
    pub case: String,
    /// Maintainer note.
    pub note: String,
}

/// A row with the file and line it comes from.
pub type Located<R> = (String, usize, R);

pub(crate) fn dict_err(path: &str, line: usize, message: impl Into<String>) -> DictError {
    DictError {
        path: path.to_string(),
        line,
        message: message.into(),
    }
}

/// The comment byte the CSV reader is given for the lines of a front matter: it cannot occur
/// in UTF-8 text, so only the lines [`masked`] marks are skipped, never a row that happens to
/// start with `#` (the reader reports that row as usual).
const FRONT_MATTER_MARK: u8 = 0xFF;

/// `text` with the first byte of every front-matter line replaced by [`FRONT_MATTER_MARK`], so
/// that the CSV reader skips exactly those lines and still counts them: a row's line number and
/// the byte offsets in the reader's messages are those of the file. Borrowed when there is no
/// front matter.
fn masked(text: &str) -> Cow<'_, [u8]> {
    let fm = front_matter(text);
    if fm.lines == 0 {
        return Cow::Borrowed(text.as_bytes());
    }
    let mut bytes = text.as_bytes().to_vec();
    let mut start = 0;
    while start < fm.len {
        bytes[start] = FRONT_MATTER_MARK;
        start += text[start..fm.len].find('\n').map_or(fm.len, |i| i + 1);
    }
    Cow::Owned(bytes)
}

/// A CSV reader positioned after the header, the header, and the header's problems.
pub(crate) type OpenCsv<'t> = (
    csv::Reader<Cursor<Cow<'t, [u8]>>>,
    csv::StringRecord,
    Vec<DictError>,
);

/// A CSV reader over `text` and its header row (after the front matter, if any), with every
/// problem of the header: unknown columns, then missing ones. `Err` when the header cannot be
/// read at all.
pub(crate) fn open_csv<'t>(
    path: &str,
    text: &'t str,
    kind: TableKind,
) -> Result<OpenCsv<'t>, DictError> {
    let header_line = front_matter(text).lines + 1;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .comment(Some(FRONT_MATTER_MARK))
        .from_reader(Cursor::new(masked(text)));
    let headers = rdr
        .headers()
        .map_err(|e| dict_err(path, header_line, e.to_string()))?
        .clone();
    let (required, known) = kind.columns();
    let mut problems = Vec::new();
    for h in &headers {
        if !known.contains(&h) {
            problems.push(dict_err(
                path,
                header_line,
                format!("unknown column `{h}` (expected {})", known.join(", ")),
            ));
        }
    }
    for r in required {
        if !headers.iter().any(|h| h == *r) {
            problems.push(dict_err(path, header_line, format!("missing column `{r}`")));
        }
    }
    Ok((rdr, headers, problems))
}

/// The line a CSV record starts on.
pub(crate) fn record_line(rec: &csv::StringRecord) -> usize {
    rec.position().map_or(0, |p| p.line() as usize)
}

/// The line of a CSV error.
pub(crate) fn error_line(e: &csv::Error) -> usize {
    e.position().map_or(0, |p| p.line() as usize)
}

/// Every row of `text`, a table of `kind` shown as `path`; the first problem of the header or
/// of a row (`check`, from [`super::validate`]) is the error.
pub(crate) fn read_rows<R: for<'de> Deserialize<'de>>(
    path: &str,
    text: &str,
    kind: TableKind,
    check: impl Fn(&R) -> Vec<String>,
) -> Result<Vec<Located<R>>, DictError> {
    let (mut rdr, headers, problems) = open_csv(path, text, kind)?;
    if let Some(first) = problems.into_iter().next() {
        return Err(first);
    }
    // a row per line at most (up to the size of the largest built-in table): the rows are
    // not moved as the list grows
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    let mut out = Vec::with_capacity(lines.min(1 << 13));
    let mut rec = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(dict_err(path, error_line(&e), e.to_string())),
        }
        let line = record_line(&rec);
        let row: R = rec
            .deserialize(Some(&headers))
            .map_err(|e| dict_err(path, line, e.to_string()))?;
        if let Some(problem) = check(&row).into_iter().next() {
            return Err(dict_err(path, line, problem));
        }
        out.push((path.to_string(), line, row));
    }
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn every_declared_table_is_built_in_and_every_built_in_table_is_declared() {
        let tables = phrase_tables();
        assert!(tables.len() >= 3);
        for (name, _) in BUILTIN {
            assert!(
                TableKind::from_file_name(name).is_some(),
                "data/{name} is no declared table"
            );
        }
        for (i, t) in tables.iter().enumerate() {
            let file = format!("{}.csv", t.file);
            assert!(BUILTIN.iter().any(|(n, _)| *n == file), "{file} missing");
            assert_eq!(TableKind::from_file_name(&file), Some(TableKind::Phrase(i)));
        }
        // every file with a front matter is a table, and only those
        let declared = BUILTIN.iter().filter(|(_, t)| declaration(t).is_some());
        assert_eq!(declared.count(), tables.len());
        assert!(tables.windows(2).all(|w| w[0].order < w[1].order));
    }

    /// A phrase table file a contributor might add: its declaration, then its rows.
    pub(crate) const SAMPLE_TABLE: &str =
        "# order = 40\n# stats = \"colloquialisms\"\n# english = \"optional\"\n\
                    # single_word_needs_context = false\n# [rule]\n# id = \"colloquial\"\n\
                    # category = \"style/register\"\n# severity = \"minor\"\n# summary = \"s\"\n\
                    # flags = \"f\"\n# why = \"w\"\n# example = \"e\"\n# instead = \"i\"\n\
                    # positives = [\"p\"]\n# negatives = []\n# message = \"{flagged}\"\n\
                    # message_without_english = \"{flagged}\"\n# source = \"keep\"\n\
                    pattern,suggestion\nkrass*,sehr\n";

    #[test]
    fn a_table_file_declares_its_table() {
        let file = SAMPLE_TABLE;
        let specs =
            read_phrase_tables(&[("names.csv", "name,kind\n"), ("colloquial.csv", file)]).unwrap();
        assert_eq!(specs.len(), 1);
        let (spec, rule) = (&specs[0], &specs[0].rule);
        assert_eq!((spec.file.as_str(), spec.order), ("colloquial", 40));
        assert_eq!(
            (spec.stats.as_str(), spec.english),
            ("colloquialisms", EnglishColumn::Optional)
        );
        assert_eq!(
            (rule.id.as_str(), rule.severity.as_str()),
            ("colloquial", "minor")
        );
        assert_eq!(rule.positives, ["p"]);
        // every key is checked; the file name is not a key
        let unknown = file.replace("# order = 40\n", "# order = 40\n# file = \"x\"\n");
        let err = read_phrase_tables(&[("colloquial.csv", &unknown)]).unwrap_err();
        assert!(
            err.starts_with("data/colloquial.csv: front matter: "),
            "{err}"
        );
        assert!(err.contains("unknown field `file`"), "{err}");
        let missing = file.replace("# why = \"w\"\n", "");
        let err = read_phrase_tables(&[("colloquial.csv", &missing)]).unwrap_err();
        assert!(err.contains("missing field `why`"), "{err}");
    }

    #[test]
    fn file_names_choose_the_table() {
        assert_eq!(
            TableKind::from_file_name("Names-extra.csv"),
            Some(TableKind::Names)
        );
        let ff = TableKind::from_file_name("false-friends-x.csv").and_then(TableKind::spec);
        assert_eq!(ff.map(|s| s.file.as_str()), Some("false_friends"));
        assert_eq!(TableKind::from_file_name("glossary.csv"), None);
        assert_eq!(
            TableKind::from_file_name("word-lists-newsroom.csv"),
            Some(TableKind::WordLists)
        );
        assert_eq!(
            unknown_file_name_message(),
            "the file name must start with names, idioms, false_friends, anglicisms or word_lists"
        );
    }
}
