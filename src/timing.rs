//! Time spent per rule and stage, summed over all threads, when `MTCHECK_TIMING` is set (a
//! developer's instrument, as ESLint's `TIMING=1`): [`print()`] writes the table.

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

static TABLE: Mutex<BTreeMap<&'static str, Duration>> = Mutex::new(BTreeMap::new());

/// Whether `MTCHECK_TIMING` is set to anything but an empty string or `0`.
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var("MTCHECK_TIMING").is_ok_and(|v| !v.is_empty() && v != "0"))
}

/// Adds time spent in a rule (or a named stage).
pub fn add(id: &'static str, d: Duration) {
    if let Ok(mut t) = TABLE.lock() {
        *t.entry(id).or_default() += d;
    }
}

/// Writes the rules and stages by time spent, slowest first, to standard error.
pub fn print() {
    let Ok(t) = TABLE.lock() else { return };
    let mut rows: Vec<_> = t.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let total: Duration = rows.iter().map(|r| *r.1).sum();
    eprintln!("{:<26} {:>10} {:>6}", "rule or stage", "ms", "%");
    for (id, d) in rows {
        let pct = 100.0 * d.as_secs_f64() / total.as_secs_f64().max(1e-9);
        eprintln!("{id:<26} {:>10.1} {pct:>6.1}", d.as_secs_f64() * 1e3);
    }
}

/// Runs `f`, adding its time to `id` when timing is on.
pub fn timed<T>(id: &'static str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let t = std::time::Instant::now();
    let out = f();
    add(id, t.elapsed());
    out
}
