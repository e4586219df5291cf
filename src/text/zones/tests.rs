//! Unit tests of the zones, on real-looking text.

use super::*;
use crate::text::segment::SegmentMode;

fn doc(text: &str) -> Document {
    Document::plain(text.to_string(), 0, SegmentMode::Paragraphs)
}

fn lines(text: &str) -> Document {
    Document::plain(text.to_string(), 0, SegmentMode::Lines)
}

/// The texts of the zones of `kind`.
fn zones(d: &Document, kind: ZoneKind) -> Vec<&str> {
    d.zones.of(kind).map(|z| &d.view[z.start..z.end]).collect()
}

#[test]
fn german_quotes_and_nesting() {
    let d = doc("Er sagte: „Wir sehen ‚House of Cards‘ (die Serie) morgen.“ Dann ging er.");
    assert_eq!(
        zones(&d, ZoneKind::Quotation),
        [
            "„Wir sehen ‚House of Cards‘ (die Serie) morgen.“",
            "‚House of Cards‘"
        ]
    );
    assert_eq!(zones(&d, ZoneKind::Parenthesis), ["(die Serie)"]);
    assert_eq!(zones(&d, ZoneKind::Title), ["House of Cards"]);
    let at = d.view.find("Serie").unwrap();
    assert_eq!(d.zones.at(at), ZoneSet::QUOTATION | ZoneSet::PARENTHESIS);
    let dann = d.view.find("Dann").unwrap();
    assert!(d.zones.is_running_text(dann, dann + 4));
    assert!(!d.zones.is_running_text(0, dann));
}

#[test]
fn every_house_style() {
    for text in [
        "Sie nannte es »eine Katastrophe« und ging.",
        "Sie nannte es «eine Katastrophe» und ging.",
        "Sie nannte es “eine Katastrophe” und ging.",
        "Sie nannte es \"eine Katastrophe\" und ging.",
        "Sie nannte es ”eine Katastrophe” und ging.",
        "Sie nannte es “eine Katastrophe“ und ging.",
        "Sie nannte es „eine Katastrophe” und ging.",
        "Sie nannte es ``eine Katastrophe'' und ging.",
        "Sie nannte es 'eine Katastrophe' und ging.",
        "Sie nannte es ‚eine Katastrophe‘ und ging.",
        "Sie nannte es ›eine Katastrophe‹ und ging.",
    ] {
        let d = doc(text);
        let q: Vec<&Zone> = d.zones.of(ZoneKind::Quotation).collect();
        assert_eq!(q.len(), 1, "{text}");
        assert_eq!(
            &d.view[q[0].content.0..q[0].content.1],
            "eine Katastrophe",
            "{text}"
        );
        assert_eq!(q[0].certainty, Certainty::Marked, "{text}");
        let und = d.view.find("und").unwrap();
        assert!(d.zones.is_running_text(und, und + 3), "{text}");
    }
}

#[test]
fn apostrophes_and_inches_are_not_quotes() {
    for text in [
        "Bei Louis' Promoter klappt's, sagt O'Mahony.",
        "Der Herausgeber von China‘s Global Times schrieb.",
        "Das Display misst 12\" und wiegt wenig.",
        "Nach Albert Fischer 's Kirchenliederlexikon (1878).",
        "Der Goldrausch von ‘49 begann.",
    ] {
        let d = doc(text);
        assert_eq!(zones(&d, ZoneKind::Quotation), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn swiss_quotes_at_line_end() {
    let d = lines("«Das war keine Demonstration, da wurde Gewalt geschaffen.»\nNächste Zeile.");
    let q: Vec<&Zone> = d.zones.of(ZoneKind::Quotation).collect();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].certainty, Certainty::Marked);
}

#[test]
fn unbalanced_quotes_are_bounded_by_the_segment() {
    // the closing mark of a quotation opened on the line before
    let d = lines("Erster Satz.\nDie Ergebnisse kommen bald“, twitterte sie im September.");
    assert_eq!(
        zones(&d, ZoneKind::Quotation),
        ["Die Ergebnisse kommen bald“"]
    );
    let q = d.zones.of(ZoneKind::Quotation).next().unwrap();
    assert_eq!(q.certainty, Certainty::Unbalanced);
    // an opening mark never closed in its line
    let d = lines("Die Ministerin twitterte: „Die Beiträge sind abscheulich.\nNeue Zeile.");
    assert_eq!(
        zones(&d, ZoneKind::Quotation),
        ["„Die Beiträge sind abscheulich."]
    );
    // „a „b“: the first quotation lost its closing mark
    let d = doc("Er nannte „Alpha und „Beta“ gut.");
    assert_eq!(zones(&d, ZoneKind::Quotation), ["„Alpha und", "„Beta“"]);
}

#[test]
fn stripped_quotation_after_a_speech_verb() {
    let d = doc("Die Innenministerin twitterte am Sonntag: Die Beiträge von Wiley sind abscheulich. Er schwieg.");
    assert_eq!(
        zones(&d, ZoneKind::Quotation),
        ["Die Beiträge von Wiley sind abscheulich."]
    );
    assert_eq!(
        d.zones.of(ZoneKind::Quotation).next().unwrap().certainty,
        Certainty::Inferred
    );
    // a colon without a speech verb is no quotation
    for text in [
        "Das Problem: Bob hat nur selten Zugang zum Internet.",
        "Er sagte es so, und dann: Ruhe.",
    ] {
        assert_eq!(
            zones(&doc(text), ZoneKind::Quotation),
            Vec::<&str>::new(),
            "{text}"
        );
    }
}

#[test]
fn english_title_case_runs() {
    let d = doc(
        "Die Organisation Save the Children warnt, die Vermessungsbehörde Ordnance Survey of \
         Ireland misst, das Department of Justice ermittelt, \
         und „House of Cards“ läuft bei der New York Times als Titel.",
    );
    assert_eq!(
        zones(&d, ZoneKind::Title),
        [
            "Save the Children",
            "Ordnance Survey of Ireland",
            "Department of Justice",
            "House of Cards",
            "New York Times"
        ]
    );
}

#[test]
fn german_capitalised_words_are_not_titles() {
    for text in [
        "Die Deutsche Bahn erhöht die Preise.",
        "Das schrieb Der Spiegel am Montag.",
        "Bundeskanzlerin Angela Merkel sprach in Berlin.",
        "Die Europäische Zentralbank will die Nothilfe nicht erhöhen.",
        "Er kam am Freitag Abend in Hamburg an.",
    ] {
        assert_eq!(
            zones(&doc(text), ZoneKind::Title),
            Vec::<&str>::new(),
            "{text}"
        );
    }
}

#[test]
fn opaque_runs() {
    let d = doc("Schreiben Sie an news@golem.de oder @express24, siehe www.steinbeis-edition.de und #Corona.");
    assert_eq!(zones(&d, ZoneKind::Email), ["news@golem.de"]);
    assert_eq!(zones(&d, ZoneKind::Handle), ["@express24"]);
    assert_eq!(zones(&d, ZoneKind::Url), ["www.steinbeis-edition.de"]);
    assert_eq!(zones(&d, ZoneKind::Hashtag), ["#Corona"]);
    let d = doc("Twitter@SebOgier Ein Sieg ist nur komplett mit dir.");
    assert_eq!(zones(&d, ZoneKind::Handle), ["@SebOgier"]);
}

#[test]
fn tweets_and_credits() {
    let d = lines(
        "We did it! pic.twitter.com/abc123 — Donald J. Trump (@realDonaldTrump) July 4, 2020\n\
         Quelle: dpa-AFX Trotz Christi Himmelfahrt wird an der Börse gehandelt.\n\
         Foto: Peter Steffen Zudem war es kalt.\n\
         Abstract PNAS: We show that mice sleep.",
    );
    assert_eq!(
        zones(&d, ZoneKind::Social),
        [
            "We did it! pic.twitter.com/abc123 — Donald J. Trump (@realDonaldTrump) July 4, 2020",
            "pic.twitter.com/abc123"
        ]
    );
    assert_eq!(
        zones(&d, ZoneKind::Citation),
        [
            "Quelle: dpa-AFX",
            "Foto: Peter Steffen",
            "Abstract PNAS: We show that mice sleep."
        ]
    );
}

#[test]
fn dialogue_lines_need_a_conversation() {
    let d = lines(
        "Jerry: Hast du den Anhänger dort geparkt?\n\
         Ich: Nein, gestern fuhr ihn der Besitzer.\n\
         Jerry: Du kannst ihn dort nicht parken!\n",
    );
    assert_eq!(zones(&d, ZoneKind::Dialogue).len(), 3);
    let du = d.view.find("Du kannst").unwrap();
    assert!(d.zones.at(du).contains(ZoneSet::DIALOGUE));
    // headlines with a colon, and a list of properties, are not a dialogue
    let d = lines(
        "Coronavirus: Reisende aus Spanien müssen in Quarantäne.\n\
         Angola: Krankenhaus dem Ministerium zugesprochen.\n\
         Material: Leder.\nFarbe: Rot.\n",
    );
    assert!(zones(&d, ZoneKind::Dialogue).is_empty());
}

#[test]
fn headings() {
    let d = lines("Wegen Omikron: Johnson will Auffrischimpfung vorantreiben\nDer Premier sprach am Montag.\nIch kann nicht jeden Tag mit ihnen chatten");
    assert_eq!(
        zones(&d, ZoneKind::Heading),
        ["Wegen Omikron: Johnson will Auffrischimpfung vorantreiben"]
    );
    let d = doc(
        "Das zeigt die Strategie von Meta.\nGPUs und Autonomie\nIn seinem Interview sagte er mehr.",
    );
    assert_eq!(zones(&d, ZoneKind::Heading), ["GPUs und Autonomie"]);
    let d = doc("Mark Zuckerberg, CEO von\nMeta, bot einen Einblick.");
    assert!(zones(&d, ZoneKind::Heading).is_empty());
}

#[test]
fn range_queries() {
    let d = doc("A „b (c) d“ e.");
    let b = d.view.find('b').unwrap();
    let c = d.view.find('c').unwrap();
    let e = d.view.find('e').unwrap();
    assert!(d.zones.in_quote(b, c + 1));
    assert!(!d.zones.in_quote(b, e + 1));
    assert_eq!(
        d.zones.covering(c, c + 1),
        ZoneSet::QUOTATION | ZoneSet::PARENTHESIS
    );
    assert_eq!(
        d.zones.touching(b, c + 1),
        ZoneSet::QUOTATION | ZoneSet::PARENTHESIS
    );
    assert_eq!(d.zones.at(e), ZoneSet::empty());
    assert_eq!(d.zones.at(0), ZoneSet::empty());
    assert!(d.zones.touches(0, b, ZoneSet::QUOTATION));
    let p = d.zones.enclosing(c, ZoneKind::Quotation).unwrap();
    assert_eq!(&d.view[p.start..p.end], "„b (c) d“");
    assert!(describe(&d).contains("quotation   marked"));
}

/// How a rule asks the zones before it speaks: an English run is flagged only in the
/// author's running text, never in a quotation, title, dialogue line or citation.
#[test]
fn a_rule_asks_the_zone() {
    let d = doc(
        "Das Unternehmen hat according to the report mehr Forscher. \
         Er twitterte: „We are hiring.“ Sie arbeitet für Save the Children.",
    );
    let english_runs = [
        "according to the report",
        "We are hiring",
        "Save the Children",
    ];
    let flagged: Vec<&str> = english_runs
        .iter()
        .copied()
        .filter(|run| {
            let s = d.view.find(run).unwrap();
            !d.zones
                .touches(s, s + run.len(), ZoneSet::FOREIGN_VOICE | ZoneSet::OPAQUE)
        })
        .collect();
    assert_eq!(flagged, ["according to the report"]);
    // mixed-address: count formal/informal address in the author's voice only
    let d =
        lines("Jerry: Hast du Zeit?\nIch: Nein.\nJerry: Kommst du mit?\nBitte melden Sie sich.");
    let du_in_voice = d
        .tokens
        .list
        .iter()
        .filter(|t| &d.view[t.start..t.end] == "du")
        .filter(|t| !d.zones.touches(t.start, t.end, ZoneSet::FOREIGN_VOICE))
        .count();
    assert_eq!(du_in_voice, 0);
}
