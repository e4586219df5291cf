//! Compiles the word-frequency lexicon (`data/lexicon/*.tsv`, written by
//! `scripts/build_lexicon.py`) into `fst` maps in `OUT_DIR`, which `src/lexicon/words.rs`
//! embeds with `include_bytes!`. The text files stay reviewable in the repository; the binary
//! carries the compact, zero-copy form.
//!
//! It also lists the dictionary tables (`data/*.csv`) for `src/lexicon/schema.rs` to embed, so
//! that a new table is a new file and no code, and writes the rule registry
//! (`src/rules/mod.rs` includes it): every `pub mod` of a rule family's `mod.rs` is a rule, and
//! every `data/*.csv` whose front matter declares a phrase table is a phrase-table rule, by its
//! `order` (`src/lexicon/front_matter.rs`, shared with the library). Adding a rule is its file
//! plus its `pub mod` line; adding a phrase table is one data file.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

#[path = "src/lexicon/front_matter.rs"]
mod front_matter;

/// (input file under `data/lexicon/`, output stem in `OUT_DIR`)
const TABLES: &[(&str, &str)] = &[("de.tsv", "lexicon_de"), ("en.tsv", "lexicon_en")];

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo::rerun-if-changed=build.rs");
    let mut consts = String::new();
    for (file, stem) in TABLES {
        let path = Path::new(&manifest).join("data/lexicon").join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut builder = fst::MapBuilder::memory();
        let mut min = u64::MAX;
        let mut count = 0u64;
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            let at = || format!("data/lexicon/{file}:{}", i + 1);
            let (word, value) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{}: expected word<TAB>zipf*100", at()));
            let value: u64 = value
                .parse()
                .ok()
                .filter(|v| (1..=900).contains(v))
                .unwrap_or_else(|| panic!("{}: `{value}` is not a Zipf value * 100", at()));
            builder
                .insert(word, value)
                .unwrap_or_else(|e| panic!("{}: `{word}`: {e} (sorted, unique?)", at()));
            min = min.min(value);
            count += 1;
        }
        let bytes = builder.into_inner().expect("in-memory fst");
        fs::write(Path::new(&out_dir).join(format!("{stem}.fst")), bytes)
            .expect("write to OUT_DIR");
        let upper = stem.to_ascii_uppercase();
        writeln!(consts, "const {upper}_MIN: u64 = {min};").unwrap();
        writeln!(
            consts,
            "#[allow(dead_code)]\nconst {upper}_COUNT: usize = {count};"
        )
        .unwrap();
    }
    fs::write(Path::new(&out_dir).join("lexicon_meta.rs"), consts).expect("write to OUT_DIR");
    let tables = embed_tables(&manifest, &out_dir);
    write_registry(&manifest, &out_dir, &phrase_rules(&tables));
}

/// The rule ids of the phrase tables among `tables` (file name, text), by their `order`.
fn phrase_rules(tables: &[(String, String)]) -> Vec<String> {
    let files = tables.iter().map(|(n, t)| (n.as_str(), t.as_str()));
    front_matter::phrase_tables_in(files)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|t| t.rule)
        .collect()
}

/// The rule families (folders of `src/rules/`) in registry order; `phrase` stands for the
/// phrase tables (`data/*.csv` with a front matter, by their `order`). The order decides which
/// of two rules reporting the same bytes with the same severity keeps the place (the one listed
/// first).
const FAMILIES: &[&str] = &[
    "entity",
    "untranslated",
    "phrase",
    "typography",
    "structure",
    "compound",
    "locale",
    "grammar",
    "consistency",
    "source",
];

/// `np_agreement` -> `NpAgreement`: a rule module's struct is its name in camel case.
fn camel(module: &str) -> String {
    module
        .split('_')
        .map(|part| {
            let mut c = part.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Writes `rules_registry.rs`, the expression of `rules::REGISTRY`: per family in
/// [`FAMILIES`] order, its rules in the order of their `pub mod` lines; for `phrase` the rules
/// `phrase_rules`.
fn write_registry(manifest: &str, out_dir: &str, phrase_rules: &[String]) {
    let rules_dir = Path::new(manifest).join("src/rules");
    println!("cargo::rerun-if-changed={}", rules_dir.display());
    for entry in fs::read_dir(&rules_dir).expect("src/rules exists") {
        let entry = entry.expect("readable src/rules");
        let name = entry.file_name().into_string().expect("UTF-8 folder name");
        if entry.path().is_dir() && name != "snapshots" && !FAMILIES.contains(&name.as_str()) {
            panic!("src/rules/{name}/ is not a rule family: add it to FAMILIES in build.rs");
        }
    }
    let mut out = String::from("&[\n");
    for family in FAMILIES {
        if *family == "phrase" {
            for id in phrase_rules {
                writeln!(out, "    &phrase::TableRule({id:?}),").unwrap();
            }
            continue;
        }
        let path = rules_dir.join(family).join("mod.rs");
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for module in text
            .lines()
            .filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';'))
        {
            writeln!(out, "    &{family}::{module}::{},", camel(module)).unwrap();
        }
    }
    out.push(']');
    fs::write(Path::new(out_dir).join("rules_registry.rs"), out).expect("write to OUT_DIR");
}

/// Writes `builtin_tables.rs`: `(file name, include_str!(path))` for every `data/*.csv`, by
/// file name, and returns them as (file name, text).
fn embed_tables(manifest: &str, out_dir: &str) -> Vec<(String, String)> {
    let data = Path::new(manifest).join("data");
    println!("cargo::rerun-if-changed={}", data.display());
    let shared = Path::new(manifest).join("src/lexicon/front_matter.rs");
    println!("cargo::rerun-if-changed={}", shared.display());
    let mut files: Vec<String> = fs::read_dir(&data)
        .unwrap_or_else(|e| panic!("{}: {e}", data.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    files.sort();
    let mut out = String::from("&[\n");
    let mut tables = Vec::new();
    for f in files {
        let path = data.join(&f);
        println!("cargo::rerun-if-changed={}", path.display());
        writeln!(out, "    ({f:?}, include_str!({:?})),", path.display()).unwrap();
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        tables.push((f, text));
    }
    out.push(']');
    fs::write(Path::new(out_dir).join("builtin_tables.rs"), out).expect("write to OUT_DIR");
    tables
}
