//! Text zones: the parts of a document that are not the author's running German.
//!
//! A rule that reasons about German prose must not judge a quoted English tweet, the title
//! of a series („House of Cards“), an organisation's English name (Save the Children), a URL,
//! a speaker's line in a dialogue or a headline as if the author had written them as German
//! sentences. The zones are found once, when the document is built, as byte ranges of the
//! view with a [`ZoneKind`]; they may nest (a quotation inside a parenthesis, a title inside
//! a quotation). [`Zones::at`] answers which kinds cover a byte in `O(log z)` (z = number of
//! zone boundaries), and [`Zones::is_running_text`] / [`Zones::in_quote`] answer for a range.
//!
//! What each kind means, and how it is found, is documented on [`ZoneKind`]. Where the text
//! gives no mark (a quotation whose marks were stripped, a Title-Case run, a dialogue line, a
//! headline) the zone is [`Certainty::Inferred`]; a quotation with only one of its two marks
//! is [`Certainty::Unbalanced`] and reaches to the end (or from the start) of its segment.
//! Rules decide how much to trust each.

mod detect;

use std::fmt::Write as _;

use bitflags::bitflags;

use crate::document::Document;

bitflags! {
    /// A set of zone kinds: the kinds covering a byte, or a mask to ask about.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct ZoneSet: u16 {
        /// See [`ZoneKind::Quotation`].
        const QUOTATION = 1 << 0;
        /// See [`ZoneKind::Title`].
        const TITLE = 1 << 1;
        /// See [`ZoneKind::Parenthesis`].
        const PARENTHESIS = 1 << 2;
        /// See [`ZoneKind::Url`].
        const URL = 1 << 3;
        /// See [`ZoneKind::Email`].
        const EMAIL = 1 << 4;
        /// See [`ZoneKind::Handle`].
        const HANDLE = 1 << 5;
        /// See [`ZoneKind::Hashtag`].
        const HASHTAG = 1 << 6;
        /// See [`ZoneKind::Citation`].
        const CITATION = 1 << 7;
        /// See [`ZoneKind::Social`].
        const SOCIAL = 1 << 8;
        /// See [`ZoneKind::Dialogue`].
        const DIALOGUE = 1 << 9;
        /// See [`ZoneKind::Heading`].
        const HEADING = 1 << 10;
    }
}

impl ZoneSet {
    /// Opaque runs that are never prose: URLs, e-mail addresses, handles, hashtags.
    pub const OPAQUE: ZoneSet = ZoneSet::URL
        .union(ZoneSet::EMAIL)
        .union(ZoneSet::HANDLE)
        .union(ZoneSet::HASHTAG);

    /// Text in somebody else's words or in another language: quotations, titles, citation
    /// and social-media markers, dialogue lines. A parenthesis or a heading is still the
    /// author's German and is not in this set.
    pub const FOREIGN_VOICE: ZoneSet = ZoneSet::QUOTATION
        .union(ZoneSet::TITLE)
        .union(ZoneSet::CITATION)
        .union(ZoneSet::SOCIAL)
        .union(ZoneSet::DIALOGUE);
}

/// What a zone is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ZoneKind {
    /// Quoted words, in any house style: „…“ ‚…‘ »…« «…» ›…‹ “…” ‘…’ "…" '…' ``…'', and the
    /// broken forms machine translation leaves (”…”, “…“, „…”, „…"). A single mark is bounded by
    /// its segment. Also the words after a speech verb and a colon when the marks were
    /// stripped (`twitterte am Sonntag: Die …`), to the end of that sentence only.
    Quotation,
    /// A title of a work or an organisation's name in English Title Case: a run of two or more
    /// capitalised words with an English function word (House of Cards, Save the Children,
    /// Department of Justice) or made only of English words (The Gilded Age, New York Times);
    /// also the content of a quotation that is such a run or is entirely in Title Case.
    /// German capitalised nouns and German names (die Deutsche Bahn, Der Spiegel) are running
    /// German, not a title zone: the lexicon decides, and German words are not English.
    Title,
    /// A balanced `(…)` or `[…]` inside a segment, brackets included.
    Parenthesis,
    /// A URL or bare domain (`www.x.de`, `https://…`, `pic.twitter.com/…`).
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle: `@name`.
    Handle,
    /// A hashtag: `#name`.
    Hashtag,
    /// A source or credit line: `Quelle: dpa-AFX`, `Foto: KPA`, `Bildquelle: …` (the label and up
    /// to four words of credit), and an `Abstract …:` line with its text.
    Citation,
    /// An embedded social-media post: a `pic.twitter.com/…` link, and a tweet signature
    /// `— Name (@handle) July 4, 2020` with the sentence it signs.
    Social,
    /// A line of a dialogue or transcript, `NAME: …` at a line start, when the same speaker
    /// label starts another line of a run of labelled lines with at least two speakers
    /// (a single `Coronavirus: …` headline is not a dialogue).
    Dialogue,
    /// A headline or heading: a short segment (at most 15 words) without final punctuation,
    /// or in a paragraph a short verbless line between a sentence end and a capitalised line.
    Heading,
}

impl ZoneKind {
    /// Every kind, in the order of their flags.
    pub const ALL: [ZoneKind; 11] = [
        ZoneKind::Quotation,
        ZoneKind::Title,
        ZoneKind::Parenthesis,
        ZoneKind::Url,
        ZoneKind::Email,
        ZoneKind::Handle,
        ZoneKind::Hashtag,
        ZoneKind::Citation,
        ZoneKind::Social,
        ZoneKind::Dialogue,
        ZoneKind::Heading,
    ];

    /// The kind's flag.
    pub fn flag(self) -> ZoneSet {
        ZoneSet::from_bits_retain(1 << self as u16)
    }

    /// The kebab-case name, as [`describe`] prints it.
    pub fn name(self) -> &'static str {
        match self {
            ZoneKind::Quotation => "quotation",
            ZoneKind::Title => "title",
            ZoneKind::Parenthesis => "parenthesis",
            ZoneKind::Url => "url",
            ZoneKind::Email => "email",
            ZoneKind::Handle => "handle",
            ZoneKind::Hashtag => "hashtag",
            ZoneKind::Citation => "citation",
            ZoneKind::Social => "social",
            ZoneKind::Dialogue => "dialogue",
            ZoneKind::Heading => "heading",
        }
    }
}

/// How sure the zone is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Certainty {
    /// Marked in the text: both quotation marks, brackets, a URL.
    Marked,
    /// A quotation with one mark only, bounded by its segment.
    Unbalanced,
    /// Found without marks: stripped quotation, Title-Case run, dialogue, heading.
    Inferred,
}

impl Certainty {
    fn name(self) -> &'static str {
        match self {
            Certainty::Marked => "marked",
            Certainty::Unbalanced => "unbalanced",
            Certainty::Inferred => "inferred",
        }
    }
}

/// A zone: a byte range of the document's view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    /// Start byte in the view (the opening mark or bracket included).
    pub start: usize,
    /// End byte in the view, exclusive (the closing mark included).
    pub end: usize,
    /// The content without marks, brackets or speaker label: `start..end` for zones without.
    pub content: (usize, usize),
    /// What it is.
    pub kind: ZoneKind,
    /// How it was found.
    pub certainty: Certainty,
}

impl Zone {
    fn new(start: usize, end: usize, kind: ZoneKind, certainty: Certainty) -> Self {
        Zone {
            start,
            end,
            content: (start, end),
            kind,
            certainty,
        }
    }
}

/// The zones of a document, and an index answering which kinds cover a byte.
#[derive(Debug, Clone, Default)]
pub struct Zones {
    /// All zones, sorted by start, longer (outer) first.
    list: Vec<Zone>,
    /// Where the set of covering kinds changes, ascending; `sets[k]` holds from `bounds[k]`
    /// to `bounds[k + 1]`.
    bounds: Vec<usize>,
    sets: Vec<ZoneSet>,
}

impl Zones {
    /// Finds the zones of `doc` (its view, tokens, segments and sentences must be built).
    pub fn build(doc: &Document) -> Zones {
        Zones::from_list(detect::all(doc))
    }

    /// Indexes a list of zones (in any order).
    pub fn from_list(mut list: Vec<Zone>) -> Zones {
        list.retain(|z| z.start < z.end);
        list.sort_by(|a, b| {
            (a.start, std::cmp::Reverse(a.end), a.kind).cmp(&(
                b.start,
                std::cmp::Reverse(b.end),
                b.kind,
            ))
        });
        list.dedup_by(|a, b| (a.start, a.end, a.kind) == (b.start, b.end, b.kind));
        let mut events: Vec<(usize, bool, ZoneKind)> = Vec::with_capacity(list.len() * 2);
        for z in &list {
            events.push((z.start, true, z.kind));
            events.push((z.end, false, z.kind));
        }
        events.sort_unstable_by_key(|&(at, open, _)| (at, open));
        let mut counts = [0u32; ZoneKind::ALL.len()];
        let (mut bounds, mut sets) = (Vec::new(), Vec::<ZoneSet>::new());
        let mut i = 0;
        while i < events.len() {
            let at = events[i].0;
            while i < events.len() && events[i].0 == at {
                let (_, open, kind) = events[i];
                let c = &mut counts[kind as usize];
                *c = if open { *c + 1 } else { c.saturating_sub(1) };
                i += 1;
            }
            let set = ZoneKind::ALL
                .iter()
                .filter(|k| counts[**k as usize] > 0)
                .fold(ZoneSet::empty(), |s, k| s | k.flag());
            if sets.last() != Some(&set) {
                bounds.push(at);
                sets.push(set);
            }
        }
        Zones { list, bounds, sets }
    }

    /// The kinds of zone covering view byte `at`.
    pub fn at(&self, at: usize) -> ZoneSet {
        match self.bounds.partition_point(|&b| b <= at) {
            0 => ZoneSet::empty(),
            k => self.sets[k - 1],
        }
    }

    /// The sets of the index pieces overlapping `start..end` (for an empty range, the piece
    /// holding `start`).
    fn pieces(&self, start: usize, end: usize) -> impl Iterator<Item = ZoneSet> + '_ {
        let end = end.max(start + 1);
        let k0 = self.bounds.partition_point(|&b| b <= start);
        // before the first boundary no zone is open
        let before = (k0 == 0).then_some(ZoneSet::empty());
        before.into_iter().chain(
            (k0.saturating_sub(1)..self.bounds.len())
                .take_while(move |&k| self.bounds[k] < end)
                .map(move |k| self.sets[k]),
        )
    }

    /// The kinds that cover some byte of `start..end`.
    pub fn touching(&self, start: usize, end: usize) -> ZoneSet {
        self.pieces(start, end).fold(ZoneSet::empty(), |a, s| a | s)
    }

    /// The kinds that cover every byte of `start..end`.
    pub fn covering(&self, start: usize, end: usize) -> ZoneSet {
        self.pieces(start, end).fold(ZoneSet::all(), |a, s| a & s)
    }

    /// No zone of any kind touches `start..end`: the author's running German.
    pub fn is_running_text(&self, start: usize, end: usize) -> bool {
        self.touching(start, end).is_empty()
    }

    /// All of `start..end` stands inside a quotation.
    pub fn in_quote(&self, start: usize, end: usize) -> bool {
        self.covering(start, end).contains(ZoneSet::QUOTATION)
    }

    /// Some of `start..end` stands in a zone of a kind in `mask`.
    pub fn touches(&self, start: usize, end: usize, mask: ZoneSet) -> bool {
        self.touching(start, end).intersects(mask)
    }

    /// All zones, sorted by start, outer before inner.
    pub fn iter(&self) -> impl Iterator<Item = &Zone> {
        self.list.iter()
    }

    /// The zones of one kind, in text order.
    pub fn of(&self, kind: ZoneKind) -> impl Iterator<Item = &Zone> {
        self.list.iter().filter(move |z| z.kind == kind)
    }

    /// The innermost zone of `kind` containing view byte `at`.
    pub fn enclosing(&self, at: usize, kind: ZoneKind) -> Option<&Zone> {
        let n = self.list.partition_point(|z| z.start <= at);
        self.list[..n]
            .iter()
            .rev()
            .find(|z| z.kind == kind && z.end > at)
    }

    /// The number of zones.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// There are no zones.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// The zones of `doc`, one per line (`kind certainty start..end` and a tab before the text), for debugging and
/// for a future `mtcheck zones` command.
pub fn describe(doc: &Document) -> String {
    let mut out = String::new();
    for z in doc.zones.iter() {
        let text: String = doc.view[z.start..z.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let _ = writeln!(
            out,
            "{:<11} {:<10} {}..{}\t{}",
            z.kind.name(),
            z.certainty.name(),
            z.start,
            z.end,
            text
        );
    }
    out
}

#[cfg(test)]
mod tests;
