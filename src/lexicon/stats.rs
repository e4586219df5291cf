//! What the dictionaries hold: the data behind `mtcheck dict stats` (one `NAME COUNT` line per
//! table, then one per word list of `word_lists*.csv`). `mtcheck dict check FILE...` is [`super::validate`]; its entry points are re-exported
//! here for callers of the old paths.

use super::schema::phrase_tables;
pub use super::validate::{validate_builtin, validate_dictionary, validate_text};
use super::word_lists::WORD_LISTS;
use super::words::WordFreq;
use super::Lexicons;

/// The table names `mtcheck dict stats` prints, in its order: `entities` (rows of
/// `names*.csv`), the `stats` name of every phrase table, in their `order`
/// (`calques`, `false-friends`, `anglicisms`), `lexicon-de`, `lexicon-en`, and the id of every
/// word list (`missing-reflexive.verbs` …).
pub fn table_names() -> Vec<&'static str> {
    let mut names = vec!["entities"];
    names.extend(phrase_tables().iter().map(|t| t.stats.as_str()));
    names.extend(["lexicon-de", "lexicon-en"]);
    names.extend(WORD_LISTS.iter().map(|s| s.id));
    names
}

/// How many entries each table of `lex` holds, as (table name, count) in the order of
/// [`table_names`]: the tables, the words of the German and English frequency lexicon, the
/// words of each word list.
/// User dictionaries loaded into `lex` are counted with the built-in rows they extend.
pub fn table_counts(lex: &Lexicons) -> Vec<(&'static str, usize)> {
    let words = WordFreq::builtin();
    let mut counts = vec![("entities", lex.names.list.len())];
    counts.extend(
        phrase_tables()
            .iter()
            .zip(&lex.phrases)
            .map(|(spec, table)| (spec.stats.as_str(), table.entries().len())),
    );
    counts.extend([
        ("lexicon-de", words.de_len()),
        ("lexicon-en", words.en_len()),
    ]);
    counts.extend(lex.word_lists.counts());
    counts
}

/// [`table_counts`] as the lines `mtcheck dict stats` prints: `NAME COUNT`, one per table.
pub fn format_counts(counts: &[(&str, usize)]) -> String {
    counts
        .iter()
        .map(|(name, n)| format!("{name} {n}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_name_every_table_in_order() {
        let lex = Lexicons::builtin().unwrap();
        let counts = table_counts(&lex);
        let names: Vec<&str> = counts.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names[..6],
            [
                "entities",
                "calques",
                "false-friends",
                "anglicisms",
                "lexicon-de",
                "lexicon-en"
            ]
        );
        assert_eq!(names.len(), 6 + WORD_LISTS.len());
        assert!(counts[6..].iter().all(|(_, n)| *n > 0), "{counts:?}");
        assert_eq!(names, table_names());
        assert_eq!(counts[0].1, lex.names.list.len());
        assert_eq!(counts[1].1, lex.phrase("idioms").unwrap().entries().len());
        assert!(counts[0].1 > 0 && counts[1].1 > 0);
        assert_eq!(counts[4].1, WordFreq::builtin().de_len());
        assert!(counts[4].1 > 200_000 && counts[5].1 > 90_000);
        let text = format_counts(&counts);
        assert_eq!(text.lines().count(), 6 + WORD_LISTS.len());
        assert!(text.starts_with("entities "), "{text}");
        assert!(text
            .lines()
            .all(|l| l.split(' ').nth(1).unwrap().parse::<usize>().is_ok()));
    }

    #[test]
    fn counts_include_user_rows() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("idioms-newsroom.csv");
        std::fs::write(
            &p,
            "pattern,suggestion\nSchnee von gestern,längst bekannt\n",
        )
        .unwrap();
        let base = table_counts(&Lexicons::builtin().unwrap())[1].1;
        let lex = Lexicons::load(&[&p]).unwrap();
        assert_eq!(table_counts(&lex)[1], ("calques", base + 1));
    }

    #[test]
    fn counts_include_user_words() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("word_lists-newsroom.csv");
        std::fs::write(
            &p,
            "list,word
missing-reflexive.verbs,schämst
",
        )
        .unwrap();
        let count = |lex: &Lexicons| {
            table_counts(lex)
                .into_iter()
                .find(|(n, _)| *n == "missing-reflexive.verbs")
                .map(|(_, c)| c)
        };
        let base = count(&Lexicons::builtin().unwrap()).unwrap();
        assert_eq!(count(&Lexicons::load(&[&p]).unwrap()), Some(base + 1));
    }
}
