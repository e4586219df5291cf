//! Tests of the look-up against facts of the dictionary, of compound analysis, and (ignored,
//! slow in debug builds) a walk over every entry.

use super::*;

fn morph() -> &'static Morph {
    Morph::global()
}

fn tags(form: &str) -> Vec<(String, String)> {
    morph()
        .lookup(form)
        .iter()
        .map(|r| (r.lemma.to_string(), r.tag_text.to_string()))
        .collect()
}

#[test]
fn finds_the_readings_the_dictionary_documents() {
    assert!(tags("Häusern").contains(&("Haus".into(), "SUB:DAT:PLU:NEU".into())));
    let des = tags("des");
    for g in ["MAS", "NEU"] {
        assert!(
            des.contains(&("der".into(), format!("ART:DEF:GEN:SIN:{g}"))),
            "{des:?}"
        );
    }
    let ging = tags("ging");
    for p in ["1", "3"] {
        assert!(
            ging.contains(&("gehen".into(), format!("VER:{p}:SIN:PRT:NON"))),
            "{ging:?}"
        );
    }
    let schaufel = morph().lookup("Schaufel");
    assert!(schaufel
        .iter()
        .all(|r| r.tag.gender == Genders::FEM && r.tag.number == Numbers::SIN));
    assert_eq!(schaufel.len(), 4);
}

#[test]
fn lookups_respect_case_and_reject_non_words() {
    assert!(morph().is_known("Haus"));
    assert!(!morph().is_known("häusern"));
    assert!(!morph().is_known("Hau"));
    assert!(!morph().is_known(""));
    assert!(!morph().is_known("Haus_"));
    assert!(!morph().is_known("flimig"));
    assert!(morph().lookup("freisteitete").is_empty());
    assert_eq!(morph().lookup("Haus").source(), Source::Exact);
}

#[test]
fn modal_verbs_and_participles_parse() {
    let muss = morph().lookup("muss");
    assert!(muss.iter().any(|r| r.lemma == "müssen"
        && r.tag.kind == Kind::Modal
        && r.tag.person == Some(Person::Third)
        && r.tag.verb_form == Some(VerbForm::Finite(Tense::Present))));
    let zu = morph().lookup("aufzustehen");
    assert!(zu
        .iter()
        .any(|r| r.tag.verb_form == Some(VerbForm::ZuInfinitive)));
}

#[test]
fn sentence_start_adds_the_lower_case_readings() {
    let die = morph().analyze("Die", true);
    assert!(die.iter().any(|r| r.tag.pos == Pos::Article));
    assert_eq!(die.source(), Source::LowerCase);
    assert!(morph().analyze("Die", false).is_empty());
}

#[test]
fn compounds_take_their_heads_readings() {
    let tag = morph().analyze("Batterietag", false);
    assert_eq!(tag.source(), Source::Compound { head_start: 8 });
    assert!(!tag.is_empty());
    assert!(tag
        .iter()
        .all(|r| r.lemma == "Batterietag" && r.tag.pos == Pos::Noun));
    assert!(tag.iter().any(|r| r.tag.gender == Genders::MAS));
    let ki = morph().analyze("KI-Modelle", false);
    assert_eq!(ki.source(), Source::Compound { head_start: 3 });
    assert!(ki
        .iter()
        .all(|r| r.lemma == "KI-Modell" && r.tag.gender == Genders::NEU));
    // a linking -s-, and a left part that is itself a compound
    let amt = morph().analyze("Gesundheitsministeriumssprecherin", false);
    assert!(amt.iter().all(|r| r.tag.gender == Genders::FEM), "{amt:?}");
    assert!(!amt.is_empty());
    // lower case: an adjective head
    assert!(!morph().analyze("klimaneutral", false).is_empty() || morph().is_known("klimaneutral"));
}

#[test]
fn non_words_are_no_compounds() {
    for w in [
        "flimig",
        "freisteitete",
        "Xyzqtag",
        "Haus-",
        "-Haus",
        "Tagx",
    ] {
        assert!(!morph().is_german(w, false), "{w}");
    }
    assert!(morph().is_german("Batterietag", false));
    assert!(morph().is_german("Häuser", false));
}

#[test]
fn readings_buffer_is_reused() {
    let mut buf = Readings::default();
    morph().lookup_into("Häuser", &mut buf);
    let n = buf.len();
    assert!(n >= 3);
    morph().lookup_into("Häuser", &mut buf);
    assert_eq!(buf.len(), n);
    morph().lookup_into("Qqq", &mut buf);
    assert!(buf.is_empty());
    assert_eq!(buf.source(), Source::Unknown);
}

#[test]
fn zipf_comes_from_wordfreq() {
    assert!(morph().zipf("Haus").is_some_and(|z| z > 5.0));
    assert_eq!(morph().zipf("Batterietagxyz"), None);
}

#[test]
fn analyze_text_shows_lemma_gender_number_and_case() {
    let out = analyze_text("Die Häuser");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with("Die\t(lower case) der ART:DEF:"),
        "{out}"
    );
    assert!(lines[1].starts_with("Häuser\tHaus SUB:"), "{out}");
    assert!(lines[1].contains("SUB:NOM:PLU:NEU"), "{out}");
    assert!(analyze_text("Xyzzyq").contains("Xyzzyq\tunknown"));
    assert!(analyze_text("Batterietag").contains("(compound: head tag) Batterietag SUB:"));
}

/// A few thousand words of the embedded wordfreq list (every 40th), each lower-case and
/// capitalised: frequent words, rare words, compounds and non-words.
fn sample_words() -> Vec<String> {
    include_str!("../../data/lexicon/de.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .step_by(40)
        .filter_map(|l| l.split('\t').next())
        .flat_map(|w| [w.to_string(), upper_first(w)])
        .collect()
}

fn pairs(r: &Readings) -> (Vec<(String, String, Tag)>, Source) {
    let list = r
        .iter()
        .map(|r| (r.lemma.to_string(), r.tag_text.to_string(), r.tag))
        .collect();
    (list, r.source())
}

/// The readings as the first version of the layer found them: every entry below `form_`
/// decoded in full, each tag parsed afresh.
fn reference(form: &str) -> Vec<(String, String, Tag)> {
    let a = morph().automaton();
    let bytes = form.as_bytes();
    let mut out = Vec::new();
    if bytes.is_empty() || bytes.contains(&SEPARATOR) {
        return out;
    }
    let Some(sep) = a
        .walk(a.root(), bytes)
        .and_then(|end| a.walk(end.node, &[SEPARATOR]))
    else {
        return out;
    };
    let mut lemma = [0u8; 2 * fsa::MAX_SEQUENCE];
    a.for_each_suffix(sep.node, &mut |e: &[u8]| {
        if let Some((n, Some(tag))) = decode_entry(bytes, e, &mut lemma) {
            if let (Ok(l), Some(t)) = (std::str::from_utf8(&lemma[..n]), Tag::parse(tag)) {
                out.push((l.to_string(), tag.to_string(), t));
            }
        }
    });
    out
}

#[test]
fn cached_lookups_equal_uncached_ones() {
    let m = morph();
    let words = sample_words();
    assert!(words.len() > 10_000);
    let (mut cached, mut plain) = (Readings::default(), Readings::default());
    let mut known = 0;
    // twice: the first round fills the caches, the second reads them
    for round in 0..2 {
        for w in &words {
            assert_eq!(m.is_known(w), m.is_known_uncached(w), "{w}");
            known += usize::from(round == 0 && m.is_known(w));
            m.lookup_into(w, &mut cached);
            m.lookup_uncached(w, &mut plain);
            assert_eq!(pairs(&cached), pairs(&plain), "lookup {w}");
            if round == 0 {
                assert_eq!(pairs(&plain).0, reference(w), "reference {w}");
            }
            let mut each = Vec::new();
            let n = m.for_each_reading(w, |r| each.push((r.lemma.to_string(), r.tag)));
            let mut each_plain = Vec::new();
            m.for_each_reading_uncached(w, |r| each_plain.push((r.lemma.to_string(), r.tag)));
            assert_eq!((n, &each), (each_plain.len(), &each_plain), "readings {w}");
            for start in [false, true] {
                m.analyze_into(w, start, &mut cached);
                let capital = w.chars().next().is_some_and(char::is_uppercase);
                m.analyze_uncached(w, start && capital, &mut plain);
                assert_eq!(pairs(&cached), pairs(&plain), "analyze {w} {start}");
            }
        }
    }
    // the sample has known and unknown forms of both kinds
    assert!(known > 2_000 && known < words.len() - 2_000, "{known}");
}

#[test]
fn a_callback_may_look_words_up_again() {
    let m = morph();
    let mut inner = 0;
    let n = m.for_each_reading("Häuser", |_| {
        inner += m.lookup("Häuser").len();
        assert!(m.is_known("Haus"));
    });
    assert!(n >= 3);
    assert_eq!(inner, n * n);
    assert_eq!(m.lookup("Häuser").len(), n);
}

/// Every entry of the automaton: the counts of the dictionary's README, every lemma decodes,
/// every tag parses without an unknown field. About 3 s in a release build, much longer in a
/// debug one: `cargo test --release --lib morph -- --ignored`.
#[test]
#[ignore]
fn walks_every_entry() {
    let fsa = morph().automaton();
    let (mut entries, mut forms, mut bad) = (0usize, 0usize, Vec::new());
    let mut last_form: Vec<u8> = Vec::new();
    let mut lemma = [0u8; 2 * fsa::MAX_SEQUENCE];
    let skipped = fsa.for_each_suffix(fsa.root(), &mut |e: &[u8]| {
        entries += 1;
        let Some(sep) = e.iter().position(|&b| b == SEPARATOR) else {
            bad.push(String::from_utf8_lossy(e).into_owned());
            return;
        };
        let form = &e[..sep];
        if form != last_form.as_slice() {
            forms += 1;
            last_form = form.to_vec();
        }
        let ok = decode_entry(form, &e[sep + 1..], &mut lemma).is_some_and(|(n, tag)| {
            std::str::from_utf8(&lemma[..n]).is_ok()
                && tag
                    .and_then(Tag::parse)
                    .is_some_and(|t| !t.flags.contains(Flags::UNKNOWN))
        });
        if !ok {
            bad.push(String::from_utf8_lossy(e).into_owned());
        }
    });
    assert_eq!(skipped, 0);
    assert_eq!(entries, 4_988_730);
    assert_eq!(forms, 552_751);
    assert!(
        bad.is_empty(),
        "{} bad entries, e.g. {:?}",
        bad.len(),
        &bad[..bad.len().min(10)]
    );
}

#[test]
fn an_overlong_word_is_no_compound_and_is_passed_over_quickly() {
    // every split of a 400 KB word used to be tried: minutes
    let long = format!("A{}", "a".repeat(20_000));
    assert!(morph().analyze(&long, false).is_empty());
    assert!(!morph().is_german(&long, false));
    let houses = "Haus".repeat(5_000);
    assert!(morph().analyze(&houses, false).is_empty());
    let hyphenated = format!("KI-{}", "Modell".repeat(5_000));
    assert!(morph().analyze(&hyphenated, false).is_empty());
    // compounds of ordinary length are still analysed
    assert!(morph().is_german("Batterietag", false));
}
