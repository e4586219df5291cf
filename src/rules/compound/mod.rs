//! Compound-word rules: English plurals glued into German compounds.

pub mod english_plural_compound;
