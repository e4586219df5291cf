//! English proverbs and idioms, each translated word by word (must be flagged by
//! `source-idiom` with the English source) and with its established German equivalent (must
//! pass): the acceptance test of the bilingual phrase dictionary. Fifty pairs are inline below;
//! fifty more, written apart from the dictionary rows, are the line-aligned files of
//! `tests/fixtures/proverbs/` (`source.en`, `literal.de`, `established.de`).

use mtcheck::document::{Document, Unit};
use mtcheck::rules::{by_id, Context};
use mtcheck::{Lexicons, SegmentMode};

/// (English source, word-by-word German, established German equivalent).
const PAIRS: &[(&str, &str, &str)] = &[
    (
        "It's raining cats and dogs.",
        "Es regnet Katzen und Hunde.",
        "Es regnet in Strömen.",
    ),
    (
        "Don't make a mountain out of a molehill.",
        "Mach keinen Berg aus einem Maulwurfshügel.",
        "Mach nicht aus einer Mücke einen Elefanten.",
    ),
    (
        "We need to keep the ball rolling.",
        "Wir müssen den Ball am Rollen halten.",
        "Wir müssen am Ball bleiben.",
    ),
    (
        "The early bird catches the worm.",
        "Der frühe Vogel fängt den Wurm.",
        "Morgenstund hat Gold im Mund.",
    ),
    (
        "Don't put all your eggs in one basket.",
        "Lege nicht alle deine Eier in einen Korb.",
        "Setze nicht alles auf eine Karte.",
    ),
    (
        "Don't count your chickens before they hatch.",
        "Zähle deine Hühner nicht, bevor sie schlüpfen.",
        "Man soll den Tag nicht vor dem Abend loben.",
    ),
    (
        "Every cloud has a silver lining.",
        "Jede Wolke hat einen silbernen Rand.",
        "Jedes Unglück hat auch sein Gutes.",
    ),
    (
        "Too many cooks spoil the broth.",
        "Zu viele Köche verderben die Brühe.",
        "Viele Köche verderben den Brei.",
    ),
    (
        "Let sleeping dogs lie.",
        "Lass schlafende Hunde liegen.",
        "Schlafende Hunde soll man nicht wecken.",
    ),
    (
        "Birds of a feather flock together.",
        "Vögel einer Feder scharen sich zusammen.",
        "Gleich und Gleich gesellt sich gern.",
    ),
    (
        "Don't look a gift horse in the mouth.",
        "Schau einem geschenkten Pferd nicht in den Mund.",
        "Einem geschenkten Gaul schaut man nicht ins Maul.",
    ),
    (
        "We killed two birds with one stone.",
        "Wir haben zwei Vögel mit einem Stein getötet.",
        "Wir haben zwei Fliegen mit einer Klappe geschlagen.",
    ),
    (
        "A bird in the hand is worth two in the bush.",
        "Ein Vogel in der Hand ist zwei im Busch wert.",
        "Der Spatz in der Hand ist besser als die Taube auf dem Dach.",
    ),
    (
        "Curiosity killed the cat.",
        "Neugier tötete die Katze.",
        "Sei nicht so neugierig.",
    ),
    (
        "There's no use crying over spilt milk.",
        "Es hat keinen Sinn, über verschüttete Milch zu weinen.",
        "Geschehen ist geschehen.",
    ),
    (
        "You can't have your cake and eat it.",
        "Du kannst deinen Kuchen nicht haben und ihn essen.",
        "Man kann nicht alles haben.",
    ),
    (
        "Now the ball is in their court.",
        "Jetzt ist der Ball in ihrem Gericht.",
        "Jetzt sind sie am Zug.",
    ),
    (
        "She tried to break the ice.",
        "Sie versuchte, das Eis zu brechen.",
        "Sie versuchte, das Eis zu brechen.",
    ),
    (
        "We'll have to bite the bullet.",
        "Wir werden auf die Kugel beißen müssen.",
        "Wir werden in den sauren Apfel beißen müssen.",
    ),
    (
        "He spilled the beans.",
        "Er verschüttete die Bohnen.",
        "Er hat alles ausgeplaudert.",
    ),
    (
        "The new phone costs an arm and a leg.",
        "Das neue Telefon kostet einen Arm und ein Bein.",
        "Das neue Telefon kostet ein Vermögen.",
    ),
    (
        "We see each other once in a blue moon.",
        "Wir sehen uns einmal in einem blauen Mond.",
        "Wir sehen uns alle Jubeljahre einmal.",
    ),
    (
        "I'm feeling under the weather.",
        "Ich fühle mich unter dem Wetter.",
        "Ich bin etwas angeschlagen.",
    ),
    (
        "The exam was a piece of cake.",
        "Die Prüfung war ein Stück Kuchen.",
        "Die Prüfung war ein Kinderspiel.",
    ),
    (
        "Stop beating around the bush.",
        "Hör auf, um den Busch herum zu schlagen.",
        "Hör auf, um den heißen Brei herumzureden.",
    ),
    (
        "That was the last straw.",
        "Das war der letzte Strohhalm.",
        "Das war der Tropfen, der das Fass zum Überlaufen brachte.",
    ),
    (
        "Let's call it a day.",
        "Lass es uns einen Tag nennen.",
        "Lass uns Feierabend machen.",
    ),
    (
        "You're pulling my leg.",
        "Du ziehst an meinem Bein.",
        "Du nimmst mich auf den Arm.",
    ),
    (
        "Actions speak louder than words.",
        "Handlungen sprechen lauter als Worte.",
        "Taten sagen mehr als Worte.",
    ),
    (
        "When in Rome, do as the Romans do.",
        "Wenn in Rom, tu wie die Römer.",
        "Andere Länder, andere Sitten.",
    ),
    (
        "The grass is always greener on the other side.",
        "Das Gras ist auf der anderen Seite immer grüner.",
        "Die Kirschen in Nachbars Garten sind immer süßer.",
    ),
    (
        "Rome wasn't built in a day.",
        "Rom wurde nicht an einem Tag gebaut.",
        "Gut Ding will Weile haben.",
    ),
    (
        "No pain, no gain.",
        "Kein Schmerz, kein Gewinn.",
        "Ohne Fleiß kein Preis.",
    ),
    (
        "Where there's smoke, there's fire.",
        "Wo es Rauch gibt, gibt es Feuer.",
        "Wo Rauch ist, ist auch Feuer.",
    ),
    (
        "The apple doesn't fall far from the tree.",
        "Der Apfel fällt nicht weit vom Baum.",
        "Der Apfel fällt nicht weit vom Stamm.",
    ),
    (
        "Out of sight, out of mind.",
        "Aus der Sicht, aus dem Verstand.",
        "Aus den Augen, aus dem Sinn.",
    ),
    (
        "You can't teach an old dog new tricks.",
        "Man kann einem alten Hund keine neuen Tricks beibringen.",
        "Was Hänschen nicht lernt, lernt Hans nimmermehr.",
    ),
    (
        "It's a dog-eat-dog world.",
        "Es ist eine Hund-frisst-Hund-Welt.",
        "In dieser Welt kämpft jeder gegen jeden.",
    ),
    (
        "Strike while the iron is hot.",
        "Schlage zu, solange das Eisen heiß ist.",
        "Man muss das Eisen schmieden, solange es heiß ist.",
    ),
    (
        "There's no such thing as a free lunch.",
        "Es gibt kein kostenloses Mittagessen.",
        "Nichts ist umsonst.",
    ),
    (
        "Don't throw the baby out with the bathwater.",
        "Wirf das Baby nicht mit dem Badewasser hinaus.",
        "Schütte nicht das Kind mit dem Bade aus.",
    ),
    (
        "He threw in the towel.",
        "Er warf das Handtuch hinein.",
        "Er gab auf.",
    ),
    (
        "She got cold feet.",
        "Sie bekam kalte Füße.",
        "Sie bekam kalte Füße.",
    ),
    (
        "It's just the tip of the iceberg.",
        "Es ist nur das Trinkgeld des Eisbergs.",
        "Es ist nur die Spitze des Eisbergs.",
    ),
    (
        "It was a storm in a teacup.",
        "Es war ein Sturm in einer Teetasse.",
        "Es war ein Sturm im Wasserglas.",
    ),
    (
        "That's water under the bridge.",
        "Das ist Wasser unter der Brücke.",
        "Das ist Schnee von gestern.",
    ),
    (
        "He's barking up the wrong tree.",
        "Er bellt den falschen Baum an.",
        "Er ist auf dem Holzweg.",
    ),
    (
        "Prices make up 30% of the costs.",
        "Preise machen 30 % der Kosten oben.",
        "Preise machen 30 % der Kosten aus.",
    ),
    (
        "I'm in the market for a new laptop.",
        "Ich bin auf dem Markt für einen neuen Laptop.",
        "Ich suche einen neuen Laptop.",
    ),
    (
        "Let's end on a positive note.",
        "Lass uns auf einer positiven Note enden.",
        "Zum Schluss etwas Erfreuliches.",
    ),
];

fn flags(source: &str, target: &str) -> bool {
    let lex = Lexicons::builtin().expect("built-in dictionaries load");
    let rule = by_id("source-idiom").expect("rule is registered");
    let doc = Document::plain(target.to_string(), 0, SegmentMode::Paragraphs).with_units(&[Unit {
        start: 0,
        end: target.len(),
        source: source.to_string(),
    }]);
    let mut cx = Context::new(&lex);
    rule.check(&doc, &mut cx);
    !cx.findings.is_empty()
}

#[test]
fn literal_renderings_are_flagged_and_established_equivalents_pass() {
    assert_eq!(PAIRS.len(), 50);
    let missed: Vec<&str> = PAIRS
        .iter()
        .filter(|(en, literal, _)| !flags(en, literal))
        .map(|(en, _, _)| *en)
        .collect();
    eprintln!(
        "{} of 50 literal renderings flagged; missed: {missed:?}",
        50 - missed.len()
    );
    assert!(
        missed.len() <= 10,
        "{} of 50 missed: {missed:#?}",
        missed.len()
    );
    let wrong: Vec<&str> = PAIRS
        .iter()
        .filter(|(en, _, ok)| flags(en, ok))
        .map(|(_, _, ok)| *ok)
        .collect();
    assert!(
        wrong.is_empty(),
        "established equivalents flagged: {wrong:#?}"
    );
}

/// The fixture files, one sentence a line, aligned line by line.
const FIXTURE_EN: &str = include_str!("fixtures/proverbs/source.en");
const FIXTURE_LITERAL: &str = include_str!("fixtures/proverbs/literal.de");
const FIXTURE_ESTABLISHED: &str = include_str!("fixtures/proverbs/established.de");

#[test]
fn fixture_literal_renderings_are_flagged_and_established_equivalents_pass() {
    let en: Vec<&str> = FIXTURE_EN.lines().collect();
    let literal: Vec<&str> = FIXTURE_LITERAL.lines().collect();
    let established: Vec<&str> = FIXTURE_ESTABLISHED.lines().collect();
    assert_eq!(en.len(), 50, "source.en has fifty lines");
    assert_eq!(literal.len(), 50, "literal.de is aligned with source.en");
    assert_eq!(
        established.len(),
        50,
        "established.de is aligned with source.en"
    );
    let missed: Vec<&str> = en
        .iter()
        .zip(&literal)
        .filter(|(s, t)| !flags(s, t))
        .map(|(s, _)| *s)
        .collect();
    eprintln!(
        "fixture: {} of 50 literal renderings flagged; missed: {missed:?}",
        50 - missed.len()
    );
    assert!(
        missed.len() <= 10,
        "{} of 50 missed: {missed:#?}",
        missed.len()
    );
    let wrong: Vec<&str> = en
        .iter()
        .zip(&established)
        .filter(|(s, t)| flags(s, t))
        .map(|(_, t)| *t)
        .collect();
    assert!(
        wrong.is_empty(),
        "established equivalents flagged: {wrong:#?}"
    );
}

#[test]
fn without_a_source_the_rule_is_silent() {
    let lex = Lexicons::builtin().expect("built-in dictionaries load");
    let rule = by_id("source-idiom").expect("rule is registered");
    let doc = Document::plain(
        "Es regnet Katzen und Hunde.".into(),
        0,
        SegmentMode::Paragraphs,
    );
    let mut cx = Context::new(&lex);
    rule.check(&doc, &mut cx);
    assert!(cx.findings.is_empty());
}
