//! The inputs committed under `fuzz/` that a test should hold to, replayed through
//! the same code the fuzz targets run (`fuzz/fuzz_targets/common.rs`), on the stable
//! toolchain: every crash, timeout or out-of-memory input kept under
//! `fuzz/regressions/<target>/`, so a crash found once stays fixed, and the seeds of
//! each corpus (`seed-*`). (The minimised corpora beside the seeds are the fuzzer's
//! starting point; thousands of builds are too many for a test.)

use std::path::Path;

#[path = "../fuzz/fuzz_targets/common.rs"]
mod fuzz_targets;

fn inputs(dir: &Path, seeds_only: bool) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .filter(|p| {
            !seeds_only
                || p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("seed-"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_committed_fuzz_input_runs_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut replayed = 0;
    for (target, run) in fuzz_targets::TARGETS {
        let mut files = inputs(&root.join("corpus").join(target), true);
        files.extend(inputs(&root.join("regressions").join(target), false));
        assert!(
            !files.is_empty(),
            "no committed input for the {target} target"
        );
        for file in files {
            let data = std::fs::read(&file).expect("read a committed input");
            run(&data);
            replayed += 1;
        }
    }
    eprintln!("replayed {replayed} committed fuzz inputs");
}
