//! The `dateline` binary: all the work is in the library.

/// mimalloc: building a timeline makes and frees millions of small strings, where
/// glibc's allocator spends half the time consolidating free lists (see
/// `benches/graph.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    dateline::cli::run(std::env::args_os())
}
