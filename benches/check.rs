//! Throughput of mtcheck: loading the dictionaries, building a document (tokens, segments,
//! sentences), checking 1 MB of German prose with every rule, each rule alone on a built
//! document, and rendering a report.
//!
//! `cargo bench --bench check`; `cargo bench --bench check -- 'rule/'` for the rules only.
//! `scripts/bench.sh` measures the binary end to end on 100 MB.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use mtcheck::report::{self, Batch, Gate, OutputFormat};
use mtcheck::rules::{Context, REGISTRY};
use mtcheck::{input, Checker, Format, Lexicons, SegmentMode, Severity};

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut text = String::new();
    for sub in ["clean", "mt"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{dir}/{sub}"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            text.push_str(&std::fs::read_to_string(p).unwrap());
            text.push_str("\n\n");
        }
    }
    let mut out = String::with_capacity(1 << 20);
    while out.len() < 1 << 20 {
        out.push_str(&text);
    }
    out
}

fn bench(c: &mut Criterion) {
    c.bench_function("load dictionaries", |b| {
        b.iter(|| black_box(Lexicons::load(&[] as &[&str]).unwrap()))
    });
    let text = corpus();
    let lex = Lexicons::builtin().unwrap();

    let mut g = c.benchmark_group("check 1 MB");
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
