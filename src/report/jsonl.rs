//! JSON Lines: one finding per line, the stable machine contract.

use std::io::{self, Write};

use super::Batch;

/// Writes every finding as one JSON object per line.
pub fn write(batch: &Batch, out: &mut dyn Write) -> io::Result<()> {
    for f in batch.files.iter().flat_map(|f| &f.findings) {
        serde_json::to_writer(&mut *out, f)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
