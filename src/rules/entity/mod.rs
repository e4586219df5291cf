//! Rules about names: translated as words, or spelled wrong.

pub mod entity_spelling;
pub mod mangled_entity;
pub mod name_variant;
pub mod unknown_mangled_name;
