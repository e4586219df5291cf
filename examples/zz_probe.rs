use mtcheck::bilingual::{english, SourcePhrases};
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let src = std::fs::read_to_string(&a[1]).unwrap();
    let tgt = std::fs::read_to_string(&a[2]).unwrap();
    let t = SourcePhrases::builtin();
    for (s, g) in src.lines().zip(tgt.lines()) {
        let w: Vec<String> = english::words(s).into_iter().map(|x| x.0).collect();
        for m in t.find(&w) {
            println!(
                "{} || {}\n   DE: {}",
                t.entries[m.entry].english,
                w[m.start..m.end].join(" "),
                g
            );
        }
    }
}
