//! Memory stays bounded whatever a file holds: a value or a file no real bloc reaches is
//! refused with a Vietnamese message, under a memory limit where the program used to abort.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod common;

use common::{run_ok, s, sample, stderr};
use std::path::Path;
use std::process::Output;

/// Runs the program under a 1 GiB address-space limit (`prlimit`, from util-linux); the
/// unlimited run where the tool is missing, except on CI.
fn run_limited(dir: &Path, args: &[&str]) -> Output {
    let bin = env!("CARGO_BIN_EXE_khoi-thi-dua");
    let limited = ["--as=1073741824", "--", bin];
    if common::tool("prlimit", &["--version"]).is_some() {
        let mut c = std::process::Command::new("prlimit");
        c.args(limited).args(args);
        c.env("KHOI_THI_DUA_DATA_DIR", common::data_dir(dir));
        return c.output().unwrap();
    }
    common::run(dir, args)
}

#[test]
fn a_json_file_with_a_huge_note_is_refused_before_it_is_built() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "mau.sqlite");
    let mut v: serde_json::Value =
        serde_json::from_str(&run_ok(dir.path(), &["export-json", "--db", s(&db)])).unwrap();
    v["years"][0]["indicators"][0]["note"] = serde_json::json!("ư".repeat(30_000_000));
    let json = dir.path().join("huge.json");
    std::fs::write(&json, serde_json::to_string(&v).unwrap()).unwrap();
    drop(v);
    let new = dir.path().join("moi.sqlite");
    let o = run_limited(dir.path(), &["import-json", "--db", s(&new), s(&json)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("dài bất thường"), "{}", stderr(&o));
    assert!(!new.exists());
}

#[test]
fn a_database_holding_a_huge_text_is_refused_at_export_not_exhausted() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "mau.sqlite");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let huge = "Nội dung rất dài. ".repeat(2_000_000);
    conn.execute(
        "UPDATE narrative SET text = ?1 WHERE rowid = (SELECT min(rowid) FROM narrative)",
        [&huge],
    )
    .unwrap();
    conn.execute(
        "UPDATE report_section SET body = ?1 WHERE id = (SELECT min(id) FROM report_section)",
        [&huge],
    )
    .unwrap();
    drop(conn);
    let out = dir.path().join("bao-cao.pdf");
    let mut refused = 0;
    for document in ["report", "minutes", "news"] {
        let o = run_limited(
            dir.path(),
            &[
                &common::export_pdf_args(&db, &out)[..],
                &["--document", document],
            ]
            .concat(),
        );
        let err = stderr(&o);
        if o.status.success() {
            // A document that does not print the narrative is written as usual.
            std::fs::remove_file(&out).unwrap();
            continue;
        }
        assert_eq!(o.status.code(), Some(1), "{document}: {err}");
        assert!(err.contains("quá dài"), "{document}: {err}");
        assert!(!out.exists());
        refused += 1;
    }
    // The report prints the section, the news item the narrative.
    assert!(refused >= 2, "only {refused} documents refused");
}
