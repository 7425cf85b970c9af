//! Graph build + propagation + ordering on generated corpora of 10k, 100k and 1M
//! events (`dateline::synthetic`: eight events per article, 10% re-reported by a
//! later article, 0.3 ordering cues per event, a few contradictory dates).
//!
//! `cargo bench --bench graph` prints, per size, the wall time of
//! `graph::build_timeline` (merging, constraint network, Bellman-Ford propagation,
//! order, `after` lists, conflicts) and the peak heap during it, counted by a
//! global allocator. Sizes can be chosen with `DATELINE_BENCH_SIZES=10000,100000`.
//! Target: 1M events in under 10 s and 2 GB on a 2-core machine.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use dateline::graph::build_timeline;
use dateline::synthetic::{corpus, Shape};

/// The binary's allocator (mimalloc), counted.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn main() {
    // `cargo test --benches` runs bench targets with --bench absent; keep that quick.
    let benching = std::env::args().any(|a| a == "--bench");
    let sizes: Vec<usize> = match std::env::var("DATELINE_BENCH_SIZES") {
        Ok(list) => list
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect(),
        Err(_) if benching => vec![10_000, 100_000, 1_000_000],
        Err(_) => vec![2_000],
    };
    println!(
        "{:>10} {:>9} {:>9} {:>9} {:>10} {:>12} {:>12} {:>10}",
        "events", "articles", "nodes", "conflicts", "build s", "µs/event", "input MiB", "peak MiB"
    );
    let mut previous: Option<(usize, f64)> = None;
    for size in sizes {
        let (documents, extracted) = corpus(&Shape::news(size, 7));
        let articles = documents.len();
        let input = CURRENT.load(Ordering::Relaxed);
        PEAK.store(input, Ordering::Relaxed);
        let started = Instant::now();
        let timeline = build_timeline("bench".into(), &documents, extracted);
        let seconds = started.elapsed().as_secs_f64();
        let peak = PEAK.load(Ordering::Relaxed);
        println!(
            "{:>10} {:>9} {:>9} {:>9} {:>10.3} {:>12.2} {:>12.1} {:>10.1}",
            size,
            articles,
            timeline.events.len(),
            timeline.conflicts.len(),
            seconds,
            seconds * 1e6 / size as f64,
            mib(input),
            mib(peak)
        );
        if let Some((n, s)) = previous {
            println!(
                "{:>10} growth ×{:.1} time for ×{:.0} events",
                "",
                seconds / s,
                size as f64 / n as f64
            );
        }
        previous = Some((size, seconds));
        drop(timeline);
    }
}
