//! Throughput of mtcheck: loading the dictionaries, building a document (tokens, segments,
//! sentences), checking about 1 MB of real German text with every rule, each rule alone on a built
//! document, and rendering a report.
//!
//! `cargo bench --bench check`; `cargo bench --bench check -- 'rule/'` for the rules only.
//! `scripts/bench.sh` measures the binary end to end on 100 MB.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use mtcheck::report::{self, Batch, Gate, OutputFormat};
use mtcheck::rules::{Context, REGISTRY};
use mtcheck::{input, Checker, Format, Lexicons, SegmentMode, Severity};

/// About 1 MB of real German: the first 50 KB (at a line end) of every file of
/// `../shared/corpus/clean_de/` and `../shared/corpus/mt_ende/*.de` when they are there; else the
/// project's own fixtures, once each, and a note that the figure is not a real-text one. Never
/// a text repeated to fill the size.
fn corpus() -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let shared = format!("{root}/../shared/corpus");
    let mut files = Vec::new();
    for (dir, ext) in [("clean_de", None), ("mt_ende", Some("de"))] {
        if let Ok(entries) = std::fs::read_dir(format!("{shared}/{dir}")) {
            files.extend(
                entries
                    .map(|e| e.unwrap().path())
                    .filter(|p| ext.is_none_or(|x| p.extension().is_some_and(|e| e == x))),
            );
        }
    }
    let per_file = if files.is_empty() {
        eprintln!("benchmark corpus: ../shared/corpus is missing, so the fixtures (not real text)");
        for sub in ["clean", "mt"] {
            files.extend(
                std::fs::read_dir(format!("{root}/tests/fixtures/{sub}"))
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .filter(|p| p.extension().is_some_and(|e| e == "txt")),
            );
        }
        usize::MAX
    } else {
        50_000
    };
    files.sort();
    let mut out = String::with_capacity(1 << 20);
    for p in files {
        let text = std::fs::read_to_string(p).unwrap();
        let cut = if text.len() <= per_file {
            text.len()
        } else {
            text[per_file..]
                .find('\n')
                .map_or(text.len(), |i| per_file + i + 1)
        };
        out.push_str(&text[..cut]);
        out.push_str("\n\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    c.bench_function("load dictionaries", |b| {
        b.iter(|| black_box(Lexicons::load(&[] as &[&str]).unwrap()))
    });
    let text = corpus();
    let lex = Lexicons::builtin().unwrap();

    let mut g = c.benchmark_group("check 1 MB of real text");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("document", |b| {
        b.iter(|| {
            black_box(input::parse(
                text.clone(),
                Format::Text,
                SegmentMode::Paragraphs,
            ))
        })
    });
    let all = Checker::new(lex.clone());
    g.bench_function("all rules", |b| {
        b.iter(|| {
            black_box(all.check_text("bench", text.clone(), Format::Text, SegmentMode::Paragraphs))
        })
    });
    g.finish();

    // each rule on a document built once, so cheap rules are not hidden by tokenizing
    let doc = input::parse(text.clone(), Format::Text, SegmentMode::Paragraphs);
    let mut g = c.benchmark_group("rule");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    for rule in REGISTRY {
        g.bench_function(rule.meta().id, |b| {
            b.iter(|| {
                let mut cx = Context::new(&lex);
                rule.check(&doc, &mut cx);
                black_box(cx.findings.len())
            })
        });
    }
    g.finish();

    let file = all.check_text("bench", text.clone(), Format::Text, SegmentMode::Paragraphs);
    let batch = Batch {
        files: vec![file],
        errors: Vec::new(),
        gate: Gate {
            fail_on: Some(Severity::Major),
            max_score: None,
        },
    };
    let mut g = c.benchmark_group("report 1 MB");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    for (name, format) in [
        ("text", OutputFormat::Text),
        ("jsonl", OutputFormat::Jsonl),
        ("json", OutputFormat::Json),
        ("csv", OutputFormat::Csv),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Vec::new();
                report::write(&batch, format, &report::ReportOptions::default(), &mut out).unwrap();
                black_box(out.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
