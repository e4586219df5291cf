//! The English side of the bilingual phrase dictionary: word forms (take, takes, took, taken,
//! taking), the pattern elements of the `english` column (slots, gaps, optional words,
//! alternatives, a particle that moves behind its object) and matching them in a sentence.

use std::collections::HashSet;

/// Irregular English word forms: `base:form,form` (verbs and a few nouns).
const IRREGULAR: &str = "arise:arose,arisen|awake:awoke,awoken|be:am,is,are,was,were,been,being,'m,'re,'s|\
bear:bore,born,borne|beat:beaten|become:became|begin:began,begun|bend:bent|bet:bet|bid:bid|\
bite:bit,bitten|bleed:bled|blow:blew,blown|break:broke,broken|breed:bred|bring:brought|\
build:built|burn:burnt|burst:burst|buy:bought|cast:cast|catch:caught|choose:chose,chosen|\
cling:clung|come:came|cost:cost|creep:crept|cut:cut|deal:dealt|dig:dug|do:did,done,does|\
draw:drew,drawn|dream:dreamt|drink:drank,drunk|drive:drove,driven|eat:ate,eaten|fall:fell,fallen|\
feed:fed|feel:felt|fight:fought|find:found|flee:fled|fly:flew,flown,flies|forbid:forbade,forbidden|\
forget:forgot,forgotten|forgive:forgave,forgiven|freeze:froze,frozen|get:got,gotten|\
give:gave,given|go:went,gone,goes|grind:ground|grow:grew,grown|hang:hung|have:has,had,'ve,'d|\
hear:heard|hide:hid,hidden|hit:hit|hold:held|hurt:hurt|keep:kept|kneel:knelt|know:knew,known|\
lay:laid|lead:led|lean:leant|leap:leapt|learn:learnt|leave:left|lend:lent|let:let|lie:lay,lain,lying|\
light:lit|lose:lost|make:made|mean:meant|meet:met|pay:paid|prove:proven|put:put|quit:quit|\
read:read|rid:rid|ride:rode,ridden|ring:rang,rung|rise:rose,risen|run:ran|say:said|see:saw,seen|\
seek:sought|sell:sold|send:sent|set:set|shake:shook,shaken|shed:shed|shine:shone|shoot:shot|\
show:shown|shrink:shrank,shrunk|shut:shut|sing:sang,sung|sink:sank,sunk|sit:sat|sleep:slept|\
slide:slid|sling:slung|slit:slit|smell:smelt|speak:spoke,spoken|speed:sped|spend:spent|\
spill:spilt|spin:spun|spit:spat|split:split|spread:spread|spring:sprang,sprung|stand:stood|\
steal:stole,stolen|stick:stuck|sting:stung|stink:stank,stunk|strike:struck|string:strung|\
strive:strove,striven|swear:swore,sworn|sweep:swept|swim:swam,swum|swing:swung|take:took,taken|\
teach:taught|tear:tore,torn|tell:told|think:thought|throw:threw,thrown|tread:trod,trodden|\
understand:understood|wake:woke,woken|wear:wore,worn|weave:wove,woven|weep:wept|win:won|\
wind:wound|withdraw:withdrew,withdrawn|write:wrote,written|\
child:children|foot:feet|tooth:teeth|mouse:mice|man:men|woman:women|goose:geese|wolf:wolves|\
knife:knives|leaf:leaves|life:lives|half:halves|calf:calves|wife:wives|shelf:shelves|\
thief:thieves|loaf:loaves|sheep:sheep|fish:fish|ox:oxen|penny:pence|die:dying|tie:tying";

/// Words that are not inflected in a pattern.
const FIXED: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "up", "down",
    "out", "off", "over", "into", "onto", "and", "or", "but", "not", "no", "as", "than", "if",
    "is", "it", "its", "this", "that", "all", "every", "one", "away", "back", "about", "around",
    "through", "under", "after", "before", "when", "what", "who", "you", "your", "my", "his",
    "her", "our", "their", "there", "here", "so", "too", "very", "never", "ever", "only", "just",
];

/// The possessives an `one's` slot stands for.
const POSSESSIVES: &[&str] = &[
    "my", "your", "his", "her", "its", "our", "their", "one's", "one",
];

/// The reflexives an `oneself` slot stands for.
const REFLEXIVES: &[&str] = &[
    "myself",
    "yourself",
    "himself",
    "herself",
    "itself",
    "ourselves",
    "yourselves",
    "themselves",
    "oneself",
];

fn vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Every form of `word` a sentence may hold: itself, its regular -s, -ed, -ing forms (with
/// *y* → *ies*, silent *e*, doubled consonant) and its irregular forms.
pub fn forms(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    let mut out = vec![w.clone()];
    if FIXED.contains(&w.as_str()) || w.contains('\'') {
        return out;
    }
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    let last = chars.last().copied().unwrap_or(' ');
    let prev = if n >= 2 { chars[n - 2] } else { ' ' };
    if last == 'y' && !vowel(prev) {
        let stem: String = chars[..n - 1].iter().collect();
        out.extend([
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{w}ing"),
        ]);
    } else if last == 'e' {
        let stem: String = chars[..n - 1].iter().collect();
        out.extend([format!("{w}s"), format!("{w}d"), format!("{stem}ing")]);
    } else {
        out.extend([
            format!("{w}s"),
            format!("{w}es"),
            format!("{w}ed"),
            format!("{w}ing"),
        ]);
        let cvc = n >= 3 && !vowel(last) && vowel(prev) && !vowel(chars[n - 3]);
        if cvc && !matches!(last, 'w' | 'x' | 'y') {
            out.extend([format!("{w}{last}ed"), format!("{w}{last}ing")]);
        }
    }
    for entry in IRREGULAR.split('|') {
        if let Some((base, rest)) = entry.split_once(':') {
            if base == w {
                out.extend(rest.split(',').map(str::to_string));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// One element of an English pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// One of these word forms.
    Word(HashSet<String>),
    /// One of these word forms, or nothing.
    Optional(HashSet<String>),
    /// Between `min` and `max` words (`sb`, `sth`, `...`).
    Gap(usize, usize),
}

/// A parsed `english` column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnPattern {
    /// The elements in order.
    pub elems: Vec<Elem>,
    /// The last word is a particle that may follow the object (`break the deal up`).
    pub movable_particle: bool,
}

fn word_set(alts: &str) -> HashSet<String> {
    alts.split('|')
        .flat_map(|a| match a {
            "one's" => POSSESSIVES.iter().map(|s| s.to_string()).collect(),
            "oneself" => REFLEXIVES.iter().map(|s| s.to_string()).collect(),
            _ => forms(a),
        })
        .collect()
}

impl EnPattern {
    /// Parses `keep (the) ball rolling`, `take sth into account`, `break up` (with
    /// `phrasal`: the particle may move behind an object of up to three words).
    pub fn parse(text: &str, phrasal: bool) -> Result<EnPattern, String> {
        let mut elems = Vec::new();
        for raw in text.split_whitespace() {
            let el = match raw {
                "sb" => Elem::Gap(1, 3),
                "sth" => Elem::Gap(1, 4),
                "..." => Elem::Gap(0, 3),
                _ if raw.starts_with('(') && raw.ends_with(')') => {
                    Elem::Optional(word_set(&raw[1..raw.len() - 1]))
                }
                _ => {
                    if raw
                        .chars()
                        .any(|c| !(c.is_alphanumeric() || "'|-".contains(c)))
                    {
                        return Err(format!("`{raw}` is not a word, slot or (optional) word"));
                    }
                    Elem::Word(word_set(raw))
                }
            };
            elems.push(el);
        }
        match elems.first() {
            Some(Elem::Word(_)) => {}
            _ => return Err("the pattern must start with a word".into()),
        }
        if !matches!(elems.last(), Some(Elem::Word(_))) {
            return Err("the pattern must end with a word".into());
        }
        Ok(EnPattern {
            elems,
            movable_particle: phrasal && elems_len_ok(text),
        })
    }

    /// The forms the first word may take (the index key).
    pub fn first_forms(&self) -> impl Iterator<Item = &str> {
        match self.elems.first() {
            Some(Elem::Word(s)) => Some(s.iter().map(String::as_str)),
            _ => None,
        }
        .into_iter()
        .flatten()
    }

    /// The end (exclusive) of a match starting at word `at` of `words`, if there is one.
    pub fn match_at(&self, words: &[String], at: usize) -> Option<usize> {
        let last = self.elems.len() - 1;
        self.step(words, at, 0, last)
    }

    fn step(&self, words: &[String], i: usize, k: usize, last: usize) -> Option<usize> {
        let Some(el) = self.elems.get(k) else {
            return Some(i);
        };
        let is_word = |j: usize| {
            words
                .get(j)
                .is_some_and(|w| w.chars().any(char::is_alphanumeric))
        };
        // a comma or dash between two words of an idiom (no pain, no gain); a gap never
        // crosses one
        let soft = |j: usize| {
            words
                .get(j)
                .is_some_and(|w| [",", ";", ":", "-", "–", "—"].contains(&w.as_str()))
        };
        if k > 0 && soft(i) && !matches!(el, Elem::Gap(..)) {
            return self.step(words, i + 1, k, last);
        }
        match el {
            Elem::Word(set) => {
                if words.get(i).is_some_and(|w| set.contains(w)) {
                    if let Some(e) = self.step(words, i + 1, k + 1, last) {
                        return Some(e);
                    }
                }
                if k == last && self.movable_particle && k > 0 {
                    return moved_particle(words, i, set);
                }
                None
            }
            Elem::Optional(set) => {
                if words.get(i).is_some_and(|w| set.contains(w)) {
                    if let Some(e) = self.step(words, i + 1, k + 1, last) {
                        return Some(e);
                    }
                }
                self.step(words, i, k + 1, last)
            }
            Elem::Gap(min, max) => {
                for gap in *min..=*max {
                    if gap > 0 && !is_word(i + gap - 1) {
                        break;
                    }
                    if let Some(e) = self.step(words, i + gap, k + 1, last) {
                        return Some(e);
                    }
                }
                None
            }
        }
    }
}

/// Words that end an object before a moved particle: a clause goes on (*trying to get out*,
/// *work and go out*), so the particle belongs to another verb.
const NOT_IN_OBJECT: &[&str] = &[
    "to", "and", "or", "but", "that", "which", "who", "when", "if", "because", "while", "as",
    "than", "not", "get", "go", "be", "is", "are", "was", "were",
];

/// Words after which a particle is a preposition (*hold the button on your reader*).
const STARTS_NOUN_PHRASE: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our",
    "their", "some", "any", "all", "every", "each", "one", "two", "three",
];

/// The end of a phrasal verb whose particle (`set`) follows an object of one to three words
/// starting at word `i`: the object holds no clause word, and the particle is not a
/// preposition before a noun phrase.
fn moved_particle(words: &[String], i: usize, set: &HashSet<String>) -> Option<usize> {
    for gap in 1..=3 {
        let ok = words.get(i + gap - 1).is_some_and(|w| {
            w.chars().any(char::is_alphanumeric) && !NOT_IN_OBJECT.contains(&w.as_str())
        });
        if !ok {
            return None;
        }
        if words.get(i + gap).is_some_and(|w| set.contains(w)) {
            let next = words.get(i + gap + 1);
            let noun_phrase = next.is_some_and(|w| {
                STARTS_NOUN_PHRASE.contains(&w.as_str())
                    || w.starts_with(|c: char| c.is_ascii_digit())
            });
            return (!noun_phrase).then_some(i + gap + 1);
        }
    }
    None
}

/// A phrasal verb has at least two words.
fn elems_len_ok(text: &str) -> bool {
    text.split_whitespace().count() >= 2
}

/// The lower-cased words and punctuation marks of an English text, with their byte ranges;
/// `it's` is `it` + `'s`; quotation marks are left out.
pub fn words(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let flush = |out: &mut Vec<(String, usize, usize)>, s: usize, e: usize| {
        let w = text[s..e].to_lowercase().replace('’', "'");
        match w.find('\'') {
            Some(p) if p > 0 && p + 1 < w.len() && !w.ends_with("n't") => {
                out.push((w[..p].to_string(), s, s + p));
                out.push((w[p..].to_string(), s + p, e));
            }
            _ => out.push((w, s, e)),
        }
    };
    for (i, c) in text.char_indices() {
        let inner = c == '\'' || c == '’';
        if c.is_alphanumeric() || (inner && start.is_some()) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            flush(&mut out, s, i);
        }
        // quotation marks do not interrupt an idiom
        if !c.is_whitespace() && !"\"“”‘".contains(c) {
            out.push((c.to_string(), i, i + c.len_utf8()));
        }
    }
    if let Some(s) = start {
        flush(&mut out, s, text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(pattern: &str, phrasal: bool, text: &str) -> bool {
        let p = EnPattern::parse(pattern, phrasal).expect("pattern parses");
        let w: Vec<String> = words(text).into_iter().map(|(w, _, _)| w).collect();
        (0..w.len()).any(|i| p.match_at(&w, i).is_some())
    }

    #[test]
    fn inflection() {
        for t in ["take", "takes", "took", "taken", "taking"] {
            assert!(forms("take").contains(&t.to_string()), "{t}");
        }
        assert!(forms("stop").contains(&"stopped".to_string()));
        assert!(forms("carry").contains(&"carried".to_string()));
        assert!(hit(
            "take sth into account",
            false,
            "He took the costs into account."
        ));
        assert!(hit(
            "rain cats and dogs",
            false,
            "It's raining cats and dogs."
        ));
        assert!(hit(
            "be in the market for",
            false,
            "I'm in the market for a car."
        ));
        assert!(!hit("take sth into account", false, "He took it."));
    }

    #[test]
    fn gaps_and_optional_words() {
        assert!(hit(
            "keep (the) ball rolling",
            false,
            "Let's keep the ball rolling."
        ));
        assert!(hit(
            "keep (the) ball rolling",
            false,
            "to keep ball rolling"
        ));
        assert!(hit(
            "put all one's eggs in one basket",
            false,
            "Don't put all your eggs in one basket."
        ));
        assert!(!hit(
            "put all one's eggs in one basket",
            false,
            "Put eggs in a basket."
        ));
    }

    #[test]
    fn particles_move() {
        assert!(hit("break up", true, "They broke the deal up."));
        assert!(hit("break up", true, "They broke up."));
        assert!(!hit("break up", false, "They broke the deal up."));
        assert!(!hit("break up", true, "They broke the deal, up to now."));
        assert!(!hit(
            "break up",
            true,
            "They broke all of the old records up to now up"
        ));
    }
}
