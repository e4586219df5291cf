//! The dictionaries: CSV tables embedded in the binary, extended by user files of the same
//! schema, compiled once into phrase tables and hash maps shared by every thread.
//!
//! - [`schema`]: which files there are, their columns, reading rows;
//!   a phrase table is declared by the front matter of its own file ([`front_matter`]);
//! - [`validate`]: the one validator, used by loading, `mtcheck dict check` and the data tests;
//! - `names`: the name dictionary compiled; [`Lexicons`]: every table compiled;
//! - [`word_lists`]: the word lists of the heuristic rules, declared and compiled;
//! - [`words`]: word frequencies; [`glossary`]: a newsroom's term list (`--glossary`);
//! - the pattern engine the tables compile into is [`crate::matcher`].

pub mod front_matter;
pub mod glossary;
mod names;
pub mod schema;
pub mod stats;
pub mod validate;
pub mod word_lists;
pub mod words;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use crate::error::DictError;
use crate::finding::Severity;
use crate::matcher::pattern::{CaseRule, Cues, Pattern};
pub use crate::matcher::{Entry, Hit, PhraseTable};
pub use names::{distinctive_casing, NameInfo, Names, PartIndex};
use schema::{dict_err, phrase_tables, read_rows, unknown_file_name_message, Located};
pub use schema::{NameRow, PhraseRow, PhraseTableSpec, TableKind, BUILTIN};
use validate::{name_row_problems, parse_window, phrase_row_problems, suggestions, word_list_key};
pub use word_lists::{ListId, WordList, WordListRow, WordLists};

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

/// All dictionaries, compiled.
#[derive(Debug, Default)]
pub struct Lexicons {
    /// Names.
    pub names: Names,
    /// The phrase tables, in the order of [`schema::phrase_tables`].
    pub phrases: Vec<PhraseTable<PhraseInfo>>,
    /// The word lists of the heuristic rules (`word_lists*.csv`).
    pub word_lists: WordLists,
}

static BUILTIN_LEXICONS: LazyLock<Result<Arc<Lexicons>, String>> =
    LazyLock::new(|| Lexicons::load_shared(&[] as &[&Path]).map_err(|e| e.to_string()));

/// Adds `rows` to `into`; a row whose key is already there replaces that row in place.
fn merge<R>(into: &mut Vec<Located<R>>, rows: Vec<Located<R>>, key: impl Fn(&R) -> String) {
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

/// The phrase table of `rows`, which have been validated (see [`read_rows`]).
fn compile_phrases(rows: Vec<Located<PhraseRow>>) -> Result<PhraseTable<PhraseInfo>, DictError> {
    let mut entries = Vec::with_capacity(rows.len());
    for (path, line, r) in rows {
        let err = |m: String| dict_err(&path, line, m);
        let severity = match r.severity.trim() {
            "" => None,
            s => Some(s.parse::<Severity>().map_err(err)?),
        };
        entries.push(Entry {
            pattern: Pattern::parse(&r.pattern).map_err(err)?,
            context: Cues::validated(&r.context),
            exclude: Cues::validated(&r.exclude),
            window: parse_window(&r.window).map_err(err)?,
            case: r.case.parse::<CaseRule>().map_err(err)?,
            data: PhraseInfo {
                pattern: r.pattern.trim().to_string(),
                english: r.english.trim().to_string(),
                suggestions: suggestions(&r.suggestion),
                severity,
            },
        });
    }
    // the key index is built by `Lexicons::load_shared` in the background, or by the first
    // search
    Ok(PhraseTable::new_lazy(entries))
}

/// A dictionary file: where it is shown from, its text, its table.
type File = (String, Cow<'static, str>, TableKind);

/// The rows of the table `kind` in `files`, merged in order, each user row validated as it is
/// read. The built-in rows are validated by the tests (`builtin_tables_validate`), not at every
/// start.
fn rows_of<R: for<'de> serde::Deserialize<'de>>(
    files: &[File],
    kind: TableKind,
    key: impl Fn(&R) -> String + Copy,
    check: impl Fn(&R) -> Vec<String> + Copy,
) -> Result<Vec<Located<R>>, DictError> {
    let mut rows = Vec::new();
    for (shown, text, k) in files {
        if *k == kind {
            let builtin = matches!(text, Cow::Borrowed(_));
            let check = |r: &R| if builtin { Vec::new() } else { check(r) };
            let read = read_rows(shown, text, kind, check)?;
            // a built-in table has no two rows with the same key (the tests check it), so
            // as the first file of its table it is taken as it is
            if builtin && rows.is_empty() {
                rows = read;
            } else {
                merge(&mut rows, read, key);
            }
        }
    }
    Ok(rows)
}

impl Lexicons {
    /// The built-in dictionaries, compiled once per process.
    pub fn builtin() -> Result<Arc<Lexicons>, DictError> {
        BUILTIN_LEXICONS
            .clone()
            .map_err(|m| dict_err("<built-in>", 0, m))
    }

    /// The phrase table whose built-in file is `data/<file>.csv` (`idioms`).
    pub fn phrase(&self, file: &str) -> Option<&PhraseTable<PhraseInfo>> {
        let i = phrase_tables().iter().position(|t| t.file == file)?;
        self.phrases.get(i)
    }

    /// The word list `id` (built-in words and the user's).
    pub fn list(&self, id: ListId) -> &WordList {
        self.word_lists.get(id)
    }

    /// [`Lexicons::load`], shared between threads, with the key indexes of the phrase tables
    /// built in the background: the rules that run first (names, untranslated text) do not
    /// need them, so on a second core start-up does not wait for them (a search that comes
    /// first builds its table's index itself).
    pub fn load_shared(extra: &[impl AsRef<Path>]) -> Result<Arc<Lexicons>, DictError> {
        let lex = Arc::new(Lexicons::load(extra)?);
        for (i, spec) in phrase_tables().iter().enumerate() {
            let lex = Arc::clone(&lex);
            rayon::spawn(move || {
                if let Some(table) = lex.phrases.get(i) {
                    crate::timing::timed(spec.load_label(), || table.prepare());
                }
            });
        }
        Ok(lex)
    }

    /// The built-in dictionaries extended by user files (`names*.csv`, `word_lists*.csv`, and
    /// for every phrase table `data/<file>.csv` files starting with its `file`: `idioms*.csv`
    /// …). A user file's front matter is a comment: it never changes a table's declaration.
    pub fn load(extra: &[impl AsRef<Path>]) -> Result<Lexicons, DictError> {
        // every table's files, built-in first and then the user's in the order given
        let mut files: Vec<File> = Vec::new();
        for (name, text) in BUILTIN {
            let shown = format!("data/{name}");
            let kind = TableKind::from_file_name(name)
                .ok_or_else(|| dict_err(&shown, 0, unknown_file_name_message()))?;
            files.push((shown, Cow::Borrowed(*text), kind));
        }
        for p in extra {
            let p = p.as_ref();
            let shown = p.display().to_string();
            let file_name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            let kind = TableKind::from_file_name(file_name)
                .ok_or_else(|| dict_err(&shown, 0, unknown_file_name_message()))?;
            let text =
                crate::bounded::read_text(p).map_err(|e| dict_err(&shown, 0, e.to_string()))?;
            files.push((shown, Cow::Owned(text), kind));
        }
        // the tables are read and compiled independently: on two cores start-up takes about
        // the time of the name table instead of the sum
        use crate::timing::timed;
        let names = || {
            timed("(load: names)", || {
                let key = |r: &NameRow| r.name.clone();
                compile_names(rows_of(&files, TableKind::Names, key, name_row_problems)?)
            })
        };
        let phrase = |i: usize| {
            let spec = &phrase_tables()[i];
            timed(spec.load_label(), || {
                let key = |r: &PhraseRow| r.pattern.clone();
                let check = |r: &PhraseRow| phrase_row_problems(spec, r);
                compile_phrases(rows_of(&files, TableKind::Phrase(i), key, check)?)
            })
        };
        let word_lists = {
            let key = word_list_key;
            let check = word_lists::word_list_row_problems;
            let rows = rows_of(&files, TableKind::WordLists, key, check)?;
            WordLists::from_rows(rows.iter().map(|(_, _, r)| (r.list.trim(), r.word.trim())))
        };
        let (names, phrases) = rayon::join(names, || {
            use rayon::prelude::*;
            (0..phrase_tables().len())
                .into_par_iter()
                .map(phrase)
                .collect::<Result<Vec<_>, _>>()
        });
        Ok(Lexicons {
            names: names?,
            phrases: phrases?,
            word_lists,
        })
    }
}

use names::compile_names;

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
            .phrase("idioms")
            .unwrap()
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
