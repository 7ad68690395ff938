//! `scripts/build-windows.sh` looks for the exe where cargo puts it: under
//! `CARGO_TARGET_DIR` when that is set (a relative one taken from where the script is run),
//! else under the project's `target/`. Checked through the script's `--print-exe`, which
//! computes the path as the build does and builds nothing.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::path::{Path, PathBuf};
use std::process::Command;

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/build-windows.sh")
}

const EXE: &str = "x86_64-pc-windows-gnu/release/khoi-thi-dua.exe";

/// The exe path the script would check, run from `cwd` with `target_dir` as CARGO_TARGET_DIR.
fn exe_path(cwd: &Path, target_dir: Option<&str>) -> String {
    // Stand-ins that refuse: a script that ignored `--print-exe` would stop at once rather
    // than install toolchains or start a release build.
    let fakes = tempfile::tempdir().unwrap();
    for tool in ["rustup", "cargo", "apt-get", "x86_64-w64-mingw32-gcc"] {
        let path = fakes.path().join(tool);
        std::fs::write(&path, "#!/bin/sh\nexit 99\n").unwrap();
        let mut perms = std::fs::metadata(&path).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
        std::fs::set_permissions(&path, perms).unwrap();
    }
    let path = format!(
        "{}:{}",
        fakes.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut c = Command::new("bash");
    c.arg(script())
        .arg("--print-exe")
        .current_dir(cwd)
        .env("PATH", path);
    match target_dir {
        Some(d) => c.env("CARGO_TARGET_DIR", d),
        None => c.env_remove("CARGO_TARGET_DIR"),
    };
    let o = c.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap().trim_end().to_owned()
}

#[test]
fn the_windows_build_script_finds_the_exe_under_cargo_target_dir() {
    let o = Command::new("bash")
        .arg("-n")
        .arg(script())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let dir = tempfile::tempdir().unwrap();
    let elsewhere = dir.path().join("dich");
    assert_eq!(
        exe_path(dir.path(), Some(elsewhere.to_str().unwrap())),
        format!("{}/{EXE}", elsewhere.display())
    );
    // Relative: from where it is run, as cargo takes it, not from the project.
    assert_eq!(
        exe_path(dir.path(), Some("tuong-doi")),
        format!("{}/tuong-doi/{EXE}", dir.path().display())
    );
    assert_eq!(
        exe_path(dir.path(), None),
        format!("{}/target/{EXE}", env!("CARGO_MANIFEST_DIR"))
    );

    // The build and every later step use that one path: cargo is given no other target
    // directory, and no line but the default names `target/` itself.
    let text = std::fs::read_to_string(script()).unwrap();
    let code: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect();
    assert!(code.iter().all(|l| !l.contains("--target-dir")));
    let naming_target: Vec<&&str> = code.iter().filter(|l| l.contains("target/")).collect();
    assert_eq!(naming_target.len(), 1, "{naming_target:?}");
    assert!(naming_target[0].contains("${CARGO_TARGET_DIR:-$PWD/target}"));
    assert!(
        code.iter()
            .filter(|l| l.contains("khoi-thi-dua.exe"))
            .all(|l| l.trim_start().starts_with("exe="))
    );
}
