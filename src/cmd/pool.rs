//! Running many gradings at once: `grade` grades a class's submissions and
//! `validate` the catalogue's katas with the same pool of threads.

/// Runs `work` on every item on `jobs` threads (never more than there are
/// items). `done` hears each result on the calling thread, in the order
/// they finish; the results come back in the items' order. A job whose
/// thread panicked is `None`.
pub fn run<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    work: impl Fn(&T) -> R + Sync,
    mut done: impl FnMut(usize, &R),
) -> Vec<Option<R>> {
    let jobs = jobs.clamp(1, items.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, R)>();
    let mut results: Vec<Option<R>> = items.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, work) = (&next, &work);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if tx.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (i, result) in rx {
            done(i, &result);
            results[i] = Some(result);
        }
    });
    results
}

/// `--jobs`, else the available parallelism.
pub fn jobs(asked: Option<usize>) -> usize {
    asked.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_and_each_is_heard() {
        let items: Vec<u64> = (0..20).collect();
        let mut heard = Vec::new();
        let out = run(&items, 3, |x| x * 2, |i, r| heard.push((i, *r)));
        assert_eq!(out, (0..20).map(|x| Some(x * 2)).collect::<Vec<_>>());
        heard.sort();
        assert_eq!(heard.len(), 20);
    }
}
