//! The command line of the examples: a file first, then `--name N` options, and one line
//! "Lỗi: …" with exit code 1 when something goes wrong.

use std::path::PathBuf;
use std::process::ExitCode;

/// Runs `run`, printing its error as one line.
pub fn main_with(run: fn() -> Result<(), String>) -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Lỗi: {e}");
            ExitCode::from(1)
        }
    }
}

/// The words after the program's name, and the first of them as a file; `usage` is the error
/// when there is no file first.
pub fn args_with_file(usage: &str) -> Result<(Vec<String>, PathBuf), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args
        .first()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
    else {
        return Err(usage.to_owned());
    };
    Ok((args, file))
}

/// The positive whole number after the option `name`, or `default` without it.
pub fn arg(args: &[String], name: &str, default: usize) -> Result<usize, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(default),
        Some(i) => args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .filter(|&n: &usize| n > 0)
            .ok_or_else(|| format!("{name} cần một số nguyên dương")),
    }
}
