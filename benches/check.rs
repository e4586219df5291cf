//! Throughput of mtcheck: loading the dictionaries, checking 1 MB of German prose with every
//! rule, and each rule alone.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use mtcheck::rules::REGISTRY;
use mtcheck::{Checker, Format, Lexicons, SegmentMode};

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
    let all = Checker::new(lex.clone());
    g.bench_function("all rules", |b| {
        b.iter(|| {
            black_box(all.check_text("bench", text.clone(), Format::Text, SegmentMode::Paragraphs))
        })
    });
    for rule in REGISTRY {
        let id = rule.meta().id;
        let mut one = Checker::new(lex.clone());
        one.retain_rules(|r| r == id);
        g.bench_function(id, |b| {
            b.iter(|| {
                black_box(one.check_text(
                    "bench",
                    text.clone(),
                    Format::Text,
                    SegmentMode::Paragraphs,
                ))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
