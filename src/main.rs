//! The `dateline` binary: all the work is in the library.

fn main() -> std::process::ExitCode {
    dateline::cli::run(std::env::args_os())
}
