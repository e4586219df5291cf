//! The name dictionary (`names.csv`) compiled: every name with its words, the literal
//! renderings and wrong spellings as phrase tables, and the indexes the entity rules look
//! names up by.

use crate::document::Document;
use crate::error::DictError;
use crate::lexicon::schema::{dict_err, Located, NameRow};
use crate::lexicon::validate::{items, parse_window};
use crate::lexicon::words;
use crate::matcher::pattern::{Affix, Alt, CaseRule, Cues, Elem, Pattern};
use crate::matcher::{Entry, PhraseTable};
use crate::text::token::{normalise, tokenize, TokenKind, Tokens};
use crate::text::token_map::{FastMap, FastSet, TokenMap, TokenSet};

/// A name of `names.csv`.
#[derive(Debug, Clone)]
pub struct NameInfo {
    /// Canonical spelling.
    pub name: String,
    /// Kind (company, model …).
    pub kind: String,
    /// Its words (`Mark`, `Zuckerberg`).
    pub words: Vec<String>,
}

/// The compiled name dictionary.
#[derive(Debug, Default)]
pub struct Names {
    /// Every name.
    pub list: Vec<NameInfo>,
    /// Literal renderings, pointing at `list`.
    pub literal: PhraseTable<usize>,
    /// Known wrong spellings, pointing at `list`.
    pub variants: PhraseTable<usize>,
    /// Lower-case form of one-word names with distinctive casing -> index in `list`; looked
    /// up for every word of a text, by the hash tokens carry.
    pub casing: TokenMap<usize>,
    /// Every correct spelling of a one-word name.
    pub accepted: FastSet<String>,
    /// The capitalised words of every name (Zuckerberg, Srinivas), for spelling variants.
    pub part_index: PartIndex,
    /// People with a middle part, by (first word, last word): „Hyung Chung“ -> Hyung Won Chung.
    /// Keyed by the normalised first word (looked up for every word of a text, by the hash
    /// tokens carry), then (first word as written, last word, index in `list`).
    pub without_middle: TokenMap<Vec<(String, String, usize)>>,
    /// For every known wrong spelling ([`Names::variants`]), the words one of which a match
    /// must contain; see [`Names::may_have_variants`].
    variant_keys: Option<TokenSet>,
    /// Every word of every name (as written) -> the names that have it, in list order.
    by_word: FastMap<String, Vec<usize>>,
}

impl Names {
    /// The names that have `word` (as written) among their words, in list order.
    pub fn with_word(&self, word: &str) -> impl Iterator<Item = &NameInfo> {
        self.by_word
            .get(word)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &self.list[i])
    }

    /// Token `t` is one of the words that every match of some entry of [`Names::variants`]
    /// contains (always `true` when an entry has no such word). A text without such a token
    /// has no known wrong spelling, and the table's search, which costs more than looking up
    /// every word once, can be skipped; in most texts none of the words occurs.
    pub fn variant_cue(&self, tokens: &Tokens, t: usize) -> bool {
        self.variant_keys
            .as_ref()
            .is_none_or(|keys| keys.contains_token(tokens, t))
    }

    /// Some token of `doc` is a [`Names::variant_cue`].
    pub fn may_have_variants(&self, doc: &Document) -> bool {
        (0..doc.tokens.len()).any(|t| self.variant_cue(&doc.tokens, t))
    }
}

/// For every entry of `table`, the words of one element that each of its matches contains,
/// or `None` when some entry has no such element.
///
/// A pattern matches tokens element by element, and a token matches a whole word (no `*`)
/// when its normalised form is the word; so every match of a pattern contains a token that
/// is one of the words of each element that is not optional and consists of whole words.
/// Of those, the element whose words are rarest in German is taken (by its most frequent
/// word, with words missing from the frequency lexicon rarest of all): the fewer texts
/// contain one, the more searches are skipped. Of „Markus Soeder“ it takes *soeder*.
fn required_words<T>(table: &PhraseTable<T>) -> Option<TokenSet> {
    let freq = words::WordFreq::builtin();
    // how common the most common of `words` is, in hundredths of a Zipf unit (0: not in the
    // lexicon); punctuation (`-` of „Klaus-Michael“), which the lexicon lacks, is commonest
    let commonness = |words: &Vec<String>| -> u32 {
        words
            .iter()
            .map(|w| match freq.de_zipf(w) {
                _ if !w.chars().any(char::is_alphabetic) => u32::MAX,
                Some(z) => (z * 100.0) as u32,
                None => 0,
            })
            .max()
            .unwrap_or(0)
    };
    let mut set = TokenSet::default();
    for e in table.entries() {
        let words_of = |elem: &Elem| -> Option<Vec<String>> {
            let Elem::Tok {
                alts,
                optional: false,
            } = elem
            else {
                return None;
            };
            alts.iter()
                .map(|a| match a {
                    Alt::Word {
                        norm,
                        affix: Affix::Exact,
                        ..
                    } => Some(norm.clone()),
                    _ => None,
                })
                .collect()
        };
        let best = e
            .pattern
            .elems
            .iter()
            .filter_map(words_of)
            .filter(|words| !words.is_empty())
            .min_by_key(commonness)?;
        for w in &best {
            set.insert(w);
        }
    }
    Some(set)
}

/// Name parts of five letters or more, indexed by their first letter so that a look-up for
/// near misses only compares names that start alike.
#[derive(Debug, Default)]
pub struct PartIndex {
    all: FastMap<String, Vec<(usize, usize)>>,
    by_first: FastMap<(char, usize), Vec<String>>,
}

impl PartIndex {
    fn insert(&mut self, part: &str, name: usize, position: usize) {
        let Some(first) = part.chars().next() else {
            return;
        };
        if part.chars().count() < 5 || !first.is_uppercase() {
            return;
        }
        let owners = self.all.entry(part.to_string()).or_default();
        owners.push((name, position));
        if owners.len() == 1 {
            let len = part.chars().count();
            self.by_first
                .entry((first, len))
                .or_default()
                .push(part.to_string());
        }
    }

    /// `part` is a word of some name.
    pub fn contains_key(&self, part: &str) -> bool {
        self.all.contains_key(part)
    }

    /// The names `part` belongs to, as (index in the name list, position of the word).
    pub fn owners(&self, part: &str) -> &[(usize, usize)] {
        self.all.get(part).map_or(&[], Vec::as_slice)
    }

    /// The name parts that start with `first` and have `len` characters.
    pub fn get_by_first(&self, first: char, len: usize) -> &[String] {
        self.by_first.get(&(first, len)).map_or(&[], Vec::as_slice)
    }
}

/// A name has distinctive casing: a capital after the first letter, or a lower-case first
/// letter followed by a capital; and at least one lower-case letter (acronyms such as NASA
/// are written Nasa in German style guides, so they are not checked).
pub fn distinctive_casing(name: &str) -> bool {
    let mut chars = name.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return false;
    };
    let (mut has_lower, mut inner_upper) = (first.is_lowercase(), false);
    for c in chars {
        has_lower |= c.is_lowercase();
        inner_upper |= c.is_uppercase();
    }
    has_lower && inner_upper
}

/// The patterns of one name row (validated, see [`compile_names`]): its literal renderings
/// and its wrong spellings.
fn name_patterns(
    r: &NameRow,
    idx: usize,
    literal: &mut Vec<Entry<usize>>,
    variants: &mut Vec<Entry<usize>>,
) -> Result<(), String> {
    let window = parse_window(&r.window)?;
    for lit in items(&r.literal) {
        literal.push(Entry {
            pattern: Pattern::parse(lit).map_err(|m| format!("literal `{lit}`: {m}"))?,
            context: Cues::validated(&r.context),
            exclude: Cues::validated(&r.exclude),
            window,
            case: CaseRule::Any,
            data: idx,
        });
    }
    for var in items(&r.variants) {
        variants.push(Entry {
            pattern: Pattern::parse(var).map_err(|m| format!("variant `{var}`: {m}"))?,
            context: Cues::default(),
            exclude: Cues::default(),
            window,
            case: CaseRule::Exact,
            data: idx,
        });
    }
    Ok(())
}

impl Names {
    /// Adds the name of row `r` (already valid) to the indexes.
    fn add(&mut self, r: &NameRow) {
        let name = r.name.trim().to_string();
        let idx = self.list.len();
        let toks = tokenize(&name);
        let words: Vec<&str> = toks
            .list
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| &name[t.start..t.end])
            .collect();
        for (pos, w) in words.iter().enumerate() {
            self.part_index.insert(w, idx, pos);
        }
        if r.kind.trim() == "person" && words.len() >= 3 && words.len() == toks.len() {
            let last = words[words.len() - 1].to_string();
            self.without_middle
                .get_or_insert_with(&normalise(words[0]), Vec::new)
                .push((words[0].to_string(), last, idx));
        }
        if toks.len() == 1 && toks.list[0].kind == TokenKind::Word {
            self.accepted.insert(name.clone());
            if distinctive_casing(&name) {
                self.casing.get_or_insert_with(&normalise(&name), || idx);
            }
        }
        let words = words.into_iter().map(String::from).collect();
        self.list.push(NameInfo {
            kind: r.kind.trim().to_string(),
            name,
            words,
        });
    }
}

/// The phrase tables of the names' literal renderings and wrong spellings; the first row
/// whose patterns do not compile is the error. The wrong spellings are searched only in
/// texts that contain one of their words ([`Names::may_have_variants`]), so their key index
/// is built by the first search.
fn name_tables(
    rows: &[Located<NameRow>],
) -> Result<(PhraseTable<usize>, PhraseTable<usize>), DictError> {
    let mut literal = Vec::new();
    let mut variants = Vec::new();
    for (idx, (path, line, r)) in rows.iter().enumerate() {
        name_patterns(r, idx, &mut literal, &mut variants).map_err(|m| dict_err(path, *line, m))?;
    }
    Ok((PhraseTable::new(literal), PhraseTable::new_lazy(variants)))
}

/// The name dictionary of `rows`, which have been validated: the user's rows as they were
/// read, the built-in rows by the tests (`builtin_tables_validate`), not at every start.
/// The phrase tables and the name indexes are built side by side.
pub(crate) fn compile_names(rows: Vec<Located<NameRow>>) -> Result<Names, DictError> {
    let (tables, mut names) = rayon::join(
        || name_tables(&rows),
        || {
            let mut names = Names::default();
            // a name has a word or two: the indexes do not grow (and rehash) row by row
            names.list.reserve(rows.len());
            names.accepted.reserve(rows.len());
            names.by_word.reserve(2 * rows.len());
            names.part_index.all.reserve(2 * rows.len());
            names.part_index.by_first.reserve(rows.len());
            for (_, _, r) in &rows {
                names.add(r);
            }
            for (i, n) in names.list.iter().enumerate() {
                for w in &n.words {
                    let owners = names.by_word.entry(w.clone()).or_default();
                    if owners.last() != Some(&i) {
                        owners.push(i);
                    }
                }
            }
            names
        },
    );
    (names.literal, names.variants) = tables?;
    names.variant_keys = required_words(&names.variants);
    Ok(names)
}
