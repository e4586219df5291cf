//! Checks files on worker threads and hands the results over in input order, holding only
//! a few finished files at a time: memory stays flat however large the batch, and the
//! report is the same bytes for any number of threads.

use std::collections::BTreeMap;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, PoisonError};

/// Finished results a worker may run ahead of the printer, per thread.
const AHEAD_PER_THREAD: usize = 4;

/// Runs `work` on every item with `threads` workers and passes the results to `emit` in
/// item order. With one thread everything runs on the calling thread. Stops early (and
/// returns the error) when `emit` fails, e.g. on a closed pipe.
pub fn ordered<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    if threads <= 1 || items.len() <= 1 {
        return items.iter().try_for_each(|it| emit(work(it)));
    }
    let window = threads * AHEAD_PER_THREAD;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // how many results the printer has taken, and a signal when that grows
    let taken = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|s| {
        for _ in 0..threads.min(items.len()) {
            let tx = tx.clone();
            let (next, stop, taken, work) = (&next, &stop, &taken, &work);
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= items.len() {
                    break;
                }
                {
                    let mut done = taken.0.lock().unwrap_or_else(PoisonError::into_inner);
                    while i >= *done + window && !stop.load(Ordering::Relaxed) {
                        done = taken.1.wait(done).unwrap_or_else(PoisonError::into_inner);
                    }
                }
                if stop.load(Ordering::Relaxed) || tx.send((i, work(&items[i]))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut emitted = 0;
        let mut result = Ok(());
        'recv: for (i, r) in &rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&emitted) {
                emitted += 1;
                if let Err(e) = emit(r) {
                    result = Err(e);
                    break 'recv;
                }
                *taken.0.lock().unwrap_or_else(PoisonError::into_inner) = emitted;
                taken.1.notify_all();
            }
        }
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
            let _guard = taken.0.lock().unwrap_or_else(PoisonError::into_inner);
            taken.1.notify_all();
        }
        drop(rx);
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_for_any_thread_count() {
        let items: Vec<u64> = (0..200).collect();
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            ordered(
                &items,
                threads,
                |&i| {
                    // uneven work
                    std::thread::sleep(std::time::Duration::from_micros((i * 7919) % 300));
                    i * 2
                },
                |r| {
                    seen.push(r);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn an_emit_error_stops_the_workers() {
        let items: Vec<u64> = (0..10_000).collect();
        let done = AtomicUsize::new(0);
        let err = ordered(
            &items,
            2,
            |&i| {
                done.fetch_add(1, Ordering::Relaxed);
                i
            },
            |r| {
                if r == 5 {
                    Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
                } else {
                    Ok(())
                }
            },
        )
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
        assert!(done.load(Ordering::Relaxed) < 100);
    }
}
