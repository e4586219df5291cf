//! Load time and look-up speed of the word-frequency lexicon, and the load time of every
//! built-in table together (the budget: at most 30 ms in a release build).
//!
//! `cargo bench --bench lexicon`

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion};
use mtcheck::lexicon::words::WordFreq;
use mtcheck::Lexicons;

fn bench(c: &mut Criterion) {
    // The first use in this process: what a run of `mtcheck` pays once.
    let start = Instant::now();
    let lex = WordFreq::builtin();
    black_box(lex.de_zipf("haus"));
    let words_first = start.elapsed();
    let start = Instant::now();
    black_box(Lexicons::load(&[] as &[&str]).unwrap());
    let tables_first = start.elapsed();
    eprintln!(
        "first load in this process: word lexicon {words_first:?}, CSV tables {tables_first:?}, \
         together {:?} ({} German, {} English words)",
        words_first + tables_first,
        lex.de_len(),
        lex.en_len()
    );

    // Opening the embedded maps again (what the LazyLock does once).
    c.bench_function("lexicon: open both fst maps", |b| {
        b.iter(|| black_box(WordFreq::open()))
    });
    c.bench_function("load all tables (CSV tables + lexicon)", |b| {
        b.iter(|| {
            black_box(WordFreq::open());
            black_box(Lexicons::load(&[] as &[&str]).unwrap())
        })
    });

    let words = [
        "haus",
        "und",
        "verwirrung",
        "according",
        "the",
        "übergröße",
        "Straße",
        "unterperformance",
        "aktienentschädigung",
        "report",
    ];
    c.bench_function(
        "lexicon: 10 look-ups (de_zipf + is_english_not_german)",
        |b| {
            b.iter(|| {
                for w in words {
                    black_box(lex.de_zipf(black_box(w)));
                    black_box(lex.is_english_not_german(black_box(w)));
                }
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
