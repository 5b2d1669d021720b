//! Work split across the machine's cores: one contiguous share of the items per core,
//! results back in the items' order.

/// `f` of each share of `items` (at most one share per core), in order. A panic in `f`
/// is raised again here.
pub fn shares<T: Sync, R: Send>(items: &[T], f: impl Fn(&[T]) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = items.len().div_ceil(cores).max(1);
    std::thread::scope(|scope| {
        let f = &f;
        let workers: Vec<_> = items.chunks(share).map(|mine| scope.spawn(move || f(mine))).collect();
        workers.into_iter().map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn shares_keep_the_items_order_and_cover_every_item() {
        let items: Vec<u32> = (0..1001).collect();
        let out: Vec<u32> = super::shares(&items, |mine| mine.to_vec()).concat();
        assert_eq!(out, items);
        assert!(super::shares(&[] as &[u32], |mine| mine.len()).iter().all(|n| *n == 0));
    }
}
