//! A reader for Morfologik's CFSA2 automaton format, the format of LanguageTool's German
//! part-of-speech dictionary: look-ups walk the embedded bytes directly, so opening costs
//! nothing and nothing is decoded in advance.
//!
//! The layout, as `morfologik.fsa.CFSA2` (morfologik-stemming, BSD licence) reads it:
//!
//! ```text
//! header     "\fsa", version byte 0xC6
//! flags      u16, big-endian (FLEXIBLE=1, STOPBIT=2, NEXTBIT=4, TAILS=8, NUMBERS=256, …)
//! labels     u8 count, then `count` bytes: the most frequent labels; index 0 is unused
//! arcs       the rest; an arc is addressed by its byte offset in this part
//! ```
//!
//! An arc is one flag byte, an explicit label byte when the flag's low five bits are zero
//! (otherwise they index the label table), and, unless `TARGET_NEXT` is set, the
//! destination node's offset as a little-endian base-128 varint (7 bits a byte, the high
//! bit set on every byte but the last). With `TARGET_NEXT` the destination is the node
//! that starts right after the last arc of the current node. A node is its list of arcs, the
//! last one marked `LAST_ARC`; with the NUMBERS flag a varint (the number of sequences
//! below) precedes the arcs. Destination 0 means "no node" (a terminal arc). The root is the
//! destination of the first arc of node 0.

use thiserror::Error;

/// The destination is the node right after this node's last arc (no address stored).
const TARGET_NEXT: u8 = 1 << 7;
/// The last arc of its node.
const LAST_ARC: u8 = 1 << 6;
/// A sequence ends with this arc's label.
const FINAL_ARC: u8 = 1 << 5;
/// The low bits of the flag byte: an index into the label table, 0 for an explicit label.
const LABEL_INDEX_MASK: u8 = (1 << 5) - 1;
/// The flag of automata that store, per node, the number of sequences below it.
const FLAG_NUMBERS: u16 = 1 << 8;
/// Every flag Morfologik defines (FLEXIBLE, STOPBIT, NEXTBIT, TAILS, NUMBERS, SEPARATORS).
const KNOWN_FLAGS: u16 = 0b11_0000_1111;
/// The longest sequence [`Cfsa2::for_each_suffix`] can hand out; longer ones are skipped
/// (the German dictionary's longest entry is far shorter, which its full-walk test checks).
pub const MAX_SEQUENCE: usize = 512;

/// Why bytes are not a CFSA2 automaton.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum FsaError {
    /// The bytes do not start with `\fsa`.
    #[error("not a Morfologik automaton (no \\fsa header)")]
    BadMagic,
    /// Another Morfologik version than CFSA2 (0xC6).
    #[error("Morfologik automaton version {0:#x} is not CFSA2 (0xc6)")]
    Version(u8),
    /// The flags name something Morfologik does not define.
    #[error("unknown automaton flags {0:#06x}")]
    Flags(u16),
    /// The file ends inside the header or label table, or has no arcs.
    #[error("truncated automaton")]
    Truncated,
}

/// A CFSA2 automaton over borrowed bytes.
#[derive(Debug, Clone, Copy)]
pub struct Cfsa2<'a> {
    arcs: &'a [u8],
    labels: [u8; 32],
    numbers: bool,
    root: usize,
    /// The root's arc for each first byte, plus one (0: none): the root has an arc for
    /// almost every byte that starts a word, too many to scan for each look-up.
    root_arcs: [u32; 256],
}

impl<'a> Cfsa2<'a> {
    /// Opens an automaton: reads the header and label table; the arcs stay where they are.
    pub fn new(bytes: &'a [u8]) -> Result<Self, FsaError> {
        let rest = bytes.strip_prefix(b"\\fsa").ok_or(FsaError::BadMagic)?;
        let (&version, rest) = rest.split_first().ok_or(FsaError::Truncated)?;
        if version != 0xC6 {
            return Err(FsaError::Version(version));
        }
        let [hi, lo, count, rest @ ..] = rest else {
            return Err(FsaError::Truncated);
        };
        let flags = u16::from_be_bytes([*hi, *lo]);
        if flags & !KNOWN_FLAGS != 0 {
            return Err(FsaError::Flags(flags));
        }
        let count = usize::from(*count);
        if count > 32 || rest.len() <= count {
            return Err(FsaError::Truncated);
        }
        let mut labels = [0u8; 32];
        labels[..count].copy_from_slice(&rest[..count]);
        let mut fsa = Cfsa2 {
            arcs: &rest[count..],
            labels,
            numbers: flags & FLAG_NUMBERS != 0,
            root: 0,
            root_arcs: [0; 256],
        };
        fsa.root = fsa.target(fsa.first_arc(0));
        let mut arc = fsa.first_arc(fsa.root);
        loop {
            fsa.root_arcs[usize::from(fsa.label(arc))] =
                u32::try_from(arc + 1).map_err(|_| FsaError::Truncated)?;
            if fsa.flag(arc) & LAST_ARC != 0 {
                break;
            }
            arc = fsa.skip_arc(arc);
        }
        Ok(fsa)
    }

    /// The address of the automaton's bytes: two automata over the same bytes are the same.
    pub(crate) fn id(&self) -> usize {
        self.arcs.as_ptr() as usize
    }

    /// The root node.
    pub fn root(&self) -> usize {
        self.root
    }

    fn first_arc(&self, node: usize) -> usize {
        if self.numbers {
            skip_vint(self.arcs, node)
        } else {
            node
        }
    }

    fn flag(&self, arc: usize) -> u8 {
        self.arcs[arc]
    }

    fn label(&self, arc: usize) -> u8 {
        match self.flag(arc) & LABEL_INDEX_MASK {
            0 => self.arcs[arc + 1],
            i => self.labels[usize::from(i)],
        }
    }

    /// The arc after `arc` in the byte stream (its node's next arc, or what follows the node).
    fn skip_arc(&self, arc: usize) -> usize {
        let flag = self.flag(arc);
        let mut at = arc + 1;
        if flag & LABEL_INDEX_MASK == 0 {
            at += 1;
        }
        if flag & TARGET_NEXT == 0 {
            at = skip_vint(self.arcs, at);
        }
        at
    }

    /// The node `arc` leads to; 0 for none.
    fn target(&self, arc: usize) -> usize {
        if self.flag(arc) & TARGET_NEXT != 0 {
            self.node_end(arc)
        } else {
            self.stored_target(arc)
        }
    }

    /// The destination stored in `arc`, which has no [`TARGET_NEXT`] flag.
    fn stored_target(&self, arc: usize) -> usize {
        let at = arc
            + if self.flag(arc) & LABEL_INDEX_MASK == 0 {
                2
            } else {
                1
            };
        read_vint(self.arcs, at)
    }

    /// The offset right after the last arc of the node that `arc` belongs to (from `arc` on).
    fn node_end(&self, arc: usize) -> usize {
        let mut last = arc;
        while self.flag(last) & LAST_ARC == 0 {
            last = self.skip_arc(last);
        }
        self.skip_arc(last)
    }

    /// The arc of `node` labelled `label`.
    fn find_arc(&self, node: usize, label: u8) -> Option<usize> {
        if node == self.root {
            return (self.root_arcs[usize::from(label)] as usize).checked_sub(1);
        }
        let arcs = self.arcs;
        let mut arc = self.first_arc(node);
        loop {
            // one read of the flag per arc: label, end of node and size of the arc
            let flag = arcs[arc];
            let (arc_label, mut next) = match flag & LABEL_INDEX_MASK {
                0 => (arcs[arc + 1], arc + 2),
                i => (self.labels[usize::from(i)], arc + 1),
            };
            if arc_label == label {
                return Some(arc);
            }
            if flag & LAST_ARC != 0 {
                return None;
            }
            if flag & TARGET_NEXT == 0 {
                next = skip_vint(arcs, next);
            }
            arc = next;
        }
    }

    /// Follows `input` from `node`: the arc that consumed its last byte, or `None` when the
    /// automaton has no such path. An empty input has no arc, so it gives `None` too.
    pub fn walk(&self, node: usize, input: &[u8]) -> Option<WalkEnd> {
        let mut node = node;
        let mut last = None;
        for &b in input {
            if node == 0 {
                return None;
            }
            let arc = self.find_arc(node, b)?;
            node = self.target(arc);
            last = Some(arc);
        }
        last.map(|arc| WalkEnd {
            is_final: self.flag(arc) & FINAL_ARC != 0,
            node,
        })
    }

    /// Calls `f` with every sequence that continues from `node` to a final arc, in the
    /// automaton's (byte) order. Returns the number of sequences skipped for being longer
    /// than [`MAX_SEQUENCE`].
    pub fn for_each_suffix(&self, node: usize, f: &mut impl FnMut(&[u8])) -> usize {
        let mut buf = [0u8; MAX_SEQUENCE];
        let mut skipped = 0;
        if node != 0 {
            self.visit(node, &mut buf, 0, f, &mut skipped);
        }
        skipped
    }

    fn visit(
        &self,
        node: usize,
        buf: &mut [u8; MAX_SEQUENCE],
        len: usize,
        f: &mut impl FnMut(&[u8]),
        skipped: &mut usize,
    ) {
        if len == MAX_SEQUENCE {
            *skipped += 1;
            return;
        }
        let mut arc = self.first_arc(node);
        // where the node ends, found once for all its arcs that lead there
        let mut end = None;
        loop {
            let flag = self.flag(arc);
            buf[len] = self.label(arc);
            if flag & FINAL_ARC != 0 {
                f(&buf[..=len]);
            }
            let next = if flag & TARGET_NEXT != 0 {
                *end.get_or_insert_with(|| self.node_end(arc))
            } else {
                self.stored_target(arc)
            };
            if next != 0 {
                self.visit(next, buf, len + 1, f, skipped);
            }
            if flag & LAST_ARC != 0 {
                return;
            }
            arc = self.skip_arc(arc);
        }
    }
}

impl Cfsa2<'_> {
    /// Calls `f` with every path from `node` that ends in an arc labelled `sep` (not counting
    /// the first `skip` bytes of a path), without the `sep`, and the node after that arc;
    /// paths are not followed past such an arc. The order is that of
    /// [`Cfsa2::for_each_suffix`]: the sequences below the node `f` is given are exactly those
    /// that it would list after the path and `sep`. Paths longer than [`MAX_SEQUENCE`] are
    /// skipped.
    pub fn for_each_split(
        &self,
        node: usize,
        sep: u8,
        skip: usize,
        f: &mut impl FnMut(&[u8], usize),
    ) {
        let mut buf = [0u8; MAX_SEQUENCE];
        if node != 0 {
            self.visit_split(node, sep, skip, &mut buf, 0, f);
        }
    }

    fn visit_split(
        &self,
        node: usize,
        sep: u8,
        skip: usize,
        buf: &mut [u8; MAX_SEQUENCE],
        len: usize,
        f: &mut impl FnMut(&[u8], usize),
    ) {
        if len == MAX_SEQUENCE {
            return;
        }
        let mut arc = self.first_arc(node);
        let mut end = None;
        loop {
            let flag = self.flag(arc);
            let label = self.label(arc);
            let next = if flag & TARGET_NEXT != 0 {
                *end.get_or_insert_with(|| self.node_end(arc))
            } else {
                self.stored_target(arc)
            };
            if label == sep && len >= skip {
                if next != 0 {
                    f(&buf[..len], next);
                }
            } else if next != 0 {
                buf[len] = label;
                self.visit_split(next, sep, skip, buf, len + 1, f);
            }
            if flag & LAST_ARC != 0 {
                return;
            }
            arc = self.skip_arc(arc);
        }
    }
}

/// Where [`Cfsa2::walk`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WalkEnd {
    /// The input is a whole sequence of the automaton.
    pub is_final: bool,
    /// The node after the input (0 when nothing continues it).
    pub node: usize,
}

fn read_vint(bytes: &[u8], mut at: usize) -> usize {
    let mut value = 0usize;
    let mut shift = 0;
    loop {
        let b = bytes[at];
        value |= usize::from(b & 0x7F) << shift;
        if b & 0x80 == 0 {
            return value;
        }
        at += 1;
        shift += 7;
    }
}

fn skip_vint(bytes: &[u8], mut at: usize) -> usize {
    while bytes[at] & 0x80 != 0 {
        at += 1;
    }
    at + 1
}
