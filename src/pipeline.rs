//! Checks a batch on rayon's worker threads and hands the results over in input order,
//! holding only a few finished files at a time: memory stays flat however large the batch,
//! and the report is the same bytes for any number of threads.
//!
//! Workers take the next item from a shared counter, so they finish in roughly input order;
//! a worker that runs more than [`AHEAD_PER_THREAD`] items per thread ahead of the printer
//! waits. The printer (the caller's thread, outside the pool) writes results as soon as
//! the next one in order is there.

use std::collections::BTreeMap;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, PoisonError};

/// Finished results the workers may run ahead of the printer, per thread.
pub const AHEAD_PER_THREAD: usize = 4;

/// Runs `work` on every item on the threads of `pool` (rayon's global pool when `None`) and
/// passes the results to `emit` in item order, on the calling thread. With one thread
/// everything runs on the calling thread. Stops early and returns the error when `emit`
/// fails (a closed pipe, a full disk).
///
/// `work` must not panic: a panic is re-raised after the other workers stop, but the results
/// after the failed item are not emitted. Callers that must survive a panic catch it in
/// `work`.
pub fn ordered<T: Sync, R: Send>(
    items: &[T],
    pool: Option<&rayon::ThreadPool>,
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let threads = pool.map_or_else(rayon::current_num_threads, |p| p.current_num_threads());
    if threads <= 1 || items.len() <= 1 {
        return items.iter().try_for_each(|it| emit(work(it)));
    }
    let shared = Shared {
        items,
        work,
        window: threads * AHEAD_PER_THREAD,
        next: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
        taken: (Mutex::new(0), Condvar::new()),
    };
    let workers = threads.min(items.len());
    match pool {
        Some(p) => p.in_place_scope(|s| run(s, &shared, workers, &mut emit)),
        None => rayon::in_place_scope(|s| run(s, &shared, workers, &mut emit)),
    }
}

/// What the workers and the printer share.
struct Shared<'a, T, W> {
    items: &'a [T],
    work: W,
    /// How far the workers may run ahead of the printer.
    window: usize,
    /// The next item to take.
    next: AtomicUsize,
    /// Set when the printer failed or a worker panicked.
    stop: AtomicBool,
    /// How many results the printer has taken, and a signal when that grows or work stops.
    taken: Taken,
}

/// Spawns `workers` workers into the scope and prints their results in order on this thread.
fn run<'s, T: Sync, R: Send + 's, W: Fn(&T) -> R + Sync>(
    s: &rayon::Scope<'s>,
    shared: &'s Shared<'s, T, W>,
    workers: usize,
    emit: &mut impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    for _ in 0..workers {
        let tx = tx.clone();
        s.spawn(move |_| loop {
            let i = shared.next.fetch_add(1, Ordering::Relaxed);
            if i >= shared.items.len() {
                break;
            }
            {
                let (lock, signal) = &shared.taken;
                let mut done = lock.lock().unwrap_or_else(PoisonError::into_inner);
                while i >= *done + shared.window && !shared.stop.load(Ordering::Relaxed) {
                    done = signal.wait(done).unwrap_or_else(PoisonError::into_inner);
                }
            }
            if shared.stop.load(Ordering::Relaxed) {
                break;
            }
            // a panic in `work` stops the others instead of leaving them waiting
            let guard = StopOnUnwind {
                stop: &shared.stop,
                taken: &shared.taken,
            };
            let r = (shared.work)(&shared.items[i]);
            std::mem::forget(guard);
            if tx.send((i, r)).is_err() {
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
            *shared
                .taken
                .0
                .lock()
                .unwrap_or_else(PoisonError::into_inner) = emitted;
            shared.taken.1.notify_all();
        }
    }
    if result.is_err() {
        stop_all(&shared.stop, &shared.taken);
    }
    drop(rx);
    result
}

type Taken = (Mutex<usize>, Condvar);

/// Tells every worker to stop and wakes the waiting ones.
fn stop_all(stop: &AtomicBool, taken: &Taken) {
    stop.store(true, Ordering::Relaxed);
    let _guard = taken.0.lock().unwrap_or_else(PoisonError::into_inner);
    taken.1.notify_all();
}

/// Stops all workers when dropped during a panic (it is forgotten on success).
struct StopOnUnwind<'a> {
    stop: &'a AtomicBool,
    taken: &'a Taken,
}

impl Drop for StopOnUnwind<'_> {
    fn drop(&mut self) {
        stop_all(self.stop, self.taken);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool")
    }

    #[test]
    fn results_come_in_order_for_any_thread_count() {
        let items: Vec<u64> = (0..200).collect();
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            ordered(
                &items,
                Some(&pool(threads)),
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
            .expect("no error");
            assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn workers_run_at_most_a_window_ahead() {
        let items: Vec<usize> = (0..300).collect();
        let started = AtomicUsize::new(0);
        let mut max_ahead = 0;
        ordered(
            &items,
            Some(&pool(3)),
            |&i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i| {
                let ahead = started.load(Ordering::SeqCst) - i;
                max_ahead = max_ahead.max(ahead);
                Ok(())
            },
        )
        .expect("no error");
        assert!(max_ahead <= 3 * AHEAD_PER_THREAD + 3, "{max_ahead}");
    }

    #[test]
    fn an_emit_error_stops_the_workers() {
        let items: Vec<u64> = (0..10_000).collect();
        let done = AtomicUsize::new(0);
        let err = ordered(
            &items,
            Some(&pool(2)),
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
        .expect_err("the emit error comes back");
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
        assert!(done.load(Ordering::Relaxed) < 100);
    }

    #[test]
    fn a_panicking_item_does_not_hang_the_batch() {
        let items: Vec<u64> = (0..1_000).collect();
        let p = pool(2);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            ordered(
                &items,
                Some(&p),
                |&i| {
                    assert!(i != 3, "item 3 fails");
                    i
                },
                |_| Ok(()),
            )
        }));
        assert!(r.is_err());
    }
}
