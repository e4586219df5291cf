//! Look-up speed of the morphology layer (`mtcheck::morph`) on real German word tokens:
//! `is_known`, `for_each_reading`, `lookup_into` and `analyze_into`, in words per second.
//!
//! The words come from the text file (or every file of the directory) that the environment
//! variable `MTCHECK_BENCH_CORPUS` names, tokenised as `mtcheck analyze` does; without it,
//! from the embedded wordfreq list `data/lexicon/de.tsv`, sampled by frequency (so frequent
//! forms recur as in running text), each word in the capitalisation the dictionary knows.
//!
//! Before the criterion runs, one pass over all the words on a fresh thread (so no per-thread
//! cache is warm) prints what a single run over the text costs.
//!
//! `cargo bench --bench morph`;
//! `MTCHECK_BENCH_CORPUS=/path/to/corpus cargo bench --bench morph`.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use mtcheck::morph::{Morph, Readings};
use mtcheck::text::token::{tokenize, TokenKind};

/// The embedded frequency list: `word<TAB>zipf*100` lines after `#` comments.
static WORDFREQ_DE: &str = include_str!("../data/lexicon/de.tsv");
/// How many tokens the frequency-sampled list has.
const SAMPLED_TOKENS: usize = 300_000;
/// How many tokens each criterion iteration looks up (a spread sample of all of them).
const CRITERION_TOKENS: usize = 20_000;

/// A word token and whether it starts a sentence.
type Word = (String, bool);

/// The words of a text, with sentence starts as `mtcheck analyze` finds them.
fn words_of(text: &str, out: &mut Vec<Word>) {
    let tokens = tokenize(text);
    let mut sentence_start = true;
    for t in &tokens.list {
        let word = &text[t.start..t.end];
        match t.kind {
            TokenKind::Word => {
                out.push((word.to_string(), sentence_start));
                sentence_start = false;
            }
            TokenKind::Punct => {
                if matches!(word, "." | "!" | "?" | ":" | "…" | "...") {
                    sentence_start = true;
                }
            }
            _ => sentence_start = false,
        }
    }
}

/// The words of the file or of every file in the directory `path`.
fn corpus_words(path: &Path) -> Vec<Word> {
    let mut files = vec![path.to_path_buf()];
    if path.is_dir() {
        files = std::fs::read_dir(path)
            .expect("MTCHECK_BENCH_CORPUS is readable")
            .map(|e| e.expect("directory entry").path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
    }
    let mut words = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("corpus file is UTF-8 text");
        words_of(&text, &mut words);
    }
    words
}

/// `s` with its first character upper-cased.
fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A case-folded wordfreq word as German writes it: capitalised when only that is known, with
/// `ß` when only that spelling is known.
fn restore_case(morph: &Morph, folded: &str) -> String {
    let mut candidates = vec![folded.to_string(), upper_first(folded)];
    if folded.contains("ss") {
        let sz = folded.replace("ss", "ß");
        candidates.push(upper_first(&sz));
        candidates.push(sz);
    }
    candidates
        .iter()
        .find(|c| morph.is_known(c))
        .unwrap_or(&candidates[0])
        .clone()
}

/// [`SAMPLED_TOKENS`] words drawn from the embedded list with its frequencies (a fixed
/// pseudo-random sequence); every 15th starts a sentence and is capitalised.
fn sampled_words(morph: &Morph) -> Vec<Word> {
    let mut vocab = Vec::new();
    let mut cumulative = Vec::new();
    let mut total = 0f64;
    for line in WORDFREQ_DE.lines().filter(|l| !l.starts_with('#')) {
        let Some((word, zipf)) = line.split_once('\t') else {
            continue;
        };
        let Ok(zipf) = zipf.trim().parse::<f64>() else {
            continue;
        };
        total += 10f64.powf(zipf / 100.0);
        vocab.push(word);
        cumulative.push(total);
    }
    let mut cased: Vec<Option<String>> = vec![None; vocab.len()];
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    (0..SAMPLED_TOKENS)
        .map(|i| {
            // xorshift64*: a fixed, well-spread sequence
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            let r = (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64;
            let k = cumulative
                .partition_point(|&c| c < r * total)
                .min(vocab.len() - 1);
            let word = cased[k]
                .get_or_insert_with(|| restore_case(morph, vocab[k]))
                .clone();
            if i % 15 == 0 {
                (upper_first(&word), true)
            } else {
                (word, false)
            }
        })
        .collect()
}

/// The time this thread has run on a CPU, where Linux tells it (`/proc/thread-self/schedstat`):
/// on a busy machine a truer measure than the wall clock.
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// One pass of `f` over `words` on a new thread; prints words per second (of wall-clock time
/// and, where known, of the thread's CPU time).
fn one_pass(name: &str, words: &[Word], f: impl Fn(&[Word]) -> usize + Send + Sync) {
    std::thread::scope(|s| {
        s.spawn(|| {
            let cpu = thread_cpu_secs();
            let start = Instant::now();
            let n = black_box(f(words));
            let secs = start.elapsed().as_secs_f64();
            let cpu = match (cpu, thread_cpu_secs()) {
                (Some(a), Some(b)) => format!(", {:.0} words/CPU-s", words.len() as f64 / (b - a)),
                _ => String::new(),
            };
            eprintln!(
                "one cold pass, {name}: {:.0} words/s{cpu} ({} words, {n} hits, {secs:.3} s)",
                words.len() as f64 / secs,
                words.len()
            );
        });
    });
}

fn is_known(m: &Morph, words: &[Word]) -> usize {
    words.iter().filter(|(w, _)| m.is_known(w)).count()
}

fn for_each_reading(m: &Morph, words: &[Word]) -> usize {
    let mut n = 0;
    for (w, _) in words {
        n += m.for_each_reading(w, |r| {
            black_box(r);
        });
    }
    n
}

fn lookup_into(m: &Morph, words: &[Word], buf: &mut Readings) -> usize {
    let mut n = 0;
    for (w, _) in words {
        m.lookup_into(w, buf);
        n += buf.len();
    }
    n
}

fn analyze_into(m: &Morph, words: &[Word], buf: &mut Readings) -> usize {
    let mut n = 0;
    for (w, start) in words {
        m.analyze_into(w, *start, buf);
        n += buf.len();
    }
    n
}

fn bench(c: &mut Criterion) {
    let morph = Morph::global();
    let words = match std::env::var_os("MTCHECK_BENCH_CORPUS") {
        Some(path) => corpus_words(Path::new(&path)),
        None => sampled_words(morph),
    };
    assert!(!words.is_empty(), "no words to look up");
    one_pass("is_known", &words, |w| is_known(morph, w));
    one_pass("for_each_reading", &words, |w| for_each_reading(morph, w));
    one_pass("lookup_into", &words, |w| {
        lookup_into(morph, w, &mut Readings::default())
    });
    one_pass("analyze_into", &words, |w| {
        analyze_into(morph, w, &mut Readings::default())
    });

    let step = words.len().div_ceil(CRITERION_TOKENS);
    let sample: Vec<Word> = words.iter().step_by(step).cloned().collect();
    let mut g = c.benchmark_group("morph");
    g.throughput(Throughput::Elements(sample.len() as u64));
    g.sample_size(10);
    g.bench_function("is_known", |b| b.iter(|| is_known(morph, &sample)));
    g.bench_function("for_each_reading", |b| {
        b.iter(|| for_each_reading(morph, &sample))
    });
    let mut buf = Readings::default();
    g.bench_function("lookup_into", |b| {
        b.iter(|| lookup_into(morph, &sample, &mut buf))
    });
    g.bench_function("analyze_into", |b| {
        b.iter(|| analyze_into(morph, &sample, &mut buf))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
