//! German (and a few English) abbreviations that end in a full stop without ending a sentence.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Case-sensitive abbreviations, written without their final dot.
const ABBREVIATIONS: &[&str] = &[
    "Abb",
    "Abh",
    "Abk",
    "Abs",
    "Abt",
    "abzgl",
    "Adr",
    "Anh",
    "Anl",
    "Anm",
    "Art",
    "Aufl",
    "Ausg",
    "Bd",
    "Bde",
    "Bearb",
    "begr",
    "beil",
    "Ber",
    "bes",
    "Best",
    "betr",
    "Betr",
    "Bez",
    "Bhf",
    "bspw",
    "Bsp",
    "bzgl",
    "bzw",
    "ca",
    "Chr",
    "Co",
    "Corp",
    "dgl",
    "Di",
    "Dipl",
    "Dir",
    "Do",
    "Dr",
    "Dres",
    "dt",
    "Dt",
    "ebd",
    "Ed",
    "ehem",
    "eig",
    "eigtl",
    "einschl",
    "engl",
    "entspr",
    "erg",
    "etc",
    "ev",
    "evtl",
    "exkl",
    "Fa",
    "Feb",
    "ff",
    "Fr",
    "franz",
    "frz",
    "Gebr",
    "gegr",
    "gem",
    "Gen",
    "ges",
    "gesch",
    "gest",
    "ggf",
    "ggfs",
    "Ggs",
    "Gov",
    "Hbf",
    "hl",
    "Hr",
    "Hrn",
    "Hrsg",
    "Inc",
    "Ing",
    "inkl",
    "insb",
    "insbes",
    "Jan",
    "jew",
    "Jh",
    "Jhd",
    "Jhdt",
    "jr",
    "Jr",
    "jun",
    "Kap",
    "kath",
    "Kfm",
    "Kl",
    "kgl",
    "Komm",
    "Kr",
    "lat",
    "lfd",
    "Lfg",
    "lt",
    "Lt",
    "Ltd",
    "max",
    "med",
    "Mi",
    "Mill",
    "min",
    "Min",
    "mind",
    "Mio",
    "Mo",
    "Mr",
    "Mrd",
    "Mrs",
    "Ms",
    "Mt",
    "mtl",
    "Nachf",
    "Nov",
    "Nr",
    "Nrn",
    "näml",
    "o",
    "od",
    "Okt",
    "österr",
    "Pf",
    "Pfd",
    "phil",
    "Pkt",
    "Pl",
    "Prof",
    "Red",
    "Reg",
    "Rep",
    "resp",
    "rd",
    "röm",
    "Sa",
    "schweiz",
    "Sek",
    "sen",
    "Sen",
    "Sep",
    "Sept",
    "Slg",
    "sog",
    "span",
    "spez",
    "St",
    "Std",
    "Str",
    "stv",
    "Stv",
    "svw",
    "Tab",
    "tägl",
    "Tel",
    "Tsd",
    "tw",
    "ugs",
    "Univ",
    "urspr",
    "usf",
    "usw",
    "Verf",
    "verh",
    "Verl",
    "Verw",
    "vgl",
    "Vizepräs",
    "vorm",
    "Vors",
    "vs",
    "Wwe",
    "zit",
    "zus",
    "zw",
    "zzgl",
    "Apr",
    "Aug",
    "Dez",
    "Jul",
    "Jun",
    "Mär",
    "Okt",
    "Bsp",
    "Hg",
    "Hgg",
    "Ziff",
];

static SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());

/// `word` (without its dot) is an abbreviation, or a single letter (an initial, `z. B.`).
pub fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let single = chars.next().is_some() && chars.next().is_none();
    single || SET.contains(word)
}

/// German month names, for ordinals such as `am 15. Juli`.
pub fn is_month(word: &str) -> bool {
    matches!(
        word,
        "Januar"
            | "Jänner"
            | "Februar"
            | "März"
            | "April"
            | "Mai"
            | "Juni"
            | "Juli"
            | "August"
            | "September"
            | "Oktober"
            | "November"
            | "Dezember"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_common_abbreviations() {
        assert!(is_abbreviation("bzw"));
        assert!(is_abbreviation("z"));
        assert!(is_abbreviation("Dr"));
        assert!(!is_abbreviation("Haus"));
        assert!(is_month("Juli"));
    }
}
