//! Lints the word-frequency lexicon (`data/lexicon/*.tsv`): header, well-formed rows, sorted
//! unique keys in NFC folded lower case, Zipf values in range, and the same wordfreq version in
//! the data, the script that generates it and the attribution the binary carries.

use std::path::Path;

use mtcheck::lexicon::words::{lookup_key, WordFreq, ATTRIBUTION};
use unicode_normalization::is_nfc;

const FILES: &[&str] = &["de.tsv", "en.tsv"];

fn read(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/lexicon")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn pinned_version() -> String {
    let script = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/build_lexicon.py"),
    )
    .unwrap();
    let line = script
        .lines()
        .find(|l| l.starts_with("WORDFREQ_VERSION = "))
        .expect("the script pins WORDFREQ_VERSION");
    line.split('"').nth(1).unwrap().to_string()
}

#[test]
fn lexicon_files_are_clean() {
    let version = pinned_version();
    assert!(
        ATTRIBUTION.contains(&format!("wordfreq {version} ")),
        "ATTRIBUTION names another wordfreq version than scripts/build_lexicon.py"
    );
    for name in FILES {
        let text = read(name);
        assert!(is_nfc(&text), "{name} is not NFC");
        assert!(!text.contains('\r'), "{name}: CR line ends");
        let mut header = true;
        let mut prev: Option<&str> = None;
        let mut count = 0usize;
        let mut declared = None;
        for (i, line) in text.lines().enumerate() {
            let at = format!("data/lexicon/{name}:{}", i + 1);
            if line.starts_with('#') {
                assert!(header, "{at}: a comment after the first row");
                if line.contains("Source: wordfreq") {
                    assert!(
                        line.contains(&format!("wordfreq {version} ")),
                        "{at}: not generated with wordfreq {version}"
                    );
                }
                if let Some(rest) = line
                    .split(": ")
                    .nth(1)
                    .filter(|_| line.contains(" words, "))
                {
                    declared = rest.split(' ').next().and_then(|n| n.parse::<usize>().ok());
                }
                continue;
            }
            header = false;
            let (word, value) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{at}: expected word<TAB>zipf*100"));
            assert!(!word.is_empty(), "{at}: empty word");
            assert_eq!(lookup_key(word), word, "{at}: `{word}` is not a folded key");
            assert!(
                word.chars().all(|c| c.is_alphabetic() || c == '\''),
                "{at}: `{word}` has a character that is neither a letter nor an apostrophe"
            );
            assert!(
                !word.starts_with('\'') && !word.ends_with('\''),
                "{at}: `{word}` starts or ends with an apostrophe"
            );
            let v: u32 = value
                .parse()
                .unwrap_or_else(|_| panic!("{at}: `{value}` is not an integer"));
            assert!((100..=900).contains(&v), "{at}: Zipf*100 {v} out of range");
            if let Some(p) = prev {
                assert!(
                    p.as_bytes() < word.as_bytes(),
                    "{at}: `{word}` is out of order or a duplicate (after `{p}`)"
                );
            }
            prev = Some(word);
            count += 1;
        }
        assert_eq!(declared, Some(count), "{name}: the header's word count");
    }
}

#[test]
fn embedded_maps_hold_every_row() {
    let lex = WordFreq::builtin();
    assert_eq!(
        lex.de_len(),
        read("de.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .count()
    );
    assert_eq!(
        lex.en_len(),
        read("en.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .count()
    );
}
