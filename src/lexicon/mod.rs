//! The dictionaries: CSV tables embedded in the binary, extended by user files of the same
//! schema, compiled once into phrase tables and hash maps shared by every thread.

pub mod glossary;
pub mod stats;
pub mod words;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use serde::Deserialize;

use crate::document::Document;
use crate::error::DictError;
use crate::finding::Severity;
use crate::text::token::{normalise, tokenize, TokenKind, Tokens};
use crate::matcher::pattern::{parse_cues, Affix, Alt, CaseRule, Elem, Pattern};
pub use crate::matcher::{Entry, Hit, PhraseTable};
use words::{FastMap, FastSet, NormMap, NormSet};

/// The built-in tables: (file name, contents).
pub const BUILTIN: &[(&str, &str)] = &[
    ("names.csv", include_str!("../../data/names.csv")),
    ("idioms.csv", include_str!("../../data/idioms.csv")),
    (
        "false_friends.csv",
        include_str!("../../data/false_friends.csv"),
    ),
    ("anglicisms.csv", include_str!("../../data/anglicisms.csv")),
];

const DEFAULT_WINDOW: usize = 6;

/// Which table a file holds, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// `names*.csv`
    Names,
    /// `idioms*.csv`
    Idioms,
    /// `false_friends*.csv`
    FalseFriends,
    /// `anglicisms*.csv`
    Anglicisms,
}

impl TableKind {
    /// The table a file name stands for.
    pub fn from_file_name(name: &str) -> Option<TableKind> {
        let n = name.to_ascii_lowercase();
        if n.starts_with("names") {
            Some(TableKind::Names)
        } else if n.starts_with("idioms") {
            Some(TableKind::Idioms)
        } else if n.starts_with("false_friends") || n.starts_with("false-friends") {
            Some(TableKind::FalseFriends)
        } else if n.starts_with("anglicisms") {
            Some(TableKind::Anglicisms)
        } else {
            None
        }
    }

    fn columns(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            TableKind::Names => (
                &["name", "kind"],
                &[
                    "name", "kind", "literal", "context", "exclude", "window", "variants", "note",
                ],
            ),
            _ => (
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
        }
    }
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

/// A name of `names.csv`.
#[derive(Debug, Clone)]
pub struct NameInfo {
    /// Canonical spelling.
    pub name: String,
    /// Kind (company, model …).
    pub kind: String,
    /// Its words (`Mark`, `Zuckerberg`).
    pub words: Vec<String>,
}

/// What a phrase-table match reports.
#[derive(Debug, Clone)]
pub struct PhraseInfo {
    /// The pattern as written.
    pub pattern: String,
    /// The English source expression.
    pub english: String,
    /// Suggestions, best first.
    pub suggestions: Vec<String>,
    /// Severity override.
    pub severity: Option<Severity>,
}

/// The compiled name dictionary.
#[derive(Debug, Default)]
pub struct Names {
    /// Every name.
    pub list: Vec<NameInfo>,
    /// Literal renderings, pointing at `list`.
    pub literal: PhraseTable<usize>,
    /// Known wrong spellings, pointing at `list`.
    pub variants: PhraseTable<usize>,
    /// Lower-case form of one-word names with distinctive casing -> index in `list`; looked
    /// up for every word of a text, by the hash tokens carry.
    pub casing: NormMap<usize>,
    /// Every correct spelling of a one-word name.
    pub accepted: FastSet<String>,
    /// The capitalised words of every name (Zuckerberg, Srinivas), for spelling variants.
    pub part_index: PartIndex,
    /// People with a middle part, by (first word, last word): „Hyung Chung“ -> Hyung Won Chung.
    /// Keyed by the normalised first word (looked up for every word of a text, by the hash
    /// tokens carry), then (first word as written, last word, index in `list`).
    pub without_middle: NormMap<Vec<(String, String, usize)>>,
    /// For every known wrong spelling ([`Names::variants`]), the words one of which a match
    /// must contain; see [`Names::may_have_variants`].
    variant_keys: Option<NormSet>,
    /// Every word of every name (as written) -> the names that have it, in list order.
    by_word: FastMap<String, Vec<usize>>,
}

impl Names {
    /// The names that have `word` (as written) among their words, in list order.
    pub fn with_word(&self, word: &str) -> impl Iterator<Item = &NameInfo> {
        self.by_word
            .get(word)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &self.list[i])
    }

    /// Token `t` is one of the words that every match of some entry of [`Names::variants`]
    /// contains (always `true` when an entry has no such word). A text without such a token
    /// has no known wrong spelling, and the table's search, which costs more than looking up
    /// every word once, can be skipped; in most texts none of the words occurs.
    pub fn variant_cue(&self, tokens: &Tokens, t: usize) -> bool {
        self.variant_keys
            .as_ref()
            .is_none_or(|keys| keys.contains_token(tokens, t))
    }

    /// Some token of `doc` is a [`Names::variant_cue`].
    pub fn may_have_variants(&self, doc: &Document) -> bool {
        (0..doc.tokens.len()).any(|t| self.variant_cue(&doc.tokens, t))
    }
}

/// For every entry of `table`, the words of one element that each of its matches contains,
/// or `None` when some entry has no such element.
///
/// A pattern matches tokens element by element, and a token matches a whole word (no `*`)
/// when its normalised form is the word; so every match of a pattern contains a token that
/// is one of the words of each element that is not optional and consists of whole words.
/// Of those, the element whose words are rarest in German is taken (by its most frequent
/// word, with words missing from the frequency lexicon rarest of all): the fewer texts
/// contain one, the more searches are skipped. Of „Markus Soeder“ it takes *soeder*.
fn required_words<T>(table: &PhraseTable<T>) -> Option<NormSet> {
    let freq = words::WordFreq::builtin();
    // how common the most common of `words` is, in hundredths of a Zipf unit (0: not in the
    // lexicon); punctuation (`-` of „Klaus-Michael“), which the lexicon lacks, is commonest
    let commonness = |words: &Vec<String>| -> u32 {
        words
            .iter()
            .map(|w| match freq.de_zipf(w) {
                _ if !w.chars().any(char::is_alphabetic) => u32::MAX,
                Some(z) => (z * 100.0) as u32,
                None => 0,
            })
            .max()
            .unwrap_or(0)
    };
    let mut set = NormSet::default();
    for e in table.entries() {
        let words_of = |elem: &Elem| -> Option<Vec<String>> {
            let Elem::Tok {
                alts,
                optional: false,
            } = elem
            else {
                return None;
            };
            alts.iter()
                .map(|a| match a {
                    Alt::Word {
                        norm,
                        affix: Affix::Exact,
                        ..
                    } => Some(norm.clone()),
                    _ => None,
                })
                .collect()
        };
        let best = e
            .pattern
            .elems
            .iter()
            .filter_map(words_of)
            .filter(|words| !words.is_empty())
            .min_by_key(commonness)?;
        for w in &best {
            set.insert(w);
        }
    }
    Some(set)
}

/// Name parts of five letters or more, indexed by their first letter so that a look-up for
/// near misses only compares names that start alike.
#[derive(Debug, Default)]
pub struct PartIndex {
    all: FastMap<String, Vec<(usize, usize)>>,
    by_first: FastMap<(char, usize), Vec<String>>,
}

impl PartIndex {
    fn insert(&mut self, part: &str, name: usize, position: usize) {
        let Some(first) = part.chars().next() else {
            return;
        };
        if part.chars().count() < 5 || !first.is_uppercase() {
            return;
        }
        let owners = self.all.entry(part.to_string()).or_default();
        owners.push((name, position));
        if owners.len() == 1 {
            let len = part.chars().count();
            self.by_first
                .entry((first, len))
                .or_default()
                .push(part.to_string());
        }
    }

    /// `part` is a word of some name.
    pub fn contains_key(&self, part: &str) -> bool {
        self.all.contains_key(part)
    }

    /// The names `part` belongs to, as (index in the name list, position of the word).
    pub fn owners(&self, part: &str) -> &[(usize, usize)] {
        self.all.get(part).map_or(&[], Vec::as_slice)
    }

    /// The name parts that start with `first` and have `len` characters.
    pub fn get_by_first(&self, first: char, len: usize) -> &[String] {
        self.by_first.get(&(first, len)).map_or(&[], Vec::as_slice)
    }
}

/// All dictionaries, compiled.
#[derive(Debug, Default)]
pub struct Lexicons {
    /// Names.
    pub names: Names,
    /// Literal idioms.
    pub idioms: PhraseTable<PhraseInfo>,
    /// False friends.
    pub false_friends: PhraseTable<PhraseInfo>,
    /// Anglicisms.
    pub anglicisms: PhraseTable<PhraseInfo>,
}

static BUILTIN_LEXICONS: LazyLock<Result<Arc<Lexicons>, String>> = LazyLock::new(|| {
    Lexicons::load(&[] as &[&Path])
        .map(Arc::new)
        .map_err(|e| e.to_string())
});

/// Rows of every table, built-in first, user rows replacing built-in rows with the same key.
#[derive(Debug, Default)]
struct Rows {
    names: Vec<(String, usize, NameRow)>,
    idioms: Vec<(String, usize, PhraseRow)>,
    false_friends: Vec<(String, usize, PhraseRow)>,
    anglicisms: Vec<(String, usize, PhraseRow)>,
}

fn dict_err(path: &str, line: usize, message: impl Into<String>) -> DictError {
    DictError {
        path: path.to_string(),
        line,
        message: message.into(),
    }
}

fn read_rows<R: for<'de> Deserialize<'de>>(
    path: &str,
    text: &str,
    kind: TableKind,
) -> Result<Vec<(String, usize, R)>, DictError> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| dict_err(path, 1, e.to_string()))?
        .clone();
    let (required, known) = kind.columns();
    for h in &headers {
        if !known.contains(&h) {
            return Err(dict_err(
                path,
                1,
                format!("unknown column `{h}` (expected {})", known.join(", ")),
            ));
        }
    }
    for r in required {
        if !headers.iter().any(|h| h == *r) {
            return Err(dict_err(path, 1, format!("missing column `{r}`")));
        }
    }
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            dict_err(path, line, e.to_string())
        })?;
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let row: R = rec
            .deserialize(Some(&headers))
            .map_err(|e| dict_err(path, line, e.to_string()))?;
        out.push((path.to_string(), line, row));
    }
    Ok(out)
}

/// Adds `rows` to `into`; a row whose key is already there replaces that row in place.
fn merge<R>(
    into: &mut Vec<(String, usize, R)>,
    rows: Vec<(String, usize, R)>,
    key: impl Fn(&R) -> String,
) {
    let mut index: HashMap<String, usize> = into
        .iter()
        .enumerate()
        .map(|(i, r)| (key(&r.2), i))
        .collect();
    for row in rows {
        match index.entry(key(&row.2)) {
            std::collections::hash_map::Entry::Occupied(e) => into[*e.get()] = row,
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(into.len());
                into.push(row);
            }
        }
    }
}

impl Rows {
    fn add(&mut self, path: &str, text: &str, kind: TableKind) -> Result<(), DictError> {
        match kind {
            TableKind::Names => {
                let rows = read_rows::<NameRow>(path, text, kind)?;
                merge(&mut self.names, rows, |r| r.name.clone());
            }
            TableKind::Idioms => merge(
                &mut self.idioms,
                read_rows(path, text, kind)?,
                |r: &PhraseRow| r.pattern.clone(),
            ),
            TableKind::FalseFriends => merge(
                &mut self.false_friends,
                read_rows(path, text, kind)?,
                |r: &PhraseRow| r.pattern.clone(),
            ),
            TableKind::Anglicisms => merge(
                &mut self.anglicisms,
                read_rows(path, text, kind)?,
                |r: &PhraseRow| r.pattern.clone(),
            ),
        }
        Ok(())
    }
}

fn window(path: &str, line: usize, s: &str) -> Result<usize, DictError> {
    if s.trim().is_empty() {
        return Ok(DEFAULT_WINDOW);
    }
    s.trim()
        .parse::<usize>()
        .ok()
        .filter(|w| (1..=30).contains(w))
        .ok_or_else(|| {
            dict_err(
                path,
                line,
                format!("window `{s}` must be a number from 1 to 30"),
            )
        })
}

/// A name has distinctive casing: a capital after the first letter, or a lower-case first
/// letter followed by a capital; and at least one lower-case letter (acronyms such as NASA
/// are written Nasa in German style guides, so they are not checked).
pub fn distinctive_casing(name: &str) -> bool {
    let mut chars = name.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: Vec<char> = chars.collect();
    let has_lower = first.is_lowercase() || rest.iter().any(|c| c.is_lowercase());
    let inner_upper = rest.iter().any(|c| c.is_uppercase());
    has_lower && inner_upper
}

fn compile_phrases(
    rows: Vec<(String, usize, PhraseRow)>,
) -> Result<PhraseTable<PhraseInfo>, DictError> {
    let mut entries = Vec::with_capacity(rows.len());
    for (path, line, r) in rows {
        let err = |m: String| dict_err(&path, line, m);
        let pattern =
            Pattern::parse(&r.pattern).map_err(|m| err(format!("pattern `{}`: {m}", r.pattern)))?;
        let suggestions: Vec<String> = r
            .suggestion
            .split(" / ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        if suggestions.is_empty() {
            return Err(err("a suggestion is required".into()));
        }
        let severity = if r.severity.trim().is_empty() {
            None
        } else {
            Some(r.severity.parse::<Severity>().map_err(err)?)
        };
        entries.push(Entry {
            pattern,
            context: parse_cues(&r.context).map_err(err)?,
            exclude: parse_cues(&r.exclude).map_err(err)?,
            window: window(&path, line, &r.window)?,
            case: r.case.parse::<CaseRule>().map_err(err)?,
            data: PhraseInfo {
                pattern: r.pattern.trim().to_string(),
                english: r.english.trim().to_string(),
                suggestions,
                severity,
            },
        });
    }
    Ok(PhraseTable::new(entries))
}

fn compile_names(rows: Vec<(String, usize, NameRow)>) -> Result<Names, DictError> {
    let mut names = Names::default();
    let mut literal = Vec::new();
    let mut variants = Vec::new();
    for (path, line, r) in rows {
        let err = |m: String| dict_err(&path, line, m);
        let name = r.name.trim().to_string();
        if name.is_empty() {
            return Err(err("empty name".into()));
        }
        let idx = names.list.len();
        let context = parse_cues(&r.context).map_err(err)?;
        let exclude = parse_cues(&r.exclude).map_err(err)?;
        let win = window(&path, line, &r.window)?;
        for lit in r
            .literal
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let pattern = Pattern::parse(lit).map_err(|m| err(format!("literal `{lit}`: {m}")))?;
            literal.push(Entry {
                pattern,
                context: context.clone(),
                exclude: exclude.clone(),
                window: win,
                case: CaseRule::Any,
                data: idx,
            });
        }
        for var in r
            .variants
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            if var == name {
                return Err(err(format!("variant `{var}` is the name itself")));
            }
            let pattern = Pattern::parse(var).map_err(|m| err(format!("variant `{var}`: {m}")))?;
            variants.push(Entry {
                pattern,
                context: Vec::new(),
                exclude: Vec::new(),
                window: win,
                case: CaseRule::Exact,
                data: idx,
            });
        }
        let toks = tokenize(&name);
        let name_words: Vec<String> = toks
            .list
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| name[t.start..t.end].to_string())
            .collect();
        for (pos, w) in name_words.iter().enumerate() {
            names.part_index.insert(w, idx, pos);
        }
        let words: Vec<&str> = toks
            .list
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| &name[t.start..t.end])
            .collect();
        if r.kind.trim() == "person" && words.len() >= 3 && words.len() == toks.len() {
            let last = words[words.len() - 1].to_string();
            names
                .without_middle
                .get_or_insert_with(&normalise(words[0]), Vec::new)
                .push((words[0].to_string(), last, idx));
        }
        if toks.len() == 1 && toks.list[0].kind == TokenKind::Word {
            names.accepted.insert(name.clone());
            if distinctive_casing(&name) {
                names.casing.get_or_insert_with(&normalise(&name), || idx);
            }
        }
        names.list.push(NameInfo {
            name,
            kind: r.kind.trim().to_string(),
            words: name_words,
        });
    }
    (names.literal, names.variants) =
        rayon::join(|| PhraseTable::new(literal), || PhraseTable::new(variants));
    for (i, n) in names.list.iter().enumerate() {
        for w in &n.words {
            let owners = names.by_word.entry(w.clone()).or_default();
            if owners.last() != Some(&i) {
                owners.push(i);
            }
        }
    }
    names.variant_keys = required_words(&names.variants);
    Ok(names)
}

impl Lexicons {
    /// The built-in dictionaries, compiled once per process.
    pub fn builtin() -> Result<Arc<Lexicons>, DictError> {
        BUILTIN_LEXICONS
            .clone()
            .map_err(|m| dict_err("<built-in>", 0, m))
    }

    /// The built-in dictionaries extended by user files (`names*.csv`, `idioms*.csv`,
    /// `false_friends*.csv`, `anglicisms*.csv`).
    pub fn load(extra: &[impl AsRef<Path>]) -> Result<Lexicons, DictError> {
        // every table's files, built-in first and then the user's in the order given
        let mut files: Vec<(String, std::borrow::Cow<'static, str>, TableKind)> = BUILTIN
            .iter()
            .map(|(name, text)| {
                let kind = TableKind::from_file_name(name).expect("built-in table names are known");
                (
                    format!("data/{name}"),
                    std::borrow::Cow::Borrowed(*text),
                    kind,
                )
            })
            .collect();
        for p in extra {
            let p = p.as_ref();
            let shown = p.display().to_string();
            let file_name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let kind = TableKind::from_file_name(file_name).ok_or_else(|| {
                dict_err(
                    &shown,
                    0,
                    "the file name must start with names, idioms, false_friends or anglicisms",
                )
            })?;
            let text =
                std::fs::read_to_string(p).map_err(|e| dict_err(&shown, 0, e.to_string()))?;
            files.push((shown, std::borrow::Cow::Owned(text), kind));
        }
        // the rows of one table, its files merged in order
        let rows = |kind: TableKind| -> Result<Rows, DictError> {
            let mut rows = Rows::default();
            for (shown, text, k) in &files {
                if *k == kind {
                    rows.add(shown, text, kind)?;
                }
            }
            Ok(rows)
        };
        // the tables are read and compiled independently: on two cores start-up takes about
        // the time of the name table instead of the sum
        use crate::timing::timed;
        let names = || {
            timed("(load: names)", || {
                compile_names(rows(TableKind::Names)?.names)
            })
        };
        let idioms = || {
            timed("(load: idioms)", || {
                compile_phrases(rows(TableKind::Idioms)?.idioms)
            })
        };
        let false_friends = || {
            timed("(load: false friends)", || {
                compile_phrases(rows(TableKind::FalseFriends)?.false_friends)
            })
        };
        let anglicisms = || {
            timed("(load: anglicisms)", || {
                compile_phrases(rows(TableKind::Anglicisms)?.anglicisms)
            })
        };
        let (names, (idioms, (false_friends, anglicisms))) = rayon::join(names, || {
            rayon::join(idioms, || rayon::join(false_friends, anglicisms))
        });
        Ok(Lexicons {
            names: names?,
            idioms: idioms?,
            false_friends: false_friends?,
            anglicisms: anglicisms?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tables_compile() {
        let lex = Lexicons::builtin().unwrap();
        assert!(!lex.names.list.is_empty());
    }

    #[test]
    fn distinctive() {
        assert!(distinctive_casing("OpenAI"));
        assert!(distinctive_casing("xAI"));
        assert!(distinctive_casing("GPUs"));
        assert!(!distinctive_casing("Meta"));
        assert!(!distinctive_casing("NASA"));
    }

    #[test]
    fn user_rows_replace_builtin_rows_and_errors_name_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("idioms-newsroom.csv");
        std::fs::write(&p, "pattern,suggestion\nfoo* bar,baz\n").unwrap();
        let lex = Lexicons::load(&[&p]).unwrap();
        assert!(lex
            .idioms
            .entries()
            .iter()
            .any(|e| e.data.pattern == "foo* bar"));
        std::fs::write(&p, "pattern,suggestion\n#num bar,baz\n").unwrap();
        let err = Lexicons::load(&[&p]).unwrap_err().to_string();
        assert!(err.contains("idioms-newsroom.csv:2:"), "{err}");
        std::fs::write(&p, "pattern,suggestion,colour\na,b,c\n").unwrap();
        assert!(Lexicons::load(&[&p])
            .unwrap_err()
            .to_string()
            .contains("unknown column `colour`"));
    }
}
